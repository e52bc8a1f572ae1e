//! f-strings: `f"{host}:{port:>5}"` split into literal text and expressions.
//!
//! The expressions are lexed and parsed in place (as ranges of the program's own text),
//! so their spans, and the tracebacks that use them, point into the real source.

use super::ast::{Expr, FPart};
use super::error::{ErrorKind, SyntaxError};
use super::lexer::{decode_escapes, tokenize_range};
use super::parser::parse_tokens_as_expression;
use super::source::{Source, Span};
use super::token::StrLit;

fn err(src: &Source, msg: &str, at: usize) -> SyntaxError {
    SyntaxError::at(ErrorKind::Syntax, format!("f-string: {msg}"), src, at)
}

/// CPython words this one without the usual colon, and places it just past the
/// literal; `parse_fstring` fills in the place.
const BACKSLASH: &str = "f-string expression part cannot include a backslash";

fn backslash_error() -> SyntaxError {
    SyntaxError::new(ErrorKind::Syntax, BACKSLASH, 0, 0)
}

pub fn parse_fstring(src: &Source, lit: &StrLit, span: Span) -> Result<Vec<FPart>, SyntaxError> {
    parse_parts(
        src,
        lit,
        lit.body_offset,
        lit.body_offset + lit.value.len(),
        0,
    )
    .map_err(|e| {
        if e.msg == BACKSLASH {
            SyntaxError::at(ErrorKind::Syntax, BACKSLASH, src, span.hi as usize)
        } else {
            e
        }
    })
}

fn parse_parts(
    src: &Source,
    lit: &StrLit,
    lo: usize,
    hi: usize,
    depth: usize,
) -> Result<Vec<FPart>, SyntaxError> {
    let text = &src.text[lo..hi];
    let bytes = text.as_bytes();
    let mut parts = Vec::new();
    let mut buf = String::new();
    let mut i = 0;
    let flush = |buf: &mut String, parts: &mut Vec<FPart>| -> Result<(), SyntaxError> {
        if !buf.is_empty() {
            let s = if lit.raw {
                std::mem::take(buf)
            } else {
                let decoded = decode_escapes(buf, false).map_err(|m| err(src, &m, lo))?.0;
                buf.clear();
                decoded
            };
            // `f"\<newline>"` is text that decodes to nothing: no part, as `f''` has none.
            if !s.is_empty() {
                parts.push(FPart::Lit(s));
            }
        }
        Ok(())
    };
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'{' && bytes.get(i + 1) == Some(&b'{') && depth == 0 {
            buf.push('{');
            i += 2;
        } else if c == b'}' && bytes.get(i + 1) == Some(&b'}') && depth == 0 {
            buf.push('}');
            i += 2;
        } else if c == b'}' {
            return Err(err(src, "single '}' is not allowed", lo + i));
        } else if c == b'{' {
            if depth > 1 {
                return Err(err(src, "expressions nested too deeply", lo + i));
            }
            flush(&mut buf, &mut parts)?;
            let (part, next) = replacement_field(src, lit, lo + i + 1, hi, depth)?;
            parts.push(part);
            i = next - lo;
        } else {
            let ch_len = text[i..].chars().next().map_or(1, |c| c.len_utf8());
            buf.push_str(&text[i..i + ch_len]);
            i += ch_len;
        }
    }
    flush(&mut buf, &mut parts)?;
    Ok(parts)
}

/// Parse `expr[=][!c][:spec]}` starting at `start`; returns the part and the offset after `}`.
fn replacement_field(
    src: &Source,
    lit: &StrLit,
    start: usize,
    hi: usize,
    depth: usize,
) -> Result<(FPart, usize), SyntaxError> {
    let t = src.text.as_bytes();
    let mut i = start;
    let mut nest = 0i32;
    let mut quote: Option<u8> = None;
    // Find where the expression ends: a top-level `}`, `!` (not `!=`), `:` or `=`-debug.
    let expr_end;
    loop {
        if i >= hi {
            return Err(err(src, "expecting '}'", start - 1));
        }
        let c = t[i];
        if let Some(q) = quote {
            // Python 3.11 refuses a backslash anywhere in the expression part, even
            // inside a string there.
            if c == b'\\' {
                return Err(backslash_error());
            }
            if c == q {
                quote = None;
            }
            i += 1;
            continue;
        }
        match c {
            b'\\' => return Err(backslash_error()),
            b'\'' | b'"' => quote = Some(c),
            b'(' | b'[' | b'{' => nest += 1,
            b')' | b']' => nest -= 1,
            b'}' if nest > 0 => nest -= 1,
            b'#' => return Err(err(src, "expression part cannot include '#'", start - 1)),
            b'}' | b':' if nest == 0 => {
                expr_end = i;
                break;
            }
            b'!' if nest == 0 && t.get(i + 1) != Some(&b'=') => {
                expr_end = i;
                break;
            }
            b'=' if nest == 0
                && !matches!(t.get(i + 1), Some(b'='))
                && !matches!(
                    t.get(i.wrapping_sub(1)),
                    Some(b'=') | Some(b'!') | Some(b'<') | Some(b'>')
                ) =>
            {
                expr_end = i;
                break;
            }
            _ => {}
        }
        i += 1;
    }
    let expr_text = &src.text[start..expr_end];
    if expr_text.trim().is_empty() {
        return Err(err(src, "empty expression not allowed", start - 1));
    }
    let expr = parse_range(src, start, expr_end)?;
    let mut i = expr_end;
    let mut debug = None;
    if t[i] == b'=' {
        debug = Some(src.text[start..=i].to_string());
        i += 1;
    }
    let mut conversion = None;
    if i < hi && t[i] == b'!' {
        let c = src.text[i + 1..].chars().next().unwrap_or(' ');
        if !matches!(c, 's' | 'r' | 'a') {
            return Err(err(
                src,
                "invalid conversion character: expected 's', 'r', or 'a'",
                i,
            ));
        }
        conversion = Some(c);
        i += 2;
    }
    let mut spec = Vec::new();
    if i < hi && t[i] == b':' {
        // The spec runs to the matching `}`; it may hold nested `{fields}`.
        let spec_start = i + 1;
        let mut j = spec_start;
        let mut nest = 0;
        while j < hi {
            match t[j] {
                b'{' => nest += 1,
                b'}' if nest == 0 => break,
                b'}' => nest -= 1,
                _ => {}
            }
            j += 1;
        }
        spec = parse_parts(src, lit, spec_start, j, depth + 1)?;
        i = j;
    }
    if i >= hi || t[i] != b'}' {
        return Err(err(src, "expecting '}'", start - 1));
    }
    if debug.is_some() && conversion.is_none() && spec.is_empty() {
        conversion = Some('r');
    }
    Ok((
        FPart::Expr {
            expr: Box::new(expr),
            conversion,
            spec,
            debug,
        },
        i + 1,
    ))
}

fn parse_range(src: &Source, lo: usize, hi: usize) -> Result<Expr, SyntaxError> {
    let tokens = tokenize_range(src, lo, hi, true);
    parse_tokens_as_expression(src, &tokens).map_err(|mut e| {
        if e.kind == ErrorKind::Syntax && !e.msg.starts_with("f-string") {
            e.msg = format!("f-string: {}", e.msg);
        }
        e
    })
}
