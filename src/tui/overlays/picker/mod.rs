//! A picker: every party (actor, kind, status, topic) with its count of events, narrowed
//! by typing, ticked with Tab (or Space before anything is typed). The counts are those
//! under the other active filters, so that each number says how many events choosing that
//! entry would show (in the quotes browser: how many quotes). A picker may also choose the
//! one party whose positions `P` shows, leaving the filters alone: its counts are what that
//! view would list for each party.

pub(crate) mod draw;
pub(crate) mod form;
mod update;

pub(crate) use update::update;

use crate::filter::{self, Query};
use crate::model::{Kind, Log, Status};
use crate::sanitize::sanitize;
use crate::search::SearchIndex;
use crate::sources::{outlet_key, outlets, rested_on};
use crate::threads;
use crate::tui::app::{App, Overlay};
use crate::tui::input::keymap::Mode;
use crate::tui::update::reload::{Before, same_ids};
use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickerKind {
    Party,
    Actor,
    Kind,
    Status,
    Topic,
    /// The sources an event rests on (its own, and its quotes').
    Source,
    /// The outlets of those sources, case and accents ignored.
    Outlet,
}

impl PickerKind {
    /// The filter's name in the singular: `no actor filter`.
    fn noun(self) -> &'static str {
        match self {
            PickerKind::Party => "party",
            PickerKind::Actor => "actor",
            PickerKind::Kind => "kind",
            PickerKind::Status => "status",
            PickerKind::Topic => "topic",
            PickerKind::Source => "source",
            PickerKind::Outlet => "outlet",
        }
    }

    fn title(self) -> &'static str {
        match self {
            PickerKind::Party => "Parties",
            PickerKind::Actor => "Actors",
            PickerKind::Kind => "Kinds",
            PickerKind::Status => "Statuses",
            PickerKind::Topic => "Topics",
            PickerKind::Source => "Sources",
            PickerKind::Outlet => "Outlets",
        }
    }
}

/// What Enter does with the choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Purpose {
    /// Sets the filter of the picker's kind.
    Filter,
    /// Shows the positions of the party under the cursor; the filters stay as they are.
    Positions,
    /// Fills field `field` of the new-event form with the ids ticked (see `form`).
    Form { field: usize },
    /// Who said the passage selected in the context view (an actor, or no speaker).
    Speaker,
    /// Which party said it, when no speaker is named.
    QuoteParty,
}

/// The speaker picker's entry for a quote with no speaker, its party picked next.
pub(crate) const NO_SPEAKER: usize = usize::MAX;

/// What the counts count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Counting {
    /// Events that choosing the entry would show.
    Events,
    /// Quotes (the quotes browser): for parties and actors, the quotes they said.
    Quotes,
    /// Party pickers only: the quotes and statements the party's positions view would
    /// list among the events shown (every filter in force, the party filter included,
    /// since that view leaves the filters alone).
    Positions,
}

/// One entry: `key` is the party, actor, kind or status index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub key: usize,
    /// Sanitised name.
    pub label: String,
    /// Sanitised second line: id, role, party.
    note: String,
    pub count: usize,
}

#[derive(Clone, Debug)]
pub struct Picker {
    kind: PickerKind,
    purpose: Purpose,
    counting: Counting,
    pub entries: Vec<Entry>,
    /// Keys toggled on.
    pub chosen: BTreeSet<usize>,
    /// Keys that were on when the picker opened.
    initial: BTreeSet<usize>,
    pub input: String,
    /// Indices into `entries` that match `input`, best first.
    pub shown: Vec<usize>,
    /// Position in `shown`.
    pub cursor: usize,
    /// A form's picker: each entry's id, by key (empty in the others).
    ids: Vec<String>,
    /// A form's topic picker: the last entry is the typed topic offered as a new one.
    pending: bool,
    /// For a quote's speaker or party: the event the quote goes to.
    pub about: String,
}

/// The keys a query holds for one kind of picker (a topic's key is its place in
/// `Log::topics`).
fn chosen_in(log: &Log, query: &Query, kind: PickerKind) -> BTreeSet<usize> {
    match kind {
        PickerKind::Topic => log
            .topics()
            .iter()
            .enumerate()
            .filter(|(_, t)| query.topics.contains(**t))
            .map(|(i, _)| i)
            .collect(),
        PickerKind::Party => query.parties.clone(),
        PickerKind::Actor => query.actors.clone(),
        PickerKind::Source => query.sources.clone(),
        PickerKind::Outlet => outlets(log)
            .iter()
            .enumerate()
            .filter(|(_, (k, _))| query.outlets.contains(k))
            .map(|(i, _)| i)
            .collect(),
        PickerKind::Kind => query
            .kinds
            .iter()
            .filter_map(|k| Kind::ALL.iter().position(|x| x == k))
            .collect(),
        PickerKind::Status => query
            .statuses
            .iter()
            .filter_map(|s| Status::ALL.iter().position(|x| x == s))
            .collect(),
    }
}

/// `query` with the picker's field set to `keys`.
fn set_in(log: &Log, query: &mut Query, kind: PickerKind, keys: &BTreeSet<usize>) {
    match kind {
        PickerKind::Topic => {
            let topics = log.topics();
            query.topics = keys
                .iter()
                .filter_map(|&k| topics.get(k).map(|t| (*t).to_owned()))
                .collect()
        }
        PickerKind::Party => query.parties = keys.clone(),
        PickerKind::Actor => query.actors = keys.clone(),
        PickerKind::Source => query.sources = keys.clone(),
        PickerKind::Outlet => {
            let all = outlets(log);
            query.outlets = keys
                .iter()
                .filter_map(|&k| all.get(k).map(|(key, _)| key.clone()))
                .collect()
        }
        PickerKind::Kind => {
            query.kinds = keys
                .iter()
                .filter_map(|&k| Kind::ALL.get(k).copied())
                .collect()
        }
        PickerKind::Status => {
            query.statuses = keys
                .iter()
                .filter_map(|&k| Status::ALL.get(k).copied())
                .collect()
        }
    }
}

impl Picker {
    /// A picker that filters by `kind`, with counts of events under the other filters.
    fn open(kind: PickerKind, log: &Log, index: &SearchIndex, query: &Query) -> Picker {
        Picker::open_for(kind, Purpose::Filter, Counting::Events, log, index, query)
    }

    /// A picker over `kind` for `purpose`, counting `counting` under the other filters.
    pub(crate) fn open_for(
        kind: PickerKind,
        purpose: Purpose,
        counting: Counting,
        log: &Log,
        index: &SearchIndex,
        query: &Query,
    ) -> Picker {
        let mut others = query.clone();
        set_in(log, &mut others, kind, &BTreeSet::new());
        let matching = match counting {
            Counting::Positions => filter::apply(log, index, query),
            Counting::Events | Counting::Quotes => filter::apply(log, index, &others),
        };
        let topics = log.topics();
        let outlet_list = outlets(log);
        // Each source's place in `outlet_list`.
        let outlet_of: Vec<usize> = log
            .sources
            .iter()
            .map(|s| {
                let key = outlet_key(&s.outlet);
                outlet_list
                    .binary_search_by(|(k, _)| k.as_str().cmp(&key))
                    .unwrap_or_default()
            })
            .collect();
        let size = match kind {
            PickerKind::Party => log.parties.len(),
            PickerKind::Actor => log.actors.len(),
            PickerKind::Kind => Kind::ALL.len(),
            PickerKind::Status => Status::ALL.len(),
            PickerKind::Topic => topics.len(),
            PickerKind::Source => log.sources.len(),
            PickerKind::Outlet => outlet_list.len(),
        };
        let mut counts = vec![0usize; size];
        let topic_key = |t: &String| topics.binary_search(&t.as_str()).ok();
        match counting {
            Counting::Positions if kind == PickerKind::Party => {
                counts = threads::position_counts(log, &matching);
            }
            // Positions are a party's: no other kind counts them.
            Counting::Positions => {}
            Counting::Events => {
                for &i in &matching {
                    let e = &log.events[i];
                    match kind {
                        PickerKind::Party => e.parties.iter().for_each(|&p| counts[p] += 1),
                        PickerKind::Actor => e.involved.iter().for_each(|&a| counts[a] += 1),
                        PickerKind::Kind => counts[e.kind as usize] += 1,
                        PickerKind::Status => counts[e.status as usize] += 1,
                        PickerKind::Topic => e
                            .topics
                            .iter()
                            .filter_map(topic_key)
                            .for_each(|k| counts[k] += 1),
                        PickerKind::Source => {
                            rested_on(log, i).iter().for_each(|&s| counts[s] += 1)
                        }
                        PickerKind::Outlet => {
                            let mut on: Vec<usize> =
                                rested_on(log, i).iter().map(|&s| outlet_of[s]).collect();
                            on.sort_unstable();
                            on.dedup();
                            on.iter().for_each(|&o| counts[o] += 1)
                        }
                    }
                }
            }
            Counting::Quotes => {
                for at in filter::quotes_of(log, &matching, &others) {
                    let e = &log.events[at.event];
                    let q = &e.quotes[at.quote];
                    match kind {
                        PickerKind::Party => q.said_by(log).iter().for_each(|&p| counts[p] += 1),
                        PickerKind::Actor => q.speaker.iter().for_each(|&a| counts[a] += 1),
                        PickerKind::Kind => counts[e.kind as usize] += 1,
                        PickerKind::Status => counts[e.status as usize] += 1,
                        PickerKind::Topic => e
                            .topics
                            .iter()
                            .filter_map(topic_key)
                            .for_each(|k| counts[k] += 1),
                        PickerKind::Source => q.source.iter().for_each(|&s| counts[s] += 1),
                        PickerKind::Outlet => {
                            q.source.iter().for_each(|&s| counts[outlet_of[s]] += 1)
                        }
                    }
                }
            }
        }
        let entries = (0..size)
            .map(|key| {
                let (label, note) = match kind {
                    PickerKind::Party => {
                        let p = &log.parties[key];
                        (sanitize(&p.name).into_owned(), sanitize(&p.id).into_owned())
                    }
                    PickerKind::Actor => {
                        let a = &log.actors[key];
                        let mut note = Vec::new();
                        if let Some(r) = &a.role {
                            note.push(sanitize(r).into_owned());
                        }
                        if let Some(p) = a.party {
                            note.push(sanitize(&log.parties[p].name).into_owned());
                        }
                        (sanitize(&a.name).into_owned(), note.join(", "))
                    }
                    PickerKind::Kind => (Kind::ALL[key].as_str().to_owned(), String::new()),
                    PickerKind::Status => (Status::ALL[key].as_str().to_owned(), String::new()),
                    PickerKind::Topic => (sanitize(topics[key]).into_owned(), String::new()),
                    PickerKind::Source => {
                        let s = &log.sources[key];
                        let mut label = sanitize(&s.outlet).into_owned();
                        if let Some(title) = &s.title {
                            label.push_str(": ");
                            label.push_str(&sanitize(title));
                        }
                        let mut note = sanitize(&s.id).into_owned();
                        if let Some(d) = &s.published {
                            note.push_str(", ");
                            note.push_str(&d.human());
                        }
                        (label, note)
                    }
                    PickerKind::Outlet => {
                        (sanitize(&outlet_list[key].1).into_owned(), String::new())
                    }
                };
                Entry {
                    key,
                    label,
                    note,
                    count: counts[key],
                }
            })
            .collect();
        // Choosing whose positions to show starts from nothing chosen: Enter takes the
        // entry under the cursor.
        let chosen = match purpose {
            Purpose::Filter => chosen_in(log, query, kind),
            Purpose::Positions | Purpose::Form { .. } | Purpose::Speaker | Purpose::QuoteParty => {
                BTreeSet::new()
            }
        };
        let mut entries: Vec<Entry> = entries;
        if purpose == Purpose::Speaker {
            entries.insert(
                0,
                Entry {
                    key: NO_SPEAKER,
                    label: "no speaker".into(),
                    note: "the party alone, picked next".into(),
                    count: 0,
                },
            );
        }
        let mut p = Picker {
            kind,
            purpose,
            counting,
            entries,
            initial: chosen.clone(),
            chosen,
            input: String::new(),
            shown: Vec::new(),
            cursor: 0,
            ids: Vec::new(),
            pending: false,
            about: String::new(),
        };
        p.narrow();
        p
    }

    /// Recomputes `shown` from `input`: all entries in log order when empty, else the
    /// fuzzy matches, best first.
    pub(crate) fn narrow(&mut self) {
        self.offer_new_topic();
        if self.input.trim().is_empty() {
            self.shown = (0..self.entries.len()).collect();
        } else {
            // Each typed word matches on its own, in any order, case and accents folded;
            // no character is special (`'`, `^`, `$` and `!` are letters of names here).
            let pattern = Pattern::new(
                self.input.trim(),
                CaseMatching::Ignore,
                Normalization::Smart,
                AtomKind::Fuzzy,
            );
            let mut matcher = Matcher::new(Config::DEFAULT);
            let mut buf = Vec::new();
            let mut scored: Vec<(u32, usize)> = self
                .entries
                .iter()
                .enumerate()
                .filter_map(|(i, e)| {
                    let hay = format!("{} {}", e.label, e.note);
                    pattern
                        .score(Utf32Str::new(&hay, &mut buf), &mut matcher)
                        .map(|s| (s, i))
                })
                .collect();
            scored.sort_by_key(|&(s, i)| (std::cmp::Reverse(s), i));
            self.shown = scored.into_iter().map(|(_, i)| i).collect();
        }
        // The new topic after the ones the log has.
        if self.pending {
            let last = self.entries.len() - 1;
            self.shown.retain(|&i| i != last);
            self.shown.push(last);
        }
        self.cursor = self.cursor.min(self.shown.len().saturating_sub(1));
    }

    /// Which keys apply: a picker of whose positions to show chooses one party, so it has
    /// nothing to tick and keys (and hints) of its own.
    pub(crate) fn mode(&self) -> Mode {
        match self.purpose {
            Purpose::Filter | Purpose::Form { .. } => Mode::Picker,
            Purpose::Positions => Mode::Whose,
            Purpose::Speaker | Purpose::QuoteParty => Mode::Speaker,
        }
    }

    /// Whether entries are ticked (all but the choice of whose positions to show).
    pub(crate) fn ticks(&self) -> bool {
        self.purpose != Purpose::Positions
    }

    /// The entry under the cursor.
    pub fn current(&self) -> Option<&Entry> {
        self.shown.get(self.cursor).map(|&i| &self.entries[i])
    }

    /// What Enter applies: the toggled entries, or the one under the cursor when nothing
    /// was toggled on and nothing was on before.
    fn result(&self) -> BTreeSet<usize> {
        if self.chosen.is_empty() && self.initial.is_empty() {
            self.current().map(|e| e.key).into_iter().collect()
        } else {
            self.chosen.clone()
        }
    }
}

/// p, a, t, s, #: the picker that filters by `kind`.
pub(crate) fn open(app: &mut App, kind: PickerKind) {
    let p = Picker::open(kind, &app.log, &app.index, &app.query);
    app.overlays.push(Overlay::Picker(p));
}

/// A picker open during a reload, rebuilt on the new log with its typing and its
/// toggles kept (parties, actors and topics by name).
pub(crate) fn reloaded(app: &App, before: &Before, p: Picker) -> Picker {
    if matches!(p.purpose, Purpose::Form { .. }) {
        return form::reloaded(app, before, p);
    }
    let old = before.old;
    let remap = |keys: &BTreeSet<usize>| -> BTreeSet<usize> {
        let mut gone = Vec::new();
        match p.kind {
            PickerKind::Party => same_ids(
                keys,
                |k| &old.parties[k].id,
                |id| app.log.party(id),
                &mut gone,
            ),
            PickerKind::Actor => same_ids(
                keys,
                |k| &old.actors[k].id,
                |id| app.log.actor(id),
                &mut gone,
            ),
            PickerKind::Topic => {
                let (was, now) = (old.topics(), app.log.topics());
                same_ids(keys, |k| was[k], |t| now.binary_search(&t).ok(), &mut gone)
            }
            PickerKind::Source => same_ids(
                keys,
                |k| &old.sources[k].id,
                |id| app.log.source_ids.get(id).copied(),
                &mut gone,
            ),
            PickerKind::Outlet => {
                let (was, now) = (outlets(old), outlets(&app.log));
                same_ids(
                    keys,
                    |k| was[k].0.as_str(),
                    |key| now.iter().position(|(k, _)| k == key),
                    &mut gone,
                )
            }
            PickerKind::Kind | PickerKind::Status => keys.clone(),
        }
    };
    let mut n = Picker::open_for(
        p.kind, p.purpose, p.counting, &app.log, &app.index, &app.query,
    );
    n.chosen = remap(&p.chosen);
    n.initial = remap(&p.initial);
    n.input = p.input.clone();
    n.cursor = p.cursor;
    n.about = p.about.clone();
    n.narrow();
    n
}
