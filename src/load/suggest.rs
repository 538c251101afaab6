//! "did you mean ...?": the nearest known name to a misspelt key or id.

/// The candidate closest to `found`, when it is close enough to be a likely typo; of
/// candidates equally close, the first.
pub(crate) fn nearest<'a>(
    found: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    closest(found, candidates, false)
}

/// `nearest` for candidates in no particular order (the keys of a hash map): of candidates
/// equally close, the first in text order, so that the suggestion is the same every run.
pub(crate) fn nearest_unordered<'a>(
    found: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    closest(found, candidates, true)
}

fn closest<'a>(
    found: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    unordered: bool,
) -> Option<&'a str> {
    let found_lower = found.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        if c == found {
            continue;
        }
        let d = if c.to_lowercase() == found_lower {
            0
        } else {
            strsim::damerau_levenshtein(&found_lower, c)
        };
        if best.is_none_or(|(bd, bc)| d < bd || unordered && d == bd && c < bc) {
            best = Some((d, c));
        }
    }
    let (d, c) = best?;
    let allowed = (found.chars().count().max(c.chars().count()) / 3).max(1);
    (d <= allowed || c.starts_with(&found_lower) && found.len() >= 3).then_some(c)
}

/// The help text for a suggestion.
pub(crate) fn did_you_mean(s: &str) -> String {
    format!("did you mean \"{s}\"?")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_names_are_suggested_far_ones_are_not() {
        let ids = ["hamas", "israel", "qatar"];
        assert_eq!(nearest("hamaz", ids), Some("hamas"));
        assert_eq!(nearest("Hamas", ids), Some("hamas"));
        assert_eq!(nearest("isr", ids), Some("israel"));
        assert_eq!(nearest("egypt", ids), None);
        assert_eq!(nearest("titel", ["title", "summary"]), Some("title"));
    }

    #[test]
    fn ties_in_no_order_go_to_the_first_in_text_order() {
        assert_eq!(nearest_unordered("ab", ["ax", "aa"]), Some("aa"));
        assert_eq!(nearest_unordered("ab", ["aa", "ax"]), Some("aa"));
        assert_eq!(nearest("ab", ["ax", "aa"]), Some("ax"));
    }
}
