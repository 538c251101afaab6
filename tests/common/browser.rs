//! The browser without a terminal: open a log at a size, move the selection, read the
//! screen as text.

use dateline::filter::Query;
use dateline::load::load_str;
use dateline::model::EventIx;
use dateline::tui::{Action, App, ColorMode, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The browser on `yaml` (read as the file `name`), without colour, at `width`×`height`.
pub fn open(name: &str, yaml: &str, width: u16, height: u16) -> App {
    let loaded = load_str(name, yaml).expect("the log loads");
    let mut app = App::new(loaded, Query::default(), ColorMode::None);
    update(&mut app, Action::Resize { width, height });
    app
}

/// The browser on the bundled sample log.
pub fn sample(width: u16, height: u16) -> App {
    open(dateline::SAMPLE_NAME, dateline::SAMPLE, width, height)
}

/// What a `width`×`height` terminal shows.
pub fn screen(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| view(app, f)).unwrap();
    t.backend().to_string()
}

/// What the terminal shows at the size the browser last heard of.
pub fn screen_now(app: &App) -> String {
    screen(app, app.width, app.height)
}

/// Selects event `ix` the way a reader would: from the top, moving down.
pub fn select(app: &mut App, ix: EventIx) {
    update(app, Action::Top);
    while app.selected != Some(ix) {
        let before = app.selected;
        update(app, Action::Down);
        assert_ne!(before, app.selected, "event {ix} not reachable");
    }
}

/// Selects the event with this id, from the top, moving down.
pub fn select_id(app: &mut App, id: &str) {
    update(app, Action::Top);
    while app.selected.map(|s| app.log.events[s].id.as_str()) != Some(id) {
        let before = app.selected;
        update(app, Action::Down);
        assert_ne!(before, app.selected, "{id} not reachable");
    }
}
