//! Log text in exports stays text: Markdown renders back (through a CommonMark parser) to
//! exactly the log's words with no markup of theirs, CSV cells never start a formula, and
//! JSON keeps every character.

use dateline::export::{csv, json, markdown};
use dateline::filter::Query;
use dateline::model::Log;
use pulldown_cmark::{Event, Options, Parser};

/// A log whose every free text (titles, summary, location, names, outlet, quotes,
/// attribution) is `text`; `lines` of it in the multi-line fields.
fn log_with(text: &str, lines: &[&str]) -> Log {
    let q = |s: &str| serde_json::to_string(s).unwrap();
    let multi = q(&lines.join("\n"));
    let t = q(text);
    let yaml = format!(
        "title: {t}
parties:
  - {{id: p, name: {t}}}
actors:
  - {{id: a, name: {t}, party: p, role: {t}}}
sources:
  - {{id: s, outlet: {t}, title: {t}, byline: [{t}], url: \"https://example.org/a\"}}
events:
  - date: 2024-05-03
    kind: meeting
    title: {t}
    summary: {multi}
    location: {t}
    date_note: {t}
    actors: [a]
    topics: [talks]
    sources: [s]
    quotes:
      - {{text: {multi}, speaker: a, source: s}}
      - {{text: {t}, attribution: {t}, party: p, source: s, paraphrase: true}}
"
    );
    dateline::load::load_str("log.yaml", &yaml)
        .unwrap_or_else(|r| panic!("{yaml}\n{:?}", r.diagnostics))
        .log
}

/// Every quote of the log's one event.
fn all_quotes(log: &Log) -> Vec<dateline::filter::QuoteAt> {
    dateline::filter::quotes_of(log, &[0], &Query::default())
}

/// Every Markdown export of a log.
fn markdowns(log: &Log) -> Vec<(&'static str, String)> {
    vec![
        ("list", markdown::events(log, &[0])),
        ("quotes", markdown::quotes(log, &all_quotes(log))),
        ("view", markdown::view(log, &[0], &Query::default())),
    ]
}

/// Renders Markdown as GitHub would (CommonMark with tables, strikethrough, task lists,
/// footnotes): the structure (every element opened and closed) and the text shown.
fn render(md: &str) -> (Vec<String>, String) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_GFM;
    let mut structure = Vec::new();
    let mut text = String::new();
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push('\n'),
            other => structure.push(format!("{other:?}")),
        }
    }
    (structure, text)
}

const HOSTILE: &[&str] = &[
    "~~~",
    "```rust",
    "&#x202E;evil &amp; &lt;b&gt; &copy;",
    "~~struck~~ and ~one~",
    "*em* _em_ **bold** __bold__ ***both***",
    "[link](https://evil.example) ![img](https://evil.example/x.png) [ref][1] [^1]",
    "<b>html</b> <script>alert(1)</script> <!-- comment -->",
    "<https://auto.example> www.example.com",
    "# heading #",
    "- list",
    "+ list",
    "* list",
    "1. list",
    "2) list",
    "> quote",
    "| a | b |",
    "---",
    "===",
    "***",
    "\\*not\\* \\\\",
    "`code` ``more``",
    "[x]: https://ref.example",
    "- [ ] task",
    "trailing backslash \\",
    "Talks :: 1 + 1 = 2; 50% @ 3 $ ^x^ {y}",
];

#[test]
fn markdown_renders_back_to_the_logs_text_and_nothing_else() {
    const PLAIN: &str = "Plainword";
    let plain_lines = ["Plainone", "Plaintwo", "Plainthree"];
    let benign = markdowns(&log_with(PLAIN, &plain_lines));
    for &hostile in HOSTILE {
        // Multi-line fields hold a hostile line between two that it might swallow.
        let lines = [hostile, "swallowed?", hostile];
        let log = log_with(hostile, &lines);
        for ((what, md), (_, plain_md)) in markdowns(&log).into_iter().zip(&benign) {
            let (structure, text) = render(&md);
            let (plain_structure, plain_text) = render(plain_md);
            assert_eq!(
                structure, plain_structure,
                "{what} of {hostile:?}: the markup differs from a plain text's:\n{md}"
            );
            let mut expected = plain_text;
            for (p, h) in plain_lines.iter().zip(lines) {
                expected = expected.replace(p, h);
            }
            expected = expected.replace(PLAIN, hostile);
            assert_eq!(
                text, expected,
                "{what} of {hostile:?}: the rendered text differs:\n{md}"
            );
        }
    }
}

/// The cells of a CSV export, read back.
fn cells(csv_text: &str) -> Vec<Vec<String>> {
    ::csv::Reader::from_reader(csv_text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn csv_cells_never_start_a_formula_and_json_stays_verbatim() {
    for formula in [
        "=HYPERLINK(\"https://evil.example\",\"x\")",
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A9)",
        "\tTAB",
        "\rCR",
    ] {
        let log = log_with(formula, &[formula]);
        for (what, out) in [
            ("list", csv::events(&log, &[0])),
            ("quotes", csv::quotes(&log, &all_quotes(&log))),
        ] {
            let rows = cells(&out);
            let mut seen = 0;
            for cell in rows.iter().flatten() {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{what}: a cell starts a formula: {cell:?}"
                );
                if cell.strip_prefix('\'') == Some(formula) {
                    seen += 1;
                }
            }
            assert!(
                seen >= 2,
                "{what}: {formula:?} not kept behind a quote:\n{out}"
            );
        }
        for out in [
            json::events(&log, &[0]),
            json::quotes(&log, &all_quotes(&log)),
        ] {
            let v: serde_json::Value = serde_json::from_str(&out).unwrap();
            let first = &v[0];
            let field = if first.get("title").is_some() {
                &first["title"]
            } else {
                &first["text"]
            };
            assert_eq!(field.as_str(), Some(formula), "{out}");
        }
    }
    // Text that merely holds those characters later is left alone.
    let log = log_with("Talks: 1 + 1 = 2 @ Cairo - maybe", &["a"]);
    let rows = cells(&csv::events(&log, &[0]));
    assert_eq!(rows[0][9], "Talks: 1 + 1 = 2 @ Cairo - maybe");
}
