//! The real binary in a terminal: `A` opens the new-event form, its party picked through
//! the picker, Enter writes the event to the file and selects it, the status line saying where; `S` `c` writes a status.

use crate::common::pty::Session;

const LOG: &str = "\
dateline: 1
parties:
  - {id: us, name: United States}
  - {id: egypt, name: Egypt}
events:
  - id: first
    date: 2024-05-01
    kind: meeting
    title: First round in Cairo
  - id: third
    date: 2024-05-03
    kind: call
    title: Third call
";

#[test]
fn a_writes_a_new_event_from_the_form_and_selects_it() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("talks.yaml");
    std::fs::write(&log, LOG).unwrap();
    let state = tempfile::tempdir().unwrap();
    let mut s = Session::start_in(&[log.to_str().unwrap()], 30, 100, state.path());
    s.wait_text("First round in Cairo");
    s.keys("A");
    s.wait_text("New event");
    s.keys("Mediators meet: Egypt hosts");
    // Up three fields to the date, then a day later.
    s.keys("\x1b[A\x1b[A\x1b[A\x7f3");
    s.wait_text("2024-05-03█");
    // Down six to the parties, picked from the log's: Space opens the picker, typing
    // narrows it, Enter puts the party under the cursor in the field.
    s.keys("\t\t\t\t\t\t");
    s.wait_text("Space pick");
    s.keys(" ");
    s.wait_text("Parties of the new event");
    s.keys("egy");
    s.wait_text("Enter: Egypt");
    s.keys("\r");
    s.wait_text("egypt█");
    s.keys("\r");
    // After the events of its day already in the file.
    let screen = s.wait_text("added 2024-05-03-mediators-meet-egypt-hosts to talks.yaml:14");
    let selected = screen
        .lines()
        .find(|l| l.contains('▶'))
        .unwrap_or_default()
        .to_string();
    assert!(selected.contains("Mediators meet: Egypt hosts"), "{screen}");
    let text = std::fs::read_to_string(&log).unwrap();
    assert_eq!(
        text,
        format!(
            "{LOG}  - id: 2024-05-03-mediators-meet-egypt-hosts\n    date: 2024-05-03\n    kind: meeting\n    title: \"Mediators meet: Egypt hosts\"\n    parties: [egypt]\n"
        )
    );
    s.keys("=c");
    s.wait_text("marked cancelled: 2024-05-03-mediators-meet-egypt-hosts in talks.yaml:17");
    s.keys("q");
    assert!(s.wait_exit().success());
    s.assert_terminal_restored();
}
