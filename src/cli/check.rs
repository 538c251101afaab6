//! `dateline check FILE...`: diagnostics in the style of a compiler, each with the source
//! line and a caret, then one summary line per file. Exit 1 when any file has an error.

use super::EXIT_INVALID;
use crate::color_policy::ColorMode;
use crate::load::{self, Diagnostic, Limits, render_all};
use crate::model::{Log, Verification};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub(crate) fn run(files: &[PathBuf], limits: &Limits) -> ExitCode {
    let color = ColorMode::for_stream(&std::io::stdout());
    let mut out = color.writer(std::io::stdout().lock());
    // The files are checked together, as the browser would open them: one log.
    let (paths, result) = match load::expand_paths(files) {
        Ok(paths) => {
            let result = load::load_paths(&paths, limits);
            (paths, result)
        }
        Err(report) => (files.to_vec(), Err(report)),
    };
    let (log, diags) = match result {
        Ok(loaded) => (Some(loaded.log), loaded.warnings),
        Err(report) => (None, report.diagnostics),
    };
    let _ = write!(out, "{}", render_all(&diags, limits.max_file_bytes, color));
    for (fi, path) in paths.iter().enumerate() {
        let name = path.display().to_string();
        let mine = diags.iter().filter(|d| d.file == name);
        // A file name is text from outside too: it could clear the screen or forge a line.
        let name = crate::sanitize::sanitize(&name);
        let errors = mine.clone().filter(|d| d.is_error()).count();
        let warnings = mine.count() - errors;
        let warned = match warnings {
            0 => String::new(),
            n => format!(", {}", plural(n, "warning")),
        };
        let line = match &log {
            Some(log) => {
                let events: Vec<_> = log.events.iter().filter(|e| e.origin.file == fi).collect();
                // A party or actor declared alike in several files counts in each.
                // Quotes not found in their archives are errors in a log that opens.
                let verdict = match errors {
                    0 => "ok".to_string(),
                    n => plural(n, "error"),
                };
                format!(
                    "{name}: {}, {}, {}, {}: {verdict}{warned}",
                    plural(events.len(), "event"),
                    plural(
                        (0..log.actors.len())
                            .filter(|&a| log.actor_in_file(a, fi))
                            .count(),
                        "actor"
                    ),
                    plural_y(
                        (0..log.parties.len())
                            .filter(|&p| log.party_in_file(p, fi))
                            .count(),
                        "part"
                    ),
                    plural(
                        events.iter().map(|e| e.quotes.len()).sum::<usize>(),
                        "quote"
                    ),
                )
            }
            None if errors == 0 => {
                format!("{name}: no errors here{warned}, but the log it belongs to has errors")
            }
            None => format!("{name}: {}{warned}", plural(errors, "error")),
        };
        let _ = writeln!(out, "{line}");
    }
    if let Some(log) = &log
        && let Some(line) = verification_line(log)
    {
        let _ = writeln!(out, "{line}");
    }
    let code = if log.is_some() && !diags.iter().any(Diagnostic::is_error) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_INVALID)
    };
    // The process ends here: freeing a large log item by item would only delay the exit
    // (its memory goes back with the process).
    std::mem::forget(log);
    code
}

/// How the log's quotes fared against their archives: "22 quotes: 20 verified, 1 folded,
/// 1 not checked (paraphrase)". None for a log without quotes or without archives.
fn verification_line(log: &Log) -> Option<String> {
    // A log that archives none of its sources has nothing to say here.
    if log.archives.iter().all(Option::is_none) {
        return None;
    }
    let mut counts = [0usize; 6];
    for q in log.events.iter().flat_map(|e| &e.quotes) {
        counts[match &q.verification {
            Verification::Verified { .. } => 0,
            Verification::Folded { .. } => 1,
            Verification::NotFound(_) => 2,
            Verification::NotChecked if q.paraphrase => 3,
            Verification::NotChecked => 4,
            // Never in `check`, which checks every quote before it reports.
            Verification::NoArchive | Verification::Checking => 5,
        }] += 1;
    }
    let total: usize = counts.iter().sum();
    if total == 0 {
        return None;
    }
    let names = [
        "verified",
        "folded",
        "not found",
        "not checked (paraphrase)",
        "not checked (translated)",
        "without an archive",
    ];
    let parts: Vec<String> = counts
        .iter()
        .zip(names)
        .filter(|(n, _)| **n > 0)
        .map(|(n, name)| format!("{n} {name}"))
        .collect();
    Some(format!("{}: {}", plural(total, "quote"), parts.join(", ")))
}

/// `1 party`, `5 parties`.
fn plural_y(n: usize, stem: &str) -> String {
    if n == 1 {
        format!("1 {stem}y")
    } else {
        format!("{n} {stem}ies")
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
