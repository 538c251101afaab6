//! The one place YAML is parsed: saphyr-parser (pure Rust, YAML 1.2), driven event by event,
//! either straight into a log's fields (`Events`, read by `stream`) or into a tree (`parse`)
//! in which every node knows its line, column and byte span. Swapping the YAML library
//! means rewriting this file only.

use super::Limits;
pub(crate) use crate::model::Span;
use input::TextInput;
use saphyr_parser::{Event, Parser, ScalarStyle, ScanError};
use std::collections::HashMap;

/// A position in the file, 1-based. 32 bits each: a value of a big log holds a few marks,
/// and a file of more than four billion lines is refused long before (`max_file_bytes`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Mark {
    line: u32,
    col: u32,
}

impl Mark {
    /// The mark at `line` and `col`, saturated past `u32::MAX`.
    pub(crate) fn new(line: usize, col: usize) -> Mark {
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Mark {
            line: narrow(line),
            col: narrow(col),
        }
    }

    pub(crate) fn line(self) -> usize {
        self.line as usize
    }

    pub(crate) fn col(self) -> usize {
        self.col as usize
    }
}

/// A YAML node with its position: where it starts (line and column, for messages) and
/// the bytes of the file it was read from (for edits). A collection's bytes run from its
/// first to its last character: a block list ends with its last item, not at the next key.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Node {
    pub(crate) mark: Mark,
    pub(crate) span: Span,
    pub(crate) value: Value,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    /// A scalar as written; `plain` when unquoted, so that `2016` or `null` may be resolved.
    Scalar {
        text: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// A node holding nothing, left where a value was moved out.
    pub(super) const EMPTY: Node = Node {
        mark: Mark { line: 0, col: 0 },
        span: Span { start: 0, end: 0 },
        value: Value::Seq(Vec::new()),
    };

    /// Whether this is an absent value: `~`, `null` or nothing at all.
    pub(crate) fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, plain } if is_null_scalar(text, *plain))
    }

    /// What kind of node this is, for messages: "a list", "a mapping", "the number 3".
    pub(crate) fn describe(&self) -> String {
        match &self.value {
            Value::Seq(_) => "a list".into(),
            Value::Map(_) => "a mapping".into(),
            Value::Scalar { .. } if self.is_null() => "nothing".into(),
            Value::Scalar { text, plain } => {
                let shown: String = text.chars().take(40).collect();
                let shown = crate::sanitize::sanitize(&shown).into_owned();
                let ell = if text.chars().count() > 40 { "…" } else { "" };
                if *plain
                    && matches!(
                        text.as_str(),
                        "true" | "false" | "True" | "False" | "TRUE" | "FALSE"
                    )
                {
                    format!("the boolean {shown}")
                } else if *plain && text.parse::<f64>().is_ok() {
                    format!("the number {shown}")
                } else {
                    format!("the text \"{shown}{ell}\"")
                }
            }
        }
    }
}

/// Whether a scalar as written is an absent value: `~`, `null` or nothing, unquoted.
pub(crate) fn is_null_scalar(text: &str, plain: bool) -> bool {
    plain && matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

/// A document that is not YAML, or not one we accept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct YamlError {
    pub(crate) mark: Mark,
    pub(crate) message: String,
}

/// Where an event is: its start (for messages) and its bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Place {
    pub(super) mark: Mark,
    pub(super) span: Span,
}

/// One parser event, borrowed until the next one is asked for: a reader that keeps only
/// some scalars copies only those (keys are compared where they lie).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Ev<'e> {
    DocumentStart,
    /// `plain` as in `Value::Scalar`: unquoted and untagged.
    Scalar {
        text: &'e str,
        plain: bool,
    },
    /// The start of a list or a mapping, and whether it is written in brackets (`[ ]`, `{ }`).
    SeqStart,
    MapStart,
    End,
    /// An alias, naming its anchor by the parser's number for it: only the tree reads it.
    Alias(usize),
    StreamEnd,
    /// Stream and document starts and ends that carry nothing.
    Other,
}

/// The parser's events of one text, one at a time, each with its place in the file.
pub(super) struct Events<'input> {
    parser: Parser<'input, TextInput<'input>>,
    /// The deepest nesting allowed, named when the parser's own bound is met first.
    max_depth: usize,
    /// Values read so far (scalars, lists, mappings, aliases), and the most the memory
    /// budget allows.
    nodes: usize,
    max_nodes: usize,
    budget_mib: u64,
    bytes: ByteOffsets<'input>,
    /// The text of the scalar last handed out (borrowed by the `Ev` returned).
    text: std::borrow::Cow<'input, str>,
    /// The anchor number of the event last handed out (0: none).
    anchor: usize,
    /// Where the last event ended, in bytes: a block scalar's indicator is looked for from
    /// there. With `pending`, the end of that event is still to be taken into account.
    last_end: usize,
    /// Whether every event's bytes are wanted (the tree keeps them all), or only where a
    /// mapping starts and where the content read so far ends (the stream keeps an item's
    /// bytes only): turning the parser's character places into bytes is then done a few
    /// times an item rather than twice an event.
    every_span: bool,
    /// The last event with content whose end is not in `last_end` yet, in characters.
    pending: Option<RawEnd>,
    done: bool,
}

/// An event's place as the parser gives it, in characters, and whether it is quoted (its
/// end is then its closing quotation mark, which only its bytes tell).
#[derive(Clone, Copy)]
struct RawEnd {
    start: usize,
    end: usize,
    quoted: Option<ScalarStyle>,
}

impl<'input> Events<'input> {
    /// The events of `text`, which must be printable (`unprintable` says where it is not),
    /// each with its bytes.
    pub(super) fn new(text: &'input str, limits: &Limits) -> Events<'input> {
        Events::with_spans(text, limits, true)
    }

    /// The events of `text` with the bytes only of where a mapping starts (`Place::span`
    /// of a mapping's start, empty; other events' spans are left empty), and of where the
    /// content read so far ends (`last_end`).
    pub(super) fn item_spans(text: &'input str, limits: &Limits) -> Events<'input> {
        Events::with_spans(text, limits, false)
    }

    fn with_spans(text: &'input str, limits: &Limits, every_span: bool) -> Events<'input> {
        Events {
            parser: Parser::new(TextInput::new(text)),
            max_depth: limits.max_depth,
            nodes: 0,
            max_nodes: limits.max_yaml_nodes(),
            budget_mib: limits.memory_budget >> 20,
            bytes: ByteOffsets::new(text),
            text: std::borrow::Cow::Borrowed(""),
            anchor: 0,
            last_end: 0,
            every_span,
            pending: None,
            done: false,
        }
    }

    /// Where, in bytes, the content read so far ends: a block collection ends there.
    pub(super) fn last_end(&mut self) -> usize {
        if let Some(raw) = self.pending.take() {
            let (_, end) = self.bytes_of(raw);
            self.last_end = end.max(self.last_end);
        }
        self.last_end
    }

    /// The bytes of an event's place: a quoted scalar's end at its closing quotation mark
    /// (the parser's span runs on over the spaces and comment after it).
    fn bytes_of(&mut self, raw: RawEnd) -> (usize, usize) {
        let start = self.bytes.byte(raw.start);
        let mut end = self.bytes.byte(raw.end);
        if let Some(style) = raw.quoted {
            end = start + quoted_len(&self.bytes.text.as_bytes()[start..end], style);
        }
        (start, end)
    }

    /// Takes the end of an event with content into account, in bytes when they are known.
    fn note_end(&mut self, raw: RawEnd, bytes: Option<usize>) {
        if let Some(end) = bytes {
            self.last_end();
            self.last_end = end.max(self.last_end);
            return;
        }
        // The end before is dropped unconverted when it cannot be past this one: ends come
        // in file order, and a quoted scalar ends at or before the parser's end for it.
        if let Some(before) = self.pending
            && (raw.end < before.end || (raw.quoted.is_some() && raw.start < before.end))
        {
            self.last_end();
        }
        self.pending = Some(raw);
    }

    /// The text of the scalar last returned, taken: moved when the parser made it (an
    /// escape, a quoted or folded value), copied when it lies in the file as written. The
    /// room the parser left in it stays: the readers give it back from the texts the model
    /// keeps (`fields::fitted`), not from dates and words read and dropped.
    pub(super) fn take_text(&mut self) -> String {
        std::mem::take(&mut self.text).into_owned()
    }

    /// The anchor number of the event last returned, 0 when it has none.
    pub(super) fn anchor(&self) -> usize {
        self.anchor
    }

    /// The next event, valid until the next call (the borrow says so).
    pub(super) fn next(&mut self) -> Result<(Ev<'_>, Place), YamlError> {
        if self.done {
            return Ok((Ev::StreamEnd, Place::default()));
        }
        let (event, span) = match self.parser.next_event() {
            None => {
                self.done = true;
                return Ok((Ev::StreamEnd, Place::default()));
            }
            Some(Err(e)) => {
                self.done = true;
                return Err(syntax_error(&e, self.bytes.text, self.max_depth));
            }
            Some(Ok(next)) => next,
        };
        // Taken apart at once: the event itself is not kept, only a scalar's text.
        self.anchor = 0;
        let kind = match event {
            Event::Scalar(text, style, anchor, tag) => {
                self.text = text;
                self.anchor = anchor;
                Kind::Scalar {
                    style,
                    plain: style == ScalarStyle::Plain && tag.is_none(),
                }
            }
            Event::SequenceStart(anchor, _) => {
                self.anchor = anchor;
                Kind::SeqStart
            }
            Event::MappingStart(anchor, _) => {
                self.anchor = anchor;
                Kind::MapStart
            }
            Event::SequenceEnd | Event::MappingEnd => Kind::End,
            Event::Alias(id) => Kind::Alias(id),
            Event::DocumentStart(_) => Kind::DocumentStart,
            Event::StreamEnd => Kind::StreamEnd,
            Event::Nothing | Event::StreamStart | Event::DocumentEnd => Kind::Other,
        };
        let raw = RawEnd {
            start: span.start.index(),
            end: span.end.index(),
            quoted: match kind {
                Kind::Scalar {
                    style: style @ (ScalarStyle::DoubleQuoted | ScalarStyle::SingleQuoted),
                    ..
                } => Some(style),
                _ => None,
            },
        };
        let block = matches!(
            kind,
            Kind::Scalar {
                style: ScalarStyle::Literal | ScalarStyle::Folded,
                ..
            }
        );
        let (mut start, end) = if self.every_span || block {
            self.bytes_of(raw)
        } else if kind == Kind::MapStart {
            let start = self.bytes.byte(raw.start);
            (start, start)
        } else {
            (0, 0)
        };
        let mut mark = Mark::new(span.start.line(), span.start.col() + 1);
        if block {
            // A block scalar's span starts at its first line of text: it starts at its `|`
            // or `>`, the first one after what came before it, and so does its place.
            let text = self.bytes.text;
            let from = self.last_end().min(start);
            if let Some(at) = text.as_bytes()[from..start]
                .iter()
                .position(|&b| b == b'|' || b == b'>')
            {
                let at = from + at;
                let lines_back = text[at..start].bytes().filter(|&b| b == b'\n').count();
                let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
                mark = Mark::new(
                    mark.line().saturating_sub(lines_back).max(1),
                    text[line_start..at].chars().count() + 1,
                );
                start = at;
            }
        }
        if raw.end > raw.start || kind != Kind::End {
            let known = (self.every_span || block).then_some(end);
            self.note_end(raw, known);
        }
        let place = Place {
            mark,
            span: Span::new(start, end),
        };
        if matches!(
            kind,
            Kind::Scalar { .. } | Kind::SeqStart | Kind::MapStart | Kind::Alias(_)
        ) {
            self.nodes += 1;
            if self.nodes > self.max_nodes {
                self.done = true;
                return Err(YamlError {
                    mark,
                    message: format!(
                        "more than {} YAML values (texts, lists and mappings) in one file: over the memory budget of one load ({} MiB)",
                        self.max_nodes, self.budget_mib
                    ),
                });
            }
        }
        let ev = match kind {
            Kind::StreamEnd => {
                self.done = true;
                Ev::StreamEnd
            }
            Kind::DocumentStart => Ev::DocumentStart,
            Kind::Scalar { plain, .. } => Ev::Scalar {
                text: &self.text,
                plain,
            },
            Kind::SeqStart => Ev::SeqStart,
            Kind::MapStart => Ev::MapStart,
            Kind::End => Ev::End,
            Kind::Alias(id) => Ev::Alias(id),
            Kind::Other => Ev::Other,
        };
        Ok((ev, place))
    }
}

/// What a parser event is, its text apart (`Events::text`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    DocumentStart,
    Scalar { style: ScalarStyle, plain: bool },
    SeqStart,
    MapStart,
    End,
    Alias(usize),
    StreamEnd,
    Other,
}

/// The length of the quoted scalar that `bytes` start with, up to its closing quotation mark
/// (all of `bytes` when it has none).
fn quoted_len(bytes: &[u8], style: ScalarStyle) -> usize {
    let mut i = 1;
    loop {
        let rest = bytes.get(i..).unwrap_or_default();
        let found = match style {
            ScalarStyle::DoubleQuoted => memchr::memchr2(b'"', b'\\', rest),
            _ => memchr::memchr(b'\'', rest),
        };
        let Some(at) = found.map(|at| i + at) else {
            return bytes.len();
        };
        match bytes[at] {
            // An escape: the character after the backslash is not the end.
            b'\\' => i = at + 2,
            // A doubled single quote is one quote inside the text.
            b'\'' if bytes.get(at + 1) == Some(&b'\'') => i = at + 2,
            _ => return at + 1,
        }
    }
}

/// A syntax error in our words, at the place of the mistake: "YAML syntax: …" (the parser's
/// columns are counted from 0, ours from 1). `text` is the file, to name what the parser
/// only points at.
fn syntax_error(e: &ScanError, text: &str, max_depth: usize) -> YamlError {
    let m = e.marker();
    let mut mark = Mark::new(m.line(), m.col() + 1);
    let info = e.info();
    let here = line_from(text, mark);
    let message = if info.contains("recursion limit exceeded") {
        format!("nesting deeper than {max_depth} levels: a log never needs that many")
    } else if info.contains("found unknown anchor") {
        let name: String = here
            .strip_prefix('*')
            .unwrap_or_default()
            .chars()
            .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ']' | '}'))
            .take(40)
            .collect();
        format!(
            "alias *{} names no anchor: write `&{0}` on the value it repeats, before it",
            crate::sanitize::sanitize(&name)
        )
    } else if info.contains("quoted scalar")
        && (info.contains("indentation") || info.contains("end of stream"))
    {
        "YAML syntax: a quotation mark opened here is not closed (or the lines it runs over are not indented)".into()
    } else if info.contains("hexadecimal number") || info.contains("escape") {
        // Point at the escape rather than at the start of the value.
        if let Some(at) = here.rfind('\\') {
            mark = Mark::new(mark.line(), mark.col() + here[..at].chars().count());
        }
        "YAML syntax: a `\\` escape in a double-quoted value is cut short or unknown".into()
    } else if info.contains("tab") {
        // Point at the tab, on this line or the next that holds one in its indentation.
        if let Some(tab) = tab_from(text, mark) {
            mark = tab;
        }
        "YAML syntax: a tab where YAML expects spaces".into()
    } else if info.contains("illegal placement of ':'") {
        "YAML syntax: a `:` inside a list in `[ ]` or a mapping in `{ }` that was left open above"
            .into()
    } else if info.contains("flow sequence") {
        "YAML syntax: a list in `[ ]` is not closed: expected `,` or `]`".into()
    } else if info.contains("flow mapping") {
        "YAML syntax: a mapping in `{ }` is not closed: expected `,` or `}`".into()
    } else if let Some(c) = info.strip_prefix("unexpected character: `") {
        let c = c.trim_end_matches('\'');
        format!(
            "YAML syntax: `{}` cannot start a value or a key",
            crate::sanitize::sanitize(c)
        )
    } else {
        format!("YAML syntax: {info}")
    };
    YamlError { mark, message }
}

/// The rest of the line from `mark` on.
fn line_from(text: &str, mark: Mark) -> &str {
    let Some(line) = text.split('\n').nth(mark.line().saturating_sub(1)) else {
        return "";
    };
    let from = line
        .char_indices()
        .nth(mark.col().saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    &line[from..]
}

/// The first tab in the indentation of a line from `mark`'s on (within a few lines).
fn tab_from(text: &str, mark: Mark) -> Option<Mark> {
    let first = mark.line().saturating_sub(1);
    text.split('\n')
        .enumerate()
        .skip(first)
        .take(4)
        .find_map(|(i, line)| {
            let indent = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
            indent
                .find('\t')
                .map(|col| Mark::new(i + 1, col + 1))
                .or_else(|| {
                    (i == first)
                        .then(|| {
                            line.find('\t')
                                .map(|c| Mark::new(i + 1, line[..c].chars().count() + 1))
                        })
                        .flatten()
                })
        })
}

/// The parser counts places in characters; edits need bytes. Events come in file order
/// (nearly: a block scalar's start is a little behind), so each conversion goes on from the
/// last one; across a run of ASCII, which most of a log is, it jumps (a character is a
/// byte there), so the whole file is walked once, eight bytes at a time.
struct ByteOffsets<'t> {
    text: &'t str,
    char_at: usize,
    byte_at: usize,
    /// The first byte at or after `byte_at` that is not ASCII (the text's length if none).
    wide_at: usize,
    /// Where the ASCII run that holds `byte_at` and ends at `wide_at` starts, in bytes and
    /// characters: a step back inside it is arithmetic (the parser steps back at nearly
    /// every event, from the end of one to the start of the next).
    run_byte: usize,
    run_char: usize,
}

impl<'t> ByteOffsets<'t> {
    fn new(text: &'t str) -> ByteOffsets<'t> {
        ByteOffsets {
            text,
            char_at: 0,
            byte_at: 0,
            wide_at: next_wide(text.as_bytes(), 0),
            run_byte: 0,
            run_char: 0,
        }
    }

    /// The byte offset of character `index`.
    fn byte(&mut self, index: usize) -> usize {
        let bytes = self.text.as_bytes();
        while self.char_at < index && self.byte_at < bytes.len() {
            let run = self.wide_at - self.byte_at;
            let need = index - self.char_at;
            if need <= run {
                self.byte_at += need;
                self.char_at = index;
                break;
            }
            // Past the ASCII run, then over the character that ends it.
            self.char_at += run + 1;
            self.byte_at = (self.wide_at + utf8_width(bytes[self.wide_at])).min(bytes.len());
            self.wide_at = next_wide(bytes, self.byte_at);
            self.run_byte = self.byte_at;
            self.run_char = self.char_at;
        }
        if self.char_at > index && index >= self.run_char {
            self.byte_at = self.run_byte + (index - self.run_char);
            self.char_at = index;
        }
        if self.char_at > index {
            let from = self.byte_at;
            while self.char_at > index && self.byte_at > 0 {
                self.byte_at -= 1;
                while !self.text.is_char_boundary(self.byte_at) {
                    self.byte_at -= 1;
                }
                self.char_at -= 1;
            }
            // The bytes stepped back over were all read before: the first wide one among
            // them, if any, comes before the one already known.
            let back = next_wide(&bytes[..from], self.byte_at);
            if back < from {
                self.wide_at = back;
            }
            self.run_byte = self.byte_at;
            self.run_char = self.char_at;
        }
        self.byte_at.min(bytes.len())
    }
}

/// The first byte at or after `from` that is not ASCII, or the length of `bytes`.
fn next_wide(bytes: &[u8], from: usize) -> usize {
    // 32 bytes at a time, an array's bytes or-ed together (vector code), while all ASCII.
    const BLOCK: usize = 32;
    let mut i = from;
    while let Some(block) = bytes.get(i..i + BLOCK) {
        let block: &[u8; BLOCK] = block.try_into().expect("a block of BLOCK bytes");
        let mut all = 0;
        for &b in block {
            all |= b;
        }
        if all >= 0x80 {
            break;
        }
        i += BLOCK;
    }
    bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| b >= 0x80))
        .map_or(bytes.len(), |at| i + at)
}

/// How many bytes the UTF-8 character starting with `b` takes.
fn utf8_width(b: u8) -> usize {
    match b {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

/// Where the text holds a character YAML does not allow in a file (a control character
/// pasted with a quote, U+FFFE or U+FFFF), as an error saying which, or `Ok`. YAML's
/// printable set: tab, line feed, carriage return, U+0020 to U+007E, NEL, U+00A0 and above
/// but for U+FFFE and U+FFFF.
pub(super) fn unprintable(text: &str) -> Result<(), YamlError> {
    let bytes = text.as_bytes();
    let Some(i) = first_unprintable(bytes) else {
        return Ok(());
    };
    let c = text[i..].chars().next().unwrap_or_default();
    let before = &text[..i];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let col = before[before.rfind('\n').map_or(0, |n| n + 1)..]
        .chars()
        .count()
        + 1;
    Err(YamlError {
        mark: Mark::new(line, col),
        message: format!(
            "YAML syntax: control characters are not allowed: U+{:04X} here; delete it",
            u32::from(c)
        ),
    })
}

/// Where the first character outside YAML's printable set starts, in bytes. Each such
/// character starts with a byte no other character holds (a control below 0x20 or 0x7F, or
/// the lead byte 0xC2 or 0xEF, never inside another character), so the bytes are tested one
/// by one, 32 at a time without a branch (which the compiler turns into vector compares),
/// and only a block holding such a byte is looked at closely.
fn first_unprintable(bytes: &[u8]) -> Option<usize> {
    const BLOCK: usize = 32;
    let suspect = |b: u8| {
        (u8::from(b < 0x20) & u8::from(b != b'\t') & u8::from(b != b'\n') & u8::from(b != b'\r'))
            | u8::from(b == 0x7f)
            | u8::from(b == 0xc2)
            | u8::from(b == 0xef)
    };
    let bad = |i: usize| match bytes[i] {
        0xc2 => matches!(bytes.get(i + 1), Some(&c) if c <= 0x9f && c != 0x85),
        0xef => bytes.get(i + 1) == Some(&0xbf) && matches!(bytes.get(i + 2), Some(0xbe | 0xbf)),
        b => suspect(b) != 0,
    };
    let blocks = bytes.chunks_exact(BLOCK);
    let rest = bytes.len() - blocks.remainder().len();
    for (n, block) in blocks.enumerate() {
        // An array, so that the loop has a known length and is vectorised.
        let block: &[u8; BLOCK] = block.try_into().expect("blocks of BLOCK bytes");
        let mut any = 0;
        for &b in block {
            any |= suspect(b);
        }
        if any != 0
            && let Some(i) = (n * BLOCK..(n + 1) * BLOCK).find(|&i| bad(i))
        {
            return Some(i);
        }
    }
    (rest..bytes.len()).find(|&i| bad(i))
}

/// Parses one YAML document into a spanned tree.
pub(crate) fn parse(text: &str, limits: &Limits) -> Result<Node, YamlError> {
    unprintable(text)?;
    super::flow_length::check(text)?;
    let mut events = Events::new(text, limits);
    let mut builder = Builder {
        stack: Vec::new(),
        anchors: HashMap::new(),
        anchor_steps: 0,
        written: 0,
        expanded: 0,
        file_bytes: text.len(),
        expanded_bytes: 0,
        limits,
        root: None,
        documents: 0,
    };
    loop {
        let (ev, place) = events.next()?;
        let event = match ev {
            // The tree keeps every key as well: each without the parser's room.
            Ev::Scalar { plain, .. } => Owned::Scalar {
                text: super::fields::fitted(events.take_text()),
                plain,
            },
            ev => Owned::from(ev),
        };
        let anchor = events.anchor();
        if builder.push(event, anchor, place)? {
            break;
        }
    }
    builder.root.ok_or(YamlError {
        mark: Mark::new(1, 1),
        message: "the file holds no YAML document: expected a mapping with `events:`".into(),
    })
}

/// An event the tree keeps.
enum Owned {
    StreamEnd,
    DocumentStart,
    Alias(usize),
    Scalar { text: String, plain: bool },
    SeqStart,
    MapStart,
    End,
    Other,
}

impl From<Ev<'_>> for Owned {
    fn from(ev: Ev<'_>) -> Owned {
        match ev {
            Ev::StreamEnd => Owned::StreamEnd,
            Ev::DocumentStart => Owned::DocumentStart,
            Ev::Alias(id) => Owned::Alias(id),
            Ev::Scalar { text, plain } => Owned::Scalar {
                text: text.to_owned(),
                plain,
            },
            Ev::SeqStart => Owned::SeqStart,
            Ev::MapStart => Owned::MapStart,
            Ev::End => Owned::End,
            Ev::Other => Owned::Other,
        }
    }
}

/// A collection being read: its node, and a mapping's key waiting for its value.
struct Open {
    node: Node,
    pending: Option<Node>,
}

impl Open {
    /// How many children it holds, counting a mapping's keys and values apart: the index
    /// the next child will have.
    fn next_index(&self) -> usize {
        match &self.node.value {
            Value::Seq(items) => items.len(),
            Value::Map(pairs) => 2 * pairs.len() + usize::from(self.pending.is_some()),
            Value::Scalar { .. } => 0,
        }
    }
}

/// Builds nodes from events, with bounds on depth and alias expansion.
struct Builder<'l> {
    stack: Vec<Open>,
    /// Each anchor, by the parser's number, as the way to its node from the root (child
    /// indices, a mapping's keys and values counted apart). An anchored node is never
    /// copied until an alias asks for it: nested anchors cost nothing.
    anchors: HashMap<usize, Vec<u32>>,
    /// The steps of those ways, all together: counted against the alias budget, so that
    /// many deep anchors cannot fill memory either.
    anchor_steps: usize,
    /// Nodes written in the file, and nodes added by aliases.
    written: usize,
    expanded: usize,
    /// Bytes of the file, and bytes of text added by aliases: a few nodes holding long
    /// strings can weigh far more than their count says.
    file_bytes: usize,
    expanded_bytes: usize,
    limits: &'l Limits,
    root: Option<Node>,
    documents: usize,
}

/// How much a node weighs: its nodes, and the bytes of its text.
#[derive(Clone, Copy, Debug, Default)]
struct Size {
    nodes: usize,
    bytes: usize,
}

impl std::ops::Add for Size {
    type Output = Size;
    fn add(self, o: Size) -> Size {
        Size {
            nodes: self.nodes.saturating_add(o.nodes),
            bytes: self.bytes.saturating_add(o.bytes),
        }
    }
}

/// Bytes counted for a node besides its text, so that aliases of empty strings and
/// collections weigh something too.
const NODE_BYTES: usize = 16;

fn size(node: &Node) -> Size {
    let own = |bytes| Size {
        nodes: 1,
        bytes: NODE_BYTES + bytes,
    };
    match &node.value {
        Value::Scalar { text, .. } => own(text.len()),
        Value::Seq(items) => items.iter().map(size).fold(own(0), |a, b| a + b),
        Value::Map(pairs) => pairs
            .iter()
            .map(|(k, v)| size(k) + size(v))
            .fold(own(0), |a, b| a + b),
    }
}

/// Child `i` of a node (a mapping's keys and values counted apart), or its pending key.
fn child<'n>(node: &'n Node, pending: Option<&'n Node>, i: usize) -> Option<&'n Node> {
    match &node.value {
        Value::Seq(items) => items.get(i),
        Value::Map(pairs) => match pairs.get(i / 2) {
            Some((k, v)) => Some(if i.is_multiple_of(2) { k } else { v }),
            None if i == 2 * pairs.len() => pending,
            None => None,
        },
        Value::Scalar { .. } => None,
    }
}

impl Builder<'_> {
    fn error(place: Place, message: String) -> YamlError {
        YamlError {
            mark: place.mark,
            message,
        }
    }

    /// The way from the root to the node about to be attached.
    fn way_here(&self) -> Vec<u32> {
        let narrow = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        let mut way: Vec<u32> = self
            .stack
            .windows(2)
            .map(|w| narrow(w[0].next_index()))
            .collect();
        if let Some(last) = self.stack.last() {
            way.push(narrow(last.next_index()));
        }
        way
    }

    /// The node an anchor's way leads to: through the collections still open, then inside
    /// the finished ones.
    fn find(&self, way: &[u32]) -> Option<&Node> {
        let (mut node, mut pending) = match self.stack.first() {
            Some(open) => (&open.node, open.pending.as_ref()),
            None => (self.root.as_ref()?, None),
        };
        let mut depth = 0;
        let mut open = !self.stack.is_empty();
        for &step in way {
            let step = step as usize;
            if open
                && let Some(next) = self.stack.get(depth + 1)
                && self.stack[depth].next_index() == step
            {
                depth += 1;
                node = &next.node;
                pending = next.pending.as_ref();
                continue;
            }
            open = false;
            node = child(node, pending, step)?;
            pending = None;
        }
        Some(node)
    }

    /// The node an alias names by its anchor's number.
    fn aliased(&self, id: usize) -> Option<&Node> {
        self.find(self.anchors.get(&id)?)
    }

    /// Records an anchor of the node about to be attached.
    fn anchor(&mut self, anchor: usize, place: Place) -> Result<(), YamlError> {
        if anchor == 0 {
            return Ok(());
        }
        let way = self.way_here();
        self.anchor_steps = self.anchor_steps.saturating_add(way.len() + 1);
        let factor = self.limits.max_alias_factor;
        if self.anchor_steps > factor.saturating_mul(self.file_bytes.max(64 * 1024)) {
            return Err(Self::error(
                place,
                format!(
                    "anchors (`&name`) nested deeper and more often than {factor} times the bytes of the file: refusing a possible alias bomb"
                ),
            ));
        }
        self.anchors.insert(anchor, way);
        Ok(())
    }

    /// Takes one event; true when the stream has ended.
    fn push(&mut self, event: Owned, anchor: usize, place: Place) -> Result<bool, YamlError> {
        let node = match event {
            Owned::StreamEnd => return Ok(true),
            Owned::DocumentStart => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(Self::error(
                        place,
                        "a second YAML document (`---`): a log is one document".into(),
                    ));
                }
                return Ok(false);
            }
            Owned::Other => return Ok(false),
            Owned::Alias(id) => {
                let Some(weight) = self.aliased(id).map(size) else {
                    return Err(Self::error(
                        place,
                        "an alias (`*name`) names no anchor: write `&name` on the value it repeats, before it".into(),
                    ));
                };
                let factor = self.limits.max_alias_factor;
                self.expanded = self.expanded.saturating_add(weight.nodes);
                if self.expanded > factor.saturating_mul(self.written.max(100)) {
                    return Err(Self::error(
                        place,
                        format!(
                            "aliases expand to more than {factor} times the nodes written in the file: refusing a possible alias bomb",
                        ),
                    ));
                }
                // Checked before the copy below is made, so a refused alias never allocates.
                self.expanded_bytes = self.expanded_bytes.saturating_add(weight.bytes);
                if self.expanded_bytes > factor.saturating_mul(self.file_bytes.max(64 * 1024)) {
                    return Err(Self::error(
                        place,
                        format!(
                            "aliases expand to more than {factor} times the bytes of the file: refusing a possible alias bomb",
                        ),
                    ));
                }
                let mut node = self.aliased(id).cloned().unwrap_or(Node::EMPTY);
                node.mark = place.mark;
                node.span = place.span;
                node
            }
            Owned::Scalar { text, plain } => {
                self.written += 1;
                self.anchor(anchor, place)?;
                Node {
                    mark: place.mark,
                    span: place.span,
                    value: Value::Scalar { text, plain },
                }
            }
            Owned::SeqStart | Owned::MapStart => {
                self.written += 1;
                if self.stack.len() >= self.limits.max_depth {
                    return Err(Self::error(
                        place,
                        format!(
                            "nesting deeper than {} levels: a log never needs that many",
                            self.limits.max_depth
                        ),
                    ));
                }
                self.anchor(anchor, place)?;
                let value = if matches!(event, Owned::SeqStart) {
                    Value::Seq(Vec::new())
                } else {
                    Value::Map(Vec::new())
                };
                self.stack.push(Open {
                    node: Node {
                        mark: place.mark,
                        span: place.span,
                        value,
                    },
                    pending: None,
                });
                return Ok(false);
            }
            Owned::End => {
                let Some(open) = self.stack.pop() else {
                    return Err(Self::error(place, "unbalanced YAML structure".into()));
                };
                if open.pending.is_some() {
                    return Err(Self::error(place, "a mapping key without a value".into()));
                }
                let mut node = open.node;
                // A closing bracket has bytes; a block collection ends with its last child.
                if !place.span.is_empty() {
                    node.span.end = place.span.end;
                }
                node
            }
        };
        self.attach(node);
        Ok(false)
    }

    /// Puts a finished node into its parent, or makes it the root.
    fn attach(&mut self, node: Node) {
        let Some(parent) = self.stack.last_mut() else {
            self.root = Some(node);
            return;
        };
        parent.node.span.end = parent.node.span.end.max(node.span.end);
        match &mut parent.node.value {
            Value::Seq(items) => items.push(node),
            Value::Map(pairs) => match parent.pending.take() {
                None => parent.pending = Some(node),
                Some(key) => pairs.push((key, node)),
            },
            Value::Scalar { .. } => unreachable!("scalars have no children"),
        }
    }
}

/// The tree of one item of a file (an event, a quote, a source...) read again from its
/// bytes, every node's span in the file's bytes: what an edit of one field needs, without
/// the model keeping every field's place. The item's own line up to it (indentation, a
/// list's `- `, or the `[`, `{` and items before it on one line) is read as spaces, so that
/// the item parses alone where it lies.
pub(crate) fn parse_item(text: &str, item: Span) -> Result<Node, YamlError> {
    let (start, end) = (item.start as usize, item.end as usize);
    if start > end || end > text.len() || !text.is_char_boundary(start) {
        return Err(YamlError {
            mark: Mark::default(),
            message: "no item at that place".into(),
        });
    }
    let line_start = text[..start].rfind('\n').map_or(0, |n| n + 1);
    let mut alone = String::with_capacity(end - line_start);
    alone.extend(std::iter::repeat_n(' ', start - line_start));
    alone.push_str(&text[start..end]);
    let mut node = parse(&alone, &Limits::default())?;
    shift(&mut node, line_start as u32);
    Ok(node)
}

/// Moves every span of a tree by `by` bytes.
fn shift(node: &mut Node, by: u32) {
    node.span.start += by;
    node.span.end += by;
    match &mut node.value {
        Value::Scalar { .. } => {}
        Value::Seq(items) => items.iter_mut().for_each(|n| shift(n, by)),
        Value::Map(pairs) => pairs.iter_mut().for_each(|(k, v)| {
            shift(k, by);
            shift(v, by);
        }),
    }
}

mod input;

#[cfg(test)]
mod tests;
