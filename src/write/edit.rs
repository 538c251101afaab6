//! Text edits on a log file: where a new item or field goes, in the file's own layout
//! (indentation, block or flow lists, blank lines between items, line endings), as one
//! replacement of a range of bytes; every byte outside it stays.

use super::scalar::{self, Context};
use crate::model::Span;
use std::ops::Range;

/// One change to a file's text: `range` replaced by `text` (an insertion when empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct TextEdit {
    pub(crate) range: Range<usize>,
    pub(crate) text: String,
}

impl TextEdit {
    pub(crate) fn apply(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + self.text.len());
        out.push_str(&text[..self.range.start]);
        out.push_str(&self.text);
        out.push_str(&text[self.range.end..]);
        out
    }
}

/// A value to write.
#[derive(Clone, Debug)]
pub(crate) enum Val {
    /// Free text, quoted where YAML needs it.
    Text(String),
    /// A date, an id, a kind, `true`: plain where YAML allows.
    Word(String),
    /// A list of words or texts.
    List(Vec<Val>),
}

pub(crate) type Fields = Vec<(&'static str, Val)>;

/// How the file writes what a new item holds.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Style {
    pub(crate) eol: &'static str,
    /// Lists inside items as `[a, b]` (else one `- a` line each).
    pub(crate) flow_lists: bool,
}

/// The file's line ending: CRLF when its first line ends so.
pub(crate) fn eol_of(text: &str) -> &'static str {
    match text.find('\n') {
        Some(i) if i > 0 && text.as_bytes()[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

pub(crate) fn line_start(text: &str, pos: usize) -> usize {
    text[..pos].rfind(['\n', '\r']).map_or(0, |i| i + 1)
}

/// Where the line holding `pos` ends, before its line break.
pub(crate) fn line_end(text: &str, pos: usize) -> usize {
    text[pos..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| pos + i)
}

pub(crate) fn col(text: &str, pos: usize) -> usize {
    pos - line_start(text, pos)
}

/// Just after the last character of `span` that is not white space: a block scalar's span
/// runs on into the next line's indentation.
pub(crate) fn last_content(text: &str, span: Span) -> usize {
    let r = span.range();
    r.start + text[r].trim_end().len()
}

/// The line after which a new line goes to follow the item at `span` (its trailing comment
/// stays on its line).
fn after_line(text: &str, span: Span) -> usize {
    line_end(text, last_content(text, span))
}

fn is_flow(text: &str, span: Span) -> bool {
    text[span.range()].starts_with(['[', '{'])
}

/// Whether the item at `span` ends with a block scalar that keeps its trailing line breaks
/// (`|+`, `>+`, with or without an indentation indicator): the blank lines after its last
/// line are then its value's.
fn ends_in_kept_scalar(text: &str, span: Span) -> bool {
    let last = line_start(text, last_content(text, span));
    let first = line_start(text, span.start as usize);
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let line_at = |pos: usize| &text[pos..line_end(text, pos)];
    if keeps(line_at(last)) {
        return true;
    }
    // Up from the last line to the first one less indented: the header of the scalar the
    // last line belongs to, if it is one.
    let content = indent(line_at(last));
    let mut pos = last;
    while pos > first {
        pos = line_start(text, pos - 1);
        let line = line_at(pos);
        if !line.trim().is_empty() && indent(line) < content {
            return keeps(line);
        }
    }
    false
}

/// Whether a line ends with a block scalar header that keeps trailing line breaks.
fn keeps(line: &str) -> bool {
    let code = match line.find(" #") {
        Some(i) => &line[..i],
        None => line,
    };
    let Some(header) = code.split_whitespace().last() else {
        return false;
    };
    let Some(flags) = header.strip_prefix(['|', '>']) else {
        return false;
    };
    flags.matches('+').count() == 1
        && flags.len() <= 2
        && flags.chars().all(|c| c == '+' || ('1'..='9').contains(&c))
}

/// Where the line after the line break at `at` starts, past every blank line; None when no
/// line break follows.
fn past_blank_lines(text: &str, at: usize) -> Option<usize> {
    let mut pos = at + line_break_len(text, at)?;
    while pos < text.len() {
        let end = line_end(text, pos);
        if !text[pos..end].trim().is_empty() {
            break;
        }
        match line_break_len(text, end) {
            Some(n) => pos = end + n,
            None => break,
        }
    }
    Some(pos)
}

/// The length of the line break at `at` (`\n`, `\r\n` or `\r`), if there is one.
fn line_break_len(text: &str, at: usize) -> Option<usize> {
    let rest = &text.as_bytes()[at..];
    match rest {
        [b'\r', b'\n', ..] => Some(2),
        [b'\n' | b'\r', ..] => Some(1),
        _ => None,
    }
}

/// A scalar value in block context (a text of several lines as a literal block at
/// `indent`).
fn block_scalar(v: &Val, indent: &str, eol: &str) -> String {
    match v {
        Val::Text(s) => {
            scalar::literal_block(s, indent, eol).unwrap_or_else(|| scalar::text(s, Context::Block))
        }
        Val::Word(s) => scalar::word(s, Context::Block),
        Val::List(_) => flow_value(v),
    }
}

fn flow_value(v: &Val) -> String {
    match v {
        Val::Text(s) => scalar::text(s, Context::Flow),
        Val::Word(s) => scalar::word(s, Context::Flow),
        Val::List(items) => {
            let inner: Vec<String> = items.iter().map(flow_value).collect();
            format!("[{}]", inner.join(", "))
        }
    }
}

/// `{k: v, ...}`.
pub(crate) fn render_flow(fields: &Fields) -> String {
    let inner: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{k}: {}", flow_value(v)))
        .collect();
    format!("{{{}}}", inner.join(", "))
}

/// One `key: value` in a block mapping whose keys are at `key_col`; the lines after the
/// first already indented.
fn block_field(key: &str, v: &Val, key_col: usize, style: Style) -> String {
    let inner = " ".repeat(key_col + 2);
    match v {
        Val::List(items) if !style.flow_lists && !items.is_empty() => {
            let mut out = format!("{key}:");
            for item in items {
                out.push_str(style.eol);
                out.push_str(&inner);
                out.push_str("- ");
                out.push_str(&block_scalar(item, &inner, style.eol));
            }
            out
        }
        _ => format!("{key}: {}", block_scalar(v, &inner, style.eol)),
    }
}

/// A block sequence item: `dash` then the first field, the others at `key_col`; no final
/// line break.
pub(crate) fn render_block(
    fields: &Fields,
    dash_col: usize,
    key_col: usize,
    style: Style,
) -> String {
    let mut out = " ".repeat(dash_col);
    out.push('-');
    out.push_str(&" ".repeat(key_col.saturating_sub(dash_col + 1).max(1)));
    for (i, (k, v)) in fields.iter().enumerate() {
        if i > 0 {
            out.push_str(style.eol);
            out.push_str(&" ".repeat(key_col));
        }
        out.push_str(&block_field(k, v, key_col, style));
    }
    out
}

/// The columns of a block sequence's dashes and of its items' keys, from its first item.
fn block_columns(text: &str, first: Span) -> (usize, usize) {
    let start = first.start as usize;
    let before = text[..start].trim_end_matches(' ');
    if before.ends_with('-') {
        let dash = before.len() - 1;
        let same_line = line_start(text, dash) == line_start(text, start);
        let dash_col = col(text, dash);
        let key_col = if same_line {
            col(text, start)
        } else {
            dash_col + 2
        };
        (dash_col, key_col.max(dash_col + 2))
    } else {
        let key_col = col(text, start);
        (key_col.saturating_sub(2), key_col.max(2))
    }
}

/// Where the dash of a block item is (the start of its line).
fn item_line_start(text: &str, item: Span) -> usize {
    let before = text[..item.start as usize].trim_end_matches(' ');
    let dash = before
        .strip_suffix('-')
        .map_or(item.start as usize, str::len);
    line_start(text, dash)
}

/// Whether a blank line separates the first two items (a new one is set off the same way).
fn blank_between(text: &str, items: &[Span]) -> bool {
    let [a, b, ..] = items else {
        return false;
    };
    let from = after_line(text, *a);
    let to = item_line_start(text, *b);
    // The lines strictly between the two: after the first's line break, before the
    // second's line.
    let between: Vec<&str> = if from < to {
        text[from..to].split('\n').collect()
    } else {
        Vec::new()
    };
    between.len() > 2
        && between[1..between.len() - 1]
            .iter()
            .any(|l| l.trim().is_empty())
}

/// The insertion of a new item into the list whose value is `seq` and whose items are
/// `items` (in file order): after item `after`, or before the first when None. A list that
/// is empty (`[]`, nothing, `~`) gets its first item; `indent` is where a new block list
/// puts its dashes.
pub(crate) fn insert_item(
    text: &str,
    seq: Span,
    items: &[Span],
    after: Option<usize>,
    fields: &Fields,
    style: Style,
    indent: usize,
) -> TextEdit {
    let seq_text = &text[seq.range()];
    if seq_text.starts_with('[') {
        let item = render_flow(fields);
        let sep = match items {
            [a, b, ..]
                if text[a.end as usize..b.start as usize]
                    .trim_start_matches(',')
                    .trim()
                    .is_empty() =>
            {
                text[a.end as usize..b.start as usize].to_string()
            }
            _ => ", ".to_string(),
        };
        return match (after, items.first()) {
            (_, None) => {
                // Inside the brackets, before their closing one.
                let close = seq.end as usize - 1;
                let inner_start = seq.start as usize + 1;
                let at = inner_start + text[inner_start..close].trim_end().len();
                TextEdit {
                    range: at..at,
                    text: item,
                }
            }
            (Some(k), _) => {
                let at = items[k].end as usize;
                TextEdit {
                    range: at..at,
                    text: format!("{sep}{item}"),
                }
            }
            (None, Some(first)) => {
                let at = first.start as usize;
                TextEdit {
                    range: at..at,
                    text: format!("{item}{sep}"),
                }
            }
        };
    }
    let Some(&first) = items.first() else {
        // No items: `key:` with nothing, or `~`: the list starts on the next line.
        let item = render_block(fields, indent, indent + 2, style);
        return TextEdit {
            range: seq.range(),
            text: format!("{}{item}", style.eol),
        };
    };
    let (dash_col, key_col) = block_columns(text, first);
    let item = if text[first.range()].starts_with('{') {
        // A block list of flow mappings: `- {id: a, ...}`.
        format!("{}- {}", " ".repeat(dash_col), render_flow(fields))
    } else {
        render_block(fields, dash_col, key_col, style)
    };
    let blank = if blank_between(text, items) {
        style.eol
    } else {
        ""
    };
    match after {
        Some(k) => {
            let at = after_line(text, items[k]);
            if ends_in_kept_scalar(text, items[k])
                && let Some(past) = past_blank_lines(text, at)
            {
                // The item's last value keeps its trailing blank lines (`|+`): they are
                // part of it, and the new item goes after them.
                let blank = if past < text.len() { blank } else { "" };
                return TextEdit {
                    range: past..past,
                    text: format!("{item}{}{blank}", style.eol),
                };
            }
            TextEdit {
                range: at..at,
                text: format!("{}{blank}{item}", style.eol),
            }
        }
        None => {
            let at = item_line_start(text, first);
            TextEdit {
                range: at..at,
                text: format!("{item}{}{blank}", style.eol),
            }
        }
    }
}

/// A field set in the item at `item`, whose fields are `fields`: its value replaced when
/// the key is there, else the key added after the field `after` (else last).
pub(crate) fn set_field(
    text: &str,
    item: Span,
    fields: &[crate::load::FieldSpan],
    key: &str,
    value: &Val,
    after: &str,
    style: Style,
) -> TextEdit {
    let flow = is_flow(text, item);
    if let Some(f) = fields.iter().find(|f| f.key == key) {
        let value = if flow {
            flow_value(value)
        } else {
            let col = col(text, f.key_span.start as usize);
            block_scalar(value, &" ".repeat(col + 2), style.eol)
        };
        if f.value_span.is_empty() {
            // `status:` with nothing after it.
            let at = f.value_span.start as usize;
            return TextEdit {
                range: at..at,
                text: format!(" {value}"),
            };
        }
        return TextEdit {
            range: f.value_span.range(),
            text: value,
        };
    }
    let prev = fields.iter().find(|f| f.key == after).or(fields.last());
    if flow {
        let at = match prev {
            Some(p) => p.value_span.end as usize,
            None => item.start as usize + 1,
        };
        let sep = if prev.is_some() { ", " } else { "" };
        return TextEdit {
            range: at..at,
            text: format!("{sep}{key}: {}", flow_value(value)),
        };
    }
    let key_col = fields.first().map_or(col(text, item.start as usize), |f| {
        col(text, f.key_span.start as usize)
    });
    let at = match prev {
        Some(p) => after_line(
            text,
            Span {
                start: p.key_span.start,
                end: p.value_span.end.max(p.key_span.end),
            },
        ),
        None => after_line(text, item),
    };
    TextEdit {
        range: at..at,
        text: format!(
            "{}{}{}",
            style.eol,
            " ".repeat(key_col),
            block_field(key, value, key_col, style)
        ),
    }
}

/// Whether the lists inside the item with `fields` are written in flow style (`[a, b]`);
/// None when it has none.
pub(crate) fn flow_lists(text: &str, fields: &[crate::load::FieldSpan]) -> Option<bool> {
    const LISTS: [&str; 8] = [
        "actors", "parties", "topics", "sources", "related", "byline", "aliases", "party",
    ];
    for f in fields.iter().filter(|f| LISTS.contains(&f.key.as_str())) {
        let value = &text[f.value_span.range()];
        if value.starts_with('[') {
            return Some(true);
        }
        if value.starts_with('-')
            || text[f.key_span.end as usize..f.value_span.start as usize].contains('-')
        {
            return Some(false);
        }
    }
    None
}

/// A list field added to the item at `item` (which has none of that key), holding one
/// mapping: an event's first quote.
pub(crate) fn add_list_field(
    text: &str,
    item: Span,
    fields: &[crate::load::FieldSpan],
    key: &str,
    entry: &Fields,
    style: Style,
) -> TextEdit {
    if is_flow(text, item) {
        let close = item.end as usize - 1;
        let at = item.start as usize + text[item.start as usize..close].trim_end().len();
        let sep = if fields.is_empty() { "" } else { ", " };
        return TextEdit {
            range: at..at,
            text: format!("{sep}{key}: [{}]", render_flow(entry)),
        };
    }
    let key_col = fields.first().map_or(col(text, item.start as usize), |f| {
        col(text, f.key_span.start as usize)
    });
    let at = after_line(text, item);
    TextEdit {
        range: at..at,
        text: format!(
            "{eol}{}{key}:{eol}{}",
            " ".repeat(key_col),
            render_block(entry, key_col + 2, key_col + 4, style),
            eol = style.eol
        ),
    }
}
