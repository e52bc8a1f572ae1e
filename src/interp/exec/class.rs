//! Functions and classes: `def` makes a function, `class` a class (with C3 method
//! resolution order), and calling a class makes an instance.

use super::*;

pub(super) fn make_function(ctx: &mut Ctx, f: &mut Frame, def: &Arc<FuncDef>) -> R<Value> {
    let mut defaults = Vec::new();
    for p in &def.params.positional {
        if let Some(d) = &p.default {
            defaults.push(eval(ctx, f, d)?);
        }
    }
    let mut kwdefaults = Vec::new();
    for p in &def.params.kwonly {
        kwdefaults.push(match &p.default {
            Some(d) => Some(eval(ctx, f, d)?),
            None => None,
        });
    }
    // `__annotations__`, evaluated now in the defining scope, as CPython 3.11 does.
    let mut annotations = Attrs::new();
    if !def.params.annotations.is_empty() {
        let mut d = crate::interp::dict::Dict::with_capacity(def.params.annotations.len());
        for (name, a) in &def.params.annotations {
            let v = eval(ctx, f, a)?;
            d.insert(Key(Value::Str(name.clone())), v);
        }
        annotations.insert(
            Arc::from("__annotations__"),
            Value::Dict(Arc::new(Mutex::new(d))),
        );
    }
    let mut closure = Vec::new();
    if let Some(l) = def.layout.0.get() {
        for &slot in &l.freevars {
            let cell = match f.slots.get_mut(slot as usize) {
                Some(Some(c @ Value::Cell(_))) => c.clone(),
                Some(s) => {
                    // A variable the defining frame has not bound yet: share an empty cell.
                    let c = Value::Cell(Arc::new(Mutex::new(s.take())));
                    *s = Some(c.clone());
                    c
                }
                None => Value::Cell(Arc::new(Mutex::new(None))),
            };
            closure.push(cell);
        }
    }
    let qualname: Name = match (&f.class_ns, f.func) {
        (Some(_), _) => Arc::from(format!("{}.{}", f.name, def.name)),
        (None, Some(outer)) => Arc::from(format!("{}.<locals>.{}", outer.qualname, def.name)),
        _ => def.name.clone(),
    };
    Ok(Value::Func(Arc::new(Function {
        def: def.clone(),
        qualname,
        module: f.globals.clone(),
        defaults,
        kwdefaults,
        closure,
        owner: std::sync::OnceLock::new(),
        source: f.source.clone(),
        attrs: Mutex::new(annotations),
    })))
}

// ---------------------------------------------------------------------------------
// Classes

/// CPython's C3 linearisation of the bases (the result excludes the class itself).
pub fn c3_mro(bases: &[Arc<Class>]) -> Result<Vec<Arc<Class>>, String> {
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|o| Arc::ptr_eq(o, b)) {
            return Err(format!("duplicate base class {}", b.name));
        }
    }
    let mut seqs: Vec<Vec<Arc<Class>>> = bases
        .iter()
        .map(|b| b.lineage().cloned().collect())
        .collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Arc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut found = None;
        for s in &seqs {
            let head = &s[0];
            let in_tail = seqs
                .iter()
                .any(|t| t[1..].iter().any(|c| Arc::ptr_eq(c, head)));
            if !in_tail {
                found = Some(head.clone());
                break;
            }
        }
        let Some(next) = found else {
            // CPython names the heads it could not merge, each once.
            let mut heads: Vec<Arc<Class>> = Vec::new();
            for s in &seqs {
                if !heads.iter().any(|h| Arc::ptr_eq(h, &s[0])) {
                    heads.push(s[0].clone());
                }
            }
            let names: Vec<String> = heads.iter().map(|b| b.name.to_string()).collect();
            return Err(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            ));
        };
        for s in seqs.iter_mut() {
            if Arc::ptr_eq(&s[0], &next) {
                s.remove(0);
            }
        }
        out.push(next);
    }
}

pub(super) fn make_class(ctx: &mut Ctx, f: &mut Frame, def: &Arc<ClassDef>) -> R<Value> {
    let mut bases = Vec::new();
    for a in &def.bases {
        match a {
            Arg::Pos(e) => match &eval(ctx, f, e)? {
                Value::Class(c) => bases.push(c.clone()),
                other => {
                    return Err(
                        ctx.type_error(format!("bases must be types, not {}", type_name(other)))
                    )
                }
            },
            Arg::Kw(..) | Arg::Star(_) | Arg::StarStar(_) => {
                return Err(ctx.err(
                    "NotImplementedError",
                    "socklab does not support metaclasses or class keywords",
                ))
            }
        }
    }
    if bases.is_empty() {
        bases.push(class("object"));
    }
    for b in &bases {
        if !matches!(b.native, Native::Object | Native::Exception) && b.def.is_none() {
            return Err(ctx.err(
                "NotImplementedError",
                format!(
                    "socklab does not support subclassing the built-in type '{}'",
                    b.name
                ),
            ));
        }
    }
    let mro = c3_mro(&bases).map_err(|m| ctx.type_error(m))?;
    let native = mro
        .iter()
        .find(|c| c.native != Native::Object)
        .map_or(Native::Object, |c| c.native);
    // Run the body with its own namespace.
    let layout = def.layout.0.get();
    let qualname: Name = match f.func {
        Some(outer) => Arc::from(format!("{}.<locals>.{}", outer.qualname, def.name.name)),
        None => match &f.class_ns {
            Some(_) => Arc::from(format!("{}.{}", f.name, def.name.name)),
            None => def.name.name.clone(),
        },
    };
    let mut frame = Frame::new(layout, f.globals, f.source, qualname.clone());
    frame.func = f.func;
    let mut ns = Attrs::new();
    ns.insert(Arc::from("__module__"), Value::Str(f.globals.name.clone()));
    ns.insert(Arc::from("__qualname__"), Value::Str(qualname.clone()));
    frame.class_ns = Some(Mutex::new(ns));
    if let Some(l) = layout {
        let first_free = l.first_free as usize;
        for (k, &slot) in l.freevars.iter().enumerate() {
            if let Some(Some(c)) = f.slots.get(slot as usize) {
                frame.slots[first_free + k] = Some(c.clone());
            }
        }
    }
    match exec_block(ctx, &mut frame, &def.body) {
        Ok(_) => {}
        Err(mut e) => {
            e.leave_frame(TbEntry {
                source: f.source.clone(),
                offset: frame.offset,
                func: def.name.name.clone(),
            });
            return Err(e);
        }
    }
    let dict = frame
        .class_ns
        .take()
        .map(|m| m.into_inner())
        .unwrap_or_default();
    let cls = Arc::new(Class {
        name: def.name.name.clone(),
        qualname,
        module: f.globals.name.clone(),
        bases,
        mro,
        dict: parking_lot::RwLock::new(dict),
        native,
        def: Some(def.clone()),
    });
    // Methods learn their class, for `super()`.
    for v in cls.dict.read().values() {
        let func = match v {
            Value::Func(func) => Some(func.clone()),
            Value::Instance(i)
                if matches!(
                    i.class.native,
                    Native::StaticMethod | Native::ClassMethod | Native::Property
                ) =>
            {
                match &*i.payload.lock() {
                    Some(Value::Func(func)) => Some(func.clone()),
                    _ => None,
                }
            }
            _ => None,
        };
        if let Some(func) = func {
            let _ = func.owner.set(Arc::downgrade(&cls));
        }
    }
    let mut result = Value::Class(cls);
    for d in def.decorators.iter().rev() {
        let dv = eval(ctx, f, d)?;
        result = call(ctx, &dv, vec![result], vec![])?;
    }
    Ok(result)
}

/// The `__new__` a class of the program's (or one of its bases) defines, as a function.
fn user_new(cls: &Arc<Class>) -> Option<Value> {
    for c in cls.lineage() {
        if c.def.is_none() {
            continue;
        }
        match c.dict.read().get("__new__") {
            Some(Value::Instance(p)) if p.class.native == Native::StaticMethod => {
                return p.payload.lock().clone()
            }
            Some(f) => return Some(f.clone()),
            None => {}
        }
    }
    None
}

/// A new, empty object of class `cls` (`object.__new__(cls)`), or the error CPython
/// gives for a built-in class that makes its objects itself.
pub fn new_object(ctx: &mut Ctx, cls: &Arc<Class>, args: &[Value]) -> R<Value> {
    match cls.native {
        Native::Exception => Ok(types::instance_with_args(cls.clone(), args.to_vec())),
        Native::Object if cls.def.is_some() || &*cls.name == "object" => {
            Ok(Value::Instance(Arc::new(Instance {
                class: cls.clone(),
                dict: Mutex::new(Attrs::new()),
                payload: Mutex::new(None),
                hash: std::sync::OnceLock::new(),
            })))
        }
        _ => Err(ctx.type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            cls.name, cls.name
        ))),
    }
}

pub fn instantiate(
    ctx: &mut Ctx,
    cls: &Arc<Class>,
    args: Vec<Value>,
    kwargs: Vec<(Name, Value)>,
) -> R<Value> {
    if cls.def.is_none() && cls.native != Native::Exception && cls.native != Native::Object {
        return (ctx.interp.library.construct)(ctx, cls, args, kwargs);
    }
    if cls.def.is_none() && cls.native == Native::Object && &*cls.name != "object" {
        return (ctx.interp.library.construct)(ctx, cls, args, kwargs);
    }
    // A class of the program's that defines `__new__`: it makes the object (a singleton
    // may hand back one it made before), then `__init__` runs if it is of the class.
    if let Some(new) = user_new(cls) {
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(Value::Class(cls.clone()));
        full.extend(args.iter().cloned());
        let obj = call(ctx, &new, full, kwargs.clone())?;
        let of_class = match &obj {
            Value::Instance(i) => i.class.is_subclass_of(cls),
            _ => false,
        };
        if of_class {
            if let Some(init) = cls.lookup("__init__") {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(obj.clone());
                full.extend(args);
                let r = call(ctx, &init, full, kwargs)?;
                if !r.is_none() {
                    return Err(ctx.type_error(format!(
                        "__init__() should return None, not '{}'",
                        type_name(&r)
                    )));
                }
            }
        }
        return Ok(obj);
    }
    let mut target = cls.clone();
    if cls.native == Native::Exception
        && &*cls.name == "OSError"
        && cls.def.is_none()
        && args.len() >= 2
    {
        if let Value::Int(errno) = &args[0] {
            target = types::class(types::os_error_class_for(*errno));
        }
    }
    let inst = if target.native == Native::Exception {
        types::instance_with_args(target.clone(), args.clone())
    } else {
        Value::Instance(Arc::new(Instance {
            class: target.clone(),
            dict: Mutex::new(Attrs::new()),
            payload: Mutex::new(None),
            hash: std::sync::OnceLock::new(),
        }))
    };
    match target.lookup("__init__") {
        Some(init) => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(inst.clone());
            full.extend(args);
            let r = call(ctx, &init, full, kwargs)?;
            if !r.is_none() {
                return Err(ctx.type_error(format!(
                    "__init__() should return None, not '{}'",
                    type_name(&r)
                )));
            }
        }
        None => {
            if (!args.is_empty() || !kwargs.is_empty()) && target.native == Native::Object {
                return Err(ctx.type_error(format!("{}() takes no arguments", target.name)));
            }
        }
    }
    Ok(inst)
}

// ---------------------------------------------------------------------------------
// Attributes
