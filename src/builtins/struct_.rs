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
        ("pack_into", builtin_fn("pack_into", pack_into)),
        ("iter_unpack", builtin_fn("iter_unpack", iter_unpack)),
        ("Struct", Value::Class(struct_class())),
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

// ---------------------------------------------------------------------------------
// `struct.Struct`, `pack_into`, `iter_unpack`

/// `struct.pack_into(format, buffer, offset, *values)`: pack into a bytearray in place.
fn pack_into(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    if !k.is_empty() {
        return Err(ctx.type_error("pack_into() takes no keyword arguments"));
    }
    match a.len() {
        0 => return Err(ctx.type_error("missing format argument")),
        1 => return Err(error("pack_into expected buffer argument")),
        2 => return Err(error("pack_into expected offset argument")),
        _ => {}
    }
    let Value::ByteArray(target) = &a[1] else {
        return Err(ctx.type_error(format!(
            "argument must be read-write bytes-like object, not {}",
            type_name(&a[1])
        )));
    };
    let mut packed_args = vec![a[0].clone()];
    packed_args.extend(a[3..].iter().cloned());
    let packed = match &pack(ctx, &packed_args, &[])? {
        Value::Bytes(b) => b.clone(),
        _ => return Ok(Value::None),
    };
    let len = target.lock().len();
    let mut offset = super::functions::to_i64(ctx, &a[2], "")?;
    if offset < 0 {
        if offset + (packed.len() as i64) > 0 {
            return Err(error(format!(
                "no space to pack {} bytes at offset {offset}",
                packed.len()
            )));
        }
        if offset + (len as i64) < 0 {
            return Err(error(format!(
                "offset {offset} out of range for {len}-byte buffer"
            )));
        }
        offset += len as i64;
    }
    let offset = offset as usize;
    if len < offset + packed.len() {
        return Err(error(format!(
            "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {offset} (actual buffer size is {len})",
            offset + packed.len(),
            packed.len()
        )));
    }
    target.lock()[offset..offset + packed.len()].copy_from_slice(&packed);
    Ok(Value::None)
}

/// `struct.iter_unpack(format, buffer)`: the records of a buffer, one tuple each.
fn iter_unpack(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    if !k.is_empty() || a.len() != 2 {
        return Err(ctx.type_error(format!(
            "iter_unpack expected 2 arguments, got {}",
            a.len() + k.len()
        )));
    }
    let l = parse(&fmt_text(ctx, &a[0])?)?;
    let size = offsets(&l)?.1;
    let data = buffer(ctx, &a[1])?;
    if size == 0 {
        return Err(error("cannot iteratively unpack with a struct of length 0"));
    }
    if data.len() % size != 0 {
        return Err(error(format!(
            "iterative unpacking requires a buffer of a multiple of {size} bytes"
        )));
    }
    let mut items = Vec::with_capacity(data.len() / size);
    for start in (0..data.len()).step_by(size) {
        items.push(unpack_at(
            ctx,
            &a[0],
            &data[start..start + size],
            0,
            true,
            "unpack",
        )?);
    }
    Ok(Value::Iter(Arc::new(crate::interp::sharing::Mutex::new(
        crate::interp::value::IterState::Items {
            items,
            index: 0,
            kind: "unpack_iterator",
        },
    ))))
}

fn struct_class() -> Arc<crate::interp::value::Class> {
    static C: std::sync::OnceLock<Arc<crate::interp::value::Class>> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        let mut dict = crate::interp::value::Attrs::new();
        dict.insert(Arc::from("__new__"), builtin_fn("__new__", struct_new));
        types::make_class(
            "Struct",
            "_struct",
            vec![types::class("object")],
            crate::interp::value::Native::Other,
            dict,
        )
    })
    .clone()
}

/// `struct.Struct(format)`: a format parsed once, its size known.
pub struct Struct {
    format: Value,
    size: usize,
}

fn struct_new(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    let a = &a[1..];
    let format = match (a, k) {
        ([f], []) => f.clone(),
        ([], [(name, f)]) if &**name == "format" => f.clone(),
        _ => {
            return Err(ctx.type_error(format!(
                "Struct() takes exactly 1 argument ({} given)",
                a.len() + k.len()
            )))
        }
    };
    let l = parse(&fmt_text(ctx, &format)?)?;
    let size = offsets(&l)?.1;
    let format = match &format {
        Value::Bytes(b) => Value::string(String::from_utf8_lossy(b).into_owned()),
        _ => format,
    };
    Ok(Value::Native(Arc::new(Struct { format, size })))
}

impl crate::interp::value::NativeObject for Struct {
    fn class(&self) -> Arc<crate::interp::value::Class> {
        struct_class()
    }
    fn repr(&self) -> String {
        format!(
            "<_struct.Struct object at {:#x}>",
            self as *const Self as usize
        )
    }
    fn get_attr(&self, _ctx: &mut Ctx, _this: &Value, name: &str) -> Option<R<Value>> {
        match name {
            "format" => Some(Ok(self.format.clone())),
            "size" => Some(Ok(Value::Int(self.size as i64))),
            _ => None,
        }
    }
    fn call_method(
        &self,
        ctx: &mut Ctx,
        _this: &Value,
        name: &str,
        a: &[Value],
        k: &[(Name, Value)],
    ) -> Option<R<Value>> {
        let with_format = || {
            let mut full = vec![self.format.clone()];
            full.extend(a.iter().cloned());
            full
        };
        Some(match name {
            "pack" => pack(ctx, &with_format(), k),
            "pack_into" => pack_into(ctx, &with_format(), k),
            "iter_unpack" => iter_unpack(ctx, &with_format(), k),
            "unpack" => {
                if a.len() != 1 || !k.is_empty() {
                    return Some(Err(ctx.type_error(format!(
                        "Struct.unpack() takes exactly one argument ({} given)",
                        a.len() + k.len()
                    ))));
                }
                buffer(ctx, &a[0])
                    .and_then(|data| unpack_at(ctx, &self.format, &data, 0, true, "unpack"))
            }
            "unpack_from" => (|| {
                let buf = a
                    .first()
                    .or(super::functions::kwarg(k, "buffer"))
                    .ok_or_else(|| {
                        ctx.type_error(
                            "Struct.unpack_from() missing required argument 'buffer' (pos 1)",
                        )
                    })?;
                let data = buffer(ctx, buf)?;
                let offset = match a.get(1).or(super::functions::kwarg(k, "offset")) {
                    Some(v) => super::functions::to_i64(ctx, v, "")?.max(0) as usize,
                    None => 0,
                };
                unpack_at(ctx, &self.format, &data, offset, false, "unpack_from")
            })(),
            _ => return None,
        })
    }
    fn attr_names(&self) -> Vec<&'static str> {
        vec![
            "format",
            "iter_unpack",
            "pack",
            "pack_into",
            "size",
            "unpack",
            "unpack_from",
        ]
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
