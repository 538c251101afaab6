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
                c.contains(&*dateline::text::sanitize_multiline(q.text.trim_end())),
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
