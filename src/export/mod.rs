//! Output of a filtered view for scripts and stories: text, markdown, JSON, CSV, TimelineJS,
//! iCalendar and a self-contained web page; and citations for the clipboard. Writing,
//! copying and opening are the browser runtime's.

pub mod cite;
pub mod csv;
pub mod describe;
pub mod html;
pub mod ics;
pub mod json;
pub mod markdown;
pub mod phrases;
pub mod text;
pub mod timelinejs;
pub mod web;

#[cfg(test)]
pub(crate) mod fixture;
