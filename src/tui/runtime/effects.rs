//! The runtime's side of `share::Effect`: the clipboard's bytes are written to the terminal
//! after the frame, files are written and marks saved at once, URLs are opened in a
//! background thread (a launcher can take a quarter of a second). Every outcome comes back
//! to `update` as a `Msg`, so `update` stays free of input and output. The editor (`e`) is
//! given the terminal, and the browser waits for it.

use crate::tui::app::App;
use crate::tui::input::msg::Msg;
use crate::tui::runtime::editor::{self, InputGate};
use crate::tui::runtime::{new_file, open_url, osc52, terminal};
use crate::tui::update::share::Effect;
use ratatui::DefaultTerminal;
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::tui::runtime::task::{self, Done};

pub(crate) struct Effects {
    done: Done,
    /// Stops the input thread while the editor has the terminal.
    gate: Arc<InputGate>,
    /// Asks for the log to be read again (after the editor).
    reread: Box<dyn Fn()>,
    /// Where the log's files are, for writes to it.
    source: crate::tui::LogSource,
    /// The cache the log is loaded through, which a write's check fills for the reload.
    cache: Option<crate::load::CacheThread>,
    /// Set to stop the quote check under way, when a newer version of the log is checked.
    checking: Option<Arc<AtomicBool>>,
}

impl Effects {
    /// `done` hands outcomes back to the loop; `gate` stops the input thread; `reread`
    /// asks the loop to read the log again.
    pub(crate) fn new(
        done: impl Fn(Msg) + Send + Sync + 'static,
        gate: Arc<InputGate>,
        reread: impl Fn() + 'static,
    ) -> Effects {
        Effects {
            done: Arc::new(done),
            gate,
            reread: Box::new(reread),
            source: crate::tui::LogSource::default(),
            cache: None,
            checking: None,
        }
    }

    /// The log's files, which writes go to.
    pub(crate) fn writing_to(mut self, source: crate::tui::LogSource) -> Effects {
        self.source = source;
        self
    }

    /// The cache writes check the log through.
    pub(crate) fn loading_through(mut self, cache: crate::load::CacheThread) -> Effects {
        self.cache = Some(cache);
        self
    }

    /// Carries out what `update` queued; true when the reader asked to suspend, which
    /// the run loop does, as it holds the terminal.
    pub(crate) fn run(&mut self, app: &mut App, t: &mut DefaultTerminal) -> std::io::Result<bool> {
        let mut suspend = false;
        for effect in std::mem::take(&mut app.effects) {
            match effect {
                Effect::Suspend => suspend = true,
                Effect::Copy(text) => {
                    let out = t.backend_mut();
                    out.write_all(osc52::sequence(&text).as_bytes())?;
                    out.flush()?;
                }
                Effect::Edit { file, line } => self.edit(t, &file, line)?,
                Effect::SaveSeen { file, log } => {
                    // A snapshot of every event of a big log: never on the drawing thread.
                    task::spawn("recording what you saw", self.done.clone(), move || {
                        Some(Msg::SeenSaved(
                            crate::seen::save_look(&file, &log, crate::seen::now())
                                .map_err(|e| e.to_string()),
                        ))
                    });
                }
                Effect::WriteLog { change, log } => {
                    // Checking a big log takes a while: never on the drawing thread.
                    let (source, cache) = (self.source.clone(), self.cache.clone());
                    task::spawn("writing to the log", self.done.clone(), move || {
                        Some(crate::tui::runtime::write_log::carry_out_through(
                            &source,
                            &change,
                            &log,
                            cache.as_ref(),
                        ))
                    });
                }
                Effect::ArchivePage { page, into, log } => {
                    let source = self.source.clone();
                    task::spawn("archiving the page", self.done.clone(), move || {
                        Some(crate::tui::runtime::write_log::carry_out_page(
                            &source, &page, &into, &log,
                        ))
                    });
                }
                Effect::CheckQuotes { generation, log } => {
                    // Matching a long quote against a big archive takes a while: the log is
                    // on screen meanwhile. The thread is never joined, so that `q` quits at
                    // once; its result for a log reloaded since is dropped by `update`.
                    let stop = Arc::new(AtomicBool::new(false));
                    if let Some(older) = self.checking.replace(stop.clone()) {
                        older.store(true, Ordering::Relaxed);
                    }
                    task::spawn("checking the quotes", self.done.clone(), move || {
                        let verdicts =
                            crate::archive::verdicts_while(&log, || !stop.load(Ordering::Relaxed));
                        drop(log);
                        verdicts.map(|verdicts| Msg::Checked {
                            generation,
                            verdicts,
                        })
                    });
                }
                Effect::OpenUrl(url) => {
                    task::spawn("opening the link", self.done.clone(), move || {
                        Some(Msg::Opened(open_url::open_url(Some(&url))))
                    });
                }
                other => {
                    if let Some(msg) = carry_out_file(other) {
                        (self.done)(msg);
                    }
                }
            }
        }
        Ok(suspend)
    }

    /// Hands the terminal to the editor and takes it back.
    fn edit(
        &mut self,
        t: &mut DefaultTerminal,
        file: &std::path::Path,
        line: usize,
    ) -> std::io::Result<()> {
        // The editor reads the keys from now on, on the normal screen, in the terminal's
        // own mode.
        self.gate.close(Duration::from_secs(1));
        terminal::restore();
        let result = editor::run(file, line);
        terminal::retake()?;
        // Whatever the editor left on the screen: every cell is drawn again. (Not
        // `Terminal::clear`, which asks the terminal where its cursor is and waits for the
        // answer.) A blank frame over a cleared screen makes the next frame differ from the
        // last one everywhere it has content.
        ratatui::crossterm::execute!(
            t.backend_mut(),
            ratatui::crossterm::terminal::Clear(ratatui::crossterm::terminal::ClearType::All)
        )?;
        t.draw(|_| {})?;
        self.gate.open();
        // The size may have changed meanwhile.
        let size = t.size()?;
        (self.done)(Msg::Action(crate::tui::Action::Resize {
            width: size.width,
            height: size.height,
        }));
        (self.done)(Msg::Edited(result));
        // Not only the watcher's word: the file is read again now.
        (self.reread)();
        Ok(())
    }
}

/// Writes a file or saves the marks, and says how it went; other effects are not files.
fn carry_out_file(effect: Effect) -> Option<Msg> {
    match effect {
        Effect::WriteNew {
            dir,
            stem,
            ext,
            text,
            events,
        } => Some(Msg::Written {
            result: new_file::write_new(&dir, stem, ext, &text).map_err(|e| e.to_string()),
            events,
        }),
        Effect::SaveMarks(mut marks) => {
            Some(Msg::MarksSaved(marks.save().map_err(|e| e.to_string())))
        }
        Effect::SaveSeen { file, log } => Some(Msg::SeenSaved(
            crate::seen::save_look(&file, &log, crate::seen::now()).map_err(|e| e.to_string()),
        )),
        Effect::Copy(_)
        | Effect::OpenUrl(_)
        | Effect::Edit { .. }
        | Effect::Suspend
        | Effect::WriteLog { .. }
        | Effect::ArchivePage { .. }
        | Effect::CheckQuotes { .. } => None,
    }
}

/// For tests, which drive `update` without a run loop: carries out the file effects and the
/// quote checks queued so far and feeds their outcomes to `update`, leaving the clipboard
/// and URL effects queued so a test can read them.
pub fn settle(app: &mut App) {
    let (files, rest): (Vec<_>, Vec<_>) =
        std::mem::take(&mut app.effects).into_iter().partition(|e| {
            matches!(
                e,
                Effect::WriteNew { .. }
                    | Effect::SaveMarks(_)
                    | Effect::SaveSeen { .. }
                    | Effect::CheckQuotes { .. }
            )
        });
    app.effects = rest;
    for effect in files {
        if let Effect::CheckQuotes { generation, log } = effect {
            let verdicts = crate::archive::verdicts(&log);
            crate::tui::update(
                app,
                Msg::Checked {
                    generation,
                    verdicts,
                },
            );
            continue;
        }
        if let Some(msg) = carry_out_file(effect) {
            crate::tui::update(app, msg);
        }
    }
}
