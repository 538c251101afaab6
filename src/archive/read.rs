//! Reading an archive named by a log: only a file inside the log's folder, within the size
//! limit, as UTF-8 text. A path that leaves the folder is refused before anything outside
//! is read.

use std::path::{Component, Path, PathBuf};

/// Checks a path as written, before the file system is touched: relative, and never above
/// the log's folder through `..`.
pub(crate) fn check_written(written: &str) -> Result<(), String> {
    let path = Path::new(written);
    if path.has_root()
        || path.is_absolute()
        || path
            .components()
            .any(|c| matches!(c, Component::Prefix(_) | Component::RootDir))
    {
        return Err(format!(
            "archive `{written}` is an absolute path: expected a path relative to the log's folder, such as `sources/report.txt`"
        ));
    }
    let mut depth: usize = 0;
    for c in path.components() {
        match c {
            Component::Normal(_) => depth += 1,
            Component::ParentDir => {
                depth = depth.checked_sub(1).ok_or_else(|| {
                    format!(
                        "archive `{written}` leaves the log's folder through `..`: an archive must be in the log's folder or below it; nothing outside is read"
                    )
                })?
            }
            _ => {}
        }
    }
    Ok(())
}

/// Reads the archive `written` names, relative to the folder of `log_file`.
pub(crate) fn read_beside(
    log_file: &Path,
    written: &str,
    max_bytes: u64,
) -> Result<String, String> {
    check_written(written)?;
    let dir = match log_file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let dir = dir
        .canonicalize()
        .map_err(|e| format!("archive `{written}`: cannot find the log's folder: {e}"))?;
    let full = dir.join(written);
    // Canonical: symbolic links followed, so a link that leads out is seen for what it is.
    let real = full.canonicalize().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!(
            "archive `{written}`: no such file (looked for {})",
            full.display()
        ),
        _ => format!("archive `{written}`: cannot read: {e}"),
    })?;
    if !real.starts_with(&dir) {
        return Err(format!(
            "archive `{written}` leads outside the log's folder through a symbolic link: an archive must be in the log's folder or below it; nothing outside is read"
        ));
    }
    let meta =
        std::fs::metadata(&real).map_err(|e| format!("archive `{written}`: cannot read: {e}"))?;
    if !meta.is_file() {
        return Err(format!(
            "archive `{written}` is not a regular file: expected a text or Markdown file"
        ));
    }
    let too_big = || {
        format!(
            "archive `{written}` is over the limit of {max_bytes} bytes (raise it with --max-file-size)"
        )
    };
    if meta.len() > max_bytes {
        return Err(too_big());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(&real)
        .and_then(|f| {
            std::io::Read::read_to_end(
                &mut std::io::Read::take(f, max_bytes.saturating_add(1)),
                &mut bytes,
            )
        })
        .map_err(|e| format!("archive `{written}`: cannot read: {e}"))?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_big());
    }
    text_of(written, bytes)
}

/// The archive's bytes as text: UTF-8 or an error that says where it is not.
fn text_of(written: &str, bytes: Vec<u8>) -> Result<String, String> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        format!(
            "archive `{written}` is not UTF-8 text (byte 0x{:02x} at offset {at}, line {line}): save it as UTF-8",
            bytes[at]
        )
    })?;
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    // An archive made from a saved page starts with where and when it was archived: not
    // the publication's words, so never matched.
    let text = crate::page::without_provenance(&text).to_string();
    let markdown = Path::new(written)
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("md") || x.eq_ignore_ascii_case("markdown"));
    Ok(if markdown { markdown_text(&text) } else { text })
}

/// The words a reader of a Markdown file sees, without its markup (emphasis, links, headings'
/// `#`), each block a paragraph of its own: quotes are matched against what was published,
/// not against how the copy was marked up. Parsed with pulldown-cmark, a CommonMark parser.
fn markdown_text(md: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut out = String::with_capacity(md.len());
    for event in Parser::new(md) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::TableRow,
            ) => {
                let kept = out.trim_end_matches('\n').len();
                out.truncate(kept);
                out.push_str("\n\n");
            }
            Event::End(TagEnd::TableCell) => out.push(' '),
            _ => {}
        }
    }
    let kept = out.trim_end().len();
    out.truncate(kept);
    out.push('\n');
    out
}
