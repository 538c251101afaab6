//! Output of a filtered view for scripts and stories: text, markdown, JSON, CSV, and
//! citations for the clipboard. Writing, copying and opening are the browser runtime's.

pub mod cite;
pub mod csv;
pub mod describe;
pub mod json;
pub mod markdown;
pub mod phrases;
pub mod text;

#[cfg(test)]
pub(crate) mod fixture;
