//! Where each part goes for a terminal size: one pure function, used by `view` to draw and
//! by `update` to know how tall a page is and what a click hit.

pub(crate) mod badges;
pub(crate) mod citation;
pub(crate) mod count;
pub(crate) mod detail_text;
pub(crate) mod scroll;
pub(crate) mod text;

use crate::tui::app::{App, Focus};
use ratatui::layout::Rect;

/// Below this the browser only says the terminal is too small.
pub(crate) const MIN_WIDTH: u16 = 20;
pub(crate) const MIN_HEIGHT: u16 = 5;
/// From this width on, the details pane sits beside the timeline.
const WIDE: u16 = 100;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Areas {
    pub(crate) header: Rect,
    /// Everything between header and status bar (overlays draw here).
    pub(crate) body: Rect,
    pub timeline: Rect,
    /// The details pane with its border; empty when there is no room for it.
    pub details: Rect,
    /// Inside the border.
    pub(crate) details_inner: Rect,
    pub(crate) status: Rect,
    /// The activity overview strip, taken from the top of the timeline when shown.
    pub overview: Rect,
    pub too_small: bool,
    /// Details beside the timeline (else below it).
    pub beside: bool,
}

pub fn areas(app: &App) -> Areas {
    areas_in(app, Rect::new(0, 0, app.width, app.height))
}

/// The areas in `full` for the app's focus, with the overview strip when it is shown.
pub(crate) fn areas_in(app: &App, full: Rect) -> Areas {
    let mut a = areas_split(full, app.focus, app.lanes.on);
    if let Some(ov) = &app.overview {
        let h = ov.height(a.timeline.height);
        a.overview = Rect::new(a.timeline.x, a.timeline.y, a.timeline.width, h);
        a.timeline.y += h;
        a.timeline.height -= h;
    }
    a
}

/// The areas without the overview strip. The lanes view needs the width for its lanes, so
/// there the details pane gives way: below the lanes when tall enough, else hidden.
pub(crate) fn areas_split(full: Rect, focus: Focus, lanes: bool) -> Areas {
    if full.width < MIN_WIDTH || full.height < MIN_HEIGHT {
        return Areas {
            too_small: true,
            ..Areas::default()
        };
    }
    let header_h = if full.height >= 10 { 2 } else { 1 };
    let header = Rect::new(full.x, full.y, full.width, header_h);
    let status = Rect::new(full.x, full.y + full.height - 1, full.width, 1);
    let body = Rect::new(
        full.x,
        full.y + header_h,
        full.width,
        full.height - header_h - 1,
    );
    let (timeline, details, details_inner, beside) = if full.width >= WIDE && !lanes {
        // In u32: 45 × a width past 1456 columns overflows u16.
        let dw = (u32::from(body.width) * 45 / 100) as u16;
        let tl = Rect::new(body.x, body.y, body.width - dw, body.height);
        let d = Rect::new(body.x + tl.width, body.y, dw, body.height);
        let inner = Rect::new(d.x + 1, d.y, d.width - 1, d.height);
        (tl, d, inner, true)
    } else if body.height >= 8 {
        let th = (u32::from(body.height) * 55 / 100) as u16;
        let tl = Rect::new(body.x, body.y, body.width, th);
        let d = Rect::new(body.x, body.y + th, body.width, body.height - th);
        let inner = Rect::new(d.x, d.y + 1, d.width, d.height - 1);
        (tl, d, inner, false)
    } else if focus == Focus::Details {
        // Too short for both: the focused pane takes the body.
        let inner = Rect::new(body.x, body.y + 1, body.width, body.height - 1);
        (Rect::default(), body, inner, false)
    } else {
        (body, Rect::default(), Rect::default(), false)
    };
    Areas {
        header,
        body,
        timeline,
        details,
        details_inner,
        status,
        overview: Rect::default(),
        too_small: false,
        beside,
    }
}
