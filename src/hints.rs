//! Hints: one line after an error that explains it in the lecture's terms and says what
//! to do. Shown on a terminal or with `--explain`, never in piped output (which must be
//! byte for byte CPython's).

use crate::interp::Exc;

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
}

/// The hint for an exception, by its class and message.
pub fn for_exception(class: &str, message: &str, exc: Option<&Exc>) -> Option<String> {
    let facts = Facts {
        wrong_name: exc
            .and_then(|e| e.hint_name.as_ref())
            .map(|n| n.to_string()),
        ..Facts::default()
    };
    explain(class, message, &facts)
}

/// The hint for an exception, using everything the caller found out about it.
pub fn explain(class: &str, message: &str, facts: &Facts) -> Option<String> {
    let m = message;
    let at = |what: &str| match &facts.address {
        Some(a) => format!("{what} {a}"),
        None => format!("{what} that address and port"),
    };
    Some(match class {
        "TypeError" if m.starts_with("a bytes-like object is required, not 'str'") => {
            "sockets carry bytes; write b\"Hello there\" or \"Hello there\".encode()".into()
        }
        "TypeError" if m.contains("can't concat str to bytes") || m.contains("can only concatenate str (not \"bytes\")") => {
            "text (str) and bytes do not mix; decode what you received with .decode() or encode text with .encode()".into()
        }
        "ConnectionRefusedError" if facts.interactive => format!(
            "nothing is listening {}: start a server there first (a socket that bind()s and listen()s, or :serve echo), and check the port; :sockets shows your sockets",
            at("at")
        ),
        "ConnectionRefusedError" => format!(
            "nothing is listening {}: start a server first (socklab serve echo, or :serve in the REPL), and check the port",
            at("at")
        ),
        "OSError" if m.contains("Address already in use") => {
            let who = match &facts.holder {
                Some(h) => format!("{} is already taken by {h}", facts.address.as_deref().unwrap_or("that address")),
                None => format!("another socket already owns {}", facts.address.as_deref().unwrap_or("that port")),
            };
            format!("{who}; close it, bind another port (0 picks a free one), or, if only a closed connection still holds it (TIME_WAIT), set SO_REUSEADDR before bind()")
        }
        "TimeoutError" | "timeout" => {
            "the operation waited longer than the socket's timeout (settimeout); is the other side sending?".into()
        }
        "ModuleNotFoundError" if m.contains("'SocketServer'") => {
            "the lecture's Python 2 module SocketServer is called socketserver in Python 3".into()
        }
        "NotImplementedError" if m.contains("ForkingMixIn") => {
            "the lecture's forking servers become threaded ones here: class Server(ThreadingMixIn, TCPServer)".into()
        }
        "BrokenPipeError" => "the peer closed the connection; there is no one left to send to".into(),
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
        "SyntaxError" if m.starts_with("Missing parentheses in call to 'print'") => {
            "the lecture's code is Python 2; in Python 3 print is a function: print(\"Hi\")".into()
        }
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
