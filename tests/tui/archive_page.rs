//! `a` in the sources view: a page saved from a web browser, its path typed, archived as
//! `dateline add source --from-page` archives it: on a source without an archive the archive
//! becomes that source's, else the page becomes a new source. A page that cannot be archived
//! leaves the log and the `sources/` folder untouched, and the status line says why.

use crate::common::browser::{carry_write, open, press, screen_now};
use dateline::tui::overlays::Overlay;
use dateline::tui::runtime::write_log::carry_out_page;
use dateline::tui::update::share::Effect;
use dateline::tui::{App, LogSource, update};
use std::path::{Path, PathBuf};

const LOG: &str = "\
sources:
  - id: ap-0501
    outlet: AP
    archive: sources/ap-0501.md
  - id: wire-0304
    outlet: The Daily Wire Service
    title: Mediators push for a truce
events:
  - id: first
    date: 2024-05-01
    kind: meeting
    title: First round in Cairo
    sources: [ap-0501, wire-0304]
";

fn page(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pages")
        .join(name)
        .to_str()
        .unwrap()
        .to_owned()
}

fn on_disk() -> (tempfile::TempDir, PathBuf, App, LogSource) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.yaml");
    std::fs::write(&path, LOG).unwrap();
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    std::fs::write(
        dir.path().join("sources/ap-0501.md"),
        "The talks resumed in Cairo.\n",
    )
    .unwrap();
    let app = open(path.to_str().unwrap(), LOG, 120, 30);
    let source = LogSource {
        args: vec![path.clone()],
        limits: Default::default(),
    };
    (dir, path, app, source)
}

/// The archiving `update` asked for, carried out as the run loop does.
fn carry(app: &mut App, source: &LogSource) {
    let (page, into, log) = app
        .effects
        .drain(..)
        .find_map(|e| match e {
            Effect::ArchivePage { page, into, log } => Some((page, into, log)),
            _ => None,
        })
        .expect("archiving was asked for");
    update(app, carry_out_page(source, &page, &into, &log));
}

/// The id under the sources view's cursor.
fn current(app: &App) -> String {
    let Some(Overlay::Sources(v)) = app.overlays.last() else {
        panic!("the sources view is not open");
    };
    app.log.sources[v.entries[v.cursor].0].id.clone()
}

fn archives(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("sources"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_on_a_source_without_an_archive_archives_the_page_as_its_archive() {
    let (dir, path, mut app, source) = on_disk();
    press(&mut app, "Sj");
    assert_eq!(current(&app), "wire-0304");
    assert!(
        screen_now(&app).contains("a archive a page"),
        "{}",
        screen_now(&app)
    );
    press(&mut app, "a");
    let screen = screen_now(&app);
    assert!(
        screen.contains("page: █  a page saved as HTML, archived as the archive of wire-0304"),
        "{screen}"
    );
    press(&mut app, &page("jsonld.html"));
    press(&mut app, "\n");
    carry(&mut app, &source);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        LOG.replace(
            "    title: Mediators push for a truce\n",
            "    title: Mediators push for a truce\n    archive: sources/wire-0304.md\n"
        )
    );
    let archived = std::fs::read_to_string(dir.path().join("sources/wire-0304.md")).unwrap();
    assert!(
        archived.starts_with("Archived by dateline from https://"),
        "{archived}"
    );
    assert!(archived.contains("“We are closer than we have been in weeks — but not there yet,”"));
    assert_eq!(
        app.message.as_deref(),
        Some(
            "set the archive of wire-0304 in talks.yaml:8; archived the article as sources/wire-0304.md"
        )
    );
    assert_eq!(current(&app), "wire-0304");
    let screen = screen_now(&app);
    assert!(
        screen.contains("archived: sources/wire-0304.md"),
        "{screen}"
    );
}

#[test]
fn a_on_a_source_with_an_archive_adds_the_page_as_a_new_source() {
    let (dir, path, mut app, source) = on_disk();
    press(&mut app, "S");
    assert_eq!(current(&app), "ap-0501");
    press(&mut app, "a");
    assert!(screen_now(&app).contains("archived as a new source"));
    press(&mut app, &page("jsonld.html"));
    press(&mut app, "\n");
    carry(&mut app, &source);
    let text = std::fs::read_to_string(&path).unwrap();
    let id = current(&app);
    assert_ne!(id, "ap-0501");
    // Added at the end of the sources, the rest byte for byte.
    let (sources, events) = LOG.split_at(LOG.find("events:").unwrap());
    assert!(
        text.starts_with(sources) && text.ends_with(events),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "  - id: {id}\n    outlet: The Daily Wire Service\n    title: Mediators push for a truce before Ramadan\n"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("    archive: sources/{id}.md\n")),
        "{text}"
    );
    assert_eq!(
        archives(dir.path()),
        ["ap-0501.md".to_string(), format!("{id}.md")]
    );
    let message = app.message.clone().unwrap();
    assert!(
        message.starts_with(&format!("added {id} to talks.yaml:")),
        "{message}"
    );
    assert!(
        message.ends_with(&format!("; archived the article as sources/{id}.md")),
        "{message}"
    );
}

#[test]
fn a_page_that_cannot_be_archived_leaves_the_log_alone_and_says_why() {
    let (dir, path, mut app, source) = on_disk();
    press(&mut app, "Sja");
    press(&mut app, &page("index.html"));
    press(&mut app, "\n");
    carry(&mut app, &source);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), LOG);
    assert_eq!(archives(dir.path()), ["ap-0501.md"]);
    let message = app.message.clone().unwrap();
    assert!(message.contains("index.html: "), "{message}");
    assert!(message.contains("no article"), "{message}");
    assert!(screen_now(&app).contains("no article"));

    let missing = dir.path().join("nowhere.html");
    press(&mut app, "a");
    press(&mut app, missing.to_str().unwrap());
    press(&mut app, "\n");
    carry(&mut app, &source);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), LOG);
    assert_eq!(archives(dir.path()), ["ap-0501.md"]);
    assert_eq!(
        app.message.as_deref(),
        Some(format!("{}: no such file", missing.display()).as_str())
    );
    // Esc cancels the prompt, and an empty path archives nothing.
    press(&mut app, "a\x1b");
    assert!(app.effects.is_empty());
    assert!(matches!(app.overlays.last(), Some(Overlay::Sources(_))));
    press(&mut app, "a\n");
    assert!(app.effects.is_empty());
    assert_eq!(
        app.message.as_deref(),
        Some("no page given: type the path of a page saved as HTML")
    );
}

/// `a` on wire-0304, the page archived as its archive; then back to the timeline.
fn archive_then_close(app: &mut App, source: &LogSource) {
    press(app, "Sja");
    press(app, &page("jsonld.html"));
    press(app, "\n");
    carry(app, source);
    press(app, "\x1b");
    assert!(app.overlays.is_empty());
}

#[test]
fn u_after_archiving_a_page_restores_the_log_and_removes_the_archive_it_wrote() {
    let (dir, path, mut app, source) = on_disk();
    archive_then_close(&mut app, &source);
    assert_eq!(archives(dir.path()), ["ap-0501.md", "wire-0304.md"]);
    press(&mut app, "u");
    carry_write(&mut app, &source);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), LOG);
    assert_eq!(archives(dir.path()), ["ap-0501.md"]);
    assert_eq!(
        app.message.as_deref(),
        Some("undone: talks.yaml is as it was; removed the archive sources/wire-0304.md")
    );
}

#[test]
fn u_keeps_an_archive_changed_since_it_was_written() {
    let (dir, path, mut app, source) = on_disk();
    archive_then_close(&mut app, &source);
    // The reader corrects the archived text before undoing.
    let archive = dir.path().join("sources/wire-0304.md");
    let corrected = format!(
        "{}\nA line of my own.\n",
        std::fs::read_to_string(&archive).unwrap()
    );
    std::fs::write(&archive, &corrected).unwrap();
    press(&mut app, "u");
    carry_write(&mut app, &source);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), LOG);
    assert_eq!(std::fs::read_to_string(&archive).unwrap(), corrected);
    assert_eq!(
        app.message.as_deref(),
        Some(
            "undone: talks.yaml is as it was; kept the archive sources/wire-0304.md, changed since it was written"
        )
    );
}
