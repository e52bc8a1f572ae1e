//! Socket addresses: Python's `(host, port)` tuples (and AF_UNIX paths) to `SockAddr` and
//! back, with CPython's errors, resolving only numeric hosts and `localhost`.

use super::*;

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

pub(super) fn host_of(ctx: &Ctx, v: &Value, fname: &str) -> R<String> {
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
pub(super) fn name_arg(ctx: &Ctx, v: &Value, fname: &str) -> R<String> {
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
pub(super) fn exactly(ctx: &Ctx, fname: &str, a: &[Value], n: usize) -> R<()> {
    if a.len() != n {
        let what = if n == 1 { "argument" } else { "arguments" };
        return Err(ctx.type_error(format!(
            "{fname}() takes exactly {n} {what} ({} given)",
            a.len()
        )));
    }
    Ok(())
}

pub(super) fn resolve_host(ctx: &Ctx, host: &str, family: i32) -> R<IpAddr> {
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
