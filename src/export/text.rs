//! `list --format text`: one event per line in aligned columns (date at its precision,
//! kind, status, title, parties), coloured only when the caller says the output is a
//! terminal that wants colour. Every log string is sanitised; widths are display widths,
//! so CJK and emoji keep the columns straight.

use crate::export::phrases::{status_word, when};
use crate::model::{Color, EventIx, Kind, Log, NamedColor, Status};
use crate::text::sanitize;
use unicode_width::UnicodeWidthStr;

const RESET: &str = "\x1b[0m";

/// SGR foreground code for a colour of the log.
fn sgr(c: Color) -> String {
    let code = |n: NamedColor| match n {
        NamedColor::Red => "31",
        NamedColor::Green => "32",
        NamedColor::Yellow => "33",
        NamedColor::Blue => "34",
        NamedColor::Magenta => "35",
        NamedColor::Cyan => "36",
        NamedColor::Gray => "37",
        NamedColor::LightRed => "91",
        NamedColor::LightGreen => "92",
        NamedColor::LightYellow => "93",
        NamedColor::LightBlue => "94",
        NamedColor::LightMagenta => "95",
        NamedColor::LightCyan => "96",
        NamedColor::LightGray => "97",
    };
    match c {
        Color::Rgb(r, g, b) => format!("\x1b[38;2;{r};{g};{b}m"),
        Color::Named(n) => format!("\x1b[{}m", code(n)),
    }
}

/// 16-colour codes, so that every terminal shows them.
fn kind_sgr(k: Kind) -> &'static str {
    match k {
        Kind::Meeting => "\x1b[36m",
        Kind::Call => "\x1b[34m",
        Kind::Statement => "\x1b[37m",
        Kind::Proposal => "\x1b[32m",
        Kind::Response => "\x1b[92m",
        Kind::Agreement => "\x1b[1;32m",
        Kind::Travel => "\x1b[35m",
        Kind::Development => "\x1b[33m",
    }
}

fn status_sgr(s: Status) -> &'static str {
    match s {
        Status::Occurred => "",
        Status::Expected => "\x1b[3;33m",
        Status::Cancelled => "\x1b[9;31m",
        Status::Disputed => "\x1b[1;31m",
    }
}

/// One cell: its plain text (for width) and how to colour it.
struct Cell {
    text: String,
    style: String,
}

impl Cell {
    fn plain(text: String) -> Cell {
        Cell {
            text,
            style: String::new(),
        }
    }
}

/// The parties column: names, each in its colour when the log gives one.
fn parties(log: &Log, ix: EventIx, color: bool) -> String {
    let e = &log.events[ix];
    let names = e.parties.iter().map(|&p| {
        let party = &log.parties[p];
        let name = sanitize(&party.name);
        match party.color {
            Some(c) if color => format!("{}{name}{RESET}", sgr(c)),
            _ => name.into_owned(),
        }
    });
    names.collect::<Vec<_>>().join(", ")
}

/// The events as aligned lines, each ending with `\n`. `color` adds SGR escapes.
pub fn events(log: &Log, events: &[EventIx], color: bool) -> String {
    let rows: Vec<[Cell; 4]> = events
        .iter()
        .map(|&ix| {
            let e = &log.events[ix];
            [
                Cell {
                    text: when(e),
                    style: "\x1b[1m".into(),
                },
                Cell {
                    text: e.kind.as_str().into(),
                    style: kind_sgr(e.kind).into(),
                },
                Cell {
                    text: status_word(e.status).unwrap_or("").into(),
                    style: status_sgr(e.status).into(),
                },
                Cell::plain(sanitize(&e.title).into_owned()),
            ]
        })
        .collect();
    let mut widths = [0usize; 4];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.text.width());
        }
    }
    let mut out = String::new();
    for (row, &ix) in rows.iter().zip(events) {
        let mut line = String::new();
        for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
            if w == 0 {
                continue; // a column empty in every row (no status to show) takes no room
            }
            if i > 0 {
                line.push_str("  ");
            }
            if color && !cell.style.is_empty() && !cell.text.is_empty() {
                line.push_str(&cell.style);
                line.push_str(&cell.text);
                line.push_str(RESET);
            } else {
                line.push_str(&cell.text);
            }
            line.extend(std::iter::repeat_n(' ', w - cell.text.width()));
        }
        line.push_str("  ");
        line.push_str(&parties(log, ix, color));
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;

    #[test]
    fn columns_line_up_without_colour() {
        let log = fixture::log();
        let out = events(&log, &[0, 1, 2, 3], false);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 4);
        // The kind column starts at the same display column on every line.
        let kind_col = |l: &str, k: &str| l[..l.find(k).unwrap()].width();
        assert_eq!(
            kind_col(lines[0], "proposal"),
            kind_col(lines[3], "meeting")
        );
        assert!(lines[3].contains("expected"));
        assert!(lines[2].ends_with("United States, Hamas"), "{}", lines[2]);
        assert!(!out.contains('\x1b'), "no escape without colour: {out:?}");
    }

    #[test]
    fn hostile_titles_are_shown_escaped() {
        let log = fixture::log();
        let out = events(&log, &[3], true);
        assert!(!out.contains('\u{202e}'));
        assert!(out.contains("Meeting in Cairo\\u{202e}gpj"));
    }

    #[test]
    fn colour_only_when_asked() {
        let log = fixture::log();
        assert!(events(&log, &[3], true).contains("\x1b["));
    }

    #[test]
    fn an_empty_status_column_takes_no_room() {
        let log = fixture::log();
        let out = events(&log, &[1], false);
        assert_eq!(
            out,
            "Fri 5 April 2024 21:00 +03:00  statement  Haniyeh lists demands  Hamas\n"
        );
    }
}
