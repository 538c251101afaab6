//! What `update` takes: an `Action` of the reader, or news from outside (the log's files
//! were read again). Kept apart from `Action` so that actions stay small and `Copy`.

use crate::load::{Loaded, Report};
use crate::tui::input::action::Action;

#[derive(Clone, Debug)]
pub enum Msg {
    Action(Action),
    /// The log's files changed and were read again.
    Reloaded(Box<Reload>),
    /// The watcher's word, but the files and archives are those of the log on screen.
    Unchanged,
    /// How opening a URL went (`Effect::OpenUrl`), from the thread that opened it.
    Opened(Result<(), String>),
    /// News of live reload for the status line: it could not start, stopped, or resumed.
    Watching(String),
    /// Text pasted (bracketed paste): for the prompt open, never keys.
    Paste(String),
    /// The editor (`Effect::Edit`) ended: how it went (with a note when it could not be
    /// told the line).
    Edited(Result<Option<String>, String>),
    /// How writing a new file went (`Effect::WriteNew`): its path, or why not.
    Written {
        result: Result<std::path::PathBuf, String>,
        events: usize,
    },
    /// Saving the marks failed (`Effect::SaveMarks`).
    MarksSaved(Result<(), String>),
    /// How recording what the reader saw went (`Effect::SaveSeen`).
    SeenSaved(Result<(), String>),
    /// What the reader saw of the log, read and compared off the first frame.
    SeenRead(Box<crate::tui::update::seen_keys::SeenRead>),
    /// How a write to the log went (`Effect::WriteLog`).
    LogWritten(Box<Result<crate::write::Written, crate::write::Refusal>>),
    /// The quotes checked against their archives (`Effect::CheckQuotes`), for the version
    /// of the log `generation` names.
    Checked {
        generation: u64,
        verdicts: Vec<(usize, usize, crate::model::Verification)>,
    },
    /// Work off the drawing thread (`runtime::task`) ended in a panic: what it was doing.
    Failed(&'static str),
}

impl From<Action> for Msg {
    fn from(a: Action) -> Msg {
        Msg::Action(a)
    }
}

/// The log as read again: the new version, or why it does not open.
#[derive(Clone, Debug)]
pub struct Reload {
    pub result: Result<Loaded, Report>,
    /// The text of the files the diagnostics name, to show the lines at fault.
    pub sources: Vec<(String, String)>,
    /// Each event's digest in the new version (`seen::digests`), worked out where it was
    /// read, off the drawing thread; empty: worked out when it is shown.
    pub digests: Vec<u64>,
    /// The last looks at the log as it first opened, when they were still to be worked
    /// out (a first open's first reload), worked out with the reload.
    pub opened: Option<crate::seen::OpenedLooks>,
}

impl Msg {
    pub fn reloaded(result: Result<Loaded, Report>) -> Msg {
        Msg::Reloaded(Box::new(Reload {
            result,
            sources: Vec::new(),
            digests: Vec::new(),
            opened: None,
        }))
    }
}
