//! Everything the reader can ask of the browser. The keymap turns input into these;
//! `update` is the only place they take effect.

use super::picker::PickerKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Quit,
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
    /// Esc: close the view on top, cancel a picker or a search.
    Back,
    /// Backspace: return from a related event.
    JumpBack,
    OpenPicker(PickerKind),
    /// Toggle the n-th party (0-based) in the party filter.
    ToggleParty(usize),
    ClearParties,
    ClearFilters,
    StartSearch,
    NextMatch,
    PrevMatch,
    Help,
    /// `E`: read why the file on disk does not open now.
    ShowErrors,
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
}
