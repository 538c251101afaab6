//! `dateline completions SHELL` and `dateline man`: shell completions and the man page,
//! generated from the same clap definitions as `--help`, so they never drift from it.

use super::Cli;
use super::selection::write_stdout;
use clap::CommandFactory;
use clap_complete::Shell;
use std::path::Path;
use std::process::ExitCode;

/// The completion script for `shell`, on stdout.
pub(crate) fn completions(shell: Shell) -> ExitCode {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "dateline", &mut buf);
    write_stdout(&String::from_utf8_lossy(&buf))
}

/// The man page, dateline(1), as roff on stdout; with `dir`, it and one page per
/// subcommand (the pages it refers to) written there, as the Debian package ships them.
pub(crate) fn man(dir: Option<&Path>) -> ExitCode {
    // No `help` subcommand: a page for it would only repeat `--help`.
    let cmd = Cli::command().disable_help_subcommand(true);
    let Some(dir) = dir else {
        let mut buf = Vec::new();
        if let Err(e) = clap_mangen::Man::new(cmd).render(&mut buf) {
            eprintln!("dateline: cannot render the man page: {e}");
            return ExitCode::from(super::EXIT_INVALID);
        }
        return write_stdout(&String::from_utf8_lossy(&buf));
    };
    let name = dir.display().to_string();
    let shown = crate::sanitize::sanitize(&name);
    if let Err(e) = std::fs::create_dir_all(dir).and_then(|()| clap_mangen::generate_to(cmd, dir)) {
        eprintln!("dateline: cannot write the man pages into {shown}: {e}");
        return ExitCode::from(super::EXIT_INVALID);
    }
    ExitCode::SUCCESS
}
