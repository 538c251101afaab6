//! Text from a log is untrusted: every string passes through `sanitize` before it reaches
//! a terminal or a text/markdown output, and through `fold` before it is searched.

use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Whether a character must never reach a terminal as it is: C0 and C1 controls, DEL,
/// the line and paragraph separators (a terminal may break the line, or not), and the
/// bidirectional embeddings, overrides and isolates that can reorder a line. The marks
/// that cannot (LRM, RLM, ALM) and the joiners (ZWNJ, ZWJ) are text: Arabic, Persian and
/// Hebrew need them.
pub fn is_unsafe_char(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | LINE_SEPARATOR | PARAGRAPH_SEPARATOR | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

const LINE_SEPARATOR: char = '\u{2028}';
const PARAGRAPH_SEPARATOR: char = '\u{2029}';

/// Whether `c` is a line or paragraph separator, which multi-line text shows as a break.
fn is_separator(c: char) -> bool {
    matches!(c, LINE_SEPARATOR | PARAGRAPH_SEPARATOR)
}

/// A line or paragraph separator in multi-line text, as the browser lays it out: a line
/// break, or a blank line between paragraphs.
fn push_break(out: &mut String, c: char) {
    out.push_str(if c == PARAGRAPH_SEPARATOR {
        "\n\n"
    } else {
        "\n"
    });
}

/// A quick test on bytes: false means `s` surely holds no unsafe character.
fn may_hold_unsafe(s: &str) -> bool {
    // Every text of a log passes here on loading: eight bytes at a time, and a chunk that is
    // plain printable ASCII (the usual case) costs a few operations.
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let suspect = |b: u8| b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xe2;
    let chunks = s.as_bytes().chunks_exact(8);
    let rest = chunks.remainder();
    for chunk in chunks {
        let x = u64::from_ne_bytes(chunk.try_into().expect("chunks of eight"));
        // Some byte below 0x20, or equal to 0x7f, or with its high bit set (then the bytes
        // are looked at one by one: C1 controls and the bidi controls start with 0xc2, 0xe2).
        let below_space = x.wrapping_sub(0x20 * ONES) & !x & HIGH;
        let del = x ^ (0x7f * ONES);
        let is_del = del.wrapping_sub(ONES) & !del & HIGH;
        if (below_space | is_del | x & HIGH) != 0 && chunk.iter().any(|&b| suspect(b)) {
            return true;
        }
    }
    rest.iter().any(|&b| suspect(b))
}

/// Whether text holds characters `sanitize` would escape (other than line breaks and tabs,
/// which multi-line fields may hold).
pub(crate) fn has_control_chars(s: &str) -> bool {
    // Fast path on bytes: every unsafe character is a byte below 0x20, DEL, or starts with
    // 0xC2 (C1 controls) or 0xE2 (the bidi controls).
    if !may_hold_unsafe(s) {
        return false;
    }
    s.chars()
        .any(|c| is_unsafe_char(c) && !matches!(c, '\n' | '\t' | '\r') && !is_separator(c))
}

/// One line of text, safe for a terminal: line breaks and tabs become spaces, every other
/// unsafe character is shown visibly (`␛` for ESC, `\u{202e}` for a bidi override).
pub(crate) fn sanitize(s: &str) -> Cow<'_, str> {
    if !may_hold_unsafe(s) || !s.chars().any(is_unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_safe(&mut out, c, true);
    }
    Cow::Owned(out)
}

/// Multi-line text, safe for a terminal: line breaks are kept (CRLF and CR become LF),
/// tabs become spaces, every other unsafe character is shown visibly.
pub fn sanitize_multiline(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe_char(c) && c != '\n') {
        return Cow::Borrowed(s);
    }
    let s = s.replace("\r\n", "\n");
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' | '\r' => out.push('\n'),
            c if is_separator(c) => push_break(&mut out, c),
            _ => push_safe(&mut out, c, false),
        }
    }
    Cow::Owned(out)
}

/// Words quoted from a source, for exports and the clipboard: the log's text byte for
/// byte (spaces, tabs and line breaks included, nothing trimmed); only the characters that
/// could act on a terminal are shown visibly, as `sanitize` does.
pub(crate) fn verbatim(s: &str) -> Cow<'_, str> {
    if !s
        .chars()
        .any(|c| is_unsafe_char(c) && !matches!(c, '\n' | '\t'))
    {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            c if is_separator(c) => push_break(&mut out, c),
            _ => push_safe(&mut out, c, false),
        }
    }
    Cow::Owned(out)
}

/// Data (CSV, JSON) about to be printed on a terminal rather than into a file or a pipe:
/// line ends and tabs stay, every other character that could act on the terminal is shown
/// visibly. Written to a file, the same data stays byte for byte the log's.
pub(crate) fn data_for_terminal(s: &str) -> Cow<'_, str> {
    if !s
        .chars()
        .any(|c| is_unsafe_char(c) && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(c),
            _ => push_safe(&mut out, c, false),
        }
    }
    Cow::Owned(out)
}

/// Words quoted from a source, for the screen: line breaks kept, every other control
/// character shown visibly (a tab as `␉`), nothing else changed.
pub(crate) fn verbatim_on_screen(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe_char(c) && c != '\n') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push(c),
            c if is_separator(c) => push_break(&mut out, c),
            '\t' => out.push('\u{2409}'),
            _ => push_safe(&mut out, c, false),
        }
    }
    Cow::Owned(out)
}

fn push_safe(out: &mut String, c: char, one_line: bool) {
    match c {
        '\n' | '\r' if one_line => out.push(' '),
        '\t' => out.push(' '),
        // Control Pictures block: U+2400 + code for C0, U+2421 for DEL.
        '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
        '\u{7f}' => out.push('\u{2421}'),
        c if is_unsafe_char(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        c => out.push(c),
    }
}

/// At most `max` characters of `s`, cut at a character boundary, in time proportional to
/// `max`: what is laid out on screen never needs more than fits, and a 50 MB title must not
/// cost every frame.
pub(crate) fn head(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((at, _)) => &s[..at],
        None => s,
    }
}

/// Folds text for search: lower case, accents removed, so that `Égypte`, `egypte` and
/// `EGYPTE` meet.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(&mut out, s);
    out
}

/// `fold`, appended to `out` without an intermediate string (the search index folds every
/// text of a log).
pub(crate) fn fold_into(out: &mut String, s: &str) {
    if s.is_ascii() {
        out.extend(s.bytes().map(|b| b.to_ascii_lowercase() as char));
    } else {
        out.extend(
            s.nfd()
                .filter(|c| !is_combining_mark(*c))
                .flat_map(char::to_lowercase),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_byte_test_finds_every_suspect_byte_wherever_it_is() {
        for len in 0..20 {
            for at in 0..len {
                for b in [0u8, 0x07, 0x1b, 0x1f, 0x7f] {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = b;
                    let s = String::from_utf8(bytes).unwrap();
                    assert!(may_hold_unsafe(&s), "{len} {at} {b:#x}");
                }
                for c in ['\u{85}', '\u{202e}', '\u{9b}'] {
                    let s: String = (0..len).map(|i| if i == at { c } else { 'a' }).collect();
                    assert!(may_hold_unsafe(&s), "{len} {at} {c:?}");
                }
            }
            let clean: String = " ~}!aZ09".chars().cycle().take(len).collect();
            assert!(!may_hold_unsafe(&clean), "{clean:?}");
            assert!(!may_hold_unsafe(&format!("{clean}é ø")), "{clean:?}");
        }
    }

    #[test]
    fn escapes_reach_the_screen_only_as_pictures() {
        assert_eq!(sanitize("a\u{1b}[31mb"), "a\u{241b}[31mb");
        assert_eq!(sanitize("x\u{7f}\u{85}"), "x\u{2421}\\u{85}");
        assert_eq!(sanitize("evil\u{202e}txt"), "evil\\u{202e}txt");
        assert_eq!(sanitize("two\nlines\ttab"), "two lines tab");
        assert!(matches!(sanitize("plain عربى 中文"), Cow::Borrowed(_)));
    }

    #[test]
    fn separators_break_multi_line_text_and_are_escaped_on_one_line() {
        let s = "one\u{2028}two\u{2029}three";
        assert_eq!(sanitize(s), "one\\u{2028}two\\u{2029}three");
        assert_eq!(sanitize_multiline(s), "one\ntwo\n\nthree");
        assert_eq!(verbatim(s), "one\ntwo\n\nthree");
        assert_eq!(verbatim_on_screen(s), "one\ntwo\n\nthree");
        assert_eq!(data_for_terminal(s), "one\\u{2028}two\\u{2029}three");
        // A break, not a control character to warn about.
        assert!(!has_control_chars(s));
    }

    #[test]
    fn the_bidi_controls_escaped_are_those_of_the_trojan_source_lint() {
        // rustc's `text_direction_codepoint_in_literal` names these nine: the embeddings,
        // overrides and isolates, which can reorder text across what surrounds them.
        for c in [
            '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}',
            '\u{2068}', '\u{2069}',
        ] {
            assert_eq!(
                sanitize(&format!("a{c}b")),
                format!("a\\u{{{:x}}}b", c as u32)
            );
        }
        // LRM, RLM, ALM, ZWNJ and ZWJ cannot: Persian, Arabic and Hebrew need them, kept.
        let persian = "می\u{200c}خواهیم";
        assert_eq!(persian, "می‌خواهیم");
        for text in [persian, "a\u{200e}b\u{200f}c\u{61c}d\u{200d}e"] {
            assert!(matches!(sanitize(text), Cow::Borrowed(_)), "{text}");
            assert!(
                matches!(sanitize_multiline(text), Cow::Borrowed(_)),
                "{text}"
            );
            assert!(matches!(verbatim(text), Cow::Borrowed(_)), "{text}");
        }
    }

    #[test]
    fn multiline_keeps_line_breaks_only() {
        assert_eq!(sanitize_multiline("a\r\nb\rc\u{7}"), "a\nb\nc\u{2407}");
    }

    #[test]
    fn data_for_a_terminal_keeps_line_ends_and_tabs_and_shows_the_rest() {
        assert_eq!(
            data_for_terminal("a,\u{1b}[2J\u{7}\tb\r\nc\u{202e}"),
            "a,\u{241b}[2J\u{2407}\tb\r\nc\\u{202e}"
        );
        assert!(matches!(data_for_terminal("a\tb\r\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn head_cuts_at_a_character_boundary() {
        assert_eq!(head("Égypte", 2), "Ég");
        assert_eq!(head("ab", 5), "ab");
        assert_eq!(head("", 0), "");
    }

    #[test]
    fn fold_ignores_case_and_accents() {
        assert_eq!(fold("Égypte ÇA"), "egypte ca");
        assert_eq!(fold("Al-Thani"), "al-thani");
        assert_eq!(fold("حماس"), "حماس");
    }

    #[test]
    fn control_chars_are_detected_but_line_breaks_are_not() {
        assert!(has_control_chars("a\u{1b}"));
        assert!(has_control_chars("a\u{2066}"));
        assert!(!has_control_chars("a\nb\tc"));
    }
}
