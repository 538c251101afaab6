//! The positions view (P): what one party said, in time order, with the topics, the words
//! and who said them where, so that a shift in a side's conditions shows. Reported speech
//! is labelled and never gets quotation marks.

use crate::model::PartyIx;
use crate::sanitize::{sanitize, sanitize_multiline};
use crate::tui::app::App;
use crate::tui::layout::badges::badge;
use crate::tui::layout::citation;
use crate::tui::layout::text::{prose, wrap};
use crate::tui::overlays::event_list::{EventList, ListText};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub(crate) fn lines(app: &App, list: &EventList, party: PartyIx, width: usize) -> ListText {
    let t = &app.theme;
    let log = &app.log;
    let w = width.max(1);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut starts = Vec::with_capacity(list.entries.len());
    let name = sanitize(&log.parties[party].name);
    let scope = if app.query.is_empty() {
        ""
    } else {
        " (under the filters)"
    };
    lines.extend(wrap(
        &[
            ("Positions of ", t.dim()),
            (&name, t.party(party).patch(t.label())),
            (
                &match list.entries.len() {
                    1 => format!(" · 1 quote or statement{scope}"),
                    n => format!(" · {n} quotes and statements{scope}"),
                },
                t.dim(),
            ),
            (" · p another party", t.dim()),
        ],
        w,
        2,
    ));
    if list.entries.is_empty() {
        lines.push(Line::from(Span::styled(
            "Nothing said by this party among the events shown.",
            t.dim(),
        )));
    }
    for (n, p) in list.entries.iter().enumerate() {
        let e = &log.events[p.event];
        lines.push(Line::default());
        starts.push(lines.len());
        let cursor = if n == list.cursor { "▶ " } else { "  " };
        let title = sanitize(&e.title);
        let first = lines.len();
        lines.extend(wrap(
            &[
                (cursor, t.label()),
                (&e.date.human(), t.dim()),
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
        if !e.topics.is_empty() {
            let topics: Vec<_> = e.topics.iter().map(|s| sanitize(s).into_owned()).collect();
            lines.extend(wrap(
                &[
                    ("    topics: ", t.label()),
                    (&topics.join(", "), Style::new()),
                ],
                w,
                6,
            ));
        }
        if let Some(note) = citation::status_note(e) {
            lines.extend(wrap(&[("    ", Style::new()), (&note, t.warning())], w, 4));
        }
        match p.quote.map(|q| &e.quotes[q]) {
            Some(q) => {
                lines.extend(citation::quote_block(t, log, q, w));
            }
            None => {
                // A statement, proposal or response with no words of its own in the log.
                let summary = e
                    .summary
                    .as_deref()
                    .map(|s| prose(&sanitize_multiline(s)))
                    .unwrap_or_else(|| "(no quote or summary in the log)".into());
                lines.extend(wrap(&[("    ", Style::new()), (&summary, t.dim())], w, 4));
                for &s in &e.sources {
                    lines.extend(wrap(
                        &[
                            ("      ", Style::new()),
                            (&citation::source(log, s), Style::new()),
                        ],
                        w,
                        6,
                    ));
                }
            }
        }
    }
    ListText { lines, starts }
}
