//! Walking the tree: every expression directly inside an expression or a statement,
//! and the blocks a compound statement holds. Name resolution, validation and the
//! checks that follow the parser all walk the tree the same way, through these.

use super::ast::*;

/// Every direct sub-expression of an expression (not descending into lambda bodies'
/// statements, which `for_each_sub_block` covers through the lambda's body).
pub fn for_each_child_expr<'a>(e: &'a Expr, f: &mut dyn FnMut(&'a Expr)) {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Const(_) => {}
        ExprKind::FString(parts) => fparts(parts, f),
        ExprKind::Tuple(items) | ExprKind::List(items) | ExprKind::Set(items) => {
            items.iter().for_each(f)
        }
        ExprKind::Dict(pairs) => {
            for (k, v) in pairs {
                if let Some(k) = k {
                    f(k);
                }
                f(v);
            }
        }
        ExprKind::Attribute(v, _)
        | ExprKind::Unary(_, v)
        | ExprKind::Starred(v)
        | ExprKind::Walrus(_, v) => f(v),
        ExprKind::Subscript(a, b)
        | ExprKind::Binary(a, _, b)
        | ExprKind::And(a, b)
        | ExprKind::Or(a, b) => {
            f(a);
            f(b)
        }
        ExprKind::Slice(a, b, c) => {
            for x in [a, b, c].into_iter().flatten() {
                f(x);
            }
        }
        ExprKind::Call(func, args) => {
            f(func);
            for a in args {
                match a {
                    Arg::Pos(e) | Arg::Star(e) | Arg::Kw(_, e) | Arg::StarStar(e) => f(e),
                }
            }
        }
        ExprKind::Compare(first, rest) => {
            f(first);
            for (_, e) in rest {
                f(e);
            }
        }
        ExprKind::IfExp(a, b, c) => {
            f(a);
            f(b);
            f(c)
        }
        ExprKind::Lambda(def) => {
            for p in def.params.positional.iter().chain(def.params.kwonly.iter()) {
                if let Some(d) = &p.default {
                    f(d);
                }
            }
            if let Some(StmtKind::Return(Some(body))) = def.body.first().map(|s| &s.kind) {
                f(body);
            }
        }
        ExprKind::Comp(_, elt, comps) => {
            f(elt);
            comps_exprs(comps, f);
        }
        ExprKind::DictComp(k, v, comps) => {
            f(k);
            f(v);
            comps_exprs(comps, f);
        }
        ExprKind::GenExp(def) => {
            if let Some(g) = &def.genexp {
                f(&g.elt);
                comps_exprs(&g.comps, f);
            }
        }
        ExprKind::Yield(v) => {
            if let Some(v) = v {
                f(v)
            }
        }
        ExprKind::YieldFrom(v) => f(v),
    }
}

fn fparts<'a>(parts: &'a [FPart], f: &mut dyn FnMut(&'a Expr)) {
    for p in parts {
        if let FPart::Expr { expr, spec, .. } = p {
            f(expr);
            fparts(spec, f);
        }
    }
}

fn comps_exprs<'a>(comps: &'a [Comprehension], f: &mut dyn FnMut(&'a Expr)) {
    for c in comps {
        f(&c.target);
        f(&c.iter);
        c.ifs.iter().for_each(&mut *f);
    }
}

/// The expressions a statement holds directly (not those of its nested blocks).
pub fn for_each_stmt_expr<'a>(s: &'a Stmt, f: &mut dyn FnMut(&'a Expr)) {
    match &s.kind {
        StmtKind::Expr(e) => f(e),
        StmtKind::Assign(targets, v) => {
            targets.iter().for_each(&mut *f);
            f(v)
        }
        StmtKind::AugAssign(t, _, v) => {
            f(t);
            f(v)
        }
        StmtKind::AnnAssign(t, a, v) => {
            f(t);
            f(a);
            if let Some(v) = v {
                f(v)
            }
        }
        StmtKind::If(t, ..) | StmtKind::While(t, ..) => f(t),
        StmtKind::For(t, it, ..) => {
            f(t);
            f(it)
        }
        StmtKind::Return(Some(e)) => f(e),
        StmtKind::Raise(a, b) => {
            for e in [a, b].into_iter().flatten() {
                f(e)
            }
        }
        StmtKind::Assert(t, m) => {
            f(t);
            if let Some(m) = m {
                f(m)
            }
        }
        StmtKind::Del(ts) => ts.iter().for_each(&mut *f),
        StmtKind::With(items, _) => {
            for (c, t) in items {
                f(c);
                if let Some(t) = t {
                    f(t)
                }
            }
        }
        StmtKind::FunctionDef(def, _, decos) => {
            decos.iter().for_each(&mut *f);
            for p in def.params.positional.iter().chain(def.params.kwonly.iter()) {
                if let Some(d) = &p.default {
                    f(d)
                }
            }
            def.params.annotations.iter().for_each(|(_, a)| f(a));
        }
        StmtKind::ClassDef(c) => {
            c.decorators.iter().for_each(&mut *f);
            for a in &c.bases {
                match a {
                    Arg::Pos(e) | Arg::Star(e) | Arg::Kw(_, e) | Arg::StarStar(e) => f(e),
                }
            }
        }
        StmtKind::Try(_, handlers, ..) => {
            for h in handlers {
                if let Some(k) = &h.kind {
                    f(k)
                }
            }
        }
        _ => {}
    }
}

/// Nested blocks of a statement that belong to the same scope.
pub fn for_each_sub_block(s: &Stmt) -> Vec<&[Stmt]> {
    match &s.kind {
        StmtKind::If(_, a, b) | StmtKind::While(_, a, b) | StmtKind::For(_, _, a, b) => vec![a, b],
        StmtKind::Try(body, handlers, orelse, fin) => {
            let mut v: Vec<&[Stmt]> = vec![body, orelse, fin];
            for h in handlers {
                v.push(&h.body);
            }
            v
        }
        StmtKind::With(_, body) => vec![body],
        StmtKind::FunctionDef(def, ..) => vec![&def.body],
        StmtKind::ClassDef(c) => vec![&c.body],
        _ => vec![],
    }
}

// ---------------------------------------------------------------------------------
