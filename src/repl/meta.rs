//! Meta-commands: lines that start with `:`. They are socklab's, never Python's (no
//! Python statement starts with a colon), so they can sit beside the lecture's code.
//! Each returns its text instead of printing it, so tests and lessons can read it.

use super::socket_view;
use crate::help::{self as registry, registry};
use crate::net::netstat;
use crate::session::Session;
use crate::view::{hexdump, Palette, Style};
use std::fmt::Write;

/// What the REPL does after a meta-command.
#[derive(Debug, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Quit,
}

/// What the REPL keeps beside the session.
pub struct MetaState {
    pub palette: Palette,
    /// Show a line after each socket call.
    pub events: bool,
    /// The terminal's width for tables (None: no limit).
    pub width: Option<u16>,
    /// The lab services started in this session (`:save` names them), as the command
    /// that starts each outside socklab: `socklab serve echo --port 7007`.
    pub served: Vec<String>,
}

/// Run one meta-command; its output, and whether to go on.
pub fn run(session: &mut Session, state: &mut MetaState, line: &str) -> (String, Flow) {
    let line = line.trim();
    let (command, arg) = match line.split_once(char::is_whitespace) {
        Some((c, a)) => (c, a.trim()),
        None => (line, ""),
    };
    let p = state.palette;
    let out = match command {
        ":help" | ":h" | ":?" => {
            let text = registry::help_text(arg, p);
            match state.width {
                Some(w) => crate::view::wrap::wrap(&text, usize::from(w)),
                None => text,
            }
        }
        ":sockets" if !arg.is_empty() => usage(":sockets", arg),
        ":sockets" => socket_view::table(&session.sockets(), state.width),
        ":show" => show(session, arg, p),
        ":hex" => hex(session, arg),
        ":events" => match arg {
            "on" => {
                state.events = true;
                "socket events are on: a line after each call that changes a socket\n".into()
            }
            "off" => {
                state.events = false;
                "socket events are off (:events on shows them again)\n".into()
            }
            "" => format!(
                "socket events are {}\n",
                if state.events { "on" } else { "off" }
            ),
            other => usage(":events", other),
        },
        ":services" if !arg.is_empty() => usage(":services", arg),
        ":services" => services_table(state.width),
        ":netstat" => netstat_text(session, arg, state.width),
        ":serve" => serve(session, state, arg),
        ":stop" => stop(session, arg),
        ":save" => save(session, state, arg),
        ":log" => log(arg),
        ":trace" => trace(session, arg),
        ":packet" => packet(session, arg),
        ":flow" => match session.packet_flow(
            (!arg.is_empty()).then_some(arg),
            state.width.map_or(80, usize::from),
        ) {
            Ok(text) | Err(text) => format!("{}\n", text.trim_end()),
        },
        ":reset" if !arg.is_empty() => usage(":reset", arg),
        ":reset" => {
            session.reset();
            "every socket is closed and every name forgotten\n".into()
        }
        ":quit" | ":q" | ":exit" if !arg.is_empty() => usage(":quit", arg),
        ":quit" | ":q" | ":exit" => return (String::new(), Flow::Quit),
        _ => unknown(command, p),
    };
    (out, Flow::Continue)
}

/// The command's usage line, from its `:help` entry, for arguments it cannot take.
fn usage(command: &str, arg: &str) -> String {
    let signature = registry().get(command).map_or(command, |e| e.signature);
    if arg.is_empty() {
        format!("usage: {signature}\n")
    } else {
        format!("usage: {signature} (not {arg:?}; :help {command} says more)\n")
    }
}

/// `:trace on|off|save FILE`: the packet view.
pub fn trace(session: &mut Session, arg: &str) -> String {
    let (word, rest) = match arg.split_once(char::is_whitespace) {
        Some((w, r)) => (w, r.trim()),
        None => (arg, ""),
    };
    match (word, rest) {
        ("on", "") => match session.trace_on() {
            Ok(place) => format!(
                "packets are on: {}; after each entry, its packets (:packet N opens one, \
                 :flow draws them)\n",
                place.describe()
            ),
            Err(why) => format!("{why}\n"),
        },
        ("off", "") => {
            if session.trace_off() {
                "packets are off (:trace on captures again)\n".into()
            } else {
                "packets were off\n".into()
            }
        }
        ("", "") => match session.tracing() {
            Some(place) => format!("packets are on: {}\n", place.describe()),
            None => "packets are off (:trace on shows the packets behind each call)\n".into(),
        },
        ("save", "") => usage(":trace", arg),
        ("save", file) => match session.save_packets(std::path::Path::new(file)) {
            Ok(n) => format!(
                "wrote {} to {file} (pcapng: Wireshark opens it; each packet's comment is \
                 the line that caused it)\n",
                crate::view::english::count(n as u64, "packet")
            ),
            Err(why) => format!("{why}\n"),
        },
        _ => usage(":trace", arg),
    }
}

fn packet(session: &mut Session, arg: &str) -> String {
    let number = arg.trim_start_matches('#');
    match number.parse::<u64>() {
        Ok(n) => match session.open_packet(n) {
            Ok(text) | Err(text) => format!("{}\n", text.trim_end()),
        },
        Err(_) => usage(":packet", arg),
    }
}

fn log(arg: &str) -> String {
    use crate::view::transcript;
    match arg {
        "" => match transcript::current() {
            Some(path) => format!(
                "the transcript goes to {}; :log off stops it\n",
                path.display()
            ),
            None => usage(":log", ""),
        },
        "off" => match transcript::stop() {
            Some(path) => format!("the transcript in {} is complete\n", path.display()),
            None => "no transcript was being written\n".into(),
        },
        file => match transcript::start(std::path::Path::new(file)) {
            Ok(()) => format!(
                "writing a transcript to {file}: every entry and what it showed, in plain \
                 text; :log off stops it\n"
            ),
            Err(e) => format!("cannot write {file}: {e}\n"),
        },
    }
}

fn unknown(command: &str, p: Palette) -> String {
    let names: Vec<crate::interp::Name> = registry()
        .entries()
        .filter(|e| e.kind == registry::Kind::Meta)
        .map(|e| crate::interp::Name::from(e.topic))
        .collect();
    let mut out = format!("there is no command {command}");
    if let Some(s) = crate::interp::suggest::best_match(command, &names) {
        let _ = write!(out, "; did you mean {}?", p.paint(&s, Style::Meta));
    }
    out.push_str(" (:help lists them)\n");
    out
}

fn show(session: &Session, arg: &str, p: Palette) -> String {
    if arg.is_empty() {
        return "usage: :show NAME (a socket's name, as in :sockets)\n".into();
    }
    match socket_view::detail(session.interp(), arg) {
        Some(d) => socket_view::show(&d, p),
        None => {
            let names = crate::session::sockets::all_names(session.interp());
            if names.is_empty() {
                format!("{arg} is not a socket of this session, and there are none yet\n")
            } else {
                format!(
                    "{arg} is not a socket of this session; the sockets are: {}\n",
                    names.join(", ")
                )
            }
        }
    }
}

fn hex(session: &mut Session, arg: &str) -> String {
    if arg.is_empty() {
        return "usage: :hex EXPR (bytes, like data or b'Hi\\r\\n')\n".into();
    }
    let r = session.with_value(arg, |ctx, v| match &v {
        crate::interp::Value::Str(s) => Ok((s.as_bytes().to_vec(), true)),
        _ => crate::builtins::methods::bytes_like(ctx, &v)
            .map(|b| (b, false))
            .map_err(|_| crate::interp::types::type_of(&v).name.to_string()),
    });
    match r {
        Ok(Ok((bytes, was_str))) => {
            let mut out = String::new();
            if was_str {
                out.push_str("(a str: showing its UTF-8 encoding, what .encode() sends)\n");
            }
            out.push_str(&hexdump(&bytes));
            out
        }
        Ok(Err(type_name)) => {
            let a = crate::view::english::article_before_word(&type_name);
            format!(":hex shows bytes; {arg} is {a} {type_name}\n")
        }
        Err(e) => e.report,
    }
}

/// The lecture's well-known ports.
const WELL_KNOWN: &[(u16, &str, &str)] = &[
    (21, "ftp", "file transfer (control)"),
    (22, "ssh", "secure shell"),
    (23, "telnet", "remote terminal, unencrypted"),
    (25, "smtp", "sending mail"),
    (53, "domain", "DNS: names to addresses"),
    (79, "finger", "who is logged in"),
    (80, "http", "the web"),
    (110, "pop3", "fetching mail"),
    (119, "nntp", "news"),
    (123, "ntp", "clock synchronisation (UDP)"),
    (137, "netbios-ns", "Windows names"),
    (138, "netbios-dgm", "Windows datagrams"),
    (139, "netbios-ssn", "Windows sessions"),
    (143, "imap2", "mail on the server"),
    (443, "https", "the web, encrypted"),
    (8080, "http-alt", "a second web server (unprivileged)"),
];

pub fn services_table(width: Option<u16>) -> String {
    render_services(crate::labs::services_database().as_deref(), width)
}

fn render_services(db: Option<&[(u16, String, String)]>, width: Option<u16>) -> String {
    const SYSTEM: &str = "this machine says";
    let header = ["port", "service", "what for", SYSTEM, "lab stand-in"];
    let mut rows = Vec::new();
    for &(port, name, what) in WELL_KNOWN {
        let system = match db {
            None => "-".to_string(),
            Some(db) => {
                let mut names: Vec<String> = db
                    .iter()
                    .filter(|(p, _, _)| *p == port)
                    .map(|(_, n, proto)| format!("{n}/{proto}"))
                    .collect();
                names.dedup();
                if names.is_empty() {
                    "(not listed)".into()
                } else {
                    names.join(" ")
                }
            }
        };
        let lab = crate::labs::catalogue()
            .into_iter()
            .find(|c| c.real_port == Some(port))
            .map(|c| format!(":serve {} ({})", c.name, c.default_port))
            .unwrap_or_default();
        rows.push(vec![
            port.to_string(),
            name.to_string(),
            what.to_string(),
            system,
            lab,
        ]);
    }
    let fitted = crate::view::fit::fit_table(&header, &rows, &[SYSTEM, "what for"], width);
    let mut out = fitted.text;
    let shown = !fitted.dropped.iter().any(|d| d == SYSTEM);
    out.push_str(match (db, shown) {
        (Some(_), true) => "\"this machine says\" is /etc/services, which getservbyname() and\ngetservbyport() read.\n",
        (Some(_), false) => "A wider terminal also shows what /etc/services (getservbyname()) says.\n",
        (None, _) => "this machine has no /etc/services, so getservbyname() and\ngetservbyport() know no names here.\n",
    });
    out.push_str(
        "Ports 0-1023 are privileged: only root may bind them; the lab services use\nstand-ins.\n",
    );
    out
}

fn netstat_text(session: &Session, arg: &str, width: Option<u16>) -> String {
    let port = match arg {
        "" => None,
        _ if arg.contains(char::is_whitespace) => return usage(":netstat", arg),
        _ => match crate::labs::connect::port_of(arg) {
            Ok((port, _)) => Some(port),
            Err(_) => return usage(":netstat", arg),
        },
    };
    let mut entries = match netstat::entries() {
        Ok(e) => e,
        Err(msg) => return format!("{msg}\n"),
    };
    if let Some(port) = port {
        entries = netstat::on_port(entries, port);
        if entries.is_empty() {
            return format!("no socket of this machine uses port {port}\n");
        }
    }
    // Ours: this process's socket inodes; named when the session holds them.
    let own = netstat::own_inodes();
    let rows = session.sockets();
    let mark = |inode: u64| -> Option<String> {
        let fd = own.iter().find(|(i, _)| *i == inode)?.1;
        match rows.iter().find(|r| r.fd == fd) {
            Some(r) => Some(format!(
                "this session: {}",
                crate::session::sockets::label(&r.names, r.fd)
            )),
            None => Some("this session (a lab service)".into()),
        }
    };
    let mut out = netstat::render(&entries, &mark, width);
    out.push_str(
        "(Recv-Q: bytes received but not yet read;\n Send-Q: sent but not yet acknowledged)\n",
    );
    out
}

/// The shell command that starts a running lab service on the same port.
fn serve_command(r: &crate::labs::RunningInfo) -> String {
    let name = r.service.name();
    let (kind, udp) = match name.split_once('/') {
        Some((kind, _)) => (kind.to_string(), " --udp"),
        None => (name, ""),
    };
    format!("socklab serve {kind}{udp} --port {}", r.addr.port())
}

fn serve(session: &mut Session, state: &mut MetaState, arg: &str) -> String {
    let services = session.services();
    let mut services = services.lock();
    if arg.is_empty() {
        let running = services.list();
        if running.is_empty() {
            return format!(
                "no lab service is running; start one with :serve KIND [PORT]\n{}\n",
                crate::labs::catalogue_help_repl()
            );
        }
        let mut out = String::from("running lab services:\n");
        for r in running {
            let _ = writeln!(out, "  {r}");
        }
        return out;
    }
    let mut parts = arg.split_whitespace();
    let kind = parts.next().unwrap_or("");
    let port = match parts.next().map(str::parse::<u16>) {
        None => None,
        Some(Ok(p)) => Some(p),
        Some(Err(_)) => return "usage: :serve KIND [PORT], PORT a number from 0 to 65535\n".into(),
    };
    if parts.next().is_some() {
        return usage(":serve", arg);
    }
    match services.start(kind, crate::labs::DEFAULT_HOST, port) {
        Ok(info) => {
            let command = serve_command(&info);
            if !state.served.contains(&command) {
                state.served.push(command);
            }
            let mut out = format!(
                "{info} is running in the background ({}); :stop {} ends it\n",
                info.service.kind.summary(),
                info.service.kind.name()
            );
            if let Some(w) = info.warning {
                let _ = writeln!(out, "{w}");
            }
            out
        }
        Err(e) => format!("{}\n", e.in_repl()),
    }
}

fn stop(session: &mut Session, arg: &str) -> String {
    if arg.is_empty() || arg.contains(char::is_whitespace) {
        return usage(":stop", arg);
    }
    let services = session.services();
    let mut services = services.lock();
    match services.stop(arg) {
        Ok(stopped) if stopped.is_empty() => "no lab service was running\n".into(),
        Ok(stopped) => stopped.iter().map(|s| format!("stopped {s}\n")).collect(),
        Err(e) => format!("{e}\n"),
    }
}

fn save(session: &Session, state: &MetaState, arg: &str) -> String {
    if arg.is_empty() {
        return usage(":save", "");
    }
    let mut needs = state.served.clone();
    for r in session.services().lock().list() {
        let command = serve_command(&r);
        if !needs.contains(&command) {
            needs.push(command);
        }
    }
    let text = program_text(session.inputs(), session.echoed(), &needs);
    let n = session.inputs().len();
    match std::fs::write(arg, text) {
        Ok(()) => format!(
            "saved {} to {arg}; run it with: python3 {arg} (or socklab run {arg})\n",
            if n == 1 {
                "1 entry".to_string()
            } else {
                format!("{n} entries")
            }
        ),
        Err(e) => format!("cannot write {arg}: {e}\n"),
    }
}

/// The session's successful entries as a Python 3 program that prints what the session
/// showed: an entry whose value was echoed becomes `print(repr(...))` (or `_ = ...`
/// then `print(repr(_))` when a later entry uses `_`, the REPL's last value). The lab
/// services used are named at the top with the command that starts each. A block is
/// followed by a blank line, so the file reads as the REPL did.
pub fn program_text(inputs: &[String], echoed: &[bool], needs: &[String]) -> String {
    let mut out =
        String::from("# Saved from a socklab session: the entries that ran without an error.\n");
    for command in needs {
        out.push_str(&format!("# needs: {command}\n"));
    }
    if !needs.is_empty() {
        out.push_str("# (start each in another terminal before running this program)\n");
    }
    for (i, entry) in inputs.iter().enumerate() {
        let shown = echoed.get(i).copied().unwrap_or(false);
        if let Some((expr, comment)) = shown.then(|| one_expression(entry)).flatten() {
            if !comment.is_empty() {
                out.push_str(comment);
                out.push('\n');
            }
            if inputs[i + 1..].iter().any(|later| uses_last_value(later)) {
                out.push_str(&format!("_ = {expr}\nprint(repr(_))\n"));
            } else {
                out.push_str(&format!("print(repr({expr}))\n"));
            }
            continue;
        }
        out.push_str(entry);
        out.push('\n');
        if entry.contains('\n') {
            out.push('\n');
        }
    }
    out
}

/// An entry that is a single expression (what the REPL echoes): the expression, and the
/// comment after it (`c.recv(1024)  # the reply`), which must not end up inside
/// `print(repr(...))`.
fn one_expression(entry: &str) -> Option<(&str, &str)> {
    let text = entry.trim();
    let src = crate::syntax::Source::new("<stdin>", text.to_string());
    crate::syntax::parse_expression(&src).ok()?;
    let end = crate::syntax::tokenize(&src)
        .iter()
        .filter(|t| {
            !matches!(
                t.tok,
                crate::syntax::Tok::Newline
                    | crate::syntax::Tok::Indent
                    | crate::syntax::Tok::Dedent
                    | crate::syntax::Tok::End
            )
        })
        .map(|t| t.span.hi as usize)
        .max()?;
    let (expr, comment) = text.split_at(end.min(text.len()));
    Some((expr.trim_end(), comment.trim()))
}

/// Whether an entry reads `_`, the REPL's last echoed value.
fn uses_last_value(entry: &str) -> bool {
    let src = crate::syntax::Source::new("<stdin>", format!("{entry}\n"));
    crate::syntax::tokenize(&src)
        .iter()
        .any(|t| matches!(&t.tok, crate::syntax::Tok::Name(n) if &**n == "_"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> MetaState {
        MetaState {
            palette: Palette::PLAIN,
            events: true,
            width: None,
            served: Vec::new(),
        }
    }

    fn session() -> Session {
        Session::new(Default::default()).expect("session")
    }

    #[test]
    fn the_packet_commands_check_their_words() {
        let mut s = session();
        let mut st = state();
        let (out, _) = run(&mut s, &mut st, ":trace");
        assert!(out.starts_with("packets are off"), "{out}");
        let (out, _) = run(&mut s, &mut st, ":trace sideways");
        assert!(out.starts_with("usage: :trace on|off|save"), "{out}");
        let (out, _) = run(&mut s, &mut st, ":trace save");
        assert!(out.starts_with("usage: :trace on|off|save"), "{out}");
        let (out, _) = run(&mut s, &mut st, ":packet one");
        assert!(out.starts_with("usage: :packet N"), "{out}");
        let (out, _) = run(&mut s, &mut st, ":packet 3");
        assert!(out.contains(":trace on starts it"), "{out}");
        let (out, _) = run(&mut s, &mut st, ":flow");
        assert!(out.contains(":trace on starts it"), "{out}");
        let (out, _) = run(&mut s, &mut st, ":trace off");
        assert_eq!(out, "packets were off\n");
        // As root on the host's loopback (how cargo test runs here and in CI), the
        // capture starts and says where it captures.
        // SAFETY: geteuid cannot fail.
        if unsafe { libc::geteuid() } == 0 {
            let (out, _) = run(&mut s, &mut st, ":trace on");
            assert!(
                out.starts_with("packets are on: capturing on this machine's loopback"),
                "{out}"
            );
            let (out, _) = run(&mut s, &mut st, ":trace save /proc/no-such-dir/x.pcapng");
            assert!(
                out.starts_with("cannot write /proc/no-such-dir/x.pcapng"),
                "{out}"
            );
            let (out, _) = run(&mut s, &mut st, ":packet 1");
            assert!(out.starts_with("there is no packet #1"), "{out}");
        }
    }

    #[test]
    fn help_overview_and_topics() {
        let mut s = session();
        let (out, flow) = run(&mut s, &mut state(), ":help");
        assert_eq!(flow, Flow::Continue);
        assert!(out.contains(":sockets"));
        let (out, _) = run(&mut s, &mut state(), ":help recv");
        assert!(
            out.starts_with("socket.socket.recv(bufsize[, flags])"),
            "{out}"
        );
        let (out, _) = run(&mut s, &mut state(), ":help AF_INETT");
        assert!(out.contains("did you mean socket.AF_INET?"), "{out}");
    }

    #[test]
    fn unknown_commands_get_a_suggestion() {
        let mut s = session();
        let (out, _) = run(&mut s, &mut state(), ":sokets");
        assert!(out.contains("did you mean :sockets?"), "{out}");
    }

    #[test]
    fn events_switch() {
        let mut s = session();
        let mut st = state();
        run(&mut s, &mut st, ":events off");
        assert!(!st.events);
        run(&mut s, &mut st, ":events on");
        assert!(st.events);
    }

    #[test]
    fn hex_of_bytes_str_and_other() {
        let mut s = session();
        s.run("data = b'Hi\\r\\n'");
        let (out, _) = run(&mut s, &mut state(), ":hex data");
        assert!(out.starts_with("00000000  48 69 0d 0a"), "{out}");
        let (out, _) = run(&mut s, &mut state(), ":hex 'é'");
        assert!(out.contains("c3 a9"), "{out}");
        let (out, _) = run(&mut s, &mut state(), ":hex 42");
        assert_eq!(out, ":hex shows bytes; 42 is an int\n");
        let (out, _) = run(&mut s, &mut state(), ":hex 1.5");
        assert_eq!(out, ":hex shows bytes; 1.5 is a float\n");
        let (out, _) = run(&mut s, &mut state(), ":hex nope");
        assert!(out.contains("NameError"), "{out}");
    }

    #[test]
    fn save_writes_a_program_python3_runs_printing_what_the_session_showed() {
        let mut s = session();
        let mut st = state();
        let (out, _) = run(&mut s, &mut st, ":serve echo 0");
        let port: u16 = out
            .split("127.0.0.1:")
            .nth(1)
            .and_then(|r| r.split_whitespace().next())
            .and_then(|p| p.parse().ok())
            .expect("the port");
        for entry in [
            "import socket".to_string(),
            format!("c = socket.create_connection(('127.0.0.1', {port}))"),
            "c.sendall(b'hi')".into(),
            "c.recv(1024)  # the echo".into(),
            "oops(".into(),
            "_.upper()".into(),
            "x = 2".into(),
            "for i in range(x):\n    print(i)\n".into(),
            "print('done')".into(),
            "c.close()".into(),
        ] {
            s.run(&entry);
        }
        let dir = std::env::temp_dir().join(format!("socklab-save-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let file = dir.join("prog.py");
        let (out, _) = run(&mut s, &mut st, &format!(":save {}", file.display()));
        assert!(out.starts_with("saved 9 entries"), "{out}");
        let text = std::fs::read_to_string(&file).expect("saved");
        assert!(
            text.contains(&format!("# needs: socklab serve echo --port {port}\n")),
            "{text}"
        );
        assert!(
            text.contains("_ = c.recv(1024)\nprint(repr(_))\n"),
            "{text}"
        );
        assert!(text.contains("print(repr(_.upper()))\n"), "{text}");
        assert!(text.contains("c.sendall(b'hi')\n"), "{text}");
        // The echo service of this session is still running: python3 talks to it.
        let ran = std::process::Command::new("python3")
            .arg(&file)
            .output()
            .expect("python3 runs");
        assert!(
            ran.status.success(),
            "{text}\n{}",
            String::from_utf8_lossy(&ran.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&ran.stdout),
            "b'hi'\nb'HI'\n0\n1\ndone\n"
        );
        let _ = std::fs::remove_dir_all(&dir);
        run(&mut s, &mut st, ":stop all");
    }

    #[test]
    fn commands_check_their_arguments() {
        let mut s = session();
        for (line, want) in [
            (":sockets all", "usage: :sockets (not \"all\""),
            (":services x", "usage: :services (not \"x\""),
            (":reset now", "usage: :reset (not \"now\""),
            (":quit please", "usage: :quit (not \"please\""),
            (":events maybe", "usage: :events on|off (not \"maybe\""),
            (":netstat many ports", "usage: :netstat [PORT]"),
            (":netstat nonsense", "usage: :netstat [PORT]"),
            (":stop echo now", "usage: :stop KIND|all"),
            (":serve echo 0 extra", "usage: :serve [KIND [PORT]]"),
            (":save", "usage: :save FILE"),
            (":log", "usage: :log FILE|off"),
        ] {
            let (out, flow) = run(&mut s, &mut state(), line);
            assert!(out.starts_with(want), "{line}: {out}");
            assert_eq!(flow, Flow::Continue, "{line}");
        }
    }

    #[test]
    fn netstat_of_one_port() {
        let mut s = session();
        s.run("import socket\nl = socket.socket()\nl.bind(('127.0.0.1', 0))\nl.listen()\nport = l.getsockname()[1]\n");
        let port = s.evaluate("port").expect("port").repr;
        let (out, _) = run(&mut s, &mut state(), &format!(":netstat {port}"));
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[0].starts_with("Proto"), "{out}");
        assert!(
            lines[1].contains(&format!("127.0.0.1:{port}")) && lines[1].contains("LISTEN"),
            "{out}"
        );
        assert!(lines[1].ends_with("← this session: l"), "{out}");
        assert!(
            lines[2..]
                .iter()
                .all(|l| !l.starts_with("tcp") && !l.starts_with("udp")),
            "only port {port}: {out}"
        );
        s.run("l.close()");
        let (out, _) = run(&mut s, &mut state(), &format!(":netstat {port}"));
        assert_eq!(out, format!("no socket of this machine uses port {port}\n"));
    }

    #[test]
    fn show_a_closed_socket_and_its_history() {
        let mut s = session();
        s.run("import socket\nu = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\nu.bind(('127.0.0.1', 0))\nu.close()\n");
        let (out, _) = run(&mut s, &mut state(), ":show u");
        assert!(out.starts_with("socket u (closed"), "{out}");
        assert!(out.contains("bound 127.0.0.1:"), "{out}");
        assert!(out.contains("closed"), "{out}");
    }

    #[test]
    fn services_table_snapshot() {
        let db = crate::labs::parse_services(
            "http 80/tcp www # WWW\nhttp 80/udp\nssh 22/tcp\n# comment\n",
        );
        insta::assert_snapshot!(render_services(Some(&db), None));
        let narrow = render_services(Some(&db), Some(80));
        insta::assert_snapshot!("services_at_80_columns", narrow);
        assert!(narrow.lines().all(|l| l.chars().count() <= 80), "{narrow}");
    }

    #[test]
    fn serve_and_stop_a_lab_service() {
        let mut s = session();
        let (out, _) = run(&mut s, &mut state(), ":serve echo 0");
        assert!(out.starts_with("echo (TCP) on 127.0.0.1:"), "{out}");
        let (out, _) = run(&mut s, &mut state(), ":serve");
        assert!(out.contains("echo (TCP) on 127.0.0.1:"), "{out}");
        let (out, _) = run(&mut s, &mut state(), ":stop echo");
        assert!(out.starts_with("stopped echo"), "{out}");
        let (out, _) = run(&mut s, &mut state(), ":serve nope");
        assert!(out.contains("no lab service called"), "{out}");
    }

    #[test]
    fn serve_speaks_the_repls_syntax_not_the_shells() {
        let mut s = session();
        let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = taken.local_addr().expect("addr").port();
        let (out, _) = run(&mut s, &mut state(), &format!(":serve echo {port}"));
        assert!(
            out.contains(&format!("port {port} is already in use")),
            "{out}"
        );
        assert!(out.contains(":serve echo 0 for any free port"), "{out}");
        assert!(!out.contains("--port"), "{out}");
        let (out, _) = run(&mut s, &mut state(), ":serve");
        assert!(out.contains(":serve KIND 0 picks any free port"), "{out}");
        assert!(!out.contains("--port"), "{out}");
    }

    #[test]
    fn quit() {
        let mut s = session();
        assert_eq!(run(&mut s, &mut state(), ":quit").1, Flow::Quit);
    }
}
