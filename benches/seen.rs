//! What the browser pays for "what changed since you last looked" (`dateline::seen`): at
//! opening, the events compared with the last look recorded; at quit and at each reload,
//! the look recorded (every event's snapshot, written under the lock); and reading the file.
//! No target: figures in docs/PERFORMANCE.md against the load's.

mod support;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use dateline::seen::{Seen, save_look};
use std::hint::black_box;

fn seen(c: &mut Criterion<support::Clock>) {
    let mut group = c.benchmark_group("seen");
    for events in support::sizes() {
        let log = support::loaded(events).log;
        let id = support::label(events);
        if events >= 100_000 {
            group.sample_size(10);
        }
        let dir = tempfile::tempdir().expect("a temporary folder");
        let file = dir.path().join("bench.seen");
        save_look(&file, &log, 1).expect("recorded");
        group.bench_with_input(BenchmarkId::new("record_look", &id), &log, |b, log| {
            b.iter(|| save_look(&file, black_box(log), 2).expect("recorded"))
        });
        group.bench_with_input(BenchmarkId::new("read_file", &id), &file, |b, file| {
            b.iter(|| Seen::load_from(black_box(file)))
        });
        let mut seen = Seen::load_from(&file);
        group.bench_with_input(BenchmarkId::new("new_and_changed", &id), &log, |b, log| {
            b.iter(|| seen.unseen(black_box(log)))
        });
        // What is left on the drawing thread at a reload: the digests come with the log,
        // worked out by the thread that read it (`digests`).
        group.bench_with_input(BenchmarkId::new("digests", &id), &log, |b, log| {
            b.iter(|| dateline::seen::digests(black_box(log)))
        });
        let digests = dateline::seen::digests(&log);
        group.bench_with_input(
            BenchmarkId::new("new_and_changed_given_digests", &id),
            &log,
            |b, log| b.iter(|| seen.unseen_given(black_box(log), &digests)),
        );
        // A first open's first reload: the log as it opened taken as the last look.
        let opened = std::sync::Arc::new(support::loaded(events).log);
        group.bench_with_input(BenchmarkId::new("first_reload", &id), &log, |b, log| {
            b.iter(|| {
                let mut first = Seen::default();
                first.adopt(opened.clone());
                first.unseen(black_box(log))
            })
        });
        // The same, as the browser does it: the last looks worked out by the reload's
        // thread (left out of the timing), the drawing thread taking them and comparing.
        group.bench_with_input(
            BenchmarkId::new("first_reload_given_looks", &id),
            &log,
            |b, log| {
                b.iter_batched(
                    || {
                        let mut first = Seen::default();
                        first.adopt(opened.clone());
                        let looks = dateline::seen::OpenedLooks::of(opened.clone());
                        (first, looks)
                    },
                    |(mut first, looks)| {
                        first.settle_from(looks);
                        first.unseen_given(black_box(log), &digests)
                    },
                    criterion::BatchSize::LargeInput,
                )
            },
        );
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = support::config();
    targets = seen
}
criterion_main!(benches);
