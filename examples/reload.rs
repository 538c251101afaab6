//! A directory log's reload through the cache, for a profiler (docs/PERFORMANCE.md):
//!
//! ```text
//! cargo build --release --example reload
//! valgrind --tool=callgrind --collect-atstart=no --toggle-collect='reload::reload_once' \
//!     target/release/examples/reload 100000 [same|one]
//! ```
//!
//! Writes the generated log of EVENTS events as 100 files in a temporary folder (as
//! benches/reload.rs does), loads it through a `LoadCache`, then reloads it: unchanged
//! (`same`) or with one file's title edited (`one`, the default), each reload in
//! `reload_once`, which callgrind's `--toggle-collect` can isolate.

// The allocator the dateline binary uses, so the figures are the program's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "../benches/support/generate.rs"]
mod generate;

use dateline::load::{Limits, LoadCache, Loaded};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

const FILES: usize = 100;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(events) = args
        .first()
        .and_then(|s| s.replace('_', "").parse::<usize>().ok())
    else {
        eprintln!("usage: reload EVENTS [same|one] [TIMES]");
        return ExitCode::from(2);
    };
    let one = args.get(1).is_none_or(|m| m != "same");
    let times: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(2);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let paths = generate::split_into(dir.path(), &generate::generate(events, 1), FILES);
    // Files as old as a log's usually are: metadata newer than two seconds is not trusted
    // (src/load/stamp.rs), and they would all be read again.
    std::thread::sleep(std::time::Duration::from_millis(2500));
    let limits = Limits::default();
    let mut cache = LoadCache::new();
    let started = Instant::now();
    let first = cache.load_paths(&paths, &limits).expect("loads");
    eprintln!("first load: {:.3} s", started.elapsed().as_secs_f64());
    drop(first);
    let changed = &paths[FILES / 2];
    let before = std::fs::read_to_string(changed).expect("read");
    let after = before.replacen("title: ", "title: Edited ", 1);
    for i in 0..times {
        if one {
            let text = if i % 2 == 0 { &after } else { &before };
            std::fs::write(changed, text).expect("write");
        }
        let started = Instant::now();
        let loaded = reload_once(&mut cache, &paths, &limits);
        eprintln!(
            "reload: {:.3} s, {} read, {} parsed, {} events",
            started.elapsed().as_secs_f64(),
            cache.read(),
            cache.parsed(),
            loaded.log.events.len()
        );
    }
    ExitCode::SUCCESS
}

#[inline(never)]
fn reload_once(cache: &mut LoadCache, paths: &[PathBuf], limits: &Limits) -> Loaded {
    cache.load_paths(paths, limits).expect("loads")
}
