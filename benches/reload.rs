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
use std::path::{Path, PathBuf};

/// How many files the generated log is cut into.
const FILES: usize = 100;

/// The generated log of `events` events as `FILES` files in `dir`: the parties, actors and
/// sources in the first, the events in equal runs, every file with the log's top-level
/// lines (its reading zone). The files' paths, in name order.
fn split_into(dir: &Path, events: usize) -> Vec<PathBuf> {
    let text = support::text(events);
    let at = text.find("\nevents:\n").expect("the events section") + 1;
    let (head, body) = text.split_at(at);
    let body = &body["events:\n".len()..];
    // Top-level scalars (`timezone: ...`) go in every file, so each reads its clocks alike.
    let shared: String = head
        .lines()
        .filter(|l| l.starts_with("timezone:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let mut starts: Vec<usize> = body.match_indices("\n  - ").map(|(i, _)| i + 1).collect();
    starts.insert(0, 0);
    let per = starts.len().div_ceil(FILES);
    let mut paths = Vec::with_capacity(FILES);
    for f in 0..FILES {
        let from = starts.get(f * per).copied().unwrap_or(body.len());
        let to = starts.get((f + 1) * per).copied().unwrap_or(body.len());
        let mut file = if f == 0 {
            head.to_string()
        } else {
            shared.clone()
        };
        file.push_str("events:\n");
        if from == to {
            file.push_str("  []\n");
        }
        file.push_str(&body[from..to]);
        let path = dir.join(format!("part-{f:03}.yaml"));
        std::fs::write(&path, file).expect("write a file of the log");
        paths.push(path);
    }
    paths
}

fn reload(c: &mut criterion::Criterion<support::Clock>) {
    let mut group = c.benchmark_group("reload");
    let limits = Limits::default();
    for events in support::sizes() {
        let id = support::label(events);
        let dir = tempfile::tempdir().expect("a temporary folder");
        let paths = split_into(dir.path(), events);
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
