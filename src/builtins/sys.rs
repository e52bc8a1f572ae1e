//! `sys`: the program's arguments, its exit, and its three standard streams.

use super::functions::{arg_count, builtin_fn, sys_exit, to_i64};
use crate::interp::types;
use crate::interp::value::{Class, Name, NativeObject, Value};
use crate::interp::{Ctx, R};
use std::io::Read;
use std::sync::{Arc, OnceLock};

pub fn items(ctx: &Ctx) -> Vec<(&'static str, Value)> {
    // Where `import` looks for the program's own modules first.
    let argv0 = ctx.interp.argv.lock().first().cloned().unwrap_or_default();
    let argv: Vec<Value> = ctx
        .interp
        .argv
        .lock()
        .iter()
        .map(|a| Value::str(a))
        .collect();
    vec![
        ("argv", Value::list(argv)),
        ("exit", builtin_fn("exit", sys_exit)),
        (
            "exc_info",
            builtin_fn("exc_info", |ctx, _, _| {
                // (type, value, traceback) of the exception being handled.
                Ok(match ctx.handling.last() {
                    Some(e) => Value::tuple(vec![
                        Value::Class(types::type_of(&e.value)),
                        e.value.clone(),
                        crate::interp::exceptions::Traceback::of(ctx, &e.value),
                    ]),
                    None => Value::tuple(vec![Value::None, Value::None, Value::None]),
                })
            }),
        ),
        ("stdin", stream(Stream::In)),
        ("stdout", stream(Stream::Out)),
        ("stderr", stream(Stream::Err)),
        ("__stdout__", stream(Stream::Out)),
        ("__stderr__", stream(Stream::Err)),
        ("version", Value::str("3.11.7 (socklab)")),
        (
            "version_info",
            Value::tuple(vec![
                Value::Int(3),
                Value::Int(11),
                Value::Int(7),
                Value::str("final"),
                Value::Int(0),
            ]),
        ),
        (
            "platform",
            Value::str(if cfg!(target_os = "linux") {
                "linux"
            } else {
                std::env::consts::OS
            }),
        ),
        (
            "byteorder",
            Value::str(if cfg!(target_endian = "little") {
                "little"
            } else {
                "big"
            }),
        ),
        ("maxsize", Value::Int(i64::MAX)),
        ("executable", Value::str("socklab")),
        (
            "path",
            Value::list(vec![Value::str(&super::user_modules::first_path_entry(
                &argv0,
            ))]),
        ),
        (
            "getrecursionlimit",
            builtin_fn("getrecursionlimit", |ctx, _, _| {
                Ok(Value::Int(
                    ctx.interp
                        .recursion_limit
                        .load(std::sync::atomic::Ordering::Relaxed) as i64,
                ))
            }),
        ),
        (
            "setrecursionlimit",
            builtin_fn("setrecursionlimit", |ctx, a, _| {
                let n = to_i64(ctx, &a[0], "")?;
                if n < 1 {
                    return Err(ctx.value_error("recursion limit must be greater or equal than 1"));
                }
                // The evaluator's stack is sized for CPython's default; cap what it may reach.
                ctx.interp.recursion_limit.store(
                    (n as usize).min(20_000),
                    std::sync::atomic::Ordering::Relaxed,
                );
                Ok(Value::None)
            }),
        ),
        (
            "getdefaultencoding",
            builtin_fn("getdefaultencoding", |_, _, _| Ok(Value::str("utf-8"))),
        ),
    ]
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    In,
    Out,
    Err,
}

/// `sys.stdin`, `sys.stdout`, `sys.stderr`.
pub struct TextStream(pub Stream);

fn stream(s: Stream) -> Value {
    static STREAMS: OnceLock<[Value; 3]> = OnceLock::new();
    let all = STREAMS.get_or_init(|| {
        [
            Value::Native(Arc::new(TextStream(Stream::In))),
            Value::Native(Arc::new(TextStream(Stream::Out))),
            Value::Native(Arc::new(TextStream(Stream::Err))),
        ]
    });
    all[s as usize].clone()
}

fn io_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        types::make_class(
            "TextIOWrapper",
            "_io",
            vec![types::class("object")],
            crate::interp::value::Native::Other,
            Default::default(),
        )
    })
    .clone()
}

impl TextStream {
    fn name(&self) -> &'static str {
        match self.0 {
            Stream::In => "<stdin>",
            Stream::Out => "<stdout>",
            Stream::Err => "<stderr>",
        }
    }
    pub fn fd(&self) -> i32 {
        self.0 as i32
    }
    fn is_terminal(&self) -> bool {
        use std::io::IsTerminal;
        match self.fd() {
            0 => std::io::stdin().is_terminal(),
            1 => std::io::stdout().is_terminal(),
            _ => std::io::stderr().is_terminal(),
        }
    }
}

impl NativeObject for TextStream {
    fn class(&self) -> Arc<Class> {
        io_class()
    }
    fn repr(&self) -> String {
        let mode = if self.0 == Stream::In { "r" } else { "w" };
        format!(
            "<_io.TextIOWrapper name='{}' mode='{mode}' encoding='utf-8'>",
            self.name()
        )
    }
    fn get_attr(&self, _ctx: &mut Ctx, _this: &Value, name: &str) -> Option<R<Value>> {
        match name {
            "name" => Some(Ok(Value::str(self.name()))),
            "encoding" => Some(Ok(Value::str("utf-8"))),
            "mode" => Some(Ok(Value::str(if self.0 == Stream::In { "r" } else { "w" }))),
            "closed" => Some(Ok(Value::Bool(false))),
            _ => None,
        }
    }
    fn call_method(
        &self,
        ctx: &mut Ctx,
        _this: &Value,
        name: &str,
        a: &[Value],
        _k: &[(Name, Value)],
    ) -> Option<R<Value>> {
        Some(match (name, self.0) {
            ("write", Stream::Out | Stream::Err) => (|| {
                arg_count(ctx, "write", a, 1, 1)?;
                let Value::Str(s) = &a[0] else {
                    return Err(ctx.type_error(format!(
                        "write() argument must be str, not {}",
                        types::type_name(&a[0])
                    )));
                };
                if self.0 == Stream::Out {
                    super::functions::write_stdout(ctx, s)?;
                } else {
                    let _ = ctx.interp.flush();
                    ctx.interp.write_stderr(s);
                }
                Ok(Value::Int(s.chars().count() as i64))
            })(),
            ("flush", _) => {
                if self.0 == Stream::Out {
                    let _ = ctx.interp.flush();
                }
                Ok(Value::None)
            }
            ("fileno", _) => Ok(Value::Int(self.fd() as i64)),
            ("isatty", _) => Ok(Value::Bool(self.is_terminal())),
            ("readline", Stream::In) => {
                let mut line = String::new();
                match std::io::stdin().read_line(&mut line) {
                    Ok(_) => Ok(Value::string(line)),
                    Err(e) => Err(ctx.os_error(e.raw_os_error().unwrap_or(libc::EIO))),
                }
            }
            ("read", Stream::In) => {
                let mut s = String::new();
                match std::io::stdin().read_to_string(&mut s) {
                    Ok(_) => Ok(Value::string(s)),
                    Err(e) => Err(ctx.os_error(e.raw_os_error().unwrap_or(libc::EIO))),
                }
            }
            ("readable", _) => Ok(Value::Bool(self.0 == Stream::In)),
            ("writable", _) => Ok(Value::Bool(self.0 != Stream::In)),
            _ => return None,
        })
    }
    fn attr_names(&self) -> Vec<&'static str> {
        match self.0 {
            Stream::In => vec!["readline", "read", "fileno", "isatty", "name"],
            _ => vec!["write", "flush", "fileno", "isatty", "name"],
        }
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
