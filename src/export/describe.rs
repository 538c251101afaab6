//! A query in words, for the head of an export and for messages: `party: Hamas or Qatar`,
//! `from April 2024`, `search: “cairo”`. Sanitised.

use crate::filter::Query;
use crate::model::Log;
use crate::sanitize::sanitize;

fn either<I: IntoIterator<Item = String>>(label: &str, items: I) -> Option<String> {
    let items: Vec<String> = items.into_iter().collect();
    (!items.is_empty()).then(|| format!("{label}: {}", items.join(" or ")))
}

/// One phrase per active filter, in a fixed order; empty when nothing filters.
pub(crate) fn filters(log: &Log, q: &Query) -> Vec<String> {
    let name = |s: &str| sanitize(s).into_owned();
    let mut out: Vec<String> = [
        either(
            "party",
            q.parties.iter().map(|&p| name(&log.parties[p].name)),
        ),
        either("actor", q.actors.iter().map(|&a| name(&log.actors[a].name))),
        either("kind", q.kinds.iter().map(|k| k.as_str().to_owned())),
        either("status", q.statuses.iter().map(|s| s.as_str().to_owned())),
        either("topic", q.topics.iter().map(|t| name(t))),
        either(
            "source",
            q.sources.iter().map(|&s| name(&log.sources[s].id)),
        ),
        either(
            "outlet",
            crate::sources::outlets(log)
                .into_iter()
                .filter(|(k, _)| q.outlets.contains(k))
                .map(|(_, n)| name(&n)),
        ),
        q.from.map(|d| format!("from {}", d.human())),
        q.to.map(|d| format!("to {}", d.human())),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !q.search.trim().is_empty() {
        out.push(format!("search: “{}”", sanitize(q.search.trim())));
    }
    if q.only.is_some() {
        out.push("marked events only".into());
    }
    if q.unseen.is_some() {
        out.push("new or changed since you last looked".into());
    }
    if q.single_source {
        out.push("one source or none".into());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Kind};

    #[test]
    fn every_filter_is_named_in_words() {
        let log = crate::export::fixture::log();
        let mut q = Query::default();
        assert!(filters(&log, &q).is_empty());
        q.parties = [2, 0].into();
        q.kinds = [Kind::Meeting].into();
        q.from = Some(Date::parse("2024-04").unwrap());
        q.search = " cairo ".into();
        assert_eq!(
            filters(&log, &q),
            [
                "party: United States or Hamas",
                "kind: meeting",
                "from April 2024",
                "search: “cairo”"
            ]
        );
    }
}
