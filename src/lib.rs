//! dateline: a terminal timeline of negotiations, read from a YAML event log (format 1).
//!
//! The core knows nothing of terminals: `model` (the types of the format), `load` (YAML to a
//! checked model), `archive` (archived sources and quote checking), `filter`, `search`,
//! `postings`, `days`, `activity`, `threads`, `export`, `import`, `sanitize`, `color_policy`,
//! `party_colors`, `marks` and `watch`. The command line (`cli`) and the browser (`tui`) are
//! thin layers over it.

#![forbid(unsafe_code)]

pub mod activity;
pub mod archive;
pub mod cli;
pub mod color_policy;
pub mod days;
pub mod diff;
pub mod export;
pub mod filter;
#[doc(hidden)]
pub mod import;
pub mod load;
pub mod marks;
pub mod model;
pub mod page;
pub mod party_colors;
pub mod postings;
pub mod sanitize;
pub mod search;
pub mod seen;
pub mod sources;
pub mod state_file;
pub mod threads;
pub mod tui;
pub mod watch;
pub mod write;

/// The sample log, compiled in so that an installed `dateline` opens it anywhere.
pub const SAMPLE: &str = include_str!("../data/cairo-talks-2024.yaml");
/// The name the sample goes by in messages.
pub const SAMPLE_NAME: &str = "cairo-talks-2024.yaml (bundled sample)";
/// The starter log that `dateline new` writes.
pub const STARTER: &str = include_str!("../data/starter.yaml");
/// The JSON Schema of format 1 (revision 2), for editors: `dateline schema` prints it.
pub const SCHEMA: &str = include_str!("../docs/format-1.schema.json");
/// The sample's archived sources (the two reports its quotes come from), compiled in with it.
pub const SAMPLE_ARCHIVES: &[(&str, &str)] = &[
    (
        "sources/axios-2024-04-04.txt",
        include_str!("../data/sources/axios-2024-04-04.txt"),
    ),
    (
        "sources/reuters-2024-05-03.txt",
        include_str!("../data/sources/reuters-2024-05-03.txt"),
    ),
];

/// Loads the bundled sample, its archives with it.
pub fn load_sample() -> Result<load::Loaded, load::Report> {
    load::load_str_with(
        SAMPLE_NAME,
        SAMPLE,
        archive::Archives::Given(SAMPLE_ARCHIVES),
    )
}
