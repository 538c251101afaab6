//! The lanes, thread and positions views: snapshots at several sizes on a log of
//! nine parties (more than fit), and behaviour through actions.

use crate::common::browser::{self, screen_now as screen, select_id as select};
use dateline::filter::Query;
use dateline::load::load_str;
use dateline::tui::app::Overlay;
use dateline::tui::input::keymap::{Mode, hints};
use dateline::tui::lanes::Lane;
use dateline::tui::overlays::Opener;
use dateline::tui::overlays::event_list::ListKind;
use dateline::tui::overlays::picker::PickerKind;
use dateline::tui::{Action, App, ColorMode, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;

/// Nine parties; a meeting of three neighbours, a call of two, a meeting of two lanes
/// apart, an event of no party, a thread of four answers, a paraphrase.
const MANY: &str = r#"title: Many sides
parties:
  - {id: us, name: United States}
  - {id: israel, name: Israel}
  - {id: hamas, name: Hamas}
  - {id: qatar, name: Qatar}
  - {id: egypt, name: Egypt}
  - {id: un, name: United Nations}
  - {id: jordan, name: Jordan}
  - {id: saudi, name: Saudi Arabia}
  - {id: turkey, name: Turkey}
actors:
  - {id: burns, name: William Burns, party: us, role: CIA director}
  - {id: barnea, name: David Barnea, party: israel, role: Mossad chief}
  - {id: haniyeh, name: Ismail Haniyeh, party: hamas, role: political leader}
  - {id: mbar, name: Mohammed bin Abdulrahman al-Thani, party: qatar, role: prime minister}
  - {id: kamel, name: Abbas Kamel, party: egypt, role: intelligence chief}
  - {id: guterres, name: António Guterres, party: un, role: secretary-general}
  - {id: safadi, name: Ayman Safadi, party: jordan, role: foreign minister}
  - {id: faisal, name: Faisal bin Farhan, party: saudi, role: foreign minister}
  - {id: fidan, name: Hakan Fidan, party: turkey, role: foreign minister}
sources:
  - {id: wire, outlet: Wire Service, title: Talks resume, byline: [A Reporter], published: 2024-05-03}
events:
  - id: egypt-proposal
    date: 2024-04-26
    kind: proposal
    title: Egypt puts a new proposal to both sides
    actors: [kamel]
    topics: [ceasefire, hostages]
  - id: un-appeal
    date: 2024-04-27T10:00+02:00
    kind: statement
    title: UN chief appeals for a ceasefire
    actors: [guterres]
  - id: hamas-first-answer
    date: 2024-04-28
    kind: response
    title: Hamas says it is studying the proposal
    related: [egypt-proposal]
    topics: [ceasefire]
    quotes:
      - text: We are studying the proposal with a positive spirit.
        speaker: haniyeh
        source: wire
  - id: three-way-meeting
    date: 2024-04-29T18:30+03:00
    kind: meeting
    title: Hamas, Qatari and Egyptian officials meet in Doha
    actors: [haniyeh, mbar, kamel]
    location: Doha
  - id: us-israel-call
    date: 2024-04-29T20:00Z
    kind: call
    title: Burns and Barnea speak by phone
    actors: [burns, barnea]
  - id: us-egypt-meeting
    date: 2024-04-30
    kind: meeting
    title: Burns meets Kamel in Cairo
    actors: [burns, kamel]
    location: Cairo
  - id: israel-reply
    date: 2024-05-01
    kind: response
    title: Israel answers through the mediators
    related: [hamas-first-answer]
    quotes:
      - text: Israel would not agree to end the war before its goals are met.
        attribution: a senior Israeli official
        party: israel
        paraphrase: true
        source: wire
  - id: regional-ministers
    date: 2024-05-02
    kind: meeting
    title: Jordanian, Saudi and Turkish ministers meet
    actors: [safadi, faisal, fidan]
  - id: markets
    date: 2024-05-02
    kind: development
    title: Oil prices fall on hopes of a truce
  - id: hamas-conditions
    date: 2024-05-20
    kind: statement
    status: expected
    title: Hamas to set out its conditions
    related: [israel-reply]
    topics: [withdrawal]
    quotes:
      - text: Any deal must include a full withdrawal.
        speaker: haniyeh
        source: wire
"#;

fn app(yaml: &str, w: u16, h: u16) -> App {
    browser::open("many.yaml", yaml, w, h)
}

fn run(app: &mut App, actions: &[Action]) {
    for &a in actions {
        update(app, a);
    }
}

/// The row of the screen holding `text`, as a string.
fn row_with(screen: &str, text: &str) -> Option<String> {
    screen.lines().find(|l| l.contains(text)).map(str::to_owned)
}

fn lanes_of(app: &App) -> Vec<String> {
    app.lanes
        .lanes
        .iter()
        .map(|l| match l {
            Lane::Party(p) => app.log.parties[*p].id.clone(),
            Lane::NoParty => "-".into(),
        })
        .collect()
}

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 50)];

#[test]
fn snapshot_lanes_with_a_meeting_spanning_three_lanes() {
    for (w, h) in SIZES {
        let mut a = app(MANY, w, h);
        run(&mut a, &[Action::ToggleLanes]);
        select(&mut a, "three-way-meeting");
        insta::assert_snapshot!(format!("lanes_{w}x{h}"), screen(&a));
    }
}

#[test]
fn snapshot_lanes_scrolled_to_the_right() {
    for (w, h) in SIZES {
        let mut a = app(MANY, w, h);
        run(&mut a, &[Action::ToggleLanes]);
        select(&mut a, "regional-ministers");
        for _ in 0..20 {
            update(&mut a, Action::ScrollLanes(1));
        }
        insta::assert_snapshot!(format!("lanes_scrolled_{w}x{h}"), screen(&a));
    }
}

#[test]
fn snapshot_lanes_on_the_sample_log() {
    let loaded = load_str(dateline::SAMPLE_NAME, dateline::SAMPLE).expect("sample loads");
    let mut a = App::new(loaded, Query::default(), ColorMode::None);
    update(
        &mut a,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    run(
        &mut a,
        &[
            Action::ToggleLanes,
            Action::Down,
            Action::Down,
            Action::Down,
        ],
    );
    insta::assert_snapshot!("lanes_sample_120x40", screen(&a));
}

#[test]
fn snapshot_thread_and_positions() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app(MANY, w, h);
        select(&mut a, "hamas-first-answer");
        update(&mut a, Action::Show(Opener::Thread));
        insta::assert_snapshot!(format!("thread_{w}x{h}"), screen(&a));
        run(&mut a, &[Action::Back]);
        select(&mut a, "israel-reply");
        update(&mut a, Action::Show(Opener::Positions));
        insta::assert_snapshot!(format!("positions_paraphrase_{w}x{h}"), screen(&a));
        run(&mut a, &[Action::Back]);
        select(&mut a, "hamas-first-answer");
        update(&mut a, Action::Show(Opener::Positions));
        insta::assert_snapshot!(format!("positions_{w}x{h}"), screen(&a));
    }
}

#[test]
fn l_toggles_the_lanes_and_keeps_the_selection() {
    let mut a = app(MANY, 120, 40);
    select(&mut a, "us-egypt-meeting");
    let before = a.selected;
    let list = screen(&a);
    update(&mut a, Action::ToggleLanes);
    assert!(a.lanes.on);
    assert_eq!(a.selected, before);
    let lanes = screen(&a);
    assert_ne!(lanes, list);
    // The lane names row, and the selected event in the US lane.
    assert!(row_with(&lanes, "United States").is_some_and(|r| r.contains("Israel")));
    assert!(row_with(&lanes, "▶30 Apr").is_some_and(|r| r.contains("MEET Burns meets")));
    update(&mut a, Action::ToggleLanes);
    assert!(!a.lanes.on);
    assert_eq!(a.selected, before);
    assert_eq!(screen(&a), list);
}

#[test]
fn in_the_lanes_j_and_k_move_through_the_events_in_time_order() {
    let mut a = app(MANY, 120, 40);
    update(&mut a, Action::ToggleLanes);
    update(&mut a, Action::Top);
    let mut seen = vec![a.selected.unwrap()];
    loop {
        update(&mut a, Action::Down);
        if a.selected == seen.last().copied() {
            break;
        }
        seen.push(a.selected.unwrap());
    }
    assert_eq!(seen, a.visible);
    update(&mut a, Action::Up);
    assert_eq!(a.selected, Some(a.visible[a.visible.len() - 2]));
}

#[test]
fn lanes_are_the_parties_with_events_in_log_order_then_no_party() {
    let mut a = app(MANY, 120, 40);
    assert_eq!(
        lanes_of(&a),
        [
            "us", "israel", "hamas", "qatar", "egypt", "un", "jordan", "saudi", "turkey", "-"
        ]
    );
    // A party filter: only its parties, in the log's order whatever the order chosen.
    let (hamas, egypt) = (a.log.party("hamas").unwrap(), a.log.party("egypt").unwrap());
    run(
        &mut a,
        &[Action::ToggleParty(egypt), Action::ToggleParty(hamas)],
    );
    assert_eq!(lanes_of(&a), ["hamas", "egypt"]);
    update(&mut a, Action::ToggleLanes);
    select(&mut a, "three-way-meeting");
    let s = screen(&a);
    // The meeting joins both lanes, which are neighbours now: one cell spans them.
    let row = row_with(&s, "▶29 Apr").unwrap();
    assert_eq!(row.matches("MEET").count(), 1, "{row}");
    assert!(row.contains("├MEET Hamas, Qatari and Egyptian"), "{row}");
    // A kind filter that leaves only the development: its lane is the no-party lane.
    run(&mut a, &[Action::ClearFilters]);
    update(&mut a, Action::Show(Opener::Picker(PickerKind::Kind)));
    for c in "development".chars() {
        update(&mut a, Action::Input(c));
    }
    update(&mut a, Action::Open);
    assert!(
        a.query
            .kinds
            .iter()
            .eq([&dateline::model::Kind::Development]),
        "{:?}",
        a.query.kinds
    );
    assert_eq!(lanes_of(&a), ["-"]);
    assert!(screen(&a).contains("(no party)"));
}

#[test]
fn parties_apart_get_a_cell_each_and_neighbours_share_one() {
    let mut a = app(MANY, 200, 50);
    update(&mut a, Action::ToggleLanes);
    let s = screen(&a);
    // US and Egypt are lanes 1 and 5: two cells on one row.
    let row = row_with(&s, "Burns meets").unwrap();
    assert_eq!(row.matches("Burns meets").count(), 2, "{row}");
    // US and Israel are neighbours: one cell over both.
    let row = row_with(&s, "Burns and Barnea").unwrap();
    assert_eq!(row.matches("Burns and Barnea").count(), 1, "{row}");
    assert!(row.contains("├CALL"), "{row}");
}

#[test]
fn lanes_scroll_sideways_within_bounds() {
    let mut a = app(MANY, 80, 24);
    update(&mut a, Action::ScrollLanes(1));
    assert_eq!(a.lanes.first, 0, "h/l do nothing in the list");
    assert!(a.message.as_deref().is_some_and(|m| m.contains("L")));
    update(&mut a, Action::ToggleLanes);
    let total = a.lanes.lanes.len();
    let fit = a.lanes.fitting(a.width as usize, a.rows.has_times());
    assert!(fit >= 1 && fit < total, "more lanes than fit at 80 columns");
    for _ in 0..total + 3 {
        update(&mut a, Action::ScrollLanes(-1));
    }
    assert_eq!(a.lanes.first, 0);
    assert_eq!(a.message.as_deref(), Some("already at the first lane"));
    let s = screen(&a);
    assert!(s.contains(&format!("{} more ›", total - fit)));
    assert!(!s.contains("‹"));
    for _ in 0..total + 3 {
        update(&mut a, Action::ScrollLanes(1));
    }
    assert_eq!(a.lanes.first, total - fit);
    assert_eq!(a.message.as_deref(), Some("already at the last lane"));
    let s = screen(&a);
    assert!(s.contains(&format!("‹ {} more", total - fit)));
    assert!(!s.contains("more ›"));
    // Wider, more lanes fit and the scroll is clamped.
    update(
        &mut a,
        Action::Resize {
            width: 200,
            height: 50,
        },
    );
    let fit = a.lanes.fitting(110, a.rows.has_times());
    assert!(a.lanes.first <= total - fit);
}

#[test]
fn the_selection_brings_its_lane_on_screen() {
    let mut a = app(MANY, 80, 24);
    update(&mut a, Action::ToggleLanes);
    update(&mut a, Action::Top);
    let row = row_with(&screen(&a), "▶26 Apr").unwrap();
    assert!(
        row.contains("PROP Egypt"),
        "the first event is Egypt's: {row}"
    );
    select(&mut a, "regional-ministers");
    let s = screen(&a);
    let row = row_with(&s, "▶2 May").unwrap();
    assert!(row.contains("├MEET Jordanian"), "{row}");
    assert!(!row.contains('›'), "the whole meeting shows: {row}");
    // The reader's own scrolling holds until the selection moves.
    let first = a.lanes.first;
    update(&mut a, Action::ScrollLanes(-1));
    assert_eq!(a.lanes.first, first - 1);
}

#[test]
fn enter_opens_the_quotes_and_a_click_selects_in_the_lanes() {
    let mut a = app(MANY, 120, 40);
    update(&mut a, Action::ToggleLanes);
    select(&mut a, "hamas-first-answer");
    update(&mut a, Action::Open);
    assert_eq!(a.mode(), Mode::Quotes);
    update(&mut a, Action::Back);
    let s = screen(&a);
    let y = s.lines().position(|l| l.contains("Hamas, Qatari")).unwrap() as u16;
    update(&mut a, Action::Click { col: 30, row: y });
    assert_eq!(a.selected, a.log.event("three-way-meeting"));
}

#[test]
fn search_and_filters_work_in_the_lanes() {
    let mut a = app(MANY, 120, 40);
    update(&mut a, Action::ToggleLanes);
    update(&mut a, Action::Show(Opener::Search));
    for c in "qatari".chars() {
        update(&mut a, Action::Input(c));
    }
    assert_eq!(a.selected, a.log.event("three-way-meeting"));
    update(&mut a, Action::Open);
    assert_eq!(a.visible, vec![a.log.event("three-way-meeting").unwrap()]);
    assert_eq!(lanes_of(&a), ["hamas", "qatar", "egypt"]);
    // The match is highlighted in its cell.
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| view(&a, f)).unwrap();
    let buf = t.backend().buffer();
    let s = screen(&a);
    let (y, line) = s
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("MEET Hamas"))
        .unwrap();
    let x = line.find("Qatari").unwrap();
    let x = line[..x].chars().count() - 1; // the row starts with a quote mark
    let style = buf[(x as u16, y as u16)].style();
    assert!(
        style.add_modifier.contains(Modifier::UNDERLINED),
        "{style:?} at {x},{y}"
    );
}

#[test]
fn the_lanes_render_at_every_small_size_without_panic() {
    let mut a = app(MANY, 80, 24);
    update(&mut a, Action::ToggleLanes);
    select(&mut a, "three-way-meeting");
    for w in [1u16, 2, 5, 13, 14, 15, 19, 20, 31, 32, 33, 50] {
        for h in [1u16, 2, 3, 5, 6, 7, 12] {
            update(
                &mut a,
                Action::Resize {
                    width: w,
                    height: h,
                },
            );
            update(&mut a, Action::ScrollLanes(1));
            screen(&a);
        }
    }
}

#[test]
fn a_thread_of_one_event_says_one_event() {
    let mut a = app(MANY, 120, 40);
    select(&mut a, "markets");
    update(&mut a, Action::Show(Opener::Thread));
    let s = screen(&a);
    assert!(row_with(&s, "Thread of").is_some_and(|r| r.contains(" · 1 event ")));
    assert!(!s.contains("1 events"), "{s}");
}

#[test]
fn t_shows_the_thread_both_ways_and_enter_jumps_to_an_event() {
    let mut a = app(MANY, 120, 40);
    select(&mut a, "israel-reply");
    update(&mut a, Action::Show(Opener::Thread));
    assert_eq!(a.mode(), Mode::List);
    let Some(Overlay::List(list)) = a.overlays.last() else {
        panic!("no list")
    };
    let ids: Vec<&str> = list
        .entries
        .iter()
        .map(|p| a.log.events[p.event].id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "egypt-proposal",
            "hamas-first-answer",
            "israel-reply",
            "hamas-conditions"
        ]
    );
    assert_eq!(
        list.kind,
        ListKind::Thread {
            around: a.selected.unwrap()
        }
    );
    assert_eq!(list.cursor, 2, "the cursor starts on the selected event");
    let s = screen(&a);
    assert!(row_with(&s, "▶ ").is_some_and(|r| r.contains("Israel answers")));
    assert!(row_with(&s, "(the thread opened here)").is_some_and(|r| r.contains("Israel answers")));
    assert!(row_with(&s, "answers Sun 28 April 2024").is_some());
    assert!(row_with(&s, "answered by Mon 20 May 2024").is_some());
    // Up twice and Enter: the proposal, selected in the timeline; Backspace returns.
    run(&mut a, &[Action::Up, Action::Up, Action::Open]);
    assert_eq!(a.mode(), Mode::Browse);
    assert_eq!(a.selected, a.log.event("egypt-proposal"));
    update(&mut a, Action::JumpBack);
    assert_eq!(a.selected, a.log.event("israel-reply"));
    // Esc leaves the selection where it was.
    run(
        &mut a,
        &[Action::Show(Opener::Thread), Action::Down, Action::Back],
    );
    assert_eq!(a.mode(), Mode::Browse);
    assert_eq!(a.selected, a.log.event("israel-reply"));
}

#[test]
fn p_follows_the_filtered_party_else_the_selected_events_first_party() {
    let mut a = app(MANY, 120, 40);
    let hamas = a.log.party("hamas").unwrap();
    update(&mut a, Action::ToggleParty(hamas));
    update(&mut a, Action::Show(Opener::Positions));
    let Some(Overlay::List(list)) = a.overlays.last() else {
        panic!("no list")
    };
    assert_eq!(list.kind, ListKind::Positions { party: hamas });
    let expected = dateline::threads::positions(&a.log, hamas, &a.visible);
    assert_eq!(list.entries, expected);
    let ids: Vec<&str> = list
        .entries
        .iter()
        .map(|p| a.log.events[p.event].id.as_str())
        .collect();
    assert_eq!(ids, ["hamas-first-answer", "hamas-conditions"]);
    let s = screen(&a);
    assert!(s.contains("“We are studying the proposal with a positive spirit.”"));
    assert!(s.contains("topics: withdrawal"));
    assert!(s.contains("— Ismail Haniyeh"));
    // Enter on the second: it is selected in the timeline.
    run(&mut a, &[Action::Bottom, Action::Open]);
    assert_eq!(a.selected, a.log.event("hamas-conditions"));

    // No party filter: the selected event's first party; a paraphrase has no quotation marks.
    run(&mut a, &[Action::ClearFilters]);
    select(&mut a, "israel-reply");
    update(&mut a, Action::Show(Opener::Positions));
    let s = screen(&a);
    assert!(s.contains("Positions of Israel"));
    assert!(s.contains("paraphrase, reported speech"));
    let words = row_with(&s, "would not agree").unwrap();
    assert!(!words.contains('“') && !words.contains('”'), "{words}");
}

#[test]
fn p_without_a_party_opens_the_picker_and_follows_the_choice() {
    let mut a = app(MANY, 120, 40);
    select(&mut a, "markets");
    update(&mut a, Action::Show(Opener::Positions));
    assert_eq!(a.mode(), Mode::Whose);
    for c in "hamas".chars() {
        update(&mut a, Action::Input(c));
    }
    update(&mut a, Action::Open);
    assert_eq!(a.mode(), Mode::List);
    assert!(screen(&a).contains("Positions of Hamas"));
    // Esc in the picker does not open them later.
    run(&mut a, &[Action::Back, Action::ClearFilters]);
    select(&mut a, "markets");
    run(&mut a, &[Action::Show(Opener::Positions), Action::Back]);
    assert_eq!(a.mode(), Mode::Browse);
    run(
        &mut a,
        &[
            Action::Show(Opener::Picker(PickerKind::Party)),
            Action::Open,
        ],
    );
    assert_eq!(a.mode(), Mode::Browse);
}

#[test]
fn the_new_keys_are_in_the_keymap_help_and_hints() {
    let a = {
        let mut a = app(MANY, 120, 40);
        update(&mut a, Action::Show(Opener::Help));
        a
    };
    let mut t = Terminal::new(TestBackend::new(120, 200)).unwrap();
    t.draw(|f| view(&a, f)).unwrap();
    let help = t.backend().to_string();
    for key in ["L ", "h ←", "l →", "T ", "P "] {
        assert!(help.contains(&format!("  {key}")), "{key} in help");
    }
    assert!(help.contains("Thread and positions views (T P)"));
    let hints: Vec<&str> = hints(Mode::Browse).into_iter().map(|(_, h)| h).collect();
    for h in ["lanes", "thread", "positions"] {
        assert!(hints.contains(&h), "{h} hint");
    }
}

/// Where each event of the screen is drawn: every title shown sits in a lane of one of
/// its parties; an event with no lane on screen has a margin marker on its row instead.
fn assert_events_in_their_own_lanes(a: &App) {
    let s = screen(a);
    let lines: Vec<&str> = s.lines().collect();
    let area = dateline::tui::layout::areas(a).timeline;
    let geo = a.lanes.geometry(area.width as usize, a.rows.has_times());
    let page = area.height as usize - 1;
    for (pos, &ix) in a.visible.iter().enumerate() {
        let row = a.rows.event_row[pos];
        if row < a.scroll || row >= a.scroll + page {
            continue;
        }
        let line: Vec<char> = lines[area.y as usize + 1 + row - a.scroll]
            .trim_matches('"')
            .chars()
            .collect();
        let text: String = line.iter().collect();
        // On a narrow screen a lane shows only the start of a title, and the markers beside
        // the lanes only their arrows.
        let wide = area.width >= 60;
        let title: String = a.log.events[ix]
            .title
            .chars()
            .take(if wide { 8 } else { 5 })
            .collect();
        let runs = a.lanes.runs(&a.log, ix);
        let in_lane = |l: usize| runs.iter().any(|&(f, t)| f <= l && l <= t);
        let mut shown = false;
        let mut from = 0;
        while let Some(found) = text[from..].find(&title) {
            let col = text[..from + found].chars().count();
            let lane = geo
                .columns
                .iter()
                .position(|&(x, w)| x <= col && col < x + w)
                .map(|i| geo.first + i);
            assert!(
                lane.is_some_and(in_lane),
                "{:?} drawn in lane {lane:?}, not one of its own {runs:?}: {text}",
                a.log.events[ix].title
            );
            shown = true;
            from += found + title.len();
        }
        let (left, right) = a.lanes.off_screen(&a.log, ix, &geo);
        // The count beside the arrow where the margin has room for it, else the arrow.
        if left > 0 {
            let marker = if wide {
                format!("‹ {left}")
            } else {
                "‹".into()
            };
            assert!(text.contains(&marker), "{marker:?} missing: {text}");
        }
        if right > 0 {
            let marker = if wide {
                format!("{right} ›")
            } else {
                "›".into()
            };
            assert!(text.contains(&marker), "{marker:?} missing: {text}");
        }
        assert!(shown || left + right > 0, "event {ix} has no sign: {text}");
    }
}

#[test]
fn an_event_is_never_drawn_in_the_lane_of_a_party_it_does_not_involve() {
    for (w, h) in [(30, 12), (36, 16), (60, 20), (80, 24), (120, 40), (200, 50)] {
        let mut a = app(MANY, w, h);
        update(&mut a, Action::ToggleLanes);
        assert_events_in_their_own_lanes(&a);
        for _ in 0..a.lanes.lanes.len() {
            update(&mut a, Action::ScrollLanes(1));
            assert_events_in_their_own_lanes(&a);
        }
    }
    // On the sample, the meeting of the US and Egypt at 80 columns keeps a sign of Egypt.
    let mut a = browser::sample(80, 24);
    update(&mut a, Action::ToggleLanes);
    assert_events_in_their_own_lanes(&a);
}

#[test]
fn at_200_columns_every_side_of_an_eight_party_log_has_its_lane() {
    let mut a = app(MANY, 200, 50);
    update(&mut a, Action::ToggleLanes);
    let s = screen(&a);
    let names = s.lines().nth(2).unwrap();
    for (i, p) in a.log.parties.iter().enumerate() {
        let chip = format!("{} {}", i + 1, p.name);
        assert!(names.contains(&chip), "{chip} missing: {names}");
    }
    assert!(!s.contains("more ›"), "{s}");
    // The details pane gives way to the lanes, below them; L gives it back its place.
    let area = dateline::tui::layout::areas(&a);
    assert_eq!(area.timeline.width, 200);
    assert!(area.details.height > 0 && !area.beside);
    update(&mut a, Action::ToggleLanes);
    assert!(dateline::tui::layout::areas(&a).beside);
}
