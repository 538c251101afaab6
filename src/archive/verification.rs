//! Whether a quote's words are in its source's archive.

use std::ops::Range;

/// The verdict on one quote, found when the log is loaded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Verification {
    /// Found as written, where any run of whitespace matches any other; `at` is the byte
    /// range of the archive's text that holds it.
    Verified { at: Range<usize> },
    /// Found only once typographic quotes, apostrophes and dashes are folded to plain ones.
    Folded { at: Range<usize>, folds: Vec<Fold> },
    /// Not in the archive: the closest passage and the words that differ.
    NotFound(Box<NotFound>),
    /// A paraphrase or a translation: not the speaker's wording, so not looked for.
    NotChecked,
    /// The quote's source has no archive, or the quote has no source.
    #[default]
    NoArchive,
    /// To be checked against its archive, and not yet: the browser shows the log at once
    /// and checks its quotes in the background.
    Checking,
}

/// A character the archive and the log write differently, the same once folded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fold {
    pub archive: char,
    pub log: char,
}

/// Where a quote that is not in its archive comes closest to it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NotFound {
    /// The closest passage, as a byte range of the archive's text (None when no word of the
    /// quote is in the archive).
    pub closest: Option<Range<usize>>,
    /// The words that differ with a word of context, as the log has them and as the
    /// archive has them: "will never interfere" / "will not interfere".
    pub log: String,
    pub archive: String,
    /// The search for the closest passage was given up: the archive repeats the quote's
    /// words too often to look at every place they occur in bounded time.
    pub too_repetitive: bool,
}

/// Why a quote not found has no closest passage, when the search was given up.
pub(crate) const REPETITIVE: &str = "closest passage not computed: archive too repetitive";

impl Verification {
    /// The name scripts see: `verified`, `folded`, `not-found`, `not-checked`, `no-archive`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Verification::Verified { .. } => "verified",
            Verification::Folded { .. } => "folded",
            Verification::NotFound(_) => "not-found",
            Verification::NotChecked => "not-checked",
            Verification::NoArchive => "no-archive",
            Verification::Checking => "checking",
        }
    }

    /// Not found in its archive: flagged wherever the quote is shown, listed or copied.
    pub(crate) fn is_flagged(&self) -> bool {
        matches!(self, Verification::NotFound(_))
    }

    /// Where the quote (or, when not found, the closest passage) is in the archive.
    pub(crate) fn at(&self) -> Option<Range<usize>> {
        match self {
            Verification::Verified { at } | Verification::Folded { at, .. } => Some(at.clone()),
            Verification::NotFound(n) => n.closest.clone(),
            _ => None,
        }
    }

    /// What differs, for a folded or not-found quote: "’ in the archive, ' in the log";
    /// "log: will never interfere / archive: will not interfere".
    pub(crate) fn detail(&self) -> Option<String> {
        match self {
            Verification::Folded { folds, .. } => Some(
                folds
                    .iter()
                    .map(|f| format!("{} in the archive, {} in the log", f.archive, f.log))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            Verification::NotFound(n) if n.closest.is_some() => {
                Some(format!("log: {} / archive: {}", n.log, n.archive))
            }
            Verification::NotFound(n) if n.too_repetitive => Some(REPETITIVE.into()),
            Verification::NotFound(_) => Some("no passage of the archive is close".into()),
            _ => None,
        }
    }
}
