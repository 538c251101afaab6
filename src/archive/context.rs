//! A quote in its context: the paragraphs of the archive around where it was found.

use std::ops::Range;

/// A paragraph of an archive: text between blank lines, as a byte range.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
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
pub fn holding(paras: &[Range<usize>], at: &Range<usize>) -> Range<usize> {
    let first = paras.partition_point(|p| p.end <= at.start);
    let last = paras.partition_point(|p| p.start < at.end).max(first + 1);
    first..last.min(paras.len()).max(first)
}

/// The 1-based line of the archive on which byte `at` falls.
pub fn line_of(text: &str, at: usize) -> usize {
    memchr::memchr_iter(b'\n', &text.as_bytes()[..at.min(text.len())]).count() + 1
}
