//! Every rule of docs/FORMAT.md, each with a log that passes and one that fails, asserting
//! what the writer of the log is told: line, column, path, message and suggestion.

use dateline::load::{Diagnostic, Loaded, Severity, load_str};
use dateline::model::{Color, Kind, NamedColor, Precision, Status};

// ---------------------------------------------------------------- helpers

/// Parties, actors and sources that the events of a test may name.
const CAST: &str = "\
parties:
  - id: us
    name: United States
  - id: hamas
    name: Hamas
actors:
  - id: burns
    name: William Burns
    party: us
  - id: haniyeh
    name: Ismail Haniyeh
    party: hamas
sources:
  - id: reuters
    outlet: Reuters
";

/// A log with the cast above and these events (a YAML list, indented by two).
fn with_events(events: &str) -> String {
    format!("{CAST}events:\n{events}")
}

/// Loads a log that must open; shows every diagnostic when it does not. The cast's actors
/// that a test's events leave out are not what the tests here are about: their "appears in
/// no event" warnings are left out (`an_actor_in_no_event_is_a_warning` tests them).
fn ok(yaml: &str) -> Loaded {
    match load_str("log.yaml", yaml) {
        Ok(mut l) => {
            l.warnings.retain(|w| !is_unused_actor(w));
            l
        }
        Err(r) => {
            let shown: Vec<String> = r.diagnostics.iter().map(|d| d.to_string()).collect();
            panic!(
                "expected the log to open, got:\n{}\n--- log:\n{yaml}",
                shown.join("\n")
            )
        }
    }
}

fn is_unused_actor(d: &Diagnostic) -> bool {
    d.message.contains("appears in no event")
}

/// Loads a log that must not open; returns its errors (warnings apart).
fn errors(yaml: &str) -> Vec<Diagnostic> {
    match load_str("log.yaml", yaml) {
        Ok(_) => panic!("expected errors, the log opened:\n{yaml}"),
        Err(r) => {
            let errs: Vec<Diagnostic> = r.errors().cloned().collect();
            assert!(!errs.is_empty(), "a report with no error");
            assert!(r.diagnostics.iter().all(|d| d.file == "log.yaml"), "{r:?}");
            errs
        }
    }
}

/// The single error of a log that has exactly one.
fn one_error(yaml: &str) -> Diagnostic {
    let errs = errors(yaml);
    assert_eq!(errs.len(), 1, "expected one error, got {errs:#?}");
    errs.into_iter().next().unwrap()
}

/// 1-based line and column of `sub` inside the unique occurrence of `needle` in `yaml`.
fn at(yaml: &str, needle: &str, sub: &str) -> (usize, usize) {
    let start = yaml
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the log"));
    assert_eq!(
        yaml.matches(needle).count(),
        1,
        "{needle:?} is not unique in the log"
    );
    let off = start
        + needle
            .find(sub)
            .unwrap_or_else(|| panic!("{sub:?} not in {needle:?}"));
    let before = &yaml[..off];
    let line = before.matches('\n').count() + 1;
    let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (line, col)
}

/// Asserts where a diagnostic points and what it says.
fn assert_diag(d: &Diagnostic, pos: (usize, usize), path: &str, says: &[&str]) {
    assert_eq!((d.line, d.col), pos, "position of {d:#?}");
    assert_eq!(d.path, path, "path of {d:#?}");
    assert_eq!(d.file, "log.yaml");
    for s in says {
        assert!(d.message.contains(s), "message {:?} lacks {s:?}", d.message);
    }
}

fn help(d: &Diagnostic) -> &str {
    d.help.as_deref().unwrap_or("")
}

/// The ids of the parties who said quote `q` of the first event.
fn said_by(l: &Loaded, q: usize) -> Vec<&str> {
    let log = &l.log;
    log.events[0].quotes[q]
        .said_by(log)
        .iter()
        .map(|&p| log.parties[p].id.as_str())
        .collect()
}

fn ids(l: &Loaded) -> Vec<&str> {
    l.log.events.iter().map(|e| e.id.as_str()).collect()
}

// ---------------------------------------------------------------- identifiers

#[test]
fn ids_of_the_allowed_form_are_accepted() {
    let yaml = "\
parties:
  - id: a
    name: A
  - id: 0day
    name: Zero
  - id: us_gov-2
    name: US government
events: []
";
    let l = ok(yaml);
    let got: Vec<&str> = l.log.parties.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(got, ["a", "0day", "us_gov-2"]);
}

#[test]
fn an_id_not_of_the_allowed_form_is_an_error_with_a_slug_suggested() {
    let yaml = "\
parties:
  - id: Hamas Leaders
    name: Hamas leadership
events: []
";
    let d = one_error(yaml);
    assert_diag(
        &d,
        at(yaml, "id: Hamas Leaders", "Hamas"),
        "parties[0].id",
        &["\"Hamas Leaders\"", "lower-case"],
    );
    assert_eq!(help(&d), r#"did you mean "hamas-leaders"?"#);

    for bad in ["-us", "_us", "U.S.", "é"] {
        let yaml = format!("actors:\n  - id: \"{bad}\"\n    name: X\nevents: []\n");
        let d = one_error(&yaml);
        assert_eq!(d.path, "actors[0].id", "{bad}");
        assert!(d.message.contains("lower-case"), "{bad}: {d:?}");
    }
}

#[test]
fn the_four_namespaces_are_separate() {
    // The same id as a party, an actor, a source and an event.
    let yaml = "\
parties:
  - id: hamas
    name: Hamas
actors:
  - id: hamas
    name: Hamas political bureau
    party: hamas
sources:
  - id: hamas
    outlet: Hamas statement
events:
  - id: hamas
    date: 2024-05-03
    kind: statement
    title: Hamas answers
    actors: [hamas]
    sources: [hamas]
    related: [hamas]
    quotes:
      - text: In a positive spirit.
        speaker: hamas
        party: hamas
        source: hamas
";
    let l = ok(yaml);
    let log = &l.log;
    assert_eq!(log.parties.len(), 1);
    assert_eq!(log.actors.len(), 1);
    assert_eq!(log.sources.len(), 1);
    let e = &log.events[0];
    assert_eq!(e.id, "hamas");
    assert_eq!(log.actors[e.actors[0]].name, "Hamas political bureau");
    assert_eq!(log.sources[e.sources[0]].outlet, "Hamas statement");
    assert_eq!(e.related, [0]);
    assert_eq!(log.parties[e.quotes[0].parties[0]].name, "Hamas");
}

#[test]
fn an_id_of_another_namespace_does_not_resolve() {
    // `us` is a party, not an actor.
    let yaml = with_events(
        "  - date: 2024-05-03
    kind: meeting
    title: Talks
    actors: [burns, us]
",
    );
    let d = one_error(&yaml);
    assert_diag(
        &d,
        at(&yaml, "actors: [burns, us]", "us]"),
        "events[0].actors[1]",
        &["us is a party", "`actors` lists actors"],
    );
    assert!(help(&d).contains("write `parties: [us]`"), "{d:?}");
}

#[test]
fn duplicate_ids_in_one_namespace_are_errors_naming_the_first() {
    for (section, what, plural, fields) in [
        ("parties", "party", "parties", "name: X"),
        ("actors", "actor", "actors", "name: X"),
        ("sources", "source", "sources", "outlet: X"),
    ] {
        let yaml = format!(
            "{section}:\n  - id: dup\n    {fields}\n  - id: ok\n    {fields}\n  - id: dup\n    {fields}\nevents: []\n"
        );
        let d = one_error(&yaml);
        assert_eq!((d.line, d.col), (6, 9), "{d:?}");
        assert_eq!(d.path, format!("{section}[2].id"));
        assert!(
            d.message
                .contains(&format!("{what} id \"dup\" is already used (line 2)")),
            "{d:?}"
        );
        assert!(
            d.message.contains(&format!("unique among {plural}")),
            "{d:?}"
        );
    }

    let yaml = with_events(
        "  - id: talks
    date: 2024-05-03
    kind: meeting
    title: One
  - id: talks
    date: 2024-05-04
    kind: meeting
    title: Two
",
    );
    let d = one_error(&yaml);
    let first_line = at(&yaml, "id: talks\n    date: 2024-05-03", "talks").0;
    assert_diag(
        &d,
        at(&yaml, "id: talks\n    date: 2024-05-04", "talks"),
        "events[1].id",
        &[
            "event id \"talks\" is already used",
            &format!("line {first_line}"),
        ],
    );
}

// ---------------------------------------------------------------- derived ids

#[test]
fn an_event_without_id_gets_one_from_its_date_and_title() {
    let yaml = with_events(
        "  - date: 2024-05-03
    kind: travel
    title: CIA director Burns arrives in Cairo
  - date: 2024-05-03T18:30+03:00
    kind: statement
    title: Hamas sends a delegation, \"in a positive spirit\"
",
    );
    let l = ok(&yaml);
    assert_eq!(
        ids(&l),
        [
            "2024-05-03-cia-director-burns-arrives-in-cairo",
            "2024-05-03-hamas-sends-a-delegation-in-a-positive-spirit",
        ]
    );
    assert!(l.log.events.iter().all(|e| e.id_derived));
}

#[test]
fn colliding_derived_ids_get_2_and_3_in_file_order() {
    let ev = "  - date: 2024-05-03\n    kind: meeting\n    title: Talks\n    summary: {n}\n";
    let yaml = with_events(
        &(1..=3)
            .map(|n| ev.replace("{n}", &n.to_string()))
            .collect::<String>(),
    );
    let l = ok(&yaml);
    let by_summary: Vec<(&str, &str)> = l
        .log
        .events
        .iter()
        .map(|e| (e.summary.as_deref().unwrap(), e.id.as_str()))
        .collect();
    assert_eq!(
        by_summary,
        [
            ("1", "2024-05-03-talks"),
            ("2", "2024-05-03-talks-2"),
            ("3", "2024-05-03-talks-3"),
        ]
    );
}

#[test]
fn derived_ids_are_stable_across_loads() {
    let yaml = with_events(
        "  - date: 2024-05
    kind: proposal
    title: Egypt renews its push
  - date: 2024-05
    kind: proposal
    title: Egypt renews its push
  - date: 2024
    kind: development
    title: Rafah warnings
",
    );
    let first: Vec<String> = ok(&yaml).log.events.into_iter().map(|e| e.id).collect();
    for _ in 0..3 {
        let again: Vec<String> = ok(&yaml).log.events.into_iter().map(|e| e.id).collect();
        assert_eq!(again, first);
    }
    assert!(first.contains(&"2024-05-egypt-renews-its-push-2".to_string()));
}

#[test]
fn a_derived_id_never_takes_a_written_ids_place() {
    // The written id comes later in the file than the event whose derived id it would be.
    let yaml = with_events(
        "  - date: 2024-05-03
    kind: meeting
    title: Talks
    summary: derived
    related: [2024-05-03-talks]
  - id: 2024-05-03-talks
    date: 2024-05-04
    kind: meeting
    title: Other talks
    summary: written
",
    );
    let l = ok(&yaml);
    let derived = &l.log.events[0];
    let written = &l.log.events[1];
    assert_eq!(derived.summary.as_deref(), Some("derived"));
    assert_eq!(derived.id, "2024-05-03-talks-2");
    assert!(derived.id_derived);
    assert_eq!(written.id, "2024-05-03-talks");
    assert!(!written.id_derived);
    // `related` names the written id, so it points at the written event.
    assert_eq!(derived.related, [1]);
}

// ---------------------------------------------------------------- dates

fn event_on(date: &str) -> String {
    with_events(&format!(
        "  - date: {date}\n    kind: meeting\n    title: Talks\n"
    ))
}

#[test]
fn every_precision_is_read_and_kept_as_written() {
    for (written, precision, human) in [
        ("2016", Precision::Year, "2016"),
        ("\"2016\"", Precision::Year, "2016"),
        ("2024-04", Precision::Month, "April 2024"),
        ("2024-05-03", Precision::Day, "Fri 3 May 2024"),
        (
            "2024-05-03T14:05Z",
            Precision::Minute,
            "Fri 3 May 2024 14:05 UTC",
        ),
        (
            "2024-05-03T14:05:09+03:00",
            Precision::Second,
            "Fri 3 May 2024 14:05:09 +03:00",
        ),
        (
            "2024-05-03T09:00-05:30",
            Precision::Minute,
            "Fri 3 May 2024 09:00 -05:30",
        ),
    ] {
        let l = ok(&event_on(written));
        let d = &l.log.events[0].date;
        assert_eq!(d.precision, precision, "{written}");
        assert_eq!(d.written(), written.trim_matches('"'));
        assert_eq!(d.human(), human, "{written}");
    }
}

#[test]
fn a_bare_year_is_the_year_even_though_yaml_reads_a_number() {
    let yaml = "\
sources:
  - id: s
    outlet: Archive
    published: 2016
events:
  - date: 2016
    end: 2017
    kind: development
    title: Earlier rounds
";
    let l = ok(yaml);
    let e = &l.log.events[0];
    assert_eq!(e.date.precision, Precision::Year);
    assert_eq!(e.date.human(), "2016");
    assert_eq!(e.end.unwrap().written(), "2017");
    assert_eq!(l.log.sources[0].published.unwrap().written(), "2016");
}

#[test]
fn a_number_that_is_not_four_digits_is_not_a_year() {
    for bad in ["24", "-2016", "20160"] {
        let yaml = event_on(bad);
        let d = one_error(&yaml);
        assert_diag(
            &d,
            at(&yaml, &format!("date: {bad}"), bad),
            "events[0].date",
            &["YYYY"],
        );
    }
}

#[test]
fn malformed_dates_are_errors_saying_the_forms() {
    for bad in [
        "May 2024",
        "2024-5-3",
        "2024-13",
        "2024-02-30",
        "03/05/2024",
        "2024-05-03T25:00Z",
        "\"\"",
    ] {
        let yaml = event_on(bad);
        let d = one_error(&yaml);
        assert_eq!(d.path, "events[0].date", "{bad}");
        assert_eq!(d.line, at(&yaml, "date:", "date").0, "{bad}");
        assert!(
            d.message.contains("YYYY") || d.message.contains("does not exist"),
            "{bad}: {}",
            d.message
        );
    }
}

#[test]
fn a_date_time_without_offset_is_an_error() {
    let yaml = event_on("2024-05-03T14:05");
    let d = one_error(&yaml);
    assert_diag(
        &d,
        at(&yaml, "date: 2024-05-03T14:05", "2024"),
        "events[0].date",
        &["without an offset or a zone"],
    );
    assert!(
        help(&d).contains("2024-05-03T14:05Z")
            && help(&d).contains("2024-05-03T14:05[Asia/Tehran]"),
        "both ways to name the clock: {d:?}"
    );
    // The same in `end` and `published`.
    let yaml = "\
sources:
  - id: s
    outlet: X
    published: 2024-05-03T10:00
events:
  - date: 2024-05-03T09:00Z
    end: 2024-05-03T11:00
    kind: meeting
    title: Talks
";
    let errs = errors(yaml);
    let paths: Vec<&str> = errs.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(paths, ["sources[0].published", "events[0].end"]);
    assert!(errs.iter().all(|d| d.message.contains("without an offset")));
}

#[test]
fn a_time_is_shown_on_its_own_clock() {
    let yaml = with_events(
        "  - date: 2024-05-03T14:05+03:00
    kind: meeting
    title: Cairo
  - date: 2024-05-03T07:05-04:00
    kind: call
    title: Washington
",
    );
    let l = ok(&yaml);
    let cairo = &l.log.events[l.log.event("2024-05-03-cairo").unwrap()];
    let dc = &l.log.events[l.log.event("2024-05-03-washington").unwrap()];
    // The same instant, each on its own clock.
    assert_eq!(cairo.date.start(), dc.date.start());
    assert_eq!(cairo.date.human_time().as_deref(), Some("14:05 +03:00"));
    assert_eq!(dc.date.human_time().as_deref(), Some("07:05 -04:00"));
    // A date without a time has no clock.
    let l = ok(&event_on("2024-05-03"));
    assert_eq!(l.log.events[0].date.human_time(), None);
}

#[test]
fn events_are_ordered_by_start_instant_then_file_order() {
    // File order deliberately not the timeline order.
    let yaml = with_events(
        "  - date: 2024-05-03T10:00Z
    kind: meeting
    title: timed ten utc
  - date: 2024-05-03
    kind: meeting
    title: day only
  - date: 2024-05-03T01:00+02:00
    kind: call
    title: timed on the second in utc
  - date: 2024-05-01
    kind: meeting
    title: first of may written first
  - date: 2024-05
    kind: meeting
    title: month of may
  - date: 2024
    kind: development
    title: the year
  - date: 2024-05-03T10:00Z
    kind: meeting
    title: timed ten utc again
  - date: 2024-05-03T12:00+02:00
    kind: meeting
    title: same instant other clock
",
    );
    let l = ok(&yaml);
    let titles: Vec<&str> = l.log.events.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "the year",
            // The month sorts at its first day; at one instant the coarser date comes
            // first, so the month's header never follows its first day's.
            "month of may",
            "first of may written first",
            // 01:00 +02:00 is 23:00 UTC on 2 May.
            "timed on the second in utc",
            // Known only by its date: before the timed ones of that day.
            "day only",
            "timed ten utc",
            "timed ten utc again",
            "same instant other clock",
        ]
    );
    // And the order holds for ties the other way round in the file.
    let yaml = with_events(
        "  - date: 2024-05
    kind: meeting
    title: month first in file
  - date: 2024-05-01
    kind: meeting
    title: day second in file
",
    );
    let l = ok(&yaml);
    assert_eq!(l.log.events[0].title, "month first in file");
    // Indices in the log follow the order.
    for (i, e) in l.log.events.iter().enumerate() {
        assert_eq!(l.log.event(&e.id), Some(i));
    }
}

#[test]
fn end_may_not_be_before_date() {
    for (date, end) in [
        ("2024-05-03", "2024-05-03"),
        ("2024-05-03", "2024-05-04"),
        ("2024-05-03T10:00Z", "2024-05-03"),
        ("2024-05-03T10:00Z", "2024-05-03T10:00Z"),
        ("2024-05-03", "2024-05"),
        ("2024-04", "2024-05-02"),
    ] {
        let yaml = with_events(&format!(
            "  - date: {date}\n    end: {end}\n    kind: meeting\n    title: Talks\n"
        ));
        let l = ok(&yaml);
        assert_eq!(l.log.events[0].end.unwrap().written(), end);
    }
    for (date, end) in [
        ("2024-05-03", "2024-05-02"),
        ("2024-05-03T10:00Z", "2024-05-03T09:59Z"),
        ("2024-05", "2024-04"),
        // 10:00 in Cairo is 07:00 UTC: after 08:00 UTC is not, it is before.
        ("2024-05-03T10:00Z", "2024-05-03T10:00+03:00"),
    ] {
        let yaml = with_events(&format!(
            "  - date: {date}\n    end: {end}\n    kind: meeting\n    title: Talks\n"
        ));
        let d = one_error(&yaml);
        assert_diag(
            &d,
            at(&yaml, &format!("end: {end}"), end),
            "events[0].end",
            &["`end`", "before `date`", end],
        );
    }
}

// ---------------------------------------------------------------- references

#[test]
fn every_reference_resolves_when_the_id_exists() {
    let yaml = with_events(
        "  - id: call
    date: 2024-04-04
    kind: call
    title: Call
  - date: 2024-05-03
    kind: statement
    title: Answer
    actors: [haniyeh, burns]
    sources: [reuters]
    related: [call]
    quotes:
      - text: Positive spirit.
        speaker: haniyeh
        source: reuters
      - text: Some progress.
        attribution: a US official
        party: us
        source: reuters
",
    );
    let l = ok(&yaml);
    let log = &l.log;
    let e = &log.events[1];
    let names: Vec<&str> = e
        .actors
        .iter()
        .map(|&a| log.actors[a].id.as_str())
        .collect();
    assert_eq!(names, ["haniyeh", "burns"]);
    assert_eq!(log.sources[e.sources[0]].id, "reuters");
    assert_eq!(log.events[e.related[0]].id, "call");
    assert_eq!(log.events[0].related_by, [1]);
    assert_eq!(log.actors[e.quotes[0].speaker.unwrap()].id, "haniyeh");
    assert_eq!(log.parties[e.quotes[1].parties[0]].id, "us");
    assert_eq!(log.parties[log.actors[0].party.unwrap()].id, "us");
}

#[test]
fn every_unknown_reference_is_an_error_with_the_nearest_id_suggested() {
    let yaml = "\
parties:
  - id: hamas
    name: Hamas
actors:
  - id: haniyeh
    name: Ismail Haniyeh
    party: hamaz
sources:
  - id: reuters
    outlet: Reuters
events:
  - id: talks-begin
    date: 2024-05-03
    kind: meeting
    title: Talks
    actors: [haniyeh, hanieh]
    sources: [reuter]
    related: [talks-begn]
    quotes:
      - text: We are ready.
        speaker: haniye
        party: hammas
        source: reuterz
";
    let errs = errors(yaml);
    let expect = [
        ("party: hamaz", "hamaz", "actors[0].party", "party", "hamas"),
        (
            "[haniyeh, hanieh]",
            "hanieh",
            "events[0].actors[1]",
            "actor",
            "haniyeh",
        ),
        (
            "[reuter]",
            "reuter",
            "events[0].sources[0]",
            "source",
            "reuters",
        ),
        (
            "[talks-begn]",
            "talks-begn",
            "events[0].related[0]",
            "event",
            "talks-begin",
        ),
        (
            "speaker: haniye",
            "haniye",
            "events[0].quotes[0].speaker",
            "actor",
            "haniyeh",
        ),
        (
            "party: hammas",
            "hammas",
            "events[0].quotes[0].party",
            "party",
            "hamas",
        ),
        (
            "source: reuterz",
            "reuterz",
            "events[0].quotes[0].source",
            "source",
            "reuters",
        ),
    ];
    assert_eq!(errs.len(), expect.len(), "{errs:#?}");
    for (needle, id, path, what, suggestion) in expect {
        let d = errs
            .iter()
            .find(|d| d.path == path)
            .unwrap_or_else(|| panic!("no error at {path}: {errs:#?}"));
        assert_diag(
            d,
            at(yaml, needle, id),
            path,
            &[&format!("{what} id \"{id}\""), &format!("no {what}")],
        );
        assert_eq!(help(d), format!("did you mean \"{suggestion}\"?"));
    }
}

#[test]
fn an_unknown_reference_far_from_every_id_gets_no_suggestion() {
    let yaml = with_events(
        "  - date: 2024-05-03\n    kind: meeting\n    title: Talks\n    actors: [sisi]\n",
    );
    let d = one_error(&yaml);
    assert_eq!(d.path, "events[0].actors[0]");
    assert_eq!(d.help, None);
}

#[test]
fn a_quote_needs_a_speaker_or_an_attribution() {
    for who in [
        "speaker: haniyeh",
        "attribution: a Hamas official",
        "speaker: haniyeh\n        attribution: the Hamas chief",
    ] {
        let yaml = with_events(&format!(
            "  - date: 2024-05-03\n    kind: statement\n    title: T\n    quotes:\n      - text: Words.\n        {who}\n        source: reuters\n"
        ));
        ok(&yaml);
    }
    // Neither, or only empty ones.
    for who in ["", "attribution: \"\"\n", "attribution:\n", "speaker: ~\n"] {
        let yaml = with_events(&format!(
            "  - date: 2024-05-03\n    kind: statement\n    title: T\n    quotes:\n      - text: Words.\n        source: reuters\n        {who}"
        ));
        let d = one_error(&yaml);
        assert_diag(
            &d,
            at(&yaml, "- text: Words.", "text"),
            "events[0].quotes[0]",
            &["neither `speaker` nor `attribution`"],
        );
    }
    // A speaker written empty is an error where it is written.
    let yaml = with_events(
        "  - date: 2024-05-03\n    kind: statement\n    title: T\n    quotes:\n      - text: Words.\n        source: reuters\n        speaker: \"\"\n",
    );
    let d = one_error(&yaml);
    assert_diag(
        &d,
        at(&yaml, "speaker: \"\"", "\""),
        "events[0].quotes[0].speaker",
        &["empty"],
    );
}

// ---------------------------------------------------------------- strictness

#[test]
fn an_unknown_key_is_an_error_at_every_level_with_a_suggestion() {
    let yaml = "\
titel: Talks
parties:
  - id: us
    nmae: United States
actors:
  - id: burns
    name: Burns
    rol: CIA director
sources:
  - id: r
    outlet: Reuters
    byline: [A]
    publshed: 2024-05-03
events:
  - date: 2024-05-03
    kind: meeting
    title: Talks
    actor: [burns]
    quotes:
      - text: Words.
        attribution: someone
        source: r
        paraphrased: true
";
    let errs = errors(yaml);
    for (needle, key, path, suggestion) in [
        ("titel: Talks", "titel", "titel", "title"),
        ("nmae:", "nmae", "parties[0].nmae", "name"),
        ("rol:", "rol", "actors[0].rol", "role"),
        ("publshed:", "publshed", "sources[0].publshed", "published"),
        ("actor: [burns]", "actor", "events[0].actor", "actors"),
        (
            "paraphrased:",
            "paraphrased",
            "events[0].quotes[0].paraphrased",
            "paraphrase",
        ),
    ] {
        let d = errs
            .iter()
            .find(|d| d.path == path)
            .unwrap_or_else(|| panic!("no error at {path}: {errs:#?}"));
        assert_diag(
            d,
            at(yaml, needle, key),
            path,
            &[&format!("unknown key `{key}`"), "`x-`"],
        );
        assert_eq!(help(d), format!("did you mean \"{suggestion}\"?"), "{d:?}");
    }
    // `nmae` also leaves the party without its required name.
    assert!(
        errs.iter()
            .any(|d| d.path == "parties[0]" && d.message.contains("no `name`")),
        "{errs:#?}"
    );
}

#[test]
fn a_key_far_from_every_known_key_gets_no_suggestion() {
    let yaml = "events: []\nbananas: 3\n";
    let d = one_error(yaml);
    assert_diag(&d, (2, 1), "bananas", &["unknown key `bananas`"]);
    assert_eq!(d.help, None);
}

#[test]
fn x_keys_are_accepted_and_ignored_at_every_level() {
    let yaml = "\
x-newsroom: {desk: middle-east}
parties:
  - id: us
    name: United States
    x-note: [anything, {at: all}]
actors:
  - id: burns
    name: Burns
    x-phone: 555
sources:
  - id: r
    outlet: Reuters
    x-paywall: true
events:
  - date: 2024-05-03
    kind: meeting
    title: Talks
    x-checked-by: ana
    quotes:
      - text: Words.
        speaker: burns
        source: r
        x-verified: 2024-05-04
";
    let with_x = ok(yaml);
    // The same log with the `x-` lines taken out reads the same (but for line numbers).
    let without: String = yaml
        .lines()
        .filter(|l| !l.trim_start().starts_with("x-"))
        .map(|l| format!("{l}\n"))
        .collect();
    let plain = ok(&without);
    assert!(with_x.warnings.is_empty(), "{:?}", with_x.warnings);
    let unplaced = |l: &Loaded| {
        let mut events = l.log.events.clone();
        for e in &mut events {
            e.origin = Default::default();
            for q in &mut e.quotes {
                q.origin = Default::default();
            }
        }
        events
    };
    assert_eq!(unplaced(&with_x), unplaced(&plain));
    assert_eq!(with_x.log.events[0].quotes[0].text, "Words.");
    assert_eq!(with_x.log.parties.len(), 1);
}

#[test]
fn a_key_given_twice_is_an_error() {
    let yaml =
        with_events("  - date: 2024-05-03\n    kind: meeting\n    title: One\n    title: Two\n");
    let d = one_error(&yaml);
    assert_diag(
        &d,
        at(&yaml, "title: Two", "title"),
        "events[0].title",
        &["given twice", "first on line"],
    );
}

#[test]
fn a_single_string_where_a_list_is_expected_is_an_error() {
    let yaml = "\
actors:
  - id: burns
    name: Burns
    aliases: Bill Burns
sources:
  - id: r
    outlet: Reuters
    byline: Nidal al-Mughrabi
events:
  - date: 2024-05-03
    kind: meeting
    title: Talks
    actors: burns
    topics: ceasefire
    sources: r
    related: other
    quotes: Some words
";
    let errs = errors(yaml);
    for (needle, found, path, of) in [
        (
            "aliases: Bill Burns",
            "Bill Burns",
            "actors[0].aliases",
            "names",
        ),
        ("byline: Nidal", "Nidal", "sources[0].byline", "names"),
        ("actors: burns", "burns", "events[0].actors", "actor ids"),
        (
            "topics: ceasefire",
            "ceasefire",
            "events[0].topics",
            "topics",
        ),
        ("sources: r\n", "r\n", "events[0].sources", "source ids"),
        ("related: other", "other", "events[0].related", "event ids"),
        ("quotes: Some words", "Some", "events[0].quotes", "quotes"),
    ] {
        let d = errs
            .iter()
            .find(|d| d.path == path)
            .unwrap_or_else(|| panic!("no error at {path}: {errs:#?}"));
        assert_diag(
            d,
            at(yaml, needle, found),
            path,
            &[&format!("expected a list of {of}")],
        );
        assert!(help(d).contains('['), "{d:?}");
    }
    assert_eq!(errs.len(), 7, "{errs:#?}");
    // The same written as lists opens.
    let fixed = yaml
        .replace("aliases: Bill Burns", "aliases: [Bill Burns]")
        .replace("byline: Nidal al-Mughrabi", "byline: [Nidal al-Mughrabi]")
        .replace("actors: burns", "actors: [burns]")
        .replace("topics: ceasefire", "topics: [ceasefire]")
        .replace("sources: r", "sources: [r]")
        .replace("related: other", "related: []")
        .replace("quotes: Some words", "quotes: []");
    ok(&fixed);
}

#[test]
fn empty_strings_are_errors_where_a_value_is_required() {
    let yaml = "\
parties:
  - id: us
    name: \"\"
actors:
  - id: burns
    name: \"  \"
    party: us
sources:
  - id: r
    outlet: ''
events:
  - date: 2024-05-03
    kind: meeting
    title: \"\"
  - date: 2024-05-04
    kind: \"\"
    title: Talks
    topics: [\"\"]
    quotes:
      - text: \"\"
        attribution: someone
        source: r
  - id: \"\"
    date: 2024-05-05
    kind: call
    title: Call
    actors: [\"\"]
";
    let errs = errors(yaml);
    let paths: Vec<&str> = errs.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "parties[0].name",
            "actors[0].name",
            "sources[0].outlet",
            "events[0].title",
            "events[1].kind",
            "events[1].topics[0]",
            "events[1].quotes[0].text",
            "events[2].id",
            "events[2].actors[0]",
        ],
        "{errs:#?}"
    );
    for d in &errs {
        assert!(d.message.contains("empty"), "{d:?}");
    }
    assert_eq!((errs[0].line, errs[0].col), at(yaml, "name: \"\"", "\""));
    // Optional text may be left out entirely.
    ok("events:\n  - date: 2024-05-03\n    kind: call\n    title: Call\n");
}

#[test]
fn a_required_key_left_out_is_an_error_naming_it() {
    let yaml = "parties:\n  - id: us\nevents:\n  - date: 2024-05-03\n    title: Talks\n";
    let errs = errors(yaml);
    assert_eq!(errs.len(), 2, "{errs:#?}");
    assert_diag(&errs[0], (2, 5), "parties[0]", &["no `name`", "required"]);
    assert_diag(&errs[1], (4, 5), "events[0]", &["no `kind`", "required"]);
    // `events` may be left out of a file of parties, actors or sources; not of one with none.
    ok("parties:\n  - {id: us, name: United States}\n");
    let d = one_error("title: A log without events\n");
    assert_diag(
        &d,
        (1, 1),
        "",
        &["none of `events`, `parties`, `actors`, `sources`"],
    );
}

#[test]
fn the_format_version_is_1_or_absent() {
    ok("dateline: 1\nevents: []\n");
    ok("events: []\n");
    let yaml = "dateline: 2\nevents: []\n";
    let d = one_error(yaml);
    assert_diag(
        &d,
        (1, 11),
        "dateline",
        &["found the number 2", "expected 1"],
    );
}

#[test]
fn a_version_written_as_other_tools_write_it_points_to_dateline_1() {
    for key in ["format", "version"] {
        let d = one_error(&format!("{key}: 1\nevents: []\n"));
        assert!(d.message.contains(&format!("unknown key `{key}`")), "{d:?}");
        assert_eq!(
            d.help.as_deref(),
            Some("the format version is written `dateline: 1`")
        );
    }
}

#[test]
fn values_have_the_types_of_the_format() {
    let yaml = "\
title: [a, list]
parties: {us: United States}
events:
  - date: [2024]
    kind: meeting
    status: happened
    title: {a: b}
  - date: 2024-05-03
    kind: meting
    title: Talks
    quotes:
      - text: Words.
        attribution: x
        source: r
        paraphrase: yes
";
    let errs = errors(yaml);
    let got: Vec<(&str, &str)> = errs
        .iter()
        .map(|d| (d.path.as_str(), d.help.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        got,
        [
            ("title", ""),
            ("parties", ""),
            ("events[0].date", ""),
            ("events[0].status", "closest in meaning: `status: occurred`"),
            ("events[0].title", ""),
            ("events[1].kind", "did you mean \"meeting\"?"),
            ("events[1].quotes[0].source", ""),
            ("events[1].quotes[0].paraphrase", "did you mean \"true\"?"),
        ],
        "{errs:#?}"
    );
    assert!(errs[0].message.contains("found a list, expected text"));
    assert!(
        errs[1]
            .message
            .contains("found a mapping, expected a list of parties")
    );
    assert!(errs[3].message.contains("\"happened\""));
    assert!(
        errs[3]
            .message
            .contains("occurred | expected | cancelled | disputed")
    );
    assert!(errs[5].message.contains("meeting | call | statement"));
    assert!(errs[7].message.contains("expected true or false"));
    assert_diag(
        &errs[7],
        at(yaml, "paraphrase: yes", "yes"),
        "events[1].quotes[0].paraphrase",
        &["\"yes\""],
    );
}

#[test]
fn kinds_statuses_and_booleans_read_as_written() {
    for kind in Kind::ALL {
        for status in Status::ALL {
            let yaml = with_events(&format!(
                "  - date: 2024-05-03\n    kind: {}\n    status: {}\n    title: T\n    quotes:\n      - text: w\n        speaker: burns\n        source: reuters\n        paraphrase: true\n",
                kind.as_str(),
                status.as_str()
            ));
            let l = ok(&yaml);
            let e = &l.log.events[0];
            assert_eq!((e.kind, e.status), (kind, status));
            assert!(e.quotes[0].paraphrase);
        }
    }
    let l = ok(&event_on("2024-05-03"));
    assert_eq!(l.log.events[0].status, Status::Occurred, "the default");
}

#[test]
fn colours_are_hex_or_terminal_names() {
    let yaml = "\
parties:
  - id: a
    name: A
    color: \"#3b82f6\"
  - id: b
    name: B
    color: light-blue
  - id: c
    name: C
    color: magenta
  - id: d
    name: D
events: []
";
    let l = ok(yaml);
    let colours: Vec<Option<Color>> = l.log.parties.iter().map(|p| p.color).collect();
    assert_eq!(
        colours,
        [
            Some(Color::Rgb(0x3b, 0x82, 0xf6)),
            Some(Color::Named(NamedColor::LightBlue)),
            Some(Color::Named(NamedColor::Magenta)),
            None,
        ]
    );
    for bad in ["purple", "\"#12345\"", "\"#3b82fg\"", "\"3b82f6\""] {
        let yaml = format!("parties:\n  - id: a\n    name: A\n    color: {bad}\nevents: []\n");
        let d = one_error(&yaml);
        assert_diag(
            &d,
            (4, 12),
            "parties[0].color",
            &[&format!("colour \"{}\"", bad.trim_matches('"')), "#rrggbb"],
        );
    }
}

#[test]
fn a_title_is_one_line() {
    let yaml = with_events(
        "  - date: 2024-05-03\n    kind: meeting\n    title: |\n      Two\n      lines\n",
    );
    let d = one_error(&yaml);
    assert_eq!(d.path, "events[0].title");
    assert!(d.message.contains("one line"), "{d:?}");
}

// ---------------------------------------------------------------- warnings

#[test]
fn a_quote_without_source_is_a_warning_not_an_error() {
    // The event lists two sources: the quote cannot take "the" event's source.
    let yaml = with_events(
        "  - date: 2024-05-03\n    kind: statement\n    title: T\n    sources: [reuters, reuters]\n    quotes:\n      - text: Words.\n        speaker: burns\n",
    );
    let l = ok(&yaml);
    assert_eq!(l.log.quote_count(), 1);
    assert_eq!(l.log.events[0].quotes[0].source, None);
    assert_eq!(l.warnings.len(), 1, "{:?}", l.warnings);
    let w = &l.warnings[0];
    assert_eq!(w.severity, Severity::Warning);
    assert_diag(
        w,
        at(&yaml, "- text: Words.", "text"),
        "events[0].quotes[0]",
        &["without `source`"],
    );
    // `source:` with nothing after it is no source either.
    let yaml = yaml.replace("speaker: burns\n", "speaker: burns\n        source:\n");
    let l = ok(&yaml);
    assert_eq!(l.warnings.len(), 1, "{:?}", l.warnings);
    assert!(l.warnings[0].message.contains("without `source`"));
    // With a source, no warning.
    let yaml = yaml.replace("source:\n", "source: reuters\n");
    assert!(ok(&yaml).warnings.is_empty());
}

#[test]
fn control_characters_in_text_are_a_warning() {
    let yaml = with_events(
        "  - date: 2024-05-03\n    kind: statement\n    title: \"Burns \\e[31m arrives\"\n    summary: \"bidi \\u202E override\"\n    sources: [reuters]\n    quotes:\n      - text: \"bell \\a\"\n        speaker: burns\n",
    );
    let l = ok(&yaml);
    let paths: Vec<&str> = l.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "events[0].title",
            "events[0].summary",
            "events[0].quotes[0].text"
        ]
    );
    for w in &l.warnings {
        assert_eq!(w.severity, Severity::Warning);
        assert!(w.message.contains("control characters"), "{w:?}");
    }
    assert_eq!(l.warnings[0].line, at(&yaml, "title: \"Burns", "\"").0);
    // The text is kept as written (escaping is for display).
    assert!(l.log.events[0].title.contains('\u{1b}'));
    // Line breaks and tabs in a multi-line summary are not control characters to warn of.
    let yaml = with_events(
        "  - date: 2024-05-03\n    kind: statement\n    title: T\n    summary: \"one\\n\\ttwo\"\n    sources: [reuters]\n",
    );
    assert!(ok(&yaml).warnings.is_empty());
}

#[test]
fn warnings_are_listed_apart_from_errors() {
    // A log with both: the report gives errors first, then the warnings.
    let yaml = with_events(
        "  - date: 2024-05-03\n    kind: statement\n    title: \"\\e\"\n    sources: [reuters, reuters]\n    quotes:\n      - text: w\n        speaker: nobody\n",
    );
    let r = load_str("log.yaml", &yaml).unwrap_err();
    let sev: Vec<Severity> = r
        .diagnostics
        .iter()
        .filter(|d| !is_unused_actor(d))
        .map(|d| d.severity)
        .collect();
    assert_eq!(
        sev,
        [Severity::Error, Severity::Warning, Severity::Warning],
        "{r:#?}"
    );
    assert_eq!(r.error_count(), 1);
}

// ---------------------------------------------------------------- all errors at once

#[test]
fn all_errors_of_a_file_are_reported_at_once() {
    let yaml = with_events(
        "  - date: 2024-05-03
    kind: meting
    title: Talks
    locaton: Cairo
    actors: [burnz]
  - date: 2024-05-04T10:00
    kind: call
    title: Call
  - date: 2024-05-05
    kind: statement
    title: Statement
    quotes:
      - text: Words.
        speaker: haniyeh
        source: reuters
        paraphrase: yes
",
    );
    let errs = errors(&yaml);
    let paths: Vec<&str> = errs.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "events[0].kind",
            "events[0].locaton",
            "events[0].actors[0]",
            "events[1].date",
            "events[2].quotes[0].paraphrase",
        ],
        "{errs:#?}"
    );
    // In line order, each with its own line.
    let lines: Vec<usize> = errs.iter().map(|d| d.line).collect();
    let mut sorted = lines.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(lines, sorted);
}

#[test]
fn an_event_with_a_bad_date_still_has_its_references_checked() {
    let yaml = with_events(
        "  - id: talks\n    date: 3 May\n    kind: meeting\n    title: Talks\n    actors: [burnz]\n  - date: 2024-05-04\n    kind: call\n    title: Call\n    related: [talks]\n",
    );
    let errs = errors(&yaml);
    let paths: Vec<&str> = errs.iter().map(|d| d.path.as_str()).collect();
    // The bad date, and the unknown actor; `related: [talks]` names an event that exists.
    assert_eq!(
        paths,
        ["events[0].date", "events[0].actors[0]"],
        "{errs:#?}"
    );
}

#[test]
fn a_party_with_an_empty_name_is_still_known_by_its_id() {
    let yaml = "parties:\n  - id: us\n    name: \"\"\nactors:\n  - id: burns\n    name: Burns\n    party: us\nevents: []\n";
    let d = one_error(yaml);
    assert_eq!(d.path, "parties[0].name");
}

// ---------------------------------------------------------------- null and years

#[test]
fn null_is_absent_for_every_optional_key() {
    let with_nulls = ok("\
title: ~
description: ~
parties:
  - {id: p, name: P, color: ~}
actors:
  - {id: a, name: A, party: ~, role: ~, aliases: ~}
sources:
  - {id: s, outlet: O, title: ~, url: ~, published: ~, byline: ~}
events:
  - id: ~
    date: 2024-05-03
    end: ~
    date_note: ~
    kind: meeting
    status: ~
    title: T
    summary: ~
    location: ~
    actors: ~
    topics: ~
    sources: ~
    related: ~
    quotes:
      - {text: Q, speaker: a, attribution: ~, party: ~, source: s, paraphrase: ~}
");
    let without = ok("\
parties:
  - {id: p, name: P}
actors:
  - {id: a, name: A}
sources:
  - {id: s, outlet: O}
events:
  - date: 2024-05-03
    kind: meeting
    title: T
    quotes:
      - {text: Q, speaker: a, source: s}
");
    let (a, b) = (&with_nulls.log.events[0], &without.log.events[0]);
    assert_eq!(a.status, Status::Occurred);
    assert_eq!(a.end, None);
    assert_eq!((a.status, &a.end, &a.id), (b.status, &b.end, &b.id));
    assert_eq!(with_nulls.log.sources[0].published, None);
    // Where a key is required, null is still an error.
    for (key, says) in [
        ("date", "found nothing, expected"),
        ("kind", "expected a value"),
        ("title", "expected a value"),
    ] {
        let event = format!("  - {{date: 2024-05-03, kind: meeting, title: T, {key}: ~}}\n")
            .replacen(&format!("{key}: "), "x-was: ", 1);
        let errs = errors(&with_events(&event));
        assert!(
            errs.iter().any(|e| e.message.contains(says)),
            "{key}: {errs:?}"
        );
    }
}

#[test]
fn years_outside_1_to_9999_are_refused_with_a_clear_error() {
    for (date, says) in [
        (
            "0000-05-03",
            "there is no year 0, expected a year from 0001 to 9999",
        ),
        (
            "\"0001-01-01T00:30+01:00\"",
            "in UTC that instant falls in the year 0",
        ),
        (
            "\"9999-12-31T23:30-01:00\"",
            "in UTC that instant falls in the year 10000",
        ),
    ] {
        let errs = errors(&with_events(&format!(
            "  - {{date: {date}, kind: meeting, title: T}}\n"
        )));
        assert!(errs[0].message.contains(says), "{date}: {errs:?}");
        assert_eq!(errs[0].path, "events[0].date");
    }
    let log = ok(&with_events(
        "  - {date: 0001, kind: meeting, title: First}\n  - {date: 9999-12-31, kind: meeting, title: Last}\n",
    ))
    .log;
    let json = dateline::export::json::events(&log, &[0, 1]);
    assert!(
        json.contains("\"start\": \"0001-01-01T00:00:00Z\""),
        "{json}"
    );
}

// ---------------------------------------------------------------- revision 2: who said it

#[test]
fn an_event_names_parties_involved_with_no_actor() {
    let yaml = with_events(
        "  - date: 2024-05-03\n    kind: development\n    title: Both sides gave ground\n    parties: [hamas, us]\n    sources: [reuters]\n",
    );
    let l = ok(&yaml);
    let e = &l.log.events[0];
    let ids: Vec<&str> = e
        .parties
        .iter()
        .map(|&p| l.log.parties[p].id.as_str())
        .collect();
    // In log order, whatever the order written.
    assert_eq!(ids, ["us", "hamas"]);
    assert_eq!(e.named_parties.len(), 2);
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

#[test]
fn the_parties_an_event_involves_come_from_every_place_that_names_one() {
    let yaml = concat!(
        "parties:\n  - {id: a, name: A}\n  - {id: b, name: B}\n  - {id: c, name: C}\n  - {id: d, name: D}\n  - {id: e, name: E}\n",
        "actors:\n  - {id: actor-b, name: Bee, party: b}\n  - {id: speaker-c, name: Cee, party: c}\n",
        "sources:\n  - {id: s, outlet: S}\n",
        "events:\n  - date: 2024-05-03\n    kind: meeting\n    title: T\n    parties: [a]\n    actors: [actor-b]\n    sources: [s]\n    quotes:\n      - text: w\n        speaker: speaker-c\n      - text: v\n        attribution: officials\n        party: [d, e]\n"
    );
    let l = ok(yaml);
    let e = &l.log.events[0];
    let ids: Vec<&str> = e
        .parties
        .iter()
        .map(|&p| l.log.parties[p].id.as_str())
        .collect();
    assert_eq!(ids, ["a", "b", "c", "d", "e"]);
}

#[test]
fn an_events_parties_must_exist_and_be_a_list() {
    let yaml = with_events(
        "  - date: 2024-05-03\n    kind: development\n    title: T\n    parties: [us, hamaz]\n    sources: [reuters]\n",
    );
    let d = one_error(&yaml);
    assert_diag(
        &d,
        at(&yaml, "parties: [us, hamaz]", "hamaz"),
        "events[0].parties[1]",
        &["found the party id \"hamaz\", which no party in the log has"],
    );
    assert_eq!(help(&d), "did you mean \"hamas\"?");
    let yaml = with_events(
        "  - date: 2024-05-03\n    kind: development\n    title: T\n    parties: us\n    sources: [reuters]\n",
    );
    let d = one_error(&yaml);
    assert_eq!(d.path, "events[0].parties");
    assert!(d.message.contains("expected a list of party ids"), "{d:?}");
    assert_eq!(help(&d), "write a list, even of one: [us]");
}

#[test]
fn a_quote_may_be_said_by_several_parties() {
    let yaml = with_events(
        "  - date: 2024-05-03\n    kind: statement\n    title: Joint statement\n    sources: [reuters]\n    quotes:\n      - text: Together.\n        attribution: a joint statement\n        party: [us, hamas, us]\n      - text: Alone.\n        attribution: an official\n        party: hamas\n",
    );
    let l = ok(&yaml);
    let said = |q: usize| said_by(&l, q);
    // As written, each once.
    assert_eq!(said(0), ["us", "hamas"]);
    assert_eq!(said(1), ["hamas"]);
}

#[test]
fn a_quotes_party_is_an_id_or_a_list_of_ids_that_exist() {
    let quote = |party: &str| {
        with_events(&format!(
            "  - date: 2024-05-03\n    kind: statement\n    title: T\n    sources: [reuters]\n    quotes:\n      - text: w\n        attribution: officials\n        party: {party}\n"
        ))
    };
    let yaml = quote("[us, hamaz]");
    let d = one_error(&yaml);
    assert_diag(
        &d,
        at(&yaml, "party: [us, hamaz]", "hamaz"),
        "events[0].quotes[0].party[1]",
        &["found the party id \"hamaz\""],
    );
    assert_eq!(help(&d), "did you mean \"hamas\"?");
    let yaml = quote("{us: yes}");
    let d = one_error(&yaml);
    assert_eq!(d.path, "events[0].quotes[0].party");
    assert!(
        d.message
            .contains("found a mapping, expected a party id or a list of party ids"),
        "{d:?}"
    );
    let yaml = quote("[United States]");
    let d = one_error(&yaml);
    assert_eq!(d.path, "events[0].quotes[0].party[0]");
    assert!(d.message.contains("expected lower-case letters"), "{d:?}");
}

#[test]
fn who_said_it_is_the_quotes_party_else_its_speakers() {
    let yaml = with_events(
        "  - date: 2024-05-03\n    kind: statement\n    title: T\n    sources: [reuters]\n    quotes:\n      - text: Own words.\n        speaker: haniyeh\n      - text: Jointly.\n        speaker: haniyeh\n        party: [us, hamas]\n      - text: Nobody's.\n        attribution: a diplomat\n",
    );
    let l = ok(&yaml);
    let said = |q: usize| said_by(&l, q);
    assert_eq!(said(0), ["hamas"]);
    // (rev. 3: a quote's own party must include its speaker's; see revision3.rs.)
    assert_eq!(said(1), ["us", "hamas"]);
    assert!(said(2).is_empty());
}

#[test]
fn a_quote_without_source_takes_the_events_only_source() {
    let yaml = format!(
        "{CAST}  - id: axios\n    outlet: Axios\nevents:\n  - date: 2024-05-03\n    kind: statement\n    title: T\n    sources: [reuters]\n    quotes:\n      - text: Taken.\n        speaker: burns\n      - text: Own.\n        speaker: burns\n        source: axios\n"
    );
    let l = ok(&yaml);
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
    let log = &l.log;
    let source = |q: usize| {
        log.sources[log.events[0].quotes[q].source.unwrap()]
            .id
            .as_str()
    };
    assert_eq!(source(0), "reuters");
    assert_eq!(source(1), "axios");
}

#[test]
fn an_event_with_no_source_at_all_is_a_warning() {
    let yaml = with_events("  - date: 2024-05-03\n    kind: meeting\n    title: Talks\n");
    let l = ok(&yaml);
    assert_eq!(l.warnings.len(), 1, "{:?}", l.warnings);
    assert_diag(
        &l.warnings[0],
        at(&yaml, "- date: 2024-05-03", "date"),
        "events[0]",
        &["an event with no source"],
    );
    assert_eq!(l.warnings[0].severity, Severity::Warning);
    // A source on one of its quotes is a source.
    let yaml = with_events(
        "  - date: 2024-05-03\n    kind: meeting\n    title: Talks\n    quotes:\n      - text: w\n        speaker: burns\n        source: reuters\n",
    );
    assert!(ok(&yaml).warnings.is_empty());
}

#[test]
fn translated_is_true_or_false() {
    let quote = |v: &str| {
        with_events(&format!(
            "  - date: 2024-05-03\n    kind: statement\n    title: T\n    sources: [reuters]\n    quotes:\n      - text: w\n        speaker: burns\n        translated: {v}\n"
        ))
    };
    assert!(ok(&quote("true")).log.events[0].quotes[0].translated);
    assert!(!ok(&quote("false")).log.events[0].quotes[0].translated);
    let without = with_events(
        "  - date: 2024-05-03\n    kind: statement\n    title: T\n    sources: [reuters]\n    quotes:\n      - text: w\n        speaker: burns\n",
    );
    assert!(!ok(&without).log.events[0].quotes[0].translated);
    let yaml = quote("yes");
    let d = one_error(&yaml);
    assert_diag(
        &d,
        at(&yaml, "translated: yes", "yes"),
        "events[0].quotes[0].translated",
        &["expected true or false"],
    );
    assert_eq!(help(&d), "did you mean \"true\"?");
}

#[test]
fn misspelt_revision_2_keys_are_errors_with_a_suggestion() {
    let yaml = with_events(
        "  - date: 2024-05-03\n    kind: statement\n    title: T\n    partys: [us]\n    sources: [reuters]\n    quotes:\n      - text: w\n        speaker: burns\n        translate: true\n",
    );
    let errs = errors(&yaml);
    let got: Vec<(&str, &str)> = errs.iter().map(|d| (d.path.as_str(), help(d))).collect();
    assert_eq!(
        got,
        [
            ("events[0].partys", "did you mean \"parties\"?"),
            (
                "events[0].quotes[0].translate",
                "did you mean \"translated\"?"
            ),
        ]
    );
}

/// In a `{…}` mapping a comma ends the value: `role: vice premier, lead negotiator` gives
/// a key `lead negotiator`. The unknown key says why, and to quote the value; the same
/// words in a block mapping, a key on its own line, are not taken for one.
#[test]
fn a_comma_in_a_flow_mapping_value_says_to_quote_it() {
    let yaml = "parties: [{id: cn, name: China}]\nactors:\n  - {id: he, name: He Lifeng, party: cn, role: vice premier, lead negotiator}\nevents: []\n";
    let d = one_error(yaml);
    assert_eq!(d.path, "actors[0].lead negotiator");
    assert_eq!(
        help(&d),
        "in a `{…}` mapping a comma separates keys, so `lead negotiator` was read as a key of its own: quote the value, `role: \"vice premier, lead negotiator\"`"
    );
    let block = "actors:\n  - id: he\n    name: He Lifeng\n    role: vice premier\n    lead negotiator:\nevents: []\n";
    assert!(!help(&one_error(block)).contains("comma"));
    ok(
        "actors:\n  - {id: he, name: He Lifeng, role: \"vice premier, lead negotiator\"}\nevents: []\n",
    );
}

/// An actor who takes part in no event and says no quote gets a warning at the actor (a
/// leftover, or someone the writer meant to add): the log still opens. Named in `actors`
/// or as a quote's `speaker`, in any file of the log, is taking part.
#[test]
fn an_actor_in_no_event_is_a_warning() {
    let yaml = with_events(
        "  - date: 2024-05-03\n    kind: meeting\n    title: Talks\n    sources: [reuters]\n    actors: [burns]\n",
    );
    let loaded = load_str("log.yaml", &yaml).unwrap();
    let warnings: Vec<&Diagnostic> = loaded
        .warnings
        .iter()
        .filter(|d| d.message.contains("appears in no event"))
        .collect();
    assert_eq!(warnings.len(), 1, "{:#?}", loaded.warnings);
    let w = warnings[0];
    assert_eq!(w.severity, Severity::Warning);
    assert_eq!(w.path, "actors[1]");
    assert_eq!((w.line, w.col), at(&yaml, "id: haniyeh", "haniyeh"));
    assert!(
        w.message
            .starts_with("the actor `haniyeh` appears in no event"),
        "{w}"
    );
    // A speaker takes part too.
    let spoken = with_events(
        "  - date: 2024-05-03\n    kind: meeting\n    title: Talks\n    sources: [reuters]\n    actors: [burns]\n    quotes:\n      - {text: Yes, speaker: haniyeh}\n",
    );
    let spoken = load_str("log.yaml", &spoken).unwrap();
    assert!(
        !spoken.warnings.iter().any(is_unused_actor),
        "{:?}",
        spoken.warnings
    );
}
