//! Draws the quotes browser: a heading that says what is shown, then each quote with its
//! event's date, status and title, the words, who said them and where.

use crate::export::describe;
use crate::text::sanitize;
use crate::tui::app::App;
use crate::tui::layout::text::wrap;
use crate::tui::overlays::event_list::ListText;
use crate::tui::overlays::quote_list::QuoteList;
use crate::tui::overlays::quotes::inner;
use crate::tui::view::citation;
use crate::tui::view::timeline::badge;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// Who said the quotes shown, in words: `said by Hamas or Qatar, and by Ismail Haniyeh`.
fn said_by(app: &App) -> Option<String> {
    let q = &app.query;
    let log = &app.log;
    let names = |v: Vec<String>| v.join(" or ");
    let parties: Vec<String> = q
        .parties
        .iter()
        .map(|&p| sanitize(&log.parties[p].name).into_owned())
        .collect();
    let actors: Vec<String> = q
        .actors
        .iter()
        .map(|&a| sanitize(&log.actors[a].name).into_owned())
        .collect();
    match (parties.is_empty(), actors.is_empty()) {
        (true, true) => None,
        (false, true) => Some(format!("said by {}", names(parties))),
        (true, false) => Some(format!("said by {}", names(actors))),
        (false, false) => Some(format!(
            "said by {}, and by {}",
            names(parties),
            names(actors)
        )),
    }
}

/// The browser's lines at one width, and the line each quote starts on.
pub fn text(app: &App, list: &QuoteList, width: usize) -> ListText {
    let t = &app.theme;
    let log = &app.log;
    let w = width.max(1);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut starts = Vec::with_capacity(list.entries.len());
    let count = match list.entries.len() {
        1 => "1 quote".to_owned(),
        n => format!("{n} quotes"),
    };
    let mut heading = vec![(count, t.label())];
    if let Some(s) = said_by(app) {
        heading.push((format!(" {s}"), t.label()));
    }
    let mut others = app.query.clone();
    others.parties.clear();
    others.actors.clear();
    let events = describe::filters(log, &others);
    if !events.is_empty() {
        heading.push((format!(" · of events with {}", events.join(", ")), t.dim()));
    }
    let pieces: Vec<(&str, Style)> = heading.iter().map(|(s, st)| (s.as_str(), *st)).collect();
    lines.extend(wrap(&pieces, w, 2));
    if list.entries.is_empty() {
        lines.push(Line::from(Span::styled(
            "No quote matches: p a # r / change the filters, c clears them.",
            t.dim(),
        )));
    }
    for (n, at) in list.entries.iter().enumerate() {
        let e = &log.events[at.event];
        let q = &e.quotes[at.quote];
        lines.push(Line::default());
        starts.push(lines.len());
        let cursor = if n == list.cursor { "▶ " } else { "  " };
        let title = sanitize(&e.title);
        let date = e.date.human();
        let first = lines.len();
        lines.extend(wrap(
            &[
                (cursor, t.label()),
                (&date, t.dim()),
                ("  ", Style::new()),
                (badge(e.kind), t.kind(e.kind)),
                (" ", Style::new()),
                (&title, t.status(e.status).patch(t.label())),
            ],
            w,
            4,
        ));
        if n == list.cursor {
            for l in &mut lines[first..] {
                *l = std::mem::take(l).style(t.selected(true));
            }
        }
        if let Some(note) = citation::status_note(e) {
            lines.extend(wrap(&[("    ", Style::new()), (&note, t.warning())], w, 4));
        }
        lines.extend(citation::words_lines(t, q, w, 4));
        let said = if q.paraphrase {
            "    — according to the source, "
        } else {
            "    — "
        };
        lines.extend(wrap(
            &[(said, t.dim()), (&citation::speaker(log, q), t.label())],
            w,
            6,
        ));
        let source = match q.source {
            Some(s) => (citation::source(log, s), Style::new()),
            None => ("no source given in the log".to_owned(), t.warning()),
        };
        lines.extend(wrap(
            &[("      ", Style::new()), (&source.0, source.1)],
            w,
            6,
        ));
    }
    ListText { lines, starts }
}

pub fn draw(app: &App, list: &QuoteList, frame: &mut Frame, area: Rect) {
    let title = " Quotes browser · Enter goes to the quote's event · Esc back ";
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(app.theme.key())
        .title(Span::styled(title, app.theme.key()));
    frame.render_widget(block, area);
    let inner = inner(area);
    let all = text(app, list, inner.width as usize).lines;
    let h = inner.height as usize;
    let off = list.scroll.min(all.len().saturating_sub(h));
    let shown: Vec<Line> = all.into_iter().skip(off).take(h).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
