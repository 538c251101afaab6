//! OSC 8 hyperlinks: a URL on screen that the terminal opens on a click.
//!
//! ratatui 0.30 has no hyperlink in its cells, but a cell's symbol may carry escape
//! sequences when its width is forced (`CellDiffOption::ForcedWidth`). Each cell of the URL
//! gets its own opening and closing sequence around its one character, with one `id` for
//! the whole link: a cell redrawn alone by the diff is still a whole link, and terminals
//! join the cells of one id into one link.

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use std::num::NonZeroU16;

/// The longest URL made a link. Each cell of a link repeats its URL, so a longer one would
/// write megabytes to the terminal per frame; browsers and servers refuse URLs much over
/// this anyway. A longer URL is shown, not linked.
pub(crate) const MAX_LINK_BYTES: usize = 2000;

/// Whether `url` can go inside an OSC 8 sequence: a web address of printable ASCII only,
/// so that nothing in it can end the sequence early or act on the terminal, and of at most
/// `MAX_LINK_BYTES`.
fn linkable(url: &str) -> bool {
    url.len() <= MAX_LINK_BYTES
        && (url.starts_with("https://") || url.starts_with("http://"))
        && url.bytes().all(|b| (0x21..0x7f).contains(&b))
}

/// Makes the characters drawn in `row` (the URL, possibly cut with `…`) a link to `url`.
pub(crate) fn hyperlink(buf: &mut Buffer, row: Rect, url: &str) {
    if !linkable(url) {
        return;
    }
    let id = url
        .bytes()
        .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(b.into()));
    let area = row.intersection(buf.area);
    for x in area.left()..area.right() {
        let Some(cell) = buf.cell_mut((x, area.y)) else {
            continue;
        };
        let sym = cell.symbol().to_owned();
        if sym.trim().is_empty() || sym.chars().count() != 1 {
            continue;
        }
        cell.set_symbol(&format!(
            "\x1b]8;id=dl{id:x};{url}\x1b\\{sym}\x1b]8;;\x1b\\"
        ));
        if let Some(one) = NonZeroU16::new(1) {
            cell.set_diff_option(CellDiffOption::ForcedWidth(one));
        }
    }
}

/// Links every URL drawn in `area` that is one of `urls` (or the start of one, cut with
/// `…`): for views whose lines are laid out before it is known where they land.
pub(crate) fn link_drawn(buf: &mut Buffer, area: Rect, urls: &[&str]) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        let row: Vec<String> = (area.left()..area.right())
            .map(|x| buf[(x, y)].symbol().to_owned())
            .collect();
        let Some(start) = (0..row.len()).find(|&i| {
            let rest: String = row[i..].iter().take(8).map(String::as_str).collect();
            rest.starts_with("https://") || rest.starts_with("http://")
        }) else {
            continue;
        };
        let len = row[start..]
            .iter()
            .take_while(|s| !s.trim().is_empty())
            .count();
        let shown: String = row[start..start + len].concat();
        let (prefix, cut) = match shown.strip_suffix('…') {
            Some(p) => (p, true),
            None => (shown.as_str(), false),
        };
        let url = urls.iter().find(|u| {
            if cut {
                u.starts_with(prefix)
            } else {
                **u == prefix
            }
        });
        if let Some(url) = url {
            let cells = Rect::new(area.x + start as u16, y, len as u16, 1);
            hyperlink(buf, cells, url);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_that_could_act_on_the_terminal_is_never_put_in_a_sequence() {
        assert!(linkable("https://x.org/a?b=c"));
        assert!(!linkable("https://x.org/\x1b]8;;"));
        assert!(!linkable("javascript:alert(1)"));
        let long = format!("https://x.org/{}", "a".repeat(MAX_LINK_BYTES));
        assert!(linkable(&long[..MAX_LINK_BYTES]));
        assert!(!linkable(&long));
    }
}
