//! `:` then a date: the first shown event within it, else the shown event still going on
//! then (through its `end`, or known only by a month or year that holds it), else the
//! first shown event after it. The same forms as the log's dates (`2024`, `2024-05`,
//! `2024-05-03`), or `today`, all read as periods of the log's reading zone.

use crate::activity::landing;
use crate::model::{Date, Precision};
use crate::sanitize::sanitize;
use crate::tui::app::{App, Overlay};
use crate::tui::input::action::Action;
use crate::tui::overlays::log_dates::{self, written};
use crate::tui::overlays::prompt_input;
use crate::tui::update::select_pos;
use ratatui::text::Span;

/// The forms the prompt takes, in the last event's dates: `2024, 2024-05, 2024-05-04 or
/// today`.
pub(crate) fn forms(app: &App) -> String {
    let (_, last) = log_dates::first_and_last(app);
    let [y, m, d] = [Precision::Year, Precision::Month, Precision::Day].map(|p| written(&last, p));
    let mut forms: Vec<String> = vec![y, m, d];
    forms.dedup(); // a log that ends on a year gives it once
    format!("{} or today", forms.join(", "))
}

pub(crate) fn start(app: &mut App) {
    app.overlays.push(Overlay::Jump {
        input: String::new(),
    });
}

/// The prompt, drawn in the status line in `room` columns: the longest of its helps that
/// fits beside what was typed.
pub(crate) fn prompt_line(app: &App, input: &str, room: usize) -> Vec<Span<'static>> {
    let line = prompt_input::echo(&app.theme, ":", input, room).to_vec();
    let forms = forms(app);
    let helps = vec![
        format!("  go to a date: {forms} · Enter goes · Esc cancels"),
        format!("  go to a date: {forms}"),
        format!("  a date: {forms}"),
        String::new(),
    ];
    prompt_input::with_help(&app.theme, line, helps, room)
}

/// The prompt while it is open: typing, Backspace, Enter goes, Esc cancels.
pub(crate) fn update(app: &mut App, action: Action) {
    let Some(Overlay::Jump { input }) = app.overlays.last_mut() else {
        return;
    };
    match action {
        Action::Input(c) => {
            prompt_input::type_char(input, c, &mut app.message);
        }
        Action::DeleteChar => {
            input.pop();
        }
        Action::Open => {
            let text = std::mem::take(input);
            app.overlays.pop();
            if !text.trim().is_empty() {
                go(app, text.trim());
            }
        }
        Action::Back => {
            app.overlays.pop();
        }
        _ => {}
    }
}

/// Selects where a jump to `text`'s date lands (`overview::landing`), or says why not.
fn go(app: &mut App, text: &str) {
    let zone = app.log.timezone;
    let parsed = if text.eq_ignore_ascii_case("today") {
        Ok(Date::today(zone))
    } else {
        Date::parse_in(text, zone)
    };
    let date = match parsed {
        Ok(d) => d,
        Err(e) => {
            let fix = e.help.map(|h| format!(" ({h})")).unwrap_or_default();
            app.message = Some(format!(
                "“{}” is not a date: type {}{}",
                sanitize(text),
                forms(app),
                sanitize(&fix)
            ));
            return;
        }
    };
    let Some(pos) = landing(&app.log, app.rows.calendar(), &app.visible, &date) else {
        app.message = Some("no event is shown: c clears the filters".into());
        return;
    };
    select_pos(app, pos);
    let e = &app.log.events[app.visible[pos]];
    let at = date.in_zone(app.log.timezone).start();
    let going_on = e.end.filter(|end| at < end.end_exclusive());
    app.message = Some(if e.date.end_exclusive() <= at && going_on.is_none() {
        format!("nothing from {} on: this is the last event", date.human())
    } else if e.date.start() < at && at < e.date.end_exclusive() {
        format!(
            "{}: within {}, known only by its {}",
            date.human(),
            e.date.human(),
            e.date.precision_name()
        )
    } else if let Some(end) = going_on.filter(|_| e.date.start() < at) {
        format!(
            "{}: under way, {} to {}",
            date.human(),
            e.date.human(),
            end.human()
        )
    } else {
        format!("from {}: {}", date.human(), e.date.human())
    });
}
