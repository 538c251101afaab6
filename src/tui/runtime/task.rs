//! Work done off the drawing thread (a write and its check, the quotes' check, saving what
//! was seen, opening a URL): its outcome comes back to `update` as a `Msg`, and so does its
//! failure. A panic there is caught and said in the status line, instead of leaving the
//! work's state (a quote "checking…", a write "writing…") waiting forever; the panic hook
//! leaves the terminal to the browser (`terminal::restore_on_panic`) and the panic's
//! message is printed once the browser has given the terminal back.

use crate::tui::input::msg::Msg;
use std::sync::Arc;

/// Hands an outcome back to the loop, from whichever thread it arrives on.
pub(crate) type Done = Arc<dyn Fn(Msg) + Send + Sync>;

/// Runs `work` on a thread of its own, never joined; hands back what it returns, or
/// `Msg::Failed(what)` if it panics.
pub(crate) fn spawn(
    what: &'static str,
    done: Done,
    work: impl FnOnce() -> Option<Msg> + Send + 'static,
) {
    std::thread::spawn(move || {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)) {
            Ok(Some(msg)) => done(msg),
            Ok(None) => {}
            Err(_) => done(Msg::Failed(what)),
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    fn channel() -> (Done, mpsc::Receiver<Msg>) {
        let (tx, rx) = mpsc::channel();
        let tx = std::sync::Mutex::new(tx);
        let done: Done = Arc::new(move |m| {
            let _ = tx.lock().map(|t| t.send(m));
        });
        (done, rx)
    }

    #[test]
    fn a_task_that_panics_is_reported_by_what_it_was_doing() {
        let (done, rx) = channel();
        spawn("checking the quotes", done, || {
            panic!("a bug in the matching");
        });
        match rx.recv().unwrap() {
            Msg::Failed(what) => assert_eq!(what, "checking the quotes"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_task_that_ends_hands_back_its_outcome() {
        let (done, rx) = channel();
        spawn("saving", done, || Some(Msg::MarksSaved(Ok(()))));
        assert!(matches!(rx.recv().unwrap(), Msg::MarksSaved(Ok(()))));
    }
}
