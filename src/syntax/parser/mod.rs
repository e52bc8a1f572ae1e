//! Tokens to tree: nom combinators over the token slice.
//!
//! A parser either does not apply here (`nom::Err::Error`, which carries how far it got,
//! so that "invalid syntax" points at the furthest token any alternative reached, as
//! CPython's does), or has recognised a construct and found a specific mistake in it
//! (`nom::Err::Failure`, carrying CPython's own message: `expected ':'`, ...).
//!
//! - `mod.rs`: the token cursor, errors, nesting limits and the entry points
//!   (`parse_module`, `parse_entry`, `parse_expression`);
//! - `expr`: expressions by precedence, atoms, displays, comprehensions, parameters;
//! - `stmt`: simple and compound statements.

use super::ast::*;
use super::error::{ErrorKind, SyntaxError};
use super::fstring;
use super::lexer::tokenize;
use super::source::{Source, Span};
use super::token::{StrLit, Tok, Token};
use nom::combinator::{cut, opt};
use nom::error::ParseError;
use nom::multi::{many0, separated_list1};
use nom::sequence::preceded;
use nom::{IResult, Input, Needed, Parser};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::cell::Cell;
use std::sync::Arc;

mod expr;
mod stmt;

use expr::*;
use stmt::*;

/// Nesting of expressions the parser follows before giving up the way CPython's
/// compiler does ("maximum recursion depth exceeded during compilation").
const MAX_NESTING: usize = 2990;

/// CPython's parser gives up with `MemoryError` when its own recursion reaches this
/// many rule calls (its stack of 6000, less what a statement costs before it). Each
/// prefix operator or `x if c else` costs one; each `**` or `lambda` costs two.
const MAX_PARSER_FRAMES: usize = 5967;

#[derive(Clone, Copy, Debug)]
pub struct Toks<'a> {
    toks: &'a [Token],
    src: &'a Source,
}

impl<'a> Input for Toks<'a> {
    type Item = &'a Token;
    type Iter = std::slice::Iter<'a, Token>;
    type IterIndices = std::iter::Enumerate<std::slice::Iter<'a, Token>>;

    fn input_len(&self) -> usize {
        self.toks.len()
    }
    fn take(&self, index: usize) -> Self {
        Toks {
            toks: &self.toks[..index],
            src: self.src,
        }
    }
    fn take_from(&self, index: usize) -> Self {
        Toks {
            toks: &self.toks[index..],
            src: self.src,
        }
    }
    fn take_split(&self, index: usize) -> (Self, Self) {
        (self.take_from(index), self.take(index))
    }
    fn position<P>(&self, predicate: P) -> Option<usize>
    where
        P: Fn(Self::Item) -> bool,
    {
        self.toks.iter().position(predicate)
    }
    fn iter_elements(&self) -> Self::Iter {
        self.toks.iter()
    }
    fn iter_indices(&self) -> Self::IterIndices {
        self.toks.iter().enumerate()
    }
    fn slice_index(&self, count: usize) -> Result<usize, Needed> {
        if self.toks.len() >= count {
            Ok(count)
        } else {
            Err(Needed::new(count - self.toks.len()))
        }
    }
}

impl<'a> Toks<'a> {
    fn first(&self) -> &'a Token {
        // The lexer always ends with `End` (or `Error`), and no parser consumes either.
        &self.toks[0]
    }
    fn tok(&self) -> &'a Tok {
        &self.first().tok
    }
    fn span(&self) -> Span {
        self.first().span
    }
    fn advance(&self, n: usize) -> Toks<'a> {
        self.take_from(n.min(self.toks.len().saturating_sub(1)))
    }
    fn nth(&self, n: usize) -> &'a Tok {
        &self.toks[n.min(self.toks.len() - 1)].tok
    }
    fn is_op(&self, op: &str) -> bool {
        matches!(self.tok(), Tok::Op(o) if *o == op)
    }
    fn is_kw(&self, kw: &str) -> bool {
        matches!(self.tok(), Tok::Name(n) if &**n == kw)
    }
}

/// Why a parser stopped.
#[derive(Debug)]
pub struct PErr {
    /// Tokens left when it stopped: fewer means further into the program.
    left: usize,
    /// The token it stopped at, for the caret.
    span: Span,
    /// A specific mistake (with `Failure`), or `None` for "this is not the construct".
    error: Option<SyntaxError>,
}

impl<'a> ParseError<Toks<'a>> for PErr {
    fn from_error_kind(input: Toks<'a>, _kind: nom::error::ErrorKind) -> Self {
        PErr {
            left: input.input_len(),
            span: input.span(),
            error: None,
        }
    }
    fn append(_input: Toks<'a>, _kind: nom::error::ErrorKind, other: Self) -> Self {
        other
    }
    fn or(self, other: Self) -> Self {
        if other.left <= self.left {
            other
        } else {
            self
        }
    }
}

type PResult<'a, T> = IResult<Toks<'a>, T, PErr>;

fn no<'a, T>(i: Toks<'a>) -> PResult<'a, T> {
    if let Tok::Error(e) = i.tok() {
        return Err(nom::Err::Failure(PErr {
            left: i.input_len(),
            span: i.span(),
            error: Some((**e).clone()),
        }));
    }
    Err(nom::Err::Error(PErr::from_error_kind(
        i,
        nom::error::ErrorKind::Tag,
    )))
}

fn fail_at<'a, T>(
    i: Toks<'a>,
    kind: ErrorKind,
    msg: impl Into<String>,
    span: Span,
) -> PResult<'a, T> {
    if let Tok::Error(e) = i.tok() {
        return Err(nom::Err::Failure(PErr {
            left: i.input_len(),
            span: i.span(),
            error: Some((**e).clone()),
        }));
    }
    let mut e = SyntaxError::at(kind, msg, i.src, span.lo as usize);
    let end_line = i.src.line_of(span.hi as usize);
    if end_line == e.line && span.hi > span.lo {
        e.end_col = i.src.col_of(span.hi as usize);
    }
    Err(nom::Err::Failure(PErr {
        left: i.input_len(),
        span,
        error: Some(e),
    }))
}

/// Where a parser that did not apply got furthest: CPython's caret for "invalid syntax".
fn furthest<'a>(i: Toks<'a>, p: &PErr) -> Toks<'a> {
    if p.left <= i.input_len() {
        i.take_from(i.input_len() - p.left)
    } else {
        i
    }
}

fn fail<'a, T>(i: Toks<'a>, msg: impl Into<String>) -> PResult<'a, T> {
    let span = i.span();
    fail_at(
        i,
        ErrorKind::Syntax,
        msg,
        Span::new(span.lo as usize, span.lo as usize),
    )
}

fn op<'a>(want: &'static str) -> impl Parser<Toks<'a>, Output = Span, Error = PErr> {
    move |i: Toks<'a>| {
        if i.is_op(want) {
            Ok((i.advance(1), i.span()))
        } else {
            no(i)
        }
    }
}

fn kw<'a>(want: &'static str) -> impl Parser<Toks<'a>, Output = Span, Error = PErr> {
    move |i: Toks<'a>| {
        if i.is_kw(want) {
            Ok((i.advance(1), i.span()))
        } else {
            no(i)
        }
    }
}

/// `want` or CPython's `expected 'want'`.
fn expect<'a>(i: Toks<'a>, want: &'static str) -> PResult<'a, Span> {
    if i.is_op(want) {
        return Ok((i.advance(1), i.span()));
    }
    if matches!(i.tok(), Tok::Newline | Tok::End) || want == ":" {
        return fail(i, format!("expected '{want}'"));
    }
    fail(i, "invalid syntax")
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}

fn ident(i: Toks) -> PResult<Ident> {
    match i.tok() {
        Tok::Name(n) if !is_keyword(n) => Ok((i.advance(1), Ident::new(n.clone(), i.span()))),
        _ => no(i),
    }
}

thread_local! {
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// Counts nesting while alive; past `MAX_NESTING` the parse fails as CPython's compiler does.
struct Nesting;

impl Nesting {
    fn enter(i: Toks) -> Result<Nesting, nom::Err<PErr>> {
        let d = DEPTH.with(|d| {
            d.set(d.get() + 1);
            d.get()
        });
        let guard = Nesting;
        if d > MAX_NESTING {
            return Err(nom::Err::Failure(PErr {
                left: 0,
                span: i.span(),
                error: Some(SyntaxError::new(
                    ErrorKind::Recursion,
                    "maximum recursion depth exceeded during compilation",
                    0,
                    0,
                )),
            }));
        }
        Ok(guard)
    }
}

impl Drop for Nesting {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    }
}

thread_local! {
    static FRAMES: Cell<usize> = const { Cell::new(0) };
}

/// Counts CPython's parser frames that nesting would cost (see `MAX_PARSER_FRAMES`).
struct Frames(usize);

impl Frames {
    fn enter(i: Toks, n: usize) -> Result<Frames, nom::Err<PErr>> {
        let total = FRAMES.with(|f| {
            f.set(f.get() + n);
            f.get()
        });
        let guard = Frames(n);
        if total > MAX_PARSER_FRAMES {
            return Err(nom::Err::Failure(PErr {
                left: 0,
                span: i.span(),
                error: Some(SyntaxError::new(ErrorKind::Memory, "", 0, 0)),
            }));
        }
        Ok(guard)
    }
}

impl Drop for Frames {
    fn drop(&mut self) {
        FRAMES.with(|f| f.set(f.get().saturating_sub(self.0)));
    }
}

fn mk(kind: ExprKind, span: Span) -> Expr {
    Expr { kind, span }
}

// ---------------------------------------------------------------------------------
// Expressions

/// What the parse is for: a whole file, or one REPL entry (where a lone expression's
/// value is echoed, and an open block means "more input wanted").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseMode {
    File,
    Interactive,
}

fn to_syntax_error(src: &Source, e: nom::Err<PErr>) -> SyntaxError {
    match e {
        nom::Err::Failure(p) | nom::Err::Error(p) => match p.error {
            Some(e) => e,
            None => SyntaxError::at(ErrorKind::Syntax, "invalid syntax", src, p.span.lo as usize),
        },
        nom::Err::Incomplete(_) => SyntaxError::new(ErrorKind::Syntax, "invalid syntax", 0, 0),
    }
}

/// After a parse error CPython tokenizes the rest of the file: a tokenizer error found
/// there (an unterminated string, a bad character) is reported instead, and so is a
/// bracket left open on a line before the parse error.
fn prefer_tokenizer_error(
    src: &Source,
    tokens: &[Token],
    parse_error: SyntaxError,
    stop_line: usize,
) -> SyntaxError {
    let Some(Token {
        tok: Tok::Error(lex),
        ..
    }) = tokens.last()
    else {
        return parse_error;
    };
    if **lex == parse_error {
        return parse_error;
    }
    if lex.msg.ends_with("was never closed") {
        if parse_error.line.max(stop_line) > lex.line {
            return (**lex).clone();
        }
        return parse_error;
    }
    let _ = src;
    (**lex).clone()
}

/// Parse a whole program.
pub fn parse_module(src: &Source, _mode: ParseMode) -> Result<Module, SyntaxError> {
    parse_module_tokens(src, &tokenize(src)).map_err(|(e, _)| e)
}

/// Parse a REPL entry. A mistake comes with whether the parser stopped at the very end of
/// the text (on the end marker, the dedents before it, or where the tokenizer stopped at
/// an open bracket or string): there, more lines could still make the entry right, which
/// is what Python's REPL calls "incomplete input".
pub fn parse_entry(src: &Source) -> Result<Module, (SyntaxError, bool)> {
    let tokens = tokenize(src);
    let end = src.text.len() as u32;
    let at_end = tokens
        .iter()
        .rev()
        .take_while(|t| {
            matches!(t.tok, Tok::Error(_))
                || t.span.lo >= end && matches!(t.tok, Tok::Dedent | Tok::End)
        })
        .count();
    parse_module_tokens(src, &tokens).map_err(|(e, left)| (e, left <= at_end))
}

/// The parse itself; on a mistake, how many tokens were left where it stopped.
fn parse_module_tokens(src: &Source, tokens: &[Token]) -> Result<Module, (SyntaxError, usize)> {
    DEPTH.with(|d| d.set(0));
    FRAMES.with(|f| f.set(0));
    let mut i = Toks { toks: tokens, src };
    let mut body = Vec::new();
    loop {
        match i.tok() {
            Tok::End => break,
            Tok::Newline => {
                i = i.advance(1);
                continue;
            }
            Tok::Error(e) => return Err(((**e).clone(), i.input_len())),
            Tok::Dedent => {
                i = i.advance(1);
                continue;
            }
            _ => {}
        }
        match statement(i) {
            Ok((rest, mut s)) => {
                body.append(&mut s);
                i = rest;
            }
            Err(e) => {
                let (stop_line, left) = match &e {
                    nom::Err::Failure(p) | nom::Err::Error(p) => {
                        (src.line_of(p.span.hi as usize), p.left)
                    }
                    nom::Err::Incomplete(_) => (0, usize::MAX),
                };
                let err = to_syntax_error(src, e);
                return Err((prefer_tokenizer_error(src, tokens, err, stop_line), left));
            }
        }
    }
    let module = Module {
        body,
        layout: Arc::new(Layout::default()),
    };
    Ok(module)
}

/// Parse one expression (a lesson's check, say).
pub fn parse_expression(src: &Source) -> Result<Expr, SyntaxError> {
    let tokens = tokenize(src);
    parse_tokens_as_expression(src, &tokens)
}

/// Parse already-made tokens as one expression (an f-string's `{...}`).
pub(crate) fn parse_tokens_as_expression(
    src: &Source,
    tokens: &[Token],
) -> Result<Expr, SyntaxError> {
    let i = Toks { toks: tokens, src };
    let mut i = i;
    while matches!(i.tok(), Tok::Newline | Tok::Indent) {
        i = i.advance(1);
    }
    match star_expressions(i) {
        Ok((rest, e)) => {
            let mut rest = rest;
            while matches!(rest.tok(), Tok::Newline | Tok::Dedent) {
                rest = rest.advance(1);
            }
            match rest.tok() {
                Tok::End => Ok(e),
                Tok::Error(err) => Err((**err).clone()),
                _ => Err(SyntaxError::at(
                    ErrorKind::Syntax,
                    "invalid syntax",
                    src,
                    rest.span().lo as usize,
                )),
            }
        }
        Err(e) => Err(to_syntax_error(src, e)),
    }
}
