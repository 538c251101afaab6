//! The browser's behaviour, driven through actions on its state, without a terminal.

use crate::common::browser::{self, screen, select};
use dateline::model::EventIx;
use dateline::tui::app::{Focus, Overlay};
use dateline::tui::input::keymap::Mode;
use dateline::tui::overlays::Opener;
use dateline::tui::overlays::picker::PickerKind;
use dateline::tui::{Action, App, update};

fn sample() -> App {
    browser::sample(80, 24)
}

fn fixture(yaml: &str) -> App {
    browser::open("fixture.yaml", yaml, 80, 24)
}

fn resize(app: &mut App, width: u16, height: u16) {
    update(app, Action::Resize { width, height });
}

fn act(app: &mut App, actions: &[Action]) {
    for &a in actions {
        update(app, a);
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Action::Input(c));
    }
}

fn party(app: &App, id: &str) -> usize {
    app.log.party(id).expect("party exists")
}

#[test]
fn party_picker_narrows_by_typing_and_enter_applies_the_entry_under_the_cursor() {
    let mut app = sample();
    let hamas = party(&app, "hamas");
    update(&mut app, Action::Show(Opener::Picker(PickerKind::Party)));
    assert_eq!(app.mode(), Mode::Picker);
    type_text(&mut app, "hmas");
    let p = app.picker().unwrap();
    assert_eq!(
        p.current().unwrap().key,
        hamas,
        "fuzzy match puts Hamas first"
    );
    update(&mut app, Action::Open);
    assert_eq!(app.mode(), Mode::Browse);
    let expected: Vec<EventIx> = (0..app.log.events.len())
        .filter(|&i| app.log.events[i].parties.contains(&hamas))
        .collect();
    assert!(!expected.is_empty() && expected.len() < app.log.events.len());
    assert_eq!(app.visible, expected);
    assert!(app.selected.is_some_and(|s| expected.contains(&s)));
}

#[test]
fn picker_counts_are_the_events_each_entry_would_show() {
    let mut app = sample();
    update(&mut app, Action::Show(Opener::Picker(PickerKind::Party)));
    let p = app.picker().unwrap().clone();
    assert_eq!(p.entries.len(), app.log.parties.len());
    for e in &p.entries {
        let n = app
            .log
            .events
            .iter()
            .filter(|ev| ev.parties.contains(&e.key))
            .count();
        assert_eq!(e.count, n, "count of {}", e.label);
    }
}

#[test]
fn space_toggles_several_entries_which_combine_with_or_and_esc_cancels() {
    let mut app = sample();
    let (us, hamas) = (party(&app, "us"), party(&app, "hamas"));
    update(&mut app, Action::Show(Opener::Picker(PickerKind::Party)));
    type_text(&mut app, "united states");
    update(&mut app, Action::Toggle);
    for _ in 0.."united states".len() {
        update(&mut app, Action::DeleteChar);
    }
    type_text(&mut app, "hamas");
    update(&mut app, Action::Toggle);
    update(&mut app, Action::Open);
    let expected: Vec<EventIx> = (0..app.log.events.len())
        .filter(|&i| {
            let ps = &app.log.events[i].parties;
            ps.contains(&us) || ps.contains(&hamas)
        })
        .collect();
    assert_eq!(app.visible, expected);

    let before = app.query.clone();
    update(&mut app, Action::Show(Opener::Picker(PickerKind::Party)));
    update(&mut app, Action::Toggle);
    update(&mut app, Action::Back);
    assert_eq!(app.query, before, "Esc leaves the filter as it was");
    assert_eq!(app.mode(), Mode::Browse);
}

#[test]
fn filters_combine_with_and_across_pickers() {
    let mut app = sample();
    update(&mut app, Action::Show(Opener::Picker(PickerKind::Kind)));
    type_text(&mut app, "statement");
    update(&mut app, Action::Open);
    let israel = party(&app, "israel");
    update(&mut app, Action::ToggleParty(israel));
    let expected: Vec<EventIx> = (0..app.log.events.len())
        .filter(|&i| {
            let e = &app.log.events[i];
            e.kind == dateline::model::Kind::Statement && e.parties.contains(&israel)
        })
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(app.visible, expected);
    update(&mut app, Action::ClearFilters);
    assert_eq!(app.visible.len(), app.log.events.len());
    assert!(app.query.is_empty());
}

#[test]
fn digits_toggle_the_nth_party_and_zero_clears() {
    let mut app = sample();
    update(&mut app, Action::ToggleParty(1));
    assert_eq!(app.query.parties.iter().copied().collect::<Vec<_>>(), [1]);
    update(&mut app, Action::ToggleParty(2));
    assert_eq!(app.query.parties.len(), 2);
    update(&mut app, Action::ToggleParty(1));
    assert_eq!(app.query.parties.iter().copied().collect::<Vec<_>>(), [2]);
    update(&mut app, Action::ClearParties);
    assert!(app.query.parties.is_empty());
    update(&mut app, Action::ToggleParty(50));
    assert!(app.query.parties.is_empty(), "no 51st party");
    assert!(app.message.is_some());
}

const QUOTED_ONLY: &str = r#"
title: Fixture
parties:
  - {id: a, name: Alpha}
  - {id: b, name: Beta}
actors:
  - {id: ann, name: Ann, party: a}
  - {id: bob, name: Bob, party: b}
sources:
  - {id: s1, outlet: Daily, title: Report, byline: [Zed], published: 2024-01-02, url: "https://example.org/r"}
events:
  - id: e1
    date: 2024-01-01
    kind: meeting
    title: Ann meets
    actors: [ann]
  - id: e2
    date: 2024-01-02T10:00+02:00
    kind: statement
    title: Bob is quoted only
    quotes:
      - {text: "We will see.", speaker: bob, source: s1}
  - id: e3
    date: 2024-01-20
    kind: call
    title: Anonymous Beta official
    related: [e2]
    quotes:
      - {text: "Not yet", attribution: an official, party: b, paraphrase: true}
"#;

#[test]
fn an_actor_or_party_matches_when_only_quoted() {
    let mut app = fixture(QUOTED_ONLY);
    update(&mut app, Action::Show(Opener::Picker(PickerKind::Actor)));
    type_text(&mut app, "bob");
    update(&mut app, Action::Open);
    let ids: Vec<&str> = app
        .visible
        .iter()
        .map(|&i| app.log.events[i].id.as_str())
        .collect();
    assert_eq!(ids, ["e2"]);
    update(&mut app, Action::ClearFilters);
    update(&mut app, Action::ToggleParty(1)); // Beta: Bob's quote, and the unnamed official
    let ids: Vec<&str> = app
        .visible
        .iter()
        .map(|&i| app.log.events[i].id.as_str())
        .collect();
    assert_eq!(ids, ["e2", "e3"]);
}

#[test]
fn a_hidden_selection_moves_to_the_nearest_in_time_and_returns_when_cleared() {
    let mut app = sample();
    let us = party(&app, "us");
    // An event without the US, between two that have it.
    let n = app.log.events.len();
    let target = (1..n)
        .find(|&i| {
            let has = |j: usize| app.log.events[j].parties.contains(&us);
            !has(i) && (0..i).any(has) && (i + 1..n).any(has)
        })
        .expect("sample has such an event");
    select(&mut app, target);
    update(&mut app, Action::ToggleParty(us));
    let t = app.log.events[target].date.start_ts();
    let best = app
        .visible
        .iter()
        .map(|&v| (app.log.events[v].date.start_ts() - t).abs())
        .min()
        .unwrap();
    let sel = app.selected.expect("something is selected");
    assert!(app.visible.contains(&sel));
    assert_eq!((app.log.events[sel].date.start_ts() - t).abs(), best);
    update(&mut app, Action::ClearParties);
    assert_eq!(app.selected, Some(target), "the earlier selection returns");
}

#[test]
fn moving_while_filtered_makes_the_new_place_stick() {
    let mut app = sample();
    select(&mut app, 0);
    let hamas = party(&app, "hamas");
    update(&mut app, Action::ToggleParty(hamas));
    update(&mut app, Action::Bottom);
    let chosen = app.selected;
    update(&mut app, Action::ClearParties);
    assert_eq!(app.selected, chosen);
}

#[test]
fn a_filter_that_hides_everything_keeps_the_place_for_later() {
    let mut app = sample();
    update(&mut app, Action::Down);
    let place = app.selected;
    update(&mut app, Action::Show(Opener::Search));
    type_text(&mut app, "zzqxnomatch");
    assert!(app.search_prompt().unwrap().hits.is_empty());
    update(&mut app, Action::Open);
    assert!(app.visible.is_empty());
    assert_eq!(app.selected, None);
    update(&mut app, Action::ClearFilters);
    assert_eq!(app.selected, place);
}

#[test]
fn incremental_search_jumps_to_matches_enter_keeps_it_and_esc_cancels() {
    let mut app = sample();
    let expected = app.index.find(&app.log, "cairo");
    assert!(expected.len() > 1 && expected.len() < app.log.events.len());
    let start = app.selected;
    update(&mut app, Action::Show(Opener::Search));
    type_text(&mut app, "Cairo");
    assert_eq!(app.search_prompt().unwrap().hits, expected);
    assert_eq!(app.selected, expected.first().copied());
    assert_eq!(
        app.visible.len(),
        app.log.events.len(),
        "typing does not filter yet"
    );
    update(&mut app, Action::NextMatch);
    assert_eq!(app.selected, Some(expected[1]));
    update(&mut app, Action::Back);
    assert_eq!(app.selected, start, "Esc goes back to where the reader was");
    assert!(app.query.search.is_empty());

    update(&mut app, Action::Show(Opener::Search));
    type_text(&mut app, "cairo");
    update(&mut app, Action::Open);
    assert_eq!(app.query.search, "cairo");
    assert_eq!(app.visible, expected);
    let first = app.selected;
    update(&mut app, Action::NextMatch);
    assert_ne!(app.selected, first);
    update(&mut app, Action::PrevMatch);
    assert_eq!(app.selected, first);
}

/// The search prompt's help gives way to what was typed: the longest that fits beside the
/// text and the count of matches, never cut mid-word, at every width.
/// Typed text wider than the status line shows its end, after `…`, with the cursor: the
/// reader sees what they are typing, in every prompt.
#[test]
fn a_prompt_longer_than_its_line_shows_its_end_and_the_cursor() {
    let long = "hamas delegation cairo ceasefire proposal hostages release";
    for (opener, sign) in [
        (Opener::Search, "/"),
        (Opener::Jump, ":"),
        (Opener::Range, "dates: "),
        (
            Opener::Picker(dateline::tui::overlays::picker::PickerKind::Actor),
            "> ",
        ),
    ] {
        for w in [30u16, 40] {
            let mut app = browser::sample(w, 24);
            update(&mut app, Action::Show(opener));
            type_text(&mut app, long);
            let s = screen(&app, w, 24);
            assert!(s.contains("release█"), "{sign} at {w}: {s}");
            assert!(s.contains(&format!("{sign}…")), "{sign} at {w}: {s}");
        }
    }
}

#[test]
fn the_search_prompts_help_fits_beside_what_is_typed() {
    for w in [40u16, 60, 80, 120] {
        for text in [
            "cairo",
            "cairo ceasefire talks hostages",
            "hamas delegation cairo ceasefire proposal hostages release",
        ] {
            let mut app = browser::sample(w, 24);
            update(&mut app, Action::Show(Opener::Search));
            type_text(&mut app, text);
            let s = screen(&app, w, 24);
            let status = s.lines().last().unwrap().trim_matches('"').to_owned();
            assert!(
                status.starts_with(&format!("/{text}█  ")) || w < 80,
                "{status}"
            );
            // Only text longer than the line is cut.
            if text.len() + 8 < w as usize {
                assert!(!status.contains('…'), "cut at {w}: {status}");
            }
            if w == 80 && text == "cairo" {
                assert!(
                    status.contains("↓↑ matches · Enter keeps · Esc cancels"),
                    "{status}"
                );
            }
            if w >= 120 && text == "cairo" {
                assert!(
                    status.contains("next/previous match · Enter keeps it as a filter"),
                    "{status}"
                );
            }
        }
    }
    let mut app = sample();
    update(&mut app, Action::Show(Opener::Search));
    type_text(&mut app, "hamas delegation cairo ceasefire proposal");
    insta::assert_snapshot!("search_prompt_long_80x24", screen(&app, 80, 24));
}

#[test]
fn search_ignores_accents_and_case() {
    let mut app = fixture(QUOTED_ONLY);
    update(&mut app, Action::Show(Opener::Search));
    type_text(&mut app, "BÖB");
    let hits: Vec<&str> = app
        .search_prompt()
        .unwrap()
        .hits
        .iter()
        .map(|&i| app.log.events[i].id.as_str())
        .collect();
    assert_eq!(hits, ["e2"]);
}

#[test]
fn keys_move_by_event_page_and_day() {
    let mut app = sample();
    let n = app.visible.len();
    update(&mut app, Action::Bottom);
    assert_eq!(app.selected, app.visible.last().copied());
    update(&mut app, Action::Down);
    assert_eq!(
        app.selected,
        app.visible.last().copied(),
        "stays at the end"
    );
    update(&mut app, Action::Top);
    assert_eq!(app.selected, Some(app.visible[0]));
    update(&mut app, Action::PageDown);
    let page = app.selected_pos().unwrap();
    assert!(page > 1 && page < n);
    update(&mut app, Action::PageUp);
    assert_eq!(app.selected_pos(), Some(0));
    // ]: the first event of the next day (or month) header.
    update(&mut app, Action::NextDay);
    let day = |app: &App, ix: EventIx| app.log.events[ix].date.human_day();
    let cur = app.selected.unwrap();
    let prev = app.visible[app.selected_pos().unwrap() - 1];
    assert_ne!(day(&app, cur), day(&app, prev));
    update(&mut app, Action::PrevDay);
    assert_eq!(app.selected_pos(), Some(0));
}

#[test]
fn related_events_are_followed_from_the_details_and_backspace_returns() {
    let mut app = fixture(QUOTED_ONLY);
    let e3 = app.log.event("e3").unwrap();
    let e2 = app.log.event("e2").unwrap();
    select(&mut app, e3);
    update(&mut app, Action::FocusNext);
    assert_eq!(app.focus, Focus::Details);
    update(&mut app, Action::Open);
    assert_eq!(app.selected, Some(e2));
    // e2 lists e3 as what answered it: follow it back the other way.
    assert_eq!(app.links(), [e3]);
    update(&mut app, Action::JumpBack);
    assert_eq!(app.selected, Some(e3));
}

#[test]
fn enter_opens_the_quotes_and_esc_returns() {
    let mut app = fixture(QUOTED_ONLY);
    let e1 = app.log.event("e1").unwrap();
    select(&mut app, e1);
    update(&mut app, Action::Open);
    assert_eq!(app.mode(), Mode::Browse, "no quotes, nothing to open");
    assert!(app.message.is_some());
    update(&mut app, Action::Down);
    update(&mut app, Action::Open);
    assert!(matches!(app.overlays.last(), Some(Overlay::Quotes { .. })));
    let s = screen(&app, 80, 24);
    assert!(s.contains("“We will see.”"), "{s}");
    assert!(s.contains("Bob (Beta)"), "{s}");
    assert!(s.contains("Daily, “Report”, by Zed"), "{s}");
    assert!(s.contains("https://example.org/r"), "{s}");
    update(&mut app, Action::Back);
    assert_eq!(app.mode(), Mode::Browse);
}

#[test]
fn paraphrase_never_gets_quotation_marks_and_a_missing_source_is_said() {
    let mut app = fixture(QUOTED_ONLY);
    let e3 = app.log.event("e3").unwrap();
    select(&mut app, e3);
    update(&mut app, Action::Open);
    let s = screen(&app, 80, 24);
    assert!(s.contains("paraphrase"), "{s}");
    assert!(s.contains("Not yet"), "{s}");
    assert!(!s.contains("“Not yet"), "{s}");
    assert!(s.contains("an official (Beta)"), "{s}");
    assert!(s.contains("no source given"), "{s}");
}

#[test]
fn quit_from_any_mode() {
    for open in [
        None,
        Some(Action::Show(Opener::Help)),
        Some(Action::Show(Opener::Search)),
        Some(Action::Show(Opener::Picker(PickerKind::Actor))),
    ] {
        let mut app = sample();
        if let Some(a) = open {
            update(&mut app, a);
        }
        update(&mut app, Action::Quit);
        assert!(app.quit);
    }
}

#[test]
fn the_help_lists_every_binding_of_the_keymap() {
    let mut app = sample();
    update(&mut app, Action::Show(Opener::Help));
    let w = 120;
    let lines = dateline::tui::overlays::help::lines(&app, w);
    let text: Vec<String> = lines
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    for b in dateline::tui::input::keymap::BINDINGS {
        assert!(
            text.iter().any(|l| l.contains(b.help)),
            "help lacks {:?}",
            b.help
        );
    }
}

#[test]
fn every_state_at_every_size_renders_without_panic() {
    let states: Vec<Vec<Action>> = vec![
        vec![],
        vec![Action::FocusNext],
        vec![Action::Open],
        vec![Action::Show(Opener::Help)],
        vec![Action::Show(Opener::Picker(PickerKind::Actor))],
        vec![Action::Show(Opener::Search), Action::Input('a')],
        vec![Action::ToggleParty(0), Action::Bottom],
    ];
    let sizes = [
        (1, 1),
        (0, 0),
        (2, 30),
        (19, 4),
        (20, 5),
        (21, 9),
        (40, 12),
        (99, 7),
        (100, 8),
        (250, 70),
    ];
    for state in &states {
        for &(w, h) in &sizes {
            let mut app = sample();
            resize(&mut app, w, h);
            act(&mut app, state);
            for a in [
                Action::PageDown,
                Action::Down,
                Action::Bottom,
                Action::Click { col: 3, row: 3 },
            ] {
                update(&mut app, a);
                screen(&app, w.max(1), h.max(1));
            }
            assert!(app.selected.is_none_or(|s| app.visible.contains(&s)));
        }
    }
}

#[test]
fn too_small_terminals_say_so() {
    let mut app = sample();
    resize(&mut app, 19, 4);
    assert!(screen(&app, 19, 4).contains("too small"));
}

#[test]
fn control_characters_in_a_log_never_reach_the_screen() {
    let yaml = "events:\n  - {date: 2024-01-01, kind: call, title: \"evil\\e[31m\\u202Etitle\", summary: \"a\\u0007b\"}\n";
    let mut app = fixture(yaml);
    update(&mut app, Action::FocusNext);
    let s = screen(&app, 100, 20);
    assert!(!s.contains('\u{1b}') && !s.contains('\u{202e}') && !s.contains('\u{7}'));
    assert!(s.contains("evil\u{241b}[31m"), "{s}");
}

#[test]
fn a_click_selects_the_event_on_that_row() {
    let mut app = sample();
    let a = dateline::tui::layout::areas(&app);
    // Rows are laid out from the top of the timeline; find the third event's row.
    let target_pos = 2;
    let row = app.rows.event_row[target_pos] - app.scroll;
    update(
        &mut app,
        Action::Click {
            col: a.timeline.x + 5,
            row: a.timeline.y + row as u16,
        },
    );
    assert_eq!(app.selected_pos(), Some(target_pos));
}

#[test]
fn a_key_press_does_not_walk_the_log() {
    // 100,000 events: a hundred key presses must not take longer than one filter change
    // would a hundred times over; with O(log n) moves they take microseconds.
    let mut yaml = String::from(
        "parties: [{id: p, name: P}]\nactors: [{id: a, name: A, party: p}]\nevents:\n",
    );
    for i in 0..20_000 {
        let day = i % 28 + 1;
        let month = i / 28 % 12 + 1;
        let year = 2000 + i / 336;
        yaml.push_str(&format!(
            "  - {{date: {year:04}-{month:02}-{day:02}, kind: call, title: Event {i}, actors: [a]}}\n"
        ));
    }
    let mut app = fixture(&yaml);
    let start = std::time::Instant::now();
    for _ in 0..1000 {
        update(&mut app, Action::Down);
        update(&mut app, Action::NextDay);
        update(&mut app, Action::PageDown);
    }
    let moves = start.elapsed();
    let start = std::time::Instant::now();
    update(&mut app, Action::ToggleParty(0));
    let one_filter = start.elapsed();
    assert!(
        moves < one_filter * 50,
        "3000 moves took {moves:?}, one filter change {one_filter:?}"
    );
}

#[test]
fn typing_a_name_with_a_space_in_a_picker_picks_that_name() {
    let mut app = browser::sample(120, 40);
    browser::press(&mut app, "ahamas delegation");
    let s = screen(&app, 120, 40);
    assert!(s.contains("> hamas delegation"), "{s}");
    assert!(s.contains("Enter: Hamas delegation"), "{s}");
    assert!(!s.contains("[x]"), "the space ticked nothing: {s}");
    browser::press(&mut app, "\n");
    let delegation = app.log.actor("hamas-delegation").unwrap();
    assert_eq!(
        app.query.actors.iter().copied().collect::<Vec<_>>(),
        [delegation]
    );
    // Space ticks before anything is typed, Tab at any time; Enter applies the ticks.
    browser::press(&mut app, "ca ");
    assert!(screen(&app, 120, 40).contains("[x]"));
    browser::press(&mut app, "egypt\t\n");
    assert_eq!(app.query.actors.len(), 2, "{:?}", app.query.actors);
}

#[test]
fn the_party_picker_shows_the_digit_that_toggles_each_party() {
    let mut app = browser::sample(120, 40);
    browser::press(&mut app, "p");
    let s = screen(&app, 120, 40);
    for (i, p) in app.log.parties.iter().enumerate().take(9) {
        assert!(s.contains(&format!("[ ] {} {}", i + 1, p.name)), "{s}");
    }
}

#[test]
fn the_key_bar_fits_the_width_and_always_offers_help() {
    for w in [40, 60, 80, 100, 120, 160, 200] {
        let mut app = browser::sample(w, 24);
        app.message = None;
        let s = screen(&app, w, 24);
        let bar = s.lines().last().unwrap();
        assert!(bar.contains("? help"), "{w}: {bar}");
        assert!(!bar.contains('…'), "{w}: a hint is cut: {bar}");
        assert!(bar.contains("j move"), "{w}: {bar}");
        if w >= 120 {
            assert!(
                bar.contains("L lanes") && bar.contains("/ search"),
                "{w}: {bar}"
            );
        }
    }
}

#[test]
fn enter_on_a_related_event_hidden_by_the_filters_offers_to_go_there_and_backspace_brings_them_back()
 {
    let mut app = browser::sample(120, 40);
    let (from, to) = (0..app.log.events.len())
        .find_map(|i| {
            let e = &app.log.events[i];
            let r = *e.related.first()?;
            (app.log.events[r].kind != e.kind).then_some((i, r))
        })
        .expect("an event answering one of another kind");
    let kind = app.log.events[from].kind.as_str();
    browser::press(&mut app, &format!("t{kind}\n"));
    assert!(!app.is_visible(to));
    let filters = app.query.clone();
    select(&mut app, from);
    browser::press(&mut app, "\t\n");
    assert_eq!(app.selected, Some(from), "the first Enter only offers");
    let s = screen(&app, 120, 40);
    assert!(
        s.contains("hidden by the filters: Enter again clears them"),
        "{s}"
    );
    browser::press(&mut app, "\n");
    assert_eq!(app.selected, Some(to));
    assert!(app.query.kinds.is_empty());
    assert!(screen(&app, 120, 40).contains("Backspace brings them back"));
    browser::press(&mut app, "\x08");
    assert_eq!(app.query, filters);
    assert_eq!(app.selected, Some(from));
}

#[test]
fn n_says_when_the_search_wraps_round_the_end() {
    let mut app = sample();
    browser::press(&mut app, "/cairo\n");
    browser::press(&mut app, "n");
    assert_eq!(app.message, None, "not wrapped yet");
    browser::press(&mut app, "Gn");
    assert_eq!(app.selected, app.visible.first().copied());
    let s = screen(&app, 80, 24);
    assert!(s.contains("search wrapped"), "{s}");
    browser::press(&mut app, "N");
    assert_eq!(app.selected, app.visible.last().copied());
    assert!(screen(&app, 80, 24).contains("search wrapped"));
}
