//! Dates of format 1: a year, a month, a day, or an instant with its own clock.
//!
//! A date keeps the precision it was written with, so that `2024-04` is shown as
//! April 2024 and never as 1 April, and a time keeps its offset so that it is shown
//! on the clock the sources used.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use std::fmt;

/// How precisely a date was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
    Minute,
    Second,
}

/// A date as written in a log.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Date {
    pub precision: Precision,
    /// Wall-clock start of the period, on the date's own clock (UTC for dates without a time).
    local: NaiveDateTime,
    /// Offset of the clock, for dates with a time.
    offset: Option<FixedOffset>,
}

/// Why a string is not a date of format 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub const DATE_FORMS: &str =
    "a date as YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] followed by Z or ±HH:MM";

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn digits(s: &str, n: usize) -> Option<u32> {
    if s.len() == n && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

impl Date {
    /// Parses one of the forms of format 1.
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let bad = || DateError(format!("found {s:?}, expected {DATE_FORMS}"));
        let (day_part, time_part) = match s.find(['T', 't']) {
            Some(i) => (&s[..i], Some(&s[i + 1..])),
            None => (s, None),
        };
        let mut fields = day_part.split('-');
        let year = fields.next().and_then(|y| digits(y, 4)).ok_or_else(bad)? as i32;
        let month = match fields.next() {
            None => None,
            Some(m) => Some(digits(m, 2).ok_or_else(bad)?),
        };
        let day = match fields.next() {
            None => None,
            Some(d) => Some(digits(d, 2).ok_or_else(bad)?),
        };
        if fields.next().is_some() {
            return Err(bad());
        }
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(DateError(format!(
                "found {s:?}: month {m} does not exist, expected 01 to 12"
            )));
        }
        // Year 0 is no year of the calendar a log speaks of, and RFC 3339 (the JSON output)
        // has none: the years are 0001 to 9999.
        if year == 0 {
            return Err(DateError(format!(
                "found {s:?}: there is no year 0, expected a year from 0001 to 9999"
            )));
        }
        let date = NaiveDate::from_ymd_opt(year, month.unwrap_or(1), day.unwrap_or(1))
            .ok_or_else(|| DateError(format!("found {s:?}: that day does not exist")))?;
        let Some(time_part) = time_part else {
            let precision = match (month, day) {
                (None, _) => Precision::Year,
                (Some(_), None) => Precision::Month,
                (Some(_), Some(_)) => Precision::Day,
            };
            return Ok(Date {
                precision,
                local: date.and_time(NaiveTime::MIN),
                offset: None,
            });
        };
        if day.is_none() {
            return Err(bad());
        }
        // Split the clock from its offset: Z, +HH:MM or -HH:MM.
        let (clock, offset) = if let Some(c) = time_part.strip_suffix(['Z', 'z']) {
            (c, Some(FixedOffset::east_opt(0).expect("zero offset")))
        } else if let Some(i) = time_part.rfind(['+', '-']) {
            let (c, o) = time_part.split_at(i);
            let sign = if o.starts_with('-') { -1 } else { 1 };
            let (h, m) = o[1..].split_once(':').ok_or_else(bad)?;
            let (h, m) = (digits(h, 2).ok_or_else(bad)?, digits(m, 2).ok_or_else(bad)?);
            if h > 23 || m > 59 {
                return Err(DateError(format!(
                    "found {s:?}: offset {o} is out of range, expected -23:59 to +23:59"
                )));
            }
            let secs = sign * (h as i32 * 3600 + m as i32 * 60);
            (c, FixedOffset::east_opt(secs))
        } else {
            (time_part, None)
        };
        let mut hms = clock.split(':');
        let h = hms.next().and_then(|h| digits(h, 2)).ok_or_else(bad)?;
        let m = hms.next().and_then(|m| digits(m, 2)).ok_or_else(bad)?;
        let sec = match hms.next() {
            None => None,
            Some(x) => Some(digits(x, 2).ok_or_else(bad)?),
        };
        if hms.next().is_some() {
            return Err(bad());
        }
        let time = NaiveTime::from_hms_opt(h, m, sec.unwrap_or(0))
            .ok_or_else(|| DateError(format!("found {s:?}: that time of day does not exist")))?;
        let Some(offset) = offset else {
            return Err(DateError(format!(
                "found {s:?}, a date-time without an offset: add Z or ±HH:MM so the log says which clock it means"
            )));
        };
        let utc_year = (date.and_time(time)
            - chrono::Duration::seconds(offset.local_minus_utc().into()))
        .year();
        if !(1..=9999).contains(&utc_year) {
            return Err(DateError(format!(
                "found {s:?}: in UTC that instant falls in the year {utc_year}, expected an instant within the years 0001 to 9999"
            )));
        }
        Ok(Date {
            precision: if sec.is_some() {
                Precision::Second
            } else {
                Precision::Minute
            },
            local: date.and_time(time),
            offset: Some(offset),
        })
    }

    pub fn has_time(&self) -> bool {
        self.offset.is_some()
    }

    pub fn offset(&self) -> Option<FixedOffset> {
        self.offset
    }

    /// Wall-clock start on the date's own clock.
    pub fn local(&self) -> NaiveDateTime {
        self.local
    }

    /// The calendar day on the date's own clock (the first of its period when less precise).
    pub fn local_day(&self) -> NaiveDate {
        self.local.date()
    }

    /// The instant the period starts.
    pub fn start(&self) -> DateTime<Utc> {
        match self.offset {
            Some(o) => o
                .from_local_datetime(&self.local)
                .single()
                .expect("fixed offsets are unambiguous")
                .with_timezone(&Utc),
            None => Utc.from_utc_datetime(&self.local),
        }
    }

    /// Seconds since the epoch at which the period starts: the sort key.
    pub fn start_ts(&self) -> i64 {
        self.start().timestamp()
    }

    /// The instant just after the period ends (exclusive).
    pub fn end_exclusive(&self) -> DateTime<Utc> {
        let start = self.start();
        let d = self.local.date();
        let next = match self.precision {
            Precision::Year => NaiveDate::from_ymd_opt(d.year() + 1, 1, 1),
            Precision::Month => {
                if d.month() == 12 {
                    NaiveDate::from_ymd_opt(d.year() + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(d.year(), d.month() + 1, 1)
                }
            }
            Precision::Day => d.succ_opt(),
            Precision::Minute => return start + chrono::Duration::minutes(1),
            Precision::Second => return start + chrono::Duration::seconds(1),
        };
        let next = next.unwrap_or(NaiveDate::MAX).and_time(NaiveTime::MIN);
        Utc.from_utc_datetime(&next)
    }

    /// The date in the form it was written (canonical): `2024`, `2024-04`, `2024-04-03`,
    /// `2024-04-03T14:05+02:00`.
    pub fn written(&self) -> String {
        let d = self.local.date();
        match self.precision {
            Precision::Year => format!("{:04}", d.year()),
            Precision::Month => format!("{:04}-{:02}", d.year(), d.month()),
            Precision::Day => d.format("%Y-%m-%d").to_string(),
            Precision::Minute => format!(
                "{}{}",
                self.local.format("%Y-%m-%dT%H:%M"),
                offset_text(self.offset)
            ),
            Precision::Second => format!(
                "{}{}",
                self.local.format("%Y-%m-%dT%H:%M:%S"),
                offset_text(self.offset)
            ),
        }
    }

    /// The date part for people, at its precision: `2024`, `April 2024`, `Wed 3 April 2024`.
    pub fn human_day(&self) -> String {
        let d = self.local.date();
        let month = MONTHS[d.month0() as usize];
        match self.precision {
            Precision::Year => format!("{}", d.year()),
            Precision::Month => format!("{month} {}", d.year()),
            _ => format!("{} {} {month} {}", d.format("%a"), d.day(), d.year()),
        }
    }

    /// The time on its own clock, `14:05 +02:00` (`14:05 UTC` for Z), when there is one.
    pub fn human_time(&self) -> Option<String> {
        let offset = self.offset?;
        let clock = match self.precision {
            Precision::Second => self.local.format("%H:%M:%S").to_string(),
            _ => self.local.format("%H:%M").to_string(),
        };
        Some(if offset.local_minus_utc() == 0 {
            format!("{clock} UTC")
        } else {
            format!("{clock} {}", offset_text(Some(offset)))
        })
    }

    /// Date and time for people.
    pub fn human(&self) -> String {
        match self.human_time() {
            Some(t) => format!("{} {t}", self.human_day()),
            None => self.human_day(),
        }
    }

    pub fn precision_name(&self) -> &'static str {
        match self.precision {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
            Precision::Minute => "minute",
            Precision::Second => "second",
        }
    }

    /// Whether the period of this date (through `end`, when given) overlaps `[from, to]`.
    pub fn overlaps(
        start: &Date,
        end: Option<&Date>,
        from: Option<&Date>,
        to: Option<&Date>,
    ) -> bool {
        let s = start.start();
        let e = end.map_or_else(|| start.end_exclusive(), |e| e.end_exclusive());
        from.is_none_or(|f| e > f.start()) && to.is_none_or(|t| s < t.end_exclusive())
    }
}

fn offset_text(offset: Option<FixedOffset>) -> String {
    match offset {
        None => String::new(),
        Some(o) if o.local_minus_utc() == 0 => "Z".into(),
        Some(o) => {
            let secs = o.local_minus_utc();
            let sign = if secs < 0 { '-' } else { '+' };
            let secs = secs.abs();
            format!("{sign}{:02}:{:02}", secs / 3600, secs % 3600 / 60)
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.written())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_outside_1_to_9999_are_refused() {
        for (s, says) in [
            ("0000", "there is no year 0"),
            ("0000-05-03", "there is no year 0"),
            ("0001-01-01T00:30+01:00", "falls in the year 0"),
            ("9999-12-31T23:30-01:00", "falls in the year 10000"),
        ] {
            let e = Date::parse(s).unwrap_err();
            assert!(e.0.contains(says), "{s}: {e:?}");
        }
        for ok in [
            "0001",
            "9999-12-31",
            "0001-01-01T00:30Z",
            "9999-12-31T23:30+01:00",
        ] {
            assert!(Date::parse(ok).is_ok(), "{ok}");
        }
        assert!(Date::parse("-0001").is_err());
    }

    #[test]
    fn every_precision_parses_and_keeps_its_form() {
        for s in [
            "2016",
            "2024-04",
            "2024-04-03",
            "2024-04-03T14:05Z",
            "2024-04-03T14:05:09+02:00",
            "2024-04-03T09:00-05:30",
        ] {
            assert_eq!(Date::parse(s).unwrap().written(), s);
        }
    }

    #[test]
    fn a_month_is_shown_as_a_month_never_as_its_first_day() {
        let d = Date::parse("2024-04").unwrap();
        assert_eq!(d.human(), "April 2024");
        assert_eq!(Date::parse("2016").unwrap().human(), "2016");
        assert_eq!(Date::parse("2024-05-03").unwrap().human(), "Fri 3 May 2024");
    }

    #[test]
    fn a_time_is_shown_on_its_own_clock() {
        let d = Date::parse("2024-05-03T14:05+03:00").unwrap();
        assert_eq!(d.human_time().unwrap(), "14:05 +03:00");
        assert_eq!(d.start().to_rfc3339(), "2024-05-03T11:05:00+00:00");
    }

    #[test]
    fn a_date_time_without_offset_is_an_error() {
        let e = Date::parse("2024-05-03T14:05").unwrap_err();
        assert!(e.0.contains("without an offset"), "{e}");
    }

    #[test]
    fn malformed_dates_are_errors() {
        for s in [
            "",
            "24",
            "2024-4",
            "2024-13",
            "2024-02-30",
            "2024-05-03T25:00Z",
            "2024-05-03T10:00+24:00",
            "May 2024",
            "2024-05-03 10:00Z",
            "2024-05T10:00Z",
        ] {
            assert!(Date::parse(s).is_err(), "{s} should not parse");
        }
    }

    #[test]
    fn periods_cover_their_whole_span() {
        let april = Date::parse("2024-04").unwrap();
        let d = |s| Date::parse(s).unwrap();
        assert!(Date::overlaps(&april, None, Some(&d("2024-04-30")), None));
        assert!(!Date::overlaps(&april, None, Some(&d("2024-05-01")), None));
        assert!(Date::overlaps(&april, None, None, Some(&d("2024-04-01"))));
        assert!(!Date::overlaps(&april, None, None, Some(&d("2024-03"))));
        assert!(Date::overlaps(
            &d("2024-03-30"),
            Some(&d("2024-04-02")),
            Some(&d("2024-04")),
            None
        ));
    }

    #[test]
    fn order_is_by_start_instant() {
        let day = Date::parse("2024-05-03").unwrap();
        let timed = Date::parse("2024-05-03T01:00+02:00").unwrap(); // 23:00 UTC on 2 May
        assert!(timed.start_ts() < day.start_ts());
    }
}
