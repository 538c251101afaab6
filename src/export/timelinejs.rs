//! `list --format timelinejs`: the matching events as a TimelineJS3 JSON file, for a
//! newsroom's embed (Knight Lab's documented format: a `title` slide, then one slide per
//! event under `events`).
//!
//! - Dates carry only the parts their precision has, as strings (the form TimelineJS's own
//!   Google Sheets reader produces; a number 0 would read as "no hour"), so April 2024 stays a
//!   month and 2016 a year. TimelineJS has no time zones and sorts slides by these parts, so
//!   every time is written on the log's reading zone's clock, the clock dateline orders by;
//!   each date's `display_date` keeps the event's own clock (`Fri 5 April 2024 21:00 +03:00`).
//! - dateline's own fields (the dates as written, zone names included, the date note, kind,
//!   status, title and party ids; the reading zone and the parties) ride along under
//!   `dateline` keys, which TimelineJS ignores, so that `dateline import` gives them back.
//! - TimelineJS puts headline, text and display dates into the page as HTML: every text from
//!   the log is escaped, and only http(s) URLs become links (`autolink` is off, so nothing
//!   else is turned into one).
//! - `group` is the event's first party (TimelineJS allows one per slide).
//! - TimelineJS reads `group` and every `display_date` as markup and keeps their text (its
//!   `stripMarkup`, which decodes entities), then puts that text into the page as HTML: a
//!   name escaped once would come back as markup there. Those fields are escaped twice, so
//!   what reaches the page is the escaped text, shown as written.

use crate::export::phrases::{
    original_label, original_words, source_line, status_word, verification_note, when_with_note,
    who, words, words_label,
};
use crate::export::web;
use crate::model::{Date, Event, EventIx, Log, Precision, Quote, Tz};
use crate::sanitize::sanitize;
use chrono::{Datelike, NaiveDateTime, TimeZone, Timelike};
use serde::Serialize;

#[derive(Serialize)]
pub(crate) struct Timeline {
    title: Slide,
    pub(crate) events: Vec<Slide>,
    scale: &'static str,
    dateline: LogFields,
}

/// What the log has that TimelineJS does not: its reading zone and its parties.
#[derive(Serialize)]
struct LogFields {
    format: u32,
    timezone: &'static str,
    parties: Vec<PartyFields>,
}

#[derive(Serialize)]
struct PartyFields {
    id: String,
    name: String,
}

/// An event's own fields, as the log has them (not HTML).
#[derive(Serialize)]
struct EventFields {
    date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_note: Option<String>,
    kind: &'static str,
    status: &'static str,
    title: String,
    parties: Vec<String>,
}

#[derive(Serialize)]
pub(crate) struct Slide {
    #[serde(skip_serializing_if = "Option::is_none")]
    unique_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<TlDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<TlDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    autolink: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    dateline: Option<EventFields>,
}

#[derive(Serialize)]
struct Text {
    headline: String,
    text: String,
}

/// A TimelineJS date object: the parts the precision has, then how to show it.
#[derive(Serialize)]
struct TlDate {
    year: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hour: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    minute: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    second: Option<String>,
    display_date: String,
}

/// The wall-clock start on the reading zone's clock (a date without a time is already on
/// its calendar). In the hour the clock shows twice, every time is written as the hour's
/// first minute: its wall clock would put the second pass before the first, while equal
/// dates keep their order in the file (TimelineJS sorts stably), which is dateline's.
fn reading_wall(d: &Date, reading: Tz) -> NaiveDateTime {
    if !d.has_time() {
        return d.local();
    }
    let wall = d.start().with_timezone(&reading).naive_local();
    let twice = |t: NaiveDateTime| {
        matches!(
            reading.from_local_datetime(&t),
            chrono::LocalResult::Ambiguous(..)
        )
    };
    if !twice(wall) {
        return wall;
    }
    let minute = chrono::Duration::minutes(1);
    let mut first = wall.with_second(0).unwrap_or(wall);
    // A repeated stretch lasts at most a few hours: bounded all the same.
    for _ in 0..24 * 60 {
        if !twice(first - minute) {
            break;
        }
        first -= minute;
    }
    first
}

fn tl_date(d: &Date, reading: Tz) -> TlDate {
    // Parts on the reading zone's clock (for a year or a month, its first day).
    let local = reading_wall(d, reading);
    let has = |p: Precision| d.precision >= p;
    let part = |p: Precision, v: u32| has(p).then(|| v.to_string());
    TlDate {
        year: local.year().to_string(),
        month: part(Precision::Month, local.month()),
        day: part(Precision::Day, local.day()),
        hour: part(Precision::Minute, local.hour()),
        minute: part(Precision::Minute, local.minute()),
        second: part(Precision::Second, local.second()),
        display_date: plain_field(&d.human()),
    }
}

/// Text for a field TimelineJS strips of markup and then inserts as HTML (see above).
fn plain_field(s: &str) -> String {
    web::escape(&web::text(s))
}

/// A quote as HTML: the words (a blockquote when verbatim, a labelled paragraph when not),
/// then who said them and where it was published.
fn quote_html(log: &Log, q: &Quote) -> String {
    let words = words(q);
    let mut out = match words_label(q) {
        Some(label) => format!(
            "<p><em>{}:</em> {}</p>",
            web::escape(label),
            web::flow(&words)
        ),
        None => format!("<blockquote>{}</blockquote>", web::flow(&words)),
    };
    if let Some(original) = original_words(q) {
        let lang = q
            .lang
            .as_deref()
            .map(|l| format!(" lang=\"{}\"", web::escape(l)))
            .unwrap_or_default();
        out.push_str(&format!(
            "<p><em>{}:</em></p><blockquote{lang} dir=\"auto\">{}</blockquote>",
            web::escape(&original_label(q)),
            web::flow(&original)
        ));
    }
    out.push_str(&format!("<p>— {}", web::escape(&who(log, q))));
    match q.source {
        Some(s) => {
            let src = &log.sources[s];
            let line = web::escape(&source_line(src));
            match &src.url {
                Some(url) => out.push_str(&format!(", {}", web::link(&line, url))),
                None => out.push_str(&format!(", {line}")),
            }
        }
        None => out.push_str(", source not given in the log"),
    }
    out.push_str("</p>");
    if let Some(note) = verification_note(log, q) {
        out.push_str(&format!("<p><strong>{}</strong></p>", web::escape(&note)));
    }
    out
}

/// The slide's text: summary, status, place, the quotes with their citations, the sources.
fn event_text(log: &Log, e: &Event) -> String {
    let mut out = String::new();
    if let Some(s) = status_word(e.status) {
        out.push_str(&format!("<p><strong>Status: {s}</strong></p>"));
    }
    if let Some(summary) = &e.summary {
        out.push_str(&web::paragraphs(summary));
    }
    if let Some(loc) = &e.location {
        out.push_str(&format!("<p>Location: {}</p>", web::text(loc)));
    }
    for q in &e.quotes {
        out.push_str(&quote_html(log, q));
    }
    if !e.sources.is_empty() {
        let links: Vec<String> = e
            .sources
            .iter()
            .map(|&s| {
                let src = &log.sources[s];
                let label = web::escape(&source_line(src));
                match &src.url {
                    Some(url) => web::link(&label, url),
                    None => label,
                }
            })
            .collect();
        out.push_str(&format!("<p>Sources: {}</p>", links.join("; ")));
    }
    out
}

fn event_slide(log: &Log, e: &Event) -> Slide {
    Slide {
        unique_id: Some(e.id.clone()),
        start_date: Some(tl_date(&e.date, log.timezone)),
        end_date: e.end.as_ref().map(|d| tl_date(d, log.timezone)),
        display_date: Some(plain_field(&when_with_note(e))),
        text: Text {
            headline: web::text(&e.title),
            text: event_text(log, e),
        },
        group: e
            .parties
            .first()
            .map(|&p| plain_field(&log.parties[p].name)),
        autolink: false,
        dateline: Some(EventFields {
            date: e.date.written(),
            end: e.end.map(|d| d.written()),
            date_note: e.date_note.clone(),
            kind: e.kind.as_str(),
            status: e.status.as_str(),
            title: e.title.clone(),
            parties: e
                .parties
                .iter()
                .map(|&p| log.parties[p].id.clone())
                .collect(),
        }),
    }
}

/// `list --format timelinejs`: the title slide and one slide per event, pretty-printed,
/// ending with a newline.
pub fn events(log: &Log, events: &[EventIx]) -> String {
    let title = Slide {
        unique_id: None,
        start_date: None,
        end_date: None,
        display_date: None,
        text: Text {
            headline: web::escape(&sanitize(&log.display_title())),
            text: log
                .description
                .as_deref()
                .map(web::paragraphs)
                .unwrap_or_default(),
        },
        group: None,
        autolink: false,
        dateline: None,
    };
    // The parties the slides name, in the log's order.
    let mut used = vec![false; log.parties.len()];
    for &ix in events {
        for &p in &log.events[ix].parties {
            used[p] = true;
        }
    }
    let parties = log
        .parties
        .iter()
        .zip(used)
        .filter(|(_, used)| *used)
        .map(|(p, _)| PartyFields {
            id: p.id.clone(),
            name: p.name.clone(),
        })
        .collect();
    let timeline = Timeline {
        title,
        events: events
            .iter()
            .map(|&ix| event_slide(log, &log.events[ix]))
            .collect(),
        scale: "human",
        dateline: LogFields {
            format: 1,
            timezone: log.timezone.name(),
            parties,
        },
    };
    let mut out = super::json_fields::to_string_pretty(&timeline);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;
    use crate::export::phrases::PARAPHRASE_LABEL;
    use serde_json::Value;

    fn json(ix: &[usize]) -> Value {
        serde_json::from_str(&events(&fixture::log(), ix)).unwrap()
    }

    #[test]
    fn dates_have_only_the_parts_of_their_precision() {
        let v = json(&[0, 1, 3]);
        let month = &v["events"][0]["start_date"];
        assert_eq!(month["year"], "2024");
        assert_eq!(month["month"], "4");
        assert!(month.get("day").is_none());
        assert_eq!(month["display_date"], "April 2024");
        let timed = &v["events"][1]["start_date"];
        assert_eq!(
            (&timed["day"], &timed["hour"], &timed["minute"]),
            (&Value::from("5"), &Value::from("18"), &Value::from("0"))
        );
        assert!(timed.get("second").is_none());
        assert_eq!(timed["display_date"], "Fri 5 April 2024 21:00 +03:00");
        assert_eq!(v["events"][2]["end_date"]["day"], "5");
        assert_eq!(v["events"][0]["unique_id"], "egypt-push");
    }

    #[test]
    fn text_is_escaped_and_says_status_and_paraphrase() {
        let v = json(&[2, 3]);
        let text = v["events"][0]["text"]["text"].as_str().unwrap();
        assert!(text.contains(PARAPHRASE_LABEL), "{text}");
        assert!(text.contains("&quot;some progress&quot;"), "{text}");
        assert!(text.contains("<a href=\"https:&#x2F;&#x2F;example.org&#x2F;reuters\""));
        let expected = &v["events"][1];
        assert!(
            expected["text"]["text"]
                .as_str()
                .unwrap()
                .starts_with("<p><strong>Status: expected</strong></p>")
        );
        assert_eq!(expected["text"]["headline"], "Meeting in Cairo\\u{202e}gpj");
        assert_eq!(expected["group"], "United States");
        assert_eq!(v["title"]["text"]["headline"], "Fixture talks");
    }

    /// TimelineJS decodes `group` and `display_date` once (stripping markup) before it puts
    /// them in the page as HTML: escaped twice, they still arrive as text.
    #[test]
    fn fields_timelinejs_strips_are_escaped_twice() {
        let mut log = fixture::log();
        log.parties[0].name = "US <img src=x onerror=alert(1)>".into();
        log.events[3].date_note = Some("\"soon\" & <b>late</b>".into());
        let v: Value = serde_json::from_str(&events(&log, &[3])).unwrap();
        assert_eq!(
            v["events"][0]["group"],
            "US &amp;lt;img src=x onerror=alert(1)&amp;gt;"
        );
        let shown = v["events"][0]["display_date"].as_str().unwrap();
        assert!(
            shown.ends_with("&amp;quot;soon&amp;quot; &amp;amp; &amp;lt;b&amp;gt;late&amp;lt;&amp;#x2F;b&amp;gt;"),
            "{shown}"
        );
    }
}
