//! The one place YAML is parsed. It drives libyaml (the parser inside serde_yaml, through
//! `unsafe-libyaml`) event by event to build a tree in which every node knows its line and
//! column, which serde_yaml's own API cannot tell. Swapping the YAML library means
//! rewriting this file only.

use super::Limits;
use std::collections::HashMap;
use std::ffi::CStr;
use std::mem::MaybeUninit;
use unsafe_libyaml as unsafe_yaml;

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

/// A YAML node with its position.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Node {
    pub(crate) mark: Mark,
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
                let shown = crate::text::sanitize(&shown).into_owned();
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

/// Parses one YAML document into a spanned tree.
pub(crate) fn parse(text: &str, limits: &Limits) -> Result<Node, YamlError> {
    let stand_ins = StandIns::for_text(text);
    let swapped = stand_ins.as_ref().map(|s| s.hide(text));
    let mut parser = Parser::new(swapped.as_deref().unwrap_or(text).as_bytes());
    parser.stand_ins = stand_ins;
    let mut builder = Builder {
        stack: Vec::new(),
        anchors: HashMap::new(),
        written: 0,
        expanded: 0,
        file_bytes: text.len(),
        expanded_bytes: 0,
        limits,
        root: None,
        documents: 0,
    };
    loop {
        let event = parser.next()?;
        if builder.push(event)? {
            break;
        }
    }
    builder.root.ok_or(YamlError {
        mark: Mark::new(1, 1),
        message: "the file holds no YAML document: expected a mapping with `events:`".into(),
    })
}

/// libyaml follows YAML 1.1, where NEL (U+0085), LS (U+2028) and PS (U+2029) break lines: it
/// counted lines no editor shows, and folded a NEL inside a quoted title into a space. YAML 1.2
/// and editors take them as ordinary characters, and so does a log: before parsing, each is
/// replaced by a noncharacter the file does not hold (one character for one, so columns stay),
/// and put back in every scalar and anchor name the parser returns.
struct StandIns {
    /// NEL, LS and PS, and the noncharacter standing in for each.
    pairs: [(char, char); 3],
}

impl StandIns {
    const HIDDEN: [char; 3] = ['\u{85}', '\u{2028}', '\u{2029}'];

    /// The stand-ins for a text holding any of the three, or `None` when it holds none (or,
    /// absurdly, holds nearly every noncharacter).
    fn for_text(text: &str) -> Option<StandIns> {
        if !needs_stand_ins(text) {
            return None;
        }
        let mut free = ('\u{fdd0}'..='\u{fdef}').filter(|c| !text.contains(*c));
        let mut pairs = [('\0', '\0'); 3];
        for (pair, hidden) in pairs.iter_mut().zip(Self::HIDDEN) {
            *pair = (hidden, free.next()?);
        }
        Some(StandIns { pairs })
    }

    fn hide(&self, text: &str) -> String {
        text.chars().map(|c| self.swap(c, false)).collect()
    }

    fn restore(&self, text: String) -> String {
        if !text
            .chars()
            .any(|c| self.pairs.iter().any(|&(_, s)| s == c))
        {
            return text;
        }
        text.chars().map(|c| self.swap(c, true)).collect()
    }

    fn swap(&self, c: char, back: bool) -> char {
        for &(hidden, stand_in) in &self.pairs {
            match back {
                false if c == hidden => return stand_in,
                true if c == stand_in => return hidden,
                _ => {}
            }
        }
        c
    }
}

/// One parser event, owned.
enum Event {
    StreamEnd,
    DocumentStart,
    Alias(String),
    Scalar {
        anchor: Option<String>,
        text: String,
        plain: bool,
    },
    SeqStart(Option<String>),
    MapStart(Option<String>),
    End,
    Other,
}

/// Builds nodes from events, with bounds on depth and alias expansion.
struct Builder<'l> {
    /// Open collections: their node and the anchor to record when they close.
    stack: Vec<(Node, Option<String>, Option<Node>)>,
    /// Each anchored node with its size (nodes, bytes of text).
    anchors: HashMap<String, (Node, Size)>,
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

impl Builder<'_> {
    /// Takes one event; true when the stream has ended.
    fn push(&mut self, (event, mark): (Event, Mark)) -> Result<bool, YamlError> {
        let err = |message: String| Err(YamlError { mark, message });
        let is_seq = matches!(event, Event::SeqStart(_));
        let node = match event {
            Event::StreamEnd => return Ok(true),
            Event::DocumentStart => {
                self.documents += 1;
                if self.documents > 1 {
                    return err("a second YAML document (`---`): a log is one document".into());
                }
                return Ok(false);
            }
            Event::Other => return Ok(false),
            Event::Alias(name) => {
                let Some((node, size)) = self.anchors.get(&name) else {
                    return err(format!(
                        "alias *{} names no anchor",
                        crate::text::sanitize(&name)
                    ));
                };
                let factor = self.limits.max_alias_factor;
                self.expanded = self.expanded.saturating_add(size.nodes);
                if self.expanded > factor.saturating_mul(self.written.max(100)) {
                    return err(format!(
                        "aliases expand to more than {factor} times the nodes written in the file: refusing a possible alias bomb",
                    ));
                }
                // Checked before the copy below is made, so a refused alias never allocates.
                self.expanded_bytes = self.expanded_bytes.saturating_add(size.bytes);
                if self.expanded_bytes > factor.saturating_mul(self.file_bytes.max(64 * 1024)) {
                    return err(format!(
                        "aliases expand to more than {factor} times the bytes of the file: refusing a possible alias bomb",
                    ));
                }
                let mut node = node.clone();
                node.mark = mark;
                (node, None)
            }
            Event::Scalar {
                anchor,
                text,
                plain,
            } => {
                self.written += 1;
                (
                    Node {
                        mark,
                        value: Value::Scalar { text, plain },
                    },
                    anchor,
                )
            }
            Event::SeqStart(anchor) | Event::MapStart(anchor) => {
                self.written += 1;
                if self.stack.len() >= self.limits.max_depth {
                    return err(format!(
                        "nesting deeper than {} levels: a log never needs that many",
                        self.limits.max_depth
                    ));
                }
                let value = if is_seq {
                    Value::Seq(Vec::new())
                } else {
                    Value::Map(Vec::new())
                };
                self.stack.push((Node { mark, value }, anchor, None));
                return Ok(false);
            }
            Event::End => {
                let Some((node, anchor, pending)) = self.stack.pop() else {
                    return err("unbalanced YAML structure".into());
                };
                if pending.is_some() {
                    return err("a mapping key without a value".into());
                }
                (node, anchor)
            }
        };
        let (node, anchor) = node;
        if let Some(name) = anchor {
            let weight = size(&node);
            self.anchors.insert(name, (node.clone(), weight));
        }
        self.attach(node)?;
        Ok(false)
    }

    /// Puts a finished node into its parent, or makes it the root.
    fn attach(&mut self, node: Node) -> Result<(), YamlError> {
        let Some((parent, _, pending)) = self.stack.last_mut() else {
            self.root = Some(node);
            return Ok(());
        };
        match &mut parent.value {
            Value::Seq(items) => items.push(node),
            Value::Map(pairs) => match pending.take() {
                None => *pending = Some(node),
                Some(key) => pairs.push((key, node)),
            },
            Value::Scalar { .. } => unreachable!("scalars have no children"),
        }
        Ok(())
    }
}

/// One parser event as libyaml gives it, borrowed until the next one is asked for: a reader
/// that keeps only some scalars copies only those (keys are compared where they lie).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Ev<'e> {
    DocumentStart,
    /// `plain` as in `Value::Scalar`: unquoted and untagged.
    Scalar {
        text: &'e str,
        plain: bool,
    },
    SeqStart,
    MapStart,
    End,
    /// An alias: what only the tree reads.
    Unusual,
    StreamEnd,
    /// Stream and document starts and ends that carry nothing.
    Other,
}

/// Whether a text holds NEL, LS or PS, which only the tree reads (see `StandIns`).
pub(crate) fn needs_stand_ins(text: &str) -> bool {
    StandIns::HIDDEN.iter().any(|&c| {
        memchr::memmem::find(text.as_bytes(), c.encode_utf8(&mut [0; 4]).as_bytes()).is_some()
    })
}

/// libyaml's events, one at a time, each borrowed from the parser until the next.
pub(super) struct Events<'input> {
    parser: Parser<'input>,
    /// The event last handed out, deleted before the next is parsed and on drop.
    held: MaybeUninit<unsafe_yaml::yaml_event_t>,
    holding: bool,
}

impl<'input> Events<'input> {
    /// Events of a text that holds no NEL, LS or PS (`needs_stand_ins`), given with the room
    /// after it that lets the parser read it in place (see `Padded`).
    pub(super) fn new(text: &'input Padded) -> Events<'input> {
        let mut parser = Parser::new(text.bytes());
        parser.read_in_place(text);
        Events {
            parser,
            held: MaybeUninit::uninit(),
            holding: false,
        }
    }

    fn release(&mut self) {
        if self.holding {
            self.holding = false;
            // SAFETY: `holding` says `held` was filled by a successful parse and not yet
            // deleted; it is deleted once.
            unsafe { unsafe_yaml::yaml_event_delete(self.held.as_mut_ptr()) }
        }
    }

    /// The next event, valid until the next call (the borrow says so).
    pub(super) fn next(&mut self) -> Result<(Ev<'_>, Mark), YamlError> {
        self.release();
        if self.parser.done {
            return Ok((Ev::StreamEnd, Mark::default()));
        }
        // SAFETY: the parser was initialised in `Parser::new`. The event is read only after a
        // successful parse; the text it points to is owned by the event, which stays alive
        // (`holding`) until `release`, and `release` needs `&mut self`, which the returned
        // borrow forbids while the text is in use. Each union field is read only for the
        // event type that defines it. A scalar's bytes are UTF-8: see below.
        unsafe {
            let p = self.parser.sys.as_mut_ptr();
            if !unsafe_yaml::yaml_parser_parse(p, self.held.as_mut_ptr()).ok {
                self.parser.done = true;
                return Err(parse_error(&*p, self.parser._input));
            }
            self.holding = true;
            let e = &*self.held.as_ptr();
            let mark = Mark::new(
                e.start_mark.line as usize + 1,
                e.start_mark.column as usize + 1,
            );
            let ev = match e.type_ {
                unsafe_yaml::YAML_STREAM_END_EVENT => {
                    self.parser.done = true;
                    Ev::StreamEnd
                }
                unsafe_yaml::YAML_DOCUMENT_START_EVENT => Ev::DocumentStart,
                unsafe_yaml::YAML_SCALAR_EVENT => {
                    let s = &e.data.scalar;
                    let bytes = std::slice::from_raw_parts(s.value, s.length as usize);
                    // SAFETY (UTF-8): the parser reads UTF-8 only (set in `Parser::new`), and its reader
                    // rejects any ill-formed sequence, surrogate or code point past
                    // U+10FFFF before the scanner sees it; a scalar's bytes are whole
                    // characters copied from that buffer, line breaks it writes as `\n`, and
                    // escapes it encodes after the same checks. So the bytes are UTF-8, and
                    // checking them again cost 1.5% of a load; debug builds still check.
                    debug_assert!(std::str::from_utf8(bytes).is_ok());
                    Ev::Scalar {
                        text: std::str::from_utf8_unchecked(bytes),
                        plain: s.style == unsafe_yaml::YAML_PLAIN_SCALAR_STYLE && s.tag.is_null(),
                    }
                }
                unsafe_yaml::YAML_SEQUENCE_START_EVENT => Ev::SeqStart,
                unsafe_yaml::YAML_MAPPING_START_EVENT => Ev::MapStart,
                unsafe_yaml::YAML_SEQUENCE_END_EVENT | unsafe_yaml::YAML_MAPPING_END_EVENT => {
                    Ev::End
                }
                unsafe_yaml::YAML_ALIAS_EVENT => Ev::Unusual,
                _ => Ev::Other,
            };
            Ok((ev, mark))
        }
    }
}

impl Drop for Events<'_> {
    fn drop(&mut self) {
        self.release();
    }
}

/// A safe owner of a libyaml parser reading from a byte slice.
struct Parser<'input> {
    // Boxed so that libyaml's pointers into the struct stay valid.
    sys: Box<MaybeUninit<unsafe_yaml::yaml_parser_t>>,
    _input: &'input [u8],
    done: bool,
    /// What stands in the input for NEL, LS and PS, to put back.
    stand_ins: Option<StandIns>,
    /// libyaml's own character buffer, set aside while the parser reads the input in place
    /// (`read_in_place`), given back before the parser is deleted.
    own_buffer: Option<[*mut u8; 4]>,
}

impl<'input> Parser<'input> {
    fn new(input: &'input [u8]) -> Parser<'input> {
        let mut sys = Box::new(MaybeUninit::<unsafe_yaml::yaml_parser_t>::uninit());
        // SAFETY: the parser is initialised before any other use, and its input outlives
        // it (`'input`); the box keeps it at one address until `Drop`.
        unsafe {
            let p = sys.as_mut_ptr();
            if !unsafe_yaml::yaml_parser_initialize(p).ok {
                // Only allocation can fail here, and Rust aborts on that anyway.
                std::process::abort();
            }
            unsafe_yaml::yaml_parser_set_encoding(p, unsafe_yaml::YAML_UTF8_ENCODING);
            unsafe_yaml::yaml_parser_set_input_string(p, input.as_ptr(), input.len() as u64);
        }
        Parser {
            sys,
            _input: input,
            done: false,
            stand_ins: None,
            own_buffer: None,
        }
    }

    fn next(&mut self) -> Result<(Event, Mark), YamlError> {
        if self.done {
            return Ok((Event::StreamEnd, Mark::default()));
        }
        let mut event = MaybeUninit::<unsafe_yaml::yaml_event_t>::uninit();
        // SAFETY: the parser was initialised in `new`; the event is read only after a
        // successful parse and deleted before returning.
        unsafe {
            let p = self.sys.as_mut_ptr();
            if !unsafe_yaml::yaml_parser_parse(p, event.as_mut_ptr()).ok {
                self.done = true;
                return Err(parse_error(&*p, self._input));
            }
            let e = event.as_mut_ptr();
            let mark = Mark::new(
                (*e).start_mark.line as usize + 1,
                (*e).start_mark.column as usize + 1,
            );
            let mut converted = convert(&*e);
            unsafe_yaml::yaml_event_delete(e);
            if let Some(stand_ins) = &self.stand_ins {
                converted = converted.restored(stand_ins);
            }
            if matches!(converted, Event::StreamEnd) {
                self.done = true;
            }
            Ok((converted, mark))
        }
    }
}

impl Event {
    /// The event with the characters stood in for put back.
    fn restored(self, s: &StandIns) -> Event {
        let name = |a: Option<String>| a.map(|a| s.restore(a));
        match self {
            Event::Alias(a) => Event::Alias(s.restore(a)),
            Event::Scalar {
                anchor,
                text,
                plain,
            } => Event::Scalar {
                anchor: name(anchor),
                text: s.restore(text),
                plain,
            },
            Event::SeqStart(a) => Event::SeqStart(name(a)),
            Event::MapStart(a) => Event::MapStart(name(a)),
            other => other,
        }
    }
}

/// # Safety
/// `ptr` is null or a NUL-terminated string owned by libyaml.
unsafe fn owned(ptr: *const u8) -> Option<String> {
    if ptr.is_null() {
        return None;
    }
    // SAFETY: as the caller promises.
    let s = unsafe { CStr::from_ptr(ptr.cast()) };
    Some(String::from_utf8_lossy(s.to_bytes()).into_owned())
}

/// # Safety
/// `e` is an event just produced by a successful `yaml_parser_parse`.
unsafe fn convert(e: &unsafe_yaml::yaml_event_t) -> Event {
    // SAFETY: each union field is read only for the event type that defines it.
    unsafe {
        match e.type_ {
            unsafe_yaml::YAML_STREAM_END_EVENT => Event::StreamEnd,
            unsafe_yaml::YAML_DOCUMENT_START_EVENT => Event::DocumentStart,
            unsafe_yaml::YAML_ALIAS_EVENT => {
                Event::Alias(owned(e.data.alias.anchor).unwrap_or_default())
            }
            unsafe_yaml::YAML_SCALAR_EVENT => {
                let s = &e.data.scalar;
                let bytes = std::slice::from_raw_parts(s.value, s.length as usize);
                Event::Scalar {
                    anchor: owned(s.anchor),
                    text: String::from_utf8(bytes.to_vec())
                        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
                    plain: s.style == unsafe_yaml::YAML_PLAIN_SCALAR_STYLE && s.tag.is_null(),
                }
            }
            unsafe_yaml::YAML_SEQUENCE_START_EVENT => {
                Event::SeqStart(owned(e.data.sequence_start.anchor))
            }
            unsafe_yaml::YAML_MAPPING_START_EVENT => {
                Event::MapStart(owned(e.data.mapping_start.anchor))
            }
            unsafe_yaml::YAML_SEQUENCE_END_EVENT | unsafe_yaml::YAML_MAPPING_END_EVENT => {
                Event::End
            }
            _ => Event::Other,
        }
    }
}

fn parse_error(p: &unsafe_yaml::yaml_parser_t, input: &[u8]) -> YamlError {
    // SAFETY: libyaml sets `problem` and `context` to static strings or null.
    let problem = unsafe { owned(p.problem.cast()) }.unwrap_or_else(|| "malformed YAML".into());
    let context = unsafe { owned(p.context.cast()) };
    if p.error == unsafe_yaml::YAML_READER_ERROR {
        // A character the reader refuses (a control character pasted with the text) has
        // no mark, only a byte offset and the character's value.
        return YamlError {
            mark: mark_at(input, p.problem_offset as usize),
            message: match u32::try_from(p.problem_value).ok().filter(|&v| v > 0) {
                Some(v) => format!("YAML syntax: {problem}: U+{v:04X} here; delete it"),
                None => format!("YAML syntax: {problem}"),
            },
        };
    }
    let m = p.problem_mark;
    let message = match context {
        Some(c) => format!("YAML syntax: {problem} {c}"),
        None => format!("YAML syntax: {problem}"),
    };
    YamlError {
        mark: Mark::new(m.line as usize + 1, m.column as usize + 1),
        message,
    }
}

/// The line and column (in characters) of byte `offset` of the input.
fn mark_at(input: &[u8], offset: usize) -> Mark {
    let before = &input[..offset.min(input.len())];
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    Mark::new(
        before.iter().filter(|&&b| b == b'\n').count() + 1,
        String::from_utf8_lossy(&before[start..]).chars().count() + 1,
    )
}

/// A file's bytes followed by `Padded::ROOM` zero bytes, which lets libyaml read them in
/// place: its reader decodes and checks every character into a buffer of its own, a third of
/// a load's instructions, all of which a text already known to be UTF-8 and checked for
/// characters YAML refuses can skip.
pub(super) struct Padded {
    /// `len()` bytes of the file, then at least `ROOM` zeros in the spare capacity.
    bytes: Vec<u8>,
}

impl Padded {
    /// The zero bytes kept after the text: the end of text libyaml looks for, and room for
    /// the few characters its scanner looks ahead (at most 8, for `\U` escapes).
    pub(super) const ROOM: usize = 64;

    /// The bytes, kept where they are when their vector has the room already.
    pub(super) fn new(mut bytes: Vec<u8>) -> Padded {
        bytes.reserve_exact(Self::ROOM);
        for b in &mut bytes.spare_capacity_mut()[..Self::ROOM] {
            b.write(0);
        }
        Padded { bytes }
    }

    /// A copy of borrowed bytes.
    pub(super) fn copy(bytes: &[u8]) -> Padded {
        let mut v = Vec::with_capacity(bytes.len() + Self::ROOM);
        v.extend_from_slice(bytes);
        Padded::new(v)
    }

    pub(super) fn bytes(&self) -> &[u8] {
        &self.bytes
    }
}

/// libyaml's parser laid out as C lays it out (`yaml.h`), from the start to the reader's
/// fields. `unsafe-libyaml` keeps that layout (`#[repr(C)]`, the C library's own) but makes
/// these fields private, so `read_in_place` checks every one of them against what
/// `yaml_parser_initialize` and `yaml_parser_set_input_string` are known to leave before it
/// writes any. Every field is an integer or a pointer: any bits read are a valid value.
#[repr(C)]
struct ReaderFields {
    error: u32,
    problem: *const u8,
    problem_offset: u64,
    problem_value: i32,
    problem_mark: [u64; 3],
    context: *const u8,
    context_mark: [u64; 3],
    read_handler: usize,
    read_handler_data: *mut u8,
    /// The input string: start, end, current.
    input: [*const u8; 3],
    eof: u8,
    /// The character buffer: start, end, pointer, last.
    buffer: [*mut u8; 4],
    /// Characters in the buffer not yet scanned.
    unread: u64,
    raw_buffer: [*mut u8; 4],
    encoding: u32,
    offset: u64,
}

const _: () = assert!(
    std::mem::size_of::<ReaderFields>() < std::mem::size_of::<unsafe_yaml::yaml_parser_t>()
);

/// libyaml's sizes of its two buffers (`api.rs`), which `read_in_place` checks.
const RAW_BUFFER_SIZE: usize = 16384;
const BUFFER_SIZE: usize = RAW_BUFFER_SIZE * 3;

/// # Safety
/// `p` points to a `yaml_parser_t`.
unsafe fn reader_fields(p: *mut unsafe_yaml::yaml_parser_t) -> *mut ReaderFields {
    p.cast()
}

impl Parser<'_> {
    /// Lets libyaml scan `text` where it lies instead of decoding it into its own buffer,
    /// when the text is this parser's input, every character of it is one libyaml's reader
    /// lets through (`printable`), and the parser's fields are where and what they must be.
    /// Otherwise nothing changes and libyaml reads as usual. Either way the scanner sees the
    /// same characters, followed by a NUL, as its reader would give it.
    fn read_in_place(&mut self, text: &Padded) {
        let input = self._input;
        if input.as_ptr() != text.bytes.as_ptr()
            || input.len() != text.bytes.len()
            || !printable(input)
        {
            return;
        }
        // Whole characters, as libyaml counts what is unread; UTF-8 since it came from a str.
        let Ok(chars) = std::str::from_utf8(input).map(|t| t.chars().count()) else {
            return;
        };
        // SAFETY: `ReaderFields` is smaller than `yaml_parser_t` (asserted above) and holds
        // only integers and pointers, and `yaml_parser_initialize` zeroes the whole struct
        // before filling it, so reading it reads initialised bytes as values any bits make
        // valid, wherever its fields fall. Its layout is then checked:
        // the public prefix's fields are where `Deref` (unsafe-libyaml's own accessor) puts
        // them; the input is the three pointers `set_input_string` wrote, the read handler
        // set, end of file not reached, nothing read, both buffers freshly allocated with
        // libyaml's sizes and empty, the encoding the UTF-8 we set, offset zero. Only then
        // is the character buffer pointed at the text: libyaml's scanner only reads
        // through it (its reader, the only writer, returns at once when the end of file is
        // reached and the raw buffer is empty, which it is), and reads at most a few bytes
        // past the NUL ending the text, all within `ROOM`, which `Padded` keeps zeroed and
        // alive for `'input` (the pointer comes from the vector itself, so it may reach
        // the spare capacity). `Drop` puts libyaml's buffer back before deleting.
        unsafe {
            let p = self.sys.as_mut_ptr();
            let f = reader_fields(p);
            let fields = std::ptr::read(f);
            let public = &*p;
            let same_prefix = std::ptr::addr_of!((*f).problem_mark).cast::<u8>()
                == std::ptr::addr_of!(public.problem_mark).cast::<u8>()
                && std::ptr::addr_of!((*f).context_mark).cast::<u8>()
                    == std::ptr::addr_of!(public.context_mark).cast::<u8>();
            let start = input.as_ptr();
            let fresh = |b: [*mut u8; 4], size: usize| {
                !b[0].is_null() && b[1] == b[0].wrapping_add(size) && b[2] == b[0] && b[3] == b[0]
            };
            let as_expected = same_prefix
                && fields.error == 0
                && fields.read_handler != 0
                && fields.input == [start, start.wrapping_add(input.len()), start]
                && fields.eof == 0
                && fresh(fields.buffer, BUFFER_SIZE)
                && fields.unread == 0
                && fresh(fields.raw_buffer, RAW_BUFFER_SIZE)
                && fields.encoding == unsafe_yaml::YAML_UTF8_ENCODING as u32
                && fields.offset == 0;
            if !as_expected {
                debug_assert!(false, "libyaml's parser is not laid out as expected");
                return;
            }
            let at = text.bytes.as_ptr().cast_mut();
            self.own_buffer = Some(fields.buffer);
            std::ptr::addr_of_mut!((*f).buffer).write([
                at,
                at.wrapping_add(input.len() + Padded::ROOM),
                at,
                // `last`: past the NUL that ends the text, as the reader leaves it.
                at.wrapping_add(input.len() + 1),
            ]);
            std::ptr::addr_of_mut!((*f).unread).write(chars as u64 + 1);
            std::ptr::addr_of_mut!((*f).eof).write(1);
        }
    }
}

/// Whether every character is one libyaml's reader accepts (YAML's printable characters:
/// tab, line feed, carriage return, U+0020 to U+007E, NEL, U+00A0 and above but for
/// U+FFFE and U+FFFF). `bytes` are UTF-8. Eight bytes at a time while they are plain
/// printable ASCII, which most of a log is.
fn printable(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let w = u64::from_ne_bytes(chunk.try_into().unwrap_or_default());
            // A byte under 0x20, or over 0x7E (the high bit set included).
            let below = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
            let above = (w.wrapping_add(ONES) | w) & HIGH;
            if below | above == 0 {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let width = match b {
            b'\t' | b'\n' | b'\r' | 0x20..=0x7e => 1,
            0x00..=0x7f => return false,
            // U+0080 to U+009F but NEL (U+0085).
            0xc2 if matches!(bytes.get(i + 1), Some(&c) if c <= 0x9f && c != 0x85) => {
                return false;
            }
            0xc0..=0xdf => 2,
            // U+FFFE and U+FFFF.
            0xef if bytes.get(i + 1) == Some(&0xbf)
                && matches!(bytes.get(i + 2), Some(0xbe | 0xbf)) =>
            {
                return false;
            }
            0xe0..=0xef => 3,
            _ => 4,
        };
        i += width;
    }
    true
}

impl Drop for Parser<'_> {
    fn drop(&mut self) {
        // SAFETY: initialised in `new`, deleted once. libyaml frees its character buffer
        // when deleted: its own is put back first (`read_in_place` checked the layout that
        // `reader_fields` writes through).
        unsafe {
            let p = self.sys.as_mut_ptr();
            if let Some(own) = self.own_buffer.take() {
                std::ptr::addr_of_mut!((*reader_fields(p)).buffer).write(own);
            }
            unsafe_yaml::yaml_parser_delete(p)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// YAML's printable set, one character at a time, as libyaml's reader tests it.
    fn printable_slowly(text: &str) -> bool {
        text.chars().all(|c| {
            matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{85}' | '\u{a0}'..='\u{d7ff}')
                || ('\u{e000}'..='\u{fffd}').contains(&c)
                || c >= '\u{10000}'
        })
    }

    #[test]
    fn printable_agrees_with_the_readers_rule() {
        let pieces = [
            "plain words, long enough to fill a few words of eight ",
            "\n",
            "\t",
            "\r\n",
            "é",
            "中文",
            "😀",
            "\u{85}",
            "\u{a0}",
            "\u{feff}",
            "\u{fffd}",
            "\u{0}",
            "\u{1}",
            "\u{1f}",
            "\u{7f}",
            "\u{80}",
            "\u{84}",
            "\u{86}",
            "\u{9f}",
            "\u{fffe}",
            "\u{ffff}",
            "\u{e000}",
            "~",
        ];
        // Each piece at every offset from a word boundary, alone and after printable text.
        for piece in pieces {
            for pad in 0..9 {
                let text = format!("{}{piece}{}", "a".repeat(pad), "b".repeat(9 - pad));
                assert_eq!(
                    printable(text.as_bytes()),
                    printable_slowly(&text),
                    "{text:?}"
                );
                let text = format!("{piece}{}", " ".repeat(pad));
                assert_eq!(
                    printable(text.as_bytes()),
                    printable_slowly(&text),
                    "{text:?}"
                );
            }
        }
    }

    fn reads_in_place(text: &str) -> bool {
        let padded = Padded::copy(text.as_bytes());
        Events::new(&padded).parser.own_buffer.is_some()
    }

    #[test]
    fn a_checked_text_is_read_in_place_and_others_as_usual() {
        assert!(reads_in_place("events:\n  - title: \"Talks in Cairo\"\n"));
        assert!(reads_in_place(""));
        // A character libyaml refuses: its reader must see it, to say where it is.
        assert!(!reads_in_place("a: \"x\u{8}y\"\n"));
        assert!(!reads_in_place("a: \u{feff}\u{ffff}\n"));
    }

    #[test]
    fn read_in_place_gives_the_events_the_reader_gives() {
        let texts = [
            "a: 1\nb: [x, \"y\\U0001F600\", 'z']\nc:\n  - {d: e}\n",
            "key: |\n  literal\n  text\n",
            "a: \"\\U0001F6",
            "---\na: b\n...\n",
            "\u{feff}a: b",
            "a: b\r\nc: \"d\r\n  e\"",
            "- - - x",
            "a: 'unterminated",
            "a: b\n--",
        ];
        for text in texts {
            let events = |in_place: bool| {
                let padded = Padded::copy(text.as_bytes());
                let mut events = Events::new(&padded);
                if !in_place {
                    // Give libyaml its own buffer back before it reads anything.
                    let p = events.parser.sys.as_mut_ptr();
                    let own = events.parser.own_buffer.take().expect("read in place");
                    // SAFETY: as in `Drop`: the fields were checked by `read_in_place`, and
                    // libyaml has read nothing yet, so this is the state it left them in.
                    unsafe {
                        std::ptr::addr_of_mut!((*reader_fields(p)).buffer).write(own);
                        std::ptr::addr_of_mut!((*reader_fields(p)).unread).write(0);
                        std::ptr::addr_of_mut!((*reader_fields(p)).eof).write(0);
                    }
                }
                let mut out = Vec::new();
                loop {
                    match events.next() {
                        Ok((ev, mark)) => {
                            out.push(format!("{ev:?} {mark:?}"));
                            if ev == Ev::StreamEnd {
                                break;
                            }
                        }
                        Err(e) => {
                            out.push(format!("{e:?}"));
                            break;
                        }
                    }
                }
                out
            };
            assert_eq!(events(true), events(false), "{text:?}");
        }
    }

    fn p(s: &str) -> Result<Node, YamlError> {
        parse(s, &Limits::default())
    }

    #[test]
    fn a_control_character_is_reported_where_it_is() {
        let e = p("a: 1\nb: \"x\u{8}y\"\n").unwrap_err();
        assert_eq!(e.mark, Mark::new(2, 6));
        assert!(e.message.contains("U+0008"), "{}", e.message);
    }

    #[test]
    fn nodes_know_where_they_are() {
        let n = p("a: 1\nb:\n  - x\n  - 'y'\n").unwrap();
        let Value::Map(pairs) = &n.value else {
            panic!()
        };
        let Value::Seq(items) = &pairs[1].1.value else {
            panic!()
        };
        assert_eq!(items[1].mark, Mark::new(4, 5));
        assert_eq!(
            items[1].value,
            Value::Scalar {
                text: "y".into(),
                plain: false
            }
        );
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let e = p("a: [1, 2\nb: 3\n").unwrap_err();
        assert!(e.message.starts_with("YAML syntax"), "{e:?}");
        assert!(e.mark.line >= 1);
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut doc = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let prev = format!("*a{}", i - 1);
            doc += &format!("a{i}: &a{i} [{}]\n", vec![prev; 10].join(", "));
        }
        let e = p(&doc).unwrap_err();
        assert!(e.message.contains("alias bomb"), "{e:?}");
    }

    #[test]
    fn aliases_of_long_strings_are_refused_by_their_bytes() {
        // Few nodes, many bytes: 1,000 aliases of one 1 MiB string would weigh 1 GiB.
        let mut doc = format!("a: &big \"{}\"\nb: [", "x".repeat(1 << 20));
        doc += &vec!["*big"; 1000].join(", ");
        doc += "]\n";
        let e = p(&doc).unwrap_err();
        assert!(e.message.contains("times the bytes of the file"), "{e:?}");
        assert!(e.message.contains("alias bomb"), "{e:?}");
        assert_eq!(e.mark.line, 2);
    }

    #[test]
    fn ordinary_aliases_stay_allowed() {
        let doc = "who: &w [hamas, israel, egypt]\na: *w\nb: *w\nc: *w\n";
        let n = p(doc).unwrap();
        let Value::Map(pairs) = &n.value else {
            panic!()
        };
        assert_eq!(pairs[3].1.value, pairs[0].1.value);
    }

    #[test]
    fn nel_ls_and_ps_are_characters_not_line_breaks() {
        let doc = "a: \"x\u{85}y\"\nb: 'p\u{2028}q'\nc: r\u{2029}s\nd: [\nbad\n";
        let e = p(doc).unwrap_err();
        // The error is on the line an editor shows, not five lines further.
        assert_eq!(e.mark.line, 6, "{e:?}");
        let n = p("a: \"x\u{85}y\"\nb: 'p\u{2028}q'\nc: r\u{2029}s\nd: \u{2028}e\n").unwrap();
        let Value::Map(pairs) = &n.value else {
            panic!()
        };
        let text = |i: usize| match &pairs[i].1.value {
            Value::Scalar { text, .. } => text.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(text(0), "x\u{85}y");
        assert_eq!(text(1), "p\u{2028}q");
        assert_eq!(text(2), "r\u{2029}s");
        assert_eq!(pairs[3].1.mark, Mark::new(4, 4));
        // A file holding the first stand-ins still reads back exactly.
        let n = p("a: \"\u{fdd0}\u{85}\u{fdd1}\"\n").unwrap();
        let Value::Map(pairs) = &n.value else {
            panic!()
        };
        assert_eq!(
            pairs[0].1.value,
            Value::Scalar {
                text: "\u{fdd0}\u{85}\u{fdd1}".into(),
                plain: false
            }
        );
    }

    #[test]
    fn deep_nesting_is_refused() {
        let doc = "[".repeat(100_000);
        let e = p(&doc).unwrap_err();
        assert!(e.message.contains("nesting deeper"), "{e:?}");
    }

    #[test]
    fn second_documents_and_empty_files_are_refused() {
        assert!(
            p("a: 1\n---\nb: 2\n")
                .unwrap_err()
                .message
                .contains("second YAML document")
        );
        assert!(p("").unwrap_err().message.contains("no YAML document"));
        assert!(
            p("# only a comment\n")
                .unwrap_err()
                .message
                .contains("no YAML document")
        );
    }
}
