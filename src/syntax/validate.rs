//! The mistakes CPython reports at compile time rather than while parsing: `break`
//! outside a loop, `return` outside a function, a `global` after the name was used.
//! They are `SyntaxError`s, so nothing of the program runs.

use super::ast::*;
use super::error::{ErrorKind, SyntaxError};
use super::source::{Source, Span};

pub fn validate(module: &Module, src: &Source) -> Result<(), SyntaxError> {
    let v = Validator { src };
    v.block(
        &module.body,
        Context {
            in_loop: false,
            in_function: false,
        },
    )
}

#[derive(Clone, Copy)]
struct Context {
    in_loop: bool,
    in_function: bool,
}

struct Validator<'a> {
    src: &'a Source,
}

impl Validator<'_> {
    fn error(&self, msg: impl Into<String>, span: Span) -> SyntaxError {
        let mut e = SyntaxError::at(ErrorKind::Syntax, msg, self.src, span.lo as usize);
        if self.src.line_of(span.hi as usize) == e.line && span.hi > span.lo {
            e.end_col = self.src.col_of(span.hi as usize);
        }
        e
    }

    fn block(&self, body: &[Stmt], cx: Context) -> Result<(), SyntaxError> {
        for s in body {
            self.stmt(s, cx)?;
        }
        Ok(())
    }

    fn stmt(&self, s: &Stmt, cx: Context) -> Result<(), SyntaxError> {
        if let StmtKind::FunctionDef(def, ..) = &s.kind {
            self.check_params(&def.params)?;
        }
        let mut lambdas = Ok(());
        super::walk::for_each_stmt_expr(s, &mut |e| {
            if lambdas.is_ok() {
                lambdas = self.lambdas_in(e);
            }
        });
        lambdas?;
        let mut yields = Ok(());
        super::walk::for_each_stmt_expr(s, &mut |e| {
            if yields.is_ok() {
                yields = self.yields_in(e, cx.in_function);
            }
        });
        yields?;
        let word_span = |len: usize| Span::new(s.span.lo as usize, s.span.lo as usize + len);
        match &s.kind {
            StmtKind::Break if !cx.in_loop => {
                return Err(self.error("'break' outside loop", word_span(5)))
            }
            StmtKind::Continue if !cx.in_loop => {
                return Err(self.error("'continue' not properly in loop", word_span(8)))
            }
            StmtKind::Return(_) if !cx.in_function => {
                return Err(self.error("'return' outside function", s.span))
            }
            StmtKind::Nonlocal(_) if !cx.in_function => {
                return Err(self.error("nonlocal declaration not allowed at module level", s.span))
            }
            StmtKind::While(_, body, orelse) | StmtKind::For(_, _, body, orelse) => {
                self.block(
                    body,
                    Context {
                        in_loop: true,
                        ..cx
                    },
                )?;
                return self.block(orelse, cx);
            }
            StmtKind::FunctionDef(def, ..) => {
                self.globals_order(&def.body)?;
                return self.block(
                    &def.body,
                    Context {
                        in_loop: false,
                        in_function: true,
                    },
                );
            }
            StmtKind::ClassDef(c) => {
                return self.block(
                    &c.body,
                    Context {
                        in_loop: false,
                        in_function: false,
                    },
                )
            }
            _ => {}
        }
        for b in super::walk::for_each_sub_block(s) {
            self.block(b, cx)?;
        }
        Ok(())
    }

    /// Two parameters of one name: the frame would have fewer slots than parameters.
    fn check_params(&self, p: &Params) -> Result<(), SyntaxError> {
        let mut seen: Vec<&str> = Vec::new();
        let names = p
            .positional
            .iter()
            .map(|x| &x.name)
            .chain(p.star.iter())
            .chain(p.kwonly.iter().map(|x| &x.name))
            .chain(p.starstar.iter());
        for id in names {
            if seen.contains(&&*id.name) {
                let at = Span::new(id.span.lo as usize, id.span.lo as usize);
                return Err(self.error(
                    format!("duplicate argument '{}' in function definition", id.name),
                    at,
                ));
            }
            seen.push(&id.name);
        }
        Ok(())
    }

    /// `check_params` for every lambda inside `e`, however deep. The child walk visits a
    /// lambda's defaults and its body once each (visiting the body twice would double
    /// the work at every level of nesting).
    fn lambdas_in(&self, e: &Expr) -> Result<(), SyntaxError> {
        if let ExprKind::Lambda(def) = &e.kind {
            self.check_params(&def.params)?;
        }
        let mut r = Ok(());
        super::walk::for_each_child_expr(e, &mut |c| {
            if r.is_ok() {
                r = self.lambdas_in(c);
            }
        });
        r
    }

    /// A `yield` only stands in a function's own code: not at module level or in a
    /// class body, and not inside a comprehension (whose code is a function of its own).
    fn yields_in(&self, e: &Expr, in_function: bool) -> Result<(), SyntaxError> {
        let inside = |kind: &str, elt: &[&Expr], comps: &[Comprehension]| {
            let first = comps.first().map(|c| &c.iter);
            if let Some(first) = first {
                self.yields_in(first, in_function)?;
            }
            let mut rest: Vec<&Expr> = elt.to_vec();
            for (k, c) in comps.iter().enumerate() {
                if k > 0 {
                    rest.push(&c.iter);
                }
                rest.extend(c.ifs.iter());
            }
            for x in rest {
                if let Some(y) = first_yield(x) {
                    return Err(self.error(format!("'yield' inside {kind}"), y.span));
                }
            }
            Ok(())
        };
        match &e.kind {
            ExprKind::Yield(_) | ExprKind::YieldFrom(_) if !in_function => {
                Err(self.error("'yield' outside function", e.span))
            }
            ExprKind::Lambda(def) => {
                for p in def.params.positional.iter().chain(def.params.kwonly.iter()) {
                    if let Some(d) = &p.default {
                        self.yields_in(d, in_function)?;
                    }
                }
                match def.body.first().map(|s| &s.kind) {
                    Some(StmtKind::Return(Some(body))) => self.yields_in(body, true),
                    _ => Ok(()),
                }
            }
            ExprKind::Comp(kind, elt, comps) => inside(
                match kind {
                    CompKind::List => "list comprehension",
                    CompKind::Set => "set comprehension",
                },
                &[elt],
                comps,
            ),
            ExprKind::DictComp(k, v, comps) => inside("dict comprehension", &[k, v], comps),
            ExprKind::GenExp(def) => match &def.genexp {
                Some(g) => inside("generator expression", &[&g.elt], &g.comps),
                None => Ok(()),
            },
            _ => {
                let mut r = Ok(());
                super::walk::for_each_child_expr(e, &mut |c| {
                    if r.is_ok() {
                        r = self.yields_in(c, in_function);
                    }
                });
                r
            }
        }
    }

    /// A `global x` must come before any use of `x` in the same function.
    fn globals_order(&self, body: &[Stmt]) -> Result<(), SyntaxError> {
        let mut seen_load: Vec<(Name, bool)> = Vec::new();
        self.scan(body, &mut seen_load)
    }

    fn scan(&self, body: &[Stmt], seen: &mut Vec<(Name, bool)>) -> Result<(), SyntaxError> {
        for s in body {
            if let StmtKind::Global(names) = &s.kind {
                for n in names {
                    if let Some((_, assigned)) = seen.iter().find(|(k, _)| k == n) {
                        let msg = if *assigned {
                            format!("name '{n}' is assigned to before global declaration")
                        } else {
                            format!("name '{n}' is used prior to global declaration")
                        };
                        return Err(self.error(msg, s.span));
                    }
                }
                continue;
            }
            if matches!(s.kind, StmtKind::FunctionDef(..) | StmtKind::ClassDef(..)) {
                if let StmtKind::FunctionDef(_, id, _) = &s.kind {
                    seen.push((id.name.clone(), true));
                }
                continue;
            }
            let assigned_targets: Vec<&Expr> = match &s.kind {
                StmtKind::Assign(ts, _) => ts.iter().collect(),
                StmtKind::AugAssign(t, ..) | StmtKind::For(t, ..) => vec![t],
                _ => vec![],
            };
            super::walk::for_each_stmt_expr(s, &mut |e| {
                let assigned = assigned_targets.iter().any(|t| std::ptr::eq(*t, e));
                names_in(e, assigned, seen);
            });
            for b in super::walk::for_each_sub_block(s) {
                self.scan(b, seen)?;
            }
        }
        Ok(())
    }
}

fn names_in(e: &Expr, assigned: bool, out: &mut Vec<(Name, bool)>) {
    match &e.kind {
        ExprKind::Name(id) => out.push((id.name.clone(), assigned)),
        ExprKind::Lambda(_) => {}
        _ => super::walk::for_each_child_expr(e, &mut |c| names_in(c, assigned, out)),
    }
}

/// The first `yield` in `e`, outside lambdas (whose body is a function of its own).
fn first_yield(e: &Expr) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => Some(e),
        ExprKind::Lambda(_) => None,
        _ => {
            let mut found = None;
            super::walk::for_each_child_expr(e, &mut |c| {
                if found.is_none() {
                    found = first_yield(c);
                }
            });
            found
        }
    }
}
