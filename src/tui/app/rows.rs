//! The rows of the timeline: date headers, gaps and events, built from the visible events
//! once per filter change, so that moving and drawing never walk the whole log.

use crate::model::{Date, EventIx, Log, Precision};
use chrono::{DateTime, Utc};

/// Gaps longer than this many days between neighbours get a row of their own.
pub const GAP_DAYS: i64 = 7;

/// One line of the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// A header for the day, month or year of this event's date (the first event under it).
    Header(EventIx),
    /// So many whole days without events.
    Gap(i64),
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

/// What groups events under one header: the day on the event's own clock, or its month
/// or year when that is all the log knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Group {
    Year(i32),
    Month(i32, u32),
    Day(chrono::NaiveDate),
}

fn group(d: &Date) -> Group {
    use chrono::Datelike;
    let day = d.local_day();
    match d.precision {
        Precision::Year => Group::Year(day.year()),
        Precision::Month => Group::Month(day.year(), day.month()),
        _ => Group::Day(day),
    }
}

/// Instant an event's period ends (exclusive).
fn period_end(log: &Log, ix: EventIx) -> DateTime<Utc> {
    let e = &log.events[ix];
    e.end.as_ref().unwrap_or(&e.date).end_exclusive()
}

impl Rows {
    /// Rows for `visible` (in timeline order).
    pub fn build(log: &Log, visible: &[EventIx]) -> Rows {
        let mut rows = Vec::with_capacity(visible.len() * 2);
        let mut event_row = Vec::with_capacity(visible.len());
        let mut headers = Vec::new();
        let mut last_group = None;
        // Latest end of any event so far: a long event covering a quiet stretch is no gap.
        let mut covered: Option<DateTime<Utc>> = None;
        for (pos, &ix) in visible.iter().enumerate() {
            let e = &log.events[ix];
            if let Some(end) = covered {
                let days = (e.date.start() - end).num_days();
                if days > GAP_DAYS {
                    rows.push(Row::Gap(days));
                }
            }
            let g = group(&e.date);
            if last_group != Some(g) {
                headers.push(rows.len());
                rows.push(Row::Header(ix));
                last_group = Some(g);
            }
            event_row.push(rows.len());
            rows.push(Row::Event { pos, ix });
            let end = period_end(log, ix);
            covered = Some(covered.map_or(end, |c| c.max(end)));
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

/// Header text for a group: `Wed 3 April 2024`, `April 2024` or `2024`.
pub fn header_text(log: &Log, ix: EventIx) -> String {
    log.events[ix].date.human_day()
}
