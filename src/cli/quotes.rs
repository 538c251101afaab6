//! `dateline quotes [FILE]... [filters] --format markdown|json|csv`: the quotes of the
//! matching events, each with its full citation.

use super::selection::{select, write_stdout};
use super::{FilterArgs, QuoteFormat};
use crate::export;
use crate::load::Limits;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(
    files: &[PathBuf],
    filters: &FilterArgs,
    format: QuoteFormat,
    limits: &Limits,
) -> ExitCode {
    let sel = match select(files, filters, limits) {
        Ok(sel) => sel,
        Err(code) => return code,
    };
    let (log, events) = (&sel.log, &sel.events);
    let out = match format {
        QuoteFormat::Markdown => export::markdown::quotes(log, events),
        QuoteFormat::Json => export::json::quotes(log, events),
        QuoteFormat::Csv => export::csv::quotes(log, events),
    };
    if format == QuoteFormat::Markdown && events.iter().all(|&i| log.events[i].quotes.is_empty()) {
        eprintln!(
            "dateline: no quote matches ({} events match, {} quotes in the log)",
            events.len(),
            log.quote_count()
        );
    }
    write_stdout(&out)
}
