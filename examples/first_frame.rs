//! Time from start to first frame: starts the real `dateline` binary in a 200x60
//! pseudo-terminal, reads what it writes through a terminal emulator until the header's
//! "showing N of M events" is on screen, then quits it with `q`. Repeats and prints the
//! median, min and max.
//!
//! ```text
//! cargo build --release && cargo run --release --example first_frame -- target/release/dateline 20
//! cargo run --release --example first_frame -- target/release/dateline 5 big.yaml
//! ```
//! Arguments after the run count go to dateline (none: the bundled sample).

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

const ROWS: u16 = 60;
const COLS: u16 = 200;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(binary) = args.first() else {
        eprintln!("usage: first_frame DATELINE_BINARY [RUNS] [DATELINE_ARGS...]");
        return ExitCode::from(2);
    };
    let runs: usize = args
        .get(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(20)
        .max(1);
    let rest = args.get(2..).unwrap_or_default();
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        match first_frame(binary, rest) {
            Ok(t) => times.push(t),
            Err(e) => {
                eprintln!("first_frame: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    eprintln!(
        "start to first frame ({COLS}x{ROWS}, {runs} runs): median {:.1} ms, min {:.1} ms, max {:.1} ms",
        ms(times[runs / 2]),
        ms(times[0]),
        ms(times[runs - 1])
    );
    println!("{:.2}", ms(times[runs / 2]));
    ExitCode::SUCCESS
}

/// One start of the binary: the time until its first frame shows the header.
fn first_frame(binary: &str, args: &[String]) -> Result<Duration, String> {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .map_err(|e| format!("open a pty: {e}"))?;
    let mut cmd = CommandBuilder::new(binary);
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    let started = Instant::now();
    let mut child = pair
        .slave
        .spawn_command(cmd)
        .map_err(|e| format!("start {binary}: {e}"))?;
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().map_err(|e| e.to_string())?;
    let mut writer = pair.master.take_writer().map_err(|e| e.to_string())?;
    let mut screen = vt100::Parser::new(ROWS, COLS, 0);
    let mut buf = [0u8; 64 * 1024];
    let elapsed = loop {
        let n = reader.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            return Err(format!("{binary} ended before drawing a frame"));
        }
        screen.process(&buf[..n]);
        let contents = screen.screen().contents();
        if contents.contains("showing ") && contents.contains(" events") {
            break started.elapsed();
        }
    };
    writer.write_all(b"q").map_err(|e| e.to_string())?;
    writer.flush().map_err(|e| e.to_string())?;
    // Drain until the child closes the pty, so it is never blocked writing.
    while matches!(reader.read(&mut buf), Ok(n) if n > 0) {}
    child.wait().map_err(|e| e.to_string())?;
    Ok(elapsed)
}
