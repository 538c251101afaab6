//! What changed since the reader last looked (`crate::seen`), in the browser: the status
//! line on opening, `+` to the first new or changed event, `U` to show only them, and the
//! changes of the selected event in the details. The look is recorded at quit (by the run
//! loop) and at each reload (`Effect::SaveSeen`).

use crate::model::EventIx;
use crate::seen::{Seen, Unseen, look_time};
use crate::tui::app::App;
use crate::tui::update::share::Effect;
use crate::tui::update::{jump_to, refilter};
use std::collections::BTreeMap;

/// What the reader saw of a log, and what is new or changed in it since, worked out away
/// from the drawing thread (reading the file and comparing take a while on a big log).
#[derive(Clone, Debug)]
pub struct SeenRead {
    seen: Seen,
    /// The log it was compared with, and what is new or changed in it.
    log: std::sync::Arc<crate::model::Log>,
    unseen: BTreeMap<EventIx, Unseen>,
}

impl SeenRead {
    /// Reads what was seen of the log made of `paths` and compares `log` with it.
    pub fn read(paths: &[std::path::PathBuf], log: std::sync::Arc<crate::model::Log>) -> SeenRead {
        SeenRead::of(Seen::load(paths), log)
    }

    /// Compares `log` with what was seen.
    pub fn of(mut seen: Seen, log: std::sync::Arc<crate::model::Log>) -> SeenRead {
        // A first open compares nothing: `with_seen` takes the browser's own last look.
        let unseen = match seen.last_look {
            Some(_) => seen.unseen(&log),
            None => BTreeMap::new(),
        };
        SeenRead { seen, log, unseen }
    }
}

/// `SeenRead` arrived: as `with_seen`, unless the log was reloaded meanwhile (then it is
/// compared again with the log on screen).
pub(crate) fn arrived(app: &mut App, read: SeenRead) {
    let SeenRead { seen, log, unseen } = read;
    let unseen = std::sync::Arc::ptr_eq(&log, &app.log).then_some(unseen);
    take(app, seen, unseen);
}

impl App {
    /// Gives the browser what the reader saw of its log (`Seen::load` on the log's files)
    /// and says what is new or changed since. A first open says nothing and marks
    /// nothing: what a reload brings is then measured against the log as it opened.
    pub fn with_seen(mut self, seen: Seen) -> App {
        take(&mut self, seen, None);
        self
    }
}

/// `with_seen`, with what is new or changed when it was worked out already.
fn take(app: &mut App, mut seen: Seen, unseen: Option<BTreeMap<EventIx, Unseen>>) {
    if seen.last_look.is_none() {
        seen.looks_from(std::mem::take(&mut app.seen));
    }
    app.unseen = match unseen {
        Some(u) if seen.last_look.is_some() => u,
        _ => seen.unseen(&app.log),
    };
    let mut notes = Vec::new();
    if let Some(at) = seen.last_look {
        notes.push(opening_note(app, at));
        let renamed = seen.derived_renamed(&app.log, &app.unseen);
        if renamed > 0 {
            notes.push(derived_note(renamed));
        }
    }
    notes.extend(seen.trouble());
    notes.extend(app.message.take());
    if !notes.is_empty() {
        app.message = Some(notes.join(" · "));
    }
    app.seen = seen;
    // `--unseen` with no look recorded keeps every event, as `list --unseen` does.
    if app.query.unseen.is_some() && app.seen.last_look.is_some() {
        app.query.unseen = Some(app.unseen.keys().copied().collect());
        let message = app.message.take();
        refilter(app);
        app.message = message;
    }
}

/// `2 new, 1 changed since you last looked (Thu 4 Dec 18:40)`.
fn opening_note(app: &App, at: i64) -> String {
    let new = app.unseen.values().filter(|u| **u == Unseen::New).count();
    let changed = app.unseen.len() - new;
    let when = look_time(at, app.log.timezone);
    match (new, changed) {
        (0, 0) => format!("nothing new since you last looked ({when})"),
        (n, 0) => format!("{n} new since you last looked ({when}) · + goes to the first"),
        (0, c) => format!("{c} changed since you last looked ({when}) · + goes to the first"),
        (n, c) => {
            format!("{n} new, {c} changed since you last looked ({when}) · + goes to the first")
        }
    }
}

fn derived_note(n: usize) -> String {
    if n == 1 {
        "1 event without an id counts as new: its derived id changed with its title or date; give it an `id:` to follow it".into()
    } else {
        format!(
            "{n} events without an id count as new: their derived id changed with their title or date; give them an `id:` to follow them"
        )
    }
}

/// When "new" and "changed" are measured from, for the details: `since you last looked
/// (Thu 4 Dec 18:40)`, or since the log opened when no look was recorded.
pub(crate) fn since(app: &App) -> String {
    match app.seen.last_look {
        Some(at) => format!(
            "since you last looked ({})",
            look_time(at, app.log.timezone)
        ),
        None => "since the log opened".into(),
    }
}

/// What changed in the event since the last look, a line each: `status: expected →
/// occurred`, `1 quote added`. Log text is sanitised by the caller.
pub(crate) fn changes(app: &App, ix: EventIx) -> Vec<String> {
    let Some(changes) = app.seen.changes(&app.log, ix) else {
        return Vec::new();
    };
    let mut out: Vec<String> = changes
        .iter()
        .filter(|c| !matches!(c, crate::diff::Change::Quote { .. }))
        .map(crate::diff::Change::describe)
        .collect();
    out.extend(crate::diff::quote_counts(&changes));
    out
}

/// After the log changed (a reload, a write): what is new or changed now, against the same
/// last look, kept in step with an "only them" filter; and the look recorded. `digests` are
/// the log's events' (`seen::digests`), worked out with the reload off the drawing thread.
pub(crate) fn relink(app: &mut App, digests: &[u64]) {
    app.unseen = app.seen.unseen_given(&app.log, digests);
    if app.query.unseen.is_some() {
        app.query.unseen = Some(app.unseen.keys().copied().collect());
    }
    if let Some(file) = app.seen.file() {
        app.effects.push(Effect::SaveSeen {
            file: file.to_path_buf(),
            log: app.log.clone(),
        });
    }
}

/// `+`: the first event new or changed since the last look (those a reload added among
/// them), in timeline order.
pub(crate) fn go_to_first(app: &mut App) {
    match app.unseen.keys().next() {
        Some(&first) => jump_to(app, first),
        None => app.message = Some(format!("nothing new or changed {}", since(app))),
    }
}

/// `U`: only the events new or changed since the last look, or all again. Combines with
/// the other filters; `c` clears it with them.
pub(crate) fn only_unseen(app: &mut App) {
    if app.query.unseen.is_some() {
        app.query.unseen = None;
        refilter(app);
        app.message = Some("new and changed only: off".into());
    } else if app.unseen.is_empty() {
        app.message = Some(format!("nothing new or changed {}", since(app)));
    } else {
        app.query.unseen = Some(app.unseen.keys().copied().collect());
        refilter(app);
        app.message = Some(format!(
            "new and changed only: {} shown · U shows all again",
            app.visible.len()
        ));
    }
}

/// Recording the look failed: say so.
pub(crate) fn saved(app: &mut App, result: Result<(), String>) {
    if let Err(e) = result {
        app.message = Some(
            crate::sanitize::sanitize(&format!("could not record what you saw: {e}")).into_owned(),
        );
    }
}
