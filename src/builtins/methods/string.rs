//! The methods of `str`.

use super::*;

pub(super) fn str_arg<'a>(ctx: &Ctx, v: &'a Value, method: &str) -> R<&'a str> {
    match v {
        Value::Str(s) => Ok(s),
        other => Err(ctx.type_error(format!(
            "{method} arg must be None or str, not {}",
            type_name(other)
        ))),
    }
}

pub(super) fn must_str<'a>(ctx: &Ctx, v: &'a Value, what: &str) -> R<&'a str> {
    match v {
        Value::Str(s) => Ok(s),
        other => Err(ctx.type_error(format!("{what}, not {}", type_name(other)))),
    }
}

/// Python's whitespace split (runs of whitespace, no empty strings), with maxsplit.
pub(super) fn split_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
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

pub(super) fn split_args(
    ctx: &Ctx,
    args: &[Value],
    kwargs: &[(Name, Value)],
) -> R<(Option<Value>, i64)> {
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
pub(super) fn splitlines(s: &str, keepends: bool) -> Vec<String> {
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

pub(super) fn char_index_to_byte(s: &str, idx: i64) -> usize {
    if idx <= 0 {
        return 0;
    }
    s.char_indices()
        .nth(idx as usize)
        .map_or(s.len(), |(b, _)| b)
}

pub(super) fn byte_to_char_index(s: &str, b: usize) -> i64 {
    if s.is_ascii() {
        b as i64
    } else {
        s[..b].chars().count() as i64
    }
}

/// Resolve optional start/end arguments (character indices) into a byte range.
pub(super) fn str_range(
    ctx: &Ctx,
    s: &str,
    start: Option<&Value>,
    end: Option<&Value>,
) -> R<(usize, usize)> {
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

pub(super) fn prefix_match(
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

pub(super) const NO_ARG_STR_METHODS: &[&str] = &[
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

pub(super) fn str_method(
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
            "isascii" => Value::Bool(s.is_ascii()),
            "istitle" => Value::Bool(super::bytes::is_title(
                s.chars().map(|c| (c.is_uppercase(), c.is_lowercase())),
            )),
            "format_map" => {
                let mut kwargs = Vec::new();
                for (key, v) in ops::mapping_items(ctx, &a[0])? {
                    if let Value::Str(key) = &key {
                        kwargs.push((key.clone(), v));
                    }
                }
                Value::string(crate::interp::format::str_format(ctx, s, &[], &kwargs)?)
            }
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
                let none = Value::None;
                let p = must_str(
                    ctx,
                    a.first().unwrap_or(&none),
                    "removeprefix() argument must be str",
                )?;
                Value::str(s.strip_prefix(p).unwrap_or(s))
            }
            "removesuffix" => {
                let none = Value::None;
                let p = must_str(
                    ctx,
                    a.first().unwrap_or(&none),
                    "removesuffix() argument must be str",
                )?;
                Value::str(s.strip_suffix(p).unwrap_or(s))
            }
            "translate" => {
                let mut out = String::with_capacity(s.len());
                for c in s.chars() {
                    let key = Value::Int(c as i64);
                    match &ops::getitem(ctx, &a[0], &key) {
                        Ok(Value::None) => {}
                        Ok(Value::Str(r)) => out.push_str(r),
                        Ok(Value::Int(n)) => {
                            match u32::try_from(*n).ok().and_then(char::from_u32) {
                                Some(ch) => out.push(ch),
                                None => {
                                    return Err(ctx.value_error(
                                        "character mapping must be in range(0x110000)",
                                    ))
                                }
                            }
                        }
                        Ok(other) => {
                            return Err(ctx.type_error(format!(
                                "character mapping must return integer, None or str, not {}",
                                type_name(other)
                            )))
                        }
                        Err(e) if e.is("LookupError") => out.push(c),
                        Err(e) => return Err(e.clone()),
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
