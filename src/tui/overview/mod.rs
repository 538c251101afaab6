//! The activity overview's state (`v`): how many shown events fall in each day,
//! week, month or year, counted once per filter change or resize, not per frame, so that
//! drawing it costs the same on 10 events as on 100,000. Drawn by `overview::draw`;
//! a click on a bar goes to the first event of that bar.

pub(crate) mod draw;

use crate::activity::{Histogram, first_at_or_after};
use crate::model::{Date, PartyIx};
use crate::tui::app::App;
use crate::tui::layout::areas_split;
use crate::tui::update::{scroll_to_selection, select_pos};
use ratatui::layout::Rect;

/// Columns for the row names (`all`, a party's id) when the strip is wide enough.
const NAME_W: usize = 8;
/// Below this width the strip draws only the total, without names.
const NAMED_FROM: usize = 40;
/// At most this many columns per bar, so that a short span does not become one wide block.
const MAX_BAR_W: usize = 3;
/// At most this many party rows.
const MAX_PARTY_ROWS: usize = 4;
/// The timeline keeps at least this many rows under the strip.
const TIMELINE_MIN: u16 = 4;

/// The counts for the strip, for one filter and one width.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overview {
    /// None when no event is shown.
    pub hist: Option<Histogram>,
    /// Columns for the row names (0: no names, total only).
    pub name_w: usize,
    /// Columns per bar.
    pub bar_w: usize,
    /// Parties with events in the span, in log order: one row each when there is room.
    pub parties: Vec<PartyIx>,
}

impl Overview {
    /// Counts the shown events for a strip `width` columns wide.
    fn build(app: &App, width: usize) -> Overview {
        let name_w = if width >= NAMED_FROM { NAME_W } else { 0 };
        let bars = width.saturating_sub(name_w).max(1);
        // Bars counted for the party rows the strip can show; of the others, only that
        // they have events (for the "+2 more parties" of its title).
        let detail = if name_w > 0 { MAX_PARTY_ROWS } else { 0 };
        let hist = Histogram::with_detail(
            &app.log,
            app.rows.calendar(),
            app.index.postings(),
            &app.visible,
            bars,
            detail,
        );
        let (bar_w, parties) = match &hist {
            Some(h) => (
                (bars / h.counts.len().max(1)).clamp(1, MAX_BAR_W),
                if name_w > 0 {
                    h.parties.clone()
                } else {
                    Vec::new()
                },
            ),
            None => (1, Vec::new()),
        };
        Overview {
            hist,
            name_w,
            bar_w,
            parties,
        }
    }

    /// Party rows that fit over a timeline `timeline_h` rows tall.
    pub fn party_rows(&self, timeline_h: u16) -> usize {
        let room = timeline_h.saturating_sub(TIMELINE_MIN + 3) as usize;
        self.parties.len().min(MAX_PARTY_ROWS).min(room)
    }

    /// Rows the strip takes from a timeline `timeline_h` rows tall: a title, the total,
    /// the parties that fit and the row marking the selection; none when it does not fit.
    pub(crate) fn height(&self, timeline_h: u16) -> u16 {
        let h = 3 + self.party_rows(timeline_h) as u16;
        if timeline_h >= h + TIMELINE_MIN { h } else { 0 }
    }

    /// The bar under column `x` of the strip (0 = its left edge), if any.
    fn bar_at(&self, x: usize) -> Option<usize> {
        let b = x.checked_sub(self.name_w)? / self.bar_w;
        (b < self.hist.as_ref()?.counts.len()).then_some(b)
    }
}

/// The strip's width for the terminal size: the timeline's.
fn width(app: &App) -> usize {
    areas_split(
        Rect::new(0, 0, app.width, app.height),
        app.focus,
        app.lanes.on,
    )
    .timeline
    .width as usize
}

/// `v`: shows or hides the strip.
pub(crate) fn toggle(app: &mut App) {
    app.overview = match app.overview {
        Some(_) => None,
        None => Some(Overview::build(app, width(app))),
    };
    scroll_to_selection(app);
}

/// Counts again after the filters or the size changed, when the strip is shown.
pub(crate) fn refresh(app: &mut App) {
    if app.overview.is_some() {
        app.overview = Some(Overview::build(app, width(app)));
    }
}

/// A click at column `x` of the strip: the first shown event of that bar (or the next
/// one after it, when the bar is empty).
pub(crate) fn click(app: &mut App, x: usize) {
    let Some(ov) = &app.overview else { return };
    let (Some(b), Some(h)) = (ov.bar_at(x), &ov.hist) else {
        return;
    };
    let start = h.start_of(b);
    let Ok(date) = Date::parse(&start.format("%Y-%m-%d").to_string()) else {
        return;
    };
    if let Some(pos) = first_at_or_after(&app.log, &app.visible, &date) {
        select_pos(app, pos);
    }
}
