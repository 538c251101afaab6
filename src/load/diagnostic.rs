//! Diagnostics: what is wrong in a log, where, and what was expected.

use std::fmt;

/// The lines of a file as the parser counts them, so that a diagnostic's line number finds
/// its text: a line ends at LF, CRLF or a lone CR.
pub fn source_lines(text: &str) -> Vec<&str> {
    line_spans(text).into_iter().map(|r| &text[r]).collect()
}

/// Where each line of `source_lines` starts and ends in `text`, without its line break.
pub fn line_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if bytes[i] == b'\n' && i > 0 && bytes[i - 1] == b'\r' {
            continue; // the LF of a CRLF, whose CR ended the line
        }
        lines.push(start..i);
        start = i + 1;
        if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            start += 1;
        }
    }
    if start < text.len() {
        lines.push(start..text.len());
    }
    lines
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// One finding about a log, precise enough to act on without reading our code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file's display name.
    pub file: String,
    /// 1-based line and column; 0 when the finding is about the whole file.
    pub line: usize,
    pub col: usize,
    /// Path inside the document, `events[3].actors[1]`; empty for the whole document.
    pub path: String,
    /// What was found and what was expected.
    pub message: String,
    /// A suggestion, `did you mean "hamas"?`.
    pub help: Option<String>,
}

/// What the error of a quote (or a translation's `original`) missing from its archived source
/// says: the one error that does not keep a log from opening.
pub const QUOTE_NOT_FOUND: &str = " is not in its archive `";

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// A quote not found in its archive (flagged where it shows; the log still opens).
    pub fn is_quote_not_found(&self) -> bool {
        self.is_error()
            && self.message.starts_with("the quote")
            && self.message.contains(QUOTE_NOT_FOUND)
    }
}

impl fmt::Display for Diagnostic {
    /// `file:line:col: error: events[3].actors[1]: message (did you mean "x"?)`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.col > 0 {
                write!(f, ":{}", self.col)?;
            }
        }
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {sev}: ")?;
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        write!(f, "{}", self.message)?;
        if let Some(help) = &self.help {
            write!(f, " ({})", help.replace('\n', "; "))?;
        }
        Ok(())
    }
}

/// Why a log could not be opened: every error, and the warnings found on the way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    pub fn error_count(&self) -> usize {
        self.errors().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_where_the_parser_ends_them() {
        assert_eq!(source_lines("a\nb\r\nc\rd"), ["a", "b", "c", "d"]);
        assert_eq!(source_lines("a\n\nb\n"), ["a", "", "b"]);
        assert_eq!(source_lines("x\u{85}y\u{2028}z\n"), ["x\u{85}y\u{2028}z"]);
        assert!(source_lines("").is_empty());
    }
}
