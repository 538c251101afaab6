//! Watching log files for changes, for live reload.
//!
//! Editors save in two ways: vim and many others write a temporary file and rename it over
//! the original (the watched inode disappears), others truncate and write in place. Watching
//! the file's directory and filtering by name catches both, and keeps working after a rename.

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::collections::HashSet;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Calls `on_change` whenever one of `files` may have changed. Dropping it stops watching.
pub struct FileWatcher {
    _watcher: RecommendedWatcher,
}

impl FileWatcher {
    pub fn new(
        files: &[PathBuf],
        on_change: impl Fn() + Send + 'static,
    ) -> notify::Result<FileWatcher> {
        let mut dirs: HashSet<PathBuf> = HashSet::new();
        let mut names: HashSet<(PathBuf, OsString)> = HashSet::new();
        for f in files {
            let abs = std::path::absolute(f).unwrap_or_else(|_| f.clone());
            let dir = abs
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from("."));
            let dir = dir.canonicalize().unwrap_or(dir);
            if let Some(name) = abs.file_name() {
                names.insert((dir.clone(), name.to_owned()));
            }
            dirs.insert(dir);
        }
        let mut watcher =
            notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
                let Ok(event) = res else { return };
                if matches!(event.kind, EventKind::Access(_)) {
                    return;
                }
                let ours = event.paths.iter().any(|p| {
                    let dir = p
                        .parent()
                        .map(|d| d.canonicalize().unwrap_or_else(|_| d.to_path_buf()));
                    match (dir, p.file_name()) {
                        (Some(dir), Some(name)) => names.contains(&(dir, name.to_owned())),
                        _ => false,
                    }
                });
                if ours {
                    on_change();
                }
            })?;
        for dir in &dirs {
            watcher.watch(dir, RecursiveMode::NonRecursive)?;
        }
        Ok(FileWatcher { _watcher: watcher })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    /// Waits for a notification; the timeout only bounds a failing test.
    fn changed(rx: &mpsc::Receiver<()>) -> bool {
        let got = rx.recv_timeout(Duration::from_secs(10)).is_ok();
        while rx.try_recv().is_ok() {}
        got
    }

    #[test]
    fn sees_writes_in_place_and_renames_over_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("log.yaml");
        std::fs::write(&file, "events: []\n").unwrap();
        let (tx, rx) = mpsc::channel();
        let _w = FileWatcher::new(std::slice::from_ref(&file), move || {
            let _ = tx.send(());
        })
        .unwrap();

        // Truncate and write, as some editors do.
        std::fs::write(&file, "events: []\ntitle: a\n").unwrap();
        assert!(changed(&rx), "a write in place is seen");

        // Write a temporary file and rename it over the log, as vim does.
        let tmp = dir.path().join(".log.yaml.swp");
        std::fs::write(&tmp, "events: []\ntitle: b\n").unwrap();
        std::fs::rename(&tmp, &file).unwrap();
        assert!(changed(&rx), "a rename over the file is seen");

        // And the watch survives the rename.
        std::fs::write(&file, "events: []\ntitle: c\n").unwrap();
        assert!(changed(&rx), "a later write is still seen");
    }
}
