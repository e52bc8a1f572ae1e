//! `_thread`: real OS threads and the locks between them, under `threading`
//! (`py/threading.py`).
//!
//! # Concurrency design
//! There is no global interpreter lock. Values are `Arc`s; every mutable object guards
//! itself with its own lock (a list, a dict, a socket's state), and the interpreter never
//! holds one of those locks while it runs Python code. So threads run truly in parallel,
//! a thread blocked in `accept()`, `recv()`, `select()`, `time.sleep()` or
//! `Lock.acquire()` stops no other, and single operations (`list.append`, `d[k] = v`) are
//! atomic as they are under CPython's GIL. Why not a GIL: a GIL would have to be released
//! around every blocking call anyway, and without one the per-statement cost has no
//! lock to take — the interpreter's hot path stays lock-free for locals.
//!
//! Only the main thread receives `KeyboardInterrupt`, as in CPython.

use super::functions::{arg_count, builtin_fn, kwarg};
use crate::interp::exec::{call, call_method, getattr};
use crate::interp::types;
use crate::interp::value::{Class, Name, Native, NativeObject, Value};
use crate::interp::{Ctx, R};
use parking_lot::{Condvar, Mutex};
use std::sync::atomic::Ordering;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

/// Each Python thread's stack: room for the recursion limit, as address space only.
pub const THREAD_STACK: usize = 256 << 20;

/// How long a blocked wait sleeps before looking for Ctrl-C again.
const SLICE: Duration = Duration::from_millis(50);

thread_local! {
    static IDENT: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

pub fn get_ident() -> u64 {
    IDENT.with(|i| i.get())
}

pub fn items() -> Vec<(&'static str, Value)> {
    vec![
        ("start_thread", builtin_fn("start_thread", start_thread)),
        (
            "get_ident",
            builtin_fn("get_ident", |_, _, _| Ok(Value::Int(get_ident() as i64))),
        ),
        (
            "allocate_lock",
            builtin_fn("allocate_lock", |_, _, _| Ok(new_lock(false))),
        ),
        ("RLock", builtin_fn("RLock", |_, _, _| Ok(new_lock(true)))),
        (
            "Event",
            builtin_fn("Event", |_, _, _| {
                Ok(Value::Native(Arc::new(Event::default())))
            }),
        ),
        (
            "_count",
            builtin_fn("_count", |ctx, _, _| {
                let running = &ctx.interp.process.running_threads;
                Ok(Value::Int(running.load(Ordering::Relaxed) as i64))
            }),
        ),
        ("TIMEOUT_MAX", Value::Float(9223372036.0)),
    ]
}

/// `_thread.start_thread(thread)`: run `thread._bootstrap_inner()` on a new OS thread.
/// An exception escaping it is reported as CPython's `threading.excepthook` does, then
/// `thread._finish()` runs whatever happened.
fn start_thread(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "start_thread", a, 1, 1)?;
    let thread = a[0].clone();
    let interp = ctx.interp.clone();
    let process = &interp.process;
    let ident = process.next_thread_ident.fetch_add(1, Ordering::Relaxed);
    process.running_threads.fetch_add(1, Ordering::Relaxed);
    // Made here, before the thread starts: see `Interp::new_ctx`.
    let mut tctx = interp.new_ctx();
    tctx.is_main = false;
    let body = move || {
        IDENT.with(|i| i.set(ident));
        if let Err(exc) = call_method(&mut tctx, &thread, "_bootstrap_inner", vec![], vec![]) {
            let exiting = tctx.interp.finalizing.load(Ordering::Relaxed);
            if !exc.is("SystemExit") && !exiting {
                let name = getattr(&mut tctx, &thread, "name")
                    .ok()
                    .and_then(|n| crate::interp::repr::str(&mut tctx, &n).ok())
                    .unwrap_or_else(|| "?".into());
                let _ = tctx.interp.flush();
                let report = crate::interp::render_traceback(&mut tctx, &exc);
                tctx.interp
                    .write_stderr(&format!("Exception in thread {name}:\n{report}"));
            }
        }
        let _ = call_method(&mut tctx, &thread, "_finish", vec![], vec![]);
        let running = &tctx.interp.process.running_threads;
        running.fetch_sub(1, Ordering::Relaxed);
    };
    match std::thread::Builder::new()
        .stack_size(THREAD_STACK)
        .spawn(body)
    {
        Ok(_) => Ok(Value::Int(ident as i64)),
        Err(e) => {
            let running = &ctx.interp.process.running_threads;
            running.fetch_sub(1, Ordering::Relaxed);
            Err(ctx.err("RuntimeError", format!("can't start new thread ({e})")))
        }
    }
}

/// Wait on a condition variable until `ready` holds, the deadline passes, or (in the
/// main thread) Ctrl-C arrives. Returns whether `ready` held.
fn wait_until<T>(
    ctx: &Ctx,
    m: &Mutex<T>,
    cv: &Condvar,
    timeout: Option<f64>,
    mut ready: impl FnMut(&mut T) -> bool,
) -> R<bool> {
    let deadline = timeout.and_then(|t| crate::net::wait::deadline_after(Instant::now(), t));
    let mut guard = m.lock();
    loop {
        if ready(&mut guard) {
            return Ok(true);
        }
        let now = Instant::now();
        if deadline.is_some_and(|d| now >= d) {
            return Ok(false);
        }
        let slice = deadline.map_or(SLICE, |d| (d - now).min(SLICE));
        cv.wait_for(&mut guard, slice);
        if ctx.is_main {
            drop(guard);
            ctx.check_signals()?;
            guard = m.lock();
        }
    }
}

/// `acquire(blocking, timeout)` as CPython reads them (`lock_acquire_parse_args`): the
/// time-out in whole nanoseconds, -1 s meaning none. `None` waits for ever, `Some(0.0)`
/// not at all.
fn timeout_arg(ctx: &Ctx, blocking: bool, v: Option<&Value>) -> R<Option<f64>> {
    const UNSET: i64 = -1_000_000_000;
    let ns = match v {
        None => UNSET,
        Some(v) => super::time::nanoseconds(ctx, v)?,
    };
    if !blocking {
        if ns != UNSET {
            return Err(ctx.value_error("can't specify a timeout for a non-blocking call"));
        }
        return Ok(Some(0.0));
    }
    if ns == UNSET {
        return Ok(None);
    }
    if ns < 0 {
        return Err(ctx.value_error("timeout value must be positive"));
    }
    // PY_TIMEOUT_MAX: LLONG_MAX / 1000 microseconds, the time-out rounded up to them.
    let micros = ns / 1000 + i64::from(ns % 1000 != 0);
    if micros > i64::MAX / 1000 {
        return Err(ctx.err("OverflowError", "timeout value is too large"));
    }
    Ok(Some(super::time::seconds_of_ns(ns)))
}

// ---------------------------------------------------------------------------------

#[derive(Default)]
struct LockState {
    owner: Option<u64>,
    count: usize,
}

/// `threading.Lock` (reentrant: false) and `threading.RLock` (reentrant: true).
pub struct Lock {
    reentrant: bool,
    state: Mutex<LockState>,
    cv: Condvar,
}

fn new_lock(reentrant: bool) -> Value {
    Value::Native(Arc::new(Lock {
        reentrant,
        state: Mutex::new(LockState::default()),
        cv: Condvar::new(),
    }))
}

fn class_of(name: &'static str) -> Arc<Class> {
    static C: OnceLock<Vec<Arc<Class>>> = OnceLock::new();
    let all = C.get_or_init(|| {
        ["lock", "RLock", "Event"]
            .iter()
            .map(|n| {
                let module = if *n == "Event" {
                    "threading"
                } else {
                    "_thread"
                };
                types::make_class(
                    n,
                    module,
                    vec![types::class("object")],
                    Native::Other,
                    Default::default(),
                )
            })
            .collect()
    });
    all.iter()
        .find(|c| &*c.name == name)
        .cloned()
        .unwrap_or_else(|| types::class("object"))
}

impl Lock {
    fn acquire(&self, ctx: &Ctx, a: &[Value], k: &[(Name, Value)]) -> R<bool> {
        let blocking = match a.first().or(kwarg(k, "blocking")) {
            Some(v) => super::functions::to_c_int(ctx, v)? != 0,
            None => true,
        };
        let timeout = timeout_arg(ctx, blocking, a.get(1).or(kwarg(k, "timeout")))?;
        let me = get_ident();
        let reentrant = self.reentrant;
        wait_until(ctx, &self.state, &self.cv, timeout, |st| match st.owner {
            None => {
                st.owner = Some(me);
                st.count = 1;
                true
            }
            Some(o) if reentrant && o == me => {
                st.count += 1;
                true
            }
            _ => false,
        })
    }

    /// Take the lock back after `Condition.wait` with the recursion count it had.
    fn acquire_restore(&self, ctx: &Ctx, a: &[Value]) -> R<bool> {
        let count = match a.first() {
            Some(Value::Int(n)) => (*n).max(1) as usize,
            _ => 1,
        };
        let me = get_ident();
        wait_until(ctx, &self.state, &self.cv, None, |st| {
            if st.owner.is_none() {
                st.owner = Some(me);
                st.count = count;
                true
            } else {
                false
            }
        })
    }

    fn release(&self, ctx: &Ctx) -> R<()> {
        let mut st = self.state.lock();
        match st.owner {
            None => {
                let msg = if self.reentrant {
                    "cannot release un-acquired lock"
                } else {
                    "release unlocked lock"
                };
                Err(ctx.err("RuntimeError", msg))
            }
            Some(o) if self.reentrant && o != get_ident() => {
                Err(ctx.err("RuntimeError", "cannot release un-acquired lock"))
            }
            Some(_) => {
                st.count = st.count.saturating_sub(1);
                if st.count == 0 || !self.reentrant {
                    st.owner = None;
                    st.count = 0;
                    self.cv.notify_one();
                }
                Ok(())
            }
        }
    }
}

impl NativeObject for Lock {
    fn class(&self) -> Arc<Class> {
        class_of(if self.reentrant { "RLock" } else { "lock" })
    }
    fn repr(&self) -> String {
        let st = self.state.lock();
        if self.reentrant {
            let state = if st.owner.is_some() {
                "locked"
            } else {
                "unlocked"
            };
            format!(
                "<{} _thread.RLock object owner={} count={} at {:#x}>",
                state,
                st.owner.unwrap_or(0),
                st.count,
                self as *const Self as usize
            )
        } else {
            let state = if st.owner.is_some() {
                "locked"
            } else {
                "unlocked"
            };
            format!(
                "<{state} _thread.lock object at {:#x}>",
                self as *const Self as usize
            )
        }
    }
    fn get_attr(&self, _ctx: &mut Ctx, _this: &Value, _name: &str) -> Option<R<Value>> {
        None
    }
    fn call_method(
        &self,
        ctx: &mut Ctx,
        this: &Value,
        name: &str,
        a: &[Value],
        k: &[(Name, Value)],
    ) -> Option<R<Value>> {
        Some(match name {
            "acquire" | "acquire_lock" => self.acquire(ctx, a, k).map(Value::Bool),
            "__enter__" => self.acquire(ctx, &[], &[]).map(Value::Bool),
            "release" | "release_lock" => self.release(ctx).map(|_| Value::None),
            "__exit__" => self.release(ctx).map(|_| Value::None),
            "locked" | "locked_lock" => Ok(Value::Bool(self.state.lock().owner.is_some())),
            // What threading.Condition needs of an RLock: ownership, and a full release
            // (whatever the recursion count) that can be restored after a wait.
            "_is_owned" => Ok(Value::Bool(self.state.lock().owner == Some(get_ident()))),
            "_release_save" if self.reentrant => {
                let mut st = self.state.lock();
                if st.owner != Some(get_ident()) {
                    return Some(Err(
                        ctx.err("RuntimeError", "cannot release un-acquired lock")
                    ));
                }
                let saved = st.count as i64;
                st.owner = None;
                st.count = 0;
                self.cv.notify_one();
                Ok(Value::Int(saved))
            }
            "_acquire_restore" if self.reentrant => {
                self.acquire_restore(ctx, a).map(|_| Value::None)
            }
            _ => {
                let _ = this;
                return None;
            }
        })
    }
    fn attr_names(&self) -> Vec<&'static str> {
        let mut v = vec!["acquire", "release", "locked", "__enter__", "__exit__"];
        if self.reentrant {
            v.extend(["_is_owned", "_release_save", "_acquire_restore"]);
        }
        v
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `threading.Event`.
#[derive(Default)]
pub struct Event {
    flag: Mutex<bool>,
    cv: Condvar,
}

impl NativeObject for Event {
    fn class(&self) -> Arc<Class> {
        class_of("Event")
    }
    fn repr(&self) -> String {
        let state = if *self.flag.lock() { "set" } else { "unset" };
        format!(
            "<threading.Event at {:#x}: {state}>",
            self as *const Self as usize
        )
    }
    fn get_attr(&self, _ctx: &mut Ctx, _this: &Value, _name: &str) -> Option<R<Value>> {
        None
    }
    fn call_method(
        &self,
        ctx: &mut Ctx,
        _this: &Value,
        name: &str,
        a: &[Value],
        k: &[(Name, Value)],
    ) -> Option<R<Value>> {
        Some(match name {
            "set" => {
                *self.flag.lock() = true;
                self.cv.notify_all();
                Ok(Value::None)
            }
            "clear" => {
                *self.flag.lock() = false;
                Ok(Value::None)
            }
            "is_set" => Ok(Value::Bool(*self.flag.lock())),
            "isSet" => {
                super::support::deprecated(ctx, "isSet() is deprecated, use is_set() instead")
                    .map(|_| Value::Bool(*self.flag.lock()))
            }
            "wait" => (|| {
                // CPython's Event.wait is Condition.wait in Python: a set flag answers at
                // once, whatever the time-out; otherwise `timeout > 0` decides between a
                // timed acquire and none at all.
                if *self.flag.lock() {
                    return Ok(Value::Bool(true));
                }
                let timeout = match a.first().or(kwarg(k, "timeout")) {
                    None | Some(Value::None) => None,
                    Some(v) => {
                        if !crate::interp::ops::greater_than(ctx, v, &Value::Int(0))? {
                            return Ok(Value::Bool(*self.flag.lock()));
                        }
                        timeout_arg(ctx, true, Some(v))?
                    }
                };
                wait_until(ctx, &self.flag, &self.cv, timeout, |f| *f).map(Value::Bool)
            })(),
            _ => return None,
        })
    }
    fn attr_names(&self) -> Vec<&'static str> {
        vec!["set", "clear", "is_set", "wait"]
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `threading._shutdown()` at the end of the program: wait for non-daemon threads.
pub fn shutdown(ctx: &mut Ctx) {
    let module = ctx.interp.modules.lock().get("threading").cloned();
    if let Some(m) = module {
        if let Ok(f) = getattr(ctx, &m, "_shutdown") {
            if let Err(e) = call(ctx, &f, vec![], vec![]) {
                if !e.is("KeyboardInterrupt") {
                    let report = crate::interp::render_traceback(ctx, &e);
                    ctx.interp.write_stderr(&report);
                }
            }
        }
    }
}
