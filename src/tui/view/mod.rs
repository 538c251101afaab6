//! Drawing: `view(&App, &mut Frame)` reads the state and changes nothing. One file per
//! part of the screen.

mod cite;
pub mod detail;
pub mod errors;
mod header;
pub mod help;
mod lanes;
mod lists;
pub mod overview;
mod page;
pub mod picker;
pub mod positions;
pub mod quotes;
mod status;
pub mod text;
pub mod thread;
pub mod timeline;
mod too_small;

use super::app::{App, Overlay};
use super::layout::areas_in;
use ratatui::Frame;
use ratatui::widgets::Clear;

pub fn view(app: &App, frame: &mut Frame) {
    // Laid out for the frame drawn into, which is the size `update` last heard of.
    let full = frame.area();
    let a = areas_in(app, full);
    if a.too_small {
        too_small::draw(frame, full);
        return;
    }
    header::draw(app, frame, a.header);
    match app
        .overlays
        .iter()
        .rev()
        .find(|o| !matches!(o, Overlay::Search(_)))
    {
        Some(Overlay::Picker(p)) => {
            frame.render_widget(Clear, a.body);
            picker::draw(app, p, frame, a.body);
        }
        Some(Overlay::Quotes { scroll }) => {
            frame.render_widget(Clear, a.body);
            quotes::draw(app, *scroll, frame, a.body);
        }
        Some(Overlay::Help { scroll }) => {
            frame.render_widget(Clear, a.body);
            help::draw(app, *scroll, frame, a.body);
        }
        Some(Overlay::Errors { scroll }) => {
            frame.render_widget(Clear, a.body);
            errors::draw(app, *scroll, frame, a.body);
        }
        Some(Overlay::List(l)) => {
            frame.render_widget(Clear, a.body);
            lists::draw(app, l, frame, a.body);
        }
        _ if app.lanes.on => {
            lanes::draw(app, frame, a.timeline);
            detail::draw(app, frame, a.details, a.details_inner, a.beside);
        }
        _ => {
            overview::draw(app, frame, a.overview);
            timeline::draw(app, frame, a.timeline);
            detail::draw(app, frame, a.details, a.details_inner, a.beside);
        }
    }
    status::draw(app, frame, a.status);
}
