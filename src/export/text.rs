//! `list --format text`: one event per line in aligned columns (date at its precision,
//! kind, status, title, parties), coloured only when the caller says the output is a
//! terminal that wants colour. Every log string is sanitised; widths are display widths,
//! so CJK and emoji keep the columns straight.

use crate::color_policy::ColorMode;
use crate::export::phrases::{status_word, when_both_clocks};
use crate::model::{EventIx, Kind, Log, Status};
use crate::sanitize::sanitize;
use anstyle::{AnsiColor, Style};
use unicode_width::UnicodeWidthStr;

/// Kinds in the basic colours, so that every terminal shows them.
fn kind_style(k: Kind) -> Style {
    let c = match k {
        Kind::Meeting => AnsiColor::Cyan,
        Kind::Call => AnsiColor::Blue,
        Kind::Statement => AnsiColor::White,
        Kind::Proposal => AnsiColor::Green,
        Kind::Response => AnsiColor::BrightGreen,
        Kind::Agreement => return Style::new().bold().fg_color(Some(AnsiColor::Green.into())),
        Kind::Travel => AnsiColor::Magenta,
        Kind::Development => AnsiColor::Yellow,
    };
    Style::new().fg_color(Some(c.into()))
}

fn status_style(s: Status) -> Style {
    let fg = |c: AnsiColor| Some(c.into());
    match s {
        Status::Occurred => Style::new(),
        Status::Expected => Style::new().italic().fg_color(fg(AnsiColor::Yellow)),
        Status::Cancelled => Style::new().strikethrough().fg_color(fg(AnsiColor::Red)),
        Status::Disputed => Style::new().bold().fg_color(fg(AnsiColor::Red)),
    }
}

/// `text` in `style`, as the colour mode allows.
fn paint(mode: ColorMode, style: Style, text: &str) -> String {
    let style = mode.style(style);
    if mode == ColorMode::None || style == Style::new() || text.is_empty() {
        text.to_string()
    } else {
        format!("{style}{text}{style:#}")
    }
}

/// One cell: its plain text (for width) and how to colour it.
struct Cell {
    text: String,
    style: Style,
}

impl Cell {
    fn plain(text: String) -> Cell {
        Cell {
            text,
            style: Style::new(),
        }
    }
}

/// The parties column: names, each in its colour when the log gives one.
fn parties(log: &Log, ix: EventIx, mode: ColorMode) -> String {
    let e = &log.events[ix];
    let names = e.parties.iter().map(|&p| {
        let party = &log.parties[p];
        let name = sanitize(&party.name);
        match party.color.and_then(|c| mode.log_color(c)) {
            Some(c) => paint(mode, Style::new().fg_color(Some(c)), &name),
            None => name.into_owned(),
        }
    });
    names.collect::<Vec<_>>().join(", ")
}

/// The width `list` lays its text out for: the terminal's, else `$COLUMNS`, else 80.
pub(crate) fn output_width(stdout: &impl std::io::IsTerminal) -> usize {
    let terminal = stdout
        .is_terminal()
        .then(|| crossterm::terminal::size().ok())
        .flatten()
        .map(|(w, _)| usize::from(w));
    terminal
        .or_else(|| std::env::var("COLUMNS").ok()?.trim().parse().ok())
        .filter(|&w| w > 0)
        .unwrap_or(80)
}

/// The events as aligned lines, each ending with `\n`, styled as `mode` allows, for a
/// screen `width` columns wide. The date column is at most half the width: a longer date
/// (a time on two clocks, say) has a line of its own, and the rest of its row follows on
/// the next line, under the other rows' columns.
pub(crate) fn events(log: &Log, events: &[EventIx], mode: ColorMode, width: usize) -> String {
    let rows: Vec<[Cell; 4]> = events
        .iter()
        .map(|&ix| {
            let e = &log.events[ix];
            [
                Cell {
                    // A time on another clock than the log's reading zone also gets the
                    // reading zone's, so the column reads in order like the rows.
                    text: when_both_clocks(e),
                    style: Style::new().bold(),
                },
                Cell {
                    text: e.kind.as_str().into(),
                    style: kind_style(e.kind),
                },
                Cell {
                    text: status_word(e.status).unwrap_or("").into(),
                    style: status_style(e.status),
                },
                Cell::plain(sanitize(&e.title).into_owned()),
            ]
        })
        .collect();
    let date_cap = (width / 2).max(20);
    let mut widths = [0usize; 4];
    for row in &rows {
        for (i, (w, cell)) in widths.iter_mut().zip(row).enumerate() {
            let cw = cell.text.width();
            if i > 0 || cw <= date_cap {
                *w = (*w).max(cw);
            }
        }
    }
    // Rows whose date is wider go on under a column of this width (some room when none fits).
    let date_w = if widths[0] == 0 { 2 } else { widths[0] };
    let mut out = String::new();
    for (row, &ix) in rows.iter().zip(events) {
        let mut line = String::new();
        for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
            if w == 0 && i > 0 {
                continue; // a column empty in every row (no status to show) takes no room
            }
            if i > 0 {
                line.push_str("  ");
            }
            line.push_str(&paint(mode, cell.style, &cell.text));
            if i == 0 && cell.text.width() > date_w {
                out.push_str(line.trim_end());
                out.push('\n');
                line = " ".repeat(date_w);
                continue;
            }
            let w = if i == 0 { date_w } else { w };
            line.extend(std::iter::repeat_n(' ', w - cell.text.width()));
        }
        line.push_str("  ");
        line.push_str(&parties(log, ix, mode));
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
        let out = events(&log, &[0, 1, 2, 3], ColorMode::None, 200);
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
        let out = events(&log, &[3], ColorMode::Basic16, 200);
        assert!(!out.contains('\u{202e}'));
        assert!(out.contains("Meeting in Cairo\\u{202e}gpj"));
    }

    #[test]
    fn colour_only_when_asked() {
        let log = fixture::log();
        assert!(events(&log, &[3], ColorMode::Basic16, 200).contains("\x1b["));
    }

    #[test]
    fn an_empty_status_column_takes_no_room() {
        let log = fixture::log();
        let out = events(&log, &[1], ColorMode::None, 200);
        assert_eq!(
            out,
            "Fri 5 April 2024 21:00 +03:00 = 18:00 UTC  statement  Haniyeh lists demands  Hamas\n"
        );
    }

    #[test]
    fn a_time_on_another_clock_also_shows_the_reading_zones_so_the_column_reads_in_order() {
        let yaml = "timezone: Asia/Riyadh\nevents:\n  - {date: \"2023-03-11T02:00+03:30\", kind: statement, title: Tehran}\n  - {date: \"2023-03-10T17:30-05:00\", kind: statement, title: Washington}\n  - {date: \"2023-03-11T09:00+03:00\", kind: statement, title: Riyadh}\n";
        let log = crate::load::load_str("zones.yaml", yaml).unwrap().log;
        let out = events(&log, &[0, 1, 2], ColorMode::None, 200);
        let lines: Vec<&str> = out.lines().collect();
        assert!(
            lines[0].contains("Sat 11 March 2023 02:00 +03:30 = 01:30 Asia/Riyadh"),
            "{out}"
        );
        assert!(
            lines[1].contains("Fri 10 March 2023 17:30 -05:00 = Sat 11 March 01:30 Asia/Riyadh"),
            "{out}"
        );
        assert!(
            !lines[2].contains(" = "),
            "same clock as the reading zone: {out}"
        );
    }
}
