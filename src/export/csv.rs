//! CSV for spreadsheets (RFC 4180, by the csv crate): one row per event for `list`, one
//! row per quote for `quotes`. Text is verbatim, except that a cell a spreadsheet would run
//! as a formula gets a leading `'`; lists are joined with "; ". Lines end with CRLF as RFC
//! 4180 asks.

use crate::export::json::{CitedQuoteView, EventView, cited_quotes, event_view};
use crate::filter::QuoteAt;
use crate::model::{EventIx, Log};

/// What joins the items of a list field.
const LIST_SEPARATOR: &str = "; ";

const EVENT_COLUMNS: [&str; 18] = [
    "id",
    "date",
    "start",
    "local",
    "precision",
    "end",
    "date_note",
    "kind",
    "status",
    "title",
    "summary",
    "location",
    "actors",
    "parties",
    "topics",
    "sources",
    "related",
    "quotes",
];

const QUOTE_COLUMNS: [&str; 23] = [
    "event",
    "event_date",
    "event_title",
    "event_status",
    "speaker_id",
    "speaker_name",
    "speaker_role",
    "attribution",
    "party_id",
    "party_name",
    "source_id",
    "outlet",
    "source_title",
    "url",
    "published",
    "byline",
    "paraphrase",
    "translated",
    "verification",
    "verification_detail",
    "text",
    "original",
    "lang",
];

fn opt(s: Option<&str>) -> String {
    s.unwrap_or_default().to_owned()
}

fn join<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items.into_iter().collect::<Vec<_>>().join(LIST_SEPARATOR)
}

fn event_row(v: &EventView<'_>) -> Vec<String> {
    vec![
        v.id.to_owned(),
        v.date.clone(),
        v.start.clone(),
        v.local.clone(),
        v.precision.to_owned(),
        v.end.clone().unwrap_or_default(),
        opt(v.date_note),
        v.kind.to_owned(),
        v.status.to_owned(),
        v.title.to_owned(),
        opt(v.summary),
        opt(v.location),
        join(v.actors.iter().map(|a| a.id)),
        join(v.parties.iter().map(|p| p.id)),
        join(v.topics.iter().map(String::as_str)),
        join(v.sources.iter().map(|s| s.id)),
        join(v.related.iter().copied()),
        v.quotes.len().to_string(),
    ]
}

fn quote_row(q: &CitedQuoteView<'_>) -> Vec<String> {
    let src = q.source.as_ref();
    vec![
        q.event.to_owned(),
        q.event_date.clone(),
        q.event_title.to_owned(),
        q.event_status.to_owned(),
        opt(q.speaker.as_ref().map(|s| s.id)),
        opt(q.speaker.as_ref().map(|s| s.name)),
        opt(q.speaker.as_ref().and_then(|s| s.role)),
        opt(q.attribution),
        join(q.party.iter().map(|p| p.id)),
        join(q.party.iter().map(|p| p.name)),
        opt(src.map(|s| s.id)),
        opt(src.map(|s| s.outlet)),
        opt(src.and_then(|s| s.title)),
        opt(src.and_then(|s| s.url)),
        src.and_then(|s| s.published.clone()).unwrap_or_default(),
        src.map(|s| join(s.byline.iter().map(String::as_str)))
            .unwrap_or_default(),
        q.paraphrase.to_string(),
        q.translated.to_string(),
        q.verification.to_owned(),
        q.verification_detail.clone().unwrap_or_default(),
        q.text.to_owned(),
        opt(q.original),
        opt(q.lang),
    ]
}

/// A cell a spreadsheet would take for a formula (a title such as `=HYPERLINK(…)` or
/// `@SUM(…)`), made plain text with a leading `'`, as OWASP advises against CSV injection:
/// cells starting with `=`, `+`, `-`, `@`, a tab or a carriage return.
fn defuse(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

pub(crate) fn write_table(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail; the csv crate only reports I/O errors here.
    w.write_record(header).expect("write to memory");
    for row in rows {
        w.write_record(row.iter().map(|cell| defuse(cell).into_owned()))
            .expect("write to memory");
    }
    let bytes = w.into_inner().expect("flush to memory");
    String::from_utf8(bytes).expect("rows are built from UTF-8 strings")
}

/// `list --format csv`: a header, then one row per event.
pub fn events(log: &Log, events: &[EventIx]) -> String {
    write_table(
        &EVENT_COLUMNS,
        events.iter().map(|&ix| event_row(&event_view(log, ix))),
    )
}

/// `quotes --format csv`: a header, then one row per quote.
pub fn quotes(log: &Log, quotes: &[QuoteAt]) -> String {
    write_table(
        &QUOTE_COLUMNS,
        cited_quotes(log, quotes).iter().map(quote_row),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;

    fn read(text: &str) -> Vec<::csv::StringRecord> {
        ::csv::Reader::from_reader(text.as_bytes())
            .records()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn event_rows_read_back_with_lists_joined() {
        let log = fixture::log();
        let out = events(&log, &[1, 2, 3]);
        assert!(out.starts_with("id,date,start,local,precision,"));
        let rows = read(&out);
        assert_eq!(rows.len(), 3);
        assert_eq!(
            &rows[0][10],
            "First line.\nSecond line with \u{1b}[31mescape"
        );
        assert_eq!(&rows[0][14], "hostages; ceasefire");
        assert_eq!(&rows[1][9], "Burns *arrives* in Cairo");
        assert_eq!(&rows[1][17], "3");
        assert_eq!(&rows[2][12], "burns; barnea; kamel");
    }

    #[test]
    fn quote_rows_keep_text_with_quotes_and_commas_verbatim() {
        let log = fixture::log();
        let all = crate::filter::quotes_of(&log, &[2], &Default::default());
        let rows = read(&quotes(&log, &all));
        assert_eq!(rows.len(), 3);
        let col = |name: &str| QUOTE_COLUMNS.iter().position(|c| *c == name).unwrap();
        assert_eq!(
            &rows[0][col("text")],
            "There is \"some progress\", but a way to go."
        );
        assert_eq!(&rows[0][col("verification")], "no-archive");
        assert_eq!(&rows[0][col("verification_detail")], "");
        assert_eq!(&rows[0][15], "Ahmed Mohamed Hassan; Nidal al-Mughrabi");
        assert_eq!(&rows[1][16], "true");
        assert_eq!(&rows[2][10], "");
    }

    #[test]
    fn quote_rows_carry_event_status_translation_and_every_party() {
        let mut log = fixture::log();
        log.events[2].status = crate::model::Status::Disputed;
        log.events[2].quotes[0].translated = true;
        log.events[2].quotes[0].parties = vec![0, 1];
        let all = crate::filter::quotes_of(&log, &[2], &Default::default());
        let out = quotes(&log, &all);
        let col = |name: &str| QUOTE_COLUMNS.iter().position(|c| *c == name).unwrap();
        let rows = read(&out);
        assert_eq!(&rows[0][col("event_status")], "disputed");
        assert_eq!(&rows[0][col("translated")], "true");
        assert_eq!(&rows[1][col("translated")], "false");
        assert_eq!(&rows[0][col("party_id")], "us; israel");
        assert_eq!(&rows[0][col("party_name")], "United States; Israel");
    }
}
