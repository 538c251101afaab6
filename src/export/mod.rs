//! Output of a filtered view for scripts and stories: text, markdown, JSON, CSV, TimelineJS,
//! iCalendar and a self-contained web page; and citations for the clipboard. Writing,
//! copying and opening are the browser runtime's.

pub mod bibliography;
pub mod changes;
pub mod cite;
pub mod csv;
pub(crate) mod describe;
pub mod html;
pub mod ics;
pub mod json;
mod json_fields;
pub mod markdown;
pub mod phrases;
pub(crate) mod text;
pub mod timelinejs;
pub(crate) mod web;

#[cfg(test)]
pub(crate) mod fixture;
