//! Integration tests: e2e.

#[path = "../common/mod.rs"]
mod common;

mod browse;
mod checking;
mod edit;
mod editor_line;
mod hardening;
mod held;
mod open_browser;
mod quote_passage;
mod seen;
mod stalled;
mod writing;
