//! Output of a filtered view for scripts and stories: text, markdown, JSON, CSV, TimelineJS,
//! iCalendar and a self-contained web page; citations for the clipboard; and the small
//! effects the browser needs to share them (OSC 52, a new file that never overwrites,
//! opening a URL).

pub mod cite;
pub mod csv;
pub mod describe;
pub mod file;
pub mod html;
pub mod ics;
pub mod json;
pub mod markdown;
pub mod osc52;
pub mod phrases;
pub mod text;
pub mod timelinejs;
pub mod web;

mod open;

pub use open::open_url;

#[cfg(test)]
pub(crate) mod fixture;
