//! The header: the log's title, how many events show, and the active filters.

use crate::filter::Query;
use crate::model::{Log, Status};
use crate::text::sanitize;
use crate::tui::app::App;
use crate::tui::layout::text::{truncate, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let count = format!(
        "showing {} of {} events",
        app.visible.len(),
        app.log.events.len()
    );
    let w = area.width as usize;
    let title_room = w.saturating_sub(width(&count) + 1);
    let title = sanitize(&app.log.display_title()).into_owned();
    let mut first = truncate(vec![Span::styled(title, app.theme.label())], title_room);
    let used: usize = first.iter().map(|s| width(&s.content)).sum();
    first.push(Span::raw(
        " ".repeat(w.saturating_sub(used + width(&count))),
    ));
    first.push(Span::raw(count));
    let first = truncate(first, w);
    let filters = filters_text(&app.log, &app.query);
    let second = if filters.is_empty() {
        vec![Span::styled(
            "no filters · p party · a actor · t kind · s status · / search",
            app.theme.dim(),
        )]
    } else {
        vec![
            Span::styled("filters: ", app.theme.label()),
            Span::styled(filters, app.theme.key()),
            Span::styled("  (c clears)", app.theme.dim()),
        ]
    };
    let mut lines = vec![Line::from(first)];
    if area.height >= 2 {
        lines.push(Line::from(truncate(second, w)));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// `party: Hamas, Qatar · kind: meeting · search: "cairo"`.
pub fn filters_text(log: &Log, q: &Query) -> String {
    let mut parts = Vec::new();
    let names = |it: Vec<String>| it.join(", ");
    if !q.parties.is_empty() {
        let v = q
            .parties
            .iter()
            .map(|&p| sanitize(&log.parties[p].name).into_owned())
            .collect();
        parts.push(format!("party: {}", names(v)));
    }
    if !q.actors.is_empty() {
        let v = q
            .actors
            .iter()
            .map(|&a| sanitize(&log.actors[a].name).into_owned())
            .collect();
        parts.push(format!("actor: {}", names(v)));
    }
    if !q.kinds.is_empty() {
        let v = q.kinds.iter().map(|k| k.as_str().to_owned()).collect();
        parts.push(format!("kind: {}", names(v)));
    }
    if !q.statuses.is_empty() {
        let v = q
            .statuses
            .iter()
            .map(|s: &Status| s.as_str().to_owned())
            .collect();
        parts.push(format!("status: {}", names(v)));
    }
    if !q.topics.is_empty() {
        let v = q.topics.iter().map(|t| sanitize(t).into_owned()).collect();
        parts.push(format!("topic: {}", names(v)));
    }
    if let Some(f) = &q.from {
        parts.push(format!("from {}", f.human()));
    }
    if let Some(t) = &q.to {
        parts.push(format!("to {}", t.human()));
    }
    if !q.search.is_empty() {
        parts.push(format!("search: \"{}\"", sanitize(&q.search)));
    }
    if q.only.is_some() {
        parts.push("marked only".into());
    }
    parts.join(" · ")
}
