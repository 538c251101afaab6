//! A full-width page under a titled rule, scrolled: the help and the file's errors.

use crate::tui::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// Draws the lines `lines(width)` makes, from line `scroll` on (kept within the page).
pub(crate) fn draw(
    app: &App,
    title: &str,
    lines: impl FnOnce(usize) -> Vec<Line<'static>>,
    scroll: usize,
    frame: &mut Frame,
    area: Rect,
) {
    let inner = titled(app, title, frame, area);
    let all = lines(inner.width as usize);
    let h = inner.height as usize;
    let off = scroll.min(all.len().saturating_sub(h));
    let shown: Vec<Line> = all.into_iter().skip(off).take(h).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

/// Draws the titled rule over `area`, and gives the room under it.
pub(crate) fn titled(app: &App, title: &str, frame: &mut Frame, area: Rect) -> Rect {
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(app.theme.key())
        .title(Span::styled(title.to_string(), app.theme.key()));
    frame.render_widget(block, area);
    Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(1),
    )
}
