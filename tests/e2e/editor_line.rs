//! `e` with editors dateline does not know: `DATELINE_EDITOR_LINE` says how to give them
//! the line, and without it the status line says the line was not given; VS Code gets
//! `--wait`. Stand-in editors (shell scripts) record how they were called.

use crate::common::pty::{Session, recording_stand_in};
use std::path::{Path, PathBuf};

const LOG: &str = "\
dateline: 1
events:
  - id: first
    date: 2024-05-01
    kind: meeting
    title: First round in Cairo
  - id: second
    date: 2024-05-02
    kind: statement
    title: Second statement from Washington
";

/// A stand-in editor at `path` that writes its arguments, a line each, to `called`.
fn stand_in(path: &Path, called: &Path) {
    recording_stand_in(path, called);
}

/// Opens the log, selects the second event (line 7) and presses `e` with `env`; returns
/// the screen once `wait` shows, and the editor's arguments.
fn edit_second(dir: &Path, env: &[(&str, &str)], wait: &str) -> (String, String) {
    let log = dir.join("talks.yaml");
    std::fs::write(&log, LOG).unwrap();
    let state = tempfile::tempdir().unwrap();
    let mut s = Session::start_with(&[log.to_str().unwrap()], 24, 120, state.path(), env);
    s.wait_text("Second statement from Washington");
    s.keys("j");
    s.wait_text("▶STMT");
    s.keys("e");
    let screen = s.wait_text(wait);
    let args = std::fs::read_to_string(dir.join("called")).expect("the editor ran");
    s.keys("q");
    assert!(s.wait_exit().success());
    (screen, args)
}

fn log_in(dir: &Path) -> PathBuf {
    dir.join("talks.yaml")
}

#[test]
fn the_line_template_gives_an_unknown_editor_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let editor = dir.path().join("my-editor");
    stand_in(&editor, &dir.path().join("called"));
    let (screen, args) = edit_second(
        dir.path(),
        &[
            ("VISUAL", editor.to_str().unwrap()),
            ("DATELINE_EDITOR_LINE", "--goto {file}:{line}"),
        ],
        "back from the editor",
    );
    assert_eq!(
        args,
        format!("--goto\n{}:7\n", log_in(dir.path()).display())
    );
    assert!(!screen.contains("not told the line"), "{screen}");
}

#[test]
fn without_the_template_the_status_line_says_the_line_was_not_given() {
    let dir = tempfile::tempdir().unwrap();
    let editor = dir.path().join("my-editor");
    stand_in(&editor, &dir.path().join("called"));
    let (_, args) = edit_second(
        dir.path(),
        &[
            ("VISUAL", editor.to_str().unwrap()),
            ("DATELINE_EDITOR_LINE", ""),
        ],
        "editor not told the line (7): set DATELINE_EDITOR_LINE",
    );
    assert_eq!(args, format!("{}\n", log_in(dir.path()).display()));
}

#[test]
fn vs_code_is_told_to_wait() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    stand_in(&bin.join("code"), &dir.path().join("called"));
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let (_, args) = edit_second(
        dir.path(),
        &[("VISUAL", "code"), ("PATH", &path)],
        "back from the editor",
    );
    assert_eq!(
        args,
        format!("--wait\n-g\n{}:7\n", log_in(dir.path()).display())
    );
}
