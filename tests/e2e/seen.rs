//! What changed since the reader last looked, end to end: open a log, quit, a colleague
//! edits it, open it again: the status line, the markers and `+`.

use crate::common::pty::Session;

const V1: &str = "events:
  - {id: invite, date: 2025-04-05, kind: statement, title: Talks will be direct}
  - {id: round-one, date: 2025-04-12, kind: meeting, status: expected, title: First round in Muscat}
";

#[test]
fn a_colleagues_edit_shows_on_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let log = dir.path().join("talks.yaml");
    std::fs::write(&log, V1).unwrap();
    let path = log.to_str().unwrap();

    let mut first = Session::start_in(&[path], 24, 100, state.path());
    let s = first.wait_text("showing 2 of 2 events");
    assert!(!s.contains("since you last looked"), "{s}");
    first.keys("q");
    assert!(first.wait_exit().success());

    // The colleague's edit, as saved from an editor or pulled with git.
    let v2 = V1.replace("status: expected", "status: occurred")
        + "  - {id: round-two, date: 2025-04-19, kind: meeting, status: expected, title: Second round in Rome}\n";
    std::fs::write(&log, v2).unwrap();

    let mut again = Session::start_in(&[path], 24, 100, state.path());
    let s = again.wait_text("1 new, 1 changed since you last looked (");
    assert!(s.contains(" ~MEET   First round in Muscat"), "{s}");
    assert!(s.contains(" +MEET ? Second round in Rome"), "{s}");
    assert!(s.contains("▶ STMT   Talks will be direct"), "{s}");
    again.keys("+");
    let s = again.wait_text("status: expected → occurred");
    assert!(s.contains("▶~MEET   First round in Muscat"), "{s}");
    again.keys("q");
    assert!(again.wait_exit().success());
}
