//! A saved page into a source (`dateline::page`): the article's text without the page's
//! boilerplate, as Markdown (goldens in tests/golden/page-*.md), the fields from JSON-LD,
//! Open Graph or neither, and the pages that are refused.

use chrono::{TimeZone, Utc};
use dateline::page::{OutletFrom, PageSource, archive_name, page_to_source_at};
use std::path::PathBuf;

fn page(name: &str) -> String {
    std::fs::read_to_string(format!("tests/fixtures/pages/{name}")).unwrap()
}

fn source(name: &str, outlet: Option<&str>) -> Result<PageSource, String> {
    let at = Utc.with_ymd_and_hms(2026, 12, 6, 1, 30, 0).unwrap();
    page_to_source_at(&page(name), outlet, at)
}

/// Compares with tests/golden/NAME, or rewrites it when UPDATE_GOLDEN=1.
fn golden(name: &str, actual: &str) {
    let path = PathBuf::from("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; create it with UPDATE_GOLDEN=1", path.display()));
    assert_eq!(actual, expected, "{} differs", path.display());
}

#[test]
fn the_archive_text_is_the_article_as_markdown_without_the_pages_boilerplate() {
    for (page_name, golden_name) in [
        ("jsonld.html", "page-jsonld.md"),
        ("og.html", "page-og.md"),
        ("bare.html", "page-bare.md"),
    ] {
        let s = source(page_name, Some("Wire")).unwrap();
        golden(golden_name, &s.text);
        for boilerplate in [
            "Advertisement",
            "Most read",
            "Comments",
            "outrageous",
            "All rights reserved",
            "cookies",
            "Partager",
            "lettre d’information",
            "tracker",
            "display: block",
            "base64",
            "https://news.example.org/cairo",
            "Business",
            "Accueil",
        ] {
            assert!(
                !s.text.contains(boilerplate),
                "{page_name}: {boilerplate:?} in\n{}",
                s.text
            );
        }
    }
}

#[test]
fn words_are_kept_as_printed_with_typographic_quotes_and_dashes() {
    let s = source("jsonld.html", None).unwrap();
    assert!(s.text.contains(
        "“We are closer than we have been in weeks — but not there yet,” said one official"
    ));
    assert!(s.text.contains("the other side’s negotiators"));
    assert!(s.text.contains("## What is on the table"));
    assert!(s.text.contains("- pause the fighting for six weeks;"));
    assert!(s.text.contains("> “The ball is now in their court,”"));
    let s = source("og.html", None).unwrap();
    assert!(
        s.text
            .contains("« Nous avons fait un pas, un petit pas, vers la paix »")
    );
    assert!(s.text.contains("1. le retrait des troupes ;"));
}

#[test]
fn the_first_line_says_where_and_when_it_was_archived() {
    let s = source("jsonld.html", None).unwrap();
    assert_eq!(
        s.text.lines().next().unwrap(),
        "Archived by dateline from https://news.example.org/world/2024/03/04/truce-push on 2026-12-06T01:30:00Z."
    );
    let s = source("bare.html", Some("Wire")).unwrap();
    assert!(s.text.starts_with(
        "Archived by dateline from a saved page (no URL given) on 2026-12-06T01:30:00Z.\n\n"
    ));
}

#[test]
fn json_ld_gives_every_field() {
    let s = source("jsonld.html", Some("Ignored")).unwrap();
    assert_eq!(s.outlet, "The Daily Wire Service");
    assert_eq!(s.outlet_from, OutletFrom::Page);
    assert_eq!(
        s.title.as_deref(),
        Some("Mediators push for a truce before Ramadan")
    );
    assert_eq!(s.byline, ["Anne Martin", "Karim O'Neil"]);
    assert_eq!(s.published.as_deref(), Some("2024-03-04T18:45+02:00"));
    assert_eq!(
        s.url.as_deref(),
        Some("https://news.example.org/world/2024/03/04/truce-push")
    );
    assert!(s.missing.is_empty(), "{:?}", s.missing);
}

#[test]
fn open_graph_and_meta_give_the_fields_without_json_ld() {
    let s = source("og.html", None).unwrap();
    assert_eq!(s.outlet, "Le Quotidien");
    assert_eq!(s.outlet_from, OutletFrom::Page);
    assert_eq!(
        s.title.as_deref(),
        Some("Paris et Bamako renouent le dialogue")
    );
    assert_eq!(s.byline, ["Élise Lefèvre"]);
    assert_eq!(s.published.as_deref(), Some("2025-03-02T07:15+01:00"));
    assert_eq!(
        s.url.as_deref(),
        Some("https://www.lequotidien.example/international/article/2025/03/02/paris-bamako")
    );
    assert!(s.missing.is_empty(), "{:?}", s.missing);
}

#[test]
fn a_page_with_neither_names_what_it_lacks_and_takes_the_callers_outlet() {
    let s = source("bare.html", Some("  Wire  ")).unwrap();
    assert_eq!(s.outlet, "Wire");
    assert_eq!(s.outlet_from, OutletFrom::Caller);
    assert_eq!(s.title, None);
    assert!(s.byline.is_empty());
    assert_eq!(s.missing, ["outlet", "title", "byline", "published", "url"]);
    // No outlet and no URL to take one from: nothing to name the source by.
    let e = source("bare.html", None).unwrap_err();
    assert!(e.contains("--outlet"), "{e}");
}

#[test]
fn an_outlet_the_page_does_not_give_comes_from_the_urls_host() {
    let html = page("og.html").replace(
        "<meta property=\"og:site_name\" content=\"Le Quotidien\">",
        "",
    );
    let at = Utc.with_ymd_and_hms(2026, 12, 6, 1, 30, 0).unwrap();
    let s = page_to_source_at(&html, None, at).unwrap();
    assert_eq!(s.outlet, "lequotidien.example");
    assert_eq!(s.outlet_from, OutletFrom::Host);
    assert_eq!(s.missing, ["outlet"]);
}

#[test]
fn a_page_with_no_article_text_is_refused() {
    let e = source("index.html", None).unwrap_err();
    assert!(e.contains("no article text"), "{e}");
}

#[test]
fn a_page_over_20_mb_is_refused_before_it_is_read() {
    let html = "x".repeat(20 * 1024 * 1024 + 1);
    let e = page_to_source_at(&html, None, Utc::now()).unwrap_err();
    assert!(
        e.contains("over the limit of 20971520 bytes (20 MB)"),
        "{e}"
    );
}

#[test]
fn hostile_text_in_the_page_is_sanitised() {
    let html = page("jsonld.html")
        .replace(
            "Mediators push for a truce before Ramadan\",",
            "Mediators\\u001b[2J push\",",
        )
        .replace("Neither side has", "Neither\u{202e} side has");
    let s = page_to_source_at(&html, None, Utc::now()).unwrap();
    assert!(!s.title.as_deref().unwrap().contains('\u{1b}'));
    assert!(!s.text.contains('\u{202e}') && !s.text.contains('\u{1b}'));
}

#[test]
fn the_archive_is_named_after_the_id_never_over_a_file() {
    assert_eq!(archive_name("wire-0304", |_| false), "sources/wire-0304.md");
    let taken = ["sources/wire-0304.md", "sources/wire-0304-2.md"];
    assert_eq!(
        archive_name("wire-0304", |p| taken.contains(&p)),
        "sources/wire-0304-3.md"
    );
}

#[test]
fn a_quote_is_verified_in_the_archive_and_the_provenance_line_is_never_matched() {
    let dir = tempfile::tempdir().unwrap();
    let s = source("jsonld.html", None).unwrap();
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    std::fs::write(dir.path().join("sources/truce.md"), &s.text).unwrap();
    let log = r#"dateline: 1
title: t
sources:
  - {id: truce, outlet: Wire, archive: sources/truce.md}
events:
  - date: 2024-03-04
    kind: statement
    title: t
    sources: [truce]
    quotes:
      - text: "We are closer than we have been in weeks — but not there yet"
        attribution: an official
      - text: "Archived by dateline from"
        attribution: nobody
"#;
    std::fs::write(dir.path().join("log.yaml"), log).unwrap();
    let loaded = dateline::load::load_path(&dir.path().join("log.yaml"), &Default::default())
        .expect("a quote not found still lets the log open");
    let quotes = &loaded.log.events[0].quotes;
    assert_eq!(quotes[0].verification.as_str(), "verified");
    // Those words are only in the provenance line: not found.
    assert_eq!(quotes[1].verification.as_str(), "not-found");
}
