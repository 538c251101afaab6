//! The real binary in a pseudo-terminal, read back through a terminal emulator (vt100).
//! Keys are typed as a reader would; every wait polls the screen (or the process) until
//! what is expected shows, with a generous deadline, never a fixed sleep.

use portable_pty::{CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const DEADLINE: Duration = Duration::from_secs(30);

pub struct Session {
    pub parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, for escape sequences the emulator does not keep.
    pub raw: Arc<Mutex<Vec<u8>>>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    /// The state directory (marks) of a session that was given none.
    _state: Option<tempfile::TempDir>,
}

pub fn size(rows: u16, cols: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Session {
    /// Starts dateline with its marks in a fresh temporary directory, never the user's.
    pub fn start(args: &[&str], rows: u16, cols: u16) -> Session {
        let state = tempfile::tempdir().unwrap();
        let mut s = Session::start_in(args, rows, cols, state.path());
        s._state = Some(state);
        s
    }

    /// Starts dateline through `sh -c SCRIPT` (which ends with `exec "$0" "$@"`), in `dir`,
    /// with its marks in a fresh temporary directory: for limits set with `ulimit`.
    pub fn start_via_shell(
        script: &str,
        args: &[&str],
        dir: &Path,
        rows: u16,
        cols: u16,
    ) -> Session {
        let state = tempfile::tempdir().unwrap();
        let mut cmd = CommandBuilder::new("sh");
        cmd.arg("-c");
        cmd.arg(script);
        cmd.arg(env!("CARGO_BIN_EXE_dateline"));
        cmd.args(args);
        cmd.cwd(dir);
        let mut s = Session::spawn(cmd, rows, cols, state.path(), &[]);
        s._state = Some(state);
        s
    }

    /// Starts dateline with its marks in `state`. The pty is `rows`×`cols`; the emulator
    /// reading it at least 1×1.
    pub fn start_in(args: &[&str], rows: u16, cols: u16, state: &Path) -> Session {
        Session::start_with(args, rows, cols, state, &[])
    }

    /// Starts dateline with its marks in `state` and these environment variables set.
    pub fn start_with(
        args: &[&str],
        rows: u16,
        cols: u16,
        state: &Path,
        env: &[(&str, &str)],
    ) -> Session {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dateline"));
        cmd.args(args);
        Session::spawn(cmd, rows, cols, state, env)
    }

    /// `env` is set last, over the defaults.
    fn spawn(
        mut cmd: CommandBuilder,
        rows: u16,
        cols: u16,
        state: &Path,
        env: &[(&str, &str)],
    ) -> Session {
        let pair = native_pty_system()
            .openpty(size(rows, cols))
            .expect("open a pty");
        cmd.env("TERM", "xterm-256color");
        cmd.env("NO_COLOR", "1");
        cmd.env("DATELINE_STATE_DIR", state);
        // The tester's own choices must not steer `o` and `e`.
        cmd.env_remove("BROWSER");
        cmd.env_remove("DATELINE_EDITOR_LINE");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn dateline");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows.max(1), cols.max(1), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (p, r) = (parser.clone(), raw.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                // vt100 can panic on bytes of a frame drawn for a larger size arriving after
                // the emulator was shrunk (a subtraction in its line wrap): that is the test's
                // emulator, not the program. The program redraws whole after a resize, so the
                // screen is right again with its next frame; the lock is not poisoned.
                let mut parser = p.lock().unwrap();
                let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    parser.process(&buf[..n]);
                }));
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Session {
            parser,
            raw,
            master: pair.master,
            writer,
            child,
            _state: None,
        }
    }

    pub fn resize(&self, rows: u16, cols: u16) {
        if rows > 0 && cols > 0 {
            self.parser
                .lock()
                .unwrap()
                .screen_mut()
                .set_size(rows, cols);
        }
        self.master
            .resize(size(rows, cols))
            .expect("resize the pty");
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    pub fn wait_for(&self, what: &str, test: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if test(&s) {
                return s;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "timed out waiting for {what}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_text(&self, text: &str) -> String {
        self.wait_for(text, |s| s.contains(text))
    }

    /// Waits until every text shows at once: a frame arrives in pieces, so one part of it
    /// on screen says nothing yet of the rest.
    pub fn wait_all(&self, texts: &[&str]) -> String {
        self.wait_for(&texts.join(" + "), |s| texts.iter().all(|t| s.contains(t)))
    }

    pub fn keys(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a process id")
    }

    /// Waits until the process is stopped (`stopped`) or running again.
    pub fn wait_stopped(&self, stopped: bool) {
        let start = Instant::now();
        loop {
            let stat =
                std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).unwrap_or_default();
            // The state follows the command name, which is in parentheses.
            let state = stat
                .rsplit(')')
                .next()
                .and_then(|r| r.split_whitespace().next());
            if (state == Some("T")) == stopped {
                return;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "the process is not {}: {stat}",
                if stopped { "stopped" } else { "running" }
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Forgets what the program wrote so far, to see what it writes next.
    pub fn clear_raw(&self) {
        self.raw.lock().unwrap().clear();
    }

    pub fn signal(&self, name: &str) {
        let pid = self.pid();
        let ok = std::process::Command::new("kill")
            .args([&format!("-{name}"), &pid.to_string()])
            .status()
            .expect("run kill")
            .success();
        assert!(ok, "kill -{name} {pid}");
    }

    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(start.elapsed() < DEADLINE, "dateline did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The alternate screen was left and mouse capture released.
    pub fn assert_terminal_restored(&self) {
        let start = Instant::now();
        while self.parser.lock().unwrap().screen().alternate_screen() {
            assert!(start.elapsed() < DEADLINE, "alternate screen not left");
            std::thread::sleep(Duration::from_millis(20));
        }
        let raw = self.raw.lock().unwrap().clone();
        let text = String::from_utf8_lossy(&raw);
        assert!(text.contains("\x1b[?1049l"), "alternate screen left");
        assert!(
            text.contains("\x1b[?1000l") || text.contains("\x1b[?1006l"),
            "mouse capture released"
        );
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// A stand-in program at `path` (an editor, a browser) that writes the arguments it was
/// called with, a line each, to `called`, and the `PATH` with its folder first.
#[allow(dead_code)]
pub fn recording_stand_in(path: &Path, called: &Path) -> String {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(
        path,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{0}.tmp'\nmv '{0}.tmp' '{0}'\n",
            called.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
    format!(
        "{}:{}",
        path.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    )
}
