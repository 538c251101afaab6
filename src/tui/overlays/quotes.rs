//! The quote view: every quote of the selected event, verbatim and wrapped, each with who
//! said it and where it was published. Reported speech never gets quotation marks.

use crate::export::phrases::{self, verification_note};
use crate::model::{EventIx, Verification};
use crate::sanitize::{sanitize, verbatim_on_screen};
use crate::tui::app::{App, Overlay};
use crate::tui::input::action::Action;
use crate::tui::layout::areas;
use crate::tui::layout::citation;
use crate::tui::layout::scroll::Scroll;
use crate::tui::layout::text::{url_line, wrap};
use crate::tui::overlays::Opener;
use crate::tui::overlays::{context, reader};
use crate::tui::update::share;
use crate::tui::view::link;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// Columns on the left where the selected quote is marked.
const GUTTER: usize = 2;

/// Enter: the selected event's quotes, the cursor on the first.
pub(crate) fn open(app: &mut App) {
    let Some(ix) = app.selected else { return };
    if app.log.events[ix].quotes.is_empty() {
        app.message = Some("this event has no quotes".into());
    } else {
        app.quote = 0;
        app.overlays.push(Overlay::Quotes { scroll: 0 });
    }
}

/// Keys in the quotes: the cursor moves from quote to quote, the sharing and editor
/// keys act on the quote under it, C reads it in context; the rest scrolls.
pub(crate) fn update(app: &mut App, action: Action) {
    match action {
        Action::Share(what) => share::share(app, what),
        Action::Edit => crate::tui::update::edit::edit(app),
        Action::Down => step_cursor(app, 1),
        Action::Up => step_cursor(app, -1),
        Action::Show(Opener::Context) => context::open(app),
        _ => {
            let total = app.selected.map_or(0, |ix| {
                lines(app, ix, reader::inner(app).width as usize).len()
            });
            reader::update(app, action, total);
        }
    }
}

/// Moves the cursor `by` quotes (clamped to the event's quotes) and scrolls to it, so
/// that `y` and `o` act on the quote the reader sees marked.
pub(crate) fn step_cursor(app: &mut App, by: isize) {
    let Some(ix) = app.selected else { return };
    let n = app.log.events[ix].quotes.len();
    if n == 0 {
        return;
    }
    app.quote = app.quote.min(n - 1).saturating_add_signed(by).min(n - 1);
    let inner = inner(areas(app).body);
    let h = (inner.height as usize).max(1);
    let width = inner.width as usize;
    let total = lines(app, ix, width).len();
    let starts = quote_starts(app, ix, width);
    let start = starts[app.quote];
    // The blank line before the next quote, or the end.
    let end = starts.get(app.quote + 1).map_or(total, |&s| s - 1);
    let Some(Overlay::Quotes { scroll }) = app.overlays.last_mut() else {
        return;
    };
    // The first quote shows with the event's title above it; others with the blank line
    // before them when they are shown from their start.
    let from = if app.quote == 0 { 0 } else { start - 1 };
    *scroll = Scroll::new(*scroll, h, total).reveal(from, end);
}

/// Open over a new version of the log while the selection is the same event and still
/// has quotes.
pub(crate) fn survives(app: &App, same_selection: bool) -> bool {
    same_selection
        && app
            .selected
            .is_some_and(|s| !app.log.events[s].quotes.is_empty())
}

/// The view's lines for one event at one width, the selected quote (`App::quote`) marked
/// in the gutter so that it shows without colour.
pub(crate) fn lines(app: &App, ix: EventIx, width: usize) -> Vec<Line<'static>> {
    let (text, starts) = laid_out(app, ix, width.saturating_sub(GUTTER));
    let sel = app.quote.min(starts.len().saturating_sub(1));
    let range = starts.get(sel).map_or(0..0, |&s| {
        s..starts.get(sel + 1).map_or(text.len(), |&n| n - 1)
    });
    text.into_iter()
        .enumerate()
        .map(|(i, mut line)| {
            let mark = if range.contains(&i) {
                Span::styled("▌ ", app.theme.key())
            } else {
                Span::raw("  ")
            };
            line.spans.insert(0, mark);
            line
        })
        .collect()
}

/// Where each quote starts among `lines` (its number line), for the quote cursor.
pub(crate) fn quote_starts(app: &App, ix: EventIx, width: usize) -> Vec<usize> {
    laid_out(app, ix, width.saturating_sub(GUTTER)).1
}

/// The lines without the gutter, and the line each quote starts on.
fn laid_out(app: &App, ix: EventIx, width: usize) -> (Vec<Line<'static>>, Vec<usize>) {
    let t = &app.theme;
    let log = &app.log;
    let e = &log.events[ix];
    let w = width.max(1);
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut starts = Vec::with_capacity(e.quotes.len());
    out.extend(wrap(
        &[
            (&e.date.human(), t.dim()),
            (" · ", t.dim()),
            (&sanitize(&e.title), t.label()),
        ],
        w,
        2,
    ));
    // Every quote of an event that did not simply happen is read under its status.
    if let Some(note) = citation::status_note(e) {
        out.extend(wrap(&[(&note, t.warning())], w, 2));
    }
    if e.quotes.is_empty() {
        out.push(Line::from("This event has no quotes."));
    }
    for (n, q) in e.quotes.iter().enumerate() {
        out.push(Line::default());
        starts.push(out.len());
        let text = verbatim_on_screen(&q.text);
        let num = format!("{}. ", n + 1);
        if let Some(label) = citation::words_label(q) {
            out.extend(wrap(&[(&num, t.label()), (label, t.key())], w, 3));
            out.extend(citation::bare_words(q, w, 3));
            out.extend(citation::original_lines(t, q, w, 3));
        } else {
            out.extend(wrap(
                &[
                    (&num, t.label()),
                    ("“", Style::new()),
                    (&text, Style::new()),
                    ("”", Style::new()),
                ],
                w,
                3,
            ));
        }
        let said = format!("   {}", phrases::SAID_BY);
        out.extend(wrap(
            &[(&said, t.dim()), (&citation::speaker(log, q), t.label())],
            w,
            5,
        ));
        match q.source {
            Some(s) => {
                out.extend(wrap(
                    &[
                        ("   ", Style::new()),
                        (&citation::source(log, s), Style::new()),
                    ],
                    w,
                    5,
                ));
                if let Some(u) = citation::source_url(log, s) {
                    out.push(url_line("   ", &u, t.dim(), w));
                }
            }
            None => out.extend(wrap(
                &[
                    ("   ", Style::new()),
                    ("no source given in the log", t.warning()),
                ],
                w,
                5,
            )),
        }
        // How the words fared against the archived source: a quote not found is flagged
        // so that it cannot be copied unnoticed.
        let verdict = match &q.verification {
            Verification::Verified { .. } => {
                Some(("✓ found in the archived source".into(), t.dim()))
            }
            v if v.is_flagged() => verification_note(log, q).map(|n| (n, t.warning())),
            _ => verification_note(log, q).map(|n| (n, t.dim())),
        };
        if let Some((note, style)) = verdict {
            out.extend(wrap(&[("   ", Style::new()), (&note, style)], w, 5));
        }
    }
    (out, starts)
}

/// Content height and width inside the view's border, for a body area.
pub(crate) fn inner(area: Rect) -> Rect {
    Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(1),
    )
}

pub(crate) fn draw(app: &App, scroll: usize, frame: &mut Frame, area: Rect) {
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(app.theme.key())
        .title(Span::styled(" Quotes · Esc back ", app.theme.key()));
    frame.render_widget(block, area);
    let Some(ix) = app.selected else { return };
    let inner = inner(area);
    let all = lines(app, ix, inner.width as usize);
    let h = inner.height as usize;
    let off = scroll.min(all.len().saturating_sub(h));
    let shown: Vec<Line> = all.into_iter().skip(off).take(h).collect();
    frame.render_widget(Paragraph::new(shown), inner);
    if app.hyperlinks {
        let log = &app.log;
        let urls: Vec<&str> = log.events[ix]
            .quotes
            .iter()
            .filter_map(|q| log.sources.get(q.source?)?.url.as_deref())
            .collect();
        link::link_drawn(frame.buffer_mut(), inner, &urls);
    }
}
