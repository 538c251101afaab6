//! Snapshots of every state of the browser at 80×24, 120×40 and 40×12, on the sample log.
//! Read the `.snap` files in tests/snapshots to review what the reader sees.

use crate::common::browser;
use dateline::tui::overlays::Opener;
use dateline::tui::overlays::picker::PickerKind;
use dateline::tui::{Action, App, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (40, 12)];

fn app(w: u16, h: u16) -> App {
    browser::sample(w, h)
}

fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::Input).collect()
}

/// Selects the first event with a quote that is (or is not) a paraphrase.
fn to_quote(app: &mut App, paraphrase: bool) {
    update(app, Action::Top);
    loop {
        let e = &app.log.events[app.selected.unwrap()];
        if e.quotes.iter().any(|q| q.paraphrase == paraphrase) {
            return;
        }
        let before = app.selected;
        update(app, Action::Down);
        assert_ne!(before, app.selected, "no such quote in the sample");
    }
}

fn snapshot(name: &str, setup: impl Fn(&mut App)) {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        setup(&mut app);
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| view(&app, f)).unwrap();
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), t.backend().to_string());
    }
}

fn run(app: &mut App, actions: &[Action]) {
    for &a in actions {
        update(app, a);
    }
}

#[test]
fn timeline() {
    snapshot("timeline", |app| run(app, &[Action::Down, Action::Down]));
}

#[test]
fn filtered() {
    snapshot("filtered", |app| {
        let hamas = app.log.party("hamas").unwrap();
        run(app, &[Action::ToggleParty(hamas)]);
    });
}

#[test]
fn detail() {
    snapshot("detail", |app| {
        let with_links = (0..app.log.events.len())
            .find(|&i| !app.log.events[i].related.is_empty())
            .unwrap();
        while app.selected != Some(with_links) {
            update(app, Action::Down);
        }
        run(app, &[Action::FocusNext]);
    });
}

#[test]
fn quotes() {
    snapshot("quotes", |app| {
        to_quote(app, false);
        run(app, &[Action::Open]);
    });
}

#[test]
fn paraphrase() {
    snapshot("paraphrase", |app| {
        to_quote(app, true);
        run(app, &[Action::Open]);
    });
}

#[test]
fn picker() {
    snapshot("picker", |app| {
        run(
            app,
            &[
                Action::Show(Opener::Picker(PickerKind::Actor)),
                Action::Down,
                Action::Toggle,
            ],
        );
    });
}

#[test]
fn picker_narrowed() {
    snapshot("picker_narrowed", |app| {
        run(app, &[Action::Show(Opener::Picker(PickerKind::Party))]);
        run(app, &typed("qa"));
    });
}

#[test]
fn search_with_matches() {
    snapshot("search", |app| {
        run(app, &[Action::Show(Opener::Search)]);
        run(app, &typed("cairo"));
    });
}

#[test]
fn search_kept() {
    snapshot("search_kept", |app| {
        run(app, &[Action::Show(Opener::Search)]);
        run(app, &typed("cairo"));
        run(app, &[Action::Open]);
    });
}

#[test]
fn search_without_match() {
    snapshot("no_match", |app| {
        run(app, &[Action::Show(Opener::Search)]);
        run(app, &typed("zanzibar"));
    });
}

#[test]
fn help() {
    snapshot("help", |app| run(app, &[Action::Show(Opener::Help)]));
}

#[test]
fn too_small() {
    for (w, h) in [(19, 4), (1, 1), (12, 3)] {
        let mut app = app(w, h);
        run(&mut app, &[Action::Down]);
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| view(&app, f)).unwrap();
        insta::assert_snapshot!(format!("too_small_{w}x{h}"), t.backend().to_string());
    }
}
