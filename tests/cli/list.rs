//! `dateline list` end to end: the real binary on the bundled sample log.
//!
//! Golden files live in tests/golden/. After a deliberate change to the sample or to an
//! output format, regenerate them with `UPDATE_GOLDEN=1 cargo test --test cli_list --test
//! cli_quotes` and read the diff before committing.

use crate::common::cli::{compare_golden, dateline, golden, sample, stdout};
use dateline::cli::FilterArgs;
use dateline::search::SearchIndex;

#[test]
fn golden_text() {
    golden("list.txt", &["list"]);
    golden(
        "list-hamas-statements.txt",
        &["list", "--party", "hamas", "--kind", "statement"],
    );
}

#[test]
fn golden_markdown() {
    golden("list.md", &["list", "--format", "markdown"]);
}

#[test]
fn golden_json() {
    golden("list.json", &["list", "--format", "json"]);
}

#[test]
fn golden_csv() {
    golden("list.csv", &["list", "--format", "csv"]);
    golden(
        "list-april-expected.csv",
        &[
            "list", "--format", "csv", "--from", "2024-04", "--to", "2024-04", "--status",
            "expected",
        ],
    );
}

/// What the browser's `e` writes: the filtered view as a Markdown document.
#[test]
fn golden_export_of_a_filtered_view() {
    let log = sample();
    let args = parse_flags(&["--party", "hamas", "--search", "cairo"]);
    let query = args.to_query(&log).unwrap();
    let events = dateline::filter::apply(&log, &SearchIndex::new(&log), &query);
    let md = dateline::export::markdown::view(&log, &events, &query);
    compare_golden("view-hamas-cairo.md", "markdown::view", &md);
}

/// `list --format markdown` and the browser's `w` write one and the same document.
#[test]
fn list_markdown_is_what_the_browser_writes() {
    let md = stdout(&[
        "list", "--format", "markdown", "--party", "hamas", "--search", "cairo",
    ]);
    compare_golden("view-hamas-cairo.md", "list --format markdown", &md);
}

#[test]
fn json_reads_back_with_every_event_in_timeline_order() {
    let log = sample();
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&["list", "--format", "json"])).unwrap();
    let events = v.as_array().expect("an array");
    let ids: Vec<&str> = events.iter().map(|e| e["id"].as_str().unwrap()).collect();
    let expected: Vec<&str> = log.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, expected);
    for (json, e) in events.iter().zip(&log.events) {
        assert_eq!(json["date"], e.date.written());
        assert_eq!(json["title"], e.title.as_str());
        assert_eq!(json["kind"], e.kind.as_str());
        assert_eq!(json["quotes"].as_array().unwrap().len(), e.quotes.len());
        let start = chrono::DateTime::parse_from_rfc3339(json["start"].as_str().unwrap()).unwrap();
        assert_eq!(start, e.date.start());
    }
}

#[test]
fn csv_reads_back_one_row_per_event() {
    let log = sample();
    let text = stdout(&["list", "--format", "csv"]);
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let header = rdr.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().collect::<Result<_, _>>().unwrap();
    assert_eq!(rows.len(), log.events.len());
    for (row, e) in rows.iter().zip(&log.events) {
        assert_eq!(row.len(), header.len());
        assert_eq!(&row[col("id")], e.id);
        assert_eq!(&row[col("title")], e.title);
        assert_eq!(&row[col("summary")], e.summary.as_deref().unwrap_or(""));
        assert_eq!(&row[col("topics")], e.topics.join("; "));
    }
}

/// The ids `list` prints for some flags, and the ids the core gives for the same flags:
/// one query, one filter, one order.
#[test]
fn list_agrees_with_the_core_filter() {
    let log = sample();
    let index = SearchIndex::new(&log);
    let cases: Vec<Vec<&str>> = vec![
        vec![],
        vec!["--party", "hamas"],
        vec!["--party", "hamas", "--party", "us"],
        vec!["--actor", "burns"],
        vec!["--kind", "meeting", "--kind", "call"],
        vec!["--status", "expected"],
        vec!["--topic", "Rafah"],
        vec!["--from", "2024-04", "--to", "2024-04"],
        vec!["--from", "2024-05-03"],
        vec!["--search", "cairo"],
        vec!["--search", "HAMAS", "--party", "egypt"],
        vec!["--search", "no-such-word-anywhere"],
    ];
    let mut non_trivial = 0;
    for flags in cases {
        let mut args = vec!["list", "--format", "json"];
        args.extend(&flags);
        let v: serde_json::Value = serde_json::from_str(&stdout(&args)).unwrap();
        let printed: Vec<String> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_str().unwrap().to_owned())
            .collect();
        let filters = parse_flags(&flags);
        let query = filters.to_query(&log).unwrap();
        let core: Vec<String> = dateline::filter::apply(&log, &index, &query)
            .into_iter()
            .map(|i| log.events[i].id.clone())
            .collect();
        assert_eq!(printed, core, "flags {flags:?}");
        if !core.is_empty() && core.len() < log.events.len() {
            non_trivial += 1;
        }
    }
    assert!(
        non_trivial >= 6,
        "most cases should select some events, not all"
    );
}

/// The flags as the browser would receive them, through clap.
fn parse_flags(flags: &[&str]) -> FilterArgs {
    use clap::Parser;
    let cli = dateline::cli::Cli::try_parse_from(
        std::iter::once("dateline").chain(flags.iter().copied()),
    )
    .expect("flags parse");
    cli.filters
}

#[test]
fn the_order_of_repeated_flags_does_not_change_the_output() {
    let a = stdout(&[
        "list", "--party", "us", "--party", "hamas", "--format", "csv",
    ]);
    let b = stdout(&[
        "list", "--party", "hamas", "--party", "us", "--format", "csv",
    ]);
    assert_eq!(a, b);
    assert!(a.lines().count() > 2);
}

#[test]
fn an_unknown_party_is_wrong_usage_with_a_suggestion() {
    let out = dateline(&["list", "--party", "hamaz"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "no data on a usage error");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean \"hamas\"?"), "{err}");
}

#[test]
fn unknown_kind_status_and_actor_are_wrong_usage_too() {
    for (args, near) in [
        (["list", "--kind", "meetings"], "meeting"),
        (["list", "--status", "expect"], "expected"),
        (["list", "--actor", "burnz"], "burns"),
    ] {
        let out = dateline(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!("did you mean \"{near}\"?"))
                || err.contains(&format!("a similar value exists: '{near}'")),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn a_bad_date_is_wrong_usage_and_names_the_forms() {
    let out = dateline(&["list", "--from", "3 May 2024"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--from") && err.contains("YYYY-MM-DD"),
        "{err}"
    );
}

#[test]
fn nothing_matching_is_still_success() {
    let out = dateline(&[
        "list",
        "--search",
        "no-such-word-anywhere",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "[]\n");
    let out = dateline(&["list", "--search", "no-such-word-anywhere"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no event matches"));
}

#[test]
fn an_invalid_log_exits_1_with_its_errors_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yaml");
    std::fs::write(
        &bad,
        "events:\n  - date: 2024-05-03\n    kind: meating\n    title: x\n",
    )
    .unwrap();
    let out = dateline(&["list", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.yaml:3"), "{err}");
}

/// Escapes and bidi overrides in a log never reach a terminal through text or markdown, and
/// come back verbatim through JSON and CSV.
#[test]
fn hostile_text_is_escaped_for_people_and_verbatim_for_scripts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.yaml");
    // YAML double-quoted escapes: \e is ESC, \a BEL, \x9B the C1 CSI, \u202E a bidi override.
    let yaml = r#"parties: [{id: p, name: "P\e[1m"}]
sources: [{id: s, outlet: "Out\u202Elet", url: "https://e.org/a b"}]
events:
  - id: e1
    date: 2024-05-03
    kind: statement
    title: "Talks \e]52;c;cHduZWQ=\a end \u202Etxt.exe 会谈 مفاوضات"
    quotes: [{text: "Line one\e[2J\nline two \x9B31m", attribution: someone, party: p, source: s}]
"#;
    std::fs::write(&path, yaml).unwrap();
    let title = "Talks \u{1b}]52;c;cHduZWQ=\u{7} end \u{202e}txt.exe 会谈 مفاوضات";
    let quote = "Line one\u{1b}[2J\nline two \u{9b}31m";
    let file = path.to_str().unwrap();
    let unsafe_char = |c: char| dateline::sanitize::is_unsafe_char(c) && c != '\n';
    for args in [
        vec!["list", file],
        vec!["list", file, "--format", "markdown"],
        vec!["quotes", file],
    ] {
        let out = stdout(&args);
        assert!(
            !out.chars().any(unsafe_char),
            "{args:?} let a control through: {out:?}"
        );
        assert!(out.contains("会谈 مفاوضات"), "{args:?}: {out:?}");
        assert!(out.contains("␛"), "ESC shown visibly: {args:?}: {out:?}");
    }
    let json = stdout(&["list", file, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v[0]["title"], title);
    assert_eq!(v[0]["quotes"][0]["text"], quote);
    let csv_text = stdout(&["quotes", file, "--format", "csv"]);
    let mut rdr = csv::Reader::from_reader(csv_text.as_bytes());
    let header = rdr.headers().unwrap().clone();
    let text_col = header.iter().position(|h| h == "text").unwrap();
    let row = rdr.records().next().unwrap().unwrap();
    assert_eq!(&row[text_col], quote);
}

#[test]
fn a_file_given_is_read_instead_of_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("tiny.yaml");
    std::fs::write(
        &log,
        "events:\n  - {id: only-one, date: 2016, kind: development, title: \"Tab\\there, ESC \\e[31m\"}\n",
    )
    .unwrap();
    let text = stdout(&["list", log.to_str().unwrap()]);
    assert_eq!(text, "2016  development  Tab here, ESC ␛[31m\n");
    let json = stdout(&["list", log.to_str().unwrap(), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        v[0]["title"], "Tab\there, ESC \u{1b}[31m",
        "JSON keeps text verbatim"
    );
}

/// Colour only on a terminal, and never with NO_COLOR.
#[test]
fn colour_on_a_terminal_unless_no_color() {
    let plain = stdout(&["list"]);
    assert!(!plain.contains('\x1b'), "no colour into a pipe");
    let on_tty = run_in_pty(&[]);
    assert!(on_tty.contains("\x1b["), "colour on a terminal: {on_tty:?}");
    let no_color = run_in_pty(&[("NO_COLOR", "1")]);
    assert!(
        !no_color.contains("\x1b["),
        "NO_COLOR honoured: {no_color:?}"
    );
    let title = &sample().events[0].title;
    assert!(no_color.contains(title.as_str()), "{no_color:?}");
}

fn run_in_pty(env: &[(&str, &str)]) -> String {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::Read;
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 50,
            cols: 200,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dateline"));
    cmd.arg("list");
    cmd.env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = pair.slave.spawn_command(cmd).expect("spawn in pty");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("pty reader");
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    // Read until the child closes its side (EOF, or EIO on Linux).
    loop {
        match reader.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
        }
    }
    let status = child.wait().expect("wait");
    assert!(status.success());
    String::from_utf8_lossy(&out).into_owned()
}

/// The ids `list --search QUERY` prints, in order.
fn ids_found(query: &str) -> Vec<String> {
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&["list", "--format", "json", "--search", query])).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn search_finds_events_by_their_sources_outlets_and_bylines() {
    let log = sample();
    let published_by = |word: &str| -> Vec<String> {
        log.events
            .iter()
            .filter(|e| {
                e.sources
                    .iter()
                    .copied()
                    .chain(e.quotes.iter().filter_map(|q| q.source))
                    .any(|s| {
                        let src = &log.sources[s];
                        src.outlet.contains(word) || src.byline.iter().any(|b| b.contains(word))
                    })
            })
            .map(|e| e.id.clone())
            .collect()
    };
    let reuters = published_by("Reuters");
    assert!(reuters.len() >= 3, "{reuters:?}");
    assert_eq!(ids_found("reuters"), reuters);
    let landay = published_by("Landay");
    assert!(!landay.is_empty());
    assert_eq!(ids_found("landay"), landay);
}

#[test]
fn a_pasted_page_as_a_search_is_answered_at_once() {
    // 100 KB of one word repeated is the word; of distinct words, a query nothing matches.
    let repeated = vec!["Cairo"; 16_000].join(" ");
    assert_eq!(ids_found(&repeated), ids_found("cairo"));
    let distinct: Vec<String> = (0..12_000).map(|i| format!("w{i}")).collect();
    assert!(ids_found(&distinct.join(" ")).is_empty());
    assert!(ids_found(&"x".repeat(100_000)).is_empty());
}

#[test]
fn a_directory_logs_marks_survive_a_file_added_to_it() {
    let state = tempfile::tempdir().unwrap();
    let top = tempfile::tempdir().unwrap();
    let dir = top.path().join("talks");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("a.yaml"),
        "events:\n  - {id: e1, date: 2024-05-01, kind: meeting, title: Marked one}\n",
    )
    .unwrap();
    let marks = state
        .path()
        .join("marks")
        .join(dateline::marks::key_for(std::slice::from_ref(&dir)));
    std::fs::create_dir_all(marks.parent().unwrap()).unwrap();
    std::fs::write(&marks, "e1\n").unwrap();
    let marked = || {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
            .args([
                "list",
                "--marked",
                "--format",
                "json",
                dir.to_str().unwrap(),
            ])
            .env("DATELINE_STATE_DIR", state.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(marked().contains("Marked one"));
    std::fs::write(
        dir.join("b.yaml"),
        "events:\n  - {id: e2, date: 2024-05-02, kind: meeting, title: New file}\n",
    )
    .unwrap();
    let after = marked();
    assert!(
        after.contains("Marked one") && !after.contains("New file"),
        "{after}"
    );
}

/// The log with clocks in four zones, read in Beijing's.
const FOUR_ZONES: &str = "tests/fixtures/four-zones.yaml";

#[test]
fn a_day_is_the_reading_zones_day_and_json_gives_its_clock() {
    let out = stdout(&[
        "list",
        FOUR_ZONES,
        "--from",
        "2023-03-11",
        "--to",
        "2023-03-11",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let got: Vec<(&str, &str, &str)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["date"].as_str().unwrap(),
                e["start"].as_str().unwrap(),
                e["local"].as_str().unwrap(),
            )
        })
        .collect();
    // The month known only as March covers the 11th; 02:00 in Tehran and 23:30 the
    // evening before in Washington are both 11 March in Beijing; each keeps its date as
    // written.
    assert_eq!(
        got,
        [
            (
                "2023-03",
                "2023-02-28T16:00:00Z",
                "2023-03-01T00:00:00+08:00"
            ),
            (
                "2023-03-11T02:00+03:30",
                "2023-03-10T22:30:00Z",
                "2023-03-11T06:30:00+08:00"
            ),
            (
                "2023-03-10T23:30-05:00",
                "2023-03-11T04:30:00Z",
                "2023-03-11T12:30:00+08:00"
            ),
        ]
    );
    // A month known only as March is March in Beijing, from its first day.
    let march = stdout(&[
        "list",
        FOUR_ZONES,
        "--from",
        "2023-03",
        "--to",
        "2023-03-06",
    ]);
    assert!(march.starts_with("March 2023"), "{march}");
    assert_eq!(march.lines().count(), 2, "{march}");
}

/// `--from` after `--to` is judged on the days the filter uses, the log's reading zone's:
/// far from UTC a time and a day can fall the other way round than they do in UTC.
#[test]
fn a_range_backwards_in_the_reading_zone_is_wrong_usage_and_only_then() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("auckland.yaml");
    std::fs::write(
        &path,
        "timezone: Pacific/Auckland\nevents:\n  - id: morning\n    date: 2024-05-04T08:00+12:00\n    kind: meeting\n    title: Morning meeting in Auckland\n",
    )
    .unwrap();
    let file = path.to_str().unwrap();
    // 23:00Z on 3 May is 11:00 on the 4th in Auckland: after the 3rd there.
    let out = dateline(&[
        "list",
        file,
        "--from",
        "2024-05-03T23:00Z",
        "--to",
        "2024-05-03",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "dateline: --from 2024-05-03T23:00Z is after --to 2024-05-03 (dates are read in the \
         log's timezone, Pacific/Auckland, where 2024-05-03T23:00Z is Sat 4 May 2024 11:00 \
         +12:00): no date can be in both; swap them?\n"
    );
    // The 4th in Auckland starts before 23:00Z on the 3rd: the morning meeting is in both.
    let text = stdout(&[
        "list",
        file,
        "--from",
        "2024-05-04",
        "--to",
        "2024-05-03T23:00Z",
    ]);
    assert_eq!(
        text,
        "Sat 4 May 2024 08:00 +12:00  meeting  Morning meeting in Auckland\n"
    );
}

/// With times on four clocks, each row keeps its own clock in full and adds the reading
/// zone's time short: the day only where it differs, the zone naming the clock. So the
/// column stays well inside 80 terminal columns.
#[test]
fn times_on_several_clocks_keep_the_date_column_narrow() {
    golden("list-four-zones.txt", &["list", FOUR_ZONES]);
    golden(
        "list-four-zones.md",
        &["list", FOUR_ZONES, "--format", "markdown"],
    );
    let text = stdout(&["list", FOUR_ZONES]);
    let date_column = text.lines().filter_map(|l| l.find("  ")).max().unwrap();
    // The widest own clock (51: `Sun 5 November 2023 01:30 -04:00 (America/New_York)`)
    // and the reading zone's beside it.
    assert!(date_column <= 75, "{date_column}: {text}");
    assert!(
        text.contains("Fri 10 March 2023 23:30 -05:00 = Sat 11 March 12:30 Asia/Shanghai\n"),
        "{text}"
    );
}

fn list_at(width: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("list")
        .args(args)
        .env("COLUMNS", width)
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// At 80 columns the date column takes at most half: a date on two clocks has its own
/// line, the rest of its row under the other rows' columns, so kinds and titles line up
/// and nothing is padded across the screen. A wide terminal keeps one line per event.
#[test]
fn at_80_columns_long_dates_have_a_line_of_their_own() {
    let text = list_at("80", &[FOUR_ZONES]);
    let log = dateline::load::load_str(FOUR_ZONES, &std::fs::read_to_string(FOUR_ZONES).unwrap())
        .unwrap()
        .log;
    let kind_columns: Vec<usize> = log
        .events
        .iter()
        .map(|e| {
            let line = text
                .lines()
                .find(|l| l.contains(e.title.as_str()))
                .unwrap_or_else(|| panic!("{} missing:\n{text}", e.title));
            line.find(e.kind.as_str()).unwrap()
        })
        .collect();
    assert!(
        kind_columns
            .iter()
            .all(|&c| c == kind_columns[0] && c <= 40),
        "{kind_columns:?}\n{text}"
    );
    assert!(
        text.contains("\nSun 5 November 2023 01:30 -04:00 (America/New_York) = 13:30 Asia/Shanghai\n                  call "),
        "{text}"
    );
    let wide = list_at("200", &[FOUR_ZONES]);
    assert_eq!(wide.lines().count(), log.events.len(), "{wide}");
}

/// With an end, the reading zone's time is the start's: it says so, in brackets after the
/// start, never after the end where it would read as the end's.
#[test]
fn the_reading_zones_time_belongs_to_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("ends.yaml");
    std::fs::write(
        &log,
        "dateline: 1\ntimezone: America/New_York\nevents:\n\
         - {date: 2025-05-10T22:00+08:00, end: 2025-05-11, kind: meeting, title: Geneva round}\n",
    )
    .unwrap();
    let log = log.to_str().unwrap();
    let text = list_at("200", &[log]);
    assert!(
        text.starts_with(
            "Sat 10 May 2025 22:00 +08:00 (= 10:00 America/New_York) – Sun 11 May 2025  meeting"
        ),
        "{text}"
    );
    let md = list_at("200", &[log, "--format", "markdown"]);
    assert!(
        md.contains("Sat 10 May 2025 22:00 +08:00 (= 10:00 America/New\\_York) – Sun 11 May 2025"),
        "{md}"
    );
}
