//! A query over a log (parties, actors, kinds, statuses, topics, dates, search) and the
//! events that match it. The browser, `list` and `quotes` all ask through here.
//!
//! AND across fields, OR within one: `--party hamas --party qatar --kind meeting` is
//! (hamas OR qatar) AND meeting.

use crate::model::{ActorIx, Date, EventIx, Kind, Log, PartyIx, Status};
use crate::search::{SearchIndex, terms};
use std::collections::BTreeSet;

/// What the reader asked to see. Empty fields do not filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub parties: BTreeSet<PartyIx>,
    pub actors: BTreeSet<ActorIx>,
    pub kinds: BTreeSet<Kind>,
    pub statuses: BTreeSet<Status>,
    /// Topics, lower case.
    pub topics: BTreeSet<String>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// Search text; every word must occur (case and accents ignored).
    pub search: String,
    /// When set, only these events (marks).
    pub only: Option<BTreeSet<EventIx>>,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        *self == Query::default()
    }
}

/// Indices of the events matching `query`, in timeline order.
pub fn apply(log: &Log, index: &SearchIndex, query: &Query) -> Vec<EventIx> {
    let search_terms = terms(&query.search);
    let candidates: Vec<EventIx> = if search_terms.is_empty() {
        (0..log.events.len()).collect()
    } else {
        index.find(&query.search)
    };
    candidates
        .into_iter()
        .filter(|&i| event_matches(log, i, query))
        .collect()
}

/// Whether an event's period overlaps the query's dates, read as periods of the log's
/// reading zone (`--from 2023-03-10` is that day in the log's zone, not in UTC).
fn in_range(log: &Log, e: &crate::model::Event, q: &Query) -> bool {
    let from = q.from.map(|d| d.in_zone(log.timezone));
    let to = q.to.map(|d| d.in_zone(log.timezone));
    Date::overlaps(&e.date, e.end.as_ref(), from.as_ref(), to.as_ref())
}

/// Whether one event matches every field of `query` but the search text.
pub fn event_matches(log: &Log, i: EventIx, q: &Query) -> bool {
    let e = &log.events[i];
    (q.parties.is_empty() || e.parties.iter().any(|p| q.parties.contains(p)))
        && (q.actors.is_empty() || e.involved.iter().any(|a| q.actors.contains(a)))
        && (q.kinds.is_empty() || q.kinds.contains(&e.kind))
        && (q.statuses.is_empty() || q.statuses.contains(&e.status))
        && (q.topics.is_empty() || e.topics.iter().any(|t| q.topics.contains(t)))
        && ((q.from.is_none() && q.to.is_none()) || in_range(log, e, q))
        && q.only.as_ref().is_none_or(|only| only.contains(&i))
}
