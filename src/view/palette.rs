//! Colour, decided once at start-up.
//!
//! Colour is for a person at a terminal: never with `NO_COLOR` (https://no-color.org),
//! `--color never`, `TERM=dumb`, or when the output is not a terminal (a pipe, a file,
//! a test). Everything coloured goes through [`Palette::paint`], so that one decision
//! holds everywhere.

use colored::Colorize;

/// `--color auto|always|never`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set or TERM is dumb.
    #[default]
    Auto,
    Always,
    Never,
}

/// What a piece of text is, which decides its colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Prompt,
    /// A socket event line: `s  created → bound 127.0.0.1:40000`.
    Event,
    /// The session name an event or table row is about.
    Name,
    Hint,
    Error,
    Keyword,
    Str,
    Number,
    Comment,
    /// `:sockets` and other meta-commands typed at the prompt.
    Meta,
    /// The signature shown while typing a call.
    Signature,
    Heading,
    Dim,
    Good,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    pub color: bool,
}

impl Palette {
    pub const PLAIN: Palette = Palette { color: false };

    /// Decide once: `choice`, then the environment, then whether standard output is a
    /// terminal.
    pub fn decide(choice: ColorChoice) -> Palette {
        let env = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
        let color = match choice {
            ColorChoice::Never => false,
            ColorChoice::Always => true,
            ColorChoice::Auto => {
                env("NO_COLOR").is_none()
                    && std::env::var("TERM").map_or(true, |t| t != "dumb")
                    // SAFETY: isatty only inspects the descriptor.
                    && unsafe { libc::isatty(1) } == 1
            }
        };
        // `colored` has its own environment rules; ours win.
        colored::control::set_override(color);
        Palette { color }
    }

    /// `text` in the colour of `style`. Each line is painted and reset on its own, so no
    /// colour or bold runs past the text into what the terminal shows next.
    pub fn paint(&self, text: &str, style: Style) -> String {
        if !self.color || text.is_empty() {
            return text.to_string();
        }
        text.split('\n')
            .map(|line| {
                if line.is_empty() {
                    String::new()
                } else {
                    paint_line(line, style)
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The colours: the terminal's eight base colours only, none that vanishes on a white
/// background (yellow), a black one (blue) or a projector (grey, faint).
fn paint_line(t: &str, style: Style) -> String {
    match style {
        Style::Prompt => t.green().bold(),
        Style::Event => t.cyan(),
        Style::Name => t.cyan().bold(),
        Style::Hint => t.magenta(),
        Style::Error => t.red().bold(),
        Style::Keyword => t.magenta().bold(),
        Style::Str => t.green(),
        Style::Number => t.cyan(),
        Style::Comment => t.red(),
        Style::Meta => t.green().bold(),
        Style::Signature => t.magenta().italic(),
        Style::Heading => t.bold(),
        Style::Dim => t.cyan(),
        Style::Good => t.green(),
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_palette_never_adds_escapes() {
        for style in [Style::Prompt, Style::Event, Style::Hint, Style::Error] {
            assert_eq!(Palette::PLAIN.paint("x", style), "x");
        }
    }

    #[test]
    fn every_colour_is_readable_and_reset() {
        colored::control::set_override(true);
        let p = Palette { color: true };
        for style in [
            Style::Prompt,
            Style::Event,
            Style::Name,
            Style::Hint,
            Style::Error,
            Style::Keyword,
            Style::Str,
            Style::Number,
            Style::Comment,
            Style::Meta,
            Style::Signature,
            Style::Heading,
            Style::Dim,
            Style::Good,
        ] {
            let painted = p.paint("one\ntwo\n", style);
            for line in painted.split('\n').filter(|l| !l.is_empty()) {
                assert!(
                    line.ends_with("\x1b[0m"),
                    "{style:?}: {line:?} is not reset"
                );
            }
            assert!(painted.ends_with("\x1b[0m\n"), "{style:?}: {painted:?}");
            let codes = painted.replace("\x1b[0m", "");
            // 33 yellow, 34 blue, 90 grey (bright black), 2 faint.
            for bad in ["[33m", ";33m", "[34m", ";34m", "[90m", ";90m", "[2m", "[2;"] {
                assert!(!codes.contains(bad), "{style:?} uses {bad}: {painted:?}");
            }
        }
    }

    #[test]
    fn never_means_never() {
        assert!(!Palette::decide(ColorChoice::Never).color);
    }
}
