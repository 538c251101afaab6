//! (rev. 3) A translation's original wording on screen: under the translation in the
//! details, the quote view and the quotes browser, and in what `y` copies.

use crate::common::browser::{self, screen, select_id};
use dateline::tui::input::action::Share;
use dateline::tui::overlays::Opener;
use dateline::tui::overlays::picker::PickerKind;
use dateline::tui::update::share::Effect;
use dateline::tui::{Action, App, update};

const VOICES: &str = include_str!("../fixtures/voices.yaml");
const ORIGINAL: &str = "این پیروزی گفتگو است";

fn voices() -> App {
    browser::open("voices.yaml", VOICES, 120, 40)
}

/// The line of the screen holding `needle`, and the one after it.
fn line_after(s: &str, needle: &str) -> (String, String) {
    let lines: Vec<&str> = s.lines().collect();
    let i = lines
        .iter()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not on screen:\n{s}"));
    (
        lines[i].to_string(),
        lines.get(i + 1).unwrap_or(&"").to_string(),
    )
}

#[test]
fn the_details_show_the_original_under_the_translation() {
    let mut app = voices();
    select_id(&mut app, "deal-signed");
    let s = screen(&app, 120, 40);
    let (_, next) = line_after(&s, "(translation) “This is a victory for dialogue.”");
    assert!(
        next.contains(&format!("original (fa): “{ORIGINAL}”")),
        "{s}"
    );
}

#[test]
fn the_quote_view_and_the_quotes_browser_show_the_original() {
    let mut app = voices();
    select_id(&mut app, "deal-signed");
    update(&mut app, Action::Open);
    let s = screen(&app, 120, 40);
    let (_, next) = line_after(&s, "“This is a victory for dialogue.”");
    assert!(next.contains("original (fa):"), "{s}");
    let (_, next) = line_after(&s, "original (fa):");
    assert!(next.contains(&format!("“{ORIGINAL}”")), "{s}");

    update(&mut app, Action::Back);
    update(&mut app, Action::Show(Opener::QuoteList));
    // Only what Mira Tal said, so that her translated quote is on screen.
    update(&mut app, Action::Show(Opener::Picker(PickerKind::Actor)));
    for c in "tal".chars() {
        update(&mut app, Action::Input(c));
    }
    update(&mut app, Action::Toggle);
    update(&mut app, Action::Open);
    let s = screen(&app, 120, 40);
    let (_, next) = line_after(&s, "“This is a victory for dialogue.”");
    assert!(next.contains("original (fa):"), "{s}");
    assert!(s.contains(&format!("“{ORIGINAL}”")), "{s}");
}

#[test]
fn y_copies_the_original_with_the_translation() {
    let mut app = voices();
    select_id(&mut app, "deal-signed");
    update(&mut app, Action::Open);
    update(&mut app, Action::Down);
    update(&mut app, Action::Share(Share::CopyQuote));
    let Some(Effect::Copy(copied)) = app.effects.last() else {
        panic!("no copy queued: {:?}", app.effects);
    };
    assert!(
        copied.contains(&format!(
            "“This is a victory for dialogue.”\nOriginal (fa): “{ORIGINAL}”\n— Mira Tal"
        )),
        "{copied}"
    );
}
