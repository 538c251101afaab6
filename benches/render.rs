//! Drawing the browser: one frame of the timeline with the detail pane beside it, one
//! frame of the quote view, at 200x60 into ratatui's TestBackend; moving the selection by a
//! page; a party filter toggled from the keyboard; a word typed into the search prompt.
//! Targets: a frame under 2 ms, flat from 1k to 100k events; a party toggled
//! under 2 ms and a search key under 10 ms at 100k (docs/PERFORMANCE.md).

mod support;

use criterion::measurement::Measurement;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use dateline::filter::Query;
use dateline::tui::app::rows::Rows;
use dateline::tui::overlays::Opener;
use dateline::tui::{Action, App, ColorMode, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

/// An app on a log of `events` events, sized to the bench terminal, the selection in the
/// middle of the timeline so that rows above and below are drawn.
fn app(events: usize) -> App {
    let mut app = App::new(
        support::loaded(events),
        Query::default(),
        ColorMode::TrueColor,
    );
    update(
        &mut app,
        Action::Resize {
            width: WIDTH,
            height: HEIGHT,
        },
    );
    for _ in 0..(events / 2 / 50).min(2000) {
        update(&mut app, Action::PageDown);
    }
    app
}

fn render(c: &mut Criterion<support::Clock>) {
    let mut group = c.benchmark_group("render");
    for events in support::sizes() {
        let id = support::label(events);
        let mut app = app(events);
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test backend");

        // A frame as the event loop draws it: `view` into the cleared back buffer, then the
        // diff against the front one (empty here, as the screen does not change).
        group.bench_function(BenchmarkId::new("timeline_and_detail_frame", &id), |b| {
            b.iter(|| {
                terminal.draw(|f| view(&app, f)).expect("draws");
            })
        });

        update(&mut app, Action::Open);
        group.bench_function(BenchmarkId::new("quotes_frame", &id), |b| {
            b.iter(|| {
                terminal.draw(|f| view(&app, f)).expect("draws");
            })
        });
        update(&mut app, Action::Back);

        // One page down and one back up, so the selection stays put between samples.
        group.bench_function(BenchmarkId::new("page_down_and_up", &id), |b| {
            b.iter(|| {
                update(&mut app, Action::PageDown);
                update(&mut app, Action::PageUp);
            })
        });
        // `:` to an instant no event starts at, a second before the last event, and Enter;
        // then back to the first event's day. The first jump looks at every event before the
        // one it lands on for one still going on then (the most a jump ever looks at).
        let last = &app.log.events[app.log.events.len() - 1].date;
        let last_day = (last.start() - chrono::Duration::seconds(1))
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string();
        let first_day = app.log.events[0]
            .date
            .start()
            .format("%Y-%m-%d")
            .to_string();
        group.bench_function(BenchmarkId::new("jump_to_a_date_and_back", &id), |b| {
            b.iter(|| {
                for d in [&last_day, &first_day] {
                    update(&mut app, Action::Show(Opener::Jump));
                    for c in d.chars() {
                        update(&mut app, Action::Input(c));
                    }
                    update(&mut app, Action::Open);
                }
            })
        });
        // A filter key in the browser: the party filter on and off again (filter, rows,
        // selection kept), without frames.
        group.bench_function(BenchmarkId::new("toggle_party_on_and_off", &id), |b| {
            b.iter(|| {
                update(&mut app, Action::ToggleParty(0));
                update(&mut app, Action::ToggleParty(0));
            })
        });
        // Each key on its own: the party filter put on (a quarter of the log stays), then
        // taken off (the whole log comes back). Only the timed key is counted. Then the
        // same with the activity overview shown.
        for (name, timed_on, overview) in [
            ("toggle_party_on", true, false),
            ("toggle_party_off", false, false),
            ("toggle_party_on_with_overview", true, true),
            ("toggle_party_off_with_overview", false, true),
        ] {
            if overview {
                update(&mut app, Action::ToggleOverview);
            }
            group.bench_function(BenchmarkId::new(name, &id), |b| {
                b.iter_custom(|iters| {
                    let clock = support::Clock::from_env();
                    let mut total = std::time::Duration::ZERO;
                    for _ in 0..iters {
                        for on in [true, false] {
                            let started = clock.start();
                            update(&mut app, Action::ToggleParty(0));
                            if on == timed_on {
                                total += clock.end(started);
                            }
                        }
                    }
                    total
                })
            });
            if overview {
                update(&mut app, Action::ToggleOverview);
            }
        }
        // The same two keys with the activity overview shown (`v`), which counts every
        // visible event into its bars on each filter change.
        update(&mut app, Action::ToggleOverview);
        group.bench_function(
            BenchmarkId::new("toggle_party_on_and_off_with_overview", &id),
            |b| {
                b.iter(|| {
                    update(&mut app, Action::ToggleParty(0));
                    update(&mut app, Action::ToggleParty(0));
                })
            },
        );
        update(&mut app, Action::ToggleOverview);
        // What a filter key spends outside the filter: the timeline's rows (headers, gaps)
        // for every event, as when a filter is taken off, from the calendar of the log.
        let all: Vec<usize> = (0..app.log.events.len()).collect();
        let mut rows = Rows::for_log(&app.log);
        group.bench_function(BenchmarkId::new("timeline_rows_of_all", &id), |b| {
            b.iter(|| rows.rebuild(std::hint::black_box(&all)))
        });
        // Once per log (opening, reloading): every event's reading-zone day and header.
        group.bench_function(BenchmarkId::new("calendar_of_log", &id), |b| {
            b.iter(|| Rows::for_log(&app.log))
        });
        // Search as you type: one key of a word typed into the search prompt (the prompt
        // finds the hits and moves to the first), averaged over the word's keys; the
        // prompt is opened and closed between words, untimed.
        for (name, word) in [
            ("search_key_common", "ceasefire"),
            ("search_key_rare", "nicosia"),
        ] {
            group.bench_function(BenchmarkId::new(name, &id), |b| {
                b.iter_custom(|iters| {
                    let clock = support::Clock::from_env();
                    let mut total = std::time::Duration::ZERO;
                    let mut keys = word.chars().cycle().enumerate();
                    for _ in 0..iters {
                        let (n, c) = keys.next().expect("endless");
                        if n % word.len() == 0 {
                            update(&mut app, Action::Back);
                            update(&mut app, Action::Show(Opener::Search));
                        }
                        let started = clock.start();
                        update(&mut app, Action::Input(c));
                        total += clock.end(started);
                    }
                    update(&mut app, Action::Back);
                    total
                })
            });
        }
        group.bench_function(BenchmarkId::new("page_down_and_up_with_frames", &id), |b| {
            b.iter(|| {
                update(&mut app, Action::PageDown);
                terminal.draw(|f| view(&app, f)).expect("draws");
                update(&mut app, Action::PageUp);
                terminal.draw(|f| view(&app, f)).expect("draws");
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = support::config();
    targets = render
}
criterion_main!(benches);
