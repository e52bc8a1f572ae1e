//! Deciding, before a program runs, where each name lives.
//!
//! Python's rule: a name assigned anywhere in a function is local to it (unless declared
//! `global`/`nonlocal`); a name only read is found in the enclosing functions, then the
//! module's globals, then the built-ins. Class bodies keep their names in the class's
//! namespace and are invisible to the methods inside them. Comprehension variables are
//! private to the comprehension.
//!
//! Each `Ident` gets a `Slot`: a kind in the top bits and an index below.

use super::value::Globals;
use crate::syntax::ast::*;
use crate::syntax::walk::{for_each_child_expr, for_each_stmt_expr, for_each_sub_block};
use crate::syntax::{ErrorKind, SyntaxError};
use indexmap::{IndexMap, IndexSet};
use std::sync::Arc;

pub const KIND_SHIFT: u32 = 28;
pub const INDEX_MASK: u32 = (1 << KIND_SHIFT) - 1;
/// A plain local variable: `frame.slots[i]`.
pub const LOCAL: u32 = 0;
/// A variable shared with inner functions: `frame.slots[i]` holds a `Value::Cell`.
pub const CELL: u32 = 1;
/// A module global: `globals.values[i]`, then the built-ins.
pub const GLOBAL: u32 = 2;
/// A name bound in a class body: the class namespace, else global `i`.
pub const CLASS_GLOBAL: u32 = 3;

pub fn encode(kind: u32, index: usize) -> u32 {
    (kind << KIND_SHIFT) | (index as u32 & INDEX_MASK)
}

/// How deep expressions may nest before CPython's compiler gives up.
const MAX_EXPR_DEPTH: usize = 2990;

/// CPython refuses absurdly deep expressions at compile time; so do we, before the
/// evaluator's recursion could exhaust the stack.
pub fn check_depth(module: &Module) -> Result<(), SyntaxError> {
    fn expr(e: &Expr, d: usize) -> bool {
        if d > MAX_EXPR_DEPTH {
            return false;
        }
        let mut ok = true;
        for_each_child_expr(e, &mut |c| ok = ok && expr(c, d + 1));
        ok
    }
    fn stmts(body: &[Stmt]) -> bool {
        body.iter().all(|s| {
            let mut ok = true;
            for_each_stmt_expr(s, &mut |e| ok = ok && expr(e, 1));
            ok && for_each_sub_block(s).iter().all(|b| stmts(b))
        })
    }
    if stmts(&module.body) {
        Ok(())
    } else {
        Err(SyntaxError::new(
            ErrorKind::Recursion,
            "maximum recursion depth exceeded during compilation",
            0,
            0,
        ))
    }
}

/// Names a block binds in its own scope, and its `global` / `nonlocal` declarations.
#[derive(Default)]
struct Bindings {
    bound: IndexSet<Name>,
    globals: IndexSet<Name>,
    nonlocals: IndexSet<Name>,
}

fn bind_target(e: &Expr, b: &mut Bindings) {
    match &e.kind {
        ExprKind::Name(id) => {
            b.bound.insert(id.name.clone());
        }
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            items.iter().for_each(|i| bind_target(i, b))
        }
        ExprKind::Starred(inner) => bind_target(inner, b),
        _ => {}
    }
}

fn walrus_targets(e: &Expr, b: &mut Bindings) {
    if let ExprKind::Walrus(id, _) = &e.kind {
        b.bound.insert(id.name.clone());
    }
    if matches!(e.kind, ExprKind::Lambda(_)) {
        return;
    }
    for_each_child_expr(e, &mut |c| walrus_targets(c, b));
}

fn collect_bindings(body: &[Stmt], b: &mut Bindings) {
    for s in body {
        match &s.kind {
            StmtKind::Assign(targets, _) => targets.iter().for_each(|t| bind_target(t, b)),
            StmtKind::AugAssign(t, ..) | StmtKind::AnnAssign(t, ..) => bind_target(t, b),
            StmtKind::For(t, ..) => bind_target(t, b),
            StmtKind::With(items, _) => {
                for (_, t) in items {
                    if let Some(t) = t {
                        bind_target(t, b);
                    }
                }
            }
            StmtKind::Try(_, handlers, ..) => {
                for h in handlers {
                    if let Some(n) = &h.name {
                        b.bound.insert(n.name.clone());
                    }
                }
            }
            StmtKind::Import(names) => {
                for n in names {
                    let id = n.asname.as_ref().unwrap_or(&n.bound);
                    b.bound.insert(id.name.clone());
                }
            }
            StmtKind::ImportFrom(_, names, _) => {
                for (_, id) in names {
                    b.bound.insert(id.name.clone());
                }
            }
            StmtKind::FunctionDef(_, id, _) => {
                b.bound.insert(id.name.clone());
            }
            StmtKind::ClassDef(c) => {
                b.bound.insert(c.name.name.clone());
            }
            StmtKind::Del(ts) => ts.iter().for_each(|t| bind_target(t, b)),
            StmtKind::Global(ns) => b.globals.extend(ns.iter().cloned()),
            StmtKind::Nonlocal(ns) => b.nonlocals.extend(ns.iter().cloned()),
            _ => {}
        }
        for_each_stmt_expr(s, &mut |e| walrus_targets(e, b));
        if !matches!(s.kind, StmtKind::FunctionDef(..) | StmtKind::ClassDef(..)) {
            for block in for_each_sub_block(s) {
                collect_bindings(block, b);
            }
        }
    }
}

/// Names used in a function (or class) body and its nested scopes that it does not
/// bind itself: what it needs from enclosing functions.
fn free_names(params: Option<&Params>, body: &[Stmt], is_class: bool) -> IndexSet<Name> {
    let mut b = Bindings::default();
    if let Some(p) = params {
        for name in param_names(p) {
            b.bound.insert(name);
        }
    }
    collect_bindings(body, &mut b);
    let mut used = IndexSet::new();
    let mut child_free = IndexSet::new();
    uses_in_block(body, &mut used, &mut child_free);
    let mut free = IndexSet::new();
    for n in used {
        if !b.bound.contains(&n) && !b.globals.contains(&n) {
            free.insert(n);
        }
    }
    for n in child_free {
        if is_class || (!b.bound.contains(&n) && !b.globals.contains(&n)) {
            free.insert(n);
        }
    }
    for n in b.nonlocals {
        free.insert(n);
    }
    free
}

fn uses_in_block(body: &[Stmt], used: &mut IndexSet<Name>, child_free: &mut IndexSet<Name>) {
    for s in body {
        match &s.kind {
            StmtKind::FunctionDef(def, _, _) => {
                for_each_stmt_expr(s, &mut |e| uses_in_expr(e, used, child_free));
                child_free.extend(free_names(Some(&def.params), &def.body, false));
                continue;
            }
            StmtKind::ClassDef(c) => {
                for_each_stmt_expr(s, &mut |e| uses_in_expr(e, used, child_free));
                child_free.extend(free_names(None, &c.body, true));
                continue;
            }
            _ => {}
        }
        for_each_stmt_expr(s, &mut |e| uses_in_expr(e, used, child_free));
        for block in for_each_sub_block(s) {
            uses_in_block(block, used, child_free);
        }
    }
}

fn uses_in_expr(e: &Expr, used: &mut IndexSet<Name>, child_free: &mut IndexSet<Name>) {
    match &e.kind {
        ExprKind::Name(id) => {
            used.insert(id.name.clone());
        }
        ExprKind::Lambda(def) => {
            for p in def.params.positional.iter().chain(def.params.kwonly.iter()) {
                if let Some(d) = &p.default {
                    uses_in_expr(d, used, child_free);
                }
            }
            child_free.extend(free_names(Some(&def.params), &def.body, false));
        }
        // `(y := f(x)) for ...` in a generator expression binds `y` in the enclosing
        // function, which the generator then reaches through a cell.
        ExprKind::Walrus(id, v) => {
            used.insert(id.name.clone());
            uses_in_expr(v, used, child_free);
        }
        ExprKind::GenExp(def) => {
            let Some(g) = &def.genexp else { return };
            if let Some(first) = g.comps.first() {
                uses_in_expr(&first.iter, used, child_free);
            }
            child_free.extend(genexp_free(g));
        }
        _ => for_each_child_expr(e, &mut |c| uses_in_expr(c, used, child_free)),
    }
}

/// What a generator expression reads beyond its own loop variables (its first
/// iterable is evaluated outside it): names it needs from enclosing functions.
fn genexp_free(g: &GenExpParts) -> IndexSet<Name> {
    let (used, inner) = genexp_uses(g);
    let mut targets = Bindings::default();
    for c in &g.comps {
        bind_target(&c.target, &mut targets);
    }
    used.into_iter()
        .chain(inner)
        .filter(|n| !targets.bound.contains(n))
        .collect()
}

/// Names a generator expression's own code reads, and those its lambdas read.
fn genexp_uses(g: &GenExpParts) -> (IndexSet<Name>, IndexSet<Name>) {
    let mut used = IndexSet::new();
    let mut inner = IndexSet::new();
    uses_in_expr(&g.elt, &mut used, &mut inner);
    for (k, c) in g.comps.iter().enumerate() {
        if k > 0 {
            uses_in_expr(&c.iter, &mut used, &mut inner);
        }
        for cond in &c.ifs {
            uses_in_expr(cond, &mut used, &mut inner);
        }
    }
    (used, inner)
}

fn param_names(p: &Params) -> Vec<Name> {
    let mut v: Vec<Name> = p.positional.iter().map(|x| x.name.name.clone()).collect();
    if let Some(s) = &p.star {
        v.push(s.name.clone());
    }
    v.extend(p.kwonly.iter().map(|x| x.name.name.clone()));
    if let Some(s) = &p.starstar {
        v.push(s.name.clone());
    }
    v
}

// ---------------------------------------------------------------------------------

#[derive(PartialEq)]
enum ScopeKind {
    Module,
    Function,
    Class,
}

struct Scope {
    kind: ScopeKind,
    /// Frame slots by name (locals, cells, free variables, comprehension variables).
    slots: IndexMap<Name, u32>,
    cells: IndexSet<Name>,
    bound: IndexSet<Name>,
    globals_decl: IndexSet<Name>,
    /// Free variables: name → slot here; the defining frame's slot is found at closure time.
    free: IndexMap<Name, u32>,
    /// Comprehension variables in scope, innermost last.
    comps: Vec<IndexMap<Name, u32>>,
    /// Comprehension variables that a lambda inside the comprehension reads: cells.
    comp_cells: IndexSet<u32>,
    uses_super: bool,
}

impl Scope {
    fn new_slot(&mut self, name: Name) -> u32 {
        let i = self.slots.len() as u32;
        self.slots.insert(name, i);
        i
    }
    fn layout(&self) -> FrameLayout {
        let mut cells: Vec<u32> = self
            .cells
            .iter()
            .filter_map(|n| self.slots.get(n).copied())
            .collect();
        cells.sort_unstable();
        FrameLayout {
            names: self.slots.keys().cloned().collect(),
            cells,
            freevars: self.free.values().copied().collect(),
            uses_super: self.uses_super,
            first_free: self
                .free
                .values()
                .next()
                .copied()
                .unwrap_or(self.slots.len() as u32),
        }
    }
}

struct Resolver<'g> {
    globals: &'g Arc<Globals>,
    scopes: Vec<Scope>,
}

/// Resolve a whole module (or one REPL entry) against `globals`.
pub fn resolve_module(module: &Module, globals: &Arc<Globals>) {
    let mut r = Resolver {
        globals,
        scopes: vec![Scope {
            kind: ScopeKind::Module,
            slots: IndexMap::new(),
            cells: IndexSet::new(),
            bound: IndexSet::new(),
            globals_decl: IndexSet::new(),
            free: IndexMap::new(),
            comps: vec![],
            comp_cells: IndexSet::new(),
            uses_super: false,
        }],
    };
    r.block(&module.body);
    let scope = r.scopes.pop();
    if let Some(s) = scope {
        let _ = module.layout.0.set(s.layout());
    }
}

impl<'g> Resolver<'g> {
    fn scope(&mut self) -> &mut Scope {
        let n = self.scopes.len() - 1;
        &mut self.scopes[n]
    }

    /// The slot for a name in the current scope.
    fn lookup(&mut self, name: &Name) -> u32 {
        let depth = self.scopes.len() - 1;
        let s = &self.scopes[depth];
        for comp in s.comps.iter().rev() {
            if let Some(&i) = comp.get(name) {
                let kind = if s.comp_cells.contains(&i) {
                    CELL
                } else {
                    LOCAL
                };
                return encode(kind, i as usize);
            }
        }
        match s.kind {
            ScopeKind::Module => encode(GLOBAL, self.globals.intern(name)),
            ScopeKind::Function => {
                if s.globals_decl.contains(name) {
                    return encode(GLOBAL, self.globals.intern(name));
                }
                if let Some(&i) = s.free.get(name) {
                    return encode(CELL, i as usize);
                }
                if s.bound.contains(name) {
                    let i = s.slots[name];
                    let kind = if s.cells.contains(name) { CELL } else { LOCAL };
                    return encode(kind, i as usize);
                }
                encode(GLOBAL, self.globals.intern(name))
            }
            ScopeKind::Class => {
                if s.globals_decl.contains(name) {
                    return encode(GLOBAL, self.globals.intern(name));
                }
                // A comprehension's own code does not see the class's names (only
                // its first iterable, resolved before its variables are pushed, does).
                if s.bound.contains(name) && s.comps.is_empty() {
                    return encode(CLASS_GLOBAL, self.globals.intern(name));
                }
                if let Some(&i) = s.free.get(name) {
                    return encode(CELL, i as usize);
                }
                encode(GLOBAL, self.globals.intern(name))
            }
        }
    }

    fn ident(&mut self, id: &Ident) {
        let slot = self.lookup(&id.name);
        id.slot.set(slot);
    }

    /// Free variables of a new scope that an enclosing function really provides.
    fn provided(&self, names: IndexSet<Name>) -> Vec<Name> {
        names
            .into_iter()
            .filter(|n| {
                self.scopes.iter().rev().any(|s| {
                    s.comps.iter().any(|c| c.contains_key(n))
                        || (s.kind == ScopeKind::Function
                            && !s.globals_decl.contains(n)
                            && (s.bound.contains(n) || s.free.contains_key(n)))
                })
            })
            .collect()
    }

    fn function(&mut self, def: &FuncDef) {
        let mut b = Bindings::default();
        let params = param_names(&def.params);
        for p in &params {
            b.bound.insert(p.clone());
        }
        collect_bindings(&def.body, &mut b);
        for g in &b.globals {
            b.bound.shift_remove(g);
        }
        for n in &b.nonlocals {
            b.bound.shift_remove(n);
        }
        let free = self.provided(free_names(Some(&def.params), &def.body, false));
        // Cells: names this function binds that inner functions read.
        let mut inner_free = IndexSet::new();
        let mut used = IndexSet::new();
        uses_in_block(&def.body, &mut used, &mut inner_free);
        let mut scope = Scope {
            kind: ScopeKind::Function,
            slots: IndexMap::new(),
            cells: IndexSet::new(),
            bound: IndexSet::new(),
            globals_decl: b.globals.clone(),
            free: IndexMap::new(),
            comps: vec![],
            comp_cells: IndexSet::new(),
            uses_super: used.contains("super"),
        };
        for p in &params {
            scope.new_slot(p.clone());
        }
        for n in &b.bound {
            if !scope.slots.contains_key(n) {
                scope.new_slot(n.clone());
            }
            if inner_free.contains(n) {
                scope.cells.insert(n.clone());
            }
        }
        scope.bound = b.bound;
        for n in free {
            if !scope.bound.contains(&n) {
                let i = scope.new_slot(n.clone());
                scope.free.insert(n, i);
            }
        }
        // Where the defining frame keeps each free variable (resolved in the outer scope).
        self.scopes.push(scope);
        for p in def.params.positional.iter().chain(def.params.kwonly.iter()) {
            self.ident(&p.name);
        }
        for p in [&def.params.star, &def.params.starstar]
            .into_iter()
            .flatten()
        {
            self.ident(p);
        }
        self.block(&def.body);
        let scope = self.scopes.pop();
        if let Some(scope) = scope {
            let mut layout = scope.layout();
            // Each free variable's slot in the *defining* frame, where the cell lives.
            layout.freevars = scope
                .free
                .keys()
                .map(|n| self.lookup(n) & INDEX_MASK)
                .collect();
            let _ = def.layout.0.set(layout);
        }
    }

    fn class(&mut self, c: &ClassDef) {
        let mut b = Bindings::default();
        collect_bindings(&c.body, &mut b);
        let free = self.provided(free_names(None, &c.body, true));
        let mut scope = Scope {
            kind: ScopeKind::Class,
            slots: IndexMap::new(),
            cells: IndexSet::new(),
            bound: b.bound,
            globals_decl: b.globals,
            free: IndexMap::new(),
            comps: vec![],
            comp_cells: IndexSet::new(),
            uses_super: false,
        };
        for n in free {
            let i = scope.new_slot(n.clone());
            scope.free.insert(n, i);
        }
        self.scopes.push(scope);
        self.block(&c.body);
        if let Some(scope) = self.scopes.pop() {
            let mut layout = scope.layout();
            layout.freevars = scope
                .free
                .keys()
                .map(|n| self.lookup(n) & INDEX_MASK)
                .collect();
            let _ = c.layout.0.set(layout);
        }
    }

    fn block(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::FunctionDef(def, id, decos) => {
                decos.iter().for_each(|d| self.expr(d));
                for p in def.params.positional.iter().chain(def.params.kwonly.iter()) {
                    if let Some(d) = &p.default {
                        self.expr(d);
                    }
                }
                // Annotations are evaluated where the function is defined, as defaults.
                def.params
                    .annotations
                    .iter()
                    .for_each(|(_, a)| self.expr(a));
                self.function(def);
                self.ident(id);
            }
            StmtKind::ClassDef(c) => {
                c.decorators.iter().for_each(|d| self.expr(d));
                for a in &c.bases {
                    self.arg(a);
                }
                self.class(c);
                self.ident(&c.name);
            }
            StmtKind::Import(names) => {
                for n in names {
                    self.ident(n.asname.as_ref().unwrap_or(&n.bound));
                }
            }
            StmtKind::ImportFrom(_, names, _) => {
                for (_, id) in names {
                    self.ident(id);
                }
            }
            StmtKind::Try(body, handlers, orelse, fin) => {
                self.block(body);
                for h in handlers {
                    if let Some(k) = &h.kind {
                        self.expr(k);
                    }
                    if let Some(n) = &h.name {
                        self.ident(n);
                    }
                    self.block(&h.body);
                }
                self.block(orelse);
                self.block(fin);
            }
            _ => {
                for_each_stmt_expr(s, &mut |e| self.expr(e));
                for b in for_each_sub_block(s) {
                    self.block(b);
                }
            }
        }
    }

    fn arg(&mut self, a: &Arg) {
        match a {
            Arg::Pos(e) | Arg::Star(e) | Arg::Kw(_, e) | Arg::StarStar(e) => self.expr(e),
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Name(id) => self.ident(id),
            ExprKind::Walrus(id, v) => {
                self.expr(v);
                self.ident(id);
            }
            ExprKind::Lambda(def) => {
                for p in def.params.positional.iter().chain(def.params.kwonly.iter()) {
                    if let Some(d) = &p.default {
                        self.expr(d);
                    }
                }
                self.function(def);
            }
            ExprKind::Comp(..) | ExprKind::DictComp(..) => {
                // Names that lambdas inside read: those comprehension variables are cells.
                let mut used = IndexSet::new();
                let mut lambda_free = IndexSet::new();
                uses_in_expr(e, &mut used, &mut lambda_free);
                match &e.kind {
                    ExprKind::Comp(_, elt, comps) => {
                        self.comprehension(comps, &lambda_free, false, &mut |r| r.expr(elt))
                    }
                    ExprKind::DictComp(k, v, comps) => {
                        self.comprehension(comps, &lambda_free, false, &mut |r| {
                            r.expr(k);
                            r.expr(v)
                        })
                    }
                    _ => {}
                }
            }
            ExprKind::GenExp(def) => self.genexp(def),
            _ => for_each_child_expr(e, &mut |c| self.expr(c)),
        }
    }

    /// A generator expression: its first iterable in this scope, the rest in a
    /// function scope of its own (slot 0 holds the first iterable's iterator) that reads
    /// this one's variables through cells, as CPython compiles it.
    fn genexp(&mut self, def: &FuncDef) {
        let Some(g) = &def.genexp else { return };
        if let Some(first) = g.comps.first() {
            self.expr(&first.iter);
        }
        let (_, inner_free) = genexp_uses(g);
        let free = self.provided(genexp_free(g));
        let mut scope = Scope {
            kind: ScopeKind::Function,
            slots: IndexMap::new(),
            cells: IndexSet::new(),
            bound: IndexSet::new(),
            globals_decl: IndexSet::new(),
            free: IndexMap::new(),
            comps: vec![],
            comp_cells: IndexSet::new(),
            uses_super: false,
        };
        scope.new_slot(Arc::from(".0"));
        for n in free {
            let i = scope.new_slot(n.clone());
            scope.free.insert(n, i);
        }
        self.scopes.push(scope);
        self.comprehension(&g.comps, &inner_free, true, &mut |r| r.expr(&g.elt));
        if let Some(scope) = self.scopes.pop() {
            let mut layout = scope.layout();
            layout.freevars = scope
                .free
                .keys()
                .map(|n| self.lookup(n) & INDEX_MASK)
                .collect();
            let _ = def.layout.0.set(layout);
        }
    }

    /// Comprehension variables get fresh hidden slots in the current frame, so they
    /// never leak into (or clobber) the enclosing scope's names.
    fn comprehension(
        &mut self,
        comps: &[Comprehension],
        captured: &IndexSet<Name>,
        first_iter_resolved: bool,
        body: &mut dyn FnMut(&mut Self),
    ) {
        let mut pushed = 0;
        for (n, c) in comps.iter().enumerate() {
            // The first iterable is evaluated outside the comprehension's own names
            // (a generator expression's was resolved in the enclosing scope already).
            if n > 0 || !first_iter_resolved {
                self.expr(&c.iter);
            }
            let mut b = Bindings::default();
            bind_target(&c.target, &mut b);
            let mut map = IndexMap::new();
            for name in b.bound {
                let hidden: Name = Arc::from(format!(".{}.{}", name, self.scope().slots.len()));
                let i = self.scope().new_slot(hidden);
                if captured.contains(&name) {
                    self.scope().comp_cells.insert(i);
                }
                map.insert(name, i);
            }
            self.scope().comps.push(map);
            pushed += 1;
            self.expr(&c.target);
            for cond in &c.ifs {
                self.expr(cond);
            }
            let _ = n;
        }
        body(self);
        for _ in 0..pushed {
            self.scope().comps.pop();
        }
    }
}
