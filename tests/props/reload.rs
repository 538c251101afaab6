//! Reloading through the cache of the files' readings gives what a whole load gives, after
//! any sequence of edits, removals and additions of a log's files.

use dateline::archive::Archives;
use dateline::load::{Limits, LoadCache, load_texts};
use proptest::prelude::*;
use proptest::test_runner::Config;

/// What each of three files may hold at a step: a good text, one with an error of its own,
/// one clashing with another file, one cut short by a syntax error, another reading zone,
/// or nothing (the file is not part of the log).
const VERSIONS: [&[&str]; 3] = [
    &[
        "timezone: Europe/Zurich\nparties:\n  - {id: us, name: United States}\n  - {id: iran, name: Iran}\nactors:\n  - {id: araghchi, name: Abbas Araghchi, party: iran}\n",
        "parties:\n  - {id: us, name: United Kingdom}\nactors:\n  - {id: araghchi, name: Abbas Araghchi, party: irn}\n",
        "timezone: Asia/Tehran\nparties:\n  - {id: iran, name: Iran}\n",
        "parties:\n  - {id: us, name: [United States\nactors:\n  - {id: x, name: X}\n",
        "",
    ],
    &[
        "events:\n  - id: round-one\n    date: 2025-04-12\n    kind: meeting\n    title: Round one\n    parties: [us, iran]\n",
        "events:\n  - date: 2025-04-12\n    kind: meeting\n    title: Round one\n    actors: [araghchi]\n  - date: 2025-04-12\n    kind: meeting\n    title: Round one\n",
        "timezone: Europe/Zurich\nevents:\n  - id: round-two\n    date: 2025-04-19T10:00\n    kind: meeting\n    title: Round two\n    related: [round-one]\n",
        "events:\n  - id: round-one\n    date: 2025-13-12\n    kind: meetin\n    title: Round one\n",
        "",
    ],
    &[
        "events:\n  - id: round-two\n    date: 2025-04-19\n    kind: call\n    title: Round two\n    related: [round-one]\n    quotes:\n      - {text: Useful, speaker: araghchi}\n",
        "events:\n  - id: round-one\n    date: 2025-04-19\n    kind: call\n    title: Again\n",
        "events:\n  - id: round-three\n    date: 2025-04-26\n    kind: call\n    title: Three\n    quotes:\n      - text: Useful\n        speaker: us\n",
        // Cut short with a section whole before the error: its unknown actor is reported
        // when the file is the whole log, not when other files may define it.
        "actors:\n  - {id: a1, name: A}\nevents:\n  - id: round-three\n    date: 2025-04-26\n    kind: call\n    title: Three\n    actors: [a1, nobody]\n  - id: four\n    date: [2025-04-27\n",
        "",
    ],
];

/// Each step's files loaded whole and through one cache, which must agree.
fn agree(steps: &[Vec<usize>], limits: &Limits) -> Result<(), TestCaseError> {
    let mut cache = LoadCache::new();
    for step in steps {
        let files: Vec<(String, &[u8])> = step
            .iter()
            .enumerate()
            .filter(|&(f, &v)| !VERSIONS[f][v].is_empty())
            .map(|(f, &v)| (format!("{f}.yaml"), VERSIONS[f][v].as_bytes()))
            .collect();
        if files.is_empty() {
            continue;
        }
        let whole = load_texts(&files, limits, Archives::None);
        let cached = cache.load_texts(&files, limits, Archives::None);
        match (whole, cached) {
            (Ok(w), Ok(c)) => {
                prop_assert_eq!(w.log, c.log);
                prop_assert_eq!(w.warnings, c.warnings);
            }
            (Err(w), Err(c)) => prop_assert_eq!(w.diagnostics, c.diagnostics),
            (w, c) => prop_assert!(false, "{:?} against {:?}", w.is_ok(), c.is_ok()),
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(Config { cases: 64, failure_persistence: None, ..Config::default() })]

    #[test]
    fn a_cached_reload_is_a_whole_load_after_any_edits(
        steps in proptest::collection::vec(proptest::collection::vec(0usize..5, 3), 1..12)
    ) {
        agree(&steps, &Limits::default())?;
    }
}

proptest! {
    #![proptest_config(Config { cases: 256, failure_persistence: None, ..Config::default() })]

    /// Within a memory budget from a few files' worth (a file crowded out by the ones
    /// before it) to plenty.
    #[test]
    fn a_cached_reload_is_a_whole_load_within_any_budget(
        steps in proptest::collection::vec(proptest::collection::vec(0usize..5, 3), 1..12),
        memory_budget in prop_oneof![500u64..3_000, 3_000u64..200_000],
    ) {
        agree(&steps, &Limits { memory_budget, ..Limits::default() })?;
    }
}
