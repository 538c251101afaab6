//! How people and sources are named on screen: the same phrases as the exports and the
//! copied citations (`export::phrases`), so what a reader sees is what they paste.

use crate::export::phrases;
use crate::model::{Event, Log, Quote, SourceIx};
use crate::sanitize::{sanitize, verbatim_on_screen};
use crate::tui::layout::text::wrap;
use crate::tui::theme::Theme;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

/// `Reuters, “Hamas delegation heads to Cairo”, by A and B, Fri 3 May 2024`.
pub(crate) fn source(log: &Log, s: SourceIx) -> String {
    phrases::source_line(&log.sources[s])
}

pub(crate) fn source_url(log: &Log, s: SourceIx) -> Option<String> {
    log.sources[s]
        .url
        .as_deref()
        .map(|u| sanitize(u).into_owned())
}

/// Who said it: `Ismail Haniyeh (Hamas chief, Hamas)`, or the attribution with its party.
pub(crate) fn speaker(log: &Log, q: &Quote) -> String {
    phrases::who(log, q)
}

/// What the screen says before words that are not the speaker's own verbatim wording;
/// `None` for verbatim words. The same cases as the exports' labels.
pub(crate) fn words_label(q: &Quote) -> Option<&'static str> {
    match (q.paraphrase, q.translated) {
        (false, false) => None,
        (true, false) => Some("paraphrase, reported speech, not verbatim:"),
        (false, true) => Some("translation by the log's author, not the speaker's own words:"),
        (true, true) => Some("paraphrase, reported speech, translated by the log's author:"),
    }
}

/// A quote's words as lines, `pad` spaces in: its label first when it has one, then the
/// words, in quotation marks unless they are reported speech (then in italics).
fn words_lines(t: &Theme, q: &Quote, w: usize, pad: usize) -> Vec<Line<'static>> {
    let pad_text = " ".repeat(pad);
    let mut out = Vec::new();
    if let Some(label) = words_label(q) {
        out.extend(wrap(&[(&pad_text, Style::new()), (label, t.key())], w, pad));
    }
    out.extend(bare_words(q, w, pad));
    out.extend(original_lines(t, q, w, pad));
    out
}

/// A translation's original wording under it (rev. 3), `pad` spaces in: `original (fa):`,
/// then the words in quotation marks. Nothing for a quote without one.
pub(crate) fn original_lines(t: &Theme, q: &Quote, w: usize, pad: usize) -> Vec<Line<'static>> {
    let Some(original) = q.original.as_deref().filter(|_| q.translated) else {
        return Vec::new();
    };
    let pad_text = " ".repeat(pad);
    let label = format!("{}:", phrases::original_label(q).to_lowercase());
    let mut out = wrap(&[(&pad_text, Style::new()), (&label, t.key())], w, pad);
    out.extend(wrap(
        &[
            (&format!("{pad_text}“"), Style::new()),
            (&verbatim_on_screen(original), Style::new()),
            ("”", Style::new()),
        ],
        w,
        pad + 1,
    ));
    out
}

/// The words alone, without their label: in quotation marks, or in italics when reported.
pub(crate) fn bare_words(q: &Quote, w: usize, pad: usize) -> Vec<Line<'static>> {
    let pad_text = " ".repeat(pad);
    let mut out = Vec::new();
    let words = verbatim_on_screen(&q.text);
    if q.paraphrase {
        let italic = Style::new().add_modifier(Modifier::ITALIC);
        out.extend(wrap(&[(&pad_text, Style::new()), (&words, italic)], w, pad));
    } else {
        out.extend(wrap(
            &[
                (&format!("{pad_text}“"), Style::new()),
                (&words, Style::new()),
                ("”", Style::new()),
            ],
            w,
            pad + 1,
        ));
    }
    out
}

/// `event status: disputed report`, for the quotes of an event that did not simply happen.
pub(crate) fn status_note(e: &Event) -> Option<String> {
    phrases::quote_status(e.status).map(|s| format!("event status: {s}"))
}

/// A quote as the lists show it (positions, the quotes browser): its words, who said them,
/// the source (or that the log gives none), and the archive's flag when it was not found.
pub(crate) fn quote_block(t: &Theme, log: &Log, q: &Quote, w: usize) -> Vec<Line<'static>> {
    let mut lines = words_lines(t, q, w, 4);
    // The same credit as everywhere else (export::phrases).
    let said = format!("    {}", phrases::SAID_BY);
    lines.extend(wrap(
        &[(&said, t.dim()), (&speaker(log, q), t.label())],
        w,
        6,
    ));
    let source = match q.source {
        Some(s) => (source(log, s), Style::new()),
        None => ("no source given in the log".to_owned(), t.warning()),
    };
    lines.extend(wrap(
        &[("      ", Style::new()), (&source.0, source.1)],
        w,
        6,
    ));
    // Flagged when not found; said, dimmed, while the check in the background runs.
    let checking = q.verification == crate::model::Verification::Checking;
    if (q.verification.is_flagged() || checking)
        && let Some(note) = phrases::verification_note(log, q)
    {
        let style = if checking { t.dim() } else { t.warning() };
        lines.extend(wrap(&[("      ", Style::new()), (&note, style)], w, 6));
    }
    lines
}
