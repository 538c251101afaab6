//! Peak memory of one way of reading a log, for docs/PERFORMANCE.md. Run each mode as its
//! own process, since a process's peak never goes down:
//!
//! ```text
//! cargo run --release --example peak -- serde big.yaml   # the floor: serde_yaml into IgnoredAny
//! cargo run --release --example peak -- check big.yaml   # dateline's load, as `check` and a first frame
//! cargo run --release --example peak -- list big.yaml    # the load and the posting lists, as `list`
//! cargo run --release --example peak -- load big.yaml    # the load, the posting lists and the search text
//! cargo run --release --example peak -- twice DIR|FILE    # the browser's first load and a reload, no cache
//! cargo run --release --example peak -- browser DIR|FILE  # the same through the browser's cache
//! ```
//!
//! Prints the mode, the events loaded, the wall and CPU time and the peak resident set (VmHWM from
//! /proc/self/status, so Linux only), and the same on stdout as one tab-separated line.

// The allocator the dateline binary uses, so the figures are the program's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use dateline::load::{Limits, load_path};
use dateline::search::SearchIndex;
use serde::de::IgnoredAny;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: peak read|serde|value|check|list|load|twice|browser FILE\n  \
    read   only read the file into memory\n  \
    serde  read it and parse it with serde_yaml into IgnoredAny (builds nothing: the floor)\n  \
    value  read it and parse it into a serde_yaml::Value (a generic tree)\n  \
    check  dateline's load (read, parse, validate, order), as `check` and a first frame need\n  \
    list   the load and the posting lists, as `list` without `--search` needs\n  \
    load   the load, the posting lists and the folded search text\n  \
    twice  the browser's first load and a reload while it holds the first (a file or a directory)\n  \
    browser  the same through the browser's cache of the files' readings";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [mode, path] = args.as_slice() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let started = Instant::now();
    let events = match run(mode, &PathBuf::from(path)) {
        Ok(events) => events,
        Err(e) => {
            eprintln!("peak: {e}");
            return ExitCode::FAILURE;
        }
    };
    let secs = started.elapsed().as_secs_f64();
    let cpu = cpu_secs().unwrap_or(f64::NAN);
    let Some(hwm_kb) = vm_hwm_kb() else {
        eprintln!("peak: no VmHWM in /proc/self/status (Linux only)");
        return ExitCode::FAILURE;
    };
    let file_mb = std::fs::metadata(path).map_or(0.0, |m| m.len() as f64 / 1e6);
    eprintln!(
        "{mode}: {path} ({file_mb:.1} MB): {} events, {secs:.2} s wall, {cpu:.2} s CPU, peak RSS {:.1} MB",
        events.map_or("-".into(), |n| n.to_string()),
        hwm_kb as f64 / 1024.0
    );
    println!("{mode}\t{path}\t{hwm_kb}\t{secs:.3}\t{cpu:.2}");
    ExitCode::SUCCESS
}

/// Does the work of `mode`, keeping its result alive until the peak is read.
fn run(mode: &str, path: &PathBuf) -> Result<Option<usize>, String> {
    let read = || std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()));
    match mode {
        "read" => {
            let text = read()?;
            std::hint::black_box(&text);
            Ok(None)
        }
        "serde" => {
            let text = read()?;
            serde_yaml::from_str::<IgnoredAny>(&text).map_err(|e| e.to_string())?;
            Ok(None)
        }
        "value" => {
            let text = read()?;
            let value: serde_yaml::Value =
                serde_yaml::from_str(&text).map_err(|e| e.to_string())?;
            let events = value
                .get("events")
                .and_then(serde_yaml::Value::as_sequence)
                .map(Vec::len);
            std::hint::black_box(&value);
            Ok(events)
        }
        "check" | "list" | "load" => {
            // A million events is more than the default 512 MB. (Not u64::MAX: the loader
            // adds one to the limit.)
            let limits = Limits {
                max_file_bytes: 1 << 40,
                ..Limits::default()
            };
            let loaded = load_path(path, &limits).map_err(|r| {
                format!(
                    "{} errors, first: {}",
                    r.diagnostics.len(),
                    r.diagnostics
                        .first()
                        .map_or(String::new(), ToString::to_string)
                )
            })?;
            let index = match mode {
                "check" => None,
                "list" => Some(SearchIndex::new(&loaded.log)),
                _ => Some(SearchIndex::with_text(&loaded.log)),
            };
            std::hint::black_box(&index);
            Ok(Some(loaded.log.events.len()))
        }
        "twice" | "browser" => twice(path, mode == "browser"),
        _ => Err(USAGE.into()),
    }
}

/// A log (a file, or a directory's `.yaml` files) loaded, then reloaded unchanged while the
/// first log is still held, as the browser holds the log on screen while the watcher's reload
/// builds the next; through a `LoadCache` (the browser's) when `cached`, which is kept too.
fn twice(path: &PathBuf, cached: bool) -> Result<Option<usize>, String> {
    let paths: Vec<PathBuf> = if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| e.to_string())?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
            .collect();
        files.sort();
        files
    } else {
        vec![path.clone()]
    };
    let limits = Limits {
        max_file_bytes: 1 << 40,
        ..Limits::default()
    };
    let mut cache = dateline::load::LoadCache::new();
    let mut load = || {
        // The quotes left to the check in the background, as the browser loads.
        if cached {
            cache.load_paths_unchecked(&paths, &limits)
        } else {
            dateline::load::load_paths_unchecked(&paths, &limits)
        }
        .map_err(|r| format!("{} errors", r.diagnostics.len()))
    };
    let first = load()?;
    let second = load()?;
    std::hint::black_box((&first, &second));
    Ok(Some(second.log.events.len()))
}

/// User and system CPU time of this process so far, in seconds (ticks of 1/100 s): less
/// disturbed than wall time when other work shares the two cores.
fn cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) as f64 / 100.0)
}

/// Peak resident set size of this process, in KiB.
fn vm_hwm_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}
