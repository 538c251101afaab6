//! Integration tests: tui.

mod behaviour;
mod lanes;
mod marks;
mod overview;
mod reload;
mod screens;
mod share;
mod untrusted;
