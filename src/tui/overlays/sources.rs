//! The sources view (`S`): the bibliography of the events the filters keep, in the order
//! and with the counts of `dateline sources` (one function gives both): each source's
//! outlet, title, date and byline, the events and quotes resting on it, its quotes'
//! verdicts against the archive, and whether it is archived. Enter shows the timeline
//! filtered to the source, `o` opens its URL, `C` reads its archive.

use crate::export::bibliography::{archive_phrase, usage_phrase};
use crate::export::{describe, phrases};
use crate::filter;
use crate::model::SourceIx;
use crate::sanitize::sanitize;
use crate::sources::{Usage, bibliography};
use crate::tui::app::{App, Overlay};
use crate::tui::input::action::{Action, Share};
use crate::tui::layout::areas;
use crate::tui::layout::text::wrap;
use crate::tui::overlays::{Opener, archive_page, context, help, quotes};
use crate::tui::update::refilter;
use crate::tui::update::reload::Before;
use crate::tui::update::share::Effect;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourcesView {
    /// The sources shown, in the bibliography's order, with what rests on each.
    pub entries: Vec<(SourceIx, Usage)>,
    /// The entry under the cursor.
    pub cursor: usize,
    /// The first item on screen: 0 is the heading, `n + 1` the `n`-th source.
    top: usize,
}

/// The bibliography of what the filters keep, as `dateline sources` with the same flags.
fn entries(app: &App) -> Vec<(SourceIx, Usage)> {
    let events = filter::apply(&app.log, &app.index, &app.query);
    bibliography(&app.log, &events, &app.query)
}

/// S: opens the view, the cursor on the first source.
pub(crate) fn open(app: &mut App) {
    let view = SourcesView {
        entries: entries(app),
        cursor: 0,
        top: 0,
    };
    app.overlays.push(Overlay::Sources(view));
}

/// The view on a new version of the log: the cursor kept on its source (by id).
pub(crate) fn rebuilt(app: &App, before: &Before, old: &SourcesView) -> SourcesView {
    let entries = entries(app);
    let id = old
        .entries
        .get(old.cursor)
        .and_then(|(s, _)| before.old.sources.get(*s))
        .map(|s| s.id.as_str());
    let cursor = id
        .and_then(|id| app.log.source_ids.get(id))
        .and_then(|&s| entries.iter().position(|(e, _)| *e == s))
        .unwrap_or(old.cursor)
        .min(entries.len().saturating_sub(1));
    let mut view = SourcesView {
        entries,
        cursor,
        top: 0,
    };
    follow_cursor(app, &mut view);
    view
}

/// After a write to source `id` (a page archived): the cursor on it, if the view lists it.
pub(crate) fn show_source(app: &mut App, id: &str) {
    let Some(&s) = app.log.source_ids.get(id) else {
        return;
    };
    let Some(Overlay::Sources(mut view)) = app.overlays.last().cloned() else {
        return;
    };
    if let Some(at) = view.entries.iter().position(|(e, _)| *e == s) {
        view.cursor = at;
        follow_cursor(app, &mut view);
        if let Some(Overlay::Sources(v)) = app.overlays.last_mut() {
            *v = view;
        }
    }
}

fn body_size(app: &App) -> (usize, usize) {
    let inner = quotes::inner(areas(app).body);
    (inner.width as usize, (inner.height as usize).max(1))
}

/// Moves `top` so that the entry under the cursor shows whole.
fn follow_cursor(app: &App, view: &mut SourcesView) {
    let (w, h) = body_size(app);
    let item = view.cursor + 1;
    if view.cursor == 0 {
        view.top = 0; // the first source shows with the heading above it
        return;
    }
    if item <= view.top {
        view.top = item;
        return;
    }
    let mut top = view.top.max(item.saturating_sub(h));
    let height = |i: usize| item_lines(app, view, i, w).len();
    let mut used: usize = (top..=item).map(height).sum();
    while used > h && top < item {
        used -= height(top);
        top += 1;
    }
    view.top = top;
}

pub(crate) fn update(app: &mut App, action: Action) {
    let Some(Overlay::Sources(mut view)) = app.overlays.last().cloned() else {
        return;
    };
    let last = view.entries.len().saturating_sub(1);
    let (_, h) = body_size(app);
    // A page moves by the sources a page holds, four lines each.
    let page = (h / 4).max(1);
    let current = view.entries.get(view.cursor).map(|(s, _)| *s);
    match action {
        Action::Down | Action::Wheel(1..) => view.cursor = (view.cursor + 1).min(last),
        Action::Up | Action::Wheel(..=-1) => view.cursor = view.cursor.saturating_sub(1),
        Action::Top => view.cursor = 0,
        Action::Bottom => view.cursor = last,
        Action::PageDown | Action::HalfPageDown => view.cursor = (view.cursor + page).min(last),
        Action::PageUp | Action::HalfPageUp => view.cursor = view.cursor.saturating_sub(page),
        Action::Open => return show_events(app, current),
        Action::Back => {
            app.overlays.pop();
            return;
        }
        Action::Show(Opener::Help) => return help::open(app),
        Action::Show(Opener::Context) => match current {
            Some(s) => return context::open_source(app, s),
            None => return nothing(app),
        },
        Action::Share(Share::OpenSource) => return open_url(app, current),
        Action::Show(Opener::ArchivePage) => return archive_page::start(app, current),
        _ => return,
    }
    follow_cursor(app, &mut view);
    if let Some(Overlay::Sources(v)) = app.overlays.last_mut() {
        *v = view;
    }
}

fn nothing(app: &mut App) {
    app.message = Some("no source here: the filters keep none (c clears them)".into());
}

/// Enter: the timeline, filtered to the events resting on the source (the other filters
/// kept).
fn show_events(app: &mut App, source: Option<SourceIx>) {
    let Some(s) = source else {
        return nothing(app);
    };
    app.overlays.pop();
    app.query.sources = [s].into();
    refilter(app);
    app.message = Some(format!(
        "the events resting on {} (c clears the filters)",
        sanitize(&app.log.sources[s].id)
    ));
}

/// o: the source's URL in the web browser.
fn open_url(app: &mut App, source: Option<SourceIx>) {
    let Some(s) = source else {
        return nothing(app);
    };
    match app.log.sources[s]
        .url
        .clone()
        .filter(|u| !u.trim().is_empty())
    {
        Some(url) => {
            app.message = Some(format!("opening {}…", sanitize(&url)));
            app.effects.push(Effect::OpenUrl(url));
        }
        None => app.message = Some("this source has no URL".into()),
    }
}

/// The heading: how many sources, of which events.
fn heading(app: &App, view: &SourcesView, w: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let count = match view.entries.len() {
        1 => "1 source".to_owned(),
        n => format!("{n} sources"),
    };
    let filters = describe::filters(&app.log, &app.query);
    let mut pieces = vec![(count, t.label())];
    if !filters.is_empty() {
        pieces.push((format!(" · of events with {}", filters.join(", ")), t.dim()));
    }
    let pieces: Vec<(&str, Style)> = pieces.iter().map(|(s, st)| (s.as_str(), *st)).collect();
    let mut lines = wrap(&pieces, w, 2);
    if view.entries.is_empty() {
        let why = if app.log.sources.is_empty() {
            "The log lists no source."
        } else {
            "No source: the events shown rest on none (c clears the filters)."
        };
        lines.push(Line::from(Span::styled(why, t.dim())));
    }
    lines
}

/// The lines of item `item`: 0 is the heading, `n + 1` the `n`-th source (after a blank
/// line).
fn item_lines(app: &App, view: &SourcesView, item: usize, width: usize) -> Vec<Line<'static>> {
    let w = width.max(1);
    let Some(n) = item.checked_sub(1) else {
        return heading(app, view, w);
    };
    let Some((s, usage)) = view.entries.get(n) else {
        return Vec::new();
    };
    let t = &app.theme;
    let src = &app.log.sources[*s];
    let mut lines = vec![Line::default()];
    let cursor = if n == view.cursor { "▶ " } else { "  " };
    let outlet = sanitize(&src.outlet);
    let title = src
        .title
        .as_deref()
        .map(|x| format!(" · “{}”", sanitize(x)))
        .unwrap_or_default();
    let head = wrap(
        &[
            (cursor, t.label()),
            (&outlet, t.label()),
            (&title, Style::new()),
        ],
        w,
        4,
    );
    if n == view.cursor {
        lines.extend(head.into_iter().map(|l| l.style(t.selected(true))));
    } else {
        lines.extend(head);
    }
    let mut about = Vec::new();
    if let Some(d) = &src.published {
        about.push(d.human());
    }
    if !src.byline.is_empty() {
        about.push(format!("by {}", phrases::byline(&src.byline)));
    }
    about.push(sanitize(&src.id).into_owned());
    lines.extend(wrap(
        &[("    ", Style::new()), (&about.join(" · "), t.dim())],
        w,
        4,
    ));
    let counts = usage_phrase(usage);
    let style = if usage.checked.not_found > 0 {
        t.warning()
    } else {
        Style::new()
    };
    let archive = format!(" · {}", archive_phrase(&app.log, *s));
    lines.extend(wrap(
        &[
            ("    ", Style::new()),
            (&counts, style),
            (&archive, t.dim()),
        ],
        w,
        4,
    ));
    lines
}

/// The lines on screen: items from `view.top` on, until `height` lines are filled.
fn screen_lines(app: &App, view: &SourcesView, width: usize, height: usize) -> Vec<Line<'static>> {
    let mut out = Vec::with_capacity(height);
    let mut item = view.top;
    while out.len() < height && item <= view.entries.len() {
        out.extend(item_lines(app, view, item, width));
        item += 1;
    }
    out.truncate(height);
    out
}

pub(crate) fn draw(app: &App, view: &SourcesView, frame: &mut Frame, area: Rect) {
    let title = " Sources · Enter shows its events · o URL · C archive · Esc back ";
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(app.theme.key())
        .title(Span::styled(title, app.theme.key()));
    frame.render_widget(block, area);
    let inner = quotes::inner(area);
    let shown = screen_lines(app, view, inner.width as usize, inner.height as usize);
    frame.render_widget(Paragraph::new(shown), inner);
}
