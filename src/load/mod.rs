//! From YAML text to a validated `Log`, with diagnostics for everything that is wrong.
//!
//! `yaml` is the only module that parses YAML. A well-formed file is read straight from the
//! parser's events (`stream`); any other is read through a spanned tree (`document`), which
//! collects every error of the file rather than stopping at the first. Both hand their
//! values to the same readers (`fields`, `document`), then `resolve` makes one `Log`.

mod budget;
mod cache;
mod diagnostic;
mod document;
mod fields;
mod flow_length;
pub(crate) mod ids;
mod lang;
mod recover;
mod render;
mod resolve;
mod stamp;
mod stream;
pub(crate) mod suggest;
mod yaml;

pub(crate) use budget::size as budget_size;
pub use budget::{Budget, ITEM_BYTES, WORD_BYTES};
pub use cache::{CacheThread, LoadCache};
pub use diagnostic::{Diagnostic, Report, Severity, line_spans, source_lines};
pub use document::KNOWN_KEYS;
pub(crate) use document::closest_word;
pub(crate) use render::{render as render_diagnostic, render_all, render_all_over};

use crate::archive::Archives;
use crate::model::Log;
use std::path::{Path, PathBuf};

/// The keys an event may have (besides `x-` keys), for writers of logs.
pub(crate) fn event_keys() -> &'static [&'static str] {
    document::EVENT
}

/// Bounds that keep a hostile file from exhausting time or memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest file read, in bytes.
    pub max_file_bytes: u64,
    /// Deepest nesting of sequences and mappings.
    pub max_depth: usize,
    /// Most nodes and bytes that aliases may add, as a multiple of the nodes and bytes
    /// written in the file.
    pub max_alias_factor: usize,
    /// The memory one load may take, in bytes: what the counts below are derived from, and
    /// what a load's `Budget` (shared by its files, archives or import) starts with.
    pub memory_budget: u64,
}

/// The memory one load may take by default: 2 GiB.
pub const MEMORY_BUDGET: u64 = 2 << 30;

/// Memory per byte of a log as written, on ordinary logs: 1M events, 578 MB, peak 2.2 GB
/// (docs/PERFORMANCE.md).
const LOG_BYTES_FACTOR: u64 = 4;

/// Memory per byte of an imported TimelineJS file at most (its JSON tree, then the log
/// written from it): 50 MB of small values took 1.6 GB.
const IMPORT_BYTES_FACTOR: u64 = 32;

impl Limits {
    fn budget_items(&self) -> usize {
        usize::try_from(self.memory_budget / ITEM_BYTES).unwrap_or(usize::MAX)
    }

    /// Most YAML values one file may hold (written, or added by aliases). Counted at half an
    /// item's cost: a value read straight into the model is not kept as a node, and an
    /// ordinary log holds about 43 values a kilobyte, so a log as large as the file limit
    /// admits (512 MiB: about 23 million values) is never refused by this count.
    pub fn max_yaml_nodes(&self) -> usize {
        self.budget_items().saturating_mul(2)
    }

    /// Most list items (topics, actors, parties, sources, related ids, aliases, ...) one
    /// file may keep; a load's files together are held to its `Budget`.
    pub fn max_list_items(&self) -> usize {
        self.budget_items()
    }

    /// Largest TimelineJS file imported: what fits the budget, and no more than any file.
    pub fn max_import_bytes(&self) -> u64 {
        (self.memory_budget / IMPORT_BYTES_FACTOR).min(self.max_file_bytes)
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            // A log the limits admit fits in the budget.
            max_file_bytes: MEMORY_BUDGET / LOG_BYTES_FACTOR,
            max_depth: 64,
            max_alias_factor: 10,
            memory_budget: MEMORY_BUDGET,
        }
    }
}

/// A log that opened, with what was found on the way: warnings, and errors that do not
/// keep a log from opening (quotes not found in their archives, flagged where they show).
#[derive(Clone, Debug)]
pub struct Loaded {
    pub log: Log,
    pub warnings: Vec<Diagnostic>,
}

/// Loads one log from text; `name` is how messages call the file. Text has no folder, so
/// its archives are not read (see `load_str_with`).
pub fn load_str(name: &str, text: &str) -> Result<Loaded, Report> {
    load_bytes(name, text.as_bytes(), &Limits::default())
}

/// Loads one log from text with its archives, given as paths (as the log writes them) and
/// texts.
pub fn load_str_with(name: &str, text: &str, archives: Archives) -> Result<Loaded, Report> {
    load_many(
        &[(name.to_string(), text.as_bytes())],
        &Limits::default(),
        archives,
    )
}

/// Loads several files given as bytes (each with its name) as one log, with their
/// archives: the check of a change before it is written, whose result is the reloaded log.
pub fn load_texts(
    files: &[(String, &[u8])],
    limits: &Limits,
    archives: Archives,
) -> Result<Loaded, Report> {
    load_texts_by(files, limits, archives, None)
}

/// `load_texts`, through a cache of the files' readings when given one.
fn load_texts_by(
    files: &[(String, &[u8])],
    limits: &Limits,
    archives: Archives,
    cache: Option<&mut LoadCache>,
) -> Result<Loaded, Report> {
    let from = match cache {
        Some(cache) => DocsFrom::Cache(cache),
        None => DocsFrom::Parse(Way::Any),
    };
    load_by(files, limits, archives, from)
}

/// Loads one log from bytes, which may be anything.
pub fn load_bytes(name: &str, bytes: &[u8], limits: &Limits) -> Result<Loaded, Report> {
    load_many(&[(name.to_string(), bytes)], limits, Archives::None)
}

/// The files a list of arguments names: files as they are, directories as the `.yaml` and
/// `.yml` files directly inside them, in name order; each file once.
pub(crate) fn expand_paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Report> {
    let mut out = Vec::new();
    let mut diagnostics = Vec::new();
    for p in paths {
        if !p.is_dir() {
            out.push(p.clone());
            continue;
        }
        let name = p.display().to_string();
        let entries = match std::fs::read_dir(p) {
            Ok(e) => e,
            Err(e) => {
                diagnostics.push(whole_file(
                    &name,
                    format!("cannot read this directory: {e}"),
                ));
                continue;
            }
        };
        let mut found: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|f| f.is_file() && f.extension().is_some_and(|x| x == "yaml" || x == "yml"))
            .collect();
        if found.is_empty() {
            diagnostics.push(whole_file(
                &name,
                "is a directory with no .yaml or .yml files in it, expected an event log".into(),
            ));
        }
        found.sort();
        out.extend(found);
    }
    // A file named twice (`a.yaml a.yaml`, or `dir dir/a.yaml`, or through a link) is one
    // file of the log, read once.
    let mut seen = std::collections::HashSet::new();
    out.retain(|p| seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())));
    if diagnostics.is_empty() {
        Ok(out)
    } else {
        Err(Report { diagnostics })
    }
}

/// Reads and loads one file.
pub fn load_path(path: &Path, limits: &Limits) -> Result<Loaded, Report> {
    load_paths(&[path.to_path_buf()], limits)
}

/// Reads several files as one log.
pub fn load_paths(paths: &[PathBuf], limits: &Limits) -> Result<Loaded, Report> {
    load_paths_by(paths, limits, None, false)
}

/// Reads several files as one log, its archives read but its quotes left `Checking`: for
/// the browser, which shows the log at once and checks them in the background
/// (`archive::verdicts`). A quote not found is then not among the load's diagnostics.
pub fn load_paths_unchecked(paths: &[PathBuf], limits: &Limits) -> Result<Loaded, Report> {
    load_paths_by(paths, limits, None, true)
}

/// `load_paths`, through a cache of the files' readings when given one; the quotes left to
/// be checked `later` when asked.
fn load_paths_by(
    paths: &[PathBuf],
    limits: &Limits,
    mut cache: Option<&mut LoadCache>,
    later: bool,
) -> Result<Loaded, Report> {
    // Through a cache, a file whose metadata it vouches for is not read; should one of them
    // have to be parsed after all (its reading no longer fits the budget), every file is read.
    let mut trust = cache.is_some();
    loop {
        match load_paths_once(paths, limits, cache.as_deref_mut(), later, trust) {
            Some(loaded) => return loaded,
            None if trust => trust = false,
            // Every file was read, so no reading wanted bytes: not reached.
            None => return load_paths_by(paths, limits, None, later),
        }
    }
}

/// `load_paths_by`, the files the cache vouches for left unread when `trust`; None when one
/// of them had to be parsed.
fn load_paths_once(
    paths: &[PathBuf],
    limits: &Limits,
    mut cache: Option<&mut LoadCache>,
    later: bool,
    trust: bool,
) -> Option<Result<Loaded, Report>> {
    let mut contents = Vec::with_capacity(paths.len());
    let mut diagnostics = Vec::new();
    let mut budget = Budget::new(limits);
    let mut read: u64 = 0;
    for path in paths {
        let name = path.display().to_string();
        // What the file is before it is read: a cache records it with the reading.
        let stamp = cache.as_ref().and_then(|_| stamp::Stamp::take(path));
        let known = match (&cache, &stamp) {
            (Some(c), Some(s)) if trust => c.known(&name, &s.meta),
            _ => None,
        };
        let got = match known {
            Some((len, hash)) => Ok((None, len, hash)),
            None => read_file(path, limits).map(|bytes| {
                let (len, hash) = (bytes.len(), crate::write::hash(&bytes));
                (Some(bytes), len, hash)
            }),
        };
        match got {
            Ok((bytes, len, hash)) => {
                // The files' text alone past the budget: no more is read.
                read = read.saturating_add(len as u64);
                if read > budget.left() {
                    diagnostics.push(whole_file(&name, budget.files_over()));
                    break;
                }
                contents.push((name, bytes, len, hash, stamp));
            }
            Err(message) => diagnostics.push(whole_file(&name, message)),
        }
    }
    if !diagnostics.is_empty() {
        return Some(Err(Report { diagnostics }));
    }
    let names: Vec<String> = contents.iter().map(|c| c.0.clone()).collect();
    let hashes: Vec<u64> = contents.iter().map(|c| c.3).collect();
    let texts: Vec<Text> = contents
        .iter()
        .map(|(_, bytes, len, hash, stamp)| Text {
            bytes: bytes.as_deref(),
            len: *len,
            hash: *hash,
            stamp: *stamp,
        })
        .collect();
    let mut recall = cache.as_deref_mut().map(LoadCache::take_recall);
    let from = match cache.as_deref_mut() {
        Some(cache) => DocsFrom::Cache(cache),
        None => DocsFrom::Parse(Way::Any),
    };
    let Some((docs, diagnostics)) = from.docs(&names, &texts, limits, &mut budget) else {
        if let (Some(cache), Some(recall)) = (cache, recall) {
            cache.put_recall(recall);
        }
        return None;
    };
    // The files' text is read: freed before the model is put together (at a million events
    // it is 578 MB of the peak).
    drop(texts);
    drop(contents);
    let to = Archives::Beside(paths);
    let loaded = finish(
        &names,
        hashes,
        docs,
        diagnostics,
        limits,
        &mut budget,
        to,
        later,
        recall.as_mut(),
    );
    if let (Some(cache), Some(recall)) = (cache, recall) {
        cache.put_recall(recall);
    }
    Some(loaded)
}

/// Reads a file within the size limit, with a message a person can act on.
pub(crate) fn read_file(path: &Path, limits: &Limits) -> Result<Vec<u8>, String> {
    let (file, len) = open_regular(path)?;
    if len > limits.max_file_bytes {
        return Err(format!(
            "the file is {len} bytes, over the limit of {} bytes (raise it with --max-file-size)",
            limits.max_file_bytes
        ));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    std::io::Read::read_to_end(
        &mut std::io::Read::take(file, limits.max_file_bytes.saturating_add(1)),
        &mut bytes,
    )
    .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(format!(
            "the file is over the limit of {} bytes (raise it with --max-file-size)",
            limits.max_file_bytes
        ));
    }
    Ok(bytes)
}

/// Opens a file for reading if it is a regular file once links are followed, with its
/// size. A FIFO, a device or a socket is refused before it is opened (opening a FIFO
/// blocks until a writer comes; `/dev/zero` never ends), and the file opened is checked
/// again, without blocking, in case another was swapped in meanwhile.
pub(crate) fn open_regular(path: &Path) -> Result<(std::fs::File, u64), String> {
    let cannot = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => {
            "permission denied: cannot read this file".to_string()
        }
        _ => format!("cannot read: {e}"),
    };
    let meta = std::fs::metadata(path).map_err(cannot)?;
    not_regular(&meta)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Non-blocking, so that opening a FIFO swapped in since the check returns at once;
        // on a regular file the flag changes nothing.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path).map_err(cannot)?;
    let meta = file.metadata().map_err(cannot)?;
    not_regular(&meta)?;
    Ok((file, meta.len()))
}

/// The refusal of anything but a regular file, naming what it is.
fn not_regular(meta: &std::fs::Metadata) -> Result<(), String> {
    let kind = meta.file_type();
    if kind.is_file() {
        return Ok(());
    }
    if kind.is_dir() {
        return Err("is a directory, expected a YAML event log file".into()); // see expand_paths
    }
    let what = special_kind(&kind);
    Err(format!(
        "is {what}, not a regular file: expected a YAML event log file"
    ))
}

#[cfg(unix)]
fn special_kind(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a named pipe (FIFO)"
    } else if kind.is_char_device() {
        "a character device"
    } else if kind.is_block_device() {
        "a block device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> &'static str {
    "a special file"
}

fn whole_file(name: &str, message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        file: name.to_string(),
        line: 0,
        col: 0,
        path: String::new(),
        message,
        help: None,
    }
}

/// Loads one log from bytes through the tree only, never straight from the parser's
/// events: what the two ways give is the same, which the tests check.
#[doc(hidden)]
pub fn load_bytes_through_tree(
    name: &str,
    bytes: &[u8],
    limits: &Limits,
) -> Result<Loaded, Report> {
    load_by(
        &[(name.to_string(), bytes)],
        limits,
        Archives::None,
        DocsFrom::Parse(Way::Tree),
    )
}

/// Whether a file is read straight from the parser's events (else through the tree), for
/// the tests: a well-formed log must be.
#[doc(hidden)]
pub fn streams(bytes: &[u8], limits: &Limits) -> bool {
    std::str::from_utf8(bytes)
        .ok()
        .and_then(|text| stream::read(text, limits, &mut fields::Reader::new("")))
        .is_some()
}

/// How a file is read: straight from the parser's events when it can be, or through the
/// tree only.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Way {
    Any,
    Tree,
}

/// Parses, reads and resolves the files of one log.
fn load_many(
    files: &[(String, &[u8])],
    limits: &Limits,
    archives: Archives,
) -> Result<Loaded, Report> {
    load_by(files, limits, archives, DocsFrom::Parse(Way::Any))
}

/// How a load gets its files' documents: each file parsed, or through a cache of readings
/// (which parses only the files whose bytes it has not read).
enum DocsFrom<'c> {
    Parse(Way),
    Cache(&'c mut LoadCache),
}

/// One file's bytes as a load has them: read, or left unread where a cache vouches for
/// them by the file's metadata (their length and hash are then the cache's).
#[derive(Clone, Copy)]
pub(crate) struct Text<'t> {
    pub(crate) bytes: Option<&'t [u8]>,
    pub(crate) len: usize,
    pub(crate) hash: u64,
    /// The file's metadata before it was read, for a file read from disk.
    pub(crate) stamp: Option<stamp::Stamp>,
}

impl<'t> Text<'t> {
    /// Bytes given, not read from a file.
    fn of(bytes: &'t [u8]) -> Text<'t> {
        Text {
            bytes: Some(bytes),
            len: bytes.len(),
            hash: crate::write::hash(bytes),
            stamp: None,
        }
    }
}

impl<'c> DocsFrom<'c> {
    /// The documents, which may borrow the cache's; None when a file left unread has to be
    /// parsed.
    fn docs<'n>(
        self,
        names: &'n [String],
        texts: &[Text],
        limits: &Limits,
        budget: &mut Budget,
    ) -> Option<(Vec<resolve::FileDoc<'n>>, Vec<Diagnostic>)>
    where
        'c: 'n,
    {
        match self {
            DocsFrom::Parse(way) => Some(read_docs(names, texts, limits, budget, way)),
            DocsFrom::Cache(cache) => cache.read_docs(names, texts, limits, budget),
        }
    }
}

fn load_by(
    files: &[(String, &[u8])],
    limits: &Limits,
    archives: Archives,
    from: DocsFrom<'_>,
) -> Result<Loaded, Report> {
    let (names, texts): (Vec<String>, Vec<Text>) = files
        .iter()
        .map(|(name, bytes)| (name.clone(), Text::of(bytes)))
        .unzip();
    let hashes: Vec<u64> = texts.iter().map(|t| t.hash).collect();
    let mut budget = Budget::new(limits);
    let (mut cache, way) = match from {
        DocsFrom::Cache(cache) => (Some(cache), Way::Any),
        DocsFrom::Parse(way) => (None, way),
    };
    let mut recall = cache.as_deref_mut().map(LoadCache::take_recall);
    let from = match cache.as_deref_mut() {
        Some(cache) => DocsFrom::Cache(cache),
        None => DocsFrom::Parse(way),
    };
    let Some((docs, diagnostics)) = from.docs(&names, &texts, limits, &mut budget) else {
        // Every text is given, so no reading wanted bytes: not reached.
        return load_by(files, limits, archives, DocsFrom::Parse(Way::Any));
    };
    let loaded = finish(
        &names,
        hashes,
        docs,
        diagnostics,
        limits,
        &mut budget,
        archives,
        false,
        recall.as_mut(),
    );
    if let (Some(cache), Some(recall)) = (cache, recall) {
        cache.put_recall(recall);
    }
    loaded
}

/// Each file's document (`names[i]` is the name of `texts[i]`), with the diagnostics of
/// files that could not be read whole. Each file is read within what `budget` has left, and
/// what it keeps is taken from it: past the budget, no more files are read.
fn read_docs<'n>(
    names: &'n [String],
    texts: &[Text],
    limits: &Limits,
    budget: &mut Budget,
    way: Way,
) -> (Vec<resolve::FileDoc<'n>>, Vec<Diagnostic>) {
    let mut docs = Vec::with_capacity(names.len());
    let mut diagnostics = Vec::new();
    for (name, text) in names.iter().zip(texts) {
        let bytes = text.bytes.unwrap_or_default(); // every file is read when parsing
        let reading = read_doc(name, bytes, limits, budget, way, names.len() > 1);
        match reading.read {
            FileRead::Doc(doc) => docs.push(doc),
            FileRead::Failed(mut d) => diagnostics.append(&mut d),
        }
        if reading.stop {
            break;
        }
    }
    (docs, diagnostics)
}

/// What one file of a log reads to before the files are resolved together.
#[allow(clippy::large_enum_variant)] // one a file, most of them documents
pub(crate) enum FileRead<'n> {
    Doc(resolve::FileDoc<'n>),
    /// The file could not be read whole: its diagnostics.
    Failed(Vec<Diagnostic>),
}

/// One file's reading, with what it did to the load's budget.
pub(crate) struct Reading<'n> {
    pub(crate) read: FileRead<'n>,
    /// The load is past its budget: no more files are read.
    pub(crate) stop: bool,
    /// What the file took from the budget (its text and its items).
    pub(crate) cost: u64,
    /// What the budget had left when the file was read: its counts were bounded by it.
    pub(crate) left: u64,
    /// Whether the reading names the budget (a refusal): it then depends on `left`.
    pub(crate) bounded: bool,
}

/// One file's document, read within what `budget` has left, which then loses what the file
/// keeps (its own text counts with its items); `several` says whether the log has other
/// files (a file cut short by a syntax error may refer to ids they define).
fn read_doc<'n>(
    name: &'n str,
    bytes: &[u8],
    limits: &Limits,
    budget: &mut Budget,
    way: Way,
    several: bool,
) -> Reading<'n> {
    let left = budget.left();
    let file_limits = budget.file_limits(limits);
    let over = |budget: &Budget| Reading {
        read: FileRead::Failed(vec![whole_file(name, budget.files_over())]),
        stop: true,
        cost: 0,
        left,
        bounded: true,
    };
    if !budget.take(bytes.len() as u64) {
        return over(budget);
    }
    let new_reader = || {
        let mut reader = fields::Reader::new(name);
        reader.max_list_items = file_limits.max_list_items();
        reader
    };
    // Straight from the parser's events when the file is well formed; else through the
    // tree, which explains every error.
    if way == Way::Any
        && let Ok(text) = std::str::from_utf8(bytes)
    {
        let mut reader = new_reader();
        if let Some(doc) = stream::read(text, &file_limits, &mut reader) {
            if !budget.take_items(budget::items(&doc)) {
                return over(budget);
            }
            let bounded = name_the_budget(&mut reader.diags, budget, &file_limits);
            return Reading {
                read: FileRead::Doc(resolve::FileDoc {
                    reader,
                    doc: resolve::Doc::Own(doc),
                    lookups: None,
                }),
                stop: false,
                cost: left - budget.left(),
                left,
                bounded,
            };
        }
    }
    let mut reader = new_reader();
    let parsed = parse_recovering(bytes, &file_limits, &mut reader);
    // A file past what the budget left: said, and no more files are read.
    let mut over_budget = name_the_budget(&mut reader.diags, budget, &file_limits);
    let read = match parsed {
        Parsed::Whole(mut root) => {
            let doc = document::read(&mut reader, &mut root);
            drop(root);
            over_budget |= name_the_budget(&mut reader.diags, budget, &file_limits);
            if !budget.take_items(budget::items(&doc)) {
                return over(budget);
            }
            FileRead::Doc(resolve::FileDoc {
                reader,
                doc: resolve::Doc::Own(doc),
                lookups: None,
            })
        }
        Parsed::Before(mut root, whole) => {
            // The part before a syntax error: its own errors, but not those of the
            // whole document (`events` missing), nor references to ids it may not hold
            // (those of a section it holds only in part, or of another file).
            let mut part = fields::Reader::new(name);
            let doc = document::read(&mut part, &mut root);
            let mut one = [resolve::FileDoc {
                reader: part,
                doc: resolve::Doc::Own(doc),
                lookups: None,
            }];
            resolve::resolve(&mut one);
            let [resolve::FileDoc { reader: part, .. }] = one;
            let unsure: std::collections::HashSet<usize> = part
                .unresolved
                .iter()
                .filter(|(_, id)| several || !whole.iter().any(|s| s == id.loc.section()))
                .map(|&(at, _)| at)
                .collect();
            let own = part.diags.into_iter().enumerate();
            reader.diags.extend(own.filter_map(|(i, d)| {
                (d.is_error() && !d.path.is_empty() && !unsure.contains(&i)).then_some(d)
            }));
            FileRead::Failed(reader.diags)
        }
        Parsed::Nothing => FileRead::Failed(reader.diags),
    };
    Reading {
        read,
        stop: over_budget,
        cost: left - budget.left(),
        left,
        bounded: over_budget,
    }
}

/// The budget named whole in a file's refusals: a file after the first is read within what
/// the load has left, which the parser and the list count name as if it were the budget.
/// Whether a refusal named it.
fn name_the_budget(diags: &mut [Diagnostic], budget: &Budget, file_limits: &Limits) -> bool {
    let left = file_limits.memory_budget >> 20;
    let said = [
        format!("memory budget of one load ({left} MiB)"),
        format!(
            "memory budget of a load ({} MiB)",
            Limits::default().memory_budget >> 20
        ),
    ];
    let whole = format!(
        "memory budget of one load ({} MiB, of which {} were left for this file)",
        budget.mib(),
        budget::size(file_limits.memory_budget)
    );
    let mut named = false;
    for d in diags {
        for s in &said {
            if d.message.contains(s.as_str()) {
                d.message = d.message.replace(s.as_str(), &whole);
                named = true;
            }
        }
    }
    named
}

/// The files' documents resolved into one log, with every diagnostic in order; `names` are
/// the files' in the order given.
#[allow(clippy::too_many_arguments)]
fn finish(
    names: &[String],
    hashes: Vec<u64>,
    mut docs: Vec<resolve::FileDoc<'_>>,
    mut diagnostics: Vec<Diagnostic>,
    limits: &Limits,
    budget: &mut Budget,
    archives: Archives,
    later: bool,
    recall: Option<&mut resolve::Recall>,
) -> Result<Loaded, Report> {
    let mut log = resolve::resolve_noting(&mut docs, recall);
    for d in docs {
        diagnostics.extend(d.reader.diags);
    }
    // Quotes not found in their archives are errors that still let the log open.
    let unverified = crate::archive::check::check_archives(
        &mut log,
        archives,
        limits,
        budget,
        &mut diagnostics,
        later,
    );
    let blocking = diagnostics.iter().any(Diagnostic::is_error);
    diagnostics.extend(unverified);
    // Errors first, each file's in line order; then warnings, likewise.
    let order: std::collections::HashMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect();
    diagnostics.sort_by_key(|d| {
        (
            d.severity,
            order.get(d.file.as_str()).copied(),
            d.line,
            d.col,
        )
    });
    if blocking {
        return Err(Report { diagnostics });
    }
    log.file_hashes = hashes;
    Ok(Loaded {
        log,
        warnings: diagnostics,
    })
}

/// How much of a file could be parsed.
enum Parsed {
    /// All of it (after fixing mistakes whose fix is certain, each reported).
    Whole(yaml::Node),
    /// The part before a syntax error (reported), and the sections (`parties`...) it
    /// holds whole.
    Before(yaml::Node, Vec<String>),
    /// Nothing (the error is reported).
    Nothing,
}

/// At most this many colons in values are fixed to look further: each fix parses the file
/// again, so a big file gets fewer.
const MAX_FIXES: usize = 50;
const MAX_FIXES_BIG: usize = 3;
const BIG: usize = 8 << 20;

/// Entries cut back from a syntax error to find a part that parses.
const MAX_CUTS: usize = 4;

/// Bytes to a YAML tree, reporting syntax errors in `reader` and parsing past the ones
/// whose fix is certain.
fn parse_recovering(bytes: &[u8], limits: &Limits, reader: &mut fields::Reader) -> Parsed {
    let text = match utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            reader.error(e.mark, "", e.message);
            return Parsed::Nothing;
        }
    };
    const COLON: &str = "YAML syntax: a colon followed by a space inside a value, which YAML reads as the start of a key";
    // Every colon in a value fixed at once, confirmed by the parse; the ones found only by
    // the parser's errors below are fixed one parse at a time, a bounded number of times.
    let (ahead_text, mut ahead) = recover::colons_ahead(text);
    let mut fixed: Option<String> = (!ahead.is_empty()).then_some(ahead_text);
    let mut fixes = 0;
    loop {
        let current = fixed.as_deref().unwrap_or(text);
        let e = match parse_text(current, limits) {
            Ok(root) => {
                if !ahead.is_empty() {
                    let starts = scalar_starts(&root);
                    let (kept, wrong): (Vec<_>, Vec<_>) = ahead
                        .into_iter()
                        .partition(|a| starts.contains(&(a.line, a.value_col)));
                    ahead = kept;
                    if !wrong.is_empty() {
                        // A guess that was not a mistake (a line of a block scalar): put the
                        // line back as written and parse again.
                        let mut undone = current.to_string();
                        for w in &wrong {
                            undone = recover::replace_line(&undone, w.line, &w.written);
                        }
                        fixed = Some(undone);
                        continue;
                    }
                    for a in ahead {
                        reader.report(
                            Severity::Error,
                            yaml::Mark::new(a.line, a.col),
                            "",
                            COLON.into(),
                            Some(a.help),
                        );
                    }
                }
                return Parsed::Whole(root);
            }
            Err(e) => e,
        };
        // The guesses before the error are mistakes the parser went past.
        let (before, after): (Vec<_>, Vec<_>) =
            ahead.into_iter().partition(|a| a.line < e.mark.line());
        ahead = after;
        for a in before {
            reader.report(
                Severity::Error,
                yaml::Mark::new(a.line, a.col),
                "",
                COLON.into(),
                Some(a.help),
            );
        }
        if let Some((help, line)) =
            recover::colon_in_value(current, e.mark.line(), e.mark.col(), &e.message)
        {
            reader.report(Severity::Error, e.mark, "", COLON.into(), Some(help));
            if fixes
                < if text.len() > BIG {
                    MAX_FIXES_BIG
                } else {
                    MAX_FIXES
                }
            {
                fixes += 1;
                fixed = Some(recover::replace_line(current, e.mark.line(), &line));
                continue;
            }
        } else {
            let help = recover::hint(&e.message).map(str::to_string);
            reader.report(Severity::Error, e.mark, "", e.message, help);
        }
        // The error may be found an entry after the mistake (an unclosed bracket): cut back
        // one entry at a time, a few times at most.
        let mut before = current;
        let mut line = e.mark.line();
        for _ in 0..MAX_CUTS {
            let Some(part) = recover::before_entry(before, line) else {
                break;
            };
            match parse_text(part, limits) {
                Ok(root) => {
                    let whole = recover::whole_sections(part, &before[part.len()..]);
                    return Parsed::Before(root, whole);
                }
                Err(e) => (before, line) = (part, e.mark.line()),
            }
        }
        return Parsed::Nothing;
    }
}

/// Where each scalar of a tree starts (line, column).
fn scalar_starts(root: &yaml::Node) -> std::collections::HashSet<(usize, usize)> {
    let mut starts = std::collections::HashSet::new();
    let mut todo = vec![root];
    while let Some(n) = todo.pop() {
        match &n.value {
            yaml::Value::Scalar { .. } => {
                starts.insert((n.mark.line(), n.mark.col()));
            }
            yaml::Value::Seq(items) => todo.extend(items),
            yaml::Value::Map(pairs) => todo.extend(pairs.iter().flat_map(|(k, v)| [k, v])),
        }
    }
    starts
}

/// The bytes as text, or where they stop being UTF-8.
fn utf8(bytes: &[u8]) -> Result<&str, yaml::YamlError> {
    std::str::from_utf8(bytes).map_err(|e| {
        // The valid part is text: its lines, counted as the parser would, place the bad byte.
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        let ends_a_line = valid.ends_with(['\n', '\r']);
        let lines = source_lines(valid);
        let (line, col) = match lines.last() {
            Some(last) if !ends_a_line => (lines.len(), last.chars().count() + 1),
            _ => (lines.len() + 1, 1),
        };
        yaml::YamlError {
            mark: yaml::Mark::new(line, col),
            message: format!("the file is not UTF-8 text (byte 0x{:02x} at offset {}): a log must be saved as UTF-8", bytes[e.valid_up_to()], e.valid_up_to()),
        }
    })
}

/// Text to a YAML tree.
fn parse_text(text: &str, limits: &Limits) -> Result<yaml::Node, yaml::YamlError> {
    if text.trim().is_empty() {
        return Err(yaml::YamlError {
            mark: yaml::Mark::new(1, 1),
            message: "the file is empty: expected an event log, a mapping with `events:`".into(),
        });
    }
    yaml::parse(text, limits).map_err(|mut e| {
        // An error at the end of the stream may be placed after the last line; point at the last
        // line instead, so the message can show it.
        let lines = source_lines(text);
        if e.mark.line() > lines.len().max(1) {
            e.mark = yaml::Mark::new(
                lines.len().max(1),
                lines.last().map_or(0, |l| l.chars().count()) + 1,
            );
        }
        e
    })
}

/// One field of an item as written: its key, the key's bytes and the value's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldSpan {
    pub key: String,
    pub key_span: crate::model::Span,
    pub value_span: crate::model::Span,
}

/// The fields of the item (an event, a quote, a source...) written at `span` of `text`, each
/// with its bytes: the item is read again from its own bytes, so the model keeps one span an
/// item (`Origin::span`) and an edit of one field still knows exactly where it lies.
pub fn item_fields(text: &str, span: crate::model::Span) -> Result<Vec<FieldSpan>, String> {
    let node = yaml::parse_item(text, span).map_err(|e| e.message)?;
    let yaml::Value::Map(pairs) = node.value else {
        return Err("the item is not a mapping".into());
    };
    Ok(pairs
        .into_iter()
        .map(|(k, v)| FieldSpan {
            key: match k.value {
                yaml::Value::Scalar { text, .. } => text,
                _ => String::new(),
            },
            key_span: k.span,
            value_span: v.span,
        })
        .collect())
}

/// The top-level keys of a log file (`events`, `sources`...), each with its bytes and its
/// value's: where a new item of a section goes, or where a missing section is added.
pub fn document_fields(text: &str) -> Result<Vec<FieldSpan>, String> {
    let end = u32::try_from(text.len()).map_err(|_| "the file is too large".to_string())?;
    item_fields(text, crate::model::Span { start: 0, end })
}
