//! A log with clocks in four zones (Beijing, Tehran, Riyadh, Washington), read in
//! Beijing's: the timeline, the lanes and the overview at 80×24 and 120×40. Day headers go
//! forward, each day's rows are on the clock its header names, and the details give each
//! event's own clock. Read the `.snap` files in tests/tui/snapshots to review them.

use crate::common::browser::{open, screen, select_id};
use dateline::tui::overlays::Opener;
use dateline::tui::{Action, App, update};

const FOUR_ZONES: &str = include_str!("../fixtures/four-zones.yaml");
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
/// 23:30 in Washington on Friday 10 March: Saturday 11 March in Beijing.
const WASHINGTON: &str = "2023-03-10-washington-welcomes-any-step-that-eases-tension";

fn snapshot(name: &str, setup: impl Fn(&mut App)) {
    for (w, h) in SIZES {
        let mut app = open("four-zones.yaml", FOUR_ZONES, w, h);
        select_id(&mut app, WASHINGTON);
        setup(&mut app);
        insta::assert_snapshot!(format!("zones_{name}_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn timeline_of_four_zones() {
    snapshot("timeline", |_| {});
}

#[test]
fn lanes_of_four_zones() {
    snapshot("lanes", |app| update(app, Action::ToggleLanes));
}

#[test]
fn overview_of_four_zones() {
    snapshot("overview", |app| update(app, Action::ToggleOverview));
}

/// The day headers on screen (as drawn, clock and all), top to bottom.
fn header_lines(screen: &str) -> Vec<String> {
    const DAYS: [&str; 7] = ["Mon ", "Tue ", "Wed ", "Thu ", "Fri ", "Sat ", "Sun "];
    screen
        .lines()
        .map(|l| l.trim_matches('"'))
        .filter(|l| DAYS.iter().any(|d| l.starts_with(d)))
        .map(|l| l.split('│').next().unwrap().trim_end().to_string())
        .collect()
}

/// The day headers on screen, without the clock they name, top to bottom.
fn headers(screen: &str) -> Vec<String> {
    header_lines(screen)
        .iter()
        .map(|l| l.split(" · ").next().unwrap().to_string())
        .collect()
}

#[test]
fn a_day_header_names_the_clock_only_when_its_rows_have_times() {
    let app = open("four-zones.yaml", FOUR_ZONES, 120, 40);
    let lines = header_lines(&screen(&app, 120, 40));
    // Delegations met on 6 March (a date alone); the deal was signed at noon on the 10th.
    assert!(
        lines.contains(&"Mon 6 March 2023".to_string()),
        "{lines:#?}"
    );
    assert!(
        lines.contains(&"Fri 10 March 2023 · times in Asia/Shanghai".to_string()),
        "{lines:#?}"
    );
}

#[test]
fn the_headers_are_beijings_days_and_go_forward() {
    let app = open("four-zones.yaml", FOUR_ZONES, 120, 40);
    let s = screen(&app, 120, 40);
    assert_eq!(
        headers(&s),
        [
            "Fri 9 April 2021",
            "Mon 6 March 2023",
            "Fri 10 March 2023",
            "Sat 11 March 2023",
            "Thu 6 April 2023",
            "Sun 5 November 2023"
        ],
        "{s}"
    );
    // The two events of Saturday 11 March in Beijing, on Beijing's clock.
    let sat = s.find("Sat 11 March 2023").unwrap();
    let rows: Vec<&str> = s[sat..].lines().skip(1).take(2).collect();
    assert!(
        rows[0].contains("06:30") && rows[0].contains("Iranian state media"),
        "{s}"
    );
    assert!(
        rows[1].contains("12:30") && rows[1].contains("Washington welcomes"),
        "{s}"
    );
}

#[test]
fn the_details_give_the_events_own_clock_and_beijings() {
    let mut app = open("four-zones.yaml", FOUR_ZONES, 120, 40);
    select_id(&mut app, WASHINGTON);
    let s = screen(&app, 120, 40);
    assert!(s.contains("When: Fri 10 March 2023 23:30 -05:00"), "{s}");
    assert!(
        s.contains("Reading zone: Sat 11 March 2023 12:30 +08:00"),
        "{s}"
    );
}

#[test]
fn a_jump_goes_to_the_first_event_of_beijings_day() {
    let mut app = open("four-zones.yaml", FOUR_ZONES, 80, 24);
    update(&mut app, Action::Show(Opener::Jump));
    for c in "2023-03-11".chars() {
        update(&mut app, Action::Input(c));
    }
    update(&mut app, Action::Open);
    let sel = app.selected.map(|s| app.log.events[s].title.as_str());
    assert_eq!(
        sel,
        Some("Iranian state media publishes the statement's text")
    );
}
