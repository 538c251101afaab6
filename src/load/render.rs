//! Diagnostics rendered as a compiler shows them, with the source line and a caret: for
//! `check` (in colour on a terminal) and for the browser's error page (plain).

use crate::color_policy::ColorMode;
use crate::load::{Diagnostic, Severity};
use crate::sanitize::sanitize;
use anstyle::{AnsiColor, Style};
use std::collections::HashMap;
use unicode_width::UnicodeWidthStr;

/// A file's text and where each line starts, so that each of many diagnostics finds its
/// line at once (a scan per diagnostic made a big file with many errors take minutes).
struct SourceLines {
    text: String,
    /// Each line's start and end in `text`, without its line break.
    spans: Vec<std::ops::Range<usize>>,
}

impl SourceLines {
    /// The file as text, if it is a regular file and can be read within the size limit.
    fn read(path: &str, max_bytes: u64) -> Option<SourceLines> {
        let (file, _) = super::open_regular(std::path::Path::new(path)).ok()?;
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::Read::take(file, max_bytes), &mut bytes).ok()?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let spans = super::line_spans(&text);
        Some(SourceLines { text, spans })
    }

    /// Line `n` (1-based) as the parser counts lines, without its line break.
    fn line(&self, n: usize) -> Option<&str> {
        let span = self.spans.get(n.checked_sub(1)?)?;
        Some(&self.text[span.clone()])
    }
}

/// Every diagnostic rendered, each file's lines read once (within `max_bytes`) and only for
/// diagnostics that point into it: a file refused as a whole (too big, missing) is not read
/// again.
pub(crate) fn render_all(diags: &[Diagnostic], max_bytes: u64, color: ColorMode) -> String {
    render_all_over(diags, &[], max_bytes, color)
}

/// `render_all`, with the text of some files given instead of read (a change refused before
/// it was written: its lines are those of the text that was checked).
pub(crate) fn render_all_over(
    diags: &[Diagnostic],
    given: &[(&str, &str)],
    max_bytes: u64,
    color: ColorMode,
) -> String {
    let mut sources: HashMap<String, Option<SourceLines>> = given
        .iter()
        .map(|(name, text)| {
            let lines = SourceLines {
                text: text.to_string(),
                spans: super::line_spans(text),
            };
            (name.to_string(), Some(lines))
        })
        .collect();
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
pub(crate) fn render(d: &Diagnostic, line: Option<&str>, color: ColorMode) -> String {
    let paint = |style: Style, s: &str| {
        let style = color.style(style);
        if color == ColorMode::None {
            s.to_string()
        } else {
            format!("{style}{s}{style:#}")
        }
    };
    let bold = |c: AnsiColor| Style::new().bold().fg_color(Some(c.into()));
    let (label, code) = match d.severity {
        Severity::Error => ("error", bold(AnsiColor::Red)),
        Severity::Warning => ("warning", bold(AnsiColor::Yellow)),
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
    s += &format!(
        "{pad}{} {}\n",
        paint(bold(AnsiColor::Blue), "-->"),
        sanitize(&place)
    );
    if let Some(text) = line_text {
        let bar = paint(bold(AnsiColor::Blue), "|");
        let shown: String = text.chars().take(200).collect();
        let prefix: String = text.chars().take(d.col.saturating_sub(1)).collect();
        let caret_at = UnicodeWidthStr::width(sanitize(&prefix).as_ref());
        s += &format!("{pad} {bar}\n");
        s += &format!(
            "{} {bar} {}\n",
            paint(bold(AnsiColor::Blue), &d.line.to_string()),
            sanitize(&shown)
        );
        if d.col > 0 && caret_at <= 200 {
            s += &format!("{pad} {bar} {}{}\n", " ".repeat(caret_at), paint(code, "^"));
        }
    }
    if let Some(help) = &d.help {
        // A help of several lines (a quote and its closest passage) keeps its lines, each
        // under the first.
        let mut lines = help.lines();
        s += &format!(
            "{pad} = help: {}\n",
            sanitize(lines.next().unwrap_or_default())
        );
        for more in lines {
            s += &format!("{pad}         {}\n", sanitize(more));
        }
    }
    s
}
