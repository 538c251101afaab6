//! The exports for the web and for calendars: `list --format timelinejs`, `ics` and `html`,
//! on the sample and on a log written to attack them (tests/fixtures/hostile-web.yaml).
//! Golden files in tests/golden/ (refresh with UPDATE_GOLDEN=1, then read the diff).

use crate::common::cli::{golden, sample, stdout};
use std::path::PathBuf;
use std::process::Command;

const HOSTILE: &str = "tests/fixtures/hostile-web.yaml";

#[test]
fn golden_timelinejs() {
    golden("list.timeline.json", &["list", "--format", "timelinejs"]);
    golden(
        "hostile-web.timeline.json",
        &["list", HOSTILE, "--format", "timelinejs"],
    );
}

#[test]
fn golden_ics() {
    golden("list.ics", &["list", "--format", "ics"]);
    golden(
        "list-expected.ics",
        &["list", "--format", "ics", "--status", "expected"],
    );
    golden("hostile-web.ics", &["list", HOSTILE, "--format", "ics"]);
}

#[test]
fn golden_html() {
    golden("list.html", &["list", "--format", "html"]);
    golden(
        "list-hamas.html",
        &["list", "--format", "html", "--party", "hamas"],
    );
    golden("hostile-web.html", &["list", HOSTILE, "--format", "html"]);
}

#[test]
fn timelinejs_has_a_slide_per_event_with_its_id_and_precision() {
    let log = sample();
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&["list", "--format", "timelinejs"])).unwrap();
    assert_eq!(
        v["title"]["text"]["headline"],
        log.title.as_deref().unwrap()
    );
    let slides = v["events"].as_array().unwrap();
    assert_eq!(slides.len(), log.events.len());
    for (slide, e) in slides.iter().zip(&log.events) {
        assert_eq!(slide["unique_id"], e.id.as_str());
        let d = &slide["start_date"];
        let has = |k: &str| d.get(k).is_some();
        let expected = match e.date.precision_name() {
            "year" => [true, false, false, false],
            "month" => [true, true, false, false],
            "day" => [true, true, true, false],
            _ => [true, true, true, true],
        };
        assert_eq!(
            [has("year"), has("month"), has("day"), has("hour")],
            expected,
            "{}",
            e.id
        );
        assert!(
            d["year"].is_string(),
            "parts are strings, as TimelineJS's sheets give them"
        );
    }
}

#[test]
fn nothing_hostile_becomes_markup_or_a_link() {
    for format in ["timelinejs", "html"] {
        let out = stdout(&["list", HOSTILE, "--format", format]);
        // In JSON, `<` may only appear in markup dateline wrote itself.
        for bad in [
            "<script",
            "<img",
            "<iframe",
            "<p onclick",
            "href=\"javascript",
            "href=\"data",
            "<b>bold",
            "<i>line",
            "<a href=javascript",
        ] {
            assert!(!out.contains(bad), "{format} holds {bad:?}");
        }
        // The only link is the one http(s) URL.
        assert!(
            out.contains("href=\\\"https:") || out.contains("href=\"https:"),
            "{format}"
        );
        // Bidi overrides are shown, not obeyed.
        assert!(!out.contains('\u{202e}'), "{format}");
    }
}

/// RFC 5545: CRLF line ends, lines of at most 75 octets, TEXT escaped.
#[test]
fn ics_lines_are_crlf_short_and_escaped() {
    for args in [
        vec!["list", "--format", "ics"],
        vec!["list", HOSTILE, "--format", "ics"],
    ] {
        let out = stdout(&args);
        assert!(out.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(out.ends_with("END:VCALENDAR\r\n"));
        let body = out.strip_suffix("\r\n").unwrap();
        for line in body.split("\r\n") {
            assert!(
                !line.contains('\n') && !line.contains('\r'),
                "bare line end in {line:?}"
            );
            assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
            assert!(!line.chars().any(|c| c.is_control()), "control in {line:?}");
        }
        // Unfolded, every TEXT value has its delimiters escaped.
        let unfolded = out.replace("\r\n ", "");
        for line in unfolded.split("\r\n") {
            if let Some(v) = line.strip_prefix("SUMMARY:") {
                let mut chars = v.chars();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => assert!(
                            matches!(chars.next(), Some('\\' | ';' | ',' | 'n')),
                            "bad escape in {line:?}"
                        ),
                        ';' | ',' => panic!("unescaped {c} in {line:?}"),
                        _ => {}
                    }
                }
            }
        }
    }
    let hostile = stdout(&["list", HOSTILE, "--format", "ics"]).replace("\r\n ", "");
    assert!(hostile.contains(
        "SUMMARY:<script>alert('event')</script> Statement\\; with\\, commas \\\\ and backslash\r\n"
    ));
    // A year through a month: all-day from 1 January 2025 to the end of February 2026.
    assert!(hostile.contains("DTSTART;VALUE=DATE:20250101\r\nDTEND;VALUE=DATE:20260301\r\n"));
    assert!(hostile.contains("STATUS:CANCELLED\r\n"));
    // javascript: is never the URL property.
    assert!(!hostile.contains("URL:javascript"));
}

/// Words that are not the speaker's own say so in every format: reported speech and the log
/// author's translations.
#[test]
fn paraphrases_and_translations_say_so() {
    for format in ["timelinejs", "html", "ics"] {
        let out = stdout(&["list", HOSTILE, "--format", format]).replace("\r\n ", "");
        assert!(out.contains("Paraphrase (reported speech"), "{format}");
        assert!(
            out.contains("Translation by the log's author")
                || out.contains("Translation by the log&#x27;s author")
                || out.contains("Translation by the log&#39;s author"),
            "{format}"
        );
    }
}

#[test]
fn ics_is_byte_stable() {
    assert_eq!(
        stdout(&["list", "--format", "ics"]),
        stdout(&["list", "--format", "ics"])
    );
}

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::var_os("PATH").and_then(|paths| {
                std::env::split_paths(&paths)
                    .map(|d| d.join(name))
                    .find(|p| p.is_file())
            })
        })
}

/// The page in a real browser: Chromium renders it from a file, offline, and every event's
/// title is in the DOM it builds. Skipped (with a message) where no Chromium is installed.
#[test]
fn the_page_renders_in_chromium() {
    let Some(chromium) = chromium() else {
        // CI installs Chromium (.ci/run): there a missing browser is a failure, not a pass.
        assert!(
            std::env::var_os("CI").is_none_or(|v| v != "true"),
            "CI=true but no chromium binary on PATH: .ci/run installs it; the page was not checked"
        );
        eprintln!(
            "SKIPPED the_page_renders_in_chromium: no chromium binary on PATH \
             (apt-get install -y chromium)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("sample.html");
    std::fs::write(&page, stdout(&["list", "--format", "html"])).unwrap();
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--dump-dom",
        ])
        .arg(format!("file://{}", page.display()))
        .env("HOME", dir.path())
        .output()
        .expect("run chromium");
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(
        dom.contains("<article"),
        "chromium gave no DOM: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let log = sample();
    for e in &log.events {
        let escaped = e
            .title
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        assert!(
            dom.contains(&escaped),
            "{} is not in the rendered page",
            e.title
        );
    }
}

/// TimelineJS sorts slides by their `start_date` parts (stably: equal dates keep their
/// order in the file). Written on the reading zone's clock, they sort as dateline does,
/// across clocks and in the hour the reading zone's clock shows twice; `display_date`
/// keeps each event's own clock.
#[test]
fn timelinejs_sorts_the_slides_as_dateline_does() {
    let dir = tempfile::tempdir().unwrap();
    let fold = dir.path().join("fold.yaml");
    std::fs::write(
        &fold,
        "dateline: 1\ntimezone: America/New_York\nevents:\n\
         - {date: 2025-10-26T22:00+08:00, kind: meeting, title: Kuala Lumpur talks}\n\
         - {date: 2025-10-26T10:30-04:00, kind: statement, title: Statement in New York}\n\
         - {date: 2025-11-02T01:30-04:00, kind: call, title: First pass of the hour}\n\
         - {date: 2025-11-02T01:05-05:00, kind: call, title: Second pass of the hour}\n\
         - {date: 2025-11-02T06:10Z, kind: call, title: After the hour}\n\
         - {date: 2025-11-02, kind: development, title: The day itself}\n",
    )
    .unwrap();
    for file in ["tests/fixtures/four-zones.yaml", fold.to_str().unwrap()] {
        let log = dateline::load::load_str(file, &std::fs::read_to_string(file).unwrap())
            .unwrap()
            .log;
        let v: serde_json::Value =
            serde_json::from_str(&stdout(&["list", file, "--format", "timelinejs"])).unwrap();
        let slides = v["events"].as_array().unwrap();
        let key = |d: &serde_json::Value| {
            let part = |k: &str, default: i64| {
                d.get(k)
                    .and_then(|p| p.as_str())
                    .map_or(default, |p| p.parse::<i64>().unwrap())
            };
            [
                part("year", 0),
                part("month", 1),
                part("day", 1),
                part("hour", 0),
                part("minute", 0),
                part("second", 0),
            ]
        };
        let titles: Vec<&str> = slides
            .iter()
            .map(|s| s["dateline"]["title"].as_str().unwrap())
            .collect();
        let mut sorted: Vec<usize> = (0..slides.len()).collect();
        sorted.sort_by_key(|&i| key(&slides[i]["start_date"]));
        let in_timelinejs: Vec<&str> = sorted.iter().map(|&i| titles[i]).collect();
        let in_dateline: Vec<&str> = log.events.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(in_timelinejs, in_dateline, "{file}");
        // Each slide still shows its own clock (escaped twice, as TimelineJS needs).
        for (slide, e) in slides.iter().zip(&log.events) {
            assert_eq!(
                slide["start_date"]["display_date"]
                    .as_str()
                    .unwrap()
                    .replace("&amp;#x2F;", "/"),
                e.date.human(),
                "{file}"
            );
        }
    }
}

#[test]
fn a_web_page_of_150_000_related_events_links_each_to_the_next_in_bounded_time() {
    // A chain: each event answers the one before. Each related id used to be looked up by a
    // scan of the page's events, which took minutes here.
    let n = 150_000;
    let mut yaml = String::from("events:\n");
    for i in 0..n {
        yaml +=
            &format!("  - id: e{i}\n    date: 2024-05-03\n    kind: meeting\n    title: T{i}\n");
        if i > 0 {
            yaml += &format!("    related: [e{}]\n", i - 1);
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chain.yaml");
    std::fs::write(&path, yaml).unwrap();
    let run = crate::import_at_scale::dateline_bounded(
        2 << 20,
        crate::import_at_scale::CAP_CPU,
        &["list", path.to_str().unwrap(), "--format", "html"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let last = n - 1;
    for (how, id) in [("Answers or follows:", last - 1), ("Answered by:", last)] {
        assert!(
            run.stdout
                .contains(&format!("<li dir=\"auto\">{how} <a href=\"#ev-e{id}\">")),
            "{how} e{id}"
        );
    }
}
