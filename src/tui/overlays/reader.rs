//! Quotes, help, the file errors and a quote in context: pages the reader scrolls through;
//! in the quotes, the cursor moves among the quotes and sharing keys work.

use crate::tui::app::App;
use crate::tui::input::action::Action;
use crate::tui::layout::areas;
use crate::tui::layout::scroll::Scroll;
use crate::tui::overlays::{Overlay, context, errors, help, quotes};
use crate::tui::update::{quote_cursor, share};

pub fn update(app: &mut App, action: Action) {
    let in_quotes = matches!(app.overlays.last(), Some(Overlay::Quotes { .. }));
    match action {
        Action::Share(what) if in_quotes => return share::share(app, what),
        Action::Edit if in_quotes => return crate::tui::update::edit::edit(app),
        Action::Down if in_quotes => return quote_cursor::step(app, 1),
        Action::Up if in_quotes => return quote_cursor::step(app, -1),
        Action::OpenContext => return context::open(app),
        _ => {}
    }
    let body = areas(app).body;
    let inner = quotes::inner(body);
    let h = (inner.height as usize).max(1);
    let total = match app.overlays.last() {
        Some(Overlay::Quotes { .. }) => app
            .selected
            .map_or(0, |ix| quotes::lines(app, ix, inner.width as usize).len()),
        Some(Overlay::Errors { .. }) => errors::lines(app, inner.width as usize).len(),
        Some(Overlay::Context(c)) => context::lines(app, c, inner.width as usize).len(),
        _ => help::lines(app, inner.width as usize).len(),
    };
    let Some(
        Overlay::Quotes { scroll }
        | Overlay::Help { scroll }
        | Overlay::Errors { scroll }
        | Overlay::Context(context::QuoteContext { scroll, .. }),
    ) = app.overlays.last_mut()
    else {
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
