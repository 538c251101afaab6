//! The help screen, generated from the keymap so that it lists every key there is.

use crate::model::{Kind, Status};
use crate::tui::app::{App, Overlay};
use crate::tui::input::action::Action;
use crate::tui::input::keymap::{BINDINGS, Mode, keys_label, text_help};
use crate::tui::layout::badges::{badge, marker};
use crate::tui::layout::text::{truncate, width};
use crate::tui::overlays::{Opener, jump, reader};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// `?`: the help, from its top.
pub(crate) fn open(app: &mut App) {
    app.overlays.push(Overlay::Help { scroll: 0 });
}

/// Keys while the help is open: it scrolls.
pub(crate) fn update(app: &mut App, action: Action) {
    let total = lines(app, reader::inner(app).width as usize).len();
    reader::update(app, action, total);
}

pub fn lines(app: &App, w: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut out = Vec::new();
    let key_w = 16;
    for mode in Mode::ALL {
        out.push(Line::from(Span::styled(mode.title(), t.heading())));
        if let Some(h) = text_help(mode) {
            out.push(Line::from(vec![
                Span::styled(format!("  {:<key_w$} ", "letters"), t.key()),
                Span::raw(h),
            ]));
        }
        for b in BINDINGS.iter().filter(|b| b.modes.contains(&mode)) {
            let keys = keys_label(b);
            let pad = key_w.saturating_sub(width(&keys));
            // Examples in the open log's dates, as the prompt itself gives them.
            let help = if b.action == Action::Show(Opener::Jump) {
                format!(" {}: {}", b.help, jump::forms(app))
            } else {
                format!(" {}", b.help)
            };
            out.push(Line::from(truncate(
                vec![
                    Span::styled(format!("  {keys}{}", " ".repeat(pad)), t.key()),
                    Span::raw(help),
                ],
                w,
            )));
        }
        out.push(Line::default());
    }
    out.push(Line::from(Span::styled("Badges and markers", t.heading())));
    for k in Kind::ALL {
        out.push(Line::from(vec![
            Span::styled(format!("  {}", badge(k)), t.kind(k)),
            Span::raw(format!("  {}", k.as_str())),
        ]));
    }
    for s in Status::ALL.into_iter().skip(1) {
        out.push(Line::from(vec![
            Span::styled(format!("  {}   ", marker(s)), t.label()),
            Span::styled(format!("  {}", s.as_str()), t.status(s)),
        ]));
    }
    out
}

pub(crate) fn draw(app: &App, scroll: usize, frame: &mut Frame, area: Rect) {
    crate::tui::view::page::draw(
        app,
        " Keys · Esc back ",
        |w| lines(app, w),
        scroll,
        frame,
        area,
    );
}
