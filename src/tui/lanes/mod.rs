//! The lanes view's model: one column per party, which of them are on screen, and where an
//! event goes across them. The lanes are rebuilt with the visible events (once per filter
//! change), so that moving and drawing never walk the log.

pub(crate) mod draw;

use crate::filter::Query;
use crate::model::{EventIx, Log, PartyIx};
use crate::postings::{Postings, meets};
use crate::tui::app::App;
use crate::tui::layout::areas;

/// Narrowest a lane gets (a badge and a dozen characters of title); when the parties do
/// not fit at this width, lanes scroll sideways.
const MIN_LANE_W: usize = 18;
/// Columns either side of the lanes, while some are off screen, for the markers of events
/// whose parties are off that side (`‹ 2`, `3 ›`).
const MARGIN_W: usize = 4;
/// The margins on a narrow screen (an arrow and a space), and the least lane beside them.
const NARROW_MARGIN_W: usize = 2;
const NARROW_LANE_W: usize = 8;

/// One column of the lanes view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lane {
    Party(PartyIx),
    /// Events that involve no party.
    NoParty,
}

/// Whether the lanes view is on, its lanes and how far it is scrolled sideways.
#[derive(Clone, Debug, Default)]
pub struct Lanes {
    /// The lanes view replaces the timeline list.
    pub on: bool,
    /// First lane on screen, as the reader scrolled (clamped to the width when used).
    pub first: usize,
    /// The parties of the current filter (else those with visible events) in the log's
    /// order, then the no-party lane when a visible event has no party.
    pub lanes: Vec<Lane>,
    /// Lane of each party, by party index.
    lane_of: Vec<Option<usize>>,
    no_party: Option<usize>,
}

/// Where the lanes go in a given width.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Geometry {
    /// Columns of the date column at the left.
    date_w: usize,
    /// Columns of each side margin (after the date column and at the right edge): 0 when
    /// every lane is on screen.
    margin: usize,
    /// First lane on screen.
    pub first: usize,
    /// Each lane on screen: its column (from the area's left) and width, separator included.
    pub columns: Vec<(usize, usize)>,
    /// Lanes off screen to the left and to the right.
    hidden_left: usize,
    hidden_right: usize,
}

impl Geometry {
    /// Column and width of lane `lane` if it is on screen.
    fn column(&self, lane: usize) -> Option<(usize, usize)> {
        lane.checked_sub(self.first)
            .and_then(|i| self.columns.get(i))
            .copied()
    }
}

/// Width of the date column: `▶30 Apr 14:05 ` with times (the reading zone's clock, which
/// the day headers name), `▶Apr 2024 ` without.
fn date_width(has_times: bool) -> usize {
    if has_times { 14 } else { 10 }
}

impl Lanes {
    /// The lanes for the visible events under `query`.
    pub(crate) fn rebuild(
        &mut self,
        log: &Log,
        postings: &Postings,
        query: &Query,
        visible: &[EventIx],
    ) {
        let mut used = vec![false; log.parties.len()];
        let mut no_party = false;
        if query.parties.is_empty() {
            // A party has a lane when one of its events is visible: asked of its posting
            // list, which stops at the first, rather than of every visible event.
            for (p, u) in used.iter_mut().enumerate() {
                *u = meets(postings.party(p), visible);
            }
            no_party = meets(postings.no_party(), visible);
        } else {
            let n = used.len();
            for &p in query.parties.iter().filter(|&&p| p < n) {
                used[p] = true;
            }
        }
        self.lanes.clear();
        self.lane_of = vec![None; log.parties.len()];
        for (p, _) in used.iter().enumerate().filter(|(_, u)| **u) {
            self.lane_of[p] = Some(self.lanes.len());
            self.lanes.push(Lane::Party(p));
        }
        self.no_party = no_party.then_some(self.lanes.len());
        if no_party {
            self.lanes.push(Lane::NoParty);
        }
    }

    /// How many lanes fit side by side in `width` columns (at least one).
    pub fn fitting(&self, width: usize, has_times: bool) -> usize {
        self.fit_and_margin(width, has_times).0
    }

    /// Lanes that fit and the side margins: the margins are only taken when not every
    /// lane fits without them.
    fn fit_and_margin(&self, width: usize, has_times: bool) -> (usize, usize) {
        let room = width.saturating_sub(date_width(has_times));
        if room / MIN_LANE_W >= self.lanes.len() {
            return (self.lanes.len().max(1), 0);
        }
        let fit = (room.saturating_sub(2 * MARGIN_W) / MIN_LANE_W).max(1);
        // Below one lane and its margins, the margins narrow to an arrow (`‹`, `›`: an
        // event's parties off that side, without their count), and below that the lane
        // takes what there is.
        let margin = if room >= MIN_LANE_W + 2 * MARGIN_W {
            MARGIN_W
        } else if room >= NARROW_LANE_W + 2 * NARROW_MARGIN_W {
            NARROW_MARGIN_W
        } else {
            0
        };
        (fit, margin)
    }

    /// The furthest the lanes scroll right at this width.
    fn max_first(&self, width: usize, has_times: bool) -> usize {
        self.lanes
            .len()
            .saturating_sub(self.fitting(width, has_times))
    }

    /// Where the lanes go in `width` columns: as many as fit at the minimum lane width,
    /// sharing the room out evenly.
    pub fn geometry(&self, width: usize, has_times: bool) -> Geometry {
        let date_w = date_width(has_times).min(width);
        let first = self.first.min(self.max_first(width, has_times));
        let (fit, margin) = self.fit_and_margin(width, has_times);
        let count = fit.min(self.lanes.len() - first.min(self.lanes.len()));
        let room = (width - date_w).saturating_sub(2 * margin);
        let mut columns = Vec::with_capacity(count);
        let mut x = date_w + margin;
        for i in 0..count {
            let w = room / count + usize::from(i < room % count);
            columns.push((x, w));
            x += w;
        }
        Geometry {
            date_w,
            margin,
            first,
            hidden_left: first,
            hidden_right: self.lanes.len() - first - count,
            columns,
        }
    }

    /// The lanes event `ix` is drawn in, as runs of adjacent lanes `(from, to)` inclusive:
    /// a meeting of neighbours spans them; parties apart get a cell each.
    pub fn runs(&self, log: &Log, ix: EventIx) -> Vec<(usize, usize)> {
        let lanes = self.lanes_of(log, ix);
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for l in lanes {
            match runs.last_mut() {
                Some((_, to)) if *to + 1 == l => *to = l,
                _ => runs.push((l, l)),
            }
        }
        runs
    }

    /// How many of event `ix`'s lanes are off screen to the left and to the right.
    pub fn off_screen(&self, log: &Log, ix: EventIx, geo: &Geometry) -> (usize, usize) {
        let end = geo.first + geo.columns.len();
        let lanes = self.lanes_of(log, ix);
        let left = lanes.iter().filter(|&&l| l < geo.first).count();
        let right = lanes.iter().filter(|&&l| l >= end).count();
        (left, right)
    }

    /// The lanes of event `ix`, in order: its parties' lanes, or the no-party lane.
    fn lanes_of(&self, log: &Log, ix: EventIx) -> Vec<usize> {
        let e = &log.events[ix];
        let mut lanes: Vec<usize> = if e.parties.is_empty() {
            self.no_party.into_iter().collect()
        } else {
            e.parties
                .iter()
                .filter_map(|&p| self.lane_of.get(p).copied().flatten())
                .collect()
        };
        lanes.sort_unstable();
        lanes.dedup();
        lanes
    }

    /// Scrolls sideways so that event `ix` shows in at least one lane, when none of its
    /// lanes is on screen; the reader's own scrolling is kept otherwise.
    fn follow(&mut self, log: &Log, ix: EventIx, width: usize, has_times: bool) {
        let fit = self.fitting(width, has_times);
        let first = self.first.min(self.max_first(width, has_times));
        let runs = self.runs(log, ix);
        let on_screen = |&(from, to): &(usize, usize)| from < first + fit && to >= first;
        self.first = first;
        if runs.is_empty() || runs.iter().any(on_screen) {
            return;
        }
        // The whole of its first cell when it fits.
        let (from, to) = runs[0];
        self.first = if from < first {
            from
        } else {
            (to + 1).saturating_sub(fit).min(from)
        };
    }

    /// Scrolls by `by` lanes, within bounds; false when already at the end that way.
    fn scroll(&mut self, by: isize, width: usize, has_times: bool) -> bool {
        let max = self.max_first(width, has_times);
        let first = self.first.min(max);
        self.first = first.saturating_add_signed(by).min(max);
        self.first != first
    }
}

/// h/l: scroll the lanes sideways, or say why they do not move.
pub(crate) fn scroll(app: &mut App, by: isize) {
    if !app.lanes.on {
        app.message = Some("h/l scroll the lanes: press L for the lanes view".into());
        return;
    }
    let width = areas(app).timeline.width as usize;
    if !app.lanes.scroll(by, width, app.rows.has_times()) {
        app.message = Some(
            if app.lanes.lanes.len() <= app.lanes.fitting(width, app.rows.has_times()) {
                "every lane is on screen".into()
            } else if by < 0 {
                "already at the first lane".into()
            } else {
                "already at the last lane".into()
            },
        );
    }
}

/// Keeps the selected event in a lane on screen (after it moved or the screen changed).
pub(crate) fn follow_selection(app: &mut App) {
    if !app.lanes.on {
        return;
    }
    let width = areas(app).timeline.width as usize;
    if let Some(ix) = app.selected {
        app.lanes.follow(&app.log, ix, width, app.rows.has_times());
    }
}
