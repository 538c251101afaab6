//! `r` then a date range: only what overlaps it is shown, with the same meaning as
//! `--from` and `--to` (a month is all of the month). Empty input clears the range.

use crate::filter::{RangeError, parse_range};
use crate::model::Precision;
use crate::sanitize::sanitize;
use crate::tui::app::{App, Overlay};
use crate::tui::input::action::Action;
use crate::tui::overlays::log_dates::{self, written};
use crate::tui::overlays::prompt_input;
use crate::tui::update::refilter;
use ratatui::text::Span;

/// Example ranges taken from the open log's own dates, so that they mean something to
/// its reader: the first event's month to the last event's day, and so on.
struct Examples {
    /// The first event's month (its year when that is all the log says).
    first: String,
    /// The last event's day (or month, or year).
    last: String,
    /// The last event's month (or year).
    last_month: String,
}

impl Examples {
    fn of(app: &App) -> Examples {
        let (first, last) = log_dates::first_and_last(app);
        Examples {
            first: written(&first, Precision::Month),
            last: written(&last, Precision::Day),
            last_month: written(&last, Precision::Month),
        }
    }

    /// Every form the prompt takes: `2023-10..2024-05-04, 2023-10.., ..2024-05 or 2023-10`.
    fn all(&self) -> String {
        let Examples {
            first,
            last,
            last_month,
        } = self;
        format!("{first}..{last}, {first}.., ..{last_month} or {first}")
    }
}

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

/// The prompt, drawn in the status line in `room` columns: the longest of its helps that
/// fits beside what was typed, from every form with the keys down to one example.
pub(crate) fn prompt_line(app: &App, input: &str, room: usize) -> Vec<Span<'static>> {
    let line = prompt_input::echo(&app.theme, "dates: ", input, room).to_vec();
    let ex = Examples::of(app);
    let (first, last, all) = (&ex.first, &ex.last, ex.all());
    let helps = vec![
        format!("  {all} · Enter applies, empty clears · Esc cancels"),
        format!("  {all} · empty clears"),
        format!(
            "  {first}..{last}, {first}.., ..{} · empty clears",
            ex.last_month
        ),
        format!("  e.g. {first}..{last} · empty clears"),
        format!("  e.g. {first}..{last}"),
        String::new(),
    ];
    prompt_input::with_help(&app.theme, line, helps, room)
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
                _ => format!(
                    "{} in the date range",
                    crate::tui::layout::count::counted(app.visible.len(), "event", "events")
                ),
            });
        }
        // A range the wrong way round is not a matter of form: the examples would not help.
        Err(RangeError::Backwards(why)) => app.message = Some(why),
        Err(RangeError::Unreadable(e)) => {
            app.message = Some(format!(
                "{}: type {}",
                sanitize(&e),
                Examples::of(app).all()
            ));
        }
    }
}
