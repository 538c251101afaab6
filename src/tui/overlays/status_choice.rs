//! `S`, then one key: the selected event's status written to the log (`o` occurred, `e`
//! expected, `c` cancelled, `d` disputed), for the common case where an expected meeting
//! happened or was called off. The choice is drawn in the status line.

use crate::model::{EventIx, Status};
use crate::tui::app::{App, Overlay};
use crate::tui::input::action::Action;
use crate::tui::layout::text::first_fitting;
use ratatui::text::Span;

pub(crate) fn open(app: &mut App) {
    let Some(event) = app.selected else {
        app.message = Some("no event selected".into());
        return;
    };
    if !crate::tui::update::write::writable(app) {
        return;
    }
    app.overlays.push(Overlay::Status { event });
}

pub(crate) fn prompt_line(app: &App, event: EventIx, room: usize) -> Vec<Span<'static>> {
    let now = app.log.events.get(event).map_or("", |e| e.status.as_str());
    let helps = vec![
        format!(
            "status (now {now}): o occurred · e expected · c cancelled · d disputed · Esc cancels"
        ),
        "status: o occurred · e expected · c cancelled · d disputed".to_string(),
        "status: o e c d".to_string(),
        String::new(),
    ];
    vec![Span::styled(first_fitting(helps, room), app.theme.dim())]
}

pub(crate) fn update(app: &mut App, action: Action) {
    let Some(&Overlay::Status { event }) = app.overlays.last() else {
        return;
    };
    match action {
        Action::SetStatus(status) => {
            app.overlays.pop();
            set(app, event, status);
        }
        Action::Back => {
            app.overlays.pop();
        }
        _ => {}
    }
}

fn set(app: &mut App, event: EventIx, status: Status) {
    let Some(e) = app.log.events.get(event) else {
        return;
    };
    if e.status == status {
        app.message = Some(format!("already {}", status.as_str()));
        return;
    }
    let change = crate::write::Change::Status {
        event: e.id.clone(),
        status,
    };
    crate::tui::update::write::write(app, change);
}
