//! `dateline sources [FILE]... [filters] --format FORMAT`: the bibliography, as text,
//! markdown, json or csv.

use super::selection::{data_for_stdout, select, write_stdout};
use super::{FilterArgs, SourceFormat};
use crate::export::{bibliography, describe};
use crate::load::Limits;
use std::path::PathBuf;
use std::process::ExitCode;

pub(crate) fn run(
    files: &[PathBuf],
    filters: &FilterArgs,
    format: SourceFormat,
    limits: &Limits,
) -> ExitCode {
    let sel = match select(files, filters, limits) {
        Ok(sel) => sel,
        Err(code) => return code,
    };
    let log = &sel.log;
    let entries = crate::sources::bibliography(log, &sel.events, &sel.query);
    let out = match format {
        SourceFormat::Text => bibliography::text(log, &entries),
        SourceFormat::Markdown => {
            bibliography::markdown(log, &entries, &describe::filters(log, &sel.query))
        }
        SourceFormat::Json => data_for_stdout(bibliography::json(log, &entries)),
        SourceFormat::Csv => data_for_stdout(bibliography::csv(log, &entries)),
    };
    if entries.is_empty() && format == SourceFormat::Text {
        eprintln!(
            "dateline: no source matches ({} in the log)",
            log.sources.len()
        );
    }
    write_stdout(&out)
}
