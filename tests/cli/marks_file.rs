//! `list --marked` when the marks file is not what it should be: a FIFO or `/dev/zero` in
//! its place is refused at once (never waited on or read without end), and said.

use super::check::run;
use std::process::Command;

#[test]
fn list_marked_refuses_a_fifo_or_a_device_in_place_of_the_marks_file() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log.yaml");
    std::fs::write(
        &log,
        "events:\n  - id: a\n    date: 2024-05-03\n    kind: meeting\n    title: Talks\n",
    )
    .unwrap();
    let state = dir.path().join("state");
    let marks = state
        .join("marks")
        .join(dateline::marks::key_for(std::slice::from_ref(&log)));
    std::fs::create_dir_all(marks.parent().unwrap()).unwrap();
    let fifo = Command::new("mkfifo").arg(&marks).status().unwrap();
    assert!(fifo.success());
    for what in ["a FIFO", "a device"] {
        let mut cmd = Command::new("sh");
        // Bounded: a read of /dev/zero grows without end, a FIFO blocks for ever.
        cmd.arg("-c")
            .arg("ulimit -v 1048576 && ulimit -t 30 && exec \"$0\" \"$@\"")
            .arg(env!("CARGO_BIN_EXE_dateline"))
            .args(["list", "--marked", log.to_str().unwrap()])
            .env("DATELINE_STATE_DIR", &state);
        let out = run(&mut cmd);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(
            out.stderr.contains(&format!(
                "{}: {what}, not a regular file: not read",
                marks.display()
            )),
            "{}",
            out.stderr
        );
        assert!(
            !out.stdout.contains("Talks"),
            "nothing is marked: {}",
            out.stdout
        );
        std::fs::remove_file(&marks).unwrap();
        std::os::unix::fs::symlink("/dev/zero", &marks).unwrap();
    }
}
