//! `json`: the text format of tutorials' JSON-over-TCP protocols (`json.dumps(msg)`
//! before a `struct` length header). Output and error messages are CPython 3.11's C
//! accelerator's (`_json`): the same separators, float reprs, escapes and the same
//! `JSONDecodeError` positions (counted in characters, as Python counts them).

use super::functions::{builtin_fn, kwarg};
use crate::interp::exec::{call, call_method, iterate, truthy};
use crate::interp::repr::{self, float_repr};
use crate::interp::types::{self, type_name};
use crate::interp::value::{Name, Value};
use crate::interp::{Ctx, Exc, R};
use std::fmt::Write as _;
use std::sync::Arc;

pub fn items() -> Vec<(&'static str, Value)> {
    vec![
        ("dumps", builtin_fn("dumps", dumps)),
        ("dump", builtin_fn("dump", dump)),
        ("loads", builtin_fn("loads", loads)),
        ("load", builtin_fn("load", load)),
        ("raw_decode", builtin_fn("raw_decode", raw_decode)),
        (
            "JSONDecodeError",
            Value::Class(types::class("JSONDecodeError")),
        ),
    ]
}

/// The keywords `dumps` takes (CPython passes unknown ones on to `JSONEncoder`).
const ENCODER_KEYWORDS: &[&str] = &[
    "skipkeys",
    "ensure_ascii",
    "check_circular",
    "allow_nan",
    "indent",
    "separators",
    "default",
    "sort_keys",
];
const DECODER_KEYWORDS: &[&str] = &[
    "object_hook",
    "parse_float",
    "parse_int",
    "parse_constant",
    "object_pairs_hook",
    "strict",
];

fn check_keywords(ctx: &Ctx, owner: &str, k: &[(Name, Value)], allowed: &[&str]) -> R<()> {
    for (name, _) in k {
        if !allowed.contains(&&**name) {
            return Err(ctx.type_error(format!(
                "{owner}.__init__() got an unexpected keyword argument '{name}'"
            )));
        }
    }
    Ok(())
}

fn positional_count(ctx: &Ctx, fname: &str, a: &[Value], want: usize, names: &[&str]) -> R<()> {
    if a.len() > want {
        return Err(ctx.type_error(format!(
            "{fname}() takes {want} positional argument{} but {} were given",
            if want == 1 { "" } else { "s" },
            a.len()
        )));
    }
    if a.len() < want {
        let missing: Vec<String> = names[a.len()..].iter().map(|n| format!("'{n}'")).collect();
        let list = match missing.len() {
            1 => missing[0].clone(),
            _ => format!(
                "{} and {}",
                missing[..missing.len() - 1].join(", "),
                missing[missing.len() - 1]
            ),
        };
        return Err(ctx.type_error(format!(
            "{fname}() missing {} required positional argument{}: {list}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------
// Encoding

struct Encoder {
    skipkeys: bool,
    ensure_ascii: bool,
    check_circular: bool,
    allow_nan: bool,
    indent: Option<String>,
    item_sep: String,
    key_sep: String,
    default: Option<Value>,
    sort_keys: bool,
    /// Containers being encoded, by identity: CPython's circular-reference check.
    open: Vec<usize>,
    /// Calls of `default` in progress, one inside another.
    replacing: usize,
}

impl Encoder {
    fn new(ctx: &mut Ctx, k: &[(Name, Value)]) -> R<Encoder> {
        let flag = |ctx: &mut Ctx, name: &str, dflt: bool| -> R<bool> {
            match kwarg(k, name) {
                Some(v) => truthy(ctx, v),
                None => Ok(dflt),
            }
        };
        let indent = match kwarg(k, "indent") {
            None | Some(Value::None) => None,
            Some(Value::Str(s)) => Some(s.to_string()),
            Some(v @ (Value::Int(_) | Value::Bool(_))) => {
                let n = match v {
                    Value::Int(i) => *i,
                    Value::Bool(b) => *b as i64,
                    _ => 0,
                };
                Some(" ".repeat(n.max(0) as usize))
            }
            Some(other) => {
                return Err(ctx.type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    type_name(other)
                )))
            }
        };
        let (item_sep, key_sep) = match kwarg(k, "separators") {
            None | Some(Value::None) => {
                if indent.is_some() {
                    (",".to_string(), ": ".to_string())
                } else {
                    (", ".to_string(), ": ".to_string())
                }
            }
            Some(v) => {
                let parts = iterate(ctx, v)?;
                if parts.len() != 2 {
                    return Err(ctx.value_error(format!(
                        "{} values to unpack (expected 2{})",
                        if parts.len() > 2 {
                            "too many"
                        } else {
                            "not enough"
                        },
                        if parts.len() > 2 {
                            String::new()
                        } else {
                            format!(", got {}", parts.len())
                        }
                    )));
                }
                let text = |ctx: &Ctx, v: &Value| match v {
                    Value::Str(s) => Ok(s.to_string()),
                    other => Err(ctx.type_error(format!(
                        "make_encoder() argument 6 must be str, not {}",
                        type_name(other)
                    ))),
                };
                (text(ctx, &parts[0])?, text(ctx, &parts[1])?)
            }
        };
        let default = match kwarg(k, "default") {
            None | Some(Value::None) => None,
            Some(f) => Some(f.clone()),
        };
        Ok(Encoder {
            skipkeys: flag(ctx, "skipkeys", false)?,
            ensure_ascii: flag(ctx, "ensure_ascii", true)?,
            check_circular: flag(ctx, "check_circular", true)?,
            allow_nan: flag(ctx, "allow_nan", true)?,
            indent,
            item_sep,
            key_sep,
            default,
            sort_keys: flag(ctx, "sort_keys", false)?,
            open: Vec::new(),
            replacing: 0,
        })
    }

    fn float(&self, ctx: &Ctx, f: f64) -> R<String> {
        if f.is_finite() {
            return Ok(float_repr(f));
        }
        if !self.allow_nan {
            return Err(ctx.value_error("Out of range float values are not JSON compliant"));
        }
        Ok(if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        }
        .to_string())
    }

    fn newline(&self, out: &mut String, depth: usize) {
        if let Some(ind) = &self.indent {
            out.push('\n');
            for _ in 0..depth {
                out.push_str(ind);
            }
        }
    }

    fn enter(&mut self, ctx: &Ctx, v: &Value) -> R<()> {
        if self.check_circular {
            let id = v.id();
            if self.open.contains(&id) {
                return Err(ctx.value_error("Circular reference detected"));
            }
            self.open.push(id);
        }
        Ok(())
    }

    fn leave(&mut self) {
        if self.check_circular {
            self.open.pop();
        }
    }

    fn encode(&mut self, ctx: &mut Ctx, v: &Value, out: &mut String, depth: usize) -> R<()> {
        if depth > 990 {
            return Err(ctx.err(
                "RecursionError",
                "maximum recursion depth exceeded while encoding a JSON object",
            ));
        }
        match v {
            Value::None => out.push_str("null"),
            Value::Bool(true) => out.push_str("true"),
            Value::Bool(false) => out.push_str("false"),
            Value::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Value::BigInt(b) => out.push_str(&repr::big_to_string(ctx, b)?),
            Value::Float(f) => out.push_str(&self.float(ctx, *f)?),
            Value::Str(s) => escape(out, s, self.ensure_ascii),
            Value::List(l) => {
                let items = l.lock().clone();
                self.enter(ctx, v)?;
                self.array(ctx, &items, out, depth)?;
                self.leave();
            }
            Value::Tuple(t) => {
                self.enter(ctx, v)?;
                self.array(ctx, t, out, depth)?;
                self.leave();
            }
            Value::Dict(d) => {
                let pairs: Vec<(Value, Value)> = d
                    .lock()
                    .iter()
                    .map(|(k, v)| (k.0.clone(), v.clone()))
                    .collect();
                self.enter(ctx, v)?;
                self.object(ctx, pairs, out, depth)?;
                self.leave();
            }
            Value::Native(n) if n.as_int().is_some() => {
                let _ = write!(out, "{}", n.as_int().unwrap_or(0));
            }
            _ => {
                if let Some(pairs) = super::collections::dict_items(v) {
                    self.enter(ctx, v)?;
                    self.object(ctx, pairs, out, depth)?;
                    self.leave();
                    return Ok(());
                }
                if let Some(items) = super::collections::tuple_items(v) {
                    self.enter(ctx, v)?;
                    self.array(ctx, &items, out, depth)?;
                    self.leave();
                    return Ok(());
                }
                let Some(default) = self.default.clone() else {
                    return Err(ctx.type_error(format!(
                        "Object of type {} is not JSON serializable",
                        types::type_of(v).name
                    )));
                };
                self.enter(ctx, v)?;
                let replaced = call(ctx, &default, vec![v.clone()], vec![])?;
                // What `default` returns takes the object's place, at its indentation;
                // a `default` that keeps making new objects ends as CPython's does.
                self.replacing += 1;
                if self.replacing > 990 {
                    return Err(ctx.err("RecursionError", "maximum recursion depth exceeded"));
                }
                let r = self.encode(ctx, &replaced, out, depth);
                self.replacing -= 1;
                r?;
                self.leave();
            }
        }
        Ok(())
    }

    fn array(&mut self, ctx: &mut Ctx, items: &[Value], out: &mut String, depth: usize) -> R<()> {
        if items.is_empty() {
            out.push_str("[]");
            return Ok(());
        }
        out.push('[');
        self.newline(out, depth + 1);
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(&self.item_sep);
                self.newline(out, depth + 1);
            }
            self.encode(ctx, item, out, depth + 1)?;
        }
        self.newline(out, depth);
        out.push(']');
        Ok(())
    }

    fn key(&self, ctx: &Ctx, k: &Value) -> R<Option<String>> {
        Ok(Some(match k {
            Value::Str(s) => s.to_string(),
            Value::Float(f) => self.float(ctx, *f)?,
            Value::Bool(true) => "true".into(),
            Value::Bool(false) => "false".into(),
            Value::None => "null".into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => repr::big_to_string(ctx, b)?,
            Value::Native(n) if n.as_int().is_some() => n.as_int().unwrap_or(0).to_string(),
            other => {
                if self.skipkeys {
                    return Ok(None);
                }
                return Err(ctx.type_error(format!(
                    "keys must be str, int, float, bool or None, not {}",
                    type_name(other)
                )));
            }
        }))
    }

    fn object(
        &mut self,
        ctx: &mut Ctx,
        mut pairs: Vec<(Value, Value)>,
        out: &mut String,
        depth: usize,
    ) -> R<()> {
        if pairs.is_empty() {
            out.push_str("{}");
            return Ok(());
        }
        if self.sort_keys {
            sort_pairs(ctx, &mut pairs)?;
        }
        out.push('{');
        self.newline(out, depth + 1);
        let mut first = true;
        for (k, v) in &pairs {
            let Some(key) = self.key(ctx, k)? else {
                continue;
            };
            if !first {
                out.push_str(&self.item_sep);
                self.newline(out, depth + 1);
            }
            first = false;
            escape(out, &key, self.ensure_ascii);
            out.push_str(&self.key_sep);
            self.encode(ctx, v, out, depth + 1)?;
        }
        self.newline(out, depth);
        out.push('}');
        Ok(())
    }
}

/// `sorted(dct.items())`, with the comparison errors of mixed key types.
fn sort_pairs(ctx: &mut Ctx, pairs: &mut Vec<(Value, Value)>) -> R<()> {
    let mut keys: Vec<Value> = pairs.iter().map(|(k, _)| k.clone()).collect();
    super::functions::sort_values(ctx, &mut keys, None, false)?;
    let mut sorted = Vec::with_capacity(pairs.len());
    for k in keys {
        if let Some(i) = pairs.iter().position(|(pk, _)| pk.is(&k)) {
            sorted.push(pairs.swap_remove(i));
        }
    }
    *pairs = sorted;
    Ok(())
}

/// A JSON string literal, as `encode_basestring(_ascii)` writes it.
fn escape(out: &mut String, s: &str, ascii: bool) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (ascii && (c as u32) > 0x7e) => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{u:04x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn dumps(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    positional_count(ctx, "dumps", a, 1, &["obj"])?;
    check_keywords(ctx, "JSONEncoder", k, ENCODER_KEYWORDS)?;
    let mut enc = Encoder::new(ctx, k)?;
    let mut out = String::new();
    enc.encode(ctx, &a[0], &mut out, 0)?;
    Ok(Value::string(out))
}

fn dump(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    positional_count(ctx, "dump", a, 2, &["obj", "fp"])?;
    check_keywords(ctx, "JSONEncoder", k, ENCODER_KEYWORDS)?;
    let mut enc = Encoder::new(ctx, k)?;
    let mut out = String::new();
    enc.encode(ctx, &a[0], &mut out, 0)?;
    call_method(ctx, &a[1], "write", vec![Value::string(out)], vec![])?;
    Ok(Value::None)
}

// ---------------------------------------------------------------------------------
// Decoding

/// `json.decoder.JSONDecodeError(msg, doc, pos)`: a ValueError with where it happened.
fn decode_error(msg: &str, doc: &[char], pos: usize) -> Box<Exc> {
    let before = &doc[..pos.min(doc.len())];
    let lineno = before.iter().filter(|&&c| c == '\n').count() + 1;
    let colno = match before.iter().rposition(|&c| c == '\n') {
        Some(nl) => pos - nl,
        None => pos + 1,
    };
    let text = format!("{msg}: line {lineno} column {colno} (char {pos})");
    let v = types::new_exception("JSONDecodeError", vec![Value::string(text)]);
    if let Value::Instance(i) = &v {
        let mut d = i.dict.lock();
        d.insert(Arc::from("msg"), Value::str(msg));
        d.insert(
            Arc::from("doc"),
            Value::string(doc.iter().collect::<String>()),
        );
        d.insert(Arc::from("pos"), Value::Int(pos as i64));
        d.insert(Arc::from("lineno"), Value::Int(lineno as i64));
        d.insert(Arc::from("colno"), Value::Int(colno as i64));
    }
    Exc::new(v)
}

struct Decoder<'a> {
    s: &'a [char],
    object_hook: Option<Value>,
    object_pairs_hook: Option<Value>,
    parse_float: Option<Value>,
    parse_int: Option<Value>,
    parse_constant: Option<Value>,
    strict: bool,
}

/// Why a value could not be read: not one at all (`StopIteration` in CPython, which
/// its caller words as "Expecting value"), or a real error.
enum Fail {
    NoValue(usize),
    Err(Box<Exc>),
}

impl From<Box<Exc>> for Fail {
    fn from(e: Box<Exc>) -> Fail {
        Fail::Err(e)
    }
}

fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

impl Decoder<'_> {
    fn at(&self, i: usize) -> Option<char> {
        self.s.get(i).copied()
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while self.at(i).is_some_and(is_ws) {
            i += 1;
        }
        i
    }

    fn err(&self, msg: &str, pos: usize) -> Fail {
        Fail::Err(decode_error(msg, self.s, pos))
    }

    fn starts(&self, i: usize, word: &str) -> bool {
        let w: Vec<char> = word.chars().collect();
        self.s.len() >= i + w.len() && self.s[i..i + w.len()] == w[..]
    }

    fn constant(&self, ctx: &mut Ctx, name: &str, v: f64) -> Result<Value, Fail> {
        match &self.parse_constant {
            Some(f) => Ok(call(ctx, f, vec![Value::str(name)], vec![])?),
            None => Ok(Value::Float(v)),
        }
    }

    fn scan(&self, ctx: &mut Ctx, i: usize, depth: usize) -> Result<(Value, usize), Fail> {
        let Some(c) = self.at(i) else {
            return Err(Fail::NoValue(i));
        };
        match c {
            '"' => {
                let (s, end) = self.string(i + 1)?;
                Ok((Value::string(s), end))
            }
            '{' => {
                if depth > 990 {
                    return Err(Fail::Err(ctx.err(
                        "RecursionError",
                        "maximum recursion depth exceeded while decoding a JSON object from a unicode string",
                    )));
                }
                self.object(ctx, i + 1, depth + 1)
            }
            '[' => {
                if depth > 990 {
                    return Err(Fail::Err(ctx.err(
                        "RecursionError",
                        "maximum recursion depth exceeded while decoding a JSON array from a unicode string",
                    )));
                }
                self.array(ctx, i + 1, depth + 1)
            }
            'n' if self.starts(i, "null") => Ok((Value::None, i + 4)),
            't' if self.starts(i, "true") => Ok((Value::Bool(true), i + 4)),
            'f' if self.starts(i, "false") => Ok((Value::Bool(false), i + 5)),
            'N' if self.starts(i, "NaN") => Ok((self.constant(ctx, "NaN", f64::NAN)?, i + 3)),
            'I' if self.starts(i, "Infinity") => {
                Ok((self.constant(ctx, "Infinity", f64::INFINITY)?, i + 8))
            }
            '-' if self.starts(i, "-Infinity") => {
                Ok((self.constant(ctx, "-Infinity", f64::NEG_INFINITY)?, i + 9))
            }
            _ => self.number(ctx, i),
        }
    }

    fn number(&self, ctx: &mut Ctx, start: usize) -> Result<(Value, usize), Fail> {
        let digit = |i: usize| self.at(i).is_some_and(|c| c.is_ascii_digit());
        let mut i = start;
        if self.at(i) == Some('-') {
            i += 1;
        }
        match self.at(i) {
            Some('1'..='9') => {
                i += 1;
                while digit(i) {
                    i += 1;
                }
            }
            Some('0') => i += 1,
            _ => return Err(Fail::NoValue(start)),
        }
        let mut is_float = false;
        if self.at(i) == Some('.') && digit(i + 1) {
            is_float = true;
            i += 2;
            while digit(i) {
                i += 1;
            }
        }
        if matches!(self.at(i), Some('e' | 'E')) {
            let e_start = i;
            i += 1;
            if matches!(self.at(i), Some('-' | '+')) {
                i += 1;
            }
            let digits_from = i;
            while digit(i) {
                i += 1;
            }
            if i > digits_from {
                is_float = true;
            } else {
                i = e_start;
            }
        }
        let text: String = self.s[start..i].iter().collect();
        let hook = if is_float {
            &self.parse_float
        } else {
            &self.parse_int
        };
        if let Some(f) = hook {
            return Ok((call(ctx, f, vec![Value::string(text)], vec![])?, i));
        }
        let v = if is_float {
            Value::Float(text.parse::<f64>().unwrap_or(f64::NAN))
        } else {
            match text.parse::<i64>() {
                Ok(n) => Value::Int(n),
                Err(_) => match text.parse::<num_bigint::BigInt>() {
                    Ok(b) => Value::bigint(b),
                    Err(_) => return Err(Fail::NoValue(start)),
                },
            }
        };
        Ok((v, i))
    }

    /// The rest of a string literal whose opening quote is just before `i`.
    fn string(&self, i: usize) -> Result<(String, usize), Fail> {
        let begin = i - 1;
        let mut out = String::new();
        let mut j = i;
        loop {
            let Some(c) = self.at(j) else {
                return Err(self.err("Unterminated string starting at", begin));
            };
            match c {
                '"' => return Ok((out, j + 1)),
                '\\' => {
                    let Some(e) = self.at(j + 1) else {
                        return Err(self.err("Unterminated string starting at", begin));
                    };
                    if e != 'u' {
                        out.push(match e {
                            '"' => '"',
                            '\\' => '\\',
                            '/' => '/',
                            'b' => '\u{8}',
                            'f' => '\u{c}',
                            'n' => '\n',
                            'r' => '\r',
                            't' => '\t',
                            _ => return Err(self.err("Invalid \\escape", j)),
                        });
                        j += 2;
                        continue;
                    }
                    let hex_at = j + 2;
                    if hex_at + 4 >= self.s.len() {
                        return Err(self.err("Invalid \\uXXXX escape", hex_at - 1));
                    }
                    let Some(u) = self.hex4(hex_at) else {
                        return Err(self.err("Invalid \\uXXXX escape", hex_at - 1));
                    };
                    j = hex_at + 4;
                    let mut code = u;
                    if (0xd800..0xdc00).contains(&u)
                        && j + 6 < self.s.len()
                        && self.at(j) == Some('\\')
                        && self.at(j + 1) == Some('u')
                    {
                        let Some(low) = self.hex4(j + 2) else {
                            return Err(self.err("Invalid \\uXXXX escape", j + 1));
                        };
                        if (0xdc00..0xe000).contains(&low) {
                            code = 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00);
                            j += 6;
                        }
                    }
                    // A lone surrogate has no place in a Rust string.
                    out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                }
                c if (c as u32) < 0x20 && self.strict => {
                    return Err(self.err("Invalid control character at", j));
                }
                c => {
                    out.push(c);
                    j += 1;
                }
            }
        }
    }

    fn hex4(&self, i: usize) -> Option<u32> {
        let mut v = 0;
        for k in 0..4 {
            v = v * 16 + self.at(i + k)?.to_digit(16)?;
        }
        Some(v)
    }

    fn object(&self, ctx: &mut Ctx, i: usize, depth: usize) -> Result<(Value, usize), Fail> {
        let mut pairs: Vec<(Value, Value)> = Vec::new();
        let mut i = self.skip_ws(i);
        if self.at(i) != Some('}') {
            loop {
                if self.at(i) != Some('"') {
                    return Err(self.err("Expecting property name enclosed in double quotes", i));
                }
                let (key, next) = self.string(i + 1)?;
                i = self.skip_ws(next);
                if self.at(i) != Some(':') {
                    return Err(self.err("Expecting ':' delimiter", i));
                }
                i = self.skip_ws(i + 1);
                let (v, next) = match self.scan(ctx, i, depth) {
                    Ok(r) => r,
                    Err(Fail::NoValue(p)) => return Err(self.err("Expecting value", p)),
                    Err(e) => return Err(e),
                };
                pairs.push((Value::string(key), v));
                i = self.skip_ws(next);
                if self.at(i) == Some('}') {
                    break;
                }
                if self.at(i) != Some(',') {
                    return Err(self.err("Expecting ',' delimiter", i));
                }
                i = self.skip_ws(i + 1);
            }
        }
        let end = i + 1;
        if let Some(hook) = &self.object_pairs_hook {
            let list = Value::list(
                pairs
                    .into_iter()
                    .map(|(k, v)| Value::tuple(vec![k, v]))
                    .collect(),
            );
            return Ok((call(ctx, hook, vec![list], vec![])?, end));
        }
        let mut d = crate::interp::dict::Dict::with_capacity(pairs.len());
        for (k, v) in pairs {
            let key = crate::interp::exec::hash_key(ctx, &k)?;
            d.insert(key, v);
        }
        let obj = Value::Dict(Arc::new(crate::interp::sharing::Mutex::new(d)));
        if let Some(hook) = &self.object_hook {
            return Ok((call(ctx, hook, vec![obj], vec![])?, end));
        }
        Ok((obj, end))
    }

    fn array(&self, ctx: &mut Ctx, i: usize, depth: usize) -> Result<(Value, usize), Fail> {
        let mut items = Vec::new();
        let mut i = self.skip_ws(i);
        if self.at(i) != Some(']') {
            loop {
                let (v, next) = match self.scan(ctx, i, depth) {
                    Ok(r) => r,
                    Err(Fail::NoValue(p)) => return Err(self.err("Expecting value", p)),
                    Err(e) => return Err(e),
                };
                items.push(v);
                i = self.skip_ws(next);
                if self.at(i) == Some(']') {
                    break;
                }
                if self.at(i) != Some(',') {
                    return Err(self.err("Expecting ',' delimiter", i));
                }
                i = self.skip_ws(i + 1);
            }
        }
        Ok((Value::list(items), i + 1))
    }
}

fn hook(k: &[(Name, Value)], name: &str) -> Option<Value> {
    match kwarg(k, name) {
        None | Some(Value::None) => None,
        Some(v) => Some(v.clone()),
    }
}

fn decoder<'a>(ctx: &mut Ctx, chars: &'a [char], k: &[(Name, Value)]) -> R<Decoder<'a>> {
    let strict = match kwarg(k, "strict") {
        Some(v) => truthy(ctx, v)?,
        None => true,
    };
    Ok(Decoder {
        s: chars,
        object_hook: hook(k, "object_hook"),
        object_pairs_hook: hook(k, "object_pairs_hook"),
        parse_float: hook(k, "parse_float"),
        parse_int: hook(k, "parse_int"),
        parse_constant: hook(k, "parse_constant"),
        strict,
    })
}

/// `JSONDecoder.raw_decode(s, idx)`: the value that starts exactly at `idx` (no
/// white space skipped) and the index after it; what a reader of a stream of
/// messages uses to take one message off the front of its buffer.
fn raw_decode(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    check_keywords(ctx, "JSONDecoder", k, DECODER_KEYWORDS)?;
    let (text, idx) = match a {
        [Value::Str(s)] => (s.clone(), 0),
        [Value::Str(s), i] => (s.clone(), super::functions::to_i64(ctx, i, "")?),
        [other, ..] => {
            return Err(ctx.type_error(format!(
                "first argument must be a string, not {}",
                type_name(other)
            )))
        }
        [] => {
            return Err(ctx.type_error("raw_decode() missing 1 required positional argument: 's'"))
        }
    };
    let chars: Vec<char> = text.chars().collect();
    if idx < 0 {
        return Err(ctx.value_error("idx cannot be negative"));
    }
    let dec = decoder(ctx, &chars, k)?;
    match dec.scan(ctx, idx as usize, 0) {
        Ok((v, end)) => Ok(Value::tuple(vec![v, Value::Int(end as i64)])),
        Err(Fail::NoValue(p)) => Err(decode_error("Expecting value", &chars, p)),
        Err(Fail::Err(e)) => Err(e),
    }
}

fn decode(ctx: &mut Ctx, doc: &Value, k: &[(Name, Value)]) -> R<Value> {
    let text: String = match doc {
        Value::Str(s) => s.to_string(),
        Value::Bytes(_) | Value::ByteArray(_) => {
            let data = super::methods::bytes_like(ctx, doc)?;
            let data = data.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&data);
            match &super::methods::decode(ctx, data, "strict")? {
                Value::Str(s) => s.to_string(),
                _ => String::new(),
            }
        }
        other => {
            return Err(ctx.type_error(format!(
                "the JSON object must be str, bytes or bytearray, not {}",
                type_name(other)
            )))
        }
    };
    let chars: Vec<char> = text.chars().collect();
    if chars.first() == Some(&'\u{feff}') {
        return Err(decode_error(
            "Unexpected UTF-8 BOM (decode using utf-8-sig)",
            &chars,
            0,
        ));
    }
    let dec = decoder(ctx, &chars, k)?;
    let start = dec.skip_ws(0);
    let (v, end) = match dec.scan(ctx, start, 0) {
        Ok(r) => r,
        Err(Fail::NoValue(p)) => return Err(decode_error("Expecting value", &chars, p)),
        Err(Fail::Err(e)) => return Err(e),
    };
    let end = dec.skip_ws(end);
    if end != chars.len() {
        return Err(decode_error("Extra data", &chars, end));
    }
    Ok(v)
}

fn loads(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    positional_count(ctx, "loads", a, 1, &["s"])?;
    check_keywords(ctx, "JSONDecoder", k, DECODER_KEYWORDS)?;
    decode(ctx, &a[0], k)
}

fn load(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    positional_count(ctx, "load", a, 1, &["fp"])?;
    check_keywords(ctx, "JSONDecoder", k, DECODER_KEYWORDS)?;
    let text = call_method(ctx, &a[0], "read", vec![], vec![])?;
    decode(ctx, &text, k)
}
