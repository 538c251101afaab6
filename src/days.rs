//! The calendar of a timeline, in the log's reading zone: the period each event is shown
//! under (a day, or its month or year when that is all the log knows) and the quiet
//! stretches between rows, counted only at a precision the log supports.

use crate::model::{Date, Event, EventIx, Log, Precision, day_text};
use chrono::{Datelike, NaiveDate};
use std::cmp::Ordering;

/// Quiet stretches longer than this many days get a row of their own.
pub(crate) const GAP_DAYS: i64 = 7;

/// The period of the reading zone's calendar a date is shown under.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    Year(i32),
    Month(i32, u32),
    Day(NaiveDate),
}

impl Period {
    /// The reading-zone period of `d`: its day (for a time, the reading zone's day of its
    /// instant), or its month or year when written only to that precision.
    pub fn of(d: &Date) -> Period {
        let day = d.reading_day();
        match d.precision {
            Precision::Year => Period::Year(day.year()),
            Precision::Month => Period::Month(day.year(), day.month()),
            _ => Period::Day(day),
        }
    }

    /// The period's first day.
    pub(crate) fn first_day(&self) -> NaiveDate {
        match *self {
            Period::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(NaiveDate::MIN),
            Period::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MIN),
            Period::Day(d) => d,
        }
    }

    fn rank(&self) -> u8 {
        match self {
            Period::Year(_) => 0,
            Period::Month(..) => 1,
            Period::Day(_) => 2,
        }
    }

    /// The header: `Wed 3 April 2024`, `April 2024` or `2024`.
    pub(crate) fn text(&self) -> String {
        let precision = match self {
            Period::Year(_) => Precision::Year,
            Period::Month(..) => Precision::Month,
            Period::Day(_) => Precision::Day,
        };
        day_text(self.first_day(), precision)
    }
}

/// Timeline order of headers: by first day, a year before its first month before its
/// first day (the order events are sorted in), so headers of a timeline only go forward.
impl Ord for Period {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.first_day(), self.rank()).cmp(&(other.first_day(), other.rank()))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A quiet stretch between two rows, in the unit both rows' dates support.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    /// Whole days of the reading zone from the earlier row's day to the later one's.
    Days(i32),
    /// Whole calendar months with no event, where a row is known only by its month.
    Months(i32),
    /// Whole calendar years with no event, where a row is known only by its year.
    Years(i32),
}

/// A count of days, months or years between two calendar days (each an `i32`), in 32 bits
/// as a timeline row keeps it; saturated, though chrono's dates never need it.
fn narrow(n: i64) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

impl Gap {
    /// `· 39 days ·`, `· 9 months ·`, `· 1 year ·`.
    pub(crate) fn text(&self) -> String {
        let (n, unit) = match *self {
            Gap::Days(n) => (n, "day"),
            Gap::Months(n) => (n, "month"),
            Gap::Years(n) => (n, "year"),
        };
        let s = if n == 1 { "" } else { "s" };
        format!("· {n} {unit}{s} ·")
    }
}

/// An event's place on the reading zone's calendar, in small integers: what a header and a
/// gap line need of it. Working it out goes through the zone database; a timeline asks it
/// of every visible event on every filter change, so `Calendar` works it out once per log.
/// Twenty bytes: a million of them are read on a filter key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CalendarDay {
    /// Its reading-zone day (days from the common era), and that day's month (year × 12 +
    /// month − 1).
    day: i32,
    month: i32,
    /// The last reading-zone day it covers (through its `end`), and that day's month.
    last: i32,
    last_month: i32,
    precision: Precision,
    /// Its days count for day gaps: known to the day or finer, or its `end` is.
    covers_days: bool,
    has_time: bool,
}

const _: () = assert!(size_of::<CalendarDay>() == 20);

fn day_number(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

fn month_ordinal(d: NaiveDate) -> i32 {
    d.year() * 12 + d.month0() as i32
}

impl CalendarDay {
    pub(crate) fn of(e: &Event) -> CalendarDay {
        let day = e.date.reading_day();
        let last = e.end.as_ref().unwrap_or(&e.date).reading_last_day();
        let last = last.max(e.date.reading_last_day());
        // A row known to the day, or one whose `end` is (April 2024 through 3 May), covers
        // days up to its last; a month or year alone says nothing about which days.
        let day_end = e
            .end
            .as_ref()
            .is_some_and(|d| d.precision >= Precision::Day);
        CalendarDay {
            day: day_number(day),
            month: month_ordinal(day),
            last: day_number(last),
            last_month: month_ordinal(last),
            precision: e.date.precision,
            covers_days: e.date.precision >= Precision::Day || day_end,
            has_time: e.date.has_time(),
        }
    }

    /// The header it goes under, as a number, different for every `Period` (its year,
    /// month or day by its precision, as `Period::of` takes them): equal for events under
    /// the same header.
    pub(crate) fn period(&self) -> i64 {
        match self.precision {
            Precision::Year => i64::from(self.month.div_euclid(12)) * 4,
            Precision::Month => i64::from(self.month) * 4 + 1,
            _ => i64::from(self.day) * 4 + 2,
        }
    }

    pub(crate) fn has_time(&self) -> bool {
        self.has_time
    }

    /// Its reading-zone day, as days from the common era (`NaiveDate::num_days_from_ce`).
    pub(crate) fn day_number(&self) -> i32 {
        self.day
    }

    /// The last reading-zone day it covers (through its `end`), as `day_number`.
    pub(crate) fn last_day_number(&self) -> i32 {
        self.last
    }

    /// Its reading-zone day's month, as year × 12 + month − 1.
    pub(crate) fn month_number(&self) -> i32 {
        self.month
    }

    pub(crate) fn precision(&self) -> Precision {
        self.precision
    }
}

/// Every event's `CalendarDay`, by event index: depends on the log and its reading zone
/// only, so it is built once per log.
#[derive(Clone, Debug, Default)]
pub(crate) struct Calendar {
    days: Vec<CalendarDay>,
    /// Whether the days never go back from one event to the next, as a log in timeline
    /// order has them: then the events of a stretch of days are a run of indices.
    in_order: bool,
}

impl Calendar {
    pub(crate) fn new(log: &Log) -> Calendar {
        let days: Vec<CalendarDay> = log.events.iter().map(CalendarDay::of).collect();
        let in_order = days.windows(2).all(|w| w[0].day <= w[1].day);
        Calendar { days, in_order }
    }

    /// The first event on or after reading-zone day `day` (as `day_number`), when the
    /// days are in order.
    pub(crate) fn first_on_or_after(&self, day: i32) -> Option<EventIx> {
        self.in_order
            .then(|| self.days.partition_point(|d| d.day < day))
    }

    /// The calendar day of event `ix` of the log it was built for.
    pub(crate) fn day(&self, ix: EventIx) -> &CalendarDay {
        &self.days[ix]
    }
}

/// Walks the rows of a timeline in order and says where a gap line goes.
#[derive(Clone, Debug, Default)]
pub(crate) struct Gaps {
    /// The last reading-zone day covered by an earlier row known to the day or finer
    /// (through its `end`): rows known only by month or year say nothing about days.
    last_day: Option<i32>,
    /// The month of the last day covered by any earlier row, whatever its precision (the
    /// latest day's month is the latest month).
    last_month: Option<i32>,
    /// The precision of the previous row.
    prev: Option<Precision>,
}

impl Gaps {
    /// The gap line to put before event `e`, which comes after the events already seen.
    pub(crate) fn before(&mut self, e: &Event) -> Option<Gap> {
        self.before_day(&CalendarDay::of(e))
    }

    /// The gap line to put before the event of calendar day `d`, which comes after the
    /// events already seen.
    pub(crate) fn before_day(&mut self, d: &CalendarDay) -> Option<Gap> {
        let p = d.precision;
        let gap = match self.prev {
            None => None,
            Some(prev) if prev >= Precision::Day && p >= Precision::Day => self
                .last_day
                .map(|last| i64::from(d.day) - i64::from(last))
                .filter(|&n| n > GAP_DAYS)
                .map(|n| Gap::Days(narrow(n))),
            // Next to a month or a year (few rows): whole months or years between.
            Some(prev) => self.last_month.and_then(|last_month| {
                let (month, last_month) = (i64::from(d.month), i64::from(last_month));
                if prev == Precision::Year || p == Precision::Year {
                    let n = month.div_euclid(12) - last_month.div_euclid(12) - 1;
                    (n >= 1).then_some(Gap::Years(narrow(n)))
                } else {
                    let n = month - last_month - 1;
                    (n >= 1).then_some(Gap::Months(narrow(n)))
                }
            }),
        };
        if d.covers_days {
            self.last_day = Some(self.last_day.map_or(d.last, |l| l.max(d.last)));
        }
        self.last_month = Some(
            self.last_month
                .map_or(d.last_month, |l| l.max(d.last_month)),
        );
        self.prev = Some(p);
        gap
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log(dates: &[&str]) -> crate::model::Log {
        let mut y = String::from("timezone: Africa/Cairo\nevents:\n");
        for (i, d) in dates.iter().enumerate() {
            y += &format!("  - date: \"{d}\"\n    kind: meeting\n    title: Event {i}\n");
        }
        crate::load::load_str("t.yaml", &y).unwrap().log
    }

    fn gaps(dates: &[&str]) -> Vec<Option<String>> {
        let log = log(dates);
        let mut g = Gaps::default();
        log.events
            .iter()
            .map(|e| g.before(e).map(|g| g.text()))
            .collect()
    }

    #[test]
    fn gaps_count_reading_zone_days_from_row_to_row() {
        assert_eq!(
            gaps(&["2022-03", "2022-03-13", "2022-04-21"]),
            [None, None, Some("· 39 days ·".into())]
        );
        // 23:30 in Washington on 13 March is 05:30 on 14 March in Cairo; 17:30 is still
        // the 13th there.
        assert_eq!(
            gaps(&["2022-03-13T23:30-04:00", "2022-03-21"]),
            [None, None]
        );
        assert_eq!(
            gaps(&["2022-03-13T17:30-04:00", "2022-03-21"]),
            [None, Some("· 8 days ·".into())]
        );
    }

    #[test]
    fn no_day_count_against_a_month_or_a_year() {
        assert_eq!(gaps(&["2022-03-13", "2023"]), [None, None]);
        assert_eq!(
            gaps(&["2022-03", "2023-01-15"]),
            [None, Some("· 9 months ·".into())]
        );
        assert_eq!(
            gaps(&["2020", "2022-03-13"]),
            [None, Some("· 1 year ·".into())]
        );
        assert_eq!(gaps(&["2022-04", "2022-04-20"]), [None, None]);
    }

    #[test]
    fn an_end_known_to_the_day_covers_the_days_up_to_it() {
        let log = crate::load::load_str(
            "t.yaml",
            "events:\n  - {date: 2024-04-04, kind: call, title: A}\n  - {date: 2024-04, end: 2024-05-02, kind: proposal, title: B}\n  - {date: 2024-05-03, kind: call, title: C}\n",
        )
        .unwrap()
        .log;
        let mut g = Gaps::default();
        let got: Vec<_> = log.events.iter().map(|e| g.before(e)).collect();
        assert_eq!(got, [None, None, None]);
    }

    #[test]
    fn headers_are_reading_zone_periods() {
        let l = log(&["2023-03-10T23:30-05:00", "2023-03", "2023"]);
        let periods: Vec<_> = l.events.iter().map(|e| Period::of(&e.date)).collect();
        assert_eq!(periods[0], Period::Year(2023));
        assert_eq!(periods[1], Period::Month(2023, 3));
        assert_eq!(
            periods[2],
            Period::Day(NaiveDate::from_ymd_opt(2023, 3, 11).unwrap())
        );
        assert!(periods[0] < periods[1] && periods[1] < periods[2]);
        assert_eq!(periods[2].text(), "Sat 11 March 2023");
    }
}
