//! The two ways a file is read agree: straight from the parser's events (which gives up at
//! any error or oddity) and through the tree give the same log, the same warnings and the
//! same errors, on generated logs, YAML-shaped documents and generated logs with mistakes
//! put in. And a well-formed log is read the quick way, so the figures stay what they are.

use crate::generator::generate;
use crate::loader::{document, flow, log_spec, render};
use dateline::load::{Limits, load_bytes, load_bytes_through_tree, streams};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError};

fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// Both ways give the same outcome, to the byte.
fn same_both_ways(bytes: &[u8]) -> Result<(), TestCaseError> {
    let limits = Limits::default();
    let quick = load_bytes("a.yaml", bytes, &limits);
    let tree = load_bytes_through_tree("a.yaml", bytes, &limits);
    match (quick, tree) {
        (Ok(q), Ok(t)) => {
            prop_assert_eq!(q.warnings, t.warnings);
            prop_assert_eq!(q.log, t.log);
        }
        (Err(q), Err(t)) => prop_assert_eq!(q, t),
        (q, t) => prop_assert!(
            false,
            "one way opened the log, the other did not:\nquick: {:?}\ntree: {:?}",
            q.map(|l| l.warnings),
            t.map(|l| l.warnings)
        ),
    }
    Ok(())
}

/// Snippets a writer (or an attacker) puts into a log, each a way the quick reader must
/// give up or agree: syntax, anchors and aliases, keys twice or unknown, nulls, controls,
/// case, NEL, a second document.
const SNIPPETS: &[&str] = &[
    ": ",
    ":",
    "\t",
    "\u{85}",
    "\u{2028}",
    "&a ",
    "*a",
    "\u{1b}",
    "\u{7}",
    "\u{202e}",
    "~",
    "null",
    "[",
    "]",
    "{",
    "}",
    "#",
    "'",
    "\"",
    "\n",
    "  ",
    "- ",
    "X",
    "x-k: v\n",
    "Ceasefire",
    "HOSTAGES",
    "---\n",
    "!!str ",
    "2024-13-01",
    "\u{e9}",
    "timezone: Asia/Tehran\n",
    "timezone: Nowhere/City\n",
    "    x-a: &z [1, 2]\n",
    "    source: zzz\n",
    "    sources: ~\n",
    "    topics: [Truce, \"a\u{1b}b\"]\n",
    "    title: \"two\\nlines\"\n",
    "    status: postponed\n",
    "    kind: meting\n",
    "  - {date: 2024, kind: call, title: T}\n",
];

/// Whole lines of fields, at the indentation of an event's (4) or a quote's (8) or an
/// actor's keys, with values that are valid or nearly: nulls plain and quoted, tags,
/// booleans of other spellings, empty lists, `x-` values of any shape.
const LINES: &[&str] = &[
    "    summary: \"null\"\n",
    "    summary: ''\n",
    "    summary: ~\n",
    "    summary: !!null ''\n",
    "    location: null\n",
    "    location: \"\"\n",
    "    location: \"  \"\n",
    "    status: ~\n",
    "    status: \"~\"\n",
    "    date_note: \"~\"\n",
    "    end: ~\n",
    "    end: \"2031\"\n",
    "    actors: ~\n",
    "    parties: []\n",
    "    related: ~\n",
    "    sources: []\n",
    "    topics: [\"null\", ~]\n",
    "    topics: []\n",
    "    title: !!str 2016\n",
    "    x-k: {a: [b, {c: d}], e: ~}\n",
    "    x-k: &k [1]\n",
    "    role: ~\n",
    "    aliases: ~\n",
    "    aliases: [\"\", x]\n",
    "    color: ~\n",
    "        paraphrase: True\n",
    "        paraphrase: ~\n",
    "        translated: \"true\"\n",
    "        attribution: ~\n",
    "        attribution: \"\"\n",
    "        party: [us, us]\n",
    "        party: ~\n",
    "        source: ~\n",
    "        speaker: ~\n",
    "        speaker: \"\"\n",
    // (rev. 3) A translation's original and language, right and wrong; a date-only end.
    "        translated: true\n",
    "        original: \"ما آماده ایم\"\n",
    "        original: ~\n",
    "        lang: fa\n",
    "        lang: farsi\n",
    "    end: 2031-05-04\n",
];

#[derive(Clone, Debug)]
enum Mutation {
    /// Puts one of `LINES` before a line.
    InsertLine(usize, usize),
    /// Puts a snippet at a byte (moved back to a character boundary).
    Insert(usize, usize),
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    UpperLine(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<usize>(), 0..SNIPPETS.len()).prop_map(|(at, s)| Mutation::Insert(at, s)),
        4 => (any::<usize>(), 0..LINES.len()).prop_map(|(at, s)| Mutation::InsertLine(at, s)),
        1 => any::<usize>().prop_map(Mutation::DeleteLine),
        1 => any::<usize>().prop_map(Mutation::DuplicateLine),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        1 => any::<usize>().prop_map(Mutation::UpperLine),
    ]
}

fn mutate(text: &str, m: &Mutation) -> String {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
    let n = lines.len().max(1);
    match *m {
        Mutation::Insert(at, s) => {
            let mut at = at % (text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            return format!("{}{}{}", &text[..at], SNIPPETS[s], &text[at..]);
        }
        Mutation::InsertLine(i, s) => lines.insert(i % n, LINES[s].to_string()),
        Mutation::DeleteLine(i) if !lines.is_empty() => {
            lines.remove(i % n);
        }
        Mutation::DuplicateLine(i) if !lines.is_empty() => {
            let l = lines[i % n].clone();
            lines.insert(i % n, l);
        }
        Mutation::SwapLines(a, b) if !lines.is_empty() => lines.swap(a % n, b % n),
        Mutation::UpperLine(i) if !lines.is_empty() => {
            lines[i % n] = lines[i % n].to_uppercase();
        }
        _ => {}
    }
    lines.concat()
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn generated_logs_with_mistakes_read_the_same_both_ways(
        events in 0usize..12,
        seed in any::<u64>(),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let mut text = generate(events, seed);
        for m in &mutations {
            text = mutate(&text, m);
        }
        same_both_ways(text.as_bytes())?;
    }

    #[test]
    fn generated_logs_with_odd_values_read_the_same_both_ways(
        events in 1usize..12,
        seed in any::<u64>(),
        lines in prop::collection::vec((any::<usize>(), 0..LINES.len()), 1..3),
    ) {
        // Into the events, where most of the fields are.
        let text = generate(events, seed);
        let mut all: Vec<&str> = text.split_inclusive('\n').collect();
        let start = all.iter().position(|l| l.starts_with("events:")).unwrap_or(0) + 1;
        for &(at, l) in &lines {
            let at = start + at % (all.len() - start).max(1);
            all.insert(at.min(all.len()), LINES[l]);
        }
        same_both_ways(all.concat().as_bytes())?;
    }

    #[test]
    fn yaml_shaped_documents_read_the_same_both_ways(doc in document()) {
        same_both_ways(render(&doc).as_bytes())?;
        same_both_ways(flow(&doc).as_bytes())?;
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn valid_logs_read_the_same_both_ways_and_the_quick_way(spec in log_spec()) {
        let text = spec.render();
        same_both_ways(text.as_bytes())?;
        // The references may be wrong (resolving finds that), the document is well formed.
        prop_assert!(streams(text.as_bytes(), &Limits::default()), "{}", text);
    }

    #[test]
    fn generated_logs_are_read_the_quick_way(events in 0usize..40, seed in any::<u64>()) {
        let text = generate(events, seed);
        prop_assert!(streams(text.as_bytes(), &Limits::default()));
        same_both_ways(text.as_bytes())?;
    }
}

/// Every warning the document makes, in one log: the quick way makes them itself, the
/// same, in the same order, rather than handing the file to the tree.
#[test]
fn warnings_are_made_the_quick_way_and_the_same() {
    let text = "dateline: 1\ntitle: \"Log \\e[31m\"\nx-desk: {a: [1, 2]}\n\
        parties:\n  - {id: us, name: US}\nactors:\n  - id: burns\n    name: \"Burns\\a\"\n    party: us\n\
        sources:\n  - {id: ap, outlet: AP}\n  - {id: rt, outlet: RT}\n\
        events:\n  - date: 2024-05-03\n    kind: meeting\n    title: Talks\n    topics: [Truce, \"a\\eB\", ceasefire]\n\
        \x20 - date: 2024-05-04\n    kind: call\n    title: Call\n    sources: [ap, rt]\n    quotes:\n      - {text: \"No.\", speaker: burns}\n      - {text: \"Yes.\", attribution: an aide, source: ap}\n";
    assert!(streams(text.as_bytes(), &Limits::default()));
    let loaded = load_bytes("a.yaml", text.as_bytes(), &Limits::default()).unwrap();
    let tree = load_bytes_through_tree("a.yaml", text.as_bytes(), &Limits::default()).unwrap();
    assert_eq!(loaded.warnings, tree.warnings);
    assert_eq!(loaded.log, tree.log);
    let said: Vec<String> = loaded.warnings.iter().map(|d| d.to_string()).collect();
    for expected in [
        "title: text holds control characters",
        "actors[0].name: text holds control characters",
        "events[0].topics[0]: topic \"Truce\" is not lower case",
        "events[0].topics[1]: text holds control characters",
        "events[0].topics[1]: topic \"a␛B\" is not lower case",
        "events[0]: an event with no source",
        "events[1].quotes[0]: a quote without `source`",
    ] {
        assert!(
            said.iter().any(|s| s.contains(expected)),
            "{expected} not in {said:#?}"
        );
    }
}

/// What the quick way leaves to the tree, each read the same as before.
#[test]
fn what_the_quick_way_leaves_to_the_tree() {
    let log = "events:\n  - {date: 2024, kind: call, title: T, sources: [a]}\nsources:\n  - {id: a, outlet: A}\n";
    assert!(streams(log.as_bytes(), &Limits::default()));
    // NEL, LS and PS are characters (YAML 1.2): read the quick way too.
    let nel = format!("{log}title: \"a\u{85}b\u{2028}c\"\n");
    assert!(streams(nel.as_bytes(), &Limits::default()));
    same_both_ways(nel.as_bytes()).unwrap();
    for text in [
        // An alias, a timezone after the dates it governs, a key twice, two documents.
        "x-s: &s [a]\nevents:\n  - {date: 2024, kind: call, title: T, sources: *s}\n",
        &format!("{log}timezone: Asia/Tehran\n"),
        &format!("{log}sources: ~\n"),
        &format!("{log}---\n{log}"),
        "",
        "events: [\n",
    ] {
        assert!(!streams(text.as_bytes(), &Limits::default()), "{text}");
        same_both_ways(text.as_bytes()).unwrap();
    }
}

/// Of ids equally close to an unknown one, the same is suggested every time (the ids are
/// the keys of a hash map, whose order changes from one map to the next).
#[test]
fn the_suggestion_among_equally_close_ids_is_the_same_every_time() {
    let text = "sources:\n  - {id: ab, outlet: A}\n  - {id: ba, outlet: B}\n  - {id: aa, outlet: C}\n\
        events:\n  - {date: 2024, kind: call, title: T, sources: [xa]}\n";
    let help = || {
        let report = load_bytes("a.yaml", text.as_bytes(), &Limits::default()).unwrap_err();
        report.diagnostics[0].help.clone()
    };
    let first = help();
    assert_eq!(first.as_deref(), Some("did you mean \"aa\"?"));
    for _ in 0..20 {
        assert_eq!(help(), first);
    }
}

/// Hostile shapes: deep nesting, long scalars, many and nested anchors, bytes that are not
/// UTF-8. Each gives a log or a report, the same both ways, never a panic; nested anchors
/// with one alias are read without copying each level.
fn hostile() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        (1usize..400, prop::bool::ANY).prop_map(|(n, map)| {
            let (open, close) = if map { ("{a: ", "}") } else { ("[", "]") };
            format!("events: {}x{}\n", open.repeat(n), close.repeat(n)).into_bytes()
        }),
        (0usize..20_000, any::<char>()).prop_map(|(n, c)| {
            format!(
                "events:\n  - {{date: 2024, kind: call, title: \"{}\"}}\n",
                c.to_string().repeat(n)
            )
            .into_bytes()
        }),
        (1usize..70, 0usize..3).prop_map(|(depth, aliases)| {
            let mut doc = String::from("x-a: ");
            for i in 0..depth {
                doc += &format!("&n{i} [w, ");
            }
            doc += "y";
            doc += &"]".repeat(depth);
            for i in 0..aliases {
                doc += &format!("\nx-b{i}: *n{}", depth.saturating_sub(1 + i));
            }
            doc += "\nevents: []\n";
            doc.into_bytes()
        }),
        (prop::collection::vec(any::<u8>(), 0..64), 0usize..200).prop_map(|(junk, at)| {
            let mut bytes = generate(3, 1).into_bytes();
            let at = at.min(bytes.len());
            bytes.splice(at..at, junk);
            bytes
        }),
    ]
}

proptest! {
    #![proptest_config(config(32))]

    #[test]
    fn hostile_shapes_read_the_same_both_ways(bytes in hostile()) {
        same_both_ways(&bytes)?;
    }
}
