//! The activity overview strip (`v`): snapshots at several widths over logs that
//! span one day, one month and ten years; it follows the filters; a click on a bar goes
//! to that bar's first event. Read the `.snap` files in tests/snapshots to review them.

use crate::common::browser::{self, screen};
use dateline::tui::input::action::MarkAction;
use dateline::tui::{Action, App, update};

const SIZES: [(u16, u16); 3] = [(40, 16), (80, 24), (120, 30)];

/// A log with events at `dates` (in any order); even events involve Hamas, every third
/// the United States.
fn log_at(dates: &[&str]) -> String {
    let mut y = String::from(
        "title: Overview fixture\nparties:\n  - {id: hamas, name: Hamas, color: green}\n  - {id: us, name: United States, color: blue}\nactors:\n  - {id: h, name: Haniyeh, party: hamas}\n  - {id: b, name: Burns, party: us}\nevents:\n",
    );
    for (i, d) in dates.iter().enumerate() {
        let mut actors = Vec::new();
        if i % 2 == 0 {
            actors.push("h");
        }
        if i % 3 == 0 {
            actors.push("b");
        }
        y += &format!(
            "  - date: {d}\n    kind: meeting\n    title: Event {i}\n    actors: [{}]\n",
            actors.join(", ")
        );
    }
    y
}

fn one_day() -> String {
    log_at(&[
        "2024-05-03T08:00+03:00",
        "2024-05-03T09:30+03:00",
        "2024-05-03T12:00+03:00",
        "2024-05-03T17:45+03:00",
    ])
}

fn one_month() -> String {
    log_at(&[
        "2024-05-01",
        "2024-05-02",
        "2024-05-02",
        "2024-05-03",
        "2024-05-03",
        "2024-05-03",
        "2024-05-10",
        "2024-05-20",
        "2024-05-21",
        "2024-05-31",
    ])
}

fn ten_years() -> String {
    log_at(&[
        "2014",
        "2014-07",
        "2015-03-01",
        "2017",
        "2019-11-20",
        "2020-01",
        "2020-02",
        "2023-10-07",
        "2024-04",
        "2024-05-03",
        "2024-05-04",
    ])
}

fn app(yaml: &str, w: u16, h: u16) -> App {
    let mut app = browser::open("overview.yaml", yaml, w, h);
    update(&mut app, Action::ToggleOverview);
    app
}

fn snapshot(name: &str, yaml: &str, setup: impl Fn(&mut App)) {
    for (w, h) in SIZES {
        let mut app = app(yaml, w, h);
        setup(&mut app);
        insta::assert_snapshot!(format!("overview_{name}_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn one_day_span() {
    snapshot("one_day", &one_day(), |_| {});
}

#[test]
fn one_month_span() {
    snapshot("one_month", &one_month(), |app| {
        for _ in 0..7 {
            update(app, Action::Down);
        }
    });
}

#[test]
fn ten_year_span() {
    snapshot("ten_years", &ten_years(), |app| {
        update(app, Action::Bottom);
    });
}

#[test]
fn sample_log_with_marks() {
    snapshot("sample_marked", dateline::SAMPLE, |app| {
        update(app, Action::Down);
        update(app, Action::Mark(MarkAction::Toggle));
        update(app, Action::Down);
        update(app, Action::Down);
        update(app, Action::Mark(MarkAction::Toggle));
    });
}

#[test]
fn the_strip_counts_what_the_filters_show() {
    let mut app = app(&one_month(), 80, 24);
    let total = |app: &App| -> u32 {
        let h = app.overview.as_ref().unwrap().hist.as_ref().unwrap();
        h.counts.iter().sum()
    };
    assert_eq!(total(&app), 10);
    let us = app.log.party("us").unwrap();
    update(&mut app, Action::ToggleParty(us));
    assert_eq!(total(&app) as usize, app.visible.len());
    assert!(app.visible.len() < 10);
    let s = screen(&app, 80, 24);
    assert!(s.contains(&format!("showing {} of 10", app.visible.len())));
}

#[test]
fn v_hides_it_again_and_the_timeline_gets_its_rows_back() {
    let mut app = app(&one_month(), 80, 24);
    assert!(screen(&app, 80, 24).contains("Events per day"));
    update(&mut app, Action::ToggleOverview);
    assert!(app.overview.is_none());
    assert!(!screen(&app, 80, 24).contains("Events per day"));
}

#[test]
fn a_click_on_a_bar_goes_to_its_first_event() {
    let mut app = app(&one_month(), 80, 24);
    let a = dateline::tui::layout::areas(&app);
    assert!(a.overview.height > 0);
    let ov = app.overview.clone().unwrap();
    let h = ov.hist.clone().unwrap();
    assert_eq!(h.unit.name(), "day");
    // One bar a day from 1 May: the bar of 20 May holds Event 7.
    assert_eq!(h.start_of(0).to_string(), "2024-05-01");
    let b = 19;
    let col = a.overview.x + (ov.name_w + b * ov.bar_w) as u16;
    update(
        &mut app,
        Action::Click {
            col,
            row: a.overview.y + 1,
        },
    );
    assert_eq!(app.log.events[app.selected.unwrap()].title, "Event 7");
    // An empty bar (5 May) goes to the next event after it.
    let col = a.overview.x + (ov.name_w + 4 * ov.bar_w) as u16;
    update(
        &mut app,
        Action::Click {
            col,
            row: a.overview.y + 1,
        },
    );
    assert_eq!(app.log.events[app.selected.unwrap()].title, "Event 6");
}

#[test]
fn any_size_draws_without_panic() {
    for yaml in [one_day(), one_month(), ten_years()] {
        for (w, h) in [(1, 1), (20, 5), (21, 9), (25, 12), (39, 40), (200, 60)] {
            let app = app(&yaml, w, h);
            screen(&app, w, h);
        }
    }
}

#[test]
fn the_strip_says_when_more_parties_exist_than_it_has_rows_for() {
    for (w, h) in [(80, 24), (120, 30)] {
        let mut a = crate::common::browser::sample(w, h);
        update(&mut a, Action::ToggleOverview);
        let ov = a.overview.as_ref().unwrap();
        let rows = ov.party_rows(crate::common::browser::timeline_height(&a));
        let more = ov.parties.len() - rows;
        assert!(more > 0, "the sample has more parties than rows");
        let s = screen(&a, w, h);
        let names_end = s.lines().position(|l| l.contains("▲")).unwrap();
        assert!(
            s.lines()
                .nth(names_end)
                .unwrap()
                .starts_with(&format!("\"+{more} more")),
            "{s}"
        );
    }
}

/// The strip's title says less on a narrow screen rather than being cut, and keeps saying
/// how many events its bars leave out as long as it can.
#[test]
fn the_title_fits_the_width_and_keeps_the_events_left_out() {
    for w in [60u16, 70, 80, 90, 100, 120, 160] {
        let app = app(dateline::SAMPLE, w, 30);
        let s = screen(&app, w, 30);
        let title = s
            .lines()
            .find(|l| l.contains("Events per") || l.contains("Per week"))
            .unwrap_or_else(|| panic!("no title at {w}:\n{s}"));
        let title = title.split('│').next().unwrap();
        assert!(!title.contains('…'), "cut at {w}: {title}");
        assert!(
            title.contains("2 known only by month, not counted")
                || title.contains("not counted: 2 month-only")
                || title.contains("2 uncounted"),
            "at {w}: {title}"
        );
    }
}
