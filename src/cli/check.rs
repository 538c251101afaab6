//! `dateline check FILE...`: diagnostics like a compiler's, then one summary line per file.

use crate::load::Limits;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(_files: &[PathBuf], _limits: &Limits) -> ExitCode {
    todo!("check")
}
