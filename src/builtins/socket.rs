//! `socket`: the lecture's API on real OS sockets (through socket2), with CPython's
//! argument checks, errors and reprs. Each socket lives in the session's
//! `net::SocketTable`, which records every change as an event.

use super::core::{arg_count, builtin_fn, kwarg, to_c_int, to_clinic_int, to_i64};
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

// ---------------------------------------------------------------------------------
// Constants: CPython prints the family, kind, flag and address-info constants as
// IntEnum members (`<AddressFamily.AF_INET: 2>`); they still are ints.

pub struct EnumMember {
    pub class: Arc<Class>,
    pub name: Arc<str>,
    pub value: i64,
}

/// IntFlag classes: `|`, `&`, `^` of members give members (composite names).
fn is_flag(class: &Class) -> bool {
    matches!(&*class.name, "MsgFlag" | "AddressInfo")
}

impl NativeObject for EnumMember {
    fn class(&self) -> Arc<Class> {
        self.class.clone()
    }
    fn repr(&self) -> String {
        format!("<{}.{}: {}>", self.class.name, self.name, self.value)
    }
    fn str(&self) -> Option<String> {
        Some(self.value.to_string())
    }
    fn as_int(&self) -> Option<i64> {
        Some(self.value)
    }
    fn binary_op(&self, op: &str, other: &Value) -> Option<Value> {
        if !is_flag(&self.class) {
            return None;
        }
        let o = match other {
            Value::Int(i) => *i,
            Value::Native(n) => {
                let m = n.as_any().downcast_ref::<EnumMember>()?;
                if !Arc::ptr_eq(&m.class, &self.class) {
                    return None;
                }
                m.value
            }
            _ => return None,
        };
        let v = match op {
            "|" => self.value | o,
            "&" => self.value & o,
            "^" => self.value ^ o,
            _ => return None,
        };
        Some(member(enum_name_static(&self.class.name), v))
    }
    fn get_attr(&self, _ctx: &mut Ctx, _this: &Value, name: &str) -> Option<R<Value>> {
        match name {
            "name" => Some(Ok(Value::Str(self.name.clone()))),
            "value" => Some(Ok(Value::Int(self.value))),
            _ => None,
        }
    }
    fn call_method(
        &self,
        ctx: &mut Ctx,
        _this: &Value,
        name: &str,
        args: &[Value],
        _k: &[(Name, Value)],
    ) -> Option<R<Value>> {
        match name {
            "__eq__" => Some(
                crate::interp::ops::eq(ctx, &Value::Int(self.value), &args[0]).map(Value::Bool),
            ),
            "__bool__" => Some(Ok(Value::Bool(self.value != 0))),
            _ => None,
        }
    }
    fn attr_names(&self) -> Vec<&'static str> {
        vec!["name", "value"]
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn enum_class(name: &'static str) -> Arc<Class> {
    static CLASSES: OnceLock<Vec<Arc<Class>>> = OnceLock::new();
    let all = CLASSES.get_or_init(|| {
        ["AddressFamily", "SocketKind", "MsgFlag", "AddressInfo"]
            .iter()
            .map(|n| {
                types::make_class(
                    n,
                    "socket",
                    vec![types::class("int")],
                    Native::Enum,
                    Default::default(),
                )
            })
            .collect()
    });
    all.iter()
        .find(|c| &*c.name == name)
        .cloned()
        .unwrap_or_else(|| types::class("int"))
}

/// Every constant of the module: the ones all Unix systems have, then those of this
/// system alone (`net::sys::CONSTANTS`, Linux's).
static CONSTANTS: std::sync::LazyLock<Vec<(&str, i64, &str)>> =
    std::sync::LazyLock::new(|| [PORTABLE_CONSTANTS, net::sys::CONSTANTS].concat());

/// (name, value, enum class or "" for a plain int)
const PORTABLE_CONSTANTS: &[(&str, i64, &str)] = &[
    ("AF_UNSPEC", libc::AF_UNSPEC as i64, "AddressFamily"),
    ("AF_INET", libc::AF_INET as i64, "AddressFamily"),
    ("AF_INET6", libc::AF_INET6 as i64, "AddressFamily"),
    ("AF_UNIX", libc::AF_UNIX as i64, "AddressFamily"),
    ("SOCK_STREAM", libc::SOCK_STREAM as i64, "SocketKind"),
    ("SOCK_DGRAM", libc::SOCK_DGRAM as i64, "SocketKind"),
    ("SOCK_RAW", libc::SOCK_RAW as i64, "SocketKind"),
    ("SOCK_RDM", libc::SOCK_RDM as i64, "SocketKind"),
    ("SOCK_SEQPACKET", libc::SOCK_SEQPACKET as i64, "SocketKind"),
    ("MSG_PEEK", libc::MSG_PEEK as i64, "MsgFlag"),
    ("MSG_DONTWAIT", libc::MSG_DONTWAIT as i64, "MsgFlag"),
    ("MSG_WAITALL", libc::MSG_WAITALL as i64, "MsgFlag"),
    ("MSG_OOB", libc::MSG_OOB as i64, "MsgFlag"),
    ("AI_PASSIVE", libc::AI_PASSIVE as i64, "AddressInfo"),
    ("AI_CANONNAME", libc::AI_CANONNAME as i64, "AddressInfo"),
    ("AI_NUMERICHOST", libc::AI_NUMERICHOST as i64, "AddressInfo"),
    ("AI_NUMERICSERV", libc::AI_NUMERICSERV as i64, "AddressInfo"),
    ("AI_ADDRCONFIG", libc::AI_ADDRCONFIG as i64, "AddressInfo"),
    ("AI_V4MAPPED", libc::AI_V4MAPPED as i64, "AddressInfo"),
    ("AI_ALL", libc::AI_ALL as i64, "AddressInfo"),
    ("SOL_SOCKET", libc::SOL_SOCKET as i64, ""),
    ("SO_REUSEADDR", libc::SO_REUSEADDR as i64, ""),
    ("SO_REUSEPORT", libc::SO_REUSEPORT as i64, ""),
    ("SO_BROADCAST", libc::SO_BROADCAST as i64, ""),
    ("SO_KEEPALIVE", libc::SO_KEEPALIVE as i64, ""),
    ("SO_RCVBUF", libc::SO_RCVBUF as i64, ""),
    ("SO_SNDBUF", libc::SO_SNDBUF as i64, ""),
    ("SO_ERROR", libc::SO_ERROR as i64, ""),
    ("SO_TYPE", libc::SO_TYPE as i64, ""),
    ("SO_LINGER", libc::SO_LINGER as i64, ""),
    ("SO_RCVTIMEO", libc::SO_RCVTIMEO as i64, ""),
    ("SO_SNDTIMEO", libc::SO_SNDTIMEO as i64, ""),
    ("SO_ACCEPTCONN", libc::SO_ACCEPTCONN as i64, ""),
    ("SO_DEBUG", libc::SO_DEBUG as i64, ""),
    ("SO_DONTROUTE", libc::SO_DONTROUTE as i64, ""),
    ("SO_OOBINLINE", libc::SO_OOBINLINE as i64, ""),
    ("SO_RCVLOWAT", libc::SO_RCVLOWAT as i64, ""),
    ("SO_SNDLOWAT", libc::SO_SNDLOWAT as i64, ""),
    ("IPPROTO_IP", libc::IPPROTO_IP as i64, ""),
    ("IPPROTO_TCP", libc::IPPROTO_TCP as i64, ""),
    ("IPPROTO_UDP", libc::IPPROTO_UDP as i64, ""),
    ("IPPROTO_IPV6", libc::IPPROTO_IPV6 as i64, ""),
    ("IPPROTO_ICMP", libc::IPPROTO_ICMP as i64, ""),
    ("IPPROTO_RAW", libc::IPPROTO_RAW as i64, ""),
    ("IP_TTL", libc::IP_TTL as i64, ""),
    ("IP_TOS", libc::IP_TOS as i64, ""),
    ("IP_MULTICAST_TTL", libc::IP_MULTICAST_TTL as i64, ""),
    ("IP_MULTICAST_LOOP", libc::IP_MULTICAST_LOOP as i64, ""),
    ("IP_ADD_MEMBERSHIP", libc::IP_ADD_MEMBERSHIP as i64, ""),
    ("IPV6_V6ONLY", libc::IPV6_V6ONLY as i64, ""),
    ("TCP_NODELAY", libc::TCP_NODELAY as i64, ""),
    ("TCP_MAXSEG", libc::TCP_MAXSEG as i64, ""),
    ("TCP_KEEPINTVL", libc::TCP_KEEPINTVL as i64, ""),
    ("TCP_KEEPCNT", libc::TCP_KEEPCNT as i64, ""),
    ("SHUT_RD", libc::SHUT_RD as i64, ""),
    ("SHUT_WR", libc::SHUT_WR as i64, ""),
    ("SHUT_RDWR", libc::SHUT_RDWR as i64, ""),
    ("INADDR_ANY", 0, ""),
    ("INADDR_BROADCAST", 0xffff_ffff, ""),
    ("INADDR_LOOPBACK", 0x7f00_0001, ""),
    ("INADDR_NONE", 0xffff_ffff, ""),
    ("NI_NUMERICHOST", libc::NI_NUMERICHOST as i64, ""),
    ("NI_NUMERICSERV", libc::NI_NUMERICSERV as i64, ""),
    ("NI_NAMEREQD", libc::NI_NAMEREQD as i64, ""),
    ("NI_DGRAM", libc::NI_DGRAM as i64, ""),
    ("NI_NOFQDN", libc::NI_NOFQDN as i64, ""),
    ("SOMAXCONN", libc::SOMAXCONN as i64, ""),
    ("EAI_NONAME", libc::EAI_NONAME as i64, ""),
    ("EAI_SERVICE", libc::EAI_SERVICE as i64, ""),
    ("EAI_AGAIN", libc::EAI_AGAIN as i64, ""),
    ("EAI_FAIL", libc::EAI_FAIL as i64, ""),
    ("EAI_FAMILY", libc::EAI_FAMILY as i64, ""),
    ("EAI_SOCKTYPE", libc::EAI_SOCKTYPE as i64, ""),
];

/// The value CPython gives a constant: an enum member or a plain int.
pub fn constant(value: i64, enum_name: &str) -> Value {
    if enum_name.is_empty() {
        return Value::Int(value);
    }
    member(enum_name_static(enum_name), value)
}

/// The one member of an enum with this value (members are singletons, so
/// `s.family is AF_INET`); flag values that are no single member get a composite
/// name (`AI_PASSIVE|AI_NUMERICHOST`); other values stay plain ints.
fn member(enum_name: &'static str, value: i64) -> Value {
    static MEMBERS: OnceLock<Mutex<std::collections::HashMap<(&'static str, i64), Value>>> =
        OnceLock::new();
    let table = MEMBERS.get_or_init(|| Mutex::new(std::collections::HashMap::new()));
    if let Some(v) = table.lock().get(&(enum_name, value)) {
        return v.clone();
    }
    let class = enum_class(enum_name);
    let exact = CONSTANTS
        .iter()
        .find(|(_, v, e)| *v == value && *e == enum_name)
        .map(|(n, _, _)| n.to_string());
    let name = match exact {
        Some(n) => n,
        None if is_flag(&class) => {
            let parts: Vec<&str> = CONSTANTS
                .iter()
                .filter(|(_, v, e)| {
                    *e == enum_name && *v != 0 && v & value == *v && v.count_ones() == 1
                })
                .map(|(n, _, _)| *n)
                .collect();
            if parts.is_empty()
                || parts
                    .iter()
                    .map(|n| CONSTANTS.iter().find(|c| c.0 == *n).map_or(0, |c| c.1))
                    .fold(0, |a, b| a | b)
                    != value
            {
                return Value::Int(value);
            }
            parts.join("|")
        }
        None => return Value::Int(value),
    };
    let v = Value::Native(Arc::new(EnumMember {
        class,
        name: Arc::from(name),
        value,
    }));
    table.lock().insert((enum_name, value), v.clone());
    v
}

/// `socket.AddressFamily(2)`: the member with that value, or CPython's ValueError.
pub fn enum_call(ctx: &mut Ctx, cls: &Arc<Class>, args: &[Value]) -> R<Value> {
    arg_count(ctx, &cls.name, args, 1, 1)?;
    let v = to_i64(ctx, &args[0], "")?;
    match member(enum_name_static(&cls.name), v) {
        m @ Value::Native(_) => Ok(m),
        _ => Err(ctx.value_error(format!("{} is not a valid {}", v, cls.name))),
    }
}

fn enum_name_static(n: &str) -> &'static str {
    match n {
        "AddressFamily" => "AddressFamily",
        "SocketKind" => "SocketKind",
        "MsgFlag" => "MsgFlag",
        _ => "AddressInfo",
    }
}

// ---------------------------------------------------------------------------------
// The module

pub fn socket_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        types::make_class(
            "socket",
            "socket",
            vec![types::class("object")],
            Native::Socket,
            Default::default(),
        )
    })
    .clone()
}

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
    arg_count(ctx, "setdefaulttimeout", a, 1, 1)?;
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

/// Python's form of a socket address: `('127.0.0.1', 40000)`, a path, ...
pub fn addr_to_value(addr: &SockAddr) -> Value {
    if let Some(sa) = addr.as_socket() {
        return match sa {
            SocketAddr::V4(a) => Value::tuple(vec![
                Value::string(a.ip().to_string()),
                Value::Int(a.port() as i64),
            ]),
            SocketAddr::V6(a) => Value::tuple(vec![
                Value::string(a.ip().to_string()),
                Value::Int(a.port() as i64),
                Value::Int(a.flowinfo() as i64),
                Value::Int(a.scope_id() as i64),
            ]),
        };
    }
    if let Some(p) = addr.as_pathname() {
        return Value::string(p.to_string_lossy().into_owned());
    }
    if let Some(abs) = addr.as_abstract_namespace() {
        let mut v = vec![0u8];
        v.extend_from_slice(abs);
        return Value::Bytes(v.into());
    }
    Value::str("")
}

/// An address as the event lines show it: `127.0.0.1:40000`, `[::1]:40000`, a path.
pub fn addr_text(addr: &SockAddr) -> String {
    if let Some(sa) = addr.as_socket() {
        return sa.to_string();
    }
    if let Some(p) = addr.as_pathname() {
        return p.display().to_string();
    }
    "(unnamed)".into()
}

fn host_of(ctx: &Ctx, v: &Value, fname: &str) -> R<String> {
    let _ = fname;
    match v {
        Value::Str(s) => Ok(s.to_string()),
        Value::Bytes(b) => Ok(String::from_utf8_lossy(b).into_owned()),
        Value::ByteArray(b) => Ok(String::from_utf8_lossy(&b.lock()).into_owned()),
        other => Err(ctx.type_error(format!(
            "str, bytes or bytearray expected, not {}",
            type_name(other)
        ))),
    }
}

/// A host-name argument of the resolver functions, with their message.
fn name_arg(ctx: &Ctx, v: &Value, fname: &str) -> R<String> {
    match v {
        Value::Str(_) | Value::Bytes(_) | Value::ByteArray(_) => host_of(ctx, v, fname),
        Value::None => Err(ctx.type_error(format!(
            "{fname}() argument 1 must be str, bytes or bytearray, not None"
        ))),
        other => Err(ctx.type_error(format!(
            "{fname}() argument 1 must be str, bytes or bytearray, not {}",
            type_name(other)
        ))),
    }
}

/// `f() takes exactly N arguments (K given)`, as PyArg_ParseTuple words it.
fn exactly(ctx: &Ctx, fname: &str, a: &[Value], n: usize) -> R<()> {
    if a.len() != n {
        let what = if n == 1 { "argument" } else { "arguments" };
        return Err(ctx.type_error(format!(
            "{fname}() takes exactly {n} {what} ({} given)",
            a.len()
        )));
    }
    Ok(())
}

fn resolve_host(ctx: &Ctx, host: &str, family: i32) -> R<IpAddr> {
    // CPython's setipaddr, before any lookup.
    if host.contains('\0') {
        return Err(ctx.type_error("host name must not contain null character"));
    }
    if family == libc::AF_INET {
        match host {
            "" => return Ok(IpAddr::V4(Ipv4Addr::UNSPECIFIED)),
            "<broadcast>" => return Ok(IpAddr::V4(Ipv4Addr::BROADCAST)),
            _ => {}
        }
        if let Ok(a) = host.parse::<Ipv4Addr>() {
            return Ok(IpAddr::V4(a));
        }
    } else {
        if host.is_empty() {
            return Ok(IpAddr::V6(Ipv6Addr::UNSPECIFIED));
        }
        if let Ok(a) = host.split('%').next().unwrap_or(host).parse::<Ipv6Addr>() {
            return Ok(IpAddr::V6(a));
        }
    }
    let list = addrinfo(ctx, Some(host), None, family, 0, 0, 0)?;
    list.into_iter()
        .find_map(|ai| ai.addr.as_socket().map(|s| s.ip()))
        .ok_or_else(|| gai_error(libc::EAI_NONAME))
}

/// A Python address for `family` → the OS address, with CPython's messages.
pub fn parse_address(ctx: &Ctx, family: i32, v: &Value, fname: &str) -> R<SockAddr> {
    match family {
        libc::AF_INET | libc::AF_INET6 => {
            let fam = if family == libc::AF_INET {
                "AF_INET"
            } else {
                "AF_INET6"
            };
            let Value::Tuple(t) = v else {
                return Err(ctx.type_error(format!(
                    "{fname}(): {fam} address must be tuple, not {}",
                    type_name(v)
                )));
            };
            let ok_len = if family == libc::AF_INET {
                t.len() == 2
            } else {
                (2..=4).contains(&t.len())
            };
            if !ok_len {
                return Err(ctx.type_error(if family == libc::AF_INET {
                    "AF_INET address must be a pair (host, port)".to_string()
                } else {
                    "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])"
                        .to_string()
                }));
            }
            let host = host_of(ctx, &t[0], fname)?;
            let port = match &t[1] {
                Value::Int(p) => *p,
                Value::Bool(b) => *b as i64,
                Value::BigInt(_) => -1,
                other => {
                    return Err(ctx.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        type_name(other)
                    )))
                }
            };
            if !(0..=65535).contains(&port) {
                return Err(ctx.err("OverflowError", format!("{fname}(): port must be 0-65535.")));
            }
            let ip = resolve_host(ctx, &host, family)?;
            let sa = match ip {
                IpAddr::V4(a) if family == libc::AF_INET => {
                    SocketAddr::new(IpAddr::V4(a), port as u16)
                }
                IpAddr::V6(a) => {
                    let flow = t
                        .get(2)
                        .map(|v| to_i64(ctx, v, ""))
                        .transpose()?
                        .unwrap_or(0) as u32;
                    let scope = t
                        .get(3)
                        .map(|v| to_i64(ctx, v, ""))
                        .transpose()?
                        .unwrap_or(0) as u32;
                    SocketAddr::V6(std::net::SocketAddrV6::new(a, port as u16, flow, scope))
                }
                IpAddr::V4(a) => SocketAddr::new(IpAddr::V6(a.to_ipv6_mapped()), port as u16),
            };
            Ok(SockAddr::from(sa))
        }
        libc::AF_UNIX => {
            let path = match v {
                Value::Str(s) => s.as_bytes().to_vec(),
                Value::Bytes(b) => b.to_vec(),
                Value::ByteArray(b) => b.lock().clone(),
                other => {
                    return Err(ctx.type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        type_name(other)
                    )))
                }
            };
            if path.is_empty() {
                // Linux autobind: the address is just the family; the kernel picks an
                // abstract name.
                // SAFETY: we initialise the family field and report that length.
                let (_, addr) = unsafe {
                    SockAddr::try_init(|storage, len| {
                        let sa = storage as *mut libc::sockaddr_un;
                        (*sa).sun_family = libc::AF_UNIX as libc::sa_family_t;
                        *len = std::mem::size_of::<libc::sa_family_t>() as libc::socklen_t;
                        Ok(())
                    })
                }
                .map_err(|e| io_error(ctx, &e))?;
                return Ok(addr);
            }
            // A path, or (leading NUL) a name in Linux's abstract namespace: the bytes go
            // into sun_path as they are, and the length says where the name ends.
            let max = 108;
            if path.len() >= max && path.first() != Some(&0) || path.len() > max {
                return Err(ctx.err("OSError", "AF_UNIX path too long"));
            }
            let abstract_name = path.first() == Some(&0);
            // SAFETY: we write at most 108 bytes into sun_path and report the length used.
            let (_, addr) = unsafe {
                SockAddr::try_init(|storage, len| {
                    let sa = storage as *mut libc::sockaddr_un;
                    (*sa).sun_family = libc::AF_UNIX as libc::sa_family_t;
                    for (i, b) in path.iter().enumerate() {
                        (*sa).sun_path[i] = *b as libc::c_char;
                    }
                    let used = path.len() + usize::from(!abstract_name);
                    *len = (std::mem::size_of::<libc::sa_family_t>() + used) as libc::socklen_t;
                    Ok(())
                })
            }
            .map_err(|e| io_error(ctx, &e))?;
            Ok(addr)
        }
        _ => Err(ctx.err("OSError", format!("{fname}(): bad family"))),
    }
}

// ---------------------------------------------------------------------------------
// Socket objects

/// A Python socket value: a handle on one socket of the session's table.
pub struct SocketObj {
    pub sock: Arc<Sock>,
}

impl Drop for SocketObj {
    /// Dropping the last reference closes the socket, as CPython's refcounting does.
    fn drop(&mut self) {
        self.sock.close();
    }
}

fn site(ctx: &Ctx) -> String {
    match &ctx.site {
        Some((src, off)) => {
            let name = std::path::Path::new(&src.name)
                .file_name()
                .map_or(src.name.clone(), |n| n.to_string_lossy().into_owned());
            format!("{}:{}", name, src.line_of(*off as usize))
        }
        None => "?".to_string(),
    }
}

pub fn new_socket_value(
    ctx: &Ctx,
    os: Socket,
    family: i32,
    kind: i32,
    proto: i32,
    timeout: Option<f64>,
) -> (Value, Arc<Sock>) {
    let sock = ctx
        .interp
        .sockets
        .register(os, family, kind, proto, site(ctx), timeout);
    (
        Value::Native(Arc::new(SocketObj { sock: sock.clone() })),
        sock,
    )
}

pub fn construct(ctx: &mut Ctx, args: &[Value], kwargs: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "socket", args, 0, 4)?;
    let get = |i: usize, name: &str| args.get(i).or(kwarg(kwargs, name)).filter(|v| !v.is_none());
    // As CPython's socket.socket, -1 (its default) means AF_INET, SOCK_STREAM and 0.
    let number = |i: usize, name: &str, default: i32| -> R<i32> {
        let n = get(i, name).map(|v| to_clinic_int(ctx, v)).transpose()?;
        Ok(n.filter(|&n| n != -1).unwrap_or(default))
    };
    let family = number(0, "family", libc::AF_INET)?;
    let kind = number(1, "type", libc::SOCK_STREAM)?;
    let proto = number(2, "proto", 0)?;
    if get(3, "fileno").is_some() {
        return Err(ctx.err(
            "NotImplementedError",
            "socklab does not support socket(fileno=...)",
        ));
    }
    let os = Socket::new(
        Domain::from(family),
        Type::from(kind),
        Some(socket2::Protocol::from(proto)).filter(|_| proto != 0),
    )
    .map_err(|e| io_error(ctx, &e))?;
    let t = default_timeout(ctx);
    let (v, sock) = new_socket_value(ctx, os, family, kind, proto, t);
    sock.record(created(family, kind, net::Origin::Socket));
    Ok(v)
}

fn os_of(ctx: &Ctx, s: &Sock) -> R<Arc<Socket>> {
    s.os().ok_or_else(|| ctx.os_error(libc::EBADF))
}

/// Run a non-blocking operation as Python's blocking semantics say: retry after waiting
/// for readiness, honour the time-out, raise `BlockingIOError` in non-blocking mode.
fn blocking<T>(
    ctx: &Ctx,
    s: &Sock,
    readable: bool,
    mut op: impl FnMut(&Socket) -> std::io::Result<T>,
) -> R<T> {
    let os = os_of(ctx, s)?;
    retry(
        ctx,
        os.as_raw_fd(),
        s.timeout(),
        readable,
        false,
        None,
        || op(&os),
    )
}

/// As `blocking`, for a read of the peer's data, which learns from the socket's earlier
/// reads how to wait (`ReadHabits`); `once` (MSG_DONTWAIT) makes a single attempt
/// whatever the mode.
fn reading<T>(
    ctx: &Ctx,
    s: &Sock,
    once: bool,
    mut op: impl FnMut(&Socket) -> std::io::Result<T>,
) -> R<T> {
    let os = os_of(ctx, s)?;
    let fd = os.as_raw_fd();
    retry(ctx, fd, s.timeout(), true, once, Some(&s.reads), || op(&os))
}

/// As `blocking` and `reading`, for the socket's own `send` and `recv`: on the descriptor
/// alone, without the lock and the reference count (see `Sock::live_fd`).
fn blocking_fd<T>(
    ctx: &Ctx,
    s: &Sock,
    readable: bool,
    once: bool,
    mut op: impl FnMut(RawFd) -> std::io::Result<T>,
) -> R<T> {
    let Some(fd) = s.live_fd() else {
        return Err(ctx.os_error(libc::EBADF));
    };
    let habits = readable.then_some(&s.reads);
    retry(ctx, fd, s.timeout(), readable, once, habits, || op(fd))
}

/// Try `op` until it succeeds, waiting for `fd` to be ready between tries, within
/// `timeout`.
///
/// A read passes its socket's `habits`, and learns two things from them. Whether to wait
/// before the first try: a server's `recv` nearly always finds nothing yet, and trying
/// first costs a system call that fails (EAGAIN) before every `poll`; so after a read
/// that had to wait, the next ones wait first, and every 16th tries first again, in case
/// data now arrives faster than it is read. And how long to spin before sleeping
/// (`wait::SpinWindow`, which says why), learnt from how long each wait took.
fn retry<T>(
    ctx: &Ctx,
    fd: RawFd,
    timeout: Option<f64>,
    readable: bool,
    once: bool,
    habits: Option<&wait::ReadHabits>,
    mut op: impl FnMut() -> std::io::Result<T>,
) -> R<T> {
    let blocking = timeout != Some(0.0) && !once;
    let habits = habits.filter(|_| blocking);
    let mut wait_first = false;
    if let Some(h) = habits {
        let n = h.waits_first.load(Ordering::Relaxed);
        if n > 0 {
            wait_first = true;
            h.waits_first.store((n + 1) % 16, Ordering::Relaxed);
        }
    }
    // Set when the first wait begins: the clock is read only if there is a wait.
    let mut waiting_since: Option<std::time::Instant> = None;
    let mut deadline: Option<std::time::Instant> = None;
    loop {
        if wait_first {
            if waiting_since.is_none() {
                let now = std::time::Instant::now();
                waiting_since = Some(now);
                deadline = timeout.and_then(|t| wait::deadline_after(now, t));
                if let Some(h) = habits {
                    let window = h.spin.get();
                    if !window.is_zero() {
                        let until = deadline.map_or(now + window, |d| d.min(now + window));
                        if let Some(v) = spin(ctx, until, &mut op)? {
                            h.spin.learn(now.elapsed());
                            return Ok(v);
                        }
                    }
                }
            }
            let left = deadline.map(|d| {
                d.saturating_duration_since(std::time::Instant::now())
                    .as_secs_f64()
            });
            if left == Some(0.0) {
                return Err(timed_out());
            }
            if !wait::wait_fd(ctx, fd, readable, left)? {
                return Err(timed_out());
            }
        }
        match op() {
            Ok(v) => {
                if let (Some(h), Some(since)) = (habits, waiting_since) {
                    h.spin.learn(since.elapsed());
                }
                return Ok(v);
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => {
                if !blocking {
                    return Err(io_error(ctx, &e));
                }
                if let Some(h) = habits {
                    if !wait_first {
                        h.waits_first.store(1, Ordering::Relaxed);
                    }
                }
                wait_first = true;
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => wait_first = false,
            Err(e) => return Err(io_error(ctx, &e)),
        }
    }
}

/// Try `op` until `until`, yielding the CPU before each try (see `wait::SpinWindow`).
/// `None` if the data did not come in time. Ctrl-C is seen at once, as in a sleep.
fn spin<T>(
    ctx: &Ctx,
    until: std::time::Instant,
    op: &mut impl FnMut() -> std::io::Result<T>,
) -> R<Option<T>> {
    while std::time::Instant::now() < until {
        ctx.check_signals()?;
        wait::yield_cpu();
        match op() {
            Ok(v) => return Ok(Some(v)),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::Interrupted) => {}
            Err(e) => return Err(io_error(ctx, &e)),
        }
    }
    Ok(None)
}

/// Reads up to this size use a stack buffer (see `recv`).
const SMALL_RECV: usize = 8192;

fn data_arg(ctx: &Ctx, v: &Value) -> R<Vec<u8>> {
    match v {
        Value::Bytes(b) => Ok(b.to_vec()),
        Value::ByteArray(b) => Ok(b.lock().clone()),
        other => Err(ctx.type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(other)
        ))),
    }
}

fn flags_arg(ctx: &Ctx, v: Option<&Value>) -> R<i32> {
    match v {
        None => Ok(0),
        Some(v) => Ok(to_c_int(ctx, v)?),
    }
}

fn record_error(s: &Sock, e: Box<Exc>, ctx: &mut Ctx) -> Box<Exc> {
    if !e.is("KeyboardInterrupt") {
        let text = crate::interp::exception_line(ctx, &e.value);
        s.record(net::EventKind::Error { line: text });
    }
    e
}

fn created(family: i32, kind: i32, origin: net::Origin) -> net::EventKind {
    net::EventKind::Created {
        family: net::family_name(family),
        kind: net::kind_name(kind),
        origin,
    }
}

fn update_local(s: &Sock, os: &Socket) -> Option<String> {
    let local = os.local_addr().ok().map(|a| addr_text(&a));
    s.inner.lock().local = local.clone();
    local
}

/// The other end of a connected socket, as its events name it.
fn peer_of(s: &Sock) -> net::Endpoint {
    let st = s.inner.lock();
    match (st.peer_socket, &st.peer) {
        (Some(other), _) => net::Endpoint::Socket(other),
        (None, Some(addr)) => net::Endpoint::Address(addr.clone()),
        (None, None) => net::Endpoint::Address("peer".into()),
    }
}

impl SocketObj {
    fn method(
        &self,
        ctx: &mut Ctx,
        this: &Value,
        name: &str,
        a: &[Value],
        k: &[(Name, Value)],
    ) -> Option<R<Value>> {
        // A lesson's check reads the student's sockets; it must never change one.
        if crate::session::read_only() && !crate::session::PURE_SOCKET_METHODS.contains(&name) {
            return Some(Err(ctx.err(
                "RuntimeError",
                format!("a lesson check cannot call {name}(): it would change the socket"),
            )));
        }
        let s = &self.sock;
        let r = match name {
            "bind" => self.bind(ctx, a),
            "listen" => self.listen(ctx, a),
            "accept" => self.accept(ctx, a),
            "connect" => self.connect(ctx, a, false),
            "connect_ex" => self.connect(ctx, a, true),
            "send" => self.send(ctx, a, false),
            "sendall" => self.send(ctx, a, true),
            "sendto" => self.sendto(ctx, a),
            "recv" => self.recv(ctx, a, k, false),
            "recvfrom" => self.recv(ctx, a, k, true),
            "close" => {
                s.close();
                Ok(Value::None)
            }
            "detach" => {
                let fd = s.inner.lock().fd;
                s.close();
                Ok(Value::Int(fd as i64))
            }
            "shutdown" => self.shutdown(ctx, a),
            "setsockopt" => self.setsockopt(ctx, a),
            "getsockopt" => self.getsockopt(ctx, a),
            "settimeout" => (|| {
                arg_count(ctx, "socket.settimeout", a, 1, 1)?;
                let t = parse_timeout(ctx, &a[0])?;
                s.set_timeout(t);
                // CPython stores the value, then fails to apply it to a closed socket.
                os_of(ctx, s)?;
                Ok(Value::None)
            })(),
            "gettimeout" => Ok(float_or_none(s.timeout())),
            "setblocking" => (|| {
                arg_count(ctx, "socket.setblocking", a, 1, 1)?;
                let b = to_i64(ctx, &a[0], "")? != 0;
                s.set_timeout(if b { None } else { Some(0.0) });
                os_of(ctx, s)?;
                Ok(Value::None)
            })(),
            "getblocking" => Ok(Value::Bool(s.timeout() != Some(0.0))),
            "getsockname" => (|| {
                let os = os_of(ctx, s)?;
                let a = os.local_addr().map_err(|e| io_error(ctx, &e))?;
                Ok(addr_to_value(&a))
            })(),
            "getpeername" => (|| {
                let os = os_of(ctx, s)?;
                let a = os.peer_addr().map_err(|e| io_error(ctx, &e))?;
                Ok(addr_to_value(&a))
            })(),
            "fileno" => Ok(Value::Int(s.os().map_or(-1, |o| o.as_raw_fd() as i64))),
            "makefile" => self.makefile(ctx, a, k),
            "__enter__" => Ok(this.clone()),
            "__exit__" => {
                s.close();
                Ok(Value::None)
            }
            "dup" => (|| {
                let os = os_of(ctx, s)?;
                let d = os.try_clone().map_err(|e| io_error(ctx, &e))?;
                let (v, new) = new_socket_value(ctx, d, s.family, s.kind, s.proto, s.timeout());
                new.record(created(
                    s.family,
                    s.kind,
                    net::Origin::Dup { of: s.socket_ref() },
                ));
                Ok(v)
            })(),
            _ => return None,
        };
        Some(r.map_err(|e| record_error(s, e, ctx)))
    }

    fn bind(&self, ctx: &mut Ctx, a: &[Value]) -> R<Value> {
        arg_count(ctx, "socket.bind", a, 1, 1)?;
        let s = &self.sock;
        let addr = parse_address(ctx, s.family, &a[0], "bind")?;
        let os = os_of(ctx, s)?;
        os.bind(&addr).map_err(|e| io_error(ctx, &e))?;
        let local = update_local(s, &os).unwrap_or_default();
        s.transition(
            State::Bound,
            net::EventKind::Bound {
                local,
                by_os: false,
            },
        );
        Ok(Value::None)
    }

    fn listen(&self, ctx: &mut Ctx, a: &[Value]) -> R<Value> {
        if a.len() > 1 {
            return Err(ctx.type_error(format!(
                "listen() takes at most 1 argument ({} given)",
                a.len()
            )));
        }
        let s = &self.sock;
        let backlog = match a.first() {
            Some(v) => to_c_int(ctx, v)?.max(0),
            None => libc::SOMAXCONN.min(128),
        };
        let os = os_of(ctx, s)?;
        os.listen(backlog).map_err(|e| io_error(ctx, &e))?;
        let local = update_local(s, &os).unwrap_or_default();
        s.transition(
            State::Listening,
            net::EventKind::Listening { local, backlog },
        );
        Ok(Value::None)
    }

    fn accept(&self, ctx: &mut Ctx, a: &[Value]) -> R<Value> {
        arg_count(ctx, "socket.accept", a, 0, 0)?;
        let s = &self.sock;
        let (conn, addr) = blocking(ctx, s, true, |os| os.accept())?;
        // CPython: the new socket is blocking unless a default time-out is set.
        let t = default_timeout(ctx);
        let (v, new) = new_socket_value(ctx, conn, s.family, s.kind, s.proto, t);
        let local = new.os().and_then(|o| update_local(&new, &o));
        {
            let mut st = new.inner.lock();
            st.peer = Some(addr_text(&addr));
            st.state = State::Connected;
        }
        new.record(net::EventKind::Accepted {
            peer: addr_text(&addr),
            local: local.unwrap_or_default(),
            listener: s.socket_ref(),
        });
        Ok(Value::tuple(vec![v, addr_to_value(&addr)]))
    }

    fn connect(&self, ctx: &mut Ctx, a: &[Value], ex: bool) -> R<Value> {
        let fname = if ex { "connect_ex" } else { "connect" };
        arg_count(ctx, &format!("socket.{fname}"), a, 1, 1)?;
        let s = &self.sock;
        let addr = parse_address(ctx, s.family, &a[0], fname)?;
        let os = match os_of(ctx, s) {
            Ok(os) => os,
            Err(_) if ex => return Ok(Value::Int(libc::EBADF as i64)),
            Err(e) => return Err(e),
        };
        let before = s.inner.lock().state;
        let timeout = s.timeout();
        let result = match os.connect(&addr) {
            Ok(()) => Ok(()),
            Err(e)
                if e.raw_os_error() == Some(libc::EINPROGRESS)
                    || e.kind() == ErrorKind::WouldBlock =>
            {
                if timeout == Some(0.0) {
                    Err(io_error(ctx, &e))
                } else {
                    // One event for the whole connect: note "connecting" silently.
                    s.inner.lock().state = State::Connecting;
                    if !wait::wait_for(ctx, &os, false, timeout)? {
                        Err(timed_out())
                    } else {
                        let outcome = match os.take_error() {
                            Ok(Some(err)) => Err(io_error(ctx, &err)),
                            Ok(None) => Ok(()),
                            Err(err) => Err(io_error(ctx, &err)),
                        };
                        // A blocking socket (no time-out) must behave as a blocking
                        // connect() would: the kernel reports a finished non-blocking
                        // connect once more on the next connect() call, so consume that
                        // report now (then a second connect() says EISCONN, or tries
                        // afresh after a refusal, as CPython's blocking connect does).
                        if timeout.is_none() {
                            let _ = os.connect(&addr);
                        }
                        outcome
                    }
                }
            }
            Err(e) => Err(io_error(ctx, &e)),
        };
        match result {
            Ok(()) => {
                let local = update_local(s, &os).unwrap_or_default();
                {
                    let mut st = s.inner.lock();
                    st.peer = Some(addr_text(&addr));
                    if st.state == State::Connecting {
                        st.state = before;
                    }
                }
                s.transition(
                    State::Connected,
                    net::EventKind::Connected {
                        peer: addr_text(&addr),
                        local,
                    },
                );
                Ok(if ex { Value::Int(0) } else { Value::None })
            }
            Err(e) if ex && !e.is("KeyboardInterrupt") => {
                let errno =
                    crate::interp::exec::getattr(ctx, &e.value, "errno").unwrap_or(Value::None);
                let code = match errno {
                    Value::Int(n) => n,
                    _ => libc::EAGAIN as i64,
                };
                let text = crate::interp::exception_line(ctx, &e.value);
                s.record(net::EventKind::Error { line: text });
                {
                    let mut st = s.inner.lock();
                    if st.state == State::Connecting {
                        st.state = before;
                    }
                }
                Ok(Value::Int(code))
            }
            Err(e) => {
                let mut st = s.inner.lock();
                if st.state == State::Connecting {
                    st.state = before;
                }
                Err(e)
            }
        }
    }

    fn send(&self, ctx: &mut Ctx, a: &[Value], all: bool) -> R<Value> {
        let fname = if all { "socket.sendall" } else { "socket.send" };
        arg_count(ctx, fname, a, 1, 2)?;
        let s = &self.sock;
        let owned;
        let data: &[u8] = match &a[0] {
            Value::Bytes(b) => b,
            other => {
                owned = data_arg(ctx, other)?;
                &owned
            }
        };
        let flags = flags_arg(ctx, a.get(1))? | net::sys::NO_SIGNAL;
        let mut sent = 0;
        loop {
            let n = blocking_fd(ctx, s, false, false, |fd| {
                net::sys::send(fd, &data[sent..], flags)
            })?;
            sent += n;
            if !all || sent >= data.len() {
                break;
            }
            ctx.check_interrupt()?;
        }
        s.traffic
            .sent(sent, !s.is_stream(), !ctx.interp.is_shared());
        if s.observed() {
            s.record(net::EventKind::Sent {
                bytes: sent,
                to: peer_of(s),
                datagram: !s.is_stream(),
                through_file: false,
            });
        }
        Ok(if all {
            Value::None
        } else {
            Value::Int(sent as i64)
        })
    }

    fn sendto(&self, ctx: &mut Ctx, a: &[Value]) -> R<Value> {
        if a.len() < 2 || a.len() > 3 {
            return Err(ctx.type_error(format!(
                "sendto() takes 2 or 3 arguments ({} given)",
                a.len()
            )));
        }
        let s = &self.sock;
        let data = data_arg(ctx, &a[0])?;
        let (flags, addr_v) = if a.len() == 3 {
            (flags_arg(ctx, a.get(1))?, &a[2])
        } else {
            (0, &a[1])
        };
        let addr = parse_address(ctx, s.family, addr_v, "sendto")?;
        let n = blocking(ctx, s, false, |os| {
            os.send_to_with_flags(&data, &addr, flags | net::sys::NO_SIGNAL)
        })?;
        let was_created = s.inner.lock().state == State::Created;
        // The datagram has left: a thread that closes the socket now (a server's main
        // thread once the answer has arrived) must not turn this into an error.
        if let Some(os) = s.os().filter(|_| was_created) {
            let local = update_local(s, &os).unwrap_or_default();
            // The OS picked an ephemeral port on the first datagram.
            s.transition(State::Bound, net::EventKind::Bound { local, by_os: true });
        }
        // sendto on a connected stream ignores the address and sends bytes, not a datagram.
        let datagram = !s.is_stream();
        s.traffic.sent(n, datagram, !ctx.interp.is_shared());
        if s.observed() {
            s.record(net::EventKind::Sent {
                bytes: n,
                to: if datagram {
                    net::Endpoint::Address(addr_text(&addr))
                } else {
                    peer_of(s)
                },
                datagram,
                through_file: false,
            });
        }
        Ok(Value::Int(n as i64))
    }

    fn recv(&self, ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)], from: bool) -> R<Value> {
        let fname = if from { "recvfrom" } else { "recv" };
        if a.is_empty() || a.len() > 2 {
            let bound = if a.is_empty() {
                "at least 1 argument"
            } else {
                "at most 2 arguments"
            };
            return Err(ctx.type_error(format!("{fname}() takes {bound} ({} given)", a.len())));
        }
        let s = &self.sock;
        let size = to_i64(ctx, &a[0], "")?;
        if size < 0 {
            return Err(ctx.value_error(format!("negative buffersize in {fname}")));
        }
        let flags = flags_arg(ctx, a.get(1).or(kwarg(k, "flags")))?;
        if size == 0 && !from {
            return Ok(Value::bytes(b""));
        }
        let dontwait = flags & libc::MSG_DONTWAIT != 0;
        // The kernel never hands over more than its buffers hold; cap the allocation.
        let cap = (size as usize).min(1 << 22);
        // Uninitialised memory: the kernel writes it, so there is nothing to zero first.
        // Small reads (the common `recv(1024)`) land on the stack and are copied once into
        // the bytes value. Large ones are read straight into a bytes value's own memory,
        // which becomes the result, uncopied, when the read fills it (a server's
        // `recv(65536)` under load); a shorter read is copied into one of its size.
        let mut small = [MaybeUninit::<u8>::uninit(); SMALL_RECV];
        let mut large: Option<Arc<[MaybeUninit<u8>]>> =
            (cap > SMALL_RECV).then(|| Arc::new_uninit_slice(cap));
        let space: &mut [MaybeUninit<u8>] = match large.as_mut().map(Arc::get_mut) {
            Some(Some(own)) => own,
            // A buffer just made has no other owner; this is never taken.
            Some(None) => return Err(ctx.err("MemoryError", "")),
            None => &mut small[..cap],
        };
        // A datagram `recv` watched by the REPL or a lesson reads as `recvfrom` does, so its
        // event can name the sender (an unconnected UDP socket hears from anyone).
        let (n, addr) = if from || (!s.is_stream() && s.observed()) {
            let (n, addr) = reading(ctx, s, dontwait, |os| os.recv_from_with_flags(space, flags))?;
            (n, Some(addr))
        } else {
            (
                blocking_fd(ctx, s, true, dontwait, |fd| {
                    net::sys::recv(fd, space, flags)
                })?,
                None,
            )
        };
        // SAFETY: the kernel initialised the first `n` bytes of `space`.
        let data: &[u8] = unsafe { std::slice::from_raw_parts(space.as_ptr().cast::<u8>(), n) };
        let peeked = flags & libc::MSG_PEEK != 0;
        if !peeked {
            s.traffic
                .received(n, !s.is_stream(), !ctx.interp.is_shared());
        }
        let from_text = match &addr {
            Some(a) if a.as_socket().is_some() || a.as_pathname().is_some() => {
                net::Endpoint::Address(addr_text(a))
            }
            _ if s.observed() => peer_of(s),
            _ => net::Endpoint::Address(String::new()),
        };
        if !s.observed() {
        } else if s.is_stream() && n == 0 && size > 0 {
            s.record(net::EventKind::PeerClosed {
                peer: from_text,
                through_file: false,
            });
        } else {
            s.record(net::EventKind::Received {
                bytes: n,
                from: from_text,
                datagram: !s.is_stream(),
                peeked,
                through_file: false,
            });
        }
        let bytes = match large {
            // SAFETY: the read filled the whole buffer, so every byte is initialised.
            Some(full) if n == cap => Value::Bytes(unsafe { full.assume_init() }),
            _ => Value::bytes(data),
        };
        if from {
            let addr_v = match &addr {
                Some(a) if a.as_socket().is_some() || a.as_pathname().is_some() => addr_to_value(a),
                Some(_) if s.family == libc::AF_UNIX => Value::None,
                _ => Value::None,
            };
            Ok(Value::tuple(vec![bytes, addr_v]))
        } else {
            Ok(bytes)
        }
    }

    fn shutdown(&self, ctx: &mut Ctx, a: &[Value]) -> R<Value> {
        arg_count(ctx, "socket.shutdown", a, 1, 1)?;
        let s = &self.sock;
        let how = to_clinic_int(ctx, &a[0])?;
        let (h, state) = match how {
            0 => (std::net::Shutdown::Read, State::ShutRead),
            1 => (std::net::Shutdown::Write, State::ShutWrite),
            2 => (std::net::Shutdown::Both, State::ShutBoth),
            _ => return Err(ctx.os_error(libc::EINVAL)),
        };
        let os = os_of(ctx, s)?;
        os.shutdown(h).map_err(|e| io_error(ctx, &e))?;
        let cur = s.inner.lock().state;
        let new = match (cur, state) {
            (State::ShutRead, State::ShutWrite) | (State::ShutWrite, State::ShutRead) => {
                State::ShutBoth
            }
            _ => state,
        };
        let direction = match new {
            State::ShutRead => net::Direction::Reading,
            State::ShutWrite => net::Direction::Writing,
            _ => net::Direction::Both,
        };
        s.transition(new, net::EventKind::ShutDown { direction });
        Ok(Value::None)
    }

    fn setsockopt(&self, ctx: &mut Ctx, a: &[Value]) -> R<Value> {
        if a.len() < 3 {
            return Err(ctx.type_error(format!(
                "setsockopt() takes exactly 3 arguments ({} given)",
                a.len()
            )));
        }
        if a.len() > 4 {
            return Err(ctx.type_error(format!(
                "setsockopt() takes at most 4 arguments ({} given)",
                a.len()
            )));
        }
        let s = &self.sock;
        let level = to_c_int(ctx, &a[0])?;
        let opt = to_c_int(ctx, &a[1])?;
        let os = os_of(ctx, s)?;
        let bytes: Vec<u8> = match &a[2] {
            Value::Bytes(_) | Value::ByteArray(_) => data_arg(ctx, &a[2])?,
            Value::None if a.len() == 4 => vec![0; to_i64(ctx, &a[3], "")?.max(0) as usize],
            // An int that fits a C int is the option's value; anything else must be bytes.
            Value::Int(i) if i32::try_from(*i).is_ok() => (*i as i32).to_ne_bytes().to_vec(),
            Value::Bool(b) => (*b as i32).to_ne_bytes().to_vec(),
            v => {
                return Err(ctx.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    type_name(v)
                )))
            }
        };
        // SAFETY: setsockopt reads `bytes.len()` bytes from our buffer.
        let r = unsafe {
            libc::setsockopt(
                os.as_raw_fd(),
                level,
                opt,
                bytes.as_ptr() as *const libc::c_void,
                bytes.len() as libc::socklen_t,
            )
        };
        if r != 0 {
            return Err(io_error(ctx, &std::io::Error::last_os_error()));
        }
        s.record(net::EventKind::OptionSet {
            option: option_name(level, opt),
            value: crate::interp::repr::repr_simple(&a[2]),
        });
        Ok(Value::None)
    }

    fn getsockopt(&self, ctx: &mut Ctx, a: &[Value]) -> R<Value> {
        if a.len() < 2 || a.len() > 3 {
            let bound = if a.len() < 2 {
                "at least 2"
            } else {
                "at most 3"
            };
            return Err(ctx.type_error(format!(
                "getsockopt() takes {bound} arguments ({} given)",
                a.len()
            )));
        }
        let s = &self.sock;
        let level = to_c_int(ctx, &a[0])?;
        let opt = to_c_int(ctx, &a[1])?;
        let os = os_of(ctx, s)?;
        let buflen = match a.get(2) {
            Some(v) => {
                let n = to_i64(ctx, v, "")?;
                if !(0..=1024).contains(&n) {
                    return Err(ctx.err("OSError", "getsockopt buflen out of range"));
                }
                Some(n as usize)
            }
            None => None,
        };
        let mut buf = vec![0u8; buflen.unwrap_or(4).max(4)];
        let mut len = buf.len() as libc::socklen_t;
        // SAFETY: getsockopt writes at most `len` bytes into our buffer.
        let r = unsafe {
            libc::getsockopt(
                os.as_raw_fd(),
                level,
                opt,
                buf.as_mut_ptr() as *mut libc::c_void,
                &mut len,
            )
        };
        if r != 0 {
            return Err(io_error(ctx, &std::io::Error::last_os_error()));
        }
        match buflen {
            Some(n) => Ok(Value::Bytes(buf[..(len as usize).min(n)].to_vec().into())),
            None => Ok(Value::Int(
                i32::from_ne_bytes([buf[0], buf[1], buf[2], buf[3]]) as i64,
            )),
        }
    }

    fn makefile(&self, ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
        let mode = match a.first().or(kwarg(k, "mode")) {
            Some(Value::Str(m)) => m.to_string(),
            None => "r".to_string(),
            Some(other) => {
                return Err(ctx.type_error(format!(
                    "makefile() argument 'mode' must be str, not {}",
                    type_name(other)
                )))
            }
        };
        if !mode.chars().all(|c| "rwb".contains(c)) || mode.is_empty() {
            return Err(ctx.value_error(
                format!("invalid mode {:?} (only r, w, b allowed)", mode).replace('"', "'"),
            ));
        }
        let buffering = match a.get(1).or(kwarg(k, "buffering")) {
            Some(Value::Int(b)) => Some(*b),
            _ => None,
        };
        if buffering == Some(0) && !mode.contains('b') {
            return Err(ctx.value_error("unbuffered streams must be binary"));
        }
        os_of(ctx, &self.sock)?;
        self.sock.inner.lock().io_refs += 1;
        Ok(Value::Native(Arc::new(SocketFile {
            sock: self.sock.clone(),
            reading: mode.contains('r'),
            writing: mode.contains('w'),
            binary: mode.contains('b'),
            mode,
            unbuffered: buffering == Some(0),
            state: Mutex::new(FileState::default()),
        })))
    }
}

fn option_name(level: i32, opt: i32) -> String {
    let want_level = match level {
        libc::SOL_SOCKET => "SO_",
        libc::IPPROTO_TCP => "TCP_",
        libc::IPPROTO_IP => "IP_",
        libc::IPPROTO_IPV6 => "IPV6_",
        _ => "",
    };
    CONSTANTS
        .iter()
        .find(|(n, v, e)| {
            e.is_empty() && !want_level.is_empty() && n.starts_with(want_level) && *v == opt as i64
        })
        .map_or(format!("{level}/{opt}"), |(n, _, _)| n.to_string())
}

impl NativeObject for SocketObj {
    fn class(&self) -> Arc<Class> {
        socket_class()
    }
    fn repr(&self) -> String {
        let s = &self.sock;
        let os = s.os();
        let pending = s.inner.lock().close_pending;
        let mut out = String::from("<socket.socket ");
        if os.is_none() || pending {
            out.push_str("[closed] ");
        }
        out.push_str(&format!(
            "fd={}, family={}, type={}, proto={}",
            os.as_ref().map_or(-1, |o| o.as_raw_fd()),
            s.family,
            s.kind,
            s.proto
        ));
        if let Some(os) = &os {
            if let Ok(a) = os.local_addr() {
                let v = addr_to_value(&a);
                if !matches!(&v, Value::Str(p) if p.is_empty()) {
                    out.push_str(&format!(
                        ", laddr={}",
                        crate::interp::repr::repr_plain_value(&v)
                    ));
                }
            }
            if let Ok(a) = os.peer_addr() {
                let v = addr_to_value(&a);
                if !matches!(&v, Value::Str(p) if p.is_empty()) {
                    out.push_str(&format!(
                        ", raddr={}",
                        crate::interp::repr::repr_plain_value(&v)
                    ));
                }
            }
        }
        out.push('>');
        out
    }
    fn get_attr(&self, _ctx: &mut Ctx, _this: &Value, name: &str) -> Option<R<Value>> {
        let s = &self.sock;
        Some(Ok(match name {
            "family" => constant(s.family as i64, "AddressFamily"),
            "type" => constant(s.kind as i64, "SocketKind"),
            "proto" => Value::Int(s.proto as i64),
            "timeout" => float_or_none(s.timeout()),
            _ => {
                if SOCKET_METHODS.contains(&name) {
                    return Some(Ok(Value::Builtin(Arc::new(
                        crate::interp::value::Builtin {
                            name: Arc::from(name),
                            self_: Some(_this.clone()),
                            kind: crate::interp::value::BuiltinKind::Method(Arc::from(name)),
                        },
                    ))));
                }
                return None;
            }
        }))
    }
    fn call_method(
        &self,
        ctx: &mut Ctx,
        this: &Value,
        name: &str,
        args: &[Value],
        kwargs: &[(Name, Value)],
    ) -> Option<R<Value>> {
        self.method(ctx, this, name, args, kwargs)
    }
    // Its methods are system calls and bookkeeping; with plain arguments nothing in them
    // reaches Python code.
    fn runs_no_python(&self) -> bool {
        true
    }
    fn attr_names(&self) -> Vec<&'static str> {
        let mut v = SOCKET_METHODS.to_vec();
        v.extend(["family", "type", "proto", "timeout"]);
        v
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

pub const SOCKET_METHODS: &[&str] = &[
    "bind",
    "listen",
    "accept",
    "connect",
    "connect_ex",
    "send",
    "sendall",
    "sendto",
    "recv",
    "recvfrom",
    "close",
    "shutdown",
    "setsockopt",
    "getsockopt",
    "settimeout",
    "gettimeout",
    "setblocking",
    "getblocking",
    "getsockname",
    "getpeername",
    "fileno",
    "makefile",
    "detach",
    "dup",
];

// ---------------------------------------------------------------------------------
// makefile(): a file-like view of a connected socket

#[derive(Default)]
struct FileState {
    rbuf: Vec<u8>,
    wbuf: Vec<u8>,
    eof: bool,
    closed: bool,
}

pub struct SocketFile {
    sock: Arc<Sock>,
    mode: String,
    reading: bool,
    writing: bool,
    binary: bool,
    unbuffered: bool,
    state: Mutex<FileState>,
}

/// CPython's `io.DEFAULT_BUFFER_SIZE`.
const FILE_BUFFER: usize = 8192;

impl SocketFile {
    fn kind(&self) -> &'static str {
        if !self.binary {
            "TextIOWrapper"
        } else if self.unbuffered {
            "SocketIO"
        } else {
            match (self.reading, self.writing) {
                (true, true) => "BufferedRWPair",
                (true, false) => "BufferedReader",
                _ => "BufferedWriter",
            }
        }
    }

    /// The error for using a closed file, worded as each io type words it.
    fn closed_error(&self, ctx: &Ctx, op: &str) -> Box<Exc> {
        if self.binary && !self.unbuffered {
            ctx.value_error(format!("{op} of closed file").replace("write of", "write to"))
        } else {
            ctx.value_error("I/O operation on closed file.")
        }
    }

    fn fill(&self, ctx: &mut Ctx) -> R<bool> {
        let s = &self.sock;
        let mut buf: Vec<MaybeUninit<u8>> = vec![MaybeUninit::uninit(); FILE_BUFFER];
        let n = reading(ctx, s, false, |os| os.recv(&mut buf))?;
        // SAFETY: the kernel initialised the first `n` bytes.
        let data: Vec<u8> = buf[..n]
            .iter()
            .map(|b| unsafe { b.assume_init() })
            .collect();
        s.traffic.received(n, false, !ctx.interp.is_shared());
        if !s.observed() {
        } else if n == 0 {
            s.record(net::EventKind::PeerClosed {
                peer: peer_of(s),
                through_file: true,
            });
        } else {
            s.record(net::EventKind::Received {
                bytes: n,
                from: peer_of(s),
                datagram: false,
                peeked: false,
                through_file: true,
            });
        }
        let mut st = self.state.lock();
        if n == 0 {
            st.eof = true;
        }
        if self.binary {
            st.rbuf.extend_from_slice(&data);
        } else {
            // Text mode reads with universal newlines: \r\n and \r become \n.
            let mut i = 0;
            while i < data.len() {
                if data[i] == b'\r' {
                    st.rbuf.push(b'\n');
                    if data.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                } else {
                    st.rbuf.push(data[i]);
                }
                i += 1;
            }
        }
        Ok(n > 0)
    }

    fn out(&self, data: Vec<u8>) -> Value {
        if self.binary {
            Value::Bytes(data.into())
        } else {
            Value::string(String::from_utf8_lossy(&data).into_owned())
        }
    }

    fn check_open(&self, ctx: &Ctx, op: &str) -> R<()> {
        if self.state.lock().closed {
            return Err(self.closed_error(ctx, op));
        }
        Ok(())
    }

    fn readline(&self, ctx: &mut Ctx, limit: i64) -> R<Value> {
        self.check_open(ctx, "readline")?;
        loop {
            {
                let mut st = self.state.lock();
                let upto = if limit >= 0 {
                    (limit as usize).min(st.rbuf.len())
                } else {
                    st.rbuf.len()
                };
                if let Some(p) = st.rbuf[..upto].iter().position(|&b| b == b'\n') {
                    let line: Vec<u8> = st.rbuf.drain(..=p).collect();
                    drop(st);
                    return Ok(self.out(line));
                }
                if (limit >= 0 && st.rbuf.len() >= limit as usize) || st.eof {
                    let take = if limit >= 0 {
                        (limit as usize).min(st.rbuf.len())
                    } else {
                        st.rbuf.len()
                    };
                    let line: Vec<u8> = st.rbuf.drain(..take).collect();
                    drop(st);
                    return Ok(self.out(line));
                }
            }
            self.fill(ctx)?;
        }
    }

    fn read(&self, ctx: &mut Ctx, n: i64) -> R<Value> {
        self.check_open(ctx, "read")?;
        loop {
            {
                let mut st = self.state.lock();
                if n >= 0 && st.rbuf.len() >= n as usize {
                    let data: Vec<u8> = st.rbuf.drain(..n as usize).collect();
                    drop(st);
                    return Ok(self.out(data));
                }
                if st.eof {
                    let data: Vec<u8> = st.rbuf.drain(..).collect();
                    drop(st);
                    return Ok(self.out(data));
                }
            }
            self.fill(ctx)?;
        }
    }

    fn flush(&self, ctx: &mut Ctx) -> R<()> {
        let data = std::mem::take(&mut self.state.lock().wbuf);
        if data.is_empty() {
            return Ok(());
        }
        let s = &self.sock;
        let mut sent = 0;
        while sent < data.len() {
            sent += blocking(ctx, s, false, |os| {
                os.send_with_flags(&data[sent..], net::sys::NO_SIGNAL)
            })?;
        }
        s.traffic.sent(sent, false, !ctx.interp.is_shared());
        if s.observed() {
            s.record(net::EventKind::Sent {
                bytes: sent,
                to: peer_of(s),
                datagram: false,
                through_file: true,
            });
        }
        Ok(())
    }

    fn close(&self, ctx: &mut Ctx) -> R<()> {
        if self.state.lock().closed {
            return Ok(());
        }
        if self.writing {
            self.flush(ctx)?;
        }
        self.state.lock().closed = true;
        let release = {
            let mut st = self.sock.inner.lock();
            st.io_refs = st.io_refs.saturating_sub(1);
            st.io_refs == 0 && st.close_pending
        };
        if release {
            self.sock.close();
        }
        Ok(())
    }
}

impl Drop for SocketFile {
    fn drop(&mut self) {
        let st = self.state.get_mut();
        if !st.closed {
            st.closed = true;
            let mut inner = self.sock.inner.lock();
            inner.io_refs = inner.io_refs.saturating_sub(1);
            let release = inner.io_refs == 0 && inner.close_pending;
            drop(inner);
            if release {
                self.sock.close();
            }
        }
    }
}

/// The io type CPython's `makefile()` returns for each mode.
fn file_class(kind: &str) -> Arc<Class> {
    static C: OnceLock<Vec<Arc<Class>>> = OnceLock::new();
    let all = C.get_or_init(|| {
        [
            ("TextIOWrapper", "_io"),
            ("BufferedReader", "_io"),
            ("BufferedWriter", "_io"),
            ("BufferedRWPair", "_io"),
            ("SocketIO", "socket"),
        ]
        .iter()
        .map(|(n, m)| {
            types::make_class(
                n,
                m,
                vec![types::class("object")],
                Native::Other,
                Default::default(),
            )
        })
        .collect()
    });
    all.iter()
        .find(|c| &*c.name == kind)
        .cloned()
        .unwrap_or_else(|| all[0].clone())
}

fn unsupported(what: &str) -> Box<Exc> {
    Exc::new(types::new_exception(
        "UnsupportedOperation",
        vec![Value::str(what)],
    ))
}

impl NativeObject for SocketFile {
    fn class(&self) -> Arc<Class> {
        file_class(self.kind())
    }
    fn repr(&self) -> String {
        let fd = self.sock.os().map_or(-1, |o| o.as_raw_fd());
        if self.binary {
            let kind = match (self.reading, self.writing) {
                (true, true) => "BufferedRWPair",
                (true, false) => "BufferedReader",
                _ => "BufferedWriter",
            };
            format!("<_io.{kind} name={fd}>")
        } else {
            format!(
                "<_io.TextIOWrapper name={fd} mode='{}' encoding='utf-8'>",
                self.mode
            )
        }
    }
    fn get_attr(&self, _ctx: &mut Ctx, _this: &Value, name: &str) -> Option<R<Value>> {
        match name {
            "closed" => Some(Ok(Value::Bool(self.state.lock().closed))),
            "mode" => Some(Ok(Value::str(&self.mode))),
            _ => None,
        }
    }
    fn call_method(
        &self,
        ctx: &mut Ctx,
        this: &Value,
        name: &str,
        a: &[Value],
        _k: &[(Name, Value)],
    ) -> Option<R<Value>> {
        let size = |ctx: &Ctx| -> R<i64> {
            match a.first() {
                None | Some(Value::None) => Ok(-1),
                Some(v) => to_i64(ctx, v, ""),
            }
        };
        Some(match name {
            "readline" if self.reading => size(ctx).and_then(|n| self.readline(ctx, n)),
            "read" if self.reading => size(ctx).and_then(|n| self.read(ctx, n)),
            "readlines" if self.reading => (|| {
                let mut lines = Vec::new();
                loop {
                    let l = self.readline(ctx, -1)?;
                    let empty = match &l {
                        Value::Str(s) => s.is_empty(),
                        Value::Bytes(b) => b.is_empty(),
                        _ => true,
                    };
                    if empty {
                        return Ok(Value::list(lines));
                    }
                    lines.push(l);
                }
            })(),
            "write" if self.writing => (|| {
                arg_count(ctx, "write", a, 1, 1)?;
                // Binary files check the argument's type before whether they are open.
                if self.binary && !matches!(a[0], Value::Bytes(_) | Value::ByteArray(_)) {
                    return Err(ctx.type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        type_name(&a[0])
                    )));
                }
                self.check_open(ctx, "write")?;
                let (bytes, count) = match (&a[0], self.binary) {
                    (Value::Str(s), false) => (s.as_bytes().to_vec(), s.chars().count()),
                    (v @ (Value::Bytes(_) | Value::ByteArray(_)), true) => {
                        let b = data_arg(ctx, v)?;
                        let n = b.len();
                        (b, n)
                    }
                    (other, false) => {
                        return Err(ctx.type_error(format!(
                            "write() argument must be str, not {}",
                            type_name(other)
                        )))
                    }
                    (other, true) => {
                        return Err(ctx.type_error(format!(
                            "a bytes-like object is required, not '{}'",
                            type_name(other)
                        )))
                    }
                };
                let full = {
                    let mut st = self.state.lock();
                    st.wbuf.extend_from_slice(&bytes);
                    st.wbuf.len() >= FILE_BUFFER
                };
                if full || self.unbuffered {
                    self.flush(ctx)?;
                }
                Ok(Value::Int(count as i64))
            })(),
            "flush" => self.flush(ctx).map(|_| Value::None),
            "close" => self.close(ctx).map(|_| Value::None),
            "fileno" => Ok(Value::Int(
                self.sock.os().map_or(-1, |o| o.as_raw_fd() as i64),
            )),
            "read" | "readline" | "readlines" => Err(unsupported(if self.binary {
                "read"
            } else {
                "not readable"
            })),
            "write" => Err(unsupported("not writable")),
            "readable" => Ok(Value::Bool(self.reading)),
            "writable" => Ok(Value::Bool(self.writing)),
            "__enter__" => Ok(this.clone()),
            "__exit__" => self.close(ctx).map(|_| Value::None),
            "__iter__" => Ok(this.clone()),
            "__next__" => (|| {
                let l = self.readline(ctx, -1)?;
                let empty = match &l {
                    Value::Str(s) => s.is_empty(),
                    Value::Bytes(b) => b.is_empty(),
                    _ => true,
                };
                if empty {
                    return Err(Exc::new(types::new_exception("StopIteration", vec![])));
                }
                Ok(l)
            })(),
            _ => return None,
        })
    }
    fn attr_names(&self) -> Vec<&'static str> {
        vec![
            "readline",
            "read",
            "readlines",
            "write",
            "flush",
            "close",
            "fileno",
            "closed",
            "mode",
        ]
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

// ---------------------------------------------------------------------------------
// Module functions

fn socketpair(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "socketpair", a, 0, 3)?;
    let family = match a.first().or(kwarg(k, "family")) {
        Some(v) if !v.is_none() => to_c_int(ctx, v)?,
        _ => libc::AF_UNIX,
    };
    let kind = match a.get(1).or(kwarg(k, "type")) {
        Some(v) => to_c_int(ctx, v)?,
        None => libc::SOCK_STREAM,
    };
    let (x, y) = Socket::pair(Domain::from(family), Type::from(kind), None)
        .map_err(|e| io_error(ctx, &e))?;
    let t = default_timeout(ctx);
    let (vx, sx) = new_socket_value(ctx, x, family, kind, 0, t);
    let (vy, sy) = new_socket_value(ctx, y, family, kind, 0, t);
    let (rx, ry) = (sx.socket_ref(), sy.socket_ref());
    for (s, other) in [(&sx, ry), (&sy, rx)] {
        {
            let mut st = s.inner.lock();
            st.state = State::Connected;
            st.peer = Some(net::event::by_descriptor(other));
            st.peer_socket = Some(other);
            st.local = Some("(unnamed)".into());
        }
        s.record(created(family, kind, net::Origin::Pair { with: other }));
    }
    Ok(Value::tuple(vec![vx, vy]))
}

fn create_connection(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "create_connection", a, 1, 3)?;
    // `host, port = address`, with Python's unpacking errors.
    let t = iterate(ctx, &a[0]).map_err(|_| {
        ctx.type_error(format!(
            "cannot unpack non-iterable {} object",
            type_name(&a[0])
        ))
    })?;
    if t.len() != 2 {
        return Err(ctx.value_error(if t.len() > 2 {
            "too many values to unpack (expected 2)".to_string()
        } else {
            format!("not enough values to unpack (expected 2, got {})", t.len())
        }));
    }
    let host = host_of(ctx, &t[0], "create_connection")?;
    let port = port_text(ctx, &t[1])?;
    let timeout = match a.get(1).or(kwarg(k, "timeout")) {
        Some(v) => parse_timeout(ctx, v)?,
        None => default_timeout(ctx),
    };
    let infos = addrinfo(
        ctx,
        Some(&host),
        port.as_deref(),
        0,
        libc::SOCK_STREAM,
        0,
        0,
    )?;
    let mut last = None;
    for ai in infos {
        let os = Socket::new(Domain::from(ai.family), Type::STREAM, None)
            .map_err(|e| io_error(ctx, &e))?;
        let (v, sock) = new_socket_value(ctx, os, ai.family, libc::SOCK_STREAM, ai.proto, timeout);
        sock.record(created(
            ai.family,
            libc::SOCK_STREAM,
            net::Origin::CreateConnection,
        ));
        if let Some(src) = a
            .get(2)
            .or(kwarg(k, "source_address"))
            .filter(|v| !v.is_none())
        {
            call_socket(ctx, &v, "bind", vec![src.clone()])?;
        }
        match call_socket(ctx, &v, "connect", vec![addr_to_value(&ai.addr)]) {
            Ok(_) => return Ok(v),
            Err(e) if e.is("KeyboardInterrupt") => return Err(e),
            Err(e) => {
                sock.close();
                last = Some(e);
            }
        }
    }
    Err(last.unwrap_or_else(|| ctx.err("OSError", "getaddrinfo returns an empty list")))
}

fn call_socket(ctx: &mut Ctx, v: &Value, name: &str, args: Vec<Value>) -> R<Value> {
    crate::interp::exec::call_method(ctx, v, name, args, vec![])
}

fn create_server(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "create_server", a, 1, 1)?;
    let family = match kwarg(k, "family") {
        Some(v) => to_c_int(ctx, v)?,
        None => libc::AF_INET,
    };
    let backlog = kwarg(k, "backlog").filter(|v| !v.is_none()).cloned();
    let os =
        Socket::new(Domain::from(family), Type::STREAM, None).map_err(|e| io_error(ctx, &e))?;
    let t = default_timeout(ctx);
    let (v, sock) = new_socket_value(ctx, os, family, libc::SOCK_STREAM, 0, t);
    sock.record(created(
        family,
        libc::SOCK_STREAM,
        net::Origin::CreateServer,
    ));
    if let Some(os) = sock.os() {
        // CPython's create_server sets SO_REUSEADDR on POSIX.
        let _ = os.set_reuse_address(true);
        if kwarg(k, "reuse_port")
            .map(|v| truthy(ctx, v))
            .transpose()?
            .unwrap_or(false)
        {
            let _ = os.set_reuse_port(true);
        }
    }
    // CPython re-raises a bind failure naming the address it was trying.
    if let Err(e) = call_socket(ctx, &v, "bind", vec![a[0].clone()]) {
        if e.is("OSError") {
            let errno = crate::interp::exec::getattr(ctx, &e.value, "errno").unwrap_or(Value::None);
            let strerror =
                crate::interp::exec::getattr(ctx, &e.value, "strerror").unwrap_or(Value::None);
            if let (Value::Int(n), Value::Str(msg)) = (errno, strerror) {
                let shown = crate::interp::repr::repr(ctx, &a[0])?;
                sock.close();
                return Err(Exc::new(types::os_error_of_class(
                    "OSError",
                    n,
                    &format!("{msg} (while attempting to bind on address {shown})"),
                )));
            }
        }
        sock.close();
        return Err(e);
    }
    call_socket(ctx, &v, "listen", backlog.into_iter().collect())?;
    Ok(v)
}

fn gethostname(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    if !a.is_empty() {
        return Err(ctx.type_error(format!(
            "_socket.gethostname() takes no arguments ({} given)",
            a.len()
        )));
    }
    let mut buf = [0u8; 256];
    // SAFETY: gethostname writes a NUL-terminated name within the buffer.
    let r = unsafe { libc::gethostname(buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
    if r != 0 {
        return Err(io_error(ctx, &std::io::Error::last_os_error()));
    }
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    Ok(Value::string(
        String::from_utf8_lossy(&buf[..end]).into_owned(),
    ))
}

pub struct AddrInfo {
    pub family: i32,
    pub kind: i32,
    pub proto: i32,
    pub canon: String,
    pub addr: SockAddr,
}

pub fn gai_error(code: i32) -> Box<Exc> {
    // SAFETY: gai_strerror returns a static string.
    let msg = unsafe {
        CStr::from_ptr(libc::gai_strerror(code))
            .to_string_lossy()
            .into_owned()
    };
    let v = types::new_exception(
        "gaierror",
        vec![Value::Int(code as i64), Value::string(msg.clone())],
    );
    if let Value::Instance(i) = &v {
        let mut d = i.dict.lock();
        d.insert(Arc::from("errno"), Value::Int(code as i64));
        d.insert(Arc::from("strerror"), Value::string(msg));
    }
    Exc::new(v)
}

/// The system resolver (`/etc/hosts`, DNS, `/etc/services`), as CPython uses it.
pub fn addrinfo(
    ctx: &Ctx,
    host: Option<&str>,
    port: Option<&str>,
    family: i32,
    kind: i32,
    proto: i32,
    flags: i32,
) -> R<Vec<AddrInfo>> {
    let chost = host
        .map(CString::new)
        .transpose()
        .map_err(|_| ctx.value_error("embedded null character"))?;
    let cport = port
        .map(CString::new)
        .transpose()
        .map_err(|_| ctx.value_error("embedded null character"))?;
    // SAFETY: hints is zeroed then filled; getaddrinfo allocates the list we free below.
    unsafe {
        let mut hints: libc::addrinfo = std::mem::zeroed();
        hints.ai_family = family;
        hints.ai_socktype = kind;
        hints.ai_protocol = proto;
        hints.ai_flags = flags;
        let mut res: *mut libc::addrinfo = std::ptr::null_mut();
        let r = libc::getaddrinfo(
            chost.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            cport.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            &hints,
            &mut res,
        );
        if r != 0 {
            if r == libc::EAI_SYSTEM {
                return Err(io_error(ctx, &std::io::Error::last_os_error()));
            }
            return Err(gai_error(r));
        }
        let mut out = Vec::new();
        let mut p = res;
        while !p.is_null() {
            let ai = &*p;
            let canon = if ai.ai_canonname.is_null() {
                String::new()
            } else {
                CStr::from_ptr(ai.ai_canonname)
                    .to_string_lossy()
                    .into_owned()
            };
            let mut storage: libc::sockaddr_storage = std::mem::zeroed();
            let len = (ai.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
            std::ptr::copy_nonoverlapping(
                ai.ai_addr as *const u8,
                &mut storage as *mut _ as *mut u8,
                len,
            );
            let addr = SockAddr::new(
                std::mem::transmute::<libc::sockaddr_storage, socket2::SockAddrStorage>(storage),
                len as libc::socklen_t,
            );
            out.push(AddrInfo {
                family: ai.ai_family,
                kind: ai.ai_socktype,
                proto: ai.ai_protocol,
                canon,
                addr,
            });
            p = ai.ai_next;
        }
        libc::freeaddrinfo(res);
        Ok(out)
    }
}

fn port_text(ctx: &Ctx, v: &Value) -> R<Option<String>> {
    Ok(match v {
        Value::None => None,
        Value::Int(p) => Some(p.to_string()),
        Value::Str(s) => Some(s.to_string()),
        Value::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
        // CPython reads an exact int with PyLong_AsLong.
        Value::BigInt(_) => {
            return Err(ctx.err("OverflowError", "Python int too large to convert to C long"))
        }
        _ => {
            return Err(Exc::new(types::new_exception(
                "OSError",
                vec![Value::str("Int or String expected")],
            )))
        }
    })
}

fn getaddrinfo(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    if a.len() < 2 {
        let missing = if a.is_empty() {
            "2 required positional arguments: 'host' and 'port'"
        } else {
            "1 required positional argument: 'port'"
        };
        return Err(ctx.type_error(format!("getaddrinfo() missing {missing}")));
    }
    let host = match &a[0] {
        Value::None => None,
        Value::Str(_) | Value::Bytes(_) | Value::ByteArray(_) => {
            Some(host_of(ctx, &a[0], "getaddrinfo")?)
        }
        _ => return Err(ctx.type_error("getaddrinfo() argument 1 must be string or None")),
    };
    let port = port_text(ctx, &a[1])?;
    let int_arg = |i: usize, name: &str| -> R<i32> {
        match a.get(i).or(kwarg(k, name)) {
            Some(v) => Ok(to_c_int(ctx, v)?),
            None => Ok(0),
        }
    };
    let family = int_arg(2, "family")?;
    let kind = int_arg(3, "type")?;
    let proto = int_arg(4, "proto")?;
    let flags = int_arg(5, "flags")?;
    let infos = addrinfo(
        ctx,
        host.as_deref(),
        port.as_deref(),
        family,
        kind,
        proto,
        flags,
    )?;
    Ok(Value::list(
        infos
            .into_iter()
            .map(|ai| {
                Value::tuple(vec![
                    constant(ai.family as i64, "AddressFamily"),
                    constant(ai.kind as i64, "SocketKind"),
                    Value::Int(ai.proto as i64),
                    Value::string(ai.canon),
                    addr_to_value(&ai.addr),
                ])
            })
            .collect(),
    ))
}

fn gethostbyname(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    exactly(ctx, "gethostbyname", a, 1)?;
    let host = name_arg(ctx, &a[0], "gethostbyname")?;
    let ip = resolve_host(ctx, &host, libc::AF_INET)?;
    Ok(Value::string(ip.to_string()))
}

extern "C" {
    fn gethostbyname_r(
        name: *const libc::c_char,
        ret: *mut libc::hostent,
        buf: *mut libc::c_char,
        buflen: libc::size_t,
        result: *mut *mut libc::hostent,
        h_errnop: *mut libc::c_int,
    ) -> libc::c_int;
    fn gethostbyaddr_r(
        addr: *const libc::c_void,
        len: libc::socklen_t,
        kind: libc::c_int,
        ret: *mut libc::hostent,
        buf: *mut libc::c_char,
        buflen: libc::size_t,
        result: *mut *mut libc::hostent,
        h_errnop: *mut libc::c_int,
    ) -> libc::c_int;
}

#[repr(C)]
struct ProtoEnt {
    p_name: *mut libc::c_char,
    p_aliases: *mut *mut libc::c_char,
    p_proto: libc::c_int,
}

extern "C" {
    #[link_name = "getprotobyname"]
    fn c_getprotobyname(name: *const libc::c_char) -> *mut ProtoEnt;
}

/// The C library's netdb functions are not all thread-safe: one caller at a time.
static NETDB: parking_lot::Mutex<()> = parking_lot::Mutex::new(());

fn herror(code: i32) -> Box<Exc> {
    let msg = match code {
        1 => "Unknown host",
        2 => "Host name lookup failure",
        3 => "Unknown server error",
        4 => "No address associated with name",
        _ => "Resolver internal error",
    };
    let v = types::new_exception("herror", vec![Value::Int(code as i64), Value::str(msg)]);
    if let Value::Instance(i) = &v {
        let mut d = i.dict.lock();
        d.insert(Arc::from("errno"), Value::Int(code as i64));
        d.insert(Arc::from("strerror"), Value::str(msg));
    }
    Exc::new(v)
}

/// (canonical name, aliases, addresses) from a hostent.
unsafe fn hostent_value(h: &libc::hostent) -> Value {
    let name = if h.h_name.is_null() {
        String::new()
    } else {
        CStr::from_ptr(h.h_name).to_string_lossy().into_owned()
    };
    let mut aliases = Vec::new();
    let mut p = h.h_aliases;
    while !p.is_null() && !(*p).is_null() {
        aliases.push(Value::string(
            CStr::from_ptr(*p).to_string_lossy().into_owned(),
        ));
        p = p.add(1);
    }
    let mut addrs = Vec::new();
    let mut q = h.h_addr_list;
    while !q.is_null() && !(*q).is_null() {
        let ip = if h.h_addrtype == libc::AF_INET {
            let b = std::slice::from_raw_parts(*q as *const u8, 4);
            IpAddr::V4(Ipv4Addr::new(b[0], b[1], b[2], b[3]))
        } else {
            let b = std::slice::from_raw_parts(*q as *const u8, 16);
            let mut arr = [0u8; 16];
            arr.copy_from_slice(b);
            IpAddr::V6(Ipv6Addr::from(arr))
        };
        addrs.push(Value::string(ip.to_string()));
        q = q.add(1);
    }
    Value::tuple(vec![
        Value::string(name),
        Value::list(aliases),
        Value::list(addrs),
    ])
}

fn gethostbyname_ex(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    exactly(ctx, "gethostbyname_ex", a, 1)?;
    let host = name_arg(ctx, &a[0], "gethostbyname_ex")?;
    let c = CString::new(host).map_err(|_| ctx.value_error("embedded null character"))?;
    let _guard = NETDB.lock();
    // SAFETY: all buffers are ours and sized as the function is told.
    unsafe {
        let mut ret: libc::hostent = std::mem::zeroed();
        let mut buf = vec![0 as libc::c_char; 16384];
        let mut result: *mut libc::hostent = std::ptr::null_mut();
        let mut herr = 0;
        gethostbyname_r(
            c.as_ptr(),
            &mut ret,
            buf.as_mut_ptr(),
            buf.len(),
            &mut result,
            &mut herr,
        );
        if result.is_null() {
            return Err(gai_error(libc::EAI_NONAME));
        }
        Ok(hostent_value(&*result))
    }
}

fn gethostbyaddr(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    exactly(ctx, "gethostbyaddr", a, 1)?;
    let host = name_arg(ctx, &a[0], "gethostbyaddr")?;
    let ip = match host.parse::<IpAddr>() {
        Ok(ip) => ip,
        Err(_) => resolve_host(ctx, &host, libc::AF_INET)?,
    };
    let _guard = NETDB.lock();
    // SAFETY: all buffers are ours and sized as the function is told.
    unsafe {
        let mut ret: libc::hostent = std::mem::zeroed();
        let mut buf = vec![0 as libc::c_char; 16384];
        let mut result: *mut libc::hostent = std::ptr::null_mut();
        let mut herr = 0;
        let (bytes, fam): (Vec<u8>, i32) = match ip {
            IpAddr::V4(v) => (v.octets().to_vec(), libc::AF_INET),
            IpAddr::V6(v) => (v.octets().to_vec(), libc::AF_INET6),
        };
        gethostbyaddr_r(
            bytes.as_ptr() as *const libc::c_void,
            bytes.len() as libc::socklen_t,
            fam,
            &mut ret,
            buf.as_mut_ptr(),
            buf.len(),
            &mut result,
            &mut herr,
        );
        if result.is_null() {
            return Err(herror(if herr == 0 { 1 } else { herr }));
        }
        Ok(hostent_value(&*result))
    }
}

fn getfqdn(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "getfqdn", a, 0, 1)?;
    let mut name = match a.first() {
        Some(v) => host_of(ctx, v, "getfqdn")?.trim().to_string(),
        None => String::new(),
    };
    if name.is_empty() || name == "0.0.0.0" {
        if let Value::Str(h) = gethostname(ctx, &[], &[])? {
            name = h.to_string();
        }
    }
    // CPython: the first of (hostname, aliases...) that has a dot, else the hostname.
    match gethostbyaddr(ctx, &[Value::string(name.clone())], &[]) {
        Ok(Value::Tuple(t)) => {
            let mut names = vec![t[0].clone()];
            if let Value::List(l) = &t[1] {
                names.extend(l.lock().iter().cloned());
            }
            for n in &names {
                if let Value::Str(s) = n {
                    if s.contains('.') {
                        return Ok(n.clone());
                    }
                }
            }
            Ok(t[0].clone())
        }
        _ => Ok(Value::string(name)),
    }
}

fn getnameinfo(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    exactly(ctx, "getnameinfo", a, 2)?;
    let Value::Tuple(t) = &a[0] else {
        return Err(ctx.type_error("getnameinfo() argument 1 must be a tuple"));
    };
    if t.len() < 2 {
        return Err(ctx.type_error("getnameinfo(): illegal sockaddr argument"));
    }
    let host = host_of(ctx, &t[0], "getnameinfo")?;
    let port = to_c_int(ctx, &t[1])?;
    let flags = to_c_int(ctx, &a[1])?;
    let infos = addrinfo(
        ctx,
        Some(&host),
        Some(&port.to_string()),
        0,
        libc::SOCK_DGRAM,
        0,
        libc::AI_NUMERICHOST,
    )?;
    let Some(ai) = infos.first() else {
        return Err(gai_error(libc::EAI_NONAME));
    };
    let mut hbuf = vec![0 as libc::c_char; 1025];
    let mut sbuf = vec![0 as libc::c_char; 32];
    // SAFETY: buffers are ours and their lengths are passed.
    let r = unsafe {
        libc::getnameinfo(
            ai.addr.as_ptr() as *const libc::sockaddr,
            ai.addr.len(),
            hbuf.as_mut_ptr(),
            // socklen_t on Linux, size_t on the BSDs.
            hbuf.len() as _,
            sbuf.as_mut_ptr(),
            sbuf.len() as _,
            flags,
        )
    };
    if r != 0 {
        return Err(gai_error(r));
    }
    // SAFETY: getnameinfo NUL-terminated both buffers.
    let (h, s) = unsafe {
        (
            CStr::from_ptr(hbuf.as_ptr()).to_string_lossy().into_owned(),
            CStr::from_ptr(sbuf.as_ptr()).to_string_lossy().into_owned(),
        )
    };
    Ok(Value::tuple(vec![Value::string(h), Value::string(s)]))
}

fn proto_arg(ctx: &Ctx, v: Option<&Value>) -> R<Option<CString>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(
            CString::new(s.as_bytes()).map_err(|_| ctx.value_error("embedded null character"))?,
        )),
        Some(other) => Err(ctx.type_error(format!(
            "getservbyname() argument 2 must be str, not {}",
            type_name(other)
        ))),
    }
}

fn getservbyname(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "getservbyname", a, 1, 2)?;
    let Value::Str(name) = &a[0] else {
        return Err(ctx.type_error(format!(
            "getservbyname() argument 1 must be str, not {}",
            type_name(&a[0])
        )));
    };
    let c =
        CString::new(name.as_bytes()).map_err(|_| ctx.value_error("embedded null character"))?;
    let proto = proto_arg(ctx, a.get(1))?;
    let _guard = NETDB.lock();
    // SAFETY: getservbyname returns a pointer into static storage, read under NETDB.
    unsafe {
        let p = libc::getservbyname(
            c.as_ptr(),
            proto.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()),
        );
        if p.is_null() {
            return Err(Exc::new(types::new_exception(
                "OSError",
                vec![Value::str("service/proto not found")],
            )));
        }
        Ok(Value::Int(u16::from_be((*p).s_port as u16) as i64))
    }
}

fn getservbyport(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "getservbyport", a, 1, 2)?;
    let port = to_c_int(ctx, &a[0])?;
    if !(0..=65535).contains(&port) {
        return Err(ctx.err("OverflowError", "getservbyport: port must be 0-65535."));
    }
    let proto = proto_arg(ctx, a.get(1))?;
    let _guard = NETDB.lock();
    // SAFETY: as above.
    unsafe {
        let p = libc::getservbyport(
            (port as u16).to_be() as i32,
            proto.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()),
        );
        if p.is_null() {
            return Err(Exc::new(types::new_exception(
                "OSError",
                vec![Value::str("port/proto not found")],
            )));
        }
        Ok(Value::string(
            CStr::from_ptr((*p).s_name).to_string_lossy().into_owned(),
        ))
    }
}

fn getprotobyname(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "getprotobyname", a, 1, 1)?;
    let Value::Str(name) = &a[0] else {
        return Err(ctx.type_error(format!(
            "getprotobyname() argument 1 must be str, not {}",
            type_name(&a[0])
        )));
    };
    let c =
        CString::new(name.as_bytes()).map_err(|_| ctx.value_error("embedded null character"))?;
    let _guard = NETDB.lock();
    // SAFETY: getprotobyname returns static storage, read under NETDB.
    unsafe {
        let p = c_getprotobyname(c.as_ptr());
        if p.is_null() {
            return Err(Exc::new(types::new_exception(
                "OSError",
                vec![Value::str("protocol not found")],
            )));
        }
        Ok(Value::Int((*p).p_proto as i64))
    }
}

fn swap(ctx: &mut Ctx, a: &[Value], fname: &str, bits: u32) -> R<Value> {
    arg_count(ctx, fname, a, 1, 1)?;
    let v: i128 = match &a[0] {
        Value::Int(i) => *i as i128,
        Value::Bool(b) => *b as i128,
        Value::BigInt(b) => num_traits::ToPrimitive::to_i128(&**b).unwrap_or(i128::MAX),
        Value::Native(n) if n.as_int().is_some() => n.as_int().unwrap_or(0) as i128,
        Value::Float(_) if bits == 32 => return Err(ctx.type_error("expected int, float found")),
        other => {
            return Err(ctx.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(other)
            )));
        }
    };
    // CPython's two families of messages: htons/ntohs convert through a C unsigned
    // short, htonl/ntohl through an unsigned long and then check 32 bits.
    if bits == 16 {
        if v > i64::MAX as i128 || v < i64::MIN as i128 {
            return Err(ctx.err("OverflowError", "Python int too large to convert to C long"));
        }
        if v < 0 {
            return Err(ctx.err(
                "OverflowError",
                format!("{fname}: can't convert negative Python int to C 16-bit unsigned integer"),
            ));
        }
        if v > 0xffff {
            return Err(ctx.err(
                "OverflowError",
                format!("{fname}: Python int too large to convert to C 16-bit unsigned integer"),
            ));
        }
        Ok(Value::Int((v as u16).swap_bytes() as i64))
    } else {
        if v < 0 {
            return Err(ctx.err(
                "OverflowError",
                "can't convert negative value to unsigned int",
            ));
        }
        if v > 0xffff_ffff {
            return Err(ctx.err("OverflowError", "int larger than 32 bits"));
        }
        Ok(Value::Int((v as u32).swap_bytes() as i64))
    }
}

extern "C" {
    #[link_name = "inet_aton"]
    fn c_inet_aton(cp: *const libc::c_char, inp: *mut libc::in_addr) -> libc::c_int;
}

/// `inet_aton` is the C library's, with its classic forms (`a.b.c`, octal `010`, hex
/// `0x10`) and its leniency (it stops at whitespace: `'1.2.3.4 junk'` is accepted).
fn parse_inet_aton(s: &str) -> Option<u32> {
    let c = CString::new(s).ok()?;
    let mut out = libc::in_addr { s_addr: 0 };
    // SAFETY: a NUL-terminated string and an in_addr we own.
    let ok = unsafe { c_inet_aton(c.as_ptr(), &mut out) };
    (ok != 0).then(|| u32::from_be(out.s_addr))
}

fn inet_aton(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "inet_aton", a, 1, 1)?;
    let Value::Str(s) = &a[0] else {
        return Err(ctx.type_error(format!(
            "inet_aton() argument 1 must be str, not {}",
            type_name(&a[0])
        )));
    };
    match parse_inet_aton(s) {
        Some(v) => Ok(Value::Bytes(v.to_be_bytes().to_vec().into())),
        None => Err(Exc::new(types::new_exception(
            "OSError",
            vec![Value::str("illegal IP address string passed to inet_aton")],
        ))),
    }
}

fn inet_ntoa(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "inet_ntoa", a, 1, 1)?;
    let b = data_arg(ctx, &a[0])?;
    if b.len() != 4 {
        return Err(Exc::new(types::new_exception(
            "OSError",
            vec![Value::str("packed IP wrong length for inet_ntoa")],
        )));
    }
    Ok(Value::string(
        Ipv4Addr::new(b[0], b[1], b[2], b[3]).to_string(),
    ))
}

fn inet_pton(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "inet_pton", a, 2, 2)?;
    let family = to_c_int(ctx, &a[0])?;
    let Value::Str(s) = &a[1] else {
        return Err(ctx.type_error(format!(
            "inet_pton() argument 2 must be str, not {}",
            type_name(&a[1])
        )));
    };
    let bad = || {
        Exc::new(types::new_exception(
            "OSError",
            vec![Value::str("illegal IP address string passed to inet_pton")],
        ))
    };
    match family {
        libc::AF_INET => s
            .parse::<Ipv4Addr>()
            .map(|ip| Value::Bytes(ip.octets().to_vec().into()))
            .map_err(|_| bad()),
        libc::AF_INET6 => s
            .parse::<Ipv6Addr>()
            .map(|ip| Value::Bytes(ip.octets().to_vec().into()))
            .map_err(|_| bad()),
        _ => Err(ctx.os_error(libc::EAFNOSUPPORT)),
    }
}

fn inet_ntop(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "inet_ntop", a, 2, 2)?;
    let family = to_c_int(ctx, &a[0])?;
    let b = data_arg(ctx, &a[1])?;
    match (family, b.len()) {
        (libc::AF_INET, 4) => Ok(Value::string(
            Ipv4Addr::new(b[0], b[1], b[2], b[3]).to_string(),
        )),
        (libc::AF_INET6, 16) => {
            let mut arr = [0u8; 16];
            arr.copy_from_slice(&b);
            Ok(Value::string(Ipv6Addr::from(arr).to_string()))
        }
        (libc::AF_INET | libc::AF_INET6, _) => {
            Err(ctx.value_error("invalid length of packed IP address string"))
        }
        _ => Err(ctx.value_error(format!("unknown address family {family}"))),
    }
}

/// `iterate` is re-exported for select; keep the import used.
#[allow(dead_code)]
fn _iter(ctx: &mut Ctx, v: &Value) -> R<Vec<Value>> {
    iterate(ctx, v)
}
