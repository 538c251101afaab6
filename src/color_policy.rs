//! The one colour policy for everything dateline shows, on screen or printed.
//!
//! `NO_COLOR` (any non-empty value) means no colour; printed output is coloured only on a
//! terminal; 24-bit colour only when `COLORTERM` says `truecolor` or `24bit`, otherwise a
//! log's `#rrggbb` becomes the nearest of the 16 basic colours every terminal has. The
//! browser (through its theme) and the printed outputs (through `anstyle`) both ask here.

use crate::model::{Color, NamedColor};
use anstyle::{AnsiColor, RgbColor};
use std::io::IsTerminal;

/// What a terminal may be sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorMode {
    /// No colour: emphasis only.
    None,
    /// The 16 basic colours.
    Basic16,
    /// 24-bit colour.
    TrueColor,
}

impl ColorMode {
    /// For the browser, which always draws on a terminal: reads NO_COLOR and COLORTERM.
    pub(crate) fn from_env() -> ColorMode {
        ColorMode::decide(
            std::env::var_os("NO_COLOR").as_deref(),
            std::env::var("COLORTERM").ok().as_deref(),
        )
    }

    /// The policy itself, given the two variables.
    pub(crate) fn decide(no_color: Option<&std::ffi::OsStr>, colorterm: Option<&str>) -> ColorMode {
        if no_color.is_some_and(|v| !v.is_empty()) {
            ColorMode::None
        } else if matches!(colorterm, Some("truecolor" | "24bit")) {
            ColorMode::TrueColor
        } else {
            ColorMode::Basic16
        }
    }

    /// For printed output: colour only when the stream is a terminal.
    pub(crate) fn for_stream(stream: &impl IsTerminal) -> ColorMode {
        if stream.is_terminal() {
            ColorMode::from_env()
        } else {
            ColorMode::None
        }
    }

    /// A log's colour as this terminal can show it; `None` without colour.
    pub(crate) fn log_color(self, c: Color) -> Option<anstyle::Color> {
        match (self, c) {
            (ColorMode::None, _) => None,
            (ColorMode::TrueColor, Color::Rgb(r, g, b)) => Some(RgbColor(r, g, b).into()),
            (ColorMode::Basic16, Color::Rgb(r, g, b)) => {
                Some(BASIC16[nearest_basic(r, g, b)].0.into())
            }
            (_, Color::Named(n)) => Some(named(n).into()),
        }
    }

    /// A style as this terminal can show it: colours dropped without colour, emphasis kept.
    pub(crate) fn style(self, style: anstyle::Style) -> anstyle::Style {
        if self == ColorMode::None {
            style.fg_color(None).bg_color(None)
        } else {
            style
        }
    }

    /// A stream that writes what it is given when colour is on and strips styles otherwise,
    /// so text built with styles can be printed through the policy unchanged.
    pub(crate) fn writer<S: std::io::Write + anstream::stream::RawStream>(
        self,
        stream: S,
    ) -> anstream::AutoStream<S> {
        let choice = if self == ColorMode::None {
            anstream::ColorChoice::Never
        } else {
            anstream::ColorChoice::Always
        };
        anstream::AutoStream::new(stream, choice)
    }
}

/// The 16 basic colours with the RGB values xterm gives them, for nearest-colour mapping.
pub(crate) const BASIC16: [(AnsiColor, (u8, u8, u8)); 16] = [
    (AnsiColor::Black, (0, 0, 0)),
    (AnsiColor::Red, (205, 0, 0)),
    (AnsiColor::Green, (0, 205, 0)),
    (AnsiColor::Yellow, (205, 205, 0)),
    (AnsiColor::Blue, (0, 0, 238)),
    (AnsiColor::Magenta, (205, 0, 205)),
    (AnsiColor::Cyan, (0, 205, 205)),
    (AnsiColor::White, (229, 229, 229)),
    (AnsiColor::BrightBlack, (127, 127, 127)),
    (AnsiColor::BrightRed, (255, 0, 0)),
    (AnsiColor::BrightGreen, (0, 255, 0)),
    (AnsiColor::BrightYellow, (255, 255, 0)),
    (AnsiColor::BrightBlue, (92, 92, 255)),
    (AnsiColor::BrightMagenta, (255, 0, 255)),
    (AnsiColor::BrightCyan, (0, 255, 255)),
    (AnsiColor::BrightWhite, (255, 255, 255)),
];

/// The index in `BASIC16` of the basic colour nearest to an RGB colour.
pub(crate) fn nearest_basic(r: u8, g: u8, b: u8) -> usize {
    let dist = |(cr, cg, cb): (u8, u8, u8)| {
        let d = |x: u8, y: u8| (i32::from(x) - i32::from(y)).pow(2);
        d(r, cr) + d(g, cg) + d(b, cb)
    };
    (0..BASIC16.len())
        .min_by_key(|&i| dist(BASIC16[i].1))
        .unwrap_or(0)
}

/// A colour name of the format as the basic terminal colour of that name.
pub(crate) fn named(c: NamedColor) -> AnsiColor {
    match c {
        NamedColor::Red => AnsiColor::Red,
        NamedColor::Green => AnsiColor::Green,
        NamedColor::Yellow => AnsiColor::Yellow,
        NamedColor::Blue => AnsiColor::Blue,
        NamedColor::Magenta => AnsiColor::Magenta,
        NamedColor::Cyan => AnsiColor::Cyan,
        NamedColor::Gray => AnsiColor::White,
        NamedColor::LightRed => AnsiColor::BrightRed,
        NamedColor::LightGreen => AnsiColor::BrightGreen,
        NamedColor::LightYellow => AnsiColor::BrightYellow,
        NamedColor::LightBlue => AnsiColor::BrightBlue,
        NamedColor::LightMagenta => AnsiColor::BrightMagenta,
        NamedColor::LightCyan => AnsiColor::BrightCyan,
        NamedColor::LightGray => AnsiColor::BrightWhite,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn no_color_wins_and_truecolor_only_when_the_terminal_says_so() {
        assert_eq!(
            ColorMode::decide(Some(OsStr::new("1")), Some("truecolor")),
            ColorMode::None
        );
        assert_eq!(
            ColorMode::decide(Some(OsStr::new("")), None),
            ColorMode::Basic16
        );
        assert_eq!(ColorMode::decide(None, Some("24bit")), ColorMode::TrueColor);
        assert_eq!(ColorMode::decide(None, Some("xterm")), ColorMode::Basic16);
    }

    #[test]
    fn rgb_is_downgraded_to_the_nearest_basic_colour_without_truecolor() {
        let teal = Color::Rgb(0, 200, 210);
        assert_eq!(
            ColorMode::Basic16.log_color(teal),
            Some(AnsiColor::Cyan.into())
        );
        assert_eq!(
            ColorMode::TrueColor.log_color(teal),
            Some(RgbColor(0, 200, 210).into())
        );
        assert_eq!(ColorMode::None.log_color(teal), None);
    }
}
