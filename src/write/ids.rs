//! Ids for new items: readable (`2025-05-12-geneva-joint-statement`, `reuters-2025-05-12`),
//! and unique among their kind.

use crate::load::ids::{derive, slug};
use crate::model::{Date, IdMap};

/// A new event's id: its day and its title, as the loader derives one.
pub(crate) fn event_id<V>(
    date: Option<&Date>,
    written: &str,
    title: &str,
    taken: &IdMap<V>,
) -> String {
    let base = match date {
        Some(d) => derive(d, title),
        None => {
            let day = slug(written.split('T').next().unwrap_or(written));
            let title = slug(title);
            [day, title]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join("-")
        }
    };
    unique(
        if base.is_empty() {
            "event".into()
        } else {
            base
        },
        taken,
    )
}

/// A new source's id: its outlet and the day it was published.
pub(crate) fn source_id<V>(outlet: &str, published: Option<&str>, taken: &IdMap<V>) -> String {
    let mut base = slug(outlet);
    if base.is_empty() {
        base = "source".into();
    }
    if let Some(p) = published {
        let day = p.split(['T', 't']).next().unwrap_or(p);
        let day = slug(day);
        if !day.is_empty() {
            base = format!("{base}-{day}");
        }
    }
    unique(base, taken)
}

/// `base`, else `base-2`, `base-3`...: the first not taken.
fn unique<V>(base: String, taken: &IdMap<V>) -> String {
    if !taken.contains_key(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains_key(id))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_and_do_not_clash() {
        let mut taken: IdMap<usize> = IdMap::default();
        let d = Date::parse("2025-05-12T10:00[Europe/Zurich]").unwrap();
        assert_eq!(
            event_id(Some(&d), "", "Geneva joint statement", &taken),
            "2025-05-12-geneva-joint-statement"
        );
        taken.insert("reuters-2025-05-12".into(), 0);
        assert_eq!(
            source_id("Reuters", Some("2025-05-12"), &taken),
            "reuters-2025-05-12-2"
        );
        assert_eq!(source_id("Le Monde", None, &taken), "le-monde");
    }
}
