//! A quote in its context (`C`): the archived copy of its source, the quote highlighted in
//! its paragraph and scrolled to, as a fact-checker reads a printout with a highlighter.
//! Offline: the archive was read with the log. From the sources view, a source's archive
//! is read whole, from its top, nothing highlighted.

use crate::archive::{self, context};
use crate::model::{EventIx, SourceIx, Verification};
use crate::sanitize::sanitize;
use crate::tui::app::App;
use crate::tui::input::action::Action;
use crate::tui::layout::areas;
use crate::tui::layout::citation;
use crate::tui::layout::text::wrap;
use crate::tui::overlays::{Overlay, reader};
use crate::tui::update::reload::Before;
use crate::tui::update::share::current_quote;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use std::ops::Range;

/// The context view's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteContext {
    /// The quote read in context (its event, its place there); None when the source's
    /// archive is read whole.
    pub quote: Option<(EventIx, usize)>,
    pub source: SourceIx,
    /// Where the quote is in the archive's text (for a quote not found, the closest
    /// passage; for a paraphrase, where its words are or come closest).
    pub at: Option<Range<usize>>,
    pub scroll: usize,
}

/// Columns on the left where the quote's lines are marked.
const GUTTER: usize = 2;

/// Lines of the previous paragraph kept above the quote's when the view opens.
const LEAD: usize = 3;

/// Opens the view on the current quote (the quote view's cursor, else the event's first
/// quote), scrolled to its paragraph; or says why there is nothing to show.
pub(crate) fn open(app: &mut App) {
    let Some((event, quote)) = current_quote(app) else {
        app.message = Some(match app.selected {
            Some(_) => "this event has no quotes to read in context".into(),
            None => "no event selected".into(),
        });
        return;
    };
    let Some(ctx) = build(app, event, quote, 0) else {
        return;
    };
    let width = areas(app).body.width as usize;
    let focus = laid_out(app, &ctx, width).1;
    let scroll = focus.saturating_sub(LEAD);
    app.overlays
        .push(Overlay::Context(QuoteContext { scroll, ..ctx }));
}

/// The view of quote `quote` of `event` in the current log, or None (with a message) when
/// its source has no archive.
fn build(app: &mut App, event: EventIx, quote: usize, scroll: usize) -> Option<QuoteContext> {
    let log = &app.log;
    let q = log.events.get(event)?.quotes.get(quote)?;
    let Some(source) = q.source else {
        app.message = Some("this quote names no source, so no archived copy to read it in".into());
        return None;
    };
    let Some(archive) = log.archives.get(source).cloned().flatten() else {
        app.message = Some(format!(
            "{} has no archived copy: give the source an `archive:` file to read quotes in context",
            sanitize(&log.sources[source].outlet)
        ));
        return None;
    };
    let at = q
        .verification
        .at()
        .or_else(|| archive::locate(&archive.text, &q.text));
    Some(QuoteContext {
        quote: Some((event, quote)),
        source,
        at,
        scroll,
    })
}

/// `C` in the sources view: the archive of `source`, whole, from its top; or None (with a
/// message) when it has none.
pub(crate) fn open_source(app: &mut App, source: SourceIx) {
    if let Some(ctx) = whole(app, source, 0) {
        app.overlays.push(Overlay::Context(ctx));
    }
}

fn whole(app: &mut App, source: SourceIx, scroll: usize) -> Option<QuoteContext> {
    let log = &app.log;
    let src = log.sources.get(source)?;
    if log.archives.get(source).cloned().flatten().is_none() {
        app.message = Some(format!(
            "{} has no archived copy: give the source an `archive:` file",
            sanitize(&src.outlet)
        ));
        return None;
    }
    Some(QuoteContext {
        quote: None,
        source,
        at: None,
        scroll,
    })
}

/// The view open during a reload: the quote found again in the new log and its archive,
/// which may both have changed, so the verdict and the highlight follow; None when the
/// event is gone.
pub(crate) fn reloaded(app: &mut App, before: &Before, c: QuoteContext) -> Option<QuoteContext> {
    match c.quote {
        Some((event, quote)) => {
            let ev = before.event_in(&app.log, event)?;
            build(app, ev, quote, c.scroll)
        }
        // A source read whole: found again by its id.
        None => {
            let id = &before.old.sources.get(c.source)?.id;
            let source = app.log.source_ids.get(id).copied()?;
            whole(app, source, c.scroll)
        }
    }
}

/// Keys while the view is open: it scrolls.
pub(crate) fn update(app: &mut App, action: Action) {
    let Some(Overlay::Context(c)) = app.overlays.last() else {
        return;
    };
    let total = lines(app, c, reader::inner(app).width as usize).len();
    reader::update(app, action, total);
}

/// The view's lines at a width.
fn lines(app: &App, ctx: &QuoteContext, width: usize) -> Vec<Line<'static>> {
    laid_out(app, ctx, width).0
}

/// The lines, and the line where the quote's paragraph starts.
fn laid_out(app: &App, ctx: &QuoteContext, width: usize) -> (Vec<Line<'static>>, usize) {
    let t = &app.theme;
    let w = width.max(1);
    let log = &app.log;
    let Some(archive) = log.archives.get(ctx.source).and_then(Option::as_ref) else {
        return (Vec::new(), 0);
    };
    let q = ctx
        .quote
        .and_then(|(event, quote)| log.events.get(event)?.quotes.get(quote));
    if ctx.quote.is_some() && q.is_none() {
        return (Vec::new(), 0);
    }
    let mut out = wrap(
        &[
            ("Archived copy ", t.dim()),
            (&sanitize(&archive.path), t.label()),
            (" of ", t.dim()),
            (&citation::source(log, ctx.source), Style::new()),
        ],
        w,
        2,
    );
    if let Some(q) = q {
        let (verdict, style) = verdict(&q.verification, q.paraphrase, ctx.at.is_some());
        out.extend(wrap(&[(verdict.as_str(), style(app))], w, 2));
    }
    out.push(Line::default());
    let (paragraphs, focus) = context::marked(&archive.text, ctx.at.as_ref());
    let mut hl = Style::new().add_modifier(Modifier::REVERSED);
    if q.is_some_and(|q| q.verification.is_flagged()) {
        hl = hl.add_modifier(Modifier::UNDERLINED);
    }
    let mut focus_line = 0;
    for (i, p) in paragraphs.iter().enumerate() {
        if i > 0 {
            out.push(Line::default());
        }
        if i == focus {
            focus_line = out.len();
        }
        let text = &archive.text[p.text.clone()];
        let pieces: Vec<(String, Style)> = match &p.marked {
            Some(m) => vec![
                (sanitize(&text[..m.start]).into_owned(), Style::new()),
                (sanitize(&text[m.clone()]).into_owned(), hl),
                (sanitize(&text[m.end..]).into_owned(), Style::new()),
            ],
            None => vec![(sanitize(text).into_owned(), Style::new())],
        };
        let pieces: Vec<(&str, Style)> = pieces.iter().map(|(s, st)| (s.as_str(), *st)).collect();
        // The quote's lines are marked in a gutter too, so that they show without colour.
        for mut line in wrap(&pieces, w.saturating_sub(GUTTER).max(1), 0) {
            let marked = line
                .spans
                .iter()
                .any(|s| s.style == hl && !s.content.trim().is_empty());
            let mark = if marked {
                Span::styled("▌ ", t.key())
            } else {
                Span::raw("  ")
            };
            line.spans.insert(0, mark);
            out.push(line);
        }
    }
    (out, focus_line)
}

/// What the view says of the quote above the text, and in which style.
fn verdict(v: &Verification, paraphrase: bool, located: bool) -> (String, fn(&App) -> Style) {
    let dim: fn(&App) -> Style = |a| a.theme.dim();
    let warn: fn(&App) -> Style = |a| a.theme.warning();
    match v {
        Verification::Verified { .. } => ("✓ found as printed: highlighted below".into(), dim),
        Verification::Folded { .. } => (
            format!(
                "found once typography is folded ({}): highlighted below",
                sanitize(&v.detail().unwrap_or_default())
            ),
            warn,
        ),
        Verification::NotFound(_) if located => (
            format!(
                "NOT FOUND in the archive; the closest passage is highlighted ({})",
                sanitize(&v.detail().unwrap_or_default())
            ),
            warn,
        ),
        Verification::NotFound(n) if n.too_repetitive => (
            "NOT FOUND in the archive (closest passage not computed: archive too repetitive)"
                .into(),
            warn,
        ),
        Verification::NotFound(_) => (
            "NOT FOUND in the archive, and no passage comes close".into(),
            warn,
        ),
        Verification::Checking => ("checking the quote against the archive…".into(), dim),
        _ if !located => ("the words were not found in the archive".into(), dim),
        _ if paraphrase => (
            "a paraphrase, not checked: the passage it reports is highlighted".into(),
            dim,
        ),
        _ => (
            "a translation, not checked: the closest passage is highlighted".into(),
            dim,
        ),
    }
}

pub(crate) fn draw(app: &App, ctx: &QuoteContext, frame: &mut Frame, area: Rect) {
    let title = match ctx.quote {
        Some(_) => " Quote in context · Esc back ",
        None => " Archived source · Esc back ",
    };
    crate::tui::view::page::draw(app, title, |w| lines(app, ctx, w), ctx.scroll, frame, area);
}
