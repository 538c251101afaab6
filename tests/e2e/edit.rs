//! `e` opens the selected event in the reader's editor: a stand-in editor (a shell script)
//! records how it was called and edits the file; the browser comes back, shows the edit
//! and keeps the selection.

use crate::common::pty::{Session, recording_stand_in};
use std::os::unix::fs::PermissionsExt;

const LOG: &str = "\
dateline: 1
parties:
  - {id: us, name: United States}
events:
  - id: first
    date: 2024-05-01
    kind: meeting
    title: First round in Cairo
  - id: second
    date: 2024-05-02
    kind: statement
    title: Second statement from Washington
  - id: third
    date: 2024-05-03
    kind: call
    title: Third call
";

#[test]
fn e_opens_the_event_at_its_line_and_the_browser_comes_back_with_the_edit() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("talks.yaml");
    std::fs::write(&log, LOG).unwrap();
    let called = dir.path().join("called");
    let editor = dir.path().join("editor.sh");
    // Writes its arguments a line each, then edits the file it was given last; it also
    // says whether its terminal is in the normal mode (echo on: raw mode was left).
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\n\
             printf '%s\\n' \"$@\" > '{called}.tmp'\n\
             stty -a | grep -q ' echo' && echo cooked >> '{called}.tmp'\n\
             for f; do :; done\n\
             sed -i 's/Second statement from Washington/Second statement, edited/' \"$f\"\n\
             mv '{called}.tmp' '{called}'\n",
            called = called.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();

    let state = tempfile::tempdir().unwrap();
    let mut s = Session::start_with(
        &[log.to_str().unwrap()],
        24,
        100,
        state.path(),
        &[("VISUAL", editor.to_str().unwrap()), ("EDITOR", "false")],
    );
    s.wait_text("Second statement from Washington");
    s.keys("j");
    s.wait_text("▶STMT");
    s.keys("e");
    let screen = s.wait_text("Second statement, edited");
    let args = std::fs::read_to_string(&called).expect("the editor ran");
    // An unknown editor gets the file alone; the line goes with the editors that take it.
    assert_eq!(args, format!("{}\ncooked\n", log.display()), "{args}");
    // The edited event is still the selected one, and the browser has the screen again.
    let selected = screen
        .lines()
        .find(|l| l.contains('▶'))
        .unwrap_or_default()
        .to_string();
    assert!(selected.contains("Second statement, edited"), "{screen}");
    assert!(s.parser.lock().unwrap().screen().alternate_screen());
    s.keys("q");
    assert!(s.wait_exit().success());
    s.assert_terminal_restored();
}

#[test]
fn vi_style_editors_are_given_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("talks.yaml");
    std::fs::write(&log, LOG).unwrap();
    let called = dir.path().join("called");
    // Named `vim`, so that dateline passes +LINE: a stand-in, found first on the PATH.
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let vim = bin.join("vim");
    let path = recording_stand_in(&vim, &called);
    let state = tempfile::tempdir().unwrap();
    let mut s = Session::start_with(
        &[log.to_str().unwrap()],
        24,
        100,
        state.path(),
        &[("VISUAL", ""), ("EDITOR", "vim"), ("PATH", &path)],
    );
    s.wait_text("Third call");
    s.keys("G");
    s.wait_text("▶CALL");
    s.keys("e");
    s.wait_text("back from the editor");
    let args = std::fs::read_to_string(&called).expect("the editor ran");
    // The third event starts on line 13 of the file.
    assert_eq!(args, format!("+13\n{}\n", log.display()));
    s.keys("q");
    assert!(s.wait_exit().success());
}

#[test]
fn the_bundled_sample_has_no_file_to_edit_and_says_so() {
    let mut s = Session::start(&[], 24, 100);
    s.wait_text("showing 18 of 18 events");
    s.keys("e");
    s.wait_text("no file to edit");
    s.keys("q");
    assert!(s.wait_exit().success());
}
