//! The objects the language itself makes, whatever library is loaded: `super()`'s
//! proxy, a property's `setter`/`getter`, and the wrapper that makes a Rust function a
//! Python callable (`builtin_fn`).

use crate::interp::exec::call;
use crate::interp::sharing::Mutex;
use crate::interp::types::{class, type_name, type_of};
use crate::interp::value::*;
use crate::interp::{Ctx, R};
use std::sync::Arc;

/// A Rust function as a Python callable that checks its own arguments (`len`,
/// `time.sleep`); module and library code make theirs with this.
pub fn builtin_fn(name: &str, f: NativeFn) -> Value {
    Value::Builtin(Arc::new(Builtin {
        name: Arc::from(name),
        self_: None,
        kind: BuiltinKind::Function(f),
    }))
}

/// `super()`: attribute lookup that starts after `owner` in `this`'s MRO.
pub struct SuperObj {
    pub owner: Arc<Class>,
    pub this: Value,
}

pub fn make_super(owner: Arc<Class>, this: Value) -> Value {
    Value::Native(Arc::new(SuperObj { owner, this }))
}

impl SuperObj {
    fn find(&self, name: &str) -> Option<Value> {
        let start_cls = match &self.this {
            Value::Class(c) => c.clone(),
            other => type_of(other),
        };
        let mut after = false;
        for c in start_cls.lineage() {
            if after {
                if let Some(v) = c.dict.read().get(name) {
                    return Some(v.clone());
                }
            }
            if Arc::ptr_eq(c, &self.owner) {
                after = true;
            }
        }
        None
    }
}

impl NativeObject for SuperObj {
    fn class(&self) -> Arc<Class> {
        class("super")
    }
    fn repr(&self) -> String {
        format!(
            "<super: <class '{}'>, <{} object>>",
            self.owner.name,
            type_name(&self.this)
        )
    }
    fn get_attr(&self, ctx: &mut Ctx, _this: &Value, name: &str) -> Option<R<Value>> {
        let v = match self.find(name) {
            Some(v) => v,
            None => {
                if name == "__init__" {
                    return Some(Ok(builtin_fn("__init__", |_, _, _| Ok(Value::None))));
                }
                if let Some(m) = crate::interp::special::object_method(name) {
                    // `__new__` is a static method: `super().__new__(cls)` passes the class.
                    if name == "__new__" {
                        return Some(Ok(m));
                    }
                    return Some(Ok(Value::BoundMethod(Arc::new((self.this.clone(), m)))));
                }
                return Some(Err(ctx.err(
                    "AttributeError",
                    format!("'super' object has no attribute '{name}'"),
                )));
            }
        };
        Some(Ok(match v {
            Value::Func(_) if name == "__new__" => v,
            Value::Func(_) => Value::BoundMethod(Arc::new((self.this.clone(), v))),
            Value::Builtin(ref b) if b.self_.is_none() => {
                Value::BoundMethod(Arc::new((self.this.clone(), v)))
            }
            Value::Instance(ref p) if p.class.native == Native::ClassMethod => {
                let inner = p.payload.lock().clone().unwrap_or(Value::None);
                let cls = match &self.this {
                    Value::Class(c) => c.clone(),
                    o => type_of(o),
                };
                Value::BoundMethod(Arc::new((Value::Class(cls), inner)))
            }
            other => other,
        }))
    }
    fn call_method(
        &self,
        ctx: &mut Ctx,
        this: &Value,
        name: &str,
        args: &[Value],
        kwargs: &[(Name, Value)],
    ) -> Option<R<Value>> {
        let m = match self.get_attr(ctx, this, name)? {
            Ok(m) => m,
            Err(e) => return Some(Err(e)),
        };
        Some(call(ctx, &m, args.to_vec(), kwargs.to_vec()))
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `@prop.setter` / `@prop.getter`: a new property with one accessor replaced.
pub fn property_with(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    if a.len() != 2 {
        return Err(ctx.type_error(format!("setter expected 2 arguments, got {}", a.len())));
    }
    let Value::Instance(old) = &a[0] else {
        return Err(ctx.type_error("descriptor 'setter' requires a 'property' object"));
    };
    // Which accessor: a setter takes (self, value), a getter (self).
    let is_setter = match &a[1] {
        Value::Func(f) => f.def.params.positional.len() >= 2,
        _ => true,
    };
    let getter = old.payload.lock().clone();
    let setter = old.dict.lock().get("fset").cloned().unwrap_or(Value::None);
    let inst = Instance {
        class: old.class.clone(),
        dict: Mutex::new(Attrs::new()),
        payload: Mutex::new(if is_setter {
            getter
        } else {
            Some(a[1].clone())
        }),
        hash: std::sync::OnceLock::new(),
    };
    inst.dict.lock().insert(
        Arc::from("fset"),
        if is_setter { a[1].clone() } else { setter },
    );
    Ok(Value::Instance(Arc::new(inst)))
}

/// `list[int]`, `dict[str, list[int]]`: a built-in class with type arguments, as
/// annotations write them (CPython's `types.GenericAlias`). Calling it calls the class.
pub struct GenericAlias {
    pub origin: Arc<Class>,
    pub args: Vec<Value>,
}

/// `origin[index]` for a built-in class: the index is one argument or a tuple of them.
pub fn generic_alias(origin: &Arc<Class>, index: &Value) -> Value {
    let args = match index {
        Value::Tuple(items) => items.to_vec(),
        other => vec![other.clone()],
    };
    Value::Native(Arc::new(GenericAlias {
        origin: origin.clone(),
        args,
    }))
}

/// How a type argument is written inside `[...]` (CPython's `_Py_typing_type_repr`):
/// a class by its (qualified) name, `...` for Ellipsis, anything else by its repr.
fn type_arg_repr(ctx: &mut Ctx, v: &Value) -> R<String> {
    Ok(match v {
        Value::Class(c) if &*c.module == "builtins" => c.qualname.to_string(),
        Value::Class(c) => format!("{}.{}", c.module, c.qualname),
        Value::Ellipsis => "...".into(),
        other => crate::interp::repr::repr(ctx, other)?,
    })
}

impl NativeObject for GenericAlias {
    fn class(&self) -> Arc<Class> {
        static C: std::sync::OnceLock<Arc<Class>> = std::sync::OnceLock::new();
        C.get_or_init(|| {
            crate::interp::types::make_class(
                "GenericAlias",
                "types",
                vec![class("object")],
                Native::Other,
                Attrs::new(),
            )
        })
        .clone()
    }
    fn repr(&self) -> String {
        format!("{}[...]", self.origin.qualname)
    }
    fn get_attr(&self, ctx: &mut Ctx, _this: &Value, name: &str) -> Option<R<Value>> {
        Some(match name {
            "__origin__" => Ok(Value::Class(self.origin.clone())),
            "__args__" => Ok(Value::tuple(self.args.clone())),
            "__parameters__" => Ok(Value::tuple(vec![])),
            _ => crate::interp::exec::getattr(ctx, &Value::Class(self.origin.clone()), name),
        })
    }
    fn call_method(
        &self,
        ctx: &mut Ctx,
        _this: &Value,
        name: &str,
        args: &[Value],
        kwargs: &[(Name, Value)],
    ) -> Option<R<Value>> {
        match name {
            "__call__" => Some(call(
                ctx,
                &Value::Class(self.origin.clone()),
                args.to_vec(),
                kwargs.to_vec(),
            )),
            "__repr__" => Some((|| {
                let mut parts = Vec::with_capacity(self.args.len());
                for a in &self.args {
                    parts.push(type_arg_repr(ctx, a)?);
                }
                let shown = if parts.is_empty() {
                    "()".to_string()
                } else {
                    parts.join(", ")
                };
                Ok(Value::string(format!(
                    "{}[{}]",
                    self.origin.qualname, shown
                )))
            })()),
            _ => None,
        }
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `int | None`, `bytes | str | None`: a union of types (CPython's `types.UnionType`),
/// as annotations write it.
pub struct UnionType {
    pub args: Vec<Value>,
}

/// `a | b` when both are types (a class, `None`, `list[int]`, another union): their
/// union, flattened and without repeats; `None` otherwise.
pub fn type_union(a: &Value, b: &Value) -> Option<Value> {
    fn members(v: &Value) -> Option<Vec<Value>> {
        match v {
            Value::Class(_) => Some(vec![v.clone()]),
            Value::None => Some(vec![Value::Class(class("NoneType"))]),
            Value::Native(n) => {
                if let Some(u) = n.as_any().downcast_ref::<UnionType>() {
                    Some(u.args.clone())
                } else if n.as_any().is::<GenericAlias>() {
                    Some(vec![v.clone()])
                } else {
                    None
                }
            }
            _ => None,
        }
    }
    let mut args = members(a)?;
    for m in members(b)? {
        if !args.iter().any(|x| x.is(&m)) {
            args.push(m);
        }
    }
    if args.len() == 1 {
        return args.pop();
    }
    Some(Value::Native(Arc::new(UnionType { args })))
}

impl NativeObject for UnionType {
    fn class(&self) -> Arc<Class> {
        static C: std::sync::OnceLock<Arc<Class>> = std::sync::OnceLock::new();
        C.get_or_init(|| {
            crate::interp::types::make_class(
                "UnionType",
                "types",
                vec![class("object")],
                Native::Other,
                Attrs::new(),
            )
        })
        .clone()
    }
    fn repr(&self) -> String {
        "UnionType".into()
    }
    fn get_attr(&self, ctx: &mut Ctx, _this: &Value, name: &str) -> Option<R<Value>> {
        Some(match name {
            "__args__" => Ok(Value::tuple(self.args.clone())),
            "__parameters__" => Ok(Value::tuple(vec![])),
            _ => Err(ctx.err(
                "AttributeError",
                format!("'types.UnionType' object has no attribute '{name}'"),
            )),
        })
    }
    fn call_method(
        &self,
        ctx: &mut Ctx,
        _this: &Value,
        name: &str,
        _args: &[Value],
        _kwargs: &[(Name, Value)],
    ) -> Option<R<Value>> {
        match name {
            "__repr__" => Some((|| {
                let mut parts = Vec::with_capacity(self.args.len());
                for a in &self.args {
                    parts.push(match a {
                        Value::Class(c) if &*c.name == "NoneType" => "None".to_string(),
                        other => type_arg_repr(ctx, other)?,
                    });
                }
                Ok(Value::string(parts.join(" | ")))
            })()),
            _ => None,
        }
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
