//! Private marks in the browser: `m`, `'`, `"`, `M`, kept per log outside it,
//! surviving a restart, a reload and an event's absence; and `:` to jump to a date.
//! Every test keeps its marks in its own temporary file, passed to the app explicitly.

use crate::common::browser::{screen, select_id};
use dateline::filter::Query;
use dateline::load::load_str;
use dateline::marks::Marks;
use dateline::model::EventIx;
use dateline::tui::input::action::MarkAction;
use dateline::tui::input::keymap::Mode;
use dateline::tui::overlays::Opener;
use dateline::tui::runtime::effects::settle;
use dateline::tui::{Action, App, ColorMode, update};
use std::path::{Path, PathBuf};

/// A log of `ids`, one event a day from 1 May 2024, the first two involving Hamas.
fn log_of(ids: &[&str]) -> String {
    let mut y = String::from(
        "parties:\n  - {id: hamas, name: Hamas}\nactors:\n  - {id: h, name: Haniyeh, party: hamas}\nsources:\n  - {id: s, outlet: Wire}\nevents:\n",
    );
    for id in ids {
        let day: u32 = id
            .trim_start_matches(|c: char| !c.is_ascii_digit())
            .parse()
            .unwrap();
        y += &format!(
            "  - id: {id}\n    date: 2024-05-{day:02}\n    kind: meeting\n    title: Event {id}\n    sources: [s]\n"
        );
        if day <= 2 {
            y += "    actors: [h]\n";
        }
    }
    y
}

/// `:` with `text` and Enter at 80×24: the selected row and the status line.
fn jump_at_80x24(app: &mut App, text: &str) -> (String, String) {
    update(app, Action::Show(Opener::Jump));
    for c in text.chars() {
        update(app, Action::Input(c));
    }
    update(app, Action::Open);
    let s = screen(app, 80, 24);
    let row = s.lines().find(|l| l.contains('▶')).unwrap().to_owned();
    (row, s.lines().last().unwrap().to_owned())
}

const FIVE: [&str; 5] = ["e1", "e2", "e3", "e4", "e5"];

fn app_with(yaml: &str, marks: &Path) -> App {
    let loaded = load_str("marks.yaml", yaml).expect("log loads");
    let mut app =
        App::new(loaded, Query::default(), ColorMode::None).with_marks(Marks::load_from(marks));
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    app
}

fn marks_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("marks").join("log.marks");
    (dir, file)
}

fn id(app: &App) -> String {
    app.log.events[app.selected.unwrap()].id.clone()
}

fn mark(app: &mut App, ids: &[&str]) {
    for i in ids {
        select_id(app, i);
        update(app, Action::Mark(MarkAction::Toggle));
        settle(app);
    }
}

fn visible_ids(app: &App) -> Vec<String> {
    app.visible
        .iter()
        .map(|&i| app.log.events[i].id.clone())
        .collect()
}

#[test]
fn m_marks_and_unmarks_shows_it_in_the_row_and_saves_at_once() {
    let (_dir, file) = marks_file();
    let mut app = app_with(&log_of(&FIVE), &file);
    assert!(!screen(&app, 80, 24).contains('●'));
    mark(&mut app, &["e3"]);
    assert!(app.message.as_deref().unwrap().starts_with("marked"));
    let s = screen(&app, 80, 24);
    let row = s.lines().find(|l| l.contains("Event e3")).unwrap();
    assert!(row.contains('●'), "{row}");
    let other = s.lines().find(|l| l.contains("Event e4")).unwrap();
    assert!(!other.contains('●'), "{other}");
    assert_eq!(
        Marks::load_from(&file).ids.into_iter().collect::<Vec<_>>(),
        ["e3"]
    );

    update(&mut app, Action::Mark(MarkAction::Toggle));

    settle(&mut app);
    assert!(app.message.as_deref().unwrap().starts_with("unmarked"));
    assert!(Marks::load_from(&file).ids.is_empty());
    assert!(!screen(&app, 80, 24).contains('●'));
}

#[test]
fn quote_and_double_quote_go_round_the_marks() {
    let (_dir, file) = marks_file();
    let mut app = app_with(&log_of(&FIVE), &file);
    update(&mut app, Action::Mark(MarkAction::Next));
    assert_eq!(
        app.message.as_deref(),
        Some("no marks: m marks the selected event")
    );
    mark(&mut app, &["e2", "e4"]);
    select_id(&mut app, "e1");
    let next = |app: &mut App| {
        update(app, Action::Mark(MarkAction::Next));
        id(app)
    };
    assert_eq!(next(&mut app), "e2");
    assert_eq!(next(&mut app), "e4");
    assert_eq!(next(&mut app), "e2", "wraps round the end");
    update(&mut app, Action::Mark(MarkAction::Previous));
    assert_eq!(id(&app), "e4", "wraps round the start");
    update(&mut app, Action::Mark(MarkAction::Previous));
    assert_eq!(id(&app), "e2");
}

#[test]
fn capital_m_shows_only_the_marked_combined_with_other_filters_and_c_clears_it() {
    let (_dir, file) = marks_file();
    let mut app = app_with(&log_of(&FIVE), &file);
    update(&mut app, Action::Mark(MarkAction::OnlyMarked));
    assert_eq!(app.visible.len(), 5, "nothing marked: nothing hidden");
    mark(&mut app, &["e2", "e4"]);
    update(&mut app, Action::Mark(MarkAction::OnlyMarked));
    assert_eq!(visible_ids(&app), ["e2", "e4"]);
    let s = screen(&app, 80, 24);
    assert!(
        s.contains("marked only") && s.contains("showing 2 of 5"),
        "{s}"
    );

    // With the party filter: marked AND Hamas.
    update(&mut app, Action::ToggleParty(0));
    assert_eq!(visible_ids(&app), ["e2"]);

    // Unmarking while only marked events show hides it.
    update(&mut app, Action::Mark(MarkAction::Toggle));
    settle(&mut app);
    assert!(app.visible.is_empty());

    update(&mut app, Action::ClearFilters);
    assert!(app.query.only.is_none());
    assert_eq!(app.visible.len(), 5);

    update(&mut app, Action::Mark(MarkAction::OnlyMarked));
    assert_eq!(visible_ids(&app), ["e4"]);
    update(&mut app, Action::Mark(MarkAction::OnlyMarked));
    assert_eq!(app.visible.len(), 5, "M again shows all");
}

#[test]
fn marks_survive_a_restart() {
    let (_dir, file) = marks_file();
    let yaml = log_of(&FIVE);
    let mut app = app_with(&yaml, &file);
    mark(&mut app, &["e1", "e5"]);
    drop(app);
    let again = app_with(&yaml, &file);
    let marked: Vec<String> = again
        .marked
        .iter()
        .map(|&i| again.log.events[i].id.clone())
        .collect();
    assert_eq!(marked, ["e1", "e5"]);
    assert!(again.message.is_none(), "{:?}", again.message);
    let s = screen(&again, 80, 24);
    assert!(
        s.lines()
            .find(|l| l.contains("Event e5"))
            .unwrap()
            .contains('●'),
        "{s}"
    );
}

#[test]
fn marks_survive_a_reload_of_a_changed_log_by_id() {
    let (_dir, file) = marks_file();
    let mut app = app_with(&log_of(&FIVE), &file);
    mark(&mut app, &["e4"]);
    // The log changed: new events before it, so its index is not what it was.
    let changed = log_of(&["e1", "e2", "e3", "e4", "e5", "e6"])
        .replace("date: 2024-05-06", "date: 2024-04-30");
    let reloaded = app_with(&changed, &file);
    let e4 = reloaded.log.event("e4").unwrap();
    assert_ne!(e4, app.log.event("e4").unwrap(), "the index moved");
    assert_eq!(
        reloaded.marked.iter().copied().collect::<Vec<EventIx>>(),
        [e4]
    );
}

#[test]
fn a_mark_is_kept_while_its_event_is_gone_and_shows_again_when_it_returns() {
    let (_dir, file) = marks_file();
    let mut app = app_with(&log_of(&FIVE), &file);
    mark(&mut app, &["e2", "e3"]);

    let without = app_with(&log_of(&["e1", "e3", "e4"]), &file);
    assert_eq!(
        without.message.as_deref(),
        Some("1 mark names an event no longer in the log")
    );
    assert_eq!(without.marked.len(), 1);
    assert!(screen(&without, 80, 24).contains("1 mark names an event no longer"));
    assert!(Marks::load_from(&file).contains("e2"), "kept in the file");

    // A change of marks while it is gone keeps it too.
    let mut without = without;
    select_id(&mut without, "e4");
    update(&mut without, Action::Mark(MarkAction::Toggle));
    settle(&mut without);
    assert!(Marks::load_from(&file).contains("e2"));

    let back = app_with(&log_of(&FIVE), &file);
    assert!(back.message.is_none());
    let ids: Vec<String> = back
        .marked
        .iter()
        .map(|&i| back.log.events[i].id.clone())
        .collect();
    assert_eq!(ids, ["e2", "e3", "e4"]);
}

#[test]
fn two_missing_marks_are_counted() {
    let (_dir, file) = marks_file();
    let mut app = app_with(&log_of(&FIVE), &file);
    mark(&mut app, &["e4", "e5"]);
    let without = app_with(&log_of(&["e1", "e2"]), &file);
    assert_eq!(
        without.message.as_deref(),
        Some("2 marks name events no longer in the log")
    );
}

#[test]
fn a_mark_that_cannot_be_saved_is_a_message_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-dir");
    std::fs::write(&blocker, "x").unwrap();
    let mut app = app_with(&log_of(&FIVE), &blocker.join("log.marks"));
    update(&mut app, Action::Mark(MarkAction::Toggle));
    settle(&mut app);
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .starts_with("could not save the marks"),
        "{:?}",
        app.message
    );
    assert!(!app.marked.is_empty(), "kept for the session");
}

#[test]
fn the_marked_flag_starts_the_browser_on_the_marked_events() {
    let (_dir, file) = marks_file();
    let yaml = log_of(&FIVE);
    let mut app = app_with(&yaml, &file);
    mark(&mut app, &["e3"]);
    // What `dateline --marked` does: the query's `only` from the marks.
    let loaded = load_str("marks.yaml", &yaml).unwrap();
    let marks = Marks::load_from(&file);
    let query = Query {
        only: Some(marks.present(&loaded.log)),
        ..Query::default()
    };
    let app = App::new(loaded, query, ColorMode::None).with_marks(marks);
    assert_eq!(visible_ids(&app), ["e3"]);
}

#[test]
fn colon_jumps_to_the_first_event_from_a_date() {
    let (_dir, file) = marks_file();
    let mut app = app_with(&log_of(&FIVE), &file);
    let jump = |app: &mut App, text: &str| {
        update(app, Action::Show(Opener::Jump));
        assert_eq!(app.mode(), Mode::Jump);
        for c in text.chars() {
            update(app, Action::Input(c));
        }
        update(app, Action::Open);
        assert_eq!(app.mode(), Mode::Browse);
    };
    jump(&mut app, "2024-05-03");
    assert_eq!(id(&app), "e3");
    jump(&mut app, "2024-05");
    assert_eq!(id(&app), "e1");
    jump(&mut app, "2024");
    assert_eq!(id(&app), "e1");
    jump(&mut app, "2030");
    assert_eq!(id(&app), "e5", "after the last event: the last one");
    assert!(app.message.as_deref().unwrap().contains("last event"));

    // Among the events shown only.
    update(&mut app, Action::ToggleParty(0));
    jump(&mut app, "2024-05-02");
    assert_eq!(id(&app), "e2");
    update(&mut app, Action::ClearFilters);

    jump(&mut app, "3 May");
    assert_eq!(id(&app), "e2", "a bad date moves nothing");
    let msg = app.message.clone().unwrap();
    // The forms, in this log's last date.
    assert!(msg.contains("2024, 2024-05, 2024-05-05 or today"), "{msg}");
    jump(&mut app, "2024-5-3");
    assert_eq!(id(&app), "e2", "a date written wrong moves nothing");
    let msg = app.message.clone().unwrap();
    assert!(
        msg.contains("write \"2024-05-03\""),
        "the fix is given: {msg}"
    );
    // Today (this log's events are all in the past): the last event.
    jump(&mut app, "today");
    assert_eq!(id(&app), "e5");
}

/// A jump to a date with no event of its own, inside an event known only by its year (or
/// month), lands on that event, the period that holds the date, rather than passing over
/// it to a later one.
#[test]
fn colon_lands_on_the_year_or_month_that_holds_the_date() {
    let yaml = "dateline: 1
title: Coarse dates
events:
  - {date: 2021-11-02, kind: meeting, title: An autumn meeting}
  - {date: 2022, kind: development, title: Talks resume that year}
  - {date: 2022-02-10, kind: meeting, title: A February round}
  - {date: 2022-09, kind: statement, title: A September statement}
  - {date: 2022-09-21, kind: call, title: A late September call}
  - {date: 2023-01-05, kind: meeting, title: A January meeting}
";
    let mut app = crate::common::browser::open("coarse.yaml", yaml, 80, 24);
    let (row, status) = jump_at_80x24(&mut app, "2022-06");
    assert!(row.contains("Talks resume that year"), "{row}");
    assert!(
        status.contains("June 2022: within 2022, known only by its year"),
        "{status}"
    );
    // A month with an event of its own: that event, not the year.
    let (row, _) = jump_at_80x24(&mut app, "2022-02");
    assert!(row.contains("A February round"), "{row}");
    // A month that holds the date comes before its year.
    let (row, status) = jump_at_80x24(&mut app, "2022-09-15");
    assert!(row.contains("A September statement"), "{row}");
    assert!(status.contains("known only by its month"), "{status}");
    // A day with its own event: that event.
    let (row, status) = jump_at_80x24(&mut app, "2022-09-21");
    assert!(row.contains("A late September call"), "{row}");
    assert!(status.contains("from Wed 21 September 2022"), "{status}");
    // Outside every coarse period: the first event after the date, as before.
    let (row, _) = jump_at_80x24(&mut app, "2021-12");
    assert!(row.contains("Talks resume that year"), "{row}");
    let (row, _) = jump_at_80x24(&mut app, "2023");
    assert!(row.contains("A January meeting"), "{row}");
    // The prompt's examples are this log's dates, and its help fits the line.
    update(&mut app, Action::Show(Opener::Jump));
    for w in [40u16, 60, 80, 120] {
        let s = screen(&app, w, 24);
        let status = s.lines().last().unwrap();
        assert!(!status.contains('…'), "cut at {w}: {status}");
        if w >= 60 {
            assert!(
                status.contains("2023, 2023-01, 2023-01-05 or today"),
                "{status}"
            );
        }
    }
    insta::assert_snapshot!("jump_prompt_80x24", screen(&app, 80, 24));
}

/// A jump to a day with no event of its own, while an earlier event is still going on
/// through its `end`, lands on that event (the one that started last, of several), and
/// says so.
#[test]
fn colon_lands_on_the_event_still_going_on() {
    let yaml = "dateline: 1
title: Spans
timezone: Africa/Cairo
events:
  - {date: 2024-04-20, end: 2024-05-20, kind: development, title: A truce holds}
  - {date: 2024-05-01, end: 2024-05-09, kind: meeting, title: The Cairo round}
  - {date: 2024-05-02, end: 2024-05-03, kind: meeting, title: A side meeting}
  - {date: 2024-05-07, kind: statement, title: A statement in the round}
  - {date: 2024-06-10, kind: meeting, title: A June meeting}
";
    let mut app = crate::common::browser::open("spans.yaml", yaml, 80, 24);
    let (row, status) = jump_at_80x24(&mut app, "2024-05-05");
    assert!(row.contains("The Cairo round"), "{row}");
    assert!(
        status.contains("Sun 5 May 2024: under way, Wed 1 May 2024 to Thu 9 May 2024"),
        "{status}"
    );
    // After the round's last day, the truce still holds.
    let (row, _) = jump_at_80x24(&mut app, "2024-05-10");
    assert!(row.contains("A truce holds"), "{row}");
    // A day with its own event: that event, as before.
    let (row, status) = jump_at_80x24(&mut app, "2024-05-07");
    assert!(row.contains("A statement in the round"), "{row}");
    assert!(status.contains("from Tue 7 May 2024"), "{status}");
    // When everything has ended: the next event.
    let (row, _) = jump_at_80x24(&mut app, "2024-05-25");
    assert!(row.contains("A June meeting"), "{row}");
}

#[test]
fn the_jump_prompt_shows_what_is_typed_and_esc_cancels() {
    let (_dir, file) = marks_file();
    let mut app = app_with(&log_of(&FIVE), &file);
    select_id(&mut app, "e2");
    update(&mut app, Action::Show(Opener::Jump));
    for c in "2024-05-0x".chars() {
        update(&mut app, Action::Input(c));
    }
    update(&mut app, Action::DeleteChar);
    update(&mut app, Action::Input('4'));
    let s = screen(&app, 80, 24);
    assert!(s.contains(":2024-05-04"), "{s}");
    update(&mut app, Action::Back);
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(id(&app), "e2");
    assert!(!screen(&app, 80, 24).contains(":2024-05-04"));
}

#[test]
fn two_browsers_on_one_log_keep_each_others_marks() {
    let (_dir, file) = marks_file();
    let yaml = log_of(&FIVE);
    let mut a = app_with(&yaml, &file);
    let mut b = app_with(&yaml, &file);
    mark(&mut a, &["e1"]);
    mark(&mut b, &["e3"]);
    mark(&mut a, &["e5"]);
    let saved = Marks::load_from(&file).ids;
    assert_eq!(saved, ["e1", "e3", "e5"].map(String::from).into());
    // An unmark in one leaves the other's marks on disk.
    mark(&mut b, &["e3"]);
    let saved = Marks::load_from(&file).ids;
    assert_eq!(saved, ["e1", "e5"].map(String::from).into());
}

#[test]
fn marking_an_event_without_a_written_id_warns_that_the_mark_may_move() {
    let (_dir, file) = marks_file();
    let yaml = "events:\n  - {date: 2024-05-01, kind: meeting, title: Talks}\n  - {id: kept, date: 2024-05-02, kind: meeting, title: Talks}\n";
    let mut app = app_with(yaml, &file);
    update(&mut app, Action::Top);
    update(&mut app, Action::Mark(MarkAction::Toggle));
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.contains("no `id:` in the log") && message.contains("the mark may move"),
        "{message}"
    );
    update(&mut app, Action::Down);
    update(&mut app, Action::Mark(MarkAction::Toggle));
    let message = app.message.clone().unwrap_or_default();
    assert!(!message.contains("no `id:`"), "{message}");
}

#[test]
fn a_directory_logs_marks_are_named_after_the_directory_and_survive_a_new_file() {
    let top = tempfile::tempdir().unwrap();
    let dir = top.path().join("talks");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("a.yaml"), log_of(&["e1"])).unwrap();
    let arg = [dir.clone()];
    let before = dateline::marks::key_for(&arg);
    std::fs::write(dir.join("b.yaml"), log_of(&["e2"])).unwrap();
    assert_eq!(dateline::marks::key_for(&arg), before);
    assert!(before.starts_with("talks-"), "{before}");
}

/// A mark on an event without `id` follows it when its title is edited (its derived id
/// changes), and is saved under the new id.
#[test]
fn a_mark_follows_an_event_without_id_whose_title_is_edited() {
    let (_dir, file) = marks_file();
    let v1 = "events:\n  - date: 2024-05-01\n    kind: meeting\n    title: Talks open\n  - date: 2024-05-02\n    kind: call\n    title: A call\n";
    let mut app = app_with(v1, &file);
    mark(&mut app, &["2024-05-02-a-call"]);
    let v2 = v1.replace("A call", "A long call");
    crate::common::browser::reload(&mut app, "marks.yaml", &v2);
    settle(&mut app);
    let marked: Vec<String> = app
        .marked
        .iter()
        .map(|&i| app.log.events[i].id.clone())
        .collect();
    assert_eq!(marked, ["2024-05-02-a-long-call"]);
    assert_eq!(
        Marks::load_from(&file).ids.into_iter().collect::<Vec<_>>(),
        ["2024-05-02-a-long-call"],
        "saved under the new id"
    );
}

#[test]
fn a_stray_byte_in_the_marks_file_loses_no_mark_and_the_file_is_not_saved_over() {
    let (_dir, file) = marks_file();
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let bytes = b"e2\ne\xff3\ne4\n";
    std::fs::write(&file, bytes).unwrap();
    let mut app = app_with(&log_of(&FIVE), &file);
    // The marks that can be read are shown, and what could not be is said.
    let s = screen(&app, 80, 24);
    for (id, marked) in [("e2", true), ("e3", false), ("e4", true)] {
        let row = s
            .lines()
            .find(|l| l.contains(&format!("Event {id}")))
            .unwrap();
        assert_eq!(row.contains('●'), marked, "{row}");
    }
    let message = app.message.clone().unwrap();
    assert!(
        message
            .ends_with("log.marks: line 2 is not UTF-8 text, left out; not saved over until fixed"),
        "{message}"
    );
    // A change is kept for the session, but the file is left as it is.
    mark(&mut app, &["e5"]);
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .ends_with("log.marks: line 2 is not UTF-8 text, left out; not saved over"),
        "{:?}",
        app.message
    );
    assert_eq!(app.marked.len(), 3, "e2, e4 and e5 marked");
    assert_eq!(std::fs::read(&file).unwrap(), bytes);
}
