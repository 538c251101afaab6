//! One core: the browser, driven by the keys a reader types, shows exactly the events that
//! `dateline list` prints for the same filters given as flags.

use dateline::filter::Query;
use dateline::load::load_str;
use dateline::tui::input::keymap::action_for;
use dateline::tui::{App, ColorMode, update};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::process::Command;

/// Types keys into a browser on the sample log and returns the ids it shows.
fn browser_ids(keys: &str) -> Vec<String> {
    let loaded = load_str(dateline::SAMPLE_NAME, dateline::SAMPLE).unwrap();
    let mut app = App::new(loaded, Query::default(), ColorMode::None);
    update(
        &mut app,
        dateline::tui::Action::Resize {
            width: 120,
            height: 40,
        },
    );
    for token in keys.split(' ').filter(|t| !t.is_empty()) {
        let codes: Vec<KeyCode> = match token {
            "<Enter>" => vec![KeyCode::Enter],
            "<Space>" => vec![KeyCode::Char(' ')],
            "<Esc>" => vec![KeyCode::Esc],
            "<Down>" => vec![KeyCode::Down],
            word => word.chars().map(KeyCode::Char).collect(),
        };
        for code in codes {
            let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
            if let Some(action) = action_for(&event, app.mode()) {
                update(&mut app, action);
            }
        }
    }
    app.visible
        .iter()
        .map(|&i| app.log.events[i].id.clone())
        .collect()
}

/// Runs `dateline list --format json` on the sample with these flags; returns the ids.
fn list_ids(flags: &[&str]) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["list", "data/cairo-talks-2024.yaml", "--format", "json"])
        .args(flags)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_browser_and_list_agree_on_the_same_filters() {
    // (keys typed in the browser, the same filters as flags)
    let cases: &[(&str, &[&str])] = &[
        ("", &[]),
        // Digits toggle the n-th party: 3 is Hamas in the sample's order.
        ("3", &["--party", "hamas"]),
        ("1 3", &["--party", "us", "--party", "hamas"]),
        // The party picker, narrowed by typing.
        ("p egy <Space> <Enter>", &["--party", "egypt"]),
        ("a burns <Space> <Enter>", &["--actor", "burns"]),
        (
            "a haniyeh <Space> <Enter> 1",
            &["--actor", "haniyeh", "--party", "us"],
        ),
        ("t meeting <Space> <Enter>", &["--kind", "meeting"]),
        ("s expected <Space> <Enter>", &["--status", "expected"]),
        ("/ cairo <Enter>", &["--search", "cairo"]),
        (
            "/ EGYPTIAN <Space> mediators <Enter>",
            &["--search", "egyptian mediators"],
        ),
        (
            "/ cairo <Enter> 3",
            &["--search", "cairo", "--party", "hamas"],
        ),
        (
            "/ nothing-matches-this <Enter>",
            &["--search", "nothing-matches-this"],
        ),
    ];
    for (keys, flags) in cases {
        let shown = browser_ids(keys);
        let listed = list_ids(flags);
        assert_eq!(shown, listed, "keys {keys:?} vs flags {flags:?}");
    }
    // The cases are not all alike: filters do narrow.
    assert!(list_ids(&["--party", "hamas"]).len() < list_ids(&[]).len());
}
