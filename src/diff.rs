//! What changed between two versions of a log (`dateline diff OLD NEW`): events added,
//! removed and changed field by field, and the parties, actors and sources added, removed
//! or changed. No terminal here: `export::changes` writes it out, the CLI only loads and
//! prints.
//!
//! Events are matched by id; an event without a written `id` is matched by its derived id,
//! as marks are, so changing its date or title makes it a new event (and the old one
//! removed).

use crate::model::{Color, Event, EventIx, Log, NamedColor, Quote};
use std::collections::HashMap;

/// Added, removed or changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum What {
    Added,
    Removed,
    Changed,
}

impl What {
    pub fn as_str(self) -> &'static str {
        match self {
            What::Added => "added",
            What::Removed => "removed",
            What::Changed => "changed",
        }
    }
}

/// One difference inside an event, a party, an actor or a source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// A value, `None` where absent: `status: expected → occurred`.
    Value {
        field: &'static str,
        old: Option<String>,
        new: Option<String>,
    },
    /// A list of ids or words: what it gained and lost.
    List {
        field: &'static str,
        added: Vec<String>,
        removed: Vec<String>,
    },
    /// A value that changed from one no longer known (what the browser last showed is
    /// kept as a hash when long): `summary edited`.
    Edited { field: &'static str },
    /// A quote added, removed, or altered (its own changes, the words included).
    Quote {
        what: What,
        /// The words as the newer version has them (the older for a removed quote).
        text: String,
        changes: Vec<Change>,
    },
}

impl Change {
    /// One line for people, without colour: `status: expected → occurred`,
    /// `parties: +iran −us`, `quote added: “...”`. Log text is kept as written (the
    /// caller sanitises).
    pub fn describe(&self) -> String {
        match self {
            Change::Value { field, old, new } => format!(
                "{field}: {} → {}",
                value_or_none(old.as_deref()),
                value_or_none(new.as_deref())
            ),
            Change::List {
                field,
                added,
                removed,
            } => {
                let mut parts: Vec<String> = added.iter().map(|a| format!("+{a}")).collect();
                parts.extend(removed.iter().map(|r| format!("−{r}")));
                format!("{field}: {}", parts.join(" "))
            }
            Change::Edited { field } => format!("{field} edited"),
            Change::Quote {
                what,
                text,
                changes,
            } => {
                let words = short(text);
                match what {
                    What::Changed => {
                        let inner: Vec<String> = changes.iter().map(Change::describe).collect();
                        format!("quote altered: “{words}” ({})", inner.join("; "))
                    }
                    _ => format!("quote {}: “{words}”", what.as_str()),
                }
            }
        }
    }
}

fn value_or_none(v: Option<&str>) -> String {
    match v {
        Some(v) => short(v),
        None => "(none)".into(),
    }
}

/// A value on one line, cut at 80 characters: enough to tell two versions apart.
fn short(s: &str) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match one.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &one[..i]),
        None => one,
    }
}

/// How many quotes were added, removed and altered, for a summary: `1 quote added`.
pub fn quote_counts(changes: &[Change]) -> Vec<String> {
    let count = |w: What| {
        changes
            .iter()
            .filter(|c| matches!(c, Change::Quote { what, .. } if *what == w))
            .count()
    };
    let mut out = Vec::new();
    for (w, verb) in [
        (What::Added, "added"),
        (What::Removed, "removed"),
        (What::Changed, "altered"),
    ] {
        match count(w) {
            0 => {}
            1 => out.push(format!("1 quote {verb}")),
            n => out.push(format!("{n} quotes {verb}")),
        }
    }
    out
}

/// An event added, removed or changed.
#[derive(Clone, Debug)]
pub struct EventDiff {
    pub what: What,
    pub id: String,
    /// The id was derived from date and title (on the side shown).
    pub id_derived: bool,
    /// Its place in the old log (removed, changed) and in the new (added, changed).
    pub old: Option<EventIx>,
    pub new: Option<EventIx>,
    /// Field by field, for a changed event.
    pub changes: Vec<Change>,
}

/// A party, actor or source added, removed or changed.
#[derive(Clone, Debug)]
pub struct ItemDiff {
    pub what: What,
    pub id: String,
    /// Its name (a source's outlet) on the side shown.
    pub name: String,
    pub changes: Vec<Change>,
}

/// Everything that differs between two logs.
#[derive(Clone, Debug, Default)]
pub struct Diff {
    /// In timeline order: the newer version's date, the older's for a removed event.
    pub events: Vec<EventDiff>,
    pub parties: Vec<ItemDiff>,
    pub actors: Vec<ItemDiff>,
    pub sources: Vec<ItemDiff>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
            && self.parties.is_empty()
            && self.actors.is_empty()
            && self.sources.is_empty()
    }
}

/// Compares two versions of a log.
pub fn compare(old: &Log, new: &Log) -> Diff {
    let mut events: Vec<(i64, EventDiff)> = Vec::new();
    for (ni, e) in new.events.iter().enumerate() {
        match old.event_ids.get(&e.id) {
            Some(&oi) => {
                let changes = event_changes(old, &old.events[oi], new, e);
                if !changes.is_empty() {
                    events.push((
                        e.date.start_ts(),
                        EventDiff {
                            what: What::Changed,
                            id: e.id.clone(),
                            id_derived: e.id_derived,
                            old: Some(oi),
                            new: Some(ni),
                            changes,
                        },
                    ));
                }
            }
            None => events.push((
                e.date.start_ts(),
                EventDiff {
                    what: What::Added,
                    id: e.id.clone(),
                    id_derived: e.id_derived,
                    old: None,
                    new: Some(ni),
                    changes: Vec::new(),
                },
            )),
        }
    }
    for (oi, e) in old.events.iter().enumerate() {
        if !new.event_ids.contains_key(&e.id) {
            events.push((
                e.date.start_ts(),
                EventDiff {
                    what: What::Removed,
                    id: e.id.clone(),
                    id_derived: e.id_derived,
                    old: Some(oi),
                    new: None,
                    changes: Vec::new(),
                },
            ));
        }
    }
    // Stable: at one instant, the new log's order, then what was removed.
    events.sort_by_key(|(t, _)| *t);
    Diff {
        events: events.into_iter().map(|(_, d)| d).collect(),
        parties: items(
            &old.parties,
            &new.parties,
            |p| (&p.id, p.name.clone()),
            |o, n| {
                let mut c = Vec::new();
                value(&mut c, "name", Some(&o.name), Some(&n.name));
                value(
                    &mut c,
                    "color",
                    o.color.map(color_text).as_deref(),
                    n.color.map(color_text).as_deref(),
                );
                c
            },
        ),
        actors: items(
            &old.actors,
            &new.actors,
            |a| (&a.id, a.name.clone()),
            |o, n| {
                let mut c = Vec::new();
                value(&mut c, "name", Some(&o.name), Some(&n.name));
                value(
                    &mut c,
                    "party",
                    o.party.map(|p| old.parties[p].id.as_str()),
                    n.party.map(|p| new.parties[p].id.as_str()),
                );
                value(&mut c, "role", o.role.as_deref(), n.role.as_deref());
                list(&mut c, "aliases", &o.aliases, &n.aliases);
                c
            },
        ),
        sources: items(
            &old.sources,
            &new.sources,
            |s| (&s.id, s.outlet.clone()),
            |o, n| {
                let mut c = Vec::new();
                value(&mut c, "outlet", Some(&o.outlet), Some(&n.outlet));
                value(&mut c, "title", o.title.as_deref(), n.title.as_deref());
                value(&mut c, "url", o.url.as_deref(), n.url.as_deref());
                value(
                    &mut c,
                    "published",
                    o.published.map(|d| d.written()).as_deref(),
                    n.published.map(|d| d.written()).as_deref(),
                );
                list(&mut c, "byline", &o.byline, &n.byline);
                value(
                    &mut c,
                    "archive",
                    o.archive.as_ref().map(|a| a.path.as_str()),
                    n.archive.as_ref().map(|a| a.path.as_str()),
                );
                c
            },
        ),
    }
}

/// Parties, actors or sources of two logs matched by id: added and changed in the new log's
/// order, then removed in the old's.
fn items<T>(
    old: &[T],
    new: &[T],
    key: impl Fn(&T) -> (&String, String),
    changes: impl Fn(&T, &T) -> Vec<Change>,
) -> Vec<ItemDiff> {
    let old_ix: HashMap<&String, usize> =
        old.iter().enumerate().map(|(i, t)| (key(t).0, i)).collect();
    let new_ids: std::collections::HashSet<&String> = new.iter().map(|t| key(t).0).collect();
    let mut out = Vec::new();
    for n in new {
        let (id, name) = key(n);
        match old_ix.get(id) {
            Some(&oi) => {
                let c = changes(&old[oi], n);
                if !c.is_empty() {
                    out.push(ItemDiff {
                        what: What::Changed,
                        id: id.clone(),
                        name,
                        changes: c,
                    });
                }
            }
            None => out.push(ItemDiff {
                what: What::Added,
                id: id.clone(),
                name,
                changes: Vec::new(),
            }),
        }
    }
    for o in old {
        let (id, name) = key(o);
        if !new_ids.contains(id) {
            out.push(ItemDiff {
                what: What::Removed,
                id: id.clone(),
                name,
                changes: Vec::new(),
            });
        }
    }
    out
}

fn color_text(c: Color) -> String {
    match c {
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Named(n) => NamedColor::ALL
            .iter()
            .find(|(_, c)| *c == n)
            .map_or_else(|| format!("{n:?}"), |(name, _)| name.to_string()),
    }
}

pub(crate) fn value(
    out: &mut Vec<Change>,
    field: &'static str,
    old: Option<&str>,
    new: Option<&str>,
) {
    if old != new {
        out.push(Change::Value {
            field,
            old: old.map(str::to_owned),
            new: new.map(str::to_owned),
        });
    }
}

/// A list compared as a set of its items, in the order each side writes them.
pub(crate) fn list<S: AsRef<str>>(
    out: &mut Vec<Change>,
    field: &'static str,
    old: &[S],
    new: &[S],
) {
    let old: Vec<&str> = old.iter().map(AsRef::as_ref).collect();
    let new: Vec<&str> = new.iter().map(AsRef::as_ref).collect();
    let added: Vec<String> = new
        .iter()
        .filter(|n| !old.contains(n))
        .map(|s| s.to_string())
        .collect();
    let removed: Vec<String> = old
        .iter()
        .filter(|o| !new.contains(o))
        .map(|s| s.to_string())
        .collect();
    if !added.is_empty() || !removed.is_empty() {
        out.push(Change::List {
            field,
            added,
            removed,
        });
    }
}

/// What changed in one event between two logs, field by field (empty when nothing did).
/// The event's identity is the caller's: this compares whatever two events it is given.
pub fn event_changes(old_log: &Log, old: &Event, new_log: &Log, new: &Event) -> Vec<Change> {
    let mut c = Vec::new();
    value(
        &mut c,
        "date",
        Some(&old.date.written()),
        Some(&new.date.written()),
    );
    value(
        &mut c,
        "end",
        old.end.map(|d| d.written()).as_deref(),
        new.end.map(|d| d.written()).as_deref(),
    );
    value(
        &mut c,
        "date_note",
        old.date_note.as_deref(),
        new.date_note.as_deref(),
    );
    value(
        &mut c,
        "kind",
        Some(old.kind.as_str()),
        Some(new.kind.as_str()),
    );
    value(
        &mut c,
        "status",
        Some(old.status.as_str()),
        Some(new.status.as_str()),
    );
    value(&mut c, "title", Some(&old.title), Some(&new.title));
    value(
        &mut c,
        "summary",
        old.summary.as_deref(),
        new.summary.as_deref(),
    );
    value(
        &mut c,
        "location",
        old.location.as_deref(),
        new.location.as_deref(),
    );
    let ids = |log: &Log, e: &Event| -> [Vec<String>; 4] {
        [
            e.named_parties
                .iter()
                .map(|&p| log.parties[p].id.clone())
                .collect(),
            e.actors.iter().map(|&a| log.actors[a].id.clone()).collect(),
            e.sources
                .iter()
                .map(|&s| log.sources[s].id.clone())
                .collect(),
            e.related
                .iter()
                .map(|&r| log.events[r].id.clone())
                .collect(),
        ]
    };
    let [op, oa, os, or] = ids(old_log, old);
    let [np, na, ns, nr] = ids(new_log, new);
    list(&mut c, "parties", &op, &np);
    list(&mut c, "actors", &oa, &na);
    list(&mut c, "topics", &old.topics, &new.topics);
    list(&mut c, "sources", &os, &ns);
    list(&mut c, "related", &or, &nr);
    quotes(&mut c, old_log, &old.quotes, new_log, &new.quotes);
    c
}

/// A quote's fields as comparable text: who, where, how, and the archive's verdict.
pub(crate) fn quote_fields(log: &Log, q: &Quote) -> [(&'static str, Option<String>); 10] {
    let party: Vec<&str> = q
        .parties
        .iter()
        .map(|&p| log.parties[p].id.as_str())
        .collect();
    let flag = |b: bool| Some(b.to_string());
    [
        ("text", Some(q.text.clone())),
        ("speaker", q.speaker.map(|a| log.actors[a].id.clone())),
        ("attribution", q.attribution.clone()),
        ("party", (!party.is_empty()).then(|| party.join(", "))),
        ("source", q.source.map(|s| log.sources[s].id.clone())),
        ("paraphrase", flag(q.paraphrase)),
        ("translated", flag(q.translated)),
        ("original", q.original.clone()),
        ("lang", q.lang.clone()),
        ("verification", Some(q.verification.as_str().to_string())),
    ]
}

/// Who said it, to pair an old quote with a new one whose words were edited.
fn who<'a>(log: &'a Log, q: &'a Quote) -> (Option<&'a str>, Option<&'a str>) {
    (
        q.speaker.map(|a| log.actors[a].id.as_str()),
        q.attribution.as_deref(),
    )
}

/// Pairs the quotes of two versions of an event, as `quotes` says: for each new quote its
/// old one, and which old ones were paired.
pub(crate) fn pair_quotes<O, N>(
    old: &[O],
    new: &[N],
    same_words: impl Fn(&O, &N) -> bool,
    same_who: impl Fn(&O, &N) -> bool,
) -> (Vec<Option<usize>>, Vec<bool>) {
    let mut pair: Vec<Option<usize>> = vec![None; new.len()];
    let mut taken = vec![false; old.len()];
    for (ni, n) in new.iter().enumerate() {
        if let Some(oi) = (0..old.len()).find(|&oi| !taken[oi] && same_words(&old[oi], n)) {
            pair[ni] = Some(oi);
            taken[oi] = true;
        }
    }
    for (ni, n) in new.iter().enumerate() {
        if pair[ni].is_some() {
            continue;
        }
        if let Some(oi) = (0..old.len()).find(|&oi| !taken[oi] && same_who(&old[oi], n)) {
            pair[ni] = Some(oi);
            taken[oi] = true;
        }
    }
    (pair, taken)
}

/// Quotes have no ids: one with the same words is the same quote; of the rest, one with the
/// same speaker and attribution, in order, is the same quote with its words edited; any
/// other was added or removed.
fn quotes(out: &mut Vec<Change>, old_log: &Log, old: &[Quote], new_log: &Log, new: &[Quote]) {
    let (pair, taken) = pair_quotes(
        old,
        new,
        |o, n| o.text == n.text,
        |o, n| who(old_log, o) == who(new_log, n),
    );
    for (ni, n) in new.iter().enumerate() {
        match pair[ni] {
            Some(oi) => {
                let mut changes = Vec::new();
                let of = quote_fields(old_log, &old[oi]);
                let nf = quote_fields(new_log, n);
                for ((field, o), (_, v)) in of.into_iter().zip(nf) {
                    value(&mut changes, field, o.as_deref(), v.as_deref());
                }
                if !changes.is_empty() {
                    out.push(Change::Quote {
                        what: What::Changed,
                        text: n.text.clone(),
                        changes,
                    });
                }
            }
            None => out.push(Change::Quote {
                what: What::Added,
                text: n.text.clone(),
                changes: Vec::new(),
            }),
        }
    }
    for (oi, o) in old.iter().enumerate() {
        if !taken[oi] {
            out.push(Change::Quote {
                what: What::Removed,
                text: o.text.clone(),
                changes: Vec::new(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log(quotes: &str) -> Log {
        let yaml = format!(
            "actors:\n  - {{id: a, name: A}}\n  - {{id: b, name: B}}\nevents:\n  - id: e\n    date: 2025-10-04\n    kind: statement\n    title: T\n    quotes:\n{quotes}"
        );
        crate::load::load_str("t.yaml", &yaml).unwrap().log
    }

    #[test]
    fn quotes_are_matched_by_words_then_by_who_said_them() {
        let old = log(
            "      - {text: one, speaker: a}\n      - {text: two, speaker: b}\n      - {text: three, speaker: a, attribution: x}\n",
        );
        // `two` kept (moved), `one` edited by the same speaker, `three` gone, `four` new.
        let new = log(
            "      - {text: two, speaker: b}\n      - {text: one!, speaker: a}\n      - {text: four, speaker: b}\n",
        );
        let d = compare(&old, &new);
        assert_eq!(d.events.len(), 1);
        let lines: Vec<String> = d.events[0].changes.iter().map(Change::describe).collect();
        assert_eq!(
            lines,
            [
                "quote altered: “one!” (text: one → one!)",
                "quote added: “four”",
                "quote removed: “three”",
            ]
        );
        assert_eq!(
            quote_counts(&d.events[0].changes),
            ["1 quote added", "1 quote removed", "1 quote altered"]
        );
        assert!(compare(&old, &old).is_empty());
    }
}
