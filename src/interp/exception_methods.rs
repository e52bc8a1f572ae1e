//! The methods of the built-in exception classes: `__init__` records `args` (and, for
//! `OSError`, `errno`/`strerror`), `__str__` and `__repr__` print as CPython's.

use crate::interp::objects::builtin_fn;
use crate::interp::types;
use crate::interp::value::{Attrs, Value};
use crate::interp::{Ctx, R};
use std::sync::Arc;

fn set(obj: &Value, name: &str, v: Value) {
    if let Value::Instance(i) = obj {
        i.dict.lock().insert(Arc::from(name), v);
    }
}

fn base_init(_ctx: &mut Ctx, a: &[Value], _k: &[(crate::interp::Name, Value)]) -> R<Value> {
    if let Some((this, args)) = a.split_first() {
        set(this, "args", Value::tuple(args.to_vec()));
    }
    Ok(Value::None)
}

fn os_init(_ctx: &mut Ctx, a: &[Value], _k: &[(crate::interp::Name, Value)]) -> R<Value> {
    if let Some((this, args)) = a.split_first() {
        if (2..=5).contains(&args.len()) {
            set(this, "errno", args[0].clone());
            set(this, "strerror", args[1].clone());
            set(
                this,
                "filename",
                args.get(2).cloned().unwrap_or(Value::None),
            );
            set(this, "args", Value::tuple(args[..2].to_vec()));
        } else {
            set(this, "args", Value::tuple(args.to_vec()));
        }
    }
    Ok(Value::None)
}

fn exit_init(_ctx: &mut Ctx, a: &[Value], _k: &[(crate::interp::Name, Value)]) -> R<Value> {
    if let Some((this, args)) = a.split_first() {
        set(this, "args", Value::tuple(args.to_vec()));
        let code = match args.len() {
            0 => Value::None,
            1 => args[0].clone(),
            _ => Value::tuple(args.to_vec()),
        };
        set(this, "code", code);
    }
    Ok(Value::None)
}

fn exc_str(ctx: &mut Ctx, a: &[Value], _k: &[(crate::interp::Name, Value)]) -> R<Value> {
    let this = a.first().cloned().unwrap_or(Value::None);
    Ok(Value::string(crate::interp::exceptions_str(ctx, &this)?))
}

fn exc_repr(ctx: &mut Ctx, a: &[Value], _k: &[(crate::interp::Name, Value)]) -> R<Value> {
    let this = a.first().cloned().unwrap_or(Value::None);
    let Value::Instance(inst) = &this else {
        return Ok(Value::str("<exception>"));
    };
    let args = inst
        .dict
        .lock()
        .get("args")
        .cloned()
        .unwrap_or(Value::tuple(vec![]));
    let inner = match &args {
        Value::Tuple(t) if t.len() == 1 => crate::interp::repr::repr(ctx, &t[0])?,
        Value::Tuple(t) => {
            let mut parts = Vec::new();
            for x in t.iter() {
                parts.push(crate::interp::repr::repr(ctx, x)?);
            }
            parts.join(", ")
        }
        other => crate::interp::repr::repr(ctx, other)?,
    };
    Ok(Value::string(format!("{}({})", inst.class.name, inner)))
}

/// The methods a built-in exception class defines itself.
pub fn class_dict(name: &str) -> Attrs {
    let mut d = Attrs::new();
    match name {
        "BaseException" => {
            d.insert(Arc::from("__init__"), builtin_fn("__init__", base_init));
            d.insert(Arc::from("__str__"), builtin_fn("__str__", exc_str));
            d.insert(Arc::from("__repr__"), builtin_fn("__repr__", exc_repr));
        }
        "OSError" => {
            d.insert(Arc::from("__init__"), builtin_fn("__init__", os_init));
        }
        "SystemExit" => {
            d.insert(Arc::from("__init__"), builtin_fn("__init__", exit_init));
        }
        _ => {}
    }
    d
}

/// Attributes every instance of a built-in exception class has even when unset.
pub fn attr(ctx: &mut Ctx, obj: &Value, name: &str) -> Option<Value> {
    let Value::Instance(inst) = obj else {
        return None;
    };
    let is = |c: &str| inst.class.is_subclass_of(&types::class(c));
    match name {
        "errno" | "strerror" | "filename" | "filename2" if is("OSError") => Some(Value::None),
        "code" if is("SystemExit") => {
            let args = inst.dict.lock().get("args").cloned();
            Some(match &args {
                Some(Value::Tuple(t)) if t.len() == 1 => t[0].clone(),
                Some(Value::Tuple(t)) if t.is_empty() => Value::None,
                Some(other) => other.clone(),
                None => Value::None,
            })
        }
        "value" if is("StopIteration") => {
            let args = inst.dict.lock().get("args").cloned();
            Some(match &args {
                Some(Value::Tuple(t)) => t.first().cloned().unwrap_or(Value::None),
                _ => Value::None,
            })
        }
        "__traceback__" => Some(crate::interp::exceptions::Traceback::of(ctx, obj)),
        "__context__" | "__cause__" => Some(Value::None),
        "__suppress_context__" => Some(Value::Bool(false)),
        _ => None,
    }
}
