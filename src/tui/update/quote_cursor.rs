//! The quote view's cursor: j/k go from quote to quote, and the view scrolls so the
//! selected quote shows, so that `y` and `o` act on the quote the reader sees marked.

use crate::tui::app::{App, Overlay};
use crate::tui::layout::areas;
use crate::tui::layout::scroll::Scroll;
use crate::tui::overlays::quotes;

/// Moves the cursor `by` quotes (clamped to the event's quotes) and scrolls to it.
pub(crate) fn step(app: &mut App, by: isize) {
    let Some(ix) = app.selected else { return };
    let n = app.log.events[ix].quotes.len();
    if n == 0 {
        return;
    }
    app.quote = app.quote.min(n - 1).saturating_add_signed(by).min(n - 1);
    let inner = quotes::inner(areas(app).body);
    let h = (inner.height as usize).max(1);
    let width = inner.width as usize;
    let total = quotes::lines(app, ix, width).len();
    let starts = quotes::quote_starts(app, ix, width);
    let start = starts[app.quote];
    // The blank line before the next quote, or the end.
    let end = starts.get(app.quote + 1).map_or(total, |&s| s - 1);
    let Some(Overlay::Quotes { scroll }) = app.overlays.last_mut() else {
        return;
    };
    // The first quote shows with the event's title above it; others with the blank line
    // before them when they are shown from their start.
    let from = if app.quote == 0 { 0 } else { start - 1 };
    *scroll = Scroll::new(*scroll, h, total).reveal(from, end);
}
