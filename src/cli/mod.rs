//! The command line: `dateline [FILE]...` opens the browser; `check`, `list`, `quotes` and
//! `import` print to stdout for scripts. Exit codes: 0 ok, 1 invalid log, 2 wrong usage.

mod add;
mod args;
mod check;
mod completions;
mod diff;
mod filters;
mod import;
mod list;
mod new;
mod quotes;
mod selection;
mod sources;

pub use args::{Cli, Command, DiffFormat, FilterArgs, Format, QuoteFormat, SourceFormat};

use crate::load::{self, Limits, Loaded, Report};
use clap::Parser;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit code for a log with errors.
const EXIT_INVALID: u8 = 1;
/// Exit code for wrong usage.
const EXIT_USAGE: u8 = 2;

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // Help and version are ours; an error quotes the arguments, which may hold escapes.
        Err(e) if !e.use_stderr() => e.exit(),
        Err(e) => {
            eprint!(
                "{}",
                crate::sanitize::sanitize_multiline(&e.render().to_string())
            );
            return ExitCode::from(e.exit_code().clamp(0, 255) as u8);
        }
    };
    // Past `ulimit -f`, the kernel ends a writer with SIGXFSZ, leaving a truncated file
    // (and, in the browser, a broken terminal). Caught, the write fails with "File too
    // large" instead, reported as any failed write, and the cleanup runs.
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGXFSZ,
        std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
    );
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
        Some(Command::Diff {
            old,
            new,
            filters,
            format,
        }) => diff::run(&old, &new, &filters, format, &limits),
        Some(Command::Import { file }) => import::run(&file, &limits),
        Some(Command::Sources {
            files,
            filters,
            format,
        }) => sources::run(&files, &filters, format, &limits),
        Some(Command::New { file }) => new::run(&file),
        Some(Command::Schema) => {
            print!("{}", crate::SCHEMA);
            ExitCode::SUCCESS
        }
        Some(Command::Completions { shell }) => completions::completions(shell),
        Some(Command::Man { dir }) => completions::man(dir.as_deref()),
        Some(Command::Add(cmd)) => add::add(cmd, &limits),
        Some(Command::Set(args)) => add::set(args, &limits),
        None => browse(&cli.files, &cli.filters, &limits),
    }
}

/// `dateline [FILE]... [filters]`: the browser, pre-filtered by the flags. A bad log or a
/// bad flag is reported on the normal screen, before the browser takes the terminal.
fn browse(files: &[PathBuf], filters: &FilterArgs, limits: &Limits) -> ExitCode {
    if let Err(why) = has_terminal() {
        eprintln!(
            "dateline: the browser needs a terminal, and {why}; \
             to print the events instead, run `dateline list{}`",
            if files.is_empty() { "" } else { " FILE" }
        );
        return ExitCode::from(EXIT_USAGE);
    }
    // The browser's loads go through one cache, so that a reload parses only the files that
    // changed; the first load fills it. The quotes are checked against their archives once
    // the browser shows the log.
    let cache = load::CacheThread::start();
    let first = if files.is_empty() {
        crate::load_sample()
    } else {
        load::expand_paths(files).and_then(|p| cache.load_paths_unchecked(&p, limits))
    };
    match first {
        Ok(loaded) => {
            // The same marks as `list --marked`: kept per log in the state directory.
            let marks = selection::marks_of(files);
            let query = match filters.to_query(&loaded.log) {
                Ok(mut q) => {
                    if filters.marked {
                        q.only = Some(marks.present(&loaded.log));
                    }
                    if filters.unseen {
                        q.unseen = Some(selection::unseen_of(files, &loaded.log));
                    }
                    q
                }
                Err(e) => {
                    for p in &e.problems {
                        eprintln!("dateline: {p}");
                    }
                    return ExitCode::from(EXIT_USAGE);
                }
            };
            let source = crate::tui::LogSource {
                args: files.to_vec(),
                limits: *limits,
            };
            match crate::tui::run(loaded, query, marks, source, cache) {
                Ok(crate::tui::Ended::Quit) => ExitCode::SUCCESS,
                // As a shell reports a process ended by a signal.
                Ok(crate::tui::Ended::Signal(sig)) => ExitCode::from(128 + sig as u8),
                Err(e) => {
                    eprintln!("dateline: {e}");
                    ExitCode::from(EXIT_INVALID)
                }
            }
        }
        Err(report) => {
            let color = crate::color_policy::ColorMode::for_stream(&std::io::stderr());
            let text = crate::load::render_all(&report.diagnostics, limits.max_file_bytes, color);
            let _ = write!(color.writer(std::io::stderr()), "{text}");
            let n = report.error_count();
            eprintln!(
                "dateline: the log does not open ({n} error{}); fix it and run again",
                if n == 1 { "" } else { "s" }
            );
            ExitCode::from(EXIT_INVALID)
        }
    }
}

/// Whether the browser can run: it draws on standard output and reads keys from standard
/// input or, when that is redirected, from the controlling terminal (as crossterm does).
/// Checked before anything is written, so that `dateline log.yaml > out.txt` or a run
/// without a terminal says so instead of drawing into a file.
fn has_terminal() -> Result<(), &'static str> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return Err("standard output is not one (it goes to a file or a pipe)");
    }
    if !std::io::stdin().is_terminal() && std::fs::File::open("/dev/tty").is_err() {
        return Err("there is none to read keys from");
    }
    Ok(())
}

/// Loads the files named (directories: their `.yaml` and `.yml` files) as one log, or the
/// bundled sample when none is.
fn load_files(files: &[PathBuf], limits: &Limits) -> Result<Loaded, Report> {
    if files.is_empty() {
        return crate::load_sample();
    }
    load::load_paths(&load::expand_paths(files)?, limits)
}
