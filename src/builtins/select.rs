//! `select`: wait until some of many sockets (or files) are ready — the lecture's way
//! to serve several clients from one thread. `select.select`, `select.poll` objects,
//! and (Linux) `select.epoll` objects, which `selectors` (`py/selectors.py`) builds on.
//! Every wait is `net::wait::poll`, so Ctrl-C ends it; an epoll object waits on its own
//! descriptor and then collects what the kernel has ready.

use super::functions::{builtin_fn, kwarg, to_clinic_int, to_i64};
use crate::interp::exec::{call_method, iterate};
use crate::interp::types;
use crate::interp::value::{Class, Name, Native, NativeObject, Value};
use crate::interp::{Ctx, Exc, R};
use indexmap::IndexMap;
use parking_lot::Mutex;
#[cfg(target_os = "linux")]
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Arc, OnceLock};

/// The `POLL*` constants, with Linux's values (python3's on this machine).
const POLL_CONSTANTS: &[(&str, i64)] = &[
    ("POLLERR", libc::POLLERR as i64),
    ("POLLHUP", libc::POLLHUP as i64),
    ("POLLIN", libc::POLLIN as i64),
    ("POLLMSG", 0x400),
    ("POLLNVAL", libc::POLLNVAL as i64),
    ("POLLOUT", libc::POLLOUT as i64),
    ("POLLPRI", libc::POLLPRI as i64),
    ("POLLRDBAND", libc::POLLRDBAND as i64),
    ("POLLRDHUP", 0x2000),
    ("POLLRDNORM", libc::POLLRDNORM as i64),
    ("POLLWRBAND", libc::POLLWRBAND as i64),
    ("POLLWRNORM", libc::POLLWRNORM as i64),
];

/// The `EPOLL*` constants (Linux's).
#[cfg(target_os = "linux")]
const EPOLL_CONSTANTS: &[(&str, i64)] = &[
    ("EPOLLERR", libc::EPOLLERR as i64),
    ("EPOLLET", libc::EPOLLET as u32 as i64),
    ("EPOLLEXCLUSIVE", libc::EPOLLEXCLUSIVE as i64),
    ("EPOLLHUP", libc::EPOLLHUP as i64),
    ("EPOLLIN", libc::EPOLLIN as i64),
    ("EPOLLMSG", libc::EPOLLMSG as i64),
    ("EPOLLONESHOT", libc::EPOLLONESHOT as i64),
    ("EPOLLOUT", libc::EPOLLOUT as i64),
    ("EPOLLPRI", libc::EPOLLPRI as i64),
    ("EPOLLRDBAND", libc::EPOLLRDBAND as i64),
    ("EPOLLRDHUP", libc::EPOLLRDHUP as i64),
    ("EPOLLRDNORM", libc::EPOLLRDNORM as i64),
    ("EPOLLWRBAND", libc::EPOLLWRBAND as i64),
    ("EPOLLWRNORM", libc::EPOLLWRNORM as i64),
    ("EPOLL_CLOEXEC", libc::EPOLL_CLOEXEC as i64),
];

pub fn items() -> Vec<(&'static str, Value)> {
    let mut out = vec![
        ("select", builtin_fn("select", select)),
        ("poll", builtin_fn("poll", new_poll)),
        ("error", Value::Class(types::class("OSError"))),
        ("PIPE_BUF", Value::Int(libc::PIPE_BUF as i64)),
    ];
    out.extend(POLL_CONSTANTS.iter().map(|&(n, v)| (n, Value::Int(v))));
    #[cfg(target_os = "linux")]
    {
        out.push(("epoll", builtin_fn("epoll", new_epoll)));
        out.extend(EPOLL_CONSTANTS.iter().map(|&(n, v)| (n, Value::Int(v))));
    }
    out
}

fn class_of(name: &'static str) -> Arc<Class> {
    static C: OnceLock<Vec<Arc<Class>>> = OnceLock::new();
    let all = C.get_or_init(|| {
        ["poll", "epoll"]
            .iter()
            .map(|n| {
                types::make_class(
                    n,
                    "select",
                    vec![types::class("object")],
                    Native::Other,
                    Default::default(),
                )
            })
            .collect()
    });
    all.iter()
        .find(|c| &*c.name == name)
        .cloned()
        .unwrap_or_else(|| types::class("object"))
}

/// A `poll()`/`epoll.poll()` time-out as CPython reads it: `None` or a negative number
/// waits for ever; otherwise `unit` seconds per count, rounded up to whole milliseconds.
fn poll_timeout(ctx: &Ctx, v: Option<&Value>, unit: f64) -> R<Option<f64>> {
    let t = match v {
        None | Some(Value::None) => return Ok(None),
        Some(v) => match crate::interp::ops::as_number(v) {
            Some(crate::interp::ops::Num::F(f)) => f,
            Some(crate::interp::ops::Num::I(i)) => i as f64,
            Some(crate::interp::ops::Num::B(b)) => {
                crate::interp::ops::big_to_f64(&b).unwrap_or(f64::INFINITY)
            }
            None => return Err(ctx.type_error("timeout must be an integer or None")),
        },
    };
    if t.is_nan() {
        return Err(ctx.value_error("Invalid value NaN (not a number)"));
    }
    // CPython holds the time-out as 64-bit nanoseconds, then as a C int of milliseconds.
    if (t * unit * 1e9).abs() >= 9.223_372_036_854_776e18 {
        return Err(ctx.err(
            "OverflowError",
            "timestamp out of range for platform time_t",
        ));
    }
    let ms = (t * unit * 1e3).ceil();
    if ms > i32::MAX as f64 || ms < i32::MIN as f64 {
        return Err(ctx.err("OverflowError", "timeout is too large"));
    }
    Ok(if ms < 0.0 { None } else { Some(ms / 1e3) })
}

/// An event mask argument: `poll`'s is an unsigned short, checked; `epoll`'s an
/// unsigned int taken bit for bit, as CPython's argument parsers do.
fn mask_arg(ctx: &Ctx, v: Option<&Value>, default: i64, for_poll: bool) -> R<i64> {
    let Some(v) = v else { return Ok(default) };
    let m = to_i64(ctx, v, "")?;
    if !for_poll {
        return Ok(m as u32 as i64);
    }
    if m < 0 {
        return Err(ctx.value_error("value must be positive"));
    }
    if m > 0xffff {
        return Err(ctx.err("OverflowError", "Python int too large for C unsigned short"));
    }
    Ok(m)
}

fn wrong_count(ctx: &Ctx, name: &str, a: &[Value], min: usize, max: usize) -> R<()> {
    if a.len() >= min && a.len() <= max {
        return Ok(());
    }
    Err(ctx.type_error(if min == max {
        let s = if min == 1 { "" } else { "s" };
        format!("{name} expected {min} argument{s}, got {}", a.len())
    } else if a.len() < min {
        let s = if min == 1 { "" } else { "s" };
        format!(
            "{name} expected at least {min} argument{s}, got {}",
            a.len()
        )
    } else {
        let s = if max == 1 { "" } else { "s" };
        format!("{name} expected at most {max} argument{s}, got {}", a.len())
    }))
}

/// `select.poll()`: a set of descriptors, each with the events it waits for.
pub struct Poll {
    fds: Mutex<IndexMap<i32, i16>>,
}

fn new_poll(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    wrong_count(ctx, "poll", a, 0, 0)?;
    Ok(Value::Native(Arc::new(Poll {
        fds: Mutex::new(IndexMap::new()),
    })))
}

impl NativeObject for Poll {
    fn class(&self) -> Arc<Class> {
        class_of("poll")
    }
    fn repr(&self) -> String {
        format!(
            "<select.poll object at {:#x}>",
            self as *const Self as usize
        )
    }
    fn get_attr(&self, _ctx: &mut Ctx, _this: &Value, _name: &str) -> Option<R<Value>> {
        None
    }
    fn call_method(
        &self,
        ctx: &mut Ctx,
        _this: &Value,
        name: &str,
        a: &[Value],
        k: &[(Name, Value)],
    ) -> Option<R<Value>> {
        let methods = ["register", "modify", "unregister", "poll"];
        if !k.is_empty() && methods.contains(&name) {
            return Some(Err(
                ctx.type_error(format!("poll.{name}() takes no keyword arguments"))
            ));
        }
        Some(match name {
            "register" | "modify" => (|| {
                wrong_count(ctx, name, a, if name == "modify" { 2 } else { 1 }, 2)?;
                let fd = fd_of(ctx, &a[0], false)?;
                let all = (libc::POLLIN | libc::POLLPRI | libc::POLLOUT) as i64;
                let mask = mask_arg(ctx, a.get(1), all, true)? as u16 as i16;
                let mut fds = self.fds.lock();
                if name == "modify" && !fds.contains_key(&fd) {
                    return Err(ctx.os_error(libc::ENOENT));
                }
                fds.insert(fd, mask);
                Ok(Value::None)
            })(),
            "unregister" => (|| {
                wrong_count(ctx, name, a, 1, 1)?;
                let fd = fd_of(ctx, &a[0], false)?;
                match self.fds.lock().shift_remove(&fd) {
                    Some(_) => Ok(Value::None),
                    None => Err(Exc::new(types::new_exception(
                        "KeyError",
                        vec![Value::Int(fd as i64)],
                    ))),
                }
            })(),
            "poll" => (|| {
                wrong_count(ctx, name, a, 0, 1)?;
                let timeout = poll_timeout(ctx, a.first(), 1e-3)?;
                let fds: Vec<(i32, i16)> = self.fds.lock().iter().map(|(&f, &m)| (f, m)).collect();
                let revents = if fds.is_empty() {
                    // Nothing to watch: only the time passes (or Ctrl-C comes).
                    crate::net::wait::poll(ctx, &[(-1, 0)], timeout)?;
                    vec![]
                } else {
                    crate::net::wait::poll(ctx, &fds, timeout)?
                };
                let ready = fds
                    .iter()
                    .zip(revents)
                    .filter(|(_, r)| *r != 0)
                    .map(|(&(fd, _), r)| {
                        Value::tuple(vec![Value::Int(fd as i64), Value::Int(r as u16 as i64)])
                    })
                    .collect();
                Ok(Value::list(ready))
            })(),
            _ => return None,
        })
    }
    fn attr_names(&self) -> Vec<&'static str> {
        vec!["modify", "poll", "register", "unregister"]
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `select.epoll()`: the kernel's own set of watched descriptors (Linux). Its
/// descriptor is a real one, so a program's later sockets are numbered as under CPython.
#[cfg(target_os = "linux")]
pub struct Epoll {
    /// -1 once closed.
    fd: AtomicI32,
}

#[cfg(target_os = "linux")]
impl Drop for Epoll {
    fn drop(&mut self) {
        let fd = self.fd.swap(-1, Ordering::Relaxed);
        if fd >= 0 {
            // SAFETY: our own descriptor, closed once.
            unsafe { libc::close(fd) };
        }
    }
}

#[cfg(target_os = "linux")]
fn new_epoll(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    if a.len() > 2 {
        return Err(ctx.type_error(format!(
            "epoll() takes at most 2 arguments ({} given)",
            a.len()
        )));
    }
    let sizehint = match a.first().or(kwarg(k, "sizehint")) {
        Some(v) => to_clinic_int(ctx, v)?,
        None => -1,
    };
    if sizehint == 0 || sizehint < -1 {
        return Err(ctx.value_error("negative sizehint"));
    }
    if let Some(v) = a.get(1).or(kwarg(k, "flags")) {
        let flags = to_clinic_int(ctx, v)?;
        if flags != 0 && flags != libc::EPOLL_CLOEXEC {
            return Err(ctx.err("OSError", "invalid flags"));
        }
    }
    let fd = crate::net::sys::epoll_create().map_err(|e| io_err(ctx, &e))?;
    Ok(Value::Native(Arc::new(Epoll {
        fd: AtomicI32::new(fd),
    })))
}

#[cfg(target_os = "linux")]
fn io_err(ctx: &Ctx, e: &std::io::Error) -> Box<Exc> {
    ctx.os_error(e.raw_os_error().unwrap_or(libc::EIO))
}

#[cfg(target_os = "linux")]
impl Epoll {
    fn open_fd(&self, ctx: &Ctx) -> R<i32> {
        let fd = self.fd.load(Ordering::Relaxed);
        if fd < 0 {
            return Err(ctx.value_error("I/O operation on closed epoll object"));
        }
        Ok(fd)
    }

    fn poll(&self, ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
        if a.len() > 2 {
            return Err(ctx.type_error(format!(
                "poll() takes at most 2 arguments ({} given)",
                a.len()
            )));
        }
        let timeout = poll_timeout(ctx, a.first().or(kwarg(k, "timeout")), 1.0)?;
        let max = match a.get(1).or(kwarg(k, "maxevents")) {
            Some(v) => to_clinic_int(ctx, v)?,
            None => -1,
        };
        let max = match max {
            -1 => 1023,
            m if m <= 0 => {
                return Err(ctx.value_error(format!("maxevents must be greater than 0, got {m}")))
            }
            m => m as usize,
        };
        let epfd = self.open_fd(ctx)?;
        let deadline =
            timeout.and_then(|t| crate::net::wait::deadline_after(std::time::Instant::now(), t));
        loop {
            let left = deadline.map(|d| {
                d.saturating_duration_since(std::time::Instant::now())
                    .as_secs_f64()
            });
            crate::net::wait::poll(ctx, &[(epfd, libc::POLLIN)], left)?;
            let ready = crate::net::sys::epoll_ready(epfd, max).map_err(|e| io_err(ctx, &e))?;
            // Another thread may have taken what woke this one: wait on, unless time is up.
            let expired = deadline.is_some_and(|d| std::time::Instant::now() >= d);
            if !ready.is_empty() || expired {
                let items = ready
                    .into_iter()
                    .map(|(fd, ev)| {
                        Value::tuple(vec![Value::Int(fd as i64), Value::Int(ev as i64)])
                    })
                    .collect();
                return Ok(Value::list(items));
            }
        }
    }
}

#[cfg(target_os = "linux")]
impl NativeObject for Epoll {
    fn class(&self) -> Arc<Class> {
        class_of("epoll")
    }
    fn repr(&self) -> String {
        format!(
            "<select.epoll object at {:#x}>",
            self as *const Self as usize
        )
    }
    fn get_attr(&self, _ctx: &mut Ctx, _this: &Value, name: &str) -> Option<R<Value>> {
        match name {
            "closed" => Some(Ok(Value::Bool(self.fd.load(Ordering::Relaxed) < 0))),
            _ => None,
        }
    }
    fn call_method(
        &self,
        ctx: &mut Ctx,
        this: &Value,
        name: &str,
        a: &[Value],
        k: &[(Name, Value)],
    ) -> Option<R<Value>> {
        Some(match name {
            "register" | "modify" | "unregister" => (|| {
                let (min, max) = match name {
                    "register" => (1, 2),
                    "modify" => (2, 2),
                    _ => (1, 1),
                };
                // Keywords (fd=, eventmask=) go into their positions first.
                let mut a = a.to_vec();
                for (key, v) in k {
                    match (&**key, a.len()) {
                        ("fd", 0) | ("eventmask", 1) if max > a.len() => a.push(v.clone()),
                        _ => {
                            return Err(ctx.type_error(format!(
                                "'{key}' is an invalid keyword argument for {name}()"
                            )))
                        }
                    }
                }
                // Argument Clinic's words, for these methods that take keywords.
                if a.len() > max {
                    return Err(ctx.type_error(format!(
                        "{name}() takes at most {max} argument{} ({} given)",
                        if max == 1 { "" } else { "s" },
                        a.len()
                    )));
                }
                if a.len() < min {
                    let param = ["fd", "eventmask"][a.len()];
                    return Err(ctx.type_error(format!(
                        "{name}() missing required argument '{param}' (pos {})",
                        a.len() + 1
                    )));
                }
                let fd = fd_of(ctx, &a[0], false)?;
                let all = (libc::EPOLLIN | libc::EPOLLPRI | libc::EPOLLOUT) as i64;
                let mask = mask_arg(ctx, a.get(1), all, false)? as u32;
                let epfd = self.open_fd(ctx)?;
                let op = match name {
                    "register" => libc::EPOLL_CTL_ADD,
                    "modify" => libc::EPOLL_CTL_MOD,
                    _ => libc::EPOLL_CTL_DEL,
                };
                crate::net::sys::epoll_ctl(epfd, op, fd, mask).map_err(|e| io_err(ctx, &e))?;
                Ok(Value::None)
            })(),
            "poll" => self.poll(ctx, a, k),
            "fileno" => self.open_fd(ctx).map(|fd| Value::Int(fd as i64)),
            "close" | "__exit__" => {
                let fd = self.fd.swap(-1, Ordering::Relaxed);
                if fd >= 0 {
                    // SAFETY: our own descriptor, closed once.
                    unsafe { libc::close(fd) };
                }
                Ok(Value::None)
            }
            "__enter__" => self.open_fd(ctx).map(|_| this.clone()),
            _ => return None,
        })
    }
    fn attr_names(&self) -> Vec<&'static str> {
        vec![
            "close",
            "closed",
            "fileno",
            "modify",
            "poll",
            "register",
            "unregister",
        ]
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// A descriptor as CPython's `PyObject_AsFileDescriptor` finds it (an int, or what
/// `fileno()` returns, as a C int), and (`for_select`) `select()`'s own limit:
/// descriptors below FD_SETSIZE, although socklab waits with `poll()`, so that a program
/// fails here where it fails under CPython.
fn fd_of(ctx: &mut Ctx, v: &Value, for_select: bool) -> R<i32> {
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
    if for_select && fd >= libc::FD_SETSIZE as i32 {
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
            let fd = fd_of(ctx, &it, true)?;
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
