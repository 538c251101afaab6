//! The lanes view (L): one column per party, time flowing down on the timeline's rows (day
//! headers, gaps, one row per event), each event in the lanes of the parties involved. An
//! event of several neighbouring lanes spans them in one cell. Only the rows and lanes on
//! screen are laid out.

use crate::model::{EventIx, Status};
use crate::sanitize::sanitize;
use crate::tui::app::rows::{Row, header_line};
use crate::tui::app::{App, Focus};
use crate::tui::lanes::{Geometry, Lane};
use crate::tui::layout::badges::{badge, marker};
use crate::tui::layout::text::{highlighted, truncate, width};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub(crate) fn draw(app: &App, frame: &mut Frame, area: Rect) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let geo = app
        .lanes
        .geometry(area.width as usize, app.rows.has_times());
    let buf = frame.buffer_mut();
    names(app, &geo, buf, area);
    let body = Rect::new(area.x, area.y + 1, area.width, area.height - 1);
    if body.height == 0 {
        return;
    }
    if app.rows.is_empty() {
        let msg = if app.log.events.is_empty() {
            "This log has no events."
        } else {
            "No event matches the filters. c clears them."
        };
        frame.render_widget(Paragraph::new(msg).style(app.theme.dim()), body);
        return;
    }
    let w = body.width as usize;
    let end = (app.scroll + body.height as usize).min(app.rows.len());
    let start = app.scroll.min(end);
    for (i, row) in app.rows.rows[start..end].iter().enumerate() {
        let y = body.y + i as u16;
        match *row {
            Row::Header(ix) => {
                let text = header_line(&app.log, &app.rows, ix as usize);
                let rule = "─".repeat(w.saturating_sub(width(&text) + 1));
                let line = Line::from(vec![
                    Span::styled(text, app.theme.heading()),
                    Span::raw(" "),
                    Span::styled(rule, app.theme.dim()),
                ]);
                buf.set_line(body.x, y, &line, body.width);
            }
            Row::Gap(gap) => {
                separators(app, &geo, buf, body.x, y);
                let text = format!("  {}", gap.text());
                buf.set_stringn(body.x, y, text, w, app.theme.dim());
            }
            Row::Event { ix, .. } => event_row(app, &geo, buf, body, y, ix as usize),
        }
    }
}

/// The top row: each lane's party, and how many lanes are off screen either side.
fn names(app: &App, geo: &Geometry, buf: &mut Buffer, area: Rect) {
    let t = &app.theme;
    let w = area.width as usize;
    if geo.hidden_left > 0 {
        let more = format!("‹ {} more", geo.hidden_left);
        buf.set_stringn(area.x, area.y, more, geo.date_w, t.key());
    }
    let right = (geo.hidden_right > 0).then(|| format!("{} more ›", geo.hidden_right));
    let right_w = right.as_deref().map_or(0, |r| width(r) + 1);
    for (i, &(x, lw)) in geo.columns.iter().enumerate() {
        let lane = app.lanes.lanes[geo.first + i];
        let (name, style) = match lane {
            Lane::Party(p) => (
                sanitize(&app.log.parties[p].name).into_owned(),
                t.party(p).patch(t.label()),
            ),
            Lane::NoParty => ("(no party)".to_owned(), t.dim()),
        };
        let room = if i + 1 == geo.columns.len() {
            lw.saturating_sub(1 + right_w)
        } else {
            lw.saturating_sub(1)
        };
        // The digit that toggles this party's filter, as in the party picker.
        let digit = match lane {
            Lane::Party(p) if p < 9 => format!("{} ", p + 1),
            _ => String::new(),
        };
        let spans = truncate(
            vec![Span::styled(digit, t.key()), Span::styled(name, style)],
            room,
        );
        buf.set_line(
            area.x + x as u16 + 1,
            area.y,
            &Line::from(spans),
            room as u16,
        );
    }
    if let Some(r) = right {
        let x = w.saturating_sub(width(&r));
        buf.set_stringn(area.x + x as u16, area.y, r, w - x, t.key());
    }
}

/// A dim rule at the left of every lane on screen, and of the right margin.
fn separators(app: &App, geo: &Geometry, buf: &mut Buffer, x0: u16, y: u16) {
    for &(x, _) in &geo.columns {
        buf.set_string(x0 + x as u16, y, "│", app.theme.dim());
    }
    if let (true, Some(&(x, w))) = (geo.margin > 0, geo.columns.last()) {
        buf.set_string(x0 + (x + w) as u16, y, "│", app.theme.dim());
    }
}

fn event_row(app: &App, geo: &Geometry, buf: &mut Buffer, body: Rect, y: u16, ix: EventIx) {
    let t = &app.theme;
    let e = &app.log.events[ix];
    let selected = app.selected == Some(ix);
    let sel_style = t.selected(app.focus == Focus::Timeline);
    let dim = app
        .search_prompt()
        .is_some_and(|s| s.hits.binary_search(&ix).is_err());
    separators(app, geo, buf, body.x, y);
    // In the hour the reading zone repeats, the offset says which: `01:30 -04:00` in
    // place of the day, which the header above names.
    let short = match (e.date.reading_clock(), e.date.reading_repeated_offset()) {
        (Some(clock), Some(offset)) => format!("{} {offset}", &clock[..5]),
        _ => e.date.reading_short(),
    };
    let date = format!("{}{short}", if selected { "▶" } else { " " });
    let date_style = if selected { sel_style } else { t.dim() };
    buf.set_stringn(body.x, y, date, geo.date_w.saturating_sub(1), date_style);

    let terms = app.highlight_terms();
    let title = sanitize(&e.title);
    let base = if dim { t.dim() } else { t.status(e.status) };
    let mut content = vec![Span::styled(badge(e.kind), t.kind(e.kind))];
    if e.status != Status::Occurred {
        content.push(Span::styled(
            marker(e.status),
            t.status(e.status).patch(t.label()),
        ));
    }
    content.push(Span::raw(" "));
    content.extend(highlighted(&title, &terms, base, t.match_hl()));

    let last = geo.first + geo.columns.len();
    let runs = app.lanes.runs(&app.log, ix);
    let mut cells: Vec<(usize, usize, Vec<Span<'static>>)> = Vec::new();
    for &(from, to) in &runs {
        let (vf, vt) = (from.max(geo.first), to.min(last.saturating_sub(1)));
        let (Some((x0, _)), Some((x1, w1))) = (geo.column(vf), geo.column(vt)) else {
            continue;
        };
        if vf > vt {
            continue;
        }
        if from == to {
            // Inside the lane, right of its rule.
            let w = w1.saturating_sub(1);
            cells.push((x0 + 1, w, truncate(content.clone(), w)));
        } else {
            // Over the rules of the lanes it joins, from the first one.
            let w = x1 + w1 - x0;
            let spans = span_cell(&content, w, from < geo.first, to >= last, t.dim());
            cells.push((x0, w, spans));
        }
    }
    // The event's parties off screen: a marker in the margin on that side, never a cell in
    // another party's lane.
    let (left, right) = app.lanes.off_screen(&app.log, ix, geo);
    let marker_style = if selected { sel_style } else { t.key() };
    // The count when it fits beside the arrow, else the arrow alone (never a cut number).
    let marker = |text: String, arrow: &str| {
        if width(&text) < geo.margin {
            text
        } else {
            arrow.to_owned()
        }
    };
    if geo.margin > 0 && left > 0 {
        let x = body.x + geo.date_w as u16;
        let text = marker(format!("‹ {left}"), "‹");
        buf.set_stringn(x, y, text, geo.margin - 1, marker_style);
    }
    if geo.margin > 0 && right > 0 {
        let text = marker(format!("{right} ›"), "›");
        let w = body.width as usize;
        let x = w.saturating_sub(width(&text));
        buf.set_stringn(body.x + x as u16, y, text, w - x, marker_style);
    }
    for (x, w, spans) in cells {
        let mut line = Line::from(spans);
        if selected {
            line = line.style(sel_style);
            buf.set_style(Rect::new(body.x + x as u16, y, w as u16, 1), sel_style);
        }
        buf.set_line(body.x + x as u16, y, &line, w as u16);
    }
}

/// A cell over several lanes, drawn over their rules: `├MEET Title ─────` up to the next
/// lane's rule, with `‹` or `›` at an edge that goes on off screen.
fn span_cell(
    content: &[Span<'static>],
    w: usize,
    cut_left: bool,
    cut_right: bool,
    rule: Style,
) -> Vec<Span<'static>> {
    if w < 3 {
        return truncate(content.to_vec(), w);
    }
    let left = if cut_left { "‹" } else { "├" };
    let right = if cut_right { "›" } else { "─" };
    let inner = truncate(content.to_vec(), w - 2);
    let used: usize = inner.iter().map(|s| width(&s.content)).sum();
    let mut out = vec![Span::styled(left, rule)];
    out.extend(inner);
    let fill = w - 2 - used;
    if fill > 0 {
        out.push(Span::styled(format!(" {}", "─".repeat(fill - 1)), rule));
    }
    out.push(Span::styled(right, rule));
    out
}
