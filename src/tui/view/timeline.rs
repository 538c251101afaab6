//! The timeline: date headers, gaps and event rows. Only the rows on screen are laid out.

use crate::model::Event;
use crate::sanitize::{head, sanitize};
use crate::tui::app::rows::{Row, header_line};
use crate::tui::app::{App, Focus};
use crate::tui::layout::badges::{badge, marker};
use crate::tui::layout::text::{highlighted, truncate, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Width of the time column: `14:05`, on the reading zone's clock, which the day headers
/// name (the details give the event's own).
const TIME_W: usize = 5;
/// With the offset of a time in the hour the reading zone repeats: `01:30 -04:00`.
const REPEATED_TIME_W: usize = 12;

pub(crate) fn draw(app: &App, frame: &mut Frame, area: Rect) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let h = area.height as usize;
    let w = area.width as usize;
    if app.rows.is_empty() {
        let msg = if app.log.events.is_empty() {
            "This log has no events."
        } else {
            "No event matches the filters. c clears them."
        };
        frame.render_widget(Paragraph::new(msg).style(app.theme.dim()), area);
        return;
    }
    let terms = app.highlight_terms();
    let hits = app.search_prompt().map(|s| &s.hits);
    let end = (app.scroll + h).min(app.rows.len());
    let start = app.scroll.min(end);
    // A time in the hour the reading zone's clock shows twice carries its offset; while
    // one is on screen the column is wide enough for it, so the rows stay aligned.
    let repeated = app.rows.rows[start..end].iter().any(|r| {
        matches!(*r, Row::Event { ix, .. }
            if app.log.events[ix as usize].date.reading_repeated_offset().is_some())
    });
    let time_w = if repeated { REPEATED_TIME_W } else { TIME_W };
    let mut lines = Vec::with_capacity(end - start);
    for row in &app.rows.rows[start..end] {
        let line = match *row {
            Row::Header(ix) => Line::from(truncate(
                vec![Span::styled(
                    header_line(&app.log, &app.rows, ix as usize),
                    app.theme.heading(),
                )],
                w,
            )),
            Row::Gap(gap) => Line::from(Span::styled(format!("  {}", gap.text()), app.theme.dim())),
            Row::Event { ix, .. } => {
                let ix = ix as usize;
                let dim = hits.is_some_and(|h| h.binary_search(&ix).is_err());
                let selected = app.selected == Some(ix);
                let marked = app.marked.contains(&ix);
                let row = RowLook {
                    dim,
                    selected,
                    marked,
                    unseen: app.unseen.get(&ix).copied(),
                    time_w,
                };
                event_line(app, &app.log.events[ix], &terms, row, w)
            }
        };
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), area);
    if let Some(row) = app
        .selected_pos()
        .map(|p| app.rows.event_row[p])
        .filter(|r| (start..end).contains(r))
    {
        let y = area.y + (row - start) as u16;
        let style = app.theme.selected(app.focus == Focus::Timeline);
        frame
            .buffer_mut()
            .set_style(Rect::new(area.x, y, area.width, 1), style);
    }
}

/// How one event row is drawn.
#[derive(Clone, Copy)]
struct RowLook {
    dim: bool,
    selected: bool,
    marked: bool,
    /// New or changed since the reader last looked.
    unseen: Option<crate::seen::Unseen>,
    /// Columns of the time.
    time_w: usize,
}

/// `▶14:05 MEET ? Title …  hamas qatar`: the chips are the parties' short ids; in the
/// repeated hour, `▶01:30 -04:00 STMT …`.
fn event_line(app: &App, e: &Event, terms: &[String], row: RowLook, w: usize) -> Line<'static> {
    let RowLook {
        dim,
        selected,
        marked,
        unseen,
        time_w,
    } = row;
    let t = &app.theme;
    let mut time: String = e
        .date
        .reading_clock()
        .unwrap_or_default()
        .chars()
        .take(TIME_W)
        .collect();
    if let Some(offset) = e.date.reading_repeated_offset() {
        time = format!("{time} {offset}");
    }
    let mut spans = vec![
        // A cursor that shows without colour or reverse video too.
        Span::styled(if selected { "▶" } else { " " }, t.label()),
        // New (`+`, the key that goes there) and changed (`~`, as `diff` writes it) since
        // the last look: a column only while there are some.
        Span::styled(
            match (app.unseen.is_empty(), unseen) {
                (true, _) => "",
                (false, Some(crate::seen::Unseen::New)) => "+",
                (false, Some(crate::seen::Unseen::Changed)) => "~",
                (false, None) => " ",
            },
            t.key(),
        ),
        // Marked events: a column only once something is marked.
        Span::styled(
            match (app.marked.is_empty(), marked) {
                (true, _) => "",
                (false, true) => "●",
                (false, false) => " ",
            },
            t.key(),
        ),
        Span::styled(
            if app.rows.has_times() {
                format!("{time:<time_w$} ")
            } else {
                String::new()
            },
            t.dim(),
        ),
        Span::styled(badge(e.kind), t.kind(e.kind)),
        Span::raw(" "),
        Span::styled(marker(e.status), t.status(e.status).patch(t.label())),
        Span::raw(" "),
    ];
    let prefix: usize = spans.iter().map(|s| width(&s.content)).sum();
    let avail = w.saturating_sub(prefix);
    let base = if dim { t.dim() } else { t.status(e.status) };
    // A row is never wider than this: the rest of a huge title is never laid out.
    let title = sanitize(head(&e.title, 4096));
    let title_spans = highlighted(&title, terms, base, t.match_hl());
    let mut chips: Vec<Span<'static>> = Vec::new();
    for &p in &e.parties {
        chips.push(Span::raw(" "));
        chips.push(Span::styled(
            sanitize(&app.log.parties[p].id).into_owned(),
            t.party(p),
        ));
    }
    let title_w = width(&title);
    let chips_w: usize = chips.iter().map(|s| width(&s.content)).sum();
    if title_w + chips_w <= avail {
        spans.extend(title_spans);
        spans.push(Span::raw(" ".repeat(avail - title_w - chips_w)));
        spans.extend(chips);
    } else {
        // The title comes first; the chips keep at most a third of the room.
        let chip_room = chips_w.min(avail / 3);
        let title_room = avail - chip_room;
        let title_spans = truncate(title_spans, title_room);
        let used: usize = title_spans.iter().map(|s| width(&s.content)).sum();
        spans.extend(title_spans);
        spans.push(Span::raw(" ".repeat(title_room.saturating_sub(used))));
        spans.extend(truncate(chips, chip_room));
    }
    Line::from(spans).style(Style::default())
}
