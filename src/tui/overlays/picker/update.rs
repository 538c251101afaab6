//! Keys in a picker: move, narrow by typing, tick with Tab (or Space before typing),
//! apply with Enter. Choosing whose positions to show ticks nothing: Enter takes the
//! party under the cursor.

use crate::tui::app::App;
use crate::tui::input::action::Action;
use crate::tui::layout::areas;
use crate::tui::overlays::picker::{NO_SPEAKER, Picker, Purpose, draw, form, set_in};
use crate::tui::overlays::{Overlay, event_list, passage, prompt_input};
use crate::tui::update::refilter;

pub(crate) fn update(app: &mut App, action: Action) {
    let h = draw::list_height(areas(app).body).max(1);
    let Some(Overlay::Picker(p)) = app.overlays.last_mut() else {
        return;
    };
    let last = p.shown.len().saturating_sub(1);
    match action {
        Action::Down => p.cursor = (p.cursor + 1).min(last),
        Action::Up => p.cursor = p.cursor.saturating_sub(1),
        Action::Wheel(n) => p.cursor = p.cursor.saturating_add_signed(n as isize).min(last),
        Action::PageDown => p.cursor = (p.cursor + h).min(last),
        Action::PageUp => p.cursor = p.cursor.saturating_sub(h),
        // Before typing, Space ticks.
        Action::Input(' ') if p.input.is_empty() && p.ticks() => toggle(p),
        // Choosing whose positions ticks nothing, and a leading space narrows nothing.
        Action::Input(' ') if p.input.is_empty() => {}
        Action::Input(c) => {
            if !prompt_input::type_char(&mut p.input, c, &mut app.message) {
                return;
            }
            p.cursor = 0;
            p.narrow();
        }
        Action::DeleteChar => {
            p.input.pop();
            p.narrow();
        }
        Action::Toggle if p.ticks() => toggle(p),
        Action::Open => {
            if let Purpose::Form { field } = p.purpose {
                return form::fill(app, field);
            }
            let (kind, purpose, result) = (p.kind, p.purpose, p.result());
            let current = p.current().map(|e| e.key);
            let about = std::mem::take(&mut p.about);
            app.overlays.pop();
            match purpose {
                Purpose::Filter => {
                    set_in(&app.log, &mut app.query, kind, &result);
                    refilter(app);
                }
                Purpose::Positions => {
                    if let Some(party) = current {
                        event_list::show_positions(app, party);
                    }
                }
                Purpose::Form { .. } => {}
                Purpose::Speaker => match current {
                    Some(NO_SPEAKER) => passage::ask_party(app, about),
                    Some(actor) => passage::write(app, Some(actor), None),
                    None => {}
                },
                Purpose::QuoteParty => {
                    if let Some(party) = current {
                        passage::write(app, None, Some(party));
                    }
                }
            }
        }
        Action::Back => {
            app.overlays.pop();
        }
        _ => {}
    }
}

/// Ticks the entry under the cursor, or unticks it.
fn toggle(p: &mut Picker) {
    if let Some(key) = p.current().map(|e| e.key)
        && !p.chosen.remove(&key)
    {
        p.chosen.insert(key);
    }
}
