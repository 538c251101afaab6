//! End to end: the real binary in a pseudo-terminal, read back through a terminal emulator
//! (vt100). Keys are typed as a reader would; every wait polls the screen until the
//! expected text shows, with a generous deadline, never a fixed sleep.

use crate::common::pty::{DEADLINE, Session};
use std::time::{Duration, Instant};

#[test]
fn pick_a_party_search_read_quotes_and_quit() {
    let mut s = Session::start(&[], 30, 100);
    s.wait_text("showing 18 of 18 events");
    assert!(s.parser.lock().unwrap().screen().alternate_screen());

    s.keys("p");
    s.wait_text("Parties");
    s.keys("hamas\r");
    s.wait_for("the party filter", |sc| {
        sc.contains("party: Hamas") && !sc.contains("showing 18 of 18")
    });

    s.keys("/cairo");
    s.wait_text("match 1 of");
    s.keys("\r");
    // Filters combine.
    s.wait_all(&["search: “cairo”", "party: Hamas"]);

    s.keys("\r");
    // A quote is never shown without who said it and where it was published.
    s.wait_for("quotes with speaker and source", |q| {
        q.contains("Quotes · Esc back")
            && q.contains("— ")
            && (q.contains("Reuters") || q.contains("Axios"))
    });

    s.keys("\x1b");
    s.wait_for("the quote view to close", |sc| {
        !sc.contains("Quotes · Esc back")
    });
    s.keys("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    let parser = s.parser.clone();
    let start = Instant::now();
    while parser.lock().unwrap().screen().alternate_screen() {
        assert!(start.elapsed() < DEADLINE, "alternate screen not left");
        std::thread::sleep(Duration::from_millis(20));
    }
    let raw = s.raw.lock().unwrap().clone();
    let text = String::from_utf8_lossy(&raw);
    assert!(
        text.contains("\x1b[?1000l") || text.contains("\x1b[?1006l"),
        "mouse capture released"
    );
}

#[test]
fn a_bad_file_is_reported_on_the_normal_screen() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yaml");
    std::fs::write(
        &bad,
        "events:\n  - {date: 2024-13-01, kind: call, title: x}\n",
    )
    .unwrap();
    let mut s = Session::start(&[bad.to_str().unwrap()], 24, 100);
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 1);
    s.wait_all(&["bad.yaml", "error"]);
    let raw = s.raw.lock().unwrap().clone();
    assert!(
        !String::from_utf8_lossy(&raw).contains("\x1b[?1049h"),
        "the alternate screen was never entered"
    );
}

#[test]
fn a_tiny_terminal_says_so_and_still_quits() {
    let mut s = Session::start(&[], 4, 16);
    s.wait_for("the too-small message", |sc| {
        sc.contains("Terminal too") && sc.contains("small")
    });
    s.keys("q");
    assert!(s.wait_exit().success());
}

#[test]
fn the_browser_starts_pre_filtered_by_the_flags() {
    let mut s = Session::start(&["--party", "hamas", "--search", "cairo"], 24, 100);
    s.wait_all(&["party: Hamas", "search: “cairo”"]);
    s.keys("c");
    s.wait_text("showing 18 of 18 events");
    s.keys("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_mark_made_in_the_browser_survives_a_restart_and_list_marked_sees_it() {
    let state = tempfile::tempdir().unwrap();
    let mut s = Session::start_in(&[], 24, 100, state.path());
    s.wait_text("showing 18 of 18 events");
    s.keys("jm");
    s.wait_text("marked “");
    s.keys("M");
    s.wait_all(&["showing 1 of 18 events", "marked only"]);
    s.keys("q");
    assert!(s.wait_exit().success());

    let mut again = Session::start_in(&["--marked"], 24, 100, state.path());
    again.wait_all(&["showing 1 of 18 events", "●"]);
    again.keys("q");
    assert!(again.wait_exit().success());

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["list", "--marked", "--format", "json"])
        .env("DATELINE_STATE_DIR", state.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let events: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(events.as_array().map(Vec::len), Some(1), "{events}");
}

#[test]
fn y_sends_the_citation_to_the_terminal_clipboard_through_osc52() {
    let mut s = Session::start(&[], 24, 100);
    s.wait_text("showing 18 of 18 events");
    s.keys("y");
    s.wait_text("to the clipboard");
    let start = Instant::now();
    let payload = loop {
        let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
        if let Some(p) = raw
            .split_once("\x1b]52;c;")
            .and_then(|(_, rest)| rest.split_once('\x07'))
            .map(|(p, _)| p.to_owned())
        {
            break p;
        }
        assert!(start.elapsed() < DEADLINE, "no OSC 52 sequence written");
        std::thread::sleep(Duration::from_millis(20));
    };
    use base64::Engine;
    let text = base64::engine::general_purpose::STANDARD
        .decode(payload)
        .unwrap();
    let text = String::from_utf8(text).unwrap();
    // The sample's first event has one quote, reported speech, from Reuters.
    assert!(text.starts_with("Paraphrase"), "{text}");
    assert!(text.contains("Reuters"), "{text}");
    s.keys("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_source_url_is_an_osc8_link_and_the_screen_stays_aligned() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("talks.yaml");
    std::fs::write(
        &file,
        "sources:\n  - {id: wire, outlet: Wire, url: \"https://example.org/a_(b)/report\"}\nevents:\n  - {date: 2024-05-03, kind: meeting, title: Talks resume, sources: [wire]}\n",
    )
    .unwrap();
    let mut s = Session::start(&[file.to_str().unwrap()], 24, 120);
    let screen = s.wait_text("https://example.org/a_(b)/report");
    // The link's escapes take no column: the URL sits where the pane puts it, whole.
    let row = screen
        .lines()
        .find(|l| l.contains("https://"))
        .unwrap()
        .to_owned();
    // At 120 columns the details pane starts at column 66 (its border), the URL 5 further.
    let col = row[..row.find("https://").unwrap()].chars().count();
    assert_eq!(col, 71, "{row}");
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    assert!(
        raw.contains(";https://example.org/a_(b)/report\x1b\\h\x1b]8;;\x1b\\"),
        "no OSC 8 link in the output"
    );
    s.keys("q");
    s.wait_exit();
}
