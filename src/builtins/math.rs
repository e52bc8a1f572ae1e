//! `math`: CPython's functions on numbers, with its errors (`math domain error`,
//! `math range error`, the integer functions' own words). The floating-point functions
//! are the C library's, as CPython's are, so they give the same last digits.

use super::functions::{arg_count, builtin_fn, kwarg, to_i64};
use crate::interp::exec::{get_iter, next};
use crate::interp::ops::{self, as_number, Num};
use crate::interp::types::type_name;
use crate::interp::value::{Name, Value};
use crate::interp::{Ctx, R};
use crate::syntax::ast::BinOp;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

pub fn items() -> Vec<(&'static str, Value)> {
    let mut items = vec![
        ("pi", Value::Float(std::f64::consts::PI)),
        ("e", Value::Float(std::f64::consts::E)),
        ("tau", Value::Float(std::f64::consts::TAU)),
        ("inf", Value::Float(f64::INFINITY)),
        ("nan", Value::Float(f64::NAN)),
    ];
    macro_rules! unary {
        ($($name:literal => $f:expr),* $(,)?) => {
            $(items.push(($name, builtin_fn($name, |ctx, a, _| {
                arg_count(ctx, concat!("math.", $name), a, 1, 1)?;
                let x = real(ctx, &a[0])?;
                let f: fn(f64) -> f64 = $f;
                checked(ctx, $name, x, f(x))
            })));)*
        };
    }
    unary!(
        "sqrt" => f64::sqrt, "exp" => f64::exp, "expm1" => f64::exp_m1,
        "log2" => f64::log2, "log10" => f64::log10, "log1p" => f64::ln_1p,
        "sin" => f64::sin, "cos" => f64::cos, "tan" => f64::tan,
        "asin" => f64::asin, "acos" => f64::acos, "atan" => f64::atan,
        "sinh" => f64::sinh, "cosh" => f64::cosh, "tanh" => f64::tanh,
        "asinh" => f64::asinh, "acosh" => f64::acosh, "atanh" => f64::atanh,
        "fabs" => f64::abs, "radians" => f64::to_radians, "degrees" => f64::to_degrees,
    );
    items.extend([
        ("log", builtin_fn("log", log)),
        (
            "floor",
            builtin_fn("floor", |ctx, a, _| round_with(ctx, a, "floor", f64::floor)),
        ),
        (
            "ceil",
            builtin_fn("ceil", |ctx, a, _| round_with(ctx, a, "ceil", f64::ceil)),
        ),
        (
            "trunc",
            builtin_fn("trunc", |ctx, a, _| round_with(ctx, a, "trunc", f64::trunc)),
        ),
        ("pow", builtin_fn("pow", pow)),
        (
            "atan2",
            builtin_fn("atan2", |ctx, a, _| two(ctx, a, "atan2", f64::atan2)),
        ),
        (
            "copysign",
            builtin_fn("copysign", |ctx, a, _| {
                two(ctx, a, "copysign", f64::copysign)
            }),
        ),
        ("fmod", builtin_fn("fmod", fmod)),
        ("hypot", builtin_fn("hypot", hypot)),
        (
            "isnan",
            builtin_fn("isnan", |ctx, a, _| test(ctx, a, "isnan", f64::is_nan)),
        ),
        (
            "isinf",
            builtin_fn("isinf", |ctx, a, _| test(ctx, a, "isinf", f64::is_infinite)),
        ),
        (
            "isfinite",
            builtin_fn("isfinite", |ctx, a, _| {
                test(ctx, a, "isfinite", f64::is_finite)
            }),
        ),
        ("isclose", builtin_fn("isclose", isclose)),
        ("modf", builtin_fn("modf", modf)),
        ("frexp", builtin_fn("frexp", frexp)),
        ("ldexp", builtin_fn("ldexp", ldexp)),
        ("fsum", builtin_fn("fsum", fsum)),
        ("factorial", builtin_fn("factorial", factorial)),
        ("gcd", builtin_fn("gcd", |ctx, a, _| gcd_lcm(ctx, a, true))),
        ("lcm", builtin_fn("lcm", |ctx, a, _| gcd_lcm(ctx, a, false))),
        ("isqrt", builtin_fn("isqrt", isqrt)),
        ("comb", builtin_fn("comb", comb)),
        ("perm", builtin_fn("perm", perm)),
        ("prod", builtin_fn("prod", prod)),
    ]);
    items
}

/// A real number argument as a float, or CPython's TypeError / OverflowError.
fn real(ctx: &Ctx, v: &Value) -> R<f64> {
    match as_number(v) {
        Some(Num::F(f)) => Ok(f),
        Some(Num::I(i)) => Ok(i as f64),
        Some(Num::B(b)) => match b.to_f64() {
            Some(f) if f.is_finite() => Ok(f),
            _ => Err(ctx.err("OverflowError", "int too large to convert to float")),
        },
        None => Err(ctx.type_error(format!("must be real number, not {}", type_name(v)))),
    }
}

/// An integer argument (ints and bools only, as CPython's integer functions take).
fn integer(ctx: &Ctx, v: &Value) -> R<BigInt> {
    match v {
        Value::Int(i) => Ok(BigInt::from(*i)),
        Value::Bool(b) => Ok(BigInt::from(*b as i64)),
        Value::BigInt(b) => Ok((**b).clone()),
        Value::Native(n) if n.as_int().is_some() => Ok(BigInt::from(n.as_int().unwrap_or(0))),
        other => Err(ctx.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(other)
        ))),
    }
}

/// CPython's `math_1`: a NaN from a number is a domain error; an infinity from a finite
/// number a range error for the functions that can overflow (`exp`, `cosh` ...), and a
/// domain error for the others (`atanh(1)`, `log2(0)`).
fn checked(ctx: &Ctx, name: &str, x: f64, r: f64) -> R<Value> {
    if r.is_nan() && !x.is_nan() {
        return Err(ctx.value_error("math domain error"));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if matches!(name, "exp" | "expm1" | "cosh" | "sinh") {
            ctx.err("OverflowError", "math range error")
        } else {
            ctx.value_error("math domain error")
        });
    }
    Ok(Value::Float(r))
}

fn two(ctx: &mut Ctx, a: &[Value], name: &str, f: fn(f64, f64) -> f64) -> R<Value> {
    arg_count(ctx, name, a, 2, 2)?;
    let (x, y) = (real(ctx, &a[0])?, real(ctx, &a[1])?);
    Ok(Value::Float(f(x, y)))
}

fn test(ctx: &mut Ctx, a: &[Value], name: &str, f: fn(f64) -> bool) -> R<Value> {
    arg_count(ctx, &format!("math.{name}"), a, 1, 1)?;
    Ok(Value::Bool(f(real(ctx, &a[0])?)))
}

/// `floor`, `ceil`, `trunc`: an int stays itself; a float becomes the int it rounds to.
fn round_with(ctx: &mut Ctx, a: &[Value], name: &str, f: fn(f64) -> f64) -> R<Value> {
    arg_count(ctx, &format!("math.{name}"), a, 1, 1)?;
    match &a[0] {
        Value::Int(_) | Value::BigInt(_) => return Ok(a[0].clone()),
        Value::Bool(b) => return Ok(Value::Int(*b as i64)),
        _ => {}
    }
    let x = real(ctx, &a[0])?;
    float_to_int(ctx, f(x))
}

fn float_to_int(ctx: &Ctx, x: f64) -> R<Value> {
    if x.is_nan() {
        return Err(ctx.value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(ctx.err("OverflowError", "cannot convert float infinity to integer"));
    }
    if x.abs() < 9.0e18 {
        return Ok(Value::Int(x as i64));
    }
    use num_traits::FromPrimitive;
    Ok(Value::bigint(BigInt::from_f64(x).unwrap_or_default()))
}

fn log(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "log", a, 1, 2)?;
    let ln = |ctx: &Ctx, v: &Value| -> R<f64> {
        // A huge int's logarithm from its top bits, as CPython's `loghelper` does.
        if let Value::BigInt(b) = v {
            if b.is_positive() && b.to_f64().is_none_or(f64::is_infinite) {
                let shift = b.bits().saturating_sub(64);
                let top = (&**b >> shift).to_f64().unwrap_or(f64::MAX);
                return Ok(top.ln() + shift as f64 * std::f64::consts::LN_2);
            }
        }
        let x = real(ctx, v)?;
        if x <= 0.0 {
            return Err(ctx.value_error("math domain error"));
        }
        Ok(x.ln())
    };
    let num = ln(ctx, &a[0])?;
    match a.get(1) {
        None => Ok(Value::Float(num)),
        Some(base) => {
            let den = ln(ctx, base)?;
            if den == 0.0 {
                return Err(ctx.err("ZeroDivisionError", "float division by zero"));
            }
            Ok(Value::Float(num / den))
        }
    }
}

fn pow(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "pow", a, 2, 2)?;
    let (x, y) = (real(ctx, &a[0])?, real(ctx, &a[1])?);
    let r = x.powf(y);
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(ctx.value_error("math domain error"));
    }
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(ctx.value_error("math domain error"));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(ctx.err("OverflowError", "math range error"));
    }
    Ok(Value::Float(r))
}

fn fmod(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "fmod", a, 2, 2)?;
    let (x, y) = (real(ctx, &a[0])?, real(ctx, &a[1])?);
    if y == 0.0 && !x.is_nan() || x.is_infinite() && !y.is_nan() {
        return Err(ctx.value_error("math domain error"));
    }
    Ok(Value::Float(x % y))
}

fn hypot(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    let mut acc = 0.0f64;
    for v in a {
        acc = acc.hypot(real(ctx, v)?);
    }
    Ok(Value::Float(acc))
}

fn isclose(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "isclose", a, 2, 2)?;
    let (x, y) = (real(ctx, &a[0])?, real(ctx, &a[1])?);
    let rel = match kwarg(k, "rel_tol") {
        Some(v) => real(ctx, v)?,
        None => 1e-9,
    };
    let abs = match kwarg(k, "abs_tol") {
        Some(v) => real(ctx, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(ctx.value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::Bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (y - x).abs();
    Ok(Value::Bool(
        diff <= (rel * y).abs() || diff <= (rel * x).abs() || diff <= abs,
    ))
}

fn modf(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "math.modf", a, 1, 1)?;
    let x = real(ctx, &a[0])?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else {
        (x.fract(), x.trunc())
    };
    Ok(Value::tuple(vec![Value::Float(frac), Value::Float(int)]))
}

fn frexp(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "math.frexp", a, 1, 1)?;
    let x = real(ctx, &a[0])?;
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::tuple(vec![Value::Float(x), Value::Int(0)]));
    }
    let mut e = ((x.abs().log2()).floor() as i64) + 1;
    let mut m = x / 2f64.powi(e as i32);
    // Correct the estimate so that 0.5 <= |m| < 1.
    while m.abs() >= 1.0 {
        m /= 2.0;
        e += 1;
    }
    while m.abs() < 0.5 {
        m *= 2.0;
        e -= 1;
    }
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e)]))
}

fn ldexp(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "ldexp", a, 2, 2)?;
    let x = real(ctx, &a[0])?;
    let e = integer(ctx, &a[1])?;
    let e = e
        .to_i32()
        .unwrap_or(if e.is_negative() { i32::MIN } else { i32::MAX });
    let mut r = x;
    // In steps, so a large exponent neither overflows `powi` nor loses the tiny result.
    let mut left = e;
    while left != 0 {
        let step = left.clamp(-1000, 1000);
        r *= 2f64.powi(step);
        left -= step;
        if r == 0.0 || r.is_infinite() {
            break;
        }
    }
    if r.is_infinite() && x.is_finite() {
        return Err(ctx.err("OverflowError", "math range error"));
    }
    Ok(Value::Float(r))
}

/// `fsum`: Shewchuk's exact summation (CPython's `math_fsum`), rounded once.
fn fsum(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "math.fsum", a, 1, 1)?;
    let it = get_iter(ctx, &a[0])?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    while let Some(v) = next(ctx, &it)? {
        let mut x = real(ctx, &v)?;
        if !x.is_finite() {
            special += x;
            continue;
        }
        let mut kept = 0;
        for i in 0..partials.len() {
            let mut y = partials[i];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        partials.truncate(kept);
        partials.push(x);
    }
    if special != 0.0 || special.is_nan() {
        if special.is_nan() {
            return Err(ctx.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special));
    }
    let mut hi = 0.0f64;
    if let Some(mut n) = partials.len().checked_sub(1) {
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            n -= 1;
            let x = hi;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

fn factorial(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "math.factorial", a, 1, 1)?;
    let n = integer(ctx, &a[0])?;
    if n.is_negative() {
        return Err(ctx.value_error("factorial() not defined for negative values"));
    }
    let n = to_i64(ctx, &Value::bigint(n), "")?;
    crate::interp::ops::check_alloc((n as u128) * 2)?;
    let mut acc = BigInt::one();
    for k in 2..=n {
        acc *= k;
        if k % 4096 == 0 {
            ctx.check_interrupt()?;
        }
    }
    Ok(Value::bigint(acc))
}

fn gcd_lcm(ctx: &mut Ctx, a: &[Value], gcd: bool) -> R<Value> {
    let mut acc = if gcd { BigInt::zero() } else { BigInt::one() };
    for v in a {
        let x = integer(ctx, v)?;
        acc = if gcd {
            acc.gcd(&x)
        } else if acc.is_zero() || x.is_zero() {
            BigInt::zero()
        } else {
            acc.lcm(&x)
        };
    }
    Ok(Value::bigint(acc.abs()))
}

fn isqrt(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "math.isqrt", a, 1, 1)?;
    let n = integer(ctx, &a[0])?;
    if n.is_negative() {
        return Err(ctx.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::bigint(n.sqrt()))
}

fn comb(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "comb", a, 2, 2)?;
    let (n, k) = (integer(ctx, &a[0])?, integer(ctx, &a[1])?);
    if n.is_negative() {
        return Err(ctx.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(ctx.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = (&n - &k).min(k);
    let k = to_i64(ctx, &Value::bigint(k), "")?;
    let mut acc = BigInt::one();
    for i in 0..k {
        acc = acc * (&n - i) / (i + 1);
        if i % 4096 == 0 {
            ctx.check_interrupt()?;
        }
    }
    Ok(Value::bigint(acc))
}

fn perm(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "perm", a, 1, 2)?;
    let n = integer(ctx, &a[0])?;
    let k = match a.get(1) {
        None | Some(Value::None) => n.clone(),
        Some(v) => integer(ctx, v)?,
    };
    if n.is_negative() {
        return Err(ctx.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(ctx.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = to_i64(ctx, &Value::bigint(k), "")?;
    let mut acc = BigInt::one();
    for i in 0..k {
        acc *= &n - i;
        if i % 4096 == 0 {
            ctx.check_interrupt()?;
        }
    }
    Ok(Value::bigint(acc))
}

fn prod(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "prod", a, 1, 1)?;
    let mut acc = kwarg(k, "start").cloned().unwrap_or(Value::Int(1));
    let it = get_iter(ctx, &a[0])?;
    while let Some(v) = next(ctx, &it)? {
        acc = ops::binary(ctx, BinOp::Mul, acc, v)?;
    }
    Ok(acc)
}
