//! Where the browser's log came from, to read it again when it changes: the files named on
//! the command line (directories expanded as at start), or the bundled sample, which never
//! changes and is not watched.

use crate::load::{self, Limits, Report};
use crate::tui::input::msg::Reload;
use std::collections::BTreeSet;
use std::path::PathBuf;

/// Files larger than this are not read again just to show the lines at fault.
const MAX_SOURCE_SHOWN: u64 = 16 * 1024 * 1024;

#[derive(Clone, Debug, Default)]
pub struct LogSource {
    /// As named on the command line; empty for the bundled sample.
    pub args: Vec<PathBuf>,
    pub limits: Limits,
}

impl LogSource {
    /// The files to watch (none for the bundled sample).
    pub fn files(&self) -> Vec<PathBuf> {
        load::expand_paths(&self.args).unwrap_or_else(|_| self.args.clone())
    }

    /// Reads the log again, as it was read at start.
    pub fn read(&self) -> Reload {
        let result =
            load::expand_paths(&self.args).and_then(|p| load::load_paths(&p, &self.limits));
        let sources = match &result {
            Ok(_) => Vec::new(),
            Err(report) => sources_of(report),
        };
        Reload { result, sources }
    }
}

/// The text of each file a report names, for the lines at fault.
fn sources_of(report: &Report) -> Vec<(String, String)> {
    let names: BTreeSet<&str> = report.diagnostics.iter().map(|d| d.file.as_str()).collect();
    names
        .into_iter()
        .filter_map(|name| {
            let meta = std::fs::metadata(name).ok()?;
            if !meta.is_file() || meta.len() > MAX_SOURCE_SHOWN {
                return None;
            }
            let bytes = std::fs::read(name).ok()?;
            Some((
                name.to_owned(),
                String::from_utf8_lossy(&bytes).into_owned(),
            ))
        })
        .collect()
}
