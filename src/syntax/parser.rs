//! Tokens to tree: nom combinators over the token slice.
//!
//! A parser either does not apply here (`nom::Err::Error`, which carries how far it got,
//! so that "invalid syntax" points at the furthest token any alternative reached, as
//! CPython's does), or has recognised a construct and found a specific mistake in it
//! (`nom::Err::Failure`, carrying CPython's own message: `expected ':'`, ...).

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

/// `star_expressions`: one expression, or a tuple of them when commas appear.
fn star_expressions(i: Toks) -> PResult<Expr> {
    let (mut i, first) = star_expression(i)?;
    if !i.is_op(",") {
        return Ok((i, first));
    }
    let mut items = vec![first];
    let mut end = items[0].span;
    while i.is_op(",") {
        end = i.span();
        i = i.advance(1);
        match star_expression(i) {
            Ok((rest, e)) => {
                end = e.span;
                items.push(e);
                i = rest;
            }
            Err(nom::Err::Error(_)) => break,
            Err(e) => return Err(e),
        }
    }
    let span = items[0].span.to(end);
    Ok((i, mk(ExprKind::Tuple(items), span)))
}

fn star_expression(i: Toks) -> PResult<Expr> {
    if i.is_op("*") {
        let start = i.span();
        let (i, e) = bitwise_or(i.advance(1))?;
        let span = start.to(e.span);
        return Ok((i, mk(ExprKind::Starred(Box::new(e)), span)));
    }
    expression(i)
}

/// `named_expression`: `name := value` or an expression.
fn named_expression(i: Toks) -> PResult<Expr> {
    if let (Tok::Name(_), Tok::Op(":=")) = (i.tok(), i.nth(1)) {
        let (rest, name) = ident(i)?;
        let (rest, value) = expression(rest.advance(1))?;
        let span = name.span.to(value.span);
        return Ok((rest, mk(ExprKind::Walrus(name, Box::new(value)), span)));
    }
    expression(i)
}

pub fn expression(i: Toks) -> PResult<Expr> {
    let _guard = Nesting::enter(i)?;
    if i.is_kw("yield") {
        return not_supported(i, "generators (yield)");
    }
    if i.is_kw("await") {
        return not_supported(i, "async functions (async/await)");
    }
    if i.is_kw("lambda") {
        return lambda(i);
    }
    let (rest, body) = disjunction(i)?;
    if rest.is_kw("if") {
        let (rest2, test) = disjunction(rest.advance(1))?;
        if !rest2.is_kw("else") {
            return fail(rest2, "expected 'else' after 'if' expression");
        }
        let _frames = Frames::enter(rest2, 1)?;
        let (rest3, orelse) = expression(rest2.advance(1))?;
        let span = body.span.to(orelse.span);
        return Ok((
            rest3,
            mk(
                ExprKind::IfExp(Box::new(test), Box::new(body), Box::new(orelse)),
                span,
            ),
        ));
    }
    Ok((rest, body))
}

fn lambda(i: Toks) -> PResult<Expr> {
    let _frames = Frames::enter(i, 2)?;
    let start = i.span();
    let (i, params) = parameters(i.advance(1), ":")?;
    let (i, _) = expect(i, ":")?;
    let (i, body) = expression(i)?;
    let span = start.to(body.span);
    let ret = Stmt {
        span: body.span,
        kind: StmtKind::Return(Some(body)),
    };
    let def = FuncDef {
        name: Arc::from("<lambda>"),
        params,
        body: vec![ret],
        span,
        is_lambda: true,
        layout: Layout::default(),
    };
    Ok((i, mk(ExprKind::Lambda(Arc::new(def)), span)))
}

fn disjunction(i: Toks) -> PResult<Expr> {
    let (mut i, mut left) = conjunction(i)?;
    while i.is_kw("or") {
        let (rest, right) = conjunction(i.advance(1))?;
        let span = left.span.to(right.span);
        left = mk(ExprKind::Or(Box::new(left), Box::new(right)), span);
        i = rest;
    }
    Ok((i, left))
}

fn conjunction(i: Toks) -> PResult<Expr> {
    let (mut i, mut left) = inversion(i)?;
    while i.is_kw("and") {
        let (rest, right) = inversion(i.advance(1))?;
        let span = left.span.to(right.span);
        left = mk(ExprKind::And(Box::new(left), Box::new(right)), span);
        i = rest;
    }
    Ok((i, left))
}

fn inversion(i: Toks) -> PResult<Expr> {
    let mut nots = Vec::new();
    let mut i = i;
    while i.is_kw("not") {
        nots.push(i.span());
        i = i.advance(1);
    }
    let _frames = Frames::enter(i, nots.len())?;
    let (i, mut e) = comparison(i)?;
    for s in nots.into_iter().rev() {
        let span = s.to(e.span);
        e = mk(ExprKind::Unary(UnaryOp::Not, Box::new(e)), span);
    }
    Ok((i, e))
}

fn comparison(i: Toks) -> PResult<Expr> {
    let (mut i, first) = bitwise_or(i)?;
    let mut ops = Vec::new();
    loop {
        let (op, n) = match (i.tok(), i.nth(1)) {
            (Tok::Op("=="), _) => (CmpOp::Eq, 1),
            (Tok::Op("!="), _) => (CmpOp::NotEq, 1),
            (Tok::Op("<"), _) => (CmpOp::Lt, 1),
            (Tok::Op("<="), _) => (CmpOp::LtE, 1),
            (Tok::Op(">"), _) => (CmpOp::Gt, 1),
            (Tok::Op(">="), _) => (CmpOp::GtE, 1),
            (Tok::Name(a), Tok::Name(b)) if &**a == "is" && &**b == "not" => (CmpOp::IsNot, 2),
            (Tok::Name(a), _) if &**a == "is" => (CmpOp::Is, 1),
            (Tok::Name(a), Tok::Name(b)) if &**a == "not" && &**b == "in" => (CmpOp::NotIn, 2),
            (Tok::Name(a), _) if &**a == "in" => (CmpOp::In, 1),
            _ => break,
        };
        let (rest, right) = bitwise_or(i.advance(n))?;
        ops.push((op, right));
        i = rest;
    }
    if ops.is_empty() {
        return Ok((i, first));
    }
    let span = first.span.to(ops[ops.len() - 1].1.span);
    Ok((i, mk(ExprKind::Compare(Box::new(first), ops), span)))
}

/// A left-associative level of binary operators, parsed as a loop (not recursion) so
/// that a megabyte-long `1+1+...` cannot exhaust the stack while parsing.
fn binary_level<'a>(
    i: Toks<'a>,
    ops: &[(&str, BinOp)],
    next: fn(Toks<'a>) -> PResult<'a, Expr>,
) -> PResult<'a, Expr> {
    let (mut i, mut left) = next(i)?;
    while let Tok::Op(o) = i.tok() {
        let Some(&(_, op)) = ops.iter().find(|(s, _)| s == o) else {
            break;
        };
        let (rest, right) = next(i.advance(1))?;
        let span = left.span.to(right.span);
        left = mk(ExprKind::Binary(Box::new(left), op, Box::new(right)), span);
        i = rest;
    }
    Ok((i, left))
}

fn bitwise_or(i: Toks) -> PResult<Expr> {
    binary_level(i, &[("|", BinOp::BitOr)], bitwise_xor)
}
fn bitwise_xor(i: Toks) -> PResult<Expr> {
    binary_level(i, &[("^", BinOp::BitXor)], bitwise_and)
}
fn bitwise_and(i: Toks) -> PResult<Expr> {
    binary_level(i, &[("&", BinOp::BitAnd)], shift_expr)
}
fn shift_expr(i: Toks) -> PResult<Expr> {
    binary_level(i, &[("<<", BinOp::LShift), (">>", BinOp::RShift)], sum)
}
fn sum(i: Toks) -> PResult<Expr> {
    binary_level(i, &[("+", BinOp::Add), ("-", BinOp::Sub)], term)
}
fn term(i: Toks) -> PResult<Expr> {
    binary_level(
        i,
        &[
            ("*", BinOp::Mul),
            ("/", BinOp::Div),
            ("//", BinOp::FloorDiv),
            ("%", BinOp::Mod),
            ("@", BinOp::MatMul),
        ],
        factor,
    )
}

fn factor(i: Toks) -> PResult<Expr> {
    let mut prefix = Vec::new();
    let mut i = i;
    loop {
        let op = match i.tok() {
            Tok::Op("-") => UnaryOp::Neg,
            Tok::Op("+") => UnaryOp::Pos,
            Tok::Op("~") => UnaryOp::Invert,
            _ => break,
        };
        prefix.push((op, i.span()));
        i = i.advance(1);
    }
    let _frames = Frames::enter(i, prefix.len())?;
    let (i, mut e) = power(i)?;
    for (op, s) in prefix.into_iter().rev() {
        let span = s.to(e.span);
        e = mk(ExprKind::Unary(op, Box::new(e)), span);
    }
    Ok((i, e))
}

fn power(i: Toks) -> PResult<Expr> {
    let (i, base) = primary(i)?;
    if i.is_op("**") {
        let _guard = Nesting::enter(i)?;
        let _frames = Frames::enter(i, 2)?;
        let (i, exp) = factor(i.advance(1))?;
        let span = base.span.to(exp.span);
        return Ok((
            i,
            mk(
                ExprKind::Binary(Box::new(base), BinOp::Pow, Box::new(exp)),
                span,
            ),
        ));
    }
    Ok((i, base))
}

fn primary(i: Toks) -> PResult<Expr> {
    let (mut i, mut e) = atom(i)?;
    loop {
        if i.is_op(".") {
            let rest = i.advance(1);
            let (rest, name) = match rest.tok() {
                Tok::Name(n) => (rest.advance(1), Ident::new(n.clone(), rest.span())),
                _ => return fail(rest, "invalid syntax"),
            };
            let span = e.span.to(name.span);
            e = mk(ExprKind::Attribute(Box::new(e), name), span);
            i = rest;
        } else if i.is_op("(") {
            let (rest, args) = call_args(i.advance(1))?;
            let (rest, close) = expect(rest, ")")?;
            let span = e.span.to(close);
            e = mk(ExprKind::Call(Box::new(e), args), span);
            i = rest;
        } else if i.is_op("[") {
            let (rest, index) = slices(i.advance(1))?;
            let (rest, close) = expect(rest, "]")?;
            let span = e.span.to(close);
            e = mk(ExprKind::Subscript(Box::new(e), Box::new(index)), span);
            i = rest;
        } else {
            break;
        }
    }
    Ok((i, e))
}

fn slices(i: Toks) -> PResult<Expr> {
    let (mut i, first) = slice(i)?;
    if !i.is_op(",") {
        return Ok((i, first));
    }
    let mut items = vec![first];
    while i.is_op(",") {
        i = i.advance(1);
        if i.is_op("]") {
            break;
        }
        let (rest, e) = slice(i)?;
        items.push(e);
        i = rest;
    }
    let span = items[0].span.to(items[items.len() - 1].span);
    Ok((i, mk(ExprKind::Tuple(items), span)))
}

fn slice(i: Toks) -> PResult<Expr> {
    let start_span = i.span();
    let (i, lower) = if i.is_op(":") {
        (i, None)
    } else {
        let (i, e) = named_expression(i)?;
        if !i.is_op(":") {
            return Ok((i, e));
        }
        (i, Some(Box::new(e)))
    };
    let mut i = i.advance(1);
    let mut upper = None;
    if !i.is_op(":") && !i.is_op("]") && !i.is_op(",") {
        let (rest, e) = expression(i)?;
        upper = Some(Box::new(e));
        i = rest;
    }
    let mut step = None;
    if i.is_op(":") {
        i = i.advance(1);
        if !i.is_op("]") && !i.is_op(",") {
            let (rest, e) = expression(i)?;
            step = Some(Box::new(e));
            i = rest;
        }
    }
    let span = start_span.to(i.span());
    Ok((i, mk(ExprKind::Slice(lower, upper, step), span)))
}

fn call_args(i: Toks) -> PResult<Vec<Arg>> {
    let mut args = Vec::new();
    let mut i = i;
    let mut seen_kw = false;
    while !i.is_op(")") {
        if i.is_op("*") {
            let (rest, e) = expression(i.advance(1))?;
            args.push(Arg::Star(e));
            i = rest;
        } else if i.is_op("**") {
            let (rest, e) = expression(i.advance(1))?;
            args.push(Arg::StarStar(e));
            seen_kw = true;
            i = rest;
        } else if let (Tok::Name(n), Tok::Op("=")) = (i.tok(), i.nth(1)) {
            if is_keyword(n) {
                return fail(i, "invalid syntax");
            }
            let name = n.clone();
            if args
                .iter()
                .any(|a| matches!(a, Arg::Kw(k, _) if *k == name))
            {
                // CPython's carets run from the name to the end of the value.
                let sp = match expression(i.advance(2)) {
                    Ok((_, value)) => i.span().to(value.span),
                    Err(_) => i.span(),
                };
                return fail_at(
                    i,
                    ErrorKind::Syntax,
                    format!("keyword argument repeated: {name}"),
                    sp,
                );
            }
            let (rest, e) = expression(i.advance(2))?;
            args.push(Arg::Kw(name, e));
            seen_kw = true;
            i = rest;
        } else {
            let at = i;
            let (rest, e) = named_expression(i)?;
            if rest.is_kw("for") {
                let (rest, comps) = comprehensions(rest)?;
                let span = e.span.to(at.span());
                args.push(Arg::Pos(mk(
                    ExprKind::Comp(CompKind::Generator, Box::new(e), comps),
                    span,
                )));
                i = rest;
                continue;
            }
            missing_comma(rest, &e)?;
            if seen_kw {
                let span = e.span;
                return fail_at(
                    at,
                    ErrorKind::Syntax,
                    "positional argument follows keyword argument",
                    span,
                );
            }
            args.push(Arg::Pos(e));
            i = rest;
        }
        if i.is_op(",") {
            i = i.advance(1);
        } else {
            break;
        }
    }
    Ok((i, args))
}

fn comprehensions(i: Toks) -> PResult<Vec<Comprehension>> {
    let mut comps = Vec::new();
    let mut i = i;
    while i.is_kw("for") {
        let (rest, target) = target_list(i.advance(1))?;
        check_not_bare_starred(rest, &target)?;
        if !rest.is_kw("in") {
            return fail(rest, "invalid syntax");
        }
        let (mut rest, iter) = disjunction(rest.advance(1))?;
        let mut ifs = Vec::new();
        while rest.is_kw("if") {
            let (r, cond) = disjunction(rest.advance(1))?;
            ifs.push(cond);
            rest = r;
        }
        comps.push(Comprehension { target, iter, ifs });
        i = rest;
    }
    Ok((i, comps))
}

/// One assignment target (`as x`, `as self.conn`, `as (a, b)`).
fn single_target(i: Toks) -> PResult<Expr> {
    bitwise_or(i)
}

/// Targets of `for` and comprehensions: stops before `in`.
fn target_list(i: Toks) -> PResult<Expr> {
    fn one(i: Toks) -> PResult<Expr> {
        if i.is_op("*") {
            let start = i.span();
            let (i, e) = bitwise_or(i.advance(1))?;
            let span = start.to(e.span);
            return Ok((i, mk(ExprKind::Starred(Box::new(e)), span)));
        }
        bitwise_or(i)
    }
    let (mut i, first) = one(i)?;
    if !i.is_op(",") {
        return Ok((i, first));
    }
    let mut items = vec![first];
    while i.is_op(",") {
        i = i.advance(1);
        if i.is_kw("in") || i.is_op("=") {
            break;
        }
        let (rest, e) = one(i)?;
        items.push(e);
        i = rest;
    }
    let span = items[0].span.to(items[items.len() - 1].span);
    Ok((i, mk(ExprKind::Tuple(items), span)))
}

fn atom(i: Toks) -> PResult<Expr> {
    let span = i.span();
    match i.tok() {
        Tok::Name(n) => {
            let c = match &**n {
                "None" => Some(Const::None),
                "True" => Some(Const::True),
                "False" => Some(Const::False),
                _ => None,
            };
            if let Some(c) = c {
                return Ok((i.advance(1), mk(ExprKind::Const(c), span)));
            }
            if is_keyword(n) {
                return no(i);
            }
            Ok((
                i.advance(1),
                mk(ExprKind::Name(Ident::new(n.clone(), span)), span),
            ))
        }
        Tok::Int { digits, radix } => {
            let c = match i64::from_str_radix(digits, *radix) {
                Ok(v) => Const::Int(v),
                Err(_) => match BigInt::parse_bytes(digits.as_bytes(), *radix) {
                    Some(b) => match b.to_i64() {
                        Some(v) => Const::Int(v),
                        None => Const::BigInt(Arc::new(b)),
                    },
                    None => return fail(i, "invalid syntax"),
                },
            };
            Ok((i.advance(1), mk(ExprKind::Const(c), span)))
        }
        Tok::Float(f) => Ok((i.advance(1), mk(ExprKind::Const(Const::Float(*f)), span))),
        Tok::Str(_) => strings(i),
        Tok::Op("(") => paren(i),
        Tok::Op("[") => list_display(i),
        Tok::Op("{") => brace_display(i),
        Tok::Op("...") => Ok((i.advance(1), mk(ExprKind::Const(Const::Ellipsis), span))),
        _ => no(i),
    }
}

/// Adjacent literals join into one: `"Hi" "!"`.
fn strings(i: Toks) -> PResult<Expr> {
    let start = i.span();
    let mut lits: Vec<(&StrLit, Span)> = Vec::new();
    let mut i = i;
    while let Tok::Str(s) = i.tok() {
        lits.push((s, i.span()));
        i = i.advance(1);
    }
    let end = lits.last().map_or(start, |l| l.1);
    let span = start.to(end);
    let any_bytes = lits.iter().any(|(l, _)| l.bytes);
    if any_bytes && lits.iter().any(|(l, _)| !l.bytes) {
        return fail_at(
            i,
            ErrorKind::Syntax,
            "cannot mix bytes and nonbytes literals",
            Span::new(start.lo as usize, start.lo as usize),
        );
    }
    if any_bytes {
        let data: Vec<u8> = lits
            .iter()
            .flat_map(|(l, _)| l.data.iter().copied())
            .collect();
        return Ok((i, mk(ExprKind::Const(Const::Bytes(Arc::from(data))), span)));
    }
    if !lits.iter().any(|(l, _)| l.fstring) {
        let text: String = lits.iter().map(|(l, _)| l.value.as_str()).collect();
        return Ok((i, mk(ExprKind::Const(Const::Str(Arc::from(text))), span)));
    }
    let mut parts: Vec<FPart> = Vec::new();
    for (lit, lspan) in lits {
        let new_parts = if lit.fstring {
            match fstring::parse_fstring(i.src, lit, lspan) {
                Ok(p) => p,
                Err(e) => {
                    return Err(nom::Err::Failure(PErr {
                        left: i.input_len(),
                        span: lspan,
                        error: Some(e),
                    }))
                }
            }
        } else if lit.value.is_empty() {
            // `'' f'{x}'` is the same f-string as `f'{x}'`: no empty text part.
            vec![]
        } else {
            vec![FPart::Lit(lit.value.clone())]
        };
        for p in new_parts {
            match (parts.last_mut(), p) {
                (Some(FPart::Lit(prev)), FPart::Lit(s)) => prev.push_str(&s),
                (_, p) => parts.push(p),
            }
        }
    }
    Ok((i, mk(ExprKind::FString(parts), span)))
}

/// Inside brackets, two expressions side by side are most likely a missing comma.
fn missing_comma<'a>(i: Toks<'a>, before: &Expr) -> Result<(), nom::Err<PErr>> {
    let starts_expr = match i.tok() {
        Tok::Name(n) => {
            !is_keyword(n) || matches!(&**n, "None" | "True" | "False" | "not" | "lambda")
        }
        Tok::Int { .. } | Tok::Float(_) | Tok::Str(_) => true,
        Tok::Op("(") | Tok::Op("[") | Tok::Op("{") => !matches!(before.kind, ExprKind::Name(_)),
        _ => false,
    };
    if !starts_expr {
        return Ok(());
    }
    if let Ok((_, next)) = expression(i) {
        let span = before.span.to(next.span);
        fail_at::<()>(
            i,
            ErrorKind::Syntax,
            "invalid syntax. Perhaps you forgot a comma?",
            span,
        )?;
    }
    Ok(())
}

/// The first element of a display: `*rest` or an expression (`:=` allowed).
fn display_first(i: Toks) -> PResult<Expr> {
    if i.is_op("*") {
        star_expression(i)
    } else {
        named_expression(i)
    }
}

/// `first for ... in ...` up to the closing bracket: a comprehension of `kind`.
fn comprehension_after<'a>(
    rest: Toks<'a>,
    first: Expr,
    kind: CompKind,
    open: Span,
    close: &'static str,
) -> PResult<'a, Expr> {
    let (rest, comps) = comprehensions(rest)?;
    let (rest, end) = expect(rest, close)?;
    Ok((
        rest,
        mk(ExprKind::Comp(kind, Box::new(first), comps), open.to(end)),
    ))
}

fn paren(i: Toks) -> PResult<Expr> {
    let open = i.span();
    let i = i.advance(1);
    if i.is_op(")") {
        let span = open.to(i.span());
        return Ok((i.advance(1), mk(ExprKind::Tuple(vec![]), span)));
    }
    let (rest, first) = display_first(i)?;
    if rest.is_kw("for") {
        return comprehension_after(rest, first, CompKind::Generator, open, ")");
    }
    missing_comma(rest, &first)?;
    if rest.is_op(")") {
        let mut e = first;
        // Parentheses group: the span grows to cover them, the node stays.
        e.span = open.to(rest.span());
        if let ExprKind::Starred(_) = e.kind {
            return fail_at(
                rest,
                ErrorKind::Syntax,
                "cannot use starred expression here",
                e.span,
            );
        }
        return Ok((rest.advance(1), e));
    }
    let mut items = vec![first];
    let mut i = rest;
    while i.is_op(",") {
        i = i.advance(1);
        if i.is_op(")") {
            break;
        }
        let (rest, e) = star_expression(i)?;
        items.push(e);
        i = rest;
    }
    let (i, close) = expect(i, ")")?;
    Ok((i, mk(ExprKind::Tuple(items), open.to(close))))
}

fn list_display(i: Toks) -> PResult<Expr> {
    let open = i.span();
    let mut i = i.advance(1);
    let mut items = Vec::new();
    if !i.is_op("]") {
        let (rest, first) = display_first(i)?;
        if rest.is_kw("for") {
            return comprehension_after(rest, first, CompKind::List, open, "]");
        }
        missing_comma(rest, &first)?;
        items.push(first);
        i = rest;
        while i.is_op(",") {
            i = i.advance(1);
            if i.is_op("]") {
                break;
            }
            let (rest, e) = star_expression(i)?;
            missing_comma(rest, &e)?;
            items.push(e);
            i = rest;
        }
    }
    let (i, close) = expect(i, "]")?;
    Ok((i, mk(ExprKind::List(items), open.to(close))))
}

fn brace_display(i: Toks) -> PResult<Expr> {
    let open = i.span();
    let i = i.advance(1);
    if i.is_op("}") {
        return Ok((i.advance(1), mk(ExprKind::Dict(vec![]), open.to(i.span()))));
    }
    // `**m` or `k: v` makes a dict; anything else a set.
    let (rest, first_key, first_val) = if i.is_op("**") {
        let (rest, v) = bitwise_or(i.advance(1))?;
        (rest, None, Some(v))
    } else {
        let (rest, e) = display_first(i)?;
        if rest.is_op(":") {
            let (rest, v) = expression(rest.advance(1))?;
            (rest, Some(e), Some(v))
        } else {
            (rest, Some(e), None)
        }
    };
    if let Some(v) = first_val {
        if rest.is_kw("for") {
            let Some(k) = first_key else {
                return fail(rest, "invalid syntax");
            };
            let (rest, comps) = comprehensions(rest)?;
            let (rest, close) = expect(rest, "}")?;
            return Ok((
                rest,
                mk(
                    ExprKind::DictComp(Box::new(k), Box::new(v), comps),
                    open.to(close),
                ),
            ));
        }
        let mut pairs = vec![(first_key, v)];
        let mut i = rest;
        while i.is_op(",") {
            i = i.advance(1);
            if i.is_op("}") {
                break;
            }
            if i.is_op("**") {
                let (rest, v) = bitwise_or(i.advance(1))?;
                pairs.push((None, v));
                i = rest;
                continue;
            }
            let (rest, k) = expression(i)?;
            let (rest, _) = expect(rest, ":")?;
            let (rest, v) = expression(rest)?;
            pairs.push((Some(k), v));
            i = rest;
        }
        let (i, close) = expect(i, "}")?;
        return Ok((i, mk(ExprKind::Dict(pairs), open.to(close))));
    }
    let Some(first) = first_key else {
        return fail(rest, "invalid syntax");
    };
    if rest.is_kw("for") {
        return comprehension_after(rest, first, CompKind::Set, open, "}");
    }
    let mut items = vec![first];
    let mut i = rest;
    while i.is_op(",") {
        i = i.advance(1);
        if i.is_op("}") {
            break;
        }
        let (rest, e) = star_expression(i)?;
        items.push(e);
        i = rest;
    }
    let (i, close) = expect(i, "}")?;
    Ok((i, mk(ExprKind::Set(items), open.to(close))))
}

/// Parameters up to `close` (`)` for `def`, `:` for `lambda`).
fn parameters<'a>(i: Toks<'a>, close: &'static str) -> PResult<'a, Params> {
    let mut params = Params {
        positional: vec![],
        star: None,
        kwonly: vec![],
        starstar: None,
    };
    let mut i = i;
    let mut seen_star = false;
    let mut seen_default = false;
    while !i.is_op(close) {
        if i.is_op("/") {
            i = i.advance(1);
        } else if i.is_op("**") {
            let (rest, name) =
                ident(i.advance(1)).or_else(|_| fail(i.advance(1), "invalid syntax"))?;
            params.starstar = Some(name);
            i = rest;
        } else if i.is_op("*") {
            seen_star = true;
            let rest = i.advance(1);
            if let Ok((rest, name)) = ident(rest) {
                params.star = Some(name);
                i = rest;
            } else {
                i = rest;
            }
        } else {
            let (rest, name) = match ident(i) {
                Ok(x) => x,
                Err(_) => return fail(i, "invalid syntax"),
            };
            let (rest, default) = if rest.is_op("=") {
                let (rest, d) = expression(rest.advance(1))?;
                (rest, Some(d))
            } else {
                (rest, None)
            };
            if seen_star {
                params.kwonly.push(Param { name, default });
            } else {
                if default.is_some() {
                    seen_default = true;
                } else if seen_default {
                    return fail_at(
                        rest,
                        ErrorKind::Syntax,
                        "non-default argument follows default argument",
                        Span::new(name.span.lo as usize, name.span.hi as usize),
                    );
                }
                params.positional.push(Param { name, default });
            }
            i = rest;
        }
        if i.is_op(",") {
            i = i.advance(1);
        } else {
            break;
        }
    }
    Ok((i, params))
}

// ---------------------------------------------------------------------------------
// Statements

fn stmt(kind: StmtKind, span: Span) -> Stmt {
    Stmt { kind, span }
}

/// Valid Python outside the lecture's subset: a clear NotImplementedError, not a
/// misleading syntax error.
fn not_supported<'a, T>(i: Toks<'a>, what: &str) -> PResult<'a, T> {
    let span = i.span();
    fail_at(
        i,
        ErrorKind::NotSupported,
        format!("socklab does not support {what}"),
        span,
    )
}

/// `match subject:` — a soft keyword, so only a line shaped like a match statement.
fn looks_like_match(i: Toks) -> bool {
    if !i.is_kw("match") {
        return false;
    }
    if matches!(i.nth(1), Tok::Op(o) if matches!(*o, "=" | "." | "(" | "[" | "," | ")" | ":" | ";"))
    {
        return false;
    }
    let mut k = 1;
    loop {
        match i.nth(k) {
            Tok::Newline | Tok::End | Tok::Error(_) => return matches!(i.nth(k - 1), Tok::Op(":")),
            _ => k += 1,
        }
        if k > 10_000 {
            return false;
        }
    }
}

/// One logical line of simple statements, or one compound statement.
fn statement(i: Toks) -> PResult<Vec<Stmt>> {
    if i.is_kw("async") {
        return not_supported(i, "async functions (async/await)");
    }
    if looks_like_match(i) {
        return not_supported(i, "match statements");
    }
    if let Tok::Name(n) = i.tok() {
        let compound = match &**n {
            "if" => Some(if_stmt(i, "if")),
            "while" => Some(while_stmt(i)),
            "for" => Some(for_stmt(i)),
            "try" => Some(try_stmt(i)),
            "with" => Some(with_stmt(i)),
            "def" => Some(def_stmt(i, vec![])),
            "class" => Some(class_stmt(i, vec![])),
            _ => None,
        };
        if let Some(r) = compound {
            let (i, s) = r?;
            return Ok((i, vec![s]));
        }
    }
    if i.is_op("@") {
        let (i, s) = decorated(i)?;
        return Ok((i, vec![s]));
    }
    if matches!(i.tok(), Tok::Indent) {
        let span = i.span();
        // CPython shows the line but no caret for this one.
        let line = i.src.line_of(span.hi as usize);
        return Err(nom::Err::Failure(PErr {
            left: i.input_len(),
            span,
            error: Some(SyntaxError::new(
                ErrorKind::Indentation,
                "unexpected indent",
                line,
                0,
            )),
        }));
    }
    simple_stmts(i)
}

fn simple_stmts(i: Toks) -> PResult<Vec<Stmt>> {
    let mut out = Vec::new();
    let mut i = i;
    loop {
        let (rest, s) = small_stmt(i)?;
        out.push(s);
        i = rest;
        if i.is_op(";") {
            i = i.advance(1);
            if matches!(i.tok(), Tok::Newline) {
                break;
            }
            continue;
        }
        break;
    }
    match i.tok() {
        Tok::Newline => Ok((i.advance(1), out)),
        Tok::End => Ok((i, out)),
        _ => {
            if let Some(e) = legacy_print(&out, i) {
                return Err(e);
            }
            if matches!(i.tok(), Tok::Op("=")) {
                if let Some(s) = out.last() {
                    if let StmtKind::Expr(e) = &s.kind {
                        if let Some(what) = not_assignable(e) {
                            return fail_at(
                                i,
                                ErrorKind::Syntax,
                                format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"),
                                e.span,
                            );
                        }
                    }
                }
            }
            fail(i, "invalid syntax")
        }
    }
}

/// Python 2's `print x`: CPython 3 names the mistake.
fn legacy_print<'a>(done: &[Stmt], i: Toks<'a>) -> Option<nom::Err<PErr>> {
    let last = done.last()?;
    let StmtKind::Expr(e) = &last.kind else {
        return None;
    };
    let ExprKind::Name(id) = &e.kind else {
        return None;
    };
    if &*id.name != "print" && &*id.name != "exec" {
        return None;
    }
    let Ok((_, arg)) = star_expressions(i) else {
        return None;
    };
    let name = id.name.clone();
    let span = e.span.to(arg.span);
    fail_at::<()>(
        i,
        ErrorKind::Syntax,
        format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
        span,
    )
    .err()
}

fn not_assignable(e: &Expr) -> Option<&'static str> {
    match &e.kind {
        ExprKind::Name(_)
        | ExprKind::Attribute(..)
        | ExprKind::Subscript(..)
        | ExprKind::Starred(_) => None,
        ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().find_map(not_assignable),
        ExprKind::Call(..) => Some("function call"),
        ExprKind::Const(Const::None)
        | ExprKind::Const(Const::True)
        | ExprKind::Const(Const::False) => None,
        ExprKind::Const(_) | ExprKind::FString(_) => Some("literal"),
        ExprKind::Binary(..) | ExprKind::Unary(..) => Some("expression"),
        ExprKind::Compare(..) => Some("comparison"),
        ExprKind::Lambda(_) => Some("lambda"),
        ExprKind::IfExp(..) => Some("conditional expression"),
        ExprKind::And(..) | ExprKind::Or(..) => Some("expression"),
        ExprKind::Dict(_) => Some("dict literal"),
        ExprKind::Set(_) => Some("set display"),
        ExprKind::Comp(CompKind::List, ..) => Some("list comprehension"),
        ExprKind::Comp(..) | ExprKind::DictComp(..) => Some("comprehension"),
        _ => Some("expression"),
    }
}

/// `*x` alone is no target: only an item of a tuple or list target may be starred.
fn check_not_bare_starred<'a>(i: Toks<'a>, e: &Expr) -> Result<(), nom::Err<PErr>> {
    if let ExprKind::Starred(_) = e.kind {
        fail_at::<()>(
            i,
            ErrorKind::Syntax,
            "starred assignment target must be in a list or tuple",
            e.span,
        )?;
    }
    Ok(())
}

/// Whether `e` may stand left of `=`, with CPython's message when not.
fn check_target<'a>(i: Toks<'a>, e: &Expr, augmented: bool) -> Result<(), nom::Err<PErr>> {
    if augmented {
        let ok = matches!(
            e.kind,
            ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..)
        );
        if !ok {
            let what = match &e.kind {
                ExprKind::Tuple(_) => "tuple",
                ExprKind::List(_) => "list",
                _ => not_assignable(e).unwrap_or("expression"),
            };
            return fail_at::<()>(
                i,
                ErrorKind::Syntax,
                format!("'{what}' is an illegal expression for augmented assignment"),
                e.span,
            )
            .map(|_| ());
        }
        return Ok(());
    }
    match &e.kind {
        ExprKind::Const(Const::None)
        | ExprKind::Const(Const::True)
        | ExprKind::Const(Const::False) => {
            let word = match &e.kind {
                ExprKind::Const(Const::None) => "None",
                ExprKind::Const(Const::True) => "True",
                _ => "False",
            };
            fail_at::<()>(
                i,
                ErrorKind::Syntax,
                format!("cannot assign to {word}"),
                e.span,
            )
            .map(|_| ())
        }
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            for it in items {
                check_target(i, it, false)?;
            }
            Ok(())
        }
        ExprKind::Starred(inner) => check_target(i, inner, false),
        _ => match not_assignable(e) {
            None => Ok(()),
            Some(what) => fail_at::<()>(
                i,
                ErrorKind::Syntax,
                format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"),
                e.span,
            )
            .map(|_| ()),
        },
    }
}

fn small_stmt(i: Toks) -> PResult<Stmt> {
    let start = i.span();
    if let Tok::Name(n) = i.tok() {
        match &**n {
            "pass" => return Ok((i.advance(1), stmt(StmtKind::Pass, start))),
            "break" => return Ok((i.advance(1), stmt(StmtKind::Break, start))),
            "continue" => return Ok((i.advance(1), stmt(StmtKind::Continue, start))),
            "return" => {
                let rest = i.advance(1);
                if ends_simple(rest) {
                    return Ok((rest, stmt(StmtKind::Return(None), start)));
                }
                let (rest, e) = star_expressions(rest)?;
                let span = start.to(e.span);
                return Ok((rest, stmt(StmtKind::Return(Some(e)), span)));
            }
            "raise" => {
                let rest = i.advance(1);
                if ends_simple(rest) {
                    return Ok((rest, stmt(StmtKind::Raise(None, None), start)));
                }
                let (rest, e) = expression(rest)?;
                let (rest, cause) = if rest.is_kw("from") {
                    let (r, c) = expression(rest.advance(1))?;
                    (r, Some(c))
                } else {
                    (rest, None)
                };
                let span = start.to(e.span);
                return Ok((rest, stmt(StmtKind::Raise(Some(e), cause), span)));
            }
            "global" | "nonlocal" => {
                let is_global = &**n == "global";
                let (rest, ids) = cut(separated_list1(op(","), ident)).parse(i.advance(1))?;
                let names: Vec<Name> = ids.into_iter().map(|id| id.name).collect();
                let kind = if is_global {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                };
                return Ok((rest, stmt(kind, start)));
            }
            "del" => {
                let (rest, e) = target_list(i.advance(1))?;
                let targets = match e.kind {
                    ExprKind::Tuple(items) => items,
                    _ => vec![e],
                };
                for t in &targets {
                    if !matches!(
                        t.kind,
                        ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..)
                    ) {
                        let what = not_assignable(t).unwrap_or("expression");
                        return fail_at(
                            rest,
                            ErrorKind::Syntax,
                            format!("cannot delete {what}"),
                            t.span,
                        );
                    }
                }
                return Ok((rest, stmt(StmtKind::Del(targets), start)));
            }
            "assert" => {
                let (rest, test) = expression(i.advance(1))?;
                let (rest, msg) = if rest.is_op(",") {
                    let (r, m) = expression(rest.advance(1))?;
                    (r, Some(m))
                } else {
                    (rest, None)
                };
                let span = start.to(test.span);
                return Ok((rest, stmt(StmtKind::Assert(test, msg), span)));
            }
            "import" => return import_stmt(i),
            "from" => return from_stmt(i),
            _ => {}
        }
    }
    let (rest, first) = star_expressions(i)?;
    // Augmented assignment.
    if let Tok::Op(o) = rest.tok() {
        let aug = match *o {
            "+=" => Some(BinOp::Add),
            "-=" => Some(BinOp::Sub),
            "*=" => Some(BinOp::Mul),
            "/=" => Some(BinOp::Div),
            "//=" => Some(BinOp::FloorDiv),
            "%=" => Some(BinOp::Mod),
            "**=" => Some(BinOp::Pow),
            "<<=" => Some(BinOp::LShift),
            ">>=" => Some(BinOp::RShift),
            "|=" => Some(BinOp::BitOr),
            "^=" => Some(BinOp::BitXor),
            "&=" => Some(BinOp::BitAnd),
            "@=" => Some(BinOp::MatMul),
            _ => None,
        };
        if let Some(op) = aug {
            check_target(rest, &first, true)?;
            let (rest, value) = star_expressions(rest.advance(1))?;
            let span = first.span.to(value.span);
            return Ok((rest, stmt(StmtKind::AugAssign(first, op, value), span)));
        }
    }
    if rest.is_op(":")
        && matches!(
            first.kind,
            ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..)
        )
    {
        let (rest, ann) = expression(rest.advance(1))?;
        let (rest, value) = if rest.is_op("=") {
            let (r, v) = star_expressions(rest.advance(1))?;
            (r, Some(v))
        } else {
            (rest, None)
        };
        let span = first.span.to(value.as_ref().map_or(ann.span, |v| v.span));
        return Ok((rest, stmt(StmtKind::AnnAssign(first, ann, value), span)));
    }
    if rest.is_op("=") {
        let mut targets = vec![first];
        let mut rest = rest;
        let mut value;
        loop {
            check_not_bare_starred(rest, &targets[targets.len() - 1])?;
            check_target(rest, &targets[targets.len() - 1], false)?;
            let after = rest.advance(1);
            let (r, v) = star_expressions(after).or_else(|e| match e {
                nom::Err::Error(p) => fail(furthest(after, &p), "invalid syntax"),
                other => Err(other),
            })?;
            value = v;
            rest = r;
            if rest.is_op("=") {
                targets.push(value);
                continue;
            }
            break;
        }
        let span = targets[0].span.to(value.span);
        return Ok((rest, stmt(StmtKind::Assign(targets, value), span)));
    }
    let span = first.span;
    Ok((rest, stmt(StmtKind::Expr(first), span)))
}

fn ends_simple(i: Toks) -> bool {
    matches!(i.tok(), Tok::Newline | Tok::End | Tok::Op(";"))
}

fn dotted_name(i: Toks) -> PResult<(Name, Ident)> {
    let (i, first) = ident(i).or_else(|_| fail(i, "invalid syntax"))?;
    let (i, rest) = many0(preceded(op("."), cut(ident))).parse(i)?;
    let mut path = first.name.to_string();
    for part in rest {
        path.push('.');
        path.push_str(&part.name);
    }
    Ok((i, (Arc::from(path), first)))
}

/// `as NAME`, if present.
fn as_name(i: Toks) -> PResult<Option<Ident>> {
    opt(preceded(kw("as"), cut(ident))).parse(i)
}

fn import_stmt(i: Toks) -> PResult<Stmt> {
    let start = i.span();
    let mut i = i.advance(1);
    let mut names = Vec::new();
    loop {
        let (rest, (module, first)) = dotted_name(i)?;
        let (rest, asname) = as_name(rest)?;
        names.push(ImportName {
            module,
            asname,
            bound: first,
        });
        i = rest;
        if i.is_op(",") {
            i = i.advance(1);
        } else {
            break;
        }
    }
    Ok((i, stmt(StmtKind::Import(names), start)))
}

fn from_stmt(i: Toks) -> PResult<Stmt> {
    let start = i.span();
    let i = i.advance(1);
    if i.is_op(".") {
        return not_supported(i, "relative imports");
    }
    let (i, (module, _)) = dotted_name(i)?;
    if !i.is_kw("import") {
        return fail(i, "invalid syntax");
    }
    let i = i.advance(1);
    if i.is_op("*") {
        let span = i.span();
        return Ok((
            i.advance(1),
            stmt(StmtKind::ImportFrom(module, vec![], span), start),
        ));
    }
    let paren = i.is_op("(");
    let mut i = if paren { i.advance(1) } else { i };
    let mut names = Vec::new();
    loop {
        let (rest, name) = ident(i).or_else(|_| fail(i, "invalid syntax"))?;
        let (rest, asname) = as_name(rest)?;
        let bound = asname.unwrap_or_else(|| name.clone());
        names.push((name.name, bound));
        i = rest;
        if i.is_op(",") {
            i = i.advance(1);
            if paren && i.is_op(")") {
                break;
            }
        } else {
            break;
        }
    }
    if paren {
        let (rest, _) = expect(i, ")")?;
        i = rest;
    } else if names.is_empty() {
        return fail(i, "invalid syntax");
    }
    let span = start;
    Ok((i, stmt(StmtKind::ImportFrom(module, names, span), start)))
}

/// `':' block`, where `what` names the statement for CPython's message
/// `expected an indented block after 'if' statement on line N`.
fn block<'a>(i: Toks<'a>, what: &str, header: Span) -> PResult<'a, Vec<Stmt>> {
    let (i, _) = expect(i, ":")?;
    if !matches!(i.tok(), Tok::Newline) {
        if matches!(i.tok(), Tok::End) {
            return fail(i, "invalid syntax");
        }
        return simple_stmts(i);
    }
    let i = i.advance(1);
    if !matches!(i.tok(), Tok::Indent) {
        let line = i.src.line_of(header.lo as usize);
        let at = i.span();
        let at = if matches!(i.tok(), Tok::End | Tok::Dedent) {
            Span::new(at.hi as usize, at.hi as usize)
        } else {
            at
        };
        let msg = format!("expected an indented block after {what} on line {line}");
        let mut e = SyntaxError::at(ErrorKind::Indentation, msg, i.src, at.lo as usize);
        if matches!(i.tok(), Tok::End) {
            // At end of file CPython names the file's last line, without a caret.
            e.line = i.src.line_count().max(1);
            e.col = 0;
        }
        if let Tok::Error(err) = i.tok() {
            e = (**err).clone();
        }
        return Err(nom::Err::Failure(PErr {
            left: i.input_len(),
            span: at,
            error: Some(e),
        }));
    }
    let mut i = i.advance(1);
    let mut body = Vec::new();
    while !matches!(i.tok(), Tok::Dedent | Tok::End) {
        let (rest, mut s) = statement(i)?;
        body.append(&mut s);
        i = rest;
    }
    if matches!(i.tok(), Tok::Dedent) {
        i = i.advance(1);
    }
    Ok((i, body))
}

fn header_expr<'a>(i: Toks<'a>) -> PResult<'a, Expr> {
    let (rest, e) = named_expression(i).or_else(|e| match e {
        nom::Err::Error(_) => fail(i, "invalid syntax"),
        other => Err(other),
    })?;
    if rest.is_op("=") {
        // CPython names what cannot be assigned to; for a plain name it suggests `:=`,
        // with carets over the whole `name = value`.
        if let ExprKind::Name(_) = e.kind {
            let end = match expression(rest.advance(1)) {
                Ok((_, value)) => value.span,
                Err(_) => rest.span(),
            };
            return fail_at(
                rest,
                ErrorKind::Syntax,
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                e.span.to(end),
            );
        }
        let what = match &e.kind {
            ExprKind::Attribute(..) => "attribute",
            ExprKind::Subscript(..) => "subscript",
            _ => not_assignable(&e).unwrap_or("expression"),
        };
        return fail_at(
            rest,
            ErrorKind::Syntax,
            format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"),
            e.span,
        );
    }
    Ok((rest, e))
}

fn if_stmt<'a>(i: Toks<'a>, word: &str) -> PResult<'a, Stmt> {
    let start = i.span();
    let (i, test) = header_expr(i.advance(1))?;
    let (i, body) = block(i, &format!("'{word}' statement"), start)?;
    let (i, orelse) = if i.is_kw("elif") {
        let (i, s) = if_stmt(i, "elif")?;
        (i, vec![s])
    } else if i.is_kw("else") {
        let at = i.span();
        block(i.advance(1), "'else' statement", at)?
    } else {
        (i, vec![])
    };
    Ok((i, stmt(StmtKind::If(test, body, orelse), start)))
}

fn while_stmt(i: Toks) -> PResult<Stmt> {
    let start = i.span();
    let (i, test) = header_expr(i.advance(1))?;
    let (i, body) = block(i, "'while' statement", start)?;
    let (i, orelse) = loop_else(i)?;
    Ok((i, stmt(StmtKind::While(test, body, orelse), start)))
}

fn loop_else(i: Toks) -> PResult<Vec<Stmt>> {
    if i.is_kw("else") {
        let at = i.span();
        return block(i.advance(1), "'else' statement", at);
    }
    Ok((i, vec![]))
}

fn for_stmt(i: Toks) -> PResult<Stmt> {
    let start = i.span();
    let (i, target) = target_list(i.advance(1)).or_else(|e| match e {
        nom::Err::Error(_) => fail(i.advance(1), "invalid syntax"),
        other => Err(other),
    })?;
    check_not_bare_starred(i, &target)?;
    check_target(i, &target, false)?;
    if !i.is_kw("in") {
        return fail(i, "invalid syntax");
    }
    let (i, iter) = star_expressions(i.advance(1))?;
    let (i, body) = block(i, "'for' statement", start)?;
    let (i, orelse) = loop_else(i)?;
    Ok((i, stmt(StmtKind::For(target, iter, body, orelse), start)))
}

fn try_stmt(i: Toks) -> PResult<Stmt> {
    let start = i.span();
    let (mut i, body) = block(i.advance(1), "'try' statement", start)?;
    let mut handlers = Vec::new();
    while i.is_kw("except") {
        let at = i.span();
        let mut rest = i.advance(1);
        if rest.is_op("*") {
            return not_supported(rest, "except*");
        }
        let mut kind = None;
        let mut name = None;
        if !rest.is_op(":") {
            let (r, e) = expression(rest)?;
            if r.is_op(",") {
                let (_, more) = star_expressions(r.advance(1)).unwrap_or((r, e.clone()));
                return fail_at(
                    r,
                    ErrorKind::Syntax,
                    "multiple exception types must be parenthesized",
                    e.span.to(more.span),
                );
            }
            kind = Some(e);
            rest = r;
            if rest.is_kw("as") {
                let (r, n) =
                    ident(rest.advance(1)).or_else(|_| fail(rest.advance(1), "invalid syntax"))?;
                name = Some(n);
                rest = r;
            }
        }
        let (r, hbody) = block(rest, "'except' statement", at)?;
        handlers.push(ExceptHandler {
            kind,
            name,
            body: hbody,
            span: at,
        });
        i = r;
    }
    let (i, orelse) = if i.is_kw("else") && !handlers.is_empty() {
        let at = i.span();
        block(i.advance(1), "'else' statement", at)?
    } else {
        (i, vec![])
    };
    let (i, finalbody) = if i.is_kw("finally") {
        let at = i.span();
        block(i.advance(1), "'finally' statement", at)?
    } else {
        (i, vec![])
    };
    if handlers.is_empty() && finalbody.is_empty() {
        return fail(i, "expected 'except' or 'finally' block");
    }
    Ok((
        i,
        stmt(StmtKind::Try(body, handlers, orelse, finalbody), start),
    ))
}

fn with_stmt(i: Toks) -> PResult<Stmt> {
    let start = i.span();
    let mut i = i.advance(1);
    let mut items = Vec::new();
    loop {
        let (rest, ctx) = expression(i).or_else(|e| match e {
            nom::Err::Error(_) => fail(i, "invalid syntax"),
            other => Err(other),
        })?;
        let (rest, target) = if rest.is_kw("as") {
            let (r, t) = single_target(rest.advance(1))?;
            check_target(r, &t, false)?;
            (r, Some(t))
        } else {
            (rest, None)
        };
        items.push((ctx, target));
        i = rest;
        if i.is_op(",") {
            i = i.advance(1);
        } else {
            break;
        }
    }
    let (i, body) = block(i, "'with' statement", start)?;
    Ok((i, stmt(StmtKind::With(items, body), start)))
}

fn decorated(i: Toks) -> PResult<Stmt> {
    let mut decorators = Vec::new();
    let mut i = i;
    while i.is_op("@") {
        let (rest, e) = named_expression(i.advance(1))?;
        if !matches!(rest.tok(), Tok::Newline) {
            return fail(rest, "invalid syntax");
        }
        decorators.push(e);
        i = rest.advance(1);
    }
    if i.is_kw("def") {
        def_stmt(i, decorators)
    } else if i.is_kw("class") {
        class_stmt(i, decorators)
    } else {
        fail(i, "invalid syntax")
    }
}

fn def_stmt(i: Toks, decorators: Vec<Expr>) -> PResult<Stmt> {
    let start = i.span();
    let (i, name) = ident(i.advance(1)).or_else(|_| fail(i.advance(1), "invalid syntax"))?;
    let (i, _) = if i.is_op("(") {
        Ok((i.advance(1), i.span()))
    } else {
        fail(i, "expected '('")
    }?;
    let (i, params) = parameters(i, ")")?;
    let (mut i, _) = expect(i, ")")?;
    if i.is_op("->") {
        let (rest, _ret) = expression(i.advance(1))?;
        i = rest;
    }
    let (i, body) = block(i, "function definition", start)?;
    let def = FuncDef {
        name: name.name.clone(),
        params,
        body,
        span: start,
        is_lambda: false,
        layout: Layout::default(),
    };
    Ok((
        i,
        stmt(
            StmtKind::FunctionDef(Arc::new(def), name, decorators),
            start,
        ),
    ))
}

fn class_stmt(i: Toks, decorators: Vec<Expr>) -> PResult<Stmt> {
    let start = i.span();
    let (mut i, name) = ident(i.advance(1)).or_else(|_| fail(i.advance(1), "invalid syntax"))?;
    let mut bases = Vec::new();
    if i.is_op("(") {
        let (rest, args) = call_args(i.advance(1))?;
        let (rest, _) = expect(rest, ")")?;
        bases = args;
        i = rest;
    }
    let (i, body) = block(i, "class definition", start)?;
    let def = ClassDef {
        name,
        bases,
        body,
        decorators,
        span: start,
        layout: Layout::default(),
    };
    Ok((i, stmt(StmtKind::ClassDef(Arc::new(def)), start)))
}

// ---------------------------------------------------------------------------------
// Entry points

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
