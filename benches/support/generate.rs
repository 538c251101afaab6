//! Synthetic event logs in format 1, for benchmarks, tests and anyone who wants to try a
//! big log (`cargo run --release --example gen -- 100000 big.yaml`).
//!
//! The output is YAML text, not a `Log`, so that benchmarks measure the whole load. It is
//! deterministic: the same `(events, seed)` always gives the same bytes (a hand-rolled
//! PRNG, integer arithmetic only). Every id is unique and every reference resolves, every
//! quote has a source, and no text holds control characters: a generated log loads with
//! no error and no warning.
//!
//! What makes it realistic enough to measure: 5-12 parties, `50 + events/200` actors with
//! roles, aliases and parties (a few of them prominent, most rarely seen), one source per
//! eight events, every kind, status and date precision, clocks with several offsets,
//! quotes by named speakers and by unnamed officials, summaries, and Arabic, Hebrew,
//! Chinese, accented Latin and emoji text in a fraction of events. Events are written in
//! roughly chronological order, with some out of place, as a reporter adds them.

// Not part of the installed library: benches include it as `support::generate`, the
// examples and tests with `#[path]`. Each takes part of it.
#![allow(dead_code)]

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use std::collections::VecDeque;
use std::fmt::Write as _;
use std::io::{self, Write};

/// A small deterministic PRNG (splitmix64): no dependency, same numbers on every platform.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5851_f42d_4c95_7f2d)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) % n as u64) as usize
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// In `0..n`, low values much likelier: a few actors are in the news every day.
    pub fn skewed(&mut self, n: usize) -> usize {
        self.below(n) * self.below(n) / n
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// What a generated log holds, for a summary line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub events: usize,
    pub parties: usize,
    pub actors: usize,
    pub sources: usize,
    pub quotes: usize,
    pub bytes: u64,
}

/// A log of `events` events as YAML text.
pub fn generate(events: usize, seed: u64) -> String {
    let mut out = Vec::with_capacity(events * 700 + 64 * 1024);
    write_log(&mut out, events, seed).expect("writing to a Vec cannot fail");
    String::from_utf8(out).expect("the generator writes UTF-8")
}

/// Writes a log of `events` events to `w`, one event at a time: memory stays bounded by
/// the actors and sources, whatever the number of events. Wrap a file in a `BufWriter`.
pub fn write_log<W: Write>(mut w: W, events: usize, seed: u64) -> io::Result<Stats> {
    let mut rng = Rng::new(seed);
    let cast = Cast::new(&mut rng, events);
    let mut stats = Stats {
        events,
        parties: cast.parties.len(),
        actors: cast.actors.len(),
        sources: cast.sources.len(),
        ..Stats::default()
    };
    let mut buf = String::with_capacity(64 * 1024);
    cast.write_head(&mut buf, events, seed);
    stats.bytes += buf.len() as u64;
    w.write_all(buf.as_bytes())?;
    buf.clear();

    let mut timeline = Timeline::new(events);
    for i in 0..events {
        stats.quotes += timeline.write_event(&mut buf, &mut rng, &cast, i);
        // Flush in chunks: few syscalls, bounded memory.
        if buf.len() > 48 * 1024 {
            stats.bytes += buf.len() as u64;
            w.write_all(buf.as_bytes())?;
            buf.clear();
        }
    }
    stats.bytes += buf.len() as u64;
    w.write_all(buf.as_bytes())?;
    w.flush()?;
    Ok(stats)
}

/// Appends `s` as a YAML double-quoted scalar, as the importer writes one: `\`, `"` and
/// everything YAML may not hold raw (controls, line separators, the BOM) escaped, so it
/// reads back byte for byte.
pub use dateline::import::push_quoted;

/// `s` as a YAML double-quoted scalar.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_quoted(&mut out, s);
    out
}

// ---------------------------------------------------------------------------------------
// Vocabulary. Ids are ASCII stems; names may be in any script.

struct PartyDef {
    id: &'static str,
    name: &'static str,
    color: &'static str,
    /// How sources describe an unnamed member: "a senior {demonym} official".
    demonym: &'static str,
}

const PARTIES: [PartyDef; 12] = [
    PartyDef {
        id: "us",
        name: "United States",
        color: "#3b82f6",
        demonym: "US",
    },
    PartyDef {
        id: "israel",
        name: "Israel",
        color: "#0ea5e9",
        demonym: "Israeli",
    },
    PartyDef {
        id: "hamas",
        name: "Hamas",
        color: "green",
        demonym: "Hamas",
    },
    PartyDef {
        id: "qatar",
        name: "Qatar",
        color: "#8a1538",
        demonym: "Qatari",
    },
    PartyDef {
        id: "egypt",
        name: "Egypt",
        color: "#c8102e",
        demonym: "Egyptian",
    },
    PartyDef {
        id: "un",
        name: "United Nations",
        color: "light-blue",
        demonym: "UN",
    },
    PartyDef {
        id: "eu",
        name: "European Union",
        color: "blue",
        demonym: "EU",
    },
    PartyDef {
        id: "pij",
        name: "Palestinian Islamic Jihad",
        color: "gray",
        demonym: "Islamic Jihad",
    },
    PartyDef {
        id: "pa",
        name: "Palestinian Authority",
        color: "light-green",
        demonym: "Palestinian Authority",
    },
    PartyDef {
        id: "jordan",
        name: "Jordan",
        color: "magenta",
        demonym: "Jordanian",
    },
    PartyDef {
        id: "turkey",
        name: "Türkiye",
        color: "red",
        demonym: "Turkish",
    },
    PartyDef {
        id: "saudi",
        name: "Saudi Arabia",
        color: "#006c35",
        demonym: "Saudi",
    },
];

const GIVEN: [(&str, &str); 22] = [
    ("William", "william"),
    ("Antony", "antony"),
    ("Yossi", "yossi"),
    ("Abbas", "abbas"),
    ("Mohammed", "mohammed"),
    ("Ismail", "ismail"),
    ("Sameh", "sameh"),
    ("Brett", "brett"),
    ("Amos", "amos"),
    ("Khalil", "khalil"),
    ("Hélène", "helene"),
    ("José", "jose"),
    ("Søren", "soren"),
    ("Ayşe", "ayse"),
    ("Nadia", "nadia"),
    ("Leïla", "leila"),
    ("Tomáš", "tomas"),
    ("Maren", "maren"),
    ("Ruth", "ruth"),
    ("Omar", "omar"),
    ("Dana", "dana"),
    ("Majed", "majed"),
];

const FAMILY: [(&str, &str); 22] = [
    ("Burns", "burns"),
    ("Barnea", "barnea"),
    ("Kamel", "kamel"),
    ("al-Thani", "al-thani"),
    ("Haniyeh", "haniyeh"),
    ("Shoukry", "shoukry"),
    ("McGurk", "mcgurk"),
    ("Hochstein", "hochstein"),
    ("al-Hayya", "al-hayya"),
    ("Dufour", "dufour"),
    ("García", "garcia"),
    ("Kjær", "kjaer"),
    ("Yılmaz", "yilmaz"),
    ("Haddad", "haddad"),
    ("Mansour", "mansour"),
    ("Novák", "novak"),
    ("Cohen", "cohen"),
    ("Levi", "levi"),
    ("Nasser", "nasser"),
    ("Schäfer", "schafer"),
    ("al-Ansari", "al-ansari"),
    ("Ben-Ami", "ben-ami"),
];

/// Names written in their own script, with the Latin spelling as an alias.
const NATIVE: [(&str, &str, &str); 10] = [
    (
        "محمد بن عبد الرحمن آل ثاني",
        "Mohammed bin Abdulrahman Al Thani",
        "mbar-al-thani",
    ),
    ("عباس كامل", "Abbas Kamel", "abbas-kamel"),
    ("خليل الحية", "Khalil al-Hayya", "khalil-al-hayya"),
    ("سامح شكري", "Sameh Shoukry", "sameh-shoukry"),
    ("דוד ברנע", "David Barnea", "david-barnea"),
    ("ניצן אלון", "Nitzan Alon", "nitzan-alon"),
    ("גל הירש", "Gal Hirsch", "gal-hirsch"),
    ("王毅", "Wang Yi", "wang-yi"),
    ("翟隽", "Zhai Jun", "zhai-jun"),
    (
        "Ελένη Παπαδοπούλου",
        "Eleni Papadopoulou",
        "eleni-papadopoulou",
    ),
];

/// Organisations that act and speak as one.
const ORGS: [(&str, &str); 6] = [
    ("Hamas political bureau", "hamas-politburo"),
    ("Egyptian General Intelligence Service", "egis"),
    ("Israeli Prime Minister's Office", "pmo"),
    ("Qatari Ministry of Foreign Affairs", "qatar-mofa"),
    ("International Committee of the Red Cross", "icrc"),
    ("Hostages and Missing Families Forum", "families-forum"),
];

const ROLES: [&str; 16] = [
    "CIA director",
    "Mossad director",
    "prime minister",
    "foreign minister",
    "spokesperson",
    "chief negotiator",
    "intelligence chief",
    "special envoy",
    "senior official",
    "mediator",
    "head of delegation",
    "political bureau chief",
    "national security adviser",
    "ambassador",
    "defence minister",
    "deputy foreign minister",
];

const OUTLETS: [(&str, &str); 18] = [
    ("Reuters", "reuters"),
    ("Associated Press", "ap"),
    ("Axios", "axios"),
    ("Al Jazeera", "aljazeera"),
    ("Haaretz", "haaretz"),
    ("The Times of Israel", "toi"),
    ("Asharq Al-Awsat", "asharq"),
    ("الأهرام", "ahram"),
    ("ידיעות אחרונות", "yedioth"),
    ("新华社", "xinhua"),
    ("Le Monde", "lemonde"),
    ("Süddeutsche Zeitung", "sz"),
    ("Agence France-Presse", "afp"),
    ("The New York Times", "nyt"),
    ("Kan News", "kan"),
    ("القدس العربي", "alquds"),
    ("El País", "elpais"),
    ("Ελληνική Ραδιοφωνία", "ert"),
];

const REPORTERS: [&str; 14] = [
    "Barak Ravid",
    "Ahmed Mohamed Hassan",
    "Nidal al-Mughrabi",
    "Samia Nakhoul",
    "Maayan Lubell",
    "Jonathan Saul",
    "Clotilde Mraffko",
    "Najib Jobain",
    "Tia Goldenberg",
    "Mohamed Wali",
    "أحمد محمد",
    "נועה לנדאו",
    "李静",
    "Zoë Fernández",
];

const LOCATIONS: [&str; 19] = [
    "Cairo",
    "Doha",
    "Jerusalem",
    "Tel Aviv",
    "Gaza City",
    "Rafah",
    "Khan Younis",
    "Washington",
    "Paris",
    "Amman",
    "Beirut",
    "Istanbul",
    "Riyadh",
    "Genève",
    "Montréal",
    "Sharm el-Sheikh",
    "Ramallah",
    "Kerem Shalom",
    "Muscat",
];

/// Place names as some sources write them, in their own script.
const LOCATIONS_NATIVE: [&str; 5] = ["القاهرة", "الدوحة", "ירושלים", "תל אביב", "北京"];

/// Found in about one event in a thousand: the "rare word" of the search benchmarks.
pub const RARE_WORD: &str = "Nicosia";
/// In most events' topics or text: the "common word" of the search benchmarks.
pub const COMMON_WORD: &str = "ceasefire";
/// In no generated event.
pub const ABSENT_WORD: &str = "xylophone";

const TOPICS: [&str; 18] = [
    "ceasefire",
    "hostages",
    "prisoners",
    "aid",
    "rafah",
    "withdrawal",
    "guarantees",
    "crossings",
    "reconstruction",
    "fuel",
    "return",
    "security",
    "corridor",
    "governance",
    "sanctions",
    "medical",
    "truce",
    "exchange",
];

const DATE_NOTES: [&str; 7] = [
    "this weekend",
    "according to two officials",
    "as reported the next day",
    "time approximate",
    "overnight",
    "date given by one source only",
    "around midday, local time",
];

const SENTENCES: [&str; 16] = [
    "Talks focused on the sequencing of a {topic} arrangement.",
    "Officials from {party} described the discussions as serious but difficult.",
    "The meeting in {loc} lasted several hours and ended without a statement.",
    "Mediators pressed both sides to narrow the gaps on {topic}.",
    "{a} briefed reporters afterwards on the state of the {topic} file.",
    "A draft text circulated among the delegations, according to people familiar with it.",
    "The {party} side said it needed more time to study the terms.",
    "Diplomats in {loc} said a new round could begin within days.",
    "The proposal links {topic} to a phased release of hostages.",
    "No agreement was reached on the question of guarantees.",
    "Pressure grew after reports of strikes near {loc}.",
    "Egyptian and Qatari mediators shuttled between the delegations.",
    "The talks were described as \"constructive\" by one participant.",
    "Families of the hostages gathered outside the venue in {loc}.",
    "Aid deliveries through the crossings remained far below what agencies say is needed.",
    "{a} said the gaps were \"still wide\" on {topic}.",
];

/// Summaries that keep a line of the original reporting.
const SENTENCES_NATIVE: [&str; 4] = [
    "Les médiateurs ont évoqué une « fenêtre étroite » pour un accord.",
    "وقال مسؤولون إن المحادثات ستستأنف الأسبوع المقبل.",
    "גורם ישראלי אמר כי יש התקדמות מסוימת.",
    "各方同意继续在{loc}进行磋商。",
];

const QUOTES: [&str; 16] = [
    "We are determined to secure an agreement that ends the war.",
    "There has been some progress, but there is still work to do on {topic}.",
    "We will not accept any deal that does not guarantee {topic}.",
    "The ball is now in {party}'s court.",
    "We are studying the proposal in a positive spirit.",
    "Any operation in {loc} would be a catastrophe for civilians.",
    "I'm not going to negotiate in public.",
    "The gaps are narrowing, and we believe a deal is within reach.",
    "Our position has not changed: a complete ceasefire first.",
    "We call this what it is: a \"last chance\" for the talks.",
    "Nothing is agreed until everything is agreed.",
    "We have made a generous offer on {topic}, and we expect an answer.",
    "The families cannot wait any longer.",
    "It is too early to speak of a breakthrough.",
    "They asked for more time, and we gave it.",
    "This is a path to a sustainable calm, not just a pause.",
];

/// Quotes in the speaker's language, and a post with an emoji joiner sequence.
const QUOTES_NATIVE: [&str; 6] = [
    "نحن ندرس المقترح بروح إيجابية.",
    "לא נסכים להפסקת אש ללא שחרור החטופים.",
    "我们呼吁各方保持克制。",
    "Nous restons prudemment optimistes.",
    "Bring them home now 👨\u{200d}👩\u{200d}👧\u{200d}👦",
    "Estamos más cerca que nunca, pero aún no hay acuerdo.",
];

const ATTRIBUTIONS: [&str; 5] = [
    "a senior {dem} official",
    "a {dem} source familiar with the talks",
    "{dem} officials speaking on condition of anonymity",
    "a statement from the {dem} side",
    "a {dem} diplomat briefed on the negotiations",
];

const SETTINGS: [&str; 5] = [
    "in a televised address",
    "speaking to reporters",
    "in a post on X",
    "at a news conference",
    "in an interview",
];

// ---------------------------------------------------------------------------------------

struct ActorDef {
    id: String,
    name: String,
    party: Option<usize>,
    role: Option<&'static str>,
    aliases: Vec<String>,
}

struct SourceDef {
    id: String,
    outlet: &'static str,
    title: String,
    url: Option<String>,
    published: String,
    byline: Vec<&'static str>,
}

/// Everything written before the events: parties, actors, sources, and the time span.
struct Cast {
    parties: &'static [PartyDef],
    actors: Vec<ActorDef>,
    sources: Vec<SourceDef>,
    /// First minute of the timeline.
    start: NaiveDateTime,
    /// Minutes the timeline spans.
    span: i64,
}

impl Cast {
    fn new(rng: &mut Rng, events: usize) -> Cast {
        let parties = &PARTIES[..5 + rng.below(8)];
        // A year per 2,000 events, between one and thirty.
        let years = (events / 2000).clamp(1, 30) as i32;
        let start = NaiveDate::from_ymd_opt(2025 - years, 1, 1)
            .expect("valid date")
            .and_hms_opt(0, 0, 0)
            .expect("valid time");
        let span = i64::from(years) * 365 * 24 * 60;

        let mut actors = Vec::new();
        for n in 0..50 + events / 200 {
            let party = if rng.chance(85) {
                Some(rng.skewed(parties.len()))
            } else {
                None
            };
            let (name, stem, mut aliases) = match rng.below(100) {
                0..=9 => {
                    let (native, latin, stem) = rng.pick(&NATIVE);
                    (native.to_owned(), stem.to_owned(), vec![latin.to_owned()])
                }
                10..=14 => {
                    let (name, stem) = rng.pick(&ORGS);
                    (name.to_owned(), stem.to_owned(), Vec::new())
                }
                _ => {
                    let (g, gs) = rng.pick(&GIVEN);
                    let (f, fs) = rng.pick(&FAMILY);
                    (format!("{g} {f}"), format!("{gs}-{fs}"), Vec::new())
                }
            };
            if aliases.is_empty() && rng.chance(20) {
                // How some sources shorten the name: "W. Burns".
                if let Some((first, rest)) = name.split_once(' ') {
                    let initial = first.chars().next().unwrap_or('?');
                    aliases.push(format!("{initial}. {rest}"));
                }
            }
            let role = if rng.chance(85) {
                Some(rng.pick(&ROLES))
            } else {
                None
            };
            actors.push(ActorDef {
                // The index keeps ids unique however often a name repeats.
                id: format!("{stem}-{n}"),
                name,
                party,
                role,
                aliases,
            });
        }

        let count = 10 + events / 8;
        let mut sources = Vec::with_capacity(count);
        for j in 0..count {
            let (outlet, slug) = rng.pick(&OUTLETS);
            let at = start + Duration::minutes(span * j as i64 / count as i64);
            let day = at.date();
            let p = &parties[rng.below(parties.len())];
            let title = match rng.below(4) {
                0 => format!("{} weighs new {} proposal", p.name, rng.pick(&TOPICS)),
                1 => format!(
                    "Talks in {} resume amid pressure over {}",
                    rng.pick(&LOCATIONS),
                    rng.pick(&TOPICS)
                ),
                2 => format!("Mediators see narrow window for {} deal", rng.pick(&TOPICS)),
                _ => format!("{} delegation heads to {}", p.demonym, rng.pick(&LOCATIONS)),
            };
            let id = format!("{slug}-{}-{j}", day.format("%Y-%m-%d"));
            let url = rng
                .chance(85)
                .then(|| format!("https://example.org/{slug}/{}/{id}", day.format("%Y/%m/%d")));
            let published = if rng.chance(30) {
                When::timed(at + Duration::minutes(rng.below(1440) as i64), rng).written()
            } else {
                day.format("%Y-%m-%d").to_string()
            };
            let byline = (0..rng.below(3))
                .map(|_| rng.pick(&REPORTERS))
                .collect::<Vec<_>>();
            let mut byline_unique: Vec<&'static str> = Vec::new();
            for b in byline {
                if !byline_unique.contains(&b) {
                    byline_unique.push(b);
                }
            }
            sources.push(SourceDef {
                id,
                outlet,
                title,
                url,
                published,
                byline: byline_unique,
            });
        }
        Cast {
            parties,
            actors,
            sources,
            start,
            span,
        }
    }

    fn write_head(&self, out: &mut String, events: usize, seed: u64) {
        out.push_str("dateline: 1\ntitle: ");
        push_quoted(out, &format!("Synthetic negotiation log, {events} events"));
        out.push_str("\ndescription: ");
        push_quoted(
            out,
            &format!(
                "Generated by dateline::generate with seed {seed}.\nNot real reporting: names, quotes and sources are invented."
            ),
        );
        let _ = write!(out, "\nx-generator: {{events: {events}, seed: {seed}}}\n");
        out.push_str("parties:\n");
        for p in self.parties {
            let _ = writeln!(out, "  - id: {}", p.id);
            out.push_str("    name: ");
            push_quoted(out, p.name);
            out.push_str("\n    color: ");
            push_quoted(out, p.color);
            out.push('\n');
        }
        out.push_str("actors:\n");
        for a in &self.actors {
            let _ = writeln!(out, "  - id: {}", a.id);
            out.push_str("    name: ");
            push_quoted(out, &a.name);
            out.push('\n');
            if let Some(p) = a.party {
                let _ = writeln!(out, "    party: {}", self.parties[p].id);
            }
            if let Some(r) = a.role {
                out.push_str("    role: ");
                push_quoted(out, r);
                out.push('\n');
            }
            if !a.aliases.is_empty() {
                out.push_str("    aliases: ");
                push_list(out, a.aliases.iter().map(String::as_str), true);
                out.push('\n');
            }
        }
        out.push_str("sources:\n");
        for s in &self.sources {
            let _ = writeln!(out, "  - id: {}", s.id);
            out.push_str("    outlet: ");
            push_quoted(out, s.outlet);
            out.push_str("\n    title: ");
            push_quoted(out, &s.title);
            out.push('\n');
            if let Some(u) = &s.url {
                let _ = writeln!(out, "    url: {u}");
            }
            let _ = writeln!(out, "    published: {}", s.published);
            if !s.byline.is_empty() {
                out.push_str("    byline: ");
                push_list(out, s.byline.iter().copied(), true);
                out.push('\n');
            }
        }
        out.push_str(if events == 0 {
            "events: []\n"
        } else {
            "events:\n"
        });
    }
}

/// `[a, b]`, each item quoted or (for ids and tags) plain.
fn push_list<'a>(out: &mut String, items: impl Iterator<Item = &'a str>, quote: bool) {
    out.push('[');
    for (i, s) in items.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if quote {
            push_quoted(out, s);
        } else {
            out.push_str(s);
        }
    }
    out.push(']');
}

/// A date as a reporter would write it, at some precision, on some clock.
#[derive(Clone, Copy)]
struct When {
    precision: Prec,
    /// UTC instant.
    utc: NaiveDateTime,
    /// Minutes east of UTC, for times.
    offset: i32,
    /// Written as `Z` rather than `+00:00`.
    zulu: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Prec {
    Year,
    Month,
    Day,
    Minute,
    Second,
}

/// Offsets the sources report times in (minutes east of UTC).
const OFFSETS: [i32; 9] = [0, 120, 180, 60, -240, -300, 330, 480, 0];

impl When {
    fn timed(utc: NaiveDateTime, rng: &mut Rng) -> When {
        let i = rng.below(OFFSETS.len());
        When {
            precision: if rng.chance(20) {
                Prec::Second
            } else {
                Prec::Minute
            },
            utc,
            offset: OFFSETS[i],
            zulu: i == 0,
        }
    }

    fn local(&self) -> NaiveDateTime {
        match self.precision {
            Prec::Minute | Prec::Second => self.utc + Duration::minutes(self.offset.into()),
            _ => self.utc,
        }
    }

    fn written(&self) -> String {
        let l = self.local();
        match self.precision {
            Prec::Year => format!("{}", l.year()),
            Prec::Month => l.format("%Y-%m").to_string(),
            Prec::Day => l.format("%Y-%m-%d").to_string(),
            Prec::Minute | Prec::Second => {
                let mut s = if self.precision == Prec::Second {
                    l.format("%Y-%m-%dT%H:%M:%S").to_string()
                } else {
                    l.format("%Y-%m-%dT%H:%M").to_string()
                };
                if self.zulu {
                    s.push('Z');
                } else {
                    let sign = if self.offset < 0 { '-' } else { '+' };
                    let m = self.offset.abs();
                    let _ = write!(s, "{sign}{:02}:{:02}", m / 60, m % 60);
                }
                s
            }
        }
    }

    /// A later date at the same precision and on the same clock: an `end`.
    fn later(&self, rng: &mut Rng) -> When {
        let l = self.local();
        let utc = match self.precision {
            Prec::Year => first_of(l.year() + 1, 1),
            Prec::Month => {
                let (y, m) = (l.year(), l.month());
                if m == 12 {
                    first_of(y + 1, 1)
                } else {
                    first_of(y, m + 1)
                }
            }
            Prec::Day => self.utc + Duration::days(1 + rng.below(3) as i64),
            Prec::Minute | Prec::Second => {
                self.utc + Duration::minutes(30 + rng.below(6 * 60) as i64)
            }
        };
        When { utc, ..*self }
    }
}

fn first_of(year: i32, month: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(year, month, 1)
        .expect("valid date")
        .and_hms_opt(0, 0, 0)
        .expect("valid time")
}

const KINDS: [(&str, usize); 8] = [
    ("meeting", 20),
    ("call", 12),
    ("statement", 22),
    ("proposal", 8),
    ("response", 8),
    ("agreement", 4),
    ("travel", 12),
    ("development", 14),
];

/// The clock of the events and the ids recent events can be related to.
struct Timeline {
    /// Minutes since `Cast::start`.
    clock: i64,
    /// Mean minutes between events.
    gap: i64,
    /// Ids of recent events that have one written, for `related`.
    recent: VecDeque<String>,
}

impl Timeline {
    fn new(events: usize) -> Timeline {
        Timeline {
            clock: 0,
            gap: 1,
            recent: VecDeque::with_capacity(256),
        }
        .with_events(events)
    }

    fn with_events(mut self, events: usize) -> Timeline {
        let years = (events / 2000).clamp(1, 30) as i64;
        // The steps below average 0.89 gaps; 1.1 stretches them over the whole span.
        self.gap = (years * 365 * 24 * 60 * 11 / 10 / events.max(1) as i64).max(1);
        self
    }

    /// Writes event `i`; returns how many quotes it has.
    fn write_event(&mut self, out: &mut String, rng: &mut Rng, cast: &Cast, i: usize) -> usize {
        // Bursts of activity and quiet spells; the mean gap keeps the span.
        self.clock += match rng.below(10) {
            0..=2 => rng.below((self.gap / 4).max(1) as usize) as i64,
            3..=8 => rng.below(self.gap as usize * 2 + 1) as i64,
            _ => rng.below(self.gap as usize * 5 + 1) as i64,
        };
        let mut minute = self.clock.min(cast.span - 1);
        // Some events are added late, out of place.
        if rng.chance(8) {
            minute = (minute - rng.below(3 * 24 * 60) as i64).max(0);
        }
        let utc = cast.start + Duration::minutes(minute);
        let when = match rng.below(100) {
            0..=1 => When {
                precision: Prec::Year,
                utc: first_of(utc.year(), 1),
                offset: 0,
                zulu: false,
            },
            2..=7 => When {
                precision: Prec::Month,
                utc: first_of(utc.year(), utc.month()),
                offset: 0,
                zulu: false,
            },
            8..=49 => When {
                precision: Prec::Day,
                utc: utc.date().and_hms_opt(0, 0, 0).expect("midnight"),
                offset: 0,
                zulu: false,
            },
            _ => When::timed(utc, rng),
        };

        let mut roll = rng.below(100);
        let kind = KINDS
            .iter()
            .find(|(_, w)| {
                let hit = roll < *w;
                roll = roll.saturating_sub(*w);
                hit
            })
            .map_or("development", |(k, _)| k);
        let status = match rng.below(100) {
            0..=77 => None,
            78..=89 => Some("expected"),
            90..=94 => Some("cancelled"),
            _ => Some("disputed"),
        };

        let n_actors = if rng.chance(10) { 0 } else { 1 + rng.below(3) };
        let mut actors: Vec<usize> = Vec::with_capacity(n_actors);
        for _ in 0..n_actors {
            let a = rng.skewed(cast.actors.len());
            if !actors.contains(&a) {
                actors.push(a);
            }
        }
        let loc = match rng.below(1000) {
            0 => RARE_WORD,
            1..=50 => rng.pick(&LOCATIONS_NATIVE),
            _ => rng.pick(&LOCATIONS),
        };
        // "ceasefire" is in the news far more than any other topic.
        let topic = if rng.chance(40) {
            TOPICS[0]
        } else {
            rng.pick(&TOPICS)
        };
        let party = &cast.parties[rng.skewed(cast.parties.len())];
        let other = &cast.parties[rng.below(cast.parties.len())];
        let a_name = actors.first().map_or(party.name, |&a| &cast.actors[a].name);
        let b_name = actors.get(1).map_or(other.name, |&a| &cast.actors[a].name);
        let fill = |t: &str| {
            t.replace("{a}", a_name)
                .replace("{b}", b_name)
                .replace("{party}", party.name)
                .replace("{other}", other.name)
                .replace("{loc}", loc)
                .replace("{topic}", topic)
        };
        let titles: &[&str] = match kind {
            "meeting" => &[
                "{a} meets {b} in {loc}",
                "{a} and {b} hold talks on {topic}",
                "Mediators convene {party} and {other} delegations in {loc}",
            ],
            "call" => &[
                "{a} speaks by phone with {b}",
                "{a} calls {b} about {topic}",
            ],
            "statement" => &[
                "{party} says it is studying the {topic} proposal",
                "{a} says talks on {topic} are at a critical stage",
                "{a} warns against an operation in {loc}",
            ],
            "proposal" => &[
                "{party} submits a new {topic} proposal",
                "{a} presents a framework on {topic}",
            ],
            "response" => &[
                "{party} responds to the {other} proposal",
                "{a} rejects the terms on {topic}",
            ],
            "agreement" => &[
                "{party} and {other} agree on {topic}",
                "Deal reached on the first phase of {topic}",
            ],
            "travel" => &[
                "{a} travels to {loc}",
                "{a} arrives in {loc}",
                "{party} delegation heads to {loc}",
            ],
            _ => &[
                "Fighting escalates near {loc}",
                "Talks on {topic} stall",
                "Crossing at {loc} reopens",
            ],
        };
        let template = rng.pick(titles);
        let title = fill(template);

        if rng.chance(95) {
            let stem = actors.first().map_or(kind, |&a| cast.actors[a].id.as_str());
            let id = format!("{kind}-{stem}-{i}");
            let _ = writeln!(out, "  - id: {id}");
            if self.recent.len() == 256 {
                self.recent.pop_front();
            }
            self.recent.push_back(id);
            out.push_str("    date: ");
        } else {
            // No id: the loader derives one from date and title.
            out.push_str("  - date: ");
        }
        if when.precision != Prec::Year && rng.chance(10) {
            let _ = writeln!(out, "\"{}\"", when.written());
        } else {
            let _ = writeln!(out, "{}", when.written());
        }
        if rng.chance(8) {
            let _ = writeln!(out, "    end: {}", when.later(rng).written());
        }
        if rng.chance(10) {
            out.push_str("    date_note: ");
            match when.precision {
                Prec::Month => {
                    let third = rng.pick(&["early", "mid-", "late"]);
                    let month = when.local().format("%B").to_string();
                    let sep = if third.ends_with('-') { "" } else { " " };
                    push_quoted(out, &format!("{third}{sep}{month}"));
                }
                Prec::Year => push_quoted(out, "earlier this year"),
                _ => push_quoted(out, rng.pick(&DATE_NOTES)),
            }
            out.push('\n');
        }
        let _ = writeln!(out, "    kind: {kind}");
        if let Some(s) = status {
            let _ = writeln!(out, "    status: {s}");
        }
        out.push_str("    title: ");
        push_quoted(out, &title);
        out.push('\n');
        if rng.chance(75) {
            let n = 1 + rng.below(3);
            let mut picked: Vec<&str> = Vec::with_capacity(n);
            for _ in 0..n {
                let s = if rng.chance(4) {
                    rng.pick(&SENTENCES_NATIVE)
                } else {
                    rng.pick(&SENTENCES)
                };
                if !picked.contains(&s) {
                    picked.push(s);
                }
            }
            let sentences: Vec<String> = picked.into_iter().map(fill).collect();
            if rng.chance(5) {
                // A literal block, as a writer types a longer note.
                out.push_str("    summary: |\n");
                for s in &sentences {
                    let _ = writeln!(out, "      {s}");
                }
            } else {
                out.push_str("    summary: ");
                push_quoted(out, &sentences.join(if rng.chance(5) { "\n" } else { " " }));
                out.push('\n');
            }
        }
        if rng.chance(70) {
            out.push_str("    location: ");
            push_quoted(out, loc);
            out.push('\n');
        }
        if !actors.is_empty() {
            out.push_str("    actors: ");
            push_list(
                out,
                actors.iter().map(|&a| cast.actors[a].id.as_str()),
                false,
            );
            out.push('\n');
        }
        if rng.chance(80) {
            let mut topics = vec![topic];
            for _ in 0..rng.below(3) {
                let t = rng.pick(&TOPICS);
                if !topics.contains(&t) {
                    topics.push(t);
                }
            }
            out.push_str("    topics: ");
            push_list(out, topics.into_iter(), false);
            out.push('\n');
        }

        let n_quotes = match rng.below(100) {
            0..=44 => 0,
            45..=79 => 1,
            80..=94 => 2,
            _ => 3,
        };
        // Sources published around the event; every quote cites one of them. Every event
        // has one (a log without is warned of); the draws are those of earlier versions, so
        // a seed gives the same events as before.
        let mut sources: Vec<usize> = Vec::new();
        let n = cast.sources.len();
        let near = (minute as usize).saturating_mul(n) / cast.span as usize;
        if n_quotes > 0 || rng.chance(50) {
            for _ in 0..1 + rng.below(2) {
                let s = (near + rng.below(3)).min(n - 1);
                if !sources.contains(&s) {
                    sources.push(s);
                }
            }
        } else {
            sources.push(near.min(n - 1));
        }
        out.push_str("    sources: ");
        push_list(
            out,
            sources.iter().map(|&s| cast.sources[s].id.as_str()),
            false,
        );
        out.push('\n');
        if rng.chance(15) && self.recent.len() > 1 {
            // Earlier events this one answers (never itself: the last pushed is skipped).
            let mut related: Vec<&str> = Vec::new();
            for _ in 0..1 + rng.below(2) {
                let back = 2 + rng.below(self.recent.len().min(40) - 1);
                let id = self.recent[self.recent.len() - back.min(self.recent.len())].as_str();
                if !related.contains(&id) {
                    related.push(id);
                }
            }
            out.push_str("    related: ");
            push_list(out, related.into_iter(), false);
            out.push('\n');
        }
        if rng.chance(3) {
            out.push_str("    x-desk-ref: ");
            push_quoted(out, &format!("C:\\archive\\{}\\{i}.doc", when.utc.year()));
            out.push('\n');
        }
        if n_quotes > 0 {
            out.push_str("    quotes:\n");
        }
        for _ in 0..n_quotes {
            out.push_str("      - text: ");
            let text = if rng.chance(6) {
                rng.pick(&QUOTES_NATIVE)
            } else {
                rng.pick(&QUOTES)
            };
            push_quoted(out, &fill(text));
            out.push('\n');
            let who = rng.below(100);
            if !(55..85).contains(&who) {
                let a = if actors.is_empty() {
                    rng.skewed(cast.actors.len())
                } else {
                    rng.pick(&actors)
                };
                let _ = writeln!(out, "        speaker: {}", cast.actors[a].id);
            }
            if who >= 55 {
                out.push_str("        attribution: ");
                if who < 85 {
                    let p = rng.below(cast.parties.len());
                    let text = rng
                        .pick(&ATTRIBUTIONS)
                        .replace("{dem}", cast.parties[p].demonym);
                    push_quoted(out, &text);
                    if rng.chance(85) {
                        let _ = write!(out, "\n        party: {}", cast.parties[p].id);
                    }
                } else {
                    push_quoted(out, rng.pick(&SETTINGS));
                }
                out.push('\n');
            }
            let s = rng.pick(&sources);
            let _ = writeln!(out, "        source: {}", cast.sources[s].id);
            if rng.chance(15) {
                out.push_str("        paraphrase: true\n");
            }
        }
        n_quotes
    }
}

/// A generated log's `text` cut into `files` files in `dir`, as a directory log: the
/// parties, actors and sources in the first, the events in equal runs, every file with the
/// log's top-level `timezone:` line (its reading zone). The files' paths, in name order.
pub fn split_into(dir: &std::path::Path, text: &str, files: usize) -> Vec<std::path::PathBuf> {
    let at = text.find("\nevents:\n").expect("the events section") + 1;
    let (head, body) = text.split_at(at);
    let body = &body["events:\n".len()..];
    let shared: String = head
        .lines()
        .filter(|l| l.starts_with("timezone:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let mut starts: Vec<usize> = body.match_indices("\n  - ").map(|(i, _)| i + 1).collect();
    starts.insert(0, 0);
    let per = starts.len().div_ceil(files);
    let mut paths = Vec::with_capacity(files);
    for f in 0..files {
        let from = starts.get(f * per).copied().unwrap_or(body.len());
        let to = starts.get((f + 1) * per).copied().unwrap_or(body.len());
        let mut file = if f == 0 {
            head.to_string()
        } else {
            shared.clone()
        };
        file.push_str("events:\n");
        if from == to {
            file.push_str("  []\n");
        }
        file.push_str(&body[from..to]);
        let path = dir.join(format!("part-{f:03}.yaml"));
        std::fs::write(&path, file).expect("write a file of the log");
        paths.push(path);
    }
    paths
}
