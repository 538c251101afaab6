//! Writes a synthetic event log in format 1, to try dateline on a big log.
//!
//! `cargo run --release --example gen -- EVENTS [PATH|-] [SEED]`: PATH `-` or absent is
//! standard output; the same EVENTS and SEED always give the same file.

#[path = "../benches/support/generate.rs"]
mod generate;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: gen EVENTS [PATH|-] [SEED]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(events) = args
        .first()
        .and_then(|s| s.replace('_', "").parse::<usize>().ok())
    else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let path = args.get(1).filter(|p| p.as_str() != "-");
    let seed = match args.get(2).map(|s| s.parse::<u64>()) {
        None => 1,
        Some(Ok(seed)) => seed,
        Some(Err(_)) => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    let result = match path {
        Some(p) => File::create(p).and_then(|f| write(BufWriter::new(f), events, seed)),
        None => write(BufWriter::new(io::stdout().lock()), events, seed),
    };
    match result {
        Ok(s) => {
            eprintln!(
                "{}: {} events, {} parties, {} actors, {} sources, {} quotes, {:.1} MB, seed {seed}, {:.2} s",
                path.map_or("stdout", String::as_str),
                s.events,
                s.parties,
                s.actors,
                s.sources,
                s.quotes,
                s.bytes as f64 / 1e6,
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen: {}: {e}", path.map_or("stdout", String::as_str));
            ExitCode::FAILURE
        }
    }
}

fn write<W: Write>(w: W, events: usize, seed: u64) -> io::Result<generate::Stats> {
    generate::write_log(w, events, seed)
}
