//! socklab: an interactive lab where students type the lecture's Python socket code and
//! real OS sockets respond.
//!
//! # Layout
//! - `cli`: command-line shapes (clap); no behaviour.
//! - `completions`: `socklab completions bash|zsh|fish`, generated from `cli`.
//! - `syntax`: text → tokens → AST (nom over tokens), and CPython's syntax errors.
//! - `interp`: values, name resolution, evaluation, exceptions and tracebacks; the one
//!   argument binder (`args`); dicts and sets with CPython's layout and costs (`dict`);
//!   generators, each body on a coroutine stack of its own (`generator`).
//!   It names no built-in module: it runs with the `Library` it is given (`registry`:
//!   built-in functions, `import`, each built-in type's method table).
//! - `builtins`: the library (`builtins::library()`): built-in functions and methods,
//!   and one file per Python module; the signature of every function and method, one
//!   table per type and module (`signatures`), which dispatch, `dir()` and the binder
//!   read.
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
//! - `capture`: the packets behind each call: a capture thread on loopback (as root, or
//!   in the private network of `--sandbox`), the packets as tcpdump lines, opened layer
//!   by layer, as a sequence diagram, and as a pcapng file. The capture and the sandbox
//!   are Linux's; on other systems `live_other.rs`/`sandbox_other.rs` say so.
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
pub mod capture;
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
    net::sys::tune_allocator();
    net::wait::prepare();
    let cli = match cli::Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    if let Err(why) = enter_network(&cli) {
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            format!("socklab: {why}\n").as_bytes(),
        );
        return 2;
    }
    match cli.command {
        Some(cli::Command::Run(args)) => runner::run_command(&args),
        Some(cli::Command::Serve(args)) => labs::serve_command(&args),
        Some(cli::Command::Connect(args)) => labs::connect_command(&args),
        Some(cli::Command::Listen(args)) => labs::listen_command(&args),
        Some(cli::Command::Learn(args)) => lesson::learn::learn_command(&args, cli.color),
        Some(cli::Command::Lesson(args)) => lesson::lesson_command(&args, cli.color),
        Some(cli::Command::Completions(args)) => completions::completions_command(&args),
        Some(cli::Command::Py3(args)) => py2::py3_command(&args),
        None => repl::run(cli.color, cli.trace),
    }
}

/// Join or make the private network (`--join`, `--sandbox`, or a capture asked for
/// without the right to capture on the host's loopback). First thing after parsing the
/// command line: the kernel allows it only while the process has one thread.
fn enter_network(cli: &cli::Cli) -> Result<(), String> {
    use capture::sandbox;
    if let Some(pid) = cli.join {
        return sandbox::join(pid);
    }
    let run_capture =
        matches!(&cli.command, Some(cli::Command::Run(a)) if a.trace || a.pcap.is_some());
    // Reads the lessons: asked only when it matters.
    let lesson_capture = || cli.command.as_ref().is_some_and(lesson::wants_capture);
    if cli.sandbox {
        sandbox::enter(cli.mtu)?;
        // The REPL says it under its banner; a program's output stays its own.
        if matches!(
            &cli.command,
            Some(cli::Command::Serve(_) | cli::Command::Listen(_) | cli::Command::Connect(_))
        ) {
            let _ =
                std::io::Write::write_all(&mut std::io::stderr(), sandbox::join_hint().as_bytes());
        }
    } else if !capture::live::permitted()
        && (run_capture || (cli.trace && cli.command.is_none()) || lesson_capture())
    {
        // Without root, a capture needs a network of its own; if that is refused too,
        // the program still runs and the capture says why it cannot.
        if sandbox::enter(cli.mtu).is_ok() && run_capture {
            let _ = std::io::Write::write_all(
                &mut std::io::stderr(),
                b"socklab: not root, so the program runs in a private network of its own (loopback only), where its packets can be captured\n",
            );
        }
    }
    if cli.mtu.is_some() && !sandbox::active() {
        return Err("--mtu changes the sandbox's loopback: use it with --sandbox".into());
    }
    Ok(())
}
