//! `dateline diff OLD NEW [filters] --format FORMAT`: what changed between two versions of
//! a log (`crate::diff`), printed by `export::changes`. Exit codes as `diff`'s: 0 no
//! change, 1 changes, 2 trouble (either side not loading, a bad flag).

use super::selection::{data_for_stdout, marks_of, write_stdout};
use super::{DiffFormat, EXIT_USAGE, FilterArgs, load_files};
use crate::color_policy::ColorMode;
use crate::export::changes;
use crate::filter::Query;
use crate::load::Limits;
use crate::model::Log;
use crate::sanitize::sanitize;
use crate::search::SearchIndex;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const EXIT_CHANGES: u8 = 1;

pub(crate) fn run(
    old: &Path,
    new: &Path,
    filters: &FilterArgs,
    format: DiffFormat,
    limits: &Limits,
) -> ExitCode {
    let (Some(old_log), Some(new_log)) = (load(old, limits), load(new, limits)) else {
        return ExitCode::from(EXIT_USAGE);
    };
    let mut diff = crate::diff::compare(&old_log, &new_log);
    if has_filters(filters) {
        // Each side is filtered in its own log: an id known on one side only still selects
        // there. An id known on neither is a mistake.
        let new_files = [new.to_path_buf()];
        let old_q = query(filters, &old_log, &[old.to_path_buf()]);
        let new_q = query(filters, &new_log, &new_files);
        let (old_keep, new_keep) = match (old_q, new_q) {
            (Err(problems), Err(_)) => {
                for p in problems {
                    eprintln!("dateline: {p}");
                }
                return ExitCode::from(EXIT_USAGE);
            }
            (o, n) => (kept(&old_log, o.ok()), kept(&new_log, n.ok())),
        };
        diff.events
            .retain(|d| d.old.is_some_and(|i| old_keep[i]) || d.new.is_some_and(|i| new_keep[i]));
        // The filters select events: the parties, actors and sources are left out.
        diff.parties.clear();
        diff.actors.clear();
        diff.sources.clear();
    }
    let out = match format {
        DiffFormat::Text => changes::text(
            &old_log,
            &new_log,
            &diff,
            ColorMode::for_stream(&std::io::stdout()),
        ),
        DiffFormat::Markdown => changes::markdown(&old_log, &new_log, &diff),
        DiffFormat::Json => data_for_stdout(changes::json(&old_log, &new_log, &diff)),
    };
    let written = write_stdout(&out);
    if written != ExitCode::SUCCESS {
        return written;
    }
    if diff.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_CHANGES)
    }
}

/// One side, or its errors on stderr (every one, with its file and line).
fn load(path: &Path, limits: &Limits) -> Option<Log> {
    match load_files(&[path.to_path_buf()], limits) {
        Ok(loaded) => Some(loaded.log),
        Err(report) => {
            for d in report.errors() {
                eprintln!("{}", sanitize(&d.to_string()));
            }
            let n = report.error_count();
            eprintln!(
                "dateline: {} does not load ({n} error{}): nothing to compare",
                sanitize(&path.display().to_string()),
                if n == 1 { "" } else { "s" }
            );
            None
        }
    }
}

fn has_filters(f: &FilterArgs) -> bool {
    !(f.actors.is_empty()
        && f.parties.is_empty()
        && f.kinds.is_empty()
        && f.statuses.is_empty()
        && f.topics.is_empty()
        && f.from.is_none()
        && f.to.is_none()
        && f.search.is_none()
        && !f.marked
        && !f.unseen)
}

fn query(f: &FilterArgs, log: &Log, files: &[PathBuf]) -> Result<Query, Vec<String>> {
    let mut q = f.to_query(log).map_err(|e| e.problems)?;
    if f.marked {
        q.only = Some(marks_of(files).present(log));
    }
    if f.unseen {
        q.unseen = Some(super::selection::unseen_of(files, log));
    }
    Ok(q)
}

/// For each event of `log`, whether the query keeps it (none when the query does not
/// apply to this side).
fn kept(log: &Log, q: Option<Query>) -> Vec<bool> {
    let mut keep = vec![false; log.events.len()];
    if let Some(q) = q {
        for i in crate::filter::apply(log, &SearchIndex::new(log), &q) {
            keep[i] = true;
        }
    }
    keep
}
