//! The errors of the file on disk (`E`), while the last good log stays on screen: each
//! diagnostic as `dateline check` prints it (rendered and sanitised when the reload
//! failed, see `reload::FileErrors`), wrapped to the view.

use super::text::wrap;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let w = width.max(1);
    let Some(fe) = &app.file_errors else {
        return wrap(
            &[("The file on disk opens without errors.", Style::new())],
            w,
            0,
        );
    };
    let n = fe.report.error_count();
    let intro = format!(
        "The file on disk does not open ({} error{}). The browser still shows the last good \
         version; save a fixed file and it reloads.",
        n,
        if n == 1 { "" } else { "s" }
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

pub fn draw(app: &App, scroll: usize, frame: &mut Frame, area: Rect) {
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(app.theme.key())
        .title(Span::styled(
            " Errors in the file · Esc back ",
            app.theme.key(),
        ));
    frame.render_widget(block, area);
    let inner = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(1),
    );
    let all = lines(app, inner.width as usize);
    let h = inner.height as usize;
    let off = scroll.min(all.len().saturating_sub(h));
    let shown: Vec<Line> = all.into_iter().skip(off).take(h).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
