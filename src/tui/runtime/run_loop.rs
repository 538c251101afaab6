//! Everything the running browser waits for arrives on one channel: the reader's input
//! (from a thread blocked on the terminal), news that the log's files changed (from the
//! file watcher), terminating signals (from a signal thread) and how opening a URL went
//! (from the thread opening it). The loop sleeps until one arrives, so an idle browser
//! costs nothing, and redraws once per burst.

use crate::tui::input::keymap;
use crate::tui::input::msg::Msg;
use crate::tui::runtime::editor::InputGate;
use crate::tui::runtime::effects::Effects;
use crate::tui::runtime::log_source::LogSource;
use crate::tui::{App, update, view};
use crate::watch::FileWatcher;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

/// Editors save in several writes (truncate, then write; write, then rename): a reload
/// waits until the file has been quiet this long...
const QUIET: Duration = Duration::from_millis(40);
/// ...but no longer than this after the first change, so a file written to without pause
/// is still picked up.
const MAX_WAIT: Duration = Duration::from_millis(400);
/// Messages taken before drawing again, so a flood of input cannot starve the screen.
const BATCH: usize = 256;
/// How long the input thread waits for a key before it checks whether to stop reading (the
/// editor is about to have the terminal): the longest wait after `e`.
const INPUT_POLL: Duration = Duration::from_millis(200);

pub enum Incoming {
    Input(Event),
    /// Reading the terminal failed (it is gone): the browser ends with this error.
    InputFailed(std::io::Error),
    /// One of the log's files may have changed.
    Changed,
    Signal(i32),
    /// How an effect went (a URL opened, a file written, the marks saved).
    Done(Msg),
}

/// How the browser ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ended {
    Quit,
    /// A terminating signal arrived (SIGTERM, SIGHUP, SIGINT, SIGQUIT).
    Signal(i32),
}

/// What keeps the channel fed; dropping it stops the watcher and the signal thread.
pub struct Feeds {
    /// For the threads started later (opening URLs).
    tx: Sender<Incoming>,
    /// Stops the input thread while another program has the terminal.
    gate: Arc<InputGate>,
    _watcher: Option<FileWatcher>,
    signals: Option<signal_hook::iterator::Handle>,
    /// Why live reload is off, if it is.
    pub watch_error: Option<String>,
}

impl Drop for Feeds {
    fn drop(&mut self) {
        if let Some(h) = &self.signals {
            h.close();
        }
    }
}

/// Starts the input thread, the signal thread and the file watcher.
pub fn start(source: &LogSource) -> (Receiver<Incoming>, Feeds) {
    let (tx, rx) = mpsc::channel();
    // Sets up crossterm's reader (and its SIGWINCH handler) before the loop asks for the
    // size, so that a resize in between is not lost.
    let _ = event::poll(Duration::ZERO);
    let input = tx.clone();
    let gate = InputGate::new();
    let input_gate = gate.clone();
    std::thread::spawn(move || {
        loop {
            // Between reads, the gate may be closed (the editor has the terminal): the
            // thread polls rather than blocks in a read, so that it can stop.
            input_gate.pass();
            let msg = match event::poll(INPUT_POLL) {
                Ok(false) => continue,
                Ok(true) => match event::read() {
                    Ok(ev) => Incoming::Input(ev),
                    Err(e) => Incoming::InputFailed(e),
                },
                Err(e) => Incoming::InputFailed(e),
            };
            let failed = matches!(msg, Incoming::InputFailed(_));
            if input.send(msg).is_err() || failed {
                return;
            }
        }
    });
    let signals = signals(tx.clone()).ok();
    let files = source.files();
    let (watcher, watch_error) = if files.is_empty() {
        (None, None)
    } else {
        let changed = tx.clone();
        match FileWatcher::new(&files, move || {
            let _ = changed.send(Incoming::Changed);
        }) {
            Ok(w) => (Some(w), None),
            Err(e) => (None, Some(format!("live reload is off: {e}"))),
        }
    };
    let feeds = Feeds {
        tx,
        gate,
        _watcher: watcher,
        signals,
        watch_error,
    };
    (rx, feeds)
}

fn signals(tx: Sender<Incoming>) -> std::io::Result<signal_hook::iterator::Handle> {
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    let handle = signals.handle();
    std::thread::spawn(move || {
        for sig in signals.forever() {
            if tx.send(Incoming::Signal(sig)).is_err() {
                return;
            }
        }
    });
    Ok(handle)
}

/// Draws, then waits for what comes next, until the reader quits or a signal arrives.
pub fn run_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    rx: &Receiver<Incoming>,
    feeds: &Feeds,
    source: &LogSource,
) -> std::io::Result<Ended> {
    let done = feeds.tx.clone();
    let changed = feeds.tx.clone();
    let mut effects = Effects::new(
        move |msg| {
            let _ = done.send(Incoming::Done(msg));
        },
        feeds.gate.clone(),
        move || {
            let _ = changed.send(Incoming::Changed);
        },
    );
    let size = terminal.size()?;
    update(
        app,
        crate::tui::Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    // When a change was first seen, and when the reload is due.
    let mut reload: Option<(Instant, Instant)> = None;
    loop {
        terminal.draw(|f| view(app, f))?;
        effects.run(app, terminal)?;
        let first = match reload {
            None => Some(rx.recv().map_err(|_| closed())?),
            Some((_, due)) => {
                match rx.recv_timeout(due.saturating_duration_since(Instant::now())) {
                    Ok(m) => Some(m),
                    Err(RecvTimeoutError::Timeout) => None,
                    Err(RecvTimeoutError::Disconnected) => return Err(closed()),
                }
            }
        };
        let rest = std::iter::from_fn(|| rx.try_recv().ok());
        for msg in first.into_iter().chain(rest).take(BATCH) {
            match msg {
                Incoming::Input(ev) => {
                    if let Some(action) = keymap::action_for(&ev, app.mode()) {
                        update(app, action);
                    }
                }
                Incoming::InputFailed(e) => return Err(e),
                Incoming::Changed => {
                    let now = Instant::now();
                    let since = reload.map_or(now, |(first, _)| first);
                    reload = Some((since, (now + QUIET).min(since + MAX_WAIT)));
                }
                Incoming::Signal(sig) => return Ok(Ended::Signal(sig)),
                Incoming::Done(msg) => update(app, msg),
            }
            if app.quit {
                return Ok(Ended::Quit);
            }
        }
        if reload.is_some_and(|(_, due)| due <= Instant::now()) {
            reload = None;
            update(app, Msg::Reloaded(Box::new(source.read())));
        }
    }
}

fn closed() -> std::io::Error {
    std::io::Error::other("the terminal input closed")
}
