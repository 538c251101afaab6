//! What every benchmark shares: the log sizes, the generated text, modest timing.
//!
//! Sizes come from `DATELINE_BENCH_SIZES` (comma-separated event counts, `_` allowed),
//! by default 1,000, 10,000 and 100,000. `DATELINE_BENCH_SIZES=1000,10000 cargo bench`
//! skips the slow 100k runs; `...=1000000` tries a million.
//!
//! `DATELINE_BENCH_CLOCK=cpu` times the CPU the benchmarking thread used instead of the
//! wall clock: on a shared machine, time spent waiting for a core is then left out.

#![allow(dead_code)] // each bench uses part of it

pub mod generate;

// The allocator the dateline binary uses, so the figures are the program's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::Criterion;
use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use dateline::load::{Loaded, load_str};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The seed of every benchmark log: the same bytes on every run and machine.
pub const SEED: u64 = 1;

pub fn sizes() -> Vec<usize> {
    match std::env::var("DATELINE_BENCH_SIZES") {
        Ok(list) => list
            .split(',')
            .filter_map(|s| s.trim().replace('_', "").parse().ok())
            .collect(),
        Err(_) => vec![1_000, 10_000, 100_000],
    }
}

/// The YAML text of a log of `events` events.
pub fn text(events: usize) -> String {
    generate::generate(events, SEED)
}

/// A loaded log of `events` events.
pub fn loaded(events: usize) -> Loaded {
    load_str("bench.yaml", &text(events)).expect("generated logs load")
}

/// Few samples, short runs: all of `cargo bench` in minutes on two cores. Criterion's own
/// flags (`--sample-size`, `--measurement-time`) still override these.
pub fn config() -> Criterion<Clock> {
    Criterion::default()
        .with_measurement(Clock::from_env())
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args()
}

/// `1k`, `10k`, `100k`, `1M`: names for benchmark ids.
pub fn label(events: usize) -> String {
    match events {
        n if n >= 1_000_000 && n % 1_000_000 == 0 => format!("{}M", n / 1_000_000),
        n if n >= 1_000 && n % 1_000 == 0 => format!("{}k", n / 1_000),
        n => n.to_string(),
    }
}

/// The clock benchmarks are timed with: wall (criterion's own) or this thread's CPU time.
pub struct Clock {
    cpu: bool,
}

impl Clock {
    pub fn from_env() -> Clock {
        let cpu = std::env::var("DATELINE_BENCH_CLOCK").is_ok_and(|v| v == "cpu");
        if cpu && thread_cpu_time().is_none() {
            eprintln!("DATELINE_BENCH_CLOCK=cpu: no thread CPU clock here, timing wall clock");
        }
        Clock { cpu }
    }

    fn now(&self) -> Duration {
        static ANCHOR: OnceLock<Instant> = OnceLock::new();
        let wall = || ANCHOR.get_or_init(Instant::now).elapsed();
        if self.cpu {
            thread_cpu_time().unwrap_or_else(wall)
        } else {
            wall()
        }
    }
}

impl Measurement for Clock {
    type Intermediate = Duration;
    type Value = Duration;

    fn start(&self) -> Duration {
        self.now()
    }
    fn end(&self, started: Duration) -> Duration {
        self.now().saturating_sub(started)
    }
    fn add(&self, a: &Duration, b: &Duration) -> Duration {
        *a + *b
    }
    fn zero(&self) -> Duration {
        Duration::ZERO
    }
    fn to_f64(&self, value: &Duration) -> f64 {
        value.as_nanos() as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        // Both clocks count nanoseconds: shown as times, like criterion's own.
        static WALL: WallTime = WallTime;
        WALL.formatter()
    }
}

/// CPU time of the calling thread, from `clock_gettime(CLOCK_THREAD_CPUTIME_ID)`.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
fn thread_cpu_time() -> Option<Duration> {
    #[repr(C)]
    struct Timespec {
        tv_sec: i64,
        tv_nsec: i64,
    }
    unsafe extern "C" {
        fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut ts = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec of the platform's layout (two 64-bit
    // fields on 64-bit Linux), and the clock id is a constant Linux defines.
    let rc = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    (rc == 0).then(|| Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32))
}

#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
fn thread_cpu_time() -> Option<Duration> {
    None
}
