//! `--source`, `--outlet` and `--single-source` in `list` and `quotes`: what rests on a
//! source (through an event's `sources` or a quote's `source`), outlets however typed.

use crate::common::cli::{dateline, stdout};

const LOG: &str = "tests/fixtures/bibliography/talks.yaml";

/// The ids of the events `list` prints with these flags.
fn ids(flags: &[&str]) -> Vec<String> {
    let mut args = vec!["list", LOG, "--format", "json"];
    args.extend_from_slice(flags);
    let json: serde_json::Value = serde_json::from_str(&stdout(&args)).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn an_event_rests_on_its_sources_and_on_its_quotes_sources() {
    assert_eq!(ids(&["--source", "reuters-0301"]), ["agree"]);
    // dakar-meeting lists no source; its quote comes from Le Monde.
    assert_eq!(ids(&["--source", "lemonde-0305"]), ["dakar-meeting"]);
    assert_eq!(
        ids(&["--source", "lemonde-0305", "--source", "reuters-0301"]),
        ["agree", "dakar-meeting"]
    );
}

#[test]
fn an_outlet_is_matched_whatever_its_case_and_accents() {
    // "Le Monde" and "LE MONDE" are one outlet; "telam" is Télam.
    assert_eq!(ids(&["--outlet", "le monde"]), ["agree", "dakar-meeting"]);
    assert_eq!(
        ids(&["--outlet", "LE MONDE"]),
        ids(&["--outlet", "Le Monde"])
    );
    assert_eq!(ids(&["--outlet", "telam"]), ["envoy-statement"]);
    assert_eq!(
        ids(&["--outlet", "telam", "--outlet", "reuters"]),
        ["agree", "envoy-statement"]
    );
    // AND with the other filters.
    assert_eq!(
        ids(&["--outlet", "le monde", "--kind", "meeting"]),
        ["dakar-meeting"]
    );
}

#[test]
fn single_source_keeps_the_events_on_one_source_or_none() {
    assert_eq!(
        ids(&["--single-source"]),
        ["envoy-statement", "dakar-meeting", "rumour"]
    );
}

#[test]
fn quotes_from_an_outlet_are_only_the_quotes_it_published() {
    let out = stdout(&["quotes", LOG, "--outlet", "reuters", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let texts: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["We will talk in Dakar", "he would listen"]);
    let out = stdout(&[
        "quotes",
        LOG,
        "--source",
        "lemonde-0302",
        "--format",
        "json",
    ]);
    // The event rests on Le Monde, but none of its quotes come from it.
    assert_eq!(out.trim(), "[]");
}

#[test]
fn an_unknown_source_or_outlet_is_wrong_usage_with_a_suggestion() {
    let out = dateline(&[
        "list",
        LOG,
        "--source",
        "reuters-03011",
        "--outlet",
        "le mond",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "--source \"reuters-03011\": no source has this id (did you mean \"reuters-0301\"?)"
        ),
        "{err}"
    );
    assert!(
        err.contains("--outlet \"le mond\": no source of the log is from this outlet (did you mean \"Le Monde\"?)"),
        "{err}"
    );
}
