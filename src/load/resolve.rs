//! From the documents of a log's files to one `Log`: ids unique per namespace (or equal
//! where files share them), derived event ids, references resolved, events in timeline
//! order, and the derived links (who answered whom, which parties took part).

use super::diagnostic::Severity;
use super::document::{ActorDef, Document, EventDef, PartyDef, SourceDef};
use super::fields::{At, Reader};
use super::suggest::{did_you_mean, nearest_unordered};
use crate::model::*;

/// One file's document and the reader holding its diagnostics.
pub(crate) struct FileDoc<'a> {
    pub(crate) reader: Reader<'a>,
    pub(crate) doc: Doc<'a>,
    /// For a kept document, what the last resolve's lookups of its references found (see
    /// `Recall`).
    pub(crate) lookups: Option<&'a [u32]>,
}

/// The definitions references are resolved against, each in index order (and each actor's
/// party): against the same, a document's references resolve alike.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Defs {
    parties: Vec<String>,
    actors: Vec<(String, Option<PartyIx>)>,
    sources: Vec<String>,
}

impl Defs {
    fn of(log: &Log) -> Defs {
        Defs {
            parties: log.parties.iter().map(|p| p.id.clone()).collect(),
            actors: log.actors.iter().map(|a| (a.id.clone(), a.party)).collect(),
            sources: log.sources.iter().map(|s| s.id.clone()).collect(),
        }
    }
}

/// What resolving notes for a cache, so that the next resolve recalls the lookups of the
/// documents it kept instead of hashing every reference again: the definitions of this
/// resolve, and each file's lookups (by its name), kept only where they found every id and
/// the file's events said nothing (a recalled file then says nothing again, as a lookup
/// would have). A file whose lookups were recalled is not noted again.
#[derive(Default)]
pub(crate) struct Recall {
    pub(crate) defs: Option<Defs>,
    pub(crate) noted: Noted,
}

/// Each file's lookups, by its name, where they can be recalled.
pub(crate) type Noted = Vec<(String, Option<Vec<u32>>)>;

/// How an event's references are resolved: looked up (each result noted, for a cache), or
/// recalled from the last resolve of the same document against the same definitions.
enum Refs<'m> {
    Look(Option<&'m mut Vec<u32>>),
    Recall(std::slice::Iter<'m, u32>),
}

/// A reference that found nothing, in the lookups noted.
const NOTHING: u32 = u32::MAX;

impl Refs<'_> {
    fn get(
        &mut self,
        r: &mut Reader,
        ids: &IdMap<usize>,
        id: &At<String>,
        what: &str,
    ) -> Option<usize> {
        match self {
            Refs::Look(note) => {
                let found = lookup(r, ids, id, what);
                if let Some(note) = note {
                    note.push(found.and_then(|i| u32::try_from(i).ok()).unwrap_or(NOTHING));
                }
                found
            }
            Refs::Recall(noted) => noted.next().filter(|&&i| i != NOTHING).map(|&i| i as usize),
        }
    }

    fn recalled(&self) -> bool {
        matches!(self, Refs::Recall(_))
    }
}

/// A file's document: read by this load (resolving takes what the log keeps out of it), or
/// kept by a cache from an earlier load (resolving only reads it and copies what the log
/// keeps), so that a reload does not copy every kept document whole first.
pub(crate) enum Doc<'a> {
    Own(Document),
    Kept(&'a Document),
}

impl Doc<'_> {
    fn get(&self) -> &Document {
        match self {
            Doc::Own(d) => d,
            Doc::Kept(d) => d,
        }
    }

    fn parties(&mut self) -> Vec<PartyDef> {
        match self {
            Doc::Own(d) => std::mem::take(&mut d.parties),
            Doc::Kept(d) => d.parties.clone(),
        }
    }

    fn actors(&mut self) -> Vec<ActorDef> {
        match self {
            Doc::Own(d) => std::mem::take(&mut d.actors),
            Doc::Kept(d) => d.actors.clone(),
        }
    }

    fn sources(&mut self) -> Vec<SourceDef> {
        match self {
            Doc::Own(d) => std::mem::take(&mut d.sources),
            Doc::Kept(d) => d.sources.clone(),
        }
    }
}

/// What an event keeps of its definition as written, besides what is resolved: moved out of
/// a document of this load, copied from a kept one.
struct Texts {
    title: String,
    summary: Option<String>,
    location: Option<String>,
    date_note: Option<String>,
    topics: Vec<String>,
    related: Vec<At<String>>,
    /// Each quote's text, attribution, original and language, taken; None when they are
    /// copied from the definitions as the quotes are made (no list of them in between).
    quotes: Option<Vec<QuoteTexts>>,
}

type QuoteTexts = (String, Option<String>, Option<String>, Option<String>);

impl Texts {
    fn take(e: &mut EventDef) -> Texts {
        use std::mem::take;
        Texts {
            title: take(&mut e.title),
            summary: e.summary.take(),
            location: e.location.take(),
            date_note: e.date_note.take(),
            topics: take(&mut e.topics),
            related: take(&mut e.related),
            quotes: Some(
                e.quotes
                    .iter_mut()
                    .map(|q| {
                        (
                            take(&mut q.text),
                            q.attribution.take(),
                            q.original.take(),
                            q.lang.take(),
                        )
                    })
                    .collect(),
            ),
        }
    }

    fn copy(e: &EventDef) -> Texts {
        Texts {
            title: e.title.clone(),
            summary: e.summary.clone(),
            location: e.location.clone(),
            date_note: e.date_note.clone(),
            topics: e.topics.clone(),
            related: e.related.clone(),
            quotes: None,
        }
    }
}

/// Notes that file `fi` declares entry `ix` (a party or an actor), once per file.
fn declared_in(files_of: &mut Vec<Vec<usize>>, ix: usize, fi: usize) {
    if files_of.len() <= ix {
        files_of.resize(ix + 1, Vec::new());
    }
    if !files_of[ix].contains(&fi) {
        files_of[ix].push(fi);
    }
}

/// The first definition of each party, source and actor, with the file that made it.
struct Definitions {
    parties: Vec<(usize, PartyDef)>,
    sources: Vec<(usize, SourceDef)>,
    actors: Vec<(usize, ActorDef)>,
}

/// Where each actor is defined (its first definition): file, place and path.
type ActorMarks = Vec<(usize, super::yaml::Mark, String)>;

/// The events with their ids, and each one's `related` still as written, side by side: put
/// in timeline order, the events need not be moved again out of a wrapper.
struct Pending {
    events: Vec<Event>,
    related: Vec<Vec<At<String>>>,
}

/// Merges and resolves. Diagnostics go to each file's reader.
pub(crate) fn resolve(files: &mut [FileDoc]) -> Log {
    resolve_noting(files, None)
}

/// `resolve`, recalling the kept documents' lookups from `recall` where its definitions
/// are this log's, and noting this resolve's in it.
pub(crate) fn resolve_noting(files: &mut [FileDoc], mut recall: Option<&mut Recall>) -> Log {
    let mut log = Log {
        files: files.iter().map(|f| f.reader.file.to_string()).collect(),
        ..Log::default()
    };
    log.title = files.iter().find_map(|f| f.doc.get().title.clone());
    log.description = files.iter().find_map(|f| f.doc.get().description.clone());
    let rezone = reading_zone(files);
    log.timezone = rezone.zone;
    let defs = first_definitions(files, &mut log, &rezone);
    let actor_marks = add_definitions(files, &mut log, defs);
    let same = recall.as_deref_mut().is_some_and(|rc| {
        let defs = Defs::of(&log);
        let same = rc.defs.as_ref() == Some(&defs);
        rc.defs = Some(defs);
        rc.noted.clear();
        same
    });
    let mut ids = written_event_ids(files, &log);
    let noted = recall.map(|rc| &mut rc.noted);
    let pending = events_of(files, &log, &mut ids, &rezone, same, noted);
    order_and_link(files, &mut log, pending, ids);
    warn_unused_actors(files, &log, &actor_marks);
    explain_wrong_kinds(files, &log);
    log
}

/// Parties, actors and sources: the first definition wins; a later one with the same id
/// must say the same thing (else a diagnostic in the later file).
fn first_definitions(files: &mut [FileDoc], log: &mut Log, rezone: &Rezone) -> Definitions {
    // Parties, actors and sources: the first definition wins; a later one with the
    // same id must say the same thing.
    let mut party_defs: Vec<(usize, PartyDef)> = Vec::new();
    let mut actor_defs: Vec<(usize, ActorDef)> = Vec::new();
    let mut source_defs: Vec<(usize, SourceDef)> = Vec::new();
    for fi in 0..files.len() {
        let parties = files[fi].doc.parties();
        for p in parties {
            match log.party_ids.get(&p.id.value) {
                Some(&ix) => {
                    declared_in(&mut log.party_files, ix, fi);
                    let (first_file, first) = &party_defs[ix];
                    let same = first.name == p.name && first.color == p.color;
                    let (ff, fl) = (
                        files[*first_file].reader.file.to_string(),
                        first.id.mark.line(),
                    );
                    duplicate(
                        &mut files[fi].reader,
                        "party",
                        &p.id,
                        *first_file == fi,
                        same,
                        &ff,
                        fl,
                    );
                }
                None => {
                    declared_in(&mut log.party_files, party_defs.len(), fi);
                    log.party_ids.insert(p.id.value.clone(), party_defs.len());
                    party_defs.push((fi, p));
                }
            }
        }
        let sources = files[fi].doc.sources();
        for mut s in sources {
            s.published = s.published.map(|d| rezone.date(fi, d));
            match log.source_ids.get(&s.id.value) {
                Some(&ix) => {
                    let (first_file, first) = &source_defs[ix];
                    let same = first.outlet == s.outlet
                        && first.title == s.title
                        && first.url == s.url
                        && first.published == s.published
                        && first.byline == s.byline
                        && first.archive.as_ref().map(|a| &a.value)
                            == s.archive.as_ref().map(|a| &a.value);
                    let (ff, fl) = (
                        files[*first_file].reader.file.to_string(),
                        first.id.mark.line(),
                    );
                    duplicate(
                        &mut files[fi].reader,
                        "source",
                        &s.id,
                        *first_file == fi,
                        same,
                        &ff,
                        fl,
                    );
                }
                None => {
                    log.source_ids.insert(s.id.value.clone(), source_defs.len());
                    source_defs.push((fi, s));
                }
            }
        }
    }
    for fi in 0..files.len() {
        let actors = files[fi].doc.actors();
        for a in actors {
            match log.actor_ids.get(&a.id.value) {
                Some(&ix) => {
                    declared_in(&mut log.actor_files, ix, fi);
                    let (first_file, first) = &actor_defs[ix];
                    let same = first.name == a.name
                        && first.party.as_ref().map(|p| &p.value)
                            == a.party.as_ref().map(|p| &p.value)
                        && first.role == a.role
                        && first.aliases == a.aliases;
                    let (ff, fl) = (
                        files[*first_file].reader.file.to_string(),
                        first.id.mark.line(),
                    );
                    duplicate(
                        &mut files[fi].reader,
                        "actor",
                        &a.id,
                        *first_file == fi,
                        same,
                        &ff,
                        fl,
                    );
                }
                None => {
                    declared_in(&mut log.actor_files, actor_defs.len(), fi);
                    log.actor_ids.insert(a.id.value.clone(), actor_defs.len());
                    actor_defs.push((fi, a));
                }
            }
        }
    }
    Definitions {
        parties: party_defs,
        sources: source_defs,
        actors: actor_defs,
    }
}

/// The definitions into the log, references among them resolved.
fn add_definitions(files: &mut [FileDoc], log: &mut Log, defs: Definitions) -> ActorMarks {
    let Definitions {
        parties: party_defs,
        sources: source_defs,
        actors: actor_defs,
    } = defs;
    for (fi, p) in party_defs {
        log.parties.push(Party {
            id: p.id.value,
            name: p.name,
            color: p.color,
            origin: Origin {
                file: fi,
                line: p.id.mark.line(),
                span: p.span,
            },
        });
    }
    for (fi, s) in source_defs {
        log.sources.push(Source {
            id: s.id.value,
            outlet: s.outlet,
            title: s.title,
            url: s.url,
            published: s.published,
            byline: s.byline,
            archive: s.archive.map(|a| ArchiveRef {
                path: a.value,
                line: a.mark.line(),
                col: a.mark.col(),
            }),
            origin: Origin {
                file: fi,
                line: s.id.mark.line(),
                span: s.span,
            },
        });
    }
    // Where each actor is defined (its first definition), for the warning below.
    let actor_marks: Vec<(usize, super::yaml::Mark, String)> = actor_defs
        .iter()
        .map(|(fi, a)| (*fi, a.id.mark, a.id.path()))
        .collect();
    for (fi, a) in actor_defs {
        let party = a
            .party
            .as_ref()
            .and_then(|p| lookup(&mut files[fi].reader, &log.party_ids, p, "party"));
        log.actors.push(Actor {
            id: a.id.value,
            name: a.name,
            party,
            role: a.role,
            aliases: a.aliases,
            origin: Origin {
                file: fi,
                line: a.id.mark.line(),
                span: a.span,
            },
        });
    }
    actor_marks
}

/// The ids events are written with, each with its event's place in file order (as
/// `events_of` lists them); a second use is reported. Derived ids are added by `events_of`,
/// and the places become timeline places in `order_and_link`: one map, each id hashed once.
fn written_event_ids(files: &mut [FileDoc], log: &Log) -> IdMap<usize> {
    // Event ids: written ones first, so a derived id never takes a written one's place.
    let total = files.iter().map(|f| f.doc.get().events.len()).sum();
    let mut taken: IdMap<usize> = IdMap::default();
    taken.reserve(total);
    // Where each file's events start in file order, to name the first use of an id.
    let mut starts = Vec::with_capacity(files.len());
    let mut ix = 0;
    for fi in 0..files.len() {
        starts.push(ix);
        for k in 0..files[fi].doc.get().events.len() {
            let Some(id) = &files[fi].doc.get().events[k].id else {
                ix += 1;
                continue;
            };
            // One hash an id: most are new, and the clone is needed for them anyway.
            match taken.entry(id.value.clone()) {
                std::collections::hash_map::Entry::Occupied(o) => {
                    let first = *o.get();
                    let ofi = starts.partition_point(|&s| s <= first) - 1;
                    let line = files[ofi].doc.get().events[first - starts[ofi]]
                        .id
                        .as_ref()
                        .map_or(0, |id| id.mark.line());
                    let other = if ofi == fi {
                        format!("line {line}")
                    } else {
                        format!("{}:{line}", log.files[ofi])
                    };
                    let message = format!(
                        "event id \"{}\" is already used ({other}): ids are unique among events",
                        id.value
                    );
                    let (mark, path) = (id.mark, id.path());
                    files[fi].reader.error(mark, &path, message);
                }
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(ix);
                }
            }
            ix += 1;
        }
    }
    taken
}

/// The log's reading zone, and the files whose dates were read in another: their dates are
/// read again in it as their events are made (a kept document is not changed).
struct Rezone {
    zone: Tz,
    files: Vec<bool>,
}

impl Rezone {
    fn date(&self, fi: usize, d: Date) -> Date {
        if self.files[fi] {
            d.in_zone(self.zone)
        } else {
            d
        }
    }
}

/// What making each event needs of the whole log.
struct EventCx<'l> {
    log: &'l Log,
    /// Every event id so far, with its event's place in file order.
    ids: &'l mut IdMap<usize>,
    next_free: super::ids::Suffixes,
    rezone: &'l Rezone,
}

/// Every event, in file order, with its id (written, or derived and made unique against
/// those in `ids`, where it is added) and its references resolved but `related`.
/// Each kept document's lookups are recalled when `same` (the definitions are those they
/// were made against), and each file's are noted in `noted` when given.
fn events_of(
    files: &mut [FileDoc],
    log: &Log,
    ids: &mut IdMap<usize>,
    rezone: &Rezone,
    same: bool,
    mut noted: Option<&mut Noted>,
) -> Pending {
    // Every event, in file order, with its id; `related` still as written.
    // Sized once: a big log's events are the largest array of the load, and growing it by
    // doubling would hold two of it at a time.
    let total = files.iter().map(|f| f.doc.get().events.len()).sum();
    let mut pending = Pending {
        events: Vec::with_capacity(total),
        related: Vec::with_capacity(total),
    };
    let mut cx = EventCx {
        log,
        ids,
        next_free: super::ids::Suffixes::default(),
        rezone,
    };
    for (fi, file) in files.iter_mut().enumerate() {
        let FileDoc {
            reader,
            doc,
            lookups,
        } = file;
        let recalled = lookups.filter(|_| same);
        let mut note = (noted.is_some() && recalled.is_none()).then(Vec::new);
        let said = reader.diags.len();
        let mut refs = match recalled {
            Some(found) => Refs::Recall(found.iter()),
            None => Refs::Look(note.as_mut()),
        };
        match doc {
            // Each definition dropped once made into an event: at a million events, the
            // definitions and the events are not all held at once.
            Doc::Own(d) => {
                for mut e in std::mem::take(&mut d.events) {
                    let texts = Texts::take(&mut e);
                    let ix = pending.events.len();
                    let (event, related) = event_of(&mut cx, reader, &mut refs, fi, ix, &e, texts);
                    pending.events.push(event);
                    pending.related.push(related);
                }
            }
            Doc::Kept(d) => {
                for e in &d.events {
                    let ix = pending.events.len();
                    let texts = Texts::copy(e);
                    let (event, related) = event_of(&mut cx, reader, &mut refs, fi, ix, e, texts);
                    pending.events.push(event);
                    pending.related.push(related);
                }
            }
        }
        // `refs` lends `note`, and is no longer used.
        if let (Some(noted), None) = (noted.as_deref_mut(), recalled) {
            let quiet = reader.diags.len() == said;
            noted.push((reader.file.to_string(), note.filter(|_| quiet)));
        }
    }
    pending
}

/// One event of file `fi`, the `ix`-th in file order, from its definition and its texts;
/// with its `related` as written.
#[allow(clippy::too_many_arguments)]
fn event_of(
    cx: &mut EventCx,
    r: &mut Reader,
    look: &mut Refs,
    fi: usize,
    ix: usize,
    e: &EventDef,
    texts: Texts,
) -> (Event, Vec<At<String>>) {
    let log = cx.log;
    let date = cx.rezone.date(fi, e.date);
    let end = e.end.map(|d| cx.rezone.date(fi, d));
    let (id, id_derived) = match &e.id {
        Some(id) => (id.value.clone(), false),
        None => {
            let base = super::ids::derive(&date, &texts.title);
            let ids = &*cx.ids;
            let id = cx.next_free.free(&base, |id| ids.contains_key(id));
            cx.ids.insert(id.clone(), ix);
            (id, true)
        }
    };
    // Each list sized to the ids written (collecting from a filter would leave room
    // for four, in a million events).
    let mut refs = |ids: &[At<String>], map: &IdMap<usize>, what: &str| {
        let mut out = Vec::with_capacity(ids.len());
        out.extend(ids.iter().filter_map(|id| look.get(r, map, id, what)));
        out
    };
    let actors = refs(&e.actors, &log.actor_ids, "actor");
    let named_parties = refs(&e.parties, &log.party_ids, "party");
    let sources: Vec<SourceIx> = refs(&e.sources, &log.source_ids, "source");
    // The event's only source, for its quotes that name none.
    let only_source = match (e.sources.len(), sources.as_slice()) {
        (1, &[s]) => Some(s),
        _ => None,
    };
    let Texts {
        title,
        summary,
        location,
        date_note,
        topics,
        related,
        quotes: quote_texts,
    } = texts;
    let mut taken = quote_texts.map(Vec::into_iter);
    let quotes = e
        .quotes
        .iter()
        .map(|q| {
            let (text, attribution, original, lang) = match &mut taken {
                Some(taken) => taken.next().unwrap_or_default(),
                None => (
                    q.text.clone(),
                    q.attribution.clone(),
                    q.original.clone(),
                    q.lang.clone(),
                ),
            };
            let speaker = q
                .speaker
                .as_ref()
                .and_then(|s| look.get(r, &log.actor_ids, s, "actor"));
            let mut parties: Vec<PartyIx> = Vec::with_capacity(q.parties.len());
            for p in &q.parties {
                if let Some(ix) = look.get(r, &log.party_ids, p, "party")
                    && !parties.contains(&ix)
                {
                    parties.push(ix);
                }
            }
            // Recalled lookups are those of a file that said nothing, this check included.
            if !look.recalled() {
                speaker_in_party(r, log, speaker, &q.parties, &parties);
            }
            Quote {
                text,
                speaker,
                attribution,
                parties,
                source: match &q.source {
                    Some(s) => look.get(r, &log.source_ids, s, "source"),
                    None => only_source,
                },
                paraphrase: q.paraphrase,
                translated: q.translated,
                original,
                lang,
                verification: Verification::default(),
                origin: Origin {
                    file: fi,
                    line: q.mark.line(),
                    span: q.span,
                },
            }
        })
        .collect();
    (
        Event {
            id,
            id_derived,
            date,
            end,
            date_note,
            kind: e.kind,
            status: e.status,
            title,
            summary,
            location,
            actors,
            named_parties,
            topics,
            sources,
            related: Vec::new(),
            quotes,
            origin: Origin {
                file: fi,
                line: e.mark.line(),
                span: e.span,
            },
            related_by: Vec::new(),
            parties: Vec::new(),
            involved: Vec::new(),
        },
        related,
    )
}

/// The events in timeline order, `related` resolved both ways, and who took part; `ids`
/// (every event's id with its place in file order) becomes the log's map of event ids.
fn order_and_link(files: &mut [FileDoc], log: &mut Log, pending: Pending, mut ids: IdMap<usize>) {
    let Pending {
        mut events,
        mut related,
    } = pending;
    // Timeline order: by the instant a date starts, then file order (a stable sort).
    // Sort positions, not the (large) events themselves, then take them in that order.
    // At one instant, coarser dates first: a year or month starts at the same moment as its
    // first day, and putting it first keeps every header of the timeline after the last.
    // (instant, precision, file order) in one integer each, which sorts as the three
    // would: unique keys, so as good as stable, and cheaper to compare.
    let mut order: Vec<u128> = events
        .iter()
        .enumerate()
        .map(|(i, e)| timeline_key(e.date.start_ts(), e.date.precision, i))
        .collect();
    // A log written in order is not sorted again.
    if !order.is_sorted() {
        order.sort_unstable();
    }
    let from: Vec<usize> = order
        .into_iter()
        .map(|k| (k as u64 & PLACE) as usize)
        .collect();
    // Each event's place in the timeline, by its place in file order.
    let mut to = vec![0; from.len()];
    for (k, &i) in from.iter().enumerate() {
        to[i] = k;
    }
    for v in ids.values_mut() {
        *v = to[*v];
    }
    drop(to);
    log.event_ids = ids;
    // Put in that order in place: never a second array of them.
    permute(&mut related, from.clone());
    permute(&mut events, from);
    let mut related_all = Vec::with_capacity(events.len());
    for (e, written) in events.iter().zip(related) {
        let r = &mut files[e.origin.file].reader;
        let related: Vec<EventIx> = written
            .iter()
            .filter_map(|id| lookup(r, &log.event_ids, id, "event"))
            .collect();
        related_all.push(related);
    }
    log.events = events;
    for (i, related) in related_all.into_iter().enumerate() {
        for &j in &related {
            if !log.events[j].related_by.contains(&i) {
                log.events[j].related_by.push(i);
            }
        }
        log.events[i].related = related;
    }
    for i in 0..log.events.len() {
        let (parties, involved) = log.involvement(&log.events[i]);
        log.events[i].parties = parties;
        log.events[i].involved = involved;
    }
}

/// The bits of a timeline key that hold the event's place in file order.
const PLACE: u64 = (1 << 61) - 1;

/// The instant, then the precision, then the place in file order, ordered as the triple.
fn timeline_key(instant: i64, precision: Precision, place: usize) -> u128 {
    // The instant with its sign bit flipped orders as an unsigned number; a place is far
    // below 2^61 (each event takes memory).
    let instant = (instant as u64) ^ (1 << 63);
    let low = ((precision as u64) << 61) | (place as u64 & PLACE);
    (u128::from(instant) << 64) | u128::from(low)
}

/// An actor that takes part in no event and says no quote is most often a leftover, or
/// one the writer meant to add to an event: a warning at the actor.
fn warn_unused_actors(
    files: &mut [FileDoc],
    log: &Log,
    marks: &[(usize, super::yaml::Mark, String)],
) {
    let mut used = vec![false; log.actors.len()];
    for e in &log.events {
        for &a in &e.involved {
            used[a] = true;
        }
    }
    for ((fi, mark, path), a) in marks
        .iter()
        .zip(&log.actors)
        .zip(used)
        .filter(|(_, u)| !u)
        .map(|(m, _)| m)
    {
        files[*fi].reader.report(
            Severity::Warning,
            *mark,
            path.strip_suffix(".id").unwrap_or(path),
            format!(
                "the actor `{}` appears in no event: name them in an event's `actors` (or as a quote's `speaker`), or remove them",
                crate::sanitize::sanitize(&a.id)
            ),
            None,
        );
    }
}

/// Reorders `items` in place so that item `k` is the one that was at `from[k]` (`from` a
/// permutation), by following its cycles: each item moves once, nothing is copied aside.
fn permute<T>(items: &mut [T], mut from: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..items.len() {
        if from[start] == DONE {
            continue;
        }
        let mut k = start;
        loop {
            let j = from[k];
            from[k] = DONE;
            if j == start {
                break;
            }
            // `items[k]` holds the cycle's first item; `items[j]` has not moved yet.
            items.swap(k, j);
            k = j;
        }
    }
}

/// Resolves a reference, reporting an unknown id with the nearest known one.
/// A quote's own `party` must include its speaker's party (rev. 3): otherwise the words
/// would be credited to a side the speaker is not on. A joint voice read by one side
/// (`speaker: faisal`, `party: [saudi, iran]`) includes it and is fine.
fn speaker_in_party(
    r: &mut Reader,
    log: &Log,
    speaker: Option<usize>,
    written: &[At<String>],
    parties: &[PartyIx],
) {
    let (Some(a), Some(first)) = (speaker, written.first()) else {
        return;
    };
    // A party id that does not resolve is reported already.
    if written
        .iter()
        .any(|p| !log.party_ids.contains_key(&p.value))
    {
        return;
    }
    let actor = &log.actors[a];
    let Some(own) = actor.party else { return };
    if parties.contains(&own) {
        return;
    }
    let own_id = &log.parties[own].id;
    let listed: Vec<&str> = written.iter().map(|p| p.value.as_str()).collect();
    let message = format!(
        "the quote's `party` {} leaves out its speaker {}'s party \"{own_id}\": the words would be credited to a side the speaker is not on",
        if listed.len() == 1 {
            format!("\"{}\"", listed[0])
        } else {
            format!("[{}]", listed.join(", "))
        },
        actor.id,
    );
    let mut joint = listed.clone();
    joint.insert(0, own_id);
    let help = format!(
        "remove `party` (the speaker's party is used), or for a joint statement write `party: [{}]`",
        joint.join(", ")
    );
    let path = first.loc.render();
    r.report(Severity::Error, first.mark, &path, message, Some(help));
}

fn lookup(r: &mut Reader, ids: &IdMap<usize>, id: &At<String>, what: &str) -> Option<usize> {
    if let Some(&ix) = ids.get(&id.value) {
        return Some(ix);
    }
    // Suggestions compare against every id: bounded so that a huge broken log stays fast.
    let help = if r.diags.len() < 200 {
        nearest_unordered(&id.value, ids.keys().map(String::as_str)).map(did_you_mean)
    } else {
        None
    };
    r.report(
        Severity::Error,
        id.mark,
        &id.path(),
        format!(
            "found the {what} id \"{}\", which no {what} in the log has",
            id.value
        ),
        help,
    );
    let at = r.diags.len() - 1;
    r.unresolved.push((at, id.clone()));
    None
}

/// Rewrites the message of each reference that names an id of another kind (`speaker:
/// iran` where iran is a party) to say so and what to write instead.
fn explain_wrong_kinds(files: &mut [FileDoc], log: &Log) {
    for f in files.iter_mut() {
        let r = &mut f.reader;
        for (at, id) in &r.unresolved {
            let name = id.value.as_str();
            let is = if log.party_ids.contains_key(name) {
                "party"
            } else if log.actor_ids.contains_key(name) {
                "actor"
            } else if log.source_ids.contains_key(name) {
                "source"
            } else if log.event_ids.contains_key(name) {
                "event"
            } else {
                continue;
            };
            let in_actor = id.path().starts_with("actors[");
            let Some((said, fix)) = wrong_kind(id.loc.key(), name, is, in_actor) else {
                continue;
            };
            if let Some(d) = r.diags.get_mut(*at) {
                d.message = said;
                d.help = Some(fix);
            }
        }
    }
}

/// What an id of kind `is` under `key` means, and the fix.
fn wrong_kind(key: &str, id: &str, is: &str, in_actor: bool) -> Option<(String, String)> {
    let an = |k: &str| {
        if k == "actor" || k == "event" {
            "an"
        } else {
            "a"
        }
    };
    let add = |k: &str| format!("or add {} {k} with the id \"{id}\"", an(k));
    let (said, fix) = match (key, is) {
        ("speaker", "party") => (
            "a speaker is an actor".to_string(),
            format!("write `party: {id}` with an `attribution`, or add an actor"),
        ),
        ("speaker", _) => ("a speaker is an actor".into(), add("actor")),
        ("actors", "party") => (
            "`actors` lists actors".into(),
            format!(
                "write `parties: [{id}]` for a party with no actor named, {}",
                add("actor")
            ),
        ),
        ("actors", _) => ("`actors` lists actors".into(), add("actor")),
        ("party", "actor") if in_actor => (
            "an actor's `party` names a party".into(),
            format!("name the party this actor belongs to, {}", add("party")),
        ),
        ("party", "actor") => (
            "`party` names a party".into(),
            format!(
                "write `speaker: {id}` (the party then comes from the actor), {}",
                add("party")
            ),
        ),
        ("party", _) => ("`party` names a party".into(), add("party")),
        ("parties", "actor") => (
            "`parties` lists parties".into(),
            format!("write `actors: [{id}]`, {}", add("party")),
        ),
        ("parties", _) => ("`parties` lists parties".into(), add("party")),
        ("sources" | "source", "event") => (
            format!("`{key}` names sources"),
            format!(
                "for an event this one answers or follows write `related: [{id}]`, {}",
                add("source")
            ),
        ),
        ("sources" | "source", _) => (format!("`{key}` names sources"), add("source")),
        ("related", "source") => (
            "`related` lists events".into(),
            format!("write `sources: [{id}]`, {}", add("event")),
        ),
        ("related", "actor") => (
            "`related` lists events".into(),
            format!("write `actors: [{id}]`, {}", add("event")),
        ),
        ("related", "party") => (
            "`related` lists events".into(),
            format!("write `parties: [{id}]`, {}", add("event")),
        ),
        ("related", _) => ("`related` lists events".into(), add("event")),
        _ => return None,
    };
    Some((format!("{id} is {} {is}; {said}", an(is)), fix))
}

/// A second definition of an id: an error within one file; across files, an error only
/// when the two disagree.
/// The log's reading zone: the one its files name (they must agree), else UTC. The dates of
/// a file that names none were read in UTC; they are read again in the log's zone.
fn reading_zone(files: &mut [FileDoc]) -> Rezone {
    let mut first: Option<(usize, Tz, usize)> = None;
    for fi in 0..files.len() {
        let Some(tz) = files[fi].doc.get().timezone.clone() else {
            continue;
        };
        match first {
            None => first = Some((fi, tz.value, tz.mark.line())),
            Some((ff, ftz, fl)) if ftz != tz.value => {
                let first_file = files[ff].reader.file.to_string();
                files[fi].reader.error(
                    tz.mark,
                    &tz.path(),
                    format!(
                        "timezone {} differs from {} in {first_file}:{fl}: files of one log must agree on its reading zone",
                        tz.value.name(),
                        ftz.name()
                    ),
                );
            }
            Some(_) => {}
        }
    }
    let zone = first.map_or(DEFAULT_ZONE, |(_, tz, _)| tz);
    let files = files
        .iter_mut()
        .map(|f| {
            let other = f.reader.zone != zone;
            f.reader.zone = zone;
            other
        })
        .collect();
    Rezone { zone, files }
}

fn duplicate(
    r: &mut Reader,
    what: &str,
    id: &At<String>,
    same_file: bool,
    same: bool,
    first_file: &str,
    first_line: usize,
) {
    if same_file {
        let plural = match what {
            "party" => "parties".to_string(),
            _ => format!("{what}s"),
        };
        r.error(
            id.mark,
            &id.path(),
            format!("{what} id \"{}\" is already used (line {first_line}): ids are unique among {plural}", id.value),
        );
    } else if !same {
        r.error(
            id.mark,
            &id.path(),
            format!("{what} \"{}\" is defined differently in {first_file}:{first_line}: files of one log must agree", id.value),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::{Precision, permute, timeline_key};

    #[test]
    fn timeline_keys_order_as_instant_precision_and_place() {
        let triples = [
            (i64::MIN, Precision::Second, 5),
            (-1, Precision::Year, 9),
            (-1, Precision::Day, 0),
            (0, Precision::Year, 3),
            (0, Precision::Month, 1),
            (0, Precision::Month, 2),
            (1, Precision::Second, 0),
            (i64::MAX, Precision::Year, 0),
        ];
        for a in triples {
            for b in triples {
                let (ka, kb) = (timeline_key(a.0, a.1, a.2), timeline_key(b.0, b.1, b.2));
                assert_eq!(ka.cmp(&kb), a.cmp(&b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn a_permutation_puts_each_item_where_it_is_asked_for() {
        for from in [
            vec![],
            vec![0],
            vec![1, 0],
            vec![2, 0, 1],
            vec![1, 2, 0],
            vec![0, 2, 1, 3],
            vec![3, 1, 4, 0, 2, 6, 5],
        ] {
            let mut items: Vec<usize> = (0..from.len()).map(|i| i * 10).collect();
            permute(&mut items, from.clone());
            let wanted: Vec<usize> = from.iter().map(|&i| i * 10).collect();
            assert_eq!(items, wanted, "{from:?}");
        }
    }
}
