use super::{ErrorKind, SyntaxError};
use std::sync::Arc;

/// A byte range in a `Source`.
///
/// Spans compare equal whatever their offsets: two trees are "the same program" when
/// their shapes and values agree, which is what the print/re-parse property needs and
/// what every `PartialEq` on the AST is used for.
#[derive(Clone, Copy, Debug, Default)]
pub struct Span {
    pub lo: u32,
    pub hi: u32,
}

impl PartialEq for Span {
    fn eq(&self, _other: &Self) -> bool {
        true
    }
}

impl Span {
    pub fn new(lo: usize, hi: usize) -> Span {
        Span {
            lo: lo as u32,
            hi: hi as u32,
        }
    }
    pub fn to(self, other: Span) -> Span {
        Span {
            lo: self.lo.min(other.lo),
            hi: self.hi.max(other.hi),
        }
    }
}

/// One program's text, with the line index that turns byte offsets into
/// line numbers for tracebacks and carets.
#[derive(Debug)]
pub struct Source {
    /// The name shown in tracebacks (`File "..."`): an absolute path, `<stdin>`, `<string>`.
    pub name: String,
    pub text: String,
    line_starts: Vec<usize>,
}

impl Source {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Arc<Source> {
        let text = text.into();
        let mut line_starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i + 1);
            }
        }
        Arc::new(Source {
            name: name.into(),
            text,
            line_starts,
        })
    }

    /// 1-based line number of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// 1-based column, counted in characters as CPython's carets are.
    pub fn col_of(&self, offset: usize) -> usize {
        let line = self.line_of(offset);
        let start = self.line_starts[line - 1];
        let end = offset.min(self.text.len());
        self.text.get(start..end).map_or(0, |s| s.chars().count()) + 1
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line_text(&self, line: usize) -> &str {
        if line == 0 || line > self.line_starts.len() {
            return "";
        }
        let start = self.line_starts[line - 1];
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        self.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }

    pub fn line_count(&self) -> usize {
        if self.text.ends_with('\n') {
            self.line_starts.len() - 1
        } else {
            self.line_starts.len()
        }
    }
}

/// Turn file bytes into text as CPython's reader does, or its syntax error.
pub fn decode_source(
    name: &str,
    bytes: Vec<u8>,
) -> Result<Arc<Source>, (Arc<Source>, SyntaxError)> {
    let bytes = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        let before = String::from_utf8_lossy(&bytes[..nul]).into_owned();
        let src = Source::new(name, before);
        let line = src.line_of(nul.min(src.text.len()));
        let err = SyntaxError::new(
            ErrorKind::Syntax,
            "source code cannot contain null bytes",
            line,
            0,
        );
        return Err((src, err));
    }
    match String::from_utf8(bytes) {
        // Universal newlines, as CPython reads source: `\r\n` and `\r` become `\n`.
        Ok(text) => Ok(Source::new(name, normalize_newlines(text))),
        Err(e) if declares_utf8(e.as_bytes()) => {
            let raw = e.as_bytes();
            let pos = e.utf8_error().valid_up_to();
            let line_start = raw[..pos]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1);
            let line = raw[..pos].iter().filter(|&&b| b == b'\n').count() + 1;
            // CPython decodes each string literal on its own: the position is within it.
            let quote = raw[line_start..pos]
                .iter()
                .rposition(|&b| b == b'"' || b == b'\'');
            let body_start = quote.map_or(line_start, |q| line_start + q + 1);
            let body_end = raw[pos..]
                .iter()
                .position(|&b| b == b'"' || b == b'\'' || b == b'\n')
                .map_or(raw.len(), |p| pos + p);
            let body = &raw[body_start..body_end];
            let reason = match std::str::from_utf8(body) {
                Err(be) if be.error_len().is_none() => "unexpected end of data",
                _ if raw[pos] >= 0x80 && raw[pos] < 0xc0 => "invalid start byte",
                _ => "invalid continuation byte",
            };
            let msg = format!(
                "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {}: {}",
                raw[pos],
                pos - body_start,
                reason
            );
            let src = Source::new(name, String::from_utf8_lossy(raw).into_owned());
            // CPython's caret stands on the literal's last character before its quote.
            let col = String::from_utf8_lossy(&raw[line_start..body_end])
                .chars()
                .count();
            Err((src, SyntaxError::new(ErrorKind::Syntax, msg, line, col)))
        }
        Err(e) => {
            let pos = e.utf8_error().valid_up_to();
            let raw = e.as_bytes();
            let line = raw[..pos].iter().filter(|&&b| b == b'\n').count() + 1;
            let msg = format!(
                "Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                raw[pos], name, line
            );
            let src = Source::new(name, String::from_utf8_lossy(raw).into_owned());
            Err((src, SyntaxError::new(ErrorKind::Syntax, msg, 0, 0)))
        }
    }
}

fn normalize_newlines(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

/// PEP 263: a `coding` comment in the first two lines.
fn declares_utf8(raw: &[u8]) -> bool {
    raw.split(|&b| b == b'\n').take(2).any(|line| {
        let l = String::from_utf8_lossy(line).to_ascii_lowercase();
        l.trim_start().starts_with('#')
            && (l.contains("coding:") || l.contains("coding="))
            && (l.contains("utf-8") || l.contains("utf8"))
    })
}
