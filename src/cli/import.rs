//! `dateline import FILE.json|FILE.csv`: a TimelineJS timeline (JSON, or the Google Sheets
//! template saved as CSV) as a format-1 log on stdout, for the journalist to complete.

use super::EXIT_INVALID;
use super::selection::write_stdout;
use crate::import;
use crate::text::sanitize;
use std::path::Path;
use std::process::ExitCode;

pub(crate) fn run(file: &Path, limits: &crate::load::Limits) -> ExitCode {
    let timeline = match import::read_file(file, limits) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("dateline: {}", sanitize(&e.to_string()));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let name = file.display().to_string();
    let what = if file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
    {
        "the TimelineJS sheet as CSV"
    } else {
        "TimelineJS JSON"
    };
    let yaml = import::to_yaml(&timeline, &name, what);
    // What is written must open: a log that `check` would refuse is a fault here, not the
    // journalist's, and is said so rather than written.
    if let Err(report) = crate::load::load_str(&name, &yaml) {
        for d in report.errors() {
            eprintln!("{}", sanitize(&d.to_string()));
        }
        eprintln!(
            "dateline: the log made from {} does not validate: please report this",
            sanitize(&name)
        );
        return ExitCode::from(EXIT_INVALID);
    }
    let n = timeline.events.len();
    eprintln!(
        "dateline: {n} event{} imported; actors, quotes and sources are left for you to add",
        if n == 1 { "" } else { "s" }
    );
    write_stdout(&yaml)
}
