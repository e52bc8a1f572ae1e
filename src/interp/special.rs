//! Special methods called by name: `object.__setattr__(self, k, v)` in a class's own
//! `__setattr__`, `super().__repr__()`, `[1, 2].__len__()`, `hasattr(x, "__iter__")`.
//!
//! The interpreter runs `len(x)`, `x[i]`, `repr(x)` and `==` itself, so these methods are
//! not in any class's dict (where every lookup of a user's `__repr__` would find them).
//! They are found last: after the class, its bases and the instance, before a user's
//! `__getattr__`, as CPython finds `object`'s and the built-in types' slots.

use super::exec::{call, get_iter, getattr, setattr};
use super::types::type_name;
use super::value::{Builtin, BuiltinKind, Native, NativeFn, Value};
use super::{Ctx, R};
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};
use std::sync::Arc;

/// `object`'s method `name`, unbound (`object.__setattr__`), if it has one.
pub fn object_method(name: &str) -> Option<Value> {
    let f: NativeFn = match name {
        "__setattr__" => |ctx, a, _| {
            let [this, name, value] = exactly(ctx, "__setattr__", a)?;
            let name = attr_name(ctx, name)?;
            raw_setattr(ctx, this, &name, value.clone())?;
            Ok(Value::None)
        },
        "__getattribute__" => |ctx, a, _| {
            let [this, name] = exactly(ctx, "__getattribute__", a)?;
            let name = attr_name(ctx, name)?;
            getattr(ctx, this, &name)
        },
        "__delattr__" => |ctx, a, _| {
            let [this, name] = exactly(ctx, "__delattr__", a)?;
            let name = attr_name(ctx, name)?;
            super::exec::delattr(ctx, this, &name)?;
            Ok(Value::None)
        },
        "__repr__" => |ctx, a, _| {
            let [this] = exactly(ctx, "__repr__", a)?;
            Ok(Value::string(super::repr::object_repr(this)))
        },
        "__str__" => |ctx, a, _| {
            let [this] = exactly(ctx, "__str__", a)?;
            Ok(Value::string(super::repr::repr(ctx, this)?))
        },
        "__format__" => |ctx, a, _| {
            let [this, spec] = exactly(ctx, "__format__", a)?;
            match spec {
                Value::Str(s) if s.is_empty() => Ok(Value::string(super::repr::str(ctx, this)?)),
                Value::Str(_) => Err(ctx.type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    type_name(this)
                ))),
                other => Err(ctx.type_error(format!(
                    "__format__() argument must be str, not {}",
                    type_name(other)
                ))),
            }
        },
        "__eq__" => |ctx, a, _| {
            let [this, other] = exactly(ctx, "__eq__", a)?;
            Ok(if this.is(other) {
                Value::Bool(true)
            } else {
                Value::NotImplemented
            })
        },
        "__ne__" => |ctx, a, _| {
            let [this, other] = exactly(ctx, "__ne__", a)?;
            // CPython's `object.__ne__`: the inverse of the type's own `__eq__`.
            let eq = match getattr(ctx, this, "__eq__") {
                Ok(m) => call(ctx, &m, vec![other.clone()], vec![])?,
                Err(_) => Value::NotImplemented,
            };
            Ok(match eq {
                Value::NotImplemented => Value::NotImplemented,
                v => Value::Bool(!super::exec::truthy(ctx, &v)?),
            })
        },
        "__lt__" | "__le__" | "__gt__" | "__ge__" => |_, _, _| Ok(Value::NotImplemented),
        "__hash__" => |ctx, a, _| {
            let [this] = exactly(ctx, "__hash__", a)?;
            builtin(ctx, "hash", this)
        },
        "__init__" => |_, _, _| Ok(Value::None),
        "__new__" => |ctx, a, _| match a.split_first() {
            Some((Value::Class(c), rest)) => super::exec::new_object(ctx, c, rest),
            Some((other, _)) => Err(ctx.type_error(format!(
                "object.__new__(X): X is not a type object ({})",
                type_name(other)
            ))),
            None => Err(ctx.type_error("object.__new__(): not enough arguments")),
        },
        "__dir__" => |ctx, a, _| {
            let [this] = exactly(ctx, "__dir__", a)?;
            let names = ctx.interp.library.attribute_names(this);
            Ok(Value::list(names.into_iter().map(Value::string).collect()))
        },
        _ => return None,
    };
    Some(native(name, None, f))
}

/// The special method `name` of a built-in value (`[1, 2].__len__`), bound to it, when
/// its type has one that socklab implements.
pub fn value_method(v: &Value, name: &str) -> Option<Value> {
    let container = matches!(
        v,
        Value::Str(_)
            | Value::Bytes(_)
            | Value::ByteArray(_)
            | Value::List(_)
            | Value::Tuple(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::FrozenSet(_)
            | Value::Range(_)
    );
    let indexable = container && !matches!(v, Value::Set(_) | Value::FrozenSet(_));
    // A mutable container's `__hash__` is None, as CPython marks it unhashable.
    if name == "__hash__"
        && matches!(
            v,
            Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::ByteArray(_)
        )
    {
        return Some(Value::None);
    }
    let f: NativeFn = match name {
        "__len__" if container => |ctx, a, _| {
            let [this] = exactly(ctx, "__len__", a)?;
            builtin(ctx, "len", this)
        },
        "__iter__" if container => |ctx, a, _| {
            let [this] = exactly(ctx, "__iter__", a)?;
            get_iter(ctx, this)
        },
        "__contains__" if container => |ctx, a, _| {
            let [this, item] = exactly(ctx, "__contains__", a)?;
            Ok(Value::Bool(super::ops::contains(ctx, this, item)?))
        },
        "__getitem__" if indexable => |ctx, a, _| {
            let [this, index] = exactly(ctx, "__getitem__", a)?;
            super::ops::getitem(ctx, this, index)
        },
        "__repr__" => |ctx, a, _| {
            let [this] = exactly(ctx, "__repr__", a)?;
            Ok(Value::string(super::repr::repr(ctx, this)?))
        },
        "__str__" => |ctx, a, _| {
            let [this] = exactly(ctx, "__str__", a)?;
            Ok(Value::string(super::repr::str(ctx, this)?))
        },
        "__hash__" => |ctx, a, _| {
            let [this] = exactly(ctx, "__hash__", a)?;
            builtin(ctx, "hash", this)
        },
        "__reversed__" if matches!(v, Value::List(_) | Value::Dict(_) | Value::Range(_)) => {
            |ctx, a, _| {
                let [this] = exactly(ctx, "__reversed__", a)?;
                builtin(ctx, "reversed", this)
            }
        }
        "__eq__" | "__ne__" => return Some(comparison(v, name)),
        "__lt__" => |ctx, a, _| ordering(ctx, a, CmpOp::Lt, "__lt__"),
        "__le__" => |ctx, a, _| ordering(ctx, a, CmpOp::LtE, "__le__"),
        "__gt__" => |ctx, a, _| ordering(ctx, a, CmpOp::Gt, "__gt__"),
        "__ge__" => |ctx, a, _| ordering(ctx, a, CmpOp::GtE, "__ge__"),
        "__next__" if matches!(v, Value::Iter(_)) => |ctx, a, _| {
            let [this] = exactly(ctx, "__next__", a)?;
            match super::exec::next(ctx, this)? {
                Some(item) => Ok(item),
                None => Err(super::Exc::new(super::types::new_exception(
                    "StopIteration",
                    vec![],
                ))),
            }
        },
        "__iter__" if matches!(v, Value::Iter(_)) => |ctx, a, _| {
            let [this] = exactly(ctx, "__iter__", a)?;
            Ok(this.clone())
        },
        _ if number(v) => return number_method(v, name),
        _ if has_binary(v, name) => return binary_method(v, name),
        _ => return None,
    };
    Some(native(name, Some(v), f))
}

/// `x.__eq__(y)` / `x.__ne__(y)` of a built-in value: the comparison when `x`'s type
/// knows `y`'s (the same type; an int meets a bool; a float meets an int), otherwise
/// `NotImplemented`, as CPython's types answer.
fn comparison(v: &Value, name: &str) -> Value {
    let f: NativeFn = if name == "__eq__" {
        |ctx, a, _| equality(ctx, a, false)
    } else {
        |ctx, a, _| equality(ctx, a, true)
    };
    native(name, Some(v), f)
}

fn equality(ctx: &mut Ctx, a: &[Value], negate: bool) -> R<Value> {
    let [this, other] = exactly(ctx, "__eq__", a)?;
    if !knows(this, other) {
        return Ok(Value::NotImplemented);
    }
    Ok(Value::Bool(super::ops::eq(ctx, this, other)? != negate))
}

fn number(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_)
    )
}

/// `x.__lt__(y)` and the other orderings: the comparison when `x`'s type knows `y`'s,
/// otherwise (or where the types have no order, as dicts) `NotImplemented`.
fn ordering(ctx: &mut Ctx, a: &[Value], op: CmpOp, name: &str) -> R<Value> {
    let [this, other] = exactly(ctx, name, a)?;
    if !knows(this, other) {
        return Ok(Value::NotImplemented);
    }
    match super::ops::compare(ctx, op, this, other) {
        Err(e) if e.is("TypeError") => Ok(Value::NotImplemented),
        r => r,
    }
}

/// The operators a sequence, set or dict answers by name (`[1].__add__([2])`).
fn has_binary(v: &Value, name: &str) -> bool {
    match v {
        Value::Str(_) | Value::Bytes(_) | Value::ByteArray(_) => {
            matches!(
                name,
                "__add__" | "__mul__" | "__rmul__" | "__mod__" | "__rmod__"
            )
        }
        Value::List(_) | Value::Tuple(_) => matches!(name, "__add__" | "__mul__" | "__rmul__"),
        Value::Set(_) | Value::FrozenSet(_) => matches!(
            name,
            "__and__"
                | "__or__"
                | "__sub__"
                | "__xor__"
                | "__rand__"
                | "__ror__"
                | "__rsub__"
                | "__rxor__"
        ),
        Value::Dict(_) => matches!(name, "__or__" | "__ror__"),
        _ => false,
    }
}

/// An operator by its special method's name: the operator, and whether it is the
/// reflected one (`__radd__`: `y + x` for `x.__radd__(y)`).
fn operator(name: &str) -> Option<(BinOp, bool)> {
    let (base, reflected) = match name.strip_prefix("__r") {
        Some(rest) if name != "__rshift__" && name != "__round__" => (format!("__{rest}"), true),
        _ => (name.to_string(), false),
    };
    let op = match base.as_str() {
        "__add__" => BinOp::Add,
        "__sub__" => BinOp::Sub,
        "__mul__" => BinOp::Mul,
        "__truediv__" => BinOp::Div,
        "__floordiv__" => BinOp::FloorDiv,
        "__mod__" => BinOp::Mod,
        "__pow__" => BinOp::Pow,
        "__lshift__" => BinOp::LShift,
        "__rshift__" => BinOp::RShift,
        "__and__" => BinOp::BitAnd,
        "__or__" => BinOp::BitOr,
        "__xor__" => BinOp::BitXor,
        _ => return None,
    };
    Some((op, reflected))
}

/// `x.__add__(y)` and its kin for sequences, sets and dicts, bound to `v`: the operator
/// itself, whose TypeErrors are the ones CPython's methods raise; `NotImplemented` for
/// a set or dict meeting another type.
fn binary_method(v: &Value, name: &str) -> Option<Value> {
    operator(name)?;
    dunder_builtin(v, name)
}

/// The numbers' special methods, bound to `v`: operators answer `NotImplemented` for a
/// type the number's type does not know (`(1).__add__(1.5)`), as CPython's do.
fn number_method(v: &Value, name: &str) -> Option<Value> {
    let int = !matches!(v, Value::Float(_));
    let exists = match name {
        "__neg__" | "__pos__" | "__abs__" | "__bool__" | "__int__" | "__float__" | "__round__"
        | "__trunc__" | "__floor__" | "__ceil__" | "__divmod__" | "__rdivmod__" => true,
        "__invert__" | "__index__" => int,
        _ => match operator(name) {
            Some((
                BinOp::LShift | BinOp::RShift | BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor,
                _,
            )) => int,
            Some(_) => true,
            None => false,
        },
    };
    if exists {
        dunder_builtin(v, name)
    } else {
        None
    }
}

/// A special method of a built-in value as a bound method: called, it runs
/// [`run_dunder`] with its own name (a function per name, as a `NativeFn` keeps none).
fn dunder_builtin(v: &Value, name: &str) -> Option<Value> {
    macro_rules! by_name {
        ($($n:literal),*) => {
            match name {
                $($n => (|ctx, a, _| run_dunder(ctx, $n, a)) as NativeFn,)*
                _ => return None,
            }
        };
    }
    let f = by_name!(
        "__add__",
        "__radd__",
        "__sub__",
        "__rsub__",
        "__mul__",
        "__rmul__",
        "__truediv__",
        "__rtruediv__",
        "__floordiv__",
        "__rfloordiv__",
        "__mod__",
        "__rmod__",
        "__pow__",
        "__rpow__",
        "__lshift__",
        "__rlshift__",
        "__rshift__",
        "__rrshift__",
        "__and__",
        "__rand__",
        "__or__",
        "__ror__",
        "__xor__",
        "__rxor__",
        "__neg__",
        "__pos__",
        "__invert__",
        "__bool__",
        "__abs__",
        "__int__",
        "__float__",
        "__index__",
        "__trunc__",
        "__round__",
        "__floor__",
        "__ceil__",
        "__divmod__",
        "__rdivmod__"
    );
    Some(native(name, Some(v), f))
}

/// Run special method `name` of the built-in value `a[0]` with the rest of `a`.
fn run_dunder(ctx: &mut Ctx, name: &str, a: &[Value]) -> R<Value> {
    if let Some((op, reflected)) = operator(name) {
        let [this, other] = exactly(ctx, name, a)?;
        let checked =
            number(this) || matches!(this, Value::Set(_) | Value::FrozenSet(_) | Value::Dict(_));
        if checked && !knows(this, other) {
            return Ok(Value::NotImplemented);
        }
        let (x, y) = if reflected {
            (other.clone(), this.clone())
        } else {
            (this.clone(), other.clone())
        };
        return super::ops::binary(ctx, op, x, y);
    }
    match name {
        "__neg__" | "__pos__" | "__invert__" => {
            let [this] = exactly(ctx, name, a)?;
            let op = match name {
                "__neg__" => UnaryOp::Neg,
                "__pos__" => UnaryOp::Pos,
                _ => UnaryOp::Invert,
            };
            super::ops::unary(ctx, op, this.clone())
        }
        "__bool__" => {
            let [this] = exactly(ctx, name, a)?;
            Ok(Value::Bool(super::exec::truthy(ctx, this)?))
        }
        "__abs__" | "__int__" | "__float__" | "__index__" | "__trunc__" => {
            let [this] = exactly(ctx, name, a)?;
            let f = match name {
                "__abs__" => "abs",
                "__float__" => "float",
                _ => "int",
            };
            builtin(ctx, f, this)
        }
        "__round__" => match a {
            [this] => builtin(ctx, "round", this),
            [this, digits] => builtin_n(ctx, "round", vec![this.clone(), digits.clone()]),
            _ => Err(ctx.type_error(format!(
                "__round__ expected at most 1 argument, got {}",
                a.len().saturating_sub(1)
            ))),
        },
        "__floor__" | "__ceil__" => {
            let [this] = exactly(ctx, name, a)?;
            let x = match this {
                Value::Float(x) if name == "__floor__" => x.floor(),
                Value::Float(x) => x.ceil(),
                other => return builtin(ctx, "int", other),
            };
            builtin(ctx, "int", &Value::Float(x))
        }
        "__divmod__" | "__rdivmod__" => {
            let [this, other] = exactly(ctx, name, a)?;
            if !knows(this, other) {
                return Ok(Value::NotImplemented);
            }
            let args = if name == "__divmod__" {
                vec![this.clone(), other.clone()]
            } else {
                vec![other.clone(), this.clone()]
            };
            builtin_n(ctx, "divmod", args)
        }
        _ => Err(ctx.err("AttributeError", format!("no special method {name}"))),
    }
}

fn knows(this: &Value, other: &Value) -> bool {
    let int = |v: &Value| matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_));
    match this {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => int(other),
        Value::Float(_) => int(other) || matches!(other, Value::Float(_)),
        Value::Set(_) | Value::FrozenSet(_) => {
            matches!(other, Value::Set(_) | Value::FrozenSet(_))
        }
        Value::Bytes(_) | Value::ByteArray(_) => {
            matches!(other, Value::Bytes(_) | Value::ByteArray(_))
        }
        _ => type_name(this) == type_name(other),
    }
}

/// `setattr` as `object` does it: a property's setter, or the instance's own dict,
/// never the class's `__setattr__` (the usual caller).
fn raw_setattr(ctx: &mut Ctx, this: &Value, name: &str, value: Value) -> R<()> {
    if let Value::Instance(inst) = this {
        let is_property = matches!(
            &inst.class.lookup(name),
            Some(Value::Instance(p)) if p.class.native == Native::Property
        );
        if !is_property {
            inst.dict.lock().insert(Arc::from(name), value);
            return Ok(());
        }
    }
    setattr(ctx, this, name, value)
}

/// Special method `name` as a value: unbound (`object.__setattr__`) or bound to `this`.
fn native(name: &str, this: Option<&Value>, f: NativeFn) -> Value {
    Value::Builtin(Arc::new(Builtin {
        name: Arc::from(name),
        self_: this.cloned(),
        kind: BuiltinKind::Function(f),
    }))
}

/// A built-in function of the library by name (`len`, `hash`): the core names none.
fn builtin(ctx: &mut Ctx, name: &str, arg: &Value) -> R<Value> {
    builtin_n(ctx, name, vec![arg.clone()])
}

fn builtin_n(ctx: &mut Ctx, name: &str, args: Vec<Value>) -> R<Value> {
    match ctx.interp.builtins.get(name).cloned() {
        Some(f) => call(ctx, &f, args, vec![]),
        None => Err(ctx.err("SystemError", format!("no built-in {name}()"))),
    }
}

fn attr_name(ctx: &mut Ctx, name: &Value) -> R<String> {
    match name {
        Value::Str(s) => Ok(s.to_string()),
        other => Err(ctx.type_error(format!(
            "attribute name must be string, not '{}'",
            type_name(other)
        ))),
    }
}

/// The `N` arguments a special method takes, `self` first, or CPython's TypeError.
/// (CPython's wrappers do not name the method: `expected 1 argument, got 0`.)
fn exactly<'a, const N: usize>(ctx: &Ctx, _name: &str, a: &'a [Value]) -> R<&'a [Value; N]> {
    a.try_into().map_err(|_| {
        let want = N.saturating_sub(1);
        ctx.type_error(format!(
            "expected {want} argument{}, got {}",
            if want == 1 { "" } else { "s" },
            a.len().saturating_sub(1)
        ))
    })
}
