//! The timeline browser, in the Elm style: `App` state, `Action`s from one keymap,
//! `update` the only place state changes, `view` draws.

pub mod action;
pub mod app;
pub mod effects;
pub mod jump;
pub mod keymap;
pub mod lanes;
pub mod layout;
pub mod lists;
pub mod marking;
pub mod picker;
pub mod quote_cursor;
pub mod rows;
pub mod share;
pub mod strip;
pub mod theme;
pub mod update;
pub mod view;

pub use action::Action;
pub use app::App;
pub use theme::ColorMode;
pub use update::update;
pub use view::view;

use crate::filter::Query;
use crate::load::Loaded;
use crate::marks::Marks;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use std::io::stdout;
use std::time::Duration;

/// Opens the browser on a loaded log until the reader quits. The terminal is restored on
/// quit, on error and on panic.
pub fn run(loaded: Loaded, query: Query, marks: Marks) -> std::io::Result<()> {
    let app = App::new(loaded, query, ColorMode::from_env()).with_marks(marks);
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        hook(info);
    }));
    let result = enter().and_then(|mut terminal| event_loop(&mut terminal, app));
    restore();
    result
}

fn enter() -> std::io::Result<DefaultTerminal> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(stdout()))
}

/// Leaves raw mode, mouse capture and the alternate screen; safe to call twice.
fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture, LeaveAlternateScreen);
    let _ = disable_raw_mode();
}

fn event_loop(terminal: &mut DefaultTerminal, mut app: App) -> std::io::Result<()> {
    let size = terminal.size()?;
    update(
        &mut app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    let mut effects = effects::Effects::default();
    loop {
        terminal.draw(|f| view(&app, f))?;
        effects.run(&mut app, terminal.backend_mut())?;
        if !effects.wait(&mut app)? {
            continue;
        }
        // Take every input waiting before drawing again, so a burst costs one frame.
        let mut ev = event::read()?;
        loop {
            if let Some(action) = keymap::action_for(&ev, app.mode()) {
                update(&mut app, action);
            }
            if app.quit || !event::poll(Duration::ZERO)? {
                break;
            }
            ev = event::read()?;
        }
        if app.quit {
            return Ok(());
        }
    }
}
