//! `list --unseen`: the events new or changed since the reader last looked in the
//! browser, for scripts; every event when no look was recorded; `list` never records one.

use std::path::{Path, PathBuf};
use std::process::Command;

const V1: &str = "events:
  - {id: invite, date: 2025-04-05, kind: statement, title: Talks will be direct}
  - {id: round-one, date: 2025-04-12, kind: meeting, status: expected, title: First round}
";

/// The colleague's edit: the first round happened, a second is announced.
const V2: &str = "events:
  - {id: invite, date: 2025-04-05, kind: statement, title: Talks will be direct}
  - {id: round-one, date: 2025-04-12, kind: meeting, status: occurred, title: First round}
  - {id: round-two, date: 2025-04-19, kind: meeting, status: expected, title: Second round}
";

/// The ids `list --unseen` prints (as JSON) for the log at `log`.
fn unseen(log: &Path, state: &Path) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["list", "--unseen", "--format", "json"])
        .arg(log)
        .env("DATELINE_STATE_DIR", state)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let events = json
        .get("events")
        .and_then(|e| e.as_array())
        .cloned()
        .or_else(|| json.as_array().cloned())
        .unwrap();
    events
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn list_unseen_gives_what_the_browser_would_mark_and_records_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let log = dir.path().join("talks.yaml");
    std::fs::write(&log, V1).unwrap();
    let seen = state
        .join("seen")
        .join(dateline::seen::key_for(&[PathBuf::from(&log)]));

    // No look recorded: every event, and `list` records none.
    assert_eq!(unseen(&log, &state), ["invite", "round-one"]);
    assert!(!seen.exists(), "list never records a look");

    // The browser's look at the first version (as its quit records it).
    let v1 = dateline::load::load_str("talks.yaml", V1).unwrap().log;
    dateline::seen::save_look(&seen, &v1, 1_764_873_600).unwrap();
    let recorded = std::fs::read(&seen).unwrap();
    assert!(unseen(&log, &state).is_empty());

    std::fs::write(&log, V2).unwrap();
    assert_eq!(unseen(&log, &state), ["round-one", "round-two"]);
    assert_eq!(
        std::fs::read(&seen).unwrap(),
        recorded,
        "list records no look"
    );
}
