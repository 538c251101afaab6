//! Integration tests: cli.

#[path = "../common/mod.rs"]
mod common;

mod adding;
mod browser_and_list_agree;
mod browser_quotes_and_quotes_agree;
mod check;
#[path = "../../benches/support/generate.rs"]
mod generator;
mod import;
mod list;
mod quotes;
mod verification;
mod web;
mod writing;
mod yaml_corpus;
