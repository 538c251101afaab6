//! `list --format ics`: the matching events as an iCalendar file (RFC 5545), above all for
//! what is expected (deadlines, scheduled rounds), to subscribe to or import in a calendar.
//!
//! - A date without a time is an all-day event (`VALUE=DATE`, `DTEND` the day after, as RFC
//!   5545 counts it); a month or a year spans its whole period, never only its 1st. A time
//!   is written in UTC, and its own clock is in the description, the way the sources put it.
//! - `UID` is the event id at `dateline`, so importing the file again updates the events
//!   rather than doubling them. `DTSTAMP` is not the clock of the export but the latest
//!   instant the log itself names (an event's date or end, a source's publication), so the
//!   same log gives the same bytes, and a log that gains later news gets a later stamp.
//! - Lines end in CRLF and are folded at 75 octets, never inside a UTF-8 character; text
//!   escapes `\`, `;`, `,` and line breaks. Log text is sanitised first (iCalendar text may
//!   hold no control characters).
//!
//! Written by hand rather than with the `icalendar` crate: that crate would raise the Rust
//! version this project builds with (through its `uuid`), fills in a random `UID` and the
//! current time as `DTSTAMP` wherever one is forgotten (output that is not byte-stable), and
//! its all-day helper sets `DTEND` to the same day; what remains to write is the
//! folding and escaping below, each tested.

use crate::export::phrases::{
    original_label, original_words, source_line, verification_note, when_with_note, who, words,
    words_label,
};
use crate::export::web::{is_web_url, reflow};
use crate::model::{Date, Event, EventIx, Log, Status};
use crate::sanitize::sanitize;
use chrono::{DateTime, NaiveDate, Utc};

/// Escapes a TEXT value (RFC 5545 3.3.11).
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so that no line is longer than 75 octets (the CRLF
/// not counted): a continuation starts with a space, and a fold never splits a character.
fn push_line(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = 75;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // The space that opens a continuation line counts towards its 75 octets.
        limit = 74;
    }
}

fn utc_stamp(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

fn date_value(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// The day after the last day of a date's period in the reading zone: where an all-day
/// span ending with it stops (RFC 5545's DTEND is exclusive).
fn day_after(d: &Date) -> NaiveDate {
    d.reading_last_day().succ_opt().unwrap_or(NaiveDate::MAX)
}

/// DTSTART and DTEND lines of an event.
fn dates(out: &mut String, e: &Event) {
    if e.date.has_time() {
        push_line(out, &format!("DTSTART:{}", utc_stamp(e.date.start())));
        if let Some(end) = &e.end {
            // DTEND must have the type of DTSTART: an end without a time ends with its period.
            let t = if end.has_time() {
                end.start()
            } else {
                end.end_exclusive()
            };
            push_line(out, &format!("DTEND:{}", utc_stamp(t)));
        }
        // No DTEND: an instant, as RFC 5545 reads a DATE-TIME start without one.
    } else {
        let last = e.end.as_ref().unwrap_or(&e.date);
        push_line(
            out,
            &format!("DTSTART;VALUE=DATE:{}", date_value(e.date.reading_day())),
        );
        push_line(
            out,
            &format!("DTEND;VALUE=DATE:{}", date_value(day_after(last))),
        );
    }
}

/// The status RFC 5545 has for what the log says; none for a disputed event (it says so
/// in the description).
fn ics_status(s: Status) -> Option<&'static str> {
    match s {
        Status::Occurred => Some("CONFIRMED"),
        Status::Expected => Some("TENTATIVE"),
        Status::Cancelled => Some("CANCELLED"),
        Status::Disputed => None,
    }
}

/// The description: when on its own clock, status, kind, place, parties, summary, quotes
/// with their citations, sources with their URLs.
fn description(log: &Log, e: &Event) -> String {
    let mut lines = vec![format!("When: {}", when_with_note(e))];
    lines.push(format!("Status: {}", e.status.as_str()));
    lines.push(format!("Kind: {}", e.kind.as_str()));
    if let Some(loc) = &e.location {
        lines.push(format!("Where: {}", sanitize(loc)));
    }
    if !e.parties.is_empty() {
        let names: Vec<_> = e
            .parties
            .iter()
            .map(|&p| sanitize(&log.parties[p].name).into_owned())
            .collect();
        lines.push(format!("Parties: {}", names.join(", ")));
    }
    if let Some(summary) = &e.summary {
        lines.push(String::new());
        lines.push(reflow(summary).join("\n\n"));
    }
    for q in &e.quotes {
        lines.push(String::new());
        if let Some(label) = words_label(q) {
            lines.push(format!("{label}:"));
        }
        lines.push(reflow(&words(q)).join("\n\n"));
        if let Some(original) = original_words(q) {
            lines.push(format!("{}:", original_label(q)));
            lines.push(reflow(&original).join("\n\n"));
        }
        let mut credit = format!("— {}", who(log, q));
        match q.source {
            Some(s) => credit.push_str(&format!(", {}", source_line(&log.sources[s]))),
            None => credit.push_str(", source not given in the log"),
        }
        lines.push(credit);
        if let Some(note) = verification_note(log, q) {
            lines.push(note);
        }
    }
    if !e.sources.is_empty() {
        lines.push(String::new());
        lines.push("Sources:".into());
        for &s in &e.sources {
            let src = &log.sources[s];
            let mut line = format!("- {}", source_line(src));
            if let Some(url) = &src.url {
                line.push_str(&format!(" {}", sanitize(url)));
            }
            lines.push(line);
        }
    }
    lines.join("\n")
}

fn event(out: &mut String, log: &Log, e: &Event, stamp: &str) {
    push_line(out, "BEGIN:VEVENT");
    push_line(out, &format!("UID:{}@dateline", e.id));
    push_line(out, &format!("DTSTAMP:{stamp}"));
    dates(out, e);
    push_line(
        out,
        &format!("SUMMARY:{}", escape_text(&sanitize(&e.title))),
    );
    push_line(
        out,
        &format!("DESCRIPTION:{}", escape_text(&description(log, e))),
    );
    if let Some(loc) = &e.location {
        push_line(out, &format!("LOCATION:{}", escape_text(&sanitize(loc))));
    }
    if let Some(status) = ics_status(e.status) {
        push_line(out, &format!("STATUS:{status}"));
    }
    let categories: Vec<String> = std::iter::once(e.kind.as_str().to_owned())
        .chain(e.topics.iter().map(|t| escape_text(&sanitize(t))))
        .collect();
    push_line(out, &format!("CATEGORIES:{}", categories.join(",")));
    let url = e
        .sources
        .iter()
        .filter_map(|&s| log.sources[s].url.as_deref())
        .find(|u| is_web_url(u));
    if let Some(url) = url {
        push_line(out, &format!("URL:{}", url.trim()));
    }
    push_line(out, "END:VEVENT");
}

/// The latest instant the log names: the stamp of every event in the file.
fn log_stamp(log: &Log) -> DateTime<Utc> {
    let events = log
        .events
        .iter()
        .flat_map(|e| std::iter::once(&e.date).chain(e.end.as_ref()));
    let sources = log.sources.iter().filter_map(|s| s.published.as_ref());
    events
        .chain(sources)
        .map(Date::start)
        .max()
        .unwrap_or(DateTime::<Utc>::UNIX_EPOCH)
}

/// `list --format ics`: a VCALENDAR with one VEVENT per event.
pub fn events(log: &Log, events: &[EventIx]) -> String {
    let mut out = String::new();
    push_line(&mut out, "BEGIN:VCALENDAR");
    push_line(&mut out, "VERSION:2.0");
    push_line(&mut out, "PRODID:-//dateline//dateline event log//EN");
    push_line(&mut out, "CALSCALE:GREGORIAN");
    push_line(&mut out, "METHOD:PUBLISH");
    push_line(
        &mut out,
        &format!(
            "X-WR-CALNAME:{}",
            escape_text(&sanitize(&log.display_title()))
        ),
    );
    let stamp = utc_stamp(log_stamp(log));
    for &ix in events {
        event(&mut out, log, &log.events[ix], &stamp);
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;

    fn unfold(s: &str) -> String {
        s.replace("\r\n ", "")
    }

    #[test]
    fn lines_fold_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let long = format!("DESCRIPTION:{}", "é中a".repeat(60));
        push_line(&mut out, &long);
        assert!(out.ends_with("\r\n"));
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        }
        assert_eq!(unfold(&out), format!("{long}\r\n"));
        let mut short = String::new();
        push_line(&mut short, &"x".repeat(75));
        assert_eq!(short, format!("{}\r\n", "x".repeat(75)));
    }

    #[test]
    fn text_escapes_backslash_semicolon_comma_and_newline() {
        assert_eq!(escape_text("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne");
    }

    #[test]
    fn dates_follow_their_precision() {
        let log = fixture::log();
        let out = unfold(&events(&log, &[0, 1, 3]));
        // April 2024: all of April, not its 1st.
        assert!(out.contains("DTSTART;VALUE=DATE:20240401\r\nDTEND;VALUE=DATE:20240501\r\n"));
        // 21:00 +03:00 is 18:00 UTC; its own clock is in the description.
        assert!(out.contains("DTSTART:20240405T180000Z\r\n"));
        assert!(out.contains("When: Fri 5 April 2024 21:00 +03:00"));
        // 4 to 5 May: DTEND is the 6th, as RFC 5545 counts.
        assert!(out.contains("DTSTART;VALUE=DATE:20240504\r\nDTEND;VALUE=DATE:20240506\r\n"));
        assert!(out.contains("STATUS:TENTATIVE\r\n"));
        assert!(out.contains("UID:cairo-meeting@dateline\r\n"));
        // The stamp is the latest date of the log: the end of the meeting, 5 May.
        assert!(out.contains("DTSTAMP:20240505T000000Z\r\n"));
    }

    #[test]
    fn every_line_ends_in_crlf() {
        let log = fixture::log();
        let out = events(&log, &[0, 1, 2, 3]);
        assert!(out.ends_with("END:VCALENDAR\r\n"));
        assert!(!out.replace("\r\n", "").contains('\n'));
        assert!(!out.replace("\r\n", "").contains('\r'));
    }
}
