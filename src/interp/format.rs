//! String formatting: `format()` / f-string specs (`{port:>5}`, `{n:04x}`) and the `%`
//! operator (`"%s:%d" % (host, port)`), with CPython's rules and messages.

use super::ops::{as_number, Num};
use super::types::type_name;
use super::value::Value;
use super::{repr, Ctx, R};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

#[derive(Default, Debug)]
struct Spec {
    fill: char,
    align: Option<char>,
    sign: char,
    alt: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    kind: Option<char>,
}

fn parse_spec(ctx: &Ctx, s: &str) -> R<Spec> {
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    let mut spec = Spec {
        fill: ' ',
        sign: '-',
        ..Default::default()
    };
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        spec.fill = chars[0];
        spec.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        spec.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        spec.sign = chars[i];
        i += 1;
    }
    if i < chars.len() && chars[i] == 'z' {
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        spec.alt = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        spec.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        let w: String = chars[start..i].iter().collect();
        spec.width = w
            .parse()
            .map_err(|_| ctx.value_error("Too many decimal digits in format string"))?;
        // Padding is up to four bytes a character.
        super::ops::check_alloc(spec.width as u128 * 4)?;
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        spec.grouping = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err(ctx.value_error("Format specifier missing precision"));
        }
        let p: String = chars[start..i].iter().collect();
        let precision: usize = p
            .parse()
            .map_err(|_| ctx.value_error("Too many decimal digits in format string"))?;
        super::ops::check_alloc(precision as u128)?;
        spec.precision = Some(precision);
    }
    if i < chars.len() {
        spec.kind = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() {
        return Err(ctx.value_error("Invalid format specifier"));
    }
    Ok(spec)
}

fn pad(body: &str, sign_prefix: &str, spec: &Spec, default_align: char) -> String {
    let len = body.chars().count() + sign_prefix.chars().count();
    let (fill, align) = if spec.zero && spec.align.is_none() {
        ('0', '=')
    } else {
        (spec.fill, spec.align.unwrap_or(default_align))
    };
    if len >= spec.width {
        return format!("{sign_prefix}{body}");
    }
    let n = spec.width - len;
    let f = |k: usize| fill.to_string().repeat(k);
    match align {
        '<' => format!("{sign_prefix}{body}{}", f(n)),
        '^' => format!("{}{sign_prefix}{body}{}", f(n / 2), f(n - n / 2)),
        '=' => format!("{sign_prefix}{}{body}", f(n)),
        _ => format!("{}{sign_prefix}{body}", f(n)),
    }
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let mut out = String::new();
    let n = digits.len();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// `format(value, spec)`.
pub fn format_value(ctx: &mut Ctx, v: &Value, spec_text: &str) -> R<String> {
    if let Value::Instance(i) = v {
        if let Some(m) = i.class.lookup("__format__") {
            let r = super::exec::call(ctx, &m, vec![v.clone(), Value::str(spec_text)], vec![])?;
            return repr::str(ctx, &r);
        }
        if spec_text.is_empty() {
            return repr::str(ctx, v);
        }
        return Err(ctx.type_error(format!(
            "unsupported format string passed to {}.__format__",
            type_name(v)
        )));
    }
    if spec_text.is_empty() {
        return repr::str(ctx, v);
    }
    if let Value::Native(n) = v {
        if let Some(i) = n.as_int() {
            return format_value(ctx, &Value::Int(i), spec_text);
        }
    }
    let spec = parse_spec(ctx, spec_text)?;
    match v {
        Value::Str(s) => {
            if let Some(k) = spec.kind {
                if k != 's' {
                    return Err(ctx.value_error(format!(
                        "Unknown format code '{k}' for object of type 'str'"
                    )));
                }
            }
            if spec.sign != '-' {
                return Err(ctx.value_error("Sign not allowed in string format specifier"));
            }
            let body: String = match spec.precision {
                Some(p) => s.chars().take(p).collect(),
                None => s.to_string(),
            };
            Ok(pad(&body, "", &spec, '<'))
        }
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            if matches!(spec.kind, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) {
                let f = match as_number(v) {
                    Some(Num::I(i)) => i as f64,
                    Some(Num::B(b)) => super::ops::big_to_f64(&b).unwrap_or(f64::INFINITY),
                    _ => 0.0,
                };
                return format_float(ctx, f, &spec);
            }

            let big = match as_number(v) {
                Some(Num::I(i)) => BigInt::from(i),
                Some(Num::B(b)) => b,
                _ => BigInt::from(0),
            };
            format_int(ctx, &big, &spec)
        }
        Value::Float(f) => format_float(ctx, *f, &spec),
        // object.__format__ accepts only an empty spec.
        _ => Err(ctx.type_error(format!(
            "unsupported format string passed to {}.__format__",
            type_name(v)
        ))),
    }
}

fn sign_of(neg: bool, sign: char) -> &'static str {
    if neg {
        "-"
    } else {
        match sign {
            '+' => "+",
            ' ' => " ",
            _ => "",
        }
    }
}

fn format_int(ctx: &Ctx, n: &BigInt, spec: &Spec) -> R<String> {
    let neg = n.is_negative();
    let mag = n.abs();
    let kind = spec.kind.unwrap_or('d');
    let (digits, prefix) = match kind {
        'd' | 'n' => (mag.to_string(), ""),
        'x' => (mag.to_str_radix(16), "0x"),
        'X' => (mag.to_str_radix(16).to_uppercase(), "0X"),
        'o' => (mag.to_str_radix(8), "0o"),
        'b' => (mag.to_str_radix(2), "0b"),
        'c' => {
            let c = n
                .to_u32()
                .and_then(char::from_u32)
                .ok_or_else(|| ctx.err("OverflowError", "%c arg not in range(0x110000)"))?;
            return Ok(pad(&c.to_string(), "", spec, '<'));
        }
        's' => return Err(ctx.value_error("Unknown format code 's' for object of type 'int'")),
        k => {
            return Err(ctx.value_error(format!(
                "Unknown format code '{k}' for object of type 'int'"
            )))
        }
    };
    if spec.precision.is_some() {
        return Err(ctx.value_error("Precision not allowed in integer format specifier"));
    }
    let digits = match spec.grouping {
        Some(sep) => group(&digits, sep, if kind == 'd' || kind == 'n' { 3 } else { 4 }),
        None => digits,
    };
    let mut sign_prefix = sign_of(neg, spec.sign).to_string();
    if spec.alt {
        sign_prefix.push_str(prefix);
    }
    Ok(pad(&digits, &sign_prefix, spec, '>'))
}

/// Fixed notation with `prec` decimals, correctly rounded (Rust's formatting rounds the
/// exact binary value, as CPython's does).
pub fn fixed(f: f64, prec: usize) -> String {
    format!("{:.*}", prec, f)
}

/// Scientific notation CPython-style: `1.500000e+03`.
pub fn sci(f: f64, prec: usize, upper: bool) -> String {
    let s = format!("{:.*e}", prec, f);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let out = format!("{}e{}{:02}", m, if e < 0 { '-' } else { '+' }, e.abs());
    if upper {
        out.to_uppercase()
    } else {
        out
    }
}

/// General format (`g`): fixed or scientific by exponent, trailing zeros removed.
pub fn general(f: f64, prec: usize, alt: bool, upper: bool) -> String {
    let p = if prec == 0 { 1 } else { prec };
    if f == 0.0 {
        let z = if alt {
            format!("{:.*}", p - 1, 0.0)
        } else {
            "0".to_string()
        };
        return if f.is_sign_negative() {
            format!("-{z}")
        } else {
            z
        };
    }
    let s = format!("{:.*e}", p - 1, f);
    let exp: i32 = s.split_once('e').map_or(0, |(_, e)| e.parse().unwrap_or(0));
    let mut out = if exp >= -4 && exp < p as i32 {
        format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, f)
    } else {
        sci(f, p - 1, upper)
    };
    if !alt {
        // Strip zeros after the decimal point (in the mantissa only).
        let (mant, exp_part) = match out.find(['e', 'E']) {
            Some(i) => (out[..i].to_string(), out[i..].to_string()),
            None => (out.clone(), String::new()),
        };
        let mant = if mant.contains('.') {
            mant.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            mant
        };
        out = mant + &exp_part;
    }
    out
}

fn format_float(ctx: &Ctx, f: f64, spec: &Spec) -> R<String> {
    let neg = f.is_sign_negative() && !f.is_nan();
    let a = f.abs();
    let upper = matches!(spec.kind, Some('E' | 'F' | 'G'));
    let body = if a.is_infinite() || a.is_nan() {
        let s = if a.is_nan() { "nan" } else { "inf" };
        if upper {
            s.to_uppercase()
        } else {
            s.to_string()
        }
    } else {
        match spec.kind {
            Some('f' | 'F') => fixed(a, spec.precision.unwrap_or(6)),
            Some('e' | 'E') => sci(a, spec.precision.unwrap_or(6), upper),
            Some('g' | 'G') => general(a, spec.precision.unwrap_or(6), spec.alt, upper),
            Some('%') => format!("{}%", fixed(a * 100.0, spec.precision.unwrap_or(6))),
            Some('n') => general(a, spec.precision.unwrap_or(6), spec.alt, false),
            None => match spec.precision {
                Some(p) => {
                    let g = general(a, p, spec.alt, false);
                    if g.contains(['.', 'e', 'n', 'i']) {
                        g
                    } else {
                        format!("{g}.0")
                    }
                }
                None => repr::float_repr(a),
            },
            Some(k) => {
                return Err(ctx.value_error(format!(
                    "Unknown format code '{k}' for object of type 'float'"
                )))
            }
        }
    };
    let body = match spec.grouping {
        Some(sep) => {
            let (int_part, rest) = match body.find(['.', 'e', '%']) {
                Some(i) => (&body[..i], &body[i..]),
                None => (&body[..], ""),
            };
            if int_part.bytes().all(|b| b.is_ascii_digit()) {
                format!("{}{}", group(int_part, sep, 3), rest)
            } else {
                body.clone()
            }
        }
        None => body,
    };
    Ok(pad(&body, sign_of(neg, spec.sign), spec, '>'))
}

// ---------------------------------------------------------------------------------
// The `%` operator

pub fn percent_format(ctx: &mut Ctx, fmt: &str, args: &Value) -> R<String> {
    percent_format_impl(ctx, fmt, args, false)
}

/// `b"%s:%d" % (b"host", 80)`: as for str, but `%s`/`%b` take bytes, `%r` is `ascii()`.
pub fn percent_format_bytes(ctx: &mut Ctx, fmt: &[u8], args: &Value) -> R<Vec<u8>> {
    let text: String = fmt.iter().map(|&c| c as char).collect();
    let out = percent_format_impl(ctx, &text, args, true)?;
    Ok(out.chars().map(|c| c as u32 as u8).collect())
}

fn percent_format_impl(ctx: &mut Ctx, fmt: &str, args: &Value, bytes_mode: bool) -> R<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mapping = match args {
        Value::Dict(_) => Some(args.clone()),
        Value::Instance(_) => Some(args.clone()),
        _ => None,
    };
    let items: Vec<Value> = match args {
        Value::Tuple(t) => t.to_vec(),
        _ => vec![args.clone()],
    };
    let mut next = 0usize;
    let mut used_mapping = false;
    let mut out = String::new();
    let mut i = 0;
    let take = |ctx: &Ctx, next: &mut usize| -> R<Value> {
        let v = items
            .get(*next)
            .cloned()
            .ok_or_else(|| ctx.type_error("not enough arguments for format string"))?;
        *next += 1;
        Ok(v)
    };
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        if i >= chars.len() {
            return Err(ctx.value_error("incomplete format"));
        }
        let mut key_value = None;
        if chars[i] == '(' {
            let close = chars[i..].iter().position(|&c| c == ')').map(|p| p + i);
            let Some(close) = close else {
                return Err(ctx.value_error("incomplete format key"));
            };
            let key: String = chars[i + 1..close].iter().collect();
            let Some(m) = &mapping else {
                return Err(ctx.type_error("format requires a mapping"));
            };
            key_value = Some(super::ops::getitem(ctx, m, &Value::string(key))?);
            used_mapping = true;
            i = close + 1;
        }
        let mut spec = Spec {
            fill: ' ',
            sign: '-',
            ..Default::default()
        };
        let mut left = false;
        while i < chars.len() && matches!(chars[i], '-' | '+' | ' ' | '#' | '0') {
            match chars[i] {
                '-' => left = true,
                '+' => spec.sign = '+',
                ' ' => {
                    if spec.sign != '+' {
                        spec.sign = ' '
                    }
                }
                '#' => spec.alt = true,
                _ => spec.zero = true,
            }
            i += 1;
        }
        if i < chars.len() && chars[i] == '*' {
            let w = take(ctx, &mut next)?;
            let Value::Int(w) = w else {
                return Err(ctx.type_error("* wants int"));
            };
            if w < 0 {
                left = true;
            }
            spec.width = w.unsigned_abs() as usize;
            i += 1;
        } else {
            let s = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i > s {
                spec.width = chars[s..i].iter().collect::<String>().parse().unwrap_or(0);
            }
        }
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            if i < chars.len() && chars[i] == '*' {
                let p = take(ctx, &mut next)?;
                let Value::Int(p) = p else {
                    return Err(ctx.type_error("* wants int"));
                };
                spec.precision = Some(p.max(0) as usize);
                i += 1;
            } else {
                let s = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                spec.precision = Some(chars[s..i].iter().collect::<String>().parse().unwrap_or(0));
            }
        }
        super::ops::check_alloc(spec.width as u128 * 4)?;
        super::ops::check_alloc(spec.precision.unwrap_or(0) as u128)?;
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= chars.len() {
            return Err(ctx.value_error("incomplete format"));
        }
        let conv = chars[i];
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        if left {
            spec.align = Some('<');
            spec.zero = false;
        }
        let v = match key_value.take() {
            Some(v) => v,
            None => take(ctx, &mut next)?,
        };
        let piece = match conv {
            's' | 'b' if bytes_mode => {
                let s: String = match &v {
                    Value::Bytes(b) => b.iter().map(|&c| c as char).collect(),
                    Value::ByteArray(b) => b.lock().iter().map(|&c| c as char).collect(),
                    other => {
                        return Err(ctx.type_error(format!(
                            "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                            type_name(other)
                        )))
                    }
                };
                let s: String = match spec.precision {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                };
                spec.zero = false;
                pad(&s, "", &spec, '>')
            }
            'r' | 'a' if bytes_mode => {
                let s = repr::ascii(&repr::repr(ctx, &v)?);
                spec.zero = false;
                pad(&s, "", &spec, '>')
            }
            's' | 'r' | 'a' => {
                let s = match conv {
                    's' => repr::str(ctx, &v)?,
                    'r' => repr::repr(ctx, &v)?,
                    _ => repr::ascii(&repr::repr(ctx, &v)?),
                };
                let s: String = match spec.precision {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                };
                spec.zero = false;
                pad(&s, "", &spec, '>')
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let n = match &v {
                    Value::Float(f) if matches!(conv, 'd' | 'i' | 'u') => {
                        if !f.is_finite() {
                            return Err(ctx
                                .err("OverflowError", "cannot convert float infinity to integer"));
                        }
                        BigInt::from(f.trunc() as i128)
                    }
                    _ => match as_number(&v) {
                        Some(Num::I(i)) => BigInt::from(i),
                        Some(Num::B(b)) => b,
                        _ => {
                            let what = if matches!(conv, 'x' | 'X' | 'o') {
                                format!(
                                    "%{conv} format: an integer is required, not {}",
                                    type_name(&v)
                                )
                            } else {
                                format!(
                                    "%{conv} format: a real number is required, not {}",
                                    type_name(&v)
                                )
                            };
                            return Err(ctx.type_error(what));
                        }
                    },
                };
                let neg = n.is_negative();
                let mag = n.abs();
                let mut digits = match conv {
                    'x' => mag.to_str_radix(16),
                    'X' => mag.to_str_radix(16).to_uppercase(),
                    'o' => mag.to_str_radix(8),
                    _ => mag.to_string(),
                };
                if let Some(p) = spec.precision {
                    while digits.len() < p {
                        digits.insert(0, '0');
                    }
                }
                let mut prefix = sign_of(neg, spec.sign).to_string();
                if spec.alt {
                    prefix.push_str(match conv {
                        'x' => "0x",
                        'X' => "0X",
                        'o' => "0o",
                        _ => "",
                    });
                }
                pad(&digits, &prefix, &spec, '>')
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = match as_number(&v) {
                    Some(Num::I(i)) => i as f64,
                    Some(Num::B(b)) => super::ops::big_to_f64(&b).unwrap_or(f64::INFINITY),
                    Some(Num::F(f)) => f,
                    None => {
                        return Err(
                            ctx.type_error(format!("must be real number, not {}", type_name(&v)))
                        )
                    }
                };
                spec.kind = Some(conv);
                if spec.precision.is_none() {
                    spec.precision = Some(6);
                }
                format_float(ctx, f, &spec)?
            }
            'c' => {
                let s = match &v {
                    Value::Int(i) => char::from_u32(*i as u32)
                        .ok_or_else(|| ctx.err("OverflowError", "%c arg not in range(0x110000)"))?
                        .to_string(),
                    Value::Str(s) if s.chars().count() == 1 => s.to_string(),
                    _ => return Err(ctx.type_error("%c requires int or char")),
                };
                pad(&s, "", &spec, '>')
            }
            other => {
                return Err(ctx.value_error(format!(
                    "unsupported format character '{}' (0x{:x}) at index {}",
                    other,
                    other as u32,
                    i - 1
                )))
            }
        };
        let _ = start;
        out.push_str(&piece);
    }
    if next < items.len() && !used_mapping && !matches!(args, Value::Dict(_)) {
        return Err(ctx.type_error("not all arguments converted during string formatting"));
    }
    Ok(out)
}

/// `str.format`: `"{} {name} {0!r:>5}".format(...)`.
pub fn str_format(
    ctx: &mut Ctx,
    fmt: &str,
    args: &[Value],
    kwargs: &[(super::Name, Value)],
) -> R<String> {
    let mut out = String::new();
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    let mut auto = 0usize;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() {
                match chars[j] {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if j >= chars.len() {
                return Err(ctx.value_error("expected '}' before end of string"));
            }
            let field: String = chars[i + 1..j].iter().collect();
            let (name_part, spec) = match field.find(':') {
                Some(p) => (field[..p].to_string(), field[p + 1..].to_string()),
                None => (field.clone(), String::new()),
            };
            let (name_part, conv) = match name_part.find('!') {
                Some(p) => (
                    name_part[..p].to_string(),
                    name_part[p + 1..].chars().next(),
                ),
                None => (name_part, None),
            };
            // The first part names an argument; `.attr` and `[key]` may follow.
            let split = name_part.find(['.', '[']).unwrap_or(name_part.len());
            let (head, tail) = name_part.split_at(split);
            let mut v = if head.is_empty() {
                let v = args.get(auto).cloned().ok_or_else(|| {
                    ctx.err(
                        "IndexError",
                        format!("Replacement index {auto} out of range for positional args tuple"),
                    )
                })?;
                auto += 1;
                v
            } else if let Ok(n) = head.parse::<usize>() {
                args.get(n).cloned().ok_or_else(|| {
                    ctx.err(
                        "IndexError",
                        format!("Replacement index {n} out of range for positional args tuple"),
                    )
                })?
            } else {
                kwargs
                    .iter()
                    .find(|(k, _)| &**k == head)
                    .map(|(_, v)| v.clone())
                    .ok_or_else(|| {
                        super::Exc::new(super::types::new_exception(
                            "KeyError",
                            vec![Value::str(head)],
                        ))
                    })?
            };
            let mut rest = tail;
            while !rest.is_empty() {
                if let Some(r) = rest.strip_prefix('.') {
                    let end = r.find(['.', '[']).unwrap_or(r.len());
                    v = super::exec::getattr(ctx, &v, &r[..end])?;
                    rest = &r[end..];
                } else if let Some(r) = rest.strip_prefix('[') {
                    let end = r.find(']').unwrap_or(r.len());
                    let key = &r[..end];
                    let k = match key.parse::<i64>() {
                        Ok(n) => Value::Int(n),
                        Err(_) => Value::str(key),
                    };
                    v = super::ops::getitem(ctx, &v, &k)?;
                    rest = r.get(end + 1..).unwrap_or("");
                } else {
                    break;
                }
            }
            v = match conv {
                Some('r') => Value::string(repr::repr(ctx, &v)?),
                Some('s') => Value::string(repr::str(ctx, &v)?),
                Some('a') => Value::string(repr::ascii(&repr::repr(ctx, &v)?)),
                _ => v,
            };
            let spec = if spec.contains('{') {
                str_format(ctx, &spec, args, kwargs)?
            } else {
                spec
            };
            out.push_str(&format_value(ctx, &v, &spec)?);
            i = j + 1;
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(ctx.value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}
