//! YAML scalars as a log file writes them: plain where YAML reads the text back unchanged,
//! else double-quoted with escapes (or a literal block for text of several lines), so that
//! any string loads back byte for byte.

/// Where a scalar is written: flow collections (`[a, b]`, `{k: v}`) forbid more characters.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Context {
    Block,
    Flow,
}

/// Free text: plain when safe, else quoted.
pub(crate) fn text(s: &str, ctx: Context) -> String {
    if plain_safe(s, ctx) && !looks_typed(s) {
        s.to_string()
    } else {
        quoted(s)
    }
}

/// A word the format reads itself (a date, an id, a kind): plain when YAML allows it, since
/// `date: 2024-05-03` is how people write it, else quoted.
pub(crate) fn word(s: &str, ctx: Context) -> String {
    if plain_safe(s, ctx) {
        s.to_string()
    } else {
        quoted(s)
    }
}

/// Text of several lines as a literal block (`|`), its lines at `indent`, when a block
/// keeps it exactly; None when it would not.
pub(crate) fn literal_block(s: &str, indent: &str, eol: &str) -> Option<String> {
    if !s.contains('\n') || s.starts_with([' ', '\n', '\t']) || s.contains("\n\n\n") {
        return None;
    }
    let body = s.strip_suffix('\n');
    let (chomp, body) = match body {
        Some(b) if b.ends_with('\n') => return None,
        Some(b) => ("", b),
        None => ("-", s),
    };
    let lines: Vec<&str> = body.split('\n').collect();
    // A line ending in spaces is where editors and readers disagree: quoted instead.
    let printable = s
        .chars()
        .all(|c| c == '\n' || (!c.is_control() && printable_char(c) && !special_break(c)));
    if !printable || lines.iter().any(|l| l.ends_with([' ', '\t'])) {
        return None;
    }
    let mut out = format!("|{chomp}");
    for l in lines {
        out.push_str(eol);
        if !l.is_empty() {
            out.push_str(indent);
            out.push_str(l);
        }
    }
    Some(out)
}

/// Whether YAML reads `s` as a plain scalar equal to itself.
fn plain_safe(s: &str, ctx: Context) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    if s.starts_with([' ', '\t']) || s.ends_with([' ', '\t', ':']) {
        return false;
    }
    if s.contains(": ") || s.contains(" #") || s.contains(":\t") || s.contains("\t#") {
        return false;
    }
    if ctx == Context::Flow && s.contains([',', '[', ']', '{', '}', ':', '#']) {
        return false;
    }
    s.chars()
        .all(|c| c != '\t' && !c.is_control() && printable_char(c) && !special_break(c))
        && !(s == "---" || s == "...")
}

/// Characters some readers take as line breaks or strip: always escaped.
fn special_break(c: char) -> bool {
    matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// YAML's printable set, beyond the ASCII controls.
fn printable_char(c: char) -> bool {
    !matches!(c, '\u{7f}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}')
}

/// Text a YAML reader could take for something other than text: null, a boolean, a
/// number, a date. The format reads these as text where it expects text, but other tools
/// (and people) read the file too.
fn looks_typed(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "~" | "null" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n"
    ) {
        return true;
    }
    let unsigned = lower.trim_start_matches(['+', '-']);
    if matches!(unsigned, ".inf" | ".nan") {
        return true;
    }
    s.chars().any(|c| c.is_ascii_digit())
        && s.chars().all(|c| {
            c.is_ascii_digit() || "-+.:_eExXoObBTtZz ".contains(c) || c.is_ascii_hexdigit()
        })
}

/// A double-quoted scalar with every character that YAML would not keep escaped.
pub(crate) fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if (c as u32) < 0x20 || ('\u{7f}'..='\u{9f}').contains(&c) => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            '\u{feff}' | '\u{fffe}' | '\u{ffff}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_only_where_yaml_reads_it_back() {
        assert_eq!(
            text("Burns lands in Cairo", Context::Block),
            "Burns lands in Cairo"
        );
        assert_eq!(text("Élysée, à Paris", Context::Block), "Élysée, à Paris");
        assert_eq!(
            text("Élysée, à Paris", Context::Flow),
            "\"Élysée, à Paris\""
        );
        for odd in [
            "a: b",
            "a #b",
            "- x",
            "* x",
            "&a",
            "!x",
            "%x",
            "@x",
            "|",
            ">",
            "'x",
            "\"x",
            "[x",
            "{x",
            "?x",
            "yes",
            "No",
            "null",
            "~",
            "12",
            "1.5",
            "2024-05-03",
            " lead",
            "trail ",
            "two\nlines",
            "tab\there",
            "",
        ] {
            assert!(text(odd, Context::Block).starts_with('"'), "{odd:?}");
        }
        assert_eq!(word("2024-05-03", Context::Block), "2024-05-03");
        assert_eq!(
            word("2025-10-25T10:00[Asia/Kuala_Lumpur]", Context::Block),
            "2025-10-25T10:00[Asia/Kuala_Lumpur]"
        );
        assert_eq!(
            word("2025-10-25T10:00[Asia/Kuala_Lumpur]", Context::Flow),
            "\"2025-10-25T10:00[Asia/Kuala_Lumpur]\""
        );
    }

    #[test]
    fn quoting_escapes_what_yaml_would_change() {
        assert_eq!(quoted("a\"b\\c\u{1}\u{2028}"), "\"a\\\"b\\\\c\\x01\\L\"");
    }

    #[test]
    fn a_literal_block_only_when_it_keeps_the_text() {
        assert_eq!(
            literal_block("one\ntwo\n", "  ", "\n").as_deref(),
            Some("|\n  one\n  two")
        );
        assert_eq!(
            literal_block("one\n\ntwo", "  ", "\n").as_deref(),
            Some("|-\n  one\n\n  two")
        );
        assert_eq!(literal_block(" one\ntwo", "  ", "\n"), None);
        assert_eq!(literal_block("one \ntwo", "  ", "\n"), None);
        assert_eq!(literal_block("one\n\n", "  ", "\n"), None);
    }
}
