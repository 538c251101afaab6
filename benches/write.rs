//! Writing to a log: adding one event to a single-file log (planning the edit, checking the
//! whole log with it, writing the file atomically; the check's load is the reloaded log)
//! against a plain `check` of that file (read and load). Target: at most 1.5x the check
//! (figures in docs/PERFORMANCE.md).

mod support;

use criterion::{BatchSize, BenchmarkId, criterion_group, criterion_main};
use dateline::load::{Limits, load_paths};
use dateline::write::{Change, LogFiles, NewEvent, commit, plan};
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
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = support::config();
    targets = write
}
criterion_main!(benches);
