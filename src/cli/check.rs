//! `dateline check FILE...`: diagnostics in the style of a compiler, each with the source
//! line and a caret, then one summary line per file. Exit 1 when any file has an error.

use super::EXIT_INVALID;
use crate::color::ColorMode;
use crate::load::{self, Limits, render_all};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(files: &[PathBuf], limits: &Limits) -> ExitCode {
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
        let errors = mine.clone().filter(|d| d.is_error()).count();
        let warnings = mine.count() - errors;
        let warned = match warnings {
            0 => String::new(),
            n => format!(", {}", plural(n, "warning")),
        };
        let line = match &log {
            Some(log) => {
                let events: Vec<_> = log.events.iter().filter(|e| e.origin.file == fi).collect();
                // Parties, actors and sources shared by several files count in the first.
                format!(
                    "{name}: {}, {}, {}, {}: ok{warned}",
                    plural(events.len(), "event"),
                    plural(
                        log.actors.iter().filter(|a| a.origin.file == fi).count(),
                        "actor"
                    ),
                    plural_y(
                        log.parties.iter().filter(|p| p.origin.file == fi).count(),
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
    if log.is_some() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_INVALID)
    }
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
