//! A session: one interpreter, its sockets and its lab services, driven one entry at a
//! time. The REPL is one front end over it; lessons (`crate::lesson`) are the next: they
//! run a student's entry with [`Session::run`] and then check the *state* of the
//! session rather than the text typed.
//!
//! - `session.rs`: [`Session`], running entries and checks;
//! - `sockets`: the sockets and events by the names the student gave them;
//! - `live`: event lines as they happen, in order with the output;
//! - `packets`: the packet view's session side (capture, names of the ends, `:flow`).
//!
//! # Checks
//! [`Session::evaluate_isolated`] evaluates a lesson's check quietly (live output muted,
//! its events not shown), isolated (on a copy of the globals, and [`read_only`] so that
//! only [`PURE_SOCKET_METHODS`] work on sockets) and bounded (stopped through the
//! interrupt flag after a deadline). [`Session::last_exception`] and
//! [`Session::events_since`] give what Python cannot see.
//!
//! # Where the code runs
//! The evaluator recurses once per Python call, so entries run on one long-lived worker
//! thread with the interpreter's big stack (`interp::INTERPRETER_STACK`), never on the
//! caller's thread. The caller waits for the entry and, every [`TICK`], may look at what
//! the sockets did meanwhile (a server loop's events appear while it runs).
//!
//! # Interrupting
//! Ctrl-C sets [`Session::interrupt_flag`] (the REPL's SIGINT handler does that); loops,
//! `time.sleep` and blocking socket calls check it and raise `KeyboardInterrupt`, which
//! ends the entry like any exception. Names and sockets stay as they were.

pub mod live;
pub mod packets;
pub mod sockets;

pub use live::{EventRenderer, LiveEvents};
pub use packets::PacketInfo;
pub use sockets::{SocketEvent, SocketRow};

use crate::hints::{self, Facts};
use crate::interp::{self, Ctx, Globals, Interp, Value};
use crate::syntax::{ast, Source};
use parking_lot::Mutex;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Duration;

/// How long a check stopped through the interrupt flag has to end before its caller
/// stops waiting for it.
const CHECK_GRACE: Duration = Duration::from_secs(1);

/// How often a waiting caller gets control back while an entry runs.
pub const TICK: Duration = Duration::from_millis(100);

/// The most output one entry keeps for [`Outcome::stdout`]; an endless `print` loop must
/// not fill memory. What goes to the terminal is not limited.
const CAPTURE_LIMIT: usize = 1 << 20;

/// How a session is set up.
#[derive(Clone, Default)]
pub struct SessionOptions {
    /// Also write the program's output to this process's standard output and error as it
    /// happens (the REPL); otherwise it is only captured (lessons, tests).
    pub live_output: bool,
    /// With `live_output`: write a line for each socket event as it happens, in order
    /// with the output, rendered by this (`live.rs`).
    pub live_events: Option<EventRenderer>,
}

/// An error an entry ended with: a syntax error or an uncaught exception.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorReport {
    /// The exception's class (`ConnectionRefusedError`, `SyntaxError`).
    pub class: String,
    /// `str()` of the exception.
    pub message: String,
    /// What CPython's REPL prints: the traceback (or caret) and the exception line.
    pub report: String,
    /// One line in the lecture's terms, without the `hint: ` prefix.
    pub hint: Option<String>,
}

/// What one entry did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// `repr` of the last value echoed (a bare expression that was not `None`).
    pub value: Option<String>,
    /// Everything the entry wrote to standard output, echoed values included.
    pub stdout: String,
    /// What the program itself wrote to standard error (not the error report).
    pub stderr: String,
    pub error: Option<ErrorReport>,
    /// What happened to sockets while the entry ran, in order, each with the names it
    /// is known by after the entry.
    pub events: Vec<SocketEvent>,
    /// `exit()` / `sys.exit(code)` was called: the front end should end with this code.
    pub exit: Option<i32>,
}

impl Outcome {
    pub fn ok(&self) -> bool {
        self.error.is_none()
    }
}

/// A value an expression evaluated to, as a lesson's check sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluated {
    pub repr: String,
    pub truthy: bool,
}

type Job = Box<dyn FnOnce(&mut Ctx) + Send>;

/// One interpreter session.
pub struct Session {
    interp: Arc<Interp>,
    jobs: Option<mpsc::Sender<Job>>,
    services: Arc<Mutex<crate::labs::Services>>,
    stdout: Capture,
    stderr: Capture,
    /// Entries that ran without an error, for `:save`.
    inputs: Vec<String>,
    /// Set while a check is evaluated: live output is not shown.
    muted: Arc<AtomicBool>,
    /// The exception the last failed entry ended with (a lesson's `last_exception()`).
    last_exception: Arc<Mutex<Option<Value>>>,
    /// For each of `inputs`, whether the REPL echoed a value after it (`:save` prints it).
    echoed: Vec<bool>,
    /// The live event lines, when the front end shows them (`SessionOptions`).
    live: Option<Arc<LiveEvents>>,
    /// The packet capture, when on (`:trace on`; `packets.rs`).
    packets: Arc<Mutex<packets::Trace>>,
}

/// A shared byte buffer that a sink appends to and the session takes from.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Capture {
    fn take(&self) -> String {
        let bytes = std::mem::take(&mut *self.0.lock());
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

/// Where the interpreter's output goes: into the capture, and to the terminal when live.
struct Tee {
    capture: Capture,
    live: Option<Box<dyn Write + Send>>,
    /// Set while a lesson's check runs: nothing it writes reaches the terminal.
    muted: Arc<AtomicBool>,
    /// Event lines go to the terminal just before the output that follows them.
    events: Option<Arc<LiveEvents>>,
}

impl Write for Tee {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.muted.load(Ordering::Relaxed) {
            // A check's output is dropped: not shown, and not the student's.
            return Ok(buf.len());
        }
        if let (Some(events), Some(live)) = (&self.events, &mut self.live) {
            let lines = events.before_output(buf);
            if !lines.is_empty() {
                live.write_all(lines.as_bytes())?;
            }
        }
        {
            let mut c = self.capture.0.lock();
            let room = CAPTURE_LIMIT.saturating_sub(c.len());
            c.extend_from_slice(&buf[..buf.len().min(room)]);
        }
        if let Some(live) = &mut self.live {
            if !self.muted.load(Ordering::Relaxed) {
                live.write_all(buf)?;
            }
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.live {
            Some(live) => live.flush(),
            None => Ok(()),
        }
    }
}

impl Session {
    pub fn new(options: SessionOptions) -> std::io::Result<Session> {
        crate::builtins::site::answer_help_with(crate::help::help_for_value);
        // CPython's REPL has `sys.argv == ['']`.
        let interp = Interp::new(vec![String::new()]);
        interp.main.set("__name__", Value::str("__main__"));
        let stdout = Capture::default();
        let stderr = Capture::default();
        let muted = Arc::new(AtomicBool::new(false));
        sockets::collect_events(&interp);
        let live_events = match (&options.live_events, options.live_output) {
            (Some(render), true) => Some(Arc::new(LiveEvents::new(&interp, render.clone()))),
            _ => None,
        };
        {
            let live: Option<Box<dyn Write + Send>> = if options.live_output {
                Some(Box::new(crate::view::transcript::Tee(std::io::stdout())))
            } else {
                None
            };
            let mut out = interp.stdout.lock();
            out.sink = Box::new(Tee {
                capture: stdout.clone(),
                live,
                muted: muted.clone(),
                events: live_events.clone(),
            });
            out.line_buffered = true;
            let live: Option<Box<dyn Write + Send>> = if options.live_output {
                Some(Box::new(crate::view::transcript::Tee(std::io::stderr())))
            } else {
                None
            };
            let mut err = interp.stderr.lock();
            err.sink = Box::new(Tee {
                capture: stderr.clone(),
                live,
                muted: muted.clone(),
                events: live_events.clone(),
            });
        }
        let (tx, rx) = mpsc::channel::<Job>();
        // The front end reads the values the worker makes (reprs, the socket table).
        interp::sharing::share_values();
        let worker_interp = interp.clone();
        std::thread::Builder::new()
            .name("socklab-session".into())
            .stack_size(crate::interp::INTERPRETER_STACK)
            .spawn(move || {
                let mut ctx = worker_interp.new_ctx();
                while let Ok(job) = rx.recv() {
                    job(&mut ctx);
                    ctx.depth = 0;
                    ctx.handling.clear();
                }
                // The session is over: free what its program built.
                crate::interp::tear_down(&mut ctx);
            })?;
        Ok(Session {
            interp,
            jobs: Some(tx),
            services: Arc::new(Mutex::new(crate::labs::Services::new())),
            stdout,
            stderr,
            inputs: Vec::new(),
            muted,
            last_exception: Arc::new(Mutex::new(None)),
            echoed: Vec::new(),
            live: live_events,
            packets: Default::default(),
        })
    }

    /// The live event lines, for a front end that shows them while the prompt waits.
    pub fn live_events(&self) -> Option<Arc<LiveEvents>> {
        self.live.clone()
    }

    /// Where the event log is now: [`Session::events_since`] this cursor gives only the
    /// events that happen from now on.
    pub fn event_cursor(&self) -> u64 {
        self.interp.sockets.cursor()
    }

    /// The events from `cursor` on (as many as the log keeps), with the names their
    /// sockets have now. The next cursor is the last one's `event.seq + 1`.
    pub fn events_since(&self, cursor: u64) -> Vec<SocketEvent> {
        sockets::name_events(&self.interp, self.interp.sockets.events_since(cursor))
    }

    pub fn interp(&self) -> &Arc<Interp> {
        &self.interp
    }

    /// The flag a SIGINT handler sets to interrupt the running entry.
    pub fn interrupt_flag(&self) -> Arc<AtomicBool> {
        self.interp.interrupted.clone()
    }

    /// The session's lab services (`:serve`, a lesson's `needs`).
    pub fn services(&self) -> Arc<Mutex<crate::labs::Services>> {
        self.services.clone()
    }

    /// Entries that ran without an error, in order.
    pub fn inputs(&self) -> &[String] {
        &self.inputs
    }

    /// For each of [`Session::inputs`], whether a value was echoed after it.
    pub fn echoed(&self) -> &[bool] {
        &self.echoed
    }

    /// Run `f` on the interpreter thread and wait for it, calling `tick` every [`TICK`].
    /// `None` if it panicked (a bug, reported on standard error by the panic hook).
    pub fn call<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Ctx) -> T + Send + 'static,
        tick: &mut dyn FnMut(),
    ) -> Option<T> {
        self.call_until(f, tick, None).ok().flatten()
    }

    /// [`Session::call`], giving up waiting at `give_up`: `Err(())` then, with `f` still
    /// running on the interpreter thread (the next call waits behind it).
    fn call_until<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Ctx) -> T + Send + 'static,
        tick: &mut dyn FnMut(),
        give_up: Option<std::time::Instant>,
    ) -> Result<Option<T>, ()> {
        let (tx, rx) = mpsc::channel();
        let job: Job = Box::new(move |ctx| {
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(ctx)));
            let _ = tx.send(r.ok());
        });
        let Some(jobs) = self.jobs.as_ref() else {
            return Ok(None);
        };
        if jobs.send(job).is_err() {
            return Ok(None);
        }
        loop {
            match rx.recv_timeout(TICK) {
                Ok(r) => return Ok(r),
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if give_up.is_some_and(|g| std::time::Instant::now() >= g) {
                        return Err(());
                    }
                    tick()
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(None),
            }
        }
    }

    /// Run one entry (a statement, a block, several statements), echoing the value of
    /// each bare expression as Python's REPL does.
    pub fn run(&mut self, text: &str) -> Outcome {
        self.run_with(text, &mut || {})
    }

    /// [`Session::run`], calling `tick` every [`TICK`] while the entry runs.
    pub fn run_with(&mut self, text: &str, tick: &mut dyn FnMut()) -> Outcome {
        self.run_entry_with(text, tick, true)
    }

    /// Run `text` as a program body runs: like [`Session::run`], but a bare expression's
    /// value is not echoed (a lesson's setup: `peer.sendto(...)` must not print `1`).
    pub fn run_unechoed(&mut self, text: &str) -> Outcome {
        self.run_entry_with(text, &mut || {}, false)
    }

    fn run_entry_with(&mut self, text: &str, tick: &mut dyn FnMut(), echo: bool) -> Outcome {
        if text.trim().is_empty() {
            return Outcome::default();
        }
        self.interp.interrupted.store(false, Ordering::Relaxed);
        let services: Vec<(String, u16)> = self
            .services
            .lock()
            .list()
            .iter()
            .map(|r| (r.service.name(), r.addr.port()))
            .collect();
        let owned = text.to_string();
        let start = self.event_cursor();
        if let Some(live) = &self.live {
            live.start_entry();
        }
        self.packets.lock().entry_starts(text);
        let live = self.live.clone();
        let last_exception = self.last_exception.clone();
        let result = self.call(
            move |ctx| run_entry(ctx, &owned, &services, &last_exception, echo),
            &mut || {
                tick();
                if let Some(live) = &live {
                    say(&live.on_tick());
                }
            },
        );
        self.interp.interrupted.store(false, Ordering::Relaxed);
        self.packets.lock().entry_ends();
        let mut outcome = match result {
            Some(r) => r,
            None => Outcome {
                error: Some(ErrorReport {
                    class: "SystemError".into(),
                    message: "internal error".into(),
                    report: "SystemError: socklab hit an internal error (a bug) running this; \
                             the session goes on\n"
                        .into(),
                    hint: None,
                }),
                ..Outcome::default()
            },
        };
        let _ = self.interp.flush();
        outcome.stdout = self.stdout.take();
        outcome.stderr = self.stderr.take();
        if let Some(live) = &self.live {
            // The traceback ends with the line the failed call's event recorded.
            let ended_by = outcome
                .error
                .as_ref()
                .and_then(|e| e.report.trim_end().lines().last().map(str::to_string));
            say(&live.end_entry(ended_by.as_deref()));
        }
        outcome.events = self.events_since(start);
        if outcome.error.is_none() && outcome.exit.is_none() {
            self.inputs.push(text.trim_end().to_string());
            self.echoed.push(outcome.value.is_some());
        }
        outcome
    }

    /// Evaluate one expression in the session without echoing it (a lesson's check,
    /// `:hex EXPR`).
    pub fn evaluate(&mut self, expr: &str) -> Result<Evaluated, ErrorReport> {
        let owned = expr.to_string();
        let start = self.event_cursor();
        let r = self.call(
            move |ctx| {
                let v = eval_expression(ctx, &owned)?;
                let repr = interp::repr::repr(ctx, &v).unwrap_or_default();
                let truthy = interp::exec::truthy(ctx, &v).unwrap_or(false);
                Ok(Evaluated { repr, truthy })
            },
            &mut || {},
        );
        self.stdout.take();
        self.stderr.take();
        self.quiet_since(start);
        r.unwrap_or_else(|| Err(internal_error()))
    }

    /// A quiet evaluation's events are not shown as the student's.
    fn quiet_since(&self, start: u64) {
        if let Some(live) = &self.live {
            live.skip_quiet(start, self.event_cursor());
        }
    }

    /// Evaluate `expr` and hand its value to `f` on the interpreter thread.
    pub fn with_value<T: Send + 'static>(
        &mut self,
        expr: &str,
        f: impl FnOnce(&mut Ctx, Value) -> T + Send + 'static,
    ) -> Result<T, ErrorReport> {
        let owned = expr.to_string();
        let start = self.event_cursor();
        let r = self.call(
            move |ctx| eval_expression(ctx, &owned).map(|v| f(ctx, v)),
            &mut || {},
        );
        self.stdout.take();
        self.stderr.take();
        self.quiet_since(start);
        r.unwrap_or_else(|| Err(internal_error()))
    }

    /// The exception the last failed entry ended with, if any.
    pub fn last_exception(&self) -> Option<Value> {
        self.last_exception.lock().clone()
    }

    /// Evaluate a lesson's check: *quietly* (live output muted, what it prints dropped,
    /// its events not shown), *isolated* (in a copy of the globals, so it cannot rebind
    /// the student's names, and [`read_only`] while it runs, so socket methods that
    /// change a socket refuse) and *bounded* (stopped through the interrupt flag after
    /// `deadline`, then an error of class `TimeoutError`). `prepare` runs first on the
    /// interpreter thread and adds the check's own names (its helpers) to the copy.
    pub fn evaluate_isolated(
        &mut self,
        expr: &str,
        deadline: Duration,
        prepare: impl FnOnce(&mut Ctx, &Arc<Globals>) + Send + 'static,
    ) -> Result<Evaluated, ErrorReport> {
        let owned = expr.to_string();
        let start = self.event_cursor();
        // The interrupt flag is not cleared first: a Ctrl-C pressed just before the check
        // began (after its entry ended) is meant for it.
        self.muted.store(true, Ordering::Relaxed);
        let flag = self.interp.interrupted.clone();
        let started = std::time::Instant::now();
        let mut stopped = false;
        // A built-in that never looks at the interrupt flag (`sum(range(10**12))`)
        // cannot be stopped; the caller is not held hostage by it.
        let give_up = started + deadline + CHECK_GRACE;
        let muted = self.muted.clone();
        let r = self.call_until(
            move |ctx| {
                // Unmuted by the check itself when it ends, even after its caller gave up.
                struct Unmute(Arc<AtomicBool>);
                impl Drop for Unmute {
                    fn drop(&mut self) {
                        self.0.store(false, Ordering::Relaxed);
                    }
                }
                let _unmute = Unmute(muted);
                let copy = Globals::new("__main__");
                for (name, value) in ctx.interp.main.items() {
                    copy.set(&name, value);
                }
                prepare(ctx, &copy);
                let _guard = ReadOnly::enter();
                let r = eval_expression_in(ctx, &owned, &copy).map(|v| {
                    let repr = interp::repr::repr(ctx, &v).unwrap_or_default();
                    let truthy = interp::exec::truthy(ctx, &v).unwrap_or(false);
                    Evaluated { repr, truthy }
                });
                let _ = ctx.interp.flush();
                r
            },
            &mut || {
                if started.elapsed() >= deadline {
                    stopped = true;
                    flag.store(true, Ordering::Relaxed);
                }
            },
            Some(give_up),
        );
        let Ok(r) = r else {
            // Still muted until the runaway check ends: what it prints is not the student's.
            return Err(ErrorReport {
                class: "TimeoutError".into(),
                message: format!(
                    "still running after {:.1} s and it cannot be stopped; the session \
                     goes on once it ends",
                    (deadline + CHECK_GRACE).as_secs_f64()
                ),
                report: String::new(),
                hint: None,
            });
        };
        self.interp.interrupted.store(false, Ordering::Relaxed);
        self.stdout.take();
        self.stderr.take();
        self.quiet_since(start);
        let r = r.unwrap_or_else(|| Err(internal_error()));
        match r {
            Err(e) if stopped && e.class == "KeyboardInterrupt" => Err(ErrorReport {
                class: "TimeoutError".into(),
                message: format!(
                    "still running after {:.1} s, so it was stopped",
                    deadline.as_secs_f64()
                ),
                report: String::new(),
                hint: None,
            }),
            r => r,
        }
    }

    /// Every live socket of the session, with the names that hold it.
    pub fn sockets(&self) -> Vec<SocketRow> {
        sockets::rows(&self.interp)
    }

    /// `:reset`: close every socket and forget every name (lab services keep running).
    pub fn reset(&mut self) {
        let start = self.event_cursor();
        self.interp.sockets.close_all();
        self.interp.main.clear();
        self.interp.main.set("__name__", Value::str("__main__"));
        self.inputs.clear();
        self.echoed.clear();
        self.quiet_since(start);
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // Sockets close deterministically at the end of a session, whoever still holds
        // them; the worker ends when its queue closes. As at CPython's exit, a daemon
        // thread still waiting in one of them ends silently, not with a traceback.
        self.interp
            .finalizing
            .store(true, std::sync::atomic::Ordering::Relaxed);
        self.interp.sockets.close_all();
        self.jobs = None;
        let _ = self.interp.flush();
    }
}

/// Write live lines to the terminal; a closed terminal is not the entry's problem.
fn say(text: &str) {
    if !text.is_empty() {
        crate::view::transcript::record(text);
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(text.as_bytes());
        let _ = out.flush();
    }
}

/// What a lesson's check may do to the student's sockets is the socket module's to
/// say (`builtins::socket::checks`).
pub use crate::builtins::socket::{read_only, ReadOnly, PURE_SOCKET_METHODS};

fn internal_error() -> ErrorReport {
    ErrorReport {
        class: "SystemError".into(),
        message: "internal error".into(),
        report: "SystemError: socklab hit an internal error (a bug)\n".into(),
        hint: None,
    }
}

/// Compile and run one entry on the interpreter thread.
fn run_entry(
    ctx: &mut Ctx,
    text: &str,
    services: &[(String, u16)],
    last_exception: &Mutex<Option<Value>>,
    echo_values: bool,
) -> Outcome {
    let mut outcome = Outcome::default();
    let src = Source::new("<stdin>", format!("{text}\n"));
    let globals = ctx.interp.main.clone();
    let module = match interp::compile(&src, &globals) {
        Ok(m) => m,
        Err(e) => {
            let class = e.kind.class_name().to_string();
            let hint = hints::explain(
                &class,
                &e.msg,
                &Facts {
                    interactive: true,
                    ..Facts::default()
                },
            );
            outcome.error = Some(ErrorReport {
                class,
                message: e.msg.clone(),
                report: e.render(&src),
                hint,
            });
            return outcome;
        }
    };
    let mut last = None;
    let mut echo = |ctx: &mut Ctx, v: Value| -> interp::R<()> {
        if v.is_none() || !echo_values {
            return Ok(());
        }
        let text = interp::repr::repr(ctx, &v)?;
        ctx.interp.main.set("_", v);
        // Through the interpreter's own stdout, so echoes and prints stay in order.
        let _ = ctx.interp.write_stdout(&format!("{text}\n"));
        last = Some(text);
        Ok(())
    };
    let result = interp::exec::run_interactive(ctx, &module, &globals, &src, &mut echo);
    outcome.value = last;
    let _ = ctx.interp.flush();
    if let Err(exc) = result {
        if let Some(code) = interp::exit_status(ctx, &exc) {
            outcome.exit = Some(code);
            return outcome;
        }
        *last_exception.lock() = Some(exc.value.clone());
        outcome.error = Some(report_exception(ctx, &exc, &src, services));
    }
    outcome
}

/// Parse, resolve and evaluate one expression against the session's globals.
fn eval_expression(ctx: &mut Ctx, expr: &str) -> Result<Value, ErrorReport> {
    let globals = ctx.interp.main.clone();
    eval_expression_in(ctx, expr, &globals)
}

fn eval_expression_in(
    ctx: &mut Ctx,
    expr: &str,
    globals: &Arc<Globals>,
) -> Result<Value, ErrorReport> {
    let src = Source::new("<stdin>", format!("{expr}\n"));
    let globals = globals.clone();
    let module = interp::compile(&src, &globals).map_err(|e| ErrorReport {
        class: e.kind.class_name().to_string(),
        message: e.msg.clone(),
        report: e.render(&src),
        hint: None,
    })?;
    let is_expr = module.body.len() == 1 && matches!(module.body[0].kind, ast::StmtKind::Expr(_));
    if !is_expr {
        return Err(ErrorReport {
            class: "SyntaxError".into(),
            message: "expected one expression".into(),
            report: "SyntaxError: expected one expression\n".into(),
            hint: None,
        });
    }
    let mut value = Value::None;
    let mut keep = |_: &mut Ctx, v: Value| -> interp::R<()> {
        value = v;
        Ok(())
    };
    match interp::exec::run_interactive(ctx, &module, &globals, &src, &mut keep) {
        Ok(()) => Ok(value),
        Err(exc) => Err(report_exception(ctx, &exc, &src, &[])),
    }
}

fn report_exception(
    ctx: &mut Ctx,
    exc: &interp::Exc,
    src: &Arc<Source>,
    services: &[(String, u16)],
) -> ErrorReport {
    let report = interp::render_traceback(ctx, exc);
    let report = hints::decorate_last_line(ctx, exc, report);
    let class = exc.class_name();
    let message = interp::repr::str(ctx, &exc.value).unwrap_or_default();
    let facts = gather_facts(ctx, exc, src, &message, services);
    ErrorReport {
        hint: hints::explain(&class, &message, &facts),
        class,
        message,
        report,
    }
}

/// What the session can find out about an error that its message does not say.
fn gather_facts(
    ctx: &mut Ctx,
    exc: &interp::Exc,
    src: &Arc<Source>,
    message: &str,
    services: &[(String, u16)],
) -> Facts {
    let mut facts = Facts {
        interactive: true,
        wrong_name: exc.hint_name.as_ref().map(|n| n.to_string()),
        suggestion: interp::suggest::suggestion(ctx, exc).map(|n| n.to_string()),
        ..Facts::default()
    };
    if exc.is("AttributeError") {
        facts.object_kind = exc
            .attr_obj
            .as_ref()
            .map(|o| interp::types::type_of(o).name.to_string());
        if facts.suggestion.is_none() {
            if let (Some(wrong), Some(obj)) = (&facts.wrong_name, &exc.attr_obj) {
                let names = crate::builtins::attribute_names(obj);
                facts.suggestion = lenient_suggestion(wrong, &names);
            }
        }
    }
    if exc.is("NameError") && facts.suggestion.is_none() {
        if let Some(wrong) = &facts.wrong_name {
            let names: Vec<String> = exc
                .candidates
                .iter()
                .flatten()
                .map(|n| n.to_string())
                .collect();
            facts.suggestion = lenient_suggestion(wrong, &names);
        }
    }
    if exc.is("NameError") {
        if let Some(name) = &facts.wrong_name {
            facts.module_with_name = crate::help::module_of_member(name);
        }
    }
    facts.services = services.to_vec();
    // The call the traceback points at, in the student's own text, and the socket it
    // was made on (looked up only at module level, where the names are the session's).
    // The innermost frame of the student's own code (this entry's, or a function an
    // earlier entry defined) holds the call; frames of built-in modules do not.
    let site = exc.tb.iter().find(|t| t.source.name == "<stdin>");
    if let Some(t) = site {
        let text = t.source.text.get(t.offset as usize..).unwrap_or("");
        facts.calls = hints::calls_at(text);
        if Arc::ptr_eq(&t.source, src) && &*t.func == "<module>" {
            facts.socket = facts
                .calls
                .iter()
                .rev()
                .filter_map(|c| c.receiver.as_deref())
                .find_map(|r| socket_facts(ctx, r));
            facts.host = facts.calls.iter().rev().find_map(|c| host_of_call(ctx, c));
        }
    }
    let refused = exc.is("ConnectionRefusedError");
    let in_use = message.contains("Address already in use");
    if facts.host.is_some() || refused || in_use {
        let calls: &[&str] = if !in_use {
            &[".connect(", ".connect_ex(", "create_connection("]
        } else {
            &[".bind(", "create_server(", "TCPServer(", "UDPServer("]
        };
        // The innermost frame that ran this entry's code holds the failing call.
        let line = exc
            .tb
            .iter()
            .find(|t| Arc::ptr_eq(&t.source, src))
            .map(|t| src.line_text(src.line_of(t.offset as usize)).to_string());
        if let Some(arg) = line.and_then(|l| call_argument(&l, calls)) {
            facts.address = address_of(ctx, &arg);
        }
        if in_use {
            if let Some(port) = facts
                .address
                .as_deref()
                .and_then(|a| a.rsplit(':').next())
                .and_then(|p| p.parse::<u16>().ok())
            {
                facts.own_holder = own_socket_on_port(ctx, port);
                if facts.own_holder.is_none() {
                    facts.holder = sockets::holder_of_port(&ctx.interp, port, services);
                }
            }
        }
    }
    if refused {
        if let Some(port) = facts
            .address
            .as_deref()
            .and_then(|a| a.rsplit(':').next())
            .and_then(|p| p.parse::<u16>().ok())
        {
            facts.own_holder = own_socket_on_port(ctx, port);
        }
    }
    facts
}

/// The student's own socket bound to `port`, by name, with its state.
fn own_socket_on_port(ctx: &Ctx, port: u16) -> Option<(String, crate::net::State)> {
    let suffix = format!(":{port}");
    let row = sockets::rows(&ctx.interp)
        .into_iter()
        .find(|r| r.local.as_deref().is_some_and(|l| l.ends_with(&suffix)))?;
    let sock = ctx.interp.sockets.get(row.id)?;
    let state = sock.inner.lock().state;
    Some((sockets::label(&row.names, row.fd), state))
}

/// What the socket table knows of the socket `receiver` (as written) names.
fn socket_facts(ctx: &mut Ctx, receiver: &str) -> Option<hints::SocketFacts> {
    let value = quiet_value(ctx, receiver)?;
    let obj = value.as_native::<crate::builtins::socket::SocketObj>()?;
    let sock = obj.sock.clone();
    let (state, peer) = {
        let st = sock.inner.lock();
        (st.state, st.peer.clone())
    };
    let os = sock.os();
    Some(hints::SocketFacts {
        name: receiver.to_string(),
        state,
        stream: sock.is_stream(),
        reuseaddr: os.as_ref().and_then(|o| o.reuse_address().ok()) == Some(true),
        broadcast: os.as_ref().and_then(|o| o.broadcast().ok()) == Some(true),
        peer,
    })
}

/// The host name a call that looks names up was given (`connect(('time.nist.gov', 13))`,
/// `gethostbyname('time.nist.gov')`), evaluated without running any code.
fn host_of_call(ctx: &mut Ctx, call: &hints::Call) -> Option<String> {
    let takes_address = matches!(
        call.name.as_str(),
        "connect" | "connect_ex" | "create_connection" | "sendto"
    );
    let takes_host = matches!(
        call.name.as_str(),
        "gethostbyname" | "gethostbyname_ex" | "gethostbyaddr" | "getaddrinfo" | "getfqdn"
    );
    if !takes_address && !takes_host {
        return None;
    }
    let arg = if call.name == "sendto" {
        // sendto(data, address): the address is the last argument.
        let src = Source::new("<hint>", format!("({},)\n", call.args));
        let expr = crate::syntax::parse_expression(&src).ok()?;
        match &expr.kind {
            ast::ExprKind::Tuple(items) => {
                let last = items.last()?;
                src.text[last.span.lo as usize..last.span.hi as usize].to_string()
            }
            _ => return None,
        }
    } else {
        call.args.clone()
    };
    let value = quiet_value(ctx, &arg)?;
    let host = match &value {
        Value::Str(s) if takes_host => s.to_string(),
        Value::Tuple(t) if t.len() >= 2 => match &t[0] {
            Value::Str(s) => s.to_string(),
            _ => return None,
        },
        _ => return None,
    };
    Some(host)
}

/// A "did you mean" for the hint line, more forgiving than CPython's (which only
/// allows a few edits): the lecture's typical slips (`recieve` for `recv`) are far in
/// edits but close in what was meant.
fn lenient_suggestion(wrong: &str, names: &[String]) -> Option<String> {
    let lower = wrong.to_lowercase();
    let known = match lower.as_str() {
        "receive" | "recieve" | "recive" | "reciev" | "read" => Some("recv"),
        "receivefrom" | "recievefrom" | "receive_from" | "recieve_from" | "recv_from" => {
            Some("recvfrom")
        }
        "send_all" | "sendeall" => Some("sendall"),
        "send_to" => Some("sendto"),
        "write" => Some("send"),
        _ => None,
    };
    if let Some(k) = known.filter(|k| names.iter().any(|n| n == k)) {
        return Some(k.to_string());
    }
    names
        .iter()
        .filter(|n| !n.starts_with('_'))
        .map(|n| (strsim::jaro_winkler(&lower, &n.to_lowercase()), n))
        .filter(|(score, _)| *score >= 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, n)| n.clone())
}

/// The text inside the parentheses of the first of `calls` on `line`.
fn call_argument(line: &str, calls: &[&str]) -> Option<String> {
    let start = calls
        .iter()
        .filter_map(|c| line.find(c).map(|i| i + c.len()))
        .min()?;
    let mut depth = 1usize;
    for (i, ch) in line[start..].char_indices() {
        match ch {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(line[start..start + i].to_string());
                }
            }
            _ => {}
        }
    }
    None
}

/// `host:port` for an address argument, evaluated only if it cannot run any code
/// (names, constants, tuples, attributes: never a call).
fn address_of(ctx: &mut Ctx, arg: &str) -> Option<String> {
    // `create_server(addr, family=...)`: the address is the first argument.
    let src = Source::new("<hint>", format!("{arg}\n"));
    let expr = crate::syntax::parse_expression(&src).ok()?;
    let expr = match &expr.kind {
        ast::ExprKind::Tuple(items) if items.len() > 1 && !is_address_tuple(items) => {
            items.first()?.clone()
        }
        _ => expr,
    };
    if !side_effect_free(&expr) {
        return None;
    }
    let text = src.text[expr.span.lo as usize..expr.span.hi as usize].to_string();
    match &quiet_value(ctx, &text)? {
        Value::Tuple(t) if t.len() >= 2 => {
            let host = match &t[0] {
                Value::Str(s) if s.is_empty() => "0.0.0.0".to_string(),
                Value::Str(s) => s.to_string(),
                _ => return None,
            };
            let port = match &t[1] {
                Value::Int(p) => *p,
                _ => return None,
            };
            Some(format!("{host}:{port}"))
        }
        _ => None,
    }
}

/// The value of the expression `text` in the session's globals, evaluated only if it
/// cannot run any code (names, constants, tuples, attributes, subscripts: never a call).
fn quiet_value(ctx: &mut Ctx, text: &str) -> Option<Value> {
    let src = Source::new("<hint>", format!("{text}\n"));
    let expr = crate::syntax::parse_expression(&src).ok()?;
    if !side_effect_free(&expr) {
        return None;
    }
    let globals = ctx.interp.main.clone();
    let src = Source::new("<hint>", format!("({text})\n"));
    let module = interp::compile(&src, &globals).ok()?;
    let mut value = None;
    let mut keep = |_: &mut Ctx, v: Value| -> interp::R<()> {
        value = Some(v);
        Ok(())
    };
    interp::exec::run_interactive(ctx, &module, &globals, &src, &mut keep).ok()?;
    value
}

/// `(host, port)` itself, as opposed to `(address, handler)`.
fn is_address_tuple(items: &[ast::Expr]) -> bool {
    items.len() == 2
        && matches!(
            &items[1].kind,
            ast::ExprKind::Const(_) | ast::ExprKind::Name(_) | ast::ExprKind::Attribute(..)
        )
        && !matches!(&items[0].kind, ast::ExprKind::Tuple(_))
}

fn side_effect_free(e: &ast::Expr) -> bool {
    use ast::ExprKind::*;
    match &e.kind {
        Name(_) | Const(_) => true,
        Tuple(items) => items.iter().all(side_effect_free),
        Attribute(obj, _) => side_effect_free(obj),
        Binary(a, _, b) => side_effect_free(a) && side_effect_free(b),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> Session {
        Session::new(SessionOptions::default()).expect("session")
    }

    #[test]
    fn an_entry_s_events_are_typed_and_in_order() {
        use crate::net::{EventKind, State};
        let mut s = session();
        let o = s.run(
            "import socket\nsrv = socket.socket()\nsrv.bind(('127.0.0.1', 0))\nsrv.listen(3)\n",
        );
        let kinds: Vec<&EventKind> = o.events.iter().map(|e| &e.event.kind).collect();
        assert!(
            matches!(
                kinds[..],
                [
                    EventKind::Created { .. },
                    EventKind::Bound { by_os: false, .. },
                    EventKind::Listening { backlog: 3, .. }
                ]
            ),
            "{kinds:?}"
        );
        assert_eq!(o.events[2].event.was, State::Bound);
        assert_eq!(o.events[2].event.now, State::Listening);
        assert!(o.events.iter().all(|e| e.names == ["srv"]));
        let seqs: Vec<u64> = o.events.iter().map(|e| e.event.seq).collect();
        assert!(seqs.windows(2).all(|w| w[0] < w[1]), "{seqs:?}");
    }

    #[test]
    fn readers_follow_the_log_with_their_own_cursors() {
        let mut s = session();
        let first = s.event_cursor();
        s.run("import socket\na = socket.socket()");
        let second = s.event_cursor();
        let o = s.run("a.close()");
        // Each entry's outcome has its own events; a reader's cursor sees both, and
        // reading takes nothing from anyone else.
        assert_eq!(o.events.len(), 1);
        assert_eq!(s.events_since(first).len(), 2);
        assert_eq!(s.events_since(second).len(), 1);
        assert_eq!(s.events_since(first).len(), 2);
        assert_eq!(s.events_since(s.event_cursor()).len(), 0);
    }

    #[test]
    fn a_quiet_evaluation_s_events_do_not_leak_into_the_next_entry() {
        let mut s = session();
        s.run("import socket");
        assert!(s.evaluate("socket.socket()").is_ok());
        let o = s.run("x = 1");
        assert!(o.events.is_empty(), "{:?}", o.events);
    }

    #[test]
    fn expressions_are_echoed_and_statements_are_not() {
        let mut s = session();
        let o = s.run("x = 40");
        assert_eq!(o, Outcome::default());
        let o = s.run("x + 2");
        assert_eq!(o.value.as_deref(), Some("42"));
        assert_eq!(o.stdout, "42\n");
        assert_eq!(s.run("None").stdout, "");
        assert_eq!(s.run("_").value.as_deref(), Some("42"));
        assert_eq!(s.run("'a'; b'b'").stdout, "'a'\nb'b'\n");
    }

    #[test]
    fn names_live_between_entries_and_blocks_run() {
        let mut s = session();
        s.run("def double(n):\n    return 2 * n\n");
        let o = s.run("for i in range(2):\n    print(double(i))\n");
        assert_eq!(o.stdout, "0\n2\n");
        assert!(o.value.is_none());
    }

    #[test]
    fn an_exception_has_cpythons_report_and_a_hint() {
        let mut s = session();
        let o = s.run("prnt('hi')");
        let e = o.error.expect("error");
        assert_eq!(e.class, "NameError");
        assert!(
            e.report.starts_with(
                "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n"
            ),
            "{}",
            e.report
        );
        assert!(
            e.report
                .ends_with("NameError: name 'prnt' is not defined. Did you mean: 'print'?\n"),
            "{}",
            e.report
        );
        assert!(e.hint.expect("hint").contains("did you mean print?"));
    }

    #[test]
    fn a_syntax_error_is_reported_with_its_caret() {
        let mut s = session();
        let e = s.run("print 'hi'").error.expect("error");
        assert_eq!(e.class, "SyntaxError");
        assert!(e.report.contains("^"), "{}", e.report);
        assert!(e.hint.expect("hint").contains("Python 2"));
    }

    #[test]
    fn exit_ends_the_session_with_its_code() {
        let mut s = session();
        assert_eq!(s.run("import sys\nsys.exit(3)").exit, Some(3));
    }

    #[test]
    fn only_successful_entries_are_kept_for_save() {
        let mut s = session();
        s.run("a = 1");
        s.run("b = nope");
        s.run("c = a + 1");
        assert_eq!(s.inputs(), ["a = 1", "c = a + 1"]);
    }

    #[test]
    fn evaluate_gives_repr_and_truth() {
        let mut s = session();
        s.run("data = b'Hi'");
        assert_eq!(
            s.evaluate("b'H' in data"),
            Ok(Evaluated {
                repr: "True".into(),
                truthy: true
            })
        );
        assert_eq!(
            s.evaluate("missing").map_err(|e| e.class),
            Err("NameError".into())
        );
        assert!(s.evaluate("x = 1").is_err());
    }

    #[test]
    fn reset_forgets_names() {
        let mut s = session();
        s.run("x = 1");
        s.reset();
        assert_eq!(
            s.run("x").error.map(|e| e.class).as_deref(),
            Some("NameError")
        );
        assert_eq!(s.run("__name__").value.as_deref(), Some("'__main__'"));
    }

    #[test]
    fn an_ended_session_frees_the_modules_its_program_imported() {
        let mut s = session();
        // Cycles a session's program makes: functions and their module's globals; class
        // attributes that are instances of their class (`datetime.min`); a logging
        // manager and its loggers; a recursive inner function and its cell.
        s.run("import argparse, json, datetime, logging\nlog = logging.getLogger('x')");
        s.run("def outer():\n    def again(n):\n        return again(n - 1) if n else json\n    return again\nf = outer()");
        let imported = |name: &str| match s.interp.modules.lock().get(name) {
            Some(Value::Module(m)) => Arc::downgrade(&m.globals),
            _ => panic!("{name} was not imported"),
        };
        let modules = ["argparse", "json", "datetime", "logging"].map(|m| (m, imported(m)));
        let main = Arc::downgrade(&s.interp.main);
        drop(s);
        // The session's worker frees them once its queue closes.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        let alive = || {
            let mut names: Vec<String> = modules
                .iter()
                .filter(|(_, g)| g.strong_count() > 0)
                .map(|(m, g)| format!("{m} ({})", g.strong_count()))
                .collect();
            if main.strong_count() > 0 {
                names.push("__main__".into());
            }
            names
        };
        while !alive().is_empty() {
            assert!(
                std::time::Instant::now() < deadline,
                "still alive: {:?}",
                alive()
            );
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    #[test]
    fn deep_recursion_is_a_recursion_error_not_a_crash() {
        let mut s = session();
        s.run("def f(n):\n    return f(n + 1)\n");
        assert_eq!(
            s.run("f(0)").error.map(|e| e.class).as_deref(),
            Some("RecursionError")
        );
        assert_eq!(s.run("1 + 1").value.as_deref(), Some("2"));
    }

    #[test]
    fn an_interrupt_stops_a_loop_and_keeps_the_names() {
        let mut s = session();
        s.run("n = 0");
        let flag = s.interrupt_flag();
        let mut ticks = 0;
        let o = s.run_with("while True:\n    n += 1\n", &mut || {
            ticks += 1;
            flag.store(true, Ordering::Relaxed);
        });
        assert!(ticks >= 1);
        assert_eq!(
            o.error.map(|e| e.class).as_deref(),
            Some("KeyboardInterrupt")
        );
        assert!(s.evaluate("n > 0").map(|e| e.truthy).unwrap_or(false));
    }

    #[test]
    fn lenient_suggestions_catch_the_lectures_slips() {
        let names: Vec<String> = ["recv", "recvfrom", "send", "sendall", "bind"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            lenient_suggestion("recieve", &names).as_deref(),
            Some("recv")
        );
        assert_eq!(
            lenient_suggestion("sendAll", &names).as_deref(),
            Some("sendall")
        );
        assert_eq!(lenient_suggestion("xyz", &names), None);
    }

    #[test]
    fn call_argument_finds_the_address() {
        assert_eq!(
            call_argument("s.connect(('127.0.0.1', PORT))", &[".connect("]).as_deref(),
            Some("('127.0.0.1', PORT)")
        );
        assert_eq!(call_argument("x = 1", &[".bind("]), None);
    }

    #[test]
    fn the_host_of_a_failing_call_is_read_without_looking_it_up() {
        let mut s = session();
        s.run("HOST = 'time.nist.gov'");
        let got = s
            .call(
                |ctx| {
                    let host = |ctx: &mut Ctx, line: &str| {
                        hints::calls_at(line)
                            .iter()
                            .rev()
                            .find_map(|c| host_of_call(ctx, c))
                    };
                    (
                        host(ctx, "c.connect(('time.nist.gov', 13))"),
                        host(ctx, "socket.gethostbyname(HOST)"),
                        host(ctx, "u.sendto(b'x', (HOST, 13))"),
                        host(ctx, "c.connect((host(), 13))"),
                    )
                },
                &mut || {},
            )
            .expect("ran");
        assert_eq!(got.0.as_deref(), Some("time.nist.gov"));
        assert_eq!(got.1.as_deref(), Some("time.nist.gov"));
        assert_eq!(got.2.as_deref(), Some("time.nist.gov"));
        assert_eq!(got.3, None);
    }

    #[test]
    fn address_of_never_calls_anything() {
        let mut s = session();
        s.run("PORT = 9\ncalled = []\ndef port():\n    called.append(1)\n    return 9\n");
        let got = s
            .call(
                |ctx| {
                    (
                        address_of(ctx, "('127.0.0.1', PORT)"),
                        address_of(ctx, "('127.0.0.1', port())"),
                        address_of(ctx, "('', PORT), Handler"),
                    )
                },
                &mut || {},
            )
            .expect("ran");
        assert_eq!(got.0.as_deref(), Some("127.0.0.1:9"));
        assert_eq!(got.1, None);
        assert_eq!(got.2.as_deref(), Some("0.0.0.0:9"));
        assert_eq!(s.evaluate("called").map(|e| e.repr), Ok("[]".into()));
    }
}
