//! Text and bytes: `encode`/`decode` with CPython's error handlers, bytes-like
//! arguments, `fromhex`.

use super::*;

/// The bytes of a bytes-like value, or CPython's TypeError.
pub fn bytes_like(ctx: &Ctx, v: &Value) -> R<Vec<u8>> {
    match v {
        Value::Bytes(b) => Ok(b.to_vec()),
        Value::ByteArray(b) => Ok(b.lock().clone()),
        Value::Native(n) if n.buffer().is_some() => Ok(n.buffer().unwrap_or_default()),
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
pub(super) fn decode_error(
    ctx: &Ctx,
    data: &[u8],
    pos: usize,
    error_len: Option<usize>,
) -> Box<Exc> {
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
pub(super) fn escape_char(c: char) -> String {
    let u = c as u32;
    if u <= 0xff {
        format!("\\x{u:02x}")
    } else if u <= 0xffff {
        format!("\\u{u:04x}")
    } else {
        format!("\\U{u:08x}")
    }
}

pub(super) fn fromhex(ctx: &Ctx, v: &Value) -> R<Vec<u8>> {
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
