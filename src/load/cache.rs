//! Loading a log again when one of its files changed: each file's reading (its document
//! and its own diagnostics, everything before the files are resolved together) is kept,
//! keyed by the file's name and its bytes' hash, so that a reload parses only the files
//! whose bytes changed, or that are new, and then resolves the whole log again, reading the
//! kept documents where they lie (only what the log keeps of them is copied). What a reload
//! gives is exactly what a full load gives: the same log, the same diagnostics in the same
//! order.
//!
//! The hash decides: a file saved again with the same bytes (a new mtime) is not parsed
//! again, and a file changed within the same second and size is. A file is not even read
//! when its metadata (size, modification and change times to the nanosecond, inode,
//! device) is what it was when its bytes were last read, and was then already two seconds
//! old (`stamp`: git's rule against a change within one timestamp tick); its kept hash then
//! stands for its bytes in `Log::file_hashes`, which a write compares against. Should such
//! a file have to be parsed after all (its reading no longer fits the budget), the load
//! starts again with every file read.
//!
//! Each kept reading holds what the file took from the load's budget (its text and its
//! items); a reload takes that again, and a file it no longer fits in (an earlier file
//! grew) is parsed again, which gives the budget's own refusal, as a full load does.
//!
//! The kept documents cost about as much memory as the log itself, so only a log of
//! several files keeps them, where a reload after one file's change is the point; a
//! one-file log parses its one file anyway.

use super::fields::{At, Reader};
use super::resolve::{Doc, FileDoc, Recall};
use super::stamp::{Meta, Stamp};
use super::{
    Budget, Diagnostic, FileRead, Limits, Loaded, Reading, Report, Text, document::Document,
};
use crate::archive::Archives;
use std::collections::HashMap;
use std::path::PathBuf;

/// The readings of a log's files, kept from one load to the next (see the module's
/// comment). One cache serves one log: its files' names are its keys, and a load forgets
/// the files it was not given.
#[derive(Default)]
pub struct LoadCache {
    files: HashMap<String, Entry>,
    /// Files parsed (not found in the cache) by the last load, and files read from disk,
    /// for tests and benchmarks.
    parsed: usize,
    read: usize,
    /// The racy rule's tick, when not `stamp::TICK` (tests).
    tick: Option<std::time::Duration>,
    /// The definitions the kept lookups were made against.
    recall: Recall,
}

/// What decides whether a kept reading is the one a file's bytes give now.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Key {
    len: usize,
    hash: u64,
    limits: Limits,
    /// Whether the log had other files: a file cut short by a syntax error is read
    /// differently then.
    several: bool,
}

struct Entry {
    key: Key,
    kept: Kept,
    /// What the file took from the budget, and what the budget had left when it was read.
    cost: u64,
    left: u64,
    /// The file's metadata when its bytes were last read from disk (None for bytes given).
    stamp: Option<Stamp>,
    /// What the lookups of its references found when it was last resolved, against
    /// `LoadCache::recall`'s definitions (see `resolve::Recall`).
    lookups: Option<Vec<u32>>,
}

impl Entry {
    /// Whether the file, read with `left` of the budget, reads as it did. Its counts (YAML
    /// values, list items) were within what was left then, so they are within more; with
    /// less, they are when the file is small next to it (a file holds at most about two
    /// values a byte, and the bounds allow one value per 64 bytes left, one list item per
    /// 128), so a file that merely moved in the budget is not parsed again.
    fn fits(&self, left: u64) -> bool {
        let small = (self.key.len as u64).saturating_add(16).saturating_mul(512) <= left;
        self.cost <= left && (left >= self.left || small)
    }
}

/// A file's reading, apart from the name it borrows while being read.
#[allow(clippy::large_enum_variant)] // one a file, most of them documents
enum Kept {
    Doc {
        doc: Document,
        diags: Vec<Diagnostic>,
        zone: crate::model::Tz,
        unresolved: Vec<(usize, At<String>)>,
    },
    Failed(Vec<Diagnostic>),
}

impl Kept {
    fn of(read: FileRead<'_>) -> Kept {
        match read {
            FileRead::Doc(FileDoc { reader, doc, .. }) => Kept::Doc {
                doc: match doc {
                    Doc::Own(doc) => doc,
                    Doc::Kept(doc) => doc.clone(),
                },
                diags: reader.diags,
                zone: reader.zone,
                unresolved: reader.unresolved,
            },
            FileRead::Failed(d) => Kept::Failed(d),
        }
    }

    /// The reading to resolve, as `read_doc` gave it: its document lent (resolving copies
    /// what the log keeps of it), its diagnostics copied (resolving adds to them).
    fn to_read<'a>(&'a self, name: &'a str) -> FileRead<'a> {
        match self {
            Kept::Doc {
                doc,
                diags,
                zone,
                unresolved,
            } => {
                let mut reader = Reader::new(name);
                reader.diags = diags.clone();
                reader.zone = *zone;
                reader.unresolved = unresolved.clone();
                FileRead::Doc(FileDoc {
                    reader,
                    doc: Doc::Kept(doc),
                    lookups: None,
                })
            }
            Kept::Failed(d) => FileRead::Failed(d.clone()),
        }
    }
}

impl LoadCache {
    pub fn new() -> LoadCache {
        LoadCache::default()
    }

    /// A cache that trusts a file's metadata once its newest time is `tick` before its
    /// reading, instead of two seconds: for tests, whose files are seconds old at most.
    #[doc(hidden)]
    pub fn with_tick(tick: std::time::Duration) -> LoadCache {
        LoadCache {
            tick: Some(tick),
            ..LoadCache::default()
        }
    }

    /// Reads and loads the files as one log, as `load::load_paths` does, parsing only the
    /// files whose bytes are not those of the last load.
    pub fn load_paths(&mut self, paths: &[PathBuf], limits: &Limits) -> Result<Loaded, Report> {
        super::load_paths_by(paths, limits, Some(self), false)
    }

    /// `load_paths`, the quotes left to be checked later, as `load::load_paths_unchecked`.
    pub fn load_paths_unchecked(
        &mut self,
        paths: &[PathBuf],
        limits: &Limits,
    ) -> Result<Loaded, Report> {
        super::load_paths_by(paths, limits, Some(self), true)
    }

    /// Loads files given as bytes, as `load::load_texts` does, parsing only the files whose
    /// bytes are not those of the last load.
    pub fn load_texts(
        &mut self,
        files: &[(String, &[u8])],
        limits: &Limits,
        archives: Archives,
    ) -> Result<Loaded, Report> {
        super::load_texts_by(files, limits, archives, Some(self))
    }

    /// What resolving needs to recall the kept documents' lookups; given back with
    /// `put_recall`.
    pub(super) fn take_recall(&mut self) -> Recall {
        std::mem::take(&mut self.recall)
    }

    /// What a resolve noted: each file's lookups go with its kept reading.
    pub(super) fn put_recall(&mut self, mut recall: Recall) {
        for (name, lookups) in recall.noted.drain(..) {
            if let Some(e) = self.files.get_mut(&name) {
                e.lookups = lookups;
            }
        }
        self.recall = recall;
    }

    /// How many files the last load had to parse (the others were kept).
    pub fn parsed(&self) -> usize {
        self.parsed
    }

    /// How many files the last load read from disk (the others' metadata vouched for their
    /// bytes).
    pub fn read(&self) -> usize {
        self.read
    }

    /// The length and hash of the bytes of the file `name`, when its metadata is now `meta`
    /// and the stamp recorded with its reading vouches for them (see `stamp`).
    pub(super) fn known(&self, name: &str, meta: &Meta) -> Option<(usize, u64)> {
        let e = self.files.get(name)?;
        let tick = self.tick.unwrap_or(super::stamp::TICK);
        e.stamp
            .filter(|s| s.vouches_for(meta, tick))
            .map(|_| (e.key.len, e.key.hash))
    }

    /// Each file's reading, from the cache where its bytes are unchanged and it fits in
    /// what `budget` has left (it is then taken from it); the cache then holds these files
    /// only, and lends their documents to the load. A one-file log keeps nothing. None,
    /// the cache unchanged, when a file left unread (its metadata vouched for) has to be
    /// parsed after all.
    pub(super) fn read_docs<'a>(
        &'a mut self,
        names: &'a [String],
        texts: &[Text],
        limits: &Limits,
        budget: &mut Budget,
    ) -> Option<(Vec<FileDoc<'a>>, Vec<Diagnostic>)> {
        let several = names.len() > 1;
        self.read = texts.iter().filter(|t| t.bytes.is_some()).count();
        if !several {
            if texts.iter().any(|t| t.bytes.is_none()) {
                return None;
            }
            self.files.clear();
            self.parsed = names.len();
            return Some(super::read_docs(
                names,
                texts,
                limits,
                budget,
                super::Way::Any,
            ));
        }
        // Each file's reading: one the cache has, one parsed now and kept, or one not kept (a
        // refusal naming the budget, or a name given twice with other bytes).
        #[allow(clippy::large_enum_variant)] // one a file
        enum Step<'n> {
            Cached(&'n str),
            Parsed(&'n str),
            Read(FileRead<'n>),
        }
        let mut steps = Vec::with_capacity(names.len());
        let mut parsed: HashMap<&str, Entry> = HashMap::new();
        let mut seen: HashMap<&str, Key> = HashMap::with_capacity(names.len());
        for (name, text) in names.iter().zip(texts) {
            let key = Key {
                len: text.len,
                hash: text.hash,
                limits: *limits,
                several,
            };
            // A name given twice is read once; with other bytes, the second is not kept.
            let twice = seen.get(name.as_str()).copied();
            let prior = match twice {
                Some(k) if k != key => None,
                _ => parsed
                    .get(name.as_str())
                    .map(|e| (e, true))
                    .or_else(|| self.files.get(name).map(|e| (e, false))),
            };
            if let Some((e, now)) = prior.filter(|(e, _)| e.key == key && e.fits(budget.left())) {
                budget.take(e.cost);
                steps.push(if now {
                    Step::Parsed(name)
                } else {
                    Step::Cached(name)
                });
                seen.insert(name, key);
                continue;
            }
            // Left unread, and not found as it was: every file is read again.
            let bytes = text.bytes?;
            let reading = super::read_doc(name, bytes, limits, budget, super::Way::Any, several);
            let Reading {
                read,
                stop,
                cost,
                left,
                bounded,
            } = reading;
            if bounded || twice.is_some() {
                // A refusal naming what the budget had left: not kept.
                steps.push(Step::Read(read));
            } else {
                let entry = Entry {
                    key,
                    kept: Kept::of(read),
                    cost,
                    left,
                    stamp: text.stamp,
                    lookups: None,
                };
                parsed.insert(name, entry);
                steps.push(Step::Parsed(name));
            }
            seen.insert(name, key);
            if stop {
                break;
            }
        }
        // The files of this load, each with the stamp of its bytes as last read from disk.
        let stamps: HashMap<&str, Stamp> = names
            .iter()
            .zip(texts)
            .filter_map(|(n, t)| Some((n.as_str(), t.stamp?)))
            .collect();
        self.parsed = parsed.len() + steps.iter().filter(|s| matches!(s, Step::Read(_))).count();
        let mut files: HashMap<String, Entry> = HashMap::with_capacity(steps.len());
        for step in &steps {
            let (name, entry) = match *step {
                Step::Cached(name) => (name, self.files.remove(name)),
                Step::Parsed(name) => (name, parsed.remove(name)),
                Step::Read(_) => continue,
            };
            if let Some(mut e) = entry {
                if let Some(&s) = stamps.get(name) {
                    e.stamp = Some(s);
                }
                files.insert(name.to_string(), e);
            }
        }
        self.files = files;
        let mut docs = Vec::with_capacity(steps.len());
        let mut diagnostics = Vec::new();
        for step in steps {
            let read = match step {
                Step::Cached(name) | Step::Parsed(name) => match self.files.get(name) {
                    Some(e) => {
                        let mut read = e.kept.to_read(name);
                        if let FileRead::Doc(doc) = &mut read {
                            doc.lookups = e.lookups.as_deref();
                        }
                        read
                    }
                    None => continue, // every such name is in `files`
                },
                Step::Read(read) => read,
            };
            push(read, &mut docs, &mut diagnostics);
        }
        Some((docs, diagnostics))
    }
}

fn push<'n>(read: FileRead<'n>, docs: &mut Vec<FileDoc<'n>>, diagnostics: &mut Vec<Diagnostic>) {
    match read {
        FileRead::Doc(d) => docs.push(d),
        FileRead::Failed(mut d) => diagnostics.append(&mut d),
    }
}

/// A cache kept by a thread of its own, for a program that loads from several threads (the
/// browser reloads and writes away from its drawing thread): each load is handed to that
/// thread, one at a time, and waited for. The kept documents never leave it.
#[derive(Clone)]
pub struct CacheThread {
    jobs: std::sync::mpsc::Sender<Job>,
}

type Job = Box<dyn FnOnce(&mut LoadCache) + Send>;

impl std::fmt::Debug for CacheThread {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CacheThread")
    }
}

impl CacheThread {
    /// Starts the thread; it ends once every handle is dropped.
    pub fn start() -> CacheThread {
        let (jobs, rx) = std::sync::mpsc::channel::<Job>();
        std::thread::spawn(move || {
            let mut cache = LoadCache::new();
            for job in rx {
                job(&mut cache);
            }
        });
        CacheThread { jobs }
    }

    /// Runs `f` on the cache and gives its result; None when the thread is gone (it
    /// panicked), and the caller then loads without the cache.
    fn with<R: Send + 'static>(
        &self,
        f: impl FnOnce(&mut LoadCache) -> R + Send + 'static,
    ) -> Option<R> {
        let (tx, rx) = std::sync::mpsc::channel();
        let job: Job = Box::new(move |cache| {
            let _ = tx.send(f(cache));
        });
        self.jobs.send(job).ok()?;
        rx.recv().ok()
    }

    /// `LoadCache::load_paths_unchecked` on the thread's cache: the browser's loads, whose
    /// quotes are checked in the background.
    pub fn load_paths_unchecked(
        &self,
        paths: &[PathBuf],
        limits: &Limits,
    ) -> Result<Loaded, Report> {
        let (owned, l) = (paths.to_vec(), *limits);
        self.with(move |c| c.load_paths_unchecked(&owned, &l))
            .unwrap_or_else(|| super::load_paths_unchecked(paths, limits))
    }

    /// `LoadCache::load_texts` on the thread's cache, with the archives beside `paths`.
    pub fn load_texts(
        &self,
        files: &[(String, &[u8])],
        limits: &Limits,
        paths: &[PathBuf],
    ) -> Result<Loaded, Report> {
        let owned: Vec<(String, Vec<u8>)> =
            files.iter().map(|(n, t)| (n.clone(), t.to_vec())).collect();
        let (owned_paths, l) = (paths.to_vec(), *limits);
        self.with(move |c| {
            let files: Vec<(String, &[u8])> = owned
                .iter()
                .map(|(n, t)| (n.clone(), t.as_slice()))
                .collect();
            c.load_texts(&files, &l, Archives::Beside(&owned_paths))
        })
        .unwrap_or_else(|| super::load_texts(files, limits, Archives::Beside(paths)))
    }
}
