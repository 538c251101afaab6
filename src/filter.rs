//! A query over a log (parties, actors, kinds, statuses, topics, dates, search) and the
//! events that match it. The browser, `list` and `quotes` all ask through here.
//!
//! AND across fields, OR within one: `--party hamas --party qatar --kind meeting` is
//! (hamas OR qatar) AND meeting.

use crate::model::{ActorIx, Date, EventIx, Kind, Log, PartyIx, Status};
use crate::postings::intersect;
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
///
/// The party, actor, kind, status and topic fields come from the posting lists, so their
/// cost follows the result, not the log; the search and the remaining fields are then
/// checked on what is left.
pub fn apply(log: &Log, index: &SearchIndex, query: &Query) -> Vec<EventIx> {
    let search_terms = terms(&query.search);
    let postings = index.postings();
    // An index built for another log (or none) must not decide: ask each event instead.
    let facets = if postings.events() == log.events.len() {
        postings.matching(query)
    } else {
        let all: Vec<u32> = (0..log.events.len() as u32)
            .filter(|&i| facets_match(log, i as usize, query))
            .collect();
        Some(all.into())
    };
    let mut events: Vec<EventIx> = match (facets, search_terms.is_empty()) {
        (None, true) => (0..log.events.len()).collect(),
        (None, false) => index.text(log).find(&search_terms),
        (Some(found), true) => found.iter().map(|&i| i as usize).collect(),
        (Some(found), false) => {
            let text = index.text(log);
            // Few candidates: look in each one's text; many: one pass over all the text.
            if found.len().saturating_mul(8) < log.events.len() {
                found
                    .iter()
                    .map(|&i| i as usize)
                    .filter(|&i| text.event_matches(i, &search_terms))
                    .collect()
            } else {
                let hits: Vec<u32> = text
                    .find(&search_terms)
                    .into_iter()
                    .map(|i| i as u32)
                    .collect();
                intersect(&found, &hits)
                    .into_iter()
                    .map(|i| i as usize)
                    .collect()
            }
        }
    };
    if has_other_fields(query) {
        events.retain(|&i| other_fields_match(log, i, query));
    }
    events
}

/// Whether one event matches every field of `query` but the search text.
pub fn event_matches(log: &Log, i: EventIx, q: &Query) -> bool {
    facets_match(log, i, q) && other_fields_match(log, i, q)
}

/// The fields the posting lists answer: parties, actors, kinds, statuses, topics.
fn facets_match(log: &Log, i: EventIx, q: &Query) -> bool {
    let e = &log.events[i];
    (q.parties.is_empty() || e.parties.iter().any(|p| q.parties.contains(p)))
        && (q.actors.is_empty() || e.involved.iter().any(|a| q.actors.contains(a)))
        && (q.kinds.is_empty() || q.kinds.contains(&e.kind))
        && (q.statuses.is_empty() || q.statuses.contains(&e.status))
        && (q.topics.is_empty() || e.topics.iter().any(|t| q.topics.contains(t)))
}

/// Whether `q` sets any field the posting lists do not answer (but the search).
fn has_other_fields(q: &Query) -> bool {
    q.from.is_some() || q.to.is_some() || q.only.is_some()
}

/// The fields checked event by event: dates and marks.
fn other_fields_match(log: &Log, i: EventIx, q: &Query) -> bool {
    let e = &log.events[i];
    ((q.from.is_none() && q.to.is_none())
        || Date::overlaps(&e.date, e.end.as_ref(), q.from.as_ref(), q.to.as_ref()))
        && q.only.as_ref().is_none_or(|only| only.contains(&i))
}
