//! Paging the timeline and the lanes by rows, not by events: day headers and gap lines
//! take rows too, so moving the selection a screen's worth of events would scroll past
//! events that were never drawn. A page down starts where the screen ended, the first
//! event that was hidden below selected; a page up ends where the screen began.

use crate::tui::app::App;
use crate::tui::app::rows::Row;
use crate::tui::update::select_pos;

/// PgDn: the rows below the screen come up, from the first one hidden.
pub(super) fn page_down(app: &mut App, page: usize) {
    let below = app.scroll + page;
    if below >= app.rows.len() {
        // The last rows are on screen: the last event, as `G` would.
        return select_pos(app, app.visible.len().saturating_sub(1));
    }
    let Some(pos) = app.rows.event_at_or_after(below) else {
        return select_pos(app, app.visible.len().saturating_sub(1));
    };
    app.scroll = below.min(app.rows.len().saturating_sub(page));
    select_pos(app, pos);
}

/// PgUp: the rows above the screen come down, to the last one hidden, the first event
/// of the new screen selected (so PgDn comes back to where it was).
pub(super) fn page_up(app: &mut App, page: usize) {
    let old = app.scroll;
    app.scroll = old.saturating_sub(page);
    let mut pos = app.rows.event_at_or_after(app.scroll).unwrap_or(0);
    // The first event brings its header with it, scrolling to the very top: that would
    // pull the page's end above the rows just hidden. The last of those then; the next
    // PgUp goes to the top.
    if pos == 0
        && app.scroll > 0
        && let Some(p) = event_before(app, old)
    {
        pos = p;
    }
    select_pos(app, pos);
}

/// Ctrl-d, Ctrl-u: the screen moves half a page and the selection with it, by rows (as
/// in vim), onto the nearest event that way that the moved screen shows.
pub(super) fn half_page(app: &mut App, page: usize, down: bool) {
    let Some(pos) = app.selected_pos() else {
        return select_pos(app, 0);
    };
    let half = (page / 2).max(1);
    let row = app.rows.event_row[pos];
    let last = app.visible.len().saturating_sub(1);
    let target = if down {
        app.scroll = (app.scroll + half).min(app.rows.len().saturating_sub(page));
        let t = app.rows.event_at_or_after(row + half).unwrap_or(last);
        // Headers and gaps may push it below the screen, past events never drawn.
        match event_before(app, app.scroll + page) {
            Some(b) if app.rows.event_row[t] >= app.scroll + page && b > pos => b,
            _ => t,
        }
    } else {
        app.scroll = app.scroll.saturating_sub(half);
        let t = event_before(app, (row + 1).saturating_sub(half)).unwrap_or(0);
        match app.rows.event_at_or_after(app.scroll) {
            Some(a) if app.rows.event_row[t] < app.scroll && a < pos => a,
            _ => t,
        }
    };
    select_pos(app, target);
}

/// The position of the last event in a row before `row`.
fn event_before(app: &App, row: usize) -> Option<usize> {
    let p = app.rows.event_row.partition_point(|&r| r < row);
    let pos = p.checked_sub(1)?;
    debug_assert!(matches!(
        app.rows.rows[app.rows.event_row[pos]],
        Row::Event { .. }
    ));
    Some(pos)
}
