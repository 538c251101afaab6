//! The command line: `dateline [FILE]...` opens the browser; `check`, `list` and `quotes`
//! print to stdout for scripts. Exit codes: 0 ok, 1 invalid log, 2 wrong usage.

mod args;
mod check;

pub use args::{Cli, Command, FilterArgs, Format, QuoteFormat};

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
        Some(other) => {
            eprintln!("dateline: {other:?} is not implemented yet");
            ExitCode::from(EXIT_USAGE)
        }
        None => browse(&cli.files, &limits),
    }
}

/// `dateline [FILE]`: the browser. A bad log is reported on the normal screen, before the
/// browser takes the terminal.
fn browse(files: &[PathBuf], limits: &Limits) -> ExitCode {
    match load_files(files, limits) {
        Ok(loaded) => match crate::tui::run(loaded, crate::filter::Query::default()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("dateline: {e}");
                ExitCode::from(EXIT_INVALID)
            }
        },
        Err(report) => {
            for d in &report.diagnostics {
                eprintln!("{d}");
            }
            ExitCode::from(EXIT_INVALID)
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
