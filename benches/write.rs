//! Writing to a log: adding one event to a single-file log (planning the edit, checking the
//! whole log with it, writing the file atomically; the check's load is the reloaded log)
//! against a plain `check` of that file (read and load). Target: at most 1.5x the check
//! (figures in docs/PERFORMANCE.md). Also as the browser does it, with the watcher's reload
//! after the write (which finds the files and archives those the write's check loaded, and
//! parses nothing), and as `dateline add event` does it, loading the log first to plan the
//! change.

mod support;

use criterion::{BatchSize, BenchmarkId, criterion_group, criterion_main};
use dateline::archive::Archives;
use dateline::load::{Limits, LoadCache, load_paths};
use dateline::tui::LogSource;
use dateline::write::{Change, LogFiles, NewEvent, commit, commit_with, plan};
use std::hint::black_box;

fn write(c: &mut criterion::Criterion<support::Clock>) {
    let mut group = c.benchmark_group("write");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let limits = Limits::default();
    for events in support::sizes() {
        let text = support::text(events);
        let id = support::label(events);
        let path = dir.path().join(format!("log-{id}.yaml"));
        std::fs::write(&path, &text).expect("write the log");
        if events >= 100_000 {
            group.sample_size(10);
        }
        let paths = vec![path.clone()];
        group.bench_function(BenchmarkId::new("check", &id), |b| {
            b.iter_batched(
                || (),
                |()| load_paths(black_box(&paths), &limits).expect("loads"),
                BatchSize::PerIteration,
            )
        });
        let log = LogFiles::read(&paths, &limits)
            .expect("read")
            .load(&limits)
            .expect("loads")
            .log;
        let change = Change::Event(NewEvent {
            date: "2024-05-03T10:00[Europe/Zurich]".into(),
            kind: "meeting".into(),
            title: "Geneva joint statement".into(),
            ..NewEvent::default()
        });
        group.bench_function(BenchmarkId::new("add_event_check_write_reload", &id), |b| {
            b.iter_batched(
                || {
                    // The file as it was before each write.
                    std::fs::write(&path, &text).expect("restore the log");
                    LogFiles::from_texts(paths.clone(), vec![text.clone()])
                },
                |files| {
                    let planned = plan(&log, &files, black_box(&change)).expect("planned");
                    commit(&files, planned, &limits).expect("written")
                },
                BatchSize::PerIteration,
            )
        });
        // As the browser does it: the files read again and compared with the log on screen,
        // the edit planned on that log, the check through its cache (a one-file log keeps no
        // readings), the write; then the watcher's reload, which reads and hashes the file and
        // finds it the one the check loaded, so parses nothing. Two titles in turn, so that
        // every check parses the changed file, as a real one does.
        let changes = ["Geneva joint statement", "Geneva joint communique"].map(|title| {
            Change::Event(NewEvent {
                date: "2024-05-03T10:00[Europe/Zurich]".into(),
                kind: "meeting".into(),
                title: title.into(),
                ..NewEvent::default()
            })
        });
        let source = LogSource {
            args: paths.clone(),
            limits,
        };
        let mut cache = LoadCache::new();
        cache.load_paths(&paths, &limits).expect("loads");
        let mut turn = 0;
        group.bench_function(
            BenchmarkId::new("add_event_check_write_and_watchers_reload", &id),
            |b| {
                b.iter_batched(
                    || {
                        std::fs::write(&path, &text).expect("restore the log");
                        turn += 1;
                        &changes[turn % 2]
                    },
                    |change| {
                        let files = LogFiles::read(&source.args, &limits).expect("read");
                        assert!(files.changed_since(&log).is_empty());
                        let planned = plan(&log, &files, black_box(change)).expect("planned");
                        let written = commit_with(&files, planned, &limits, |texts, paths| {
                            cache.load_texts(texts, &limits, Archives::Beside(paths))
                        })
                        .expect("written");
                        drop(files);
                        assert!(
                            source.unchanged(&written.loaded.log),
                            "the watcher's reload finds the log the check built"
                        );
                        written
                    },
                    BatchSize::PerIteration,
                )
            },
        );
        // `dateline add event`: the log read and loaded to know where the event goes, then
        // the change checked by a second load and written.
        group.bench_function(BenchmarkId::new("cli_add_event", &id), |b| {
            b.iter_batched(
                || std::fs::write(&path, &text).expect("restore the log"),
                |()| {
                    let files = LogFiles::read(&paths, &limits).expect("read");
                    let loaded = files.load(&limits).expect("loads");
                    let planned = plan(&loaded.log, &files, black_box(&change)).expect("planned");
                    drop(loaded);
                    commit(&files, planned, &limits).expect("written")
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
    targets = write
}
criterion_main!(benches);
