//! Executing statements and evaluating expressions.
//!
//! - `mod.rs`: frames, running a module or an interactive entry, statements (`if`,
//!   loops, `try`, `with`, `raise`);
//! - `names`: loading and storing variables, assignment and unpacking;
//! - `expr`: expressions, displays, comprehensions, f-strings;
//! - `call`: calls of every kind of callable, binding a Python function's parameters;
//! - `class`: `def`, `class` (C3 MRO) and instantiation;
//! - `attr`: attribute get/set/delete;
//! - `iter`: truth values and iteration.

use super::dict::Key;
use super::exceptions::{Exc, TbEntry};
use super::resolve::{CELL, CLASS_GLOBAL, GLOBAL, INDEX_MASK, KIND_SHIFT, LOCAL};
use super::types::{self, class, type_name};
use super::value::{
    Attrs, Builtin, BuiltinKind, Class, DictPart, Function, Globals, Instance, IterState, Name,
    Native, Value,
};
use super::{generator, Ctx, R};
use crate::interp::sharing::Mutex;
use crate::syntax::ast::{
    Arg, BinOp, ClassDef, CmpOp, CompKind, Comprehension, Const, ExceptHandler, Expr, ExprKind,
    FPart, FrameLayout, FuncDef, GenExpParts, Ident, Module, Stmt, StmtKind,
};
use crate::syntax::Source;
use crate::syntax::Span;
use smallvec::SmallVec;
use std::sync::Arc;

mod attr;
mod call;
mod class;
mod expr;
mod iter;
mod names;

pub use attr::*;
pub use call::*;
pub use class::*;
pub use expr::*;
pub use iter::*;
pub use names::*;

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
    /// A generator's frame: where its `yield`s suspend to.
    pub gen: Option<&'a super::generator::GenLink<'a>>,
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
            gen: None,
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
    ctx.frames.push(crate::interp::StackEntry {
        code: crate::interp::StackCode::Module(src.clone(), globals.name.clone()),
        offset: 0,
    });
    let r = exec_block(ctx, &mut frame, &module.body);
    ctx.frames.pop();
    match r {
        Ok(_) => Ok(()),
        Err(mut e) => {
            e.leave_frame(TbEntry {
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
            if generator::orphans_pending() {
                generator::finalize_orphans(ctx);
            }
        }
        Ok(())
    };
    ctx.frames.push(crate::interp::StackEntry {
        code: crate::interp::StackCode::Module(src.clone(), globals.name.clone()),
        offset: 0,
    });
    let r = run(ctx, &mut frame);
    ctx.frames.pop();
    match r {
        Ok(()) => Ok(()),
        Err(mut e) => {
            e.leave_frame(TbEntry {
                source: src.clone(),
                offset: frame.offset,
                func: frame.name.clone(),
            });
            Err(e)
        }
    }
}

/// Record `name: annotation` in the `__annotations__` of the module or class body
/// running in `f`, made on the first annotated name.
fn annotate(ctx: &mut Ctx, f: &mut Frame, name: &Name, a: Value) -> R<()> {
    let existing = match &f.class_ns {
        Some(ns) => ns.lock().get("__annotations__").cloned(),
        None => f.globals.get("__annotations__"),
    };
    let dict = match existing {
        Some(d) => d,
        None => {
            let d = Value::Dict(Arc::new(Mutex::new(Default::default())));
            match &f.class_ns {
                Some(ns) => {
                    ns.lock().insert(Arc::from("__annotations__"), d.clone());
                }
                None => f.globals.set("__annotations__", d.clone()),
            }
            d
        }
    };
    crate::interp::ops::setitem(ctx, &dict, Value::Str(name.clone()), a)
}

pub fn exec_block(ctx: &mut Ctx, f: &mut Frame, body: &[Stmt]) -> R<Ctl> {
    for s in body {
        let ctl = exec_stmt(ctx, f, s)?;
        // A generator the statement dropped while paused is closed now, where no lock
        // is held (`generator::Orphan`).
        if generator::orphans_pending() {
            generator::finalize_orphans(ctx);
        }
        match ctl {
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
        StmtKind::AnnAssign(target, ann, value) => {
            if let Some(v) = value {
                let v = eval(ctx, f, v)?;
                assign(ctx, f, target, v)?;
            }
            // In a module or class body the annotation is evaluated, and a plain name's
            // is kept in the namespace's `__annotations__`; in a function it is not.
            if f.func.is_none() || f.class_ns.is_some() {
                let a = eval(ctx, f, ann)?;
                if let ExprKind::Name(id) = &target.kind {
                    annotate(ctx, f, &id.name, a)?;
                }
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
            // An error from the iterator (a generator's body) is the `for` line's.
            while let Some(v) = {
                f.offset = s.span.lo;
                next(ctx, &iterator)?
            } {
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
                let module = (ctx.interp.library.import)(ctx, &n.module)?;
                match &n.asname {
                    Some(a) => {
                        let target = if n.module.contains('.') {
                            crate::interp::registry::import_submodule(ctx, &n.module)?
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
            let absolute;
            let module_name: &str = if module_name.starts_with('.') {
                absolute = crate::interp::registry::resolve_relative(ctx, f.globals, module_name)?;
                &absolute
            } else {
                module_name
            };
            let module = crate::interp::registry::import_submodule(ctx, module_name)?;
            if names.is_empty() {
                let Value::Module(m) = &module else {
                    return Ok(Ctl::Normal);
                };
                for (k, v) in crate::interp::registry::public_names(m) {
                    let id = Ident::new(k.clone(), Span::default());
                    id.slot
                        .set(super::resolve::encode(GLOBAL, f.globals.intern(&k)));
                    store(ctx, f, &id, v)?;
                }
            } else {
                for (name, id) in names {
                    let found = match getattr(ctx, &module, name) {
                        Ok(v) => Some(v),
                        Err(_) => (ctx.interp.library.import_from_package)(
                            ctx,
                            &module,
                            module_name,
                            name,
                        )?,
                    };
                    let Some(v) = found else {
                        return Err(ctx.err(
                            "ImportError",
                            format!(
                                "cannot import name '{}' from '{}' ({})",
                                name,
                                module_name,
                                ctx.interp.library.origin_of(&module, module_name)
                            ),
                        ));
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

fn raise(ctx: &mut Ctx, f: &mut Frame, exc: Option<&Expr>, cause: Option<&Expr>) -> R<Box<Exc>> {
    let Some(exc) = exc else {
        return match ctx.handling.last() {
            Some(e) => Ok(e.clone()),
            None => Ok(ctx.err("RuntimeError", "No active exception to reraise")),
        };
    };
    let v = eval(ctx, f, exc)?;
    let mut e = Exc::new(make_exception_value(ctx, v)?);
    // `raise e` of an exception that has been through frames already adds to its
    // traceback, as CPython does.
    if let Some(known) = ctx
        .handling
        .iter()
        .rev()
        .chain(ctx.last_handled.iter())
        .find(|h| h.value.is(&e.value))
    {
        e.tb = known.tb.clone();
    }
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
            // The exception being handled keeps its frames when it becomes the cause.
            let known = ctx
                .handling
                .iter()
                .rev()
                .find(|h| h.value.is(&cause))
                .cloned();
            e.cause = Some(known.unwrap_or_else(|| Exc::new(cause)));
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
        Err(mut exc) => {
            if !exc.frame_recorded {
                exc.tb.push(TbEntry {
                    source: f.source.clone(),
                    offset: f.offset,
                    func: f.name.clone(),
                });
                exc.frame_recorded = true;
            }
            handle(ctx, f, exc, handlers)
        }
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
        if r.is_ok() {
            ctx.last_handled = handled;
            return r;
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
