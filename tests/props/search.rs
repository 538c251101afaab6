//! The search answers from a vocabulary of the folded words; it must find exactly what one
//! plain pass over all the folded text finds, for any query: terms inside words, whole
//! words, terms across punctuation (`cease-fire`, `u.s.`), punctuation alone, accents,
//! other scripts, repeated and absent terms; over generated logs and random ones.

use crate::generator::{generate, quoted};
use dateline::load::load_str;
use dateline::model::Log;
use dateline::search::{SearchIndex, terms};
use proptest::prelude::*;
use proptest::test_runner::Config;
use std::sync::OnceLock;

/// Pieces of text: words, parts of words, numbers, punctuation, accents, other scripts.
const TOKENS: &[&str] = &[
    "cease",
    "fire",
    "ceasefire",
    "cease-fire",
    "u.s.",
    "U.S",
    "É",
    "égypte",
    "Egypte",
    "Cairo",
    "ca",
    "a",
    "ab",
    "ba",
    "aba",
    "12",
    "2024",
    "日本",
    "مصر",
    "שלום",
    "🙂",
    "x'y",
    "--",
    ".",
    ",",
    "(",
    ")",
    "Nicosia",
    "talks",
    "ß",
    "İ",
];

/// What goes between pieces: nothing (they make one word), a space or punctuation.
const JOINS: &[&str] = &["", " ", " ", "-", ".", "'", "/", "\u{a0}"];

fn phrase(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec((0..TOKENS.len(), 0..JOINS.len()), 1..max).prop_map(|parts| {
        parts
            .iter()
            .map(|&(t, j)| format!("{}{}", TOKENS[t], JOINS[j]))
            .collect()
    })
}

/// A log whose titles and summaries are random phrases.
fn random_log(texts: &[(String, String)]) -> Log {
    let mut y = String::from("events:\n");
    for (i, (title, summary)) in texts.iter().enumerate() {
        y += &format!(
            "  - date: 2024-01-{:02}\n    kind: meeting\n    title: {}\n    summary: {}\n",
            i % 28 + 1,
            quoted(&format!("{i} {title}")),
            quoted(summary)
        );
    }
    load_str("random.yaml", &y).expect("random logs load").log
}

/// Generated logs, loaded once, with their indexes: a small one, a larger one (where some
/// words are in one event in 32 or more, and take a bit per event) and the sample.
fn generated() -> &'static [(Log, SearchIndex)] {
    static LOGS: OnceLock<Vec<(Log, SearchIndex)>> = OnceLock::new();
    LOGS.get_or_init(|| {
        let mut texts = vec![dateline::SAMPLE.to_owned()];
        texts.extend([30, 700].map(|n| generate(n, 11 + n as u64)));
        texts
            .iter()
            .map(|t| {
                let log = load_str("props.yaml", t).expect("generated logs load").log;
                let index = SearchIndex::with_text(&log);
                (log, index)
            })
            .collect()
    })
}

/// A query of pieces of the log's own text: a random stretch of an event's title or
/// summary, which may start and end inside words and cross punctuation.
fn stretch(log: &Log, event: usize, from: usize, len: usize) -> String {
    let Some(e) = log.events.get(event % log.events.len().max(1)) else {
        return String::new();
    };
    let text = if from.is_multiple_of(2) {
        e.title.as_str()
    } else {
        e.summary.as_deref().unwrap_or("")
    };
    let chars: Vec<char> = text.chars().collect();
    let from = from % (chars.len() + 1);
    chars[from..(from + len).min(chars.len())].iter().collect()
}

fn same_as_scan(log: &Log, index: &SearchIndex, query: &str) -> Result<(), TestCaseError> {
    let t = terms(query);
    let text = index.text(log);
    prop_assert_eq!(
        text.find(&t),
        text.scan(&t),
        "query {:?}, terms {:?}",
        query,
        t
    );
    Ok(())
}

proptest! {
    #![proptest_config(Config { cases: 300, failure_persistence: None, ..Config::default() })]

    #[test]
    fn the_vocabulary_finds_what_a_scan_finds_in_random_logs(
        texts in prop::collection::vec((phrase(8), phrase(12)), 0..80),
        queries in prop::collection::vec(phrase(4), 1..6),
        stretches in prop::collection::vec((any::<usize>(), any::<usize>(), 1..12usize), 0..4),
    ) {
        let log = random_log(&texts);
        let index = SearchIndex::with_text(&log);
        for q in &queries {
            same_as_scan(&log, &index, q)?;
        }
        for &(event, from, len) in &stretches {
            same_as_scan(&log, &index, &stretch(&log, event, from, len))?;
            // With another term, so that candidates are checked as well as gathered.
            let two = format!("{} {}", stretch(&log, event, from, len), queries[0]);
            same_as_scan(&log, &index, &two)?;
        }
    }

    #[test]
    fn the_vocabulary_finds_what_a_scan_finds_in_generated_logs(
        log in 0..3usize,
        picks in prop::collection::vec((any::<usize>(), any::<usize>(), 1..16usize), 1..4),
        extra in phrase(3),
    ) {
        let (log, index) = &generated()[log];
        let parts: Vec<String> =
            picks.iter().map(|&(e, from, len)| stretch(log, e, from, len)).collect();
        for p in &parts {
            same_as_scan(log, index, p)?;
        }
        same_as_scan(log, index, &parts.join(" "))?;
        same_as_scan(log, index, &format!("{} {extra}", parts[0]))?;
    }
}

#[test]
fn one_letter_terms_and_punctuation_alone_find_what_a_scan_finds() {
    for (log, index) in generated() {
        let text = index.text(log);
        for q in [
            "a",
            "e",
            "z",
            "0",
            "9",
            "-",
            ".",
            "'",
            "é",
            "日",
            "- .",
            "a -",
            "ceasefire e",
        ] {
            let t = terms(q);
            assert_eq!(text.find(&t), text.scan(&t), "query {q:?}");
        }
        // A common word is found, and the test is not empty.
        assert!(!text.find(&terms("e")).is_empty());
    }
}
