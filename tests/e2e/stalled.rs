//! End to end: a terminal that stops reading. The browser's write to it blocks, and a
//! SIGTERM must still end the browser (it used to wait for ever in the write).

use crate::common::pty::{DEADLINE, Session};
use std::time::{Duration, Instant};

/// A log of two events, each with a source whose URL (2,000 bytes, the most that is
/// linked) fills the details pane: each frame that moves between them writes hundreds of
/// kilobytes, far more than a pseudo-terminal holds unread.
fn log() -> String {
    let mut y = String::from("sources:\n");
    for s in ["a", "b"] {
        let url = format!("https://example.org/{s}/{}", "x".repeat(2000 - 22));
        assert_eq!(url.len(), 2000);
        y += &format!("  - id: {s}\n    outlet: Wire {s}\n    url: \"{url}\"\n");
    }
    y += "events:\n";
    for (i, s) in ["a", "b"].iter().enumerate() {
        y += &format!(
            "  - id: e{s}\n    date: 2024-05-0{}\n    kind: meeting\n    title: Event {s}\n    sources: [{s}]\n",
            i + 1
        );
    }
    y
}

/// Whether the process's main thread is blocked in a `write` system call.
fn blocked_in_write(pid: u32) -> bool {
    let syscall =
        std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/syscall")).unwrap_or_default();
    syscall.split_whitespace().next() == Some(&libc::SYS_write.to_string())
}

#[test]
fn sigterm_ends_the_browser_while_it_is_blocked_writing_to_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("links.yaml");
    std::fs::write(&path, log()).unwrap();
    let mut s = Session::start(&[path.to_str().unwrap()], 50, 200);
    s.wait_text("Event a");
    // The test's terminal stops reading: its reader thread waits for this lock.
    let parser = s.parser.clone();
    let held = parser.lock().unwrap();
    let start = Instant::now();
    let mut key = "j";
    while !blocked_in_write(s.pid()) {
        assert!(
            start.elapsed() < DEADLINE,
            "the browser never blocked writing"
        );
        s.keys(key);
        key = if key == "j" { "k" } else { "j" };
        std::thread::sleep(Duration::from_millis(50));
    }
    s.signal("TERM");
    let status = s.wait_exit();
    drop(held);
    assert_eq!(status.exit_code(), 128 + 15, "{status:?}");
}
