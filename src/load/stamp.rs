//! A file's metadata as a reload trusts it: when a file's size, modification and change
//! times (to the nanosecond), inode and device are those recorded when its bytes were read,
//! its bytes are taken to be the same, and a reload neither reads nor hashes it again.
//!
//! Git's "racy" rule makes that safe: a file written again within the timestamp tick of
//! the write before keeps its times, so a file whose newest time was less than `TICK`
//! before it was read is not trusted: it is read and hashed again, and recorded anew. The
//! change time cannot be set by a program (the modification time can, `touch -d`), and it
//! changes with any write, so it is part of the rule as well. `TICK` is wider than the
//! coarsest timestamps of a common filesystem (FAT's two seconds); it assumes the clocks of
//! this machine and of a network filesystem's server agree within it.

use std::path::Path;
use std::time::{Duration, SystemTime};

/// How long before the reading a file's newest time must be for its metadata to be trusted.
pub(crate) const TICK: Duration = Duration::from_secs(2);

/// What is compared of a file's metadata.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Meta {
    pub(crate) len: u64,
    /// Modification and change times, in nanoseconds since 1970.
    pub(crate) mtime: i128,
    pub(crate) ctime: i128,
    pub(crate) ino: u64,
    pub(crate) dev: u64,
}

impl Meta {
    /// The metadata of the regular file at `path` (links followed); None for anything else,
    /// or where the platform gives no inode or change time.
    pub(crate) fn of(path: &Path) -> Option<Meta> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let m = std::fs::metadata(path).ok()?;
            if !m.is_file() {
                return None;
            }
            let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
            Some(Meta {
                len: m.size(),
                mtime: ns(m.mtime(), m.mtime_nsec()),
                ctime: ns(m.ctime(), m.ctime_nsec()),
                ino: m.ino(),
                dev: m.dev(),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = path;
            None
        }
    }
}

/// A file's metadata, taken just before its bytes were read, and when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Stamp {
    pub(crate) meta: Meta,
    /// Nanoseconds since 1970, taken before the metadata.
    pub(crate) at: i128,
}

impl Stamp {
    /// The metadata of the file at `path`, taken now (before its bytes are read).
    pub(crate) fn take(path: &Path) -> Option<Stamp> {
        let at = now();
        Meta::of(path).map(|meta| Stamp { meta, at })
    }

    /// Whether a file whose metadata is now `meta` still holds the bytes read with this
    /// stamp: the same metadata, and none of its times within `tick` (`TICK`) of the
    /// reading (or after it: a clock set back).
    pub(crate) fn vouches_for(&self, meta: &Meta, tick: Duration) -> bool {
        let tick = tick.as_nanos() as i128;
        let newest = self.meta.mtime.max(self.meta.ctime);
        self.meta == *meta && newest < self.at - tick
    }
}

fn now() -> i128 {
    match SystemTime::now().duration_since(SystemTime::UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        // A clock before 1970: nothing is trusted.
        Err(_) => i128::MIN / 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: i128 = 1_000_000_000;

    fn meta(mtime: i128, ctime: i128) -> Meta {
        Meta {
            len: 120,
            mtime,
            ctime,
            ino: 7,
            dev: 1,
        }
    }

    #[test]
    fn a_file_unchanged_since_well_before_it_was_read_is_trusted() {
        let m = meta(100 * S, 100 * S);
        let stamp = Stamp {
            meta: m,
            at: 200 * S,
        };
        assert!(stamp.vouches_for(&m, TICK));
    }

    #[test]
    fn any_difference_in_the_metadata_is_a_change() {
        let m = meta(100 * S, 100 * S);
        let stamp = Stamp {
            meta: m,
            at: 200 * S,
        };
        for other in [
            Meta { len: 121, ..m },
            Meta {
                mtime: m.mtime + 1,
                ..m
            },
            Meta {
                ctime: m.ctime + 1,
                ..m
            },
            Meta { ino: 8, ..m },
            Meta { dev: 2, ..m },
        ] {
            assert!(!stamp.vouches_for(&other, TICK), "{other:?}");
        }
    }

    #[test]
    fn a_file_read_within_a_tick_of_its_last_change_is_read_again() {
        // Written, read within the same second, then written again with the same size in
        // that second: its times may not have moved, so the reading must not be trusted.
        let m = meta(100 * S, 100 * S);
        let racy = Stamp {
            meta: m,
            at: 100 * S + S / 2,
        };
        assert!(!racy.vouches_for(&m, TICK));
        // Its modification time set back (`touch -d`) does not help: its change time is new.
        let set_back = meta(10 * S, 100 * S);
        let stamp = Stamp {
            meta: set_back,
            at: 101 * S,
        };
        assert!(!stamp.vouches_for(&set_back, TICK));
        // A time after the reading (the clock set back since): not trusted either.
        let future = meta(300 * S, 300 * S);
        let stamp = Stamp {
            meta: future,
            at: 200 * S,
        };
        assert!(!stamp.vouches_for(&future, TICK));
    }

    #[test]
    fn a_file_on_disk_has_its_metadata_and_a_directory_has_none() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.yaml");
        std::fs::write(&path, "events: []\n").unwrap();
        if cfg!(unix) {
            let stamp = Stamp::take(&path).expect("a regular file's metadata");
            assert_eq!(stamp.meta.len, 11);
            assert!(stamp.meta.mtime <= stamp.at + TICK.as_nanos() as i128);
        }
        assert_eq!(Meta::of(dir.path()), None);
    }
}
