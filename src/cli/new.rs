//! `dateline new FILE`: a short, commented starter log that `check` accepts, written only
//! where no file is (a log is the journalist's work: never overwritten).

use super::EXIT_INVALID;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// The schema's file name, as the starter's first line points to it.
const SCHEMA_FILE: &str = "format-1.schema.json";

pub(crate) fn run(path: &Path) -> ExitCode {
    let shown = path.display();
    // `create_new` fails when anything is at the path, atomically: no window in which a
    // file made meanwhile could be overwritten.
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path);
    let mut file = match file {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "dateline: {shown} already exists; `dateline new` never writes over a file: give a new name"
            );
            return ExitCode::from(EXIT_INVALID);
        }
        Err(e) => {
            eprintln!("dateline: cannot create {shown}: {e}");
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let text = starter_for(path);
    if let Err(e) = file
        .write_all(text.as_bytes())
        .and_then(|_| file.sync_all())
    {
        eprintln!("dateline: cannot write {shown}: {e}");
        // Half a starter is worse than none; the file is ours, made a moment ago.
        let _ = std::fs::remove_file(path);
        return ExitCode::from(EXIT_INVALID);
    }
    eprintln!(
        "dateline: wrote {shown}, a starter log; check it after each edit: dateline check {shown}"
    );
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    let schema = dir.map_or_else(
        || Path::new(SCHEMA_FILE).to_path_buf(),
        |d| d.join(SCHEMA_FILE),
    );
    if !schema.exists() {
        eprintln!(
            "dateline: for completion and checks while you type: dateline schema > {}",
            schema.display()
        );
    }
    ExitCode::SUCCESS
}

/// The starter, its comments naming the file when the name can be typed as it is.
fn starter_for(path: &Path) -> String {
    let typable = path.to_str().filter(|s| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '/'))
    });
    match typable {
        Some(name) => crate::STARTER.replace("THIS-FILE", name),
        None => crate::STARTER.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_names_its_file_when_it_can() {
        let s = starter_for(Path::new("talks.yaml"));
        assert!(s.contains("dateline check talks.yaml"), "{s}");
        let s = starter_for(Path::new("my talks.yaml"));
        assert!(s.contains("dateline check THIS-FILE"), "{s}");
    }
}
