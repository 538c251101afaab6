//! The runtime's side of `Effect::WriteLog` and `Effect::ArchivePage`: the log's files read
//! again, the change planned on them, checked on the whole log and written (see
//! `crate::write`).

use crate::load::CacheThread;
use crate::model::Log;
use crate::tui::input::msg::Msg;
use crate::tui::runtime::log_source::LogSource;
use crate::write::{self, Change, LogFiles, PageInto, Refusal};
use std::path::Path;

/// Carries out one write, worked out on `log` (the log on screen), and says how it went.
pub fn carry_out(source: &LogSource, change: &Change, log: &Log) -> Msg {
    carry_out_through(source, change, log, None)
}

/// `carry_out`, the check loading through the browser's cache of the log's files.
pub fn carry_out_through(
    source: &LogSource,
    change: &Change,
    log: &Log,
    cache: Option<&CacheThread>,
) -> Msg {
    Msg::LogWritten(Box::new(
        write_change(source, change, log, cache).map(with_digests),
    ))
}

/// The written log's events' digests, worked out here rather than on the drawing thread.
fn with_digests(mut w: write::Written) -> write::Written {
    w.digests = crate::seen::digests(&w.loaded.log);
    w
}

/// Archives a saved page and names it in the log on screen (`write::archive_page`), and says
/// how it went.
pub fn carry_out_page(source: &LogSource, page: &Path, into: &PageInto, log: &Log) -> Msg {
    let result = files_as_shown(source, log).and_then(|files| {
        write::archive_page(log, &files, page, into, &source.limits)
            .map(|p| with_digests(p.written))
    });
    Msg::LogWritten(Box::new(result))
}

fn write_change(
    source: &LogSource,
    change: &Change,
    log: &Log,
    cache: Option<&CacheThread>,
) -> Result<write::Written, Refusal> {
    let files = files_as_shown(source, log)?;
    // The log on screen is the files' own: no second load before the check's.
    let plan = write::plan(log, &files, change)?;
    let mut written = write::commit_through(&files, plan, &source.limits, cache)?;
    // An undone page's archive goes with it, the log restored first: never a log naming
    // a file that is gone.
    if let Change::Restore {
        created: Some(created),
        ..
    } = change
    {
        let said = write::remove_created(created, &written.loaded.log);
        written.summary.push_str(&said);
    }
    Ok(written)
}

/// The log's files, read again, as long as they are still the log on screen.
fn files_as_shown(source: &LogSource, log: &Log) -> Result<LogFiles, Refusal> {
    let refusal = |message: String| Refusal {
        message,
        diagnostics: Vec::new(),
        checked: None,
    };
    if source.args.is_empty() {
        return Err(refusal("the bundled sample has no file to write".into()));
    }
    let files = LogFiles::read(&source.args, &source.limits)?;
    // Someone else's edit wins: the log on screen must be the files as they are, so that the
    // edit lands where the reader sees it (live reload then shows theirs).
    let changed = files.changed_since(log);
    if let Some(first) = changed.first() {
        let name = first.file_name().map_or_else(
            || first.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        return Err(refusal(format!(
            "{} changed on disk since the browser read it: nothing was written; live reload shows the new version",
            crate::sanitize::sanitize(&name)
        )));
    }
    Ok(files)
}
