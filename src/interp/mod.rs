//! Running the lecture's Python.
//!
//! A tree-walking evaluator over the resolved AST. `Interp` is what a whole session
//! shares (modules, output, the socket table); `Ctx` is one thread's view of it (its
//! recursion depth, the exception it is handling). Python errors travel as
//! `Err(Box<Exc>)`; `return`/`break`/`continue` as `Ctl` values. Native functions declare
//! their signature once and `args::bind` checks every call with CPython's words;
//! `dict` stores dicts and sets as CPython does (O(1) deletion, its set order);
//! `generator` runs generator bodies as coroutines, suspended at each `yield`.
//! What CPython keeps per process (the default time-out, thread counters) is in
//! `Interp::process`, so each session starts fresh. The core names no built-in module:
//! functions, modules and the methods of built-in types come from the `Library` it is
//! given (`registry`); `objects` holds what the language itself makes (`super()`,
//! properties) and `exception_methods` what every exception class does.
//!
//! - `value`: the values, classes and modules; `types`: the built-in classes;
//! - `exec/`: statements and expressions; `resolve`: names to slots before running;
//! - `ops`: operators and comparisons; `subscript`: indexing and slicing; `dict`: dict
//!   and set storage;
//! - `args`: the argument binder; `registry`: the library the core is given;
//! - `sharing`: values' locks and reference counts, atomic only once threads share them;
//! - `repr`, `format`, `printable`: values as text (`repr`, f-strings and `%`);
//! - `exceptions`, `exception_methods`: exceptions, tracebacks, exit statuses;
//! - `objects`: `super()`, properties, native functions as values; `special`: special
//!   methods called by name (`object.__setattr__`, `[].__len__`);
//! - `suggest`: "Did you mean" for a misspelt name or attribute;
//! - `teardown`: an interpreter's end in a process that goes on (no cycle is kept).

pub mod args;
pub mod dict;
pub mod exception_methods;
pub mod exceptions;
pub mod exec;
pub mod format;
pub mod generator;
pub mod objects;
pub mod ops;
pub mod printable;
pub mod registry;
pub mod repr;
pub mod resolve;
pub mod sharing;
pub mod special;
pub mod subscript;
pub mod suggest;
pub mod teardown;
pub mod types;
pub mod value;

pub use exceptions::{
    builtin_str as exceptions_str, exception_line, exit_status, render_traceback, Exc, TbEntry,
};
pub use exec::{Ctl, Frame};
pub use registry::Library;
pub use teardown::tear_down;
pub use value::{Class, Globals, Name, Value};

/// The evaluator recurses once per Python call and per nested expression; this stack
/// holds CPython's default recursion limit (1000) with room to spare. It is address
/// space, not memory: pages are touched only when used. `socklab run`'s main thread and
/// a session's worker run on it.
pub const INTERPRETER_STACK: usize = 1 << 30;

use crate::syntax::{self, Source};
use parking_lot::Mutex;
use std::collections::HashMap;
use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;

pub type R<T> = Result<T, Box<Exc>>;

/// Where `print` and `sys.stdout.write` go. Buffered like CPython's stdout on a pipe,
/// flushed at each newline on a terminal, and replaceable (the REPL and lessons capture it).
pub struct Output {
    pub sink: Box<dyn Write + Send>,
    pub line_buffered: bool,
}

/// What CPython keeps per process and socklab per interpreter, so that a new session
/// (`:reset`, a lesson's check, a test) starts as a fresh `python3` does instead of
/// inheriting the last one's settings.
pub struct ProcessState {
    /// `socket.setdefaulttimeout`'s value as `f64` bits; `u64::MAX` (a NaN) is `None`.
    pub default_timeout: AtomicU64,
    /// The ident `_thread.start_thread` gives next (the main thread's is 1).
    pub next_thread_ident: AtomicU64,
    /// Threads started and not yet finished (`_thread._count()`).
    pub running_threads: AtomicUsize,
}

impl Default for ProcessState {
    fn default() -> ProcessState {
        ProcessState {
            default_timeout: AtomicU64::new(u64::MAX),
            next_thread_ident: AtomicU64::new(2),
            running_threads: AtomicUsize::new(0),
        }
    }
}

/// What every thread of one program (or REPL session) shares.
pub struct Interp {
    pub main: Arc<Globals>,
    /// The built-in functions, modules and methods this interpreter was given.
    pub library: &'static Library,
    pub builtins: HashMap<Name, Value>,
    pub modules: Mutex<HashMap<Name, Value>>,
    pub argv: Mutex<Vec<String>>,
    pub stdout: Mutex<Output>,
    pub stderr: Mutex<Output>,
    pub recursion_limit: AtomicUsize,
    /// Set by SIGINT; checked at loop back-edges and inside blocking calls.
    pub interrupted: Arc<AtomicBool>,
    pub sources: Mutex<Vec<Arc<Source>>>,
    /// Every socket the session's code created.
    pub sockets: Arc<crate::net::SocketTable>,
    /// Set when the program has ended: daemon threads still running stop at their next
    /// check, silently, as CPython freezes them at exit.
    pub finalizing: AtomicBool,
    /// How many steps (loop iterations, function calls) each thread of the program may
    /// take before `RuntimeError` is raised; `u64::MAX`, the default, is no limit. Set it
    /// before creating a `Ctx`: the fuzzer uses it so that `while True: pass` ends.
    pub max_steps: AtomicU64,
    pub process: ProcessState,
    /// How many contexts (interpreter threads) have been made.
    contexts: AtomicUsize,
    /// Set, for good, once a second context is made, before its thread starts. Until then
    /// one thread alone runs this interpreter's code, and reading a global needs no lock
    /// (`exec::load_global`); every write still takes the lock.
    shared: AtomicBool,
}

impl Interp {
    /// Whether more than one thread may run this interpreter's code. While it is false
    /// only the thread that made the first context runs it, and that thread alone could
    /// set it: so it reads it with no ordering and no lock.
    #[inline]
    pub fn is_shared(&self) -> bool {
        self.shared.load(Ordering::Relaxed)
    }

    /// An interpreter that knows what `library` provides (`Interp::new` in `builtins`
    /// hands it socklab's own).
    pub fn with_library(argv: Vec<String>, library: &'static Library) -> Arc<Interp> {
        let stdout_tty = std::io::IsTerminal::is_terminal(&std::io::stdout());
        let main = Globals::new("__main__");
        Arc::new(Interp {
            main,
            library,
            builtins: (library.functions)(),
            modules: Mutex::new(HashMap::new()),
            argv: Mutex::new(argv),
            stdout: Mutex::new(Output {
                sink: Box::new(std::io::BufWriter::with_capacity(
                    1 << 16,
                    std::io::stdout(),
                )),
                line_buffered: stdout_tty,
            }),
            stderr: Mutex::new(Output {
                sink: Box::new(std::io::stderr()),
                line_buffered: true,
            }),
            recursion_limit: AtomicUsize::new(1000),
            interrupted: Arc::new(AtomicBool::new(false)),
            sources: Mutex::new(Vec::new()),
            sockets: crate::net::SocketTable::new(),
            finalizing: AtomicBool::new(false),
            max_steps: AtomicU64::new(u64::MAX),
            process: ProcessState::default(),
            contexts: AtomicUsize::new(0),
            shared: AtomicBool::new(false),
        })
    }

    pub fn write_stdout(&self, s: &str) -> std::io::Result<()> {
        let mut out = self.stdout.lock();
        out.sink.write_all(s.as_bytes())?;
        if out.line_buffered && s.contains('\n') {
            out.sink.flush()?;
        }
        Ok(())
    }

    pub fn write_stderr(&self, s: &str) {
        let mut out = self.stderr.lock();
        let _ = out.sink.write_all(s.as_bytes());
        let _ = out.sink.flush();
    }

    pub fn flush(&self) -> std::io::Result<()> {
        self.stdout.lock().sink.flush()
    }

    /// A context for one thread. Make it on the thread that starts the new one, before
    /// starting it: the second context marks the interpreter shared (`is_shared`).
    pub fn new_ctx(self: &Arc<Self>) -> Ctx {
        if self.contexts.fetch_add(1, Ordering::Relaxed) >= 1 {
            self.shared.store(true, Ordering::Release);
            sharing::share_values();
        }
        Ctx {
            interp: self.clone(),
            depth: 0,
            handling: Vec::new(),
            site: None,
            is_main: true,
            steps_left: self.max_steps.load(Ordering::Relaxed),
            frames: Vec::new(),
            last_handled: None,
        }
    }
}

/// One thread's interpreter state.
pub struct Ctx {
    pub interp: Arc<Interp>,
    /// Python call depth, for `RecursionError`.
    pub depth: usize,
    /// Exceptions being handled by enclosing `except` blocks (innermost last): what a
    /// bare `raise` re-raises and what a new exception records as its context.
    pub handling: Vec<Box<Exc>>,
    /// Where the built-in being called was called from (the socket table records the
    /// line that created each socket).
    pub site: Option<(Arc<Source>, u32)>,
    /// Only the main thread receives `KeyboardInterrupt`, as in CPython.
    pub is_main: bool,
    /// What is left of `Interp::max_steps` for this thread.
    pub steps_left: u64,
    /// The Python frames running now (outermost first), each with the line of its last
    /// call: what `warnings` (stacklevel), `logging` (funcName, lineno) and
    /// `traceback.print_stack` read.
    pub frames: Vec<StackEntry>,
    /// The exception the last finished `except` block handled, so
    /// `traceback.print_exception(e)` after the block still finds its traceback.
    pub last_handled: Option<Box<Exc>>,
}

/// One running frame, as [`Ctx::frames`] keeps it: a function's (one reference count
/// per call, the cheapest record) or a module's body.
#[derive(Clone)]
pub struct StackEntry {
    pub code: StackCode,
    /// Where the frame is: the start of its last call (a frame below it is running
    /// that call).
    pub offset: u32,
}

#[derive(Clone)]
pub enum StackCode {
    Function(Arc<value::Function>),
    /// A module's body: its source and `__name__`.
    Module(Arc<Source>, Name),
}

impl StackEntry {
    pub fn source(&self) -> &Arc<Source> {
        match &self.code {
            StackCode::Function(f) => &f.source,
            StackCode::Module(s, _) => s,
        }
    }
    /// The function's name (`<module>` for a module's body).
    pub fn func(&self) -> &str {
        match &self.code {
            StackCode::Function(f) => &f.def.name,
            StackCode::Module(..) => "<module>",
        }
    }
    /// The `__name__` of the frame's module.
    pub fn module(&self) -> &str {
        match &self.code {
            StackCode::Function(f) => &f.module.name,
            StackCode::Module(_, name) => name,
        }
    }
}

impl Ctx {
    /// An exception of a built-in class with a message.
    pub fn err(&self, class: &str, msg: impl Into<String>) -> Box<Exc> {
        Exc::new(types::new_exception(class, vec![Value::string(msg.into())]))
    }
    pub fn type_error(&self, msg: impl Into<String>) -> Box<Exc> {
        self.err("TypeError", msg)
    }
    pub fn value_error(&self, msg: impl Into<String>) -> Box<Exc> {
        self.err("ValueError", msg)
    }
    pub fn os_error(&self, errno: i32) -> Box<Exc> {
        Exc::new(types::os_error(errno, &types::strerror(errno)))
    }

    /// Raise `KeyboardInterrupt` if Ctrl-C arrived since the last check, and count one
    /// step against the step budget.
    #[inline]
    pub fn check_interrupt(&mut self) -> R<()> {
        self.check_signals()?;
        self.charge_steps(1)
    }

    /// Ctrl-C for the main thread, the end of the program for daemon threads; no step
    /// counted (for waits, which hold only a shared context).
    #[inline]
    pub fn check_signals(&self) -> R<()> {
        if !self.is_main && self.interp.finalizing.load(Ordering::Relaxed) {
            return Err(Exc::new(types::new_exception("SystemExit", vec![])));
        }
        if self.is_main && self.interp.interrupted.load(Ordering::Relaxed) {
            self.interp.interrupted.store(false, Ordering::Relaxed);
            return Err(Exc::new(types::new_exception("KeyboardInterrupt", vec![])));
        }
        Ok(())
    }

    /// Count `n` steps against the budget. Once it is spent every further check raises
    /// again, so a program that catches the error still cannot loop on.
    #[inline]
    pub fn charge_steps(&mut self, n: u64) -> R<()> {
        if self.steps_left < n {
            self.steps_left = 0;
            return Err(self.err("RuntimeError", "socklab: step budget exhausted"));
        }
        self.steps_left -= n;
        Ok(())
    }
}

/// Compile a program for `globals`: parse, then resolve names to slots.
pub fn compile(
    src: &Arc<Source>,
    globals: &Arc<Globals>,
) -> Result<syntax::ast::Module, syntax::SyntaxError> {
    let module = syntax::parse_module(src, syntax::ParseMode::File)?;
    resolve::check_depth(&module)?;
    syntax::validate(&module, src)?;
    resolve::resolve_module(&module, globals);
    Ok(module)
}

/// Run compiled code in `globals` as a module body.
pub fn run_module(
    ctx: &mut Ctx,
    module: &syntax::ast::Module,
    globals: &Arc<Globals>,
    src: &Arc<Source>,
) -> R<()> {
    exec::run_module(ctx, module, globals, src)
}

/// A thread of the program waits on sockets as the interpreter's context: Ctrl-C is
/// `KeyboardInterrupt` (for the main thread), a failed wait an `OSError`.
impl crate::net::wait::Waiter for Ctx {
    type Error = Box<Exc>;
    fn receives_ctrl_c(&self) -> bool {
        self.is_main
    }
    fn interrupted(&self) -> R<()> {
        self.check_signals()
    }
    fn os_error(&self, errno: i32) -> Box<Exc> {
        Ctx::os_error(self, errno)
    }
}
