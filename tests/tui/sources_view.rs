//! The sources view (`S`): the bibliography as the browser shows it, at two sizes, and
//! what its keys do (Enter filters the timeline, `o` opens the URL, `C` reads the archive).

use crate::common::browser::{self, press, screen, screen_now};
use crate::source_filters::open;
use dateline::tui::App;
use dateline::tui::overlays::Overlay;
use dateline::tui::update::share::Effect;

/// The ids the view lists, top to bottom.
fn listed(app: &App) -> Vec<&str> {
    let Some(Overlay::Sources(v)) = app.overlays.last() else {
        panic!("the sources view is not open");
    };
    v.entries
        .iter()
        .map(|(s, _)| app.log.sources[*s].id.as_str())
        .collect()
}

#[test]
fn snapshot_the_sources_view() {
    for (w, h) in [(80, 24), (200, 50)] {
        let mut app = open(w, h);
        press(&mut app, "S");
        insta::assert_snapshot!(format!("sources_{w}x{h}"), screen(&app, w, h));
        let mut app = browser::sample(w, h);
        press(&mut app, "S");
        insta::assert_snapshot!(format!("sources_sample_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn every_source_is_listed_by_outlet_with_what_rests_on_it() {
    let mut app = open(120, 40);
    press(&mut app, "S");
    assert_eq!(
        listed(&app),
        ["lemonde-0302", "lemonde-0305", "reuters-0301", "wire-0303"]
    );
    let s = screen_now(&app);
    assert!(s.contains("4 sources"), "{s}");
    assert!(
        s.contains("1 event · 2 quotes: 1 verified, 0 not found, 1 not checked · archived: sources/reuters-0301.txt"),
        "{s}"
    );
    assert!(
        s.contains("Sun 2 March 2025 · by Élise Lefèvre · lemonde-0302"),
        "{s}"
    );
    assert!(s.contains("1 event · no quote · not archived"), "{s}");
}

#[test]
fn the_view_follows_the_filters_of_the_timeline() {
    let mut app = open(120, 40);
    press(&mut app, "t");
    press(&mut app, "meeting\n");
    press(&mut app, "S");
    assert_eq!(listed(&app), ["lemonde-0305"]);
    assert!(screen_now(&app).contains("1 source · of events with kind: meeting"));
}

#[test]
fn enter_shows_the_timeline_filtered_to_the_source() {
    let mut app = open(120, 40);
    press(&mut app, "Sjj\n");
    assert!(app.overlays.is_empty());
    let shown: Vec<&str> = app
        .visible
        .iter()
        .map(|&i| app.log.events[i].id.as_str())
        .collect();
    assert_eq!(shown, ["agree"]);
    assert!(screen_now(&app).contains("filters: source: reuters-0301"));
}

#[test]
fn o_opens_the_sources_url_and_says_when_it_has_none() {
    let mut app = open(120, 40);
    press(&mut app, "So");
    assert_eq!(
        app.effects.last(),
        Some(&Effect::OpenUrl("https://example.org/lemonde/0302".into()))
    );
    app.effects.clear();
    press(&mut app, "jo");
    assert!(app.effects.is_empty());
    assert!(screen_now(&app).contains("this source has no URL"));
}

#[test]
fn c_reads_the_sources_archive_whole_and_esc_comes_back() {
    let mut app = open(100, 30);
    press(&mut app, "SjjC");
    let s = screen_now(&app);
    assert!(s.contains("Archived source"), "{s}");
    assert!(s.contains("Archived copy sources/reuters-0301.txt"), "{s}");
    assert!(
        s.contains("\"We will talk in Dakar,\" the French foreign minister"),
        "{s}"
    );
    press(&mut app, "\x1b");
    assert_eq!(listed(&app).len(), 4, "back in the sources view");
    // A source without an archive says so.
    press(&mut app, "kC");
    assert!(matches!(app.overlays.last(), Some(Overlay::Sources(_))));
    assert!(screen_now(&app).contains("has no archived copy"));
}

#[test]
fn the_view_draws_at_every_small_size() {
    let mut app = open(80, 24);
    press(&mut app, "S");
    for w in 1..30 {
        for h in 1..12 {
            dateline::tui::update(
                &mut app,
                dateline::tui::Action::Resize {
                    width: w,
                    height: h,
                },
            );
            press(&mut app, "jk");
            screen(&app, w, h);
        }
    }
}
