//! What the exports read in a web browser share (TimelineJS, the HTML page): text made
//! safe to put in HTML, and the rule that decides which URLs may become links.
//!
//! Log text is untrusted. It is first sanitised like every export (control characters and
//! bidirectional overrides shown visibly), then every character HTML gives a meaning to is
//! escaped, so no title, quote or name can open a tag or end an attribute.

use crate::sanitize::{sanitize, sanitize_multiline};

/// One line of log text, sanitised and escaped for HTML text or a quoted attribute.
pub(crate) fn text(s: &str) -> String {
    escape(&sanitize(s))
}

/// Escapes `& < > " '` (and `/`, so `</script>` can never appear), for text or attributes.
pub(crate) fn escape(s: &str) -> String {
    html_escape::encode_safe(s).into_owned()
}

/// Multi-line log text as paragraphs of one line each (sanitised, not escaped): a blank
/// line separates paragraphs; a single line break is where the writer wrapped the YAML, so
/// it reads as a space, as Markdown reads it.
pub(crate) fn reflow(s: &str) -> Vec<String> {
    sanitize_multiline(s.trim())
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Multi-line log text as HTML paragraphs: a blank line starts a new `<p>`; a single line
/// break is where the writer wrapped the YAML, so it reads as a space (as in Markdown).
/// Empty text gives nothing.
pub(crate) fn paragraphs(s: &str) -> String {
    reflow(s)
        .iter()
        .map(|p| format!("<p>{}</p>", escape(p)))
        .collect()
}

/// Text that may span lines as inline HTML: wrapped lines joined by spaces, paragraphs
/// separated by an empty line (`<br><br>`), for inside a `<p>` or a `<blockquote>`.
pub(crate) fn flow(s: &str) -> String {
    let paras: Vec<String> = reflow(s).iter().map(|p| escape(p)).collect();
    paras.join("<br><br>")
}

/// Whether a URL may be a link: only `http` and `https` (scheme compared without case),
/// so `javascript:`, `data:` or `file:` from a log never become something to click.
pub(crate) fn is_web_url(url: &str) -> bool {
    let url = url.trim_start();
    let Some((scheme, rest)) = url.split_once(':') else {
        return false;
    };
    (scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http"))
        && rest.starts_with("//")
        && !url
            .chars()
            .any(|c| c.is_control() || crate::sanitize::is_unsafe_char(c))
}

/// `<a href="URL">label</a>` when the URL is http(s); else the label followed by the URL as
/// plain text in brackets. `label` must already be HTML.
pub(crate) fn link(label_html: &str, url: &str) -> String {
    if is_web_url(url) {
        format!(
            "<a href=\"{}\" rel=\"noopener noreferrer\">{label_html}</a>",
            escape(url.trim())
        )
    } else {
        format!("{label_html} ({})", text(url))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_from_a_log_stays_text() {
        assert_eq!(
            text("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2F;script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(text("a\u{202e}b"), "a\\u{202e}b");
    }

    #[test]
    fn only_http_and_https_become_links() {
        assert!(is_web_url("https://example.org/a"));
        assert!(is_web_url("HTTP://example.org"));
        for bad in [
            "javascript:alert(1)",
            "JavaScript://%0aalert(1)",
            "data:text/html,x",
            "file:///etc/passwd",
            "//example.org",
            "https:example.org",
            "https://example.org/\u{1b}[31m",
        ] {
            assert!(!is_web_url(bad), "{bad}");
        }
        assert_eq!(link("R", "javascript:alert(1)"), "R (javascript:alert(1))");
        assert_eq!(
            link("R", "https://e.org/?a=1&b=\"2\""),
            "<a href=\"https:&#x2F;&#x2F;e.org&#x2F;?a=1&amp;b=&quot;2&quot;\" rel=\"noopener noreferrer\">R</a>"
        );
    }

    #[test]
    fn paragraphs_keep_breaks() {
        assert_eq!(
            paragraphs("one\ntwo\n\n<three>\n"),
            "<p>one two</p><p>&lt;three&gt;</p>"
        );
        assert_eq!(paragraphs("  "), "");
    }
}
