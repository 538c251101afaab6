//! How people, sources and dates are named on screen. All log text is sanitised here.

use crate::model::{Log, Quote, SourceIx};
use crate::text::sanitize;

/// `Reuters, “Hamas delegation heads to Cairo”, by A and B, Fri 3 May 2024`.
pub fn source(log: &Log, s: SourceIx) -> String {
    let src = &log.sources[s];
    let mut parts = vec![sanitize(&src.outlet).into_owned()];
    if let Some(t) = &src.title {
        parts.push(format!("“{}”", sanitize(t)));
    }
    if !src.byline.is_empty() {
        let names: Vec<_> = src
            .byline
            .iter()
            .map(|b| sanitize(b).into_owned())
            .collect();
        parts.push(format!("by {}", names.join(", ")));
    }
    if let Some(d) = &src.published {
        parts.push(d.human());
    }
    parts.join(", ")
}

pub fn source_url(log: &Log, s: SourceIx) -> Option<String> {
    log.sources[s]
        .url
        .as_deref()
        .map(|u| sanitize(u).into_owned())
}

/// Who said it: `Ismail Haniyeh, Hamas political leader (Hamas)`, or the attribution with
/// its party, or both: `… — described as “a statement from the group”`.
pub fn speaker(log: &Log, q: &Quote) -> String {
    let party = q
        .effective_party(log)
        .map(|p| format!(" ({})", sanitize(&log.parties[p].name)));
    let attribution = q.attribution.as_deref().map(|a| sanitize(a).into_owned());
    match q.speaker {
        Some(a) => {
            let actor = &log.actors[a];
            let mut s = sanitize(&actor.name).into_owned();
            if let Some(r) = &actor.role {
                s.push_str(", ");
                s.push_str(&sanitize(r));
            }
            s.push_str(party.as_deref().unwrap_or(""));
            if let Some(at) = attribution {
                s.push_str(&format!(", described as “{at}”"));
            }
            s
        }
        None => {
            let who = attribution.unwrap_or_else(|| "unknown speaker".into());
            // "Israel (Israel)" says nothing twice.
            let party = party.filter(|p| !p[2..p.len() - 1].eq_ignore_ascii_case(&who));
            format!("{who}{}", party.as_deref().unwrap_or(""))
        }
    }
}
