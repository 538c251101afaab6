//! What changed since the reader last looked: the status line on opening, the `+` and `~`
//! markers, `+`, `U`, the changes in the details; across quit and reopen, a colleague's
//! edit, a reload, two browsers, and events without an `id`. Every test keeps what was
//! seen in its own temporary file, passed to the app explicitly (as the run loop does
//! with the state directory's).

use crate::common::browser::{press, reload, screen};
use dateline::filter::Query;
use dateline::load::load_str;
use dateline::marks::Marks;
use dateline::seen::Seen;
use dateline::tui::Msg;
use dateline::tui::runtime::effects::settle;
use dateline::tui::update::seen_keys::SeenRead;
use dateline::tui::{Action, App, ColorMode, update};
use std::path::Path;

/// Thursday 4 December 2025, 18:40 UTC.
const THU_18_40: i64 = 1_764_873_600;

const V1: &str = "title: Muscat talks
parties:
  - {id: us, name: United States}
  - {id: iran, name: Iran}
actors:
  - {id: witkoff, name: Steve Witkoff, party: us}
events:
  - id: invite
    date: 2025-04-05
    kind: statement
    title: Trump says talks will be direct
    parties: [us]
  - id: round-one
    date: 2025-04-12
    kind: meeting
    status: expected
    title: First round in Muscat
    parties: [us, iran]
  - date: 2025-04-19
    kind: meeting
    title: Second round in Rome
    parties: [us, iran]
";

/// The colleague's edit: the first round happened (with a quote), a third is announced.
fn v2() -> String {
    V1.replace(
        "    status: expected\n    title: First round in Muscat\n    parties: [us, iran]\n",
        "    status: occurred\n    title: First round in Muscat\n    parties: [us, iran]\n    quotes:\n      - {text: A very good first meeting, speaker: witkoff}\n",
    ) + "  - id: round-three
    date: 2025-04-26
    kind: meeting
    status: expected
    title: Third round in Muscat
    parties: [us, iran]
"
}

/// The browser on `yaml` with what was seen kept in `seen`, at 80×24.
fn open(yaml: &str, seen: &Path) -> App {
    let loaded = load_str("talks.yaml", yaml).expect("log loads");
    let mut app =
        App::new(loaded, Query::default(), ColorMode::None).with_seen(Seen::load_from(seen));
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    app
}

/// Quitting: the run loop records the look.
fn quit_at(app: &mut App, at: i64) {
    app.seen.save(&app.log, at).expect("the look is recorded");
}

fn row_of<'a>(s: &'a str, title: &str) -> &'a str {
    s.lines()
        .find(|l| l.contains(title))
        .unwrap_or_else(|| panic!("{title} in\n{s}"))
}

fn selected_id(app: &App) -> &str {
    &app.log.events[app.selected.unwrap()].id
}

#[test]
fn a_colleagues_edit_is_told_marked_and_reached_after_quit_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("talks.seen");
    let mut first = open(V1, &file);
    // A first open says nothing and marks nothing.
    let s = screen(&first, 80, 24);
    assert!(!s.contains("since you last looked"), "{s}");
    assert!(!row_of(&s, "First round").contains('~'), "{s}");
    assert!(first.unseen.is_empty());
    quit_at(&mut first, THU_18_40);

    let mut app = open(&v2(), &file);
    let s = screen(&app, 80, 24);
    let status = s.lines().last().unwrap();
    assert!(
        status.contains("1 new, 1 changed since you last looked (Thu 4 Dec 18:40)"),
        "{s}"
    );
    assert!(row_of(&s, "First round").contains("~"), "{s}");
    assert!(row_of(&s, "Third round").contains("+"), "{s}");
    assert!(!row_of(&s, "Trump says").contains('~'), "{s}");

    // `+` goes to the first of them, and the details say what changed.
    press(&mut app, "+");
    assert_eq!(selected_id(&app), "round-one");
    let s = screen(&app, 80, 24);
    assert!(
        s.contains("Changed since you last looked (Thu 4 Dec 18:40)"),
        "{s}"
    );
    assert!(s.contains("status: expected → occurred"), "{s}");
    assert!(s.contains("1 quote added"), "{s}");

    // `U` shows only them; `c` clears it with the other filters.
    press(&mut app, "U");
    let ids: Vec<&str> = app
        .visible
        .iter()
        .map(|&i| app.log.events[i].id.as_str())
        .collect();
    assert_eq!(ids, ["round-one", "round-three"]);
    press(&mut app, "U");
    assert_eq!(app.visible.len(), 4);

    // Once looked at again, nothing is new.
    quit_at(&mut app, THU_18_40 + 3600);
    let again = open(&v2(), &file);
    let s = screen(&again, 80, 24);
    assert!(
        s.lines()
            .last()
            .unwrap()
            .contains("nothing new since you last looked (Thu 4 Dec 19:40)"),
        "{s}"
    );
    assert!(!row_of(&s, "Third round").contains('+'), "{s}");
}

#[test]
fn only_new_and_changed_combines_with_the_marks_filter() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("talks.seen");
    quit_at(&mut open(V1, &file), THU_18_40);
    let loaded = load_str("talks.yaml", &v2()).unwrap();
    let marks = dir.path().join("talks.marks");
    let mut app = App::new(loaded, Query::default(), ColorMode::None)
        .with_marks(Marks::load_from(&marks))
        .with_seen(Seen::load_from(&file));
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    press(&mut app, "Gm");
    settle(&mut app);
    press(&mut app, "gm");
    settle(&mut app);
    press(&mut app, "MU");
    let ids: Vec<&str> = app
        .visible
        .iter()
        .map(|&i| app.log.events[i].id.as_str())
        .collect();
    assert_eq!(ids, ["round-three"], "marked AND new or changed");
}

#[test]
fn a_reload_marks_what_it_brings_and_plus_goes_there() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("talks.seen");
    let mut app = open(V1, &file);
    reload(&mut app, "talks.yaml", &v2());
    settle(&mut app);
    // A first open measures the reload against the log as it opened.
    let s = screen(&app, 80, 24);
    assert!(row_of(&s, "First round").contains('~'), "{s}");
    assert!(row_of(&s, "Third round").contains('+'), "{s}");
    assert!(
        s.contains("1 new event: + goes to the first new or changed"),
        "{s}"
    );
    press(&mut app, "+");
    assert_eq!(selected_id(&app), "round-one");
    let s = screen(&app, 80, 24);
    assert!(s.contains("Changed since the log opened"), "{s}");
    // The reload recorded the look: a browser opened now finds nothing new.
    let other = open(&v2(), &file);
    assert!(other.unseen.is_empty());
    assert!(other.seen.last_look.is_some());
}

#[test]
fn two_browsers_on_one_log_merge_what_they_saw() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("talks.seen");
    // A saw the first version; B, opened later on the colleague's, quits first.
    let mut a = open(V1, &file);
    let mut b = open(&v2(), &file);
    quit_at(&mut b, THU_18_40 + 60);
    quit_at(&mut a, THU_18_40);
    // B's newer look of the changed event is kept; A's older one does not undo it.
    let next = open(&v2(), &file);
    assert!(next.unseen.is_empty(), "{:?}", next.unseen);
    assert!(
        next.message
            .as_deref()
            .unwrap()
            .contains("(Thu 4 Dec 18:41)")
    );
}

#[test]
fn an_event_without_an_id_whose_title_changed_counts_as_new_and_is_said_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("talks.seen");
    quit_at(&mut open(V1, &file), THU_18_40);
    let edited = V1.replace(
        "Second round in Rome",
        "Second round in Rome, at the Omani embassy",
    );
    let mut app = open(&edited, &file);
    let status = app.message.clone().unwrap();
    assert!(status.contains("1 new since you last looked"), "{status}");
    assert!(
        status.contains("1 event without an id counts as new: its derived id changed with its title or date; give it an `id:` to follow it"),
        "{status}"
    );
    let s = screen(&app, 80, 24);
    assert!(row_of(&s, "Omani embassy").contains('+'), "{s}");
    // Said once: a key later, and at the next open, it is not said again.
    press(&mut app, "j");
    assert!(!screen(&app, 80, 24).contains("derived id changed"));
    quit_at(&mut app, THU_18_40 + 60);
    let again = open(&edited, &file);
    assert!(!again.message.unwrap().contains("derived id"));
}

#[test]
fn what_was_seen_read_off_the_first_frame_is_compared_with_the_log_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("talks.seen");
    quit_at(&mut open(V1, &file), THU_18_40);
    // The run loop reads what was seen on a thread; a reload may come first.
    let mut app = crate::common::browser::open("talks.yaml", V1, 80, 24);
    let read = SeenRead::of(Seen::load_from(&file), app.log.clone());
    reload(&mut app, "talks.yaml", &v2());
    update(&mut app, Msg::SeenRead(Box::new(read)));
    let s = screen(&app, 80, 24);
    assert!(
        s.contains("1 new, 1 changed since you last looked (Thu 4 Dec 18:40)"),
        "{s}"
    );
    assert!(row_of(&s, "Third round").contains('+'), "{s}");
    // The look is recorded from then on.
    reload(&mut app, "talks.yaml", &v2());
    settle(&mut app);
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("round-three")
    );
}

#[test]
fn markers_at_every_size_never_panic_and_look_so_at_80x24() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("talks.seen");
    quit_at(&mut open(V1, &file), THU_18_40);
    let mut app = open(&v2(), &file);
    press(&mut app, "+");
    for (w, h) in [(1, 1), (2, 1), (5, 3), (12, 6), (20, 10), (40, 12)] {
        update(
            &mut app,
            Action::Resize {
                width: w,
                height: h,
            },
        );
        screen(&app, w, h);
    }
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    insta::assert_snapshot!("seen_markers_80x24", screen(&app, 80, 24));
}

#[cfg(unix)]
#[test]
fn a_seen_file_not_read_whole_is_said_and_never_written_over() {
    let dir = tempfile::tempdir().unwrap();
    // A FIFO in its place: refused at once, never waited on, left a FIFO.
    let fifo = dir.path().join("fifo.seen");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let mut app = open(V1, &fifo);
    let status = app.message.clone().unwrap();
    assert!(status.contains("a FIFO, not a regular file"), "{status}");
    assert!(app.seen.save(&app.log, THU_18_40).is_err());
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());

    // A line that is not UTF-8: the others are read, the file kept byte for byte.
    let bad = dir.path().join("bad.seen");
    quit_at(&mut open(V1, &bad), THU_18_40);
    let mut bytes = std::fs::read(&bad).unwrap();
    bytes.extend_from_slice(b"\xff\xfe not text\n");
    std::fs::write(&bad, &bytes).unwrap();
    let mut app = open(&v2(), &bad);
    let status = app.message.clone().unwrap();
    assert!(
        status.contains("1 new, 1 changed since you last looked"),
        "{status}"
    );
    assert!(status.contains("is not UTF-8 text, left out"), "{status}");
    assert!(app.seen.save(&app.log, THU_18_40 + 60).is_err());
    reload(&mut app, "talks.yaml", &v2());
    settle(&mut app);
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .contains("could not record what you saw"),
        "{:?}",
        app.message
    );
    assert_eq!(std::fs::read(&bad).unwrap(), bytes);

    // Over the cap: refused, kept.
    let big = dir.path().join("big.seen");
    let line = format!("1\t\"x\"\tw\t{{\"t\":\"{}\"}}\n", "a".repeat(1000));
    let n = (dateline::seen::MAX_BYTES as usize) / line.len() + 2;
    std::fs::write(&big, line.repeat(n)).unwrap();
    let before = std::fs::metadata(&big).unwrap().len();
    let mut app = open(V1, &big);
    assert!(
        app.message
            .clone()
            .unwrap()
            .contains("only the lines before that were read")
    );
    assert!(app.seen.save(&app.log, THU_18_40).is_err());
    assert_eq!(std::fs::metadata(&big).unwrap().len(), before);
}

#[test]
fn a_reload_brings_its_events_digests_from_the_reading_thread_and_marks_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("talks.seen");
    let log = dir.path().join("talks.yaml");
    std::fs::write(&log, V1).unwrap();
    let source = dateline::tui::LogSource {
        args: vec![log.clone()],
        limits: Default::default(),
    };
    let mut app = open(V1, &file);
    std::fs::write(&log, v2()).unwrap();
    // Read as the run loop reads it, off the drawing thread: the comparison's costly part
    // (each event's digest) comes with the new version.
    let read = source.read();
    let loaded = read.result.as_ref().unwrap();
    assert_eq!(read.digests.len(), loaded.log.events.len());
    assert_eq!(read.digests, dateline::seen::digests(&loaded.log));
    // Digests of another version (the one on screen) are not taken for this one's.
    let mut stale = read.clone();
    stale.digests = dateline::seen::digests(&app.log);
    let mut other = open(V1, &dir.path().join("other.seen"));
    update(&mut app, Msg::Reloaded(Box::new(read)));
    update(&mut other, Msg::Reloaded(Box::new(stale)));
    for app in [&app, &other] {
        let s = screen(app, 80, 24);
        assert!(row_of(&s, "First round").contains('~'), "{s}");
        assert!(row_of(&s, "Third round").contains('+'), "{s}");
        assert!(!row_of(&s, "Second round").contains(['~', '+']), "{s}");
    }
}
