//! The synthetic log generator: what it writes must open cleanly, be the size asked for,
//! and be the same for the same seed, since benchmarks compare runs on it.

use crate::generator::{self as generate, generate, quoted, write_log};
use dateline::load::load_str;
use proptest::prelude::*;

#[test]
fn generated_logs_load_without_errors_or_warnings() {
    for seed in [1, 2, 42, 0xdead_beef] {
        let text = generate(1000, seed);
        let loaded = match load_str("generated.yaml", &text) {
            Ok(loaded) => loaded,
            Err(report) => {
                let first: Vec<String> = report
                    .diagnostics
                    .iter()
                    .take(5)
                    .map(ToString::to_string)
                    .collect();
                panic!(
                    "seed {seed}: {} errors, first: {first:#?}",
                    report.diagnostics.len()
                );
            }
        };
        // The cast is sized apart from the events (and picked skewed): a small log leaves
        // a few actors out, which the "appears in no event" warning is there to say.
        let warnings: Vec<String> = loaded
            .warnings
            .iter()
            .filter(|w| !w.message.contains("appears in no event"))
            .map(ToString::to_string)
            .collect();
        assert!(warnings.is_empty(), "seed {seed}: warnings {warnings:#?}");
        let log = loaded.log;
        assert_eq!(log.events.len(), 1000, "seed {seed}");
        assert!((5..=12).contains(&log.parties.len()), "seed {seed}");
        assert_eq!(log.actors.len(), 50 + 1000 / 200, "seed {seed}");
    }
}

#[test]
fn generated_logs_hold_what_the_benchmarks_rely_on() {
    use dateline::model::{Kind, Precision, Status};
    let log = load_str("generated.yaml", &generate(2000, 7))
        .expect("a generated log loads")
        .log;
    for kind in Kind::ALL {
        assert!(log.events.iter().any(|e| e.kind == kind), "no {kind:?}");
    }
    for status in Status::ALL {
        assert!(
            log.events.iter().any(|e| e.status == status),
            "no {status:?}"
        );
    }
    for p in [
        Precision::Year,
        Precision::Month,
        Precision::Day,
        Precision::Minute,
        Precision::Second,
    ] {
        assert!(log.events.iter().any(|e| e.date.precision == p), "no {p:?}");
    }
    assert!(log.events.iter().any(|e| e.end.is_some()));
    assert!(log.events.iter().any(|e| !e.related.is_empty()));
    assert!(log.events.iter().any(|e| e.id_derived));
    let quotes = || log.events.iter().flat_map(|e| &e.quotes);
    assert!(quotes().any(|q| q.paraphrase));
    assert!(quotes().any(|q| q.speaker.is_none() && !q.parties.is_empty()));
    assert!(quotes().any(|q| q.text.contains('\u{200d}')));
    assert!(log.events.iter().any(|e| {
        e.title
            .chars()
            .any(|c| matches!(c, '\u{0590}'..='\u{06ff}' | '\u{4e00}'..='\u{9fff}'))
            || e.summary
                .as_deref()
                .is_some_and(|s| s.chars().any(|c| matches!(c, '\u{0590}'..='\u{06ff}')))
    }));

    // The search benchmark's words are common, rare and absent as they claim.
    let index = dateline::search::SearchIndex::new(&log);
    let common = index.find(&log, generate::COMMON_WORD).len();
    let rare = index.find(&log, generate::RARE_WORD).len();
    assert!(
        common > log.events.len() / 4,
        "common word in {common} events"
    );
    assert!(rare < log.events.len() / 100, "rare word in {rare} events");
    assert!(index.find(&log, generate::ABSENT_WORD).is_empty());
}

#[test]
fn same_seed_same_bytes_other_seed_other_log() {
    assert_eq!(generate(500, 9), generate(500, 9));
    assert_ne!(generate(500, 9), generate(500, 10));
}

#[test]
fn streaming_writes_what_generate_returns() {
    let mut out = Vec::new();
    let stats = write_log(&mut out, 300, 5).expect("writes to a Vec");
    assert_eq!(out, generate(300, 5).into_bytes());
    assert_eq!(stats.bytes, out.len() as u64);
    assert_eq!(stats.events, 300);
}

#[test]
fn an_empty_log_is_valid_too() {
    let log = load_str("empty.yaml", &generate(0, 1)).expect("loads").log;
    assert!(log.events.is_empty());
}

proptest! {
    /// Any string the generator quotes reads back from YAML as itself.
    #[test]
    fn quoted_strings_read_back_exactly(s in any::<String>()) {
        let back: String = serde_yaml::from_str(&quoted(&s)).expect("valid YAML");
        prop_assert_eq!(back, s);
    }
}

#[test]
fn quoting_escapes_what_yaml_cannot_hold_raw() {
    for s in [
        "a\"b\\c",
        "tab\there\nnew",
        "\u{0}\u{1b}\u{7f}\u{85}",
        "\u{2028}\u{feff}",
        "عربى 中文 👨\u{200d}👩",
    ] {
        let back: String = serde_yaml::from_str(&quoted(s)).expect("valid YAML");
        assert_eq!(back, s);
    }
}
