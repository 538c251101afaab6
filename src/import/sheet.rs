//! The TimelineJS Google Sheets template, saved as CSV. Its columns (Knight Lab's template,
//! as TimelineJS's own reader takes them): Year, Month, Day, Time, End Year, End Month,
//! End Day, End Time, Display Date, Headline, Text, Media, Media Credit, Media Caption,
//! Media Thumbnail, Alt Text, Type (`title`, `era` or empty), Group, Background. Columns are
//! found by name (case and spaces ignored), so their order does not matter; a column the
//! template does not have is kept under an `x-` key.

use super::html_text::to_text;
use super::timelinejs::{key_slug, plain_field, take_status};
use super::{ImportError, Parts, Slide, Timeline, one_line};

/// Columns read into the log, and the `x-` key each kept one goes under.
const DATE_COLUMNS: [&str; 8] = [
    "year",
    "month",
    "day",
    "time",
    "end year",
    "end month",
    "end day",
    "end time",
];
const KEPT: [(&str, &str); 6] = [
    ("media", "x-timelinejs-media-url"),
    ("media credit", "x-timelinejs-media-credit"),
    ("media caption", "x-timelinejs-media-caption"),
    ("media thumbnail", "x-timelinejs-media-thumbnail"),
    ("alt text", "x-timelinejs-media-alt"),
    ("background", "x-timelinejs-background"),
];

fn norm(h: &str) -> String {
    h.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A time as the sheet may give it: `14:05`, `14:05:09`, `1405`, `2:05 PM`, `14.05`.
fn parse_time(s: &str) -> Result<(i64, i64, Option<i64>), String> {
    let bad = || format!("found time {s:?}, expected HH:MM or HH:MM:SS (or with AM/PM)");
    let t = s.trim();
    let lower = t.to_ascii_lowercase().replace('.', ":");
    let (clock, pm) = if let Some(c) = lower
        .strip_suffix("pm")
        .or_else(|| lower.strip_suffix("p:m:"))
    {
        (c.trim().to_owned(), Some(true))
    } else if let Some(c) = lower
        .strip_suffix("am")
        .or_else(|| lower.strip_suffix("a:m:"))
    {
        (c.trim().to_owned(), Some(false))
    } else {
        (lower.clone(), None)
    };
    let fields: Vec<&str> = if clock.contains(':') {
        clock.split(':').collect()
    } else if clock.len() == 3 || clock.len() == 4 {
        let (h, m) = clock.split_at(clock.len() - 2);
        vec![h, m]
    } else {
        vec![clock.as_str()]
    };
    let num = |f: &str| f.trim().parse::<i64>().map_err(|_| bad());
    let mut h = num(fields.first().ok_or_else(bad)?)?;
    let m = fields.get(1).map(|f| num(f)).transpose()?.unwrap_or(0);
    // Fractions of a second are more than format 1 keeps.
    let sec = fields
        .get(2)
        .map(|f| num(f.split([',', ':']).next().unwrap_or(f)))
        .transpose()?;
    if fields.len() > 4 {
        return Err(bad());
    }
    match pm {
        Some(true) if h != 12 => h += 12,
        Some(false) if h == 12 => h = 0,
        _ => {}
    }
    if !(0..=23).contains(&h)
        || !(0..=59).contains(&m)
        || sec.is_some_and(|s| !(0..=59).contains(&s))
    {
        return Err(bad());
    }
    Ok((h, m, sec))
}

pub(crate) fn read(
    file: &str,
    text: &str,
    budget: &mut crate::load::Budget,
) -> Result<Timeline, Vec<ImportError>> {
    let error = |line: Option<u64>, message: String| ImportError {
        file: file.to_owned(),
        place: line.map(|l| format!("line {l}")),
        message,
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| vec![error(Some(1), format!("not readable as CSV: {e}"))])?
        .iter()
        .map(norm)
        .collect();
    if !headers.iter().any(|h| h == "year") || !headers.iter().any(|h| h == "headline") {
        return Err(vec![error(
            Some(1),
            "the first row is not the TimelineJS template's: expected the columns Year, Month, \
             Day, Time, End Year, End Month, End Day, End Time, Display Date, Headline, Text, \
             Media, Media Credit, Media Caption, Media Thumbnail, Type, Group, Background"
                .into(),
        )]);
    }
    // Each column's place, found once: a sheet may have thousands of columns.
    let mut column: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        column.entry(h.as_str()).or_insert(i);
    }
    let mut out = Timeline::default();
    // Every bad cell of the sheet is reported, not only the first.
    let mut errors = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line());
                errors.push(error(line, format!("not readable as CSV: {e}")));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let cell = |name: &str| -> Option<String> {
            let &i = column.get(name)?;
            record
                .get(i)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut bad = Vec::new();
        let mut num = |name: &str| -> Option<i64> {
            let v = cell(name)?;
            let clean: String = v
                .chars()
                .filter(|c| !c.is_whitespace() && *c != ',')
                .collect();
            clean
                .parse::<i64>()
                .map_err(|_| {
                    bad.push(error(
                        Some(line),
                        format!(
                            "column {}: found {v:?}, expected a whole number",
                            title_case(name)
                        ),
                    ))
                })
                .ok()
        };
        // Each date's parts, the time read apart (its error reported with the others).
        let mut date_parts = |prefix: &str| Parts {
            year: num(&format!("{prefix}year")),
            month: num(&format!("{prefix}month")),
            day: num(&format!("{prefix}day")),
            ..Parts::default()
        };
        let (start_parts, end_parts) = (date_parts(""), date_parts("end "));
        let mut time = |col: &str, mut p: Parts| -> Option<Parts> {
            if let Some(t) = cell(col) {
                match parse_time(&t) {
                    Ok((h, m, s)) => (p.hour, p.minute, p.second) = (Some(h), Some(m), s),
                    Err(m) => bad.push(error(
                        Some(line),
                        format!("column {}: {m}", title_case(col)),
                    )),
                }
            }
            p.year.map(|_| p)
        };
        let had_year = cell("year").is_some();
        let start = time("time", start_parts);
        let end = time("end time", end_parts);
        let display = cell("display date");
        let kind = cell("type").map(|t| t.to_lowercase());
        if !had_year && !matches!(kind.as_deref(), Some("title" | "era")) {
            bad.push(error(
                Some(line),
                "no Year: every event row needs one (a row of Type `title` or `era` may have none)"
                    .into(),
            ));
        }
        let headline = cell("headline")
            .map(|h| to_text(&h))
            .filter(|h| !h.is_empty());
        let body = cell("text").map(|t| to_text(&t)).filter(|t| !t.is_empty());
        let mut kept: Vec<(String, String)> = KEPT
            .iter()
            .filter_map(|&(col, key)| cell(col).map(|v| (key.to_owned(), v)))
            .collect();
        // Columns the template does not have: kept too.
        for (i, h) in headers.iter().enumerate() {
            let known = DATE_COLUMNS.contains(&h.as_str())
                || KEPT.iter().any(|(c, _)| c == h)
                || ["display date", "headline", "text", "type", "group"].contains(&h.as_str());
            if let Some(v) = record
                .get(i)
                .map(str::trim)
                .filter(|v| !v.is_empty() && !known)
            {
                kept.push((format!("x-timelinejs-{}", key_slug(h)), v.to_owned()));
            }
        }
        if let Err(m) = super::keep(budget, 1 + kept.len()) {
            errors.push(error(Some(line), m));
            return Err(errors);
        }
        let mut to_date = |p: Parts, clock: &[Option<&str>]| match p.to_date(clock) {
            Ok(d) => Some(d),
            Err(m) => {
                bad.push(error(Some(line), m));
                None
            }
        };
        match kind.as_deref() {
            // A second title row (a sheet copied together from two) is kept, not lost.
            Some("title") if out.title.is_some() || out.description.is_some() => {
                kept.extend(headline.map(|h| ("x-timelinejs-headline".to_owned(), one_line(&h))));
                kept.extend(body.map(|t| ("x-timelinejs-text".to_owned(), t)));
                out.title_extra.extend(kept);
            }
            Some("title") => {
                out.title = headline.map(|h| one_line(&h));
                out.description = body;
                out.title_extra.extend(kept);
            }
            Some("era") => {
                let mut era = Vec::new();
                if let Some((d, _)) = start.and_then(|p| to_date(p, &[display.as_deref()])) {
                    era.push(("start".to_owned(), d.written()));
                }
                if let Some((d, _)) = end.and_then(|p| to_date(p, &[])) {
                    era.push(("end".to_owned(), d.written()));
                }
                era.extend(headline.map(|h| ("headline".to_owned(), h)));
                era.extend(body.map(|t| ("text".to_owned(), t)));
                out.eras.push(era);
            }
            _ => {
                let date = start.and_then(|p| to_date(p, &[display.as_deref()]));
                let end = end.and_then(|p| to_date(p, &[display.as_deref()]));
                let Some((date, start_assumed)) = date else {
                    errors.append(&mut bad);
                    continue;
                };
                if let Some(t) = kind.as_deref().filter(|t| !t.is_empty()) {
                    kept.push(("x-timelinejs-type".to_owned(), t.to_owned()));
                }
                let end_date = end.as_ref().map(|e| e.0);
                let (date_note, shown) = display
                    .as_deref()
                    .map(|d| super::split_display(&plain_field(d), &date, end_date.as_ref()))
                    .unwrap_or_default();
                if let Some(d) = shown {
                    kept.insert(0, ("x-timelinejs-display-date".to_owned(), d));
                }
                let mut summary = body;
                let status = take_status(&mut summary);
                let mut slide = Slide {
                    place: format!("line {line}"),
                    unique_id: None,
                    date,
                    clock_assumed: start_assumed || end.is_some_and(|e| e.1),
                    end: end_date,
                    title: headline
                        .map(|h| one_line(&h))
                        .unwrap_or_else(|| "(no headline in TimelineJS)".to_owned()),
                    date_note,
                    summary,
                    status,
                    group: cell("group")
                        .map(|g| one_line(&plain_field(&g)))
                        .filter(|g| !g.is_empty()),
                    kind: None,
                    parties: None,
                    comments: Vec::new(),
                    extra: kept,
                };
                slide.drop_end_before_start(crate::model::DEFAULT_ZONE);
                out.events.push(slide);
            }
        }
        errors.append(&mut bad);
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// `end year` → `End Year`, as the template heads its columns.
fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_in_the_forms_timelinejs_reads() {
        assert_eq!(parse_time("14:05"), Ok((14, 5, None)));
        assert_eq!(parse_time("14:05:09"), Ok((14, 5, Some(9))));
        assert_eq!(parse_time("1405"), Ok((14, 5, None)));
        assert_eq!(parse_time("2:05 PM"), Ok((14, 5, None)));
        assert_eq!(parse_time("12:30 am"), Ok((0, 30, None)));
        assert!(parse_time("25:00").is_err());
        assert!(parse_time("noon").is_err());
    }

    #[test]
    fn rows_become_events_with_their_precision() {
        let csv = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n\
                   ,,,,,,,,,The talks,<p>Intro</p>,,,,,title,,#000\n\
                   2024,4,,,,,,,,April push,,,,,,,Egypt,\n\
                   2024,5,3,14:05,2024,5,4,,Fri 3 May 2024 14:05 +03:00,Arrival,,https://e.org/a.jpg,AP,Caption,,,US,\n";
        let t = read("s.csv", csv, &mut crate::load::Budget::of_items(usize::MAX)).unwrap();
        assert_eq!(t.title.as_deref(), Some("The talks"));
        assert_eq!(
            t.title_extra,
            [("x-timelinejs-background".into(), "#000".into())]
        );
        assert_eq!(t.events[0].date.written(), "2024-04");
        assert_eq!(t.events[1].date.written(), "2024-05-03T14:05+03:00");
        assert_eq!(t.events[1].end.unwrap().written(), "2024-05-04");
        assert!(
            t.events[1]
                .extra
                .contains(&("x-timelinejs-media-credit".into(), "AP".into()))
        );
    }

    #[test]
    fn rows_past_the_memory_budget_are_refused_with_their_line() {
        let csv = "Year,Headline,Extra\n2024,A,x\n2024,B,y\n";
        assert_eq!(
            read("s.csv", csv, &mut crate::load::Budget::of_items(4))
                .unwrap()
                .events
                .len(),
            2
        );
        let e =
            read("s.csv", csv, &mut crate::load::Budget::of_items(3)).unwrap_err()[0].to_string();
        assert!(
            e.starts_with("s.csv: line 3: more than 3 values (slides, their fields and kept columns): over the memory budget of an import (0 MiB)"),
            "{e}"
        );
    }

    #[test]
    fn a_bad_cell_names_its_line_and_column() {
        let csv = "Year,Month,Headline\n2024,4,A\n2024,April,B\n";
        let e = read("s.csv", csv, &mut crate::load::Budget::of_items(usize::MAX)).unwrap_err();
        assert_eq!(
            e[0].to_string(),
            "s.csv: line 3: column Month: found \"April\", expected a whole number"
        );
        let e = read(
            "s.csv",
            "a,b\n1,2\n",
            &mut crate::load::Budget::of_items(usize::MAX),
        )
        .unwrap_err();
        assert!(
            e[0].to_string()
                .starts_with("s.csv: line 1: the first row is not the TimelineJS template's")
        );
    }
}
