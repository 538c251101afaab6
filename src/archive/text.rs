//! A source's archived text: the journalist's own copy of what the publication printed.

use std::fmt;

/// The text of one archive, as read from its file (Markdown reduced to the words a reader
/// sees). Quotes are checked against it and shown in it.
#[derive(Clone, PartialEq, Eq)]
pub struct Archive {
    /// The path as written in the log (relative to the log's folder).
    pub(crate) path: String,
    pub text: String,
}

impl fmt::Debug for Archive {
    // The text can be long: a debug print names the file and its size.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Archive({:?}, {} bytes)", self.path, self.text.len())
    }
}
