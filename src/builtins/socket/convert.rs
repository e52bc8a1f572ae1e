//! Conversions: byte order (`htons` and friends) and IPv4/IPv6 text to packed bytes
//! (`inet_aton`, `inet_ntoa`, `inet_pton`, `inet_ntop`).

use super::*;

pub(super) fn swap(ctx: &mut Ctx, a: &[Value], fname: &str, bits: u32) -> R<Value> {
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
pub(super) fn parse_inet_aton(s: &str) -> Option<u32> {
    let c = CString::new(s).ok()?;
    let mut out = libc::in_addr { s_addr: 0 };
    // SAFETY: a NUL-terminated string and an in_addr we own.
    let ok = unsafe { c_inet_aton(c.as_ptr(), &mut out) };
    (ok != 0).then(|| u32::from_be(out.s_addr))
}

pub(super) fn inet_aton(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
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

pub(super) fn inet_ntoa(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
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

pub(super) fn inet_pton(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
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

pub(super) fn inet_ntop(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
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
