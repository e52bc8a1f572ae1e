//! Expressions, from `a if b else c` down to atoms: operators by precedence, calls
//! and subscripts, displays and comprehensions, string literals, lambda and parameter
//! lists.

use super::*;

/// `star_expressions`: one expression, or a tuple of them when commas appear.
/// What may stand as a statement or on the right of `=`: expressions, or a bare
/// `yield` (elsewhere it needs parentheses, as in CPython's grammar).
pub(super) fn star_expressions_or_yield(i: Toks) -> PResult<Expr> {
    if i.is_kw("yield") {
        return yield_expr(i);
    }
    star_expressions(i)
}

pub(super) fn star_expressions(i: Toks) -> PResult<Expr> {
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

pub(super) fn star_expression(i: Toks) -> PResult<Expr> {
    if i.is_op("*") {
        let start = i.span();
        let (i, e) = bitwise_or(i.advance(1))?;
        let span = start.to(e.span);
        return Ok((i, mk(ExprKind::Starred(Box::new(e)), span)));
    }
    expression(i)
}

/// `named_expression`: `name := value` or an expression.
pub(super) fn named_expression(i: Toks) -> PResult<Expr> {
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
        // `[yield x]`, `f(yield)`: a yield inside an expression needs its parentheses.
        return fail(i, "invalid syntax");
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

pub(super) fn lambda(i: Toks) -> PResult<Expr> {
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
        is_generator: false,
        genexp: None,
        layout: Layout::default(),
    };
    let mut def = def;
    def.is_generator = FuncDef::body_yields(&def.body);
    Ok((i, mk(ExprKind::Lambda(Arc::new(def)), span)))
}

/// `yield`, `yield value(s)` or `yield from iterable`; where it may stand (inside a
/// function, not in a comprehension) is checked by `validate`.
pub(super) fn yield_expr(i: Toks) -> PResult<Expr> {
    let start = i.span();
    let i = i.advance(1);
    if i.is_kw("from") {
        let (rest, e) = expression(i.advance(1))?;
        let span = start.to(e.span);
        return Ok((rest, mk(ExprKind::YieldFrom(Box::new(e)), span)));
    }
    if matches!(i.tok(), Tok::Newline | Tok::End)
        || i.is_op(")")
        || i.is_op("]")
        || i.is_op("}")
        || i.is_op("=")
        || i.is_op(";")
        || i.is_op(",")
        || i.is_op(":")
    {
        return Ok((i, mk(ExprKind::Yield(None), start)));
    }
    let (rest, e) = star_expressions(i)?;
    let span = start.to(e.span);
    Ok((rest, mk(ExprKind::Yield(Some(Box::new(e))), span)))
}

/// A generator expression: its own function `<genexpr>`, as CPython compiles it.
pub(super) fn genexp(elt: Expr, comps: Vec<Comprehension>, span: Span) -> Expr {
    let def = FuncDef {
        name: Arc::from("<genexpr>"),
        params: Params {
            positional: vec![],
            star: None,
            kwonly: vec![],
            starstar: None,
            annotations: vec![],
            star_annotated: false,
            starstar_annotated: false,
        },
        body: vec![],
        span,
        is_lambda: false,
        is_generator: true,
        genexp: Some(Box::new(GenExpParts { elt, comps })),
        layout: Layout::default(),
    };
    mk(ExprKind::GenExp(Arc::new(def)), span)
}

pub(super) fn disjunction(i: Toks) -> PResult<Expr> {
    let (mut i, mut left) = conjunction(i)?;
    while i.is_kw("or") {
        let (rest, right) = conjunction(i.advance(1))?;
        let span = left.span.to(right.span);
        left = mk(ExprKind::Or(Box::new(left), Box::new(right)), span);
        i = rest;
    }
    Ok((i, left))
}

pub(super) fn conjunction(i: Toks) -> PResult<Expr> {
    let (mut i, mut left) = inversion(i)?;
    while i.is_kw("and") {
        let (rest, right) = inversion(i.advance(1))?;
        let span = left.span.to(right.span);
        left = mk(ExprKind::And(Box::new(left), Box::new(right)), span);
        i = rest;
    }
    Ok((i, left))
}

pub(super) fn inversion(i: Toks) -> PResult<Expr> {
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

pub(super) fn comparison(i: Toks) -> PResult<Expr> {
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
pub(super) fn binary_level<'a>(
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

pub(super) fn bitwise_or(i: Toks) -> PResult<Expr> {
    binary_level(i, &[("|", BinOp::BitOr)], bitwise_xor)
}

pub(super) fn bitwise_xor(i: Toks) -> PResult<Expr> {
    binary_level(i, &[("^", BinOp::BitXor)], bitwise_and)
}

pub(super) fn bitwise_and(i: Toks) -> PResult<Expr> {
    binary_level(i, &[("&", BinOp::BitAnd)], shift_expr)
}

pub(super) fn shift_expr(i: Toks) -> PResult<Expr> {
    binary_level(i, &[("<<", BinOp::LShift), (">>", BinOp::RShift)], sum)
}

pub(super) fn sum(i: Toks) -> PResult<Expr> {
    binary_level(i, &[("+", BinOp::Add), ("-", BinOp::Sub)], term)
}

pub(super) fn term(i: Toks) -> PResult<Expr> {
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

pub(super) fn factor(i: Toks) -> PResult<Expr> {
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

pub(super) fn power(i: Toks) -> PResult<Expr> {
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

pub(super) fn primary(i: Toks) -> PResult<Expr> {
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

pub(super) fn slices(i: Toks) -> PResult<Expr> {
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

pub(super) fn slice(i: Toks) -> PResult<Expr> {
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

pub(super) fn call_args(i: Toks) -> PResult<Vec<Arg>> {
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
                args.push(Arg::Pos(genexp(e, comps, span)));
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

pub(super) fn comprehensions(i: Toks) -> PResult<Vec<Comprehension>> {
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
pub(super) fn single_target(i: Toks) -> PResult<Expr> {
    bitwise_or(i)
}

/// Targets of `for` and comprehensions: stops before `in`.
pub(super) fn target_list(i: Toks) -> PResult<Expr> {
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

pub(super) fn atom(i: Toks) -> PResult<Expr> {
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
pub(super) fn strings(i: Toks) -> PResult<Expr> {
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
pub(super) fn missing_comma<'a>(i: Toks<'a>, before: &Expr) -> Result<(), nom::Err<PErr>> {
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
pub(super) fn display_first(i: Toks) -> PResult<Expr> {
    if i.is_op("*") {
        star_expression(i)
    } else {
        named_expression(i)
    }
}

/// `first for ... in ...` up to the closing bracket: a comprehension of `kind`.
pub(super) fn comprehension_after<'a>(
    rest: Toks<'a>,
    first: Expr,
    kind: Option<CompKind>,
    open: Span,
    close: &'static str,
) -> PResult<'a, Expr> {
    let (rest, comps) = comprehensions(rest)?;
    let (rest, end) = expect(rest, close)?;
    let span = open.to(end);
    Ok((
        rest,
        match kind {
            Some(kind) => mk(ExprKind::Comp(kind, Box::new(first), comps), span),
            None => genexp(first, comps, span),
        },
    ))
}

pub(super) fn paren(i: Toks) -> PResult<Expr> {
    let open = i.span();
    let i = i.advance(1);
    if i.is_op(")") {
        let span = open.to(i.span());
        return Ok((i.advance(1), mk(ExprKind::Tuple(vec![]), span)));
    }
    if i.is_kw("yield") {
        let (rest, mut e) = yield_expr(i)?;
        let (rest, close) = expect(rest, ")")?;
        e.span = open.to(close);
        return Ok((rest, e));
    }
    let (rest, first) = display_first(i)?;
    if rest.is_kw("for") {
        return comprehension_after(rest, first, None, open, ")");
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

pub(super) fn list_display(i: Toks) -> PResult<Expr> {
    let open = i.span();
    let mut i = i.advance(1);
    let mut items = Vec::new();
    if !i.is_op("]") {
        let (rest, first) = display_first(i)?;
        if rest.is_kw("for") {
            return comprehension_after(rest, first, Some(CompKind::List), open, "]");
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

pub(super) fn brace_display(i: Toks) -> PResult<Expr> {
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
        return comprehension_after(rest, first, Some(CompKind::Set), open, "}");
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
pub(super) fn parameters<'a>(i: Toks<'a>, close: &'static str) -> PResult<'a, Params> {
    let mut params = Params {
        positional: vec![],
        star: None,
        kwonly: vec![],
        starstar: None,
        annotations: vec![],
        star_annotated: false,
        starstar_annotated: false,
    };
    // `def f(a: int)`; in a lambda the colon ends the parameters instead.
    let annotated = close == ")";
    let annotation = |i: Toks<'a>, name: &Ident, params: &mut Params| -> PResult<'a, bool> {
        if annotated && i.is_op(":") {
            let (rest, e) = expression(i.advance(1))?;
            missing_comma(rest, &e)?;
            params.annotations.push((name.name.clone(), e));
            return Ok((rest, true));
        }
        Ok((i, false))
    };
    // `*args=1`, `**kw=1`: CPython's words for a default where none can be.
    let no_default = |i: Toks<'a>, what: &str| -> Result<(), nom::Err<PErr>> {
        if i.is_op("=") {
            fail::<()>(i, &format!("var-{what} argument cannot have default value"))?;
        }
        Ok(())
    };
    let mut i = i;
    let mut seen_star = false;
    let mut seen_default = false;
    while !i.is_op(close) {
        // CPython's words for a parameter list out of order.
        if params.starstar.is_some() {
            return fail(i, "arguments cannot follow var-keyword argument");
        }
        if seen_star && i.is_op("*") {
            return fail(i, "* argument may appear only once");
        }
        if i.is_op("/") {
            i = i.advance(1);
        } else if i.is_op("**") {
            let (rest, name) =
                ident(i.advance(1)).or_else(|_| fail(i.advance(1), "invalid syntax"))?;
            let (rest, has) = annotation(rest, &name, &mut params)?;
            params.starstar_annotated = has;
            no_default(rest, "keyword")?;
            params.starstar = Some(name);
            i = rest;
        } else if i.is_op("*") {
            seen_star = true;
            let rest = i.advance(1);
            if let Ok((rest, name)) = ident(rest) {
                let (rest, has) = annotation(rest, &name, &mut params)?;
                params.star_annotated = has;
                no_default(rest, "positional")?;
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
            let (rest, annotated) = annotation(rest, &name, &mut params)?;
            let (rest, default) = if rest.is_op("=") {
                let (rest, d) = expression(rest.advance(1))?;
                (rest, Some(d))
            } else {
                (rest, None)
            };
            if seen_star {
                params.kwonly.push(Param {
                    name,
                    default,
                    annotated,
                });
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
                params.positional.push(Param {
                    name,
                    default,
                    annotated,
                });
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
