//! `A`: a new event, typed into a form over the browser. The date defaults to the selected
//! event's day; a time is read on the log's reading zone unless a zone name follows it
//! (`2024-05-03T10:00 Asia/Tehran`). Each field is checked as it is typed, its problem shown
//! under it; Enter writes the event (checked once more on the whole log), Esc discards the
//! form. After the write the new event is selected.

use crate::load::suggest::{did_you_mean, nearest};
use crate::model::{Date, Kind, Log, Precision, Status, Tz};
use crate::tui::app::{App, Overlay};
use crate::tui::input::action::Action;
use crate::tui::layout::text::wrap;
use crate::tui::overlays::{picker, prompt_input};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

/// The form's fields, in order.
pub(crate) const FIELDS: [&str; 10] = [
    "date", "kind", "status", "title", "location", "summary", "parties", "actors", "topics",
    "sources",
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventForm {
    pub(crate) values: [String; 10],
    /// The field being typed in.
    pub(crate) focus: usize,
}

pub(crate) fn open(app: &mut App) {
    if !crate::tui::update::write::writable(app) {
        return;
    }
    // The selected event's day; a month or a year as it is, since a day there would claim
    // more than the log knows.
    let day = app
        .selected
        .map(|s| {
            let date = &app.log.events[s].date;
            match date.precision {
                Precision::Year | Precision::Month => date.written(),
                _ => date.reading_day().format("%Y-%m-%d").to_string(),
            }
        })
        .unwrap_or_default();
    let mut values: [String; 10] = Default::default();
    values[0] = day;
    values[1] = "meeting".into();
    // The title is what is typed first; the date is one Shift-Tab away.
    app.overlays
        .push(Overlay::Form(EventForm { values, focus: 3 }));
}

/// The date as the log writes it: a time without a clock read on the reading zone, a zone
/// name after a space put in brackets.
pub(crate) fn written_date(typed: &str, zone: Tz) -> String {
    let typed = typed.trim();
    if let Some((when, name)) = typed.split_once(' ') {
        return format!("{}[{}]", when.trim(), name.trim());
    }
    let clockless = typed
        .split_once(['T', 't'])
        .is_some_and(|(_, time)| !time.contains(['Z', 'z', '+', '-', '[']));
    if clockless {
        format!("{typed}[{}]", zone.name())
    } else {
        typed.to_string()
    }
}

/// The words of a list field (commas or spaces between them).
pub(crate) fn items(s: &str) -> Vec<String> {
    s.split([',', ' '])
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// What is wrong with field `i` as typed, in the log's terms.
pub(crate) fn problem(log: &Log, form: &EventForm, i: usize) -> Option<String> {
    let v = form.values[i].trim();
    match FIELDS[i] {
        "date" => Date::parse_in(&written_date(v, log.timezone), log.timezone)
            .err()
            .map(|e| match e.help {
                Some(h) => format!("{} ({h})", e.message),
                None => e.message,
            }),
        "kind" => Kind::parse(v).is_none().then(|| {
            let all: Vec<&str> = Kind::ALL.map(Kind::as_str).to_vec();
            let one_of = format!("one of {}", all.join(" "));
            // The loader's suggestion, by meaning first (`talks`: `meeting`).
            match v {
                "" => one_of,
                _ => format!("{}; {one_of}", crate::load::closest_word("kind", v, &all)),
            }
        }),
        "status" => (!v.is_empty() && Status::parse(v).is_none()).then(|| {
            let all: Vec<&str> = Status::ALL.map(Status::as_str).to_vec();
            format!(
                "{}; occurred, expected, cancelled or disputed (empty: occurred)",
                crate::load::closest_word("status", v, &all)
            )
        }),
        "title" => v.is_empty().then(|| "required".to_string()),
        "parties" => unknown(v, "party", log.party_ids.keys()),
        "actors" => unknown(v, "actor", log.actor_ids.keys()),
        "sources" => unknown(v, "source", log.source_ids.keys()),
        _ => None,
    }
}

fn unknown<'a>(
    v: &str,
    what: &str,
    ids: impl Iterator<Item = &'a String> + Clone,
) -> Option<String> {
    let bad = items(v)
        .into_iter()
        .find(|w| !ids.clone().any(|id| id == w))?;
    let near = nearest(&bad, ids.map(String::as_str));
    Some(match near {
        Some(n) => format!("no {what} `{bad}`: {}", did_you_mean(n)),
        None => format!("no {what} `{bad}`"),
    })
}

pub(crate) fn update(app: &mut App, action: Action) {
    let Some(Overlay::Form(form)) = app.overlays.last_mut() else {
        return;
    };
    match action {
        Action::Input(c) => {
            prompt_input::type_char(&mut form.values[form.focus], c, &mut app.message);
        }
        // Space where an id would start, on a list field, picks from the log's.
        Action::Toggle => {
            let field = form.focus;
            let value = &form.values[field];
            match picker::form::kind_of_field(FIELDS[field]) {
                Some(kind) if value.is_empty() || value.ends_with([' ', ',']) => {
                    picker::form::open(app, field, kind)
                }
                _ => {
                    prompt_input::type_char(&mut form.values[field], ' ', &mut app.message);
                }
            }
        }
        Action::DeleteChar => {
            form.values[form.focus].pop();
        }
        Action::Down | Action::FocusNext => form.focus = (form.focus + 1) % FIELDS.len(),
        Action::Up => form.focus = (form.focus + FIELDS.len() - 1) % FIELDS.len(),
        Action::Back => {
            app.overlays.pop();
            app.message = Some("new event discarded".into());
        }
        Action::Open => submit(app),
        _ => {}
    }
}

/// Enter: the event written, if every field reads.
fn submit(app: &mut App) {
    let Some(Overlay::Form(form)) = app.overlays.last() else {
        return;
    };
    if let Some(i) = (0..FIELDS.len()).find(|&i| problem(&app.log, form, i).is_some()) {
        app.message = Some(format!(
            "the {} needs a fix first (shown under it)",
            FIELDS[i]
        ));
        if let Some(Overlay::Form(form)) = app.overlays.last_mut() {
            form.focus = i;
        }
        return;
    }
    let v = |i: usize| form.values[i].trim().to_string();
    let opt = |i: usize| Some(v(i)).filter(|s| !s.is_empty());
    let event = crate::write::NewEvent {
        date: written_date(&v(0), app.log.timezone),
        kind: v(1),
        status: opt(2),
        title: v(3),
        location: opt(4),
        summary: opt(5),
        parties: items(&v(6)),
        actors: items(&v(7)),
        topics: items(&v(8)),
        sources: items(&v(9)),
        ..Default::default()
    };
    crate::tui::update::write::write(app, crate::write::Change::Event(event));
}

fn lines(app: &App, form: &EventForm, width: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let w = width.max(1);
    let mut out = Vec::new();
    let intro = "A new event. Tab and ↑ ↓ move between fields · Enter writes it to the log · Esc discards it. Times are on the log's clock unless a zone follows: 2024-05-03T10:00 Asia/Tehran. Lists take ids, with spaces or commas between them; Space on an empty list (or after a space) picks them from the log's, Tab ticking several.";
    out.extend(wrap(&[(intro, t.dim())], w, 0));
    out.push(Line::default());
    for (i, name) in FIELDS.iter().enumerate() {
        let focused = i == form.focus;
        let marker = if focused { "▶ " } else { "  " };
        let value = crate::sanitize::sanitize(&form.values[i]).into_owned();
        let cursor = if focused { "█" } else { "" };
        let label = format!("{marker}{name:<9} ");
        let text = format!("{value}{cursor}");
        let style = if focused {
            t.selected(true)
        } else {
            Style::new()
        };
        out.extend(wrap(
            &[(label.as_str(), t.label()), (text.as_str(), style)],
            w,
            12,
        ));
        if let Some(p) = problem(&app.log, form, i) {
            let p = format!("            {}", crate::sanitize::sanitize(&p));
            out.extend(wrap(&[(p.as_str(), t.warning())], w, 12));
        }
    }
    out
}

pub(crate) fn draw(app: &App, form: &EventForm, frame: &mut Frame, area: Rect) {
    crate::tui::view::page::draw(
        app,
        " New event · Enter writes · Esc discards ",
        |w| lines(app, form, w),
        0,
        frame,
        area,
    );
}
