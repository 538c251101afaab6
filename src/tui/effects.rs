//! The run loop's side of `share::Effect`: bytes for the terminal are written after the
//! frame, URLs are opened in a background thread (a launcher can take a quarter of a
//! second) and how it went comes back through a channel, so the screen never waits.

use super::app::App;
use super::share::{self, Effect};
use ratatui::crossterm::event;
use std::io::Write;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

/// How often the loop looks for a background result while one is due.
const TICK: Duration = Duration::from_millis(50);

pub struct Effects {
    tx: Sender<Result<(), String>>,
    rx: Receiver<Result<(), String>>,
    /// URLs being opened.
    in_flight: usize,
}

impl Default for Effects {
    fn default() -> Self {
        let (tx, rx) = channel();
        Effects {
            tx,
            rx,
            in_flight: 0,
        }
    }
}

impl Effects {
    /// Carries out what `update` queued.
    pub fn run(&mut self, app: &mut App, out: &mut impl Write) -> std::io::Result<()> {
        for effect in std::mem::take(&mut app.effects) {
            match effect {
                Effect::Output(bytes) => {
                    out.write_all(bytes.as_bytes())?;
                    out.flush()?;
                }
                Effect::OpenUrl(url) => {
                    let tx = self.tx.clone();
                    self.in_flight += 1;
                    std::thread::spawn(move || {
                        let _ = tx.send(crate::export::open_url(Some(&url)));
                    });
                }
            }
        }
        Ok(())
    }

    /// Waits until input is ready (true), or until a background result came and was given
    /// to the app (false: draw again). Blocks in `event::read` as before when nothing is due.
    pub fn wait(&mut self, app: &mut App) -> std::io::Result<bool> {
        while self.in_flight > 0 {
            if let Ok(result) = self.rx.try_recv() {
                self.in_flight -= 1;
                share::opened(app, result);
                return Ok(false);
            }
            if event::poll(TICK)? {
                return Ok(true);
            }
        }
        Ok(true)
    }
}
