//! Diagnostics: what is wrong in a log, where, and what was expected.

use std::fmt;

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

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
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
