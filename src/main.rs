fn main() -> std::process::ExitCode {
    dateline::cli::main()
}
