//! Integration tests: props.

mod archive;
mod days;
mod filter;
#[path = "../../benches/support/generate.rs"]
mod generator;
mod loader;
mod search;
mod stream;
mod tui;
