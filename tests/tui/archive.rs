//! Quotes and their archived sources in the browser: a quote not found is flagged wherever
//! it shows or is copied, `C` reads a quote in its archived source, and an archive changed
//! on disk updates the verdicts.

use crate::common::browser::{self, screen, select_id};
use dateline::archive::Archives;
use dateline::load::{self, Limits};
use dateline::model::Verification;
use dateline::tui::input::action::Share;
use dateline::tui::input::keymap::Mode;
use dateline::tui::overlays::Opener;
use dateline::tui::overlays::Overlay;
use dateline::tui::overlays::context_window::Anchor;
use dateline::tui::runtime::effects::settle;
use dateline::tui::update::share::Effect;
use dateline::tui::{Action, App, LogSource, Msg, update};

const ARCHIVE: &str = "\
CAIRO (Wire) - Talks resumed in Cairo on Friday.

The delegation said in a statement: \u{201c}We are determined to secure an agreement in a way \
that fulfils our people\u{2019}s demands.\u{201d}

An official said Israel will not interfere in the talks for now, and that a reply was \
expected within days.

Mediators declined to comment.
";

const LOG: &str = r#"dateline: 1
parties:
  - {id: hamas, name: Hamas}
  - {id: israel, name: Israel}
sources:
  - id: wire
    outlet: Wire
    archive: sources/wire.txt
events:
  - id: talks
    date: 2024-05-03
    kind: statement
    title: Statements on the talks
    sources: [wire]
    quotes:
      - text: "We are determined to secure an agreement in a way that fulfils our people’s demands."
        attribution: the delegation
        party: hamas
        source: wire
      - text: "Israel will never interfere in the talks"
        attribution: an official
        party: israel
        source: wire
      - text: "a reply was expected within days"
        attribution: an official
        party: israel
        source: wire
        paraphrase: true
"#;

fn app(width: u16, height: u16) -> App {
    let loaded = load::load_str_with(
        "talks.yaml",
        LOG,
        Archives::Given(&[("sources/wire.txt", ARCHIVE)]),
    )
    .expect("a quote not found does not keep the log from opening");
    browser::with(loaded, width, height)
}

fn clipboard(app: &App) -> String {
    let Some(Effect::Copy(text)) = app.effects.last() else {
        panic!("no copy queued: {:?}", app.effects);
    };
    text.clone()
}

#[test]
fn the_browser_opens_and_says_a_quote_is_not_found() {
    let app = app(100, 30);
    assert_eq!(
        app.message.as_deref(),
        Some(
            "1 quote is NOT FOUND in its archived source: flagged where it shows; `dateline check` says more"
        )
    );
    let details = screen(&app, 100, 30);
    assert!(
        details.contains("NOT FOUND “Israel will never interfere"),
        "{details}"
    );
}

#[test]
fn a_flagged_quote_in_the_quote_view() {
    let mut app = app(80, 24);
    update(&mut app, Action::Open);
    assert_eq!(app.mode(), Mode::Quotes);
    insta::assert_snapshot!("flagged_quote_80x24", screen(&app, 80, 24));
}

#[test]
fn copying_a_flagged_quote_flags_the_copy_and_says_so() {
    let mut app = app(80, 24);
    update(&mut app, Action::Open);
    update(&mut app, Action::Down);
    update(&mut app, Action::Share(Share::CopyQuote));
    assert!(
        clipboard(&app).starts_with(
            "NOT FOUND in the archived source (log: will never interfere / archive: will not interfere)\n“Israel will never interfere in the talks”\n"
        ),
        "{}",
        clipboard(&app)
    );
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .ends_with("NOT FOUND in its archived source, flagged in the copy"),
        "{:?}",
        app.message
    );
    // A verified quote is copied as it is.
    update(&mut app, Action::Up);
    update(&mut app, Action::Share(Share::CopyQuote));
    assert!(clipboard(&app).starts_with("“We are determined"));
}

#[test]
fn c_shows_the_quote_highlighted_in_its_paragraph() {
    let mut app = app(80, 24);
    update(&mut app, Action::Open);
    update(&mut app, Action::Show(Opener::Context));
    assert_eq!(app.mode(), Mode::Context);
    insta::assert_snapshot!("context_verified_80x24", screen(&app, 80, 24));
    update(&mut app, Action::Back);
    assert_eq!(app.mode(), Mode::Quotes);
    // The quote not found: its closest passage, and what differs.
    update(&mut app, Action::Down);
    update(&mut app, Action::Show(Opener::Context));
    insta::assert_snapshot!("context_not_found_80x24", screen(&app, 80, 24));
}

#[test]
fn the_context_view_scrolls_and_draws_at_any_size() {
    let mut app = app(80, 24);
    update(&mut app, Action::Show(Opener::Context));
    assert_eq!(app.mode(), Mode::Context, "C works from the timeline too");
    for _ in 0..50 {
        update(&mut app, Action::Down);
    }
    update(&mut app, Action::Top);
    let Some(Overlay::Context(c)) = app.overlays.last() else {
        panic!("the context view is open")
    };
    assert_eq!(c.scroll, Anchor::TOP);
    for (w, h) in [(1, 1), (20, 5), (40, 10), (200, 60)] {
        update(
            &mut app,
            Action::Resize {
                width: w,
                height: h,
            },
        );
        screen(&app, w, h);
    }
}

#[test]
fn c_without_an_archive_says_why_and_opens_nothing() {
    let mut app = browser::open(
        "talks.yaml",
        &LOG.replace("    archive: sources/wire.txt\n", ""),
        80,
        24,
    );
    update(&mut app, Action::Show(Opener::Context));
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(
        app.message.as_deref(),
        Some(
            "Wire has no archived copy: give the source an `archive:` file to read quotes in context"
        )
    );
}

#[test]
fn each_quote_of_the_sample_opens_on_its_own_paragraph() {
    let mut app = browser::sample(100, 30);
    let sample = dateline::load_sample().unwrap().log;
    for (ei, e) in sample.events.iter().enumerate() {
        select_id(&mut app, &e.id);
        update(&mut app, Action::Open);
        for (qi, q) in e.quotes.iter().enumerate() {
            update(&mut app, Action::Show(Opener::Context));
            let Some(Overlay::Context(c)) = app.overlays.last() else {
                panic!(
                    "{}: no context view for {:?}: {:?}",
                    e.id, q.text, app.message
                )
            };
            assert_eq!(c.quote, Some((ei, qi)));
            let archive = sample.archives[c.source].as_ref().unwrap();
            let at =
                c.at.clone()
                    .expect("every quote of the sample is in its archive");
            let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            // The highlighted passage holds the quote's words (paraphrases included: the
            // sample's reported speech keeps the report's wording).
            assert_eq!(words(&archive.text[at]), words(&q.text), "{}", e.id);
            update(&mut app, Action::Back);
            update(&mut app, Action::Down);
        }
        update(&mut app, Action::Back);
    }
}

#[test]
fn when_only_the_archive_changes_the_verdicts_follow() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    let log = dir.path().join("talks.yaml");
    let archive = dir.path().join("sources/wire.txt");
    std::fs::write(&log, LOG).unwrap();
    std::fs::write(&archive, ARCHIVE).unwrap();
    let source = LogSource {
        args: vec![log.clone()],
        limits: Limits::default(),
    };
    let loaded = load::load_path(&log, &Limits::default()).unwrap();
    let mut app = browser::with(loaded, 80, 24);
    assert!(
        source
            .watched(&app.log)
            .contains(&dir.path().join("sources/wire.txt"))
    );
    let verdict = |app: &App| app.log.events[0].quotes[1].verification.as_str();
    assert_eq!(verdict(&app), "not-found");
    update(&mut app, Action::Open);
    update(&mut app, Action::Down);
    update(&mut app, Action::Show(Opener::Context));

    // The archive is corrected (the copy was wrong); the log is not touched.
    std::fs::write(
        &archive,
        ARCHIVE.replace("will not interfere", "will never interfere"),
    )
    .unwrap();
    update(&mut app, Msg::Reloaded(Box::new(source.read())));
    // Checked in the background: "checking" until the check's verdicts come back.
    assert_eq!(verdict(&app), "checking");
    settle(&mut app);
    assert_eq!(verdict(&app), "verified");
    let Some(Overlay::Context(c)) = app.overlays.last() else {
        panic!("the context view stays open")
    };
    assert!(matches!(
        app.log.events[0].quotes[1].verification,
        Verification::Verified { .. }
    ));
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("✓ found as printed"), "{shown}");
    assert_eq!(
        &app.log.archives[0].as_ref().unwrap().text[c.at.clone().unwrap()],
        "Israel will never interfere in the talks"
    );
}

#[test]
fn the_watcher_sees_a_change_to_an_archive() {
    use std::sync::mpsc;
    use std::time::Duration;
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    let log = dir.path().join("talks.yaml");
    let archive = dir.path().join("sources/wire.txt");
    std::fs::write(&log, LOG).unwrap();
    std::fs::write(&archive, ARCHIVE).unwrap();
    let source = LogSource {
        args: vec![log.clone()],
        limits: Limits::default(),
    };
    let loaded = load::load_path(&log, &Limits::default()).unwrap();
    let (tx, rx) = mpsc::channel();
    let _w = dateline::watch::FileWatcher::new(&source.watched(&loaded.log), move |news| {
        if matches!(news, dateline::watch::WatchNews::Changed) {
            let _ = tx.send(());
        }
    })
    .unwrap();
    std::fs::write(&archive, "changed").unwrap();
    // The timeout only bounds a failing test.
    assert!(rx.recv_timeout(Duration::from_secs(10)).is_ok());
}

#[test]
fn the_quotes_browser_flags_a_quote_not_found_and_c_opens_it_in_context() {
    let mut app = app(100, 40);
    update(&mut app, Action::Show(Opener::QuoteList));
    assert_eq!(app.mode(), Mode::QuoteList);
    let shown = screen(&app, 100, 40);
    assert!(
        shown.contains(
            "NOT FOUND in the archived source (log: will never interfere / archive: will not interfere)"
        ),
        "{shown}"
    );
    update(&mut app, Action::Show(Opener::Context));
    assert_eq!(app.mode(), Mode::Context);
    update(&mut app, Action::Back);
    assert_eq!(app.mode(), Mode::QuoteList);
}

#[test]
fn a_reload_with_a_quote_not_found_counts_it_as_not_found_never_as_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    let log = dir.path().join("talks.yaml");
    std::fs::write(&log, LOG).unwrap();
    std::fs::write(dir.path().join("sources/wire.txt"), ARCHIVE).unwrap();
    let source = LogSource {
        args: vec![log.clone()],
        limits: Limits::default(),
    };
    let loaded = load::load_path(&log, &Limits::default()).unwrap();
    assert!(
        loaded.warnings.iter().all(|d| d.is_error()),
        "the log has no warning, only the quote not found"
    );
    let mut app = browser::with(loaded, 80, 24);
    update(&mut app, Msg::Reloaded(Box::new(source.read())));
    settle(&mut app);
    let said = app.message.clone().unwrap_or_default();
    assert!(said.contains("1 quote is NOT FOUND"), "{said}");
    assert!(!said.contains("warning"), "{said}");
    assert!(said.starts_with("reloaded: 1 event ·"), "{said}");
}

/// The log and its archive on disk, the log read as the browser reads it: its quotes left to
/// the check in the background.
fn unchecked() -> (tempfile::TempDir, LogSource, App) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    let log = dir.path().join("talks.yaml");
    std::fs::write(&log, LOG).unwrap();
    std::fs::write(dir.path().join("sources/wire.txt"), ARCHIVE).unwrap();
    let source = LogSource {
        args: vec![log.clone()],
        limits: Limits::default(),
    };
    let loaded = load::load_paths_unchecked(&[log], &Limits::default()).unwrap();
    (dir, source, browser::with(loaded, 100, 40))
}

#[test]
fn the_browser_shows_the_log_at_once_and_the_verdicts_when_the_check_ends() {
    let (_dir, _source, mut app) = unchecked();
    update(&mut app, Action::Show(Opener::QuoteList));
    let shown = screen(&app, 100, 40);
    assert!(
        shown.contains("Checking against the archived source…"),
        "{shown}"
    );
    assert!(!shown.contains("NOT FOUND"), "{shown}");
    assert!(
        app.effects
            .iter()
            .any(|e| matches!(e, Effect::CheckQuotes { .. })),
        "the check is asked of the runtime, not done in update"
    );
    settle(&mut app);
    let shown = screen(&app, 100, 40);
    assert!(!shown.contains("Checking"), "{shown}");
    assert!(
        shown.contains(
            "NOT FOUND in the archived source (log: will never interfere / archive: will not interfere)"
        ),
        "{shown}"
    );
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("1 quote is NOT FOUND")),
        "{:?}",
        app.message
    );
}

#[test]
fn a_check_of_a_log_reloaded_since_is_dropped() {
    let (dir, source, mut app) = unchecked();
    let stale = app
        .effects
        .drain(..)
        .find_map(|e| match e {
            Effect::CheckQuotes { generation, log } => Some((generation, log)),
            _ => None,
        })
        .expect("a check was asked for");
    // The archive is corrected and the log read again while the first check runs.
    std::fs::write(
        dir.path().join("sources/wire.txt"),
        ARCHIVE.replace("will not interfere", "will never interfere"),
    )
    .unwrap();
    update(&mut app, Msg::Reloaded(Box::new(source.read())));
    // The first check ends now, with its verdict on the old archive: dropped.
    let (generation, log) = stale;
    let verdicts = dateline::archive::verdicts(&log);
    assert!(
        verdicts
            .iter()
            .any(|(_, _, v)| matches!(v, Verification::NotFound(_)))
    );
    update(
        &mut app,
        Msg::Checked {
            generation,
            verdicts,
        },
    );
    let verdict = |app: &App| app.log.events[0].quotes[1].verification.as_str();
    assert_eq!(verdict(&app), "checking");
    settle(&mut app);
    assert_eq!(verdict(&app), "verified");
}

#[test]
fn quotes_still_to_check_do_not_count_as_changed_since_the_last_look() {
    let (dir, _source, mut app) = unchecked();
    let seen_file = dir.path().join("talks.seen");
    // The last look was taken with the verdicts in.
    let checked = load::load_paths(&[dir.path().join("talks.yaml")], &Limits::default()).unwrap();
    let mut before =
        browser::with(checked, 100, 40).with_seen(dateline::seen::Seen::load_from(&seen_file));
    before.seen.save(&before.log, 1_764_873_600).unwrap();
    // Opened again as the browser opens it: the quotes not checked yet, then checked.
    app = app.with_seen(dateline::seen::Seen::load_from(&seen_file));
    settle(&mut app);
    assert!(app.unseen.is_empty(), "{:?}", app.unseen);
    let shown = screen(&app, 100, 40);
    assert!(shown.contains("NOT FOUND"), "{shown}");
    assert!(!shown.contains("changed since you last looked"), "{shown}");
}

#[test]
fn a_check_that_fails_in_the_background_is_said_in_the_status_line() {
    let (_dir, _source, mut app) = unchecked();
    update(&mut app, Msg::Failed("checking the quotes"));
    let shown = screen(&app, 100, 40);
    assert!(
        shown.contains("checking the quotes failed: an error in dateline"),
        "{shown}"
    );
}

#[test]
fn the_verdicts_arriving_leave_what_changed_since_the_last_look_on_the_status_line() {
    // A log with a warning (an actor in no event): the status line opens on it, not on
    // "checking…".
    let warned = LOG.replace(
        "sources:\n",
        "actors:\n  - {id: idle, name: Idle Person, party: hamas}\nsources:\n",
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    let log = dir.path().join("talks.yaml");
    std::fs::write(&log, &warned).unwrap();
    std::fs::write(dir.path().join("sources/wire.txt"), ARCHIVE).unwrap();
    let seen_file = dir.path().join("talks.seen");
    // The last look was at the log before its title was edited.
    let earlier = warned.replace("Statements on the talks", "Statements on the truce");
    let before = load::load_str_with(
        "talks.yaml",
        &earlier,
        Archives::Given(&[("sources/wire.txt", ARCHIVE)]),
    )
    .unwrap();
    dateline::seen::Seen::load_from(&seen_file)
        .save(&before.log, 1_764_873_600)
        .unwrap();
    let loaded = load::load_paths_unchecked(&[log], &Limits::default()).unwrap();
    let mut app =
        browser::with(loaded, 100, 40).with_seen(dateline::seen::Seen::load_from(&seen_file));
    settle(&mut app);
    let said = app.message.clone().unwrap_or_default();
    assert!(said.contains("1 changed since you last looked"), "{said}");
    assert!(said.contains("1 warning in the log"), "{said}");
    assert!(said.contains("NOT FOUND"), "{said}");
}
