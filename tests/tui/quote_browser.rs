//! The quotes browser (`Q`), the topic picker (`#`), the date range (`r`) and choosing
//! whose positions `P` shows: what the reader sees, and that the quotes selected are those
//! that said them.

use crate::common::browser::{self, press, screen, select_id};
use dateline::tui::app::Overlay;
use dateline::tui::input::action::Share;
use dateline::tui::input::keymap::Mode;
use dateline::tui::overlays::Opener;
use dateline::tui::overlays::picker::PickerKind;
use dateline::tui::update::share::Effect;
use dateline::tui::{Action, App, update};

const VOICES: &str = include_str!("../fixtures/voices.yaml");

fn voices(w: u16, h: u16) -> App {
    browser::open("voices.yaml", VOICES, w, h)
}

fn run(app: &mut App, actions: &[Action]) {
    for &a in actions {
        update(app, a);
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Action::Input(c));
    }
}

/// The quotes the browser lists, as (event id, words).
fn listed(app: &App) -> Vec<(String, String)> {
    let Some(Overlay::QuoteList(l)) = app.overlays.last() else {
        panic!("the quotes browser is not on top: {:?}", app.mode());
    };
    l.entries
        .iter()
        .map(|at| {
            let e = &app.log.events[at.event];
            (e.id.clone(), e.quotes[at.quote].text.clone())
        })
        .collect()
}

/// Picks `name` in the picker of `kind`, from where the reader is.
fn pick(app: &mut App, kind: PickerKind, name: &str) {
    update(app, Action::Show(Opener::Picker(kind)));
    typed(app, name);
    run(app, &[Action::Toggle, Action::Open]);
}

fn clipboard(app: &App) -> String {
    let Some(Effect::Copy(text)) = app.effects.last() else {
        panic!("no copy queued: {:?}", app.effects);
    };
    text.clone()
}

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snapshot(name: &str, open: impl Fn(u16, u16) -> App, setup: impl Fn(&mut App)) {
    for (w, h) in SIZES {
        let mut app = open(w, h);
        setup(&mut app);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn snapshot_the_quotes_browser() {
    snapshot("quote_browser", voices, |app| {
        update(app, Action::Show(Opener::QuoteList));
    });
    snapshot("quote_browser_sample", browser::sample, |app| {
        update(app, Action::Show(Opener::QuoteList));
    });
}

#[test]
fn snapshot_the_quotes_browser_by_who_said_it() {
    snapshot("quote_browser_arden", voices, |app| {
        update(app, Action::Show(Opener::QuoteList));
        pick(app, PickerKind::Party, "arden");
        update(app, Action::Down);
    });
}

#[test]
fn snapshot_the_new_pickers_and_prompt() {
    snapshot("topic_picker", browser::sample, |app| {
        update(app, Action::Show(Opener::Picker(PickerKind::Topic)));
        typed(app, "ra");
        update(app, Action::Toggle);
    });
    snapshot("topic_picker_in_quotes", voices, |app| {
        update(app, Action::Show(Opener::QuoteList));
        update(app, Action::Show(Opener::Picker(PickerKind::Topic)));
    });
    snapshot("range_prompt", browser::sample, |app| {
        update(app, Action::Show(Opener::Range));
        typed(app, "2024-05..2024-05-03");
    });
    // Opened on a log of 2023: the examples are its own dates.
    snapshot("range_prompt_voices", voices, |app| {
        update(app, Action::Show(Opener::Range));
    });
    snapshot("range_applied", browser::sample, |app| {
        pick(app, PickerKind::Topic, "rafah");
        update(app, Action::Show(Opener::Range));
        typed(app, "2024-05..");
        update(app, Action::Open);
    });
    snapshot("positions_picker", browser::sample, |app| {
        select_id(app, "positions-restated");
        run(
            app,
            &[
                Action::Show(Opener::Positions),
                Action::Show(Opener::Picker(PickerKind::Party)),
            ],
        );
    });
}

#[test]
fn the_quotes_browser_selects_by_who_said_it_and_the_rest_by_event() {
    let mut app = voices(120, 40);
    update(&mut app, Action::Show(Opener::QuoteList));
    assert_eq!(app.mode(), Mode::QuoteList);
    assert_eq!(listed(&app).len(), app.log.quote_count());
    pick(&mut app, PickerKind::Party, "arden");
    let arden = listed(&app);
    // The joint statement, the minister's words (twice), the Arden officials: never
    // Belmont's "Arden is stalling".
    assert_eq!(arden.len(), 4, "{arden:?}");
    assert!(arden.iter().all(|(_, t)| !t.contains("stalling")));
    assert!(arden.iter().any(|(_, t)| t.contains("three countries")));
    // Still in the browser, with the filter in the header.
    assert_eq!(app.mode(), Mode::QuoteList);
    assert!(screen(&app, 120, 40).contains("party: Arden"));
    update(&mut app, Action::Show(Opener::Range));
    typed(&mut app, "2023-03-11..");
    update(&mut app, Action::Open);
    assert_eq!(
        listed(&app),
        [
            (
                "embassy-report".to_owned(),
                "Our embassy will open its doors before the month is out.".to_owned()
            ),
            (
                "embassy-report".to_owned(),
                "the embassy could reopen within days".to_owned()
            )
        ]
    );
    // The actor picker in the browser counts the quotes each actor said.
    update(&mut app, Action::ClearFilters);
    update(&mut app, Action::Show(Opener::Picker(PickerKind::Actor)));
    let Some(Overlay::Picker(p)) = app.overlays.last() else {
        panic!("no picker")
    };
    let envoy = p.entries.iter().find(|e| e.label == "Lia Vance").unwrap();
    assert_eq!(envoy.count, 2);
}

#[test]
fn enter_opens_the_quotes_event_at_the_quote_and_esc_comes_back() {
    let mut app = voices(120, 40);
    update(&mut app, Action::Show(Opener::QuoteList));
    pick(&mut app, PickerKind::Actor, "tal");
    update(&mut app, Action::Down);
    update(&mut app, Action::Open);
    assert_eq!(app.mode(), Mode::Quotes);
    let e = &app.log.events[app.selected.unwrap()];
    assert_eq!(e.id, "embassy-report");
    assert_eq!(app.quote, 0);
    let s = screen(&app, 120, 40);
    assert!(s.contains("event status: disputed report"), "{s}");
    update(&mut app, Action::Back);
    assert_eq!(app.mode(), Mode::QuoteList);
    update(&mut app, Action::Back);
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(
        app.log.events[app.selected.unwrap()].id,
        "embassy-report",
        "the timeline stays on the quote's event"
    );
}

#[test]
fn y_copies_the_quote_under_the_cursor_with_status_and_translation() {
    let mut app = voices(120, 40);
    update(&mut app, Action::Show(Opener::QuoteList));
    pick(&mut app, PickerKind::Actor, "tal");
    update(&mut app, Action::Share(Share::CopyQuote));
    let copied = clipboard(&app);
    assert!(
        copied.starts_with("Translation by the log's author, not the speaker's own words:\n“This is a victory for dialogue.”\n"),
        "{copied}"
    );
    update(&mut app, Action::Down);
    update(&mut app, Action::Share(Share::CopyQuote));
    let copied = clipboard(&app);
    assert!(
        copied.contains("\nEvent status: disputed report\n"),
        "{copied}"
    );
    assert!(copied.contains("Our embassy will open"), "{copied}");
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .ends_with("with its event status: disputed report"),
        "{:?}",
        app.message
    );
}

#[test]
fn the_screen_never_shows_a_translation_as_the_speakers_own_words() {
    let mut app = voices(120, 40);
    select_id(&mut app, "deal-signed");
    update(&mut app, Action::Open);
    let s = screen(&app, 120, 40);
    assert!(
        s.contains("translation by the log's author, not the speaker's own words:"),
        "{s}"
    );
    assert!(
        s.contains("paraphrase, reported speech, translated by the log's author:"),
        "{s}"
    );
    update(&mut app, Action::Back);
    update(&mut app, Action::Show(Opener::QuoteList));
    let s = screen(&app, 120, 40);
    assert!(s.contains("translation by the log's author"), "{s}");
    assert!(s.contains("event status: expected"), "{s}");
    update(&mut app, Action::Bottom);
    let s = screen(&app, 120, 40);
    assert!(s.contains("event status: cancelled"), "{s}");
}

#[test]
fn the_topic_picker_and_the_date_range_filter_the_timeline_like_the_flags() {
    let mut app = browser::sample(120, 40);
    pick(&mut app, PickerKind::Topic, "rafah");
    assert!(!app.query.topics.is_empty());
    assert!(
        app.visible
            .iter()
            .all(|&i| app.log.events[i].topics.iter().any(|t| t == "rafah"))
    );
    update(&mut app, Action::Show(Opener::Range));
    typed(&mut app, "2024-05-03");
    update(&mut app, Action::Open);
    let s = screen(&app, 120, 40);
    assert!(s.contains("topic: rafah"), "{s}");
    assert!(s.contains("from Fri 3 May 2024"), "{s}");
    // The prompt opens on the range in force; emptied, it clears the range.
    update(&mut app, Action::Show(Opener::Range));
    let Some(Overlay::Range { input }) = app.overlays.last() else {
        panic!("no range prompt")
    };
    assert_eq!(input, "2024-05-03");
    for _ in 0..input.len() {
        update(&mut app, Action::DeleteChar);
    }
    update(&mut app, Action::Open);
    assert_eq!((app.query.from, app.query.to), (None, None));
    // A range the wrong way round is refused, saying which side is after the other.
    update(&mut app, Action::Show(Opener::Range));
    typed(&mut app, "2024-05..2024-04");
    update(&mut app, Action::Open);
    assert!(
        app.message.as_deref().unwrap().contains("is after"),
        "{:?}",
        app.message
    );
    assert_eq!((app.query.from, app.query.to), (None, None));
}

#[test]
fn p_in_positions_picks_the_party_and_leaves_the_filters_alone() {
    let mut app = browser::sample(120, 40);
    select_id(&mut app, "positions-restated");
    update(&mut app, Action::Show(Opener::Positions));
    let s = screen(&app, 120, 40);
    assert!(s.contains("Positions of Israel"), "{s}");
    update(&mut app, Action::Show(Opener::Picker(PickerKind::Party)));
    assert_eq!(app.mode(), Mode::Whose);
    typed(&mut app, "hamas");
    update(&mut app, Action::Open);
    assert_eq!(app.mode(), Mode::List);
    assert!(screen(&app, 120, 40).contains("Positions of Hamas"));
    assert!(
        app.query.is_empty(),
        "choosing whose positions is not a filter"
    );
    // Esc goes back to the timeline, not to Israel's positions.
    update(&mut app, Action::Back);
    assert_eq!(app.mode(), Mode::Browse);
}

#[test]
fn o_opens_the_source_of_the_quote_under_the_cursor() {
    let mut app = voices(120, 40);
    update(&mut app, Action::Show(Opener::QuoteList));
    pick(&mut app, PickerKind::Actor, "tal");
    update(&mut app, Action::Share(Share::OpenSource));
    assert_eq!(
        app.effects.last(),
        Some(&Effect::OpenUrl("https://example.org/daily/deal".into()))
    );
    // The minister's second quote comes from a source with no URL: said, not guessed.
    update(&mut app, Action::Down);
    let before = app.effects.len();
    update(&mut app, Action::Share(Share::OpenSource));
    assert_eq!(app.effects.len(), before);
    assert_eq!(
        app.message.as_deref(),
        Some("this quote's source has no URL")
    );
}

#[test]
fn the_quotes_browser_follows_a_reload_keeping_who_said_it() {
    let mut app = voices(120, 40);
    update(&mut app, Action::Show(Opener::QuoteList));
    pick(&mut app, PickerKind::Party, "belmont");
    let before = listed(&app);
    // A new version: a party added first (every index shifts) and one more Belmont quote.
    let v2 = VOICES
        .replace(
            "parties:\n",
            "parties:\n  - id: zeta\n    name: Zeta\n",
        )
        .replace(
            "      - text: \"The briefing is postponed.\"",
            "      - text: \"No comment.\"\n        attribution: a Belmont diplomat\n        party: belmont\n      - text: \"The briefing is postponed.\"",
        );
    crate::common::browser::reload(&mut app, "voices.yaml", &v2);
    assert_eq!(app.mode(), Mode::QuoteList);
    let after = listed(&app);
    assert_eq!(after.len(), before.len() + 1, "{after:?}");
    assert!(after.iter().any(|(_, t)| t == "No comment."));
    assert!(screen(&app, 120, 40).contains("said by Belmont"));
}

/// The line with the cursor's marker shows on every screen, however the reader moves.
#[test]
fn the_cursor_stays_on_screen_through_paging() {
    let mut app = browser::sample(80, 24);
    update(&mut app, Action::Show(Opener::QuoteList));
    let cursor_shown = |app: &App| screen(app, 80, 24).contains("▶ ");
    let last = app
        .log
        .events
        .iter()
        .rev()
        .find(|e| !e.quotes.is_empty())
        .unwrap();
    let last_words = last.quotes.last().unwrap().text.clone();
    update(&mut app, Action::Bottom);
    assert!(cursor_shown(&app));
    assert!(screen(&app, 80, 24).contains(&last_words[..30]));
    for a in [
        Action::PageUp,
        Action::PageUp,
        Action::Up,
        Action::HalfPageUp,
        Action::PageDown,
        Action::Wheel(-3),
        Action::Top,
        Action::PageDown,
        Action::PageDown,
        Action::Down,
        Action::Wheel(6),
        Action::HalfPageDown,
    ] {
        update(&mut app, a);
        assert!(cursor_shown(&app), "after {a:?}:\n{}", screen(&app, 80, 24));
    }
    // Paging moves: from the top, a page down leaves the first quote.
    update(&mut app, Action::Top);
    update(&mut app, Action::PageDown);
    let Some(Overlay::QuoteList(l)) = app.overlays.last() else {
        panic!()
    };
    assert!(l.cursor > 0);
}

/// The status line's last word: the position counter.
fn counter(app: &App, w: u16, h: u16) -> String {
    let s = screen(app, w, h);
    let status = s.lines().last().unwrap_or_default().to_owned();
    // TestBackend's lines are quoted.
    status
        .trim_end_matches('"')
        .split_whitespace()
        .last()
        .unwrap_or_default()
        .to_owned()
}

/// The counter in the quotes browser counts quotes, as its heading does, at every size:
/// which quote is under the cursor, of how many listed.
#[test]
fn the_quotes_browsers_counter_counts_the_quotes_its_heading_counts() {
    for (w, h) in [(50, 14), (80, 24), (120, 40)] {
        let mut app = browser::sample(w, h);
        let quotes = app.log.quote_count();
        update(&mut app, Action::Show(Opener::QuoteList));
        assert!(screen(&app, w, h).contains(&format!("{quotes} quotes")));
        assert_eq!(counter(&app, w, h), format!("1/{quotes}"), "{w}x{h}");
        run(&mut app, &[Action::Down, Action::Down, Action::Down]);
        assert_eq!(counter(&app, w, h), format!("4/{quotes}"), "{w}x{h}");
        update(&mut app, Action::Bottom);
        assert_eq!(counter(&app, w, h), format!("{quotes}/{quotes}"), "{w}x{h}");
        // Narrowed to one party: the heading's count, and the picker over the browser
        // keeps the browser's counter.
        pick(&mut app, PickerKind::Party, "egypt");
        update(&mut app, Action::Top);
        let n = listed(&app).len();
        assert!(n > 0 && n < quotes);
        let s = screen(&app, w, h);
        assert!(s.contains(&format!("{n} quotes said by Egypt")), "{s}");
        assert_eq!(counter(&app, w, h), format!("1/{n}"), "{w}x{h}");
        update(&mut app, Action::Show(Opener::Picker(PickerKind::Party)));
        assert_eq!(counter(&app, w, h), format!("1/{n}"), "{w}x{h}");
        update(&mut app, Action::Back);
        // Enter reads the quote's event: the counter counts events again.
        update(&mut app, Action::Open);
        assert_eq!(app.mode(), Mode::Quotes);
        let pos = app.selected_pos().unwrap() + 1;
        assert_eq!(counter(&app, w, h), format!("{pos}/{}", app.visible.len()));
    }
}

/// A party picked in the quotes browser was for reading its quotes: Esc gives the timeline
/// back with the filters it had, its place kept, and says so.
#[test]
fn esc_gives_the_timeline_back_its_filters() {
    let mut app = browser::sample(120, 40);
    pick(&mut app, PickerKind::Topic, "rafah");
    let timeline = app.query.clone();
    let selected = app.selected;
    let shown = app.visible.clone();
    update(&mut app, Action::Show(Opener::QuoteList));
    pick(&mut app, PickerKind::Party, "egypt");
    assert!(screen(&app, 120, 40).contains("said by Egypt"));
    update(&mut app, Action::Back);
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(app.query, timeline);
    assert_eq!(app.visible, shown);
    assert_eq!(app.selected, selected);
    let s = screen(&app, 120, 40);
    assert!(s.contains("filters: topic: rafah  (c clears)"), "{s}");
    assert!(!s.contains("Egypt  (c clears)"), "{s}");
    assert!(
        s.contains("back to the timeline, with its filters as they were"),
        "{s}"
    );
    // `c` in the browser clears what the browser shows, not the timeline's filters.
    update(&mut app, Action::Show(Opener::QuoteList));
    update(&mut app, Action::ClearFilters);
    update(&mut app, Action::Back);
    assert_eq!(app.query, timeline);
    // Filters left as they were: nothing to say.
    app.message = None;
    update(&mut app, Action::Show(Opener::QuoteList));
    update(&mut app, Action::Back);
    assert_eq!(app.message, None);
}

/// The filters given back are carried over a reload by id, like the timeline's own.
#[test]
fn the_timelines_filters_given_back_follow_a_reload() {
    let mut app = voices(120, 40);
    pick(&mut app, PickerKind::Party, "belmont");
    update(&mut app, Action::Show(Opener::QuoteList));
    pick(&mut app, PickerKind::Party, "arden");
    // Every party's index shifts.
    let v2 = VOICES.replace("parties:\n", "parties:\n  - id: zeta\n    name: Zeta\n");
    crate::common::browser::reload(&mut app, "voices.yaml", &v2);
    update(&mut app, Action::Back);
    assert_eq!(app.mode(), Mode::Browse);
    let s = screen(&app, 120, 40);
    assert!(s.contains("filters: party: Belmont  (c clears)"), "{s}");
}

/// Choosing whose positions to show takes one party: its hints say what Enter does there,
/// not the filter pickers' "Tab tick  Enter apply", and Tab or Space tick nothing.
#[test]
fn the_positions_picker_says_enter_shows_positions_and_ticks_nothing() {
    let mut app = browser::sample(80, 24);
    select_id(&mut app, "positions-restated");
    press(&mut app, "P");
    press(&mut app, "p");
    assert_eq!(app.mode(), Mode::Whose);
    let before = screen(&app, 80, 24);
    let hints = before.lines().last().unwrap().to_owned();
    assert!(hints.contains("Enter show positions"), "{hints}");
    assert!(
        !hints.contains("tick") && !hints.contains("apply"),
        "{hints}"
    );
    // Tab and a Space before typing leave the picker as it was: nothing to tick.
    press(&mut app, "\t ");
    assert_eq!(screen(&app, 80, 24), before);
    let Some(Overlay::Picker(p)) = app.overlays.last() else {
        panic!("no picker")
    };
    assert!(p.chosen.is_empty() && p.input.is_empty());
    // The help gives this picker its own keys.
    let help: Vec<String> = dateline::tui::overlays::help::lines(&app, 120)
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    let at = help
        .iter()
        .position(|l| l == "Whose positions (p in P)")
        .expect("a section of its own");
    let section: Vec<&String> = help[at..].iter().take_while(|l| !l.is_empty()).collect();
    assert!(
        section
            .iter()
            .any(|l| l.contains("Enter") && l.contains("show the positions of the party")),
        "{section:?}"
    );
    assert!(!section.iter().any(|l| l.contains("tick")), "{section:?}");
    // A space inside a name still types.
    press(&mut app, "united n");
    assert!(screen(&app, 80, 24).contains("> united n█"));
    press(&mut app, "\n");
    assert!(screen(&app, 80, 24).contains("Positions of United Nations"));
    // The filter pickers keep their ticks.
    press(&mut app, "\x1b");
    press(&mut app, "p");
    assert_eq!(app.mode(), Mode::Picker);
    assert!(screen(&app, 80, 24).contains("Tab tick"));
}

/// The picker of whose positions to show counts, for each party, what its positions view
/// lists (quotes, and statements without a quote of their own) among the events the
/// filters show, the party filter included, and says what it counts.
#[test]
fn the_positions_pickers_counts_are_what_each_positions_view_lists() {
    let mut app = browser::sample(120, 40);
    // Two parties in the filter: the positions view lists among the events it shows.
    update(&mut app, Action::Show(Opener::Picker(PickerKind::Party)));
    typed(&mut app, "israel");
    update(&mut app, Action::Toggle);
    for _ in 0.."israel".len() {
        update(&mut app, Action::DeleteChar);
    }
    typed(&mut app, "egypt");
    run(&mut app, &[Action::Toggle, Action::Open]);
    assert_eq!(app.query.parties.len(), 2);
    update(&mut app, Action::Show(Opener::Positions));
    update(&mut app, Action::Show(Opener::Picker(PickerKind::Party)));
    let s = screen(&app, 120, 40);
    assert!(s.contains("counts are quotes and statements"), "{s}");
    let Some(Overlay::Picker(p)) = app.overlays.last() else {
        panic!("no picker")
    };
    let counts: Vec<(String, usize)> = p
        .entries
        .iter()
        .map(|e| (e.label.clone(), e.count))
        .collect();
    let mut some_differ_from_the_quotes = false;
    for (label, count) in counts {
        update(&mut app, Action::Show(Opener::Picker(PickerKind::Party)));
        typed(&mut app, &label);
        update(&mut app, Action::Open);
        let Some(Overlay::List(l)) = app.overlays.last() else {
            panic!("no positions view for {label}")
        };
        assert_eq!(l.entries.len(), count, "{label}");
        let s = screen(&app, 120, 40);
        let heading = match count {
            1 => " · 1 quote or statement".to_owned(),
            n => format!(" · {n} quotes and statements"),
        };
        assert!(s.contains(&heading), "{label}: {s}");
        let party = app
            .log
            .parties
            .iter()
            .position(|p| p.name == label)
            .unwrap();
        let quotes = app
            .visible
            .iter()
            .flat_map(|&e| &app.log.events[e].quotes)
            .filter(|q| q.said_by(&app.log).contains(&party))
            .count();
        some_differ_from_the_quotes |= quotes != count;
    }
    assert!(some_differ_from_the_quotes, "the test tells the two apart");
}

/// A log from 2022 to May 2024, read in Cairo, whose first event is known only by its year
/// and whose last happened late on 3 May in New York (4 May in Cairo).
const YEARS: &str = "dateline: 1
title: Years
timezone: Africa/Cairo
events:
  - date: 2022
    kind: development
    title: Talks begin at some point
  - date: 2023-06-10
    kind: meeting
    title: A round in June
  - date: 2024-05-03T23:30-04:00
    kind: statement
    title: A late statement
";

/// The date-range prompt's examples are the open log's dates, as precise as the log says,
/// on its reading zone's calendar; its help fits the status line at every width.
#[test]
fn the_range_prompt_gives_examples_from_the_log_and_fits_the_line() {
    for w in [40u16, 60, 80, 100, 160] {
        let mut app = browser::open("years.yaml", YEARS, w, 24);
        update(&mut app, Action::Show(Opener::Range));
        let s = screen(&app, w, 24);
        let status = s.lines().last().unwrap().trim_matches('"').to_owned();
        assert!(!s.contains("2024-04"), "{s}");
        assert!(!status.contains('…'), "clipped at {w}: {status}");
        assert!(status.ends_with(" 1/3"), "{status}");
        if w >= 60 {
            assert!(status.contains("2022..2024-05-04"), "{w}: {status}");
        }
        if w >= 80 {
            assert!(
                status.contains("2022..2024-05-04, 2022.., ..2024-05"),
                "{w}: {status}"
            );
        }
        if w >= 160 {
            assert!(status.contains("Esc cancels"), "{status}");
        }
        // Typing takes the room of the help, never of what was typed.
        typed(&mut app, "2023-06..2024");
        let s = screen(&app, w, 24);
        let status = s.lines().last().unwrap().trim_matches('"').to_owned();
        assert!(status.starts_with("dates: 2023-06..2024█"), "{status}");
        assert!(!status.contains('…'), "clipped at {w}: {status}");
    }
    // A range that is not one is answered with the same examples.
    let mut app = browser::open("years.yaml", YEARS, 120, 24);
    update(&mut app, Action::Show(Opener::Range));
    typed(&mut app, "2024..May");
    update(&mut app, Action::Open);
    let m = app.message.clone().unwrap();
    assert!(m.starts_with("to: "), "{m}");
    assert!(
        m.ends_with("type 2022..2024-05-04, 2022.., ..2024-05 or 2022"),
        "{m}"
    );
}

const AUCKLAND: &str = "dateline: 1
title: Far away
timezone: Pacific/Auckland
events:
  - date: 2024-05-02
    kind: meeting
    title: A round on Thursday
  - date: 2024-05-04T10:00+12:00
    kind: statement
    title: A statement on Saturday morning
";

/// A range the wrong way round only on the reading zone's calendar is refused in words that
/// the status line holds at 80 columns: the time, on that zone's clock, that makes it so.
#[test]
fn a_backwards_range_says_why_within_80_columns() {
    let mut app = browser::open("auckland.yaml", AUCKLAND, 80, 24);
    update(&mut app, Action::Show(Opener::Range));
    typed(&mut app, "2024-05-03T23:00Z..2024-05-03");
    update(&mut app, Action::Open);
    let s = screen(&app, 80, 24);
    let status = s
        .lines()
        .last()
        .unwrap()
        .trim_matches('"')
        .trim_end()
        .to_owned();
    assert!(
        status.starts_with("backwards: 2024-05-03T23:00Z is Sat 4 May 11:00 Pacific/Auckland "),
        "{status}"
    );
    assert!(
        !status.contains('…') && status.ends_with(" 1/2"),
        "{status}"
    );
    assert_eq!((app.query.from, app.query.to), (None, None));
    // Days alone: which is after which, and what to do.
    update(&mut app, Action::Show(Opener::Range));
    typed(&mut app, "2024-05-04..2024-05-03");
    update(&mut app, Action::Open);
    let s = screen(&app, 80, 24);
    let status = s.lines().last().unwrap().trim_matches('"').to_owned();
    assert!(
        status.starts_with("backwards: 2024-05-04 is after 2024-05-03; swap them? "),
        "{status}"
    );
}

/// The positions view's title names the party whole at 80 columns, its keys shortened or
/// left to the status line, never cut.
#[test]
fn the_positions_title_fits_80_columns() {
    let mut app = browser::sample(80, 24);
    update(&mut app, Action::Show(Opener::Positions));
    update(&mut app, Action::Show(Opener::Picker(PickerKind::Party)));
    typed(&mut app, "united");
    update(&mut app, Action::Open);
    insta::assert_snapshot!("positions_united_states_80x24", screen(&app, 80, 24));
    let s = screen(&app, 80, 24);
    let title = s.lines().nth(2).unwrap();
    assert!(
        title.contains(" Positions of United States · p another party · Enter event · Esc back ─"),
        "{title}"
    );
    let s = screen(&app, 120, 40);
    assert!(
        s.contains(
            " Positions of United States · p another party · Enter goes to the event · Esc back ─"
        ),
        "{s}"
    );
}
