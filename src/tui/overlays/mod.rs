//! Views on top of the browser, closed by Esc; the last one opened has the keyboard.
//! One module per overlay, holding its state, its update and its draw.

pub mod errors;
pub mod event_list;
pub mod help;
pub mod jump;
pub mod picker;
pub mod quotes;
