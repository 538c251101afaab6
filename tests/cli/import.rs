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
        assert_eq!(b.kind, e.kind, "{}", e.id);
        let ids = |log: &dateline::model::Log, ev: &dateline::model::Event| {
            let mut ids: Vec<String> = ev
                .parties
                .iter()
                .map(|&p| log.parties[p].id.clone())
                .collect();
            ids.sort();
            ids
        };
        assert_eq!(ids(&back, b), ids(&original, e), "{}", e.id);
    }
    assert_eq!(back.timezone, original.timezone);
    // The parties keep their ids and names.
    for p in &back.parties {
        let o = original.party(&p.id).expect("a party of the log");
        assert_eq!(p.name, original.parties[o].name);
    }
}

/// The round trip over every log in tests/fixtures that loads: zones, reading zones, kinds
/// and parties of every sort come back as written.
#[test]
fn round_trip_keeps_every_fixture_log() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut tried = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let Ok(loaded) = load_str("fixture", &text) else {
            continue;
        };
        round_trip(&[path.to_str().unwrap()], loaded.log);
        tried += 1;
    }
    assert!(tried >= 3, "only {tried} fixture logs tried");
}

fn import_file(name: &str, text: &str) -> (std::process::Output, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dateline(&["import", path.to_str().unwrap()]), dir)
}

/// What real TimelineJS files hold (Knight Lab's own examples break headlines with `<br>`,
/// media may say `url` and `URL`, a sheet may have two title rows, an end may come before
/// the start): each gives a log that checks, nothing lost.
#[test]
fn real_timelinejs_files_give_logs_that_check() {
    let (json, _d) = import_file(
        "real.json",
        r#"{"title": {"text": {"headline": "Whitney Houston<br> 1963 - 2012"},
                      "media": {"url": "https://e.org/a.jpg", "URL": "https://e.org/b.jpg"}},
            "events": [
              {"start_date": {"year": "1978"}, "text": {"headline": "Singing<br>with Chaka Khan"},
               "media": {"url": "https://e.org/c.jpg", "URL": "https://e.org/d.jpg"}},
              {"start_date": {"year": "1990", "month": "5"}, "end_date": {"year": "1989"},
               "text": {"headline": "Backwards"}}]}"#,
    );
    let (csv, _d2) = import_file(
        "two-titles.csv",
        "Year,Month,Day,Headline,Text,Type,Background,End Year,End Month,End Day\n\
         ,,,First title,<p>One</p>,title,#000,,,\n\
         ,,,Second title,<p>Two</p>,title,#fff,,,\n\
         2024,5,3,Ends<br/>before,,,,2024,5,1\n",
    );
    for out in [json, csv] {
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{err}");
        let yaml = String::from_utf8(out.stdout).unwrap();
        let log = load_str("imported", &yaml)
            .unwrap_or_else(|r| panic!("{:?}\n{yaml}", r.diagnostics))
            .log;
        assert!(log.events.iter().all(|e| !e.title.contains('\n')), "{yaml}");
        for kept in [
            "https://e.org/a.jpg",
            "https://e.org/b.jpg",
            "Second title",
            "#fff",
        ] {
            if yaml.contains("Whitney") == kept.starts_with("https") {
                assert!(yaml.contains(kept), "{kept} lost:\n{yaml}");
            }
        }
        let backwards = log.events.last().unwrap();
        assert!(backwards.end.is_none());
        assert!(
            yaml.contains("was before the start: kept under x-timelinejs-end; check it."),
            "{yaml}"
        );
    }
}

/// A sheet with several bad cells: every one is reported, with its line and column.
#[test]
fn every_bad_cell_of_a_sheet_is_reported() {
    let (out, _d) = import_file(
        "bad.csv",
        "Year,Month,Day,Time,Headline\n\
         2024,April,,,Bad month\n\
         2024,4,3,25:00,Bad time\n\
         2024,5,x,,Bad day\n\
         ,,,,No year\n",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    for line in [
        "bad.csv: line 2: column Month: found \"April\", expected a whole number",
        "bad.csv: line 3: column Time: found time \"25:00\"",
        "bad.csv: line 4: column Day: found \"x\", expected a whole number",
        "bad.csv: line 5: no Year",
    ] {
        assert!(err.contains(line), "{line} missing:\n{err}");
    }
}

/// What the made log would refuse is reported at the input's slide, never at a line of
/// YAML the journalist never saw, nor as a fault of dateline's.
#[test]
fn what_the_log_would_refuse_is_said_at_the_input_slide() {
    let (out, _d) = import_file(
        "own.json",
        r#"{"events": [{"start_date": {"year": "1991"}, "text": {"headline": "A"}},
                       {"start_date": {"year": "1992"}, "text": {"headline": "B"},
                        "dateline": {"title": ""}}]}"#,
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("own.json: events[1]: title: found empty text"),
        "{err}"
    );
    assert!(!err.contains("please report"), "{err}");
    assert!(
        !err.split("own.json:")
            .skip(1)
            .any(|rest| rest.starts_with(|c: char| c.is_ascii_digit())),
        "a line of the YAML: {err}"
    );
}
