//! Integration tests: props.

mod days;
mod loader;
mod tui;
