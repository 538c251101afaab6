//! Loading a log: dateline's whole load (parse, validate, order; then the posting lists;
//! then the search text too) against the floor, serde_yaml parsing the same text into
//! `IgnoredAny`, which builds nothing. Targets: load at most 1.0x the floor, 1.15x with the
//! search index (figures in docs/PERFORMANCE.md).

mod support;

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use dateline::load::load_str;
use dateline::search::SearchIndex;
use serde::de::IgnoredAny;
use std::hint::black_box;

fn load(c: &mut Criterion<support::Clock>) {
    let mut group = c.benchmark_group("load");
    for events in support::sizes() {
        let text = support::text(events);
        let id = support::label(events);
        group.throughput(Throughput::Bytes(text.len() as u64));
        if events >= 100_000 {
            group.sample_size(10);
        }
        group.bench_with_input(
            BenchmarkId::new("serde_yaml_ignored_any", &id),
            &text,
            |b, text| {
                b.iter(|| serde_yaml::from_str::<IgnoredAny>(black_box(text)).expect("valid YAML"))
            },
        );
        // Dropping the log is left out of the timing (PerIteration): a reader keeps it.
        group.bench_with_input(BenchmarkId::new("load_str", &id), &text, |b, text| {
            b.iter_batched(
                || (),
                |()| load_str("bench.yaml", black_box(text)).expect("loads"),
                BatchSize::PerIteration,
            )
        });
        // What `list` without `--search` and the browser's first frame pay: the posting
        // lists, not the search text.
        group.bench_with_input(
            BenchmarkId::new("load_str_and_postings", &id),
            &text,
            |b, text| {
                b.iter_batched(
                    || (),
                    |()| {
                        let loaded = load_str("bench.yaml", black_box(text)).expect("loads");
                        let index = SearchIndex::new(&loaded.log);
                        (loaded, index)
                    },
                    BatchSize::PerIteration,
                )
            },
        );
        group.bench_with_input(
            BenchmarkId::new("load_str_and_index", &id),
            &text,
            |b, text| {
                b.iter_batched(
                    || (),
                    |()| {
                        let loaded = load_str("bench.yaml", black_box(text)).expect("loads");
                        let index = SearchIndex::with_text(&loaded.log);
                        (loaded, index)
                    },
                    BatchSize::PerIteration,
                )
            },
        );
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = support::config();
    targets = load
}
criterion_main!(benches);
