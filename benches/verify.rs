//! Checking quotes against archived sources: 2,000 quotes against 200 archives of 20 kB
//! each, as a load does. Target: under 100 ms added to the load.
//!
//! The archives are generated text (words drawn from a small vocabulary, so common words
//! recur as in prose); each quote is 8 to 30 words cut from its source's archive. One quote
//! in ten has a word changed (not found: the closest passage is searched and diffed), one
//! in twenty has its apostrophes typographic in the archive (folded).

mod support;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use dateline::archive::{self, Archives};
use dateline::load::load_str_with;
use std::fmt::Write;
use std::hint::black_box;

const ARCHIVES: usize = 200;
const ARCHIVE_BYTES: usize = 20_000;
const QUOTES: usize = 2_000;

/// A small deterministic generator (xorshift), so every run sees the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const COMMON: &[&str] = &[
    "the", "of", "and", "to", "a", "in", "that", "said", "on", "for", "was", "with", "talks",
];

/// Prose-like text: paragraphs of sentences, common words mixed with rarer ones.
fn archive_text(rng: &mut Rng, n: usize) -> String {
    let mut s = String::with_capacity(ARCHIVE_BYTES + 200);
    while s.len() < ARCHIVE_BYTES {
        for _ in 0..(3 + rng.below(4)) {
            let words = 8 + rng.below(20);
            for w in 0..words {
                if rng.below(3) == 0 {
                    s.push_str(COMMON[rng.below(COMMON.len())]);
                } else {
                    let _ = write!(s, "w{}x{}", rng.below(5000), n % 7);
                }
                if w == 2 && rng.below(4) == 0 {
                    s.push_str("\u{2019}s");
                }
                s.push(if w + 1 == words { '.' } else { ' ' });
                if w + 1 < words && rng.below(12) == 0 {
                    s.push('\n');
                }
            }
            s.push(' ');
        }
        s.push_str("\n\n");
    }
    s
}

/// The log's YAML and its archives.
fn corpus() -> (String, Vec<(String, String)>) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let archives: Vec<(String, String)> = (0..ARCHIVES)
        .map(|i| (format!("sources/s{i}.txt"), archive_text(&mut rng, i)))
        .collect();
    let mut yaml = String::from("dateline: 1\nsources:\n");
    for (i, (path, _)) in archives.iter().enumerate() {
        let _ = writeln!(yaml, "  - {{id: s{i}, outlet: Wire, archive: {path}}}");
    }
    yaml.push_str("events:\n");
    for q in 0..QUOTES {
        let s = q % ARCHIVES;
        let text = &archives[s].1;
        let words: Vec<&str> = text.split_whitespace().collect();
        let len = 8 + rng.below(23);
        let from = rng.below(words.len() - len);
        let mut quote: Vec<String> = words[from..from + len]
            .iter()
            .map(|w| w.to_string())
            .collect();
        if q % 10 == 3 {
            quote[len / 2] = "altered".into();
        }
        let mut quote = quote.join(" ");
        if q % 20 == 7 {
            quote = quote.replace('\u{2019}', "'");
        }
        let _ = write!(
            yaml,
            "  - date: 2024-05-03\n    kind: statement\n    title: Event {q}\n    quotes:\n      - text: {}\n        attribution: someone\n        source: s{s}\n",
            serde_json::to_string(&quote).expect("a string")
        );
    }
    (yaml, archives)
}

fn verify(c: &mut Criterion<support::Clock>) {
    let (yaml, archives) = corpus();
    let given: Vec<(&str, &str)> = archives
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let loaded = load_str_with("bench.yaml", &yaml, Archives::Given(&given)).expect("loads");
    let verdicts = |v: &str| {
        loaded
            .log
            .events
            .iter()
            .flat_map(|e| &e.quotes)
            .filter(|q| q.verification.as_str() == v)
            .count()
    };
    eprintln!(
        "verify corpus: {} verified, {} folded, {} not found",
        verdicts("verified"),
        verdicts("folded"),
        verdicts("not-found")
    );

    let mut group = c.benchmark_group("verify");
    // The checking alone: each archive prepared, every quote looked for.
    group.bench_function("2000_quotes_200_archives", |b| {
        b.iter_batched_ref(
            || loaded.log.clone(),
            |log| archive::verify(black_box(log)),
            BatchSize::LargeInput,
        )
    });
    // Preparing the 200 indexes alone (each looked up once for a word none holds).
    group.bench_function("prepare_200_archives", |b| {
        b.iter(|| {
            for (_, text) in &archives {
                black_box(archive::locate(black_box(text), "absent"));
            }
        })
    });
    // A whole load with and without its archives: the difference is what they add.
    group.bench_function("load_with_archives", |b| {
        b.iter(|| load_str_with("bench.yaml", black_box(&yaml), Archives::Given(&given)))
    });
    group.bench_function("load_without_archives", |b| {
        b.iter(|| load_str_with("bench.yaml", black_box(&yaml), Archives::None))
    });
    group.finish();
}

/// The cases that were quadratic, each at two sizes (the second twice the first): an
/// archive of one word repeated, an archive of near-repeats, and a long quote with a word
/// changed. Linear growth: the second size takes about twice the time of the first.
fn repetitive(c: &mut Criterion<support::Clock>) {
    let one_log = |quote: &str| {
        format!(
            "dateline: 1\nsources:\n  - {{id: s, outlet: Wire, archive: a.txt}}\nevents:\n  - date: 2024-05-03\n    kind: statement\n    title: T\n    quotes:\n      - text: {}\n        attribution: someone\n        source: s\n",
            serde_json::to_string(quote).expect("a string")
        )
    };
    let mut group = c.benchmark_group("verify_repetitive");
    for bytes in [500_000usize, 1_000_000] {
        // One word repeated; the quote that word 800 times and one word the archive lacks.
        let archive = "talks ".repeat(bytes / 6);
        let yaml = one_log(&format!("{}ceasefire", "talks ".repeat(800)));
        group.bench_function(format!("one_word_{bytes}"), |b| {
            b.iter(|| {
                load_str_with(
                    "b.yaml",
                    black_box(&yaml),
                    Archives::Given(&[("a.txt", &archive)]),
                )
            })
        });
        // Near-repeats: the same sentence with one word varied; the quote one sentence
        // with a word no sentence has.
        let mut near = String::with_capacity(bytes + 64);
        let mut i = 0;
        while near.len() < bytes {
            let _ = write!(near, "the delegation said talks w{} will go on. ", i % 50);
            i += 1;
        }
        let yaml = one_log(&"the delegation said talks wx will go on. ".repeat(40));
        group.bench_function(format!("near_repeats_{bytes}"), |b| {
            b.iter(|| {
                load_str_with(
                    "b.yaml",
                    black_box(&yaml),
                    Archives::Given(&[("a.txt", &near)]),
                )
            })
        });
    }
    for words in [10_000usize, 20_000] {
        // A long quote cut from a prose archive, one word in a hundred changed.
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        let mut archive = String::new();
        while archive.split_whitespace().count() < words + 100 {
            archive.push_str(&archive_text(&mut rng, 1));
        }
        let quote: Vec<String> = archive
            .split_whitespace()
            .take(words)
            .enumerate()
            .map(|(i, w)| {
                if i % 100 == 50 {
                    "altered".into()
                } else {
                    w.to_string()
                }
            })
            .collect();
        let yaml = one_log(&quote.join(" "));
        group.bench_function(format!("long_quote_{words}_words"), |b| {
            b.iter(|| {
                load_str_with(
                    "b.yaml",
                    black_box(&yaml),
                    Archives::Given(&[("a.txt", &archive)]),
                )
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = support::config();
    targets = verify, repetitive
}
criterion_main!(benches);
