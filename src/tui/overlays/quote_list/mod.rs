//! The quotes browser (`Q`): every quote of the events the filters keep, in time order,
//! each with who said it, its event's date and status, and its source. Here the party and
//! actor filters select quotes by who said them, as `dateline quotes --party` does; the
//! other filters (topic, dates, search...) select events. So "what did Iran say about
//! sanctions in March" is `Q`, `p`, `#` and `r` away, and gives what `quotes` prints.

pub(crate) mod draw;

use crate::filter::{self, QuoteAt};
use crate::sanitize::fold;
use crate::search::terms;
use crate::tui::app::{App, Overlay};
use crate::tui::input::action::{Action, Share};
use crate::tui::layout::areas;
use crate::tui::layout::scroll::Scroll;
use crate::tui::overlays::Opener;
use crate::tui::overlays::picker::{Counting, Picker, Purpose};
use crate::tui::overlays::quotes;
use crate::tui::overlays::range;
use crate::tui::overlays::search;
use crate::tui::update::reload::Before;
use crate::tui::update::{jump_to, refilter, share};

#[derive(Clone, Debug, Default)]
pub struct QuoteList {
    /// The quotes shown, in timeline order, then the order of the log.
    pub entries: Vec<QuoteAt>,
    /// The entry under the cursor.
    pub cursor: usize,
    /// The first item on screen: 0 is the heading, `n + 1` the `n`-th entry. The screen
    /// is laid out from there down, never from the top of the list.
    top: usize,
    /// The timeline's filters when the browser opened: leaving gives them back, so that
    /// a party picked to read its quotes does not stay on the timeline.
    timeline_filters: filter::Query,
}

/// The quotes the filters select, as `dateline quotes` selects them; here the search
/// keeps the quotes that hold its words (in their words, or who said them), not every
/// quote of an event that does: "120" finds the one quote that says it.
fn selected_quotes(app: &App) -> Vec<QuoteAt> {
    let mut quotes = filter::quotes_of(&app.log, &app.visible, &app.query);
    let terms = terms(&app.query.search);
    if !terms.is_empty() {
        quotes.retain(|at| quote_holds(app, *at, &terms));
    }
    quotes
}

/// Whether the quote's words, attribution or speaker hold every one of `terms` (folded).
fn quote_holds(app: &App, at: QuoteAt, terms: &[String]) -> bool {
    let q = &app.log.events[at.event].quotes[at.quote];
    let mut hay = fold(&q.text);
    for s in q
        .attribution
        .iter()
        .chain(q.speaker.map(|a| &app.log.actors[a].name))
    {
        hay.push('\n');
        hay.push_str(&fold(s));
    }
    terms.iter().all(|t| hay.contains(t.as_str()))
}

/// Q: opens the browser, the cursor on the first quote at or after the selected event.
pub(crate) fn open(app: &mut App) {
    let entries = selected_quotes(app);
    let cursor = app.selected.map_or(0, |s| {
        entries
            .partition_point(|q| q.event < s)
            .min(entries.len().saturating_sub(1))
    });
    let mut list = QuoteList {
        entries,
        cursor,
        top: 0,
        timeline_filters: app.query.clone(),
    };
    follow_cursor(app, &mut list);
    app.overlays.push(Overlay::QuoteList(Box::new(list)));
}

/// The filters changed: every open quotes browser shows what they select now, the cursor
/// kept on its quote or the nearest one after it.
pub(crate) fn refresh(app: &mut App) {
    if !app
        .overlays
        .iter()
        .any(|o| matches!(o, Overlay::QuoteList(_)))
    {
        return;
    }
    let entries = selected_quotes(app);
    let mut overlays = std::mem::take(&mut app.overlays);
    for o in &mut overlays {
        if let Overlay::QuoteList(l) = o {
            let at = l.entries.get(l.cursor).copied();
            l.cursor = at.map_or(0, |at| {
                entries
                    .partition_point(|q| *q < at)
                    .min(entries.len().saturating_sub(1))
            });
            l.entries = entries.clone();
            l.top = 0;
            follow_cursor(app, l);
        }
    }
    app.overlays = overlays;
}

/// `old` on a new version of the log: what the filters (carried over by id) select now,
/// the cursor kept in range and on screen.
pub(crate) fn rebuilt(app: &App, before: &Before, old: &QuoteList) -> QuoteList {
    let entries = selected_quotes(app);
    let mut list = QuoteList {
        cursor: old.cursor.min(entries.len().saturating_sub(1)),
        entries,
        top: 0,
        timeline_filters: before.query_in(app, &old.timeline_filters),
    };
    follow_cursor(app, &mut list);
    list
}

/// The quotes browser the search prompt was opened from: the overlay under it.
fn under_prompt(app: &App) -> Option<&QuoteList> {
    match app.overlays.as_slice() {
        [.., Overlay::QuoteList(l), Overlay::Search(_)] => Some(l),
        _ => None,
    }
}

/// The entries of `list` whose quotes hold `input`'s words, ascending.
pub(crate) fn entries_holding(app: &App, list: &QuoteList, input: &str) -> Vec<usize> {
    let terms = terms(input);
    (0..list.entries.len())
        .filter(|&i| quote_holds(app, list.entries[i], &terms))
        .collect()
}

/// For the search prompt over the browser: the entries holding `input`'s words. None
/// when the prompt is not over the browser.
pub(crate) fn prompt_matches(app: &App, input: &str) -> Option<Vec<usize>> {
    under_prompt(app).map(|l| entries_holding(app, l, input))
}

/// Which of `matching` (ascending entries) the browser under the prompt has its cursor on.
pub(crate) fn cursor_among(app: &App, matching: &[usize]) -> Option<usize> {
    under_prompt(app).and_then(|l| matching.binary_search(&l.cursor).ok())
}

/// The search prompt over the browser: its cursor onto the next (or previous, or with
/// `None` the first at or after it) of the `matching` entries, round the end.
pub(crate) fn step_to_match(app: &mut App, matching: &[usize], forward: Option<bool>) {
    let Some(list) = under_prompt(app) else {
        return;
    };
    let from = list.cursor;
    let next = matching.partition_point(|&i| i <= from);
    let at = matching.partition_point(|&i| i < from);
    let target = match forward {
        None => matching.get(at).or(matching.first()),
        Some(true) => matching.get(next).or(matching.first()),
        Some(false) => at.checked_sub(1).map(|i| &matching[i]).or(matching.last()),
    };
    let Some(&target) = target else {
        return;
    };
    let mut list = list.clone();
    list.cursor = target;
    follow_cursor(app, &mut list);
    let k = app.overlays.len();
    if let Some(Overlay::QuoteList(l)) = app.overlays.get_mut(k.wrapping_sub(2)) {
        **l = list;
    }
}

/// The quote under the cursor of the quotes browser on top, if it is on top.
pub(crate) fn current(app: &App) -> Option<QuoteAt> {
    match app.overlays.last() {
        Some(Overlay::QuoteList(l)) => l.entries.get(l.cursor).copied(),
        _ => None,
    }
}

/// The quotes browser the reader is in: on top, or under a picker, a prompt or the help
/// opened from it (not under an event opened from it).
pub(crate) fn reading(app: &App) -> Option<&QuoteList> {
    let reading = app.overlays.iter().rev().find(|o| {
        !matches!(
            o,
            Overlay::Picker(_)
                | Overlay::Search(_)
                | Overlay::Range { .. }
                | Overlay::Jump { .. }
                | Overlay::Help { .. }
        )
    });
    match reading {
        Some(Overlay::QuoteList(l)) => Some(l),
        _ => None,
    }
}

/// Which quote is under the cursor, counted from 1, of how many listed (as the heading
/// counts them); None when none is listed.
pub(crate) fn position(list: &QuoteList) -> Option<(usize, usize)> {
    (!list.entries.is_empty()).then(|| (list.cursor + 1, list.entries.len()))
}

fn body_size(app: &App) -> (usize, usize) {
    let inner = quotes::inner(areas(app).body);
    (inner.width as usize, (inner.height as usize).max(1))
}

fn height(app: &App, list: &QuoteList, item: usize, w: usize) -> usize {
    draw::item_lines(app, list, item, w).len()
}

/// Moves `top` so that the entry under the cursor shows whole (from its first line when it
/// is taller than the screen). Costs the items between, at most a screenful.
fn follow_cursor(app: &App, list: &mut QuoteList) {
    let (w, h) = body_size(app);
    let item = list.cursor + 1;
    if list.cursor == 0 {
        list.top = 0; // the first quote shows with the heading above it
        return;
    }
    if item <= list.top {
        list.top = item;
        return;
    }
    // Every item takes a line at least: those more than a screen above cannot show.
    list.top = list.top.max(item.saturating_sub(h));
    let mut used: usize = (list.top..=item).map(|i| height(app, list, i, w)).sum();
    while used > h && list.top < item {
        used -= height(app, list, list.top, w);
        list.top += 1;
    }
}

/// Scrolls by at most `lines` lines (negative: up; at least one item), a whole item at a
/// time, and keeps the cursor on screen.
fn scroll_by(app: &App, list: &mut QuoteList, lines: isize) {
    let (w, h) = body_size(app);
    let last_item = list.entries.len();
    let want = lines.unsigned_abs();
    let mut moved = 0;
    while moved < want {
        let next = if lines > 0 {
            (list.top < last_item).then(|| list.top + 1)
        } else {
            list.top.checked_sub(1)
        };
        let Some(next) = next else { break };
        let step = height(app, list, if lines > 0 { list.top } else { next }, w).max(1);
        // Only past items that were wholly on screen (down), or that all fit above the
        // old top (up): a quote partly shown is never scrolled past unread.
        if moved > 0 && moved + step > want {
            break;
        }
        list.top = next;
        moved += step;
    }
    // The cursor onto the screen: the first entry shown, or the last one that fits.
    let first_entry = list
        .top
        .saturating_sub(1)
        .min(list.entries.len().saturating_sub(1));
    if list.cursor < first_entry || (list.top == 0 && lines < 0) {
        list.cursor = first_entry;
    } else {
        let mut used = 0;
        let mut last_shown = first_entry;
        for item in list.top..=last_item {
            used += height(app, list, item, w);
            if used > h {
                break;
            }
            last_shown = item.saturating_sub(1);
        }
        if list.cursor > last_shown {
            list.cursor = last_shown.max(first_entry);
        }
    }
}

pub(crate) fn update(app: &mut App, action: Action) {
    if action == Action::Show(Opener::Context) {
        return crate::tui::overlays::context::open(app);
    }
    let (_, h) = body_size(app);
    let Some(Overlay::QuoteList(mut list)) = app.overlays.last().cloned() else {
        return;
    };
    let last = list.entries.len().saturating_sub(1);
    match action {
        Action::Down => list.cursor = (list.cursor + 1).min(last),
        Action::Up => list.cursor = list.cursor.saturating_sub(1),
        Action::Top => list.cursor = 0,
        Action::Bottom => list.cursor = last,
        // The keys' distances are every view's (Scroll); the anchor is an item, not a line.
        Action::PageDown
        | Action::PageUp
        | Action::HalfPageDown
        | Action::HalfPageUp
        | Action::Wheel(_) => {
            if let Some(n) = Scroll::new(0, h, 0).lines_for(action) {
                scroll_by(app, &mut list, n);
            }
        }
        Action::Open => return open_event(app, list.entries.get(list.cursor).copied()),
        Action::Back => return close(app, list.timeline_filters),
        Action::Show(Opener::Help) => return crate::tui::overlays::help::open(app),
        Action::Show(Opener::Picker(kind)) => {
            let p = Picker::open_for(
                kind,
                Purpose::Filter,
                Counting::Quotes,
                &app.log,
                &app.index,
                &app.query,
            );
            return app.overlays.push(Overlay::Picker(p));
        }
        Action::Show(Opener::Range) => return range::start(app),
        Action::Show(Opener::Search) => {
            return search::start(app);
        }
        Action::ClearFilters => {
            app.query = filter::Query::default();
            refilter(app);
            app.message = Some("filters cleared".into());
            return;
        }
        Action::Share(what @ (Share::CopyQuote | Share::OpenSource)) => {
            return share::share(app, what);
        }
        _ => return,
    }
    if matches!(
        action,
        Action::Down | Action::Up | Action::Top | Action::Bottom
    ) {
        follow_cursor(app, &mut list);
    }
    if let Some(Overlay::QuoteList(l)) = app.overlays.last_mut() {
        *l = list;
    }
}

/// Esc: back to the timeline with the filters it had when the browser opened; those
/// picked here were for reading quotes.
fn close(app: &mut App, timeline_filters: filter::Query) {
    app.overlays.pop();
    if app.query != timeline_filters {
        app.query = timeline_filters;
        refilter(app);
        app.message = Some("back to the timeline, with its filters as they were".into());
    }
}

/// Enter: the quote's event, selected in the timeline and open at that quote. Esc comes
/// back to the quotes browser.
fn open_event(app: &mut App, at: Option<QuoteAt>) {
    let Some(at) = at else {
        app.message = Some("no quote here: the filters select none (c clears them)".into());
        return;
    };
    if app.selected != Some(at.event) {
        jump_to(app, at.event);
    }
    app.quote = at.quote;
    app.overlays.push(Overlay::Quotes { scroll: 0 });
    quotes::step_cursor(app, 0);
}
