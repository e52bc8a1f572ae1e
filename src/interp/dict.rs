//! Dictionary and set storage: insertion-ordered, keyed by Python equality.
//!
//! `1`, `1.0` and `True` are one key, as in CPython; strings, bytes, tuples of
//! hashables and frozensets hash by value; classes, functions and instances by identity.

use super::value::Value;
use indexmap::IndexMap;
use std::hash::{Hash, Hasher};

#[derive(Clone)]
pub struct Key(pub Value);

pub type Dict = IndexMap<Key, Value>;

impl Key {
    /// The key for `v`, or the type name CPython puts in `unhashable type: 'list'`.
    pub fn new(v: &Value) -> Result<Key, &'static str> {
        check_hashable(v)?;
        Ok(Key(v.clone()))
    }
}

fn check_hashable(v: &Value) -> Result<(), &'static str> {
    match v {
        Value::List(_) => Err("list"),
        Value::Dict(_) => Err("dict"),
        Value::Set(_) => Err("set"),
        Value::ByteArray(_) => Err("bytearray"),
        Value::Slice(_) => Err("slice"),
        Value::Tuple(items) => items.iter().try_for_each(check_hashable),
        _ => Ok(()),
    }
}

fn hash_value<H: Hasher>(v: &Value, h: &mut H) {
    match v {
        Value::None => 0u8.hash(h),
        Value::Bool(b) => (*b as i64).hash(h),
        Value::Int(i) => i.hash(h),
        Value::BigInt(b) => b.hash(h),
        Value::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 9.2e18 {
                (*f as i64).hash(h)
            } else {
                f.to_bits().hash(h)
            }
        }
        Value::Str(s) => s.hash(h),
        Value::Bytes(b) => b.hash(h),
        Value::Tuple(items) => {
            items.len().hash(h);
            for it in items.iter() {
                hash_value(it, h);
            }
        }
        Value::FrozenSet(d) => {
            // Order-independent: combine element hashes commutatively.
            let mut acc = 0u64;
            for k in d.keys() {
                let mut sub = std::collections::hash_map::DefaultHasher::new();
                hash_value(&k.0, &mut sub);
                acc = acc.wrapping_add(sub.finish());
            }
            acc.hash(h)
        }
        other => other.id().hash(h),
    }
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, h: &mut H) {
        hash_value(&self.0, h)
    }
}

/// Equality of hashable values, as `==` sees them.
pub fn key_eq(a: &Value, b: &Value) -> bool {
    use Value::*;
    match (a, b) {
        (Str(x), Str(y)) => x == y,
        (Int(x), Int(y)) => x == y,
        (Bytes(x), Bytes(y)) => x == y,
        (Tuple(x), Tuple(y)) => x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| key_eq(p, q)),
        (FrozenSet(x), FrozenSet(y)) => x.len() == y.len() && x.keys().all(|k| y.contains_key(k)),
        (None, None) => true,
        _ => match (super::ops::as_number(a), super::ops::as_number(b)) {
            (Some(x), Some(y)) => super::ops::num_eq(&x, &y),
            _ => a.is(b),
        },
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        key_eq(&self.0, &other.0)
    }
}
impl Eq for Key {}
