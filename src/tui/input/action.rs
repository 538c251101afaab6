//! Everything the reader can ask of the browser. The keymap turns input into these;
//! `update` is the only place they take effect.

use crate::tui::overlays::Opener;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Ctrl-Z: back to the shell until `fg`, as in less and vim.
    Suspend,
    Up,
    Down,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    Top,
    Bottom,
    NextDay,
    PrevDay,
    /// Tab: timeline ↔ details.
    FocusNext,
    /// Enter: open the quotes, follow a related event, apply a picker, keep a search.
    Open,
    /// Open an overlay: a picker, a prompt, a page (the overlay list says which).
    Show(Opener),
    /// Esc: close the view on top, cancel a picker or a search.
    Back,
    /// Backspace: return from a related event.
    JumpBack,
    /// Toggle the n-th party (0-based) in the party filter.
    ToggleParty(usize),
    ClearParties,
    ClearFilters,
    NextMatch,
    PrevMatch,
    /// A character typed into a prompt or a picker's filter.
    Input(char),
    /// Backspace in a prompt.
    DeleteChar,
    /// Space in a picker.
    Toggle,
    /// Mouse wheel: lines down (negative: up).
    Wheel(i16),
    Click {
        col: u16,
        row: u16,
    },
    Resize {
        width: u16,
        height: u16,
    },
    /// L: the lanes view instead of the timeline list, and back.
    ToggleLanes,
    /// h/l: scroll the lanes sideways by so many lanes.
    ScrollLanes(isize),
    // Sharing, editing, marks, overview and dates.
    /// y, Y, w, o: copy, write the view, open the source.
    Share(Share),
    /// e: open the selected event in the reader's editor, at its line.
    Edit,
    /// m, ', ", M: marks.
    Mark(MarkAction),
    /// v: show or hide the activity overview.
    ToggleOverview,
    /// +: go to the first event new or changed since the reader last looked (a reload's
    /// new events among them).
    GoToNew,
    /// Show only the events new or changed since the reader last looked, or all again.
    OnlyUnseen,
    /// Write this status on the selected event (after `S`).
    SetStatus(crate::model::Status),
    /// u: undo the last write of this session.
    Undo,
    /// In the context view: select a passage of the archive, to make it a quote.
    Select(Selecting),
}

/// Selecting a passage in the context view (`v`), by word and by sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selecting {
    /// Start: one word, at the quote's passage when it shows, else at the top of the view.
    Start,
    /// The end a word (a sentence) further, or back; never before the first word.
    EndWord(bool),
    EndSentence(bool),
    /// The start a word (a sentence) further, or back; the end follows when passed.
    StartWord(bool),
    StartSentence(bool),
    /// Make the passage a quote: the speaker picker opens.
    Quote,
}

/// What to share from the browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Share {
    /// The selected quote with its citation, to the clipboard.
    CopyQuote,
    /// The selected event as a citation block, to the clipboard.
    CopyEvent,
    /// The filtered view as Markdown, to a new file.
    ExportView,
    /// The filtered view as a self-contained web page (HTML), to a new file.
    ExportPage,
    /// The source's URL, in the web browser.
    OpenSource,
}

/// What to do with marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkAction {
    Toggle,
    Next,
    Previous,
    /// Show only the marked events, or all again.
    OnlyMarked,
}
