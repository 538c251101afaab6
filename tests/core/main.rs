//! Integration tests: core.

mod archive;
mod budget;
mod format_rules;
mod generate;
#[path = "../../benches/support/generate.rs"]
mod generator;
mod merge;
mod page;
mod reload_cache;
mod revision3;
mod schema;
mod untrusted_exports;
mod zones;
