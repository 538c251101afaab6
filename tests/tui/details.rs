//! The details pane and the quotes: where the quotes go, URLs kept whole and linked, the
//! log's wording kept (quote text, date notes, who said it) on screen and in what is copied.

use crate::common::browser::{self, screen, select_id};
use dateline::export::{cite, markdown};
use dateline::filter::QuoteAt;
use dateline::model::EventIx;
use dateline::tui::{Action, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const LONG_URL: &str = "https://example.org/news/2024/05/03/a_(very)_long_address_of_a_report_on_the_talks_in_cairo_that_no_pane_holds?page=2";

const LOG: &str = r#"title: Details
parties:
  - {id: us, name: United States}
  - {id: hamas, name: Hamas}
actors:
  - {id: burns, name: William Burns, party: us, role: CIA director}
sources:
  - id: wire
    outlet: Wire
    url: "https://example.org/news/2024/05/03/a_(very)_long_address_of_a_report_on_the_talks_in_cairo_that_no_pane_holds?page=2"
events:
  - id: talks
    date: 2024-05-03
    date_note: position stated before 4 April
    kind: meeting
    title: Burns meets the mediators
    actors: [burns]
    summary: |
      A long summary that takes room in the pane, so that what comes after it is pushed
      down: the talks went on for hours, the mediators carried proposals between rooms,
      and nobody said anything on the record until the evening.
    sources: [wire]
    quotes:
      - text: "  We will\tsee.  "
        speaker: burns
        source: wire
      - text: the talks were constructive
        attribution: U.S. and Saudi officials
        party: us
        paraphrase: true
        source: wire
"#;

fn open(w: u16, h: u16) -> dateline::tui::App {
    browser::open("details.yaml", LOG, w, h)
}

fn talks(app: &dateline::tui::App) -> EventIx {
    app.log.event("talks").unwrap()
}

#[test]
fn the_quotes_come_right_after_who_took_part() {
    let a = open(100, 30);
    let s = screen(&a, 100, 30);
    let who = s.find("William Burns, CIA director").expect("who");
    let quotes = s.find("Quotes (2)").expect("the quotes are on screen");
    let sources = s.find("Sources:");
    assert!(who < quotes, "{s}");
    assert!(sources.is_none_or(|src| quotes < src), "{s}");
}

#[test]
fn a_url_is_never_broken_across_lines() {
    for w in [60, 80, 120, 200] {
        let a = open(w, 60);
        let s = screen(&a, w, 60);
        let rows: Vec<&str> = s.lines().filter(|l| l.contains("https://")).collect();
        assert_eq!(rows.len(), 1, "{s}");
        // What shows is the URL from its start, cut at the end if need be.
        let shown = rows[0].split("https://").nth(1).unwrap();
        let shown = shown.trim_end_matches(['"', ' ']).trim_end_matches('…');
        let shown = shown.split('│').next().unwrap();
        assert!(LONG_URL["https://".len()..].starts_with(shown), "{shown}");
        // No piece of its tail on another row.
        assert!(!s.contains("page=2") || rows[0].contains("page=2"), "{s}");
    }
}

#[test]
fn urls_are_osc8_hyperlinks_when_the_terminal_takes_them() {
    let mut a = open(120, 40);
    a.hyperlinks = true;
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| view(&a, f)).unwrap();
    let buf = t.backend().buffer().clone();
    let linked: Vec<String> = buf
        .content()
        .iter()
        .map(|c| c.symbol().to_owned())
        .filter(|s| s.starts_with("\x1b]8;"))
        .collect();
    assert!(!linked.is_empty(), "no link");
    assert!(
        linked[0].contains(&format!(";{LONG_URL}\x1b\\h\x1b]8;;\x1b\\")),
        "{:?}",
        linked[0]
    );
    // The quote view links its sources' URLs too, cut or whole.
    for w in [80, 200] {
        update(
            &mut a,
            Action::Resize {
                width: w,
                height: 40,
            },
        );
        update(&mut a, Action::Open);
        let mut t = Terminal::new(TestBackend::new(w, 40)).unwrap();
        t.draw(|f| view(&a, f)).unwrap();
        let links = t
            .backend()
            .buffer()
            .content()
            .iter()
            .filter(|c| c.symbol().starts_with("\x1b]8;id="))
            .count();
        assert!(links > 20, "{w}: {links} linked cells");
        update(&mut a, Action::Back);
    }
    update(
        &mut a,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    // Without them, the cells hold only characters.
    a.hyperlinks = false;
    t.draw(|f| view(&a, f)).unwrap();
    assert!(
        t.backend()
            .buffer()
            .content()
            .iter()
            .all(|c| !c.symbol().contains('\x1b'))
    );
}

#[test]
fn the_date_note_is_the_logs_note_not_a_quotation() {
    let a = open(120, 40);
    let s = screen(&a, 120, 40);
    assert!(
        s.contains("Date note: position stated before 4 April"),
        "{s}"
    );
    assert!(!s.contains("“position stated"), "{s}");
    assert!(!s.contains("As reported"), "{s}");
}

#[test]
fn a_quote_is_the_logs_text_byte_for_byte_in_exports_and_the_clipboard() {
    let a = open(120, 40);
    let ix = talks(&a);
    let copied = cite::quote_citation(&a.log, ix, 0);
    assert!(copied.starts_with("“  We will\tsee.  ”\n"), "{copied:?}");
    let at = |quote| QuoteAt { event: ix, quote };
    let md = markdown::quotes(&a.log, &[at(0), at(1)]);
    assert!(md.contains("  We will\tsee.  ”"), "{md:?}");
    // On screen, the tab is shown escaped and nothing else changes.
    let mut a = a;
    update(&mut a, Action::Open);
    let s = screen(&a, 120, 40);
    assert!(s.contains("“  We will␉see.  ”"), "{s}");
}

#[test]
fn who_said_it_reads_the_same_on_screen_and_in_the_clipboard() {
    let mut a = open(120, 40);
    select_id(&mut a, "talks");
    let copied = cite::quote_citation(&a.log, talks(&a), 1);
    let line = copied
        .lines()
        .find(|l| l.starts_with('—'))
        .unwrap()
        .to_owned();
    assert_eq!(line, "— U.S. and Saudi officials (United States)");
    update(&mut a, Action::Open);
    let s = screen(&a, 120, 40);
    assert!(s.contains(&line), "{s}");
    assert!(!s.contains("according to the source"), "{s}");
}

#[test]
fn markdown_keeps_urls_as_written() {
    let a = open(120, 40);
    let ix = talks(&a);
    let at = |quote| QuoteAt { event: ix, quote };
    let md = markdown::quotes(&a.log, &[at(0), at(1)]);
    assert!(md.contains(&format!("<{LONG_URL}>")), "{md}");
    let list = markdown::events(&a.log, &[ix]);
    assert!(list.contains(&format!("[Wire](<{LONG_URL}>)")), "{list}");
    assert!(!md.contains("%28") && !list.contains("%28"));
}

#[test]
fn the_quotes_heading_is_cut_with_an_ellipsis_when_the_pane_is_narrow() {
    let mut app = browser::sample(100, 30);
    select_id(&mut app, "hamas-delegation-announced");
    let shown = screen(&app, 100, 30);
    let heading = shown
        .lines()
        .find(|l| l.contains("Quotes (3)"))
        .unwrap_or_else(|| panic!("{shown}"));
    assert!(
        heading.trim_end_matches('"').trim_end().ends_with('…'),
        "{heading}"
    );
}

#[test]
fn a_url_over_2000_bytes_is_shown_but_not_linked() {
    // Each linked cell repeats the URL: a 1 MB one wrote 40 MB to the terminal per frame.
    let drawn = |url: &str| {
        let log = LOG.replace(LONG_URL, url);
        let mut a = browser::open("details.yaml", &log, 120, 40);
        a.hyperlinks = true;
        let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
        t.draw(|f| view(&a, f)).unwrap();
        let buf = t.backend().buffer().clone();
        let linked = buf
            .content()
            .iter()
            .filter(|c| c.symbol().starts_with("\x1b]8;"))
            .count();
        let shown = screen(&a, 120, 40).contains("https://example.org/aaaa");
        (linked, shown)
    };
    let at_cap = format!("https://example.org/{}", "a".repeat(2000 - 20));
    assert_eq!(at_cap.len(), 2000);
    let (linked, shown) = drawn(&at_cap);
    assert!(linked > 20 && shown, "{linked} linked cells");
    let (linked, shown) = drawn(&format!("{at_cap}a"));
    assert!(linked == 0 && shown, "{linked} linked cells");
    let (linked, shown) = drawn(&format!("https://example.org/{}", "a".repeat(1 << 20)));
    assert!(linked == 0 && shown, "{linked} linked cells");
}
