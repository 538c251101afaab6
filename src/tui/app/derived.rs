//! What the browser derives from its log, marks and filters, rebuilt in one place: when
//! the browser opens, when a filter changes and when the log is reloaded.

use crate::filter;
use crate::model::EventIx;
use crate::search::SearchIndex;
use crate::tui::app::App;
use crate::tui::app::rows::Rows;
use crate::tui::theme::Theme;

/// What changed since the derived state was last built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Changed {
    /// The log (opened or reloaded): the search index, the colours and the marked events
    /// too, since every index may have moved.
    Log,
    /// The filters only.
    Query,
}

/// Where to look for the visible event nearest in time.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Near {
    /// An event of the log, visible or not: a tie goes to the visible event after it.
    Event(EventIx),
    /// An instant: a tie goes to the first visible event at that instant.
    Instant(i64),
}

impl App {
    /// Rebuilds what follows from the log and the filters: the search index, the colours
    /// and the marked events when the log changed; the visible events, their rows and the
    /// lanes always. The overview follows the layout too (the focus moves the details
    /// pane), so the caller refreshes it once the place is settled.
    pub(crate) fn rebuild_derived(&mut self, changed: Changed) {
        if changed == Changed::Log {
            self.index = SearchIndex::new(&self.log);
            // The search text is folded off the screen thread: the first frame never waits.
            self.index
                .prepare_text_in_background(std::sync::Arc::clone(&self.log));
            self.theme = Theme::new(&self.log, self.theme.mode);
            self.marked = self.marks.present(&self.log);
            self.rows = Rows::for_log(&self.log);
        }
        self.visible = filter::apply(&self.log, &self.index, &self.query);
        self.rows.rebuild(&self.visible);
        self.lanes
            .rebuild(&self.log, self.index.postings(), &self.query, &self.visible);
    }

    /// The visible event nearest in time to `near` (the later one on a tie); visible events
    /// are in timeline order, which is by start instant.
    pub(crate) fn nearest_visible(&self, near: Near) -> Option<EventIx> {
        let ev = &self.log.events;
        let v = &self.visible;
        let (p, ts) = match near {
            Near::Event(ix) => (v.partition_point(|&i| i < ix), ev[ix].date.start_ts()),
            Near::Instant(ts) => (v.partition_point(|&i| ev[i].date.start_ts() < ts), ts),
        };
        let dist = |i: EventIx| (ev[i].date.start_ts() - ts).abs();
        match (p.checked_sub(1).map(|i| v[i]), v.get(p).copied()) {
            (Some(a), Some(b)) => Some(if dist(a) < dist(b) { a } else { b }),
            (a, b) => a.or(b),
        }
    }
}
