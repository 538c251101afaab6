//! The thread view (T): the chain of proposals, responses and statements linked to the
//! selected event, in time order, each with what it answers and what answered it.

use crate::model::{EventIx, Status};
use crate::sanitize::sanitize;
use crate::tui::app::App;
use crate::tui::layout::badges::{badge, marker};
use crate::tui::layout::text::{truncate, wrap};
use crate::tui::overlays::event_list::{EventList, ListText};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// " · 1 event", " · 4 events".
fn count(n: usize) -> String {
    format!(" · {n} event{}", if n == 1 { "" } else { "s" })
}

pub(crate) fn lines(app: &App, list: &EventList, around: EventIx, width: usize) -> ListText {
    let t = &app.theme;
    let log = &app.log;
    let w = width.max(1);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut starts = Vec::with_capacity(list.entries.len());
    lines.extend(wrap(
        &[
            ("Thread of ", t.dim()),
            (&sanitize(&log.events[around].title), t.label()),
            (&count(list.entries.len()), t.dim()),
        ],
        w,
        2,
    ));
    if list.entries.len() < 2 {
        lines.push(Line::from(Span::styled(
            "No related event: this one answers none, and none answers it.",
            t.dim(),
        )));
    }
    for (n, p) in list.entries.iter().enumerate() {
        let e = &log.events[p.event];
        lines.push(Line::default());
        starts.push(lines.len());
        let cursor = if n == list.cursor { "▶" } else { " " };
        let when = e.date.human();
        let title = sanitize(&e.title);
        let mut pieces: Vec<(&str, Style)> = vec![
            (cursor, t.label()),
            (" ", Style::new()),
            (&when, t.dim()),
            ("  ", Style::new()),
            (badge(e.kind), t.kind(e.kind)),
            (" ", Style::new()),
        ];
        if e.status != Status::Occurred {
            pieces.push((marker(e.status), t.status(e.status).patch(t.label())));
            pieces.push((" ", Style::new()));
        }
        pieces.push((&title, t.status(e.status).patch(t.label())));
        let chips: Vec<String> = e
            .parties
            .iter()
            .map(|&q| format!(" {}", sanitize(&log.parties[q].id)))
            .collect();
        if !chips.is_empty() {
            pieces.push((" ", Style::new()));
        }
        for (c, &q) in chips.iter().zip(&e.parties) {
            pieces.push((c, t.party(q)));
        }
        // In words (a symbol here was taken for the timeline's mark).
        if p.event == around {
            pieces.push(("  (the thread opened here)", t.key()));
        }
        if !app.is_visible(p.event) {
            pieces.push(("  (hidden by the filters)", t.dim()));
        }
        let first = lines.len();
        lines.extend(wrap(&pieces, w, 4));
        if n == list.cursor {
            for l in &mut lines[first..] {
                *l = std::mem::take(l).style(t.selected(true));
            }
        }
        for (label, others) in [("answers ", &e.related), ("answered by ", &e.related_by)] {
            for &o in others {
                let other = &log.events[o];
                let text = format!(
                    "{} · {} {}",
                    other.date.human_day(),
                    badge(other.kind),
                    sanitize(&other.title)
                );
                lines.push(Line::from(truncate(
                    vec![
                        Span::raw("    "),
                        Span::styled(label, t.label()),
                        Span::styled(text, t.dim()),
                    ],
                    w,
                )));
            }
        }
    }
    ListText { lines, starts }
}
