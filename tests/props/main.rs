//! Integration tests: props.

mod filter;
mod loader;
mod tui;
