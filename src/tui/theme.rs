//! Colours and emphasis. The colour capability is decided once, from the environment, in
//! `ColorMode::from_env`, and passed in: everything else is a pure function of it, so the
//! policy can be tested without touching the environment.
//!
//! Policy: `NO_COLOR` (any non-empty value) means no colour at all, emphasis only by bold,
//! italic, underline and reverse. `COLORTERM=truecolor|24bit` allows `#rrggbb` as written.
//! Otherwise the 16 basic colours only: `#rrggbb` maps to the nearest of them.

use crate::color_policy;
use crate::model::{Color as LogColor, Kind, Log, NamedColor, PartyIx, Status};
use anstyle::AnsiColor;
use ratatui::style::{Color, Modifier, Style};

pub use crate::color_policy::ColorMode;

/// A basic terminal colour as ratatui names it.
fn ansi(c: AnsiColor) -> Color {
    match c {
        AnsiColor::Black => Color::Black,
        AnsiColor::Red => Color::Red,
        AnsiColor::Green => Color::Green,
        AnsiColor::Yellow => Color::Yellow,
        AnsiColor::Blue => Color::Blue,
        AnsiColor::Magenta => Color::Magenta,
        AnsiColor::Cyan => Color::Cyan,
        AnsiColor::White => Color::Gray,
        AnsiColor::BrightBlack => Color::DarkGray,
        AnsiColor::BrightRed => Color::LightRed,
        AnsiColor::BrightGreen => Color::LightGreen,
        AnsiColor::BrightYellow => Color::LightYellow,
        AnsiColor::BrightBlue => Color::LightBlue,
        AnsiColor::BrightMagenta => Color::LightMagenta,
        AnsiColor::BrightCyan => Color::LightCyan,
        AnsiColor::BrightWhite => Color::White,
    }
}

/// Relative luminance (WCAG) bounds for a party's colour: text in it stays readable on a
/// black background (at least 3.4:1 at the lower bound) and on a white one (at least
/// 1.9:1 at the upper), whichever the reader's terminal has.
const MIN_LUMINANCE: f64 = 0.12;
const MAX_LUMINANCE: f64 = 0.5;

fn luminance(r: u8, g: u8, b: u8) -> f64 {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// A log's colour moved towards white or black just enough to keep contrast with either
/// background: `#000000` or `#0a0a1e` would be invisible on a dark terminal, `#fafafa` on a
/// light one. Its hue is kept.
fn legible(c: LogColor) -> LogColor {
    let LogColor::Rgb(r, g, b) = c else {
        return c;
    };
    let mix = |t: f64, to: f64| {
        let m = |x: u8| (f64::from(x) + (to - f64::from(x)) * t).round() as u8;
        (m(r), m(g), m(b))
    };
    let l = luminance(r, g, b);
    let target = if l < MIN_LUMINANCE {
        255.0
    } else if l > MAX_LUMINANCE {
        0.0
    } else {
        return c;
    };
    // The least mix that reaches the band, by bisection.
    let (mut lo, mut hi) = (0.0, 1.0);
    for _ in 0..20 {
        let mid = (lo + hi) / 2.0;
        let (r2, g2, b2) = mix(mid, target);
        let ok = (MIN_LUMINANCE..=MAX_LUMINANCE).contains(&luminance(r2, g2, b2));
        if ok { hi = mid } else { lo = mid }
    }
    let (r2, g2, b2) = mix(hi, target);
    LogColor::Rgb(r2, g2, b2)
}

/// The nearest of the 16 basic colours to an RGB colour.
fn nearest_basic(r: u8, g: u8, b: u8) -> Color {
    ansi(color_policy::BASIC16[color_policy::nearest_basic(r, g, b)].0)
}

fn named(c: NamedColor) -> Color {
    ansi(color_policy::named(c))
}

/// The styles the views use.
#[derive(Clone, Debug)]
pub(crate) struct Theme {
    pub(crate) mode: ColorMode,
    /// One colour per party, in log order (unused with `ColorMode::None`).
    party_colors: Vec<Color>,
}

impl Theme {
    pub(crate) fn new(log: &Log, mode: ColorMode) -> Theme {
        let party_colors = crate::party_colors::party_colors(log)
            .into_iter()
            .map(|c| match legible(c) {
                LogColor::Rgb(r, g, b) if mode == ColorMode::TrueColor => Color::Rgb(r, g, b),
                LogColor::Rgb(r, g, b) => nearest_basic(r, g, b),
                LogColor::Named(n) => named(n),
            })
            .collect();
        Theme { mode, party_colors }
    }

    /// A theme in `mode` with no party colours yet (until the log's are known).
    pub(crate) fn uncoloured(mode: ColorMode) -> Theme {
        Theme {
            mode,
            party_colors: Vec::new(),
        }
    }

    fn colored(&self) -> bool {
        self.mode != ColorMode::None
    }

    fn fg(&self, c: Color) -> Style {
        if self.colored() {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// The colour a party is drawn in, when colours are allowed.
    fn party_color(&self, p: PartyIx) -> Option<Color> {
        if self.colored() {
            self.party_colors.get(p).copied()
        } else {
            None
        }
    }

    pub(crate) fn party(&self, p: PartyIx) -> Style {
        match self.party_color(p) {
            Some(c) => Style::new().fg(c),
            None => Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }

    pub(crate) fn kind(&self, k: Kind) -> Style {
        let c = match k {
            Kind::Meeting => Color::Blue,
            Kind::Call => Color::Cyan,
            Kind::Statement => Color::Yellow,
            Kind::Proposal => Color::Green,
            Kind::Response => Color::Magenta,
            Kind::Agreement => Color::LightGreen,
            Kind::Travel => Color::LightBlue,
            Kind::Development => Color::Gray,
        };
        self.fg(c).add_modifier(Modifier::BOLD)
    }

    /// How the title of an event of this status looks: an expected event must never look
    /// like one that happened.
    pub(crate) fn status(&self, s: Status) -> Style {
        match s {
            Status::Occurred => Style::new(),
            Status::Expected => Style::new().add_modifier(Modifier::ITALIC | Modifier::DIM),
            Status::Cancelled => Style::new().add_modifier(Modifier::CROSSED_OUT | Modifier::DIM),
            Status::Disputed => self.fg(Color::LightRed).add_modifier(Modifier::ITALIC),
        }
    }

    pub(crate) fn selected(&self, focused: bool) -> Style {
        if self.colored() && !focused {
            Style::new().bg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub(crate) fn match_hl(&self) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        if self.colored() {
            s.fg(Color::LightYellow)
        } else {
            s
        }
    }

    pub(crate) fn heading(&self) -> Style {
        self.fg(Color::LightCyan).add_modifier(Modifier::BOLD)
    }

    pub(crate) fn label(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub(crate) fn dim(&self) -> Style {
        if self.colored() {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub(crate) fn warning(&self) -> Style {
        self.fg(Color::LightRed).add_modifier(Modifier::BOLD)
    }

    pub(crate) fn key(&self) -> Style {
        self.fg(Color::LightYellow).add_modifier(Modifier::BOLD)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn party_colours_keep_contrast_with_dark_and_light_backgrounds() {
        for (r, g, b) in [
            (0, 0, 0),
            (10, 10, 30),
            (0, 0, 255),
            (255, 255, 255),
            (250, 250, 240),
        ] {
            let LogColor::Rgb(r2, g2, b2) = legible(LogColor::Rgb(r, g, b)) else {
                panic!()
            };
            let l = luminance(r2, g2, b2);
            assert!(
                (MIN_LUMINANCE..=MAX_LUMINANCE + 0.01).contains(&l),
                "{r},{g},{b} -> {r2},{g2},{b2}: {l}"
            );
            // Never the 16-colour black or white either.
            let basic = nearest_basic(r2, g2, b2);
            assert!(!matches!(basic, Color::Black | Color::White), "{basic:?}");
        }
        // A colour already legible is kept as written.
        assert_eq!(
            legible(LogColor::Rgb(200, 30, 30)),
            LogColor::Rgb(200, 30, 30)
        );
        let navy = legible(LogColor::Rgb(0, 0, 128));
        let LogColor::Rgb(r, g, b) = navy else {
            panic!()
        };
        assert!(b > r && b > g, "the hue stays blue: {navy:?}");
    }

    #[test]
    fn no_color_wins_over_colorterm() {
        assert_eq!(
            ColorMode::decide(Some(OsStr::new("1")), Some("truecolor")),
            ColorMode::None
        );
        assert_eq!(
            ColorMode::decide(Some(OsStr::new("")), Some("truecolor")),
            ColorMode::TrueColor
        );
        assert_eq!(ColorMode::decide(None, Some("24bit")), ColorMode::TrueColor);
        assert_eq!(ColorMode::decide(None, None), ColorMode::Basic16);
        assert_eq!(ColorMode::decide(None, Some("yes")), ColorMode::Basic16);
    }

    #[test]
    fn rgb_maps_to_the_nearest_basic_colour() {
        assert_eq!(nearest_basic(0x3b, 0x82, 0xf6), Color::LightBlue);
        assert_eq!(nearest_basic(250, 10, 10), Color::LightRed);
        assert_eq!(nearest_basic(10, 10, 10), Color::Black);
    }

    #[test]
    fn no_color_theme_sends_no_colour() {
        let mut log = Log::default();
        log.parties.push(crate::model::Party {
            id: "us".into(),
            name: "United States".into(),
            color: Some(LogColor::Rgb(1, 2, 200)),
            origin: Default::default(),
        });
        let t = Theme::new(&log, ColorMode::None);
        for s in [
            t.party(0),
            t.kind(Kind::Call),
            t.match_hl(),
            t.selected(false),
            t.dim(),
        ] {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
        // A blue that dark is lightened to stay readable on a dark background.
        assert_eq!(
            Theme::new(&log, ColorMode::Basic16).party_color(0),
            Some(Color::LightBlue)
        );
        let LogColor::Rgb(r, g, b) = legible(LogColor::Rgb(1, 2, 200)) else {
            panic!()
        };
        assert_eq!(
            Theme::new(&log, ColorMode::TrueColor).party_color(0),
            Some(Color::Rgb(r, g, b))
        );
    }
}
