//! The thread (T) and positions (P) views: lists of events built when the view opens, that
//! the reader moves through with j/k and leaves with Enter (to the event) or Esc.

use crate::tui::app::{App, Overlay};
use crate::tui::input::action::Action;
use crate::tui::layout::areas;
use crate::tui::layout::scroll::Scroll;
use crate::tui::overlays::Opener;
use crate::tui::overlays::picker::{Counting, Picker, PickerKind, Purpose};
use crate::tui::overlays::quotes;
use crate::tui::update::jump_to;
use crate::tui::update::reload::Before;

pub(crate) mod draw;
pub(crate) mod positions;
pub(crate) mod thread;
use crate::model::{EventIx, PartyIx};
use crate::threads::{self, Position};
use ratatui::text::Line;

/// What a list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    /// The chain of related events around `around`.
    Thread { around: EventIx },
    /// What `party` said, among the visible events.
    Positions { party: PartyIx },
}

#[derive(Clone, Debug)]
pub struct EventList {
    pub kind: ListKind,
    /// In timeline order; a thread's entries carry no quote.
    pub entries: Vec<Position>,
    /// The entry under the cursor.
    pub cursor: usize,
    /// First line on screen.
    scroll: usize,
}

/// A list's lines at one width, and the line each entry starts on.
pub(crate) struct ListText {
    lines: Vec<Line<'static>>,
    starts: Vec<usize>,
}

fn text(app: &App, list: &EventList, width: usize) -> ListText {
    match list.kind {
        ListKind::Thread { around } => thread::lines(app, list, around, width),
        ListKind::Positions { party } => positions::lines(app, list, party, width),
    }
}

/// T: the thread of the selected event, the cursor on it.
pub(crate) fn open_thread(app: &mut App) {
    let Some(ix) = app.selected else {
        app.message = Some("no event selected".into());
        return;
    };
    let entries: Vec<Position> = threads::thread(&app.log, ix)
        .into_iter()
        .map(|event| Position { event, quote: None })
        .collect();
    let cursor = entries.iter().position(|p| p.event == ix).unwrap_or(0);
    open(app, ListKind::Thread { around: ix }, entries, cursor);
}

/// P: the positions of the party filter's only party, else of the selected event's first
/// party; else the reader picks the party. The view names the party, and `p` there
/// picks another.
pub(crate) fn open_positions(app: &mut App) {
    let party = if app.query.parties.len() == 1 {
        app.query.parties.first().copied()
    } else {
        app.selected
            .and_then(|ix| app.log.events[ix].parties.first().copied())
    };
    match party {
        Some(party) => show_positions(app, party),
        None => pick_positions_party(app),
    }
}

/// The party picker whose Enter shows that party's positions; the filters stay as they are.
fn pick_positions_party(app: &mut App) {
    if app.log.parties.is_empty() {
        app.message = Some("the log has no parties whose positions to show".into());
        return;
    }
    let p = Picker::open_for(
        PickerKind::Party,
        Purpose::Positions,
        Counting::Positions,
        &app.log,
        &app.index,
        &app.query,
    );
    app.overlays.push(Overlay::Picker(p));
}

/// What `party` said among the events shown, in place of a positions view already open.
pub(crate) fn show_positions(app: &mut App, party: PartyIx) {
    if let Some(Overlay::List(EventList {
        kind: ListKind::Positions { .. },
        ..
    })) = app.overlays.last()
    {
        app.overlays.pop();
    }
    let entries = threads::positions(&app.log, party, &app.visible);
    // Start at the selected event, or the first entry after it.
    let cursor = app.selected.map_or(0, |s| {
        entries
            .partition_point(|p| p.event < s)
            .min(entries.len().saturating_sub(1))
    });
    open(app, ListKind::Positions { party }, entries, cursor);
}

/// A list that was open over `old`, built again on the reloaded log with its cursor on the
/// same event; None when its event or party is gone.
pub(crate) fn reopened(app: &App, before: &Before, list: &EventList) -> Option<EventList> {
    let old = before.old;
    let same = |ix: EventIx| before.event_in(&app.log, ix);
    let (kind, entries) = match list.kind {
        ListKind::Thread { around } => {
            let around = same(around)?;
            let entries = threads::thread(&app.log, around)
                .into_iter()
                .map(|event| Position { event, quote: None })
                .collect();
            (ListKind::Thread { around }, entries)
        }
        ListKind::Positions { party } => {
            let party = app.log.party(&old.parties.get(party)?.id)?;
            let entries = threads::positions(&app.log, party, &app.visible);
            (ListKind::Positions { party }, entries)
        }
    };
    let under = list.entries.get(list.cursor).and_then(|p| same(p.event));
    let cursor = under
        .and_then(|u| entries.iter().position(|p: &Position| p.event == u))
        .unwrap_or(0);
    let mut list = EventList {
        kind,
        entries,
        cursor,
        scroll: 0,
    };
    let inner = quotes::inner(areas(app).body);
    follow_cursor(app, &mut list, inner.width as usize, inner.height as usize);
    Some(list)
}

fn open(app: &mut App, kind: ListKind, entries: Vec<Position>, cursor: usize) {
    let mut list = EventList {
        kind,
        entries,
        cursor,
        scroll: 0,
    };
    let inner = quotes::inner(areas(app).body);
    follow_cursor(app, &mut list, inner.width as usize, inner.height as usize);
    app.overlays.push(Overlay::List(list));
}

/// Moves `scroll` so that the entry under the cursor shows, from its first line.
fn follow_cursor(app: &App, list: &mut EventList, width: usize, height: usize) {
    let t = text(app, list, width);
    let start = t.starts.get(list.cursor).copied().unwrap_or(0);
    let end = t
        .starts
        .get(list.cursor + 1)
        .copied()
        .unwrap_or(t.lines.len());
    list.scroll = Scroll::new(list.scroll, height, t.lines.len()).reveal(start, end);
}

pub(crate) fn update(app: &mut App, action: Action) {
    let inner = quotes::inner(areas(app).body);
    let (w, h) = (inner.width as usize, (inner.height as usize).max(1));
    let Some(Overlay::List(mut list)) = app.overlays.last().cloned() else {
        return;
    };
    let last = list.entries.len().saturating_sub(1);
    let by_lines = |list: &mut EventList, n: isize| {
        let t = text(app, list, w);
        list.scroll = Scroll::new(list.scroll, h, t.lines.len()).by(n);
        // The cursor goes with the page: onto the first entry starting on screen.
        let on_screen = |c: usize| {
            t.starts
                .get(c)
                .is_some_and(|&s| s >= list.scroll && s < list.scroll + h)
        };
        if !on_screen(list.cursor)
            && let Some(c) = (0..list.entries.len()).find(|&c| on_screen(c))
        {
            list.cursor = c;
        }
    };
    match action {
        Action::Down => list.cursor = (list.cursor + 1).min(last),
        Action::Up => list.cursor = list.cursor.saturating_sub(1),
        Action::Top => list.cursor = 0,
        Action::Bottom => list.cursor = last,
        Action::PageDown
        | Action::PageUp
        | Action::HalfPageDown
        | Action::HalfPageUp
        | Action::Wheel(_) => {
            if let Some(n) = Scroll::new(list.scroll, h, 0).lines_for(action) {
                by_lines(&mut list, n);
            }
        }
        Action::Open => {
            let target = list.entries.get(list.cursor).map(|p| p.event);
            match target {
                // A hidden event: the offer to clear the filters is made over the list.
                Some(t) if !app.is_visible(t) && app.reveal != Some(t) => jump_to(app, t),
                Some(t) if app.selected != Some(t) => {
                    app.overlays.pop();
                    jump_to(app, t);
                }
                _ => {
                    app.overlays.pop();
                }
            }
            return;
        }
        Action::Back => {
            app.overlays.pop();
            return;
        }
        Action::Show(Opener::Help) => {
            crate::tui::overlays::help::open(app);
            return;
        }
        Action::Show(Opener::Picker(PickerKind::Party)) => {
            pick_positions_party(app);
            return;
        }
        _ => return,
    }
    if matches!(
        action,
        Action::Down | Action::Up | Action::Top | Action::Bottom
    ) {
        follow_cursor(app, &mut list, w, h);
    }
    if let Some(Overlay::List(l)) = app.overlays.last_mut() {
        *l = list;
    }
}
