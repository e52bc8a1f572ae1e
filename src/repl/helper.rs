//! The line editor's helper: Tab completion, the inline signature hint, syntax
//! colouring and the check that a pasted block is complete.
//!
//! Everything here reads the session without running any Python: names come from the
//! session's globals, attributes from modules, classes and instance dictionaries (never
//! a property or `__getattr__`, which could run code or block), and signatures from the
//! help registry. So pressing Tab can never change the session or hang it.

use crate::help::{registry, type_topic, Kind};
use crate::interp::{Interp, Value};
use crate::labs;
use crate::view::{Palette, Style};
use parking_lot::Mutex;
use rustyline::completion::{Completer, FilenameCompleter, Pair};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::Context;
use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::Arc;

/// Python's keywords, completed and coloured.
pub const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// The modules `import` can complete to.
pub const MODULES: &[&str] = &[
    "argparse",
    "base64",
    "binascii",
    "builtins",
    "collections",
    "datetime",
    "io",
    "ipaddress",
    "json",
    "logging",
    "os",
    "queue",
    "random",
    "select",
    "selectors",
    "socket",
    "socketserver",
    "struct",
    "sys",
    "threading",
    "time",
    "traceback",
    "types",
    "urllib",
    "warnings",
];

/// Columns one Tab indents by, as Python's REPL does.
const INDENT: usize = 4;

/// The grey signature after an open parenthesis. It is only shown, never typed: the Right
/// arrow and End move the cursor as usual instead of pasting `address: (host, port)`.
pub struct SignatureHint(String);

impl rustyline::hint::Hint for SignatureHint {
    fn display(&self) -> &str {
        &self.0
    }

    fn completion(&self) -> Option<&str> {
        None
    }
}

pub struct ReplHelper {
    interp: Arc<Interp>,
    palette: Palette,
    services: Arc<Mutex<labs::Services>>,
    files: FilenameCompleter,
    /// The lines of the entry typed so far (before this `... ` line).
    pending: RefCell<String>,
}

impl rustyline::Helper for ReplHelper {}

impl ReplHelper {
    pub fn new(
        interp: Arc<Interp>,
        palette: Palette,
        services: Arc<Mutex<labs::Services>>,
    ) -> ReplHelper {
        ReplHelper {
            interp,
            palette,
            services,
            files: FilenameCompleter::new(),
            pending: RefCell::new(String::new()),
        }
    }

    pub fn set_pending(&self, text: &str) {
        *self.pending.borrow_mut() = text.to_string();
    }

    /// Completions for `line` with the cursor at `pos`: where the replaced word starts,
    /// and the candidates (without the part before it).
    pub fn completions(&self, line: &str, pos: usize) -> (usize, Vec<String>) {
        let before = line.get(..pos).unwrap_or(line);
        let trimmed = before.trim_start();
        // Only blanks before the cursor: Tab indents, as in Python's REPL (to the next
        // multiple of four columns), instead of offering every name there is.
        if trimmed.is_empty() {
            let width = before
                .chars()
                .map(|c| if c == '\t' { 8 } else { 1 })
                .sum::<usize>();
            return (pos, vec![" ".repeat(INDENT - width % INDENT)]);
        }
        if trimmed.starts_with(':') && self.pending.borrow().is_empty() {
            return self.complete_meta(before);
        }
        let start = word_start(before);
        let word = &before[start..];
        let head = before[..start].trim_end();
        // `import so`, `from so`, `import a, so`.
        let words: Vec<&str> = head.split_whitespace().collect();
        if matches!(words.last(), Some(&"import") | Some(&"from")) && words.len() == 1
            || (words.first() == Some(&"import") && head.ends_with(','))
        {
            return (start, prefixed(MODULES.iter().map(|m| m.to_string()), word));
        }
        // `from socket import AF_`, `from socket import (a, AF_`.
        if words.first() == Some(&"from") && words.get(2) == Some(&"import") {
            let module = words.get(1).copied().unwrap_or("");
            let members = self.module_members(module);
            return (start, prefixed(members.into_iter(), word));
        }
        if let Some((base, attr)) = word.rsplit_once('.') {
            let attr_start = start + base.len() + 1;
            let mut names = self.attributes_of(base, &before[..start]);
            names.sort();
            names.dedup();
            return (attr_start, prefixed(names.into_iter(), attr));
        }
        if word.is_empty() && !before.ends_with(['(', ',', ' ', '[', '=']) && !before.is_empty() {
            return (pos, Vec::new());
        }
        let mut names: Vec<String> = Vec::new();
        if let Some((callee, _)) = call_context(before) {
            names.extend(self.params_of(&callee).into_iter().map(|p| format!("{p}=")));
        }
        for (name, v) in self.interp.main.items() {
            if !name.starts_with("__") {
                names.push(with_paren(&name, callable(&v)));
            }
        }
        for (name, v) in &self.interp.builtins {
            if !name.starts_with('_') {
                names.push(with_paren(name, callable(v)));
            }
        }
        names.extend(KEYWORDS.iter().map(|k| k.to_string()));
        let mut out = prefixed(names.into_iter(), word);
        out.sort();
        out.dedup();
        (start, out)
    }

    fn complete_meta(&self, before: &str) -> (usize, Vec<String>) {
        let lead = before.len() - before.trim_start().len();
        let text = before.trim_start();
        let Some(space) = text.find(' ') else {
            let metas = registry()
                .entries()
                .filter(|e| e.kind == Kind::Meta)
                .map(|e| e.topic.to_string());
            return (lead, prefixed(metas, text));
        };
        let command = &text[..space];
        let arg_start = before.rfind(' ').map_or(before.len(), |i| i + 1);
        let word = &before[arg_start..];
        let options: Vec<String> = match command {
            ":help" => registry()
                .entries()
                .flat_map(|e| {
                    let mut v = vec![e.topic.to_string()];
                    if e.kind == Kind::Meta {
                        v.push(e.topic.trim_start_matches(':').to_string());
                    }
                    v
                })
                .collect(),
            ":show" => crate::session::sockets::all_names(&self.interp),
            ":events" => vec!["on".into(), "off".into()],
            ":trace" if text[space..].trim_start().starts_with("save ") => {
                let pos = before.len();
                let history = rustyline::history::DefaultHistory::new();
                let ctx = Context::new(&history);
                return match self.files.complete(before, pos, &ctx) {
                    Ok((s, pairs)) => (s, pairs.into_iter().map(|p| p.replacement).collect()),
                    Err(_) => (pos, Vec::new()),
                };
            }
            ":trace" => vec!["on".into(), "off".into(), "save".into()],
            ":flow" => crate::session::sockets::all_names(&self.interp),
            ":serve" if text[space..].trim().contains(' ') => Vec::new(),
            ":serve" => labs::catalogue()
                .iter()
                .flat_map(|c| {
                    let mut v = vec![c.name.to_string()];
                    if c.transports.len() > 1 {
                        v.push(format!("{}/udp", c.name));
                    }
                    v
                })
                .collect(),
            ":stop" => {
                let mut v: Vec<String> = self
                    .services
                    .lock()
                    .list()
                    .iter()
                    .map(|r| r.service.name())
                    .collect();
                v.push("all".into());
                v
            }
            ":save" => {
                let line = before;
                let pos = before.len();
                let history = rustyline::history::DefaultHistory::new();
                let ctx = Context::new(&history);
                return match self.files.complete(line, pos, &ctx) {
                    Ok((s, pairs)) => (s, pairs.into_iter().map(|p| p.replacement).collect()),
                    Err(_) => (pos, Vec::new()),
                };
            }
            ":hex" => {
                return self.completions_python_word(before, arg_start);
            }
            _ => Vec::new(),
        };
        (arg_start, prefixed(options.into_iter(), word))
    }

    fn completions_python_word(&self, before: &str, _from: usize) -> (usize, Vec<String>) {
        let start = word_start(before);
        let word = &before[start..];
        if let Some((base, attr)) = word.rsplit_once('.') {
            let names = self.attributes_of(base, &before[..start]);
            return (start + base.len() + 1, prefixed(names.into_iter(), attr));
        }
        let names = self
            .interp
            .main
            .items()
            .into_iter()
            .map(|(k, _)| k.to_string());
        (start, prefixed(names, word))
    }

    /// Members of a module: the real module if it was imported, and the registry's.
    fn module_members(&self, module: &str) -> Vec<String> {
        let mut out: Vec<String> = registry()
            .members(module)
            .map(|e| e.short_name().to_string())
            .collect();
        if let Some(Value::Module(m)) = self.interp.modules.lock().get(module) {
            out.extend(
                m.globals
                    .items()
                    .into_iter()
                    .filter(|(k, _)| !k.starts_with('_'))
                    .map(|(k, _)| k.to_string()),
            );
        }
        out.sort();
        out.dedup();
        out
    }

    /// Attribute names after `base.`, for a chain of names (`s`, `server.socket`) or a
    /// literal (`"text"`, `b"data"`).
    fn attributes_of(&self, base: &str, before_word: &str) -> Vec<String> {
        let literal = before_word.trim_end();
        if base.is_empty() {
            if literal.ends_with(['"', '\'']) {
                let is_bytes = literal_is_bytes(literal);
                let v = if is_bytes {
                    Value::bytes(b"")
                } else {
                    Value::str("")
                };
                return self.names_of_value(&v);
            }
            return Vec::new();
        }
        if let Some(v) = self.resolve(base) {
            return self.names_of_value(&v);
        }
        // A module not imported yet (or not in this build): what the registry knows.
        let topic = base.to_string();
        registry()
            .members(&topic)
            .map(|e| with_paren(e.short_name(), e.kind.callable()))
            .collect()
    }

    fn names_of_value(&self, v: &Value) -> Vec<String> {
        let topic = type_topic(v);
        let mut out: Vec<String> = Vec::new();
        for name in crate::builtins::attribute_names(v) {
            if name.starts_with("__") {
                continue;
            }
            let is_callable = match registry().get(&format!("{topic}.{name}")) {
                Some(e) => e.kind.callable(),
                None => match safe_attr(v, &name) {
                    Some(a) => callable(&a),
                    // Methods of built-in values and natives are listed by name only.
                    None => !matches!(v, Value::Module(_) | Value::Instance(_)),
                },
            };
            out.push(with_paren(&name, is_callable));
        }
        out.extend(
            registry()
                .members(&topic)
                .map(|e| with_paren(e.short_name(), e.kind.callable())),
        );
        out
    }

    /// A value for a dotted chain of names, without running any code.
    pub fn resolve(&self, chain: &str) -> Option<Value> {
        let mut parts = chain.split('.');
        let first = parts.next()?;
        if !is_identifier(first) {
            return None;
        }
        let mut v = self
            .interp
            .main
            .get(first)
            .or_else(|| self.interp.builtins.get(first).cloned())?;
        for p in parts {
            v = safe_attr(&v, p)?;
        }
        Some(v)
    }

    /// The registry topic of a callee chain (`s.bind` → `socket.socket.bind`).
    pub fn topic_of_call(&self, chain: &str) -> Option<&'static crate::help::Entry> {
        let reg = registry();
        if let Some(v) = self.resolve(chain) {
            let topic = match &v {
                Value::Class(c) => Some(c.display_name()),
                Value::Builtin(b) => match &b.self_ {
                    Some(s) => Some(format!("{}.{}", type_topic(s), b.name)),
                    None => Some(
                        chain
                            .rsplit_once('.')
                            .and_then(|(base, _)| self.resolve(base))
                            .map(|m| format!("{}.{}", type_topic(&m), b.name))
                            .unwrap_or_else(|| b.name.to_string()),
                    ),
                },
                _ => None,
            };
            if let Some(e) = topic.and_then(|t| reg.get(&t)) {
                return Some(e);
            }
        }
        if let Some(e) = reg.get(chain) {
            return Some(e);
        }
        let (base, name) = chain.rsplit_once('.')?;
        let base = self.resolve(base)?;
        reg.get(&format!("{}.{name}", type_topic(&base)))
    }

    /// Parameter names of a callee: the registry's, or a Python function's own.
    fn params_of(&self, chain: &str) -> Vec<String> {
        if let Some(Value::Func(f)) = &self.resolve(chain) {
            return f
                .def
                .params
                .positional
                .iter()
                .chain(f.def.params.kwonly.iter())
                .map(|p| p.name.name.to_string())
                .collect();
        }
        self.topic_of_call(chain)
            .map(|e| e.params())
            .unwrap_or_default()
    }

    /// The inline hint for `line` with the cursor at its end.
    pub fn hint_for(&self, line: &str) -> Option<String> {
        let trimmed = line.trim_start();
        if trimmed.starts_with(':') && self.pending.borrow().is_empty() {
            let (command, rest) = trimmed.split_once(' ')?;
            if !rest.is_empty() {
                return None;
            }
            let e = registry().get(command)?;
            let args = e.signature.strip_prefix(command)?.trim();
            return (!args.is_empty()).then(|| args.to_string());
        }
        let (callee, args) = call_context(line)?;
        if !args.trim().is_empty() {
            return None;
        }
        if let Some(Value::Func(f)) = &self.resolve(&callee) {
            let names: Vec<String> = f
                .def
                .params
                .positional
                .iter()
                .map(|p| p.name.name.to_string())
                .collect();
            return (!names.is_empty()).then(|| names.join(", "));
        }
        self.topic_of_call(&callee)?.call_hint()
    }
}

fn literal_is_bytes(text: &str) -> bool {
    // The quote that ends the literal, then its opening quote and prefix.
    let Some(q) = text.chars().last() else {
        return false;
    };
    let body = &text[..text.len() - 1];
    let Some(open) = body.rfind(q) else {
        return false;
    };
    let prefix: String = body[..open]
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    prefix.to_ascii_lowercase().contains('b')
}

fn is_identifier(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with(|c: char| c.is_ascii_digit())
        && s.chars().all(|c| c.is_alphanumeric() || c == '_')
}

/// An attribute found without running code: module globals, instance and class dicts.
fn safe_attr(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Module(m) => m.globals.get(name),
        Value::Instance(i) => i
            .dict
            .lock()
            .get(name)
            .cloned()
            .or_else(|| i.class.lookup(name)),
        Value::Class(c) => c.lookup(name),
        _ => None,
    }
}

fn callable(v: &Value) -> bool {
    matches!(
        v,
        Value::Func(_) | Value::Builtin(_) | Value::Class(_) | Value::BoundMethod(_)
    )
}

fn with_paren(name: &str, callable: bool) -> String {
    if callable {
        format!("{name}(")
    } else {
        name.to_string()
    }
}

fn prefixed(names: impl Iterator<Item = String>, word: &str) -> Vec<String> {
    let mut v: Vec<String> = names
        .filter(|n| n.starts_with(word))
        .filter(|n| word.starts_with('_') || !n.starts_with('_'))
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Where the identifier chain (`s.bi`, `socket.AF_`) before the cursor starts.
fn word_start(before: &str) -> usize {
    before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '_' || *c == '.')
        .last()
        .map_or(before.len(), |(i, _)| i)
}

/// The innermost call still open before the cursor: its callee chain and the argument
/// text typed so far. Strings are skipped, so a `(` inside quotes does not count.
pub fn call_context(before: &str) -> Option<(String, String)> {
    let mut opens: Vec<(usize, char)> = Vec::new();
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in before.char_indices() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => quote = Some(c),
            '#' => break,
            '(' | '[' | '{' => opens.push((i, c)),
            ')' | ']' | '}' => {
                opens.pop();
            }
            _ => {}
        }
    }
    let &(at, kind) = opens.last()?;
    if kind != '(' {
        return None;
    }
    let head = before[..at].trim_end();
    let start = word_start(head);
    let callee = &head[start..];
    if callee.is_empty() || callee.ends_with('.') || KEYWORDS.contains(&callee) {
        return None;
    }
    Some((callee.to_string(), before[at + 1..].to_string()))
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let (start, names) = self.completions(line, pos);
        Ok((
            start,
            names
                .into_iter()
                .map(|n| Pair {
                    display: n.clone(),
                    replacement: n,
                })
                .collect(),
        ))
    }
}

impl Hinter for ReplHelper {
    type Hint = SignatureHint;

    fn hint(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> Option<SignatureHint> {
        if pos != line.len() {
            return None;
        }
        self.hint_for(line).map(SignatureHint)
    }
}

impl Highlighter for ReplHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if !self.palette.color {
            return Cow::Borrowed(line);
        }
        Cow::Owned(highlight_python(line, self.palette))
    }

    fn highlight_prompt<'b, 's: 'b, 'p: 'b>(
        &'s self,
        prompt: &'p str,
        _default: bool,
    ) -> Cow<'b, str> {
        Cow::Owned(self.palette.paint(prompt, Style::Prompt))
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        Cow::Owned(self.palette.paint(hint, Style::Signature))
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        self.palette.color
    }
}

impl Validator for ReplHelper {
    /// Lines are read one at a time (the loop shows `... ` for the next one); only a
    /// pasted block arrives as several lines at once, and it stays open for editing
    /// until the parser says it is complete.
    fn validate(&self, ctx: &mut ValidationContext) -> rustyline::Result<ValidationResult> {
        let input = ctx.input();
        if input.contains('\n') && !input.trim_start().starts_with(':') {
            let pending = self.pending.borrow();
            let whole = if pending.is_empty() {
                input.to_string()
            } else {
                format!("{pending}\n{input}")
            };
            if crate::syntax::is_incomplete(&whole) {
                return Ok(ValidationResult::Incomplete);
            }
        }
        Ok(ValidationResult::Valid(None))
    }
}

/// Colour one line of Python: keywords, strings, numbers, comments; a meta-command's
/// name. Only escape codes are added, so the display width stays the line's own.
pub fn highlight_python(line: &str, palette: Palette) -> String {
    let trimmed = line.trim_start();
    if trimmed.starts_with(':') {
        let lead = line.len() - trimmed.len();
        let end = trimmed.find(' ').map_or(line.len(), |i| lead + i);
        return format!(
            "{}{}{}",
            &line[..lead],
            palette.paint(&line[lead..end], Style::Meta),
            &line[end..]
        );
    }
    let mut out = String::with_capacity(line.len() * 2);
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut i = 0;
    let at = |k: usize| chars.get(k).map_or(line.len(), |&(b, _)| b);
    while i < chars.len() {
        let (b, c) = chars[i];
        if c == '#' {
            out.push_str(&palette.paint(&line[b..], Style::Comment));
            break;
        }
        if c == '"' || c == '\'' {
            let triple = line[b..].starts_with(&format!("{c}{c}{c}"));
            let qlen = if triple { 3 } else { 1 };
            let mut j = i + qlen;
            let mut escaped = false;
            while j < chars.len() {
                let d = chars[j].1;
                if escaped {
                    escaped = false;
                } else if d == '\\' {
                    escaped = true;
                } else if d == c && (!triple || line[at(j)..].starts_with(&format!("{c}{c}{c}"))) {
                    j += qlen;
                    break;
                }
                j += 1;
            }
            let end = at(j.min(chars.len()));
            out.push_str(&palette.paint(&line[b..end], Style::Str));
            i = j;
            continue;
        }
        if c.is_alphabetic() || c == '_' {
            let mut j = i;
            while j < chars.len() && (chars[j].1.is_alphanumeric() || chars[j].1 == '_') {
                j += 1;
            }
            let word = &line[b..at(j)];
            // A string prefix: b'...', rb"...", f'...'.
            let next = chars.get(j).map(|&(_, d)| d);
            if matches!(next, Some('"') | Some('\''))
                && word.len() <= 2
                && word.chars().all(|ch| "bBrRfFuU".contains(ch))
            {
                out.push_str(&palette.paint(word, Style::Str));
            } else if KEYWORDS.contains(&word) {
                out.push_str(&palette.paint(word, Style::Keyword));
            } else {
                out.push_str(word);
            }
            i = j;
            continue;
        }
        if c.is_ascii_digit() {
            let mut j = i;
            while j < chars.len()
                && (chars[j].1.is_ascii_alphanumeric() || chars[j].1 == '.' || chars[j].1 == '_')
            {
                j += 1;
            }
            out.push_str(&palette.paint(&line[b..at(j)], Style::Number));
            i = j;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn helper() -> (crate::session::Session, ReplHelper) {
        let s = crate::session::Session::new(Default::default()).expect("session");
        let h = ReplHelper::new(s.interp().clone(), Palette::PLAIN, s.services());
        (s, h)
    }

    fn complete(h: &ReplHelper, line: &str) -> Vec<String> {
        h.completions(line, line.len()).1
    }

    #[test]
    fn names_in_scope_and_builtins() {
        let (mut s, h) = helper();
        s.run("server_port = 40000\ndef serve_one(conn):\n    pass\n");
        let got = complete(&h, "ser");
        assert!(got.contains(&"server_port".to_string()), "{got:?}");
        assert!(got.contains(&"serve_one(".to_string()), "{got:?}");
        assert!(complete(&h, "pri").contains(&"print(".to_string()));
        assert!(complete(&h, "whi").contains(&"while".to_string()));
    }

    #[test]
    fn methods_of_strings_bytes_and_user_objects() {
        let (mut s, h) = helper();
        s.run("text = 'hi'\ndata = b'hi'\nclass Box:\n    def open_it(self):\n        pass\n\nb = Box()\nb.size = 3\n");
        assert!(complete(&h, "text.up").contains(&"upper(".to_string()));
        assert!(complete(&h, "data.dec").contains(&"decode(".to_string()));
        assert!(complete(&h, "'x'.enc").contains(&"encode(".to_string()));
        assert!(complete(&h, "b'x'.he").contains(&"hex(".to_string()));
        let got = complete(&h, "b.");
        assert!(
            got.contains(&"open_it(".to_string()) && got.contains(&"size".to_string()),
            "{got:?}"
        );
    }

    #[test]
    fn modules_after_import_and_members_after_from() {
        let (_s, h) = helper();
        assert_eq!(complete(&h, "import so"), ["socket", "socketserver"]);
        assert_eq!(complete(&h, "from ti"), ["time"]);
        assert!(complete(&h, "from socket import AF_").contains(&"AF_INET".to_string()));
        assert!(complete(&h, "from time import sl").contains(&"sleep".to_string()));
    }

    #[test]
    fn module_members_after_a_dot() {
        let (mut s, h) = helper();
        s.run("import time");
        assert!(complete(&h, "time.sl").contains(&"sleep(".to_string()));
        // Known from the registry even before the module is imported.
        assert!(complete(&h, "socket.SOCK_").contains(&"SOCK_STREAM".to_string()));
    }

    #[test]
    fn keyword_arguments_inside_a_call() {
        let (mut s, h) = helper();
        assert!(complete(&h, "print('a', se").contains(&"sep=".to_string()));
        s.run("def greet(name, greeting='hi'):\n    pass\n");
        assert!(complete(&h, "greet('x', gre").contains(&"greeting=".to_string()));
    }

    #[test]
    fn meta_commands_and_their_arguments() {
        let (_s, h) = helper();
        assert_eq!(complete(&h, ":so"), [":sockets"]);
        assert_eq!(complete(&h, ":events o"), ["off", "on"]);
        assert!(complete(&h, ":serve ec").contains(&"echo/udp".to_string()));
        assert_eq!(complete(&h, ":stop "), ["all"]);
        assert!(complete(&h, ":help socket.socket.re").contains(&"socket.socket.recv".to_string()));
    }

    #[test]
    fn hints_show_the_signature_after_the_open_paren() {
        let (mut s, h) = helper();
        assert_eq!(
            h.hint_for("socket.socket(").as_deref(),
            Some("family=AF_INET, type=SOCK_STREAM")
        );
        assert_eq!(h.hint_for("time.sleep(").as_deref(), Some("secs: float"));
        assert_eq!(
            h.hint_for("print(").as_deref(),
            Some("*objects, sep=' ', end='\\n'")
        );
        assert_eq!(h.hint_for("print('x'"), None);
        s.run("def handle(conn, addr):\n    pass\n");
        assert_eq!(h.hint_for("handle(").as_deref(), Some("conn, addr"));
        assert_eq!(h.hint_for(":serve ").as_deref(), Some("[KIND [PORT]]"));
        assert_eq!(h.hint_for("'a(b' + x"), None);
    }

    #[test]
    fn tab_before_only_blanks_indents_to_the_next_four_columns() {
        let (_s, h) = helper();
        assert_eq!(h.completions("", 0), (0, vec!["    ".to_string()]));
        assert_eq!(h.completions("  ", 2), (2, vec!["  ".to_string()]));
        assert_eq!(h.completions("    ", 4), (4, vec!["    ".to_string()]));
        // The cursor at the start of a typed line indents it too.
        assert_eq!(h.completions("pass", 0), (0, vec!["    ".to_string()]));
        assert!(complete(&h, "    pri").contains(&"print(".to_string()));
    }

    #[test]
    fn the_signature_is_shown_but_never_typed() {
        use rustyline::hint::Hint;
        let (_s, h) = helper();
        let history = rustyline::history::DefaultHistory::new();
        let ctx = Context::new(&history);
        let hint = h.hint("time.sleep(", 11, &ctx).expect("a hint");
        assert_eq!(hint.display(), "secs: float");
        assert_eq!(hint.completion(), None);
    }

    #[test]
    fn call_context_skips_strings_and_closed_calls() {
        assert_eq!(call_context("s.bind(("), None);
        assert_eq!(
            call_context("s.bind(").map(|c| c.0).as_deref(),
            Some("s.bind")
        );
        assert_eq!(
            call_context("f(')') + g(1, "),
            Some(("g".into(), "1, ".into()))
        );
        assert_eq!(call_context("if (x"), None);
    }

    #[test]
    fn highlighting_adds_only_escapes() {
        let p = Palette { color: true };
        colored::control::set_override(true);
        let line = "s.send(b'Hi') # send 3 bytes";
        let h = highlight_python(line, p);
        let stripped = strip_ansi(&h);
        assert_eq!(stripped, line);
        assert!(h.contains("\x1b["));
        assert_eq!(highlight_python(line, Palette::PLAIN), line);
        for odd in [
            "'unterminated",
            "\"\"\"tri",
            "x = 1.5e3",
            ":show s",
            "f'{x}'",
            "é = 'ü'",
        ] {
            assert_eq!(strip_ansi(&highlight_python(odd, p)), odd);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// Whatever is typed, with the cursor anywhere, nothing the editor asks panics.
        #[test]
        fn no_line_makes_the_helper_panic(line in "\\PC{0,40}", cut in 0usize..60) {
            let h = helper_for_props();
            let pos = line.char_indices().map(|(i, _)| i).chain([line.len()]).nth(cut % (line.chars().count() + 1)).unwrap_or(0);
            let _ = h.completions(&line, pos);
            let _ = h.hint_for(&line);
            let _ = highlight_python(&line, Palette { color: true });
            let _ = crate::syntax::is_incomplete(&line);
            let _ = call_context(&line);
        }
    }

    fn helper_for_props() -> ReplHelper {
        ReplHelper::new(
            Interp::new(vec![String::new()]),
            Palette::PLAIN,
            Arc::new(Mutex::new(labs::Services::new())),
        )
    }

    fn strip_ansi(s: &str) -> String {
        let mut out = String::new();
        let mut it = s.chars();
        while let Some(c) = it.next() {
            if c == '\x1b' {
                for d in it.by_ref() {
                    if d == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }
}
