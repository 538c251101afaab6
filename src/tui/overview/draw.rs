//! The activity overview strip above the timeline (`v`): a title with the unit and the
//! span, one row of bars for all shown events and one per party in its colour, and a row
//! marking the selected event's bar. Counts come cached from `strip::Overview`; drawing
//! walks only the bars, never the events.

use crate::activity::Histogram;
use crate::sanitize::sanitize;
use crate::tui::app::App;
use crate::tui::layout::text::{first_fitting, truncate, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// One row of bars, each `bar_w` columns, scaled so that `peak` fills a cell.
fn bars(counts: &[u32], peak: u32, bar_w: usize) -> String {
    let mut out = String::with_capacity(counts.len() * bar_w * 3);
    for &c in counts {
        let ch = if c == 0 || peak == 0 {
            ' '
        } else {
            let level = (c as u64 * 8).div_ceil(peak as u64).clamp(1, 8);
            LEVELS[level as usize - 1]
        };
        for _ in 0..bar_w {
            out.push(ch);
        }
    }
    out
}

fn name(text: &str, w: usize, style: Style) -> Span<'static> {
    let mut spans = truncate(
        vec![Span::styled(text.to_owned(), style)],
        w.saturating_sub(1),
    );
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    spans.push(Span::raw(" ".repeat(w.saturating_sub(used))));
    let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
    Span::styled(text, style)
}

pub(crate) fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let Some(ov) = &app.overview else { return };
    if area.height == 0 || area.width == 0 {
        return;
    }
    let t = &app.theme;
    let w = area.width as usize;
    let Some(h) = &ov.hist else {
        let line = Line::from(Span::styled("Events: none shown", t.dim()));
        frame.render_widget(Paragraph::new(line), area);
        return;
    };
    let peak = h.counts.iter().copied().max().unwrap_or(0);
    let party_rows = (area.height as usize).saturating_sub(3);
    // Parties without a row of their own are said, not silently left out: under the
    // names, else after the title.
    let hidden = ov.parties.len().saturating_sub(party_rows);
    let more = format!("+{hidden} more");
    let mut marker = app
        .selected
        .map(|sel| marker_row(app, h, ov, sel, w))
        .unwrap_or_default();
    let room_under_names = marker
        .first()
        .is_some_and(|s| s.content.len() >= ov.name_w && s.content.trim().is_empty());
    let mut after_title = String::new();
    if hidden > 0 && ov.name_w > width(&more) && room_under_names {
        let pad = marker[0].content.len() - width(&more);
        marker[0] = Span::styled(format!("{more}{}", " ".repeat(pad)), t.dim());
    } else if hidden > 0 {
        after_title = format!(
            " · {more} {}",
            if hidden == 1 { "party" } else { "parties" }
        );
    }
    let title = first_fitting(h.titles(), w.saturating_sub(width(&after_title)));
    let head = vec![
        Span::styled(title, t.heading()),
        Span::styled(after_title, t.dim()),
    ];
    let mut lines = vec![Line::from(truncate(head, w))];
    lines.push(Line::from(truncate(
        vec![
            name("all", ov.name_w, t.label()),
            Span::raw(bars(&h.counts, peak, ov.bar_w)),
        ],
        w,
    )));
    for &p in ov.parties.iter().take(party_rows) {
        let style = t.party(p);
        let id = sanitize(&app.log.parties[p].id).into_owned();
        lines.push(Line::from(truncate(
            vec![
                name(&id, ov.name_w, style),
                Span::styled(
                    bars(&h.per_party[p], peak, ov.bar_w),
                    style.remove_modifier(ratatui::style::Modifier::UNDERLINED),
                ),
            ],
            w,
        )));
    }
    if !marker.is_empty() {
        lines.push(Line::from(truncate(marker, w)));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// `        ▲ week of 29 Apr 2024 · 4`: the selected event's bar, and what it holds; the
/// words go left of the arrow when they do not fit to its right.
fn marker_row(
    app: &App,
    h: &Histogram,
    ov: &crate::tui::overview::Overview,
    sel: usize,
    w: usize,
) -> Vec<Span<'static>> {
    let t = &app.theme;
    let b = h.bucket_of(&app.log, sel);
    let col = ov.name_w + b * ov.bar_w;
    let words = h.describe(&app.log, sel);
    let ww = width(&words);
    if col + 2 + ww <= w || col < ww + 1 {
        vec![
            Span::raw(" ".repeat(col)),
            Span::styled("▲", t.key()),
            Span::styled(format!(" {words}"), t.dim()),
        ]
    } else {
        vec![
            Span::raw(" ".repeat(col - ww - 1)),
            Span::styled(format!("{words} "), t.dim()),
            Span::styled("▲", t.key()),
        ]
    }
}
