//! Writing from the browser: `S` then one key writes the selected event's status, the
//! status line saying what was written and where, and `u` undoes it while the file is as
//! the write left it. The writes run as effects; here the test carries them out as the run
//! loop would.

use crate::common::browser::{carry_write, open, press, screen_now, select_id};
use dateline::tui::{App, LogSource, update};
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

#[test]
fn s_then_a_key_writes_the_status_and_u_undoes_it() {
    let (_dir, path, mut app, source) = on_disk();
    select_id(&mut app, "first");
    press(&mut app, "=");
    assert!(screen_now(&app).contains("o occurred · e expected · c cancelled · d disputed"));
    press(&mut app, "c");
    carry_write(&mut app, &source);
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
    carry_write(&mut app, &source);
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
    press(&mut app, "=\x1b");
    assert!(app.effects.is_empty() && app.overlays.is_empty());
    press(&mut app, "=o");
    carry_write(&mut app, &source);
    let written = LOG.replace("status: expected", "status: occurred");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), written);
    // The reader's editor saves the file meanwhile: undo leaves their edit alone.
    let theirs = format!("{written}# checked\n");
    std::fs::write(&path, &theirs).unwrap();
    press(&mut app, "u");
    carry_write(&mut app, &source);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    assert_eq!(
        app.message.as_deref(),
        Some(
            "talks.yaml changed on disk since the browser read it: nothing was written; live reload shows the new version"
        )
    );
}

#[test]
fn the_bundled_sample_has_no_file_to_write() {
    let mut app = crate::common::browser::sample(100, 30);
    press(&mut app, "=");
    assert!(app.overlays.is_empty() && app.effects.is_empty());
    assert!(app.message.unwrap().contains("no file to write"));
}

const ZURICH: &str = "\
timezone: Europe/Zurich
parties:
  - id: us
    name: United States
  - id: iran
    name: Iran
events:
  - id: first
    date: 2024-05-01T09:00[Europe/Zurich]
    kind: meeting
    title: First round
  - id: second
    date: 2024-05-02
    kind: call
    title: Second call
";

#[test]
fn a_opens_a_form_checked_as_typed_and_enter_writes_the_event_and_selects_it() {
    use dateline::tui::Action;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.yaml");
    std::fs::write(&path, ZURICH).unwrap();
    let mut app = open(path.to_str().unwrap(), ZURICH, 100, 30);
    let source = LogSource {
        args: vec![path.clone()],
        limits: Default::default(),
    };
    select_id(&mut app, "first");
    press(&mut app, "A");
    let screen = screen_now(&app);
    assert!(screen.contains("date      2024-05-01"), "{screen}");
    assert!(screen.contains("title     █"), "{screen}");
    press(&mut app, "Talks resume: Oman mediates");
    // To the date: a time typed on the log's clock.
    for _ in 0..3 {
        update(&mut app, Action::Up);
    }
    press(&mut app, "T15:00");
    // The parties, with a typo: said under the field, and Enter does not write.
    for _ in 0..6 {
        press(&mut app, "\t");
    }
    press(&mut app, "us irn");
    let screen = screen_now(&app);
    assert!(
        screen.contains("no party `irn`: did you mean \"iran\"?"),
        "{screen}"
    );
    press(&mut app, "\n");
    assert!(app.effects.is_empty());
    assert_eq!(
        app.message.as_deref(),
        Some("the parties needs a fix first (shown under it)")
    );
    press(&mut app, "\x08\x08ran\n");
    carry_write(&mut app, &source);
    let new = "  - id: 2024-05-01-talks-resume-oman-mediates\n    date: 2024-05-01T15:00[Europe/Zurich]\n    kind: meeting\n    title: \"Talks resume: Oman mediates\"\n    parties: [us, iran]\n";
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        ZURICH.replace("  - id: second\n", &format!("{new}  - id: second\n"))
    );
    assert!(app.overlays.is_empty());
    assert_eq!(
        app.log.events[app.selected.unwrap()].id,
        "2024-05-01-talks-resume-oman-mediates"
    );
    assert_eq!(
        app.message.as_deref(),
        Some("added 2024-05-01-talks-resume-oman-mediates to talks.yaml:12")
    );
    // Esc discards a form, writing nothing.
    press(&mut app, "Ax\x1b");
    assert!(app.overlays.is_empty() && app.effects.is_empty());
}

#[test]
fn the_forms_kind_and_status_suggest_the_word_closest_in_meaning_as_the_loader_does() {
    use dateline::tui::Action;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.yaml");
    std::fs::write(&path, ZURICH).unwrap();
    let mut app = open(path.to_str().unwrap(), ZURICH, 120, 30);
    press(&mut app, "A");
    // From the title up to the kind, "meeting" already there: typed over as "talks".
    update(&mut app, Action::Up);
    update(&mut app, Action::Up);
    press(&mut app, "\x08\x08\x08\x08\x08\x08\x08talks");
    let screen = screen_now(&app);
    assert!(
        screen.contains("closest in meaning: `kind: meeting`"),
        "{screen}"
    );
    press(&mut app, "\tpostponed");
    let screen = screen_now(&app);
    assert!(
        screen.contains("closest in meaning: `status: expected`"),
        "{screen}"
    );
    // Enter writes nothing while they need a fix.
    press(&mut app, "\n");
    assert!(app.effects.is_empty());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), ZURICH);
}

#[test]
fn a_new_event_from_a_month_only_event_starts_at_that_month_not_a_day() {
    let log = "parties:\n  - {id: us, name: United States}\nevents:\n  - id: insurers\n    date: 2023-07\n    kind: development\n    title: Insurers raise premiums\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.yaml");
    std::fs::write(&path, log).unwrap();
    let mut app = open(path.to_str().unwrap(), log, 100, 30);
    select_id(&mut app, "insurers");
    press(&mut app, "A");
    let screen = screen_now(&app);
    assert!(screen.contains("  date      2023-07   "), "{screen}");
    assert!(!screen.contains("2023-07-01"), "{screen}");
}
