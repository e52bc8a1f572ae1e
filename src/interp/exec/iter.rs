//! Truth and iteration: `bool(x)`, `iter(x)`, `next(it)` over every iterable kind.

use super::*;

pub fn truthy(ctx: &mut Ctx, v: &Value) -> R<bool> {
    Ok(match v {
        Value::None => false,
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::BigInt(_) => true,
        Value::Float(f) => *f != 0.0,
        Value::Str(s) => !s.is_empty(),
        Value::Bytes(b) => !b.is_empty(),
        Value::ByteArray(b) => !b.lock().is_empty(),
        Value::Tuple(t) => !t.is_empty(),
        Value::List(l) => !l.lock().is_empty(),
        Value::Dict(d) | Value::Set(d) => !d.lock().is_empty(),
        Value::FrozenSet(d) => !d.is_empty(),
        Value::Range(r) => !r.is_empty(),
        Value::Instance(inst) => {
            if let Some(m) = inst.class.lookup("__bool__") {
                let r = call(ctx, &m, vec![v.clone()], vec![])?;
                return match r {
                    Value::Bool(b) => Ok(b),
                    other => Err(ctx.type_error(format!(
                        "__bool__ should return bool, returned {}",
                        type_name(&other)
                    ))),
                };
            }
            if let Some(m) = inst.class.lookup("__len__") {
                let r = call(ctx, &m, vec![v.clone()], vec![])?;
                return Ok(!matches!(r, Value::Int(0)));
            }
            true
        }
        Value::Native(n) => match n.call_method(ctx, v, "__bool__", &[], &[]) {
            Some(r) => truthy(ctx, &r?)?,
            None => true,
        },
        _ => true,
    })
}

pub fn get_iter(ctx: &mut Ctx, v: &Value) -> R<Value> {
    let state = match v {
        Value::List(_) | Value::Tuple(_) | Value::Bytes(_) | Value::ByteArray(_) => {
            IterState::Seq {
                seq: v.clone(),
                index: 0,
            }
        }
        Value::Str(s) => IterState::Str {
            s: s.clone(),
            byte: 0,
        },
        Value::Range(r) => IterState::Range {
            next: r.start,
            stop: r.stop,
            step: r.step,
        },
        Value::Dict(d) => IterState::Dict {
            dict: d.clone(),
            index: 0,
            len: d.lock().len(),
            part: DictPart::Keys,
        },
        Value::Set(d) => IterState::Items {
            items: d.lock().set_order(),
            index: 0,
            kind: "set_iterator",
        },
        Value::FrozenSet(d) => IterState::Items {
            items: crate::interp::dict::cpython_set_order(d),
            index: 0,
            kind: "set_iterator",
        },
        Value::Iter(_) => return Ok(v.clone()),
        Value::Instance(inst) => {
            if let Some(m) = inst.class.lookup("__iter__") {
                let it = call(ctx, &m, vec![v.clone()], vec![])?;
                if let Value::Instance(_) = it {
                    return Ok(Value::Iter(Arc::new(Mutex::new(IterState::Object(it)))));
                }
                return Ok(it);
            }
            if inst.class.lookup("__getitem__").is_some() {
                let mut items = Vec::new();
                let mut i = 0;
                loop {
                    match crate::interp::ops::getitem(ctx, v, &Value::Int(i)) {
                        Ok(x) => items.push(x),
                        Err(e) if types::is_instance_of(&e.value, "IndexError") => break,
                        Err(e) => return Err(e),
                    }
                    i += 1;
                }
                return Ok(Value::Iter(Arc::new(Mutex::new(IterState::Items {
                    items,
                    index: 0,
                    kind: "iterator",
                }))));
            }
            return Err(ctx.type_error(format!("'{}' object is not iterable", type_name(v))));
        }
        Value::Native(n) => match n.call_method(ctx, v, "__iter__", &[], &[]) {
            Some(r) => return r,
            None => {
                return Err(ctx.type_error(format!("'{}' object is not iterable", type_name(v))))
            }
        },
        _ => return Err(ctx.type_error(format!("'{}' object is not iterable", type_name(v)))),
    };
    Ok(Value::Iter(Arc::new(Mutex::new(state))))
}

/// The next item of an iterator made by `get_iter`, or `None` when it is exhausted.
pub fn next(ctx: &mut Ctx, it: &Value) -> R<Option<Value>> {
    let Value::Iter(state) = it else {
        if let Some(g) = generator::as_generator(it) {
            return g.next(ctx);
        }
        if let Value::Native(n) = it {
            return match n.call_method(ctx, it, "__next__", &[], &[]) {
                Some(Ok(v)) => Ok(Some(v)),
                Some(Err(e)) if types::is_instance_of(&e.value, "StopIteration") => Ok(None),
                Some(Err(e)) => Err(e),
                None => {
                    Err(ctx.type_error(format!("'{}' object is not an iterator", type_name(it))))
                }
            };
        }
        return Err(ctx.type_error(format!("'{}' object is not an iterator", type_name(it))));
    };
    // Built-ins that consume iterators (`list`, `sum`, `sorted`...) spend the budget too.
    ctx.charge_steps(1)?;
    let mut st = state.lock();
    let out = match &mut *st {
        IterState::Seq { seq, index } => {
            let item = match seq {
                Value::List(l) => l.lock().get(*index).cloned(),
                Value::Tuple(t) => t.get(*index).cloned(),
                Value::Bytes(b) => b.get(*index).map(|&x| Value::Int(x as i64)),
                Value::ByteArray(b) => b.lock().get(*index).map(|&x| Value::Int(x as i64)),
                _ => None,
            };
            *index += 1;
            item
        }
        IterState::Range { next, stop, step } => {
            if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                let v = *next;
                *next += *step;
                Some(crate::interp::value::int_value(v))
            } else {
                None
            }
        }
        IterState::Items { items, index, .. } => {
            let v = items.get(*index).cloned();
            *index += 1;
            v
        }
        IterState::Dict {
            dict,
            index,
            len,
            part,
        } => {
            let d = dict.lock();
            if d.len() != *len {
                *len = usize::MAX;
                drop(d);
                return Err(ctx.err("RuntimeError", "dictionary changed size during iteration"));
            }
            let item = d.next_from(*index).map(|(i, k, v)| {
                *index = i;
                match part {
                    DictPart::Keys => k.0.clone(),
                    DictPart::Values => v.clone(),
                    DictPart::Items => Value::tuple(vec![k.0.clone(), v.clone()]),
                }
            });
            *index += 1;
            item
        }
        IterState::Str { s, byte } => match s[*byte..].chars().next() {
            Some(c) => {
                *byte += c.len_utf8();
                let mut buf = [0u8; 4];
                Some(Value::str(c.encode_utf8(&mut buf)))
            }
            None => None,
        },
        IterState::Object(obj) => {
            let obj = obj.clone();
            drop(st);
            return match call_method(ctx, &obj, "__next__", vec![], vec![]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if types::is_instance_of(&e.value, "StopIteration") => Ok(None),
                Err(e) => Err(e),
            };
        }
        IterState::Done => None,
    };
    if out.is_none() {
        *st = IterState::Done;
    }
    Ok(out)
}

/// All items of an iterable.
pub fn iterate(ctx: &mut Ctx, v: &Value) -> R<Vec<Value>> {
    match v {
        Value::List(l) => return Ok(l.lock().clone()),
        Value::Tuple(t) => return Ok(t.to_vec()),
        _ => {}
    }
    let mut out = Vec::new();
    // CPython sizes the list first: `list(range(2**40))` is a MemoryError at once.
    if let Value::Range(r) = v {
        let n = r.len().max(0) as u128;
        crate::interp::ops::check_alloc(n * std::mem::size_of::<Value>() as u128)?;
        out.reserve(n as usize);
    }
    let it = get_iter(ctx, v)?;
    while let Some(x) = next(ctx, &it)? {
        out.push(x);
    }
    Ok(out)
}
