//! Generators: a function whose body holds `yield`, and generator expressions.
//!
//! A generator's body runs on a stack of its own (a `corosensei` coroutine), so a
//! `yield` deep inside the tree-walker's recursion just switches stacks back to
//! whoever called `next`/`send`/`throw`; the next call switches back in. Switching is
//! a few nanoseconds, no thread is involved, and the body keeps the evaluator's
//! ordinary recursive code.
//!
//! The thread's `Ctx` travels with control: on each resume the body swaps its context
//! with the resumer's, and swaps back at the `yield`, so a generator made by one
//! thread can be consumed by another, and it counts against the resumer's recursion
//! depth and step budget as CPython's frames do. Exceptions the body is handling stay
//! with the generator between resumes (`GenLink::base`), as CPython's `gi_exc_state`
//! does.
//!
//! Stacks are mapped on the first resume (not when the generator is made) and reused
//! from a small pool once a generator finishes. A paused generator that is dropped
//! is closed (its `finally` blocks run) at the next statement boundary (`Orphan`).

use super::exceptions::{Exc, TbEntry};
use super::exec::{self, Ctl, Frame};
use super::types::{self, class};
use super::value::{Class, Function, Name, NativeObject, Value};
use super::{Ctx, Interp, R};
use corosensei::stack::DefaultStack;
use corosensei::{Coroutine, CoroutineResult, Yielder};
use parking_lot::Mutex;
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Weak};

/// Each generator's stack: as a Python thread's, room for the recursion limit, as
/// address space only (pages are touched when used).
const GEN_STACK: usize = 256 << 20;

/// Finished generators' stacks kept for the next ones.
const POOL_SIZE: usize = 16;

static POOL: Mutex<Vec<DefaultStack>> = Mutex::new(Vec::new());

/// What the caller sends into a suspended generator.
pub enum Cmd {
    Send(Value),
    Throw(Box<Exc>),
}

/// A resume: the resumer's context (lent for the run) and what to do.
pub struct Resume {
    caller: *mut Ctx,
    cmd: Cmd,
}

type Coro = Coroutine<Resume, Value, R<Value>, DefaultStack>;

/// A generator's coroutine, which may be resumed from any thread.
struct SendCoro(Coro);

// SAFETY: a coroutine is !Send because its stack could hold !Send data while it is
// suspended. Ours runs only the evaluator, and it is suspended only inside
// `suspend`, called from the evaluation of a `yield` in the generator's own frame.
// What the stack holds then is that frame's evaluation: `Value`s, `Frame`s, the
// generator's own `Ctx` and references into them and into the `Function` the
// coroutine owns, all Send (values are Arc and Mutex-guarded, as threads share them).
// The evaluator never holds a lock guard or a thread-local borrow while evaluating a
// sub-expression (it never does while running Python code, which could need the lock
// again), and a `yield` is a sub-expression of its own frame, so no guard or
// thread-local borrow is live across a suspension. The resumer's `*mut Ctx` is only
// used between a resume and the next suspension (see `Resume`), never kept past it.
unsafe impl Send for SendCoro {}

enum State {
    /// Made, not started: the frame's slots with the arguments bound.
    Created(Arc<Function>, Vec<Option<Value>>),
    Suspended(SendCoro),
    Finished,
}

/// What a resume produced.
pub enum Step {
    Yielded(Value),
    /// The body returned (this value is `StopIteration.value`).
    Returned(Value),
}

pub struct Generator {
    pub name: Name,
    pub qualname: Name,
    /// Locked while the body runs: a second resume (from the body itself, or from
    /// another thread) is CPython's "generator already executing", never a wait.
    state: Mutex<State>,
    /// For closing a generator dropped unfinished (no strong reference: the
    /// interpreter's globals may hold the generator).
    interp: Weak<Interp>,
}

/// What a generator's frame knows of its coroutine: where to suspend to, whose
/// context it runs on, and how many of the context's handled exceptions are the
/// resumer's.
pub struct GenLink<'y> {
    yielder: &'y Yielder<Resume, Value>,
    caller: Cell<*mut Ctx>,
    base: Cell<usize>,
}

/// A context standing in for one that is elsewhere for the moment.
fn placeholder(ctx: &Ctx) -> Ctx {
    Ctx {
        interp: ctx.interp.clone(),
        depth: 0,
        handling: Vec::new(),
        site: None,
        is_main: false,
        steps_left: 0,
        frames: Vec::new(),
        last_handled: None,
    }
}

/// Swap the generator's context with its resumer's: on entry the body takes over the
/// resumer's state (depth, step budget, the exceptions it handles), on exit hands it
/// back, so the generator counts as part of whichever thread runs it.
fn swap_with_caller(ctx: &mut Ctx, caller: *mut Ctx) {
    // SAFETY: `caller` is the `&mut Ctx` the resumer passed to `Generator::resume`,
    // which it does not touch until the coroutine suspends or returns; this runs only
    // in between (on entry, and just before suspending or returning).
    std::mem::swap(ctx, unsafe { &mut *caller });
}

/// Suspend the generator at a `yield` of `v`: the resumer gets `v` and its context
/// back, and this returns what the next resume brings.
pub fn suspend(ctx: &mut Ctx, link: &GenLink, v: Value) -> Cmd {
    let base = link.base.get().min(ctx.handling.len());
    let own = ctx.handling.split_off(base);
    // The generator's own entry in the running frames leaves and comes back with it.
    let mine = ctx.frames.pop();
    swap_with_caller(ctx, link.caller.get());
    let Resume { caller, cmd } = link.yielder.suspend(v);
    link.caller.set(caller);
    swap_with_caller(ctx, caller);
    link.base.set(ctx.handling.len());
    ctx.handling.extend(own);
    ctx.frames.extend(mine);
    cmd
}

impl Generator {
    pub fn make(ctx: &Ctx, func: Arc<Function>, slots: Vec<Option<Value>>) -> Value {
        Value::Native(Arc::new(Generator {
            name: func.def.name.clone(),
            qualname: func.qualname.clone(),
            state: Mutex::new(State::Created(func, slots)),
            interp: Arc::downgrade(&ctx.interp),
        }))
    }

    pub fn is_running(&self) -> bool {
        self.state.is_locked()
    }

    /// Run the body until its next `yield` or its end.
    pub fn resume(&self, ctx: &mut Ctx, cmd: Cmd) -> R<Step> {
        let Some(mut st) = self.state.try_lock() else {
            return Err(ctx.value_error("generator already executing"));
        };
        match &mut *st {
            State::Finished => {
                return match cmd {
                    Cmd::Send(_) => Ok(Step::Returned(Value::None)),
                    Cmd::Throw(e) => Err(e),
                }
            }
            State::Created(..) => match cmd {
                Cmd::Send(ref v) if !v.is_none() => {
                    return Err(
                        ctx.type_error("can't send non-None value to a just-started generator")
                    );
                }
                Cmd::Throw(e) => {
                    *st = State::Finished;
                    return Err(e);
                }
                Cmd::Send(_) => {
                    let State::Created(func, slots) = std::mem::replace(&mut *st, State::Finished)
                    else {
                        return Ok(Step::Returned(Value::None));
                    };
                    *st = State::Suspended(start(func, slots)?);
                }
            },
            State::Suspended(_) => {}
        }
        let State::Suspended(coro) = &mut *st else {
            return Ok(Step::Returned(Value::None));
        };
        let limit = ctx.interp.recursion_limit.load(Ordering::Relaxed);
        if ctx.depth >= limit {
            return Err(ctx.err("RecursionError", "maximum recursion depth exceeded"));
        }
        ctx.depth += 1;
        let r = coro.0.resume(Resume {
            caller: ctx as *mut Ctx,
            cmd,
        });
        ctx.depth -= 1;
        let r = match r {
            CoroutineResult::Yield(v) => return Ok(Step::Yielded(v)),
            CoroutineResult::Return(r) => r,
        };
        if let State::Suspended(coro) = std::mem::replace(&mut *st, State::Finished) {
            let stack = coro.0.into_stack();
            let mut pool = POOL.lock();
            if pool.len() < POOL_SIZE {
                pool.push(stack);
            }
        }
        drop(st);
        match r {
            Ok(v) => Ok(Step::Returned(v)),
            Err(e) if e.is("StopIteration") => {
                // PEP 479: a StopIteration leaking out of the body would end the
                // caller's loop silently; it becomes a RuntimeError.
                let mut rt = ctx.err("RuntimeError", "generator raised StopIteration");
                rt.cause = Some(e.clone());
                rt.context = Some(e);
                rt.suppress_context = true;
                Err(rt)
            }
            Err(e) => Err(e),
        }
    }

    /// `next(g)`: the next value, or `None` when the body has returned.
    pub fn next(&self, ctx: &mut Ctx) -> R<Option<Value>> {
        match self.resume(ctx, Cmd::Send(Value::None))? {
            Step::Yielded(v) => Ok(Some(v)),
            Step::Returned(_) => Ok(None),
        }
    }

    /// `g.close()`: GeneratorExit at the paused `yield`.
    pub fn close(&self, ctx: &mut Ctx) -> R<()> {
        {
            let Some(mut st) = self.state.try_lock() else {
                return Err(ctx.value_error("generator already executing"));
            };
            if matches!(*st, State::Created(..) | State::Finished) {
                *st = State::Finished;
                return Ok(());
            }
        }
        let exit = Exc::new(types::new_exception("GeneratorExit", vec![]));
        match self.resume(ctx, Cmd::Throw(exit)) {
            Ok(Step::Yielded(_)) => Err(ctx.err("RuntimeError", "generator ignored GeneratorExit")),
            Ok(Step::Returned(_)) => Ok(()),
            Err(e) if e.is("GeneratorExit") || e.is("StopIteration") => Ok(()),
            Err(e) => Err(e),
        }
    }
}

/// Map a stack (or take one from the pool) and make the coroutine that runs the body.
fn start(func: Arc<Function>, slots: Vec<Option<Value>>) -> R<SendCoro> {
    let stack = POOL.lock().pop();
    let stack = match stack {
        Some(s) => s,
        None => DefaultStack::new(GEN_STACK)
            .map_err(|_| Exc::new(types::new_exception("MemoryError", vec![])))?,
    };
    let coro = Coroutine::with_stack(stack, move |yielder, first: Resume| {
        let Resume { caller, cmd: _ } = first;
        // SAFETY: as in `swap_with_caller`: the resumer lent its context for this run.
        let mut ctx = placeholder(unsafe { &*caller });
        swap_with_caller(&mut ctx, caller);
        let link = GenLink {
            yielder,
            caller: Cell::new(caller),
            base: Cell::new(ctx.handling.len()),
        };
        let def = &func.def;
        let mut frame = Frame::new(
            def.layout.0.get(),
            &func.module,
            &func.source,
            def.name.clone(),
        );
        frame.func = Some(&func);
        frame.slots = slots;
        frame.gen = Some(&link);
        ctx.frames.push(super::StackEntry {
            code: super::StackCode::Function(func.clone()),
            offset: def.span.lo,
        });
        let r = match &def.genexp {
            Some(g) => exec::run_genexp(&mut ctx, &mut frame, g).map(|()| Ctl::Normal),
            None => exec::exec_block(&mut ctx, &mut frame, &def.body),
        };
        ctx.frames.pop();
        let r = match r {
            Ok(Ctl::Return(v)) => Ok(v),
            Ok(_) => Ok(Value::None),
            Err(mut e) => {
                e.leave_frame(TbEntry {
                    source: func.source.clone(),
                    offset: frame.offset,
                    func: def.name.clone(),
                });
                Err(e)
            }
        };
        let base = link.base.get().min(ctx.handling.len());
        ctx.handling.truncate(base);
        drop(frame);
        swap_with_caller(&mut ctx, link.caller.get());
        r
    });
    Ok(SendCoro(coro))
}

/// A generator dropped while paused, waiting to be closed. CPython closes such a
/// generator at once, running its `finally` blocks; but a value may be dropped while
/// a lock is held (a list being cleared), and Python code run there could need that
/// lock. So the drop only queues it, and the evaluator closes it at the next point
/// where no lock is held: after the statement, or the call, that dropped it.
struct Orphan {
    qualname: Name,
    name: Name,
    /// The generator's address, for "Exception ignored in: <generator object ...>".
    addr: usize,
    coro: SendCoro,
    interp: Weak<Interp>,
}

static ORPHANS: Mutex<Vec<Orphan>> = Mutex::new(Vec::new());
static ORPHANS_PENDING: AtomicBool = AtomicBool::new(false);

/// Whether some dropped generator waits to be closed (a cheap check, made after each
/// statement).
#[inline]
pub fn orphans_pending() -> bool {
    ORPHANS_PENDING.load(Ordering::Relaxed)
}

/// Close the dropped generators of this context's interpreter (those of an
/// interpreter that has ended are just freed); what their closing raises is reported
/// on stderr as CPython reports it, not raised.
pub fn finalize_orphans(ctx: &mut Ctx) {
    loop {
        let (mine, dead) = {
            let mut queue = ORPHANS.lock();
            let mut mine = Vec::new();
            let mut dead = Vec::new();
            let mut rest = Vec::new();
            for o in queue.drain(..) {
                match o.interp.upgrade() {
                    Some(i) if Arc::ptr_eq(&i, &ctx.interp) => mine.push(o),
                    Some(_) => rest.push(o),
                    None => dead.push(o),
                }
            }
            *queue = rest;
            ORPHANS_PENDING.store(!queue.is_empty(), Ordering::Relaxed);
            (mine, dead)
        };
        drop(dead);
        if mine.is_empty() {
            return;
        }
        for o in mine {
            let g = Generator {
                name: o.name,
                qualname: o.qualname,
                state: Mutex::new(State::Suspended(o.coro)),
                interp: o.interp,
            };
            if let Err(e) = g.close(ctx) {
                let report = super::render_traceback(ctx, &e);
                let _ = ctx.interp.flush();
                ctx.interp.write_stderr(&format!(
                    "Exception ignored in: <generator object {} at {:#x}>\n{report}",
                    g.qualname, o.addr
                ));
            }
            // One that ignored GeneratorExit is just freed, as CPython frees it.
            let mut g = g;
            *g.state.get_mut() = State::Finished;
        }
    }
}

impl Drop for Generator {
    fn drop(&mut self) {
        if !matches!(*self.state.get_mut(), State::Suspended(_)) {
            return;
        }
        let State::Suspended(coro) = std::mem::replace(self.state.get_mut(), State::Finished)
        else {
            return;
        };
        let orphan = Orphan {
            qualname: self.qualname.clone(),
            name: self.name.clone(),
            addr: self as *const Generator as usize,
            coro,
            interp: self.interp.clone(),
        };
        ORPHANS.lock().push(orphan);
        ORPHANS_PENDING.store(true, Ordering::Relaxed);
    }
}

impl NativeObject for Generator {
    fn class(&self) -> Arc<Class> {
        class("generator")
    }
    fn repr(&self) -> String {
        format!(
            "<generator object {} at {:#x}>",
            self.qualname, self as *const Generator as usize
        )
    }
    fn get_attr(&self, _ctx: &mut Ctx, _this: &Value, name: &str) -> Option<R<Value>> {
        Some(Ok(match name {
            "__name__" => Value::Str(self.name.clone()),
            "__qualname__" => Value::Str(self.qualname.clone()),
            "gi_running" => Value::Bool(self.is_running()),
            _ => return None,
        }))
    }
    fn call_method(
        &self,
        ctx: &mut Ctx,
        this: &Value,
        name: &str,
        args: &[Value],
        kwargs: &[(Name, Value)],
    ) -> Option<R<Value>> {
        if !kwargs.is_empty() && matches!(name, "send" | "throw" | "close" | "__next__") {
            return Some(Err(ctx.type_error(format!(
                "generator.{name}() takes no keyword arguments"
            ))));
        }
        let n = args.len();
        let arity = |ctx: &Ctx, want: usize| -> R<()> {
            if n == want {
                return Ok(());
            }
            Err(ctx.type_error(if want == 0 {
                format!("generator.{name}() takes no arguments ({n} given)")
            } else {
                format!("generator.{name}() takes exactly one argument ({n} given)")
            }))
        };
        Some(match name {
            "__iter__" => arity(ctx, 0).map(|()| this.clone()),
            "__next__" => {
                arity(ctx, 0).and_then(|()| step_value(self.resume(ctx, Cmd::Send(Value::None))?))
            }
            "send" => arity(ctx, 1)
                .and_then(|()| step_value(self.resume(ctx, Cmd::Send(args[0].clone()))?)),
            "throw" => {
                if n == 0 {
                    return Some(Err(
                        ctx.type_error("throw expected at least 1 argument, got 0")
                    ));
                }
                if n > 3 {
                    return Some(Err(
                        ctx.type_error(format!("throw expected at most 3 arguments, got {n}"))
                    ));
                }
                throw_args(ctx, args).and_then(|e| step_value(self.resume(ctx, Cmd::Throw(e))?))
            }
            "close" => arity(ctx, 0).and_then(|()| self.close(ctx).map(|()| Value::None)),
            _ => return None,
        })
    }
    fn attr_names(&self) -> Vec<&'static str> {
        vec!["__iter__", "__next__", "close", "send", "throw"]
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// What `send` and `throw` return: the value yielded, or StopIteration(value).
fn step_value(step: Step) -> R<Value> {
    match step {
        Step::Yielded(v) => Ok(v),
        Step::Returned(v) => Err(stop_iteration(v)),
    }
}

/// `StopIteration(value)`, as a generator's `return value` ends it.
pub fn stop_iteration(v: Value) -> Box<Exc> {
    let args = if v.is_none() { vec![] } else { vec![v] };
    Exc::new(types::new_exception("StopIteration", args))
}

/// `throw(exc)`, `throw(ExcClass)` or `throw(ExcClass, value)`.
fn throw_args(ctx: &mut Ctx, args: &[Value]) -> R<Box<Exc>> {
    let typ = &args[0];
    let is_class = matches!(typ, Value::Class(c) if types::is_exception_class(c));
    let is_instance = matches!(typ, Value::Instance(i) if types::is_exception_class(&i.class));
    if !is_class && !is_instance {
        return Err(ctx.type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            types::type_name(typ)
        )));
    }
    let value = match args.get(1) {
        Some(v) if !v.is_none() => {
            if is_instance {
                return Err(ctx.type_error("instance exception may not have a separate value"));
            }
            match v {
                Value::Instance(i) if types::is_exception_class(&i.class) => v.clone(),
                Value::Tuple(t) => exec::call(ctx, typ, t.to_vec(), vec![])?,
                other => exec::call(ctx, typ, vec![other.clone()], vec![])?,
            }
        }
        _ => exec::make_exception_value(ctx, typ.clone())?,
    };
    Ok(Exc::new(value))
}

/// The generator behind a value, if it is one.
pub fn as_generator(v: &Value) -> Option<&Generator> {
    v.as_native::<Generator>()
}
