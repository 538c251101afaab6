//! The quick way in: a file's document read straight from the parser's events, with no
//! tree of the whole file in between. Keys are compared where the parser holds them, and only
//! the values a log keeps are copied, into the same `Fields` the tree gives, so that the
//! values are read and checked by the same code (`document`), with the same warnings.
//!
//! It reads logs that are well formed. At anything else (an error, an alias, a key unknown
//! or given twice, a value of a shape no field takes, a `timezone` after the dates it
//! governs) it gives up, and the file is read again through the tree, which finds and
//! explains every error: a diagnostic is never made here that the tree would not make.

use super::Limits;
use super::document::{self, Document};
use super::fields::{Fields, Item, Loc, Reader};
use super::yaml::{Ev, Events, Mark, Node, Place, Span, Value, is_null_scalar};

/// The file needs the tree: it has an error, or something only the tree reads.
struct GiveUp;

type Step<T> = Result<T, GiveUp>;

/// The document of one file, or `None` when the tree must read it (then `r` is to be
/// dropped: it may hold some of the file's warnings).
pub(super) fn read(text: &str, limits: &Limits, r: &mut Reader) -> Option<Document> {
    if text.trim().is_empty()
        || super::yaml::unprintable(text).is_err()
        || super::flow_length::check(text).is_err()
    {
        return None;
    }
    let mut s = Stream {
        events: Events::item_spans(text, limits),
        depth: 0,
        max_depth: limits.max_depth,
    };
    let doc = s.document(r).ok()?;
    (!r.diags.iter().any(|d| d.is_error())).then_some(doc)
}

struct Stream<'t> {
    events: Events<'t>,
    /// Collections open, bounded as the tree bounds them.
    depth: usize,
    max_depth: usize,
}

/// A value's node. Its span is empty (`Events::item_spans`): the model keeps an item's
/// bytes, not its values'.
fn scalar(text: String, plain: bool, at: Place) -> Node {
    Node {
        mark: at.mark,
        span: at.span,
        value: Value::Scalar { text, plain },
    }
}

impl Stream<'_> {
    fn next(&mut self) -> Step<(Ev<'_>, Place)> {
        let (ev, at) = self.events.next().map_err(|_| GiveUp)?;
        match ev {
            Ev::SeqStart | Ev::MapStart => {
                if self.depth >= self.max_depth {
                    return Err(GiveUp);
                }
                self.depth += 1;
            }
            Ev::End => self.depth = self.depth.saturating_sub(1),
            Ev::Alias(_) | Ev::DocumentStart | Ev::StreamEnd => return Err(GiveUp),
            Ev::Scalar { .. } | Ev::Other => {}
        }
        Ok((ev, at))
    }

    /// The bytes from `start` (a mapping's start) to the end of what was read last.
    fn span_from(&mut self, start: Place) -> Span {
        Span::new(start.span.start as usize, self.events.last_end())
    }

    /// The next event that is not a stream or document boundary.
    fn next_content(&mut self) -> Step<(Ev<'_>, Place)> {
        loop {
            let (ev, _) = self.events.next().map_err(|_| GiveUp)?;
            match ev {
                Ev::Other => continue,
                // Only one document, and at most once.
                Ev::DocumentStart => break,
                _ => return Err(GiveUp),
            }
        }
        self.next()
    }

    fn document(&mut self, r: &mut Reader) -> Step<Document> {
        let (ev, _) = self.next_content()?;
        if ev != Ev::MapStart {
            return Err(GiveUp);
        }
        let mut doc = Document::empty();
        let mut head = Fields::with_capacity(3);
        let mut keys = Keys::default();
        // Dates are read in the file's zone: a `timezone` after them is left to the tree.
        let mut dated = false;
        while let Some(i) = self.key(document::TOP, &mut keys)? {
            match document::TOP[i] {
                "timezone" => {
                    if dated {
                        return Err(GiveUp);
                    }
                    let mut v = self.value()?;
                    doc.timezone =
                        document::timezone(r, Some(&mut v), &Loc::new(Item::TOP, "timezone"));
                    if let Some(tz) = &doc.timezone {
                        r.zone = tz.value;
                    }
                }
                "parties" => self.section(r, |s, r, i, at| {
                    let f = s.mapping(document::PARTY, document::PARTY_REQUIRED, at)?;
                    let path = Item::new("parties", i);
                    if let Some(p) = document::party_fields(r, f, path) {
                        doc.parties.push(p);
                    }
                    Ok(())
                })?,
                "actors" => self.section(r, |s, r, i, at| {
                    let f = s.mapping(document::ACTOR, document::ACTOR_REQUIRED, at)?;
                    let path = Item::new("actors", i);
                    if let Some(a) = document::actor_fields(r, f, path) {
                        doc.actors.push(a);
                    }
                    Ok(())
                })?,
                "sources" => {
                    dated = true;
                    self.section(r, |s, r, i, at| {
                        let f = s.mapping(document::SOURCE, document::SOURCE_REQUIRED, at)?;
                        let path = Item::new("sources", i);
                        if let Some(src) = document::source_fields(r, f, path) {
                            doc.sources.push(src);
                        }
                        Ok(())
                    })?
                }
                "events" => {
                    dated = true;
                    self.section(r, |s, r, i, at| {
                        let (f, quotes) = s.event(at)?;
                        let path = Item::new("events", i);
                        if let Some(e) = document::event_fields(r, f, at.mark, path, Some(quotes)) {
                            doc.events.push(e);
                        }
                        Ok(())
                    })?
                }
                key => {
                    let v = self.value()?;
                    head.push(key, v);
                }
            }
        }
        let none = ["events", "parties", "actors", "sources"]
            .iter()
            .all(|k| !keys.has(document::TOP, k));
        if none {
            return Err(GiveUp);
        }
        document::head(r, &mut head, &mut doc);
        // Nothing after the document but its end.
        loop {
            match self.events.next().map_err(|_| GiveUp)?.0 {
                Ev::Other => {}
                Ev::StreamEnd => return Ok(doc),
                _ => return Err(GiveUp),
            }
        }
    }

    /// A top-level list of mappings, each given to `each` with its index and place once its
    /// start is read; `each` reads the rest. Errors found on the way end the reading early.
    fn section(
        &mut self,
        r: &mut Reader,
        mut each: impl FnMut(&mut Self, &mut Reader, usize, Place) -> Step<()>,
    ) -> Step<()> {
        match self.next()?.0 {
            Ev::Scalar { text, plain } if is_null_scalar(text, plain) => return Ok(()),
            Ev::SeqStart => {}
            _ => return Err(GiveUp),
        }
        let mut i = 0;
        loop {
            let (ev, at) = self.next()?;
            match ev {
                Ev::End => return Ok(()),
                Ev::MapStart => {
                    let before = r.diags.len();
                    each(self, r, i, at)?;
                    if r.diags[before..].iter().any(|d| d.is_error()) {
                        return Err(GiveUp);
                    }
                }
                _ => return Err(GiveUp),
            }
            i += 1;
        }
    }

    /// The next key of the mapping being read, as its index in `known`; `None` at the
    /// mapping's end. `x-` keys are passed over with their values.
    fn key(&mut self, known: &[&'static str], keys: &mut Keys) -> Step<Option<usize>> {
        loop {
            let (ev, _) = self.next()?;
            let text = match ev {
                Ev::End => return Ok(None),
                Ev::Scalar { text, .. } => text,
                _ => return Err(GiveUp),
            };
            if let Some(i) = known.iter().position(|k| *k == text) {
                if keys.seen & (1 << i) != 0 {
                    return Err(GiveUp);
                }
                keys.seen |= 1 << i;
                return Ok(Some(i));
            }
            if !text.starts_with("x-") || !keys.first_own(text) {
                return Err(GiveUp);
            }
            self.skip()?;
        }
    }

    /// The rest of a mapping whose start was read, into fields; the required keys present.
    fn mapping(
        &mut self,
        known: &'static [&'static str],
        required: &[&str],
        start: Place,
    ) -> Step<Fields> {
        let mut f = Fields::with_capacity(known.len().min(8));
        let mut keys = Keys::default();
        while let Some(i) = self.key(known, &mut keys)? {
            let v = self.value()?;
            f.push(known[i], v);
        }
        if !required.iter().all(|k| keys.has(known, k)) {
            return Err(GiveUp);
        }
        f.span = self.span_from(start);
        Ok(f)
    }

    /// The rest of an event whose start was read: its fields, and its quotes' fields.
    #[allow(clippy::type_complexity)]
    fn event(&mut self, start: Place) -> Step<(Fields, Vec<(Mark, Fields)>)> {
        let mut f = Fields::with_capacity(10);
        let mut quotes = Vec::new();
        let mut keys = Keys::default();
        while let Some(i) = self.key(document::EVENT, &mut keys)? {
            match document::EVENT[i] {
                "quotes" => quotes = self.quotes()?,
                key => {
                    let v = self.value()?;
                    f.push(key, v);
                }
            }
        }
        if !document::EVENT_REQUIRED
            .iter()
            .all(|k| keys.has(document::EVENT, k))
        {
            return Err(GiveUp);
        }
        f.span = self.span_from(start);
        Ok((f, quotes))
    }

    /// An event's `quotes`: a list of mappings, or nothing.
    fn quotes(&mut self) -> Step<Vec<(Mark, Fields)>> {
        match self.next()?.0 {
            Ev::Scalar { text, plain } if is_null_scalar(text, plain) => return Ok(Vec::new()),
            Ev::SeqStart => {}
            _ => return Err(GiveUp),
        }
        // Room for an event's usual few made at once: a vector grown from nothing goes
        // through the allocator's slower growth path (these are read and dropped).
        let mut quotes = Vec::with_capacity(4);
        loop {
            let (ev, at) = self.next()?;
            match ev {
                Ev::End => return Ok(quotes),
                Ev::MapStart => {
                    let f = self.mapping(document::QUOTE, document::QUOTE_REQUIRED, at)?;
                    quotes.push((at.mark, f));
                }
                _ => return Err(GiveUp),
            }
        }
    }

    /// A value a field may take: a scalar, or a list of scalars.
    fn value(&mut self) -> Step<Node> {
        let (ev, at) = self.next()?;
        match ev {
            Ev::Scalar { plain, .. } => Ok(scalar(self.events.take_text(), plain, at)),
            Ev::SeqStart => {
                // As a quote list: a list of ids or topics holds a few, read and dropped.
                let mut items = Vec::with_capacity(4);
                loop {
                    let (ev, m) = self.next()?;
                    match ev {
                        Ev::Scalar { plain, .. } => {
                            items.push(scalar(self.events.take_text(), plain, m));
                        }
                        Ev::End => break,
                        _ => return Err(GiveUp),
                    }
                }
                // No bytes: the model keeps an item's, not its values'.
                Ok(Node {
                    mark: at.mark,
                    span: Span::default(),
                    value: Value::Seq(items),
                })
            }
            _ => Err(GiveUp),
        }
    }

    /// Passes over a value, whatever it holds.
    fn skip(&mut self) -> Step<()> {
        let mut open = 0usize;
        loop {
            match self.next()?.0 {
                Ev::SeqStart | Ev::MapStart => open += 1,
                Ev::End => open = open.checked_sub(1).ok_or(GiveUp)?,
                Ev::Scalar { .. } => {}
                _ => return Err(GiveUp),
            }
            if open == 0 {
                return Ok(());
            }
        }
    }
}

/// The keys met in one mapping: the known ones as bits of their index, `x-` keys by name
/// (scanned while few, hashed when a hostile mapping has many).
#[derive(Default)]
struct Keys {
    seen: u32,
    own: Vec<String>,
    many: Option<std::collections::HashSet<String>>,
}

impl Keys {
    const FEW: usize = 16;

    /// Notes an `x-` key; false when it was met before.
    fn first_own(&mut self, key: &str) -> bool {
        if let Some(set) = &mut self.many {
            return set.insert(key.to_owned());
        }
        if self.own.iter().any(|k| k == key) {
            return false;
        }
        self.own.push(key.to_owned());
        if self.own.len() > Self::FEW {
            self.many = Some(self.own.drain(..).collect());
        }
        true
    }

    fn has(&self, known: &[&str], key: &str) -> bool {
        known
            .iter()
            .position(|k| *k == key)
            .is_some_and(|i| self.seen & (1 << i) != 0)
    }
}
