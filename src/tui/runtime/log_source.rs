//! Where the browser's log came from, to read it again when it changes: the files named on
//! the command line (directories expanded as at start), or the bundled sample, which never
//! changes and is not watched. The sources' archives are watched with the log.

use crate::load::{self, Limits, Report};
use crate::model::Log;
use crate::tui::input::msg::Reload;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Files larger than this are not read again just to show the lines at fault.
const MAX_SOURCE_SHOWN: u64 = 16 * 1024 * 1024;

#[derive(Clone, Debug, Default)]
pub struct LogSource {
    /// As named on the command line; empty for the bundled sample.
    pub args: Vec<PathBuf>,
    pub limits: Limits,
}

impl LogSource {
    /// What to watch for `log`: the log as named (files and directories, so new files in a
    /// directory are seen) and its sources' archives, so that fixing an archive updates the
    /// verdicts on its quotes (nothing for the bundled sample).
    pub fn watched(&self, log: &Log) -> Vec<PathBuf> {
        let files = self.args.clone();
        if files.is_empty() {
            return files;
        }
        let archives = log.sources.iter().filter_map(|s| {
            let written = &s.archive.as_ref()?.path;
            let file = Path::new(log.files.get(s.origin.file)?);
            Some(file.parent().unwrap_or(Path::new("")).join(written))
        });
        let mut all: Vec<PathBuf> = files.iter().cloned().chain(archives).collect();
        all.sort();
        all.dedup();
        all
    }

    /// Reads the log again, as it was read at start: its quotes left to the check in the
    /// background, so that a reload shows at once whatever its archives hold.
    pub fn read(&self) -> Reload {
        self.read_through(None)
    }

    /// Whether the log's files and archives are still those `shown` was loaded from: each
    /// file's bytes hash alike (read, not parsed) and each archive its load looked for is
    /// as found then (opened, not read). The watcher's word after the browser's own write,
    /// whose check built the log on screen, then costs no parse.
    pub fn unchanged(&self, shown: &Log) -> bool {
        if self.args.is_empty() || shown.file_hashes.is_empty() {
            return false;
        }
        let Ok(paths) = load::expand_paths(&self.args) else {
            return false;
        };
        let same_files = paths.len() == shown.files.len()
            && shown.file_hashes.len() == paths.len()
            && paths
                .iter()
                .zip(&shown.files)
                .all(|(p, name)| p.display().to_string() == *name);
        // One file at a time, each dropped once hashed: never a second copy of the log.
        same_files
            && paths
                .iter()
                .zip(&shown.file_hashes)
                .all(|(p, &h)| hash_of(p, &self.limits) == Some(h))
            && crate::archive::unchanged_since(shown, &paths)
    }

    /// `read`, through the browser's cache of the log's files when given: only the files
    /// whose bytes changed are parsed again.
    pub fn read_through(&self, cache: Option<&load::CacheThread>) -> Reload {
        let result = load::expand_paths(&self.args).and_then(|p| match cache {
            Some(cache) => cache.load_paths_unchecked(&p, &self.limits),
            None => load::load_paths_unchecked(&p, &self.limits),
        });
        let (sources, digests) = match &result {
            // What changed since the last look is compared here, off the drawing thread.
            Ok(loaded) => (Vec::new(), crate::seen::digests(&loaded.log)),
            Err(report) => (sources_of(report), Vec::new()),
        };
        Reload {
            result,
            sources,
            digests,
            opened: None,
        }
    }
}

/// The hash of a file's bytes as a load takes it (`Log::file_hashes`); None when it cannot
/// be read within the limit.
fn hash_of(path: &Path, limits: &Limits) -> Option<u64> {
    load::read_file(path, limits)
        .ok()
        .map(|bytes| crate::write::hash(&bytes))
}

/// The text of each file a report names, for the lines at fault.
fn sources_of(report: &Report) -> Vec<(String, String)> {
    let names: BTreeSet<&str> = report.diagnostics.iter().map(|d| d.file.as_str()).collect();
    names
        .into_iter()
        .filter_map(|name| {
            let (file, len) = load::open_regular(std::path::Path::new(name)).ok()?;
            if len > MAX_SOURCE_SHOWN {
                return None;
            }
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(
                &mut std::io::Read::take(file, MAX_SOURCE_SHOWN),
                &mut bytes,
            )
            .ok()?;
            Some((
                name.to_owned(),
                String::from_utf8_lossy(&bytes).into_owned(),
            ))
        })
        .collect()
}
