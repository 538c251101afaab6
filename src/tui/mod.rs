//! The timeline browser, in the Elm style: `App` state, `Action`s from one keymap,
//! `update` the only place state changes, `view` draws.
//!
//! - `app/`: the state (`App`, its overlays list, the timeline rows derived from the log).
//! - `input/`: `Action`, `Msg` and the one key table (behaviour, help and hints).
//! - `update/`: `update`, and the handlers it dispatches to (marks, sharing, reload).
//! - `overlays/`: one module per view on top of the browser (state, update, draw).
//! - `lanes/`, `overview/`: the two alternative main views, each with its state and draw.
//! - `view/`: drawing the main screen (header, timeline, details, status).
//! - `theme`: the styles and party colours, for the terminal's colours.
//! - `layout/`: where each part goes for a terminal size, and the text laid out for it
//!   (wrapping, the details text, citations, badges): below both `update` and `view`.
//! - `runtime/`: the terminal, signals, the watcher, the run loop and the effects executor.

pub mod app;
pub mod input;
pub mod lanes;
pub mod layout;
pub mod overlays;
pub(crate) mod overview;
pub mod runtime;
pub(crate) mod theme;
pub mod update;
pub(crate) mod view;

pub use app::App;
pub use input::action::Action;
pub use input::msg::Msg;
pub use runtime::log_source::LogSource;
pub(crate) use runtime::run;
pub(crate) use runtime::run_loop::Ended;
pub use theme::ColorMode;
pub use update::update;
pub use view::view;
