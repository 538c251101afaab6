//! The quotes checked against their archives in the background: the browser shows a log as
//! soon as it is read, its quotes "checking…", and fills in each verdict when the check
//! ends. Each version of the log on screen has its generation; a check's result for an
//! older version (reloaded meanwhile) is dropped.

use crate::model::{Log, Verification};
use crate::tui::app::App;
use crate::tui::update::share::Effect;
use std::sync::Arc;

/// A new version of the log is on screen: any check under way is for an older one, and
/// the quotes this one leaves to check are checked now.
pub(crate) fn start(app: &mut App) {
    app.check_generation += 1;
    if !crate::archive::pending(&app.log) {
        return;
    }
    app.effects.push(Effect::CheckQuotes {
        generation: app.check_generation,
        log: app.log.clone(),
    });
    if app.message.is_none() {
        app.message = Some(CHECKING.into());
    }
}

/// What the status line says while the quotes are checked.
pub(crate) const CHECKING: &str = "checking the quotes against their archived sources…";

/// The verdicts of the check for version `generation` of the log.
pub(crate) fn checked(app: &mut App, generation: u64, verdicts: Vec<(usize, usize, Verification)>) {
    if generation != app.check_generation {
        return;
    }
    let log = Arc::make_mut(&mut app.log);
    for (ei, qi, v) in verdicts {
        if let Some(q) = log.events.get_mut(ei).and_then(|e| e.quotes.get_mut(qi)) {
            q.verification = v;
        }
    }
    let found = crate::archive::check::quote_diagnostics(&app.log);
    let folded = found.iter().filter(|d| !d.is_error()).count();
    app.warnings += folded;
    let said = crate::tui::app::not_found(&found).unwrap_or_else(|| match folded {
        0 => "quotes checked: each found in its archived source".into(),
        1 => "quotes checked: 1 found only once typography is folded: `dateline check` reads it"
            .into(),
        n => format!(
            "quotes checked: {n} found only once typography is folded: `dateline check` reads them"
        ),
    });
    // What else the status line says (what changed since the last look, new events of a
    // reload) stays: the verdict in place of "checking", or after it; a check that found
    // every quote is no news beside it.
    app.message = Some(match app.message.take() {
        Some(m) if m == CHECKING => said,
        Some(m) if m.contains(CHECKING) => m.replace(CHECKING, &said),
        Some(m) if found.is_empty() => m,
        Some(m) => format!("{m} · {said}"),
        None => said,
    });
}

/// Whether `new`, a version of the log read with its quotes left to check, is `old` as it
/// stands (checked): the same but for the verdicts still to come.
pub(crate) fn same_but_checks(old: &Log, new: &Log) -> bool {
    if !crate::archive::pending(new) {
        return old == new;
    }
    let shapes = old.events.len() == new.events.len()
        && old
            .events
            .iter()
            .zip(&new.events)
            .all(|(a, b)| a.quotes.len() == b.quotes.len());
    if !shapes {
        return false;
    }
    let mut filled = new.clone();
    for (a, b) in old.events.iter().zip(filled.events.iter_mut()) {
        for (qa, qb) in a.quotes.iter().zip(b.quotes.iter_mut()) {
            if qb.verification == Verification::Checking {
                qb.verification = qa.verification.clone();
            }
        }
    }
    *old == filled
}
