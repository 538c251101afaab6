//! Integration tests: core.

mod format_rules;
mod generate;
mod merge;
mod untrusted_exports;
