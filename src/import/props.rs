//! Properties of the import's parsers (HTML to text, TimelineJS JSON, the sheet as CSV) on
//! generated input: they never panic, plain text comes through as it is, and whatever they
//! accept is written as a log that opens without an error. Here rather than in tests/props
//! because the readers are the crate's own.

use super::html_text::to_text;
use super::{sheet, timelinejs, to_yaml};
use proptest::prelude::*;

/// Text made mostly of what HTML and the readers treat specially.
fn htmlish() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("<".to_owned()),
            Just(">".to_owned()),
            Just("</a>".to_owned()),
            Just("<a href=\"https://e.org/x\">".to_owned()),
            Just("<a href='".to_owned()),
            Just("<p>".to_owned()),
            Just("<br/>".to_owned()),
            Just("<script>".to_owned()),
            Just("</SCRIPT >".to_owned()),
            Just("<!--".to_owned()),
            Just("-->".to_owned()),
            Just("&amp;".to_owned()),
            Just("&#x2028;".to_owned()),
            Just("\n".to_owned()),
            Just(" ".to_owned()),
            "[a-zé\"',:#-]{1,6}",
            any::<char>().prop_map(String::from),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

/// The log written from an import opens with no error.
fn opens(t: &super::Timeline) -> Result<(), TestCaseError> {
    let yaml = to_yaml(t, "t", "test");
    match crate::load::load_str("t.yaml", &yaml) {
        Ok(_) => Ok(()),
        Err(r) => Err(TestCaseError::fail(format!(
            "{:?}\n{yaml}",
            r.diagnostics
                .iter()
                .map(|d| d.message.clone())
                .collect::<Vec<_>>()
        ))),
    }
}

proptest! {
    #[test]
    fn to_text_never_panics_and_keeps_plain_words(html in htmlish(), words in "[a-z]{1,8}( [a-z]{1,8}){0,5}") {
        let _ = to_text(&html);
        prop_assert_eq!(to_text(&words), words.clone());
        prop_assert_eq!(to_text(&format!("<p>{words}</p>")), words);
    }

    #[test]
    fn a_json_timeline_imports_as_a_log_that_opens(
        slides in proptest::collection::vec(
            (1i64..=9999, proptest::option::of(1i64..=12), htmlish(), htmlish(), proptest::option::of(htmlish()), proptest::option::of("[a-z0-9-]{1,6}")),
            0..6,
        ),
    ) {
        let events: Vec<serde_json::Value> = slides
            .into_iter()
            .map(|(year, month, headline, text, group, id)| {
                serde_json::json!({
                    "start_date": {"year": year, "month": month},
                    "text": {"headline": headline, "text": text},
                    "group": group,
                    "unique_id": id,
                    "media": {"url": "https://e.org/p.jpg", "caption": "x"},
                })
            })
            .collect();
        let json = serde_json::json!({"events": events}).to_string();
        if let Ok(t) = timelinejs::read("t.json", &json, &mut crate::load::Budget::of_items(usize::MAX)) {
            opens(&t)?;
        }
    }

    #[test]
    fn a_sheet_imports_as_a_log_that_opens(
        rows in proptest::collection::vec(
            ("[0-9]{0,5}", "[0-9]{0,2}", htmlish(), htmlish(), htmlish()),
            0..6,
        ),
        extra in "[A-Za-z x]{1,6}",
    ) {
        let mut csv = csv::Writer::from_writer(Vec::new());
        csv.write_record(["Year", "Month", "Headline", "Text", "Group", &extra, &extra]).unwrap();
        for (year, month, headline, text, group) in &rows {
            csv.write_record([year, month, headline, text, group, "v", "w"]).unwrap();
        }
        let text = String::from_utf8(csv.into_inner().unwrap()).unwrap();
        if let Ok(t) = sheet::read("s.csv", &text, &mut crate::load::Budget::of_items(usize::MAX)) {
            opens(&t)?;
        }
    }
}
