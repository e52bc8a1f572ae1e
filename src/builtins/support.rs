//! `_socklab`: what the modules written in Python (`py/argparse.py`, `py/logging.py`,
//! `py/warnings.py`, `py/traceback.py`) need from the interpreter and the OS, where
//! CPython's versions use frames, `os` and `shutil`. Not part of CPython: a student who
//! imports it gets it, but nothing documents it as theirs.

use super::functions::builtin_fn;
use crate::interp::exceptions::{Exc, Traceback};
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
            "getline",
            builtin_fn("getline", |ctx, args, _| {
                let (Some(Value::Str(name)), Some(Value::Int(line))) = (args.first(), args.get(1))
                else {
                    return Ok(Value::str(""));
                };
                Ok(Value::str(&getline(ctx, name, *line)))
            }),
        ),
        (
            "raise_hidden",
            builtin_fn("raise_hidden", |ctx, args, _| {
                let value = one(ctx, args)?.clone();
                let hidden = match args.get(1) {
                    Some(Value::Int(n)) => (*n).clamp(0, 255) as u8,
                    _ => 1,
                };
                if !crate::interp::types::is_instance_of(&value, "BaseException") {
                    return Err(ctx.type_error("exceptions must derive from BaseException"));
                }
                let mut e = Exc::new(value);
                e.hidden_frames = hidden;
                e.context = ctx.handling.last().cloned();
                Err(e)
            }),
        ),
        (
            "exception",
            builtin_fn("exception", |ctx, args, _| {
                let exc = caught(ctx, one(ctx, args)?);
                Ok(exception_parts(ctx, &exc, 0))
            }),
        ),
        (
            "exception_line",
            builtin_fn("exception_line", |ctx, args, _| {
                let value = one(ctx, args)?.clone();
                Ok(Value::string(crate::interp::exception_line(ctx, &value)))
            }),
        ),
        (
            "tb_rows",
            builtin_fn("tb_rows", |ctx, args, _| {
                let rows = match one(ctx, args)? {
                    Value::Native(n) => match n.as_any().downcast_ref::<Traceback>() {
                        Some(tb) => tb
                            .entries()
                            .iter()
                            .map(|e| row(&e.source, e.source.line_of(e.offset as usize), &e.func))
                            .collect(),
                        None => return Err(ctx.type_error("expected a traceback object")),
                    },
                    Value::None => Vec::new(),
                    _ => return Err(ctx.type_error("expected a traceback object")),
                };
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

/// `warnings.warn(message, DeprecationWarning, stacklevel=2)` from a method written in
/// Rust: a native call has no frame, so the caller's is the warning's.
pub fn deprecated(ctx: &mut Ctx, message: &str) -> R<()> {
    let warnings = super::import_module(ctx, "warnings")?;
    let warn = crate::interp::exec::getattr(ctx, &warnings, "warn")?;
    let category = Value::Class(crate::interp::types::class("DeprecationWarning"));
    crate::interp::exec::call(
        ctx,
        &warn,
        vec![Value::str(message), category, Value::Int(1)],
        vec![],
    )?;
    Ok(())
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
            let line = f.source().line_of(f.offset as usize);
            let Value::Tuple(t) = &row(f.source(), line, f.func()) else {
                unreachable!("row makes a tuple")
            };
            let mut items = t.to_vec();
            items.push(Value::str(f.module()));
            Value::tuple(items)
        })
        .collect();
    Value::list(rows)
}

/// `linecache.getline` for the sources socklab has: those of the running frames (a
/// program's own files and modules; a relative name is found as linecache finds it in
/// the program's folder); '' for any other file, as for a missing one.
fn getline(ctx: &Ctx, name: &str, line: i64) -> String {
    let Ok(line) = usize::try_from(line) else {
        return String::new();
    };
    let relative = format!("/{name}");
    ctx.frames
        .iter()
        .map(|f| f.source())
        .find(|s| s.name == name || (!name.is_empty() && s.name.ends_with(&relative)))
        .filter(|s| line >= 1 && line <= s.text.lines().count())
        .map(|s| format!("{}\n", s.line_text(line)))
        .unwrap_or_default()
}

/// What `traceback` formats of an exception: `(rows, last, cause, context,
/// suppress_context)`, where `rows` are its frames outermost first, `last` its final
/// line(s) (`ValueError: ...`, or a SyntaxError's whole report), and `cause` and
/// `context` the same for the exceptions chained to it (or None).
fn exception_parts(ctx: &mut Ctx, exc: &Exc, depth: usize) -> Value {
    let rows = exc
        .tb
        .iter()
        .rev()
        .map(|e| row(&e.source, e.source.line_of(e.offset as usize), &e.func))
        .collect();
    let last = match &exc.syntax_report {
        Some(report) => report.clone(),
        None => format!("{}\n", crate::interp::exception_line(ctx, &exc.value)),
    };
    let chained = |ctx: &mut Ctx, e: &Option<Box<Exc>>| match e {
        Some(e) if depth < 10 => exception_parts(ctx, e, depth + 1),
        _ => Value::None,
    };
    let cause = chained(ctx, &exc.cause);
    let context = chained(ctx, &exc.context);
    Value::tuple(vec![
        Value::list(rows),
        Value::string(last),
        cause,
        context,
        Value::Bool(exc.suppress_context),
    ])
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
