//! The timeline's days in random logs read in random zones: day headers only go forward,
//! every event sits under the header of its reading-zone day (or its month or year when
//! that is all the log knows), and no gap line counts days against a month or a year.

use chrono::{Datelike, NaiveDate};
use dateline::days::Gap;
use dateline::load::load_str;
use dateline::model::{Precision, Tz};
use dateline::tui::app::rows::{Row, Rows, header_text};
use proptest::prelude::*;
use proptest::test_runner::Config;

/// Zones with odd offsets, summer times that start at midnight, and a skipped day.
const ZONES: [&str; 14] = [
    "UTC",
    "Africa/Cairo",
    "Asia/Tehran",
    "Asia/Riyadh",
    "Asia/Shanghai",
    "America/New_York",
    "America/Havana",
    "America/Sao_Paulo",
    "America/St_Johns",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "Pacific/Apia",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
];

/// A date of any precision: a time has an offset or names one of the zones.
fn date() -> impl Strategy<Value = String> {
    (
        2010i32..2025,
        1u32..=12,
        1u32..=28,
        0u32..24,
        0u32..60,
        -12i32 * 4..=14 * 4,
        0u8..5,
        0usize..ZONES.len(),
    )
        .prop_map(|(y, mo, d, h, mi, quarter_hours, form, zone)| {
            let off = quarter_hours * 15;
            let sign = if off < 0 { '-' } else { '+' };
            let offset = format!("{sign}{:02}:{:02}", off.abs() / 60, off.abs() % 60);
            match form {
                0 => format!("{y:04}"),
                1 => format!("{y:04}-{mo:02}"),
                2 => format!("{y:04}-{mo:02}-{d:02}"),
                3 => format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}{offset}"),
                // Noon exists once in every zone on every day but a skipped one.
                _ => format!("{y:04}-{mo:02}-{d:02}T12:{mi:02}[{}]", ZONES[zone]),
            }
        })
}

fn log_text(zone: &str, dates: &[String]) -> String {
    let mut y = format!("timezone: {zone}\nevents:\n");
    for (i, d) in dates.iter().enumerate() {
        y += &format!("  - date: \"{d}\"\n    kind: meeting\n    title: Event {i}\n");
    }
    y
}

/// The header an event belongs under, worked out from its instant by the zone database
/// directly: its reading-zone day, or the month or year written.
fn expected_header(e: &dateline::model::Event, tz: Tz) -> String {
    let d = &e.date;
    let first: NaiveDate = match d.precision {
        Precision::Minute | Precision::Second => d.start().with_timezone(&tz).date_naive(),
        _ => NaiveDate::parse_from_str(&format!("{}-01-01", &d.written()[..4]), "%Y-%m-%d")
            .map(|y| {
                let w = d.written();
                match d.precision {
                    Precision::Year => y,
                    Precision::Month => y.with_month(w[5..7].parse().unwrap()).unwrap(),
                    _ => NaiveDate::parse_from_str(&w, "%Y-%m-%d").unwrap(),
                }
            })
            .unwrap(),
    };
    match d.precision {
        Precision::Year => first.format("%Y").to_string(),
        Precision::Month => first.format("%B %Y").to_string(),
        _ => first.format("%a %-d %B %Y").to_string(),
    }
}

proptest! {
    #![proptest_config(Config { cases: 256, failure_persistence: None, ..Config::default() })]

    #[test]
    fn headers_go_forward_and_hold_their_reading_zone_days(
        zone in 0usize..ZONES.len(),
        dates in prop::collection::vec(date(), 1..40),
    ) {
        let text = log_text(ZONES[zone], &dates);
        let loaded = load_str("log.yaml", &text);
        // A time named in a zone on the day that zone skipped is an error, rightly.
        prop_assume!(loaded.is_ok());
        let log = loaded.unwrap().log;
        let tz = log.timezone;
        let visible: Vec<usize> = (0..log.events.len()).collect();
        let rows = Rows::build(&log, &visible);
        let mut last: Option<dateline::days::Period> = None;
        let mut header: Option<String> = None;
        let mut prev_event: Option<usize> = None;
        let mut pending_gap: Option<Gap> = None;
        for row in &rows.rows {
            match *row {
                Row::Header(ix) => {
                    let ix = ix as usize;
                    let p = dateline::days::Period::of(&log.events[ix].date);
                    if let Some(l) = last {
                        prop_assert!(l < p, "header {:?} after {:?}", p, l);
                    }
                    last = Some(p);
                    header = Some(header_text(&log, ix));
                }
                Row::Gap(g) => pending_gap = Some(g),
                Row::Event { ix, .. } => {
                    let ix = ix as usize;
                    let e = &log.events[ix];
                    let expected = expected_header(e, tz);
                    prop_assert_eq!(
                        header.as_deref(),
                        Some(expected.as_str()),
                        "event {} in {}", e.date, ZONES[zone]
                    );
                    if let Some(Gap::Days(n)) = pending_gap.take() {
                        let prev = &log.events[prev_event.expect("a gap follows an event")];
                        prop_assert!(prev.date.precision >= Precision::Day);
                        prop_assert!(e.date.precision >= Precision::Day);
                        prop_assert!(n > 7);
                    }
                    prev_event = Some(ix);
                }
            }
        }
        prop_assert_eq!(rows.event_row.len(), log.events.len());
    }
}

proptest! {
    #![proptest_config(Config { cases: 2000, failure_persistence: None, ..Config::default() })]

    /// Whatever is written where a date goes, the answer is a date or a message, and a fix
    /// offered as help is itself a date or names both ways to write the clock.
    #[test]
    fn dates_never_panic_and_fixes_parse(
        text in "[0-9]{1,4}[-/ ]?[0-9]{0,2}[-/]?[0-9]{0,2}[T t]?[0-9]{0,2}:?[0-9]{0,2}(Z|UTC|[+-][0-9]{1,4}:?[0-9]{0,2})?(\\[[A-Za-z/_]{0,20}\\])?|\\PC{0,30}",
        zone in 0usize..ZONES.len(),
    ) {
        let tz: Tz = ZONES[zone].parse().unwrap();
        if let Err(e) = dateline::model::Date::parse_in(&text, tz)
            && let Some(help) = e.help
            && let Some(fixed) = help.strip_prefix("write \"").and_then(|h| h.split('"').next())
        {
            prop_assert!(
                dateline::model::Date::parse_in(fixed, tz).is_ok(),
                "the fix {fixed:?} of {text:?} does not parse"
            );
        }
    }
}
