//! Integration tests: tui.

#[path = "../common/mod.rs"]
mod common;

mod archive;
mod archive_page;
mod behaviour;
mod details;
mod edit;
mod form_pickers;
mod lanes;
mod marks;
mod originals;
mod overview;
mod paste;
mod quote_browser;
mod quote_passage;
mod reload;
mod reload_after_write;
mod screens;
mod seen;
mod share;
mod source_filters;
mod sources_view;
mod trade_log;
mod untrusted;
mod writing;
mod zones;
