//! End to end, what held when the browser was attacked, kept so that it goes on holding:
//! `o` hands a URL full of shell metacharacters to the launcher as one argument and runs
//! nothing, and hundreds of live reloads leave memory, threads and open files flat. Every
//! wait polls (the screen, a file, the process) with a deadline; never a fixed sleep.

use crate::common::pty::{DEADLINE, Session};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Every launcher the `open` crate may try on Linux, in its order (`powershell.exe` on
/// WSL first), with the arguments it puts before the URL.
const LAUNCHERS: &[(&str, &[&str])] = &[
    ("xdg-open", &[]),
    ("gio", &["open"]),
    ("gnome-open", &[]),
    ("kde-open6", &["--"]),
    ("kde-open5", &["--"]),
    ("kde-open", &["--"]),
    ("wslview", &[]),
];

/// A URL that a shell would turn into several commands, each creating a `pwned` file in
/// the working directory. It holds no space or control character, which `o` refuses
/// outright: `${IFS}` stands in for the space.
const URL: &str = "https://example.org/a;touch${IFS}pwned&b=$(touch${IFS}pwned2)|touch${IFS}pwned3\
                   `touch${IFS}pwned4`&&touch${IFS}pwned5||x>pwned6<y'q'\"d\"*?!#~%5C{a,b}";

/// Writes fake launchers into `bin`: each records its name, its working directory and its
/// arguments (NUL-separated, so that any byte survives) in `record`, written whole and then
/// renamed into place so that the test never reads half of it.
fn fake_launchers(bin: &Path, record: &Path) {
    let script = format!(
        "#!/bin/sh\n\
         rec='{rec}'\n\
         {{ printf '%s\\0' \"${{0##*/}}\" \"$PWD\" \"$#\"; for a in \"$@\"; do printf '%s\\0' \"$a\"; done; }} \
         > \"$rec.tmp\" && mv \"$rec.tmp\" \"$rec\"\n",
        rec = record.display()
    );
    for (name, _) in LAUNCHERS {
        write_script(&bin.join(name), &script);
    }
    // On WSL the crate tries PowerShell first: make it fail, so that a launcher above runs.
    write_script(&bin.join("powershell.exe"), "#!/bin/sh\nexit 1\n");
}

fn write_script(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// Waits until `path` exists, for a file written by another process.
fn wait_file(path: &Path) -> Vec<u8> {
    let start = Instant::now();
    loop {
        if let Ok(bytes) = std::fs::read(path) {
            return bytes;
        }
        assert!(
            start.elapsed() < DEADLINE,
            "no launcher ran: {} was never written",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn o_passes_a_url_with_shell_metacharacters_to_the_launcher_as_one_argument_and_runs_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin");
    let work = dir.path().join("work");
    std::fs::create_dir(&bin).unwrap();
    std::fs::create_dir(&work).unwrap();
    let record = dir.path().join("launched");
    fake_launchers(&bin, &record);

    // Single-quoted YAML: nothing is an escape but '' for '.
    let log = format!(
        r#"title: Metacharacters
sources:
  - {{id: wire, outlet: Wire, url: '{url}'}}
events:
  - {{id: e1, date: 2024-01-01, kind: meeting, title: Ann meets Bob, sources: [wire]}}
"#,
        url = URL.replace('\'', "''")
    );
    let file = work.join("talks.yaml");
    std::fs::write(&file, log).unwrap();

    // The fake launchers first on PATH; the browser (and so the launcher) runs in `work`,
    // where a shell obeying the URL would leave its files.
    let script = format!(
        "PATH='{}':\"$PATH\"; export PATH; exec \"$0\" \"$@\"",
        bin.display()
    );
    let mut s = Session::start_via_shell(&script, &["talks.yaml"], &work, 30, 100);
    s.wait_text("Ann meets Bob");
    s.keys("o");
    s.wait_text("opening https://example.org/a;touch");

    let bytes = wait_file(&record);
    let fields: Vec<&[u8]> = bytes.split(|&b| b == 0).collect();
    // Name, working directory, argument count, the arguments, and the empty tail after the
    // last NUL.
    assert!(
        fields.len() >= 4,
        "record: {:?}",
        String::from_utf8_lossy(&bytes)
    );
    let name = String::from_utf8_lossy(fields[0]).into_owned();
    let args = &fields[3..fields.len() - 1];
    let count: usize = String::from_utf8_lossy(fields[2]).parse().unwrap();
    assert_eq!(count, args.len(), "{name}: argument count");
    let prefix = LAUNCHERS
        .iter()
        .find(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("an unexpected launcher ran: {name}"))
        .1;
    assert_eq!(
        args.len(),
        prefix.len() + 1,
        "{name} must get the URL as exactly one argument, got {:?}",
        args.iter()
            .map(|a| String::from_utf8_lossy(a))
            .collect::<Vec<_>>()
    );
    for (got, want) in args.iter().zip(prefix.iter()) {
        assert_eq!(*got, want.as_bytes(), "{name}: its own option");
    }
    // Byte for byte: the bytes must be valid UTF-8 and the very URL.
    assert_eq!(
        std::str::from_utf8(args[prefix.len()]),
        Ok(URL),
        "{name} got the URL changed"
    );
    assert_eq!(
        fields[1],
        work.as_os_str().as_encoded_bytes(),
        "launcher's directory"
    );

    // The launcher ran and finished (the record is renamed into place last); the browser
    // is still up and says nothing went wrong.
    let screen = s.wait_text("Ann meets Bob");
    assert!(!screen.contains("could not open"), "{screen}");
    s.keys("q");
    assert!(s.wait_exit().success());
    s.assert_terminal_restored();

    // Nothing the URL spelt out ran: no file it names exists anywhere a shell would have
    // made it.
    let pwned = |d: &Path| -> Vec<PathBuf> {
        std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("pwned")
            })
            .collect()
    };
    for d in [&work, dir.path(), &bin, &std::env::current_dir().unwrap()] {
        assert_eq!(
            pwned(d),
            Vec::<PathBuf>::new(),
            "created in {}",
            d.display()
        );
    }
    let mut listing: Vec<String> = std::fs::read_dir(&work)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    listing.sort();
    assert_eq!(
        listing,
        ["talks.yaml"],
        "only the log in the working directory"
    );
}

/// A log whose second event carries `filler` bytes of summary, so that keeping each
/// reloaded log alive would show in the process's memory.
fn big_log(title: &str, filler: usize) -> String {
    let summary = "The delegation waits in the lobby for word from Cairo. ".repeat(filler / 55 + 1);
    format!(
        r#"title: Flat
parties:
  - {{id: alpha, name: Alpha}}
  - {{id: beta, name: Beta}}
actors:
  - {{id: ann, name: Ann, party: alpha}}
  - {{id: bob, name: Bob, party: beta}}
events:
  - {{id: e1, date: 2024-01-01, kind: meeting, title: {title}, actors: [ann, bob]}}
  - {{id: e2, date: 2024-01-05, kind: call, title: Bob calls Ann, actors: [bob, ann], summary: "{summary}"}}
"#
    )
}

/// Writes a temporary file and renames it over the log, as vim does.
fn rename_over(file: &Path, text: &str) {
    let tmp = file.with_file_name(".talks.yaml.tmp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, file).unwrap();
}

/// The process's resident memory in kB, thread count and open descriptors.
fn usage(pid: u32) -> (u64, u64, usize) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let field = |name: &str| -> u64 {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{name} in /proc/{pid}/status:\n{status}"))
    };
    let fds = std::fs::read_dir(format!("/proc/{pid}/fd"))
        .unwrap()
        .count();
    (field("VmRSS:"), field("Threads:"), fds)
}

#[test]
fn hundreds_of_live_reloads_keep_memory_threads_and_open_files_flat() {
    const WARM_UP: usize = 10;
    const RELOADS: usize = 180;
    // 256 KB a load: keeping every log would add 46 MB, well past the bound below.
    const FILLER: usize = 256 * 1024;
    const BOUND_KB: u64 = 30 * 1024;

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("talks.yaml");
    std::fs::write(&file, big_log("Reload r0000 shown", FILLER)).unwrap();
    let mut s = Session::start(&[file.to_str().unwrap()], 30, 100);
    s.wait_text("Reload r0000 shown");

    let started = Instant::now();
    let mut before = None;
    for i in 1..=WARM_UP + RELOADS {
        let title = format!("Reload r{i:04} shown");
        rename_over(&file, &big_log(&title, FILLER));
        s.wait_text(&title);
        if i == WARM_UP {
            before = Some(usage(s.pid()));
        }
    }
    let (rss0, threads0, fds0) = before.unwrap();
    let (rss1, threads1, fds1) = usage(s.pid());
    let took = started.elapsed();
    eprintln!(
        "{} reloads in {took:?}: RSS {rss0} -> {rss1} kB, threads {threads0} -> {threads1}, \
         fds {fds0} -> {fds1}",
        WARM_UP + RELOADS
    );
    assert!(
        rss1 < rss0 + BOUND_KB,
        "memory grew by {} kB over {RELOADS} reloads ({rss0} -> {rss1} kB)",
        rss1.saturating_sub(rss0)
    );
    // A reload may be in flight on its own thread; a leak is one per reload.
    assert!(
        threads1 <= threads0 + 4,
        "threads {threads0} -> {threads1} over {RELOADS} reloads"
    );
    assert!(
        fds1 <= fds0 + 4,
        "open files {fds0} -> {fds1} over {RELOADS} reloads"
    );

    // Still alive and answering keys.
    s.keys("q");
    assert!(s.wait_exit().success());
    s.assert_terminal_restored();
}
