//! `dateline check FILE...`: diagnostics in the style of a compiler, each with the source
//! line and a caret, then one summary line per file. Exit 1 when any file has an error.

use super::EXIT_INVALID;
use crate::load::{self, Diagnostic, Limits, Severity};
use crate::text::sanitize;
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

pub fn run(files: &[PathBuf], limits: &Limits) -> ExitCode {
    let color = std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut out = std::io::stdout().lock();
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
        let name = sanitize(&name);
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

/// A file's text and where each line starts, so that each of many diagnostics finds its
/// line at once (a scan per diagnostic made a big file with many errors take minutes).
struct SourceLines {
    text: String,
    /// Each line's start and end in `text`, without its line break.
    spans: Vec<std::ops::Range<usize>>,
}

impl SourceLines {
    /// The file as text, if it can be read within the size limit.
    fn read(path: &str, max_bytes: u64) -> Option<SourceLines> {
        let (file, _) = load::open_regular(std::path::Path::new(path)).ok()?;
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::Read::take(file, max_bytes), &mut bytes).ok()?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let spans = load::line_spans(&text);
        Some(SourceLines { text, spans })
    }

    /// Line `n` (1-based), without its line break.
    fn line(&self, n: usize) -> Option<&str> {
        let span = self.spans.get(n.checked_sub(1)?)?;
        Some(&self.text[span.clone()])
    }
}

/// Every diagnostic rendered, each file's lines read once (within `max_bytes`) and only for
/// diagnostics that point into it: a file refused as a whole (too big, missing) is not read
/// again.
pub fn render_all(diags: &[Diagnostic], max_bytes: u64, color: bool) -> String {
    let mut sources: HashMap<String, Option<SourceLines>> = HashMap::new();
    let mut s = String::new();
    for d in diags {
        let line = if d.line > 0 {
            sources
                .entry(d.file.clone())
                .or_insert_with(|| SourceLines::read(&d.file, max_bytes))
                .as_ref()
                .and_then(|s| s.line(d.line))
        } else {
            None
        };
        s += &render(d, line, color);
    }
    s
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
/// `line` is the source line the diagnostic points into, when it can be shown.
pub fn render(d: &Diagnostic, line: Option<&str>, color: bool) -> String {
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
    let line_text = line.filter(|_| d.line > 0);
    let gutter = if line_text.is_some() {
        d.line.to_string().len()
    } else {
        1
    };
    let pad = " ".repeat(gutter);
    s += &format!("{pad}{} {}\n", paint("1;34", "-->"), sanitize(&place));
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
