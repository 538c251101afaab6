//! Views on top of the browser, closed by Esc; the last one opened has the keyboard.
//! One module per overlay, holding its state, its update and its draw.

pub(crate) mod archive_page;
pub(crate) mod context;
pub mod context_window;
pub(crate) mod errors;
pub(crate) mod event_form;
pub mod event_list;
pub mod help;
pub(crate) mod jump;
pub(crate) mod log_dates;
pub mod passage;
pub mod picker;
pub mod prompt_input;
pub(crate) mod quote_list;
pub(crate) mod quotes;
pub(crate) mod range;
pub(crate) mod reader;
pub(crate) mod search;
pub(crate) mod sources;
pub(crate) mod status_choice;

use crate::tui::app::App;
use crate::tui::input::action::Action;
use crate::tui::input::keymap::Mode;
use crate::tui::update::reload::Before;
use context::QuoteContext;
use event_list::EventList;
use picker::Picker;
use quote_list::QuoteList;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use search::SearchPrompt;

/// The overlays a key of the timeline opens (`Action::Show`): the key table binds a key to
/// one of these, and `open` below says what opening it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opener {
    /// Enter on an event: its quotes.
    Quotes,
    /// p, a, k, s, #: a picker of parties, actors, kinds, statuses or topics.
    Picker(picker::PickerKind),
    /// `/`: the search prompt.
    Search,
    /// `?`: the keys of the view open.
    Help,
    /// `E`: why the file on disk does not open now.
    Errors,
    /// T: the thread of the selected event.
    Thread,
    /// P: what one party said over time.
    Positions,
    /// `:`: the jump-to-date prompt.
    Jump,
    /// `r`: the date-range prompt.
    Range,
    /// `Q`: the quotes browser.
    QuoteList,
    /// `C`: the current quote in its archived source.
    Context,
    /// `S`: the sources view, the bibliography of the events shown.
    Sources,
    /// `S`: the one-key choice of the selected event's status.
    Status,
    /// `A`: the new-event form.
    Form,
    /// `a` in the sources view: the path of a saved page to archive.
    ArchivePage,
}

/// A view over the browser, closed by Esc.
#[derive(Clone, Debug)]
pub enum Overlay {
    Picker(Picker),
    Search(SearchPrompt),
    Quotes {
        scroll: usize,
    },
    Help {
        scroll: usize,
    },
    /// Why the file on disk does not open now (`E`).
    Errors {
        scroll: usize,
    },
    /// The thread (T) or positions (P) view.
    List(EventList),
    /// The jump-to-date prompt (`:`) and what has been typed.
    Jump {
        input: String,
    },
    /// The date-range prompt (`r`) and what has been typed.
    Range {
        input: String,
    },
    /// The quotes browser (`Q`): every quote of the events shown, by who said it.
    // Boxed: it holds two queries, far larger than any other overlay.
    QuoteList(Box<QuoteList>),
    /// A quote in its archived source (`C`).
    Context(QuoteContext),
    /// The sources view (`S`).
    Sources(sources::SourcesView),
    /// The new-event form (`A`).
    Form(event_form::EventForm),
    /// The one-key choice of a new status for this event (`S`).
    Status {
        event: crate::model::EventIx,
    },
    /// The path of a saved page to archive (`a` in the sources view).
    PagePath(archive_page::PagePrompt),
}

impl Overlay {
    /// Which key table applies while this overlay has the keyboard.
    pub(crate) fn mode(&self) -> Mode {
        match self {
            Overlay::Picker(p) => p.mode(),
            Overlay::Search(_) => Mode::Search,
            Overlay::Quotes { .. } => Mode::Quotes,
            Overlay::Help { .. } => Mode::Help,
            Overlay::Errors { .. } => Mode::Errors,
            Overlay::List(_) => Mode::List,
            Overlay::Jump { .. } => Mode::Jump,
            Overlay::Range { .. } => Mode::Range,
            Overlay::QuoteList(_) => Mode::QuoteList,
            Overlay::Context(c) if c.selection.is_some() => Mode::Select,
            Overlay::Context(_) => Mode::Context,
            Overlay::Sources(_) => Mode::Sources,
            Overlay::Status { .. } => Mode::Choose,
            Overlay::Form(_) => Mode::Form,
            Overlay::PagePath(_) => Mode::PagePath,
        }
    }

    /// Draws this overlay over the body of the screen. The prompts (search, jump, date
    /// range) are drawn in the status line (`prompt_line`), so they draw nothing here.
    pub(crate) fn draw(&self, app: &App, frame: &mut Frame, body: Rect) {
        match self {
            Overlay::Picker(p) => picker::draw::draw(app, p, frame, body),
            Overlay::Quotes { scroll } => quotes::draw(app, *scroll, frame, body),
            Overlay::Help { scroll } => help::draw(app, *scroll, frame, body),
            Overlay::Errors { scroll } => errors::draw(app, *scroll, frame, body),
            Overlay::List(l) => event_list::draw::draw(app, l, frame, body),
            Overlay::Context(c) => context::draw(app, c, frame, body),
            Overlay::Form(f) => event_form::draw(app, f, frame, body),
            Overlay::QuoteList(l) => quote_list::draw::draw(app, l, frame, body),
            Overlay::Sources(v) => sources::draw(app, v, frame, body),
            Overlay::Search(_)
            | Overlay::Jump { .. }
            | Overlay::Range { .. }
            | Overlay::Status { .. }
            | Overlay::PagePath(_) => {}
        }
    }

    /// This overlay over a new version of the log: kept, rebuilt on it, or closed (None).
    pub(crate) fn reloaded(self, app: &mut App, before: &Before) -> Option<Overlay> {
        match self {
            Overlay::Picker(p) => Some(Overlay::Picker(picker::reloaded(app, before, p))),
            Overlay::Search(s) => Some(Overlay::Search(search::reloaded(app, before, s))),
            Overlay::Quotes { .. } if !quotes::survives(app, before.same_selection) => None,
            // Errors of a version that now opens.
            Overlay::Errors { .. } => None,
            // Open again on the new log, on the same event, while it is still there.
            Overlay::List(l) => event_list::reopened(app, before, &l).map(Overlay::List),
            // Rebuilt from the filters, which were carried over by id.
            Overlay::QuoteList(l) => Some(Overlay::QuoteList(Box::new(quote_list::rebuilt(
                app, before, &l,
            )))),
            Overlay::Context(c) => context::reloaded(app, before, c).map(Overlay::Context),
            Overlay::Sources(v) => Some(Overlay::Sources(sources::rebuilt(app, before, &v))),
            // A choice made for an event of the old version is not carried over.
            Overlay::Status { .. } => None,
            kept @ (Overlay::Quotes { .. }
            | Overlay::Form(_)
            | Overlay::Help { .. }
            | Overlay::Jump { .. }
            | Overlay::Range { .. }
            | Overlay::PagePath(_)) => Some(kept),
        }
    }

    /// The scroll of a page the reader scrolls through (see `reader`).
    fn page_scroll(&mut self) -> Option<&mut usize> {
        match self {
            Overlay::Quotes { scroll } | Overlay::Help { scroll } | Overlay::Errors { scroll } => {
                Some(scroll)
            }
            _ => None,
        }
    }

    /// What a prompt shows in the status line, over the browser, in `room` columns; None
    /// for the overlays drawn over the body.
    pub(crate) fn prompt_line(&self, app: &App, room: usize) -> Option<Vec<Span<'static>>> {
        match self {
            Overlay::Search(s) => Some(search::prompt_line(app, s, room)),
            Overlay::Jump { input } => Some(jump::prompt_line(app, input, room)),
            Overlay::Range { input } => Some(range::prompt_line(app, input, room)),
            Overlay::Status { event } => Some(status_choice::prompt_line(app, *event, room)),
            Overlay::PagePath(p) => Some(archive_page::prompt_line(app, p, room)),
            _ => None,
        }
    }

    /// Whether the overlay covers the body (else the browser is drawn under it).
    pub(crate) fn covers_body(&self) -> bool {
        !matches!(
            self,
            Overlay::Search(_)
                | Overlay::Jump { .. }
                | Overlay::Range { .. }
                | Overlay::Status { .. }
                | Overlay::PagePath(_)
        )
    }
}

/// Keys while an overlay is open go to the one on top.
pub(crate) fn update(app: &mut App, action: Action) {
    match app.overlays.last() {
        None => {}
        Some(Overlay::Picker(_)) => picker::update(app, action),
        Some(Overlay::Search(_)) => search::update(app, action),
        Some(Overlay::Quotes { .. }) => quotes::update(app, action),
        Some(Overlay::Help { .. }) => help::update(app, action),
        Some(Overlay::Errors { .. }) => errors::update(app, action),
        Some(Overlay::Context(_)) => context::update(app, action),
        Some(Overlay::List(_)) => event_list::update(app, action),
        Some(Overlay::Jump { .. }) => jump::update(app, action),
        Some(Overlay::Range { .. }) => range::update(app, action),
        Some(Overlay::QuoteList(_)) => quote_list::update(app, action),
        Some(Overlay::Sources(_)) => sources::update(app, action),
        Some(Overlay::Status { .. }) => status_choice::update(app, action),
        Some(Overlay::Form(_)) => event_form::update(app, action),
        Some(Overlay::PagePath(_)) => archive_page::update(app, action),
    }
}

/// A key of the timeline that opens an overlay: opens it (or says why not); any other
/// action does nothing here.
pub(crate) fn open(app: &mut App, opener: Opener) {
    match opener {
        Opener::Quotes => quotes::open(app),
        Opener::Picker(kind) => picker::open(app, kind),
        Opener::Search => search::start(app),
        Opener::Help => help::open(app),
        Opener::Context => context::open(app),
        Opener::Errors => errors::open(app),
        Opener::Thread => event_list::open_thread(app),
        Opener::Positions => event_list::open_positions(app),
        Opener::Jump => jump::start(app),
        Opener::Range => range::start(app),
        Opener::QuoteList => quote_list::open(app),
        Opener::Sources => sources::open(app),
        Opener::Status => status_choice::open(app),
        Opener::Form => event_form::open(app),
        Opener::ArchivePage => archive_page::start(app, None),
    }
}

/// Pasted text: into the prompt open on top, or nowhere.
pub(crate) fn paste(app: &mut App, text: &str) {
    let whole = match app.overlays.last_mut() {
        Some(Overlay::Search(s)) => {
            let whole = prompt_input::append(&mut s.input, text);
            search::changed(app);
            whole
        }
        Some(Overlay::Jump { input } | Overlay::Range { input }) => {
            prompt_input::append(input, text)
        }
        Some(Overlay::Form(f)) => prompt_input::append(&mut f.values[f.focus], text),
        Some(Overlay::PagePath(p)) => prompt_input::append(&mut p.input, text),
        Some(Overlay::Picker(p)) => {
            let whole = prompt_input::append(&mut p.input, text);
            p.cursor = 0;
            p.narrow();
            whole
        }
        _ => {
            app.message = Some(
                "a paste goes into a prompt: / to search, : to jump, r for dates, or a picker"
                    .into(),
            );
            return;
        }
    };
    if !whole {
        app.message = Some(prompt_input::cut_message());
    }
}

/// The filters changed: overlays that show what they select follow.
pub(crate) fn refiltered(app: &mut App) {
    quote_list::refresh(app);
}
