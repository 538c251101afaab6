//! Logs in several files: the merge rules of the loader, the browser on a merged
//! log, and `check` and `list` with the real binary.

use dateline::filter::Query;
use dateline::load::{Limits, load_paths};
use dateline::tui::{Action, App, ColorMode, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};
use std::process::Command;

const A: &str = "\
parties:
  - {id: us, name: United States}
  - {id: hamas, name: Hamas}
actors:
  - {id: burns, name: William Burns, party: us}
sources:
  - {id: wire, outlet: Wire Service}
events:
  - id: proposal
    date: 2024-04-26
    kind: proposal
    title: A proposal is put to Hamas
    actors: [burns]
    sources: [wire]
";

/// Shares `us` (the same) and `wire` with A, answers A's proposal.
const B: &str = "\
parties:
  - {id: egypt, name: Egypt}
  - {id: us, name: United States}
actors:
  - {id: kamel, name: Abbas Kamel, party: egypt}
sources:
  - {id: wire, outlet: Wire Service}
events:
  - id: answer
    date: 2024-04-28
    kind: response
    title: Egypt passes on the answer
    actors: [kamel, burns]
    sources: [wire]
    related: [proposal]
";

/// Writes the files into a new directory.
fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    dir
}

fn paths(dir: &Path, names: &[&str]) -> Vec<PathBuf> {
    names.iter().map(|n| dir.join(n)).collect()
}

/// 1-based line of the first line of `text` containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .expect("in text")
        + 1
}

#[test]
fn files_that_agree_merge_into_one_log() {
    let dir = dir_with(&[("a.yaml", A), ("b.yaml", B)]);
    let files = paths(dir.path(), &["a.yaml", "b.yaml"]);
    let log = load_paths(&files, &Limits::default()).expect("merges").log;
    assert_eq!(log.files.len(), 2);
    let ids: Vec<&str> = log.parties.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        ["us", "hamas", "egypt"],
        "one `us`, in first-seen order"
    );
    assert_eq!(log.sources.len(), 1);
    // References across files: B's event names A's actor and answers A's event.
    let (proposal, answer) = (log.event("proposal").unwrap(), log.event("answer").unwrap());
    assert_eq!(log.events[answer].related, vec![proposal]);
    assert_eq!(log.events[proposal].related_by, vec![answer]);
    let burns = log.actor("burns").unwrap();
    assert!(log.events[answer].actors.contains(&burns));
    // Each event keeps its file and line.
    let a = &log.events[proposal].origin;
    let b = &log.events[answer].origin;
    assert_eq!((a.file, a.line), (0, line_of(A, "id: proposal")));
    assert_eq!((b.file, b.line), (1, line_of(B, "id: answer")));
    assert!(log.files[1].ends_with("b.yaml"));
}

#[test]
fn files_that_disagree_on_an_id_give_an_error_naming_both_places() {
    let b = B.replace("{id: us, name: United States}", "{id: us, name: USA}");
    let dir = dir_with(&[("a.yaml", A), ("b.yaml", &b)]);
    let files = paths(dir.path(), &["a.yaml", "b.yaml"]);
    let report = load_paths(&files, &Limits::default()).expect_err("disagree");
    let errors: Vec<_> = report.errors().collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    let e = errors[0];
    assert!(e.file.ends_with("b.yaml"));
    assert_eq!(e.line, line_of(&b, "id: us"));
    let first = format!("a.yaml:{}", line_of(A, "id: us"));
    assert!(e.message.contains(&first), "{}", e.message);
    assert!(e.message.contains("\"us\""), "{}", e.message);
}

#[test]
fn an_event_id_is_unique_across_files() {
    let b = B
        .replace("id: answer", "id: proposal")
        .replace("related: [proposal]", "");
    let dir = dir_with(&[("a.yaml", A), ("b.yaml", &b)]);
    let files = paths(dir.path(), &["a.yaml", "b.yaml"]);
    let report = load_paths(&files, &Limits::default()).expect_err("same id");
    let e = report.errors().next().unwrap();
    assert!(e.file.ends_with("b.yaml"));
    assert_eq!(e.line, line_of(&b, "id: proposal"));
    let first = format!("a.yaml:{}", line_of(A, "id: proposal"));
    assert!(e.message.contains(&first), "{}", e.message);
}

#[test]
fn a_reference_to_an_id_in_no_file_is_still_an_error() {
    let b = B.replace("related: [proposal]", "related: [proposl]");
    let dir = dir_with(&[("a.yaml", A), ("b.yaml", &b)]);
    let files = paths(dir.path(), &["a.yaml", "b.yaml"]);
    let report = load_paths(&files, &Limits::default()).expect_err("dangling");
    let e = report.errors().next().unwrap();
    assert!(e.file.ends_with("b.yaml"));
    assert_eq!(e.line, line_of(&b, "proposl"));
    assert!(e.help.as_deref().is_some_and(|h| h.contains("proposal")));
}

#[test]
fn the_browser_shows_the_merged_log_and_where_each_event_was_written() {
    let dir = dir_with(&[("a.yaml", A), ("b.yaml", B)]);
    let files = paths(dir.path(), &["a.yaml", "b.yaml"]);
    let loaded = load_paths(&files, &Limits::default()).expect("merges");
    let mut app = App::new(loaded, Query::default(), ColorMode::None);
    update(
        &mut app,
        Action::Resize {
            width: 160,
            height: 30,
        },
    );
    update(&mut app, Action::Bottom);
    assert_eq!(app.selected, app.log.event("answer"));
    let mut t = Terminal::new(TestBackend::new(160, 30)).unwrap();
    t.draw(|f| view(&app, f)).unwrap();
    let screen = t.backend().to_string();
    let header = screen.lines().next().unwrap();
    // No title in either file: the header names both.
    assert!(header.contains("a.yaml, "), "{header}");
    assert!(header.contains("b.yaml"), "{header}");
    assert!(header.contains("showing 2 of 2 events"), "{header}");
    let from = format!("b.yaml:{}", line_of(B, "id: answer"));
    assert!(
        screen
            .lines()
            .any(|l| l.contains("From: ") && l.contains(&from)),
        "{screen}"
    );
    // One file: no such line.
    let one = load_paths(&files[..1], &Limits::default()).expect("loads");
    let app = App::new(one, Query::default(), ColorMode::None);
    let mut t = Terminal::new(TestBackend::new(160, 30)).unwrap();
    t.draw(|f| view(&app, f)).unwrap();
    assert!(!t.backend().to_string().contains("From: "));
}

fn dateline(args: &[&Path]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run dateline")
}

#[test]
fn check_and_list_take_several_files_and_directories() {
    let dir = dir_with(&[("a.yaml", A), ("b.yaml", B)]);
    let (a, b) = (dir.path().join("a.yaml"), dir.path().join("b.yaml"));
    let out = dateline(&[Path::new("check"), &a, &b]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}{stderr}");
    // One summary line per file.
    for name in ["a.yaml: 1 event,", "b.yaml: 1 event,"] {
        assert!(
            stdout
                .lines()
                .any(|l| l.contains(name) && l.ends_with(": ok")),
            "{stdout}{stderr}"
        );
    }

    let out = dateline(&[Path::new("list"), dir.path()]);
    assert!(out.status.success());
    let listed = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 2, "{listed}");
    assert!(lines[0].contains("A proposal is put to Hamas"), "{listed}");
    assert!(lines[1].contains("Egypt passes on the answer"), "{listed}");

    // Disagreeing files: exit 1, and the message names both files.
    std::fs::write(
        &b,
        B.replace(
            "name: Egypt}",
            "name: Egypt}\n  - {id: hamas, name: Hamas movement}",
        ),
    )
    .unwrap();
    let out = dateline(&[Path::new("check"), &a, &b]);
    assert_eq!(out.status.code(), Some(1));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("b.yaml:"), "{text}");
    assert!(
        text.contains(&format!("a.yaml:{}", line_of(A, "id: hamas"))),
        "{text}"
    );
}
