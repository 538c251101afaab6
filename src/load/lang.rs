//! A quote's `lang` (rev. 3): the shape of a BCP 47 language tag, as RFC 5646 writes it.
//! Only the shape is checked (no registry of languages is carried): it catches `farsi`,
//! `zh_Hans` and `en-` while accepting every tag a newsroom writes (`fa`, `zh-Hans`, `pt-BR`).

/// Whether `tag` is a well-formed language tag: a language (2-3 letters: the 4-8 letter
/// forms RFC 5646 reserves name no language, and `farsi` is a slip for `fa`), then any
/// extended language, script, region, variants and extensions, then private use; or a
/// private-use tag alone (`x-...`).
pub(crate) fn is_language_tag(tag: &str) -> bool {
    let parts: Vec<&str> = tag.split('-').collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || p.len() > 8 || !p.bytes().all(|b| b.is_ascii_alphanumeric()))
    {
        return false;
    }
    let alpha = |p: &str| p.bytes().all(|b| b.is_ascii_alphabetic());
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    let mut i = 0;
    if parts[0].eq_ignore_ascii_case("x") {
        return parts.len() > 1;
    }
    // Language.
    if !(alpha(parts[0]) && (2..=3).contains(&parts[0].len())) {
        return false;
    }
    i += 1;
    // Extended language subtags (up to three of three letters), after a 2-3 letter language.
    let mut ext = 0;
    while ext < 3 && i < parts.len() && parts[i].len() == 3 && alpha(parts[i]) {
        i += 1;
        ext += 1;
    }
    // Script.
    if i < parts.len() && parts[i].len() == 4 && alpha(parts[i]) {
        i += 1;
    }
    // Region.
    if i < parts.len()
        && ((parts[i].len() == 2 && alpha(parts[i])) || (parts[i].len() == 3 && digits(parts[i])))
    {
        i += 1;
    }
    // Variants.
    while i < parts.len()
        && (parts[i].len() >= 5 || (parts[i].len() == 4 && parts[i].as_bytes()[0].is_ascii_digit()))
    {
        i += 1;
    }
    // Extensions: a singleton other than `x`, then subtags of 2-8.
    while i < parts.len() && parts[i].len() == 1 && !parts[i].eq_ignore_ascii_case("x") {
        i += 1;
        let from = i;
        while i < parts.len() && parts[i].len() >= 2 {
            i += 1;
        }
        if i == from {
            return false;
        }
    }
    // Private use.
    if i < parts.len() && parts[i].eq_ignore_ascii_case("x") {
        return parts.len() > i + 1;
    }
    i == parts.len()
}

#[cfg(test)]
mod tests {
    use super::is_language_tag;

    #[test]
    fn newsroom_tags_are_well_formed_and_slips_are_not() {
        for ok in [
            "fa",
            "ar",
            "he",
            "zh-Hans",
            "pt-BR",
            "sr-Latn-RS",
            "es-419",
            "de-CH-1996",
            "en-x-wire",
            "x-private",
            "zh-yue-HK",
            "ar-EG-u-nu-latn",
        ] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in [
            "",
            "f",
            "farsi",
            "english",
            "zh_Hans",
            "en-",
            "-en",
            "e1",
            "pt-BR-",
            "toolongtag",
            "en-a",
            "en-x",
            "pt BR",
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
