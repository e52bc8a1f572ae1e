//! `struct`: packing numbers into bytes for the wire, as the lecture's length-prefixed
//! framing needs (`struct.pack("!I", len(data))`). `!` is network byte order: big-endian.

use super::functions::builtin_fn;
use crate::interp::types::{self, type_name};
use crate::interp::value::{Name, Value};
use crate::interp::{Ctx, Exc, R};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::sync::Arc;

pub fn items() -> Vec<(&'static str, Value)> {
    vec![
        ("pack", builtin_fn("pack", pack)),
        ("unpack", builtin_fn("unpack", unpack)),
        ("unpack_from", builtin_fn("unpack_from", unpack_from)),
        ("calcsize", builtin_fn("calcsize", calcsize)),
        ("error", Value::Class(types::class("error"))),
    ]
}

fn error(msg: impl Into<String>) -> Box<Exc> {
    Exc::new(types::new_exception(
        "error",
        vec![Value::string(msg.into())],
    ))
}

#[derive(Clone, Copy)]
struct Item {
    code: char,
    count: usize,
}

struct Layout {
    native: bool,
    little: bool,
    items: Vec<Item>,
}

fn parse(fmt: &str) -> R<Layout> {
    let mut chars = fmt.chars().peekable();
    let (native, little) = match chars.peek() {
        Some('@') => {
            chars.next();
            (true, cfg!(target_endian = "little"))
        }
        Some('=') => {
            chars.next();
            (false, cfg!(target_endian = "little"))
        }
        Some('<') => {
            chars.next();
            (false, true)
        }
        Some('>') | Some('!') => {
            chars.next();
            (false, false)
        }
        _ => (true, cfg!(target_endian = "little")),
    };
    let mut items = Vec::new();
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut count = None;
        let mut c = c;
        if c.is_ascii_digit() {
            let mut n = c.to_digit(10).unwrap_or(0) as usize;
            loop {
                match chars.next() {
                    Some(d) if d.is_ascii_digit() => {
                        n = n
                            .saturating_mul(10)
                            .saturating_add(d.to_digit(10).unwrap_or(0) as usize)
                    }
                    Some(d) => {
                        c = d;
                        break;
                    }
                    None => return Err(error("repeat count given without format specifier")),
                }
            }
            count = Some(n);
        }
        if !"xcbB?hHiIlLqQnNefdsp".contains(c) {
            return Err(error("bad char in struct format"));
        }
        if !native && (c == 'n' || c == 'N') {
            return Err(error("bad char in struct format"));
        }
        items.push(Item {
            code: c,
            count: count.unwrap_or(1),
        });
    }
    Ok(Layout {
        native,
        little,
        items,
    })
}

fn size_of(code: char, native: bool) -> usize {
    match code {
        'x' | 'c' | 'b' | 'B' | '?' | 's' | 'p' => 1,
        'h' | 'H' | 'e' => 2,
        'i' | 'I' | 'f' => 4,
        'l' | 'L' => {
            if native {
                std::mem::size_of::<libc::c_long>()
            } else {
                4
            }
        }
        _ => 8,
    }
}

/// Offsets of each item (with native alignment for `@`), and the total size; a size
/// past what an index can hold is CPython's `total struct size too long`.
fn offsets(l: &Layout) -> R<(Vec<usize>, usize)> {
    let too_long = || error("total struct size too long");
    let mut pos: usize = 0;
    let mut out = Vec::new();
    for it in &l.items {
        let sz = size_of(it.code, l.native);
        if l.native && !matches!(it.code, 's' | 'p' | 'x' | 'c' | 'b' | 'B' | '?') {
            pos = pos.div_ceil(sz).checked_mul(sz).ok_or_else(too_long)?;
        }
        out.push(pos);
        let width = if matches!(it.code, 's' | 'p') {
            it.count
        } else {
            sz.checked_mul(it.count).ok_or_else(too_long)?
        };
        pos = pos.checked_add(width).ok_or_else(too_long)?;
        if pos > i64::MAX as usize {
            return Err(too_long());
        }
    }
    Ok((out, pos))
}

fn calcsize(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    let l = parse(&fmt_text(ctx, &a[0])?)?;
    Ok(Value::Int(offsets(&l)?.1 as i64))
}

fn fmt_text(ctx: &Ctx, v: &Value) -> R<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        Value::Bytes(b) => Ok(String::from_utf8_lossy(b).into_owned()),
        other => Err(ctx.type_error(format!(
            "Struct() argument 1 must be a str or bytes object, not {}",
            type_name(other)
        ))),
    }
}

fn int_range(code: char, native: bool) -> (BigInt, BigInt, &'static str) {
    let bits = size_of(code, native) * 8;
    let signed = code.is_ascii_lowercase();
    let (lo, hi) = if signed {
        (
            -(BigInt::from(1) << (bits - 1)),
            (BigInt::from(1) << (bits - 1)) - 1,
        )
    } else {
        (BigInt::from(0), (BigInt::from(1) << bits) - 1)
    };
    let name = match (code, native) {
        ('b', _) => "byte",
        ('B', _) => "ubyte",
        ('h', true) => "short",
        ('H', true) => "ushort",
        _ => "",
    };
    (lo, hi, name)
}

fn pack(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    if !k.is_empty() {
        return Err(ctx.type_error("_struct.pack() takes no keyword arguments"));
    }
    if a.is_empty() {
        return Err(ctx.type_error("missing format argument"));
    }
    let l = parse(&fmt_text(ctx, &a[0])?)?;
    let args = &a[1..];
    // As CPython's Struct: the layout's size is checked before the arguments are.
    let (offs, total) = offsets(&l)?;
    let wanted: usize = l
        .items
        .iter()
        .map(|it| match it.code {
            's' | 'p' => 1,
            'x' => 0,
            _ => it.count,
        })
        .fold(0usize, |acc, n| acc.saturating_add(n));
    if wanted != args.len() {
        return Err(error(format!(
            "pack expected {wanted} items for packing (got {})",
            args.len()
        )));
    }
    // A layout too big to allocate is a MemoryError, as CPython's failed malloc is.
    if total > 1 << 32 {
        return Err(Exc::new(types::new_exception("MemoryError", vec![])));
    }
    let mut out = vec![0u8; total];
    let mut next = args.iter();
    for (it, &off) in l.items.iter().zip(offs.iter()) {
        let sz = size_of(it.code, l.native);
        match it.code {
            'x' => {}
            's' | 'p' => {
                let v = next.next().cloned().unwrap_or(Value::None);
                let data = match &v {
                    Value::Bytes(b) => b.to_vec(),
                    Value::ByteArray(b) => b.lock().clone(),
                    _ => {
                        return Err(error(format!(
                            "argument for '{}' must be a bytes object",
                            it.code
                        )))
                    }
                };
                let n = data.len().min(it.count);
                out[off..off + n].copy_from_slice(&data[..n]);
            }
            _ => {
                for k in 0..it.count {
                    let v = next.next().cloned().unwrap_or(Value::None);
                    let at = off + k * sz;
                    let bytes = pack_one(ctx, it.code, &v, l.native, l.little)?;
                    out[at..at + sz].copy_from_slice(&bytes);
                }
            }
        }
    }
    Ok(Value::Bytes(out.into()))
}

fn pack_one(ctx: &mut Ctx, code: char, v: &Value, native: bool, little: bool) -> R<Vec<u8>> {
    let sz = size_of(code, native);
    let order = |mut b: Vec<u8>| {
        if little {
            b.reverse();
        }
        b
    };
    match code {
        'c' => match v {
            Value::Bytes(b) if b.len() == 1 => Ok(vec![b[0]]),
            Value::ByteArray(b) if b.lock().len() == 1 => Ok(vec![b.lock()[0]]),
            _ => Err(error("char format requires a bytes object of length 1")),
        },
        '?' => Ok(vec![crate::interp::exec::truthy(ctx, v)? as u8]),
        'e' | 'f' | 'd' => {
            let f = match v {
                Value::Float(f) => *f,
                Value::Int(i) => *i as f64,
                Value::Bool(b) => *b as i64 as f64,
                Value::BigInt(b) => b.to_f64().unwrap_or(f64::INFINITY),
                _ => return Err(error("required argument is not a float")),
            };
            Ok(match code {
                'd' => order(f.to_be_bytes().to_vec()),
                'f' => {
                    let g = f as f32;
                    if g.is_infinite() && f.is_finite() {
                        return Err(
                            ctx.err("OverflowError", "float too large to pack with f format")
                        );
                    }
                    order(g.to_be_bytes().to_vec())
                }
                _ => order(f16_bits(f).to_be_bytes().to_vec()),
            })
        }
        _ => {
            let n = match v {
                Value::Int(i) => BigInt::from(*i),
                Value::Bool(b) => BigInt::from(*b as i64),
                Value::BigInt(b) => (**b).clone(),
                _ => return Err(error("required argument is not an integer")),
            };
            let (lo, hi, name) = int_range(code, native);
            if n < lo || n > hi {
                let unsigned = code.is_ascii_uppercase() && code != 'B';
                let msg = if !name.is_empty() {
                    format!("{name} format requires {lo} <= number <= {hi}")
                } else if matches!(code, 'q' | 'Q' | 'n' | 'N') {
                    "int too large to convert".to_string()
                } else if unsigned && n < BigInt::from(0) {
                    "argument out of range".to_string()
                } else {
                    format!("'{code}' format requires {lo} <= number <= {hi}")
                };
                return Err(error(msg));
            }
            let mut bytes = n.to_signed_bytes_be();
            let fill = if n < BigInt::from(0) { 0xff } else { 0 };
            if bytes.len() > sz {
                bytes = bytes[bytes.len() - sz..].to_vec();
            }
            let mut full = vec![fill; sz - bytes.len()];
            full.extend(bytes);
            Ok(order(full))
        }
    }
}

/// IEEE half precision, round-to-nearest-even, as `struct`'s `e` format.
fn f16_bits(f: f64) -> u16 {
    let x = f as f32;
    let bits = x.to_bits();
    let sign = ((bits >> 16) & 0x8000) as u16;
    let exp = ((bits >> 23) & 0xff) as i32;
    let mant = bits & 0x7f_ffff;
    if exp == 0xff {
        return sign | 0x7c00 | if mant != 0 { 0x200 } else { 0 };
    }
    let e = exp - 127 + 15;
    if e >= 0x1f {
        return sign | 0x7c00;
    }
    if e <= 0 {
        if e < -10 {
            return sign;
        }
        let m = (mant | 0x80_0000) >> (1 - e);
        let round = (m >> 12) & 1 != 0 && ((m & 0xfff) != 0 || (m >> 13) & 1 != 0);
        return sign | ((m >> 13) as u16 + round as u16);
    }
    let round = (mant >> 12) & 1 != 0 && ((mant & 0xfff) != 0 || (mant >> 13) & 1 != 0);
    (sign | ((e as u16) << 10) | (mant >> 13) as u16) + round as u16
}

fn f16_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1f) as i32;
    let mant = (h & 0x3ff) as f64;
    match exp {
        0 => sign * mant * 2f64.powi(-24),
        0x1f => {
            if mant == 0.0 {
                sign * f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => sign * (1.0 + mant / 1024.0) * 2f64.powi(exp - 15),
    }
}

fn unpack_at(
    ctx: &mut Ctx,
    fmt: &Value,
    data: &[u8],
    offset: usize,
    exact: bool,
    fname: &str,
) -> R<Value> {
    let l = parse(&fmt_text(ctx, fmt)?)?;
    let (offs, total) = offsets(&l)?;
    if (exact && data.len() != total) || data.len() < offset + total {
        return Err(error(if exact {
            format!("{fname} requires a buffer of {total} bytes")
        } else {
            format!(
                "{fname} requires a buffer of at least {} bytes for unpacking {total} bytes at offset {offset} (actual buffer size is {})",
                offset + total,
                data.len()
            )
        }));
    }
    let data = &data[offset..];
    let mut out = Vec::new();
    for (it, &off) in l.items.iter().zip(offs.iter()) {
        let sz = size_of(it.code, l.native);
        match it.code {
            'x' => {}
            's' => out.push(Value::Bytes(data[off..off + it.count].to_vec().into())),
            'p' => {
                let n = (*data.get(off).unwrap_or(&0) as usize).min(it.count.saturating_sub(1));
                out.push(Value::Bytes(data[off + 1..off + 1 + n].to_vec().into()));
            }
            _ => {
                for k in 0..it.count {
                    let at = off + k * sz;
                    let mut b = data[at..at + sz].to_vec();
                    if l.little {
                        b.reverse();
                    }
                    out.push(match it.code {
                        'c' => Value::Bytes(b.into()),
                        '?' => Value::Bool(b[0] != 0),
                        'd' => Value::Float(f64::from_be_bytes(b.try_into().unwrap_or([0; 8]))),
                        'f' => {
                            Value::Float(f32::from_be_bytes(b.try_into().unwrap_or([0; 4])) as f64)
                        }
                        'e' => Value::Float(f16_to_f64(u16::from_be_bytes(
                            b.try_into().unwrap_or([0; 2]),
                        ))),
                        c if c.is_ascii_lowercase() => {
                            Value::bigint(BigInt::from_signed_bytes_be(&b))
                        }
                        _ => Value::bigint(BigInt::from_bytes_be(num_bigint::Sign::Plus, &b)),
                    });
                }
            }
        }
    }
    Ok(Value::tuple(out))
}

fn buffer(ctx: &Ctx, v: &Value) -> R<Vec<u8>> {
    match v {
        Value::Bytes(b) => Ok(b.to_vec()),
        Value::ByteArray(b) => Ok(b.lock().clone()),
        Value::Native(n) if n.buffer().is_some() => Ok(n.buffer().unwrap_or_default()),
        other => Err(ctx.type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(other)
        ))),
    }
}

fn unpack(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    let data = buffer(ctx, &a[1])?;
    unpack_at(ctx, &a[0], &data, 0, true, "unpack")
}

fn unpack_from(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    let data = buffer(ctx, &a[1])?;
    let offset = match a.get(2).or(super::functions::kwarg(k, "offset")) {
        Some(v) => super::functions::to_i64(ctx, v, "")?.max(0) as usize,
        None => 0,
    };
    let _ = Arc::<str>::from("");
    unpack_at(ctx, &a[0], &data, offset, false, "unpack_from")
}
