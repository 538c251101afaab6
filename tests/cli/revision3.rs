//! Format revision 3 through the real binary: a translation's original in every export and
//! in search, and a date-only `end` counted on its event's clock.

use crate::common::cli::stdout;

const VOICES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/voices.yaml");
const ORIGINAL: &str = "این پیروزی گفتگو است";

#[test]
fn the_original_is_in_every_export_under_its_translation() {
    let md = stdout(&["quotes", VOICES]);
    let translation = md.find("> “This is a victory for dialogue.”").unwrap();
    let original = md
        .find(&format!("*Original (fa):*\n\n> “{ORIGINAL}”"))
        .unwrap();
    assert!(translation < original, "{md}");

    let html = stdout(&["list", VOICES, "--format", "html"]);
    assert!(
        html.contains(&format!(
            "<blockquote class=\"original\" lang=\"fa\" dir=\"auto\">“{ORIGINAL}”</blockquote>"
        )),
        "{html}"
    );

    // iCalendar folds long lines: read it unfolded, with its escapes undone.
    let ics = stdout(&["list", VOICES, "--format", "ics"]).replace("\r\n ", "");
    assert!(
        ics.contains(&format!("Original (fa):\\n“{ORIGINAL}”")),
        "{ics}"
    );

    let tl: serde_json::Value =
        serde_json::from_str(&stdout(&["list", VOICES, "--format", "timelinejs"])).unwrap();
    let slide = tl["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| {
            s["text"]["text"]
                .as_str()
                .unwrap()
                .contains("victory for dialogue")
        })
        .unwrap();
    assert!(
        slide["text"]["text"].as_str().unwrap().contains(&format!(
            "<blockquote lang=\"fa\" dir=\"auto\">“{ORIGINAL}”</blockquote>"
        )),
        "{slide}"
    );

    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["list", VOICES, "--format", "json"])).unwrap();
    let q = json
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["quotes"].as_array().unwrap())
        .find(|q| q["translated"] == true && q["paraphrase"] == false)
        .unwrap();
    assert_eq!(q["original"], ORIGINAL);
    assert_eq!(q["lang"], "fa");
}

#[test]
fn search_finds_words_of_the_original() {
    let found = stdout(&["list", VOICES, "--search", "پیروزی", "--format", "json"]);
    let found: serde_json::Value = serde_json::from_str(&found).unwrap();
    let ids: Vec<_> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].clone())
        .collect();
    assert_eq!(ids, ["deal-signed"]);
}

fn kuala_lumpur_talks() -> tempfile::NamedTempFile {
    let file = tempfile::Builder::new().suffix(".yaml").tempfile().unwrap();
    std::fs::write(
        file.path(),
        "events:\n  - id: kl-talks\n    date: 2025-10-25T10:00[Asia/Kuala_Lumpur]\n    end: 2025-10-26\n    kind: meeting\n    title: Talks in Kuala Lumpur\n    sources: []\n",
    )
    .unwrap();
    file
}

#[test]
fn talks_ending_on_a_day_end_when_that_day_ends_on_their_clock() {
    let log = kuala_lumpur_talks();
    let p = log.path().to_str().unwrap();
    // 26 October ends in Kuala Lumpur at 16:00 UTC (not at midnight UTC, nor at noon the
    // next day).
    let ics = stdout(&["list", p, "--format", "ics"]);
    assert!(ics.contains("DTSTART:20251025T020000Z\r\n"), "{ics}");
    assert!(ics.contains("DTEND:20251026T160000Z\r\n"), "{ics}");
    // Still going at 15:59 UTC on the 26th; over by 16:00.
    let at = |from: &str| stdout(&["list", p, "--from", from, "--format", "json"]);
    assert!(at("2025-10-26T15:59Z").contains("kl-talks"));
    assert!(!at("2025-10-26T16:00Z").contains("kl-talks"));
}

#[test]
fn the_web_page_marks_each_quotes_language_and_direction() {
    let file = tempfile::Builder::new().suffix(".yaml").tempfile().unwrap();
    std::fs::write(
        file.path(),
        "events:\n  - date: 2025-10-25\n    kind: statement\n    title: T\n    quotes:\n      - {text: \"Nous sommes prêts.\", attribution: a diplomat, lang: fr}\n      - {text: \"No language given.\", attribution: an official}\n",
    )
    .unwrap();
    let html = stdout(&["list", file.path().to_str().unwrap(), "--format", "html"]);
    assert!(
        html.contains("<blockquote lang=\"fr\" dir=\"auto\">“Nous sommes prêts.”</blockquote>"),
        "{html}"
    );
    assert!(
        html.contains("<blockquote dir=\"auto\">“No language given.”</blockquote>"),
        "{html}"
    );
}
