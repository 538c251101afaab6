//! Integration tests: props.

mod archive;
mod days;
mod filter;
#[path = "../../benches/support/generate.rs"]
mod generator;
mod loader;
mod originals;
mod paging;
mod reload;
mod search;
mod sources;
mod stream;
#[path = "../common/trade.rs"]
mod trade;
mod tui;
mod writing;
