//! Everything that touches the world: the terminal, signals, the file watcher, the run
//! loop that feeds `update` and draws `view`, and the effects `update` asks for.

pub(crate) mod browser_var;
pub(crate) mod editor;
pub mod effects;
pub(crate) mod log_source;
pub(crate) mod new_file;
pub(crate) mod open_url;
pub(crate) mod osc52;
pub(crate) mod run_loop;
pub(crate) mod task;
pub(crate) mod terminal;
pub mod write_log;

use crate::filter::Query;
use crate::load::Loaded;
use crate::marks::Marks;
use log_source::LogSource;
use run_loop::Ended;

/// Opens the browser on a loaded log until the reader quits or a terminating signal
/// arrives, reloading the log when its files change (through `cache`, which the first load
/// should have gone through too). The terminal is restored on quit, on
/// error, on panic and on SIGTERM, SIGHUP, SIGINT and SIGQUIT.
pub(crate) fn run(
    loaded: Loaded,
    query: Query,
    marks: Marks,
    source: LogSource,
    cache: crate::load::CacheThread,
) -> std::io::Result<Ended> {
    // What the reader saw comes later (`run_loop` reads it off the first frame).
    let mut app =
        crate::tui::App::new(loaded, query, crate::tui::ColorMode::from_env()).with_marks(marks);
    app.hyperlinks = hyperlinks_wanted(
        std::env::var("TERM").ok().as_deref(),
        std::env::var_os("DATELINE_NO_HYPERLINKS").is_some(),
    );
    terminal::restore_on_panic();
    // Kept until the terminal is restored, so that a signal meanwhile is still caught.
    let mut feeds = None;
    let result = terminal::enter().and_then(|mut t| {
        let (rx, mut f) = run_loop::start(&source.watched(&app.log));
        if let Some(e) = &f.watch_error {
            crate::tui::update(&mut app, crate::tui::Msg::Watching(e.clone()));
        }
        let result = run_loop::run_loop(&mut t, &mut app, &rx, &mut f, &source, &cache);
        feeds = Some(f);
        result
    });
    terminal::restore();
    // Panics of work off the drawing thread, kept until the terminal was given back.
    for message in terminal::deferred_panics() {
        eprintln!("dateline: work in the background failed: {message}");
    }
    drop(feeds);
    // The look is recorded however the browser ended: by the reader or by a signal.
    // Quit before what was seen was read: the look is recorded all the same.
    let mut seen = match app.seen.file() {
        Some(_) => std::mem::take(&mut app.seen),
        None => crate::seen::Seen::load(&source.args),
    };
    if result.is_ok()
        && let Err(e) = seen.save(&app.log, crate::seen::now())
    {
        eprintln!(
            "dateline: could not record what you saw: {}",
            crate::sanitize::sanitize(&e.to_string())
        );
    }
    result
}

/// Whether to draw URLs as OSC 8 hyperlinks. Terminals without them ignore the sequence,
/// except the Linux console and GNU screen, which may show it; `DATELINE_NO_HYPERLINKS`
/// turns them off.
fn hyperlinks_wanted(term: Option<&str>, turned_off: bool) -> bool {
    let term = term.unwrap_or("");
    !turned_off
        && !term.is_empty()
        && term != "dumb"
        && term != "linux"
        && !term.starts_with("screen")
}
