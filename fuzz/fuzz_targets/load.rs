//! Any bytes given to the loader give a log or a report, never a panic, a hang or
//! unbounded memory.
#![no_main]

use dateline::load::{Limits, load_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = load_bytes("fuzz.yaml", data, &Limits::default());
});
