//! The built-in modules, one file each, and `import`.
//!
//! Each module is a `Module` whose globals hold its functions, constants and classes,
//! made on first import and cached for the session. Modules written in Python
//! (`ipaddress`, `random`, `datetime`) are compiled from source embedded in the binary.
//!
//! - `functions`: the built-in functions and the constructors of the built-in types;
//! - `methods/`: the methods of the built-in types, one file per type;
//! - `signatures`: the declared signature of every native function and method (the
//!   binder, `interp::args`, checks calls against them; `dir()` lists from them);
//! - `exception_methods`: `__init__`, `__str__` and `__repr__` of the exception classes;
//! - `socket/`, `time`, `struct_`, `select`, `sys`, `thread` (`_thread`), `site`,
//!   `random` (`_random`, the generator under `py/random.py`), `strptime` (`_strptime`,
//!   parsing for `time.strptime` and `datetime`): one
//!   module each (`py/` holds the modules written in Python).

pub mod exception_methods;
pub mod functions;
pub mod methods;
pub mod random;
pub mod select;
pub mod signatures;
pub mod site;
pub mod socket;
pub mod strptime;
pub mod struct_;
pub mod sys;
pub mod thread;
pub mod time;
pub mod user_modules;

use crate::interp::value::{Builtin, BuiltinKind, Globals, Module, Name, Value};
use crate::interp::{Ctx, R};
use std::sync::Arc;

/// Modules socklab provides, with what `repr` says of them.
const BUILTIN_MODULES: &[&str] = &["sys", "time", "builtins"];
/// Modules of CPython's standard library that are outside the lecture's subset.
const STDLIB: &[&str] = &[
    "os",
    "re",
    "json",
    "math",
    "subprocess",
    "io",
    "collections",
    "itertools",
    "functools",
    "typing",
    "pathlib",
    "shutil",
    "signal",
    "ssl",
    "http",
    "urllib",
    "asyncio",
    "selectors",
    "queue",
    "multiprocessing",
    "logging",
    "argparse",
    "pickle",
    "copy",
    "string",
    "textwrap",
    "hashlib",
    "base64",
    "binascii",
    "errno",
    "platform",
    "traceback",
    "unittest",
    "dataclasses",
    "enum",
    "abc",
    "contextlib",
    "telnetlib",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "xmlrpc",
    "email",
    "uuid",
    "array",
    "operator",
    "heapq",
    "bisect",
    "weakref",
    "gc",
    "inspect",
    "codecs",
    "locale",
    "calendar",
    "fractions",
    "decimal",
    "statistics",
    "tempfile",
    "glob",
    "fnmatch",
    "csv",
    "sqlite3",
    "zlib",
    "gzip",
    "tarfile",
    "zipfile",
];

pub fn is_builtin_module(name: &str) -> bool {
    BUILTIN_MODULES.contains(&name)
}

/// What CPython's `ImportError` says a module is: `(built-in)` or its file.
pub fn module_origin(name: &str) -> String {
    if is_builtin_module(name) {
        "built-in".to_string()
    } else {
        format!("/usr/lib/python3.11/{name}.py")
    }
}

fn new_module(name: &str, items: Vec<(&str, Value)>) -> Value {
    let globals = Globals::new(name);
    globals.set("__name__", Value::str(name));
    let table = signatures::module_table(name);
    for (k, v) in items {
        globals.set(k, declared(table, v));
    }
    Value::Module(Arc::new(Module {
        name: Arc::from(name),
        globals,
    }))
}

/// The declared signature of method `name` of a built-in value, if it has one.
pub fn signature_of(v: &Value, name: &str) -> Option<&'static crate::interp::args::Signature> {
    let table = match v {
        Value::Native(_) if crate::interp::types::type_name(v) == "socket" => signatures::SOCKET,
        other => methods::method_table(other),
    };
    crate::interp::args::lookup(table, name)
}

/// A module function with a signature in `table` is bound against it before it runs.
fn declared(table: &'static [crate::interp::args::Signature], v: Value) -> Value {
    if let Value::Builtin(b) = &v {
        if let (None, BuiltinKind::Function(f)) = (&b.self_, &b.kind) {
            if let Some(sig) = crate::interp::args::lookup(table, &b.name) {
                return Value::Builtin(Arc::new(Builtin {
                    name: b.name.clone(),
                    self_: None,
                    kind: BuiltinKind::Declared(sig, *f),
                }));
            }
        }
    }
    v
}

/// `traceback`: just what `socketserver`'s error report (and curious students) need.
fn traceback_items() -> Vec<(&'static str, Value)> {
    fn format_exc(ctx: &mut Ctx) -> String {
        match ctx.handling.last().cloned() {
            Some(exc) => crate::interp::render_traceback(ctx, &exc),
            None => "NoneType: None\n".to_string(),
        }
    }
    vec![
        (
            "format_exc",
            functions::builtin_fn("format_exc", |ctx, _, _| Ok(Value::string(format_exc(ctx)))),
        ),
        (
            "print_exc",
            functions::builtin_fn("print_exc", |ctx, _, _| {
                let text = format_exc(ctx);
                let _ = ctx.interp.flush();
                ctx.interp.write_stderr(&text);
                Ok(Value::None)
            }),
        ),
    ]
}

/// A module written in Python and embedded in the binary: compiled and run on first
/// import, in its own globals.
fn python_module(ctx: &mut Ctx, name: &str, source: &str) -> R<Value> {
    let src = crate::syntax::Source::new(format!("<socklab {name}>"), source);
    let globals = Globals::new(name);
    globals.set("__name__", Value::str(name));
    let code = crate::interp::compile(&src, &globals).map_err(|e| {
        ctx.err(
            "SystemError",
            format!(
                "socklab's {name} module does not compile: {}",
                e.exception_line()
            ),
        )
    })?;
    let module = Value::Module(Arc::new(Module {
        name: Arc::from(name),
        globals: globals.clone(),
    }));
    // Cache first, so a module importing itself (or a cycle) sees it.
    ctx.interp
        .modules
        .lock()
        .insert(Arc::from(name), module.clone());
    if let Err(e) = crate::interp::run_module(ctx, &code, &globals, &src) {
        ctx.interp.modules.lock().remove(name);
        return Err(e);
    }
    // The compiled tree must outlive the module's functions, which point into it.
    std::mem::forget(code);
    Ok(module)
}

/// `import name`: the module, made on first use and cached.
pub fn import_module(ctx: &mut Ctx, dotted: &str) -> R<Value> {
    let top = dotted.split('.').next().unwrap_or(dotted);
    let cached = ctx.interp.modules.lock().get(top).cloned();
    if let Some(m) = cached {
        return import_chain(ctx, m, dotted);
    }
    // The program's own folder comes before the standard library, as in CPython: a
    // student's `socket.py` beside their script is what `import socket` finds. Only the
    // modules compiled into CPython itself cannot be shadowed.
    if !matches!(top, "sys" | "time" | "_thread" | "builtins") {
        if let Some(m) = user_modules::load_top(ctx, top)? {
            return import_chain(ctx, m, dotted);
        }
    }
    let module = match top {
        "sys" => new_module("sys", sys::items(ctx)),
        "time" => new_module("time", time::items()),
        "struct" => new_module("struct", struct_::items()),
        "socket" => new_module("socket", socket::items()),
        "select" => new_module("select", select::items()),
        "ipaddress" => python_module(ctx, "ipaddress", include_str!("py/ipaddress.py"))?,
        "_random" => new_module("_random", random::items()),
        "_strptime" => new_module("_strptime", strptime::items()),
        "datetime" => python_module(ctx, "datetime", include_str!("py/datetime.py"))?,
        "random" => python_module(ctx, "random", include_str!("py/random.py"))?,
        "_thread" => new_module("_thread", thread::items()),
        "threading" => python_module(ctx, "threading", include_str!("py/threading.py"))?,
        "socketserver" => python_module(ctx, "socketserver", include_str!("py/socketserver.py"))?,
        "traceback" => new_module("traceback", traceback_items()),
        "SocketServer" => {
            let mut e = ctx.err("ModuleNotFoundError", format!("No module named '{top}'"));
            e.hint_name = Some(Arc::from(top));
            return Err(e);
        }
        _ if STDLIB.contains(&top) => {
            return Err(ctx.err(
                "NotImplementedError",
                format!("socklab does not support the '{top}' module"),
            ))
        }
        _ => return Err(ctx.err("ModuleNotFoundError", format!("No module named '{top}'"))),
    };
    ctx.interp
        .modules
        .lock()
        .insert(Arc::from(top), module.clone());
    Ok(module)
}

/// `import a.b.c` of a program's package: load each submodule not loaded yet (each
/// becomes an attribute of its parent). Returns the top module, which `import a.b`
/// binds.
fn import_chain(ctx: &mut Ctx, top: Value, dotted: &str) -> R<Value> {
    let mut parent = top.clone();
    let mut name = String::new();
    for (i, part) in dotted.split('.').enumerate() {
        if i == 0 {
            name.push_str(part);
            continue;
        }
        name.push('.');
        name.push_str(part);
        let cached = ctx.interp.modules.lock().get(name.as_str()).cloned();
        parent = match cached {
            Some(m) => m,
            None => match user_modules::load_submodule(ctx, &parent, &name, part)? {
                Some(m) => m,
                None => {
                    let parent_name = &name[..name.len() - part.len() - 1];
                    let is_package =
                        matches!(&parent, Value::Module(m) if m.globals.get("__path__").is_some());
                    let msg = if is_package {
                        format!("No module named '{name}'")
                    } else {
                        format!("No module named '{name}'; '{parent_name}' is not a package")
                    };
                    let mut e = ctx.err("ModuleNotFoundError", msg);
                    e.hint_name = Some(Arc::from(name.as_str()));
                    return Err(e);
                }
            },
        };
    }
    Ok(top)
}

/// `from package import name` where `name` is a submodule not imported yet: load it.
pub fn import_from_package(
    ctx: &mut Ctx,
    package: &Value,
    package_name: &str,
    name: &str,
) -> R<Option<Value>> {
    user_modules::load_submodule(ctx, package, &format!("{package_name}.{name}"), name)
}

/// The absolute name of a relative import (`.inner`, `..`, `.`) made in a module whose
/// globals are `globals`, from its `__package__`, with CPython's errors.
pub fn resolve_relative(ctx: &Ctx, globals: &Globals, relative: &str) -> R<String> {
    let level = relative.len() - relative.trim_start_matches('.').len();
    let rest = &relative[level..];
    let package = match globals.get("__package__") {
        Some(Value::Str(p)) if !p.is_empty() => p.to_string(),
        _ => {
            return Err(ctx.err(
                "ImportError",
                "attempted relative import with no known parent package",
            ))
        }
    };
    let parts: Vec<&str> = package.split('.').collect();
    if level > parts.len() {
        return Err(ctx.err(
            "ImportError",
            "attempted relative import beyond top-level package",
        ));
    }
    let base = parts[..parts.len() + 1 - level].join(".");
    Ok(if rest.is_empty() {
        base
    } else {
        format!("{base}.{rest}")
    })
}

/// Where `from M import x` says M came from when `x` is missing: a program's module
/// names its file.
pub fn origin_of(module: &Value, name: &str) -> String {
    if let Value::Module(m) = module {
        if let Some(Value::Str(file)) = m.globals.get("__file__") {
            return file.to_string();
        }
    }
    module_origin(name)
}

/// `from a.b import c` / `import a.b as c`: the innermost module of a dotted path.
pub fn import_submodule(ctx: &mut Ctx, dotted: &str) -> R<Value> {
    let mut m = import_module(ctx, dotted)?;
    for part in dotted.split('.').skip(1) {
        m = crate::interp::exec::getattr(ctx, &m, part).map_err(|_| {
            ctx.err(
                "ModuleNotFoundError",
                format!(
                    "No module named '{dotted}'; '{}' is not a package",
                    dotted.split('.').next().unwrap_or("")
                ),
            )
        })?;
    }
    Ok(m)
}

/// What `from M import *` brings: names not starting with `_`.
pub fn public_names(m: &Module) -> Vec<(Name, Value)> {
    m.globals
        .items()
        .into_iter()
        .filter(|(k, _)| !k.starts_with('_'))
        .collect()
}

/// Attribute names of a value, for `dir()` and completion.
pub fn attribute_names(v: &Value) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    match v {
        Value::Module(m) => out.extend(m.globals.items().into_iter().map(|(k, _)| k.to_string())),
        Value::Instance(i) => {
            out.extend(i.dict.lock().keys().map(|k| k.to_string()));
            for c in i.class.lineage() {
                out.extend(c.dict.read().keys().map(|k| k.to_string()));
            }
        }
        Value::Class(c) => {
            for c in c.lineage() {
                out.extend(c.dict.read().keys().map(|k| k.to_string()));
            }
        }
        Value::Native(n) => out.extend(n.attr_names().into_iter().map(String::from)),
        other => out.extend(methods::method_names(other).into_iter().map(String::from)),
    }
    out
}
