//! `dateline sources`: the bibliography of a log (or of the events a query keeps), each
//! source with its fields, its archive, and what rests on it (events, quotes, and how the
//! quotes fared against the archive). Text and Markdown are sanitised (Markdown escaped
//! too); JSON keeps the log's text as written; CSV defuses formulas as `list` does.

use crate::export::markdown::{autolink, escape};
use crate::export::phrases::source_line;
use crate::model::{Log, SourceIx};
use crate::sanitize::sanitize;
use crate::sources::Usage;
use serde::Serialize;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What rests on a source, in words: `2 events · 3 quotes: 1 verified, 1 not found,
/// 1 not checked`, or `1 event · no quote`.
pub(crate) fn usage_phrase(u: &Usage) -> String {
    let events = plural(u.events, "event", "events");
    if u.quotes == 0 {
        return format!("{events} · no quote");
    }
    let c = &u.checked;
    format!(
        "{events} · {}: {} verified, {} not found, {} not checked",
        plural(u.quotes, "quote", "quotes"),
        c.verified,
        c.not_found,
        c.not_checked
    )
}

/// The archive's path as the log writes it, or "not archived"; sanitised.
pub(crate) fn archive_phrase(log: &Log, s: SourceIx) -> String {
    match &log.sources[s].archive {
        Some(a) => format!("archived: {}", sanitize(&a.path)),
        None => "not archived".to_owned(),
    }
}

/// `--format text`: a block per source, a blank line between.
pub fn text(log: &Log, entries: &[(SourceIx, Usage)]) -> String {
    let blocks: Vec<String> = entries
        .iter()
        .map(|(s, u)| {
            let src = &log.sources[*s];
            let mut id = format!("id {}", sanitize(&src.id));
            if let Some(url) = &src.url {
                id.push_str(" · ");
                id.push_str(&sanitize(url));
            }
            format!(
                "{}\n  {id}\n  {}\n  {}\n",
                source_line(src),
                archive_phrase(log, *s),
                usage_phrase(u)
            )
        })
        .collect();
    blocks.join("\n")
}

/// `--format markdown`: a numbered reference list for a story's notes.
pub fn markdown(log: &Log, entries: &[(SourceIx, Usage)], filters: &[String]) -> String {
    let mut out = String::from("# Sources\n\n");
    let mut about = vec![escape(&sanitize(&log.display_title()))];
    about.push(plural(entries.len(), "source", "sources"));
    if !filters.is_empty() {
        about.push(format!("filters: {}", escape(&filters.join(" · "))));
    }
    out.push_str(&format!("*{}*\n\n", about.join(" · ")));
    for (n, (s, u)) in entries.iter().enumerate() {
        let src = &log.sources[*s];
        let mut line = format!("{}. {}.", n + 1, escape(&source_line(src)));
        if let Some(url) = &src.url {
            line.push(' ');
            line.push_str(&autolink(url));
        }
        // Two spaces: a line break inside the item.
        out.push_str(&format!(
            "{line}  \n   {} · {} · {}\n",
            escape(&format!("id {}", sanitize(&src.id))),
            escape(&archive_phrase(log, *s)),
            escape(&usage_phrase(u))
        ));
    }
    out
}

#[derive(Serialize)]
struct SourceEntry<'a> {
    id: &'a str,
    outlet: &'a str,
    title: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<String>,
    byline: &'a [String],
    archive: Option<&'a str>,
    events: usize,
    quotes: usize,
    verified: usize,
    not_found: usize,
    not_checked: usize,
}

fn entry<'a>(log: &'a Log, s: SourceIx, u: &Usage) -> SourceEntry<'a> {
    let src = &log.sources[s];
    SourceEntry {
        id: &src.id,
        outlet: &src.outlet,
        title: src.title.as_deref(),
        url: src.url.as_deref(),
        published: src.published.map(|d| d.written()),
        byline: &src.byline,
        archive: src.archive.as_ref().map(|a| a.path.as_str()),
        events: u.events,
        quotes: u.quotes,
        verified: u.checked.verified,
        not_found: u.checked.not_found,
        not_checked: u.checked.not_checked,
    }
}

/// `--format json`: an array of sources, pretty-printed, ending with a newline.
pub fn json(log: &Log, entries: &[(SourceIx, Usage)]) -> String {
    let all: Vec<SourceEntry<'_>> = entries.iter().map(|(s, u)| entry(log, *s, u)).collect();
    let mut out = serde_json::to_string_pretty(&all).expect("plain fields serialise");
    out.push('\n');
    out
}

const COLUMNS: [&str; 12] = [
    "id",
    "outlet",
    "title",
    "url",
    "published",
    "byline",
    "archive",
    "events",
    "quotes",
    "verified",
    "not_found",
    "not_checked",
];

/// `--format csv`: a header, then one row per source (the columns of the JSON).
pub fn csv(log: &Log, entries: &[(SourceIx, Usage)]) -> String {
    let rows = entries.iter().map(|(s, u)| {
        let e = entry(log, *s, u);
        vec![
            e.id.to_owned(),
            e.outlet.to_owned(),
            e.title.unwrap_or_default().to_owned(),
            e.url.unwrap_or_default().to_owned(),
            e.published.unwrap_or_default(),
            e.byline.join("; "),
            e.archive.unwrap_or_default().to_owned(),
            e.events.to_string(),
            e.quotes.to_string(),
            e.verified.to_string(),
            e.not_found.to_string(),
            e.not_checked.to_string(),
        ]
    });
    crate::export::csv::write_table(&COLUMNS, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::Checked;

    #[test]
    fn usage_says_every_verdict_once_there_are_quotes() {
        let u = Usage {
            events: 2,
            quotes: 3,
            checked: Checked {
                verified: 1,
                not_found: 1,
                not_checked: 1,
            },
        };
        assert_eq!(
            usage_phrase(&u),
            "2 events · 3 quotes: 1 verified, 1 not found, 1 not checked"
        );
        let one = Usage {
            events: 1,
            ..Usage::default()
        };
        assert_eq!(usage_phrase(&one), "1 event · no quote");
    }
}
