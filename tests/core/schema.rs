//! The JSON Schema that editors check logs with (docs/format-1.schema.json) and the loader
//! agree: every valid log validates, and a log with an unknown key or a value of the wrong
//! type fails both. YAML is read as editors read it (serde_yaml) and handed to the schema
//! as JSON.

use dateline::load::{KNOWN_KEYS, load_str};
use serde_json::Value as Json;
use serde_yaml::Value as Yaml;

fn validator() -> jsonschema::Validator {
    let schema: Json = serde_json::from_str(dateline::SCHEMA).expect("the schema is JSON");
    jsonschema::draft7::new(&schema).expect("the schema compiles")
}

fn to_json(yaml: &str) -> Json {
    let value: Yaml = serde_yaml::from_str(yaml).expect("YAML");
    serde_json::to_value(value).expect("JSON")
}

/// The logs that load: the sample, the starter, and the fixtures that are valid.
fn valid_logs() -> Vec<(&'static str, String)> {
    let fixture = |p: &str| {
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(p)).unwrap()
    };
    vec![
        ("sample", dateline::SAMPLE.to_string()),
        ("starter", dateline::STARTER.to_string()),
        (
            "only-parties",
            fixture("tests/fixtures/mistakes/only-parties.yaml"),
        ),
        (
            "every key",
            "dateline: 1
title: All
description: Every key of format 1 that this loader reads
timezone: Europe/Zurich
x-desk: foreign
parties:
  - {id: us, name: United States, color: light-blue, x-note: n}
  - {id: iran, name: Iran, color: '#112233'}
actors:
  - {id: burns, name: William Burns, party: us, role: CIA director, aliases: [Bill Burns]}
sources:
  - {id: ap, outlet: AP, title: T, url: 'https://example.org/a', published: 2024-05-03T10:00Z, byline: [A, B]}
events:
  - id: one
    date: 2024
    end: 2025-01
    date_note: around then
    kind: call
    status: disputed
    title: A call
    summary: |
      Two lines
      of summary.
    location: Geneva
    actors: [burns]
    topics: [nuclear]
    sources: [ap]
    related: [two]
    quotes:
      - {text: words, speaker: burns, attribution: the director, party: us, source: ap, paraphrase: true}
      - {text: We are ready, attribution: a spokesman, party: iran, translated: true, original: \"ما آماده ایم\", lang: fa}
      - {text: Nous sommes prêts, attribution: a diplomat, lang: fr-CH}
  - id: two
    date: 2024-05-03T10:00+03:30
    kind: statement
    title: A statement
    sources: [ap]
"
            .to_string(),
        ),
    ]
}

#[test]
fn every_valid_log_validates() {
    let v = validator();
    for (name, yaml) in valid_logs() {
        if let Err(report) = load_str(name, &yaml) {
            panic!("{name} does not load: {:?}", report.diagnostics);
        }
        let errors: Vec<String> = v
            .iter_errors(&to_json(&yaml))
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{name} fails the schema: {errors:?}");
    }
}

/// A value of the starter at `path` (keys and list indices) replaced, or a key added to the
/// mapping there.
fn mutated(path: &[&str], key: &str, value: &str) -> String {
    let mut doc: Yaml = serde_yaml::from_str(dateline::STARTER).unwrap();
    let mut node = &mut doc;
    for step in path {
        node = match step.parse::<usize>() {
            Ok(i) => &mut node[i],
            Err(_) => &mut node[*step],
        };
    }
    let value: Yaml = serde_yaml::from_str(value).unwrap();
    node.as_mapping_mut()
        .expect("a mapping")
        .insert(Yaml::String(key.into()), value);
    serde_yaml::to_string(&doc).unwrap()
}

#[test]
fn unknown_keys_and_wrong_types_fail_both() {
    let v = validator();
    let cases: &[(&[&str], &str, &str)] = &[
        // An unknown key in each kind of mapping.
        (&[], "titel", "x"),
        (&["parties", "0"], "colour", "red"),
        (&["actors", "0"], "roles", "x"),
        (&["sources", "0"], "author", "x"),
        (&["events", "0"], "participants", "[envoy]"),
        (&["events", "0", "quotes", "0"], "quote", "x"),
        // A value of the wrong type.
        (&["events", "0"], "actors", "envoy"),
        (&["events", "0"], "topics", "ceasefire"),
        (&["events", "0"], "title", "[a, b]"),
        (&["events", "0"], "kind", "3"),
        (&["events", "0"], "kind", "postponed"),
        (&["events", "0"], "status", "postponed"),
        (&["events", "0"], "date", "[2024]"),
        (&["events", "0"], "date", "2024-5-3"),
        (&["events", "0"], "date", "2024-05-03T10:00"),
        (&["events", "0"], "id", "Talks One"),
        (&["events", "0", "quotes", "0"], "paraphrase", "yes"),
        (&["events", "0", "quotes", "0"], "speaker", "{id: envoy}"),
        (&["actors", "0"], "aliases", "The Envoy"),
        (&["sources", "0"], "byline", "A. Writer"),
        (&["parties", "0"], "color", "3"),
        (&["parties", "0"], "name", "{a: b}"),
        (&[], "dateline", "2"),
        // (rev. 3) An original without `translated: true`, a language that is not a tag.
        (&["events", "0", "quotes", "0"], "original", "words"),
        (&["events", "0", "quotes", "0"], "lang", "farsi"),
        (&["events", "0", "quotes", "0"], "lang", "zh_Hans"),
        (&[], "events", "{}"),
    ];
    for (path, key, value) in cases {
        let yaml = mutated(path, key, value);
        let what = format!("{}.{key}: {value}", path.join("."));
        assert!(
            load_str("mutated", &yaml).is_err(),
            "the loader accepts {what}"
        );
        assert!(!v.is_valid(&to_json(&yaml)), "the schema accepts {what}");
    }
}

#[test]
fn the_schema_knows_every_key_the_loader_reads() {
    let schema: Json = serde_json::from_str(dateline::SCHEMA).unwrap();
    for (what, keys) in KNOWN_KEYS {
        let props = if what == "log" {
            &schema["properties"]
        } else {
            &schema["definitions"][what]["properties"]
        };
        for key in keys {
            let p = &props[key];
            assert!(p.is_object(), "the schema has no `{key}` in {what}");
            assert!(
                p["description"].as_str().is_some_and(|d| !d.is_empty()),
                "`{key}` in {what} has no description for editors to show"
            );
        }
    }
}

/// Python's jsonschema (and other validators) find the draft-07 metaschema only by its
/// exact URI, `http://` and all; any other spelling makes them warn.
#[test]
fn the_schema_names_draft_07_by_its_exact_uri() {
    let schema: Json = serde_json::from_str(dateline::SCHEMA).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
}
