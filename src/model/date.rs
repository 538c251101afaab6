//! Dates of format 1: a year, a month, a day, or an instant with its own clock.
//!
//! A date keeps the precision it was written with, so that `2024-04` is shown as
//! April 2024 and never as 1 April, and a time keeps its offset (and the zone it names,
//! if any) so that it is shown on the clock the sources used. Every "which day"
//! question is answered in the log's reading zone, which each date carries: a date
//! without a time is a period of the reading zone's calendar.

use super::zone::{
    DEFAULT_ZONE, first_instant, offset_text, offsets_at, parse_zone, signed_offset,
};
use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc,
};
use chrono_tz::Tz;
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
    /// Wall-clock start of the period: on the date's own clock for a time, on the reading
    /// zone's calendar for a date without one.
    local: NaiveDateTime,
    /// Offset of the clock, for dates with a time.
    offset: Option<FixedOffset>,
    /// Whether the offset was written (`+03:30`), rather than taken from the zone.
    offset_written: bool,
    /// The zone named in brackets (`[Asia/Tehran]`), if any.
    zone: Option<Tz>,
    /// The log's reading zone.
    reading: Tz,
    /// The instant the period starts.
    start: DateTime<Utc>,
    /// For a date without a time that ends an event whose `date` has one: the clock of that
    /// `date`, on which this period is counted instead of the reading zone's calendar.
    day_clock: Option<DayClock>,
}

/// The clock a date-only `end` is counted on when its event's `date` names one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum DayClock {
    Zone(Tz),
    Offset(FixedOffset),
}

impl DayClock {
    fn first_instant(self, local: NaiveDateTime) -> DateTime<Utc> {
        match self {
            DayClock::Zone(tz) => first_instant(tz, local),
            DayClock::Offset(o) => (local - o).and_utc(),
        }
    }
}

/// Why a string is not a date of format 1, and how to write it when that can be guessed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    pub(crate) message: String,
    pub help: Option<String>,
}

impl DateError {
    fn new(message: String) -> DateError {
        DateError {
            message,
            help: None,
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(h) = &self.help {
            write!(f, " ({h})")?;
        }
        Ok(())
    }
}

pub const DATE_FORMS: &str = "a date as YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] followed by Z, ±HH:MM or a zone in brackets ([Asia/Tehran])";

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
    // At most four digits: the value is summed on the bytes (`parse` costs more here).
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.bytes().fold(0, |v, b| v * 10 + u32::from(b - b'0')))
}

impl Date {
    /// Parses one of the forms of format 1, in a log whose reading zone is UTC.
    pub fn parse(s: &str) -> Result<Date, DateError> {
        Date::parse_in(s, DEFAULT_ZONE)
    }

    /// Parses one of the forms of format 1 in a log read in `reading`. A mistake writers
    /// make often (`+0330`, `2023-3-10`, `March 2023`, a space for `T`) gets its fix as help.
    pub fn parse_in(s: &str, reading: Tz) -> Result<Date, DateError> {
        Date::parse_strict(s, reading).map_err(|mut e| {
            if e.help.is_none() {
                e.help = repair(s, reading);
            }
            e
        })
    }

    fn parse_strict(s: &str, reading: Tz) -> Result<Date, DateError> {
        let bad = || DateError::new(format!("found {s:?}, expected {DATE_FORMS}"));
        // A zone in brackets, RFC 9557 style, closes the text.
        let (body, zone) = match s.strip_suffix(']').and_then(|b| b.rsplit_once('[')) {
            Some((body, name)) => {
                let tz = parse_zone(name).map_err(|e| DateError {
                    message: format!("in {s:?}, {}", e.message),
                    help: e.help,
                })?;
                (body, Some(tz))
            }
            None => (s, None),
        };
        // Searched on bytes: a pattern of several characters walks the text as characters.
        let (day_part, time_part) = match body.bytes().position(|b| matches!(b, b'T' | b't')) {
            Some(i) => (&body[..i], Some(&body[i + 1..])),
            None => (body, None),
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
            return Err(DateError::new(format!(
                "found {s:?}: month {m} does not exist, expected 01 to 12"
            )));
        }
        // Year 0 is no year of the calendar a log speaks of, and RFC 3339 (the JSON output)
        // has none: the years are 0001 to 9999.
        if year == 0 {
            return Err(DateError::new(format!(
                "found {s:?}: there is no year 0, expected a year from 0001 to 9999"
            )));
        }
        let date = NaiveDate::from_ymd_opt(year, month.unwrap_or(1), day.unwrap_or(1))
            .ok_or_else(|| DateError::new(format!("found {s:?}: that day does not exist")))?;
        let Some(time_part) = time_part else {
            if zone.is_some() {
                return Err(DateError::new(format!(
                    "found {s:?}: a zone in brackets belongs to a time of day; a date without a time is a period of the log's reading zone (its `timezone`)"
                )));
            }
            let precision = match (month, day) {
                (None, _) => Precision::Year,
                (Some(_), None) => Precision::Month,
                (Some(_), Some(_)) => Precision::Day,
            };
            let local = date.and_time(NaiveTime::MIN);
            return Ok(Date {
                precision,
                local,
                offset: None,
                offset_written: false,
                zone: None,
                reading,
                start: first_instant(reading, local),
                day_clock: None,
            });
        };
        if day.is_none() {
            return Err(bad());
        }
        // Split the clock from its offset: Z, +HH:MM or -HH:MM.
        let (clock, offset) = if let Some(c) = time_part.strip_suffix(['Z', 'z']) {
            (c, Some(FixedOffset::east_opt(0).expect("zero offset")))
        } else if let Some(i) = time_part.bytes().rposition(|b| matches!(b, b'+' | b'-')) {
            let (c, o) = time_part.split_at(i);
            let sign = if o.starts_with('-') { -1 } else { 1 };
            let (h, m) = o[1..].split_once(':').ok_or_else(bad)?;
            let (h, m) = (digits(h, 2).ok_or_else(bad)?, digits(m, 2).ok_or_else(bad)?);
            if h > 23 || m > 59 {
                return Err(DateError::new(format!(
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
        let time = NaiveTime::from_hms_opt(h, m, sec.unwrap_or(0)).ok_or_else(|| {
            DateError::new(format!("found {s:?}: that time of day does not exist"))
        })?;
        let local = date.and_time(time);
        let offset_written = offset.is_some();
        // The text up to the clock's end, for help that rewrites what names the clock.
        let clock_text = &body[..day_part.len() + 1 + clock.len()];
        let offset = match (offset, zone) {
            (None, None) => {
                return Err(DateError {
                    message: format!(
                        "found {s:?}, a date-time without an offset or a zone: the log must say which clock it means"
                    ),
                    help: Some(both_ways(clock_text, local, reading)),
                });
            }
            (Some(o), None) => o,
            (written, Some(tz)) => zone_offset(s, clock_text, local, written, tz)?,
        };
        let start = offset
            .from_local_datetime(&local)
            .single()
            .expect("fixed offsets are unambiguous")
            .with_timezone(&Utc);
        if !(1..=9999).contains(&start.year()) {
            return Err(DateError::new(format!(
                "found {s:?}: in UTC that instant falls in the year {}, expected an instant within the years 0001 to 9999",
                start.year()
            )));
        }
        Ok(Date {
            precision: if sec.is_some() {
                Precision::Second
            } else {
                Precision::Minute
            },
            local,
            offset: Some(offset),
            offset_written,
            zone,
            reading,
            start,
            day_clock: None,
        })
    }

    /// The reading zone's day at the instant `now`, as a date of day precision: what
    /// "today" means for a log.
    fn today_at(now: DateTime<Utc>, reading: Tz) -> Date {
        let local = now
            .with_timezone(&reading)
            .date_naive()
            .and_time(NaiveTime::MIN);
        Date {
            precision: Precision::Day,
            local,
            offset: None,
            offset_written: false,
            zone: None,
            reading,
            start: first_instant(reading, local),
            day_clock: None,
        }
    }

    /// Today in the reading zone.
    pub(crate) fn today(reading: Tz) -> Date {
        Date::today_at(Utc::now(), reading)
    }

    /// The same date read in another reading zone: a date without a time becomes that
    /// zone's period; a time keeps its instant.
    pub(crate) fn in_zone(mut self, reading: Tz) -> Date {
        if self.reading != reading {
            self.reading = reading;
            if self.offset.is_none() && self.day_clock.is_none() {
                self.start = first_instant(reading, self.local);
            }
        }
        self
    }

    /// An `end` read against its event's `date`: a date without a time after a date with
    /// one is a period of that date's clock (its zone, else its offset), not of the reading
    /// zone's calendar (rev. 3). Anything else is unchanged.
    pub(crate) fn on_clock_of(mut self, date: &Date) -> Date {
        if self.offset.is_some() {
            return self;
        }
        let Some(offset) = date.offset else {
            return self;
        };
        let clock = match date.zone {
            Some(tz) => DayClock::Zone(tz),
            None => DayClock::Offset(offset),
        };
        self.day_clock = Some(clock);
        self.start = clock.first_instant(self.local);
        self
    }

    pub(crate) fn has_time(&self) -> bool {
        self.offset.is_some()
    }

    /// Wall-clock start on the date's own clock.
    pub(crate) fn local(&self) -> NaiveDateTime {
        self.local
    }

    /// The start on the reading zone's clock.
    fn reading_local(&self) -> NaiveDateTime {
        if self.offset.is_none() && self.day_clock.is_none() {
            return self.local;
        }
        self.start.with_timezone(&self.reading).naive_local()
    }

    /// The reading zone's day the date starts on (the first of its period when less precise).
    pub(crate) fn reading_day(&self) -> NaiveDate {
        self.reading_local().date()
    }

    /// The last reading-zone day the period touches.
    pub(crate) fn reading_last_day(&self) -> NaiveDate {
        if self.day_clock.is_some() {
            // The reading zone's day of the period's last moment on its own clock.
            let last = self.end_exclusive() - chrono::Duration::seconds(1);
            return last.with_timezone(&self.reading).date_naive();
        }
        match self.precision {
            Precision::Year | Precision::Month => self
                .period_end_local()
                .date()
                .pred_opt()
                .unwrap_or(NaiveDate::MIN),
            _ => self.reading_day(),
        }
    }

    /// The instant the period starts.
    pub fn start(&self) -> DateTime<Utc> {
        self.start
    }

    /// Seconds since the epoch at which the period starts: the sort key.
    pub fn start_ts(&self) -> i64 {
        self.start.timestamp()
    }

    /// Wall-clock start of the next period, for dates without a time.
    fn period_end_local(&self) -> NaiveDateTime {
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
            _ => d.succ_opt(),
        };
        next.unwrap_or(NaiveDate::MAX).and_time(NaiveTime::MIN)
    }

    /// The instant just after the period ends (exclusive).
    pub fn end_exclusive(&self) -> DateTime<Utc> {
        match self.precision {
            Precision::Minute => self.start + chrono::Duration::minutes(1),
            Precision::Second => self.start + chrono::Duration::seconds(1),
            _ => match self.day_clock {
                Some(clock) => clock.first_instant(self.period_end_local()),
                None => first_instant(self.reading, self.period_end_local()),
            },
        }
    }

    /// The day of the date as written, up to its clock: `2024`, `2024-05`, `2024-05-03`
    /// (the day of `2024-05-03T10:00[Asia/Tehran]`). Without chrono's formatting: a load
    /// writes it for every event without an `id`.
    pub fn written_day(&self) -> String {
        let d = self.local.date();
        let (y, m, day) = (d.year(), d.month(), d.day());
        match self.precision {
            Precision::Year => format!("{y:04}"),
            Precision::Month => format!("{y:04}-{m:02}"),
            _ if (0..=9999).contains(&y) => format!("{y:04}-{m:02}-{day:02}"),
            // Signed or wider years as chrono writes them.
            _ => d.format("%Y-%m-%d").to_string(),
        }
    }

    /// The date in the form it was written (canonical): `2024`, `2024-04`, `2024-04-03`,
    /// `2024-04-03T14:05+02:00`, `2023-03-10T14:00[Asia/Tehran]`.
    pub fn written(&self) -> String {
        let clock = match self.precision {
            Precision::Year | Precision::Month | Precision::Day => return self.written_day(),
            Precision::Minute => self.local.format("%Y-%m-%dT%H:%M").to_string(),
            Precision::Second => self.local.format("%Y-%m-%dT%H:%M:%S").to_string(),
        };
        let offset = match self.offset {
            Some(o) if self.offset_written => offset_text(o),
            _ => String::new(),
        };
        let zone = self
            .zone
            .map(|z| format!("[{}]", z.name()))
            .unwrap_or_default();
        format!("{clock}{offset}{zone}")
    }

    /// The date part for people, at its precision: `2024`, `April 2024`, `Wed 3 April 2024`.
    pub fn human_day(&self) -> String {
        day_text(self.local.date(), self.precision)
    }

    /// The time on its own clock, `14:05 +02:00` (`14:05 UTC` for Z), when there is one.
    pub fn human_time(&self) -> Option<String> {
        let offset = self.offset?;
        Some(format!("{} {}", self.clock(), clock_name(offset)))
    }

    /// The time of day on its own clock, without naming the clock: `14:05`.
    fn clock(&self) -> String {
        match self.precision {
            Precision::Second => self.local.format("%H:%M:%S").to_string(),
            _ => self.local.format("%H:%M").to_string(),
        }
    }

    /// Date and time for people, on the date's own clock, naming it: `Fri 10 March 2023
    /// 14:00 +03:30 (Asia/Tehran)`.
    pub fn human(&self) -> String {
        let mut s = self.human_day();
        if let Some(t) = self.human_time() {
            s.push(' ');
            s.push_str(&t);
        }
        if let Some(z) = self.zone {
            s.push_str(&format!(" ({})", z.name()));
        }
        s
    }

    /// A short form on the reading zone's calendar and clock, for rows under headers that
    /// name it: `11 Mar 12:30`, `3 Apr`, `Apr 2024`, `2024`.
    pub(crate) fn reading_short(&self) -> String {
        let d = self.reading_day();
        let day = match self.precision {
            Precision::Year => return format!("{}", d.year()),
            Precision::Month => return d.format("%b %Y").to_string(),
            _ => d.format("%-d %b").to_string(),
        };
        match self.reading_clock() {
            Some(clock) => format!("{day} {}", &clock[..5]),
            None => day,
        }
    }

    /// The time of day on the reading zone's clock (`06:30`), for rows under a header
    /// that names that clock.
    pub(crate) fn reading_clock(&self) -> Option<String> {
        self.offset?;
        let l = self.reading_local();
        Some(match self.precision {
            Precision::Second => l.format("%H:%M:%S").to_string(),
            _ => l.format("%H:%M").to_string(),
        })
    }

    /// The reading zone's offset at this time (`-04:00`) when its clock shows this time
    /// twice (the hour repeated when clocks go back): a row's time alone would not say
    /// which. None otherwise, and for a date without a time.
    pub(crate) fn reading_repeated_offset(&self) -> Option<String> {
        self.offset?;
        let at = self.start.with_timezone(&self.reading);
        (offsets_at(self.reading, at.naive_local()).len() > 1)
            .then(|| clock_name(at.offset().fix()))
    }

    /// A time on the reading zone's clock, naming it, for beside the event's own:
    /// `Sat 11 March 2023 12:30 +08:00 (Asia/Shanghai)`. None for a date without a time,
    /// and when the two clocks agree.
    pub(crate) fn reading_human(&self) -> Option<String> {
        let own = self.offset?;
        if self.start.with_timezone(&self.reading).offset().fix() == own {
            return None;
        }
        let mut s = self.reading_at()?;
        if self.reading != Tz::UTC {
            s.push_str(&format!(" ({})", self.reading.name()));
        }
        Some(s)
    }

    /// The reading zone's time, short, for beside the event's own clock in a list whose
    /// column must stay narrow: `18:30 Asia/Shanghai`, the zone naming the clock. The day
    /// comes first only when it is not the own clock's (`Sat 11 March 12:30 Asia/Shanghai`,
    /// with the year only when that differs too), and the offset only in an hour the zone's
    /// clock shows twice (`01:30 -04:00 America/New_York`), where the name alone would not
    /// say which. None for a date without a time, and when the two clocks agree.
    pub(crate) fn reading_beside(&self) -> Option<String> {
        let own = self.offset?;
        let at = self.start.with_timezone(&self.reading);
        if at.offset().fix() == own {
            return None;
        }
        let mut s = String::new();
        let (day, own_day) = (at.date_naive(), self.local.date());
        if day != own_day {
            if day.year() == own_day.year() {
                s.push_str(&day.format("%a %-d %B ").to_string());
            } else {
                s.push_str(&day_text(day, Precision::Day));
                s.push(' ');
            }
        }
        s.push_str(&self.reading_clock()?);
        if offsets_at(self.reading, at.naive_local()).len() > 1 {
            s.push(' ');
            s.push_str(&clock_name(at.offset().fix()));
        }
        s.push(' ');
        s.push_str(self.reading.name());
        Some(s)
    }

    /// A time on the reading zone's calendar and clock, without naming the zone:
    /// `Sat 11 March 2023 12:30 +08:00`. None for a date without a time.
    pub(crate) fn reading_at(&self) -> Option<String> {
        let clock = self.reading_clock()?;
        let at = self.start.with_timezone(&self.reading);
        Some(format!(
            "{} {clock} {}",
            day_text(at.date_naive(), Precision::Day),
            clock_name(at.offset().fix())
        ))
    }

    /// The start on the reading zone's clock, RFC 3339 with that zone's offset
    /// (`2023-03-11T06:30:00+02:00`); for a date without a time, its first moment.
    pub(crate) fn reading_rfc3339(&self) -> String {
        self.start
            .with_timezone(&self.reading)
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
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
    pub(crate) fn overlaps(
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

/// A calendar period for people: `2024`, `April 2024`, `Wed 3 April 2024`.
pub fn day_text(d: NaiveDate, precision: Precision) -> String {
    let month = MONTHS[d.month0() as usize];
    match precision {
        Precision::Year => format!("{}", d.year()),
        Precision::Month => format!("{month} {}", d.year()),
        _ => format!("{} {} {month} {}", d.format("%a"), d.day(), d.year()),
    }
}

/// How a clock is named after a time: `UTC` for a zero offset, else `+03:30`.
fn clock_name(o: FixedOffset) -> String {
    if o.local_minus_utc() == 0 {
        "UTC".into()
    } else {
        signed_offset(o)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.written())
    }
}

/// The help for a time with no clock: the two ways to name one, with the reading zone's.
fn both_ways(clock: &str, local: NaiveDateTime, reading: Tz) -> String {
    if reading == Tz::UTC {
        return format!(
            "write the offset, as in {clock}Z (UTC) or {clock}+03:30, or the zone, as in {clock}[Asia/Tehran]"
        );
    }
    match offsets_at(reading, local).first() {
        Some(&o) => format!(
            "write the offset, {clock}{}, or the zone, {clock}[{}]",
            offset_text(o),
            reading.name()
        ),
        None => format!(
            "write the offset (±HH:MM) or the zone, {clock}[{}]",
            reading.name()
        ),
    }
}

/// The offset of a time that names its zone: the zone's at that wall-clock time, and the
/// written one only when the zone had it (a summer-time slip is an error, not a guess).
fn zone_offset(
    s: &str,
    clock: &str,
    local: NaiveDateTime,
    written: Option<FixedOffset>,
    tz: Tz,
) -> Result<FixedOffset, DateError> {
    let have = offsets_at(tz, local);
    let when = format!("{} on {}", local.format("%H:%M"), local.format("%-d %B %Y"));
    let name = tz.name();
    let list = |v: &[FixedOffset]| {
        v.iter()
            .map(|&o| signed_offset(o))
            .collect::<Vec<_>>()
            .join(" or ")
    };
    match (written, have.as_slice()) {
        (_, []) => {
            let after = first_instant(tz, local).with_timezone(&tz);
            Err(DateError {
                message: format!(
                    "found {s:?}: {when} did not happen in {name}, whose clocks were put forward then"
                ),
                help: Some(format!(
                    "the first time after the change was {}{}[{name}]",
                    after.format("%Y-%m-%dT%H:%M"),
                    offset_text(after.offset().fix())
                )),
            })
        }
        (Some(o), have) if have.contains(&o) => Ok(o),
        (Some(o), have) => Err(DateError {
            message: format!(
                "found {s:?}: {name} was on {} at {when}, not {}",
                list(have),
                signed_offset(o)
            ),
            help: Some(format!(
                "write {clock}{}[{name}], or leave the offset out: {clock}[{name}]",
                offset_text(have[0])
            )),
        }),
        (None, [o]) => Ok(*o),
        (None, have) => Err(DateError {
            message: format!(
                "found {s:?}: {when} happened twice in {name}, whose clocks were put back then ({})",
                list(have)
            ),
            help: Some(format!(
                "add the offset to say which: {}",
                have.iter()
                    .map(|&o| format!("{clock}{}[{name}]", offset_text(o)))
                    .collect::<Vec<_>>()
                    .join(" or ")
            )),
        }),
    }
}

/// The fix for a date written in a common wrong way, as help: `write "2023-03-10T14:00+03:30":
/// the offset is written ±HH:MM`. None when no fix is evident.
fn repair(s: &str, reading: Tz) -> Option<String> {
    let mut why: Vec<&str> = Vec::new();
    let t = s.trim();
    // A time followed by an abbreviation (`10:00 CEST`): which zones it may mean.
    let before = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if before.trim_end().ends_with(|c: char| c.is_ascii_digit())
        && let Some(help) = super::zone_hints::abbreviation_help(&t[before.len()..])
    {
        // With one likely place, the date as it would then be written.
        let example = super::zone_hints::likely_zone(&t[before.len()..])
            .map(|zone| format!("{}[{zone}]", before.trim_end().replacen(' ', "T", 1)))
            .filter(|d| Date::parse_strict(d, reading).is_ok());
        return Some(match example {
            Some(d) => format!("{help}, such as \"{d}\""),
            None => help,
        });
    }
    let fixed = match month_words(t) {
        Some(f) => {
            why.push(if f.len() == 7 {
                "a month is written YYYY-MM"
            } else {
                "a day is written YYYY-MM-DD"
            });
            f
        }
        None => repair_numeric(t, &mut why)?,
    };
    if fixed == s {
        return None;
    }
    match Date::parse_strict(&fixed, reading) {
        Ok(_) if why.is_empty() => Some(format!("write \"{fixed}\"")),
        Ok(_) => Some(format!("write \"{fixed}\": {}", why.join("; "))),
        // Fixed but for its clock: the help that names both ways, on the fixed text.
        Err(DateError { help: Some(h), .. }) if !why.is_empty() => {
            Some(format!("{}; then {h}", why.join("; ")))
        }
        Err(_) => None,
    }
}

/// `March 2023`, `Mar 2023`, `10 March 2023`, `March 10, 2023` in ISO form.
fn month_words(s: &str) -> Option<String> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .collect();
    if !(2..=3).contains(&words.len()) {
        return None;
    }
    let month_of = |w: &str| {
        let w = w.to_lowercase();
        (w.len() >= 3)
            .then(|| MONTHS.iter().position(|m| m.to_lowercase().starts_with(&w)))
            .flatten()
    };
    let (mut month, mut year, mut day) = (None, None, None);
    for w in &words {
        if let Some(m) = month_of(w) {
            month = Some(m as u32 + 1);
        } else if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
            year = w.parse::<i32>().ok();
        } else if (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()) {
            day = w.parse::<u32>().ok();
        } else {
            return None;
        }
    }
    let (month, year) = (month?, year?);
    match (words.len(), day) {
        (2, None) => Some(format!("{year:04}-{month:02}")),
        (3, Some(d)) => Some(format!("{year:04}-{month:02}-{d:02}")),
        _ => None,
    }
}

/// Zero-pads the fields, joins date and time with `T`, writes the offset ±HH:MM.
fn repair_numeric(s: &str, why: &mut Vec<&'static str>) -> Option<String> {
    let (zone, body) = match s.strip_suffix(']').and_then(|b| b.rsplit_once('[')) {
        Some((b, z)) => (format!("[{z}]"), b),
        None => (String::new(), s),
    };
    let (day_part, time_part) = match body.find(['T', 't', ' ']) {
        Some(i) => {
            if body.as_bytes()[i] == b' ' {
                why.push("date and time are joined by T, with no space");
            }
            (&body[..i], Some(body[i + 1..].trim()))
        }
        None => (body, None),
    };
    let sep = if day_part.contains('/') { '/' } else { '-' };
    if sep == '/' {
        why.push("the parts of a date are joined by -");
    }
    let parts: Vec<&str> = day_part.split(sep).collect();
    if parts.is_empty() || parts.len() > 3 || parts[0].len() != 4 {
        return None;
    }
    let mut out = parts[0].to_string();
    for p in &parts[1..] {
        if p.is_empty() || p.len() > 2 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if p.len() == 1 {
            if !why.contains(&"month and day are written with two digits") {
                why.push("month and day are written with two digits");
            }
            out += &format!("-0{p}");
        } else {
            out += &format!("-{p}");
        }
    }
    let Some(time) = time_part else {
        return Some(out + &zone);
    };
    // The clock, then what names it: Z, an offset, `UTC`/`GMT`, or nothing.
    let compact: String = time.split_whitespace().collect();
    if compact.len() != time.len() {
        why.push("a time and its offset are written with no space");
    }
    let upper = compact.to_uppercase();
    let (clock, offset) = if let Some(c) = upper
        .strip_suffix("UTC")
        .or_else(|| upper.strip_suffix("GMT"))
    {
        why.push("UTC is written Z");
        (c.to_string(), Some("Z".to_string()))
    } else if let Some(c) = compact.strip_suffix(['Z', 'z']) {
        (c.to_string(), Some("Z".to_string()))
    } else if let Some(i) = compact.rfind(['+', '-']) {
        let (c, o) = compact.split_at(i);
        let (sign, rest) = o.split_at(1);
        if !rest.bytes().all(|b| b.is_ascii_digit() || b == b':') {
            return None;
        }
        let (h, m) = match rest.split_once(':') {
            Some((h, m)) => (h.to_string(), m.to_string()),
            None if rest.len() == 4 => (rest[..2].to_string(), rest[2..].to_string()),
            None if rest.len() <= 2 => (rest.to_string(), "00".to_string()),
            None => return None,
        };
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return None;
        }
        let fixed = format!("{sign}{h:0>2}:{m}");
        if fixed != o {
            why.push("an offset is written ±HH:MM");
        }
        (c.to_string(), Some(fixed))
    } else {
        (compact.clone(), None)
    };
    let mut hms: Vec<String> = clock.split(':').map(str::to_string).collect();
    if hms.len() < 2 {
        return None;
    }
    if hms[0].len() == 1 {
        hms[0] = format!("0{}", hms[0]);
        why.push("hours are written with two digits");
    }
    Some(format!(
        "{out}T{}{}{zone}",
        hms.join(":"),
        offset.unwrap_or_default()
    ))
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
            assert!(e.message.contains(says), "{s}: {e:?}");
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
    fn a_date_only_end_on_a_times_clock_covers_the_reading_days_that_day_touches() {
        let tz = |s: &str| s.parse::<Tz>().unwrap();
        // 26 October in Kuala Lumpur is 25 Oct 16:00 to 26 Oct 16:00 UTC: in Auckland
        // (UTC+13) it reaches 27 October; in New York it ends on the 26th.
        for (reading, last) in [("Pacific/Auckland", 27), ("America/New_York", 26)] {
            let r = tz(reading);
            let date = Date::parse_in("2025-10-25T10:00[Asia/Kuala_Lumpur]", r).unwrap();
            let end = Date::parse_in("2025-10-26", r).unwrap().on_clock_of(&date);
            assert_eq!(
                end.reading_last_day(),
                NaiveDate::from_ymd_opt(2025, 10, last).unwrap(),
                "{reading}"
            );
            // Read again in another zone (a log of several files), it keeps its clock.
            let again = end.in_zone(tz("UTC"));
            assert_eq!(again.end_exclusive(), end.end_exclusive());
        }
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
        assert!(e.message.contains("without an offset"), "{e}");
        assert_eq!(
            e.help.as_deref(),
            Some(
                "write the offset, as in 2024-05-03T14:05Z (UTC) or 2024-05-03T14:05+03:30, or the zone, as in 2024-05-03T14:05[Asia/Tehran]"
            )
        );
        let cairo = Date::parse_in("2024-05-03T14:05", Tz::Africa__Cairo).unwrap_err();
        assert_eq!(
            cairo.help.as_deref(),
            Some(
                "write the offset, 2024-05-03T14:05+03:00, or the zone, 2024-05-03T14:05[Africa/Cairo]"
            )
        );
    }

    #[test]
    fn common_mistakes_get_their_fix() {
        let help = |s: &str| Date::parse(s).unwrap_err().help.unwrap_or_default();
        assert_eq!(
            help("2023-03-10T14:00+0330"),
            "write \"2023-03-10T14:00+03:30\": an offset is written ±HH:MM"
        );
        assert_eq!(
            help("2023-3-10"),
            "write \"2023-03-10\": month and day are written with two digits"
        );
        assert_eq!(
            help("March 2023"),
            "write \"2023-03\": a month is written YYYY-MM"
        );
        assert_eq!(
            help("10 March 2023"),
            "write \"2023-03-10\": a day is written YYYY-MM-DD"
        );
        assert_eq!(
            help("2023-03-10 14:00+03:30"),
            "write \"2023-03-10T14:00+03:30\": date and time are joined by T, with no space"
        );
        assert!(
            help("2023-03-10 14:00").starts_with(
                "date and time are joined by T, with no space; then write the offset, as in 2023-03-10T14:00Z"
            ),
            "{}",
            help("2023-03-10 14:00")
        );
        assert_eq!(help("yesterday"), "");
        // Never a panic on what is not ASCII.
        for odd in [
            "2023-03-10T14:00+a€",
            "2023-03-10 14:00+€€",
            "€€€€-03",
            "2023-0€",
        ] {
            assert!(Date::parse(odd).is_err());
        }
    }

    #[test]
    fn a_zone_gives_the_offset_of_its_date() {
        let d = |s: &str| Date::parse(s).unwrap();
        // New York: EST until 12 March 2023 02:00, EDT until 5 November 2023 02:00.
        let before = d("2023-03-11T14:00[America/New_York]");
        let after = d("2023-03-13T14:00[America/New_York]");
        assert_eq!(before.human_time().unwrap(), "14:00 -05:00");
        assert_eq!(after.human_time().unwrap(), "14:00 -04:00");
        assert_eq!(
            d("2023-11-06T09:00[America/New_York]")
                .human_time()
                .unwrap(),
            "09:00 -05:00"
        );
        assert_eq!(
            before.written(),
            "2023-03-11T14:00[America/New_York]",
            "the written form is kept"
        );
        assert_eq!(
            before.human(),
            "Sat 11 March 2023 14:00 -05:00 (America/New_York)"
        );
        // Tehran kept summer time (+04:30) until 2022, and not since.
        assert_eq!(
            d("2021-06-01T12:00[Asia/Tehran]").human_time().unwrap(),
            "12:00 +04:30"
        );
        assert_eq!(
            d("2023-06-01T12:00[Asia/Tehran]").human_time().unwrap(),
            "12:00 +03:30"
        );
        assert_eq!(
            d("2023-06-01T12:00+03:30[Asia/Tehran]")
                .start()
                .to_rfc3339(),
            "2023-06-01T08:30:00+00:00"
        );
    }

    #[test]
    fn an_offset_the_zone_did_not_have_is_an_error() {
        let e = Date::parse("2023-06-01T12:00+04:30[Asia/Tehran]").unwrap_err();
        assert!(
            e.message
                .contains("Asia/Tehran was on +03:30 at 12:00 on 1 June 2023, not +04:30"),
            "{e}"
        );
        assert_eq!(
            e.help.as_deref(),
            Some(
                "write 2023-06-01T12:00+03:30[Asia/Tehran], or leave the offset out: 2023-06-01T12:00[Asia/Tehran]"
            )
        );
        // The spring-forward gap and the repeated hour of New York.
        let gap = Date::parse("2023-03-12T02:30[America/New_York]").unwrap_err();
        assert!(gap.message.contains("did not happen"), "{gap}");
        let twice = Date::parse("2023-11-05T01:30[America/New_York]").unwrap_err();
        assert!(twice.message.contains("happened twice"), "{twice}");
        assert!(Date::parse("2023-11-05T01:30-04:00[America/New_York]").is_ok());
        assert!(Date::parse("2023-11-05T01:30-05:00[America/New_York]").is_ok());
        let unknown = Date::parse("2023-03-10T14:00[Asia/Teheran]").unwrap_err();
        assert_eq!(
            unknown.help.as_deref(),
            Some("did you mean \"Asia/Tehran\"?")
        );
    }

    #[test]
    fn today_is_the_reading_zones_day() {
        let now = Utc.with_ymd_and_hms(2023, 3, 10, 22, 0, 0).unwrap();
        assert_eq!(Date::today_at(now, Tz::UTC).written(), "2023-03-10");
        assert_eq!(
            Date::today_at(now, Tz::Asia__Tehran).written(),
            "2023-03-11"
        );
        assert_eq!(
            Date::today_at(now, Tz::America__New_York).written(),
            "2023-03-10"
        );
    }

    #[test]
    fn a_day_is_a_period_of_the_reading_zone() {
        let day = Date::parse_in("2023-03-10", Tz::Asia__Tehran).unwrap();
        assert_eq!(day.start().to_rfc3339(), "2023-03-09T20:30:00+00:00");
        assert_eq!(
            day.end_exclusive().to_rfc3339(),
            "2023-03-10T20:30:00+00:00"
        );
        // 23:30 in Washington is the next morning in Tehran.
        let t = Date::parse_in("2023-03-10T23:30-05:00", Tz::Asia__Tehran).unwrap();
        assert_eq!(t.reading_day().to_string(), "2023-03-11");
        assert_eq!(t.reading_clock().unwrap(), "08:00");
        assert_eq!(t.reading_short(), "11 Mar 08:00");
        assert_eq!(t.reading_rfc3339(), "2023-03-11T08:00:00+03:30");
        assert_eq!(t.human_day(), "Fri 10 March 2023", "shown on its own clock");
        assert_eq!(
            t.reading_human().unwrap(),
            "Sat 11 March 2023 08:00 +03:30 (Asia/Tehran)"
        );
        assert_eq!(
            day.in_zone(Tz::UTC).start().to_rfc3339(),
            "2023-03-10T00:00:00+00:00"
        );
    }

    #[test]
    fn beside_its_own_clock_the_reading_zones_time_is_short_but_names_its_clock() {
        let at = |s: &str, zone: Tz| Date::parse_in(s, zone).unwrap().reading_beside();
        // Same day: the time and the zone.
        assert_eq!(
            at("2023-03-10T14:00[Asia/Tehran]", Tz::Asia__Shanghai).as_deref(),
            Some("18:30 Asia/Shanghai")
        );
        // Another day: the day first; another year: the year too.
        assert_eq!(
            at("2023-03-10T23:30-05:00", Tz::Asia__Shanghai).as_deref(),
            Some("Sat 11 March 12:30 Asia/Shanghai")
        );
        assert_eq!(
            at("2023-12-31T20:00-05:00", Tz::Asia__Shanghai).as_deref(),
            Some("Mon 1 January 2024 09:00 Asia/Shanghai")
        );
        assert_eq!(
            at("2024-04-05T21:00:30+03:00", Tz::UTC).as_deref(),
            Some("18:00:30 UTC")
        );
        // New York's clock shows 01:30 twice that night: the offset says which.
        assert_eq!(
            at("2023-11-05T05:30Z", Tz::America__New_York).as_deref(),
            Some("01:30 -04:00 America/New_York")
        );
        assert_eq!(
            at("2023-11-05T06:30Z", Tz::America__New_York).as_deref(),
            Some("01:30 -05:00 America/New_York")
        );
        // Nothing beside a time already on the reading zone's clock, or a date alone.
        assert_eq!(at("2023-03-10T12:00+08:00", Tz::Asia__Shanghai), None);
        assert_eq!(at("2023-03-10", Tz::Asia__Shanghai), None);
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
