//! Dictionary and set storage: insertion-ordered, keyed by Python equality.
//!
//! `1`, `1.0` and `True` are one key, as in CPython; strings, bytes, tuples of
//! hashables and frozensets hash by value; classes, functions and instances by identity.

use super::value::Value;
use indexmap::IndexMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

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
        Value::Native(n) if n.as_int().is_some() => n.as_int().hash(h),
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
        Value::Instance(i) => match i.hash.get() {
            Some(user) => user.hash(h),
            None => other_id(v).hash(h),
        },
        other => other.id().hash(h),
    }
}

fn other_id(v: &Value) -> usize {
    v.id()
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
        (Tuple(x), Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| key_eq(p, q))
        }
        (FrozenSet(x), FrozenSet(y)) => x.len() == y.len() && x.keys().all(|k| y.contains_key(k)),
        (None, None) => true,
        // Instances with their own `__hash__`: equal hashes stand for `__eq__` (the
        // storage cannot call back into Python); right for value classes like ipaddress.
        (Instance(x), Instance(y)) => match (x.hash.get(), y.hash.get()) {
            (Some(p), Some(q)) => {
                p == q && Arc::ptr_eq(&x.class, &y.class) || std::sync::Arc::ptr_eq(x, y)
            }
            _ => std::sync::Arc::ptr_eq(x, y),
        },
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

/// CPython's hash of values whose hash does not depend on a random seed.
fn stable_hash(v: &Value) -> Option<i64> {
    const P: i128 = (1 << 61) - 1;
    let h = match v {
        Value::Int(i) => {
            let m = (*i as i128).abs() % P;
            if *i < 0 {
                -(m as i64)
            } else {
                m as i64
            }
        }
        Value::Bool(b) => *b as i64,
        Value::Float(f) if f.fract() == 0.0 && f.abs() < 1e18 => {
            return stable_hash(&Value::Int(*f as i64))
        }
        Value::Native(n) => n.as_int()?,
        _ => return None,
    };
    Some(if h == -1 { -2 } else { h })
}

/// The order CPython's set iterates in: the order of its hash table's slots. For
/// elements whose hash is deterministic (ints, bools) we replay CPython's insertion,
/// probing and resizing; for anything else CPython's order depends on a random seed,
/// and insertion order is as good as any.
pub fn cpython_set_order(d: &Dict) -> Vec<Value> {
    let keys: Vec<Value> = d.keys().map(|k| k.0.clone()).collect();
    let hashes: Option<Vec<i64>> = keys.iter().map(stable_hash).collect();
    let Some(hashes) = hashes else { return keys };
    const LINEAR_PROBES: usize = 9;
    const PERTURB_SHIFT: u32 = 5;
    fn insert_clean(table: &mut [Option<(i64, usize)>], hash: i64, idx: usize) {
        let mask = table.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if table[i].is_none() {
                table[i] = Some((hash, idx));
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if table[i + j].is_none() {
                        table[i + j] = Some((hash, idx));
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }
    let mut table: Vec<Option<(i64, usize)>> = vec![None; 8];
    let mut used = 0usize;
    for (idx, &h) in hashes.iter().enumerate() {
        insert_clean(&mut table, h, idx);
        used += 1;
        let mask = table.len() - 1;
        if used * 5 >= mask * 3 {
            let minused = if used > 50000 { used * 2 } else { used * 4 };
            let mut size = 8;
            while size <= minused {
                size <<= 1;
            }
            let old = std::mem::replace(&mut table, vec![None; size]);
            for (h, i) in old.into_iter().flatten() {
                insert_clean(&mut table, h, i);
            }
        }
    }
    table
        .into_iter()
        .flatten()
        .map(|(_, i)| keys[i].clone())
        .collect()
}
