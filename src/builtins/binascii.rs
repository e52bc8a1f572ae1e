//! `binascii` and `base64`: bytes as hex and base64 text, as tutorials print a
//! packet or put binary data into a JSON message. The decoders follow CPython's
//! (`Modules/binascii.c`) step by step, so the same input gives the same bytes or the
//! same `binascii.Error`.

use super::functions::{builtin_fn, kwarg};
use crate::interp::exec::{call_method, truthy};
use crate::interp::types::{self, type_name};
use crate::interp::value::{Name, Value};
use crate::interp::{Ctx, Exc, R};

pub fn binascii_items() -> Vec<(&'static str, Value)> {
    vec![
        ("hexlify", builtin_fn("hexlify", hexlify)),
        ("b2a_hex", builtin_fn("b2a_hex", hexlify)),
        ("unhexlify", builtin_fn("unhexlify", unhexlify)),
        ("a2b_hex", builtin_fn("a2b_hex", unhexlify)),
        ("crc32", builtin_fn("crc32", crc32)),
        ("b2a_base64", builtin_fn("b2a_base64", b2a_base64)),
        ("a2b_base64", builtin_fn("a2b_base64", a2b_base64)),
        ("Error", Value::Class(types::class("Error"))),
        ("Incomplete", Value::Class(types::class("Incomplete"))),
    ]
}

pub fn base64_items() -> Vec<(&'static str, Value)> {
    vec![
        ("b64encode", builtin_fn("b64encode", b64encode)),
        ("b64decode", builtin_fn("b64decode", b64decode)),
        (
            "standard_b64encode",
            builtin_fn("standard_b64encode", standard_b64encode),
        ),
        (
            "standard_b64decode",
            builtin_fn("standard_b64decode", standard_b64decode),
        ),
        (
            "urlsafe_b64encode",
            builtin_fn("urlsafe_b64encode", urlsafe_b64encode),
        ),
        (
            "urlsafe_b64decode",
            builtin_fn("urlsafe_b64decode", urlsafe_b64decode),
        ),
        ("b16encode", builtin_fn("b16encode", b16encode)),
        ("b16decode", builtin_fn("b16decode", b16decode)),
        ("encodebytes", builtin_fn("encodebytes", encodebytes)),
        ("decodebytes", builtin_fn("decodebytes", decodebytes)),
    ]
}

fn error(msg: impl Into<String>) -> Box<Exc> {
    Exc::new(types::new_exception(
        "Error",
        vec![Value::string(msg.into())],
    ))
}

/// The bytes of a bytes-like argument (what the encoders take).
fn data_arg(ctx: &Ctx, v: &Value) -> R<Vec<u8>> {
    match v {
        Value::Str(_) => Err(ctx.type_error("a bytes-like object is required, not 'str'")),
        other => super::methods::bytes_like(ctx, other),
    }
}

/// What the decoders take: bytes-like, or a str of ASCII characters.
fn ascii_arg(ctx: &Ctx, v: &Value) -> R<Vec<u8>> {
    match v {
        Value::Str(s) if s.is_ascii() => Ok(s.as_bytes().to_vec()),
        Value::Str(_) => {
            Err(ctx.value_error("string argument should contain only ASCII characters"))
        }
        Value::Bytes(_) | Value::ByteArray(_) | Value::Native(_) => {
            super::methods::bytes_like(ctx, v)
        }
        other => Err(ctx.type_error(format!(
            "argument should be bytes, buffer or ASCII string, not '{}'",
            type_name(other)
        ))),
    }
}

fn want(ctx: &Ctx, fname: &str, a: &[Value], min: usize, max: usize) -> R<()> {
    if a.len() < min || a.len() > max {
        let msg = if min == max {
            format!("{fname}() takes exactly {min} argument ({} given)", a.len())
        } else if a.len() < min {
            format!("{fname}() missing required argument 'data' (pos 1)")
        } else {
            format!(
                "{fname}() takes at most {max} arguments ({} given)",
                a.len()
            )
        };
        return Err(ctx.type_error(msg));
    }
    Ok(())
}

fn hexlify(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    want(ctx, "hexlify", a, 1, 3)?;
    let data = data_arg(ctx, &a[0])?;
    let mut args = Vec::new();
    if let Some(sep) = a.get(1).or(kwarg(k, "sep")) {
        args.push(sep.clone());
        if let Some(n) = a.get(2).or(kwarg(k, "bytes_per_sep")) {
            args.push(n.clone());
        }
    }
    // bytes.hex has the separator rules (and their errors) already.
    let hex = call_method(ctx, &Value::bytes(&data), "hex", args, vec![])?;
    match &hex {
        Value::Str(s) => Ok(Value::bytes(s.as_bytes())),
        _ => Ok(hex),
    }
}

fn unhexlify(ctx: &mut Ctx, a: &[Value], _k: &[(Name, Value)]) -> R<Value> {
    want(ctx, "unhexlify", a, 1, 1)?;
    let text = ascii_arg(ctx, &a[0])?;
    if text.len() % 2 == 1 {
        return Err(error("Odd-length string"));
    }
    let digit = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(text.len() / 2);
    for pair in text.chunks(2) {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(error("Non-hexadecimal digit found")),
        }
    }
    Ok(Value::bytes(&out))
}

/// CRC-32 as zlib computes it (polynomial 0xEDB88320, reflected).
fn crc32_update(mut crc: u32, data: &[u8]) -> u32 {
    crc = !crc;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn crc32(ctx: &mut Ctx, a: &[Value], _k: &[(Name, Value)]) -> R<Value> {
    want(ctx, "crc32", a, 1, 2)?;
    let data = data_arg(ctx, &a[0])?;
    let start = match a.get(1) {
        None => 0,
        Some(Value::Int(i)) => *i as u32,
        Some(Value::Bool(b)) => *b as u32,
        Some(Value::BigInt(b)) => {
            let m: num_bigint::BigInt = &**b & num_bigint::BigInt::from(0xFFFF_FFFFu32);
            u32::try_from(m).unwrap_or(0)
        }
        Some(other) => {
            return Err(ctx.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(other)
            )))
        }
    };
    Ok(Value::Int(crc32_update(start, &data) as i64))
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_encode(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        out.push(B64[(n >> 18) as usize & 63]);
        out.push(B64[(n >> 12) as usize & 63]);
        out.push(if chunk.len() > 1 {
            B64[(n >> 6) as usize & 63]
        } else {
            b'='
        });
        out.push(if chunk.len() > 2 {
            B64[n as usize & 63]
        } else {
            b'='
        });
    }
    out
}

fn b64_value(c: u8) -> Option<u8> {
    B64.iter().position(|&x| x == c).map(|p| p as u8)
}

/// `binascii.a2b_base64`, CPython's loop: invalid characters are skipped (an error in
/// strict mode), and a complete pad sequence ends the input.
fn b64_decode(text: &[u8], strict: bool) -> R<Vec<u8>> {
    if strict && text.first() == Some(&b'=') {
        return Err(error("Leading padding not allowed"));
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let mut quad_pos = 0;
    let mut left: u8 = 0;
    let mut pads = 0;
    let mut padding_started = false;
    for (i, &c) in text.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if quad_pos >= 2 {
                pads += 1;
                if quad_pos + pads >= 4 {
                    if strict && i + 1 < text.len() {
                        return Err(error("Excess data after padding"));
                    }
                    return Ok(out);
                }
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return Err(error("Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(error("Discontinuous padding not allowed"));
        }
        pads = 0;
        match quad_pos {
            0 => {
                quad_pos = 1;
                left = v;
            }
            1 => {
                quad_pos = 2;
                out.push(left << 2 | v >> 4);
                left = v & 0x0f;
            }
            2 => {
                quad_pos = 3;
                out.push(left << 4 | v >> 2);
                left = v & 0x03;
            }
            _ => {
                quad_pos = 0;
                out.push(left << 6 | v);
                left = 0;
            }
        }
    }
    match quad_pos {
        0 => Ok(out),
        1 => Err(error(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            out.len() / 3 * 4 + 1
        ))),
        _ => Err(error("Incorrect padding")),
    }
}

fn flag(ctx: &mut Ctx, k: &[(Name, Value)], name: &str, dflt: bool) -> R<bool> {
    match kwarg(k, name) {
        Some(v) => truthy(ctx, v),
        None => Ok(dflt),
    }
}

fn b2a_base64(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    want(ctx, "b2a_base64", a, 1, 1)?;
    let data = data_arg(ctx, &a[0])?;
    let mut out = b64_encode(&data);
    if flag(ctx, k, "newline", true)? {
        out.push(b'\n');
    }
    Ok(Value::bytes(&out))
}

fn a2b_base64(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    want(ctx, "a2b_base64", a, 1, 1)?;
    let text = ascii_arg(ctx, &a[0])?;
    let strict = flag(ctx, k, "strict_mode", false)?;
    Ok(Value::bytes(&b64_decode(&text, strict)?))
}

/// Swap two characters of an alphabet for two others (`-_` for `+/` and back).
fn translate(data: &mut [u8], from: [u8; 2], to: [u8; 2]) {
    for c in data.iter_mut() {
        if *c == from[0] {
            *c = to[0];
        } else if *c == from[1] {
            *c = to[1];
        }
    }
}

fn altchars(ctx: &mut Ctx, v: Option<&Value>, decode: bool) -> R<Option<[u8; 2]>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let b = if decode {
                ascii_arg(ctx, v)?
            } else {
                data_arg(ctx, v)?
            };
            if b.len() != 2 {
                let r = crate::interp::repr::repr(ctx, &Value::bytes(&b))?;
                return Err(ctx.err("AssertionError", r));
            }
            Ok(Some([b[0], b[1]]))
        }
    }
}

fn one_arg(ctx: &Ctx, fname: &str, a: &[Value]) -> R<()> {
    if a.is_empty() {
        return Err(ctx.type_error(format!(
            "{fname}() missing 1 required positional argument: 's'"
        )));
    }
    Ok(())
}

fn b64encode(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    one_arg(ctx, "b64encode", a)?;
    let data = data_arg(ctx, &a[0])?;
    let mut out = b64_encode(&data);
    if let Some(alt) = altchars(ctx, a.get(1).or(kwarg(k, "altchars")), false)? {
        translate(&mut out, *b"+/", alt);
    }
    Ok(Value::bytes(&out))
}

fn b64decode(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    one_arg(ctx, "b64decode", a)?;
    let mut text = ascii_arg(ctx, &a[0])?;
    if let Some(alt) = altchars(ctx, a.get(1).or(kwarg(k, "altchars")), true)? {
        translate(&mut text, alt, *b"+/");
    }
    let validate = match a.get(2).or(kwarg(k, "validate")) {
        Some(v) => truthy(ctx, v)?,
        None => false,
    };
    Ok(Value::bytes(&b64_decode(&text, validate)?))
}

fn standard_b64encode(ctx: &mut Ctx, a: &[Value], _k: &[(Name, Value)]) -> R<Value> {
    one_arg(ctx, "standard_b64encode", a)?;
    b64encode(ctx, &a[..1], &[])
}

fn standard_b64decode(ctx: &mut Ctx, a: &[Value], _k: &[(Name, Value)]) -> R<Value> {
    one_arg(ctx, "standard_b64decode", a)?;
    b64decode(ctx, &a[..1], &[])
}

fn urlsafe_b64encode(ctx: &mut Ctx, a: &[Value], _k: &[(Name, Value)]) -> R<Value> {
    one_arg(ctx, "urlsafe_b64encode", a)?;
    let data = data_arg(ctx, &a[0])?;
    let mut out = b64_encode(&data);
    translate(&mut out, *b"+/", *b"-_");
    Ok(Value::bytes(&out))
}

fn urlsafe_b64decode(ctx: &mut Ctx, a: &[Value], _k: &[(Name, Value)]) -> R<Value> {
    one_arg(ctx, "urlsafe_b64decode", a)?;
    let mut text = ascii_arg(ctx, &a[0])?;
    translate(&mut text, *b"-_", *b"+/");
    Ok(Value::bytes(&b64_decode(&text, false)?))
}

fn b16encode(ctx: &mut Ctx, a: &[Value], _k: &[(Name, Value)]) -> R<Value> {
    one_arg(ctx, "b16encode", a)?;
    let data = data_arg(ctx, &a[0])?;
    let text: String = data.iter().map(|b| format!("{b:02X}")).collect();
    Ok(Value::bytes(text.as_bytes()))
}

fn b16decode(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    one_arg(ctx, "b16decode", a)?;
    let mut text = ascii_arg(ctx, &a[0])?;
    let casefold = match a.get(1).or(kwarg(k, "casefold")) {
        Some(v) => truthy(ctx, v)?,
        None => false,
    };
    if casefold {
        text.make_ascii_uppercase();
    }
    if text
        .iter()
        .any(|c| !(c.is_ascii_digit() || (b'A'..=b'F').contains(c)))
    {
        return Err(error("Non-base16 digit found"));
    }
    unhexlify(ctx, &[Value::bytes(&text)], &[])
}

fn encodebytes(ctx: &mut Ctx, a: &[Value], _k: &[(Name, Value)]) -> R<Value> {
    one_arg(ctx, "encodebytes", a)?;
    let data = data_arg(ctx, &a[0])?;
    // 76 characters a line: 57 bytes of input each.
    let mut out = Vec::new();
    for chunk in data.chunks(57) {
        out.extend(b64_encode(chunk));
        out.push(b'\n');
    }
    Ok(Value::bytes(&out))
}

fn decodebytes(ctx: &mut Ctx, a: &[Value], _k: &[(Name, Value)]) -> R<Value> {
    one_arg(ctx, "decodebytes", a)?;
    let text = data_arg(ctx, &a[0])?;
    Ok(Value::bytes(&b64_decode(&text, false)?))
}
