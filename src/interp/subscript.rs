//! Indexing and slicing (`x[i]`, `x[a:b:c]`, assignment and `del` of items) and the
//! keys of mappings, with CPython's results and error messages.

use super::dict::Key;
use super::exec::{call, hash_key, hash_key_owned, iterate};
use super::types::type_name;
use super::value::Value;
use super::{Ctx, R};
use crate::interp::sharing::Mutex;
use num_traits::Signed;
use std::sync::Arc;

/// Python's `slice.indices(len)`: start, stop, step clamped to a sequence.
pub fn slice_indices(ctx: &Ctx, parts: &[Value; 3], len: i64) -> R<(i64, i64, i64)> {
    let get = |v: &Value| -> R<Option<i64>> {
        match v {
            Value::None => Ok(None),
            Value::Int(i) => Ok(Some(*i)),
            Value::Bool(b) => Ok(Some(*b as i64)),
            Value::BigInt(b) => Ok(Some(if b.is_negative() {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            })),
            _ => Err(ctx
                .type_error("slice indices must be integers or None or have an __index__ method")),
        }
    };
    let step = get(&parts[2])?.unwrap_or(1);
    if step == 0 {
        return Err(ctx.value_error("slice step cannot be zero"));
    }
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let fix = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(i) if i < 0 => (i + len).max(lower),
            Some(i) => i.min(upper),
        }
    };
    let start = fix(get(&parts[0])?, if step < 0 { upper } else { lower });
    let stop = fix(get(&parts[1])?, if step < 0 { lower } else { upper });
    Ok((start, stop, step))
}

pub fn slice_positions(start: i64, stop: i64, step: i64) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    out
}

fn index_of(ctx: &Ctx, v: &Value, len: usize, what: &str) -> R<usize> {
    let i = match v {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => {
            return Err(ctx.err(
                "IndexError",
                "cannot fit 'int' into an index-sized integer".to_string(),
            ));
        }
        _ => unreachable_index(),
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(ctx.err("IndexError", format!("{what} index out of range")));
    }
    Ok(j as usize)
}

fn unreachable_index() -> i64 {
    0
}

fn is_index(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

/// `seq[index]` for a list or tuple's items: `Ok(part)` for a slice (the caller wraps
/// it in its own type), `Err(item)` for one item; CPython's messages name `what`.
fn seq_item(ctx: &Ctx, items: &[Value], index: &Value, what: &str) -> R<Result<Vec<Value>, Value>> {
    if let Value::Slice(s) = index {
        let (a, b, c) = slice_indices(ctx, s, items.len() as i64)?;
        return Ok(Ok(slice_positions(a, b, c)
            .into_iter()
            .map(|i| items[i].clone())
            .collect()));
    }
    if !is_index(index) {
        return Err(ctx.type_error(format!(
            "{what} indices must be integers or slices, not {}",
            type_name(index)
        )));
    }
    let i = index_of(ctx, index, items.len(), what)?;
    Ok(Err(items[i].clone()))
}

pub fn getitem(ctx: &mut Ctx, obj: &Value, index: &Value) -> R<Value> {
    match obj {
        Value::List(l) => {
            // The helper runs no Python code, so holding the list's lock is safe.
            let items = l.lock();
            match seq_item(ctx, &items, index, "list")? {
                Ok(part) => Ok(Value::list(part)),
                Err(one) => Ok(one),
            }
        }
        Value::Tuple(t) => match seq_item(ctx, t, index, "tuple")? {
            Ok(part) => Ok(Value::tuple(part)),
            Err(one) => Ok(one),
        },
        Value::Str(s) => {
            let ascii = s.is_ascii();
            if let Value::Slice(sl) = index {
                if ascii {
                    let (a, b, c) = slice_indices(ctx, sl, s.len() as i64)?;
                    if c == 1 {
                        return Ok(Value::str(if a < b {
                            &s[a as usize..b as usize]
                        } else {
                            ""
                        }));
                    }
                    let bytes = s.as_bytes();
                    let out: String = slice_positions(a, b, c)
                        .into_iter()
                        .map(|i| bytes[i] as char)
                        .collect();
                    return Ok(Value::string(out));
                }
                let chars: Vec<char> = s.chars().collect();
                let (a, b, c) = slice_indices(ctx, sl, chars.len() as i64)?;
                return Ok(Value::string(
                    slice_positions(a, b, c)
                        .into_iter()
                        .map(|i| chars[i])
                        .collect(),
                ));
            }
            if !is_index(index) {
                return Err(ctx.type_error(format!(
                    "string indices must be integers, not '{}'",
                    type_name(index)
                )));
            }
            if ascii {
                let i = index_of(ctx, index, s.len(), "string")?;
                return Ok(Value::str(&s[i..i + 1]));
            }
            let chars: Vec<char> = s.chars().collect();
            let i = index_of(ctx, index, chars.len(), "string")?;
            Ok(Value::string(chars[i].to_string()))
        }
        Value::Bytes(_) | Value::ByteArray(_) => {
            let data = (ctx.interp.library.bytes_like)(ctx, obj)?;
            if let Value::Slice(sl) = index {
                let (a, b, c) = slice_indices(ctx, sl, data.len() as i64)?;
                let out: Vec<u8> = slice_positions(a, b, c)
                    .into_iter()
                    .map(|i| data[i])
                    .collect();
                return Ok(match obj {
                    Value::Bytes(_) => Value::Bytes(out.into()),
                    _ => Value::ByteArray(Arc::new(Mutex::new(out))),
                });
            }
            if !is_index(index) {
                let what = if matches!(obj, Value::Bytes(_)) {
                    "byte"
                } else {
                    "bytearray"
                };
                return Err(ctx.type_error(format!(
                    "{what} indices must be integers or slices, not {}",
                    type_name(index)
                )));
            }
            let what = if matches!(obj, Value::Bytes(_)) {
                ""
            } else {
                "bytearray "
            };
            let i = index_of(
                ctx,
                index,
                data.len(),
                &format!("{what}index").replace(" index", ""),
            )
            .map_err(|_| ctx.err("IndexError", format!("{what}index out of range")))?;
            Ok(Value::Int(data[i] as i64))
        }
        Value::Range(r) => {
            if let Value::Slice(sl) = index {
                let (a, b, c) = slice_indices(ctx, sl, r.len().min(i64::MAX as i128) as i64)?;
                return Ok(Value::Range(Arc::new(super::value::RangeObj {
                    start: r.start + a as i128 * r.step,
                    stop: r.start + b as i128 * r.step,
                    step: r.step * c as i128,
                })));
            }
            if !is_index(index) {
                return Err(ctx.type_error(format!(
                    "range indices must be integers or slices, not {}",
                    type_name(index)
                )));
            }
            let i = index_of(
                ctx,
                index,
                r.len().min(i64::MAX as i128) as usize,
                "range object",
            )?;
            Ok(super::value::int_value(r.start + i as i128 * r.step))
        }
        Value::Dict(d) => {
            let k = hash_key(ctx, index)?;
            let found = d.lock().get(&k).cloned();
            match found {
                Some(v) => Ok(v),
                None => Err(super::Exc::new(super::types::new_exception(
                    "KeyError",
                    vec![index.clone()],
                ))),
            }
        }
        Value::Instance(i) => match i.class.lookup("__getitem__") {
            Some(m) => call(ctx, &m, vec![obj.clone(), index.clone()], vec![]),
            None => {
                Err(ctx.type_error(format!("'{}' object is not subscriptable", type_name(obj))))
            }
        },
        // `list[int]` in an annotation: a generic alias of the built-in class.
        Value::Class(c) if c.def.is_none() => Ok(crate::interp::objects::generic_alias(c, index)),
        // A class of the program's that defines `__class_getitem__` (a class method
        // without saying so, as in CPython): `Generic[T]`, `Stack[int]`.
        Value::Class(c) => match c.lookup("__class_getitem__") {
            Some(m) => call(ctx, &m, vec![obj.clone(), index.clone()], vec![]),
            None => Err(ctx.type_error(format!("type '{}' is not subscriptable", c.name))),
        },
        Value::Native(n) => {
            match n.call_method(ctx, obj, "__getitem__", std::slice::from_ref(index), &[]) {
                Some(r) => r,
                None => {
                    Err(ctx.type_error(format!("'{}' object is not subscriptable", type_name(obj))))
                }
            }
        }
        _ => Err(ctx.type_error(format!("'{}' object is not subscriptable", type_name(obj)))),
    }
}

pub fn setitem(ctx: &mut Ctx, obj: &Value, index: Value, v: Value) -> R<()> {
    match obj {
        Value::List(l) => {
            if let Value::Slice(s) = &index {
                let items = iterate(ctx, &v)?;
                let mut list = l.lock();
                let (a, b, c) = slice_indices(ctx, s, list.len() as i64)?;
                if c == 1 {
                    let b = b.max(a);
                    list.splice(a as usize..b as usize, items);
                    return Ok(());
                }
                let pos = slice_positions(a, b, c);
                if pos.len() != items.len() {
                    return Err(ctx.value_error(format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        items.len(),
                        pos.len()
                    )));
                }
                for (p, it) in pos.into_iter().zip(items) {
                    list[p] = it;
                }
                return Ok(());
            }
            if !is_index(&index) {
                return Err(ctx.type_error(format!(
                    "list indices must be integers or slices, not {}",
                    type_name(&index)
                )));
            }
            let mut list = l.lock();
            let i = index_of(ctx, &index, list.len(), "list assignment")?;
            list[i] = v;
            Ok(())
        }
        Value::ByteArray(b) => {
            let byte = match v {
                Value::Int(x) if (0..=255).contains(&x) => x as u8,
                Value::Int(_) => return Err(ctx.value_error("byte must be in range(0, 256)")),
                _ => {
                    return Err(ctx.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        type_name(&v)
                    )))
                }
            };
            let mut data = b.lock();
            let i = index_of(ctx, &index, data.len(), "bytearray")?;
            data[i] = byte;
            Ok(())
        }
        Value::Dict(d) => {
            let k = hash_key_owned(ctx, index)?;
            d.lock().insert(k, v);
            Ok(())
        }
        Value::Native(n) => match n.call_method(ctx, obj, "__setitem__", &[index, v], &[]) {
            Some(r) => r.map(|_| ()),
            None => Err(ctx.type_error(format!(
                "'{}' object does not support item assignment",
                type_name(obj)
            ))),
        },
        Value::Instance(i) => match i.class.lookup("__setitem__") {
            Some(m) => call(ctx, &m, vec![obj.clone(), index, v], vec![]).map(|_| ()),
            None => Err(ctx.type_error(format!(
                "'{}' object does not support item assignment",
                type_name(obj)
            ))),
        },
        _ => Err(ctx.type_error(format!(
            "'{}' object does not support item assignment",
            type_name(obj)
        ))),
    }
}

pub fn delitem(ctx: &mut Ctx, obj: &Value, index: &Value) -> R<()> {
    match obj {
        Value::List(l) => {
            if let Value::Slice(s) = index {
                let mut list = l.lock();
                let (a, b, c) = slice_indices(ctx, s, list.len() as i64)?;
                let mut pos = slice_positions(a, b, c);
                pos.sort_unstable();
                for p in pos.into_iter().rev() {
                    list.remove(p);
                }
                return Ok(());
            }
            let mut list = l.lock();
            let i = index_of(ctx, index, list.len(), "list assignment")?;
            list.remove(i);
            Ok(())
        }
        Value::Dict(d) => {
            let k = hash_key(ctx, index)?;
            match d.lock().remove(&k) {
                Some(_) => Ok(()),
                None => Err(super::Exc::new(super::types::new_exception(
                    "KeyError",
                    vec![index.clone()],
                ))),
            }
        }
        Value::Native(n) => {
            match n.call_method(ctx, obj, "__delitem__", std::slice::from_ref(index), &[]) {
                Some(r) => r.map(|_| ()),
                None => Err(ctx.type_error(format!(
                    "'{}' object doesn't support item deletion",
                    type_name(obj)
                ))),
            }
        }
        Value::Instance(i) => match i.class.lookup("__delitem__") {
            Some(m) => call(ctx, &m, vec![obj.clone(), index.clone()], vec![]).map(|_| ()),
            None => Err(ctx.type_error(format!(
                "'{}' object doesn't support item deletion",
                type_name(obj)
            ))),
        },
        _ => Err(ctx.type_error(format!(
            "'{}' object doesn't support item deletion",
            type_name(obj)
        ))),
    }
}

/// The (key, value) pairs of a mapping, for `**m` and `dict(m)`.
pub fn mapping_items(ctx: &mut Ctx, m: &Value) -> R<Vec<(Value, Value)>> {
    match m {
        Value::Dict(d) => Ok(d
            .lock()
            .iter()
            .map(|(k, v)| (k.0.clone(), v.clone()))
            .collect()),
        _ => {
            let keys = super::exec::call_method(ctx, m, "keys", vec![], vec![]).map_err(|_| {
                ctx.type_error(format!("'{}' object is not a mapping", type_name(m)))
            })?;
            let mut out = Vec::new();
            for k in iterate(ctx, &keys)? {
                let v = getitem(ctx, m, &k)?;
                out.push((k, v));
            }
            Ok(out)
        }
    }
}

pub fn key_of(ctx: &mut Ctx, v: &Value) -> R<Key> {
    hash_key(ctx, v)
}
