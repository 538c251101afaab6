//! End to end, the real binary in a pseudo-terminal: live reload of a file edited in place
//! and renamed over (as vim saves), a bad save that keeps the last good log, the terminal
//! given back on SIGTERM and SIGHUP, and terminals of zero and one cell. Every wait polls
//! the screen (or the process) until what is expected shows, with a generous deadline;
//! never a fixed sleep.

use crate::common::pty::{DEADLINE, Session};
use std::path::Path;
use std::time::{Duration, Instant};

fn log_text(title: &str, third: &str) -> String {
    format!(
        r#"title: {title}
parties:
  - {{id: alpha, name: Alpha}}
  - {{id: beta, name: Beta}}
actors:
  - {{id: ann, name: Ann, party: alpha}}
  - {{id: bob, name: Bob, party: beta}}
events:
  - {{id: e1, date: 2024-01-01, kind: meeting, title: Ann meets Bob, actors: [ann, bob]}}
  - {{id: e2, date: 2024-01-05, kind: call, title: Bob calls Ann, actors: [bob, ann]}}
  - {{id: e3, date: 2024-01-10, kind: statement, title: {third}, actors: [bob]}}
"#
    )
}

/// Writes a temporary file and renames it over the log, as vim does.
fn rename_over(file: &Path, text: &str) {
    let tmp = file.with_file_name(".talks.yaml.tmp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, file).unwrap();
}

#[test]
fn live_reload_follows_edits_in_place_and_renames_and_keeps_the_last_good_log() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("talks.yaml");
    std::fs::write(&file, log_text("Version one", "Bob speaks")).unwrap();
    let mut s = Session::start(&[file.to_str().unwrap()], 30, 100);
    s.wait_text("Bob speaks");
    s.wait_text("Version one");

    // Truncate and write in place.
    std::fs::write(&file, log_text("Version two", "Bob speaks again")).unwrap();
    s.wait_text("Bob speaks again");
    s.wait_text("Version two");

    // Rename over.
    rename_over(&file, &log_text("Version three", "Bob speaks a third time"));
    s.wait_text("Bob speaks a third time");

    // An invalid save: the old events stay, the status bar counts the errors.
    let bad = log_text("Broken", "Bob breaks it")
        .replace("kind: meeting", "kind: meetin")
        .replace("kind: call", "kind: cal")
        .replace("kind: statement", "kind: statment");
    rename_over(&file, &bad);
    let screen = s.wait_all(&[
        "file has 3 errors — press E to read them",
        "Bob speaks a third time",
        "Version three",
    ]);
    assert!(!screen.contains("Bob breaks it"), "{screen}");

    s.keys("E");
    s.wait_all(&["Errors in the file", "talks.yaml:", "kind: meetin"]);

    // The next good save is picked up and the error state goes.
    std::fs::write(&file, log_text("Version four", "Bob is fine")).unwrap();
    // A frame arrives in pieces: wait for the whole of it, not only its first line.
    s.wait_for("the error state to clear", |screen| {
        screen.contains("Bob is fine")
            && !screen.contains("Errors in the file")
            && !screen.contains("file has 3 errors")
    });

    s.keys("q");
    assert!(s.wait_exit().success());
    s.assert_terminal_restored();
}

fn a_signal_restores_the_terminal(name: &str, number: u32) {
    let mut s = Session::start(&[], 24, 100);
    s.wait_text("showing 18 of 18 events");
    assert!(s.parser.lock().unwrap().screen().alternate_screen());
    s.signal(name);
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 128 + number, "{status:?}");
    s.assert_terminal_restored();
}

#[test]
fn sigterm_restores_the_terminal_and_ends() {
    a_signal_restores_the_terminal("TERM", 15);
}

#[test]
fn sighup_restores_the_terminal_and_ends() {
    a_signal_restores_the_terminal("HUP", 1);
}

#[test]
fn terminals_of_zero_and_one_cell_do_not_panic_and_resizing_back_works() {
    // Starts on a pty of 0×0, as some hosts report before they know their size.
    let mut s = Session::start(&[], 0, 0);
    // The first frame (drawn into nothing) hides the cursor.
    let start = Instant::now();
    while !String::from_utf8_lossy(&s.raw.lock().unwrap()).contains("\x1b[?25l") {
        assert!(start.elapsed() < DEADLINE, "no first frame");
        std::thread::sleep(Duration::from_millis(20));
    }
    s.resize(24, 100);
    s.wait_text("showing 18 of 18 events");
    s.resize(1, 1);
    s.wait_for("the 1×1 screen", |sc| sc.trim() == "T");
    s.resize(0, 0);
    s.resize(0, 40);
    s.resize(10, 0);
    s.resize(24, 100);
    s.wait_text("showing 18 of 18 events");
    s.keys("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
}

#[test]
fn sigint_restores_the_terminal_and_ends() {
    a_signal_restores_the_terminal("INT", 2);
}

#[test]
fn sigquit_restores_the_terminal_and_ends() {
    a_signal_restores_the_terminal("QUIT", 3);
}

#[test]
fn a_bracketed_paste_is_text_for_the_search_prompt_never_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start_in(&[], 30, 100, dir.path());
    s.wait_text("showing 18 of 18 events");
    assert!(
        String::from_utf8_lossy(&s.raw.lock().unwrap()).contains("\x1b[?2004h"),
        "bracketed paste is not enabled"
    );
    s.keys("/");
    s.wait_text("/ ");
    // What the red team pasted: a search, then `m` (mark), `e` (export), `q` (quit), with
    // line breaks that would have been Enter.
    s.keys("\x1b[200~Burns Cairo\nmeq\x1b[201~");
    s.wait_text("Burns Cairo meq");
    s.keys("\x1b");
    s.wait_for("the prompt to close", |sc| !sc.contains("Burns Cairo meq"));
    let marks = dir.path().join("marks");
    assert!(
        !marks.exists() || std::fs::read_dir(&marks).unwrap().next().is_none(),
        "a mark was saved"
    );
    s.keys("q");
    assert!(s.wait_exit().success());
    s.assert_terminal_restored();
    assert!(String::from_utf8_lossy(&s.raw.lock().unwrap()).contains("\x1b[?2004l"));
}

/// Stops the browser with `stop`, checks the terminal was given back, resumes it with
/// SIGCONT (what `fg` sends) and checks it is whole again and reads keys at once.
fn suspend_and_resume(stop: impl Fn(&mut Session)) {
    let mut s = Session::start(&[], 24, 100);
    s.wait_text("showing 18 of 18 events");
    s.clear_raw();
    stop(&mut s);
    s.wait_stopped(true);
    s.assert_terminal_restored();
    s.clear_raw();
    s.signal("CONT");
    s.wait_stopped(false);
    let start = Instant::now();
    loop {
        let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
        // Alternate screen, mouse and bracketed paste again, and a full redraw.
        if ["\x1b[?1049h", "\x1b[?2004h", "\x1b[2J", "showing"]
            .iter()
            .all(|t| raw.contains(t))
            && (raw.contains("\x1b[?1000h") || raw.contains("\x1b[?1006h"))
        {
            break;
        }
        let head: String = raw.chars().take(300).collect();
        assert!(
            start.elapsed() < DEADLINE,
            "not redrawn after SIGCONT: {head:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    s.wait_all(&["showing 18 of 18 events", "Hamas cross-border attack"]);
    assert!(s.parser.lock().unwrap().screen().alternate_screen());
    // Raw mode: one key acts without Enter.
    s.keys("q");
    assert!(s.wait_exit().success());
}

#[test]
fn ctrl_z_suspends_with_the_terminal_restored_and_fg_resumes_whole() {
    suspend_and_resume(|s| s.keys("\x1a"));
}

#[test]
fn an_external_sigtstp_suspends_cleanly_too() {
    suspend_and_resume(|s| s.signal("TSTP"));
}

#[test]
fn a_log_opened_through_a_link_in_another_folder_reloads_and_a_fifo_swapped_in_is_refused() {
    let real = tempfile::tempdir().unwrap();
    let links = tempfile::tempdir().unwrap();
    let file = real.path().join("talks.yaml");
    std::fs::write(&file, log_text("Linked", "Bob speaks")).unwrap();
    let link = links.path().join("talks.yaml");
    std::os::unix::fs::symlink(&file, &link).unwrap();
    let mut s = Session::start(&[link.to_str().unwrap()], 30, 100);
    s.wait_text("Bob speaks");
    rename_over(&file, &log_text("Linked", "Bob speaks through the link"));
    s.wait_text("Bob speaks through the link");
    // A FIFO renamed over the log: refused, never opened for a read that would block.
    let fifo = real.path().join("fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    std::fs::rename(&fifo, &file).unwrap();
    s.wait_text("file has 1 error");
    s.keys("E");
    s.wait_text("not a regular file");
    s.keys("q");
    s.keys("q");
    assert!(s.wait_exit().success());
    s.assert_terminal_restored();
}

#[test]
fn a_new_file_in_a_watched_folder_joins_the_log() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.yaml"), log_text("Folder", "Bob speaks")).unwrap();
    let mut s = Session::start(&[dir.path().to_str().unwrap()], 30, 100);
    s.wait_text("showing 3 of 3 events");
    std::fs::write(
        dir.path().join("b.yaml"),
        "events:\n  - {id: e9, date: 2024-02-01, kind: meeting, title: A new file's event}\n",
    )
    .unwrap();
    s.wait_all(&["A new file's event", "showing 4 of 4 events"]);
    s.keys("q");
    assert!(s.wait_exit().success());
}

#[test]
fn an_export_past_the_file_size_limit_is_an_error_not_a_killed_browser() {
    // Under `ulimit -f 1` (512 bytes), `w` writes a view of several kilobytes: SIGXFSZ used
    // to kill the browser with the terminal broken and half a file left.
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start_via_shell(
        "ulimit -f 1 && exec \"$0\" \"$@\"",
        &[],
        dir.path(),
        30,
        100,
    );
    s.wait_text("showing 18 of 18 events");
    s.keys("w");
    s.wait_text("could not write the view");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "a half-written export was left: {left:?}");
    s.keys("q");
    assert!(s.wait_exit().success());
    s.assert_terminal_restored();
}

#[test]
fn csv_and_json_printed_on_a_terminal_show_the_logs_escapes_never_obey_them() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("talks.yaml");
    std::fs::write(
        &file,
        r#"title: t
parties:
  - {id: alpha, name: Alpha}
sources:
  - {id: s, outlet: Wire}
events:
  - date: 2024-01-01
    kind: statement
    title: "clears \e[2J the screen"
    parties: [alpha]
    sources: [s]
    quotes:
      - {text: "rings \a the bell", attribution: an aide}
  - {date: 2024-01-02, kind: meeting, title: last-row, parties: [alpha], sources: [s]}
"#,
    )
    .unwrap();
    let path = file.to_str().unwrap();
    for args in [
        ["list", path, "--format", "csv"],
        ["list", path, "--format", "json"],
        ["quotes", path, "--format", "csv"],
    ] {
        let mut s = Session::start(&args, 24, 200);
        assert!(s.wait_exit().success(), "{args:?}");
        // Written after every control character of the log: once read, they all have been.
        let last = if args[0] == "list" {
            "last-row"
        } else {
            "the bell"
        };
        let start = Instant::now();
        let raw = loop {
            let raw = s.raw.lock().unwrap().clone();
            let text = String::from_utf8_lossy(&raw);
            if text.contains(last) {
                break raw;
            }
            assert!(start.elapsed() < DEADLINE, "{args:?}: {text}");
            std::thread::sleep(Duration::from_millis(20));
        };
        let text = String::from_utf8_lossy(&raw);
        assert!(
            !raw.contains(&0x1b) && !raw.contains(&0x07),
            "{args:?} sent a control character raw: {text:?}"
        );
        assert!(
            text.contains("␛[2J") || text.contains("\\u001b[2J"),
            "{args:?}: {text}"
        );
    }
}
