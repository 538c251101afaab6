//! `dateline check` on a log whose quote is checked against a 100 MB archive: each run is
//! bounded (a timeout, an address-space cap and a CPU cap) and must give its verdict.

use super::import_at_scale::{CAP_CPU, dateline_bounded};
use std::fmt::Write as _;

/// The address-space cap (KiB): what the archive's text, its index and the matching take,
/// with room, and well under what a careless reader takes (docs/PERFORMANCE.md).
const CAP_KIB: u64 = 1200 << 10;

/// About 100 MB of prose-like text: words drawn from a vocabulary of 50,000, in sentences
/// and paragraphs, the same every run.
fn archive() -> String {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let vocabulary: Vec<String> = (0..50_000)
        .map(|_| {
            let len = 2 + next() % 9;
            (0..len)
                .map(|_| char::from(b'a' + (next() % 26) as u8))
                .collect()
        })
        .collect();
    let mut text = String::with_capacity(100_000_100);
    while text.len() < 100_000_000 {
        for _ in 0..2 + next() % 5 {
            for w in 0..8 + next() % 18 {
                if w > 0 {
                    text.push(' ');
                }
                text.push_str(&vocabulary[(next() % 50_000) as usize]);
            }
            text.push_str(". ");
        }
        text.push_str("\n\n");
    }
    text
}

/// A log with one quote of `quote`, its source archived as `sources/report.txt`.
fn log(quote: &str) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "sources:\n  - {{id: report, outlet: Reuters, archive: sources/report.txt}}\nevents:\n  - date: 2024-05-03\n    kind: statement\n    title: A statement\n    sources: [report]\n    quotes:\n      - {{text: {}, attribution: the group, source: report}}\n",
        serde_json::to_string(quote).unwrap()
    );
    out
}

#[test]
fn a_quote_checked_against_a_100_mb_archive_stays_within_the_memory_cap() {
    let text = archive();
    // A sentence from the middle, found; and the same with one word changed, not found.
    let middle = text.len() / 2;
    let start = middle + text[middle..].find(". ").unwrap() + 2;
    let end = start + text[start..].find('.').unwrap();
    let found = text[start..end].trim().to_string();
    let mut words: Vec<&str> = found.split(' ').collect();
    words[3] = "zzzqqq";
    let not_found = words.join(" ");
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    std::fs::write(dir.path().join("sources/report.txt"), &text).unwrap();
    drop(text);
    for (quote, code, says) in [
        (found.as_str(), 0, "1 verified"),
        (not_found.as_str(), 1, "the closest passage differs"),
    ] {
        let path = dir.path().join("log.yaml");
        std::fs::write(&path, log(quote)).unwrap();
        let run = dateline_bounded(CAP_KIB, CAP_CPU, &["check", path.to_str().unwrap()]);
        assert_eq!(run.code, code, "{}{}", run.stdout, run.stderr);
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(all.contains(says), "{all}");
    }
}

/// An archive as large as the file limit admits, of one-letter words: 250 million words,
/// whose index alone would take 4 GB. It is refused by the load's memory budget, named,
/// once its words are counted, within the cap: never indexed.
#[test]
fn an_archive_of_more_words_than_the_budget_is_refused_within_the_memory_cap() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    std::fs::write(
        dir.path().join("sources/report.txt"),
        "a ".repeat(250_000_000),
    )
    .unwrap();
    let path = dir.path().join("log.yaml");
    std::fs::write(&path, log("a a a")).unwrap();
    let run = dateline_bounded(CAP_KIB, CAP_CPU, &["check", path.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("takes the load over its memory budget of 2048 MiB"),
        "{}{}",
        run.stdout,
        run.stderr
    );
}
