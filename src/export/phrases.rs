//! The phrases every human-readable export shares (text, markdown, citations): when an
//! event happened, who said a quote, where it was published. Each comes out sanitised
//! (one line), so callers only add their own punctuation and markup.

use crate::model::{Event, Log, Quote, Source, Status, Verification};
use crate::sanitize::{sanitize, verbatim};

/// When an event happened, for people, at the precision written: `Fri 3 May 2024`,
/// `April 2024`, `Sat 4 May 2024 – Sun 5 May 2024`.
pub(crate) fn when(e: &Event) -> String {
    match &e.end {
        Some(end) => format!("{} – {}", e.date.human(), end.human()),
        None => e.date.human(),
    }
}

/// `when`, and for a time on another clock than the log's reading zone, the reading zone's
/// too, short (`Fri 10 March 2023 02:00 +08:00 (Asia/Shanghai) = Thu 9 March 21:00
/// Asia/Riyadh`), so that a list read in order, and its `--from`/`--to` days, make sense.
/// With an end, the reading zone's time is the start's: it goes in brackets after the start
/// (`… 22:00 -04:00 (= Sun 11 May 10:00 Asia/Shanghai) – Mon 12 May 2025`), where it cannot
/// be read as the end's.
pub(crate) fn when_both_clocks(e: &Event) -> String {
    match (e.date.reading_beside(), &e.end) {
        (Some(there), Some(end)) => format!("{} (= {there}) – {}", e.date.human(), end.human()),
        (Some(there), None) => format!("{} = {there}", when(e)),
        (None, _) => when(e),
    }
}

/// How the sources put the date, after a comma: `, late last month`; empty when none.
pub(crate) fn note_suffix(e: &Event) -> String {
    match &e.date_note {
        Some(note) => format!(", {}", sanitize(note)),
        None => String::new(),
    }
}

/// `when`, followed by how the sources put the date: `April 2024, late last month`.
pub(crate) fn when_with_note(e: &Event) -> String {
    when(e) + &note_suffix(e)
}

/// The status word for events that did not simply happen; `None` for `occurred`.
pub(crate) fn status_word(s: Status) -> Option<&'static str> {
    match s {
        Status::Occurred => None,
        other => Some(other.as_str()),
    }
}

/// Who said the words: `Ismail Haniyeh (Hamas political leader, Hamas)`, or the source's
/// description of an unnamed speaker with its party, `a US official (United States)`. A
/// named speaker that also has an attribution gets it after a comma.
pub(crate) fn who(log: &Log, q: &Quote) -> String {
    let parties: Vec<&str> = q
        .said_by(log)
        .iter()
        .map(|&p| log.parties[p].name.as_str())
        .collect();
    match q.speaker {
        Some(a) => {
            let actor = &log.actors[a];
            // An organisation that is its own party ("Hamas") needs no "(Hamas)".
            let parties = parties.into_iter().filter(|p| *p != actor.name);
            let details: Vec<&str> = actor.role.as_deref().into_iter().chain(parties).collect();
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
            let parties: Vec<&str> = parties
                .into_iter()
                .filter(|p| !p.eq_ignore_ascii_case(attr.trim()))
                .collect();
            if parties.is_empty() {
                sanitize(attr).into_owned()
            } else {
                format!("{} ({})", sanitize(attr), sanitize(&parties.join(", ")))
            }
        }
    }
}

/// What comes before who said a quote, verbatim or reported, on screen and in every
/// export: `— Ismail Haniyeh (…)`. Reported speech is told by its own label, not here.
pub(crate) const SAID_BY: &str = "— ";

/// `— Ismail Haniyeh (Hamas political leader, Hamas)`.
pub(crate) fn credit(log: &Log, q: &Quote) -> String {
    format!("{SAID_BY}{}", who(log, q))
}

/// Names joined as a byline: `A`, `A and B`, `A, B and C`.
pub(crate) fn byline(names: &[String]) -> String {
    let names: Vec<_> = names.iter().map(|n| sanitize(n)).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Where words were published, without the URL: `Reuters, “Title”, by A and B, Fri 3 May 2024`.
pub(crate) fn source_line(s: &Source) -> String {
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
/// The text is the log's, byte for byte (see `text::verbatim`).
pub(crate) fn words(q: &Quote) -> String {
    let text = verbatim(&q.text);
    if q.paraphrase {
        text.into_owned()
    } else {
        format!("“{text}”")
    }
}

/// A translation's original wording (rev. 3), in quotation marks: verbatim, as the speaker
/// said or the publication printed it. The text is the log's, byte for byte.
pub(crate) fn original_words(q: &Quote) -> Option<String> {
    q.original
        .as_deref()
        .filter(|_| q.translated)
        .map(|o| format!("“{}”", verbatim(o)))
}

/// The label put before a translation's original wording: `Original (fa)`, or `Original`
/// when the log does not say the language.
pub(crate) fn original_label(q: &Quote) -> String {
    match &q.lang {
        Some(lang) => format!("Original ({})", sanitize(lang)),
        None => "Original".into(),
    }
}

/// What a reader must know about a quote checked against its source's archive, or None
/// when it was found as written (or is a paraphrase or a translation, labelled already). A quote not found starts with the flag `NOT FOUND`.
pub(crate) fn verification_note(log: &Log, q: &Quote) -> Option<String> {
    let v = &q.verification;
    Some(match v {
        Verification::Verified { .. } => return None,
        Verification::Folded { .. } => format!(
            "Found in the archived source once typography is folded ({})",
            sanitize(&v.detail().unwrap_or_default())
        ),
        Verification::NotFound(_) => format!(
            "{NOT_FOUND} in the archived source ({})",
            sanitize(&v.detail().unwrap_or_default())
        ),
        // Reported speech and translations are labelled as such wherever they are shown:
        // that says why they were not looked for.
        Verification::NotChecked => return None,
        // Said only in a log that archives its sources: elsewhere it would be said of every
        // quote, and tell nothing.
        Verification::NoArchive if log.archives.iter().any(Option::is_some) => {
            "Not checked: no archived copy of the source".into()
        }
        Verification::NoArchive => return None,
        // The browser checks the quotes once it shows the log.
        Verification::Checking => "Checking against the archived source…".into(),
    })
}

/// The flag on a quote not found in its archived source, wherever it is shown or copied.
pub(crate) const NOT_FOUND: &str = "NOT FOUND";

/// The label put before reported speech so it is never taken for a quotation.
pub(crate) const PARAPHRASE_LABEL: &str = "Paraphrase (reported speech, not verbatim)";

/// The label put before words the log's author translated, so they are never taken for the
/// speaker's own wording.
const TRANSLATION_LABEL: &str = "Translation by the log's author, not the speaker's own words";

/// What to say before the words when they are not the speaker's own verbatim wording:
/// reported speech, a translation by the log's author, or both. `None` for verbatim words.
pub(crate) fn words_label(q: &Quote) -> Option<&'static str> {
    match (q.paraphrase, q.translated) {
        (false, false) => None,
        (true, false) => Some(PARAPHRASE_LABEL),
        (false, true) => Some(TRANSLATION_LABEL),
        (true, true) => {
            Some("Paraphrase (reported speech, not verbatim), translated by the log's author")
        }
    }
}

/// How an event's status travels with each of its quotes: `disputed report`, `expected`,
/// `cancelled`; `None` for an event that occurred.
pub fn quote_status(s: Status) -> Option<&'static str> {
    match s {
        Status::Occurred => None,
        Status::Expected => Some("expected"),
        Status::Cancelled => Some("cancelled"),
        Status::Disputed => Some("disputed report"),
    }
}

/// The line that goes with a quote of an event that did not simply happen:
/// `Event status: disputed report`.
pub(crate) fn quote_status_line(e: &Event) -> Option<String> {
    quote_status(e.status).map(|s| format!("Event status: {s}"))
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
        q.parties = vec![2];
        assert_eq!(who(&log, &log.events[2].quotes[0]), "hamas");
    }

    #[test]
    fn a_joint_voice_names_every_party() {
        let mut log = fixture::log();
        log.events[2].quotes[0].parties = vec![0, 1];
        assert_eq!(
            who(&log, &log.events[2].quotes[0]),
            "a US official (United States, Israel)"
        );
    }

    #[test]
    fn labels_say_when_the_words_are_not_the_speakers_own() {
        let log = fixture::log();
        let [verbatim, paraphrase] = [&log.events[1].quotes[0], &log.events[2].quotes[1]];
        assert_eq!(words_label(verbatim), None);
        assert_eq!(words_label(paraphrase), Some(PARAPHRASE_LABEL));
        let mut translated = verbatim.clone();
        translated.translated = true;
        assert_eq!(words_label(&translated), Some(TRANSLATION_LABEL));
        translated.paraphrase = true;
        assert!(words_label(&translated).unwrap().contains("translated"));
    }

    #[test]
    fn every_status_but_occurred_travels_with_quotes() {
        assert_eq!(quote_status(Status::Occurred), None);
        assert_eq!(quote_status(Status::Disputed), Some("disputed report"));
        assert_eq!(quote_status(Status::Expected), Some("expected"));
        assert_eq!(quote_status(Status::Cancelled), Some("cancelled"));
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
