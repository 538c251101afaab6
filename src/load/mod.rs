//! From YAML text to a validated `Log`, with diagnostics for everything that is wrong.
//!
//! `yaml` is the only module that parses YAML; `validate` turns its spanned tree into the
//! model, collecting every error of the file rather than stopping at the first.

mod diagnostic;

pub use diagnostic::{Diagnostic, Report, Severity};

use crate::model::Log;
use std::path::Path;

/// Bounds that keep a hostile file from exhausting time or memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest file read, in bytes.
    pub max_file_bytes: u64,
    /// Deepest nesting of sequences and mappings.
    pub max_depth: usize,
    /// Most nodes that aliases may add, as a multiple of the nodes written in the file.
    pub max_alias_factor: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 512 * 1024 * 1024,
            max_depth: 64,
            max_alias_factor: 10,
        }
    }
}

/// A log that opened, with the warnings found on the way.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub log: Log,
    pub warnings: Vec<Diagnostic>,
}

/// Loads one log from text; `name` is how messages call the file.
pub fn load_str(name: &str, text: &str) -> Result<Loaded, Report> {
    load_bytes(name, text.as_bytes(), &Limits::default())
}

/// Loads one log from bytes, which may be anything.
pub fn load_bytes(_name: &str, _bytes: &[u8], _limits: &Limits) -> Result<Loaded, Report> {
    todo!("loader")
}

/// Reads and loads one file.
pub fn load_path(_path: &Path, _limits: &Limits) -> Result<Loaded, Report> {
    todo!("loader")
}
