//! Methods of the built-in values: `str`, `bytes`, `bytearray`, `list`, `tuple`,
//! `dict`, `set`, `int`, `float`. One dispatcher by (type, name), so `s.upper()` and
//! `f = s.upper; f()` share the code.

use super::core::{kwarg, sort_values, to_i64};
use crate::interp::args::{self, Signature};
use crate::interp::dict::{Dict, Key};
use crate::interp::exec::{hash_key, iterate, truthy};
use crate::interp::ops;
use crate::interp::repr;
use crate::interp::types::{self, type_name};
use crate::interp::value::DictPart;
use crate::interp::value::*;
use crate::interp::{Ctx, Exc, R};
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, Zero};
use parking_lot::Mutex;
use std::fmt::Write;
use std::sync::Arc;

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
        _ => &[],
    }
}

pub fn method_names(v: &Value) -> Vec<&'static str> {
    method_table(v).iter().map(|s| s.name).collect()
}

pub fn has_method(v: &Value, name: &str) -> bool {
    args::lookup(method_table(v), name).is_some()
}

/// Non-method attributes of built-in values (`r.start`, `x.real`).
pub fn value_attr(ctx: &mut Ctx, v: &Value, name: &str) -> R<Option<Value>> {
    let _ = ctx;
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
        _ => None,
    })
}

/// Attributes of built-in classes themselves: `int.from_bytes`, `str.join`, `dict.fromkeys`.
pub fn type_attr(_ctx: &mut Ctx, c: &Arc<Class>, name: &str) -> Option<Value> {
    let f: NativeFn = match (&*c.name, name) {
        ("int", "from_bytes") => int_from_bytes,
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
            let sample = match &*c.name {
                "str" => Value::str(""),
                "bytes" => Value::bytes(b""),
                "list" => Value::list(vec![]),
                "dict" => Value::Dict(Arc::new(Mutex::new(Dict::new()))),
                "tuple" => Value::tuple(vec![]),
                "int" => Value::Int(0),
                "float" => Value::Float(0.0),
                _ => return None,
            };
            if !has_method(&sample, name) {
                return None;
            }
            let n: Name = Arc::from(name);
            let _ = n;
            return Some(Value::Builtin(Arc::new(Builtin {
                name: Arc::from(name),
                self_: None,
                kind: BuiltinKind::Function(unbound_method_trampoline(name)?),
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

/// Unbound built-in methods are rare in the lecture; only the few used idioms are wired.
fn unbound_method_trampoline(name: &str) -> Option<NativeFn> {
    Some(match name {
        "join" => |ctx, a, k| call_first(ctx, "join", a, k),
        "upper" => |ctx, a, k| call_first(ctx, "upper", a, k),
        "lower" => |ctx, a, k| call_first(ctx, "lower", a, k),
        "strip" => |ctx, a, k| call_first(ctx, "strip", a, k),
        "split" => |ctx, a, k| call_first(ctx, "split", a, k),
        "encode" => |ctx, a, k| call_first(ctx, "encode", a, k),
        "decode" => |ctx, a, k| call_first(ctx, "decode", a, k),
        "append" => |ctx, a, k| call_first(ctx, "append", a, k),
        "keys" => |ctx, a, k| call_first(ctx, "keys", a, k),
        "items" => |ctx, a, k| call_first(ctx, "items", a, k),
        "values" => |ctx, a, k| call_first(ctx, "values", a, k),
        "get" => |ctx, a, k| call_first(ctx, "get", a, k),
        "format" => |ctx, a, k| call_first(ctx, "format", a, k),
        _ => return None,
    })
}

fn call_first(ctx: &mut Ctx, name: &str, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    let Some((first, rest)) = a.split_first() else {
        return Err(ctx.type_error(format!("unbound method {name}() needs an argument")));
    };
    crate::interp::exec::call_method(ctx, first, name, rest.to_vec(), k.to_vec())
}

/// The bytes of a bytes-like value, or CPython's TypeError.
pub fn bytes_like(ctx: &Ctx, v: &Value) -> R<Vec<u8>> {
    match v {
        Value::Bytes(b) => Ok(b.to_vec()),
        Value::ByteArray(b) => Ok(b.lock().clone()),
        _ => Err(ctx.type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(v)
        ))),
    }
}

pub fn decode(ctx: &Ctx, data: &[u8], errors: &str) -> R<Value> {
    if let Ok(s) = std::str::from_utf8(data) {
        return Ok(Value::str(s));
    }
    // Each undecodable run (a maximal subpart, as CPython and Rust both cut them) goes to
    // the error handler; CPython looks the handler up only when there is an error.
    let mut out = String::with_capacity(data.len());
    let mut done = 0;
    while done < data.len() {
        let rest = &data[done..];
        let e = match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => e,
        };
        let good = e.valid_up_to();
        out.push_str(&String::from_utf8_lossy(&rest[..good]));
        let pos = done + good;
        let bad = e.error_len().unwrap_or(rest.len() - good);
        match errors {
            "replace" => out.push('\u{fffd}'),
            "ignore" => {}
            "backslashreplace" => {
                for b in &data[pos..pos + bad] {
                    let _ = write!(out, "\\x{b:02x}");
                }
            }
            "strict" => return Err(decode_error(ctx, data, pos, e.error_len())),
            other => {
                return Err(ctx.err(
                    "LookupError",
                    format!("unknown error handler name '{other}'"),
                ))
            }
        }
        done = pos + bad;
    }
    Ok(Value::string(out))
}

/// CPython's UnicodeDecodeError for the undecodable bytes at `pos`.
fn decode_error(ctx: &Ctx, data: &[u8], pos: usize, error_len: Option<usize>) -> Box<Exc> {
    let byte = data[pos];
    // No UTF-8 sequence starts with a continuation byte, C0, C1 or F5 and above.
    let reason = if (0x80..=0xc1).contains(&byte) || byte >= 0xf5 {
        "invalid start byte"
    } else if error_len.is_none() {
        "unexpected end of data"
    } else {
        "invalid continuation byte"
    };
    let end = match error_len {
        None => data.len(),
        Some(n) => pos + n,
    };
    let msg = if end - pos > 1 {
        format!(
            "'utf-8' codec can't decode bytes in position {}-{}: {}",
            pos,
            end - 1,
            reason
        )
    } else {
        format!("'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: {reason}")
    };
    ctx.err("UnicodeDecodeError", msg)
}

pub fn encode(ctx: &Ctx, s: &str, encoding: &str, errors: &str) -> R<Vec<u8>> {
    let enc = encoding.to_ascii_lowercase().replace(['-', '_'], "");
    match enc.as_str() {
        "utf8" | "u8" => Ok(s.as_bytes().to_vec()),
        "ascii" | "latin1" | "iso88591" => {
            let limit = if enc == "ascii" { 0x80 } else { 0x100 };
            let mut out = Vec::with_capacity(s.len());
            for (i, c) in s.chars().enumerate() {
                if (c as u32) < limit {
                    out.push(c as u32 as u8);
                } else {
                    match errors {
                        "ignore" => {}
                        "replace" => out.push(b'?'),
                        "xmlcharrefreplace" => {
                            out.extend_from_slice(format!("&#{};", c as u32).as_bytes())
                        }
                        "backslashreplace" => out.extend_from_slice(escape_char(c).as_bytes()),
                        "strict" => {
                            let name = if enc == "ascii" { "ascii" } else { "latin-1" };
                            return Err(ctx.err(
                                "UnicodeEncodeError",
                                format!(
                                    "'{name}' codec can't encode character {} in position {i}: ordinal not in range({limit})",
                                    repr::str_repr(&c.to_string()).replace(c, &escape_char(c))
                                ),
                            ));
                        }
                        other => {
                            return Err(ctx.err(
                                "LookupError",
                                format!("unknown error handler name '{other}'"),
                            ))
                        }
                    }
                }
            }
            Ok(out)
        }
        _ => Err(ctx.err("LookupError", format!("unknown encoding: {encoding}"))),
    }
}

/// `\xe9`, `\u20ac`, `\U0001f600`: how CPython's codec errors show a character.
fn escape_char(c: char) -> String {
    let u = c as u32;
    if u <= 0xff {
        format!("\\x{u:02x}")
    } else if u <= 0xffff {
        format!("\\u{u:04x}")
    } else {
        format!("\\U{u:08x}")
    }
}

fn fromhex(ctx: &Ctx, v: &Value) -> R<Vec<u8>> {
    let Value::Str(s) = v else {
        return Err(ctx.type_error(format!(
            "fromhex() argument must be str, not {}",
            type_name(v)
        )));
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16);
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => {
                let pos = if hi.is_none() { i } else { i + 1 };
                return Err(ctx.value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {pos}"
                )));
            }
        }
        i += 2;
    }
    Ok(out)
}

fn int_from_bytes(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    let data = match &a[0] {
        Value::Bytes(_) | Value::ByteArray(_) => bytes_like(ctx, &a[0])?,
        other => {
            let mut out = Vec::new();
            for it in iterate(ctx, other)? {
                out.push(to_i64(ctx, &it, "")? as u8);
            }
            out
        }
    };
    let order = match a.get(1).or(kwarg(k, "byteorder")) {
        Some(Value::Str(s)) => s.to_string(),
        None => "big".into(),
        _ => return Err(ctx.type_error("from_bytes() argument 'byteorder' must be str")),
    };
    let signed = match kwarg(k, "signed") {
        Some(v) => truthy(ctx, v)?,
        None => false,
    };
    let n = match order.as_str() {
        "big" => {
            if signed {
                BigInt::from_signed_bytes_be(&data)
            } else {
                BigInt::from_bytes_be(Sign::Plus, &data)
            }
        }
        "little" => {
            if signed {
                BigInt::from_signed_bytes_le(&data)
            } else {
                BigInt::from_bytes_le(Sign::Plus, &data)
            }
        }
        _ => return Err(ctx.value_error("byteorder must be either 'little' or 'big'")),
    };
    Ok(Value::bigint(n))
}

fn str_arg<'a>(ctx: &Ctx, v: &'a Value, method: &str) -> R<&'a str> {
    match v {
        Value::Str(s) => Ok(s),
        other => Err(ctx.type_error(format!(
            "{method} arg must be None or str, not {}",
            type_name(other)
        ))),
    }
}

fn must_str<'a>(ctx: &Ctx, v: &'a Value, what: &str) -> R<&'a str> {
    match v {
        Value::Str(s) => Ok(s),
        other => Err(ctx.type_error(format!("{what}, not {}", type_name(other)))),
    }
}

/// Python's whitespace split (runs of whitespace, no empty strings), with maxsplit.
fn split_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        if maxsplit >= 0 && out.len() as i64 == maxsplit {
            out.push(rest);
            break;
        }
        match rest.find(char::is_whitespace) {
            Some(i) => {
                out.push(&rest[..i]);
                rest = rest[i..].trim_start();
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    if maxsplit >= 0 && out.len() as i64 > maxsplit + 1 {
        out.truncate(maxsplit as usize + 1);
    }
    out
}

fn split_args(ctx: &Ctx, args: &[Value], kwargs: &[(Name, Value)]) -> R<(Option<Value>, i64)> {
    let sep = args
        .first()
        .or(kwarg(kwargs, "sep"))
        .cloned()
        .filter(|v| !v.is_none());
    let maxsplit = match args.get(1).or(kwarg(kwargs, "maxsplit")) {
        Some(v) => to_i64(ctx, v, "")?,
        None => -1,
    };
    Ok((sep, maxsplit))
}

/// Python's `str.splitlines` boundaries.
fn splitlines(s: &str, keepends: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if is_break {
            if keepends {
                cur.push(c);
            }
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
                if keepends {
                    cur.push('\n');
                }
            }
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn char_index_to_byte(s: &str, idx: i64) -> usize {
    if idx <= 0 {
        return 0;
    }
    s.char_indices()
        .nth(idx as usize)
        .map_or(s.len(), |(b, _)| b)
}

fn byte_to_char_index(s: &str, b: usize) -> i64 {
    if s.is_ascii() {
        b as i64
    } else {
        s[..b].chars().count() as i64
    }
}

/// Resolve optional start/end arguments (character indices) into a byte range.
fn str_range(ctx: &Ctx, s: &str, start: Option<&Value>, end: Option<&Value>) -> R<(usize, usize)> {
    let n = if s.is_ascii() {
        s.len() as i64
    } else {
        s.chars().count() as i64
    };
    let norm = |v: Option<&Value>, default: i64| -> R<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(v) => {
                let i = to_i64(ctx, v, "")?;
                Ok(if i < 0 { (i + n).max(0) } else { i.min(n) })
            }
        }
    };
    let a = norm(start, 0)?;
    let b = norm(end, n)?;
    if s.is_ascii() {
        Ok((a as usize, (b.max(a)) as usize))
    } else {
        Ok((char_index_to_byte(s, a), char_index_to_byte(s, b.max(a))))
    }
}

fn prefix_match(
    ctx: &mut Ctx,
    arg: &Value,
    test: &mut dyn FnMut(&str) -> bool,
    method: &str,
) -> R<bool> {
    match arg {
        Value::Str(p) => Ok(test(p)),
        Value::Tuple(items) => {
            for it in items.iter() {
                match it {
                    Value::Str(p) => {
                        if test(p) {
                            return Ok(true);
                        }
                    }
                    other => {
                        return Err(ctx.type_error(format!(
                            "tuple for {method} must only contain str, not {}",
                            type_name(other)
                        )))
                    }
                }
            }
            Ok(false)
        }
        other => Err(ctx.type_error(format!(
            "{method} first arg must be str or a tuple of str, not {}",
            type_name(other)
        ))),
    }
}

const NO_ARG_STR_METHODS: &[&str] = &[
    "upper",
    "lower",
    "casefold",
    "swapcase",
    "title",
    "capitalize",
    "isdigit",
    "isdecimal",
    "isnumeric",
    "isalpha",
    "isalnum",
    "isspace",
    "isupper",
    "islower",
    "isidentifier",
    "isprintable",
];

fn str_method(
    ctx: &mut Ctx,
    s: &Arc<str>,
    name: &str,
    a: &[Value],
    k: &[(Name, Value)],
) -> Option<R<Value>> {
    if NO_ARG_STR_METHODS.contains(&name) && !a.is_empty() {
        return Some(Err(ctx.type_error(format!(
            "str.{name}() takes no arguments ({} given)",
            a.len()
        ))));
    }
    Some((|| -> R<Value> {
        Ok(match name {
            "upper" => Value::string(s.to_uppercase()),
            "lower" | "casefold" => Value::string(s.to_lowercase()),
            "swapcase" => Value::string(
                s.chars()
                    .map(|c| {
                        if c.is_uppercase() {
                            c.to_lowercase().collect::<String>()
                        } else {
                            c.to_uppercase().collect()
                        }
                    })
                    .collect(),
            ),
            "title" => {
                let mut out = String::new();
                let mut prev_cased = false;
                for c in s.chars() {
                    if prev_cased {
                        out.extend(c.to_lowercase());
                    } else {
                        out.extend(c.to_uppercase());
                    }
                    prev_cased = c.is_alphabetic();
                }
                Value::string(out)
            }
            "capitalize" => {
                let mut cs = s.chars();
                let out = match cs.next() {
                    Some(f) => f.to_uppercase().collect::<String>() + &cs.as_str().to_lowercase(),
                    None => String::new(),
                };
                Value::string(out)
            }
            "strip" | "lstrip" | "rstrip" => {
                let chars: Option<Vec<char>> = match a.first() {
                    None | Some(Value::None) => None,
                    Some(v) => Some(str_arg(ctx, v, name)?.chars().collect()),
                };
                let pred = |c: char| match &chars {
                    None => c.is_whitespace(),
                    Some(cs) => cs.contains(&c),
                };
                Value::str(match name {
                    "strip" => s.trim_matches(pred),
                    "lstrip" => s.trim_start_matches(pred),
                    _ => s.trim_end_matches(pred),
                })
            }
            "split" | "rsplit" => {
                let (sep, maxsplit) = split_args(ctx, a, k)?;
                let parts: Vec<String> = match &sep {
                    None => {
                        if name == "split" {
                            split_whitespace(s, maxsplit)
                                .into_iter()
                                .map(String::from)
                                .collect()
                        } else {
                            let rev: String = s.chars().rev().collect();
                            let mut parts: Vec<String> = split_whitespace(&rev, maxsplit)
                                .into_iter()
                                .map(|p| p.chars().rev().collect())
                                .collect();
                            parts.reverse();
                            parts
                        }
                    }
                    Some(v) => {
                        let sep = must_str(ctx, v, "must be str or None")?;
                        if sep.is_empty() {
                            return Err(ctx.value_error("empty separator"));
                        }
                        if maxsplit < 0 {
                            s.split(sep).map(String::from).collect()
                        } else if name == "split" {
                            s.splitn(maxsplit as usize + 1, sep)
                                .map(String::from)
                                .collect()
                        } else {
                            let mut p: Vec<String> = s
                                .rsplitn(maxsplit as usize + 1, sep)
                                .map(String::from)
                                .collect();
                            p.reverse();
                            p
                        }
                    }
                };
                Value::list(parts.into_iter().map(Value::string).collect())
            }
            "splitlines" => {
                let keep = match a.first().or(kwarg(k, "keepends")) {
                    Some(v) => truthy(ctx, v)?,
                    None => false,
                };
                Value::list(splitlines(s, keep).into_iter().map(Value::string).collect())
            }
            "partition" | "rpartition" => {
                let sep = must_str(ctx, &a[0], "must be str")?;
                if sep.is_empty() {
                    return Err(ctx.value_error("empty separator"));
                }
                let found = if name == "partition" {
                    s.find(sep)
                } else {
                    s.rfind(sep)
                };
                match found {
                    Some(i) => Value::tuple(vec![
                        Value::str(&s[..i]),
                        Value::str(sep),
                        Value::str(&s[i + sep.len()..]),
                    ]),
                    None if name == "partition" => {
                        Value::tuple(vec![Value::Str(s.clone()), Value::str(""), Value::str("")])
                    }
                    None => {
                        Value::tuple(vec![Value::str(""), Value::str(""), Value::Str(s.clone())])
                    }
                }
            }
            "join" => {
                let items = iterate(ctx, &a[0])?;
                let mut out = String::new();
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(s);
                    }
                    match it {
                        Value::Str(p) => out.push_str(p),
                        other => {
                            return Err(ctx.type_error(format!(
                                "sequence item {i}: expected str instance, {} found",
                                type_name(other)
                            )))
                        }
                    }
                }
                Value::string(out)
            }
            "encode" => {
                let enc = match a.first().or(kwarg(k, "encoding")) {
                    Some(Value::Str(e)) => e.to_string(),
                    Some(other) => {
                        return Err(ctx.type_error(format!(
                            "encode() argument 'encoding' must be str, not {}",
                            type_name(other)
                        )))
                    }
                    None => "utf-8".into(),
                };
                let errors = match a.get(1).or(kwarg(k, "errors")) {
                    Some(Value::Str(e)) => e.to_string(),
                    _ => "strict".into(),
                };
                Value::Bytes(encode(ctx, s, &enc, &errors)?.into())
            }
            "startswith" | "endswith" => {
                let (lo, hi) = str_range(ctx, s, a.get(1), a.get(2))?;
                let part = &s[lo..hi];
                let starts = name == "startswith";
                let ok = prefix_match(
                    ctx,
                    &a[0],
                    &mut |p| {
                        if starts {
                            part.starts_with(p)
                        } else {
                            part.ends_with(p)
                        }
                    },
                    name,
                )?;
                Value::Bool(ok)
            }
            "replace" => {
                let old = must_str(ctx, &a[0], "replace() argument 1 must be str")?;
                let new = must_str(ctx, &a[1], "replace() argument 2 must be str")?;
                let count = match a.get(2) {
                    Some(v) => to_i64(ctx, v, "")?,
                    None => -1,
                };
                if count < 0 {
                    Value::string(s.replace(old, new))
                } else {
                    Value::string(s.replacen(old, new, count as usize))
                }
            }
            "find" | "rfind" | "index" | "rindex" | "count" => {
                let sub = must_str(ctx, &a[0], "must be str")?;
                let (lo, hi) = str_range(ctx, s, a.get(1), a.get(2))?;
                let part = &s[lo..hi];
                if name == "count" {
                    let n = if sub.is_empty() {
                        part.chars().count() + 1
                    } else {
                        part.matches(sub).count()
                    };
                    return Ok(Value::Int(n as i64));
                }
                let found = if name.starts_with('r') {
                    part.rfind(sub)
                } else {
                    part.find(sub)
                };
                match found {
                    Some(i) => Value::Int(byte_to_char_index(s, lo + i)),
                    None if name.contains("index") => {
                        return Err(ctx.value_error("substring not found"))
                    }
                    None => Value::Int(-1),
                }
            }
            "format" => Value::string(crate::interp::format::str_format(ctx, s, a, k)?),
            "isdigit" | "isdecimal" | "isnumeric" => Value::Bool(
                !s.is_empty()
                    && s.chars()
                        .all(|c| c.is_ascii_digit() || (name != "isdecimal" && c.is_numeric())),
            ),
            "isalpha" => Value::Bool(!s.is_empty() && s.chars().all(char::is_alphabetic)),
            "isalnum" => Value::Bool(!s.is_empty() && s.chars().all(char::is_alphanumeric)),
            "isspace" => Value::Bool(!s.is_empty() && s.chars().all(char::is_whitespace)),
            "isupper" => {
                Value::Bool(s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase))
            }
            "islower" => {
                Value::Bool(s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase))
            }
            "isidentifier" => Value::Bool(
                s.chars()
                    .next()
                    .is_some_and(|c| c == '_' || c.is_alphabetic())
                    && s.chars().all(|c| c == '_' || c.is_alphanumeric()),
            ),
            "isprintable" => Value::Bool(s.chars().all(crate::interp::printable::printable)),
            "center" | "ljust" | "rjust" => {
                let w = to_i64(ctx, &a[0], "")?.max(0) as usize;
                crate::interp::ops::check_alloc(w as u128 * 4)?;
                let fill = match a.get(1) {
                    Some(Value::Str(f)) if f.chars().count() == 1 => {
                        f.chars().next().unwrap_or(' ')
                    }
                    Some(_) => {
                        return Err(
                            ctx.type_error("The fill character must be exactly one character long")
                        )
                    }
                    None => ' ',
                };
                let n = s.chars().count();
                if n >= w {
                    return Ok(Value::Str(s.clone()));
                }
                let pad = w - n;
                let f = |k: usize| fill.to_string().repeat(k);
                Value::string(match name {
                    "ljust" => format!("{s}{}", f(pad)),
                    "rjust" => format!("{}{s}", f(pad)),
                    _ => {
                        let left = pad / 2 + (pad & w & 1);
                        format!("{}{s}{}", f(left), f(pad - left))
                    }
                })
            }
            "zfill" => {
                let w = to_i64(ctx, &a[0], "")?.max(0) as usize;
                crate::interp::ops::check_alloc(w as u128)?;
                let n = s.chars().count();
                if n >= w {
                    return Ok(Value::Str(s.clone()));
                }
                let (sign, rest) = match s.chars().next() {
                    Some(c @ ('+' | '-')) => (c.to_string(), &s[1..]),
                    _ => (String::new(), &s[..]),
                };
                Value::string(format!("{sign}{}{rest}", "0".repeat(w - n)))
            }
            "removeprefix" => {
                let p = must_str(
                    ctx,
                    a.first().unwrap_or(&Value::None),
                    "removeprefix() argument must be str",
                )?;
                Value::str(s.strip_prefix(p).unwrap_or(s))
            }
            "removesuffix" => {
                let p = must_str(
                    ctx,
                    a.first().unwrap_or(&Value::None),
                    "removesuffix() argument must be str",
                )?;
                Value::str(s.strip_suffix(p).unwrap_or(s))
            }
            "translate" => {
                let mut out = String::with_capacity(s.len());
                for c in s.chars() {
                    let key = Value::Int(c as i64);
                    match ops::getitem(ctx, &a[0], &key) {
                        Ok(Value::None) => {}
                        Ok(Value::Str(r)) => out.push_str(&r),
                        Ok(Value::Int(n)) => match u32::try_from(n).ok().and_then(char::from_u32) {
                            Some(ch) => out.push(ch),
                            None => {
                                return Err(
                                    ctx.value_error("character mapping must be in range(0x110000)")
                                )
                            }
                        },
                        Ok(other) => {
                            return Err(ctx.type_error(format!(
                                "character mapping must return integer, None or str, not {}",
                                type_name(&other)
                            )))
                        }
                        Err(e) if e.is("LookupError") => out.push(c),
                        Err(e) => return Err(e),
                    }
                }
                Value::string(out)
            }
            "expandtabs" => {
                let size = match a.first() {
                    Some(v) => to_i64(ctx, v, "")?.max(0) as usize,
                    None => 8,
                };
                let mut out = String::new();
                let mut col = 0;
                for c in s.chars() {
                    match c {
                        '\t' => {
                            if size > 0 {
                                let n = size - col % size;
                                crate::interp::ops::check_alloc(out.len() as u128 + n as u128)?;
                                out.push_str(&" ".repeat(n));
                                col += n;
                            }
                        }
                        '\n' | '\r' => {
                            out.push(c);
                            col = 0;
                        }
                        _ => {
                            out.push(c);
                            col += 1;
                        }
                    }
                }
                Value::string(out)
            }
            _ => return Err(ctx.err("AttributeError", "")),
        })
    })())
    .filter(|r| !matches!(r, Err(e) if e.is("AttributeError") && repr_is_empty(e)))
}

fn repr_is_empty(e: &Exc) -> bool {
    matches!(&e.value, Value::Instance(i) if matches!(i.dict.lock().get("args"), Some(Value::Tuple(t)) if matches!(t.first(), Some(Value::Str(s)) if s.is_empty())))
}

/// `bytes.hex(sep, bytes_per_sep)`: a separator every `bytes_per_sep` bytes, counted
/// from the right (from the left when negative), as CPython groups them.
fn bytes_hex(ctx: &Ctx, data: &[u8], a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    let sep = match a.first().or(kwarg(k, "sep")) {
        None | Some(Value::None) => None,
        Some(v) => {
            let text: Vec<char> = match v {
                Value::Str(s) => s.chars().collect(),
                Value::Bytes(b) => b.iter().map(|&b| b as char).collect(),
                other => {
                    return Err(ctx.type_error(format!(
                        "object of type '{}' has no len()",
                        type_name(other)
                    )))
                }
            };
            match text[..] {
                [c] if c.is_ascii() => Some(c),
                [_] => return Err(ctx.value_error("sep must be ASCII.")),
                _ => return Err(ctx.value_error("sep must be length 1.")),
            }
        }
    };
    let per = match a.get(1).or(kwarg(k, "bytes_per_sep")) {
        None => 1,
        Some(v) => super::core::to_clinic_int(ctx, v)?,
    };
    let mut out = String::with_capacity(data.len() * 3);
    let group = per.unsigned_abs() as usize;
    for (i, b) in data.iter().enumerate() {
        if let (Some(c), true) = (sep, i > 0 && group > 0) {
            // Counted from the right, a group ends where the bytes left divide evenly.
            let boundary = if per > 0 {
                (data.len() - i).is_multiple_of(group)
            } else {
                i.is_multiple_of(group)
            };
            if boundary {
                out.push(c);
            }
        }
        let _ = write!(out, "{b:02x}");
    }
    Ok(Value::string(out))
}

fn bytes_method(
    ctx: &mut Ctx,
    this: &Value,
    data: &[u8],
    name: &str,
    a: &[Value],
    k: &[(Name, Value)],
) -> Option<R<Value>> {
    let mk = |v: Vec<u8>| -> Value {
        match this {
            Value::ByteArray(_) => Value::ByteArray(Arc::new(Mutex::new(v))),
            _ => Value::Bytes(v.into()),
        }
    };
    let r = (|| -> R<Value> {
        Ok(match name {
            "decode" => {
                let errors = match a.get(1).or(kwarg(k, "errors")) {
                    Some(Value::Str(e)) => e.to_string(),
                    _ => "strict".into(),
                };
                if let Some(Value::Str(enc)) = a.first().or(kwarg(k, "encoding")) {
                    let e = enc.to_ascii_lowercase().replace(['-', '_'], "");
                    if e == "ascii" || e == "latin1" || e == "iso88591" {
                        if e == "ascii" {
                            if let Some(pos) = data.iter().position(|&b| b >= 0x80) {
                                if errors == "strict" {
                                    return Err(ctx.err(
                                        "UnicodeDecodeError",
                                        format!(
                                            "'ascii' codec can't decode byte 0x{:02x} in position {pos}: ordinal not in range(128)",
                                            data[pos]
                                        ),
                                    ));
                                }
                            }
                        }
                        return Ok(Value::string(
                            data.iter()
                                .map(|&b| {
                                    if e == "ascii" && b >= 0x80 {
                                        '\u{fffd}'
                                    } else {
                                        b as char
                                    }
                                })
                                .collect(),
                        ));
                    }
                    if e != "utf8" {
                        return Err(ctx.err("LookupError", format!("unknown encoding: {enc}")));
                    }
                }
                decode(ctx, data, &errors)?
            }
            "hex" => bytes_hex(ctx, data, a, k)?,
            "upper" => mk(data.to_ascii_uppercase()),
            "lower" => mk(data.to_ascii_lowercase()),
            "strip" | "lstrip" | "rstrip" => {
                let set: Vec<u8> = match a.first() {
                    None | Some(Value::None) => b" \t\n\r\x0b\x0c".to_vec(),
                    Some(v) => bytes_like(ctx, v)?,
                };
                let mut lo = 0;
                let mut hi = data.len();
                if name != "rstrip" {
                    while lo < hi && set.contains(&data[lo]) {
                        lo += 1;
                    }
                }
                if name != "lstrip" {
                    while hi > lo && set.contains(&data[hi - 1]) {
                        hi -= 1;
                    }
                }
                mk(data[lo..hi].to_vec())
            }
            "split" | "rsplit" => {
                let (sep, maxsplit) = split_args(ctx, a, k)?;
                let parts: Vec<Vec<u8>> = match sep {
                    None => {
                        let text: String = data.iter().map(|&b| b as char).collect();
                        split_whitespace(&text, maxsplit)
                            .into_iter()
                            .map(|p| p.chars().map(|c| c as u8).collect())
                            .collect()
                    }
                    Some(v) => {
                        let sep = bytes_like(ctx, &v)?;
                        if sep.is_empty() {
                            return Err(ctx.value_error("empty separator"));
                        }
                        let mut parts = Vec::new();
                        let mut start = 0;
                        let mut i = 0;
                        while i + sep.len() <= data.len() {
                            if maxsplit >= 0 && parts.len() as i64 == maxsplit {
                                break;
                            }
                            if data[i..i + sep.len()] == sep[..] {
                                parts.push(data[start..i].to_vec());
                                i += sep.len();
                                start = i;
                            } else {
                                i += 1;
                            }
                        }
                        parts.push(data[start..].to_vec());
                        parts
                    }
                };
                Value::list(parts.into_iter().map(&mk).collect())
            }
            "splitlines" => {
                let text: String = data.iter().map(|&b| b as char).collect();
                let keep = match a.first() {
                    Some(v) => truthy(ctx, v)?,
                    None => false,
                };
                Value::list(
                    splitlines(&text, keep)
                        .into_iter()
                        .map(|l| mk(l.chars().map(|c| c as u8).collect()))
                        .collect(),
                )
            }
            "partition" | "rpartition" => {
                let sep = bytes_like(ctx, &a[0])?;
                let pos: Vec<usize> = (0..=data.len().saturating_sub(sep.len()))
                    .filter(|&i| data.len() >= sep.len() && data[i..i + sep.len()] == sep[..])
                    .collect();
                let found = if name == "partition" {
                    pos.first()
                } else {
                    pos.last()
                };
                match found {
                    Some(&i) => Value::tuple(vec![
                        mk(data[..i].to_vec()),
                        mk(sep.clone()),
                        mk(data[i + sep.len()..].to_vec()),
                    ]),
                    None if name == "partition" => {
                        Value::tuple(vec![mk(data.to_vec()), mk(vec![]), mk(vec![])])
                    }
                    None => Value::tuple(vec![mk(vec![]), mk(vec![]), mk(data.to_vec())]),
                }
            }
            "join" => {
                let items = iterate(ctx, &a[0])?;
                let mut out = Vec::new();
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        out.extend_from_slice(data);
                    }
                    match it {
                        Value::Bytes(_) | Value::ByteArray(_) => out.extend(bytes_like(ctx, it)?),
                        other => {
                            return Err(ctx.type_error(format!(
                                "sequence item {i}: expected a bytes-like object, {} found",
                                type_name(other)
                            )))
                        }
                    }
                }
                mk(out)
            }
            "startswith" | "endswith" => {
                let test = |p: &[u8]| {
                    if name == "startswith" {
                        data.starts_with(p)
                    } else {
                        data.ends_with(p)
                    }
                };
                let Some(first) = a.first() else {
                    return Err(
                        ctx.type_error(format!("{name}() takes at least 1 argument (0 given)"))
                    );
                };
                match first {
                    Value::Tuple(items) => {
                        let mut ok = false;
                        for it in items.iter() {
                            ok |= test(&bytes_like(ctx, it)?);
                        }
                        Value::Bool(ok)
                    }
                    v => Value::Bool(test(&bytes_like(ctx, v).map_err(|_| {
                        ctx.type_error(format!(
                            "{name} first arg must be bytes or a tuple of bytes, not {}",
                            type_name(v)
                        ))
                    })?)),
                }
            }
            "replace" => {
                let old = bytes_like(ctx, &a[0])?;
                let new = bytes_like(ctx, &a[1])?;
                let mut out = Vec::new();
                let mut i = 0;
                while i < data.len() {
                    if !old.is_empty() && data[i..].starts_with(&old) {
                        out.extend_from_slice(&new);
                        i += old.len();
                    } else {
                        out.push(data[i]);
                        i += 1;
                    }
                }
                mk(out)
            }
            "find" | "rfind" | "index" | "count" => {
                let sub = match &a[0] {
                    Value::Int(i) => vec![*i as u8],
                    v => bytes_like(ctx, v)?,
                };
                // Optional start/end, as slice bounds; positions stay absolute.
                let n = data.len() as i64;
                let bound = |v: Option<&Value>, dflt: i64| -> R<i64> {
                    match v {
                        None | Some(Value::None) => Ok(dflt),
                        Some(v) => {
                            let i = to_i64(ctx, v, "")?;
                            Ok(if i < 0 { (i + n).max(0) } else { i.min(n) })
                        }
                    }
                };
                let lo = bound(a.get(1), 0)? as usize;
                let hi = (bound(a.get(2), n)? as usize).max(lo);
                let full = data;
                let data = &full[lo..hi];
                let positions: Vec<usize> = if sub.is_empty() {
                    (0..=data.len()).collect()
                } else {
                    let mut v = Vec::new();
                    let mut i = 0;
                    while i + sub.len() <= data.len() {
                        if data[i..i + sub.len()] == sub[..] {
                            v.push(i);
                            i += if name == "count" { sub.len() } else { 1 };
                        } else {
                            i += 1;
                        }
                    }
                    v
                };
                match name {
                    "count" => Value::Int(positions.len() as i64),
                    "find" => Value::Int(positions.first().map_or(-1, |&p| (p + lo) as i64)),
                    "rfind" => Value::Int(positions.last().map_or(-1, |&p| (p + lo) as i64)),
                    _ => match positions.first() {
                        Some(&p) => Value::Int((p + lo) as i64),
                        None => return Err(ctx.value_error("subsection not found")),
                    },
                }
            }
            "isdigit" => Value::Bool(!data.is_empty() && data.iter().all(u8::is_ascii_digit)),
            "isalpha" => Value::Bool(!data.is_empty() && data.iter().all(u8::is_ascii_alphabetic)),
            "isalnum" => {
                Value::Bool(!data.is_empty() && data.iter().all(u8::is_ascii_alphanumeric))
            }
            "isspace" => {
                Value::Bool(!data.is_empty() && data.iter().all(|b| b" \t\n\r\x0b\x0c".contains(b)))
            }
            "removeprefix" => {
                let p = bytes_like(ctx, &a[0])?;
                mk(data.strip_prefix(&p[..]).unwrap_or(data).to_vec())
            }
            "removesuffix" => {
                let p = bytes_like(ctx, &a[0])?;
                mk(data.strip_suffix(&p[..]).unwrap_or(data).to_vec())
            }
            "center" | "ljust" | "rjust" | "zfill" => {
                let text: String = data.iter().map(|&b| b as char).collect();
                let r = str_method(ctx, &Arc::from(text), name, a, k).unwrap_or(Ok(Value::None));
                match r? {
                    Value::Str(s) => mk(s.chars().map(|c| c as u8).collect()),
                    other => other,
                }
            }
            _ => return Err(ctx.err("AttributeError", "")),
        })
    })();
    match r {
        Err(e) if e.is("AttributeError") && repr_is_empty(&e) => None,
        other => Some(other),
    }
}

pub fn call(
    ctx: &mut Ctx,
    obj: &Value,
    name: &str,
    a: &[Value],
    k: &[(Name, Value)],
) -> Option<R<Value>> {
    let sig = args::lookup(method_table(obj), name)?;
    match args::bind(ctx, sig, a, k) {
        Ok(None) => dispatch(ctx, obj, name, a, k),
        Ok(Some((a, k))) => dispatch(ctx, obj, name, &a, &k),
        Err(e) => Some(Err(e)),
    }
}

/// Run a method whose arguments have been bound (`call`).
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

fn float_hex(f: f64) -> String {
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0x0.0p+0".into()
        } else {
            "0x0.0p+0".into()
        };
    }
    if !f.is_finite() {
        return crate::interp::repr::float_repr(f);
    }
    let bits = f.to_bits();
    let sign = if f < 0.0 { "-" } else { "" };
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    let mut m = format!("{mant:013x}");
    while m.len() > 1 && m.ends_with('0') {
        m.pop();
    }
    format!(
        "{sign}0x{lead}.{m}p{}{}",
        if e < 0 { '-' } else { '+' },
        e.abs()
    )
}

fn float_ratio(ctx: &Ctx, f: f64) -> R<Value> {
    if !f.is_finite() {
        return Err(if f.is_nan() {
            ctx.value_error("cannot convert NaN to integer ratio")
        } else {
            ctx.err("OverflowError", "cannot convert Infinity to integer ratio")
        });
    }
    let mut num = f;
    let mut den = BigInt::from(1);
    let mut k = 0;
    while num.fract() != 0.0 && k < 1100 {
        num *= 2.0;
        den *= 2;
        k += 1;
    }
    let n = BigInt::from(num as i128);
    let g = num_integer::Integer::gcd(&n, &den);
    let g = if g.is_zero() { BigInt::from(1) } else { g };
    Ok(Value::tuple(vec![
        Value::bigint(&n / &g),
        Value::bigint(&den / &g),
    ]))
}

fn int_method(
    ctx: &mut Ctx,
    obj: &Value,
    name: &str,
    a: &[Value],
    k: &[(Name, Value)],
) -> Option<R<Value>> {
    let n = match obj {
        Value::Int(i) => BigInt::from(*i),
        Value::Bool(b) => BigInt::from(*b as i64),
        Value::BigInt(b) => (**b).clone(),
        _ => return None,
    };
    Some(match name {
        "bit_length" => Ok(Value::Int(n.bits() as i64)),
        "bit_count" => Ok(Value::Int(
            n.abs().to_str_radix(2).matches('1').count() as i64
        )),
        "conjugate" => Ok(Value::bigint(n)),
        "to_bytes" => (|| {
            let length = match a.first().or(kwarg(k, "length")) {
                Some(v) => to_i64(ctx, v, "")?,
                None => 1,
            };
            let order = match a.get(1).or(kwarg(k, "byteorder")) {
                Some(Value::Str(s)) => s.to_string(),
                None => "big".into(),
                Some(_) => {
                    return Err(ctx.type_error("to_bytes() argument 'byteorder' must be str"))
                }
            };
            let signed = match kwarg(k, "signed") {
                Some(v) => truthy(ctx, v)?,
                None => false,
            };
            if length < 0 {
                return Err(ctx.value_error("length argument must be non-negative"));
            }
            if n.is_negative() && !signed {
                return Err(ctx.err("OverflowError", "can't convert negative int to unsigned"));
            }
            let mut bytes = if signed {
                n.to_signed_bytes_be()
            } else {
                n.to_bytes_be().1
            };
            if n.is_zero() {
                bytes.clear();
            }
            if bytes.len() > length as usize {
                return Err(ctx.err("OverflowError", "int too big to convert"));
            }
            let fill = if n.is_negative() { 0xff } else { 0 };
            crate::interp::ops::check_alloc(length as u128)?;
            let mut out = vec![fill; length as usize - bytes.len()];
            out.extend(bytes);
            match order.as_str() {
                "big" => {}
                "little" => out.reverse(),
                _ => return Err(ctx.value_error("byteorder must be either 'little' or 'big'")),
            }
            Ok(Value::Bytes(out.into()))
        })(),
        _ => return None,
    })
}

fn seq_method(ctx: &mut Ctx, items: &[Value], name: &str, a: &[Value]) -> Option<R<Value>> {
    Some(match name {
        "count" => (|| {
            let mut n = 0;
            for it in items {
                if it.is(&a[0]) || ops::eq(ctx, it, &a[0])? {
                    n += 1;
                }
            }
            Ok(Value::Int(n))
        })(),
        "index" => (|| {
            let start = match a.get(1) {
                Some(v) => to_i64(ctx, v, "")?.max(0) as usize,
                None => 0,
            };
            for (i, it) in items.iter().enumerate().skip(start) {
                if it.is(&a[0]) || ops::eq(ctx, it, &a[0])? {
                    return Ok(Value::Int(i as i64));
                }
            }
            let shown = repr::repr(ctx, &a[0])?;
            Err(ctx.value_error(format!("{shown} is not in list")))
        })(),
        _ => return None,
    })
}

fn list_method(
    ctx: &mut Ctx,
    l: &Arc<Mutex<Vec<Value>>>,
    name: &str,
    a: &[Value],
    k: &[(Name, Value)],
) -> Option<R<Value>> {
    Some(match name {
        "append" => {
            if a.len() != 1 {
                return Some(Err(ctx.type_error(format!(
                    "list.append() takes exactly one argument ({} given)",
                    a.len()
                ))));
            }
            l.lock().push(a[0].clone());
            Ok(Value::None)
        }
        "extend" => (|| {
            let items = iterate(ctx, &a[0])?;
            l.lock().extend(items);
            Ok(Value::None)
        })(),
        "insert" => (|| {
            let i = to_i64(ctx, &a[0], "")?;
            let mut v = l.lock();
            let n = v.len() as i64;
            let pos = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
            v.insert(pos, a[1].clone());
            Ok(Value::None)
        })(),
        "pop" => (|| {
            let mut v = l.lock();
            if v.is_empty() {
                return Err(ctx.err("IndexError", "pop from empty list"));
            }
            let n = v.len() as i64;
            let i = match a.first() {
                Some(x) => to_i64(ctx, x, "")?,
                None => n - 1,
            };
            let j = if i < 0 { i + n } else { i };
            if j < 0 || j >= n {
                return Err(ctx.err("IndexError", "pop index out of range"));
            }
            Ok(v.remove(j as usize))
        })(),
        "remove" => (|| {
            let items = l.lock().clone();
            for (i, it) in items.iter().enumerate() {
                if it.is(&a[0]) || ops::eq(ctx, it, &a[0])? {
                    let mut v = l.lock();
                    if i < v.len() {
                        v.remove(i);
                    }
                    return Ok(Value::None);
                }
            }
            Err(ctx.value_error("list.remove(x): x not in list"))
        })(),
        "index" | "count" => {
            let items = l.lock().clone();
            return seq_method(ctx, &items, name, a);
        }
        "sort" => (|| {
            let mut items = l.lock().clone();
            let reverse = match kwarg(k, "reverse") {
                Some(r) => truthy(ctx, r)?,
                None => false,
            };
            sort_values(ctx, &mut items, kwarg(k, "key"), reverse)?;
            *l.lock() = items;
            Ok(Value::None)
        })(),
        "reverse" => {
            l.lock().reverse();
            Ok(Value::None)
        }
        "clear" => {
            l.lock().clear();
            Ok(Value::None)
        }
        "copy" => Ok(Value::list(l.lock().clone())),
        _ => return None,
    })
}

fn bytearray_method(
    ctx: &mut Ctx,
    b: &Arc<Mutex<Vec<u8>>>,
    name: &str,
    a: &[Value],
) -> Option<R<Value>> {
    let byte = |ctx: &Ctx, v: &Value| -> R<u8> {
        match v {
            Value::Int(i) if (0..256).contains(i) => Ok(*i as u8),
            Value::Int(_) => Err(ctx.value_error("byte must be in range(0, 256)")),
            other => Err(ctx.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(other)
            ))),
        }
    };
    Some(match name {
        "append" => (|| {
            let x = byte(ctx, &a[0])?;
            b.lock().push(x);
            Ok(Value::None)
        })(),
        "extend" => (|| {
            let data = match &a[0] {
                Value::Bytes(_) | Value::ByteArray(_) => bytes_like(ctx, &a[0])?,
                other => {
                    let mut out = Vec::new();
                    for it in iterate(ctx, other)? {
                        out.push(byte(ctx, &it)?);
                    }
                    out
                }
            };
            b.lock().extend(data);
            Ok(Value::None)
        })(),
        "pop" => (|| {
            let at = match a.first() {
                Some(i) => Some(to_i64(ctx, i, "")?),
                None => None,
            };
            let mut v = b.lock();
            if v.is_empty() {
                return Err(ctx.err("IndexError", "pop from empty bytearray"));
            }
            let len = v.len() as i64;
            let i = at.unwrap_or(-1);
            let i = if i < 0 { i + len } else { i };
            if !(0..len).contains(&i) {
                return Err(ctx.err("IndexError", "pop index out of range"));
            }
            Ok(Value::Int(v.remove(i as usize) as i64))
        })(),
        "insert" => (|| {
            let i = to_i64(ctx, &a[0], "")?;
            let x = byte(ctx, &a[1])?;
            let mut v = b.lock();
            let len = v.len() as i64;
            // Out-of-range positions clamp, as list.insert's do.
            let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
            v.insert(i as usize, x);
            Ok(Value::None)
        })(),
        "remove" => (|| {
            let x = byte(ctx, &a[0])?;
            let mut v = b.lock();
            match v.iter().position(|&c| c == x) {
                Some(i) => {
                    v.remove(i);
                    Ok(Value::None)
                }
                None => Err(ctx.value_error("value not found in bytearray")),
            }
        })(),
        "clear" => {
            b.lock().clear();
            Ok(Value::None)
        }
        "copy" => Ok(Value::ByteArray(Arc::new(Mutex::new(b.lock().clone())))),
        "reverse" => {
            b.lock().reverse();
            Ok(Value::None)
        }
        _ => return None,
    })
}

fn dict_method(
    ctx: &mut Ctx,
    this: &Value,
    d: &Arc<Mutex<Dict>>,
    name: &str,
    a: &[Value],
    k: &[(Name, Value)],
) -> Option<R<Value>> {
    let _ = this;
    let view = |kind, part| {
        Value::Native(Arc::new(DictView {
            kind,
            dict: d.clone(),
            part,
        }))
    };
    Some(match name {
        "get" => (|| {
            let key = hash_key(ctx, &a[0])?;
            Ok(d.lock()
                .get(&key)
                .cloned()
                .unwrap_or_else(|| a.get(1).cloned().unwrap_or(Value::None)))
        })(),
        "keys" => Ok(view("dict_keys", DictPart::Keys)),
        "values" => Ok(view("dict_values", DictPart::Values)),
        "items" => Ok(view("dict_items", DictPart::Items)),
        "pop" => (|| {
            let key = hash_key(ctx, &a[0])?;
            let removed = d.lock().remove(&key);
            match removed {
                Some(v) => Ok(v),
                None => match a.get(1) {
                    Some(dflt) => Ok(dflt.clone()),
                    None => Err(Exc::new(types::new_exception(
                        "KeyError",
                        vec![a[0].clone()],
                    ))),
                },
            }
        })(),
        "popitem" => {
            let last = d.lock().pop();
            match last {
                Some((k, v)) => Ok(Value::tuple(vec![k.0, v])),
                None => Err(Exc::new(types::new_exception(
                    "KeyError",
                    vec![Value::str("popitem(): dictionary is empty")],
                ))),
            }
        }
        "setdefault" => (|| {
            let key = hash_key(ctx, &a[0])?;
            let dflt = a.get(1).cloned().unwrap_or(Value::None);
            let mut d = d.lock();
            if let Some(v) = d.get(&key) {
                return Ok(v.clone());
            }
            d.insert(key, dflt.clone());
            Ok(dflt)
        })(),
        "update" => (|| {
            if a.len() > 1 {
                return Err(ctx.type_error(format!(
                    "update expected at most 1 argument, got {}",
                    a.len()
                )));
            }
            if let Some(src) = a.first() {
                let pairs = match src {
                    Value::Dict(_) | Value::Instance(_) => ops::mapping_items(ctx, src)?,
                    other => {
                        let mut out = Vec::new();
                        for item in iterate(ctx, other)? {
                            let p = iterate(ctx, &item)?;
                            if p.len() != 2 {
                                return Err(ctx.value_error(format!(
                                    "dictionary update sequence element #0 has length {}; 2 is required",
                                    p.len()
                                )));
                            }
                            out.push((p[0].clone(), p[1].clone()));
                        }
                        out
                    }
                };
                for (kk, v) in pairs {
                    let key = hash_key(ctx, &kk)?;
                    d.lock().insert(key, v);
                }
            }
            for (kk, v) in k {
                d.lock().insert(Key(Value::Str(kk.clone())), v.clone());
            }
            Ok(Value::None)
        })(),
        "clear" => {
            d.lock().clear();
            Ok(Value::None)
        }
        "copy" => Ok(Value::Dict(Arc::new(Mutex::new(d.lock().clone())))),
        _ => return None,
    })
}

/// `d.keys()`, `d.values()`, `d.items()`: live views of the dict, as in CPython.
pub struct DictView {
    pub kind: &'static str,
    pub dict: Arc<Mutex<Dict>>,
    pub part: DictPart,
}

impl DictView {
    fn items(&self) -> Vec<Value> {
        let d = self.dict.lock();
        d.iter()
            .map(|(k, v)| match self.part {
                DictPart::Keys => k.0.clone(),
                DictPart::Values => v.clone(),
                DictPart::Items => Value::tuple(vec![k.0.clone(), v.clone()]),
            })
            .collect()
    }
}

fn view_class(kind: &str) -> Arc<Class> {
    use std::sync::OnceLock;
    static C: OnceLock<[Arc<Class>; 3]> = OnceLock::new();
    let all = C.get_or_init(|| {
        ["dict_keys", "dict_values", "dict_items"].map(|n| {
            types::make_class(
                n,
                "builtins",
                vec![types::class("object")],
                Native::Other,
                Default::default(),
            )
        })
    });
    match kind {
        "dict_keys" => all[0].clone(),
        "dict_values" => all[1].clone(),
        _ => all[2].clone(),
    }
}

impl NativeObject for DictView {
    fn class(&self) -> Arc<Class> {
        view_class(self.kind)
    }
    fn repr(&self) -> String {
        let parts: Vec<String> = self.items().iter().map(repr::repr_plain_value).collect();
        format!("{}([{}])", self.kind, parts.join(", "))
    }
    fn get_attr(&self, _ctx: &mut Ctx, _this: &Value, _name: &str) -> Option<R<Value>> {
        None
    }
    fn call_method(
        &self,
        ctx: &mut Ctx,
        _this: &Value,
        name: &str,
        args: &[Value],
        _k: &[(Name, Value)],
    ) -> Option<R<Value>> {
        match name {
            "__iter__" => Some(Ok(Value::Iter(Arc::new(Mutex::new(IterState::Dict {
                dict: self.dict.clone(),
                index: 0,
                len: self.dict.lock().len(),
                part: self.part,
            }))))),
            "__len__" => Some(Ok(Value::Int(self.dict.lock().len() as i64))),
            "__contains__" => Some((|| {
                let x = args.first().cloned().unwrap_or(Value::None);
                match self.part {
                    DictPart::Keys => {
                        let key = hash_key(ctx, &x)?;
                        Ok(Value::Bool(self.dict.lock().contains_key(&key)))
                    }
                    _ => ops::contains(ctx, &Value::list(self.items()), &x).map(Value::Bool),
                }
            })()),
            "__eq__" => Some({
                let other = args.first().cloned().unwrap_or(Value::None);
                match other.as_native::<DictView>() {
                    Some(o) if o.part == self.part => {
                        ops::eq(ctx, &Value::list(self.items()), &Value::list(o.items()))
                            .map(Value::Bool)
                    }
                    _ => Ok(Value::Bool(false)),
                }
            }),
            _ => None,
        }
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn set_method(ctx: &mut Ctx, this: &Value, name: &str, a: &[Value]) -> Option<R<Value>> {
    let items = |v: &Value| -> Dict {
        match v {
            Value::Set(d) => d.lock().clone(),
            Value::FrozenSet(d) => (**d).clone(),
            _ => Dict::new(),
        }
    };
    let to_set = |ctx: &mut Ctx, v: &Value| -> R<Dict> {
        match v {
            Value::Set(_) | Value::FrozenSet(_) => Ok(items(v)),
            other => {
                let mut d = Dict::new();
                for x in iterate(ctx, other)? {
                    d.insert(hash_key(ctx, &x)?, Value::None);
                }
                Ok(d)
            }
        }
    };
    let wrap = |d: Dict| match this {
        Value::FrozenSet(_) => Value::FrozenSet(Arc::new(d)),
        _ => Value::Set(Arc::new(Mutex::new(d))),
    };
    // Only the operations that read the whole set copy it: add, discard and pop are O(1).
    let mine = || items(this);
    Some((|| -> R<Value> {
        Ok(match (name, this) {
            ("add", Value::Set(d)) => {
                let k = hash_key(ctx, &a[0])?;
                d.lock().insert(k, Value::None);
                Value::None
            }
            ("remove", Value::Set(d)) => {
                let k = hash_key(ctx, &a[0])?;
                if !d.lock().discard(&k) {
                    return Err(Exc::new(types::new_exception(
                        "KeyError",
                        vec![a[0].clone()],
                    )));
                }
                Value::None
            }
            ("discard", Value::Set(d)) => {
                let k = hash_key(ctx, &a[0])?;
                d.lock().discard(&k);
                Value::None
            }
            ("pop", Value::Set(d)) => match d.lock().pop_set() {
                Some(k) => k,
                None => {
                    return Err(Exc::new(types::new_exception(
                        "KeyError",
                        vec![Value::str("pop from an empty set")],
                    )))
                }
            },
            ("clear", Value::Set(d)) => {
                d.lock().clear();
                Value::None
            }
            ("update", Value::Set(d)) => {
                for v in a {
                    let other = to_set(ctx, v)?;
                    d.lock().extend(other);
                }
                Value::None
            }
            ("copy", Value::Set(d)) => wrap(crate::interp::dict::merged(&d.lock())),
            ("copy", Value::FrozenSet(_)) => this.clone(),
            ("union", _) => {
                let mut out = mine();
                for v in a {
                    out.extend(to_set(ctx, v)?);
                }
                wrap(out)
            }
            ("intersection", _) => {
                let mut out = mine();
                for v in a {
                    let o = to_set(ctx, v)?;
                    out.retain(|k, _| o.contains_key(k));
                }
                wrap(out)
            }
            ("difference", _) => {
                let mut out = mine();
                for v in a {
                    let o = to_set(ctx, v)?;
                    out.retain(|k, _| !o.contains_key(k));
                }
                wrap(out)
            }
            ("symmetric_difference", _) => {
                let o = to_set(ctx, &a[0])?;
                let mine = mine();
                let mut out: Dict = mine
                    .iter()
                    .filter(|(k, _)| !o.contains_key(k))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                for (k, v) in o.iter() {
                    if !mine.contains_key(k) {
                        out.insert(k.clone(), v.clone());
                    }
                }
                wrap(out)
            }
            ("issubset", _) => {
                let o = to_set(ctx, &a[0])?;
                Value::Bool(mine().keys().all(|k| o.contains_key(k)))
            }
            ("issuperset", _) => {
                let o = to_set(ctx, &a[0])?;
                let mine = mine();
                let all = o.keys().all(|k| mine.contains_key(k));
                Value::Bool(all)
            }
            ("isdisjoint", _) => {
                let o = to_set(ctx, &a[0])?;
                Value::Bool(!mine().keys().any(|k| o.contains_key(k)))
            }
            _ => return Err(ctx.err("AttributeError", "")),
        })
    })())
    .filter(|r| !matches!(r, Err(e) if e.is("AttributeError") && repr_is_empty(e)))
}
