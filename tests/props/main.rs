//! Integration tests: props.

mod days;
mod filter;
#[path = "../../benches/support/generate.rs"]
mod generator;
mod loader;
mod originals;
mod search;
mod stream;
mod tui;
