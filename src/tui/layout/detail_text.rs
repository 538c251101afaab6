//! The details pane's text for one event at one width: laid out here, below both `view`,
//! which draws it, and `update`, which needs its length to limit the scroll.

use crate::export::phrases::{self, NOT_FOUND};
use crate::model::{EventIx, Status};
use crate::sanitize::{head, sanitize, sanitize_multiline, verbatim_on_screen};
use crate::tui::app::{App, Focus};
use crate::tui::layout::citation;
use crate::tui::layout::text::{highlighted, prose, truncate, url_line, wrap};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// The pane's lines for one event at one width, and which line each related event is on.
pub(crate) struct DetailText {
    pub(crate) lines: Vec<Line<'static>>,
    link_lines: Vec<usize>,
    /// The lines that show a URL, each with the URL as written in the log.
    pub(crate) urls: Vec<(usize, String)>,
}

fn status_text(s: Status) -> &'static str {
    match s {
        Status::Occurred => "occurred",
        Status::Expected => "EXPECTED (not reported as having happened)",
        Status::Cancelled => "CANCELLED",
        Status::Disputed => "DISPUTED (accounts differ)",
    }
}

/// Under the title of an event new or changed since the reader last looked: which, and
/// for a changed one what changed, a line each (`status: expected → occurred`).
fn unseen(app: &App, ix: EventIx, w: usize, out: &mut Vec<Line<'static>>) {
    use crate::tui::update::seen_keys;
    let t = &app.theme;
    let Some(&u) = app.unseen.get(&ix) else {
        return;
    };
    let since = seen_keys::since(app);
    if u == crate::seen::Unseen::New {
        out.extend(wrap(&[(&format!("+ New {since}"), t.key())], w, 2));
        return;
    }
    out.extend(wrap(&[(&format!("~ Changed {since}:"), t.key())], w, 2));
    for change in seen_keys::changes(app, ix) {
        let change = sanitize(&change).into_owned();
        out.extend(wrap(
            &[("    ", Style::new()), (&change, Style::new())],
            w,
            6,
        ));
    }
}

/// Rows of one text (title, summary, a quote) laid out in the details at most.
const MAX_ROWS_PER_TEXT: usize = 400;

pub(crate) fn lines(app: &App, ix: EventIx, width: usize) -> DetailText {
    let t = &app.theme;
    let log = &app.log;
    let e = &log.events[ix];
    let terms = app.highlight_terms();
    let w = width.max(1);
    // The most of one text laid out: far more rows than anyone scrolls through, and a
    // bound on the work of each frame whatever the log holds.
    let most = w.saturating_mul(MAX_ROWS_PER_TEXT);
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut urls = Vec::new();
    let labelled = |out: &mut Vec<Line<'static>>, label: &str, value: &str, style: Style| {
        out.extend(wrap(&[(label, t.label()), (value, style)], w, 2));
    };

    let title = sanitize(head(&e.title, most));
    let title_style = t.status(e.status).patch(t.label());
    let title_spans = highlighted(&title, &terms, title_style, t.match_hl());
    let pieces: Vec<(&str, Style)> = title_spans
        .iter()
        .map(|s| (s.content.as_ref(), s.style))
        .collect();
    out.extend(wrap(&pieces, w, 0));
    unseen(app, ix, w, &mut out);

    let mut when = e.date.human();
    if let Some(end) = &e.end {
        when.push_str(" → ");
        when.push_str(&end.human());
    }
    when.push_str(&format!(" ({} precision)", e.date.precision_name()));
    labelled(&mut out, "When: ", &when, Style::new());
    // The rows and headers are on the reading zone's clock: say what that clock read.
    if let Some(there) = e.date.reading_human() {
        labelled(&mut out, "Reading zone: ", &there, t.dim());
    }
    // The log's own note on the date: not put in quotation marks, since the format does
    // not say whether these are the source's words.
    if let Some(n) = &e.date_note {
        labelled(&mut out, "Date note: ", &sanitize(head(n, most)), t.dim());
    }
    out.extend(wrap(
        &[
            ("Kind: ", t.label()),
            (e.kind.as_str(), t.kind(e.kind)),
            ("  Status: ", t.label()),
            (status_text(e.status), t.status(e.status)),
        ],
        w,
        2,
    ));
    if let Some(l) = &e.location {
        labelled(&mut out, "Where: ", &sanitize(head(l, most)), Style::new());
    }
    if !e.actors.is_empty() {
        out.push(Line::from(Span::styled("Who:", t.label())));
        for &a in &e.actors {
            let actor = &log.actors[a];
            let name = sanitize(&actor.name).into_owned();
            let role = actor
                .role
                .as_deref()
                .map(|r| format!(", {}", sanitize(r)))
                .unwrap_or_default();
            let (party, pstyle) = match actor.party {
                Some(p) => (format!(" ({})", sanitize(&log.parties[p].name)), t.party(p)),
                None => (String::new(), Style::new()),
            };
            out.extend(wrap(
                &[
                    ("  ", Style::new()),
                    (&name, Style::new()),
                    (&role, t.dim()),
                    (&party, pstyle),
                ],
                w,
                4,
            ));
        }
    }
    // The words come right after who took part: what a reader looks for first.
    if !e.quotes.is_empty() {
        out.push(Line::default());
        // Cut with an ellipsis, like every other line too long for the pane.
        out.push(Line::from(truncate(
            vec![
                Span::styled(format!("Quotes ({})", e.quotes.len()), t.label()),
                Span::styled(" · Enter reads them with their sources", t.dim()),
            ],
            w,
        )));
        for q in &e.quotes {
            let words = verbatim_on_screen(head(&q.text, most));
            let words = match (q.paraphrase, q.translated) {
                (false, false) => format!("“{words}”"),
                (true, false) => format!("(paraphrase) {words}"),
                (false, true) => format!("(translation) “{words}”"),
                (true, true) => format!("(paraphrase, translated) {words}"),
            };
            // A quote not found in its archived source is flagged before its words.
            let flag = if q.verification.is_flagged() {
                format!("{NOT_FOUND} ")
            } else {
                String::new()
            };
            out.extend(wrap(
                &[
                    ("  ", Style::new()),
                    (&flag, t.warning()),
                    (&words, Style::new()),
                ],
                w,
                4,
            ));
            if let Some(original) = q.original.as_deref().filter(|_| q.translated) {
                let original = format!(
                    "{}: “{}”",
                    phrases::original_label(q).to_lowercase(),
                    verbatim_on_screen(head(original, most))
                );
                out.extend(wrap(&[("    ", Style::new()), (&original, t.dim())], w, 6));
            }
            out.extend(wrap(
                &[
                    ("    ", Style::new()),
                    (phrases::SAID_BY, t.dim()),
                    (&citation::speaker(log, q), t.dim()),
                ],
                w,
                6,
            ));
        }
    }
    if !e.topics.is_empty() {
        let topics: Vec<_> = e.topics.iter().map(|s| sanitize(s).into_owned()).collect();
        labelled(&mut out, "Topics: ", &topics.join(", "), Style::new());
    }
    // A log merged from several files says where each event was written.
    if log.files.len() > 1
        && let Some(file) = log.files.get(e.origin.file)
    {
        let at = format!("{}:{}", sanitize(file), e.origin.line);
        labelled(&mut out, "From: ", &at, t.dim());
    }
    if let Some(s) = &e.summary {
        out.push(Line::default());
        let s = prose(&sanitize_multiline(head(s, most)));
        let spans = highlighted(&s, &terms, Style::new(), t.match_hl());
        let pieces: Vec<(&str, Style)> = spans
            .iter()
            .map(|s| (s.content.as_ref(), s.style))
            .collect();
        out.extend(wrap(&pieces, w, 0));
    }
    // The sources it rests on, its quotes' included: an editor asks for two.
    let on = crate::sources::rested_on(log, ix);
    out.push(Line::default());
    let mut head_line = vec![Span::styled("Sources:", t.label())];
    match on.len() {
        0 => head_line.push(Span::styled(" no source", t.warning())),
        1 => head_line.push(Span::styled(" one source", t.warning())),
        _ => {}
    }
    out.push(Line::from(head_line));
    {
        for &s in &on {
            out.extend(wrap(
                &[
                    ("  ", Style::new()),
                    (&citation::source(log, s), Style::new()),
                ],
                w,
                4,
            ));
            if let Some(u) = citation::source_url(log, s) {
                urls.push((out.len(), log.sources[s].url.clone().unwrap_or_default()));
                out.push(url_line("    ", &u, t.dim(), w));
            }
        }
    }
    let mut link_lines = Vec::new();
    let mut link_no = 0;
    let focused = app.focus == Focus::Details;
    for (label, list) in [
        ("Answers or follows:", &e.related),
        ("Answered by:", &e.related_by),
    ] {
        if list.is_empty() {
            continue;
        }
        out.push(Line::default());
        out.push(Line::from(Span::styled(label, t.label())));
        for &r in list {
            let other = &log.events[r];
            let cursor = focused && link_no == app.link;
            let text = format!(
                "  › {} · {}",
                other.date.human_day(),
                sanitize(&other.title)
            );
            let style = if cursor {
                t.selected(true)
            } else {
                Style::new()
            };
            link_lines.push(out.len());
            out.push(Line::from(truncate(vec![Span::styled(text, style)], w)));
            link_no += 1;
        }
    }
    DetailText {
        lines: out,
        link_lines,
        urls,
    }
}

/// First line to show: the reader's scroll, moved so that the related event under the
/// cursor is on screen.
pub(crate) fn offset(app: &App, text: &DetailText, height: usize) -> usize {
    let max = text.lines.len().saturating_sub(height);
    let mut off = app.detail_scroll.min(max);
    if app.focus == Focus::Details
        && let Some(&l) = text.link_lines.get(app.link)
    {
        if l < off {
            off = l;
        } else if l >= off + height {
            off = l + 1 - height;
        }
    }
    off
}
