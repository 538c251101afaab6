//! Properties of writing: any text added to a log, in any of the file's layouts, loads back
//! exactly as it was given, and the rest of the file is unchanged.

use dateline::load::load_str;
use dateline::write::{Change, LogFiles, NewEvent, NewQuote, plan};
use proptest::prelude::*;
use proptest::test_runner::Config;
use std::path::PathBuf;

/// Text people write and text YAML reads otherwise: indicators, words YAML 1.1 takes for
/// booleans or null, numbers and dates, spaces at the ends, breaks, tabs, other scripts.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("a: b".to_string()),
        Just(" #".to_string()),
        Just(": ".to_string()),
        Just("yes".to_string()),
        Just("null".to_string()),
        Just("~".to_string()),
        Just("2024-05-03".to_string()),
        Just("12.5".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\t".to_string()),
        Just("  ".to_string()),
        Just("\u{85}\u{2028}\u{feff}".to_string()),
        Just("\u{1}\u{7f}".to_string()),
        "[-*&!%@|>'\"\\[{?#,:}\\]\\\\ ]",
        "[a-zA-Z0-9 ]{1,8}",
        "[éüحماس東京ğ]{1,4}",
    ];
    proptest::collection::vec(piece, 1..6).prop_map(|v| v.concat())
}

const LAYOUTS: [&str; 4] = [
    "events:\n  - id: a\n    date: 2024-05-01\n    kind: call\n    title: A\n    topics: [x]\n\n  - id: b\n    date: 2024-05-09\n    kind: call\n    title: B\n",
    "events:\r\n- id: a\r\n  date: 2024-05-01\r\n  kind: call\r\n  title: A\r\n  topics:\r\n  - x\r\n- id: b\r\n  date: 2024-05-09\r\n  kind: call\r\n  title: B",
    "events: [{id: a, date: 2024-05-01, kind: call, title: A}, {id: b, date: 2024-05-09, kind: call, title: B}]\n",
    "# a log\nevents:   # its events\n  # the first\n  - {id: a, date: 2024-05-01, kind: call, title: A}\n  - id: b   # then\n    date: 2024-05-09\n    kind: call\n    title: B\n",
];

fn planned(base: &str, change: &Change) -> String {
    let log = load_str("t.yaml", base).expect("the layout loads").log;
    let files = LogFiles::from_texts(vec![PathBuf::from("t.yaml")], vec![base.to_string()]);
    plan(&log, &files, change)
        .expect("planned")
        .text()
        .to_string()
}

proptest! {
    #![proptest_config(Config { cases: 300, failure_persistence: None, ..Config::default() })]

    #[test]
    fn added_text_loads_back_exactly(layout in 0..LAYOUTS.len(), title in text(), summary in text(), quote in text()) {
        let base = LAYOUTS[layout];
        // A title is one line, and neither is blank: the loader says so, rightly.
        let title = title.replace(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'], " ");
        prop_assume!(!title.trim().is_empty() && !summary.trim().is_empty());
        prop_assume!(!quote.trim().is_empty());
        let change = Change::Event(NewEvent {
            date: "2024-05-03".into(),
            kind: "meeting".into(),
            title: title.clone(),
            summary: Some(summary.clone()),
            location: Some(quote.clone()),
            ..NewEvent::default()
        });
        let text = planned(base, &change);
        let log = match load_str("t.yaml", &text) {
            Ok(l) => l.log,
            Err(r) => panic!("{:?}\n{text}", r.diagnostics),
        };
        let e = log.events.iter().find(|e| e.title == title).unwrap_or_else(|| panic!("{title:?} not found in\n{text}"));
        prop_assert_eq!(e.summary.as_deref(), Some(summary.as_str()));
        prop_assert_eq!(log.events.len(), 3);
        prop_assert_eq!(&log.events[1].title, &title);

        let id = e.id.clone();
        let change = Change::Quote(NewQuote {
            event: id,
            text: quote.clone(),
            attribution: Some(title.clone()),
            ..NewQuote::default()
        });
        let with_quote = planned(&text, &change);
        let log = load_str("t.yaml", &with_quote).map_err(|r| format!("{:?}\n{with_quote}", r.diagnostics)).unwrap().log;
        let q = &log.events[1].quotes[0];
        prop_assert_eq!(&q.text, &quote);
        prop_assert_eq!(q.attribution.as_deref(), Some(title.as_str()));
    }
}
