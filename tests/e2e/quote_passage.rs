//! The real binary in a terminal: `C` opens a quote in its archived source, `v` and `)`
//! select a passage, Enter and a speaker's name write it to the log as a quote, which
//! loads back verified; Esc on a selection writes nothing.

use crate::common::pty::Session;
use dateline::load::{self, Limits};
use dateline::model::Verification;

const ARCHIVE: &str = "\
CAIRO (Wire) - Talks resumed in Cairo on Friday.

The delegation said: \u{201c}We are determined to secure an agreement. We will not back down.\u{201d}
";

const LOG: &str = "\
dateline: 1
parties:
  - {id: hamas, name: Hamas}
actors:
  - {id: haniyeh, name: Ismail Haniyeh, party: hamas}
sources:
  - id: wire
    outlet: Wire
    archive: sources/wire.txt
events:
  - id: talks
    date: 2024-05-03
    kind: statement
    title: Statements on the talks
    actors: [haniyeh]
    sources: [wire]
    quotes:
      - text: \"We are determined to secure an agreement.\"
        attribution: the delegation
        source: wire
";

fn on_disk() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    std::fs::write(dir.path().join("sources/wire.txt"), ARCHIVE).unwrap();
    let log = dir.path().join("talks.yaml");
    std::fs::write(&log, LOG).unwrap();
    (dir, log)
}

#[test]
fn c_then_v_selects_a_passage_and_a_speaker_makes_it_a_quote() {
    let (_dir, log) = on_disk();
    let state = tempfile::tempdir().unwrap();
    let mut s = Session::start_in(&[log.to_str().unwrap()], 30, 100, state.path());
    s.wait_text("Statements on the talks");
    s.keys("\rC");
    s.wait_text("Quote in context");
    s.keys("v");
    s.wait_text("1 word selected");
    // To the end of this sentence, then of the next.
    s.keys("))");
    s.wait_text("12 words selected");
    s.keys("\r");
    s.wait_text("Who said it?");
    s.keys("haniyeh");
    s.wait_text("haniyeh█");
    s.keys("\r");
    s.wait_text("added a quote to talks in talks.yaml:");
    let loaded = load::load_path(&log, &Limits::default()).unwrap();
    let q = loaded.log.events[0].quotes.last().unwrap();
    assert_eq!(
        q.text,
        "We are determined to secure an agreement. We will not back down."
    );
    assert_eq!(
        q.speaker.map(|a| loaded.log.actors[a].id.as_str()),
        Some("haniyeh")
    );
    assert!(matches!(q.verification, Verification::Verified { .. }));
    s.keys("q");
    assert!(s.wait_exit().success());
    s.assert_terminal_restored();
}

#[test]
fn esc_on_a_selection_leaves_the_file_untouched() {
    let (_dir, log) = on_disk();
    let state = tempfile::tempdir().unwrap();
    let mut s = Session::start_in(&[log.to_str().unwrap()], 30, 100, state.path());
    s.wait_text("Statements on the talks");
    s.keys("\rC");
    s.wait_text("Quote in context");
    s.keys("v)");
    s.wait_text("7 words selected");
    s.keys("\x1b");
    s.wait_text("selection cancelled: nothing written");
    s.keys("q");
    assert!(s.wait_exit().success());
    assert_eq!(std::fs::read_to_string(&log).unwrap(), LOG);
}
