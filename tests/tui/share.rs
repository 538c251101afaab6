//! Sharing from the browser: `y` and `Y` put citations on the clipboard through
//! OSC 52, `e` writes the filtered view to a new file, `o` opens the source; and the quote
//! view's cursor that says which quote `y` copies. Driven through actions, no terminal:
//! the bytes for the terminal are read from the effects the run loop would carry out.

use crate::common::browser::{self, screen, select};
use dateline::export::{cite, markdown};
use dateline::model::EventIx;
use dateline::tui::input::action::Share;
use dateline::tui::input::keymap::Mode;
use dateline::tui::runtime::effects::settle;
use dateline::tui::update::share::Effect;
use dateline::tui::{Action, App, Msg, update};

const LOG: &str = r#"
title: Sharing fixture
parties:
  - {id: hamas, name: Hamas}
  - {id: us, name: United States}
actors:
  - {id: haniyeh, name: Ismail Haniyeh, party: hamas, role: Hamas chief}
sources:
  - {id: axios, outlet: Axios, published: 2024-04-04, url: "https://example.org/axios"}
  - {id: wire, outlet: Wire}
events:
  - id: speech
    date: 2024-04-05
    kind: statement
    title: Haniyeh speaks
    sources: [wire, axios]
    quotes:
      - {text: "We want a deal.", speaker: haniyeh, source: axios}
      - {text: "the talks would go on", attribution: a US official, party: us, source: wire, paraphrase: true}
      - {text: "No source for this one.", speaker: haniyeh}
  - id: silent
    date: 2024-04-06
    kind: meeting
    title: Quiet meeting
    sources: [wire]
"#;

fn app_on(name: &str, yaml: &str) -> App {
    browser::open(name, yaml, 80, 24)
}

fn fixture() -> App {
    app_on("fixture.yaml", LOG)
}

fn sample() -> App {
    app_on(dateline::SAMPLE_NAME, dateline::SAMPLE)
}

/// What the last copy queued for the terminal puts on the clipboard.
fn clipboard(app: &App) -> String {
    let Some(Effect::Copy(text)) = app.effects.last() else {
        panic!("no copy queued: {:?}", app.effects);
    };
    text.clone()
}

#[test]
fn y_in_the_timeline_copies_the_first_quote_and_says_whose() {
    let mut app = fixture();
    update(&mut app, Action::Share(Share::CopyQuote));
    assert_eq!(clipboard(&app), cite::quote_citation(&app.log, 0, 0));
    assert!(clipboard(&app).contains("“We want a deal.”"));
    assert_eq!(
        app.message.as_deref(),
        Some("Copied quote by Ismail Haniyeh (Axios) to the clipboard")
    );
    assert!(screen(&app, 80, 24).contains("Copied quote by Ismail Haniyeh (Axios)"));
}

#[test]
fn y_in_the_quote_view_copies_the_quote_under_the_cursor() {
    let mut app = fixture();
    update(&mut app, Action::Open);
    assert_eq!(app.mode(), Mode::Quotes);
    update(&mut app, Action::Down);
    assert_eq!(app.quote, 1);
    update(&mut app, Action::Share(Share::CopyQuote));
    let copied = clipboard(&app);
    assert_eq!(copied, cite::quote_citation(&app.log, 0, 1));
    assert!(copied.starts_with("Paraphrase"), "{copied}");
    assert_eq!(
        app.message.as_deref(),
        Some("Copied paraphrase of a US official (Wire) to the clipboard")
    );
    // The cursor stops at the last quote.
    for _ in 0..5 {
        update(&mut app, Action::Down);
    }
    assert_eq!(app.quote, 2);
    update(&mut app, Action::Up);
    assert_eq!(app.quote, 1);
}

#[test]
fn y_on_the_sample_copies_every_quote_verbatim_with_its_citation() {
    let mut app = sample();
    let with_quotes: Vec<EventIx> = (0..app.log.events.len())
        .filter(|&i| app.log.events[i].quotes.len() >= 2)
        .collect();
    assert!(!with_quotes.is_empty());
    for ix in with_quotes {
        select(&mut app, ix);
        update(&mut app, Action::Open);
        for q in 0..app.log.events[ix].quotes.len() {
            update(&mut app, Action::Share(Share::CopyQuote));
            assert_eq!(clipboard(&app), cite::quote_citation(&app.log, ix, q));
            update(&mut app, Action::Down);
        }
        update(&mut app, Action::Back);
    }
}

#[test]
fn y_without_quotes_says_so_and_copies_nothing() {
    let mut app = fixture();
    update(&mut app, Action::Down);
    update(&mut app, Action::Share(Share::CopyQuote));
    assert!(app.effects.is_empty());
    assert!(app.message.as_deref().unwrap().contains("no quotes"));
}

#[test]
fn capital_y_copies_the_event_as_a_citation_block() {
    let mut app = fixture();
    update(&mut app, Action::Down);
    update(&mut app, Action::Share(Share::CopyEvent));
    assert_eq!(clipboard(&app), cite::event_citation(&app.log, 1));
    assert!(clipboard(&app).contains("Quiet meeting"));
    assert!(app.message.as_deref().unwrap().contains("Quiet meeting"));
}

#[test]
fn the_selected_quote_is_marked_and_stays_on_screen() {
    let mut app = fixture();
    update(
        &mut app,
        Action::Resize {
            width: 40,
            height: 10,
        },
    );
    update(&mut app, Action::Open);
    let first = screen(&app, 40, 10);
    assert!(first.contains("▌ 1. “We want a deal.”"), "{first}");
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    let last = screen(&app, 40, 10);
    assert!(last.contains("▌ 3. “No source for this one.”"), "{last}");
    assert!(!last.contains("▌ 1."), "{last}");
}

#[test]
fn w_writes_the_view_to_a_new_file_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("dateline-view.md"), "my notes").unwrap();
    let mut app = fixture();
    app.export_dir = dir.path().to_path_buf();
    update(&mut app, Action::Share(Share::ExportView));
    settle(&mut app);
    let written = dir.path().join("dateline-view-2.md");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("dateline-view.md")).unwrap(),
        "my notes"
    );
    assert_eq!(
        std::fs::read_to_string(&written).unwrap(),
        markdown::view(&app.log, &app.visible, &app.query)
    );
    let msg = app.message.clone().unwrap();
    assert!(
        msg.contains("dateline-view-2.md") && msg.contains("2 events"),
        "{msg}"
    );
    // Again: a third name, the two files before untouched.
    update(&mut app, Action::Share(Share::ExportView));
    settle(&mut app);
    assert!(dir.path().join("dateline-view-3.md").exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 3);
}

/// The page is the one `list --format html` writes for the same filters.
#[test]
fn capital_w_writes_the_view_as_a_web_page() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample();
    app.export_dir = dir.path().to_path_buf();
    let hamas = app.log.party("hamas").unwrap();
    update(&mut app, Action::ToggleParty(hamas));
    update(&mut app, Action::Share(Share::ExportPage));
    settle(&mut app);
    let page = std::fs::read_to_string(dir.path().join("dateline-view.html")).unwrap();
    assert_eq!(
        page,
        dateline::export::html::page(&app.log, &app.visible, &app.query)
    );
    assert!(
        page.contains("filters: party: Hamas"),
        "the page names its filter"
    );
    let msg = app.message.clone().unwrap();
    assert!(msg.contains("dateline-view.html"), "{msg}");
}

#[test]
fn w_writes_only_what_the_filters_show() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample();
    app.export_dir = dir.path().to_path_buf();
    let hamas = app.log.party("hamas").unwrap();
    update(&mut app, Action::ToggleParty(hamas));
    update(&mut app, Action::Share(Share::ExportView));
    settle(&mut app);
    let text = std::fs::read_to_string(dir.path().join("dateline-view.md")).unwrap();
    assert!(text.contains(&format!(
        "Showing {} of {} events",
        app.visible.len(),
        app.log.events.len()
    )));
    assert!(text.contains("Hamas"));
}

#[test]
fn e_into_a_missing_directory_is_a_message_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = fixture();
    app.export_dir = dir.path().join("gone");
    update(&mut app, Action::Share(Share::ExportView));
    settle(&mut app);
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .starts_with("could not write the view")
    );
}

#[test]
fn o_without_a_url_says_so_at_once() {
    let mut app = sample();
    assert!(app.log.sources.iter().all(|s| s.url.is_none()));
    update(&mut app, Action::Share(Share::OpenSource));
    assert!(app.effects.is_empty());
    assert_eq!(
        app.message.as_deref(),
        Some("this event has no source with a URL")
    );
}

#[test]
fn o_queues_the_url_for_the_run_loop_and_reports_a_failure() {
    let mut app = fixture();
    // The event's first source has no URL; the second has.
    update(&mut app, Action::Share(Share::OpenSource));
    assert_eq!(
        app.effects,
        [Effect::OpenUrl("https://example.org/axios".into())]
    );
    // In the quote view, the selected quote's source counts.
    update(&mut app, Action::Open);
    update(&mut app, Action::Down);
    update(&mut app, Action::Share(Share::OpenSource));
    assert_eq!(
        app.message.as_deref(),
        Some("this quote's source has no URL")
    );
    update(&mut app, Action::Down);
    update(&mut app, Action::Share(Share::OpenSource));
    assert_eq!(app.message.as_deref(), Some("this quote gives no source"));
    // What the background thread reports comes back as a message.
    update(&mut app, Msg::Opened(Err("no web browser found".into())));
    assert_eq!(app.message.as_deref(), Some("no web browser found"));
}

#[test]
fn update_only_asks_for_the_file_and_the_runtime_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = fixture();
    app.export_dir = dir.path().to_path_buf();
    update(&mut app, Action::Share(Share::ExportView));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "update wrote"
    );
    assert!(matches!(app.effects.as_slice(), [Effect::WriteNew { .. }]));
    settle(&mut app);
    assert!(dir.path().join("dateline-view.md").exists());
    assert!(app.effects.is_empty());
}
