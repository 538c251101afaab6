//! Time zones by their IANA names, from the time zone database compiled into the binary
//! (chrono-tz), so that a log reads the same on every machine whatever its system's zones.

use chrono::{DateTime, FixedOffset, LocalResult, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{TZ_VARIANTS, Tz};

/// The reading zone of a log that names none.
pub(crate) const DEFAULT_ZONE: Tz = Tz::UTC;

/// A zone name that is not in the database, with the nearest one when there is a likely one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct UnknownZone {
    pub(crate) message: String,
    pub(crate) help: Option<String>,
}

/// Parses an IANA zone name (`Asia/Tehran`, `UTC`).
pub(crate) fn parse_zone(name: &str) -> Result<Tz, UnknownZone> {
    if let Ok(tz) = name.parse::<Tz>() {
        return Ok(tz);
    }
    Err(UnknownZone {
        message: format!(
            "found the time zone \"{}\", which the time zone database does not have: expected an IANA name such as Africa/Cairo, Asia/Tehran or America/New_York",
            crate::sanitize::sanitize(name)
        ),
        help: super::zone_hints::abbreviation_help(name).or_else(|| {
            let z = super::zone_hints::city_zone(name).or_else(|| nearest_zone(name))?;
            Some(format!("did you mean \"{z}\"?"))
        }),
    })
}

/// The zone a writer most likely meant: the same name in other case, a city written
/// without its region (`Tehran`) or with spaces (`New York`), or a near spelling.
fn nearest_zone(found: &str) -> Option<&'static str> {
    let norm = |s: &str| s.trim().to_lowercase().replace(' ', "_");
    let f = norm(found);
    if f.is_empty() {
        return None;
    }
    let names = || TZ_VARIANTS.iter().map(|z| z.name());
    if let Some(n) = names().find(|n| n.to_lowercase() == f) {
        return Some(n);
    }
    // A city alone: prefer the canonical region names over the old aliases (`Iran`).
    if let Some(n) = names().find(|n| {
        n.rsplit('/')
            .next()
            .is_some_and(|city| city.to_lowercase() == f)
            && n.contains('/')
    }) {
        return Some(n);
    }
    let mut best: Option<(usize, &'static str)> = None;
    for n in names() {
        let l = n.to_lowercase();
        let city = l.rsplit('/').next().unwrap_or(&l).to_string();
        let d = strsim::damerau_levenshtein(&f, &l).min(strsim::damerau_levenshtein(&f, &city));
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, n));
        }
    }
    let (d, n) = best?;
    (d <= (f.chars().count() / 4).max(1)).then_some(n)
}

/// The first instant of a wall-clock time in `tz`; when the clocks skipped it (a zone that
/// moves them at midnight), the first instant after the skip.
pub(crate) fn first_instant(tz: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(d) | LocalResult::Ambiguous(d, _) => d.with_timezone(&Utc),
        LocalResult::None => {
            let mut t = local;
            for _ in 0..96 {
                t += chrono::Duration::minutes(15);
                if let Some(d) = tz.from_local_datetime(&t).earliest() {
                    return d.with_timezone(&Utc);
                }
            }
            Utc.from_utc_datetime(&local)
        }
    }
}

/// The offsets `tz` had at a wall-clock time: none in a spring-forward gap, two in the
/// hour repeated in autumn.
pub(crate) fn offsets_at(tz: Tz, local: NaiveDateTime) -> Vec<FixedOffset> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(d) => vec![d.offset().fix()],
        LocalResult::Ambiguous(a, b) => vec![a.offset().fix(), b.offset().fix()],
        LocalResult::None => Vec::new(),
    }
}

/// `+03:30`, `-05:00`, `Z` for UTC.
pub(crate) fn offset_text(o: FixedOffset) -> String {
    if o.local_minus_utc() == 0 {
        return "Z".into();
    }
    signed_offset(o)
}

/// `+03:30`, `-05:00`, `+00:00`: the offset for people, never `Z`.
pub(crate) fn signed_offset(o: FixedOffset) -> String {
    let secs = o.local_minus_utc();
    let sign = if secs < 0 { '-' } else { '+' };
    let secs = secs.abs();
    format!("{sign}{:02}:{:02}", secs / 3600, secs % 3600 / 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_parse_and_misspellings_get_a_suggestion() {
        assert_eq!(parse_zone("Asia/Tehran").unwrap(), Tz::Asia__Tehran);
        assert_eq!(parse_zone("UTC").unwrap(), Tz::UTC);
        let help = |s| parse_zone(s).unwrap_err().help;
        assert_eq!(
            help("asia/tehran").as_deref(),
            Some("did you mean \"Asia/Tehran\"?")
        );
        assert_eq!(
            help("Tehran").as_deref(),
            Some("did you mean \"Asia/Tehran\"?")
        );
        assert_eq!(
            help("New York").as_deref(),
            Some("did you mean \"America/New_York\"?")
        );
        assert_eq!(
            help("Asia/Teheran").as_deref(),
            Some("did you mean \"Asia/Tehran\"?")
        );
        assert_eq!(help("Mars/Olympus_Mons"), None);
        // A city on another's zone, and abbreviations, which name no place.
        assert_eq!(
            help("Europe/Geneva").as_deref(),
            Some("did you mean \"Europe/Zurich\"?")
        );
        let cest = help("CEST").unwrap();
        assert!(cest.contains("ambiguous"), "{cest}");
        assert!(cest.contains("\"Europe/Paris\""), "{cest}");
        assert!(!cest.contains("Australia"), "{cest}");
        let ist = help("ist").unwrap();
        assert!(
            ist.contains("Asia/Kolkata") && ist.contains("Asia/Jerusalem"),
            "{ist}"
        );
    }
}
