//! The types of an event log, format 1 (see docs/FORMAT.md). No terminal, no YAML here.

mod archive;
mod date;
mod log;
mod verification;
mod zone;
mod zone_hints;

pub(crate) use archive::Archive;
pub use chrono_tz::Tz;
pub use date::{DATE_FORMS, Date, DateError, Precision, day_text};
pub use log::*;
pub use verification::{Fold, NotFound, Verification};
pub(crate) use zone::{DEFAULT_ZONE, parse_zone};
pub(crate) use zone_hints::fixed_abbreviation_warning;
