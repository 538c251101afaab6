//! `list --format html` (and the browser's `w` when asked for HTML): the filtered view as one
//! self-contained web page an editor can open from a file, offline, and print.
//!
//! The page is an askama template (templates/timeline.html), compiled into the program: a
//! mistake in it fails the build, not an export, and askama escapes every value put into
//! it, so log text can only ever be text. The view below hands the template sanitised
//! strings and plain data; nothing in it is HTML except the party colours' CSS, which is
//! built here from validated ids and numbers. A URL reaches an `href` only when it is
//! http(s). The page loads nothing and runs no script (its Content-Security-Policy forbids
//! both): the party filter is checkboxes and CSS `:has()`.

use crate::days::{Gaps, Period};
use crate::export::describe;
use crate::export::phrases::{
    original_label, original_words, source_line, verification_note, when_with_note, who, words,
    words_label,
};
use crate::export::web::{is_web_url, reflow as paragraphs};
use crate::filter::Query;
use crate::model::{Color, EventIx, Log, NamedColor, PartyIx, Quote, Status, Verification};
use crate::sanitize::sanitize;
use askama::Template;

#[derive(Template)]
#[template(path = "timeline.html")]
struct Page {
    title: String,
    description: Vec<String>,
    filters: Vec<String>,
    shown: usize,
    total: usize,
    parties: Vec<Chip>,
    /// Colours and filter rules per party; ids are `[a-z0-9_-]` and colours `#rrggbb`.
    party_css: String,
    days: Vec<Day>,
}

struct Chip {
    id: String,
    name: String,
}

struct Day {
    heading: String,
    /// Whole days without events before this one, when over a week.
    gap: Option<String>,
    /// Ids of the parties of its events, for the filter.
    parties: Vec<String>,
    events: Vec<EventView>,
}

struct EventView {
    id: String,
    classes: String,
    kind: &'static str,
    status: Option<&'static str>,
    marker: &'static str,
    time: Option<String>,
    title: String,
    when: String,
    location: Option<String>,
    chips: Vec<Chip>,
    actors: Vec<String>,
    summary: Vec<String>,
    quotes: Vec<QuoteView>,
    sources: Vec<SourceView>,
    related: Vec<RelatedView>,
}

pub(crate) struct QuoteView {
    /// Set for words that are not the speaker's own verbatim.
    label: Option<&'static str>,
    lines: Vec<String>,
    /// The language of the words shown, when the log says it: `lang` names the original's
    /// when there is one, else the words' own.
    lang: Option<String>,
    /// A translation's original wording (rev. 3).
    original: Option<OriginalView>,
    who: String,
    source: Option<SourceView>,
    /// The archive check's verdict on the quote, when there is one to say.
    verification: Option<String>,
}

pub(crate) struct OriginalView {
    label: String,
    lang: Option<String>,
    lines: Vec<String>,
}

pub(crate) struct SourceView {
    line: String,
    /// A URL that may be a link (http or https).
    url: Option<String>,
    /// Any other URL, shown as text and never linked.
    url_text: Option<String>,
}

struct RelatedView {
    how: &'static str,
    id: String,
    label: String,
}

fn source_view(log: &Log, s: usize) -> SourceView {
    let src = &log.sources[s];
    let (url, url_text) = match &src.url {
        Some(u) if is_web_url(u) => (Some(u.trim().to_owned()), None),
        Some(u) => (None, Some(sanitize(u).into_owned())),
        None => (None, None),
    };
    SourceView {
        line: source_line(src),
        url,
        url_text,
    }
}

fn quote_view(log: &Log, q: &Quote) -> QuoteView {
    QuoteView {
        label: words_label(q),
        lines: paragraphs(&words(q)),
        lang: q.lang.clone().filter(|_| original_words(q).is_none()),
        original: original_words(q).map(|o| OriginalView {
            label: original_label(q),
            lang: q.lang.clone(),
            lines: paragraphs(&o),
        }),
        who: who(log, q),
        source: q.source.map(|s| source_view(log, s)),
        verification: match &q.verification {
            Verification::Verified { .. } => {
                Some("verified: found word for word in the archived source".to_owned())
            }
            _ => verification_note(log, q),
        },
    }
}

/// The marker the browser shows for a status: an expected event must not look like one
/// that happened.
fn marker(s: Status) -> &'static str {
    match s {
        Status::Occurred => "",
        Status::Expected => "?",
        Status::Cancelled => "×",
        Status::Disputed => "!",
    }
}

fn chip(log: &Log, p: PartyIx) -> Chip {
    Chip {
        id: log.parties[p].id.clone(),
        name: sanitize(&log.parties[p].name).into_owned(),
    }
}

fn actor_line(log: &Log, a: usize) -> String {
    let actor = &log.actors[a];
    let mut details: Vec<&str> = actor.role.as_deref().into_iter().collect();
    if let Some(p) = actor.party {
        let name = log.parties[p].name.as_str();
        if name != actor.name {
            details.push(name);
        }
    }
    if details.is_empty() {
        sanitize(&actor.name).into_owned()
    } else {
        format!(
            "{} ({})",
            sanitize(&actor.name),
            sanitize(&details.join(", "))
        )
    }
}

/// `on_page[ix]`: whether event `ix` is on the page (a lookup per related id, not a scan).
fn event_view(log: &Log, ix: EventIx, on_page: &[bool]) -> EventView {
    let e = &log.events[ix];
    let mut classes = format!("status-{}", e.status.as_str());
    for &p in &e.parties {
        classes.push_str(" p-");
        classes.push_str(&log.parties[p].id);
    }
    // Links to related events only where they are on the page.
    let related = |list: &[EventIx], how: &'static str| -> Vec<RelatedView> {
        list.iter()
            .filter(|&&r| on_page.get(r).copied().unwrap_or(false))
            .map(|&r| {
                let other = &log.events[r];
                RelatedView {
                    how,
                    id: other.id.clone(),
                    label: format!("{}: {}", when_with_note(other), sanitize(&other.title)),
                }
            })
            .collect()
    };
    let mut rel = related(&e.related, "Answers or follows:");
    rel.extend(related(&e.related_by, "Answered by:"));
    EventView {
        id: e.id.clone(),
        classes,
        kind: e.kind.as_str(),
        status: (e.status != Status::Occurred).then(|| e.status.as_str()),
        marker: marker(e.status),
        // On the reading zone's clock, which the day's heading names, as in the browser;
        // the event's own clock is in its `when` line.
        time: e.date.reading_clock(),
        title: sanitize(&e.title).into_owned(),
        when: when_with_note(e),
        location: e.location.as_deref().map(|l| sanitize(l).into_owned()),
        chips: e.parties.iter().map(|&p| chip(log, p)).collect(),
        actors: e.actors.iter().map(|&a| actor_line(log, a)).collect(),
        summary: e.summary.as_deref().map(paragraphs).unwrap_or_default(),
        quotes: e.quotes.iter().map(|q| quote_view(log, q)).collect(),
        sources: e.sources.iter().map(|&s| source_view(log, s)).collect(),
        related: rel,
    }
}

/// The events under headers of the reading zone's calendar (a day, or the month or year
/// an event is known by), with the quiet stretches between them, as the browser shows them.
fn days(log: &Log, shown: &[EventIx]) -> Vec<Day> {
    let mut days: Vec<Day> = Vec::new();
    let mut last: Option<Period> = None;
    let mut gaps = Gaps::default();
    let mut on_page = vec![false; log.events.len()];
    for &ix in shown {
        on_page[ix] = true;
    }
    // The parties already named in the last day's heading, by index.
    let mut day_parties: std::collections::HashSet<PartyIx> = std::collections::HashSet::new();
    for &ix in shown {
        let e = &log.events[ix];
        let gap = gaps.before(e).map(|g| g.text());
        let period = Period::of(&e.date);
        if last != Some(period) || gap.is_some() {
            days.push(Day {
                heading: period.text(),
                gap,
                parties: Vec::new(),
                events: Vec::new(),
            });
            last = Some(period);
            day_parties.clear();
        }
        let day = days.last_mut().expect("a day was just pushed");
        for &p in &e.parties {
            if day_parties.insert(p) {
                day.parties.push(log.parties[p].id.clone());
            }
        }
        day.events.push(event_view(log, ix, &on_page));
    }
    // A day with a time under it names the clock the times are on.
    for day in &mut days {
        if day.events.iter().any(|e| e.time.is_some()) {
            day.heading
                .push_str(&format!(" · times in {}", log.timezone.name()));
        }
    }
    days
}

/// A party's colour on the page: the log's own, else one assigned in order.
fn web_color(c: Option<Color>, next: &mut usize) -> (u8, u8, u8) {
    const PALETTE: [(u8, u8, u8); 8] = [
        (0x25, 0x63, 0xeb),
        (0xdc, 0x26, 0x26),
        (0x16, 0xa3, 0x4a),
        (0xca, 0x8a, 0x04),
        (0xc0, 0x26, 0xd3),
        (0x08, 0x91, 0xb2),
        (0xea, 0x58, 0x0c),
        (0x4b, 0x55, 0x63),
    ];
    match c {
        Some(Color::Rgb(r, g, b)) => (r, g, b),
        Some(Color::Named(n)) => match n {
            NamedColor::Red => (0xdc, 0x26, 0x26),
            NamedColor::Green => (0x16, 0xa3, 0x4a),
            NamedColor::Yellow => (0xca, 0x8a, 0x04),
            NamedColor::Blue => (0x25, 0x63, 0xeb),
            NamedColor::Magenta => (0xc0, 0x26, 0xd3),
            NamedColor::Cyan => (0x08, 0x91, 0xb2),
            NamedColor::Gray => (0x6b, 0x72, 0x80),
            NamedColor::LightRed => (0xf8, 0x71, 0x71),
            NamedColor::LightGreen => (0x4a, 0xde, 0x80),
            NamedColor::LightYellow => (0xfd, 0xe0, 0x47),
            NamedColor::LightBlue => (0x60, 0xa5, 0xfa),
            NamedColor::LightMagenta => (0xe8, 0x79, 0xf9),
            NamedColor::LightCyan => (0x22, 0xd3, 0xee),
            NamedColor::LightGray => (0xd1, 0xd5, 0xdb),
        },
        None => {
            *next += 1;
            PALETTE[(*next - 1) % PALETTE.len()]
        }
    }
}

/// Only the characters ids may have, so a selector can never be broken out of.
fn css_ident(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_'))
        .collect()
}

/// Chip colours (dark text on light colours) and the filter: once any box is ticked, only
/// the events (and days) of the ticked parties are shown.
fn party_css(log: &Log) -> String {
    let mut css = String::from(
        "body:has(.pf:checked) article, body:has(.pf:checked) section.day, body:has(.pf:checked) .gap { display: none; }\n",
    );
    let mut next = 0;
    let colors: Vec<(u8, u8, u8)> = log
        .parties
        .iter()
        .map(|p| web_color(p.color, &mut next))
        .collect();
    // In reverse, so that where an event has several parties its first one's colour (the
    // rule written last) marks its border.
    for (p, &(r, g, b)) in log.parties.iter().zip(&colors).rev() {
        let id = css_ident(&p.id);
        // Relative luminance decides the text colour, for contrast.
        let luma = 0.2126 * f64::from(r) + 0.7152 * f64::from(g) + 0.0722 * f64::from(b);
        let ink = if luma > 150.0 { "#111111" } else { "#ffffff" };
        css.push_str(&format!(
            ".party-{id} {{ background: #{r:02x}{g:02x}{b:02x}; color: {ink}; }}\n\
             article.p-{id} {{ border-left-color: #{r:02x}{g:02x}{b:02x}; }}\n\
             body:has(#pf-{id}:checked) article.p-{id}, body:has(#pf-{id}:checked) section.day.p-{id} {{ display: block; }}\n"
        ));
    }
    css
}

/// The page for `shown` (in timeline order), naming the filters of `query`.
pub fn page(log: &Log, shown: &[EventIx], query: &Query) -> String {
    // Only the parties of the events on the page can filter them.
    let mut parties: Vec<PartyIx> = shown
        .iter()
        .flat_map(|&ix| log.events[ix].parties.iter().copied())
        .collect();
    parties.sort_unstable();
    parties.dedup();
    let page = Page {
        title: sanitize(&log.display_title()).into_owned(),
        description: log
            .description
            .as_deref()
            .map(paragraphs)
            .unwrap_or_default(),
        filters: describe::filters(log, query),
        shown: shown.len(),
        total: log.events.len(),
        parties: parties.into_iter().map(|p| chip(log, p)).collect(),
        party_css: party_css(log),
        days: days(log, shown),
    };
    let mut out = page
        .render()
        .expect("the page template has no fallible filter");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;
    use crate::export::phrases::PARAPHRASE_LABEL;

    #[test]
    fn text_from_the_log_is_escaped_and_only_web_urls_link() {
        let mut log = fixture::log();
        log.events[2].title = "<script>alert(1)</script>".into();
        log.sources[1].url = Some("javascript:alert(2)".into());
        let page = page(&log, &[0, 1, 2, 3], &Query::default());
        assert!(!page.contains("<script>alert"), "{page}");
        assert!(
            page.contains("&#60;script&#62;alert(1)&#60;/script&#62;")
                || page.contains("&lt;script&gt;")
        );
        assert!(!page.contains("href=\"javascript"));
        assert!(page.contains("(javascript:alert(2))"));
        assert!(page.contains("href=\"https://example.org/reuters\""));
        assert!(!page.contains("<script"), "no script at all");
    }

    #[test]
    fn headers_keep_precision_and_statuses_show() {
        let log = fixture::log();
        let page = page(&log, &[0, 1, 2, 3], &Query::default());
        assert!(page.contains("<h2>April 2024</h2>"));
        assert!(
            page.contains("<h2>Fri 5 April 2024 · times in UTC</h2>"),
            "{page}"
        );
        assert!(page.contains("? expected"));
        assert!(page.contains(PARAPHRASE_LABEL));
        assert!(page.contains("class=\"status-expected p-us p-israel\""));
    }

    #[test]
    fn times_are_on_the_reading_zones_clock_which_the_day_names() {
        let yaml = "timezone: Asia/Riyadh\nevents:\n  - date: 2023-03-10T02:00+08:00[Asia/Shanghai]\n    kind: meeting\n    title: Late talks\n  - date: 2023-03-12\n    kind: statement\n    title: A day alone\n";
        let log = crate::load::load_str("t.yaml", yaml).unwrap().log;
        let page = page(&log, &[0, 1], &Query::default());
        // 02:00 in Beijing on the 10th is 21:00 in Riyadh on the 9th.
        assert!(
            page.contains("<h2>Thu 9 March 2023 · times in Asia/Riyadh</h2>"),
            "{page}"
        );
        assert!(page.contains("<span class=\"time\">21:00</span>"), "{page}");
        assert!(
            page.contains("02:00 +08:00 (Asia/Shanghai)"),
            "the own clock stays: {page}"
        );
        assert!(page.contains("<h2>Sun 12 March 2023</h2>"), "{page}");
    }

    #[test]
    fn the_filters_used_are_named() {
        let log = fixture::log();
        let q = Query {
            parties: [2].into(),
            ..Query::default()
        };
        let page = page(&log, &[1, 2], &q);
        assert!(
            page.contains("2 of 4 events · filters: party: Hamas"),
            "{page}"
        );
    }
}
