//! Reading typed values out of the spanned YAML tree, recording a diagnostic for every
//! value that is not what format 1 says, and carrying on so all errors are found at once.

use super::diagnostic::{Diagnostic, Severity};
use super::suggest::{did_you_mean, nearest};
use super::yaml::{Mark, Node, Span, Value};
use crate::model::{DATE_FORMS, Date};
use crate::sanitize::has_control_chars;

/// Collects the diagnostics of one file.
pub(crate) struct Reader<'a> {
    pub(crate) file: &'a str,
    pub(crate) diags: Vec<Diagnostic>,
    /// The reading zone dates are read in: the file's `timezone`, once read (UTC before).
    pub(crate) zone: crate::model::Tz,
    /// References that named no id of their kind, explained once every namespace is known
    /// (an id of the wrong kind is the usual mistake): the diagnostic's index and the id.
    pub(crate) unresolved: Vec<(usize, At<String>)>,
    /// List items kept so far, against the memory budget's count (`Limits::max_list_items`):
    /// ten million topics in 20 MB took 1.1 GB.
    list_items: usize,
    pub(crate) max_list_items: usize,
}

/// A value read with the place it was written, for checks made later (references).
#[derive(Clone, Debug)]
pub(crate) struct At<T> {
    pub(crate) value: T,
    pub(crate) mark: Mark,
    pub(crate) loc: Loc,
}

impl<T> At<T> {
    pub(crate) fn path(&self) -> String {
        self.loc.render()
    }
}

/// A path inside the document (`events[3].actors[1]`), built only when a message needs it:
/// loading a large log reads millions of values and reports few. Small and plain (no
/// pointer, nothing to count), as every reference of a log keeps one.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Loc {
    item: Item,
    key: &'static str,
    /// 32 bits, as a `Mark`'s: a value of a big log holds a few places. `NONE`: not an
    /// item of a list.
    index: u32,
}

/// No index: the 32-bit stand-in for `None` (a list of four billion items is refused long
/// before, by the memory budget).
const NONE: u32 = u32::MAX;

/// The sections whose items have a path of their own, by their number in `Item`.
const LISTS: [&str; 5] = ["", "parties", "actors", "sources", "events"];

/// Where an item of the document is: `parties[2]`, `events[3]`, `events[3].quotes[1]`, or
/// the document itself (`Item::TOP`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Item {
    /// Its section, as an index in `LISTS` (0: the document itself).
    list: u8,
    index: u32,
    /// Its place among its event's quotes (`NONE`: not a quote).
    quote: u32,
}

impl Item {
    /// The document itself: its keys' paths are the keys.
    pub(crate) const TOP: Item = Item {
        list: 0,
        index: 0,
        quote: NONE,
    };

    /// The `i`-th item of a top-level section (`parties`, `actors`, `sources`, `events`).
    pub(super) fn new(list: &str, i: usize) -> Item {
        let list = LISTS.iter().position(|l| *l == list).unwrap_or(0);
        Item {
            list: list as u8,
            index: narrow(i),
            quote: NONE,
        }
    }

    /// The `i`-th quote of this event.
    pub(super) fn quote(self, i: usize) -> Item {
        Item {
            quote: narrow(i),
            ..self
        }
    }

    /// `events[3].quotes[1]`; empty for the document itself.
    pub(crate) fn render(self) -> String {
        if self.list == 0 {
            return String::new();
        }
        let mut s = item_path(LISTS[usize::from(self.list)], self.index as usize).to_string();
        if self.quote != NONE {
            s = item_path(&join(&s, "quotes"), self.quote as usize).to_string();
        }
        s
    }
}

/// An index in 32 bits, saturated.
fn narrow(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(NONE - 1).min(NONE - 1)
}

impl Loc {
    pub(crate) fn new(item: Item, key: &'static str) -> Loc {
        Loc {
            item,
            key,
            index: NONE,
        }
    }

    /// The `i`-th item of the list at this place.
    pub(crate) fn item(&self, i: usize) -> Loc {
        Loc {
            index: narrow(i),
            ..*self
        }
    }

    /// The key this place is under (`speaker`, `actors`).
    pub(crate) fn key(&self) -> &'static str {
        self.key
    }

    /// The top-level section that defines the ids a reference under this key names:
    /// `speaker` → `actors`.
    pub(crate) fn section(&self) -> &'static str {
        match self.key {
            "speaker" | "actors" => "actors",
            "party" | "parties" => "parties",
            "source" | "sources" => "sources",
            _ => "events",
        }
    }

    pub(crate) fn render(&self) -> String {
        let s = join(&self.item.render(), self.key);
        match self.index {
            NONE => s,
            i => item_path(&s, i as usize).to_string(),
        }
    }
}

impl<'a> Reader<'a> {
    pub(crate) fn new(file: &'a str) -> Reader<'a> {
        Reader {
            file,
            diags: Vec::new(),
            zone: crate::model::DEFAULT_ZONE,
            unresolved: Vec::new(),
            list_items: 0,
            max_list_items: super::Limits::default().max_list_items(),
        }
    }

    pub(crate) fn report(
        &mut self,
        severity: Severity,
        mark: Mark,
        path: &str,
        message: String,
        help: Option<String>,
    ) {
        self.diags.push(Diagnostic {
            severity,
            file: self.file.to_string(),
            line: mark.line(),
            col: mark.col(),
            path: path.to_string(),
            message,
            help,
        });
    }

    pub(crate) fn error(&mut self, mark: Mark, path: &str, message: String) {
        self.report(Severity::Error, mark, path, message, None);
    }

    /// The fields of a mapping, checking keys: each known or `x-`, none twice, the
    /// required ones present. None when `node` is not a mapping.
    pub(crate) fn fields(
        &mut self,
        node: &mut Node,
        path: &str,
        what: &str,
        known: &[&'static str],
        required: &[&str],
    ) -> Option<Fields> {
        if !matches!(node.value, Value::Map(_)) {
            let found = node.describe();
            let with = if required.is_empty() {
                keys_list(known)
            } else {
                keys_list(required)
            };
            self.error(
                node.mark,
                path,
                format!("found {found}, expected {what} (a mapping with {with})"),
            );
            return None;
        }
        let Value::Map(pairs) = &mut node.value else {
            return None;
        };
        let mut out = Fields {
            found: Vec::with_capacity(pairs.len()),
            span: node.span,
        };
        let mut seen = SeenKeys::default();
        // The pair just before, when it was a known key (read into `out`): a key of its own
        // right after it may be the rest of its value, cut at a comma in a `{…}` mapping.
        let mut known_before: Option<usize> = None;
        for (i, (k, v)) in pairs.iter_mut().enumerate() {
            let k: &Node = k;
            let just_before = known_before.take() == Some(i.wrapping_sub(1));
            let Value::Scalar { text: key, .. } = &k.value else {
                self.error(
                    k.mark,
                    path,
                    format!(
                        "found {} as a key, expected one of {}",
                        k.describe(),
                        keys_list(known)
                    ),
                );
                continue;
            };
            if let Some(first) = seen.get(key) {
                let msg = format!(
                    "`{}` is given twice (first on line {}): a key may appear once",
                    crate::sanitize::sanitize(key),
                    first.line()
                );
                self.error(k.mark, &join(path, key), msg);
                continue;
            }
            seen.insert(key, k.mark);
            if key.starts_with("x-") {
                continue;
            }
            match known.iter().find(|&&kn| kn == key) {
                // Moved out: each value is read once, and the tree is dropped after.
                Some(&kn) => {
                    out.push(kn, std::mem::replace(v, Node::EMPTY));
                    known_before = Some(i);
                }
                None => {
                    // The format's version is written `dateline: 1`; other tools say `format`
                    // or `version`, which no spelling check would lead to.
                    let version_key = known.contains(&"dateline")
                        && matches!(
                            key.as_str(),
                            "format" | "version" | "format_version" | "schema"
                        );
                    let cut = just_before
                        .then(|| out.found.last())
                        .flatten()
                        .and_then(|before| comma_in_flow_help(before, k, v, key));
                    let help = if version_key {
                        Some("the format version is written `dateline: 1`".to_string())
                    } else if cut.is_some() {
                        cut
                    } else {
                        nearest(key, known.iter().copied()).map(did_you_mean)
                    };
                    let msg = format!(
                        "unknown key `{}` in {what}, expected one of {} (or an `x-` key for your own use)",
                        crate::sanitize::sanitize(key),
                        keys_list(known)
                    );
                    self.report(Severity::Error, k.mark, &join(path, key), msg, help);
                }
            }
        }
        for r in required {
            if seen.get(r).is_none() {
                self.error(
                    node.mark,
                    path,
                    format!("{what} has no `{r}`: it is required"),
                );
            }
        }
        Some(out)
    }

    /// Text. `None` when absent or null; required text must be present and not empty.
    pub(crate) fn text(
        &mut self,
        node: Option<&mut Node>,
        loc: &Loc,
        required: bool,
    ) -> Option<String> {
        let node = node?;
        match &node.value {
            Value::Scalar { text, .. } if !node.is_null() => {
                // As `trim().is_empty()`, stopping at the first character of most texts.
                let blank = text.chars().all(char::is_whitespace);
                if blank && required {
                    self.error(
                        node.mark,
                        &loc.render(),
                        "found empty text, expected a value".into(),
                    );
                    return None;
                }
                if has_control_chars(text) {
                    self.report(
                        Severity::Warning,
                        node.mark,
                        &loc.render(),
                        "text holds control characters; they are shown escaped, never sent to the terminal".into(),
                        None,
                    );
                }
                if blank {
                    return None;
                }
                // Each value is read once: move it out rather than copy it.
                let Value::Scalar { text, .. } = &mut node.value else {
                    unreachable!("matched a scalar above")
                };
                Some(fitted(std::mem::take(text)))
            }
            Value::Scalar { .. } => {
                if required {
                    self.error(
                        node.mark,
                        &loc.render(),
                        "found nothing, expected a value".into(),
                    );
                }
                None
            }
            _ => {
                self.error(
                    node.mark,
                    &loc.render(),
                    format!("found {}, expected text", node.describe()),
                );
                None
            }
        }
    }

    /// An identifier, `[a-z0-9][a-z0-9_-]*`.
    pub(crate) fn id(
        &mut self,
        node: Option<&mut Node>,
        loc: &Loc,
        required: bool,
    ) -> Option<At<String>> {
        // Most ids are well formed: such text is neither empty nor null nor holds a control
        // character, so `text` would say nothing about it; it is moved out unchecked.
        if let Some(Node {
            mark,
            value: Value::Scalar { text, plain },
            ..
        }) = node
            && super::ids::is_valid_id(text)
            && !(*plain && text == "null")
        {
            return Some(At {
                value: fitted(std::mem::take(text)),
                mark: *mark,
                loc: *loc,
            });
        }
        let mark = node.as_ref().map(|n| n.mark).unwrap_or_default();
        // An id written empty names nothing: an error even where the key is optional.
        let required = required || node.as_ref().is_some_and(|n| !n.is_null());
        let s = self.text(node, loc, required)?;
        if !super::ids::is_valid_id(&s) {
            let slug = super::ids::slug(&s);
            let help = (!slug.is_empty()).then(|| did_you_mean(&slug));
            self.report(
                Severity::Error,
                mark,
                &loc.render(),
                format!("found the id \"{}\", expected lower-case letters, digits, `-` and `_`, starting with a letter or digit", crate::sanitize::sanitize(&s)),
                help,
            );
            return None;
        }
        Some(At {
            value: s,
            mark,
            loc: *loc,
        })
    }

    /// A date of format 1; a bare `2016` (a YAML number) is a year. Null is absent, an
    /// error only where the date is required.
    pub(crate) fn date(
        &mut self,
        node: Option<&mut Node>,
        loc: &Loc,
        required: bool,
    ) -> Option<Date> {
        let node = node?;
        if node.is_null() && !required {
            return None;
        }
        if node.is_null() {
            self.error(
                node.mark,
                &loc.render(),
                format!("found nothing, expected {DATE_FORMS}"),
            );
            return None;
        }
        let Value::Scalar { text, .. } = &node.value else {
            self.error(
                node.mark,
                &loc.render(),
                format!("found {}, expected {DATE_FORMS}", node.describe()),
            );
            return None;
        };
        // The text as written: a bare `2016` is read by `Date::parse` as the year, while a
        // number of another form (`24`, `+2016`) is not YYYY and stays an error.
        match Date::parse_in(text, self.zone) {
            Ok(d) => {
                // `[EST]`: read, but likely not the clock meant (see the warning).
                if text.ends_with(']')
                    && let Some(w) = text.rsplit_once('[').and_then(|(_, z)| {
                        crate::model::fixed_abbreviation_warning(&z[..z.len() - 1])
                    })
                {
                    self.report(Severity::Warning, node.mark, &loc.render(), w, None);
                }
                Some(d)
            }
            Err(e) => {
                self.report(Severity::Error, node.mark, &loc.render(), e.message, e.help);
                None
            }
        }
    }

    /// `true` or `false`.
    pub(crate) fn boolean(&mut self, node: Option<&mut Node>, loc: &Loc) -> Option<bool> {
        let node = node?;
        match &node.value {
            Value::Scalar { text, plain: true }
                if matches!(text.as_str(), "true" | "True" | "TRUE") =>
            {
                Some(true)
            }
            Value::Scalar { text, plain: true }
                if matches!(text.as_str(), "false" | "False" | "FALSE") =>
            {
                Some(false)
            }
            _ if node.is_null() => None,
            _ => {
                let help = match &node.value {
                    Value::Scalar { text, .. }
                        if matches!(text.to_lowercase().as_str(), "yes" | "y" | "on" | "true") =>
                    {
                        Some(did_you_mean("true"))
                    }
                    Value::Scalar { text, .. }
                        if matches!(text.to_lowercase().as_str(), "no" | "n" | "off" | "false") =>
                    {
                        Some(did_you_mean("false"))
                    }
                    _ => None,
                };
                self.report(
                    Severity::Error,
                    node.mark,
                    &loc.render(),
                    format!("found {}, expected true or false", node.describe()),
                    help,
                );
                None
            }
        }
    }

    /// The items of a list; a single value where a list is expected is an error.
    pub(crate) fn list<'n>(
        &mut self,
        node: Option<&'n mut Node>,
        loc: &Loc,
        of: &str,
    ) -> &'n mut [Node] {
        let Some(node) = node else { return &mut [] };
        if node.is_null() {
            return &mut [];
        }
        let mark = node.mark;
        if matches!(node.value, Value::Scalar { .. }) {
            let found = node.describe();
            let Value::Scalar { text, .. } = &node.value else {
                unreachable!("matched a scalar above")
            };
            let help = Some(format!(
                "write a list, even of one: [{}]",
                crate::sanitize::sanitize(text)
            ));
            self.report(
                Severity::Error,
                mark,
                &loc.render(),
                format!("found {found}, expected a list of {of}"),
                help,
            );
            return &mut [];
        }
        match &mut node.value {
            Value::Seq(items) => {
                let before = self.list_items;
                self.list_items = before.saturating_add(items.len());
                if self.list_items <= self.max_list_items {
                    return items;
                }
                // Said once, at the list that crosses the budget; past it, no list is kept.
                if before <= self.max_list_items {
                    let budget = super::Limits::default().memory_budget >> 20;
                    self.error(
                        mark,
                        &loc.render(),
                        format!(
                            "the log holds more than {} list items (topics, actors, parties, sources, related ids, ...): over the memory budget of a load ({budget} MiB); split the log",
                            self.max_list_items
                        ),
                    );
                }
                &mut []
            }
            Value::Scalar { .. } => &mut [],
            Value::Map(_) => {
                self.error(
                    mark,
                    &loc.render(),
                    format!("found a mapping, expected a list of {of}"),
                );
                &mut []
            }
        }
    }

    /// A list of texts.
    pub(crate) fn texts(&mut self, node: Option<&mut Node>, loc: &Loc, of: &str) -> Vec<String> {
        let items = self.list(node, loc, of);
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter_mut().enumerate() {
            if let Some(s) = self.text(Some(item), &loc.item(i), true) {
                out.push(s);
            }
        }
        out
    }

    /// A list of ids (references, checked later).
    pub(crate) fn ids(&mut self, node: Option<&mut Node>, loc: &Loc, of: &str) -> Vec<At<String>> {
        let items = self.list(node, loc, of);
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter_mut().enumerate() {
            if let Some(id) = self.id(Some(item), &loc.item(i), true) {
                out.push(id);
            }
        }
        out
    }
}

/// The known fields of one mapping, keys checked (each known, none twice), from the tree
/// (`Reader::fields`) or straight from the parser (`stream`).
/// The help for a key with no value that follows a plain value on the same line, as
/// `lead negotiator` in `{role: vice premier, lead negotiator}`: in a `{…}` mapping a comma
/// ends the value and what follows is read as a key. The fix is to quote the value.
fn comma_in_flow_help(
    before: &(&'static str, Node),
    key_node: &Node,
    value: &Node,
    key: &str,
) -> Option<String> {
    let (before_key, before_value) = before;
    let Value::Scalar { text, plain: true } = &before_value.value else {
        return None;
    };
    if !value.is_null() || before_value.mark.line() != key_node.mark.line() || text.is_empty() {
        return None;
    }
    let whole = format!("{text}, {key}");
    Some(format!(
        "in a `{{…}}` mapping a comma separates keys, so `{}` was read as a key of its own: quote the value, `{before_key}: \"{}\"`",
        crate::sanitize::sanitize(key),
        crate::sanitize::sanitize(&whole)
            .replace('\\', "\\\\")
            .replace('"', "\\\"")
    ))
}

pub(crate) struct Fields {
    found: Vec<(&'static str, Node)>,
    /// The bytes of the whole mapping in its file.
    pub(crate) span: Span,
}

impl Fields {
    pub(super) fn with_capacity(n: usize) -> Fields {
        Fields {
            found: Vec::with_capacity(n),
            span: Span::default(),
        }
    }

    /// Adds the value of a key not added before.
    pub(super) fn push(&mut self, key: &'static str, value: Node) {
        self.found.push((key, value));
    }

    /// The value of a key. Reading text from it moves the text out.
    pub(crate) fn get(&mut self, key: &str) -> Option<&mut Node> {
        self.found
            .iter_mut()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v)
    }

    /// Where the value of a key was written.
    pub(crate) fn mark(&self, key: &str) -> Option<Mark> {
        self.found
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.mark)
    }
}

/// A text the model keeps, without the room the parser left in it: it grows the strings it
/// makes by doubling, and a model of a million events keeps them.
pub(super) fn fitted(text: String) -> String {
    if text.capacity() > text.len() + text.len() / 8 {
        // A copy, not `shrink_to_fit`: the allocator's aligned reallocation costs about
        // twice an allocation, a copy and a free of a short text.
        return text.as_str().to_owned();
    }
    text
}

/// `events` + 3 → `events[3]`: the place of an item, rendered for a message.
fn item_path(list: &str, i: usize) -> String {
    format!("{list}[{i}]")
}

/// `events[3]` + `title` → `events[3].title`.
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        return key.to_string();
    }
    let mut s = String::with_capacity(path.len() + 1 + key.len());
    s.push_str(path);
    s.push('.');
    s.push_str(key);
    s
}

fn keys_list(keys: &[&str]) -> String {
    keys.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The keys met so far in one mapping. Mappings of a log have a few keys, where a scan
/// beats hashing; a hostile one may have hundreds of thousands, where only a set stays
/// linear.
#[derive(Default)]
struct SeenKeys<'n> {
    few: Vec<(&'n str, Mark)>,
    many: Option<std::collections::HashMap<&'n str, Mark>>,
}

impl<'n> SeenKeys<'n> {
    const FEW: usize = 16;

    fn get(&self, key: &str) -> Option<Mark> {
        match &self.many {
            Some(set) => set.get(key).copied(),
            None => self.few.iter().find(|(s, _)| *s == key).map(|&(_, m)| m),
        }
    }

    fn insert(&mut self, key: &'n str, mark: Mark) {
        if let Some(set) = &mut self.many {
            set.entry(key).or_insert(mark);
        } else if self.few.len() < Self::FEW {
            self.few.push((key, mark));
        } else {
            let mut set: std::collections::HashMap<&str, Mark> = self.few.drain(..).collect();
            set.entry(key).or_insert(mark);
            self.many = Some(set);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_items_past_the_memory_budget_are_refused_once() {
        let mut r = Reader::new("t.yaml");
        r.max_list_items = 4;
        let loc = Loc::new(Item::new("events", 0), "topics");
        let mut lists = ["[a, b, c]", "[d, e]", "[f]"]
            .map(|t| super::super::yaml::parse(t, &super::super::Limits::default()).unwrap());
        let kept: Vec<usize> = lists
            .iter_mut()
            .map(|n| r.texts(Some(n), &loc, "topics").len())
            .collect();
        assert_eq!(kept, [3, 0, 0]);
        assert_eq!(r.diags.len(), 1, "{:?}", r.diags);
        assert!(
            r.diags[0].message.starts_with(
                "the log holds more than 4 list items (topics, actors, parties, sources, related ids, ...): over the memory budget of a load (2048 MiB)"
            ),
            "{}",
            r.diags[0].message
        );
    }
}
