//! Running the real binary, and golden files.
//!
//! Golden files live in tests/golden/. After a deliberate change to the sample or to an
//! output format, regenerate them with `UPDATE_GOLDEN=1 cargo test` and read the diff before
//! committing.

use dateline::model::Log;
use std::path::PathBuf;
use std::process::{Command, Output};

pub fn dateline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .output()
        .expect("run dateline")
}

pub fn stdout(args: &[&str]) -> String {
    let out = dateline(args);
    assert!(
        out.status.success(),
        "dateline {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

pub fn sample() -> Log {
    dateline::load_sample().expect("the sample loads").log
}

/// Compares the output of `dateline ARGS` with tests/golden/NAME byte for byte, or
/// rewrites the file when UPDATE_GOLDEN=1.
pub fn golden(name: &str, args: &[&str]) {
    compare_golden(name, &format!("dateline {args:?}"), &stdout(args));
}

pub fn compare_golden(name: &str, what: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; create it with UPDATE_GOLDEN=1", path.display()));
    if actual != expected {
        let line = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .unwrap_or_else(|| actual.lines().count().min(expected.lines().count()));
        panic!(
            "{what} differs from {} at line {}:\n  got:      {:?}\n  expected: {:?}\n\
             (if the change is intended: UPDATE_GOLDEN=1 cargo test, then review the diff)",
            path.display(),
            line + 1,
            actual.lines().nth(line),
            expected.lines().nth(line)
        );
    }
}
