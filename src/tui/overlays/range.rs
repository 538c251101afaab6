//! `r` then a date range: only what overlaps it is shown, with the same meaning as
//! `--from` and `--to` (a month is all of the month). Empty input clears the range.

use crate::filter::parse_range;
use crate::text::sanitize;
use crate::tui::app::{App, Overlay};
use crate::tui::input::action::Action;
use crate::tui::overlays::prompt_input;
use crate::tui::update::refilter;
use ratatui::text::Span;

const FORMS: &str = "2024-04..2024-05-03, 2024-04.., ..2024-05 or 2024-04";

/// Opens the prompt holding the range in force, so it can be edited.
pub(crate) fn start(app: &mut App) {
    let q = &app.query;
    let input = match (q.from, q.to) {
        (None, None) => String::new(),
        (Some(f), Some(t)) if f == t => f.written(),
        (f, t) => format!(
            "{}..{}",
            f.map(|d| d.written()).unwrap_or_default(),
            t.map(|d| d.written()).unwrap_or_default()
        ),
    };
    app.overlays.push(Overlay::Range { input });
}

/// The prompt, drawn in the status line.
pub(crate) fn prompt_line(app: &App, input: &str) -> Vec<Span<'static>> {
    let t = &app.theme;
    let mut line = prompt_input::echo(t, "dates: ", input).to_vec();
    line.push(Span::styled(
        format!("  {FORMS}  Enter applies (empty clears) · Esc cancels"),
        t.dim(),
    ));
    line
}

/// The prompt while it is open: typing, Backspace, Enter applies, Esc cancels.
pub(crate) fn update(app: &mut App, action: Action) {
    let Some(Overlay::Range { input }) = app.overlays.last_mut() else {
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
            apply(app, &text);
        }
        Action::Back => {
            app.overlays.pop();
        }
        _ => {}
    }
}

/// Sets the range `text` names, or says what is wrong with it.
fn apply(app: &mut App, text: &str) {
    match parse_range(text, app.log.timezone) {
        Ok((from, to)) => {
            app.query.from = from;
            app.query.to = to;
            refilter(app);
            app.message = Some(match (from, to) {
                (None, None) => "date range cleared".into(),
                _ => format!("{} events in the date range", app.visible.len()),
            });
        }
        Err(e) => {
            app.message = Some(format!(
                "{}: type {FORMS}",
                sanitize(&e).trim_end_matches("; swap them?")
            ));
        }
    }
}
