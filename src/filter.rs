//! A query over a log (parties, actors, kinds, statuses, topics, dates, search) and the
//! events that match it. The browser, `list` and `quotes` all ask through here.
//!
//! AND across fields, OR within one: `--party hamas --party qatar --kind meeting` is
//! (hamas OR qatar) AND meeting.
//!
//! Quotes are selected in two steps: the events the query keeps, then, among their quotes,
//! those said by the parties and actors it names (`quotes`): "what did Hamas say" must
//! never return Israel's words about Hamas.

use crate::model::{ActorIx, Date, EventIx, Kind, Log, PartyIx, Quote, SourceIx, Status, Tz};
use crate::search::{SearchIndex, terms};
use crate::sources::{outlet_key, rested_on};
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
    /// When set, only these events (new or changed since the reader last looked).
    pub unseen: Option<BTreeSet<EventIx>>,
    /// Events resting on one of these sources (for quotes: quotes from one of them).
    pub sources: BTreeSet<SourceIx>,
    /// Events resting on a source of one of these outlets, as `sources::outlet_key`.
    pub outlets: BTreeSet<String>,
    /// Only events resting on at most one source (the two-source rule).
    pub single_source: bool,
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
        // The search starts from what the other fields kept.
        (Some(found), false) => index.text(log).find_among(&search_terms, Some(&found)),
    };
    if has_other_fields(query) {
        events.retain(|&i| other_fields_match(log, i, query));
    }
    if has_source_fields(query) {
        let wanted = wanted_sources(log, query);
        events.retain(|&i| sources_match(log, i, query, &wanted));
    }
    events
}

/// Whether `q` filters by source, outlet or the number of sources.
fn has_source_fields(q: &Query) -> bool {
    !q.sources.is_empty() || !q.outlets.is_empty() || q.single_source
}

/// By `SourceIx`: whether the source is one `q` names (true for all when it names none),
/// and whether its outlet is one `q` names (likewise). Folded once, not per event.
fn wanted_sources(log: &Log, q: &Query) -> Vec<(bool, bool)> {
    log.sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            (
                q.sources.is_empty() || q.sources.contains(&i),
                q.outlets.is_empty() || q.outlets.contains(&outlet_key(&s.outlet)),
            )
        })
        .collect()
}

/// Whether event `i` rests on a source `q` names, on one of an outlet it names, and on at
/// most one source when it asks so. The two first are separate filters: AND between them.
fn sources_match(log: &Log, i: EventIx, q: &Query, wanted: &[(bool, bool)]) -> bool {
    let on = rested_on(log, i);
    (q.sources.is_empty() || on.iter().any(|&s| wanted[s].0))
        && (q.outlets.is_empty() || on.iter().any(|&s| wanted[s].1))
        && (!q.single_source || on.len() <= 1)
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
    facets_match(log, i, q)
        && other_fields_match(log, i, q)
        && (!has_source_fields(q) || sources_match(log, i, q, &wanted_sources(log, q)))
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
    q.from.is_some() || q.to.is_some() || q.only.is_some() || q.unseen.is_some()
}

/// The fields checked event by event: dates and marks.
fn other_fields_match(log: &Log, i: EventIx, q: &Query) -> bool {
    let e = &log.events[i];
    ((q.from.is_none() && q.to.is_none()) || in_range(log, e, q))
        && q.only.as_ref().is_none_or(|only| only.contains(&i))
        && q.unseen.as_ref().is_none_or(|unseen| unseen.contains(&i))
}

/// Why no instant can be both from `from` on and up to `to`, with both read as the filter
/// reads them (periods of the log's reading zone `reading`), or None when some can.
/// `from_flag` and `to_flag` name the two sides (`--from `, or nothing in the browser).
///
/// Read in UTC instead, a time and a day would be compared across the zone's offset: in
/// Auckland, 23:00Z on 3 May is already the 4th, after the day `2024-05-03` ends there.
pub(crate) fn backwards_range(
    from: &Date,
    to: &Date,
    reading: Tz,
    from_flag: &str,
    to_flag: &str,
) -> Option<String> {
    let (from, to) = backwards(from, to, reading)?;
    let mut msg = format!("{from_flag}{from} is after {to_flag}{to}");
    // Where a time meets the reading zone's days, say what the time is there: that is why.
    let times: Vec<String> = [from, to]
        .iter()
        .filter(|_| reading != Tz::UTC)
        .filter_map(|d| Some(format!("{d} is {}", d.reading_at()?)))
        .collect();
    if !times.is_empty() {
        msg.push_str(&format!(
            " (dates are read in the log's timezone, {}, where {})",
            reading.name(),
            times.join(" and ")
        ));
    }
    msg.push_str(": no date can be in both; swap them?");
    Some(msg)
}

/// `backwards_range` in a line that a status bar holds at 80 columns: where a time on one
/// side falls on another day of the reading zone than it says, that time on the zone's
/// clock (`backwards: 2024-05-03T23:00Z is Sat 4 May 11:00 Pacific/Auckland`), else the
/// two sides.
pub(crate) fn backwards_brief(from: &Date, to: &Date, reading: Tz) -> Option<String> {
    let (from, to) = backwards(from, to, reading)?;
    // A time on both sides, or on neither, is after the other in every zone.
    let why = match (from.has_time(), to.has_time()) {
        (true, false) => from.reading_beside().map(|at| format!("{from} is {at}")),
        (false, true) => to.reading_beside().map(|at| format!("{to} is {at}")),
        _ => None,
    };
    Some(match why {
        Some(why) => format!("backwards: {why}"),
        None => format!("backwards: {from} is after {to}; swap them?"),
    })
}

/// Both sides read in `reading`, when the range they make ends before it starts.
fn backwards(from: &Date, to: &Date, reading: Tz) -> Option<(Date, Date)> {
    let (from, to) = (from.in_zone(reading), to.in_zone(reading));
    (from.start() >= to.end_exclusive()).then_some((from, to))
}

/// What is wrong with a date range typed in the browser's prompt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum RangeError {
    /// A side is not a date: what is wrong with it.
    Unreadable(String),
    /// It ends before it starts, in words a status line holds (`backwards_brief`).
    Backwards(String),
}

/// A date range as the browser's prompt takes it: `FROM..TO`, `FROM..`, `..TO`, or one date
/// for that whole period (`2024-04` is all of April). Each side in the forms of `--from` and
/// `--to`; empty input clears the range, and a range that ends before it starts, read in
/// the log's reading zone `reading`, is refused. Gives `(from, to)` or what is wrong.
pub(crate) fn parse_range(
    input: &str,
    reading: Tz,
) -> Result<(Option<Date>, Option<Date>), RangeError> {
    let input = input.trim();
    let side = |s: &str, which: &str| -> Result<Option<Date>, RangeError> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(None);
        }
        Date::parse(s)
            .map(Some)
            .map_err(|e| RangeError::Unreadable(format!("{which}: {e}")))
    };
    let (from, to) = match input.split_once("..") {
        Some((a, b)) => (side(a, "from")?, side(b, "to")?),
        None => {
            let d = side(input, "date")?;
            (d, d)
        }
    };
    if let (Some(f), Some(t)) = (&from, &to)
        && let Some(why) = backwards_brief(f, t, reading)
    {
        return Err(RangeError::Backwards(why));
    }
    Ok((from, to))
}

/// One quote of the log: its event, and its place among the event's quotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QuoteAt {
    pub event: EventIx,
    pub quote: usize,
}

/// Whether a quote was said by whom `q` asks for: one of its parties (the quote's own,
/// else its speaker's) among `q.parties`, and its speaker among `q.actors`; and published
/// where it asks for: its source among `q.sources`, its source's outlet among `q.outlets`.
fn quote_matches(log: &Log, quote: &Quote, q: &Query) -> bool {
    (q.parties.is_empty() || quote.said_by(log).iter().any(|p| q.parties.contains(p)))
        && (q.actors.is_empty() || quote.speaker.is_some_and(|a| q.actors.contains(&a)))
        && (q.sources.is_empty() || quote.source.is_some_and(|s| q.sources.contains(&s)))
        && (q.outlets.is_empty()
            || quote
                .source
                .is_some_and(|s| q.outlets.contains(&outlet_key(&log.sources[s].outlet))))
}

/// The quotes of `events` (already filtered by `query`) said by whom `query` names.
pub fn quotes_of(log: &Log, events: &[EventIx], query: &Query) -> Vec<QuoteAt> {
    events
        .iter()
        .flat_map(|&event| {
            log.events[event]
                .quotes
                .iter()
                .enumerate()
                .filter(|(_, q)| quote_matches(log, q, query))
                .map(move |(quote, _)| QuoteAt { event, quote })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;

    fn all_quotes(log: &Log, q: &Query) -> Vec<QuoteAt> {
        let events: Vec<EventIx> = (0..log.events.len()).collect();
        quotes_of(log, &events, q)
    }

    #[test]
    fn a_range_is_from_to_either_side_open_or_one_period() {
        let d = |s: &str| Some(Date::parse(s).unwrap());
        assert_eq!(
            parse_range("2024-04..2024-05-03", Tz::UTC),
            Ok((d("2024-04"), d("2024-05-03")))
        );
        assert_eq!(
            parse_range(" 2024-04 .. ", Tz::UTC),
            Ok((d("2024-04"), None))
        );
        assert_eq!(parse_range("..2024", Tz::UTC), Ok((None, d("2024"))));
        assert_eq!(
            parse_range("2024-04", Tz::UTC),
            Ok((d("2024-04"), d("2024-04")))
        );
        assert_eq!(parse_range("", Tz::UTC), Ok((None, None)));
        assert_eq!(
            parse_range("2024-05..2024-04", Tz::UTC),
            Err(RangeError::Backwards(
                "backwards: 2024-05 is after 2024-04; swap them?".into()
            ))
        );
        assert!(matches!(
            parse_range("April..", Tz::UTC),
            Err(RangeError::Unreadable(e)) if e.starts_with("from: ")
        ));
    }

    #[test]
    fn a_backwards_range_is_judged_on_the_reading_zones_days() {
        let d = |s: &str| Date::parse(s).unwrap();
        let auckland: Tz = "Pacific/Auckland".parse().unwrap();
        let los_angeles: Tz = "America/Los_Angeles".parse().unwrap();
        // (from, to, zone where it is backwards, zone where it is not)
        let cases = [
            // 23:00Z on 3 May is the 4th in Auckland, after the 3rd there ends.
            ("2024-05-03T23:00Z", "2024-05-03", auckland, Tz::UTC),
            // The 4th in Auckland starts at noon UTC on the 3rd, before 23:00Z.
            ("2024-05-04", "2024-05-03T23:00Z", Tz::UTC, auckland),
            // 05:00Z on 3 May is still the evening of the 2nd in Los Angeles.
            ("2024-05-03", "2024-05-03T05:00Z", los_angeles, Tz::UTC),
            ("2024-05-03T02:00Z", "2024-05-02", Tz::UTC, los_angeles),
        ];
        for (from, to, backwards, fine) in cases {
            let why = backwards_range(&d(from), &d(to), backwards, "--from ", "--to ");
            let why = why.unwrap_or_else(|| panic!("{from}..{to} in {backwards}"));
            assert!(
                why.starts_with(&format!("--from {from} is after --to {to}")),
                "{why}"
            );
            assert!(why.ends_with("swap them?"), "{why}");
            assert_eq!(
                backwards_range(&d(from), &d(to), fine, "", ""),
                None,
                "{from}..{to}"
            );
            assert!(parse_range(&format!("{from}..{to}"), backwards).is_err());
            assert!(parse_range(&format!("{from}..{to}"), fine).is_ok());
        }
        // The message says what the time is on the reading zone's clock.
        let why = backwards_range(&d("2024-05-03T23:00Z"), &d("2024-05-03"), auckland, "", "");
        assert_eq!(
            why.unwrap(),
            "2024-05-03T23:00Z is after 2024-05-03 (dates are read in the log's timezone, \
             Pacific/Auckland, where 2024-05-03T23:00Z is Sat 4 May 2024 11:00 +12:00): \
             no date can be in both; swap them?"
        );
        // The browser's status line says it in fewer words: the time on the zone's clock.
        let brief = |from: &str, to: &str, zone| backwards_brief(&d(from), &d(to), zone);
        assert_eq!(
            brief("2024-05-03T23:00Z", "2024-05-03", auckland).unwrap(),
            "backwards: 2024-05-03T23:00Z is Sat 4 May 11:00 Pacific/Auckland"
        );
        assert_eq!(
            brief("2024-05-03", "2024-05-03T05:00Z", los_angeles).unwrap(),
            "backwards: 2024-05-03T05:00Z is Thu 2 May 22:00 America/Los_Angeles"
        );
        // Times on both sides, or a time already on the zone's clock, need no zone.
        assert_eq!(
            brief("2024-05-03T23:00Z", "2024-05-03T22:00Z", auckland).unwrap(),
            "backwards: 2024-05-03T23:00Z is after 2024-05-03T22:00Z; swap them?"
        );
        assert_eq!(
            brief("2024-05-04T01:00+12:00", "2024-05-03", auckland).unwrap(),
            "backwards: 2024-05-04T01:00+12:00 is after 2024-05-03; swap them?"
        );
        for (from, to, backwards, fine) in cases {
            assert!(brief(from, to, backwards).is_some(), "{from}..{to}");
            assert_eq!(brief(from, to, fine), None, "{from}..{to}");
        }
        // Days alone need no explanation.
        assert_eq!(
            backwards_range(&d("2024-05-04"), &d("2024-05-03"), auckland, "", "").unwrap(),
            "2024-05-04 is after 2024-05-03: no date can be in both; swap them?"
        );
    }

    #[test]
    fn quotes_are_selected_by_who_said_them_not_by_their_event() {
        let log = fixture::log();
        // Event 2 involves the US and Hamas; only its first quote is the US's.
        let mut q = Query::default();
        q.parties.insert(0);
        assert_eq!(all_quotes(&log, &q), [QuoteAt { event: 2, quote: 0 }]);
        let mut q = Query::default();
        q.actors.insert(2);
        assert_eq!(
            all_quotes(&log, &q),
            [
                QuoteAt { event: 1, quote: 0 },
                QuoteAt { event: 2, quote: 1 }
            ]
        );
        // Without party or actor, every quote of the events.
        assert_eq!(all_quotes(&log, &Query::default()).len(), 4);
    }

    #[test]
    fn a_joint_quote_belongs_to_each_of_its_parties() {
        let mut log = fixture::log();
        log.events[2].quotes[0].parties = vec![0, 1];
        for party in [0, 1] {
            let mut q = Query::default();
            q.parties.insert(party);
            assert!(all_quotes(&log, &q).contains(&QuoteAt { event: 2, quote: 0 }));
        }
    }

    #[test]
    fn an_unnamed_speaker_with_no_party_matches_no_party_or_actor() {
        let log = fixture::log();
        let anonymous = &log.events[2].quotes[2];
        let q = Query {
            parties: (0..log.parties.len()).collect(),
            ..Query::default()
        };
        assert!(!quote_matches(&log, anonymous, &q));
        let q = Query {
            actors: (0..log.actors.len()).collect(),
            ..Query::default()
        };
        assert!(!quote_matches(&log, anonymous, &q));
    }
}
