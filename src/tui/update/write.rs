//! Writes to the log from the browser: each is an effect (`Effect::WriteLog`) carried out
//! away from the drawing thread, whose outcome comes back as `Msg::LogWritten`. A write's
//! log is the one its check loaded: it replaces the browser's as a reload does, the item
//! written selected, and the status line says what was written and where. `u` undoes the
//! last write of the session, if its file has not changed since.

use crate::sanitize::sanitize;
use crate::tui::app::App;
use crate::tui::input::msg::Reload;
use crate::tui::update::share::Effect;
use crate::write::{Change, Refusal, Written};

/// The last write of this session, for `u`.
#[derive(Clone, Debug)]
pub struct LastWrite {
    pub(crate) file: usize,
    pub(crate) before: String,
    pub(crate) after: String,
    /// The file it made beside the log (a page's archive), removed by its undo.
    pub(crate) created: Option<crate::write::Created>,
}

/// Whether the log has files to write (the bundled sample has none); says why not.
pub(crate) fn writable(app: &mut App) -> bool {
    if app.log.files.iter().any(|f| f == crate::SAMPLE_NAME) {
        app.message = Some(
            "the bundled sample is built into dateline, with no file to write: `dateline new FILE` writes a log of your own"
                .into(),
        );
        return false;
    }
    true
}

pub(crate) fn write(app: &mut App, change: Change) {
    if !writable(app) {
        return;
    }
    app.message = Some("writing…".into());
    app.effects.push(Effect::WriteLog {
        change: Box::new(change),
        log: app.log.clone(),
    });
}

/// `u`.
pub(crate) fn undo(app: &mut App) {
    let Some(last) = app.last_write.clone() else {
        app.message = Some("nothing to undo: no write in this session".into());
        return;
    };
    write(
        app,
        Change::Restore {
            file: last.file,
            text: last.before,
            written: last.after,
            created: last.created,
        },
    );
}

pub(crate) fn written(app: &mut App, result: Result<Written, Refusal>) {
    match result {
        Ok(w) => {
            let restored = w.id.is_empty();
            // The form is done with once its event is written (kept on a refusal, to fix).
            app.overlays
                .retain(|o| !matches!(o, crate::tui::app::Overlay::Form(_)));
            crate::tui::update::reload::reloaded(
                app,
                Reload {
                    result: Ok(w.loaded),
                    sources: Vec::new(),
                    digests: w.digests,
                    opened: None,
                },
            );
            let mut summary = w.summary;
            crate::tui::overlays::sources::show_source(app, &w.id);
            if let Some(ix) = app.log.event(&w.id) {
                if app.is_visible(ix) {
                    crate::tui::update::go_to(app, ix);
                } else {
                    summary.push_str(" (hidden by the filters: c clears them)");
                }
            }
            app.last_write = (!restored).then_some(LastWrite {
                file: w.file,
                before: w.before,
                after: w.after,
                created: w.created,
            });
            app.message = Some(sanitize(&summary).into_owned());
            app.just_wrote = true;
        }
        Err(r) => {
            let first = r.diagnostics.iter().find(|d| d.is_error());
            let why = match first {
                Some(d) => format!("{}: {}", r.message, d.message),
                None => r.message,
            };
            app.message = Some(sanitize(&why).into_owned());
        }
    }
}
