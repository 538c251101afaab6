//! What `list` and `quotes` share: open the log, turn the flags into a query, pick the
//! events, and write the result to stdout. Messages go to stderr; stdout carries data only.

use super::{EXIT_INVALID, EXIT_USAGE, FilterArgs, load_files};
use crate::load::Limits;
use crate::model::{EventIx, Log};
use crate::sanitize::sanitize;
use crate::search::SearchIndex;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// The log and the events the flags pick from it, in timeline order.
pub(crate) struct Selection {
    pub(crate) log: Log,
    /// The query the flags ask for (`quotes` also selects quotes with it).
    pub(crate) query: crate::filter::Query,
    pub(crate) events: Vec<EventIx>,
}

/// Loads the files (the bundled sample when none) and applies the filters. On failure,
/// says why on stderr and returns the exit code: 1 for an invalid log, 2 for bad flags.
pub(crate) fn select(
    files: &[PathBuf],
    filters: &FilterArgs,
    limits: &Limits,
) -> Result<Selection, ExitCode> {
    let loaded = match load_files(files, limits) {
        Ok(loaded) => loaded,
        Err(report) => {
            for d in report.errors() {
                eprintln!("{}", sanitize(&d.to_string()));
            }
            let n = report.error_count();
            eprintln!(
                "dateline: the log has {n} error{}; `dateline check` shows each with its line",
                if n == 1 { "" } else { "s" }
            );
            return Err(ExitCode::from(EXIT_INVALID));
        }
    };
    let log = loaded.log;
    let query = match filters.to_query(&log) {
        Ok(mut q) => {
            if filters.marked {
                let marks = marks_of(files);
                if let Some(trouble) = marks.trouble() {
                    eprintln!("dateline: warning: {trouble}");
                }
                q.only = Some(marks.present(&log));
            }
            if filters.unseen {
                q.unseen = Some(unseen_of(files, &log));
            }
            q
        }
        Err(e) => {
            for p in &e.problems {
                eprintln!("dateline: {p}");
            }
            return Err(ExitCode::from(EXIT_USAGE));
        }
    };
    // The posting lists only: the search text is folded if, and when, there is a search.
    let index = SearchIndex::new(&log);
    let events = crate::filter::apply(&log, &index, &query);
    Ok(Selection { log, query, events })
}

/// The marks of the log these arguments open (the same key the browser uses).
/// Keyed on the arguments themselves: a directory's marks outlive files added to it.
pub(crate) fn marks_of(files: &[PathBuf]) -> crate::marks::Marks {
    crate::marks::Marks::load(files)
}

/// The events new or changed since the reader last looked at the log these arguments
/// open in the browser (every event when they never did). Reads, never records a look.
pub(crate) fn unseen_of(files: &[PathBuf], log: &Log) -> std::collections::BTreeSet<EventIx> {
    let mut seen = crate::seen::Seen::load(files);
    if let Some(trouble) = seen.trouble() {
        eprintln!("dateline: warning: {trouble}");
    }
    seen.unseen(log).into_keys().collect()
}

/// Data (CSV, JSON) as it may reach stdout: on a terminal, the log's control characters
/// (which CSV keeps as they are) are shown, never obeyed; into a file or a pipe the data
/// goes byte for byte.
pub(crate) fn data_for_stdout(data: String) -> String {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        crate::sanitize::data_for_terminal(&data).into_owned()
    } else {
        data
    }
}

/// Writes `data` to stdout. A closed pipe (`dateline list | head`) is a normal end, not an
/// error; any other write error is reported and gives exit 1.
pub(crate) fn write_stdout(data: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(data.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dateline: cannot write the output: {e}");
            ExitCode::from(EXIT_INVALID)
        }
    }
}
