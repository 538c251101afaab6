//! One memory budget per load: the files of a log and the archives it reads share it, so
//! files each within the limits cannot add up to many budgets.

use dateline::load::{self, Limits, Report};
use std::fmt::Write as _;
use std::path::PathBuf;

/// A budget small enough for a test: 1 MiB.
const BUDGET: u64 = 1 << 20;

fn small() -> Limits {
    Limits {
        max_file_bytes: 64 << 10,
        memory_budget: BUDGET,
        ..Limits::default()
    }
}

/// A log file of `n` events, each with three topics, with ids of their own (`prefix`).
fn file_of_events(prefix: &str, n: usize) -> String {
    let mut out = String::from("events:\n");
    for i in 0..n {
        let _ = writeln!(
            out,
            "  - {{id: {prefix}{i}, date: 2024-05-03, kind: meeting, title: Talks {i}, topics: [ceasefire, hostages, aid]}}"
        );
    }
    out
}

/// The errors of a refused load.
fn errors(report: &Report) -> Vec<String> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{}: {}", d.file, d.message))
        .collect()
}

#[test]
fn a_directory_log_whose_files_each_fit_but_not_together_is_refused_naming_the_budget() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = (0..10)
        .map(|i| {
            let path = dir.path().join(format!("part-{i}.yaml"));
            std::fs::write(&path, file_of_events(&format!("p{i}e"), 300)).unwrap();
            path
        })
        .collect();
    // Each file alone is within the file limit and the budget.
    for f in &files {
        assert!(std::fs::metadata(f).unwrap().len() < small().max_file_bytes);
        let one = load::load_paths(std::slice::from_ref(f), &small());
        assert!(one.is_ok(), "{:?}", one.err().map(|r| errors(&r)));
    }
    // Together they are over it: refused, the budget named.
    let report = load::load_paths(&files, &small()).expect_err("over the budget together");
    let errors = errors(&report);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("memory budget of one load (1 MiB")),
        "{errors:?}"
    );
    // With the default budget the same files are one log.
    let log = load::load_paths(&files, &Limits::default()).unwrap().log;
    assert_eq!(log.events.len(), 3000);
}

/// A log with one source archived as `sources/report.txt` and one quote of it.
const LOG: &str = "\
sources:
  - id: report
    outlet: Reuters
    archive: sources/report.txt
events:
  - date: 2024-05-03
    kind: statement
    title: A statement
    sources: [report]
    quotes:
      - text: the talks went on
        attribution: the group
        source: report
";

fn log_with_archive(archive: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log.yaml");
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    std::fs::write(&log, LOG).unwrap();
    std::fs::write(dir.path().join("sources/report.txt"), archive).unwrap();
    (dir, log)
}

fn archive_of_words(words: usize) -> String {
    format!("the talks went on. {}", "and on ".repeat(words / 2))
}

#[test]
fn an_archive_over_what_the_log_leaves_of_the_budget_is_refused_naming_it() {
    let limits = Limits {
        memory_budget: 4 * BUDGET,
        ..Limits::default()
    };
    // 100k words: its text (0.7 MB) fits any byte limit, its words do not fit the budget.
    let (_d, log) = log_with_archive(&archive_of_words(100_000));
    let report: Report = load::load_path(&log, &limits).expect_err("over the budget");
    let [d] = report.diagnostics.as_slice() else {
        panic!("one diagnostic: {:?}", report.diagnostics)
    };
    assert!(d.is_error());
    assert_eq!(d.line, 4, "at the `archive:` line");
    assert!(
        d.message.contains("archive `sources/report.txt`")
            && d.message.contains("memory budget of 4 MiB"),
        "{}",
        d.message
    );
    // A tenth of it is read and checked within the same budget.
    let (_d, log) = log_with_archive(&archive_of_words(10_000));
    let l = load::load_path(&log, &limits).unwrap();
    assert!(l.log.archives[0].is_some());
    // And the large one within the default budget.
    let (_d, log) = log_with_archive(&archive_of_words(100_000));
    assert!(load::load_path(&log, &Limits::default()).is_ok());
}

#[test]
fn archives_each_within_the_budget_but_over_it_together_are_refused() {
    let limits = Limits {
        memory_budget: 4 * BUDGET,
        ..Limits::default()
    };
    let (d, log) = log_with_archive(&archive_of_words(42_000));
    std::fs::write(d.path().join("sources/other.txt"), archive_of_words(42_000)).unwrap();
    let text = LOG.replace(
        "events:\n",
        "  - {id: other, outlet: Wire, archive: sources/other.txt}\nevents:\n",
    );
    std::fs::write(&log, text).unwrap();
    let report = load::load_path(&log, &limits).expect_err("the second is over the budget");
    let messages: Vec<&str> = report
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        matches!(messages.as_slice(), [m] if m.contains("archive `sources/other.txt`") && m.contains("memory budget of 4 MiB")),
        "{messages:?}"
    );
}

#[test]
fn an_archive_whose_text_alone_is_over_what_is_left_is_refused_before_it_is_read() {
    let limits = Limits {
        memory_budget: BUDGET,
        ..Limits::default()
    };
    let (_d, log) = log_with_archive(&"x".repeat(2 << 20));
    let report: Report = load::load_path(&log, &limits).expect_err("over the budget");
    let [d] = report.diagnostics.as_slice() else {
        panic!("one diagnostic: {:?}", report.diagnostics)
    };
    assert!(
        d.message.contains("memory budget of 1 MiB")
            && d.message.contains("its text alone is more than"),
        "{}",
        d.message
    );
}
