//! The context view laid out a window at a time: an archive may be a hundred megabytes,
//! so a key or a frame wraps only the paragraphs it shows or scrolls over, never the
//! whole text. The view's place is a block (the heading, then one block per paragraph)
//! and a line within it, so that no line count of the whole archive is ever needed.

use ratatui::text::Line;

/// A line of the context view: block `block` (0 is the heading above the text, `1 + i`
/// the archive's paragraph `i`), line `line` of it at the width drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Anchor {
    pub block: usize,
    pub line: usize,
}

impl Anchor {
    /// The view's first line.
    pub const TOP: Anchor = Anchor { block: 0, line: 0 };
}

/// A text made of blocks of lines, each laid out on demand.
pub(crate) trait Blocks {
    /// How many blocks there are.
    fn count(&self) -> usize;
    /// The lines of block `i` (at least one for any block that exists).
    fn lines(&self, i: usize) -> Vec<Line<'static>>;
}

/// The anchor within bounds: a block that exists, a line it has.
fn normal(b: &impl Blocks, a: Anchor) -> Anchor {
    let n = b.count();
    if n == 0 {
        return Anchor::TOP;
    }
    let block = a.block.min(n - 1);
    let len = b.lines(block).len().max(1);
    let line = if block == a.block { a.line } else { len - 1 };
    Anchor {
        block,
        line: line.min(len - 1),
    }
}

/// The line `n` lines after `a`, the last line at most.
pub(crate) fn forward(b: &impl Blocks, a: Anchor, mut n: usize) -> Anchor {
    let a = normal(b, a);
    let (mut block, mut line) = (a.block, a.line);
    let count = b.count();
    while block < count {
        let len = b.lines(block).len().max(1);
        if line + n < len {
            return Anchor {
                block,
                line: line + n,
            };
        }
        if block + 1 == count {
            return Anchor {
                block,
                line: len - 1,
            };
        }
        n -= len - line;
        block += 1;
        line = 0;
    }
    Anchor::TOP
}

/// The line `n` lines before `a`, the first line at least.
pub(crate) fn back(b: &impl Blocks, a: Anchor, mut n: usize) -> Anchor {
    let a = normal(b, a);
    let (mut block, mut line) = (a.block, a.line);
    loop {
        if line >= n {
            return Anchor {
                block,
                line: line - n,
            };
        }
        if block == 0 {
            return Anchor::TOP;
        }
        n -= line + 1;
        block -= 1;
        line = b.lines(block).len().max(1) - 1;
    }
}

/// The first line of the last page `page` lines tall: the farthest the view scrolls.
pub(crate) fn last_page(b: &impl Blocks, page: usize) -> Anchor {
    let end = Anchor {
        block: usize::MAX,
        line: usize::MAX,
    };
    back(b, end, page.max(1) - 1)
}

/// `a` within bounds and never past the last page.
pub(crate) fn clamp(b: &impl Blocks, a: Anchor, page: usize) -> Anchor {
    normal(b, a).min(last_page(b, page))
}

/// Up to `page` lines from `a` on (`a` kept within the last page first).
pub(crate) fn window(b: &impl Blocks, a: Anchor, page: usize) -> Vec<Line<'static>> {
    let a = clamp(b, a, page);
    let mut out = Vec::with_capacity(page);
    let mut skip = a.line;
    for i in a.block..b.count() {
        if out.len() >= page {
            break;
        }
        let lines = b.lines(i);
        out.extend(lines.into_iter().skip(skip).take(page - out.len()));
        skip = 0;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks of the given heights, each line saying where it is.
    struct Heights(Vec<usize>);

    impl Blocks for Heights {
        fn count(&self) -> usize {
            self.0.len()
        }
        fn lines(&self, i: usize) -> Vec<Line<'static>> {
            (0..self.0[i])
                .map(|l| Line::from(format!("{i}.{l}")))
                .collect()
        }
    }

    fn at(block: usize, line: usize) -> Anchor {
        Anchor { block, line }
    }

    #[test]
    fn moving_crosses_blocks_and_stops_at_the_ends() {
        let b = Heights(vec![3, 1, 4]);
        assert_eq!(forward(&b, Anchor::TOP, 2), at(0, 2));
        assert_eq!(forward(&b, Anchor::TOP, 3), at(1, 0));
        assert_eq!(forward(&b, Anchor::TOP, 5), at(2, 1));
        assert_eq!(forward(&b, Anchor::TOP, 50), at(2, 3));
        assert_eq!(back(&b, at(2, 1), 2), at(1, 0));
        assert_eq!(back(&b, at(2, 1), 3), at(0, 2));
        assert_eq!(back(&b, at(2, 1), 30), Anchor::TOP);
    }

    #[test]
    fn the_window_is_the_slice_of_all_lines_a_scroll_offset_shows() {
        let b = Heights(vec![3, 1, 4, 2]);
        let all: Vec<String> = (0..b.count())
            .flat_map(|i| b.lines(i))
            .map(|l| l.to_string())
            .collect();
        for page in 1..12 {
            for offset in 0..all.len() + 3 {
                let a = forward(&b, Anchor::TOP, offset);
                let shown: Vec<String> =
                    window(&b, a, page).iter().map(|l| l.to_string()).collect();
                let off = offset.min(all.len().saturating_sub(page));
                let expected: Vec<String> = all.iter().skip(off).take(page).cloned().collect();
                assert_eq!(shown, expected, "page {page}, offset {offset}");
            }
        }
    }

    #[test]
    fn an_anchor_past_the_text_after_a_resize_is_brought_back() {
        let b = Heights(vec![2, 2]);
        assert_eq!(clamp(&b, at(9, 9), 1), at(1, 1));
        assert_eq!(clamp(&b, at(0, 9), 1), at(0, 1));
        assert_eq!(window(&Heights(vec![]), at(3, 3), 5).len(), 0);
    }
}
