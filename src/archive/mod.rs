//! Archived sources: the journalist's own copy of each publication's text, read beside the
//! log, and every verbatim quote checked against it.
//!
//! Each archive is prepared once (`index`): its words and where they are. A quote is then
//! looked up by its rarest word and compared around each place it occurs (`matching`),
//! never by scanning the whole text again for each quote.

pub(crate) mod check;
pub(crate) mod context;
mod index;
mod matching;
mod read;
mod text;
mod verification;

pub(crate) use read::check_written;
pub use read::{Stamp, Stamped};
pub use text::Archive;
pub use verification::{Fold, NotFound, Verification};

use crate::load::{Budget, WORD_BYTES};
use crate::model::{Log, SourceIx};
use std::collections::HashMap;
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

/// Reads every source's archive into `log.archives`: each file once, however many sources
/// name it (they share it), and all of them within `budget` bytes together; each file's
/// text and words are taken from the load's `memory` too. The sources whose archive could
/// not be read, and why.
pub(crate) fn read_all(
    log: &mut Log,
    from: Archives,
    max_bytes: u64,
    budget: u64,
    memory: &mut Budget,
) -> Vec<(SourceIx, String)> {
    let mut failed = Vec::new();
    log.archives = vec![None; log.sources.len()];
    log.archive_stamps.clear();
    let mut stamped = std::collections::HashSet::new();
    // Each log file's folder, opened once (or why it could not be).
    let mut folders: HashMap<usize, Result<read::Folder, String>> = HashMap::new();
    // Each file read, by what identifies it once opened (or, given, as written), with what
    // came of it.
    let mut read: HashMap<(Option<read::Key>, String), Result<Arc<Archive>, String>> =
        HashMap::new();
    // The hash of each file's bytes as read, by what identifies it.
    let mut hashes: HashMap<read::Key, u64> = HashMap::new();
    let mut total: u64 = 0;
    for (ix, source) in log.sources.iter().enumerate() {
        let Some(archive) = &source.archive else {
            continue;
        };
        let written = archive.path.as_str();
        let mut stamp_at = None;
        let opened = match from {
            Archives::None => continue,
            Archives::Beside(files) => match files.get(source.origin.file) {
                Some(file) => {
                    let folder = folders
                        .entry(source.origin.file)
                        .or_insert_with(|| read::open_folder(file));
                    let opened = read::open_in(folder, written);
                    // What was found (its bytes' hash once read): a reload compares it.
                    if stamped.insert((source.origin.file, written)) {
                        stamp_at = Some(log.archive_stamps.len());
                        log.archive_stamps.push(read::Stamped {
                            file: source.origin.file,
                            written: written.to_string(),
                            found: opened
                                .as_ref()
                                .map(read::Opened::stamp)
                                .map_err(String::clone),
                        });
                    }
                    opened.map(Some)
                }
                None => continue,
            },
            Archives::Given(_) => check_written(written).map(|()| None),
        };
        let opened = match opened {
            Ok(opened) => opened,
            Err(why) => {
                failed.push((ix, why));
                continue;
            }
        };
        let key = match &opened {
            Some(opened) => (Some(opened.key()), String::new()),
            None => (None, written.to_string()),
        };
        let result = read.entry(key.clone()).or_insert_with(|| {
            let left = budget.saturating_sub(total);
            // Its text alone must fit in what the load has left.
            let memory_left = memory.left();
            let too_big = || {
                if memory_left < max_bytes.min(left) {
                    memory_message(written, memory, None)
                } else if left < max_bytes {
                    budget_message(written, budget)
                } else {
                    format!(
                        "archive `{written}` is over the limit of {max_bytes} bytes (raise it with --max-file-size)"
                    )
                }
            };
            let text = match (from, opened) {
                (_, Some(opened)) => read::read_opened_hashed(
                    opened,
                    written,
                    max_bytes.min(left).min(memory_left),
                    too_big,
                    &mut hashes,
                ),
                (Archives::Given(given), None) => given
                    .iter()
                    .find(|(p, _)| *p == written)
                    .map(|(_, t)| t.to_string())
                    .ok_or_else(|| format!("archive `{written}`: no such file")),
                (_, None) => Err(format!("archive `{written}`: no such file")),
            }?;
            total += text.len() as u64;
            if total > budget {
                return Err(budget_message(written, budget));
            }
            // Its text is kept; its words are indexed while its quotes are checked.
            let words = index::count_words(&text) as u64;
            let cost = (text.len() as u64).saturating_add(words.saturating_mul(WORD_BYTES));
            if !memory.take(cost) {
                return Err(memory_message(written, memory, Some(cost)));
            }
            Ok(Arc::new(Archive {
                path: written.to_string(),
                text,
            }))
        });
        let hash = key.0.as_ref().and_then(|k| hashes.get(k)).copied();
        if let (Some(at), Some(hash)) = (stamp_at, hash)
            && let Ok(stamp) = &mut log.archive_stamps[at].found
        {
            stamp.hash = Some(hash);
        }
        match result {
            Ok(archive) => log.archives[ix] = Some(archive.clone()),
            Err(why) => failed.push((ix, why.clone())),
        }
    }
    failed
}

/// Whether the archives `log` was loaded with are still as its load found them (each
/// opened and read again, its bytes' hash compared): `paths` are the log's files, in the
/// order of `Log::files`.
pub fn unchanged_since(log: &Log, paths: &[PathBuf]) -> bool {
    read::all_as_stamped(&log.archive_stamps, paths)
}

/// The refusal of a file that would take the log's archives over their budget, naming it.
fn budget_message(written: &str, budget: u64) -> String {
    format!(
        "archive `{written}` takes the log's archives over their budget of {budget} bytes together (each file counted once, however many sources name it): give fewer or shorter archives, or raise it with --max-file-size"
    )
}

/// The refusal of a file that would take the load over its memory budget, naming it: what
/// the archive would take (`cost`, once read) against what the log left.
fn memory_message(written: &str, memory: &Budget, cost: Option<u64>) -> String {
    let left = crate::load::budget_size(memory.left());
    let needs = match cost {
        Some(cost) => format!(
            "this one needs {} for its text and words, and {left} were left",
            crate::load::budget_size(cost)
        ),
        None => format!("its text alone is more than the {left} left"),
    };
    format!(
        "archive `{written}` takes the load over its memory budget of {} MiB (an archive takes its text and {WORD_BYTES} bytes a word; {needs}): give a shorter archive, or fewer archives in one log",
        memory.mib()
    )
}

/// A quote: its event's index and its own among the event's quotes.
type QuoteAt = (usize, usize);

/// Checks every quote that is neither a paraphrase nor a translation against its source's
/// archive, and a translation's `original` (rev. 3), and sets its `verification`.
pub fn verify(log: &mut Log) {
    defer(log);
    for (ei, qi, v) in verdicts(log) {
        log.events[ei].quotes[qi].verification = v;
    }
}

/// Sets every quote's verification but leaves the ones to check against an archive as
/// `Checking`: the browser shows the log at once, and `verdicts` fills them in later.
pub fn defer(log: &mut Log) {
    let Log {
        events, archives, ..
    } = log;
    for quote in events.iter_mut().flat_map(|e| e.quotes.iter_mut()) {
        // A translation's `original` is the speaker's wording, checked as verbatim words are.
        let checked = quote.original.is_some() && quote.translated && !quote.paraphrase;
        quote.verification = if !checked && (quote.paraphrase || quote.translated) {
            Verification::NotChecked
        } else {
            match quote.source {
                Some(s) if archives.get(s).is_some_and(Option::is_some) => Verification::Checking,
                _ => Verification::NoArchive,
            }
        };
    }
}

/// Whether some quote waits for its check (`defer`).
pub fn pending(log: &Log) -> bool {
    log.events
        .iter()
        .flat_map(|e| &e.quotes)
        .any(|q| q.verification == Verification::Checking)
}

/// The verdict on every quote left `Checking` by `defer`, as (event, quote, verdict): the
/// work of the check, which reads the log and changes nothing, so that it can run on
/// another thread while the browser shows the log.
pub fn verdicts(log: &Log) -> Vec<(usize, usize, Verification)> {
    verdicts_while(log, || true).unwrap_or_default()
}

/// `verdicts`, given up (None) as soon as `go_on` says no, between two quotes: a check
/// for a version of the log the browser no longer shows stops rather than run to its end.
pub fn verdicts_while(
    log: &Log,
    go_on: impl Fn() -> bool,
) -> Option<Vec<(usize, usize, Verification)>> {
    // The quotes each archive must hold, so that each archive is prepared once.
    let mut wanted: Vec<Vec<QuoteAt>> = vec![Vec::new(); log.sources.len()];
    for (ei, event) in log.events.iter().enumerate() {
        for (qi, quote) in event.quotes.iter().enumerate() {
            if quote.verification == Verification::Checking
                && let Some(s) = quote.source
                && s < wanted.len()
            {
                wanted[s].push((ei, qi));
            }
        }
    }
    // Sources that share a file share its archive: prepared once for all their quotes.
    let mut by_archive: Vec<(Arc<Archive>, Vec<QuoteAt>)> = Vec::new();
    let mut seen: HashMap<*const Archive, usize> = HashMap::new();
    for (s, quotes) in wanted.into_iter().enumerate() {
        if quotes.is_empty() {
            continue;
        }
        let Some(archive) = log.archives.get(s).cloned().flatten() else {
            continue;
        };
        let at = *seen.entry(Arc::as_ptr(&archive)).or_insert_with(|| {
            by_archive.push((archive, Vec::new()));
            by_archive.len() - 1
        });
        by_archive[at].1.extend(quotes);
    }
    let mut out = Vec::new();
    for (archive, quotes) in by_archive {
        if !go_on() {
            return None;
        }
        let index = index::Index::new(&archive.text);
        for (ei, qi) in quotes {
            if !go_on() {
                return None;
            }
            let quote = &log.events[ei].quotes[qi];
            let words = match (&quote.original, quote.translated) {
                (Some(original), true) => original,
                _ => &quote.text,
            };
            out.push((ei, qi, matching::verify(&index, words)));
        }
    }
    Some(out)
}

/// Where words are in an archive's text, for the context view of a quote that was not
/// checked (a paraphrase often reports a sentence nearly as printed): where they are, or
/// the passage closest to them.
pub fn locate(text: &str, words: &str) -> Option<std::ops::Range<usize>> {
    matching::verify(&index::Index::new(text), words).at()
}

/// How `quote` fares against an archive of `text`, for tests of what the browser writes.
#[cfg(test)]
pub(crate) fn verify_in(text: &str, quote: &str) -> Verification {
    matching::verify(&index::Index::new(text), quote)
}
