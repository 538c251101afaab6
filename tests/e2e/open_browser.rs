//! `o` honours `$BROWSER` as other terminal tools do: colon-separated commands tried in
//! turn, `%s` standing for the URL, else the URL added last. A stand-in browser (a shell
//! script) records how it was called.

use crate::common::pty::{DEADLINE, Session, recording_stand_in};
use std::path::Path;
use std::time::{Duration, Instant};

const LOG: &str = "\
dateline: 1
sources:
  - {id: wire, outlet: Wire, url: \"https://example.org/talks?day=2\"}
events:
  - date: 2024-05-02
    kind: statement
    title: A statement with a source
    sources: [wire]
";

/// Presses `o` with `$BROWSER` set to `browser` (a stand-in at `bin/fake-browser` is on
/// the PATH) and returns the stand-in's arguments, a line each.
fn opened_with(browser: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("talks.yaml");
    std::fs::write(&log, LOG).unwrap();
    let called = dir.path().join("called");
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let fake = bin.join("fake-browser");
    let path = recording_stand_in(&fake, &called);
    let state = tempfile::tempdir().unwrap();
    let mut s = Session::start_with(
        &[log.to_str().unwrap()],
        24,
        100,
        state.path(),
        &[("BROWSER", browser), ("PATH", &path)],
    );
    s.wait_text("A statement with a source");
    s.keys("o");
    let args = wait_file(&called);
    s.keys("q");
    assert!(s.wait_exit().success());
    args
}

/// The file's text once it exists (the stand-in writes it whole, with a rename), polled
/// as the screen is, until the sessions' deadline.
fn wait_file(path: &Path) -> String {
    let start = Instant::now();
    loop {
        if let Ok(text) = std::fs::read_to_string(path) {
            return text;
        }
        assert!(
            start.elapsed() < DEADLINE,
            "the browser never ran: {}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn o_runs_the_first_browser_command_that_starts_with_the_url_for_percent_s() {
    let args = opened_with("no-such-browser-here %s:fake-browser --new-tab %s");
    assert_eq!(args, "--new-tab\nhttps://example.org/talks?day=2\n");
}

#[test]
fn o_adds_the_url_to_a_browser_command_without_percent_s() {
    let args = opened_with("fake-browser");
    assert_eq!(args, "https://example.org/talks?day=2\n");
}
