//! Methods of the built-in values: `str`, `bytes`, `bytearray`, `list`, `tuple`,
//! `dict`, `set`, `int`, `float`. One dispatcher by (type, name), so `s.upper()` and
//! `f = s.upper; f()` share the code. Each type's table of signatures
//! (`builtins::signatures`) decides what is a method; the binder checks the arguments
//! before the code here runs.
//!
//! - `mod.rs`: the tables per value, `dispatch` (after the core's `call_method` has
//!   bound the arguments), attributes of values
//!   and types (`int.from_bytes`, `str.upper(s)`);
//! - `string`: `str`; `bytes`: `bytes` and `bytearray`; `codecs`: encode/decode and
//!   bytes-like arguments; `number`: `int` and `float`; `list`: `list` and `tuple`;
//!   `dict`: `dict` and its views; `set`: `set` and `frozenset`.

use super::functions::{kwarg, sort_values, to_i64};
use crate::interp::args::{self, Signature};
use crate::interp::dict::{Dict, Key};
use crate::interp::exec::{hash_key, iterate, truthy};
use crate::interp::ops;
use crate::interp::registry::TypeMethods;
use crate::interp::repr;
use crate::interp::sharing::Mutex;
use crate::interp::types::{self, type_name};
use crate::interp::value::DictPart;
use crate::interp::value::*;
use crate::interp::{Ctx, Exc, R};
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, Zero};
use std::fmt::Write;
use std::sync::Arc;

mod bytes;
mod codecs;
mod dict;
mod list;
mod number;
mod set;
mod string;

use bytes::*;
use codecs::*;
pub use codecs::{bytes_like, decode, encode};
pub use dict::DictView;
use dict::*;
use list::*;
use number::*;
use set::*;
use string::*;

/// The methods of a built-in value's type, with their signatures: what dispatch accepts
/// and `dir()` lists.
pub fn method_table(v: &Value) -> &'static [Signature] {
    use super::signatures as sigs;
    match v {
        Value::Str(_) => sigs::STR,
        Value::Bytes(_) => sigs::BYTES,
        Value::ByteArray(_) => sigs::BYTEARRAY,
        Value::List(_) => sigs::LIST,
        Value::Tuple(_) => sigs::TUPLE,
        Value::Dict(_) => sigs::DICT,
        Value::Set(_) => sigs::SET,
        Value::FrozenSet(_) => sigs::FROZENSET,
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => sigs::INT,
        Value::Float(_) => sigs::FLOAT,
        Value::Range(_) => sigs::RANGE,
        Value::Slice(_) => sigs::SLICE,
        _ => &[],
    }
}

/// The method table of a built-in class by its name (`str.upper`, `dir(str)`).
fn type_table(name: &str) -> &'static [Signature] {
    use super::signatures as sigs;
    match name {
        "str" => sigs::STR,
        "bytes" => sigs::BYTES,
        "bytearray" => sigs::BYTEARRAY,
        "list" => sigs::LIST,
        "tuple" => sigs::TUPLE,
        "dict" => sigs::DICT,
        "set" => sigs::SET,
        "frozenset" => sigs::FROZENSET,
        "int" => sigs::INT,
        "float" => sigs::FLOAT,
        "range" => sigs::RANGE,
        "slice" => sigs::SLICE,
        _ => &[],
    }
}

/// The functions of a built-in class (`int.from_bytes`, `bytes.fromhex`), which its
/// values have too (`b"".fromhex`).
fn type_function_names(class: &str) -> impl Iterator<Item = &'static str> + '_ {
    super::signatures::TYPE_FUNCTIONS
        .iter()
        .filter(move |s| s.owner == class)
        .map(|s| s.name)
}

/// Data attributes of built-in values (`x.real`, `r.start`), answered by `value_attr`.
fn data_attr_names(v: &Value) -> &'static [&'static str] {
    match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            &["denominator", "imag", "numerator", "real"]
        }
        Value::Float(_) => &["imag", "real"],
        Value::Range(_) | Value::Slice(_) => &["start", "step", "stop"],
        _ => &[],
    }
}

/// The class a value's type functions belong to (a bool's are int's).
fn function_owner(v: &Value) -> &'static str {
    match v {
        Value::Bool(_) | Value::BigInt(_) => "int",
        other => match other {
            Value::Str(_) => "str",
            Value::Bytes(_) => "bytes",
            Value::ByteArray(_) => "bytearray",
            Value::Dict(_) => "dict",
            Value::Int(_) => "int",
            Value::Float(_) => "float",
            _ => "",
        },
    }
}

/// What the interpreter core calls for the built-in value types (`interp::registry`).
pub const TYPE_METHODS: TypeMethods = TypeMethods {
    table: method_table,
    dispatch,
    value_attr,
    value_attr_names,
    type_attr,
    type_attr_names,
    native_table,
};

/// The method table of a native object's type, where it has a declared one.
fn native_table(v: &Value) -> &'static [Signature] {
    match v {
        Value::Native(_) if type_name(v) == "socket" => super::signatures::SOCKET,
        _ => &[],
    }
}

/// The names `value_attr` answers, per value.
fn value_attr_names(v: &Value) -> Vec<&'static str> {
    let mut names = data_attr_names(v).to_vec();
    names.extend(type_function_names(function_owner(v)));
    names
}

/// What `dir()` lists of a built-in class: its methods and functions.
fn type_attr_names(c: &Class) -> Vec<&'static str> {
    let name = if &*c.name == "bool" { "int" } else { &c.name };
    let mut names: Vec<&'static str> = type_table(name).iter().map(|s| s.name).collect();
    names.extend(type_function_names(name));
    names
}

/// Non-method attributes of built-in values (`r.start`, `x.real`).
fn value_attr(ctx: &mut Ctx, v: &Value, name: &str) -> R<Option<Value>> {
    Ok(match (v, name) {
        (Value::Range(r), "start") => Some(int_value(r.start)),
        (Value::Range(r), "stop") => Some(int_value(r.stop)),
        (Value::Range(r), "step") => Some(int_value(r.step)),
        (Value::Slice(s), "start") => Some(s[0].clone()),
        (Value::Slice(s), "stop") => Some(s[1].clone()),
        (Value::Slice(s), "step") => Some(s[2].clone()),
        (Value::Int(_) | Value::BigInt(_), "real" | "numerator") => Some(v.clone()),
        (Value::Bool(b), "real" | "numerator") => Some(Value::Int(*b as i64)),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "imag") => Some(Value::Int(0)),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "denominator") => Some(Value::Int(1)),
        (Value::Float(_), "real") => Some(v.clone()),
        (Value::Float(_), "imag") => Some(Value::Float(0.0)),
        _ if type_function_names(function_owner(v)).any(|n| n == name) => {
            type_attr(ctx, &types::class(function_owner(v)), name)
        }
        _ => None,
    })
}

/// Attributes of built-in classes themselves: `int.from_bytes`, `str.join`, `dict.fromkeys`.
fn type_attr(ctx: &mut Ctx, c: &Arc<Class>, name: &str) -> Option<Value> {
    // A bool has int's methods, a subclass of str str's.
    c.lineage().find_map(|c| own_type_attr(ctx, c, name))
}

fn own_type_attr(_ctx: &mut Ctx, c: &Arc<Class>, name: &str) -> Option<Value> {
    let f: NativeFn = match (&*c.name, name) {
        ("int", "from_bytes") => int_from_bytes,
        ("bytes", "maketrans") => |ctx, a, _| Ok(Value::Bytes(maketrans(ctx, a)?.into())),
        ("bytearray", "maketrans") => |ctx, a, _| Ok(Value::Bytes(maketrans(ctx, a)?.into())),
        ("float", "fromhex") => |ctx, a, _| float_fromhex(ctx, &a[0]),
        ("bytes", "fromhex") => |ctx, a, _| Ok(Value::Bytes(fromhex(ctx, &a[0])?.into())),
        ("bytearray", "fromhex") => {
            |ctx, a, _| Ok(Value::ByteArray(Arc::new(Mutex::new(fromhex(ctx, &a[0])?))))
        }
        ("str", "maketrans") => |ctx, a, _| {
            let mut d = Dict::new();
            match (&a[0], a.get(1)) {
                (Value::Dict(src), None) => {
                    let items: Vec<(Value, Value)> = src
                        .lock()
                        .iter()
                        .map(|(k, v)| (k.0.clone(), v.clone()))
                        .collect();
                    for (k, v) in items {
                        let key = match &k {
                            Value::Str(ks) if ks.chars().count() == 1 => {
                                Value::Int(ks.chars().next().unwrap_or('\0') as i64)
                            }
                            Value::Int(_) => k.clone(),
                            _ => {
                                return Err(ctx.value_error(
                                    "string keys in translate table must be of length 1",
                                ))
                            }
                        };
                        d.insert(hash_key(ctx, &key)?, v);
                    }
                }
                (Value::Str(x), Some(Value::Str(y))) => {
                    if x.chars().count() != y.chars().count() {
                        return Err(ctx.value_error(
                            "the first two maketrans arguments must have equal length",
                        ));
                    }
                    for (p, q) in x.chars().zip(y.chars()) {
                        d.insert(hash_key(ctx, &Value::Int(p as i64))?, Value::Int(q as i64));
                    }
                    if let Some(Value::Str(z)) = a.get(2) {
                        for c in z.chars() {
                            d.insert(hash_key(ctx, &Value::Int(c as i64))?, Value::None);
                        }
                    }
                }
                (Value::Dict(_), Some(_)) | (_, None) => {
                    return Err(ctx.type_error(
                        "if you give only one argument to maketrans it must be a dict",
                    ))
                }
                _ => return Err(ctx.type_error("maketrans() argument 2 must be str")),
            }
            Ok(Value::Dict(Arc::new(Mutex::new(d))))
        },
        ("dict", "fromkeys") => |ctx, a, _| {
            let v = a.get(1).cloned().unwrap_or(Value::None);
            let mut d = Dict::new();
            for k in iterate(ctx, &a[0])? {
                d.insert(hash_key(ctx, &k)?, v.clone());
            }
            Ok(Value::Dict(Arc::new(Mutex::new(d))))
        },
        _ => {
            // `str.upper(s)` and friends: an unbound method of the type.
            let sig = args::lookup(type_table(&c.name), name)?;
            return Some(Value::Builtin(Arc::new(Builtin {
                name: Arc::from(name),
                self_: None,
                kind: BuiltinKind::Unbound(sig, c.name.clone()),
            })));
        }
    };
    let sig = super::signatures::TYPE_FUNCTIONS
        .iter()
        .find(|s| s.owner == &*c.name && s.name == name)?;
    Some(Value::Builtin(Arc::new(Builtin {
        name: Arc::from(name),
        self_: None,
        kind: BuiltinKind::Declared(sig, f),
    })))
}

fn repr_is_empty(e: &Exc) -> bool {
    matches!(&e.value, Value::Instance(i) if matches!(i.dict.lock().get("args"), Some(Value::Tuple(t)) if matches!(t.first(), Some(Value::Str(s)) if s.is_empty())))
}

/// Run a method whose arguments have been bound against its row of `method_table`
/// (`Library::call_method`).
fn dispatch(
    ctx: &mut Ctx,
    obj: &Value,
    name: &str,
    a: &[Value],
    k: &[(Name, Value)],
) -> Option<R<Value>> {
    match obj {
        Value::Str(s) => str_method(ctx, s, name, a, k),
        Value::Bytes(b) => {
            let data = b.clone();
            bytes_method(ctx, obj, &data, name, a, k)
        }
        Value::ByteArray(b) => match bytearray_method(ctx, b, name, a) {
            Some(r) => Some(r),
            None => {
                let data = b.lock().clone();
                bytes_method(ctx, obj, &data, name, a, k)
            }
        },
        Value::List(l) => list_method(ctx, l, name, a, k),
        Value::Tuple(t) => seq_method(ctx, t, name, a),
        Value::Dict(d) => dict_method(ctx, obj, d, name, a, k),
        Value::Set(_) | Value::FrozenSet(_) => set_method(ctx, obj, name, a),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => int_method(ctx, obj, name, a, k),
        Value::Range(r) => Some(range_method(ctx, r, name, &a[0])),
        Value::Slice(parts) => Some((|| {
            let len = match &a[0] {
                Value::Int(n) => *n,
                Value::Bool(b) => *b as i64,
                other => {
                    return Err(ctx.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        type_name(other)
                    )))
                }
            };
            if len < 0 {
                return Err(ctx.value_error("length should not be negative"));
            }
            let (start, stop, step) = ops::slice_indices(ctx, parts, len)?;
            Ok(Value::tuple(vec![
                Value::Int(start),
                Value::Int(stop),
                Value::Int(step),
            ]))
        })()),
        Value::Float(f) => match name {
            "is_integer" => Some(Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))),
            "conjugate" => Some(Ok(obj.clone())),
            "hex" => Some(Ok(Value::string(float_hex(*f)))),
            "as_integer_ratio" => Some(float_ratio(ctx, *f)),
            _ => None,
        },
        _ => None,
    }
}

/// `range.count(x)` and `range.index(x)`, by arithmetic: an int (or a float equal to
/// one) is in the range when it lies between the ends on a step.
fn range_method(ctx: &mut Ctx, r: &RangeObj, name: &str, x: &Value) -> R<Value> {
    let wanted: Option<i128> = match x {
        Value::Int(i) => Some(*i as i128),
        Value::Bool(b) => Some(*b as i128),
        Value::BigInt(b) => num_traits::ToPrimitive::to_i128(&**b),
        Value::Float(f) if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e30 => Some(*f as i128),
        _ => None,
    };
    let position = wanted.and_then(|i| {
        let inside = if r.step > 0 {
            r.start <= i && i < r.stop
        } else {
            r.stop < i && i <= r.start
        };
        (inside && (i - r.start) % r.step == 0).then(|| (i - r.start) / r.step)
    });
    match (name, position) {
        ("count", p) => Ok(Value::Int(p.is_some() as i64)),
        (_, Some(p)) => Ok(int_value(p)),
        (_, None) if matches!(x, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => {
            let shown = repr::repr(ctx, x)?;
            Err(ctx.value_error(format!("{shown} is not in range")))
        }
        (_, None) => Err(ctx.value_error("sequence.index(x): x not in sequence")),
    }
}
