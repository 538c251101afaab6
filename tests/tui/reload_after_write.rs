//! The watcher's word after the browser's own write: the log on screen is the one the
//! write's check built, so when the files and archives are still those it was loaded from,
//! the reload parses nothing and the screen stays as the write left it. Anything else
//! (a save of the reader's editor arriving with the write, an archive changed meanwhile, a
//! file added to a directory log) is read again.

use crate::common::browser::{self, carry_write, press, select_id};
use dateline::tui::{App, LogSource, Msg, update};
use std::path::{Path, PathBuf};

const ARCHIVE: &str = "CAIRO (Wire) - The talks resumed in Cairo on Friday.\n";

const LOG: &str = "\
sources:
  - id: wire
    outlet: Wire
    archive: sources/wire.txt
events:
  - id: first
    date: 2024-05-03
    kind: meeting
    title: First round in Cairo
    sources: [wire]
    quotes:
      - text: The talks resumed in Cairo
        attribution: the wire
        source: wire
";

/// The log and its archive on disk, opened as the browser opens it.
fn on_disk() -> (tempfile::TempDir, PathBuf, App, LogSource) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.yaml");
    std::fs::write(&path, LOG).unwrap();
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    std::fs::write(dir.path().join("sources/wire.txt"), ARCHIVE).unwrap();
    let source = LogSource {
        args: vec![path.clone()],
        limits: Default::default(),
    };
    let app = opened(&source);
    (dir, path, app, source)
}

fn opened(source: &LogSource) -> App {
    let loaded = source.read().result.expect("the log loads");
    browser::with(loaded, 100, 20)
}

/// `=c` on the first event, the write carried out as the run loop does.
fn write_status(app: &mut App, source: &LogSource) {
    select_id(app, "first");
    press(app, "=c");
    carry_write(app, source);
    assert_eq!(
        app.message.as_deref(),
        Some("marked cancelled: first in talks.yaml:9")
    );
}

#[test]
fn after_a_write_of_ours_the_watchers_reload_finds_the_log_on_screen_and_keeps_the_screen() {
    let (_dir, path, mut app, source) = on_disk();
    write_status(&mut app, &source);
    assert!(
        source.unchanged(&app.log),
        "the files and archives are those the write's check read"
    );
    // The same bytes saved again (a new time, the same text): still nothing to read.
    std::fs::write(&path, std::fs::read(&path).unwrap()).unwrap();
    assert!(source.unchanged(&app.log));
    let shown = app.log.clone();
    update(&mut app, Msg::Unchanged);
    assert_eq!(app.log, shown);
    assert_eq!(
        app.message.as_deref(),
        Some("marked cancelled: first in talks.yaml:9"),
        "the status line still says what was written"
    );
}

#[test]
fn an_editors_save_arriving_with_the_write_is_read_again() {
    let (_dir, path, mut app, source) = on_disk();
    write_status(&mut app, &source);
    let written = std::fs::read_to_string(&path).unwrap();
    let theirs = format!(
        "{written}  - id: second\n    date: 2024-05-04\n    kind: call\n    title: A call from Doha\n"
    );
    std::fs::write(&path, theirs).unwrap();
    assert!(!source.unchanged(&app.log));
    update(&mut app, Msg::Reloaded(Box::new(source.read())));
    assert!(
        app.log.event("second").is_some(),
        "the editor's event shows"
    );
}

#[test]
fn an_archive_changed_meanwhile_is_read_again_even_at_the_same_size() {
    let (dir, _path, mut app, source) = on_disk();
    write_status(&mut app, &source);
    // Rewritten in place, the same length: its times may not tell within a clock tick.
    let changed = ARCHIVE.replace("resumed", "restart");
    assert_eq!(changed.len(), ARCHIVE.len());
    std::fs::write(dir.path().join("sources/wire.txt"), &changed).unwrap();
    assert!(!source.unchanged(&app.log));
    update(&mut app, Msg::Reloaded(Box::new(source.read())));
    dateline::tui::runtime::effects::settle(&mut app);
    assert_eq!(
        app.log.events[0].quotes[0].verification.as_str(),
        "not-found",
        "the quote's verdict follows the archive"
    );
}

#[test]
fn an_archive_removed_meanwhile_is_read_again() {
    let (dir, _path, mut app, source) = on_disk();
    write_status(&mut app, &source);
    std::fs::remove_file(dir.path().join("sources/wire.txt")).unwrap();
    assert!(!source.unchanged(&app.log));
    update(&mut app, Msg::Reloaded(Box::new(source.read())));
    assert!(app.file_errors.is_some(), "the missing archive is said");
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn a_file_added_to_a_directory_log_or_taken_away_is_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "1-spring.yaml",
        "events:\n  - id: a\n    date: 2024-05-01\n    kind: call\n    title: A call\n",
    );
    write(
        d,
        "2-summer.yaml",
        "events:\n  - id: b\n    date: 2024-07-01\n    kind: call\n    title: B call\n",
    );
    let source = LogSource {
        args: vec![d.to_path_buf()],
        limits: Default::default(),
    };
    let app = opened(&source);
    assert!(source.unchanged(&app.log));
    write(d, "3-autumn.yaml", "events: []\n");
    assert!(!source.unchanged(&app.log));
    std::fs::remove_file(d.join("3-autumn.yaml")).unwrap();
    assert!(source.unchanged(&app.log));
    std::fs::remove_file(d.join("2-summer.yaml")).unwrap();
    assert!(!source.unchanged(&app.log));
}

#[test]
fn files_back_to_the_version_on_screen_clear_the_errors_they_had() {
    let (_dir, path, mut app, source) = on_disk();
    let name = path.to_str().unwrap();
    browser::reload(&mut app, name, "events: [\n");
    assert!(app.file_errors.is_some());
    // The reader undoes the broken edit in their editor: the bytes on screen again.
    assert!(source.unchanged(&app.log));
    update(&mut app, Msg::Unchanged);
    assert!(app.file_errors.is_none());
    assert_eq!(
        app.message.as_deref(),
        Some("reloaded: the files are back to the version on screen (1 event)")
    );
}
