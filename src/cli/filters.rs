//! From the filter flags (`--party hamas --kind meeting --from 2024-04`) to a `filter::Query`
//! over one log. `list`, `quotes` and the browser all start here, so the same flags mean
//! the same events everywhere. A flag that names nothing in the log is wrong usage (exit 2),
//! with a suggestion when a known name is near.

use super::FilterArgs;
use crate::filter::{Query, backwards_range};
use crate::model::{DATE_FORMS, Date, Kind, Log, Status};
use crate::sanitize::{fold, sanitize};
use std::fmt;

/// Wrong usage: every problem with the flags, one per line. Exit code 2.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsageError {
    pub(crate) problems: Vec<String>,
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.problems.join("\n"))
    }
}

impl std::error::Error for UsageError {}

use crate::load::suggest::nearest;

/// The message for a value that names nothing: a suggestion if one is near, else the list
/// of what exists (when it is short enough to read).
fn unknown(
    what: &str,
    flag: &str,
    found: &str,
    suggestion: Option<&str>,
    known: &[&str],
) -> String {
    let mut msg = format!("{flag} {:?}: no {what} has this id", sanitize(found));
    if let Some(s) = suggestion {
        msg.push_str(&format!(" (did you mean {s:?}?)"));
    } else if known.is_empty() {
        msg.push_str(&format!("; the log has no {what}"));
    } else if known.len() <= 20 {
        msg.push_str(&format!("; expected one of: {}", known.join(", ")));
    } else {
        msg.push_str("; `dateline list --format json` shows every id");
    }
    msg
}

/// A name typed where an id is expected (`--party "United States"`) suggests the id.
fn id_by_name<'a>(
    found: &str,
    named: impl IntoIterator<Item = (&'a str, impl IntoIterator<Item = &'a str>)>,
) -> Option<&'a str> {
    let found = fold(found.trim());
    named
        .into_iter()
        .find_map(|(id, names)| names.into_iter().any(|n| fold(n) == found).then_some(id))
}

fn parse_date(flag: &str, s: &str, problems: &mut Vec<String>) -> Option<Date> {
    match Date::parse(s.trim()) {
        Ok(d) => Some(d),
        Err(e) => {
            let mut msg = format!("{flag}: {e}");
            if !msg.contains(DATE_FORMS) {
                msg.push_str(&format!("; write {DATE_FORMS}"));
            }
            problems.push(msg);
            None
        }
    }
}

impl FilterArgs {
    /// The query these flags ask of `log`, or every problem with them.
    pub fn to_query(&self, log: &Log) -> Result<Query, UsageError> {
        let mut q = Query::default();
        let mut problems = Vec::new();

        let party_ids: Vec<&str> = log.parties.iter().map(|p| p.id.as_str()).collect();
        for p in &self.parties {
            match log.party(p) {
                Some(ix) => {
                    q.parties.insert(ix);
                }
                None => {
                    let by_name = id_by_name(
                        p,
                        log.parties
                            .iter()
                            .map(|x| (x.id.as_str(), [x.name.as_str()])),
                    );
                    let hint = by_name.or_else(|| nearest(p, party_ids.iter().copied()));
                    problems.push(unknown("party", "--party", p, hint, &party_ids));
                }
            }
        }

        let actor_ids: Vec<&str> = log.actors.iter().map(|a| a.id.as_str()).collect();
        for a in &self.actors {
            match log.actor(a) {
                Some(ix) => {
                    q.actors.insert(ix);
                }
                None => {
                    let by_name = id_by_name(
                        a,
                        log.actors.iter().map(|x| {
                            let names = std::iter::once(x.name.as_str())
                                .chain(x.aliases.iter().map(String::as_str));
                            (x.id.as_str(), names)
                        }),
                    );
                    let hint = by_name.or_else(|| nearest(a, actor_ids.iter().copied()));
                    problems.push(unknown("actor", "--actor", a, hint, &actor_ids));
                }
            }
        }

        let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        for k in &self.kinds {
            match Kind::parse(k.trim()) {
                Some(kind) => {
                    q.kinds.insert(kind);
                }
                None => {
                    let hint = nearest(k.trim(), kinds.iter().copied());
                    let mut msg = format!("--kind {:?}: not a kind of event", sanitize(k));
                    if let Some(h) = hint {
                        msg.push_str(&format!(" (did you mean {h:?}?)"));
                    }
                    msg.push_str(&format!("; expected one of: {}", kinds.join(", ")));
                    problems.push(msg);
                }
            }
        }

        let statuses: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
        for s in &self.statuses {
            match Status::parse(s.trim()) {
                Some(status) => {
                    q.statuses.insert(status);
                }
                None => {
                    let hint = nearest(s.trim(), statuses.iter().copied());
                    let mut msg = format!("--status {:?}: not a status", sanitize(s));
                    if let Some(h) = hint {
                        msg.push_str(&format!(" (did you mean {h:?}?)"));
                    }
                    msg.push_str(&format!("; expected one of: {}", statuses.join(", ")));
                    problems.push(msg);
                }
            }
        }

        // Topics are free tags, written in lower case: an unknown one simply matches nothing.
        q.topics = self
            .topics
            .iter()
            .map(|t| t.trim().to_lowercase())
            .filter(|t| !t.is_empty())
            .collect();

        q.from = self
            .from
            .as_deref()
            .and_then(|s| parse_date("--from", s, &mut problems));
        q.to = self
            .to
            .as_deref()
            .and_then(|s| parse_date("--to", s, &mut problems));
        if let (Some(from), Some(to)) = (&q.from, &q.to)
            && let Some(why) = backwards_range(from, to, log.timezone, "--from ", "--to ")
        {
            problems.push(why);
        }

        q.search = self.search.clone().unwrap_or_default();

        let source_ids: Vec<&str> = log.sources.iter().map(|s| s.id.as_str()).collect();
        for s in &self.sources {
            match log.source_ids.get(s.as_str()) {
                Some(&ix) => {
                    q.sources.insert(ix);
                }
                None => {
                    let hint = nearest(s, source_ids.iter().copied());
                    problems.push(unknown("source", "--source", s, hint, &source_ids));
                }
            }
        }

        // An outlet is a name, not an id: the same however it is cased or accented.
        let outlets = crate::sources::outlets(log);
        for o in &self.outlets {
            let key = crate::sources::outlet_key(o);
            if outlets.iter().any(|(k, _)| *k == key) {
                q.outlets.insert(key);
            } else {
                let names: Vec<&str> = outlets.iter().map(|(_, n)| n.as_str()).collect();
                let hint = nearest(&key, outlets.iter().map(|(k, _)| k.as_str()))
                    .and_then(|k| outlets.iter().find(|(o, _)| o == k))
                    .map(|(_, n)| n.as_str());
                let mut msg = format!(
                    "--outlet {:?}: no source of the log is from this outlet",
                    sanitize(o)
                );
                if let Some(h) = hint {
                    msg.push_str(&format!(" (did you mean {:?}?)", sanitize(h)));
                } else if names.is_empty() {
                    msg.push_str("; the log has no source");
                } else if names.len() <= 20 {
                    let names: Vec<String> =
                        names.iter().map(|n| sanitize(n).into_owned()).collect();
                    msg.push_str(&format!("; expected one of: {}", names.join(", ")));
                }
                problems.push(msg);
            }
        }
        q.single_source = self.single_source;

        if problems.is_empty() {
            Ok(q)
        } else {
            Err(UsageError { problems })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;

    fn args() -> FilterArgs {
        FilterArgs::default()
    }

    #[test]
    fn flags_become_the_query() {
        let log = fixture::log();
        let f = FilterArgs {
            parties: vec!["hamas".into(), "us".into()],
            actors: vec!["burns".into()],
            kinds: vec!["meeting".into()],
            statuses: vec!["expected".into()],
            topics: vec![" Hostages".into()],
            from: Some("2024-04".into()),
            to: Some("2024-05-04".into()),
            search: Some("cairo".into()),
            marked: false,
            unseen: false,
            sources: vec![],
            outlets: vec![],
            single_source: false,
        };
        let q = f.to_query(&log).unwrap();
        assert_eq!(q.parties, [0, 2].into());
        assert_eq!(q.actors, [0].into());
        assert_eq!(q.kinds, [Kind::Meeting].into());
        assert_eq!(q.statuses, [Status::Expected].into());
        assert_eq!(q.topics, ["hostages".to_string()].into());
        assert_eq!(q.from.unwrap().written(), "2024-04");
        assert_eq!(q.to.unwrap().written(), "2024-05-04");
        assert_eq!(q.search, "cairo");
        assert!(args().to_query(&log).unwrap().is_empty());
    }

    #[test]
    fn unknown_ids_are_errors_with_a_suggestion() {
        let log = fixture::log();
        let f = FilterArgs {
            parties: vec!["hamaz".into(), "United States".into(), "egypt".into()],
            actors: vec!["Bill".into(), "burnz".into()],
            kinds: vec!["meting".into()],
            statuses: vec!["expectd".into()],
            ..args()
        };
        let e = f.to_query(&log).unwrap_err();
        assert_eq!(
            e.problems,
            [
                "--party \"hamaz\": no party has this id (did you mean \"hamas\"?)",
                "--party \"United States\": no party has this id (did you mean \"us\"?)",
                "--party \"egypt\": no party has this id; expected one of: us, israel, hamas",
                "--actor \"Bill\": no actor has this id; expected one of: burns, barnea, haniyeh, kamel",
                "--actor \"burnz\": no actor has this id (did you mean \"burns\"?)",
                "--kind \"meting\": not a kind of event (did you mean \"meeting\"?); expected one of: meeting, call, statement, proposal, response, agreement, travel, development",
                "--status \"expectd\": not a status (did you mean \"expected\"?); expected one of: occurred, expected, cancelled, disputed",
            ]
        );
    }

    #[test]
    fn bad_dates_name_the_flag_and_the_forms() {
        let log = fixture::log();
        let f = FilterArgs {
            from: Some("May 2024".into()),
            to: Some("2024-13".into()),
            ..args()
        };
        let e = f.to_query(&log).unwrap_err();
        assert_eq!(e.problems.len(), 2);
        assert!(e.problems[0].starts_with("--from: found \"May 2024\", expected a date as YYYY"));
        assert!(e.problems[1].starts_with("--to: found \"2024-13\": month 13"));
        assert!(e.problems[1].contains(DATE_FORMS));
    }

    #[test]
    fn a_range_that_ends_before_it_starts_is_wrong_usage() {
        let log = fixture::log();
        let f = FilterArgs {
            from: Some("2024-05".into()),
            to: Some("2024-04-30".into()),
            ..args()
        };
        assert!(
            f.to_query(&log)
                .unwrap_err()
                .to_string()
                .contains("swap them?")
        );
        let same = FilterArgs {
            from: Some("2024-05".into()),
            to: Some("2024-05".into()),
            ..args()
        };
        assert!(same.to_query(&log).is_ok());
    }

    #[test]
    fn hostile_flag_values_are_shown_escaped() {
        let log = fixture::log();
        let f = FilterArgs {
            parties: vec!["x\u{1b}[2J".into()],
            ..args()
        };
        let msg = f.to_query(&log).unwrap_err().to_string();
        assert!(!msg.contains('\u{1b}'), "{msg:?}");
    }
}
