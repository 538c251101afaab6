//! Replacing a file whole: the new text written beside it, flushed to disk, then renamed
//! over it, so that a crash leaves the old file or the new one, never half of each.

use std::hash::BuildHasher;
use std::io::Write;
use std::path::Path;

/// A hash of a file's bytes, to tell whether it changed on disk since it was read.
pub(crate) fn hash(bytes: &[u8]) -> u64 {
    // Fixed keys: the same bytes hash alike in every run. foldhash's quality hasher reads a
    // file several times faster than SipHash, and every load hashes every file it reads.
    foldhash::quality::FixedState::with_seed(0x6461_7465_6c69_6e65).hash_one(bytes)
}

/// Writes `text` as the new content of `path`. Through a link, its target is replaced and
/// the link stays; the file keeps its permissions.
pub(crate) fn replace(path: &Path, text: &str) -> std::io::Result<()> {
    let target = std::fs::canonicalize(path)?;
    let dir = target.parent().unwrap_or(Path::new("."));
    let permissions = std::fs::metadata(&target)?.permissions();
    let mut tmp = tempfile::Builder::new()
        .prefix(".dateline-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().set_permissions(permissions)?;
    tmp.as_file().sync_all()?;
    tmp.persist(&target).map_err(|e| e.error)?;
    // The rename itself is made durable by flushing the folder.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}
