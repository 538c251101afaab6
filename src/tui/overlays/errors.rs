//! The errors of the file on disk (`E`), while the last good log stays on screen: each
//! diagnostic as `dateline check` prints it (rendered and sanitised when the reload
//! failed, see `reload::FileErrors`), wrapped to the view.

use crate::tui::app::{App, Overlay};
use crate::tui::input::action::Action;
use crate::tui::layout::text::wrap;
use crate::tui::overlays::reader;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

/// `E`: the errors of the file on disk, when it does not open.
pub(crate) fn open(app: &mut App) {
    if app.file_errors.is_some() {
        app.overlays.push(Overlay::Errors { scroll: 0 });
    } else {
        app.message = Some("no errors: the log on screen is the file as it is on disk".into());
    }
}

/// Keys while the errors are open: they scroll.
pub(crate) fn update(app: &mut App, action: Action) {
    let total = lines(app, reader::inner(app).width as usize).len();
    reader::update(app, action, total);
}

fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let w = width.max(1);
    let Some(fe) = &app.file_errors else {
        return wrap(
            &[("The file on disk opens without errors.", Style::new())],
            w,
            0,
        );
    };
    let intro = format!(
        "The file on disk does not open ({}). The browser still shows the last good \
         version; save a fixed file and it reloads.",
        fe.counted()
    );
    let mut out = wrap(&[(intro.as_str(), t.label())], w, 0);
    for (first, line) in &fe.lines {
        if *first {
            out.push(Line::default());
        }
        let style = if *first { t.warning() } else { Style::new() };
        out.extend(wrap(&[(line.as_str(), style)], w, 0));
    }
    out
}

pub(crate) fn draw(app: &App, scroll: usize, frame: &mut Frame, area: Rect) {
    crate::tui::view::page::draw(
        app,
        " Errors in the file · Esc back ",
        |w| lines(app, w),
        scroll,
        frame,
        area,
    );
}
