//! What the reader has seen of a log: per event, a compact snapshot of the event as the
//! browser last showed it, and when. Kept per log in the state directory beside the marks,
//! never in the log, under `state_file`'s rules (a regular file only, what cannot be read
//! said and never written over, atomic writes, the marks' lock).
//!
//! One line per event: `look<TAB>"id"<TAB>d|w<TAB>digest<TAB>snapshot`, where `look` is the
//! Unix time of the look, the id is a JSON string, `d` or `w` says whether the id was derived
//! from date and title or written, the digest (16 hex digits) sums up every field, so that an
//! unchanged event is told at the cost of hashing it, and the snapshot is one line of JSON
//! holding each field: short values as written (a date, a status, party ids), longer ones as a
//! hash, so that what changed can be said field by field (`status: expected → occurred`,
//! `summary edited`, `1 quote added`) while the file stays small.
//!
//! Two browsers on one log merge what they saw under the lock: every id either saw is kept,
//! and for an id both saw, the newer look.

use crate::diff::{self, Change, What};
use crate::model::{Event, EventIx, Log, Tz};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Looks by event id, with the loader's hasher for id maps (several times cheaper than
/// SipHash on short keys).
type Looks = std::collections::HashMap<String, Look, foldhash::fast::RandomState>;
use std::path::{Path, PathBuf};

/// The most of a seen file that is read. An entry is about 200 bytes against an id's 40
/// for a mark, so a hundred thousand events take about 20 MB, over the marks' cap: this
/// file gets four times it.
pub const MAX_BYTES: u64 = crate::state_file::MAX_BYTES * 4;

/// A value longer than this (in characters) is kept as its hash.
const SHORT: usize = 32;
/// A list whose ids take more than this (in bytes) is kept as its hash.
const SHORT_LIST: usize = 64;

/// New since the last look, or changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unseen {
    New,
    Changed,
}

/// What the reader saw of one log, as the file held it when it was opened.
#[derive(Clone, Debug, Default)]
pub struct Seen {
    /// Where it is kept; None when there is no state directory.
    file: Option<PathBuf>,
    /// The last look at each event, by id: what "new" and "changed" are measured against.
    before: Looks,
    /// A log taken as seen (`adopt`): its events become `before` only when something is
    /// measured against another log (opening a big log pays nothing for it), and their
    /// changes are told from it, in full.
    opened: Option<std::sync::Arc<Log>>,
    /// `opened` is not in `before` yet.
    pending: bool,
    /// The time of the newest look (Unix seconds); None when no look was recorded.
    pub last_look: Option<i64>,
    /// What could not be read of the file: it is not saved over until it reads whole.
    pub problem: Option<String>,
}

/// The last looks at an adopted log's events, worked out away from the drawing thread
/// (`Seen::pending_log`, `Seen::settle_from`).
#[derive(Clone, Debug)]
pub struct OpenedLooks {
    log: std::sync::Arc<Log>,
    looks: Looks,
}

impl OpenedLooks {
    pub fn of(log: std::sync::Arc<Log>) -> OpenedLooks {
        let looks = looks_of(&log);
        OpenedLooks { log, looks }
    }
}

/// Each event of `log` as a last look, its place in `log` kept (its changes are told from
/// it, in full).
fn looks_of(log: &Log) -> Looks {
    log.events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let look = Look {
                at: 0,
                derived: e.id_derived,
                digest: digest(log, e),
                snapshot: String::new(),
                from: Some(i),
            };
            (e.id.clone(), look)
        })
        .collect()
}

/// One event as last seen.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Look {
    at: i64,
    derived: bool,
    /// `digest` of the event: unchanged when it is the same.
    digest: u64,
    /// The snapshot's JSON, read when the changes are asked for (empty for an event of the
    /// adopted log, which has it whole).
    snapshot: String,
    /// Its place in the adopted log.
    from: Option<EventIx>,
}

/// Each field of an event as kept: short values as written, longer ones as `#hash`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Snapshot {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    d: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    e: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    n: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    k: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    s: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    t: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    u: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    l: Option<String>,
    #[serde(default, skip_serializing_if = "Items::is_empty")]
    p: Items,
    #[serde(default, skip_serializing_if = "Items::is_empty")]
    a: Items,
    #[serde(default, skip_serializing_if = "Items::is_empty")]
    o: Items,
    #[serde(default, skip_serializing_if = "Items::is_empty")]
    r: Items,
    #[serde(rename = "R", default, skip_serializing_if = "Items::is_empty")]
    rel: Items,
    /// Each quote: its words, who said it, the rest (party, source, flags, original,
    /// language), each kept as a value is (not its verification: the archive's verdict, not the log's content).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    q: Vec<[String; 4]>,
}

/// A list of ids or words: as written when short, else its hash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
enum Items {
    List(Vec<String>),
    Hash(String),
}

impl Default for Items {
    fn default() -> Items {
        Items::List(Vec::new())
    }
}

impl Items {
    fn is_empty(&self) -> bool {
        matches!(self, Items::List(l) if l.is_empty())
    }
}

/// The names of the scalar fields, as `diff` names them, in `Snapshot::scalars` order.
const SCALARS: [&str; 8] = [
    "date",
    "end",
    "date_note",
    "kind",
    "status",
    "title",
    "summary",
    "location",
];
/// Likewise for the lists.
const LISTS: [&str; 5] = ["parties", "actors", "topics", "sources", "related"];

impl Snapshot {
    fn scalars(&self) -> [&Option<String>; 8] {
        [
            &self.d, &self.e, &self.n, &self.k, &self.s, &self.t, &self.u, &self.l,
        ]
    }

    fn lists(&self) -> [&Items; 5] {
        [&self.p, &self.a, &self.o, &self.r, &self.rel]
    }
}

/// An event's fields in full, as `diff` compares them.
struct Full {
    scalars: [Option<String>; 8],
    lists: [Vec<String>; 5],
    /// Words, who, the rest, and an empty place where the verification was.
    quotes: Vec<[String; 4]>,
}

fn full(log: &Log, e: &Event) -> Full {
    let ids = |v: &[usize], id: &dyn Fn(usize) -> String| v.iter().map(|&i| id(i)).collect();
    Full {
        scalars: [
            Some(e.date.written()),
            e.end.map(|d| d.written()),
            e.date_note.clone(),
            Some(e.kind.as_str().to_owned()),
            Some(e.status.as_str().to_owned()),
            Some(e.title.clone()),
            e.summary.clone(),
            e.location.clone(),
        ],
        lists: [
            ids(&e.named_parties, &|p| log.parties[p].id.clone()),
            ids(&e.actors, &|a| log.actors[a].id.clone()),
            e.topics.clone(),
            ids(&e.sources, &|s| log.sources[s].id.clone()),
            ids(&e.related, &|r| log.events[r].id.clone()),
        ],
        quotes: e
            .quotes
            .iter()
            .map(|q| {
                let f = diff::quote_fields(log, q);
                let text = |i: usize| f[i].1.clone().unwrap_or_default();
                let joined =
                    |r: std::ops::Range<usize>| r.map(text).collect::<Vec<_>>().join("\u{1f}");
                // text, speaker, attribution, party, source, paraphrase, translated,
                // original, lang; the verification left out, as in the digest
                [text(0), joined(1..3), joined(3..9), String::new()]
            })
            .collect(),
    }
}

/// FNV-1a, folded to 32 bits: stable across runs, and ample to tell an edit.
fn hash(s: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
    }
    format!("#{:08x}", (h ^ (h >> 32)) as u32)
}

fn kept(s: &str) -> String {
    if s.chars().count() <= SHORT && !s.starts_with('#') {
        s.to_owned()
    } else {
        hash(s)
    }
}

fn is_hash(s: &str) -> bool {
    s.starts_with('#')
}

fn kept_list(v: &[String]) -> Items {
    if v.iter().map(|s| s.len() + 1).sum::<usize>() <= SHORT_LIST {
        Items::List(v.to_vec())
    } else {
        Items::Hash(hash(&v.join("\u{1f}")))
    }
}

fn snapshot(f: &Full) -> Snapshot {
    let s = |i: usize| f.scalars[i].as_deref().map(kept);
    let l = |i: usize| kept_list(&f.lists[i]);
    Snapshot {
        d: s(0),
        e: s(1),
        n: s(2),
        k: s(3),
        s: s(4),
        t: s(5),
        u: s(6),
        l: s(7),
        p: l(0),
        a: l(1),
        o: l(2),
        r: l(3),
        rel: l(4),
        q: f.quotes
            .iter()
            .map(|[w, who, rest, v]| [kept(w), kept(who), kept(rest), v.clone()])
            .collect(),
    }
}

/// The snapshot of an event as the file keeps it.
fn snapshot_text(log: &Log, e: &Event) -> String {
    serde_json::to_string(&snapshot(&full(log, e))).unwrap_or_default()
}

/// What changed from a snapshot to the event now, field by field, as `diff` says it.
fn changes(old: &Snapshot, now: &Full) -> Vec<Change> {
    let new = snapshot(now);
    let mut out = Vec::new();
    for (i, field) in SCALARS.into_iter().enumerate() {
        let (o, n) = (old.scalars()[i], new.scalars()[i]);
        if o == n {
            continue;
        }
        match o {
            Some(h) if is_hash(h) => out.push(Change::Edited { field }),
            _ => diff::value(&mut out, field, o.as_deref(), now.scalars[i].as_deref()),
        }
    }
    for (i, field) in LISTS.into_iter().enumerate() {
        match old.lists()[i] {
            Items::List(o) => diff::list(&mut out, field, o, &now.lists[i]),
            h if *h != *new.lists()[i] => out.push(Change::Edited { field }),
            _ => {}
        }
    }
    let (pair, taken) = diff::pair_quotes(&old.q, &new.q, |o, n| o[0] == n[0], |o, n| o[1] == n[1]);
    for (ni, n) in new.q.iter().enumerate() {
        let words = now.quotes[ni][0].clone();
        let Some(oi) = pair[ni] else {
            out.push(Change::Quote {
                what: What::Added,
                text: words,
                changes: Vec::new(),
            });
            continue;
        };
        let o = &old.q[oi];
        let mut inner = Vec::new();
        for (j, field) in ["text", "speaker", "details"].into_iter().enumerate() {
            if o[j] == n[j] {
                continue;
            }
            if is_hash(&o[j]) || j > 0 {
                inner.push(Change::Edited { field });
            } else {
                diff::value(&mut inner, field, Some(&o[j]), Some(&now.quotes[ni][j]));
            }
        }
        if !inner.is_empty() {
            out.push(Change::Quote {
                what: What::Changed,
                text: words,
                changes: inner,
            });
        }
    }
    for (oi, o) in old.q.iter().enumerate() {
        if !taken[oi] {
            out.push(Change::Quote {
                what: What::Removed,
                text: if is_hash(&o[0]) {
                    "…".into()
                } else {
                    o[0].clone()
                },
                changes: Vec::new(),
            });
        }
    }
    out
}

/// The seen file's name for the log made of `paths`: its marks file's, in the state
/// directory's `seen` folder.
pub fn key_for(paths: &[PathBuf]) -> String {
    let key = crate::marks::key_for(paths);
    key.strip_suffix(".marks").unwrap_or(&key).to_owned() + ".seen"
}

/// The seen file of the log made of `paths`.
fn file_for(paths: &[PathBuf]) -> Option<PathBuf> {
    crate::marks::state_dir().map(|d| d.join("seen").join(key_for(paths)))
}

/// The entries of a seen file by id, or why it could not be read whole.
fn read(file: &Path) -> (Looks, Option<String>) {
    let read = crate::state_file::read_lines_capped(file, MAX_BYTES);
    let mut problem = read.problem;
    let mut out = Looks::with_capacity_and_hasher(read.lines.len(), Default::default());
    let mut bad = 0;
    for line in &read.lines {
        match parse(line) {
            Some((id, look)) => {
                out.insert(id, look);
            }
            None => bad += 1,
        }
    }
    if bad > 0 && problem.is_none() {
        problem = Some(match bad {
            1 => "1 line is not a seen entry, left out".into(),
            n => format!("{n} lines are not seen entries, left out"),
        });
    }
    (out, problem)
}

fn parse(line: &str) -> Option<(String, Look)> {
    let mut parts = line.splitn(5, '\t');
    let at: i64 = parts.next()?.parse().ok()?;
    let id = parts.next()?;
    // Most ids need no unescaping.
    let id: String = match id.strip_prefix('"').and_then(|i| i.strip_suffix('"')) {
        Some(plain) if !plain.contains(['\\', '"']) => plain.to_owned(),
        _ => serde_json::from_str(id).ok()?,
    };
    let derived = match parts.next()? {
        "d" => true,
        "w" => false,
        _ => return None,
    };
    let digest = u64::from_str_radix(parts.next()?, 16).ok()?;
    let snapshot = parts.next()?;
    // Read as a snapshot only when its changes are asked for: opening stays cheap.
    if !(snapshot.starts_with('{') && snapshot.ends_with('}')) {
        return None;
    }
    Some((
        id,
        Look {
            at,
            derived,
            digest,
            snapshot: snapshot.to_owned(),
            from: None,
        },
    ))
}

fn line(id: &str, look: &Look) -> String {
    format!(
        "{}\t{}\t{}\t{:016x}\t{}",
        look.at,
        serde_json::to_string(id).unwrap_or_default(),
        if look.derived { "d" } else { "w" },
        look.digest,
        look.snapshot
    )
}

/// A digest of every field `diff` compares in an event, hashed as it lies (no snapshot
/// built): equal for an unchanged event, and stable across runs and machines.
/// Each event's digest, in timeline order: what `Seen::unseen` compares with the last
/// looks, worked out once (a reload works it out with the log, off the drawing thread).
pub fn digests(log: &Log) -> Vec<u64> {
    log.events.iter().map(|e| digest(log, e)).collect()
}

fn digest(log: &Log, e: &Event) -> u64 {
    let mut d = Digest(0x6a09_e667_f3bc_c908);
    d.text(Some(&e.date.written()));
    d.text(e.end.map(|x| x.written()).as_deref());
    d.text(e.date_note.as_deref());
    d.text(Some(e.kind.as_str()));
    d.text(Some(e.status.as_str()));
    d.text(Some(&e.title));
    d.text(e.summary.as_deref());
    d.text(e.location.as_deref());
    d.ids(e.named_parties.iter().map(|&p| log.parties[p].id.as_str()));
    d.ids(e.actors.iter().map(|&a| log.actors[a].id.as_str()));
    d.ids(e.topics.iter().map(String::as_str));
    d.ids(e.sources.iter().map(|&s| log.sources[s].id.as_str()));
    d.ids(e.related.iter().map(|&r| log.events[r].id.as_str()));
    d.count(e.quotes.len());
    for q in &e.quotes {
        d.text(Some(&q.text));
        d.text(q.speaker.map(|a| log.actors[a].id.as_str()));
        d.text(q.attribution.as_deref());
        d.ids(q.parties.iter().map(|&p| log.parties[p].id.as_str()));
        d.text(q.source.map(|s| log.sources[s].id.as_str()));
        d.count(usize::from(q.paraphrase) | usize::from(q.translated) << 1);
        d.text(q.original.as_deref());
        d.text(q.lang.as_deref());
        // Not the verification: it is the archive's verdict, not the log's content, and the
        // browser opens before its quotes are checked.
    }
    d.0
}

/// Eight bytes at a time, each text framed by its length (and an absent one told apart).
struct Digest(u64);

impl Digest {
    fn mix(&mut self, word: u64) {
        self.0 = (self.0 ^ word)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29);
    }

    fn count(&mut self, n: usize) {
        self.mix(n as u64);
    }

    fn text(&mut self, s: Option<&str>) {
        let Some(s) = s else {
            self.mix(u64::MAX);
            return;
        };
        self.count(s.len());
        for chunk in s.as_bytes().chunks(8) {
            let mut w = [0u8; 8];
            w[..chunk.len()].copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(w));
        }
    }

    fn ids<'a>(&mut self, ids: impl ExactSizeIterator<Item = &'a str>) {
        self.count(ids.len());
        for id in ids {
            self.text(Some(id));
        }
    }
}

/// The time of a look, as the status line says it: `Thu 4 Dec 18:40`, on the reading
/// zone's clock.
pub fn look_time(at: i64, zone: Tz) -> String {
    chrono::DateTime::from_timestamp(at, 0)
        .map(|t| t.with_timezone(&zone).format("%a %-d %b %H:%M").to_string())
        .unwrap_or_default()
}

/// The time now, for a look.
pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

impl Seen {
    /// What was seen of the log made of `paths` (none: the bundled sample).
    pub fn load(paths: &[PathBuf]) -> Seen {
        match file_for(paths) {
            Some(file) => Seen::load_from(&file),
            None => Seen::default(),
        }
    }

    /// What was seen, kept in a given file (for tests and tools).
    pub fn load_from(file: &Path) -> Seen {
        let (before, problem) = read(file);
        Seen {
            file: Some(file.to_path_buf()),
            last_look: before.values().map(|l| l.at).max(),
            before,
            problem,
            ..Seen::default()
        }
    }

    /// The file it is kept in.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// What could not be read of the file, as a sentence naming it; None when it read whole.
    pub fn trouble(&self) -> Option<String> {
        let problem = self.problem.as_deref()?;
        let file = self
            .file
            .as_deref()
            .map_or(String::new(), |f| f.display().to_string());
        let text = format!("seen file {file}: {problem}; not saved over until fixed");
        Some(crate::sanitize::sanitize(&text).into_owned())
    }

    /// Takes `log` as seen now, in memory only: a first open measures what a reload brings
    /// against the log as it opened, and says nothing of it.
    pub fn adopt(&mut self, log: std::sync::Arc<Log>) {
        self.before.clear();
        self.opened = Some(log);
        self.pending = true;
    }

    /// Takes the last looks of `other` (a first open: the log as it opened).
    pub fn looks_from(&mut self, other: Seen) {
        self.before = other.before;
        self.opened = other.opened;
        self.pending = other.pending;
    }

    /// The adopted log's events as last looks, once something is measured against them.
    fn settle(&mut self) {
        if !std::mem::take(&mut self.pending) {
            return;
        }
        let Some(log) = self.opened.as_deref() else {
            return;
        };
        self.before = looks_of(log);
    }

    /// The adopted log, while its events are not last looks yet: a reload works them out
    /// on its own thread (`OpenedLooks::of`), so that the first reload after a first open
    /// does not on the drawing thread.
    pub fn pending_log(&self) -> Option<std::sync::Arc<Log>> {
        self.opened.clone().filter(|_| self.pending)
    }

    /// Takes the adopted log's last looks worked out elsewhere, if they are still the
    /// ones wanted (the same log adopted, not settled yet).
    pub fn settle_from(&mut self, looks: OpenedLooks) {
        let same = self
            .opened
            .as_ref()
            .is_some_and(|o| std::sync::Arc::ptr_eq(o, &looks.log));
        if self.pending && same {
            self.before = looks.looks;
            self.pending = false;
        }
    }

    /// Follows an event without `id` whose derived id an edit changed while the browser
    /// was open (as marks follow it): it is compared with its last look, not new.
    pub fn rename(&mut self, from: &str, to: &str) {
        self.settle();
        if let Some(look) = self.before.remove(from) {
            self.before.entry(to.to_owned()).or_insert(look);
        }
    }

    /// The events new or changed since the last look, in timeline order; every event when
    /// no look was recorded.
    pub fn unseen(&mut self, log: &Log) -> BTreeMap<EventIx, Unseen> {
        self.unseen_given(log, &[])
    }

    /// `unseen`, each event's digest given (`digests(log)`, worked out away from the
    /// drawing thread); worked out here when they are not the log's.
    pub fn unseen_given(&mut self, log: &Log, digests: &[u64]) -> BTreeMap<EventIx, Unseen> {
        if self.pending && self.opened.as_deref().is_some_and(|o| std::ptr::eq(o, log)) {
            return BTreeMap::new();
        }
        self.settle();
        let given = digests.len() == log.events.len();
        log.events
            .iter()
            .enumerate()
            .filter_map(|(i, e)| match self.before.get(&e.id) {
                None => Some((i, Unseen::New)),
                Some(look) => {
                    let now = if given { digests[i] } else { digest(log, e) };
                    (look.digest != now).then_some((i, Unseen::Changed))
                }
            })
            .collect()
    }

    /// What changed in an event since the last look, field by field; None when it was not
    /// seen.
    pub fn changes(&self, log: &Log, ix: EventIx) -> Option<Vec<Change>> {
        let e = log.events.get(ix)?;
        let look = self.before.get(&e.id)?;
        if let (Some(from), Some(opened)) = (look.from, self.opened.as_deref()) {
            return Some(diff::event_changes(opened, &opened.events[from], log, e));
        }
        let old: Snapshot = serde_json::from_str(&look.snapshot).ok()?;
        Some(changes(&old, &full(log, e)))
    }

    /// Of the new events without a written `id`, how many look like an event seen under
    /// another derived id: one seen with the same date or the same title that is no longer
    /// in the log. Their title or date was edited; they count as new.
    pub fn derived_renamed(&self, log: &Log, unseen: &BTreeMap<EventIx, Unseen>) -> usize {
        let mut gone: Vec<Snapshot> = self
            .before
            .iter()
            .filter(|(id, l)| l.derived && log.event(id).is_none())
            .filter_map(|(_, l)| serde_json::from_str(&l.snapshot).ok())
            .collect();
        let mut n = 0;
        for (&ix, _) in unseen.iter().filter(|(_, u)| **u == Unseen::New) {
            let e = &log.events[ix];
            if !e.id_derived || gone.is_empty() {
                continue;
            }
            let s = snapshot(&full(log, e));
            if let Some(at) = gone.iter().position(|g| g.d == s.d || g.t == s.t) {
                gone.swap_remove(at);
                n += 1;
            }
        }
        n
    }

    /// Saves `log` as seen at `at` (Unix seconds); see `save_look`.
    pub fn save(&mut self, log: &Log, at: i64) -> std::io::Result<()> {
        let Some(file) = self.file.clone() else {
            return Ok(());
        };
        let result = save_look(&file, log, at);
        if let Err(e) = &result {
            self.problem.get_or_insert_with(|| e.to_string());
        }
        result
    }
}

/// Records a look at `log` at `at` in the seen file: under the lock, the file is read again
/// and every event of the log written as seen now, but an id another browser saw later,
/// which keeps its look. A file that does not read whole is not written over.
pub fn save_look(file: &Path, log: &Log, at: i64) -> std::io::Result<()> {
    let lock = crate::state_file::lock(file)?;
    let (mut entries, problem) = read(file);
    if let Some(problem) = problem {
        return Err(std::io::Error::other(format!(
            "seen file {}: {problem}; not saved over",
            file.display()
        )));
    }
    // A derived id gone from the log does not come back (its title or date changed, or it
    // went): kept, it would only grow the file.
    entries.retain(|id, l| !(l.derived && l.at <= at && log.event(id).is_none()));
    for e in &log.events {
        let d = digest(log, e);
        match entries.get_mut(&e.id) {
            Some(l) if l.at > at => {}
            // Unchanged since: its snapshot is not built again.
            Some(l) if l.digest == d => {
                l.at = at;
                l.derived = e.id_derived;
            }
            _ => {
                let look = Look {
                    at,
                    derived: e.id_derived,
                    digest: d,
                    snapshot: snapshot_text(log, e),
                    from: None,
                };
                entries.insert(e.id.clone(), look);
            }
        }
    }
    let mut ids: Vec<&String> = entries.keys().collect();
    ids.sort_unstable();
    let lines: Vec<String> = ids.into_iter().map(|id| line(id, &entries[id])).collect();
    crate::state_file::write_lines(file, lines.iter().map(String::as_str))?;
    drop(lock);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log(events: &str) -> Log {
        let yaml = format!(
            "parties:\n  - {{id: us, name: US}}\n  - {{id: iran, name: Iran}}\nactors:\n  - {{id: a, name: A, party: us}}\nevents:\n{events}"
        );
        crate::load::load_str("t.yaml", &yaml).unwrap().log
    }

    #[test]
    fn an_adopted_logs_looks_worked_out_elsewhere_measure_as_its_own_and_only_for_it() {
        let opened = std::sync::Arc::new(log(ONE));
        let edited = log(&(ONE.replace("status: expected", "status: occurred")
            + "  - id: more\n    date: 2025-10-05\n    kind: meeting\n    title: More\n"));
        let mut itself = Seen::default();
        itself.adopt(opened.clone());
        let mut given = Seen::default();
        given.adopt(opened.clone());
        assert!(given.pending_log().is_some());
        given.settle_from(OpenedLooks::of(opened.clone()));
        assert!(given.pending_log().is_none(), "settled");
        let expected = [(0, Unseen::Changed), (1, Unseen::New)];
        assert_eq!(
            itself.unseen(&edited).into_iter().collect::<Vec<_>>(),
            expected
        );
        assert_eq!(
            given.unseen(&edited).into_iter().collect::<Vec<_>>(),
            expected
        );
        assert_eq!(given.changes(&edited, 0), itself.changes(&edited, 0));
        // The looks of a log no longer the adopted one are not taken.
        let mut other = Seen::default();
        other.adopt(opened);
        other.settle_from(OpenedLooks::of(std::sync::Arc::new(edited.clone())));
        assert!(other.pending_log().is_some(), "not settled by another log");
        assert_eq!(
            other.unseen(&edited).into_iter().collect::<Vec<_>>(),
            expected
        );
    }

    const ONE: &str = "  - id: talks\n    date: 2025-10-04\n    kind: meeting\n    status: expected\n    title: Talks in Muscat on the nuclear file and sanctions\n    parties: [us]\n    quotes:\n      - {text: We will be there, speaker: a}\n";

    #[test]
    fn a_look_saved_tells_new_and_changed_field_by_field() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("s").join("log.seen");
        let mut first = Seen::load_from(&file);
        assert_eq!(first.last_look, None);
        let old = log(ONE);
        assert_eq!(first.unseen(&old).len(), 1, "no look: every event");
        save_look(&file, &old, 1_764_873_600).unwrap();

        let mut seen = Seen::load_from(&file);
        assert_eq!(seen.last_look, Some(1_764_873_600));
        assert!(seen.unseen(&old).is_empty());
        let edited = ONE
            .replace("status: expected", "status: occurred")
            .replace("title: Talks in", "title: Talks held in")
            .replace("parties: [us]", "parties: [us, iran]")
            + "      - {text: A second word, speaker: a}\n"
            + "  - id: more\n    date: 2025-10-05\n    kind: meeting\n    title: More\n";
        let new = log(&edited);
        let unseen = seen.unseen(&new);
        assert_eq!(
            unseen.into_iter().collect::<Vec<_>>(),
            [(0, Unseen::Changed), (1, Unseen::New)]
        );
        let said: Vec<String> = seen
            .changes(&new, 0)
            .unwrap()
            .iter()
            .map(Change::describe)
            .collect();
        assert_eq!(
            said,
            [
                "status: expected → occurred",
                "title edited",
                "parties: +iran",
                "quote added: “A second word”",
            ]
        );
        assert_eq!(look_time(1_764_873_600, Tz::UTC), "Thu 4 Dec 18:40");
        let tehran: Tz = "Asia/Tehran".parse().unwrap();
        assert_eq!(look_time(1_764_873_600, tehran), "Thu 4 Dec 22:10");
    }

    #[test]
    fn two_browsers_merge_what_they_saw_keeping_the_newer_look() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("log.seen");
        let a = log(ONE);
        let b = log(&(ONE.replace("status: expected", "status: occurred")
            + "  - id: more\n    date: 2025-10-05\n    kind: meeting\n    title: More\n"));
        // B looked later, then A quits with its older look: B's look of `talks` stays.
        save_look(&file, &b, 200).unwrap();
        save_look(&file, &a, 100).unwrap();
        let mut seen = Seen::load_from(&file);
        assert!(seen.unseen(&b).is_empty());
        assert_eq!(seen.last_look, Some(200));
        // A later look wins.
        save_look(&file, &a, 300).unwrap();
        let mut seen = Seen::load_from(&file);
        assert_eq!(
            seen.unseen(&b).len(),
            1,
            "talks changed since A's newer look"
        );
        assert!(seen.before.contains_key("more"), "kept: B saw it");
    }

    #[test]
    fn a_hundred_thousand_events_stay_well_under_the_cap() {
        let l = log(ONE);
        let line = line(
            "2025-10-04-talks-in-muscat-on-the-nuclear",
            &Look {
                at: 1_764_873_600,
                derived: true,
                digest: digest(&l, &l.events[0]),
                snapshot: snapshot_text(&l, &l.events[0]),
                from: None,
            },
        );
        assert!((line.len() as u64 + 1) * 100_000 < MAX_BYTES / 2, "{line}");
    }
}
