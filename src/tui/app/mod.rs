//! The browser's whole state. Only `update` changes it; `view` reads it.

pub(crate) mod derived;
pub mod rows;

use crate::filter::Query;
use crate::load::{Diagnostic, Loaded};
use crate::marks::Marks;
use crate::model::{EventIx, Log};
use crate::search::{SearchIndex, terms};
use crate::tui::app::derived::Changed;
use crate::tui::app::rows::Rows;
use crate::tui::input::keymap::Mode;
use crate::tui::lanes::Lanes;
pub use crate::tui::overlays::Overlay;
use crate::tui::overlays::picker::Picker;
use crate::tui::overlays::search::SearchPrompt;
use crate::tui::overview::Overview;
use crate::tui::theme::{ColorMode, Theme};
use crate::tui::update::reload::FileErrors;
use crate::tui::update::share::Effect;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

/// What the reader must hear first of a log that opened with quotes not found in their
/// archived sources (the only errors that let a log open).
pub(crate) fn not_found(found: &[Diagnostic]) -> Option<String> {
    match found.iter().filter(|d| d.is_error()).count() {
        0 => None,
        1 => Some(
            "1 quote is NOT FOUND in its archived source: flagged where it shows; `dateline check` says more"
                .into(),
        ),
        n => Some(format!(
            "{n} quotes are NOT FOUND in their archived sources: flagged where they show; `dateline check` says more"
        )),
    }
}

/// Which pane has the keyboard in the browse mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Timeline,
    Details,
}

#[derive(Clone, Debug)]
pub struct App {
    /// Shared with the thread that folds the search text.
    pub log: Arc<Log>,
    pub index: SearchIndex,
    pub(crate) theme: Theme,
    /// Warnings the loader found.
    pub warnings: usize,
    /// The active filters (the kept search included).
    pub query: Query,
    /// Events matching `query`, in timeline order.
    pub visible: Vec<EventIx>,
    pub rows: Rows,
    /// The selected event, always one of `visible` (None only when nothing is visible).
    pub selected: Option<EventIx>,
    /// The selection a filter hid, given back when a filter shows it again.
    pub(crate) remembered: Option<EventIx>,
    /// First timeline row on screen.
    pub scroll: usize,
    pub focus: Focus,
    pub(crate) detail_scroll: usize,
    /// Cursor among the related events in the details pane.
    pub(crate) link: usize,
    /// Views on top of the browser; the last has the keyboard.
    pub overlays: Vec<Overlay>,
    /// Where related-event jumps came from, for Backspace.
    pub(crate) back: Vec<EventIx>,
    /// The filters a jump cleared to show a hidden event, with the depth of `back` they
    /// belong to: Backspace to that depth brings them back.
    pub(crate) filters_back: Vec<(usize, Query)>,
    /// The events the last reload added, in timeline order.
    pub(crate) new_events: Vec<EventIx>,
    /// What the reader saw of this log when it opened; set with `with_seen`.
    pub seen: crate::seen::Seen,
    /// The events new or changed since that look (`+` goes to the first).
    pub unseen: std::collections::BTreeMap<EventIx, crate::seen::Unseen>,
    /// A hidden event the reader was offered to go to: Enter again goes there.
    pub(crate) reveal: Option<EventIx>,
    pub message: Option<String>,
    /// What the editor that just ended could not be told (the line), said again by the
    /// reload that follows it, whose message takes the status line.
    pub(crate) editor_note: Option<String>,
    /// Set while the files on disk do not open; the last good log stays on screen.
    pub file_errors: Option<FileErrors>,
    /// Terminal size as last reported.
    pub width: u16,
    pub height: u16,
    pub quit: bool,
    /// The lanes view (L): one column per party.
    pub lanes: Lanes,
    // Sharing, marks and the overview.
    /// The marks of this log, by event id; set with `with_marks`.
    pub marks: Marks,
    /// The marked events present in the log.
    pub marked: BTreeSet<EventIx>,
    /// The selected quote of the selected event (the quote view's cursor).
    pub quote: usize,
    /// Work for the run loop (terminal output, opening a URL), which drains it.
    pub effects: Vec<Effect>,
    /// Where `e` writes its file.
    pub export_dir: PathBuf,
    /// The activity overview, when shown.
    pub overview: Option<Overview>,
    /// URLs are drawn as OSC 8 hyperlinks (set by the run loop for a terminal that takes
    /// them; off in tests, where a buffer shows the characters only).
    pub hyperlinks: bool,
    /// The last write to the log in this session, for `u`.
    pub(crate) last_write: Option<crate::tui::update::write::LastWrite>,
    /// A write of ours was just swapped in: the reload the watcher makes of it says nothing.
    pub(crate) just_wrote: bool,
    /// Which version of the log the quote check under way is for: a check's result for an
    /// older one (the log was reloaded meanwhile) is dropped.
    pub(crate) check_generation: u64,
}

impl App {
    pub fn new(loaded: Loaded, query: Query, color: ColorMode) -> App {
        let Loaded { log, warnings } = loaded;
        let message = not_found(&warnings).or_else(|| {
            (!warnings.is_empty()).then(|| {
                let n = warnings.len();
                let (s, them) = if n == 1 { ("", "it") } else { ("s", "them") };
                format!("{n} warning{s} in the log: run `dateline check` to read {them}")
            })
        });
        let mut app = App {
            selected: None,
            warnings: warnings.len(),
            log: Arc::new(log),
            // Built by `rebuild_derived` below.
            index: SearchIndex::default(),
            theme: Theme::uncoloured(color),
            query,
            visible: Vec::new(),
            rows: Rows::default(),
            remembered: None,
            scroll: 0,
            focus: Focus::Timeline,
            detail_scroll: 0,
            link: 0,
            overlays: Vec::new(),
            back: Vec::new(),
            filters_back: Vec::new(),
            reveal: None,
            new_events: Vec::new(),
            seen: crate::seen::Seen::default(),
            unseen: std::collections::BTreeMap::new(),
            message,
            editor_note: None,
            file_errors: None,
            width: 80,
            height: 24,
            quit: false,
            lanes: Lanes::default(),
            marks: Marks::default(),
            marked: BTreeSet::new(),
            quote: 0,
            effects: Vec::new(),
            export_dir: PathBuf::from("."),
            overview: None,
            hyperlinks: false,
            last_write: None,
            just_wrote: false,
            check_generation: 0,
        };
        app.rebuild_derived(Changed::Log);
        app.selected = app.visible.first().copied();
        // Until told what the reader saw (`with_seen`), a reload is measured against the
        // log as it opened.
        app.seen.adopt(app.log.clone());
        crate::tui::update::checked::start(&mut app);
        app
    }

    /// What has the keyboard: the browser, or the overlay on top.
    pub fn mode(&self) -> Mode {
        self.overlays.last().map_or(Mode::Browse, Overlay::mode)
    }

    pub fn search_prompt(&self) -> Option<&SearchPrompt> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Search(s) => Some(s),
            _ => None,
        })
    }

    pub fn picker(&self) -> Option<&Picker> {
        match self.overlays.last() {
            Some(Overlay::Picker(p)) => Some(p),
            _ => None,
        }
    }

    /// The search terms to highlight: those being typed, else the kept search's.
    pub(crate) fn highlight_terms(&self) -> Vec<String> {
        match self.search_prompt() {
            Some(s) => terms(&s.input),
            None => terms(&self.query.search),
        }
    }

    /// Position of the selected event in `visible`. O(log n): `visible` is ascending.
    pub fn selected_pos(&self) -> Option<usize> {
        self.selected
            .and_then(|s| self.visible.binary_search(&s).ok())
    }

    pub fn is_visible(&self, ix: EventIx) -> bool {
        self.visible.binary_search(&ix).is_ok()
    }

    /// Related events of the selected event as listed in the details pane: what it
    /// answers, then what answered it.
    pub fn links(&self) -> Vec<EventIx> {
        self.selected.map_or_else(Vec::new, |s| {
            let e = &self.log.events[s];
            e.related.iter().chain(&e.related_by).copied().collect()
        })
    }
}
