//! The socket object: `socket.socket()` over a real OS socket, its methods (blocking,
//! time-outs and non-blocking mode as CPython's), and the functions that make sockets
//! (`socketpair`, `create_connection`, `create_server`).

use super::*;

pub fn socket_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        types::make_class(
            "socket",
            "socket",
            vec![types::class("object")],
            Native::Socket,
            Default::default(),
        )
    })
    .clone()
}

/// A Python socket value: a handle on one socket of the session's table.
pub struct SocketObj {
    pub sock: Arc<Sock>,
}

impl Drop for SocketObj {
    /// Dropping the last reference closes the socket, as CPython's refcounting does.
    fn drop(&mut self) {
        self.sock.close();
    }
}

pub(super) fn site(ctx: &Ctx) -> String {
    match &ctx.site {
        Some((src, off)) => {
            let name = std::path::Path::new(&src.name)
                .file_name()
                .map_or(src.name.clone(), |n| n.to_string_lossy().into_owned());
            format!("{}:{}", name, src.line_of(*off as usize))
        }
        None => "?".to_string(),
    }
}

pub fn new_socket_value(
    ctx: &Ctx,
    os: Socket,
    family: i32,
    kind: i32,
    proto: i32,
    timeout: Option<f64>,
) -> (Value, Arc<Sock>) {
    let sock = ctx
        .interp
        .sockets
        .register(os, family, kind, proto, site(ctx), timeout);
    (
        Value::Native(Arc::new(SocketObj { sock: sock.clone() })),
        sock,
    )
}

pub fn construct(ctx: &mut Ctx, args: &[Value], kwargs: &[(Name, Value)]) -> R<Value> {
    arg_count(ctx, "socket", args, 0, 4)?;
    let get = |i: usize, name: &str| args.get(i).or(kwarg(kwargs, name)).filter(|v| !v.is_none());
    // As CPython's socket.socket, -1 (its default) means AF_INET, SOCK_STREAM and 0.
    let number = |i: usize, name: &str, default: i32| -> R<i32> {
        let n = get(i, name).map(|v| to_clinic_int(ctx, v)).transpose()?;
        Ok(n.filter(|&n| n != -1).unwrap_or(default))
    };
    let family = number(0, "family", libc::AF_INET)?;
    let kind = number(1, "type", libc::SOCK_STREAM)?;
    let proto = number(2, "proto", 0)?;
    if get(3, "fileno").is_some() {
        return Err(ctx.err(
            "NotImplementedError",
            "socklab does not support socket(fileno=...)",
        ));
    }
    let os = Socket::new(
        Domain::from(family),
        Type::from(kind),
        Some(socket2::Protocol::from(proto)).filter(|_| proto != 0),
    )
    .map_err(|e| io_error(ctx, &e))?;
    // As CPython: `SOCK_NONBLOCK` in the type makes the socket non-blocking, and
    // neither it nor `SOCK_CLOEXEC` stays in `s.type`.
    let (nonblock, cloexec) = net::sys::SOCK_TYPE_FLAGS;
    let t = if nonblock != 0 && kind & nonblock != 0 {
        Some(0.0)
    } else {
        default_timeout(ctx)
    };
    let kind = kind & !(nonblock | cloexec);
    let (v, sock) = new_socket_value(ctx, os, family, kind, proto, t);
    sock.record(created(family, kind, net::Origin::Socket));
    Ok(v)
}

pub(super) fn os_of(ctx: &Ctx, s: &Sock) -> R<Arc<Socket>> {
    s.os().ok_or_else(|| ctx.os_error(libc::EBADF))
}

/// Run a non-blocking operation as Python's blocking semantics say: retry after waiting
/// for readiness, honour the time-out, raise `BlockingIOError` in non-blocking mode.
pub(super) fn blocking<T>(
    ctx: &Ctx,
    s: &Sock,
    readable: bool,
    mut op: impl FnMut(&Socket) -> std::io::Result<T>,
) -> R<T> {
    let os = os_of(ctx, s)?;
    retry(
        ctx,
        os.as_raw_fd(),
        s.timeout(),
        readable,
        false,
        None,
        || op(&os),
    )
}

/// As `blocking`, for a read of the peer's data, which learns from the socket's earlier
/// reads how to wait (`ReadHabits`); `once` (MSG_DONTWAIT) makes a single attempt
/// whatever the mode.
pub(super) fn reading<T>(
    ctx: &Ctx,
    s: &Sock,
    once: bool,
    mut op: impl FnMut(&Socket) -> std::io::Result<T>,
) -> R<T> {
    let os = os_of(ctx, s)?;
    let fd = os.as_raw_fd();
    retry(ctx, fd, s.timeout(), true, once, Some(&s.reads), || op(&os))
}

/// As `blocking` and `reading`, for the socket's own `send` and `recv`: on the descriptor
/// alone, without the lock and the reference count (see `Sock::live_fd`).
pub(super) fn blocking_fd<T>(
    ctx: &Ctx,
    s: &Sock,
    readable: bool,
    once: bool,
    mut op: impl FnMut(RawFd) -> std::io::Result<T>,
) -> R<T> {
    let Some(fd) = s.live_fd() else {
        return Err(ctx.os_error(libc::EBADF));
    };
    let habits = readable.then_some(&s.reads);
    retry(ctx, fd, s.timeout(), readable, once, habits, || op(fd))
}

/// Try `op` until it succeeds, waiting for `fd` to be ready between tries, within
/// `timeout`.
///
/// A read passes its socket's `habits`, and learns two things from them. Whether to wait
/// before the first try: a server's `recv` nearly always finds nothing yet, and trying
/// first costs a system call that fails (EAGAIN) before every `poll`; so after a read
/// that had to wait, the next ones wait first, and every 16th tries first again, in case
/// data now arrives faster than it is read. And how long to spin before sleeping
/// (`wait::SpinWindow`, which says why), learnt from how long each wait took.
pub(super) fn retry<T>(
    ctx: &Ctx,
    fd: RawFd,
    timeout: Option<f64>,
    readable: bool,
    once: bool,
    habits: Option<&wait::ReadHabits>,
    mut op: impl FnMut() -> std::io::Result<T>,
) -> R<T> {
    let blocking = timeout != Some(0.0) && !once;
    let habits = habits.filter(|_| blocking);
    let mut wait_first = false;
    if let Some(h) = habits {
        let n = h.waits_first.load(Ordering::Relaxed);
        if n > 0 {
            wait_first = true;
            h.waits_first.store((n + 1) % 16, Ordering::Relaxed);
        }
    }
    // Set when the first wait begins: the clock is read only if there is a wait.
    let mut waiting_since: Option<std::time::Instant> = None;
    let mut deadline: Option<std::time::Instant> = None;
    loop {
        if wait_first {
            if waiting_since.is_none() {
                let now = std::time::Instant::now();
                waiting_since = Some(now);
                deadline = timeout.and_then(|t| wait::deadline_after(now, t));
                if let Some(h) = habits {
                    let window = h.spin.get();
                    if !window.is_zero() {
                        let until = deadline.map_or(now + window, |d| d.min(now + window));
                        if let Some(v) = spin(ctx, until, &mut op)? {
                            h.spin.learn(now.elapsed());
                            return Ok(v);
                        }
                    }
                }
            }
            let left = deadline.map(|d| {
                d.saturating_duration_since(std::time::Instant::now())
                    .as_secs_f64()
            });
            if left == Some(0.0) {
                return Err(timed_out());
            }
            if !wait::wait_fd(ctx, fd, readable, left)? {
                return Err(timed_out());
            }
        }
        match op() {
            Ok(v) => {
                if let (Some(h), Some(since)) = (habits, waiting_since) {
                    h.spin.learn(since.elapsed());
                }
                return Ok(v);
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => {
                if !blocking {
                    return Err(io_error(ctx, &e));
                }
                if let Some(h) = habits {
                    if !wait_first {
                        h.waits_first.store(1, Ordering::Relaxed);
                    }
                }
                wait_first = true;
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => wait_first = false,
            Err(e) => return Err(io_error(ctx, &e)),
        }
    }
}

/// Try `op` until `until`, yielding the CPU before each try (see `wait::SpinWindow`).
/// `None` if the data did not come in time. Ctrl-C is seen at once, as in a sleep.
pub(super) fn spin<T>(
    ctx: &Ctx,
    until: std::time::Instant,
    op: &mut impl FnMut() -> std::io::Result<T>,
) -> R<Option<T>> {
    while std::time::Instant::now() < until {
        ctx.check_signals()?;
        wait::yield_cpu();
        match op() {
            Ok(v) => return Ok(Some(v)),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::Interrupted) => {}
            Err(e) => return Err(io_error(ctx, &e)),
        }
    }
    Ok(None)
}

/// Reads up to this size use a stack buffer (see `recv`).
pub(super) const SMALL_RECV: usize = 8192;

pub(super) fn data_arg(ctx: &Ctx, v: &Value) -> R<Vec<u8>> {
    match v {
        Value::Bytes(b) => Ok(b.to_vec()),
        Value::ByteArray(b) => Ok(b.lock().clone()),
        Value::Native(n) if n.buffer().is_some() => Ok(n.buffer().unwrap_or_default()),
        other => Err(ctx.type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(other)
        ))),
    }
}

pub(super) fn flags_arg(ctx: &Ctx, v: Option<&Value>) -> R<i32> {
    match v {
        None => Ok(0),
        Some(v) => Ok(to_c_int(ctx, v)?),
    }
}

pub(super) fn record_error(s: &Sock, e: Box<Exc>, ctx: &mut Ctx) -> Box<Exc> {
    if !e.is("KeyboardInterrupt") {
        let text = crate::interp::exception_line(ctx, &e.value);
        s.record(net::EventKind::Error { line: text });
    }
    e
}

pub(super) fn created(family: i32, kind: i32, origin: net::Origin) -> net::EventKind {
    net::EventKind::Created {
        family: net::family_name(family),
        kind: net::kind_name(kind),
        origin,
    }
}

pub(super) fn update_local(s: &Sock, os: &Socket) -> Option<String> {
    let local = os.local_addr().ok().map(|a| addr_text(&a));
    s.inner.lock().local = local.clone();
    local
}

/// The other end of a connected socket, as its events name it.
pub(super) fn peer_of(s: &Sock) -> net::Endpoint {
    let st = s.inner.lock();
    match (st.peer_socket, &st.peer) {
        (Some(other), _) => net::Endpoint::Socket(other),
        (None, Some(addr)) => net::Endpoint::Address(addr.clone()),
        (None, None) => net::Endpoint::Address("peer".into()),
    }
}

impl SocketObj {
    fn method(
        &self,
        ctx: &mut Ctx,
        this: &Value,
        name: &str,
        a: &[Value],
        k: &[(Name, Value)],
    ) -> Option<R<Value>> {
        // A lesson's check reads the student's sockets; it must never change one.
        if super::read_only() && !super::PURE_SOCKET_METHODS.contains(&name) {
            return Some(Err(ctx.err(
                "RuntimeError",
                format!("a lesson check cannot call {name}(): it would change the socket"),
            )));
        }
        let s = &self.sock;
        let r = match name {
            "bind" => self.bind(ctx, a),
            "listen" => self.listen(ctx, a),
            "accept" => self.accept(ctx),
            "connect" => self.connect(ctx, a, false),
            "connect_ex" => self.connect(ctx, a, true),
            "send" => self.send(ctx, a, false),
            "sendall" => self.send(ctx, a, true),
            "sendto" => self.sendto(ctx, a),
            "recv" => self.recv(ctx, a, k, false),
            "recvfrom" => self.recv(ctx, a, k, true),
            "recv_into" => self.recv_into(ctx, a, k, false),
            "recvfrom_into" => self.recv_into(ctx, a, k, true),
            "close" => {
                s.close();
                Ok(Value::None)
            }
            "detach" => {
                let fd = s.inner.lock().fd;
                s.close();
                Ok(Value::Int(fd as i64))
            }
            "shutdown" => self.shutdown(ctx, a),
            "setsockopt" => self.setsockopt(ctx, a),
            "getsockopt" => self.getsockopt(ctx, a),
            "settimeout" => (|| {
                let t = parse_timeout(ctx, &a[0])?;
                s.set_timeout(t);
                // CPython stores the value, then fails to apply it to a closed socket.
                os_of(ctx, s)?;
                Ok(Value::None)
            })(),
            "gettimeout" => Ok(float_or_none(s.timeout())),
            "setblocking" => (|| {
                let b = to_i64(ctx, &a[0], "")? != 0;
                s.set_timeout(if b { None } else { Some(0.0) });
                os_of(ctx, s)?;
                Ok(Value::None)
            })(),
            "getblocking" => Ok(Value::Bool(s.timeout() != Some(0.0))),
            "getsockname" => (|| {
                let os = os_of(ctx, s)?;
                let a = os.local_addr().map_err(|e| io_error(ctx, &e))?;
                Ok(addr_to_value(&a))
            })(),
            "getpeername" => (|| {
                let os = os_of(ctx, s)?;
                let a = os.peer_addr().map_err(|e| io_error(ctx, &e))?;
                Ok(addr_to_value(&a))
            })(),
            "fileno" => Ok(Value::Int(s.os().map_or(-1, |o| o.as_raw_fd() as i64))),
            "makefile" => self.makefile(ctx, a, k),
            "__enter__" => Ok(this.clone()),
            "__exit__" => {
                s.close();
                Ok(Value::None)
            }
            "dup" => (|| {
                let os = os_of(ctx, s)?;
                let d = os.try_clone().map_err(|e| io_error(ctx, &e))?;
                let (v, new) = new_socket_value(ctx, d, s.family, s.kind, s.proto, s.timeout());
                new.record(created(
                    s.family,
                    s.kind,
                    net::Origin::Dup { of: s.socket_ref() },
                ));
                Ok(v)
            })(),
            _ => return None,
        };
        Some(r.map_err(|e| record_error(s, e, ctx)))
    }

    fn bind(&self, ctx: &mut Ctx, a: &[Value]) -> R<Value> {
        let s = &self.sock;
        let addr = parse_address(ctx, s.family, &a[0], "bind")?;
        let os = os_of(ctx, s)?;
        os.bind(&addr).map_err(|e| io_error(ctx, &e))?;
        let local = update_local(s, &os).unwrap_or_default();
        s.transition(
            State::Bound,
            net::EventKind::Bound {
                local,
                by_os: false,
            },
        );
        Ok(Value::None)
    }

    fn listen(&self, ctx: &mut Ctx, a: &[Value]) -> R<Value> {
        if a.len() > 1 {
            return Err(ctx.type_error(format!(
                "listen() takes at most 1 argument ({} given)",
                a.len()
            )));
        }
        let s = &self.sock;
        let backlog = match a.first() {
            Some(v) => to_c_int(ctx, v)?.max(0),
            None => libc::SOMAXCONN.min(128),
        };
        let os = os_of(ctx, s)?;
        os.listen(backlog).map_err(|e| io_error(ctx, &e))?;
        let local = update_local(s, &os).unwrap_or_default();
        s.transition(
            State::Listening,
            net::EventKind::Listening { local, backlog },
        );
        Ok(Value::None)
    }

    fn accept(&self, ctx: &mut Ctx) -> R<Value> {
        let s = &self.sock;
        let (conn, addr) = blocking(ctx, s, true, |os| os.accept())?;
        // CPython: the new socket is blocking unless a default time-out is set.
        let t = default_timeout(ctx);
        let (v, new) = new_socket_value(ctx, conn, s.family, s.kind, s.proto, t);
        let local = new.os().and_then(|o| update_local(&new, &o));
        {
            let mut st = new.inner.lock();
            st.peer = Some(addr_text(&addr));
            st.state = State::Connected;
        }
        new.record(net::EventKind::Accepted {
            peer: addr_text(&addr),
            local: local.unwrap_or_default(),
            listener: s.socket_ref(),
        });
        Ok(Value::tuple(vec![v, addr_to_value(&addr)]))
    }

    fn connect(&self, ctx: &mut Ctx, a: &[Value], ex: bool) -> R<Value> {
        let fname = if ex { "connect_ex" } else { "connect" };
        let s = &self.sock;
        let addr = parse_address(ctx, s.family, &a[0], fname)?;
        let os = match os_of(ctx, s) {
            Ok(os) => os,
            Err(_) if ex => return Ok(Value::Int(libc::EBADF as i64)),
            Err(e) => return Err(e),
        };
        let before = s.inner.lock().state;
        let timeout = s.timeout();
        let result = match os.connect(&addr) {
            Ok(()) => Ok(()),
            Err(e)
                if e.raw_os_error() == Some(libc::EINPROGRESS)
                    || e.kind() == ErrorKind::WouldBlock =>
            {
                if timeout == Some(0.0) {
                    Err(io_error(ctx, &e))
                } else {
                    // One event for the whole connect: note "connecting" silently.
                    s.inner.lock().state = State::Connecting;
                    if !wait::wait_for(ctx, &os, false, timeout)? {
                        Err(timed_out())
                    } else {
                        let outcome = match os.take_error() {
                            Ok(Some(err)) => Err(io_error(ctx, &err)),
                            Ok(None) => Ok(()),
                            Err(err) => Err(io_error(ctx, &err)),
                        };
                        // A blocking socket (no time-out) must behave as a blocking
                        // connect() would: the kernel reports a finished non-blocking
                        // connect once more on the next connect() call, so consume that
                        // report now (then a second connect() says EISCONN, or tries
                        // afresh after a refusal, as CPython's blocking connect does).
                        if timeout.is_none() {
                            let _ = os.connect(&addr);
                        }
                        outcome
                    }
                }
            }
            Err(e) => Err(io_error(ctx, &e)),
        };
        match result {
            Ok(()) => {
                let local = update_local(s, &os).unwrap_or_default();
                {
                    let mut st = s.inner.lock();
                    st.peer = Some(addr_text(&addr));
                    if st.state == State::Connecting {
                        st.state = before;
                    }
                }
                s.transition(
                    State::Connected,
                    net::EventKind::Connected {
                        peer: addr_text(&addr),
                        local,
                    },
                );
                Ok(if ex { Value::Int(0) } else { Value::None })
            }
            Err(e) if ex && !e.is("KeyboardInterrupt") => {
                let errno =
                    crate::interp::exec::getattr(ctx, &e.value, "errno").unwrap_or(Value::None);
                let code = match errno {
                    Value::Int(n) => n,
                    _ => libc::EAGAIN as i64,
                };
                let text = crate::interp::exception_line(ctx, &e.value);
                s.record(net::EventKind::Error { line: text });
                {
                    let mut st = s.inner.lock();
                    if st.state == State::Connecting {
                        st.state = before;
                    }
                }
                Ok(Value::Int(code))
            }
            Err(e) => {
                let mut st = s.inner.lock();
                if st.state == State::Connecting {
                    st.state = before;
                }
                Err(e)
            }
        }
    }

    fn send(&self, ctx: &mut Ctx, a: &[Value], all: bool) -> R<Value> {
        let s = &self.sock;
        let owned;
        let data: &[u8] = match &a[0] {
            Value::Bytes(b) => b,
            other => {
                owned = data_arg(ctx, other)?;
                &owned
            }
        };
        let flags = flags_arg(ctx, a.get(1))? | net::sys::NO_SIGNAL;
        let mut sent = 0;
        loop {
            let n = blocking_fd(ctx, s, false, false, |fd| {
                net::sys::send(fd, &data[sent..], flags)
            })?;
            sent += n;
            if !all || sent >= data.len() {
                break;
            }
            ctx.check_interrupt()?;
        }
        s.traffic
            .sent(sent, !s.is_stream(), !ctx.interp.is_shared());
        if s.traffic_observed() {
            s.record(net::EventKind::Sent {
                bytes: sent,
                to: peer_of(s),
                datagram: !s.is_stream(),
                through_file: false,
            });
        }
        Ok(if all {
            Value::None
        } else {
            Value::Int(sent as i64)
        })
    }

    fn sendto(&self, ctx: &mut Ctx, a: &[Value]) -> R<Value> {
        if a.len() < 2 || a.len() > 3 {
            return Err(ctx.type_error(format!(
                "sendto() takes 2 or 3 arguments ({} given)",
                a.len()
            )));
        }
        let s = &self.sock;
        let data = data_arg(ctx, &a[0])?;
        let (flags, addr_v) = if a.len() == 3 {
            (flags_arg(ctx, a.get(1))?, &a[2])
        } else {
            (0, &a[1])
        };
        let addr = parse_address(ctx, s.family, addr_v, "sendto")?;
        let n = blocking(ctx, s, false, |os| {
            os.send_to_with_flags(&data, &addr, flags | net::sys::NO_SIGNAL)
        })?;
        let was_created = s.inner.lock().state == State::Created;
        // The datagram has left: a thread that closes the socket now (a server's main
        // thread once the answer has arrived) must not turn this into an error.
        if let Some(os) = s.os().filter(|_| was_created) {
            let local = update_local(s, &os).unwrap_or_default();
            // The OS picked an ephemeral port on the first datagram.
            s.transition(State::Bound, net::EventKind::Bound { local, by_os: true });
        }
        // sendto on a connected stream ignores the address and sends bytes, not a datagram.
        let datagram = !s.is_stream();
        s.traffic.sent(n, datagram, !ctx.interp.is_shared());
        if s.traffic_observed() {
            s.record(net::EventKind::Sent {
                bytes: n,
                to: if datagram {
                    net::Endpoint::Address(addr_text(&addr))
                } else {
                    peer_of(s)
                },
                datagram,
                through_file: false,
            });
        }
        Ok(Value::Int(n as i64))
    }

    fn recv(&self, ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)], from: bool) -> R<Value> {
        let fname = if from { "recvfrom" } else { "recv" };
        if a.is_empty() || a.len() > 2 {
            let bound = if a.is_empty() {
                "at least 1 argument"
            } else {
                "at most 2 arguments"
            };
            return Err(ctx.type_error(format!("{fname}() takes {bound} ({} given)", a.len())));
        }
        let s = &self.sock;
        let size = to_i64(ctx, &a[0], "")?;
        if size < 0 {
            return Err(ctx.value_error(format!("negative buffersize in {fname}")));
        }
        let flags = flags_arg(ctx, a.get(1).or(kwarg(k, "flags")))?;
        if size == 0 && !from {
            return Ok(Value::bytes(b""));
        }
        let dontwait = flags & libc::MSG_DONTWAIT != 0;
        // The kernel never hands over more than its buffers hold; cap the allocation.
        let cap = (size as usize).min(1 << 22);
        // Uninitialised memory: the kernel writes it, so there is nothing to zero first.
        // Small reads (the common `recv(1024)`) land on the stack and are copied once into
        // the bytes value. Large ones are read straight into a bytes value's own memory,
        // which becomes the result, uncopied, when the read fills it (a server's
        // `recv(65536)` under load); a shorter read is copied into one of its size.
        let mut small = [MaybeUninit::<u8>::uninit(); SMALL_RECV];
        let mut large: Option<Arc<[MaybeUninit<u8>]>> =
            (cap > SMALL_RECV).then(|| Arc::new_uninit_slice(cap));
        let space: &mut [MaybeUninit<u8>] = match large.as_mut().map(Arc::get_mut) {
            Some(Some(own)) => own,
            // A buffer just made has no other owner; this is never taken.
            Some(None) => return Err(ctx.err("MemoryError", "")),
            None => &mut small[..cap],
        };
        // A datagram `recv` watched by the REPL or a lesson reads as `recvfrom` does, so its
        // event can name the sender (an unconnected UDP socket hears from anyone).
        let (n, addr) = if from || (!s.is_stream() && s.observed()) {
            let (n, addr) = reading(ctx, s, dontwait, |os| os.recv_from_with_flags(space, flags))?;
            (n, Some(addr))
        } else {
            (
                blocking_fd(ctx, s, true, dontwait, |fd| {
                    net::sys::recv(fd, space, flags)
                })?,
                None,
            )
        };
        // SAFETY: the kernel initialised the first `n` bytes of `space`.
        let data: &[u8] = unsafe { std::slice::from_raw_parts(space.as_ptr().cast::<u8>(), n) };
        let peeked = flags & libc::MSG_PEEK != 0;
        if !peeked {
            s.traffic
                .received(n, !s.is_stream(), !ctx.interp.is_shared());
        }
        let from_text = match &addr {
            Some(a) if a.as_socket().is_some() || a.as_pathname().is_some() => {
                net::Endpoint::Address(addr_text(a))
            }
            _ if s.observed() => peer_of(s),
            _ => net::Endpoint::Address(String::new()),
        };
        if !s.observed() {
        } else if s.is_stream() && n == 0 && size > 0 {
            s.record(net::EventKind::PeerClosed {
                peer: from_text,
                through_file: false,
            });
        } else if s.traffic_observed() {
            s.record(net::EventKind::Received {
                bytes: n,
                from: from_text,
                datagram: !s.is_stream(),
                peeked,
                through_file: false,
            });
        }
        let bytes = match large {
            // SAFETY: the read filled the whole buffer, so every byte is initialised.
            Some(full) if n == cap => Value::Bytes(unsafe { full.assume_init() }),
            _ => Value::bytes(data),
        };
        if from {
            let addr_v = match &addr {
                Some(a) if a.as_socket().is_some() || a.as_pathname().is_some() => addr_to_value(a),
                Some(_) if s.family == libc::AF_UNIX => Value::None,
                _ => Value::None,
            };
            Ok(Value::tuple(vec![bytes, addr_v]))
        } else {
            Ok(bytes)
        }
    }

    /// `recv_into(buffer, nbytes=0, flags=0)` / `recvfrom_into`: `recv` (with its events
    /// and counters), its bytes then written into the bytearray or writable memoryview
    /// from its start. `a` is bound: the buffer, then what was given of the rest.
    fn recv_into(&self, ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)], from: bool) -> R<Value> {
        let fname = if from { "recvfrom_into" } else { "recv_into" };
        let Some(target) = a.first() else {
            return Err(ctx.type_error(format!(
                "{fname}() missing required argument 'buffer' (pos 1)"
            )));
        };
        let view = crate::builtins::memoryview::as_view(target).filter(|m| !m.readonly());
        let room = match (target, view) {
            (Value::ByteArray(b), _) => b.lock().len(),
            (_, Some(m)) => m.len(),
            _ => {
                return Err(ctx.type_error(format!(
                    "{fname}() argument 1 must be read-write bytes-like object, not {}",
                    type_name(target)
                )))
            }
        };
        let nbytes = match a.get(1).or(kwarg(k, "nbytes")) {
            Some(v) => to_i64(ctx, v, "")?,
            None => 0,
        };
        if nbytes < 0 {
            return Err(ctx.value_error(format!("negative buffersize in {fname}")));
        }
        if nbytes as u64 > room as u64 {
            return Err(ctx.value_error(if from {
                "nbytes is greater than the length of the buffer"
            } else {
                "buffer too small for requested bytes"
            }));
        }
        let size = if nbytes == 0 { room } else { nbytes as usize };
        let flags = a
            .get(2)
            .or(kwarg(k, "flags"))
            .cloned()
            .unwrap_or(Value::Int(0));
        let got = self.recv(ctx, &[Value::Int(size as i64), flags], &[], from)?;
        let (data, addr) = match &got {
            Value::Tuple(t) if from => (t[0].clone(), Some(t[1].clone())),
            other => (other.clone(), None),
        };
        let Value::Bytes(data) = &data else {
            return Err(ctx.err("SystemError", format!("{fname}() read no bytes")));
        };
        match (target, view) {
            (Value::ByteArray(b), _) => {
                let mut buf = b.lock();
                let n = data.len().min(buf.len());
                buf[..n].copy_from_slice(&data[..n]);
            }
            (_, Some(m)) => m.write(ctx, data)?,
            _ => {}
        }
        let n = Value::Int(data.len() as i64);
        Ok(match addr {
            Some(addr) => Value::tuple(vec![n, addr]),
            None => n,
        })
    }

    fn shutdown(&self, ctx: &mut Ctx, a: &[Value]) -> R<Value> {
        let s = &self.sock;
        let how = to_clinic_int(ctx, &a[0])?;
        let (h, state) = match how {
            0 => (std::net::Shutdown::Read, State::ShutRead),
            1 => (std::net::Shutdown::Write, State::ShutWrite),
            2 => (std::net::Shutdown::Both, State::ShutBoth),
            _ => return Err(ctx.os_error(libc::EINVAL)),
        };
        let os = os_of(ctx, s)?;
        os.shutdown(h).map_err(|e| io_error(ctx, &e))?;
        let cur = s.inner.lock().state;
        let new = match (cur, state) {
            (State::ShutRead, State::ShutWrite) | (State::ShutWrite, State::ShutRead) => {
                State::ShutBoth
            }
            _ => state,
        };
        let direction = match new {
            State::ShutRead => net::Direction::Reading,
            State::ShutWrite => net::Direction::Writing,
            _ => net::Direction::Both,
        };
        s.transition(new, net::EventKind::ShutDown { direction });
        Ok(Value::None)
    }

    fn setsockopt(&self, ctx: &mut Ctx, a: &[Value]) -> R<Value> {
        if a.len() < 3 {
            return Err(ctx.type_error(format!(
                "setsockopt() takes exactly 3 arguments ({} given)",
                a.len()
            )));
        }
        if a.len() > 4 {
            return Err(ctx.type_error(format!(
                "setsockopt() takes at most 4 arguments ({} given)",
                a.len()
            )));
        }
        let s = &self.sock;
        let level = to_c_int(ctx, &a[0])?;
        let opt = to_c_int(ctx, &a[1])?;
        let os = os_of(ctx, s)?;
        let bytes: Vec<u8> = match &a[2] {
            Value::Bytes(_) | Value::ByteArray(_) => data_arg(ctx, &a[2])?,
            Value::None if a.len() == 4 => vec![0; to_i64(ctx, &a[3], "")?.max(0) as usize],
            // An int that fits a C int is the option's value; anything else must be bytes.
            Value::Int(i) if i32::try_from(*i).is_ok() => (*i as i32).to_ne_bytes().to_vec(),
            Value::Bool(b) => (*b as i32).to_ne_bytes().to_vec(),
            v => {
                return Err(ctx.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    type_name(v)
                )))
            }
        };
        // SAFETY: setsockopt reads `bytes.len()` bytes from our buffer.
        let r = unsafe {
            libc::setsockopt(
                os.as_raw_fd(),
                level,
                opt,
                bytes.as_ptr() as *const libc::c_void,
                bytes.len() as libc::socklen_t,
            )
        };
        if r != 0 {
            return Err(io_error(ctx, &std::io::Error::last_os_error()));
        }
        s.record(net::EventKind::OptionSet {
            option: option_name(level, opt),
            value: crate::interp::repr::repr_simple(&a[2]),
        });
        Ok(Value::None)
    }

    fn getsockopt(&self, ctx: &mut Ctx, a: &[Value]) -> R<Value> {
        if a.len() < 2 || a.len() > 3 {
            let bound = if a.len() < 2 {
                "at least 2"
            } else {
                "at most 3"
            };
            return Err(ctx.type_error(format!(
                "getsockopt() takes {bound} arguments ({} given)",
                a.len()
            )));
        }
        let s = &self.sock;
        let level = to_c_int(ctx, &a[0])?;
        let opt = to_c_int(ctx, &a[1])?;
        let os = os_of(ctx, s)?;
        let buflen = match a.get(2) {
            Some(v) => {
                let n = to_i64(ctx, v, "")?;
                if !(0..=1024).contains(&n) {
                    return Err(ctx.err("OSError", "getsockopt buflen out of range"));
                }
                Some(n as usize)
            }
            None => None,
        };
        let mut buf = vec![0u8; buflen.unwrap_or(4).max(4)];
        let mut len = buf.len() as libc::socklen_t;
        // SAFETY: getsockopt writes at most `len` bytes into our buffer.
        let r = unsafe {
            libc::getsockopt(
                os.as_raw_fd(),
                level,
                opt,
                buf.as_mut_ptr() as *mut libc::c_void,
                &mut len,
            )
        };
        if r != 0 {
            return Err(io_error(ctx, &std::io::Error::last_os_error()));
        }
        match buflen {
            Some(n) => Ok(Value::Bytes(buf[..(len as usize).min(n)].to_vec().into())),
            None => Ok(Value::Int(
                i32::from_ne_bytes([buf[0], buf[1], buf[2], buf[3]]) as i64,
            )),
        }
    }

    fn makefile(&self, ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
        let mode = match a.first().or(kwarg(k, "mode")) {
            Some(Value::Str(m)) => m.to_string(),
            None => "r".to_string(),
            Some(other) => {
                return Err(ctx.type_error(format!(
                    "makefile() argument 'mode' must be str, not {}",
                    type_name(other)
                )))
            }
        };
        if !mode.chars().all(|c| "rwb".contains(c)) || mode.is_empty() {
            return Err(ctx.value_error(
                format!("invalid mode {:?} (only r, w, b allowed)", mode).replace('"', "'"),
            ));
        }
        let buffering = match a.get(1).or(kwarg(k, "buffering")) {
            Some(Value::Int(b)) => Some(*b),
            _ => None,
        };
        if buffering == Some(0) && !mode.contains('b') {
            return Err(ctx.value_error("unbuffered streams must be binary"));
        }
        os_of(ctx, &self.sock)?;
        self.sock.inner.lock().io_refs += 1;
        Ok(Value::Native(Arc::new(SocketFile {
            sock: self.sock.clone(),
            reading: mode.contains('r'),
            writing: mode.contains('w'),
            binary: mode.contains('b'),
            mode,
            unbuffered: buffering == Some(0),
            state: Mutex::new(FileState::default()),
        })))
    }
}

impl NativeObject for SocketObj {
    fn class(&self) -> Arc<Class> {
        socket_class()
    }
    fn repr(&self) -> String {
        let s = &self.sock;
        let os = s.os();
        let pending = s.inner.lock().close_pending;
        let mut out = String::from("<socket.socket ");
        if os.is_none() || pending {
            out.push_str("[closed] ");
        }
        out.push_str(&format!(
            "fd={}, family={}, type={}, proto={}",
            os.as_ref().map_or(-1, |o| o.as_raw_fd()),
            s.family,
            s.kind,
            s.proto
        ));
        if let Some(os) = &os {
            if let Ok(a) = os.local_addr() {
                let v = addr_to_value(&a);
                if !matches!(&v, Value::Str(p) if p.is_empty()) {
                    out.push_str(&format!(
                        ", laddr={}",
                        crate::interp::repr::repr_plain_value(&v)
                    ));
                }
            }
            if let Ok(a) = os.peer_addr() {
                let v = addr_to_value(&a);
                if !matches!(&v, Value::Str(p) if p.is_empty()) {
                    out.push_str(&format!(
                        ", raddr={}",
                        crate::interp::repr::repr_plain_value(&v)
                    ));
                }
            }
        }
        out.push('>');
        out
    }
    fn get_attr(&self, _ctx: &mut Ctx, _this: &Value, name: &str) -> Option<R<Value>> {
        let s = &self.sock;
        Some(Ok(match name {
            "family" => constant(s.family as i64, "AddressFamily"),
            "type" => constant(s.kind as i64, "SocketKind"),
            "proto" => Value::Int(s.proto as i64),
            "timeout" => float_or_none(s.timeout()),
            _ => {
                if SOCKET_METHODS.contains(&name) {
                    return Some(Ok(Value::Builtin(Arc::new(
                        crate::interp::value::Builtin {
                            name: Arc::from(name),
                            self_: Some(_this.clone()),
                            kind: crate::interp::value::BuiltinKind::Method(Arc::from(name)),
                        },
                    ))));
                }
                return None;
            }
        }))
    }
    fn call_method(
        &self,
        ctx: &mut Ctx,
        this: &Value,
        name: &str,
        args: &[Value],
        kwargs: &[(Name, Value)],
    ) -> Option<R<Value>> {
        use crate::interp::args;
        // Its signature, if `name` is one of its methods (dunders go straight through).
        let Some(sig) = args::lookup(crate::builtins::signatures::SOCKET, name) else {
            return self.method(ctx, this, name, args, kwargs);
        };
        match args::bind(ctx, sig, args, kwargs) {
            Ok(None) => self.method(ctx, this, name, args, kwargs),
            Ok(Some((a, k))) => self.method(ctx, this, name, &a, &k),
            Err(e) => Some(Err(e)),
        }
    }
    // Its methods are system calls and bookkeeping; with plain arguments nothing in them
    // reaches Python code.
    fn runs_no_python(&self) -> bool {
        true
    }
    fn attr_names(&self) -> Vec<&'static str> {
        let mut v = SOCKET_METHODS.to_vec();
        v.extend(["family", "type", "proto", "timeout"]);
        v
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

pub const SOCKET_METHODS: &[&str] = &[
    "bind",
    "listen",
    "accept",
    "connect",
    "connect_ex",
    "send",
    "sendall",
    "sendto",
    "recv",
    "recvfrom",
    "recv_into",
    "recvfrom_into",
    "close",
    "shutdown",
    "setsockopt",
    "getsockopt",
    "settimeout",
    "gettimeout",
    "setblocking",
    "getblocking",
    "getsockname",
    "getpeername",
    "fileno",
    "makefile",
    "detach",
    "dup",
];

// ---------------------------------------------------------------------------------
// makefile(): a file-like view of a connected socket

pub(super) fn socketpair(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    let family = match a.first().or(kwarg(k, "family")) {
        Some(v) if !v.is_none() => to_c_int(ctx, v)?,
        _ => libc::AF_UNIX,
    };
    let kind = match a.get(1).or(kwarg(k, "type")) {
        Some(v) => to_c_int(ctx, v)?,
        None => libc::SOCK_STREAM,
    };
    let (x, y) = Socket::pair(Domain::from(family), Type::from(kind), None)
        .map_err(|e| io_error(ctx, &e))?;
    let t = default_timeout(ctx);
    let (vx, sx) = new_socket_value(ctx, x, family, kind, 0, t);
    let (vy, sy) = new_socket_value(ctx, y, family, kind, 0, t);
    let (rx, ry) = (sx.socket_ref(), sy.socket_ref());
    for (s, other) in [(&sx, ry), (&sy, rx)] {
        {
            let mut st = s.inner.lock();
            st.state = State::Connected;
            st.peer = Some(net::event::by_descriptor(other));
            st.peer_socket = Some(other);
            st.local = Some("(unnamed)".into());
        }
        s.record(created(family, kind, net::Origin::Pair { with: other }));
    }
    Ok(Value::tuple(vec![vx, vy]))
}

pub(super) fn create_connection(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    // `host, port = address`, with Python's unpacking errors.
    let t = iterate(ctx, &a[0]).map_err(|_| {
        ctx.type_error(format!(
            "cannot unpack non-iterable {} object",
            type_name(&a[0])
        ))
    })?;
    if t.len() != 2 {
        return Err(ctx.value_error(if t.len() > 2 {
            "too many values to unpack (expected 2)".to_string()
        } else {
            format!("not enough values to unpack (expected 2, got {})", t.len())
        }));
    }
    let host = host_of(ctx, &t[0], "create_connection")?;
    let port = port_text(ctx, &t[1])?;
    let timeout = match a.get(1).or(kwarg(k, "timeout")) {
        Some(v) => parse_timeout(ctx, v)?,
        None => default_timeout(ctx),
    };
    let infos = addrinfo(
        ctx,
        Some(&host),
        port.as_deref(),
        0,
        libc::SOCK_STREAM,
        0,
        0,
    )?;
    let mut last = None;
    for ai in infos {
        let os = Socket::new(Domain::from(ai.family), Type::STREAM, None)
            .map_err(|e| io_error(ctx, &e))?;
        let (v, sock) = new_socket_value(ctx, os, ai.family, libc::SOCK_STREAM, ai.proto, timeout);
        sock.record(created(
            ai.family,
            libc::SOCK_STREAM,
            net::Origin::CreateConnection,
        ));
        if let Some(src) = a
            .get(2)
            .or(kwarg(k, "source_address"))
            .filter(|v| !v.is_none())
        {
            call_socket(ctx, &v, "bind", vec![src.clone()])?;
        }
        match call_socket(ctx, &v, "connect", vec![addr_to_value(&ai.addr)]) {
            Ok(_) => return Ok(v),
            Err(e) if e.is("KeyboardInterrupt") => return Err(e),
            Err(e) => {
                sock.close();
                last = Some(e);
            }
        }
    }
    Err(last.unwrap_or_else(|| ctx.err("OSError", "getaddrinfo returns an empty list")))
}

pub(super) fn call_socket(ctx: &mut Ctx, v: &Value, name: &str, args: Vec<Value>) -> R<Value> {
    crate::interp::exec::call_method(ctx, v, name, args, vec![])
}

pub(super) fn create_server(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    let family = match kwarg(k, "family") {
        Some(v) => to_c_int(ctx, v)?,
        None => libc::AF_INET,
    };
    let backlog = kwarg(k, "backlog").filter(|v| !v.is_none()).cloned();
    let os =
        Socket::new(Domain::from(family), Type::STREAM, None).map_err(|e| io_error(ctx, &e))?;
    let t = default_timeout(ctx);
    let (v, sock) = new_socket_value(ctx, os, family, libc::SOCK_STREAM, 0, t);
    sock.record(created(
        family,
        libc::SOCK_STREAM,
        net::Origin::CreateServer,
    ));
    if let Some(os) = sock.os() {
        // CPython's create_server sets SO_REUSEADDR on POSIX.
        let _ = os.set_reuse_address(true);
        if kwarg(k, "reuse_port")
            .map(|v| truthy(ctx, v))
            .transpose()?
            .unwrap_or(false)
        {
            let _ = os.set_reuse_port(true);
        }
    }
    // CPython re-raises a bind failure naming the address it was trying.
    if let Err(e) = call_socket(ctx, &v, "bind", vec![a[0].clone()]) {
        if e.is("OSError") {
            let errno = crate::interp::exec::getattr(ctx, &e.value, "errno").unwrap_or(Value::None);
            let strerror =
                crate::interp::exec::getattr(ctx, &e.value, "strerror").unwrap_or(Value::None);
            if let (Value::Int(n), Value::Str(msg)) = (&errno, &strerror) {
                let shown = crate::interp::repr::repr(ctx, &a[0])?;
                sock.close();
                return Err(Exc::new(types::os_error_of_class(
                    "OSError",
                    *n,
                    &format!("{msg} (while attempting to bind on address {shown})"),
                )));
            }
        }
        sock.close();
        return Err(e);
    }
    call_socket(ctx, &v, "listen", backlog.into_iter().collect())?;
    Ok(v)
}
