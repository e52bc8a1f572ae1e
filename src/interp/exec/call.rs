//! Calls: evaluating arguments, calling functions written in Python (binding their
//! parameters), built-ins and methods, with CPython's messages.

use super::*;

pub(super) fn eval_call(
    ctx: &mut Ctx,
    f: &mut Frame,
    call_expr: &Expr,
    func: &Expr,
    args: &[Arg],
) -> R<Value> {
    if let Some(top) = ctx.frames.last_mut() {
        top.offset = call_expr.span.lo;
    }
    // `super()` with no arguments: the defining class and this method's `self`.
    if let ExprKind::Name(id) = &func.kind {
        if &*id.name == "super" && args.is_empty() && (id.slot.get() >> KIND_SHIFT) == GLOBAL {
            return zero_arg_super(ctx, f);
        }
    }
    // `obj.method(...)` without making a bound-method object first.
    if let ExprKind::Attribute(obj, name) = &func.kind {
        if let ExprKind::Name(id) = &obj.kind {
            if let Some(r) = call_on_variable(ctx, f, call_expr, id, &name.name, args) {
                return r;
            }
        }
        let o = eval_operand(ctx, f, obj)?;
        // Built-in methods (a socket's `send`, a string's `upper`) take their arguments
        // as a slice: a few positional ones are gathered on the stack, not in a Vec.
        if args.len() <= 4
            && !matches!(
                o,
                Value::Instance(_)
                    | Value::Class(_)
                    | Value::Module(_)
                    | Value::Func(_)
                    | Value::BoundMethod(_)
                    | Value::Builtin(_)
            )
            && args.iter().all(|a| matches!(a, Arg::Pos(_)))
        {
            let mut pos: SmallVec<[Value; 4]> = SmallVec::new();
            for a in args {
                if let Arg::Pos(e) = a {
                    match eval_operand(ctx, f, e) {
                        Ok(v) => pos.push(v),
                        // CPython looks the method up before it evaluates the arguments.
                        Err(e) => return Err(getattr(ctx, &o, &name.name).err().unwrap_or(e)),
                    }
                }
            }
            f.offset = call_expr.span.lo;
            let r = match &o {
                Value::Native(n) => {
                    set_site(ctx, f.source, call_expr.span.lo);
                    n.call_method(ctx, &o, &name.name, &pos, &[])
                }
                _ => {
                    let library = ctx.interp.library;
                    library.call_method_at(ctx, &o, &name.name, &name.slot, &pos, &[])
                }
            };
            return match r {
                Some(r) => r,
                // Not a method: an attribute that may be callable (`b"".fromhex`).
                None => {
                    let m = getattr(ctx, &o, &name.name)?;
                    call(ctx, &m, pos.into_vec(), vec![])
                }
            };
        }
        let (pos, kw) = match eval_args(ctx, f, args) {
            Ok(a) => a,
            // CPython looks the method up before it evaluates the arguments.
            Err(e) => match getattr(ctx, &o, &name.name) {
                Ok(callee) => return Err(name_callee(ctx, e, &callee)),
                Err(missing) => return Err(missing),
            },
        };
        f.offset = call_expr.span.lo;
        if matches!(o, Value::Native(_) | Value::Module(_)) {
            set_site(ctx, f.source, call_expr.span.lo);
        }
        return call_method(ctx, &o, &name.name, pos, kw);
    }
    let callee = eval(ctx, f, func)?;
    // A built-in function (`len(s)`, `isinstance(x, int)`) takes its arguments as a
    // slice: a few positional ones are gathered on the stack, not in a Vec.
    if let Value::Builtin(b) = &callee {
        if let (None, BuiltinKind::Function(fp) | BuiltinKind::Declared(_, fp)) =
            (&b.self_, &b.kind)
        {
            if args.len() <= 4 && args.iter().all(|a| matches!(a, Arg::Pos(_))) {
                let mut pos: SmallVec<[Value; 4]> = SmallVec::new();
                for a in args {
                    if let Arg::Pos(e) = a {
                        pos.push(eval_operand(ctx, f, e)?);
                    }
                }
                f.offset = call_expr.span.lo;
                set_site(ctx, f.source, call_expr.span.lo);
                return call_native(ctx, &b.kind, *fp, &pos, &[]);
            }
        }
    }
    let (pos, kw) = eval_args(ctx, f, args).map_err(|e| name_callee(ctx, e, &callee))?;
    f.offset = call_expr.span.lo;
    if matches!(callee, Value::Class(_) | Value::Builtin(_)) {
        set_site(ctx, f.source, call_expr.span.lo);
    }
    call(ctx, &callee, pos, kw)
}

/// `sock.send(b"p")`, `conn.recv(BUFSIZE)`: a method of a built-in object that runs no
/// Python code (`NativeObject::runs_no_python`), called on a variable with constants and
/// variables holding plain data, borrows the object from the variable instead of
/// cloning a reference to it. On a ping-pong over a socketpair the reference count's two
/// atomic operations per call were a tenth of the whole time. `None`: not such a call
/// (or a name is unbound); the caller evaluates it the ordinary way, which raises the
/// right error in the right order (nothing here has side effects).
pub(super) fn call_on_variable(
    ctx: &mut Ctx,
    f: &mut Frame,
    call_expr: &Expr,
    receiver: &Ident,
    name: &str,
    args: &[Arg],
) -> Option<R<Value>> {
    if args.len() > 4 {
        return None;
    }
    // Only a native object's methods qualify: see first whether the variable holds one.
    let (kind, i) = slot_kind(receiver.slot.get());
    let holds_native = match kind {
        LOCAL => matches!(f.slots.get(i), Some(Some(Value::Native(_)))),
        GLOBAL if !ctx.interp.is_shared() => {
            // SAFETY: as below.
            matches!(
                unsafe { &*f.globals.values.data_ptr() }.get(i),
                Some(Some(Value::Native(_)))
            )
        }
        _ => false,
    };
    if !holds_native {
        return None;
    }
    let mut pos: SmallVec<[Value; 4]> = SmallVec::new();
    for a in args {
        let v = match a {
            Arg::Pos(Expr {
                kind: ExprKind::Const(c),
                ..
            }) => const_value(c),
            Arg::Pos(Expr {
                kind: ExprKind::Name(id),
                ..
            }) => load(ctx, f, id).ok()?,
            _ => return None,
        };
        if !is_plain_data(&v, 2) {
            return None;
        }
        pos.push(v);
    }
    f.offset = call_expr.span.lo;
    let (kind, i) = slot_kind(receiver.slot.get());
    let this: &Value = match kind {
        // The frame is borrowed for the call, and the method is not given it.
        LOCAL => f.slots.get(i)?.as_ref()?,
        GLOBAL if !ctx.interp.is_shared() => {
            // SAFETY: while the interpreter is not shared this thread alone writes globals
            // or adds to `values` (see `load_global`), and the call below runs no Python
            // code, starts no thread and stores nothing, so the slot outlives the borrow.
            unsafe { &*f.globals.values.data_ptr() }.get(i)?.as_ref()?
        }
        _ => return None,
    };
    let Value::Native(n) = this else {
        return None;
    };
    if !n.runs_no_python() {
        return None;
    }
    set_site(ctx, f.source, call_expr.span.lo);
    n.call_method(ctx, this, name, &pos, &[])
}

/// Values whose use by a built-in runs no Python code: no `__index__`, `__eq__` or
/// `__hash__` of a user's class can be reached through them.
pub(super) fn is_plain_data(v: &Value, depth: u8) -> bool {
    match v {
        Value::None
        | Value::Bool(_)
        | Value::Int(_)
        | Value::BigInt(_)
        | Value::Float(_)
        | Value::Str(_)
        | Value::Bytes(_)
        | Value::ByteArray(_) => true,
        Value::Tuple(items) => depth > 0 && items.iter().all(|v| is_plain_data(v, depth - 1)),
        _ => false,
    }
}

/// Remember where a built-in is being called from, without touching reference counts
/// when the source is the same as last time (it nearly always is).
#[inline]
pub(super) fn set_site(ctx: &mut Ctx, source: &Arc<Source>, offset: u32) {
    match &mut ctx.site {
        Some((s, off)) if Arc::ptr_eq(s, source) => *off = offset,
        site => *site = Some((source.clone(), offset)),
    }
}

/// Stands for the callee's name in `f() argument after * must be an iterable`, until the
/// caller, which knows what it is calling, puts the name in.
pub(super) const STAR_CALLEE: &str = "\u{1}callee";

pub(super) fn name_callee(ctx: &mut Ctx, e: Box<Exc>, callee: &Value) -> Box<Exc> {
    if !e.is("TypeError") {
        return e;
    }
    let Ok(msg) = crate::interp::repr::str(ctx, &e.value) else {
        return e;
    };
    if !msg.starts_with(STAR_CALLEE) {
        return e;
    }
    let name = match callee {
        Value::Func(func) => format!("{}.{}", func.module.name, func.qualname),
        Value::BoundMethod(bm) => match &bm.1 {
            Value::Func(func) => format!("{}.{}", func.module.name, func.qualname),
            other => crate::interp::types::type_name(other),
        },
        Value::Builtin(b) => match &b.self_ {
            // A method of a built-in value is named by its type: `str.split()`.
            Some(this) if matches!(b.kind, BuiltinKind::Method(_)) => {
                format!("{}.{}", type_name(this), b.name)
            }
            _ => b.name.to_string(),
        },
        Value::Class(c) => c.display_name(),
        other => crate::interp::types::type_name(other),
    };
    ctx.type_error(msg.replacen(STAR_CALLEE, &name, 1))
}

/// CPython words a refused keyword differently when a method taking a tuple of arguments
/// is called through a bound-method object (`f = s.recv; f(x=1)`: `recv() takes no
/// keyword arguments`) rather than directly (`s.recv(x=1)`: `socket.recv() takes ...`).
pub(super) fn bound_method_keywords(
    ctx: &mut Ctx,
    e: Box<Exc>,
    this: &Value,
    name: &str,
) -> Box<Exc> {
    use crate::interp::args::Style;
    let tuple_style = ctx
        .interp
        .library
        .signature_of(this, name)
        .is_some_and(|sig| matches!(sig.style, Style::Tuple | Style::VarArgs));
    if !tuple_style || !e.is("TypeError") {
        return e;
    }
    let direct = format!("{}.{name}() takes no keyword arguments", type_name(this));
    match crate::interp::repr::str(ctx, &e.value) {
        Ok(msg) if msg == direct => ctx.type_error(format!("{name}() takes no keyword arguments")),
        _ => e,
    }
}

/// Positional and keyword arguments of a call, evaluated.
pub(super) type CallArgs = (Vec<Value>, Vec<(Name, Value)>);

pub(super) fn eval_args(ctx: &mut Ctx, f: &mut Frame, args: &[Arg]) -> R<CallArgs> {
    let mut pos = Vec::with_capacity(args.len());
    let mut kw = Vec::new();
    for a in args {
        match a {
            Arg::Pos(e) => pos.push(eval_operand(ctx, f, e)?),
            Arg::Star(e) => {
                let v = eval(ctx, f, e)?;
                match iterate(ctx, &v) {
                    Ok(items) => pos.extend(items),
                    // CPython names the function: filled in by the caller, which knows it.
                    Err(err) if err.is("TypeError") => {
                        return Err(ctx.type_error(format!(
                            "{STAR_CALLEE}() argument after * must be an iterable, not {}",
                            type_name(&v)
                        )))
                    }
                    Err(err) => return Err(err),
                }
            }
            Arg::Kw(n, e) => kw.push((n.clone(), eval(ctx, f, e)?)),
            Arg::StarStar(e) => {
                let m = eval(ctx, f, e)?;
                for (k, v) in crate::interp::ops::mapping_items(ctx, &m)? {
                    match &k {
                        Value::Str(s) => kw.push((s.clone(), v)),
                        _ => return Err(ctx.type_error("keywords must be strings")),
                    }
                }
            }
        }
    }
    Ok((pos, kw))
}

pub(super) fn zero_arg_super(ctx: &mut Ctx, f: &Frame) -> R<Value> {
    let Some(func) = f.func else {
        return Err(ctx.err("RuntimeError", "super(): no arguments"));
    };
    let Some(owner) = func.owner.get().and_then(|w| w.upgrade()) else {
        return Err(ctx.err("RuntimeError", "super(): __class__ cell not found"));
    };
    let Some(Some(this)) = f.slots.first() else {
        return Err(ctx.err("RuntimeError", "super(): no arguments"));
    };
    let this = match this {
        Value::Cell(c) => c.lock().clone().unwrap_or(Value::None),
        v => v.clone(),
    };
    Ok(crate::interp::objects::make_super(owner, this))
}

pub fn call(
    ctx: &mut Ctx,
    callee: &Value,
    args: Vec<Value>,
    kwargs: Vec<(Name, Value)>,
) -> R<Value> {
    match callee {
        Value::Func(func) => call_function(ctx, func, args, kwargs),
        Value::Builtin(b) => match &b.kind {
            BuiltinKind::Function(fp) => match &b.self_ {
                None => call_native(ctx, &b.kind, *fp, &args, &kwargs),
                Some(s) => {
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(s.clone());
                    full.extend(args);
                    fp(ctx, &full, &kwargs)
                }
            },
            BuiltinKind::Declared(_, fp) if b.self_.is_none() => {
                call_native(ctx, &b.kind, *fp, &args, &kwargs)
            }
            BuiltinKind::Declared(sig, fp) => {
                let (args, kwargs) = match crate::interp::args::bind(ctx, sig, &args, &kwargs)? {
                    None => (args, kwargs),
                    Some((a, k)) => (a.into_vec(), k.into_vec()),
                };
                match &b.self_ {
                    None => fp(ctx, &args, &kwargs),
                    Some(s) => {
                        let mut full = Vec::with_capacity(args.len() + 1);
                        full.push(s.clone());
                        full.extend(args);
                        fp(ctx, &full, &kwargs)
                    }
                }
            }
            BuiltinKind::Unbound(_, owner) => {
                let name = &b.name;
                let Some((first, rest)) = args.split_first() else {
                    return Err(ctx
                        .type_error(format!("unbound method {owner}.{name}() needs an argument")));
                };
                // The value must be of the method's type (a bool is an int).
                let kind = type_name(first);
                if *kind != **owner && !(&**owner == "int" && matches!(first, Value::Bool(_))) {
                    return Err(ctx.type_error(format!(
                        "descriptor '{name}' for '{owner}' objects doesn't apply to a '{kind}' object"
                    )));
                }
                call_method(ctx, first, name, rest.to_vec(), kwargs)
            }
            BuiltinKind::Method(name) => {
                let this = b.self_.clone().unwrap_or(Value::None);
                let keywords = !kwargs.is_empty();
                call_method(ctx, &this, name, args, kwargs).map_err(|e| {
                    if keywords {
                        bound_method_keywords(ctx, e, &this, name)
                    } else {
                        e
                    }
                })
            }
        },
        Value::BoundMethod(bm) => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(bm.0.clone());
            full.extend(args);
            call(ctx, &bm.1, full, kwargs)
        }
        Value::Class(c) => instantiate(ctx, c, args, kwargs),
        Value::Instance(inst) => match inst.class.lookup("__call__") {
            Some(m) => {
                let mut full = vec![callee.clone()];
                full.extend(args);
                call(ctx, &m, full, kwargs)
            }
            None => Err(ctx.type_error(format!("'{}' object is not callable", type_name(callee)))),
        },
        Value::Native(n) => match n.call_method(ctx, callee, "__call__", &args, &kwargs) {
            Some(r) => r,
            None => Err(ctx.type_error(format!("'{}' object is not callable", type_name(callee)))),
        },
        _ => Err(ctx.type_error(format!("'{}' object is not callable", type_name(callee)))),
    }
}

/// A built-in function without a `self`: its arguments bound first if its signature
/// is declared.
fn call_native(
    ctx: &mut Ctx,
    kind: &BuiltinKind,
    fp: crate::interp::value::NativeFn,
    a: &[Value],
    k: &[(Name, Value)],
) -> R<Value> {
    if let BuiltinKind::Declared(sig, _) = kind {
        if let Some((a, k)) = crate::interp::args::bind(ctx, sig, a, k)? {
            return fp(ctx, &a, &k);
        }
    }
    fp(ctx, a, k)
}

pub fn call_function(
    ctx: &mut Ctx,
    func: &Arc<Function>,
    args: Vec<Value>,
    kwargs: Vec<(Name, Value)>,
) -> R<Value> {
    let def = &func.def;
    let layout = def.layout.0.get();
    if ctx.depth
        >= ctx
            .interp
            .recursion_limit
            .load(std::sync::atomic::Ordering::Relaxed)
    {
        return Err(ctx.err("RecursionError", "maximum recursion depth exceeded"));
    }
    // Recursion without loops (`f()` calling itself twice) must also spend the budget.
    ctx.check_interrupt()?;
    if def.is_generator {
        // The arguments are bound now (their errors are the call's); the body runs on
        // the first `next`.
        let mut slots = vec![None; layout.map_or(0, |l| l.names.len())];
        bind_args(ctx, func, &mut slots, args, kwargs)?;
        init_cells(func, &mut slots);
        return Ok(crate::interp::generator::Generator::make(
            ctx,
            func.clone(),
            slots,
        ));
    }
    let mut frame = Frame::new(layout, &func.module, &func.source, func.def.name.clone());
    frame.func = Some(func);
    bind_args(ctx, func, &mut frame.slots, args, kwargs)?;
    init_cells(func, &mut frame.slots);
    ctx.depth += 1;
    ctx.frames.push(crate::interp::StackEntry {
        code: crate::interp::StackCode::Function(func.clone()),
        offset: def.span.lo,
    });
    let r = exec_block(ctx, &mut frame, &def.body);
    ctx.frames.pop();
    ctx.depth -= 1;
    let offset = frame.offset;
    drop(frame);
    // The frame's generators that were paused (a loop left by `return`) close now.
    if crate::interp::generator::orphans_pending() {
        crate::interp::generator::finalize_orphans(ctx);
    }
    match r {
        Ok(Ctl::Return(v)) => Ok(v),
        Ok(_) => Ok(Value::None),
        Err(mut e) => {
            e.leave_frame(TbEntry {
                source: func.source.clone(),
                offset,
                func: func.def.name.clone(),
            });
            Err(e)
        }
    }
}

/// Make the cells a function's inner functions share, and put its closure's cells in
/// the slots of its free variables.
pub(super) fn init_cells(func: &Function, slots: &mut [Option<Value>]) {
    let Some(l) = func.def.layout.0.get() else {
        return;
    };
    for &c in &l.cells {
        if let Some(slot) = slots.get_mut(c as usize) {
            let v = slot.take();
            *slot = Some(Value::Cell(Arc::new(Mutex::new(v))));
        }
    }
    let first_free = l.first_free as usize;
    for (k, cell) in func.closure.iter().enumerate() {
        if let Some(s) = slots.get_mut(first_free + k) {
            *s = Some(cell.clone());
        }
    }
}

pub(super) fn bind_args(
    ctx: &mut Ctx,
    func: &Function,
    slots: &mut [Option<Value>],
    args: Vec<Value>,
    kwargs: Vec<(Name, Value)>,
) -> R<()> {
    let p = &func.def.params;
    let npos = p.positional.len();
    let fname = &func.qualname;
    let nargs = args.len();
    let mut extra = Vec::new();
    for (i, a) in args.into_iter().enumerate() {
        if i < npos {
            slots[i] = Some(a);
        } else {
            extra.push(a);
        }
    }
    let mut next_slot = npos;
    if let Some(_star) = &p.star {
        slots[next_slot] = Some(Value::tuple(std::mem::take(&mut extra)));
        next_slot += 1;
    } else if !extra.is_empty() {
        let required = p.positional.iter().filter(|x| x.default.is_none()).count();
        let takes = if required == npos {
            format!("{npos}")
        } else {
            format!("from {required} to {npos}")
        };
        let word = if npos == 1 && required == npos {
            "argument"
        } else {
            "arguments"
        };
        let was = if nargs == 1 { "was" } else { "were" };
        return Err(ctx.type_error(format!(
            "{fname}() takes {takes} positional {word} but {nargs} {was} given"
        )));
    }
    let kwonly_start = next_slot;
    next_slot += p.kwonly.len();
    let mut extra_kw = crate::interp::dict::Dict::new();
    for (k, v) in kwargs {
        if let Some(i) = p.positional.iter().position(|x| *x.name.name == *k) {
            if slots[i].is_some() {
                return Err(
                    ctx.type_error(format!("{fname}() got multiple values for argument '{k}'"))
                );
            }
            slots[i] = Some(v);
        } else if let Some(i) = p.kwonly.iter().position(|x| *x.name.name == *k) {
            slots[kwonly_start + i] = Some(v);
        } else if p.starstar.is_some() {
            extra_kw.insert(Key(Value::Str(k)), v);
        } else {
            return Err(ctx.type_error(format!(
                "{fname}() got an unexpected keyword argument '{k}'"
            )));
        }
    }
    if p.starstar.is_some() {
        slots[next_slot] = Some(Value::Dict(Arc::new(Mutex::new(extra_kw))));
    }
    // Defaults fill the tail of the positional parameters.
    let first_default = npos - func.defaults.len();
    let mut missing = Vec::new();
    for (i, slot) in slots.iter_mut().enumerate().take(npos) {
        if slot.is_none() {
            if i >= first_default {
                *slot = Some(func.defaults[i - first_default].clone());
            } else {
                missing.push(p.positional[i].name.name.clone());
            }
        }
    }
    if !missing.is_empty() {
        return Err(ctx.type_error(format!(
            "{fname}() missing {} required positional argument{}: {}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            join_names(&missing)
        )));
    }
    let mut missing_kw = Vec::new();
    for (i, param) in p.kwonly.iter().enumerate() {
        if slots[kwonly_start + i].is_none() {
            match func.kwdefaults.get(i).cloned().flatten() {
                Some(d) => slots[kwonly_start + i] = Some(d),
                None => missing_kw.push(param.name.name.clone()),
            }
        }
    }
    if !missing_kw.is_empty() {
        return Err(ctx.type_error(format!(
            "{fname}() missing {} required keyword-only argument{}: {}",
            missing_kw.len(),
            if missing_kw.len() == 1 { "" } else { "s" },
            join_names(&missing_kw)
        )));
    }
    Ok(())
}

pub(super) fn join_names(names: &[Name]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        _ => format!(
            "{}, and {}",
            quoted[..quoted.len() - 1].join(", "),
            quoted[quoted.len() - 1]
        ),
    }
}

/// `obj.name(args)`: the common case, without building a bound method.
pub fn call_method(
    ctx: &mut Ctx,
    obj: &Value,
    name: &str,
    args: Vec<Value>,
    kwargs: Vec<(Name, Value)>,
) -> R<Value> {
    match obj {
        Value::Instance(inst) => {
            let in_dict = inst.dict.lock().get(name).cloned();
            if let Some(v) = in_dict {
                return call(ctx, &v, args, kwargs);
            }
            match &inst.class.lookup(name) {
                Some(Value::Func(func)) => {
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(obj.clone());
                    full.extend(args);
                    call_function(ctx, func, full, kwargs)
                }
                Some(v) => {
                    let bound = bind(obj, &inst.class, v.clone());
                    call(ctx, &bound, args, kwargs)
                }
                None => {
                    let m = getattr(ctx, obj, name)?;
                    call(ctx, &m, args, kwargs)
                }
            }
        }
        Value::Native(n) => match n.call_method(ctx, obj, name, &args, &kwargs) {
            Some(r) => r,
            None => {
                let m = getattr(ctx, obj, name)?;
                call(ctx, &m, args, kwargs)
            }
        },
        Value::Class(_)
        | Value::Module(_)
        | Value::Func(_)
        | Value::BoundMethod(_)
        | Value::Builtin(_) => {
            let m = getattr(ctx, obj, name)?;
            call(ctx, &m, args, kwargs)
        }
        _ => {
            let library = ctx.interp.library;
            match library.call_method(ctx, obj, name, &args, &kwargs) {
                Some(r) => r,
                None => {
                    let m = getattr(ctx, obj, name)?;
                    call(ctx, &m, args, kwargs)
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------
// Truth and iteration
