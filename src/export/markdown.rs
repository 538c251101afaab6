//! Markdown to paste into a draft: the filtered view in full, one document for both
//! `list --format markdown` and the browser's `w`, and the cited quotes of `quotes`.
//!
//! Log text is sanitised, then escaped so that a `*` or `[` in a title stays a character
//! and never turns into emphasis or a link.

use crate::export::describe;
use crate::export::phrases::{
    SAID_BY, note_suffix, original_label, original_words, quote_status_line, source_line,
    status_word, verification_note, when_both_clocks, when_with_note, who, words, words_label,
};
use crate::filter::{Query, QuoteAt};
use crate::model::{Event, EventIx, Log, Quote};
use crate::sanitize::{sanitize, sanitize_multiline};

/// Escapes the characters that Markdown (CommonMark, and GitHub's tables and strikethrough)
/// would read as markup: emphasis, code, links, HTML, entities (`&#x202E;` would render a
/// right-to-left override), `~~` strikethrough and `~~~` fences, table bars, and `#`, which
/// would close a heading. Every one stays a character when rendered.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '~' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes text that starts a line: inline markup, and what would open a heading, a list,
/// a quote, a rule or a setext heading at the start of the line. Leading blanks go: four of
/// them would open a code block, and rendering drops them anyway.
fn escape_line(line: &str) -> String {
    let escaped = escape(line.trim_start());
    let digits = escaped.bytes().take_while(u8::is_ascii_digit).count();
    if escaped.starts_with(['-', '+', '=']) {
        format!("\\{escaped}")
    } else if digits > 0 && escaped[digits..].starts_with(['.', ')']) {
        format!("{}\\{}", &escaped[..digits], &escaped[digits..])
    } else {
        escaped
    }
}

fn is_web(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

/// A URL as a Markdown link: only http(s), the URL kept as written inside a `<…>` link
/// destination (parentheses and spaces need no encoding there). Anything else is shown as
/// text, not linked.
fn link(label: &str, url: &str) -> String {
    if !is_web(url) {
        return format!("{label} ({})", escape(&sanitize(url)));
    }
    format!("[{label}]({})", destination(url))
}

/// A bare URL as an autolink, `<https://…>`, when it can be one as written (no space or
/// angle bracket); else a link whose text is the URL. Other schemes as text.
pub(crate) fn autolink(url: &str) -> String {
    if !is_web(url) {
        escape(&sanitize(url))
    } else if url
        .chars()
        .any(|c| c.is_whitespace() || matches!(c, '<' | '>') || unsafe_in_link(c))
    {
        link(&escape(&sanitize(url)), url)
    } else {
        format!("<{url}>")
    }
}

fn unsafe_in_link(c: char) -> bool {
    c.is_control() || crate::sanitize::is_unsafe_char(c)
}

/// The URL as written, as a link destination: bare when nothing in it could end one, else
/// in `<…>` where only `<`, `>` and `\` are backslash-escaped; characters that could act on
/// a terminal are percent-encoded.
fn destination(url: &str) -> String {
    let plain = |c: char| !c.is_whitespace() && !"()<>\\".contains(c) && !unsafe_in_link(c);
    if url.chars().all(plain) {
        return url.to_owned();
    }
    let mut target = String::with_capacity(url.len() + 2);
    target.push('<');
    for c in url.chars() {
        match c {
            '<' | '>' | '\\' => {
                target.push('\\');
                target.push(c);
            }
            c if unsafe_in_link(c) => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    target.push_str(&format!("%{b:02X}"));
                }
            }
            c => target.push(c),
        }
    }
    target.push('>');
    target
}

/// The event's sources as links: `[Reuters](https://…), Wire`.
fn source_links(log: &Log, e: &Event) -> String {
    let links: Vec<String> = e
        .sources
        .iter()
        .map(|&s| {
            let src = &log.sources[s];
            let label = escape(&sanitize(&src.outlet));
            match &src.url {
                Some(url) => link(&label, url),
                None => label,
            }
        })
        .collect();
    links.join(", ")
}

/// `kind, expected; United States, Israel`
fn event_tags(log: &Log, e: &Event) -> String {
    let mut tags = e.kind.as_str().to_owned();
    if let Some(s) = status_word(e.status) {
        tags.push_str(&format!(", **{s}**"));
    }
    let parties: Vec<String> = e
        .parties
        .iter()
        .map(|&p| escape(&sanitize(&log.parties[p].name)))
        .collect();
    if !parties.is_empty() {
        tags.push_str("; ");
        tags.push_str(&parties.join(", "));
    }
    tags
}

/// The events as the one Markdown document of `list --format markdown` and the browser's
/// `w` (`view`), with no filter to describe.
pub fn events(log: &Log, events: &[EventIx]) -> String {
    view(log, events, &Query::default())
}

/// The citation under a quote: who, where, when, the link; then, for an event that did
/// not simply happen, its status, so the words never pass for an established fact.
fn quote_credit(log: &Log, e: &Event, q: &Quote) -> String {
    let mut credit = format!("{SAID_BY}{}", escape(&who(log, q)));
    match q.source {
        Some(s) => {
            let src = &log.sources[s];
            credit.push_str(&format!(". {}", escape(&source_line(src))));
            if let Some(url) = &src.url {
                credit.push_str(&format!(". {}", autolink(url)));
            }
        }
        None => credit.push_str(". Source not given in the log"),
    }
    credit.push('.');
    if let Some(status) = quote_status_line(e) {
        credit.push_str(&format!(" **{status}.**"));
    }
    credit
}

/// One quote with its citation, as paragraphs. Verbatim words go in a blockquote with
/// quotation marks; reported speech is a labelled paragraph, never a blockquote; a
/// translation is labelled above its blockquote.
fn quote_block(log: &Log, e: &Event, q: &Quote) -> String {
    let words = words(q);
    let mut out = String::new();
    let note = verification_note(log, q);
    // A quote not found in its archive is flagged in bold before its words, so it cannot
    // be read, or go to print, before the flag is seen.
    if let Some(note) = note.as_ref().filter(|_| q.verification.is_flagged()) {
        out.push_str(&format!("**{}**\n\n", escape(note)));
    }
    if q.paraphrase {
        let label = words_label(q).unwrap_or_default();
        let mut lines = words.lines();
        out.push_str(&format!(
            "*{label}:* {}\n",
            escape(lines.next().unwrap_or(""))
        ));
        for line in lines {
            out.push_str(&escape_line(line));
            out.push('\n');
        }
    } else {
        if let Some(label) = words_label(q) {
            out.push_str(&format!("*{label}:*\n\n"));
        }
        for line in words.lines() {
            if line.trim().is_empty() {
                out.push_str(">\n");
            } else {
                out.push_str(&format!("> {}\n", escape_line(line)));
            }
        }
    }
    if let Some(original) = original_words(q) {
        out.push_str(&format!("\n*{}:*\n\n", escape(&original_label(q))));
        for line in original.lines() {
            if line.trim().is_empty() {
                out.push_str(">\n");
            } else {
                out.push_str(&format!("> {}\n", escape_line(line)));
            }
        }
    }
    out.push('\n');
    out.push_str(&quote_credit(log, e, q));
    out.push('\n');
    if let Some(note) = note.filter(|_| !q.verification.is_flagged()) {
        out.push_str(&format!("\n*{}*\n", escape(&note)));
    }
    out
}

/// The heading of an event: `Fri 3 May 2024: Title`.
fn event_heading(e: &Event, level: &str) -> String {
    format!(
        "{level} {}: {}\n",
        escape(&when_with_note(e)),
        escape(&sanitize(&e.title))
    )
}

/// `quotes` (markdown): the given quotes under a heading for each of their events, each
/// with its citation.
pub fn quotes(log: &Log, quotes: &[QuoteAt]) -> String {
    let mut blocks: Vec<String> = Vec::new();
    let mut current = None;
    for at in quotes {
        let e = &log.events[at.event];
        if current != Some(at.event) {
            current = Some(at.event);
            blocks.push(event_heading(e, "##"));
        }
        let block = blocks.last_mut().expect("a heading was pushed");
        block.push('\n');
        block.push_str(&quote_block(log, e, &e.quotes[at.quote]));
    }
    blocks.join("\n")
}

/// One event in full, for the `e` export.
fn event_section(log: &Log, e: &Event) -> String {
    // The reading zone's time beside another clock, as in `list`'s text.
    let mut out = format!(
        "## {}{}: {}\n",
        escape(&when_both_clocks(e)),
        escape(&note_suffix(e)),
        escape(&sanitize(&e.title))
    );
    out.push('\n');
    let mut facts = vec![format!("*{}*", event_tags(log, e))];
    if let Some(loc) = &e.location {
        facts.push(format!("in {}", escape(&sanitize(loc))));
    }
    out.push_str(&facts.join(", "));
    out.push('\n');
    if !e.actors.is_empty() {
        let actors: Vec<String> = e
            .actors
            .iter()
            .map(|&a| {
                let actor = &log.actors[a];
                let details: Vec<&str> = actor
                    .role
                    .as_deref()
                    .into_iter()
                    .chain(actor.party.map(|p| log.parties[p].name.as_str()))
                    .collect();
                let name = escape(&sanitize(&actor.name));
                if details.is_empty() {
                    name
                } else {
                    format!("{name} ({})", escape(&sanitize(&details.join(", "))))
                }
            })
            .collect();
        out.push_str(&format!("\nWith: {}.\n", actors.join("; ")));
    }
    if !e.topics.is_empty() {
        let topics: Vec<String> = e.topics.iter().map(|t| escape(&sanitize(t))).collect();
        out.push_str(&format!("\nTopics: {}.\n", topics.join(", ")));
    }
    if let Some(summary) = &e.summary {
        out.push('\n');
        for line in sanitize_multiline(summary.trim_end()).lines() {
            out.push_str(&escape_line(line));
            out.push('\n');
        }
    }
    for q in &e.quotes {
        out.push('\n');
        out.push_str(&quote_block(log, e, q));
    }
    let sources = source_links(log, e);
    if !sources.is_empty() {
        out.push_str(&format!("\nSources: {sources}.\n"));
    }
    out
}

/// The browser's filtered view as a Markdown document (`e`): the log's title, what the
/// filters are and how many events they show, then each event in full. Deterministic:
/// no clock, no machine name.
pub fn view(log: &Log, events: &[EventIx], query: &Query) -> String {
    let mut out = format!("# {}\n\n", escape(&sanitize(&log.display_title())));
    let filters = describe::filters(log, query);
    out.push_str(&format!(
        "Showing {} of {} events",
        events.len(),
        log.events.len()
    ));
    if filters.is_empty() {
        out.push_str(", unfiltered.\n");
    } else {
        out.push_str(&format!(". Filters: {}.\n", escape(&filters.join("; "))));
    }
    // Days and date filters are the reading zone's; each time below names its own clock.
    out.push_str(&format!(
        "Days are counted in {}, the log's reading zone.\n",
        escape(log.timezone.name())
    ));
    for &ix in events {
        out.push('\n');
        out.push_str(&event_section(log, &log.events[ix]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;

    #[test]
    fn a_time_on_another_clock_also_gets_the_reading_zones() {
        let yaml = "timezone: Asia/Riyadh\nevents:\n  - date: 2023-03-10T02:00+08:00[Asia/Shanghai]\n    kind: meeting\n    title: Late talks\n";
        let log = crate::load::load_str("t.yaml", yaml).unwrap().log;
        let md = events(&log, &[0]);
        assert!(
            md.contains(
                "Fri 10 March 2023 02:00 +08:00 (Asia/Shanghai) = Thu 9 March 21:00 Asia/Riyadh"
            ),
            "{md}"
        );
    }

    #[test]
    fn markup_in_log_text_stays_text() {
        assert_eq!(escape("a *b* [c](d)"), "a \\*b\\* \\[c\\](d)");
        assert_eq!(escape_line("# not a heading"), "\\# not a heading");
        assert_eq!(escape_line("  - not a list"), "\\- not a list");
        assert_eq!(escape_line("    not code"), "not code");
        assert_eq!(escape_line("~~~ not a fence"), "\\~\\~\\~ not a fence");
        assert_eq!(escape_line("&#x202E; ~~x~~"), "\\&\\#x202E; \\~\\~x\\~\\~");
        assert_eq!(escape_line("1. not a list"), "1\\. not a list");
    }

    #[test]
    fn events_are_the_view_with_a_heading_per_event() {
        let log = fixture::log();
        let out = events(&log, &[0, 2, 3]);
        assert_eq!(out, view(&log, &[0, 2, 3], &Query::default()));
        let headings: Vec<&str> = out.lines().filter(|l| l.starts_with("## ")).collect();
        assert_eq!(
            headings,
            [
                "## April 2024, late last month: Egypt renews its push",
                "## Fri 3 May 2024: Burns \\*arrives\\* in Cairo",
                "## Sat 4 May 2024 – Sun 5 May 2024: Meeting in Cairo\\\\u{202e}gpj",
            ]
        );
    }

    #[test]
    fn quotes_are_cited_and_paraphrase_has_no_quotation_marks() {
        let log = fixture::log();
        let out = quotes(
            &log,
            &crate::filter::quotes_of(&log, &[0, 2], &Query::default()),
        );
        assert!(out.starts_with("## Fri 3 May 2024: Burns"), "{out}");
        assert!(out.contains("> “There is \"some progress\", but a way to go.”\n"));
        assert!(out.contains("— a US official (United States). Reuters, “Hamas delegation heads to Cairo”, by Ahmed Mohamed Hassan and Nidal al-Mughrabi, Fri 3 May 2024. <https://example.org/reuters>.\n"), "{out}");
        assert!(out.contains(
            "*Paraphrase (reported speech, not verbatim):* Hamas said it would study the proposal\n"
        ));
        assert!(!out.contains("“Hamas said"));
        assert!(out.contains("— a senior official. Source not given in the log.\n"));
    }

    #[test]
    fn quotes_say_their_events_status_and_label_translations() {
        let mut log = fixture::log();
        log.events[2].status = crate::model::Status::Disputed;
        log.events[2].quotes[0].translated = true;
        log.events[2].quotes[1].translated = true;
        let out = quotes(
            &log,
            &crate::filter::quotes_of(&log, &[1, 2], &Query::default()),
        );
        assert_eq!(
            out.matches("**Event status: disputed report.**").count(),
            3,
            "{out}"
        );
        assert!(
            out.contains(
                "*Translation by the log's author, not the speaker's own words:*\n\n> “There is"
            ),
            "{out}"
        );
        assert!(out.contains(
            "*Paraphrase (reported speech, not verbatim), translated by the log's author:* Hamas said"
        ), "{out}");
        // The speech of event 1 occurred and is the speaker's own: no flag.
        let first = out.split("## ").nth(1).unwrap();
        assert!(
            !first.contains("Event status") && !first.contains("Translation"),
            "{first}"
        );
        // The browser's `w`/`e` export carries the same flags.
        let view = view(&log, &[2], &Query::default());
        assert!(view.contains("**Event status: disputed report.**"));
        assert!(view.contains("Translation by the log's author"));
    }

    #[test]
    fn hostile_urls_cannot_break_out_of_the_link() {
        assert_eq!(
            link("x", "https://e.org/a) [y](z"),
            "[x](<https://e.org/a) [y](z>)"
        );
        assert_eq!(
            link("x", "https://e.org/a>b\\c\n"),
            "[x](<https://e.org/a\\>b\\\\c%0A>)"
        );
        assert_eq!(link("x", "javascript:alert(1)"), "x (javascript:alert(1))");
    }

    #[test]
    fn view_says_what_is_shown_and_escapes_summaries() {
        let log = fixture::log();
        let mut q = Query::default();
        q.parties.insert(2);
        let out = view(&log, &[1, 2], &q);
        assert!(
            out.starts_with("# Fixture talks\n\nShowing 2 of 4 events. Filters: party: Hamas.\n")
        );
        assert!(out.contains("Second line with ␛\\[31mescape\n"), "{out}");
        assert!(out.contains("\nSources: Wire.\n"));
        assert!(!out.contains('\u{1b}'));
    }
}
