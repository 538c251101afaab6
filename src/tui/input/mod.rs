//! Input: what the reader can ask (`Action`), what reaches `update` (`Msg`), and the one
//! key table that turns keys and mouse into actions and also writes the help and hints.

pub mod action;
pub mod keymap;
pub mod msg;
