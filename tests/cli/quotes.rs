//! `dateline quotes`, `completions` and `man` end to end: the real binary on the bundled
//! sample log. Regenerate the golden files with `UPDATE_GOLDEN=1 cargo test` (see cli_list.rs).

use crate::common::cli::{dateline, golden, sample, stdout};

#[test]
fn golden_markdown() {
    golden("quotes.md", &["quotes"]);
    golden("quotes-us.md", &["quotes", "--party", "us"]);
}

#[test]
fn golden_json() {
    golden("quotes.json", &["quotes", "--format", "json"]);
}

#[test]
fn golden_csv() {
    golden("quotes.csv", &["quotes", "--format", "csv"]);
}

/// Every quote of the log, word for word, in timeline order, with who said it.
#[test]
fn every_quote_text_is_byte_identical_in_json() {
    let log = sample();
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&["quotes", "--format", "json"])).unwrap();
    let printed = v.as_array().unwrap();
    let expected: Vec<(&str, &dateline::model::Quote)> = log
        .events
        .iter()
        .flat_map(|e| e.quotes.iter().map(move |q| (e.id.as_str(), q)))
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(printed.len(), expected.len());
    for (json, (event, q)) in printed.iter().zip(expected) {
        assert_eq!(json["text"].as_str().unwrap().as_bytes(), q.text.as_bytes());
        assert_eq!(json["event"], event);
        assert_eq!(json["paraphrase"], q.paraphrase);
        assert_eq!(json["attribution"].as_str(), q.attribution.as_deref());
        assert_eq!(
            json["speaker"]["id"].as_str(),
            q.speaker.map(|a| log.actors[a].id.as_str())
        );
        assert_eq!(
            json["source"]["outlet"].as_str(),
            q.source.map(|s| log.sources[s].outlet.as_str())
        );
    }
}

#[test]
fn every_quote_text_is_byte_identical_in_csv() {
    let log = sample();
    let text = stdout(&["quotes", "--format", "csv"]);
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let header = rdr.headers().unwrap().clone();
    let col = header.iter().position(|h| h == "text").unwrap();
    let texts: Vec<String> = rdr.records().map(|r| r.unwrap()[col].to_owned()).collect();
    let expected: Vec<&str> = log
        .events
        .iter()
        .flat_map(|e| e.quotes.iter().map(|q| q.text.as_str()))
        .collect();
    assert_eq!(texts, expected);
}

/// Verbatim words are in quotation marks; reported speech never is, and is labelled.
#[test]
fn markdown_quotes_verbatim_words_and_labels_paraphrase() {
    let log = sample();
    let md = stdout(&["quotes"]);
    let mut paraphrases = 0;
    for q in log.events.iter().flat_map(|e| &e.quotes) {
        let first_line = q.text.lines().next().unwrap().trim_end();
        let first_line = dateline::export::markdown::escape(first_line);
        if q.paraphrase {
            paraphrases += 1;
            assert!(
                md.contains(&format!("(reported speech, not verbatim):* {first_line}")),
                "paraphrase not labelled: {first_line}"
            );
            assert!(
                !md.contains(&format!("“{first_line}")),
                "paraphrase in quotation marks"
            );
        } else {
            assert!(
                md.contains(&format!("> “{first_line}")),
                "quote missing: {first_line}"
            );
        }
    }
    assert!(paraphrases > 0, "the sample has reported speech to check");
}

/// The citation the browser copies with `y` names the speaker or attribution and the outlet.
#[test]
fn every_quote_of_the_sample_has_a_full_citation() {
    let log = sample();
    for (ei, e) in log.events.iter().enumerate() {
        for (qi, q) in e.quotes.iter().enumerate() {
            let c = dateline::export::cite::quote_citation(&log, ei, qi);
            assert!(
                c.contains(&*dateline::sanitize::sanitize_multiline(q.text.trim_end())),
                "{c}"
            );
            if let Some(a) = q.speaker {
                assert!(c.contains(&log.actors[a].name), "{c}");
            }
            if let Some(attr) = &q.attribution {
                assert!(c.contains(attr.as_str()), "{c}");
            }
            if let Some(s) = q.source {
                assert!(c.contains(&log.sources[s].outlet), "{c}");
            }
        }
    }
}

#[test]
fn quotes_with_an_unknown_actor_is_wrong_usage() {
    let out = dateline(&["quotes", "--actor", "haniye"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean \"haniyeh\"?"));
}

#[test]
fn no_matching_quote_is_an_empty_success() {
    let out = dateline(&[
        "quotes",
        "--search",
        "no-such-word-anywhere",
        "--format",
        "csv",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 1, "only the header: {text:?}");
}

#[test]
fn completions_for_each_shell() {
    for (shell, marker) in [
        ("bash", "_dateline()"),
        ("zsh", "#compdef dateline"),
        ("fish", "complete -c dateline"),
    ] {
        let script = stdout(&["completions", shell]);
        assert!(script.contains(marker), "{shell}: no {marker}");
        for sub in ["check", "list", "quotes", "party"] {
            assert!(script.contains(sub), "{shell}: {sub} not completed");
        }
    }
    assert_eq!(dateline(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn man_page_is_roff_with_every_subcommand() {
    let page = stdout(&["man"]);
    assert!(
        page.starts_with(".ie") || page.contains(".TH dateline"),
        "{}",
        &page[..200.min(page.len())]
    );
    for sub in ["check", "list", "quotes", "completions"] {
        assert!(page.contains(sub), "man page lacks {sub}");
    }
}

/// `man --dir` writes dateline(1) and every page it refers to, one per subcommand; the page
/// on stdout is the same dateline(1), so it names no page that `--dir` does not write.
#[test]
fn man_dir_writes_every_page_the_pages_refer_to() {
    let dir = tempfile::tempdir().unwrap();
    let man1 = dir.path().join("man1");
    stdout(&["man", "--dir", man1.to_str().unwrap()]);
    let names: Vec<String> = std::fs::read_dir(&man1)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    for sub in [
        "check",
        "list",
        "quotes",
        "import",
        "new",
        "schema",
        "completions",
    ] {
        assert!(
            names.contains(&format!("dateline-{sub}.1")),
            "no page for {sub}: {names:?}"
        );
    }
    for name in &names {
        let page = std::fs::read_to_string(man1.join(name)).unwrap();
        // roff writes a hyphen in a name as `\-`.
        for (at, _) in page.match_indices("(1)") {
            let start = page[..at]
                .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '\\'))
                .map_or(0, |i| i + 1);
            let referred = page[start..at].replace("\\-", "-");
            assert!(
                names.contains(&format!("{referred}.1")),
                "{name} refers to {referred}(1), which is not written: {names:?}"
            );
        }
    }
    let main = std::fs::read_to_string(man1.join("dateline.1")).unwrap();
    assert_eq!(stdout(&["man"]), main);
}

// ---------------------------------------------------------------- who said it

/// A log with joint, anonymous, translated and disputed quotes.
const VOICES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/voices.yaml");

fn voices() -> dateline::model::Log {
    dateline::load::load_path(
        std::path::Path::new(VOICES),
        &dateline::load::Limits::default(),
    )
    .expect("the fixture loads")
    .log
}

#[test]
fn golden_quotes_by_who_said_them() {
    golden("voices-arden.md", &["quotes", VOICES, "--party", "arden"]);
    // (rev. 3) A translation's original and its language, as scripts read them.
    golden(
        "voices-arden-fm.json",
        &["quotes", VOICES, "--actor", "arden-fm", "--format", "json"],
    );
    golden(
        "voices-arden-fm.csv",
        &["quotes", VOICES, "--actor", "arden-fm", "--format", "csv"],
    );
    golden(
        "voices-belmont.json",
        &["quotes", VOICES, "--party", "belmont", "--format", "json"],
    );
    golden(
        "voices-envoy.csv",
        &[
            "quotes",
            VOICES,
            "--actor",
            "cordova-envoy",
            "--format",
            "csv",
        ],
    );
    golden(
        "voices-arden-disputed.md",
        &["quotes", VOICES, "--party", "arden", "--status", "disputed"],
    );
}

/// `--party P` prints exactly the quotes P said (its own party or its speaker's), never
/// words said about P in an event P is part of; `--actor A` exactly A's words.
#[test]
fn party_and_actor_select_quotes_by_speaker_not_by_event() {
    let log = voices();
    let said = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["quotes", VOICES, "--format", "json"];
        all.extend_from_slice(args);
        let v: serde_json::Value = serde_json::from_str(&stdout(&all)).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|q| q["text"].as_str().unwrap().to_owned())
            .collect()
    };
    for party in &log.parties {
        let mut expected = Vec::new();
        for e in &log.events {
            for q in &e.quotes {
                let parties: Vec<&str> = q
                    .said_by(&log)
                    .iter()
                    .map(|&p| log.parties[p].id.as_str())
                    .collect();
                if parties.contains(&party.id.as_str()) {
                    expected.push(q.text.clone());
                }
            }
        }
        assert!(!expected.is_empty(), "{} says something", party.id);
        assert_eq!(said(&["--party", &party.id]), expected, "{}", party.id);
    }
    // Arden is part of "Belmont accuses Arden", but did not say it.
    assert!(
        !said(&["--party", "arden"])
            .iter()
            .any(|t| t.contains("stalling"))
    );
    // The joint statement belongs to each of its three parties.
    for p in ["arden", "belmont", "cordova"] {
        assert!(
            said(&["--party", p])
                .iter()
                .any(|t| t.contains("three countries"))
        );
    }
    // An anonymous diplomat with no party is nobody's.
    for p in ["arden", "belmont", "cordova"] {
        assert!(
            !said(&["--party", p])
                .iter()
                .any(|t| t.contains("Nobody expects"))
        );
    }
    assert_eq!(
        said(&["--actor", "arden-fm"]),
        [
            "This is a victory for dialogue.",
            "Our embassy will open its doors before the month is out."
        ]
    );
    // Two parties: what either said. Party and actor: both must hold.
    assert_eq!(
        said(&["--party", "arden", "--party", "cordova"]).len(),
        said(&["--party", "arden"]).len() + said(&["--party", "cordova"]).len() - 1
    );
    assert_eq!(
        said(&["--party", "belmont", "--actor", "arden-fm"]),
        Vec::<String>::new()
    );
    // Other filters still select events: the disputed event's quotes, whoever said them.
    assert_eq!(said(&["--status", "disputed"]).len(), 2);
}

/// `list --party` keeps selecting events: Arden is part of the event where it is accused.
#[test]
fn list_party_still_selects_events() {
    let out = stdout(&["list", VOICES, "--party", "arden", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"belmont-accuses"), "{ids:?}");
    assert!(ids.contains(&"talks-open"), "named on the event: {ids:?}");
}

/// No flag is lost on the way out: every export of a quote from a disputed, expected or
/// cancelled event says so, and every translated quote is marked as a translation.
#[test]
fn every_quote_export_carries_status_and_translation() {
    let log = voices();
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["quotes", VOICES, "--format", "json"])).unwrap();
    let csv_text = stdout(&["quotes", VOICES, "--format", "csv"]);
    let mut rdr = csv::Reader::from_reader(csv_text.as_bytes());
    let header = rdr.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    let md = stdout(&["quotes", VOICES]);
    let md_blocks: Vec<&str> = md.split("\n— ").skip(1).collect();
    let mut n = 0;
    let (mut flagged, mut translated) = (0, 0);
    for (ei, e) in log.events.iter().enumerate() {
        for (qi, q) in e.quotes.iter().enumerate() {
            let status = e.status.as_str();
            assert_eq!(json[n]["event_status"], status);
            assert_eq!(json[n]["translated"], q.translated);
            assert_eq!(&rows[n][col("event_status")], status);
            assert_eq!(&rows[n][col("translated")], q.translated.to_string());
            let cited = dateline::export::cite::quote_citation(&log, ei, qi);
            let credit = md_blocks[n].split("\n\n").next().unwrap();
            let phrase = dateline::export::phrases::quote_status(e.status);
            match phrase {
                Some(p) => {
                    flagged += 1;
                    assert!(cited.contains(&format!("Event status: {p}")), "{cited}");
                    assert!(credit.contains(&format!("Event status: {p}")), "{credit}");
                }
                None => {
                    assert!(!cited.contains("Event status"), "{cited}");
                    assert!(!credit.contains("Event status"), "{credit}");
                }
            }
            assert_eq!(
                cited.contains("translated by the log's author")
                    || cited.contains("Translation by the log's author"),
                q.translated,
                "{cited}"
            );
            if q.translated {
                translated += 1;
            }
            n += 1;
        }
    }
    assert_eq!(json.as_array().unwrap().len(), n);
    assert_eq!(rows.len(), n);
    assert_eq!(md_blocks.len(), n);
    // Markdown labels each translation above its words.
    assert_eq!(
        md.matches("Translation by the log's author").count()
            + md.matches("translated by the log's author").count(),
        translated
    );
    assert!(flagged >= 4 && translated == 2, "{flagged} {translated}");
}

#[test]
fn no_match_says_one_event_in_the_singular() {
    let out = dateline(&["quotes", "--kind", "call", "--party", "israel"]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no quote matches (1 event matches, 22 quotes in the log)"),
        "{err}"
    );
}
