//! Writing from the browser: `S` then one key writes the selected event's status, the
//! status line saying what was written and where, and `u` undoes it while the file is as
//! the write left it. The writes run as effects; here the test carries them out as the run
//! loop would.

use crate::common::browser::{open, press, screen_now, select_id};
use dateline::tui::runtime::write_log::carry_out;
use dateline::tui::update::share::Effect;
use dateline::tui::{App, LogSource, update};
use dateline::write::Change;
use std::path::PathBuf;

const LOG: &str = "\
# spring round
events:
  - id: first
    date: 2024-05-01
    kind: meeting   # in Doha
    title: First round in Doha
  - id: second
    date: 2024-05-02
    kind: call
    status: expected
    title: Second call
";

fn on_disk() -> (tempfile::TempDir, PathBuf, App, LogSource) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.yaml");
    std::fs::write(&path, LOG).unwrap();
    let app = open(path.to_str().unwrap(), LOG, 100, 20);
    let source = LogSource {
        args: vec![path.clone()],
        limits: Default::default(),
    };
    (dir, path, app, source)
}

/// The write `update` asked for, carried out, its outcome handed back.
fn carry(app: &mut App, source: &LogSource) -> Change {
    let change = app
        .effects
        .drain(..)
        .find_map(|e| match e {
            Effect::WriteLog(c) => Some(*c),
            _ => None,
        })
        .expect("a write was asked for");
    update(app, carry_out(source, &change));
    change
}

#[test]
fn s_then_a_key_writes_the_status_and_u_undoes_it() {
    let (_dir, path, mut app, source) = on_disk();
    select_id(&mut app, "first");
    press(&mut app, "S");
    assert!(screen_now(&app).contains("o occurred · e expected · c cancelled · d disputed"));
    press(&mut app, "c");
    carry(&mut app, &source);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        LOG.replace("# in Doha\n", "# in Doha\n    status: cancelled\n")
    );
    assert_eq!(
        app.message.as_deref(),
        Some("marked cancelled: first in talks.yaml:6")
    );
    let screen = screen_now(&app);
    assert!(
        screen.contains("marked cancelled: first in talks.yaml:6"),
        "{screen}"
    );
    assert!(screen.contains("Status: CANCELLED"), "{screen}");
    assert_eq!(app.log.events[app.selected.unwrap()].id, "first");

    press(&mut app, "u");
    carry(&mut app, &source);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), LOG);
    assert_eq!(
        app.message.as_deref(),
        Some("undone: talks.yaml is as it was")
    );
    press(&mut app, "u");
    assert_eq!(
        app.message.as_deref(),
        Some("nothing to undo: no write in this session")
    );
}

#[test]
fn esc_cancels_the_choice_and_undo_waits_for_no_other_edit() {
    let (_dir, path, mut app, source) = on_disk();
    select_id(&mut app, "second");
    press(&mut app, "S\x1b");
    assert!(app.effects.is_empty() && app.overlays.is_empty());
    press(&mut app, "So");
    carry(&mut app, &source);
    let written = LOG.replace("status: expected", "status: occurred");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), written);
    // The reader's editor saves the file meanwhile: undo leaves their edit alone.
    let theirs = format!("{written}# checked\n");
    std::fs::write(&path, &theirs).unwrap();
    press(&mut app, "u");
    carry(&mut app, &source);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    assert_eq!(
        app.message.as_deref(),
        Some("the file changed since the last write: not undone")
    );
}

#[test]
fn the_bundled_sample_has_no_file_to_write() {
    let mut app = crate::common::browser::sample(100, 30);
    press(&mut app, "S");
    assert!(app.overlays.is_empty() && app.effects.is_empty());
    assert!(app.message.unwrap().contains("no file to write"));
}
