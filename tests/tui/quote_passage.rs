//! A quote from the archived text: in the quote-in-context view (`C`) or a source's
//! archive (`S` then `C`), `v` selects a passage, by word and by sentence, Enter asks who
//! said it, and the passage is written as a quote of the event, word for word the
//! archive's, which `check` then verifies. Esc leaves the file as it was.

use crate::common::browser::{self, carry_write, press, screen_now, select_id};
use dateline::load::{self, Limits};
use dateline::model::Verification;
use dateline::tui::input::keymap::Mode;
use dateline::tui::overlays::Overlay;
use dateline::tui::update::share::Effect;
use dateline::tui::{App, LogSource, update};
use std::path::PathBuf;

const ARCHIVE: &str = "\
CAIRO (Wire) - Talks resumed in Cairo on Friday.

The delegation said in a statement: \u{201c}We are determined to secure an agreement. We will not
back down.\u{201d} Officials declined to comment.

Mediators said a reply was expected within days.
";

const LOG: &str = "\
parties:
  - {id: hamas, name: Hamas}
  - {id: egypt, name: Egypt}
actors:
  - {id: haniyeh, name: Ismail Haniyeh, party: hamas}
  - {id: mediator, name: An Egyptian mediator, party: egypt}
sources:
  - id: wire
    outlet: Wire
    archive: sources/wire.txt
events:
  - id: talks
    date: 2024-05-03
    kind: statement
    title: Statements on the talks
    actors: [haniyeh]
    sources: [wire]
    quotes:
      - text: \"We are determined to secure an agreement.\"
        attribution: the delegation
        party: hamas
        source: wire
  - id: later
    date: 2024-05-04
    kind: meeting
    title: Mediators meet again
    actors: [mediator]
    sources: [wire]
";

fn on_disk() -> (tempfile::TempDir, PathBuf, App, LogSource) {
    with_archive(ARCHIVE)
}

fn with_archive(archive: &str) -> (tempfile::TempDir, PathBuf, App, LogSource) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    let path = dir.path().join("talks.yaml");
    std::fs::write(&path, LOG).unwrap();
    std::fs::write(dir.path().join("sources/wire.txt"), archive).unwrap();
    let loaded = load::load_path(&path, &Limits::default()).unwrap();
    let app = browser::with(loaded, 100, 30);
    let source = LogSource {
        args: vec![path.clone()],
        limits: Limits::default(),
    };
    (dir, path, app, source)
}

/// The passage selected, as the archive has it.
fn selected(app: &App) -> Option<String> {
    let Some(Overlay::Context(c)) = app.overlays.last() else {
        return None;
    };
    let s = c.selection.as_ref()?;
    Some(ARCHIVE[s.start..s.end].to_owned())
}

/// The text drawn bold and reversed: the selection (the quote's passage is reversed only).
fn highlighted(app: &App) -> String {
    use ratatui::style::Modifier;
    let mut t =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(app.width, app.height)).unwrap();
    t.draw(|f| dateline::tui::view(app, f)).unwrap();
    let buf = t.backend().buffer();
    let sel = Modifier::BOLD | Modifier::REVERSED;
    buf.content()
        .iter()
        .filter(|c| c.modifier.contains(sel))
        .map(|c| c.symbol())
        .collect::<String>()
}

/// The context view of the event's quote.
fn in_context(app: &mut App) {
    select_id(app, "talks");
    press(app, "\nC");
    assert_eq!(app.mode(), Mode::Context);
}

#[test]
fn v_selects_by_word_and_by_sentence_and_shows_what_it_would_quote() {
    let (_dir, _path, mut app, _source) = on_disk();
    in_context(&mut app);
    press(&mut app, "v");
    assert_eq!(app.mode(), Mode::Select);
    assert_eq!(selected(&app).as_deref(), Some("We"), "at the quote");
    press(&mut app, "ww");
    assert_eq!(selected(&app).as_deref(), Some("We are determined"));
    press(&mut app, "b");
    assert_eq!(selected(&app).as_deref(), Some("We are"));
    assert_eq!(
        highlighted(&app),
        "We are",
        "the selection shows, apart from the quote"
    );
    let shown = screen_now(&app);
    assert!(
        shown.contains("┃ The delegation said"),
        "its lines marked in the gutter, for a screen without colour: {shown}"
    );
    press(&mut app, ")");
    assert_eq!(
        selected(&app).as_deref(),
        Some("We are determined to secure an agreement.")
    );
    press(&mut app, ")");
    assert_eq!(
        selected(&app).as_deref(),
        Some("We are determined to secure an agreement. We will not\nback down.\u{201d}")
    );
    press(&mut app, "}");
    assert_eq!(
        selected(&app).as_deref(),
        Some("We will not\nback down.\u{201d}"),
        "the start at the next sentence"
    );
    press(&mut app, "(");
    assert_eq!(
        selected(&app).as_deref(),
        Some("We"),
        "back to the first word"
    );
    let shown = screen_now(&app);
    assert!(
        shown.contains("1 word selected for a quote of “Statements on the talks”"),
        "{shown}"
    );
    // Esc drops the selection, and Esc again closes the view.
    press(&mut app, "\x1b");
    assert_eq!(app.mode(), Mode::Context);
    assert_eq!(selected(&app), None);
}

#[test]
fn enter_and_a_speaker_write_the_passage_verbatim_and_check_verifies_it() {
    let (_dir, path, mut app, source) = on_disk();
    in_context(&mut app);
    press(&mut app, "v))\n");
    assert_eq!(app.mode(), Mode::Speaker);
    let shown = screen_now(&app);
    assert!(
        shown.contains("Who said it? A quote of “Statements on the talks”"),
        "{shown}"
    );
    assert!(shown.contains("no speaker"), "{shown}");
    press(&mut app, "haniyeh\n");
    carry_write(&mut app, &source);
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(
        written.starts_with(LOG.split("  - id: later").next().unwrap()),
        "the rest of the file as it was:\n{written}"
    );
    // `check`: the log loads clean and the new quote is found as printed.
    let loaded = load::load_path(&path, &Limits::default()).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let talks = &loaded.log.events[loaded.log.event("talks").unwrap()];
    let q = talks.quotes.last().unwrap();
    assert_eq!(
        q.text,
        "We are determined to secure an agreement. We will not back down."
    );
    assert_eq!(
        q.speaker.map(|a| loaded.log.actors[a].id.as_str()),
        Some("haniyeh")
    );
    assert_eq!(
        q.source.map(|s| loaded.log.sources[s].id.as_str()),
        Some("wire")
    );
    assert!(
        matches!(q.verification, Verification::Verified { .. }),
        "{:?}",
        q.verification
    );
    let said = app.message.clone().unwrap_or_default();
    assert!(said.contains("talks.yaml:"), "{said}");
    assert_eq!(
        app.mode(),
        Mode::Context,
        "back in the archive, nothing selected"
    );
}

#[test]
fn no_speaker_asks_for_the_party() {
    let (_dir, path, mut app, source) = on_disk();
    in_context(&mut app);
    press(&mut app, "v)a");
    assert_eq!(app.mode(), Mode::Speaker);
    // "no speaker" is the first entry.
    press(&mut app, "\n");
    assert_eq!(app.mode(), Mode::Speaker);
    assert!(screen_now(&app).contains("Which party said it?"));
    press(&mut app, "egypt\n");
    carry_write(&mut app, &source);
    let loaded = load::load_path(&path, &Limits::default()).unwrap();
    let talks = &loaded.log.events[loaded.log.event("talks").unwrap()];
    let q = talks.quotes.last().unwrap();
    assert_eq!(q.text, "We are determined to secure an agreement.");
    assert_eq!(q.speaker, None);
    assert_eq!(
        q.parties
            .iter()
            .map(|&p| loaded.log.parties[p].id.as_str())
            .collect::<Vec<_>>(),
        ["egypt"]
    );
}

#[test]
fn esc_at_any_step_writes_nothing() {
    let (_dir, path, mut app, _source) = on_disk();
    in_context(&mut app);
    press(&mut app, "v)\n\x1b");
    assert_eq!(
        app.mode(),
        Mode::Select,
        "the picker cancelled, the passage kept"
    );
    press(&mut app, "\x1b\x1b");
    assert_eq!(app.mode(), Mode::Quotes);
    assert!(
        app.effects
            .iter()
            .all(|e| !matches!(e, Effect::WriteLog { .. }))
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), LOG);
}

#[test]
fn from_a_sources_archive_the_quote_goes_to_the_selected_event_named_in_the_prompt() {
    let (_dir, path, mut app, source) = on_disk();
    select_id(&mut app, "later");
    press(&mut app, "S");
    assert_eq!(app.mode(), Mode::Sources);
    press(&mut app, "C");
    assert_eq!(app.mode(), Mode::Context);
    press(&mut app, "v");
    // The top of the archive: its first word.
    assert_eq!(selected(&app).as_deref(), Some("CAIRO"));
    press(&mut app, "}}}})");
    assert_eq!(
        selected(&app).as_deref(),
        Some("Mediators said a reply was expected within days.")
    );
    assert!(
        app.message
            .as_deref()
            .unwrap_or_default()
            .contains("for a quote of “Mediators meet again”"),
        "{:?}",
        app.message
    );
    press(&mut app, "\nmediator\n");
    carry_write(&mut app, &source);
    let loaded = load::load_path(&path, &Limits::default()).unwrap();
    let later = &loaded.log.events[loaded.log.event("later").unwrap()];
    assert_eq!(
        later.quotes[0].text,
        "Mediators said a reply was expected within days."
    );
    assert!(matches!(
        later.quotes[0].verification,
        Verification::Verified { .. }
    ));
}

#[test]
fn the_view_follows_the_selection_down_a_long_archive() {
    let long: String = (1..=60)
        .map(|i| format!("Paragraph number {i} says little. It ends here.\n\n"))
        .collect();
    let (_dir, _path, mut app, _source) = with_archive(&format!("{ARCHIVE}\n{long}"));
    select_id(&mut app, "later");
    press(&mut app, "SCv");
    assert!(!screen_now(&app).contains("Paragraph number 40 "));
    // Two sentences a paragraph: the start reaches paragraph 40 after 83 sentences.
    for _ in 0..83 {
        press(&mut app, "}");
    }
    assert!(
        app.message
            .as_deref()
            .unwrap_or_default()
            .starts_with("1 word selected"),
        "{:?}",
        app.message
    );
    let shown = screen_now(&app);
    assert!(shown.contains("Paragraph number 40 says"), "{shown}");
    press(&mut app, ")");
    let Some(Overlay::Context(c)) = app.overlays.last() else {
        panic!("the context view is open")
    };
    let s = c.selection.clone().unwrap();
    assert_eq!(
        &app.log.archives[0].as_ref().unwrap().text[s.start..s.end],
        "Paragraph number 40 says little."
    );
}

#[test]
fn a_reload_while_choosing_the_speaker_keeps_the_passage() {
    let (_dir, path, mut app, source) = on_disk();
    in_context(&mut app);
    press(&mut app, "v)\n");
    assert_eq!(app.mode(), Mode::Speaker);
    // The journalist's editor saves the log meanwhile (a comment added).
    std::fs::write(&path, format!("# saved in the editor\n{LOG}")).unwrap();
    update(
        &mut app,
        dateline::tui::Msg::Reloaded(Box::new(source.read())),
    );
    assert_eq!(app.mode(), Mode::Speaker);
    press(&mut app, "haniyeh\n");
    carry_write(&mut app, &source);
    let loaded = load::load_path(&path, &Limits::default()).unwrap();
    let talks = &loaded.log.events[loaded.log.event("talks").unwrap()];
    assert_eq!(
        talks.quotes.last().unwrap().text,
        "We are determined to secure an agreement."
    );
    assert_eq!(talks.quotes.len(), 2);
}
