//! Names and numbers from the system's databases: `gethostname`, `getaddrinfo`,
//! `gethostbyname(_ex)`, `gethostbyaddr`, `getfqdn`, `getnameinfo`, `getservby*`,
//! `getprotobyname`.

use super::*;

pub(super) fn gethostname(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
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

pub(super) fn port_text(ctx: &Ctx, v: &Value) -> R<Option<String>> {
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

pub(super) fn getaddrinfo(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
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

pub(super) fn gethostbyname(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
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
pub(super) struct ProtoEnt {
    pub(super) p_name: *mut libc::c_char,
    pub(super) p_aliases: *mut *mut libc::c_char,
    pub(super) p_proto: libc::c_int,
}

extern "C" {
    #[link_name = "getprotobyname"]
    fn c_getprotobyname(name: *const libc::c_char) -> *mut ProtoEnt;
}

/// The C library's netdb functions are not all thread-safe: one caller at a time.
pub(super) static NETDB: parking_lot::Mutex<()> = parking_lot::Mutex::new(());

pub(super) fn herror(code: i32) -> Box<Exc> {
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
///
/// # Safety
/// `h` must be a hostent the resolver just returned (read under `NETDB`): its name,
/// alias list and address list are NUL-terminated and NULL-terminated as it promises.
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

pub(super) fn gethostbyname_ex(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
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

pub(super) fn gethostbyaddr(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
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

pub(super) fn getfqdn(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    let mut name = match a.first() {
        Some(v) => host_of(ctx, v, "getfqdn")?.trim().to_string(),
        None => String::new(),
    };
    if name.is_empty() || name == "0.0.0.0" {
        if let Value::Str(h) = &gethostname(ctx, &[], &[])? {
            name = h.to_string();
        }
    }
    // CPython: the first of (hostname, aliases...) that has a dot, else the hostname.
    match &gethostbyaddr(ctx, &[Value::string(name.clone())], &[]) {
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

pub(super) fn getnameinfo(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
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

pub(super) fn proto_arg(ctx: &Ctx, v: Option<&Value>) -> R<Option<CString>> {
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

pub(super) fn getservbyname(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
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

pub(super) fn getservbyport(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
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

pub(super) fn getprotobyname(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
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
