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
