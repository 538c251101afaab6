//! The header: the log's title, how many events show, and the active filters.

use crate::export::describe;
use crate::sanitize::sanitize;
use crate::tui::app::App;
use crate::tui::layout::text::{truncate, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub(crate) fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let count = format!(
        "showing {} of {}",
        app.visible.len(),
        crate::tui::layout::count::counted(app.log.events.len(), "event", "events")
    );
    let w = area.width as usize;
    let title_room = w.saturating_sub(width(&count) + 1);
    let title = sanitize(crate::sanitize::head(&app.log.display_title(), 4096)).into_owned();
    let mut first = truncate(vec![Span::styled(title, app.theme.label())], title_room);
    let used: usize = first.iter().map(|s| width(&s.content)).sum();
    first.push(Span::raw(
        " ".repeat(w.saturating_sub(used + width(&count))),
    ));
    first.push(Span::raw(count));
    let first = truncate(first, w);
    // The same words as the head of an export: `party: Hamas or Qatar · search: “cairo”`.
    let filters = describe::filters(&app.log, &app.query).join(" · ");
    let second = if filters.is_empty() {
        vec![Span::styled(
            "no filters: p party  a actor  t kind  s status  # topic  r dates  / search",
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
