//! What changed since the reader last looked (`crate::seen`), in the browser: the status
//! line on opening, `+` to the first new or changed event, `U` to show only them, and the
//! changes of the selected event in the details. The look is recorded at quit (by the run
//! loop) and at each reload (`Effect::SaveSeen`).

use crate::seen::{Seen, Unseen, look_time};
use crate::tui::app::App;
use crate::tui::update::share::Effect;
use crate::tui::update::{jump_to, refilter};

impl App {
    /// Gives the browser what the reader saw of its log (`Seen::load` on the log's files)
    /// and says what is new or changed since. A first open says nothing and marks
    /// nothing: what a reload brings is then measured against the log as it opened.
    pub fn with_seen(mut self, mut seen: Seen) -> App {
        if seen.last_look.is_none() {
            seen.looks_from(std::mem::take(&mut self.seen));
        }
        self.unseen = seen.unseen(&self.log);
        let mut notes = Vec::new();
        if let Some(at) = seen.last_look {
            notes.push(opening_note(&self, at));
            let renamed = seen.derived_renamed(&self.log, &self.unseen);
            if renamed > 0 {
                notes.push(derived_note(renamed));
            }
        }
        notes.extend(seen.trouble());
        notes.extend(self.message.take());
        if !notes.is_empty() {
            self.message = Some(notes.join(" · "));
        }
        self.seen = seen;
        // `--unseen` with no look recorded keeps every event, as `list --unseen` does.
        if self.query.unseen.is_some() && self.seen.last_look.is_some() {
            self.query.unseen = Some(self.unseen.keys().copied().collect());
            refilter(&mut self);
        }
        self
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
pub(crate) fn changes(app: &App, ix: crate::model::EventIx) -> Vec<String> {
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
/// last look, kept in step with an "only them" filter; and the look recorded.
pub(crate) fn relink(app: &mut App) {
    app.unseen = app.seen.unseen(&app.log);
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
