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
