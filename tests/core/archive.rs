//! Archived sources: quotes checked against the publication's text, and archives read only
//! from inside the log's folder.

use dateline::archive::Archives;
use dateline::load::{self, Diagnostic, Limits, Loaded, Report, Severity};
use dateline::model::{Fold, Verification};
use std::path::Path;

const ARCHIVE: &str = "\
CAIRO - Hamas said on Friday it was sending a delegation to Cairo.

\u{201c}We are determined to secure an agreement in a way that fulfils
Palestinians\u{2019} demands,\u{201d} the group said in a statement.

An official said Israel will not interfere in the talks \u{2014} for now.
";

/// A log with one source archived as `sources/report.txt` and one quote of `text`.
fn log_quoting(text: &str, extra: &str) -> String {
    format!(
        "dateline: 1
sources:
  - id: report
    outlet: Reuters
    archive: sources/report.txt
events:
  - date: 2024-05-03
    kind: statement
    title: A statement
    sources: [report]
    quotes:
      - text: {}
        attribution: the group
        source: report
{extra}",
        serde_json::to_string(text).unwrap()
    )
}

fn loaded(text: &str) -> Loaded {
    load::load_str_with(
        "log.yaml",
        &log_quoting(text, ""),
        Archives::Given(&[("sources/report.txt", ARCHIVE)]),
    )
    .expect("a quote not found still lets the log open")
}

fn verdict(text: &str) -> Verification {
    loaded(text).log.events[0].quotes[0].verification.clone()
}

fn found(text: &str) -> &str {
    match verdict(text) {
        Verification::Verified { at } => &ARCHIVE[at],
        other => panic!("{text:?}: expected verified, got {other:?}"),
    }
}

#[test]
fn an_exact_quote_is_verified_where_it_is() {
    assert_eq!(
        found("Hamas said on Friday it was sending a delegation"),
        "Hamas said on Friday it was sending a delegation"
    );
    let l = loaded("Hamas said on Friday");
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

#[test]
fn any_run_of_whitespace_matches_any_other_line_breaks_included() {
    assert_eq!(
        found("a way that   fulfils Palestinians\u{2019} demands"),
        "a way that fulfils\nPalestinians\u{2019} demands"
    );
    // With the archive's own quotation marks, taken as printed.
    assert!(matches!(
        verdict(
            "\u{201c}We are determined to secure an agreement\u{201d}"
                .replace("\u{201d}", "")
                .as_str()
        ),
        Verification::Verified { .. }
    ));
}

#[test]
fn words_match_whole_a_quote_cut_inside_a_word_is_not_found() {
    assert!(matches!(verdict("Hamas sai"), Verification::NotFound(_)));
    assert!(matches!(verdict("amas said"), Verification::NotFound(_)));
}

#[test]
fn typography_alone_differs_a_warning_names_the_characters() {
    let l = loaded(
        "\"We are determined to secure an agreement in a way that fulfils Palestinians' demands,\"",
    );
    match &l.log.events[0].quotes[0].verification {
        Verification::Folded { at, folds } => {
            assert!(ARCHIVE[at.clone()].starts_with('\u{201c}'));
            assert_eq!(
                folds,
                &vec![
                    Fold {
                        archive: '\u{201c}',
                        log: '"'
                    },
                    Fold {
                        archive: '\u{2019}',
                        log: '\''
                    },
                    Fold {
                        archive: '\u{201d}',
                        log: '"'
                    },
                ]
            );
        }
        other => panic!("expected folded, got {other:?}"),
    }
    let [w] = l.warnings.as_slice() else {
        panic!("one warning: {:?}", l.warnings)
    };
    assert_eq!(w.severity, Severity::Warning);
    assert_eq!(w.line, 12, "at the quote's line");
    assert!(
        w.message
            .contains("`\u{2019}` in the archive, `'` in the log"),
        "{}",
        w.message
    );
    // A dash for a hyphen is folded too.
    assert!(matches!(
        verdict("Israel will not interfere in the talks - for now"),
        Verification::Folded { .. }
    ));
}

/// The single error of a quote not found, which does not keep the log from opening.
fn not_found(text: &str) -> (Diagnostic, String, String) {
    let l = loaded(text);
    let errors: Vec<&Diagnostic> = l.warnings.iter().filter(|d| d.is_error()).collect();
    let [e] = errors.as_slice() else {
        panic!("one error: {:?}", l.warnings)
    };
    match &l.log.events[0].quotes[0].verification {
        Verification::NotFound(n) => ((*e).clone(), n.log.clone(), n.archive.clone()),
        other => panic!("expected not found, got {other:?}"),
    }
}

#[test]
fn an_altered_word_is_an_error_that_shows_both_wordings() {
    let (e, log, archive) = not_found("Israel will never interfere in the talks");
    assert_eq!(log, "will never interfere");
    assert_eq!(archive, "will not interfere");
    assert_eq!(e.line, 12);
    assert!(
        e.message
            .contains("not in its archive `sources/report.txt`")
    );
    let help = e.help.unwrap();
    assert!(
        help.contains("log:     will never interfere\narchive: will not interfere"),
        "{help}"
    );
    assert!(help.contains("line 6 of sources/report.txt"), "{help}");
}

/// The words are what was not found: the error points at `text:`, even when the quote
/// starts with another key.
#[test]
fn a_quote_not_found_is_reported_at_its_text_whatever_key_comes_first() {
    let log = "\
actors:
  - {id: spokesman, name: A spokesman}
sources:
  - {id: report, outlet: Reuters, archive: sources/report.txt}
events:
  - date: 2024-05-03
    kind: statement
    title: A statement
    sources: [report]
    quotes:
      - speaker: spokesman
        source: report
        text: Israel will never interfere in the talks
      - attribution: an official
        text: >-
          Israel will surely not interfere
";
    let l = load::load_str_with(
        "log.yaml",
        log,
        Archives::Given(&[("sources/report.txt", ARCHIVE)]),
    )
    .expect("a quote not found still lets the log open");
    let lines: Vec<usize> = l
        .warnings
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.line)
        .collect();
    assert_eq!(lines, [13, 15], "{:?}", l.warnings);
}

/// The closest passage stays in the archive's paragraph: words of the next paragraph that
/// happen to line up with the end of the quote are not shown as part of it.
#[test]
fn the_closest_passage_stops_at_the_end_of_its_paragraph() {
    let (e, log, archive) =
        not_found("Hamas said on Friday it was sending a team to Cairo to secure");
    let help = e.help.unwrap();
    assert!(
        help.ends_with(
            "closest passage (line 1 of sources/report.txt): \
             Hamas said on Friday it was sending a delegation to Cairo."
        ),
        "{help}"
    );
    assert_eq!(log, "a team to Cairo to secure");
    assert_eq!(archive, "a delegation to Cairo.");
}

/// A quote that runs on verbatim from one paragraph into the next is still compared whole.
#[test]
fn a_quote_across_two_paragraphs_is_compared_across_them() {
    let (e, log, archive) = not_found(
        "it was sending a delegation to Cairo. \u{201c}We are determined to reach an agreement",
    );
    let help = e.help.unwrap();
    assert!(
        help.ends_with(
            "closest passage (line 1 of sources/report.txt): it was sending a delegation to \
             Cairo. \u{201c}We are determined to secure an agreement"
        ),
        "{help}"
    );
    assert_eq!(log, "to reach an");
    assert_eq!(archive, "to secure an");
}

#[test]
fn a_dropped_word_is_shown_as_missing_from_the_log() {
    let (_, log, archive) = not_found("Israel will interfere in the talks");
    assert_eq!(log, "will interfere");
    assert_eq!(archive, "will not interfere");
    let (_, log, archive) = not_found("Hamas said on Friday it was sending a big delegation");
    assert_eq!(log, "a big delegation");
    assert_eq!(archive, "a delegation");
}

#[test]
fn a_quote_with_no_word_in_the_archive_is_not_found_and_nothing_is_close() {
    let l = loaded("Zebras gallop quickly");
    match &l.log.events[0].quotes[0].verification {
        Verification::NotFound(n) => assert_eq!(n.closest, None),
        other => panic!("expected not found, got {other:?}"),
    }
    assert!(
        l.warnings
            .iter()
            .any(|d| d.is_error() && d.message.contains("none of its words is there"))
    );
}

#[test]
fn paraphrase_and_translation_are_not_checked_and_no_archive_is_said() {
    let text = log_quoting(
        "Words that are not in the archive",
        "        paraphrase: true\n",
    );
    let l = load::load_str_with(
        "log.yaml",
        &text,
        Archives::Given(&[("sources/report.txt", ARCHIVE)]),
    )
    .unwrap();
    assert_eq!(
        l.log.events[0].quotes[0].verification,
        Verification::NotChecked
    );
    assert!(l.warnings.is_empty());
    let text = log_quoting(
        "Words that are not in the archive",
        "        translated: true\n",
    );
    let l = load::load_str_with(
        "log.yaml",
        &text,
        Archives::Given(&[("sources/report.txt", ARCHIVE)]),
    )
    .unwrap();
    assert_eq!(
        l.log.events[0].quotes[0].verification,
        Verification::NotChecked
    );
    let plain = log_quoting("Anything", "").replace("    archive: sources/report.txt\n", "");
    let l = load::load_str("log.yaml", &plain).unwrap();
    assert_eq!(
        l.log.events[0].quotes[0].verification,
        Verification::NoArchive
    );
}

/// A log file in a fresh folder, its archive written at `archive` (relative to the folder)
/// unless None; `written` is what the log says.
fn on_disk(written: &str, archive: Option<&[u8]>) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("talks").join("log.yaml");
    std::fs::create_dir_all(log.parent().unwrap().join("sources")).unwrap();
    let text = log_quoting("Hamas said on Friday", "").replace("sources/report.txt", written);
    std::fs::write(&log, text).unwrap();
    if let Some(bytes) = archive {
        std::fs::write(log.parent().unwrap().join(written), bytes).unwrap();
    }
    (dir, log)
}

fn refused(log: &Path, limits: &Limits) -> String {
    let report: Report = load::load_path(log, limits).expect_err("the archive is refused");
    let [d] = report.diagnostics.as_slice() else {
        panic!("one diagnostic: {:?}", report.diagnostics)
    };
    assert!(d.is_error());
    assert_eq!(d.line, 5, "at the `archive:` line");
    d.message.clone()
}

#[test]
fn an_archive_beside_the_log_is_read_and_checked() {
    let (_d, log) = on_disk("sources/report.txt", Some(ARCHIVE.as_bytes()));
    let l = load::load_path(&log, &Limits::default()).unwrap();
    assert!(matches!(
        l.log.events[0].quotes[0].verification,
        Verification::Verified { .. }
    ));
    assert_eq!(l.log.archives[0].as_ref().unwrap().text, ARCHIVE);
}

#[test]
fn an_archive_above_the_folder_is_refused_by_dot_dot_and_nothing_is_read() {
    let (d, log) = on_disk("sources/report.txt", None);
    // A real file outside, which must not be read.
    std::fs::write(d.path().join("secret.txt"), "Hamas said on Friday").unwrap();
    let text = std::fs::read_to_string(&log)
        .unwrap()
        .replace("sources/report.txt", "sources/../../secret.txt");
    std::fs::write(&log, text).unwrap();
    let m = refused(&log, &Limits::default());
    assert!(m.contains("leaves the log's folder through `..`"), "{m}");
    // `..` that stays inside is fine.
    std::fs::write(log.parent().unwrap().join("sources/report.txt"), ARCHIVE).unwrap();
    let text = std::fs::read_to_string(&log)
        .unwrap()
        .replace("sources/../../secret.txt", "sources/../sources/report.txt");
    std::fs::write(&log, text).unwrap();
    assert!(load::load_path(&log, &Limits::default()).is_ok());
}

#[test]
fn an_absolute_archive_path_is_refused() {
    let (d, log) = on_disk("sources/report.txt", None);
    let outside = d.path().join("secret.txt");
    std::fs::write(&outside, "Hamas said on Friday").unwrap();
    let text = std::fs::read_to_string(&log)
        .unwrap()
        .replace("sources/report.txt", &outside.display().to_string());
    std::fs::write(&log, text).unwrap();
    let m = refused(&log, &Limits::default());
    assert!(m.contains("is an absolute path"), "{m}");
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_out_of_the_folder_is_refused() {
    let (d, log) = on_disk("sources/report.txt", None);
    let outside = d.path().join("secret.txt");
    std::fs::write(&outside, "Hamas said on Friday").unwrap();
    std::os::unix::fs::symlink(&outside, log.parent().unwrap().join("sources/report.txt")).unwrap();
    let m = refused(&log, &Limits::default());
    assert!(
        m.contains("outside the log's folder through a symbolic link"),
        "{m}"
    );
    // A link that stays inside the folder is followed.
    let inside = log.parent().unwrap().join("kept.txt");
    std::fs::write(&inside, ARCHIVE).unwrap();
    std::fs::remove_file(log.parent().unwrap().join("sources/report.txt")).unwrap();
    std::os::unix::fs::symlink(&inside, log.parent().unwrap().join("sources/report.txt")).unwrap();
    assert!(load::load_path(&log, &Limits::default()).is_ok());
}

#[test]
fn a_missing_archive_is_an_error_naming_the_path() {
    let (_d, log) = on_disk("sources/nowhere.txt", None);
    let m = refused(&log, &Limits::default());
    assert!(
        m.contains("archive `sources/nowhere.txt`: no such file"),
        "{m}"
    );
}

#[test]
fn an_archive_over_the_size_limit_is_refused() {
    let big = format!("{ARCHIVE}{}", " ".repeat(4096));
    let (_d, log) = on_disk("sources/report.txt", Some(big.as_bytes()));
    let limits = Limits {
        max_file_bytes: 4096,
        ..Limits::default()
    };
    assert!(std::fs::metadata(&log).unwrap().len() < limits.max_file_bytes);
    let m = refused(&log, &limits);
    assert!(
        m.contains("over the limit") && m.contains("--max-file-size"),
        "{m}"
    );
}

#[test]
fn a_non_utf8_archive_is_refused_with_where_it_breaks() {
    let (_d, log) = on_disk(
        "sources/report.txt",
        Some(b"Hamas said\n on Friday \xff\xfe"),
    );
    let m = refused(&log, &Limits::default());
    assert!(
        m.contains("is not UTF-8 text") && m.contains("line 2"),
        "{m}"
    );
}

#[test]
fn every_verbatim_quote_of_the_sample_is_verified() {
    let l = dateline::load_sample().unwrap();
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
    let mut verbatim = 0;
    for q in l.log.events.iter().flat_map(|e| &e.quotes) {
        if q.paraphrase || q.translated {
            assert_eq!(q.verification, Verification::NotChecked);
            continue;
        }
        verbatim += 1;
        let archive = l.log.archives[q.source.unwrap()].as_ref().unwrap();
        match &q.verification {
            Verification::Verified { at } => {
                let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
                assert_eq!(words(&archive.text[at.clone()]), words(&q.text));
            }
            other => panic!("{:?}: {other:?}", q.text),
        }
    }
    assert!(verbatim >= 5, "the sample has verbatim quotes to check");
}

#[test]
fn a_markdown_archive_is_read_as_the_words_a_reader_sees() {
    let md = "# Hamas sends a delegation\n\nHamas said on *Friday* it was sending a [delegation](https://example.org) to Cairo.\n\n> An official said Israel will **not** interfere.\n";
    let (_d, log) = on_disk("sources/report.md", Some(md.as_bytes()));
    let text = std::fs::read_to_string(&log).unwrap().replace(
        "Hamas said on Friday",
        "it was sending a delegation to Cairo",
    );
    std::fs::write(&log, text).unwrap();
    let l = load::load_path(&log, &Limits::default()).unwrap();
    assert!(
        matches!(
            l.log.events[0].quotes[0].verification,
            Verification::Verified { .. }
        ),
        "{:?}",
        l.log.events[0].quotes[0].verification
    );
    assert_eq!(
        l.log.archives[0].as_ref().unwrap().text,
        "Hamas sends a delegation\n\nHamas said on Friday it was sending a delegation to Cairo.\n\nAn official said Israel will not interfere.\n"
    );
}

#[test]
fn an_empty_archive_path_is_an_error_and_a_null_one_is_no_archive() {
    let empty = log_quoting("Hamas said on Friday", "").replace("sources/report.txt", "\"\"");
    let report = load::load_str("log.yaml", &empty).expect_err("`archive: \"\"` is refused");
    let [d] = report.diagnostics.as_slice() else {
        panic!("one diagnostic: {:?}", report.diagnostics)
    };
    assert!(d.is_error());
    assert_eq!((d.line, d.path.as_str()), (5, "sources[0].archive"));
    assert!(d.message.contains("empty"), "{}", d.message);
    let null = log_quoting("Hamas said on Friday", "").replace("sources/report.txt", "~");
    assert!(load::load_str("log.yaml", &null).is_ok());
}

/// `sources/` swapped for a link to a folder outside, again and again while the log is
/// loaded: the archive read is the one inside or none, never the one outside.
#[cfg(unix)]
#[test]
fn a_folder_swapped_for_a_link_in_a_loop_never_lets_an_outside_file_be_read() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let (d, log) = on_disk("sources/report.txt", Some(ARCHIVE.as_bytes()));
    let talks = log.parent().unwrap().to_path_buf();
    let outside = d.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(outside.join("report.txt"), "SECRET Hamas said on Friday").unwrap();
    std::fs::rename(talks.join("sources"), talks.join("real")).unwrap();
    std::os::unix::fs::symlink(&outside, talks.join("link")).unwrap();
    let stop = AtomicBool::new(false);
    /// Stops the swapping thread however the loads end: a failed assertion must fail the
    /// test, not leave the scope waiting for a thread that never stops.
    struct Stop<'a>(&'a AtomicBool);
    impl Drop for Stop<'_> {
        fn drop(&mut self) {
            self.0.store(true, Ordering::Relaxed);
        }
    }
    std::thread::scope(|scope| {
        scope.spawn(|| {
            while !stop.load(Ordering::Relaxed) {
                for name in ["real", "link"] {
                    let _ = std::fs::rename(talks.join(name), talks.join("sources"));
                    let _ = std::fs::rename(talks.join("sources"), talks.join(name));
                }
            }
        });
        let _stop = Stop(&stop);
        let mut read = 0;
        for _ in 0..300 {
            if let Ok(l) = load::load_path(&log, &Limits::default())
                && let Some(archive) = l.log.archives[0].as_ref()
            {
                assert!(
                    !archive.text.contains("SECRET"),
                    "read the file outside the folder"
                );
                read += 1;
            }
        }
        eprintln!("{read} of 300 loads read the archive inside");
    });
}

/// The archive with a paragraph of filler after it: longer than a log of a few hundred
/// sources.
fn padded() -> String {
    format!("{ARCHIVE}\n{}\n", "More words of the report. ".repeat(2000))
}

/// Many sources naming one file share one copy of it, read once.
#[test]
fn one_archive_named_by_many_sources_is_read_once_and_shared() {
    let archive = padded();
    let (_d, log) = on_disk("sources/report.txt", Some(archive.as_bytes()));
    let mut text = std::fs::read_to_string(&log).unwrap();
    let mut more = String::new();
    for i in 0..300 {
        more.push_str(&format!(
            "  - {{id: s{i}, outlet: Wire, archive: sources/../sources/report.txt}}\n"
        ));
    }
    text = text.replace("events:\n", &format!("{more}events:\n"));
    std::fs::write(&log, text).unwrap();
    // Each source alone is within the limit; read once per source, they would be over the
    // budget of the log's archives together.
    let limits = Limits {
        max_file_bytes: archive.len() as u64 * 2,
        ..Limits::default()
    };
    let l = load::load_path(&log, &limits).unwrap();
    let first = l.log.archives[0].as_ref().unwrap();
    assert_eq!(l.log.archives.len(), 301);
    for a in &l.log.archives {
        assert!(std::sync::Arc::ptr_eq(first, a.as_ref().unwrap()));
    }
}

/// Different files over the budget for a log's archives together: the one that goes over
/// is refused, with the budget named.
#[test]
fn archives_over_their_budget_together_are_refused_naming_it() {
    let archive = padded();
    let (_d, log) = on_disk("sources/report.txt", Some(archive.as_bytes()));
    let folder = log.parent().unwrap();
    std::fs::write(folder.join("sources/other.txt"), &archive).unwrap();
    let text = std::fs::read_to_string(&log).unwrap().replace(
        "events:\n",
        "  - {id: other, outlet: Wire, archive: sources/other.txt}\nevents:\n",
    );
    std::fs::write(&log, text).unwrap();
    let limits = Limits {
        max_file_bytes: archive.len() as u64 * 3 / 2,
        ..Limits::default()
    };
    let report = load::load_path(&log, &limits).expect_err("the second archive is refused");
    let [d] = report.diagnostics.as_slice() else {
        panic!("one diagnostic: {:?}", report.diagnostics)
    };
    assert_eq!(d.line, 6, "at the second archive's line: {d:?}");
    assert!(
        d.message.contains("archive `sources/other.txt`")
            && d.message
                .contains(&format!("budget of {} bytes", limits.max_file_bytes))
            && d.message.contains("--max-file-size"),
        "{}",
        d.message
    );
}

/// An archive of one word repeated: a long quote of that word and another, or of that word
/// with a full stop the archive never has, is not found at once, its closest passage not
/// computed, instead of being compared at every place the word occurs.
#[test]
fn an_archive_too_repetitive_to_search_gives_up_with_a_clear_verdict() {
    let archive = "talks ".repeat(40_000);
    let many = "talks ".repeat(800);
    for quote in [format!("{many}ceasefire"), format!("{many}talks.")] {
        let l = load::load_str_with(
            "log.yaml",
            &log_quoting(&quote, ""),
            Archives::Given(&[("sources/report.txt", &archive)]),
        )
        .expect("a quote not found still lets the log open");
        match &l.log.events[0].quotes[0].verification {
            Verification::NotFound(n) => assert!(n.too_repetitive && n.closest.is_none()),
            other => panic!("expected not found, got {other:?}"),
        }
        let e = l.warnings.iter().find(|d| d.is_error()).unwrap();
        assert!(
            e.message
                .contains("not found (closest passage not computed: archive too repetitive)"),
            "{}",
            e.message
        );
    }
}

/// A quote whose words run on from one paragraph into the next, or from a Markdown heading
/// into its paragraph, is not found: a quote is found within one paragraph.
#[test]
fn a_quote_across_a_paragraph_or_heading_break_is_not_verified() {
    let (e, log, archive) = not_found("it was sending a delegation to Cairo. \u{201c}We are");
    assert!(e.message.contains("not in its archive"), "{}", e.message);
    assert_eq!(log, "the same words, as one passage");
    assert_eq!(archive, "a paragraph or heading ends within them");
    let md = "# Hamas sends a delegation\n\nHamas said on Friday it was sending a delegation.\n";
    let (_d, file) = on_disk("sources/report.md", Some(md.as_bytes()));
    let text = std::fs::read_to_string(&file).unwrap().replace(
        "Hamas said on Friday",
        "Hamas sends a delegation Hamas said on Friday",
    );
    std::fs::write(&file, text).unwrap();
    let l = load::load_path(&file, &Limits::default()).unwrap();
    assert!(
        matches!(
            l.log.events[0].quotes[0].verification,
            Verification::NotFound(_)
        ),
        "{:?}",
        l.log.events[0].quotes[0].verification
    );
}

/// A 20,000-word quote with one word in five changed: its diff is bounded by the words
/// compared, not by a clock, so every changed word is named, the same on every run however
/// busy the machine (a deadline gave a coarser diff, sooner or later by the load).
#[test]
fn a_20_000_word_quote_names_every_changed_word_on_every_run() {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let words: Vec<String> = (0..20_050)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            format!("w{}", x % 3000)
        })
        .collect();
    let archive = words.join(" ");
    let quote: Vec<&str> = words[..20_000]
        .iter()
        .enumerate()
        .map(|(i, w)| if i % 5 == 2 { "altered" } else { w.as_str() })
        .collect();
    let log = log_quoting(&quote.join(" "), "");
    let verdict = || {
        load::load_str_with(
            "log.yaml",
            &log,
            Archives::Given(&[("sources/report.txt", &archive)]),
        )
        .expect("a quote not found still lets the log open")
        .log
        .events[0]
            .quotes[0]
            .verification
            .clone()
    };
    let first = verdict();
    let Verification::NotFound(n) = &first else {
        panic!("expected not found, got {first:?}");
    };
    // Each changed word is its own difference, with a word of context either side.
    let parts: Vec<&str> = n.log.split(" … ").collect();
    assert_eq!(parts.len(), 4000, "{}", n.log.len());
    assert!(parts.iter().all(|p| p.split(' ').nth(1) == Some("altered")));
    assert_eq!(verdict(), first);
}

/// The check in the background, as the browser runs it: the quotes left `checking` by
/// `defer`, their verdicts those of a check at load, and none from a check told to stop
/// (the log was reloaded meanwhile).
#[test]
fn a_deferred_check_gives_the_verdicts_of_a_load_and_none_once_told_to_stop() {
    let checked = loaded("Israel will never interfere in the talks").log;
    let mut log = checked.clone();
    dateline::archive::defer(&mut log);
    assert!(dateline::archive::pending(&log));
    assert_eq!(log.events[0].quotes[0].verification, Verification::Checking);
    assert_eq!(dateline::archive::verdicts_while(&log, || false), None);
    for (ei, qi, v) in dateline::archive::verdicts_while(&log, || true).unwrap() {
        log.events[ei].quotes[qi].verification = v;
    }
    assert_eq!(log, checked);
}
