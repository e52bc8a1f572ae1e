//! socklab: an interactive lab where students type the lecture's Python socket code and
//! real OS sockets respond.
//!
//! # Layout
//! - `cli`: command-line shapes (clap); no behaviour.
//! - `completions`: `socklab completions bash|zsh|fish`, generated from `cli`.
//! - `syntax`: text → tokens → AST (nom over tokens), and CPython's syntax errors.
//! - `interp`: values, name resolution, evaluation, exceptions and tracebacks; the one
//!   argument binder (`args`); dicts and sets with CPython's layout and costs (`dict`).
//! - `builtins`: built-in functions and methods, and one file per Python module; the
//!   signature of every function and method, one table per type and module
//!   (`signatures`), which dispatch, `dir()` and the binder read.
//! - `net`: the session's socket table (state, counters), its log of typed events that
//!   readers follow with cursors (`event`), interruptible waits (with what a socket's
//!   reads learn about waiting for their peer), the machine's sockets from `/proc/net`
//!   (`netstat`), and `sys`: the one boundary to what only Linux has (`send`/`recv` as
//!   bare system calls, `/proc/loadavg`, `TCP_INFO` ...) with fallbacks for other Unix.
//! - `help` (+ `help.txt`): the one source of help on every function, method, constant,
//!   command and lecture concept: `:help`, completion, signatures, and which module a
//!   name lives in (for hints).
//! - `hints`: the one place that explains an error in the lecture's words.
//! - `py2`: the lecture's Python 2 rewritten as Python 3 (`socklab py3`, and the REPL's
//!   offer of the Python 3 line).
//! - `runner`: `socklab run`: a whole program, exactly as `python3 FILE` would run it.
//! - `session`: one interpreter with its sockets and lab services, run an entry at a
//!   time; the sockets and events by the names the student gave them (`sockets`); event
//!   lines as they happen, in order with the output (`live`). What the REPL and lessons
//!   share; it imports no front end.
//! - `repl`: `socklab` with no arguments: line editing, completion, hints, the `:`
//!   commands and the socket views.
//! - `view`: the palette (the one place that decides colour), the hex view, text and
//!   tables fitted to the terminal (`wrap`, `fit`), counts in English (`english`) and
//!   the `:log` transcript (`transcript`).
//! - `lesson`: lessons: the lesson file format, lint, the engine that runs a lesson in a
//!   session and checks it, progress, and `learn`, `lesson demo`, `check` and `report`.
//! - `labs`: the built-in lab services (echo, daytime, upper, http, chat, trickle), the
//!   `serve`, `connect` and `listen` commands, and `Services` for the REPL's `:serve`.

pub mod builtins;
pub mod cli;
pub mod completions;
pub mod help;
pub mod hints;
pub mod interp;
pub mod labs;
pub mod lesson;
pub mod net;
pub mod py2;
pub mod repl;
pub mod runner;
pub mod session;
pub mod syntax;
pub mod view;

use clap::Parser;

/// Parse the command line, do what it says, and return the process exit code.
pub fn run() -> i32 {
    let cli = match cli::Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match cli.command {
        Some(cli::Command::Run(args)) => runner::run_command(&args),
        Some(cli::Command::Serve(args)) => labs::serve_command(&args),
        Some(cli::Command::Connect(args)) => labs::connect_command(&args),
        Some(cli::Command::Listen(args)) => labs::listen_command(&args),
        Some(cli::Command::Learn(args)) => lesson::learn::learn_command(&args, cli.color),
        Some(cli::Command::Lesson(args)) => lesson::lesson_command(&args, cli.color),
        Some(cli::Command::Completions(args)) => completions::completions_command(&args),
        Some(cli::Command::Py3(args)) => py2::py3_command(&args),
        None => repl::run(cli.color),
    }
}
