//! The pickers of the new-event form (`A`): Space on its parties, actors, topics or sources
//! opens the picker of that kind over the form, the field's ids ticked; Enter puts what the
//! picker applies back in the field (the ids kept in the order they were typed, the new ones
//! after them), Esc leaves the field as it was. The counts are the log's events that use
//! each entry. The topic picker also offers what is typed as a new topic.

use crate::model::Log;
use crate::sanitize::sanitize;
use crate::search::SearchIndex;
use crate::tui::app::{App, Overlay};
use crate::tui::overlays::event_form;
use crate::tui::overlays::picker::{Counting, Entry, Picker, PickerKind, Purpose};
use crate::tui::update::reload::Before;

/// The picker a form field takes its ids from, if it takes them from one.
pub(crate) fn kind_of_field(name: &str) -> Option<PickerKind> {
    match name {
        "parties" => Some(PickerKind::Party),
        "actors" => Some(PickerKind::Actor),
        "topics" => Some(PickerKind::Topic),
        "sources" => Some(PickerKind::Source),
        _ => None,
    }
}

/// The ids of the log's entries of `kind`, in the picker's order (its keys).
fn log_ids(kind: PickerKind, log: &Log) -> Vec<String> {
    match kind {
        PickerKind::Party => log.parties.iter().map(|p| p.id.clone()).collect(),
        PickerKind::Actor => log.actors.iter().map(|a| a.id.clone()).collect(),
        PickerKind::Topic => log.topics().into_iter().map(str::to_owned).collect(),
        PickerKind::Source => log.sources.iter().map(|s| s.id.clone()).collect(),
        PickerKind::Kind | PickerKind::Status | PickerKind::Outlet => Vec::new(),
    }
}

/// A topic as the log writes topics (lower-case words joined by `-`), from what was typed.
pub(crate) fn new_topic(typed: &str) -> String {
    typed
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
        .to_lowercase()
}

impl Picker {
    /// The picker of form field `field`, `typed` (the field's ids) ticked. Also returns the
    /// typed ids the log does not have (a topic not in the log is a new one, kept).
    pub(crate) fn for_form(
        kind: PickerKind,
        field: usize,
        log: &Log,
        index: &SearchIndex,
        typed: &[String],
    ) -> (Picker, Vec<String>) {
        let mut p = Picker::open_for(
            kind,
            Purpose::Form { field },
            Counting::Events,
            log,
            index,
            &crate::filter::Query::default(),
        );
        p.ids = log_ids(kind, log);
        let mut unknown = Vec::new();
        for id in typed {
            match p.ids.iter().position(|x| x == id) {
                Some(k) => {
                    p.chosen.insert(k);
                }
                None if kind == PickerKind::Topic => {
                    let k = p.add_new_topic(id);
                    p.chosen.insert(k);
                }
                None => unknown.push(id.clone()),
            }
        }
        p.initial = p.chosen.clone();
        p.narrow();
        (p, unknown)
    }

    /// An entry for a topic the log does not have yet; its key.
    fn add_new_topic(&mut self, topic: &str) -> usize {
        let key = self.entries.len();
        self.entries.push(Entry {
            key,
            label: sanitize(topic).into_owned(),
            note: "new topic".into(),
            count: 0,
        });
        self.ids.push(topic.to_owned());
        key
    }

    /// The topic picker of the form: what is typed, when no topic is that, offered as a new
    /// one (the last entry, until it is ticked or the typing changes).
    pub(super) fn offer_new_topic(&mut self) {
        if !matches!(self.purpose, Purpose::Form { .. }) || self.kind != PickerKind::Topic {
            return;
        }
        if self.pending {
            self.pending = false;
            let last = self.entries.len() - 1;
            if !self.chosen.contains(&last) {
                self.entries.pop();
                self.ids.pop();
            }
        }
        let topic = new_topic(&self.input);
        if !topic.is_empty() && !self.ids.contains(&topic) {
            self.add_new_topic(&topic);
            self.pending = true;
        }
    }

    /// The ids Enter puts in the field.
    fn picked(&self) -> Vec<String> {
        self.result()
            .iter()
            .filter_map(|&k| self.ids.get(k).cloned())
            .collect()
    }
}

/// Space on a list field of the form: its picker, over the form.
pub(crate) fn open(app: &mut App, field: usize, kind: PickerKind) {
    let Some(Overlay::Form(form)) = app.overlays.last() else {
        return;
    };
    let typed = event_form::items(&form.values[field]);
    let (p, unknown) = Picker::for_form(kind, field, &app.log, &app.index, &typed);
    if !unknown.is_empty() {
        app.message = Some(format!(
            "not in the log, left out if you apply the picker: {}",
            sanitize(&unknown.join(" "))
        ));
    }
    app.overlays.push(Overlay::Picker(p));
}

/// Enter in a form's picker: the picker closed, its ids in the field.
pub(crate) fn fill(app: &mut App, field: usize) {
    let Some(Overlay::Picker(p)) = app.overlays.pop() else {
        return;
    };
    let picked = p.picked();
    let Some(Overlay::Form(form)) = app.overlays.last_mut() else {
        return;
    };
    let before = event_form::items(&form.values[field]);
    let mut ids: Vec<String> = Vec::new();
    for id in before
        .iter()
        .filter(|id| picked.contains(id))
        .chain(&picked)
    {
        if !ids.contains(id) {
            ids.push(id.clone());
        }
    }
    form.values[field] = ids.join(" ");
}

/// A form's picker open during a reload: rebuilt on the new log, its ticks and typing kept
/// by id.
pub(super) fn reloaded(app: &App, _before: &Before, p: Picker) -> Picker {
    let Purpose::Form { field } = p.purpose else {
        return p;
    };
    let ids_of = |keys: &std::collections::BTreeSet<usize>| -> Vec<String> {
        keys.iter().filter_map(|&k| p.ids.get(k).cloned()).collect()
    };
    let (mut n, _) = Picker::for_form(p.kind, field, &app.log, &app.index, &ids_of(&p.chosen));
    let (initial, _) = Picker::for_form(p.kind, field, &app.log, &app.index, &ids_of(&p.initial));
    n.initial = initial
        .initial
        .iter()
        .filter_map(|&k| initial.ids.get(k))
        .filter_map(|id| n.ids.iter().position(|x| x == id))
        .collect();
    n.input = p.input.clone();
    n.cursor = p.cursor;
    n.narrow();
    n
}
