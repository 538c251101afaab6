//! The shape of one file: every section and field read and type-checked, references
//! still as written (ids), to be resolved once all files of a log are read.

use super::diagnostic::Severity;
use super::fields::{At, Fields, Item, Loc, Reader};
use super::yaml::{Mark, Node, Span};
use crate::model::{Color, Date, Kind, Status};

#[derive(Clone)]
pub(crate) struct Document {
    /// The reading zone the file names, where it names one.
    pub(crate) timezone: Option<At<crate::model::Tz>>,
    pub(crate) title: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) parties: Vec<PartyDef>,
    pub(crate) actors: Vec<ActorDef>,
    pub(crate) sources: Vec<SourceDef>,
    pub(crate) events: Vec<EventDef>,
}

#[derive(Clone, Debug)]
pub(crate) struct PartyDef {
    pub(crate) id: At<String>,
    pub(crate) name: String,
    pub(crate) color: Option<Color>,
    /// The item's bytes in its file.
    pub(crate) span: Span,
}

#[derive(Clone, Debug)]
pub(crate) struct ActorDef {
    pub(crate) id: At<String>,
    pub(crate) name: String,
    pub(crate) party: Option<At<String>>,
    pub(crate) role: Option<String>,
    pub(crate) aliases: Vec<String>,
    /// The item's bytes in its file.
    pub(crate) span: Span,
}

#[derive(Clone, Debug)]
pub(crate) struct SourceDef {
    pub(crate) id: At<String>,
    pub(crate) outlet: String,
    pub(crate) title: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) published: Option<Date>,
    pub(crate) byline: Vec<String>,
    /// As written, with its place; read once the log is resolved.
    pub(crate) archive: Option<At<String>>,
    /// The item's bytes in its file.
    pub(crate) span: Span,
}

#[derive(Clone)]
pub(crate) struct QuoteDef {
    pub(crate) text: String,
    pub(crate) speaker: Option<At<String>>,
    pub(crate) attribution: Option<String>,
    /// One party id or a list of them, as written.
    pub(crate) parties: Vec<At<String>>,
    pub(crate) source: Option<At<String>>,
    pub(crate) paraphrase: bool,
    pub(crate) translated: bool,
    /// (rev. 3) The words as spoken, in their own script, when `translated`.
    pub(crate) original: Option<String>,
    /// (rev. 3) The BCP 47 tag of the quote's own words.
    pub(crate) lang: Option<String>,
    /// Where the words are written: the place of `text`, whatever key comes first (an
    /// error about the words, such as not being in the archive, points there).
    pub(crate) mark: Mark,
    /// The item's bytes in its file.
    pub(crate) span: Span,
}

#[derive(Clone)]
pub(crate) struct EventDef {
    pub(crate) id: Option<At<String>>,
    pub(crate) date: Date,
    pub(crate) end: Option<Date>,
    pub(crate) date_note: Option<String>,
    pub(crate) kind: Kind,
    pub(crate) status: Status,
    pub(crate) title: String,
    pub(crate) summary: Option<String>,
    pub(crate) location: Option<String>,
    pub(crate) actors: Vec<At<String>>,
    pub(crate) parties: Vec<At<String>>,
    pub(crate) topics: Vec<String>,
    pub(crate) sources: Vec<At<String>>,
    pub(crate) related: Vec<At<String>>,
    pub(crate) quotes: Vec<QuoteDef>,
    pub(crate) mark: Mark,
    /// The item's bytes in its file.
    pub(crate) span: Span,
}

pub(super) const TOP: &[&str] = &[
    "dateline",
    "title",
    "description",
    "timezone",
    "parties",
    "actors",
    "sources",
    "events",
];
pub(super) const PARTY: &[&str] = &["id", "name", "color"];
pub(super) const ACTOR: &[&str] = &["id", "name", "party", "role", "aliases"];
pub(super) const SOURCE: &[&str] = &[
    "id",
    "outlet",
    "title",
    "url",
    "published",
    "byline",
    "archive",
];
pub(super) const EVENT: &[&str] = &[
    "id",
    "date",
    "end",
    "date_note",
    "kind",
    "status",
    "title",
    "summary",
    "location",
    "actors",
    "parties",
    "topics",
    "sources",
    "related",
    "quotes",
];
pub(super) const QUOTE: &[&str] = &[
    "text",
    "speaker",
    "attribution",
    "party",
    "source",
    "paraphrase",
    "translated",
    "original",
    "lang",
];

impl Document {
    pub(super) fn empty() -> Document {
        Document {
            timezone: None,
            title: None,
            description: None,
            parties: Vec::new(),
            actors: Vec::new(),
            sources: Vec::new(),
            events: Vec::new(),
        }
    }
}

/// The keys a mapping must have, as `Reader::fields` checks them.
pub(super) const PARTY_REQUIRED: &[&str] = &["id", "name"];
pub(super) const ACTOR_REQUIRED: &[&str] = &["id", "name"];
pub(super) const SOURCE_REQUIRED: &[&str] = &["id", "outlet"];
pub(super) const EVENT_REQUIRED: &[&str] = &["date", "kind", "title"];
pub(super) const QUOTE_REQUIRED: &[&str] = &["text"];

/// Reads a whole document. Returns what could be read; errors are in `r`.
pub(crate) fn read(r: &mut Reader, root: &mut Node) -> Document {
    let mut doc = Document::empty();
    // `events` may be left out: a file of a several-file log may hold only the parties,
    // actors or sources the others name. A file with none of the four is a mistake.
    let root_mark = root.mark;
    let Some(mut f) = r.fields(root, "", "an event log", TOP, &[]) else {
        return doc;
    };
    if ["events", "parties", "actors", "sources"]
        .iter()
        .all(|k| f.mark(k).is_none())
    {
        r.error(
            root_mark,
            "",
            "found none of `events`, `parties`, `actors`, `sources`: a log file holds at least one"
                .into(),
        );
    }
    // Before any date: the dates of this file are read in its zone.
    doc.timezone = timezone(r, f.get("timezone"), &Loc::new(Item::TOP, "timezone"));
    if let Some(tz) = &doc.timezone {
        r.zone = tz.value;
    }
    head(r, &mut f, &mut doc);

    for (i, n) in r
        .list(f.get("parties"), &Loc::new(Item::TOP, "parties"), "parties")
        .iter_mut()
        .enumerate()
    {
        let path = Item::new("parties", i);
        if let Some(p) = party(r, n, path) {
            doc.parties.push(p);
        }
    }
    for (i, n) in r
        .list(f.get("actors"), &Loc::new(Item::TOP, "actors"), "actors")
        .iter_mut()
        .enumerate()
    {
        let path = Item::new("actors", i);
        if let Some(a) = actor(r, n, path) {
            doc.actors.push(a);
        }
    }
    for (i, n) in r
        .list(f.get("sources"), &Loc::new(Item::TOP, "sources"), "sources")
        .iter_mut()
        .enumerate()
    {
        let path = Item::new("sources", i);
        if let Some(s) = source(r, n, path) {
            doc.sources.push(s);
        }
    }
    for (i, n) in r
        .list(f.get("events"), &Loc::new(Item::TOP, "events"), "events")
        .iter_mut()
        .enumerate()
    {
        let path = Item::new("events", i);
        if let Some(e) = event(r, n, path) {
            doc.events.push(e);
        }
        // Free this event's part of the tree now, so the tree and the model are never both
        // whole in memory.
        n.value = super::yaml::Value::Seq(Vec::new());
    }
    doc
}

/// The version and the log's title and description (the timezone is read before any date).
pub(super) fn head(r: &mut Reader, f: &mut Fields, doc: &mut Document) {
    if let Some(v) = f.get("dateline") {
        let ok = matches!(&v.value, super::yaml::Value::Scalar { text, .. } if text == "1");
        if !ok {
            r.error(
                v.mark,
                "dateline",
                format!(
                    "found {}, expected 1: this dateline reads format 1",
                    v.describe()
                ),
            );
        }
    }
    doc.title = r.text(f.get("title"), &Loc::new(Item::TOP, "title"), false);
    doc.description = r.text(
        f.get("description"),
        &Loc::new(Item::TOP, "description"),
        false,
    );
}

/// The log's reading zone: an IANA name from the compiled-in time zone database.
pub(super) fn timezone(
    r: &mut Reader,
    node: Option<&mut Node>,
    loc: &Loc,
) -> Option<At<crate::model::Tz>> {
    let mark = node.as_ref().map(|n| n.mark).unwrap_or_default();
    let name = r.text(node, loc, true)?;
    match crate::model::parse_zone(name.trim()) {
        Ok(tz) => {
            if let Some(w) = crate::model::fixed_abbreviation_warning(&name) {
                r.report(Severity::Warning, mark, &loc.render(), w, None);
            }
            Some(At {
                value: tz,
                mark,
                loc: *loc,
            })
        }
        Err(e) => {
            r.report(Severity::Error, mark, &loc.render(), e.message, e.help);
            None
        }
    }
}

/// The keys each mapping of the format may hold, for tools that describe the format (the
/// JSON Schema is checked against them).
pub const KNOWN_KEYS: [(&str, &[&str]); 6] = [
    ("log", TOP),
    ("party", PARTY),
    ("actor", ACTOR),
    ("source", SOURCE),
    ("event", EVENT),
    ("quote", QUOTE),
];

fn party(r: &mut Reader, n: &mut Node, path: Item) -> Option<PartyDef> {
    let f = r.fields(n, &path.render(), "a party", PARTY, PARTY_REQUIRED)?;
    party_fields(r, f, path)
}

pub(super) fn party_fields(r: &mut Reader, mut f: Fields, path: Item) -> Option<PartyDef> {
    let id = r.id(f.get("id"), &Loc::new(path, "id"), true);
    let name = r.text(f.get("name"), &Loc::new(path, "name"), true);
    let color = f.get("color").and_then(|c| {
        let cpath = Loc::new(path, "color");
        let mark = c.mark;
        let s = r.text(Some(c), &cpath, false)?;
        let parsed = Color::parse(&s);
        if parsed.is_none() {
            r.error(
                mark,
                &cpath.render(),
                format!(
                    "found the colour \"{}\", expected #rrggbb or one of red, green, yellow, blue, magenta, cyan, gray and their light- variants",
                    crate::sanitize::sanitize(&s)
                ),
            );
        }
        parsed
    });
    // Kept with a bad name (already an error) so references to its id still resolve.
    Some(PartyDef {
        span: f.span,
        id: id?,
        name: name.unwrap_or_default(),
        color,
    })
}

fn actor(r: &mut Reader, n: &mut Node, path: Item) -> Option<ActorDef> {
    let f = r.fields(n, &path.render(), "an actor", ACTOR, ACTOR_REQUIRED)?;
    actor_fields(r, f, path)
}

pub(super) fn actor_fields(r: &mut Reader, mut f: Fields, path: Item) -> Option<ActorDef> {
    let id = r.id(f.get("id"), &Loc::new(path, "id"), true);
    let name = r.text(f.get("name"), &Loc::new(path, "name"), true);
    let party = r.id(f.get("party"), &Loc::new(path, "party"), false);
    let role = r.text(f.get("role"), &Loc::new(path, "role"), false);
    let aliases = r.texts(f.get("aliases"), &Loc::new(path, "aliases"), "names");
    Some(ActorDef {
        span: f.span,
        id: id?,
        name: name.unwrap_or_default(),
        party,
        role,
        aliases,
    })
}

fn source(r: &mut Reader, n: &mut Node, path: Item) -> Option<SourceDef> {
    let f = r.fields(n, &path.render(), "a source", SOURCE, SOURCE_REQUIRED)?;
    source_fields(r, f, path)
}

pub(super) fn source_fields(r: &mut Reader, mut f: Fields, path: Item) -> Option<SourceDef> {
    let id = r.id(f.get("id"), &Loc::new(path, "id"), true);
    let outlet = r.text(f.get("outlet"), &Loc::new(path, "outlet"), true);
    let title = r.text(f.get("title"), &Loc::new(path, "title"), false);
    let url = r.text(f.get("url"), &Loc::new(path, "url"), false);
    let published = r.date(f.get("published"), &Loc::new(path, "published"), false);
    let byline = r.texts(f.get("byline"), &Loc::new(path, "byline"), "names");
    let archive_loc = Loc::new(path, "archive");
    let archive_mark = f.mark("archive");
    // `archive: ""` is an error, as any empty required value; `archive: ~` is no archive.
    let written_empty = f.get("archive").is_some_and(|n| {
        !n.is_null()
            && matches!(&n.value, super::yaml::Value::Scalar { text, .. } if text.trim().is_empty())
    });
    let archive = r
        .text(f.get("archive"), &archive_loc, written_empty)
        .zip(archive_mark)
        .map(|(value, mark)| At {
            value,
            mark,
            loc: archive_loc,
        });
    Some(SourceDef {
        span: f.span,
        id: id?,
        outlet: outlet.unwrap_or_default(),
        title,
        url,
        published,
        byline,
        archive,
    })
}

fn event(r: &mut Reader, n: &mut Node, path: Item) -> Option<EventDef> {
    let n_mark = n.mark;
    let f = r.fields(n, &path.render(), "an event", EVENT, EVENT_REQUIRED)?;
    event_fields(r, f, n_mark, path, None)
}

/// An event's fields; `read_quotes`: its quotes' fields when already read (by `stream`),
/// else they are read from the `quotes` field.
pub(super) fn event_fields(
    r: &mut Reader,
    mut f: Fields,
    n_mark: Mark,
    path: Item,
    read_quotes: Option<Vec<(Mark, Fields)>>,
) -> Option<EventDef> {
    let id = r.id(f.get("id"), &Loc::new(path, "id"), false);
    let date = r.date(f.get("date"), &Loc::new(path, "date"), true);
    let end = r.date(f.get("end"), &Loc::new(path, "end"), false);
    // A date-only end after a time is a day on that time's clock (rev. 3).
    let end = match (&date, end) {
        (Some(d), Some(e)) => Some(e.on_clock_of(d)),
        (_, e) => e,
    };
    let date_note = r.text(f.get("date_note"), &Loc::new(path, "date_note"), false);
    let kind = enumerated(
        r,
        f.get("kind"),
        &Loc::new(path, "kind"),
        "kind",
        &Kind::ALL.map(Kind::as_str),
        true,
    )
    .and_then(|s| Kind::parse(&s));
    let status = enumerated(
        r,
        f.get("status"),
        &Loc::new(path, "status"),
        "status",
        &Status::ALL.map(Status::as_str),
        false,
    )
    .and_then(|s| Status::parse(&s))
    .unwrap_or_default();
    let title = r.text(f.get("title"), &Loc::new(path, "title"), true);
    if let (Some(t), Some(mark)) = (&title, f.mark("title"))
        && t.trim_end().contains('\n')
    {
        r.error(
            mark,
            &Loc::new(path, "title").render(),
            "found a title of several lines, expected one line (the summary may span lines)".into(),
        );
    }
    let summary = r.text(f.get("summary"), &Loc::new(path, "summary"), false);
    let location = r.text(f.get("location"), &Loc::new(path, "location"), false);
    let actors = r.ids(f.get("actors"), &Loc::new(path, "actors"), "actor ids");
    let parties = r.ids(f.get("parties"), &Loc::new(path, "parties"), "party ids");
    let tpath = Loc::new(path, "topics");
    let raw_topics = r.texts(f.get("topics"), &tpath, "topics");
    let mut topics = Vec::with_capacity(raw_topics.len());
    for (i, t) in raw_topics.into_iter().enumerate() {
        // Most topics are lower-case ASCII already: kept as they are, not copied.
        if t.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            topics.push(t);
            continue;
        }
        let lower = t.to_lowercase();
        if lower != t {
            let mark = topic_mark(f.get("topics").as_deref(), i);
            r.report(
                Severity::Warning,
                mark,
                &tpath.item(i).render(),
                format!(
                    "topic \"{}\" is not lower case; it is read as \"{}\"",
                    crate::sanitize::sanitize(&t),
                    crate::sanitize::sanitize(&lower)
                ),
                None,
            );
        }
        topics.push(lower);
    }
    let sources = r.ids(f.get("sources"), &Loc::new(path, "sources"), "source ids");
    let related = r.ids(f.get("related"), &Loc::new(path, "related"), "event ids");
    // A quote without its own source takes the event's when the event lists exactly one.
    let one_source = f
        .get("sources")
        .is_some_and(|n| matches!(&n.value, super::yaml::Value::Seq(items) if items.len() == 1));
    // Sized to the quotes written: a vector grown by pushing holds room for four, and a
    // quote is large (at a million events that room was 0.6 GB of the peak).
    let mut quotes = Vec::new();
    let qpath = Loc::new(path, "quotes");
    match read_quotes {
        Some(read) => {
            quotes.reserve_exact(read.len());
            for (i, (qmark, qf)) in read.into_iter().enumerate() {
                if let Some(q) = quote_fields(r, qf, qmark, path.quote(i), one_source) {
                    quotes.push(q);
                }
            }
        }
        None => {
            let list = r.list(f.get("quotes"), &qpath, "quotes");
            quotes.reserve_exact(list.len());
            for (i, qn) in list.iter_mut().enumerate() {
                if let Some(q) = quote(r, qn, path.quote(i), one_source) {
                    quotes.push(q);
                }
            }
        }
    }
    if sources.is_empty() && quotes.iter().all(|q| q.source.is_none()) {
        r.report(
            Severity::Warning,
            n_mark,
            &path.render(),
            "an event with no source: readers cannot check it; add `sources: [id]`".into(),
            None,
        );
    }
    // An event whose date, kind or title is wrong (already an error) is still kept, with
    // stand-ins, so that its references are checked and `related` links to it resolve: the
    // writer sees every error at once. A file with an error never opens, so no stand-in is shown.
    if let (Some(date), Some(e), Some(mark)) = (&date, &end, f.mark("end"))
        && e.end_exclusive() <= date.start()
    {
        r.error(
            mark,
            &Loc::new(path, "end").render(),
            format!(
                "`end` {} is before `date` {}: expected an end on or after the date",
                e.written(),
                date.written()
            ),
        );
    }
    Some(EventDef {
        span: f.span,
        id,
        date: date.or_else(|| Date::parse("0001").ok())?,
        end,
        date_note,
        kind: kind.unwrap_or(Kind::Development),
        status,
        title: title.unwrap_or_default(),
        summary,
        location,
        actors,
        parties,
        topics,
        sources,
        related,
        quotes,
        mark: n_mark,
    })
}

fn topic_mark(list: Option<&Node>, i: usize) -> Mark {
    match list.map(|n| &n.value) {
        Some(super::yaml::Value::Seq(items)) => items.get(i).map(|n| n.mark).unwrap_or_default(),
        _ => Mark::default(),
    }
}

/// One quote. `event_has_one_source`: a quote without `source` takes the event's.
fn quote(r: &mut Reader, n: &mut Node, path: Item, event_has_one_source: bool) -> Option<QuoteDef> {
    let qmark = n.mark;
    let f = r.fields(n, &path.render(), "a quote", QUOTE, QUOTE_REQUIRED)?;
    quote_fields(r, f, qmark, path, event_has_one_source)
}

pub(super) fn quote_fields(
    r: &mut Reader,
    mut f: Fields,
    qmark: Mark,
    path: Item,
    event_has_one_source: bool,
) -> Option<QuoteDef> {
    // Decided before the values are read, since reading moves text out of the tree. A
    // speaker written but wrong, or an attribution of the wrong type, is reported where it
    // is; an attribution left empty says nothing about who spoke.
    let speaker_written = f.get("speaker").is_some_and(|n| !n.is_null());
    let attribution_mistyped = f
        .get("attribution")
        .is_some_and(|n| !matches!(n.value, super::yaml::Value::Scalar { .. }));
    let source_written = f.get("source").is_some_and(|n| !n.is_null());
    let text_mark = f.mark("text").unwrap_or(qmark);
    let text = r.text(f.get("text"), &Loc::new(path, "text"), true);
    let speaker = r.id(f.get("speaker"), &Loc::new(path, "speaker"), false);
    let attribution = r.text(f.get("attribution"), &Loc::new(path, "attribution"), false);
    let parties = party_or_parties(r, f.get("party"), &Loc::new(path, "party"));
    let source = r.id(f.get("source"), &Loc::new(path, "source"), false);
    let paraphrase = r
        .boolean(f.get("paraphrase"), &Loc::new(path, "paraphrase"))
        .unwrap_or(false);
    let translated = r
        .boolean(f.get("translated"), &Loc::new(path, "translated"))
        .unwrap_or(false);
    let original_mark = f.mark("original");
    let original = r.text(f.get("original"), &Loc::new(path, "original"), true);
    if let (Some(mark), Some(_)) = (original_mark, &original)
        && !translated
    {
        r.report(
            Severity::Error,
            mark,
            &Loc::new(path, "original").render(),
            "`original` on a quote that is not `translated: true`: the original wording belongs only beside a translation".into(),
            Some("add `translated: true` when `text` is your translation, or put the words in `text` and remove `original`".into()),
        );
    }
    let lang_mark = f.mark("lang");
    let lang = r.text(f.get("lang"), &Loc::new(path, "lang"), true);
    let lang = match (lang, lang_mark) {
        (Some(tag), Some(mark)) if !super::lang::is_language_tag(&tag) => {
            r.report(
                Severity::Error,
                mark,
                &Loc::new(path, "lang").render(),
                format!(
                    "found {:?}, expected a BCP 47 language tag",
                    crate::sanitize::sanitize(&tag)
                ),
                Some("write a tag such as `fa`, `ar`, `zh-Hans` or `pt-BR`".into()),
            );
            None
        }
        (tag, _) => tag,
    };
    if !speaker_written && attribution.is_none() && !attribution_mistyped {
        r.error(
            qmark,
            &path.render(),
            "a quote has neither `speaker` nor `attribution`: say who said it".into(),
        );
    }
    if !source_written && !event_has_one_source {
        r.report(
            Severity::Warning,
            qmark,
            &path.render(),
            "a quote without `source`, in an event that does not list exactly one: readers cannot see where it was published".into(),
            None,
        );
    }
    Some(QuoteDef {
        span: f.span,
        text: text?,
        speaker,
        attribution,
        parties,
        source,
        paraphrase,
        translated,
        original,
        lang,
        mark: text_mark,
    })
}

/// A quote's `party`: one party id, or a list of them for a joint voice.
fn party_or_parties(r: &mut Reader, node: Option<&mut Node>, loc: &Loc) -> Vec<At<String>> {
    let Some(node) = node else { return Vec::new() };
    match &node.value {
        super::yaml::Value::Seq(_) => r.ids(Some(node), loc, "party ids"),
        super::yaml::Value::Map(_) => {
            r.error(
                node.mark,
                &loc.render(),
                "found a mapping, expected a party id or a list of party ids".into(),
            );
            Vec::new()
        }
        super::yaml::Value::Scalar { .. } => r.id(Some(node), loc, false).into_iter().collect(),
    }
}

/// Words journalists write for a kind or a status, and the format's word for each.
const SYNONYMS: &[(&str, &str, &str)] = &[
    ("status", "postponed", "expected"),
    ("status", "delayed", "expected"),
    ("status", "planned", "expected"),
    ("status", "scheduled", "expected"),
    ("status", "upcoming", "expected"),
    ("status", "announced", "expected"),
    ("status", "canceled", "cancelled"),
    ("status", "called-off", "cancelled"),
    ("status", "happened", "occurred"),
    ("status", "held", "occurred"),
    ("status", "done", "occurred"),
    ("status", "confirmed", "occurred"),
    ("status", "contested", "disputed"),
    ("status", "denied", "disputed"),
    ("status", "unconfirmed", "disputed"),
    ("status", "alleged", "disputed"),
    ("kind", "talks", "meeting"),
    ("kind", "summit", "meeting"),
    ("kind", "negotiation", "meeting"),
    ("kind", "phone", "call"),
    ("kind", "phone-call", "call"),
    ("kind", "announcement", "statement"),
    ("kind", "remarks", "statement"),
    ("kind", "interview", "statement"),
    ("kind", "speech", "statement"),
    ("kind", "offer", "proposal"),
    ("kind", "plan", "proposal"),
    ("kind", "draft", "proposal"),
    ("kind", "reply", "response"),
    ("kind", "answer", "response"),
    ("kind", "counterproposal", "response"),
    ("kind", "deal", "agreement"),
    ("kind", "accord", "agreement"),
    ("kind", "truce", "agreement"),
    ("kind", "ceasefire", "agreement"),
    ("kind", "visit", "travel"),
    ("kind", "trip", "travel"),
    ("kind", "news", "development"),
    ("kind", "report", "development"),
    ("kind", "attack", "development"),
];

/// The allowed word closest to `found`: by meaning when it is a known synonym (`postponed`
/// → `expected`), else by spelling. Always one: the writer must pick one of the set.
pub(crate) fn closest_word(what: &str, found: &str, allowed: &[&str]) -> String {
    let folded = found.trim().to_lowercase().replace([' ', '_'], "-");
    let by_meaning = SYNONYMS
        .iter()
        .find(|(w, s, _)| *w == what && (*s == folded || folded.starts_with(&format!("{s}-"))))
        .map(|&(_, _, word)| word);
    if let Some(word) = by_meaning {
        let note = if what == "status" && word == "expected" {
            " (an event that has not happened yet: give it its new date, and say why in `date_note` or `summary`)"
        } else {
            ""
        };
        return format!("closest in meaning: `{what}: {word}`{note}");
    }
    let word = allowed
        .iter()
        .min_by_key(|a| strsim::damerau_levenshtein(&folded, a))
        .copied()
        .unwrap_or_default();
    match super::suggest::nearest(found, allowed.iter().copied()) {
        Some(near) => super::suggest::did_you_mean(near),
        None => format!("closest: `{what}: {word}`"),
    }
}

/// One of a fixed set of words, with a suggestion when misspelt.
fn enumerated(
    r: &mut Reader,
    node: Option<&mut Node>,
    loc: &Loc,
    what: &str,
    allowed: &[&str],
    required: bool,
) -> Option<String> {
    // Most values are one of the words as written: taken as they are (and dropped by the
    // caller once read), as `text` would give them.
    if let Some(Node {
        value: super::yaml::Value::Scalar { text, .. },
        ..
    }) = node
        && allowed.contains(&text.as_str())
    {
        return Some(std::mem::take(text));
    }
    let mark = node.as_ref().map(|n| n.mark).unwrap_or_default();
    // Null is absent, like every optional key; an error where the key is required.
    if !required && node.as_ref().is_some_and(|n| n.is_null()) {
        return None;
    }
    let s = r.text(node, loc, true)?;
    if allowed.contains(&s.as_str()) {
        return Some(s);
    }
    let help = Some(closest_word(what, &s, allowed));
    r.report(
        Severity::Error,
        mark,
        &loc.render(),
        format!(
            "found the {what} \"{}\", expected one of {}",
            crate::sanitize::sanitize(&s),
            allowed.join(" | ")
        ),
        help,
    );
    None
}
