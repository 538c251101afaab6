//! `dateline quotes [FILE]... [filters] --format markdown|json|csv`: the quotes of the
//! matching events said by the parties and actors asked for, each with its full citation.

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
    // `--party` and `--actor` pick quotes by who said them; the other flags pick events.
    let quotes = crate::filter::quotes_of(log, events, &sel.query);
    let out = match format {
        QuoteFormat::Markdown => export::markdown::quotes(log, &quotes),
        QuoteFormat::Json => export::json::quotes(log, &quotes),
        QuoteFormat::Csv => export::csv::quotes(log, &quotes),
    };
    if format == QuoteFormat::Markdown && quotes.is_empty() {
        eprintln!(
            "dateline: no quote matches ({} events match, {} quotes in the log)",
            events.len(),
            log.quote_count()
        );
    }
    write_stdout(&out)
}
