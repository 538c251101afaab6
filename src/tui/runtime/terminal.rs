//! Taking the terminal and giving it back. Raw mode, the alternate screen, mouse capture and
//! bracketed paste are undone on quit, on error, on panic and on a terminating signal, so
//! that the reader's shell is never left unusable.

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::{Rect, Size};
use std::io::stdout;

/// Raw mode, alternate screen, mouse capture. On failure part way, what was done is undone.
pub(crate) fn enter() -> std::io::Result<DefaultTerminal> {
    let entered = take()
        .and_then(|()| ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(stdout())));
    if entered.is_err() {
        restore();
    }
    entered
}

/// Takes the terminal again after handing it to another program (the editor).
pub(crate) fn retake() -> std::io::Result<()> {
    let taken = take();
    if taken.is_err() {
        restore();
    }
    taken
}

/// Raw mode, the alternate screen, mouse capture and bracketed paste (a paste arrives as
/// text, not as keys that could act).
fn take() -> std::io::Result<()> {
    enable_raw_mode()?;
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )
}

/// Ctrl-Z or SIGTSTP: gives the terminal back and stops, as SIGTSTP's default action would;
/// on `fg` (SIGCONT) takes the terminal again and redraws it whole.
pub(crate) fn suspend(terminal: &mut DefaultTerminal) -> std::io::Result<Size> {
    restore();
    signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
    resume(terminal)
}

/// After a stop (ours, or a SIGSTOP from outside): the shell may have reset the terminal, so
/// everything is taken again and the next frame is drawn whole, at the size the terminal
/// has now (it may have changed meanwhile).
pub(crate) fn resume(terminal: &mut DefaultTerminal) -> std::io::Result<Size> {
    take()?;
    let size = terminal.size()?;
    // Clears the screen and forgets the last frame, without asking the terminal where its
    // cursor is (`clear` does, and the input thread would take the answer).
    terminal.resize(Rect::new(0, 0, size.width, size.height))?;
    Ok(size)
}

/// Leaves raw mode, mouse capture and the alternate screen; safe to call twice, and when
/// the terminal is gone (after a hang-up every write fails, and that is fine).
pub(crate) fn restore() {
    let _ = execute!(
        stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen
    );
    let _ = disable_raw_mode();
}

/// Panics of work off the drawing thread, printed once the terminal is given back.
static DEFERRED: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// Restores the terminal before a panic's message is printed, so that the message shows
/// on the normal screen. A panic on another thread than the browser's (work in the
/// background, caught there and said in the status line) leaves the terminal to the
/// browser, which goes on: its message waits for `deferred_panics`.
pub(crate) fn restore_on_panic() {
    let browser = std::thread::current().id();
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().id() != browser {
            if let Ok(mut kept) = DEFERRED.lock() {
                kept.push(info.to_string());
            }
            return;
        }
        restore();
        hook(info);
    }));
}

/// The messages of the panics kept by `restore_on_panic`, taken.
pub(crate) fn deferred_panics() -> Vec<String> {
    DEFERRED
        .lock()
        .map(|mut kept| std::mem::take(&mut *kept))
        .unwrap_or_default()
}
