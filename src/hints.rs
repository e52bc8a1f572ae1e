//! Hints: one line after an error that explains it in the lecture's terms and says what
//! to do. Shown on a terminal or with `--explain`, never in piped output (which must be
//! byte for byte CPython's).
//!
//! A hint is worked out from [`Facts`]: the failing call as the student wrote it (read
//! where the traceback points, [`calls_at`]), and, in the REPL, the state of the socket
//! it was called on from the socket table (listening, never connected, closed, its
//! options), who holds a port, and which lab services run. A hint says only what these
//! facts support: with none (a `socklab run` program), it names both possibilities or
//! says nothing, rather than guess.

use crate::interp::Exc;
use crate::net::State;

/// What the caller could find out about an error beyond its class and message. The REPL
/// fills in what it knows (the address a failing call was given, who holds a port, the
/// name Python suggests); `socklab run` knows less, and the hints say less there.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    /// The address the failing call was given, as `host:port`.
    pub address: Option<String>,
    /// Who already holds that address: a session socket's names or another process.
    pub holder: Option<String>,
    /// The misspelt name of a NameError / AttributeError.
    pub wrong_name: Option<String>,
    /// CPython's "did you mean" for it.
    pub suggestion: Option<String>,
    /// For an AttributeError: what kind of object lacked the attribute (`socket`, `str`).
    pub object_kind: Option<String>,
    /// For a NameError: the module that has a member of this name (`socket` for
    /// `AF_INET` after `import socket`).
    pub module_with_name: Option<String>,
    /// In the REPL, where `:sockets` and `:serve` exist.
    pub interactive: bool,
    /// The calls on the failing line from where the traceback points, as written
    /// (`s.accept()[0].recv(10)`: `accept`, then `recv`).
    pub calls: Vec<Call>,
    /// The socket the failing call was made on, as the socket table knows it.
    pub socket: Option<SocketFacts>,
    /// When one of the student's own sockets holds the address: its name and state.
    pub own_holder: Option<(String, State)>,
    /// The lab services running now, by name and port.
    pub services: Vec<(String, u16)>,
    /// The host name the failing call was given, when it is not a number.
    pub host: Option<String>,
}

/// One call as the student wrote it: `srv.bind("127.0.0.1", 40000)`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Call {
    /// What the method was called on (`srv`), or `None` for a plain function call.
    pub receiver: Option<String>,
    pub name: String,
    /// The text between the parentheses.
    pub args: String,
}

/// What the socket table knows of the socket a call failed on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SocketFacts {
    /// The socket as the student wrote it (`s`, `conn`).
    pub name: String,
    pub state: State,
    pub stream: bool,
    pub reuseaddr: bool,
    pub broadcast: bool,
    /// Who it is connected to, if anyone.
    pub peer: Option<String>,
}

impl SocketFacts {
    /// Connected at some time: only such a socket ever had a peer that could close.
    fn had_peer(&self) -> bool {
        matches!(
            self.state,
            State::Connected | State::ShutRead | State::ShutWrite | State::ShutBoth
        )
    }
}

impl Facts {
    /// The last call on the failing line with one of these names.
    fn call(&self, names: &[&str]) -> Option<&Call> {
        self.calls
            .iter()
            .rev()
            .find(|c| names.contains(&c.name.as_str()))
    }

    /// The socket the call was made on, by the name the student used: from the socket
    /// table when it was found there, else as the failing call wrote it.
    fn socket_name(&self) -> &str {
        if let Some(s) = &self.socket {
            return &s.name;
        }
        self.calls
            .last()
            .and_then(|c| c.receiver.as_deref())
            .unwrap_or("the socket")
    }
}

/// The methods of bytes that take bytes: `data.split(" ")` is a TypeError.
const BYTES_METHODS: &[&str] = &[
    "split",
    "rsplit",
    "replace",
    "startswith",
    "endswith",
    "find",
    "rfind",
    "index",
    "rindex",
    "count",
    "strip",
    "lstrip",
    "rstrip",
    "join",
    "partition",
    "rpartition",
    "removeprefix",
    "removesuffix",
];

/// The calls in `text` from its start: a chain of names, attributes, calls and
/// subscripts (`s.accept()[0].recv(10)`), in the order they run.
pub fn calls_at(text: &str) -> Vec<Call> {
    let b = text.as_bytes();
    let mut calls = Vec::new();
    let mut i = 0;
    let ident = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && (b[*i].is_ascii_alphanumeric() || b[*i] == b'_' || b[*i] >= 0x80) {
            *i += 1;
        }
        start < *i
    };
    let skip_space = |i: &mut usize| {
        while *i < b.len() && b[*i] == b' ' {
            *i += 1;
        }
    };
    if !ident(&mut i) {
        return calls;
    }
    let mut name_start = 0;
    loop {
        skip_space(&mut i);
        match b.get(i) {
            Some(b'.') => {
                i += 1;
                skip_space(&mut i);
                name_start = i;
                if !ident(&mut i) {
                    break;
                }
            }
            Some(&open @ (b'(' | b'[')) => {
                let Some(close) = matching_bracket(text, i) else {
                    break;
                };
                if open == b'(' {
                    let receiver = text[..name_start]
                        .trim_end()
                        .strip_suffix('.')
                        .map(|r| r.trim_end().to_string());
                    calls.push(Call {
                        receiver,
                        name: text[name_start..i].trim().to_string(),
                        args: text[i + 1..close].to_string(),
                    });
                }
                i = close + 1;
                name_start = i;
            }
            _ => break,
        }
    }
    calls
}

/// The bracket closing the one at `open`, skipping strings.
fn matching_bracket(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (j, c) in text[open..].char_indices() {
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
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(open + j);
                }
            }
            _ => {}
        }
    }
    None
}

/// The first argument of a call's argument text (up to a comma at depth 0).
fn first_argument(args: &str) -> &str {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for (j, c) in args.char_indices() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => quote = Some(c),
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => return args[..j].trim(),
            _ => {}
        }
    }
    args.trim()
}

/// `'hi'` is a plain string literal (not bytes, not an f-string).
fn is_text_literal(arg: &str) -> bool {
    let body = arg.trim_start_matches(['u', 'U', 'r', 'R']);
    body.len() >= 2
        && (body.starts_with('\'') && body.ends_with('\'')
            || body.starts_with('"') && body.ends_with('"'))
        && !arg.starts_with(['b', 'B', 'f', 'F'])
}

/// The same literal as bytes: `'hi'` → `b'hi'`.
fn as_bytes_literal(arg: &str) -> String {
    format!("b{}", arg.trim_start_matches(['u', 'U']))
}

/// A lab service that stands for `port`: its default port, or the real one it replaces
/// (`13` → daytime).
fn service_for_port(port: u16) -> Option<crate::labs::Kind> {
    crate::labs::Kind::ALL
        .into_iter()
        .find(|k| k.default_port() == port || k.real_port() == Some(port))
}

/// A lab service that stands for an outside host of the lecture.
fn service_for_host(host: &str) -> Option<crate::labs::Kind> {
    use crate::labs::Kind;
    let h = host.to_ascii_lowercase();
    if h.contains("nist") || h.starts_with("time.") || h.contains("daytime") {
        Some(Kind::Daytime)
    } else if h.starts_with("www.") || h.contains("python.org") || h.contains("slu.edu") {
        Some(Kind::Http)
    } else {
        None
    }
}

fn is_local_host(host: &str) -> bool {
    let h = host.to_ascii_lowercase();
    h.is_empty()
        || h == "localhost"
        || h.ends_with(".localhost")
        || h.parse::<std::net::IpAddr>().is_ok()
        || h == "<broadcast>"
}

/// The hint for an exception, by its class and message.
pub fn for_exception(class: &str, message: &str, exc: Option<&Exc>) -> Option<String> {
    // The innermost frame holds the failing call, as the program wrote it.
    let calls = exc
        .and_then(|e| e.tb.first())
        .map(|t| calls_at(t.source.text.get(t.offset as usize..).unwrap_or("")))
        .unwrap_or_default();
    let facts = Facts {
        wrong_name: exc
            .and_then(|e| e.hint_name.as_ref())
            .map(|n| n.to_string()),
        calls,
        ..Facts::default()
    };
    explain(class, message, &facts)
}

/// The hint for an exception, using everything the caller found out about it.
pub fn explain(class: &str, message: &str, facts: &Facts) -> Option<String> {
    sockets(class, message, facts)
        .or_else(|| {
            // A program (not a REPL entry) in Python 2 is usually Python 2 throughout.
            python2(class, message, facts).map(|h| {
                if facts.interactive {
                    h
                } else {
                    format!("{h} (socklab py3 FILE rewrites the whole program)")
                }
            })
        })
        .or_else(|| general(class, message, facts))
}

/// The lecture's socket mistakes, told from the socket's own state where it is known.
fn sockets(class: &str, m: &str, facts: &Facts) -> Option<String> {
    let name = facts.socket_name();
    let state = facts.socket.as_ref().map(|s| s.state);
    Some(match class {
        "TypeError" if m.starts_with("a bytes-like object is required, not 'str'") => {
            return bytes_required(facts)
        }
        "TypeError" if m.ends_with("takes exactly one argument (2 given)") => {
            let call = facts.call(&["bind", "connect", "connect_ex"])?;
            let receiver = call.receiver.as_deref().unwrap_or("s");
            format!(
                "{}() takes one address, a (host, port) tuple: {receiver}.{}(({})) with two pairs of parentheses",
                call.name,
                call.name,
                call.args.trim()
            )
        }
        "TypeError" if m.contains("address must be tuple, not") => {
            let call = facts.call(&["bind", "connect", "connect_ex", "sendto"])?;
            let receiver = call.receiver.as_deref().unwrap_or("s");
            let host = if call.name == "sendto" {
                call.args.rsplit(',').next().unwrap_or("").trim().to_string()
            } else {
                first_argument(&call.args).to_string()
            };
            // `connect(('localhost'))`: parentheses alone do not make a tuple.
            let host = host.trim_start_matches('(').trim_end_matches(')').trim();
            let example = if is_text_literal(host) {
                format!("({host}, 40000)")
            } else {
                "('127.0.0.1', 40000)".into()
            };
            format!(
                "an address is a (host, port) tuple, such as {example}; {receiver}.{}() needs both",
                call.name
            )
        }
        "TypeError" if m.starts_with("sendto() takes 2 or 3 arguments") => {
            let call = facts.call(&["sendto"]);
            let receiver = call.and_then(|c| c.receiver.as_deref()).unwrap_or("s");
            let data = call.map_or("b'Hi'", |c| first_argument(&c.args));
            format!(
                "sendto() takes the data and the address it goes to: {receiver}.sendto({data}, ('127.0.0.1', 40000))"
            )
        }
        "OSError" if m.starts_with("[Errno 95]") && facts.call(&["listen", "accept"]).is_some() => {
            let call = facts.call(&["listen", "accept"]).map_or("listen", |c| c.name.as_str());
            format!(
                "{name} is a UDP (SOCK_DGRAM) socket: UDP has no connections to {call}(); receive its datagrams with data, addr = {name}.recvfrom(1024)"
            )
        }
        "TypeError" if m == "'module' object is not callable" => {
            let call = facts.call(&["socket"]).filter(|c| c.receiver.is_none())?;
            format!(
                "after import socket, the name socket is the module: write socket.socket({}), or from socket import * and then socket(...)",
                call.args.trim()
            )
        }
        "AttributeError" if m == "type object 'socket' has no attribute 'socket'" => {
            "after from socket import *, the name socket is the class itself: write socket(AF_INET, SOCK_STREAM) (or import socket and write socket.socket(...))".into()
        }
        "AttributeError" if m.starts_with("'tuple' object has no attribute") => {
            let wrong = facts.wrong_name.as_deref().unwrap_or("");
            let receiver = facts
                .calls
                .iter()
                .find(|c| c.name == wrong)
                .and_then(|c| c.receiver.clone())
                .unwrap_or_else(|| "conn".into());
            match wrong {
                "decode" | "upper" | "split" | "strip" => format!(
                    "recvfrom() returns a pair (data, address): write data, addr = s.recvfrom(1024), then data.{wrong}()"
                ),
                "send" | "sendall" | "recv" | "close" | "makefile" | "getpeername" | "settimeout"
                | "sendto" | "recvfrom" | "fileno" | "shutdown" => format!(
                    "accept() returns a pair (socket, address), not a socket: write conn, addr = s.accept(), then conn.{wrong}(...) (or {receiver}[0].{wrong}(...))"
                ),
                _ => return None,
            }
        }
        "OSError" if m.starts_with("[Errno 22]") && facts.call(&["accept"]).is_some() => {
            format!("accept() needs a listening socket: call {name}.listen() first (after bind())")
        }
        "OSError" if m.starts_with("[Errno 22]") && facts.call(&["bind"]).is_some() => {
            format!("{name} is already bound: a socket binds once; make a new socket for another address")
        }
        "OSError" if m.starts_with("[Errno 107]") => match state {
            Some(State::Listening) => format!(
                "{name} is listening: it only accept()s connections and carries no data; use the socket accept() returns: conn, addr = {name}.accept(), then conn.recv(1024)"
            ),
            _ => format!(
                "{name} is not connected: a client connect()s first; a server receives on the socket accept() returns"
            ),
        },
        "OSError" if m.starts_with("[Errno 89]") => format!(
            "{name} is a UDP socket with no peer: sendto(data, (host, port)) says where each datagram goes (or connect() it first)"
        ),
        "OSError" if m.starts_with("[Errno 106]") => {
            let peer = facts
                .socket
                .as_ref()
                .and_then(|s| s.peer.clone())
                .map_or(String::new(), |p| format!(" to {p}"));
            format!(
                "{name} is already connected{peer}: a TCP socket connects once; make a new socket for another connection"
            )
        }
        "OSError" if m.starts_with("[Errno 9]") => match state {
            Some(State::Closed) | None => format!(
                "{name} was closed: a closed socket cannot be used again; make a new one with socket.socket(...)"
            ),
            _ => return None,
        },
        "PermissionError" if m.starts_with("[Errno 13]") && facts.call(&["sendto", "send", "connect"]).is_some() => {
            if facts.socket.as_ref().is_some_and(|s| s.broadcast) {
                return None;
            }
            format!(
                "sending to a broadcast address needs permission first: {name}.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)"
            )
        }
        "BrokenPipeError" => match &facts.socket {
            Some(s) if s.state == State::Listening => format!(
                "{name} is listening: it only accept()s connections; send on the socket accept() returns: conn, addr = {name}.accept(), then conn.send(...)"
            ),
            Some(s) if !s.had_peer() && s.state != State::Closed => format!(
                "{name} was never connected, so there is no peer to send to: connect() it to a server first"
            ),
            Some(_) => "the peer closed the connection; there is no one left to send to".into(),
            None => "there is no one to send to: the peer closed the connection, or the socket was never connected".into(),
        },
        "gaierror" | "herror" | "TimeoutError" | "OSError"
            if facts.host.as_deref().is_some_and(|h| !is_local_host(h))
                && (class != "OSError" || m.starts_with("[Errno 101]") || m.starts_with("[Errno 113]")) =>
        {
            let host = facts.host.as_deref().unwrap_or("");
            let port = facts
                .address
                .as_deref()
                .and_then(|a| a.rsplit(':').next())
                .and_then(|p| p.parse::<u16>().ok());
            let kind = service_for_host(host).or_else(|| port.and_then(service_for_port));
            let stand_in = match kind {
                Some(k) => format!(
                    ": the lab's {} stands in for it, :serve {} then connect to ('127.0.0.1', {})",
                    k.name(),
                    k.name(),
                    k.default_port()
                ),
                None => ": use a lab service (:serve, :services) or your own server on '127.0.0.1'".into(),
            };
            if facts.interactive {
                format!("{host} is a machine off this one, and the lab stays on this machine{stand_in}")
            } else {
                format!("{host} is a machine off this one; run a lab service here instead (socklab serve) and connect to '127.0.0.1'")
            }
        }
        "ConnectionRefusedError" if facts.interactive => refused(facts),
        "OSError" if m.contains("Address already in use") => in_use(facts),
        _ => return None,
    })
}

/// `a bytes-like object is required, not 'str'`: which call wanted bytes decides what
/// to say, in the student's own words.
fn bytes_required(facts: &Facts) -> Option<String> {
    if let Some(call) = facts.call(&["send", "sendall", "sendto"]) {
        let receiver = call.receiver.as_deref().unwrap_or("s");
        let arg = first_argument(&call.args);
        let rest = call.args.trim()[arg.len().min(call.args.trim().len())..].to_string();
        return Some(if is_text_literal(arg) && !arg.is_ascii() {
            // A bytes literal holds ASCII only: `b'é'` is itself a SyntaxError.
            format!(
                "sockets carry bytes: write {receiver}.{}({arg}.encode(){rest})",
                call.name
            )
        } else if is_text_literal(arg) {
            format!(
                "sockets carry bytes: write {receiver}.{}({}{rest}) or {receiver}.{}({arg}.encode(){rest})",
                call.name,
                as_bytes_literal(arg),
                call.name
            )
        } else if arg.is_empty() {
            "sockets carry bytes: encode text with .encode() before sending it".into()
        } else {
            format!(
                "{arg} is text (str) and sockets carry bytes: {receiver}.{}({arg}.encode(){rest})",
                call.name
            )
        });
    }
    if let Some(call) = facts.call(BYTES_METHODS) {
        let receiver = call.receiver.as_deref()?;
        let arg = first_argument(&call.args);
        let bytes_arg = if is_text_literal(arg) && arg.is_ascii() {
            as_bytes_literal(arg)
        } else {
            format!("{arg}.encode()")
        };
        let rest = call.args.trim()[arg.len().min(call.args.trim().len())..].to_string();
        return Some(format!(
            "{receiver} is bytes, so its {}() wants bytes too: {receiver}.{}({bytes_arg}{rest}), or make it text first: {receiver}.decode().{}({}{rest})",
            call.name, call.name, call.name, call.args.trim()
        ));
    }
    if facts.call(&["inet_ntoa"]).is_some() {
        return Some(
            "inet_ntoa() turns 4 packed bytes (what inet_aton() returns) into text like '127.0.0.1': give it bytes such as inet_aton('127.0.0.1'); text needs no conversion".into(),
        );
    }
    if facts.calls.is_empty() {
        return Some(
            "this needs bytes, not text (str): write a b'...' literal or encode the text with .encode()".into(),
        );
    }
    None
}

/// Nothing listens at the address: what matches the port, or what runs now.
fn refused(facts: &Facts) -> String {
    let port = facts
        .address
        .as_deref()
        .and_then(|a| a.rsplit(':').next())
        .and_then(|p| p.parse::<u16>().ok());
    let at = match &facts.address {
        Some(a) => format!("at {a}"),
        None => "at that address and port".into(),
    };
    if let Some((name, State::Bound | State::Created)) = &facts.own_holder {
        return format!(
            "nothing is listening {at}: your socket {name} is bound there but not listening; call {name}.listen()"
        );
    }
    let running: Vec<String> = facts
        .services
        .iter()
        .map(|(n, p)| format!("{n} on port {p}"))
        .collect();
    if let Some(kind) = port.and_then(service_for_port) {
        if let Some((_, p)) = facts.services.iter().find(|(n, _)| n == kind.name()) {
            return format!(
                "nothing is listening {at}: the lab's {} runs on port {p}; connect there",
                kind.name()
            );
        }
        if port != Some(kind.default_port()) {
            return format!(
                "nothing is listening {at}: :serve {} starts the lab's {} on port {} (then connect there)",
                kind.name(),
                kind.name(),
                kind.default_port()
            );
        }
        return format!(
            "nothing is listening {at}: :serve {} starts the lab's {} there",
            kind.name(),
            kind.name()
        );
    }
    if !running.is_empty() {
        return format!(
            "nothing is listening {at}; running now: {} (check the port), or start your own server there (bind() and listen())",
            running.join(", ")
        );
    }
    format!(
        "nothing is listening {at}: start a server there first (a socket that bind()s and listen()s, or :serve echo), and check the port; :sockets shows your sockets"
    )
}

/// Address already in use: who holds it decides what to do.
fn in_use(facts: &Facts) -> String {
    let addr = facts.address.as_deref().unwrap_or("that address");
    if let Some((name, state)) = &facts.own_holder {
        return if *state == State::Listening {
            format!(
                "your socket {name} is listening on that port; close it ({name}.close()) or use it"
            )
        } else {
            format!(
                "your socket {name} is {} to that port; close it ({name}.close()) or bind another port (0 picks a free one)",
                if *state == State::Bound { "bound" } else { "using" }
            )
        };
    }
    if let Some(h) = &facts.holder {
        return format!(
            "{addr} is already taken by {h}; stop it, or bind another port (0 picks a free one)"
        );
    }
    if facts.socket.as_ref().is_some_and(|s| s.reuseaddr) {
        return format!(
            "another program holds {addr} (SO_REUSEADDR is already set on {}); bind another port (0 picks a free one)",
            facts.socket_name()
        );
    }
    format!(
        "another socket already owns {addr}; close it, bind another port (0 picks a free one), or, if only a closed connection still holds it (TIME_WAIT), set SO_REUSEADDR before bind()"
    )
}

/// The lecture's Python 2, which CPython 3 refuses with messages that do not say so.
fn python2(class: &str, m: &str, facts: &Facts) -> Option<String> {
    let name = facts.wrong_name.as_deref().unwrap_or("");
    Some(match class {
        "NameError" if name == "raw_input" => {
            "raw_input() is the lecture's Python 2; in Python 3 it is called input()".into()
        }
        "NameError" if name == "xrange" => {
            "xrange() is the lecture's Python 2; in Python 3 range() does the same".into()
        }
        "NameError" if matches!(name, "unicode" | "basestring") => {
            format!("{name} is Python 2; in Python 3 text is str")
        }
        "ModuleNotFoundError" if m == "No module named 'thread'" => {
            "the lecture's Python 2 module thread is threading in Python 3: threading.Thread(target=f, args=(...)).start()".into()
        }
        "ModuleNotFoundError" if m.contains("'SocketServer'") => {
            "the lecture's Python 2 module SocketServer is called socketserver in Python 3".into()
        }
        "AttributeError" if m == "'str' object has no attribute 'decode'" => {
            "text (str) is already decoded in Python 3; only bytes have .decode() (what recv() returns); text becomes bytes with .encode()".into()
        }
        "AttributeError" if m.ends_with("object has no attribute 'has_key'") => {
            "d.has_key(k) is the lecture's Python 2; in Python 3 write k in d".into()
        }
        "SyntaxError" if m.starts_with("Missing parentheses in call to 'print'") => {
            "the lecture's code is Python 2; in Python 3 print is a function: print(\"Hi\")".into()
        }
        "SyntaxError" if m.starts_with("Missing parentheses in call to 'exec'") => {
            "the lecture's code is Python 2; in Python 3 exec is a function: exec(code)".into()
        }
        "SyntaxError" if m == "multiple exception types must be parenthesized" => {
            "the lecture's Python 2 except E, e: is written except E as e: in Python 3".into()
        }
        "SyntaxError" if m.starts_with("leading zeros in decimal integer literals") => {
            "the lecture's Python 2 octal 0777 is written 0o777 in Python 3".into()
        }
        "SyntaxError" if m.starts_with("invalid character '“'")
            || m.starts_with("invalid character '”'")
            || m.starts_with("invalid character '‘'")
            || m.starts_with("invalid character '’'") =>
        {
            "that is a curly quote, as slides and word processors print them; Python needs straight quotes: \" or '".into()
        }
        _ => return None,
    })
}

/// Everything else, by class and message alone.
fn general(class: &str, message: &str, facts: &Facts) -> Option<String> {
    let m = message;
    Some(match class {
        "TypeError" if m.contains("can't concat str to bytes") || m.contains("can only concatenate str (not \"bytes\")") => {
            "text (str) and bytes do not mix; decode what you received with .decode() or encode text with .encode()".into()
        }
        "ConnectionRefusedError" => format!(
            "nothing is listening {}: start a server first (socklab serve echo, or :serve in the REPL), and check the port",
            match &facts.address {
                Some(a) => format!("at {a}"),
                None => "at that address and port".into(),
            }
        ),
        "TimeoutError" | "timeout" => {
            "the operation waited longer than the socket's timeout (settimeout); is the other side sending?".into()
        }
        "NotImplementedError" if m.contains("async functions") || m.contains("'asyncio' module") => {
            "asyncio's event loop is outside the lecture: serve many peers with a thread each (threading.Thread(target=handle, args=(conn,)).start()), or with one loop over select.select() on the listening socket and the connections".into()
        }
        "NotImplementedError" if m.contains("ForkingMixIn") => {
            "the lecture's forking servers become threaded ones here: class Server(ThreadingMixIn, TCPServer)".into()
        }
        "NotImplementedError" if m.contains("os.fork") => {
            "give each client a thread instead of a child process: threading.Thread(target=handle, args=(conn,)).start()".into()
        }
        "ConnectionResetError" => "the peer reset the connection (it closed with data unread, or crashed)".into(),
        "NameError" => match (&facts.module_with_name, &facts.wrong_name, &facts.suggestion) {
            (Some(module), Some(name), _) => format!(
                "{name} lives in the {module} module: write {module}.{name}, or import it with from {module} import {name}"
            ),
            (None, Some(name), Some(s)) => format!(
                "there is no name {name}; did you mean {s}? Names must be spelt exactly, capitals too"
            ),
            _ => "a name must be assigned (or imported) before it is used; check its spelling".into(),
        },
        "AttributeError" => match (&facts.wrong_name, &facts.suggestion) {
            (Some(name), Some(s)) => format!(
                "{} has no attribute {name}; did you mean {s}?{}",
                facts.object_kind.as_deref().map_or("that object".to_string(), |k| format!("a {k} object")),
                if facts.interactive { " (type a dot and press Tab to see them all)" } else { "" }
            ),
            _ => "that object has no such attribute or method; dir(obj) lists what it has".into(),
        },
        "IndentationError" | "TabError" => "Python groups statements by indentation: indent each block the same way, with spaces".into(),
        "ZeroDivisionError" => "division by zero has no value; check the divisor first".into(),
        "KeyboardInterrupt" if facts.interactive => "you pressed Ctrl-C: the statement stopped; every name and socket is kept".into(),
        "KeyboardInterrupt" => "you pressed Ctrl-C: the program stopped where it was".into(),
        "RecursionError" => "a function kept calling itself without end; check its stopping case".into(),
        _ => return None,
    })
}

/// CPython appends `. Did you mean: 'x'?` to an uncaught NameError or AttributeError's
/// last line (not to `str(e)`); the suggestion comes from `crate::interp::suggest`.
pub fn decorate_last_line(ctx: &mut crate::interp::Ctx, exc: &Exc, report: String) -> String {
    let Some(s) = crate::interp::suggest::suggestion(ctx, exc) else {
        return report;
    };
    let trimmed = report.trim_end_matches('\n');
    format!("{trimmed}. Did you mean: '{s}'?\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repl() -> Facts {
        Facts {
            interactive: true,
            ..Facts::default()
        }
    }

    fn socket(name: &str, state: State) -> Option<SocketFacts> {
        Some(SocketFacts {
            name: name.into(),
            state,
            stream: true,
            reuseaddr: false,
            broadcast: false,
            peer: None,
        })
    }

    #[test]
    fn calls_are_read_from_where_the_traceback_points() {
        let calls = calls_at("s.accept()[0].recv(10) + 1\n");
        assert_eq!(calls.len(), 2);
        assert_eq!(calls[0].receiver.as_deref(), Some("s"));
        assert_eq!(calls[0].name, "accept");
        assert_eq!(calls[1].receiver.as_deref(), Some("s.accept()[0]"));
        assert_eq!(
            (calls[1].name.as_str(), calls[1].args.as_str()),
            ("recv", "10")
        );
        let calls = calls_at("inet_ntoa('a)b')");
        assert_eq!(calls[0].receiver, None);
        assert_eq!(calls[0].args, "'a)b'");
        assert!(calls_at("1 / 0").is_empty());
        assert!(calls_at("s.recv(").is_empty());
    }

    #[test]
    fn an_outside_host_points_to_the_labs_stand_in() {
        let facts = Facts {
            host: Some("time.nist.gov".into()),
            address: Some("time.nist.gov:13".into()),
            ..repl()
        };
        let hint = explain("gaierror", "[Errno -2] Name or service not known", &facts);
        assert_eq!(
            hint.as_deref(),
            Some("time.nist.gov is a machine off this one, and the lab stays on this machine: the lab's daytime stands in for it, :serve daytime then connect to ('127.0.0.1', 1313)")
        );
        // The same for a failed name lookup by gethostbyname, with no port known.
        let facts = Facts {
            host: Some("www.python.org".into()),
            ..repl()
        };
        let hint = explain(
            "gaierror",
            "[Errno -3] Temporary failure in name resolution",
            &facts,
        )
        .expect("hint");
        assert!(hint.contains(":serve http"), "{hint}");
        // localhost is this machine: no such hint.
        let facts = Facts {
            host: Some("localhost".into()),
            ..repl()
        };
        assert_eq!(
            explain("gaierror", "[Errno -2] Name or service not known", &facts),
            None
        );
    }

    #[test]
    fn reuseaddr_is_suggested_only_when_it_could_help() {
        let mut facts = Facts {
            address: Some("127.0.0.1:40000".into()),
            ..repl()
        };
        let m = "[Errno 98] Address already in use";
        assert!(explain("OSError", m, &facts)
            .expect("hint")
            .contains("SO_REUSEADDR before bind()"));
        facts.socket = socket("s", State::Created);
        if let Some(s) = facts.socket.as_mut() {
            s.reuseaddr = true;
        }
        let hint = explain("OSError", m, &facts).expect("hint");
        assert_eq!(hint, "another program holds 127.0.0.1:40000 (SO_REUSEADDR is already set on s); bind another port (0 picks a free one)");
        facts.own_holder = Some(("srv".into(), State::Listening));
        let hint = explain("OSError", m, &facts).expect("hint");
        assert_eq!(
            hint,
            "your socket srv is listening on that port; close it (srv.close()) or use it"
        );
        facts.own_holder = None;
        facts.holder = Some("the lab service echo (:stop echo frees it)".into());
        let hint = explain("OSError", m, &facts).expect("hint");
        assert!(hint.starts_with("127.0.0.1:40000 is already taken by the lab service echo"));
        assert!(!hint.contains("SO_REUSEADDR"));
    }

    #[test]
    fn refused_suggests_what_matches_the_port() {
        let m = "[Errno 111] Connection refused";
        let facts = Facts {
            address: Some("127.0.0.1:13".into()),
            ..repl()
        };
        assert_eq!(
            explain("ConnectionRefusedError", m, &facts).as_deref(),
            Some("nothing is listening at 127.0.0.1:13: :serve daytime starts the lab's daytime on port 1313 (then connect there)")
        );
        let facts = Facts {
            address: Some("127.0.0.1:9999".into()),
            services: vec![("daytime".into(), 1313)],
            ..repl()
        };
        let hint = explain("ConnectionRefusedError", m, &facts).expect("hint");
        assert_eq!(hint, "nothing is listening at 127.0.0.1:9999; running now: daytime on port 1313 (check the port), or start your own server there (bind() and listen())");
        assert!(!hint.contains(":serve echo"));
    }

    #[test]
    fn broken_pipe_blames_the_peer_only_when_there_was_one() {
        let m = "[Errno 32] Broken pipe";
        let mut facts = Facts {
            socket: socket("conn", State::Connected),
            ..repl()
        };
        assert_eq!(
            explain("BrokenPipeError", m, &facts).as_deref(),
            Some("the peer closed the connection; there is no one left to send to")
        );
        facts.socket = socket("c", State::Bound);
        assert!(explain("BrokenPipeError", m, &facts)
            .expect("hint")
            .starts_with("c was never connected"));
        // `socklab run` knows no socket: it says both possibilities.
        assert!(for_exception("BrokenPipeError", m, None)
            .expect("hint")
            .contains("or the socket was never connected"));
    }

    #[test]
    fn broadcast_hint_only_without_the_option() {
        let m = "[Errno 13] Permission denied";
        let mut facts = Facts {
            calls: calls_at("u.sendto(b'x', ('127.255.255.255', 40000))"),
            socket: socket("u", State::Created),
            ..repl()
        };
        assert!(explain("PermissionError", m, &facts)
            .expect("hint")
            .contains("u.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)"));
        if let Some(s) = facts.socket.as_mut() {
            s.broadcast = true;
        }
        assert_eq!(explain("PermissionError", m, &facts), None);
    }

    #[test]
    fn bytes_hint_never_quotes_a_string_the_student_did_not_write() {
        let m = "a bytes-like object is required, not 'str'";
        for line in [
            "s.send(\"Hi!\")",
            "s.sendto('x', addr)",
            "data.replace('a', 'b')",
        ] {
            let facts = Facts {
                calls: calls_at(line),
                ..repl()
            };
            let hint = explain("TypeError", m, &facts).expect("hint");
            assert!(!hint.contains("Hello there"), "{hint}");
        }
        let facts = Facts {
            calls: calls_at("s.sendto('x', addr)"),
            ..repl()
        };
        assert_eq!(
            explain("TypeError", m, &facts).as_deref(),
            Some("sockets carry bytes: write s.sendto(b'x', addr) or s.sendto('x'.encode(), addr)")
        );
        let facts = Facts {
            calls: calls_at("s.send('héllo')"),
            ..repl()
        };
        assert_eq!(
            explain("TypeError", m, &facts).as_deref(),
            Some("sockets carry bytes: write s.send('héllo'.encode())")
        );
        // A call the hint knows nothing about: no hint rather than a wrong one.
        let facts = Facts {
            calls: calls_at("struct.pack('4s', 'abcd')"),
            ..repl()
        };
        assert_eq!(explain("TypeError", m, &facts), None);
    }

    #[test]
    fn without_the_socket_table_the_socket_is_named_as_written() {
        // `socklab run` has the traceback's line, not the session's sockets.
        let facts = Facts {
            calls: calls_at("server.accept()"),
            ..Facts::default()
        };
        assert_eq!(
            explain("OSError", "[Errno 22] Invalid argument", &facts).as_deref(),
            Some("accept() needs a listening socket: call server.listen() first (after bind())")
        );
    }

    #[test]
    fn addresses_and_datagrams() {
        let facts = Facts {
            calls: calls_at("s.connect(('localhost'))"),
            ..repl()
        };
        assert_eq!(
            explain("TypeError", "connect(): AF_INET address must be tuple, not str", &facts).as_deref(),
            Some("an address is a (host, port) tuple, such as ('localhost', 40000); s.connect() needs both")
        );
        let facts = Facts {
            calls: calls_at("u.sendto(b'hi')"),
            ..repl()
        };
        assert_eq!(
            explain("TypeError", "sendto() takes 2 or 3 arguments (1 given)", &facts).as_deref(),
            Some("sendto() takes the data and the address it goes to: u.sendto(b'hi', ('127.0.0.1', 40000))")
        );
        let facts = Facts {
            calls: calls_at("u.listen(1)"),
            socket: socket("u", State::Created),
            ..repl()
        };
        assert!(
            explain("OSError", "[Errno 95] Operation not supported", &facts)
                .expect("hint")
                .starts_with("u is a UDP (SOCK_DGRAM) socket: UDP has no connections to listen()")
        );
    }

    #[test]
    fn a_python2_program_is_pointed_to_socklab_py3() {
        let hint = for_exception(
            "SyntaxError",
            "Missing parentheses in call to 'print'. Did you mean print(...)?",
            None,
        )
        .expect("hint");
        assert!(
            hint.ends_with("(socklab py3 FILE rewrites the whole program)"),
            "{hint}"
        );
        let in_repl = explain(
            "SyntaxError",
            "Missing parentheses in call to 'print'. Did you mean print(...)?",
            &repl(),
        )
        .expect("hint");
        assert!(!in_repl.contains("socklab py3"), "{in_repl}");
    }

    #[test]
    fn python2_hints() {
        let name = |n: &str| Facts {
            wrong_name: Some(n.into()),
            ..repl()
        };
        assert!(explain(
            "NameError",
            "name 'raw_input' is not defined",
            &name("raw_input")
        )
        .expect("hint")
        .contains("input()"));
        assert!(
            explain("NameError", "name 'xrange' is not defined", &name("xrange"))
                .expect("hint")
                .contains("range()")
        );
        assert!(
            explain("SyntaxError", "invalid character '”' (U+201D)", &repl())
                .expect("hint")
                .contains("straight quotes")
        );
        assert!(explain("SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", &repl())
            .expect("hint")
            .contains("0o777"));
    }
}
