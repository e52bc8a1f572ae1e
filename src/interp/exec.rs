//! Executing statements and evaluating expressions.

use super::dict::Key;
use super::exceptions::{Exc, TbEntry};
use super::resolve::{CELL, CLASS_GLOBAL, GLOBAL, INDEX_MASK, KIND_SHIFT, LOCAL};
use super::types::{self, class, type_name};
use super::value::{
    Attrs, Builtin, BuiltinKind, Class, DictPart, Function, Globals, Instance, IterState, Name,
    Native, Value,
};
use super::{Ctx, R};
use crate::syntax::ast::{
    Arg, BinOp, ClassDef, CmpOp, CompKind, Comprehension, Const, ExceptHandler, Expr, ExprKind,
    FPart, FrameLayout, FuncDef, Ident, Module, Stmt, StmtKind,
};
use crate::syntax::Source;
use parking_lot::Mutex;
use smallvec::SmallVec;
use std::sync::Arc;

/// How a block ended, when it did not raise.
pub enum Ctl {
    Normal,
    Break,
    Continue,
    Return(Value),
}

/// One activation of a function, class body or module.
pub struct Frame<'a> {
    pub slots: Vec<Option<Value>>,
    pub globals: &'a Arc<Globals>,
    pub func: Option<&'a Function>,
    /// A class body's namespace, while the body runs.
    pub class_ns: Option<Mutex<Attrs>>,
    pub source: &'a Arc<Source>,
    /// Byte offset of what is running now, for the traceback.
    pub offset: u32,
    pub name: Name,
}

impl<'a> Frame<'a> {
    pub fn new(
        layout: Option<&FrameLayout>,
        globals: &'a Arc<Globals>,
        source: &'a Arc<Source>,
        name: Name,
    ) -> Self {
        let n = layout.map_or(0, |l| l.names.len());
        Frame {
            slots: vec![None; n],
            globals,
            func: None,
            class_ns: None,
            source,
            offset: 0,
            name,
        }
    }
}

pub fn run_module(
    ctx: &mut Ctx,
    module: &Module,
    globals: &Arc<Globals>,
    src: &Arc<Source>,
) -> R<()> {
    let mut frame = Frame::new(module.layout.0.get(), globals, src, Arc::from("<module>"));
    match exec_block(ctx, &mut frame, &module.body) {
        Ok(_) => Ok(()),
        Err(mut e) => {
            e.tb.push(TbEntry {
                source: src.clone(),
                offset: frame.offset,
                func: frame.name.clone(),
            });
            Err(e)
        }
    }
}

/// Run one REPL entry as CPython's interactive mode does: like [`run_module`], but the
/// value of each top-level expression statement is handed to `echo` (which prints its
/// `repr` and sets `_`), so `>>> 1 + 1` shows `2` while `>>> x = 2` shows nothing.
pub fn run_interactive(
    ctx: &mut Ctx,
    module: &Module,
    globals: &Arc<Globals>,
    src: &Arc<Source>,
    echo: &mut dyn FnMut(&mut Ctx, Value) -> R<()>,
) -> R<()> {
    let mut frame = Frame::new(module.layout.0.get(), globals, src, Arc::from("<module>"));
    let mut run = |ctx: &mut Ctx, frame: &mut Frame| -> R<()> {
        for s in &module.body {
            if let StmtKind::Expr(e) = &s.kind {
                frame.offset = s.span.lo;
                let v = eval(ctx, frame, e)?;
                echo(ctx, v)?;
            } else {
                exec_block(ctx, frame, std::slice::from_ref(s))?;
            }
        }
        Ok(())
    };
    match run(ctx, &mut frame) {
        Ok(()) => Ok(()),
        Err(mut e) => {
            e.tb.push(TbEntry {
                source: src.clone(),
                offset: frame.offset,
                func: frame.name.clone(),
            });
            Err(e)
        }
    }
}

pub fn exec_block(ctx: &mut Ctx, f: &mut Frame, body: &[Stmt]) -> R<Ctl> {
    for s in body {
        match exec_stmt(ctx, f, s)? {
            Ctl::Normal => {}
            other => return Ok(other),
        }
    }
    Ok(Ctl::Normal)
}

fn exec_stmt(ctx: &mut Ctx, f: &mut Frame, s: &Stmt) -> R<Ctl> {
    f.offset = s.span.lo;
    match &s.kind {
        StmtKind::Expr(e) => {
            eval(ctx, f, e)?;
        }
        StmtKind::Assign(targets, value) => {
            let v = eval(ctx, f, value)?;
            if targets.len() == 1 {
                assign(ctx, f, &targets[0], v)?;
            } else {
                for t in targets {
                    assign(ctx, f, t, v.clone())?;
                }
            }
        }
        StmtKind::AugAssign(target, op, value) => aug_assign(ctx, f, target, *op, value)?,
        StmtKind::AnnAssign(target, _ann, value) => {
            if let Some(v) = value {
                let v = eval(ctx, f, v)?;
                assign(ctx, f, target, v)?;
            }
        }
        StmtKind::If(test, body, orelse) => {
            let t = eval(ctx, f, test)?;
            return if truthy(ctx, &t)? {
                exec_block(ctx, f, body)
            } else {
                exec_block(ctx, f, orelse)
            };
        }
        StmtKind::While(test, body, orelse) => loop {
            f.offset = s.span.lo;
            let t = eval(ctx, f, test)?;
            if !truthy(ctx, &t)? {
                return exec_block(ctx, f, orelse);
            }
            ctx.check_interrupt()?;
            match exec_block(ctx, f, body)? {
                Ctl::Break => break,
                Ctl::Return(v) => return Ok(Ctl::Return(v)),
                _ => {}
            }
        },
        StmtKind::For(target, iter, body, orelse) => {
            let it = eval(ctx, f, iter)?;
            // Fast path: `for i in range(...)` never allocates an iterator object.
            if let Value::Range(r) = &it {
                let (mut i, stop, step) = (r.start, r.stop, r.step);
                while (step > 0 && i < stop) || (step < 0 && i > stop) {
                    assign(ctx, f, target, super::value::int_value(i))?;
                    ctx.check_interrupt()?;
                    match exec_block(ctx, f, body)? {
                        Ctl::Break => return Ok(Ctl::Normal),
                        Ctl::Return(v) => return Ok(Ctl::Return(v)),
                        _ => {}
                    }
                    i += step;
                }
                return exec_block(ctx, f, orelse);
            }
            let iterator = get_iter(ctx, &it)?;
            while let Some(v) = next(ctx, &iterator)? {
                assign(ctx, f, target, v)?;
                ctx.check_interrupt()?;
                match exec_block(ctx, f, body)? {
                    Ctl::Break => return Ok(Ctl::Normal),
                    Ctl::Return(v) => return Ok(Ctl::Return(v)),
                    _ => {}
                }
            }
            return exec_block(ctx, f, orelse);
        }
        StmtKind::Break => return Ok(Ctl::Break),
        StmtKind::Continue => return Ok(Ctl::Continue),
        StmtKind::Pass => {}
        StmtKind::Return(e) => {
            let v = match e {
                Some(e) => eval(ctx, f, e)?,
                None => Value::None,
            };
            return Ok(Ctl::Return(v));
        }
        StmtKind::FunctionDef(def, id, decorators) => {
            let mut decos = Vec::new();
            for d in decorators {
                decos.push(eval(ctx, f, d)?);
            }
            let mut func = make_function(ctx, f, def)?;
            for d in decos.into_iter().rev() {
                func = call(ctx, &d, vec![func], vec![])?;
            }
            store(ctx, f, id, func)?;
        }
        StmtKind::ClassDef(c) => {
            let cls = make_class(ctx, f, c)?;
            store(ctx, f, &c.name, cls)?;
        }
        StmtKind::Try(body, handlers, orelse, finalbody) => {
            return exec_try(ctx, f, body, handlers, orelse, finalbody)
        }
        StmtKind::Raise(exc, cause) => return Err(raise(ctx, f, exc.as_ref(), cause.as_ref())?),
        StmtKind::Assert(test, msg) => {
            let t = eval(ctx, f, test)?;
            if !truthy(ctx, &t)? {
                let args = match msg {
                    Some(m) => vec![eval(ctx, f, m)?],
                    None => vec![],
                };
                return Err(Exc::new(types::new_exception("AssertionError", args)));
            }
        }
        StmtKind::Import(names) => {
            for n in names {
                let module = crate::builtins::import_module(ctx, &n.module)?;
                match &n.asname {
                    Some(a) => {
                        let target = if n.module.contains('.') {
                            crate::builtins::import_submodule(ctx, &n.module)?
                        } else {
                            module
                        };
                        store(ctx, f, a, target)?
                    }
                    None => store(ctx, f, &n.bound, module)?,
                }
            }
        }
        StmtKind::ImportFrom(module_name, names, _) => {
            let module = crate::builtins::import_submodule(ctx, module_name)?;
            if names.is_empty() {
                let Value::Module(m) = &module else {
                    return Ok(Ctl::Normal);
                };
                for (k, v) in crate::builtins::public_names(m) {
                    let id = Ident::new(k.clone(), Span::default());
                    id.slot
                        .set(super::resolve::encode(GLOBAL, f.globals.intern(&k)));
                    store(ctx, f, &id, v)?;
                }
            } else {
                for (name, id) in names {
                    let v = match getattr(ctx, &module, name) {
                        Ok(v) => v,
                        Err(_) => {
                            return Err(ctx.err(
                                "ImportError",
                                format!(
                                    "cannot import name '{}' from '{}' ({})",
                                    name,
                                    module_name,
                                    crate::builtins::module_origin(module_name)
                                ),
                            ))
                        }
                    };
                    store(ctx, f, id, v)?;
                }
            }
        }
        StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
        StmtKind::Del(targets) => {
            for t in targets {
                delete(ctx, f, t)?;
            }
        }
        StmtKind::With(items, body) => return exec_with(ctx, f, items, body),
    }
    Ok(Ctl::Normal)
}

use crate::syntax::Span;

fn raise(ctx: &mut Ctx, f: &mut Frame, exc: Option<&Expr>, cause: Option<&Expr>) -> R<Box<Exc>> {
    let Some(exc) = exc else {
        return match ctx.handling.last() {
            Some(e) => Ok(e.clone()),
            None => Ok(ctx.err("RuntimeError", "No active exception to reraise")),
        };
    };
    let v = eval(ctx, f, exc)?;
    let mut e = Exc::new(make_exception_value(ctx, v)?);
    if let Some(c) = cause {
        let cv = eval(ctx, f, c)?;
        if !cv.is_none() {
            let cause = make_exception_value(ctx, cv).map_err(|err| {
                if err.is("TypeError") {
                    ctx.type_error("exception causes must derive from BaseException")
                } else {
                    err
                }
            })?;
            e.cause = Some(Exc::new(cause));
        }
        e.suppress_context = true;
    }
    Ok(e)
}

/// `raise X`: X may be an exception instance or class (instantiated with no arguments).
pub fn make_exception_value(ctx: &mut Ctx, v: Value) -> R<Value> {
    match &v {
        Value::Class(c) if types::is_exception_class(c) => call(ctx, &v, vec![], vec![]),
        Value::Instance(i) if types::is_exception_class(&i.class) => Ok(v),
        _ => Err(ctx.type_error("exceptions must derive from BaseException")),
    }
}

fn exec_try(
    ctx: &mut Ctx,
    f: &mut Frame,
    body: &[Stmt],
    handlers: &[ExceptHandler],
    orelse: &[Stmt],
    finalbody: &[Stmt],
) -> R<Ctl> {
    let result = match exec_block(ctx, f, body) {
        Ok(ctl) => match ctl {
            Ctl::Normal => exec_block(ctx, f, orelse),
            other => Ok(other),
        },
        Err(exc) => handle(ctx, f, exc, handlers),
    };
    if finalbody.is_empty() {
        return result;
    }
    // `finally` runs whatever happened; its own `return`/`break`/exception wins. An
    // exception passing through keeps pointing at the line that raised it.
    let raised_at = f.offset;
    match exec_block(ctx, f, finalbody)? {
        Ctl::Normal => {
            if result.is_err() {
                f.offset = raised_at;
            }
            result
        }
        other => Ok(other),
    }
}

fn handle(ctx: &mut Ctx, f: &mut Frame, exc: Box<Exc>, handlers: &[ExceptHandler]) -> R<Ctl> {
    for h in handlers {
        let matches = match &h.kind {
            None => true,
            Some(k) => {
                f.offset = h.span.lo;
                let kv = eval(ctx, f, k)?;
                exception_matches(ctx, &exc.value, &kv)?
            }
        };
        if !matches {
            continue;
        }
        if let Some(name) = &h.name {
            store(ctx, f, name, exc.value.clone())?;
        }
        ctx.handling.push(exc);
        let r = exec_block(ctx, f, &h.body);
        let handled = ctx.handling.pop();
        if let Some(name) = &h.name {
            // Python deletes the name at the end of the handler.
            let _ = unbind(f, name);
        }
        return match r {
            Err(mut new) => {
                if let Some(old) = handled {
                    if new.context.is_none() && !new.value.is(&old.value) {
                        new.context = Some(old);
                    }
                }
                Err(new)
            }
            ok => ok,
        };
    }
    Err(exc)
}

pub fn exception_matches(ctx: &mut Ctx, exc: &Value, kind: &Value) -> R<bool> {
    let cls = types::type_of(exc);
    match kind {
        Value::Class(c) if types::is_exception_class(c) => Ok(cls.is_subclass_of(c)),
        Value::Tuple(items) => {
            for it in items.iter() {
                if exception_matches(ctx, exc, it)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(ctx
            .type_error("catching classes that do not inherit from BaseException is not allowed")),
    }
}

fn exec_with(
    ctx: &mut Ctx,
    f: &mut Frame,
    items: &[(Expr, Option<Expr>)],
    body: &[Stmt],
) -> R<Ctl> {
    let Some(((ctx_expr, target), rest)) = items.split_first() else {
        return exec_block(ctx, f, body);
    };
    let manager = eval(ctx, f, ctx_expr)?;
    let entered = call_method(ctx, &manager, "__enter__", vec![], vec![]).map_err(|e| {
        if types::is_instance_of(&e.value, "AttributeError") {
            ctx.type_error(format!(
                "'{}' object does not support the context manager protocol",
                type_name(&manager)
            ))
        } else {
            e
        }
    })?;
    if let Some(t) = target {
        assign(ctx, f, t, entered)?;
    }
    let result = if rest.is_empty() {
        exec_block(ctx, f, body)
    } else {
        exec_with(ctx, f, rest, body)
    };
    match result {
        Ok(ctl) => {
            call_method(
                ctx,
                &manager,
                "__exit__",
                vec![Value::None, Value::None, Value::None],
                vec![],
            )?;
            Ok(ctl)
        }
        Err(exc) => {
            let cls = Value::Class(types::type_of(&exc.value));
            ctx.handling.push(exc.clone());
            let r = call_method(
                ctx,
                &manager,
                "__exit__",
                vec![cls, exc.value.clone(), Value::None],
                vec![],
            );
            ctx.handling.pop();
            let suppress = r?;
            if truthy(ctx, &suppress)? {
                Ok(Ctl::Normal)
            } else {
                Err(exc)
            }
        }
    }
}

// ---------------------------------------------------------------------------------
// Names

#[inline]
fn slot_kind(slot: u32) -> (u32, usize) {
    (slot >> KIND_SHIFT, (slot & INDEX_MASK) as usize)
}

pub fn load(ctx: &mut Ctx, f: &Frame, id: &Ident) -> R<Value> {
    let (kind, i) = slot_kind(id.slot.get());
    match kind {
        LOCAL => match f.slots.get(i) {
            Some(Some(v)) => Ok(v.clone()),
            _ => Err(unbound_local(ctx, id)),
        },
        CELL => match f.slots.get(i) {
            Some(Some(Value::Cell(c))) => match &*c.lock() {
                Some(v) => Ok(v.clone()),
                None => {
                    let is_free = f
                        .func
                        .and_then(|func| func.def.layout.0.get())
                        .is_some_and(|l| i >= l.names.len() - l.freevars.len());
                    Err(if is_free {
                        ctx.err(
                            "NameError",
                            format!(
                                "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
                                id.name
                            ),
                        )
                    } else {
                        unbound_local(ctx, id)
                    })
                }
            },
            _ => Err(unbound_local(ctx, id)),
        },
        GLOBAL => load_global(ctx, f.globals, i, &id.name).map_err(|e| with_candidates(ctx, f, e)),
        CLASS_GLOBAL => {
            if let Some(ns) = &f.class_ns {
                if let Some(v) = ns.lock().get(&id.name) {
                    return Ok(v.clone());
                }
            }
            load_global(ctx, f.globals, i, &id.name).map_err(|e| with_candidates(ctx, f, e))
        }
        _ => load_global(ctx, f.globals, f.globals.intern(&id.name), &id.name),
    }
}

/// A NameError remembers the names in scope, for CPython's "Did you mean" suggestion.
fn with_candidates(ctx: &mut Ctx, f: &Frame, mut e: Box<Exc>) -> Box<Exc> {
    if !e.is("NameError") || e.candidates.is_some() {
        return e;
    }
    let mut names: Vec<Name> = Vec::new();
    let layout_names = f
        .func
        .and_then(|func| func.def.layout.0.get())
        .map(|l| l.names.clone())
        .unwrap_or_default();
    for (k, v) in layout_names.iter().zip(f.slots.iter()) {
        if v.is_some() && !k.starts_with('.') {
            names.push(k.clone());
        }
    }
    if let (Some(Some(this)), Some(wrong)) = (f.slots.first(), &e.hint_name) {
        if layout_names.first().is_some_and(|n| &**n == "self") {
            let this = match this {
                Value::Cell(c) => c.lock().clone().unwrap_or(Value::None),
                v => v.clone(),
            };
            if getattr(ctx, &this, wrong).is_ok() {
                e.self_has_attr = Some(Arc::from(format!("self.{wrong}")));
            }
        }
    }
    names.extend(f.globals.items().into_iter().map(|(k, _)| k));
    let mut b: Vec<Name> = ctx.interp.builtins.keys().cloned().collect();
    b.sort();
    names.extend(b);
    e.candidates = Some(names);
    e
}

fn unbound_local(ctx: &Ctx, id: &Ident) -> Box<Exc> {
    ctx.err(
        "UnboundLocalError",
        format!(
            "cannot access local variable '{}' where it is not associated with a value",
            id.name
        ),
    )
}

#[inline]
pub fn load_global(ctx: &mut Ctx, g: &Globals, i: usize, name: &Name) -> R<Value> {
    if !ctx.interp.is_shared() {
        // SAFETY: the interpreter is not shared, so this is the only thread that runs its
        // code and the only one that writes globals (other threads only read them, under
        // the lock), and this thread holds no guard on `values` while it evaluates.
        if let Some(Some(v)) = unsafe { &*g.values.data_ptr() }.get(i) {
            return Ok(v.clone());
        }
    } else if let Some(Some(v)) = g.values.read().get(i) {
        return Ok(v.clone());
    }
    if let Some(Some(v)) = g.builtin_cache.read().get(i) {
        return Ok(v.clone());
    }
    if let Some(v) = ctx.interp.builtins.get(name) {
        if let Some(slot) = g.builtin_cache.write().get_mut(i) {
            *slot = Some(v.clone());
        }
        return Ok(v.clone());
    }
    Err(name_error(ctx, name))
}

pub fn name_error(ctx: &Ctx, name: &str) -> Box<Exc> {
    let mut e = ctx.err("NameError", format!("name '{name}' is not defined"));
    e.hint_name = Some(Arc::from(name));
    e
}

pub fn store(ctx: &mut Ctx, f: &mut Frame, id: &Ident, v: Value) -> R<()> {
    let (kind, i) = slot_kind(id.slot.get());
    match kind {
        LOCAL => {
            if let Some(s) = f.slots.get_mut(i) {
                *s = Some(v);
            }
        }
        CELL => {
            if let Some(Some(Value::Cell(c))) = f.slots.get(i) {
                *c.lock() = Some(v);
            } else if let Some(s) = f.slots.get_mut(i) {
                *s = Some(Value::Cell(Arc::new(Mutex::new(Some(v)))));
            }
        }
        GLOBAL => {
            if let Some(s) = f.globals.values.write().get_mut(i) {
                *s = Some(v);
            }
        }
        CLASS_GLOBAL => match &f.class_ns {
            Some(ns) => {
                ns.lock().insert(id.name.clone(), v);
            }
            None => {
                if let Some(s) = f.globals.values.write().get_mut(i) {
                    *s = Some(v);
                }
            }
        },
        _ => {
            let _ = ctx;
            f.globals.set(&id.name, v);
        }
    }
    Ok(())
}

fn unbind(f: &mut Frame, id: &Ident) -> bool {
    let (kind, i) = slot_kind(id.slot.get());
    match kind {
        LOCAL => f.slots.get_mut(i).and_then(|s| s.take()).is_some(),
        CELL => match f.slots.get(i) {
            Some(Some(Value::Cell(c))) => c.lock().take().is_some(),
            _ => false,
        },
        GLOBAL => f
            .globals
            .values
            .write()
            .get_mut(i)
            .and_then(|s| s.take())
            .is_some(),
        CLASS_GLOBAL => match &f.class_ns {
            Some(ns) => ns.lock().shift_remove(&id.name).is_some(),
            None => f
                .globals
                .values
                .write()
                .get_mut(i)
                .and_then(|s| s.take())
                .is_some(),
        },
        _ => false,
    }
}

fn delete(ctx: &mut Ctx, f: &mut Frame, t: &Expr) -> R<()> {
    match &t.kind {
        ExprKind::Name(id) => {
            if !unbind(f, id) {
                let (kind, _) = slot_kind(id.slot.get());
                return Err(if kind == GLOBAL || kind == CLASS_GLOBAL {
                    name_error(ctx, &id.name)
                } else {
                    unbound_local(ctx, id)
                });
            }
            Ok(())
        }
        ExprKind::Subscript(obj, index) => {
            let o = eval(ctx, f, obj)?;
            let i = eval(ctx, f, index)?;
            super::ops::delitem(ctx, &o, &i)
        }
        ExprKind::Attribute(obj, name) => {
            let o = eval(ctx, f, obj)?;
            delattr(ctx, &o, &name.name)
        }
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            for it in items {
                delete(ctx, f, it)?;
            }
            Ok(())
        }
        _ => Err(ctx.err("SyntaxError", "cannot delete expression")),
    }
}

pub fn assign(ctx: &mut Ctx, f: &mut Frame, target: &Expr, v: Value) -> R<()> {
    match &target.kind {
        ExprKind::Name(id) => store(ctx, f, id, v),
        ExprKind::Attribute(obj, name) => {
            let o = eval(ctx, f, obj)?;
            setattr(ctx, &o, &name.name, v)
        }
        ExprKind::Subscript(obj, index) => {
            let o = eval(ctx, f, obj)?;
            let i = eval(ctx, f, index)?;
            super::ops::setitem(ctx, &o, i, v)
        }
        ExprKind::Tuple(items) | ExprKind::List(items) => unpack(ctx, f, items, v),
        ExprKind::Starred(_) => Err(ctx.err(
            "SyntaxError",
            "starred assignment target must be in a list or tuple",
        )),
        _ => Err(ctx.err("SyntaxError", "cannot assign to expression")),
    }
}

fn unpack(ctx: &mut Ctx, f: &mut Frame, targets: &[Expr], v: Value) -> R<()> {
    let values: Vec<Value> = match &v {
        Value::Tuple(t) => t.to_vec(),
        Value::List(l) => l.lock().clone(),
        _ => {
            let it = get_iter(ctx, &v).map_err(|e| {
                if types::is_instance_of(&e.value, "TypeError") {
                    ctx.type_error(format!(
                        "cannot unpack non-iterable {} object",
                        type_name(&v)
                    ))
                } else {
                    e
                }
            })?;
            let mut out = Vec::new();
            while let Some(x) = next(ctx, &it)? {
                out.push(x);
            }
            out
        }
    };
    let star = targets
        .iter()
        .position(|t| matches!(t.kind, ExprKind::Starred(_)));
    match star {
        None => {
            if values.len() != targets.len() {
                return Err(if values.len() > targets.len() {
                    ctx.value_error(format!(
                        "too many values to unpack (expected {})",
                        targets.len()
                    ))
                } else {
                    ctx.value_error(format!(
                        "not enough values to unpack (expected {}, got {})",
                        targets.len(),
                        values.len()
                    ))
                });
            }
            for (t, v) in targets.iter().zip(values) {
                assign(ctx, f, t, v)?;
            }
        }
        Some(si) => {
            let after = targets.len() - si - 1;
            if values.len() < targets.len() - 1 {
                return Err(ctx.value_error(format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    targets.len() - 1,
                    values.len()
                )));
            }
            let mut values = values;
            let tail = values.split_off(values.len() - after);
            let middle = values.split_off(si);
            for (t, v) in targets[..si].iter().zip(values) {
                assign(ctx, f, t, v)?;
            }
            if let ExprKind::Starred(inner) = &targets[si].kind {
                assign(ctx, f, inner, Value::list(middle))?;
            }
            for (t, v) in targets[si + 1..].iter().zip(tail) {
                assign(ctx, f, t, v)?;
            }
        }
    }
    Ok(())
}

fn aug_assign(ctx: &mut Ctx, f: &mut Frame, target: &Expr, op: BinOp, value: &Expr) -> R<()> {
    match &target.kind {
        ExprKind::Name(id) => {
            let cur = load(ctx, f, id)?;
            let rhs = eval(ctx, f, value)?;
            if let (Value::Int(x), Value::Int(y)) = (&cur, &rhs) {
                if let Some(v) = super::ops::int_fast(op, *x, *y) {
                    return store(ctx, f, id, Value::Int(v));
                }
            }
            let new = super::ops::inplace(ctx, op, cur, rhs)?;
            store(ctx, f, id, new)
        }
        ExprKind::Attribute(obj, name) => {
            let o = eval(ctx, f, obj)?;
            let cur = getattr(ctx, &o, &name.name)?;
            let rhs = eval(ctx, f, value)?;
            let new = super::ops::inplace(ctx, op, cur, rhs)?;
            setattr(ctx, &o, &name.name, new)
        }
        ExprKind::Subscript(obj, index) => {
            let o = eval(ctx, f, obj)?;
            let i = eval(ctx, f, index)?;
            let cur = super::ops::getitem(ctx, &o, &i)?;
            let rhs = eval(ctx, f, value)?;
            let new = super::ops::inplace(ctx, op, cur, rhs)?;
            super::ops::setitem(ctx, &o, i, new)
        }
        _ => Err(ctx.err("SyntaxError", "illegal expression for augmented assignment")),
    }
}

// ---------------------------------------------------------------------------------
// Expressions

pub fn const_value(c: &Const) -> Value {
    match c {
        Const::None => Value::None,
        Const::True => Value::Bool(true),
        Const::False => Value::Bool(false),
        Const::Ellipsis => Value::Ellipsis,
        Const::Int(i) => Value::Int(*i),
        Const::BigInt(b) => Value::BigInt(b.clone()),
        Const::Float(x) => Value::Float(*x),
        Const::Str(s) => Value::Str(s.clone()),
        Const::Bytes(b) => Value::Bytes(b.clone()),
    }
}

/// `eval` for a call's receiver and arguments, where names and constants are most of what
/// is met: those two skip `eval`'s large frame.
#[inline]
fn eval_operand(ctx: &mut Ctx, f: &mut Frame, e: &Expr) -> R<Value> {
    match &e.kind {
        ExprKind::Name(id) => load(ctx, f, id),
        ExprKind::Const(c) => Ok(const_value(c)),
        _ => eval(ctx, f, e),
    }
}

pub fn eval(ctx: &mut Ctx, f: &mut Frame, e: &Expr) -> R<Value> {
    match &e.kind {
        ExprKind::Name(id) => load(ctx, f, id),
        ExprKind::Const(c) => Ok(const_value(c)),
        ExprKind::Binary(l, op, r) => {
            let a = eval(ctx, f, l)?;
            let b = eval(ctx, f, r)?;
            if let (Value::Int(x), Value::Int(y)) = (&a, &b) {
                if let Some(v) = super::ops::int_fast(*op, *x, *y) {
                    return Ok(Value::Int(v));
                }
            }
            super::ops::binary(ctx, *op, a, b)
        }
        ExprKind::Unary(op, operand) => {
            let v = eval(ctx, f, operand)?;
            super::ops::unary(ctx, *op, v)
        }
        ExprKind::Compare(first, rest) => {
            let mut left = eval(ctx, f, first)?;
            // The loop condition `i < n`: two machine ints, one operator.
            if let [(op, right)] = rest.as_slice() {
                let r = eval(ctx, f, right)?;
                if let (Value::Int(x), Value::Int(y)) = (&left, &r) {
                    let b = match op {
                        CmpOp::Lt => Some(x < y),
                        CmpOp::LtE => Some(x <= y),
                        CmpOp::Gt => Some(x > y),
                        CmpOp::GtE => Some(x >= y),
                        CmpOp::Eq => Some(x == y),
                        CmpOp::NotEq => Some(x != y),
                        _ => None,
                    };
                    if let Some(b) = b {
                        return Ok(Value::Bool(b));
                    }
                }
                return super::ops::compare(ctx, *op, &left, &r);
            }
            for (i, (op, right)) in rest.iter().enumerate() {
                let r = eval(ctx, f, right)?;
                let res = super::ops::compare(ctx, *op, &left, &r)?;
                if i == rest.len() - 1 {
                    return Ok(res);
                }
                if !truthy(ctx, &res)? {
                    return Ok(res);
                }
                left = r;
            }
            Ok(left)
        }
        ExprKind::And(a, b) => {
            let l = eval(ctx, f, a)?;
            if !truthy(ctx, &l)? {
                return Ok(l);
            }
            eval(ctx, f, b)
        }
        ExprKind::Or(a, b) => {
            let l = eval(ctx, f, a)?;
            if truthy(ctx, &l)? {
                return Ok(l);
            }
            eval(ctx, f, b)
        }
        ExprKind::IfExp(test, body, orelse) => {
            let t = eval(ctx, f, test)?;
            if truthy(ctx, &t)? {
                eval(ctx, f, body)
            } else {
                eval(ctx, f, orelse)
            }
        }
        ExprKind::Call(func, args) => eval_call(ctx, f, e, func, args),
        ExprKind::Attribute(obj, name) => {
            let o = eval(ctx, f, obj)?;
            getattr(ctx, &o, &name.name)
        }
        ExprKind::Subscript(obj, index) => {
            let o = eval(ctx, f, obj)?;
            let i = eval(ctx, f, index)?;
            super::ops::getitem(ctx, &o, &i)
        }
        ExprKind::Slice(a, b, c) => {
            let mut parts = [Value::None, Value::None, Value::None];
            for (k, x) in [a, b, c].into_iter().enumerate() {
                if let Some(x) = x {
                    parts[k] = eval(ctx, f, x)?;
                }
            }
            Ok(Value::Slice(Arc::new(parts)))
        }
        ExprKind::Tuple(items) => Ok(Value::tuple(eval_items(ctx, f, items)?)),
        ExprKind::List(items) => Ok(Value::list(eval_items(ctx, f, items)?)),
        ExprKind::Set(items) => {
            let vals = eval_items(ctx, f, items)?;
            let mut d = super::dict::Dict::new();
            for v in vals {
                d.insert(hash_key(ctx, &v)?, Value::None);
            }
            // CPython compiles a display of three or more constants to a frozenset
            // constant (built once from the items, then again from its own order when
            // the compiler merges constants) merged into a new set: that decides the
            // order it prints in.
            if items.len() > 2 && items.iter().all(is_constant) {
                let mut rebuilt = super::dict::Dict::with_capacity(d.len());
                for v in d.set_order() {
                    rebuilt.insert(Key(v), Value::None);
                }
                d = super::dict::merged(&rebuilt);
            }
            Ok(Value::Set(Arc::new(Mutex::new(d))))
        }
        ExprKind::Dict(pairs) => {
            let mut d = super::dict::Dict::new();
            for (k, v) in pairs {
                match k {
                    Some(k) => {
                        let kv = eval(ctx, f, k)?;
                        let vv = eval(ctx, f, v)?;
                        d.insert(hash_key(ctx, &kv)?, vv);
                    }
                    None => {
                        let m = eval(ctx, f, v)?;
                        for (k, v) in super::ops::mapping_items(ctx, &m)? {
                            d.insert(hash_key(ctx, &k)?, v);
                        }
                    }
                }
            }
            Ok(Value::Dict(Arc::new(Mutex::new(d))))
        }
        ExprKind::FString(parts) => Ok(Value::string(fstring(ctx, f, parts)?)),
        ExprKind::Lambda(def) => make_function(ctx, f, def),
        ExprKind::Comp(kind, elt, comps) => {
            let mut out = Vec::new();
            comprehension(ctx, f, comps, 0, &mut |ctx, f| {
                out.push(eval(ctx, f, elt)?);
                Ok(())
            })?;
            Ok(match kind {
                CompKind::List => Value::list(out),
                CompKind::Set => {
                    let mut d = super::dict::Dict::new();
                    for v in out {
                        d.insert(hash_key(ctx, &v)?, Value::None);
                    }
                    Value::Set(Arc::new(Mutex::new(d)))
                }
                CompKind::Generator => Value::Iter(Arc::new(Mutex::new(IterState::Items {
                    items: out,
                    index: 0,
                    kind: "generator",
                }))),
            })
        }
        ExprKind::DictComp(k, v, comps) => {
            let mut d = super::dict::Dict::new();
            comprehension(ctx, f, comps, 0, &mut |ctx, f| {
                let kv = eval(ctx, f, k)?;
                let vv = eval(ctx, f, v)?;
                d.insert(hash_key(ctx, &kv)?, vv);
                Ok(())
            })?;
            Ok(Value::Dict(Arc::new(Mutex::new(d))))
        }
        ExprKind::Starred(_) => Err(ctx.err("SyntaxError", "can't use starred expression here")),
        ExprKind::Walrus(id, v) => {
            let val = eval(ctx, f, v)?;
            store(ctx, f, id, val.clone())?;
            Ok(val)
        }
    }
}

pub fn hash_key(ctx: &mut Ctx, v: &Value) -> R<Key> {
    prepare_user_hashes(ctx, v)?;
    Key::new(v).map_err(|t| ctx.type_error(format!("unhashable type: '{t}'")))
}

/// Compute (once) the `__hash__` of user instances inside `v`; a class that defines
/// `__eq__` without `__hash__` is unhashable, as in CPython.
fn prepare_user_hashes(ctx: &mut Ctx, v: &Value) -> R<()> {
    match v {
        Value::Instance(inst) => {
            if inst.hash.get().is_some() || inst.class.def.is_none() {
                return Ok(());
            }
            match inst.class.lookup("__hash__") {
                Some(Value::None) => {
                    Err(ctx.type_error(format!("unhashable type: '{}'", inst.class.name)))
                }
                Some(m @ Value::Func(_)) => {
                    let r = call(ctx, &m, vec![v.clone()], vec![])?;
                    let h = match r {
                        Value::Int(i) => i,
                        Value::Bool(b) => b as i64,
                        Value::BigInt(b) => (&*b % num_bigint::BigInt::from(i64::MAX))
                            .try_into()
                            .unwrap_or(0),
                        _ => return Err(ctx.type_error("__hash__ method should return an integer")),
                    };
                    let _ = inst.hash.set(h);
                    Ok(())
                }
                _ => {
                    if inst
                        .class
                        .lineage()
                        .any(|c| c.def.is_some() && c.dict.read().contains_key("__eq__"))
                    {
                        return Err(
                            ctx.type_error(format!("unhashable type: '{}'", inst.class.name))
                        );
                    }
                    Ok(())
                }
            }
        }
        Value::Tuple(items) => {
            for it in items.iter() {
                prepare_user_hashes(ctx, it)?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn eval_items(ctx: &mut Ctx, f: &mut Frame, items: &[Expr]) -> R<Vec<Value>> {
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        if let ExprKind::Starred(inner) = &it.kind {
            let v = eval(ctx, f, inner)?;
            out.extend(iterate(ctx, &v)?);
        } else {
            out.push(eval(ctx, f, it)?);
        }
    }
    Ok(out)
}

type CompBody<'b> = dyn FnMut(&mut Ctx, &mut Frame) -> R<()> + 'b;

fn comprehension(
    ctx: &mut Ctx,
    f: &mut Frame,
    comps: &[Comprehension],
    level: usize,
    body: &mut CompBody,
) -> R<()> {
    let Some(c) = comps.get(level) else {
        return body(ctx, f);
    };
    let it = eval(ctx, f, &c.iter)?;
    let iterator = get_iter(ctx, &it)?;
    'items: while let Some(v) = next(ctx, &iterator)? {
        ctx.check_interrupt()?;
        assign(ctx, f, &c.target, v)?;
        for cond in &c.ifs {
            let t = eval(ctx, f, cond)?;
            if !truthy(ctx, &t)? {
                continue 'items;
            }
        }
        comprehension(ctx, f, comps, level + 1, body)?;
    }
    Ok(())
}

fn fstring(ctx: &mut Ctx, f: &mut Frame, parts: &[FPart]) -> R<String> {
    let mut out = String::new();
    for p in parts {
        match p {
            FPart::Lit(s) => out.push_str(s),
            FPart::Expr {
                expr,
                conversion,
                spec,
                debug,
            } => {
                if let Some(d) = debug {
                    out.push_str(d);
                }
                let mut v = eval(ctx, f, expr)?;
                match conversion {
                    Some('r') => v = Value::string(super::repr::repr(ctx, &v)?),
                    Some('s') => v = Value::string(super::repr::str(ctx, &v)?),
                    Some('a') => {
                        v = Value::string(super::repr::ascii(&super::repr::repr(ctx, &v)?))
                    }
                    _ => {}
                }
                let spec = fstring(ctx, f, spec)?;
                out.push_str(&super::format::format_value(ctx, &v, &spec)?);
            }
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------
// Calls

fn eval_call(
    ctx: &mut Ctx,
    f: &mut Frame,
    call_expr: &Expr,
    func: &Expr,
    args: &[Arg],
) -> R<Value> {
    // `super()` with no arguments: the defining class and this method's `self`.
    if let ExprKind::Name(id) = &func.kind {
        if &*id.name == "super" && args.is_empty() && (id.slot.get() >> KIND_SHIFT) == GLOBAL {
            return zero_arg_super(ctx, f);
        }
    }
    // `obj.method(...)` without making a bound-method object first.
    if let ExprKind::Attribute(obj, name) = &func.kind {
        if let ExprKind::Name(id) = &obj.kind {
            if let Some(r) = call_on_variable(ctx, f, call_expr, id, &name.name, args) {
                return r;
            }
        }
        let o = eval_operand(ctx, f, obj)?;
        // Built-in methods (a socket's `send`, a string's `upper`) take their arguments
        // as a slice: a few positional ones are gathered on the stack, not in a Vec.
        if args.len() <= 4
            && !matches!(
                o,
                Value::Instance(_)
                    | Value::Class(_)
                    | Value::Module(_)
                    | Value::Func(_)
                    | Value::BoundMethod(_)
                    | Value::Builtin(_)
            )
            && args.iter().all(|a| matches!(a, Arg::Pos(_)))
        {
            let mut pos: SmallVec<[Value; 4]> = SmallVec::new();
            for a in args {
                if let Arg::Pos(e) = a {
                    match eval_operand(ctx, f, e) {
                        Ok(v) => pos.push(v),
                        // CPython looks the method up before it evaluates the arguments.
                        Err(e) => return Err(getattr(ctx, &o, &name.name).err().unwrap_or(e)),
                    }
                }
            }
            f.offset = call_expr.span.lo;
            let r = match &o {
                Value::Native(n) => {
                    set_site(ctx, f.source, call_expr.span.lo);
                    n.call_method(ctx, &o, &name.name, &pos, &[])
                }
                _ => crate::builtins::methods::call(ctx, &o, &name.name, &pos, &[]),
            };
            return match r {
                Some(r) => r,
                None if matches!(o, Value::Native(_)) => {
                    let m = getattr(ctx, &o, &name.name)?;
                    call(ctx, &m, pos.into_vec(), vec![])
                }
                None => Err(attr_error(ctx, &o, &name.name)),
            };
        }
        let (pos, kw) = match eval_args(ctx, f, args) {
            Ok(a) => a,
            // CPython looks the method up before it evaluates the arguments.
            Err(e) => match getattr(ctx, &o, &name.name) {
                Ok(callee) => return Err(name_callee(ctx, e, &callee)),
                Err(missing) => return Err(missing),
            },
        };
        f.offset = call_expr.span.lo;
        if matches!(o, Value::Native(_) | Value::Module(_)) {
            set_site(ctx, f.source, call_expr.span.lo);
        }
        return call_method(ctx, &o, &name.name, pos, kw);
    }
    let callee = eval(ctx, f, func)?;
    let (pos, kw) = eval_args(ctx, f, args).map_err(|e| name_callee(ctx, e, &callee))?;
    f.offset = call_expr.span.lo;
    if matches!(callee, Value::Class(_) | Value::Builtin(_)) {
        set_site(ctx, f.source, call_expr.span.lo);
    }
    call(ctx, &callee, pos, kw)
}

/// `sock.send(b"p")`, `conn.recv(BUFSIZE)`: a method of a built-in object that runs no
/// Python code (`NativeObject::runs_no_python`), called on a variable with constants and
/// variables holding plain data, borrows the object from the variable instead of
/// cloning a reference to it. On a ping-pong over a socketpair the reference count's two
/// atomic operations per call were a tenth of the whole time. `None`: not such a call
/// (or a name is unbound); the caller evaluates it the ordinary way, which raises the
/// right error in the right order (nothing here has side effects).
fn call_on_variable(
    ctx: &mut Ctx,
    f: &mut Frame,
    call_expr: &Expr,
    receiver: &Ident,
    name: &str,
    args: &[Arg],
) -> Option<R<Value>> {
    if args.len() > 4 {
        return None;
    }
    let mut pos: SmallVec<[Value; 4]> = SmallVec::new();
    for a in args {
        let v = match a {
            Arg::Pos(Expr {
                kind: ExprKind::Const(c),
                ..
            }) => const_value(c),
            Arg::Pos(Expr {
                kind: ExprKind::Name(id),
                ..
            }) => load(ctx, f, id).ok()?,
            _ => return None,
        };
        if !is_plain_data(&v, 2) {
            return None;
        }
        pos.push(v);
    }
    f.offset = call_expr.span.lo;
    let (kind, i) = slot_kind(receiver.slot.get());
    let this: &Value = match kind {
        // The frame is borrowed for the call, and the method is not given it.
        LOCAL => f.slots.get(i)?.as_ref()?,
        GLOBAL if !ctx.interp.is_shared() => {
            // SAFETY: while the interpreter is not shared this thread alone writes globals
            // or adds to `values` (see `load_global`), and the call below runs no Python
            // code, starts no thread and stores nothing, so the slot outlives the borrow.
            unsafe { &*f.globals.values.data_ptr() }.get(i)?.as_ref()?
        }
        _ => return None,
    };
    let Value::Native(n) = this else {
        return None;
    };
    if !n.runs_no_python() {
        return None;
    }
    set_site(ctx, f.source, call_expr.span.lo);
    n.call_method(ctx, this, name, &pos, &[])
}

/// Values whose use by a built-in runs no Python code: no `__index__`, `__eq__` or
/// `__hash__` of a user's class can be reached through them.
fn is_plain_data(v: &Value, depth: u8) -> bool {
    match v {
        Value::None
        | Value::Bool(_)
        | Value::Int(_)
        | Value::BigInt(_)
        | Value::Float(_)
        | Value::Str(_)
        | Value::Bytes(_)
        | Value::ByteArray(_) => true,
        Value::Tuple(items) => depth > 0 && items.iter().all(|v| is_plain_data(v, depth - 1)),
        _ => false,
    }
}

/// Remember where a built-in is being called from, without touching reference counts
/// when the source is the same as last time (it nearly always is).
#[inline]
fn set_site(ctx: &mut Ctx, source: &Arc<Source>, offset: u32) {
    match &mut ctx.site {
        Some((s, off)) if Arc::ptr_eq(s, source) => *off = offset,
        site => *site = Some((source.clone(), offset)),
    }
}

/// Stands for the callee's name in `f() argument after * must be an iterable`, until the
/// caller, which knows what it is calling, puts the name in.
const STAR_CALLEE: &str = "\u{1}callee";

fn name_callee(ctx: &mut Ctx, e: Box<Exc>, callee: &Value) -> Box<Exc> {
    if !e.is("TypeError") {
        return e;
    }
    let Ok(msg) = super::repr::str(ctx, &e.value) else {
        return e;
    };
    if !msg.starts_with(STAR_CALLEE) {
        return e;
    }
    let name = match callee {
        Value::Func(func) => format!("{}.{}", func.module.name, func.qualname),
        Value::BoundMethod(bm) => match &bm.1 {
            Value::Func(func) => format!("{}.{}", func.module.name, func.qualname),
            other => super::types::type_name(other),
        },
        Value::Builtin(b) => match &b.self_ {
            // A method of a built-in value is named by its type: `str.split()`.
            Some(this) if matches!(b.kind, BuiltinKind::Method(_)) => {
                format!("{}.{}", type_name(this), b.name)
            }
            _ => b.name.to_string(),
        },
        Value::Class(c) => c.display_name(),
        other => super::types::type_name(other),
    };
    ctx.type_error(msg.replacen(STAR_CALLEE, &name, 1))
}

/// CPython words a refused keyword differently when a method taking a tuple of arguments
/// is called through a bound-method object (`f = s.recv; f(x=1)`: `recv() takes no
/// keyword arguments`) rather than directly (`s.recv(x=1)`: `socket.recv() takes ...`).
fn bound_method_keywords(ctx: &mut Ctx, e: Box<Exc>, this: &Value, name: &str) -> Box<Exc> {
    use super::args::Style;
    let tuple_style = crate::builtins::signature_of(this, name)
        .is_some_and(|sig| matches!(sig.style, Style::Tuple | Style::VarArgs));
    if !tuple_style || !e.is("TypeError") {
        return e;
    }
    let direct = format!("{}.{name}() takes no keyword arguments", type_name(this));
    match super::repr::str(ctx, &e.value) {
        Ok(msg) if msg == direct => ctx.type_error(format!("{name}() takes no keyword arguments")),
        _ => e,
    }
}

/// Positional and keyword arguments of a call, evaluated.
type CallArgs = (Vec<Value>, Vec<(Name, Value)>);

fn eval_args(ctx: &mut Ctx, f: &mut Frame, args: &[Arg]) -> R<CallArgs> {
    let mut pos = Vec::with_capacity(args.len());
    let mut kw = Vec::new();
    for a in args {
        match a {
            Arg::Pos(e) => pos.push(eval_operand(ctx, f, e)?),
            Arg::Star(e) => {
                let v = eval(ctx, f, e)?;
                match iterate(ctx, &v) {
                    Ok(items) => pos.extend(items),
                    // CPython names the function: filled in by the caller, which knows it.
                    Err(err) if err.is("TypeError") => {
                        return Err(ctx.type_error(format!(
                            "{STAR_CALLEE}() argument after * must be an iterable, not {}",
                            type_name(&v)
                        )))
                    }
                    Err(err) => return Err(err),
                }
            }
            Arg::Kw(n, e) => kw.push((n.clone(), eval(ctx, f, e)?)),
            Arg::StarStar(e) => {
                let m = eval(ctx, f, e)?;
                for (k, v) in super::ops::mapping_items(ctx, &m)? {
                    match k {
                        Value::Str(s) => kw.push((s, v)),
                        _ => return Err(ctx.type_error("keywords must be strings")),
                    }
                }
            }
        }
    }
    Ok((pos, kw))
}

fn zero_arg_super(ctx: &mut Ctx, f: &Frame) -> R<Value> {
    let Some(func) = f.func else {
        return Err(ctx.err("RuntimeError", "super(): no arguments"));
    };
    let Some(owner) = func.owner.get().and_then(|w| w.upgrade()) else {
        return Err(ctx.err("RuntimeError", "super(): __class__ cell not found"));
    };
    let Some(Some(this)) = f.slots.first() else {
        return Err(ctx.err("RuntimeError", "super(): no arguments"));
    };
    let this = match this {
        Value::Cell(c) => c.lock().clone().unwrap_or(Value::None),
        v => v.clone(),
    };
    Ok(crate::builtins::core::make_super(owner, this))
}

pub fn call(
    ctx: &mut Ctx,
    callee: &Value,
    args: Vec<Value>,
    kwargs: Vec<(Name, Value)>,
) -> R<Value> {
    match callee {
        Value::Func(func) => call_function(ctx, func, args, kwargs),
        Value::Builtin(b) => match &b.kind {
            BuiltinKind::Function(fp) => match &b.self_ {
                None => fp(ctx, &args, &kwargs),
                Some(s) => {
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(s.clone());
                    full.extend(args);
                    fp(ctx, &full, &kwargs)
                }
            },
            BuiltinKind::Declared(sig, fp) => {
                let (args, kwargs) = match super::args::bind(ctx, sig, &args, &kwargs)? {
                    None => (args, kwargs),
                    Some((a, k)) => (a.into_vec(), k.into_vec()),
                };
                match &b.self_ {
                    None => fp(ctx, &args, &kwargs),
                    Some(s) => {
                        let mut full = Vec::with_capacity(args.len() + 1);
                        full.push(s.clone());
                        full.extend(args);
                        fp(ctx, &full, &kwargs)
                    }
                }
            }
            BuiltinKind::Method(name) => {
                let this = b.self_.clone().unwrap_or(Value::None);
                let keywords = !kwargs.is_empty();
                call_method(ctx, &this, name, args, kwargs).map_err(|e| {
                    if keywords {
                        bound_method_keywords(ctx, e, &this, name)
                    } else {
                        e
                    }
                })
            }
        },
        Value::BoundMethod(bm) => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(bm.0.clone());
            full.extend(args);
            call(ctx, &bm.1, full, kwargs)
        }
        Value::Class(c) => instantiate(ctx, c, args, kwargs),
        Value::Instance(inst) => match inst.class.lookup("__call__") {
            Some(m) => {
                let mut full = vec![callee.clone()];
                full.extend(args);
                call(ctx, &m, full, kwargs)
            }
            None => Err(ctx.type_error(format!("'{}' object is not callable", type_name(callee)))),
        },
        Value::Native(n) => match n.call_method(ctx, callee, "__call__", &args, &kwargs) {
            Some(r) => r,
            None => Err(ctx.type_error(format!("'{}' object is not callable", type_name(callee)))),
        },
        _ => Err(ctx.type_error(format!("'{}' object is not callable", type_name(callee)))),
    }
}

pub fn call_function(
    ctx: &mut Ctx,
    func: &Arc<Function>,
    args: Vec<Value>,
    kwargs: Vec<(Name, Value)>,
) -> R<Value> {
    let def = &func.def;
    let layout = def.layout.0.get();
    if ctx.depth
        >= ctx
            .interp
            .recursion_limit
            .load(std::sync::atomic::Ordering::Relaxed)
    {
        return Err(ctx.err("RecursionError", "maximum recursion depth exceeded"));
    }
    // Recursion without loops (`f()` calling itself twice) must also spend the budget.
    ctx.check_interrupt()?;
    let mut frame = Frame::new(layout, &func.module, &func.source, func.def.name.clone());
    frame.func = Some(func);
    bind_args(ctx, func, &mut frame.slots, args, kwargs)?;
    if let Some(l) = layout {
        for &c in &l.cells {
            let slot = &mut frame.slots[c as usize];
            let v = slot.take();
            *slot = Some(Value::Cell(Arc::new(Mutex::new(v))));
        }
        let first_free = l.names.len() - l.freevars.len();
        for (k, cell) in func.closure.iter().enumerate() {
            if let Some(s) = frame.slots.get_mut(first_free + k) {
                *s = Some(cell.clone());
            }
        }
    }
    ctx.depth += 1;
    let r = exec_block(ctx, &mut frame, &def.body);
    ctx.depth -= 1;
    match r {
        Ok(Ctl::Return(v)) => Ok(v),
        Ok(_) => Ok(Value::None),
        Err(mut e) => {
            e.tb.push(TbEntry {
                source: func.source.clone(),
                offset: frame.offset,
                func: func.def.name.clone(),
            });
            Err(e)
        }
    }
}

fn bind_args(
    ctx: &mut Ctx,
    func: &Function,
    slots: &mut [Option<Value>],
    args: Vec<Value>,
    kwargs: Vec<(Name, Value)>,
) -> R<()> {
    let p = &func.def.params;
    let npos = p.positional.len();
    let fname = &func.qualname;
    let nargs = args.len();
    let mut extra = Vec::new();
    for (i, a) in args.into_iter().enumerate() {
        if i < npos {
            slots[i] = Some(a);
        } else {
            extra.push(a);
        }
    }
    let mut next_slot = npos;
    if let Some(_star) = &p.star {
        slots[next_slot] = Some(Value::tuple(std::mem::take(&mut extra)));
        next_slot += 1;
    } else if !extra.is_empty() {
        let required = p.positional.iter().filter(|x| x.default.is_none()).count();
        let takes = if required == npos {
            format!("{npos}")
        } else {
            format!("from {required} to {npos}")
        };
        let word = if npos == 1 && required == npos {
            "argument"
        } else {
            "arguments"
        };
        let was = if nargs == 1 { "was" } else { "were" };
        return Err(ctx.type_error(format!(
            "{fname}() takes {takes} positional {word} but {nargs} {was} given"
        )));
    }
    let kwonly_start = next_slot;
    next_slot += p.kwonly.len();
    let mut extra_kw = super::dict::Dict::new();
    for (k, v) in kwargs {
        if let Some(i) = p.positional.iter().position(|x| *x.name.name == *k) {
            if slots[i].is_some() {
                return Err(
                    ctx.type_error(format!("{fname}() got multiple values for argument '{k}'"))
                );
            }
            slots[i] = Some(v);
        } else if let Some(i) = p.kwonly.iter().position(|x| *x.name.name == *k) {
            slots[kwonly_start + i] = Some(v);
        } else if p.starstar.is_some() {
            extra_kw.insert(Key(Value::Str(k)), v);
        } else {
            return Err(ctx.type_error(format!(
                "{fname}() got an unexpected keyword argument '{k}'"
            )));
        }
    }
    if p.starstar.is_some() {
        slots[next_slot] = Some(Value::Dict(Arc::new(Mutex::new(extra_kw))));
    }
    // Defaults fill the tail of the positional parameters.
    let first_default = npos - func.defaults.len();
    let mut missing = Vec::new();
    for (i, slot) in slots.iter_mut().enumerate().take(npos) {
        if slot.is_none() {
            if i >= first_default {
                *slot = Some(func.defaults[i - first_default].clone());
            } else {
                missing.push(p.positional[i].name.name.clone());
            }
        }
    }
    if !missing.is_empty() {
        return Err(ctx.type_error(format!(
            "{fname}() missing {} required positional argument{}: {}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            join_names(&missing)
        )));
    }
    let mut missing_kw = Vec::new();
    for (i, param) in p.kwonly.iter().enumerate() {
        if slots[kwonly_start + i].is_none() {
            match func.kwdefaults.get(i).cloned().flatten() {
                Some(d) => slots[kwonly_start + i] = Some(d),
                None => missing_kw.push(param.name.name.clone()),
            }
        }
    }
    if !missing_kw.is_empty() {
        return Err(ctx.type_error(format!(
            "{fname}() missing {} required keyword-only argument{}: {}",
            missing_kw.len(),
            if missing_kw.len() == 1 { "" } else { "s" },
            join_names(&missing_kw)
        )));
    }
    Ok(())
}

fn join_names(names: &[Name]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        _ => format!(
            "{}, and {}",
            quoted[..quoted.len() - 1].join(", "),
            quoted[quoted.len() - 1]
        ),
    }
}

fn make_function(ctx: &mut Ctx, f: &mut Frame, def: &Arc<FuncDef>) -> R<Value> {
    let mut defaults = Vec::new();
    for p in &def.params.positional {
        if let Some(d) = &p.default {
            defaults.push(eval(ctx, f, d)?);
        }
    }
    let mut kwdefaults = Vec::new();
    for p in &def.params.kwonly {
        kwdefaults.push(match &p.default {
            Some(d) => Some(eval(ctx, f, d)?),
            None => None,
        });
    }
    let mut closure = Vec::new();
    if let Some(l) = def.layout.0.get() {
        for &slot in &l.freevars {
            let cell = match f.slots.get_mut(slot as usize) {
                Some(Some(c @ Value::Cell(_))) => c.clone(),
                Some(s) => {
                    // A variable the defining frame has not bound yet: share an empty cell.
                    let c = Value::Cell(Arc::new(Mutex::new(s.take())));
                    *s = Some(c.clone());
                    c
                }
                None => Value::Cell(Arc::new(Mutex::new(None))),
            };
            closure.push(cell);
        }
    }
    let qualname: Name = match (&f.class_ns, f.func) {
        (Some(_), _) => Arc::from(format!("{}.{}", f.name, def.name)),
        (None, Some(outer)) => Arc::from(format!("{}.<locals>.{}", outer.qualname, def.name)),
        _ => def.name.clone(),
    };
    Ok(Value::Func(Arc::new(Function {
        def: def.clone(),
        qualname,
        module: f.globals.clone(),
        defaults,
        kwdefaults,
        closure,
        owner: std::sync::OnceLock::new(),
        source: f.source.clone(),
        attrs: Mutex::new(Attrs::new()),
    })))
}

// ---------------------------------------------------------------------------------
// Classes

/// CPython's C3 linearisation of the bases (the result excludes the class itself).
pub fn c3_mro(bases: &[Arc<Class>]) -> Result<Vec<Arc<Class>>, String> {
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|o| Arc::ptr_eq(o, b)) {
            return Err(format!("duplicate base class {}", b.name));
        }
    }
    let mut seqs: Vec<Vec<Arc<Class>>> = bases
        .iter()
        .map(|b| b.lineage().cloned().collect())
        .collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Arc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut found = None;
        for s in &seqs {
            let head = &s[0];
            let in_tail = seqs
                .iter()
                .any(|t| t[1..].iter().any(|c| Arc::ptr_eq(c, head)));
            if !in_tail {
                found = Some(head.clone());
                break;
            }
        }
        let Some(next) = found else {
            // CPython names the heads it could not merge, each once.
            let mut heads: Vec<Arc<Class>> = Vec::new();
            for s in &seqs {
                if !heads.iter().any(|h| Arc::ptr_eq(h, &s[0])) {
                    heads.push(s[0].clone());
                }
            }
            let names: Vec<String> = heads.iter().map(|b| b.name.to_string()).collect();
            return Err(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            ));
        };
        for s in seqs.iter_mut() {
            if Arc::ptr_eq(&s[0], &next) {
                s.remove(0);
            }
        }
        out.push(next);
    }
}

fn make_class(ctx: &mut Ctx, f: &mut Frame, def: &Arc<ClassDef>) -> R<Value> {
    let mut bases = Vec::new();
    for a in &def.bases {
        match a {
            Arg::Pos(e) => match eval(ctx, f, e)? {
                Value::Class(c) => bases.push(c),
                other => {
                    return Err(
                        ctx.type_error(format!("bases must be types, not {}", type_name(&other)))
                    )
                }
            },
            Arg::Kw(..) | Arg::Star(_) | Arg::StarStar(_) => {
                return Err(ctx.err(
                    "NotImplementedError",
                    "socklab does not support metaclasses or class keywords",
                ))
            }
        }
    }
    if bases.is_empty() {
        bases.push(class("object"));
    }
    for b in &bases {
        if !matches!(b.native, Native::Object | Native::Exception) && b.def.is_none() {
            return Err(ctx.err(
                "NotImplementedError",
                format!(
                    "socklab does not support subclassing the built-in type '{}'",
                    b.name
                ),
            ));
        }
    }
    let mro = c3_mro(&bases).map_err(|m| ctx.type_error(m))?;
    let native = mro
        .iter()
        .find(|c| c.native != Native::Object)
        .map_or(Native::Object, |c| c.native);
    // Run the body with its own namespace.
    let layout = def.layout.0.get();
    let qualname: Name = match f.func {
        Some(outer) => Arc::from(format!("{}.<locals>.{}", outer.qualname, def.name.name)),
        None => match &f.class_ns {
            Some(_) => Arc::from(format!("{}.{}", f.name, def.name.name)),
            None => def.name.name.clone(),
        },
    };
    let mut frame = Frame::new(layout, f.globals, f.source, qualname.clone());
    frame.func = f.func;
    let mut ns = Attrs::new();
    ns.insert(Arc::from("__module__"), Value::Str(f.globals.name.clone()));
    ns.insert(Arc::from("__qualname__"), Value::Str(qualname.clone()));
    frame.class_ns = Some(Mutex::new(ns));
    if let Some(l) = layout {
        let first_free = l.names.len() - l.freevars.len();
        for (k, &slot) in l.freevars.iter().enumerate() {
            if let Some(Some(c)) = f.slots.get(slot as usize) {
                frame.slots[first_free + k] = Some(c.clone());
            }
        }
    }
    match exec_block(ctx, &mut frame, &def.body) {
        Ok(_) => {}
        Err(mut e) => {
            e.tb.push(TbEntry {
                source: f.source.clone(),
                offset: frame.offset,
                func: def.name.name.clone(),
            });
            return Err(e);
        }
    }
    let dict = frame
        .class_ns
        .take()
        .map(|m| m.into_inner())
        .unwrap_or_default();
    let cls = Arc::new(Class {
        name: def.name.name.clone(),
        qualname,
        module: f.globals.name.clone(),
        bases,
        mro,
        dict: parking_lot::RwLock::new(dict),
        native,
        def: Some(def.clone()),
    });
    // Methods learn their class, for `super()`.
    for v in cls.dict.read().values() {
        let func = match v {
            Value::Func(func) => Some(func.clone()),
            Value::Instance(i)
                if matches!(
                    i.class.native,
                    Native::StaticMethod | Native::ClassMethod | Native::Property
                ) =>
            {
                match &*i.payload.lock() {
                    Some(Value::Func(func)) => Some(func.clone()),
                    _ => None,
                }
            }
            _ => None,
        };
        if let Some(func) = func {
            let _ = func.owner.set(Arc::downgrade(&cls));
        }
    }
    let mut result = Value::Class(cls);
    for d in def.decorators.iter().rev() {
        let dv = eval(ctx, f, d)?;
        result = call(ctx, &dv, vec![result], vec![])?;
    }
    Ok(result)
}

pub fn instantiate(
    ctx: &mut Ctx,
    cls: &Arc<Class>,
    args: Vec<Value>,
    kwargs: Vec<(Name, Value)>,
) -> R<Value> {
    if cls.def.is_none() && cls.native != Native::Exception && cls.native != Native::Object {
        return crate::builtins::core::construct(ctx, cls, args, kwargs);
    }
    if cls.def.is_none() && cls.native == Native::Object && &*cls.name != "object" {
        return crate::builtins::core::construct(ctx, cls, args, kwargs);
    }
    let mut target = cls.clone();
    if cls.native == Native::Exception
        && &*cls.name == "OSError"
        && cls.def.is_none()
        && args.len() >= 2
    {
        if let Value::Int(errno) = &args[0] {
            target = types::class(types::os_error_class_for(*errno));
        }
    }
    let inst = if target.native == Native::Exception {
        types::instance_with_args(target.clone(), args.clone())
    } else {
        Value::Instance(Arc::new(Instance {
            class: target.clone(),
            dict: Mutex::new(Attrs::new()),
            payload: Mutex::new(None),
            hash: std::sync::OnceLock::new(),
        }))
    };
    match target.lookup("__init__") {
        Some(init) => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(inst.clone());
            full.extend(args);
            let r = call(ctx, &init, full, kwargs)?;
            if !r.is_none() {
                return Err(ctx.type_error(format!(
                    "__init__() should return None, not '{}'",
                    type_name(&r)
                )));
            }
        }
        None => {
            if (!args.is_empty() || !kwargs.is_empty()) && target.native == Native::Object {
                return Err(ctx.type_error(format!("{}() takes no arguments", target.name)));
            }
        }
    }
    Ok(inst)
}

// ---------------------------------------------------------------------------------
// Attributes

pub fn getattr(ctx: &mut Ctx, obj: &Value, name: &str) -> R<Value> {
    match obj {
        Value::Instance(inst) => {
            let class_attr = inst.class.lookup(name);
            if let Some(Value::Instance(p)) = &class_attr {
                if p.class.native == Native::Property {
                    let getter = p.payload.lock().clone().unwrap_or(Value::None);
                    return call(ctx, &getter, vec![obj.clone()], vec![]);
                }
            }
            if let Some(v) = inst.dict.lock().get(name) {
                return Ok(v.clone());
            }
            if let Some(v) = class_attr {
                return Ok(bind(obj, &inst.class, v));
            }
            match name {
                "__class__" => return Ok(Value::Class(inst.class.clone())),
                "__dict__" => {
                    let d: super::dict::Dict = inst
                        .dict
                        .lock()
                        .iter()
                        .map(|(k, v)| (Key(Value::Str(k.clone())), v.clone()))
                        .collect();
                    return Ok(Value::Dict(Arc::new(Mutex::new(d))));
                }
                _ => {}
            }
            if inst.class.native == Native::Exception {
                if let Some(v) = crate::builtins::exceptions::attr(ctx, obj, name) {
                    return Ok(v);
                }
            }
            if let Some(ga) = inst.class.lookup("__getattr__") {
                return call(ctx, &ga, vec![obj.clone(), Value::str(name)], vec![]);
            }
            Err(attr_error(ctx, obj, name))
        }
        Value::Class(c) => {
            if let Some(v) = c.lookup(name) {
                return Ok(match v {
                    Value::Instance(ref p) if p.class.native == Native::StaticMethod => {
                        p.payload.lock().clone().unwrap_or(Value::None)
                    }
                    Value::Instance(ref p) if p.class.native == Native::ClassMethod => {
                        let inner = p.payload.lock().clone().unwrap_or(Value::None);
                        Value::BoundMethod(Arc::new((obj.clone(), inner)))
                    }
                    other => other,
                });
            }
            match name {
                "__name__" => Ok(Value::Str(c.name.clone())),
                "__qualname__" => Ok(Value::Str(c.qualname.clone())),
                "__module__" => Ok(Value::Str(c.module.clone())),
                "__mro__" => Ok(Value::tuple(
                    c.lineage().map(|c| Value::Class(c.clone())).collect(),
                )),
                "__bases__" => Ok(Value::tuple(
                    c.bases.iter().map(|c| Value::Class(c.clone())).collect(),
                )),
                "__doc__" => Ok(Value::None),
                "__dict__" => {
                    let d: super::dict::Dict = c
                        .dict
                        .read()
                        .iter()
                        .map(|(k, v)| (Key(Value::Str(k.clone())), v.clone()))
                        .collect();
                    Ok(Value::Dict(Arc::new(Mutex::new(d))))
                }
                _ => match crate::builtins::methods::type_attr(ctx, c, name) {
                    Some(v) => Ok(v),
                    None => Err(ctx.err(
                        "AttributeError",
                        format!("type object '{}' has no attribute '{}'", c.name, name),
                    )),
                },
            }
        }
        Value::Module(m) => match m.globals.get(name) {
            Some(v) => Ok(v),
            None => match name {
                "__name__" => Ok(Value::Str(m.name.clone())),
                "__dict__" => {
                    let d: super::dict::Dict = m
                        .globals
                        .items()
                        .into_iter()
                        .map(|(k, v)| (Key(Value::Str(k)), v))
                        .collect();
                    Ok(Value::Dict(Arc::new(Mutex::new(d))))
                }
                _ => Err({
                    let mut e = ctx.err(
                        "AttributeError",
                        format!("module '{}' has no attribute '{}'", m.name, name),
                    );
                    e.hint_name = Some(Arc::from(name));
                    e.attr_obj = Some(obj.clone());
                    e
                }),
            },
        },
        Value::Native(n) => match n.get_attr(ctx, obj, name) {
            Some(r) => r,
            None => match name {
                _ if n.attr_names().contains(&name) => Ok(Value::Builtin(Arc::new(Builtin {
                    name: Arc::from(name),
                    self_: Some(obj.clone()),
                    kind: BuiltinKind::Method(Arc::from(name)),
                }))),
                "__class__" => Ok(Value::Class(n.class())),
                _ => Err(attr_error(ctx, obj, name)),
            },
        },
        Value::Func(func) => match name {
            "__name__" => Ok(Value::Str(func.def.name.clone())),
            "__qualname__" => Ok(Value::Str(func.qualname.clone())),
            "__module__" => Ok(Value::Str(func.module.name.clone())),
            "__doc__" => Ok(doc_of(&func.def)),
            "__defaults__" => Ok(if func.defaults.is_empty() {
                Value::None
            } else {
                Value::tuple(func.defaults.clone())
            }),
            "__class__" => Ok(Value::Class(class("function"))),
            _ => match func.attrs.lock().get(name) {
                Some(v) => Ok(v.clone()),
                None => Err(attr_error(ctx, obj, name)),
            },
        },
        Value::BoundMethod(bm) => match name {
            "__self__" => Ok(bm.0.clone()),
            "__func__" => Ok(bm.1.clone()),
            _ => getattr(ctx, &bm.1, name),
        },
        Value::Builtin(b) => match name {
            "__name__" | "__qualname__" => Ok(Value::Str(b.name.clone())),
            "__self__" => Ok(b.self_.clone().unwrap_or(Value::None)),
            "__doc__" => Ok(Value::None),
            _ => Err(attr_error(ctx, obj, name)),
        },
        _ => match crate::builtins::methods::value_attr(ctx, obj, name)? {
            Some(v) => Ok(v),
            None => {
                if name == "__class__" {
                    return Ok(Value::Class(types::type_of(obj)));
                }
                if crate::builtins::methods::has_method(obj, name) {
                    return Ok(Value::Builtin(Arc::new(Builtin {
                        name: Arc::from(name),
                        self_: Some(obj.clone()),
                        kind: BuiltinKind::Method(Arc::from(name)),
                    })));
                }
                Err(attr_error(ctx, obj, name))
            }
        },
    }
}

fn doc_of(def: &FuncDef) -> Value {
    if let Some(Stmt {
        kind:
            StmtKind::Expr(Expr {
                kind: ExprKind::Const(Const::Str(s)),
                ..
            }),
        ..
    }) = def.body.first()
    {
        return Value::Str(s.clone());
    }
    Value::None
}

/// A class attribute seen through an instance: functions become bound methods.
fn bind(obj: &Value, cls: &Arc<Class>, v: Value) -> Value {
    match v {
        Value::Func(_) => Value::BoundMethod(Arc::new((obj.clone(), v))),
        Value::Builtin(ref b) if b.self_.is_none() => {
            if let BuiltinKind::Function(_) = b.kind {
                return Value::BoundMethod(Arc::new((obj.clone(), v)));
            }
            v
        }
        Value::Instance(ref p) if p.class.native == Native::StaticMethod => {
            p.payload.lock().clone().unwrap_or(Value::None)
        }
        Value::Instance(ref p) if p.class.native == Native::ClassMethod => {
            let inner = p.payload.lock().clone().unwrap_or(Value::None);
            Value::BoundMethod(Arc::new((Value::Class(cls.clone()), inner)))
        }
        other => other,
    }
}

pub fn attr_error(ctx: &Ctx, obj: &Value, name: &str) -> Box<Exc> {
    let mut e = ctx.err(
        "AttributeError",
        format!("'{}' object has no attribute '{}'", type_name(obj), name),
    );
    e.hint_name = Some(Arc::from(name));
    e.attr_obj = Some(obj.clone());
    e
}

pub fn setattr(ctx: &mut Ctx, obj: &Value, name: &str, v: Value) -> R<()> {
    match obj {
        Value::Instance(inst) => {
            if let Some(Value::Instance(p)) = inst.class.lookup(name) {
                if p.class.native == Native::Property {
                    let setter = p.dict.lock().get("fset").cloned();
                    return match setter {
                        Some(s) if !s.is_none() => {
                            call(ctx, &s, vec![obj.clone(), v], vec![]).map(|_| ())
                        }
                        _ => Err(ctx.err(
                            "AttributeError",
                            format!(
                                "property '{}' of '{}' object has no setter",
                                name, inst.class.name
                            ),
                        )),
                    };
                }
            }
            if let Some(sa) = inst.class.lookup("__setattr__") {
                if matches!(sa, Value::Func(_)) {
                    return call(ctx, &sa, vec![obj.clone(), Value::str(name), v], vec![])
                        .map(|_| ());
                }
            }
            inst.dict.lock().insert(Arc::from(name), v);
            Ok(())
        }
        Value::Class(c) => {
            if c.def.is_none() {
                return Err(ctx.type_error(format!(
                    "cannot set '{}' attribute of immutable type '{}'",
                    name, c.name
                )));
            }
            c.dict.write().insert(Arc::from(name), v);
            Ok(())
        }
        Value::Module(m) => {
            m.globals.set(name, v);
            Ok(())
        }
        Value::Func(func) => {
            func.attrs.lock().insert(Arc::from(name), v);
            Ok(())
        }
        Value::Native(n) => match n.set_attr(ctx, name, v) {
            Some(r) => r,
            None => Err(ctx.err(
                "AttributeError",
                format!("'{}' object has no attribute '{}'", type_name(obj), name),
            )),
        },
        _ => {
            let has = crate::builtins::methods::has_method(obj, name);
            Err(ctx.err(
                "AttributeError",
                if has {
                    format!(
                        "'{}' object attribute '{}' is read-only",
                        type_name(obj),
                        name
                    )
                } else {
                    format!("'{}' object has no attribute '{}'", type_name(obj), name)
                },
            ))
        }
    }
}

fn delattr(ctx: &mut Ctx, obj: &Value, name: &str) -> R<()> {
    match obj {
        Value::Instance(inst) => match inst.dict.lock().shift_remove(name) {
            Some(_) => Ok(()),
            None => Err(attr_error(ctx, obj, name)),
        },
        Value::Class(c) => match c.dict.write().shift_remove(name) {
            Some(_) => Ok(()),
            None => Err(ctx.err(
                "AttributeError",
                format!("type object '{}' has no attribute '{}'", c.name, name),
            )),
        },
        _ => Err(attr_error(ctx, obj, name)),
    }
}

/// `obj.name(args)`: the common case, without building a bound method.
pub fn call_method(
    ctx: &mut Ctx,
    obj: &Value,
    name: &str,
    args: Vec<Value>,
    kwargs: Vec<(Name, Value)>,
) -> R<Value> {
    match obj {
        Value::Instance(inst) => {
            let in_dict = inst.dict.lock().get(name).cloned();
            if let Some(v) = in_dict {
                return call(ctx, &v, args, kwargs);
            }
            match inst.class.lookup(name) {
                Some(Value::Func(func)) => {
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(obj.clone());
                    full.extend(args);
                    call_function(ctx, &func, full, kwargs)
                }
                Some(v) => {
                    let bound = bind(obj, &inst.class, v);
                    call(ctx, &bound, args, kwargs)
                }
                None => {
                    let m = getattr(ctx, obj, name)?;
                    call(ctx, &m, args, kwargs)
                }
            }
        }
        Value::Native(n) => match n.call_method(ctx, obj, name, &args, &kwargs) {
            Some(r) => r,
            None => {
                let m = getattr(ctx, obj, name)?;
                call(ctx, &m, args, kwargs)
            }
        },
        Value::Class(_)
        | Value::Module(_)
        | Value::Func(_)
        | Value::BoundMethod(_)
        | Value::Builtin(_) => {
            let m = getattr(ctx, obj, name)?;
            call(ctx, &m, args, kwargs)
        }
        _ => match crate::builtins::methods::call(ctx, obj, name, &args, &kwargs) {
            Some(r) => r,
            None => Err(attr_error(ctx, obj, name)),
        },
    }
}

// ---------------------------------------------------------------------------------
// Truth and iteration

pub fn truthy(ctx: &mut Ctx, v: &Value) -> R<bool> {
    Ok(match v {
        Value::None => false,
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::BigInt(_) => true,
        Value::Float(f) => *f != 0.0,
        Value::Str(s) => !s.is_empty(),
        Value::Bytes(b) => !b.is_empty(),
        Value::ByteArray(b) => !b.lock().is_empty(),
        Value::Tuple(t) => !t.is_empty(),
        Value::List(l) => !l.lock().is_empty(),
        Value::Dict(d) | Value::Set(d) => !d.lock().is_empty(),
        Value::FrozenSet(d) => !d.is_empty(),
        Value::Range(r) => !r.is_empty(),
        Value::Instance(inst) => {
            if let Some(m) = inst.class.lookup("__bool__") {
                let r = call(ctx, &m, vec![v.clone()], vec![])?;
                return match r {
                    Value::Bool(b) => Ok(b),
                    other => Err(ctx.type_error(format!(
                        "__bool__ should return bool, returned {}",
                        type_name(&other)
                    ))),
                };
            }
            if let Some(m) = inst.class.lookup("__len__") {
                let r = call(ctx, &m, vec![v.clone()], vec![])?;
                return Ok(!matches!(r, Value::Int(0)));
            }
            true
        }
        Value::Native(n) => match n.call_method(ctx, v, "__bool__", &[], &[]) {
            Some(r) => truthy(ctx, &r?)?,
            None => true,
        },
        _ => true,
    })
}

pub fn get_iter(ctx: &mut Ctx, v: &Value) -> R<Value> {
    let state = match v {
        Value::List(_) | Value::Tuple(_) | Value::Bytes(_) | Value::ByteArray(_) => {
            IterState::Seq {
                seq: v.clone(),
                index: 0,
            }
        }
        Value::Str(s) => IterState::Str {
            s: s.clone(),
            byte: 0,
        },
        Value::Range(r) => IterState::Range {
            next: r.start,
            stop: r.stop,
            step: r.step,
        },
        Value::Dict(d) => IterState::Dict {
            dict: d.clone(),
            index: 0,
            len: d.lock().len(),
            part: DictPart::Keys,
        },
        Value::Set(d) => IterState::Items {
            items: d.lock().set_order(),
            index: 0,
            kind: "set_iterator",
        },
        Value::FrozenSet(d) => IterState::Items {
            items: super::dict::cpython_set_order(d),
            index: 0,
            kind: "set_iterator",
        },
        Value::Iter(_) => return Ok(v.clone()),
        Value::Instance(inst) => {
            if let Some(m) = inst.class.lookup("__iter__") {
                let it = call(ctx, &m, vec![v.clone()], vec![])?;
                if let Value::Instance(_) = it {
                    return Ok(Value::Iter(Arc::new(Mutex::new(IterState::Object(it)))));
                }
                return Ok(it);
            }
            if inst.class.lookup("__getitem__").is_some() {
                let mut items = Vec::new();
                let mut i = 0;
                loop {
                    match super::ops::getitem(ctx, v, &Value::Int(i)) {
                        Ok(x) => items.push(x),
                        Err(e) if types::is_instance_of(&e.value, "IndexError") => break,
                        Err(e) => return Err(e),
                    }
                    i += 1;
                }
                return Ok(Value::Iter(Arc::new(Mutex::new(IterState::Items {
                    items,
                    index: 0,
                    kind: "iterator",
                }))));
            }
            return Err(ctx.type_error(format!("'{}' object is not iterable", type_name(v))));
        }
        Value::Native(n) => match n.call_method(ctx, v, "__iter__", &[], &[]) {
            Some(r) => return r,
            None => {
                return Err(ctx.type_error(format!("'{}' object is not iterable", type_name(v))))
            }
        },
        _ => return Err(ctx.type_error(format!("'{}' object is not iterable", type_name(v)))),
    };
    Ok(Value::Iter(Arc::new(Mutex::new(state))))
}

/// The next item of an iterator made by `get_iter`, or `None` when it is exhausted.
pub fn next(ctx: &mut Ctx, it: &Value) -> R<Option<Value>> {
    let Value::Iter(state) = it else {
        if let Value::Native(n) = it {
            return match n.call_method(ctx, it, "__next__", &[], &[]) {
                Some(Ok(v)) => Ok(Some(v)),
                Some(Err(e)) if types::is_instance_of(&e.value, "StopIteration") => Ok(None),
                Some(Err(e)) => Err(e),
                None => {
                    Err(ctx.type_error(format!("'{}' object is not an iterator", type_name(it))))
                }
            };
        }
        return Err(ctx.type_error(format!("'{}' object is not an iterator", type_name(it))));
    };
    // Built-ins that consume iterators (`list`, `sum`, `sorted`...) spend the budget too.
    ctx.charge_steps(1)?;
    let mut st = state.lock();
    let out = match &mut *st {
        IterState::Seq { seq, index } => {
            let item = match seq {
                Value::List(l) => l.lock().get(*index).cloned(),
                Value::Tuple(t) => t.get(*index).cloned(),
                Value::Bytes(b) => b.get(*index).map(|&x| Value::Int(x as i64)),
                Value::ByteArray(b) => b.lock().get(*index).map(|&x| Value::Int(x as i64)),
                _ => None,
            };
            *index += 1;
            item
        }
        IterState::Range { next, stop, step } => {
            if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                let v = *next;
                *next += *step;
                Some(super::value::int_value(v))
            } else {
                None
            }
        }
        IterState::Items { items, index, .. } => {
            let v = items.get(*index).cloned();
            *index += 1;
            v
        }
        IterState::Dict {
            dict,
            index,
            len,
            part,
        } => {
            let d = dict.lock();
            if d.len() != *len {
                *len = usize::MAX;
                drop(d);
                return Err(ctx.err("RuntimeError", "dictionary changed size during iteration"));
            }
            let item = d.next_from(*index).map(|(i, k, v)| {
                *index = i;
                match part {
                    DictPart::Keys => k.0.clone(),
                    DictPart::Values => v.clone(),
                    DictPart::Items => Value::tuple(vec![k.0.clone(), v.clone()]),
                }
            });
            *index += 1;
            item
        }
        IterState::Str { s, byte } => match s[*byte..].chars().next() {
            Some(c) => {
                *byte += c.len_utf8();
                let mut buf = [0u8; 4];
                Some(Value::str(c.encode_utf8(&mut buf)))
            }
            None => None,
        },
        IterState::Object(obj) => {
            let obj = obj.clone();
            drop(st);
            return match call_method(ctx, &obj, "__next__", vec![], vec![]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if types::is_instance_of(&e.value, "StopIteration") => Ok(None),
                Err(e) => Err(e),
            };
        }
        IterState::Done => None,
    };
    if out.is_none() {
        *st = IterState::Done;
    }
    Ok(out)
}

/// All items of an iterable.
pub fn iterate(ctx: &mut Ctx, v: &Value) -> R<Vec<Value>> {
    match v {
        Value::List(l) => return Ok(l.lock().clone()),
        Value::Tuple(t) => return Ok(t.to_vec()),
        _ => {}
    }
    let mut out = Vec::new();
    // CPython sizes the list first: `list(range(2**40))` is a MemoryError at once.
    if let Value::Range(r) = v {
        let n = r.len().max(0) as u128;
        super::ops::check_alloc(n * std::mem::size_of::<Value>() as u128)?;
        out.reserve(n as usize);
    }
    let it = get_iter(ctx, v)?;
    while let Some(x) = next(ctx, &it)? {
        out.push(x);
    }
    Ok(out)
}

/// Whether CPython's compiler folds `e` to a constant (literals, arithmetic on them,
/// tuples of constants).
fn is_constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Const(_) => true,
        ExprKind::Unary(_, inner) => is_constant(inner),
        ExprKind::Binary(l, _, r) => is_constant(l) && is_constant(r),
        ExprKind::Tuple(items) => items.iter().all(is_constant),
        _ => false,
    }
}
