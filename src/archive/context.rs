//! A quote in its context: the paragraphs of the archive around where it was found.

use std::ops::Range;

/// A paragraph of an archive: text between blank lines, as a byte range.
pub(crate) fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (false, None) => start = Some(pos),
            (true, Some(s)) => {
                out.push(s..end);
                start = None;
            }
            _ => {}
        }
        if !blank {
            end = pos + line.trim_end().len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push(s..end);
    }
    out
}

/// The paragraphs that hold `at` (a quote may span several), as indices into `paras`.
pub(crate) fn holding(paras: &[Range<usize>], at: &Range<usize>) -> Range<usize> {
    let first = paras.partition_point(|p| p.end <= at.start);
    let last = paras.partition_point(|p| p.start < at.end).max(first + 1);
    first..last.min(paras.len()).max(first)
}

/// The 1-based line of the archive on which byte `at` falls.
pub(crate) fn line_of(text: &str, at: usize) -> usize {
    memchr::memchr_iter(b'\n', &text.as_bytes()[..at.min(text.len())]).count() + 1
}

/// The part of paragraph `p` that `at` covers, as byte offsets within the paragraph
/// (empty when they do not meet).
pub(crate) fn within(p: &Range<usize>, at: &Range<usize>) -> Range<usize> {
    let start = at.start.clamp(p.start, p.end);
    start - p.start..at.end.min(p.end).max(start) - p.start
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "Title line\n\nFirst paragraph,\nwrapped.\n\n\n  Second one.  \nStill second.\n\nThird.";

    #[test]
    fn paragraphs_are_split_at_blank_lines() {
        let p: Vec<&str> = paragraphs(TEXT).into_iter().map(|r| &TEXT[r]).collect();
        assert_eq!(
            p,
            [
                "Title line",
                "First paragraph,\nwrapped.",
                "  Second one.  \nStill second.",
                "Third."
            ]
        );
    }

    #[test]
    fn a_quote_across_two_paragraphs_marks_both() {
        let start = TEXT.find("wrapped").unwrap();
        let end = TEXT.find("Still").unwrap() + 5;
        let at = start..end;
        let paras = paragraphs(TEXT);
        let held = holding(&paras, &at);
        assert_eq!(held.start, 1);
        let shown: Vec<Option<&str>> = paras
            .iter()
            .enumerate()
            .map(|(i, p)| held.contains(&i).then(|| &TEXT[p.clone()][within(p, &at)]))
            .collect();
        assert_eq!(
            shown,
            [None, Some("wrapped."), Some("  Second one.  \nStill"), None]
        );
    }

    #[test]
    fn lines_are_counted_from_one() {
        assert_eq!(line_of(TEXT, 0), 1);
        assert_eq!(line_of(TEXT, TEXT.find("Third").unwrap()), 10);
    }
}
