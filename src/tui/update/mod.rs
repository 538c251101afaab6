//! `update`: the only place the browser's state changes. Key presses cost O(log n) in the
//! number of events; only filter changes (pickers, search, clearing) walk the log.

pub(crate) mod checked;
pub(crate) mod edit;
pub(crate) mod mark_keys;
mod paging;
pub(crate) mod reload;
pub mod seen_keys;
pub mod share;
pub(crate) mod write;

use crate::filter;
use crate::model::EventIx;
use crate::tui::app::derived::{Changed, Near};
use crate::tui::app::rows::Row;
use crate::tui::app::{App, Focus};
use crate::tui::input::action::Action;
use crate::tui::input::msg::Msg;
use crate::tui::lanes;
use crate::tui::layout::areas;
use crate::tui::layout::detail_text;
use crate::tui::layout::scroll::Scroll;
use crate::tui::overlays::{self, Opener};
use crate::tui::overview;

pub fn update(app: &mut App, msg: impl Into<Msg>) {
    let action = match msg.into() {
        Msg::Action(a) => a,
        Msg::Reloaded(r) => return crate::tui::update::reload::reloaded(app, *r),
        Msg::Unchanged => return crate::tui::update::reload::unchanged(app),
        Msg::Opened(result) => return share::opened(app, result),
        Msg::Edited(result) => return edit::edited(app, result),
        Msg::Watching(why) => {
            app.message = Some(why);
            return;
        }
        Msg::Paste(text) => return overlays::paste(app, &text),
        Msg::Written { result, events } => return share::written(app, result, events),
        Msg::MarksSaved(result) => return mark_keys::saved(app, result),
        Msg::SeenSaved(result) => return seen_keys::saved(app, result),
        Msg::SeenRead(read) => return seen_keys::arrived(app, *read),
        Msg::LogWritten(result) => return write::written(app, *result),
        Msg::Checked {
            generation,
            verdicts,
        } => return checked::checked(app, generation, verdicts),
        Msg::Failed(what) => {
            app.message = Some(format!(
                "{what} failed: an error in dateline (its message is printed when you quit)"
            ));
            return;
        }
    };
    if !matches!(action, Action::Resize { .. }) {
        app.message = None;
        app.editor_note = None;
    }
    if !matches!(action, Action::Resize { .. } | Action::Open) {
        app.reveal = None;
    }
    match action {
        Action::Quit => app.quit = true,
        Action::Suspend => app.effects.push(share::Effect::Suspend),
        Action::Resize { width, height } => {
            app.width = width;
            app.height = height;
            overview::refresh(app);
            scroll_to_selection(app);
        }
        _ if app.overlays.is_empty() => browse(app, action),
        _ => overlays::update(app, action),
    }
}

/// Rows on a timeline page (at least one); the lanes view gives one to the lane names.
pub(crate) fn page(app: &App) -> usize {
    let h = areas(app).timeline.height as usize;
    h.saturating_sub(usize::from(app.lanes.on)).max(1)
}

fn browse(app: &mut App, action: Action) {
    if app.focus == Focus::Details && details(app, action) {
        return;
    }
    let p = page(app);
    match action {
        Action::Down => move_by(app, 1),
        Action::Up => move_by(app, -1),
        Action::PageDown => paging::page_down(app, p),
        Action::PageUp => paging::page_up(app, p),
        Action::HalfPageDown => paging::half_page(app, p, true),
        Action::HalfPageUp => paging::half_page(app, p, false),
        Action::Wheel(n) => move_by(app, n as isize),
        Action::Top => select_pos(app, 0),
        Action::Bottom => select_pos(app, app.visible.len().saturating_sub(1)),
        Action::NextDay => day(app, true),
        Action::PrevDay => day(app, false),
        Action::FocusNext => {
            app.focus = match app.focus {
                Focus::Timeline => Focus::Details,
                Focus::Details => Focus::Timeline,
            };
            app.link = 0;
            app.detail_scroll = 0;
        }
        // Esc leaves the lanes for the list, as it leaves every other view.
        Action::Back if app.lanes.on && app.focus == Focus::Timeline => {
            app.lanes.on = false;
            overview::refresh(app);
            scroll_to_selection(app);
        }
        Action::Back => app.focus = Focus::Timeline,
        Action::JumpBack => jump_back(app),
        Action::ToggleParty(n) => {
            if n < app.log.parties.len() {
                let mut set = app.query.parties.clone();
                if !set.remove(&n) {
                    set.insert(n);
                }
                app.query.parties = set;
                refilter(app);
            } else {
                app.message = Some(format!("there is no party {}", n + 1));
            }
        }
        Action::ClearParties => {
            app.query.parties.clear();
            refilter(app);
        }
        Action::ClearFilters => {
            app.query = filter::Query::default();
            refilter(app);
            app.message = Some("filters cleared".into());
        }
        Action::NextMatch => next_match(app, true),
        Action::PrevMatch => next_match(app, false),
        Action::Click { col, row } => click(app, col, row),
        Action::ToggleLanes => {
            app.lanes.on = !app.lanes.on;
            // The timeline's width changes with the details pane moving.
            overview::refresh(app);
            scroll_to_selection(app);
        }
        Action::ScrollLanes(by) => lanes::scroll(app, by),
        Action::Share(what) => share::share(app, what),
        Action::Edit => edit::edit(app),
        Action::Undo => write::undo(app),
        Action::Mark(what) => mark_keys::apply(app, what),
        Action::ToggleOverview => overview::toggle(app),
        Action::GoToNew => seen_keys::go_to_first(app),
        Action::OnlyUnseen => seen_keys::only_unseen(app),
        // Enter opens the selected event's quotes; other keys open what the overlay list
        // says.
        Action::Open => overlays::open(app, Opener::Quotes),
        Action::Show(opener) => overlays::open(app, opener),
        // Handled before the mode's keys, or meaningful only in a prompt or a picker.
        Action::Quit
        | Action::Suspend
        | Action::Resize { .. }
        | Action::Input(_)
        | Action::SetStatus(_)
        | Action::Select(_)
        | Action::DeleteChar
        | Action::Toggle => {}
    }
}

/// Keys with a meaning of their own in the details pane; false when the timeline's
/// meaning applies.
fn details(app: &mut App, action: Action) -> bool {
    let links = app.links().len();
    let inner = areas(app).details_inner;
    let h = (inner.height as usize).max(1);
    let total = app.selected.map_or(0, |ix| {
        detail_text::lines(app, ix, inner.width as usize)
            .lines
            .len()
    });
    let scroll = Scroll::new(app.detail_scroll, h, total);
    match action {
        Action::Down if links > 0 => app.link = (app.link + 1).min(links - 1),
        Action::Up if links > 0 => app.link = app.link.saturating_sub(1),
        Action::Down
        | Action::Up
        | Action::Wheel(_)
        | Action::PageDown
        | Action::PageUp
        | Action::HalfPageDown
        | Action::HalfPageUp
        | Action::Top
        | Action::Bottom => {
            if let Some(offset) = scroll.after(action) {
                app.detail_scroll = offset;
            }
        }
        Action::Open if links > 0 => {
            let target = app.links()[app.link.min(links - 1)];
            jump_to(app, target);
        }
        _ => return false,
    }
    true
}

/// Quote view and help: scrolling, and Esc.
/// n/N after a search was kept: every visible event matches, so move to the next one,
/// round the end; without a search, say how to start one.
fn next_match(app: &mut App, forward: bool) {
    if app.query.search.is_empty() {
        app.message = Some("no search: press / to search".into());
        return;
    }
    let Some(pos) = app.selected_pos() else {
        return;
    };
    let n = app.visible.len();
    let next = if forward {
        (pos + 1) % n
    } else {
        (pos + n - 1) % n
    };
    select_pos(app, next);
    // As less and vim do: say when the search went round the end.
    if forward && next <= pos {
        app.message = Some("search wrapped: back at the first match".into());
    } else if !forward && next >= pos {
        app.message = Some("search wrapped: on from the last match".into());
    }
}

/// Re-applies the query after a filter changed, keeping the reader's place: the selected
/// event if still visible, else the nearest visible one in time; and the selection a
/// filter hid comes back once a filter shows it again.
pub(crate) fn refilter(app: &mut App) {
    app.rebuild_derived(Changed::Query);
    let anchor = app.selected.or(app.remembered);
    if let Some(r) = app.remembered.filter(|&r| app.is_visible(r)) {
        app.selected = Some(r);
        app.remembered = None;
    } else if let Some(a) = anchor {
        if !app.is_visible(a) {
            app.remembered.get_or_insert(a);
            app.selected = app.nearest_visible(Near::Event(a));
        }
    } else {
        app.selected = app.visible.first().copied();
    }
    app.link = 0;
    app.detail_scroll = 0;
    overview::refresh(app);
    scroll_to_selection(app);
    overlays::refiltered(app);
}

/// The reader chose a place: forget the one a filter hid.
pub(super) fn select_pos(app: &mut App, pos: usize) {
    if let Some(&ix) = app.visible.get(pos) {
        if app.selected != Some(ix) {
            app.link = 0;
            app.detail_scroll = 0;
        }
        app.selected = Some(ix);
        app.remembered = None;
        scroll_to_selection(app);
    }
}

fn move_by(app: &mut App, by: isize) {
    let Some(pos) = app.selected_pos() else {
        select_pos(app, 0);
        return;
    };
    let last = app.visible.len().saturating_sub(1);
    select_pos(app, pos.saturating_add_signed(by).min(last));
}

/// `]`: the first event of the next day; `[`: of this day, or of the previous one when
/// already there.
fn day(app: &mut App, forward: bool) {
    let Some(pos) = app.selected_pos() else {
        return;
    };
    let row = app.rows.event_row[pos];
    let target = if forward {
        app.rows.next_header(row)
    } else {
        match app.rows.header_of(row) {
            Some(h) if h + 1 < row => Some(h),
            _ => app.rows.previous_header(row),
        }
    };
    if let Some(p) = target.and_then(|h| app.rows.event_at_or_after(h)) {
        select_pos(app, p);
    }
}

/// Goes to event `target`, Backspace returning. When the filters hide it, the first call
/// offers to clear them and the second (Enter again) does, Backspace bringing them back.
pub(crate) fn jump_to(app: &mut App, target: EventIx) {
    if !app.is_visible(target) {
        if app.reveal != Some(target) {
            app.reveal = Some(target);
            app.message = Some(
                "hidden by the filters: Enter again clears them and goes there (Backspace brings them back)"
                    .into(),
            );
            return;
        }
        app.reveal = None;
        if let Some(s) = app.selected {
            app.back.push(s);
        }
        let filters = std::mem::take(&mut app.query);
        app.filters_back.push((app.back.len(), filters));
        refilter(app);
        go_to(app, target);
        app.message = Some("filters cleared to show it: Backspace brings them back".into());
        return;
    }
    if let Some(s) = app.selected {
        app.back.push(s);
    }
    go_to(app, target);
    app.message = Some("Backspace returns".into());
}

/// Selects `target`, a visible event, as a jump does.
pub(crate) fn go_to(app: &mut App, target: EventIx) {
    app.selected = Some(target);
    app.remembered = None;
    app.link = 0;
    app.detail_scroll = 0;
    scroll_to_selection(app);
}

fn jump_back(app: &mut App) {
    if let Some((depth, _)) = app.filters_back.last()
        && *depth == app.back.len()
        && let Some((_, filters)) = app.filters_back.pop()
    {
        app.query = filters;
        refilter(app);
        app.message = Some("filters back".into());
    }
    while let Some(ix) = app.back.pop() {
        if app.is_visible(ix) {
            app.selected = Some(ix);
            app.remembered = None;
            app.link = 0;
            app.detail_scroll = 0;
            scroll_to_selection(app);
            return;
        }
    }
    app.message = Some("nowhere to return to".into());
}

fn click(app: &mut App, col: u16, row: u16) {
    let a = areas(app);
    let hit = |r: ratatui::layout::Rect| {
        col >= r.x && col < r.x + r.width && row >= r.y && row < r.y + r.height
    };
    if hit(a.overview) {
        overview::click(app, (col - a.overview.x) as usize);
    } else if hit(a.timeline) {
        app.focus = Focus::Timeline;
        let lane_names = u16::from(app.lanes.on);
        let Some(r) = (row - a.timeline.y).checked_sub(lane_names) else {
            return;
        };
        let r = app.scroll + r as usize;
        let pos = match app.rows.rows.get(r) {
            Some(Row::Event { pos, .. }) => Some(*pos as usize),
            Some(_) => app.rows.event_at_or_after(r),
            None => None,
        };
        if let Some(p) = pos {
            select_pos(app, p);
        }
    } else if hit(a.details) {
        app.focus = Focus::Details;
    }
}

/// Scrolls the timeline so the selected row is on screen, with its date header when the
/// two fit; in the lanes view, sideways too when none of its lanes shows.
pub(crate) fn scroll_to_selection(app: &mut App) {
    lanes::follow_selection(app);
    let h = page(app);
    let len = app.rows.len();
    app.scroll = app.scroll.min(len.saturating_sub(h));
    let Some(pos) = app.selected_pos() else {
        app.scroll = 0;
        return;
    };
    let row = app.rows.event_row[pos];
    if row < app.scroll {
        app.scroll = match app.rows.header_of(row) {
            Some(hd) if row - hd < h => hd,
            _ => row,
        };
    } else if row >= app.scroll + h {
        app.scroll = row + 1 - h;
    }
    // The first event shows its header (and whatever is above it).
    if pos == 0 && row < h {
        app.scroll = 0;
    }
}
