//! Identifiers: the allowed form, and ids derived from an event's date and title.

use crate::model::{Date, IdMap};
use crate::sanitize::fold;

/// Whether `s` matches `[a-z0-9][a-z0-9_-]*`.
pub(crate) fn is_valid_id(s: &str) -> bool {
    let mut bytes = s.bytes();
    // Folded without stopping (vector code): every reference of a log is checked here.
    matches!(bytes.next(), Some(b'a'..=b'z' | b'0'..=b'9'))
        && bytes.fold(true, |ok, b| {
            ok & matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-')
        })
}

/// A valid id close to an invalid one, to suggest: `Hamas Leaders` → `hamas-leaders`.
pub(crate) fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // ASCII folds to its lower case, which the loop makes anyway: no folded copy for it.
    let folded;
    let s = if s.is_ascii() {
        s
    } else {
        folded = fold(s);
        &folded
    };
    for c in s.chars() {
        // An id starts with a letter or a digit: a leading `_` is left out.
        if c.is_ascii_alphanumeric() || (c == '_' && !out.is_empty()) {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// The id of an event that has none: its date (the day at most) and its title, slugged.
pub(crate) fn derive(date: &Date, title: &str) -> String {
    let day = date.written_day();
    let mut title = slug(title);
    // Keep ids readable: cut long titles at a word boundary.
    if title.len() > 60 {
        let cut = title[..60].rfind('-').unwrap_or(60);
        title.truncate(cut);
    }
    if title.is_empty() {
        day
    } else {
        format!("{day}-{title}")
    }
}

/// Frees ids that collide: `base`, else `base-2`, `base-3`, … the first not taken. It
/// remembers the next number to try per base, so that many ids with one base cost linear
/// time, not a scan from `-2` each time.
#[derive(Default)]
pub(crate) struct Suffixes {
    next: IdMap<usize>,
}

impl Suffixes {
    /// The first of `base`, `base-2`, … for which `taken` is false. The caller records it
    /// as taken.
    pub(crate) fn free(&mut self, base: &str, taken: impl Fn(&str) -> bool) -> String {
        if !taken(base) {
            return base.to_owned();
        }
        let n = self.next.entry(base.to_owned()).or_insert(2);
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            if !taken(&id) {
                return id;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_pattern() {
        for ok in ["hamas", "us", "2024-05-03-x", "a_b", "0"] {
            assert!(is_valid_id(ok), "{ok}");
        }
        for bad in ["", "Hamas", "-x", "_x", "a b", "é", "a.b"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn derived_ids_read_like_the_format_says() {
        let d = Date::parse("2024-05-03").unwrap();
        assert_eq!(
            derive(&d, "CIA director Burns arrives in Cairo"),
            "2024-05-03-cia-director-burns-arrives-in-cairo"
        );
        let t = Date::parse("2024-05-03T10:00+02:00").unwrap();
        assert_eq!(
            derive(&t, "Réunion à l'Élysée"),
            "2024-05-03-reunion-a-l-elysee"
        );
        assert_eq!(derive(&Date::parse("2016").unwrap(), "حماس"), "2016");
        assert_eq!(
            derive(&Date::parse("2016-02").unwrap(), "A_b"),
            "2016-02-a_b"
        );
        assert_eq!(
            derive(
                &Date::parse("2016-02-03T04:05:06Z").unwrap(),
                "--Hi, there!--"
            ),
            "2016-02-03-hi-there"
        );
        assert_eq!(
            derive(&Date::parse("2016-02-03T04:05[Asia/Tehran]").unwrap(), "x"),
            "2016-02-03-x"
        );
    }

    #[test]
    fn the_day_of_a_derived_id_is_the_date_as_written_up_to_its_clock() {
        for written in [
            "0001",
            "0999-12",
            "2024-02-29",
            "9999-12-31T23:59:59Z",
            "2024-05-03T10:00+02:00",
            "2024-05-03T00:30[Asia/Tehran]",
            "2024-05-03T23:30-11:00",
        ] {
            let d = Date::parse(written).unwrap();
            let full = d.written();
            assert_eq!(
                d.written_day(),
                full.split('T').next().unwrap(),
                "{written}"
            );
        }
    }

    #[test]
    fn colliding_ids_take_the_next_free_number() {
        let mut taken = std::collections::HashSet::new();
        let mut s = Suffixes::default();
        taken.insert("a-3".to_owned());
        for want in ["a", "a-2", "a-4", "a-5"] {
            let id = s.free("a", |id| taken.contains(id));
            assert_eq!(id, want);
            taken.insert(id);
        }
    }
}
