//! The filter answers from posting lists and the search text; it must pick exactly the
//! events that asking every event, one by one, picks: for random queries (any mix of
//! parties, actors, kinds, statuses, topics, dates, marks and search words) over generated
//! logs of several sizes and the sample.

use crate::generator::{ABSENT_WORD, COMMON_WORD, RARE_WORD, generate};
use dateline::filter::{Query, apply, event_matches};
use dateline::load::load_str;
use dateline::model::{EventIx, Kind, Log, Status};
use dateline::search::{SearchIndex, terms};
use proptest::prelude::*;
use proptest::test_runner::Config;
use std::sync::OnceLock;

/// Logs to ask, loaded once: the sample, an empty one, a small one and a larger one (where
/// a rare actor's list is short enough next to a kind's to be galloped through).
fn logs() -> &'static [(Log, SearchIndex)] {
    static LOGS: OnceLock<Vec<(Log, SearchIndex)>> = OnceLock::new();
    LOGS.get_or_init(|| {
        let mut texts = vec![dateline::SAMPLE.to_owned()];
        texts.extend([0, 40, 900].map(|n| generate(n, 7 + n as u64)));
        texts
            .iter()
            .map(|t| {
                let log = load_str("props.yaml", t).expect("generated logs load").log;
                let index = SearchIndex::new(&log);
                (log, index)
            })
            .collect()
    })
}

const WORDS: &[&str] = &[
    COMMON_WORD,
    RARE_WORD,
    ABSENT_WORD,
    "talks",
    "cairo",
    "CAIRO",
    "egypte",
    "é",
    "a",
    "hamas",
    "qatar",
    "-",
];

/// A query, as choices to be resolved against a log.
#[derive(Clone, Debug)]
struct Choices {
    log: usize,
    parties: Vec<usize>,
    actors: Vec<usize>,
    kinds: u8,
    statuses: u8,
    topics: Vec<usize>,
    from: Option<usize>,
    to: Option<usize>,
    only: Option<Vec<usize>>,
    words: Vec<usize>,
}

fn choices() -> impl Strategy<Value = Choices> {
    let few = || prop::collection::vec(any::<usize>(), 0..4);
    (
        (0..4usize, few(), few(), any::<u8>(), any::<u8>(), few()),
        (
            prop::option::weighted(0.2, any::<usize>()),
            prop::option::weighted(0.2, any::<usize>()),
            prop::option::weighted(0.15, prop::collection::vec(any::<usize>(), 0..40)),
            prop::collection::vec(0..WORDS.len(), 0..3),
        ),
    )
        .prop_map(
            |((log, parties, actors, kinds, statuses, topics), (from, to, only, words))| Choices {
                log,
                parties,
                actors,
                kinds,
                statuses,
                topics,
                from,
                to,
                only,
                words,
            },
        )
}

/// The query the choices stand for in `log`. Kinds and statuses are taken rarely enough
/// (a bit set of few bits) that both empty and narrow fields occur.
fn query(log: &Log, c: &Choices) -> Query {
    let pick = |n: usize, i: usize| (n > 0).then(|| i % n);
    let mut topics: Vec<String> = log.events.iter().flat_map(|e| e.topics.clone()).collect();
    topics.sort();
    topics.dedup();
    topics.push("no such topic".into());
    let date = |i: usize| pick(log.events.len(), i).map(|i| log.events[i].date);
    Query {
        parties: c
            .parties
            .iter()
            .filter_map(|&i| pick(log.parties.len(), i))
            .collect(),
        actors: c
            .actors
            .iter()
            .filter_map(|&i| pick(log.actors.len(), i))
            .collect(),
        kinds: Kind::ALL
            .into_iter()
            .enumerate()
            .filter(|(i, _)| c.kinds & (1 << i) != 0 && c.kinds.is_multiple_of(3))
            .map(|(_, k)| k)
            .collect(),
        statuses: Status::ALL
            .into_iter()
            .enumerate()
            .filter(|(i, _)| c.statuses & (1 << i) != 0 && c.statuses.is_multiple_of(2))
            .map(|(_, s)| s)
            .collect(),
        topics: c
            .topics
            .iter()
            .map(|&i| topics[i % topics.len()].clone())
            .collect(),
        from: c.from.and_then(date),
        to: c.to.and_then(date),
        search: c
            .words
            .iter()
            .map(|&w| WORDS[w])
            .collect::<Vec<_>>()
            .join(" "),
        only: c.only.as_ref().map(|only| {
            only.iter()
                .filter_map(|&i| pick(log.events.len(), i))
                .collect()
        }),
        ..Query::default()
    }
}

/// Every event asked on its own, as the filter did before posting lists.
fn naive(log: &Log, index: &SearchIndex, q: &Query) -> Vec<EventIx> {
    let words = terms(&q.search);
    (0..log.events.len())
        .filter(|&i| event_matches(log, i, q))
        .filter(|&i| words.is_empty() || index.text(log).event_matches(i, &words))
        .collect()
}

proptest! {
    #![proptest_config(Config { cases: 400, failure_persistence: None, ..Config::default() })]

    #[test]
    fn posting_lists_pick_what_asking_every_event_picks(c in choices()) {
        let (log, index) = &logs()[c.log];
        let q = query(log, &c);
        prop_assert_eq!(apply(log, index, &q), naive(log, index, &q), "query {:?}", q);
    }
}

#[test]
fn an_index_for_another_log_does_not_decide() {
    let (log, _) = &logs()[0];
    let (_, other) = &logs()[2];
    let q = Query {
        kinds: [Kind::Statement].into(),
        ..Query::default()
    };
    let expected: Vec<EventIx> = (0..log.events.len())
        .filter(|&i| log.events[i].kind == Kind::Statement)
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(apply(log, other, &q), expected);
}
