//! `dateline check` on archives and quotes shaped to make quote matching quadratic: each
//! run is bounded (a CPU-time cap and an address-space cap, under the runner's timeout) and
//! must end with a verdict on every quote.

use crate::import_at_scale::{CAP_CPU, dateline_bounded};
use std::fmt::Write as _;

/// An address-space cap far above what these checks need (1 GiB, in KiB).
const CAP_KIB: u64 = 1 << 20;

/// A log of `quotes` (each its text), all from the one source whose archive is `a.txt`.
fn log(quotes: &[String]) -> String {
    let mut out =
        String::from("dateline: 1\nsources:\n  - {id: s, outlet: Wire, archive: a.txt}\nevents:\n");
    for (i, q) in quotes.iter().enumerate() {
        let _ = write!(
            out,
            "  - date: 2024-05-03\n    kind: statement\n    title: Event {i}\n    quotes:\n      - text: {}\n        attribution: someone\n        source: s\n",
            serde_json::to_string(q).unwrap()
        );
    }
    out
}

/// `dateline check` of `quotes` against `archive`, bounded: its exit code and output.
fn check(archive: &str, quotes: &[String]) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), archive).unwrap();
    let path = dir.path().join("log.yaml");
    std::fs::write(&path, log(quotes)).unwrap();
    let run = dateline_bounded(CAP_KIB, CAP_CPU, &["check", path.to_str().unwrap()]);
    (run.code, format!("{}{}", run.stdout, run.stderr))
}

/// Prose-like words from a small deterministic generator (xorshift), with no "altered".
fn prose(words: usize) -> Vec<String> {
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let common = ["the", "of", "and", "to", "a", "in", "that", "said", "talks"];
    (0..words)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            match x % 3 {
                0 => common[(x >> 8) as usize % common.len()].to_string(),
                _ => format!("w{}", (x >> 8) % 5000),
            }
        })
        .collect()
}

#[test]
fn a_4_kb_log_against_a_megabyte_of_one_word_repeated_is_checked_in_bounded_time() {
    let archive = "talks ".repeat(1_000_000 / 6);
    let many = "talks ".repeat(100);
    // About 4 KB of quotes: found, not there, and every word there but a full stop.
    let mut quotes = Vec::new();
    for i in 0..6 {
        quotes.push(format!("{many}ceasefire{i}"));
        quotes.push(format!("{many}talks."));
    }
    quotes.push("talks talks talks".into());
    assert!(log(&quotes).len() >= 4_000);
    let (code, out) = check(&archive, &quotes);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("13 quotes: 1 verified, 12 not found"), "{out}");
    assert!(
        out.contains("not found (closest passage not computed: archive too repetitive)"),
        "{out}"
    );
}

#[test]
fn a_megabyte_of_near_repeats_is_checked_in_bounded_time() {
    let mut archive = String::new();
    let mut i = 0;
    while archive.len() < 1_000_000 {
        let _ = write!(
            archive,
            "the delegation said talks w{} will go on. ",
            i % 50
        );
        i += 1;
    }
    let quotes = vec![
        // There, once per 50 sentences.
        "the delegation said talks w7 will go on.".to_string(),
        // Nowhere: no sentence has "wx".
        "the delegation said talks wx will go on. ".repeat(40),
        // Two sentences that never follow each other.
        "the delegation said talks w7 will go on. the delegation said talks w9 will go on."
            .to_string(),
    ];
    let (code, out) = check(&archive, &quotes);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("3 quotes: 1 verified, 2 not found"), "{out}");
}

#[test]
fn a_20_000_word_quote_is_checked_in_bounded_time() {
    let words = prose(20_100);
    let archive = words.join(" ");
    let quote: Vec<String> = words[..20_000]
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i % 100 == 50 {
                "altered".into()
            } else {
                w.clone()
            }
        })
        .collect();
    let (code, out) = check(&archive, &[quote.join(" ")]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("the closest passage differs"), "{out}");
}
