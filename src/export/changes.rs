//! `dateline diff`'s output: what changed between two versions of a log, as text (coloured
//! like `list` when the caller says so), Markdown for an editor's note, or JSON for scripts.
//! Every log string is sanitised in text and Markdown; JSON keeps the text as written.

use crate::color_policy::ColorMode;
use crate::diff::{Change, Diff, EventDiff, ItemDiff, What};
use crate::export::markdown::escape;
use crate::export::phrases::when;
use crate::model::{Event, Log};
use crate::sanitize::sanitize;
use anstyle::{AnsiColor, Style};
use serde_json::{Value, json};

/// The event a line is about: the newer version, the older for a removed one.
fn shown<'a>(old: &'a Log, new: &'a Log, d: &EventDiff) -> &'a Event {
    match (d.new, d.old) {
        (Some(n), _) => &new.events[n],
        (None, Some(o)) => &old.events[o],
        (None, None) => unreachable!("an event diff names at least one side"),
    }
}

fn mark(w: What) -> &'static str {
    match w {
        What::Added => "+",
        What::Removed => "-",
        What::Changed => "~",
    }
}

fn style(w: What) -> Style {
    let c = match w {
        What::Added => AnsiColor::Green,
        What::Removed => AnsiColor::Red,
        What::Changed => AnsiColor::Yellow,
    };
    Style::new().fg_color(Some(c.into()))
}

fn paint(mode: ColorMode, style: Style, text: &str) -> String {
    let style = mode.style(style);
    if mode == ColorMode::None || style == Style::new() {
        text.to_string()
    } else {
        format!("{style}{text}{style:#}")
    }
}

/// Why an event without a written `id` may show as removed and added when only its date or
/// title was edited.
fn derived_note(d: &EventDiff) -> &'static str {
    if d.id_derived && d.what != What::Changed {
        " (no `id`: matched by date and title)"
    } else {
        ""
    }
}

/// `2 events added, 1 changed; 1 source added`, or `no changes`.
pub fn summary(diff: &Diff) -> String {
    let part = |what: &str, items: &mut dyn Iterator<Item = What>| {
        let (mut a, mut r, mut c) = (0, 0, 0);
        for w in items {
            match w {
                What::Added => a += 1,
                What::Removed => r += 1,
                What::Changed => c += 1,
            }
        }
        let n = a + r + c;
        if n == 0 {
            return None;
        }
        let noun = if n == 1 {
            what.to_string()
        } else if what == "party" {
            "parties".to_string()
        } else {
            format!("{what}s")
        };
        let counts: Vec<String> = [(a, "added"), (r, "removed"), (c, "changed")]
            .into_iter()
            .filter(|(k, _)| *k > 0)
            .map(|(k, verb)| format!("{k} {verb}"))
            .collect();
        Some(format!("{noun}: {}", counts.join(", ")))
    };
    let parts: Vec<String> = [
        part("event", &mut diff.events.iter().map(|d| d.what)),
        part("party", &mut diff.parties.iter().map(|d| d.what)),
        part("actor", &mut diff.actors.iter().map(|d| d.what)),
        part("source", &mut diff.sources.iter().map(|d| d.what)),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        "no changes".into()
    } else {
        parts.join("; ")
    }
}

/// Text: one line per event or item, `+` added, `-` removed, `~` changed, the changes
/// indented under it; a summary last.
pub fn text(old: &Log, new: &Log, diff: &Diff, mode: ColorMode) -> String {
    let mut out = String::new();
    for d in &diff.events {
        let e = shown(old, new, d);
        let head = format!("{} {:<7}", mark(d.what), d.what.as_str());
        out.push_str(&format!(
            "{}  {}  {}  [{}]{}\n",
            paint(mode, style(d.what), &head),
            when(e),
            sanitize(&e.title),
            sanitize(&d.id),
            derived_note(d)
        ));
        for c in &d.changes {
            out.push_str(&format!("    {}\n", sanitize(&c.describe())));
        }
    }
    for (title, items) in [
        ("Parties", &diff.parties),
        ("Actors", &diff.actors),
        ("Sources", &diff.sources),
    ] {
        if items.is_empty() {
            continue;
        }
        out.push_str(&format!("{title}\n"));
        for d in items {
            let head = format!("{} {:<7}", mark(d.what), d.what.as_str());
            out.push_str(&format!(
                "{}  {}  [{}]\n",
                paint(mode, style(d.what), &head),
                sanitize(&d.name),
                sanitize(&d.id)
            ));
            for c in &d.changes {
                out.push_str(&format!("    {}\n", sanitize(&c.describe())));
            }
        }
    }
    out.push_str(&summary(diff));
    out.push('\n');
    out
}

/// Markdown, for an editor's note: a list per section, the changes nested.
pub fn markdown(old: &Log, new: &Log, diff: &Diff) -> String {
    let mut out = String::from("## Changes to the log\n\n");
    out.push_str(&format!("{}.\n", escape(&summary(diff))));
    let what = |w: What| match w {
        What::Added => "Added",
        What::Removed => "Removed",
        What::Changed => "Changed",
    };
    let changes = |out: &mut String, cs: &[Change]| {
        for c in cs {
            out.push_str(&format!("  - {}\n", escape(&sanitize(&c.describe()))));
        }
    };
    if !diff.events.is_empty() {
        out.push_str("\n### Events\n\n");
        for d in &diff.events {
            let e = shown(old, new, d);
            out.push_str(&format!(
                "- **{}**: {}: {} (`{}`){}\n",
                what(d.what),
                escape(&when(e)),
                escape(&sanitize(&e.title)),
                sanitize(&d.id),
                derived_note(d)
            ));
            changes(&mut out, &d.changes);
        }
    }
    for (title, items) in [
        ("Parties", &diff.parties),
        ("Actors", &diff.actors),
        ("Sources", &diff.sources),
    ] {
        if items.is_empty() {
            continue;
        }
        out.push_str(&format!("\n### {title}\n\n"));
        for d in items {
            out.push_str(&format!(
                "- **{}**: {} (`{}`)\n",
                what(d.what),
                escape(&sanitize(&d.name)),
                sanitize(&d.id)
            ));
            changes(&mut out, &d.changes);
        }
    }
    out
}

fn change_json(c: &Change) -> Value {
    match c {
        Change::Value { field, old, new } => json!({"field": field, "old": old, "new": new}),
        Change::List {
            field,
            added,
            removed,
        } => json!({"field": field, "added": added, "removed": removed}),
        Change::Edited { field } => json!({"field": field, "edited": true}),
        Change::Quote {
            what,
            text,
            changes,
        } => json!({
            "field": "quote",
            "change": match what { What::Changed => "altered", w => w.as_str() },
            "text": text,
            "changes": changes.iter().map(change_json).collect::<Vec<_>>(),
        }),
    }
}

fn item_json(d: &ItemDiff) -> Value {
    json!({
        "change": d.what.as_str(),
        "id": d.id,
        "name": d.name,
        "changes": d.changes.iter().map(change_json).collect::<Vec<_>>(),
    })
}

/// JSON: `{events, parties, actors, sources}`, each a list of `{change, id, ...,
/// changes}`; a change is `{field, old, new}`, `{field, added, removed}` for a list, or
/// `{field: "quote", change, text, changes}`.
pub fn json(old: &Log, new: &Log, diff: &Diff) -> String {
    let events: Vec<Value> = diff
        .events
        .iter()
        .map(|d| {
            let e = shown(old, new, d);
            json!({
                "change": d.what.as_str(),
                "id": d.id,
                "id_derived": d.id_derived,
                "date": e.date.written(),
                "title": e.title,
                "changes": d.changes.iter().map(change_json).collect::<Vec<_>>(),
            })
        })
        .collect();
    let items = |v: &[ItemDiff]| v.iter().map(item_json).collect::<Vec<_>>();
    let value = json!({
        "events": events,
        "parties": items(&diff.parties),
        "actors": items(&diff.actors),
        "sources": items(&diff.sources),
    });
    let mut out = serde_json::to_string_pretty(&value).expect("JSON values serialise");
    out.push('\n');
    out
}
