//! Archive matching: over archives of a few repeated words (the case that was quadratic),
//! a quote cut from one paragraph of the archive is found there, as printed; any quote at
//! all gets a verdict, and a verified one covers the quote's words.

use dateline::archive::Archives;
use dateline::load::load_str_with;
use dateline::model::Verification;
use proptest::prelude::*;
use proptest::test_runner::Config;

const WORDS: &[&str] = &[
    "talks",
    "Talks",
    "cease",
    "fire",
    "cease-fire",
    "“no”",
    "é",
    "a",
];
const GAPS: &[&str] = &[" ", "  ", "\n", "\n\n", " \n \n"];

/// The verdict on `quote` against `archive`.
fn verdict(archive: &str, quote: &str) -> Verification {
    let log = format!(
        "dateline: 1\nsources:\n  - {{id: s, outlet: Wire, archive: a.txt}}\nevents:\n  - date: 2024-05-03\n    kind: statement\n    title: T\n    quotes:\n      - text: {}\n        attribution: someone\n        source: s\n",
        serde_json::to_string(quote).unwrap()
    );
    let l = load_str_with("log.yaml", &log, Archives::Given(&[("a.txt", archive)]))
        .expect("a quote not found still lets the log open");
    l.log.events[0].quotes[0].verification.clone()
}

fn text(words: &[(usize, usize)]) -> String {
    words
        .iter()
        .map(|&(w, g)| format!("{}{}", WORDS[w], GAPS[g]))
        .collect()
}

proptest! {
    #![proptest_config(Config::with_cases(200))]

    #[test]
    fn a_quote_cut_from_one_paragraph_is_found_as_printed(
        words in prop::collection::vec((0..WORDS.len(), 0..GAPS.len()), 1..400),
        from in any::<prop::sample::Index>(),
        len in 1usize..40,
    ) {
        let archive = text(&words);
        let from = from.index(words.len());
        // The quote's words, up to the first paragraph end after its first word.
        let mut quote = Vec::new();
        for &(w, g) in words[from..].iter().take(len) {
            quote.push(WORDS[w]);
            if GAPS[g].matches('\n').count() >= 2 {
                break;
            }
        }
        let quote = quote.join(" ");
        match verdict(&archive, &quote) {
            Verification::Verified { at } => {
                let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
                prop_assert_eq!(words(&archive[at]), quote);
            }
            other => prop_assert!(false, "{quote:?}: {other:?}"),
        }
    }

    #[test]
    fn any_quote_gets_a_verdict_and_a_verified_one_is_its_words(
        words in prop::collection::vec((0..WORDS.len(), 0..GAPS.len()), 0..400),
        quote in prop::collection::vec((0..WORDS.len(), 0..GAPS.len()), 1..30),
    ) {
        let archive = text(&words);
        let quote = text(&quote);
        if let Verification::Verified { at } = verdict(&archive, &quote) {
            let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            prop_assert_eq!(words(&archive[at.clone()]), words(&quote));
            prop_assert!(!archive[at].contains("\n\n"));
        }
    }
}

/// Plain words (no punctuation, nothing to fold), case apart, for the naive reference.
const PLAIN: &[&str] = &["talks", "Talks", "cease", "fire", "a", "resume"];

proptest! {
    #![proptest_config(Config::with_cases(300))]

    /// On small inputs of plain words, one space apart, the verdict is the naive one: found
    /// exactly where the quote's words stand one after another in the archive, else not.
    #[test]
    fn the_verdict_agrees_with_a_naive_search_on_small_inputs(
        words in prop::collection::vec(0..PLAIN.len(), 0..60),
        quote in prop::collection::vec(0..PLAIN.len(), 1..6),
    ) {
        let join = |w: &[usize]| w.iter().map(|&i| PLAIN[i]).collect::<Vec<_>>().join(" ");
        let (archive, quote) = (join(&words), join(&quote));
        let naive = format!(" {archive} ").contains(&format!(" {quote} "));
        match verdict(&archive, &quote) {
            Verification::Verified { at } => {
                prop_assert!(naive, "{quote:?} verified, not in {archive:?}");
                prop_assert_eq!(&archive[at], quote.as_str());
            }
            Verification::NotFound(_) => prop_assert!(!naive, "{quote:?} is in {archive:?}"),
            other => prop_assert!(false, "{quote:?}: {other:?}"),
        }
    }

    /// An archive of near-repeats (one sentence over and over, a word or two changed in
    /// each): a quote cut from it anywhere is found there.
    #[test]
    fn a_quote_cut_from_an_archive_of_near_repeats_is_found(
        changes in prop::collection::vec((0..8usize, 0..PLAIN.len()), 50..400),
        from in any::<prop::sample::Index>(),
        len in 1usize..30,
    ) {
        let base = ["the", "talks", "will", "resume", "in", "Cairo", "on", "Monday"];
        let mut words = Vec::new();
        for &(at, w) in &changes {
            let mut sentence = base;
            sentence[at] = PLAIN[w];
            words.extend(sentence);
        }
        let archive = words.join(" ");
        let from = from.index(words.len());
        let quote = words[from..(from + len).min(words.len())].join(" ");
        match verdict(&archive, &quote) {
            Verification::Verified { at } => prop_assert_eq!(&archive[at], quote.as_str()),
            other => prop_assert!(false, "{quote:?}: {other:?}"),
        }
    }
}
