//! (rev. 3) A translation's `original` survives every export byte for byte: the data
//! formats (JSON, CSV) keep any printable text exactly; the formats for people (Markdown,
//! the web page, iCalendar, TimelineJS, the copied citation) keep words of every script
//! exactly as written, once their own encoding is read back.

use dateline::export::{cite, csv as csv_export, html, ics, json, markdown, timelinejs};
use dateline::filter::{Query, QuoteAt};
use dateline::load::load_str;
use dateline::model::Log;
use proptest::prelude::*;
use proptest::test_runner::Config;

/// The original as a YAML scalar: JSON's double-quoted form, with the line separators
/// escaped too (they are ordinary characters in a log, but not in every YAML reader's
/// quoted scalar).
fn scalar(s: &str) -> String {
    serde_json::to_string(s)
        .unwrap()
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

fn log_with(original: &str) -> Log {
    let yaml = format!(
        "parties:\n  - {{id: p, name: P}}\nsources:\n  - {{id: s, outlet: Wire}}\nevents:\n  - id: e\n    date: 2025-10-25\n    kind: statement\n    title: T\n    sources: [s]\n    quotes:\n      - text: the translation\n        attribution: a spokesman\n        party: p\n        translated: true\n        original: {}\n        lang: fa\n",
        scalar(original)
    );
    match load_str("log.yaml", &yaml) {
        Ok(l) => l.log,
        Err(r) => panic!("{:?}\n{yaml}", r.diagnostics),
    }
}

/// Words of several scripts, single spaces between them: what a newsroom quotes.
fn words() -> impl Strategy<Value = String> {
    let word = "[a-zA-Zéçñüß\u{0627}-\u{064A}پچژگ\u{05D0}-\u{05EA}\u{0410}-\u{044F}\u{0915}-\u{0939}\u{4E00}-\u{4E80}ぁ-ゖ]{1,8}";
    prop::collection::vec(word, 1..12).prop_map(|w| w.join(" "))
}

/// Any printable text, starting with a letter (a spreadsheet would take a cell starting
/// with `=` for a formula, and CSV defuses it, on purpose).
fn printable() -> impl Strategy<Value = String> {
    "[a-zא-ת]\\PC{0,60}"
}

proptest! {
    #![proptest_config(Config { cases: 96, failure_persistence: None, ..Config::default() })]

    #[test]
    fn json_and_csv_keep_any_original_exactly(original in printable()) {
        let log = log_with(&original);
        let at = [QuoteAt { event: 0, quote: 0 }];
        let events: serde_json::Value = serde_json::from_str(&json::events(&log, &[0])).unwrap();
        prop_assert_eq!(events[0]["quotes"][0]["original"].as_str(), Some(original.as_str()));
        let quotes: serde_json::Value = serde_json::from_str(&json::quotes(&log, &at)).unwrap();
        prop_assert_eq!(quotes[0]["original"].as_str(), Some(original.as_str()));
        prop_assert_eq!(quotes[0]["lang"].as_str(), Some("fa"));
        let out = csv_export::quotes(&log, &at);
        let mut rows = csv::Reader::from_reader(out.as_bytes());
        let header = rows.headers().unwrap().clone();
        let col = header.iter().position(|h| h == "original").unwrap();
        let row = rows.records().next().unwrap().unwrap();
        prop_assert_eq!(&row[col], original.as_str());
    }

    #[test]
    fn every_export_for_people_keeps_the_originals_words(original in words()) {
        let log = log_with(&original);
        let at = [QuoteAt { event: 0, quote: 0 }];
        let quoted = format!("“{original}”");
        let query = Query::default();
        let outputs = [
            ("markdown quotes", markdown::quotes(&log, &at)),
            ("markdown view", markdown::view(&log, &[0], &query)),
            ("web page", html::page(&log, &[0], &query)),
            ("citation", cite::quote_citation(&log, 0, 0)),
            // iCalendar folds lines at 75 octets: unfolded as a reader does.
            ("iCalendar", ics::events(&log, &[0]).replace("\r\n ", "")),
        ];
        for (what, out) in outputs {
            prop_assert!(out.contains(&quoted), "{}: {:?} not in\n{}", what, quoted, out);
        }
        let tl: serde_json::Value = serde_json::from_str(&timelinejs::events(&log, &[0])).unwrap();
        let text = tl["events"][0]["text"]["text"].as_str().unwrap();
        prop_assert!(text.contains(&quoted), "TimelineJS: {:?} not in {}", quoted, text);
    }
}
