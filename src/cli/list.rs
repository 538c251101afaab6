//! `dateline list [FILE]... [filters] --format text|markdown|json|csv|timelinejs|ics|html`: the matching events
//! in timeline order.

use super::selection::{select, write_stdout};
use super::{FilterArgs, Format};
use crate::export;
use crate::load::Limits;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// Colour only for a person at a terminal, and never when NO_COLOR is set (no-color.org).
pub fn wants_color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

pub fn run(files: &[PathBuf], filters: &FilterArgs, format: Format, limits: &Limits) -> ExitCode {
    let sel = match select(files, filters, limits) {
        Ok(sel) => sel,
        Err(code) => return code,
    };
    let (log, events) = (&sel.log, &sel.events);
    let out = match format {
        Format::Text => export::text::events(log, events, wants_color()),
        Format::Markdown => export::markdown::events(log, events),
        Format::Json => export::json::events(log, events),
        Format::Csv => export::csv::events(log, events),
        Format::Timelinejs => export::timelinejs::events(log, events),
        Format::Ics => export::ics::events(log, events),
        Format::Html => export::html::page(log, events, &sel.query),
    };
    if events.is_empty() && format == Format::Text {
        eprintln!(
            "dateline: no event matches ({} in the log)",
            log.events.len()
        );
    }
    write_stdout(&out)
}
