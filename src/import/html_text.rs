//! TimelineJS text is HTML (headlines, texts, captions). A log holds plain text: this turns
//! a fragment into it. Paragraphs and line breaks are kept, a link keeps its address after
//! its words, scripts and styles are dropped with their content, entities are decoded.

/// Block-level tags: each starts a new paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tr",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "pre",
    "hr",
];

/// The tag's name, lower case, and whether it closes: `</P attr>` gives (`p`, true).
fn tag_name(tag: &str) -> (String, bool) {
    let t = tag.trim_start();
    let (closing, t) = match t.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    // A tag name starts with a letter: `2 < 3` is text.
    if !t.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return (String::new(), closing);
    }
    let name: String = t
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    (name, closing)
}

/// The `href` of an `<a …>` tag, if it has one.
fn href(tag: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find("href")?;
    let rest = tag[at + 4..].trim_start().strip_prefix('=')?.trim_start();
    let value = match rest.chars().next()? {
        q @ ('"' | '\'') => rest[1..].split(q).next()?,
        _ => rest.split(|c: char| c.is_whitespace() || c == '>').next()?,
    };
    let value = html_escape::decode_html_entities(value).trim().to_owned();
    (!value.is_empty()).then_some(value)
}

/// Where `</name` next starts in `s`, whatever the case of `name` (ASCII, lower case).
fn find_closing(s: &str, name: &str) -> Option<usize> {
    memchr::memchr_iter(b'<', s.as_bytes()).find(|&i| {
        let b = &s.as_bytes()[i + 1..];
        b.first() == Some(&b'/')
            && b.len() > name.len()
            && b[1..=name.len()].eq_ignore_ascii_case(name.as_bytes())
    })
}

/// Plain text of an HTML fragment: paragraphs separated by a blank line, `<br>` a line
/// break, runs of spaces one space. Linear in the fragment: each byte is scanned a bounded
/// number of times, whatever the `<`, `>` and tags it holds.
pub(crate) fn to_text(html: &str) -> String {
    let mut raw = String::with_capacity(html.len());
    // Where the text not yet read starts.
    let mut pos = 0;
    // The open link: its address and where its words start. HTML does not nest links, and
    // a browser ends one when the next opens: so does this, so each link's words are read
    // once.
    let mut link: Option<(Option<String>, usize)> = None;
    // The first `>` at or after some point (`usize::MAX`: none to the end), found once and
    // reused by every `<` before it, so that many `<` and one far `>` are not one scan each.
    let mut next_gt: Option<usize> = None;
    let close_link = |raw: &mut String, link: &mut Option<(Option<String>, usize)>| {
        if let Some((Some(url), start)) = link.take() {
            let words = html_escape::decode_html_entities(&raw[start..]).into_owned();
            if words.trim() != url {
                raw.push_str(&format!(" ({url})"));
            }
        }
    };
    while let Some(lt) = memchr::memchr(b'<', &html.as_bytes()[pos..]).map(|i| pos + i) {
        raw.push_str(&html[pos..lt]);
        let after = lt + 1;
        // Comments end at `-->`; other tags at `>`. A `<` that opens nothing is text.
        if html[after..].starts_with("!--") {
            let body = after + 3;
            pos = html[body..]
                .find("-->")
                .map_or(html.len(), |e| body + e + 3);
            continue;
        }
        let gt = match next_gt {
            Some(g) if g >= after => g,
            _ => {
                let g = memchr::memchr(b'>', &html.as_bytes()[after..])
                    .map_or(usize::MAX, |i| after + i);
                next_gt = Some(g);
                g
            }
        };
        if gt == usize::MAX {
            raw.push('<');
            pos = after;
            continue;
        }
        let tag = &html[after..gt];
        let (name, closing) = tag_name(tag);
        if name.is_empty() {
            raw.push('<');
            pos = after;
            continue;
        }
        pos = gt + 1;
        match name.as_str() {
            "script" | "style" if !closing => {
                pos = match find_closing(&html[pos..], &name) {
                    Some(i) => html[pos + i..]
                        .find('>')
                        .map_or(html.len(), |g| pos + i + g + 1),
                    None => html.len(),
                };
            }
            "br" => raw.push('\n'),
            "a" if !closing => {
                close_link(&mut raw, &mut link);
                link = Some((href(tag), raw.len()));
            }
            "a" => close_link(&mut raw, &mut link),
            n if BLOCKS.contains(&n) => raw.push_str("\n\n"),
            _ => {}
        }
    }
    let rest = &html[pos..];
    raw.push_str(rest);
    let decoded = html_escape::decode_html_entities(&raw).replace('\u{a0}', " ");
    // One space between words, one blank line between paragraphs.
    let mut paras: Vec<String> = Vec::new();
    for para in decoded.split("\n\n") {
        let lines: Vec<String> = para
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect();
        if !lines.is_empty() {
            paras.push(lines.join("\n"));
        }
    }
    paras.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_breaks_and_entities() {
        assert_eq!(
            to_text("<p>One &amp; <b>two</b></p><p>three<br/>four&nbsp;five</p>"),
            "One & two\n\nthree\nfour five"
        );
        assert_eq!(to_text("a &lt;b&gt; &#8220;c&#x201d;"), "a <b> “c”");
    }

    #[test]
    fn links_keep_their_address_and_scripts_go() {
        assert_eq!(
            to_text(
                r#"See <a href="https://e.org/a?x=1&amp;y=2">the report</a>.<script>alert(1)</script>"#
            ),
            "See the report (https://e.org/a?x=1&y=2)."
        );
        assert_eq!(
            to_text("<a href='https://e.org'>https://e.org</a>"),
            "https://e.org"
        );
        assert_eq!(to_text("2 < 3 and <!-- note --> 4"), "2 < 3 and 4");
    }
}
