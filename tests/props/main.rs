//! Integration tests: props.

mod days;
mod filter;
#[path = "../../benches/support/generate.rs"]
mod generator;
mod loader;
mod search;
mod stream;
mod tui;
mod writing;
