//! The one keymap: which input does what in which mode. The help screen and the status
//! bar's hints are generated from `BINDINGS`, so they cannot disagree with it. Adding a
//! key for an existing `Action` is one line here; a key opening a new overlay binds
//! `Action::Show` with the overlay list's `Opener`; any other new `Action` also needs its
//! variant and the arm that handles it in `update`.

use crate::model::Status;
use crate::tui::input::action::{Action, MarkAction, Selecting, Share};
use crate::tui::overlays::Opener;
use crate::tui::overlays::picker::PickerKind;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

/// What has the keyboard: the view on top.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Timeline and details.
    Browse,
    Quotes,
    /// The pickers that set a filter: several entries may be ticked.
    Picker,
    /// The picker of whose positions `P` shows: one party, nothing to tick.
    Whose,
    Search,
    Help,
    /// The thread and positions views.
    List,
    /// The jump-to-date prompt.
    Jump,
    /// The date-range prompt.
    Range,
    /// The quotes browser.
    QuoteList,
    /// Why the file on disk does not open now.
    Errors,
    /// A quote in its archived source.
    Context,
    /// The sources view.
    Sources,
    /// The one-key choice of the selected event's new status.
    Choose,
    /// The new-event form (`A`).
    Form,
    /// The path of a saved page to archive (`a` in the sources view).
    PagePath,
    /// A passage selected in the context view (`v` there), to make a quote of.
    Select,
    /// Who said the passage: the speaker picker, then the party picker.
    Speaker,
}

impl Mode {
    pub(crate) const ALL: [Mode; 18] = [
        Mode::Browse,
        Mode::Quotes,
        Mode::QuoteList,
        Mode::Sources,
        Mode::Context,
        Mode::List,
        Mode::Picker,
        Mode::Whose,
        Mode::Search,
        Mode::Help,
        Mode::Jump,
        Mode::Range,
        Mode::Errors,
        Mode::Choose,
        Mode::Form,
        Mode::PagePath,
        Mode::Select,
        Mode::Speaker,
    ];

    pub(crate) fn title(self) -> &'static str {
        match self {
            Mode::Browse => "Timeline and details",
            Mode::Quotes => "Quotes",
            Mode::Picker => "Pickers (p a t s # b O)",
            Mode::Whose => "Whose positions (p in P)",
            Mode::Search => "Search prompt (/)",
            Mode::Help => "This help",
            Mode::List => "Thread and positions views (T P)",
            Mode::Jump => "Jump to a date (:)",
            Mode::Range => "Date range (r)",
            Mode::QuoteList => "Quotes browser (Q)",
            Mode::Errors => "Errors of the file on disk (E)",
            Mode::Context => "A quote in its archived source (C)",
            Mode::Sources => "Sources view (S)",
            Mode::Choose => "The selected event's status (=)",
            Mode::Form => "A new event (A)",
            Mode::PagePath => "Archive a saved page (a in S)",
            Mode::Select => "A passage to quote (v in C)",
            Mode::Speaker => "Who said the passage",
        }
    }

    /// Modes where typed characters go into a text field.
    fn takes_text(self) -> bool {
        matches!(
            self,
            Mode::Picker
                | Mode::Whose
                | Mode::Speaker
                | Mode::Search
                | Mode::Jump
                | Mode::Range
                | Mode::Form
                | Mode::PagePath
        )
    }
}

/// One input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
    /// 1 to 9; the action gets the digit's 0-based index.
    Digits,
    Wheel,
    Click,
}

impl Key {
    fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{c}"),
            Key::Digits => "1–9".into(),
            Key::Wheel => "wheel".into(),
            Key::Click => "click".into(),
            Key::Code(code) => match code {
                KeyCode::Up => "↑".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::Left => "←".into(),
                KeyCode::Right => "→".into(),
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::PageDown => "PgDn".into(),
                KeyCode::Home => "Home".into(),
                KeyCode::End => "End".into(),
                KeyCode::Enter => "Enter".into(),
                KeyCode::Esc => "Esc".into(),
                KeyCode::Tab => "Tab".into(),
                KeyCode::BackTab => "Shift-Tab".into(),
                KeyCode::Backspace => "Backspace".into(),
                other => format!("{other:?}"),
            },
        }
    }

    fn matches(self, k: &KeyEvent) -> bool {
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        let alt = k.modifiers.contains(KeyModifiers::ALT);
        match self {
            Key::Char(c) => k.code == KeyCode::Char(c) && !ctrl && !alt,
            Key::Ctrl(c) => k.code == KeyCode::Char(c) && ctrl,
            Key::Code(code) => k.code == code && !ctrl && !alt,
            Key::Digits => matches!(k.code, KeyCode::Char('1'..='9')) && !ctrl && !alt,
            Key::Wheel | Key::Click => false,
        }
    }
}

/// One line of the keymap.
pub struct Binding {
    pub(crate) modes: &'static [Mode],
    keys: &'static [Key],
    pub action: Action,
    /// What it does, for the help screen.
    pub help: &'static str,
    /// A word or two for the status bar's hints, when it is worth a place there.
    hint: Option<&'static str>,
}

use Key::{Char, Code, Ctrl};
use Mode::{
    Browse, Choose, Context, Errors, Form, Help, Jump, List, Picker, QuoteList, Quotes, Range,
    Search, Select, Sources, Speaker, Whose,
};

const B: &[Mode] = &[Browse];
/// The timeline and the quotes browser: the filters that both take.
const BQ: &[Mode] = &[Browse, QuoteList];
const READ: &[Mode] = &[
    Browse, Quotes, QuoteList, Help, List, Errors, Context, Sources,
];
const PAGES: &[Mode] = &[
    Browse, Quotes, QuoteList, Help, Picker, Whose, Speaker, List, Errors, Context, Sources,
];
const EVERY: &[Mode] = &[
    Browse, Quotes, QuoteList, Picker, Whose, Speaker, Search, Help, List, Errors, Context,
    Sources, Select,
];
const TEXT: &[Mode] = &[Picker, Whose, Speaker, Search];
/// Every kind of picker.
const PICKERS: &[Mode] = &[Picker, Whose, Speaker];

const fn bind(
    modes: &'static [Mode],
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        modes,
        keys,
        action,
        help,
        hint,
    }
}

/// The keymap, in the order the help screen lists it.
pub const BINDINGS: &[Binding] = &[
    bind(
        B,
        &[Char('j'), Code(KeyCode::Down)],
        Action::Down,
        "next event (in details: next related event)",
        Some("move"),
    ),
    bind(
        B,
        &[Char('k'), Code(KeyCode::Up)],
        Action::Up,
        "previous event (in details: previous related event)",
        None,
    ),
    bind(
        &[Help, Errors, Context],
        &[Char('j'), Code(KeyCode::Down)],
        Action::Down,
        "scroll down",
        Some("scroll"),
    ),
    bind(
        &[Help, Errors, Context],
        &[Char('k'), Code(KeyCode::Up)],
        Action::Up,
        "scroll up",
        None,
    ),
    bind(
        PICKERS,
        &[Code(KeyCode::Down), Ctrl('n')],
        Action::Down,
        "next entry",
        Some("move"),
    ),
    bind(
        PICKERS,
        &[Code(KeyCode::Up), Ctrl('p')],
        Action::Up,
        "previous entry",
        None,
    ),
    bind(
        PAGES,
        &[Code(KeyCode::PageDown)],
        Action::PageDown,
        "page down",
        None,
    ),
    bind(
        PAGES,
        &[Code(KeyCode::PageUp)],
        Action::PageUp,
        "page up",
        None,
    ),
    bind(
        READ,
        &[Ctrl('d')],
        Action::HalfPageDown,
        "half a page down",
        None,
    ),
    bind(
        READ,
        &[Ctrl('u')],
        Action::HalfPageUp,
        "half a page up",
        None,
    ),
    bind(
        READ,
        &[Char('g'), Code(KeyCode::Home)],
        Action::Top,
        "first event / top",
        None,
    ),
    bind(
        READ,
        &[Char('G'), Code(KeyCode::End)],
        Action::Bottom,
        "last event / bottom",
        None,
    ),
    bind(B, &[Char(']')], Action::NextDay, "next day", None),
    bind(B, &[Char('[')], Action::PrevDay, "previous day", None),
    bind(
        B,
        &[Code(KeyCode::Tab), Code(KeyCode::BackTab)],
        Action::FocusNext,
        "focus timeline / details",
        Some("details"),
    ),
    bind(
        B,
        &[Code(KeyCode::Enter)],
        Action::Open,
        "open the quotes (in details: go to the related event)",
        Some("quotes"),
    ),
    bind(
        B,
        &[Code(KeyCode::Backspace)],
        Action::JumpBack,
        "return from a related event",
        None,
    ),
    bind(
        B,
        &[Char('p')],
        Action::Show(Opener::Picker(PickerKind::Party)),
        "filter by party",
        Some("party"),
    ),
    bind(
        &[QuoteList],
        &[Char('p')],
        Action::Show(Opener::Picker(PickerKind::Party)),
        "only what these parties said",
        Some("party"),
    ),
    bind(
        B,
        &[Char('a')],
        Action::Show(Opener::Picker(PickerKind::Actor)),
        "filter by actor (taking part or quoted)",
        Some("actor"),
    ),
    bind(
        &[QuoteList],
        &[Char('a')],
        Action::Show(Opener::Picker(PickerKind::Actor)),
        "only what these actors said",
        Some("actor"),
    ),
    bind(
        B,
        &[Char('t')],
        Action::Show(Opener::Picker(PickerKind::Kind)),
        "filter by kind",
        Some("kind"),
    ),
    bind(
        B,
        &[Char('s')],
        Action::Show(Opener::Picker(PickerKind::Status)),
        "filter by status",
        Some("status"),
    ),
    // The header names these two, so the status bar keeps its room for the others.
    bind(
        B,
        &[Char('#')],
        Action::Show(Opener::Picker(PickerKind::Topic)),
        "filter by topic",
        None,
    ),
    bind(
        B,
        &[Char('b')],
        Action::Show(Opener::Picker(PickerKind::Source)),
        "filter by source (the events resting on it, their quotes' included)",
        None,
    ),
    bind(
        B,
        &[Char('O')],
        Action::Show(Opener::Picker(PickerKind::Outlet)),
        "filter by outlet (case and accents ignored)",
        None,
    ),
    bind(
        &[QuoteList],
        &[Char('b')],
        Action::Show(Opener::Picker(PickerKind::Source)),
        "only quotes from these sources",
        None,
    ),
    bind(
        &[QuoteList],
        &[Char('O')],
        Action::Show(Opener::Picker(PickerKind::Outlet)),
        "only quotes these outlets published",
        None,
    ),
    bind(
        B,
        &[Char('r')],
        Action::Show(Opener::Range),
        "date range, as --from and --to (the prompt gives examples)",
        None,
    ),
    bind(
        &[QuoteList],
        &[Char('#')],
        Action::Show(Opener::Picker(PickerKind::Topic)),
        "only quotes of events with this topic",
        Some("topic"),
    ),
    bind(
        &[QuoteList],
        &[Char('r')],
        Action::Show(Opener::Range),
        "only quotes of events in a date range (as --from and --to)",
        Some("dates"),
    ),
    bind(
        B,
        &[Key::Digits],
        Action::ToggleParty(0),
        "toggle the n-th party in the filter",
        None,
    ),
    bind(
        B,
        &[Char('0')],
        Action::ClearParties,
        "clear the party filter",
        None,
    ),
    bind(
        &[QuoteList],
        &[Char('/')],
        Action::Show(Opener::Search),
        "search the quotes: only those holding the words (or said by them)",
        Some("search"),
    ),
    bind(
        B,
        &[Char('/')],
        Action::Show(Opener::Search),
        "search titles, summaries, quotes, places, topics, names",
        Some("search"),
    ),
    bind(
        B,
        &[Char('n')],
        Action::NextMatch,
        "next match of the search",
        None,
    ),
    bind(
        B,
        &[Char('N')],
        Action::PrevMatch,
        "previous match of the search",
        None,
    ),
    bind(
        BQ,
        &[Char('c')],
        Action::ClearFilters,
        "clear every filter and the search",
        Some("clear"),
    ),
    // Sharing, marks, the overview and dates.
    bind(
        &[Quotes],
        &[Char('j'), Code(KeyCode::Down)],
        Action::Down,
        "next quote",
        Some("quote"),
    ),
    bind(
        &[Quotes],
        &[Char('k'), Code(KeyCode::Up)],
        Action::Up,
        "previous quote",
        None,
    ),
    bind(
        &[Quotes],
        &[Char('C')],
        Action::Show(Opener::Context),
        "the quote in its context: its archived source, the quote highlighted",
        Some("context"),
    ),
    bind(
        &[QuoteList],
        &[Char('C')],
        Action::Show(Opener::Context),
        "the quote under the cursor in its archived source",
        None,
    ),
    bind(
        B,
        &[Char('C')],
        Action::Show(Opener::Context),
        "the event's first quote in its archived source",
        None,
    ),
    bind(
        &[Quotes],
        &[Char('y')],
        Action::Share(Share::CopyQuote),
        "copy the quote under the cursor with its citation (OSC 52)",
        Some("copy"),
    ),
    bind(
        &[QuoteList],
        &[Char('j'), Code(KeyCode::Down)],
        Action::Down,
        "next quote",
        Some("move"),
    ),
    bind(
        &[QuoteList],
        &[Char('k'), Code(KeyCode::Up)],
        Action::Up,
        "previous quote",
        None,
    ),
    bind(
        &[QuoteList],
        &[Code(KeyCode::Enter)],
        Action::Open,
        "open the quote's event, at the quote (Esc comes back)",
        Some("event"),
    ),
    bind(
        &[QuoteList],
        &[Char('y')],
        Action::Share(Share::CopyQuote),
        "copy the quote with its citation, its event's status and any translation (OSC 52)",
        Some("copy"),
    ),
    bind(
        &[QuoteList],
        &[Char('o')],
        Action::Share(Share::OpenSource),
        "open the quote's source URL in the web browser",
        None,
    ),
    bind(
        B,
        &[Char('y')],
        Action::Share(Share::CopyQuote),
        "copy the event's first quote with its citation (OSC 52)",
        None,
    ),
    bind(
        &[Browse, Quotes],
        &[Char('Y')],
        Action::Share(Share::CopyEvent),
        "copy the event as a citation block",
        None,
    ),
    bind(
        &[Browse, Quotes],
        &[Char('o')],
        Action::Share(Share::OpenSource),
        "open the source's URL in the web browser",
        None,
    ),
    bind(
        &[Browse, Quotes],
        &[Char('e')],
        Action::Edit,
        "edit the event (or the quote) in your editor ($VISUAL, $EDITOR or vi), at its line",
        None,
    ),
    bind(
        B,
        &[Char('w')],
        Action::Share(Share::ExportView),
        "write the filtered view to a new Markdown file here",
        None,
    ),
    bind(
        B,
        &[Char('W')],
        Action::Share(Share::ExportPage),
        "write the filtered view as a web page (HTML) to a new file here",
        None,
    ),
    bind(
        B,
        &[Char('m')],
        Action::Mark(MarkAction::Toggle),
        "mark or unmark the event (kept outside the log)",
        Some("mark"),
    ),
    bind(
        B,
        &[Char('\'')],
        Action::Mark(MarkAction::Next),
        "next marked event",
        None,
    ),
    bind(
        B,
        &[Char('"')],
        Action::Mark(MarkAction::Previous),
        "previous marked event",
        None,
    ),
    bind(
        B,
        &[Char('M')],
        Action::Mark(MarkAction::OnlyMarked),
        "show only the marked events, or all again",
        None,
    ),
    bind(
        B,
        &[Char('v')],
        Action::ToggleOverview,
        "show or hide the activity overview (click a bar to go there)",
        None,
    ),
    bind(
        B,
        &[Char(':')],
        Action::Show(Opener::Jump),
        "jump to a date",
        None,
    ),
    bind(
        B,
        &[Char('+')],
        Action::GoToNew,
        "go to the first event new (+) or changed (~) since you last looked (Backspace returns)",
        None,
    ),
    bind(
        B,
        &[Char('U')],
        Action::OnlyUnseen,
        "show only the events new or changed since you last looked, or all again",
        Some("new"),
    ),
    bind(
        B,
        &[Char('=')],
        Action::Show(Opener::Status),
        "change the selected event's status in the log (then o e c d)",
        None,
    ),
    bind(
        B,
        &[Char('u')],
        Action::Undo,
        "undo the last write to the log (if the file has not changed since)",
        None,
    ),
    bind(
        &[Choose],
        &[Char('o')],
        Action::SetStatus(Status::Occurred),
        "occurred",
        Some("occurred"),
    ),
    bind(
        &[Choose],
        &[Char('e')],
        Action::SetStatus(Status::Expected),
        "expected",
        Some("expected"),
    ),
    bind(
        &[Choose],
        &[Char('c')],
        Action::SetStatus(Status::Cancelled),
        "cancelled",
        Some("cancelled"),
    ),
    bind(
        &[Choose],
        &[Char('d')],
        Action::SetStatus(Status::Disputed),
        "disputed",
        Some("disputed"),
    ),
    bind(
        &[Choose],
        &[Code(KeyCode::Esc)],
        Action::Back,
        "cancel",
        Some("cancel"),
    ),
    bind(&[Choose], &[Ctrl('c')], Action::Quit, "quit", None),
    bind(
        B,
        &[Char('A')],
        Action::Show(Opener::Form),
        "add an event to the log: a form, its date the selected event's day",
        None,
    ),
    bind(
        &[Form],
        &[Code(KeyCode::Tab), Code(KeyCode::Down)],
        Action::Down,
        "next field",
        Some("next field"),
    ),
    bind(
        &[Form],
        &[Code(KeyCode::BackTab), Code(KeyCode::Up)],
        Action::Up,
        "previous field",
        None,
    ),
    bind(
        &[Form],
        &[Code(KeyCode::Backspace)],
        Action::DeleteChar,
        "delete a character",
        None,
    ),
    bind(
        &[Form],
        &[Char(' ')],
        Action::Toggle,
        "parties, actors, topics, sources: pick from the log's (where an id starts; else a space)",
        Some("pick"),
    ),
    bind(
        &[Form],
        &[Code(KeyCode::Enter)],
        Action::Open,
        "write the event to the log",
        Some("write"),
    ),
    bind(
        &[Form],
        &[Code(KeyCode::Esc)],
        Action::Back,
        "discard the new event",
        Some("discard"),
    ),
    bind(&[Form], &[Ctrl('c')], Action::Quit, "quit", None),
    bind(
        &[Jump],
        &[Code(KeyCode::Enter)],
        Action::Open,
        "go to the first event at or after the date",
        Some("go"),
    ),
    bind(
        &[Jump],
        &[Code(KeyCode::Backspace)],
        Action::DeleteChar,
        "delete a character",
        None,
    ),
    bind(
        &[Jump],
        &[Code(KeyCode::Esc)],
        Action::Back,
        "cancel",
        Some("cancel"),
    ),
    bind(&[Jump], &[Ctrl('c')], Action::Quit, "quit", None),
    bind(
        &[Jump, Range],
        &[Ctrl('z')],
        Action::Suspend,
        "suspend to the shell (fg resumes)",
        None,
    ),
    bind(
        &[Range],
        &[Code(KeyCode::Enter)],
        Action::Open,
        "apply the range (empty clears it)",
        Some("apply"),
    ),
    bind(
        &[Range],
        &[Code(KeyCode::Backspace)],
        Action::DeleteChar,
        "delete a character",
        None,
    ),
    bind(
        &[Range],
        &[Code(KeyCode::Esc)],
        Action::Back,
        "cancel",
        Some("cancel"),
    ),
    bind(&[Range], &[Ctrl('c')], Action::Quit, "quit", None),
    // n and N type letters here, so the prompt steps with these, as fzf and readline do.
    bind(
        &[Search],
        &[Code(KeyCode::Down), Ctrl('n')],
        Action::NextMatch,
        "next match, without filtering (as n after Enter)",
        None,
    ),
    bind(
        &[Search],
        &[Code(KeyCode::Up), Ctrl('p')],
        Action::PrevMatch,
        "previous match, without filtering (as N after Enter)",
        None,
    ),
    bind(
        &[Search],
        &[Code(KeyCode::Enter)],
        Action::Open,
        "keep the search as a filter",
        Some("keep"),
    ),
    // As in fzf: Tab ticks; Space ticks only until a name is being typed, then it types
    // (names have spaces: "Hamas delegation").
    bind(
        &[Picker],
        &[Code(KeyCode::Tab)],
        Action::Toggle,
        "tick the entry (for several at once)",
        Some("tick"),
    ),
    bind(
        &[Picker],
        &[Char(' ')],
        Action::Input(' '),
        "tick the entry while nothing is typed, else type a space",
        None,
    ),
    bind(
        &[Picker],
        &[Code(KeyCode::Enter)],
        Action::Open,
        "apply (the entry under the cursor if none is ticked)",
        Some("apply"),
    ),
    // One party at a time: nothing to tick, so Tab is not bound and Space only types.
    bind(
        &[Whose],
        &[Code(KeyCode::Enter)],
        Action::Open,
        "show the positions of the party under the cursor",
        Some("show positions"),
    ),
    bind(
        &[Speaker],
        &[Code(KeyCode::Enter)],
        Action::Open,
        "the passage becomes a quote said by the one under the cursor (no speaker: pick the party next)",
        Some("pick"),
    ),
    bind(
        TEXT,
        &[Code(KeyCode::Backspace)],
        Action::DeleteChar,
        "delete a character",
        None,
    ),
    bind(
        &[Browse, Quotes, QuoteList, List, Sources],
        &[Char('?')],
        Action::Show(Opener::Help),
        "this help",
        Some("help"),
    ),
    bind(
        &[
            Quotes, QuoteList, Help, Picker, Whose, Speaker, Search, List, Errors, Context,
            Sources, Select,
        ],
        &[Code(KeyCode::Esc)],
        Action::Back,
        "back / cancel",
        Some("back"),
    ),
    bind(
        B,
        &[Code(KeyCode::Esc)],
        Action::Back,
        "back to the timeline (from the details, or from the lanes to the list)",
        None,
    ),
    bind(
        B,
        &[Char('E')],
        Action::Show(Opener::Errors),
        "read why the file on disk does not open (it reloads on save)",
        None,
    ),
    bind(READ, &[Char('q')], Action::Quit, "quit", Some("quit")),
    bind(EVERY, &[Ctrl('c')], Action::Quit, "quit", None),
    bind(
        EVERY,
        &[Ctrl('z')],
        Action::Suspend,
        "suspend to the shell (fg resumes)",
        None,
    ),
    // Seeing the negotiation: lanes, threads, positions.
    bind(
        B,
        &[Char('L')],
        Action::ToggleLanes,
        "lanes view: one column per party (again, or Esc: back to the list)",
        Some("lanes"),
    ),
    bind(
        B,
        &[Char('h'), Code(KeyCode::Left)],
        Action::ScrollLanes(-1),
        "lanes view: scroll the lanes left",
        None,
    ),
    bind(
        B,
        &[Char('l'), Code(KeyCode::Right)],
        Action::ScrollLanes(1),
        "lanes view: scroll the lanes right",
        None,
    ),
    bind(
        B,
        &[Char('T')],
        Action::Show(Opener::Thread),
        "thread: what the event answers and what answered it, in order",
        Some("thread"),
    ),
    bind(
        B,
        &[Char('P')],
        Action::Show(Opener::Positions),
        "positions: what a party said over time (p there picks the party)",
        Some("positions"),
    ),
    bind(
        B,
        &[Char('Q')],
        Action::Show(Opener::QuoteList),
        "quotes browser: every quote of the events shown, by who said it",
        Some("all quotes"),
    ),
    bind(
        B,
        &[Char('S')],
        Action::Show(Opener::Sources),
        "sources view: the bibliography of the events shown, what rests on each source",
        None,
    ),
    // A quote from the archived text.
    bind(
        &[Context],
        &[Char('v')],
        Action::Select(Selecting::Start),
        "select a passage to make a quote of (at the quote, else at the top of the view)",
        Some("select a quote"),
    ),
    bind(
        &[Select],
        &[Char('w'), Code(KeyCode::Right)],
        Action::Select(Selecting::EndWord(true)),
        "the passage a word longer",
        Some("word"),
    ),
    bind(
        &[Select],
        &[Char('b'), Code(KeyCode::Left)],
        Action::Select(Selecting::EndWord(false)),
        "the passage a word shorter",
        None,
    ),
    bind(
        &[Select],
        &[Char(')')],
        Action::Select(Selecting::EndSentence(true)),
        "the passage to the end of the sentence (again: of the next)",
        Some("sentence"),
    ),
    bind(
        &[Select],
        &[Char('(')],
        Action::Select(Selecting::EndSentence(false)),
        "the passage back to the end of the sentence before",
        None,
    ),
    bind(
        &[Select],
        &[Char('W')],
        Action::Select(Selecting::StartWord(true)),
        "its start a word later (into the next paragraph from the last word)",
        None,
    ),
    bind(
        &[Select],
        &[Char('B')],
        Action::Select(Selecting::StartWord(false)),
        "its start a word earlier (into the paragraph before from the first word)",
        None,
    ),
    bind(
        &[Select],
        &[Char('}')],
        Action::Select(Selecting::StartSentence(true)),
        "its start at the next sentence",
        None,
    ),
    bind(
        &[Select],
        &[Char('{')],
        Action::Select(Selecting::StartSentence(false)),
        "its start at the start of the sentence (again: of the one before)",
        None,
    ),
    bind(
        &[Select],
        &[Code(KeyCode::Enter), Char('a')],
        Action::Select(Selecting::Quote),
        "make the passage a quote of the event: pick who said it",
        Some("quote it"),
    ),
    bind(
        &[Sources],
        &[Char('j'), Code(KeyCode::Down)],
        Action::Down,
        "next source",
        Some("move"),
    ),
    bind(
        &[Sources],
        &[Char('k'), Code(KeyCode::Up)],
        Action::Up,
        "previous source",
        None,
    ),
    bind(
        &[Sources],
        &[Code(KeyCode::Enter)],
        Action::Open,
        "show the timeline filtered to the events resting on the source",
        Some("its events"),
    ),
    bind(
        &[Sources],
        &[Char('o')],
        Action::Share(Share::OpenSource),
        "open the source's URL in the web browser",
        Some("open URL"),
    ),
    bind(
        &[Sources],
        &[Char('C')],
        Action::Show(Opener::Context),
        "read the source's archived copy",
        Some("archive"),
    ),
    bind(
        &[Sources],
        &[Char('a')],
        Action::Show(Opener::ArchivePage),
        "archive a saved page (its path typed): as the source's archive when it has none, else as a new source",
        Some("archive a page"),
    ),
    bind(
        &[Mode::PagePath],
        &[Code(KeyCode::Enter)],
        Action::Open,
        "archive the page (as `dateline add source --from-page`)",
        Some("archive"),
    ),
    bind(
        &[Mode::PagePath],
        &[Code(KeyCode::Backspace)],
        Action::DeleteChar,
        "delete a character",
        None,
    ),
    bind(
        &[Mode::PagePath],
        &[Code(KeyCode::Esc)],
        Action::Back,
        "cancel",
        Some("cancel"),
    ),
    bind(&[Mode::PagePath], &[Ctrl('c')], Action::Quit, "quit", None),
    bind(
        &[List],
        &[Char('j'), Code(KeyCode::Down)],
        Action::Down,
        "next entry",
        Some("move"),
    ),
    bind(
        &[List],
        &[Char('k'), Code(KeyCode::Up)],
        Action::Up,
        "previous entry",
        None,
    ),
    bind(
        &[List],
        &[Code(KeyCode::Enter)],
        Action::Open,
        "go to the event in the timeline (Backspace returns)",
        Some("go to"),
    ),
    bind(
        &[List],
        &[Char('p')],
        Action::Show(Opener::Picker(PickerKind::Party)),
        "positions: choose the party whose positions to show",
        Some("whose positions"),
    ),
    bind(
        EVERY,
        &[Key::Wheel],
        Action::Wheel(3),
        "mouse wheel scrolls",
        None,
    ),
    bind(
        B,
        &[Key::Click],
        Action::Click { col: 0, row: 0 },
        "mouse click selects a row",
        None,
    ),
];

/// Lines of help that are not single keys.
pub(crate) fn text_help(mode: Mode) -> Option<&'static str> {
    match mode {
        Mode::Picker | Mode::Whose | Mode::Speaker => Some("type to narrow the list (fuzzy)"),
        Mode::Search => Some("type to search; case and accents are ignored"),
        Mode::Jump => Some("type a date: YYYY, YYYY-MM or YYYY-MM-DD, or today"),
        Mode::Form => Some("type into the field marked ▶; its problem shows under it"),
        Mode::PagePath => Some("type or paste the page's path (~ is your home folder)"),
        Mode::Range => {
            Some("type a range: FROM..TO, FROM.., ..TO or one period (YYYY, YYYY-MM, YYYY-MM-DD)")
        }
        _ => None,
    }
}

/// The action an input asks for in `mode`, if any.
pub fn action_for(event: &Event, mode: Mode) -> Option<Action> {
    match event {
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        Event::Mouse(m) => {
            let wanted = match m.kind {
                MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Key::Wheel,
                MouseEventKind::Down(MouseButton::Left) => Key::Click,
                _ => return None,
            };
            let bound = BINDINGS
                .iter()
                .any(|b| b.modes.contains(&mode) && b.keys.contains(&wanted));
            match m.kind {
                _ if !bound => None,
                MouseEventKind::ScrollDown => Some(Action::Wheel(3)),
                MouseEventKind::ScrollUp => Some(Action::Wheel(-3)),
                _ => Some(Action::Click {
                    col: m.column,
                    row: m.row,
                }),
            }
        }
        Event::Key(k) if k.kind != KeyEventKind::Release => key_action(k, mode),
        _ => None,
    }
}

fn key_action(k: &KeyEvent, mode: Mode) -> Option<Action> {
    for b in BINDINGS.iter().filter(|b| b.modes.contains(&mode)) {
        if let Some(key) = b.keys.iter().find(|key| key.matches(k)) {
            return Some(match (key, b.action, k.code) {
                (Key::Digits, Action::ToggleParty(_), KeyCode::Char(d)) => {
                    Action::ToggleParty(d.to_digit(10).map_or(0, |d| d as usize - 1))
                }
                _ => b.action,
            });
        }
    }
    match k.code {
        KeyCode::Char(c)
            if mode.takes_text()
                && !k
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::Input(c))
        }
        _ => None,
    }
}

/// All keys of a binding, for the help screen: `j ↓`.
pub(crate) fn keys_label(b: &Binding) -> String {
    b.keys
        .iter()
        .map(|k| k.label())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The hints that fit in `room` columns, each drawn as `key hint  `: the most useful
/// first (see `HINT_RANK`), shown in the table's order, with `? help` always kept.
pub(crate) fn fitting_hints(mode: Mode, room: usize) -> Vec<(String, &'static str)> {
    let all = hints(mode);
    let cost = |(k, h): &(String, &str)| crate::tui::layout::text::width(k) + h.len() + 3;
    let help = all.iter().position(|(k, _)| k == "?");
    let mut left = room.saturating_sub(help.map_or(0, |i| cost(&all[i])));
    let mut order: Vec<usize> = (0..all.len()).filter(|&i| Some(i) != help).collect();
    order.sort_by_key(|&i| {
        HINT_RANK
            .iter()
            .position(|h| *h == all[i].1)
            .unwrap_or(usize::MAX)
    });
    let mut keep = vec![false; all.len()];
    if let Some(i) = help {
        keep[i] = true;
    }
    for i in order {
        if cost(&all[i]) <= left {
            left -= cost(&all[i]);
            keep[i] = true;
        }
    }
    all.into_iter()
        .zip(keep)
        .filter_map(|(h, k)| k.then_some(h))
        .collect()
}

/// Which hints the status bar keeps first when the width is short.
const HINT_RANK: &[&str] = &[
    "move",
    "quotes",
    "search",
    "party",
    "lanes",
    "thread",
    "details",
    "back",
    "apply",
    "show positions",
    "tick",
    "keep",
    "go",
    "go to",
    "copy",
    "quote",
    "actor",
    "positions",
    "clear",
    "mark",
    "kind",
    "status",
    "quit",
];

/// Hints for the status bar: `j move  Enter quotes  p party …`.
pub fn hints(mode: Mode) -> Vec<(String, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| b.modes.contains(&mode))
        .filter_map(|b| Some((b.keys[0].label(), b.hint?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyEventState, MouseEvent};

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        })
    }

    #[test]
    fn help_says_marked_only_of_marks() {
        // `m` marks events; a help line that calls the quote under the cursor "marked"
        // sends the reader looking for a mark.
        for b in BINDINGS {
            if b.help.contains("marked") {
                assert!(
                    b.keys
                        .iter()
                        .any(|k| matches!(k, Char('m' | 'M' | '\'' | '"'))),
                    "{:?}: {}",
                    b.keys,
                    b.help
                );
            }
        }
    }

    #[test]
    fn vim_keys_and_arrows_do_the_same() {
        let none = KeyModifiers::NONE;
        for m in [Mode::Browse, Mode::Quotes, Mode::Help] {
            assert_eq!(
                action_for(&key(KeyCode::Char('j'), none), m),
                action_for(&key(KeyCode::Down, none), m)
            );
            assert_eq!(
                action_for(&key(KeyCode::Char('G'), KeyModifiers::SHIFT), m),
                Some(Action::Bottom)
            );
        }
    }

    #[test]
    fn digits_toggle_the_nth_party_and_text_modes_take_letters() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            action_for(&key(KeyCode::Char('3'), none), Mode::Browse),
            Some(Action::ToggleParty(2))
        );
        assert_eq!(
            action_for(&key(KeyCode::Char('q'), none), Mode::Search),
            Some(Action::Input('q'))
        );
        assert_eq!(
            action_for(&key(KeyCode::Char('j'), none), Mode::Picker),
            Some(Action::Input('j'))
        );
        assert_eq!(
            action_for(
                &key(KeyCode::Char('c'), KeyModifiers::CONTROL),
                Mode::Search
            ),
            Some(Action::Quit)
        );
        assert_eq!(
            action_for(&key(KeyCode::Char('x'), none), Mode::Browse),
            None
        );
    }

    #[test]
    fn mouse_and_resize_become_actions() {
        let m = |kind| {
            Event::Mouse(MouseEvent {
                kind,
                column: 4,
                row: 7,
                modifiers: KeyModifiers::NONE,
            })
        };
        assert_eq!(
            action_for(&m(MouseEventKind::ScrollUp), Mode::Browse),
            Some(Action::Wheel(-3))
        );
        assert_eq!(
            action_for(&m(MouseEventKind::Down(MouseButton::Left)), Mode::Browse),
            Some(Action::Click { col: 4, row: 7 })
        );
        assert_eq!(
            action_for(&Event::Resize(3, 1), Mode::Help),
            Some(Action::Resize {
                width: 3,
                height: 1
            })
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_mode() {
        for mode in Mode::ALL {
            let mut seen = Vec::new();
            for b in BINDINGS.iter().filter(|b| b.modes.contains(&mode)) {
                for k in b.keys {
                    assert!(!seen.contains(k), "{k:?} bound twice in {mode:?}");
                    seen.push(*k);
                }
            }
        }
    }
}
