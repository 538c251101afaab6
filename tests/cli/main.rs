//! Integration tests: cli.

#[path = "../common/mod.rs"]
mod common;

mod browser_and_list_agree;
mod browser_quotes_and_quotes_agree;
mod check;
mod import;
mod list;
mod quotes;
mod source_filters;
mod sources;
mod verification;
mod web;
mod writing;
