//! `dateline add event|quote|source LOG ...` and `dateline set LOG EVENT --status S`: one
//! change written to the log, checked first (see `crate::write`). Prints the item's id;
//! on a refusal prints why and exits 1, the file untouched.

use super::EXIT_INVALID;
use crate::load::Limits;
use crate::model::{Kind, Status};
use crate::write::{self, Change, LogFiles, NewEvent, NewQuote, NewSource, Refusal};
use clap::builder::PossibleValuesParser;
use clap::{Args, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// What `add` adds.
#[derive(Debug, Subcommand)]
pub enum AddCommand {
    /// Add an event at its place in time; prints its id
    ///
    /// For example: `dateline add event talks.yaml --date 2025-05-12T16:00[Europe/Zurich]
    /// --kind statement --title "Geneva joint statement" --party us --party china`
    Event(AddEvent),
    /// Add a quote to an event; prints the event's id
    ///
    /// A verbatim quote whose source has an archive must be in it (else the quote is refused
    /// and the closest passage shown), unless --paraphrase or --translated.
    Quote(AddQuote),
    /// Add a source at the end of the sources; prints its id
    Source(AddSource),
}

#[derive(Debug, Args)]
pub struct AddEvent {
    /// The log (a file, or a directory of files)
    #[arg(value_name = "LOG")]
    log: PathBuf,
    /// When: 2025-05-12, 2025-05-12T16:00[Europe/Zurich], 2025-05-12T16:00+02:00, 2025-05...
    #[arg(long, value_name = "D")]
    date: String,
    /// What kind of event
    #[arg(long, value_name = "K", value_parser = PossibleValuesParser::new(Kind::ALL.map(Kind::as_str)))]
    kind: String,
    /// One line
    #[arg(long, value_name = "T")]
    title: String,
    /// When it ended (same forms as --date)
    #[arg(long, value_name = "D")]
    end: Option<String>,
    /// Whether it happened (occurred when not given)
    #[arg(long, value_name = "S", value_parser = PossibleValuesParser::new(Status::ALL.map(Status::as_str)))]
    status: Option<String>,
    /// A party involved with no actor named (repeatable)
    #[arg(long = "party", value_name = "ID")]
    parties: Vec<String>,
    /// An actor taking part (repeatable)
    #[arg(long = "actor", value_name = "ID")]
    actors: Vec<String>,
    /// A source (repeatable)
    #[arg(long = "source", value_name = "ID")]
    sources: Vec<String>,
    /// A topic (repeatable)
    #[arg(long = "topic", value_name = "T")]
    topics: Vec<String>,
    /// Where
    #[arg(long, value_name = "L")]
    location: Option<String>,
    /// Free text
    #[arg(long, value_name = "TEXT")]
    summary: Option<String>,
    /// An event this one answers or follows (repeatable)
    #[arg(long = "related", value_name = "ID")]
    related: Vec<String>,
    /// Its id (else made from its day and title)
    #[arg(long, value_name = "ID")]
    id: Option<String>,
    /// The file of a directory log to write it in (else the one holding the events around
    /// its date)
    #[arg(long, value_name = "F")]
    file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct AddQuote {
    /// The log (a file, or a directory of files)
    #[arg(value_name = "LOG")]
    log: PathBuf,
    /// The event's id
    #[arg(long, value_name = "ID")]
    event: String,
    /// The words, verbatim
    #[arg(long, value_name = "TEXT")]
    text: String,
    /// Who said them: an actor id
    #[arg(long, value_name = "ID")]
    speaker: Option<String>,
    /// The party of an unnamed speaker; several for a joint voice (repeatable)
    #[arg(long = "party", value_name = "ID")]
    parties: Vec<String>,
    /// How the source describes the speaker
    #[arg(long, value_name = "TEXT")]
    attribution: Option<String>,
    /// Where they were published (else the event's one source)
    #[arg(long, value_name = "ID")]
    source: Option<String>,
    /// Reported speech, not the words themselves
    #[arg(long)]
    paraphrase: bool,
    /// You translated the words
    #[arg(long)]
    translated: bool,
    /// With --translated: the words as spoken, in their own language
    #[arg(long, value_name = "TEXT", requires = "translated")]
    original: Option<String>,
    /// The language of the quote's own words (BCP 47: ar, fa, zh-Hans)
    #[arg(long, value_name = "TAG", requires = "translated")]
    lang: Option<String>,
}

#[derive(Debug, Args)]
pub struct AddSource {
    /// The log (a file, or a directory of files)
    #[arg(value_name = "LOG")]
    log: PathBuf,
    /// The publication (with --from-page: used when the page does not name it)
    #[arg(long, value_name = "NAME", required_unless_present = "from_page")]
    outlet: Option<String>,
    /// A news page saved from a web browser ("Save page as", HTML): the source's fields
    /// come from its metadata, and its article's text is archived as a new Markdown file
    /// in `sources/` beside the log. Nothing is fetched.
    #[arg(long, value_name = "PAGE.html", conflicts_with_all = ["title", "url", "published", "byline", "archive"])]
    from_page: Option<PathBuf>,
    /// Its id (else made from the outlet and the day published)
    #[arg(long, value_name = "ID")]
    id: Option<String>,
    /// The headline
    #[arg(long, value_name = "T")]
    title: Option<String>,
    #[arg(long, value_name = "U")]
    url: Option<String>,
    /// When it was published (a date or date-time)
    #[arg(long, value_name = "D")]
    published: Option<String>,
    /// A writer (repeatable)
    #[arg(long, value_name = "NAME")]
    byline: Vec<String>,
    /// Your copy of its text, a path relative to the log file
    #[arg(long, value_name = "FILE")]
    archive: Option<String>,
}

#[derive(Debug, Args)]
pub struct SetArgs {
    /// The log (a file, or a directory of files)
    #[arg(value_name = "LOG")]
    log: PathBuf,
    /// The event's id
    #[arg(value_name = "EVENT")]
    event: String,
    /// Its new status
    #[arg(long, value_name = "STATUS", value_parser = PossibleValuesParser::new(Status::ALL.map(Status::as_str)))]
    status: String,
}

pub(crate) fn add(cmd: AddCommand, limits: &Limits) -> ExitCode {
    let (log, change) = match cmd {
        AddCommand::Event(a) => (
            a.log,
            Change::Event(NewEvent {
                date: a.date,
                end: a.end,
                kind: a.kind,
                status: a.status,
                title: a.title,
                summary: a.summary,
                location: a.location,
                actors: a.actors,
                parties: a.parties,
                topics: a.topics,
                sources: a.sources,
                related: a.related,
                id: a.id,
                file: a.file,
            }),
        ),
        AddCommand::Quote(a) => (
            a.log,
            Change::Quote(NewQuote {
                event: a.event,
                text: a.text,
                speaker: a.speaker,
                parties: a.parties,
                attribution: a.attribution,
                source: a.source,
                paraphrase: a.paraphrase,
                translated: a.translated,
                original: a.original,
                lang: a.lang,
            }),
        ),
        AddCommand::Source(a) if a.from_page.is_some() => return from_page(a, limits),
        AddCommand::Source(a) => (
            a.log,
            Change::Source(NewSource {
                outlet: a.outlet.unwrap_or_default(),
                id: a.id,
                title: a.title,
                url: a.url,
                published: a.published,
                byline: a.byline,
                archive: a.archive,
            }),
        ),
    };
    run(&log, &change, limits)
}

pub(crate) fn set(a: SetArgs, limits: &Limits) -> ExitCode {
    let status = Status::parse(&a.status).unwrap_or_default();
    run(
        &a.log,
        &Change::Status {
            event: a.event,
            status,
        },
        limits,
    )
}

fn run(log: &PathBuf, change: &Change, limits: &Limits) -> ExitCode {
    match write_one(log, change, limits) {
        Ok(w) => {
            println!("{}", w.id);
            eprintln!("dateline: {}", w.summary);
            ExitCode::SUCCESS
        }
        Err(r) => {
            let color = crate::color_policy::ColorMode::for_stream(&std::io::stderr());
            let text = r.render(limits.max_file_bytes, color);
            let _ = write!(color.writer(std::io::stderr()), "{text}");
            eprintln!("dateline: {}", r.message);
            ExitCode::from(EXIT_INVALID)
        }
    }
}

fn write_one(log: &PathBuf, change: &Change, limits: &Limits) -> Result<write::Written, Refusal> {
    let files = LogFiles::read(std::slice::from_ref(log), limits)?;
    // A log of several files: the check parses only the changed one, the others' readings
    // kept from this load. (One file is parsed again whole: keeping it would cost a copy.)
    let mut cache = (files.paths.len() > 1).then(crate::load::LoadCache::new);
    let loaded = match &mut cache {
        Some(cache) => files.load_through(cache, limits),
        None => files.load(limits),
    }
    .map_err(|r| Refusal {
        message: "the log does not check as it is: fix it first (dateline check)".into(),
        diagnostics: r.diagnostics,
        checked: None,
    })?;
    let plan = write::plan(&loaded.log, &files, change)?;
    drop(loaded);
    match &mut cache {
        Some(cache) => write::commit_with(&files, plan, limits, |texts, paths| {
            cache.load_texts(texts, limits, crate::archive::Archives::Beside(paths))
        }),
        None => write::commit(&files, plan, limits),
    }
}

/// `add source --from-page`: the page's fields and article into a source and a new archive
/// file beside the log file that takes the source (see `write::archive_page`).
fn from_page(a: AddSource, limits: &Limits) -> ExitCode {
    let Some(page) = a.from_page.as_deref() else {
        eprintln!("dateline: no page given");
        return ExitCode::from(EXIT_INVALID);
    };
    let files = match LogFiles::read(std::slice::from_ref(&a.log), limits) {
        Ok(f) => f,
        Err(r) => return refused(&r, limits),
    };
    let done = files
        .load(limits)
        .map_err(|r| Refusal {
            message: "the log does not check as it is: fix it first (dateline check)".into(),
            diagnostics: r.diagnostics,
            checked: None,
        })
        .and_then(|loaded| {
            let into = write::PageInto::NewSource {
                id: a.id.clone(),
                outlet: a.outlet.clone(),
            };
            write::archive_page(&loaded.log, &files, page, &into, limits)
        });
    let done = match done {
        Ok(d) => d,
        Err(r) => return refused(&r, limits),
    };
    let (w, source) = (&done.written, &done.page);
    println!("{}", w.id);
    eprintln!("dateline: {}", w.summary);
    let from = match source.outlet_from {
        crate::page::OutletFrom::Page => "the page",
        crate::page::OutletFrom::Caller => "--outlet, the page naming none",
        crate::page::OutletFrom::Host => "the address's host, the page naming none",
    };
    let mut filled = vec![format!("outlet ({from})")];
    filled.extend(source.title.as_ref().map(|_| "title".to_string()));
    filled.extend((!source.byline.is_empty()).then(|| "byline".to_string()));
    filled.extend(source.published.as_ref().map(|_| "published".to_string()));
    filled.extend(source.url.as_ref().map(|_| "url".to_string()));
    eprintln!("dateline: filled from the page: {}", filled.join(", "));
    let missing: Vec<&str> = source
        .missing
        .iter()
        .copied()
        .filter(|m| *m != "outlet")
        .collect();
    if !missing.is_empty() {
        eprintln!(
            "dateline: not on the page, left out: {}",
            missing.join(", ")
        );
    }
    ExitCode::SUCCESS
}

/// A refusal on stderr, exit 1.
fn refused(r: &Refusal, limits: &Limits) -> ExitCode {
    let color = crate::color_policy::ColorMode::for_stream(&std::io::stderr());
    let text = r.render(limits.max_file_bytes, color);
    let _ = write!(color.writer(std::io::stderr()), "{text}");
    eprintln!("dateline: {}", r.message);
    ExitCode::from(EXIT_INVALID)
}
