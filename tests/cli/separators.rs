//! Line and paragraph separators (U+2028, U+2029) from a log never reach the terminal raw:
//! a terminal may break the line there or not, so what is shown would not be what was
//! checked. Where text wraps they are a line break (a blank line for a paragraph), as in the
//! browser; on one line they are escaped.

use crate::common::cli::dateline;

const LOG: &str = "parties:
  - id: us
    name: United States
actors:
  - id: envoy
    name: The envoy
    party: us
events:
  - id: talks
    date: 2024-05-03
    kind: meeting
    title: \"Talks\\u2028resume\"
    summary: \"First line\\u2028second line\\u2029Next paragraph\"
    parties: [us]
    quotes:
      - text: \"We will\\u2028come back\\u2029Soon\"
        speaker: envoy
";

fn run(args: &[&str], yaml: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.yaml");
    std::fs::write(&path, yaml).unwrap();
    let mut all = args.to_vec();
    all.push(path.to_str().unwrap());
    let out = dateline(&all);
    let text = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
    assert!(
        !text.contains(['\u{2028}', '\u{2029}']),
        "dateline {args:?} wrote a separator raw:\n{text}"
    );
    text
}

#[test]
fn list_escapes_separators_in_a_one_line_title() {
    let out = run(&["list"], LOG);
    assert!(out.contains("Talks\\u{2028}resume"), "{out}");
}

#[test]
fn quotes_break_the_quote_where_it_has_separators() {
    let out = run(&["quotes"], LOG);
    assert!(out.contains("> “We will\n> come back\n>\n> Soon”"), "{out}");
}

#[test]
fn check_escapes_separators_in_the_line_it_shows() {
    let yaml = "events:\n  - date: 2024-05-03\n    kind: meeting\n    titel: Talks\u{2028}resume\u{2029}now\n";
    let out = run(&["check"], yaml);
    assert!(
        out.contains("4 |     titel: Talks\\u{2028}resume\\u{2029}now\n"),
        "{out}"
    );
}
