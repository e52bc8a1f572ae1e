//! Text fitted to the terminal: on an 80-column terminal or a projector, help and hints
//! are re-wrapped between words, never cut inside one.

/// Columns `text` takes on the terminal: its characters, without escape sequences.
pub fn visible_width(text: &str) -> usize {
    let mut n = 0;
    let mut in_escape = false;
    for c in text.chars() {
        if in_escape {
            in_escape = !c.is_ascii_alphabetic();
        } else if c == '\x1b' {
            in_escape = true;
        } else {
            n += 1;
        }
    }
    n
}

/// `text` with every line wider than `width` broken between words. A continuation keeps
/// the line's indentation, or, in a two-column line (`  :help [TOPIC]   this overview`),
/// lines up under the second column. A word wider than the line is left whole.
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        wrap_line(line, width, &mut out);
    }
    out
}

/// One line (`hint: ...`) broken between words, every continuation indented by `hang`
/// columns (to go on under the text after `hint: `).
pub fn wrap_hanging(line: &str, width: usize, hang: usize) -> String {
    let mut out = String::new();
    wrap_line_at(line, width, hang, &mut out);
    out
}

fn wrap_line(line: &str, width: usize, out: &mut String) {
    wrap_line_at(line, width, hanging_indent(line, width), out);
}

fn wrap_line_at(line: &str, width: usize, hang: usize, out: &mut String) {
    if visible_width(line) <= width {
        out.push_str(line);
        return;
    }
    let mut rest = line.to_string();
    loop {
        if visible_width(&rest) <= width {
            out.push_str(&rest);
            return;
        }
        // The last space that leaves the line within `width`, past the indentation.
        let mut col = 0;
        let mut cut = None;
        let mut first_after = None;
        let mut in_escape = false;
        for (at, c) in rest.char_indices() {
            if in_escape {
                in_escape = !c.is_ascii_alphabetic();
                continue;
            }
            if c == '\x1b' {
                in_escape = true;
                continue;
            }
            if c == ' ' && col > hang {
                if col <= width {
                    cut = Some(at);
                } else if first_after.is_none() {
                    first_after = Some(at);
                    break;
                }
            }
            col += 1;
        }
        let Some(at) = cut.or(first_after) else {
            out.push_str(&rest);
            return;
        };
        out.push_str(rest[..at].trim_end());
        out.push('\n');
        let tail = rest[at..].trim_start();
        if tail.is_empty() {
            return;
        }
        rest = format!("{}{tail}", " ".repeat(hang));
    }
}

/// Where continuation lines start: under the second column of a two-column line, if
/// there is one in the first half of the line, else at the line's own indentation.
fn hanging_indent(line: &str, width: usize) -> usize {
    let plain: String = {
        let mut s = String::new();
        let mut in_escape = false;
        for c in line.chars() {
            if in_escape {
                in_escape = !c.is_ascii_alphabetic();
            } else if c == '\x1b' {
                in_escape = true;
            } else {
                s.push(c);
            }
        }
        s
    };
    let chars: Vec<char> = plain.chars().collect();
    let lead = chars.iter().take_while(|c| **c == ' ').count();
    let mut i = lead;
    while i + 2 < chars.len() && i < width / 2 {
        if chars[i] == ' ' && chars[i + 1] == ' ' {
            let mut j = i;
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            if j < width / 2 {
                return j;
            }
            break;
        }
        i += 1;
    }
    lead
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_break_between_words_and_keep_their_indent() {
        let text = "  The lecture's module: socket(), name lookups (gethostbyname, getaddrinfo), byte order";
        let got = wrap(text, 40);
        for line in got.lines() {
            assert!(line.chars().count() <= 40, "{line:?}");
        }
        assert_eq!(got.replace("\n  ", " "), text);
        assert!(got
            .lines()
            .skip(1)
            .all(|l| l.starts_with("  ") && !l.starts_with("   ")));
    }

    #[test]
    fn two_column_lines_hang_under_the_second_column() {
        let text = "  :help [TOPIC]         this overview, or help on one function, method, constant or concept";
        let got = wrap(text, 60);
        let lines: Vec<&str> = got.lines().collect();
        assert_eq!(lines.len(), 3, "{got}");
        for line in &lines[1..] {
            assert!(line.starts_with(&" ".repeat(24)), "{got}");
            assert!(!line.starts_with(&" ".repeat(25)), "{got}");
        }
        assert!(lines.iter().all(|l| l.chars().count() <= 60), "{got}");
    }

    #[test]
    fn short_lines_escapes_and_long_words_are_kept() {
        assert_eq!(wrap("short\n\nlines", 80), "short\n\nlines");
        let coloured = "\x1b[1mheading\x1b[0m words words";
        assert_eq!(visible_width(coloured), 19);
        assert_eq!(wrap(coloured, 19), coloured);
        assert_eq!(wrap("a verylongwordindeed", 6), "a\nverylongwordindeed");
        assert_eq!(
            wrap_hanging("hint: the peer closed the connection", 20, 6),
            "hint: the peer\n      closed the\n      connection"
        );
    }
}
