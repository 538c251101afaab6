//! The command line: `dateline [FILE]...` opens the browser; `check`, `list` and `quotes`
//! print to stdout for scripts. Exit codes: 0 ok, 1 invalid log, 2 wrong usage.

mod args;
mod check;
mod completions;
mod filters;
mod list;
mod quotes;
mod selection;

pub use args::{Cli, Command, FilterArgs, Format, QuoteFormat};
pub use filters::UsageError;

use crate::load::{self, Limits, Loaded, Report};
use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit code for a log with errors.
pub const EXIT_INVALID: u8 = 1;
/// Exit code for wrong usage.
pub const EXIT_USAGE: u8 = 2;

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let limits = Limits {
        max_file_bytes: cli.max_file_size,
        ..Limits::default()
    };
    match cli.command {
        Some(Command::Check { files }) => check::run(&files, &limits),
        Some(Command::List {
            files,
            filters,
            format,
        }) => list::run(&files, &filters, format, &limits),
        Some(Command::Quotes {
            files,
            filters,
            format,
        }) => quotes::run(&files, &filters, format, &limits),
        Some(Command::Completions { shell }) => completions::completions(shell),
        Some(Command::Man) => completions::man(),
        None => {
            eprintln!("dateline: the browser is not implemented yet");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// Loads the files named (directories: their `.yaml` and `.yml` files) as one log, or the
/// bundled sample when none is.
pub fn load_files(files: &[PathBuf], limits: &Limits) -> Result<Loaded, Report> {
    if files.is_empty() {
        return load::load_str(crate::SAMPLE_NAME, crate::SAMPLE);
    }
    load::load_paths(&load::expand_paths(files)?, limits)
}
