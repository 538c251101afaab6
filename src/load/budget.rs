//! One memory budget per load, shared by everything the load keeps: every file of the log
//! (its YAML values and list items), the archives it reads (their text and words), and for
//! `import` the values kept. It is passed down, one object, rather than each part counting
//! on its own: ten files each within the limits can no longer add up to ten budgets.

use super::Limits;
use super::document::Document;

/// What one kept item (an event, a quote, a list item: a topic, an actor named, an alias,
/// ...) costs at most besides its text, as measured on the shapes that cost the most per
/// byte of input: ten million topics in 20 MB took 1.1 GB (about 110 bytes each).
pub const ITEM_BYTES: u64 = 128;

/// What one word of an archive costs while the archive is indexed, besides its text: its
/// place (16 bytes) and its key and position in the sorted index (16 bytes), and up to 16
/// more where the list of places grew by doubling (a 100 MB archive of 14.1M words peaked at
/// 32 bytes a word more than its text and the program; docs/PERFORMANCE.md).
pub const WORD_BYTES: u64 = 48;

/// The memory one load may still take, in bytes.
#[derive(Debug)]
pub struct Budget {
    total: u64,
    used: u64,
}

impl Budget {
    /// A load's budget: `limits.memory_budget`.
    pub fn new(limits: &Limits) -> Budget {
        Budget {
            total: limits.memory_budget,
            used: 0,
        }
    }

    /// A budget of `n` items at `ITEM_BYTES` each (`usize::MAX`: no bound), for readers
    /// used on their own.
    pub fn of_items(n: usize) -> Budget {
        Budget {
            total: (n as u64).saturating_mul(ITEM_BYTES),
            used: 0,
        }
    }

    /// The whole budget, in items at `ITEM_BYTES` each.
    pub fn items(&self) -> u64 {
        self.total / ITEM_BYTES
    }

    /// The whole budget, in MiB, as messages name it.
    pub fn mib(&self) -> u64 {
        self.total >> 20
    }

    /// Bytes not yet taken.
    pub fn left(&self) -> u64 {
        self.total - self.used
    }

    /// Takes `bytes` if they fit (and then says true); else takes nothing.
    pub fn take(&mut self, bytes: u64) -> bool {
        if bytes > self.left() {
            return false;
        }
        self.used += bytes;
        true
    }

    /// Takes `n` items at `ITEM_BYTES` each, if they fit.
    pub fn take_items(&mut self, n: usize) -> bool {
        self.take((n as u64).saturating_mul(ITEM_BYTES))
    }

    /// The limits to read the next file of the load with: its counts (YAML values, list
    /// items) are what the budget has left, not a whole budget again.
    pub(crate) fn file_limits(&self, limits: &Limits) -> Limits {
        Limits {
            memory_budget: self.left(),
            ..*limits
        }
    }

    /// The refusal of a log file that takes the load over its budget.
    pub(crate) fn files_over(&self) -> String {
        format!(
            "the log's files together take more than the memory budget of one load ({} MiB: each file's text, and {ITEM_BYTES} bytes for each event, quote and list item it holds); this file takes it past: split the log into fewer files per load",
            self.mib()
        )
    }
}

/// A size as messages give it: in MiB, or in KiB below one MiB.
pub(crate) fn size(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{} MiB", bytes >> 20)
    } else {
        format!("{} KiB", bytes >> 10)
    }
}

/// The items a file's document keeps, for the budget: every party, actor, source, event and
/// quote, and every item of their lists.
pub(crate) fn items(doc: &Document) -> usize {
    let mut n = doc.parties.len() + doc.actors.len() + doc.sources.len() + doc.events.len();
    n += doc.actors.iter().map(|a| a.aliases.len()).sum::<usize>();
    n += doc.sources.iter().map(|s| s.byline.len()).sum::<usize>();
    for e in &doc.events {
        n += e.actors.len()
            + e.parties.len()
            + e.topics.len()
            + e.sources.len()
            + e.related.len()
            + e.quotes.len();
        n += e.quotes.iter().map(|q| q.parties.len()).sum::<usize>();
    }
    n
}
