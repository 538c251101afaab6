//! The new-event form's lists through the pickers: Space on an empty parties, actors,
//! topics or sources field opens the picker of that kind over the form, ticked with the
//! field's ids; Enter fills the field, Esc leaves it as it was; the event the form then
//! writes holds what was picked.

use crate::common::browser::{carry_write, open, press, screen_now, select_id};
use dateline::tui::{App, LogSource};
use std::path::PathBuf;

const LOG: &str = "\
parties:
  - id: us
    name: United States
  - id: iran
    name: Iran
  - id: oman
    name: Oman
actors:
  - id: busaidi
    name: Badr Albusaidi
    party: oman
sources:
  - id: reuters-0501
    outlet: Reuters
    title: Talks in Muscat
events:
  - id: first
    date: 2024-05-01
    kind: meeting
    title: First round in Muscat
    topics: [sanctions]
    sources: [reuters-0501]
";

fn on_disk() -> (tempfile::TempDir, PathBuf, App, LogSource) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.yaml");
    std::fs::write(&path, LOG).unwrap();
    let mut app = open(path.to_str().unwrap(), LOG, 100, 30);
    select_id(&mut app, "first");
    let source = LogSource {
        args: vec![path.clone()],
        limits: Default::default(),
    };
    (dir, path, app, source)
}

/// The form's field as the screen shows it: `parties   us oman`.
fn field_line(app: &App, name: &str) -> String {
    let screen = screen_now(app);
    screen
        .lines()
        .map(|l| l.trim_matches('"'))
        .find(|l| {
            l.trim_start_matches(['▶', ' '])
                .starts_with(&format!("{name} "))
        })
        .unwrap_or_else(|| panic!("no field {name}:\n{screen}"))
        .trim_end()
        .to_string()
}

#[test]
fn every_list_of_the_form_is_picked_and_the_event_written_holds_the_picks() {
    let (_dir, path, mut app, source) = on_disk();
    press(&mut app, "A");
    assert!(
        screen_now(&app).contains("Space pick"),
        "{}",
        screen_now(&app)
    );
    press(&mut app, "Oman hosts a second round");
    // Title, location, summary, then the parties.
    press(&mut app, "\t\t\t ");
    let screen = screen_now(&app);
    assert!(
        screen.contains("Parties of the new event · Tab ticks · Enter fills the field"),
        "{screen}"
    );
    // Tick the first (nothing typed: Space ticks), then Oman found by typing.
    press(&mut app, " oman\t\n");
    assert!(app.picker().is_none());
    assert_eq!(field_line(&app, "parties"), "▶ parties   us oman█");
    // The actor under the cursor, found by name.
    press(&mut app, "\t albu\n");
    assert_eq!(field_line(&app, "actors"), "▶ actors    busaidi█");
    // A topic of the log and a new one typed.
    press(&mut app, "\t sanc\t\x08\x08\x08\x08Water Rights");
    let screen = screen_now(&app);
    assert!(screen.contains("water-rights  new topic"), "{screen}");
    press(&mut app, "\t\n");
    assert_eq!(
        field_line(&app, "topics"),
        "▶ topics    sanctions water-rights█"
    );
    // The one source, Enter taking the entry under the cursor.
    press(&mut app, "\t \n");
    assert_eq!(field_line(&app, "sources"), "▶ sources   reuters-0501█");
    press(&mut app, "\n");
    carry_write(&mut app, &source);
    let new = "  - id: 2024-05-01-oman-hosts-a-second-round\n    date: 2024-05-01\n    kind: meeting\n    title: Oman hosts a second round\n    actors: [busaidi]\n    parties: [us, oman]\n    topics: [sanctions, water-rights]\n    sources: [reuters-0501]\n";
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        format!("{LOG}{new}")
    );
    assert_eq!(
        app.message.as_deref(),
        Some("added 2024-05-01-oman-hosts-a-second-round to talks.yaml:23")
    );
    assert_eq!(
        app.log.events[app.selected.unwrap()].id,
        "2024-05-01-oman-hosts-a-second-round"
    );
}

#[test]
fn the_picker_opens_ticked_with_the_typed_ids_and_esc_leaves_the_field_alone() {
    let (_dir, _path, mut app, _source) = on_disk();
    press(&mut app, "AA title\t\t\t");
    // Typed ids: Space after one types a space, a second Space opens the picker.
    press(&mut app, "iran irn ");
    assert_eq!(field_line(&app, "parties"), "▶ parties   iran irn █");
    press(&mut app, " ");
    let screen = screen_now(&app);
    assert!(screen.contains("[x] Iran"), "{screen}");
    assert!(screen.contains("[ ] United States"), "{screen}");
    assert!(screen.contains("Enter: Iran"), "{screen}");
    assert_eq!(
        app.message.as_deref(),
        Some("not in the log, left out if you apply the picker: irn")
    );
    press(&mut app, "\x1b");
    assert_eq!(field_line(&app, "parties"), "▶ parties   iran irn █");
    // Applied, the picker keeps the typed order and adds the new tick after it.
    press(&mut app, "\x08\x08\x08\x08 \t\n");
    assert_eq!(field_line(&app, "parties"), "▶ parties   iran us█");
    // A field that is not a list takes Space as a space.
    assert_eq!(field_line(&app, "title"), "  title     A title");
}

#[test]
fn a_reload_while_picking_keeps_the_ticks_and_offers_the_new_parties() {
    let (_dir, path, mut app, _source) = on_disk();
    press(&mut app, "AA title\t\t\t iran\t");
    // The reader's editor adds a party meanwhile.
    let edited = LOG.replace(
        "  - id: oman\n",
        "  - id: qatar\n    name: Qatar\n  - id: oman\n",
    );
    std::fs::write(&path, &edited).unwrap();
    crate::common::browser::reload(&mut app, path.to_str().unwrap(), &edited);
    let screen = screen_now(&app);
    assert!(screen.contains("[x] Iran"), "{screen}");
    press(&mut app, "\x08\x08\x08\x08qat\t\n");
    assert_eq!(field_line(&app, "parties"), "▶ parties   iran qatar█");
}
