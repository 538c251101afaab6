//! The details pane: the selected event in full, with its related events selectable
//! (the text is laid out in `layout::detail_text`).

use crate::tui::app::{App, Focus};
use crate::tui::layout::detail_text::{lines, offset};
use crate::tui::view::link;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

pub(crate) fn draw(app: &App, frame: &mut Frame, area: Rect, inner: Rect, beside: bool) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let focused = app.focus == Focus::Details;
    let border_style = if focused {
        app.theme.key()
    } else {
        app.theme.dim()
    };
    let block = Block::default()
        .borders(if beside { Borders::LEFT } else { Borders::TOP })
        .border_style(border_style)
        .title(Span::styled(" Details ", border_style));
    frame.render_widget(block, area);
    let Some(ix) = app.selected else {
        return;
    };
    let text = lines(app, ix, inner.width as usize);
    let h = inner.height as usize;
    let off = offset(app, &text, h);
    let shown: Vec<Line> = text.lines.into_iter().skip(off).take(h).collect();
    // Cleared first: a short first line must not leave the block's title showing through.
    frame.render_widget(Clear, inner);
    frame.render_widget(Paragraph::new(shown), inner);
    if app.hyperlinks {
        for (line, url) in &text.urls {
            if let Some(y) = line.checked_sub(off).filter(|&y| y < h) {
                let row = Rect::new(
                    inner.x + 4,
                    inner.y + y as u16,
                    inner.width.saturating_sub(4),
                    1,
                );
                link::hyperlink(frame.buffer_mut(), row, url);
            }
        }
    }
}
