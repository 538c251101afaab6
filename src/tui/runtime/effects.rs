//! The runtime's side of `share::Effect`: the clipboard's bytes are written to the terminal
//! after the frame, files are written and marks saved at once, URLs are opened in a
//! background thread (a launcher can take a quarter of a second). Every outcome comes back
//! to `update` as a `Msg`, so `update` stays free of input and output.

use crate::tui::app::App;
use crate::tui::input::msg::Msg;
use crate::tui::runtime::{new_file, open_url, osc52};
use crate::tui::update::share::Effect;
use std::io::Write;
use std::sync::Arc;

/// Hands an outcome back to the loop, from whichever thread it arrives on.
type Done = Arc<dyn Fn(Msg) + Send + Sync>;

pub struct Effects {
    done: Done,
}

impl Effects {
    pub fn new(done: impl Fn(Msg) + Send + Sync + 'static) -> Effects {
        Effects {
            done: Arc::new(done),
        }
    }

    /// Carries out what `update` queued.
    pub fn run(&mut self, app: &mut App, out: &mut impl Write) -> std::io::Result<()> {
        for effect in std::mem::take(&mut app.effects) {
            match effect {
                Effect::Copy(text) => {
                    out.write_all(osc52::sequence(&text).as_bytes())?;
                    out.flush()?;
                }
                Effect::OpenUrl(url) => {
                    let done = self.done.clone();
                    std::thread::spawn(move || done(Msg::Opened(open_url::open_url(Some(&url)))));
                }
                other => {
                    if let Some(msg) = carry_out_file(other) {
                        (self.done)(msg);
                    }
                }
            }
        }
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
        Effect::SaveMarks(marks) => Some(Msg::MarksSaved(marks.save().map_err(|e| e.to_string()))),
        Effect::Copy(_) | Effect::OpenUrl(_) => None,
    }
}

/// For tests, which drive `update` without a run loop: carries out the file effects queued
/// so far and feeds their outcomes to `update`, leaving the clipboard and URL effects queued
/// so a test can read them.
pub fn settle(app: &mut App) {
    let (files, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut app.effects)
        .into_iter()
        .partition(|e| matches!(e, Effect::WriteNew { .. } | Effect::SaveMarks(_)));
    app.effects = rest;
    for effect in files {
        if let Some(msg) = carry_out_file(effect) {
            crate::tui::update(app, msg);
        }
    }
}
