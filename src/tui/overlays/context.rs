//! A quote in its context (`C`): the archived copy of its source, the quote highlighted in
//! its paragraph and scrolled to, as a fact-checker reads a printout with a highlighter.
//! Offline: the archive was read with the log. From the sources view, a source's archive
//! is read whole, from its top, nothing highlighted.

use crate::archive::Archive;
use crate::archive::{self, context};
use crate::model::Quote;
use crate::model::{EventIx, SourceIx, Verification};
use crate::sanitize::sanitize;
use crate::tui::app::App;
use crate::tui::input::action::Action;
use crate::tui::input::action::Selecting;
use crate::tui::layout::citation;
use crate::tui::layout::scroll::Scroll;
use crate::tui::layout::text::wrap;
use crate::tui::overlays::context_window::{self as window, Anchor, Blocks};
use crate::tui::overlays::passage::{self, Selection};
use crate::tui::overlays::{Opener, Overlay, help, reader};
use crate::tui::update::reload::Before;
use crate::tui::update::share::current_quote;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::ops::Range;
use std::sync::Arc;

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
    /// The first line shown.
    pub scroll: Anchor,
    /// The archive's paragraphs, found once when the view opens.
    pub paragraphs: Paragraphs,
    /// A passage being selected to make a quote of (`v`).
    pub selection: Option<Selection>,
}

/// An archive's paragraphs as byte ranges, shared between copies of the view.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Paragraphs(Arc<[Range<usize>]>);

impl std::ops::Deref for Paragraphs {
    type Target = [Range<usize>];
    fn deref(&self) -> &[Range<usize>] {
        &self.0
    }
}

impl std::fmt::Debug for Paragraphs {
    // An archive may have a million of them.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Paragraphs({})", self.0.len())
    }
}

/// The paragraphs of `source`'s archive (none without one), a long one cut into pieces.
fn paragraphs_of(app: &App, source: SourceIx) -> Paragraphs {
    match app.log.archives.get(source).and_then(Option::as_ref) {
        Some(a) => Paragraphs(pieces(&a.text, &context::paragraphs(&a.text)).into()),
        None => Paragraphs::default(),
    }
}

/// The most bytes of one block the view lays out at once: a key wraps the blocks it scrolls
/// over, so an archive of one paragraph of many megabytes (no blank line anywhere) would be
/// wrapped whole at every key.
const PIECE: usize = 8 << 10;

/// `paras` with each paragraph longer than `PIECE` cut at a blank before each `PIECE` bytes
/// (within a word longer than that, at a character's edge): such a paragraph shows a line
/// break every few thousand words, and a passage is selected within one piece.
fn pieces(text: &str, paras: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(paras.len());
    for p in paras {
        let mut start = p.start;
        while p.end - start > PIECE {
            let mut cut = start + PIECE;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let (piece_end, next) = match text[start..cut].rfind([' ', '\n']) {
                Some(at) if at > 0 => (start + at, start + at + 1),
                _ => (cut, cut),
            };
            out.push(start..piece_end);
            start = next;
        }
        out.push(start..p.end);
    }
    out
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
    let Some(ctx) = build(app, event, quote, Anchor::TOP) else {
        return;
    };
    let width = reader::inner(app).width as usize;
    let scroll = match &ctx.at {
        Some(at) => {
            // The quote's paragraph, under a few lines of what comes before it.
            let first = context::holding(&ctx.paragraphs, at).start;
            let focus = Anchor {
                block: 1 + first,
                line: usize::from(first > 0),
            };
            window::back(&Laid::new(app, &ctx, width), focus, LEAD)
        }
        None => Anchor::TOP,
    };
    app.overlays
        .push(Overlay::Context(QuoteContext { scroll, ..ctx }));
}

/// The view of quote `quote` of `event` in the current log, or None (with a message) when
/// its source has no archive.
fn build(app: &mut App, event: EventIx, quote: usize, scroll: Anchor) -> Option<QuoteContext> {
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
    let paragraphs = paragraphs_of(app, source);
    Some(QuoteContext {
        quote: Some((event, quote)),
        source,
        at,
        scroll,
        paragraphs,
        selection: None,
    })
}

/// `C` in the sources view: the archive of `source`, whole, from its top; or None (with a
/// message) when it has none.
pub(crate) fn open_source(app: &mut App, source: SourceIx) {
    if let Some(ctx) = whole(app, source, Anchor::TOP) {
        app.overlays.push(Overlay::Context(ctx));
    }
}

fn whole(app: &mut App, source: SourceIx, scroll: Anchor) -> Option<QuoteContext> {
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
        paragraphs: paragraphs_of(app, source),
        selection: None,
    })
}

/// The view open during a reload: the quote found again in the new log and its archive,
/// which may both have changed, so the verdict and the highlight follow; None when the
/// event is gone.
pub(crate) fn reloaded(app: &mut App, before: &Before, c: QuoteContext) -> Option<QuoteContext> {
    let mut now = match c.quote {
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
    }?;
    // A passage being selected stays selected while its archive's text is the same.
    if archive_text(before.old, c.source)
        .is_some_and(|t| archive_text(&app.log, now.source) == Some(t))
    {
        now.selection = c.selection;
    }
    Some(now)
}

fn archive_text(log: &crate::model::Log, source: SourceIx) -> Option<&str> {
    log.archives
        .get(source)
        .and_then(Option::as_deref)
        .map(|a| a.text.as_str())
}

/// Keys while the view is open: it scrolls, a window at a time.
pub(crate) fn update(app: &mut App, action: Action) {
    let Some(Overlay::Context(c)) = app.overlays.last() else {
        return;
    };
    if c.selection.is_some() {
        return passage::update(app, action);
    }
    if action == Action::Select(Selecting::Start) {
        return passage::start(app);
    }
    let inner = reader::inner(app);
    let page = (inner.height as usize).max(1);
    let moved = {
        let view = Laid::new(app, c, inner.width as usize);
        let from = window::clamp(&view, c.scroll, page);
        match action {
            Action::Top => Some(Anchor::TOP),
            Action::Bottom => Some(window::last_page(&view, page)),
            _ => Scroll::new(0, page, 0).lines_for(action).map(|n| {
                let to = if n < 0 {
                    window::back(&view, from, n.unsigned_abs())
                } else {
                    window::forward(&view, from, n as usize)
                };
                window::clamp(&view, to, page)
            }),
        }
    };
    if let Some(to) = moved {
        if let Some(Overlay::Context(c)) = app.overlays.last_mut() {
            c.scroll = to;
        }
        return;
    }
    match action {
        Action::Back => {
            app.overlays.pop();
        }
        Action::Show(Opener::Help) => help::open(app),
        _ => {}
    }
}

/// Scrolls the view, if need be, so that block `block` shows (from its first line).
pub(crate) fn reveal(app: &mut App, block: usize) {
    let inner = reader::inner(app);
    let page = (inner.height as usize).max(1);
    let Some(Overlay::Context(c)) = app.overlays.last() else {
        return;
    };
    let to = {
        let view = Laid::new(app, c, inner.width as usize);
        let top = window::clamp(&view, c.scroll, page);
        let bottom = window::forward(&view, top, page - 1);
        if (top.block..=bottom.block).contains(&block) {
            return;
        }
        window::clamp(&view, Anchor { block, line: 0 }, page)
    };
    if let Some(Overlay::Context(c)) = app.overlays.last_mut() {
        c.scroll = to;
    }
}

/// The view laid out at a width, a block at a time: the heading (where the copy comes
/// from, the verdict on the quote), then each paragraph of the archive.
struct Laid<'a> {
    app: &'a App,
    source: SourceIx,
    width: usize,
    archive: Option<&'a Archive>,
    quote: Option<&'a Quote>,
    /// The archive's paragraphs, and those the quote's passage covers.
    paragraphs: &'a [Range<usize>],
    holding: Range<usize>,
    at: Option<&'a Range<usize>>,
    hl: Style,
    /// The passage being selected, and how it shows.
    selected: Option<Range<usize>>,
    sel: Style,
}

impl<'a> Laid<'a> {
    fn new(app: &'a App, ctx: &'a QuoteContext, width: usize) -> Laid<'a> {
        let log = &app.log;
        let archive = log.archives.get(ctx.source).and_then(Option::as_deref);
        let quote = ctx
            .quote
            .and_then(|(event, quote)| log.events.get(event)?.quotes.get(quote));
        // A quote gone from the log shows nothing.
        let archive = archive.filter(|_| ctx.quote.is_none() || quote.is_some());
        let paragraphs: &[Range<usize>] = &ctx.paragraphs;
        let holding = match &ctx.at {
            Some(at) => context::holding(paragraphs, at),
            None => 0..0,
        };
        let mut hl = Style::new().add_modifier(Modifier::REVERSED);
        if quote.is_some_and(|q| q.verification.is_flagged()) {
            hl = hl.add_modifier(Modifier::UNDERLINED);
        }
        let selected = ctx
            .selection
            .as_ref()
            .zip(archive)
            .map(|(s, a)| s.passage(&a.text));
        Laid {
            selected,
            sel: app
                .theme
                .key()
                .add_modifier(Modifier::REVERSED | Modifier::BOLD),
            app,
            source: ctx.source,
            width: width.max(1),
            archive,
            quote,
            paragraphs,
            holding,
            at: ctx.at.as_ref(),
            hl,
        }
    }

    fn heading(&self, archive: &Archive) -> Vec<Line<'static>> {
        let (app, w) = (self.app, self.width);
        let t = &app.theme;
        let mut out = wrap(
            &[
                ("Archived copy ", t.dim()),
                (&sanitize(&archive.path), t.label()),
                (" of ", t.dim()),
                (&citation::source(&app.log, self.source), Style::new()),
            ],
            w,
            2,
        );
        if let Some(q) = self.quote {
            let (verdict, style) = verdict(&q.verification, q.paraphrase, self.at.is_some());
            out.extend(wrap(&[(verdict.as_str(), style(app))], w, 2));
        }
        out.push(Line::default());
        out
    }

    fn paragraph(&self, archive: &Archive, i: usize) -> Vec<Line<'static>> {
        let t = &self.app.theme;
        let mut out = Vec::new();
        if i > 0 {
            out.push(Line::default());
        }
        let p = &self.paragraphs[i];
        let text = &archive.text[p.clone()];
        let marked = self
            .at
            .filter(|_| self.holding.contains(&i))
            .map(|at| context::within(p, at));
        let selected = self.selected.as_ref().map(|s| context::within(p, s));
        // Cut where the quote's passage or the selection starts or ends; the selection
        // shows over the quote.
        let mut cuts = vec![0, text.len()];
        for r in marked.iter().chain(selected.iter()) {
            cuts.extend([r.start, r.end]);
        }
        cuts.sort_unstable();
        cuts.dedup();
        let inside = |r: &Option<Range<usize>>, at: usize| {
            r.as_ref().is_some_and(|r| r.start <= at && at < r.end)
        };
        let pieces: Vec<(String, Style)> = cuts
            .windows(2)
            .map(|w| {
                let style = if inside(&selected, w[0]) {
                    self.sel
                } else if inside(&marked, w[0]) {
                    self.hl
                } else {
                    Style::new()
                };
                (sanitize(&text[w[0]..w[1]]).into_owned(), style)
            })
            .collect();
        let pieces: Vec<(&str, Style)> = pieces.iter().map(|(s, st)| (s.as_str(), *st)).collect();
        // The quote's lines (and a selection's) are marked in a gutter too, so that they
        // show without colour.
        for mut line in wrap(&pieces, self.width.saturating_sub(GUTTER).max(1), 0) {
            let has = |style: Style| {
                line.spans
                    .iter()
                    .any(|s| s.style == style && !s.content.trim().is_empty())
            };
            let mark = if has(self.sel) {
                Span::styled("┃ ", t.key())
            } else if has(self.hl) {
                Span::styled("▌ ", t.key())
            } else {
                Span::raw("  ")
            };
            line.spans.insert(0, mark);
            out.push(line);
        }
        out
    }
}

impl Blocks for Laid<'_> {
    fn count(&self) -> usize {
        match self.archive {
            Some(_) => 1 + self.paragraphs.len(),
            None => 0,
        }
    }

    fn lines(&self, i: usize) -> Vec<Line<'static>> {
        let Some(archive) = self.archive else {
            return Vec::new();
        };
        match i {
            0 => self.heading(archive),
            i => self.paragraph(archive, i - 1),
        }
    }
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
    let inner = crate::tui::view::page::titled(app, title, frame, area);
    let shown = window::window(
        &Laid::new(app, ctx, inner.width as usize),
        ctx.scroll,
        inner.height as usize,
    );
    frame.render_widget(Paragraph::new(shown), inner);
}

#[cfg(test)]
mod piece_tests {
    use super::*;

    #[test]
    fn a_long_paragraph_is_cut_at_blanks_into_pieces_that_keep_every_word() {
        let para = "mot élégant ".repeat(3_000);
        let text = format!("Title\n\n{}\n\nLast one.\n", para.trim_end());
        let paras = context::paragraphs(&text);
        let cut = pieces(&text, &paras);
        assert_eq!(
            cut.first(),
            paras.first(),
            "a short paragraph is kept whole"
        );
        assert_eq!(cut.last(), paras.last());
        assert!(cut.len() > 4, "{}", cut.len());
        for r in &cut {
            assert!(r.end - r.start <= PIECE, "{r:?}");
            let piece = &text[r.clone()];
            assert!(
                !piece.starts_with(' ') && !piece.ends_with(' '),
                "{piece:?}"
            );
        }
        let words = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
        let joined: Vec<String> = cut[1..cut.len() - 1]
            .iter()
            .flat_map(|r| words(&text[r.clone()]))
            .collect();
        assert_eq!(joined, words(&para));
    }

    #[test]
    fn a_word_longer_than_a_piece_is_cut_at_a_character_edge() {
        let text = "é".repeat(PIECE);
        let cut = pieces(&text, &context::paragraphs(&text));
        assert_eq!(cut.len(), 2);
        assert_eq!(cut[0].end, cut[1].start);
        assert_eq!(cut[1].end, text.len());
    }
}
