//! The status bar: the prompt open (search, jump, date range), or a message, or the keys of the current mode; and
//! where the selection is.

use crate::sanitize::sanitize;
use crate::tui::app::App;
use crate::tui::input::keymap::fitting_hints;
use crate::tui::layout::text::{truncate, width};
use crate::tui::overlays::quote_list;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub(crate) fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let w = area.width as usize;
    // In the quotes browser, which quote of those listed (as its heading counts them);
    // elsewhere, which event of those shown.
    let right = if let Some(list) = quote_list::reading(app) {
        quote_list::position(list).map(|(at, of)| format!(" {at}/{of}"))
    } else {
        app.selected_pos()
            .map(|p| format!(" {}/{}", p + 1, app.visible.len()))
    }
    .unwrap_or_default();
    let room = w.saturating_sub(width(&right));
    let mut left: Vec<Span<'static>> = Vec::new();
    if let Some(prompt) = app.overlays.last().and_then(|o| o.prompt_line(app, room)) {
        left = prompt;
    } else if let Some(m) = &app.message {
        left.push(Span::styled(sanitize(m).into_owned(), t.label()));
    } else if let Some(fe) = &app.file_errors {
        left.push(Span::styled(fe.notice(), t.warning()));
    } else {
        // `U new` only while there is something new or changed to show.
        let hints = fitting_hints(app.mode(), room)
            .into_iter()
            .filter(|(_, h)| *h != "new" || !app.unseen.is_empty());
        for (key, hint) in hints {
            left.push(Span::styled(key, t.key()));
            left.push(Span::raw(format!(" {hint}  ")));
        }
    }
    let left = truncate(left, room);
    let used: usize = left.iter().map(|s| width(&s.content)).sum();
    let mut spans = left;
    spans.push(Span::raw(" ".repeat(room.saturating_sub(used))));
    spans.push(Span::styled(right, t.dim()));
    frame.render_widget(Paragraph::new(Line::from(truncate(spans, w))), area);
}
