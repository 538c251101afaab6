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

/// A log's folder, opened once: every archive beside the log is reached from this handle,
/// one name at a time, so what the folder's path leads to later changes nothing.
pub(crate) struct Folder {
    /// Canonical: an absolute link that leads back inside is recognised by it.
    path: PathBuf,
    #[cfg(unix)]
    fd: std::os::fd::OwnedFd,
}

/// Opens the folder of `log_file` (the log's own path is trusted: the user named it).
pub(crate) fn open_folder(log_file: &Path) -> Result<Folder, String> {
    let dir = match log_file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let path = dir.canonicalize().map_err(|e| e.to_string())?;
    #[cfg(unix)]
    {
        use rustix::fs::{Mode, OFlags};
        let fd = rustix::fs::open(
            &path,
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
            Mode::empty(),
        )
        .map_err(|e| std::io::Error::from(e).to_string())?;
        Ok(Folder { path, fd })
    }
    #[cfg(not(unix))]
    Ok(Folder { path })
}

/// The refusal of a folder that could not be opened, for the archive that needed it.
fn no_folder(written: &str, why: &str) -> String {
    format!("archive `{written}`: cannot find the log's folder: {why}")
}

/// What identifies a file once opened, so that one named by many sources (by whatever path)
/// is read once: its device and inode.
#[cfg(unix)]
pub(crate) type Key = (u64, u64);
#[cfg(not(unix))]
pub(crate) type Key = PathBuf;

/// An archive opened beside the log: a regular file inside its folder, not read yet.
pub(crate) struct Opened {
    file: std::fs::File,
    len: u64,
    key: Key,
}

impl Opened {
    pub(crate) fn key(&self) -> Key {
        #[cfg(unix)]
        return self.key;
        #[cfg(not(unix))]
        return self.key.clone();
    }

    /// The file as opened, before anything of it was read.
    pub(crate) fn stamp(&self) -> Stamp {
        Stamp {
            len: self.len,
            hash: None,
        }
    }
}

/// What a load found in an archive: its size when opened and the hash of its bytes as read
/// (none when it was not read whole: too large, or over a budget).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    pub(crate) hash: Option<u64>,
}

/// What a load found at one archive path of a log file: the file, or why none could be
/// opened. A load's are kept with its log (`Log::archive_stamps`), so that a reload can tell
/// that none changed without parsing the log again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamped {
    /// The log file naming it, by index, and the path as written there.
    pub(crate) file: usize,
    pub(crate) written: String,
    pub(crate) found: Result<Stamp, String>,
}

/// Whether every archive path a load looked for (`stamps`) still finds what it found then,
/// the log's files at `paths` (in the order of `Log::files`): opened as a load opens them,
/// and read again to compare the bytes' hash (file times are too coarse to tell a rewrite
/// of the same size within the same clock tick).
pub(crate) fn all_as_stamped(stamps: &[Stamped], paths: &[PathBuf]) -> bool {
    let mut folders: std::collections::HashMap<usize, Result<Folder, String>> =
        std::collections::HashMap::new();
    stamps.iter().all(|s| {
        let Some(file) = paths.get(s.file) else {
            return false;
        };
        let folder = folders.entry(s.file).or_insert_with(|| open_folder(file));
        let opened = open_in(folder, &s.written);
        match (opened, &s.found) {
            (Err(now), Err(then)) => now == *then,
            (
                Ok(opened),
                Ok(Stamp {
                    len,
                    hash: Some(hash),
                }),
            ) if opened.len == *len => {
                let mut bytes = Vec::with_capacity(opened.len as usize);
                let read = std::io::Read::read_to_end(
                    &mut std::io::Read::take(opened.file, len.saturating_add(1)),
                    &mut bytes,
                );
                read.is_ok() && crate::write::hash(&bytes) == *hash
            }
            _ => false,
        }
    })
}

/// Links followed on one archive's path at most, as the kernel's own bound.
#[cfg(unix)]
const MAX_LINKS: usize = 40;

/// `open_beside`, in the folder of a log file if it could be opened (else why not).
pub(crate) fn open_in(folder: &Result<Folder, String>, written: &str) -> Result<Opened, String> {
    match folder {
        Ok(folder) => open_beside(folder, written),
        Err(why) => Err(no_folder(written, why)),
    }
}

/// Opens the archive `written` names inside `folder`, never anything outside it, and checks
/// what was opened: a regular file.
///
/// The path is walked one name at a time from the folder's handle, each folder opened
/// relative to the one before it and none through a link (`openat` with `O_NOFOLLOW`), so a
/// folder on the way swapped for a link at any moment is seen as a link, never passed
/// through. A link is followed by reading it and walking its target the same way, from the
/// folder it is in: one whose target leaves the log's folder is refused. The file itself is
/// opened without blocking (a FIFO answers at once) and what was opened is checked with
/// `fstat`, then read: the same handle, never the path again.
pub(crate) fn open_beside(folder: &Folder, written: &str) -> Result<Opened, String> {
    check_written(written)?;
    let file = walk(folder, written)?;
    let cannot = |e: std::io::Error| format!("archive `{written}`: cannot read: {e}");
    let meta = file.metadata().map_err(cannot)?;
    if !meta.is_file() {
        return Err(format!(
            "archive `{written}` is not a regular file: expected a text or Markdown file"
        ));
    }
    #[cfg(unix)]
    let key = {
        use std::os::unix::fs::MetadataExt;
        (meta.dev(), meta.ino())
    };
    #[cfg(not(unix))]
    let key = folder.path.join(written);
    Ok(Opened {
        file,
        len: meta.len(),
        key,
    })
}

/// The refusal of a link whose target leaves the log's folder.
fn leads_out(written: &str) -> String {
    format!(
        "archive `{written}` leads outside the log's folder through a symbolic link: an archive must be in the log's folder or below it; nothing outside is read"
    )
}

#[cfg(unix)]
fn walk(folder: &Folder, written: &str) -> Result<std::fs::File, String> {
    use rustix::fs::{Mode, OFlags};
    use rustix::io::Errno;
    use std::ffi::{OsStr, OsString};
    use std::os::fd::{AsFd, OwnedFd};
    use std::os::unix::ffi::OsStringExt;

    let cannot = |e: std::io::Error| format!("archive `{written}`: cannot read: {e}");
    // The names left to open, in order; `..` is a step back to the folder before.
    let mut todo: std::collections::VecDeque<OsString> = std::collections::VecDeque::new();
    let push_front = |todo: &mut std::collections::VecDeque<OsString>, path: &Path| {
        for c in path.components().rev() {
            match c {
                Component::Normal(name) => todo.push_front(name.to_os_string()),
                Component::ParentDir => todo.push_front("..".into()),
                _ => {}
            }
        }
    };
    push_front(&mut todo, Path::new(written));
    // The folders entered below the log's folder, each opened from the one before it.
    let mut entered: Vec<OwnedFd> = Vec::new();
    let mut links = 0;
    while let Some(name) = todo.pop_front() {
        if name == ".." {
            // `check_written` keeps the path as written inside: only a link gets here.
            if entered.pop().is_none() {
                return Err(leads_out(written));
            }
            continue;
        }
        let at = entered.last().map_or(folder.fd.as_fd(), |f| f.as_fd());
        let last = todo.is_empty();
        let flags = if last {
            OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::NOCTTY
        } else {
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW
        } | OFlags::CLOEXEC;
        let name: &OsStr = &name;
        let e = match rustix::fs::openat(at, name, flags, Mode::empty()) {
            Ok(fd) if last => return Ok(std::fs::File::from(fd)),
            Ok(fd) => {
                entered.push(fd);
                continue;
            }
            Err(e) => e,
        };
        match e {
            // A link (refused by O_NOFOLLOW, as a file or as a folder): read it and walk
            // its target from here.
            Errno::LOOP | Errno::NOTDIR => {
                let target = match rustix::fs::readlinkat(at, name, Vec::new()) {
                    Ok(target) => PathBuf::from(OsString::from_vec(target.into_bytes())),
                    // Not a link: a file where a folder was expected.
                    Err(Errno::INVAL) if e == Errno::NOTDIR => {
                        return Err(cannot(std::io::Error::from(e)));
                    }
                    // A link when opened, not when read: it is being swapped.
                    Err(Errno::INVAL | Errno::NOENT) => {
                        return Err(format!(
                            "archive `{written}` changed while it was opened (a file, link or folder on its path was replaced): nothing was read; check the folder and load again"
                        ));
                    }
                    Err(e) => return Err(cannot(e.into())),
                };
                links += 1;
                if links > MAX_LINKS {
                    return Err(cannot(std::io::Error::from(Errno::LOOP)));
                }
                if target.has_root() {
                    // An absolute link back inside the folder is walked from the folder.
                    let Ok(inside) = target.strip_prefix(&folder.path) else {
                        return Err(leads_out(written));
                    };
                    entered.clear();
                    push_front(&mut todo, inside);
                } else {
                    push_front(&mut todo, &target);
                }
            }
            Errno::NOENT => {
                return Err(format!(
                    "archive `{written}`: no such file (looked for {})",
                    folder.path.join(written).display()
                ));
            }
            e => return Err(cannot(e.into())),
        }
    }
    // The path names a folder (`sources/..`, or a link to one).
    Err(format!(
        "archive `{written}` is not a regular file: expected a text or Markdown file"
    ))
}

/// Elsewhere than Unix (never built for now): the path resolved, checked to be inside, and
/// opened.
#[cfg(not(unix))]
fn walk(folder: &Folder, written: &str) -> Result<std::fs::File, String> {
    let full = folder.path.join(written);
    let real = full.canonicalize().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!(
            "archive `{written}`: no such file (looked for {})",
            full.display()
        ),
        _ => format!("archive `{written}`: cannot read: {e}"),
    })?;
    if !real.starts_with(&folder.path) {
        return Err(leads_out(written));
    }
    std::fs::File::open(&real).map_err(|e| format!("archive `{written}`: cannot read: {e}"))
}

/// Reads an archive opened by `open_beside`, within `max_bytes` (else the error `too_big`
/// words): the handle that was checked, never the path again.
#[cfg(test)]
pub(crate) fn read_opened(
    opened: Opened,
    written: &str,
    max_bytes: u64,
    too_big: impl Fn() -> String,
) -> Result<String, String> {
    read_opened_hashed(
        opened,
        written,
        max_bytes,
        too_big,
        &mut std::collections::HashMap::new(),
    )
}

/// `read_opened`, the hash of the bytes read put in `hashes` under the file's key.
pub(crate) fn read_opened_hashed(
    opened: Opened,
    written: &str,
    max_bytes: u64,
    too_big: impl Fn() -> String,
    hashes: &mut std::collections::HashMap<Key, u64>,
) -> Result<String, String> {
    if opened.len > max_bytes {
        return Err(too_big());
    }
    let key = opened.key();
    let mut bytes = Vec::with_capacity(opened.len as usize);
    std::io::Read::read_to_end(
        &mut std::io::Read::take(opened.file, max_bytes.saturating_add(1)),
        &mut bytes,
    )
    .map_err(|e| format!("archive `{written}`: cannot read: {e}"))?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_big());
    }
    hashes.insert(key, crate::write::hash(&bytes));
    text_of(written, bytes)
}

/// The archive's bytes as text: UTF-8 or an error that says where it is not.
fn text_of(written: &str, bytes: Vec<u8>) -> Result<String, String> {
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        format!(
            "archive `{written}` is not UTF-8 text (byte 0x{:02x} at offset {at}, line {line}): save it as UTF-8",
            bytes[at]
        )
    })?;
    // The byte-order mark and the provenance line are cut in place: never a second copy of
    // an archive that may be hundreds of megabytes.
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    // An archive made from a saved page starts with where and when it was archived: not
    // the publication's words, so never matched.
    let cut = text.len() - crate::page::without_provenance(&text).len();
    text.drain(..cut);
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
    use std::os::unix::fs::symlink;

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

    fn read(log: &Path, written: &str) -> Result<String, String> {
        let folder = open_folder(log)?;
        let opened = open_beside(&folder, written)?;
        read_opened(opened, written, 1 << 20, || "too big".into())
    }

    #[test]
    fn a_folder_on_the_way_that_is_a_link_out_is_refused() {
        let (d, log) = folders();
        let talks = d.path().join("talks");
        std::fs::rename(talks.join("sources"), talks.join("kept")).unwrap();
        symlink(d.path().join("outside"), talks.join("sources")).unwrap();
        let why = read(&log, "sources/report.txt").expect_err("the outside file is not read");
        assert!(why.contains("outside the log's folder"), "{why}");
        // A relative link that climbs out is refused too.
        std::fs::remove_file(talks.join("sources")).unwrap();
        symlink("../outside", talks.join("sources")).unwrap();
        let why = read(&log, "sources/report.txt").expect_err("the outside file is not read");
        assert!(why.contains("outside the log's folder"), "{why}");
    }

    #[test]
    fn the_folder_opened_first_is_the_one_read_from_whatever_its_path_leads_to_later() {
        let (d, log) = folders();
        let folder = open_folder(&log).unwrap();
        // The log's whole folder renamed away and a link to the outside put in its place.
        std::fs::rename(d.path().join("talks"), d.path().join("moved")).unwrap();
        symlink(d.path().join("outside"), d.path().join("talks")).unwrap();
        let opened = open_beside(&folder, "report.txt");
        assert!(opened.is_err(), "the outside file is not read");
        let opened = open_beside(&folder, "sources/report.txt").unwrap();
        let text = read_opened(opened, "sources/report.txt", 100, || "too big".into());
        assert_eq!(text.unwrap(), "inside");
    }

    #[test]
    fn links_that_stay_inside_are_followed_relative_or_absolute() {
        let (d, log) = folders();
        let talks = d.path().join("talks").canonicalize().unwrap();
        symlink("sources/report.txt", talks.join("relative.txt")).unwrap();
        symlink(talks.join("sources"), talks.join("absolute")).unwrap();
        symlink("../sources/./report.txt", talks.join("sources/again.txt")).unwrap();
        assert_eq!(read(&log, "relative.txt").unwrap(), "inside");
        assert_eq!(read(&log, "absolute/report.txt").unwrap(), "inside");
        assert_eq!(read(&log, "sources/again.txt").unwrap(), "inside");
    }

    #[test]
    fn a_file_that_is_a_link_out_is_refused() {
        let (d, log) = folders();
        let real = d.path().join("talks/sources/report.txt");
        std::fs::remove_file(&real).unwrap();
        symlink(d.path().join("outside/report.txt"), &real).unwrap();
        let why = read(&log, "sources/report.txt").expect_err("the link is not followed out");
        assert!(why.contains("outside the log's folder"), "{why}");
    }

    #[test]
    fn a_loop_of_links_is_refused() {
        let (d, log) = folders();
        let talks = d.path().join("talks");
        symlink("b", talks.join("a")).unwrap();
        symlink("a", talks.join("b")).unwrap();
        let why = read(&log, "a").expect_err("a loop is not followed for ever");
        assert!(why.contains("cannot read"), "{why}");
    }

    #[test]
    fn a_fifo_is_refused_at_once() {
        let (d, log) = folders();
        let real = d.path().join("talks/sources/report.txt");
        std::fs::remove_file(&real).unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(&real)
            .status()
            .unwrap();
        assert!(made.success());
        // No writer ever comes: a blocking open would wait for ever.
        let why = read(&log, "sources/report.txt").expect_err("a FIFO is not read");
        assert!(why.contains("not a regular file"), "{why}");
    }

    #[test]
    fn a_folder_is_not_a_regular_file() {
        let (_d, log) = folders();
        for written in ["sources", "sources/..", "sources/report.txt/x"] {
            let why = read(&log, written).expect_err("not a file");
            assert!(
                why.contains("not a regular file") || why.contains("Not a directory"),
                "{written}: {why}"
            );
        }
    }
}
