//! The methods of `set` and `frozenset`.

use super::*;

pub(super) fn set_method(ctx: &mut Ctx, this: &Value, name: &str, a: &[Value]) -> Option<R<Value>> {
    // The calls a server's bookkeeping makes once per client, first: straight to the
    // storage, without the copying of results through the general path's layers.
    if let (Value::Set(d), [x]) = (this, a) {
        match name {
            "add" => {
                return Some(hash_key(ctx, x).map(|k| {
                    d.lock().add(k);
                    Value::None
                }))
            }
            "discard" => {
                return Some(hash_key(ctx, x).map(|k| {
                    d.lock().discard(&k);
                    Value::None
                }))
            }
            _ => {}
        }
    }
    if let (Value::Set(d), "pop", []) = (this, name, a) {
        if let Some(k) = d.lock().pop_set() {
            return Some(Ok(k));
        }
    }
    let items = |v: &Value| -> Dict {
        match v {
            Value::Set(d) => d.lock().clone(),
            Value::FrozenSet(d) => (**d).clone(),
            _ => Dict::new(),
        }
    };
    let to_set = |ctx: &mut Ctx, v: &Value| -> R<Dict> {
        match v {
            Value::Set(_) | Value::FrozenSet(_) => Ok(items(v)),
            other => {
                let mut d = Dict::new();
                for x in iterate(ctx, other)? {
                    d.insert(hash_key(ctx, &x)?, Value::None);
                }
                Ok(d)
            }
        }
    };
    let wrap = |d: Dict| match this {
        Value::FrozenSet(_) => Value::FrozenSet(Arc::new(d)),
        _ => Value::Set(Arc::new(Mutex::new(d))),
    };
    // Only the operations that read the whole set copy it: add, discard and pop are O(1).
    let mine = || items(this);
    Some((|| -> R<Value> {
        Ok(match (name, this) {
            ("add", Value::Set(d)) => {
                let k = hash_key(ctx, &a[0])?;
                d.lock().add(k);
                Value::None
            }
            ("remove", Value::Set(d)) => {
                let k = hash_key(ctx, &a[0])?;
                if !d.lock().discard(&k) {
                    return Err(Exc::new(types::new_exception(
                        "KeyError",
                        vec![a[0].clone()],
                    )));
                }
                Value::None
            }
            ("discard", Value::Set(d)) => {
                let k = hash_key(ctx, &a[0])?;
                d.lock().discard(&k);
                Value::None
            }
            ("pop", Value::Set(d)) => match d.lock().pop_set() {
                Some(k) => k,
                None => {
                    return Err(Exc::new(types::new_exception(
                        "KeyError",
                        vec![Value::str("pop from an empty set")],
                    )))
                }
            },
            ("clear", Value::Set(d)) => {
                d.lock().clear();
                Value::None
            }
            ("update", Value::Set(d)) => {
                for v in a {
                    let other = to_set(ctx, v)?;
                    d.lock().extend(other);
                }
                Value::None
            }
            ("copy", Value::Set(d)) => wrap(crate::interp::dict::merged(&d.lock())),
            ("copy", Value::FrozenSet(_)) => this.clone(),
            ("union", _) => {
                let mut out = mine();
                for v in a {
                    out.extend(to_set(ctx, v)?);
                }
                wrap(out)
            }
            ("intersection", _) => {
                let mut out = mine();
                for v in a {
                    let o = to_set(ctx, v)?;
                    out.retain(|k, _| o.contains_key(k));
                }
                wrap(out)
            }
            ("difference", _) => {
                let mut out = mine();
                for v in a {
                    let o = to_set(ctx, v)?;
                    out.retain(|k, _| !o.contains_key(k));
                }
                wrap(out)
            }
            ("symmetric_difference", _) => {
                let o = to_set(ctx, &a[0])?;
                let mine = mine();
                let mut out: Dict = mine
                    .iter()
                    .filter(|(k, _)| !o.contains_key(k))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                for (k, v) in o.iter() {
                    if !mine.contains_key(k) {
                        out.insert(k.clone(), v.clone());
                    }
                }
                wrap(out)
            }
            (
                "difference_update" | "intersection_update" | "symmetric_difference_update",
                Value::Set(d),
            ) => {
                // The operation, then the set takes its result in place.
                let base = name.trim_end_matches("_update");
                match &set_method(ctx, this, base, a) {
                    Some(Ok(Value::Set(new))) => {
                        let new = new.lock().clone();
                        *d.lock() = new;
                    }
                    Some(Err(e)) => return Err(e.clone()),
                    _ => {}
                }
                Value::None
            }
            ("issubset", _) => {
                let o = to_set(ctx, &a[0])?;
                Value::Bool(mine().keys().all(|k| o.contains_key(k)))
            }
            ("issuperset", _) => {
                let o = to_set(ctx, &a[0])?;
                let mine = mine();
                let all = o.keys().all(|k| mine.contains_key(k));
                Value::Bool(all)
            }
            ("isdisjoint", _) => {
                let o = to_set(ctx, &a[0])?;
                Value::Bool(!mine().keys().any(|k| o.contains_key(k)))
            }
            _ => return Err(ctx.err("AttributeError", "")),
        })
    })())
    .filter(|r| !matches!(r, Err(e) if e.is("AttributeError") && repr_is_empty(e)))
}
