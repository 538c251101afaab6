//! Integration tests: core.

mod format_rules;
mod generate;
#[path = "../../benches/support/generate.rs"]
mod generator;
mod merge;
mod zones;
mod schema;
