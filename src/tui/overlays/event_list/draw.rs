//! Draws the thread and positions views: a titled pane over the body, scrolled.

use crate::sanitize::sanitize;
use crate::tui::app::App;
use crate::tui::layout::text::first_fitting;
use crate::tui::overlays::event_list::{EventList, ListKind, text};
use crate::tui::overlays::quotes::inner;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

pub(crate) fn draw(app: &App, list: &EventList, frame: &mut Frame, area: Rect) {
    // Whose positions, always in sight: the list below scrolls.
    // Narrow, the keys go first (the status line has them too); the party's name stays.
    let titles = match list.kind {
        ListKind::Thread { .. } => vec![
            " Thread · Enter goes to the event · Esc back ".to_owned(),
            " Thread ".to_owned(),
        ],
        ListKind::Positions { party } => {
            let name = sanitize(&app.log.parties[party].name);
            vec![
                format!(
                    " Positions of {name} · p another party · Enter goes to the event · Esc back "
                ),
                format!(" Positions of {name} · p another party · Enter event · Esc back "),
                format!(" Positions of {name} · p another party "),
                format!(" Positions of {name} "),
            ]
        }
    };
    // The border takes a column at each end.
    let title = first_fitting(titles, (area.width as usize).saturating_sub(2));
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
