//! The reading zone and zone names in times (FORMAT.md, "Dates", revision 2): each rule
//! with a log that passes and one that fails, asserting what the writer is told (line,
//! column, path, message, fix); summer-time changes in New York and Tehran; day filters at
//! both edges of a reading-zone day.

use dateline::filter::{Query, apply};
use dateline::load::{Diagnostic, Limits, Loaded, load_paths, load_str};
use dateline::model::{Date, Log, Tz};
use dateline::search::SearchIndex;

fn ok(yaml: &str) -> Loaded {
    match load_str("log.yaml", yaml) {
        Ok(l) => l,
        Err(r) => panic!("expected the log to open, got {:#?}", r.diagnostics),
    }
}

fn one_error(yaml: &str) -> Diagnostic {
    let errs: Vec<Diagnostic> = match load_str("log.yaml", yaml) {
        Ok(_) => panic!("expected an error, the log opened:\n{yaml}"),
        Err(r) => r.errors().cloned().collect(),
    };
    assert_eq!(errs.len(), 1, "expected one error, got {errs:#?}");
    errs.into_iter().next().unwrap()
}

/// 1-based line and column where `needle` starts in `yaml` (it must be unique).
fn at(yaml: &str, needle: &str) -> (usize, usize) {
    assert_eq!(yaml.matches(needle).count(), 1, "{needle:?} is not unique");
    let off = yaml.find(needle).unwrap();
    let before = &yaml[..off];
    let line = before.matches('\n').count() + 1;
    let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (line, col)
}

/// A log with these events, each `(date, title)`, read in `zone` (none: no `timezone`).
fn log_in(zone: Option<&str>, events: &[(&str, &str)]) -> String {
    let mut y = String::new();
    if let Some(z) = zone {
        y += &format!("timezone: {z}\n");
    }
    y += "events:\n";
    for (d, t) in events {
        y += &format!("  - date: \"{d}\"\n    kind: meeting\n    title: {t}\n");
    }
    y
}

fn titles(log: &Log, events: &[usize]) -> Vec<String> {
    events
        .iter()
        .map(|&i| log.events[i].title.clone())
        .collect()
}

// ---------------------------------------------------------------- timezone

#[test]
fn a_log_without_timezone_is_read_in_utc() {
    let l = ok(&log_in(None, &[("2024-04-03", "A day")]));
    assert_eq!(l.log.timezone, Tz::UTC);
    assert_eq!(
        l.log.events[0].date.start().to_rfc3339(),
        "2024-04-03T00:00:00+00:00"
    );
}

#[test]
fn timezone_makes_dates_periods_of_its_calendar() {
    let l = ok(&log_in(
        Some("Africa/Cairo"),
        &[
            ("2024-04-03", "A day"),
            ("2024-04", "A month"),
            ("2024", "A year"),
        ],
    ));
    assert_eq!(l.log.timezone, Tz::Africa__Cairo);
    let start = |t: &str| {
        let e = l.log.events.iter().find(|e| e.title == t).unwrap();
        (
            e.date.start().to_rfc3339(),
            e.date.end_exclusive().to_rfc3339(),
        )
    };
    // Cairo is on +02:00 in early April 2024 (summer time from 26 April).
    assert_eq!(
        start("A day"),
        (
            "2024-04-02T22:00:00+00:00".into(),
            "2024-04-03T22:00:00+00:00".into()
        )
    );
    assert_eq!(
        start("A month"),
        (
            "2024-03-31T22:00:00+00:00".into(),
            "2024-04-30T21:00:00+00:00".into()
        )
    );
    assert_eq!(start("A year").0, "2023-12-31T22:00:00+00:00");
}

#[test]
fn an_unknown_timezone_is_an_error_with_a_suggestion() {
    let yaml = log_in(Some("Africa/Kairo"), &[("2024-04-03", "A day")]);
    let d = one_error(&yaml);
    assert_eq!((d.line, d.col), at(&yaml, "Africa/Kairo"));
    assert_eq!(d.path, "timezone");
    assert!(
        d.message.contains("found the time zone \"Africa/Kairo\""),
        "{d:?}"
    );
    assert_eq!(d.help.as_deref(), Some("did you mean \"Africa/Cairo\"?"));
    let yaml = log_in(Some("Tehran"), &[]);
    assert_eq!(
        one_error(&yaml).help.as_deref(),
        Some("did you mean \"Asia/Tehran\"?")
    );
    let yaml = log_in(Some("[Asia/Tehran]"), &[]);
    assert_eq!(one_error(&yaml).path, "timezone");
}

fn write_files(files: &[(&str, &str)]) -> (tempfile::TempDir, Vec<std::path::PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let paths = files
        .iter()
        .map(|(name, text)| {
            let p = dir.path().join(name);
            std::fs::write(&p, text).unwrap();
            p
        })
        .collect();
    (dir, paths)
}

#[test]
fn files_of_one_log_must_agree_on_the_reading_zone() {
    let a = log_in(Some("Africa/Cairo"), &[("2024-04-03", "In Cairo")]);
    let b = log_in(Some("Asia/Tehran"), &[("2024-04-04", "In Tehran")]);
    let (_dir, paths) = write_files(&[("a.yaml", &a), ("b.yaml", &b)]);
    let r = load_paths(&paths, &Limits::default()).unwrap_err();
    let errs: Vec<_> = r.errors().collect();
    assert_eq!(errs.len(), 1, "{errs:#?}");
    let d = errs[0];
    assert!(d.file.ends_with("b.yaml"), "{d:?}");
    assert_eq!((d.line, d.col), (1, 11));
    assert!(
        d.message
            .contains("timezone Asia/Tehran differs from Africa/Cairo in")
            && d.message.contains("a.yaml:1"),
        "{d:?}"
    );
}

#[test]
fn a_file_naming_no_zone_takes_the_zone_of_the_others() {
    let a = log_in(None, &[("2024-04-03", "Named none")]);
    let b = log_in(Some("Africa/Cairo"), &[("2024-04-03", "Named Cairo")]);
    let (_dir, paths) = write_files(&[("a.yaml", &a), ("b.yaml", &b)]);
    let l = load_paths(&paths, &Limits::default()).unwrap().log;
    assert_eq!(l.timezone, Tz::Africa__Cairo);
    for e in &l.events {
        assert_eq!(e.date.start().to_rfc3339(), "2024-04-02T22:00:00+00:00");
    }
}

// ---------------------------------------------------------------- zone names in times

#[test]
fn a_time_may_name_its_zone_with_or_without_the_offset() {
    let l = ok(&log_in(
        None,
        &[
            ("2023-03-10T14:00[Asia/Tehran]", "Zone only"),
            ("2023-03-10T14:00+03:30[Asia/Tehran]", "Offset and zone"),
        ],
    ));
    for e in &l.log.events {
        assert_eq!(e.date.start().to_rfc3339(), "2023-03-10T10:30:00+00:00");
        assert_eq!(e.date.human_time().unwrap(), "14:00 +03:30");
    }
    let written: Vec<_> = l.log.events.iter().map(|e| e.date.written()).collect();
    assert_eq!(
        written,
        [
            "2023-03-10T14:00[Asia/Tehran]",
            "2023-03-10T14:00+03:30[Asia/Tehran]"
        ]
    );
}

#[test]
fn new_york_across_its_summer_time_changes() {
    let l = ok(&log_in(
        None,
        &[
            ("2023-03-11T12:00[America/New_York]", "Before March"),
            ("2023-03-12T12:00[America/New_York]", "After March"),
            ("2023-11-04T12:00[America/New_York]", "Before November"),
            ("2023-11-05T12:00[America/New_York]", "After November"),
        ],
    ));
    let clocks: Vec<_> = l
        .log
        .events
        .iter()
        .map(|e| (e.title.as_str(), e.date.start().to_rfc3339()))
        .collect();
    assert_eq!(
        clocks,
        [
            ("Before March", "2023-03-11T17:00:00+00:00".into()),
            ("After March", "2023-03-12T16:00:00+00:00".into()),
            ("Before November", "2023-11-04T16:00:00+00:00".into()),
            ("After November", "2023-11-05T17:00:00+00:00".into()),
        ]
    );
    // An offset written for the wrong season is caught.
    let yaml = log_in(
        None,
        &[("2023-03-13T12:00-05:00[America/New_York]", "Slip")],
    );
    let d = one_error(&yaml);
    assert_eq!((d.line, d.col), at(&yaml, "\"2023-03-13"));
    assert_eq!(d.path, "events[0].date");
    assert!(
        d.message
            .contains("America/New_York was on -04:00 at 12:00 on 13 March 2023, not -05:00"),
        "{d:?}"
    );
    assert_eq!(
        d.help.as_deref(),
        Some(
            "write 2023-03-13T12:00-04:00[America/New_York], or leave the offset out: 2023-03-13T12:00[America/New_York]"
        )
    );
    // The hour skipped in March and the hour repeated in November.
    let d = one_error(&log_in(
        None,
        &[("2023-03-12T02:30[America/New_York]", "Skipped")],
    ));
    assert!(d.message.contains("did not happen"), "{d:?}");
    assert_eq!(
        d.help.as_deref(),
        Some("the first time after the change was 2023-03-12T03:00-04:00[America/New_York]")
    );
    let d = one_error(&log_in(
        None,
        &[("2023-11-05T01:30[America/New_York]", "Twice")],
    ));
    assert!(d.message.contains("happened twice"), "{d:?}");
    assert_eq!(
        d.help.as_deref(),
        Some(
            "add the offset to say which: 2023-11-05T01:30-04:00[America/New_York] or 2023-11-05T01:30-05:00[America/New_York]"
        )
    );
}

#[test]
fn tehran_before_and_after_iran_dropped_summer_time() {
    // The database has Iran on +04:30 each summer until 2022, and on +03:30 all year since.
    let l = ok(&log_in(
        None,
        &[
            ("2021-07-01T12:00[Asia/Tehran]", "Summer 2021"),
            ("2022-07-01T12:00[Asia/Tehran]", "Summer 2022"),
            ("2023-07-01T12:00[Asia/Tehran]", "Summer 2023"),
        ],
    ));
    let clocks: Vec<_> = l
        .log
        .events
        .iter()
        .map(|e| e.date.human_time().unwrap())
        .collect();
    assert_eq!(clocks, ["12:00 +04:30", "12:00 +04:30", "12:00 +03:30"]);
    let d = one_error(&log_in(
        None,
        &[("2023-07-01T12:00+04:30[Asia/Tehran]", "Old habit")],
    ));
    assert!(
        d.message
            .contains("Asia/Tehran was on +03:30 at 12:00 on 1 July 2023, not +04:30"),
        "{d:?}"
    );
}

#[test]
fn an_unknown_zone_in_a_time_is_an_error_with_a_suggestion() {
    let yaml = log_in(None, &[("2023-03-10T14:00[Asia/Teheran]", "Typo")]);
    let d = one_error(&yaml);
    assert_eq!((d.line, d.col), at(&yaml, "\"2023-03-10"));
    assert!(d.message.contains("\"Asia/Teheran\""), "{d:?}");
    assert_eq!(d.help.as_deref(), Some("did you mean \"Asia/Tehran\"?"));
    let d = one_error(&log_in(None, &[("2023-03-10[Asia/Tehran]", "No time")]));
    assert!(d.message.contains("belongs to a time of day"), "{d:?}");
}

// ---------------------------------------------------------------- mistakes and their fixes

#[test]
fn date_mistakes_get_the_fix_where_they_are() {
    for (written, help) in [
        (
            "2023-03-10T14:00+0330",
            "write \"2023-03-10T14:00+03:30\": an offset is written ±HH:MM",
        ),
        (
            "2023-3-10",
            "write \"2023-03-10\": month and day are written with two digits",
        ),
        (
            "March 2023",
            "write \"2023-03\": a month is written YYYY-MM",
        ),
        (
            "2023-03-10 14:00+03:30",
            "write \"2023-03-10T14:00+03:30\": date and time are joined by T, with no space",
        ),
        (
            "2023-03-10T14:00",
            "write the offset, 2023-03-10T14:00+02:00, or the zone, 2023-03-10T14:00[Africa/Cairo]",
        ),
    ] {
        let yaml = format!(
            "title: Mistakes\ntimezone: Africa/Cairo\nevents:\n  - kind: meeting\n    title: T\n    date: {written}\n"
        );
        let d = one_error(&yaml);
        assert_eq!((d.line, d.col), (6, 11), "{written}: {d:?}");
        assert_eq!(d.path, "events[0].date");
        assert!(d.message.contains(written), "{d:?}");
        assert_eq!(d.help.as_deref(), Some(help), "{written}");
    }
}

// ---------------------------------------------------------------- order, days, filters

#[test]
fn at_one_instant_coarser_dates_come_first() {
    let l = ok(&log_in(
        Some("Asia/Tehran"),
        &[
            ("2023-01-01T00:00[Asia/Tehran]", "Timed"),
            ("2023-01-01", "Day"),
            ("2023-01", "Month"),
            ("2023", "Year"),
        ],
    ));
    let all: Vec<usize> = (0..4).collect();
    assert_eq!(titles(&l.log, &all), ["Year", "Month", "Day", "Timed"]);
}

/// Events one minute either side of each edge of Friday 10 March 2023 in `zone`.
fn edges(zone: &str) -> Log {
    let z = format!("[{zone}]");
    ok(&log_in(
        Some(zone),
        &[
            (&format!("2023-03-09T23:59{z}"), "Just before"),
            (&format!("2023-03-10T00:00{z}"), "First minute"),
            (&format!("2023-03-10T23:59{z}"), "Last minute"),
            (&format!("2023-03-11T00:00{z}"), "Just after"),
            ("2023-03-10", "The day itself"),
        ],
    ))
    .log
}

fn between(log: &Log, from: &str, to: &str) -> Vec<String> {
    let q = Query {
        from: Some(Date::parse(from).unwrap()),
        to: Some(Date::parse(to).unwrap()),
        ..Query::default()
    };
    titles(log, &apply(log, &SearchIndex::new(log), &q))
}

#[test]
fn a_day_filter_keeps_exactly_the_reading_zone_day() {
    for zone in [
        "Asia/Tehran",
        "America/New_York",
        "UTC",
        "Pacific/Kiritimati",
    ] {
        let log = edges(zone);
        assert_eq!(
            between(&log, "2023-03-10", "2023-03-10"),
            ["The day itself", "First minute", "Last minute"],
            "{zone}"
        );
        assert_eq!(
            between(&log, "2023-03-09", "2023-03-09"),
            ["Just before"],
            "{zone}"
        );
        assert_eq!(
            between(&log, "2023-03-11", "2023-03-11"),
            ["Just after"],
            "{zone}"
        );
    }
}

#[test]
fn the_issues_two_clocks_fall_on_the_reading_zone_day() {
    // 02:00 in Tehran on the 11th is 17:30 on the 10th in Washington; 23:30 in Washington
    // on the 10th is still the 10th there.
    let log = ok(&log_in(
        Some("America/New_York"),
        &[
            ("2023-03-11T02:00+03:30", "Tehran"),
            ("2023-03-10T23:30-05:00", "Washington"),
        ],
    ))
    .log;
    assert_eq!(
        between(&log, "2023-03-10", "2023-03-10"),
        ["Tehran", "Washington"]
    );
    assert!(between(&log, "2023-03-11", "2023-03-11").is_empty());
}

/// Zones as journalists write them: an abbreviation from a wire report names no place and
/// may mean several clocks, so the help says so and names the zones it likely means (never
/// the nearest spelling, `Australia/West` for `CEST`); a city on another's zone gets that
/// zone; a fix that only closes a space says what it writes, with no empty reason.
#[test]
fn zone_hints_for_abbreviations_cities_and_spaces() {
    let help = |yaml: String| one_error(&yaml).help.unwrap_or_default();
    for yaml in [
        log_in(Some("CEST"), &[]),
        log_in(None, &[("2024-05-03T10:00[CEST]", "Bracketed")]),
        log_in(None, &[("2024-05-03T10:00 CEST", "Spelled out")]),
    ] {
        let h = help(yaml);
        assert!(
            h.starts_with("\"CEST\" is an abbreviation, and abbreviations are ambiguous: it may mean Central European Summer Time (+02:00) as in \"Europe/Paris\""),
            "{h}"
        );
        assert!(!h.contains("Australia"), "{h}");
    }
    // After a time, with one likely place: the date as it would be written.
    let h = help(log_in(None, &[("2024-05-03 10:00 EDT", "Spelled out")]));
    assert!(
        h.ends_with("write the zone of the place where the time was given, such as \"2024-05-03T10:00[America/New_York]\""),
        "{h}"
    );
    for (abbr, zone) in [
        ("EDT", "America/New_York"),
        ("PST", "America/Los_Angeles"),
        ("GST", "Asia/Dubai"),
        ("IRST", "Asia/Tehran"),
        ("IDT", "Asia/Jerusalem"),
        ("BST", "Europe/London"),
        ("JST", "Asia/Tokyo"),
    ] {
        let h = help(log_in(Some(abbr), &[]));
        assert!(h.contains(&format!("\"{zone}\"")), "{abbr}: {h}");
    }
    let ist = help(log_in(Some("IST"), &[]));
    assert!(
        ist.contains("India Standard Time (+05:30) as in \"Asia/Kolkata\"; or Israel Standard Time (+02:00) as in \"Asia/Jerusalem\""),
        "{ist}"
    );
    assert_eq!(
        help(log_in(Some("Europe/Geneva"), &[])),
        "did you mean \"Europe/Zurich\"?"
    );
    assert_eq!(
        help(log_in(None, &[("2024-05-03T10:00 +02:00", "Spaced")])),
        "write \"2024-05-03T10:00+02:00\": a time and its offset are written with no space"
    );
}

/// `EST` is in the database, as a clock fixed at -05:00: a log read in it, or a time in it,
/// opens, with a warning that New York's clock is another.
#[test]
fn est_opens_with_a_warning_that_new_york_moves_its_clocks() {
    for yaml in [
        log_in(Some("EST"), &[("2024-07-04", "A day")]),
        log_in(None, &[("2024-07-04T10:00[EST]", "A time")]),
    ] {
        let loaded = load_str("log.yaml", &yaml).unwrap();
        let w: Vec<&str> = loaded
            .warnings
            .iter()
            .map(|d| d.message.as_str())
            .filter(|m| m.contains("fixed at"))
            .collect();
        assert_eq!(
            w,
            [
                "the zone \"EST\" is a clock fixed at -05:00 all year, while \"America/New_York\" moves its clocks in summer: for a place's time, write its zone (\"America/New_York\"); for a fixed clock, the offset (-05:00)"
            ],
            "{yaml}"
        );
    }
}
