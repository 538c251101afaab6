//! The rows of the timeline: date headers, gaps and events, built from the visible events
//! once per filter change, so that moving and drawing never walk the whole log.

use crate::days::{Gap, Gaps, Period};
use crate::model::{EventIx, Log};

/// One line of the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// A header for the reading-zone day, month or year of this event's date (the first
    /// event under it).
    Header(EventIx),
    /// A quiet stretch.
    Gap(Gap),
    /// An event, by its position in the visible list and its index in the log.
    Event { pos: usize, ix: EventIx },
}

/// The rows, with the lookups a key press needs.
#[derive(Clone, Debug, Default)]
pub struct Rows {
    pub rows: Vec<Row>,
    /// Row of the n-th visible event.
    pub event_row: Vec<usize>,
    /// Rows that are headers, ascending (for next/previous day).
    pub headers: Vec<usize>,
    /// Whether any visible event has a time of day (else the time column is left out).
    pub has_times: bool,
}

impl Rows {
    /// Rows for `visible` (in timeline order).
    pub fn build(log: &Log, visible: &[EventIx]) -> Rows {
        let mut rows = Vec::with_capacity(visible.len() * 2);
        let mut event_row = Vec::with_capacity(visible.len());
        let mut headers = Vec::new();
        let mut last_group = None;
        let mut gaps = Gaps::default();
        for (pos, &ix) in visible.iter().enumerate() {
            let e = &log.events[ix];
            if let Some(gap) = gaps.before(e) {
                rows.push(Row::Gap(gap));
            }
            let g = Period::of(&e.date);
            if last_group != Some(g) {
                headers.push(rows.len());
                rows.push(Row::Header(ix));
                last_group = Some(g);
            }
            event_row.push(rows.len());
            rows.push(Row::Event { pos, ix });
        }
        Rows {
            rows,
            event_row,
            headers,
            has_times: visible.iter().any(|&i| log.events[i].date.has_time()),
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The position (in the visible list) of the first event at or after `row`, if any.
    pub fn event_at_or_after(&self, row: usize) -> Option<usize> {
        let p = self.event_row.partition_point(|&r| r < row);
        (p < self.event_row.len()).then_some(p)
    }

    /// The first header after `row`.
    pub fn next_header(&self, row: usize) -> Option<usize> {
        let p = self.headers.partition_point(|&h| h <= row);
        self.headers.get(p).copied()
    }

    /// The header `row` is under.
    pub fn header_of(&self, row: usize) -> Option<usize> {
        let p = self.headers.partition_point(|&h| h <= row);
        p.checked_sub(1).map(|p| self.headers[p])
    }

    /// The header before the one `row` is under.
    pub fn previous_header(&self, row: usize) -> Option<usize> {
        let p = self.headers.partition_point(|&h| h <= row);
        p.checked_sub(2).map(|p| self.headers[p])
    }
}

/// Header text for the reading-zone period of an event: `Wed 3 April 2024`, `April 2024`
/// or `2024`.
pub fn header_text(log: &Log, ix: EventIx) -> String {
    Period::of(&log.events[ix].date).text()
}

/// The header as drawn: a day's names the clock its rows' times are on, when any row has a
/// time (`Sat 11 March 2023 · times in Asia/Shanghai`).
pub fn header_line(log: &Log, rows: &Rows, ix: EventIx) -> String {
    let period = Period::of(&log.events[ix].date);
    match period {
        Period::Day(_) if rows.has_times => {
            format!("{} · times in {}", period.text(), log.timezone.name())
        }
        _ => period.text(),
    }
}
