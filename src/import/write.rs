//! A `Timeline` written as a format-1 log: YAML that `dateline check` accepts, with a note
//! at the top for the journalist on what is left to do.
//!
//! Strings are written double-quoted with every character YAML could misread escaped, so a
//! headline can never become a key, a list or a comment; a summary that spans lines is a
//! literal block when it safely can be.

use super::Timeline;
use super::one_line;
use crate::load::ids::{Suffixes, derive, is_valid_id, slug};
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

/// A double-quoted YAML scalar: `\`, `"` and every character that is not printable in YAML
/// (controls, C1, line and paragraph separators, BOM, noncharacters) escaped.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_quoted(&mut out, s);
    out
}

/// Appends `s` to `out` as `quoted` writes it, so that it reads back byte for byte. Public
/// for the synthetic log generator of the benches, examples and tests, which writes large
/// logs into one buffer.
pub fn push_quoted(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if unprintable(c) && (c as u32) <= 0xff => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if unprintable(c) => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Whether a character must be escaped in YAML (it has no printable form there).
fn unprintable(c: char) -> bool {
    (c as u32) < 0x20
        || ('\u{7f}'..='\u{9f}').contains(&c)
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
        )
}

/// Text that spans lines, as a literal block indented by `indent` when every line is safe
/// there (printable, no trailing spaces, not opening with a space); else double-quoted.
fn text_value(s: &str, indent: &str) -> String {
    let safe = s.contains('\n')
        && !s.starts_with([' ', '\n'])
        && !s.ends_with('\n')
        && s.lines().all(|l| l == l.trim_end())
        && !s.chars().any(|c| c != '\n' && unprintable(c));
    if !safe {
        return quoted(s);
    }
    let mut out = String::from("|-");
    for line in s.lines() {
        out.push('\n');
        if !line.is_empty() {
            out.push_str(indent);
            out.push_str(line);
        }
    }
    out
}

/// A comment line, safe whatever the text holds.
fn comment(s: &str) -> String {
    format!("# {}\n", crate::sanitize::sanitize(s))
}

/// The log, as YAML. `file` names the imported file in the note at the top; `what` says
/// what it was (`TimelineJS JSON`, `the TimelineJS sheet as CSV`).
pub(crate) fn to_yaml(t: &Timeline, file: &str, what: &str) -> String {
    let mut out = String::new();
    let assumed = t.events.iter().filter(|e| e.clock_assumed).count();
    let event_parties = crate::load::event_keys().contains(&"parties");
    out.push_str(&comment(&format!(
        "Imported by `dateline import` from {file} ({what})."
    )));
    // A file dateline wrote gives back each event's kind: no need to ask for them.
    if t.events.iter().all(|e| e.kind.is_some()) && !t.events.is_empty() {
        out.push_str(
            "# TimelineJS has no actors, quotes or sources: they are left for you to add, each quote\n\
             # verbatim with its speaker and its source. What format 1 has no place for (media,\n\
             # credits, captions, backgrounds, eras) is kept under `x-timelinejs-` keys, which\n\
             # dateline ignores.\n",
        );
    } else {
        out.push_str(
            "# TimelineJS has no actors, quotes or sources: they are left for you to add, each quote\n\
             # verbatim with its speaker and its source. Every event is of kind `development`: set\n\
             # the right kind. What format 1 has no place for (media, credits, captions,\n\
             # backgrounds, eras) is kept under `x-timelinejs-` keys, which dateline ignores.\n",
        );
    }
    if !event_parties {
        out.push_str(
            "# Each slide's group is a party below; the event names it under `x-timelinejs-group`.\n",
        );
    }
    if assumed > 0 {
        out.push_str(&comment(&format!(
            "{assumed} event{} had a time with no clock named: read as UTC and marked below; check {}.",
            if assumed == 1 { "" } else { "s" },
            if assumed == 1 { "it" } else { "each" },
        )));
    }
    out.push_str("dateline: 1\n");
    if let Some(title) = &t.title {
        let _ = writeln!(out, "title: {}", quoted(&one_line(title)));
    }
    if let Some(d) = &t.description {
        let _ = writeln!(out, "description: {}", text_value(d, "  "));
    }
    if let Some(zone) = t.timezone {
        let _ = writeln!(out, "timezone: {}", zone.name());
    }
    // A key may appear once in a mapping (`url` and `URL` slug alike; two title rows).
    let mut title_keys = HashSet::new();
    let mut title_suffixes = Suffixes::default();
    for (k, v) in &t.title_extra {
        let key = k.replacen("x-timelinejs-", "x-timelinejs-title-", 1);
        let key = title_suffixes.free(&key, |k| title_keys.contains(k));
        title_keys.insert(key.clone());
        let _ = writeln!(out, "{key}: {}", quoted(v));
    }
    if !t.eras.is_empty() {
        out.push_str("x-timelinejs-eras:\n");
        for era in &t.eras {
            for (i, (k, v)) in era.iter().enumerate() {
                let lead = if i == 0 { "  - " } else { "    " };
                let _ = writeln!(out, "{lead}{k}: {}", quoted(v));
            }
            if era.is_empty() {
                out.push_str("  - {}\n");
            }
        }
    }

    // The parties of a file dateline wrote, then groups as parties, in the order they first
    // appear (a group named as one of those is that party). Looked up by name and id in
    // maps: thousands of groups that slug alike must not cost a scan each.
    let mut party_ids: Vec<(String, String)> = t.parties.clone();
    let mut party_of: HashMap<&str, usize> = HashMap::new();
    let mut party_taken: HashSet<String> = HashSet::new();
    for (i, (id, name)) in t.parties.iter().enumerate() {
        party_of.entry(name.as_str()).or_insert(i);
        party_taken.insert(id.clone());
    }
    let mut party_suffixes = Suffixes::default();
    for g in t
        .events
        .iter()
        .filter(|e| e.parties.is_none())
        .filter_map(|e| e.group.as_deref())
    {
        if party_of.contains_key(g) {
            continue;
        }
        let base = match slug(g) {
            s if s.is_empty() => format!("party-{}", party_ids.len() + 1),
            s => s,
        };
        let id = party_suffixes.free(&base, |id| party_taken.contains(id));
        party_taken.insert(id.clone());
        party_of.insert(g, party_ids.len());
        party_ids.push((id, g.to_owned()));
    }
    if !party_ids.is_empty() {
        out.push_str("parties:\n");
        for (id, name) in &party_ids {
            let _ = writeln!(out, "  - id: {id}\n    name: {}", quoted(&one_line(name)));
        }
    }

    // Ids: the slide's own when it is a valid id, else derived from date and title.
    let mut used: HashSet<String> = t
        .events
        .iter()
        .filter_map(|e| e.unique_id.as_deref())
        .filter(|id| is_valid_id(id))
        .map(str::to_owned)
        .collect();
    let mut kept_ids: HashSet<&str> = HashSet::new();
    let mut id_suffixes = Suffixes::default();
    out.push_str("events:\n");
    for e in &t.events {
        let own = e
            .unique_id
            .as_deref()
            .filter(|id| is_valid_id(id) && kept_ids.insert(id));
        let id = match own {
            Some(id) => id.to_owned(),
            None => {
                let id = id_suffixes.free(&derive(&e.date, &e.title), |id| used.contains(id));
                used.insert(id.clone());
                id
            }
        };
        let _ = writeln!(out, "  - id: {id}");
        for c in &e.comments {
            out.push_str("    ");
            out.push_str(&comment(c));
        }
        if e.clock_assumed {
            out.push_str("    # TimelineJS named no clock for this time: read as UTC; check it.\n");
        }
        let _ = writeln!(out, "    date: {}", e.date.written());
        if let Some(end) = &e.end {
            let _ = writeln!(out, "    end: {}", end.written());
        }
        if let Some(note) = &e.date_note {
            let _ = writeln!(out, "    date_note: {}", quoted(&one_line(note)));
        }
        let kind = e.kind.unwrap_or(crate::model::Kind::Development);
        let _ = writeln!(out, "    kind: {}", kind.as_str());
        if e.status != crate::model::Status::Occurred {
            let _ = writeln!(out, "    status: {}", e.status.as_str());
        }
        let _ = writeln!(out, "    title: {}", quoted(&one_line(&e.title)));
        if let Some(s) = &e.summary {
            let _ = writeln!(out, "    summary: {}", text_value(s, "      "));
        }
        if let Some(ids) = &e.parties {
            if !ids.is_empty() {
                let _ = writeln!(out, "    parties: [{}]", ids.join(", "));
            }
        } else if let Some(g) = &e.group {
            let id = party_of
                .get(g.as_str())
                .map(|&i| party_ids[i].0.as_str())
                .expect("every group has a party");
            if event_parties {
                let _ = writeln!(out, "    parties: [{id}]");
            } else {
                let _ = writeln!(out, "    x-timelinejs-group: {id}");
            }
        }
        if let Some(u) = e.unique_id.as_deref().filter(|u| own != Some(*u)) {
            let _ = writeln!(out, "    x-timelinejs-unique-id: {}", quoted(u));
        }
        let mut seen = HashSet::new();
        let mut key_suffixes = Suffixes::default();
        for (k, v) in &e.extra {
            // A key may appear once in a mapping.
            let key = key_suffixes.free(k, |k| seen.contains(k));
            seen.insert(key.clone());
            let _ = writeln!(out, "    {key}: {}", quoted(v));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_strings_escape_what_yaml_would_misread() {
        assert_eq!(quoted("a \"b\" \\ c"), r#""a \"b\" \\ c""#);
        assert_eq!(quoted("x\u{85}y\u{2028}z\u{1b}"), r#""x\x85y\u2028z\x1b""#);
        assert_eq!(
            quoted("- [not: a list] # nor a comment"),
            "\"- [not: a list] # nor a comment\""
        );
    }

    #[test]
    fn multi_line_text_is_a_literal_block_when_safe() {
        assert_eq!(text_value("one\n\ntwo", "  "), "|-\n  one\n\n  two");
        assert_eq!(text_value("one line", "  "), "\"one line\"");
        assert_eq!(text_value("a \nb", "  "), "\"a \\nb\"");
        assert_eq!(text_value("a\n\u{85}b", "  "), "\"a\\n\\x85b\"");
    }
}
