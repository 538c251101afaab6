//! Pretty JSON in which the values under every `dateline` key keep the log's text exactly,
//! yet never hold it raw: `<`, `>`, `&` and the characters a terminal must not obey
//! (controls, bidi overrides, line separators) are written as `\uXXXX` there. The value
//! reads back byte for byte, while a page that pastes the file into a `<script>` block, or
//! a reader who looks at it in a terminal, meets no markup and no reordering. The rest of
//! the file (dateline's own HTML, already escaped) is written as serde_json writes it.

use serde::Serialize;
use serde_json::ser::{CharEscape, Formatter, PrettyFormatter};
use std::io::{self, Write};

struct Fields<'a> {
    inner: PrettyFormatter<'a>,
    depth: usize,
    /// The depth of the `dateline` object being written, if one is.
    within: Option<usize>,
    in_key: bool,
    key: String,
    /// The key just written was `dateline`: its value is escaped.
    next_is_fields: bool,
}

fn escaped(c: char) -> bool {
    matches!(c, '<' | '>' | '&' | '\u{2028}' | '\u{2029}') || crate::sanitize::is_unsafe_char(c)
}

impl Formatter for Fields<'_> {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.enter();
        self.inner.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.leave();
        self.depth -= 1;
        self.inner.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.inner.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.enter();
        self.inner.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.leave();
        self.depth -= 1;
        self.inner.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.in_key = true;
        self.key.clear();
        self.inner.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.in_key = false;
        self.next_is_fields = self.within.is_none() && self.key == "dateline";
        self.inner.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.next_is_fields = false;
        self.inner.end_object_value(w)
    }
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        if self.in_key {
            self.key.push_str(fragment);
        }
        if self.within.is_none() || !fragment.chars().any(escaped) {
            return w.write_all(fragment.as_bytes());
        }
        for c in fragment.chars() {
            if escaped(c) {
                // Every such character is in the Basic Multilingual Plane: one `\u` each.
                write!(w, "\\u{:04x}", c as u32)?;
            } else {
                let mut buf = [0; 4];
                w.write_all(c.encode_utf8(&mut buf).as_bytes())?;
            }
        }
        Ok(())
    }
    fn write_char_escape<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        escape: CharEscape,
    ) -> io::Result<()> {
        self.inner.write_char_escape(w, escape)
    }
}

impl Fields<'_> {
    fn enter(&mut self) {
        if self.next_is_fields {
            self.within = Some(self.depth);
            self.next_is_fields = false;
        }
    }
    fn leave(&mut self) {
        if self.within == Some(self.depth) {
            self.within = None;
        }
    }
}

/// `value` as pretty JSON (two spaces), its `dateline` values escaped as above.
pub(crate) fn to_string_pretty(value: &impl Serialize) -> String {
    let mut out = Vec::new();
    let formatter = Fields {
        inner: PrettyFormatter::new(),
        depth: 0,
        within: None,
        in_key: false,
        key: String::new(),
        next_is_fields: false,
    };
    let mut ser = serde_json::Serializer::with_formatter(&mut out, formatter);
    value
        .serialize(&mut ser)
        .expect("serialises: no maps with other keys than strings, no floats");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_the_dateline_values_are_escaped_and_read_back_the_same() {
        let v = json!({
            "text": "<p>a & b</p>",
            "dateline": {"title": "<script>\u{202e} & \u{2028}", "parties": ["x<y"]}
        });
        let s = to_string_pretty(&v);
        assert!(s.contains("\"<p>a & b</p>\""), "{s}");
        assert!(!s.contains("<script"), "{s}");
        assert!(!s.contains('\u{202e}'), "{s}");
        assert!(
            s.contains("\\u003cscript\\u003e\\u202e \\u0026 \\u2028"),
            "{s}"
        );
        assert!(s.contains("\"x\\u003cy\""), "{s}");
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
        assert_eq!(s, {
            let plain = serde_json::to_string_pretty(&v).unwrap();
            plain
                .replace("<script>", "\\u003cscript\\u003e")
                .replace('\u{202e}', "\\u202e")
                .replace(" & \u{2028}", " \\u0026 \\u2028")
                .replace("x<y", "x\\u003cy")
        });
    }
}
