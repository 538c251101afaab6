//! The run loop's side of `share::Effect`: bytes for the terminal are written after the
//! frame, URLs are opened in a background thread (a launcher can take a quarter of a
//! second) and how it went comes back through the loop's channel, so the screen never
//! waits. The editor (`e`) is given the terminal: the browser waits for it.

use crate::tui::app::App;
use crate::tui::input::msg::Msg;
use crate::tui::runtime::editor::{self, InputGate};
use crate::tui::runtime::terminal;
use crate::tui::update::share::Effect;
use ratatui::DefaultTerminal;
use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

/// Told how opening a URL went, from the thread that opened it.
type Done = Arc<dyn Fn(Result<(), String>) + Send + Sync>;

pub struct Effects {
    done: Done,
    /// Stops the input thread while the editor has the terminal.
    gate: Arc<InputGate>,
    /// Asks for the log to be read again (after the editor).
    reread: Box<dyn Fn()>,
}

impl Effects {
    /// `done` hands the result of opening a URL back to the loop (`share::opened`);
    /// `reread` asks the loop to read the log again.
    pub fn new(
        done: impl Fn(Result<(), String>) + Send + Sync + 'static,
        gate: Arc<InputGate>,
        reread: impl Fn() + 'static,
    ) -> Effects {
        Effects {
            done: Arc::new(done),
            gate,
            reread: Box::new(reread),
        }
    }

    /// Carries out what `update` queued.
    pub fn run(&mut self, app: &mut App, t: &mut DefaultTerminal) -> std::io::Result<()> {
        for effect in std::mem::take(&mut app.effects) {
            match effect {
                Effect::Output(bytes) => {
                    let out = t.backend_mut();
                    out.write_all(bytes.as_bytes())?;
                    out.flush()?;
                }
                Effect::OpenUrl(url) => {
                    let done = self.done.clone();
                    std::thread::spawn(move || done(crate::export::open_url(Some(&url))));
                }
                Effect::Edit { file, line } => {
                    // The editor reads the keys from now on, on the normal screen, in the
                    // terminal's own mode.
                    self.gate.close(Duration::from_secs(1));
                    terminal::restore();
                    let result = editor::run(&file, line);
                    terminal::resume()?;
                    // Whatever the editor left on the screen: every cell is drawn again.
                    // (Not `Terminal::clear`, which asks the terminal where its cursor is
                    // and waits for the answer.) A blank frame over a cleared screen makes
                    // the next frame differ from the last one everywhere it has content.
                    ratatui::crossterm::execute!(
                        t.backend_mut(),
                        ratatui::crossterm::terminal::Clear(
                            ratatui::crossterm::terminal::ClearType::All
                        )
                    )?;
                    t.draw(|_| {})?;
                    self.gate.open();
                    let size = t.size()?;
                    crate::tui::update(
                        app,
                        crate::tui::Action::Resize {
                            width: size.width,
                            height: size.height,
                        },
                    );
                    crate::tui::update(app, Msg::Edited(result));
                    // Not only the watcher's word: the file is read again now.
                    (self.reread)();
                }
            }
        }
        Ok(())
    }
}
