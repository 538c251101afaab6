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
use crate::watch::{FileWatcher, WatchNews};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
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
/// How long a terminating signal waits for the screen thread to give the terminal back
/// before the signal thread ends the process itself: that thread may be blocked for ever
/// in a write to a terminal that reads nothing.
const GRACE: Duration = Duration::from_secs(2);

pub(crate) enum Incoming {
    Input(Event),
    /// Reading the terminal failed (it is gone): the browser ends with this error.
    InputFailed(std::io::Error),
    /// One of the log's files may have changed.
    Changed,
    Signal(i32),
    /// Watching stopped or resumed.
    Watch(WatchNews),
    /// The log as read again, off the drawing thread.
    Reloaded(Box<crate::tui::input::msg::Reload>),
    /// The files and archives found as this log was loaded from: nothing was parsed.
    Unchanged(Arc<crate::model::Log>),
    /// How an effect went (a URL opened, a file written, the marks saved).
    Done(Msg),
}

/// How the browser ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ended {
    Quit,
    /// A terminating signal arrived (SIGTERM, SIGHUP, SIGINT, SIGQUIT).
    Signal(i32),
}

/// What keeps the channel fed; dropping it stops the watcher and the signal thread.
pub(crate) struct Feeds {
    /// For the threads started later (opening URLs).
    tx: Sender<Incoming>,
    /// Stops the input thread while another program has the terminal.
    gate: Arc<InputGate>,
    _watcher: Option<FileWatcher>,
    signals: Option<signal_hook::iterator::Handle>,
    /// Dropped once the terminal is given back: the signal thread then lets the process
    /// end as the browser does, rather than ending it itself.
    _given_back: Sender<()>,
    /// Why live reload is off, if it is.
    pub(crate) watch_error: Option<String>,
}

impl Drop for Feeds {
    fn drop(&mut self) {
        if let Some(h) = &self.signals {
            h.close();
        }
    }
}

/// Starts the input thread, the signal thread and the watcher of `files`.
pub(crate) fn start(files: &[PathBuf]) -> (Receiver<Incoming>, Feeds) {
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
    let (given_back, ended) = mpsc::channel();
    let signals = signals(tx.clone(), ended, gate.clone()).ok();
    let (watcher, watch_error) = watch(files, &tx);
    let feeds = Feeds {
        tx,
        gate,
        _watcher: watcher,
        signals,
        _given_back: given_back,
        watch_error,
    };
    (rx, feeds)
}

/// A watcher of `paths` (the log as named on the command line, and its archives) sending
/// `Changed` and news of watching, or why there is none.
fn watch(paths: &[PathBuf], tx: &Sender<Incoming>) -> (Option<FileWatcher>, Option<String>) {
    if paths.is_empty() {
        return (None, None);
    }
    let news = Mutex::new(tx.clone());
    match FileWatcher::new(paths, move |n| {
        let msg = match n {
            WatchNews::Changed => Incoming::Changed,
            other => Incoming::Watch(other),
        };
        let _ = news.lock().map(|tx| tx.send(msg));
    }) {
        Ok(w) => (Some(w), None),
        Err(e) => (None, Some(format!("live reload is off: {e}"))),
    }
}

fn signals(
    tx: Sender<Incoming>,
    given_back: Receiver<()>,
    gate: Arc<InputGate>,
) -> std::io::Result<signal_hook::iterator::Handle> {
    // SIGTSTP is caught so that the terminal is given back before stopping; SIGCONT so that
    // it is taken again and redrawn after any stop.
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])?;
    let handle = signals.handle();
    std::thread::spawn(move || {
        for sig in signals.forever() {
            if tx.send(Incoming::Signal(sig)).is_err() {
                return;
            }
            if [SIGTERM, SIGHUP, SIGINT, SIGQUIT].contains(&sig) {
                // Never blocked on a terminal write: if the screen thread has not given the
                // terminal back in time, the process ends here, with the code the browser
                // gives. Raw mode is left without writing (nothing written would arrive).
                loop {
                    match given_back.recv_timeout(GRACE) {
                        // The editor has the terminal: the browser ends when it returns.
                        Err(RecvTimeoutError::Timeout) if !gate.is_open() => {}
                        Err(RecvTimeoutError::Timeout) => {
                            let _ = ratatui::crossterm::terminal::disable_raw_mode();
                            std::process::exit(128 + sig);
                        }
                        _ => return,
                    }
                }
            }
        }
    });
    Ok(handle)
}

/// Draws, then waits for what comes next, until the reader quits or a signal arrives.
pub(crate) fn run_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    rx: &Receiver<Incoming>,
    feeds: &mut Feeds,
    source: &LogSource,
    cache: &crate::load::CacheThread,
) -> std::io::Result<Ended> {
    // An archive named or renamed in the log is watched from the reload that reads it.
    let mut watched = source.watched(&app.log);
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
    )
    .writing_to(source.clone())
    .loading_through(cache.clone());
    resized(app, terminal.size()?);
    // What the reader saw of the log: reading and comparing a big log's take a while.
    {
        let (tx, args, log) = (feeds.tx.clone(), source.args.clone(), app.log.clone());
        std::thread::spawn(move || {
            let read = crate::tui::update::seen_keys::SeenRead::read(&args, log);
            let _ = tx.send(Incoming::Done(Msg::SeenRead(Box::new(read))));
        });
    }
    // When a change was first seen, and when the reload is due.
    let mut reload: Option<(Instant, Instant)> = None;
    // A reload under way, in its own thread: reading and parsing a big log (or a file
    // that misbehaves) never holds up keys, signals or the screen.
    let mut reading = false;
    loop {
        terminal.draw(|f| view(app, f))?;
        if effects.run(app, terminal)? {
            let size = super::terminal::suspend(terminal)?;
            resized(app, size);
            continue;
        }
        let first = match reload {
            Some((_, due)) if !reading => {
                match rx.recv_timeout(due.saturating_duration_since(Instant::now())) {
                    Ok(m) => Some(m),
                    Err(RecvTimeoutError::Timeout) => None,
                    Err(RecvTimeoutError::Disconnected) => return Err(closed()),
                }
            }
            _ => Some(rx.recv().map_err(|_| closed())?),
        };
        let rest = std::iter::from_fn(|| rx.try_recv().ok());
        for msg in first.into_iter().chain(rest).take(BATCH) {
            match msg {
                Incoming::Input(Event::Paste(text)) => update(app, Msg::Paste(text)),
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
                Incoming::Signal(SIGTSTP) => resized(app, super::terminal::suspend(terminal)?),
                Incoming::Signal(SIGCONT) => resized(app, super::terminal::resume(terminal)?),
                Incoming::Signal(sig) => return Ok(Ended::Signal(sig)),
                Incoming::Watch(WatchNews::Stopped(why)) => update(app, Msg::Watching(why)),
                Incoming::Watch(_) => {
                    update(app, Msg::Watching("live reload resumed".into()));
                }
                Incoming::Reloaded(r) => {
                    reading = false;
                    update(app, Msg::Reloaded(r));
                    let now = source.watched(&app.log);
                    if now != watched {
                        let (watcher, error) = watch(&now, &feeds.tx);
                        feeds._watcher = watcher;
                        if let Some(e) = error {
                            update(app, Msg::Watching(e));
                        }
                        watched = now;
                    }
                }
                Incoming::Unchanged(compared) => {
                    reading = false;
                    if same_files(&compared, &app.log) {
                        update(app, Msg::Unchanged);
                    } else {
                        // The log on screen changed meanwhile (a write of ours landed): it is
                        // compared in turn.
                        let now = Instant::now();
                        reload.get_or_insert((now, now));
                    }
                }
                Incoming::Done(msg) => update(app, msg),
            }
            if app.quit {
                return Ok(Ended::Quit);
            }
        }
        if !reading && reload.is_some_and(|(_, due)| due <= Instant::now()) {
            reload = None;
            reading = true;
            let (tx, source, cache) = (feeds.tx.clone(), source.clone(), cache.clone());
            let shown = app.log.clone();
            let opened = app.seen.pending_log();
            std::thread::spawn(move || {
                // After the browser's own write, the log on screen is the one its check
                // built: when the files and archives are still those, nothing is parsed.
                // A log of several files goes straight to the cache, which reads only the
                // files whose metadata changed (comparing first would read them all).
                let msg = if shown.files.len() == 1 && source.unchanged(&shown) {
                    Incoming::Unchanged(shown)
                } else {
                    drop(shown);
                    let mut reload = source.read_through(Some(&cache));
                    // A first open's last looks, which the drawing thread would work out.
                    reload.opened = opened.map(crate::seen::OpenedLooks::of);
                    Incoming::Reloaded(Box::new(reload))
                };
                let _ = tx.send(msg);
            });
        }
    }
}

/// Whether two logs were loaded from the same bytes and archives.
fn same_files(a: &crate::model::Log, b: &crate::model::Log) -> bool {
    a.files == b.files && a.file_hashes == b.file_hashes && a.archive_stamps == b.archive_stamps
}

/// Tells the browser the terminal's size.
fn resized(app: &mut App, size: ratatui::layout::Size) {
    update(
        app,
        crate::tui::Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
}

fn closed() -> std::io::Error {
    std::io::Error::other("the terminal input closed")
}
