//! Expressions: constants, operators, displays, comprehensions and f-strings.

use super::*;

/// `Ok(const_value(c))` as a call of its own: `eval` hands it its own result's place,
/// where building the value in a temporary and copying it out stalled on every constant.
#[inline(never)]
fn eval_const(c: &Const) -> R<Value> {
    Ok(const_value(c))
}

#[inline]
pub fn const_value(c: &Const) -> Value {
    match c {
        Const::None => Value::None,
        Const::True => Value::Bool(true),
        Const::False => Value::Bool(false),
        Const::Ellipsis => Value::Ellipsis,
        Const::Int(i) => Value::Int(*i),
        Const::BigInt(b) => Value::BigInt(crate::interp::sharing::share(b)),
        Const::Float(x) => Value::Float(*x),
        Const::Str(s) => Value::Str(crate::interp::sharing::share(s)),
        Const::Bytes(b) => Value::Bytes(crate::interp::sharing::share(b)),
    }
}

/// `eval` for a call's receiver and arguments, where names and constants are most of what
/// is met: those two skip `eval`'s large frame.
#[inline]
pub(super) fn eval_operand(ctx: &mut Ctx, f: &mut Frame, e: &Expr) -> R<Value> {
    match &e.kind {
        ExprKind::Name(id) => load(ctx, f, id),
        ExprKind::Const(c) => eval_const(c),
        _ => eval(ctx, f, e),
    }
}

pub fn eval(ctx: &mut Ctx, f: &mut Frame, e: &Expr) -> R<Value> {
    match &e.kind {
        ExprKind::Name(id) => load(ctx, f, id),
        ExprKind::Const(c) => eval_const(c),
        ExprKind::Binary(l, op, r) => {
            let a = eval(ctx, f, l)?;
            let b = eval(ctx, f, r)?;
            if let (Value::Int(x), Value::Int(y)) = (&a, &b) {
                if let Some(v) = crate::interp::ops::int_fast(*op, *x, *y) {
                    return Ok(Value::Int(v));
                }
            }
            crate::interp::ops::binary(ctx, *op, a, b)
        }
        ExprKind::Unary(op, operand) => {
            let v = eval(ctx, f, operand)?;
            crate::interp::ops::unary(ctx, *op, v)
        }
        ExprKind::Compare(first, rest) => {
            let mut left = eval(ctx, f, first)?;
            // The loop condition `i < n`: two machine ints, one operator.
            if let [(op, right)] = rest.as_slice() {
                let r = eval(ctx, f, right)?;
                if let (Value::Int(x), Value::Int(y)) = (&left, &r) {
                    let b = match op {
                        CmpOp::Lt => Some(x < y),
                        CmpOp::LtE => Some(x <= y),
                        CmpOp::Gt => Some(x > y),
                        CmpOp::GtE => Some(x >= y),
                        CmpOp::Eq => Some(x == y),
                        CmpOp::NotEq => Some(x != y),
                        _ => None,
                    };
                    if let Some(b) = b {
                        return Ok(Value::Bool(b));
                    }
                }
                return crate::interp::ops::compare(ctx, *op, &left, &r);
            }
            for (i, (op, right)) in rest.iter().enumerate() {
                let r = eval(ctx, f, right)?;
                let res = crate::interp::ops::compare(ctx, *op, &left, &r)?;
                if i == rest.len() - 1 {
                    return Ok(res);
                }
                if !truthy(ctx, &res)? {
                    return Ok(res);
                }
                left = r;
            }
            Ok(left)
        }
        ExprKind::And(a, b) => {
            let l = eval(ctx, f, a)?;
            if !truthy(ctx, &l)? {
                return Ok(l);
            }
            eval(ctx, f, b)
        }
        ExprKind::Or(a, b) => {
            let l = eval(ctx, f, a)?;
            if truthy(ctx, &l)? {
                return Ok(l);
            }
            eval(ctx, f, b)
        }
        ExprKind::IfExp(test, body, orelse) => {
            let t = eval(ctx, f, test)?;
            if truthy(ctx, &t)? {
                eval(ctx, f, body)
            } else {
                eval(ctx, f, orelse)
            }
        }
        ExprKind::Call(func, args) => {
            let r = eval_call(ctx, f, e, func, args);
            // A paused generator the call dropped (`next(gen())`) closes before the
            // expression goes on, as CPython closes it when its last reference goes.
            if generator::orphans_pending() {
                generator::finalize_orphans(ctx);
            }
            r
        }
        ExprKind::Attribute(obj, name) => {
            let o = eval(ctx, f, obj)?;
            getattr(ctx, &o, &name.name)
        }
        ExprKind::Subscript(obj, index) => {
            let o = eval(ctx, f, obj)?;
            let i = eval(ctx, f, index)?;
            crate::interp::ops::getitem(ctx, &o, &i)
        }
        ExprKind::Slice(a, b, c) => {
            let mut parts = [Value::None, Value::None, Value::None];
            for (k, x) in [a, b, c].into_iter().enumerate() {
                if let Some(x) = x {
                    parts[k] = eval(ctx, f, x)?;
                }
            }
            Ok(Value::Slice(Arc::new(parts)))
        }
        ExprKind::Tuple(items)
            if items.len() <= 4
                && !items
                    .iter()
                    .any(|it| matches!(it.kind, ExprKind::Starred(_))) =>
        {
            let mut out: SmallVec<[Value; 4]> = SmallVec::new();
            for it in items {
                out.push(eval(ctx, f, it)?);
            }
            Ok(Value::small_tuple(out))
        }
        ExprKind::Tuple(items) => Ok(Value::tuple(eval_items(ctx, f, items)?)),
        ExprKind::List(items) => Ok(Value::list(eval_items(ctx, f, items)?)),
        ExprKind::Set(items) => {
            let vals = eval_items(ctx, f, items)?;
            let mut d = crate::interp::dict::Dict::new();
            for v in vals {
                d.insert(hash_key(ctx, &v)?, Value::None);
            }
            // CPython compiles a display of three or more constants to a frozenset
            // constant (built once from the items, then again from its own order when
            // the compiler merges constants) merged into a new set: that decides the
            // order it prints in.
            if items.len() > 2 && items.iter().all(is_constant) {
                let mut rebuilt = crate::interp::dict::Dict::with_capacity(d.len());
                for v in d.set_order() {
                    rebuilt.insert(Key(v), Value::None);
                }
                d = crate::interp::dict::merged(&rebuilt);
            }
            Ok(Value::Set(Arc::new(Mutex::new(d))))
        }
        ExprKind::Dict(pairs) => {
            let mut d = crate::interp::dict::Dict::new();
            for (k, v) in pairs {
                match k {
                    Some(k) => {
                        let kv = eval(ctx, f, k)?;
                        let vv = eval(ctx, f, v)?;
                        d.insert(hash_key(ctx, &kv)?, vv);
                    }
                    None => {
                        let m = eval(ctx, f, v)?;
                        for (k, v) in crate::interp::ops::mapping_items(ctx, &m)? {
                            d.insert(hash_key(ctx, &k)?, v);
                        }
                    }
                }
            }
            Ok(Value::Dict(Arc::new(Mutex::new(d))))
        }
        ExprKind::FString(parts) => Ok(Value::string(fstring(ctx, f, parts)?)),
        ExprKind::Lambda(def) => make_function(ctx, f, def),
        ExprKind::Comp(kind, elt, comps) => {
            let mut out = Vec::new();
            comprehension(ctx, f, comps, 0, &mut |ctx, f| {
                out.push(eval(ctx, f, elt)?);
                Ok(())
            })?;
            Ok(match kind {
                CompKind::List => Value::list(out),
                CompKind::Set => {
                    let mut d = crate::interp::dict::Dict::new();
                    for v in out {
                        d.insert(hash_key(ctx, &v)?, Value::None);
                    }
                    Value::Set(Arc::new(Mutex::new(d)))
                }
            })
        }
        ExprKind::DictComp(k, v, comps) => {
            let mut d = crate::interp::dict::Dict::new();
            comprehension(ctx, f, comps, 0, &mut |ctx, f| {
                let kv = eval(ctx, f, k)?;
                let vv = eval(ctx, f, v)?;
                d.insert(hash_key(ctx, &kv)?, vv);
                Ok(())
            })?;
            Ok(Value::Dict(Arc::new(Mutex::new(d))))
        }
        ExprKind::Starred(_) => Err(ctx.err("SyntaxError", "can't use starred expression here")),
        ExprKind::Walrus(id, v) => {
            let val = eval(ctx, f, v)?;
            store(ctx, f, id, val.clone())?;
            Ok(val)
        }
        ExprKind::GenExp(def) => make_genexp(ctx, f, def),
        ExprKind::Yield(v) => {
            let v = match v {
                Some(v) => eval(ctx, f, v)?,
                None => Value::None,
            };
            let Some(link) = f.gen else {
                return Err(ctx.err("SyntaxError", "'yield' outside function"));
            };
            match generator::suspend(ctx, link, v) {
                generator::Cmd::Send(v) => Ok(v),
                generator::Cmd::Throw(e) => Err(e),
            }
        }
        ExprKind::YieldFrom(v) => {
            let v = eval(ctx, f, v)?;
            let Some(link) = f.gen else {
                return Err(ctx.err("SyntaxError", "'yield' outside function"));
            };
            yield_from(ctx, link, v)
        }
    }
}

/// `(elt for x in it ...)`: `it` is evaluated (and iterated) here, the rest by the
/// generator.
fn make_genexp(ctx: &mut Ctx, f: &mut Frame, def: &Arc<FuncDef>) -> R<Value> {
    let Some(first) = def.genexp.as_ref().and_then(|g| g.comps.first()) else {
        return Ok(Value::None);
    };
    let it = eval(ctx, f, &first.iter)?;
    let it = get_iter(ctx, &it)?;
    let Value::Func(func) = &make_function(ctx, f, def)? else {
        return Ok(Value::None);
    };
    let mut slots = vec![None; def.layout.0.get().map_or(1, |l| l.names.len().max(1))];
    init_cells(func, &mut slots);
    slots[0] = Some(it);
    Ok(generator::Generator::make(ctx, func.clone(), slots))
}

/// A generator expression's body, in its own frame: slot 0 holds the iterator of the
/// first loop.
pub fn run_genexp(ctx: &mut Ctx, f: &mut Frame, g: &GenExpParts) -> R<()> {
    let Some(it) = f.slots.first_mut().and_then(|s| s.take()) else {
        return Ok(());
    };
    let Some(c) = g.comps.first() else {
        return Ok(());
    };
    let Some(link) = f.gen else {
        return Ok(());
    };
    let mut body = |ctx: &mut Ctx, f: &mut Frame| -> R<()> {
        f.offset = g.elt.span.lo;
        let v = eval(ctx, f, &g.elt)?;
        match generator::suspend(ctx, link, v) {
            generator::Cmd::Send(_) => Ok(()),
            generator::Cmd::Throw(e) => Err(e),
        }
    };
    'items: while let Some(v) = next(ctx, &it)? {
        ctx.check_interrupt()?;
        assign(ctx, f, &c.target, v)?;
        for cond in &c.ifs {
            f.offset = cond.span.lo;
            let t = eval(ctx, f, cond)?;
            if !truthy(ctx, &t)? {
                continue 'items;
            }
        }
        comprehension(ctx, f, &g.comps, 1, &mut body)?;
    }
    Ok(())
}

/// `yield from it`: the caller's `next`/`send`/`throw`/`close` pass through to `it`
/// until it ends; its return value is the expression's value (PEP 380).
fn yield_from(ctx: &mut Ctx, link: &generator::GenLink, src: Value) -> R<Value> {
    use generator::{Cmd, Step};
    let inner = get_iter(ctx, &src)?;
    let mut step = send_to(ctx, &inner, Value::None);
    loop {
        let v = match step? {
            Step::Yielded(v) => v,
            Step::Returned(r) => return Ok(r),
        };
        step = match generator::suspend(ctx, link, v) {
            Cmd::Send(s) => send_to(ctx, &inner, s),
            Cmd::Throw(e) => {
                if e.is("GeneratorExit") {
                    if let Some(g) = generator::as_generator(&inner) {
                        g.close(ctx)?;
                    } else if let Ok(close) = getattr(ctx, &inner, "close") {
                        call(ctx, &close, vec![], vec![])?;
                    }
                    return Err(e);
                }
                if let Some(g) = generator::as_generator(&inner) {
                    g.resume(ctx, Cmd::Throw(e))
                } else {
                    match getattr(ctx, &inner, "throw") {
                        Ok(throw) => step_of(call(ctx, &throw, vec![e.value.clone()], vec![])),
                        Err(_) => return Err(e),
                    }
                }
            }
        };
    }
}

/// `next(it)` for `None`, `it.send(v)` otherwise, as a step of `yield from`.
fn send_to(ctx: &mut Ctx, it: &Value, v: Value) -> R<generator::Step> {
    if let Some(g) = generator::as_generator(it) {
        return g.resume(ctx, generator::Cmd::Send(v));
    }
    if v.is_none() {
        if let Value::Instance(_) = it {
            return step_of(call_method(ctx, it, "__next__", vec![], vec![]));
        }
        return Ok(match next(ctx, it)? {
            Some(x) => generator::Step::Yielded(x),
            None => generator::Step::Returned(Value::None),
        });
    }
    step_of(call_method(ctx, it, "send", vec![v], vec![]))
}

/// A call's result as a step: StopIteration is the end, with its value.
fn step_of(r: R<Value>) -> R<generator::Step> {
    match r {
        Ok(v) => Ok(generator::Step::Yielded(v)),
        Err(e) if e.is("StopIteration") => Ok(generator::Step::Returned(stop_value(&e.value))),
        Err(e) => Err(e),
    }
}

/// `StopIteration.value`: its first argument, or None.
pub fn stop_value(exc: &Value) -> Value {
    if let Value::Instance(i) = exc {
        if let Some(v) = i.dict.lock().get("value") {
            return v.clone();
        }
        if let Some(Value::Tuple(t)) = i.dict.lock().get("args") {
            return t.first().cloned().unwrap_or(Value::None);
        }
    }
    Value::None
}

/// Keys of the kinds servers keep (an fd, a name, an `(address, port)` tuple) need
/// neither a user `__hash__` computed nor a walk for unhashable parts.
#[inline]
fn is_plain_key(v: &Value) -> bool {
    let scalar = |v: &Value| {
        matches!(
            v,
            Value::Int(_)
                | Value::Str(_)
                | Value::Bytes(_)
                | Value::Bool(_)
                | Value::None
                | Value::Float(_)
                | Value::BigInt(_)
        )
    };
    match v {
        Value::Tuple(items) => items.iter().all(scalar),
        _ => scalar(v),
    }
}

pub fn hash_key(ctx: &mut Ctx, v: &Value) -> R<Key> {
    if is_plain_key(v) {
        return Ok(Key(v.clone()));
    }
    prepare_user_hashes(ctx, v)?;
    Key::new(v).map_err(|t| ctx.type_error(format!("unhashable type: '{t}'")))
}

/// [`hash_key`] for a value the caller owns: moved into the key, not cloned (a
/// reference count bumped and dropped again per `d[k] = v`).
pub fn hash_key_owned(ctx: &mut Ctx, v: Value) -> R<Key> {
    if is_plain_key(&v) {
        return Ok(Key(v));
    }
    prepare_user_hashes(ctx, &v)?;
    Key::owned(v).map_err(|t| ctx.type_error(format!("unhashable type: '{t}'")))
}

/// Compute (once) the `__hash__` of user instances inside `v`; a class that defines
/// `__eq__` without `__hash__` is unhashable, as in CPython.
pub(super) fn prepare_user_hashes(ctx: &mut Ctx, v: &Value) -> R<()> {
    match v {
        Value::Instance(inst) => {
            if inst.hash.get().is_some() || inst.class.def.is_none() {
                return Ok(());
            }
            match inst.class.lookup("__hash__") {
                Some(Value::None) => {
                    Err(ctx.type_error(format!("unhashable type: '{}'", inst.class.name)))
                }
                Some(m @ Value::Func(_)) => {
                    let r = call(ctx, &m, vec![v.clone()], vec![])?;
                    let h = match &r {
                        Value::Int(i) => *i,
                        Value::Bool(b) => *b as i64,
                        Value::BigInt(b) => (&**b % num_bigint::BigInt::from(i64::MAX))
                            .try_into()
                            .unwrap_or(0),
                        _ => return Err(ctx.type_error("__hash__ method should return an integer")),
                    };
                    let _ = inst.hash.set(h);
                    Ok(())
                }
                _ => {
                    if inst
                        .class
                        .lineage()
                        .any(|c| c.def.is_some() && c.dict.read().contains_key("__eq__"))
                    {
                        return Err(
                            ctx.type_error(format!("unhashable type: '{}'", inst.class.name))
                        );
                    }
                    Ok(())
                }
            }
        }
        Value::Tuple(items) => {
            for it in items.iter() {
                prepare_user_hashes(ctx, it)?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

pub(super) fn eval_items(ctx: &mut Ctx, f: &mut Frame, items: &[Expr]) -> R<Vec<Value>> {
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        if let ExprKind::Starred(inner) = &it.kind {
            let v = eval(ctx, f, inner)?;
            out.extend(iterate(ctx, &v)?);
        } else {
            out.push(eval(ctx, f, it)?);
        }
    }
    Ok(out)
}

pub(super) type CompBody<'b> = dyn FnMut(&mut Ctx, &mut Frame) -> R<()> + 'b;

pub(super) fn comprehension(
    ctx: &mut Ctx,
    f: &mut Frame,
    comps: &[Comprehension],
    level: usize,
    body: &mut CompBody,
) -> R<()> {
    let Some(c) = comps.get(level) else {
        return body(ctx, f);
    };
    let it = eval(ctx, f, &c.iter)?;
    let iterator = get_iter(ctx, &it)?;
    'items: while let Some(v) = next(ctx, &iterator)? {
        ctx.check_interrupt()?;
        assign(ctx, f, &c.target, v)?;
        for cond in &c.ifs {
            let t = eval(ctx, f, cond)?;
            if !truthy(ctx, &t)? {
                continue 'items;
            }
        }
        comprehension(ctx, f, comps, level + 1, body)?;
    }
    Ok(())
}

pub(super) fn fstring(ctx: &mut Ctx, f: &mut Frame, parts: &[FPart]) -> R<String> {
    let mut out = String::new();
    for p in parts {
        match p {
            FPart::Lit(s) => out.push_str(s),
            FPart::Expr {
                expr,
                conversion,
                spec,
                debug,
            } => {
                if let Some(d) = debug {
                    out.push_str(d);
                }
                let mut v = eval(ctx, f, expr)?;
                match conversion {
                    Some('r') => v = Value::string(crate::interp::repr::repr(ctx, &v)?),
                    Some('s') => v = Value::string(crate::interp::repr::str(ctx, &v)?),
                    Some('a') => {
                        v = Value::string(crate::interp::repr::ascii(&crate::interp::repr::repr(
                            ctx, &v,
                        )?))
                    }
                    _ => {}
                }
                let spec = fstring(ctx, f, spec)?;
                out.push_str(&crate::interp::format::format_value(ctx, &v, &spec)?);
            }
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------
// Calls

/// Whether CPython's compiler folds `e` to a constant (literals, arithmetic on them,
/// tuples of constants).
pub(super) fn is_constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Const(_) => true,
        ExprKind::Unary(_, inner) => is_constant(inner),
        ExprKind::Binary(l, _, r) => is_constant(l) && is_constant(r),
        ExprKind::Tuple(items) => items.iter().all(is_constant),
        _ => false,
    }
}
