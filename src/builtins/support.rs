//! `_socklab`: what the modules written in Python (`py/argparse.py`, `py/logging.py`,
//! `py/warnings.py`, `py/traceback.py`) need from the interpreter and the OS, where
//! CPython's versions use frames, `os` and `shutil`. Not part of CPython: a student who
//! imports it gets it, but nothing documents it as theirs.

use super::functions::builtin_fn;
use crate::interp::exceptions::Exc;
use crate::interp::value::Value;
use crate::interp::{Ctx, R};

pub fn items() -> Vec<(&'static str, Value)> {
    vec![
        ("stack", builtin_fn("stack", |ctx, _, _| Ok(stack(ctx)))),
        (
            "terminal_columns",
            builtin_fn("terminal_columns", |_, _, _| {
                Ok(Value::Int(terminal_columns()))
            }),
        ),
        (
            "getpid",
            builtin_fn("getpid", |_, _, _| {
                Ok(Value::Int(std::process::id() as i64))
            }),
        ),
        (
            "format_exception",
            builtin_fn("format_exception", |ctx, args, _| {
                let exc = caught(ctx, one(ctx, args)?);
                Ok(Value::string(crate::interp::render_traceback(ctx, &exc)))
            }),
        ),
        (
            "extract_tb",
            builtin_fn("extract_tb", |ctx, args, _| {
                let exc = caught(ctx, one(ctx, args)?);
                let rows = exc
                    .tb
                    .iter()
                    .rev()
                    .map(|e| {
                        let line = e.source.line_of(e.offset as usize);
                        row(&e.source, line, &e.func)
                    })
                    .collect();
                Ok(Value::list(rows))
            }),
        ),
        (
            "handling",
            builtin_fn("handling", |ctx, _, _| {
                Ok(ctx.handling.last().map_or(Value::None, |e| e.value.clone()))
            }),
        ),
    ]
}

fn one<'a>(ctx: &Ctx, args: &'a [Value]) -> R<&'a Value> {
    args.first()
        .ok_or_else(|| ctx.type_error("expected one argument"))
}

/// `(filename, lineno, name, line)`: one row of a traceback or stack.
fn row(source: &crate::syntax::Source, line: usize, func: &str) -> Value {
    Value::tuple(vec![
        Value::str(&source.name),
        Value::Int(line as i64),
        Value::str(func),
        Value::str(source.line_text(line).trim()),
    ])
}

/// The running Python frames, outermost first, as `(filename, lineno, name, line,
/// module)`; the innermost is the one calling `stack()`.
fn stack(ctx: &Ctx) -> Value {
    let rows = ctx
        .frames
        .iter()
        .map(|f| {
            let line = f.source.line_of(f.offset as usize);
            let Value::Tuple(t) = row(&f.source, line, &f.func) else {
                unreachable!("row makes a tuple")
            };
            let mut items = t.to_vec();
            items.push(Value::str(&f.module));
            Value::tuple(items)
        })
        .collect();
    Value::list(rows)
}

/// The exception in flight whose value is `value`, with the frames it passed through:
/// one being handled now, or the last one handled; otherwise the bare value (no
/// traceback, as for an exception never raised).
fn caught(ctx: &Ctx, value: &Value) -> Box<Exc> {
    ctx.handling
        .iter()
        .rev()
        .chain(ctx.last_handled.iter())
        .find(|e| e.value.is(value))
        .cloned()
        .unwrap_or_else(|| Exc::new(value.clone()))
}

/// `shutil.get_terminal_size().columns`: `COLUMNS` if set to a positive number, else
/// the width of the terminal on standard output, else 80.
fn terminal_columns() -> i64 {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<i64>().ok())
        .filter(|&n| n > 0)
    {
        return n;
    }
    // SAFETY: TIOCGWINSZ fills the winsize struct we own.
    let cols = unsafe {
        let mut ws: libc::winsize = std::mem::zeroed();
        if libc::ioctl(1, libc::TIOCGWINSZ, &mut ws) == 0 {
            ws.ws_col as i64
        } else {
            0
        }
    };
    if cols > 0 {
        cols
    } else {
        80
    }
}
