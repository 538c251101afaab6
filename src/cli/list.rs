//! `dateline list [FILE]... [filters] --format FORMAT`: the matching events in timeline
//! order, as text, markdown, json, csv, timelinejs, ics or html.

use super::selection::{data_for_stdout, select, write_stdout};
use super::{FilterArgs, Format};
use crate::color_policy::ColorMode;
use crate::export;
use crate::load::Limits;
use std::path::PathBuf;
use std::process::ExitCode;

pub(crate) fn run(
    files: &[PathBuf],
    filters: &FilterArgs,
    format: Format,
    limits: &Limits,
) -> ExitCode {
    let sel = match select(files, filters, limits) {
        Ok(sel) => sel,
        Err(code) => return code,
    };
    let (log, events) = (&sel.log, &sel.events);
    let out = match format {
        Format::Text => {
            let stdout = std::io::stdout();
            let width = export::text::output_width(&stdout);
            export::text::events(log, events, ColorMode::for_stream(&stdout), width)
        }
        Format::Markdown => export::markdown::view(log, events, &sel.query),
        Format::Json => data_for_stdout(export::json::events(log, events)),
        Format::Csv => data_for_stdout(export::csv::events(log, events)),
        Format::Timelinejs => data_for_stdout(export::timelinejs::events(log, events)),
        Format::Ics => data_for_stdout(export::ics::events(log, events)),
        Format::Html => data_for_stdout(export::html::page(log, events, &sel.query)),
    };
    if events.is_empty() && format == Format::Text {
        eprintln!(
            "dateline: no event matches ({} in the log)",
            log.events.len()
        );
    }
    write_stdout(&out)
}
