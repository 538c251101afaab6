//! Integration tests: core.

mod archive;
mod format_rules;
mod generate;
mod merge;
