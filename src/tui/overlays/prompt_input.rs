//! What the prompts (search, jump, date range, a picker's filter) take: typed characters
//! and pasted text, each capped at a length that keeps every search instant. A paste is
//! text for the prompt it lands in, never keys: its line breaks are not Enter.

use crate::tui::layout::text::{tail, width};
use crate::tui::theme::Theme;
use ratatui::text::Span;

/// Longest prompt input, in characters: far more than any search or date, and small
/// enough that a pasted page cannot make each keystroke's search slow.
pub const MAX_CHARS: usize = 200;

/// Appends `text` to `input`, line breaks, tabs and other control characters as spaces;
/// false when the cap cut it short.
pub(crate) fn append(input: &mut String, text: &str) -> bool {
    let mut room = MAX_CHARS.saturating_sub(input.chars().count());
    for c in text.chars() {
        if room == 0 {
            return false;
        }
        input.push(if crate::sanitize::is_unsafe_char(c) {
            ' '
        } else {
            c
        });
        room -= 1;
    }
    true
}

/// Types `c` into `input`; false, with the reader told why in `message`, when the cap
/// holds it back.
pub(crate) fn type_char(input: &mut String, c: char, message: &mut Option<String>) -> bool {
    let whole = append(input, c.encode_utf8(&mut [0; 4]));
    if !whole {
        *message = Some(cut_message());
    }
    whole
}

/// How every prompt's line begins: its sign (`/`, `:`, `> `, …), what was typed (made safe
/// to show) and the cursor, in `room` columns: when what was typed is wider, its end, after
/// `…`, so that the cursor and the last characters typed stay in sight.
pub(crate) fn echo(
    theme: &Theme,
    sign: &'static str,
    input: &str,
    room: usize,
) -> [Span<'static>; 3] {
    let typed = crate::sanitize::sanitize(input);
    let fixed = width(sign) + 1;
    [
        Span::styled(sign, theme.key()),
        Span::raw(tail(&typed, room.saturating_sub(fixed))),
        Span::styled("█", theme.dim()),
    ]
}

/// `line` (a prompt's echo and anything after it) with the longest of `helps` that fits in
/// what is left of `room`, dimmed.
pub(crate) fn with_help(
    theme: &Theme,
    mut line: Vec<Span<'static>>,
    helps: Vec<String>,
    room: usize,
) -> Vec<Span<'static>> {
    let used: usize = line.iter().map(|s| width(&s.content)).sum();
    let help = crate::tui::layout::text::first_fitting(helps, room.saturating_sub(used));
    line.push(Span::styled(help, theme.dim()));
    line
}

/// What a cut input tells the reader.
pub(crate) fn cut_message() -> String {
    format!("a prompt takes {MAX_CHARS} characters; the rest was left out")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_are_spaces_and_the_cap_holds() {
        let mut s = String::new();
        assert!(append(&mut s, "Burns Cairo\nmeq\r\x1b"));
        assert_eq!(s, "Burns Cairo meq  ");
        assert!(!append(&mut s, &"x".repeat(1000)));
        assert_eq!(s.chars().count(), MAX_CHARS);
        assert!(!append(&mut s, "y"));
    }
}
