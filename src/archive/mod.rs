//! Archived sources: the journalist's own copy of each publication's text, read beside the
//! log, and every verbatim quote checked against it.
//!
//! Each archive is prepared once (`index`): its words and where they are. A quote is then
//! looked up by its rarest word and compared around each place it occurs (`matching`),
//! never by scanning the whole text again for each quote.

pub(crate) mod context;
mod index;
mod matching;
mod read;

pub(crate) use read::{check_written, read_beside};

use crate::model::{Archive, Log, SourceIx, Verification};
use std::path::PathBuf;
use std::sync::Arc;

/// Where a log's archives are read from.
#[derive(Clone, Copy, Debug)]
pub enum Archives<'a> {
    /// Nowhere: the log was given as text, with no folder. Archives are not read and
    /// quotes not checked.
    None,
    /// Beside the log's files on disk: each file's path, in the order of `Log::files`.
    Beside(&'a [PathBuf]),
    /// Given with the log (the bundled sample, compiled in): each path as written and its
    /// text.
    Given(&'a [(&'a str, &'a str)]),
}

/// Reads every source's archive into `log.archives`. The sources whose archive could not be
/// read, and why.
pub(crate) fn read_all(log: &mut Log, from: Archives, max_bytes: u64) -> Vec<(SourceIx, String)> {
    let mut failed = Vec::new();
    log.archives = vec![None; log.sources.len()];
    for (ix, source) in log.sources.iter().enumerate() {
        let Some(archive) = &source.archive else {
            continue;
        };
        let written = archive.path.as_str();
        let text = match from {
            Archives::None => continue,
            Archives::Beside(files) => match files.get(source.origin.file) {
                Some(file) => read_beside(file, written, max_bytes),
                None => continue,
            },
            Archives::Given(given) => check_written(written).and_then(|()| {
                given
                    .iter()
                    .find(|(p, _)| *p == written)
                    .map(|(_, t)| t.to_string())
                    .ok_or_else(|| format!("archive `{written}`: no such file"))
            }),
        };
        match text {
            Ok(text) => {
                log.archives[ix] = Some(Arc::new(Archive {
                    path: written.to_string(),
                    text,
                }))
            }
            Err(why) => failed.push((ix, why)),
        }
    }
    failed
}

/// Checks every quote that is neither a paraphrase nor a translation against its source's
/// archive, and a translation's `original` (rev. 3), and sets its `verification`.
pub fn verify(log: &mut Log) {
    // The quotes each archive must hold, so that each archive is prepared once.
    let mut wanted: Vec<Vec<(usize, usize)>> = vec![Vec::new(); log.sources.len()];
    for (ei, event) in log.events.iter_mut().enumerate() {
        for (qi, quote) in event.quotes.iter_mut().enumerate() {
            // A translation's `original` is the speaker's wording, checked as verbatim words are.
            let checked = quote.original.is_some() && quote.translated && !quote.paraphrase;
            quote.verification = if !checked && (quote.paraphrase || quote.translated) {
                Verification::NotChecked
            } else {
                match quote.source {
                    Some(s) if log.archives.get(s).is_some_and(Option::is_some) => {
                        wanted[s].push((ei, qi));
                        continue;
                    }
                    _ => Verification::NoArchive,
                }
            };
        }
    }
    for (s, quotes) in wanted.into_iter().enumerate() {
        if quotes.is_empty() {
            continue;
        }
        let Some(archive) = log.archives[s].clone() else {
            continue;
        };
        let index = index::Index::new(&archive.text);
        for (ei, qi) in quotes {
            let quote = &mut log.events[ei].quotes[qi];
            let words = match (&quote.original, quote.translated) {
                (Some(original), true) => original,
                _ => &quote.text,
            };
            quote.verification = matching::verify(&index, words);
        }
    }
}

/// Where words are in an archive's text, for the context view of a quote that was not
/// checked (a paraphrase often reports a sentence nearly as printed): where they are, or
/// the passage closest to them.
pub fn locate(text: &str, words: &str) -> Option<std::ops::Range<usize>> {
    matching::verify(&index::Index::new(text), words).at()
}
