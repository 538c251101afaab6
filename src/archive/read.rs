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

/// Where the archive `written` names is, relative to the folder of `log_file`: its canonical
/// path (links followed), checked to be inside the folder. Nothing is opened yet; the same
/// file named by many sources has one canonical path, and is read once.
pub(crate) fn locate_beside(log_file: &Path, written: &str) -> Result<(PathBuf, PathBuf), String> {
    check_written(written)?;
    let dir = match log_file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let dir = dir
        .canonicalize()
        .map_err(|e| format!("archive `{written}`: cannot find the log's folder: {e}"))?;
    let full = dir.join(written);
    let real = inside(&dir, &full, written)?;
    Ok((dir, real))
}

/// `full` canonical (symbolic links followed, so a link that leads out is seen for what it
/// is), if it is inside `dir`.
fn inside(dir: &Path, full: &Path, written: &str) -> Result<PathBuf, String> {
    let real = full.canonicalize().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!(
            "archive `{written}`: no such file (looked for {})",
            full.display()
        ),
        _ => format!("archive `{written}`: cannot read: {e}"),
    })?;
    if !real.starts_with(dir) {
        return Err(format!(
            "archive `{written}` leads outside the log's folder through a symbolic link: an archive must be in the log's folder or below it; nothing outside is read"
        ));
    }
    Ok(real)
}

/// Reads the archive at `real` (from `locate_beside`, inside `dir`), within `max_bytes`
/// (else the error `too_big` words).
/// The file is opened once, without following a link in its last part and without
/// blocking (a FIFO swapped in answers at once), and what was opened is what is checked
/// and read: a regular file, the same file as the folder holds at that path now. A folder
/// swapped for a link between the check and the open is caught there, before a byte is
/// read.
pub(crate) fn read_located(
    dir: &Path,
    real: &Path,
    written: &str,
    max_bytes: u64,
    too_big: impl Fn() -> String,
) -> Result<String, String> {
    let cannot = |e: std::io::Error| format!("archive `{written}`: cannot read: {e}");
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let swapped = || {
        format!(
            "archive `{written}` changed while it was opened (a file, link or folder on its path was replaced): nothing was read; check the folder and load again"
        )
    };
    let file = options.open(real).map_err(|e| {
        // A link put in the file's place since it was located.
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ELOOP) {
            return swapped();
        }
        cannot(e)
    })?;
    let meta = file.metadata().map_err(cannot)?;
    if !meta.is_file() {
        return Err(format!(
            "archive `{written}` is not a regular file: expected a text or Markdown file"
        ));
    }
    #[cfg(unix)]
    {
        // What was opened must be what the folder holds at that path, once links are
        // followed again: else a folder on the way was swapped for a link meanwhile.
        use std::os::unix::fs::MetadataExt;
        let now = inside(dir, real, written)?;
        let there = std::fs::metadata(&now).map_err(cannot)?;
        if (there.dev(), there.ino()) != (meta.dev(), meta.ino()) {
            return Err(swapped());
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
    if meta.len() > max_bytes {
        return Err(too_big());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::io::Read::read_to_end(
        &mut std::io::Read::take(file, max_bytes.saturating_add(1)),
        &mut bytes,
    )
    .map_err(cannot)?;
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

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// A log's folder with `sources/report.txt`, and a folder outside it holding a file of
    /// the same name.
    fn folders() -> (tempfile::TempDir, PathBuf) {
        let d = tempfile::tempdir().unwrap();
        let log = d.path().join("talks/log.yaml");
        std::fs::create_dir_all(d.path().join("talks/sources")).unwrap();
        std::fs::create_dir_all(d.path().join("outside")).unwrap();
        std::fs::write(d.path().join("talks/sources/report.txt"), "inside").unwrap();
        std::fs::write(d.path().join("outside/report.txt"), "outside").unwrap();
        (d, log)
    }

    fn read(dir: &Path, real: &Path) -> Result<String, String> {
        read_located(dir, real, "sources/report.txt", 1 << 20, || {
            "too big".into()
        })
    }

    #[test]
    fn a_folder_swapped_for_a_link_after_the_check_is_caught_before_anything_is_read() {
        let (d, log) = folders();
        let (dir, real) = locate_beside(&log, "sources/report.txt").unwrap();
        let talks = d.path().join("talks");
        std::fs::rename(talks.join("sources"), talks.join("kept")).unwrap();
        std::os::unix::fs::symlink(d.path().join("outside"), talks.join("sources")).unwrap();
        let why = read(&dir, &real).expect_err("the outside file is not read");
        assert!(why.contains("outside the log's folder"), "{why}");
        // Swapped back before the check of what was opened: still not the same file.
        std::fs::remove_file(talks.join("sources")).unwrap();
        std::fs::rename(talks.join("kept"), talks.join("sources")).unwrap();
        assert_eq!(read(&dir, &real).unwrap(), "inside");
    }

    #[test]
    fn a_file_swapped_for_a_link_after_the_check_is_refused() {
        let (d, log) = folders();
        let (dir, real) = locate_beside(&log, "sources/report.txt").unwrap();
        std::fs::remove_file(&real).unwrap();
        std::os::unix::fs::symlink(d.path().join("outside/report.txt"), &real).unwrap();
        let why = read(&dir, &real).expect_err("the link is not followed");
        assert!(why.contains("changed while it was opened"), "{why}");
    }

    #[test]
    fn a_fifo_swapped_in_after_the_check_is_refused_at_once() {
        let (_d, log) = folders();
        let (dir, real) = locate_beside(&log, "sources/report.txt").unwrap();
        std::fs::remove_file(&real).unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(&real)
            .status()
            .unwrap();
        assert!(made.success());
        // No writer ever comes: a blocking open would wait for ever.
        let why = read(&dir, &real).expect_err("a FIFO is not read");
        assert!(why.contains("not a regular file"), "{why}");
    }
}
