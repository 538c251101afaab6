//! The archives of a resolved log, read and every verbatim quote checked against them; what
//! went wrong as diagnostics at the lines the writer must fix.

use crate::archive::{self, Archives, context::line_of};
use crate::load::{Budget, Diagnostic, Limits, Severity};
use crate::model::{Log, Verification};

/// Reads the archives (an unreadable one is an error at its `archive:` line, in
/// `diagnostics`) and checks the quotes, or with `later` leaves them `Checking` (the browser
/// checks them in the background). Returns the quotes' diagnostics: a warning for a quote
/// found only with typography folded, an error for one not found.
pub(crate) fn check_archives(
    log: &mut Log,
    from: Archives,
    limits: &Limits,
    memory: &mut Budget,
    diagnostics: &mut Vec<Diagnostic>,
    later: bool,
) -> Vec<Diagnostic> {
    // The archives together within the same bound as any one file.
    let budget = limits.max_file_bytes;
    for (s, why) in archive::read_all(log, from, limits.max_file_bytes, budget, memory) {
        let source = &log.sources[s];
        let place = source.archive.as_ref();
        diagnostics.push(Diagnostic {
            severity: Severity::Error,
            file: log.files[source.origin.file].clone(),
            line: place.map_or(source.origin.line, |a| a.line),
            col: place.map_or(0, |a| a.col),
            path: String::new(),
            message: why,
            help: None,
        });
    }
    if later {
        archive::defer(log);
        return Vec::new();
    }
    archive::verify(log);
    quote_diagnostics(log)
}

/// The diagnostics of the quotes checked: a warning for a quote found only with typography
/// folded, an error for one not found.
pub fn quote_diagnostics(log: &Log) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for event in &log.events {
        for quote in &event.quotes {
            let archive = match quote.source.and_then(|s| log.archives[s].as_ref()) {
                Some(a) => a,
                None => continue,
            };
            // For a translation, what was checked is its `original` wording.
            let what = if quote.translated && quote.original.is_some() {
                "the quote's `original`"
            } else {
                "the quote"
            };
            let (severity, message, help) = match &quote.verification {
                Verification::Folded { .. } => (
                    Severity::Warning,
                    format!(
                        "{what} is in its archive `{}` only once typography is folded: {}",
                        archive.path,
                        folds_named(&quote.verification)
                    ),
                    Some("write the characters as the publication printed them".to_string()),
                ),
                Verification::NotFound(n) => match &n.closest {
                    Some(at) => (
                        Severity::Error,
                        format!(
                            "{what} is not in its archive `{}`: the closest passage differs",
                            archive.path
                        ),
                        Some(format!(
                            "log:     {}\narchive: {}\nclosest passage (line {} of {}): {}",
                            n.log,
                            n.archive,
                            line_of(&archive.text, at.start),
                            archive.path,
                            passage(&archive.text[at.clone()])
                        )),
                    ),
                    None if n.too_repetitive => (
                        Severity::Error,
                        format!(
                            "the quote is not in its archive `{}`: not found ({})",
                            archive.path,
                            quote.verification.detail().unwrap_or_default()
                        ),
                        Some("check the quote against the archive by hand".to_string()),
                    ),
                    None => (
                        Severity::Error,
                        format!(
                            "{what} is not in its archive `{}`: none of its words is there",
                            archive.path
                        ),
                        Some("check the quote's `source`".to_string()),
                    ),
                },
                _ => continue,
            };
            out.push(Diagnostic {
                severity,
                file: log.files[quote.origin.file].clone(),
                line: quote.origin.line,
                col: 0,
                path: String::new(),
                message,
                help,
            });
        }
    }
    out
}

/// A passage on one line, whitespace runs as single spaces, cut at about 300 characters.
fn passage(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(300) {
        Some((i, _)) => format!("{}…", &one_line[..i]),
        None => one_line,
    }
}

/// "`’` in the archive, `'` in the log", the characters marked off from the words.
fn folds_named(v: &Verification) -> String {
    match v {
        Verification::Folded { folds, .. } => folds
            .iter()
            .map(|f| format!("`{}` in the archive, `{}` in the log", f.archive, f.log))
            .collect::<Vec<_>>()
            .join("; "),
        _ => String::new(),
    }
}
