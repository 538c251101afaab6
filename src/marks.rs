//! Private marks on events: kept per log in the user's state directory, never in the log.
//!
//! One file per log, one event id per line, written atomically (a temporary file renamed
//! over the old one). A mark whose event is gone from the log is kept, so it comes back
//! when the event does, and reported.

use crate::model::{EventIx, Log};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The marks of one log.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    /// Event ids, sorted.
    pub ids: BTreeSet<String>,
    /// Where they are kept; None when there is no state directory (marks last the session).
    pub file: Option<PathBuf>,
}

/// The state directory: `$DATELINE_STATE_DIR`, else XDG's (`~/.local/state/dateline`).
pub fn state_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("DATELINE_STATE_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    dirs::state_dir()
        .or_else(dirs::data_local_dir)
        .map(|d| d.join("dateline"))
}

/// The ids in a marks file, one a line; none when it does not exist yet.
fn read_ids(file: &Path) -> BTreeSet<String> {
    std::fs::read_to_string(file)
        .map(|s| {
            s.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default()
}

/// A file name that identifies a log: its readable name and a hash of its full path (or
/// paths, for a log of several files), so two logs named alike do not share marks.
pub fn key_for(paths: &[PathBuf]) -> String {
    if paths.is_empty() {
        return "bundled-sample.marks".into();
    }
    let mut full = String::new();
    for p in paths {
        let abs = p
            .canonicalize()
            .unwrap_or_else(|_| std::path::absolute(p).unwrap_or_else(|_| p.clone()));
        full.push_str(&abs.to_string_lossy());
        full.push('\n');
    }
    // FNV-1a: stable across runs and platforms, unlike the std hasher.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in full.bytes() {
        h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
    }
    let stem: String = paths[0]
        .file_stem()
        .map(|s| {
            s.to_string_lossy()
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .take(40)
                .collect()
        })
        .unwrap_or_default();
    format!("{stem}-{h:016x}.marks")
}

impl Marks {
    /// Reads the marks of the log made of `paths` (none: the bundled sample).
    pub fn load(paths: &[PathBuf]) -> Marks {
        let file = state_dir().map(|d| d.join("marks").join(key_for(paths)));
        let ids = file.as_deref().map(read_ids).unwrap_or_default();
        Marks { ids, file }
    }

    /// Marks in a given file (for tests and tools).
    pub fn load_from(file: &Path) -> Marks {
        Marks {
            ids: read_ids(file),
            file: Some(file.to_path_buf()),
        }
    }

    pub fn contains(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// Marks or unmarks an event; true when it is now marked.
    pub fn toggle(&mut self, id: &str) -> bool {
        if !self.ids.remove(id) {
            self.ids.insert(id.to_string());
            true
        } else {
            false
        }
    }

    /// The marked events present in the log.
    pub fn present(&self, log: &Log) -> BTreeSet<EventIx> {
        self.ids.iter().filter_map(|id| log.event(id)).collect()
    }

    /// Marked ids with no event in the log (kept, and reported).
    pub fn missing<'a>(&'a self, log: &'a Log) -> impl Iterator<Item = &'a str> + 'a {
        self.ids
            .iter()
            .filter(move |id| log.event(id).is_none())
            .map(String::as_str)
    }

    /// Writes the marks atomically: a temporary file in the same directory, renamed over.
    pub fn save(&self) -> std::io::Result<()> {
        let Some(file) = &self.file else {
            return Ok(());
        };
        let dir = file.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        for id in &self.ids {
            writeln!(tmp, "{id}")?;
        }
        tmp.as_file().sync_all()?;
        tmp.persist(file).map_err(|e| e.error)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_survive_a_restart_and_an_events_absence() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("m").join("log.marks");
        let mut m = Marks::load_from(&file);
        assert!(m.toggle("talks-resume"));
        assert!(m.toggle("gone-event"));
        m.save().unwrap();

        let again = Marks::load_from(&file);
        assert_eq!(again.ids, m.ids);

        let log = crate::load::load_str("t.yaml", "events:\n  - id: talks-resume\n    date: 2024-05\n    kind: meeting\n    title: Talks resume\n").unwrap().log;
        assert_eq!(again.present(&log).len(), 1);
        assert_eq!(again.missing(&log).collect::<Vec<_>>(), ["gone-event"]);

        let mut off = again.clone();
        assert!(!off.toggle("talks-resume"));
        off.save().unwrap();
        assert_eq!(Marks::load_from(&file).ids.len(), 1);
    }

    #[test]
    fn logs_with_the_same_name_do_not_share_marks() {
        let a = key_for(&[PathBuf::from("/a/log.yaml")]);
        let b = key_for(&[PathBuf::from("/b/log.yaml")]);
        assert_ne!(a, b);
        assert!(a.starts_with("log-"));
        assert_eq!(key_for(&[]), "bundled-sample.marks");
    }
}
