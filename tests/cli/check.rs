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

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs the binary from the crate root, killing it if it does not finish in time.
fn dateline(args: &[&str]) -> Run {
    run(Command::new(env!("CARGO_BIN_EXE_dateline")).args(args))
}

/// Runs the binary with its address space capped (`ulimit -v`, in KiB): an allocation
/// beyond it aborts the process, which `run` reports as a failure.
fn dateline_within(kib: u64, args: &[&str]) -> Run {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("ulimit -v {kib} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_dateline"))
        .args(args);
    run(&mut cmd)
}

fn run(cmd: &mut Command) -> Run {
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
            "{SAMPLE}: {} events, {} actors, {} parties, {} quotes: ok\n",
            log.events.len(),
            log.actors.len(),
            log.parties.len(),
            log.quote_count()
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
    // The event also has no source: a warning.
    assert!(
        run.stdout
            .ends_with(&format!("{name}: 3 errors, 1 warning\n")),
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
             {extra_name}: 1 event, 0 actors, 0 parties, 0 quotes: ok\n",
            sample.events.len(),
            sample.actors.len(),
            sample.parties.len(),
            sample.quote_count()
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
