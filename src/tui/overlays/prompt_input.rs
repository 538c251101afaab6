//! What the prompts (search, jump, date range, a picker's filter) take: typed characters
//! and pasted text, each capped at a length that keeps every search instant. A paste is
//! text for the prompt it lands in, never keys: its line breaks are not Enter.

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
        input.push(if crate::text::is_unsafe_char(c) {
            ' '
        } else {
            c
        });
        room -= 1;
    }
    true
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
