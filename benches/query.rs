//! Asking a loaded log: filters by party, actor, kind, status and topic, two of them
//! together, and searches for a common word, a rare one and one that matches nothing, all
//! through `filter::apply` as the browser and `list` do. Targets: each under 10 ms at 100k
//! events; filters in proportion to their result (figures in docs/PERFORMANCE.md).

mod support;

use criterion::measurement::Measurement;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use dateline::filter::{Query, apply};
use dateline::model::{Kind, Status};
use dateline::search::SearchIndex;
use std::hint::black_box;
use support::generate::{ABSENT_WORD, COMMON_WORD, RARE_WORD};

fn query(c: &mut Criterion<support::Clock>) {
    let mut group = c.benchmark_group("query");
    for events in support::sizes() {
        let log = support::loaded(events).log;
        let id = support::label(events);
        // What the search index costs, once per log (on a thread of its own in the browser).
        let clock = support::Clock::from_env();
        let started = clock.start();
        let index = SearchIndex::with_text(&log);
        let took = clock.end(started);
        let (text, words) = index.text(&log).bytes();
        eprintln!(
            "{id}: search text {:.1} MB, vocabulary and its lists {:.1} MB, built in {took:.2?}",
            text as f64 / 1e6,
            words as f64 / 1e6,
        );
        let hamas = log.party("hamas").expect("generated logs have hamas");
        // The busiest actor: the largest result an actor filter gives.
        let busiest = (0..log.actors.len())
            .max_by_key(|&a| {
                log.events
                    .iter()
                    .filter(|e| e.involved.contains(&a))
                    .count()
            })
            .expect("generated logs have actors");

        let israel = log.party("israel").expect("generated logs have israel");
        let topic = log
            .events
            .iter()
            .find_map(|e| e.topics.first())
            .expect("generated logs have topics")
            .clone();
        let queries: [(&str, Query); 12] = [
            (
                "party",
                Query {
                    parties: [hamas].into(),
                    ..Query::default()
                },
            ),
            (
                "actor",
                Query {
                    actors: [busiest].into(),
                    ..Query::default()
                },
            ),
            (
                "kind",
                Query {
                    kinds: [Kind::Meeting].into(),
                    ..Query::default()
                },
            ),
            (
                "status",
                Query {
                    statuses: [Status::Expected].into(),
                    ..Query::default()
                },
            ),
            (
                "topic",
                Query {
                    topics: [topic].into(),
                    ..Query::default()
                },
            ),
            (
                "two_parties",
                Query {
                    parties: [hamas, israel].into(),
                    ..Query::default()
                },
            ),
            (
                "party_and_kind",
                Query {
                    parties: [hamas].into(),
                    kinds: [Kind::Meeting].into(),
                    ..Query::default()
                },
            ),
            (
                "actor_and_party_and_kind",
                Query {
                    actors: [busiest].into(),
                    parties: [israel].into(),
                    kinds: [Kind::Statement].into(),
                    ..Query::default()
                },
            ),
            (
                "search_common",
                Query {
                    search: COMMON_WORD.into(),
                    ..Query::default()
                },
            ),
            (
                "search_rare",
                Query {
                    search: RARE_WORD.into(),
                    ..Query::default()
                },
            ),
            (
                "search_none",
                Query {
                    search: ABSENT_WORD.into(),
                    ..Query::default()
                },
            ),
            (
                "party_kind_search",
                Query {
                    parties: [hamas].into(),
                    kinds: [Kind::Statement].into(),
                    search: format!("{COMMON_WORD} talks"),
                    ..Query::default()
                },
            ),
        ];
        for (name, q) in &queries {
            group.bench_with_input(BenchmarkId::new(*name, &id), q, |b, q| {
                b.iter(|| apply(&log, &index, black_box(q)))
            });
        }
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = support::config();
    targets = query
}
criterion_main!(benches);
