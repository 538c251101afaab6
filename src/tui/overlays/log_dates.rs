//! Dates of the open log, written as a prompt takes them, for the examples the date
//! prompts (`:` and `r`) give: a reader of a 2022 log is shown 2022, not some other year.

use crate::model::{Date, Precision};
use crate::tui::app::App;

/// The first and the last event's dates (today in the reading zone for an empty log).
pub(crate) fn first_and_last(app: &App) -> (Date, Date) {
    let events = &app.log.events;
    let today = || Date::today(app.log.timezone);
    (
        events.first().map_or_else(today, |e| e.date),
        events.last().map_or_else(today, |e| e.date),
    )
}

/// `d`'s reading-zone period, at most as precise as `at` and as the log wrote it:
/// `2024`, `2024-05`, `2024-05-03`.
pub(crate) fn written(d: &Date, at: Precision) -> String {
    let format = match d.precision.min(at) {
        Precision::Year => "%Y",
        Precision::Month => "%Y-%m",
        _ => "%Y-%m-%d",
    };
    d.reading_day().format(format).to_string()
}
