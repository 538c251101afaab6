//! Writing to a log when the reader asks: a new event, quote or source, or an event's
//! status. One module does every write, for the command line and the browser alike.
//!
//! A write changes the text of one item only (`edit`), in the file's own layout and with
//! YAML quoting only where needed (`scalar`); the whole log is loaded and checked with the
//! change before anything is written, and that load is the log shown after; the file is
//! replaced whole (`atomic`), and not at all when it changed on disk since it was read.

mod atomic;
mod edit;
mod ids;
mod saved_page;
mod scalar;

pub use saved_page::{PageInto, PageWritten, archive_page};

use crate::archive::Archives;
use crate::load::{self, Diagnostic, FieldSpan, Limits, Loaded};
use crate::model::{Date, Log, Span, Status};
use edit::{Fields, Style, TextEdit, Val};

/// A hash of a file's bytes, as `Log::file_hashes` keeps them.
pub fn hash(bytes: &[u8]) -> u64 {
    atomic::hash(bytes)
}
use std::path::{Path, PathBuf};

/// The files of a log as read from disk, with a hash of each: a write is planned on this
/// text and refused if the file has changed since.
#[derive(Clone, Debug)]
pub struct LogFiles {
    pub paths: Vec<PathBuf>,
    pub texts: Vec<String>,
    hashes: Vec<u64>,
}

/// Why a write was not made; the file is untouched.
#[derive(Clone, Debug)]
pub struct Refusal {
    pub message: String,
    /// The loader's findings on the log as it would have been.
    pub diagnostics: Vec<Diagnostic>,
    /// The changed file's name and the text that was checked, which the diagnostics' lines
    /// point into.
    pub checked: Option<(String, String)>,
}

impl Refusal {
    fn new(message: impl Into<String>) -> Refusal {
        Refusal {
            message: message.into(),
            diagnostics: Vec::new(),
            checked: None,
        }
    }

    /// The diagnostics as `check` prints them, on the text that was checked: after a line
    /// saying so, since their line numbers are those of a text that was not written.
    pub fn render(&self, max_bytes: u64, color: crate::color_policy::ColorMode) -> String {
        let given: Vec<(&str, &str)> = self
            .checked
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        let rendered = load::render_all_over(&self.diagnostics, &given, max_bytes, color);
        match &self.checked {
            Some((name, _)) if !self.diagnostics.is_empty() => format!(
                "in {} as it would read with the change, which was not written:\n{rendered}",
                crate::sanitize::sanitize(name)
            ),
            _ => rendered,
        }
    }
}

impl LogFiles {
    /// Reads the files the arguments name (directories: their `.yaml` and `.yml` files).
    pub fn read(args: &[PathBuf], limits: &Limits) -> Result<LogFiles, Refusal> {
        let paths = load::expand_paths(args).map_err(|r| Refusal {
            message: "the log cannot be read".into(),
            diagnostics: r.diagnostics,
            checked: None,
        })?;
        let mut texts = Vec::with_capacity(paths.len());
        for p in &paths {
            texts.push(read_text(p, limits)?);
        }
        let hashes = texts.iter().map(|t| atomic::hash(t.as_bytes())).collect();
        Ok(LogFiles {
            paths,
            texts,
            hashes,
        })
    }

    /// Files already read: each path and its text.
    pub fn from_texts(paths: Vec<PathBuf>, texts: Vec<String>) -> LogFiles {
        let hashes = texts.iter().map(|t| atomic::hash(t.as_bytes())).collect();
        LogFiles {
            paths,
            texts,
            hashes,
        }
    }

    /// The log these files hold, with their archives.
    pub fn load(&self, limits: &Limits) -> Result<Loaded, load::Report> {
        let names = self.names();
        let files: Vec<(String, &[u8])> = names
            .into_iter()
            .zip(self.texts.iter().map(|t| t.as_bytes()))
            .collect();
        load::load_texts(&files, limits, Archives::Beside(&self.paths))
    }

    /// `load`, keeping each file's reading in `cache` for the check of a change, which
    /// then parses only the changed file.
    pub fn load_through(
        &self,
        cache: &mut load::LoadCache,
        limits: &Limits,
    ) -> Result<Loaded, load::Report> {
        let names = self.names();
        let files: Vec<(String, &[u8])> = names
            .into_iter()
            .zip(self.texts.iter().map(|t| t.as_bytes()))
            .collect();
        cache.load_texts(&files, limits, Archives::Beside(&self.paths))
    }

    /// Whether these are the very bytes `log` was loaded from.
    pub fn hold(&self, log: &Log) -> bool {
        log.file_hashes == self.hashes
    }

    /// The files whose bytes differ from those `log` was loaded from.
    pub fn changed_since(&self, log: &Log) -> Vec<PathBuf> {
        self.paths
            .iter()
            .enumerate()
            .filter(|&(i, _)| log.file_hashes.get(i) != self.hashes.get(i))
            .map(|(_, p)| p.clone())
            .collect()
    }

    fn names(&self) -> Vec<String> {
        self.paths.iter().map(|p| p.display().to_string()).collect()
    }
}

fn read_text(path: &Path, limits: &Limits) -> Result<String, Refusal> {
    let name = crate::sanitize::sanitize(&path.display().to_string()).into_owned();
    let bytes = load::read_file(path, limits).map_err(|e| Refusal::new(format!("{name}: {e}")))?;
    String::from_utf8(bytes)
        .map_err(|_| Refusal::new(format!("{name}: the file is not UTF-8 text")))
}

/// A new event, as the reader gives it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewEvent {
    pub date: String,
    pub end: Option<String>,
    pub kind: String,
    pub status: Option<String>,
    pub title: String,
    pub summary: Option<String>,
    pub location: Option<String>,
    pub actors: Vec<String>,
    pub parties: Vec<String>,
    pub topics: Vec<String>,
    pub sources: Vec<String>,
    pub related: Vec<String>,
    pub id: Option<String>,
    /// The file of a several-file log it goes in; else the one around its date.
    pub file: Option<PathBuf>,
}

/// A new quote of an event.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewQuote {
    pub event: String,
    pub text: String,
    pub speaker: Option<String>,
    pub parties: Vec<String>,
    pub attribution: Option<String>,
    pub source: Option<String>,
    pub paraphrase: bool,
    pub translated: bool,
    pub original: Option<String>,
    pub lang: Option<String>,
}

/// A new source.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewSource {
    pub outlet: String,
    pub id: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub byline: Vec<String>,
    pub archive: Option<String>,
}

/// What to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Event(NewEvent),
    Quote(NewQuote),
    Source(NewSource),
    Status {
        event: String,
        status: Status,
    },
    /// A file's earlier text back (undo), if it is still as `written` left it; the file the
    /// write made beside the log (a page's archive) removed, if it is still as written.
    Restore {
        file: usize,
        text: String,
        written: String,
        created: Option<Created>,
    },
}

/// A file a write made beside the log (a saved page's archive): where, as the log names it,
/// and the hash of the bytes written, so that its undo removes it only while it is as
/// written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Created {
    pub path: PathBuf,
    pub name: String,
    pub hash: u64,
}

/// A change worked out on a file's text, not yet checked nor written.
#[derive(Clone, Debug)]
pub struct Plan {
    file: usize,
    text: String,
    /// The new or changed item's bytes in `text`.
    range: std::ops::Range<usize>,
    id: String,
    verb: &'static str,
}

impl Plan {
    /// The file's whole text with the change.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The new or changed item's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Which file of the log the change is in.
    pub fn file(&self) -> usize {
        self.file
    }
}

/// A change written.
#[derive(Clone, Debug)]
pub struct Written {
    /// The new or changed item's id (for a quote, its event's).
    pub id: String,
    /// Which file of the log, and its path.
    pub file: usize,
    pub path: PathBuf,
    /// The item's first line in the file.
    pub line: usize,
    /// The log as it now is: the load that checked the change.
    pub loaded: Loaded,
    /// The file's text before, for an undo, and after.
    pub before: String,
    pub after: String,
    /// The file the write made beside the log, which its undo removes.
    pub created: Option<Created>,
    /// Each event's digest in `loaded` (`seen::digests`), for a browser that works them
    /// out off its drawing thread; empty unless asked for.
    pub digests: Vec<u64>,
    /// `added 2025-05-12-geneva-joint-statement to autumn.yaml:212`.
    pub summary: String,
}

/// Works out `change` on the files of `log` (which must be the log `files` hold).
pub fn plan(log: &Log, files: &LogFiles, change: &Change) -> Result<Plan, Refusal> {
    match change {
        Change::Event(e) => plan_event(log, files, e),
        Change::Quote(q) => plan_quote(log, files, q),
        Change::Source(s) => plan_source(log, files, s),
        Change::Status { event, status } => plan_status(log, files, event, *status),
        Change::Restore {
            file,
            text,
            written,
            ..
        } => {
            if files.texts.get(*file) != Some(written) {
                return Err(Refusal::new(
                    "the file changed since the last write: not undone",
                ));
            }
            Ok(Plan {
                file: *file,
                text: text.clone(),
                range: 0..0,
                id: String::new(),
                verb: "restored",
            })
        }
    }
}

/// Checks the planned change on the whole log and writes it; the file is untouched when
/// the change would not check or the file changed on disk since it was read.
pub fn commit(files: &LogFiles, plan: Plan, limits: &Limits) -> Result<Written, Refusal> {
    commit_through(files, plan, limits, None)
}

/// `commit`, the check loading the log through `cache` when given: only the changed file is
/// parsed, and the reload that follows the write finds every file in the cache.
pub fn commit_through(
    files: &LogFiles,
    plan: Plan,
    limits: &Limits,
    cache: Option<&load::CacheThread>,
) -> Result<Written, Refusal> {
    commit_with(files, plan, limits, |texts, paths| match cache {
        Some(cache) => cache.load_texts(texts, limits, paths),
        None => load::load_texts(texts, limits, Archives::Beside(paths)),
    })
}

/// `commit`, the check made by `load` (the files' names and bytes, and their paths for the
/// archives): a loader that keeps each file's reading (`load::LoadCache`) parses only the
/// changed file, and fills itself for the reload after the write.
pub fn commit_with(
    files: &LogFiles,
    plan: Plan,
    limits: &Limits,
    load: impl FnOnce(&[(String, &[u8])], &[PathBuf]) -> Result<Loaded, load::Report>,
) -> Result<Written, Refusal> {
    let path = &files.paths[plan.file];
    let name = crate::sanitize::sanitize(&path.display().to_string()).into_owned();
    let now = read_text(path, limits)?;
    if atomic::hash(now.as_bytes()) != files.hashes[plan.file] {
        return Err(Refusal::new(format!(
            "{name} changed on disk since it was read: nothing was written; reload and try again"
        )));
    }
    let names = files.names();
    let loaded = {
        let texts: Vec<(String, &[u8])> = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let t = if i == plan.file {
                    plan.text.as_bytes()
                } else {
                    files.texts[i].as_bytes()
                };
                (n.clone(), t)
            })
            .collect();
        load(&texts, &files.paths)
    };
    let refused = |diagnostics: Vec<Diagnostic>| Refusal {
        message: "nothing was written: with this change the log would not check".to_string(),
        diagnostics,
        checked: Some((names[plan.file].clone(), plan.text.clone())),
    };
    // Only the errors say why: the log's own warnings are not the reader's concern here.
    let loaded = loaded.map_err(|r| {
        refused(
            r.diagnostics
                .into_iter()
                .filter(Diagnostic::is_error)
                .collect(),
        )
    })?;
    // An error that still lets the log open (a quote not in its archive) refuses the write
    // when it is about the new item.
    let (first, last) = (
        line_of(&plan.text, plan.range.start),
        line_of(&plan.text, plan.range.end),
    );
    let ours: Vec<Diagnostic> = loaded
        .warnings
        .iter()
        .filter(|d| d.is_error() && d.file == names[plan.file] && (first..=last).contains(&d.line))
        .cloned()
        .collect();
    if !ours.is_empty() && plan.verb != "restored" {
        return Err(refused(ours));
    }
    atomic::replace(path, &plan.text)
        .map_err(|e| Refusal::new(format!("{name}: cannot write: {e}")))?;
    let start = plan.range.start
        + (plan.text[plan.range.clone()].len() - plan.text[plan.range.clone()].trim_start().len());
    let line = line_of(&plan.text, start);
    let short = path
        .file_name()
        .map_or(name.clone(), |n| n.to_string_lossy().into_owned());
    let summary = if plan.verb == "restored" {
        format!("undone: {} is as it was", crate::sanitize::sanitize(&short))
    } else {
        format!(
            "{} {} {} {}:{line}",
            plan.verb,
            plan.id,
            if plan.verb == "added" { "to" } else { "in" },
            crate::sanitize::sanitize(&short)
        )
    };
    Ok(Written {
        id: plan.id,
        file: plan.file,
        path: path.clone(),
        line,
        loaded,
        before: now,
        after: plan.text,
        created: None,
        digests: Vec::new(),
        summary,
    })
}

/// After an undo, removes the file the undone write made beside the log, if it is still
/// the bytes written and the log as restored does not name it; says what became of it.
pub fn remove_created(created: &Created, restored: &Log) -> String {
    let name = crate::sanitize::sanitize(&created.name).into_owned();
    let named = restored.sources.iter().any(|s| {
        let (Some(a), Some(file)) = (&s.archive, restored.files.get(s.origin.file)) else {
            return false;
        };
        Path::new(file)
            .parent()
            .unwrap_or(Path::new(""))
            .join(&a.path)
            == created.path
    });
    if named {
        return format!("; kept {name}, which the log names");
    }
    match std::fs::read(&created.path) {
        Ok(bytes) if atomic::hash(&bytes) == created.hash => {
            match std::fs::remove_file(&created.path) {
                Ok(()) => format!("; removed the archive {name}"),
                Err(e) => format!("; could not remove the archive {name}: {e}"),
            }
        }
        Ok(_) => format!("; kept the archive {name}, changed since it was written"),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => format!("; kept the archive {name}: {e}"),
    }
}

/// The 1-based line of byte `pos`.
fn line_of(text: &str, pos: usize) -> usize {
    let pos = pos.min(text.len());
    load::line_spans(&text[..pos]).len().max(1) + usize::from(text[..pos].ends_with(['\n', '\r']))
}

/// The refusal of an id that names nothing, with the closest one.
fn unknown(what: &str, id: &str, known: impl Iterator<Item = String>) -> Refusal {
    let known: Vec<String> = known.collect();
    let near = load::suggest::nearest(id, known.iter().map(String::as_str));
    let mut message = format!("no {what} has the id `{}`", crate::sanitize::sanitize(id));
    if let Some(n) = near {
        message.push_str(&format!(" ({})", load::suggest::did_you_mean(n)));
    }
    Refusal::new(message)
}

/// The top-level keys of a file.
fn top_keys(text: &str, name: &Path) -> Result<Vec<FieldSpan>, Refusal> {
    load::document_fields(text).map_err(|e| {
        Refusal::new(format!(
            "{}: cannot read its sections: {e}",
            crate::sanitize::sanitize(&name.display().to_string())
        ))
    })
}

fn item_fields(text: &str, span: Span) -> Result<Vec<FieldSpan>, Refusal> {
    load::item_fields(text, span).map_err(Refusal::new)
}

/// Where the dashes of the file's block lists are (2 when it has none).
fn section_indent(text: &str, keys: &[FieldSpan]) -> usize {
    keys.iter()
        .find_map(|f| {
            let between = &text[f.key_span.end as usize..f.value_span.start as usize];
            let dash = between.rfind('-')?;
            Some(edit::col(text, f.key_span.end as usize + dash))
        })
        .unwrap_or(2)
}

/// The edit adding an item to a top-level section of a file: after item `after` of
/// `items` (before the first when None), the section made when missing (before `events`
/// for the others).
fn add_to_section(
    text: &str,
    name: &Path,
    section: &str,
    items: &[Span],
    after: Option<usize>,
    fields: &Fields,
    style: Style,
) -> Result<TextEdit, Refusal> {
    if let (Some(first), Some(last)) = (items.first(), items.last()) {
        // The section's items are known: its list starts just before the first, and the
        // file is not parsed again (at 100k events that is a second load).
        let before = text[..first.start as usize].trim_end();
        let seq = match before.strip_suffix('[') {
            Some(open) => Span::new(open.len(), last.end as usize + 1),
            None => Span::new(first.start as usize, last.end as usize),
        };
        return Ok(edit::insert_item(text, seq, items, after, fields, style, 2));
    }
    let keys = &top_keys(text, name)?;
    let indent = section_indent(text, keys);
    if let Some(f) = keys.iter().find(|f| f.key == section) {
        return Ok(edit::insert_item(
            text,
            f.value_span,
            items,
            after,
            fields,
            style,
            indent,
        ));
    }
    let block = format!(
        "{section}:{}{}",
        style.eol,
        edit::render_block(fields, indent, indent + 2, style)
    );
    if section != "events"
        && let Some(ev) = keys.iter().find(|f| f.key == "events")
    {
        let at = edit::line_start(text, ev.key_span.start as usize);
        return Ok(TextEdit {
            range: at..at,
            text: format!("{block}{eol}{eol}", eol = style.eol),
        });
    }
    let at = text.len();
    let text = if text.is_empty() || text.ends_with(['\n', '\r']) {
        format!("{block}{}", style.eol)
    } else {
        // A file without a final line break keeps that.
        format!("{}{block}", style.eol)
    };
    Ok(TextEdit {
        range: at..at,
        text,
    })
}

fn finish(files: &LogFiles, file: usize, e: TextEdit, id: String, verb: &'static str) -> Plan {
    let text = e.apply(&files.texts[file]);
    Plan {
        file,
        range: e.range.start..e.range.start + e.text.len(),
        text,
        id,
        verb,
    }
}

fn words(v: &[String]) -> Val {
    Val::List(v.iter().cloned().map(Val::Word).collect())
}

/// A date the loader would refuse, refused before the event is placed anywhere: its own
/// problem, with the loader's words and hint.
fn usable_date(key: &str, text: &str, log: &Log) -> Result<Date, Refusal> {
    Date::parse_in(text, log.timezone).map_err(|e| {
        let help = e.help.map(|h| format!(" ({h})")).unwrap_or_default();
        let said = format!(
            "nothing was written: the event's {key}: {}{help}",
            e.message
        );
        Refusal::new(crate::sanitize::sanitize(&said).into_owned())
    })
}

fn plan_event(log: &Log, files: &LogFiles, e: &NewEvent) -> Result<Plan, Refusal> {
    let date = Some(usable_date("date", &e.date, log)?);
    if let Some(end) = &e.end {
        usable_date("end", end, log)?;
    }
    let start = date.as_ref().map(Date::start);
    let file = match &e.file {
        Some(f) => file_index(files, f)?,
        None => {
            // The file of the event just before it in time, else of the first one.
            let before = start.map_or(log.events.len(), |s| {
                log.events.partition_point(|x| x.date.start() <= s)
            });
            log.events
                .get(before.wrapping_sub(1))
                .or(log.events.first())
                .map_or(0, |x| x.origin.file)
        }
    };
    let id = match &e.id {
        Some(id) => id.clone(),
        None => ids::event_id(date.as_ref(), &e.date, &e.title, &log.event_ids),
    };
    let mut ours: Vec<&crate::model::Event> = log
        .events
        .iter()
        .filter(|x| x.origin.file == file)
        .collect();
    ours.sort_by_key(|x| x.origin.span.start);
    // After the last event of the file that starts no later (a date that does not read
    // goes last: the check then says what is wrong with it).
    let after = match start {
        Some(s) => ours.iter().rposition(|x| x.date.start() <= s),
        None => ours.len().checked_sub(1),
    };
    let text = &files.texts[file];
    // The neighbours' list style, the nearest first.
    let near = after.unwrap_or(0);
    let order = (near..ours.len()).chain((0..near).rev()).take(8);
    let mut flow_lists = true;
    for i in order {
        if let Some(flow) = edit::flow_lists(text, &item_fields(text, ours[i].origin.span)?) {
            flow_lists = flow;
            break;
        }
    }
    let style = Style {
        eol: edit::eol_of(text),
        flow_lists,
    };
    let mut fields: Fields = vec![
        ("id", Val::Word(id.clone())),
        ("date", Val::Word(e.date.clone())),
    ];
    if let Some(end) = &e.end {
        fields.push(("end", Val::Word(end.clone())));
    }
    fields.push(("kind", Val::Word(e.kind.clone())));
    if let Some(s) = &e.status {
        fields.push(("status", Val::Word(s.clone())));
    }
    fields.push(("title", Val::Text(e.title.clone())));
    if let Some(s) = &e.summary {
        fields.push(("summary", Val::Text(s.clone())));
    }
    if let Some(l) = &e.location {
        fields.push(("location", Val::Text(l.clone())));
    }
    for (key, list) in [
        ("actors", &e.actors),
        ("parties", &e.parties),
        ("topics", &e.topics),
        ("sources", &e.sources),
        ("related", &e.related),
    ] {
        if !list.is_empty() {
            let v = if key == "topics" {
                Val::List(list.iter().cloned().map(Val::Text).collect())
            } else {
                words(list)
            };
            fields.push((key, v));
        }
    }
    let spans: Vec<Span> = ours.iter().map(|x| x.origin.span).collect();
    let edit = add_to_section(
        text,
        &files.paths[file],
        "events",
        &spans,
        after,
        &fields,
        style,
    )?;
    Ok(finish(files, file, edit, id, "added"))
}

/// The log's file that `f` names: as given, or the same file by another path.
fn file_index(files: &LogFiles, f: &Path) -> Result<usize, Refusal> {
    let canon = |p: &Path| std::fs::canonicalize(p).ok();
    files
        .paths
        .iter()
        .position(|p| p == f || (canon(p).is_some() && canon(p) == canon(f)))
        .ok_or_else(|| {
            let names: Vec<String> = files.names();
            Refusal::new(format!(
                "{} is not a file of this log (its files: {})",
                crate::sanitize::sanitize(&f.display().to_string()),
                crate::sanitize::sanitize(&names.join(", "))
            ))
        })
}

fn plan_quote(log: &Log, files: &LogFiles, q: &NewQuote) -> Result<Plan, Refusal> {
    let ix = log
        .event(&q.event)
        .ok_or_else(|| unknown("event", &q.event, log.events.iter().map(|e| e.id.clone())))?;
    let event = &log.events[ix];
    let file = event.origin.file;
    let text = &files.texts[file];
    let fields_of_event = item_fields(text, event.origin.span)?;
    let style = Style {
        eol: edit::eol_of(text),
        flow_lists: edit::flow_lists(text, &fields_of_event).unwrap_or(true),
    };
    let mut fields: Fields = vec![("text", Val::Text(q.text.clone()))];
    if let Some(o) = &q.original {
        fields.push(("original", Val::Text(o.clone())));
    }
    if let Some(l) = &q.lang {
        fields.push(("lang", Val::Word(l.clone())));
    }
    if let Some(s) = &q.speaker {
        fields.push(("speaker", Val::Word(s.clone())));
    }
    if let Some(a) = &q.attribution {
        fields.push(("attribution", Val::Text(a.clone())));
    }
    match q.parties.as_slice() {
        [] => {}
        [one] => fields.push(("party", Val::Word(one.clone()))),
        many => fields.push(("party", words(many))),
    }
    if let Some(s) = &q.source {
        fields.push(("source", Val::Word(s.clone())));
    }
    if q.paraphrase {
        fields.push(("paraphrase", Val::Word("true".into())));
    }
    if q.translated {
        fields.push(("translated", Val::Word("true".into())));
    }
    let mut spans: Vec<Span> = event.quotes.iter().map(|x| x.origin.span).collect();
    spans.sort_by_key(|s| s.start);
    let edit = match fields_of_event.iter().find(|f| f.key == "quotes") {
        Some(f) => {
            let indent = edit::col(text, f.key_span.start as usize) + 2;
            edit::insert_item(
                text,
                f.value_span,
                &spans,
                spans.len().checked_sub(1),
                &fields,
                style,
                indent,
            )
        }
        None => edit::add_list_field(
            text,
            event.origin.span,
            &fields_of_event,
            "quotes",
            &fields,
            style,
        ),
    };
    Ok(finish(
        files,
        file,
        edit,
        event.id.clone(),
        "added a quote to",
    ))
}

fn plan_source(log: &Log, files: &LogFiles, s: &NewSource) -> Result<Plan, Refusal> {
    // The file of the log's first source, else the first with a `sources` section, else
    // the first.
    let mut file = log.sources.first().map_or(0, |s| s.origin.file);
    if log.sources.is_empty() {
        for (i, t) in files.texts.iter().enumerate() {
            if top_keys(t, &files.paths[i])?
                .iter()
                .any(|f| f.key == "sources")
            {
                file = i;
                break;
            }
        }
    }
    let text = &files.texts[file];
    let id = match &s.id {
        Some(id) => id.clone(),
        None => ids::source_id(&s.outlet, s.published.as_deref(), &log.source_ids),
    };
    let mut ours: Vec<Span> = log
        .sources
        .iter()
        .filter(|x| x.origin.file == file)
        .map(|x| x.origin.span)
        .collect();
    ours.sort_by_key(|s| s.start);
    let flow_lists = match ours.last() {
        Some(&n) => edit::flow_lists(text, &item_fields(text, n)?).unwrap_or(true),
        None => true,
    };
    let style = Style {
        eol: edit::eol_of(text),
        flow_lists,
    };
    let mut fields: Fields = vec![
        ("id", Val::Word(id.clone())),
        ("outlet", Val::Text(s.outlet.clone())),
    ];
    if let Some(t) = &s.title {
        fields.push(("title", Val::Text(t.clone())));
    }
    if let Some(u) = &s.url {
        fields.push(("url", Val::Text(u.clone())));
    }
    if let Some(p) = &s.published {
        fields.push(("published", Val::Word(p.clone())));
    }
    if !s.byline.is_empty() {
        fields.push((
            "byline",
            Val::List(s.byline.iter().cloned().map(Val::Text).collect()),
        ));
    }
    if let Some(a) = &s.archive {
        fields.push(("archive", Val::Text(a.clone())));
    }
    let edit = add_to_section(
        text,
        &files.paths[file],
        "sources",
        &ours,
        ours.len().checked_sub(1),
        &fields,
        style,
    )?;
    Ok(finish(files, file, edit, id, "added"))
}

fn plan_status(log: &Log, files: &LogFiles, event: &str, status: Status) -> Result<Plan, Refusal> {
    let ix = log
        .event(event)
        .ok_or_else(|| unknown("event", event, log.events.iter().map(|e| e.id.clone())))?;
    let e = &log.events[ix];
    let text = &files.texts[e.origin.file];
    let fields = item_fields(text, e.origin.span)?;
    let style = Style {
        eol: edit::eol_of(text),
        flow_lists: true,
    };
    let edit = edit::set_field(
        text,
        e.origin.span,
        &fields,
        "status",
        &Val::Word(status.as_str().into()),
        "kind",
        style,
    );
    let verb = match status {
        Status::Occurred => "marked occurred:",
        Status::Expected => "marked expected:",
        Status::Cancelled => "marked cancelled:",
        Status::Disputed => "marked disputed:",
    };
    Ok(finish(files, e.origin.file, edit, e.id.clone(), verb))
}

#[cfg(test)]
mod tests;
