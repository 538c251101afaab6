//! The text edits on logs in every style the format allows: each planned change checked
//! byte for byte, and the result loaded back.

use super::*;

fn files(text: &str) -> LogFiles {
    LogFiles {
        paths: vec![PathBuf::from("t.yaml")],
        hashes: vec![atomic::hash(text.as_bytes())],
        texts: vec![text.to_string()],
    }
}

/// The file's text after `change`, which must load.
fn after(text: &str, change: Change) -> String {
    let log = load::load_str("t.yaml", text).expect("the log loads").log;
    let plan = plan(&log, &files(text), &change).expect("planned");
    if let Err(r) = load::load_str("t.yaml", &plan.text) {
        panic!(
            "the result does not load: {:?}\n{}",
            r.diagnostics, plan.text
        );
    }
    plan.text
}

fn event(date: &str, title: &str) -> Change {
    Change::Event(NewEvent {
        date: date.into(),
        kind: "meeting".into(),
        title: title.into(),
        ..NewEvent::default()
    })
}

const BLOCK: &str = "\
# talks
parties:
  - id: us
    name: United States   # the one side
events:
  - id: a
    date: 2024-05-01
    kind: call
    title: First
    topics:
      - ceasefire

  # the second week
  - id: c
    date: 2024-05-09
    kind: call
    title: Third
";

#[test]
fn a_new_event_goes_at_its_date_in_the_files_layout() {
    let out = after(BLOCK, event("2024-05-03", "Second: the reply"));
    assert_eq!(
        out,
        BLOCK.replace(
            "      - ceasefire\n",
            "      - ceasefire\n\n  - id: 2024-05-03-second-the-reply\n    date: 2024-05-03\n    kind: meeting\n    title: \"Second: the reply\"\n"
        )
    );
    let first = after(BLOCK, event("2024-04-01", "Zero"));
    assert!(first.contains("events:\n  - id: 2024-04-01-zero\n    date: 2024-04-01\n    kind: meeting\n    title: Zero\n\n  - id: a\n"), "{first}");
}

#[test]
fn block_lists_inside_items_stay_block_lists() {
    let out = after(
        BLOCK,
        Change::Event(NewEvent {
            date: "2024-05-10".into(),
            kind: "call".into(),
            title: "Fourth".into(),
            parties: vec!["us".into()],
            ..NewEvent::default()
        }),
    );
    assert!(out.ends_with("    title: Third\n\n  - id: 2024-05-10-fourth\n    date: 2024-05-10\n    kind: call\n    title: Fourth\n    parties:\n      - us\n"), "{out}");
}

#[test]
fn flow_lists_get_a_flow_item() {
    let text = "parties: [{id: us, name: US}]\nevents: [{id: a, date: 2024-05-01, kind: call, title: A}, {id: b, date: 2024-05-09, kind: call, title: B}]";
    let out = after(
        text,
        Change::Event(NewEvent {
            date: "2024-05-03".into(),
            kind: "call".into(),
            title: "Mid, in Doha".into(),
            parties: vec!["us".into()],
            ..NewEvent::default()
        }),
    );
    assert_eq!(
        out,
        "parties: [{id: us, name: US}]\nevents: [{id: a, date: 2024-05-01, kind: call, title: A}, {id: 2024-05-03-mid-in-doha, date: 2024-05-03, kind: call, title: \"Mid, in Doha\", parties: [us]}, {id: b, date: 2024-05-09, kind: call, title: B}]"
    );
    let empty = after("events: []\n", event("2024-05-03", "X"));
    assert_eq!(
        empty,
        "events: [{id: 2024-05-03-x, date: 2024-05-03, kind: meeting, title: X}]\n"
    );
}

#[test]
fn crlf_and_a_missing_final_line_break_are_kept() {
    let text = "events:\r\n  - id: a\r\n    date: 2024-05-01\r\n    kind: call\r\n    title: A";
    let out = after(text, event("2024-05-03", "B"));
    assert_eq!(
        out,
        format!(
            "{text}\r\n  - id: 2024-05-03-b\r\n    date: 2024-05-03\r\n    kind: meeting\r\n    title: B"
        )
    );
}

#[test]
fn comments_tabs_and_other_scripts_around_the_item_stay() {
    let text = "events: # the list\n- id: a\t\n  date: 2024-05-01  #\tnote\n  kind: call\n  title: Réunion à l'Élysée   # حماس\n# between\n- id: b\n  date: 2024-05-09\n  kind: call\n  title: B\n";
    let out = after(text, event("2024-05-02", "Über 東京"));
    assert_eq!(
        out,
        text.replace(
            "# حماس\n",
            "# حماس\n- id: 2024-05-02-uber\n  date: 2024-05-02\n  kind: meeting\n  title: Über 東京\n"
        )
    );
}

#[test]
fn a_missing_section_is_made_before_the_events() {
    let text =
        "title: T\n\nevents:\n  - id: a\n    date: 2024-05-01\n    kind: call\n    title: A\n";
    let out = after(
        text,
        Change::Source(NewSource {
            outlet: "Reuters".into(),
            published: Some("2024-05-01".into()),
            ..NewSource::default()
        }),
    );
    assert_eq!(
        out,
        "title: T\n\nsources:\n  - id: reuters-2024-05-01\n    outlet: Reuters\n    published: 2024-05-01\n\nevents:\n  - id: a\n    date: 2024-05-01\n    kind: call\n    title: A\n"
    );
    let none = after("title: T\nparties: []\n", event("2024-05-01", "A"));
    assert_eq!(
        none,
        "title: T\nparties: []\nevents:\n  - id: 2024-05-01-a\n    date: 2024-05-01\n    kind: meeting\n    title: A\n"
    );
}

#[test]
fn a_status_is_replaced_or_added_after_the_kind() {
    let set = |text: &str, status| {
        after(
            text,
            Change::Status {
                event: "a".into(),
                status,
            },
        )
    };
    let text =
        "events:\n  - id: a\n    date: 2024-05-01\n    kind: call # by phone\n    title: A\n";
    assert_eq!(
        set(text, Status::Cancelled),
        text.replace("# by phone\n", "# by phone\n    status: cancelled\n")
    );
    let with = "events:\n  - id: a\n    date: 2024-05-01\n    kind: call\n    status: 'expected'   # so they say\n    title: A\n";
    assert_eq!(
        set(with, Status::Occurred),
        with.replace("'expected'", "occurred")
    );
    let flow = "events: [{id: a, date: 2024-05-01, kind: call, title: A}]\n";
    assert_eq!(
        set(flow, Status::Disputed),
        "events: [{id: a, date: 2024-05-01, kind: call, status: disputed, title: A}]\n"
    );
}

#[test]
fn a_quote_is_added_to_the_events_quotes_or_starts_them() {
    let q = |text: &str| {
        after(
            text,
            Change::Quote(NewQuote {
                event: "a".into(),
                text: "We are: close".into(),
                attribution: Some("an official".into()),
                ..NewQuote::default()
            }),
        )
    };
    let none = "events:\n  - id: a\n    date: 2024-05-01\n    kind: call\n    title: A\n  - id: b\n    date: 2024-05-02\n    kind: call\n    title: B\n";
    assert_eq!(
        q(none),
        none.replace(
            "title: A\n",
            "title: A\n    quotes:\n      - text: \"We are: close\"\n        attribution: an official\n"
        )
    );
    let some = "events:\n- id: a\n  date: 2024-05-01\n  kind: call\n  title: A\n  quotes:\n  - text: hi\n    attribution: x\n";
    assert_eq!(
        q(some),
        format!("{some}  - text: \"We are: close\"\n    attribution: an official\n")
    );
    let flow = "events: [{id: a, date: 2024-05-01, kind: call, title: A}]\n";
    assert_eq!(
        q(flow),
        "events: [{id: a, date: 2024-05-01, kind: call, title: A, quotes: [{text: \"We are: close\", attribution: an official}]}]\n"
    );
}

#[test]
fn an_unknown_event_is_refused_with_the_closest_id() {
    let log = load::load_str("t.yaml", BLOCK).unwrap().log;
    let err = plan(
        &log,
        &files(BLOCK),
        &Change::Status {
            event: "cc".into(),
            status: Status::Expected,
        },
    )
    .unwrap_err();
    assert!(
        err.message.contains("did you mean \"c\"?") || err.message.contains("did you mean \"a\"?"),
        "{}",
        err.message
    );
}

/// A log on disk in a fresh folder.
fn on_disk(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.yaml");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

fn write_change(path: &Path, change: Change) -> Result<Written, Refusal> {
    let limits = Limits::default();
    let files = LogFiles::read(&[path.to_path_buf()], &limits)?;
    let log = files.load(&limits).unwrap().log;
    let plan = plan(&log, &files, &change)?;
    commit(&files, plan, &limits)
}

#[test]
fn someone_elses_edit_wins() {
    let (_dir, path) = on_disk(BLOCK);
    let limits = Limits::default();
    let files = LogFiles::read(std::slice::from_ref(&path), &limits).unwrap();
    let log = files.load(&limits).unwrap().log;
    let plan = plan(&log, &files, &event("2024-05-03", "B")).unwrap();
    let theirs = format!("{BLOCK}# mine\n");
    std::fs::write(&path, &theirs).unwrap();
    let err = commit(&files, plan, &limits).unwrap_err();
    assert!(err.message.contains("changed on disk"), "{}", err.message);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
}

#[test]
fn a_change_that_would_not_check_is_not_written() {
    let (_dir, path) = on_disk(BLOCK);
    let err = write_change(
        &path,
        Change::Event(NewEvent {
            date: "2024-05-03".into(),
            kind: "call".into(),
            title: "B".into(),
            parties: vec!["usa".into()],
            ..NewEvent::default()
        }),
    )
    .unwrap_err();
    assert!(
        err.diagnostics
            .iter()
            .any(|d| d.help.as_deref() == Some("did you mean \"us\"?")),
        "{:?}",
        err.diagnostics
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), BLOCK);
    assert!(
        std::fs::read_dir(path.parent().unwrap()).unwrap().count() == 1,
        "no temporary file is left"
    );
}

#[cfg(unix)]
#[test]
fn the_write_keeps_the_mode_and_goes_through_a_link() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, path) = on_disk(BLOCK);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("link.yaml");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    let w = write_change(&link, event("2024-05-03", "B")).unwrap();
    assert_eq!(w.summary, "added 2024-05-03-b to link.yaml:13");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("2024-05-03-b")
    );
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

/// Each event's summary, by id.
fn summaries(text: &str) -> Vec<(String, Option<String>)> {
    let log = load::load_str("t.yaml", text).expect("loads").log;
    let mut all: Vec<_> = log
        .events
        .iter()
        .map(|e| (e.id.clone(), e.summary.clone()))
        .collect();
    all.sort();
    all
}

#[test]
fn an_item_ending_in_a_kept_block_scalar_keeps_its_trailing_blank_lines() {
    for (header, eol) in [
        ("|+", "\n"),
        ("|2+", "\n"),
        (">+ # kept", "\n"),
        ("|+", "\r\n"),
    ] {
        let text = format!(
            "events:\n  - id: a\n    date: 2024-05-01\n    kind: call\n    title: First\n    summary: {header}\n      two blank lines follow\n\n\n  - id: c\n    date: 2024-05-09\n    kind: call\n    title: Third\n"
        )
        .replace('\n', eol);
        let out = after(&text, event("2024-05-03", "Second"));
        let before = summaries(&text);
        let mut now = summaries(&out);
        now.retain(|(id, _)| id != "2024-05-03-second");
        assert_eq!(now, before, "{header:?} {eol:?}:\n{out}");
        assert!(out.contains("title: Second"), "{out}");
    }
    // The last event of the file, and a quote's text: the same.
    let last = "events:\n  - id: a\n    date: 2024-05-01\n    kind: call\n    title: First\n    summary: |+\n      kept\n\n";
    let out = after(last, event("2024-05-03", "Second"));
    assert_eq!(summaries(&out)[1].1.as_deref(), Some("kept\n\n"), "{out}");
    let quoted = "events:\n  - id: a\n    date: 2024-05-01\n    kind: call\n    title: First\n    quotes:\n      - attribution: a diplomat\n        text: |+\n          We agree\n\n  - id: c\n    date: 2024-05-09\n    kind: call\n    title: Third\n";
    let out = after(
        quoted,
        Change::Quote(NewQuote {
            event: "a".into(),
            text: "And more".into(),
            attribution: Some("a diplomat".into()),
            ..NewQuote::default()
        }),
    );
    let log = load::load_str("t.yaml", &out).unwrap().log;
    let a = &log.events[log.event("a").unwrap()];
    let texts: Vec<&str> = a.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, ["We agree\n\n", "And more"], "{out}");
}

#[test]
fn an_event_whose_date_cannot_be_used_is_refused_for_its_date_and_placed_nowhere() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("a.yaml");
    let last = dir.path().join("b.yaml");
    std::fs::write(
        &first,
        "timezone: Africa/Cairo\nevents:\n  - {id: a, date: 2024-05-01, kind: call, title: A}\n",
    )
    .unwrap();
    std::fs::write(
        &last,
        "events:\n  - {id: b, date: 2024-05-09, kind: call, title: B}\n",
    )
    .unwrap();
    let limits = Limits::default();
    let files = LogFiles::read(&[dir.path().to_path_buf()], &limits).unwrap();
    let log = files.load(&limits).unwrap().log;
    for date in ["2024-05-04T10:00", "2024-13-01", "next week"] {
        let err = plan(&log, &files, &event(date, "C")).unwrap_err();
        let said = format!("{} {:?}", err.message, err.diagnostics);
        assert!(said.contains(date), "{said}");
        assert!(err.checked.is_none(), "no file was checked with it: {said}");
        assert!(
            err.diagnostics.iter().all(|d| !d.file.ends_with("b.yaml")),
            "nothing said about the last file: {said}"
        );
    }
    let err = plan(&log, &files, &event("2024-05-04T10:00", "C")).unwrap_err();
    assert!(
        format!("{err:?}").contains("2024-05-04T10:00[Africa/Cairo]"),
        "the loader's hint: {err:?}"
    );
    let mut late = match event("2024-05-04", "C") {
        Change::Event(e) => e,
        _ => unreachable!(),
    };
    late.end = Some("2024-05-0".into());
    let err = plan(&log, &files, &Change::Event(late)).unwrap_err();
    assert!(format!("{err:?}").contains("2024-05-0"), "{err:?}");
}
