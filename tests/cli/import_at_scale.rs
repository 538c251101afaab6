//! `dateline import` on files shaped to make a careless reader quadratic: each run is
//! bounded (a timeout and an address-space cap) and must finish with a log.

use super::check::{Run, run};
use std::fmt::Write as _;
use std::process::Command;

/// An address-space cap far above what these imports need (1 GiB, in KiB).
const CAP_KIB: u64 = 1 << 20;

/// CPU seconds far above what a linear run needs here (a few), far below what the
/// quadratic ones took: a cap on CPU, not on the clock, holds on a busy machine.
pub(crate) const CAP_CPU: u64 = 30;

/// Runs the binary with its address space (KiB) and CPU time (seconds) capped, under the
/// runner's timeout: past the CPU cap it is killed (SIGXCPU), which `run` reports.
pub(crate) fn dateline_bounded(kib: u64, cpu: u64, args: &[&str]) -> Run {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!(
            "ulimit -v {kib} && ulimit -t {cpu} && exec \"$0\" \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_dateline"))
        .args(args);
    run(&mut cmd)
}

fn import(name: &str, text: &str) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    let run = dateline_bounded(CAP_KIB, CAP_CPU, &["import", path.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run
}

/// TimelineJS JSON of `n` slides on one day, each with the headline and group given.
fn slides(n: usize, headline: impl Fn(usize) -> String, group: impl Fn(usize) -> String) -> String {
    let mut out = String::from(r#"{"events": ["#);
    for i in 0..n {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(
            out,
            r#"{{"start_date": {{"year": 2024, "month": 5, "day": 3}}, "text": {{"headline": {}}}, "group": {}}}"#,
            serde_json::Value::String(headline(i)),
            serde_json::Value::String(group(i)),
        );
    }
    out.push_str("]}");
    out
}

#[test]
fn a_headline_of_a_million_unclosed_angle_brackets_is_imported_as_text() {
    let headline = "<".repeat(1_000_000) + "x>";
    let run = import(
        "t.json",
        &slides(1, |_| headline.clone(), |_| "Hamas".into()),
    );
    assert!(
        run.stdout.contains(&"<".repeat(1000)),
        "the brackets are text"
    );
}

#[test]
fn forty_thousand_slides_with_one_derived_id_are_numbered_in_order() {
    let run = import(
        "t.json",
        &slides(40_000, |_| "Talks".into(), |_| "Hamas".into()),
    );
    for id in [
        "2024-05-03-talks\n",
        "2024-05-03-talks-2\n",
        "2024-05-03-talks-40000\n",
    ] {
        assert!(run.stdout.contains(&format!("- id: {id}")), "{id}");
    }
}

#[test]
fn eight_thousand_groups_that_slug_alike_become_numbered_parties() {
    // Names that differ only in punctuation: all slug to `x`.
    const MARKS: &[u8] = b"!#$%()*+,./:;=?@[]^{|}~";
    let name = |i: usize| {
        let m = |k: usize| MARKS[(i / MARKS.len().pow(k as u32)) % MARKS.len()] as char;
        format!("x{}{}{}", m(0), m(1), m(2))
    };
    let run = import("t.json", &slides(8_000, |i| format!("Talks {i}"), name));
    for id in ["x\n", "x-2\n", "x-8000\n"] {
        assert!(run.stdout.contains(&format!("  - id: {id}")), "{id}");
    }
}

#[test]
fn twenty_thousand_csv_columns_of_one_name_are_kept_under_numbered_keys() {
    let columns = 20_000;
    let mut csv = String::from("Year,Headline");
    csv.push_str(&",x".repeat(columns));
    csv.push('\n');
    for row in 0..20 {
        let _ = write!(csv, "2024,Row {row}");
        csv.push_str(&",v".repeat(columns));
        csv.push('\n');
    }
    let run = import("t.csv", &csv);
    assert_eq!(
        run.stdout
            .matches("    x-timelinejs-x-20000: \"v\"\n")
            .count(),
        20
    );
}

#[test]
fn a_json_file_past_the_import_share_of_the_memory_budget_is_refused_at_once() {
    // 64 MiB of small values would take about 2 GB as a JSON tree: one byte more is refused
    // before it is read.
    let limit: usize = 64 << 20;
    let mut json = String::with_capacity(limit + 16);
    json.push_str(r#"{"events": [], "x": [0"#);
    while json.len() < limit - 1 {
        json.push_str(",0");
    }
    json.push_str("]}");
    assert!(json.len() > limit);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.json");
    std::fs::write(&path, &json).unwrap();
    let run = dateline_bounded(CAP_KIB, CAP_CPU, &["import", path.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "over the limit of {limit} bytes for an import (an import takes up to 32 times its size in memory, within a budget of 2048 MiB"
        )),
        "{}",
        run.stderr
    );
}
