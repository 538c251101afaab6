//! The two ways a file is read agree on any bytes: straight from the parser's events
//! (which gives up at anything it does not read) and through the tree give the same log,
//! warnings and errors.
#![no_main]

use dateline::load::{Limits, load_bytes, load_bytes_through_tree};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = Limits::default();
    let quick = load_bytes("fuzz.yaml", data, &limits);
    let tree = load_bytes_through_tree("fuzz.yaml", data, &limits);
    match (quick, tree) {
        (Ok(q), Ok(t)) => {
            assert_eq!(q.warnings, t.warnings);
            assert_eq!(q.log, t.log);
        }
        (Err(q), Err(t)) => assert_eq!(q, t),
        (q, t) => panic!(
            "one way opened the log, the other did not: {:?} / {:?}",
            q.map(|l| l.warnings),
            t.map(|l| l.warnings)
        ),
    }
});
