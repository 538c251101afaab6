//! The YAML layer's corpus: every log under tests/ and data/ (and generated logs of 1,000
//! and 10,000 events) checked and listed as JSON, compared with what the loader gave when
//! these goldens were made. They were first written by the libyaml loader, so that the
//! loader on saphyr-parser had to build the same model and the same diagnostics; where a
//! syntax error's wording or position changed, the golden was read and rewritten.
//! `UPDATE_GOLDEN=1 cargo test --test cli yaml_corpus` rewrites them.

use crate::common::cli::{compare_golden, dateline};
use std::path::{Path, PathBuf};

/// The golden's name for a log: its path with `/` as `-`, under tests/golden/yaml/.
fn golden_name(path: &Path) -> String {
    let p = path.to_string_lossy();
    let p = p
        .strip_prefix("tests/fixtures/")
        .map(str::to_string)
        .or_else(|| {
            p.strip_prefix("tests/golden/")
                .map(|g| format!("golden-{g}"))
        })
        .unwrap_or_else(|| p.to_string());
    p.trim_end_matches(".yaml").replace('/', "-")
}

fn corpus() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in [
        "tests/fixtures",
        "tests/fixtures/mistakes",
        "tests/fixtures/yaml",
        "data",
    ] {
        for entry in std::fs::read_dir(dir).expect("corpus folder") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|x| x == "yaml") {
                files.push(path);
            }
        }
    }
    files.push("tests/golden/import-every-field.yaml".into());
    files.push("tests/golden/import-every-column.yaml".into());
    files.sort();
    files
}

/// What `check` prints (both streams) and its exit code.
fn check(path: &str) -> String {
    let out = dateline(&["check", path]);
    format!(
        "{}{}exit: {}\n",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
        out.status.code().unwrap_or(-1)
    )
}

/// The model as `list --format json` gives it, when the log opens.
fn json(path: &str) -> Option<String> {
    let out = dateline(&["list", path, "--format", "json"]);
    out.status
        .success()
        .then(|| String::from_utf8(out.stdout).expect("UTF-8"))
}

#[test]
fn every_log_of_the_corpus_checks_and_lists_as_before() {
    let files = corpus();
    assert!(files.len() >= 30, "{} files", files.len());
    for path in files {
        let name = golden_name(&path);
        let shown = path.to_string_lossy();
        compare_golden(
            &format!("yaml/{name}.check.txt"),
            &format!("dateline check {shown}"),
            &check(&shown),
        );
        let golden = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden/yaml")
            .join(format!("{name}.json"));
        match json(&shown) {
            Some(listed) => compare_golden(
                &format!("yaml/{name}.json"),
                &format!("dateline list {shown} --format json"),
                &listed,
            ),
            None => assert!(
                !golden.exists(),
                "{shown} no longer opens, but it did: {}",
                golden.display()
            ),
        }
    }
}

/// FNV-1a: a digest of outputs too big to keep whole, the same on every machine.
fn digest(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x} {} bytes\n", text.len())
}

#[test]
fn generated_logs_check_and_list_as_before() {
    let dir = tempfile::tempdir().expect("temp dir");
    for events in [1_000, 10_000] {
        let path = dir.path().join(format!("generated-{events}.yaml"));
        std::fs::write(&path, crate::generator::generate(events, 1)).expect("write");
        let shown = path.to_string_lossy().to_string();
        let checked = check(&shown).replace(&shown, "generated.yaml");
        let listed = json(&shown).expect("a generated log opens");
        compare_golden(
            &format!("yaml/generated-{events}.digest"),
            &format!("check and list of {events} generated events"),
            &format!("check: {}list: {}", digest(&checked), digest(&listed)),
        );
    }
}
