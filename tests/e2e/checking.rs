//! End to end, the quotes checked in the background: the browser draws the timeline as soon
//! as the log is read, while a check that takes far longer than the test's deadline runs,
//! and `q` quits at once without waiting for it. Every wait polls with a deadline.

use crate::common::pty::Session;
use std::fmt::Write as _;

/// A log of `n` quotes that each cost the check its whole work budget: every word is in the
/// archive, one word repeated, but the full stop never is.
fn log(n: usize) -> String {
    let quote = format!("{}talks.", "talks ".repeat(100));
    let mut out =
        String::from("dateline: 1\nsources:\n  - {id: s, outlet: Wire, archive: a.txt}\nevents:\n");
    for i in 0..n {
        let _ = write!(
            out,
            "  - date: 2024-05-03\n    kind: statement\n    title: Event {i}\n    quotes:\n      - text: \"{quote}\"\n        attribution: someone\n        source: s\n"
        );
    }
    out
}

#[test]
fn the_browser_draws_the_timeline_and_quits_on_q_while_the_quotes_are_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "talks ".repeat(1_000_000 / 6)).unwrap();
    std::fs::write(dir.path().join("log.yaml"), log(400)).unwrap();
    // Bounded: an address-space cap, and a CPU cap far below what the whole check takes
    // here, so a browser that waited for it would be killed, not hang the run.
    let mut s = Session::start_via_shell(
        "ulimit -v 2097152 && ulimit -t 60 && exec \"$0\" \"$@\"",
        &["log.yaml"],
        dir.path(),
        30,
        160,
    );
    let shown = s.wait_all(&[
        "showing 400 of 400 events",
        "Event 0",
        "checking the quotes against their archived sources…",
    ]);
    assert!(!shown.contains("NOT FOUND"), "{shown}");
    s.keys("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_terminal_restored();
}
