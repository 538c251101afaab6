//! The run loop's side of `share::Effect`: bytes for the terminal are written after the
//! frame, URLs are opened in a background thread (a launcher can take a quarter of a
//! second) and how it went comes back through the loop's channel, so the screen never
//! waits.

use crate::tui::app::App;
use crate::tui::update::share::Effect;
use std::io::Write;
use std::sync::Arc;

/// Told how opening a URL went, from the thread that opened it.
type Done = Arc<dyn Fn(Result<(), String>) + Send + Sync>;

pub struct Effects {
    done: Done,
}

impl Effects {
    /// `done` hands the result of opening a URL back to the loop (`share::opened`).
    pub fn new(done: impl Fn(Result<(), String>) + Send + Sync + 'static) -> Effects {
        Effects {
            done: Arc::new(done),
        }
    }

    /// Carries out what `update` queued; true when the reader asked to suspend, which
    /// the run loop does, as it holds the terminal.
    pub fn run(&mut self, app: &mut App, out: &mut impl Write) -> std::io::Result<bool> {
        let mut suspend = false;
        for effect in std::mem::take(&mut app.effects) {
            match effect {
                Effect::Suspend => suspend = true,
                Effect::Output(bytes) => {
                    out.write_all(bytes.as_bytes())?;
                    out.flush()?;
                }
                Effect::OpenUrl(url) => {
                    let done = self.done.clone();
                    std::thread::spawn(move || done(crate::export::open_url(Some(&url))));
                }
            }
        }
        Ok(suspend)
    }
}
