//! Posting lists: for every party, actor, kind, status and topic, the events that have it,
//! ascending. Built once per log, they make a filter cost in proportion to what it finds
//! rather than to the log: a party filter copies that party's list, and a second field is
//! an intersection of two sorted lists, never a walk over every event's own vectors.
//!
//! Sorted `Vec<u32>` rather than compressed bitmaps (`roaring`): the result is wanted as a
//! list of event indices, which a sorted list already is (a party's list turns into one
//! 35 times faster than a roaring bitmap does), and intersecting two lists through a bit
//! set is as fast as roaring's (docs/PERFORMANCE.md gives the comparison).

use crate::filter::Query;
use crate::model::{EventIx, Log};
use std::borrow::Cow;
use std::collections::HashMap;

/// One posting list: event indices, ascending, no repeats.
type Posting = Vec<u32>;

/// The posting lists of one log.
#[derive(Clone, Debug, Default)]
pub struct Postings {
    /// Events in the log (every list's indices are below it).
    events: usize,
    /// By party index: events involving the party (from `Event::parties`).
    parties: Vec<Posting>,
    /// By actor index: events involving the actor (from `Event::involved`).
    actors: Vec<Posting>,
    /// By `Kind as usize`.
    kinds: Vec<Posting>,
    /// By `Status as usize`.
    statuses: Vec<Posting>,
    /// By topic, as written in the model (lower case).
    topics: HashMap<String, Posting>,
    /// Events that involve no party.
    no_party: Posting,
}

impl Postings {
    pub(crate) fn new(log: &Log) -> Postings {
        let mut p = Postings {
            events: log.events.len(),
            parties: vec![Vec::new(); log.parties.len()],
            actors: vec![Vec::new(); log.actors.len()],
            kinds: vec![Vec::new(); crate::model::Kind::ALL.len()],
            statuses: vec![Vec::new(); crate::model::Status::ALL.len()],
            topics: HashMap::new(),
            no_party: Vec::new(),
        };
        for (i, e) in log.events.iter().enumerate() {
            let ix = u32::try_from(i).expect("fewer than 4 billion events");
            for &party in &e.parties {
                add(&mut p.parties, party, ix);
            }
            if e.parties.is_empty() {
                p.no_party.push(ix);
            }
            for &actor in &e.involved {
                add(&mut p.actors, actor, ix);
            }
            add(&mut p.kinds, e.kind as usize, ix);
            add(&mut p.statuses, e.status as usize, ix);
            for t in &e.topics {
                let list = match p.topics.get_mut(t.as_str()) {
                    Some(list) => list,
                    None => p.topics.entry(t.clone()).or_default(),
                };
                push_once(list, ix);
            }
        }
        p
    }

    /// How many events the lists were built over.
    pub(crate) fn events(&self) -> usize {
        self.events
    }

    /// Events involving `party`.
    pub(crate) fn party(&self, party: usize) -> &[u32] {
        self.parties.get(party).map_or(&[], Vec::as_slice)
    }

    /// Events involving no party.
    pub(crate) fn no_party(&self) -> &[u32] {
        &self.no_party
    }

    /// Events matching the party, actor, kind, status and topic fields of `q` (OR within a
    /// field, AND across fields), ascending; None when none of those fields is set.
    pub(crate) fn matching(&self, q: &Query) -> Option<Cow<'_, [u32]>> {
        let mut fields: Vec<Cow<'_, [u32]>> = Vec::new();
        if !q.parties.is_empty() {
            fields.push(self.union(q.parties.iter().map(|&p| self.party(p))));
        }
        if !q.actors.is_empty() {
            fields.push(self.union(q.actors.iter().map(|&a| list(&self.actors, a))));
        }
        if !q.kinds.is_empty() {
            fields.push(self.union(q.kinds.iter().map(|&k| list(&self.kinds, k as usize))));
        }
        if !q.statuses.is_empty() {
            let lists = q.statuses.iter().map(|&s| list(&self.statuses, s as usize));
            fields.push(self.union(lists));
        }
        if !q.topics.is_empty() {
            let lists = q
                .topics
                .iter()
                .map(|t| self.topics.get(t).map_or(&[][..], |l| l));
            fields.push(self.union(lists));
        }
        // Smallest first: every intersection is then at most as long as it.
        fields.sort_by_key(|f| f.len());
        let mut fields = fields.into_iter();
        let first = fields.next()?;
        Some(fields.fold(first, |acc, f| Cow::Owned(intersect(&acc, &f))))
    }

    /// Events in any of `lists` (OR within a field), ascending.
    fn union<'a>(&self, lists: impl Iterator<Item = &'a [u32]>) -> Cow<'a, [u32]> {
        let mut lists: Vec<&[u32]> = lists.filter(|l| !l.is_empty()).collect();
        match lists.len() {
            0 => Cow::Borrowed(&[]),
            1 => Cow::Borrowed(lists.pop().expect("one list")),
            _ => {
                // A bit per event: linear in the lists plus a pass over events / 64 words.
                let mut bits = vec![0u64; self.events.div_ceil(64)];
                for &ix in lists.iter().flat_map(|l| l.iter()) {
                    bits[ix as usize / 64] |= 1 << (ix % 64);
                }
                let mut out = Vec::with_capacity(lists.iter().map(|l| l.len()).max().unwrap_or(0));
                for (w, &word) in bits.iter().enumerate() {
                    let mut word = word;
                    while word != 0 {
                        out.push((w * 64) as u32 + word.trailing_zeros());
                        word &= word - 1;
                    }
                }
                Cow::Owned(out)
            }
        }
    }
}

fn list(lists: &[Posting], i: usize) -> &[u32] {
    lists.get(i).map_or(&[], Vec::as_slice)
}

fn add(lists: &mut [Posting], i: usize, ix: u32) {
    if let Some(list) = lists.get_mut(i) {
        push_once(list, ix);
    }
}

/// Appends `ix` unless it is already last (an event naming a party twice counts once).
fn push_once(list: &mut Posting, ix: u32) {
    if list.last() != Some(&ix) {
        list.push(ix);
    }
}

/// Events in both ascending lists, ascending.
pub(crate) fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut out = Vec::with_capacity(small.len());
    if small.len().saturating_mul(16) < large.len() {
        // Few against many: find each of the few by binary search in what is left.
        let mut rest = large;
        for &x in small {
            let p = rest.partition_point(|&y| y < x);
            if p == rest.len() {
                break;
            }
            if rest[p] == x {
                out.push(x);
                rest = &rest[p + 1..];
            } else {
                rest = &rest[p..];
            }
        }
    } else {
        // Alike in size: a bit per event for the shorter, then one test per event of the
        // longer; no comparison whose outcome the processor has to guess.
        let top = small.last().map_or(0, |&x| x as usize + 1);
        let mut bits = vec![0u64; top.div_ceil(64)];
        for &x in small {
            bits[x as usize / 64] |= 1 << (x % 64);
        }
        out.extend(large.iter().copied().filter(|&y| {
            bits.get(y as usize / 64)
                .is_some_and(|w| w & (1 << (y % 64)) != 0)
        }));
    }
    out
}

/// Whether ascending `events` and ascending `list` have an event in common. Stops at the
/// first one; binary search from the shorter side keeps it short when either is long.
pub(crate) fn meets(list: &[u32], events: &[EventIx]) -> bool {
    if list.len() <= events.len() {
        let mut rest = events;
        list.iter().any(|&x| {
            let p = rest.partition_point(|&y| y < x as usize);
            let hit = rest.get(p) == Some(&(x as usize));
            rest = &rest[p..];
            hit
        })
    } else {
        let mut rest = list;
        events.iter().any(|&x| {
            let p = rest.partition_point(|&y| (y as usize) < x);
            let hit = rest.get(p).is_some_and(|&y| y as usize == x);
            rest = &rest[p..];
            hit
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intersect_merges_and_gallops_alike() {
        let a: Vec<u32> = (0..1000).filter(|x| x % 3 == 0).collect();
        let b: Vec<u32> = (0..1000).filter(|x| x % 5 == 0).collect();
        let few = [0, 15, 16, 990, 999];
        let naive = |x: &[u32], y: &[u32]| -> Vec<u32> {
            x.iter().copied().filter(|v| y.contains(v)).collect()
        };
        assert_eq!(intersect(&a, &b), naive(&a, &b));
        assert_eq!(intersect(&few, &a), naive(&few, &a));
        assert_eq!(intersect(&b, &few), naive(&few, &b));
        assert!(intersect(&[], &a).is_empty());
    }

    #[test]
    fn meets_finds_a_common_event_from_either_side() {
        let list: Vec<u32> = vec![3, 50, 700];
        assert!(meets(&list, &[1, 2, 700]));
        assert!(!meets(&list, &[1, 2, 4, 699, 701]));
        let long: Vec<u32> = (0..500).map(|x| x * 2).collect();
        assert!(meets(&long, &[7, 9, 998]));
        assert!(!meets(&long, &[7, 9, 999]));
        assert!(!meets(&[], &[1]));
    }
}
