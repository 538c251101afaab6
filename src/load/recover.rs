//! After a YAML syntax error: what the mistake most likely is, with the fix, and as much of
//! the file as can still be checked, so that one run of `check` reports more than the
//! first mistake.
//!
//! The commonest mistake, a colon followed by a space inside an unquoted value
//! (`title: Kirby: US was kept informed`), is fixed in a copy of the text (the value
//! quoted, on its own line, so every line keeps its number) and parsing goes on. Any other
//! syntax error ends the file there: the text before the top-level entry or list item that
//! holds it is parsed alone and its errors reported too.

/// The fix for a syntax error at `line` and `col` (1-based) of `text`, when it is a colon
/// inside a plain value: the help to show, and the line rewritten with the value quoted.
pub(crate) fn colon_in_value(
    text: &str,
    line: usize,
    col: usize,
    message: &str,
) -> Option<(String, String)> {
    if !message.contains("mapping values are not allowed") {
        return None;
    }
    fix_line(text.lines().nth(line.checked_sub(1)?)?, col)
}

/// A colon in a value fixed ahead of parsing: where the parser would have stopped, the help,
/// the line as written and as fixed, and where the quoted value now starts (its column).
pub(crate) struct Ahead {
    pub(crate) line: usize,
    pub(crate) col: usize,
    pub(crate) help: String,
    pub(crate) written: String,
    pub(crate) value_col: usize,
}

/// Every line holding a colon in a plain value, fixed at once, so that one parse looks past
/// all of them (fixing them one parse at a time cost a parse of the whole file each). It is a
/// guess: a line of a block scalar (`summary: |`) looks the same, so the caller keeps only the
/// fixes the parse confirms (a quoted scalar starts where the fix put one).
pub(crate) fn colons_ahead(text: &str) -> (String, Vec<Ahead>) {
    let mut out = String::new();
    let mut found = Vec::new();
    for (i, l) in text.split_inclusive('\n').enumerate() {
        let body = l.trim_end_matches(['\n', '\r']);
        // Old Mac line ends (a lone CR) are lines to the parser, not here: no guess.
        let guess = (!body.contains('\r')).then_some(body);
        let fix = guess.and_then(|body| body.find(": ")).and_then(|first| {
            let rest = &body[first + 2..];
            let next = rest.find(": ").or_else(|| {
                rest.trim_end()
                    .ends_with(':')
                    .then(|| rest.trim_end().len() - 1)
            })?;
            let colon = first + 2 + next;
            let col = body[..colon].chars().count() + 1;
            fix_line(body, col).map(|(help, fixed)| (col, help, fixed))
        });
        match fix {
            Some((col, help, fixed)) => {
                let quote_at =
                    fixed.len() - fixed.trim_start_matches(|c| c != '"' && c != '\'').len();
                found.push(Ahead {
                    line: i + 1,
                    col,
                    help,
                    written: body.to_string(),
                    value_col: fixed[..quote_at].chars().count() + 1,
                });
                out.push_str(&fixed);
                out.push_str(&l[body.len()..]);
            }
            None => out.push_str(l),
        }
    }
    (out, found)
}

/// The fix of one line whose parse stopped at column `col` (1-based), when that is a colon
/// inside a plain value: the help, and the line with the value quoted.
fn fix_line(source: &str, col: usize) -> Option<(String, String)> {
    let source = source.strip_suffix('\r').unwrap_or(source);
    // Indentation and list dashes stay as they are.
    let body_at = source.len() - source.trim_start_matches([' ', '-']).len();
    let (lead, body) = source.split_at(body_at);
    if lead.contains('-') && !lead.trim_end().ends_with('-') {
        return None;
    }
    let (key, rest) = body.split_once(": ")?;
    if key.is_empty() || key.starts_with(['"', '\'', '[', '{', '#', '?']) || key.contains(": ") {
        return None;
    }
    // The parser stopped inside the value, not at this line's own key (a line that goes on
    // with a value begun above it looks like `key: value` too, and quoting it would be wrong).
    let value_col = source[..body_at + key.len() + 2].chars().count() + 1;
    if col < value_col {
        return None;
    }
    let value_at = rest.len() - rest.trim_start().len();
    let value = &rest[value_at..];
    if value.starts_with(['"', '\'', '[', '{', '|', '>', '&', '*', '!', '#']) {
        return None;
    }
    // In a plain value, ` #` starts a comment: keep it after the quoted value.
    let end = value.find(" #").unwrap_or(value.len());
    let kept = value[..end].trim_end();
    let (value, comment) = (kept, &value[kept.len()..]);
    if !(value.contains(": ") || value.ends_with(':')) {
        return None;
    }
    let quoted = quote(value);
    let help = format!("put the value in quotes: `{key}: {quoted}`");
    let fixed = format!("{lead}{key}: {}{quoted}{comment}", &rest[..value_at]);
    Some((help, fixed))
}

/// The fix for other common syntax errors, from the YAML layer's message.
pub(crate) fn hint(message: &str) -> Option<&'static str> {
    const HINTS: &[(&str, &str)] = &[
        (
            "mapping values are not allowed",
            "a colon followed by a space starts a key: put a value holding `: ` in quotes, or write it as a block (`summary: |` with the text indented below)",
        ),
        (
            "a list in `[ ]` is not closed",
            "a list in `[ ]` was left open (on this entry or the one above): close it with `]`, and put any text holding `,` `[` `]` or `: ` in quotes",
        ),
        (
            "a mapping in `{ }` is not closed",
            "a mapping in `{ }` was left open (on this entry or the one above): close it with `}`, and put any text holding `,` `{` `}` or `: ` in quotes",
        ),
        (
            "that was left open above",
            "a list in `[ ]` or a mapping in `{ }` above was not closed: close it with `]` or `}`, and put any text holding `,` `[` `]` `{` `}` or `: ` in quotes",
        ),
        (
            "a tab where YAML expects spaces",
            "YAML indents with spaces, never tabs: replace the tab with spaces",
        ),
        (
            "cannot start a value or a key",
            "text that starts with `@`, a backquote, `%` or `|`/`>` in the wrong place goes in quotes: `summary: \"@name said so\"`",
        ),
        (
            "a quotation mark opened here is not closed",
            "close the quotation mark; inside \"...\" write a quotation mark as \\\", or quote the value with '...' (and double a ' inside it: 'it''s')",
        ),
        (
            "escape in a double-quoted value",
            "inside \"...\" a backslash starts an escape (\\n, \\\", \\u00e9): write a backslash as \\\\, or quote the value with '...'",
        ),
        (
            "simple key expect",
            "a key without `:`, or a value broken over lines: indent the lines that continue a value, or write it as `summary: |` with the text indented below",
        ),
        (
            "did not find expected key",
            "check the indentation: the keys of one entry line up under its first key, and each list item starts with `- `",
        ),
        (
            "did not find expected '-' indicator",
            "check the indentation: the items of one list line up, each starting with `- `",
        ),
    ];
    HINTS
        .iter()
        .find(|(said, _)| message.contains(said))
        .map(|&(_, fix)| fix)
}

/// A value in YAML quotes: double, or single when it holds a double quote or a backslash.
fn quote(value: &str) -> String {
    if !value.contains(['"', '\\']) {
        format!("\"{value}\"")
    } else if !value.contains('\'') {
        format!("'{value}'")
    } else {
        format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// `text` with line `line` (1-based) replaced.
pub(crate) fn replace_line(text: &str, line: usize, with: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            out.push_str(with);
            let ending = &l[l.trim_end_matches(['\n', '\r']).len()..];
            out.push_str(ending);
        } else {
            out.push_str(l);
        }
    }
    out
}

/// The text before the entry holding line `line` (1-based): before the list item of a
/// top-level list (an event, a party...) or else the top-level key. None when nothing is
/// left before it.
pub(crate) fn before_entry(text: &str, line: usize) -> Option<&str> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let last = line.min(lines.len());
    // Any white space counts: a line indented with a tab is not a top-level key.
    let indent = |l: &str| l.len() - l.trim_start().len();
    let is_content = |l: &str| {
        let t = l.trim();
        !t.is_empty() && !t.starts_with('#') && t != "---"
    };
    // The top-level key the error is under.
    let top = (0..last)
        .rev()
        .find(|&i| is_content(lines[i]) && indent(lines[i]) == 0)?;
    // Its list items start with `-` at the indent of its first one.
    let item_indent = (top + 1..last)
        .find(|&i| is_content(lines[i]) && lines[i].trim_start().starts_with('-'))
        .map(|i| indent(lines[i]));
    let cut = item_indent
        .and_then(|ind| {
            (top + 1..last).rev().find(|&i| {
                is_content(lines[i])
                    && indent(lines[i]) == ind
                    && lines[i].trim_start().starts_with('-')
            })
        })
        .unwrap_or(top);
    let start: usize = lines[..cut].iter().map(|l| l.len()).sum();
    let before = &text[..start];
    before.lines().any(is_content).then_some(before)
}

/// The top-level sections (`parties`, `events`...) that `part` holds whole, `rest` being
/// the text after it: all of them, except the last when `rest` goes on inside it.
pub(crate) fn whole_sections(part: &str, rest: &str) -> Vec<String> {
    let top_keys = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| !l.starts_with([' ', '\t', '#', '-']) && !l.trim().is_empty())
            .filter_map(|l| l.split_once(':').map(|(k, _)| k.trim().to_string()))
            .collect()
    };
    let mut keys = top_keys(part);
    let goes_on = rest
        .lines()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .is_some_and(|l| l.starts_with([' ', '\t', '-']));
    if goes_on {
        keys.pop();
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAPPING: &str = "mapping values are not allowed in this context";

    #[test]
    fn a_colon_in_a_value_is_fixed_by_quoting_it() {
        let text = "events:\n  - title: Kirby: US was kept informed   # said Monday\n";
        let (help, fixed) = colon_in_value(text, 2, 17, MAPPING).unwrap();
        assert_eq!(
            help,
            "put the value in quotes: `title: \"Kirby: US was kept informed\"`"
        );
        assert_eq!(
            fixed,
            "  - title: \"Kirby: US was kept informed\"   # said Monday"
        );
        let (_, fixed) =
            colon_in_value("summary: He said \"no\": firmly\n", 1, 22, MAPPING).unwrap();
        assert_eq!(fixed, "summary: 'He said \"no\": firmly'");
    }

    #[test]
    fn other_errors_and_quoted_values_are_not_taken_for_it() {
        assert_eq!(
            colon_in_value("title: a: b\n", 1, 9, "did not find expected key"),
            None
        );
        assert_eq!(colon_in_value("title: \"a\": b\n", 1, 11, MAPPING), None);
        assert_eq!(colon_in_value("title: plain\n", 1, 6, MAPPING), None);
        // A value going on from the line above: the colon is this line's own.
        let text = "summary: begun here\n  and: going on\n";
        assert_eq!(colon_in_value(text, 2, 6, MAPPING), None);
    }

    #[test]
    fn every_colon_in_a_value_is_found_in_one_pass_but_not_in_block_text() {
        // Sixty mistakes: fixing one parse at a time stopped after fifty, and parsed the
        // file fifty times. A block scalar's line that looks the same is text, not a mistake.
        let mut log = String::from("events:\n");
        for i in 0..60 {
            log += &format!("  - date: 2024-01-01\n    kind: call\n    title: Kirby: call {i}\n");
        }
        log += "  - date: 2024-01-02\n    kind: call\n    title: Fine\n    summary: |\n      He said: no: never\n";
        let report = crate::load::load_str("a.yaml", &log).unwrap_err();
        let colons: Vec<usize> = report
            .diagnostics
            .iter()
            .filter(|d| d.message.contains("a colon followed by a space"))
            .map(|d| d.line)
            .collect();
        assert_eq!(colons, (0..60).map(|i| 4 + 3 * i).collect::<Vec<_>>());
        let (_, ahead) = colons_ahead(&log);
        assert_eq!(
            ahead.len(),
            61,
            "the block line is guessed too, then put back"
        );
        assert_eq!(ahead[0].col, 17);
    }

    #[test]
    fn lines_are_replaced_in_place() {
        assert_eq!(replace_line("a\r\nb\r\nc", 2, "B"), "a\r\nB\r\nc");
        assert_eq!(replace_line("a\nb", 2, "B"), "a\nB");
    }

    #[test]
    fn the_part_before_the_failing_entry_is_cut_at_an_item_or_a_key() {
        let text =
            "title: t\nevents:\n  - date: 2024\n    kind: call\n  - date: 2025\n    title: [\n";
        assert_eq!(
            before_entry(text, 6),
            Some("title: t\nevents:\n  - date: 2024\n    kind: call\n")
        );
        assert_eq!(before_entry(text, 2), Some("title: t\n"));
        assert_eq!(before_entry("# c\ntitle: [\n", 2), None);
        let part = "parties:\n  - {id: a, name: A}\nevents:\n  - {date: 2024}\n";
        assert_eq!(
            whole_sections(part, "  - {date: [\n"),
            ["parties".to_string()]
        );
        assert_eq!(whole_sections(part, "sources: [\n"), ["parties", "events"]);
    }
}
