//! The quote-in-context view (`C`) on a large archive: one key and the frame after it, at
//! 200x60, on archives of 2 MB and 20 MB (prose in paragraphs of a few hundred bytes, the
//! quote in the middle); and opening the view, which finds the archive's paragraphs once.
//! Target: a key and its frame under 2 ms whatever the archive's size (docs/PERFORMANCE.md).

mod support;

use criterion::{BenchmarkId, criterion_group, criterion_main};
use dateline::archive::Archives;
use dateline::filter::Query;
use dateline::load::load_str_with;
use dateline::tui::overlays::Opener;
use dateline::tui::{Action, App, ColorMode, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::fmt::Write;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;
const QUOTE: &str = "We are determined to secure an agreement in a way that fulfils the demands";

/// `bytes` of prose in paragraphs, the quote's sentence halfway.
fn archive(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 1_000);
    let mut n: u64 = 1;
    while s.len() < bytes {
        if s.len() >= bytes / 2 && !s.contains(QUOTE) {
            let _ = write!(s, "The delegation said: {QUOTE}.\n\n");
        }
        for sentence in 0..4 {
            for word in 0..12 {
                n = n
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let _ = write!(s, "w{}", (n >> 40) % 9_000);
                s.push(if word == 11 { '.' } else { ' ' });
            }
            s.push(if sentence == 1 { '\n' } else { ' ' });
        }
        s.push_str("\n\n");
    }
    s
}

fn log() -> String {
    format!(
        "dateline: 1\nparties:\n  - {{id: a, name: A}}\nsources:\n  - id: wire\n    outlet: Wire\n    archive: sources/wire.txt\nevents:\n  - id: talks\n    date: 2024-05-03\n    kind: statement\n    title: Talks\n    sources: [wire]\n    quotes:\n      - text: \"{QUOTE}\"\n        attribution: the delegation\n        party: a\n"
    )
}

/// The browser on the log, the context view open on its quote.
fn app(text: &str) -> App {
    let loaded = load_str_with(
        "talks.yaml",
        &log(),
        Archives::Given(&[("sources/wire.txt", text)]),
    )
    .expect("the bench log loads");
    let mut app = App::new(loaded, Query::default(), ColorMode::TrueColor);
    update(
        &mut app,
        Action::Resize {
            width: WIDTH,
            height: HEIGHT,
        },
    );
    update(&mut app, Action::Open);
    app
}

fn context(c: &mut criterion::Criterion<support::Clock>) {
    let mut group = c.benchmark_group("context");
    // Also the same prose as one paragraph (no blank line anywhere): laid out in pieces.
    for (mb, one) in [(2, false), (20, false), (2, true), (20, true)] {
        let mut text = archive(mb * 1_000_000);
        if one {
            text = text.replace("\n\n", " ").replace('\n', " ");
        }
        let id = if one {
            format!("{mb}MB-one-paragraph")
        } else {
            format!("{mb}MB")
        };
        let mut app = app(&text);
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test backend");

        group.bench_function(BenchmarkId::new("open", &id), |b| {
            b.iter(|| {
                update(&mut app, Action::Show(Opener::Context));
                update(&mut app, Action::Back);
            })
        });

        update(&mut app, Action::Show(Opener::Context));
        // A page down and its frame, then a page up and its frame: the view stays put
        // between samples. Two keys, two frames.
        group.bench_function(BenchmarkId::new("page_key_and_frame_twice", &id), |b| {
            b.iter(|| {
                update(&mut app, Action::PageDown);
                terminal.draw(|f| view(&app, f)).expect("draws");
                update(&mut app, Action::PageUp);
                terminal.draw(|f| view(&app, f)).expect("draws");
            })
        });
        // End and Home: the farthest keys, each laying out a page from its end.
        group.bench_function(BenchmarkId::new("end_and_home_with_frames", &id), |b| {
            b.iter(|| {
                update(&mut app, Action::Bottom);
                terminal.draw(|f| view(&app, f)).expect("draws");
                update(&mut app, Action::Top);
                terminal.draw(|f| view(&app, f)).expect("draws");
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = support::config();
    targets = context
}
criterion_main!(benches);
