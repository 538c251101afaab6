//! From the documents of a log's files to one `Log`: ids unique per namespace (or equal
//! where files share them), derived event ids, references resolved, events in timeline
//! order, and the derived links (who answered whom, which parties took part).

use super::diagnostic::Severity;
use super::document::{ActorDef, Document, PartyDef, SourceDef};
use super::fields::{At, Reader};
use super::suggest::{did_you_mean, nearest_unordered};
use crate::model::*;

/// One file's document and the reader holding its diagnostics.
pub(crate) struct FileDoc<'a> {
    pub(crate) reader: Reader<'a>,
    pub(crate) doc: Document,
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

/// An event with its id, its file, and its `related` still as written.
struct Pending {
    event: Event,
    related: Vec<At<String>>,
    file: usize,
}

/// Merges and resolves. Diagnostics go to each file's reader.
pub(crate) fn resolve(files: &mut [FileDoc]) -> Log {
    let mut log = Log {
        files: files.iter().map(|f| f.reader.file.to_string()).collect(),
        ..Log::default()
    };
    log.title = files.iter().find_map(|f| f.doc.title.clone());
    log.description = files.iter().find_map(|f| f.doc.description.clone());
    log.timezone = reading_zone(files);
    let defs = first_definitions(files, &mut log);
    let actor_marks = add_definitions(files, &mut log, defs);
    let taken = written_event_ids(files, &log);
    let pending = events_of(files, &log, taken);
    order_and_link(files, &mut log, pending);
    warn_unused_actors(files, &log, &actor_marks);
    explain_wrong_kinds(files, &log);
    log
}

/// Parties, actors and sources: the first definition wins; a later one with the same id
/// must say the same thing (else a diagnostic in the later file).
fn first_definitions(files: &mut [FileDoc], log: &mut Log) -> Definitions {
    // Parties, actors and sources: the first definition wins; a later one with the
    // same id must say the same thing.
    let mut party_defs: Vec<(usize, PartyDef)> = Vec::new();
    let mut actor_defs: Vec<(usize, ActorDef)> = Vec::new();
    let mut source_defs: Vec<(usize, SourceDef)> = Vec::new();
    for fi in 0..files.len() {
        let parties = std::mem::take(&mut files[fi].doc.parties);
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
        let sources = std::mem::take(&mut files[fi].doc.sources);
        for s in sources {
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
        let actors = std::mem::take(&mut files[fi].doc.actors);
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

/// The ids events are written with, each with its file and line; a second use is reported.
fn written_event_ids(files: &mut [FileDoc], log: &Log) -> IdMap<(usize, usize)> {
    // Event ids: written ones first, so a derived id never takes a written one's place.
    let mut taken: IdMap<(usize, usize)> = IdMap::default();
    for (fi, f) in files.iter_mut().enumerate() {
        for e in &f.doc.events {
            if let Some(id) = &e.id {
                if let Some(&(ofi, line)) = taken.get(&id.value) {
                    let other = if ofi == fi {
                        format!("line {line}")
                    } else {
                        format!("{}:{line}", log.files[ofi])
                    };
                    f.reader.error(id.mark, &id.path(), format!("event id \"{}\" is already used ({other}): ids are unique among events", id.value));
                } else {
                    taken.insert(id.value.clone(), (fi, id.mark.line()));
                }
            }
        }
    }
    taken
}

/// Every event, in file order, with its id (written, or derived and made unique against
/// `taken`) and its references resolved but `related`.
fn events_of(files: &mut [FileDoc], log: &Log, mut taken: IdMap<(usize, usize)>) -> Vec<Pending> {
    // Every event, in file order, with its id; `related` still as written.
    // Sized once: a big log's events are the largest array of the load, and growing it by
    // doubling would hold two of it at a time.
    let mut pending: Vec<Pending> =
        Vec::with_capacity(files.iter().map(|f| f.doc.events.len()).sum());
    let mut next_free = super::ids::Suffixes::default();
    for (fi, file) in files.iter_mut().enumerate() {
        let events = std::mem::take(&mut file.doc.events);
        for e in events {
            let (id, id_derived) = match &e.id {
                Some(id) => (id.value.clone(), false),
                None => {
                    let base = super::ids::derive(&e.date, &e.title);
                    let id = next_free.free(&base, |id| taken.contains_key(id));
                    taken.insert(id.clone(), (fi, e.mark.line()));
                    (id, true)
                }
            };
            let r = &mut file.reader;
            // Each list sized to the ids written (collecting from a filter would leave room
            // for four, in a million events).
            let mut refs = |ids: &[At<String>], map: &IdMap<usize>, what: &str| {
                let mut out = Vec::with_capacity(ids.len());
                out.extend(ids.iter().filter_map(|id| lookup(r, map, id, what)));
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
            let quotes = e
                .quotes
                .into_iter()
                .map(|q| {
                    let speaker = q
                        .speaker
                        .as_ref()
                        .and_then(|s| lookup(r, &log.actor_ids, s, "actor"));
                    let mut parties: Vec<PartyIx> = Vec::with_capacity(q.parties.len());
                    for p in &q.parties {
                        if let Some(ix) = lookup(r, &log.party_ids, p, "party")
                            && !parties.contains(&ix)
                        {
                            parties.push(ix);
                        }
                    }
                    speaker_in_party(r, log, speaker, &q.parties, &parties);
                    Quote {
                        text: q.text,
                        speaker,
                        attribution: q.attribution,
                        parties,
                        source: match &q.source {
                            Some(s) => lookup(r, &log.source_ids, s, "source"),
                            None => only_source,
                        },
                        paraphrase: q.paraphrase,
                        translated: q.translated,
                        original: q.original,
                        lang: q.lang,
                        verification: Verification::default(),
                        origin: Origin {
                            file: fi,
                            line: q.mark.line(),
                            span: q.span,
                        },
                    }
                })
                .collect();
            pending.push(Pending {
                event: Event {
                    id,
                    id_derived,
                    date: e.date,
                    end: e.end,
                    date_note: e.date_note,
                    kind: e.kind,
                    status: e.status,
                    title: e.title,
                    summary: e.summary,
                    location: e.location,
                    actors,
                    named_parties,
                    topics: e.topics,
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
                related: e.related,
                file: fi,
            });
        }
    }
    pending
}

/// The events in timeline order, `related` resolved both ways, and who took part.
fn order_and_link(files: &mut [FileDoc], log: &mut Log, mut pending: Vec<Pending>) {
    // Timeline order: by the instant a date starts, then file order (a stable sort).
    // Sort positions, not the (large) events themselves, then take them in that order.
    // At one instant, coarser dates first: a year or month starts at the same moment as its
    // first day, and putting it first keeps every header of the timeline after the last.
    let mut order: Vec<(i64, Precision, usize)> = pending
        .iter()
        .enumerate()
        .map(|(i, p)| (p.event.date.start_ts(), p.event.date.precision, i))
        .collect();
    order.sort_unstable(); // (instant, precision, file order): unique keys, so as good as stable
    // Put in that order in place, and the events then taken out in place: never a second
    // array of them.
    permute(&mut pending, order.into_iter().map(|(_, _, i)| i).collect());
    for (i, p) in pending.iter().enumerate() {
        log.event_ids.insert(p.event.id.clone(), i);
    }
    let mut related_all = Vec::with_capacity(pending.len());
    for p in &mut pending {
        let r = &mut files[p.file].reader;
        let related: Vec<EventIx> = p
            .related
            .iter()
            .filter_map(|id| lookup(r, &log.event_ids, id, "event"))
            .collect();
        related_all.push(related);
        p.related = Vec::new();
    }
    log.events = pending.into_iter().map(|p| p.event).collect();
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
fn reading_zone(files: &mut [FileDoc]) -> Tz {
    let mut first: Option<(usize, Tz, usize)> = None;
    for fi in 0..files.len() {
        let Some(tz) = files[fi].doc.timezone.clone() else {
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
    for f in files.iter_mut() {
        if f.reader.zone == zone {
            continue;
        }
        f.reader.zone = zone;
        for e in &mut f.doc.events {
            e.date = e.date.in_zone(zone);
            e.end = e.end.map(|d| d.in_zone(zone));
        }
        for s in &mut f.doc.sources {
            s.published = s.published.map(|d| d.in_zone(zone));
        }
    }
    zone
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
    use super::permute;

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
