//! Properties of the loader: it never panics, whatever it is given (bytes, YAML-shaped
//! documents of format keys and odd scalars, valid logs with lines broken), and every log
//! it accepts holds the invariants the rest of dateline relies on.

use dateline::load::{Limits, load_bytes, load_str};
use dateline::model::Log;
use proptest::prelude::*;
use proptest::test_runner::Config;
use std::collections::{BTreeSet, HashSet};

fn config(cases: u32) -> Config {
    Config {
        cases,
        // Failures are reproduced from the printed seed; no files written in the tree.
        failure_persistence: None,
        ..Config::default()
    }
}

/// Loads and ignores the outcome: only a panic fails.
fn load_any(bytes: &[u8]) {
    let _ = load_bytes("fuzz.yaml", bytes, &Limits::default());
}

// ---------------------------------------------------------------- YAML-shaped documents

const TOP_KEYS: &[&str] = &[
    "dateline",
    "title",
    "description",
    "parties",
    "actors",
    "sources",
    "events",
];
const ENTITY_KEYS: &[&str] = &[
    "id",
    "name",
    "color",
    "party",
    "role",
    "aliases",
    "outlet",
    "title",
    "url",
    "published",
    "byline",
    "date",
    "end",
    "date_note",
    "kind",
    "status",
    "summary",
    "location",
    "actors",
    "topics",
    "sources",
    "related",
    "quotes",
    "text",
    "speaker",
    "attribution",
    "paraphrase",
    "source",
    "x-note",
    "titel",
    "Date",
];

/// A YAML-ish tree: scalars with a quoting style, lists and mappings, each block or flow.
#[derive(Clone, Debug)]
pub(crate) enum Y {
    Scalar(String, u8),
    List(Vec<Y>, bool),
    Map(Vec<(String, Y)>, bool),
}

fn scalar_text() -> impl Strategy<Value = String> {
    prop_oneof![
        // Dates of every form, good and bad.
        3 => "(19|20)[0-9]{2}(-[01][0-9](-[0-3][0-9](T[0-2][0-9]:[0-5][0-9](:[0-5][0-9])?(Z|[+-][01][0-9]:[0-5][0-9])?)?)?)?",
        1 => "[0-9]{1,6}",
        // Ids, the ids the other scalars use, and near misses.
        2 => "[a-z0-9][a-z0-9_-]{0,8}",
        2 => prop::sample::select(vec!["us", "hamas", "burns", "talks", "Hamas", "hamaz", "-x"])
            .prop_map(str::to_string),
        1 => prop::sample::select(ENTITY_KEYS).prop_map(str::to_string),
        2 => prop::sample::select(vec![
            "meeting", "call", "meting", "expected", "true", "false", "yes", "~", "null", "",
            "#3b82f6", "light-blue", "purple", "1", "2", "&a", "*a", "- x", "a: b", "[", "{",
        ])
        .prop_map(str::to_string),
        // Text of every script, and control characters.
        2 => "[a-zA-Z \u{e9}\u{4f1a}\u{8c08}\u{062d}\u{0645}\u{05e9}\u{1f600}\u{200d}\u{202e}\u{2066}\u{1b}\u{7}\u{0}\u{85}\u{9b}\t\n\r\"'\\\\:#]{0,24}",
        1 => any::<String>(),
    ]
}

fn leaf() -> impl Strategy<Value = Y> {
    // Mostly well quoted, so that most documents get past the parser into validation.
    let style = prop_oneof![1 => Just(0u8), 3 => Just(1), 1 => Just(2), 6 => Just(3)];
    (scalar_text(), style).prop_map(|(t, s)| Y::Scalar(t, s))
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(ENTITY_KEYS).prop_map(str::to_string),
        1 => prop::sample::select(TOP_KEYS).prop_map(str::to_string),
        1 => scalar_text(),
    ]
}

fn tree() -> impl Strategy<Value = Y> {
    leaf().prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            (prop::collection::vec(inner.clone(), 0..6), any::<bool>())
                .prop_map(|(v, f)| Y::List(v, f)),
            (prop::collection::vec((key(), inner), 0..6), any::<bool>())
                .prop_map(|(v, f)| Y::Map(v, f)),
        ]
    })
}

/// A mapping of format keys: an event, a party, a quote, or a mix.
fn entity() -> impl Strategy<Value = Y> {
    let value = prop_oneof![
        4 => leaf(),
        1 => (prop::collection::vec(leaf(), 0..4), any::<bool>()).prop_map(|(v, f)| Y::List(v, f)),
        1 => tree(),
    ];
    (prop::collection::vec((key(), value), 0..10), any::<bool>()).prop_map(|(v, f)| Y::Map(v, f))
}

pub(crate) fn document() -> impl Strategy<Value = Y> {
    let section = prop_oneof![
        3 => (prop::collection::vec(entity(), 0..5), any::<bool>()).prop_map(|(v, f)| Y::List(v, f)),
        1 => tree(),
    ];
    prop_oneof![
        8 => prop::collection::vec((prop::sample::select(TOP_KEYS).prop_map(str::to_string), section), 0..7)
            .prop_map(|v| Y::Map(v, false)),
        1 => tree(),
    ]
}

fn double_quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || (0x7f..=0x9f).contains(&(c as u32)) => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            '\u{feff}' => out.push_str("\\ufeff"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn scalar(text: &str, style: u8) -> String {
    let plain_safe = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || " -_.+:/".contains(c))
        && !text.starts_with([' ', '-', ':'])
        && !text.ends_with([' ', ':'])
        && !text.contains(": ");
    match style {
        // Raw: may well break the YAML, which is the point.
        0 => text.to_string(),
        1 => double_quoted(text),
        // Single quotes cannot escape control characters.
        2 if !text.chars().any(char::is_control) => format!("'{}'", text.replace('\'', "''")),
        2 => double_quoted(text),
        _ if plain_safe => text.to_string(),
        _ => double_quoted(text),
    }
}

pub(crate) fn flow(y: &Y) -> String {
    match y {
        Y::Scalar(t, s) => scalar(t, *s),
        Y::List(items, _) => format!(
            "[{}]",
            items.iter().map(flow).collect::<Vec<_>>().join(", ")
        ),
        Y::Map(pairs, _) => format!(
            "{{{}}}",
            pairs
                .iter()
                .map(|(k, v)| format!("{}: {}", scalar(k, 3), flow(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Renders `y` as the value after `key: ` or `- ` at `indent`.
fn block(y: &Y, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match y {
        Y::List(items, false) if !items.is_empty() => {
            out.push('\n');
            for item in items {
                out.push_str(&format!("{pad}- "));
                block(item, indent + 2, out);
            }
        }
        Y::Map(pairs, false) if !pairs.is_empty() => {
            out.push('\n');
            for (k, v) in pairs {
                out.push_str(&format!("{pad}{}: ", scalar(k, 3)));
                block(v, indent + 2, out);
            }
        }
        other => {
            out.push_str(&flow(other));
            out.push('\n');
        }
    }
}

pub(crate) fn render(doc: &Y) -> String {
    match doc {
        Y::Map(pairs, false) => {
            let mut out = String::new();
            for (k, v) in pairs {
                out.push_str(&format!("{}: ", scalar(k, 3)));
                block(v, 2, &mut out);
            }
            out
        }
        other => flow(other),
    }
}

proptest! {
    #![proptest_config(config(2048))]

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        load_any(&bytes);
    }

    #[test]
    fn never_panics_on_arbitrary_text(text in any::<String>()) {
        load_any(text.as_bytes());
    }
}

proptest! {
    #![proptest_config(config(1024))]

    #[test]
    fn never_panics_on_yaml_shaped_documents(doc in document()) {
        let text = render(&doc);
        load_any(text.as_bytes());
        // And the same with the structure in one flow line.
        load_any(flow(&doc).as_bytes());
    }
}

// ---------------------------------------------------------------- valid logs

#[derive(Clone, Debug)]
struct QuoteSpec {
    text: String,
    speaker: Option<usize>,
    attribution: Option<String>,
    party: Option<usize>,
    source: Option<usize>,
    paraphrase: Option<bool>,
}

#[derive(Clone, Debug)]
struct EventSpec {
    id: Option<String>,
    date: String,
    end: Option<String>,
    quote_dates: bool,
    kind: &'static str,
    status: Option<&'static str>,
    title: String,
    summary: Option<String>,
    actors: Vec<usize>,
    topics: Vec<String>,
    sources: Vec<usize>,
    related: Vec<usize>,
    quotes: Vec<QuoteSpec>,
    x_key: bool,
}

#[derive(Clone, Debug)]
pub(crate) struct LogSpec {
    parties: Vec<String>,
    actors: Vec<(String, Option<usize>)>,
    sources: Vec<String>,
    events: Vec<EventSpec>,
}

/// Text that is not blank and holds one line.
fn one_line() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ,.'\"\\\\:#&*!|>%@`\u{e9}\u{4f1a}\u{8c08}\u{062d}\u{0645}\u{05e9}\u{1f600}\u{200d}\u{202e}\u{1b}\u{7}-]{0,20}[a-zA-Z\u{4f1a}\u{062d}]"
}

/// A date of format 1 at any precision, and its year.
fn date() -> impl Strategy<Value = (String, i32)> {
    (
        1990i32..2030,
        1u32..=12,
        1u32..=28,
        0u32..24,
        0u32..60,
        0u32..60,
        -12i32 * 4..=14 * 4,
        0u8..6,
    )
        .prop_map(|(y, mo, d, h, mi, s, quarter_hours, precision)| {
            let off = quarter_hours * 15;
            let offset = if off == 0 && precision == 3 {
                "Z".to_string()
            } else {
                let sign = if off < 0 { '-' } else { '+' };
                format!("{sign}{:02}:{:02}", off.abs() / 60, off.abs() % 60)
            };
            let text = match precision {
                0 => format!("{y:04}"),
                1 => format!("{y:04}-{mo:02}"),
                2 => format!("{y:04}-{mo:02}-{d:02}"),
                3 | 4 => format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}{offset}"),
                _ => format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{offset}"),
            };
            (text, y)
        })
}

fn quote() -> impl Strategy<Value = QuoteSpec> {
    (
        one_line(),
        prop::option::of(0usize..64),
        prop::option::of(one_line()),
        prop::option::of(0usize..64),
        prop::option::of(0usize..64),
        prop::option::of(any::<bool>()),
    )
        .prop_map(
            |(text, speaker, attribution, party, source, paraphrase)| QuoteSpec {
                text,
                speaker,
                attribution,
                party,
                source,
                paraphrase,
            },
        )
}

fn event() -> impl Strategy<Value = EventSpec> {
    const KINDS: [&str; 8] = [
        "meeting",
        "call",
        "statement",
        "proposal",
        "response",
        "agreement",
        "travel",
        "development",
    ];
    const STATUSES: [&str; 4] = ["occurred", "expected", "cancelled", "disputed"];
    (
        (
            prop::option::of("[a-z0-9][a-z0-9_-]{0,10}"),
            date(),
            prop::option::of((1i32..3, any::<bool>())),
            any::<bool>(),
            prop::sample::select(&KINDS[..]),
            prop::option::of(prop::sample::select(&STATUSES[..])),
            // Titles from a small pool, so that derived ids collide.
            prop_oneof![
                2 => prop::sample::select(vec!["Talks", "Talks in Cairo", "Call"]).prop_map(str::to_string),
                1 => one_line(),
            ],
        ),
        (
            prop::option::of(one_line()),
            prop::collection::vec(0usize..64, 0..4),
            prop::collection::vec("[a-z]{1,8}", 0..3),
            prop::collection::vec(0usize..64, 0..3),
            prop::collection::vec(0usize..64, 0..3),
            prop::collection::vec(quote(), 0..3),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (id, (date, year), end, quote_dates, kind, status, title),
                (summary, actors, topics, sources, related, quotes, x_key),
            )| EventSpec {
                id,
                // Always after the date: a later year, written as a year or a day.
                end: end.map(|(later, as_day)| {
                    if as_day {
                        format!("{:04}-01-01", year + later)
                    } else {
                        format!("{:04}", year + later)
                    }
                }),
                date,
                quote_dates,
                kind,
                status,
                title,
                summary,
                actors,
                topics,
                sources,
                related,
                quotes,
                x_key,
            },
        )
}

pub(crate) fn log_spec() -> impl Strategy<Value = LogSpec> {
    (
        prop::collection::btree_set("[a-z0-9][a-z0-9_-]{0,6}", 0..5),
        prop::collection::btree_set("[a-z0-9][a-z0-9_-]{0,6}", 0..6),
        prop::collection::vec(prop::option::of(0usize..64), 6),
        prop::collection::btree_set("[a-z0-9][a-z0-9_-]{0,6}", 0..4),
        prop::collection::vec(event(), 0..14),
    )
        .prop_map(|(parties, actors, actor_parties, sources, mut events)| {
            let parties: Vec<String> = parties.into_iter().collect();
            let actors = actors
                .into_iter()
                .zip(actor_parties)
                .map(|(id, p)| {
                    (
                        id,
                        p.filter(|_| !parties.is_empty()).map(|p| p % parties.len()),
                    )
                })
                .collect();
            // Written event ids unique: drop repeats.
            let mut seen = BTreeSet::new();
            for e in &mut events {
                if let Some(id) = &e.id
                    && !seen.insert(id.clone())
                {
                    e.id = None;
                }
            }
            LogSpec {
                parties,
                actors,
                sources: sources.into_iter().collect(),
                events,
            }
        })
}

/// Picks the `i`th (modulo) of `items`, if there are any.
fn pick<T: Clone>(items: &[T], i: usize) -> Option<T> {
    (!items.is_empty()).then(|| items[i % items.len()].clone())
}

impl LogSpec {
    fn written_event_ids(&self) -> Vec<String> {
        self.events.iter().filter_map(|e| e.id.clone()).collect()
    }

    pub(crate) fn render(&self) -> String {
        let q = double_quoted;
        let mut y = String::from("dateline: 1\ntitle: Generated\n");
        y += "parties:\n";
        for (i, p) in self.parties.iter().enumerate() {
            y += &format!("  - id: {p}\n    name: {}\n", q(&format!("Party {i} حزب")));
            if i % 2 == 0 {
                y += "    color: \"#3b82f6\"\n";
            }
        }
        y += "actors:\n";
        for (id, party) in &self.actors {
            y += &format!(
                "  - id: {id}\n    name: {}\n",
                q(&format!("Actor {id} 会谈"))
            );
            if let Some(p) = party {
                y += &format!("    party: {}\n", self.parties[*p]);
            }
        }
        y += "sources:\n";
        for s in &self.sources {
            y += &format!("  - id: {s}\n    outlet: Outlet\n    published: 2024-05-03\n");
        }
        let actor_ids: Vec<&str> = self.actors.iter().map(|(id, _)| id.as_str()).collect();
        let event_ids = self.written_event_ids();
        y += "events:\n";
        for e in &self.events {
            y += "  -\n";
            if e.x_key {
                y += "    x-desk: middle east\n";
            }
            if let Some(id) = &e.id {
                y += &format!("    id: {id}\n");
            }
            let d = |s: &str| if e.quote_dates { q(s) } else { s.to_string() };
            y += &format!("    date: {}\n", d(&e.date));
            if let Some(end) = &e.end {
                y += &format!("    end: {}\n", d(end));
            }
            y += &format!("    kind: {}\n    title: {}\n", e.kind, q(&e.title));
            if let Some(s) = e.status {
                y += &format!("    status: {s}\n");
            }
            if let Some(s) = &e.summary {
                y += &format!("    summary: {}\n", q(&format!("{s}\nsecond line")));
            }
            let list = |ids: Vec<String>| format!("[{}]", ids.join(", "));
            let actors: Vec<String> = e
                .actors
                .iter()
                .filter_map(|&i| pick(&actor_ids, i).map(str::to_string))
                .collect();
            y += &format!("    actors: {}\n", list(actors));
            y += &format!("    topics: {}\n", list(e.topics.clone()));
            let sources = e
                .sources
                .iter()
                .filter_map(|&i| pick(&self.sources, i))
                .collect();
            y += &format!("    sources: {}\n", list(sources));
            let related = e
                .related
                .iter()
                .filter_map(|&i| pick(&event_ids, i))
                .collect();
            y += &format!("    related: {}\n", list(related));
            y += "    quotes:\n";
            for qs in &e.quotes {
                y += &format!("      - text: {}\n", q(&qs.text));
                let speaker = qs.speaker.and_then(|i| pick(&actor_ids, i));
                if let Some(s) = speaker {
                    y += &format!("        speaker: {s}\n");
                }
                match (&qs.attribution, speaker) {
                    (Some(a), _) => y += &format!("        attribution: {}\n", q(a)),
                    (None, None) => y += "        attribution: an official\n",
                    (None, Some(_)) => {}
                }
                if let Some(p) = qs.party.and_then(|i| pick(&self.parties, i)) {
                    // (rev. 3) A quote's party includes its speaker's: a joint voice then.
                    let own = qs
                        .speaker
                        .and_then(|i| pick(&self.actors, i))
                        .and_then(|(_, party)| party.map(|p| self.parties[p].clone()));
                    match own {
                        Some(own) if own != p => y += &format!("        party: [{own}, {p}]\n"),
                        _ => y += &format!("        party: {p}\n"),
                    }
                }
                if let Some(s) = qs.source.and_then(|i| pick(&self.sources, i)) {
                    y += &format!("        source: {s}\n");
                }
                if let Some(p) = qs.paraphrase {
                    y += &format!("        paraphrase: {p}\n");
                }
            }
        }
        y
    }
}

/// Everything the rest of dateline relies on in a loaded log.
fn check_invariants(log: &Log, spec: &LogSpec) -> Result<(), TestCaseError> {
    let n = log.events.len();
    prop_assert_eq!(n, spec.events.len());
    prop_assert_eq!(log.parties.len(), spec.parties.len());
    prop_assert_eq!(log.actors.len(), spec.actors.len());
    prop_assert_eq!(log.sources.len(), spec.sources.len());
    let quotes: usize = spec.events.iter().map(|e| e.quotes.len()).sum();
    prop_assert_eq!(log.quote_count(), quotes);

    // Timeline order: by start instant, then the coarser date, then file order.
    for w in log.events.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        prop_assert!(
            a.date.start() <= b.date.start(),
            "{} after {}",
            a.date,
            b.date
        );
        if a.date.start() == b.date.start() {
            prop_assert!(
                (a.date.precision, a.origin.line) < (b.date.precision, b.origin.line),
                "tie not coarser first, then in file order"
            );
        }
    }

    // Ids unique in each namespace, and the maps point at them.
    for (ids, map) in [
        (
            log.events.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
            &log.event_ids,
        ),
        (
            log.actors.iter().map(|a| a.id.as_str()).collect(),
            &log.actor_ids,
        ),
        (
            log.parties.iter().map(|p| p.id.as_str()).collect(),
            &log.party_ids,
        ),
        (
            log.sources.iter().map(|s| s.id.as_str()).collect(),
            &log.source_ids,
        ),
    ] {
        let unique: HashSet<&str> = ids.iter().copied().collect();
        prop_assert_eq!(unique.len(), ids.len(), "duplicate ids: {:?}", ids);
        prop_assert_eq!(map.len(), ids.len());
        for (i, id) in ids.iter().enumerate() {
            prop_assert_eq!(map.get(*id), Some(&i));
        }
    }

    // Written ids are kept, on the event that wrote them; the others are derived.
    for e in &log.events {
        let spec_event = &spec.events[file_index(log, e)];
        match &spec_event.id {
            Some(id) => {
                prop_assert_eq!(&e.id, id);
                prop_assert!(!e.id_derived);
            }
            None => {
                prop_assert!(e.id_derived);
                let day = spec_event.date.split('T').next().unwrap();
                prop_assert!(e.id.starts_with(day), "{} from {}", e.id, day);
            }
        }
        prop_assert_eq!(&e.title, &spec_event.title);
    }

    // Every index in range.
    for a in &log.actors {
        if let Some(p) = a.party {
            prop_assert!(p < log.parties.len());
        }
    }
    for (i, e) in log.events.iter().enumerate() {
        prop_assert!(e.actors.iter().all(|&a| a < log.actors.len()));
        prop_assert!(e.involved.iter().all(|&a| a < log.actors.len()));
        prop_assert!(e.parties.iter().all(|&p| p < log.parties.len()));
        prop_assert!(e.sources.iter().all(|&s| s < log.sources.len()));
        prop_assert!(e.related.iter().all(|&r| r < n));
        prop_assert!(e.related_by.iter().all(|&r| r < n));
        for &r in &e.related {
            prop_assert!(log.events[r].related_by.contains(&i));
        }
        for q in &e.quotes {
            prop_assert!(q.speaker.is_none_or(|a| a < log.actors.len()));
            prop_assert!(q.parties.iter().all(|&p| p < log.parties.len()));
            prop_assert!(q.source.is_none_or(|s| s < log.sources.len()));
            prop_assert!(q.speaker.is_some() || q.attribution.is_some());
        }
        if let Some(end) = &e.end {
            prop_assert!(end.end_exclusive() > e.date.start());
        }
    }
    Ok(())
}

/// The position in the file of a loaded event: events are written in order, one per
/// `  -` line, so its rank by line is its index in the spec.
fn file_index(log: &Log, e: &dateline::model::Event) -> usize {
    log.events
        .iter()
        .filter(|o| o.origin.line < e.origin.line)
        .count()
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn valid_logs_load_and_hold_the_invariants(spec in log_spec()) {
        let yaml = spec.render();
        let loaded = match load_str("gen.yaml", &yaml) {
            Ok(l) => l,
            Err(r) => {
                let shown: Vec<String> = r.diagnostics.iter().map(|d| d.to_string()).collect();
                return Err(TestCaseError::fail(format!("{}\n---\n{yaml}", shown.join("\n"))));
            }
        };
        prop_assert!(loaded.warnings.iter().all(|w| !w.is_error()));
        check_invariants(&loaded.log, &spec)?;
        // The same file gives the same log.
        let again = load_str("gen.yaml", &yaml).map_err(|_| TestCaseError::fail("second load failed"))?;
        prop_assert_eq!(&again.log, &loaded.log);
    }

    #[test]
    fn broken_valid_logs_never_panic(
        spec in log_spec(),
        edits in prop::collection::vec((0usize..10_000, 0u8..6, scalar_text()), 1..6),
    ) {
        let mut lines: Vec<String> = spec.render().lines().map(str::to_string).collect();
        for (at, how, text) in edits {
            let i = at % lines.len();
            match how {
                0 => { lines.remove(i); }
                1 => { let l = lines[i].clone(); lines.insert(i, l); }
                2 => lines[i] = format!("{}{text}", lines[i]),
                3 => lines[i] = lines[i].replacen(':', &text, 1),
                4 => lines.insert(i, format!("    {text}: {text}")),
                _ => {
                    // Keep the indentation, replace the value.
                    if let Some(c) = lines[i].find(": ") {
                        lines[i] = format!("{}: {text}", &lines[i][..c]);
                    }
                }
            }
            if lines.is_empty() {
                lines.push(String::new());
            }
        }
        let yaml = lines.join("\n");
        if let Err(report) = load_str("broken.yaml", &yaml) {
            // Every error points somewhere in the file, or at the whole file. Lines are
            // broken as YAML (and editors such as VS Code) break them: at CR LF, LF or a
            // lone CR, which an edit may bring in.
            let count = yaml.replace("\r\n", "\n").split(['\n', '\r']).count().max(1);
            for d in report.errors() {
                prop_assert!(d.line <= count + 1, "{d} beyond {count} lines");
            }
        }
    }
}
