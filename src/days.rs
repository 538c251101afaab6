//! The calendar of a timeline, in the log's reading zone: the period each event is shown
//! under (a day, or its month or year when that is all the log knows) and the quiet
//! stretches between rows, counted only at a precision the log supports.

use crate::model::{Date, Event, Precision, day_text};
use chrono::{Datelike, NaiveDate};
use std::cmp::Ordering;

/// Quiet stretches longer than this many days get a row of their own.
const GAP_DAYS: i64 = 7;

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
    Days(i64),
    /// Whole calendar months with no event, where a row is known only by its month.
    Months(i64),
    /// Whole calendar years with no event, where a row is known only by its year.
    Years(i64),
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

/// Walks the rows of a timeline in order and says where a gap line goes.
#[derive(Clone, Debug, Default)]
pub(crate) struct Gaps {
    /// The last reading-zone day covered by an earlier row known to the day or finer
    /// (through its `end`): rows known only by month or year say nothing about days.
    last_day: Option<NaiveDate>,
    /// The last day covered by any earlier row, whatever its precision.
    last_any: Option<NaiveDate>,
    /// The precision of the previous row.
    prev: Option<Precision>,
}

fn month_ordinal(d: NaiveDate) -> i64 {
    d.year() as i64 * 12 + d.month0() as i64
}

impl Gaps {
    /// The gap line to put before event `e`, which comes after the events already seen.
    pub(crate) fn before(&mut self, e: &Event) -> Option<Gap> {
        let p = e.date.precision;
        let day = e.date.reading_day();
        let gap = match self.prev {
            None => None,
            Some(prev) if prev >= Precision::Day && p >= Precision::Day => self
                .last_day
                .map(|last| (day - last).num_days())
                .filter(|&n| n > GAP_DAYS)
                .map(Gap::Days),
            Some(prev) => self.last_any.and_then(|last| {
                if prev == Precision::Year || p == Precision::Year {
                    let n = day.year() as i64 - last.year() as i64 - 1;
                    (n >= 1).then_some(Gap::Years(n))
                } else {
                    let n = month_ordinal(day) - month_ordinal(last) - 1;
                    (n >= 1).then_some(Gap::Months(n))
                }
            }),
        };
        let last = e.end.as_ref().unwrap_or(&e.date).reading_last_day();
        let last = last.max(e.date.reading_last_day());
        // A row known to the day, or one whose `end` is (April 2024 through 3 May), covers
        // days up to its last; a month or year alone says nothing about which days.
        let day_end = e
            .end
            .as_ref()
            .is_some_and(|d| d.precision >= Precision::Day);
        if p >= Precision::Day || day_end {
            self.last_day = Some(self.last_day.map_or(last, |l| l.max(last)));
        }
        self.last_any = Some(self.last_any.map_or(last, |l| l.max(last)));
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
