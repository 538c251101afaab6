//! The short words that stand for a kind or a status wherever an event is listed: the
//! timeline, the lanes, the lists and the help that explains them.

use crate::model::{Kind, Status};

/// The short badge of a kind, four columns.
pub(crate) fn badge(k: Kind) -> &'static str {
    match k {
        Kind::Meeting => "MEET",
        Kind::Call => "CALL",
        Kind::Statement => "STMT",
        Kind::Proposal => "PROP",
        Kind::Response => "RESP",
        Kind::Agreement => "DEAL",
        Kind::Travel => "TRIP",
        Kind::Development => "NEWS",
    }
}

/// The marker of a status: an expected event must not look like one that happened.
pub(crate) fn marker(s: Status) -> &'static str {
    match s {
        Status::Occurred => " ",
        Status::Expected => "?",
        Status::Cancelled => "×",
        Status::Disputed => "!",
    }
}
