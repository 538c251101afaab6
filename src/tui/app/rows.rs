//! The rows of the timeline: date headers, gaps and events, built from the visible events
//! once per filter change, so that moving and drawing never walk the whole log.

use crate::days::{Calendar, Gap, Gaps, Period};
use crate::model::{EventIx, Log};
use std::sync::Arc;

/// One line of the timeline: 12 bytes, in 32-bit numbers, since a filter key lays out a
/// row for every shown event (a million of them in a big log) and the layout's cost is
/// the memory it writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// A header for the reading-zone day, month or year of this event's date (the first
    /// event under it).
    Header(u32),
    /// A quiet stretch.
    Gap(Gap),
    /// An event, by its position in the visible list and its index in the log.
    Event { pos: u32, ix: u32 },
}

const _: () = assert!(std::mem::size_of::<Row>() == 12);

/// The rows, with the lookups a key press needs.
#[derive(Clone, Debug, Default)]
pub struct Rows {
    pub rows: Vec<Row>,
    /// Row of the n-th visible event.
    pub event_row: Vec<usize>,
    /// Rows that are headers, ascending (for next/previous day).
    pub(crate) headers: Vec<usize>,
    /// The first events of the day headers under which some event has a time, in
    /// timeline order (ascending: the log's events are in timeline order): those headers
    /// name the clock the times are on.
    timed_headers: Vec<EventIx>,
    /// Every event's reading-zone day and header, worked out once per log (through the
    /// zone database, the dearest part of a row), so that a filter key lays out rows from
    /// small integers.
    calendar: Arc<Calendar>,
}

impl Rows {
    /// Rows for `visible` (in timeline order), the calendar of `log` worked out afresh.
    pub fn build(log: &Log, visible: &[EventIx]) -> Rows {
        let mut rows = Rows::for_log(log);
        rows.rebuild(visible);
        rows
    }

    /// No rows yet, with the calendar of `log`; `rebuild` lays them out.
    pub fn for_log(log: &Log) -> Rows {
        Rows {
            calendar: Arc::new(Calendar::new(log)),
            ..Rows::default()
        }
    }

    /// Every event's reading-zone day, worked out once for the log.
    pub(crate) fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// Lays out the rows for `visible`: events of the log given to `for_log`, in timeline
    /// order. Reuses the buffers of the last layout.
    pub fn rebuild(&mut self, visible: &[EventIx]) {
        let Rows {
            rows,
            event_row,
            headers,
            timed_headers,
            calendar,
        } = self;
        rows.clear();
        rows.reserve(visible.len() + visible.len() / 2);
        event_row.clear();
        event_row.reserve(visible.len());
        headers.clear();
        timed_headers.clear();
        let mut last_period = None;
        let mut header = 0;
        let mut gaps = Gaps::default();
        for (pos, &ix) in visible.iter().enumerate() {
            let day = calendar.day(ix);
            if let Some(gap) = gaps.before_day(day) {
                rows.push(Row::Gap(gap));
            }
            if last_period != Some(day.period()) {
                headers.push(rows.len());
                rows.push(Row::Header(ix as u32));
                last_period = Some(day.period());
                header = ix;
            }
            event_row.push(rows.len());
            rows.push(Row::Event {
                pos: pos as u32,
                ix: ix as u32,
            });
            if day.has_time() && timed_headers.last() != Some(&header) {
                timed_headers.push(header);
            }
        }
        debug_assert!(timed_headers.is_sorted());
    }

    /// Whether any visible event has a time of day (else the time column is left out).
    pub fn has_times(&self) -> bool {
        !self.timed_headers.is_empty()
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The position (in the visible list) of the first event at or after `row`, if any.
    pub(crate) fn event_at_or_after(&self, row: usize) -> Option<usize> {
        let p = self.event_row.partition_point(|&r| r < row);
        (p < self.event_row.len()).then_some(p)
    }

    /// The first header after `row`.
    pub(crate) fn next_header(&self, row: usize) -> Option<usize> {
        let p = self.headers.partition_point(|&h| h <= row);
        self.headers.get(p).copied()
    }

    /// The header `row` is under.
    pub(crate) fn header_of(&self, row: usize) -> Option<usize> {
        let p = self.headers.partition_point(|&h| h <= row);
        p.checked_sub(1).map(|p| self.headers[p])
    }

    /// The header before the one `row` is under.
    pub(crate) fn previous_header(&self, row: usize) -> Option<usize> {
        let p = self.headers.partition_point(|&h| h <= row);
        p.checked_sub(2).map(|p| self.headers[p])
    }
}

/// Header text for the reading-zone period of an event: `Wed 3 April 2024`, `April 2024`
/// or `2024`.
pub fn header_text(log: &Log, ix: EventIx) -> String {
    Period::of(&log.events[ix].date).text()
}

/// The header as drawn: a day's names the clock its rows' times are on, when one of its
/// rows has a time (`Sat 11 March 2023 · times in Asia/Shanghai`); a day of dates alone
/// names none.
pub(crate) fn header_line(log: &Log, rows: &Rows, ix: EventIx) -> String {
    let period = Period::of(&log.events[ix].date);
    match period {
        Period::Day(_) if rows.timed_headers.binary_search(&ix).is_ok() => {
            format!("{} · times in {}", period.text(), log.timezone.name())
        }
        _ => period.text(),
    }
}
