//! `e` asks the run loop to open the selected event in the reader's editor, at the file and
//! line it was written on; `w` writes the view. (The editor itself runs in tests/e2e/edit.rs.)

use crate::common::browser::{open, sample, select_id};
use dateline::tui::input::action::Share;
use dateline::tui::input::keymap::action_for;
use dateline::tui::input::msg::Msg;
use dateline::tui::update::share::Effect;
use dateline::tui::{Action, update};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn key(app: &dateline::tui::App, c: char) -> Option<Action> {
    action_for(
        &Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        app.mode(),
    )
}

const LOG: &str = "\
events:
  - id: first
    date: 2024-05-01
    kind: meeting
    title: First
  - id: second
    date: 2024-05-02
    kind: call
    title: Second
";

#[test]
fn e_edits_and_w_writes_the_view() {
    let app = sample(100, 30);
    assert_eq!(key(&app, 'e'), Some(Action::Edit));
    assert_eq!(key(&app, 'w'), Some(Action::Share(Share::ExportView)));
}

#[test]
fn e_opens_the_selected_event_at_its_file_and_line() {
    let mut app = open("talks/log.yaml", LOG, 100, 30);
    select_id(&mut app, "second");
    update(&mut app, Action::Edit);
    assert_eq!(
        app.effects,
        [Effect::Edit {
            file: "talks/log.yaml".into(),
            line: 6
        }]
    );
    update(
        &mut app,
        Msg::Edited(Err("could not start the editor `nope`".into())),
    );
    assert_eq!(
        app.message.as_deref(),
        Some("could not start the editor `nope`")
    );
}

#[test]
fn the_bundled_sample_has_no_file_to_edit() {
    let mut app = sample(100, 30);
    update(&mut app, Action::Edit);
    assert!(app.effects.is_empty());
    let msg = app.message.clone().unwrap_or_default();
    assert!(msg.contains("no file to edit"), "{msg}");
    assert!(msg.contains("dateline new"), "{msg}");
}

#[test]
fn in_the_quotes_e_opens_the_quote_under_the_cursor() {
    let log = "\
actors:
  - {id: burns, name: William Burns}
events:
  - date: 2024-05-01
    kind: meeting
    title: Talks
    quotes:
      - text: First words
        speaker: burns
      - text: Second words
        speaker: burns
";
    let mut app = open("talks.yaml", log, 100, 30);
    update(&mut app, Action::Open);
    update(&mut app, Action::Down);
    assert_eq!(key(&app, 'e'), Some(Action::Edit));
    update(&mut app, Action::Edit);
    assert_eq!(
        app.effects,
        [Effect::Edit {
            file: "talks.yaml".into(),
            line: 10
        }]
    );
}
