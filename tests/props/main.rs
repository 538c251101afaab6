//! Integration tests: props.

mod loader;
mod tui;
