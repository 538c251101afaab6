//! Untrusted text on screen. A log written to break a terminal (escape sequences, C1
//! controls, bidirectional overrides, tabs and line breaks) and to break a layout (CJK,
//! Arabic and Hebrew, emoji with joiners, combining marks, very long words) is drawn in
//! every state at several widths: no raw control or bidi override character reaches the
//! screen, and no text spills out of its pane.

use crate::common::browser::select_id;
use dateline::filter::Query;
use dateline::load::load_str;
use dateline::sanitize::is_unsafe_char;
use dateline::tui::app::Focus;
use dateline::tui::layout::areas;
use dateline::tui::overlays::Opener;
use dateline::tui::overlays::picker::PickerKind;
use dateline::tui::{Action, App, ColorMode, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const HOSTILE: &str = include_str!("../fixtures/hostile.yaml");

fn hostile(w: u16, h: u16) -> App {
    let loaded = load_str("hostile.yaml", HOSTILE).expect("the hostile log opens");
    assert!(!loaded.warnings.is_empty(), "check warns about it");
    let mut app = App::new(loaded, Query::default(), ColorMode::None);
    update(
        &mut app,
        Action::Resize {
            width: w,
            height: h,
        },
    );
    app
}

/// Draws the app and checks what must hold on any screen; returns the screen's text.
fn draw_checked(app: &App, what: &str) -> String {
    let (w, h) = (app.width, app.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| view(app, f)).unwrap();
    let buf = t.backend().buffer().clone();
    let text = t.backend().to_string();
    for cell in buf.content() {
        for c in cell.symbol().chars() {
            assert!(
                !is_unsafe_char(c),
                "{what} at {w}x{h}: raw {c:?} on screen:\n{text}"
            );
        }
    }
    let row = |y: u16| -> String { (0..w).map(|x| buf[(x, y)].symbol()).collect() };
    let a = areas(app);
    if !a.too_small && app.overlays.is_empty() {
        // The details pane's border is intact: nothing in the timeline spilled over it.
        if a.beside {
            for y in a.details.y..a.details.y + a.details.height {
                assert_eq!(
                    buf[(a.details.x, y)].symbol(),
                    "│",
                    "{what} at {w}x{h}: the pane border is broken on row {y}:\n{text}"
                );
            }
        } else if a.details.height > 0 && a.timeline.height > 0 {
            let border = row(a.details.y);
            let rest = border.replacen(" Details ", "", 1);
            assert!(
                rest.chars().all(|c| c == '─'),
                "{what} at {w}x{h}: the pane border is broken: {border:?}\n{text}"
            );
        }
    }
    if app.picker().is_some() {
        // Each entry keeps its count at the right edge, however wide or RTL its name.
        for y in 0..h {
            let r = row(y);
            if r.starts_with("[ ]") || r.starts_with("[x]") {
                assert!(
                    r.ends_with(|c: char| c.is_ascii_digit()),
                    "{what} at {w}x{h}: the count was pushed off: {r:?}\n{text}"
                );
            }
        }
    }
    if !a.too_small && w >= 40 {
        // The right-aligned parts of header and status bar keep their place.
        let first = row(0);
        assert!(
            first.trim_end().ends_with("events"),
            "{what} at {w}x{h}: the count was pushed off the header: {first:?}"
        );
        if let Some(p) = app.selected_pos() {
            let last = row(h - 1);
            let pos = format!("{}/{}", p + 1, app.visible.len());
            assert!(
                last.trim_end().ends_with(&pos),
                "{what} at {w}x{h}: the position was pushed off the status bar: {last:?}"
            );
        }
    }
    text
}

/// Every state worth drawing, as (name, app).
fn states(w: u16, h: u16) -> Vec<(&'static str, App)> {
    let mut out = Vec::new();
    let mut app = hostile(w, h);
    out.push(("timeline", app.clone()));
    select_id(&mut app, "two");
    out.push(("rtl-selected", app.clone()));
    select_id(&mut app, "three");
    update(&mut app, Action::FocusNext);
    assert_eq!(app.focus, Focus::Details);
    out.push(("details-long-word", app.clone()));
    update(&mut app, Action::Back);
    select_id(&mut app, "one");
    out.push(("details-escapes", app.clone()));
    update(&mut app, Action::Open);
    out.push(("quotes-escapes", app.clone()));
    update(&mut app, Action::Back);
    select_id(&mut app, "two");
    update(&mut app, Action::Open);
    out.push(("quotes-rtl", app.clone()));
    update(&mut app, Action::Back);
    select_id(&mut app, "three");
    update(&mut app, Action::Open);
    out.push(("quotes-emoji", app.clone()));
    update(&mut app, Action::Back);
    update(&mut app, Action::Show(Opener::Picker(PickerKind::Party)));
    out.push(("party-picker", app.clone()));
    update(&mut app, Action::Back);
    update(&mut app, Action::Show(Opener::Picker(PickerKind::Actor)));
    out.push(("actor-picker", app.clone()));
    update(&mut app, Action::Back);
    for p in 0..4 {
        update(&mut app, Action::ToggleParty(p));
    }
    out.push(("all-parties-filtered", app.clone()));
    update(&mut app, Action::Show(Opener::Search));
    for c in "\u{1b}[2J\u{202e}中\u{85}".chars() {
        update(&mut app, Action::Input(c));
    }
    out.push(("search-typed-escapes", app.clone()));
    out
}

#[test]
fn no_raw_control_or_bidi_character_reaches_the_screen_and_nothing_spills() {
    for (w, h) in [(40, 12), (40, 24), (80, 24), (100, 30), (120, 40), (20, 5)] {
        for (name, app) in states(w, h) {
            draw_checked(&app, name);
        }
    }
}

#[test]
fn escapes_are_shown_as_visible_pictures() {
    let mut app = hostile(120, 40);
    select_id(&mut app, "one");
    let s = draw_checked(&app, "details");
    assert!(s.contains("␛[31mRED␛[0m"), "{s}");
    assert!(s.contains("\\u{202e}txt.exe"), "{s}");
    update(&mut app, Action::Open);
    let s = draw_checked(&app, "quotes");
    assert!(s.contains("\\u{85}News"), "C1 NEL shown: {s}");
}

#[test]
fn snapshots_at_40_80_and_120_columns() {
    for (w, h) in [(40, 16), (80, 24), (120, 30)] {
        for (name, app) in states(w, h) {
            if !matches!(
                name,
                "timeline" | "details-escapes" | "quotes-rtl" | "quotes-emoji" | "party-picker"
            ) {
                continue;
            }
            let s = draw_checked(&app, name);
            insta::assert_snapshot!(format!("untrusted_{name}_{w}x{h}"), s);
        }
    }
}

#[test]
fn the_details_title_never_shows_through_a_short_event_title() {
    let yaml = "events:\n  - {date: 2024-05-03, kind: meeting, title: Truce}\n";
    let app = crate::common::browser::open("short.yaml", yaml, 100, 20);
    let s = crate::common::browser::screen(&app, 100, 20);
    assert!(s.contains("│Truce "), "{s}");
    assert!(!s.contains("Truceils") && !s.contains("Details"), "{s}");
}

#[test]
fn a_huge_title_costs_a_frame_only_what_fits() {
    // 20 MB of title: every frame laid it all out (wrapped, sanitised, highlighted).
    let title = "Cairo talks ".repeat(20 * 1024 * 1024 / 12);
    let yaml = format!("events:\n  - {{date: 2024-05-03, kind: meeting, title: \"{title}\"}}\n");
    let mut app = crate::common::browser::open("huge.yaml", &yaml, 120, 40);
    dateline::tui::update(&mut app, dateline::tui::Action::FocusNext);
    let start = std::time::Instant::now();
    for _ in 0..5 {
        let s = crate::common::browser::screen(&app, 120, 40);
        assert!(s.contains("Cairo talks"));
    }
    let each = start.elapsed() / 5;
    // Generous for a debug build on a loaded machine; laying out 20 MB took seconds.
    assert!(
        each < std::time::Duration::from_millis(500),
        "{each:?} a frame"
    );
}

#[test]
fn extreme_sizes_render_the_hostile_log_without_panic() {
    for (w, h) in [(4000, 5), (5, 4000), (1, 1), (4000, 1), (1, 300)] {
        let app = hostile(w, h);
        let s = crate::common::browser::screen(&app, w, h);
        assert!(!s.contains('\u{1b}'));
    }
}
