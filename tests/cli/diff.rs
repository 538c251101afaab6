//! `dateline diff OLD NEW`: what changed between versions of a log, on a log's history of
//! edits (tests/fixtures/history/1.yaml, 2.yaml, 3.yaml); goldens in tests/golden/history-*.

use crate::common::cli::{compare_golden, dateline};

fn version(n: u32) -> String {
    format!(
        "{}/tests/fixtures/history/{n}.yaml",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// Runs `dateline diff` and returns stdout, asserting the exit code.
fn diff(args: &[&str], code: i32) -> String {
    let mut all = vec!["diff"];
    all.extend_from_slice(args);
    let out = dateline(&all);
    assert_eq!(
        out.status.code(),
        Some(code),
        "{all:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn golden_history_of_edits() {
    let (v1, v2, v3) = (version(1), version(2), version(3));
    for (from, to, name) in [(&v1, &v2, "history-1-2"), (&v2, &v3, "history-2-3")] {
        for (format, ext) in [("text", "txt"), ("markdown", "md"), ("json", "json")] {
            let out = diff(&[from, to, "--format", format], 1);
            compare_golden(
                &format!("{name}.{ext}"),
                &format!("diff {name} {format}"),
                &out,
            );
        }
    }
}

#[test]
fn the_same_log_is_no_change_and_exits_0() {
    let v1 = version(1);
    assert_eq!(diff(&[&v1, &v1], 0), "no changes\n");
}

#[test]
fn a_folder_compares_with_the_file_it_was_split_from() {
    // Version 1 split in two files, in a folder: the same log.
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(version(1)).unwrap();
    let at = text.find("events:").unwrap();
    std::fs::write(dir.path().join("cast.yaml"), &text[..at]).unwrap();
    std::fs::write(dir.path().join("events.yaml"), &text[at..]).unwrap();
    let folder = dir.path().to_str().unwrap();
    assert_eq!(diff(&[folder, &version(1)], 0), "no changes\n");
    let out = diff(&[folder, &version(2)], 1);
    assert!(out.contains("~ changed  Sat 4 October 2025  First round of talks in Muscat  [round-one]\n    status: expected → occurred\n"), "{out}");
}

#[test]
fn either_side_failing_to_load_is_trouble_with_its_errors() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.yaml");
    std::fs::write(
        &broken,
        "events:\n  - date: 2025-10-04\n    kind: meting\n    title: T\n",
    )
    .unwrap();
    let broken = broken.to_str().unwrap();
    for args in [[broken, &version(1)], [&version(1), broken]] {
        let out = dateline(&["diff", args[0], args[1]]);
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("broken.yaml:3"), "{err}");
        assert!(err.contains("\"meeting\""), "{err}");
        assert!(err.contains("does not load"), "{err}");
    }
}

#[test]
fn filters_select_events_as_in_list() {
    let (v2, v3) = (version(2), version(3));
    // `oman` is a party of version 2 only: it still selects there.
    let out = diff(&[&v2, &v3, "--party", "oman"], 1);
    assert!(out.contains("[round-one]"), "{out}");
    assert!(!out.contains("[round-two]"), "{out}");
    assert!(out.ends_with("event: 1 changed\n"), "{out}");
    let out = diff(&[&v2, &v3, "--status", "expected"], 1);
    assert!(
        out.contains("- removed  Sat 11 October 2025  Second round expected  [round-two]"),
        "{out}"
    );
    // Nothing that matches: no change, exit 0.
    assert_eq!(diff(&[&v2, &v3, "--kind", "proposal"], 0), "no changes\n");
    // An id that neither side knows is a mistake.
    let out = dateline(&["diff", &v2, &v3, "--party", "qatar"]);
    assert_eq!(out.status.code(), Some(2));
}
