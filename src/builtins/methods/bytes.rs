//! The methods of `bytes` and `bytearray`.

use super::*;

/// `bytes.hex(sep, bytes_per_sep)`: a separator every `bytes_per_sep` bytes, counted
/// from the right (from the left when negative), as CPython groups them.
pub(super) fn bytes_hex(ctx: &Ctx, data: &[u8], a: &[Value], k: &[(Name, Value)]) -> R<Value> {
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
        Some(v) => crate::builtins::functions::to_clinic_int(ctx, v)?,
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

pub(super) fn bytes_method(
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
                        Value::Native(n) if n.buffer().is_some() => {
                            out.extend(bytes_like(ctx, it)?)
                        }
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
            "find" | "rfind" | "index" | "rindex" | "count" => {
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
                    "rindex" => match positions.last() {
                        Some(&p) => Value::Int((p + lo) as i64),
                        None => return Err(ctx.value_error("subsection not found")),
                    },
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
            "capitalize" => mk(data
                .iter()
                .enumerate()
                .map(|(i, b)| {
                    if i == 0 {
                        b.to_ascii_uppercase()
                    } else {
                        b.to_ascii_lowercase()
                    }
                })
                .collect()),
            "swapcase" => mk(data
                .iter()
                .map(|b| {
                    if b.is_ascii_uppercase() {
                        b.to_ascii_lowercase()
                    } else {
                        b.to_ascii_uppercase()
                    }
                })
                .collect()),
            "title" => {
                let mut prev_cased = false;
                mk(data
                    .iter()
                    .map(|&b| {
                        let out = if prev_cased {
                            b.to_ascii_lowercase()
                        } else {
                            b.to_ascii_uppercase()
                        };
                        prev_cased = b.is_ascii_alphabetic();
                        out
                    })
                    .collect())
            }
            "isascii" => Value::Bool(data.is_ascii()),
            "islower" => Value::Bool(
                data.iter().any(u8::is_ascii_lowercase) && !data.iter().any(u8::is_ascii_uppercase),
            ),
            "isupper" => Value::Bool(
                data.iter().any(u8::is_ascii_uppercase) && !data.iter().any(u8::is_ascii_lowercase),
            ),
            "istitle" => Value::Bool(is_title(
                data.iter()
                    .map(|b| (b.is_ascii_uppercase(), b.is_ascii_lowercase())),
            )),
            "translate" => {
                let table = match &a[0] {
                    Value::None => None,
                    v => {
                        let t = bytes_like(ctx, v)?;
                        if t.len() != 256 {
                            return Err(
                                ctx.value_error("translation table must be 256 characters long")
                            );
                        }
                        Some(t)
                    }
                };
                let delete = match a.get(1) {
                    Some(v) => bytes_like(ctx, v)?,
                    None => Vec::new(),
                };
                mk(data
                    .iter()
                    .filter(|b| !delete.contains(b))
                    .map(|&b| table.as_ref().map_or(b, |t| t[b as usize]))
                    .collect())
            }
            "center" | "ljust" | "rjust" | "zfill" | "expandtabs" => {
                let text: String = data.iter().map(|&b| b as char).collect();
                let r = str_method(ctx, &Arc::from(text), name, a, k).unwrap_or(Ok(Value::None));
                let r = r?;
                match &r {
                    Value::Str(s) => mk(s.chars().map(|c| c as u8).collect()),
                    _ => r,
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

pub(super) fn bytearray_method(
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

/// Whether text is titlecased, as CPython's `istitle` decides from each character's
/// (is upper, is lower): every cased run starts upper and goes on lower, and there is
/// at least one cased character.
pub(super) fn is_title(chars: impl Iterator<Item = (bool, bool)>) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for (upper, lower) in chars {
        if upper {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if lower {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

/// `bytes.maketrans(frm, to)`: the 256-byte table `translate` takes.
pub(super) fn maketrans(ctx: &mut Ctx, a: &[Value]) -> R<Vec<u8>> {
    let from = bytes_like(ctx, &a[0])?;
    let to = bytes_like(ctx, &a[1])?;
    if from.len() != to.len() {
        return Err(ctx.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (f, t) in from.iter().zip(&to) {
        table[*f as usize] = *t;
    }
    Ok(table)
}
