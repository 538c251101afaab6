//! A picker over parties, actors, kinds or statuses, with counts.

use crate::tui::app::App;
use crate::tui::layout::text::{truncate, width};
use crate::tui::overlays::picker::{Counting, NO_SPEAKER, Picker, PickerKind, Purpose};
use crate::tui::overlays::prompt_input;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// Rows of entries that fit in a body area (border and input line taken).
pub(crate) fn list_height(area: Rect) -> usize {
    area.height.saturating_sub(2) as usize
}

pub(crate) fn draw(app: &App, p: &Picker, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let title = match p.purpose {
        Purpose::Filter => format!(
            " {} · Tab ticks · Enter applies · Esc cancels ",
            p.kind.title()
        ),
        Purpose::Positions => " Whose positions? · Enter shows them · Esc cancels ".to_owned(),
        Purpose::Form { .. } => format!(
            " {} of the new event · Tab ticks · Enter fills the field · Esc back to the form ",
            p.kind.title()
        ),
        Purpose::Speaker => format!(
            " Who said it? A quote of “{}” · Enter picks · Esc cancels ",
            p.about
        ),
        Purpose::QuoteParty => format!(
            " Which party said it? A quote of “{}” · Enter picks · Esc cancels ",
            p.about
        ),
    };
    let counted = match p.counting {
        Counting::Events => "",
        Counting::Quotes => " · counts are quotes",
        Counting::Positions => " · counts are quotes and statements",
    };
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(t.key())
        .title(Span::styled(title, t.key()));
    frame.render_widget(block, area);
    let w = area.width as usize;
    let mut prompt = prompt_input::echo(t, "> ", &p.input, w).to_vec();
    prompt.extend([
        Span::styled(
            format!("  {} of {}{counted}", p.shown.len(), p.entries.len()),
            t.dim(),
        ),
        Span::styled(" · Enter: ", t.dim()),
        Span::styled(applies(p), t.key()),
    ]);
    let mut lines = vec![Line::from(prompt)];
    let h = list_height(area);
    let first = p.cursor.saturating_sub(h.saturating_sub(1));
    if p.shown.is_empty() {
        lines.push(Line::from(Span::styled("no match", t.dim())));
    }
    for (row, &i) in p.shown.iter().enumerate().skip(first).take(h) {
        let e = &p.entries[i];
        let on = match p.purpose {
            Purpose::Positions | Purpose::Speaker | Purpose::QuoteParty => "",
            _ if p.chosen.contains(&e.key) => "[x] ",
            _ => "[ ] ",
        };
        let count = match e.key {
            NO_SPEAKER => String::new(),
            _ => format!(" {:>5}", e.count),
        };
        let style = match p.kind {
            PickerKind::Party => t.party(e.key),
            _ => Style::new(),
        };
        // The digit that toggles this party from the timeline.
        let digit = match p.kind {
            _ if matches!(p.purpose, Purpose::Form { .. }) => String::new(),
            PickerKind::Party if e.key < 9 => format!("{} ", e.key + 1),
            PickerKind::Party => "  ".to_owned(),
            _ => String::new(),
        };
        let mut spans = vec![
            Span::raw(on),
            Span::styled(digit, t.key()),
            Span::styled(e.label.clone(), style),
        ];
        if !e.note.is_empty() {
            spans.push(Span::styled(format!("  {}", e.note), t.dim()));
        }
        let room = w.saturating_sub(width(&count));
        let spans = truncate(spans, room);
        let used: usize = spans.iter().map(|s| width(&s.content)).sum();
        let mut spans = spans;
        spans.push(Span::raw(" ".repeat(room.saturating_sub(used))));
        spans.push(Span::raw(count));
        let mut line = Line::from(spans);
        if row == p.cursor {
            line = line.style(t.selected(true));
        }
        lines.push(line);
    }
    let inner = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(1),
    );
    frame.render_widget(Paragraph::new(lines), inner);
}

/// What Enter would apply, in words: the ticked entries, else the one under the cursor.
fn applies(p: &Picker) -> String {
    if matches!(
        p.purpose,
        Purpose::Positions | Purpose::Speaker | Purpose::QuoteParty
    ) {
        return p.current().map_or_else(String::new, |e| e.label.clone());
    }
    let result = p.result();
    if result.is_empty() {
        return match p.purpose {
            Purpose::Form { .. } => format!("no {}", p.kind.noun()),
            _ => format!("no {} filter", p.kind.noun()),
        };
    }
    let mut names: Vec<&str> = p
        .entries
        .iter()
        .filter(|e| result.contains(&e.key))
        .map(|e| e.label.as_str())
        .collect();
    if names.len() > 3 {
        let more = names.len() - 2;
        names.truncate(2);
        return format!("{} and {more} more", names.join(", "));
    }
    names.join(", ")
}
