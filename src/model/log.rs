//! A validated event log: parties, actors, sources and events, cross-referenced by index.

use super::{Archive, Date, Verification};
use std::collections::HashMap;
use std::sync::Arc;

/// Index of a party in `Log::parties`.
pub(crate) type PartyIx = usize;
/// Index of an actor in `Log::actors`.
pub(crate) type ActorIx = usize;
/// Index of a source in `Log::sources`.
pub type SourceIx = usize;
/// Index of an event in `Log::events` (timeline order).
pub type EventIx = usize;

/// What kind of thing happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Meeting,
    Call,
    Statement,
    Proposal,
    Response,
    Agreement,
    Travel,
    Development,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Meeting,
        Kind::Call,
        Kind::Statement,
        Kind::Proposal,
        Kind::Response,
        Kind::Agreement,
        Kind::Travel,
        Kind::Development,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Meeting => "meeting",
            Kind::Call => "call",
            Kind::Statement => "statement",
            Kind::Proposal => "proposal",
            Kind::Response => "response",
            Kind::Agreement => "agreement",
            Kind::Travel => "travel",
            Kind::Development => "development",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Whether an event happened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    #[default]
    Occurred,
    Expected,
    Cancelled,
    Disputed,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Occurred,
        Status::Expected,
        Status::Cancelled,
        Status::Disputed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Occurred => "occurred",
            Status::Expected => "expected",
            Status::Cancelled => "cancelled",
            Status::Disputed => "disputed",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A colour as a log may give it: `#rrggbb` or a terminal colour name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Color {
    Rgb(u8, u8, u8),
    Named(NamedColor),
}

/// The terminal colour names format 1 accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NamedColor {
    Red,
    Green,
    Yellow,
    Blue,
    Magenta,
    Cyan,
    Gray,
    LightRed,
    LightGreen,
    LightYellow,
    LightBlue,
    LightMagenta,
    LightCyan,
    LightGray,
}

impl NamedColor {
    pub(crate) const ALL: [(&'static str, NamedColor); 14] = [
        ("red", NamedColor::Red),
        ("green", NamedColor::Green),
        ("yellow", NamedColor::Yellow),
        ("blue", NamedColor::Blue),
        ("magenta", NamedColor::Magenta),
        ("cyan", NamedColor::Cyan),
        ("gray", NamedColor::Gray),
        ("light-red", NamedColor::LightRed),
        ("light-green", NamedColor::LightGreen),
        ("light-yellow", NamedColor::LightYellow),
        ("light-blue", NamedColor::LightBlue),
        ("light-magenta", NamedColor::LightMagenta),
        ("light-cyan", NamedColor::LightCyan),
        ("light-gray", NamedColor::LightGray),
    ];
}

impl Color {
    /// Parses `#rrggbb` or a colour name (`light-blue`, also written `lightblue` or `light_blue`).
    pub(crate) fn parse(s: &str) -> Option<Color> {
        if let Some(hex) = s.strip_prefix('#') {
            if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            let c = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
            return Some(Color::Rgb(c(0)?, c(2)?, c(4)?));
        }
        let norm: String = s
            .to_ascii_lowercase()
            .chars()
            .filter(|c| c.is_ascii_alphabetic())
            .collect();
        let norm = if norm == "grey" {
            "gray".into()
        } else {
            norm.replace("grey", "gray")
        };
        NamedColor::ALL
            .iter()
            .find(|(name, _)| name.replace('-', "") == norm)
            .map(|&(_, c)| Color::Named(c))
    }
}

/// Where something was written: which file of the log, which line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Origin {
    /// Index in `Log::files`.
    pub file: usize,
    /// 1-based line.
    pub line: usize,
    /// Its bytes in that file: where an edit of it goes.
    pub span: Span,
}

/// Bytes `start..end` of a file. 32 bits each: a file is refused long before 4 GiB.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// The span of bytes `start..end`, saturated past `u32::MAX`.
    pub fn new(start: usize, end: usize) -> Span {
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span {
            start: narrow(start),
            end: narrow(end),
        }
    }

    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The bytes as a range, to index the file's text with.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A side of the negotiation.
#[derive(Clone, Debug, PartialEq)]
pub struct Party {
    pub id: String,
    pub name: String,
    pub color: Option<Color>,
    pub(crate) origin: Origin,
}

/// A person or organisation.
#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub party: Option<PartyIx>,
    pub(crate) role: Option<String>,
    pub(crate) aliases: Vec<String>,
    pub(crate) origin: Origin,
}

/// A publication quotes come from.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: String,
    pub outlet: String,
    pub(crate) title: Option<String>,
    pub url: Option<String>,
    pub published: Option<Date>,
    pub byline: Vec<String>,
    /// The journalist's own copy of the text, a file beside the log.
    pub(crate) archive: Option<ArchiveRef>,
    pub(crate) origin: Origin,
}

/// Where a source's archive was named in the log, and the path as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ArchiveRef {
    /// Relative to the folder of the log file that names it.
    pub(crate) path: String,
    /// The `archive:` value's place, for messages about the file.
    pub(crate) line: usize,
    pub(crate) col: usize,
}

/// Words someone said, with who said them and where they were published.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// Verbatim, exactly as in the log.
    pub text: String,
    pub speaker: Option<ActorIx>,
    pub attribution: Option<String>,
    /// The parties given on the quote itself, in the order written: the party of an
    /// unnamed speaker, or several for a joint voice.
    pub parties: Vec<PartyIx>,
    /// Its own `source`, else the event's source when the event lists exactly one.
    pub source: Option<SourceIx>,
    pub paraphrase: bool,
    /// The log's author translated the words: never the speaker's own wording.
    pub translated: bool,
    /// (rev. 3) The words as spoken or published, in their own script, beside a
    /// translation; verbatim, checked against the archive as a verbatim quote is.
    pub original: Option<String>,
    /// (rev. 3) The BCP 47 tag of the quote's own words (`original` when there is one).
    pub lang: Option<String>,
    /// Derived: whether the words were found in the source's archive.
    pub verification: Verification,
    /// Where the words are written: the line of `text`, whichever key the quote starts with.
    pub origin: Origin,
}

impl Quote {
    /// Who said it: the quote's own parties, else its speaker's party. The one answer to
    /// "which side said these words", used by every filter, view and export.
    pub fn said_by<'a>(&'a self, log: &'a Log) -> &'a [PartyIx] {
        if self.parties.is_empty() {
            self.speaker
                .and_then(|a| log.actors[a].party.as_ref())
                .map(std::slice::from_ref)
                .unwrap_or_default()
        } else {
            &self.parties
        }
    }
}

/// Something that happened, or was expected to.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub id: String,
    /// The id was derived from date and title, not written in the log.
    pub id_derived: bool,
    pub date: Date,
    pub end: Option<Date>,
    pub date_note: Option<String>,
    pub kind: Kind,
    pub status: Status,
    pub title: String,
    pub summary: Option<String>,
    pub(crate) location: Option<String>,
    pub actors: Vec<ActorIx>,
    /// The parties written on the event: sides involved with no actor named.
    pub named_parties: Vec<PartyIx>,
    pub topics: Vec<String>,
    pub sources: Vec<SourceIx>,
    /// Events this one answers or follows.
    pub related: Vec<EventIx>,
    pub quotes: Vec<Quote>,
    pub origin: Origin,
    /// Derived: events that name this one in their `related` (what answered it).
    pub related_by: Vec<EventIx>,
    /// Derived (`Log::involvement`): the parties the event involves, in log order.
    pub parties: Vec<PartyIx>,
    /// Derived: actors involved, in log order: those taking part and those quoted.
    pub involved: Vec<ActorIx>,
}

/// Indexes by id. Loading hashes every reference of the log: foldhash is several times
/// cheaper than the default SipHash, whose resistance to chosen collisions an id map does
/// not need (a hostile log is bounded by the file-size limit, and the map stays linear).
pub type IdMap<V> = HashMap<String, V, foldhash::fast::RandomState>;

/// A whole validated log (one file, or several merged).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Log {
    /// Display names of the files the log was read from.
    pub files: Vec<String>,
    pub title: Option<String>,
    pub(crate) description: Option<String>,
    /// The reading zone: days, periods and "which day" questions are answered in it.
    pub timezone: super::Tz,
    pub parties: Vec<Party>,
    pub actors: Vec<Actor>,
    pub sources: Vec<Source>,
    /// The text of each source's archive, by `SourceIx` (None without one); shared, since
    /// the browser keeps it across reloads of an unchanged log and archives can be large.
    pub archives: Vec<Option<Arc<Archive>>>,
    /// In timeline order: by start instant, then file order.
    pub events: Vec<Event>,
    pub party_ids: IdMap<PartyIx>,
    pub actor_ids: IdMap<ActorIx>,
    pub source_ids: IdMap<SourceIx>,
    pub event_ids: IdMap<EventIx>,
    /// The files that declare each party and each actor, by index, the first first: a
    /// party declared alike in two files belongs to both. Empty for a log built in code.
    pub(crate) party_files: Vec<Vec<usize>>,
    pub(crate) actor_files: Vec<Vec<usize>>,
    /// A hash of each file's bytes as read (by `Log::files`): a write planned on this log
    /// is refused when a file no longer has them. Empty for a log built in code.
    pub file_hashes: Vec<u64>,
    /// What the load found at each archive path, before reading it: a reload that finds
    /// the files' bytes and these alike has nothing to read. Empty without archives on disk.
    pub(crate) archive_stamps: Vec<crate::archive::Stamped>,
}

impl Log {
    pub fn party(&self, id: &str) -> Option<PartyIx> {
        self.party_ids.get(id).copied()
    }

    pub fn actor(&self, id: &str) -> Option<ActorIx> {
        self.actor_ids.get(id).copied()
    }

    pub fn event(&self, id: &str) -> Option<EventIx> {
        self.event_ids.get(id).copied()
    }

    /// Whether file `fi` declares party `p` (alone or alike with other files).
    pub(crate) fn party_in_file(&self, p: PartyIx, fi: usize) -> bool {
        match self.party_files.get(p) {
            Some(files) => files.contains(&fi),
            None => self.parties[p].origin.file == fi,
        }
    }

    /// Whether file `fi` declares actor `a` (alone or alike with other files).
    pub(crate) fn actor_in_file(&self, a: ActorIx, fi: usize) -> bool {
        match self.actor_files.get(a) {
            Some(files) => files.contains(&fi),
            None => self.actors[a].origin.file == fi,
        }
    }

    /// The parties and actors an event involves, each in log order. Parties: its own
    /// `parties`, its actors' parties, its speakers' parties and its quotes' parties (the one
    /// definition behind the party filter, the lanes, the overview and positions). Actors:
    /// those taking part and those quoted.
    pub(crate) fn involvement(&self, e: &Event) -> (Vec<PartyIx>, Vec<ActorIx>) {
        // Each list sized once: growing them was most of the cost (a load makes them for
        // every event).
        let mut actors: Vec<ActorIx> = Vec::with_capacity(e.actors.len() + e.quotes.len());
        actors.extend_from_slice(&e.actors);
        actors.extend(e.quotes.iter().filter_map(|q| q.speaker));
        actors.sort_unstable();
        actors.dedup();
        let quoted: usize = e.quotes.iter().map(|q| q.parties.len()).sum();
        let mut parties: Vec<PartyIx> =
            Vec::with_capacity(e.named_parties.len() + actors.len() + quoted);
        parties.extend_from_slice(&e.named_parties);
        parties.extend(actors.iter().filter_map(|&a| self.actors[a].party));
        parties.extend(e.quotes.iter().flat_map(|q| q.parties.iter().copied()));
        parties.sort_unstable();
        parties.dedup();
        (parties, actors)
    }

    /// Every topic of the log, once each, in alphabetical order (the topic picker's list).
    pub(crate) fn topics(&self) -> Vec<&str> {
        let all: std::collections::BTreeSet<&str> = self
            .events
            .iter()
            .flat_map(|e| e.topics.iter().map(String::as_str))
            .collect();
        all.into_iter().collect()
    }

    pub fn quote_count(&self) -> usize {
        self.events.iter().map(|e| e.quotes.len()).sum()
    }

    /// The title to show: the log's own, else its file names.
    pub(crate) fn display_title(&self) -> String {
        self.title.clone().unwrap_or_else(|| self.files.join(", "))
    }
}
