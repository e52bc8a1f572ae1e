//! Statements: simple ones (assignment, `import`, `return` ...) and compound ones (`if`,
//! loops, `try`, `with`, `def`, `class`), with CPython's errors for Python 2 forms and
//! invalid targets.

use super::*;

pub(super) fn stmt(kind: StmtKind, span: Span) -> Stmt {
    Stmt { kind, span }
}

/// Valid Python outside the lecture's subset: a clear NotImplementedError, not a
/// misleading syntax error.
pub(super) fn not_supported<'a, T>(i: Toks<'a>, what: &str) -> PResult<'a, T> {
    let span = i.span();
    fail_at(
        i,
        ErrorKind::NotSupported,
        format!("socklab does not support {what}"),
        span,
    )
}

/// `match subject:` — a soft keyword, so only a line shaped like a match statement.
pub(super) fn looks_like_match(i: Toks) -> bool {
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
pub(super) fn statement(i: Toks) -> PResult<Vec<Stmt>> {
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

pub(super) fn simple_stmts(i: Toks) -> PResult<Vec<Stmt>> {
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
pub(super) fn legacy_print<'a>(done: &[Stmt], i: Toks<'a>) -> Option<nom::Err<PErr>> {
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

pub(super) fn not_assignable(e: &Expr) -> Option<&'static str> {
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
        ExprKind::GenExp(_) => Some("generator expression"),
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => Some("yield expression"),
        _ => Some("expression"),
    }
}

/// `*x` alone is no target: only an item of a tuple or list target may be starred.
pub(super) fn check_not_bare_starred<'a>(i: Toks<'a>, e: &Expr) -> Result<(), nom::Err<PErr>> {
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
pub(super) fn check_target<'a>(
    i: Toks<'a>,
    e: &Expr,
    augmented: bool,
) -> Result<(), nom::Err<PErr>> {
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

pub(super) fn small_stmt(i: Toks) -> PResult<Stmt> {
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
                // A name, attribute or item, or a tuple or list of them (`del [a, b]`,
                // `del ()`), as CPython's `del_targets`.
                fn deletable(t: &Expr) -> Option<&Expr> {
                    match &t.kind {
                        ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..) => {
                            None
                        }
                        ExprKind::Tuple(items) | ExprKind::List(items) => {
                            items.iter().find_map(deletable)
                        }
                        _ => Some(t),
                    }
                }
                for t in &targets {
                    if let Some(t) = deletable(t) {
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
    let (rest, first) = star_expressions_or_yield(i)?;
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
            let (rest, value) = star_expressions_or_yield(rest.advance(1))?;
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
            let (r, v) = star_expressions_or_yield(rest.advance(1))?;
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
            let (r, v) = star_expressions_or_yield(after).or_else(|e| match e {
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

pub(super) fn ends_simple(i: Toks) -> bool {
    matches!(i.tok(), Tok::Newline | Tok::End | Tok::Op(";"))
}

pub(super) fn dotted_name(i: Toks) -> PResult<(Name, Ident)> {
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
pub(super) fn as_name(i: Toks) -> PResult<Option<Ident>> {
    opt(preceded(kw("as"), cut(ident))).parse(i)
}

pub(super) fn import_stmt(i: Toks) -> PResult<Stmt> {
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

pub(super) fn from_stmt(i: Toks) -> PResult<Stmt> {
    let start = i.span();
    let mut i = i.advance(1);
    // A relative import keeps its level as leading dots in the module's name
    // (`from ..pkg import x` is `..pkg`, `from . import x` is `.`).
    let mut dots = String::new();
    while i.is_op(".") || i.is_op("...") {
        dots.push_str(if i.is_op(".") { "." } else { "..." });
        i = i.advance(1);
    }
    let (i, module) = if !dots.is_empty() && i.is_kw("import") {
        (i, Name::from(dots.as_str()))
    } else {
        let (i, (module, _)) = dotted_name(i)?;
        (i, Name::from(format!("{dots}{module}").as_str()))
    };
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
pub(super) fn block<'a>(i: Toks<'a>, what: &str, header: Span) -> PResult<'a, Vec<Stmt>> {
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

pub(super) fn header_expr<'a>(i: Toks<'a>) -> PResult<'a, Expr> {
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

pub(super) fn if_stmt<'a>(i: Toks<'a>, word: &str) -> PResult<'a, Stmt> {
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

pub(super) fn while_stmt(i: Toks) -> PResult<Stmt> {
    let start = i.span();
    let (i, test) = header_expr(i.advance(1))?;
    let (i, body) = block(i, "'while' statement", start)?;
    let (i, orelse) = loop_else(i)?;
    Ok((i, stmt(StmtKind::While(test, body, orelse), start)))
}

pub(super) fn loop_else(i: Toks) -> PResult<Vec<Stmt>> {
    if i.is_kw("else") {
        let at = i.span();
        return block(i.advance(1), "'else' statement", at);
    }
    Ok((i, vec![]))
}

pub(super) fn for_stmt(i: Toks) -> PResult<Stmt> {
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

pub(super) fn try_stmt(i: Toks) -> PResult<Stmt> {
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

pub(super) fn with_stmt(i: Toks) -> PResult<Stmt> {
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

pub(super) fn decorated(i: Toks) -> PResult<Stmt> {
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

pub(super) fn def_stmt(i: Toks, decorators: Vec<Expr>) -> PResult<Stmt> {
    let start = i.span();
    let (i, name) = ident(i.advance(1)).or_else(|_| fail(i.advance(1), "invalid syntax"))?;
    let (i, _) = if i.is_op("(") {
        Ok((i.advance(1), i.span()))
    } else {
        fail(i, "expected '('")
    }?;
    let (i, mut params) = parameters(i, ")")?;
    let (mut i, _) = expect(i, ")")?;
    if i.is_op("->") {
        let (rest, ret) = expression(i.advance(1))?;
        params.annotations.push((Arc::from("return"), ret));
        i = rest;
    }
    let (i, body) = block(i, "function definition", start)?;
    let def = FuncDef {
        name: name.name.clone(),
        params,
        body,
        span: start,
        is_lambda: false,
        is_generator: false,
        genexp: None,
        layout: Layout::default(),
    };
    let mut def = def;
    def.is_generator = FuncDef::body_yields(&def.body);
    Ok((
        i,
        stmt(
            StmtKind::FunctionDef(Arc::new(def), name, decorators),
            start,
        ),
    ))
}

pub(super) fn class_stmt(i: Toks, decorators: Vec<Expr>) -> PResult<Stmt> {
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
