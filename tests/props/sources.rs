//! The filters by source and outlet, and `--single-source`, against a plain scan of the
//! log: for random choices of sources, outlets (typed in another case, or without their
//! accents) and the two-source rule, given as flags, over the sample and generated logs.

use crate::generator::generate;
use dateline::filter::{QuoteAt, apply, quotes_of};
use dateline::load::load_str;
use dateline::model::{EventIx, Log};
use dateline::search::SearchIndex;
use proptest::prelude::*;
use proptest::test_runner::Config;
use std::collections::BTreeSet;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

fn logs() -> &'static [(Log, SearchIndex)] {
    static LOGS: OnceLock<Vec<(Log, SearchIndex)>> = OnceLock::new();
    LOGS.get_or_init(|| {
        let mut texts = vec![dateline::SAMPLE.to_owned()];
        texts.extend([40, 300].map(|n| generate(n, 11 + n as u64)));
        texts
            .iter()
            .map(|t| {
                let log = load_str("props.yaml", t).expect("generated logs load").log;
                let index = SearchIndex::new(&log);
                (log, index)
            })
            .collect()
    })
}

/// An outlet as someone might type it: as written, in capitals, in lower case, without its
/// accents, or both.
fn typed(name: &str, how: u8) -> String {
    let bare = || -> String { name.nfd().filter(|c| !is_combining_mark(*c)).collect() };
    match how % 5 {
        0 => name.to_owned(),
        1 => name.to_uppercase(),
        2 => name.to_lowercase(),
        3 => bare(),
        _ => bare().to_uppercase(),
    }
}

/// Every source an event names, itself or through a quote.
fn named(log: &Log, i: EventIx) -> BTreeSet<usize> {
    let e = &log.events[i];
    e.sources
        .iter()
        .copied()
        .chain(e.quotes.iter().filter_map(|q| q.source))
        .collect()
}

proptest! {
    #![proptest_config(Config { cases: 300, failure_persistence: None, ..Config::default() })]

    #[test]
    fn source_and_outlet_flags_pick_what_a_plain_scan_picks(
        which in 0..3usize,
        sources in prop::collection::vec(any::<usize>(), 0..3),
        outlets in prop::collection::vec((any::<usize>(), any::<u8>()), 0..3),
        single in any::<bool>(),
        party in prop::option::weighted(0.3, any::<usize>()),
    ) {
        let (log, index) = &logs()[which];
        let n = log.sources.len();
        let sources: BTreeSet<usize> = sources.iter().map(|&s| s % n).collect();
        let outlet_names: BTreeSet<&str> =
            outlets.iter().map(|&(s, _)| log.sources[s % n].outlet.as_str()).collect();
        let party = party.map(|p| p % log.parties.len());

        let mut flags: Vec<String> = vec![];
        for &s in &sources {
            flags.extend(["--source".into(), log.sources[s].id.clone()]);
        }
        for &(s, how) in &outlets {
            flags.extend(["--outlet".into(), typed(&log.sources[s % n].outlet, how)]);
        }
        if single {
            flags.push("--single-source".into());
        }
        if let Some(p) = party {
            flags.extend(["--party".into(), log.parties[p].id.clone()]);
        }
        let query = parse_flags(&flags).to_query(log).expect("flags name the log's sources");

        let scanned: Vec<EventIx> = (0..log.events.len())
            .filter(|&i| {
                let on = named(log, i);
                (sources.is_empty() || on.iter().any(|s| sources.contains(s)))
                    && (outlet_names.is_empty()
                        || on.iter().any(|&s| outlet_names.contains(log.sources[s].outlet.as_str())))
                    && (!single || on.len() <= 1)
                    && party.is_none_or(|p| log.events[i].parties.contains(&p))
            })
            .collect();
        let events = apply(log, index, &query);
        prop_assert_eq!(&events, &scanned, "flags {:?}", flags);

        // `quotes`: the quotes of those events that come from the sources and outlets named.
        let (sources, outlet_names) = (&sources, &outlet_names);
        let scanned_quotes: Vec<QuoteAt> = scanned
            .iter()
            .flat_map(|&event| {
                log.events[event].quotes.iter().enumerate().filter_map(move |(quote, q)| {
                    let from = q.source;
                    let keep = (sources.is_empty() || from.is_some_and(|s| sources.contains(&s)))
                        && (outlet_names.is_empty()
                            || from.is_some_and(|s| outlet_names.contains(log.sources[s].outlet.as_str())))
                        && party.is_none_or(|p| q.said_by(log).contains(&p));
                    keep.then_some(QuoteAt { event, quote })
                })
            })
            .collect();
        prop_assert_eq!(quotes_of(log, &events, &query), scanned_quotes, "flags {:?}", flags);
    }
}

fn parse_flags(flags: &[String]) -> dateline::cli::FilterArgs {
    use clap::Parser;
    let cli = dateline::cli::Cli::try_parse_from(
        std::iter::once("dateline").chain(flags.iter().map(String::as_str)),
    )
    .expect("flags parse");
    cli.filters
}

#[test]
fn the_generated_logs_have_events_on_one_source_and_on_several() {
    let (log, _) = &logs()[2];
    let counts: Vec<usize> = (0..log.events.len()).map(|i| named(log, i).len()).collect();
    assert!(counts.iter().any(|&c| c <= 1));
    assert!(counts.iter().any(|&c| c >= 2));
}
