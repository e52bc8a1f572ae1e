//! Tree back to text: Python source that parses to an equal tree.
//!
//! The printer's one promise is the round trip `parse(print(tree)) == tree` (spans and
//! resolver slots aside), which the property test in `tests/roundtrip.rs` checks. It is
//! not a formatter: it adds parentheses only where precedence needs them, prints one
//! statement per line, and indents blocks with four spaces.
//!
//! Two things cannot be written the obvious way and shape the code below:
//! - parentheses are free in this tree (`(x)` parses to `x`), except around a starred
//!   item or a slice, so a sub-expression is wrapped whenever its precedence is lower
//!   than where it stands;
//! - the expressions inside an f-string's `{...}` may hold neither a backslash nor the
//!   f-string's own quote (Python 3.11 rules), so an f-string tries each quote style
//!   until one can hold everything inside it.

use super::ast::*;
use std::fmt::Write;

/// The source text of a whole program.
pub fn module(m: &Module) -> String {
    let mut p = Printer::default();
    for s in &m.body {
        p.stmt(s);
    }
    p.out
}

/// The source text of one expression, as `parse_expression` reads it.
pub fn expr(e: &Expr) -> String {
    let mut p = Printer::default();
    p.expr(e, TUPLE);
    p.out
}

// Binding strength, weakest first. An expression is written bare where the grammar
// wants a level at or below its own (`prec(e) >= want`), else in parentheses.
const TUPLE: u8 = 0;
const TEST: u8 = 1;
const OR: u8 = 2;
const AND: u8 = 3;
const NOT: u8 = 4;
const CMP: u8 = 5;
const BOR: u8 = 6;
const BXOR: u8 = 7;
const BAND: u8 = 8;
const SHIFT: u8 = 9;
const ARITH: u8 = 10;
const TERM: u8 = 11;
const FACTOR: u8 = 12;
const POWER: u8 = 13;
const PRIMARY: u8 = 14;
const ATOM: u8 = 15;

fn binop_prec(op: BinOp) -> u8 {
    match op {
        BinOp::BitOr => BOR,
        BinOp::BitXor => BXOR,
        BinOp::BitAnd => BAND,
        BinOp::LShift | BinOp::RShift => SHIFT,
        BinOp::Add | BinOp::Sub => ARITH,
        BinOp::Mul | BinOp::Div | BinOp::FloorDiv | BinOp::Mod | BinOp::MatMul => TERM,
        BinOp::Pow => POWER,
    }
}

fn prec(e: &Expr) -> u8 {
    match &e.kind {
        ExprKind::Tuple(items) if !items.is_empty() => TUPLE,
        ExprKind::Lambda(_) | ExprKind::IfExp(..) | ExprKind::Starred(_) => TEST,
        ExprKind::Or(..) => OR,
        ExprKind::And(..) => AND,
        ExprKind::Unary(UnaryOp::Not, _) => NOT,
        ExprKind::Compare(..) => CMP,
        ExprKind::Binary(_, op, _) => binop_prec(*op),
        ExprKind::Unary(..) => FACTOR,
        ExprKind::Attribute(..) | ExprKind::Subscript(..) | ExprKind::Call(..) => PRIMARY,
        // A negative number is not a literal: `-1` parses as a unary minus.
        ExprKind::Const(Const::Int(i)) if *i < 0 => FACTOR,
        ExprKind::Const(Const::Float(f)) if f.is_sign_negative() => FACTOR,
        _ => ATOM,
    }
}

/// The quote styles an f-string may take, in order of preference.
const FQUOTES: [&str; 4] = ["'", "\"", "'''", "\"\"\""];

#[derive(Default)]
struct Printer {
    out: String,
    indent: usize,
    /// Quote characters in use by enclosing f-strings: a string literal printed here
    /// may not contain them, nor any backslash.
    fquotes: Vec<char>,
    /// Set when something could not be written under the f-string constraints.
    failed: bool,
}

impl Printer {
    fn nested(&self) -> Printer {
        Printer {
            out: String::new(),
            indent: 0,
            fquotes: self.fquotes.clone(),
            failed: false,
        }
    }

    fn in_fstring(&self) -> bool {
        !self.fquotes.is_empty()
    }

    // -----------------------------------------------------------------------------
    // Statements

    fn line(&mut self, text: &str) {
        for _ in 0..self.indent {
            self.out.push_str("    ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// Start a line; the caller writes the rest and calls `end_line`.
    fn start_line(&mut self) {
        for _ in 0..self.indent {
            self.out.push_str("    ");
        }
    }

    fn end_line(&mut self) {
        self.out.push('\n');
    }

    fn block(&mut self, body: &[Stmt]) {
        self.indent += 1;
        if body.is_empty() {
            // Only a hand-made tree has an empty block; `pass` keeps the text valid.
            self.line("pass");
        }
        for s in body {
            self.stmt(s);
        }
        self.indent -= 1;
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Expr(e) => {
                self.start_line();
                self.expr(e, TUPLE);
                self.end_line();
            }
            StmtKind::Assign(targets, value) => {
                self.start_line();
                for t in targets {
                    self.expr(t, TUPLE);
                    self.out.push_str(" = ");
                }
                self.expr(value, TUPLE);
                self.end_line();
            }
            StmtKind::AugAssign(target, op, value) => {
                self.start_line();
                self.expr(target, TUPLE);
                let _ = write!(self.out, " {}= ", op.symbol());
                self.expr(value, TUPLE);
                self.end_line();
            }
            StmtKind::AnnAssign(target, ann, value) => {
                self.start_line();
                self.expr(target, TUPLE);
                self.out.push_str(": ");
                self.expr(ann, TEST);
                if let Some(v) = value {
                    self.out.push_str(" = ");
                    self.expr(v, TUPLE);
                }
                self.end_line();
            }
            StmtKind::If(test, body, orelse) => self.if_stmt("if", test, body, orelse),
            StmtKind::While(test, body, orelse) => {
                self.start_line();
                self.out.push_str("while ");
                self.expr(test, TEST);
                self.out.push(':');
                self.end_line();
                self.block(body);
                self.else_block("else", orelse);
            }
            StmtKind::For(target, iter, body, orelse) => {
                self.start_line();
                self.out.push_str("for ");
                self.target_list(target);
                self.out.push_str(" in ");
                self.expr(iter, TUPLE);
                self.out.push(':');
                self.end_line();
                self.block(body);
                self.else_block("else", orelse);
            }
            StmtKind::Break => self.line("break"),
            StmtKind::Continue => self.line("continue"),
            StmtKind::Pass => self.line("pass"),
            StmtKind::Return(value) => {
                self.start_line();
                self.out.push_str("return");
                if let Some(v) = value {
                    self.out.push(' ');
                    self.expr(v, TUPLE);
                }
                self.end_line();
            }
            StmtKind::FunctionDef(def, name, decorators) => {
                self.decorators(decorators);
                self.start_line();
                let _ = write!(self.out, "def {}(", name.name);
                self.params(&def.params);
                self.out.push(')');
                if let Some(ret) = def.params.returns() {
                    self.out.push_str(" -> ");
                    self.expr(ret, TEST);
                }
                self.out.push(':');
                self.end_line();
                self.block(&def.body);
            }
            StmtKind::ClassDef(class) => {
                self.decorators(&class.decorators);
                self.start_line();
                let _ = write!(self.out, "class {}", class.name.name);
                if !class.bases.is_empty() {
                    self.out.push('(');
                    self.args(&class.bases);
                    self.out.push(')');
                }
                self.out.push(':');
                self.end_line();
                self.block(&class.body);
            }
            StmtKind::Try(body, handlers, orelse, finalbody) => {
                self.line("try:");
                self.block(body);
                for h in handlers {
                    self.start_line();
                    self.out.push_str("except");
                    if let Some(kind) = &h.kind {
                        self.out.push(' ');
                        self.expr(kind, TEST);
                        if let Some(name) = &h.name {
                            let _ = write!(self.out, " as {}", name.name);
                        }
                    }
                    self.out.push(':');
                    self.end_line();
                    self.block(&h.body);
                }
                self.else_block("else", orelse);
                self.else_block("finally", finalbody);
            }
            StmtKind::Raise(exc, cause) => {
                self.start_line();
                self.out.push_str("raise");
                if let Some(e) = exc {
                    self.out.push(' ');
                    self.expr(e, TEST);
                    if let Some(c) = cause {
                        self.out.push_str(" from ");
                        self.expr(c, TEST);
                    }
                }
                self.end_line();
            }
            StmtKind::Assert(test, msg) => {
                self.start_line();
                self.out.push_str("assert ");
                self.expr(test, TEST);
                if let Some(m) = msg {
                    self.out.push_str(", ");
                    self.expr(m, TEST);
                }
                self.end_line();
            }
            StmtKind::Import(names) => {
                let parts: Vec<String> = names
                    .iter()
                    .map(|n| match &n.asname {
                        Some(a) => format!("{} as {}", n.module, a.name),
                        None => n.module.to_string(),
                    })
                    .collect();
                self.line(&format!("import {}", parts.join(", ")));
            }
            StmtKind::ImportFrom(module, names, _) => {
                let what = if names.is_empty() {
                    "*".to_string()
                } else {
                    names
                        .iter()
                        .map(|(name, bound)| {
                            if bound.name == *name {
                                name.to_string()
                            } else {
                                format!("{} as {}", name, bound.name)
                            }
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                self.line(&format!("from {module} import {what}"));
            }
            StmtKind::Global(names) => self.line(&format!("global {}", names.join(", "))),
            StmtKind::Nonlocal(names) => self.line(&format!("nonlocal {}", names.join(", "))),
            StmtKind::Del(targets) => {
                self.start_line();
                self.out.push_str("del ");
                // `del ()` deletes nothing, and parses to no targets.
                if targets.is_empty() {
                    self.out.push_str("()");
                }
                for (k, t) in targets.iter().enumerate() {
                    if k > 0 {
                        self.out.push_str(", ");
                    }
                    self.expr(t, BOR);
                }
                self.end_line();
            }
            StmtKind::With(items, body) => {
                self.start_line();
                self.out.push_str("with ");
                for (k, (ctx, target)) in items.iter().enumerate() {
                    if k > 0 {
                        self.out.push_str(", ");
                    }
                    self.expr(ctx, TEST);
                    if let Some(t) = target {
                        self.out.push_str(" as ");
                        self.expr(t, BOR);
                    }
                }
                self.out.push(':');
                self.end_line();
                self.block(body);
            }
        }
    }

    fn if_stmt(&mut self, word: &str, test: &Expr, body: &[Stmt], orelse: &[Stmt]) {
        self.start_line();
        let _ = write!(self.out, "{word} ");
        self.expr(test, TEST);
        self.out.push(':');
        self.end_line();
        self.block(body);
        // `else:` holding only an `if` is the same tree as `elif`.
        if let [Stmt {
            kind: StmtKind::If(t, b, o),
            ..
        }] = orelse
        {
            self.if_stmt("elif", t, b, o);
        } else {
            self.else_block("else", orelse);
        }
    }

    fn else_block(&mut self, word: &str, body: &[Stmt]) {
        if !body.is_empty() {
            self.line(&format!("{word}:"));
            self.block(body);
        }
    }

    fn decorators(&mut self, decorators: &[Expr]) {
        for d in decorators {
            self.start_line();
            self.out.push('@');
            self.expr(d, TEST);
            self.end_line();
        }
    }

    fn params(&mut self, params: &Params) {
        // Annotations are printed in order, each by the parameter that owns it.
        let mut notes = params.annotations.iter().map(|(_, e)| e);
        let mut first = true;
        let mut sep = |out: &mut String| {
            if !first {
                out.push_str(", ");
            }
            first = false;
        };
        for p in &params.positional {
            sep(&mut self.out);
            self.param(p, &mut notes);
        }
        if let Some(star) = &params.star {
            sep(&mut self.out);
            let _ = write!(self.out, "*{}", star.name);
            if params.star_annotated {
                self.annotation(notes.next());
            }
        } else if !params.kwonly.is_empty() {
            sep(&mut self.out);
            self.out.push('*');
        }
        for p in &params.kwonly {
            sep(&mut self.out);
            self.param(p, &mut notes);
        }
        if let Some(ss) = &params.starstar {
            sep(&mut self.out);
            let _ = write!(self.out, "**{}", ss.name);
            if params.starstar_annotated {
                self.annotation(notes.next());
            }
        }
    }

    fn annotation(&mut self, note: Option<&Expr>) {
        if let Some(a) = note {
            self.out.push_str(": ");
            self.expr(a, TEST);
        }
    }

    fn param<'e>(&mut self, p: &Param, notes: &mut impl Iterator<Item = &'e Expr>) {
        self.out.push_str(&p.name.name);
        if p.annotated {
            self.annotation(notes.next());
        }
        if let Some(d) = &p.default {
            // PEP 8's spacing, and what a `:` annotation before `=` needs to read well.
            if p.annotated {
                self.out.push_str(" = ");
            } else {
                self.out.push('=');
            }
            self.expr(d, TEST);
        }
    }

    /// A `for` target: a bare tuple of targets, each at `bitwise_or` level.
    fn target_list(&mut self, target: &Expr) {
        match &target.kind {
            ExprKind::Tuple(items) if !items.is_empty() => {
                for (k, t) in items.iter().enumerate() {
                    if k > 0 {
                        self.out.push_str(", ");
                    }
                    self.starred_or(t, BOR);
                }
                if items.len() == 1 {
                    self.out.push(',');
                }
            }
            _ => self.expr(target, BOR),
        }
    }

    // -----------------------------------------------------------------------------
    // Expressions

    /// Write `e` where the grammar wants level `want`, in parentheses if it binds looser.
    fn expr(&mut self, e: &Expr, want: u8) {
        let p = prec(e);
        if p < want {
            self.out.push('(');
            self.expr_bare(e, TUPLE);
            self.out.push(')');
        } else {
            self.expr_bare(e, want);
        }
    }

    /// An item of a display or call that may be `*starred`.
    fn starred_or(&mut self, e: &Expr, want: u8) {
        if let ExprKind::Starred(inner) = &e.kind {
            self.out.push('*');
            self.expr(inner, BOR);
        } else {
            self.expr(e, want);
        }
    }

    fn comma_list(&mut self, items: &[Expr]) {
        for (k, e) in items.iter().enumerate() {
            if k > 0 {
                self.out.push_str(", ");
            }
            self.starred_or(e, TEST);
        }
    }

    fn expr_bare(&mut self, e: &Expr, want: u8) {
        match &e.kind {
            ExprKind::Name(id) => self.out.push_str(&id.name),
            ExprKind::Const(c) => self.constant(c),
            ExprKind::FString(parts) => self.fstring(parts),
            ExprKind::Tuple(items) => {
                // Bare only where a whole `star_expressions` stands; else an atom.
                let bare = want == TUPLE && !items.is_empty();
                if !bare {
                    self.out.push('(');
                }
                self.comma_list(items);
                if items.len() == 1 {
                    self.out.push(',');
                }
                if !bare {
                    self.out.push(')');
                }
            }
            ExprKind::List(items) => {
                self.out.push('[');
                self.comma_list(items);
                self.out.push(']');
            }
            ExprKind::Set(items) => {
                self.out.push('{');
                self.comma_list(items);
                self.out.push('}');
            }
            ExprKind::Dict(pairs) => {
                self.out.push('{');
                for (k, (key, value)) in pairs.iter().enumerate() {
                    if k > 0 {
                        self.out.push_str(", ");
                    }
                    match key {
                        Some(key) => {
                            self.expr(key, TEST);
                            self.out.push_str(": ");
                            self.expr(value, TEST);
                        }
                        None => {
                            self.out.push_str("**");
                            self.expr(value, BOR);
                        }
                    }
                }
                self.out.push('}');
            }
            ExprKind::Attribute(value, name) => {
                // `1.real` lexes as the float `1.` followed by a name.
                let numeric = matches!(
                    value.kind,
                    ExprKind::Const(Const::Int(_) | Const::BigInt(_) | Const::Float(_))
                );
                if numeric {
                    self.out.push('(');
                    self.expr(value, TUPLE);
                    self.out.push(')');
                } else {
                    self.expr(value, PRIMARY);
                }
                self.out.push('.');
                self.out.push_str(&name.name);
            }
            ExprKind::Subscript(value, index) => {
                self.expr(value, PRIMARY);
                self.out.push('[');
                self.subscript_index(index);
                self.out.push(']');
            }
            ExprKind::Slice(lower, upper, step) => {
                // Only inside a subscript; elsewhere there is no way to write one.
                self.slice(lower, upper, step);
            }
            ExprKind::Call(func, args) => {
                self.expr(func, PRIMARY);
                self.out.push('(');
                self.args(args);
                self.out.push(')');
            }
            ExprKind::Unary(op, operand) => match op {
                UnaryOp::Not => {
                    self.out.push_str("not ");
                    self.expr(operand, NOT);
                }
                _ => {
                    self.out.push(match op {
                        UnaryOp::Neg => '-',
                        UnaryOp::Pos => '+',
                        _ => '~',
                    });
                    self.expr(operand, FACTOR);
                }
            },
            ExprKind::Binary(left, op, right) => {
                let p = binop_prec(*op);
                if *op == BinOp::Pow {
                    // `primary ** factor`: right-associative, and `-x ** y` is `-(x ** y)`.
                    self.expr(left, PRIMARY);
                    self.out.push_str(" ** ");
                    self.expr(right, FACTOR);
                } else {
                    self.expr(left, p);
                    let _ = write!(self.out, " {} ", op.symbol());
                    self.expr(right, p + 1);
                }
            }
            ExprKind::And(left, right) => {
                self.expr(left, AND);
                self.out.push_str(" and ");
                self.expr(right, NOT);
            }
            ExprKind::Or(left, right) => {
                self.expr(left, OR);
                self.out.push_str(" or ");
                self.expr(right, AND);
            }
            ExprKind::Compare(first, rest) => {
                self.expr(first, BOR);
                for (op, right) in rest {
                    let _ = write!(self.out, " {} ", op.symbol());
                    self.expr(right, BOR);
                }
            }
            ExprKind::IfExp(test, body, orelse) => {
                self.expr(body, OR);
                self.out.push_str(" if ");
                self.expr(test, OR);
                self.out.push_str(" else ");
                self.expr(orelse, TEST);
            }
            ExprKind::Lambda(def) => {
                self.out.push_str("lambda");
                let p = &def.params;
                if !(p.positional.is_empty()
                    && p.star.is_none()
                    && p.kwonly.is_empty()
                    && p.starstar.is_none())
                {
                    self.out.push(' ');
                    self.params(p);
                }
                self.out.push_str(": ");
                match def.body.as_slice() {
                    [Stmt {
                        kind: StmtKind::Return(Some(body)),
                        ..
                    }] => self.expr(body, TEST),
                    // Only a hand-made tree has another body.
                    _ => self.out.push_str("None"),
                }
            }
            ExprKind::Comp(kind, elt, comps) => {
                let (open, close) = match kind {
                    CompKind::List => ('[', ']'),
                    CompKind::Set => ('{', '}'),
                };
                self.out.push(open);
                self.expr(elt, TEST);
                self.comprehensions(comps);
                self.out.push(close);
            }
            ExprKind::DictComp(key, value, comps) => {
                self.out.push('{');
                self.expr(key, TEST);
                self.out.push_str(": ");
                self.expr(value, TEST);
                self.comprehensions(comps);
                self.out.push('}');
            }
            ExprKind::Starred(inner) => {
                self.out.push('*');
                self.expr(inner, BOR);
            }
            ExprKind::Walrus(name, value) => {
                // Parenthesised everywhere: that is always allowed and never changes the tree.
                let _ = write!(self.out, "({} := ", name.name);
                self.expr(value, TEST);
                self.out.push(')');
            }
            ExprKind::GenExp(def) => {
                self.out.push('(');
                if let Some(g) = &def.genexp {
                    self.expr(&g.elt, TEST);
                    self.comprehensions(&g.comps);
                }
                self.out.push(')');
            }
            // Parenthesised everywhere, as a yield must be inside other expressions.
            ExprKind::Yield(v) => {
                self.out.push_str("(yield");
                if let Some(v) = v {
                    self.out.push(' ');
                    self.expr(v, TEST);
                }
                self.out.push(')');
            }
            ExprKind::YieldFrom(v) => {
                self.out.push_str("(yield from ");
                self.expr(v, TEST);
                self.out.push(')');
            }
        }
    }

    fn subscript_index(&mut self, index: &Expr) {
        match &index.kind {
            ExprKind::Tuple(items)
                if !items.is_empty()
                    && !items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) =>
            {
                for (k, item) in items.iter().enumerate() {
                    if k > 0 {
                        self.out.push_str(", ");
                    }
                    self.subscript_item(item);
                }
                if items.len() == 1 {
                    self.out.push(',');
                }
            }
            _ => self.subscript_item(index),
        }
    }

    fn subscript_item(&mut self, item: &Expr) {
        match &item.kind {
            ExprKind::Slice(lower, upper, step) => self.slice(lower, upper, step),
            _ => self.expr(item, TEST),
        }
    }

    fn slice(
        &mut self,
        lower: &Option<Box<Expr>>,
        upper: &Option<Box<Expr>>,
        step: &Option<Box<Expr>>,
    ) {
        if let Some(l) = lower {
            self.expr(l, TEST);
        }
        self.out.push(':');
        if let Some(u) = upper {
            self.expr(u, TEST);
        }
        if let Some(s) = step {
            self.out.push(':');
            self.expr(s, TEST);
        }
    }

    fn args(&mut self, args: &[Arg]) {
        for (k, a) in args.iter().enumerate() {
            if k > 0 {
                self.out.push_str(", ");
            }
            match a {
                Arg::Pos(e) => self.expr(e, TEST),
                Arg::Star(e) => {
                    self.out.push('*');
                    self.expr(e, TEST);
                }
                Arg::Kw(name, e) => {
                    let _ = write!(self.out, "{name}=");
                    self.expr(e, TEST);
                }
                Arg::StarStar(e) => {
                    self.out.push_str("**");
                    self.expr(e, TEST);
                }
            }
        }
    }

    fn comprehensions(&mut self, comps: &[Comprehension]) {
        for c in comps {
            self.out.push_str(" for ");
            self.target_list(&c.target);
            self.out.push_str(" in ");
            self.expr(&c.iter, OR);
            for cond in &c.ifs {
                self.out.push_str(" if ");
                self.expr(cond, OR);
            }
        }
    }

    // -----------------------------------------------------------------------------
    // Literals

    fn constant(&mut self, c: &Const) {
        match c {
            Const::None => self.out.push_str("None"),
            Const::True => self.out.push_str("True"),
            Const::False => self.out.push_str("False"),
            Const::Ellipsis => self.out.push_str("..."),
            Const::Int(i) => {
                let _ = write!(self.out, "{i}");
            }
            Const::BigInt(b) => {
                let _ = write!(self.out, "{b}");
            }
            Const::Float(f) => self.out.push_str(&float_literal(*f)),
            Const::Str(s) => self.str_literal(s),
            Const::Bytes(b) => self.bytes_literal(b),
        }
    }

    /// A quote character a literal may use here: not one an enclosing f-string uses.
    fn pick_quote(&mut self, text_has: impl Fn(char) -> bool) -> char {
        let free: Vec<char> = ['\'', '"']
            .into_iter()
            .filter(|q| !self.fquotes.contains(q))
            .collect();
        // Prefer a quote the text does not contain, so that no escape is needed.
        if let Some(q) = free.iter().copied().find(|&q| !text_has(q)) {
            return q;
        }
        match free.first() {
            Some(&q) => q,
            None => {
                self.failed = true;
                '\''
            }
        }
    }

    fn str_literal(&mut self, s: &str) {
        let q = self.pick_quote(|q| s.contains(q));
        let body = if self.in_fstring() {
            // No backslash may stand here: write characters as they are where possible.
            unescaped(s, q).unwrap_or_else(|| {
                self.failed = true;
                escape_str(s, q)
            })
        } else {
            escape_str(s, q)
        };
        let _ = write!(self.out, "{q}{body}{q}");
    }

    fn bytes_literal(&mut self, b: &[u8]) {
        let q = self.pick_quote(|q| b.contains(&(q as u8)));
        if self.in_fstring() {
            if let Some(body) = b
                .is_ascii()
                .then(|| b.iter().map(|&c| c as char).collect::<String>())
                .and_then(|s| unescaped(&s, q))
            {
                let _ = write!(self.out, "b{q}{body}{q}");
                return;
            }
        }
        let mut body = String::new();
        for &c in b {
            match c {
                b'\\' => body.push_str("\\\\"),
                b'\n' => body.push_str("\\n"),
                b'\r' => body.push_str("\\r"),
                b'\t' => body.push_str("\\t"),
                c if c == q as u8 => {
                    body.push('\\');
                    body.push(c as char);
                }
                0x20..=0x7e => body.push(c as char),
                c => {
                    let _ = write!(body, "\\x{c:02x}");
                }
            }
        }
        if self.in_fstring() && body.contains('\\') {
            self.failed = true;
        }
        let _ = write!(self.out, "b{q}{body}{q}");
    }

    fn fstring(&mut self, parts: &[FPart]) {
        let mut fallback = None;
        for quote in FQUOTES {
            let qc = quote.chars().next().unwrap_or('\'');
            if self.fquotes.contains(&qc) {
                continue;
            }
            let mut inner = self.nested();
            inner.fquotes.push(qc);
            let body = inner.fstring_parts(parts, qc, true);
            let fits = if quote.len() == 3 {
                !body.contains(quote) && !body.ends_with(qc)
            } else {
                !body.contains(['\n', '\r'])
            };
            if !inner.failed && fits {
                let _ = write!(self.out, "f{quote}{body}{quote}");
                return;
            }
            fallback.get_or_insert(format!("f{quote}{body}{quote}"));
        }
        // No quote style can hold these parts (Python 3.11 cannot write them either).
        self.failed = true;
        self.out
            .push_str(&fallback.unwrap_or_else(|| "f''".to_string()));
    }

    /// The text between an f-string's quotes, `top` outside any format spec (where
    /// braces are doubled; inside a spec a brace always opens a field).
    fn fstring_parts(&mut self, parts: &[FPart], q: char, top: bool) -> String {
        let mut body = String::new();
        for part in parts {
            match part {
                FPart::Lit(s) => {
                    // Inside another f-string's expression no backslash may appear at all.
                    let nested = self.fquotes.len() > 1;
                    let text = match (nested, unescaped(s, q)) {
                        (true, Some(raw)) => raw,
                        _ => escape_str(s, q),
                    };
                    if top {
                        body.push_str(&text.replace('{', "{{").replace('}', "}}"));
                    } else {
                        if text.contains(['{', '}']) {
                            self.failed = true;
                        }
                        body.push_str(&text);
                    }
                    if nested && text.contains('\\') {
                        self.failed = true;
                    }
                }
                FPart::Expr {
                    expr,
                    conversion,
                    spec,
                    debug,
                } => {
                    body.push('{');
                    let text = match debug {
                        // `{x=}` prints the expression's own text; it re-parses to `expr`.
                        Some(d) => d.clone(),
                        None => {
                            let mut p = self.nested();
                            p.expr(expr, TEST);
                            if p.failed {
                                self.failed = true;
                            }
                            let mut t = p.out;
                            if field_needs_parens(&t) {
                                t = format!("({t})");
                            }
                            // `{{` would be a literal brace.
                            if t.starts_with('{') {
                                t.insert(0, ' ');
                            }
                            t
                        }
                    };
                    if text.contains('\\') || self.fquotes.iter().any(|&c| text.contains(c)) {
                        self.failed = true;
                    }
                    body.push_str(&text);
                    if let Some(c) = conversion {
                        body.push('!');
                        body.push(*c);
                    }
                    if !spec.is_empty() {
                        body.push(':');
                        let s = self.fstring_parts(spec, q, false);
                        body.push_str(&s);
                    }
                    body.push('}');
                }
            }
        }
        body
    }
}

/// Whether an f-string field's text holds, outside brackets and strings, a character
/// that would end the expression early (`:`, `!`, a lone `=`).
fn field_needs_parens(t: &str) -> bool {
    let b = t.as_bytes();
    let mut nest = 0i32;
    let mut quote: Option<u8> = None;
    for (i, &c) in b.iter().enumerate() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            b'\'' | b'"' => quote = Some(c),
            b'(' | b'[' | b'{' => nest += 1,
            b')' | b']' | b'}' => nest -= 1,
            b':' if nest == 0 => return true,
            b'!' if nest == 0 && b.get(i + 1) != Some(&b'=') => return true,
            b'=' if nest == 0
                && b.get(i + 1) != Some(&b'=')
                && !matches!(
                    i.checked_sub(1).and_then(|j| b.get(j)),
                    Some(b'=' | b'!' | b'<' | b'>')
                ) =>
            {
                return true
            }
            _ => {}
        }
    }
    false
}

/// A literal's body for quote `q` with no escapes at all, if the text allows it: no
/// backslash, quote, line break or NUL (which source text cannot hold).
fn unescaped(s: &str, q: char) -> Option<String> {
    let impossible = |c: char| matches!(c, '\\' | '\n' | '\r' | '\0') || c == q;
    (!s.contains(impossible)).then(|| s.to_string())
}

/// `repr`-style text of a str literal's body for quote `q`.
fn escape_str(s: &str, q: char) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            // Invisible or line-breaking characters are written as escapes, like `repr`.
            c if c.is_control() || (c.is_whitespace() && c != ' ') || c == '\u{feff}' => {
                let v = c as u32;
                if v <= 0xff {
                    let _ = write!(out, "\\x{v:02x}");
                } else if v <= 0xffff {
                    let _ = write!(out, "\\u{v:04x}");
                } else {
                    let _ = write!(out, "\\U{v:08x}");
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// A float literal that reads back as the same value: Rust's shortest round-trip form,
/// which always has a `.` or an exponent. Infinity has no literal; `1e999` overflows to it.
fn float_literal(f: f64) -> String {
    if f.is_infinite() {
        return if f > 0.0 { "1e999" } else { "-1e999" }.to_string();
    }
    if f.is_nan() {
        // Not writable as a literal at all; keep the text valid.
        return "(1e999 - 1e999)".to_string();
    }
    format!("{f:?}")
}
