//! What every benchmark shares: the log sizes, the generated text, modest timing.
//!
//! Sizes come from `DATELINE_BENCH_SIZES` (comma-separated event counts, `_` allowed),
//! by default 1,000, 10,000 and 100,000. `DATELINE_BENCH_SIZES=1000,10000 cargo bench`
//! skips the slow 100k runs; `...=1000000` tries a million.

#![allow(dead_code)] // each bench uses part of it

use criterion::Criterion;
use dateline::load::{Loaded, load_str};
use std::time::Duration;

/// The seed of every benchmark log: the same bytes on every run and machine.
pub const SEED: u64 = 1;

pub fn sizes() -> Vec<usize> {
    match std::env::var("DATELINE_BENCH_SIZES") {
        Ok(list) => list
            .split(',')
            .filter_map(|s| s.trim().replace('_', "").parse().ok())
            .collect(),
        Err(_) => vec![1_000, 10_000, 100_000],
    }
}

/// The YAML text of a log of `events` events.
pub fn text(events: usize) -> String {
    dateline::generate::generate(events, SEED)
}

/// A loaded log of `events` events.
pub fn loaded(events: usize) -> Loaded {
    load_str("bench.yaml", &text(events)).expect("generated logs load")
}

/// Few samples, short runs: all of `cargo bench` in minutes on two cores. Criterion's own
/// flags (`--sample-size`, `--measurement-time`) still override these.
pub fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args()
}

/// `1k`, `10k`, `100k`, `1M`: names for benchmark ids.
pub fn label(events: usize) -> String {
    match events {
        n if n >= 1_000_000 && n % 1_000_000 == 0 => format!("{}M", n / 1_000_000),
        n if n >= 1_000 && n % 1_000 == 0 => format!("{}k", n / 1_000),
        n => n.to_string(),
    }
}
