//! "did you mean ...?": the nearest known name to a misspelt key or id.

/// The candidate closest to `found`, when it is close enough to be a likely typo.
pub(crate) fn nearest<'a>(
    found: &str,
    candidates: impl IntoIterator<Item = &'a str>,
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
        if best.is_none_or(|(bd, _)| d < bd) {
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
}
