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
