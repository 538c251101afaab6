//! Taking the terminal and giving it back. Raw mode, the alternate screen and mouse capture
//! are undone on quit, on error, on panic and on a terminating signal, so that the
//! reader's shell is never left unusable.

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use std::io::stdout;

/// Raw mode, alternate screen, mouse capture. On failure part way, what was done is undone.
pub fn enter() -> std::io::Result<DefaultTerminal> {
    let entered = take()
        .and_then(|()| ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(stdout())));
    if entered.is_err() {
        restore();
    }
    entered
}

/// Takes the terminal again after handing it to another program (the editor).
pub fn resume() -> std::io::Result<()> {
    let taken = take();
    if taken.is_err() {
        restore();
    }
    taken
}

fn take() -> std::io::Result<()> {
    enable_raw_mode().and_then(|()| execute!(stdout(), EnterAlternateScreen, EnableMouseCapture))
}

/// Leaves raw mode, mouse capture and the alternate screen; safe to call twice, and when
/// the terminal is gone (after a hang-up every write fails, and that is fine).
pub fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture, LeaveAlternateScreen);
    let _ = disable_raw_mode();
}

/// Restores the terminal before a panic's message is printed, so that the message shows
/// on the normal screen.
pub fn restore_on_panic() {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        hook(info);
    }));
}
