//! `repr()` and `str()` exactly as CPython writes them.

use super::types::type_name;
use super::value::{IterState, Native, Value};
use super::{exec, Ctx, R};
use std::cell::RefCell;
use std::fmt::Write;

thread_local! {
    /// Containers being printed now, so `l.append(l)` prints `[[...]]` instead of looping.
    static IN_PROGRESS: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

struct Guard(usize);
impl Guard {
    fn enter(id: usize) -> Option<Guard> {
        IN_PROGRESS.with(|p| {
            let mut p = p.borrow_mut();
            if p.contains(&id) {
                None
            } else {
                p.push(id);
                Some(Guard(id))
            }
        })
    }
}
impl Drop for Guard {
    fn drop(&mut self) {
        // Guards nest, so the one dropping is the last one pushed.
        IN_PROGRESS.with(|p| {
            let mut p = p.borrow_mut();
            if p.last() == Some(&self.0) {
                p.pop();
            } else {
                p.retain(|&x| x != self.0);
            }
        });
    }
}

/// `repr(v)`. Each nested container spends one level of the recursion limit, as CPython's
/// `PyObject_Repr` does (it shares the budget with Python calls), so a list nested a
/// million deep is a `RecursionError`, not a crash.
pub fn repr(ctx: &mut Ctx, v: &Value) -> R<String> {
    if !matches!(
        v,
        Value::List(_) | Value::Tuple(_) | Value::Dict(_) | Value::Set(_) | Value::FrozenSet(_)
    ) {
        return repr_value(ctx, v);
    }
    let limit = ctx
        .interp
        .recursion_limit
        .load(std::sync::atomic::Ordering::Relaxed);
    // CPython counts the module's frame and the innermost repr too: a list nested 997
    // deep prints at top level, 998 does not.
    if ctx.depth + 2 >= limit {
        return Err(ctx.err(
            "RecursionError",
            "maximum recursion depth exceeded while getting the repr of an object",
        ));
    }
    ctx.depth += 1;
    let r = repr_value(ctx, v);
    ctx.depth -= 1;
    r
}

fn repr_value(ctx: &mut Ctx, v: &Value) -> R<String> {
    Ok(match v {
        Value::None => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Int(i) => i.to_string(),
        Value::BigInt(b) => big_to_string(ctx, b)?,
        Value::Float(f) => float_repr(*f),
        Value::Str(s) => str_repr(s),
        Value::Bytes(b) => bytes_repr(b),
        Value::ByteArray(b) => {
            // CPython's bytearray repr escapes every single quote, whichever quote it uses.
            let r = bytes_repr(&b.lock());
            let r = if r.starts_with("b\"") {
                r.replace('\'', "\\'")
            } else {
                r
            };
            format!("bytearray({r})")
        }
        Value::Tuple(items) => {
            let Some(_g) = Guard::enter(v.id()) else {
                return Ok("(...)".into());
            };
            let mut s = String::from("(");
            for (i, it) in items.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                s.push_str(&repr(ctx, it)?);
            }
            if items.len() == 1 {
                s.push(',');
            }
            s.push(')');
            s
        }
        Value::List(l) => {
            let Some(_g) = Guard::enter(v.id()) else {
                return Ok("[...]".into());
            };
            let items = l.lock().clone();
            format!("[{}]", join_reprs(ctx, &items)?)
        }
        Value::Dict(d) => {
            let Some(_g) = Guard::enter(v.id()) else {
                return Ok("{...}".into());
            };
            let items: Vec<(Value, Value)> = d
                .lock()
                .iter()
                .map(|(k, v)| (k.0.clone(), v.clone()))
                .collect();
            let mut s = String::from("{");
            for (i, (k, val)) in items.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                s.push_str(&repr(ctx, k)?);
                s.push_str(": ");
                s.push_str(&repr(ctx, val)?);
            }
            s.push('}');
            s
        }
        Value::Set(d) => {
            let items: Vec<Value> = d.lock().set_order();
            if items.is_empty() {
                "set()".into()
            } else {
                let Some(_g) = Guard::enter(v.id()) else {
                    return Ok("{...}".into());
                };
                format!("{{{}}}", join_reprs(ctx, &items)?)
            }
        }
        Value::FrozenSet(d) => {
            let items: Vec<Value> = super::dict::cpython_set_order(d);
            if items.is_empty() {
                "frozenset()".into()
            } else {
                format!("frozenset({{{}}})", join_reprs(ctx, &items)?)
            }
        }
        Value::Range(r) => {
            if r.step == 1 {
                format!("range({}, {})", r.start, r.stop)
            } else {
                format!("range({}, {}, {})", r.start, r.stop, r.step)
            }
        }
        Value::Slice(parts) => format!(
            "slice({}, {}, {})",
            repr(ctx, &parts[0])?,
            repr(ctx, &parts[1])?,
            repr(ctx, &parts[2])?
        ),
        Value::Func(f) => format!("<function {} at {:#x}>", f.qualname, v.id()),
        Value::Builtin(b) if matches!(b.kind, super::value::BuiltinKind::Unbound(..)) => {
            match &b.kind {
                super::value::BuiltinKind::Unbound(_, owner) => {
                    format!("<method '{}' of '{owner}' objects>", b.name)
                }
                _ => String::new(),
            }
        }
        Value::Builtin(b) => match &b.self_ {
            None => format!("<built-in function {}>", b.name),
            Some(s) => match s {
                Value::Module(_) => format!("<built-in function {}>", b.name),
                _ => format!(
                    "<built-in method {} of {} object at {:#x}>",
                    b.name,
                    type_name(s),
                    s.id()
                ),
            },
        },
        // The socket module's IntEnum and IntFlag classes: `<enum 'AddressFamily'>`,
        // `<flag 'MsgFlag'>`.
        Value::Class(c) if c.native == super::value::Native::Enum => {
            let kind = if matches!(&*c.qualname, "MsgFlag" | "AddressInfo") {
                "flag"
            } else {
                "enum"
            };
            format!("<{kind} '{}'>", c.qualname)
        }
        Value::Class(c) => format!("<class '{}'>", {
            if &*c.module == "builtins" {
                c.qualname.to_string()
            } else {
                format!("{}.{}", c.module, c.qualname)
            }
        }),
        Value::Module(m) => {
            if (ctx.interp.library.is_builtin_module)(&m.name) {
                format!("<module '{}' (built-in)>", m.name)
            } else {
                format!("<module '{}'>", m.name)
            }
        }
        Value::BoundMethod(bm) => {
            let fname = match &bm.1 {
                Value::Func(f) => f.qualname.to_string(),
                Value::Builtin(b) => b.name.to_string(),
                other => type_name(other),
            };
            format!("<bound method {} of {}>", fname, repr(ctx, &bm.0)?)
        }
        Value::Iter(it) => {
            let name = type_name(v);
            let _ = it;
            format!("<{} object at {:#x}>", name, v.id())
        }
        // A native container's repr shows its items, which may need Python code.
        Value::Native(n) => match n.call_method(ctx, v, "__repr__", &[], &[]) {
            Some(r) => match &r? {
                Value::Str(s) => s.to_string(),
                other => repr(ctx, other)?,
            },
            None => n.repr(),
        },
        Value::Cell(_) => format!("<cell at {:#x}>", v.id()),
        Value::Ellipsis => "Ellipsis".into(),
        Value::NotImplemented => "NotImplemented".into(),
        Value::Instance(inst) => {
            if let Some(m) = inst
                .class
                .lookup("__repr__")
                .filter(|m| !matches!(m, Value::Builtin(_)))
            {
                let r = exec::call(ctx, &m, vec![v.clone()], vec![])?;
                return match &r {
                    Value::Str(s) => Ok(s.to_string()),
                    other => Err(ctx.type_error(format!(
                        "__repr__ returned non-string (type {})",
                        type_name(other)
                    ))),
                };
            }
            match inst.class.native {
                Native::Exception => {
                    let args = inst
                        .dict
                        .lock()
                        .get("args")
                        .cloned()
                        .unwrap_or(Value::tuple(vec![]));
                    let inner = match &args {
                        Value::Tuple(t) if t.len() == 1 => repr(ctx, &t[0])?,
                        Value::Tuple(t) => join_reprs(ctx, t)?,
                        other => repr(ctx, other)?,
                    };
                    format!("{}({})", inst.class.name, inner)
                }
                _ => object_repr(v),
            }
        }
    })
}

/// `object.__repr__`: `<__main__.Peer object at 0x...>`, or `<object object at 0x...>`
/// for a class of `builtins`.
pub fn object_repr(v: &Value) -> String {
    match v {
        Value::Instance(inst) if &*inst.class.module == "builtins" => {
            format!("<{} object at {:#x}>", inst.class.qualname, v.id())
        }
        Value::Instance(inst) => format!(
            "<{}.{} object at {:#x}>",
            inst.class.module,
            inst.class.qualname,
            v.id()
        ),
        other => format!("<{} object at {:#x}>", type_name(other), other.id()),
    }
}

fn join_reprs(ctx: &mut Ctx, items: &[Value]) -> R<String> {
    let mut s = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&repr(ctx, it)?);
    }
    Ok(s)
}

/// CPython refuses to print integers over 4300 digits (CVE-2020-10735 limit).
pub fn big_to_string(ctx: &Ctx, b: &num_bigint::BigInt) -> R<String> {
    if b.bits() > 14300 {
        let s = b.to_string();
        let digits = s.trim_start_matches('-').len();
        if digits > 4300 {
            return Err(ctx.value_error(
                "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
            ));
        }
        return Ok(s);
    }
    Ok(b.to_string())
}

pub fn str(ctx: &mut Ctx, v: &Value) -> R<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        Value::Instance(inst) => {
            if let Some(m) = inst
                .class
                .lookup("__str__")
                .filter(|m| !matches!(m, Value::Builtin(_)))
            {
                let r = exec::call(ctx, &m, vec![v.clone()], vec![])?;
                return match &r {
                    Value::Str(s) => Ok(s.to_string()),
                    other => Err(ctx.type_error(format!(
                        "__str__ returned non-string (type {})",
                        type_name(other)
                    ))),
                };
            }
            if inst.class.native == Native::Exception {
                return super::exceptions::builtin_str(ctx, v);
            }
            repr(ctx, v)
        }
        Value::Native(n) => match n.str() {
            Some(s) => Ok(s),
            None => repr(ctx, v),
        },
        Value::Iter(it) if matches!(&*it.lock(), IterState::Done) => repr(ctx, v),
        _ => repr(ctx, v),
    }
}

/// Shortest repr that round-trips, laid out as CPython's `float.__repr__`.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    // Rust's `{:e}` gives the shortest round-trip digits: "1.2345e-5".
    let sci = format!("{:e}", f);
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if (-4..16).contains(&exp) {
        if exp < 0 {
            out.push_str("0.");
            for _ in 0..(-exp - 1) {
                out.push('0');
            }
            out.push_str(&digits);
        } else {
            let point = exp as usize + 1;
            if digits.len() <= point {
                out.push_str(&digits);
                for _ in digits.len()..point {
                    out.push('0');
                }
                out.push_str(".0");
            } else {
                out.push_str(&digits[..point]);
                out.push('.');
                out.push_str(&digits[point..]);
            }
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let _ = write!(out, "e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
    }
    out
}

pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if super::printable::printable(c) => out.push(c),
            c => {
                let u = c as u32;
                if u <= 0xff {
                    let _ = write!(out, "\\x{u:02x}");
                } else if u <= 0xffff {
                    let _ = write!(out, "\\u{u:04x}");
                } else {
                    let _ = write!(out, "\\U{u:08x}");
                }
            }
        }
    }
    out.push(quote);
    out
}

pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => {
                let _ = write!(out, "\\x{c:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}

/// `ascii()`: a repr with every non-ASCII character escaped.
pub fn ascii(repr: &str) -> String {
    let mut out = String::new();
    for c in repr.chars() {
        let u = c as u32;
        if u < 0x80 {
            out.push(c);
        } else if u <= 0xff {
            let _ = write!(out, "\\x{u:02x}");
        } else if u <= 0xffff {
            let _ = write!(out, "\\u{u:04x}");
        } else {
            let _ = write!(out, "\\U{u:08x}");
        }
    }
    out
}

/// `repr` of a string or bytes value, for messages built without a context.
pub fn repr_simple(v: &Value) -> String {
    match v {
        Value::Str(s) => str_repr(s),
        Value::Bytes(b) => bytes_repr(b),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => float_repr(*f),
        _ => format!("<{}>", type_name(v)),
    }
}

/// A repr for values inside a dict view, which has no interpreter context at hand.
pub fn repr_plain_value(v: &Value) -> String {
    match v {
        Value::Tuple(t) => {
            let parts: Vec<String> = t.iter().map(repr_plain_value).collect();
            if t.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Value::List(l) => {
            let parts: Vec<String> = l.lock().iter().map(repr_plain_value).collect();
            format!("[{}]", parts.join(", "))
        }
        Value::None => "None".into(),
        Value::Bool(b) => {
            if *b {
                "True".into()
            } else {
                "False".into()
            }
        }
        Value::BigInt(b) => b.to_string(),
        _ => repr_simple(v),
    }
}
