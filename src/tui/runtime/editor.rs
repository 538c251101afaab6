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

/// Runs the editor on `file` at `line` with the terminal handed over, and says how it went:
/// with a note when the editor could not be told the line. The caller takes the terminal
/// back.
pub(crate) fn run(file: &Path, line: usize) -> Result<Option<String>, String> {
    let editor = chosen(
        std::env::var("VISUAL").ok().as_deref(),
        std::env::var("EDITOR").ok().as_deref(),
    );
    let template = std::env::var(LINE_TEMPLATE).ok();
    let (args, told) = args(&editor, template.as_deref(), file, line);
    match command(&editor, &args).status() {
        // Short: it shares the status line with the reload's news.
        Ok(s) if s.success() => Ok((!told).then(|| {
            format!("editor not told the line ({line}): set {LINE_TEMPLATE} (see README)")
        })),
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

/// How to give an editor that dateline does not know the file and line: arguments with
/// `{file}` and `{line}` in them (`{file}:{line}`, `+{line} {file}`).
pub(crate) const LINE_TEMPLATE: &str = "DATELINE_EDITOR_LINE";

/// The arguments that open `file` at `line` in `editor` (a command line such as `vim` or
/// `code --wait`), and whether they tell it the line: the reader's `template` when set;
/// else `+N FILE` for the terminal editors that take it, `-g FILE:N` for VS Code and its
/// kin (with `--wait`, or it returns at once and the browser reloads before the edit),
/// `FILE:N` for Sublime Text (waiting too); else the file alone.
fn args(editor: &str, template: Option<&str>, file: &Path, line: usize) -> (Vec<String>, bool) {
    let mut words = editor.split_whitespace();
    let program = words
        .next()
        .map(|p| p.rsplit('/').next().unwrap_or(p))
        .unwrap_or("");
    let waits = words.any(|w| w == "--wait" || w == "-w");
    let mut file = file.to_string_lossy().into_owned();
    // A name starting with `-` or `+` would be read as an option.
    if file.starts_with(['-', '+']) {
        file.insert_str(0, "./");
    }
    if let Some(t) = template.map(str::trim).filter(|t| !t.is_empty()) {
        let mut out: Vec<String> = t
            .split_whitespace()
            .map(|w| {
                w.replace("{file}", &file)
                    .replace("{line}", &line.to_string())
            })
            .collect();
        if !t.contains("{file}") {
            out.push(file);
        }
        return (out, t.contains("{line}"));
    }
    let wait = || (!waits).then(|| "--wait".to_owned());
    let out = match program {
        "vi" | "vim" | "nvim" | "gvim" | "view" | "nano" | "pico" | "emacs" | "emacsclient"
        | "micro" | "kak" | "hx" | "helix" | "joe" | "mg" | "ne" | "vis" => {
            vec![format!("+{line}"), file]
        }
        "code" | "code-insiders" | "codium" | "vscodium" | "cursor" => wait()
            .into_iter()
            .chain(["-g".into(), format!("{file}:{line}")])
            .collect(),
        "subl" | "sublime_text" => wait()
            .into_iter()
            .chain([format!("{file}:{line}")])
            .collect(),
        _ => return (vec![file], false),
    };
    (out, true)
}

/// The command to run: through `sh`, as git runs `$EDITOR`, so that an editor given with
/// its own options (`code --wait`, `emacs -nw`) works; the file and line are passed as
/// arguments, never pasted into the shell's text.
fn command(editor: &str, args: &[String]) -> Command {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("{editor} \"$@\""))
        .arg(editor)
        .args(args);
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
        let args = |editor, f, line| args(editor, None, f, line).0;
        assert_eq!(args("vim", f, 12), ["+12", "talks/log.yaml"]);
        assert_eq!(args("/usr/bin/nvim", f, 3), ["+3", "talks/log.yaml"]);
        assert_eq!(args("emacs -nw", f, 3), ["+3", "talks/log.yaml"]);
        assert_eq!(args("hx", f, 3), ["+3", "talks/log.yaml"]);
        assert_eq!(args("code --wait", f, 7), ["-g", "talks/log.yaml:7"]);
        assert_eq!(args("ed", f, 7), ["talks/log.yaml"]);
        assert_eq!(args("vi", Path::new("-n.yaml"), 1), ["+1", "./-n.yaml"]);
    }

    /// VS Code returns at once unless told to wait: the browser would reload before the
    /// edit. Sublime Text takes `FILE:LINE`, and waits too.
    #[test]
    fn vs_code_and_sublime_text_wait_and_get_the_line() {
        let f = Path::new("talks/log.yaml");
        let args = |editor, line| args(editor, None, f, line);
        let told = |v: &[&str]| (v.iter().map(|s| s.to_string()).collect::<Vec<_>>(), true);
        assert_eq!(args("code", 7), told(&["--wait", "-g", "talks/log.yaml:7"]));
        assert_eq!(
            args("/usr/bin/codium", 7),
            told(&["--wait", "-g", "talks/log.yaml:7"])
        );
        assert_eq!(args("code -w", 7), told(&["-g", "talks/log.yaml:7"]));
        assert_eq!(args("subl", 7), told(&["--wait", "talks/log.yaml:7"]));
        assert_eq!(args("subl -w", 7), told(&["talks/log.yaml:7"]));
        assert_eq!(
            args("my-editor", 7),
            (vec!["talks/log.yaml".to_owned()], false)
        );
    }

    /// DATELINE_EDITOR_LINE says how an editor takes a line; without `{file}`, the file
    /// comes last; without `{line}`, the line is not told.
    #[test]
    fn the_line_template_is_filled_in() {
        let f = Path::new("talks/log.yaml");
        let with = |t, line| args("my-editor", Some(t), f, line);
        let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(with("{file}:{line}", 12), (s(&["talks/log.yaml:12"]), true));
        assert_eq!(
            with("+{line} {file}", 12),
            (s(&["+12", "talks/log.yaml"]), true)
        );
        assert_eq!(
            with("--line {line}", 3),
            (s(&["--line", "3", "talks/log.yaml"]), true)
        );
        assert_eq!(
            with("--new-window", 3),
            (s(&["--new-window", "talks/log.yaml"]), false)
        );
        assert_eq!(with("  ", 3).0, s(&["talks/log.yaml"]));
        let odd = args("x", Some("{file}:{line}"), Path::new("-n.yaml"), 2).0;
        assert_eq!(odd, s(&["./-n.yaml:2"]));
    }
}
