//! `dateline quotes [FILE]... [filters] --format markdown|json|csv`: the quotes of the
//! matching events said by the parties and actors asked for, each with its full citation.

use super::selection::{data_for_stdout, select, write_stdout};
use super::{FilterArgs, QuoteFormat};
use crate::export;
use crate::load::Limits;
use std::path::PathBuf;
use std::process::ExitCode;

pub(crate) fn run(
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
        QuoteFormat::Json => data_for_stdout(export::json::quotes(log, &quotes)),
        QuoteFormat::Csv => data_for_stdout(export::csv::quotes(log, &quotes)),
    };
    if format == QuoteFormat::Markdown && quotes.is_empty() {
        let (n, q) = (events.len(), log.quote_count());
        let matched = if n == 1 {
            "1 event matches".to_string()
        } else {
            format!("{n} events match")
        };
        eprintln!(
            "dateline: no quote matches ({matched}, {q} quote{} in the log)",
            if q == 1 { "" } else { "s" }
        );
    }
    write_stdout(&out)
}
