//! `posix`: what the operating system answers for `os` and `os.path` (`py/os.py`,
//! `py/posixpath.py`, written in Python as CPython's are): the process, the working
//! folder, the environment, folder listings and what a path is. Reading names and
//! sizes only: files stay outside the lab (`open()` is refused), and `fork` is refused
//! in `os.py` with a hint to use threads.

use super::functions::{arg_count, builtin_fn, to_clinic_int, to_i64};
use crate::interp::dict::{Dict, Key};
use crate::interp::sharing::Mutex;
use crate::interp::types::{self, type_name};
use crate::interp::value::{Name, Value};
use crate::interp::{Ctx, Exc, R};
use std::ffi::OsString;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::sync::Arc;

pub fn items() -> Vec<(&'static str, Value)> {
    vec![
        (
            "getpid",
            builtin_fn("getpid", |ctx, a, _| {
                arg_count(ctx, "getpid", a, 0, 0)?;
                Ok(Value::Int(std::process::id() as i64))
            }),
        ),
        (
            "getppid",
            builtin_fn("getppid", |ctx, a, _| {
                arg_count(ctx, "getppid", a, 0, 0)?;
                // SAFETY: getppid has no preconditions.
                Ok(Value::Int(unsafe { libc::getppid() } as i64))
            }),
        ),
        ("getcwd", builtin_fn("getcwd", getcwd)),
        ("environ", environ()),
        ("listdir", builtin_fn("listdir", listdir)),
        ("strerror", builtin_fn("strerror", strerror)),
        ("cpu_count", builtin_fn("cpu_count", cpu_count)),
        ("urandom", builtin_fn("urandom", urandom)),
        ("_kind", builtin_fn("_kind", kind)),
        ("_size", builtin_fn("_size", size)),
        ("_realpath", builtin_fn("_realpath", realpath)),
    ]
}

/// The process's environment, as a dict of str (read once, at import).
fn environ() -> Value {
    let mut d = Dict::with_capacity(16);
    for (k, v) in std::env::vars_os() {
        let k = Value::string(k.to_string_lossy().into_owned());
        let v = Value::string(v.to_string_lossy().into_owned());
        if let Ok(key) = Key::new(&k) {
            d.insert(key, v);
        }
    }
    Value::Dict(Arc::new(Mutex::new(d)))
}

/// A path argument as CPython's `path_converter` takes it: str or bytes (`what` is the
/// function named in the TypeError). Returns the path and whether it was bytes.
fn path_arg(ctx: &Ctx, v: &Value, what: &str, int_ok: bool) -> R<(OsString, bool)> {
    match v {
        Value::Str(s) => {
            if s.contains('\0') {
                return Err(ctx.value_error(format!("{what}: embedded null character in path")));
            }
            Ok((OsString::from(s.to_string()), false))
        }
        Value::Bytes(b) => Ok((OsString::from_vec(b.to_vec()), true)),
        _ => {
            let kinds = match (what, int_ok) {
                ("listdir", _) => "string, bytes, os.PathLike, integer or None",
                (_, true) => "string, bytes, os.PathLike or integer",
                _ => "string, bytes or os.PathLike",
            };
            Err(ctx.type_error(format!(
                "{what}: path should be {kinds}, not {}",
                type_name(v)
            )))
        }
    }
}

/// An `OSError` naming the file, as CPython's: `[Errno 2] No such file or directory: 'x'`.
fn file_error(e: &std::io::Error, path: &Value) -> Box<Exc> {
    let errno = e.raw_os_error().unwrap_or(libc::EIO);
    let v = types::os_error(errno, &types::strerror(errno));
    if let Value::Instance(i) = &v {
        i.dict.lock().insert(Arc::from("filename"), path.clone());
    }
    Exc::new(v)
}

fn text_or_bytes(p: &std::ffi::OsStr, bytes: bool) -> Value {
    if bytes {
        Value::bytes(p.as_bytes())
    } else {
        Value::string(p.to_string_lossy().into_owned())
    }
}

fn getcwd(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "getcwd", a, 0, 0)?;
    let cwd = std::env::current_dir().map_err(|e| ctx.os_error(e.raw_os_error().unwrap_or(0)))?;
    Ok(text_or_bytes(cwd.as_os_str(), false))
}

/// `listdir(path='.')`: the names in a folder, in the order the system gives them.
fn listdir(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "listdir", a, 0, 1)?;
    let given = a
        .first()
        .or(super::functions::kwarg(k, "path"))
        .cloned()
        .unwrap_or(Value::None);
    let arg = if given.is_none() {
        Value::str(".")
    } else {
        given
    };
    let (path, bytes) = path_arg(ctx, &arg, "listdir", true)?;
    let entries = std::fs::read_dir(&path).map_err(|e| file_error(&e, &arg))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| file_error(&e, &arg))?;
        names.push(text_or_bytes(&entry.file_name(), bytes));
    }
    Ok(Value::list(names))
}

fn strerror(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "strerror", a, 1, 1)?;
    let code = to_clinic_int(ctx, &a[0])?;
    Ok(Value::string(types::strerror(code)))
}

fn cpu_count(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "cpu_count", a, 0, 0)?;
    // SAFETY: sysconf has no preconditions.
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    Ok(if n > 0 {
        Value::Int(n as i64)
    } else {
        Value::None
    })
}

fn urandom(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "urandom", a, 1, 1)?;
    let n = to_i64(ctx, &a[0], "")?;
    if n < 0 {
        return Err(ctx.value_error("negative argument not allowed"));
    }
    crate::interp::ops::check_alloc(n as u128)?;
    let mut buf = vec![0u8; n as usize];
    use std::io::Read;
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .map_err(|e| ctx.os_error(e.raw_os_error().unwrap_or(libc::EIO)))?;
    Ok(Value::bytes(&buf))
}

/// `_kind(path)`: 'file', 'dir', 'other', or None when the path does not exist (what
/// `exists`, `isfile` and `isdir` ask), following links as `stat` does.
fn kind(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "_kind", a, 1, 1)?;
    if let Value::Int(_) | Value::Bool(_) = &a[0] {
        let fd = to_clinic_int(ctx, &a[0])?;
        // SAFETY: fstat fills the zeroed struct we own; a bad fd is an error return.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        let r = unsafe { libc::fstat(fd, &mut st) };
        return Ok(if r != 0 {
            Value::None
        } else {
            Value::str(match st.st_mode & libc::S_IFMT {
                libc::S_IFREG => "file",
                libc::S_IFDIR => "dir",
                _ => "other",
            })
        });
    }
    let (path, _) = match path_arg(ctx, &a[0], "stat", true) {
        Ok(p) => p,
        Err(e) if e.is("ValueError") => return Ok(Value::None),
        Err(e) => return Err(e),
    };
    Ok(match std::fs::metadata(&path) {
        Ok(m) if m.is_file() => Value::str("file"),
        Ok(m) if m.is_dir() => Value::str("dir"),
        Ok(_) => Value::str("other"),
        Err(_) => Value::None,
    })
}

/// `_size(path)`: `os.path.getsize`, with CPython's errors.
fn size(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "_size", a, 1, 1)?;
    let (path, _) = path_arg(ctx, &a[0], "stat", true)?;
    let m = std::fs::metadata(&path).map_err(|e| file_error(&e, &a[0]))?;
    Ok(Value::Int(m.len() as i64))
}

/// `_realpath(path)`: the path with every link resolved, as far as it exists; the rest
/// joined on unresolved (CPython's `realpath(strict=False)`).
fn realpath(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "_realpath", a, 1, 1)?;
    let (path, bytes) = path_arg(ctx, &a[0], "realpath", false)?;
    let path = std::path::PathBuf::from(path);
    let mut existing = path.clone();
    let mut rest = Vec::new();
    let resolved = loop {
        match std::fs::canonicalize(&existing) {
            Ok(p) => break p,
            Err(_) => match (existing.parent(), existing.file_name()) {
                (Some(parent), Some(name)) => {
                    rest.push(name.to_os_string());
                    existing = parent.to_path_buf();
                }
                _ => break existing,
            },
        }
    };
    let mut out = resolved;
    for part in rest.into_iter().rev() {
        out.push(part);
    }
    Ok(text_or_bytes(out.as_os_str(), bytes))
}
