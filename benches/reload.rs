//! Reloading a directory log of 100 files when one of them changed: the full load against
//! the reload through the cache of the files' readings (`LoadCache`), which reads and parses
//! the changed file only (the others' metadata vouches for their bytes once they are two
//! seconds old) and resolves the whole log again. Also the reload when nothing changed
//! (resolving alone: the floor) and the first load through an empty cache (a full load,
//! plus keeping each file's reading). Target: the one-file reload at most 10% of the full
//! load (figures in docs/PERFORMANCE.md).

mod support;

use criterion::{BatchSize, BenchmarkId, criterion_group, criterion_main};
use dateline::load::{Limits, LoadCache, load_paths};
use std::hint::black_box;

/// How many files the generated log is cut into.
const FILES: usize = 100;

fn reload(c: &mut criterion::Criterion<support::Clock>) {
    let mut group = c.benchmark_group("reload");
    let limits = Limits::default();
    for events in support::sizes() {
        let id = support::label(events);
        let dir = tempfile::tempdir().expect("a temporary folder");
        let paths = support::generate::split_into(dir.path(), &support::text(events), FILES);
        load_paths(&paths, &limits).expect("the split log loads");
        if events >= 100_000 {
            group.sample_size(10);
        }
        // Dropping the log is left out of every timing (PerIteration): a reader keeps it.
        group.bench_function(BenchmarkId::new("full_load", &id), |b| {
            b.iter_batched(
                || (),
                |()| load_paths(black_box(&paths), &limits).expect("loads"),
                BatchSize::PerIteration,
            )
        });
        group.bench_function(BenchmarkId::new("first_load_through_cache", &id), |b| {
            b.iter_batched(
                LoadCache::new,
                |mut cache| {
                    let loaded = cache.load_paths(black_box(&paths), &limits).expect("loads");
                    (loaded, cache)
                },
                BatchSize::PerIteration,
            )
        });
        let mut cache = LoadCache::new();
        cache.load_paths(&paths, &limits).expect("loads");
        group.bench_function(BenchmarkId::new("reload_nothing_changed", &id), |b| {
            b.iter_batched(
                || (),
                |()| cache.load_paths(black_box(&paths), &limits).expect("loads"),
                BatchSize::PerIteration,
            )
        });
        // One file in the middle edited as an editor saves it: a title changed, every other
        // time back.
        let changed = &paths[FILES / 2];
        let before = std::fs::read_to_string(changed).expect("read");
        let after = before.replacen("title: ", "title: Edited ", 1);
        assert_ne!(before, after, "the changed file has an event");
        let mut flip = false;
        group.bench_function(BenchmarkId::new("reload_one_file_changed", &id), |b| {
            b.iter_batched(
                || {
                    flip = !flip;
                    std::fs::write(changed, if flip { &after } else { &before }).expect("write");
                },
                |()| {
                    let loaded = cache.load_paths(black_box(&paths), &limits).expect("loads");
                    assert_eq!(cache.parsed(), 1, "one file parsed");
                    loaded
                },
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = support::config();
    targets = reload
}
criterion_main!(benches);
