//! Property tests of the browser: random sequences of actions (reloads among them) at
//! random terminal sizes, from 0×0 and 1×1 up to 300×100, drawn into a TestBackend after
//! each step. Nothing panics, the selection is always a visible event (or none when none is
//! visible), and the timeline's scroll stays within its rows with the selection on screen.

use dateline::filter::Query;
use dateline::load::{Loaded, load_str};
use dateline::tui::input::keymap::BINDINGS;
use dateline::tui::layout::areas;
use dateline::tui::{Action, App, ColorMode, Msg, update, view};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::OnceLock;

const HOSTILE: &str = include_str!("../fixtures/hostile.yaml");

/// Pieces of text meant to break a terminal or a layout.
const FRAGMENTS: &[&str] = &[
    "\u{1b}[2J",
    "\u{1b}]0;x\u{7}",
    "\u{9b}31m",
    "\u{85}",
    "\u{202e}",
    "\u{2066}",
    "\u{2069}",
    "\t",
    "中华人民共和国",
    "حماس",
    "لا",
    "ישראל",
    "👨\u{200d}👩\u{200d}👧",
    "🏳\u{fe0f}\u{200d}🌈",
    "e\u{301}\u{301}",
    "Supercalifragilisticexpialidociouswithoutanyspace",
    "Cairo",
    " ",
    "talks",
];

/// A YAML double-quoted string holding `s` exactly.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push_str(&format!("\\U{:08X}", c as u32)),
        }
    }
    out.push('"');
    out
}

/// A small log whose names, titles and quotes are built from `texts`.
fn generated(texts: &[String]) -> String {
    let t = |i: usize| {
        let s = &texts[i % texts.len()];
        quoted(if s.trim().is_empty() { "x" } else { s })
    };
    let mut y = format!(
        "title: {}\nparties:\n  - {{id: p1, name: {}}}\n  - {{id: p2, name: {}}}\n",
        t(0),
        t(1),
        t(2)
    );
    y += &format!(
        "actors:\n  - {{id: a1, name: {}, party: p1, role: {}}}\n  - {{id: a2, name: {}, party: p2}}\n",
        t(3),
        t(4),
        t(5)
    );
    y += &format!(
        "sources:\n  - {{id: s1, outlet: {}, title: {}, byline: [{}]}}\nevents:\n",
        t(6),
        t(7),
        t(8)
    );
    for i in 0..texts.len().max(3) {
        let day = 1 + (i * 7) % 28;
        let month = 1 + i % 3;
        y += &format!(
            "  - {{id: e{i}, date: 2024-{month:02}-{day:02}, kind: {}, title: {}, actors: [a{}], \
             summary: {}, quotes: [{{text: {}, speaker: a{}, source: s1}}]}}\n",
            ["meeting", "call", "statement", "proposal"][i % 4],
            t(i + 9),
            1 + i % 2,
            t(i + 10),
            t(i + 11),
            2 - i % 2,
        );
    }
    y
}

fn sample() -> &'static Loaded {
    static S: OnceLock<Loaded> = OnceLock::new();
    S.get_or_init(|| load_str(dateline::SAMPLE_NAME, dateline::SAMPLE).unwrap())
}

fn hostile() -> &'static Loaded {
    static H: OnceLock<Loaded> = OnceLock::new();
    H.get_or_init(|| load_str("hostile.yaml", HOSTILE).unwrap())
}

#[derive(Clone, Debug)]
enum Step {
    Act(Action),
    /// A reload: 0 the sample, 1 the hostile log, 2 the generated one, 3 a broken file.
    Reload(u8),
}

/// Every action a key of the key table asks for, each once: a new key is in the random
/// sequences as soon as it is bound. Effects (files, the clipboard, the editor) are only
/// queued here, never carried out.
fn bound_actions() -> Vec<Action> {
    let mut all: Vec<Action> = Vec::new();
    for b in BINDINGS {
        if !all.contains(&b.action) {
            all.push(b.action);
        }
    }
    all
}

fn action() -> impl Strategy<Value = Action> {
    let plain = prop::sample::select(bound_actions());
    prop_oneof![
        6 => plain,
        2 => prop::sample::select(vec!['a', 'e', 'i', 'c', 'h', ' ', '中', '\u{202e}', '\u{1b}', '2', '0', '4', '-', '.'])
            .prop_map(Action::Input),
        1 => (0usize..8).prop_map(Action::ToggleParty),
        1 => (-20i16..20).prop_map(Action::Wheel),
        1 => (-3isize..4).prop_map(Action::ScrollLanes),
        1 => (0u16..300, 0u16..100).prop_map(|(col, row)| Action::Click { col, row }),
        1 => size().prop_map(|(width, height)| Action::Resize { width, height }),
    ]
}

/// Terminal sizes, the degenerate ones often.
fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        1 => Just((0, 0)),
        1 => Just((1, 1)),
        1 => (0u16..=300).prop_map(|w| (w, 0)),
        1 => (0u16..=100).prop_map(|h| (0, h)),
        2 => (1u16..=30, 1u16..=12),
        4 => (1u16..=300, 1u16..=100),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        20 => action().prop_map(Step::Act),
        1 => (0u8..4).prop_map(Step::Reload),
    ]
}

/// What must hold after every step.
fn check(app: &App) {
    match app.selected {
        None => assert!(
            app.visible.is_empty(),
            "nothing selected among visible events"
        ),
        Some(s) => assert!(app.is_visible(s), "the selected event {s} is hidden"),
    }
    let rows = app.rows.len();
    assert!(
        app.scroll < rows.max(1),
        "scroll {} past {} rows",
        app.scroll,
        rows
    );
    let a = areas(app);
    if let Some(pos) = app.selected_pos()
        && !a.too_small
        && a.timeline.height > 0
        && app.overlays.is_empty()
    {
        let row = app.rows.event_row[pos];
        let h = a.timeline.height as usize;
        assert!(
            app.scroll <= row && row < app.scroll + h,
            "selected row {row} off screen (scroll {}, height {h})",
            app.scroll
        );
    }
    if let Some(p) = app.picker() {
        assert!(
            p.cursor < p.shown.len().max(1),
            "picker cursor past its list"
        );
    }
}

fn draw(app: &App) {
    let mut t = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
    t.draw(|f| view(app, f)).unwrap();
}

fn run(start: &Loaded, texts: &[String], (w, h): (u16, u16), steps: &[Step]) {
    let generated = generated(texts);
    let mut app = App::new(start.clone(), Query::default(), ColorMode::TrueColor);
    update(
        &mut app,
        Action::Resize {
            width: w,
            height: h,
        },
    );
    draw(&app);
    check(&app);
    for s in steps {
        match s {
            Step::Act(a) => update(&mut app, *a),
            Step::Reload(which) => {
                let result = match which {
                    0 => Ok(sample().clone()),
                    1 => Ok(hostile().clone()),
                    2 => load_str("generated.yaml", &generated),
                    _ => load_str("broken.yaml", "events:\n  - {date: 2024-13-01, kind: x}\n"),
                };
                update(&mut app, Msg::reloaded(result));
            }
        }
        app.quit = false; // Quit ends the real loop; here, keep going.
        app.effects.clear(); // The run loop's work (terminal output, opening a URL).
        draw(&app);
        check(&app);
    }
}

fn texts() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop::collection::vec(prop::sample::select(FRAGMENTS.to_vec()), 1..4)
            .prop_map(|v| v.concat()),
        3..8,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn the_sample_survives_any_actions_at_any_size(
        size in size(),
        texts in texts(),
        steps in prop::collection::vec(step(), 1..40),
    ) {
        run(sample(), &texts, size, &steps);
    }

    #[test]
    fn a_generated_hostile_log_survives_any_actions_at_any_size(
        size in size(),
        texts in texts(),
        steps in prop::collection::vec(step(), 1..40),
    ) {
        let log = generated(&texts);
        let loaded = load_str("generated.yaml", &log).expect("the generated log opens");
        run(&loaded, &texts, size, &steps);
    }

    #[test]
    fn the_hostile_fixture_survives_any_actions_at_any_size(
        size in size(),
        texts in texts(),
        steps in prop::collection::vec(step(), 1..40),
    ) {
        run(hostile(), &texts, size, &steps);
    }
}
