//! Writing an export to a new file, never over an existing one.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// How many names are tried (`stem.ext`, `stem-2.ext`, … `stem-1000.ext`) before giving up.
const MAX_TRIES: usize = 1000;

/// Writes `contents` to `dir/stem.ext`, or `stem-2.ext`, `stem-3.ext`… when taken, and
/// returns the path written. The file is created with `create_new`, so an existing file,
/// even one made between the check and the write by another program, is never touched.
/// On a failed write the half-written new file is removed.
pub(crate) fn write_new(dir: &Path, stem: &str, ext: &str, contents: &str) -> io::Result<PathBuf> {
    let ext = ext.trim_start_matches('.');
    for n in 1..=MAX_TRIES {
        let name = match n {
            1 => format!("{stem}.{ext}"),
            n => format!("{stem}-{n}.{ext}"),
        };
        let path = dir.join(name);
        let mut file = match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        };
        if let Err(e) = file
            .write_all(contents.as_bytes())
            .and_then(|()| file.sync_all())
        {
            drop(file);
            let _ = std::fs::remove_file(&path);
            return Err(e);
        }
        return Ok(path);
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!(
            "{stem}.{ext} through {stem}-{MAX_TRIES}.{ext} all exist in {}",
            dir.display()
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(unix)]
    fn a_planted_symlink_is_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("precious.txt");
        std::fs::write(&target, "keep me").unwrap();
        std::os::unix::fs::symlink(&target, dir.path().join("view.md")).unwrap();
        // A dangling link too: creating through it would make a file elsewhere.
        std::os::unix::fs::symlink(dir.path().join("nowhere"), dir.path().join("view-2.md"))
            .unwrap();
        let written = write_new(dir.path(), "view", "md", "export").unwrap();
        assert_eq!(written, dir.path().join("view-3.md"));
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
        assert!(!dir.path().join("nowhere").exists());
    }

    #[test]
    fn never_overwrites_and_numbers_the_next_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("view.md"), "mine").unwrap();
        let a = write_new(dir.path(), "view", "md", "first").unwrap();
        let b = write_new(dir.path(), "view", ".md", "second").unwrap();
        assert_eq!(a, dir.path().join("view-2.md"));
        assert_eq!(b, dir.path().join("view-3.md"));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("view.md")).unwrap(),
            "mine"
        );
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "first");
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "second");
    }

    #[test]
    fn the_first_free_name_is_the_plain_one() {
        let dir = tempfile::tempdir().unwrap();
        let p = write_new(dir.path(), "view", "md", "x").unwrap();
        assert_eq!(p, dir.path().join("view.md"));
    }

    #[test]
    fn a_missing_directory_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_new(&dir.path().join("nope"), "view", "md", "x").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
    }
}
