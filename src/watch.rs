//! Watching log files for changes, for live reload.
//!
//! Editors save in two ways: vim and many others write a temporary file and rename it over
//! the original (the watched inode disappears), others truncate and write in place. Watching
//! the file's directory and filtering by name catches both, and keeps working after a rename.
//! A file opened through a symbolic link is watched where the link is and where the file
//! really is; a directory named as a log is watched for any `.yaml` or `.yml` file, so a new
//! file in it is picked up. A watched directory that is moved away or deleted and comes back
//! is watched again (its parent is watched for that), and the reader is told meanwhile.

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::collections::HashSet;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// What the watcher has to say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WatchNews {
    /// One of the log's files may have changed (or one was added to a watched directory).
    Changed,
    /// A watched directory went away: changes are not seen until it comes back.
    Stopped(String),
    /// A directory that went away is back and watched again.
    Resumed,
}

/// What is watched, and which paths in it matter.
struct Targets {
    /// Directories watched for the names below.
    dirs: HashSet<PathBuf>,
    /// Files of the log, as (directory, name): through links, both the link and the target.
    names: HashSet<(PathBuf, OsString)>,
    /// Directories named as logs: any `.yaml` or `.yml` file in them is part of the log.
    log_dirs: HashSet<PathBuf>,
}

impl Targets {
    fn new(args: &[PathBuf]) -> Targets {
        let mut t = Targets {
            dirs: HashSet::new(),
            names: HashSet::new(),
            log_dirs: HashSet::new(),
        };
        for arg in args {
            let abs = std::path::absolute(arg).unwrap_or_else(|_| arg.clone());
            if abs.is_dir() {
                let dir = abs.canonicalize().unwrap_or(abs);
                t.log_dirs.insert(dir.clone());
                t.dirs.insert(dir);
                continue;
            }
            // The name as given, and the file a link leads to, in another folder perhaps.
            let real = abs.canonicalize().ok();
            for path in std::iter::once(abs).chain(real) {
                let dir = path
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| PathBuf::from("."));
                let dir = dir.canonicalize().unwrap_or(dir);
                if let Some(name) = path.file_name() {
                    t.names.insert((dir.clone(), name.to_owned()));
                }
                t.dirs.insert(dir);
            }
        }
        t
    }

    /// Whether a change at `path` may change the log.
    fn concerns(&self, path: &Path) -> bool {
        let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
            return false;
        };
        let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
        if self.names.contains(&(dir.clone(), name.to_owned())) {
            return true;
        }
        self.log_dirs.contains(&dir)
            && Path::new(name)
                .extension()
                .is_some_and(|x| x == "yaml" || x == "yml")
    }

    /// The watched directory `path` is, if it is one.
    fn watched_dir(&self, path: &Path) -> Option<PathBuf> {
        self.dirs.iter().find(|d| d.as_path() == path).cloned()
    }
}

/// Tells `on_news` whenever one of the log's files may have changed, or watching stopped or
/// resumed. Dropping it stops watching.
pub struct FileWatcher {
    _watcher: Arc<Mutex<RecommendedWatcher>>,
}

impl FileWatcher {
    /// Watches the log named by `args` (files and directories, as on the command line).
    pub fn new(
        args: &[PathBuf],
        on_news: impl Fn(WatchNews) + Send + Sync + 'static,
    ) -> notify::Result<FileWatcher> {
        let targets = Arc::new(Targets::new(args));
        let on_news = Arc::new(on_news);
        // The watcher is set once made: its own callback re-arms it, from another thread
        // (adding a watch from inside the callback would wait on the callback's own thread).
        let slot: Arc<Mutex<Option<std::sync::Weak<Mutex<RecommendedWatcher>>>>> =
            Arc::new(Mutex::new(None));
        let (t, news, me) = (targets.clone(), on_news.clone(), slot.clone());
        let watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
            let event = match res {
                Ok(e) => e,
                Err(e) => return news(WatchNews::Stopped(format!("live reload stopped: {e}"))),
            };
            if matches!(event.kind, EventKind::Access(_)) {
                return;
            }
            // A watched directory itself created, deleted or renamed (seen from its parent).
            let comes_or_goes = matches!(
                event.kind,
                EventKind::Create(_)
                    | EventKind::Remove(_)
                    | EventKind::Modify(notify::event::ModifyKind::Name(_))
            );
            for path in event.paths.iter().filter(|_| comes_or_goes) {
                let Some(dir) = t.watched_dir(path) else {
                    continue;
                };
                if path.is_dir() {
                    // Back (created, or renamed into place): watch it again, off this thread.
                    let weak = me.lock().ok().and_then(|m| m.clone());
                    let news = news.clone();
                    std::thread::spawn(move || {
                        let Some(w) = weak.and_then(|w| w.upgrade()) else {
                            return;
                        };
                        let mut w = w.lock().unwrap_or_else(|e| e.into_inner());
                        let _ = w.unwatch(&dir);
                        if w.watch(&dir, RecursiveMode::NonRecursive).is_ok() {
                            news(WatchNews::Resumed);
                            news(WatchNews::Changed);
                        }
                    });
                } else {
                    news(WatchNews::Stopped(format!(
                        "live reload stopped: {} is gone; it resumes when the folder is back",
                        crate::sanitize::sanitize(&dir.display().to_string())
                    )));
                }
            }
            if event.paths.iter().any(|p| t.concerns(p)) {
                news(WatchNews::Changed);
            }
        })?;
        let watcher = Arc::new(Mutex::new(watcher));
        *slot.lock().unwrap_or_else(|e| e.into_inner()) = Some(Arc::downgrade(&watcher));
        {
            let mut w = watcher.lock().unwrap_or_else(|e| e.into_inner());
            for dir in &targets.dirs {
                w.watch(dir, RecursiveMode::NonRecursive)?;
                // The parent sees the directory itself go and come back.
                if let Some(parent) = dir.parent() {
                    let _ = w.watch(parent, RecursiveMode::NonRecursive);
                }
            }
        }
        Ok(FileWatcher { _watcher: watcher })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    /// Waits for a piece of news; the timeout only bounds a failing test.
    fn heard(rx: &mpsc::Receiver<WatchNews>, what: &WatchNews) -> bool {
        loop {
            match rx.recv_timeout(Duration::from_secs(10)) {
                Ok(n) if &n == what => break,
                Ok(_) => continue,
                Err(_) => return false,
            }
        }
        while rx.try_recv().is_ok() {}
        true
    }

    fn watch(args: &[PathBuf]) -> (FileWatcher, mpsc::Receiver<WatchNews>) {
        let (tx, rx) = mpsc::channel();
        let tx = Mutex::new(tx);
        let w = FileWatcher::new(args, move |n| {
            let _ = tx.lock().unwrap().send(n);
        })
        .unwrap();
        (w, rx)
    }

    #[test]
    fn sees_writes_in_place_and_renames_over_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("log.yaml");
        std::fs::write(&file, "events: []\n").unwrap();
        let (_w, rx) = watch(std::slice::from_ref(&file));
        let changed = WatchNews::Changed;

        // Truncate and write, as some editors do.
        std::fs::write(&file, "events: []\ntitle: a\n").unwrap();
        assert!(heard(&rx, &changed), "a write in place is seen");

        // Write a temporary file and rename it over the log, as vim does.
        let tmp = dir.path().join(".log.yaml.swp");
        std::fs::write(&tmp, "events: []\ntitle: b\n").unwrap();
        std::fs::rename(&tmp, &file).unwrap();
        assert!(heard(&rx, &changed), "a rename over the file is seen");

        // And the watch survives the rename.
        std::fs::write(&file, "events: []\ntitle: c\n").unwrap();
        assert!(heard(&rx, &changed), "a later write is still seen");
    }

    #[test]
    fn a_log_opened_through_a_link_in_another_folder_is_followed() {
        let real = tempfile::tempdir().unwrap();
        let links = tempfile::tempdir().unwrap();
        let file = real.path().join("log.yaml");
        std::fs::write(&file, "events: []\n").unwrap();
        let link = links.path().join("talks.yaml");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        let (_w, rx) = watch(std::slice::from_ref(&link));
        std::fs::write(&file, "events: []\ntitle: a\n").unwrap();
        assert!(
            heard(&rx, &WatchNews::Changed),
            "a write to the target is seen"
        );
    }

    #[test]
    fn a_new_file_in_a_watched_folder_is_seen() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.yaml"), "events: []\n").unwrap();
        let (_w, rx) = watch(&[dir.path().to_path_buf()]);
        std::fs::write(dir.path().join("b.yml"), "events: []\n").unwrap();
        assert!(heard(&rx, &WatchNews::Changed), "a new file is seen");
    }

    #[test]
    fn a_folder_moved_away_and_recreated_is_watched_again_and_the_reader_told() {
        let top = tempfile::tempdir().unwrap();
        let dir = top.path().join("talks");
        std::fs::create_dir(&dir).unwrap();
        let file = dir.join("log.yaml");
        std::fs::write(&file, "events: []\n").unwrap();
        let (_w, rx) = watch(std::slice::from_ref(&file));
        std::fs::rename(&dir, top.path().join("talks.old")).unwrap();
        let stopped = loop {
            match rx.recv_timeout(Duration::from_secs(10)) {
                Ok(WatchNews::Stopped(why)) => break why,
                Ok(_) => continue,
                Err(_) => panic!("not told that watching stopped"),
            }
        };
        assert!(stopped.contains("live reload stopped"), "{stopped}");
        std::fs::create_dir(&dir).unwrap();
        assert!(
            heard(&rx, &WatchNews::Resumed),
            "the folder is watched again"
        );
        std::fs::write(&file, "events: []\ntitle: back\n").unwrap();
        assert!(
            heard(&rx, &WatchNews::Changed),
            "a write in the new folder is seen"
        );
    }
}
