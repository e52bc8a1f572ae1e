//! `socket`: the lecture's API on real OS sockets (through socket2), with CPython's
//! argument checks, errors and reprs. Each socket lives in the session's
//! `net::SocketTable`, which records every change as an event.
//!
//! - `mod.rs`: the module's table (`items`) and the default time-out;
//! - `constants`: `AF_INET` and friends as CPython's IntEnum/IntFlag members;
//! - `address`: `(host, port)` tuples to socket addresses and back;
//! - `object`: the socket object and its methods, and the functions that make sockets;
//! - `makefile`: the file-like view of a connected socket;
//! - `netdb`: host, service and protocol names (`getaddrinfo`, `gethostbyname` ...);
//! - `convert`: byte order and `inet_*` conversions;
//! - `checks`: the methods a lesson's check may call on the student's sockets.

use super::functions::{arg_count, builtin_fn, kwarg, to_c_int, to_clinic_int, to_i64};
use crate::interp::exec::{iterate, truthy};
use crate::interp::types::{self, type_name};
use crate::interp::value::{Class, Name, Native, NativeObject, Value};
use crate::interp::{Ctx, Exc, R};
use crate::net::{self, wait, Sock, State};
use parking_lot::Mutex;
use socket2::{Domain, SockAddr, Socket, Type};
use std::ffi::{CStr, CString};
use std::io::ErrorKind;
use std::mem::MaybeUninit;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::os::fd::{AsRawFd, RawFd};
use std::sync::atomic::Ordering;
use std::sync::{Arc, OnceLock};

mod address;
mod checks;
mod constants;
mod convert;
mod makefile;
mod netdb;
mod object;

pub use address::*;
pub use checks::{read_only, ReadOnly, PURE_SOCKET_METHODS};
pub use constants::*;
use convert::*;
pub use makefile::*;
pub use netdb::*;
pub use object::*;

pub fn items() -> Vec<(&'static str, Value)> {
    let mut v: Vec<(&'static str, Value)> = vec![
        ("socket", Value::Class(socket_class())),
        ("SocketType", Value::Class(socket_class())),
        ("socketpair", builtin_fn("socketpair", socketpair)),
        (
            "create_connection",
            builtin_fn("create_connection", create_connection),
        ),
        ("create_server", builtin_fn("create_server", create_server)),
        ("gethostname", builtin_fn("gethostname", gethostname)),
        ("gethostbyname", builtin_fn("gethostbyname", gethostbyname)),
        (
            "gethostbyname_ex",
            builtin_fn("gethostbyname_ex", gethostbyname_ex),
        ),
        ("gethostbyaddr", builtin_fn("gethostbyaddr", gethostbyaddr)),
        ("getfqdn", builtin_fn("getfqdn", getfqdn)),
        ("getaddrinfo", builtin_fn("getaddrinfo", getaddrinfo)),
        ("getnameinfo", builtin_fn("getnameinfo", getnameinfo)),
        ("getservbyname", builtin_fn("getservbyname", getservbyname)),
        ("getservbyport", builtin_fn("getservbyport", getservbyport)),
        (
            "getprotobyname",
            builtin_fn("getprotobyname", getprotobyname),
        ),
        (
            "htons",
            builtin_fn("htons", |ctx, a, _| swap(ctx, a, "htons", 16)),
        ),
        (
            "ntohs",
            builtin_fn("ntohs", |ctx, a, _| swap(ctx, a, "ntohs", 16)),
        ),
        (
            "htonl",
            builtin_fn("htonl", |ctx, a, _| swap(ctx, a, "htonl", 32)),
        ),
        (
            "ntohl",
            builtin_fn("ntohl", |ctx, a, _| swap(ctx, a, "ntohl", 32)),
        ),
        ("inet_aton", builtin_fn("inet_aton", inet_aton)),
        ("inet_ntoa", builtin_fn("inet_ntoa", inet_ntoa)),
        ("inet_pton", builtin_fn("inet_pton", inet_pton)),
        ("inet_ntop", builtin_fn("inet_ntop", inet_ntop)),
        (
            "setdefaulttimeout",
            builtin_fn("setdefaulttimeout", setdefaulttimeout),
        ),
        (
            "getdefaulttimeout",
            builtin_fn("getdefaulttimeout", |ctx, _, _| {
                Ok(float_or_none(default_timeout(ctx)))
            }),
        ),
        ("error", Value::Class(types::class("OSError"))),
        ("timeout", Value::Class(types::class("TimeoutError"))),
        ("gaierror", Value::Class(types::class("gaierror"))),
        ("herror", Value::Class(types::class("herror"))),
        ("has_ipv6", Value::Bool(true)),
        ("AddressFamily", Value::Class(enum_class("AddressFamily"))),
        ("SocketKind", Value::Class(enum_class("SocketKind"))),
        ("MsgFlag", Value::Class(enum_class("MsgFlag"))),
        ("AddressInfo", Value::Class(enum_class("AddressInfo"))),
    ];
    for &(name, value, e) in CONSTANTS.iter() {
        v.push((name, constant(value, e)));
    }
    v
}

// ---------------------------------------------------------------------------------
// Time-outs

/// `socket.setdefaulttimeout`'s value: process-wide in CPython, so one per interpreter
/// here (`ProcessState`): a new session does not inherit the last one's.
pub fn default_timeout(ctx: &Ctx) -> Option<f64> {
    let bits = ctx.interp.process.default_timeout.load(Ordering::Relaxed);
    (bits != u64::MAX).then(|| f64::from_bits(bits))
}

fn float_or_none(t: Option<f64>) -> Value {
    t.map_or(Value::None, Value::Float)
}

/// A time-out argument as CPython reads it: whole nanoseconds (`time::nanoseconds`),
/// so `gettimeout()` after `settimeout(1/3)` gives `0.333333334`.
fn parse_timeout(ctx: &Ctx, v: &Value) -> R<Option<f64>> {
    if v.is_none() {
        return Ok(None);
    }
    let ns = super::time::nanoseconds(ctx, v)?;
    if ns < 0 {
        return Err(ctx.value_error("Timeout value out of range"));
    }
    Ok(Some(super::time::seconds_of_ns(ns)))
}

fn setdefaulttimeout(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    let t = parse_timeout(ctx, &a[0])?;
    ctx.interp
        .process
        .default_timeout
        .store(t.map_or(u64::MAX, f64::to_bits), Ordering::Relaxed);
    Ok(Value::None)
}

fn timed_out() -> Box<Exc> {
    Exc::new(types::new_exception(
        "TimeoutError",
        vec![Value::str("timed out")],
    ))
}

pub fn io_error(ctx: &Ctx, e: &std::io::Error) -> Box<Exc> {
    ctx.os_error(e.raw_os_error().unwrap_or(libc::EIO))
}

// ---------------------------------------------------------------------------------
// Addresses
