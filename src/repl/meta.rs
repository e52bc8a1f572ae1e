//! Meta-commands: lines that start with `:`. They are socklab's, never Python's (no
//! Python statement starts with a colon), so they can sit beside the lecture's code.
//! Each returns its text instead of printing it, so tests and lessons can read it.

use super::socket_view;
use crate::help::{self as registry, registry, Lookup};
use crate::net::netstat;
use crate::session::Session;
use crate::view::{hexdump, Palette, Style};
use comfy_table::{presets, Table};
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
        ":help" | ":h" | ":?" => help(arg, p),
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
            other => format!("usage: :events on|off (not {other:?})\n"),
        },
        ":services" => services_table(),
        ":netstat" => netstat_text(session),
        ":serve" => serve(session, arg),
        ":stop" => stop(session, arg),
        ":save" => save(session, arg),
        ":reset" => {
            session.reset();
            "every socket is closed and every name forgotten\n".into()
        }
        ":quit" | ":q" | ":exit" => return (String::new(), Flow::Quit),
        _ => unknown(command, p),
    };
    (out, Flow::Continue)
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

fn help(arg: &str, p: Palette) -> String {
    if arg.is_empty() {
        return registry::overview(p);
    }
    match registry().lookup(arg) {
        Lookup::One(e) => registry::render(e, p),
        Lookup::Several(entries) => {
            let mut out = format!("{arg} is several things; choose one:\n");
            for e in entries {
                let _ = writeln!(out, "  :help {}  ({})", e.topic, e.kind.word());
            }
            out
        }
        Lookup::NotFound { suggestion } => {
            let mut out = format!("no help on {arg:?}");
            if let Some(s) = suggestion {
                let _ = write!(out, "; did you mean {s}? (:help {s})");
            }
            out.push_str("\n:help alone shows what there is\n");
            out
        }
    }
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
            format!(":hex shows bytes; {arg} is a {type_name}\n")
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

/// Port → names in `/etc/services` (what getservbyport reads).
fn services_database() -> Option<Vec<(u16, String, String)>> {
    let text = std::fs::read_to_string("/etc/services").ok()?;
    Some(parse_services(&text))
}

fn parse_services(text: &str) -> Vec<(u16, String, String)> {
    text.lines()
        .filter_map(|l| {
            let l = l.split('#').next()?.trim();
            let mut f = l.split_whitespace();
            let name = f.next()?;
            let (port, proto) = f.next()?.split_once('/')?;
            Some((port.parse().ok()?, name.to_string(), proto.to_string()))
        })
        .collect()
}

pub fn services_table() -> String {
    render_services(services_database().as_deref())
}

fn render_services(db: Option<&[(u16, String, String)]>) -> String {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    t.set_header(vec![
        "port",
        "service",
        "what for",
        "this machine says",
        "lab stand-in",
    ]);
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
        t.add_row(vec![
            port.to_string(),
            name.to_string(),
            what.to_string(),
            system,
            lab,
        ]);
    }
    let mut out = format!("{t}\n");
    out.push_str(match db {
        Some(_) => "\"this machine says\" is /etc/services, which getservbyname() and getservbyport() read.\n",
        None => "this machine has no /etc/services, so getservbyname() and getservbyport() know no names here.\n",
    });
    out.push_str(
        "Ports 0-1023 are privileged: only root may bind them; the lab services use stand-ins.\n",
    );
    out
}

fn netstat_text(session: &Session) -> String {
    let entries = match netstat::entries() {
        Ok(e) => e,
        Err(msg) => return format!("{msg}\n"),
    };
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
    let mut out = netstat::render(&entries, &mark);
    out.push_str(
        "(Recv-Q: bytes received but not yet read; Send-Q: sent but not yet acknowledged)\n",
    );
    out
}

fn serve(session: &mut Session, arg: &str) -> String {
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
    match services.start(kind, crate::labs::DEFAULT_HOST, port) {
        Ok(info) => {
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
    if arg.is_empty() {
        return "usage: :stop KIND|all\n".into();
    }
    let services = session.services();
    let mut services = services.lock();
    match services.stop(arg) {
        Ok(stopped) if stopped.is_empty() => "no lab service was running\n".into(),
        Ok(stopped) => stopped.iter().map(|s| format!("stopped {s}\n")).collect(),
        Err(e) => format!("{e}\n"),
    }
}

fn save(session: &Session, arg: &str) -> String {
    if arg.is_empty() {
        return "usage: :save FILE (for example :save server.py)\n".into();
    }
    let text = program_text(session.inputs());
    match std::fs::write(arg, text) {
        Ok(()) => format!(
            "saved {} entr{} to {arg}; run it with: socklab run {arg}\n",
            session.inputs().len(),
            if session.inputs().len() == 1 {
                "y"
            } else {
                "ies"
            }
        ),
        Err(e) => format!("cannot write {arg}: {e}\n"),
    }
}

/// The session's successful entries as a program. A block is followed by a blank line,
/// so the file reads as the REPL did.
pub fn program_text(inputs: &[String]) -> String {
    let mut out =
        String::from("# Saved from a socklab session: the entries that ran without an error.\n");
    for entry in inputs {
        out.push_str(entry);
        out.push('\n');
        if entry.contains('\n') {
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> MetaState {
        MetaState {
            palette: Palette::PLAIN,
            events: true,
            width: None,
        }
    }

    fn session() -> Session {
        Session::new(Default::default()).expect("session")
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
        assert_eq!(out, ":hex shows bytes; 42 is a int\n");
        let (out, _) = run(&mut s, &mut state(), ":hex nope");
        assert!(out.contains("NameError"), "{out}");
    }

    #[test]
    fn save_writes_a_runnable_program() {
        let mut s = session();
        s.run("x = 2");
        s.run("oops(");
        s.run("for i in range(x):\n    print(i)\n");
        let dir = std::env::temp_dir().join(format!("socklab-save-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let file = dir.join("prog.py");
        let (out, _) = run(&mut s, &mut state(), &format!(":save {}", file.display()));
        assert!(out.starts_with("saved 2 entries"), "{out}");
        let text = std::fs::read_to_string(&file).expect("saved");
        assert!(
            text.ends_with("x = 2\nfor i in range(x):\n    print(i)\n\n"),
            "{text}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn services_table_snapshot() {
        let db = parse_services("http 80/tcp www # WWW\nhttp 80/udp\nssh 22/tcp\n# comment\n");
        insta::assert_snapshot!(render_services(Some(&db)));
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
