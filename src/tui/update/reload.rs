//! Live reload, as `update` applies it. A valid new version of the log replaces the old one
//! and the reader keeps their place: filters, search and selection are carried over by id,
//! never by index, since an edit can shift every index. An invalid version replaces
//! nothing: the last good log stays on screen, and the errors can be read with `E`.

use crate::filter::Query;
use crate::load::{Loaded, Report};
use crate::marks::Marks;
use crate::model::{Date, EventIx, Log};
use crate::tui::app::derived::{Changed, Near};
use crate::tui::app::{App, Focus};
use crate::tui::input::msg::Reload;
use crate::tui::overview;
use crate::tui::update::scroll_to_selection;
use crate::tui::update::share::Effect;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// At most this many diagnostics are laid out for `E`; `dateline check` lists them all.
const MAX_SHOWN: usize = 200;

/// Why the files on disk do not open now, while the last good log stays on screen.
#[derive(Clone, Debug)]
pub struct FileErrors {
    pub(crate) report: Report,
    /// The diagnostics as `dateline check` prints them, without colour and sanitised, a
    /// line each; true on the first line of each. Rendered once, when the reload failed.
    pub(crate) lines: Vec<(bool, String)>,
}

impl FileErrors {
    /// `file has 3 errors — press E to read them`; a quote not found in its archive is
    /// named apart, since it alone would not keep the file from opening.
    pub(crate) fn notice(&self) -> String {
        let them = if self.report.error_count() == 1 {
            "it"
        } else {
            "them"
        };
        format!("file has {} — press E to read {them}", self.counted())
    }

    /// `3 errors`, or `2 errors that keep it from opening and 1 quote not found in its
    /// archive`.
    pub(crate) fn counted(&self) -> String {
        let errors = self.report.error_count();
        let missing = self
            .report
            .errors()
            .filter(|d| d.is_quote_not_found())
            .count();
        if missing == 0 {
            let s = if errors == 1 { "" } else { "s" };
            return format!("{errors} error{s}");
        }
        let blocking = errors - missing;
        let (s, keep) = if blocking == 1 {
            ("", "keeps")
        } else {
            ("s", "keep")
        };
        let quotes = if missing == 1 {
            "1 quote not found in its archive".to_owned()
        } else {
            format!("{missing} quotes not found in their archives")
        };
        format!("{blocking} error{s} that {keep} it from opening and {quotes}")
    }
}

pub(crate) fn reloaded(app: &mut App, reload: Reload) {
    if let Some(looks) = reload.opened {
        app.seen.settle_from(looks);
    }
    match reload.result {
        // The watcher's word on a write of ours, which is on screen already: the status
        // line keeps saying what was written.
        // (The watcher may see the temporary file and the rename as two changes.)
        Ok(loaded)
            if app.just_wrote
                && crate::tui::update::checked::same_but_checks(&app.log, &loaded.log) => {}
        Ok(loaded) => {
            app.just_wrote = false;
            replace(app, loaded, &reload.digests);
        }
        Err(report) => {
            let lines = rendered(&report, &reload.sources);
            let errors = FileErrors { report, lines };
            app.message = Some(errors.notice());
            app.file_errors = Some(errors);
        }
    }
}

/// The watcher's word, but the files and archives are still those of the log on screen
/// (after a write of ours, or a save of the same bytes): nothing changes, unless the files
/// had stopped opening since and are now back to that version.
pub(crate) fn unchanged(app: &mut App) {
    if app.file_errors.take().is_some() {
        let n = app.log.events.len();
        app.message = Some(format!(
            "reloaded: the files are back to the version on screen ({})",
            plural(n, "event")
        ));
    }
}

/// Swaps in the new log, carrying the reader's place over by id; `digests` are its events'
/// for what changed since the last look (empty: worked out here).
fn replace(app: &mut App, loaded: Loaded, digests: &[u64]) {
    let Loaded { log, warnings } = loaded;
    let unverified = crate::tui::app::not_found(&warnings);
    let old = std::mem::replace(&mut app.log, std::sync::Arc::new(log));
    let new = &app.log;
    let renamed = renamed(&old, new);
    let event_in = |old: &Log, new: &Log, ix: EventIx| event_in(old, new, &renamed, ix);
    // A quote not found in its archive is an error that does not keep the log from
    // opening: it is said on its own below, never counted as a warning.
    app.warnings = warnings.iter().filter(|d| !d.is_error()).count();

    // A mark follows an event without `id` whose derived id changed, and is saved as a
    // mark made with `m` is.
    let mut moved = false;
    for (&o, &n) in &renamed {
        moved |= app.marks.rename(&old.events[o].id, &new.events[n].id);
        app.seen.rename(&old.events[o].id, &new.events[n].id);
    }
    if moved {
        app.effects
            .push(Effect::SaveMarks(app.marks.take_changes()));
    }

    // What is new or changed since the last look, against the new version.
    crate::tui::update::seen_keys::relink(app, digests);
    let mut gone = Vec::new();
    carry_query(&old, &app.log, &app.marks, &mut app.query, &mut gone);
    app.rebuild_derived(Changed::Log);

    let before = app.selected;
    app.remembered = app.remembered.and_then(|r| event_in(&old, &app.log, r));
    app.selected = match before {
        Some(s) => match event_in(&old, &app.log, s) {
            Some(n) if app.is_visible(n) => Some(n),
            Some(n) => {
                // Still there but hidden now: given back when a filter shows it.
                app.remembered.get_or_insert(n);
                app.nearest_visible(Near::Instant(app.log.events[n].date.start_ts()))
            }
            None => app.nearest_visible(Near::Instant(old.events[s].date.start_ts())),
        },
        None => match app.remembered.filter(|&r| app.is_visible(r)) {
            Some(r) => {
                app.remembered = None;
                Some(r)
            }
            None => app.visible.first().copied(),
        },
    };
    // The way back, by id; the filters kept with it (a link followed past them) by id too,
    // each at the depth of the entries still there, so that Backspace gives them back even
    // when the event left is gone.
    let mut back = Vec::with_capacity(app.back.len());
    let mut depths = vec![0];
    for &b in &app.back {
        back.extend(event_in(&old, &app.log, b));
        depths.push(back.len());
    }
    app.back = back;
    for (depth, q) in &mut app.filters_back {
        carry_query(&old, &app.log, &app.marks, q, &mut Vec::new());
        if q.unseen.is_some() {
            q.unseen = app
                .query
                .unseen
                .clone()
                .or_else(|| Some(app.unseen.keys().copied().collect()));
        }
        *depth = depths[(*depth).min(depths.len() - 1)];
    }
    let same = match (before, app.selected) {
        (Some(b), Some(s)) => event_in(&old, &app.log, b) == Some(s),
        _ => false,
    };
    if same {
        app.link = app.link.min(app.links().len().saturating_sub(1));
        let quotes = app.selected.map_or(0, |s| app.log.events[s].quotes.len());
        app.quote = app.quote.min(quotes.saturating_sub(1));
    } else {
        app.link = 0;
        app.detail_scroll = 0;
        app.quote = 0;
        app.focus = Focus::Timeline;
    }

    // Each overlay says how it follows the new version: kept, rebuilt or closed.
    let before = Before {
        old: &old,
        renamed: &renamed,
        same_selection: same,
    };
    for o in std::mem::take(&mut app.overlays) {
        let kept = o.reloaded(app, &before);
        app.overlays.extend(kept);
    }
    overview::refresh(app);
    scroll_to_selection(app);

    app.file_errors = None;
    crate::tui::update::checked::start(app);
    // Events are in timeline order, so the new ones are too. An event whose derived id
    // changed with an edit is the same event, changed: not new.
    let changed: BTreeSet<EventIx> = renamed.values().copied().collect();
    app.new_events = (0..app.log.events.len())
        .filter(|&i| old.event(&app.log.events[i].id).is_none() && !changed.contains(&i))
        .collect();
    let n = app.log.events.len();
    let mut msg = format!("reloaded: {n} event{}", if n == 1 { "" } else { "s" });
    match app.new_events.len() {
        0 => {}
        // `+` goes to the first event new or changed since the last look: say so when
        // that is not the first new one.
        _ if app.unseen.keys().next() != app.new_events.first() => msg.push_str(&format!(
            " · {}: + goes to the first new or changed",
            plural(app.new_events.len(), "new event")
        )),
        1 => msg.push_str(" · 1 new event: + goes to it"),
        n => msg.push_str(&format!(" · {n} new events: + goes to the first")),
    }
    // Said because the id is how `related:` and marks name the event.
    match renamed.values().next() {
        None => {}
        Some(&n) if renamed.len() == 1 => msg.push_str(&format!(
            " · 1 changed event: its id, derived from date and title, is now {}",
            crate::sanitize::sanitize(&app.log.events[n].id)
        )),
        Some(_) => msg.push_str(&format!(
            " · {} changed events: their ids, derived from date and title, changed",
            renamed.len()
        )),
    }
    match app.warnings {
        0 => {}
        1 => msg.push_str(" · 1 warning: `dateline check` reads it"),
        n => msg.push_str(&format!(" · {n} warnings: `dateline check` reads them")),
    }
    if !gone.is_empty() {
        msg.push_str(&format!(
            " · no longer in the log, dropped from the filters: {}",
            gone.join(", ")
        ));
    }
    if let Some(n) = unverified {
        msg.push_str(&format!(" · {n}"));
    }
    if crate::archive::pending(&app.log) {
        msg.push_str(&format!(" · {}", crate::tui::update::checked::CHECKING));
    }
    if let Some(note) = app.editor_note.take() {
        msg.push_str(&format!(" · {note}"));
    }
    app.message = Some(msg);
}

fn plural(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// What an overlay open during a reload needs to know to follow it.
pub(crate) struct Before<'a> {
    /// The log it was open over.
    pub(crate) old: &'a Log,
    /// Events of the old log without `id` whose derived id changed, to their new indices.
    renamed: &'a BTreeMap<EventIx, EventIx>,
    /// The selection is the same event (by id) as before.
    pub(crate) same_selection: bool,
}

impl Before<'_> {
    /// Filters kept from the old log (by an overlay, to give back later) on the new one.
    pub(crate) fn query_in(&self, app: &App, q: &Query) -> Query {
        let mut q = q.clone();
        carry_query(self.old, &app.log, &app.marks, &mut q, &mut Vec::new());
        if q.unseen.is_some() {
            q.unseen = Some(app.unseen.keys().copied().collect());
        }
        q
    }

    /// The event of the old log in the new one: by id, or where an edit changed its
    /// derived id in place.
    pub(crate) fn event_in(&self, new: &Log, ix: EventIx) -> Option<EventIx> {
        event_in(self.old, new, self.renamed, ix)
    }
}

/// The event of the old log in the new one: by id, or where an edit changed its derived
/// id in place (`renamed`).
fn event_in(
    old: &Log,
    new: &Log,
    renamed: &BTreeMap<EventIx, EventIx>,
    ix: EventIx,
) -> Option<EventIx> {
    let e = old.events.get(ix)?;
    new.event(&e.id).or_else(|| renamed.get(&ix).copied())
}

/// The events without `id` that an edit gave another derived id (a new title, a corrected
/// date) while they kept their place: the same file and line, or else the same date and the
/// same rank among that date's events whose ids changed. Each is the reader's one event,
/// changed, not one event gone and another new. Old index to new index.
fn renamed(old: &Log, new: &Log) -> BTreeMap<EventIx, EventIx> {
    let mut out = BTreeMap::new();
    let unpaired = |a: &Log, b: &Log| -> Vec<EventIx> {
        (0..a.events.len())
            .filter(|&i| a.events[i].id_derived && b.event(&a.events[i].id).is_none())
            .collect()
    };
    let gone = unpaired(old, new);
    if gone.is_empty() {
        return out;
    }
    let arrived = unpaired(new, old);

    // Looked up by key, not by comparing every pair: an edit can change thousands of ids.
    let mut at_place: HashMap<(&str, usize), EventIx> = HashMap::new();
    for &n in arrived.iter().rev() {
        at_place.insert(place(new, n), n);
    }
    for &o in &gone {
        if let Some(n) = at_place.remove(&place(old, o)) {
            out.insert(o, n);
        }
    }
    let paired: BTreeSet<EventIx> = out.values().copied().collect();
    let mut on_day: HashMap<(&Date, usize), EventIx> = HashMap::new();
    let mut seen: HashMap<&Date, usize> = HashMap::new();
    for &n in arrived.iter().filter(|n| !paired.contains(n)) {
        let date = &new.events[n].date;
        let rank = seen.entry(date).or_default();
        on_day.insert((date, *rank), n);
        *rank += 1;
    }
    seen.clear();
    for &o in &gone {
        if out.contains_key(&o) {
            continue;
        }
        let date = &old.events[o].date;
        let rank = seen.entry(date).or_default();
        if let Some(n) = on_day.remove(&(date, *rank)) {
            out.insert(o, n);
        }
        *rank += 1;
    }
    out
}

/// Where an event is written: its file's name and its line.
fn place(log: &Log, i: EventIx) -> (&str, usize) {
    let o = log.events[i].origin;
    (log.files.get(o.file).map_or("", String::as_str), o.line)
}

/// Filters of the old log on the new one, by id; the parties and actors that are gone go
/// to `gone`.
fn carry_query(old: &Log, new: &Log, marks: &Marks, q: &mut Query, gone: &mut Vec<String>) {
    q.parties = same_ids(&q.parties, |p| &old.parties[p].id, |id| new.party(id), gone);
    q.actors = same_ids(&q.actors, |a| &old.actors[a].id, |id| new.actor(id), gone);
    q.sources = same_ids(
        &q.sources,
        |s| &old.sources[s].id,
        |id| new.source_ids.get(id).copied(),
        gone,
    );
    // Outlets are names: one no source of the new version has is gone.
    let outlets = crate::sources::outlets(new);
    let (kept, lost): (BTreeSet<String>, BTreeSet<String>) = std::mem::take(&mut q.outlets)
        .into_iter()
        .partition(|k| outlets.iter().any(|(o, _)| o == k));
    q.outlets = kept;
    gone.extend(
        lost.into_iter()
            .map(|k| crate::sanitize::sanitize(&k).into_owned()),
    );
    // Marks are kept by id: a "marked only" filter shows their events in the new version.
    if q.only.is_some() {
        q.only = Some(marks.present(new));
    }
}

/// Indices of the old log to indices of the new, by id; ids that are gone go to `gone`.
pub(crate) fn same_ids<'a>(
    set: &BTreeSet<usize>,
    old_id: impl Fn(usize) -> &'a str,
    new_ix: impl Fn(&str) -> Option<usize>,
    gone: &mut Vec<String>,
) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    for &i in set {
        let id = old_id(i);
        match new_ix(id) {
            Some(n) => {
                out.insert(n);
            }
            None => gone.push(crate::sanitize::sanitize(id).into_owned()),
        }
    }
    out
}

/// Each diagnostic as `check` prints it, with the line at fault from `sources`.
fn rendered(report: &Report, sources: &[(String, String)]) -> Vec<(bool, String)> {
    let lines: Vec<(&str, Vec<&str>)> = sources
        .iter()
        .map(|(name, text)| (name.as_str(), crate::load::source_lines(text)))
        .collect();
    let mut out = Vec::new();
    for d in report.diagnostics.iter().take(MAX_SHOWN) {
        let at_fault = lines
            .iter()
            .find(|(name, _)| *name == d.file)
            .and_then(|(_, l)| l.get(d.line.checked_sub(1)?).copied());
        let text =
            crate::load::render_diagnostic(d, at_fault, crate::color_policy::ColorMode::None);
        for (i, line) in text.lines().enumerate() {
            out.push((i == 0, crate::sanitize::sanitize(line).into_owned()));
        }
    }
    let more = report.diagnostics.len().saturating_sub(MAX_SHOWN);
    if more > 0 {
        out.push((
            true,
            format!("… and {more} more: `dateline check` lists them all"),
        ));
    }
    out
}
