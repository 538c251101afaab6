//! Pages the reader scrolls through (the quotes, help, the file errors and a quote in
//! context): each overlay's update says how long its text is, and this scrolls it.

use crate::tui::app::App;
use crate::tui::input::action::Action;
use crate::tui::layout::areas;
use crate::tui::layout::scroll::Scroll;
use crate::tui::overlays::{help, quotes};
use ratatui::layout::Rect;

/// Where a page's text goes, inside its titled rule.
pub(crate) fn inner(app: &App) -> Rect {
    quotes::inner(areas(app).body)
}

/// Scrolls the page on top, whose text is `total` lines long; Esc closes it and `?`
/// opens the help over it.
pub(crate) fn update(app: &mut App, action: Action, total: usize) {
    let h = (inner(app).height as usize).max(1);
    let Some(scroll) = app.overlays.last_mut().and_then(|o| o.page_scroll()) else {
        return;
    };
    if let Some(offset) = Scroll::new(*scroll, h, total).after(action) {
        *scroll = offset;
        return;
    }
    match action {
        Action::Back => {
            app.overlays.pop();
        }
        Action::Help => help::open(app),
        _ => {}
    }
}
