//! The reader's editor (`e`): which one, how to tell it the line, and handing it the
//! terminal: the input thread stops reading, the screen is given back, the editor runs, and
//! then the browser takes the terminal again and redraws it whole.

use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

/// Lets the run loop stop the input thread from reading the terminal while another
/// program has it: keys typed in the editor must reach the editor.
#[derive(Default)]
pub(crate) struct InputGate {
    state: Mutex<Gate>,
    changed: Condvar,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Gate {
    #[default]
    Open,
    /// Asked to close; the input thread has not yet stopped.
    Closing,
    Closed,
}

impl InputGate {
    pub(crate) fn new() -> Arc<InputGate> {
        Arc::new(InputGate::default())
    }

    /// For the input thread, between reads: waits while the gate is closed, saying first
    /// that it has stopped.
    pub(crate) fn pass(&self) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if *s == Gate::Closing {
            *s = Gate::Closed;
            self.changed.notify_all();
        }
        while *s != Gate::Open {
            s = self.changed.wait(s).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// Stops the input thread and waits until it has, at most `limit` (it checks between
    /// two polls of the terminal).
    pub(crate) fn close(&self, limit: Duration) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        *s = Gate::Closing;
        let (s, _) = self
            .changed
            .wait_timeout_while(s, limit, |s| *s == Gate::Closing)
            .unwrap_or_else(|e| e.into_inner());
        drop(s);
    }

    /// Whether the browser has the terminal (no other program was handed it).
    pub(crate) fn is_open(&self) -> bool {
        *self.state.lock().unwrap_or_else(|e| e.into_inner()) == Gate::Open
    }

    pub(crate) fn open(&self) {
        *self.state.lock().unwrap_or_else(|e| e.into_inner()) = Gate::Open;
        self.changed.notify_all();
    }
}

/// Runs the editor on `file` at `line` with the terminal handed over, and says how it went.
/// The caller takes the terminal back.
pub(crate) fn run(file: &Path, line: usize) -> Result<(), String> {
    let editor = chosen(
        std::env::var("VISUAL").ok().as_deref(),
        std::env::var("EDITOR").ok().as_deref(),
    );
    match command(&editor, file, line).status() {
        Ok(s) if s.success() => Ok(()),
        // `sh` says 127 when it cannot find the program.
        Ok(s) if s.code() == Some(127) => Err(format!(
            "could not start the editor `{editor}`: set $VISUAL or $EDITOR to one you have"
        )),
        Ok(s) => Err(format!("the editor `{editor}` ended with {s}")),
        Err(e) => Err(format!("could not start the editor `{editor}`: {e}")),
    }
}

/// The editor the reader chose: `$VISUAL`, else `$EDITOR`, else `vi`, as git and most
/// Unix tools do.
fn chosen(visual: Option<&str>, editor: Option<&str>) -> String {
    [visual, editor]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|s| !s.is_empty())
        .unwrap_or("vi")
        .to_string()
}

/// The arguments that open `file` at `line` in `editor` (a command line such as `vim` or
/// `code --wait`): `+N FILE` for the terminal editors that take it, `-g FILE:N` for VS Code
/// and its kin, and the file alone for an editor whose syntax is not known.
fn args(editor: &str, file: &Path, line: usize) -> Vec<String> {
    let program = editor
        .split_whitespace()
        .next()
        .map(|p| p.rsplit('/').next().unwrap_or(p))
        .unwrap_or("");
    let mut file = file.to_string_lossy().into_owned();
    // A name starting with `-` or `+` would be read as an option.
    if file.starts_with(['-', '+']) {
        file.insert_str(0, "./");
    }
    match program {
        "vi" | "vim" | "nvim" | "gvim" | "view" | "nano" | "pico" | "emacs" | "emacsclient"
        | "micro" | "kak" | "hx" | "helix" | "joe" | "mg" | "ne" | "vis" => {
            vec![format!("+{line}"), file]
        }
        "code" | "code-insiders" | "codium" | "vscodium" => {
            vec!["-g".into(), format!("{file}:{line}")]
        }
        _ => vec![file],
    }
}

/// The command to run: through `sh`, as git runs `$EDITOR`, so that an editor given with
/// its own options (`code --wait`, `emacs -nw`) works; the file and line are passed as
/// arguments, never pasted into the shell's text.
fn command(editor: &str, file: &Path, line: usize) -> Command {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("{editor} \"$@\""))
        .arg(editor)
        .args(args(editor, file, line));
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visual_then_editor_then_vi() {
        assert_eq!(chosen(Some("nvim"), Some("nano")), "nvim");
        assert_eq!(chosen(Some(" "), Some("nano")), "nano");
        assert_eq!(chosen(None, None), "vi");
    }

    #[test]
    fn each_editor_gets_the_line_in_its_own_syntax() {
        let f = Path::new("talks/log.yaml");
        assert_eq!(args("vim", f, 12), ["+12", "talks/log.yaml"]);
        assert_eq!(args("/usr/bin/nvim", f, 3), ["+3", "talks/log.yaml"]);
        assert_eq!(args("emacs -nw", f, 3), ["+3", "talks/log.yaml"]);
        assert_eq!(args("hx", f, 3), ["+3", "talks/log.yaml"]);
        assert_eq!(args("code --wait", f, 7), ["-g", "talks/log.yaml:7"]);
        assert_eq!(args("codium", f, 7), ["-g", "talks/log.yaml:7"]);
        assert_eq!(args("ed", f, 7), ["talks/log.yaml"]);
        assert_eq!(args("vi", Path::new("-n.yaml"), 1), ["+1", "./-n.yaml"]);
    }
}
