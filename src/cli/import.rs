//! `dateline import FILE.json|FILE.csv`: a TimelineJS timeline (JSON, or the Google Sheets
//! template saved as CSV) as a format-1 log on stdout, for the journalist to complete.

use super::EXIT_INVALID;
use super::selection::write_stdout;
use crate::import;
use crate::sanitize::sanitize;
use std::path::Path;
use std::process::ExitCode;

pub(crate) fn run(file: &Path, limits: &crate::load::Limits) -> ExitCode {
    let timeline = match import::read_file(file, limits) {
        Ok(t) => t,
        Err(errors) => {
            for e in errors {
                eprintln!("dateline: {}", sanitize(&e.to_string()));
            }
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
    // What is written must open. Whatever `check` would refuse is said at the input's own
    // slide or row (`events[3]`, `line 5`), never at a line of YAML the reader never saw.
    if let Err(report) = crate::load::load_str(&name, &yaml) {
        for d in report.errors() {
            eprintln!(
                "dateline: {}",
                sanitize(&input_error(&timeline, &name, d).to_string())
            );
        }
        eprintln!(
            "dateline: nothing written: the log made from {} would not check",
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

/// A diagnostic of the made log, placed at the input's slide or row that made the event.
fn input_error(
    timeline: &import::Timeline,
    file: &str,
    d: &crate::load::Diagnostic,
) -> import::ImportError {
    // `events[3].title`: the slide or row of event 3, and the key.
    let event = d.path.strip_prefix("events[").and_then(|rest| {
        let (i, key) = rest.split_once(']')?;
        Some((i.parse::<usize>().ok()?, key.trim_start_matches('.')))
    });
    let mut message = d.message.clone();
    let place = match event.and_then(|(i, key)| Some((timeline.place_of(i)?, key))) {
        Some((place, key)) => {
            if !key.is_empty() {
                message = format!("{key}: {message}");
            }
            Some(place.to_owned())
        }
        None => (!d.path.is_empty()).then(|| d.path.clone()),
    };
    if let Some(help) = &d.help {
        message.push_str(&format!(" ({help})"));
    }
    import::ImportError::at(file, place, message)
}
