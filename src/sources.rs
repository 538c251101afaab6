//! What rests on each source: the sources an event rests on (its `sources`, and its quotes'
//! `source`), outlets read case- and accent-insensitively, and the bibliography's counts
//! (events, quotes, and how the quotes fared against the archive). The filters by source
//! and outlet, `dateline sources` and the browser's sources view all ask through here.

use crate::filter::Query;
use crate::model::{EventIx, Log, SourceIx, Verification};
use crate::sanitize::fold;

/// The sources `event` rests on, ascending, each once: its own `sources` and its quotes'.
pub fn rested_on(log: &Log, event: EventIx) -> Vec<SourceIx> {
    let e = &log.events[event];
    let mut out: Vec<SourceIx> = e
        .sources
        .iter()
        .copied()
        .chain(e.quotes.iter().filter_map(|q| q.source))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// An outlet as the filter compares it: `Le Monde`, `le monde` and `LE MONDE ` meet, and so
/// do `Télam` and `Telam`.
pub fn outlet_key(name: &str) -> String {
    fold(
        name.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .as_str(),
    )
}

/// The log's outlets, one per key, by key: `(key, name as first written)`.
pub fn outlets(log: &Log) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for s in &log.sources {
        let key = outlet_key(&s.outlet);
        if let Err(at) = out.binary_search_by(|(k, _)| k.as_str().cmp(&key)) {
            out.insert(at, (key, s.outlet.clone()));
        }
    }
    out
}

/// How the quotes resting on a source fared against its archive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Checked {
    /// Found in the archive, as written or with typographic marks folded.
    pub verified: usize,
    pub not_found: usize,
    /// Paraphrases, translations, and quotes whose source has no archive.
    pub not_checked: usize,
}

/// What rests on one source among the events counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    pub events: usize,
    pub quotes: usize,
    pub checked: Checked,
}

/// What rests on each source (by `SourceIx`) among `events`.
pub fn usage(log: &Log, events: &[EventIx]) -> Vec<Usage> {
    let mut out = vec![Usage::default(); log.sources.len()];
    for &i in events {
        for s in rested_on(log, i) {
            out[s].events += 1;
        }
        for q in &log.events[i].quotes {
            let Some(s) = q.source else { continue };
            let u = &mut out[s];
            u.quotes += 1;
            match q.verification {
                Verification::Verified { .. } | Verification::Folded { .. } => {
                    u.checked.verified += 1
                }
                Verification::NotFound(_) => u.checked.not_found += 1,
                Verification::NotChecked | Verification::NoArchive | Verification::Checking => {
                    u.checked.not_checked += 1
                }
            }
        }
    }
    out
}

/// The bibliography of `events` (already filtered by `query`): every source of the log when
/// nothing filters, else the sources those events rest on, only those `query` names by id
/// or outlet when it does. Ordered by outlet (folded), then publication (undated last),
/// then title and id: a reference list, the same in `dateline sources` and the browser.
pub fn bibliography(log: &Log, events: &[EventIx], query: &Query) -> Vec<(SourceIx, Usage)> {
    let usage = usage(log, events);
    let everything = query.is_empty();
    let mut out: Vec<(SourceIx, Usage)> = usage
        .into_iter()
        .enumerate()
        .filter(|(s, u)| {
            let src = &log.sources[*s];
            everything
                || (u.events > 0
                    && (query.sources.is_empty() || query.sources.contains(s))
                    && (query.outlets.is_empty()
                        || query.outlets.contains(&outlet_key(&src.outlet))))
        })
        .collect();
    out.sort_by_cached_key(|&(s, _)| {
        let src = &log.sources[s];
        (
            outlet_key(&src.outlet),
            src.published.is_none(),
            src.published.map(|d| d.start()),
            src.title.clone(),
            src.id.clone(),
        )
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_meet_whatever_their_case_accents_and_spaces() {
        assert_eq!(outlet_key(" Le  MONDE "), outlet_key("le monde"));
        assert_eq!(outlet_key("Télam"), outlet_key("TELAM"));
        assert_ne!(outlet_key("Reuters"), outlet_key("AP"));
    }
}
