//! The browser on the trade-talks log (three files, eight clocks, the repeated hour, a
//! month and a year last), at 80×24 and 200×50: what a reader tripped over in it.

use crate::common::browser::{self, press, screen_now};
use crate::common::trade;
use dateline::model::EventIx;
use dateline::tui::app::Overlay;
use dateline::tui::app::rows::Row;
use dateline::tui::layout::areas;
use dateline::tui::overlays::Opener;
use dateline::tui::{Action, App, update};
use std::collections::BTreeSet;

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 50)];

fn open(w: u16, h: u16) -> App {
    browser::with(trade::load(), w, h)
}

/// The events in the rows the timeline (or the lanes) draws now.
fn drawn(app: &App) -> Vec<EventIx> {
    let h = (areas(app).timeline.height as usize).saturating_sub(usize::from(app.lanes.on));
    let end = (app.scroll + h).min(app.rows.len());
    app.rows.rows[app.scroll..end]
        .iter()
        .filter_map(|r| match r {
            Row::Event { ix, .. } => Some(*ix as usize),
            _ => None,
        })
        .collect()
}

/// The trade log copied to a new folder (its archive too), each file's text through
/// `edit(file name, text)`: the folder, the files, and their names and texts.
fn copied(
    edit: impl Fn(&str, String) -> String,
) -> (
    tempfile::TempDir,
    Vec<std::path::PathBuf>,
    Vec<(String, String)>,
) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    std::fs::copy(
        trade::dir().join("sources/joint-statement.txt"),
        dir.path().join("sources/joint-statement.txt"),
    )
    .unwrap();
    let mut files = Vec::new();
    let mut texts = Vec::new();
    for f in trade::files() {
        let name = f.file_name().unwrap().to_str().unwrap().to_owned();
        let text = edit(&name, std::fs::read_to_string(&f).unwrap());
        let to = dir.path().join(&name);
        std::fs::write(&to, &text).unwrap();
        texts.push((to.display().to_string(), text));
        files.push(to);
    }
    (dir, files, texts)
}

fn id(app: &App, ix: EventIx) -> String {
    app.log.events[ix].id.clone()
}

#[test]
fn page_down_and_up_draw_every_event_in_the_timeline_and_the_lanes() {
    for lanes in [false, true] {
        for (w, h) in SIZES {
            for (down, up) in [
                (Action::PageDown, Action::PageUp),
                (Action::HalfPageDown, Action::HalfPageUp),
            ] {
                let mut app = open(w, h);
                if lanes {
                    update(&mut app, Action::ToggleLanes);
                }
                let mut seen: BTreeSet<EventIx> = drawn(&app).into_iter().collect();
                while app.selected != app.visible.last().copied() {
                    update(&mut app, down);
                    seen.extend(drawn(&app));
                }
                let missed: Vec<String> = app
                    .visible
                    .iter()
                    .filter(|ix| !seen.contains(ix))
                    .map(|&ix| id(&app, ix))
                    .collect();
                assert!(
                    missed.is_empty(),
                    "{down:?} at {w}x{h}, lanes {lanes}: never drawn {missed:?}"
                );
                let mut seen: BTreeSet<EventIx> = drawn(&app).into_iter().collect();
                while app.selected != app.visible.first().copied() {
                    update(&mut app, up);
                    seen.extend(drawn(&app));
                }
                assert_eq!(
                    seen.len(),
                    app.visible.len(),
                    "{up:?} at {w}x{h}, lanes {lanes}"
                );
            }
        }
    }
}

/// A page down selects the first event the screen did not show, on screen.
#[test]
fn a_page_down_selects_the_first_event_that_was_hidden_below() {
    for (w, h) in SIZES {
        let mut app = open(w, h);
        let shown = drawn(&app);
        let first_hidden = app.visible[shown.len()];
        update(&mut app, Action::PageDown);
        assert_eq!(app.selected, Some(first_hidden), "{w}x{h}");
        let title = &app.log.events[first_hidden].title;
        assert!(screen_now(&app).contains(title.as_str()), "{w}x{h}");
        update(&mut app, Action::PageUp);
        assert_eq!(app.selected, app.visible.first().copied(), "{w}x{h}");
    }
}

/// The quotes browser pages a whole quote at a time: every quote starts on some screen.
#[test]
fn paging_the_quotes_browser_shows_every_quote() {
    for (w, h) in [(80, 24), (50, 14), (200, 50)] {
        let mut app = browser::sample(w, h);
        update(&mut app, Action::Show(Opener::QuoteList));
        let Some(Overlay::QuoteList(l)) = app.overlays.last() else {
            panic!()
        };
        let quotes: Vec<String> = l
            .entries
            .iter()
            .map(|at| app.log.events[at.event].quotes[at.quote].text.clone())
            .collect();
        let last = quotes.len() - 1;
        let mut screens = vec![screen_now(&app)];
        let cursor = |app: &App| match app.overlays.last() {
            Some(Overlay::QuoteList(l)) => l.cursor,
            _ => panic!(),
        };
        for _ in 0..quotes.len() {
            update(&mut app, Action::PageDown);
            screens.push(screen_now(&app));
            if cursor(&app) == last {
                break;
            }
        }
        let flat: String = screens
            .iter()
            .flat_map(|s| s.lines())
            .map(|l| l.trim_matches('"').trim())
            .collect::<Vec<_>>()
            .join(" ");
        for q in &quotes {
            let start: String = q.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
            assert!(flat.contains(&start), "{w}x{h}: never shown: {q}");
        }
    }
}

/// The thread says in words which event it was opened on: a `●` there was read as the
/// timeline's mark.
#[test]
fn the_thread_names_the_event_it_was_opened_on_in_words() {
    for (w, h) in SIZES {
        let mut app = open(w, h);
        browser::select_id(&mut app, "reciprocal-tariffs");
        press(&mut app, "T");
        let s = screen_now(&app);
        assert!(s.contains("(the thread opened here)"), "{s}");
        assert!(!s.contains('●'), "{s}");
    }
}

#[test]
fn esc_leaves_the_lanes() {
    for (w, h) in SIZES {
        let mut app = open(w, h);
        // The screen but its status line, which says what the key did.
        let body = |app: &App| {
            let s = screen_now(app);
            s.lines()
                .take(h as usize - 1)
                .collect::<Vec<_>>()
                .join("\n")
        };
        let list = body(&app);
        press(&mut app, "L");
        assert_ne!(body(&app), list);
        press(&mut app, "\x1b");
        assert_eq!(body(&app), list, "{w}x{h}");
    }
}

/// The help's example dates are the open log's, as the `:` prompt's are.
#[test]
fn the_help_gives_dates_of_the_open_log() {
    let mut app = open(200, 50);
    press(&mut app, "?");
    let text: String = dateline::tui::overlays::help::lines(&app, 200)
        .iter()
        .map(|l| l.to_string() + "\n")
        .collect();
    assert!(
        text.contains("jump to a date: 2026, 2026-04 or today"),
        "{text}"
    );
    assert!(!text.contains("2024"), "{text}");
}

/// Counts agree with their nouns: "1 event", not "1 events".
#[test]
fn one_event_is_one_event() {
    for (w, h) in SIZES {
        let mut app = open(w, h);
        let s = screen_now(&app);
        assert!(
            s.contains("1 warning in the log: run `dateline check` to read it "),
            "{s}"
        );
        press(&mut app, "r2025-12\n");
        let s = screen_now(&app);
        assert!(s.contains("1 event in the date range"), "{s}");
        press(&mut app, "r\n/soybean\n");
        let s = screen_now(&app);
        assert!(s.contains("search kept as a filter: 1 event ·"), "{s}");
        assert!(!s.contains("1 events"), "{s}");
    }
}

/// A version of the log on disk with two errors that keep it from opening and a quote not
/// found in its archive: the status bar says which is which.
#[test]
fn the_status_bar_tells_blocking_errors_from_quotes_not_found() {
    use dateline::load::{Limits, load_paths};
    use dateline::tui::Msg;
    use dateline::tui::input::msg::Reload;
    let (_dir, files, sources) = copied(|name, text| {
        if name == "2-spring.yaml" {
            text.replacen("actors: [bessent]", "actors: [besent]", 2)
                .replace(
                    "for an initial period of 90 days",
                    "for a period of 90 days",
                )
        } else {
            text
        }
    });
    let result = load_paths(&files, &Limits::default());
    assert_eq!(result.as_ref().unwrap_err().error_count(), 3);
    for (w, h) in SIZES {
        let mut app = open(w, h);
        update(
            &mut app,
            Msg::Reloaded(Box::new(Reload {
                result: result.clone(),
                sources: sources.clone(),
                digests: Vec::new(),
                opened: None,
            })),
        );
        let s = screen_now(&app);
        let status = s.lines().last().unwrap();
        let notice = "file has 2 errors that keep it from opening and 1 quote not found in its archive — press E to read them";
        assert!(
            status.contains(&notice[..(w as usize - 10).min(notice.len())]),
            "{status}"
        );
        // E says the same.
        press(&mut app, "E");
        if w >= 200 {
            let s = screen_now(&app);
            assert!(s.contains("does not open (2 errors that keep it from opening and 1 quote not found in its archive)"), "{s}");
        }
    }
}

/// A key with Ctrl held, through the key table of the mode the browser is in.
fn ctrl(app: &mut App, c: char) {
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let event = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    if let Some(a) = dateline::tui::input::keymap::action_for(&event, app.mode()) {
        update(app, a);
    }
}

/// From the search prompt, Ctrl-n/Ctrl-p (n and N type letters there) and ↓/↑ step
/// through the matches as n/N do after Enter, without filtering; Enter still keeps the
/// search as a filter.
#[test]
fn the_search_prompt_steps_through_matches_without_filtering() {
    for (w, h) in SIZES {
        let mut app = open(w, h);
        press(&mut app, "/washington");
        let hits: Vec<EventIx> = app.search_prompt().unwrap().hits.clone();
        assert!(hits.len() > 3);
        assert_eq!(app.selected, Some(hits[0]));
        let status = |app: &App| screen_now(app).lines().last().unwrap().to_owned();
        assert!(
            status(&app).contains(&format!("match 1 of {}", hits.len())),
            "{}",
            status(&app)
        );
        ctrl(&mut app, 'n');
        ctrl(&mut app, 'n');
        assert_eq!(app.selected, Some(hits[2]), "{w}x{h}");
        assert!(
            status(&app).contains(&format!("match 3 of {}", hits.len())),
            "{}",
            status(&app)
        );
        ctrl(&mut app, 'p');
        assert_eq!(app.selected, Some(hits[1]));
        update(&mut app, Action::NextMatch);
        assert_eq!(app.selected, Some(hits[2]));
        // Nothing was filtered out on the way.
        assert_eq!(app.visible.len(), app.log.events.len());
        assert!(screen_now(&app).contains(&format!(
            "showing {} of {}",
            app.visible.len(),
            app.visible.len()
        )));
        press(&mut app, "\n");
        assert_eq!(app.visible, hits);
        assert_eq!(app.selected, Some(hits[2]));
    }
}

/// In the quotes browser `/` selects quotes by their words: "120" is said in two
/// quotes, not in the joint statement's other three.
#[test]
fn search_in_the_quotes_browser_matches_the_quotes_words() {
    for (w, h) in SIZES {
        let mut app = open(w, h);
        press(&mut app, "Q/120\n");
        let Some(Overlay::QuoteList(l)) = app.overlays.last() else {
            panic!("{:?}", app.mode())
        };
        let words: Vec<&str> = l
            .entries
            .iter()
            .map(|at| app.log.events[at.event].quotes[at.quote].text.as_str())
            .collect();
        assert_eq!(words.len(), 2, "{words:?}");
        assert!(words.iter().all(|q| q.contains("120")), "{words:?}");
        let s = screen_now(&app);
        assert!(s.contains("2 quotes"), "{s}");
        assert!(!s.contains("initial period"), "{s}");
    }
}

/// `:` lands on the event known only by a period that holds the date and started last:
/// April 2026 for the 15th, though it is the log's last event and "2026" holds it too.
#[test]
fn a_jump_into_the_last_month_lands_on_the_month_not_the_year() {
    for (w, h) in SIZES {
        let mut app = open(w, h);
        let title = |app: &App| app.log.events[app.selected.unwrap()].title.clone();
        press(&mut app, ":2026-04-15\n");
        assert_eq!(title(&app), "The president due in Beijing", "{w}x{h}");
        assert!(screen_now(&app).contains("within April 2026"));
        press(&mut app, ":2026-02\n");
        assert_eq!(title(&app), "A year of implementation");
        press(&mut app, ":2027\n");
        assert_eq!(title(&app), "The president due in Beijing");
    }
}

/// The rows of the hour New York's clock shows twice (2 November 2025, 01:00-02:00)
/// say which of the two each time is in, in the row, in the timeline and in the lanes.
#[test]
fn rows_in_the_repeated_hour_carry_their_offset() {
    let rows = [
        ("01:30 -04:00", "A late-night readout"),
        ("01:45 -04:00", "A fact sheet on the Busan"),
        ("01:05 -05:00", "Beijing's answer"),
        ("01:10 -05:00", "Washington corrects"),
    ];
    for lanes in [false, true] {
        for (w, h) in SIZES {
            let mut app = open(w, h);
            if lanes {
                press(&mut app, "L");
            }
            // The four of them on screen, the last selected.
            press(&mut app, ":2025-11-02\njjj");
            let s = screen_now(&app);
            for (time, title) in rows {
                // Lanes cut titles to their lane: the first words are enough.
                let start: String = title.chars().take(10).collect();
                assert!(
                    s.lines().any(|l| l.contains(time) && l.contains(&start)),
                    "lanes {lanes}, {w}x{h}: no row with {time} {title}\n{s}"
                );
            }
            // A time outside that hour keeps its short form.
            assert!(!s.contains("06:00 -"), "{s}");
        }
    }
}

/// The colour each party's lane name is drawn in, on a 16-colour terminal.
fn lane_colours(app: &mut App) -> Vec<(String, ratatui::style::Color)> {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    if !app.lanes.on {
        press(app, "L");
    }
    let mut t = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
    t.draw(|f| dateline::tui::view(app, f)).unwrap();
    let buf = t.backend().buffer().clone();
    let y = areas(app).timeline.y;
    let row: Vec<(String, ratatui::style::Color)> = (0..app.width)
        .map(|x| {
            let c = &buf[(x, y)];
            (c.symbol().to_owned(), c.fg)
        })
        .collect();
    let text: String = row.iter().map(|(s, _)| s.as_str()).collect();
    app.log
        .parties
        .iter()
        .map(|p| {
            let at = text
                .find(&p.name)
                .unwrap_or_else(|| panic!("{} not in {text}", p.name));
            let col = text[..at].chars().count();
            (p.id.clone(), row[col].1)
        })
        .collect()
}

fn coloured(loaded: dateline::load::Loaded, w: u16, h: u16) -> App {
    let mut app = App::new(
        loaded,
        dateline::filter::Query::default(),
        dateline::tui::ColorMode::Basic16,
    );
    update(
        &mut app,
        Action::Resize {
            width: w,
            height: h,
        },
    );
    app
}

/// Assigned colours differ between the parties of a log, on 16 colours: six parties get
/// six hues, and a hue comes back (in its other shade) only for a seventh and an eighth.
#[test]
fn assigned_party_colours_are_distinct() {
    use ratatui::style::Color;
    let mut app = coloured(trade::load(), 240, 50);
    let colours = lane_colours(&mut app);
    let hue = |c: Color| match c {
        Color::Red | Color::LightRed => "red",
        Color::Green | Color::LightGreen => "green",
        Color::Yellow | Color::LightYellow => "yellow",
        Color::Blue | Color::LightBlue => "blue",
        Color::Magenta | Color::LightMagenta => "magenta",
        Color::Cyan | Color::LightCyan => "cyan",
        other => panic!("{other:?} for a party"),
    };
    let first_six: BTreeSet<&str> = colours[..6].iter().map(|(_, c)| hue(*c)).collect();
    assert_eq!(first_six.len(), 6, "{colours:?}");
    let all: BTreeSet<String> = colours.iter().map(|(_, c)| format!("{c:?}")).collect();
    assert_eq!(all.len(), 8, "{colours:?}");
    // Red and green only once blue, yellow, magenta and cyan are taken.
    let first_four: BTreeSet<&str> = colours[..4].iter().map(|(_, c)| hue(*c)).collect();
    assert!(
        !first_four.contains("red") && !first_four.contains("green"),
        "{colours:?}"
    );
}

/// A colour the log gives is kept as given, and no assigned colour takes its hue: with
/// the US blue and China red, Spain is not red and the UK not blue.
#[test]
fn assigned_colours_keep_clear_of_the_logs_own() {
    use ratatui::style::Color;
    let (_dir, files, _) = copied(|_, text| {
        text.replace(
            "{id: us, name: United States}",
            "{id: us, name: United States, color: blue}",
        )
        .replace(
            "{id: china, name: China}",
            "{id: china, name: China, color: \"#dd2222\"}",
        )
    });
    let loaded = dateline::load::load_paths(&files, &dateline::load::Limits::default()).unwrap();
    let mut app = coloured(loaded, 240, 50);
    let colours: std::collections::BTreeMap<String, Color> =
        lane_colours(&mut app).into_iter().collect();
    assert_eq!(colours["us"], Color::Blue);
    assert_eq!(colours["china"], Color::Red, "#dd2222 on 16 colours");
    for id in ["spain", "uk", "switzerland", "sweden"] {
        assert!(
            ![Color::Red, Color::LightRed, Color::Blue, Color::LightBlue].contains(&colours[id]),
            "{id}: {colours:?}"
        );
    }
}

/// The text `y` put on the clipboard last.
fn clipboard(app: &App) -> String {
    match app.effects.last() {
        Some(dateline::tui::update::share::Effect::Copy(text)) => text.clone(),
        other => panic!("no copy: {other:?}"),
    }
}

/// A quote found in its archive only once its apostrophe is folded is copied with the
/// note the quote view gives it, from the quote view and from the quotes browser.
#[test]
fn a_quote_found_only_once_folded_is_copied_with_its_note() {
    let note =
        "Found in the archived source once typography is folded (' in the archive, ’ in the log)";
    for (w, h) in SIZES {
        let mut app = open(w, h);
        press(&mut app, "/joint statement\n\n");
        // The quote view, on the fourth quote: the folded one.
        press(&mut app, "jjj");
        let s = screen_now(&app);
        assert!(s.contains("once typography is folded"), "{s}");
        press(&mut app, "y");
        let text = clipboard(&app);
        assert!(text.contains("It’s a shared understanding"), "{text}");
        assert!(text.contains(note), "{text}");
        if w >= 200 {
            assert!(screen_now(&app).contains("only once typography is folded, said in the copy"));
        }
        // A quote found as written carries no such note.
        press(&mut app, "k");
        press(&mut app, "y");
        assert!(!clipboard(&app).contains("folded"));
        press(&mut app, "\x1bcQ/shared understanding\ny");
        let text = clipboard(&app);
        assert!(text.contains(note), "{text}");
    }
}

/// From the search prompt over the quotes browser the arrows (Ctrl-n, Ctrl-p) step
/// through the quotes that hold the words, and the prompt counts quotes.
#[test]
fn the_prompt_over_the_quotes_browser_steps_through_quotes() {
    for (w, h) in SIZES {
        let mut app = open(w, h);
        press(&mut app, "Q/120");
        let status = |app: &App| screen_now(app).lines().last().unwrap().to_owned();
        assert!(status(&app).contains("quote 1 of 2"), "{}", status(&app));
        let under = |app: &App| match &app.overlays[app.overlays.len() - 2] {
            Overlay::QuoteList(l) => {
                let at = l.entries[l.cursor];
                app.log.events[at.event].quotes[at.quote].text.clone()
            }
            other => panic!("{other:?}"),
        };
        assert!(under(&app).contains("120 percent"), "{}", under(&app));
        ctrl(&mut app, 'n');
        assert!(under(&app).contains("120 things"), "{}", under(&app));
        assert!(status(&app).contains("quote 2 of 2"), "{}", status(&app));
        ctrl(&mut app, 'n');
        assert!(under(&app).contains("120 percent"), "round the end");
        ctrl(&mut app, 'p');
        press(&mut app, "\n");
        let Some(Overlay::QuoteList(l)) = app.overlays.last() else {
            panic!()
        };
        assert_eq!(l.entries.len(), 2);
        let at = l.entries[l.cursor];
        assert!(
            app.log.events[at.event].quotes[at.quote]
                .text
                .contains("120 things")
        );
    }
}
