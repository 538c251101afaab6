//! Diagnostics rendered as a compiler shows them, with the source line and a caret: for
//! `check` (in colour on a terminal) and for the browser's error page (plain).

use crate::color_policy::ColorMode;
use crate::load::{Diagnostic, Severity};
use crate::sanitize::sanitize;
use anstyle::{AnsiColor, Style};
use std::collections::{BTreeSet, HashMap};
use unicode_width::UnicodeWidthStr;

/// The lines of one file that diagnostics point into, and only those: a file at the size
/// limit has millions of lines, and the model is still in memory while they are shown.
struct SourceLines {
    lines: HashMap<usize, String>,
}

/// How much of a file is read at a time for its lines.
const PIECE: usize = 64 * 1024;

impl SourceLines {
    /// Lines `wanted` (1-based, as the parser counts them) of `text`.
    fn of(text: &str, wanted: &BTreeSet<usize>) -> SourceLines {
        SourceLines::read_from(text.as_bytes(), wanted, PIECE).unwrap_or(SourceLines {
            lines: HashMap::new(),
        })
    }

    /// Lines `wanted` of the file at `path`, if it is a regular file and can be read within
    /// the size limit. Read a piece at a time, up to the last line wanted: the file is not
    /// held whole beside the log (57 MB at 100k events).
    fn read(path: &str, max_bytes: u64, wanted: &BTreeSet<usize>) -> Option<SourceLines> {
        let (file, _) = super::open_regular(std::path::Path::new(path)).ok()?;
        SourceLines::read_from(std::io::Read::take(file, max_bytes), wanted, PIECE)
    }

    /// The lines `wanted` of what `reader` gives, read `piece` bytes at a time up to the
    /// last line wanted; a line ends at LF, CR or CRLF, and invalid UTF-8 in it is replaced.
    fn read_from(
        mut reader: impl std::io::Read,
        wanted: &BTreeSet<usize>,
        piece: usize,
    ) -> Option<SourceLines> {
        let last = wanted.last().copied().unwrap_or(0);
        let mut lines = HashMap::new();
        let mut buf = vec![0; piece.max(1)];
        // Line `n`'s bytes so far, when it is wanted.
        let mut line: Vec<u8> = Vec::new();
        let mut n = 1;
        // The piece before ended with a CR: a LF now belongs to that line break.
        let mut after_cr = false;
        while n <= last {
            let got = match reader.read(&mut buf) {
                Ok(0) => break,
                Ok(got) => got,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => return None,
            };
            let piece = &buf[..got];
            let skip = usize::from(after_cr && piece[0] == b'\n');
            after_cr = false;
            let mut start = skip;
            for at in memchr::memchr2_iter(b'\n', b'\r', &piece[skip..]) {
                let i = skip + at;
                if piece[i] == b'\n' && i > skip && piece[i - 1] == b'\r' {
                    continue; // the LF of a CRLF, whose CR ended the line
                }
                if wanted.contains(&n) {
                    line.extend_from_slice(&piece[start..i]);
                    lines.insert(n, String::from_utf8_lossy(&line).into_owned());
                    line.clear();
                }
                n += 1;
                start = i + 1;
                if piece[i] == b'\r' {
                    match piece.get(i + 1) {
                        Some(b'\n') => start += 1,
                        Some(_) => {}
                        None => after_cr = true,
                    }
                }
                if n > last {
                    break;
                }
            }
            if n <= last && wanted.contains(&n) {
                line.extend_from_slice(&piece[start.min(got)..]);
            }
        }
        if n <= last && !line.is_empty() {
            lines.insert(n, String::from_utf8_lossy(&line).into_owned());
        }
        Some(SourceLines { lines })
    }

    /// Line `n` (1-based), without its line break.
    fn line(&self, n: usize) -> Option<&str> {
        self.lines.get(&n).map(String::as_str)
    }
}

/// Every diagnostic rendered, each file read once (within `max_bytes`) and only for
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
    let mut wanted: HashMap<&str, BTreeSet<usize>> = HashMap::new();
    for d in diags.iter().filter(|d| d.line > 0) {
        wanted.entry(d.file.as_str()).or_default().insert(d.line);
    }
    let mut sources: HashMap<&str, Option<SourceLines>> = HashMap::new();
    for (file, lines) in &wanted {
        let found = match given.iter().find(|(name, _)| name == file) {
            Some((_, text)) => Some(SourceLines::of(text, lines)),
            None => SourceLines::read(file, max_bytes, lines),
        };
        sources.insert(file, found);
    }
    let mut s = String::new();
    for d in diags {
        let line = if d.line > 0 {
            sources
                .get(d.file.as_str())
                .and_then(Option::as_ref)
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

#[cfg(test)]
mod source_line_tests {
    use super::*;

    #[test]
    fn only_the_lines_asked_for_are_kept_counted_as_the_parser_counts_them() {
        let text = "one\r\ntwo\rthree\n\nfive é\nsix";
        let all = super::super::line_spans(text);
        let wanted: BTreeSet<usize> = [2, 3, 4, 5, 6, 9].into();
        let lines = SourceLines::of(text, &wanted);
        for n in [2, 3, 4, 5, 6] {
            assert_eq!(lines.line(n), Some(&text[all[n - 1].clone()]), "line {n}");
        }
        assert_eq!(lines.line(1), None, "not asked for");
        assert_eq!(lines.line(9), None, "past the end");
        assert_eq!(lines.lines.len(), 5);
    }

    #[test]
    fn a_file_read_a_piece_at_a_time_gives_the_lines_of_the_whole_text() {
        let texts = [
            "one\r\ntwo\rthree\n\nfive \u{e9}\nsix",
            "\r\n\r\r\n\n\u{5d0}\u{5d1}\r\nend\r",
            "a\nb\n",
            "",
        ];
        let mut bytes_with_invalid = b"ok\nbad \xff\xfe here\r\n\xe2\x82 cut\nlast".to_vec();
        bytes_with_invalid.extend_from_slice(b"\n");
        let wanted: BTreeSet<usize> = (1..=9).collect();
        for text in texts {
            let whole = SourceLines::of(text, &wanted);
            for piece in 1..8 {
                let read = SourceLines::read_from(text.as_bytes(), &wanted, piece).unwrap();
                assert_eq!(read.lines, whole.lines, "{text:?} in pieces of {piece}");
            }
        }
        let lossy = String::from_utf8_lossy(&bytes_with_invalid).into_owned();
        let whole = SourceLines::of(&lossy, &wanted);
        for piece in 1..8 {
            let read = SourceLines::read_from(&bytes_with_invalid[..], &wanted, piece).unwrap();
            assert_eq!(read.lines, whole.lines, "pieces of {piece}");
        }
        let some: BTreeSet<usize> = [2, 4].into();
        let read = SourceLines::read_from(texts[0].as_bytes(), &some, 3).unwrap();
        assert_eq!(read.lines, SourceLines::of(texts[0], &some).lines);
    }
}
