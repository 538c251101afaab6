//! `dateline import`: TimelineJS JSON and the TimelineJS sheet as CSV into a format-1 log,
//! and the round trip through `list --format timelinejs`.

use crate::common::cli::{dateline, golden, sample, stdout};
use dateline::load::load_str;

const JSON: &str = "tests/fixtures/timelinejs/every-field.json";
const CSV: &str = "tests/fixtures/timelinejs/every-column.csv";

#[test]
fn golden_imports_of_every_field_and_column() {
    golden("import-every-field.yaml", &["import", JSON]);
    golden("import-every-column.yaml", &["import", CSV]);
}

#[test]
fn what_is_imported_is_a_log_that_opens() {
    for file in [JSON, CSV] {
        let yaml = stdout(&["import", file]);
        let log = load_str(file, &yaml)
            .unwrap_or_else(|r| panic!("{file}: {:?}", r.diagnostics))
            .log;
        assert!(
            log.title
                .as_deref()
                .unwrap()
                .starts_with("Ceasefire talks & ")
        );
        assert!(yaml.starts_with("# Imported by `dateline import`"));
        assert!(yaml.contains("actors, quotes or sources: they are left for you to add"));
        // Precision kept, the clock from the display date, groups as parties.
        let talks = log
            .events
            .iter()
            .find(|e| e.title == "Talks open in Cairo")
            .unwrap();
        assert!(talks.date.written().starts_with("2024-05-03T14:05"));
        assert!(talks.date.written().ends_with("+03:00"));
        assert_eq!(talks.end.unwrap().written(), "2024-05-04T09:30+03:00");
        let april = log.events.iter().find(|e| e.title == "April push").unwrap();
        assert_eq!(april.date.written(), "2024-04");
        assert_eq!(april.status, dateline::model::Status::Expected);
        let names: Vec<&str> = log.parties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Egypt", "United States", "حماس"]);
        // Media and backgrounds are kept, not dropped.
        for kept in [
            "x-timelinejs-media-url: \"https://example.org/photo.jpg\"",
            "x-timelinejs-media-credit: \"Reuters\"",
            "x-timelinejs-media-caption: \"<i>Arrivals</i>\"",
            "x-timelinejs-media-thumbnail:",
            "x-timelinejs-media-alt: \"Cars at a gate\"",
            "x-timelinejs-background",
            "x-timelinejs-eras:",
            "x-timelinejs-title-media-url:",
        ] {
            assert!(yaml.contains(kept), "{file}: {kept} missing");
        }
        // A time with no clock named is read as UTC and marked for the writer.
        assert!(yaml.contains("# TimelineJS named no clock for this time: read as UTC; check it.\n    date: 2024-05-06T20:00Z"));
    }
}

#[test]
fn ids_are_kept_when_valid_and_free_else_derived() {
    let yaml = stdout(&["import", JSON]);
    let log = load_str(JSON, &yaml).unwrap().log;
    let ids: Vec<&str> = log.events.iter().map(|e| e.id.as_str()).collect();
    assert!(ids.contains(&"talks-open"));
    assert!(ids.contains(&"2024-04-april-push"));
    assert!(ids.contains(&"2016-a-year-only-duplicate-id"));
    assert!(yaml.contains("x-timelinejs-unique-id: \"Not A Valid Id\""));
}

#[test]
fn bad_files_are_named_with_the_place_and_what_was_expected() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"events": [{"start_date": {"year": "2024", "month": "May"}}]}"#,
    )
    .unwrap();
    let out = dateline(&["import", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "bad.json: events[0].start_date.month: found \"May\", expected a whole number"
        ),
        "{err}"
    );
    let other = dir.path().join("t.txt");
    std::fs::write(&other, "x").unwrap();
    let out = dateline(&["import", other.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("expected a .json file"));
    let out = dateline(&["import", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
    let out = dateline(&["import", JSON, "--max-file-size", "100"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("over the limit of 100 bytes"));
}

/// A log with every precision, times on several clocks, and ends.
const TIMED: &str = r#"
title: "Clocks & precision"
parties: [{id: eg, name: Egypt}]
actors: [{id: k, name: Kamel, party: eg}]
events:
  - {id: y, date: 2016, kind: development, title: A year, date_note: "\"that year\", & so on"}
  - {id: m, date: 2024-04, end: 2024-05, kind: proposal, status: expected, title: "A month, then \"another\""}
  - {id: d, date: 2024-05-03, kind: travel, title: A day, actors: [k]}
  - {id: t, date: "2024-05-03T14:05+03:00", end: "2024-05-03T18:30+03:00", kind: meeting, title: On a Cairo clock}
  - {id: s, date: "2024-05-03T09:00:30-04:30", kind: call, status: cancelled, title: With seconds}
  - {id: z, date: "2024-05-04T00:15Z", end: 2024-05-05, kind: statement, title: In UTC}
"#;

/// Export, then import: every event keeps its id, title, date and precision (and end).
#[test]
fn round_trip_keeps_ids_titles_dates_and_precision() {
    let dir = tempfile::tempdir().unwrap();
    let timed = dir.path().join("timed.yaml");
    std::fs::write(&timed, TIMED).unwrap();
    round_trip(&[], sample());
    round_trip(
        &[timed.to_str().unwrap()],
        load_str("timed", TIMED).unwrap().log,
    );
}

fn round_trip(files: &[&str], original: dateline::model::Log) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("export.json");
    let mut args = vec!["list"];
    args.extend(files);
    args.extend(["--format", "timelinejs"]);
    std::fs::write(&file, stdout(&args)).unwrap();
    let yaml = stdout(&["import", file.to_str().unwrap()]);
    let back = load_str("round trip", &yaml)
        .unwrap_or_else(|r| panic!("{:?}", r.diagnostics))
        .log;
    assert_eq!(back.events.len(), original.events.len());
    for e in &original.events {
        let ix = back
            .event(&e.id)
            .unwrap_or_else(|| panic!("{} lost in the round trip", e.id));
        let b = &back.events[ix];
        assert_eq!(b.title, e.title, "{}", e.id);
        assert_eq!(b.date.written(), e.date.written(), "{}", e.id);
        assert_eq!(b.date.precision, e.date.precision, "{}", e.id);
        assert_eq!(
            b.end.map(|d| d.written()),
            e.end.map(|d| d.written()),
            "{}",
            e.id
        );
        assert_eq!(b.status, e.status, "{}", e.id);
        assert_eq!(b.date_note, e.date_note, "{}", e.id);
    }
    // Events that had a party come back with it as their group's party.
    assert!(!back.parties.is_empty());
}
