//! Live reload, driven through `update` with new versions of a log: a valid one replaces the
//! log and the reader keeps their place (by id, since indices shift); an invalid one keeps
//! the last good log on screen and says how many errors the file has, readable with `E`.

use crate::common::browser::{self, screen, select_id};
use dateline::load::load_str;
use dateline::tui::input::keymap::Mode;
use dateline::tui::input::msg::Reload;
use dateline::tui::overlays::Opener;
use dateline::tui::overlays::picker::PickerKind;
use dateline::tui::{Action, App, Msg, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const NAME: &str = "talks.yaml";

const V1: &str = r#"
title: Version one
parties:
  - {id: alpha, name: Alpha}
  - {id: beta, name: Beta}
  - {id: gamma, name: Gamma}
actors:
  - {id: ann, name: Ann, party: alpha}
  - {id: bob, name: Bob, party: beta}
  - {id: cat, name: Cat, party: gamma}
events:
  - {id: e1, date: 2024-01-01, kind: meeting, title: Ann meets Bob, actors: [ann, bob]}
  - {id: e2, date: 2024-01-05, kind: call, title: Bob calls Cat, actors: [bob, cat]}
  - {id: e3, date: 2024-01-10, kind: statement, title: Cat speaks, actors: [cat]}
  - {id: e4, date: 2024-01-30, kind: meeting, title: Ann and Cat meet, actors: [ann, cat]}
"#;

/// V1 with a party and an actor added before the others (every index shifts), an event
/// added at the start, and e3's title changed.
const V2_SHIFTED: &str = r#"
title: Version two
parties:
  - {id: zeta, name: Zeta}
  - {id: alpha, name: Alpha}
  - {id: beta, name: Beta}
  - {id: gamma, name: Gamma}
actors:
  - {id: zed, name: Zed, party: zeta}
  - {id: ann, name: Ann, party: alpha}
  - {id: bob, name: Bob, party: beta}
  - {id: cat, name: Cat, party: gamma}
events:
  - {id: e0, date: 2023-12-01, kind: meeting, title: Zed and Cat meet first, actors: [zed, cat]}
  - {id: e1, date: 2024-01-01, kind: meeting, title: Ann meets Bob, actors: [ann, bob]}
  - {id: e2, date: 2024-01-05, kind: call, title: Bob calls Cat, actors: [bob, cat]}
  - {id: e3, date: 2024-01-10, kind: statement, title: Cat speaks again, actors: [cat]}
  - {id: e4, date: 2024-01-30, kind: meeting, title: Ann and Cat meet, actors: [ann, cat]}
"#;

/// Three events with a misspelt kind: three errors.
const BAD: &str = r#"
title: Broken
parties:
  - {id: alpha, name: Alpha}
actors:
  - {id: ann, name: Ann, party: alpha}
events:
  - {id: e1, date: 2024-01-01, kind: meetin, title: One, actors: [ann]}
  - {id: e2, date: 2024-01-02, kind: meetin, title: Two, actors: [ann]}
  - {id: e3, date: 2024-01-03, kind: meetin, title: Three, actors: [ann]}
"#;

fn open(yaml: &str) -> App {
    browser::open(NAME, yaml, 100, 30)
}

fn reload(app: &mut App, yaml: &str) {
    browser::reload(app, NAME, yaml);
}

fn selected_id(app: &App) -> Option<&str> {
    app.selected.map(|s| app.log.events[s].id.as_str())
}

fn visible_ids(app: &App) -> Vec<&str> {
    app.visible
        .iter()
        .map(|&i| app.log.events[i].id.as_str())
        .collect()
}

fn toggle_in_picker(app: &mut App, kind: PickerKind, name: &str) {
    update(app, Action::Show(Opener::Picker(kind)));
    for c in name.chars() {
        update(app, Action::Input(c));
    }
    update(app, Action::Open);
}

#[test]
fn filters_are_kept_by_id_when_every_index_shifts() {
    let mut app = open(V1);
    toggle_in_picker(&mut app, PickerKind::Party, "gamma");
    toggle_in_picker(&mut app, PickerKind::Actor, "bob");
    assert_eq!(visible_ids(&app), ["e2"], "gamma AND bob");
    let gamma_before = app.log.party("gamma").unwrap();

    reload(&mut app, V2_SHIFTED);
    let gamma = app.log.party("gamma").unwrap();
    let bob = app.log.actor("bob").unwrap();
    assert_ne!(gamma, gamma_before, "the test shifts the index");
    assert_eq!(
        app.query.parties.iter().copied().collect::<Vec<_>>(),
        [gamma]
    );
    assert_eq!(app.query.actors.iter().copied().collect::<Vec<_>>(), [bob]);
    assert_eq!(visible_ids(&app), ["e2"]);
    let s = screen(&app, 100, 30);
    assert!(s.contains("party: Gamma"), "{s}");
    assert!(s.contains("actor: Bob"), "{s}");
    assert!(s.contains("Version two"), "{s}");
}

#[test]
fn the_search_is_kept_and_runs_on_the_new_version() {
    let mut app = open(V1);
    update(&mut app, Action::Show(Opener::Search));
    for c in "cat".chars() {
        update(&mut app, Action::Input(c));
    }
    update(&mut app, Action::Open);
    assert_eq!(visible_ids(&app), ["e2", "e3", "e4"]);

    reload(&mut app, V2_SHIFTED);
    assert_eq!(app.query.search, "cat");
    assert_eq!(visible_ids(&app), ["e0", "e2", "e3", "e4"]);
    assert!(screen(&app, 100, 30).contains("search: “cat”"));
}

#[test]
fn the_selection_follows_the_event_id_and_the_new_title_shows() {
    let mut app = open(V1);
    select_id(&mut app, "e3");
    let before = app.selected.unwrap();
    reload(&mut app, V2_SHIFTED);
    assert_eq!(selected_id(&app), Some("e3"));
    assert_ne!(app.selected.unwrap(), before, "its index moved");
    let s = screen(&app, 100, 30);
    assert!(s.contains("Cat speaks again"), "{s}");
    assert!(s.contains("reloaded"), "a word says it reloaded: {s}");
}

#[test]
fn when_the_selected_event_is_gone_the_nearest_in_time_is_selected() {
    let mut app = open(V1);
    // e3 (10 January) goes; e2 (5 January) is nearer than e4 (30 January).
    select_id(&mut app, "e3");
    let without_e3: String = V1
        .lines()
        .filter(|l| !l.contains("id: e3"))
        .collect::<Vec<_>>()
        .join("\n");
    reload(&mut app, &without_e3);
    assert_eq!(app.log.events.len(), 3);
    assert_eq!(selected_id(&app), Some("e2"));
    assert!(app.selected.is_some_and(|s| app.is_visible(s)));
}

#[test]
fn a_party_that_is_gone_is_dropped_from_the_filter_and_said() {
    let mut app = open(V1);
    toggle_in_picker(&mut app, PickerKind::Party, "beta");
    let no_beta = V1
        .replace("  - {id: beta, name: Beta}\n", "")
        .replace("party: beta", "party: alpha");
    reload(&mut app, &no_beta);
    assert!(app.query.parties.is_empty());
    assert_eq!(app.visible.len(), 4);
    let s = screen(&app, 120, 30);
    assert!(s.contains("beta"), "the message names it: {s}");
}

#[test]
fn an_invalid_version_keeps_the_last_good_log_and_counts_its_errors() {
    let mut app = open(V1);
    select_id(&mut app, "e2");
    let report = load_str(NAME, BAD).expect_err("BAD has errors");
    assert_eq!(report.error_count(), 3);
    let log_before = app.log.clone();

    reload(&mut app, BAD);
    assert_eq!(app.log, log_before, "the last good log stays");
    assert_eq!(selected_id(&app), Some("e2"));
    let s = screen(&app, 100, 30);
    assert!(
        s.contains("file has 3 errors — press E to read them"),
        "{s}"
    );
    assert!(
        s.contains("Bob calls Cat"),
        "old events still on screen: {s}"
    );

    // The notice stays while the reader goes on reading.
    update(&mut app, Action::Down);
    let s = screen(&app, 100, 30);
    assert!(s.contains("file has 3 errors"), "{s}");
}

#[test]
fn e_opens_the_errors_as_check_prints_them_scrollable_and_esc_closes() {
    let mut app = open(V1);
    reload(&mut app, BAD);
    update(&mut app, Action::Show(Opener::Errors));
    assert_eq!(app.mode(), Mode::Errors);
    let s = screen(&app, 100, 30);
    assert!(s.contains("Errors in the file"), "{s}");
    assert!(s.contains("talks.yaml:8:"), "file:line:col: {s}");
    assert!(s.contains("kind: meetin"), "the line at fault: {s}");
    assert!(s.contains("^"), "a caret under the spot: {s}");
    assert!(s.contains("meeting"), "the suggestion: {s}");

    // Three errors do not fit in 12 rows: j scrolls.
    update(
        &mut app,
        Action::Resize {
            width: 60,
            height: 12,
        },
    );
    let top = screen(&app, 60, 12);
    update(&mut app, Action::Down);
    assert_ne!(screen(&app, 60, 12), top, "j scrolls the errors");
    update(&mut app, Action::Bottom);
    let bottom = screen(&app, 60, 12);
    assert!(
        bottom.contains("talks.yaml:10:"),
        "the last error: {bottom}"
    );

    update(&mut app, Action::Back);
    assert_eq!(app.mode(), Mode::Browse);
}

#[test]
fn the_errors_view_shows_hostile_text_only_sanitised() {
    let mut app = open(V1);
    let hostile = "title: x\nevents:\n  - {id: e1, date: 2024-01-01, kind: call, title: t, \"\\e[31mevil\\u202e\": 1}\n";
    let result = load_str(NAME, hostile);
    assert!(result.is_err(), "an unknown key is an error");
    update(
        &mut app,
        Msg::Reloaded(Box::new(Reload {
            result,
            sources: vec![(NAME.to_owned(), hostile.to_owned())],
            digests: Vec::new(),
            opened: None,
        })),
    );
    update(&mut app, Action::Show(Opener::Errors));
    let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
    t.draw(|f| view(&app, f)).unwrap();
    let buf = t.backend().buffer();
    for cell in buf.content() {
        for c in cell.symbol().chars() {
            assert!(
                !dateline::sanitize::is_unsafe_char(c),
                "raw {:?} on screen:\n{}",
                c,
                t.backend()
            );
        }
    }
    assert!(t.backend().to_string().contains("␛[31mevil"));
}

#[test]
fn the_next_good_save_clears_the_error_state() {
    let mut app = open(V1);
    reload(&mut app, BAD);
    update(&mut app, Action::Show(Opener::Errors));
    reload(&mut app, V2_SHIFTED);
    assert!(app.file_errors.is_none());
    assert_eq!(app.mode(), Mode::Browse, "the errors view closes");
    let s = screen(&app, 100, 30);
    assert!(!s.contains("errors"), "{s}");
    assert!(s.contains("Version two"), "{s}");
    update(&mut app, Action::Show(Opener::Errors));
    assert_eq!(app.mode(), Mode::Browse, "nothing to read");
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("no errors"))
    );
}

#[test]
fn a_picker_open_during_a_reload_keeps_its_typing_and_toggles() {
    let mut app = open(V1);
    update(&mut app, Action::Show(Opener::Picker(PickerKind::Party)));
    for c in "gam".chars() {
        update(&mut app, Action::Input(c));
    }
    update(&mut app, Action::Toggle);
    reload(&mut app, V2_SHIFTED);
    let gamma = app.log.party("gamma").unwrap();
    let p = app.picker().expect("still open");
    assert_eq!(p.input, "gam");
    assert!(p.chosen.contains(&gamma), "the toggle follows the id");
    update(&mut app, Action::Open);
    assert_eq!(visible_ids(&app), ["e0", "e2", "e3", "e4"]);
}

#[test]
fn quotes_open_on_an_event_that_is_gone_close() {
    let with_quote = V1.replace(
        "title: Cat speaks, actors: [cat]}",
        "title: Cat speaks, actors: [cat], quotes: [{text: hello, speaker: cat}]}",
    );
    let mut app = open(&with_quote);
    select_id(&mut app, "e3");
    update(&mut app, Action::Open);
    assert_eq!(app.mode(), Mode::Quotes);
    reload(&mut app, &with_quote);
    assert_eq!(app.mode(), Mode::Quotes, "same event, quotes stay open");
    let without: String = with_quote
        .lines()
        .filter(|l| !l.contains("id: e3"))
        .collect::<Vec<_>>()
        .join("\n");
    reload(&mut app, &without);
    assert_eq!(app.mode(), Mode::Browse);
}

#[test]
fn marks_follow_their_events_by_id_and_the_marked_only_filter_stays() {
    use dateline::tui::input::action::MarkAction;
    let mut app = open(V1);
    select_id(&mut app, "e3");
    update(&mut app, Action::Mark(MarkAction::Toggle)); // no marks file: nothing is saved
    update(&mut app, Action::Mark(MarkAction::OnlyMarked));
    assert_eq!(visible_ids(&app), ["e3"]);
    reload(&mut app, V2_SHIFTED);
    let e3 = app.log.event("e3").unwrap();
    assert_eq!(app.marked.iter().copied().collect::<Vec<_>>(), [e3]);
    assert_eq!(visible_ids(&app), ["e3"], "still only the marked event");
}

/// V1 with two events added at the end, one with a topic in capitals (a warning).
const V2_TWO_NEW: &str = r#"
title: Version one
parties:
  - {id: alpha, name: Alpha}
  - {id: beta, name: Beta}
  - {id: gamma, name: Gamma}
actors:
  - {id: ann, name: Ann, party: alpha}
  - {id: bob, name: Bob, party: beta}
  - {id: cat, name: Cat, party: gamma}
events:
  - {id: e1, date: 2024-01-01, kind: meeting, title: Ann meets Bob, actors: [ann, bob]}
  - {id: e2, date: 2024-01-05, kind: call, title: Bob calls Cat, actors: [bob, cat]}
  - {id: e3, date: 2024-01-10, kind: statement, title: Cat speaks, actors: [cat]}
  - {id: e4, date: 2024-01-30, kind: meeting, title: Ann and Cat meet, actors: [ann, cat]}
  - {id: e5, date: 2024-02-02, kind: statement, title: Bob answers, actors: [bob], related: [e4]}
  - {id: e6, date: 2024-02-03, kind: statement, title: Ann answers, actors: [ann], topics: [Truce]}
"#;

#[test]
fn a_reload_that_adds_events_says_how_many_with_a_key_to_the_first_and_its_warnings() {
    let mut app = open(V1);
    reload(&mut app, V2_TWO_NEW);
    let s = screen(&app, 120, 30);
    assert!(s.contains("2 new events: + goes to the first"), "{s}");
    assert!(app.warnings > 0);
    let warned = match app.warnings {
        1 => "1 warning".to_owned(),
        n => format!("{n} warnings"),
    };
    assert!(s.contains(&warned), "{s}");
    browser::press(&mut app, "+");
    assert_eq!(selected_id(&app), Some("e5"));
    browser::press(&mut app, "\x08");
    assert_eq!(selected_id(&app), Some("e1"), "Backspace returns");
    // Nothing new the next time: no such words.
    reload(&mut app, V2_TWO_NEW);
    assert!(!screen(&app, 120, 30).contains("new event"));
}

#[test]
fn a_thread_or_positions_view_stays_open_on_the_same_event_across_a_reload() {
    let mut app = open(V2_TWO_NEW);
    select_id(&mut app, "e4");
    browser::press(&mut app, "T");
    assert_eq!(app.mode(), Mode::List);
    browser::press(&mut app, "j");
    reload(&mut app, &v2_shifted_with_answer());
    assert_eq!(app.mode(), Mode::List, "the thread stays open");
    let s = screen(&app, 100, 30);
    assert!(s.contains("Bob answers"), "{s}");
    // The cursor stays on the answer: Enter goes to it in the new log.
    browser::press(&mut app, "\n");
    assert_eq!(selected_id(&app), Some("e5"));

    browser::press(&mut app, "P");
    assert_eq!(app.mode(), Mode::List);
    reload(&mut app, V2_TWO_NEW);
    assert_eq!(app.mode(), Mode::List, "the positions stay open");
    // An event that is gone closes the thread around it.
    browser::press(&mut app, "\x1b");
    select_id(&mut app, "e6");
    browser::press(&mut app, "T");
    assert_eq!(app.mode(), Mode::List);
    reload(&mut app, &v2_shifted_with_answer());
    assert_eq!(app.mode(), Mode::Browse);
}

/// V2_SHIFTED with e5 (the answer to e4) and without e6: every index shifts.
fn v2_shifted_with_answer() -> String {
    format!(
        "{V2_SHIFTED}  - {{id: e5, date: 2024-02-02, kind: statement, title: Bob answers, actors: [bob], related: [e4]}}\n"
    )
}

/// A log where Ann's meeting answers Bob's call, for following a link the filters hide.
const LINKED: &str = r#"
parties:
  - {id: alpha, name: Alpha}
  - {id: beta, name: Beta}
actors:
  - {id: ann, name: Ann, party: alpha}
  - {id: bob, name: Bob, party: beta}
events:
  - {id: call, date: 2024-01-01, kind: call, title: Bob calls, actors: [bob]}
  - {id: answer, date: 2024-01-02, kind: meeting, title: Ann answers, actors: [ann], related: [call]}
"#;

/// Follows `answer`'s link to `call` under a filter on Alpha, which hides the call: the
/// filters are cleared to show it, kept for Backspace.
fn follow_hidden_link() -> App {
    let mut app = open(LINKED);
    browser::press(&mut app, "palpha\n");
    select_id(&mut app, "answer");
    browser::press(&mut app, "\t\n\n");
    assert_eq!(selected_id(&app), Some("call"));
    assert!(app.query.parties.is_empty(), "the filters were cleared");
    app
}

/// The filters kept for Backspace follow a reload by id, as the timeline's own do: a party
/// added before the others does not turn "Alpha" into another party.
#[test]
fn filters_kept_for_backspace_follow_a_reload() {
    let mut app = follow_hidden_link();
    let shifted = LINKED.replace("parties:\n", "parties:\n  - {id: zeta, name: Zeta}\n");
    reload(&mut app, &shifted);
    browser::press(&mut app, "\x08");
    let s = screen(&app, 100, 30);
    assert!(s.contains("filters: party: Alpha"), "{s}");
    assert_eq!(selected_id(&app), Some("answer"));
}

/// When the event the link was followed from is gone, Backspace still gives the filters
/// back.
#[test]
fn filters_kept_for_backspace_come_back_when_the_event_left_is_gone() {
    let mut app = follow_hidden_link();
    let without = LINKED.replace(
        "  - {id: answer, date: 2024-01-02, kind: meeting, title: Ann answers, actors: [ann], related: [call]}\n",
        "",
    );
    reload(&mut app, &without);
    browser::press(&mut app, "\x08");
    let s = screen(&app, 100, 30);
    assert!(s.contains("filters: party: Alpha"), "{s}");
}

/// Events without `id`: each one's id is derived from its date and title.
const DERIVED: &str = r#"
title: Derived ids
events:
  - date: 2024-01-01
    kind: meeting
    title: First talks
  - date: 2024-01-05
    kind: call
    title: A call
  - date: 2024-01-05
    kind: statement
    title: A statement
"#;

#[test]
fn an_edited_title_of_an_event_without_id_is_one_changed_event_not_a_new_one() {
    let mut app = open(DERIVED);
    select_id(&mut app, "2024-01-05-a-call");
    // The title edited in place: same file and line.
    reload(&mut app, &DERIVED.replace("A call", "A long call"));
    let s = screen(&app, 160, 30);
    assert!(
        s.contains(
            "1 changed event: its id, derived from date and title, is now 2024-01-05-a-long-call"
        ),
        "{s}"
    );
    assert!(!s.contains("new event"), "{s}");
    assert_eq!(
        selected_id(&app),
        Some("2024-01-05-a-long-call"),
        "the selection stays on it"
    );
    // `+` goes to the first event new or changed since the log opened: this one, followed
    // through its new id and compared with the version the log opened with.
    browser::press(&mut app, "+");
    assert_eq!(selected_id(&app), Some("2024-01-05-a-long-call"));
    assert!(screen(&app, 160, 30).contains("title: A call → A long call"));

    // Lines added above it and its title edited: the same date and the same place among
    // that day's events whose ids changed.
    let v3 = DERIVED.replace("A call", "A short call").replace(
        "title: First talks",
        "title: First talks\n    summary: |\n      Two lines\n      of summary.",
    );
    reload(&mut app, &v3);
    let s = screen(&app, 160, 30);
    assert!(s.contains("1 changed event"), "{s}");
    assert!(!s.contains("new event"), "{s}");
    assert_eq!(selected_id(&app), Some("2024-01-05-a-short-call"));

    // A new event without id is still new, beside a changed one.
    let v4 = format!(
        "{}  - date: 2024-01-09\n    kind: statement\n    title: Another statement\n",
        v3.replace("A statement", "The statement")
    );
    reload(&mut app, &v4);
    let s = screen(&app, 160, 30);
    // The first talks gained a summary since the log opened: `+` goes there first.
    assert!(
        s.contains("1 new event: + goes to the first new or changed"),
        "{s}"
    );
    assert!(s.contains("1 changed event"), "{s}");
    browser::press(&mut app, "+");
    assert_eq!(selected_id(&app), Some("2024-01-01-first-talks"));
    let s = screen(&app, 160, 30);
    assert!(s.contains("summary: (none) → Two lines of summary."), "{s}");
    let last = app
        .unseen
        .keys()
        .last()
        .map(|&i| app.log.events[i].id.as_str());
    assert_eq!(last, Some("2024-01-09-another-statement"));
}
