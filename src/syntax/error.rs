use super::source::Source;
use std::fmt::Write;

/// Which of CPython's three syntax exception classes a mistake belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    Syntax,
    Indentation,
    Tab,
    /// Nesting so deep that CPython's compiler gives up (`RecursionError`).
    Recursion,
    /// Nesting that exhausts CPython's parser stack (`MemoryError`).
    Memory,
    /// Valid Python that socklab does not run (`NotImplementedError`), found while parsing.
    NotSupported,
}

impl ErrorKind {
    pub fn class_name(self) -> &'static str {
        match self {
            ErrorKind::Syntax => "SyntaxError",
            ErrorKind::Indentation => "IndentationError",
            ErrorKind::Tab => "TabError",
            ErrorKind::Recursion => "RecursionError",
            ErrorKind::Memory => "MemoryError",
            ErrorKind::NotSupported => "NotImplementedError",
        }
    }
}

/// A mistake in the program text, located as CPython locates it.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub kind: ErrorKind,
    pub msg: String,
    /// 1-based line; 0 when CPython shows no location.
    pub line: usize,
    /// 1-based column of the first caret; 0 for no caret line.
    pub col: usize,
    /// Column just past the last caret (CPython's `end_offset`); `col + 1` for one caret.
    pub end_col: usize,
}

impl SyntaxError {
    pub fn new(kind: ErrorKind, msg: impl Into<String>, line: usize, col: usize) -> Self {
        SyntaxError {
            kind,
            msg: msg.into(),
            line,
            col,
            end_col: col + 1,
        }
    }

    /// Located at a byte offset of `src`.
    pub fn at(kind: ErrorKind, msg: impl Into<String>, src: &Source, offset: usize) -> Self {
        Self::new(kind, msg, src.line_of(offset), src.col_of(offset))
    }

    /// The last line of the report: `SyntaxError: invalid syntax`.
    pub fn exception_line(&self) -> String {
        match self.kind {
            ErrorKind::Memory => "MemoryError".to_string(),
            _ => format!("{}: {}", self.kind.class_name(), self.msg),
        }
    }

    /// The whole report as CPython prints it for an uncaught syntax error:
    /// the location, the offending line with its leading blanks removed, the carets.
    pub fn render(&self, src: &Source) -> String {
        let mut out = String::new();
        if matches!(
            self.kind,
            ErrorKind::Recursion | ErrorKind::Memory | ErrorKind::NotSupported
        ) {
            let _ = writeln!(out, "{}", self.exception_line());
            return out;
        }
        if self.line > 0 {
            let _ = writeln!(out, "  File \"{}\", line {}", src.name, self.line);
            let text = src.line_text(self.line);
            let stripped = text.trim_start_matches([' ', '\t', '\x0c']);
            let indent = text.chars().count() - stripped.chars().count();
            let shown = stripped.trim_end();
            if !shown.is_empty() || self.col > 0 {
                let _ = writeln!(out, "    {}", shown);
            }
            if self.col > 0 && self.col > indent {
                let start = self.col - 1 - indent;
                let width = self.end_col.saturating_sub(self.col).max(1);
                let _ = writeln!(out, "    {}{}", " ".repeat(start), "^".repeat(width));
            }
        }
        let _ = writeln!(out, "{}", self.exception_line());
        out
    }
}
