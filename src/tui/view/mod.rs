//! Drawing: `view(&App, &mut Frame)` reads the state and changes nothing. One file per
//! part of the screen.

pub(crate) mod detail;
mod header;
pub(crate) mod link;
pub(crate) mod page;
mod status;
pub(crate) mod timeline;
mod too_small;

use crate::tui::app::App;
use crate::tui::lanes;
use crate::tui::layout::areas_in;
use crate::tui::overview;
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
    match app.overlays.iter().rev().find(|o| o.covers_body()) {
        Some(o) => {
            frame.render_widget(Clear, a.body);
            o.draw(app, frame, a.body);
        }
        _ if app.lanes.on => {
            lanes::draw::draw(app, frame, a.timeline);
            detail::draw(app, frame, a.details, a.details_inner, a.beside);
        }
        _ => {
            overview::draw::draw(app, frame, a.overview);
            timeline::draw(app, frame, a.timeline);
            detail::draw(app, frame, a.details, a.details_inner, a.beside);
        }
    }
    status::draw(app, frame, a.status);
}
