//! The runtime's side of `Effect::WriteLog`: the log's files read again, the change planned
//! on them, checked on the whole log and written (see `crate::write`).

use crate::tui::input::msg::Msg;
use crate::tui::runtime::log_source::LogSource;
use crate::write::{self, Change, LogFiles, Refusal};

/// Carries out one write and says how it went.
pub fn carry_out(source: &LogSource, change: &Change) -> Msg {
    Msg::LogWritten(Box::new(write_change(source, change)))
}

fn write_change(source: &LogSource, change: &Change) -> Result<write::Written, Refusal> {
    if source.args.is_empty() {
        return Err(Refusal {
            message: "the bundled sample has no file to write".into(),
            diagnostics: Vec::new(),
            checked: None,
        });
    }
    let files = LogFiles::read(&source.args, &source.limits)?;
    let loaded = files.load(&source.limits).map_err(|r| Refusal {
        message: "the log on disk does not check now: nothing was written".into(),
        diagnostics: r.diagnostics,
        checked: None,
    })?;
    let plan = write::plan(&loaded.log, &files, change)?;
    drop(loaded);
    write::commit(&files, plan, &source.limits)
}
