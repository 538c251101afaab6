//! Integration tests: cli.

#[path = "../common/mod.rs"]
mod common;

mod adding;
mod archive_at_scale;
mod browser_and_list_agree;
mod browser_quotes_and_quotes_agree;
mod check;
mod diff;
mod flow_at_scale;
#[path = "../../benches/support/generate.rs"]
mod generator;
mod import;
mod import_at_scale;
mod list;
mod marks_file;
mod matching_at_scale;
mod quotes;
mod revision3;
mod separators;
mod source_filters;
mod sources;
mod unseen;
mod verification;
mod web;
mod writing;
mod yaml_corpus;
