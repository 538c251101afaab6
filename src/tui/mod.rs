//! The timeline browser, in the Elm style: `App` state, `Action`s from one keymap,
//! `update` the only place state changes, `view` draws.
