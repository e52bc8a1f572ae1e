//! The methods of `int` and `float`, and `int.from_bytes`.

use super::*;

pub(super) fn int_from_bytes(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    let data = match &a[0] {
        Value::Bytes(_) | Value::ByteArray(_) => bytes_like(ctx, &a[0])?,
        other => {
            let mut out = Vec::new();
            for it in iterate(ctx, other)? {
                out.push(to_i64(ctx, &it, "")? as u8);
            }
            out
        }
    };
    let order = match a.get(1).or(kwarg(k, "byteorder")) {
        Some(Value::Str(s)) => s.to_string(),
        None => "big".into(),
        _ => return Err(ctx.type_error("from_bytes() argument 'byteorder' must be str")),
    };
    let signed = match kwarg(k, "signed") {
        Some(v) => truthy(ctx, v)?,
        None => false,
    };
    let n = match order.as_str() {
        "big" => {
            if signed {
                BigInt::from_signed_bytes_be(&data)
            } else {
                BigInt::from_bytes_be(Sign::Plus, &data)
            }
        }
        "little" => {
            if signed {
                BigInt::from_signed_bytes_le(&data)
            } else {
                BigInt::from_bytes_le(Sign::Plus, &data)
            }
        }
        _ => return Err(ctx.value_error("byteorder must be either 'little' or 'big'")),
    };
    Ok(Value::bigint(n))
}

pub(super) fn float_hex(f: f64) -> String {
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0x0.0p+0".into()
        } else {
            "0x0.0p+0".into()
        };
    }
    if !f.is_finite() {
        return crate::interp::repr::float_repr(f);
    }
    let bits = f.to_bits();
    let sign = if f < 0.0 { "-" } else { "" };
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    // Always all 13 hex digits of the mantissa, as CPython writes them.
    let m = format!("{mant:013x}");
    format!(
        "{sign}0x{lead}.{m}p{}{}",
        if e < 0 { '-' } else { '+' },
        e.abs()
    )
}

pub(super) fn float_ratio(ctx: &Ctx, f: f64) -> R<Value> {
    if !f.is_finite() {
        return Err(if f.is_nan() {
            ctx.value_error("cannot convert NaN to integer ratio")
        } else {
            ctx.err("OverflowError", "cannot convert Infinity to integer ratio")
        });
    }
    let mut num = f;
    let mut den = BigInt::from(1);
    let mut k = 0;
    while num.fract() != 0.0 && k < 1100 {
        num *= 2.0;
        den *= 2;
        k += 1;
    }
    let n = BigInt::from(num as i128);
    let g = num_integer::Integer::gcd(&n, &den);
    let g = if g.is_zero() { BigInt::from(1) } else { g };
    Ok(Value::tuple(vec![
        Value::bigint(&n / &g),
        Value::bigint(&den / &g),
    ]))
}

pub(super) fn int_method(
    ctx: &mut Ctx,
    obj: &Value,
    name: &str,
    a: &[Value],
    k: &[(Name, Value)],
) -> Option<R<Value>> {
    let n = match obj {
        Value::Int(i) => BigInt::from(*i),
        Value::Bool(b) => BigInt::from(*b as i64),
        Value::BigInt(b) => (**b).clone(),
        _ => return None,
    };
    Some(match name {
        "bit_length" => Ok(Value::Int(n.bits() as i64)),
        "bit_count" => Ok(Value::Int(
            n.abs().to_str_radix(2).matches('1').count() as i64
        )),
        "conjugate" => Ok(Value::bigint(n)),
        "as_integer_ratio" => Ok(Value::tuple(vec![Value::bigint(n), Value::Int(1)])),
        "to_bytes" => (|| {
            let length = match a.first().or(kwarg(k, "length")) {
                Some(v) => to_i64(ctx, v, "")?,
                None => 1,
            };
            let order = match a.get(1).or(kwarg(k, "byteorder")) {
                Some(Value::Str(s)) => s.to_string(),
                None => "big".into(),
                Some(_) => {
                    return Err(ctx.type_error("to_bytes() argument 'byteorder' must be str"))
                }
            };
            let signed = match kwarg(k, "signed") {
                Some(v) => truthy(ctx, v)?,
                None => false,
            };
            if length < 0 {
                return Err(ctx.value_error("length argument must be non-negative"));
            }
            if n.is_negative() && !signed {
                return Err(ctx.err("OverflowError", "can't convert negative int to unsigned"));
            }
            let mut bytes = if signed {
                n.to_signed_bytes_be()
            } else {
                n.to_bytes_be().1
            };
            if n.is_zero() {
                bytes.clear();
            }
            if bytes.len() > length as usize {
                return Err(ctx.err("OverflowError", "int too big to convert"));
            }
            let fill = if n.is_negative() { 0xff } else { 0 };
            crate::interp::ops::check_alloc(length as u128)?;
            let mut out = vec![fill; length as usize - bytes.len()];
            out.extend(bytes);
            match order.as_str() {
                "big" => {}
                "little" => out.reverse(),
                _ => return Err(ctx.value_error("byteorder must be either 'little' or 'big'")),
            }
            Ok(Value::Bytes(out.into()))
        })(),
        _ => return None,
    })
}

/// `float.fromhex(s)`: `[sign] ['0x'] hex digits ['.' hex digits] ['p' exponent]`, or
/// `inf`/`nan`, surrounded by blanks, as CPython reads it.
pub(super) fn float_fromhex(ctx: &mut Ctx, v: &Value) -> R<Value> {
    let Value::Str(text) = v else {
        return Err(ctx.type_error(format!(
            "fromhex() argument must be str, not {}",
            type_name(v)
        )));
    };
    let invalid = || ctx.value_error("invalid hexadecimal floating-point string");
    let t = text.trim().to_ascii_lowercase();
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, &t[..]),
    };
    let sign = if negative { -1.0 } else { 1.0 };
    match body {
        "inf" | "infinity" => return Ok(Value::Float(sign * f64::INFINITY)),
        "nan" => return Ok(Value::Float(f64::NAN)),
        _ => {}
    }
    let body = body.strip_prefix("0x").unwrap_or(body);
    let (mantissa, exponent) = match body.split_once('p') {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if whole.is_empty() && fraction.is_empty() {
        return Err(invalid());
    }
    let mut value = 0.0f64;
    for c in whole.chars() {
        value = value * 16.0 + f64::from(c.to_digit(16).ok_or_else(invalid)?);
    }
    let mut scale = 1.0 / 16.0;
    for c in fraction.chars() {
        value += f64::from(c.to_digit(16).ok_or_else(invalid)?) * scale;
        scale /= 16.0;
    }
    let exponent: i32 = match exponent {
        None => 0,
        Some(e)
            if !e.is_empty()
                && e.trim_start_matches(['+', '-'])
                    .bytes()
                    .all(|b| b.is_ascii_digit()) =>
        {
            e.parse::<i64>()
                .unwrap_or(if e.starts_with('-') {
                    -100_000
                } else {
                    100_000
                })
                .clamp(-100_000, 100_000) as i32
        }
        Some(_) => return Err(invalid()),
    };
    let result = value * 2f64.powi(exponent);
    if result.is_infinite() {
        return Err(ctx.err(
            "OverflowError",
            "hexadecimal value too large to represent as a float",
        ));
    }
    Ok(Value::Float(sign * result))
}
