//! A small state file kept for the user outside the log (the marks, what was seen): one
//! entry a line, read and written under rules that never lose what it holds.
//!
//! - Only a regular file is read (a FIFO, a device or `/dev/zero` in its place is refused
//!   at once, never waited on), and at most `MAX_BYTES` of it.
//! - What can be read is kept: a line that is not UTF-8 is left out, not the whole file.
//! - What could not be read is said (`Lines::problem`), and a file not read whole is never
//!   overwritten: `write_lines` is only for a caller that read it whole, under `lock`.
//! - A write is atomic: a temporary file in the same folder, synced, renamed over.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// The most of a state file that is read: far more than any list of ids a person keeps
/// (a hundred thousand marks take about 4 MB), far less than memory.
pub const MAX_BYTES: u64 = 16 << 20;

/// The entries of a state file, and what could not be read of it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lines {
    /// Its non-empty lines, trimmed, in file order.
    pub lines: Vec<String>,
    /// Why the file was not read whole (not a regular file, too big, a line not UTF-8,
    /// unreadable); None when it was, or does not exist yet. When set, the file must not
    /// be overwritten.
    pub problem: Option<String>,
}

/// Reads the entries of the state file at `path`; a file that does not exist has none.
pub fn read_lines(path: &Path) -> Lines {
    read_lines_capped(path, MAX_BYTES)
}

/// `read_lines` with another cap than `MAX_BYTES`, for a file whose entries are bigger than
/// an id (what was seen keeps a snapshot of each event).
pub fn read_lines_capped(path: &Path, max: u64) -> Lines {
    let mut out = Lines::default();
    let bytes = match read_bytes(path, max) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return out,
        Err(problem) => {
            out.problem = Some(problem);
            return out;
        }
    };
    let (bytes, cut) = match bytes.len() as u64 > max {
        // Only whole lines of what fits.
        true => {
            let fit = &bytes[..max as usize];
            (
                &fit[..memchr::memrchr(b'\n', fit).map_or(0, |i| i + 1)],
                true,
            )
        }
        false => (&bytes[..], false),
    };
    let mut bad: Vec<usize> = Vec::new();
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        match std::str::from_utf8(line) {
            Ok(text) => {
                let text = text.trim();
                if !text.is_empty() {
                    out.lines.push(text.to_owned());
                }
            }
            Err(_) => bad.push(n + 1),
        }
    }
    out.problem = match (cut, bad.as_slice()) {
        (true, _) => Some(format!(
            "over {max} bytes: only the lines before that were read"
        )),
        (false, []) => None,
        (false, [one]) => Some(format!("line {one} is not UTF-8 text, left out")),
        (false, [first, rest @ ..]) => Some(format!(
            "{} lines are not UTF-8 text (the first is line {first}), left out",
            rest.len() + 1
        )),
    };
    out
}

/// The file's bytes (at most one more than `max`, to tell that it is over), None when it
/// does not exist, or why it cannot be read.
fn read_bytes(path: &Path, max: u64) -> Result<Option<Vec<u8>>, String> {
    let cannot = |e: std::io::Error| format!("unreadable: {e}");
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(cannot(e)),
    };
    regular(&meta)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Non-blocking, so that a FIFO swapped in since the check is not waited on.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = match options.open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(cannot(e)),
    };
    regular(&file.metadata().map_err(cannot)?)?;
    let mut bytes = Vec::new();
    file.take(max + 1).read_to_end(&mut bytes).map_err(cannot)?;
    Ok(Some(bytes))
}

/// The refusal of anything but a regular file.
fn regular(meta: &std::fs::Metadata) -> Result<(), String> {
    let kind = meta.file_type();
    if kind.is_file() {
        return Ok(());
    }
    let what = if kind.is_dir() {
        "a folder"
    } else {
        special(&kind)
    };
    Err(format!("{what}, not a regular file: not read"))
}

#[cfg(unix)]
fn special(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a FIFO"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "not a file"
    }
}

#[cfg(not(unix))]
fn special(_: &std::fs::FileType) -> &'static str {
    "not a file"
}

/// Takes the lock of the state file at `path` (a `.lock` file beside it, held with
/// `flock` through fs4) until the returned file is dropped, creating its folder if need be:
/// read the file again and write it under it, so that two browsers do not lose each
/// other's entries.
pub fn lock(path: &Path) -> std::io::Result<std::fs::File> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(PathBuf::from(dir).join(name))?;
    fs4::FileExt::lock(&lock)?;
    Ok(lock)
}

/// Writes `lines` as the state file at `path`, one a line, atomically. Call it only after
/// reading the file whole (`Lines::problem` None), under `lock`.
pub fn write_lines<'a>(
    path: &Path,
    lines: impl IntoIterator<Item = &'a str>,
) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    {
        let mut w = std::io::BufWriter::new(tmp.as_file_mut());
        for line in lines {
            writeln!(w, "{line}")?;
        }
        w.flush()?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_that_is_not_utf8_is_left_out_and_said() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("s");
        std::fs::write(&file, b"one\n tw\xffo\nthree \r\n\nfour").unwrap();
        let read = read_lines(&file);
        assert_eq!(read.lines, ["one", "three", "four"]);
        assert_eq!(
            read.problem.as_deref(),
            Some("line 2 is not UTF-8 text, left out")
        );
        assert_eq!(read_lines(&dir.path().join("none")), Lines::default());
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_a_device_is_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let read = read_lines(&fifo);
        assert_eq!(
            read.problem.as_deref(),
            Some("a FIFO, not a regular file: not read")
        );
        let zero = dir.path().join("zero");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        assert_eq!(
            read_lines(&zero).problem.as_deref(),
            Some("a device, not a regular file: not read")
        );
    }

    #[test]
    fn a_file_over_the_cap_gives_its_whole_lines_before_it() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("big");
        let line = "x".repeat(1023) + "\n";
        std::fs::write(&file, line.repeat((MAX_BYTES / 1024) as usize + 2)).unwrap();
        let read = read_lines(&file);
        assert_eq!(read.lines.len(), (MAX_BYTES / 1024) as usize);
        assert!(read.problem.unwrap().starts_with("over "));
    }

    #[test]
    fn written_lines_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("s");
        let _lock = lock(&file).unwrap();
        write_lines(&file, ["a", "b"]).unwrap();
        assert_eq!(read_lines(&file).lines, ["a", "b"]);
        assert!(dir.path().join("s.lock").exists());
    }
}
