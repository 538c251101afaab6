//! The command-line definitions, from which help, completions and the man page are made.

use crate::model::{Kind, Status};
use clap::builder::PossibleValuesParser;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// A terminal timeline of negotiations, read from a YAML event log.
///
/// With no FILE, opens the bundled sample log (the Cairo talks of spring 2024).
#[derive(Debug, Parser)]
#[command(
    name = "dateline",
    version,
    about,
    long_about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub(crate) command: Option<Command>,

    /// Event log(s) to open (YAML, format 1)
    #[arg(value_name = "FILE")]
    pub(crate) files: Vec<PathBuf>,

    #[command(flatten)]
    pub filters: FilterArgs,

    /// Largest log file read, in bytes
    #[arg(long, global = true, value_name = "BYTES", default_value_t = crate::load::Limits::default().max_file_bytes)]
    pub(crate) max_file_size: u64,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate logs and print every error and warning; exit 1 when any log has an error
    Check {
        /// Event log(s) to check
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the matching events in timeline order
    List {
        /// Event log(s) to read (the bundled sample when none)
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
        #[command(flatten)]
        filters: FilterArgs,
        /// Output format
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print the quotes of the matching events, each with its full citation
    ///
    /// --party and --actor select quotes by who said them: the quote's party (its own, else
    /// its speaker's) and its speaker. Every other filter (--kind, --status, --topic, --from,
    /// --to, --search, --marked) selects the events whose quotes are printed.
    #[command(
        after_help = "--party and --actor select quotes by who said them, --source and --outlet by where they were published; the other filters select events."
    )]
    Quotes {
        /// Event log(s) to read (the bundled sample when none)
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
        #[command(flatten)]
        filters: FilterArgs,
        /// Output format
        #[arg(long, value_enum, default_value_t = QuoteFormat::Markdown)]
        format: QuoteFormat,
    },
    /// Print what changed between two versions of a log: events added, removed and changed
    /// field by field; parties, actors and sources added, removed or changed
    ///
    /// Exit 0 when nothing changed, 1 when something did, 2 when either side does not load.
    /// For example: `git show HEAD~1:talks.yaml > /tmp/old.yaml; dateline diff /tmp/old.yaml
    /// talks.yaml`. Events are matched by id (an event without one, by its derived id).
    Diff {
        /// The older version: a log file or a folder of one
        #[arg(value_name = "OLD")]
        old: PathBuf,
        /// The newer version: a log file or a folder of one
        #[arg(value_name = "NEW")]
        new: PathBuf,
        #[command(flatten)]
        filters: FilterArgs,
        /// Output format
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
    },
    /// Print the bibliography: every source (of the matching events, when filtered) with its
    /// fields, its archive, and the events and quotes that rest on it
    ///
    /// An event rests on a source through its `sources` or a quote's `source`. Quote counts
    /// say how the quotes fared against the archive: verified, not found, not checked.
    Sources {
        /// Event log(s) to read (the bundled sample when none)
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
        #[command(flatten)]
        filters: FilterArgs,
        /// Output format (markdown: a reference list for a story's notes)
        #[arg(long, value_enum, default_value_t = SourceFormat::Text)]
        format: SourceFormat,
    },
    /// Turn a TimelineJS timeline (JSON, or the Google Sheets template saved as CSV) into a
    /// format-1 log, printed to stdout
    ///
    /// For example: `dateline import timeline.json > talks.yaml`. Dates keep their precision,
    /// groups become parties, media and backgrounds are kept under `x-` keys; actors, quotes
    /// and sources are left for you to add.
    Import {
        /// The TimelineJS file: .json, or .csv for the sheet template
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Write a short, commented starter log to FILE (never over an existing file)
    ///
    /// For example: `dateline new talks.yaml`, then `dateline check talks.yaml`
    New {
        /// The file to create
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Print the JSON Schema of the log format, for editors
    ///
    /// Editors that use yaml-language-server (VS Code's YAML extension, Neovim, Helix, Zed)
    /// then complete keys, explain them on hover and flag mistakes while you type:
    /// `dateline schema > format-1.schema.json` beside the log, whose first line is
    /// `# yaml-language-server: $schema=format-1.schema.json`.
    Schema,
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    ///
    /// For example: `dateline completions bash > ~/.local/share/bash-completion/completions/dateline`
    Completions {
        /// The shell to complete for
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Print the man page, dateline(1), as roff, or write it and the subcommands' pages
    ///
    /// dateline(1) refers to one page per subcommand (dateline-check(1) and the others):
    /// --dir writes them all.
    ///
    /// For example: `dateline man --dir ~/.local/share/man/man1`, then `man dateline`
    Man {
        /// The directory to write dateline.1 and the subcommands' pages into
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Add an event, a quote or a source to a log (checked before it is written)
    #[command(subcommand)]
    Add(super::add::AddCommand),
    /// Change an event's status: `dateline set talks.yaml geneva-round --status cancelled`
    Set(super::add::SetArgs),
}

/// The browser's filters, as flags. AND across flags, OR within a repeated one.
#[derive(Debug, Default, Clone, Args)]
pub struct FilterArgs {
    /// Only events this actor takes part in or is quoted in; for `quotes`, only what this
    /// actor said (repeatable)
    #[arg(long = "actor", value_name = "ID")]
    pub(crate) actors: Vec<String>,
    /// Only events involving this party; for `quotes`, only what this party said
    /// (repeatable)
    #[arg(long = "party", value_name = "ID")]
    pub(crate) parties: Vec<String>,
    /// Only events of this kind (repeatable)
    #[arg(long = "kind", value_name = "KIND", value_parser = PossibleValuesParser::new(Kind::ALL.map(Kind::as_str)))]
    pub(crate) kinds: Vec<String>,
    /// Only events with this status (repeatable)
    #[arg(long = "status", value_name = "STATUS", value_parser = PossibleValuesParser::new(Status::ALL.map(Status::as_str)))]
    pub(crate) statuses: Vec<String>,
    /// Only events with this topic (repeatable)
    #[arg(long = "topic", value_name = "TOPIC")]
    pub(crate) topics: Vec<String>,
    /// Only events whose period overlaps this date or later (YYYY, YYYY-MM, YYYY-MM-DD: days of
    /// the log's reading zone, its `timezone`)
    #[arg(long, value_name = "DATE")]
    pub(crate) from: Option<String>,
    /// Only events whose period overlaps this date or earlier
    #[arg(long, value_name = "DATE")]
    pub(crate) to: Option<String>,
    /// Only events whose text holds every word (case and accents ignored)
    #[arg(long, value_name = "TEXT")]
    pub(crate) search: Option<String>,
    /// Only events you marked in the browser (key m)
    #[arg(long)]
    pub(crate) marked: bool,
    /// Only events new or changed since you last looked in the browser (every event when
    /// you never did); never records a look
    #[arg(long)]
    pub(crate) unseen: bool,
    /// Only events resting on this source, through their `sources` or a quote's `source`;
    /// for `quotes`, only quotes from it (repeatable)
    #[arg(long = "source", value_name = "ID")]
    pub(crate) sources: Vec<String>,
    /// Only events resting on a source of this outlet (case and accents ignored); for
    /// `quotes`, only quotes it published (repeatable)
    #[arg(long = "outlet", value_name = "NAME")]
    pub(crate) outlets: Vec<String>,
    /// Only events resting on one source or none: those the two-source rule asks about
    #[arg(long)]
    pub(crate) single_source: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    /// The events in full, the document the browser's `w` writes
    Markdown,
    Json,
    Csv,
    /// TimelineJS3 JSON, for a Knight Lab timeline embed
    Timelinejs,
    /// iCalendar (RFC 5545), for a calendar
    Ics,
    /// One self-contained web page
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuoteFormat {
    Markdown,
    Json,
    Csv,
}

/// The formats of `dateline sources`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SourceFormat {
    Text,
    Markdown,
    Json,
    Csv,
}
