//! Paging from one end of the timeline (or the lanes) to the other draws every event, at
//! any size: day headers and gap lines take rows, and no key may scroll past an event
//! that was never on screen.

use crate::trade;
use dateline::filter::Query;
use dateline::model::EventIx;
use dateline::tui::app::rows::Row;
use dateline::tui::layout::areas;
use dateline::tui::{Action, App, ColorMode, update};
use proptest::prelude::*;
use std::collections::BTreeSet;

/// The events in the rows the timeline (or the lanes, under their names) draws now.
fn drawn(app: &App) -> Vec<EventIx> {
    let a = areas(app);
    let h = (a.timeline.height as usize).saturating_sub(usize::from(app.lanes.on));
    let end = (app.scroll + h).min(app.rows.len());
    app.rows.rows[app.scroll.min(end)..end]
        .iter()
        .filter_map(|r| match r {
            Row::Event { ix, .. } => Some(*ix as usize),
            _ => None,
        })
        .collect()
}

/// Presses `key` from the `start` end until the selection stops moving, and returns every
/// event drawn on the way.
fn page_through(app: &mut App, start: Action, key: Action) -> BTreeSet<EventIx> {
    update(app, start);
    let mut seen: BTreeSet<EventIx> = drawn(app).into_iter().collect();
    for _ in 0..=app.rows.len() {
        let before = (app.selected, app.scroll);
        update(app, key);
        seen.extend(drawn(app));
        if (app.selected, app.scroll) == before {
            break;
        }
    }
    seen
}

fn open(loaded: dateline::load::Loaded, w: u16, h: u16, lanes: bool) -> App {
    let mut app = App::new(loaded, Query::default(), ColorMode::None);
    update(
        &mut app,
        Action::Resize {
            width: w,
            height: h,
        },
    );
    if lanes {
        update(&mut app, Action::ToggleLanes);
    }
    app
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn paging_shows_every_event(
        w in 20u16..260,
        h in 5u16..80,
        lanes in any::<bool>(),
        sample in any::<bool>(),
        half in any::<bool>(),
    ) {
        let loaded = if sample {
            dateline::load_sample().unwrap()
        } else {
            trade::load()
        };
        let mut app = open(loaded, w, h, lanes);
        prop_assume!(areas(&app).timeline.height > u16::from(lanes));
        let all: BTreeSet<EventIx> = app.visible.iter().copied().collect();
        let (down, up) = if half {
            (Action::HalfPageDown, Action::HalfPageUp)
        } else {
            (Action::PageDown, Action::PageUp)
        };
        let seen = page_through(&mut app, Action::Top, down);
        prop_assert_eq!(&seen, &all, "down at {}x{}", w, h);
        prop_assert_eq!(app.selected, app.visible.last().copied());
        let seen = page_through(&mut app, Action::Bottom, up);
        prop_assert_eq!(&seen, &all, "up at {}x{}", w, h);
        prop_assert_eq!(app.selected, app.visible.first().copied());
    }
}
