//! Hints: one line after an error that explains it in the lecture's terms and says what
//! to do. Shown on a terminal or with `--explain`, never in piped output (which must be
//! byte for byte CPython's).

use crate::interp::Exc;

/// The hint for an exception, by its class and message.
pub fn for_exception(class: &str, message: &str, exc: Option<&Exc>) -> Option<String> {
    let _ = exc;
    let m = message;
    Some(match class {
        "TypeError" if m.starts_with("a bytes-like object is required, not 'str'") => {
            "sockets carry bytes; write b\"Hello there\" or \"Hello there\".encode()".into()
        }
        "TypeError" if m.contains("can't concat str to bytes") || m.contains("can only concatenate str (not \"bytes\")") => {
            "text (str) and bytes do not mix; decode what you received with .decode() or encode text with .encode()".into()
        }
        "ConnectionRefusedError" => {
            "nothing is listening at that address and port: start a server first (socklab serve echo, or :serve in the REPL), and check the port".into()
        }
        "OSError" if m.contains("Address already in use") => {
            "another socket already owns that port; close it, choose another port, or set SO_REUSEADDR before bind()".into()
        }
        "TimeoutError" | "timeout" => {
            "the operation waited longer than the socket's timeout (settimeout); is the other side sending?".into()
        }
        "ModuleNotFoundError" if m.contains("'SocketServer'") => {
            "the lecture's Python 2 module SocketServer is called socketserver in Python 3".into()
        }
        "BrokenPipeError" => "the peer closed the connection; there is no one left to send to".into(),
        "ConnectionResetError" => "the peer reset the connection (it closed with data unread, or crashed)".into(),
        "NameError" => "a name must be assigned (or imported) before it is used; check its spelling".into(),
        "AttributeError" => "that object has no such attribute or method; dir(obj) lists what it has".into(),
        "SyntaxError" if m.starts_with("Missing parentheses in call to 'print'") => {
            "the lecture's code is Python 2; in Python 3 print is a function: print(\"Hi\")".into()
        }
        "IndentationError" | "TabError" => "Python groups statements by indentation: indent each block the same way, with spaces".into(),
        "ZeroDivisionError" => "division by zero has no value; check the divisor first".into(),
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
