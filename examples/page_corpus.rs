//! Measures `dateline::page` against the news pages of Mozilla Readability's test corpus
//! (test/test-pages in github.com/mozilla/readability): for each page, the word-level F1 of
//! the archived text against the text of Readability.js's own `expected.html`, and whether
//! title, outlet, byline and date agree with its `expected-metadata.json`, on the fields
//! that file gives. Not part of CI; the figures are in the README.
//!
//! `cargo run --release --example page_corpus -- PATH/TO/test/test-pages`

use chrono::{DateTime, TimeZone, Utc};
use dateline::page::{OutletFrom, PROVENANCE, page_to_source_at};
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

/// The corpus's pages from news outlets.
const NEWS: &[&str] = &[
    "aktualne",
    "bbc-1",
    "breitbart",
    "buzzfeed-1",
    "citylab-1",
    "cnet",
    "cnn",
    "folha",
    "guardian-1",
    "heise",
    "herald-sun-1",
    "la-nacion",
    "lemonde-1",
    "liberation-1",
    "nytimes-1",
    "nytimes-2",
    "nytimes-3",
    "nytimes-4",
    "nytimes-5",
    "salon-1",
    "seattletimes-1",
    "telegraph",
    "theverge",
    "wapo-1",
    "wapo-2",
    "yahoo-2",
];

/// Words: runs of letters and digits (punctuation and markup aside), case kept.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Word-level F1: the multiset of words in common against both lengths.
fn f1(got: &[String], want: &[String]) -> f64 {
    let mut counts: HashMap<&str, isize> = HashMap::new();
    for w in want {
        *counts.entry(w).or_default() += 1;
    }
    let mut common = 0;
    for w in got {
        if let Some(n) = counts.get_mut(w.as_str())
            && *n > 0
        {
            *n -= 1;
            common += 1;
        }
    }
    if common == 0 {
        return 0.0;
    }
    let p = common as f64 / got.len() as f64;
    let r = common as f64 / want.len() as f64;
    2.0 * p * r / (p + r)
}

/// The words a reader of the archive sees: its Markdown read as the archive reader reads it.
fn archive_words(md: &str) -> Vec<String> {
    let body = md
        .strip_prefix(PROVENANCE)
        .map_or(md, |r| r.split_once('\n').map_or("", |x| x.1));
    let mut text = String::new();
    for e in pulldown_cmark::Parser::new(body) {
        if let pulldown_cmark::Event::Text(t) = e {
            text.push_str(&t);
            text.push(' ');
        }
    }
    words(&text)
}

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("the path of test/test-pages");
    let at = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let (mut f1s, mut right, mut given) = (Vec::new(), 0, 0);
    let mut per_field: HashMap<&str, (usize, usize)> = HashMap::new();
    for name in NEWS {
        let page = Path::new(&dir).join(name);
        let read = |f: &str| std::fs::read_to_string(page.join(f)).unwrap();
        let (html, expected) = (read("source.html"), read("expected.html"));
        let meta: Value = serde_json::from_str(&read("expected-metadata.json")).unwrap();
        let want = words(&dom_query::Document::from(expected.as_str()).root().text());
        let s = match page_to_source_at(&html, None, at) {
            Ok(s) => s,
            Err(e) => {
                println!("{name:16} refused: {e}");
                f1s.push(0.0);
                continue;
            }
        };
        let score = f1(&archive_words(&s.text), &want);
        f1s.push(score);
        let mut checks: Vec<(&str, bool)> = Vec::new();
        let text = |k: &str| {
            meta.get(k)
                .and_then(Value::as_str)
                .filter(|v| !v.trim().is_empty())
        };
        if let Some(t) = text("title") {
            checks.push(("title", s.title.as_deref().map(norm) == Some(norm(t))));
        }
        if let Some(o) = text("siteName") {
            checks.push((
                "outlet",
                s.outlet_from == OutletFrom::Page && norm(&s.outlet) == norm(o),
            ));
        }
        if let Some(b) = text("byline") {
            let b = norm(b);
            let ok = !s.byline.is_empty() && s.byline.iter().all(|n| b.contains(&norm(n)));
            checks.push(("byline", ok));
        }
        if let Some(p) = text("publishedTime") {
            let want = DateTime::parse_from_rfc3339(p)
                .ok()
                .map(|t| t.with_timezone(&Utc));
            let got = s.published.as_deref().and_then(|g| {
                DateTime::parse_from_rfc3339(&g.replacen('Z', ":00Z", 1))
                    .or_else(|_| DateTime::parse_from_str(g, "%Y-%m-%dT%H:%M%:z"))
                    .or_else(|_| DateTime::parse_from_rfc3339(g))
                    .ok()
                    .map(|t| t.with_timezone(&Utc))
            });
            let same_day = s
                .published
                .as_deref()
                .is_some_and(|g| g.len() == 10 && p.starts_with(g));
            checks.push(("date", (want.is_some() && got == want) || same_day));
        }
        let wrong: Vec<&str> = checks.iter().filter(|c| !c.1).map(|c| c.0).collect();
        for (field, ok) in &checks {
            let e = per_field.entry(field).or_default();
            e.1 += 1;
            if *ok {
                e.0 += 1;
            }
        }
        given += checks.len();
        right += checks.iter().filter(|c| c.1).count();
        println!(
            "{name:16} F1 {score:.3}  fields {}/{}{}",
            checks.len() - wrong.len(),
            checks.len(),
            if wrong.is_empty() {
                String::new()
            } else {
                format!("  wrong: {}", wrong.join(", "))
            }
        );
    }
    let mean = f1s.iter().sum::<f64>() / f1s.len() as f64;
    let mut sorted = f1s.clone();
    sorted.sort_by(f64::total_cmp);
    println!(
        "\n{} pages: mean F1 {mean:.3}, median {:.3}, lowest {:.3}",
        f1s.len(),
        sorted[sorted.len() / 2],
        sorted[0]
    );
    println!(
        "fields right: {right}/{given} ({:.1}%)",
        100.0 * right as f64 / given.max(1) as f64
    );
    let mut fields: Vec<_> = per_field.into_iter().collect();
    fields.sort();
    for (f, (ok, n)) in fields {
        println!("  {f:7} {ok}/{n}");
    }
}
