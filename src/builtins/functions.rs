//! Built-in functions (`print`, `len`, `range` ...) and the constructors of the
//! built-in types (`int("42")`, `bytes(3)`, `dict(a=1)` ...).

use crate::interp::dict::{Dict, Key};
use crate::interp::exec::{call, get_iter, hash_key, iterate, next, truthy};
use crate::interp::ops::{self, as_number, less_than, Num};
use crate::interp::repr;
use crate::interp::sharing::Mutex;
use crate::interp::types::{self, class, type_name, type_of};
use crate::interp::value::*;
use crate::interp::{Ctx, Exc, R};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use std::collections::HashMap;
use std::sync::Arc;

pub use crate::interp::objects::{builtin_fn, make_super, property_with};

/// The value of keyword `name`, if given.
pub fn kwarg<'a>(kwargs: &'a [(Name, Value)], name: &str) -> Option<&'a Value> {
    kwargs.iter().find(|(k, _)| &**k == name).map(|(_, v)| v)
}

pub fn no_kwargs(ctx: &Ctx, fname: &str, kwargs: &[(Name, Value)]) -> R<()> {
    if let Some((k, _)) = kwargs.first() {
        return Err(ctx
            .type_error(format!("{fname}() takes no keyword arguments"))
            .with_hint_name(k));
    }
    Ok(())
}

trait HintName {
    fn with_hint_name(self, n: &Name) -> Self;
}
impl HintName for Box<Exc> {
    fn with_hint_name(mut self, n: &Name) -> Self {
        self.hint_name = Some(n.clone());
        self
    }
}

pub fn arg_count(ctx: &Ctx, fname: &str, args: &[Value], min: usize, max: usize) -> R<()> {
    if args.len() < min || args.len() > max {
        let msg = if min == max {
            if min == 1 {
                format!(
                    "{fname}() takes exactly one argument ({} given)",
                    args.len()
                )
            } else {
                format!("{fname} expected {min} arguments, got {}", args.len())
            }
        } else if args.len() < min {
            format!(
                "{fname} expected at least {min} argument{}, got {}",
                if min == 1 { "" } else { "s" },
                args.len()
            )
        } else {
            format!(
                "{fname} expected at most {max} argument{}, got {}",
                if max == 1 { "" } else { "s" },
                args.len()
            )
        };
        return Err(ctx.type_error(msg));
    }
    Ok(())
}

pub fn to_i64(ctx: &Ctx, v: &Value, what: &str) -> R<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(ctx.err(
            "OverflowError",
            "Python int too large to convert to C ssize_t",
        )),
        Value::Native(n) if n.as_int().is_some() => Ok(n.as_int().unwrap_or(0)),
        _ => Err(ctx.type_error(format!(
            "'{}' object cannot be interpreted as an integer{}",
            type_name(v),
            what
        ))),
    }
}

/// An argument CPython parses as a C `int` with `PyArg_Parse`'s `"i"` (socket flags,
/// levels and options, `listen`'s backlog, `getaddrinfo`'s numbers, `acquire`'s
/// `blocking`): its range and its messages.
pub fn to_c_int(ctx: &Ctx, v: &Value) -> R<i32> {
    match v {
        Value::BigInt(_) => {
            Err(ctx.err("OverflowError", "Python int too large to convert to C long"))
        }
        _ => {
            let i = to_i64(ctx, v, "")?;
            i32::try_from(i).map_err(|_| {
                let side = if i > 0 {
                    "greater than maximum"
                } else {
                    "less than minimum"
                };
                ctx.err("OverflowError", format!("signed integer is {side}"))
            })
        }
    }
}

/// An argument CPython converts with `_PyLong_AsInt` (`socket()`'s family, type and
/// protocol, `shutdown`'s how): one message for every int out of range.
pub fn to_clinic_int(ctx: &Ctx, v: &Value) -> R<i32> {
    let too_large = || ctx.err("OverflowError", "Python int too large to convert to C int");
    match v {
        Value::BigInt(_) => Err(too_large()),
        _ => i32::try_from(to_i64(ctx, v, "")?).map_err(|_| too_large()),
    }
}

pub fn builtins() -> HashMap<Name, Value> {
    let mut m: HashMap<Name, Value> = HashMap::new();
    let fns: &[(&str, NativeFn)] = &[
        ("print", print),
        ("len", len),
        ("repr", |ctx, a, k| {
            no_kwargs(ctx, "repr", k)?;
            Ok(Value::string(repr::repr(ctx, &a[0])?))
        }),
        ("ascii", |ctx, a, _| {
            Ok(Value::string(repr::ascii(&repr::repr(ctx, &a[0])?)))
        }),
        ("abs", abs),
        ("hex", |ctx, a, _| radix(ctx, a, 16, "0x")),
        ("oct", |ctx, a, _| radix(ctx, a, 8, "0o")),
        ("bin", |ctx, a, _| radix(ctx, a, 2, "0b")),
        ("ord", ord),
        ("chr", chr),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("input", input),
        ("any", |ctx, a, _| {
            let it = get_iter(ctx, &a[0])?;
            while let Some(x) = next(ctx, &it)? {
                if truthy(ctx, &x)? {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }),
        ("all", |ctx, a, _| {
            let it = get_iter(ctx, &a[0])?;
            while let Some(x) = next(ctx, &it)? {
                if !truthy(ctx, &x)? {
                    return Ok(Value::Bool(false));
                }
            }
            Ok(Value::Bool(true))
        }),
        ("sum", sum),
        ("min", |ctx, a, k| min_max(ctx, a, k, "min", true)),
        ("max", |ctx, a, k| min_max(ctx, a, k, "max", false)),
        ("sorted", sorted),
        ("enumerate", enumerate),
        ("map", super::iterators::map),
        ("filter", super::iterators::filter),
        ("__import__", |ctx, a, _| {
            let Value::Str(name) = &a[0] else {
                return Err(ctx.type_error(format!(
                    "__import__() argument 1 must be str, not {}",
                    type_name(&a[0])
                )));
            };
            crate::builtins::import_module(ctx, name)
        }),
        ("zip", zip),
        ("reversed", reversed),
        ("iter", |ctx, a, _| {
            arg_count(ctx, "iter", a, 1, 1)?;
            get_iter(ctx, &a[0])
        }),
        ("next", |ctx, a, _| {
            if let Some(g) = crate::interp::generator::as_generator(&a[0]) {
                return match g.resume(ctx, crate::interp::generator::Cmd::Send(Value::None))? {
                    crate::interp::generator::Step::Yielded(v) => Ok(v),
                    crate::interp::generator::Step::Returned(v) => match a.get(1) {
                        Some(d) => Ok(d.clone()),
                        None => Err(crate::interp::generator::stop_iteration(v)),
                    },
                };
            }
            if !matches!(a[0], Value::Iter(_) | Value::Native(_)) {
                if let Value::Instance(_) = &a[0] {
                    return crate::interp::exec::call_method(
                        ctx,
                        &a[0],
                        "__next__",
                        vec![],
                        vec![],
                    );
                }
                return Err(
                    ctx.type_error(format!("'{}' object is not an iterator", type_name(&a[0])))
                );
            }
            match next(ctx, &a[0])? {
                Some(v) => Ok(v),
                None => match a.get(1) {
                    Some(d) => Ok(d.clone()),
                    None => Err(Exc::new(types::new_exception("StopIteration", vec![]))),
                },
            }
        }),
        ("hash", |ctx, a, _| {
            use std::hash::{Hash, Hasher};
            let k = hash_key(ctx, &a[0])?;
            if let Value::Instance(i) = &a[0] {
                if let Some(h) = i.hash.get() {
                    return Ok(Value::Int(*h));
                }
            }
            if let Some(Num::I(i)) = as_number(&a[0]) {
                if i != -1 {
                    return Ok(Value::Int(i));
                }
            }
            let mut h = std::collections::hash_map::DefaultHasher::new();
            k.hash(&mut h);
            Ok(Value::Int((h.finish() >> 2) as i64))
        }),
        ("id", |_, a, _| Ok(Value::Int(a[0].id() as i64))),
        ("callable", |_, a, _| {
            Ok(Value::Bool(match &a[0] {
                Value::Func(_) | Value::Builtin(_) | Value::Class(_) | Value::BoundMethod(_) => {
                    true
                }
                Value::Instance(i) => i.class.lookup("__call__").is_some(),
                _ => false,
            }))
        }),
        ("getattr", |ctx, a, _| {
            let Value::Str(name) = &a[1] else {
                return Err(ctx.type_error("attribute name must be string"));
            };
            match crate::interp::exec::getattr(ctx, &a[0], name) {
                Ok(v) => Ok(v),
                Err(e) if a.len() == 3 && e.is("AttributeError") => Ok(a[2].clone()),
                Err(e) => Err(e),
            }
        }),
        ("delattr", |ctx, a, _| {
            let Value::Str(name) = &a[1] else {
                return Err(ctx.type_error(format!(
                    "attribute name must be string, not '{}'",
                    type_name(&a[1])
                )));
            };
            crate::interp::exec::delattr(ctx, &a[0], name)?;
            Ok(Value::None)
        }),
        ("setattr", |ctx, a, _| {
            let Value::Str(name) = &a[1] else {
                return Err(ctx.type_error("attribute name must be string"));
            };
            crate::interp::exec::setattr(ctx, &a[0], name, a[2].clone())?;
            Ok(Value::None)
        }),
        ("hasattr", |ctx, a, _| {
            let Value::Str(name) = &a[1] else {
                return Err(ctx.type_error("hasattr(): attribute name must be string"));
            };
            match crate::interp::exec::getattr(ctx, &a[0], name) {
                Ok(_) => Ok(Value::Bool(true)),
                Err(e) if e.is("AttributeError") => Ok(Value::Bool(false)),
                Err(e) => Err(e),
            }
        }),
        ("divmod", |ctx, a, _| {
            let q = ops::binary(
                ctx,
                crate::syntax::ast::BinOp::FloorDiv,
                a[0].clone(),
                a[1].clone(),
            )?;
            let r = ops::binary(
                ctx,
                crate::syntax::ast::BinOp::Mod,
                a[0].clone(),
                a[1].clone(),
            )?;
            Ok(Value::tuple(vec![q, r]))
        }),
        ("pow", |ctx, a, _| {
            if a.len() == 3 {
                let (Some(b), Some(e), Some(m)) = (as_big(&a[0]), as_big(&a[1]), as_big(&a[2]))
                else {
                    return Err(ctx.type_error(
                        "pow() 3rd argument not allowed unless all arguments are integers",
                    ));
                };
                if m.is_zero() {
                    return Err(ctx.value_error("pow() 3rd argument cannot be 0"));
                }
                return Ok(Value::bigint(b.modpow(&e, &m)));
            }
            ops::binary(
                ctx,
                crate::syntax::ast::BinOp::Pow,
                a[0].clone(),
                a[1].clone(),
            )
        }),
        ("round", round),
        ("dir", dir),
        ("vars", |ctx, a, _| {
            arg_count(ctx, "vars", a, 1, 1)?;
            crate::interp::exec::getattr(ctx, &a[0], "__dict__")
        }),
        ("globals", |ctx, _, _| {
            let items = ctx.interp.main.items();
            let d: Dict = items
                .into_iter()
                .map(|(k, v)| (Key(Value::Str(k)), v))
                .collect();
            Ok(Value::Dict(Arc::new(Mutex::new(d))))
        }),
        ("format", |ctx, a, _| {
            let spec = match a.get(1) {
                Some(Value::Str(s)) => s.to_string(),
                Some(other) => {
                    return Err(ctx.type_error(format!(
                        "format() argument 2 must be str, not {}",
                        type_name(other)
                    )))
                }
                None => String::new(),
            };
            Ok(Value::string(crate::interp::format::format_value(
                ctx, &a[0], &spec,
            )?))
        }),
        ("open", |ctx, _, _| {
            Err(ctx.err(
                "NotImplementedError",
                "socklab does not support open(): files are outside the lab",
            ))
        }),
        ("eval", |ctx, _, _| {
            Err(ctx.err("NotImplementedError", "socklab does not support eval()"))
        }),
        ("exec", |ctx, _, _| {
            Err(ctx.err("NotImplementedError", "socklab does not support exec()"))
        }),
    ];
    for (name, f) in fns {
        // Every built-in function is bound against its declared signature.
        let kind = match crate::interp::args::lookup(super::signatures::BUILTINS, name) {
            Some(sig) => BuiltinKind::Declared(sig, *f),
            None => BuiltinKind::Function(*f),
        };
        let f = Value::Builtin(Arc::new(Builtin {
            name: Arc::from(*name),
            self_: None,
            kind,
        }));
        m.insert(Arc::from(*name), f);
    }
    for (name, c) in types::types().by_name.iter() {
        if matches!(
            *name,
            "NoneType"
                | "function"
                | "builtin_function_or_method"
                | "method"
                | "module"
                | "iterator"
                | "NotImplementedType"
                | "ellipsis"
                | "cell"
                | "gaierror"
                | "herror"
                | "error"
                | "enumerate"
                | "zip"
                | "generator"
                | "reversed"
                | "list_reverseiterator"
                | "range_iterator"
                | "set_iterator"
                | "dict_keyiterator"
                | "dict_reversekeyiterator"
                | "list_iterator"
                | "tuple_iterator"
                | "str_ascii_iterator"
                | "map"
                | "filter"
        ) {
            continue;
        }
        m.insert(Arc::from(*name), Value::Class(c.clone()));
    }
    m.insert(Arc::from("IOError"), Value::Class(class("OSError")));
    m.insert(
        Arc::from("EnvironmentError"),
        Value::Class(class("OSError")),
    );
    for (name, v) in super::site::builtins() {
        m.insert(Arc::from(name), v);
    }
    m.insert(Arc::from("None"), Value::None);
    m.insert(Arc::from("Ellipsis"), Value::Ellipsis);
    m.insert(Arc::from("NotImplemented"), Value::NotImplemented);
    m.insert(Arc::from("__name__"), Value::str("__main__"));
    m
}

fn as_big(v: &Value) -> Option<BigInt> {
    match as_number(v)? {
        Num::I(i) if !matches!(v, Value::Float(_)) => Some(BigInt::from(i)),
        Num::B(b) => Some(b),
        _ => None,
    }
}

fn print(ctx: &mut Ctx, args: &[Value], kwargs: &[(Name, Value)]) -> R<Value> {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut file = None;
    let mut flush = false;
    for (k, v) in kwargs {
        match (&**k, v) {
            ("sep", Value::Str(s)) => sep = s.to_string(),
            ("sep", Value::None) => {}
            ("end", Value::Str(s)) => end = s.to_string(),
            ("end", Value::None) => {}
            ("sep" | "end", other) => {
                return Err(ctx.type_error(format!(
                    "{k} must be None or a string, not {}",
                    type_name(other)
                )))
            }
            ("file", Value::None) => {}
            ("file", f) => file = Some(f.clone()),
            ("flush", f) => flush = truthy(ctx, f)?,
            _ => {
                return Err(
                    ctx.type_error(format!("'{k}' is an invalid keyword argument for print()"))
                )
            }
        }
    }
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match a {
            Value::Str(s) => out.push_str(s),
            _ => out.push_str(&repr::str(ctx, a)?),
        }
    }
    out.push_str(&end);
    match file {
        None => {
            write_stdout(ctx, &out)?;
            if flush {
                let _ = ctx.interp.flush();
            }
        }
        Some(f) => {
            crate::interp::exec::call_method(ctx, &f, "write", vec![Value::string(out)], vec![])?;
            if flush {
                crate::interp::exec::call_method(ctx, &f, "flush", vec![], vec![])?;
            }
        }
    }
    Ok(Value::None)
}

pub fn write_stdout(ctx: &Ctx, s: &str) -> R<()> {
    match ctx.interp.write_stdout(s) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(ctx.os_error(libc::EPIPE)),
        Err(e) => Err(ctx.os_error(e.raw_os_error().unwrap_or(libc::EIO))),
    }
}

pub fn length(ctx: &mut Ctx, v: &Value) -> R<usize> {
    Ok(match v {
        Value::Str(s) => {
            if s.is_ascii() {
                s.len()
            } else {
                s.chars().count()
            }
        }
        Value::Bytes(b) => b.len(),
        Value::ByteArray(b) => b.lock().len(),
        Value::Tuple(t) => t.len(),
        Value::List(l) => l.lock().len(),
        Value::Dict(d) | Value::Set(d) => d.lock().len(),
        Value::FrozenSet(d) => d.len(),
        Value::Range(r) => {
            let n = r.len();
            if n > i64::MAX as i128 {
                return Err(ctx.err(
                    "OverflowError",
                    "Python int too large to convert to C ssize_t",
                ));
            }
            n as usize
        }
        Value::Instance(i) => match i.class.lookup("__len__") {
            Some(m) => {
                let r = call(ctx, &m, vec![v.clone()], vec![])?;
                match r {
                    Value::Int(n) if n >= 0 => n as usize,
                    Value::Int(_) => return Err(ctx.value_error("__len__() should return >= 0")),
                    other => {
                        return Err(ctx.type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            type_name(&other)
                        )))
                    }
                }
            }
            None => {
                return Err(
                    ctx.type_error(format!("object of type '{}' has no len()", type_name(v)))
                )
            }
        },
        Value::Native(n) => match n.call_method(ctx, v, "__len__", &[], &[]) {
            Some(r) => to_i64(ctx, &r?, "")? as usize,
            None => {
                return Err(
                    ctx.type_error(format!("object of type '{}' has no len()", type_name(v)))
                )
            }
        },
        _ => return Err(ctx.type_error(format!("object of type '{}' has no len()", type_name(v)))),
    })
}

fn len(ctx: &mut Ctx, args: &[Value], kwargs: &[(Name, Value)]) -> R<Value> {
    no_kwargs(ctx, "len", kwargs)?;
    Ok(Value::Int(length(ctx, &args[0])? as i64))
}

fn abs(ctx: &mut Ctx, args: &[Value], _: &[(Name, Value)]) -> R<Value> {
    match &args[0] {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => Value::bigint(BigInt::from(*i).abs()),
        }),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::BigInt(b) => Ok(Value::bigint(b.abs())),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::Instance(i) if i.class.lookup("__abs__").is_some() => {
            let m = i.class.lookup("__abs__").unwrap_or(Value::None);
            call(ctx, &m, vec![args[0].clone()], vec![])
        }
        other => Err(ctx.type_error(format!(
            "bad operand type for abs(): '{}'",
            type_name(other)
        ))),
    }
}

fn radix(ctx: &mut Ctx, args: &[Value], base: u32, prefix: &str) -> R<Value> {
    let n = match as_big(&args[0]) {
        Some(n) => n,
        None => {
            return Err(ctx.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(&args[0])
            )))
        }
    };
    let sign = if n.is_negative() { "-" } else { "" };
    Ok(Value::string(format!(
        "{sign}{prefix}{}",
        n.abs().to_str_radix(base)
    )))
}

fn ord(ctx: &mut Ctx, args: &[Value], _: &[(Name, Value)]) -> R<Value> {
    match &args[0] {
        Value::Str(s) => {
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Ok(Value::Int(c as i64)),
                _ => Err(ctx.type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.chars().count()
                ))),
            }
        }
        Value::Bytes(b) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
        Value::ByteArray(b) if b.lock().len() == 1 => Ok(Value::Int(b.lock()[0] as i64)),
        Value::ByteArray(b) => Err(ctx.type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.lock().len()
        ))),
        Value::Bytes(b) => Err(ctx.type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        ))),
        other => Err(ctx.type_error(format!(
            "ord() expected string of length 1, but {} found",
            type_name(other)
        ))),
    }
}

fn chr(ctx: &mut Ctx, args: &[Value], _: &[(Name, Value)]) -> R<Value> {
    let i = to_i64(ctx, &args[0], "")?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::string(c.to_string())),
        None if (0..0x110000).contains(&i) => Ok(Value::string('\u{fffd}'.to_string())),
        None => Err(ctx.value_error("chr() arg not in range(0x110000)")),
    }
}

fn class_tuple(ctx: &Ctx, v: &Value, fname: &str) -> R<Vec<Arc<Class>>> {
    match v {
        Value::Class(c) => Ok(vec![c.clone()]),
        Value::Tuple(items) => {
            let mut out = Vec::new();
            for it in items.iter() {
                out.extend(class_tuple(ctx, it, fname)?);
            }
            Ok(out)
        }
        // `isinstance(x, int | str)`.
        Value::Native(n) => {
            let any = n.as_any();
            if let Some(u) = any.downcast_ref::<crate::interp::objects::UnionType>() {
                let mut out = Vec::new();
                for it in &u.args {
                    out.extend(class_tuple(ctx, it, fname)?);
                }
                return Ok(out);
            }
            Err(
                ctx.type_error(if any.is::<crate::interp::objects::GenericAlias>() {
                    format!("{fname}() argument 2 cannot be a parameterized generic")
                } else {
                    format!("{fname}() arg 2 must be a type, a tuple of types, or a union")
                }),
            )
        }
        _ => Err(ctx.type_error(format!(
            "{fname}() arg 2 must be a type, a tuple of types, or a union"
        ))),
    }
}

fn isinstance(ctx: &mut Ctx, args: &[Value], _: &[(Name, Value)]) -> R<Value> {
    let classes = class_tuple(ctx, &args[1], "isinstance")?;
    let t = type_of(&args[0]);
    Ok(Value::Bool(classes.iter().any(|c| t.is_subclass_of(c))))
}

fn issubclass(ctx: &mut Ctx, args: &[Value], _: &[(Name, Value)]) -> R<Value> {
    let Value::Class(c) = &args[0] else {
        return Err(ctx.type_error("issubclass() arg 1 must be a class"));
    };
    let classes = class_tuple(ctx, &args[1], "issubclass")?;
    Ok(Value::Bool(classes.iter().any(|k| c.is_subclass_of(k))))
}

fn input(ctx: &mut Ctx, args: &[Value], _: &[(Name, Value)]) -> R<Value> {
    if let Some(p) = args.first() {
        let s = repr::str(ctx, p)?;
        write_stdout(ctx, &s)?;
    }
    let _ = ctx.interp.flush();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(ctx.err("EOFError", "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(Value::string(line))
        }
        Err(e) => Err(ctx.os_error(e.raw_os_error().unwrap_or(libc::EIO))),
    }
}

fn sum(ctx: &mut Ctx, args: &[Value], kwargs: &[(Name, Value)]) -> R<Value> {
    let mut acc = args
        .get(1)
        .cloned()
        .or_else(|| kwarg(kwargs, "start").cloned())
        .unwrap_or(Value::Int(0));
    if let Value::Str(_) = acc {
        return Err(ctx.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let it = get_iter(ctx, &args[0])?;
    while let Some(x) = next(ctx, &it)? {
        if let (Value::Int(a), Value::Int(b)) = (&acc, &x) {
            if let Some(s) = a.checked_add(*b) {
                acc = Value::Int(s);
                continue;
            }
        }
        acc = ops::binary(ctx, crate::syntax::ast::BinOp::Add, acc, x)?;
    }
    Ok(acc)
}

fn min_max(
    ctx: &mut Ctx,
    args: &[Value],
    kwargs: &[(Name, Value)],
    name: &str,
    want_min: bool,
) -> R<Value> {
    crate::interp::args::keywords_among(ctx, name, kwargs, &["key", "default"])?;
    let key = kwarg(kwargs, "key").cloned().filter(|k| !k.is_none());
    let default = kwarg(kwargs, "default").cloned();
    let items = if args.len() == 1 {
        iterate(ctx, &args[0])?
    } else if args.is_empty() {
        return Err(ctx.type_error(format!("{name} expected at least 1 argument, got 0")));
    } else {
        args.to_vec()
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(ctx.value_error(format!("{name}() arg is an empty sequence"))),
        };
    }
    let mut best = items[0].clone();
    let mut best_key = match &key {
        Some(k) => call(ctx, k, vec![best.clone()], vec![])?,
        None => best.clone(),
    };
    for it in items.into_iter().skip(1) {
        let k = match &key {
            Some(kf) => call(ctx, kf, vec![it.clone()], vec![])?,
            None => it.clone(),
        };
        // As CPython: `item < best` for min, `item > best` for max (which decides the
        // method tried first, and the words of a TypeError).
        let better = if want_min {
            less_than(ctx, &k, &best_key)?
        } else {
            ops::greater_than(ctx, &k, &best_key)?
        };
        if better {
            best = it;
            best_key = k;
        }
    }
    Ok(best)
}

pub fn sort_values(
    ctx: &mut Ctx,
    items: &mut Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> R<()> {
    let keys: Vec<Value> = match key {
        Some(k) if !k.is_none() => {
            let mut ks = Vec::with_capacity(items.len());
            for it in items.iter() {
                ks.push(call(ctx, k, vec![it.clone()], vec![])?);
            }
            ks
        }
        _ => items.clone(),
    };
    // A stable merge sort that can fail: comparisons may raise TypeError.
    let mut idx: Vec<usize> = (0..items.len()).collect();
    let mut err = None;
    idx.sort_by(|&a, &b| {
        if err.is_some() {
            return std::cmp::Ordering::Equal;
        }
        let (x, y) = if reverse {
            (&keys[b], &keys[a])
        } else {
            (&keys[a], &keys[b])
        };
        match less_than(ctx, x, y) {
            Ok(true) => std::cmp::Ordering::Less,
            Ok(false) => match less_than(ctx, y, x) {
                Ok(true) => std::cmp::Ordering::Greater,
                Ok(false) => std::cmp::Ordering::Equal,
                Err(e) => {
                    err = Some(e);
                    std::cmp::Ordering::Equal
                }
            },
            Err(e) => {
                err = Some(e);
                std::cmp::Ordering::Equal
            }
        }
    });
    if let Some(e) = err {
        return Err(e);
    }
    let sorted: Vec<Value> = idx.into_iter().map(|i| items[i].clone()).collect();
    *items = sorted;
    Ok(())
}

fn sorted(ctx: &mut Ctx, args: &[Value], kwargs: &[(Name, Value)]) -> R<Value> {
    if args.len() != 1 {
        return Err(ctx.type_error(format!("sorted expected 1 argument, got {}", args.len())));
    }
    // The keywords go on to list.sort, which is the one to complain.
    crate::interp::args::keywords_among(ctx, "sort", kwargs, &["key", "reverse"])?;
    let mut items = iterate(ctx, &args[0])?;
    let reverse = match kwarg(kwargs, "reverse") {
        Some(r) => truthy(ctx, r)?,
        None => false,
    };
    sort_values(ctx, &mut items, kwarg(kwargs, "key"), reverse)?;
    Ok(Value::list(items))
}

fn items_iter(items: Vec<Value>, kind: &'static str) -> Value {
    Value::Iter(Arc::new(Mutex::new(IterState::Items {
        items,
        index: 0,
        kind,
    })))
}

fn enumerate(ctx: &mut Ctx, args: &[Value], kwargs: &[(Name, Value)]) -> R<Value> {
    use crate::interp::args::{bind, Signature, Style};
    const SIG: Signature = Signature {
        name: "enumerate",
        owner: "",
        style: Style::Keywords,
        posonly: 0,
        min: 1,
        max: 2,
        params: &["iterable", "start"],
    };
    // CPython's fast path for a plain call words this one case differently.
    if args.is_empty() && kwargs.is_empty() {
        return Err(ctx.type_error("enumerate() missing required argument 'iterable'"));
    }
    // Its constructor reads keywords from a dict, and names a stranger first.
    if args.len() + kwargs.len() <= SIG.params.len() {
        crate::interp::args::keywords_among(ctx, "enumerate", kwargs, SIG.params)?;
    }
    let rebound = bind(ctx, &SIG, args, kwargs)?;
    let (args, kwargs) = match &rebound {
        Some((a, k)) => (&a[..], &k[..]),
        None => (args, kwargs),
    };
    let start = match args.get(1).or(kwarg(kwargs, "start")) {
        Some(v) => to_i64(ctx, v, "")?,
        None => 0,
    };
    let it = get_iter(ctx, &args[0])?;
    Ok(super::iterators::enumerate(it, start))
}

fn zip(ctx: &mut Ctx, args: &[Value], kwargs: &[(Name, Value)]) -> R<Value> {
    crate::interp::args::keywords_among(ctx, "zip", kwargs, &["strict"])?;
    let strict = match kwarg(kwargs, "strict") {
        Some(v) => truthy(ctx, v)?,
        None => false,
    };
    let mut iters = Vec::with_capacity(args.len());
    for a in args {
        iters.push(get_iter(ctx, a)?);
    }
    Ok(super::iterators::zip(iters, strict))
}

fn reversed(ctx: &mut Ctx, args: &[Value], _: &[(Name, Value)]) -> R<Value> {
    match &args[0] {
        Value::Dict(_)
        | Value::List(_)
        | Value::Tuple(_)
        | Value::Str(_)
        | Value::Range(_)
        | Value::Bytes(_) => {
            match &args[0] {
                // Lazy, as CPython's: a list read from its end as it is now, a range
                // walked backwards (`reversed(range(10**12))` holds nothing).
                Value::List(_) => return Ok(super::iterators::reversed_list(args[0].clone())),
                Value::Range(r) => {
                    let n = r.len();
                    let (next, stop, step) = if n <= 0 {
                        (0, 0, 1)
                    } else {
                        (r.start + (n - 1) * r.step, r.start - r.step, -r.step)
                    };
                    return Ok(Value::Iter(Arc::new(Mutex::new(IterState::Range {
                        next,
                        stop,
                        step,
                    }))));
                }
                _ => {}
            }
            let kind = match &args[0] {
                Value::List(_) => "list_reverseiterator",
                Value::Range(_) => "range_iterator",
                Value::Dict(_) => "dict_reversekeyiterator",
                _ => "reversed",
            };
            let mut items = iterate(ctx, &args[0])?;
            items.reverse();
            Ok(items_iter(items, kind))
        }
        Value::Native(n)
            if n.call_method(ctx, &args[0], "__reversed__", &[], &[])
                .is_some() =>
        {
            n.call_method(ctx, &args[0], "__reversed__", &[], &[])
                .unwrap_or(Ok(Value::None))
        }
        other => Err(ctx.type_error(format!("'{}' object is not reversible", type_name(other)))),
    }
}

fn round(ctx: &mut Ctx, args: &[Value], kwargs: &[(Name, Value)]) -> R<Value> {
    let nd = args
        .get(1)
        .or(kwarg(kwargs, "ndigits"))
        .filter(|v| !v.is_none());
    match (&args[0], nd) {
        (Value::Float(f), None) => {
            if !f.is_finite() {
                return Err(if f.is_nan() {
                    ctx.value_error("cannot convert float NaN to integer")
                } else {
                    ctx.err("OverflowError", "cannot convert float infinity to integer")
                });
            }
            let r = f.round_ties_even();
            Ok(match BigInt::from(r as i128).to_i64() {
                Some(i) if r.abs() < 9.0e18 => Value::Int(i),
                _ => Value::bigint(BigInt::from(r as i128)),
            })
        }
        (Value::Float(f), Some(n)) => {
            let n = to_i64(ctx, n, "")?;
            if !f.is_finite() {
                return Ok(Value::Float(*f));
            }
            // Round via the exact decimal text, as CPython does (no double rounding).
            if n >= 0 {
                let s = format!("{:.*}", n.min(400) as usize, f);
                Ok(Value::Float(s.parse().unwrap_or(*f)))
            } else {
                let p = 10f64.powi((-n).min(308) as i32);
                Ok(Value::Float((f / p).round_ties_even() * p))
            }
        }
        (v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_)), nd) => {
            let n = match nd {
                Some(n) => to_i64(ctx, n, "")?,
                None => 0,
            };
            let b = as_big(v).unwrap_or_default();
            if n >= 0 {
                return Ok(Value::bigint(b));
            }
            let p = num_traits::pow::Pow::pow(&BigInt::from(10), (-n) as u64);
            let (q, r) = num_integer::Integer::div_mod_floor(&b, &p);
            let twice = &r * 2;
            let q = if twice > p || (twice == p && num_integer::Integer::is_odd(&q)) {
                q + 1
            } else {
                q
            };
            Ok(Value::bigint(q * p))
        }
        (Value::Instance(i), _) if i.class.lookup("__round__").is_some() => {
            let m = i.class.lookup("__round__").unwrap_or(Value::None);
            call(ctx, &m, args.to_vec(), vec![])
        }
        (other, _) => Err(ctx.type_error(format!(
            "type {} doesn't define __round__ method",
            type_name(other)
        ))),
    }
}

fn dir(ctx: &mut Ctx, args: &[Value], _: &[(Name, Value)]) -> R<Value> {
    let mut names: Vec<String> = match args.first() {
        None => ctx
            .interp
            .main
            .items()
            .into_iter()
            .map(|(k, _)| k.to_string())
            .collect(),
        Some(v) => crate::builtins::attribute_names(v)
            .into_iter()
            .map(|s| s.to_string())
            .collect(),
    };
    names.sort();
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::string).collect()))
}

pub fn sys_exit(ctx: &mut Ctx, args: &[Value], _: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "exit", args, 0, 1)?;
    // As CPython's PyErr_SetObject: a tuple becomes the arguments, None none at all.
    let exc_args = match args.first() {
        None | Some(Value::None) => vec![],
        Some(Value::Tuple(t)) => t.to_vec(),
        Some(v) => vec![v.clone()],
    };
    let e = types::new_exception("SystemExit", exc_args);
    if let Value::Instance(i) = &e {
        i.dict.lock().insert(
            Arc::from("code"),
            args.first().cloned().unwrap_or(Value::None),
        );
    }
    Err(Exc::new(e))
}

// ---------------------------------------------------------------------------------
// Constructors of the built-in types

pub fn construct(
    ctx: &mut Ctx,
    cls: &Arc<Class>,
    args: Vec<Value>,
    kwargs: Vec<(Name, Value)>,
) -> R<Value> {
    let name = &*cls.name;
    let (args, kwargs) = match crate::interp::args::lookup(super::signatures::CONSTRUCTORS, name) {
        Some(sig) => match crate::interp::args::bind(ctx, sig, &args, &kwargs)? {
            Some((a, k)) => (a.into_vec(), k.into_vec()),
            None => (args, kwargs),
        },
        None => (args, kwargs),
    };
    match cls.native {
        Native::Int => construct_int(ctx, &args, &kwargs),
        Native::Bool => Ok(Value::Bool(match args.first() {
            Some(v) => truthy(ctx, v)?,
            None => false,
        })),
        Native::Float => construct_float(ctx, &args),
        Native::Str => {
            if args.len() >= 2 || !kwargs.is_empty() {
                // `str(encoding="utf-8")` decodes the default object, b"".
                let data = match args.first() {
                    Some(v) => crate::builtins::methods::bytes_like(ctx, v)?,
                    None => Vec::new(),
                };
                let errors = match args.get(2).or(kwarg(&kwargs, "errors")) {
                    Some(Value::Str(s)) => s.to_string(),
                    _ => "strict".to_string(),
                };
                return crate::builtins::methods::decode(ctx, &data, &errors);
            }
            match args.first() {
                Some(v) => Ok(Value::string(repr::str(ctx, v)?)),
                None => Ok(Value::str("")),
            }
        }
        Native::Bytes | Native::ByteArray => {
            let data = bytes_from_args(ctx, &args, &kwargs, name)?;
            Ok(if cls.native == Native::Bytes {
                Value::Bytes(data.into())
            } else {
                Value::ByteArray(Arc::new(Mutex::new(data)))
            })
        }
        Native::Tuple => match args.first() {
            Some(Value::Tuple(t)) => Ok(Value::Tuple(t.clone())),
            Some(v) => Ok(Value::tuple(iterate(ctx, v)?)),
            None => Ok(Value::tuple(vec![])),
        },
        Native::List => match args.first() {
            Some(v) => Ok(Value::list(iterate(ctx, v)?)),
            None => Ok(Value::list(vec![])),
        },
        Native::Dict => {
            if args.len() > 1 {
                return Err(ctx.type_error(format!(
                    "dict expected at most 1 argument, got {}",
                    args.len()
                )));
            }
            let mut d = Dict::new();
            if let Some(src) = args.first() {
                match src {
                    Value::Dict(other) => d = other.lock().clone(),
                    _ if crate::builtins::collections::dict_items(src).is_some() => {
                        for (k, v) in
                            crate::builtins::collections::dict_items(src).unwrap_or_default()
                        {
                            d.insert(hash_key(ctx, &k)?, v);
                        }
                    }
                    _ => {
                        for (n, item) in iterate(ctx, src)?.into_iter().enumerate() {
                            let pair = iterate(ctx, &item).map_err(|_| {
                                ctx.type_error(format!(
                                    "cannot convert dictionary update sequence element #{n} to a sequence"
                                ))
                            })?;
                            if pair.len() != 2 {
                                return Err(ctx.value_error(format!(
                                    "dictionary update sequence element #0 has length {}; 2 is required",
                                    pair.len()
                                )));
                            }
                            d.insert(hash_key(ctx, &pair[0])?, pair[1].clone());
                        }
                    }
                }
            }
            for (k, v) in kwargs {
                d.insert(Key(Value::Str(k)), v);
            }
            Ok(Value::Dict(Arc::new(Mutex::new(d))))
        }
        Native::Set | Native::FrozenSet => {
            let mut d = Dict::new();
            match args.first() {
                Some(Value::Set(src)) => d = crate::interp::dict::merged(&src.lock()),
                Some(Value::FrozenSet(src)) => d = crate::interp::dict::merged(src),
                Some(src) => {
                    for v in iterate(ctx, src)? {
                        d.insert(hash_key(ctx, &v)?, Value::None);
                    }
                }
                None => {}
            }
            Ok(if cls.native == Native::Set {
                Value::Set(Arc::new(Mutex::new(d)))
            } else {
                Value::FrozenSet(Arc::new(d))
            })
        }
        Native::Range => {
            let mut n: Vec<i128> = Vec::new();
            for a in &args {
                n.push(match a {
                    Value::BigInt(b) => b.to_i128().ok_or_else(|| {
                        ctx.err(
                            "OverflowError",
                            "Python int too large to convert to C ssize_t",
                        )
                    })?,
                    other => to_i64(ctx, other, "")? as i128,
                });
            }
            let (start, stop, step) = match n.len() {
                1 => (0, n[0], 1),
                2 => (n[0], n[1], 1),
                _ => (n[0], n[1], n[2]),
            };
            if step == 0 {
                return Err(ctx.value_error("range() arg 3 must not be zero"));
            }
            Ok(Value::Range(Arc::new(RangeObj { start, stop, step })))
        }
        Native::Type => {
            arg_count(ctx, "type", &args, 1, 1)?;
            Ok(Value::Class(type_of(&args[0])))
        }
        Native::Object => {
            if !args.is_empty() {
                return Err(ctx.type_error("object() takes no arguments"));
            }
            Ok(Value::Instance(Arc::new(Instance {
                class: cls.clone(),
                dict: Mutex::new(Attrs::new()),
                payload: Mutex::new(None),
                hash: std::sync::OnceLock::new(),
            })))
        }
        Native::Property | Native::StaticMethod | Native::ClassMethod => {
            arg_count(ctx, name, &args, 1, 4)?;
            let inst = Instance {
                class: cls.clone(),
                dict: Mutex::new(Attrs::new()),
                payload: Mutex::new(Some(args[0].clone())),
                hash: std::sync::OnceLock::new(),
            };
            if cls.native == Native::Property {
                let setter = args
                    .get(1)
                    .cloned()
                    .or_else(|| kwarg(&kwargs, "fset").cloned())
                    .unwrap_or(Value::None);
                inst.dict.lock().insert(Arc::from("fset"), setter);
            }
            Ok(Value::Instance(Arc::new(inst)))
        }
        Native::Super => {
            arg_count(ctx, "super", &args, 2, 2)?;
            let Value::Class(c) = &args[0] else {
                return Err(ctx.type_error("super() argument 1 must be a type"));
            };
            Ok(make_super(c.clone(), args[1].clone()))
        }
        Native::Socket => crate::builtins::socket::construct(ctx, &args, &kwargs),
        Native::MemoryView => crate::builtins::memoryview::construct(ctx, &args, &kwargs),
        Native::Enum => crate::builtins::socket::enum_call(ctx, cls, &args),
        Native::Slice => {
            let parts = match args.len() {
                1 => [Value::None, args[0].clone(), Value::None],
                2 => [args[0].clone(), args[1].clone(), Value::None],
                _ => [args[0].clone(), args[1].clone(), args[2].clone()],
            };
            Ok(Value::Slice(Arc::new(parts)))
        }
        // Native classes of the library modules (`collections.deque`): their `__new__`.
        _ => match cls.dict.read().get("__new__").cloned() {
            Some(new @ Value::Builtin(_)) => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(Value::Class(cls.clone()));
                full.extend(args);
                call(ctx, &new, full, kwargs)
            }
            _ => Err(ctx.type_error(format!("cannot create '{name}' instances"))),
        },
    }
}

fn construct_int(ctx: &mut Ctx, args: &[Value], kwargs: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "int", args, 0, 2)?;
    let base = args.get(1).or(kwarg(kwargs, "base"));
    let Some(v) = args.first() else {
        if base.is_some() {
            return Err(ctx.type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    if let Some(b) = base {
        let b = to_i64(ctx, b, "")?;
        let text = match v {
            Value::Str(s) => s.to_string(),
            Value::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
            _ => return Err(ctx.type_error("int() can't convert non-string with explicit base")),
        };
        if b != 0 && !(2..=36).contains(&b) {
            return Err(ctx.value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        return parse_int(ctx, &text, b as u32, v);
    }
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Native(n) if n.as_int().is_some() => Ok(Value::Int(n.as_int().unwrap_or(0))),
        Value::Float(f) => {
            if f.is_nan() {
                return Err(ctx.value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(ctx.err("OverflowError", "cannot convert float infinity to integer"));
            }
            let t = f.trunc();
            if t.abs() < 9.0e18 {
                Ok(Value::Int(t as i64))
            } else {
                let s = format!("{:.0}", t);
                Ok(Value::bigint(s.parse::<BigInt>().unwrap_or_default()))
            }
        }
        Value::Str(s) => parse_int(ctx, s, 10, v),
        Value::Bytes(b) => parse_int(ctx, &String::from_utf8_lossy(b), 10, v),
        Value::Instance(i) => match i
            .class
            .lookup("__int__")
            .or_else(|| i.class.lookup("__index__"))
        {
            Some(m) => call(ctx, &m, vec![v.clone()], vec![]),
            None => Err(ctx.type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                type_name(v)
            ))),
        },
        _ => Err(ctx.type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            type_name(v)
        ))),
    }
}

fn parse_int(ctx: &Ctx, text: &str, base: u32, original: &Value) -> R<Value> {
    let bad = || {
        ctx.value_error(format!(
            "invalid literal for int() with base {}: {}",
            base,
            repr::repr_simple(original)
        ))
    };
    let t = text.trim_matches(|c: char| c.is_whitespace());
    let (neg, body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let mut base = base;
    let lower = body.to_ascii_lowercase();
    let mut digits: &str = body;
    for (p, b) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if lower.starts_with(p) && (base == b || base == 0) {
            base = b;
            digits = &body[2..];
            if let Some(d) = digits.strip_prefix('_') {
                digits = d;
            }
        }
    }
    if base == 0 {
        if lower.len() > 1
            && lower.starts_with('0')
            && lower.bytes().any(|c| c != b'0' && c != b'_')
        {
            return Err(bad());
        }
        base = 10;
    }
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return Err(bad());
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(base)) {
        return Err(bad());
    }
    let n = BigInt::parse_bytes(clean.as_bytes(), base).ok_or_else(bad)?;
    if base == 10 && clean.len() > 4300 {
        return Err(ctx.value_error(format!("Exceeds the limit (4300 digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit", clean.len())));
    }
    Ok(Value::bigint(if neg { -n } else { n }))
}

fn construct_float(ctx: &mut Ctx, args: &[Value]) -> R<Value> {
    arg_count(ctx, "float", args, 0, 1)?;
    let Some(v) = args.first() else {
        return Ok(Value::Float(0.0));
    };
    match v {
        Value::Float(_) => Ok(v.clone()),
        Value::Int(i) => Ok(Value::Float(*i as f64)),
        Value::Bool(b) => Ok(Value::Float(*b as i64 as f64)),
        Value::BigInt(b) => ops::big_to_f64(b)
            .map(Value::Float)
            .ok_or_else(|| ctx.err("OverflowError", "int too large to convert to float")),
        Value::Bytes(b) => {
            let text = String::from_utf8_lossy(b).into_owned();
            construct_float(ctx, &[Value::string(text)]).map_err(|_| {
                ctx.value_error(format!(
                    "could not convert string to float: {}",
                    repr::bytes_repr(b)
                ))
            })
        }
        Value::Str(s) => {
            let t = s.trim();
            let lower = t.to_ascii_lowercase();
            let parsed = match lower.trim_start_matches(['+', '-']) {
                "inf" | "infinity" => Some(if lower.starts_with('-') {
                    f64::NEG_INFINITY
                } else {
                    f64::INFINITY
                }),
                "nan" => Some(f64::NAN),
                _ => {
                    let valid = !t.is_empty()
                        && !t.contains("__")
                        && !t.starts_with('_')
                        && !t.ends_with('_')
                        && t.chars().all(|c| {
                            c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-' | '_')
                        });
                    if valid {
                        t.replace('_', "").parse::<f64>().ok()
                    } else {
                        None
                    }
                }
            };
            parsed.map(Value::Float).ok_or_else(|| {
                ctx.value_error(format!(
                    "could not convert string to float: {}",
                    repr::str_repr(s)
                ))
            })
        }
        Value::Instance(i) => match i.class.lookup("__float__") {
            Some(m) => call(ctx, &m, vec![v.clone()], vec![]),
            None => Err(ctx.type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                type_name(v)
            ))),
        },
        _ => Err(ctx.type_error(format!(
            "float() argument must be a string or a real number, not '{}'",
            type_name(v)
        ))),
    }
}

fn bytes_from_args(
    ctx: &mut Ctx,
    args: &[Value],
    kwargs: &[(Name, Value)],
    name: &str,
) -> R<Vec<u8>> {
    let encoding = args.get(1).or(kwarg(kwargs, "encoding"));
    let Some(src) = args.first().or(kwarg(kwargs, "source")) else {
        return Ok(Vec::new());
    };
    match src {
        Value::Str(s) => match encoding {
            Some(Value::Str(enc)) => {
                let errors = match args.get(2).or(kwarg(kwargs, "errors")) {
                    Some(Value::Str(e)) => e.to_string(),
                    _ => "strict".into(),
                };
                crate::builtins::methods::encode(ctx, s, enc, &errors)
            }
            _ => Err(ctx.type_error("string argument without an encoding")),
        },
        Value::Int(n) => {
            if *n < 0 {
                return Err(ctx.value_error("negative count"));
            }
            if *n as u128 > (1u128 << 32) {
                return Err(Exc::new(types::new_exception("MemoryError", vec![])));
            }
            Ok(vec![0; *n as usize])
        }
        Value::BigInt(_) => Err(ctx.err(
            "OverflowError",
            "cannot fit 'int' into an index-sized integer",
        )),
        Value::Bytes(b) => Ok(b.to_vec()),
        Value::ByteArray(b) => Ok(b.lock().clone()),
        Value::Native(n) if n.buffer().is_some() => Ok(n.buffer().unwrap_or_default()),
        Value::Float(_) => Err(ctx.type_error(format!("cannot convert 'float' object to {name}"))),
        other => {
            let items = iterate(ctx, other).map_err(|_| {
                ctx.type_error(format!(
                    "cannot convert '{}' object to {name}",
                    type_name(other)
                ))
            })?;
            let mut out = Vec::with_capacity(items.len());
            for it in items {
                match it {
                    Value::Int(i) if (0..256).contains(&i) => out.push(i as u8),
                    Value::Int(_) => return Err(ctx.value_error("bytes must be in range(0, 256)")),
                    other => {
                        return Err(ctx.type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            type_name(&other)
                        )))
                    }
                }
            }
            Ok(out)
        }
    }
}
