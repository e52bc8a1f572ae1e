//! Text to tokens, with Python's indentation rules.
//!
//! The lexeme shapes (names, numbers, string prefixes) are nom parsers over a
//! `nom_locate` span; the driver around them keeps the state Python's lexical rules
//! need: the stack of indentation levels, the stack of open brackets (inside which
//! line breaks do not end a statement), and whether we stand at the start of a line.

use super::error::{ErrorKind, SyntaxError};
use super::source::{Source, Span};
use super::token::{StrLit, Tok, Token};
use nom::bytes::complete::{tag_no_case, take_while, take_while1};
use nom::combinator::{opt, recognize};
use nom::{IResult, Parser};
use nom_locate::LocatedSpan;
use std::sync::Arc;

type LSpan<'a> = LocatedSpan<&'a str>;

/// CPython's tokenizer refuses more than this many open brackets.
const MAX_BRACKET_DEPTH: usize = 200;
/// CPython's tokenizer refuses more than this many indentation levels.
const MAX_INDENT_LEVELS: usize = 100;

/// Operators, longest first so that `**=` wins over `**` and `*`.
const OPERATORS: &[&str] = &[
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>", "<=", ">=", "==", "!=",
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "+", "-", "*", "/", "%", "&", "|", "^",
    "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "=", "@",
];

/// Turn a program into tokens. A lexical mistake becomes a final `Tok::Error` token
/// rather than an early return, so the parser can report an earlier mistake first.
pub fn tokenize(src: &Source) -> Vec<Token> {
    tokenize_range(src, 0, src.text.len(), false)
}

/// Tokenize `lo..hi` of `src`; `nested` for an expression inside an f-string, where
/// line breaks are insignificant as inside brackets. Spans stay offsets into `src`.
pub fn tokenize_range(src: &Source, lo: usize, hi: usize, nested: bool) -> Vec<Token> {
    let mut lx = Lexer {
        src,
        text: &src.text[..hi],
        pos: lo,
        tokens: Vec::new(),
        indents: vec![(0, 0)],
        brackets: Vec::new(),
        at_line_start: !nested,
        nested,
    };
    if let Err(e) = lx.run() {
        let at = lx.pos;
        lx.tokens.push(Token {
            tok: Tok::Error(Box::new(e)),
            span: Span::new(at, at),
        });
    }
    lx.tokens
}

struct Lexer<'a> {
    src: &'a Source,
    text: &'a str,
    pos: usize,
    tokens: Vec<Token>,
    /// Indentation levels as (column with tabs to multiples of 8, column with tabs as 1):
    /// CPython compares both, and a disagreement is a `TabError`.
    indents: Vec<(usize, usize)>,
    brackets: Vec<(char, usize)>,
    at_line_start: bool,
    nested: bool,
}

fn is_name_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}
fn is_name_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

fn name(i: LSpan) -> IResult<LSpan, LSpan> {
    recognize((take_while1(is_name_start), take_while(is_name_char))).parse(i)
}

/// Digits of a radix with single underscores between them: `1_000`, `ff_ff`.
fn digits<'a>(
    radix: u32,
) -> impl Parser<LSpan<'a>, Output = LSpan<'a>, Error = nom::error::Error<LSpan<'a>>> {
    recognize((
        take_while1(move |c: char| c.is_digit(radix)),
        take_while(move |c: char| c.is_digit(radix) || c == '_'),
    ))
}

enum NumLit {
    Int { digits: String, radix: u32 },
    Float(String),
}

/// A number's shape. Validity beyond the shape (`1__0`, `1_`, leading zeros) is checked
/// by the caller, which knows how CPython words each mistake.
fn number(i: LSpan) -> IResult<LSpan, (NumLit, usize)> {
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Ok((rest, _)) = tag_no_case::<_, _, nom::error::Error<LSpan>>(prefix).parse(i) {
            let (rest, ds) =
                recognize(take_while(move |c: char| c.is_digit(radix) || c == '_')).parse(rest)?;
            let text = ds.fragment().to_string();
            let len = rest.location_offset() - i.location_offset();
            return Ok((
                rest,
                (
                    NumLit::Int {
                        digits: text,
                        radix,
                    },
                    len,
                ),
            ));
        }
    }
    let (rest, int_part) = opt(digits(10)).parse(i)?;
    let (rest, frac) = opt(recognize((
        nom::character::complete::char('.'),
        opt(digits(10)),
    )))
    .parse(rest)?;
    let (rest, exp) = opt(recognize((
        nom::character::complete::one_of("eE"),
        opt(nom::character::complete::one_of("+-")),
        digits(10),
    )))
    .parse(rest)?;
    let len = rest.location_offset() - i.location_offset();
    let text = &i.fragment()[..len];
    if frac.is_some() || exp.is_some() {
        Ok((rest, (NumLit::Float(text.to_string()), len)))
    } else if let Some(ds) = int_part {
        Ok((
            rest,
            (
                NumLit::Int {
                    digits: ds.fragment().to_string(),
                    radix: 10,
                },
                len,
            ),
        ))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Digit,
        )))
    }
}

impl<'a> Lexer<'a> {
    fn err(&self, kind: ErrorKind, msg: impl Into<String>, offset: usize) -> SyntaxError {
        SyntaxError::at(kind, msg, self.src, offset)
    }

    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn push(&mut self, tok: Tok, lo: usize, hi: usize) {
        self.tokens.push(Token {
            tok,
            span: Span::new(lo, hi),
        });
    }

    fn run(&mut self) -> Result<(), SyntaxError> {
        loop {
            if self.at_line_start && self.brackets.is_empty() && !self.indentation()? {
                continue;
            }
            // Blanks between tokens.
            while let Some(c) = self.peek() {
                if c == ' ' || c == '\t' || c == '\x0c' {
                    self.pos += 1;
                } else {
                    break;
                }
            }
            let start = self.pos;
            let Some(c) = self.peek() else {
                return self.finish();
            };
            match c {
                '#' => self.skip_comment(),
                '\\' => {
                    let after = &self.rest()[1..];
                    if after.starts_with('\n') {
                        self.pos += 2;
                    } else if after.starts_with("\r\n") {
                        self.pos += 3;
                    } else if after.is_empty() {
                        return Err(self.err(
                            ErrorKind::Syntax,
                            "unexpected EOF while parsing",
                            start,
                        ));
                    } else {
                        return Err(self.err(
                            ErrorKind::Syntax,
                            "unexpected character after line continuation character",
                            start + 1,
                        ));
                    }
                }
                '\n' | '\r' => {
                    let len = if self.rest().starts_with("\r\n") {
                        2
                    } else {
                        1
                    };
                    if self.brackets.is_empty() && !self.nested {
                        self.push(Tok::Newline, start, start + len);
                        self.at_line_start = true;
                    }
                    self.pos += len;
                }
                '"' | '\'' => self.string(start, start)?,
                c if c.is_ascii_digit() => self.number(start)?,
                '.' if self.rest()[1..].starts_with(|d: char| d.is_ascii_digit()) => {
                    self.number(start)?
                }
                c if is_name_start(c) => self.name_or_string(start)?,
                _ => self.operator(start, c)?,
            }
        }
    }

    /// At the start of a line: measure its indentation and emit INDENT / DEDENT.
    /// Returns false for a blank or comment-only line, which Python ignores.
    fn indentation(&mut self) -> Result<bool, SyntaxError> {
        let line_start = self.pos;
        let (mut col, mut altcol) = (0usize, 0usize);
        for c in self.rest().chars() {
            match c {
                ' ' => {
                    col += 1;
                    altcol += 1;
                }
                '\t' => {
                    col = (col / 8 + 1) * 8;
                    altcol += 1;
                }
                '\x0c' => {
                    col = 0;
                    altcol = 0;
                }
                _ => break,
            }
            self.pos += 1;
        }
        match self.peek() {
            None => return Ok(true),
            Some('#') => {
                self.skip_comment();
                self.skip_line_end();
                return Ok(false);
            }
            Some('\n') | Some('\r') => {
                self.skip_line_end();
                return Ok(false);
            }
            Some('\\') if matches!(self.rest()[1..].chars().next(), Some('\n') | Some('\r')) => {
                // A continuation on an otherwise blank line: the next line continues it.
            }
            _ => {}
        }
        self.at_line_start = false;
        let here = self.pos;
        let &(top, top_alt) = self.indents.last().unwrap_or(&(0, 0));
        let tab_error = |lx: &Self| {
            let line = lx.src.line_of(line_start);
            SyntaxError::new(
                ErrorKind::Tab,
                "inconsistent use of tabs and spaces in indentation",
                line,
                0,
            )
        };
        if col == top {
            if altcol != top_alt {
                return Err(tab_error(self));
            }
        } else if col > top {
            if altcol <= top_alt {
                return Err(tab_error(self));
            }
            if self.indents.len() > MAX_INDENT_LEVELS {
                let line = self.src.line_of(line_start);
                return Err(SyntaxError::new(
                    ErrorKind::Indentation,
                    "too many levels of indentation",
                    line,
                    0,
                ));
            }
            self.indents.push((col, altcol));
            self.push(Tok::Indent, line_start, here);
        } else {
            while self.indents.last().is_some_and(|&(c, _)| col < c) {
                self.indents.pop();
                self.push(Tok::Dedent, here, here);
            }
            let &(top, top_alt) = self.indents.last().unwrap_or(&(0, 0));
            if col != top {
                let line = self.src.line_of(line_start);
                let width = self.src.line_text(line).chars().count();
                return Err(SyntaxError::new(
                    ErrorKind::Indentation,
                    "unindent does not match any outer indentation level",
                    line,
                    width + 1,
                ));
            }
            if altcol != top_alt {
                return Err(tab_error(self));
            }
        }
        Ok(true)
    }

    fn skip_comment(&mut self) {
        let n = self.rest().find(['\n', '\r']).unwrap_or(self.rest().len());
        self.pos += n;
    }

    fn skip_line_end(&mut self) {
        if self.rest().starts_with("\r\n") {
            self.pos += 2;
        } else if self.rest().starts_with(['\n', '\r']) {
            self.pos += 1;
        }
    }

    fn finish(&mut self) -> Result<(), SyntaxError> {
        if let Some(&(b, at)) = self.brackets.last() {
            return Err(self.err(ErrorKind::Syntax, format!("'{b}' was never closed"), at));
        }
        let end = self.text.len();
        if self
            .tokens
            .last()
            .is_some_and(|t| !matches!(t.tok, Tok::Newline | Tok::Dedent | Tok::Indent))
        {
            self.push(Tok::Newline, end, end);
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push(Tok::Dedent, end, end);
        }
        self.push(Tok::End, end, end);
        Ok(())
    }

    fn name_or_string(&mut self, start: usize) -> Result<(), SyntaxError> {
        let input = LSpan::new(self.rest());
        let Ok((_, word)) = name(input) else {
            return self.operator(start, self.peek().unwrap_or(' '));
        };
        let word = *word.fragment();
        let after = self.rest()[word.len()..].chars().next();
        let is_prefix = matches!(
            word.to_ascii_lowercase().as_str(),
            "r" | "u" | "b" | "br" | "rb" | "f" | "fr" | "rf"
        );
        if is_prefix && matches!(after, Some('"') | Some('\'')) {
            self.pos += word.len();
            return self.string(start, self.pos);
        }
        self.pos += word.len();
        self.push(Tok::Name(Arc::from(word)), start, self.pos);
        Ok(())
    }

    fn number(&mut self, start: usize) -> Result<(), SyntaxError> {
        let input = LSpan::new(self.rest());
        let Ok((_, (lit, len))) = number(input) else {
            return Err(self.err(ErrorKind::Syntax, "invalid syntax", start));
        };
        let text = &self.rest()[..len];
        let next = self.rest()[len..].chars().next();
        let kind_word = |lit: &NumLit| match lit {
            NumLit::Int { radix: 16, .. } => "hexadecimal",
            NumLit::Int { radix: 8, .. } => "octal",
            NumLit::Int { radix: 2, .. } => "binary",
            _ => "decimal",
        };
        let bad = |lx: &Self, lit: &NumLit| {
            Err(lx.err(
                ErrorKind::Syntax,
                format!("invalid {} literal", kind_word(lit)),
                start,
            ))
        };
        if matches!(next, Some('j') | Some('J')) {
            return Err(self.err(
                ErrorKind::NotSupported,
                "socklab does not support complex numbers",
                start,
            ));
        }
        if text.contains("__") || text.ends_with('_') || text.contains("_.") || text.contains("._")
        {
            return bad(self, &lit);
        }
        match lit {
            NumLit::Int { digits, radix } => {
                let digits = digits.replace('_', "");
                if radix != 10 && (digits.is_empty() || next.is_some_and(|c| c.is_ascii_digit())) {
                    if let Some(c) = next.filter(|c| c.is_ascii_digit()) {
                        return Err(self.err(
                            ErrorKind::Syntax,
                            format!(
                                "invalid digit '{c}' in {} literal",
                                kind_word(&NumLit::Int {
                                    digits: String::new(),
                                    radix
                                })
                            ),
                            start + len,
                        ));
                    }
                    return bad(self, &NumLit::Int { digits, radix });
                }
                if radix == 10
                    && digits.len() > 1
                    && digits.starts_with('0')
                    && digits.bytes().any(|b| b != b'0')
                {
                    return Err(self.err(
                        ErrorKind::Syntax,
                        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                        start,
                    ));
                }
                if next.is_some_and(is_name_char) {
                    // CPython's caret stands on the number's last character.
                    return Err(self.err(
                        ErrorKind::Syntax,
                        format!(
                            "invalid {} literal",
                            kind_word(&NumLit::Int { digits, radix })
                        ),
                        start + len - 1,
                    ));
                }
                self.pos += len;
                self.push(Tok::Int { digits, radix }, start, self.pos);
            }
            NumLit::Float(text) => {
                if next.is_some_and(is_name_char) {
                    return Err(self.err(
                        ErrorKind::Syntax,
                        "invalid decimal literal",
                        start + len - 1,
                    ));
                }
                let clean = text.replace('_', "");
                let value = clean.parse::<f64>().unwrap_or(f64::NAN);
                self.pos += len;
                self.push(Tok::Float(value), start, self.pos);
            }
        }
        Ok(())
    }

    /// A string literal whose prefix (if any) spans `start..quote_at`.
    fn string(&mut self, start: usize, quote_at: usize) -> Result<(), SyntaxError> {
        let prefix = self.text[start..quote_at].to_ascii_lowercase();
        let raw = prefix.contains('r');
        let bytes = prefix.contains('b');
        let fstring = prefix.contains('f');
        let q = self.text[quote_at..].chars().next().unwrap_or('"');
        let triple = self.text[quote_at..].starts_with(&format!("{q}{q}{q}"));
        let qlen = if triple { 3 } else { 1 };
        let body_start = quote_at + qlen;
        let mut i = body_start;
        let bytes_of = self.text.as_bytes();
        let body_end;
        loop {
            if i >= self.text.len() {
                let (msg, line) = if triple {
                    (
                        "unterminated triple-quoted string literal",
                        self.src.line_count().max(1),
                    )
                } else {
                    ("unterminated string literal", self.src.line_of(i))
                };
                return Err(self.err(
                    ErrorKind::Syntax,
                    format!("{msg} (detected at line {line})"),
                    start,
                ));
            }
            let b = bytes_of[i];
            if b == b'\\' {
                i += 1;
                if i < self.text.len() {
                    // Step over the escaped character whole, which may be multi-byte.
                    let ch_len = self.text[i..].chars().next().map_or(1, |c| c.len_utf8());
                    i += ch_len;
                }
                continue;
            }
            if (b == b'\n' || b == b'\r') && !triple {
                let line = self.src.line_of(i);
                return Err(self.err(
                    ErrorKind::Syntax,
                    format!("unterminated string literal (detected at line {line})"),
                    start,
                ));
            }
            if b as char == q
                && (!triple || self.text[i..].starts_with(&self.text[quote_at..quote_at + 3]))
            {
                body_end = i;
                i += qlen;
                break;
            }
            i += 1;
        }
        let body = &self.text[body_start..body_end];
        self.pos = i;
        let mut lit = StrLit {
            value: String::new(),
            bytes,
            fstring,
            raw,
            body_offset: body_start,
            data: Vec::new(),
        };
        if fstring {
            lit.value = body.to_string();
        } else if bytes {
            if let Some(pos) = body.find(|c: char| !c.is_ascii()) {
                let _ = pos;
                return Err(self.err(
                    ErrorKind::Syntax,
                    "bytes can only contain ASCII literal characters",
                    start,
                ));
            }
            lit.data = if raw {
                body.as_bytes().to_vec()
            } else {
                decode_escapes(body, true)
                    .map_err(|m| self.err(ErrorKind::Syntax, m, start))?
                    .1
            };
            lit.value = lit.data.iter().map(|&b| b as char).collect();
        } else {
            lit.value = if raw {
                body.to_string()
            } else {
                decode_escapes(body, false)
                    .map_err(|m| self.err(ErrorKind::Syntax, m, start))?
                    .0
            };
        }
        self.push(Tok::Str(lit), start, self.pos);
        Ok(())
    }

    fn operator(&mut self, start: usize, c: char) -> Result<(), SyntaxError> {
        let rest = self.rest();
        let Some(op) = OPERATORS.iter().find(|op| rest.starts_with(**op)) else {
            if c == '!' || c == '$' || c == '?' || c == '`' {
                return Err(self.err(ErrorKind::Syntax, "invalid syntax", start));
            }
            return Err(self.err(
                ErrorKind::Syntax,
                format!("invalid character '{c}' (U+{:04X})", c as u32),
                start,
            ));
        };
        match *op {
            "(" | "[" | "{" => {
                if self.brackets.len() >= MAX_BRACKET_DEPTH {
                    return Err(self.err(ErrorKind::Syntax, "too many nested parentheses", start));
                }
                self.brackets.push((c, start));
            }
            ")" | "]" | "}" => {
                let want = match c {
                    ')' => '(',
                    ']' => '[',
                    _ => '{',
                };
                match self.brackets.pop() {
                    None => {
                        return Err(self.err(ErrorKind::Syntax, format!("unmatched '{c}'"), start))
                    }
                    Some((open, at)) if open != want => {
                        let open_line = self.src.line_of(at);
                        let here_line = self.src.line_of(start);
                        let msg = if open_line == here_line {
                            format!("closing parenthesis '{c}' does not match opening parenthesis '{open}'")
                        } else {
                            format!(
                                "closing parenthesis '{c}' does not match opening parenthesis '{open}' on line {open_line}"
                            )
                        };
                        return Err(self.err(ErrorKind::Syntax, msg, start));
                    }
                    Some(_) => {}
                }
            }
            _ => {}
        }
        self.pos += op.len();
        self.push(Tok::Op(op), start, self.pos);
        Ok(())
    }
}

/// Decode a string or bytes literal's backslash escapes, as CPython does.
/// Returns the text (for str) or the bytes (for bytes).
pub fn decode_escapes(body: &str, bytes: bool) -> Result<(String, Vec<u8>), String> {
    let mut out = String::new();
    let mut data = Vec::new();
    let mut chars = body.chars().peekable();
    let push = |out: &mut String, data: &mut Vec<u8>, c: char| {
        if bytes {
            data.push(c as u32 as u8);
        } else {
            out.push(c);
        }
    };
    while let Some(c) = chars.next() {
        if c != '\\' {
            if bytes {
                data.push(c as u8);
            } else {
                out.push(c);
            }
            continue;
        }
        let Some(e) = chars.next() else {
            push(&mut out, &mut data, '\\');
            break;
        };
        match e {
            '\n' => {}
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
            }
            '\\' => push(&mut out, &mut data, '\\'),
            '\'' => push(&mut out, &mut data, '\''),
            '"' => push(&mut out, &mut data, '"'),
            'a' => push(&mut out, &mut data, '\x07'),
            'b' => push(&mut out, &mut data, '\x08'),
            'f' => push(&mut out, &mut data, '\x0c'),
            'n' => push(&mut out, &mut data, '\n'),
            'r' => push(&mut out, &mut data, '\r'),
            't' => push(&mut out, &mut data, '\t'),
            'v' => push(&mut out, &mut data, '\x0b'),
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek().and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            chars.next();
                        }
                        None => break,
                    }
                }
                if bytes {
                    data.push((v & 0xff) as u8);
                } else {
                    out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
                }
            }
            'x' | 'u' | 'U' if !(bytes && e != 'x') => {
                let n = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let mut v = 0u32;
                for k in 0..n {
                    match chars.peek().and_then(|c| c.to_digit(16)) {
                        Some(d) => {
                            v = v * 16 + d;
                            chars.next();
                        }
                        None => {
                            let _ = k;
                            let what = if bytes { "bytes" } else { "unicode error" };
                            return Err(if bytes {
                                format!("({what}) can't decode bytes in position 0-{}: truncated \\xXX escape", k + 1)
                            } else {
                                format!(
                                    "({what}) 'unicodeescape' codec can't decode bytes in position 0-{}: truncated \\{}{} escape",
                                    k + 1,
                                    e,
                                    "X".repeat(n)
                                )
                            });
                        }
                    }
                }
                if bytes {
                    data.push(v as u8);
                } else {
                    match char::from_u32(v) {
                        Some(c) => out.push(c),
                        None => {
                            return Err(
                                "(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode character"
                                    .to_string(),
                            )
                        }
                    }
                }
            }
            'N' if !bytes => {
                return Err("socklab does not support \\N{...} escapes".to_string());
            }
            other => {
                // Unknown escapes stay as written (CPython only warns).
                push(&mut out, &mut data, '\\');
                if bytes {
                    let mut buf = [0u8; 4];
                    data.extend_from_slice(other.encode_utf8(&mut buf).as_bytes());
                } else {
                    out.push(other);
                }
            }
        }
    }
    Ok((out, data))
}
