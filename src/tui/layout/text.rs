//! Laying out text by display width (wide CJK and emoji count two columns, combining marks
//! none), never by bytes: wrapping, truncation with an ellipsis, search highlights.
//!
//! Widths are counted as ratatui draws: grapheme by grapheme (an emoji with joiners is one
//! wide cell, a lam-alef pair two cells), so that padding and truncation computed here
//! agree with what lands in the buffer.

use crate::search::highlight_ranges;
use ratatui::buffer::CellWidth;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

/// Columns `s` takes on screen.
pub(crate) fn width(s: &str) -> usize {
    graphemes(s).map(|(_, w)| w).sum()
}

/// The first of `texts` (longest first) that fits in `room` columns, else the last: a
/// title or a help that says less on a narrow screen rather than being cut.
pub(crate) fn first_fitting(texts: Vec<String>, room: usize) -> String {
    let last = texts.len().saturating_sub(1);
    texts
        .into_iter()
        .enumerate()
        .find(|(i, t)| *i == last || width(t) <= room)
        .map(|(_, t)| t)
        .unwrap_or_default()
}

/// The end of `s` that fits in `max` columns, after `…` when the start is left out: what
/// a prompt shows of a text wider than its line, so that the cursor stays in sight.
pub(crate) fn tail(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let room = max - 1;
    let mut used = 0;
    let mut start = s.len();
    for (i, g) in s.grapheme_indices(true).rev() {
        let w = graphemes(g).map(|(_, w)| w).sum::<usize>();
        if used + w > room {
            break;
        }
        used += w;
        start = i;
    }
    format!("…{}", &s[start..])
}

/// The graphemes ratatui draws, with their widths; control characters (already escaped
/// by the sanitiser when text comes from a log) and zero-width graphemes are not drawn.
fn graphemes(s: &str) -> impl Iterator<Item = (&str, usize)> {
    s.graphemes(true)
        .filter(|g| !g.contains(char::is_control))
        .map(|g| (g, g.cell_width() as usize))
        .filter(|&(_, w)| w > 0)
}

/// Spans of `text` in `base`, with the parts matching `terms` in `hl`.
pub(crate) fn highlighted(
    text: &str,
    terms: &[String],
    base: Style,
    hl: Style,
) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in highlight_ranges(text, terms) {
        if r.start > at {
            out.push(Span::styled(text[at..r.start].to_owned(), base));
        }
        out.push(Span::styled(text[r.clone()].to_owned(), base.patch(hl)));
        at = r.end;
    }
    if at < text.len() {
        out.push(Span::styled(text[at..].to_owned(), base));
    }
    out
}

/// The spans cut to at most `max` columns, ending in `…` when something was cut.
pub(crate) fn truncate(spans: Vec<Span<'static>>, max: usize) -> Vec<Span<'static>> {
    let total: usize = spans.iter().map(|s| width(&s.content)).sum();
    if total <= max {
        return spans;
    }
    if max == 0 {
        return Vec::new();
    }
    let budget = max - 1; // room for the ellipsis
    let mut used = 0;
    let mut out = Vec::new();
    let mut last_style = Style::default();
    for s in spans {
        last_style = s.style;
        let mut kept = String::new();
        let mut cut = false;
        for (g, w) in graphemes(&s.content) {
            if used + w > budget {
                cut = true;
                break;
            }
            used += w;
            kept.push_str(g);
        }
        if !kept.is_empty() {
            out.push(Span::styled(kept, s.style));
        }
        if cut {
            break;
        }
    }
    out.push(Span::styled("…", last_style));
    out
}

/// Word-wraps styled pieces of text into lines of at most `max` columns; lines after the
/// first start with `indent` spaces. `\n` in the text breaks the line. Words longer than a
/// line are broken between characters.
pub(crate) fn wrap(pieces: &[(&str, Style)], max: usize, indent: usize) -> Vec<Line<'static>> {
    let max = max.max(1);
    let indent = if indent * 2 > max { 0 } else { indent };
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut cur: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    let mut at_start = true;
    let newline = |lines: &mut Vec<Line<'static>>,
                   cur: &mut Vec<Span<'static>>,
                   used: &mut usize,
                   at_start: &mut bool| {
        // No trailing blanks: a space that fit before a word that did not.
        while cur
            .last()
            .is_some_and(|s| s.content.chars().all(char::is_whitespace))
        {
            cur.pop();
        }
        lines.push(Line::from(std::mem::take(cur)));
        if indent > 0 {
            cur.push(Span::raw(" ".repeat(indent)));
        }
        *used = indent;
        *at_start = true;
    };
    for &(text, style) in pieces {
        for token in tokens(text) {
            if token == "\n" {
                newline(&mut lines, &mut cur, &mut used, &mut at_start);
                continue;
            }
            let w = width(token);
            if token.starts_with(char::is_whitespace) {
                if at_start && used == indent && !lines.is_empty() {
                    continue; // no leading space on a wrapped line
                }
                if used + w <= max {
                    cur.push(Span::styled(token.to_owned(), style));
                    used += w;
                } else {
                    newline(&mut lines, &mut cur, &mut used, &mut at_start);
                }
                continue;
            }
            if used + w > max && !at_start {
                newline(&mut lines, &mut cur, &mut used, &mut at_start);
            }
            if used + w <= max {
                cur.push(Span::styled(token.to_owned(), style));
                used += w;
            } else {
                // Longer than a whole line: break it between characters.
                let mut part = String::new();
                for (g, gw) in graphemes(token) {
                    if used + gw > max && used > indent {
                        cur.push(Span::styled(std::mem::take(&mut part), style));
                        newline(&mut lines, &mut cur, &mut used, &mut at_start);
                    }
                    part.push_str(g);
                    used += gw;
                }
                cur.push(Span::styled(part, style));
            }
            at_start = false;
        }
    }
    lines.push(Line::from(cur));
    lines
}

/// Runs of white space, runs of other characters, and single `\n`.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<bool> = None;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            if start < i {
                out.push(&text[start..i]);
            }
            out.push("\n");
            start = i + 1;
            prev = None;
            continue;
        }
        let ws = c.is_whitespace();
        if prev.is_some_and(|p| p != ws) {
            out.push(&text[start..i]);
            start = i;
        }
        prev = Some(ws);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// A URL on a line of its own after `indent`, never broken: cut with `…` at the end when
/// longer than the line, so that what shows is always a piece of the URL from its start.
pub(crate) fn url_line(indent: &str, url: &str, style: Style, max: usize) -> Line<'static> {
    let spans = vec![
        Span::raw(indent.to_owned()),
        Span::styled(url.to_owned(), style),
    ];
    Line::from(truncate(spans, max))
}

/// Multi-line text from a log, laid out as prose: a single line break (how YAML block
/// text is usually typed) joins the lines, a blank line starts a new paragraph.
pub(crate) fn prose(s: &str) -> String {
    s.trim_end()
        .split("\n\n")
        .map(|p| p.split('\n').map(str::trim).collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_tail_keeps_the_end_in_columns_after_an_ellipsis() {
        assert_eq!(tail("ceasefire", 20), "ceasefire");
        assert_eq!(tail("ceasefire", 5), "…fire");
        // Wide characters count two columns, and are never split.
        assert_eq!(tail("停火谈判", 5), "…谈判");
        assert_eq!(tail("停火谈判", 4), "…判");
        assert_eq!(tail("abc", 0), "");
        assert_eq!(tail("abc", 1), "…");
    }

    use super::*;

    fn line_text(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(line_text).collect()
    }

    #[test]
    fn wraps_by_words_with_hanging_indent() {
        let l = wrap(&[("one two three four", Style::new())], 9, 2);
        assert_eq!(texts(&l), ["one two", "  three", "  four"]);
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let l = wrap(&[("中文中文中文", Style::new())], 5, 0);
        assert_eq!(texts(&l), ["中文", "中文", "中文"]);
        assert!(l.iter().all(|l| width(&line_text(l)) <= 5));
    }

    #[test]
    fn truncates_by_width_with_ellipsis() {
        let t = truncate(vec![Span::raw("ab中文cd")], 5);
        assert_eq!(
            t.iter().map(|s| s.content.as_ref()).collect::<String>(),
            "ab中…"
        );
        let t = truncate(vec![Span::raw("abc")], 3);
        assert_eq!(t.len(), 1);
    }

    #[test]
    fn prose_joins_lines_and_keeps_paragraphs() {
        assert_eq!(prose("a\nb\n\nc\n"), "a b\n\nc");
    }

    #[test]
    fn line_breaks_are_kept() {
        let l = wrap(&[("a\nb", Style::new())], 10, 0);
        assert_eq!(texts(&l), ["a", "b"]);
    }
}
