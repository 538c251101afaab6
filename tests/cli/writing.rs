//! Writing a log: `dateline new`, `dateline schema`, and `check` on the mistakes people make
//! while writing one, each message with its fix (golden outputs in tests/golden/check-*.txt).

use crate::common::cli::{compare_golden, dateline};
use std::path::Path;

/// `dateline check` on a fixture of tests/fixtures/mistakes: its output against
/// tests/golden/check-NAME.txt, and the exit code.
fn check_golden(name: &str, code: i32) {
    let file = format!("tests/fixtures/mistakes/{name}.yaml");
    let out = dateline(&["check", &file]);
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    assert_eq!(
        out.status.code(),
        Some(code),
        "dateline check {file}:\n{stdout}"
    );
    compare_golden(
        &format!("check-{name}.txt"),
        &format!("dateline check {file}"),
        &stdout,
    );
}

#[test]
fn a_colon_in_a_value_says_to_quote_it_and_every_one_is_found_in_one_run() {
    check_golden("colon", 1);
}

#[test]
fn an_unknown_status_or_kind_lists_the_words_and_the_closest() {
    check_golden("status-kind", 1);
}

#[test]
fn an_id_of_the_wrong_kind_says_what_it_is_and_what_to_write() {
    check_golden("namespaces", 1);
}

#[test]
fn a_single_value_where_a_list_is_expected_says_to_write_a_list() {
    check_golden("list", 1);
}

#[test]
fn after_a_syntax_error_the_errors_before_it_are_reported_too() {
    check_golden("syntax-after", 1);
}

#[test]
fn a_file_of_parties_alone_is_a_valid_part_of_a_log() {
    check_golden("only-parties", 0);
}

#[test]
fn a_file_with_nothing_to_read_says_what_it_needs() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.yaml");
    std::fs::write(&path, "title: Only a title\n").unwrap();
    let out = dateline(&["check", path.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("found none of `events`, `parties`, `actors`, `sources`"),
        "{stdout}"
    );
}

#[test]
fn new_writes_a_starter_that_check_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.yaml");
    let p = path.to_str().unwrap();
    let out = dateline(&["new", p]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("wrote {p}")), "{stderr}");
    assert!(stderr.contains("dateline schema >"), "{stderr}");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("# yaml-language-server: $schema=format-1.schema.json\n"),
        "{text}"
    );
    let check = dateline(&["check", p]);
    let said = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success(), "{said}");
    // A dated and a month-only event, a quote and a translation with its original, and no
    // warning to puzzle a newcomer.
    assert_eq!(
        said.trim_end(),
        format!("{p}: 2 events, 1 actor, 1 party, 2 quotes: ok")
    );
    let log = dateline::load::load_path(&path, &Default::default())
        .unwrap()
        .log;
    let precisions: Vec<_> = log.events.iter().map(|e| e.date.precision).collect();
    use dateline::model::Precision;
    assert_eq!(precisions, [Precision::Month, Precision::Day]);
}

#[test]
fn new_never_writes_over_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.yaml");
    std::fs::write(&path, "my own work\n").unwrap();
    let out = dateline(&["new", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("already exists"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "my own work\n");
}

#[test]
fn schema_prints_the_schema_kept_in_docs() {
    let out = dateline(&["schema"]);
    assert!(out.status.success());
    let kept =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/format-1.schema.json"))
            .unwrap();
    assert!(
        out.stdout == kept,
        "`dateline schema` differs from docs/format-1.schema.json"
    );
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(
        jsonschema::meta::is_valid(&schema),
        "not a valid JSON Schema"
    );
}
