//! Draws the thread and positions views: a titled pane over the body, scrolled.

use crate::text::sanitize;
use crate::tui::app::App;
use crate::tui::overlays::event_list::{EventList, ListKind, text};
use crate::tui::overlays::quotes::inner;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

pub(crate) fn draw(app: &App, list: &EventList, frame: &mut Frame, area: Rect) {
    // Whose positions, always in sight: the list below scrolls.
    let title = match list.kind {
        ListKind::Thread { .. } => " Thread · Enter goes to the event · Esc back ".to_owned(),
        ListKind::Positions { party } => format!(
            " Positions of {} · p another party · Enter goes to the event · Esc back ",
            sanitize(&app.log.parties[party].name)
        ),
    };
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(app.theme.key())
        .title(Span::styled(title, app.theme.key()));
    frame.render_widget(block, area);
    let inner = inner(area);
    let all = text(app, list, inner.width as usize).lines;
    let h = inner.height as usize;
    let off = list.scroll.min(all.len().saturating_sub(h));
    let shown: Vec<Line> = all.into_iter().skip(off).take(h).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
