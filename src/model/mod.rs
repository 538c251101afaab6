//! The types of an event log, format 1 (see docs/FORMAT.md). No terminal, no YAML here.

mod date;
mod log;
mod zone;
mod zone_hints;

pub(crate) use crate::archive::Archive;
pub use crate::archive::{Fold, NotFound, Verification};
pub use chrono_tz::Tz;
pub use date::{DATE_FORMS, Date, DateError, Precision, day_text};
pub use log::*;
pub(crate) use zone::{DEFAULT_ZONE, parse_zone};
pub(crate) use zone_hints::fixed_abbreviation_warning;
