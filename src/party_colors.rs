//! The colour of each party: the log's `color:` as given, else one assigned so that the
//! parties of one log look different on a 16-colour terminal too. Assigned colours take
//! a hue no other party of the log has (an explicit `color: red` for China keeps red from
//! Spain), in an order that leans on blue, yellow, magenta and cyan before red and green,
//! so that a reader who cannot tell red from green is not left with that pair alone; a
//! hue is used twice (light, then dark) only when the six are taken.

use crate::color_policy::{BASIC16, nearest_basic};
use crate::model::{Color, Log, NamedColor};
use anstyle::AnsiColor;

/// The colours assigned, in the order they are taken: the light shades of each hue, then
/// the darker ones.
const ASSIGNED: [NamedColor; 12] = [
    NamedColor::LightBlue,
    NamedColor::LightYellow,
    NamedColor::LightMagenta,
    NamedColor::LightCyan,
    NamedColor::LightRed,
    NamedColor::LightGreen,
    NamedColor::Blue,
    NamedColor::Yellow,
    NamedColor::Magenta,
    NamedColor::Cyan,
    NamedColor::Red,
    NamedColor::Green,
];

/// A hue as a 16-colour terminal shows it: red, green, yellow, blue, magenta, cyan, or
/// grey (black and white too).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hue {
    Red,
    Green,
    Yellow,
    Blue,
    Magenta,
    Cyan,
    Grey,
}

fn hue_of_named(n: NamedColor) -> Hue {
    match n {
        NamedColor::Red | NamedColor::LightRed => Hue::Red,
        NamedColor::Green | NamedColor::LightGreen => Hue::Green,
        NamedColor::Yellow | NamedColor::LightYellow => Hue::Yellow,
        NamedColor::Blue | NamedColor::LightBlue => Hue::Blue,
        NamedColor::Magenta | NamedColor::LightMagenta => Hue::Magenta,
        NamedColor::Cyan | NamedColor::LightCyan => Hue::Cyan,
        NamedColor::Gray | NamedColor::LightGray => Hue::Grey,
    }
}

/// The hue a colour shows as: an RGB colour's is that of its nearest basic colour, which
/// is what a 16-colour terminal draws.
fn hue(c: Color) -> Hue {
    match c {
        Color::Named(n) => hue_of_named(n),
        Color::Rgb(r, g, b) => match BASIC16[nearest_basic(r, g, b)].0 {
            AnsiColor::Red | AnsiColor::BrightRed => Hue::Red,
            AnsiColor::Green | AnsiColor::BrightGreen => Hue::Green,
            AnsiColor::Yellow | AnsiColor::BrightYellow => Hue::Yellow,
            AnsiColor::Blue | AnsiColor::BrightBlue => Hue::Blue,
            AnsiColor::Magenta | AnsiColor::BrightMagenta => Hue::Magenta,
            AnsiColor::Cyan | AnsiColor::BrightCyan => Hue::Cyan,
            _ => Hue::Grey,
        },
    }
}

/// Each party's colour, in the log's order: its own, else an assigned one.
pub fn party_colors(log: &Log) -> Vec<Color> {
    let mut taken: Vec<Color> = log.parties.iter().filter_map(|p| p.color).collect();
    let mut out = Vec::with_capacity(log.parties.len());
    for p in &log.parties {
        if let Some(c) = p.color {
            out.push(c);
            continue;
        }
        let free_hue = |n: &&NamedColor| !taken.iter().any(|&t| hue(t) == hue_of_named(**n));
        let unused = |n: &&NamedColor| !taken.contains(&Color::Named(**n));
        // A hue nobody has; else a shade nobody has; else round the list again.
        let pick = ASSIGNED
            .iter()
            .find(free_hue)
            .or_else(|| ASSIGNED.iter().find(unused))
            .copied()
            .unwrap_or(ASSIGNED[out.len() % ASSIGNED.len()]);
        taken.push(Color::Named(pick));
        out.push(Color::Named(pick));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_rgb_colour_has_the_hue_a_basic_terminal_draws() {
        assert_eq!(hue(Color::Rgb(220, 30, 30)), Hue::Red);
        assert_eq!(hue(Color::Rgb(59, 130, 246)), Hue::Blue);
        assert_eq!(hue(Color::Named(NamedColor::LightGray)), Hue::Grey);
    }
}
