//! The types of an event log, format 1 (see docs/FORMAT.md). No terminal, no YAML here.

mod date;
mod log;

pub use date::{DATE_FORMS, Date, DateError, Precision};
pub use log::*;
