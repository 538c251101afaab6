//! Help for a zone written as journalists often write one: an abbreviation from a wire
//! report (`CEST`, `EDT`, `IRST`), which names no place and often means several clocks, or
//! a city that has no zone of its own in the database (`Europe/Geneva` is on Zurich's).

/// What an abbreviation may stand for: its name, its offset, and the zones of the places
/// a journalist most likely means, the likeliest first.
type Meaning = (&'static str, &'static str, &'static [&'static str]);

const CENTRAL_EUROPE: &[&str] = &["Europe/Paris", "Europe/Berlin", "Europe/Brussels"];
const EASTERN_EUROPE: &[&str] = &["Europe/Athens", "Europe/Kyiv", "Africa/Cairo"];
const US_EAST: &[&str] = &["America/New_York"];
const US_CENTRAL: &[&str] = &["America/Chicago"];
const US_MOUNTAIN: &[&str] = &["America/Denver"];
const US_WEST: &[&str] = &["America/Los_Angeles"];

const ABBREVIATIONS: &[(&str, &[Meaning])] = &[
    (
        "CET",
        &[("Central European Time", "+01:00", CENTRAL_EUROPE)],
    ),
    (
        "CEST",
        &[("Central European Summer Time", "+02:00", CENTRAL_EUROPE)],
    ),
    (
        "EET",
        &[("Eastern European Time", "+02:00", EASTERN_EUROPE)],
    ),
    (
        "EEST",
        &[("Eastern European Summer Time", "+03:00", EASTERN_EUROPE)],
    ),
    (
        "WET",
        &[("Western European Time", "+00:00", &["Europe/Lisbon"])],
    ),
    (
        "WEST",
        &[("Western European Summer Time", "+01:00", &["Europe/Lisbon"])],
    ),
    (
        "BST",
        &[
            ("British Summer Time", "+01:00", &["Europe/London"]),
            ("Bangladesh Standard Time", "+06:00", &["Asia/Dhaka"]),
        ],
    ),
    ("EST", &[("US Eastern Standard Time", "-05:00", US_EAST)]),
    ("EDT", &[("US Eastern Daylight Time", "-04:00", US_EAST)]),
    (
        "CST",
        &[
            ("US Central Standard Time", "-06:00", US_CENTRAL),
            ("China Standard Time", "+08:00", &["Asia/Shanghai"]),
        ],
    ),
    ("CDT", &[("US Central Daylight Time", "-05:00", US_CENTRAL)]),
    (
        "MST",
        &[("US Mountain Standard Time", "-07:00", US_MOUNTAIN)],
    ),
    (
        "MDT",
        &[("US Mountain Daylight Time", "-06:00", US_MOUNTAIN)],
    ),
    ("PST", &[("US Pacific Standard Time", "-08:00", US_WEST)]),
    ("PDT", &[("US Pacific Daylight Time", "-07:00", US_WEST)]),
    (
        "AST",
        &[
            (
                "Arabia Standard Time",
                "+03:00",
                &["Asia/Riyadh", "Asia/Baghdad"],
            ),
            ("Atlantic Standard Time", "-04:00", &["America/Halifax"]),
        ],
    ),
    (
        "GST",
        &[(
            "Gulf Standard Time",
            "+04:00",
            &["Asia/Dubai", "Asia/Muscat"],
        )],
    ),
    (
        "IRST",
        &[("Iran Standard Time", "+03:30", &["Asia/Tehran"])],
    ),
    (
        "IRDT",
        &[("Iran Daylight Time", "+04:30", &["Asia/Tehran"])],
    ),
    (
        "IST",
        &[
            ("India Standard Time", "+05:30", &["Asia/Kolkata"]),
            ("Israel Standard Time", "+02:00", &["Asia/Jerusalem"]),
            ("Irish Standard Time", "+01:00", &["Europe/Dublin"]),
        ],
    ),
    (
        "IDT",
        &[("Israel Daylight Time", "+03:00", &["Asia/Jerusalem"])],
    ),
    (
        "PKT",
        &[("Pakistan Standard Time", "+05:00", &["Asia/Karachi"])],
    ),
    ("MSK", &[("Moscow Time", "+03:00", &["Europe/Moscow"])]),
    ("TRT", &[("Turkey Time", "+03:00", &["Europe/Istanbul"])]),
    (
        "EAT",
        &[("East Africa Time", "+03:00", &["Africa/Nairobi"])],
    ),
    (
        "CAT",
        &[("Central Africa Time", "+02:00", &["Africa/Maputo"])],
    ),
    ("WAT", &[("West Africa Time", "+01:00", &["Africa/Lagos"])]),
    ("JST", &[("Japan Standard Time", "+09:00", &["Asia/Tokyo"])]),
    ("KST", &[("Korea Standard Time", "+09:00", &["Asia/Seoul"])]),
    ("HKT", &[("Hong Kong Time", "+08:00", &["Asia/Hong_Kong"])]),
    ("SGT", &[("Singapore Time", "+08:00", &["Asia/Singapore"])]),
    (
        "MYT",
        &[("Malaysia Time", "+08:00", &["Asia/Kuala_Lumpur"])],
    ),
    ("ICT", &[("Indochina Time", "+07:00", &["Asia/Bangkok"])]),
    (
        "WIB",
        &[("Western Indonesia Time", "+07:00", &["Asia/Jakarta"])],
    ),
    ("PHT", &[("Philippine Time", "+08:00", &["Asia/Manila"])]),
    (
        "AEST",
        &[(
            "Australian Eastern Standard Time",
            "+10:00",
            &["Australia/Sydney"],
        )],
    ),
    (
        "AEDT",
        &[(
            "Australian Eastern Daylight Time",
            "+11:00",
            &["Australia/Sydney"],
        )],
    ),
    (
        "NZST",
        &[("New Zealand Standard Time", "+12:00", &["Pacific/Auckland"])],
    ),
    (
        "NZDT",
        &[("New Zealand Daylight Time", "+13:00", &["Pacific/Auckland"])],
    ),
];

/// Cities in the news that share another city's zone, as a writer may put them
/// (`Europe/Geneva`, `Geneva`).
const CITIES: &[(&str, &str)] = &[
    ("geneva", "Europe/Zurich"),
    ("bern", "Europe/Zurich"),
    ("lausanne", "Europe/Zurich"),
    ("davos", "Europe/Zurich"),
    ("washington", "America/New_York"),
    ("boston", "America/New_York"),
    ("miami", "America/New_York"),
    ("ottawa", "America/Toronto"),
    ("san_francisco", "America/Los_Angeles"),
    ("beijing", "Asia/Shanghai"),
    ("doha", "Asia/Qatar"),
    ("abu_dhabi", "Asia/Dubai"),
    ("jeddah", "Asia/Riyadh"),
    ("new_delhi", "Asia/Kolkata"),
    ("delhi", "Asia/Kolkata"),
    ("mumbai", "Asia/Kolkata"),
    ("islamabad", "Asia/Karachi"),
    ("tel_aviv", "Asia/Jerusalem"),
    ("ramallah", "Asia/Hebron"),
    ("ankara", "Europe/Istanbul"),
    ("hanoi", "Asia/Ho_Chi_Minh"),
    ("st_petersburg", "Europe/Moscow"),
    ("munich", "Europe/Berlin"),
    ("frankfurt", "Europe/Berlin"),
    ("milan", "Europe/Rome"),
    ("barcelona", "Europe/Madrid"),
    ("the_hague", "Europe/Amsterdam"),
    ("canberra", "Australia/Sydney"),
    ("wellington", "Pacific/Auckland"),
    ("osaka", "Asia/Tokyo"),
    ("sharm_el_sheikh", "Africa/Cairo"),
];

/// The help for an abbreviation (any case): what it may stand for, that it is ambiguous,
/// and the zones to write instead.
pub(crate) fn abbreviation_help(found: &str) -> Option<String> {
    let upper = found.trim().to_ascii_uppercase();
    let (abbr, meanings) = ABBREVIATIONS.iter().find(|(a, _)| *a == upper)?;
    let said: Vec<String> = meanings
        .iter()
        .map(|(name, offset, zones)| {
            let zones: Vec<String> = zones.iter().map(|z| format!("\"{z}\"")).collect();
            format!("{name} ({offset}) as in {}", or_list(&zones))
        })
        .collect();
    Some(format!(
        "\"{abbr}\" is an abbreviation, and abbreviations are ambiguous: it may mean {}; write the zone of the place where the time was given",
        said.join("; or ")
    ))
}

/// The zone an abbreviation with one meaning most likely stands for (`EDT`:
/// `America/New_York`); none for one with several (`IST`).
pub(crate) fn likely_zone(found: &str) -> Option<&'static str> {
    let upper = found.trim().to_ascii_uppercase();
    match ABBREVIATIONS.iter().find(|(a, _)| *a == upper)?.1 {
        [(_, _, zones)] => zones.first().copied(),
        _ => None,
    }
}

/// The zone of a city that has none of its own: `Europe/Geneva` or `Geneva` gives
/// `Europe/Zurich`.
pub(crate) fn city_zone(found: &str) -> Option<&'static str> {
    let city = found
        .trim()
        .rsplit('/')
        .next()?
        .to_lowercase()
        .replace([' ', '-', '.'], "_")
        .replace("__", "_");
    CITIES.iter().find(|(c, _)| *c == city).map(|(_, z)| *z)
}

fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// The names in the database that are abbreviations for a clock that never changes, while
/// the places a journalist means by them move their clocks in summer: the name, its offset,
/// and the zone of those places.
const FIXED: &[(&str, &str, &str)] = &[
    ("EST", "-05:00", "America/New_York"),
    ("MST", "-07:00", "America/Denver"),
];

/// A warning for a zone written as one of those: it is read, but it may not be the clock
/// the writer meant.
pub(crate) fn fixed_abbreviation_warning(name: &str) -> Option<String> {
    let (abbr, offset, place) = FIXED.iter().find(|(a, _, _)| *a == name.trim())?;
    Some(format!(
        "the zone \"{abbr}\" is a clock fixed at {offset} all year, while \"{place}\" moves its clocks in summer: for a place's time, write its zone (\"{place}\"); for a fixed clock, the offset ({offset})"
    ))
}
