//! `dateline check` as a user runs it: the real binary on good and bad files, asserting
//! exit codes and what is printed.

use dateline::load::{Limits, load_path};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// Far more than any of these runs needs; a run that takes longer is a hang.
const TIMEOUT: Duration = Duration::from_secs(120);

const SAMPLE: &str = "data/cairo-talks-2024.yaml";

pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

/// Runs the binary from the crate root, killing it if it does not finish in time.
fn dateline(args: &[&str]) -> Run {
    run(Command::new(env!("CARGO_BIN_EXE_dateline")).args(args))
}

/// Runs the binary with its address space capped (`ulimit -v`, in KiB): an allocation
/// beyond it aborts the process, which `run` reports as a failure.
pub(crate) fn dateline_within(kib: u64, args: &[&str]) -> Run {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("ulimit -v {kib} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_dateline"))
        .args(args);
    run(&mut cmd)
}

pub(crate) fn run(cmd: &mut Command) -> Run {
    let args: Vec<String> = cmd
        .get_args()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let child = cmd
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let pid = child.id();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let out: Output = match rx.recv_timeout(TIMEOUT) {
        Ok(out) => out.expect("waiting for the binary"),
        Err(_) => {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("dateline {args:?} did not finish within {TIMEOUT:?}");
        }
    };
    let run = Run {
        code: out.status.code().unwrap_or_else(|| {
            panic!(
                "dateline {args:?} was killed ({}):\n{}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            )
        }),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !run.stderr.contains("panicked") && !run.stdout.contains("panicked"),
        "dateline {args:?} panicked:\n{}",
        run.stderr
    );
    run
}

fn check(path: &Path) -> Run {
    dateline(&["check", path.to_str().unwrap()])
}

/// A file in a fresh temporary directory.
fn temp_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

/// Checks a bad file: exit 1, the message, the file named, and a summary of its errors.
fn assert_refused(run: &Run, path: &Path, says: &str) {
    let name = path.display().to_string();
    assert_eq!(
        run.code, 1,
        "stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    assert!(
        run.stdout.contains("error: ") && run.stdout.contains(says),
        "expected {says:?} in:\n{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(&format!("--> {name}")),
        "the file is not named:\n{}",
        run.stdout
    );
    let last = run.stdout.lines().last().unwrap_or("");
    assert!(
        last.starts_with(&format!("{name}: ")) && last.contains("error"),
        "summary line: {last:?}"
    );
}

/// A tiny deterministic generator, so that the random file is the same on every run.
fn xorshift(seed: u64) -> impl FnMut() -> u64 {
    let mut x = seed;
    move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    }
}

// ---------------------------------------------------------------- good files

/// The sample's verification line: every verbatim quote verified, the rest paraphrases.
fn verified_line(log: &dateline::model::Log) -> String {
    let verbatim = log
        .events
        .iter()
        .flat_map(|e| &e.quotes)
        .filter(|q| !q.paraphrase)
        .count();
    format!(
        "{} quotes: {verbatim} verified, {} not checked (paraphrase)",
        log.quote_count(),
        log.quote_count() - verbatim
    )
}

#[test]
fn the_sample_checks_ok_with_its_counts() {
    let log = load_path(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE),
        &Limits::default(),
    )
    .expect("the sample opens")
    .log;
    let run = dateline(&["check", SAMPLE]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(
        run.stdout,
        format!(
            "{SAMPLE}: {} events, {} actors, {} parties, {} quotes: ok\n{}\n",
            log.events.len(),
            log.actors.len(),
            log.parties.len(),
            log.quote_count(),
            verified_line(&log)
        )
    );
    assert!(log.events.len() > 1 && log.quote_count() > 1);
}

#[test]
fn warnings_are_shown_but_do_not_fail_the_check() {
    let yaml = "events:\n  - date: 2024-05-03\n    kind: statement\n    title: T\n    quotes:\n      - text: Words.\n        attribution: an official\n";
    let (_dir, path) = temp_file("warn.yaml", yaml.as_bytes());
    let run = check(&path);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let name = path.display();
    assert!(run.stdout.contains("warning: a quote without `source`"));
    assert!(
        run.stdout
            .contains(&format!("--> {name}:6:9 (events[0].quotes[0])")),
        "{}",
        run.stdout
    );
    assert!(run.stdout.ends_with(&format!(
        "{name}: 1 event, 0 actors, 0 parties, 1 quote: ok, 2 warnings\n"
    )));
    assert!(run.stdout.contains("warning: an event with no source"));
}

// ---------------------------------------------------------------- messages

#[test]
fn a_diagnostic_shows_place_path_source_line_caret_and_help() {
    let yaml = "\
parties:
  - id: hamas
    name: Hamas
actors:
  - id: haniyeh
    name: Ismail Haniyeh
    party: hamaz
events:
  - date: 2024-05-03
    kind: statement
    titel: Hamas answers
";
    let (_dir, path) = temp_file("bad.yaml", yaml.as_bytes());
    let name = path.display().to_string();
    let run = check(&path);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let expected_party = format!(
        "\
error: found the party id \"hamaz\", which no party in the log has
 --> {name}:7:12 (actors[0].party)
  |
7 |     party: hamaz
  |            ^
  = help: did you mean \"hamas\"?
"
    );
    assert!(
        run.stdout.starts_with(&expected_party),
        "got:\n{}\nexpected to start with:\n{expected_party}",
        run.stdout
    );
    let after = &run.stdout[expected_party.len()..];
    // The misspelt key: message, place, line, caret under the key, suggestion.
    assert!(after.contains("error: unknown key `titel` in an event"));
    assert!(after.contains(&format!("--> {name}:11:5 (events[0].titel)\n")));
    assert!(after.contains("11 |     titel: Hamas answers\n"));
    assert!(after.contains("   |     ^\n"));
    assert!(after.contains("   = help: did you mean \"title\"?\n"));
    // ... and the title it leaves missing.
    assert!(after.contains("error: an event has no `title`: it is required"));
    // The event also has no source, and the actor is in no event: two warnings.
    assert!(
        run.stdout
            .ends_with(&format!("{name}: 3 errors, 2 warnings\n")),
        "{}",
        run.stdout
    );
}

#[test]
fn the_caret_sits_under_wide_text() {
    let yaml = "events:\n  - date: 2024-05-03\n    kind: meeting\n    title: 会谈\n    actors: [会谈, nobody]\n";
    let (_dir, path) = temp_file("wide.yaml", yaml.as_bytes());
    let run = check(&path);
    assert_eq!(run.code, 1);
    // `nobody` is the 18th character but the 20th column: `    actors: [` is 13 columns,
    // the two wide characters 4, `, ` 2.
    let caret = format!("  | {}^\n", " ".repeat(19));
    assert!(
        run.stdout
            .contains(&format!("5 |     actors: [会谈, nobody]\n{caret}")),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(":5:18 (events[0].actors[1])"));
}

#[test]
fn control_characters_in_a_log_never_reach_the_terminal() {
    let yaml = "events:\n  - date: 2024-05-03\n    kind: meeting\n    title: \"x\\e[2Jy\"\n    actors: [\"\\e[31mred\"]\n";
    let (_dir, path) = temp_file("esc.yaml", yaml.as_bytes());
    let run = check(&path);
    assert_eq!(run.code, 1);
    assert!(!run.stdout.contains('\u{1b}'), "{:?}", run.stdout);
    assert!(
        run.stdout
            .contains("warning: text holds control characters")
    );
}

#[test]
fn the_files_given_are_one_log_each_summarised() {
    let sample = load_path(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE),
        &Limits::default(),
    )
    .unwrap()
    .log;
    // A second file naming an actor of the first.
    let (_dir, extra) = temp_file(
        "extra.yaml",
        b"events:\n  - date: 2024-05-05\n    kind: meeting\n    title: Extra\n    actors: [burns]\n    sources: [axios-2024-04-04]\n",
    );
    let extra_name = extra.display().to_string();
    let run = dateline(&["check", SAMPLE, &extra_name]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(
        run.stdout,
        format!(
            "{SAMPLE}: {} events, {} actors, {} parties, {} quotes: ok\n\
             {extra_name}: 1 event, 0 actors, 0 parties, 0 quotes: ok\n{}\n",
            sample.events.len(),
            sample.actors.len(),
            sample.parties.len(),
            sample.quote_count(),
            verified_line(&sample)
        )
    );
    // One bad file makes the whole log fail, and says which file holds the error.
    let (_dir, bad) = temp_file("bad.yaml", b"events: [1]\n");
    let bad_name = bad.display().to_string();
    let run = dateline(&["check", SAMPLE, &bad_name]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout
            .contains(&format!("--> {bad_name}:1:10 (events[0])"))
    );
    let summaries: Vec<&str> = run.stdout.lines().rev().take(2).collect();
    assert_eq!(summaries[0], format!("{bad_name}: 1 error"));
    assert!(
        summaries[1].starts_with(&format!("{SAMPLE}: no errors")),
        "{}",
        run.stdout
    );
}

#[test]
fn a_big_file_with_many_errors_is_reported_in_full() {
    // 40,000 events with an unknown key each: 2.5 MB, 40,000 diagnostics with source lines.
    let n = 40_000;
    let mut yaml = String::from("events:\n");
    for i in 0..n {
        yaml += &format!("  - date: 2024-05-03\n    kind: call\n    title: T{i}\n    bad: 1\n");
    }
    let (_dir, path) = temp_file("many.yaml", yaml.as_bytes());
    let run = check(&path);
    assert_refused(&run, &path, "unknown key `bad`");
    assert_eq!(run.stdout.matches("error: unknown key `bad`").count(), n);
    let last_line = 1 + 4 * n;
    assert!(
        run.stdout.contains(&format!("{last_line} |     bad: 1\n")),
        "the last error shows its line"
    );
    assert!(
        run.stdout
            .ends_with(&format!("{}: {n} errors, {n} warnings\n", path.display()))
    );
}

// ---------------------------------------------------------------- bad files

#[test]
fn a_yaml_syntax_error() {
    let (_dir, path) = temp_file("syntax.yaml", b"events:\n  - date: [2024\n    kind: call\n");
    let run = check(&path);
    assert_refused(&run, &path, "YAML syntax");
    assert!(
        run.stdout.contains(&format!("--> {}:", path.display())),
        "{}",
        run.stdout
    );
    assert_eq!(run.stdout.matches("error: ").count(), 1);
}

#[test]
fn invalid_utf8() {
    let (_dir, path) = temp_file("latin1.yaml", b"events: []\ntitle: caf\xe9 talks\n");
    let run = check(&path);
    assert_refused(&run, &path, "not UTF-8");
    assert!(run.stdout.contains("byte 0xe9"), "{}", run.stdout);
    assert!(
        run.stdout.contains(&format!("--> {}:2:11", path.display())),
        "{}",
        run.stdout
    );
}

#[test]
fn an_empty_file() {
    for (name, bytes) in [("empty.yaml", &b""[..]), ("blank.yaml", b"\n  \n")] {
        let (_dir, path) = temp_file(name, bytes);
        let run = check(&path);
        assert_refused(&run, &path, "the file is empty");
    }
    let (_dir, path) = temp_file("comment.yaml", b"# nothing yet\n");
    let run = check(&path);
    assert_refused(&run, &path, "no YAML document");
}

#[test]
fn a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let run = check(dir.path());
    assert_refused(&run, dir.path(), "is a directory");
}

#[test]
fn a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nowhere.yaml");
    let run = check(&path);
    assert_refused(&run, &path, "no such file");
}

#[test]
fn a_yaml_alias_bomb() {
    // Each level holds ten of the one before: a billion `lol`s at the ninth.
    let mut doc = String::from("x-a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let prev = format!("*a{}", i - 1);
        doc += &format!("x-a{i}: &a{i} [{}]\n", vec![prev; 10].join(", "));
    }
    doc += "events: []\n";
    let (_dir, path) = temp_file("bomb.yaml", doc.as_bytes());
    let run = check(&path);
    assert_refused(&run, &path, "alias bomb");
    assert!(run.stdout.contains("10 times"), "{}", run.stdout);
}

#[test]
fn nesting_a_hundred_thousand_levels_deep() {
    for (name, doc) in [
        ("flow.yaml", "[".repeat(100_000)),
        ("flowmap.yaml", "{a: ".repeat(100_000)),
        (
            "block.yaml",
            format!("x-deep:\n{}x\n", "- ".repeat(100_000)),
        ),
    ] {
        let (_dir, path) = temp_file(name, doc.as_bytes());
        let run = check(&path);
        assert_refused(&run, &path, "nesting deeper than 64 levels");
    }
}

#[test]
fn a_file_of_random_bytes() {
    let mut next = xorshift(0x5eed_da7e_11e5);
    let bytes: Vec<u8> = (0..256 * 1024).map(|_| next() as u8).collect();
    let (_dir, path) = temp_file("random.bin", &bytes);
    let run = check(&path);
    assert_refused(&run, &path, "");
    // Random printable text gets past the UTF-8 check into the YAML parser.
    let mut next = xorshift(42);
    let text: Vec<u8> = (0..64 * 1024)
        .map(|_| match next() % 100 {
            0..=9 => b'\n',
            10..=19 => b' ',
            20..=24 => b':',
            25..=27 => b'-',
            28..=30 => b'[',
            31..=33 => b']',
            34..=35 => b'&',
            36..=37 => b'*',
            n => b'!' + (n as u8 % 90),
        })
        .collect();
    let (_dir, path) = temp_file("random.yaml", &text);
    let run = check(&path);
    assert_refused(&run, &path, "");
}

// ---------------------------------------------------------------- limits

#[test]
fn the_file_size_limit_is_enforced_and_can_be_changed() {
    let size = std::fs::metadata(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE))
        .unwrap()
        .len();
    let small = (size - 1).to_string();
    let run = dateline(&["check", "--max-file-size", &small, SAMPLE]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains(&format!(
            "the file is {size} bytes, over the limit of {small} bytes (raise it with --max-file-size)"
        )),
        "{}",
        run.stdout
    );
    // Exactly the size of the file is within the limit.
    let run = dateline(&["check", "--max-file-size", &size.to_string(), SAMPLE]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn a_file_over_the_limit_is_never_read() {
    // 768 MiB that take no disk (a sparse file), over the default limit of 512 MiB, checked
    // in 1 GiB of address space: reading it whole (and copying it) would not fit.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.yaml");
    let size: u64 = 768 << 20;
    std::fs::File::create(&path).unwrap().set_len(size).unwrap();
    let name = path.display().to_string();
    let run = dateline_within(1 << 20, &["check", &name]);
    assert_refused(
        &run,
        &path,
        &format!("the file is {size} bytes, over the limit of 536870912 bytes"),
    );
}

#[test]
fn the_nesting_limit_is_64_levels() {
    // The root mapping is one level; `x-deep` adds `n` more.
    let nested = |n: usize| format!("events: []\nx-deep: {}{}\n", "[".repeat(n), "]".repeat(n));
    let (_dir, path) = temp_file("deep63.yaml", nested(63).as_bytes());
    assert_eq!(check(&path).code, 0);
    let (_dir, path) = temp_file("deep64.yaml", nested(64).as_bytes());
    let run = check(&path);
    assert_refused(&run, &path, "nesting deeper than 64 levels");
    assert!(
        run.stdout.contains(&format!("--> {}:2:72", path.display())),
        "{}",
        run.stdout
    );
}

#[test]
fn aliases_are_fine_until_they_expand_tenfold() {
    // Ordinary use: one list of actors named twice.
    let yaml = "\
actors:
  - id: burns
    name: William Burns
  - id: kamel
    name: Abbas Kamel
events:
  - date: 2024-05-03
    kind: meeting
    title: Talks
    actors: &cairo [burns, kamel]
  - date: 2024-05-04
    kind: meeting
    title: More talks
    actors: *cairo
";
    let (_dir, path) = temp_file("alias.yaml", yaml.as_bytes());
    let run = check(&path);
    assert_eq!(run.code, 0, "{}", run.stdout);
    // A list of 100 items named 11 times adds more than 10 times the nodes written.
    let items = vec!["x"; 100].join(", ");
    let many = |n: usize| {
        let mut doc = format!("events: []\nx-base: &b [{items}]\nx-copies:\n");
        for _ in 0..n {
            doc += "  - *b\n";
        }
        doc
    };
    let (_dir, path) = temp_file("nine.yaml", many(9).as_bytes());
    assert_eq!(check(&path).code, 0);
    let (_dir, path) = temp_file("eleven.yaml", many(11).as_bytes());
    let run = check(&path);
    assert_refused(&run, &path, "aliases expand to more than 10 times");
}

// ---------------------------------------------------------------- usage

#[test]
fn wrong_usage_exits_2() {
    for args in [
        &["check"][..],
        &["check", "--no-such-flag", SAMPLE],
        &["check", "--max-file-size", "lots", SAMPLE],
        &["no-such-command-or-file", "--bogus"],
    ] {
        let run = dateline(args);
        assert_eq!(run.code, 2, "dateline {args:?}: {}", run.stderr);
        assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
        assert!(run.stderr.contains("--help"), "{}", run.stderr);
        assert!(run.stdout.is_empty());
    }
}

// ---------------------------------------------------------------- hostile files

#[test]
fn aliases_of_a_long_string_are_refused_by_the_bytes_they_add() {
    // Five nodes' worth of aliases, but each one a 5 MiB string: 1,000 of them would take
    // 5 GiB. Checked in 1 GiB of address space, the refusal must come before any copy.
    let mut doc = format!(
        "events: []\nx-big: &big \"{}\"\nx-copies: [",
        "x".repeat(5 << 20)
    );
    doc += &vec!["*big"; 1000].join(", ");
    doc += "]\n";
    let (_dir, path) = temp_file("bytes.yaml", doc.as_bytes());
    let run = dateline_within(1 << 20, &["check", path.to_str().unwrap()]);
    assert_refused(
        &run,
        &path,
        "aliases expand to more than 10 times the bytes of the file: refusing a possible alias bomb",
    );
}

#[test]
fn many_events_with_one_derived_id_take_linear_time() {
    // 40,000 events with the same date and title: a scan from `-2` for each took an hour.
    let mut doc = String::from("events:\n");
    for _ in 0..40_000 {
        doc += "  - {date: 2024-05-03, kind: meeting, title: Talks}\n";
    }
    let (_dir, path) = temp_file("same.yaml", doc.as_bytes());
    let run = dateline(&["list", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let events: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let ids: Vec<&str> = events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 40_000);
    let unique: std::collections::HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), 40_000);
    assert!(unique.contains("2024-05-03-talks"));
    assert!(unique.contains("2024-05-03-talks-2"));
    assert!(unique.contains("2024-05-03-talks-40000"));
}

#[test]
fn a_mapping_of_many_keys_takes_linear_time_and_still_finds_duplicates() {
    // 160,000 keys in one event: comparing each with all before it took minutes.
    let mut doc =
        String::from("events:\n  - date: 2024-05-03\n    kind: meeting\n    title: Talks\n");
    for i in 0..160_000 {
        doc += &format!("    x-k{i}: 1\n");
    }
    doc += "    x-k123456: 2\n";
    let (_dir, path) = temp_file("keys.yaml", doc.as_bytes());
    let run = check(&path);
    assert_refused(
        &run,
        &path,
        "`x-k123456` is given twice (first on line 123461): a key may appear once",
    );
    assert!(run.stdout.contains(": 1 error"), "{}", run.stdout);
}

/// Checks a special file: refused at once, saying what it is, never read.
fn assert_special_refused(path: &Path, what: &str) {
    let run = dateline_within(1 << 20, &["check", path.to_str().unwrap()]);
    assert_refused(
        &run,
        path,
        &format!("is {what}, not a regular file: expected a YAML event log file"),
    );
    for args in [&["list"][..], &["quotes"]] {
        let mut args = args.to_vec();
        args.push(path.to_str().unwrap());
        let run = dateline_within(1 << 20, &args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("not a regular file"), "{}", run.stderr);
    }
}

#[test]
fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("log.yaml");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    assert_special_refused(&fifo, "a named pipe (FIFO)");
    // Through a link too: what counts is what the link leads to.
    let link = dir.path().join("link.yaml");
    std::os::unix::fs::symlink(&fifo, &link).unwrap();
    assert_special_refused(&link, "a named pipe (FIFO)");
}

#[test]
fn devices_are_refused_before_anything_is_read() {
    // /dev/zero never ends; reading it up to the size limit would take 512 MiB.
    assert_special_refused(Path::new("/dev/zero"), "a character device");
    assert_special_refused(Path::new("/dev/null"), "a character device");
}

#[test]
fn a_socket_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.yaml");
    let _listener = std::os::unix::net::UnixListener::bind(&path).unwrap();
    assert_special_refused(&path, "a socket");
}

#[test]
fn a_link_to_a_regular_file_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("link.yaml");
    let target = dir.path().join("target.yaml");
    std::fs::write(&target, sample_without_archives()).unwrap();
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let run = check(&link);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn file_names_are_sanitised_in_every_line_check_prints() {
    // A name that clears the screen and forges an "ok" line after a newline.
    let dir = tempfile::tempdir().unwrap();
    let good = dir
        .path()
        .join("x\u{1b}[2J\nforged.yaml: 1 event: ok\u{1b}]0;t\u{7}.yaml");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE), &good).unwrap();
    let bad = dir.path().join("bad\u{1b}[31m.yaml");
    std::fs::write(&bad, "events: [1]\n").unwrap();
    for path in [&good, &bad] {
        let run = check(path);
        for out in [&run.stdout, &run.stderr] {
            assert!(!out.contains('\u{1b}'), "{out:?}");
            assert!(!out.contains('\u{7}'), "{out:?}");
        }
        assert!(
            !run.stdout.lines().any(|l| l.starts_with("forged")),
            "{}",
            run.stdout
        );
        assert!(run.stdout.contains('\u{241b}'), "{}", run.stdout);
        let run = dateline(&["list", path.to_str().unwrap()]);
        assert!(!run.stderr.contains('\u{1b}'), "{:?}", run.stderr);
    }
    let missing = dir.path().join("gone\u{1b}[2J.yaml");
    let run = check(&missing);
    assert!(!run.stdout.contains('\u{1b}'), "{:?}", run.stdout);
    // Arguments quoted back by a usage error are text from outside too.
    let run = dateline(&["check", "--max-file-size", "1\u{1b}[2J", SAMPLE]);
    assert_eq!(run.code, 2);
    assert!(!run.stderr.contains('\u{1b}'), "{:?}", run.stderr);
}

#[test]
fn the_same_file_named_twice_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("log.yaml");
    std::fs::write(&file, sample_without_archives()).unwrap();
    let name = file.to_str().unwrap();
    let dir_name = dir.path().to_str().unwrap();
    for args in [
        vec!["check", name, name],
        vec!["check", dir_name, name],
        vec!["check", name, &format!("{dir_name}/./log.yaml")],
    ] {
        let run = dateline(&args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stdout);
        assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
        assert!(run.stdout.ends_with(": ok\n"), "{}", run.stdout);
    }
}

#[test]
fn nel_ls_and_ps_neither_shift_line_numbers_nor_change_titles() {
    // Three titles holding U+0085, U+2028 and U+2029; the error is on line 13 as an editor
    // counts (libyaml alone took each of them for a line break).
    let event =
        |title: &str| format!("  - date: 2024-05-03\n    kind: meeting\n    title: {title}\n");
    let mut yaml = String::from("events:\n");
    yaml += &event("\"a\u{85}b\"");
    yaml += &event("'c\u{2028}d'");
    yaml += &event("e\u{2029}f");
    yaml += "  - date: 2024-05-03\n    kind: meeting\n    titel: Talks\n";
    let (_dir, path) = temp_file("lines.yaml", yaml.as_bytes());
    let run = check(&path);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout
            .contains(&format!("--> {}:13:5 (events[3].titel)", path.display())),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("13 |     titel: Talks"),
        "{}",
        run.stdout
    );
    // Without the error, the titles come out as written, every character kept.
    let fixed = yaml.replace("titel", "title");
    let (_dir, path) = temp_file("lines.yaml", fixed.as_bytes());
    let run = dateline(&["list", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for title in ["a\u{85}b", "c\u{2028}d", "e\u{2029}f"] {
        assert!(
            run.stdout.contains(&serde_json::to_string(title).unwrap()),
            "{title:?} in {}",
            run.stdout
        );
    }
}

#[test]
fn a_file_with_old_mac_line_ends_shows_the_line_at_fault() {
    let yaml = "events:\r  - date: 2024-05-03\r    kind: meeting\r    titel: Talks\r";
    let (_dir, path) = temp_file("cr.yaml", yaml.as_bytes());
    let run = check(&path);
    assert!(
        run.stdout.contains("4 |     titel: Talks"),
        "{}",
        run.stdout
    );
}

// ---------------------------------------------------------------- the world around

#[test]
fn the_browser_without_a_terminal_says_so_and_points_to_list() {
    // stdout is a pipe here, stdin /dev/null: nothing may be drawn, nothing is raw.
    for args in [&[][..], &[SAMPLE], &[SAMPLE, "--party", "hamas"]] {
        let run = dateline(args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{:?}", run.stdout);
        assert!(
            run.stderr.contains("the browser needs a terminal")
                && run.stderr.contains("`dateline list"),
            "{}",
            run.stderr
        );
        assert!(!run.stderr.contains('\u{1b}'), "{:?}", run.stderr);
    }
}

#[test]
fn a_file_size_limit_makes_a_write_fail_with_a_message_not_a_signal() {
    // Under `ulimit -f`, a write past the limit raised SIGXFSZ, which killed the process.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("ulimit -f 1 && exec \"$0\" list --format json > \"$1\"")
        .arg(env!("CARGO_BIN_EXE_dateline"))
        .arg(&out);
    // `run` panics if the process was killed by a signal.
    let run = run(&mut cmd);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("dateline: cannot write the output: File too large"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_readme_shows_what_check_prints_on_the_sample() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let r = dateline(&["check", SAMPLE]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines = r.stdout.lines().count();
    let at = readme
        .lines()
        .position(|l| l.starts_with(&format!("{SAMPLE}: ")))
        .expect("the README shows check on the sample");
    let shown: Vec<&str> = readme.lines().skip(at).take(lines).collect();
    assert_eq!(r.stdout.trim_end(), shown.join("\n"));
}

#[test]
fn a_party_declared_in_two_files_counts_in_each_files_summary() {
    let dir = tempfile::tempdir().unwrap();
    let shared = "parties:\n  - {id: hamas, name: Hamas}\nactors:\n  - {id: haniyeh, name: Ismail Haniyeh, party: hamas}\n";
    let a = dir.path().join("a.yaml");
    let b = dir.path().join("b.yaml");
    std::fs::write(
        &a,
        format!("{shared}events:\n  - {{date: 2024-05-01, kind: statement, title: One, actors: [haniyeh]}}\n"),
    )
    .unwrap();
    std::fs::write(
        &b,
        format!("{shared}events:\n  - {{date: 2024-05-02, kind: statement, title: Two, actors: [haniyeh]}}\n"),
    )
    .unwrap();
    let r = dateline(&["check", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    // The summary lines, one per file (warnings may come before them).
    let lines: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.starts_with(dir.path().to_str().unwrap()))
        .collect();
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    for line in lines {
        assert!(
            line.contains(": 1 event, 1 actor, 1 party, 0 quotes: ok"),
            "{line}"
        );
    }
}

#[test]
fn date_mistakes_are_shown_where_they_are_with_their_fix() {
    let log = "\
timezone: Africa/Cairo
events:
  - date: 2023-03-10T14:00+0330
    kind: meeting
    title: Offset without colon
  - date: 2023-3-10
    kind: meeting
    title: Month in one digit
  - date: March 2023
    kind: meeting
    title: Month in words
  - date: 2023-03-10 14:00+03:30
    kind: meeting
    title: Space for T
  - date: 2023-03-10T14:00
    kind: meeting
    title: No clock
  - date: 2023-03-10T14:00[Asia/Teheran]
    kind: meeting
    title: Zone misspelt
";
    let (_dir, path) = temp_file("talks.yaml", log.as_bytes());
    let run = check(&path);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let out = &format!("{}{}", run.stdout, run.stderr);
    let name = path.display();
    for (line, fix) in [
        (
            3,
            "= help: write \"2023-03-10T14:00+03:30\": an offset is written ±HH:MM",
        ),
        (
            6,
            "= help: write \"2023-03-10\": month and day are written with two digits",
        ),
        (9, "= help: write \"2023-03\": a month is written YYYY-MM"),
        (
            12,
            "= help: write \"2023-03-10T14:00+03:30\": date and time are joined by T, with no space",
        ),
        (
            15,
            "= help: write the offset, 2023-03-10T14:00+02:00, or the zone, 2023-03-10T14:00[Africa/Cairo]",
        ),
        (18, "= help: did you mean \"Asia/Tehran\"?"),
    ] {
        let place = format!("--> {name}:{line}:11 (events[{}].date)", (line - 3) / 3);
        let at = out
            .find(&place)
            .unwrap_or_else(|| panic!("{place} not in:\n{out}"));
        let next = out[at..]
            .find(fix)
            .unwrap_or_else(|| panic!("{fix} not after {place}:\n{out}"));
        assert!(
            !out[at + place.len()..at + next].contains("-->"),
            "the fix of line {line} is under another error:\n{out}"
        );
    }
    assert!(out.contains("talks.yaml: 6 errors"), "{out}");
}

/// The sample's text without its `archive:` lines, to copy where its archives are not.
fn sample_without_archives() -> String {
    dateline::SAMPLE
        .lines()
        .filter(|l| !l.trim_start().starts_with("archive:"))
        .map(|l| format!("{l}\n"))
        .collect()
}
