#![forbid(unsafe_code)]

// A log of 100,000 events is millions of small strings and lists, built and freed at once;
// mimalloc does that several times faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    dateline::cli::main()
}
