//! `dateline completions SHELL` and `dateline man`: shell completions and the man page,
//! generated from the same clap definitions as `--help`, so they never drift from it.

use super::Cli;
use super::selection::write_stdout;
use clap::CommandFactory;
use clap_complete::Shell;
use std::process::ExitCode;

/// The completion script for `shell`, on stdout.
pub(crate) fn completions(shell: Shell) -> ExitCode {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "dateline", &mut buf);
    write_stdout(&String::from_utf8_lossy(&buf))
}

/// The man page, dateline(1), as roff on stdout.
pub(crate) fn man() -> ExitCode {
    let mut buf = Vec::new();
    if let Err(e) = clap_mangen::Man::new(Cli::command()).render(&mut buf) {
        eprintln!("dateline: cannot render the man page: {e}");
        return ExitCode::from(super::EXIT_INVALID);
    }
    write_stdout(&String::from_utf8_lossy(&buf))
}
