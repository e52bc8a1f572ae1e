//! Attributes: `getattr`, `setattr`, `delattr` on every kind of value, methods bound to
//! their instance, CPython's AttributeError.

use super::*;

pub fn getattr(ctx: &mut Ctx, obj: &Value, name: &str) -> R<Value> {
    match obj {
        Value::Instance(inst) => {
            let class_attr = inst.class.lookup(name);
            if let Some(Value::Instance(p)) = &class_attr {
                if p.class.native == Native::Property {
                    let getter = p.payload.lock().clone().unwrap_or(Value::None);
                    return call(ctx, &getter, vec![obj.clone()], vec![]);
                }
            }
            if let Some(v) = inst.dict.lock().get(name) {
                return Ok(v.clone());
            }
            if let Some(v) = class_attr {
                return Ok(bind(obj, &inst.class, v));
            }
            match name {
                "__class__" => return Ok(Value::Class(inst.class.clone())),
                "__dict__" => {
                    let d: crate::interp::dict::Dict = inst
                        .dict
                        .lock()
                        .iter()
                        .map(|(k, v)| (Key(Value::Str(k.clone())), v.clone()))
                        .collect();
                    return Ok(Value::Dict(Arc::new(Mutex::new(d))));
                }
                _ => {}
            }
            if inst.class.native == Native::Exception {
                if let Some(v) = crate::interp::exception_methods::attr(ctx, obj, name) {
                    return Ok(v);
                }
            }
            if let Some(m) = crate::interp::special::object_method(name) {
                return Ok(bind(obj, &inst.class, m));
            }
            if let Some(ga) = inst.class.lookup("__getattr__") {
                return call(ctx, &ga, vec![obj.clone(), Value::str(name)], vec![]);
            }
            Err(attr_error(ctx, obj, name))
        }
        Value::Class(c) => {
            if let Some(v) = c.lookup(name) {
                return Ok(match v {
                    Value::Instance(ref p) if p.class.native == Native::StaticMethod => {
                        p.payload.lock().clone().unwrap_or(Value::None)
                    }
                    Value::Instance(ref p) if p.class.native == Native::ClassMethod => {
                        let inner = p.payload.lock().clone().unwrap_or(Value::None);
                        Value::BoundMethod(Arc::new((obj.clone(), inner)))
                    }
                    other => other,
                });
            }
            match name {
                "__name__" => Ok(Value::Str(c.name.clone())),
                "__qualname__" => Ok(Value::Str(c.qualname.clone())),
                "__module__" => Ok(Value::Str(c.module.clone())),
                "__mro__" => Ok(Value::tuple(
                    c.lineage().map(|c| Value::Class(c.clone())).collect(),
                )),
                "__bases__" => Ok(Value::tuple(
                    c.bases.iter().map(|c| Value::Class(c.clone())).collect(),
                )),
                "__doc__" => Ok(Value::None),
                "__dict__" => {
                    let d: crate::interp::dict::Dict = c
                        .dict
                        .read()
                        .iter()
                        .map(|(k, v)| (Key(Value::Str(k.clone())), v.clone()))
                        .collect();
                    Ok(Value::Dict(Arc::new(Mutex::new(d))))
                }
                _ => match (ctx.interp.library.methods.type_attr)(ctx, c, name)
                    .or_else(|| crate::interp::special::object_method(name))
                {
                    Some(v) => Ok(v),
                    None => Err(ctx.err(
                        "AttributeError",
                        format!("type object '{}' has no attribute '{}'", c.name, name),
                    )),
                },
            }
        }
        Value::Module(m) => match m.globals.get(name) {
            Some(v) => Ok(v),
            None => match name {
                "__name__" => Ok(Value::Str(m.name.clone())),
                "__dict__" => {
                    let d: crate::interp::dict::Dict = m
                        .globals
                        .items()
                        .into_iter()
                        .map(|(k, v)| (Key(Value::Str(k)), v))
                        .collect();
                    Ok(Value::Dict(Arc::new(Mutex::new(d))))
                }
                _ => Err({
                    let mut e = ctx.err(
                        "AttributeError",
                        format!("module '{}' has no attribute '{}'", m.name, name),
                    );
                    e.hint_name = Some(Arc::from(name));
                    e.attr_obj = Some(obj.clone());
                    e
                }),
            },
        },
        Value::Native(n) => match n.get_attr(ctx, obj, name) {
            Some(r) => r,
            None => match name {
                // `cm.__exit__` as `contextlib.ExitStack` keeps it: what `with` calls.
                _ if n.attr_names().contains(&name) || matches!(name, "__enter__" | "__exit__") => {
                    Ok(Value::Builtin(Arc::new(Builtin {
                        name: Arc::from(name),
                        self_: Some(obj.clone()),
                        kind: BuiltinKind::Method(Arc::from(name)),
                    })))
                }
                "__class__" => Ok(Value::Class(n.class())),
                _ => Err(attr_error(ctx, obj, name)),
            },
        },
        Value::Func(func) => match name {
            // What the program set (`functools.wraps` copies `__name__` and `__doc__`
            // over) comes before what the definition says.
            _ if func.attrs.lock().contains_key(name) => {
                Ok(func.attrs.lock().get(name).cloned().unwrap_or(Value::None))
            }
            "__name__" => Ok(Value::Str(func.def.name.clone())),
            "__qualname__" => Ok(Value::Str(func.qualname.clone())),
            "__module__" => Ok(Value::Str(func.module.name.clone())),
            "__doc__" => Ok(doc_of(&func.def)),
            "__defaults__" => Ok(if func.defaults.is_empty() {
                Value::None
            } else {
                Value::tuple(func.defaults.clone())
            }),
            "__class__" => Ok(Value::Class(class("function"))),
            // Calling `f.__call__(...)` is calling `f` (CPython's is a method-wrapper).
            "__call__" => Ok(obj.clone()),
            // A function without annotations has an empty dict, made on first use.
            "__annotations__" => Ok(func
                .attrs
                .lock()
                .entry(Arc::from("__annotations__"))
                .or_insert_with(|| Value::Dict(Arc::new(Mutex::new(Default::default()))))
                .clone()),
            _ => Err(attr_error(ctx, obj, name)),
        },
        Value::BoundMethod(bm) => match name {
            "__self__" => Ok(bm.0.clone()),
            "__func__" => Ok(bm.1.clone()),
            "__call__" => Ok(obj.clone()),
            _ => getattr(ctx, &bm.1, name),
        },
        Value::Builtin(b) => match name {
            "__name__" | "__qualname__" => Ok(Value::Str(b.name.clone())),
            "__self__" => Ok(b.self_.clone().unwrap_or(Value::None)),
            "__doc__" => Ok(Value::None),
            "__call__" => Ok(obj.clone()),
            _ => Err(attr_error(ctx, obj, name)),
        },
        _ => match (ctx.interp.library.methods.value_attr)(ctx, obj, name)? {
            Some(v) => Ok(v),
            None => {
                if name == "__class__" {
                    return Ok(Value::Class(types::type_of(obj)));
                }
                if ctx.interp.library.has_method(obj, name) {
                    return Ok(Value::Builtin(Arc::new(Builtin {
                        name: Arc::from(name),
                        self_: Some(obj.clone()),
                        kind: BuiltinKind::Method(Arc::from(name)),
                    })));
                }
                if let Some(m) = crate::interp::special::value_method(obj, name) {
                    return Ok(m);
                }
                Err(attr_error(ctx, obj, name))
            }
        },
    }
}

pub(super) fn doc_of(def: &FuncDef) -> Value {
    if let Some(Stmt {
        kind:
            StmtKind::Expr(Expr {
                kind: ExprKind::Const(Const::Str(s)),
                ..
            }),
        ..
    }) = def.body.first()
    {
        return Value::Str(s.clone());
    }
    Value::None
}

/// A class attribute seen through an instance: functions become bound methods.
pub(super) fn bind(obj: &Value, cls: &Arc<Class>, v: Value) -> Value {
    match v {
        Value::Func(_) => Value::BoundMethod(Arc::new((obj.clone(), v))),
        Value::Builtin(ref b) if b.self_.is_none() => {
            if let BuiltinKind::Function(_) = b.kind {
                return Value::BoundMethod(Arc::new((obj.clone(), v)));
            }
            v
        }
        Value::Instance(ref p) if p.class.native == Native::StaticMethod => {
            p.payload.lock().clone().unwrap_or(Value::None)
        }
        Value::Instance(ref p) if p.class.native == Native::ClassMethod => {
            let inner = p.payload.lock().clone().unwrap_or(Value::None);
            Value::BoundMethod(Arc::new((Value::Class(cls.clone()), inner)))
        }
        other => other,
    }
}

pub fn attr_error(ctx: &Ctx, obj: &Value, name: &str) -> Box<Exc> {
    let mut e = ctx.err(
        "AttributeError",
        format!("'{}' object has no attribute '{}'", type_name(obj), name),
    );
    e.hint_name = Some(Arc::from(name));
    e.attr_obj = Some(obj.clone());
    e
}

pub fn setattr(ctx: &mut Ctx, obj: &Value, name: &str, v: Value) -> R<()> {
    match obj {
        Value::Instance(inst) => {
            if let Some(Value::Instance(p)) = &inst.class.lookup(name) {
                if p.class.native == Native::Property {
                    let setter = p.dict.lock().get("fset").cloned();
                    return match setter {
                        Some(s) if !s.is_none() => {
                            call(ctx, &s, vec![obj.clone(), v], vec![]).map(|_| ())
                        }
                        _ => Err(ctx.err(
                            "AttributeError",
                            format!(
                                "property '{}' of '{}' object has no setter",
                                name, inst.class.name
                            ),
                        )),
                    };
                }
            }
            if let Some(sa) = inst.class.lookup("__setattr__") {
                if matches!(sa, Value::Func(_)) {
                    return call(ctx, &sa, vec![obj.clone(), Value::str(name), v], vec![])
                        .map(|_| ());
                }
            }
            inst.dict.lock().insert(Arc::from(name), v);
            Ok(())
        }
        Value::Class(c) => {
            if c.def.is_none() {
                return Err(ctx.type_error(format!(
                    "cannot set '{}' attribute of immutable type '{}'",
                    name, c.name
                )));
            }
            c.dict.write().insert(Arc::from(name), v);
            Ok(())
        }
        Value::Module(m) => {
            m.globals.set(name, v);
            Ok(())
        }
        Value::Func(func) => {
            func.attrs.lock().insert(Arc::from(name), v);
            Ok(())
        }
        Value::Native(n) => match n.set_attr(ctx, name, v) {
            Some(r) => r,
            None => Err(ctx.err(
                "AttributeError",
                format!("'{}' object has no attribute '{}'", type_name(obj), name),
            )),
        },
        _ => {
            let has = ctx.interp.library.has_method(obj, name);
            Err(ctx.err(
                "AttributeError",
                if has {
                    format!(
                        "'{}' object attribute '{}' is read-only",
                        type_name(obj),
                        name
                    )
                } else {
                    format!("'{}' object has no attribute '{}'", type_name(obj), name)
                },
            ))
        }
    }
}

pub(crate) fn delattr(ctx: &mut Ctx, obj: &Value, name: &str) -> R<()> {
    match obj {
        Value::Instance(inst) => match inst.dict.lock().shift_remove(name) {
            Some(_) => Ok(()),
            None => Err(attr_error(ctx, obj, name)),
        },
        Value::Class(c) => match c.dict.write().shift_remove(name) {
            Some(_) => Ok(()),
            None => Err(ctx.err(
                "AttributeError",
                format!("type object '{}' has no attribute '{}'", c.name, name),
            )),
        },
        _ => Err(attr_error(ctx, obj, name)),
    }
}
