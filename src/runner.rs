//! `socklab run FILE`: run a whole program as `python3 FILE` would, with the same
//! standard output, the same last line of the traceback, and the same exit code.

use crate::cli::RunArgs;
use crate::interp::{self, Interp, Value};
use crate::syntax::{ErrorKind, Source, SyntaxError};
use std::io::Read;
use std::sync::Arc;

/// The evaluator recurses once per Python call and per nested expression; this stack
/// holds CPython's default recursion limit (1000) with room to spare. It is address
/// space, not memory: pages are touched only when used.
pub const INTERPRETER_STACK: usize = 1 << 30;

pub fn run_command(args: &RunArgs) -> i32 {
    let explain = args.explain || unsafe { libc::isatty(2) } == 1;
    let (name, bytes) = if args.file.as_os_str() == "-" {
        let mut buf = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
            eprintln!("socklab: cannot read standard input: {e}");
            return 2;
        }
        ("<stdin>".to_string(), buf)
    } else {
        match std::fs::read(&args.file) {
            Ok(b) => {
                let abs = std::path::absolute(&args.file).unwrap_or_else(|_| args.file.clone());
                (abs.to_string_lossy().into_owned(), b)
            }
            Err(e) => {
                // CPython's own wording for a missing script.
                let shown = args.file.display();
                eprintln!(
                    "socklab: can't open file '{}': [Errno {}] {}",
                    std::path::absolute(&args.file)
                        .map(|p| p.display().to_string())
                        .unwrap_or(shown.to_string()),
                    e.raw_os_error().unwrap_or(2),
                    interp::types::strerror(e.raw_os_error().unwrap_or(2))
                );
                return 2;
            }
        }
    };
    let mut argv = vec![if args.file.as_os_str() == "-" {
        "-".to_string()
    } else {
        args.file.display().to_string()
    }];
    argv.extend(args.args.iter().cloned());
    let trace = args.trace_events;
    on_interpreter_stack(move || run_source(&name, bytes, argv, explain, trace))
}

/// Run the program on this thread, the process's main thread, switched to a stack of
/// `INTERPRETER_STACK`. Not on a thread of its own: a program that starts no threads then
/// runs in a single-threaded process, as under CPython, and the kernel and the C library
/// take their single-threaded fast paths (no reference counting of the descriptor table
/// on every `send` and `recv`, no locking in `malloc`). A panic (a bug) ends the run
/// with status 1 after the panic hook has reported it.
fn on_interpreter_stack(run: impl FnOnce() -> i32) -> i32 {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        stacker::grow(INTERPRETER_STACK, run)
    }))
    .unwrap_or(1)
}

/// `socklab < prog.py`: standard input is a program, run as `python3 < prog.py` runs
/// it (no prompts, no colour, `sys.argv == ['']`, CPython's exact output).
pub fn run_stdin_as_script() -> i32 {
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
        eprintln!("socklab: cannot read standard input: {e}");
        return 2;
    }
    on_interpreter_stack(move || run_source("<stdin>", bytes, vec![String::new()], false, false))
}

/// Turn file bytes into text as CPython's reader does, or its syntax error.
pub fn decode_source(
    name: &str,
    bytes: Vec<u8>,
) -> Result<Arc<Source>, (Arc<Source>, SyntaxError)> {
    let bytes = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        let before = String::from_utf8_lossy(&bytes[..nul]).into_owned();
        let src = Source::new(name, before);
        let line = src.line_of(nul.min(src.text.len()));
        let err = SyntaxError::new(
            ErrorKind::Syntax,
            "source code cannot contain null bytes",
            line,
            0,
        );
        return Err((src, err));
    }
    match String::from_utf8(bytes) {
        // Universal newlines, as CPython reads source: `\r\n` and `\r` become `\n`.
        Ok(text) => Ok(Source::new(name, normalize_newlines(text))),
        Err(e) if declares_utf8(e.as_bytes()) => {
            let raw = e.as_bytes();
            let pos = e.utf8_error().valid_up_to();
            let line_start = raw[..pos]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1);
            let line = raw[..pos].iter().filter(|&&b| b == b'\n').count() + 1;
            // CPython decodes each string literal on its own: the position is within it.
            let quote = raw[line_start..pos]
                .iter()
                .rposition(|&b| b == b'"' || b == b'\'');
            let body_start = quote.map_or(line_start, |q| line_start + q + 1);
            let body_end = raw[pos..]
                .iter()
                .position(|&b| b == b'"' || b == b'\'' || b == b'\n')
                .map_or(raw.len(), |p| pos + p);
            let body = &raw[body_start..body_end];
            let reason = match std::str::from_utf8(body) {
                Err(be) if be.error_len().is_none() => "unexpected end of data",
                _ if raw[pos] >= 0x80 && raw[pos] < 0xc0 => "invalid start byte",
                _ => "invalid continuation byte",
            };
            let msg = format!(
                "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {}: {}",
                raw[pos],
                pos - body_start,
                reason
            );
            let src = Source::new(name, String::from_utf8_lossy(raw).into_owned());
            // CPython's caret stands on the literal's last character before its quote.
            let col = String::from_utf8_lossy(&raw[line_start..body_end])
                .chars()
                .count();
            Err((src, SyntaxError::new(ErrorKind::Syntax, msg, line, col)))
        }
        Err(e) => {
            let pos = e.utf8_error().valid_up_to();
            let raw = e.as_bytes();
            let line = raw[..pos].iter().filter(|&&b| b == b'\n').count() + 1;
            let msg = format!(
                "Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                raw[pos], name, line
            );
            let src = Source::new(name, String::from_utf8_lossy(raw).into_owned());
            Err((src, SyntaxError::new(ErrorKind::Syntax, msg, 0, 0)))
        }
    }
}

fn normalize_newlines(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

/// PEP 263: a `coding` comment in the first two lines.
fn declares_utf8(raw: &[u8]) -> bool {
    raw.split(|&b| b == b'\n').take(2).any(|line| {
        let l = String::from_utf8_lossy(line).to_ascii_lowercase();
        l.trim_start().starts_with('#')
            && (l.contains("coding:") || l.contains("coding="))
            && (l.contains("utf-8") || l.contains("utf8"))
    })
}

fn run_source(name: &str, bytes: Vec<u8>, argv: Vec<String>, explain: bool, trace: bool) -> i32 {
    let interp = Interp::new(argv);
    interp
        .sockets
        .trace
        .store(trace, std::sync::atomic::Ordering::Relaxed);
    // Ctrl-C becomes KeyboardInterrupt in the program, even inside accept() or recv().
    let _ = crate::net::wait::install_sigint(interp.interrupted.clone());
    let src = match decode_source(name, bytes) {
        Ok(s) => s,
        Err((src, err)) => return report_syntax_error(&interp, &src, &err, explain),
    };
    let globals = interp.main.clone();
    globals.set("__name__", Value::str("__main__"));
    globals.set("__file__", Value::str(name));
    let module = match interp::compile(&src, &globals) {
        Ok(m) => m,
        Err(err) => return report_syntax_error(&interp, &src, &err, explain),
    };
    let mut ctx = interp.new_ctx();
    let result = interp::run_module(&mut ctx, &module, &globals, &src);
    let code = match result {
        Ok(()) => 0,
        Err(exc) => finish_with_exception(&mut ctx, &exc, explain),
    };
    // As CPython's shutdown: wait for the program's non-daemon threads.
    crate::builtins::thread::shutdown(&mut ctx);
    interp
        .finalizing
        .store(true, std::sync::atomic::Ordering::Relaxed);
    // The end of the program closes every socket it left open, as CPython's exit does.
    drop(module);
    globals.clear();
    interp.sockets.close_all();
    match interp.flush() {
        Ok(()) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => code,
        Err(_) => 120,
    }
}

fn report_syntax_error(
    interp: &Arc<Interp>,
    src: &Source,
    err: &SyntaxError,
    explain: bool,
) -> i32 {
    interp.write_stderr(&err.render(src));
    if explain {
        if let Some(h) = crate::hints::for_exception(err.kind.class_name(), &err.msg, None) {
            interp.write_stderr(&format!("hint: {h}\n"));
        }
    }
    1
}

/// What CPython does when an exception reaches the top: `SystemExit` sets the exit
/// code, anything else prints its traceback and exits 1 (`KeyboardInterrupt`: 130).
pub fn finish_with_exception(ctx: &mut interp::Ctx, exc: &interp::Exc, explain: bool) -> i32 {
    let _ = ctx.interp.flush();
    if exc.is("SystemExit") {
        let code = crate::interp::exec::getattr(ctx, &exc.value, "code").unwrap_or(Value::None);
        return match code {
            Value::None => 0,
            Value::Int(i) => (i & 0xff) as i32,
            Value::Bool(b) => b as i32,
            other => {
                let text = interp::repr::str(ctx, &other).unwrap_or_default();
                ctx.interp.write_stderr(&format!("{text}\n"));
                1
            }
        };
    }
    let report = interp::render_traceback(ctx, exc);
    let report = crate::hints::decorate_last_line(ctx, exc, report);
    ctx.interp.write_stderr(&report);
    if explain {
        let class = exc.class_name();
        let msg = interp::repr::str(ctx, &exc.value).unwrap_or_default();
        if let Some(h) = crate::hints::for_exception(&class, &msg, Some(exc)) {
            ctx.interp.write_stderr(&format!("hint: {h}\n"));
        }
    }
    if exc.is("KeyboardInterrupt") {
        return 130;
    }
    1
}
