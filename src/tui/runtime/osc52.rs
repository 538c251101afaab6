//! Copy to the clipboard through the terminal: the OSC 52 escape sequence. It travels in
//! the output stream, so it works over SSH and inside tmux (with `set-clipboard on`), with
//! no clipboard tool on the machine running dateline.
//!
//! The sequence ends with BEL rather than ST (`ESC \`): BEL is what tmux itself emits
//! (its default `Ms` capability) and what xterm, iTerm2, kitty, Alacritty, WezTerm, foot
//! and Windows Terminal all accept; terminals that do not know OSC 52 ignore the whole
//! sequence either way. The payload is base64, so nothing from the log reaches the
//! terminal raw.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// The escape sequence that puts `text` on the system clipboard (`c` selection).
pub(crate) fn sequence(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", STANDARD.encode(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_decodes_back_to_the_text() {
        let text = "“Words” — Ismail Haniyeh, حماس, 中文 😀\nline two \u{1b}";
        let seq = sequence(text);
        let payload = seq
            .strip_prefix("\x1b]52;c;")
            .and_then(|s| s.strip_suffix('\x07'))
            .expect("OSC 52 framing");
        assert!(
            payload
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
        );
        let decoded = STANDARD.decode(payload).unwrap();
        assert_eq!(String::from_utf8(decoded).unwrap(), text);
    }

    #[test]
    fn empty_text_clears_nothing_dangerous() {
        assert_eq!(sequence(""), "\x1b]52;c;\x07");
    }
}
