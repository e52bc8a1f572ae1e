//! `select.select`: wait until some of many sockets (or files) are ready — the
//! lecture's way to serve several clients from one thread.

use super::functions::{builtin_fn, to_clinic_int};
use crate::interp::exec::{call_method, iterate};
use crate::interp::types;
use crate::interp::value::{Name, Value};
use crate::interp::{Ctx, Exc, R};

pub fn items() -> Vec<(&'static str, Value)> {
    vec![
        ("select", builtin_fn("select", select)),
        ("error", Value::Class(types::class("OSError"))),
    ]
}

/// A descriptor as CPython's `PyObject_AsFileDescriptor` finds it (an int, or what
/// `fileno()` returns, as a C int), and `select()`'s own limit: descriptors below
/// FD_SETSIZE, although socklab waits with `poll()`, so that a program fails here where
/// it fails under CPython.
fn fd_of(ctx: &mut Ctx, v: &Value) -> R<i32> {
    let number = match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => v.clone(),
        _ => {
            let r = call_method(ctx, v, "fileno", vec![], vec![]).map_err(|e| {
                if e.is("AttributeError") {
                    ctx.type_error("argument must be an int, or have a fileno() method.")
                } else {
                    e
                }
            })?;
            match r {
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => r,
                _ => return Err(ctx.type_error("fileno() returned a non-integer")),
            }
        }
    };
    let fd = to_clinic_int(ctx, &number)?;
    if fd < 0 {
        return Err(ctx.value_error(format!(
            "file descriptor cannot be a negative integer ({fd})"
        )));
    }
    if fd >= libc::FD_SETSIZE as i32 {
        return Err(ctx.value_error("filedescriptor out of range in select()"));
    }
    Ok(fd)
}

fn select(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    if a.len() < 3 || a.len() > 4 {
        return Err(ctx.type_error(format!(
            "select expected at least 3 arguments, got {}",
            a.len()
        )));
    }
    // CPython reads the time-out as whole nanoseconds (`time::wait_nanoseconds`).
    let timeout = match a.get(3).filter(|v| !v.is_none()) {
        None => None,
        Some(v) => match super::time::wait_nanoseconds(ctx, v) {
            None => return Err(ctx.type_error("timeout must be a float or None")),
            Some(ns) if ns.as_ref().is_ok_and(|ns| *ns < 0) => {
                return Err(ctx.value_error("timeout must be non-negative"))
            }
            Some(ns) => Some(super::time::seconds_of_ns(ns?)),
        },
    };
    let mut groups: Vec<Vec<(Value, i32)>> = Vec::new();
    for list in &a[..3] {
        if matches!(
            list,
            Value::Int(_) | Value::Float(_) | Value::None | Value::Bool(_)
        ) {
            return Err(ctx.type_error("arguments 1-3 must be sequences"));
        }
        let items =
            iterate(ctx, list).map_err(|_| ctx.type_error("arguments 1-3 must be sequences"))?;
        let mut g = Vec::new();
        for it in items {
            let fd = fd_of(ctx, &it)?;
            g.push((it, fd));
        }
        groups.push(g);
    }
    let events = [libc::POLLIN, libc::POLLOUT, libc::POLLPRI];
    let mut fds = Vec::new();
    for (g, ev) in groups.iter().zip(events) {
        for (_, fd) in g {
            fds.push((*fd, ev));
        }
    }
    let revents = crate::net::wait::poll(ctx, &fds, timeout)?;
    if revents.iter().any(|&r| r & libc::POLLNVAL != 0) {
        return Err(Exc::new(types::os_error(
            libc::EBADF,
            &types::strerror(libc::EBADF),
        )));
    }
    let mut out = Vec::new();
    let mut k = 0;
    for (gi, g) in groups.iter().enumerate() {
        let mut ready = Vec::new();
        for (v, _) in g {
            let r = revents[k];
            k += 1;
            let hit = match gi {
                0 => r & (libc::POLLIN | libc::POLLHUP | libc::POLLERR) != 0,
                1 => r & (libc::POLLOUT | libc::POLLERR | libc::POLLHUP) != 0,
                _ => r & libc::POLLPRI != 0,
            };
            if hit {
                ready.push(v.clone());
            }
        }
        out.push(Value::list(ready));
    }
    Ok(Value::tuple(out))
}
