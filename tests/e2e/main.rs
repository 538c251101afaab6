//! Integration tests: e2e.

#[path = "../common/mod.rs"]
mod common;

mod browse;
mod edit;
mod hardening;
mod held;
mod writing;
