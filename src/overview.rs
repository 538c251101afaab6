//! The shape of the talks: how many events fall in each day, week, month or year.

use crate::model::{EventIx, Log};
use chrono::{Datelike, Days, NaiveDate};

/// The width of one bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    pub fn name(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }
}

/// Counts of events per bucket, overall and per party.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Histogram {
    pub unit: Unit,
    /// The first day of the first bucket.
    pub first: NaiveDate,
    pub counts: Vec<u32>,
    /// `per_party[p][b]`: events of bucket `b` involving party `p`.
    pub per_party: Vec<Vec<u32>>,
}

/// The bucket's ordinal from the start of the era, for each unit.
fn ordinal(unit: Unit, d: NaiveDate) -> i64 {
    match unit {
        Unit::Day => d.num_days_from_ce() as i64,
        // Weeks start on Monday.
        Unit::Week => {
            (d.num_days_from_ce() as i64 - d.weekday().num_days_from_monday() as i64).div_euclid(7)
        }
        Unit::Month => d.year() as i64 * 12 + d.month0() as i64,
        Unit::Year => d.year() as i64,
    }
}

/// The first day of the bucket with this ordinal.
fn bucket_start(unit: Unit, ord: i64) -> NaiveDate {
    match unit {
        Unit::Day => NaiveDate::from_num_days_from_ce_opt(ord as i32).unwrap_or(NaiveDate::MIN),
        Unit::Week => {
            NaiveDate::from_num_days_from_ce_opt((ord * 7) as i32 + 1).unwrap_or(NaiveDate::MIN)
        }
        Unit::Month => {
            NaiveDate::from_ymd_opt(ord.div_euclid(12) as i32, ord.rem_euclid(12) as u32 + 1, 1)
                .unwrap_or(NaiveDate::MIN)
        }
        Unit::Year => NaiveDate::from_ymd_opt(ord as i32, 1, 1).unwrap_or(NaiveDate::MIN),
    }
}

impl Histogram {
    /// Counts `events` (in timeline order) in the finest unit whose buckets fit in `width`.
    pub fn new(log: &Log, events: &[EventIx], width: usize) -> Option<Histogram> {
        let day = |i: EventIx| log.events[i].date.start().date_naive();
        let (first, last) = (day(*events.first()?), day(*events.last()?));
        let width = width.max(1) as i64;
        let unit = [Unit::Day, Unit::Week, Unit::Month, Unit::Year]
            .into_iter()
            .find(|&u| ordinal(u, last) - ordinal(u, first) < width)
            .unwrap_or(Unit::Year);
        let base = ordinal(unit, first);
        let len = ((ordinal(unit, last) - base + 1).min(width)) as usize;
        let mut counts = vec![0; len];
        let mut per_party = vec![vec![0; len]; log.parties.len()];
        for &i in events {
            let b = ((ordinal(unit, day(i)) - base) as usize).min(len - 1);
            counts[b] += 1;
            for &p in &log.events[i].parties {
                per_party[p][b] += 1;
            }
        }
        Some(Histogram {
            unit,
            first: bucket_start(unit, base),
            counts,
            per_party,
        })
    }

    /// The bucket an event falls in.
    pub fn bucket_of(&self, log: &Log, ev: EventIx) -> usize {
        let d = log.events[ev].date.start().date_naive();
        let b = ordinal(self.unit, d) - ordinal(self.unit, self.first);
        b.clamp(0, self.counts.len() as i64 - 1) as usize
    }

    /// The first day of bucket `b`.
    pub fn start_of(&self, b: usize) -> NaiveDate {
        bucket_start(self.unit, ordinal(self.unit, self.first) + b as i64)
    }

    /// The last day of bucket `b`.
    pub fn end_of(&self, b: usize) -> NaiveDate {
        self.start_of(b + 1)
            .checked_sub_days(Days::new(1))
            .unwrap_or(NaiveDate::MAX)
    }
}

/// The position in `events` (timeline order) of the first event starting at or after
/// `date`'s start; the last event when all are earlier. For `:` jumps and clicks on bars.
pub fn first_at_or_after(
    log: &Log,
    events: &[EventIx],
    date: &crate::model::Date,
) -> Option<usize> {
    if events.is_empty() {
        return None;
    }
    let at = date.start();
    let pos = events.partition_point(|&i| log.events[i].date.start() < at);
    Some(pos.min(events.len() - 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn log_with(dates: &[&str]) -> Log {
        let mut y = String::from("events:\n");
        for (i, d) in dates.iter().enumerate() {
            y += &format!("  - date: {d}\n    kind: meeting\n    title: Event {i}\n");
        }
        crate::load::load_str("t.yaml", &y).unwrap().log
    }

    #[test]
    fn the_unit_fits_the_span_and_the_width() {
        let log = log_with(&["2024-05-01", "2024-05-03", "2024-05-03", "2024-05-20"]);
        let all: Vec<_> = (0..4).collect();
        let h = Histogram::new(&log, &all, 80).unwrap();
        assert_eq!(h.unit, Unit::Day);
        assert_eq!(h.counts.len(), 20);
        assert_eq!(h.counts[2], 2);
        assert_eq!(h.counts.iter().sum::<u32>(), 4);
        let narrow = Histogram::new(&log, &all, 5).unwrap();
        assert_eq!(narrow.unit, Unit::Week);
        assert_eq!(narrow.counts.iter().sum::<u32>(), 4);
        let decade = log_with(&["2014", "2024-05-03"]);
        let h = Histogram::new(&decade, &[0, 1], 40).unwrap();
        assert_eq!(h.unit, Unit::Year);
        assert_eq!(h.counts.len(), 11);
        assert_eq!(h.start_of(10), NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
        assert_eq!(h.end_of(10), NaiveDate::from_ymd_opt(2024, 12, 31).unwrap());
    }

    #[test]
    fn jumping_to_a_date_finds_the_first_event_from_then() {
        let log = log_with(&["2024-04-03", "2024-05-03", "2024-05-10"]);
        let all: Vec<_> = (0..3).collect();
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(first_at_or_after(&log, &all, &d("2024-05")), Some(1));
        assert_eq!(first_at_or_after(&log, &all, &d("2024-05-04")), Some(2));
        assert_eq!(first_at_or_after(&log, &all, &d("2030")), Some(2));
        assert_eq!(first_at_or_after(&log, &[], &d("2030")), None);
    }
}
