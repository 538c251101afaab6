//! The search prompt (`/`): typing shows what the search would show, ↓/↑ step through the
//! hits, Enter keeps the search as a filter, Esc goes back to where the reader was.

use crate::filter;
use crate::model::EventIx;
use crate::tui::app::App;
use crate::tui::input::action::Action;
use crate::tui::layout::count::counted;
use crate::tui::layout::text::{first_fitting, width};
use crate::tui::overlays::{Overlay, prompt_input, quote_list};
use crate::tui::update::reload::Before;
use crate::tui::update::{refilter, scroll_to_selection};
use ratatui::text::Span;

/// The search prompt while it is open.
#[derive(Clone, Debug, Default)]
pub struct SearchPrompt {
    pub input: String,
    /// Events the search would show, in timeline order, among those visible now.
    pub hits: Vec<EventIx>,
    /// Over the quotes browser: its entries whose quotes hold the words (worked out
    /// when the words change, not at each frame).
    quote_hits: Option<Vec<usize>>,
    /// Where the reader was when the prompt opened, to go back on Esc.
    before_selected: Option<EventIx>,
    before_scroll: usize,
}

/// `/`: opens the prompt, remembering the place to come back to on Esc.
pub(crate) fn start(app: &mut App) {
    let prompt = SearchPrompt {
        input: String::new(),
        hits: Vec::new(),
        quote_hits: None,
        before_selected: app.selected,
        before_scroll: app.scroll,
    };
    app.overlays.push(Overlay::Search(prompt));
}

pub(crate) fn update(app: &mut App, action: Action) {
    let Some(Overlay::Search(s)) = app.overlays.last_mut() else {
        return;
    };
    match action {
        Action::Input(c) => {
            if !prompt_input::type_char(&mut s.input, c, &mut app.message) {
                return;
            }
            changed(app);
        }
        Action::DeleteChar => {
            s.input.pop();
            changed(app);
        }
        Action::NextMatch => step_hits(app, true),
        Action::PrevMatch => step_hits(app, false),
        Action::Open => {
            let input = s.input.trim().to_owned();
            app.overlays.pop();
            if !input.is_empty() {
                app.query.search = input;
                refilter(app);
                app.message = Some(format!(
                    "search kept as a filter: {} · n/N move · c clears",
                    counted(app.visible.len(), "event", "events")
                ));
            }
        }
        Action::Back => {
            let (sel, scroll) = (s.before_selected, s.before_scroll);
            app.overlays.pop();
            if sel.is_some_and(|e| app.is_visible(e)) {
                app.selected = sel;
            }
            app.scroll = scroll;
            scroll_to_selection(app);
        }
        _ => {}
    }
}

/// The prompt's text changed: find what it would show and go to the first match at or
/// after where the reader was.
pub(crate) fn changed(app: &mut App) {
    let Some(Overlay::Search(s)) = app.overlays.last() else {
        return;
    };
    let input = s.input.clone();
    let before = s.before_selected;
    let quote_hits = quote_list::prompt_matches(app, &input);
    if let Some(matching) = &quote_hits {
        quote_list::step_to_match(app, matching, None);
    }
    let hits = hits(app, &input);
    let target = before
        .and_then(|b| hits.get(hits.partition_point(|&h| h < b)))
        .or(hits.first())
        .copied()
        .or(before);
    if let Some(Overlay::Search(s)) = app.overlays.last_mut() {
        s.hits = hits;
        s.quote_hits = quote_hits;
    }
    if let Some(t) = target.filter(|&t| app.is_visible(t)) {
        app.selected = Some(t);
        scroll_to_selection(app);
    }
}

/// The prompt, drawn in the status line in `room` columns: what was typed, how many events
/// match, and the longest of its helps that fits beside them.
pub(crate) fn prompt_line(app: &App, s: &SearchPrompt, room: usize) -> Vec<Span<'static>> {
    let t = &app.theme;
    // How many match, shortened when what was typed leaves little room.
    let in_quotes = s
        .quote_hits
        .as_ref()
        .map(|m| (m.len(), quote_list::cursor_among(app, m)));
    let found = if s.input.trim().is_empty() {
        vec!["  type to search".to_owned()]
    } else if let Some((n, at)) = in_quotes {
        // Over the quotes browser the words select quotes: those are counted.
        match (n, at) {
            (0, _) => vec!["  no quote holds it".to_owned(), "  no match".to_owned()],
            (n, Some(i)) => vec![
                format!("  quote {} of {n}", i + 1),
                format!("  {}/{n}", i + 1),
            ],
            (n, None) => vec![
                format!(
                    "  {}",
                    crate::tui::layout::count::counted(n, "quote", "quotes")
                ),
                format!("  {n}"),
            ],
        }
    } else if s.hits.is_empty() {
        vec!["  no match".to_owned()]
    } else {
        let n = s.hits.len();
        // Which match the selection is on, as the arrows step through them.
        match app.selected.and_then(|sel| s.hits.binary_search(&sel).ok()) {
            Some(i) => vec![
                format!("  match {} of {n}", i + 1),
                format!("  {}/{n}", i + 1),
            ],
            None => vec![format!("  {n} matching"), format!("  {n}")],
        }
    };
    let mut line = prompt_input::echo(t, "/", &s.input, room).to_vec();
    let typed: usize = line.iter().map(|s| width(&s.content)).sum();
    let found = first_fitting(
        found.into_iter().chain([String::new()]).collect(),
        room.saturating_sub(typed),
    );
    line.push(Span::styled(found, t.label()));
    let helps = vec![
        "  ↓↑ or Ctrl-n/Ctrl-p next/previous match · Enter keeps it as a filter · Esc cancels"
            .to_owned(),
        "  ↓↑ next/previous match · Enter keeps it as a filter · Esc cancels".to_owned(),
        "  ↓↑ matches · Enter keeps · Esc cancels".to_owned(),
        "  Enter keeps · Esc cancels".to_owned(),
        "  Enter keeps".to_owned(),
        String::new(),
    ];
    prompt_input::with_help(t, line, helps, room)
}

/// The prompt open during a reload: its place to go back to found again by id, its hits
/// those of the new log.
pub(crate) fn reloaded(app: &App, before: &Before, mut s: SearchPrompt) -> SearchPrompt {
    s.before_selected = s.before_selected.and_then(|b| before.event_in(&app.log, b));
    s.hits = hits(app, &s.input);
    // The browser under the prompt was rebuilt just before it, on the new log.
    s.quote_hits = match app.overlays.last() {
        Some(Overlay::QuoteList(l)) => Some(quote_list::entries_holding(app, l, &s.input)),
        _ => None,
    };
    s
}

/// What a search for `input` would show, among the events visible now.
fn hits(app: &App, input: &str) -> Vec<EventIx> {
    if input.trim().is_empty() {
        return Vec::new();
    }
    let mut q = app.query.clone();
    q.search = input.to_owned();
    let found = filter::apply(&app.log, &app.index, &q);
    // With nothing filtered out, every event the search finds is visible.
    if app.visible.len() == app.log.events.len() {
        return found;
    }
    // Both ascending: one walk along `visible`, not a search of it per hit (a first letter
    // hits nearly every event).
    let mut visible = app.visible.iter().peekable();
    found
        .into_iter()
        .filter(|&e| {
            while visible.next_if(|&&v| v < e).is_some() {}
            visible.peek() == Some(&&e)
        })
        .collect()
}

/// n/N in the prompt: the next or previous hit, round the end; over the quotes browser,
/// the next or previous quote that holds the words.
fn step_hits(app: &mut App, forward: bool) {
    let Some(s) = app.search_prompt() else { return };
    if let Some(matching) = s.quote_hits.clone() {
        return quote_list::step_to_match(app, &matching, Some(forward));
    }
    if s.hits.is_empty() {
        return;
    }
    let hits = &s.hits;
    let cur = app.selected.unwrap_or(0);
    let next = if forward {
        let i = hits.partition_point(|&h| h <= cur);
        hits.get(i).or(hits.first())
    } else {
        let i = hits.partition_point(|&h| h < cur);
        i.checked_sub(1).map(|i| &hits[i]).or(hits.last())
    };
    app.selected = next.copied();
    scroll_to_selection(app);
}
