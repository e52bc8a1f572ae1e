//! Generators: a function whose body holds `yield`, and generator expressions.
//!
//! A generator's body runs on a stack of its own (a `corosensei` coroutine), so a
//! `yield` deep inside the tree-walker's recursion just switches stacks back to
//! whoever called `next`/`send`/`throw`; the next call switches back in. Switching is
//! a few nanoseconds, no thread is involved, and the body keeps the evaluator's
//! ordinary recursive code.
//!
//! The thread's `Ctx` travels with control: a resume moves the caller's context into
//! the coroutine and a `yield` moves it back out, so a generator made by one thread
//! can be consumed by another, and it counts against the caller's recursion depth and
//! step budget as CPython's frames do. Exceptions the body is handling stay with the
//! generator between resumes (`GenLink::base`), as CPython's `gi_exc_state` does.
//!
//! Stacks are mapped on the first resume (not when the generator is made) and reused
//! from a small pool once a generator finishes.

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

/// Each generator's stack: like a thread's, room for the recursion limit, as address
/// space only (pages are touched when used).
const GEN_STACK: usize = crate::builtins::thread::THREAD_STACK;

/// Finished generators' stacks kept for the next ones.
const POOL_SIZE: usize = 16;

static POOL: Mutex<Vec<DefaultStack>> = Mutex::new(Vec::new());

/// What the caller sends into a suspended generator.
pub enum Cmd {
    Send(Value),
    Throw(Box<Exc>),
}

/// A resume: the caller's context (moved in for the run) and what to do.
pub struct Resume {
    ctx: Ctx,
    cmd: Cmd,
}

type Coro = Coroutine<Resume, (Ctx, Value), (Ctx, R<Value>), DefaultStack>;

/// A generator's coroutine, which may be resumed from any thread.
struct SendCoro(Coro);

// SAFETY: a coroutine is !Send because its stack could hold !Send data while it is
// suspended. Ours runs only the evaluator, and it is suspended only inside
// `suspend`, called from the evaluation of a `yield` in the generator's own frame.
// What the stack holds then is that frame's evaluation: `Value`s, `Frame`s and
// references into them and into the `Function` the coroutine owns, all Send (values
// are Arc and Mutex-guarded, as threads share them). The evaluator never holds a lock
// guard or a thread-local borrow while evaluating a sub-expression (it never does
// while running Python code, which could need the lock again), and a `yield` is a
// sub-expression of its own frame, so no guard or thread-local borrow is live across
// a suspension. The `Ctx` leaves with each suspension and a fresh one comes in with
// each resume, so no thread's context stays behind on the stack.
unsafe impl Send for SendCoro {}

enum State {
    /// Made, not started: the frame's slots with the arguments bound.
    Created(Arc<Function>, Vec<Option<Value>>),
    Suspended(SendCoro),
    /// Being resumed (the coroutine is out, with the resumer).
    Running,
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
    running: AtomicBool,
    state: Mutex<State>,
    /// For closing a generator dropped unfinished (no strong reference: the
    /// interpreter's globals may hold the generator).
    interp: Weak<Interp>,
}

/// What a generator's frame knows of its coroutine: where to suspend to, and how many
/// of the context's handled exceptions are the caller's.
pub struct GenLink<'y> {
    yielder: &'y Yielder<Resume, (Ctx, Value)>,
    base: Cell<usize>,
}

/// A context standing in for one that is elsewhere (with the generator, or with its
/// caller) for the moment.
fn placeholder(ctx: &Ctx) -> Ctx {
    Ctx {
        interp: ctx.interp.clone(),
        depth: 0,
        handling: Vec::new(),
        site: None,
        is_main: false,
        steps_left: 0,
    }
}

/// Suspend the generator at a `yield` of `v`: the caller gets `v` and its context
/// back, and this returns what the next resume brings.
pub fn suspend(ctx: &mut Ctx, link: &GenLink, v: Value) -> Cmd {
    let base = link.base.get().min(ctx.handling.len());
    let own = ctx.handling.split_off(base);
    let out = std::mem::replace(ctx, placeholder(ctx));
    let Resume { ctx: back, cmd } = link.yielder.suspend((out, v));
    *ctx = back;
    link.base.set(ctx.handling.len());
    ctx.handling.extend(own);
    cmd
}

impl Generator {
    pub fn make(ctx: &Ctx, func: Arc<Function>, slots: Vec<Option<Value>>) -> Value {
        Value::Native(Arc::new(Generator {
            name: func.def.name.clone(),
            qualname: func.qualname.clone(),
            running: AtomicBool::new(false),
            state: Mutex::new(State::Created(func, slots)),
            interp: Arc::downgrade(&ctx.interp),
        }))
    }

    pub fn is_running(&self) -> bool {
        self.running.load(Ordering::Relaxed)
    }

    /// Run the body until its next `yield` or its end.
    pub fn resume(&self, ctx: &mut Ctx, cmd: Cmd) -> R<Step> {
        if self.running.swap(true, Ordering::Acquire) {
            return Err(ctx.value_error("generator already executing"));
        }
        struct NotRunning<'a>(&'a AtomicBool);
        impl Drop for NotRunning<'_> {
            fn drop(&mut self) {
                self.0.store(false, Ordering::Release);
            }
        }
        let _running = NotRunning(&self.running);
        let state = std::mem::replace(&mut *self.state.lock(), State::Running);
        let mut coro = match state {
            State::Finished | State::Running => {
                *self.state.lock() = State::Finished;
                return match cmd {
                    Cmd::Send(_) => Ok(Step::Returned(Value::None)),
                    Cmd::Throw(e) => Err(e),
                };
            }
            State::Created(func, slots) => match cmd {
                Cmd::Send(v) if !v.is_none() => {
                    *self.state.lock() = State::Created(func, slots);
                    return Err(
                        ctx.type_error("can't send non-None value to a just-started generator")
                    );
                }
                Cmd::Throw(e) => {
                    *self.state.lock() = State::Finished;
                    return Err(e);
                }
                Cmd::Send(_) => match start(func, slots) {
                    Ok(c) => c,
                    Err(e) => {
                        *self.state.lock() = State::Finished;
                        return Err(e);
                    }
                },
            },
            State::Suspended(c) => c,
        };
        let limit = ctx.interp.recursion_limit.load(Ordering::Relaxed);
        if ctx.depth >= limit {
            *self.state.lock() = State::Suspended(coro);
            return Err(ctx.err("RecursionError", "maximum recursion depth exceeded"));
        }
        let mut caller = std::mem::replace(ctx, placeholder(ctx));
        caller.depth += 1;
        match coro.0.resume(Resume { ctx: caller, cmd }) {
            CoroutineResult::Yield((back, v)) => {
                *ctx = back;
                ctx.depth -= 1;
                *self.state.lock() = State::Suspended(coro);
                Ok(Step::Yielded(v))
            }
            CoroutineResult::Return((back, r)) => {
                *ctx = back;
                ctx.depth -= 1;
                *self.state.lock() = State::Finished;
                let stack = coro.0.into_stack();
                let mut pool = POOL.lock();
                if pool.len() < POOL_SIZE {
                    pool.push(stack);
                }
                drop(pool);
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
            let mut st = self.state.lock();
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
        let Resume { mut ctx, cmd: _ } = first;
        let link = GenLink {
            yielder,
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
        let r = match &def.genexp {
            Some(g) => exec::run_genexp(&mut ctx, &mut frame, g).map(|()| Ctl::Normal),
            None => exec::exec_block(&mut ctx, &mut frame, &def.body),
        };
        let r = match r {
            Ok(Ctl::Return(v)) => Ok(v),
            Ok(_) => Ok(Value::None),
            Err(mut e) => {
                e.tb.push(TbEntry {
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
        (ctx, r)
    });
    Ok(SendCoro(coro))
}

impl Drop for Generator {
    /// CPython closes a generator that is dropped unfinished, so its `finally` blocks
    /// and `with` exits run; an exception they raise is reported, not raised.
    fn drop(&mut self) {
        if !matches!(*self.state.get_mut(), State::Suspended(_)) {
            return;
        }
        let Some(interp) = self.interp.upgrade() else {
            return;
        };
        let mut ctx = Ctx {
            interp: interp.clone(),
            depth: 0,
            handling: Vec::new(),
            site: None,
            is_main: true,
            steps_left: interp.max_steps.load(Ordering::Relaxed),
        };
        if let Err(e) = self.close(&mut ctx) {
            let what = format!("<generator object {} at {:#x}>", self.qualname, {
                self as *const Generator as usize
            });
            let report = super::render_traceback(&mut ctx, &e);
            let _ = interp.flush();
            interp.write_stderr(&format!("Exception ignored in: {what}\n{report}"));
        }
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
