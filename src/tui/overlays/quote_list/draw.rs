//! Draws the quotes browser: a heading that says what is shown, then each quote with its
//! event's date, status and title, the words, who said them and where.

use crate::export::describe;
use crate::sanitize::sanitize;
use crate::tui::app::App;
use crate::tui::layout::badges::badge;
use crate::tui::layout::citation;
use crate::tui::layout::text::wrap;
use crate::tui::overlays::quote_list::QuoteList;
use crate::tui::overlays::quotes::inner;
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

/// The heading: how many quotes, said by whom, of which events.
fn heading(app: &App, list: &QuoteList, w: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let count = match list.entries.len() {
        1 => "1 quote".to_owned(),
        n => format!("{n} quotes"),
    };
    let mut pieces = vec![(count, t.label())];
    if let Some(s) = said_by(app) {
        pieces.push((format!(" {s}"), t.label()));
    }
    let mut others = app.query.clone();
    others.parties.clear();
    others.actors.clear();
    let events = describe::filters(&app.log, &others);
    if !events.is_empty() {
        pieces.push((format!(" · of events with {}", events.join(", ")), t.dim()));
    }
    let pieces: Vec<(&str, Style)> = pieces.iter().map(|(s, st)| (s.as_str(), *st)).collect();
    let mut lines = wrap(&pieces, w, 2);
    if list.entries.is_empty() {
        lines.push(Line::from(Span::styled(
            "No quote matches: p a # r / change the filters, c clears them.",
            t.dim(),
        )));
    }
    lines
}

/// The lines of item `item` at one width: item 0 is the heading, item `n + 1` the `n`-th
/// quote (after a blank line). Laid out one at a time, so that a screen costs what it
/// shows, whatever the number of quotes.
pub(crate) fn item_lines(
    app: &App,
    list: &QuoteList,
    item: usize,
    width: usize,
) -> Vec<Line<'static>> {
    let w = width.max(1);
    let Some(n) = item.checked_sub(1) else {
        return heading(app, list, w);
    };
    let Some(at) = list.entries.get(n) else {
        return Vec::new();
    };
    let t = &app.theme;
    let log = &app.log;
    let e = &log.events[at.event];
    let q = &e.quotes[at.quote];
    let mut lines = vec![Line::default()];
    let cursor = if n == list.cursor { "▶ " } else { "  " };
    let title = sanitize(&e.title);
    let date = e.date.human();
    let head = wrap(
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
    );
    if n == list.cursor {
        lines.extend(head.into_iter().map(|l| l.style(t.selected(true))));
    } else {
        lines.extend(head);
    }
    if let Some(note) = citation::status_note(e) {
        lines.extend(wrap(&[("    ", Style::new()), (&note, t.warning())], w, 4));
    }
    lines.extend(citation::quote_block(t, log, q, w));
    lines
}

/// The lines on screen: items from `list.top` on, until `height` lines are filled.
fn screen_lines(app: &App, list: &QuoteList, width: usize, height: usize) -> Vec<Line<'static>> {
    let mut out = Vec::with_capacity(height);
    let mut item = list.top;
    while out.len() < height && item <= list.entries.len() {
        out.extend(item_lines(app, list, item, width));
        item += 1;
    }
    out.truncate(height);
    out
}

pub(crate) fn draw(app: &App, list: &QuoteList, frame: &mut Frame, area: Rect) {
    let title = " Quotes browser · Enter goes to the quote's event · Esc back ";
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(app.theme.key())
        .title(Span::styled(title, app.theme.key()));
    frame.render_widget(block, area);
    let inner = inner(area);
    let shown = screen_lines(app, list, inner.width as usize, inner.height as usize);
    frame.render_widget(Paragraph::new(shown), inner);
}
