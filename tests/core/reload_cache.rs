//! Reloading a directory log through the cache of its files' readings: after every kind of
//! edit to one file, what the reload gives (the log, or the refusal) is exactly what a full
//! load of the same files gives, and only the changed files are parsed.

use dateline::load::{
    Limits, LoadCache, Loaded, Report, Severity, load_paths, load_paths_unchecked,
};
use std::path::{Path, PathBuf};

/// The directory's log files in name order, as the loader lists them.
fn files_of(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    files
}

const PEOPLE: &str = "\
timezone: Europe/Zurich
parties:
  - {id: us, name: United States}
  - {id: iran, name: Iran}
actors:
  - {id: witkoff, name: Steve Witkoff, party: us}
  - {id: araghchi, name: Abbas Araghchi, party: iran}
  - {id: idle, name: Nobody Yet, party: iran}
sources:
  - {id: wire, outlet: Wire Service}
";

const SPRING: &str = "\
events:
  - id: muscat-round-one
    date: 2025-04-12T15:30+04:00
    kind: meeting
    title: First round in Muscat
    actors: [witkoff, araghchi]
    sources: [wire]
  - date: 2025-04-19
    kind: meeting
    title: Second round in Rome
    actors: [witkoff, araghchi]
    related: [muscat-round-one]
";

const SUMMER: &str = "\
events:
  - id: oman-statement
    date: 2025-05-11
    kind: statement
    title: Oman says the talks went well
    parties: [us, iran]
    quotes:
      - text: The talks were useful
        speaker: araghchi
  - date: 2025-06-13
    kind: development
    title: Strikes end the talks
    related: [muscat-round-one]
";

/// The full load and the cached reload of the same files, which must agree; the number of
/// files the reload parsed.
fn both(dir: &Path, cache: &mut LoadCache) -> (Result<Loaded, Report>, usize) {
    both_within(dir, cache, &Limits::default())
}

/// `both`, within `limits`.
fn both_within(
    dir: &Path,
    cache: &mut LoadCache,
    limits: &Limits,
) -> (Result<Loaded, Report>, usize) {
    let (r, parsed, _) = both_counted(dir, cache, limits);
    (r, parsed)
}

/// `both_within`, with the number of files the cached reload read from disk as well.
fn both_counted(
    dir: &Path,
    cache: &mut LoadCache,
    limits: &Limits,
) -> (Result<Loaded, Report>, usize, usize) {
    let limits = *limits;
    let paths = files_of(dir);
    let cached = cache.load_paths(&paths, &limits);
    agree(&load_paths(&paths, &limits), &cached);
    let (parsed, read) = (cache.parsed(), cache.read());
    // As the browser loads it, the quotes left to the check in the background.
    agree(
        &load_paths_unchecked(&paths, &limits),
        &cache.load_paths_unchecked(&paths, &limits),
    );
    (cached, parsed, read)
}

fn agree(full: &Result<Loaded, Report>, cached: &Result<Loaded, Report>) {
    match (full, cached) {
        (Ok(f), Ok(c)) => {
            assert_eq!(f.log, c.log, "the same log");
            assert_eq!(f.warnings, c.warnings, "the same warnings");
        }
        (Err(f), Err(c)) => assert_eq!(f.diagnostics, c.diagnostics, "the same errors"),
        (f, c) => panic!(
            "a full load and a cached reload disagree: {:?} against {:?}",
            f.as_ref().map(|_| "a log").map_err(|r| &r.diagnostics),
            c.as_ref().map(|_| "a log").map_err(|r| &r.diagnostics)
        ),
    }
}

/// Writes `text` as file `name` of the log in `dir`, then loads it both ways (`both`).
fn edited(
    dir: &Path,
    cache: &mut LoadCache,
    name: &str,
    text: &str,
) -> (Result<Loaded, Report>, usize) {
    write(dir, name, text);
    both(dir, cache)
}

/// Asserts that the log was refused with an error that says `says`.
fn assert_says(r: &Result<Loaded, Report>, says: &str) {
    let errors = errors(r);
    assert!(errors.iter().any(|m| m.contains(says)), "{errors:?}");
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("write");
}

fn errors(r: &Result<Loaded, Report>) -> Vec<String> {
    match r {
        Ok(_) => Vec::new(),
        Err(report) => report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.message.clone())
            .collect(),
    }
}

#[test]
fn a_cached_reload_of_a_directory_log_gives_what_a_full_load_gives_after_each_edit() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "0-people.yaml", PEOPLE);
    write(d, "1-spring.yaml", SPRING);
    write(d, "2-summer.yaml", SUMMER);
    let mut cache = LoadCache::new();

    let (first, parsed) = both(d, &mut cache);
    assert!(first.is_ok(), "{:?}", errors(&first));
    assert_eq!(parsed, 3, "the first load reads every file");

    // The same bytes saved again (a new mtime): nothing is parsed.
    write(d, "1-spring.yaml", SPRING);
    assert_eq!(both(d, &mut cache).1, 0);

    // A title changed: that file only.
    let retitled = SUMMER.replace("went well", "went very well");
    let (r, parsed) = edited(d, &mut cache, "2-summer.yaml", &retitled);
    assert_eq!(parsed, 1);
    let log = r.unwrap().log;
    assert!(
        log.events
            .iter()
            .any(|e| e.title.ends_with("went very well"))
    );

    // An unknown actor: the error, with its "did you mean", as a full load says it.
    let (r, parsed) = edited(
        d,
        &mut cache,
        "2-summer.yaml",
        &SUMMER.replace("speaker: araghchi", "speaker: araghchy"),
    );
    assert_eq!(parsed, 1);
    assert_says(&r, "araghchy");

    // An event id another file already uses.
    let (r, _) = edited(
        d,
        &mut cache,
        "2-summer.yaml",
        &SUMMER.replace("oman-statement", "muscat-round-one"),
    );
    assert_says(&r, "is already used");

    // A syntax error, then a file cut short by one, referring to another file's ids.
    let (r, _) = edited(
        d,
        &mut cache,
        "2-summer.yaml",
        &SUMMER.replace("    parties: [us, iran]", "    parties: [us, iran"),
    );
    assert!(!errors(&r).is_empty());
    let (r, _) = edited(
        d,
        &mut cache,
        "2-summer.yaml",
        &format!("{SUMMER}  - date: [2025\n"),
    );
    assert!(!errors(&r).is_empty());

    // Fixed again: the warning about the actor in no event, which depends on every file.
    let (r, parsed) = edited(d, &mut cache, "2-summer.yaml", SUMMER);
    assert_eq!(parsed, 1);
    assert!(
        r.unwrap()
            .warnings
            .iter()
            .any(|w| w.message.contains("`idle`"))
    );

    // The reading zone changed in one file: the others' dates are read in it.
    let (r, parsed) = edited(
        d,
        &mut cache,
        "0-people.yaml",
        &PEOPLE.replace("Europe/Zurich", "Asia/Tehran"),
    );
    assert_eq!(parsed, 1);
    assert_eq!(r.unwrap().log.timezone.name(), "Asia/Tehran");
    let (r, _) = edited(
        d,
        &mut cache,
        "1-spring.yaml",
        &format!("timezone: Europe/Zurich\n{SPRING}"),
    );
    assert_says(&r, "files of one log must agree");
    write(d, "0-people.yaml", PEOPLE);
    let (r, _) = edited(d, &mut cache, "1-spring.yaml", SPRING);
    assert!(r.is_ok(), "{:?}", errors(&r));

    // A file removed (its events and the references to them go), then a new one.
    std::fs::remove_file(d.join("1-spring.yaml")).unwrap();
    let (r, parsed) = both(d, &mut cache);
    assert_eq!(parsed, 0);
    assert_says(&r, "muscat-round-one");
    write(d, "1-spring.yaml", SPRING);
    let (r, parsed) = edited(d, &mut cache, "3-autumn.yaml", "events: []\n");
    assert_eq!(parsed, 2);
    assert!(r.is_ok(), "{:?}", errors(&r));
}

#[test]
fn the_reload_after_a_write_checked_through_the_cache_parses_nothing() {
    use dateline::archive::Archives;
    use dateline::write::{Change, LogFiles, NewEvent, commit_with, plan};
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "0-people.yaml", PEOPLE);
    write(d, "1-spring.yaml", SPRING);
    write(d, "2-summer.yaml", SUMMER);
    let limits = Limits::default();
    let mut cache = LoadCache::new();
    let files = LogFiles::read(&[d.to_path_buf()], &limits).unwrap();
    let log = files.load_through(&mut cache, &limits).unwrap().log;
    let change = Change::Event(NewEvent {
        date: "2025-05-20".into(),
        kind: "statement".into(),
        title: "Oman proposes a third round".into(),
        ..NewEvent::default()
    });
    let planned = plan(&log, &files, &change).unwrap();
    let written = commit_with(&files, planned, &limits, |texts, paths| {
        cache.load_texts(texts, &limits, Archives::Beside(paths))
    })
    .unwrap();
    assert_eq!(cache.parsed(), 1, "the check parses the changed file only");
    // The watcher's reload of what was written: every file is in the cache.
    let (reloaded, parsed) = both(d, &mut cache);
    assert_eq!(parsed, 0);
    assert_eq!(reloaded.unwrap().log, written.loaded.log);
}

#[test]
fn a_cached_reload_near_the_memory_budget_refuses_a_later_file_an_earlier_one_crowds_out() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "0-people.yaml", PEOPLE);
    write(d, "1-spring.yaml", SPRING);
    write(d, "2-summer.yaml", SUMMER);
    let limits = smallest_budget(d);
    let mut cache = LoadCache::new();
    let (first, parsed) = both_within(d, &mut cache, &limits);
    assert!(first.is_ok(), "{:?}", errors(&first));
    assert_eq!(parsed, 3);

    // An event more in the spring: the summer no longer fits in what is left, though its
    // bytes are those kept.
    let grown = format!(
        "{SPRING}  - date: 2025-04-26\n    kind: meeting\n    title: Third round in Muscat\n"
    );
    write(d, "1-spring.yaml", &grown);
    let (r, _) = both_within(d, &mut cache, &limits);
    let refused = r.expect_err("over the budget");
    assert!(
        refused
            .diagnostics
            .iter()
            .any(|e| e.file.ends_with("2-summer.yaml") && e.message.contains("memory budget")),
        "{:?}",
        refused.diagnostics
    );

    // Back as it was: it loads again, from what is kept where it can be.
    write(d, "1-spring.yaml", SPRING);
    let (r, _) = both_within(d, &mut cache, &limits);
    assert!(r.is_ok(), "{:?}", errors(&r));

    // Far from the budget, a file that merely moved in it (an earlier one grew) is kept.
    let mut roomy = LoadCache::new();
    assert!(both(d, &mut roomy).0.is_ok());
    write(d, "1-spring.yaml", &grown);
    let (r, parsed) = both(d, &mut roomy);
    assert!(r.is_ok(), "{:?}", errors(&r));
    assert_eq!(parsed, 1, "only the grown file is parsed");
}

#[test]
fn a_one_file_log_keeps_no_readings_so_its_reload_parses_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "log.yaml", &format!("{PEOPLE}{SPRING}"));
    let mut cache = LoadCache::new();
    let (first, parsed) = both(d, &mut cache);
    assert!(first.is_ok(), "{:?}", errors(&first));
    assert_eq!(parsed, 1);
    // Unchanged: parsed again all the same (keeping its reading would double its memory).
    let (again, parsed) = both(d, &mut cache);
    assert_eq!(parsed, 1);
    assert_eq!(again.unwrap().log, first.unwrap().log);
}

#[test]
fn a_file_rewritten_with_the_same_size_and_times_right_after_a_load_is_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "0-people.yaml", PEOPLE);
    write(d, "1-spring.yaml", SPRING);
    write(d, "2-summer.yaml", SUMMER);
    let mut cache = LoadCache::new();
    assert!(both(d, &mut cache).0.is_ok());
    // Within the same moment, as an editor or a script may: the same size, and the
    // modification time put back as it was, so that only the bytes differ.
    let path = d.join("2-summer.yaml");
    let mtime = std::fs::metadata(&path).unwrap().modified().unwrap();
    let rewritten = SUMMER.replace("went well", "went WELL");
    assert_eq!(rewritten.len(), SUMMER.len());
    write(d, "2-summer.yaml", &rewritten);
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(mtime).unwrap();
    drop(file);
    let (r, parsed) = both(d, &mut cache);
    assert_eq!(parsed, 1, "the rewritten file is parsed again");
    assert!(
        r.unwrap()
            .log
            .events
            .iter()
            .any(|e| e.title.ends_with("went WELL"))
    );
    // A file changed this recently is never taken on its metadata: every file was read.
    assert_eq!(cache.read(), 3);
}

#[test]
fn a_file_touched_but_unchanged_leaves_the_log_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "0-people.yaml", PEOPLE);
    write(d, "1-spring.yaml", SPRING);
    write(d, "2-summer.yaml", SUMMER);
    let mut cache = LoadCache::new();
    let before = both(d, &mut cache).0.unwrap();
    let file = std::fs::File::options()
        .write(true)
        .open(d.join("1-spring.yaml"))
        .unwrap();
    file.set_modified(std::time::SystemTime::now()).unwrap();
    drop(file);
    let (after, parsed) = both(d, &mut cache);
    assert_eq!(parsed, 0, "its bytes are those kept");
    let after = after.unwrap();
    assert_eq!(after.log, before.log);
    assert_eq!(after.warnings, before.warnings);
}

#[test]
fn files_whose_metadata_vouches_for_their_bytes_are_not_read_and_the_reload_is_still_exact() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "0-people.yaml", PEOPLE);
    write(d, "1-spring.yaml", SPRING);
    write(d, "2-summer.yaml", SUMMER);
    // Metadata trusted as soon as it is older than the reading (two seconds in use), so
    // that files written by the test count as old.
    let mut cache = LoadCache::with_tick(std::time::Duration::ZERO);
    let limits = Limits::default();
    let (first, parsed, read) = both_counted(d, &mut cache, &limits);
    assert!(first.is_ok(), "{:?}", errors(&first));
    assert_eq!((parsed, read), (3, 3));

    // Nothing changed: nothing read.
    let (_, parsed, read) = both_counted(d, &mut cache, &limits);
    assert_eq!((parsed, read), (0, 0));

    // One file changed: that one read and parsed, the log a full load's (`both` compares).
    write(
        d,
        "2-summer.yaml",
        &SUMMER.replace("went well", "went very well"),
    );
    let (r, parsed, read) = both_counted(d, &mut cache, &limits);
    assert_eq!((parsed, read), (1, 1));
    assert!(
        r.unwrap()
            .log
            .events
            .iter()
            .any(|e| e.title.ends_with("went very well"))
    );
    write(d, "2-summer.yaml", SUMMER);
    assert_eq!(both_counted(d, &mut cache, &limits).2, 1);

    // Near the memory budget, a file left unread that no longer fits what an earlier file
    // left must be parsed: every file is read, and the refusal is a full load's.
    let tight = smallest_budget(d);
    let mut cache = LoadCache::with_tick(std::time::Duration::ZERO);
    assert!(both_counted(d, &mut cache, &tight).0.is_ok());
    assert_eq!(both_counted(d, &mut cache, &tight).2, 0);
    let grown = format!(
        "{SPRING}  - date: 2025-04-26\n    kind: meeting\n    title: Third round in Muscat\n"
    );
    write(d, "1-spring.yaml", &grown);
    let (r, _, read) = both_counted(d, &mut cache, &tight);
    assert_eq!(
        read, 3,
        "every file read once one left unread had to be parsed"
    );
    let refused = r.expect_err("over the budget");
    assert!(
        refused
            .diagnostics
            .iter()
            .any(|e| e.file.ends_with("2-summer.yaml") && e.message.contains("memory budget")),
        "{:?}",
        refused.diagnostics
    );
}

#[test]
fn a_reload_after_the_definitions_change_resolves_the_unchanged_files_against_the_new_ones() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "0-people.yaml", PEOPLE);
    write(d, "1-spring.yaml", SPRING);
    write(d, "2-summer.yaml", SUMMER);
    let mut cache = LoadCache::new();
    assert!(both(d, &mut cache).0.is_ok());
    assert_eq!(both(d, &mut cache).1, 0);
    // The actors in another order: every index moves, and the events of the files not
    // changed must name the same people (`both` compares with a full load).
    let swapped = PEOPLE.replace(
        "  - {id: witkoff, name: Steve Witkoff, party: us}\n  - {id: araghchi, name: Abbas Araghchi, party: iran}\n",
        "  - {id: araghchi, name: Abbas Araghchi, party: iran}\n  - {id: witkoff, name: Steve Witkoff, party: us}\n",
    );
    assert_ne!(swapped, PEOPLE);
    let (r, parsed) = edited(d, &mut cache, "0-people.yaml", &swapped);
    assert_eq!(parsed, 1);
    let log = r.unwrap().log;
    let speaker = log
        .events
        .iter()
        .flat_map(|e| &e.quotes)
        .find_map(|q| q.speaker);
    assert_eq!(speaker.map(|a| log.actors[a].id.as_str()), Some("araghchi"));
    // An actor gone: the unchanged files' references to them are errors again.
    let (r, _) = edited(
        d,
        &mut cache,
        "0-people.yaml",
        &PEOPLE.replace("  - {id: witkoff, name: Steve Witkoff, party: us}\n", ""),
    );
    assert_says(&r, "witkoff");
    write(d, "0-people.yaml", PEOPLE);
    assert!(both(d, &mut cache).0.is_ok());
}

/// The smallest memory budget the log in `d` loads within.
fn smallest_budget(d: &Path) -> Limits {
    let within = |memory_budget: u64| Limits {
        memory_budget,
        ..Limits::default()
    };
    let (mut low, mut high) = (1u64, 1 << 20);
    while low < high {
        let mid = (low + high) / 2;
        if load_paths(&files_of(d), &within(mid)).is_ok() {
            high = mid;
        } else {
            low = mid + 1;
        }
    }
    within(low)
}
