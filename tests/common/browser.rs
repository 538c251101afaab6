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

/// The browser on the bundled sample log, with its archived sources, as `dateline` opens it.
pub fn sample(width: u16, height: u16) -> App {
    with(
        dateline::load_sample().expect("the sample loads"),
        width,
        height,
    )
}

/// The browser on a loaded log, without colour, at `width`×`height`.
pub fn with(loaded: dateline::load::Loaded, width: u16, height: u16) -> App {
    let mut app = App::new(loaded, Query::default(), ColorMode::None);
    update(&mut app, Action::Resize { width, height });
    app
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

/// Types `keys` as key presses, each through the key table of the mode the browser is in
/// at that moment: `"a"`, `"hamas delegation"`, `"\n"` for Enter, `"\t"` for Tab,
/// `"\x1b"` for Esc, `"\x08"` for Backspace.
pub fn press(app: &mut App, keys: &str) {
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\t' => KeyCode::Tab,
            '\x1b' => KeyCode::Esc,
            '\x08' => KeyCode::Backspace,
            c => KeyCode::Char(c),
        };
        let mods = if c.is_ascii_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        let event = Event::Key(KeyEvent::new(code, mods));
        if let Some(a) = dateline::tui::input::keymap::action_for(&event, app.mode()) {
            update(app, a);
        }
    }
}

/// Rows of the timeline with the overview strip's rows given back: what the strip's
/// height is worked out from.
pub fn timeline_height(app: &App) -> u16 {
    let a = dateline::tui::layout::areas(app);
    a.timeline.height + a.overview.height
}

/// What the run loop hands to `update` after reading file `name` again, now `yaml`.
pub fn reload(app: &mut App, name: &str, yaml: &str) {
    use dateline::tui::Msg;
    use dateline::tui::input::msg::Reload;
    let result = load_str(name, yaml);
    let sources = vec![(name.to_owned(), yaml.to_owned())];
    let digests = Vec::new();
    // As the run loop's reload thread: the last looks at a first open's log worked out with it.
    let opened = app.seen.pending_log().map(dateline::seen::OpenedLooks::of);
    update(
        app,
        Msg::Reloaded(Box::new(Reload {
            result,
            sources,
            digests,
            opened,
        })),
    );
}

/// The write `update` asked for, carried out as the run loop does, its outcome handed back
/// to `update`.
pub fn carry_write(app: &mut App, source: &dateline::tui::LogSource) {
    use dateline::tui::update::share::Effect;
    let (change, log) = app
        .effects
        .drain(..)
        .find_map(|e| match e {
            Effect::WriteLog { change, log } => Some((*change, log)),
            _ => None,
        })
        .expect("a write was asked for");
    update(
        app,
        dateline::tui::runtime::write_log::carry_out(source, &change, &log),
    );
}
