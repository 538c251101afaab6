//! `dateline add event|quote|source` and `dateline set`: the id printed, only the item's text
//! changed, and every refusal leaving the file byte for byte as it was.

use crate::common::cli::dateline;
use std::path::{Path, PathBuf};

/// The bundled sample and its archives, copied into a fresh folder.
fn sample_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    for f in ["axios-2024-04-04.txt", "reuters-2024-05-03.txt"] {
        std::fs::copy(
            data.join("sources").join(f),
            dir.path().join("sources").join(f),
        )
        .unwrap();
    }
    let log = dir.path().join("talks.yaml");
    std::fs::copy(data.join("cairo-talks-2024.yaml"), &log).unwrap();
    (dir, log)
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = dateline(args);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// What `after` added to `before`: one insertion or replacement, the rest byte for byte.
fn changed(before: &str, after: &str) -> (String, String) {
    let pre = before
        .bytes()
        .zip(after.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let suf = before[pre..]
        .bytes()
        .rev()
        .zip(after[pre..].bytes().rev())
        .take_while(|(a, b)| a == b)
        .count();
    (
        before[pre..before.len() - suf].to_string(),
        after[pre..after.len() - suf].to_string(),
    )
}

#[test]
fn add_event_prints_its_id_and_inserts_it_at_its_date() {
    let (_dir, log) = sample_copy();
    let before = std::fs::read_to_string(&log).unwrap();
    let p = log.to_str().unwrap();
    let (code, out, err) = run(&[
        "add",
        "event",
        p,
        "--date",
        "2024-04-05T11:00[Africa/Cairo]",
        "--kind",
        "meeting",
        "--title",
        "Mediators meet in Cairo: no breakthrough",
        "--party",
        "egypt",
        "--party",
        "qatar",
        "--topic",
        "ceasefire",
        "--source",
        "axios-2024-04-04",
        "--location",
        "Cairo",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "2024-04-05-mediators-meet-in-cairo-no-breakthrough\n");
    assert!(
        err.contains("added 2024-04-05-mediators-meet-in-cairo-no-breakthrough to talks.yaml:"),
        "{err}"
    );
    let after = std::fs::read_to_string(&log).unwrap();
    let block = "\n\n  - id: 2024-04-05-mediators-meet-in-cairo-no-breakthrough\n    date: 2024-04-05T11:00[Africa/Cairo]\n    kind: meeting\n    title: \"Mediators meet in Cairo: no breakthrough\"\n    location: Cairo\n    parties: [egypt, qatar]\n    topics: [ceasefire]\n    sources: [axios-2024-04-04]";
    assert!(after.contains(block), "{after}");
    assert_eq!(after.replacen(block, "", 1), before);
    // Between the events of 4 April and those of 6 April, as the timeline shows it.
    let list =
        crate::common::cli::stdout(&["list", p, "--from", "2024-04-04", "--to", "2024-04-06"]);
    let rows: Vec<&str> = list.lines().collect();
    let at = rows
        .iter()
        .position(|r| r.contains("Mediators meet"))
        .unwrap();
    // (A long date stands on a line of its own above its row.)
    let last_4 = rows
        .iter()
        .rposition(|r| r.starts_with("Thu 4 April"))
        .unwrap();
    let first_6 = rows
        .iter()
        .position(|r| r.starts_with("Sat 6 April"))
        .unwrap();
    assert!(last_4 < at && at < first_6, "{list}");
    let (code, _, _) = run(&["check", p]);
    assert_eq!(code, 0);
}

#[test]
fn add_source_and_a_quote_from_its_archive_then_set_a_status() {
    let (dir, log) = sample_copy();
    std::fs::write(
        dir.path().join("sources/le-monde.txt"),
        "Le médiateur a déclaré : « Nous sommes proches d'un accord. »\n",
    )
    .unwrap();
    let p = log.to_str().unwrap();
    let (code, out, err) = run(&[
        "add",
        "source",
        p,
        "--outlet",
        "Le Monde",
        "--published",
        "2024-05-04",
        "--byline",
        "A. Dupont",
        "--archive",
        "sources/le-monde.txt",
    ]);
    assert_eq!((code, out.as_str()), (0, "le-monde-2024-05-04\n"), "{err}");
    let (code, out, err) = run(&[
        "add",
        "quote",
        p,
        "--event",
        "burns-arrives-cairo",
        "--text",
        "Nous sommes proches d'un accord.",
        "--attribution",
        "le médiateur",
        "--party",
        "egypt",
        "--source",
        "le-monde-2024-05-04",
    ]);
    assert_eq!((code, out.as_str()), (0, "burns-arrives-cairo\n"), "{err}");
    let before = std::fs::read_to_string(&log).unwrap();
    let (code, out, err) = run(&[
        "set",
        p,
        "burns-cairo-trip-expected",
        "--status",
        "occurred",
    ]);
    assert_eq!(
        (code, out.as_str()),
        (0, "burns-cairo-trip-expected\n"),
        "{err}"
    );
    let (removed, added) = changed(&before, &std::fs::read_to_string(&log).unwrap());
    assert_eq!((removed.as_str(), added.as_str()), ("expect", "occurr"));
    let quotes = crate::common::cli::stdout(&["quotes", p, "--party", "egypt", "--format", "json"]);
    assert!(
        quotes.contains("Nous sommes proches d'un accord."),
        "{quotes}"
    );
}

/// Runs `args` and checks it is refused with `expected` in its message, the log untouched.
fn refused(log: &Path, args: &[&str], expected: &str) {
    let before = std::fs::read(log).unwrap();
    let (code, out, err) = run(args);
    assert_eq!(code, 1, "{args:?}: {out}{err}");
    assert_eq!(out, "");
    assert!(
        err.contains(expected),
        "{args:?}: expected {expected:?} in:\n{err}"
    );
    assert_eq!(
        std::fs::read(log).unwrap(),
        before,
        "{args:?} changed the log"
    );
    let others: Vec<_> = std::fs::read_dir(log.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(others.len(), 2, "no temporary file left: {others:?}");
}

#[test]
fn refusals_leave_the_file_byte_for_byte() {
    let (_dir, log) = sample_copy();
    let p = log.to_str().unwrap();
    // An unknown id: the loader's suggestion.
    refused(
        &log,
        &[
            "add",
            "event",
            p,
            "--date",
            "2024-05-04",
            "--kind",
            "call",
            "--title",
            "T",
            "--party",
            "egyptt",
        ],
        "did you mean \"egypt\"?",
    );
    // Its line numbers are those of the text that was not written, and it says so.
    refused(
        &log,
        &[
            "add",
            "event",
            p,
            "--date",
            "2024-05-04",
            "--kind",
            "call",
            "--title",
            "T",
            "--party",
            "egyptt",
        ],
        "as it would read with the change, which was not written:\n",
    );
    // A time without its clock: the loader's hint, in the log's zone.
    refused(
        &log,
        &[
            "add",
            "event",
            p,
            "--date",
            "2024-05-04T10:00",
            "--kind",
            "call",
            "--title",
            "T",
        ],
        "2024-05-04T10:00[Africa/Cairo]",
    );
    // A verbatim quote not in its source's archive: the closest passage, as `check` shows it.
    refused(
        &log,
        &[
            "add",
            "quote",
            p,
            "--event",
            "burns-arrives-cairo",
            "--text",
            "We are determined to reach an agreement",
            "--attribution",
            "Hamas",
        ],
        "closest passage (line 9 of sources/reuters-2024-05-03.txt)",
    );
    refused(
        &log,
        &["set", p, "burns-arives-cairo", "--status", "cancelled"],
        "did you mean \"burns-arrives-cairo\"?",
    );
    refused(
        &log,
        &[
            "add",
            "source",
            p,
            "--outlet",
            "Reuters",
            "--id",
            "reuters-2024-05-03",
        ],
        "reuters-2024-05-03",
    );
    // The same words marked as a paraphrase are not checked against the archive.
    let (code, _, err) = run(&[
        "add",
        "quote",
        p,
        "--event",
        "burns-arrives-cairo",
        "--text",
        "We are determined to reach an agreement",
        "--attribution",
        "Hamas",
        "--paraphrase",
    ]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn in_a_directory_log_an_event_goes_to_the_file_around_its_date_or_the_one_named() {
    let dir = tempfile::tempdir().unwrap();
    let head = "parties:\n  - id: us\n    name: US\n";
    std::fs::write(
        dir.path().join("a-spring.yaml"),
        format!("{head}events:\n  - id: a\n    date: 2024-04-01\n    kind: call\n    title: A\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b-autumn.yaml"),
        "events:\n  - id: b\n    date: 2024-10-01\n    kind: call\n    title: B\n",
    )
    .unwrap();
    let p = dir.path().to_str().unwrap();
    let (code, out, err) = run(&[
        "add",
        "event",
        p,
        "--date",
        "2024-10-05",
        "--kind",
        "call",
        "--title",
        "C",
    ]);
    assert_eq!((code, out.as_str()), (0, "2024-10-05-c\n"), "{err}");
    assert!(err.contains("to b-autumn.yaml:6"), "{err}");
    let spring = dir.path().join("a-spring.yaml");
    let (code, _, err) = run(&[
        "add",
        "event",
        p,
        "--date",
        "2024-10-06",
        "--kind",
        "call",
        "--title",
        "D",
        "--file",
        spring.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        std::fs::read_to_string(&spring).unwrap().ends_with(
            "  - id: 2024-10-06-d\n    date: 2024-10-06\n    kind: call\n    title: D\n"
        )
    );
}

/// A saved page into a source and its archive in one step: the fields from the page's
/// metadata, the article as a new Markdown file in `sources/`, ready for `add quote`,
/// whose words are then checked against it.
#[test]
fn add_source_from_a_saved_page_archives_its_article() {
    let (dir, log) = sample_copy();
    let p = log.to_str().unwrap();
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages/jsonld.html");
    let before = std::fs::read_to_string(&log).unwrap();
    let (code, out, err) = run(&["add", "source", p, "--from-page", page.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let id = out.trim();
    assert!(!id.is_empty() && !id.contains('\n'), "{out}");
    assert!(
        err.contains("filled from the page: outlet (the page), title"),
        "{err}"
    );
    let archive = dir.path().join(format!("sources/{id}.md"));
    let text = std::fs::read_to_string(&archive).expect("the archive was written");
    assert!(text.starts_with("Archived by dateline from "), "{text}");
    assert!(text.contains("“We are closer than we have been in weeks — but not there yet,”"));
    // Only the source was added to the log, naming its archive.
    let after = std::fs::read_to_string(&log).unwrap();
    let (removed, added) = changed(&before, &after);
    assert_eq!(removed, "");
    assert!(added.contains(&format!("id: {id}")), "{added}");
    assert!(
        added.contains(&format!("archive: sources/{id}.md")),
        "{added}"
    );
    assert!(
        added.contains("Mediators push for a truce before Ramadan"),
        "{added}"
    );
    // A quote from the article is checked against the archive: verbatim passes.
    let (code, _, err) = run(&[
        "add",
        "quote",
        p,
        "--event",
        "burns-arrives-cairo",
        "--source",
        id,
        "--attribution",
        "an official",
        "--text",
        "We are closer than we have been in weeks — but not there yet,",
    ]);
    assert_eq!(code, 0, "{err}");
    // A second page of the same source id never overwrites the first archive.
    let (code, out2, err) = run(&["add", "source", p, "--from-page", page.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_ne!(out2.trim(), id);
    assert_eq!(std::fs::read_to_string(&archive).unwrap(), text);
}

#[test]
fn a_page_with_no_article_is_refused_and_nothing_is_written() {
    let (dir, log) = sample_copy();
    let p = log.to_str().unwrap();
    let before = std::fs::read(&log).unwrap();
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages/index.html");
    let (code, out, err) = run(&["add", "source", p, "--from-page", page.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.is_empty());
    assert_eq!(std::fs::read(&log).unwrap(), before);
    let archives: Vec<_> = std::fs::read_dir(dir.path().join("sources"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(archives.len(), 2, "{archives:?}");
}

/// A refusal says why in errors only: the log's own warnings (here a quote found once
/// typography is folded) are not what stopped the write.
#[test]
fn a_refusal_names_its_errors_not_the_logs_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/trade-talks");
    let log = dir.path().join("trade-talks");
    std::fs::create_dir_all(log.join("sources")).unwrap();
    for entry in std::fs::read_dir(&from)
        .unwrap()
        .chain(std::fs::read_dir(from.join("sources")).unwrap())
    {
        let path = entry.unwrap().path();
        if path.is_file() {
            let rel = path.strip_prefix(&from).unwrap();
            std::fs::copy(&path, log.join(rel)).unwrap();
        }
    }
    let p = log.to_str().unwrap();
    let (code, _, err) = run(&[
        "add",
        "event",
        p,
        "--date",
        "2025-06-05",
        "--kind",
        "call",
        "--title",
        "A call",
        "--party",
        "nobody",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("\"nobody\""), "{err}");
    assert!(!err.contains("warning:"), "{err}");
}
