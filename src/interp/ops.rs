//! Operators: arithmetic (with machine ints that grow into big ones), comparison,
//! containment, with CPython's results and error messages; indexing and slicing are in
//! `subscript` (re-exported here).

use super::exec::{call, hash_key, iterate, truthy};
use super::types::type_name;
use super::value::Value;
use super::{Ctx, R};
use crate::interp::sharing::Mutex;
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use std::cmp::Ordering;
use std::sync::Arc;

pub use super::subscript::*;

/// Results bigger than this many bytes are a `MemoryError`, as an allocation CPython
/// could not make here would be.
pub const MAX_ALLOC: u128 = 1 << 32;

/// `MemoryError` for a result of `bytes` bytes that would pass `MAX_ALLOC`: Rust aborts
/// the process when an allocation fails, where CPython raises.
pub fn check_alloc(bytes: u128) -> R<()> {
    if bytes > MAX_ALLOC {
        return Err(super::Exc::new(super::types::new_exception(
            "MemoryError",
            vec![],
        )));
    }
    Ok(())
}

#[derive(Clone, Debug)]
pub enum Num {
    I(i64),
    B(BigInt),
    F(f64),
}

pub fn as_number(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::I(*i)),
        Value::Bool(b) => Some(Num::I(*b as i64)),
        Value::BigInt(b) => Some(Num::B((**b).clone())),
        Value::Float(f) => Some(Num::F(*f)),
        Value::Native(n) => n.as_int().map(Num::I),
        _ => None,
    }
}

fn to_big(n: &Num) -> BigInt {
    match n {
        Num::I(i) => BigInt::from(*i),
        Num::B(b) => b.clone(),
        Num::F(f) => BigInt::from(*f as i64),
    }
}

pub fn big_to_f64(b: &BigInt) -> Option<f64> {
    let f = b.to_f64()?;
    if f.is_finite() {
        Some(f)
    } else {
        None
    }
}

fn to_f64(ctx: &Ctx, n: &Num) -> R<f64> {
    match n {
        Num::I(i) => Ok(*i as f64),
        Num::F(f) => Ok(*f),
        Num::B(b) => big_to_f64(b)
            .ok_or_else(|| ctx.err("OverflowError", "int too large to convert to float")),
    }
}

pub fn num_eq(a: &Num, b: &Num) -> bool {
    num_cmp(a, b) == Some(Ordering::Equal)
}

pub fn num_cmp(a: &Num, b: &Num) -> Option<Ordering> {
    match (a, b) {
        (Num::I(x), Num::I(y)) => Some(x.cmp(y)),
        (Num::F(x), Num::F(y)) => x.partial_cmp(y),
        (Num::F(x), other) | (other, Num::F(x)) => {
            let flipped = matches!(a, Num::F(_)) && !matches!(b, Num::F(_));
            if x.is_nan() {
                return None;
            }
            if x.is_infinite() {
                let o = if *x > 0.0 {
                    Ordering::Greater
                } else {
                    Ordering::Less
                };
                return Some(if flipped { o } else { o.reverse() });
            }
            // Compare exactly: the float's integer part against the int, then the fraction.
            let i = to_big(other);
            let fl = x.floor();
            let fb = BigInt::from(fl as i128);
            let o = match fb.cmp(&i) {
                Ordering::Equal => {
                    if *x > fl {
                        Ordering::Greater
                    } else {
                        Ordering::Equal
                    }
                }
                o => o,
            };
            Some(if flipped { o } else { o.reverse() })
        }
        _ => Some(to_big(a).cmp(&to_big(b))),
    }
}

/// The fast path for two machine ints; `None` when the result needs the general path.
/// Returns the bare `i64` (in registers) rather than a `Value`: the hot loops build the
/// `Value` themselves, which avoids a store-and-reload of the whole enum.
#[inline(always)]
pub fn int_fast(op: BinOp, x: i64, y: i64) -> Option<i64> {
    match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::Mod if y > 0 && x >= 0 => Some(x % y),
        BinOp::FloorDiv if y > 0 && x >= 0 => Some(x / y),
        BinOp::BitAnd => Some(x & y),
        BinOp::BitOr => Some(x | y),
        BinOp::BitXor => Some(x ^ y),
        _ => None,
    }
}

fn unsupported(ctx: &Ctx, op: BinOp, a: &Value, b: &Value) -> Box<super::Exc> {
    let mut msg = format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        op.symbol(),
        type_name(a),
        type_name(b)
    );
    // Python 2's `print >>sys.stderr, "x"`: CPython names the Python 3 spelling.
    if op == BinOp::RShift && matches!(a, Value::Builtin(f) if &*f.name == "print") {
        msg.push_str(". Did you mean \"print(<message>, file=<output_stream>)\"?");
    }
    ctx.type_error(msg)
}

fn dunder(op: BinOp) -> (&'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__"),
        BinOp::Sub => ("__sub__", "__rsub__"),
        BinOp::Mul => ("__mul__", "__rmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__"),
        BinOp::Pow => ("__pow__", "__rpow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__"),
        BinOp::BitOr => ("__or__", "__ror__"),
        BinOp::BitXor => ("__xor__", "__rxor__"),
        BinOp::BitAnd => ("__and__", "__rand__"),
        BinOp::MatMul => ("__matmul__", "__rmatmul__"),
    }
}

pub fn binary(ctx: &mut Ctx, op: BinOp, a: Value, b: Value) -> R<Value> {
    // `bytes | None` in an annotation: a union of types (PEP 604).
    if op == BinOp::BitOr {
        if let Some(u) = super::objects::type_union(&a, &b) {
            return Ok(u);
        }
    }
    // Int-like objects (socket constants): their own operators, else plain ints.
    if let Value::Native(n) = &a {
        if let Some(v) = n.binary_op(op.symbol(), &b) {
            return Ok(v);
        }
        if let Some(i) = n.as_int() {
            return binary(ctx, op, Value::Int(i), b);
        }
    }
    // `b'..' + memoryview(...)`: a bytes-like right operand joins bytes and bytearray.
    if let (BinOp::Add, Value::Bytes(_) | Value::ByteArray(_), Value::Native(n)) = (op, &a, &b) {
        if let Some(data) = n.buffer() {
            return binary(ctx, op, a, Value::bytes(&data));
        }
    }
    if let Value::Native(n) = &a {
        let (l, _) = dunder(op);
        if let Some(r) = n.call_method(ctx, &a, l, std::slice::from_ref(&b), &[]) {
            return r;
        }
    }
    if let Value::Native(n) = &b {
        if let Some(v) = n.binary_op(op.symbol(), &a) {
            return Ok(v);
        }
        if let Some(i) = n.as_int() {
            return binary(ctx, op, a, Value::Int(i));
        }
    }
    // `"%s" % obj` formats the object (unless it takes over with `__rmod__`).
    if op == BinOp::Mod && matches!(a, Value::Str(_)) {
        let rmod = matches!(&b, Value::Instance(i) if i.class.lookup("__rmod__").is_some());
        if !rmod {
            if let Value::Str(s) = &a {
                // A namedtuple is the tuple of values, as any tuple subclass is.
                let args = match &b {
                    Value::Native(n) => n.as_tuple().map_or_else(|| b.clone(), Value::Tuple),
                    _ => b.clone(),
                };
                return Ok(Value::string(super::format::percent_format(ctx, s, &args)?));
            }
        }
    }
    // User classes first: `__add__`, then the right operand's `__radd__`.
    if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
        let (l, r) = dunder(op);
        if let Value::Instance(i) = &a {
            if let Some(m) = i.class.lookup(l) {
                let res = call(ctx, &m, vec![a.clone(), b.clone()], vec![])?;
                if !matches!(res, Value::NotImplemented) {
                    return Ok(res);
                }
            }
        }
        if let Value::Instance(i) = &b {
            if let Some(m) = i.class.lookup(r) {
                let res = call(ctx, &m, vec![b.clone(), a.clone()], vec![])?;
                if !matches!(res, Value::NotImplemented) {
                    return Ok(res);
                }
            }
        }
        return Err(unsupported(ctx, op, &a, &b));
    }
    if let (Some(x), Some(y)) = (as_number(&a), as_number(&b)) {
        if matches!((&a, &b), (Value::Bool(_), Value::Bool(_))) {
            if let (BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor, Value::Bool(p), Value::Bool(q)) =
                (op, &a, &b)
            {
                return Ok(Value::Bool(match op {
                    BinOp::BitAnd => *p & *q,
                    BinOp::BitOr => *p | *q,
                    _ => *p ^ *q,
                }));
            }
        }
        return arith(ctx, op, x, y, &a, &b);
    }
    if op == BinOp::Add {
        // Copying is work too: `buf += buf` in a loop doubles per step.
        ctx.charge_steps(copy_work(seq_bytes(&a) + seq_bytes(&b)))?;
    }
    match (op, &a, &b) {
        (BinOp::Add, Value::Str(x), Value::Str(y)) => {
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            Ok(Value::string(s))
        }
        (BinOp::Add, Value::Str(_), _) => Err(ctx.type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            type_name(&b)
        ))),
        (BinOp::Add, Value::Bytes(x), Value::Bytes(y)) => {
            Ok(Value::Bytes(Arc::from([&x[..], &y[..]].concat())))
        }
        (BinOp::Add, Value::Bytes(x), Value::ByteArray(y)) => {
            Ok(Value::Bytes(Arc::from([&x[..], &y.lock()[..]].concat())))
        }
        (BinOp::Add, Value::ByteArray(x), Value::Bytes(y)) => {
            let v = [&x.lock()[..], &y[..]].concat();
            Ok(Value::ByteArray(Arc::new(Mutex::new(v))))
        }
        (BinOp::Add, Value::ByteArray(x), Value::ByteArray(y)) => {
            let v = [&x.lock()[..], &y.lock()[..]].concat();
            Ok(Value::ByteArray(Arc::new(Mutex::new(v))))
        }
        (BinOp::Add, Value::Bytes(_), _) => {
            Err(ctx.type_error(format!("can't concat {} to bytes", type_name(&b))))
        }
        (BinOp::Add, Value::List(x), Value::List(y)) => {
            let mut v = x.lock().clone();
            v.extend(y.lock().iter().cloned());
            Ok(Value::list(v))
        }
        (BinOp::Add, Value::List(_), _) => Err(ctx.type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            type_name(&b)
        ))),
        (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
            let mut v = x.to_vec();
            v.extend(y.iter().cloned());
            Ok(Value::tuple(v))
        }
        (BinOp::Add, Value::Tuple(_), _) => Err(ctx.type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            type_name(&b)
        ))),
        (
            BinOp::Mul,
            Value::Str(_)
            | Value::Bytes(_)
            | Value::List(_)
            | Value::Tuple(_)
            | Value::ByteArray(_),
            _,
        ) if as_index(&b).is_some() => repeat(ctx, &a, &b),
        (
            BinOp::Mul,
            _,
            Value::Str(_)
            | Value::Bytes(_)
            | Value::List(_)
            | Value::Tuple(_)
            | Value::ByteArray(_),
        ) if as_index(&a).is_some() => repeat(ctx, &b, &a),
        (BinOp::Mul, Value::Str(_) | Value::Bytes(_) | Value::List(_) | Value::Tuple(_), _)
        | (BinOp::Mul, _, Value::Str(_) | Value::Bytes(_) | Value::List(_) | Value::Tuple(_)) => {
            let other = if matches!(
                a,
                Value::Str(_) | Value::Bytes(_) | Value::List(_) | Value::Tuple(_)
            ) {
                &b
            } else {
                &a
            };
            Err(ctx.type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                type_name(other)
            )))
        }
        (BinOp::Mod, Value::Str(s), _) => {
            Ok(Value::string(super::format::percent_format(ctx, s, &b)?))
        }
        (BinOp::Mod, Value::Bytes(s), _) => Ok(Value::Bytes(
            super::format::percent_format_bytes(ctx, s, &b)?.into(),
        )),
        (
            BinOp::BitOr | BinOp::BitAnd | BinOp::BitXor | BinOp::Sub,
            Value::Set(_) | Value::FrozenSet(_),
            Value::Set(_) | Value::FrozenSet(_),
        ) => set_op(ctx, op, &a, &b),
        (BinOp::BitOr, Value::Dict(x), Value::Dict(y)) => {
            let mut d = x.lock().clone();
            for (k, v) in y.lock().iter() {
                d.insert(k.clone(), v.clone());
            }
            Ok(Value::Dict(Arc::new(Mutex::new(d))))
        }
        _ => Err(unsupported(ctx, op, &a, &b)),
    }
}

fn set_items(v: &Value) -> super::dict::Dict {
    match v {
        Value::Set(d) => d.lock().clone(),
        Value::FrozenSet(d) => (**d).clone(),
        _ => super::dict::Dict::new(),
    }
}

fn set_op(_ctx: &mut Ctx, op: BinOp, a: &Value, b: &Value) -> R<Value> {
    let x = set_items(a);
    let y = set_items(b);
    let out: super::dict::Dict = match op {
        BinOp::BitOr => {
            let mut d = x;
            for k in y.keys() {
                d.insert(k.clone(), Value::None);
            }
            d
        }
        BinOp::BitAnd => x.into_iter().filter(|(k, _)| y.contains_key(k)).collect(),
        BinOp::Sub => x.into_iter().filter(|(k, _)| !y.contains_key(k)).collect(),
        _ => {
            let mut d: super::dict::Dict = x
                .iter()
                .filter(|(k, _)| !y.contains_key(k))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            for k in y.keys() {
                if !x.contains_key(k) {
                    d.insert(k.clone(), Value::None);
                }
            }
            d
        }
    };
    Ok(match a {
        Value::FrozenSet(_) => Value::FrozenSet(Arc::new(out)),
        _ => Value::Set(Arc::new(Mutex::new(out))),
    })
}

pub fn as_index(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::I(*i)),
        Value::Bool(b) => Some(Num::I(*b as i64)),
        Value::BigInt(b) => Some(Num::B((**b).clone())),
        _ => None,
    }
}

/// Bytes a sequence's items take, roughly (a reference is 16).
fn seq_bytes(v: &Value) -> u64 {
    (match v {
        Value::Str(s) => s.len(),
        Value::Bytes(b) => b.len(),
        Value::ByteArray(b) => b.lock().len(),
        Value::List(l) => l.lock().len() * 16,
        Value::Tuple(t) => t.len() * 16,
        _ => 0,
    }) as u64
}

/// Steps that copying `bytes` bytes costs against the step budget: one per kilobyte.
fn copy_work(bytes: u64) -> u64 {
    bytes / 1024
}

fn repeat(ctx: &mut Ctx, seq: &Value, n: &Value) -> R<Value> {
    let count: i64 = match as_index(n) {
        Some(Num::I(i)) => i.max(0),
        Some(Num::B(b)) => {
            if b.is_negative() {
                0
            } else {
                return Err(ctx.err(
                    "OverflowError",
                    format!("cannot fit '{}' into an index-sized integer", type_name(n)),
                ));
            }
        }
        _ => 0,
    };
    let unit = match seq {
        Value::Str(s) => s.len(),
        Value::Bytes(b) => b.len(),
        Value::ByteArray(b) => b.lock().len(),
        Value::List(l) => l.lock().len() * 16,
        Value::Tuple(t) => t.len() * 16,
        _ => 0,
    } as u128;
    if unit * count as u128 > MAX_ALLOC {
        return Err(super::Exc::new(super::types::new_exception(
            "MemoryError",
            vec![],
        )));
    }
    ctx.charge_steps(copy_work((unit as u64).saturating_mul(count as u64)))?;
    // Nothing to copy (`() * 10**18` is `()` at once, as in CPython), so no loop either.
    let count = if unit == 0 { 0 } else { count as usize };
    Ok(match seq {
        Value::Str(s) => Value::string(s.repeat(count)),
        Value::Bytes(b) => Value::Bytes(b.repeat(count).into()),
        Value::ByteArray(b) => Value::ByteArray(Arc::new(Mutex::new(b.lock().repeat(count)))),
        Value::List(l) => {
            let items = l.lock().clone();
            let mut out = Vec::with_capacity(items.len() * count);
            for _ in 0..count {
                out.extend(items.iter().cloned());
            }
            Value::list(out)
        }
        Value::Tuple(t) => {
            let mut out = Vec::with_capacity(t.len() * count);
            for _ in 0..count {
                out.extend(t.iter().cloned());
            }
            Value::tuple(out)
        }
        _ => Value::None,
    })
}

fn arith(ctx: &mut Ctx, op: BinOp, x: Num, y: Num, a: &Value, b: &Value) -> R<Value> {
    if let (Num::F(_), _) | (_, Num::F(_)) = (&x, &y) {
        if matches!(
            op,
            BinOp::LShift
                | BinOp::RShift
                | BinOp::BitAnd
                | BinOp::BitOr
                | BinOp::BitXor
                | BinOp::MatMul
        ) {
            return Err(unsupported(ctx, op, a, b));
        }
        let p = to_f64(ctx, &x)?;
        let q = to_f64(ctx, &y)?;
        return float_arith(ctx, op, p, q);
    }
    // Both integers.
    if let (Num::I(p), Num::I(q)) = (&x, &y) {
        let (p, q) = (*p, *q);
        match op {
            BinOp::Add => {
                if let Some(r) = p.checked_add(q) {
                    return Ok(Value::Int(r));
                }
            }
            BinOp::Sub => {
                if let Some(r) = p.checked_sub(q) {
                    return Ok(Value::Int(r));
                }
            }
            BinOp::Mul => {
                if let Some(r) = p.checked_mul(q) {
                    return Ok(Value::Int(r));
                }
            }
            BinOp::FloorDiv | BinOp::Mod => {
                if q == 0 {
                    return Err(int_zero_division(ctx, op));
                }
                if !(p == i64::MIN && q == -1) {
                    return Ok(Value::Int(if op == BinOp::FloorDiv {
                        Integer::div_floor(&p, &q)
                    } else {
                        Integer::mod_floor(&p, &q)
                    }));
                }
            }
            BinOp::Div => {
                if q == 0 {
                    return Err(ctx.err("ZeroDivisionError", "division by zero"));
                }
                if p.unsigned_abs() < (1 << 53) && q.unsigned_abs() < (1 << 53) {
                    return Ok(Value::Float(p as f64 / q as f64));
                }
            }
            BinOp::BitAnd => return Ok(Value::Int(p & q)),
            BinOp::BitOr => return Ok(Value::Int(p | q)),
            BinOp::BitXor => return Ok(Value::Int(p ^ q)),
            BinOp::RShift => {
                if q < 0 {
                    return Err(ctx.value_error("negative shift count"));
                }
                return Ok(Value::Int(if q >= 64 {
                    if p < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    p >> q
                }));
            }
            _ => {}
        }
    }
    let p = to_big(&x);
    let q = to_big(&y);
    Ok(match op {
        BinOp::Add => Value::bigint(p + q),
        BinOp::Sub => Value::bigint(p - q),
        BinOp::Mul => {
            if (p.bits() + q.bits()) as u128 > MAX_ALLOC * 8 {
                return Err(super::Exc::new(super::types::new_exception(
                    "MemoryError",
                    vec![],
                )));
            }
            ctx.charge_steps(big_work(p.bits() + q.bits()))?;
            Value::bigint(p * q)
        }
        BinOp::FloorDiv | BinOp::Mod => {
            if q.is_zero() {
                return Err(int_zero_division(ctx, op));
            }
            if op == BinOp::FloorDiv {
                Value::bigint(p.div_floor(&q))
            } else {
                Value::bigint(p.mod_floor(&q))
            }
        }
        BinOp::Div => {
            if q.is_zero() {
                return Err(ctx.err("ZeroDivisionError", "division by zero"));
            }
            Value::Float(big_true_div(ctx, &p, &q)?)
        }
        BinOp::Pow => return int_pow(ctx, p, q),
        BinOp::LShift => {
            let Some(n) = q.to_i64() else {
                return Err(if q.is_negative() {
                    ctx.value_error("negative shift count")
                } else {
                    ctx.err("OverflowError", "too many digits in integer")
                });
            };
            if n < 0 {
                return Err(ctx.value_error("negative shift count"));
            }
            if p.is_zero() {
                return Ok(Value::Int(0));
            }
            if p.bits() as u128 + n as u128 > MAX_ALLOC * 8 {
                return Err(super::Exc::new(super::types::new_exception(
                    "MemoryError",
                    vec![],
                )));
            }
            ctx.charge_steps(big_work(p.bits() + n as u64))?;
            Value::bigint(p << n as usize)
        }
        BinOp::RShift => {
            if q.is_negative() {
                return Err(ctx.value_error("negative shift count"));
            }
            match q.to_usize() {
                Some(n) => Value::bigint(p >> n),
                None => Value::Int(if p.is_negative() { -1 } else { 0 }),
            }
        }
        BinOp::BitAnd => Value::bigint(p & q),
        BinOp::BitOr => Value::bigint(p | q),
        BinOp::BitXor => Value::bigint(p ^ q),
        BinOp::MatMul => return Err(unsupported(ctx, op, a, b)),
    })
}

/// Steps a big-number result of `bits` bits costs against the step budget: one per
/// 64-bit word, so that `3 ** 294967297` cannot stall a budgeted run (the fuzzer's) for
/// minutes in one operation. Without a budget this is free.
fn big_work(bits: u64) -> u64 {
    bits / 64
}

fn int_zero_division(ctx: &Ctx, op: BinOp) -> Box<super::Exc> {
    if op == BinOp::Mod {
        ctx.err("ZeroDivisionError", "integer modulo by zero")
    } else {
        ctx.err("ZeroDivisionError", "integer division or modulo by zero")
    }
}

/// CPython's `float_divmod`: floor division and modulo computed together from `fmod`,
/// so that `1.0 // 0.1` is 9.0 (as the remainder 0.0999... says), not 10.0.
pub fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

fn big_true_div(ctx: &Ctx, p: &BigInt, q: &BigInt) -> R<f64> {
    match (big_to_f64(p), big_to_f64(q)) {
        (Some(x), Some(y)) if p.bits() <= 53 && q.bits() <= 53 => Ok(x / y),
        _ => {
            // Scale so the quotient keeps 64 significant bits, then convert once.
            let shift = p.bits() as i64 - q.bits() as i64 - 64;
            let (num, den) = if shift > 0 {
                (p.clone(), q << shift as usize)
            } else {
                (p << (-shift) as usize, q.clone())
            };
            let quot = (num / den).to_f64().unwrap_or(f64::NAN);
            let r = quot * 2f64.powi(shift.clamp(-2000, 2000) as i32);
            if r.is_infinite() {
                return Err(ctx.err(
                    "OverflowError",
                    "integer division result too large for a float",
                ));
            }
            Ok(r)
        }
    }
}

fn int_pow(ctx: &mut Ctx, base: BigInt, exp: BigInt) -> R<Value> {
    if exp.is_negative() {
        let b = big_to_f64(&base)
            .ok_or_else(|| ctx.err("OverflowError", "int too large to convert to float"))?;
        let e = exp.to_f64().unwrap_or(f64::NEG_INFINITY);
        if b == 0.0 {
            return Err(ctx.err(
                "ZeroDivisionError",
                "0.0 cannot be raised to a negative power",
            ));
        }
        return float_arith(ctx, BinOp::Pow, b, e);
    }
    let Some(e) = exp.to_u64() else {
        return Err(super::Exc::new(super::types::new_exception(
            "MemoryError",
            vec![],
        )));
    };
    if base.is_zero() || base == BigInt::from(1) {
        return Ok(Value::bigint(if e == 0 { BigInt::from(1) } else { base }));
    }
    if base == BigInt::from(-1) {
        return Ok(Value::Int(if e % 2 == 0 { 1 } else { -1 }));
    }
    if base.bits() as u128 * e as u128 > MAX_ALLOC * 8 {
        return Err(super::Exc::new(super::types::new_exception(
            "MemoryError",
            vec![],
        )));
    }
    if let (Some(b), Ok(e32)) = (base.to_i64(), u32::try_from(e)) {
        if let Some(r) = b.checked_pow(e32) {
            return Ok(Value::Int(r));
        }
    }
    ctx.charge_steps(big_work(base.bits().saturating_mul(e)))?;
    Ok(Value::bigint(num_traits::pow::Pow::pow(&base, e)))
}

fn float_arith(ctx: &mut Ctx, op: BinOp, p: f64, q: f64) -> R<Value> {
    Ok(Value::Float(match op {
        BinOp::Add => p + q,
        BinOp::Sub => p - q,
        BinOp::Mul => p * q,
        BinOp::Div => {
            if q == 0.0 {
                return Err(ctx.err("ZeroDivisionError", "float division by zero"));
            }
            p / q
        }
        BinOp::FloorDiv => {
            if q == 0.0 {
                return Err(ctx.err("ZeroDivisionError", "float floor division by zero"));
            }
            float_divmod(p, q).0
        }
        BinOp::Mod => {
            if q == 0.0 {
                return Err(ctx.err("ZeroDivisionError", "float modulo"));
            }
            float_divmod(p, q).1
        }
        BinOp::Pow => {
            if p == 0.0 && q < 0.0 {
                return Err(ctx.err(
                    "ZeroDivisionError",
                    "0.0 cannot be raised to a negative power",
                ));
            }
            if p < 0.0 && q.fract() != 0.0 && q.is_finite() {
                return Err(ctx.err(
                    "NotImplementedError",
                    "socklab does not support complex numbers",
                ));
            }
            let r = p.powf(q);
            if r.is_infinite() && p.is_finite() && q.is_finite() {
                return Err(super::Exc::new(super::types::new_exception(
                    "OverflowError",
                    vec![Value::Int(34), Value::str("Numerical result out of range")],
                )));
            }
            r
        }
        _ => return Err(ctx.type_error("unsupported operand type(s)")),
    }))
}

pub fn inplace(ctx: &mut Ctx, op: BinOp, cur: Value, rhs: Value) -> R<Value> {
    match (&cur, op) {
        (Value::List(l), BinOp::Add) => {
            let items = iterate(ctx, &rhs)?;
            l.lock().extend(items);
            return Ok(cur);
        }
        (Value::ByteArray(b), BinOp::Add) => {
            let extra = (ctx.interp.library.bytes_like)(ctx, &rhs)?;
            b.lock().extend_from_slice(&extra);
            return Ok(cur);
        }
        (Value::Set(s), BinOp::BitOr) => {
            for (k, _) in set_items(&rhs) {
                s.lock().insert(k, Value::None);
            }
            return Ok(cur);
        }
        (Value::Dict(d), BinOp::BitOr) => {
            for (k, v) in mapping_items(ctx, &rhs)? {
                let key = hash_key(ctx, &k)?;
                d.lock().insert(key, v);
            }
            return Ok(cur);
        }
        (Value::Instance(i), _) => {
            let name = format!("__i{}", &dunder(op).0[2..]);
            if let Some(m) = i.class.lookup(&name) {
                let r = call(ctx, &m, vec![cur.clone(), rhs.clone()], vec![])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        (Value::Int(x), _) => {
            if let Value::Int(y) = rhs {
                if let Some(v) = int_fast(op, *x, y) {
                    return Ok(Value::Int(v));
                }
            }
        }
        _ => {}
    }
    binary(ctx, op, cur, rhs).map_err(|e| {
        if e.is("TypeError") {
            let msg = super::repr::str(ctx, &e.value).unwrap_or_default();
            if msg.starts_with("unsupported operand type(s) for ") {
                return ctx.type_error(msg.replacen(
                    &format!("for {}:", op.symbol()),
                    &format!("for {}=:", op.symbol()),
                    1,
                ));
            }
        }
        e
    })
}

pub fn unary(ctx: &mut Ctx, op: UnaryOp, v: Value) -> R<Value> {
    match op {
        UnaryOp::Not => Ok(Value::Bool(!truthy(ctx, &v)?)),
        _ if matches!(&v, Value::Native(n) if n.as_int().is_some()) => {
            let i = match &v {
                Value::Native(n) => n.as_int().unwrap_or(0),
                _ => 0,
            };
            unary(ctx, op, Value::Int(i))
        }
        UnaryOp::Neg => match &v {
            Value::Int(i) => Ok(match i.checked_neg() {
                Some(n) => Value::Int(n),
                None => Value::bigint(-BigInt::from(*i)),
            }),
            Value::Bool(b) => Ok(Value::Int(-(*b as i64))),
            Value::BigInt(b) => Ok(Value::bigint(-(**b).clone())),
            Value::Float(f) => Ok(Value::Float(-f)),
            Value::Instance(i) => {
                match i.class.lookup("__neg__") {
                    Some(m) => call(ctx, &m, vec![v.clone()], vec![]),
                    None => Err(ctx
                        .type_error(format!("bad operand type for unary -: '{}'", type_name(&v)))),
                }
            }
            _ => Err(ctx.type_error(format!("bad operand type for unary -: '{}'", type_name(&v)))),
        },
        UnaryOp::Pos => match &v {
            Value::Int(_) | Value::BigInt(_) | Value::Float(_) => Ok(v),
            Value::Bool(b) => Ok(Value::Int(*b as i64)),
            _ => Err(ctx.type_error(format!("bad operand type for unary +: '{}'", type_name(&v)))),
        },
        UnaryOp::Invert => match &v {
            Value::Int(i) => Ok(Value::Int(!i)),
            Value::Bool(b) => Ok(Value::Int(!(*b as i64))),
            Value::BigInt(b) => Ok(Value::bigint(-(**b).clone() - 1)),
            _ => Err(ctx.type_error(format!("bad operand type for unary ~: '{}'", type_name(&v)))),
        },
    }
}

// ---------------------------------------------------------------------------------
// Comparison

pub fn compare(ctx: &mut Ctx, op: CmpOp, a: &Value, b: &Value) -> R<Value> {
    Ok(Value::Bool(match op {
        CmpOp::Eq => eq(ctx, a, b)?,
        CmpOp::NotEq => {
            if let Value::Instance(i) = a {
                if let Some(m) = i.class.lookup("__ne__") {
                    let r = call(ctx, &m, vec![a.clone(), b.clone()], vec![])?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(Value::Bool(truthy(ctx, &r)?));
                    }
                }
            }
            !eq(ctx, a, b)?
        }
        CmpOp::Is => a.is(b),
        CmpOp::IsNot => !a.is(b),
        CmpOp::In => contains(ctx, b, a)?,
        CmpOp::NotIn => !contains(ctx, b, a)?,
        CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE => {
            if let (Value::Int(x), Value::Int(y)) = (a, b) {
                return Ok(Value::Bool(match op {
                    CmpOp::Lt => x < y,
                    CmpOp::LtE => x <= y,
                    CmpOp::Gt => x > y,
                    _ => x >= y,
                }));
            }
            return order(ctx, op, a, b);
        }
    }))
}

pub fn eq(ctx: &mut Ctx, a: &Value, b: &Value) -> R<bool> {
    use Value::*;
    Ok(match (a, b) {
        (Int(x), Int(y)) => x == y,
        (Str(x), Str(y)) => x == y,
        (Bytes(x), Bytes(y)) => x == y,
        (Bytes(x), ByteArray(y)) | (ByteArray(y), Bytes(x)) => **x == *y.lock(),
        (ByteArray(x), ByteArray(y)) => Arc::ptr_eq(x, y) || *x.lock() == *y.lock(),
        (None, None) => true,
        (Tuple(x), Tuple(y)) => seq_eq(ctx, x, y)?,
        (List(x), List(y)) => {
            if Arc::ptr_eq(x, y) {
                return Ok(true);
            }
            let (p, q) = (x.lock().clone(), y.lock().clone());
            seq_eq(ctx, &p, &q)?
        }
        (Dict(x), Dict(y)) => {
            if Arc::ptr_eq(x, y) {
                return Ok(true);
            }
            let (p, q) = (x.lock().clone(), y.lock().clone());
            if p.len() != q.len() {
                return Ok(false);
            }
            for (k, v) in p.iter() {
                match q.get(k) {
                    Some(w) => {
                        if !eq(ctx, v, w)? {
                            return Ok(false);
                        }
                    }
                    Option::None => return Ok(false),
                }
            }
            true
        }
        (Set(_) | FrozenSet(_), Set(_) | FrozenSet(_)) => {
            let (p, q) = (set_items(a), set_items(b));
            p.len() == q.len() && p.keys().all(|k| q.contains_key(k))
        }
        (Range(x), Range(y)) => {
            let (lx, ly) = (x.len(), y.len());
            lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)))
        }
        (Instance(i), _) if i.class.lookup("__eq__").is_some() => {
            let m = i.class.lookup("__eq__").unwrap_or(Value::None);
            let r = call(ctx, &m, vec![a.clone(), b.clone()], vec![])?;
            if matches!(r, NotImplemented) {
                return Ok(a.is(b));
            }
            truthy(ctx, &r)?
        }
        (_, Instance(i)) if i.class.lookup("__eq__").is_some() => {
            let m = i.class.lookup("__eq__").unwrap_or(Value::None);
            let r = call(ctx, &m, vec![b.clone(), a.clone()], vec![])?;
            if matches!(r, NotImplemented) {
                return Ok(a.is(b));
            }
            truthy(ctx, &r)?
        }
        (Native(n), _) => match n.call_method(ctx, a, "__eq__", std::slice::from_ref(b), &[]) {
            Some(r) => truthy(ctx, &r?)?,
            Option::None => a.is(b),
        },
        // `b'..' == memoryview(...)`: the view compares its bytes.
        (Bytes(_) | ByteArray(_), Native(n)) if n.buffer().is_some() => {
            match n.call_method(ctx, b, "__eq__", std::slice::from_ref(a), &[]) {
                Some(r) => truthy(ctx, &r?)?,
                Option::None => false,
            }
        }
        // `(1, 2) == point`: the native side decides, as a reflected `__eq__`.
        (_, Native(n)) => match n.call_method(ctx, b, "__eq__", std::slice::from_ref(a), &[]) {
            Some(r) => truthy(ctx, &r?)?,
            Option::None => a.is(b),
        },
        _ => match (as_number(a), as_number(b)) {
            (Some(x), Some(y)) => num_eq(&x, &y),
            _ => a.is(b),
        },
    })
}

fn seq_eq(ctx: &mut Ctx, x: &[Value], y: &[Value]) -> R<bool> {
    if x.len() != y.len() {
        return Ok(false);
    }
    for (p, q) in x.iter().zip(y.iter()) {
        if !p.is(q) && !eq(ctx, p, q)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn order_fail(ctx: &Ctx, op: CmpOp, a: &Value, b: &Value) -> Box<super::Exc> {
    ctx.type_error(format!(
        "'{}' not supported between instances of '{}' and '{}'",
        op.symbol(),
        type_name(a),
        type_name(b)
    ))
}

fn apply(op: CmpOp, o: Ordering) -> bool {
    match op {
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::LtE => o != Ordering::Greater,
        CmpOp::Gt => o == Ordering::Greater,
        _ => o != Ordering::Less,
    }
}

fn order(ctx: &mut Ctx, op: CmpOp, a: &Value, b: &Value) -> R<Value> {
    use Value::*;
    // A namedtuple orders as its tuple (against tuples and namedtuples alike).
    let as_tuple = |v: &Value| match v {
        Native(n) => n.as_tuple().map(Tuple),
        _ => Option::None,
    };
    let (ta, tb) = (as_tuple(a), as_tuple(b));
    if ta.is_some() || tb.is_some() {
        let p = ta.unwrap_or_else(|| a.clone());
        let q = tb.unwrap_or_else(|| b.clone());
        if matches!((&p, &q), (Tuple(_), Tuple(_))) {
            return order(ctx, op, &p, &q);
        }
    }
    let o = match (a, b) {
        (Str(x), Str(y)) => x.as_ref().cmp(y.as_ref()),
        (Bytes(x), Bytes(y)) => x.as_ref().cmp(y.as_ref()),
        (Tuple(_) | List(_), Tuple(_) | List(_))
            if std::mem::discriminant(a) == std::mem::discriminant(b) =>
        {
            let x = iterate(ctx, a)?;
            let y = iterate(ctx, b)?;
            for (p, q) in x.iter().zip(y.iter()) {
                if !eq(ctx, p, q)? {
                    return order(ctx, op, p, q);
                }
            }
            x.len().cmp(&y.len())
        }
        (Set(_) | FrozenSet(_), Set(_) | FrozenSet(_)) => {
            let (p, q) = (set_items(a), set_items(b));
            let sub = p.keys().all(|k| q.contains_key(k));
            let sup = q.keys().all(|k| p.contains_key(k));
            return Ok(Value::Bool(match op {
                CmpOp::Lt => sub && p.len() < q.len(),
                CmpOp::LtE => sub,
                CmpOp::Gt => sup && p.len() > q.len(),
                _ => sup,
            }));
        }
        (Instance(_), _) | (_, Instance(_)) => {
            let (name, rname) = match op {
                CmpOp::Lt => ("__lt__", "__gt__"),
                CmpOp::LtE => ("__le__", "__ge__"),
                CmpOp::Gt => ("__gt__", "__lt__"),
                _ => ("__ge__", "__le__"),
            };
            if let Instance(i) = a {
                if let Some(m) = i.class.lookup(name) {
                    let r = call(ctx, &m, vec![a.clone(), b.clone()], vec![])?;
                    if !matches!(r, NotImplemented) {
                        return Ok(r);
                    }
                }
            }
            if let Instance(i) = b {
                if let Some(m) = i.class.lookup(rname) {
                    let r = call(ctx, &m, vec![b.clone(), a.clone()], vec![])?;
                    if !matches!(r, NotImplemented) {
                        return Ok(r);
                    }
                }
            }
            return Err(order_fail(ctx, op, a, b));
        }
        _ => match (as_number(a), as_number(b)) {
            (Some(x), Some(y)) => match num_cmp(&x, &y) {
                Some(o) => o,
                Option::None => return Ok(Value::Bool(false)),
            },
            _ => return Err(order_fail(ctx, op, a, b)),
        },
    };
    Ok(Value::Bool(apply(op, o)))
}

/// Order two values for `sorted`/`min`/`max`: is `a < b`?
pub fn less_than(ctx: &mut Ctx, a: &Value, b: &Value) -> R<bool> {
    let r = compare(ctx, CmpOp::Lt, a, b)?;
    truthy(ctx, &r)
}

pub fn greater_than(ctx: &mut Ctx, a: &Value, b: &Value) -> R<bool> {
    let r = compare(ctx, CmpOp::Gt, a, b)?;
    truthy(ctx, &r)
}

pub fn contains(ctx: &mut Ctx, container: &Value, item: &Value) -> R<bool> {
    match container {
        Value::Str(s) => match item {
            Value::Str(sub) => Ok(s.contains(&**sub)),
            _ => Err(ctx.type_error(format!(
                "'in <string>' requires string as left operand, not {}",
                type_name(item)
            ))),
        },
        Value::Bytes(_) | Value::ByteArray(_) => {
            let hay = (ctx.interp.library.bytes_like)(ctx, container)?;
            match item {
                Value::Int(i) => {
                    if !(0..=255).contains(i) {
                        return Err(ctx.value_error("byte must be in range(0, 256)"));
                    }
                    Ok(hay.contains(&(*i as u8)))
                }
                Value::Bytes(_) | Value::ByteArray(_) => {
                    let needle = (ctx.interp.library.bytes_like)(ctx, item)?;
                    Ok(needle.is_empty() || hay.windows(needle.len()).any(|w| w == &needle[..]))
                }
                _ => Err(ctx.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    type_name(item)
                ))),
            }
        }
        Value::Dict(d) | Value::Set(d) => {
            let k = hash_key(ctx, item)?;
            Ok(d.lock().contains_key(&k))
        }
        Value::FrozenSet(d) => {
            let k = hash_key(ctx, item)?;
            Ok(d.contains_key(&k))
        }
        Value::Range(r) => match as_number(item) {
            Some(Num::I(i)) if !matches!(item, Value::Float(_)) => {
                let i = i as i128;
                let in_bounds = if r.step > 0 {
                    i >= r.start && i < r.stop
                } else {
                    i <= r.start && i > r.stop
                };
                Ok(in_bounds && (i - r.start) % r.step == 0)
            }
            _ => {
                for x in iterate(ctx, container)? {
                    if eq(ctx, &x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        },
        Value::Instance(i) if i.class.lookup("__contains__").is_some() => {
            let m = i.class.lookup("__contains__").unwrap_or(Value::None);
            let r = call(ctx, &m, vec![container.clone(), item.clone()], vec![])?;
            truthy(ctx, &r)
        }
        Value::Native(n) => {
            if let Some(r) = n.call_method(
                ctx,
                container,
                "__contains__",
                std::slice::from_ref(item),
                &[],
            ) {
                let r = r?;
                return truthy(ctx, &r);
            }
            // An iterator (a generator, map, filter): consumed up to the first match.
            if n.attr_names().contains(&"__next__") {
                while let Some(x) = crate::interp::exec::next(ctx, container)? {
                    if x.is(item) || eq(ctx, &x, item)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            Err(ctx.type_error(format!(
                "argument of type '{}' is not iterable",
                type_name(container)
            )))
        }
        _ => {
            let items = match container {
                Value::List(l) => l.lock().clone(),
                Value::Tuple(t) => t.to_vec(),
                _ => iterate(ctx, container).map_err(|_| {
                    ctx.type_error(format!(
                        "argument of type '{}' is not iterable",
                        type_name(container)
                    ))
                })?,
            };
            for x in items {
                if x.is(item) || eq(ctx, &x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}
