//! TimelineJS3 JSON, as Knight Lab documents it: `{title, events: [slide], eras, scale}`;
//! a slide has `start_date` and `end_date` (date objects: `year`, `month`, `day`, `hour`,
//! `minute`, `second`, `millisecond`, `display_date`, `format`, each part a number or a
//! string), `text` (`headline`, `text`, HTML), `media`, `group`, `display_date`,
//! `background`, `autolink`, `unique_id`.

use super::html_text::to_text;
use super::{ImportError, Parts, Slide, Timeline, one_line};
use crate::load::ids::is_valid_id;
use crate::model::{Date, Kind, Status, parse_zone};
use serde_json::{Map, Value};

struct Reader<'a> {
    file: &'a str,
}

impl Reader<'_> {
    fn error(&self, place: &str, message: impl Into<String>) -> ImportError {
        ImportError {
            file: self.file.to_owned(),
            place: (!place.is_empty()).then(|| place.to_owned()),
            message: message.into(),
        }
    }

    /// A date part: a whole number, or a string holding one (`"2024"`, `" 1,815 "`); an
    /// empty string is no part.
    fn part(
        &self,
        obj: &Map<String, Value>,
        key: &str,
        place: &str,
    ) -> Result<Option<i64>, ImportError> {
        let here = || format!("{place}.{key}");
        match obj.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) => n
                .as_i64()
                .map(Some)
                .ok_or_else(|| self.error(&here(), format!("found {n}, expected a whole number"))),
            Some(Value::String(s)) => {
                let clean: String = s
                    .chars()
                    .filter(|c| !c.is_whitespace() && *c != ',')
                    .collect();
                if clean.is_empty() {
                    return Ok(None);
                }
                clean.parse().map(Some).map_err(|_| {
                    self.error(&here(), format!("found {s:?}, expected a whole number"))
                })
            }
            Some(other) => Err(self.error(
                &here(),
                format!("found {}, expected a number", kind_of(other)),
            )),
        }
    }

    fn parts(&self, obj: &Map<String, Value>, place: &str) -> Result<Parts, ImportError> {
        Ok(Parts {
            year: self.part(obj, "year", place)?,
            month: self.part(obj, "month", place)?,
            day: self.part(obj, "day", place)?,
            hour: self.part(obj, "hour", place)?,
            minute: self.part(obj, "minute", place)?,
            second: self.part(obj, "second", place)?,
        })
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn string<'v>(obj: &'v Map<String, Value>, key: &str) -> Option<&'v str> {
    obj.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// A value of a key format 1 has no place for, as text.
fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => Some(s.trim().to_owned()),
        other => Some(other.to_string()),
    }
}

/// `media` and `background` objects, kept as `x-timelinejs-media-url`, …
fn keep_object(out: &mut Vec<(String, String)>, prefix: &str, v: &Value) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                if let Some(text) = as_text(v) {
                    out.push((format!("x-timelinejs-{prefix}-{}", key_slug(k)), text));
                }
            }
        }
        other => {
            if let Some(text) = as_text(other) {
                out.push((format!("x-timelinejs-{prefix}"), text));
            }
        }
    }
}

/// A key as it may follow `x-`: lower case, `-` for anything else.
pub(super) fn key_slug(k: &str) -> String {
    let s = crate::load::ids::slug(k);
    if s.is_empty() { "field".into() } else { s }
}

/// The status `list --format timelinejs` writes as the text's first paragraph.
pub(super) fn take_status(summary: &mut Option<String>) -> Status {
    let Some(text) = summary else {
        return Status::Occurred;
    };
    let first = text.split("\n\n").next().unwrap_or("");
    let status = first
        .strip_prefix("Status: ")
        .and_then(|s| Status::parse(s.trim()));
    if let Some(status) = status {
        let rest = text[first.len()..].trim_start().to_owned();
        *summary = (!rest.is_empty()).then_some(rest);
        return status;
    }
    Status::Occurred
}

/// The text of a field TimelineJS strips of markup and then shows as HTML (`group`,
/// `display_date`): what a reader sees there is its text decoded twice.
pub(super) fn plain_field(s: &str) -> String {
    to_text(&to_text(s))
}

pub(crate) fn read(
    file: &str,
    text: &str,
    budget: &mut crate::load::Budget,
) -> Result<Timeline, ImportError> {
    let r = Reader { file };
    let root: Value = serde_json::from_str(text).map_err(|e| {
        r.error(
            &format!("line {}, column {}", e.line(), e.column()),
            format!("not valid JSON: {e}"),
        )
    })?;
    let Value::Object(root) = root else {
        return Err(r.error(
            "",
            format!(
                "found {}, expected a TimelineJS object with `events`",
                kind_of(&root)
            ),
        ));
    };
    let mut out = Timeline::default();
    if let Some(own) = root.get("dateline") {
        read_log_fields(&r, own, &mut out)?;
    }
    if let Some(Value::Object(title)) = root.get("title") {
        if let Some(Value::Object(text)) = title.get("text") {
            out.title = string(text, "headline")
                .map(|t| one_line(&to_text(t)))
                .filter(|t| !t.is_empty());
            out.description = string(text, "text").map(to_text).filter(|t| !t.is_empty());
        }
        for key in ["media", "background"] {
            if let Some(v) = title.get(key) {
                keep_object(&mut out.title_extra, key, v);
            }
        }
    }
    let Some(events) = root.get("events") else {
        return Err(r.error(
            "",
            "no `events`: a TimelineJS file has a list of slides under `events`",
        ));
    };
    let Value::Array(events) = events else {
        return Err(r.error(
            "events",
            format!("found {}, expected a list of slides", kind_of(events)),
        ));
    };
    let reading = out.timezone.unwrap_or(crate::model::DEFAULT_ZONE);
    for (i, slide) in events.iter().enumerate() {
        let place = format!("events[{i}]");
        let mut slide = read_slide(&r, slide, &place, &out.parties)?;
        slide.drop_end_before_start(reading);
        super::keep(budget, 1 + slide.extra.len()).map_err(|m| r.error(&place, m))?;
        out.events.push(slide);
    }
    if let Some(Value::Array(eras)) = root.get("eras") {
        for (i, era) in eras.iter().enumerate() {
            let place = format!("eras[{i}]");
            let Value::Object(era) = era else { continue };
            let mut kept = Vec::new();
            for (key, name) in [("start_date", "start"), ("end_date", "end")] {
                if let Some(Value::Object(d)) = era.get(key) {
                    let (date, _) = r
                        .parts(d, &format!("{place}.{key}"))?
                        .to_date(&[string(d, "display_date")])
                        .map_err(|m| r.error(&format!("{place}.{key}"), m))?;
                    kept.push((name.to_owned(), date.written()));
                }
            }
            if let Some(Value::Object(text)) = era.get("text") {
                for key in ["headline", "text"] {
                    if let Some(t) = string(text, key).map(to_text).filter(|t| !t.is_empty()) {
                        kept.push((key.to_owned(), t));
                    }
                }
            }
            super::keep(budget, 1 + kept.len()).map_err(|m| r.error(&place, m))?;
            out.eras.push(kept);
        }
    }
    Ok(out)
}

/// The log's own fields that `list --format timelinejs` writes under `dateline`: the
/// reading zone and the parties.
fn read_log_fields(r: &Reader, own: &Value, out: &mut Timeline) -> Result<(), ImportError> {
    let Value::Object(own) = own else {
        return Err(r.error(
            "dateline",
            format!("found {}, expected an object", kind_of(own)),
        ));
    };
    if let Some(zone) = own.get("timezone") {
        let Value::String(name) = zone else {
            return Err(r.error(
                "dateline.timezone",
                format!("found {}, expected a zone name", kind_of(zone)),
            ));
        };
        out.timezone = Some(parse_zone(name).map_err(|e| r.error("dateline.timezone", e.message))?);
    }
    if let Some(parties) = own.get("parties") {
        let Value::Array(parties) = parties else {
            return Err(r.error(
                "dateline.parties",
                format!("found {}, expected a list", kind_of(parties)),
            ));
        };
        for (i, p) in parties.iter().enumerate() {
            let here = format!("dateline.parties[{i}]");
            let (id, name) = match p {
                Value::Object(p) => (
                    p.get("id").and_then(Value::as_str),
                    p.get("name").and_then(Value::as_str),
                ),
                _ => (None, None),
            };
            match (id, name) {
                (Some(id), Some(name)) if is_valid_id(id) => {
                    out.parties.push((id.to_owned(), name.to_owned()))
                }
                _ => {
                    return Err(r.error(
                        &here,
                        "expected {\"id\": …, \"name\": …} with a valid id (lower case letters, digits and `-`)",
                    ));
                }
            }
        }
    }
    Ok(())
}

/// An event's own fields, as `list --format timelinejs` writes them under `dateline`:
/// they replace what the TimelineJS fields say.
fn read_event_fields(
    r: &Reader,
    own: &Value,
    place: &str,
    parties: &[(String, String)],
    slide: &mut Slide,
) -> Result<(), ImportError> {
    let here = |key: &str| format!("{place}.dateline.{key}");
    let Value::Object(own) = own else {
        return Err(r.error(
            &format!("{place}.dateline"),
            format!("found {}, expected an object", kind_of(own)),
        ));
    };
    let text = |key: &str| -> Result<Option<&str>, ImportError> {
        match own.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.as_str())),
            Some(other) => Err(r.error(
                &here(key),
                format!("found {}, expected a string", kind_of(other)),
            )),
        }
    };
    let date = |key: &str| -> Result<Option<Date>, ImportError> {
        text(key)?
            .map(|s| Date::parse(s).map_err(|e| r.error(&here(key), e.to_string())))
            .transpose()
    };
    if let Some(d) = date("date")? {
        slide.date = d;
        slide.end = date("end")?;
        slide.clock_assumed = false;
    }
    if let Some(note) = text("date_note")? {
        slide.date_note = Some(note.to_owned());
    }
    if let Some(title) = text("title")? {
        slide.title = title.to_owned();
    }
    if let Some(k) = text("kind")? {
        slide.kind = Some(Kind::parse(k).ok_or_else(|| {
            r.error(
                &here("kind"),
                format!("found {k:?}, expected a kind of format 1 (meeting, call, statement, proposal, response, agreement, travel, development)"),
            )
        })?);
    }
    if let Some(st) = text("status")? {
        slide.status = Status::parse(st).ok_or_else(|| {
            r.error(
                &here("status"),
                format!("found {st:?}, expected occurred, expected, cancelled or disputed"),
            )
        })?;
    }
    if let Some(ids) = own.get("parties") {
        let Value::Array(ids) = ids else {
            return Err(r.error(
                &here("parties"),
                format!("found {}, expected a list of party ids", kind_of(ids)),
            ));
        };
        let mut kept = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            match id.as_str() {
                Some(id) if parties.iter().any(|(p, _)| p == id) => kept.push(id.to_owned()),
                _ => {
                    return Err(r.error(
                        &format!("{}[{i}]", here("parties")),
                        format!("found {id}, expected the id of a party under `dateline.parties`"),
                    ));
                }
            }
        }
        slide.parties = Some(kept);
    }
    Ok(())
}

fn read_slide(
    r: &Reader,
    slide: &Value,
    place: &str,
    parties: &[(String, String)],
) -> Result<Slide, ImportError> {
    let Value::Object(slide) = slide else {
        return Err(r.error(
            place,
            format!("found {}, expected a slide (an object)", kind_of(slide)),
        ));
    };
    let display = string(slide, "display_date");
    let date_of = |key: &str,
                   fallback: Option<&str>|
     -> Result<Option<(crate::model::Date, bool)>, ImportError> {
        let here = format!("{place}.{key}");
        match slide.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Object(d)) => {
                let parts = r.parts(d, &here)?;
                parts
                    .to_date(&[string(d, "display_date"), fallback])
                    .map(Some)
                    .map_err(|m| r.error(&here, m))
            }
            Some(other) => Err(r.error(
                &here,
                format!(
                    "found {}, expected a date object with a year",
                    kind_of(other)
                ),
            )),
        }
    };
    let Some((date, start_assumed)) = date_of("start_date", display)? else {
        return Err(r.error(
            place,
            "no `start_date`: every event slide needs one, with a year at least",
        ));
    };
    let end = date_of("end_date", None)?;
    let text = match slide.get("text") {
        Some(Value::Object(t)) => Some(t),
        _ => None,
    };
    let title = text
        .and_then(|t| string(t, "headline"))
        .map(|t| one_line(&to_text(t)))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "(no headline in TimelineJS)".to_owned());
    let mut summary = text
        .and_then(|t| string(t, "text"))
        .map(to_text)
        .filter(|t| !t.is_empty());
    let status = take_status(&mut summary);
    let mut extra = Vec::new();
    let end_date = end.as_ref().map(|e| e.0);
    let own = slide.get("dateline");
    // What dateline wrote it computed from its own fields, which come back below.
    let (date_note, shown) = match display {
        Some(d) if own.is_none() => super::split_display(&plain_field(d), &date, end_date.as_ref()),
        _ => (None, None),
    };
    if let Some(d) = shown {
        extra.push(("x-timelinejs-display-date".to_owned(), d));
    }
    for (key, value) in slide {
        match key.as_str() {
            "start_date" | "end_date" | "text" | "group" | "unique_id" | "display_date"
            | "autolink" | "dateline" => {}
            "media" | "background" => keep_object(&mut extra, key, value),
            other => {
                if let Some(t) = as_text(value) {
                    extra.push((format!("x-timelinejs-{}", key_slug(other)), t));
                }
            }
        }
    }
    let mut out = Slide {
        place: place.to_owned(),
        unique_id: string(slide, "unique_id").map(str::to_owned),
        date,
        clock_assumed: start_assumed || end.as_ref().is_some_and(|e| e.1),
        end: end_date,
        title,
        date_note,
        summary,
        status,
        group: string(slide, "group")
            .map(|g| one_line(&to_text(g)))
            .filter(|g| !g.is_empty()),
        kind: None,
        parties: None,
        comments: Vec::new(),
        extra,
    };
    if let Some(own) = own {
        read_event_fields(r, own, place, parties, &mut out)?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slide_keeps_precision_group_and_what_has_no_place() {
        let t = read(
            "t.json",
            r#"{"title": {"text": {"headline": "Talks &amp; more", "text": "<p>About</p>"}},
                "events": [
                  {"start_date": {"year": 2024, "month": "4"}, "text": {"headline": "<b>April</b>"},
                   "group": "Hamas", "unique_id": "apr",
                   "media": {"url": "https://e.org/p.jpg", "credit": "AP"}},
                  {"start_date": {"year": "2024", "month": "4", "day": "5", "hour": "21", "minute": "0",
                                  "display_date": "Fri 5 April 2024 21:00 +03:00"},
                   "text": {"text": "<p><strong>Status: expected</strong></p><p>Later.</p>"}}
                ]}"#,
            &mut crate::load::Budget::of_items(usize::MAX),
        )
        .unwrap();
        assert_eq!(t.title.as_deref(), Some("Talks & more"));
        assert_eq!(t.description.as_deref(), Some("About"));
        let a = &t.events[0];
        assert_eq!(
            (a.date.written().as_str(), a.title.as_str()),
            ("2024-04", "April")
        );
        assert_eq!(a.group.as_deref(), Some("Hamas"));
        assert!(
            a.extra
                .contains(&("x-timelinejs-media-credit".into(), "AP".into()))
        );
        let b = &t.events[1];
        assert_eq!(b.date.written(), "2024-04-05T21:00+03:00");
        assert_eq!(b.status, Status::Expected);
        assert_eq!(b.summary.as_deref(), Some("Later."));
    }

    #[test]
    fn slides_past_the_memory_budget_are_refused_with_their_place() {
        let json = r#"{"events": [{"start_date": {"year": 2024}}, {"start_date": {"year": 2025}, "x": 1}]}"#;
        assert_eq!(
            read("t.json", json, &mut crate::load::Budget::of_items(3))
                .unwrap()
                .events
                .len(),
            2
        );
        let e = read("t.json", json, &mut crate::load::Budget::of_items(2))
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("t.json: events[1]: more than 2 values"),
            "{e}"
        );
    }

    #[test]
    fn errors_say_where_and_what_was_expected() {
        let e = read(
            "t.json",
            r#"{"events": [{"start_date": {"year": "soon"}}]}"#,
            &mut crate::load::Budget::of_items(usize::MAX),
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.json: events[0].start_date.year: found \"soon\", expected a whole number"
        );
        let e = read(
            "t.json",
            "{\n  \"events\": [,]}",
            &mut crate::load::Budget::of_items(usize::MAX),
        )
        .unwrap_err();
        assert!(e.to_string().starts_with("t.json: line 2, column"), "{e}");
        let e = read(
            "t.json",
            r#"{"events": [{"text": {}}]}"#,
            &mut crate::load::Budget::of_items(usize::MAX),
        )
        .unwrap_err();
        assert!(e.to_string().contains("no `start_date`"), "{e}");
    }
}
