//! One core: the browser's quotes browser (`Q`), driven by the keys a reader types, lists
//! exactly the quotes that `dateline quotes` prints for the same filters given as flags, in
//! the same order: "what did X say about Y between two dates" has one answer.

use dateline::filter::Query;
use dateline::load::{Limits, load_path};
use dateline::tui::app::Overlay;
use dateline::tui::input::keymap::action_for;
use dateline::tui::{App, ColorMode, update};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use std::process::Command;

const LOGS: [&str; 2] = ["tests/fixtures/voices.yaml", "data/cairo-talks-2024.yaml"];

fn path(log: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(log)
}

/// Types keys into a browser on `log` and returns what its quotes browser lists, as
/// (event id, words).
fn browser_quotes(log: &str, keys: &str) -> Vec<(String, String)> {
    let loaded = load_path(&path(log), &Limits::default()).unwrap();
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
            word => word.chars().map(KeyCode::Char).collect(),
        };
        for code in codes {
            let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
            if let Some(action) = action_for(&event, app.mode()) {
                update(&mut app, action);
            }
        }
    }
    let Some(Overlay::QuoteList(list)) = app.overlays.last() else {
        panic!(
            "keys {keys:?} did not end in the quotes browser: {:?}",
            app.mode()
        );
    };
    list.entries
        .iter()
        .map(|at| {
            let e = &app.log.events[at.event];
            (e.id.clone(), e.quotes[at.quote].text.clone())
        })
        .collect()
}

/// `dateline quotes LOG --format json FLAGS`, as (event id, words).
fn printed_quotes(log: &str, flags: &[&str]) -> Vec<(String, String)> {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["quotes", log, "--format", "json"])
        .args(flags)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let quotes: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    quotes
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q["event"].as_str().unwrap().to_owned(),
                q["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_quotes_browser_and_quotes_agree_on_the_same_filters() {
    // (log, keys typed in the browser, the same filters as flags)
    let cases: &[(usize, &str, &[&str])] = &[
        (0, "Q", &[]),
        // Who said it: the party picker, the actor picker, both.
        (0, "Q p arden <Space> <Enter>", &["--party", "arden"]),
        (0, "Q p belmont <Space> <Enter>", &["--party", "belmont"]),
        (
            0,
            "Q a vance <Space> <Enter>",
            &["--actor", "cordova-envoy"],
        ),
        (
            0,
            "Q p arden <Space> <Enter> a erre <Space> <Enter>",
            &["--party", "arden", "--actor", "belmont-spokesman"],
        ),
        // A party filter set in the timeline means who said it here too.
        (0, "1 Q", &["--party", "arden"]),
        // Topic, dates, search, status: events.
        (0, "Q # secur <Space> <Enter>", &["--topic", "security"]),
        (
            0,
            "Q r 2023-03-07..2023-03-12 <Enter>",
            &["--from", "2023-03-07", "--to", "2023-03-12"],
        ),
        (0, "Q r ..2023-03-06 <Enter>", &["--to", "2023-03-06"]),
        (0, "Q / embassy <Enter>", &["--search", "embassy"]),
        (0, "s disputed <Space> <Enter> Q", &["--status", "disputed"]),
        // "What did Arden say about embassies from 10 March": three keystrokes and a bit.
        (
            0,
            "Q p arden <Space> <Enter> # emb <Space> <Enter> r 2023-03-10.. <Enter>",
            &[
                "--party",
                "arden",
                "--topic",
                "embassies",
                "--from",
                "2023-03-10",
            ],
        ),
        (1, "Q", &[]),
        (1, "Q p hamas <Space> <Enter>", &["--party", "hamas"]),
        (1, "Q p us <Space> <Enter>", &["--party", "us"]),
        (
            1,
            "Q p egy <Space> <Enter> # rafah <Space> <Enter> r 2024-05 <Enter>",
            &[
                "--party", "egypt", "--topic", "rafah", "--from", "2024-05", "--to", "2024-05",
            ],
        ),
        (1, "Q a haniyeh <Space> <Enter>", &["--actor", "haniyeh"]),
        (1, "Q p qatar <Space> <Enter>", &["--party", "qatar"]),
    ];
    for &(log, keys, flags) in cases {
        let shown = browser_quotes(LOGS[log], keys);
        let printed = printed_quotes(LOGS[log], flags);
        assert_eq!(
            shown, printed,
            "{}: keys {keys:?} vs flags {flags:?}",
            LOGS[log]
        );
    }
    // The cases are not all alike: who said it narrows, and differently from the event.
    assert!(
        printed_quotes(LOGS[0], &["--party", "arden"]).len() < printed_quotes(LOGS[0], &[]).len()
    );
    assert!(printed_quotes(LOGS[1], &["--party", "qatar"]).is_empty());
}
