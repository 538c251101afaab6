//! The shape of the talks: how many events fall in each day, week, month, year or run of
//! years, counted in the log's reading zone. An event is counted only at a unit its date
//! supports: one known only by its month is never put in a day or a week.

use crate::days::{Calendar, CalendarDay, Period};
use crate::model::{EventIx, Log, Precision};
use crate::postings::Postings;
use chrono::{Datelike, Days, NaiveDate};

/// The width of one bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
    /// Runs of this many years (2 or more), aligned on multiples of it (decades for 10),
    /// for spans too long for one bar a year.
    Years(u32),
}

/// Runs of years tried, shortest first, when one bar a year does not fit.
const YEAR_RUNS: [u32; 10] = [2, 5, 10, 20, 25, 50, 100, 200, 500, 1000];

impl Unit {
    pub fn name(self) -> String {
        match self {
            Unit::Day => "day".into(),
            Unit::Week => "week".into(),
            Unit::Month => "month".into(),
            Unit::Year => "year".into(),
            Unit::Years(n) => format!("{n} years"),
        }
    }

    /// The coarsest precision an event needs to be counted in a bar of this unit.
    fn needs(self) -> Precision {
        match self {
            Unit::Day | Unit::Week => Precision::Day,
            Unit::Month => Precision::Month,
            Unit::Year | Unit::Years(_) => Precision::Year,
        }
    }

    /// A day as this unit reads best: `3 May 2024`, `May 2024`, `2024`.
    fn label(self, d: NaiveDate) -> String {
        match self {
            Unit::Day | Unit::Week => d.format("%-d %b %Y").to_string(),
            Unit::Month => d.format("%b %Y").to_string(),
            Unit::Year | Unit::Years(_) => d.format("%Y").to_string(),
        }
    }
}

/// Counts of events per bucket, overall and per party.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Histogram {
    pub unit: Unit,
    /// The first day of the first bucket.
    first: NaiveDate,
    pub counts: Vec<u32>,
    /// `per_party[p][b]`: events of bucket `b` involving party `p`, for the first parties
    /// of `parties` asked for in detail (`with_detail`); the other rows may be left empty.
    pub(crate) per_party: Vec<Vec<u32>>,
    /// The parties of the events counted, in log order.
    pub(crate) parties: Vec<usize>,
    /// Events known only by their month, not counted because the bars are finer.
    only_month: u32,
    /// Events known only by their year, not counted because the bars are finer.
    only_year: u32,
}

/// The bucket's ordinal from the start of the era, for each unit.
fn ordinal(unit: Unit, d: NaiveDate) -> i64 {
    bucket_ordinal(
        unit,
        i64::from(d.num_days_from_ce()),
        i64::from(d.year()) * 12 + i64::from(d.month0()),
    )
}

/// `ordinal` of an event's reading-zone day, from the calendar's small integers (no date
/// arithmetic through chrono: the overview counts every visible event on each filter key).
fn calendar_ordinal(unit: Unit, d: &CalendarDay) -> i64 {
    bucket_ordinal(unit, i64::from(d.day_number()), i64::from(d.month_number()))
}

/// The bucket of a day given as days from the common era and its month as year × 12 +
/// month − 1, the numbers both a date and the calendar give.
fn bucket_ordinal(unit: Unit, day: i64, month: i64) -> i64 {
    match unit {
        Unit::Day => day,
        // Weeks start on Monday, and day 1 of the era was a Monday.
        Unit::Week => (day - (day - 1).rem_euclid(7)).div_euclid(7),
        Unit::Month => month,
        Unit::Year => month.div_euclid(12),
        Unit::Years(n) => month.div_euclid(12).div_euclid(n as i64),
    }
}

/// The first day of the bucket with this ordinal.
fn bucket_start(unit: Unit, ord: i64) -> NaiveDate {
    let year = |y: i64| {
        NaiveDate::from_ymd_opt(y.clamp(-200_000, 200_000) as i32, 1, 1).unwrap_or(NaiveDate::MIN)
    };
    match unit {
        Unit::Day => NaiveDate::from_num_days_from_ce_opt(ord as i32).unwrap_or(NaiveDate::MIN),
        Unit::Week => {
            NaiveDate::from_num_days_from_ce_opt((ord * 7) as i32 + 1).unwrap_or(NaiveDate::MIN)
        }
        Unit::Month => {
            NaiveDate::from_ymd_opt(ord.div_euclid(12) as i32, ord.rem_euclid(12) as u32 + 1, 1)
                .unwrap_or(NaiveDate::MIN)
        }
        Unit::Year => year(ord),
        Unit::Years(n) => year(ord * n as i64),
    }
}

/// The reading-zone day an event is binned by: the first day of its period.
fn day_of(log: &Log, i: EventIx) -> NaiveDate {
    Period::of(&log.events[i].date).first_day()
}

/// Where each bar of years begins among the log's events (`bars + 1` indices, the first
/// 0 and the last the number of events: the first and last bars take what lies beyond
/// them), when the calendar's days are in order.
fn year_bounds(
    calendar: &Calendar,
    unit: Unit,
    first_ord: i64,
    bars: usize,
    log: &Log,
) -> Option<Vec<usize>> {
    (0..=bars)
        .map(|b| match b {
            0 => Some(0),
            b if b == bars => Some(log.events.len()),
            b => calendar
                .first_on_or_after(bucket_start(unit, first_ord + b as i64).num_days_from_ce()),
        })
        .collect()
}

impl Histogram {
    /// Counts `events` (in timeline order) in the finest unit whose buckets fit in `width`.
    /// `calendar` and `postings` are the log's (`Calendar::new(log)`, `Postings::new(log)`).
    #[cfg(test)]
    pub(crate) fn new(
        log: &Log,
        calendar: &Calendar,
        postings: &Postings,
        events: &[EventIx],
        width: usize,
    ) -> Option<Histogram> {
        Histogram::with_detail(log, calendar, postings, events, width, usize::MAX)
    }

    /// `new`, with the bars of only the first `detail` parties of `parties` counted (the
    /// rows a strip has room for); of the others, only that they have events counted.
    pub(crate) fn with_detail(
        log: &Log,
        calendar: &Calendar,
        postings: &Postings,
        events: &[EventIx],
        width: usize,
        detail: usize,
    ) -> Option<Histogram> {
        let first = day_of(log, *events.first()?);
        let last = day_of(log, *events.last()?).max(first);
        // Bars are numbered in 16 bits below (one more for the events not shown).
        let width = width.clamp(1, usize::from(u16::MAX) - 1) as i64;
        let fits = |u: Unit| ordinal(u, last) - ordinal(u, first) < width;
        let unit = [Unit::Day, Unit::Week, Unit::Month, Unit::Year]
            .into_iter()
            .chain(YEAR_RUNS.map(Unit::Years))
            .find(|&u| fits(u))
            .unwrap_or(Unit::Years(1000));
        let base = ordinal(unit, first);
        let len = ((ordinal(unit, last) - base + 1).clamp(1, width)) as usize;
        let mut h = Histogram {
            unit,
            first: bucket_start(unit, base),
            counts: vec![0; len],
            per_party: vec![vec![0; len]; log.parties.len()],
            parties: Vec::new(),
            only_month: 0,
            only_year: 0,
        };
        let first_ord = ordinal(unit, h.first);
        let last_bucket = h.counts.len() as i64 - 1;
        // The bar of an event counted in one (its period as precise as the unit), else
        // None. An event counted has the precision of the unit, so the unit's ordinal of its
        // reading-zone day is that of its period's first day (`bucket_of`).
        let bar = |day: &CalendarDay| {
            (day.precision() >= unit.needs())
                .then(|| (calendar_ordinal(unit, day) - first_ord).clamp(0, last_bucket) as usize)
        };
        if unit.needs() == Precision::Year
            && let Some(bounds) = year_bounds(calendar, unit, first_ord, h.counts.len(), log)
        {
            h.count_runs(&bounds, postings, events, detail);
            return Some(h);
        }
        // Parties are counted from each party's list of events (read in order) when many
        // events are shown, rather than from every shown event's own list (a read of each
        // event, scattered over the log): each shown event's bar is noted first, and every
        // other event's is a bar past the last, counted and dropped, so that the count
        // takes no branch on whether an event is shown (about half are, unpredictably).
        // Bars are at most a terminal's width: 16 bits, half the memory to go through.
        let dropped = h.counts.len() as u16;
        let by_postings = events.len() * 8 >= log.events.len();
        let mut bar_of = vec![dropped; if by_postings { log.events.len() } else { 0 }];
        // Events come in timeline order, so a bar's events come together: each run is
        // added once, not an event at a time.
        let mut run: Option<(usize, u32)> = None;
        for &i in events {
            let day = calendar.day(i);
            let Some(b) = bar(day) else {
                match day.precision() {
                    Precision::Month => h.only_month += 1,
                    _ => h.only_year += 1,
                }
                continue;
            };
            run = match run {
                Some((r, n)) if r == b => Some((r, n + 1)),
                Some((r, n)) => {
                    h.counts[r] += n;
                    Some((b, 1))
                }
                None => Some((b, 1)),
            };
            if by_postings {
                bar_of[i] = b as u16;
            } else {
                for &p in &log.events[i].parties {
                    h.per_party[p][b] += 1;
                }
            }
        }
        if let Some((r, n)) = run {
            h.counts[r] += n;
        }
        if by_postings {
            let mut counted = vec![0u32; h.counts.len() + 1];
            let bar = |ix: u32| bar_of.get(ix as usize).map_or(dropped, |&b| b);
            for (p, bars) in h.per_party.iter_mut().enumerate() {
                let list = postings.party(p);
                if h.parties.len() >= detail {
                    if list.iter().any(|&ix| bar(ix) != dropped) {
                        h.parties.push(p);
                    }
                    continue;
                }
                counted.fill(0);
                for &ix in list {
                    counted[bar(ix) as usize] += 1;
                }
                let n = bars.len();
                bars.copy_from_slice(&counted[..n]);
                if bars.iter().any(|&c| c > 0) {
                    h.parties.push(p);
                }
            }
        } else {
            h.parties = (0..h.per_party.len())
                .filter(|&p| h.per_party[p].iter().any(|&c| c > 0))
                .collect();
        }
        Some(h)
    }

    /// Counts bars whose events are runs of indices, `bounds[b]..bounds[b + 1]` for bar
    /// `b`, every event precise enough for its bar: a bar's shown events are found by two
    /// searches in `events` (sorted), and a party's by two in its list when every event is
    /// shown, else by one walk of its list against a bit per shown event. A filter key
    /// then costs no read of each shown event's day.
    fn count_runs(
        &mut self,
        bounds: &[usize],
        postings: &Postings,
        events: &[EventIx],
        detail: usize,
    ) {
        let runs = |list: &mut dyn FnMut(usize) -> usize, out: &mut [u32]| {
            for (b, n) in out.iter_mut().enumerate() {
                *n = (list(bounds[b + 1]) - list(bounds[b])) as u32;
            }
        };
        runs(
            &mut |x| events.partition_point(|&i| i < x),
            &mut self.counts,
        );
        let all = events.len() == bounds[bounds.len() - 1];
        if all {
            for (p, bars) in self.per_party.iter_mut().enumerate() {
                let list = postings.party(p);
                runs(&mut |x| list.partition_point(|&i| (i as usize) < x), bars);
                if !list.is_empty() {
                    self.parties.push(p);
                }
            }
            return;
        }
        let mut shown = vec![0u64; bounds[bounds.len() - 1].div_ceil(64)];
        for &i in events {
            shown[i / 64] |= 1 << (i % 64);
        }
        let is_shown = |ix: usize| (shown[ix / 64] >> (ix % 64)) & 1;
        for (p, bars) in self.per_party.iter_mut().enumerate() {
            let list = postings.party(p);
            if self.parties.len() >= detail {
                if list.iter().any(|&ix| is_shown(ix as usize) == 1) {
                    self.parties.push(p);
                }
                continue;
            }
            let mut b = 0;
            for &ix in list {
                let ix = ix as usize;
                while ix >= bounds[b + 1] {
                    b += 1;
                }
                // No branch on whether the event is shown (about half are, at random).
                bars[b] += is_shown(ix) as u32;
            }
            if bars.iter().any(|&c| c > 0) {
                self.parties.push(p);
            }
        }
    }

    /// Whether an event's date is precise enough to be counted in a bar.
    fn counts_event(&self, log: &Log, ev: EventIx) -> bool {
        log.events[ev].date.precision >= self.unit.needs()
    }

    /// The bucket an event falls in (for an event too coarse to be counted, the bucket
    /// its period starts in).
    pub(crate) fn bucket_of(&self, log: &Log, ev: EventIx) -> usize {
        let b = ordinal(self.unit, day_of(log, ev)) - ordinal(self.unit, self.first);
        b.clamp(0, self.counts.len() as i64 - 1) as usize
    }

    /// The first day of bucket `b`.
    pub fn start_of(&self, b: usize) -> NaiveDate {
        bucket_start(self.unit, ordinal(self.unit, self.first) + b as i64)
    }

    /// The last day of bucket `b`.
    fn end_of(&self, b: usize) -> NaiveDate {
        self.start_of(b + 1)
            .checked_sub_days(Days::new(1))
            .unwrap_or(NaiveDate::MAX)
    }

    /// What one bar covers: `3 May 2024`, `week of 29 Apr 2024`, `May 2024`, `2024`,
    /// `1940 – 1949`.
    fn bar_text(&self, b: usize) -> String {
        let d = self.unit.label(self.start_of(b));
        match self.unit {
            Unit::Week => format!("week of {d}"),
            Unit::Years(_) => format!("{d} – {}", self.unit.label(self.end_of(b))),
            _ => d,
        }
    }

    /// `Events per week · 1 Apr 2024 – 2 Jun 2024 · peak 5 · 2 known only by month, not
    /// counted`.
    #[cfg(test)]
    fn title(&self) -> String {
        self.titles().swap_remove(0)
    }

    /// The title, then shorter ones for narrow screens, in order of preference: the
    /// left-out events in fewer words, then without the peak, then the unit and span
    /// alone. The events left out are said as long as anything can be.
    pub(crate) fn titles(&self) -> Vec<String> {
        let last = self.counts.len().saturating_sub(1);
        let from = self.unit.label(self.start_of(0));
        let to = self.unit.label(self.end_of(last));
        let span = if from == to {
            from
        } else {
            format!("{from} – {to}")
        };
        let peak = self.counts.iter().copied().max().unwrap_or(0);
        let head = format!("Events per {} · {span}", self.unit.name());
        let Some(left) = self.left_out() else {
            return vec![format!("{head} · peak {peak}"), head];
        };
        let short = match (self.only_month, self.only_year) {
            (m, 0) => format!("{m} month-only"),
            (0, y) => format!("{y} year-only"),
            (m, y) => format!("{m} month-only, {y} year-only"),
        };
        vec![
            format!("{head} · peak {peak} · {left}, not counted"),
            format!("{head} · peak {peak} · not counted: {short}"),
            format!("{head} · not counted: {short}"),
            format!("Per {} · {span} · not counted: {short}", self.unit.name()),
            format!(
                "Per {} · {span} · {} uncounted",
                self.unit.name(),
                self.only_month + self.only_year
            ),
            head,
        ]
    }

    /// `2 known only by month`, `1 known only by month and 1 only by year`: events the bars
    /// leave out because their dates are coarser than a bar.
    fn left_out(&self) -> Option<String> {
        match (self.only_month, self.only_year) {
            (0, 0) => None,
            (m, 0) => Some(format!("{m} known only by month")),
            (0, y) => Some(format!("{y} known only by year")),
            (m, y) => Some(format!("{m} known only by month and {y} only by year")),
        }
    }

    /// What the bar of the selected event holds: `week of 29 Apr 2024 · 4 events`, or for
    /// an event too coarse for the bars (the title says they are not counted),
    /// `April 2024 · known only by month`.
    pub(crate) fn describe(&self, log: &Log, ev: EventIx) -> String {
        if !self.counts_event(log, ev) {
            let d = &log.events[ev].date;
            return format!(
                "{} · known only by {}",
                Period::of(d).text(),
                d.precision_name()
            );
        }
        let b = self.bucket_of(log, ev);
        let n = self.counts[b];
        format!(
            "{} · {n} event{}",
            self.bar_text(b),
            if n == 1 { "" } else { "s" }
        )
    }
}

/// The position in `events` (timeline order) of the first event starting at or after
/// `date`'s start; the last event when all are earlier. For `:` jumps and clicks on bars.
pub(crate) fn first_at_or_after(
    log: &Log,
    events: &[EventIx],
    date: &crate::model::Date,
) -> Option<usize> {
    if events.is_empty() {
        return None;
    }
    let at = date.in_zone(log.timezone).start();
    let pos = events.partition_point(|&i| log.events[i].date.start() < at);
    Some(pos.min(events.len() - 1))
}

/// Where a `:` jump to `date` lands, as a position in `events` (timeline order): the
/// first event within `date`'s period; else an earlier event still going on at the date,
/// through its `end` or because it is known only by a month or year that holds the date
/// (of several, the one that started last, the most precise of those, then the first),
/// which sits in the timeline before the date and would otherwise be passed over; else
/// the first event after the date, or the last event when all are earlier.
pub(crate) fn landing(
    log: &Log,
    calendar: &Calendar,
    events: &[EventIx],
    date: &crate::model::Date,
) -> Option<usize> {
    let after = first_at_or_after(log, events, date)?;
    let date = date.in_zone(log.timezone);
    let (at, end) = (date.start(), date.end_exclusive());
    let first = log.events[events[after]].date.start();
    if at <= first && first < end {
        return Some(after);
    }
    // Every earlier event is looked at: one with an `end` may have started long before.
    // Those whose last day (through their `end`, on the calendar worked out once per log)
    // is over a day before the date's are passed over on that small integer alone (the
    // day's slack for a time late in its day), so that a jump costs a comparison an event,
    // not a calendar sum nor a read of the event.
    let day = i64::from(date.reading_day().num_days_from_ce());
    // When every event starts before the date, `after` is the last one, and it may hold
    // the date too (a month-only event last, after the year that also holds it).
    let upto = if first < at { after + 1 } else { after };
    let holding = (0..upto)
        .filter(|&pos| {
            if i64::from(calendar.day(events[pos]).last_day_number()) + 1 < day {
                return false;
            }
            let e = &log.events[events[pos]];
            let until = e
                .end
                .as_ref()
                .map_or_else(|| e.date.end_exclusive(), |end| end.end_exclusive())
                .max(e.date.end_exclusive());
            e.date.start() <= at && at < until
        })
        .max_by_key(|&pos| {
            let d = &log.events[events[pos]].date;
            (d.start(), d.precision, std::cmp::Reverse(pos))
        });
    Some(holding.unwrap_or(after))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    /// The title of the event a jump to `d` lands on, among `shown`.
    fn landed_title(log: &Log, shown: &[EventIx], d: &str) -> String {
        let date = Date::parse_in(d, log.timezone).unwrap();
        let pos = landing(log, &Calendar::new(log), shown, &date).unwrap();
        log.events[shown[pos]].title.clone()
    }

    #[test]
    fn a_jump_lands_on_the_period_that_holds_the_date() {
        let yaml = "dateline: 1\ntitle: t\ntimezone: Africa/Cairo\nevents:\n\
            - {date: 2021-12-30, kind: meeting, title: a}\n\
            - {date: 2022, kind: meeting, title: year}\n\
            - {date: 2022, kind: meeting, title: year again}\n\
            - {date: 2022-03-02, kind: meeting, title: march}\n\
            - {date: 2022-06, kind: meeting, title: june}\n\
            - {date: 2022-06-20, kind: meeting, title: late june}\n\
            - {date: 2023-02-01, kind: meeting, title: next year}\n";
        let log = crate::load::load_str("j.yaml", yaml).unwrap().log;
        let all: Vec<EventIx> = (0..log.events.len()).collect();
        let land = |d: &str| landed_title(&log, &all, d);
        assert_eq!(land("2022-04"), "year");
        assert_eq!(land("2022-06-10"), "june");
        assert_eq!(land("2022-06"), "june");
        assert_eq!(land("2022"), "year");
        // An event within the period asked for comes before a coarser one holding it.
        assert_eq!(land("2022-03"), "march");
        assert_eq!(land("2022-06-20"), "late june");
        assert_eq!(land("2021-12-30"), "a");
        assert_eq!(land("2023"), "next year");
        assert_eq!(land("2024"), "next year");
        assert_eq!(land("2020"), "a");
        // Without the coarse events, the first event after the date.
        let days: Vec<EventIx> = all
            .iter()
            .copied()
            .filter(|&i| log.events[i].date.precision == Precision::Day)
            .collect();
        assert_eq!(landed_title(&log, &days, "2022-04"), "late june");
    }

    #[test]
    fn a_jump_lands_on_the_event_still_going_on_through_its_end() {
        let yaml = "dateline: 1\ntitle: t\ntimezone: Pacific/Auckland\nevents:\n\
            - {date: 2024-04, kind: meeting, title: april}\n\
            - {date: 2024-04-20, end: 2024-05-20, kind: development, title: truce}\n\
            - {date: 2024-05-01, end: 2024-05-09, kind: meeting, title: talks}\n\
            - {date: 2024-05-02, end: 2024-05-03, kind: meeting, title: short}\n\
            - {date: 2024-05-07, kind: statement, title: day}\n\
            - {date: 2024-06-10, kind: meeting, title: june}\n";
        let log = crate::load::load_str("j.yaml", yaml).unwrap().log;
        let all: Vec<EventIx> = (0..log.events.len()).collect();
        let land = |d: &str| landed_title(&log, &all, d);
        // Of the two going on, the one that started last; not one that has ended.
        assert_eq!(land("2024-05-05"), "talks");
        // Its last day is still within it.
        assert_eq!(land("2024-05-09"), "talks");
        assert_eq!(land("2024-05-10"), "truce");
        // Started after the month that holds the date began.
        assert_eq!(land("2024-04-25"), "truce");
        assert_eq!(land("2024-04-10"), "april");
        // An event within the period asked for still comes first.
        assert_eq!(land("2024-05-07"), "day");
        assert_eq!(land("2024-05"), "talks");
        assert_eq!(land("2024-05-02"), "short");
        // Nothing going on: the next event.
        assert_eq!(land("2024-05-21"), "june");

        // An event going on for years is found however long ago it started.
        let yaml = "dateline: 1\ntitle: t\nevents:\n\
            - {date: 2019-03-01, end: 2024-12-31, kind: development, title: war}\n\
            - {date: 2024-06-10, kind: meeting, title: june}\n";
        let log = crate::load::load_str("j.yaml", yaml).unwrap().log;
        let date = Date::parse_in("2024-05-05", log.timezone).unwrap();
        assert_eq!(landing(&log, &Calendar::new(&log), &[0, 1], &date), Some(0));
    }

    #[test]
    fn party_rows_count_the_shown_events_of_each_party_however_many_are_shown() {
        let log = crate::load::load_str("s.yaml", crate::SAMPLE).unwrap().log;
        let (calendar, postings) = (Calendar::new(&log), Postings::new(&log));
        let all: Vec<EventIx> = (0..log.events.len()).collect();
        // All events and many of them (counted from each party's list), one in ten (from
        // each event's), at widths that give bars of days, weeks, months and years.
        let subsets: Vec<Vec<EventIx>> = vec![
            all.clone(),
            all.iter().copied().step_by(2).collect(),
            all.iter().copied().skip(1).step_by(3).collect(),
            all[all.len() / 2..].to_vec(),
            all.iter().copied().step_by(10).collect(),
        ];
        for (width, detail) in [4, 12, 60, 250]
            .into_iter()
            .flat_map(|w| [(w, 99), (w, 1), (w, 2)])
        {
            for shown in &subsets {
                let h = Histogram::with_detail(&log, &calendar, &postings, shown, width, detail)
                    .unwrap();
                let mut counts = vec![0u32; h.counts.len()];
                let mut expected = vec![vec![0u32; h.counts.len()]; log.parties.len()];
                for &i in shown.iter().filter(|&&i| h.counts_event(&log, i)) {
                    counts[h.bucket_of(&log, i)] += 1;
                    for &p in &log.events[i].parties {
                        expected[p][h.bucket_of(&log, i)] += 1;
                    }
                }
                let what = format!(
                    "{} events shown at width {width}, {detail} in detail",
                    shown.len()
                );
                assert_eq!(h.counts, counts, "{what}");
                let with_events: Vec<usize> = (0..log.parties.len())
                    .filter(|&p| expected[p].iter().any(|&n| n > 0))
                    .collect();
                assert_eq!(h.parties, with_events, "{what}");
                for &p in with_events.iter().take(detail) {
                    assert_eq!(h.per_party[p], expected[p], "party {p}: {what}");
                }
                assert!(!with_events.is_empty(), "{what}");
            }
        }
    }

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
        let h = Histogram::new(&log, &Calendar::new(&log), &Postings::new(&log), &all, 80).unwrap();
        assert_eq!(h.unit, Unit::Day);
        assert_eq!(h.counts.len(), 20);
        assert_eq!(h.counts[2], 2);
        assert_eq!(h.counts.iter().sum::<u32>(), 4);
        let narrow =
            Histogram::new(&log, &Calendar::new(&log), &Postings::new(&log), &all, 5).unwrap();
        assert_eq!(narrow.unit, Unit::Week);
        assert_eq!(narrow.counts.iter().sum::<u32>(), 4);
        let decade = log_with(&["2014", "2024-05-03"]);
        let h = Histogram::new(
            &decade,
            &Calendar::new(&decade),
            &Postings::new(&decade),
            &[0, 1],
            40,
        )
        .unwrap();
        assert_eq!(h.unit, Unit::Year);
        assert_eq!(h.counts.len(), 11);
        assert_eq!(h.start_of(10), NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
        assert_eq!(h.end_of(10), NaiveDate::from_ymd_opt(2024, 12, 31).unwrap());
    }

    #[test]
    fn an_event_is_binned_only_at_a_unit_its_date_supports() {
        let log = log_with(&["2024-04", "2024-04-03", "2024-04-10", "2024", "2024-04-29"]);
        let all: Vec<_> = (0..5).collect();
        // The year-only event starts the span on 1 January: 18 weeks.
        let weeks =
            Histogram::new(&log, &Calendar::new(&log), &Postings::new(&log), &all, 20).unwrap();
        assert_eq!(weeks.unit, Unit::Week);
        assert_eq!(weeks.counts.iter().sum::<u32>(), 3, "{weeks:?}");
        assert_eq!((weeks.only_month, weeks.only_year), (1, 1));
        assert!(
            weeks
                .title()
                .ends_with("· 1 known only by month and 1 only by year, not counted"),
            "{}",
            weeks.title()
        );
        let month_ix = log
            .events
            .iter()
            .position(|e| e.title == "Event 0")
            .unwrap();
        assert_eq!(
            weeks.describe(&log, month_ix),
            "April 2024 · known only by month"
        );
        let months =
            Histogram::new(&log, &Calendar::new(&log), &Postings::new(&log), &all, 4).unwrap();
        assert_eq!(months.unit, Unit::Month);
        assert_eq!(months.counts.iter().sum::<u32>(), 4);
        assert_eq!(months.only_year, 1);
        let years =
            Histogram::new(&log, &Calendar::new(&log), &Postings::new(&log), &all, 1).unwrap();
        assert_eq!(years.counts, [5]);
        assert_eq!(years.title(), "Events per year · 2024 · peak 5");
    }

    #[test]
    fn long_spans_get_runs_of_years_not_a_squeezed_last_bar() {
        let log = log_with(&["1948-05-14", "1967-06", "1979", "1993-09-13", "1994"]);
        let all: Vec<_> = (0..5).collect();
        let h = Histogram::new(&log, &Calendar::new(&log), &Postings::new(&log), &all, 6).unwrap();
        assert_eq!(h.unit, Unit::Years(10));
        assert_eq!(h.counts, [1, 0, 1, 1, 0, 2]);
        assert_eq!(h.bar_text(0), "1940 – 1949");
        assert_eq!(h.bar_text(5), "1990 – 1999");
        assert_eq!(h.title(), "Events per 10 years · 1940 – 1999 · peak 2");
        let h = Histogram::new(&log, &Calendar::new(&log), &Postings::new(&log), &all, 10).unwrap();
        assert_eq!(h.unit, Unit::Years(5));
        assert_eq!(h.counts, [1, 0, 0, 0, 1, 0, 1, 0, 0, 2]);
        assert_eq!(h.title(), "Events per 5 years · 1945 – 1994 · peak 2");
        let h = Histogram::new(&log, &Calendar::new(&log), &Postings::new(&log), &all, 30).unwrap();
        assert_eq!(h.unit, Unit::Years(2));
        assert_eq!(h.counts.iter().sum::<u32>(), 5);
        assert_eq!(h.bar_text(h.counts.len() - 1), "1994 – 1995");
    }

    #[test]
    fn bins_are_reading_zone_days() {
        let y = "timezone: Asia/Shanghai\nevents:\n  - {date: \"2023-03-10T23:30-05:00\", kind: call, title: Washington}\n  - {date: 2023-03-10, kind: meeting, title: Beijing}\n";
        let log = crate::load::load_str("t.yaml", y).unwrap().log;
        let h = Histogram::new(
            &log,
            &Calendar::new(&log),
            &Postings::new(&log),
            &[0, 1],
            80,
        )
        .unwrap();
        assert_eq!(h.unit, Unit::Day);
        assert_eq!(
            h.counts,
            [1, 1],
            "23:30 in Washington is the 11th in Beijing"
        );
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
