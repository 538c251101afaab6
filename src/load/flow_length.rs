//! A bound on the flow collections the parser would hold whole: a `[...]` or `{...}` that
//! starts where a key could (a document's start, after a block entry `- ` or `? `). Until
//! such a collection closes the parser cannot tell whether it is a key, and it keeps every
//! token of it queued (saphyr-parser retires a possible key only outside flow collections),
//! at about 500 bytes an item: a 30 MB event of ten million topics written `- {topics: [...]}`
//! took 5 GB. The same list in block style, or after `key:`, is read as it goes.
//!
//! A pass over the text, before parsing, finds these collections and counts their items; one
//! of more than `MAX_ITEMS` is refused where it starts, with the fix. It reads brackets,
//! quoted scalars, comments and block scalars, no more: it only counts. A collection it
//! misreads stops at the first line indented no deeper than the line it started on (where
//! the collection must have ended), so its count stays within the item's own lines.

use super::yaml::{Mark, YamlError};

/// The most items (commas, at any depth) one such collection may hold: thousands of times
/// what an event writes, and about 50 MB of the parser's queue.
pub(crate) const MAX_ITEMS: usize = 100_000;

/// Refuses the first flow collection, where a key could start, of more than `MAX_ITEMS`.
pub(crate) fn check(text: &str) -> Result<(), YamlError> {
    check_with(text, MAX_ITEMS)
}

pub(crate) fn check_with(text: &str, max: usize) -> Result<(), YamlError> {
    let bytes = text.as_bytes();
    // A cheap way out: a text with fewer commas than the bound has no such collection.
    if memchr::memchr_iter(b',', bytes).nth(max).is_none() || !any_bracket_at_line_start(bytes) {
        return Ok(());
    }
    let mut line_no = 1;
    let mut pos = 0;
    // Inside a block scalar (`|`, `>`): the indentation of the line that opened it.
    let mut block_scalar: Option<usize> = None;
    let mut first_content = true;
    while pos < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[pos..]).map_or(bytes.len(), |i| pos + i);
        let line = &bytes[pos..end];
        let indent = line.iter().take_while(|&&b| b == b' ').count();
        let blank = line[indent..].iter().all(|b| b.is_ascii_whitespace());
        if let Some(opened) = block_scalar {
            if blank || indent > opened {
                (pos, line_no) = (end + 1, line_no + 1);
                continue;
            }
            block_scalar = None;
        }
        // Comments, directives and document markers say nothing of where a key starts.
        if blank || line[indent] == b'#' || line.starts_with(b"---") || line[0] == b'%' {
            (pos, line_no) = (end + 1, line_no + 1);
            continue;
        }
        // Past block entries and explicit keys: where a key could start.
        let mut at = indent;
        let mut entry = false;
        while at < line.len()
            && matches!(line[at], b'-' | b'?')
            && line.get(at + 1).is_none_or(|&b| b == b' ')
        {
            entry = true;
            at += 1;
            at += line[at..].iter().take_while(|&&b| b == b' ').count();
        }
        let document_start = first_content && !entry;
        first_content = false;
        if (entry || document_start) && matches!(line.get(at), Some(b'[' | b'{')) {
            let stop_at = (!document_start).then_some(indent);
            let (items, close) = scan(bytes, pos + at, stop_at, max);
            if items > max {
                let col = text[pos..pos + at].chars().count() + 1;
                return Err(YamlError {
                    mark: Mark::new(line_no, col),
                    message: format!(
                        "a list or mapping in brackets of more than {max} items where a key could start: the parser would hold it whole in memory; write it in block style (one `- item` a line, or `key: value` lines)"
                    ),
                });
            }
            // Go on from the line after the collection's end.
            let upto = close.min(bytes.len());
            line_no += bytes[pos..upto].iter().filter(|&&b| b == b'\n').count();
            let next = memchr::memchr(b'\n', &bytes[upto..]).map_or(bytes.len(), |i| upto + i);
            (pos, line_no) = (next + 1, line_no + 1);
            continue;
        }
        if opens_block_scalar(&line[at..]) {
            // Its lines are deeper than its key (`key: |`), or than its entry (`- |`).
            let alone = matches!(line.get(at), Some(b'|' | b'>'));
            block_scalar = Some(if alone { indent } else { at });
        }
        (pos, line_no) = (end + 1, line_no + 1);
    }
    Ok(())
}

/// Whether some `[` or `{` has only spaces and entry markers (`-`, `?`) before it on its
/// line: every collection the scan below counts is one of these, so a text without any
/// (a big log writes its lists after keys, `topics: [...]`) needs no scan.
fn any_bracket_at_line_start(bytes: &[u8]) -> bool {
    memchr::memchr2_iter(b'[', b'{', bytes).any(|at| {
        let before = &bytes[..at];
        let lead = before
            .iter()
            .rev()
            .take_while(|&&b| matches!(b, b' ' | b'-' | b'?'))
            .count();
        lead == at || before[at - lead - 1] == b'\n'
    })
}

/// Whether a line ends with a block scalar's indicator (`|`, `>-`, `|+2`), after a key's
/// `: ` or an entry's `- ` or alone.
fn opens_block_scalar(content: &[u8]) -> bool {
    let mut trimmed = content.trim_ascii_end();
    let indicator = |t: &[u8]| {
        t.last()
            .is_some_and(|b| matches!(b, b'|' | b'>' | b'+' | b'-' | b'0'..=b'9'))
    };
    if !indicator(trimmed) {
        // Most lines: no indicator at their end, and no comment after one.
        // A `#` after a blank starts a comment (a searcher built for each line cost more
        // than the scan).
        let Some(i) = memchr::memchr_iter(b'#', trimmed)
            .find(|&i| i > 0 && trimmed[i - 1] == b' ')
            .map(|i| i - 1)
        else {
            return false;
        };
        trimmed = trimmed[..i].trim_ascii_end();
    }
    let mut i = trimmed.len();
    while i > 0 && matches!(trimmed[i - 1], b'+' | b'-' | b'0'..=b'9') {
        i -= 1;
    }
    if i == 0 || !matches!(trimmed[i - 1], b'|' | b'>') {
        return false;
    }
    i -= 1;
    i == 0 || trimmed[i - 1] == b' '
}

/// The items (commas) of the flow collection opening at `open`, counted until it closes or
/// passes `max`, and where it closed. With `stop_at`, a line indented no deeper than that
/// ends it too (the collection was misread or is broken).
fn scan(bytes: &[u8], open: usize, stop_at: Option<usize>, max: usize) -> (usize, usize) {
    let (mut depth, mut items) = (0usize, 0usize);
    // The last character that was not a blank: a quotation mark opens a scalar only as a
    // token starts, after one of `[{,:` (`don't` in a plain scalar opens nothing).
    let mut before = b'[';
    let mut i = open;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return (items, i + 1);
                }
            }
            b',' => {
                items += 1;
                if items > max {
                    return (items, i);
                }
            }
            b'"' | b'\'' if matches!(before, b'[' | b'{' | b',' | b':') => {
                i = quoted_end(bytes, i);
                before = b'"';
                continue;
            }
            b'#' if i > 0 && matches!(bytes[i - 1], b' ' | b'\t') => {
                i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
                continue;
            }
            b'\n' => {
                if let Some(indent) = stop_at {
                    let next = &bytes[i + 1..];
                    let deep = next.iter().take_while(|&&c| c == b' ').count();
                    let blank = next[deep..]
                        .iter()
                        .take_while(|&&c| c != b'\n')
                        .all(u8::is_ascii_whitespace);
                    if !blank && deep <= indent {
                        return (items, i);
                    }
                }
            }
            _ => {}
        }
        if !b.is_ascii_whitespace() {
            before = b;
        }
        i += 1;
    }
    (items, bytes.len())
}

/// Just past the quoted scalar that opens at `at`, or the end of the text.
fn quoted_end(bytes: &[u8], at: usize) -> usize {
    let quote = bytes[at];
    let mut i = at + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if quote == b'"' => i += 2,
            b'\'' if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 2,
            c if c == quote => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(n: usize) -> String {
        vec!["a"; n].join(", ")
    }

    #[test]
    fn a_long_flow_collection_where_a_key_could_start_is_refused_where_it_starts() {
        let text = format!(
            "events:\n  - date: 2024-01-01\n    title: fine\n  - {{date: 2024-01-02, topics: [{}]}}\n",
            items(50)
        );
        let e = check_with(&text, 40).unwrap_err();
        assert_eq!(e.mark, Mark::new(4, 5));
        assert!(e.message.contains("block style"), "{}", e.message);
        let doc = format!("{{events: [{}]}}\n", items(50));
        assert_eq!(check_with(&doc, 40).unwrap_err().mark, Mark::new(1, 1));
    }

    #[test]
    fn long_lists_elsewhere_and_commas_in_text_are_not_counted() {
        let max = 40;
        let cases = [
            // After a key the parser reads the list as it goes.
            format!(
                "events:\n  - date: 2024-01-01\n    topics: [{}]\n",
                items(50)
            ),
            // Commas inside quotation marks, a comment and a block scalar.
            format!(
                "events:\n  - {{title: \"{}\", summary: 'it''s {}'}} # {}\n  - summary: |\n      [{}\n    title: x\n",
                items(50),
                items(50),
                items(50),
                items(50)
            ),
            // A plain scalar's apostrophe does not open a quotation.
            format!("- [don't, {}]\n", items(30)),
            // An unclosed bracket ends at the next line no deeper than its own.
            format!("- [a,\n  b\n- {}\n", items(50)),
        ];
        for text in &cases {
            assert!(check_with(text, max).is_ok(), "{text}");
        }
    }

    #[test]
    fn a_text_with_fewer_commas_than_the_bound_is_not_scanned() {
        let text = format!("- [{}\n", items(10));
        assert!(check_with(&text, 40).is_ok());
        assert!(check_with(&format!("- [{}]\n", items(50)), 40).is_err());
    }
}
