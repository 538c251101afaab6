//! Sharing what the reader found: `y` copies the selected quote with its
//! citation and `Y` the event as a citation block, through OSC 52; `w` writes the filtered
//! view to a new Markdown file, `W` as a web page (the page of `list --format html`); `o`
//! opens the source's URL in the web browser.
//!
//! Bytes for the terminal and the browser launch are effects: `update` queues them in
//! `App::effects` and the run loop carries them out, so that `update` never writes to the
//! terminal and tests can read what would be sent.

use crate::export::{cite, html, markdown};
use crate::model::{EventIx, Log, Quote};
use crate::sanitize::sanitize;
use crate::tui::app::App;
use crate::tui::input::action::Share;
use crate::tui::input::keymap::Mode;

/// Work `update` leaves for the run loop.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Text for the clipboard, sent through the terminal (OSC 52, which works over SSH).
    Copy(String),
    /// A URL to open in the web browser, away from the drawing thread: launching a
    /// browser can take a quarter of a second.
    OpenUrl(String),
    /// A file to open in the reader's editor at a line, the terminal handed over to it.
    Edit {
        file: std::path::PathBuf,
        line: usize,
    },
    /// Give the terminal back and stop until resumed (Ctrl-Z).
    Suspend,
    /// A new file `stem.ext` (then `stem-2.ext`…) in `dir`, never over an existing one,
    /// holding `events` events; the outcome comes back as `Msg::Written`.
    WriteNew {
        dir: std::path::PathBuf,
        stem: &'static str,
        ext: &'static str,
        text: String,
        events: usize,
    },
    /// The reader's marks, to be saved to their file; a failure comes back as
    /// `Msg::MarksSaved`.
    SaveMarks(crate::marks::Marks),
    /// The log as on screen, to record as seen now in `file` (`seen::save_look`); a
    /// failure comes back as `Msg::SeenSaved`.
    SaveSeen {
        file: std::path::PathBuf,
        log: std::sync::Arc<crate::model::Log>,
    },
    /// A change to the log, checked and written away from the drawing thread; the outcome
    /// comes back as `Msg::LogWritten`.
    WriteLog {
        change: Box<crate::write::Change>,
        /// The log on screen, which the change is worked out on.
        log: std::sync::Arc<crate::model::Log>,
    },
    /// A saved page archived and named in the log (`a` in the sources view), away from the
    /// drawing thread; the outcome comes back as `Msg::LogWritten`.
    ArchivePage {
        page: std::path::PathBuf,
        into: crate::write::PageInto,
        log: std::sync::Arc<crate::model::Log>,
    },
    /// The quotes of `log` to check against their archives away from the drawing thread;
    /// the verdicts come back as `Msg::Checked` with the same `generation`.
    CheckQuotes {
        generation: u64,
        log: std::sync::Arc<crate::model::Log>,
    },
}

/// The name `w` gives its file (then `-2`, `-3`… when taken).
const EXPORT_STEM: &str = "dateline-view";

pub(crate) fn share(app: &mut App, what: Share) {
    match what {
        Share::CopyQuote => copy_quote(app),
        Share::CopyEvent => copy_event(app),
        Share::ExportView => export_view(app, ViewFormat::Markdown),
        Share::ExportPage => export_view(app, ViewFormat::Page),
        Share::OpenSource => open_source(app),
    }
}

/// The quote `y` and `o` act on: the quotes browser's cursor there, the quote view's
/// cursor there, else the first quote of the selected event.
pub(crate) fn current_quote(app: &App) -> Option<(EventIx, usize)> {
    if app.mode() == Mode::QuoteList {
        return crate::tui::overlays::quote_list::current(app).map(|at| (at.event, at.quote));
    }
    let ix = app.selected?;
    let n = app.log.events[ix].quotes.len();
    if n == 0 {
        return None;
    }
    let q = if app.mode() == Mode::Quotes {
        app.quote.min(n - 1)
    } else {
        0
    };
    Some((ix, q))
}

/// `Ismail Haniyeh (Axios)`: the speaker's name (or the attribution) and the outlet.
fn quote_label(log: &Log, q: &Quote) -> String {
    let who = match (q.speaker, &q.attribution) {
        (Some(a), _) => log.actors[a].name.as_str(),
        (None, Some(attr)) => attr.as_str(),
        (None, None) => "an unattributed speaker",
    };
    match q.source {
        Some(s) => format!("{} ({})", sanitize(who), sanitize(&log.sources[s].outlet)),
        None => sanitize(who).into_owned(),
    }
}

fn copy_quote(app: &mut App) {
    let Some((ix, qi)) = current_quote(app) else {
        app.message = Some(match app.selected {
            Some(_) => "this event has no quotes to copy: Y copies the event".into(),
            None => "no event selected".into(),
        });
        return;
    };
    let text = cite::quote_citation(&app.log, ix, qi);
    let e = &app.log.events[ix];
    let q = &e.quotes[qi];
    let what = match (q.paraphrase, q.translated) {
        (true, _) => "paraphrase of",
        (false, true) => "translated quote by",
        (false, false) => "quote by",
    };
    // The flags that went with it, said again so the reader knows they travelled.
    let status = crate::export::phrases::quote_status(e.status)
        .map(|s| format!(", with its event status: {s}"))
        .unwrap_or_default();
    let flag = match q.verification {
        _ if q.verification.is_flagged() => {
            " — NOT FOUND in its archived source, flagged in the copy"
        }
        crate::model::Verification::Folded { .. } => {
            " — found in its archived source only once typography is folded, said in the copy"
        }
        crate::model::Verification::Checking => {
            " — not yet checked against its archived source (checking)"
        }
        _ => "",
    };
    app.message = Some(format!(
        "Copied {what} {} to the clipboard{status}{flag}",
        quote_label(&app.log, q)
    ));
    app.effects.push(Effect::Copy(text));
}

fn copy_event(app: &mut App) {
    let Some(ix) = app.selected else {
        app.message = Some("no event selected".into());
        return;
    };
    let text = cite::event_citation(&app.log, ix);
    app.message = Some(format!(
        "Copied the event “{}” to the clipboard",
        sanitize(&app.log.events[ix].title)
    ));
    app.effects.push(Effect::Copy(text));
}

/// The forms the filtered view is written in.
enum ViewFormat {
    Markdown,
    /// The page `list --format html` writes, with the same filters.
    Page,
}

/// Asks for the filtered view in a new file in `app.export_dir`, never over an existing one.
fn export_view(app: &mut App, format: ViewFormat) {
    let (text, ext) = match format {
        ViewFormat::Markdown => (markdown::view(&app.log, &app.visible, &app.query), "md"),
        ViewFormat::Page => (html::page(&app.log, &app.visible, &app.query), "html"),
    };
    app.effects.push(Effect::WriteNew {
        dir: app.export_dir.clone(),
        stem: EXPORT_STEM,
        ext,
        text,
        events: app.visible.len(),
    });
}

/// How writing a file of the view went.
pub(crate) fn written(app: &mut App, result: Result<std::path::PathBuf, String>, events: usize) {
    app.message = Some(match result {
        Ok(path) => {
            let shown = path.strip_prefix(".").unwrap_or(&path);
            format!(
                "Wrote {events} event{} to {}",
                if events == 1 { "" } else { "s" },
                sanitize(&shown.display().to_string())
            )
        }
        Err(e) => format!("could not write the view: {e}"),
    });
}

/// The URL `o` opens: the selected quote's source in the quote view; else the first
/// source of the event with a URL, then of its quotes.
fn source_url(app: &App) -> Result<String, String> {
    let log = &app.log;
    let url_of = |s: usize| log.sources[s].url.clone().filter(|u| !u.trim().is_empty());
    if matches!(app.mode(), Mode::Quotes | Mode::QuoteList) {
        let Some((ei, qi)) = current_quote(app) else {
            return Err("no quote here".into());
        };
        return match log.events[ei].quotes[qi].source {
            None => Err("this quote gives no source".into()),
            Some(s) => url_of(s).ok_or_else(|| "this quote's source has no URL".into()),
        };
    }
    let Some(ix) = app.selected else {
        return Err("no event selected".into());
    };
    let e = &log.events[ix];
    e.sources
        .iter()
        .copied()
        .chain(e.quotes.iter().filter_map(|q| q.source))
        .find_map(url_of)
        .ok_or_else(|| "this event has no source with a URL".into())
}

fn open_source(app: &mut App) {
    match source_url(app) {
        Ok(url) => {
            app.message = Some(format!("opening {}…", sanitize(&url)));
            app.effects.push(Effect::OpenUrl(url));
        }
        Err(m) => app.message = Some(m),
    }
}

/// The run loop reports how opening a URL went. Only a failure is worth a message: the
/// browser's window says the rest.
pub(crate) fn opened(app: &mut App, result: Result<(), String>) {
    if let Err(m) = result {
        app.message = Some(m);
    }
}
