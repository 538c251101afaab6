//! Private marks in the browser: `m` marks or unmarks the selected event, `'`
//! and `"` go to the next and previous mark, `M` shows only the marked events. Marks are
//! kept by event id outside the log (`crate::marks`), saved after each change; a mark
//! whose event is gone stays in the file and is reported.

use crate::marks::Marks;
use crate::model::EventIx;
use crate::sanitize::sanitize;
use crate::tui::app::App;
use crate::tui::input::action::MarkAction;
use crate::tui::update::share::Effect;
use crate::tui::update::{refilter, select_pos};

impl App {
    /// Gives the browser the marks of its log (`Marks::load` on the log's files). Marks
    /// naming events that are not in the log are kept and reported.
    pub fn with_marks(mut self, marks: Marks) -> App {
        self.marks = marks;
        relink(&mut self);
        if let Some(trouble) = self.marks.trouble() {
            self.message = Some(match self.message.take() {
                Some(m) => format!("{m} · {trouble}"),
                None => trouble,
            });
        }
        let missing = self.marks.missing(&self.log).count();
        if missing > 0 {
            let note = if missing == 1 {
                "1 mark names an event no longer in the log".to_owned()
            } else {
                format!("{missing} marks name events no longer in the log")
            };
            self.message = Some(match self.message.take() {
                Some(m) => format!("{m} · {note}"),
                None => note,
            });
        }
        self
    }
}

/// Finds the marked events in the log again (after the log or the marks changed), and
/// keeps a "marked only" filter in step.
fn relink(app: &mut App) {
    app.marked = app.marks.present(&app.log);
    if app.query.only.is_some() {
        app.query.only = Some(app.marked.clone());
        refilter(app);
    }
}

pub(crate) fn apply(app: &mut App, what: MarkAction) {
    match what {
        MarkAction::Toggle => toggle(app),
        MarkAction::Next => step(app, true),
        MarkAction::Previous => step(app, false),
        MarkAction::OnlyMarked => only_marked(app),
    }
}

fn toggle(app: &mut App) {
    let Some(ix) = app.selected else {
        app.message = Some("no event selected".into());
        return;
    };
    let id = app.log.events[ix].id.clone();
    let now = app.marks.toggle(&id);
    if now {
        app.marked.insert(ix);
    } else {
        app.marked.remove(&ix);
    }
    let title = sanitize(&app.log.events[ix].title).into_owned();
    let derived = app.log.events[ix].id_derived;
    app.message = Some(if now && derived {
        // A derived id (`2024-05-03-talks-2`) names another event when an earlier one with
        // the same date and title goes: only a written id keeps a mark in place.
        format!(
            "marked “{title}” · this event has no `id:` in the log: give it one, or the mark may move to another event"
        )
    } else if now {
        format!("marked “{title}” · ' next mark · M marked only")
    } else {
        format!("unmarked “{title}”")
    });
    // The copy saved carries this session's changes, merged into the file as it is then.
    app.effects
        .push(Effect::SaveMarks(app.marks.take_changes()));
    if app.query.only.is_some() {
        app.query.only = Some(app.marked.clone());
        let message = app.message.take();
        refilter(app);
        app.message = message;
    }
}

/// Saving the marks failed: say so (the marks stay as they are on screen).
pub(crate) fn saved(app: &mut App, result: Result<(), String>) {
    if let Err(e) = result {
        app.message = Some(format!("could not save the marks: {e}"));
    }
}

/// `'` and `"`: the next or previous marked event among those shown, round the end.
fn step(app: &mut App, forward: bool) {
    if app.marked.is_empty() {
        app.message = Some("no marks: m marks the selected event".into());
        return;
    }
    let shown: Vec<EventIx> = app
        .marked
        .iter()
        .copied()
        .filter(|&m| app.is_visible(m))
        .collect();
    if shown.is_empty() {
        app.message = Some("no marked event is shown: c clears the filters".into());
        return;
    }
    let cur = app.selected;
    let target = match (forward, cur) {
        (true, Some(c)) => shown.iter().find(|&&m| m > c).or(shown.first()),
        (false, Some(c)) => shown.iter().rev().find(|&&m| m < c).or(shown.last()),
        (true, None) => shown.first(),
        (false, None) => shown.last(),
    }
    .copied();
    if target == cur {
        app.message = Some("this is the only marked event shown".into());
        return;
    }
    if let Some(pos) = target.and_then(|t| app.visible.binary_search(&t).ok()) {
        select_pos(app, pos);
    }
}

/// `M`: only the marked events, or all again. Combines with the other filters; `c`
/// clears it with them.
fn only_marked(app: &mut App) {
    if app.query.only.is_some() {
        app.query.only = None;
        refilter(app);
        app.message = Some("marked only: off".into());
    } else if app.marked.is_empty() {
        app.message = Some("no marks: m marks the selected event".into());
    } else {
        app.query.only = Some(app.marked.clone());
        refilter(app);
        app.message = Some(format!(
            "marked only: {} shown · M shows all again",
            app.visible.len()
        ));
    }
}
