//! Quotes checked against archived sources, as `check` and `quotes` report them.

use crate::common::cli::dateline;
use std::path::{Path, PathBuf};

/// A copy of the sample and its archives in a fresh folder, `edit` applied to the log.
fn sample_copy(edit: impl Fn(String) -> String) -> (tempfile::TempDir, PathBuf) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    for entry in std::fs::read_dir(root.join("sources")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(
            entry.path(),
            dir.path().join("sources").join(entry.file_name()),
        )
        .unwrap();
    }
    let log = dir.path().join("talks.yaml");
    let text = std::fs::read_to_string(root.join("cairo-talks-2024.yaml")).unwrap();
    std::fs::write(&log, edit(text)).unwrap();
    (dir, log)
}

fn md_of(name: &str) -> String {
    text(&dateline(&["quotes", name]).stdout)
}

fn text(out: &[u8]) -> String {
    String::from_utf8(out.to_vec()).unwrap()
}

#[test]
fn check_catches_one_changed_word_and_says_which() {
    let (_d, log) = sample_copy(|t| {
        t.replace(
            "We are determined to secure an agreement",
            "We are determined to reach an agreement",
        )
    });
    let name = log.display().to_string();
    let run = dateline(&["check", &name]);
    let out = text(&run.stdout);
    assert_eq!(run.status.code(), Some(1), "{out}");
    assert!(
        out.starts_with(
            "error: the quote is not in its archive `sources/reuters-2024-05-03.txt`: the closest passage differs\n"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "help: log:     to reach an\n            archive: to secure an\n            closest passage (line 9 of sources/reuters-2024-05-03.txt): \"We are determined to secure an agreement in a way that fulfils Palestinians' demands,\"\n"
        ),
        "{out}"
    );
    assert!(out.contains(&format!("{name}: 18 events, ")), "{out}");
    assert!(out.contains(" quotes: 1 error\n"), "{out}");
    assert!(
        out.ends_with("22 quotes: 4 verified, 1 not found, 17 not checked (paraphrase)\n"),
        "{out}"
    );
}

#[test]
fn a_folded_quote_is_a_warning_and_the_check_passes() {
    let (_d, log) = sample_copy(|t| t.replace("deal - we can move", "deal \u{2014} we can move"));
    let run = dateline(&["check", &log.display().to_string()]);
    let out = text(&run.stdout);
    assert_eq!(run.status.code(), Some(0), "{out}");
    assert!(
        out.contains("warning: the quote is in its archive `sources/axios-2024-04-04.txt` only once typography is folded: `-` in the archive, `\u{2014}` in the log"),
        "{out}"
    );
    assert!(out.contains("1 folded"), "{out}");
}

#[test]
fn quotes_output_carries_the_verification() {
    let (_d, log) = sample_copy(|t| {
        t.replace(
            "We are determined to secure an agreement",
            "We are determined to reach an agreement",
        )
    });
    let name = log.display().to_string();
    // The browser and the exports still open a log whose quote is not found.
    let run = dateline(&["quotes", &name, "--format", "json"]);
    assert!(run.status.success());
    let v: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let all = v.as_array().unwrap();
    let by_text = |start: &str| {
        all.iter()
            .find(|q| q["text"].as_str().unwrap().starts_with(start))
            .unwrap()
            .clone()
    };
    let bad = by_text("We are determined to reach");
    assert_eq!(bad["verification"], "not-found");
    assert_eq!(
        bad["verification_detail"],
        "log: to reach an / archive: to secure an"
    );
    assert_eq!(by_text("positive spirit")["verification"], "verified");
    assert_eq!(by_text("it is determined")["verification"], "not-checked");
    assert!(!md_of(&name).contains("Not checked"));

    let md = text(&dateline(&["quotes", &name]).stdout);
    assert!(
        md.contains(
            "**NOT FOUND in the archived source (log: to reach an / archive: to secure an)**"
        ),
        "{md}"
    );
    let csv = text(&dateline(&["quotes", &name, "--format", "csv"]).stdout);
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .contains(",paraphrase,translated,verification,verification_detail,text")
    );
    assert!(
        csv.contains(",false,false,not-found,log: to reach an / archive: to secure an,"),
        "{csv}"
    );
}

#[test]
fn a_log_with_no_archive_says_nothing_of_verification() {
    let (_d, log) = sample_copy(|t| {
        t.lines()
            .filter(|l| !l.trim_start().starts_with("archive:"))
            .collect::<Vec<_>>()
            .join("\n")
    });
    let out = text(&dateline(&["check", &log.display().to_string()]).stdout);
    assert!(!out.contains("verified"), "{out}");
    let md = text(&dateline(&["quotes", &log.display().to_string()]).stdout);
    assert!(!md.contains("Not checked"), "{md}");
}

/// `list --format markdown` writes the browser's `w` document (one Markdown for both), and
/// in it, as in `quotes`, a quote not found is flagged before its words, not after them.
#[test]
fn markdown_flags_a_quote_not_found_before_its_words() {
    let (_d, log) = sample_copy(|t| {
        t.replace(
            "We are determined to secure an agreement",
            "We are determined to reach an agreement",
        )
    });
    let name = log.display().to_string();
    let flag = "**NOT FOUND in the archived source (log: to reach an / archive: to secure an)**";
    let words = "> “We are determined to reach an agreement";
    for md in [
        text(&dateline(&["list", &name, "--format", "markdown", "--party", "hamas"]).stdout),
        md_of(&name),
    ] {
        let (f, w) = (md.find(flag), md.find(words));
        assert!(f.is_some() && w.is_some(), "{md}");
        assert!(f < w, "the flag comes after the quote:\n{md}");
        assert!(md.contains(&format!("{flag}\n\n{words}")), "{md}");
    }
}
