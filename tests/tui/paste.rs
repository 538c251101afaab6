//! A paste is text for the prompt it lands in, never keys: its letters are not commands and
//! its line breaks are not Enter; prompts take at most a couple of hundred characters.

use crate::common::browser;
use dateline::tui::input::keymap::Mode;
use dateline::tui::overlays::picker::PickerKind;
use dateline::tui::overlays::prompt_input::MAX_CHARS;
use dateline::tui::{Action, App, Msg, update};

fn sample() -> App {
    browser::sample(100, 30)
}

fn paste(app: &mut App, text: &str) {
    update(app, Msg::Paste(text.to_owned()));
}

/// Nothing a key would have done happened: no mark, no export, no quit.
fn assert_no_keys_acted(app: &App) {
    assert!(!app.quit);
    assert!(app.marks.ids.is_empty(), "{:?}", app.marks.ids);
    assert!(app.effects.is_empty(), "{:?}", app.effects);
}

#[test]
fn a_paste_into_search_is_its_text_with_line_breaks_as_spaces() {
    let mut app = sample();
    update(&mut app, Action::StartSearch);
    paste(&mut app, "Burns Cairo\nmeq");
    assert_eq!(app.mode(), Mode::Search);
    assert_eq!(app.search_prompt().unwrap().input, "Burns Cairo meq");
    assert_no_keys_acted(&app);
    // The search still works on what was pasted.
    let mut app = sample();
    update(&mut app, Action::StartSearch);
    paste(&mut app, "Burns\r\nCairo\n");
    assert_eq!(app.mode(), Mode::Search);
    assert!(!app.search_prompt().unwrap().hits.is_empty());
}

#[test]
fn a_paste_outside_a_prompt_does_nothing_but_say_where_it_goes() {
    let mut app = sample();
    let before = app.selected;
    paste(&mut app, "jjjmeqGq\n");
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(app.selected, before);
    assert_no_keys_acted(&app);
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("a paste goes into a prompt"),
        "{:?}",
        app.message
    );
}

#[test]
fn a_paste_into_the_jump_prompt_and_a_pickers_filter_stays_there() {
    let mut app = sample();
    update(&mut app, Action::StartJump);
    paste(&mut app, "2024-05\nq");
    assert_eq!(app.mode(), Mode::Jump);
    assert_no_keys_acted(&app);
    let mut app = sample();
    update(&mut app, Action::OpenPicker(PickerKind::Party));
    paste(&mut app, "hamas\n q");
    assert_eq!(app.mode(), Mode::Picker);
    assert_eq!(app.picker().unwrap().input, "hamas  q");
    assert!(app.picker().unwrap().chosen.is_empty());
    assert_no_keys_acted(&app);
}

#[test]
fn a_paste_into_the_date_range_prompt_is_a_range_to_apply() {
    let mut app = sample();
    let all = app.visible.len();
    update(&mut app, Action::StartRange);
    paste(&mut app, "2024-04..2024-04-30");
    assert_eq!(app.mode(), Mode::Range);
    assert_no_keys_acted(&app);
    update(&mut app, Action::Open);
    assert_eq!(app.mode(), Mode::Browse);
    assert!(app.query.from.is_some() && app.query.to.is_some());
    assert!(app.visible.len() < all, "{} of {all}", app.visible.len());
    // Typed or pasted, the range takes no more than any prompt.
    update(&mut app, Action::StartRange);
    paste(&mut app, &"2024-04".repeat(100));
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("characters; the rest was left out"),
        "{:?}",
        app.message
    );
    update(&mut app, Action::Input('z'));
    let Some(dateline::tui::app::Overlay::Range { input }) = app.overlays.last() else {
        panic!("the range prompt closed");
    };
    assert_eq!(input.chars().count(), MAX_CHARS);
}

#[test]
fn a_pasted_page_is_cut_to_the_prompts_length_and_typing_stops_there() {
    let mut app = sample();
    update(&mut app, Action::StartSearch);
    let page = "Hamas negotiators in Cairo ".repeat(4000); // 108 KB
    paste(&mut app, &page);
    let input = &app.search_prompt().unwrap().input;
    assert_eq!(input.chars().count(), MAX_CHARS);
    assert!(page.starts_with(input.as_str()));
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("characters; the rest was left out"),
        "{:?}",
        app.message
    );
    update(&mut app, Action::Input('z'));
    assert_eq!(
        app.search_prompt().unwrap().input.chars().count(),
        MAX_CHARS
    );
    assert!(!app.search_prompt().unwrap().input.ends_with('z'));
}
