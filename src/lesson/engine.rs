//! A lesson in a session: the one engine under `learn`, `demo` and `lesson check`.
//!
//! An [`Engine`] drives a [`Session`] (the caller's, so that the REPL can own it while a
//! lesson rides along): it starts the services the lesson needs, runs each step's setup
//! when the step begins, runs the student's entries, and after each entry
//! evaluates the step's checks through [`Session::evaluate_isolated`]: quietly, on a copy
//! of the names, read-only for sockets, and stopped after [`CHECK_DEADLINE`].
//!
//! # The helpers a check can call
//! They see what Python cannot, and exist only while a check runs (never in the
//! student's names):
//! - `state(sock)`: the socket's state in the lecture's words (`"connected"`).
//! - `events()`, `events(sock)`: what the sockets did since the step began, oldest
//!   first, each a dict: `kind` (`"created"`, `"bound"`, `"listening"`,
//!   `"connected"`, `"accepted"`, `"sent"`, `"received"`, `"peer closed"`,
//!   `"shut down"`, `"option set"`, `"closed"`, `"error"`), `was` and `state` (the
//!   socket's state before and after), `text` (the event line), and the kind's own
//!   fields: `local`, `peer`, `backlog`, `bytes`, `to`, `from`, `datagram`, `peeked`,
//!   `direction`, `option`, `value`, `error`.
//! - `sockets()`: every open socket of the session, oldest first, each a dict: `names`
//!   (the student's names for it), `state`, `family` (`"AF_INET"`), `type`
//!   (`"SOCK_STREAM"`), `local`, `peer` (`"127.0.0.1:40000"` or `None`), `bytes_sent`,
//!   `bytes_received`, `waiting` (data or a connection waits to be read).
//! - `last_exception()`: the exception the student's last failed entry in this step
//!   ended with, or `None`.
//! - `output()`: everything printed since the step began.
//! - `services()`: the running lab services, `{"echo": 40123, ...}`.
//! - `service_address(name)`: `("127.0.0.1", port)` of a running service.
//! - `packets()`, `packets(a)`, `packets(a, b)` (a lesson with `capture = true`): the
//!   packets captured since the step began (all, to or from socket `a`, or between
//!   `a` and `b` either way), oldest first, each a dict: `kind` (`"SYN"`,
//!   `"SYN-ACK"`, `"ACK"`, `"data"`, `"FIN"`, `"RST"`, `"datagram"`), `flags`
//!   (tcpdump's: `"S."`), `protocol` (`"TCP"`, `"UDP"`), `from` and `to` (the
//!   sockets' names), `length` (bytes of data), `size` (bytes of the whole frame,
//!   every layer's header included), `line` (as `:trace on` shows it).
//!   A socket may also be given by its name as a string (`"echo service"`).
//!
//! # Where no capture is possible
//! A lesson that captures starts its session's capture (`Session::trace_own`); where
//! that is refused (not root, and no private namespace allowed), [`Engine::no_capture`]
//! says why, and the checks that read packets are left out: the step's other checks
//! (lint requires one) still decide.

use super::format::{Check, Lesson, Step};
use crate::interp::{dict::Key, Ctx, Globals, Name, Value};
use crate::session::{ErrorReport, Outcome, PacketInfo, Session, SessionOptions, SocketEvent};
use parking_lot::Mutex;
use std::cell::RefCell;
use std::sync::Arc;
use std::time::Duration;

/// How long one check may run before it is stopped and counted as failed.
pub const CHECK_DEADLINE: Duration = Duration::from_secs(2);

/// What the helpers read: gathered by the engine, handed to the interpreter thread for
/// the length of one check.
#[derive(Clone, Default)]
struct Facts {
    output: String,
    last_exception: Option<Value>,
    services: Vec<(String, u16)>,
    events: Vec<SocketEvent>,
    packets: Vec<PacketInfo>,
    /// The student's names for each socket (by id), to find a socket's packets.
    names: std::collections::BTreeMap<u64, Vec<String>>,
}

thread_local! {
    static FACTS: RefCell<Facts> = RefCell::new(Facts::default());
}

/// Why a check did not pass.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// It was false.
    False,
    /// It raised, blocked or was interrupted: the message says which.
    Error(String),
}

/// The result of evaluating a step's checks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Verdict {
    /// Each check that did not pass, with why.
    pub failures: Vec<(Check, Failure)>,
}

impl Verdict {
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
    /// One line for the student about the first failed check.
    pub fn first_message(&self) -> Option<String> {
        let (check, why) = self.failures.first()?;
        let base = check
            .message
            .clone()
            .unwrap_or_else(|| format!("not yet: {}", check.expr));
        Some(match why {
            Failure::False => base,
            Failure::Error(e) => format!("{base} ({e})"),
        })
    }
}

/// A lesson running in its own session (the session is the caller's, so that the REPL
/// can own it while a lesson rides along).
pub struct Engine {
    pub lesson: Lesson,
    /// The step being worked on.
    pub step: usize,
    output: String,
    /// Where the session's event log was when the step began.
    cursor: u64,
    failed_in_step: bool,
    services: Vec<(String, u16)>,
    /// Where the packet numbering was when the step began.
    packet_cursor: u64,
    /// Why a lesson that captures cannot here (its packet checks are then left out).
    pub no_capture: Option<String>,
}

impl Engine {
    /// A session for `lesson` with its services started. `options` say whether output
    /// and events are shown as they happen (`learn`); `fixed_ports` starts services on their usual
    /// ports when free (a student reads them in the text), else on any free port.
    pub fn new(
        lesson: Lesson,
        options: SessionOptions,
        fixed_ports: bool,
    ) -> Result<(Engine, Session), String> {
        let mut session =
            Session::new(options).map_err(|e| format!("cannot start the interpreter: {e}"))?;
        let mut services = Vec::new();
        {
            let handle = session.services();
            let mut running = handle.lock();
            for name in &lesson.needs_services {
                let fixed = if fixed_ports {
                    running.start(name, crate::labs::DEFAULT_HOST, None).ok()
                } else {
                    None
                };
                let info = match fixed {
                    Some(i) => i,
                    None => running
                        .start(name, crate::labs::DEFAULT_HOST, Some(0))
                        .map_err(|e| format!("cannot start the {name} service: {e}"))?,
                };
                services.push((info.service.name(), info.addr.port()));
            }
        }
        let no_capture = if lesson.capture {
            session.trace_own().err()
        } else {
            None
        };
        let engine = Engine {
            lesson,
            step: 0,
            output: String::new(),
            cursor: 0,
            failed_in_step: false,
            services,
            packet_cursor: 0,
            no_capture,
        };
        engine.name_services(&mut session)?;
        Ok((engine, session))
    }

    /// The services' addresses, as names the lesson's text and code can use
    /// (`echo_address`); again after `:reset` forgot them.
    pub fn name_services(&self, session: &mut Session) -> Result<(), String> {
        let mut defs = String::new();
        for (name, port) in &self.services {
            defs.push_str(&format!(
                "{}_address = ('127.0.0.1', {port})\n",
                name.replace('/', "_")
            ));
        }
        if !defs.is_empty() {
            let o = session.run(&defs);
            if let Some(e) = o.error {
                return Err(format!("cannot name the services: {}", e.message));
            }
        }
        Ok(())
    }

    pub fn current(&self) -> Option<&Step> {
        self.lesson.steps.get(self.step)
    }

    /// Begin step `i`: forget the previous step's output and events, run its setup.
    /// A setup that fails is a bug in the lesson (`lesson check` finds it): the error.
    pub fn begin(&mut self, session: &mut Session, i: usize) -> Result<(), String> {
        self.step = i;
        self.output.clear();
        self.failed_in_step = false;
        self.cursor = session.event_cursor();
        self.packet_cursor = session.packet_cursor();
        let Some(step) = self.lesson.steps.get(i) else {
            return Ok(());
        };
        if let Some(setup) = step.setup.clone() {
            let before = session.packet_cursor();
            session.hold_packet_lines(true);
            let o = session.run_unechoed(&setup.text);
            // Nor are its packets.
            session.hide_packets_since(before);
            session.hold_packet_lines(false);
            if let Some(e) = o.error {
                return Err(format!(
                    "{}:{}: the setup of step `{}` failed: {}",
                    self.lesson.path,
                    setup.pos.line,
                    step.id,
                    e.report.trim_end()
                ));
            }
            // What the setup did is not the student's.
            self.output.clear();
            self.cursor = session.event_cursor();
            self.packet_cursor = session.packet_cursor();
        }
        Ok(())
    }

    /// Run one entry of the student's (or of a model solution), keeping what it printed
    /// and did for the checks.
    pub fn run(&mut self, session: &mut Session, text: &str, tick: &mut dyn FnMut()) -> Outcome {
        let o = session.run_with(text, tick);
        self.note(&o);
        o
    }

    /// Keep what an outcome printed and did for the checks of this step.
    pub fn note(&mut self, o: &Outcome) {
        if self.output.len() < (1 << 20) {
            self.output.push_str(&o.stdout);
        }
        if o.error.is_some() {
            self.failed_in_step = true;
        }
    }

    /// Evaluate every check of the current step.
    pub fn check(&mut self, session: &mut Session) -> Verdict {
        let Some(step) = self.lesson.steps.get(self.step) else {
            return Verdict::default();
        };
        let mut checks = step.checks.clone();
        if self.no_capture.is_some() {
            checks.retain(|c| !super::lint::reads_packets(&c.expr));
        }
        let facts = Facts {
            output: self.output.clone(),
            last_exception: if self.failed_in_step {
                session.last_exception()
            } else {
                None
            },
            services: self.services.clone(),
            events: session.events_since(self.cursor),
            packets: if self.lesson.capture {
                session.packets_since(self.packet_cursor)
            } else {
                Vec::new()
            },
            names: crate::session::sockets::names_by_socket(session.interp()),
        };
        let facts = Arc::new(Mutex::new(facts));
        let mut verdict = Verdict::default();
        let mut interrupted = false;
        for c in checks {
            if interrupted {
                // Ctrl-C stops the step's checking, not only the check it landed in.
                verdict
                    .failures
                    .push((c, Failure::Error("the check was interrupted".into())));
                continue;
            }
            let f = facts.clone();
            let r = session.evaluate_isolated(&c.expr, CHECK_DEADLINE, move |_ctx, globals| {
                let facts = f.lock().clone();
                FACTS.with(|cell| *cell.borrow_mut() = facts);
                add_helpers(globals);
            });
            match r {
                Ok(v) if v.truthy => {}
                Ok(_) => verdict.failures.push((c, Failure::False)),
                Err(e) => {
                    interrupted = e.class == "KeyboardInterrupt";
                    let why = describe(&e);
                    verdict.failures.push((c, Failure::Error(why)));
                }
            }
        }
        verdict
    }
}

/// A check's error in one line for the student.
fn describe(e: &ErrorReport) -> String {
    match e.class.as_str() {
        "TimeoutError" if e.report.is_empty() => format!("the check was {}", e.message),
        "KeyboardInterrupt" => "the check was interrupted".to_string(),
        "NameError" => format!("{}: it must exist for this step", e.message),
        _ => format!("{}: {}", e.class, e.message),
    }
}

fn add_helpers(globals: &Arc<Globals>) {
    let helpers: [(&str, crate::interp::value::NativeFn); 8] = [
        ("state", helper_state),
        ("packets", helper_packets),
        ("sockets", helper_sockets),
        ("events", helper_events),
        ("last_exception", helper_last_exception),
        ("output", helper_output),
        ("services", helper_services),
        ("service_address", helper_service_address),
    ];
    for (name, f) in helpers {
        globals.set(name, crate::builtins::functions::builtin_fn(name, f));
    }
}

fn arity(
    ctx: &Ctx,
    name: &str,
    a: &[Value],
    k: &[(Name, Value)],
    max: usize,
) -> crate::interp::R<()> {
    if !k.is_empty() || a.len() > max {
        return Err(ctx.type_error(format!(
            "{name}() takes at most {max} argument{}",
            if max == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

fn socket_of(ctx: &Ctx, name: &str, v: Option<&Value>) -> crate::interp::R<u64> {
    v.and_then(crate::session::sockets::socket_id)
        .ok_or_else(|| ctx.type_error(format!("{name}() needs a socket")))
}

fn helper_state(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> crate::interp::R<Value> {
    arity(ctx, "state", a, k, 1)?;
    let id = socket_of(ctx, "state", a.first())?;
    let state = ctx
        .interp
        .sockets
        .get(id)
        .map(|s| s.info().state)
        .unwrap_or_else(|| "closed".to_string());
    Ok(Value::string(state))
}

fn helper_sockets(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> crate::interp::R<Value> {
    arity(ctx, "sockets", a, k, 0)?;
    let opt = |v: &Option<String>| v.as_deref().map(Value::str).unwrap_or(Value::None);
    let mut out = Vec::new();
    for r in crate::session::sockets::rows(&ctx.interp) {
        let fields: Vec<(&str, Value)> = vec![
            (
                "names",
                Value::list(r.names.iter().map(|n| Value::str(n)).collect()),
            ),
            ("state", Value::str(&r.state)),
            ("family", Value::str(&r.family)),
            ("type", Value::str(&r.kind)),
            ("local", opt(&r.local)),
            ("peer", opt(&r.peer)),
            ("bytes_sent", Value::Int(r.bytes_sent as i64)),
            ("bytes_received", Value::Int(r.bytes_recv as i64)),
            ("waiting", Value::Bool(r.readable)),
        ];
        let mut d = crate::interp::dict::Dict::new();
        for (k, v) in fields {
            let key = Key::new(&Value::str(k)).map_err(|t| ctx.type_error(t))?;
            d.insert(key, v);
        }
        out.push(Value::Dict(Arc::new(crate::interp::sharing::Mutex::new(d))));
    }
    Ok(Value::list(out))
}

fn helper_events(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> crate::interp::R<Value> {
    arity(ctx, "events", a, k, 1)?;
    let only = match a.first() {
        Some(v) => Some(socket_of(ctx, "events", Some(v))?),
        None => None,
    };
    let events = FACTS.with(|f| f.borrow().events.clone());
    let mut out = Vec::new();
    for e in events
        .iter()
        .filter(|e| only.is_none_or(|o| o == e.event.socket))
    {
        out.push(event_dict(ctx, e)?);
    }
    Ok(Value::list(out))
}

/// One event as a check sees it: a dict with its `kind` word, the socket's `state`
/// before (`was`) and after, the event's `text`, and the kind's own fields.
fn event_dict(ctx: &Ctx, e: &SocketEvent) -> crate::interp::R<Value> {
    use crate::net::EventKind as K;
    let s = |t: &str| Value::str(t);
    let endpoint = |p: &crate::net::Endpoint| match p {
        crate::net::Endpoint::Address(a) => Value::str(a),
        crate::net::Endpoint::Socket(r) => Value::string(format!("fd {}", r.fd)),
    };
    let mut fields: Vec<(&str, Value)> = vec![
        ("was", s(e.event.was.word())),
        ("state", s(e.event.now.word())),
        ("text", Value::str(&e.text)),
    ];
    let kind = match &e.event.kind {
        K::Created { .. } => "created",
        K::Bound { local, .. } => {
            fields.push(("local", Value::str(local)));
            "bound"
        }
        K::Listening { local, backlog } => {
            fields.push(("local", Value::str(local)));
            fields.push(("backlog", Value::Int(i64::from(*backlog))));
            "listening"
        }
        K::Connected { peer, local } => {
            fields.push(("peer", Value::str(peer)));
            fields.push(("local", Value::str(local)));
            "connected"
        }
        K::Accepted { peer, local, .. } => {
            fields.push(("peer", Value::str(peer)));
            fields.push(("local", Value::str(local)));
            "accepted"
        }
        K::Sent {
            bytes,
            to,
            datagram,
            ..
        } => {
            fields.push(("bytes", Value::Int(*bytes as i64)));
            fields.push(("to", endpoint(to)));
            fields.push(("datagram", Value::Bool(*datagram)));
            "sent"
        }
        K::Received {
            bytes,
            from,
            datagram,
            peeked,
            ..
        } => {
            fields.push(("bytes", Value::Int(*bytes as i64)));
            fields.push(("from", endpoint(from)));
            fields.push(("datagram", Value::Bool(*datagram)));
            fields.push(("peeked", Value::Bool(*peeked)));
            "received"
        }
        K::PeerClosed { peer, .. } => {
            fields.push(("peer", endpoint(peer)));
            "peer closed"
        }
        K::ShutDown { direction } => {
            let d = match direction {
                crate::net::Direction::Reading => "reading",
                crate::net::Direction::Writing => "writing",
                crate::net::Direction::Both => "both",
            };
            fields.push(("direction", s(d)));
            "shut down"
        }
        K::OptionSet { option, value } => {
            fields.push(("option", Value::str(option)));
            fields.push(("value", Value::str(value)));
            "option set"
        }
        K::Closed => "closed",
        K::Error { line } => {
            fields.push(("error", Value::str(line)));
            "error"
        }
    };
    fields.insert(0, ("kind", s(kind)));
    let mut d = crate::interp::dict::Dict::new();
    for (k, v) in fields {
        let key = Key::new(&Value::str(k)).map_err(|t| ctx.type_error(t))?;
        d.insert(key, v);
    }
    Ok(Value::Dict(Arc::new(crate::interp::sharing::Mutex::new(d))))
}

fn helper_packets(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> crate::interp::R<Value> {
    arity(ctx, "packets", a, k, 2)?;
    // Each end: the names it goes by (a socket's every name, or the one given).
    let mut ends = Vec::new();
    for v in a {
        let names: Vec<String> = match v {
            Value::Str(s) => vec![s.to_string()],
            v => {
                let id = crate::session::sockets::socket_id(v)
                    .ok_or_else(|| ctx.type_error("packets() needs sockets (or their names)"))?;
                FACTS.with(|f| f.borrow().names.get(&id).cloned().unwrap_or_default())
            }
        };
        ends.push(names);
    }
    // A packet's end is named `a, b` when the socket has two names.
    let is = |end: &str, names: &[String]| end.split(", ").any(|e| names.iter().any(|n| n == e));
    let packets = FACTS.with(|f| f.borrow().packets.clone());
    let mut out = Vec::new();
    for p in packets.iter().filter(|p| match ends.as_slice() {
        [] => true,
        [x] => is(&p.from, x) || is(&p.to, x),
        [x, y, ..] => (is(&p.from, x) && is(&p.to, y)) || (is(&p.from, y) && is(&p.to, x)),
    }) {
        let fields: Vec<(&str, Value)> = vec![
            ("kind", Value::str(p.kind())),
            (
                "flags",
                Value::string(if p.protocol == "UDP" {
                    String::new()
                } else {
                    p.flags.tcpdump()
                }),
            ),
            ("protocol", Value::str(p.protocol)),
            ("from", Value::str(&p.from)),
            ("to", Value::str(&p.to)),
            ("length", Value::Int(p.length as i64)),
            ("size", Value::Int(p.size as i64)),
            ("line", Value::str(&p.line)),
        ];
        let mut d = crate::interp::dict::Dict::new();
        for (k, v) in fields {
            let key = Key::new(&Value::str(k)).map_err(|t| ctx.type_error(t))?;
            d.insert(key, v);
        }
        out.push(Value::Dict(Arc::new(crate::interp::sharing::Mutex::new(d))));
    }
    Ok(Value::list(out))
}

fn helper_last_exception(
    ctx: &mut Ctx,
    a: &[Value],
    k: &[(Name, Value)],
) -> crate::interp::R<Value> {
    arity(ctx, "last_exception", a, k, 0)?;
    Ok(FACTS.with(|f| f.borrow().last_exception.clone().unwrap_or(Value::None)))
}

fn helper_output(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> crate::interp::R<Value> {
    arity(ctx, "output", a, k, 0)?;
    Ok(Value::string(FACTS.with(|f| f.borrow().output.clone())))
}

fn helper_services(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> crate::interp::R<Value> {
    arity(ctx, "services", a, k, 0)?;
    let mut d = crate::interp::dict::Dict::new();
    for (name, port) in FACTS.with(|f| f.borrow().services.clone()) {
        let key = Key::new(&Value::string(name)).map_err(|t| ctx.type_error(t))?;
        d.insert(key, Value::Int(port as i64));
    }
    Ok(Value::Dict(Arc::new(crate::interp::sharing::Mutex::new(d))))
}

fn helper_service_address(
    ctx: &mut Ctx,
    a: &[Value],
    k: &[(Name, Value)],
) -> crate::interp::R<Value> {
    arity(ctx, "service_address", a, k, 1)?;
    let name = match a.first() {
        Some(Value::Str(s)) => s.to_string(),
        _ => return Err(ctx.type_error("service_address() needs a service name")),
    };
    let port = FACTS.with(|f| {
        f.borrow()
            .services
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, p)| *p)
    });
    match port {
        Some(p) => Ok(Value::tuple(vec![
            Value::str("127.0.0.1"),
            Value::Int(p as i64),
        ])),
        None => Err(ctx.err("LookupError", format!("no {name} service runs"))),
    }
}

/// Split code into entries as the REPL reads them: a statement, or a compound statement
/// up to the blank line (or dedent) that ends it.
pub fn entries(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut pending = String::new();
    for line in code.lines() {
        if pending.is_empty() && line.trim().is_empty() {
            continue;
        }
        // A line at column 0 after an open block ends the block, as a blank line would.
        if !pending.is_empty()
            && !line.starts_with([' ', '\t'])
            && !line.trim().is_empty()
            && !line.trim_start().starts_with(['#', ')', ']', '}'])
            && !is_continuation_keyword(line)
            && crate::syntax::is_incomplete(&pending)
            && !crate::syntax::is_incomplete(&format!("{pending}\n"))
        {
            out.push(std::mem::take(&mut pending));
        }
        if !pending.is_empty() {
            pending.push('\n');
        }
        pending.push_str(line);
        if !crate::syntax::is_incomplete(&pending) {
            out.push(std::mem::take(&mut pending));
        }
    }
    if !pending.trim().is_empty() {
        out.push(pending);
    }
    out
}

fn is_continuation_keyword(line: &str) -> bool {
    let t = line.trim_start();
    ["else", "elif", "except", "finally"]
        .iter()
        .any(|k| t.starts_with(k) && t[k.len()..].trim_start().starts_with([':', ' ', '(']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::format::parse;

    fn engine(text: &str) -> (Engine, Session) {
        let (lesson, problems) = parse("t.md", text);
        assert_eq!(problems, vec![]);
        Engine::new(lesson, SessionOptions::default(), false).expect("engine")
    }

    const LESSON: &str = "<!-- lesson\nid = \"t\"\ntitle = \"T\"\n-->\n<!-- step: s -->\n## S\n\n```python setup\nimport socket\na, b = socket.socketpair()\n```\n\n```python check\nstate(a) == 'connected'\nx == 1\n```\n";

    #[test]
    fn entries_split_as_the_repl_reads() {
        assert_eq!(
            entries("x = 1\nfor i in range(2):\n    print(i)\ny = 2\n\nif x:\n    pass\nelse:\n    pass\n"),
            vec![
                "x = 1",
                "for i in range(2):\n    print(i)",
                "y = 2",
                "if x:\n    pass\nelse:\n    pass"
            ]
        );
    }

    #[test]
    fn checks_see_helpers_but_students_do_not() {
        let (mut r, mut s) = engine(LESSON);
        r.begin(&mut s, 0).expect("setup");
        let v = r.check(&mut s);
        assert_eq!(v.failures.len(), 1, "{v:?}");
        assert!(matches!(&v.failures[0].1, Failure::Error(m) if m.contains("'x' is not defined")));
        r.run(&mut s, "x = 1", &mut || {});
        assert!(r.check(&mut s).passed());
        let o = s.run("state");
        assert_eq!(o.error.map(|e| e.class).as_deref(), Some("NameError"));
    }

    #[test]
    fn a_check_cannot_close_rebind_or_print() {
        let (mut r, mut s) = engine(LESSON);
        r.begin(&mut s, 0).expect("setup");
        // Straight through the session: lint would refuse these checks.
        let e = s
            .evaluate_isolated("a.close()", CHECK_DEADLINE, |_, g| add_helpers(g))
            .expect_err("refused");
        assert!(e.message.contains("cannot call close()"), "{e:?}");
        let e = s
            .evaluate_isolated("a.send(b'x')", CHECK_DEADLINE, |_, g| add_helpers(g))
            .expect_err("refused");
        assert_eq!(e.class, "RuntimeError");
        s.evaluate_isolated("print('noise') or (a := 1)", CHECK_DEADLINE, |_, g| {
            add_helpers(g)
        })
        .ok();
        // What the check printed is nobody's output; the name it bound was a copy's.
        let o = s.run("print('after', a != 1)");
        assert_eq!(o.stdout, "after True\n");
        let o = s.run("print(state is None)");
        assert!(o.error.is_some());
        assert_eq!(s.run("a.getsockname() == ''").error, None);
        assert!(r
            .check(&mut s)
            .failures
            .iter()
            .all(|(c, _)| c.expr != "state(a) == 'connected'"));
    }

    #[test]
    fn a_check_that_blocks_is_stopped() {
        let (mut r, mut s) = engine(LESSON);
        r.begin(&mut s, 0).expect("setup");
        let started = std::time::Instant::now();
        let e = s
            .evaluate_isolated(
                "any(i < 0 for i in range(10**12))",
                Duration::from_millis(300),
                |_, g| add_helpers(g),
            )
            .expect_err("stopped");
        assert_eq!(e.class, "TimeoutError");
        assert!(started.elapsed() < Duration::from_secs(5));
        assert_eq!(s.run("1 + 1").value.as_deref(), Some("2"));
    }

    #[test]
    fn events_are_typed_and_start_with_the_step() {
        let (mut r, mut s) = engine(LESSON);
        r.begin(&mut s, 0).expect("setup");
        r.run(&mut s, "x = 1\na.send(b'hi')\nb.recv(10)", &mut || {});
        let e = s
            .evaluate_isolated(
                "[(e['kind'], e['bytes']) for e in events()]",
                CHECK_DEADLINE,
                |_, g| {
                    let facts = Facts::default();
                    FACTS.with(|f| *f.borrow_mut() = facts);
                    add_helpers(g)
                },
            )
            .expect("evaluates");
        // The facts above are empty: events come from the engine's check.
        assert_eq!(e.repr, "[]");
        r.lesson.steps[0].checks = vec![Check {
            expr: "[(e['kind'], e['bytes'], e['state']) for e in events(a)] == [('sent', 2, 'connected')] and events(b)[0]['kind'] == 'received'".into(),
            pos: Default::default(),
            message: None,
        }];
        assert!(r.check(&mut s).passed(), "{:?}", r.check(&mut s));
        // The setup's own events (socketpair's creation) are not the step's.
        r.lesson.steps[0].checks[0].expr = "all(e['kind'] != 'created' for e in events())".into();
        assert!(r.check(&mut s).passed());
    }

    #[test]
    fn ctrl_c_during_a_check_fails_it_and_the_session_goes_on() {
        let (mut r, mut s) = engine(LESSON);
        r.begin(&mut s, 0).expect("setup");
        let flag = s.interrupt_flag();
        let presser = std::thread::spawn(move || {
            // Pressed while the check runs: it never ends on its own.
            for _ in 0..100 {
                std::thread::sleep(Duration::from_millis(20));
                flag.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        });
        let e = s
            .evaluate_isolated(
                "any(i < 0 for i in range(10**12))",
                CHECK_DEADLINE,
                |_, g| add_helpers(g),
            )
            .expect_err("interrupted");
        presser.join().expect("presser");
        assert_eq!(describe(&e), "the check was interrupted");
        assert_eq!(s.run("x = 5").error, None);
        assert!(s.evaluate("x == 5").map(|v| v.truthy).unwrap_or(false));
    }

    #[test]
    fn a_check_stuck_in_a_builtin_is_given_up_and_the_session_goes_on() {
        let (mut r, mut s) = engine(LESSON);
        r.begin(&mut s, 0).expect("setup");
        let started = std::time::Instant::now();
        // `sum` over a range never looks at the interrupt flag.
        let e = s
            .evaluate_isolated(
                "sum(range(10**8)) > 0",
                Duration::from_millis(200),
                |_, g| add_helpers(g),
            )
            .expect_err("given up");
        assert_eq!(e.class, "TimeoutError");
        assert!(e.message.contains("cannot be stopped"), "{}", e.message);
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{:?}",
            started.elapsed()
        );
        // The next entry runs once the runaway check has ended.
        assert_eq!(s.run("print('after')").stdout, "after\n");
    }

    #[test]
    fn sockets_lists_every_open_socket_with_its_names() {
        let (mut r, mut s) = engine(LESSON);
        r.begin(&mut s, 0).expect("setup");
        r.lesson.steps[0].checks = vec![Check {
            expr: "[(d['names'], d['state'], d['type']) for d in sockets()] == [(['a'], 'connected', 'SOCK_STREAM'), (['b'], 'connected', 'SOCK_STREAM')]".into(),
            pos: Default::default(),
            message: None,
        }];
        assert!(r.check(&mut s).passed(), "{:?}", r.check(&mut s));
        s.run("a.close()");
        r.lesson.steps[0].checks[0].expr = "len(sockets()) == 1".into();
        assert!(r.check(&mut s).passed(), "{:?}", r.check(&mut s));
    }

    #[test]
    fn needed_services_run_and_are_named_for_student_and_check() {
        let (mut r, mut s) = engine("<!-- lesson\nid = \"t\"\ntitle = \"T\"\nneeds_services = [\"echo\", \"daytime/udp\"]\n-->\n<!-- step: s -->\n## S\n\n```python check\nservices()['echo'] == echo_address[1] and service_address('echo') == echo_address\nservices()['daytime/udp'] == daytime_udp_address[1]\n```\n");
        r.begin(&mut s, 0).expect("setup");
        assert!(r.check(&mut s).passed(), "{:?}", r.check(&mut s));
        // The echo service answers on the address the student is given.
        let o = s.run("import socket\nc = socket.create_connection(echo_address)\nc.sendall(b'hi')\nprint(c.recv(10))");
        assert_eq!(o.stdout, "b'hi'\n", "{:?}", o.error);
    }

    const CAPTURING: &str = "<!-- lesson\nid = \"t\"\ntitle = \"T\"\ncapture = true\n-->\n<!-- step: s -->\n## S\n\n```python setup\nimport socket\nsrv = socket.create_server(('127.0.0.1', 0))\n```\n\n```python check\nstate(c) == 'connected'\n[p['kind'] for p in packets(c, srv)] == ['SYN', 'SYN-ACK', 'ACK']\n```\n";

    fn root() -> bool {
        // SAFETY: geteuid cannot fail.
        unsafe { libc::geteuid() == 0 }
    }

    #[test]
    fn packets_are_the_steps_between_the_sockets_named() {
        if !root() {
            eprintln!("not root: capture on the host's loopback needs root (CI runs as root)");
            return;
        }
        let (mut r, mut s) = engine(CAPTURING);
        assert_eq!(r.no_capture, None);
        r.begin(&mut s, 0).expect("setup");
        let eval = |r: &mut Engine, s: &mut Session, expr: &str| {
            r.lesson.steps[0].checks = vec![Check {
                expr: expr.into(),
                pos: Default::default(),
                message: None,
            }];
            r.check(s).passed()
        };
        // The setup's packets (none) and nothing yet: the check is false.
        assert!(!eval(&mut r, &mut s, "len(packets()) > 0"));
        r.run(
            &mut s,
            "c = socket.create_connection(srv.getsockname())",
            &mut || {},
        );
        for expr in [
            "[p['kind'] for p in packets(c, srv)] == ['SYN', 'SYN-ACK', 'ACK']",
            "[p['kind'] for p in packets(srv, c)] == ['SYN', 'SYN-ACK', 'ACK']",
            "[p['kind'] for p in packets('c', 'srv')] == ['SYN', 'SYN-ACK', 'ACK']",
            "[(p['from'], p['to'], p['flags']) for p in packets(c)] == [('c', 'srv', 'S'), ('srv', 'c', 'S.'), ('c', 'srv', '.')]",
            "all(p['protocol'] == 'TCP' and p['length'] == 0 for p in packets())",
            "packets()[0]['line'].endswith('length 0') and 'c → srv' in packets()[0]['line']",
        ] {
            assert!(eval(&mut r, &mut s, expr), "{expr}");
        }
        r.run(&mut s, "conn, addr = srv.accept()\nc.sendall(b'hi')\nu = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\nu.sendto(b'abc', srv.getsockname())", &mut || {});
        assert!(
            eval(
                &mut r,
                &mut s,
                "packets(c, conn)[0]['kind'] == 'data' and packets(c, conn)[0]['length'] == 2"
            ),
            "{:#?}",
            s.packets_since(0)
        );
        assert!(eval(
            &mut r,
            &mut s,
            "[(p['kind'], p['flags'], p['length'], p['size']) for p in packets(u)] == [('datagram', '', 3, 14 + 20 + 8 + 3)]"
        ));
        // The next step begins: its packets start afresh.
        r.begin(&mut s, 0).expect("again");
        assert!(eval(&mut r, &mut s, "packets(c) == [] and packets() == []"));
        assert!(!eval(&mut r, &mut s, "packets(1) == []"));
    }

    #[test]
    fn without_a_capture_the_packet_checks_are_left_out() {
        let (mut r, mut s) = engine(CAPTURING);
        // As where no capture is possible (socklab decides it at start-up).
        r.no_capture = Some("no packet capture here".into());
        r.begin(&mut s, 0).expect("setup");
        assert_eq!(r.check(&mut s).failures.len(), 1);
        r.run(
            &mut s,
            "c = socket.socket()\nc.connect(srv.getsockname())",
            &mut || {},
        );
        assert!(r.check(&mut s).passed(), "{:?}", r.check(&mut s));
    }

    #[test]
    fn output_and_last_exception_are_per_step() {
        let (mut r, mut s) = engine("<!-- lesson\nid = \"t\"\ntitle = \"T\"\n-->\n<!-- step: s -->\n## S\n\n```python check\n'hi' in output()\nisinstance(last_exception(), ZeroDivisionError)\n```\n");
        r.begin(&mut s, 0).expect("setup");
        r.run(&mut s, "print('hi')", &mut || {});
        assert_eq!(r.check(&mut s).failures.len(), 1);
        r.run(&mut s, "1/0", &mut || {});
        assert!(r.check(&mut s).passed());
        r.begin(&mut s, 0).expect("again");
        assert_eq!(r.check(&mut s).failures.len(), 2);
    }
}
