//! Integration tests: tui.

#[path = "../common/mod.rs"]
mod common;

mod behaviour;
mod edit;
mod lanes;
mod marks;
mod overview;
mod quote_browser;
mod reload;
mod screens;
mod share;
mod untrusted;
mod zones;
