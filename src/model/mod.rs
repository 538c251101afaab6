//! The types of an event log, format 1 (see docs/FORMAT.md). No terminal, no YAML here.

mod archive;
mod date;
mod log;
mod verification;

pub use archive::Archive;
pub use date::{DATE_FORMS, Date, DateError, Precision};
pub use log::*;
pub use verification::{Fold, NotFound, Verification};
