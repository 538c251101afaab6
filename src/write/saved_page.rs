//! A saved news page into the log: its article archived as a new Markdown file in
//! `sources/` beside the log file that names it (never over an existing file), and named
//! in the log either by a new source made from the page's metadata, or as the `archive` of
//! a source that has none. The archive is written first (the check reads it) and removed
//! again when the change to the log is refused. `dateline add source --from-page` and the
//! browser's sources view both write through `archive_page`.

use super::{Change, LogFiles, NewSource, Plan, Refusal, Written, edit, finish, item_fields};
use crate::load::Limits;
use crate::model::Log;
use crate::page::PageSource;
use crate::sanitize::sanitize;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Which source names the archive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageInto {
    /// A new source, its fields from the page: `id` when given (else made from the outlet
    /// and the day published), `outlet` when the page names none.
    NewSource {
        id: Option<String>,
        outlet: Option<String>,
    },
    /// The source with this id, which has no archive yet: its `archive` field set.
    Source(String),
}

/// A page archived and its source written.
#[derive(Debug)]
pub struct PageWritten {
    /// The write to the log; its summary also names the archive.
    pub written: Written,
    /// What the page gave.
    pub page: PageSource,
    /// The archive's path as the log writes it, relative to the log file's folder.
    pub archive: String,
}

/// Archives the page at `page` and names it in the log `files` hold (which must be `log`).
pub fn archive_page(
    log: &Log,
    files: &LogFiles,
    page: &Path,
    into: &PageInto,
    limits: &Limits,
) -> Result<PageWritten, Refusal> {
    let shown = sanitize(&page.display().to_string()).into_owned();
    let fail = |e: String| Refusal::new(sanitize(&format!("{shown}: {e}")).into_owned());
    let html = read_page(page).map_err(fail)?;
    let outlet = match into {
        PageInto::NewSource { outlet, .. } => outlet.as_deref(),
        PageInto::Source(_) => None,
    };
    let source = crate::page::page_to_source(&html, outlet).map_err(fail)?;
    let (plan, dir, name) = match into {
        PageInto::NewSource { id, .. } => plan_new(log, files, &source, id.clone())?,
        PageInto::Source(id) => plan_attach(log, files, id)?,
    };
    let path = dir.join(&name);
    write_new_file(&path, &source.text)
        .map_err(|e| Refusal::new(format!("cannot write the archive {}: {e}", sanitize(&name))))?;
    match super::commit(files, plan, limits) {
        Ok(mut written) => {
            written
                .summary
                .push_str(&format!("; archived the article as {}", sanitize(&name)));
            written.created = Some(super::Created {
                path: path.clone(),
                name: name.clone(),
                hash: super::hash(source.text.as_bytes()),
            });
            Ok(PageWritten {
                written,
                page: source,
                archive: name,
            })
        }
        Err(r) => {
            // Nothing of a refused write stays behind.
            let _ = std::fs::remove_file(&path);
            Err(r)
        }
    }
}

/// The folder of log file `file`, which its archive paths are relative to.
fn folder(files: &LogFiles, file: usize) -> PathBuf {
    files.paths[file]
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// A new source from the page: the id first, then the archive named after it, then the
/// source with both.
fn plan_new(
    log: &Log,
    files: &LogFiles,
    source: &PageSource,
    id: Option<String>,
) -> Result<(Plan, PathBuf, String), Refusal> {
    let mut new = NewSource {
        outlet: source.outlet.clone(),
        id,
        title: source.title.clone(),
        url: source.url.clone(),
        published: source.published.clone(),
        byline: source.byline.clone(),
        archive: None,
    };
    let first = super::plan(log, files, &Change::Source(new.clone()))?;
    let dir = folder(files, first.file());
    let name = crate::page::archive_name(first.id(), |p| dir.join(p).exists());
    new.id = Some(first.id().to_string());
    new.archive = Some(name.clone());
    let plan = super::plan(log, files, &Change::Source(new))?;
    Ok((plan, dir, name))
}

/// The `archive` of source `id`, which must have none, set to a new file named after it.
fn plan_attach(log: &Log, files: &LogFiles, id: &str) -> Result<(Plan, PathBuf, String), Refusal> {
    let Some(&ix) = log.source_ids.get(id) else {
        return Err(super::unknown(
            "source",
            id,
            log.sources.iter().map(|s| s.id.clone()),
        ));
    };
    let src = &log.sources[ix];
    if let Some(a) = &src.archive {
        return Err(Refusal::new(format!(
            "{} is archived already ({}): add the page as a new source",
            sanitize(&src.id),
            sanitize(&a.path)
        )));
    }
    let file = src.origin.file;
    let dir = folder(files, file);
    let name = crate::page::archive_name(&src.id, |p| dir.join(p).exists());
    let text = &files.texts[file];
    let fields = item_fields(text, src.origin.span)?;
    let style = edit::Style {
        eol: edit::eol_of(text),
        flow_lists: true,
    };
    let e = edit::set_field(
        text,
        src.origin.span,
        &fields,
        "archive",
        &edit::Val::Text(name.clone()),
        "",
        style,
    );
    Ok((
        finish(files, file, e, src.id.clone(), "set the archive of"),
        dir,
        name,
    ))
}

/// A saved page's bytes as text, within the page size limit: only a regular file.
fn read_page(path: &Path) -> Result<String, String> {
    let (file, len) = crate::load::open_regular(path)?;
    let max = crate::page::MAX_PAGE_BYTES as u64;
    if len > max {
        return Err(format!(
            "the page is {len} bytes, over the limit of {max} bytes for a saved page"
        ));
    }
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut std::io::Read::take(file, max + 1), &mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > max {
        return Err(format!(
            "the page is over the limit of {max} bytes for a saved page"
        ));
    }
    // Pages saved in another encoding keep their words readable where they are ASCII.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Writes a new file (never over one that exists), its folder made if missing.
fn write_new_file(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()
}
