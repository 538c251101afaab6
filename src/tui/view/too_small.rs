//! Below the usable size: say so instead of drawing a broken screen.

use crate::tui::layout::{MIN_HEIGHT, MIN_WIDTH};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};

pub(crate) fn draw(frame: &mut Frame, area: Rect) {
    let msg = format!("Terminal too small: need {MIN_WIDTH}×{MIN_HEIGHT}. q quits.");
    frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
}
