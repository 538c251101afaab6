//! `dateline sources`: the bibliography in each format (goldens), what it counts, and the
//! same sanitising and formula rules as `list`.

use crate::common::cli::{dateline, golden, stdout};

const LOG: &str = "tests/fixtures/bibliography/talks.yaml";

#[test]
fn the_bibliography_in_each_format_matches_its_golden() {
    golden("sources.txt", &["sources", LOG]);
    golden("sources.md", &["sources", LOG, "--format", "markdown"]);
    golden("sources.json", &["sources", LOG, "--format", "json"]);
    golden("sources.csv", &["sources", LOG, "--format", "csv"]);
    golden(
        "sources-le-monde.md",
        &[
            "sources", LOG, "--outlet", "LE MONDE", "--format", "markdown",
        ],
    );
}

#[test]
fn each_source_counts_the_events_and_quotes_resting_on_it_and_their_verdicts() {
    let out = stdout(&["sources", LOG, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let reuters = json
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "reuters-0301")
        .unwrap();
    assert_eq!(reuters["events"], 1);
    assert_eq!(reuters["quotes"], 2);
    assert_eq!(reuters["verified"], 1);
    assert_eq!(reuters["not_found"], 0);
    assert_eq!(reuters["not_checked"], 1);
    assert_eq!(reuters["archive"], "sources/reuters-0301.txt");
}

#[test]
fn filters_keep_the_sources_of_the_events_they_keep() {
    // The meeting rests on Le Monde's second report only (through its quote).
    let out = stdout(&["sources", LOG, "--kind", "meeting", "--format", "csv"]);
    let ids: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(ids, ["lemonde-0305"]);
    // An event on two sources, asked for by one: the other is not listed.
    let out = stdout(&[
        "sources",
        LOG,
        "--source",
        "reuters-0301",
        "--format",
        "csv",
    ]);
    let ids: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(ids, ["reuters-0301"]);
}

#[test]
fn a_title_a_spreadsheet_would_run_is_written_as_text() {
    let out = stdout(&["sources", LOG, "--format", "csv"]);
    assert!(
        out.contains("\"'=HYPERLINK(\"\"https://example.org\"\")\""),
        "{out}"
    );
    // JSON keeps the log's text as written.
    let json = stdout(&["sources", LOG, "--format", "json"]);
    assert!(json.contains(r#""title": "=HYPERLINK(\"https://example.org\")""#));
}

#[test]
fn a_hostile_log_reaches_the_terminal_escaped() {
    for format in ["text", "markdown"] {
        let out = stdout(&["sources", "tests/fixtures/hostile.yaml", "--format", format]);
        assert!(
            !out.chars().any(|c| c.is_control() && c != '\n'),
            "{format}: {out:?}"
        );
        assert!(!out.contains('\u{202e}'), "{format}: {out:?}");
    }
}

#[test]
fn an_unknown_outlet_is_wrong_usage() {
    let out = dateline(&["sources", LOG, "--outlet", "Reuter"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean \"Reuters\"?"));
}

/// The browser's sources view after typing `keys`: (id, events, quotes, verified,
/// not found, not checked) per source, top to bottom.
fn view_rows(keys: &str) -> Vec<(String, u64, u64, u64, u64, u64)> {
    use dateline::tui::input::keymap::action_for;
    use dateline::tui::overlays::Overlay;
    use dateline::tui::{Action, App, ColorMode, update};
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let loaded = dateline::load::load_path(LOG.as_ref(), &Default::default()).unwrap();
    let mut app = App::new(loaded, Default::default(), ColorMode::None);
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    for c in keys.chars().chain(['S']) {
        let code = if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        if let Some(a) = action_for(&event, app.mode()) {
            update(&mut app, a);
        }
    }
    let Some(Overlay::Sources(v)) = app.overlays.last() else {
        panic!("the sources view is not open");
    };
    v.entries
        .iter()
        .map(|(s, u)| {
            let n = |x: usize| x as u64;
            (
                app.log.sources[*s].id.clone(),
                n(u.events),
                n(u.quotes),
                n(u.checked.verified),
                n(u.checked.not_found),
                n(u.checked.not_checked),
            )
        })
        .collect()
}

fn cli_rows(flags: &[&str]) -> Vec<(String, u64, u64, u64, u64, u64)> {
    let mut args = vec!["sources", LOG, "--format", "json"];
    args.extend_from_slice(flags);
    let json: serde_json::Value = serde_json::from_str(&stdout(&args)).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let n = |k: &str| s[k].as_u64().unwrap();
            (
                s["id"].as_str().unwrap().to_owned(),
                n("events"),
                n("quotes"),
                n("verified"),
                n("not_found"),
                n("not_checked"),
            )
        })
        .collect()
}

#[test]
fn the_sources_view_and_the_command_agree_on_order_and_counts() {
    let cases: &[(&str, &[&str])] = &[
        ("", &[]),
        ("tmeeting\n", &["--kind", "meeting"]),
        ("Omonde\n", &["--outlet", "le monde"]),
        ("breuters\n", &["--source", "reuters-0301"]),
        ("pfrance\n", &["--party", "france"]),
    ];
    for (keys, flags) in cases {
        assert_eq!(
            view_rows(keys),
            cli_rows(flags),
            "keys {keys:?}, flags {flags:?}"
        );
    }
}
