//! Private marks on events: kept per log in the user's state directory, never in the log.
//!
//! One file per log, one event id per line, written atomically (a temporary file renamed
//! over the old one). Two browsers on one log each save only what they changed, merged
//! into the file as it is on disk under a lock, so neither loses the other's marks. A mark
//! whose event is gone from the log is kept, so it comes back when the event does, and
//! reported.

use crate::model::{EventIx, Log};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The marks of one log.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    /// Event ids, sorted.
    pub ids: BTreeSet<String>,
    /// Where they are kept; None when there is no state directory (marks last the session).
    file: Option<PathBuf>,
    /// What this session marked and unmarked since it last saved, to merge into the file.
    added: BTreeSet<String>,
    removed: BTreeSet<String>,
    /// What could not be read of the file (`state_file::Lines::problem`): its marks that
    /// could be are kept, and the file is not saved over until it reads whole.
    pub problem: Option<String>,
}

/// The state directory: `$DATELINE_STATE_DIR`, else XDG's (`~/.local/state/dateline`).
pub(crate) fn state_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("DATELINE_STATE_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    dirs::state_dir()
        .or_else(dirs::data_local_dir)
        .map(|d| d.join("dateline"))
}

/// The ids in a marks file, one a line (none when it does not exist yet), and what could
/// not be read of it.
fn read_ids(file: &Path) -> (BTreeSet<String>, Option<String>) {
    let read = crate::state_file::read_lines(file);
    (read.lines.into_iter().collect(), read.problem)
}

/// A file name that identifies a log: its readable name and a hash of its full path (or
/// paths, for a log of several files), so two logs named alike do not share marks. `paths`
/// are as named on the command line: a directory stands for itself, so a file added to it
/// keeps the marks.
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
    pub(crate) fn load(paths: &[PathBuf]) -> Marks {
        let file = state_dir().map(|d| d.join("marks").join(key_for(paths)));
        let (ids, problem) = file.as_deref().map(read_ids).unwrap_or_default();
        Marks {
            ids,
            file,
            problem,
            ..Marks::default()
        }
    }

    /// Marks in a given file (for tests and tools).
    pub fn load_from(file: &Path) -> Marks {
        let (ids, problem) = read_ids(file);
        Marks {
            ids,
            file: Some(file.to_path_buf()),
            problem,
            ..Marks::default()
        }
    }

    /// What could not be read of the marks file, as a sentence naming it; None when it
    /// read whole.
    pub fn trouble(&self) -> Option<String> {
        let problem = self.problem.as_deref()?;
        let file = self
            .file
            .as_deref()
            .map_or(String::new(), |f| f.display().to_string());
        let text = format!("marks file {file}: {problem}; not saved over until fixed");
        Some(crate::sanitize::sanitize(&text).into_owned())
    }

    pub fn contains(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// Marks or unmarks an event; true when it is now marked.
    pub(crate) fn toggle(&mut self, id: &str) -> bool {
        let now = !self.ids.remove(id);
        if now {
            self.ids.insert(id.to_string());
            self.removed.remove(id);
            self.added.insert(id.to_string());
        } else {
            self.added.remove(id);
            self.removed.insert(id.to_string());
        }
        now
    }

    /// Moves a mark from one id to another (an event without `id` whose derived id changed
    /// when its title or date was edited); true when there was a mark to move.
    pub(crate) fn rename(&mut self, from: &str, to: &str) -> bool {
        if !self.ids.contains(from) {
            return false;
        }
        self.toggle(from);
        if !self.ids.contains(to) {
            self.toggle(to);
        }
        true
    }

    /// The marked events present in the log.
    pub fn present(&self, log: &Log) -> BTreeSet<EventIx> {
        self.ids.iter().filter_map(|id| log.event(id)).collect()
    }

    /// Marked ids with no event in the log (kept, and reported).
    pub(crate) fn missing<'a>(&'a self, log: &'a Log) -> impl Iterator<Item = &'a str> + 'a {
        self.ids
            .iter()
            .filter(move |id| log.event(id).is_none())
            .map(String::as_str)
    }

    /// A copy holding this session's unsaved changes, to save (`save`) elsewhere; this one
    /// forgets them, so that they are not saved twice.
    pub(crate) fn take_changes(&mut self) -> Marks {
        let copy = self.clone();
        self.added.clear();
        self.removed.clear();
        copy
    }

    /// Saves this session's changes: under a lock (a `.lock` file beside the marks, held
    /// with `flock` through fs4), the file is read again, this session's marks and unmarks
    /// applied to it, and the result written atomically (a temporary file in the same
    /// directory, renamed over). Marks saved meanwhile by another browser are kept, and
    /// become this session's too.
    pub(crate) fn save(&mut self) -> std::io::Result<()> {
        let Some(file) = self.file.clone() else {
            return Ok(());
        };
        let lock = crate::state_file::lock(&file)?;
        let (mut ids, problem) = read_ids(&file);
        if let Some(problem) = problem {
            // Saving would lose what could not be read.
            self.problem = Some(problem.clone());
            return Err(std::io::Error::other(format!(
                "marks file {}: {problem}; not saved over",
                file.display()
            )));
        }
        for id in &self.removed {
            ids.remove(id);
        }
        ids.extend(self.added.iter().cloned());
        crate::state_file::write_lines(&file, ids.iter().map(String::as_str))?;
        drop(lock);
        self.problem = None;
        self.ids = ids;
        self.added.clear();
        self.removed.clear();
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

        let mut off = Marks::load_from(&file);
        assert!(!off.toggle("talks-resume"));
        off.save().unwrap();
        assert_eq!(Marks::load_from(&file).ids.len(), 1);
    }

    #[test]
    fn two_sessions_on_one_log_keep_each_others_marks() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("log.marks");
        let mut a = Marks::load_from(&file);
        let mut b = Marks::load_from(&file);
        a.toggle("one");
        a.save().unwrap();
        b.toggle("two");
        b.save().unwrap();
        assert_eq!(
            Marks::load_from(&file).ids,
            ["one", "two"].map(String::from).into()
        );
        assert!(b.contains("one"), "the other session's mark is merged in");
        // An unmark is merged too, and leaves the other session's marks alone.
        a.toggle("one");
        a.save().unwrap();
        assert_eq!(
            Marks::load_from(&file).ids,
            ["two"].map(String::from).into()
        );
        assert!(a.contains("two"));
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
