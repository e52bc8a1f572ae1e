//! The one registry of everything socklab can explain: functions, methods, constants,
//! meta-commands and the lecture's concepts. `:help TOPIC` shows an entry, Tab completion
//! offers its names and keyword arguments, and the inline hint shows its signature while
//! a call is typed (`s.bind(` → `address: (host, port)`). One source, so the three never
//! disagree.
//!
//! The entries are text (`help.txt`), easy to write and review:
//!
//! ```text
//! == socket.socket.bind | method | bind(address)
//! > address: (host, port)
//! Give the socket its local address ...
//! ```
//!
//! `== TOPIC | KIND | SIGNATURE` starts an entry; a `> ` line is the inline hint (without
//! it, the signature's parameters are shown); the rest is the help text.

use crate::interp::{types, Value};
use crate::view::{Palette, Style};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const SOURCE: &str = include_str!("help.txt");

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Meta,
    Concept,
    Module,
    Function,
    Class,
    Method,
    Attribute,
    Constant,
    Exception,
}

impl Kind {
    fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "meta" => Kind::Meta,
            "concept" => Kind::Concept,
            "module" => Kind::Module,
            "function" => Kind::Function,
            "class" => Kind::Class,
            "method" => Kind::Method,
            "attribute" => Kind::Attribute,
            "constant" => Kind::Constant,
            "exception" => Kind::Exception,
            _ => return None,
        })
    }

    pub fn word(self) -> &'static str {
        match self {
            Kind::Meta => "meta-command",
            Kind::Concept => "concept",
            Kind::Module => "module",
            Kind::Function => "function",
            Kind::Class => "class",
            Kind::Method => "method",
            Kind::Attribute => "attribute",
            Kind::Constant => "constant",
            Kind::Exception => "exception",
        }
    }

    /// The word for several of them: "classes", "functions".
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Meta => "meta-commands",
            Kind::Concept => "concepts",
            Kind::Module => "modules",
            Kind::Function => "functions",
            Kind::Class => "classes",
            Kind::Method => "methods",
            Kind::Attribute => "attributes",
            Kind::Constant => "constants",
            Kind::Exception => "exceptions",
        }
    }

    /// Whether completing it should add `(`.
    pub fn callable(self) -> bool {
        matches!(self, Kind::Function | Kind::Class | Kind::Method)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// `socket.socket.bind`, `print`, `:sockets`, `tcp`.
    pub topic: &'static str,
    pub kind: Kind,
    /// `bind(address)`; empty for constants and concepts.
    pub signature: &'static str,
    /// What the inline hint shows after `(`.
    pub hint: Option<&'static str>,
    pub body: String,
}

impl Entry {
    /// The last part of the topic: `bind` for `socket.socket.bind`.
    pub fn short_name(&self) -> &'static str {
        if self.kind == Kind::Meta {
            return self.topic;
        }
        self.topic.rsplit('.').next().unwrap_or(self.topic)
    }

    /// The parameter names of the signature (for keyword-argument completion).
    pub fn params(&self) -> Vec<String> {
        let Some(open) = self.signature.find('(') else {
            return Vec::new();
        };
        let inner = self.signature[open + 1..].trim_end_matches(')');
        inner
            .split(',')
            .map(|p| {
                p.trim()
                    .trim_start_matches(['[', '*'])
                    .split(['=', ']', ':'])
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_string()
            })
            .filter(|p| !p.is_empty() && p.chars().all(|c| c.is_alphanumeric() || c == '_'))
            .collect()
    }

    /// The inline hint shown right after `name(`.
    pub fn call_hint(&self) -> Option<String> {
        if let Some(h) = self.hint {
            return Some(h.to_string());
        }
        let open = self.signature.find('(')?;
        let inner = self.signature[open + 1..].strip_suffix(')')?;
        (!inner.is_empty()).then(|| inner.to_string())
    }
}

pub struct Registry {
    entries: BTreeMap<&'static str, Entry>,
}

/// What `:help WORD` found.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup<'a> {
    One(&'a Entry),
    /// Several topics end in this word (`close`: a socket's, a file's ...).
    Several(Vec<&'a Entry>),
    NotFound {
        suggestion: Option<&'static str>,
    },
}

/// The registry, parsed once.
pub fn registry() -> &'static Registry {
    static REG: OnceLock<Registry> = OnceLock::new();
    REG.get_or_init(|| {
        parse(SOURCE).unwrap_or_else(|_| Registry {
            entries: BTreeMap::new(),
        })
    })
}

/// Parse the registry's text; an error names the line (tested, so it never happens at
/// run time).
pub fn parse(text: &'static str) -> Result<Registry, String> {
    let mut entries = BTreeMap::new();
    let mut current: Option<Entry> = None;
    for (n, line) in text.lines().enumerate() {
        if let Some(head) = line.strip_prefix("== ") {
            if let Some(e) = current.take() {
                entries.insert(e.topic, finish(e));
            }
            let mut parts = head.splitn(3, '|').map(str::trim);
            let topic = parts.next().filter(|t| !t.is_empty());
            let kind = parts.next().and_then(Kind::parse);
            let (Some(topic), Some(kind)) = (topic, kind) else {
                return Err(format!(
                    "help.txt:{}: expected `== topic | kind | signature`",
                    n + 1
                ));
            };
            if entries.contains_key(topic) {
                return Err(format!("help.txt:{}: {topic} is defined twice", n + 1));
            }
            current = Some(Entry {
                topic,
                kind,
                signature: parts.next().unwrap_or(""),
                hint: None,
                body: String::new(),
            });
        } else if let Some(e) = current.as_mut() {
            match line.strip_prefix("> ") {
                Some(h) if e.body.is_empty() && e.hint.is_none() => e.hint = Some(h.trim()),
                _ => {
                    e.body.push_str(line);
                    e.body.push('\n');
                }
            }
        } else if !line.trim().is_empty() && !line.starts_with("//") {
            return Err(format!("help.txt:{}: text before the first entry", n + 1));
        }
    }
    if let Some(e) = current.take() {
        entries.insert(e.topic, finish(e));
    }
    Ok(Registry { entries })
}

fn finish(mut e: Entry) -> Entry {
    e.body = e.body.trim().to_string();
    e
}

impl Registry {
    pub fn get(&self, topic: &str) -> Option<&Entry> {
        self.entries.get(topic)
    }

    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.values()
    }

    /// Direct members of `parent` (`socket` → `socket.AF_INET`, `socket.socket` ...).
    pub fn members<'a>(&'a self, parent: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.entries.values().filter(move |e| {
            e.topic
                .strip_prefix(parent)
                .and_then(|rest| rest.strip_prefix('.'))
                .is_some_and(|rest| !rest.contains('.'))
        })
    }

    /// `:help WORD`: the topic itself, or every topic whose last part it is.
    pub fn lookup(&self, word: &str) -> Lookup<'_> {
        let word = word.trim().trim_end_matches("()");
        if let Some(e) = self.get(word) {
            return Lookup::One(e);
        }
        if let Some(e) = self.get(&format!(":{word}")) {
            return Lookup::One(e);
        }
        let lower = word.to_lowercase();
        if let Some(e) = self
            .entries
            .values()
            .find(|e| e.topic.to_lowercase() == lower)
        {
            return Lookup::One(e);
        }
        let by_name: Vec<&Entry> = self
            .entries
            .values()
            .filter(|e| e.short_name() == word || e.topic.ends_with(&format!(".{word}")))
            .collect();
        match by_name.len() {
            0 => {}
            1 => return Lookup::One(by_name[0]),
            _ => return Lookup::Several(by_name),
        }
        let names: Vec<crate::interp::Name> = self
            .entries
            .keys()
            .map(|k| crate::interp::Name::from(*k))
            .chain(
                self.entries
                    .values()
                    .map(|e| crate::interp::Name::from(e.short_name())),
            )
            .collect();
        let suggestion = crate::interp::suggest::best_match(word, &names).and_then(|n| {
            self.entries
                .values()
                .find(|e| e.topic == &*n || e.short_name() == &*n)
                .map(|e| e.topic)
        });
        Lookup::NotFound { suggestion }
    }

    /// The module whose member `name` is, if exactly one module has it (for a NameError
    /// after `import socket`: `AF_INET` is `socket.AF_INET`).
    pub fn module_of(&self, name: &str) -> Option<String> {
        let mut found = self.entries.values().filter(|e| {
            e.kind != Kind::Method
                && e.topic.split('.').count() == 2
                && e.topic.ends_with(&format!(".{name}"))
        });
        let first = found.next()?;
        if found.next().is_some() {
            return None;
        }
        first.topic.split('.').next().map(str::to_string)
    }
}

/// See [`Registry::module_of`].
pub fn module_of_member(name: &str) -> Option<String> {
    registry().module_of(name)
}

/// One entry as `:help` shows it.
pub fn render(e: &Entry, palette: Palette) -> String {
    let mut out = String::new();
    let title = if e.signature.is_empty() {
        e.topic.to_string()
    } else if e.kind == Kind::Meta {
        e.signature.to_string()
    } else {
        let parent = e.topic.rsplit_once('.').map(|(p, _)| p);
        match parent {
            Some(p) => format!("{p}.{}", e.signature),
            None => e.signature.to_string(),
        }
    };
    out.push_str(&palette.paint(&title, Style::Heading));
    out.push_str(&palette.paint(&format!("  ({})", e.kind.word()), Style::Dim));
    out.push('\n');
    for line in e.body.lines() {
        out.push_str("  ");
        out.push_str(line);
        out.push('\n');
    }
    let children: Vec<&Entry> = registry().members(e.topic).collect();
    if !children.is_empty() && matches!(e.kind, Kind::Module | Kind::Class) {
        let mut by_kind: BTreeMap<Kind, Vec<&str>> = BTreeMap::new();
        for c in &children {
            by_kind.entry(c.kind).or_default().push(c.short_name());
        }
        for (kind, names) in by_kind {
            out.push_str(&word_list(&format!("  {}: ", kind.plural()), &names));
        }
    }
    crate::view::wrap::wrap(&out, HELP_WIDTH)
}

/// Widest help line: the pages fit an 80-column terminal.
pub const HELP_WIDTH: usize = 80;

/// `lead` then `words`, wrapped at [`HELP_WIDTH`] with each continuation under the first
/// word (`  functions: create_connection ...`).
fn word_list(lead: &str, words: &[&str]) -> String {
    let indent = " ".repeat(lead.chars().count());
    let mut out = String::new();
    let mut line = lead.to_string();
    let mut empty = true;
    for w in words {
        if !empty && line.chars().count() + 1 + w.chars().count() > HELP_WIDTH {
            out.push_str(line.trim_end());
            out.push('\n');
            line = indent.clone();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(w);
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
    out
}

/// `:help ARG`: the overview, one entry, the choice between several, or a suggestion.
pub fn help_text(arg: &str, p: Palette) -> String {
    if arg.is_empty() {
        return overview(p);
    }
    match registry().lookup(arg) {
        Lookup::One(e) => render(e, p),
        Lookup::Several(entries) => {
            let mut out = format!("{arg} is several things; choose one:\n");
            for e in entries {
                out.push_str(&format!("  :help {}  ({})\n", e.topic, e.kind.word()));
            }
            out
        }
        Lookup::NotFound { .. } if library_method(arg) => unwritten_method(arg),
        Lookup::NotFound { suggestion } => {
            let mut out = format!("no help on {arg:?}");
            if let Some(s) = suggestion {
                out.push_str(&format!("; did you mean {s}? (:help {s})"));
            }
            out.push_str("\n:help alone shows what there is\n");
            out
        }
    }
}

/// The type's registry prefix: `socket.socket`, `str`, or a module's name.
pub fn type_topic(v: &Value) -> String {
    match v {
        Value::Module(m) => m.name.to_string(),
        Value::Class(c) => c.display_name(),
        _ => types::type_of(v).display_name(),
    }
}

/// Python's `help()` and `help(obj)`, answered from this registry (socklab has no
/// pydoc): `help()` is the `:help` overview, `help(s.bind)` the page on
/// `socket.socket.bind`, `help('recv')` as `:help recv`.
pub fn help_for_value(v: Option<&Value>) -> String {
    let Some(v) = v else {
        return format!(
            "{}\nhelp(object) shows the help on one thing (help(socket), help(s.recv));\n\
             :help TOPIC does the same at the prompt.\n",
            overview(Palette::PLAIN)
        );
    };
    let topic = match v {
        Value::Str(s) => return help_text(s, Palette::PLAIN),
        Value::Builtin(b) => match &b.self_ {
            Some(this) => format!("{}.{}", type_topic(this), b.name),
            None => b.name.to_string(),
        },
        Value::BoundMethod(bm) => match &bm.1 {
            Value::Builtin(b) => format!("{}.{}", type_topic(&bm.0), b.name),
            Value::Func(f) => return function_help(&f.def.name, &f.def.params),
            _ => type_topic(&bm.0),
        },
        Value::Func(f) => return function_help(&f.def.name, &f.def.params),
        other => type_topic(other),
    };
    let reg = registry();
    if let Some(e) = reg.get(&topic) {
        return render(e, Palette::PLAIN);
    }
    let short = topic.rsplit('.').next().unwrap_or(&topic);
    match reg.lookup(short) {
        Lookup::One(e) => render(e, Palette::PLAIN),
        _ if library_method(&topic) => unwritten_method(&topic),
        _ => format!(
            "socklab's help covers the lecture's modules and has no page on {topic}; \
             :help shows what there is\n"
        ),
    }
}

/// Whether `topic` is `type.name` of a built-in type's method or function, as its one
/// table (the one dispatch and `dir()` read) has it, though no page is written for it.
fn library_method(topic: &str) -> bool {
    let Some((owner, name)) = topic.split_once('.') else {
        return false;
    };
    let class = types::class(owner);
    &*class.name == owner
        && (crate::builtins::library().methods.type_attr_names)(&class).contains(&name)
}

/// What help says of a method the lecture does not use: that it is there, as CPython's.
fn unwritten_method(topic: &str) -> String {
    let owner = topic.split('.').next().unwrap_or(topic);
    format!(
        "{topic}() is a method of {owner} and works as CPython's; socklab's help has no page \
         on it (the lecture does not use it). dir({owner}) lists all of them.\n"
    )
}

/// A function of the session: its name and parameters, as pydoc's first line.
fn function_help(name: &str, params: &crate::syntax::ast::Params) -> String {
    let names: Vec<String> = params
        .positional
        .iter()
        .map(|p| p.name.name.to_string())
        .collect();
    format!(
        "Help on function {name} in module __main__:\n\n{name}({})\n",
        names.join(", ")
    )
}

/// `:help` with no topic: what a first-time student needs to start.
pub fn overview(palette: Palette) -> String {
    let reg = registry();
    let h = |s: &str| palette.paint(s, Style::Heading);
    let mut out = String::new();
    out.push_str(&h("socklab: type Python, watch real sockets respond"));
    out.push_str(
        "\n\nType the lecture's Python at the >>> prompt, one line at a time, as in\n\
         Python's own REPL. A line that opens a block (if, for, while, def, with ...)\n\
         or leaves a bracket open continues at ... (Tab indents); an empty line ends\n\
         the block. Values are echoed; after each call that changes a socket, one line\n\
         says what happened to it.\n\n\
         A first server and client, in one session:\n\n\
         \x20   >>> from socket import *\n\
         \x20   >>> s = socket(AF_INET, SOCK_STREAM)\n\
         \x20   >>> s.bind(('127.0.0.1', 0))\n\
         \x20   >>> s.listen()\n\
         \x20   >>> c = socket(AF_INET, SOCK_STREAM)\n\
         \x20   >>> c.connect(s.getsockname())\n\
         \x20   >>> conn, addr = s.accept()\n\
         \x20   >>> c.send(b'Hi!')\n\
         \x20   >>> conn.recv(1024)\n\n",
    );
    out.push_str(&h("Commands"));
    out.push_str(" (they start with a colon, so they never clash with Python)\n");
    let order = [
        ":help",
        ":sockets",
        ":show",
        ":events",
        ":hex",
        ":serve",
        ":stop",
        ":services",
        ":netstat",
        ":trace",
        ":packet",
        ":flow",
        ":save",
        ":reset",
        ":quit",
    ];
    let mut metas: Vec<&Entry> = reg.entries().filter(|e| e.kind == Kind::Meta).collect();
    metas.sort_by_key(|e| {
        order
            .iter()
            .position(|o| *o == e.topic)
            .unwrap_or(order.len())
    });
    let width = metas.iter().map(|e| e.signature.len()).max().unwrap_or(0);
    for e in metas {
        let first = e
            .hint
            .unwrap_or_else(|| e.body.lines().next().unwrap_or(""));
        out.push_str(&format!(
            "  {}  {first}\n",
            palette.paint(&format!("{:<width$}", e.signature), Style::Meta)
        ));
    }
    out.push('\n');
    out.push_str(&h("Keys"));
    out.push_str(
        "\n  Tab       complete a name, a method after a dot, a module after import\n\
         \x20 Up/Down   earlier lines (kept between sessions); Ctrl-R searches them\n\
         \x20 Ctrl-C    stop what is running (accept, recv, a loop) or clear the line\n\
         \x20 Ctrl-D    leave, on an empty line\n\n",
    );
    out.push_str(&h("More help"));
    let concepts: Vec<&str> = reg
        .entries()
        .filter(|e| e.kind == Kind::Concept)
        .map(|e| e.topic)
        .collect();
    out.push_str(&format!(
        "\n  :help socket          the socket module: functions and constants\n\
         \x20 :help socket.socket   a socket's methods (or :help bind, :help recv ...)\n\
         \x20 :help TOPIC           any function, method, constant or command\n\
         \x20 lecture concepts:     {}\n",
        concepts.join(" ")
    ));
    crate::view::wrap::wrap(&out, HELP_WIDTH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_method_without_a_page_is_named_from_the_type_table() {
        let text = help_text("bytes.title", Palette::PLAIN);
        assert!(
            text.starts_with("bytes.title() is a method of bytes"),
            "{text}"
        );
        let text = help_text("bytes.nosuch", Palette::PLAIN);
        assert!(text.starts_with("no help on"), "{text}");
        let text = help_text("str.upper", Palette::PLAIN);
        assert!(!text.contains("has no page"), "{text}");
    }

    #[test]
    fn the_registry_parses() {
        let reg = parse(SOURCE).expect("help.txt parses");
        assert!(reg.entries.len() > 150, "{} entries", reg.entries.len());
        for e in reg.entries() {
            assert!(!e.body.is_empty(), "{} has no text", e.topic);
        }
    }

    #[test]
    fn every_meta_command_and_concept_the_issue_names_is_there() {
        let reg = registry();
        for t in [
            ":help",
            ":sockets",
            ":show",
            ":hex",
            ":events",
            ":services",
            ":netstat",
            ":serve",
            ":stop",
            ":save",
            ":reset",
            ":quit",
            "tcp",
            "udp",
            "port",
        ] {
            assert!(reg.get(t).is_some(), "{t} missing");
        }
    }

    #[test]
    fn every_socket_method_of_the_lecture_has_help() {
        let methods = "bind listen accept connect connect_ex send sendall sendto recv recvfrom \
                       close shutdown setsockopt getsockopt settimeout gettimeout setblocking \
                       getblocking getsockname getpeername fileno makefile";
        for m in methods.split_whitespace() {
            let t = format!("socket.socket.{m}");
            assert!(registry().get(&t).is_some(), "{t} missing");
        }
    }

    #[test]
    fn bind_hints_the_address_shape() {
        let e = registry().get("socket.socket.bind").expect("bind");
        assert_eq!(e.call_hint().as_deref(), Some("address: (host, port)"));
    }

    #[test]
    fn params_come_from_the_signature() {
        let e = registry().get("socket.socket").expect("socket");
        assert_eq!(e.params(), ["family", "type", "proto", "fileno"]);
    }

    #[test]
    fn lookup_by_short_name_and_suggestion() {
        let reg = registry();
        assert!(matches!(reg.lookup("bind"), Lookup::One(e) if e.topic == "socket.socket.bind"));
        assert!(matches!(reg.lookup("sockets"), Lookup::One(e) if e.topic == ":sockets"));
        assert!(matches!(reg.lookup("recieve"), Lookup::NotFound { .. }));
        assert!(matches!(
            reg.lookup("AF_INETT"),
            Lookup::NotFound {
                suggestion: Some("socket.AF_INET")
            }
        ));
    }

    #[test]
    fn module_of_member_finds_socket_constants() {
        assert_eq!(module_of_member("AF_INET").as_deref(), Some("socket"));
        assert_eq!(module_of_member("sleep").as_deref(), Some("time"));
        assert_eq!(module_of_member("no_such_thing"), None);
    }

    #[test]
    fn every_page_fits_80_columns() {
        let reg = registry();
        let mut pages = vec![overview(Palette::PLAIN)];
        pages.extend(reg.entries().map(|e| render(e, Palette::PLAIN)));
        for page in pages {
            for line in page.lines() {
                assert!(line.chars().count() <= HELP_WIDTH, "{line:?} in\n{page}");
            }
        }
    }

    #[test]
    fn help_of_values_finds_their_page() {
        assert!(help_for_value(None).starts_with("socklab: type Python"));
        assert!(help_for_value(Some(&Value::str("recv")))
            .starts_with("socket.socket.recv(bufsize[, flags])"));
        assert!(help_for_value(Some(&Value::str("nope"))).starts_with("no help on \"nope\""));
    }

    #[test]
    fn help_pages() {
        insta::assert_snapshot!("overview", overview(Palette::PLAIN));
        let reg = registry();
        for t in ["socket.socket.bind", ":serve", "tcp", "socket"] {
            let e = reg.get(t).expect("entry");
            insta::assert_snapshot!(t.replace(':', "meta-"), render(e, Palette::PLAIN));
        }
    }
}
