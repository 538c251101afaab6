//! The trade-talks log of tests/fixtures/trade-talks: three files read as one, in New
//! York, with times on eight clocks, the hour New York repeats, an archived joint
//! statement, and events known only by their month and their year last.

use dateline::load::{Limits, Loaded, load_paths};
use std::path::PathBuf;

/// The log's folder.
pub fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/trade-talks")
}

/// Its three files, in the order a directory gives them.
pub fn files() -> Vec<PathBuf> {
    ["1-setup.yaml", "2-spring.yaml", "3-autumn.yaml"]
        .iter()
        .map(|f| dir().join(f))
        .collect()
}

pub fn load() -> Loaded {
    load_paths(&files(), &Limits::default()).expect("the trade log loads")
}
