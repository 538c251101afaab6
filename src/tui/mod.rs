//! The timeline browser, in the Elm style: `App` state, `Action`s from one keymap,
//! `update` the only place state changes, `view` draws.

pub mod action;
pub mod app;
pub mod effects;
pub mod events;
pub mod jump;
pub mod keymap;
pub mod lanes;
pub mod layout;
pub mod lists;
pub mod marking;
pub mod msg;
pub mod picker;
pub mod quote_cursor;
pub mod reload;
pub mod rows;
pub mod share;
pub mod source;
pub mod strip;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;

pub use action::Action;
pub use app::App;
pub use msg::Msg;
pub use theme::ColorMode;
pub use update::update;
pub use view::view;

pub use events::Ended;
pub use source::LogSource;

use crate::filter::Query;
use crate::load::Loaded;
use crate::marks::Marks;

/// Opens the browser on a loaded log until the reader quits or a terminating signal
/// arrives, reloading the log when its files change. The terminal is restored on quit, on
/// error, on panic and on SIGTERM, SIGHUP, SIGINT and SIGQUIT.
pub fn run(
    loaded: Loaded,
    query: Query,
    marks: Marks,
    source: LogSource,
) -> std::io::Result<Ended> {
    let mut app = App::new(loaded, query, ColorMode::from_env()).with_marks(marks);
    terminal::restore_on_panic();
    // Kept until the terminal is restored, so that a signal meanwhile is still caught.
    let mut feeds = None;
    let result = terminal::enter().and_then(|mut t| {
        let (rx, f) = events::start(&source);
        if let Some(e) = &f.watch_error {
            app.message = Some(e.clone());
        }
        let result = events::run_loop(&mut t, &mut app, &rx, &f, &source);
        feeds = Some(f);
        result
    });
    terminal::restore();
    drop(feeds);
    result
}
