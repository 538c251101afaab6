//! The browser's source and outlet pickers (`b`, `O`) and the "one source" marker in the
//! details: what the reader sees.

use crate::common::browser::{self, press, reload, screen_now, select_id};
use dateline::load::{self, Limits};
use dateline::tui::App;

pub(crate) const LOG: &str = "tests/fixtures/bibliography/talks.yaml";

pub(crate) fn open(w: u16, h: u16) -> App {
    let loaded = load::load_path(LOG.as_ref(), &Limits::default()).expect("the log loads");
    browser::with(loaded, w, h)
}

fn shown(app: &App) -> Vec<&str> {
    app.visible
        .iter()
        .map(|&i| app.log.events[i].id.as_str())
        .collect()
}

#[test]
fn the_source_picker_shows_the_events_resting_on_a_source_its_quotes_included() {
    let mut app = open(120, 30);
    press(&mut app, "b");
    let s = screen_now(&app);
    assert!(s.contains("Sources"), "{s}");
    assert!(
        s.contains("Le Monde: Paris et Bamako renouent le dialogue"),
        "{s}"
    );
    press(&mut app, "lemonde-0305\n");
    // The meeting lists no source: its quote comes from that report.
    assert_eq!(shown(&app), ["dakar-meeting"]);
    assert!(screen_now(&app).contains("filters: source: lemonde-0305"));
}

#[test]
fn the_outlet_picker_takes_an_outlet_however_it_is_written() {
    let mut app = open(120, 30);
    press(&mut app, "O");
    let s = screen_now(&app);
    assert!(s.contains("Outlets"), "{s}");
    // "Le Monde" and "LE MONDE" are one outlet, shown once.
    assert_eq!(s.matches("[ ] Le Monde").count(), 1, "{s}");
    assert!(!s.contains("LE MONDE"), "{s}");
    press(&mut app, "monde\n");
    assert_eq!(shown(&app), ["agree", "dakar-meeting"]);
    assert!(screen_now(&app).contains("outlet: Le Monde"));
}

#[test]
fn the_details_say_one_source_where_an_event_rests_on_one() {
    let mut app = open(120, 30);
    select_id(&mut app, "agree");
    assert!(!screen_now(&app).contains("one source"));
    select_id(&mut app, "dakar-meeting");
    let s = screen_now(&app);
    assert!(s.contains("Sources: one source"), "{s}");
    // The source it rests on through its quote is listed.
    assert!(s.contains("À Dakar"), "{s}");
    select_id(&mut app, "rumour");
    assert!(screen_now(&app).contains("Sources: no source"));
}

#[test]
fn a_reload_keeps_the_source_filter_by_id() {
    let mut app = open(120, 30);
    press(&mut app, "b");
    press(&mut app, "reuters-0301\n");
    assert_eq!(shown(&app), ["agree"]);
    let yaml = std::fs::read_to_string(LOG).unwrap();
    // A source added before it moves its index; the filter follows its id.
    let moved = yaml
        .replace(
            "sources:\n  - id: reuters-0301",
            "sources:\n  - id: first\n    outlet: First\n  - id: reuters-0301",
        )
        .replace("    archive: sources/reuters-0301.txt\n", "");
    reload(&mut app, "talks.yaml", &moved);
    assert_eq!(app.log.sources[0].id, "first", "the new version is shown");
    assert_eq!(shown(&app), ["agree"]);
}
