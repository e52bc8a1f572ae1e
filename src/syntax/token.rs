use super::error::SyntaxError;
use super::source::Span;
use std::sync::Arc;

/// One token of Python source.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// Identifiers and keywords alike; the parser knows which words are reserved.
    Name(Arc<str>),
    /// An integer literal's digits (underscores removed) and radix; converted by the
    /// parser into a machine or big integer, never by a panicking `parse().unwrap()`.
    Int {
        digits: String,
        radix: u32,
    },
    Float(f64),
    /// A string or bytes literal, escapes already decoded (except in f-strings, whose
    /// raw body the parser splits into text and `{expressions}`).
    Str(StrLit),
    Op(&'static str),
    Newline,
    Indent,
    Dedent,
    End,
    /// A mistake the lexer found here. It stands where the mistake is, so that an
    /// earlier syntax error (found by the parser) wins, as in CPython.
    Error(Box<SyntaxError>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct StrLit {
    pub value: String,
    pub bytes: bool,
    pub fstring: bool,
    pub raw: bool,
    /// Byte offset of the body (after prefix and opening quotes), for f-string spans.
    pub body_offset: usize,
    /// The bytes of a bytes literal (`value` is their Latin-1 reading).
    pub data: Vec<u8>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub span: Span,
}
