//! Taking in a timeline a newsroom already has: TimelineJS3 JSON, or the TimelineJS Google
//! Sheets template saved as CSV, turned into a format-1 log for the journalist to complete.
//!
//! Both readers produce the same `Timeline`, which `write` turns into YAML. What TimelineJS
//! cannot say (actors, quotes, sources, kinds) is left for the writer, and the log says so at
//! its top; what format 1 has no place for (media, credits, captions, backgrounds, eras) is
//! kept under `x-timelinejs-…` keys rather than dropped.

mod html_text;
#[cfg(test)]
mod props;
pub(crate) mod sheet;
pub(crate) mod timelinejs;
mod write;

pub use write::push_quoted;
pub(crate) use write::to_yaml;

use crate::model::{Date, Kind, Status};
use std::fmt;

/// A timeline read from TimelineJS, before it is written as a log.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Timeline {
    title: Option<String>,
    description: Option<String>,
    /// What the title slide had that a log cannot hold (its media, its background).
    title_extra: Vec<(String, String)>,
    pub(crate) events: Vec<Slide>,
    /// Eras (labelled spans of the navigation), kept as they were.
    eras: Vec<Vec<(String, String)>>,
    /// The reading zone, from a file dateline wrote.
    timezone: Option<crate::model::Tz>,
    /// Parties (id, name) from a file dateline wrote, in its order.
    parties: Vec<(String, String)>,
}

/// One event slide.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Slide {
    /// Where it was read, for messages: `events[3]` or `line 5`.
    place: String,
    unique_id: Option<String>,
    date: Date,
    end: Option<Date>,
    /// The date or end had a time but TimelineJS named no clock: read as UTC.
    clock_assumed: bool,
    title: String,
    /// How the sources put the date, when the display date adds it to the date itself.
    date_note: Option<String>,
    summary: Option<String>,
    status: Status,
    group: Option<String>,
    /// From a file dateline wrote: the kind, and the ids of the parties involved.
    kind: Option<Kind>,
    parties: Option<Vec<String>>,
    /// Comments written above the event: what the import changed and why.
    comments: Vec<String>,
    /// `x-timelinejs-…` keys: what the slide had that format 1 has no place for.
    extra: Vec<(String, String)>,
}

impl Slide {
    /// TimelineJS allows an end before the start, format 1 does not: the end is kept under
    /// `x-timelinejs-end` instead, and the event says so.
    fn drop_end_before_start(&mut self, reading: crate::model::Tz) {
        let Some(end) = self.end else { return };
        if end.in_zone(reading).end_exclusive() > self.date.in_zone(reading).start() {
            return;
        }
        self.comments.push(format!(
            "TimelineJS's end, {}, was before the start: kept under x-timelinejs-end; check it.",
            end.written()
        ));
        self.extra
            .insert(0, ("x-timelinejs-end".to_owned(), end.written()));
        self.end = None;
    }
}

/// A headline as a title: one line, since a title is one (`<br>` in TimelineJS headlines
/// is common, Knight Lab's own examples have it).
fn one_line(s: &str) -> String {
    s.split(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Why a file could not be imported: where, and what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ImportError {
    file: String,
    /// `line 4`, `events[2].start_date.month`, …
    place: Option<String>,
    message: String,
}

impl ImportError {
    /// The error at an event of the made log, reported at the input's slide or row.
    pub(crate) fn at(file: &str, place: Option<String>, message: String) -> ImportError {
        ImportError {
            file: file.to_owned(),
            place,
            message,
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.place {
            Some(p) => write!(f, "{}: {p}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl Timeline {
    /// Where event `i` of the made log was read: `events[3]`, `line 5`.
    pub(crate) fn place_of(&self, i: usize) -> Option<&str> {
        self.events.get(i).map(|e| e.place.as_str())
    }
}

/// Date parts as TimelineJS gives them (each may be missing), with the clock named beside
/// them, if any, turned into a date of format 1 at the precision the parts have.
#[derive(Clone, Debug, Default)]
struct Parts {
    year: Option<i64>,
    month: Option<i64>,
    day: Option<i64>,
    hour: Option<i64>,
    minute: Option<i64>,
    second: Option<i64>,
}

impl Parts {
    /// The date, and whether a time had to be read as UTC for want of a clock. `clock` is
    /// the text that may name one (a display date such as `Fri 5 April 2024 21:00 +03:00`).
    fn to_date(&self, clock: &[Option<&str>]) -> Result<(Date, bool), String> {
        let year = self.year.ok_or("a year is required")?;
        if !(0..=9999).contains(&year) {
            return Err(format!(
                "year {year} is outside what format 1 can write (0000 to 9999)"
            ));
        }
        let mut s = format!("{year:04}");
        let Some(month) = self.month else {
            return Date::parse(&s).map(|d| (d, false)).map_err(|e| e.message);
        };
        s.push_str(&format!("-{month:02}"));
        let Some(day) = self.day else {
            return Date::parse(&s).map(|d| (d, false)).map_err(|e| e.message);
        };
        s.push_str(&format!("-{day:02}"));
        let Some(hour) = self.hour else {
            return Date::parse(&s).map(|d| (d, false)).map_err(|e| e.message);
        };
        s.push_str(&format!("T{hour:02}:{:02}", self.minute.unwrap_or(0)));
        if let Some(sec) = self.second {
            s.push_str(&format!(":{sec:02}"));
        }
        let named = clock.iter().flatten().find_map(|c| named_offset(c));
        let assumed = named.is_none();
        s.push_str(named.as_deref().unwrap_or("Z"));
        Date::parse(&s).map(|d| (d, assumed)).map_err(|e| e.message)
    }
}

/// What a slide's display date says beyond its dates. `list --format timelinejs` writes
/// the dates as dateline shows them, then `, ` and the date note: that comes back as the
/// note, and a display date that is only the dates is not kept twice. Any other display
/// date is kept as it is. Returns (note, display date to keep).
fn split_display(
    display: &str,
    date: &Date,
    end: Option<&Date>,
) -> (Option<String>, Option<String>) {
    // The dates as the exports show them (`phrases::when`).
    let when = match end {
        Some(end) => format!("{} – {}", date.human(), end.human()),
        None => date.human(),
    };
    if display == when {
        return (None, None);
    }
    match display
        .strip_prefix(&when)
        .and_then(|r| r.strip_prefix(", "))
    {
        Some(note) if !note.trim().is_empty() => (Some(note.trim().to_owned()), None),
        _ => (None, Some(display.to_owned())),
    }
}

/// The clock a display date names, as an offset: its last `±HH:MM`, or `UTC`/`GMT` (`Z`).
fn named_offset(text: &str) -> Option<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ','))
        .rev()
        .find_map(|tok| {
            let b = tok.as_bytes();
            if tok.eq_ignore_ascii_case("utc") || tok.eq_ignore_ascii_case("gmt") {
                Some("Z".to_owned())
            } else if b.len() == 6
                && matches!(b[0], b'+' | b'-')
                && b[1..3].iter().all(u8::is_ascii_digit)
                && b[3] == b':'
                && b[4..6].iter().all(u8::is_ascii_digit)
            {
                Some(tok.to_owned())
            } else {
                None
            }
        })
}

/// A TimelineJS file's text (`csv`: the sheet saved as CSV) as the log `import` writes, or
/// why it cannot be: for the benchmarks, which time the readers without a file.
pub fn import_text(name: &str, text: &str, csv: bool) -> Result<String, String> {
    let mut budget = crate::load::Budget::new(&crate::load::Limits::default());
    let (t, what) = if csv {
        (
            sheet::read(name, text, &mut budget),
            "the TimelineJS sheet as CSV",
        )
    } else {
        (
            timelinejs::read(name, text, &mut budget).map_err(|e| vec![e]),
            "TimelineJS JSON",
        )
    };
    let t = t.map_err(|e| {
        e.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    Ok(to_yaml(&t, name, what))
}

/// An HTML fragment as the plain text `import` keeps of it (for the benchmarks).
pub fn html_to_text(html: &str) -> String {
    html_text::to_text(html)
}

/// Takes `n` more values kept from the import's budget; the refusal once past it.
pub(super) fn keep(budget: &mut crate::load::Budget, n: usize) -> Result<(), String> {
    if budget.take_items(n) {
        return Ok(());
    }
    Err(format!(
        "more than {} values (slides, their fields and kept columns): over the memory budget of an import ({} MiB); split the timeline",
        budget.items(),
        budget.mib()
    ))
}

/// Reads a TimelineJS file by its extension: `.json`, or `.csv` for the sheet template.
/// Only a regular file within the limits' import size is read (not a pipe or a device,
/// which could hang or never end), keeping at most their count of values.
pub(crate) fn read_file(
    path: &std::path::Path,
    limits: &crate::load::Limits,
) -> Result<Timeline, Vec<ImportError>> {
    let max_bytes = limits.max_import_bytes();
    let file = crate::sanitize::sanitize(&path.display().to_string()).into_owned();
    let fail = |message: String| {
        vec![ImportError {
            file: file.clone(),
            place: None,
            message,
        }]
    };
    let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot read the file: {e}")))?;
    if !meta.is_file() {
        return Err(fail(
            "not a regular file: expected a .json or .csv file".into(),
        ));
    }
    if meta.len() > max_bytes {
        return Err(fail(format!(
            "the file is {} bytes, over the limit of {max_bytes} bytes for an import (an import takes up to 32 times its size in memory, within a budget of {} MiB; --max-file-size may lower it)",
            meta.len(),
            limits.memory_budget >> 20
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(format!("cannot read the file: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        fail(format!(
            "not UTF-8 text (byte {} is not): save it as UTF-8 and try again",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    // One budget for the import: every value it keeps is taken from it.
    let mut budget = crate::load::Budget::new(limits);
    match ext.as_deref() {
        Some("json") => timelinejs::read(&file, text, &mut budget).map_err(|e| vec![e]),
        Some("csv") => sheet::read(&file, text, &mut budget),
        _ => Err(fail(
            "expected a .json file (TimelineJS JSON) or a .csv file (the TimelineJS sheet saved as CSV)"
                .into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_keep_their_precision() {
        let p = |y, m, d| Parts {
            year: y,
            month: m,
            day: d,
            ..Parts::default()
        };
        let date = |parts: Parts| parts.to_date(&[]).unwrap().0.written();
        assert_eq!(date(p(Some(2016), None, None)), "2016");
        assert_eq!(date(p(Some(2024), Some(4), None)), "2024-04");
        assert_eq!(date(p(Some(2024), Some(4), Some(3))), "2024-04-03");
        assert!(p(None, Some(4), None).to_date(&[]).is_err());
        assert!(p(Some(2024), Some(13), None).to_date(&[]).is_err());
        assert!(p(Some(-500), None, None).to_date(&[]).is_err());
    }

    #[test]
    fn a_time_takes_the_clock_its_display_date_names() {
        let parts = Parts {
            year: Some(2024),
            month: Some(4),
            day: Some(5),
            hour: Some(21),
            minute: Some(0),
            ..Parts::default()
        };
        let (d, assumed) = parts
            .to_date(&[Some("Fri 5 April 2024 21:00 +03:00")])
            .unwrap();
        assert_eq!(
            (d.written().as_str(), assumed),
            ("2024-04-05T21:00+03:00", false)
        );
        let (d, assumed) = parts.to_date(&[None, Some("evening")]).unwrap();
        assert_eq!((d.written().as_str(), assumed), ("2024-04-05T21:00Z", true));
        assert_eq!(named_offset("9:00 UTC").as_deref(), Some("Z"));
    }
}
