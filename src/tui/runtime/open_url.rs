//! Opening a source's URL in the default browser, from the browser's `o` key.

/// Opens `url` in the reader's `$BROWSER` when set (see `browser_var`), else in the
/// default web browser, and returns without waiting for the browser
/// (`open::that_detached`: the launcher runs detached, with its output sent to /dev/null
/// so it cannot draw over the screen). The launcher is watched for about a quarter of a
/// second so that a missing one is reported; call this from a thread if even that pause
/// matters.
///
/// Only `http` and `https` URLs are opened: a log is untrusted, and a `file:` or custom
/// scheme link must not start an arbitrary program. Errors are messages for the status bar.
pub(crate) fn open_url(url: Option<&str>) -> Result<(), String> {
    let url = url.map(str::trim).filter(|u| !u.is_empty());
    let Some(url) = url else {
        return Err("this source has no URL".into());
    };
    let shown = crate::sanitize::sanitize(url);
    let lower = url.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        return Err(format!(
            "not opening {shown}: only http and https links are opened"
        ));
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || crate::sanitize::is_unsafe_char(c))
    {
        return Err(format!(
            "not opening {shown}: the URL holds spaces or control characters"
        ));
    }
    // The reader's own choice first, as other terminal tools honour it.
    if let Some(var) = std::env::var("BROWSER")
        .ok()
        .filter(|v| !v.trim().is_empty())
    {
        return super::browser_var::open(&var, url)
            .map_err(|why| format!("could not open {shown}: {why}"));
    }
    open::that_detached(url).map_err(|e| {
        format!("could not open {shown}: no web browser found ({e}); copy the URL instead")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_url_is_a_clear_message() {
        assert_eq!(open_url(None).unwrap_err(), "this source has no URL");
        assert_eq!(open_url(Some("  ")).unwrap_err(), "this source has no URL");
    }

    #[test]
    fn only_web_links_are_opened() {
        for url in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "ssh://host",
            "x",
            "-oProxyCommand=touch /tmp/pwned",
            "--help",
        ] {
            let err = open_url(Some(url)).unwrap_err();
            assert!(err.contains("only http and https"), "{url}: {err}");
        }
        let err = open_url(Some("https://e.org/\u{1b}[2J")).unwrap_err();
        assert!(
            err.contains("control characters") && !err.contains('\u{1b}'),
            "{err}"
        );
    }
}
