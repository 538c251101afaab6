//! `e`: the selected event (in the quotes, the quote) in the reader's editor, at its file
//! and line. The editor runs as
//! an effect (the run loop hands it the terminal); when it ends, live reload shows what was
//! changed and the selection stays, carried over by id.

use crate::sanitize::sanitize;
use crate::tui::app::App;
use crate::tui::input::keymap::Mode;
use crate::tui::update::share::{self, Effect};

pub(crate) fn edit(app: &mut App) {
    let Some(ix) = app.selected else {
        app.message = Some("no event selected".into());
        return;
    };
    // In the quotes, the quote under the cursor; else the event.
    let origin = match app.mode() {
        Mode::Quotes => share::current_quote(app).map_or(app.log.events[ix].origin, |(e, q)| {
            app.log.events[e].quotes[q].origin
        }),
        _ => app.log.events[ix].origin,
    };
    let Some(file) = app.log.files.get(origin.file) else {
        return;
    };
    if file == crate::SAMPLE_NAME {
        app.message = Some(
            "the bundled sample is built into dateline, with no file to edit: `dateline new FILE` writes a log of your own"
                .into(),
        );
        return;
    }
    app.effects.push(Effect::Edit {
        file: file.into(),
        line: origin.line,
    });
}

/// The editor ended. A save shows through live reload; a failure is said.
pub(crate) fn edited(app: &mut App, result: Result<Option<String>, String>) {
    app.message = Some(match result {
        Ok(None) => "back from the editor".into(),
        Ok(Some(note)) => {
            let note = sanitize(&note).into_owned();
            app.editor_note = Some(note.clone());
            format!("back from the editor · {note}")
        }
        Err(why) => sanitize(&why).into_owned(),
    });
}
