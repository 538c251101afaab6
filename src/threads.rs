//! The negotiation as a conversation: chains of events linked by `related`, and what one
//! side said over time.

use crate::model::{EventIx, Kind, Log, PartyIx};
use std::collections::BTreeSet;

/// Every event reachable from `ev` through `related` links, either way, in timeline order:
/// the proposals, responses and statements around it.
pub(crate) fn thread(log: &Log, ev: EventIx) -> Vec<EventIx> {
    let mut seen = BTreeSet::from([ev]);
    let mut todo = vec![ev];
    while let Some(i) = todo.pop() {
        let e = &log.events[i];
        for &j in e.related.iter().chain(&e.related_by) {
            if seen.insert(j) {
                todo.push(j);
            }
        }
    }
    seen.into_iter().collect() // indices are in timeline order
}

/// One thing a party said: a quote attributed to it, or a statement, proposal or response
/// it took part in that carries no quote of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub event: EventIx,
    /// Index in the event's quotes.
    pub(crate) quote: Option<usize>,
}

/// What `party` said, in timeline order, among `events` (already filtered).
pub fn positions(log: &Log, party: PartyIx, events: &[EventIx]) -> Vec<Position> {
    let mut out = Vec::new();
    for &ev in events {
        let e = &log.events[ev];
        let before = out.len();
        for (qi, q) in e.quotes.iter().enumerate() {
            if q.said_by(log).contains(&party) {
                out.push(Position {
                    event: ev,
                    quote: Some(qi),
                });
            }
        }
        if out.len() == before && speaks(e.kind) && e.parties.contains(&party) {
            out.push(Position {
                event: ev,
                quote: None,
            });
        }
    }
    out
}

/// An event of this kind is a party's position even without a quote of its own.
fn speaks(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Statement | Kind::Proposal | Kind::Response | Kind::Agreement
    )
}

/// For every party, how many entries `positions` gives among `events`, in one pass.
pub fn position_counts(log: &Log, events: &[EventIx]) -> Vec<usize> {
    let mut counts = vec![0; log.parties.len()];
    let mut quoted = BTreeSet::new();
    for &ev in events {
        let e = &log.events[ev];
        quoted.clear();
        for q in &e.quotes {
            for &p in q.said_by(log).iter() {
                counts[p] += 1;
                quoted.insert(p);
            }
        }
        if speaks(e.kind) {
            for &p in e.parties.iter().filter(|p| !quoted.contains(*p)) {
                counts[p] += 1;
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Log {
        crate::load::load_str(crate::SAMPLE_NAME, crate::SAMPLE)
            .unwrap()
            .log
    }

    #[test]
    fn a_thread_follows_links_both_ways_in_time_order() {
        let log = sample();
        let ev = log.event("hamas-delegation-announced").unwrap();
        let t = thread(&log, ev);
        assert!(t.contains(&ev));
        // It answers the proposal, and the US official's remark answers it.
        assert!(t.contains(&log.event("latest-proposal").unwrap()));
        assert!(t.contains(&log.event("us-official-some-progress").unwrap()));
        assert!(t.windows(2).all(|w| w[0] < w[1]));
        // An event with no links is a thread of one.
        let lone = (0..log.events.len())
            .find(|&i| log.events[i].related.is_empty() && log.events[i].related_by.is_empty())
            .unwrap();
        assert_eq!(thread(&log, lone), vec![lone]);
    }

    #[test]
    fn position_counts_are_the_lengths_of_positions() {
        let log = sample();
        let all: Vec<EventIx> = (0..log.events.len()).collect();
        let some: Vec<EventIx> = all.iter().copied().step_by(3).collect();
        for events in [&all, &some] {
            let counts = position_counts(&log, events);
            assert_eq!(counts.len(), log.parties.len());
            for (p, &n) in counts.iter().enumerate() {
                assert_eq!(n, positions(&log, p, events).len(), "party {p}");
            }
        }
    }

    #[test]
    fn positions_hold_only_the_partys_words_in_order() {
        let log = sample();
        let hamas = log.party("hamas").unwrap();
        let all: Vec<_> = (0..log.events.len()).collect();
        let p = positions(&log, hamas, &all);
        assert!(!p.is_empty());
        for pos in &p {
            if let Some(q) = pos.quote {
                assert!(
                    log.events[pos.event].quotes[q]
                        .said_by(&log)
                        .contains(&hamas)
                );
            }
        }
        assert!(p.windows(2).all(|w| w[0].event <= w[1].event));
    }
}
