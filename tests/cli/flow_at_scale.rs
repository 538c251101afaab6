//! A log whose event is one flow mapping of millions of items: the parser would queue every
//! token of it (the mapping could be a key until it closes), so it is refused where it starts,
//! quickly and within a small address space, while the same list in block style is read.

use super::import_at_scale::{CAP_CPU, dateline_bounded};

/// Address space (KiB): the binary and a 6 MB file with room, far under the 1 GB the parser's
/// queue took for this log.
const CAP_KIB: u64 = 400 << 10;

fn log(event: &str) -> String {
    format!(
        "dateline: 1\nsources:\n  - {{id: s, outlet: S}}\nevents:\n  - date: 2024-01-01\n    kind: call\n    title: Fine\n    sources: [s]\n{event}"
    )
}

#[test]
fn an_event_of_two_million_topics_in_brackets_is_refused_within_the_cap() {
    let topics = vec!["a"; 2_000_000].join(", ");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.yaml");
    let text = log(&format!(
        "  - {{date: 2024-01-02, kind: call, title: Long, sources: [s], topics: [{topics}]}}\n"
    ));
    std::fs::write(&path, &text).unwrap();
    let run = dateline_bounded(CAP_KIB, CAP_CPU, &["check", path.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let said = format!("{}{}", run.stdout, run.stderr);
    assert!(said.contains("talks.yaml:9:5"), "{said}");
    assert!(said.contains("more than 100000 items"), "{said}");
    assert!(said.contains("block style"), "{said}");
}

#[test]
fn the_same_topics_after_their_key_are_read() {
    let topics = vec!["a"; 200_000].join(", ");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.yaml");
    let text = log(&format!(
        "  - date: 2024-01-02\n    kind: call\n    title: Long\n    sources: [s]\n    topics: [{topics}]\n"
    ));
    std::fs::write(&path, &text).unwrap();
    let run = dateline_bounded(CAP_KIB, CAP_CPU, &["check", path.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}
