//! How people and sources are named on screen: the same phrases as the exports and the
//! copied citations (`export::phrases`), so what a reader sees is what they paste.

use crate::export::phrases;
use crate::model::{Log, Quote, SourceIx};
use crate::text::sanitize;

/// `Reuters, “Hamas delegation heads to Cairo”, by A and B, Fri 3 May 2024`.
pub fn source(log: &Log, s: SourceIx) -> String {
    phrases::source_line(&log.sources[s])
}

pub fn source_url(log: &Log, s: SourceIx) -> Option<String> {
    log.sources[s]
        .url
        .as_deref()
        .map(|u| sanitize(u).into_owned())
}

/// Who said it: `Ismail Haniyeh (Hamas chief, Hamas)`, or the attribution with its party.
pub fn speaker(log: &Log, q: &Quote) -> String {
    phrases::who(log, q)
}
