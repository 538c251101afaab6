//! The one scroll rule for every scrolled view (details, quotes, help, errors, thread and
//! positions, pickers): `total` lines shown `page` at a time from `offset`, never past
//! the end, and the keys that move it.

use crate::tui::input::action::Action;

/// A scrolled view's geometry at the moment of a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Scroll {
    offset: usize,
    page: usize,
    total: usize,
}

impl Scroll {
    /// `page` is at least one line; `offset` is clamped to the end.
    pub(crate) fn new(offset: usize, page: usize, total: usize) -> Scroll {
        let page = page.max(1);
        let offset = offset.min(total.saturating_sub(page));
        Scroll {
            offset,
            page,
            total,
        }
    }

    /// The last offset that still fills the page.
    fn max(&self) -> usize {
        self.total.saturating_sub(self.page)
    }

    /// The offset `n` lines further (back when negative), within bounds.
    pub(crate) fn by(&self, n: isize) -> usize {
        self.offset.saturating_add_signed(n).min(self.max())
    }

    /// How far a scrolling key moves: a line, a page, half a page, the wheel's notches.
    pub(crate) fn lines_for(&self, action: Action) -> Option<isize> {
        let page = self.page as isize;
        let half = (self.page / 2).max(1) as isize;
        Some(match action {
            Action::Down => 1,
            Action::Up => -1,
            Action::Wheel(n) => n as isize,
            Action::PageDown => page,
            Action::PageUp => -page,
            Action::HalfPageDown => half,
            Action::HalfPageUp => -half,
            _ => return None,
        })
    }

    /// The offset after a scrolling key (`Top`, `Bottom` included); `None` for other keys.
    pub(crate) fn after(&self, action: Action) -> Option<usize> {
        match action {
            Action::Top => Some(0),
            Action::Bottom => Some(self.max()),
            _ => self.lines_for(action).map(|n| self.by(n)),
        }
    }

    /// The offset nearest to this one that shows lines `start..end`, from `start` when they
    /// are taller than the page.
    pub(crate) fn reveal(&self, start: usize, end: usize) -> usize {
        let off = if start < self.offset || end.saturating_sub(start) > self.page {
            start
        } else if end > self.offset + self.page {
            end - self.page
        } else {
            self.offset
        };
        off.min(self.max())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_move_within_bounds() {
        let s = Scroll::new(0, 10, 35);
        assert_eq!(s.after(Action::PageDown), Some(10));
        assert_eq!(s.after(Action::HalfPageDown), Some(5));
        assert_eq!(s.after(Action::Bottom), Some(25));
        assert_eq!(s.after(Action::Up), Some(0));
        assert_eq!(Scroll::new(24, 10, 35).after(Action::PageDown), Some(25));
        assert_eq!(s.after(Action::Open), None);
        assert_eq!(Scroll::new(99, 10, 5).offset, 0, "shorter than a page");
    }

    #[test]
    fn reveal_keeps_a_span_on_screen() {
        let s = Scroll::new(10, 10, 100);
        assert_eq!(s.reveal(12, 15), 10, "already shown");
        assert_eq!(s.reveal(3, 5), 3, "above");
        assert_eq!(s.reveal(25, 28), 18, "below: its end at the bottom");
        assert_eq!(s.reveal(40, 70), 40, "taller than the page: from its start");
    }
}
