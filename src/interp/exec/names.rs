//! Names: loading and storing variables (locals, cells, globals, builtins), with
//! CPython's NameError and UnboundLocalError; assignment, unpacking, `del`, `+=`.

use super::*;

#[inline]
pub(super) fn slot_kind(slot: u32) -> (u32, usize) {
    (slot >> KIND_SHIFT, (slot & INDEX_MASK) as usize)
}

pub fn load(ctx: &mut Ctx, f: &Frame, id: &Ident) -> R<Value> {
    let (kind, i) = slot_kind(id.slot.get());
    match kind {
        LOCAL => match f.slots.get(i) {
            Some(Some(v)) => Ok(v.clone()),
            _ => Err(unbound_local(ctx, id)),
        },
        CELL => match f.slots.get(i) {
            Some(Some(Value::Cell(c))) => match &*c.lock() {
                Some(v) => Ok(v.clone()),
                None => {
                    let is_free =
                        f.func
                            .and_then(|func| func.def.layout.0.get())
                            .is_some_and(|l| {
                                i >= l.first_free as usize
                                    && i < l.first_free as usize + l.freevars.len()
                            });
                    Err(if is_free {
                        ctx.err(
                            "NameError",
                            format!(
                                "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
                                id.name
                            ),
                        )
                    } else {
                        unbound_local(ctx, id)
                    })
                }
            },
            _ => Err(unbound_local(ctx, id)),
        },
        GLOBAL => load_global(ctx, f.globals, i, &id.name).map_err(|e| with_candidates(ctx, f, e)),
        CLASS_GLOBAL => {
            if let Some(ns) = &f.class_ns {
                if let Some(v) = ns.lock().get(&id.name) {
                    return Ok(v.clone());
                }
            }
            load_global(ctx, f.globals, i, &id.name).map_err(|e| with_candidates(ctx, f, e))
        }
        _ => load_global(ctx, f.globals, f.globals.intern(&id.name), &id.name),
    }
}

/// A NameError remembers the names in scope, for CPython's "Did you mean" suggestion.
pub(super) fn with_candidates(ctx: &mut Ctx, f: &Frame, mut e: Box<Exc>) -> Box<Exc> {
    if !e.is("NameError") || e.candidates.is_some() {
        return e;
    }
    let mut names: Vec<Name> = Vec::new();
    let layout_names = f
        .func
        .and_then(|func| func.def.layout.0.get())
        .map(|l| l.names.clone())
        .unwrap_or_default();
    for (k, v) in layout_names.iter().zip(f.slots.iter()) {
        if v.is_some() && !k.starts_with('.') {
            names.push(k.clone());
        }
    }
    if let (Some(Some(this)), Some(wrong)) = (f.slots.first(), &e.hint_name) {
        if layout_names.first().is_some_and(|n| &**n == "self") {
            let this = match this {
                Value::Cell(c) => c.lock().clone().unwrap_or(Value::None),
                v => v.clone(),
            };
            if getattr(ctx, &this, wrong).is_ok() {
                e.self_has_attr = Some(Arc::from(format!("self.{wrong}")));
            }
        }
    }
    names.extend(f.globals.items().into_iter().map(|(k, _)| k));
    let mut b: Vec<Name> = ctx.interp.builtins.keys().cloned().collect();
    b.sort();
    names.extend(b);
    e.candidates = Some(names);
    e
}

pub(super) fn unbound_local(ctx: &Ctx, id: &Ident) -> Box<Exc> {
    ctx.err(
        "UnboundLocalError",
        format!(
            "cannot access local variable '{}' where it is not associated with a value",
            id.name
        ),
    )
}

#[inline]
pub fn load_global(ctx: &mut Ctx, g: &Globals, i: usize, name: &Name) -> R<Value> {
    if !ctx.interp.is_shared() {
        // SAFETY: the interpreter is not shared, so this is the only thread that runs its
        // code and the only one that writes globals and the built-ins found (other
        // threads only read them, under the lock), and this thread holds no guard on
        // `values` or `builtin_cache` while it evaluates.
        if let Some(Some(v)) = unsafe { &*g.values.data_ptr() }.get(i) {
            return Ok(v.clone());
        }
        if let Some(Some(v)) = unsafe { &*g.builtin_cache.data_ptr() }.get(i) {
            return Ok(v.clone());
        }
    } else if let Some(Some(v)) = g.values.read().get(i) {
        return Ok(v.clone());
    } else if let Some(Some(v)) = g.builtin_cache.read().get(i) {
        return Ok(v.clone());
    }
    if let Some(v) = ctx.interp.builtins.get(name) {
        if let Some(slot) = g.builtin_cache.write().get_mut(i) {
            *slot = Some(v.clone());
        }
        return Ok(v.clone());
    }
    Err(name_error(ctx, name))
}

pub fn name_error(ctx: &Ctx, name: &str) -> Box<Exc> {
    let mut e = ctx.err("NameError", format!("name '{name}' is not defined"));
    e.hint_name = Some(Arc::from(name));
    e
}

pub fn store(ctx: &mut Ctx, f: &mut Frame, id: &Ident, v: Value) -> R<()> {
    let (kind, i) = slot_kind(id.slot.get());
    match kind {
        LOCAL => {
            if let Some(s) = f.slots.get_mut(i) {
                *s = Some(v);
            }
        }
        CELL => {
            if let Some(Some(Value::Cell(c))) = f.slots.get(i) {
                *c.lock() = Some(v);
            } else if let Some(s) = f.slots.get_mut(i) {
                *s = Some(Value::Cell(Arc::new(Mutex::new(Some(v)))));
            }
        }
        GLOBAL => {
            if let Some(s) = f.globals.values.write().get_mut(i) {
                *s = Some(v);
            }
        }
        CLASS_GLOBAL => match &f.class_ns {
            Some(ns) => {
                ns.lock().insert(id.name.clone(), v);
            }
            None => {
                if let Some(s) = f.globals.values.write().get_mut(i) {
                    *s = Some(v);
                }
            }
        },
        _ => {
            let _ = ctx;
            f.globals.set(&id.name, v);
        }
    }
    Ok(())
}

pub(super) fn unbind(f: &mut Frame, id: &Ident) -> bool {
    let (kind, i) = slot_kind(id.slot.get());
    match kind {
        LOCAL => f.slots.get_mut(i).and_then(|s| s.take()).is_some(),
        CELL => match f.slots.get(i) {
            Some(Some(Value::Cell(c))) => c.lock().take().is_some(),
            _ => false,
        },
        GLOBAL => f
            .globals
            .values
            .write()
            .get_mut(i)
            .and_then(|s| s.take())
            .is_some(),
        CLASS_GLOBAL => match &f.class_ns {
            Some(ns) => ns.lock().shift_remove(&id.name).is_some(),
            None => f
                .globals
                .values
                .write()
                .get_mut(i)
                .and_then(|s| s.take())
                .is_some(),
        },
        _ => false,
    }
}

pub(super) fn delete(ctx: &mut Ctx, f: &mut Frame, t: &Expr) -> R<()> {
    match &t.kind {
        ExprKind::Name(id) => {
            if !unbind(f, id) {
                let (kind, _) = slot_kind(id.slot.get());
                return Err(if kind == GLOBAL || kind == CLASS_GLOBAL {
                    name_error(ctx, &id.name)
                } else {
                    unbound_local(ctx, id)
                });
            }
            Ok(())
        }
        ExprKind::Subscript(obj, index) => {
            let o = eval(ctx, f, obj)?;
            let i = eval(ctx, f, index)?;
            crate::interp::ops::delitem(ctx, &o, &i)
        }
        ExprKind::Attribute(obj, name) => {
            let o = eval(ctx, f, obj)?;
            delattr(ctx, &o, &name.name)
        }
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            for it in items {
                delete(ctx, f, it)?;
            }
            Ok(())
        }
        _ => Err(ctx.err("SyntaxError", "cannot delete expression")),
    }
}

pub fn assign(ctx: &mut Ctx, f: &mut Frame, target: &Expr, v: Value) -> R<()> {
    match &target.kind {
        ExprKind::Name(id) => store(ctx, f, id, v),
        ExprKind::Attribute(obj, name) => {
            let o = eval(ctx, f, obj)?;
            setattr(ctx, &o, &name.name, v)
        }
        ExprKind::Subscript(obj, index) => {
            let o = eval(ctx, f, obj)?;
            let i = eval(ctx, f, index)?;
            crate::interp::ops::setitem(ctx, &o, i, v)
        }
        ExprKind::Tuple(items) | ExprKind::List(items) => unpack(ctx, f, items, v),
        ExprKind::Starred(_) => Err(ctx.err(
            "SyntaxError",
            "starred assignment target must be in a list or tuple",
        )),
        _ => Err(ctx.err("SyntaxError", "cannot assign to expression")),
    }
}

pub(super) fn unpack(ctx: &mut Ctx, f: &mut Frame, targets: &[Expr], v: Value) -> R<()> {
    let values: Vec<Value> = match &v {
        Value::Tuple(t) => t.to_vec(),
        Value::List(l) => l.lock().clone(),
        _ => {
            let it = get_iter(ctx, &v).map_err(|e| {
                if types::is_instance_of(&e.value, "TypeError") {
                    ctx.type_error(format!(
                        "cannot unpack non-iterable {} object",
                        type_name(&v)
                    ))
                } else {
                    e
                }
            })?;
            let mut out = Vec::new();
            while let Some(x) = next(ctx, &it)? {
                out.push(x);
            }
            out
        }
    };
    let star = targets
        .iter()
        .position(|t| matches!(t.kind, ExprKind::Starred(_)));
    match star {
        None => {
            if values.len() != targets.len() {
                return Err(if values.len() > targets.len() {
                    ctx.value_error(format!(
                        "too many values to unpack (expected {})",
                        targets.len()
                    ))
                } else {
                    ctx.value_error(format!(
                        "not enough values to unpack (expected {}, got {})",
                        targets.len(),
                        values.len()
                    ))
                });
            }
            for (t, v) in targets.iter().zip(values) {
                assign(ctx, f, t, v)?;
            }
        }
        Some(si) => {
            let after = targets.len() - si - 1;
            if values.len() < targets.len() - 1 {
                return Err(ctx.value_error(format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    targets.len() - 1,
                    values.len()
                )));
            }
            let mut values = values;
            let tail = values.split_off(values.len() - after);
            let middle = values.split_off(si);
            for (t, v) in targets[..si].iter().zip(values) {
                assign(ctx, f, t, v)?;
            }
            if let ExprKind::Starred(inner) = &targets[si].kind {
                assign(ctx, f, inner, Value::list(middle))?;
            }
            for (t, v) in targets[si + 1..].iter().zip(tail) {
                assign(ctx, f, t, v)?;
            }
        }
    }
    Ok(())
}

pub(super) fn aug_assign(
    ctx: &mut Ctx,
    f: &mut Frame,
    target: &Expr,
    op: BinOp,
    value: &Expr,
) -> R<()> {
    match &target.kind {
        ExprKind::Name(id) => {
            let cur = load(ctx, f, id)?;
            let rhs = eval(ctx, f, value)?;
            if let (Value::Int(x), Value::Int(y)) = (&cur, &rhs) {
                if let Some(v) = crate::interp::ops::int_fast(op, *x, *y) {
                    return store(ctx, f, id, Value::Int(v));
                }
            }
            let new = crate::interp::ops::inplace(ctx, op, cur, rhs)?;
            store(ctx, f, id, new)
        }
        ExprKind::Attribute(obj, name) => {
            let o = eval(ctx, f, obj)?;
            let cur = getattr(ctx, &o, &name.name)?;
            let rhs = eval(ctx, f, value)?;
            let new = crate::interp::ops::inplace(ctx, op, cur, rhs)?;
            setattr(ctx, &o, &name.name, new)
        }
        ExprKind::Subscript(obj, index) => {
            let o = eval(ctx, f, obj)?;
            let i = eval(ctx, f, index)?;
            let cur = crate::interp::ops::getitem(ctx, &o, &i)?;
            let rhs = eval(ctx, f, value)?;
            let new = crate::interp::ops::inplace(ctx, op, cur, rhs)?;
            crate::interp::ops::setitem(ctx, &o, i, new)
        }
        _ => Err(ctx.err("SyntaxError", "illegal expression for augmented assignment")),
    }
}

// ---------------------------------------------------------------------------------
// Expressions
