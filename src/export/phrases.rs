//! The phrases every human-readable export shares (text, markdown, citations): when an
//! event happened, who said a quote, where it was published. Each comes out sanitised
//! (one line), so callers only add their own punctuation and markup.

use crate::model::{Event, Log, Quote, Source, Status};
use crate::text::{sanitize, sanitize_multiline};

/// When an event happened, for people, at the precision written: `Fri 3 May 2024`,
/// `April 2024`, `Sat 4 May 2024 – Sun 5 May 2024`.
pub fn when(e: &Event) -> String {
    match &e.end {
        Some(end) => format!("{} – {}", e.date.human(), end.human()),
        None => e.date.human(),
    }
}

/// How the sources put the date, after a comma: `, late last month`; empty when none.
pub fn note_suffix(e: &Event) -> String {
    match &e.date_note {
        Some(note) => format!(", {}", sanitize(note)),
        None => String::new(),
    }
}

/// `when`, followed by how the sources put the date: `April 2024, late last month`.
pub fn when_with_note(e: &Event) -> String {
    when(e) + &note_suffix(e)
}

/// The status word for events that did not simply happen; `None` for `occurred`.
pub fn status_word(s: Status) -> Option<&'static str> {
    match s {
        Status::Occurred => None,
        other => Some(other.as_str()),
    }
}

/// Who said the words: `Ismail Haniyeh (Hamas political leader, Hamas)`, or the source's
/// description of an unnamed speaker with its party, `a US official (United States)`. A
/// named speaker that also has an attribution gets it after a comma.
pub fn who(log: &Log, q: &Quote) -> String {
    let party = q.effective_party(log).map(|p| log.parties[p].name.as_str());
    match q.speaker {
        Some(a) => {
            let actor = &log.actors[a];
            // An organisation that is its own party ("Hamas") needs no "(Hamas)".
            let party = party.filter(|p| *p != actor.name);
            let details: Vec<&str> = actor.role.as_deref().into_iter().chain(party).collect();
            let mut out = sanitize(&actor.name).into_owned();
            if !details.is_empty() {
                out.push_str(&format!(" ({})", sanitize(&details.join(", "))));
            }
            if let Some(attr) = &q.attribution {
                out.push_str(&format!(", {}", sanitize(attr)));
            }
            out
        }
        None => {
            let attr = q.attribution.as_deref().unwrap_or("unattributed");
            // "Hamas" attributed to the party Hamas needs no "(Hamas)".
            match party.filter(|p| !p.eq_ignore_ascii_case(attr.trim())) {
                Some(p) => format!("{} ({})", sanitize(attr), sanitize(p)),
                None => sanitize(attr).into_owned(),
            }
        }
    }
}

/// Names joined as a byline: `A`, `A and B`, `A, B and C`.
pub fn byline(names: &[String]) -> String {
    let names: Vec<_> = names.iter().map(|n| sanitize(n)).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Where words were published, without the URL: `Reuters, “Title”, by A and B, Fri 3 May 2024`.
pub fn source_line(s: &Source) -> String {
    let mut parts = vec![sanitize(&s.outlet).into_owned()];
    if let Some(t) = &s.title {
        parts.push(format!("“{}”", sanitize(t)));
    }
    if !s.byline.is_empty() {
        parts.push(format!("by {}", byline(&s.byline)));
    }
    if let Some(p) = &s.published {
        parts.push(p.human());
    }
    parts.join(", ")
}

/// The words themselves: in quotation marks when verbatim, bare when reported speech.
/// Line breaks inside the quote are kept.
pub fn words(q: &Quote) -> String {
    let text = sanitize_multiline(q.text.trim_end());
    if q.paraphrase {
        text.into_owned()
    } else {
        format!("“{text}”")
    }
}

/// The label put before reported speech so it is never taken for a quotation.
pub const PARAPHRASE_LABEL: &str = "Paraphrase (reported speech, not verbatim)";

/// The label for words that are not the speaker's own verbatim; `None` for verbatim words.
pub fn words_label(q: &Quote) -> Option<&'static str> {
    q.paraphrase.then_some(PARAPHRASE_LABEL)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;

    #[test]
    fn who_names_role_and_party_or_the_attribution() {
        let log = fixture::log();
        let q = &log.events[1].quotes[0];
        assert_eq!(
            who(&log, q),
            "Ismail Haniyeh (Hamas political leader, Hamas)"
        );
        let q = &log.events[2].quotes[0];
        assert_eq!(who(&log, q), "a US official (United States)");
        let q = &log.events[2].quotes[1];
        assert_eq!(
            who(&log, q),
            "Ismail Haniyeh (Hamas political leader, Hamas), a statement from the group"
        );
    }

    #[test]
    fn a_party_speaking_for_itself_is_not_named_twice() {
        let mut log = fixture::log();
        let q = &mut log.events[2].quotes[0];
        q.attribution = Some("hamas".into());
        q.party = Some(2);
        assert_eq!(who(&log, &log.events[2].quotes[0]), "hamas");
    }

    #[test]
    fn bylines_read_like_prose() {
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(byline(&names(&["A"])), "A");
        assert_eq!(byline(&names(&["A", "B"])), "A and B");
        assert_eq!(byline(&names(&["A", "B", "C"])), "A, B and C");
    }

    #[test]
    fn dates_keep_their_precision_note_and_end() {
        let log = fixture::log();
        assert_eq!(
            when_with_note(&log.events[0]),
            "April 2024, late last month"
        );
        assert_eq!(when(&log.events[1]), "Fri 5 April 2024 21:00 +03:00");
        assert_eq!(when(&log.events[3]), "Sat 4 May 2024 – Sun 5 May 2024");
    }

    #[test]
    fn paraphrase_gets_no_quotation_marks() {
        let log = fixture::log();
        assert_eq!(words(&log.events[1].quotes[0]), "“We will not give up.”");
        assert_eq!(
            words(&log.events[2].quotes[1]),
            "Hamas said it would study the proposal"
        );
    }

    #[test]
    fn source_line_has_outlet_title_byline_and_date() {
        let log = fixture::log();
        assert_eq!(
            source_line(&log.sources[0]),
            "Reuters, “Hamas delegation heads to Cairo”, by Ahmed Mohamed Hassan and Nidal al-Mughrabi, Fri 3 May 2024"
        );
        assert_eq!(source_line(&log.sources[1]), "Wire");
    }
}
