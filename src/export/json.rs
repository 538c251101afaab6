//! JSON for scripts: `list --format json` (events) and `quotes --format json` (quotes with
//! their citation). Text is verbatim; serde_json escapes it. The view structs fix the field
//! order, so the same query always gives the same bytes. The README documents every field.

use crate::filter::QuoteAt;
use crate::model::{EventIx, Log, Quote};
use chrono::SecondsFormat;
use serde::Serialize;

#[derive(Serialize)]
pub(crate) struct EventView<'a> {
    pub(crate) id: &'a str,
    /// The date as written in the log.
    pub(crate) date: String,
    /// The instant the date's period starts, in UTC (RFC 3339).
    pub(crate) start: String,
    /// The same instant on the reading zone's clock, RFC 3339 with that zone's offset.
    pub(crate) local: String,
    pub(crate) precision: &'static str,
    pub(crate) end: Option<String>,
    pub(crate) date_note: Option<&'a str>,
    pub(crate) kind: &'static str,
    pub(crate) status: &'static str,
    pub(crate) title: &'a str,
    pub(crate) summary: Option<&'a str>,
    pub(crate) location: Option<&'a str>,
    pub(crate) actors: Vec<ActorView<'a>>,
    pub(crate) parties: Vec<PartyView<'a>>,
    pub(crate) topics: &'a [String],
    pub(crate) sources: Vec<SourceView<'a>>,
    pub(crate) related: Vec<&'a str>,
    pub(crate) quotes: Vec<QuoteView<'a>>,
}

#[derive(Serialize)]
pub(crate) struct ActorView<'a> {
    pub(crate) id: &'a str,
    pub(crate) name: &'a str,
    pub(crate) role: Option<&'a str>,
    party: Option<&'a str>,
}

#[derive(Serialize)]
pub(crate) struct PartyView<'a> {
    pub(crate) id: &'a str,
    pub(crate) name: &'a str,
}

#[derive(Serialize)]
pub(crate) struct SourceView<'a> {
    pub(crate) id: &'a str,
    pub(crate) outlet: &'a str,
    pub(crate) title: Option<&'a str>,
    pub(crate) url: Option<&'a str>,
    pub(crate) published: Option<String>,
    pub(crate) byline: &'a [String],
    /// The archived copy's path, as the log writes it.
    archive: Option<&'a str>,
}

#[derive(Serialize)]
struct SpeakerView<'a> {
    id: &'a str,
    name: &'a str,
}

/// A quote inside an event.
#[derive(Serialize)]
pub(crate) struct QuoteView<'a> {
    speaker: Option<SpeakerView<'a>>,
    attribution: Option<&'a str>,
    /// Who said it: the quote's own parties, else the speaker's party (may be empty).
    party: Vec<PartyView<'a>>,
    source: Option<&'a str>,
    paraphrase: bool,
    /// Translated by the log's author: not the speaker's own wording.
    translated: bool,
    /// `verified`, `folded`, `not-found`, `not-checked` or `no-archive`.
    verification: &'static str,
    /// For `folded` and `not-found`: what differs.
    verification_detail: Option<String>,
    text: &'a str,
    /// (rev. 3) A translation's original wording, verbatim.
    original: Option<&'a str>,
    /// (rev. 3) The BCP 47 tag of the quote's own words.
    lang: Option<&'a str>,
}

/// A quote on its own, with its event and its source in full (`quotes --format json`).
#[derive(Serialize)]
pub(crate) struct CitedQuoteView<'a> {
    pub(crate) event: &'a str,
    pub(crate) event_date: String,
    pub(crate) event_title: &'a str,
    /// The event's status: a quote from a disputed or expected event says so.
    pub(crate) event_status: &'static str,
    pub(crate) speaker: Option<ActorView<'a>>,
    pub(crate) attribution: Option<&'a str>,
    /// Who said it: the quote's own parties, else the speaker's party (may be empty).
    pub(crate) party: Vec<PartyView<'a>>,
    pub(crate) source: Option<SourceView<'a>>,
    pub(crate) paraphrase: bool,
    pub(crate) translated: bool,
    /// `verified`, `folded`, `not-found`, `not-checked` or `no-archive`.
    pub(crate) verification: &'static str,
    /// For `folded` and `not-found`: what differs.
    pub(crate) verification_detail: Option<String>,
    pub(crate) text: &'a str,
    /// (rev. 3) A translation's original wording, verbatim.
    pub(crate) original: Option<&'a str>,
    /// (rev. 3) The BCP 47 tag of the quote's own words.
    pub(crate) lang: Option<&'a str>,
}

fn actor_view(log: &Log, a: usize) -> ActorView<'_> {
    let actor = &log.actors[a];
    ActorView {
        id: &actor.id,
        name: &actor.name,
        role: actor.role.as_deref(),
        party: actor.party.map(|p| log.parties[p].id.as_str()),
    }
}

fn party_view(log: &Log, p: usize) -> PartyView<'_> {
    PartyView {
        id: &log.parties[p].id,
        name: &log.parties[p].name,
    }
}

fn source_view(log: &Log, s: usize) -> SourceView<'_> {
    let src = &log.sources[s];
    SourceView {
        id: &src.id,
        outlet: &src.outlet,
        title: src.title.as_deref(),
        url: src.url.as_deref(),
        published: src.published.map(|d| d.written()),
        byline: &src.byline,
        archive: src.archive.as_ref().map(|a| a.path.as_str()),
    }
}

fn quote_view<'a>(log: &'a Log, q: &'a Quote) -> QuoteView<'a> {
    QuoteView {
        speaker: q.speaker.map(|a| SpeakerView {
            id: &log.actors[a].id,
            name: &log.actors[a].name,
        }),
        attribution: q.attribution.as_deref(),
        party: q.said_by(log).iter().map(|&p| party_view(log, p)).collect(),
        source: q.source.map(|s| log.sources[s].id.as_str()),
        paraphrase: q.paraphrase,
        translated: q.translated,
        verification: q.verification.as_str(),
        verification_detail: q.verification.detail(),
        text: &q.text,
        original: q.original.as_deref(),
        lang: q.lang.as_deref(),
    }
}

pub(crate) fn event_view(log: &Log, ix: EventIx) -> EventView<'_> {
    let e = &log.events[ix];
    EventView {
        id: &e.id,
        date: e.date.written(),
        start: e.date.start().to_rfc3339_opts(SecondsFormat::Secs, true),
        local: e.date.reading_rfc3339(),
        precision: e.date.precision_name(),
        end: e.end.map(|d| d.written()),
        date_note: e.date_note.as_deref(),
        kind: e.kind.as_str(),
        status: e.status.as_str(),
        title: &e.title,
        summary: e.summary.as_deref(),
        location: e.location.as_deref(),
        actors: e.actors.iter().map(|&a| actor_view(log, a)).collect(),
        parties: e.parties.iter().map(|&p| party_view(log, p)).collect(),
        topics: &e.topics,
        sources: e.sources.iter().map(|&s| source_view(log, s)).collect(),
        related: e
            .related
            .iter()
            .map(|&r| log.events[r].id.as_str())
            .collect(),
        quotes: e.quotes.iter().map(|q| quote_view(log, q)).collect(),
    }
}

/// The given quotes, each with its event and its citation, in the order given.
pub(crate) fn cited_quotes<'a>(log: &'a Log, quotes: &[QuoteAt]) -> Vec<CitedQuoteView<'a>> {
    quotes
        .iter()
        .map(|at| {
            let e = &log.events[at.event];
            let q = &e.quotes[at.quote];
            CitedQuoteView {
                event: &e.id,
                event_date: e.date.written(),
                event_title: &e.title,
                event_status: e.status.as_str(),
                speaker: q.speaker.map(|a| actor_view(log, a)),
                attribution: q.attribution.as_deref(),
                party: q.said_by(log).iter().map(|&p| party_view(log, p)).collect(),
                source: q.source.map(|s| source_view(log, s)),
                paraphrase: q.paraphrase,
                translated: q.translated,
                verification: q.verification.as_str(),
                verification_detail: q.verification.detail(),
                text: &q.text,
                original: q.original.as_deref(),
                lang: q.lang.as_deref(),
            }
        })
        .collect()
}

fn to_pretty<T: Serialize>(value: &T) -> String {
    let mut out = serde_json::to_string_pretty(value).expect("views serialise: no maps, no floats");
    out.push('\n');
    out
}

/// `list --format json`: an array of events, pretty-printed, ending with a newline.
pub fn events(log: &Log, events: &[EventIx]) -> String {
    let views: Vec<_> = events.iter().map(|&ix| event_view(log, ix)).collect();
    to_pretty(&views)
}

/// `quotes --format json`: an array of quotes with their citation.
pub fn quotes(log: &Log, quotes: &[QuoteAt]) -> String {
    to_pretty(&cited_quotes(log, quotes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;
    use serde_json::Value;

    #[test]
    fn events_carry_dates_at_their_precision_and_utc_start() {
        let log = fixture::log();
        let v: Value = serde_json::from_str(&events(&log, &[0, 1, 3])).unwrap();
        assert_eq!(v[0]["date"], "2024-04");
        assert_eq!(v[0]["precision"], "month");
        assert_eq!(v[0]["start"], "2024-04-01T00:00:00Z");
        assert_eq!(v[1]["date"], "2024-04-05T21:00+03:00");
        assert_eq!(v[1]["start"], "2024-04-05T18:00:00Z");
        assert_eq!(v[2]["end"], "2024-05-05");
        assert_eq!(v[2]["status"], "expected");
        assert_eq!(v[2]["related"][0], "burns-arrives");
        assert_eq!(v[2]["actors"][2]["party"], Value::Null);
    }

    #[test]
    fn text_is_verbatim_even_when_hostile() {
        let log = fixture::log();
        let v: Value = serde_json::from_str(&events(&log, &[1, 3])).unwrap();
        assert_eq!(
            v[0]["summary"],
            "First line.\nSecond line with \u{1b}[31mescape"
        );
        assert_eq!(v[1]["title"], "Meeting in Cairo\u{202e}gpj");
    }

    #[test]
    fn quotes_name_speaker_party_and_source() {
        let log = fixture::log();
        let all = crate::filter::quotes_of(&log, &[2], &Default::default());
        let v: Value = serde_json::from_str(&quotes(&log, &all)).unwrap();
        assert_eq!(v.as_array().unwrap().len(), 3);
        assert_eq!(v[0]["speaker"], Value::Null);
        assert_eq!(v[0]["party"][0]["id"], "us");
        assert_eq!(v[0]["party"][0]["name"], "United States");
        assert_eq!(v[0]["source"]["byline"][1], "Nidal al-Mughrabi");
        assert_eq!(v[1]["speaker"]["id"], "haniyeh");
        assert_eq!(v[1]["party"][0]["id"], "hamas");
        assert_eq!(v[1]["paraphrase"], true);
        assert_eq!(v[2]["source"], Value::Null);
        assert_eq!(v[2]["party"], serde_json::json!([]));
    }

    #[test]
    fn quotes_carry_their_events_status_and_translation() {
        let mut log = fixture::log();
        log.events[2].status = crate::model::Status::Disputed;
        log.events[2].quotes[0].translated = true;
        log.events[2].quotes[0].parties = vec![0, 1];
        let all = crate::filter::quotes_of(&log, &[1, 2], &Default::default());
        let v: Value = serde_json::from_str(&quotes(&log, &all)).unwrap();
        assert_eq!(v[0]["event_status"], "occurred");
        assert_eq!(v[0]["translated"], false);
        assert_eq!(v[1]["event_status"], "disputed");
        assert_eq!(v[1]["translated"], true);
        assert_eq!(v[1]["party"][1]["id"], "israel");
        let e: Value = serde_json::from_str(&events(&log, &[2])).unwrap();
        assert_eq!(e[0]["quotes"][0]["translated"], true);
        assert_eq!(e[0]["quotes"][0]["party"][1]["name"], "Israel");
    }
}
