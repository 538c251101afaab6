//! `dateline check FILE...`: diagnostics in the style of a compiler, each with the source
//! line and a caret, then one summary line per file. Exit 1 when any file has an error.

use super::EXIT_INVALID;
use crate::load::{self, Diagnostic, Limits, Severity};
use crate::text::sanitize;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

pub fn run(files: &[PathBuf], limits: &Limits) -> ExitCode {
    let color = std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut out = std::io::stdout().lock();
    let mut failed = false;
    for path in files {
        let name = path.display().to_string();
        let (diags, summary) = match load::load_path(path, limits) {
            Ok(loaded) => {
                let log = &loaded.log;
                let warnings = match loaded.warnings.len() {
                    0 => String::new(),
                    1 => ", 1 warning".into(),
                    n => format!(", {n} warnings"),
                };
                let summary = format!(
                    "{name}: {} events, {} actors, {} parties, {} quotes: ok{warnings}",
                    log.events.len(),
                    log.actors.len(),
                    log.parties.len(),
                    log.quote_count()
                );
                (loaded.warnings, summary)
            }
            Err(report) => {
                failed = true;
                let errors = report.error_count();
                let warnings = report.diagnostics.len() - errors;
                let summary = format!(
                    "{name}: {}{}",
                    plural(errors, "error"),
                    if warnings > 0 {
                        format!(", {}", plural(warnings, "warning"))
                    } else {
                        String::new()
                    }
                );
                (report.diagnostics, summary)
            }
        };
        // The source lines, only when a diagnostic points into the file: a file refused
        // as a whole (too big, a directory, missing) is not read again.
        let source = diags
            .iter()
            .any(|d| d.line > 0)
            .then(|| read_within(path, limits.max_file_bytes))
            .flatten();
        for d in &diags {
            let _ = write!(out, "{}", render(d, source.as_deref(), color));
        }
        let _ = writeln!(out, "{summary}");
    }
    if failed {
        ExitCode::from(EXIT_INVALID)
    } else {
        ExitCode::SUCCESS
    }
}

/// The file as text, if it can be read within the size limit.
fn read_within(path: &std::path::Path, max_bytes: u64) -> Option<String> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(std::fs::File::open(path).ok()?, max_bytes),
        &mut bytes,
    )
    .ok()?;
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// One diagnostic as a compiler would show it:
///
/// ```text
/// error: unknown key `titel` in an event, expected one of ...
///   --> log.yaml:12:5 (events[3].titel)
///    |
/// 12 |     titel: Talks resume
///    |     ^
///    = help: did you mean "title"?
/// ```
pub fn render(d: &Diagnostic, source: Option<&str>, color: bool) -> String {
    let paint = |code: &str, s: &str| {
        if color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    let (label, code) = match d.severity {
        Severity::Error => ("error", "1;31"),
        Severity::Warning => ("warning", "1;33"),
    };
    let mut s = format!("{}: {}\n", paint(code, label), sanitize(&d.message));
    let mut place = d.file.clone();
    if d.line > 0 {
        place += &format!(":{}", d.line);
        if d.col > 0 {
            place += &format!(":{}", d.col);
        }
    }
    if !d.path.is_empty() {
        place += &format!(" ({})", d.path);
    }
    let line_text = source
        .filter(|_| d.line > 0)
        .and_then(|src| src.lines().nth(d.line - 1));
    let gutter = if line_text.is_some() {
        d.line.to_string().len()
    } else {
        1
    };
    let pad = " ".repeat(gutter);
    s += &format!("{pad}{} {place}\n", paint("1;34", "-->"));
    if let Some(text) = line_text {
        let bar = paint("1;34", "|");
        let shown: String = text.chars().take(200).collect();
        let prefix: String = text.chars().take(d.col.saturating_sub(1)).collect();
        let caret_at = UnicodeWidthStr::width(sanitize(&prefix).as_ref());
        s += &format!("{pad} {bar}\n");
        s += &format!(
            "{} {bar} {}\n",
            paint("1;34", &d.line.to_string()),
            sanitize(&shown)
        );
        if d.col > 0 && caret_at <= 200 {
            s += &format!("{pad} {bar} {}{}\n", " ".repeat(caret_at), paint(code, "^"));
        }
    }
    if let Some(help) = &d.help {
        s += &format!("{pad} = help: {}\n", sanitize(help));
    }
    s
}
