//! What several test files share.
#![allow(dead_code)] // each test file uses a part of it

pub mod browser;
pub mod cli;
pub mod pty;
pub mod trade;
