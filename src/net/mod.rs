//! The session's sockets: every OS socket a program creates, with what happened to it.
//!
//! Python values never hold a raw file descriptor: a socket value holds an `Arc<Sock>`
//! registered in the session's `SocketTable`. The table knows each socket's family,
//! type, state in the lecture's terms (created → bound → listening, or connected, shut
//! down, closed), its addresses, byte and datagram counters and the line that created
//! it; every change is a typed [`Event`] in the table's log, which the REPL, lessons and
//! `--trace-events` each follow with a cursor of their own (`event.rs`).
//!
//! Every OS socket is kept in non-blocking mode. Blocking in Python's sense (`accept()`
//! waiting for a client) is done here, by `wait`: `poll()` on the socket *and* on a
//! wake-up pipe that the SIGINT handler writes to, so Ctrl-C interrupts any wait at once
//! (a plain signal handler would not: with SA_RESTART the kernel restarts `accept()`).
//!
//! - `mod.rs`: `SocketTable` and `Sock`, each socket's state and counters;
//! - `event`: typed events and their log; `wait`: interruptible waits;
//! - `netstat`: the machine's sockets from `/proc/net` (`:netstat`);
//! - `sys`: the one boundary to what only Linux has, with fallbacks for other Unix.

pub mod event;
pub mod netstat;
pub mod sys;
pub mod wait;

pub use event::{Direction, Endpoint, Event, EventKind, Origin, SocketRef};

use parking_lot::Mutex;
use socket2::Socket;
use std::collections::VecDeque;
use std::io::Write;
use std::os::fd::RawFd;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU64, Ordering};
use std::sync::{Arc, Weak};

/// Where a socket is in its life, as the lecture draws it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Created,
    Bound,
    Listening,
    Connecting,
    Connected,
    ShutRead,
    ShutWrite,
    ShutBoth,
    Closed,
}

impl State {
    pub fn word(self) -> &'static str {
        match self {
            State::Created => "created",
            State::Bound => "bound",
            State::Listening => "listening",
            State::Connecting => "connecting",
            State::Connected => "connected",
            State::ShutRead => "shut down for reading",
            State::ShutWrite => "shut down for writing",
            State::ShutBoth => "shut down",
            State::Closed => "closed",
        }
    }
}

/// What the table knows of a socket, as a snapshot for views.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SocketInfo {
    pub id: u64,
    pub fd: i32,
    pub family: String,
    pub kind: String,
    pub state: String,
    pub local: Option<String>,
    pub peer: Option<String>,
    pub bytes_sent: u64,
    pub bytes_recv: u64,
    pub dgrams_sent: u64,
    pub dgrams_recv: u64,
    pub created_at: String,
    /// Whether data (or a connection, for a listening socket) is waiting now.
    pub readable: bool,
    /// A connected stream whose peer has closed its side: a read returns `b''` now.
    pub peer_closed: bool,
    /// The other end when it is a socket of this session (a `socketpair`).
    pub peer_socket: Option<SocketRef>,
}

/// The mutable part of a socket.
pub struct SockState {
    /// `None` once closed. Shared so a blocking call can use it without holding the lock.
    pub os: Option<Arc<Socket>>,
    pub state: State,
    pub local: Option<String>,
    pub peer: Option<String>,
    pub history: Vec<Event>,
    /// Files made by `makefile()` still open: the descriptor stays open for them.
    pub io_refs: usize,
    /// `close()` was called while files were open.
    pub close_pending: bool,
    /// The fd number, kept after close for `[closed] fd=-1` style reports.
    pub fd: i32,
    /// The other end when it is a socket of this session (a `socketpair`).
    pub peer_socket: Option<SocketRef>,
}

/// Bytes and datagrams through a socket. Counted outside the state's lock: `send` and
/// `recv` are the hottest calls there are, and a counter needs no lock of its own.
#[derive(Default)]
pub struct Traffic {
    pub bytes_sent: AtomicU64,
    pub bytes_recv: AtomicU64,
    pub dgrams_sent: AtomicU64,
    pub dgrams_recv: AtomicU64,
}

impl Traffic {
    /// `alone`: no other thread runs the program's code (`Interp::is_shared` is false), so
    /// no other thread can count on this socket and a plain load and store is exact. A
    /// locked add right after a system call waits for the kernel's stores to drain,
    /// which made it the dearest instruction of a single-threaded `send`.
    pub fn sent(&self, bytes: usize, datagram: bool, alone: bool) {
        add(&self.bytes_sent, bytes as u64, alone);
        if datagram {
            add(&self.dgrams_sent, 1, alone);
        }
    }

    pub fn received(&self, bytes: usize, datagram: bool, alone: bool) {
        add(&self.bytes_recv, bytes as u64, alone);
        if datagram {
            add(&self.dgrams_recv, 1, alone);
        }
    }
}

fn add(counter: &AtomicU64, n: u64, alone: bool) {
    if alone {
        counter.store(counter.load(Ordering::Relaxed) + n, Ordering::Relaxed);
    } else {
        counter.fetch_add(n, Ordering::Relaxed);
    }
}

/// A NaN no time-out can be: `parse_timeout` accepts only finite, non-negative numbers.
const BLOCKING: u64 = u64::MAX;

fn timeout_bits(t: Option<f64>) -> u64 {
    t.map_or(BLOCKING, f64::to_bits)
}

/// A socket of the session.
pub struct Sock {
    pub id: u64,
    pub family: i32,
    pub kind: i32,
    pub proto: i32,
    pub created_at: String,
    pub inner: Mutex<SockState>,
    /// The open descriptor, or -1 once closed. `send` and `recv` read it (and the time-out)
    /// without taking `inner`'s lock or a reference to the OS socket: on a ping-pong
    /// those atomic operations cost more than the interpreter's own work. As in CPython,
    /// a thread that closes a socket another thread is using leaves that thread with a
    /// stale descriptor; it never touches freed memory.
    live_fd: AtomicI32,
    /// `None` (blocking), `Some(0.0)` (non-blocking) or a time-out in seconds, as the
    /// bits of an `f64`; `BLOCKING` stands for `None`.
    timeout: AtomicU64,
    /// What reads have learnt about waiting for this socket's peer.
    pub reads: wait::ReadHabits,
    pub traffic: Traffic,
    table: Weak<SocketTable>,
    /// The table's "someone reads events" switches, shared so the hot path of
    /// `send`/`recv` checks them without upgrading `table`.
    trace: Arc<AtomicBool>,
    collect: Arc<AtomicBool>,
    stream_traffic: Arc<AtomicBool>,
}

pub fn family_name(f: i32) -> &'static str {
    match f {
        libc::AF_INET => "AF_INET",
        libc::AF_INET6 => "AF_INET6",
        libc::AF_UNIX => "AF_UNIX",
        f if Some(f) == sys::AF_PACKET => "AF_PACKET",
        _ => "AF_UNSPEC",
    }
}

pub fn kind_name(t: i32) -> &'static str {
    match t {
        libc::SOCK_STREAM => "SOCK_STREAM",
        libc::SOCK_DGRAM => "SOCK_DGRAM",
        libc::SOCK_RAW => "SOCK_RAW",
        libc::SOCK_SEQPACKET => "SOCK_SEQPACKET",
        libc::SOCK_RDM => "SOCK_RDM",
        _ => "SOCK_UNKNOWN",
    }
}

impl Sock {
    /// Whether anyone reads events (the REPL, a lesson, `--trace-events`): when not,
    /// a program's hot loop of `send`/`recv` builds no event text at all.
    pub fn observed(&self) -> bool {
        self.trace.load(Ordering::Relaxed) || self.collect.load(Ordering::Relaxed)
    }

    /// Whether this socket's sends and receives are recorded: always for datagrams
    /// (each names its other end), and for a stream unless the only reader is a
    /// program's capture, which needs where sockets are, not every byte they move (on
    /// a traced ping-pong, recording each `send`/`recv` was a tenth of the run).
    pub fn traffic_observed(&self) -> bool {
        self.trace.load(Ordering::Relaxed)
            || (self.collect.load(Ordering::Relaxed)
                && (!self.is_stream() || self.stream_traffic.load(Ordering::Relaxed)))
    }

    /// This socket as other sockets' events mention it.
    pub fn socket_ref(&self) -> SocketRef {
        SocketRef {
            id: self.id,
            fd: self.inner.lock().fd,
        }
    }

    /// Record an event that leaves the state as it is.
    pub fn record(&self, kind: EventKind) {
        if !self.observed() {
            return;
        }
        let (state, fd) = {
            let st = self.inner.lock();
            (st.state, st.fd)
        };
        self.publish(state, state, fd, kind);
    }

    /// Move to a new state, recording the event that moved it.
    pub fn transition(&self, new: State, kind: EventKind) {
        let (old, fd) = {
            let mut st = self.inner.lock();
            let old = st.state;
            st.state = new;
            (old, st.fd)
        };
        if self.observed() {
            self.publish(old, new, fd, kind);
        }
    }

    /// Put an event in the socket's (bounded) history and in the session's log.
    fn publish(&self, was: State, now: State, fd: i32, kind: EventKind) {
        let Some(t) = self.table.upgrade() else {
            return;
        };
        let ev = t.log_event(self.id, fd, was, now, kind);
        let mut st = self.inner.lock();
        if st.history.len() >= HISTORY {
            st.history.drain(..HISTORY / 2);
        }
        st.history.push(ev);
    }

    pub fn os(&self) -> Option<Arc<Socket>> {
        self.inner.lock().os.clone()
    }

    /// The descriptor while the socket is open (see `live_fd`).
    #[inline]
    pub fn live_fd(&self) -> Option<RawFd> {
        let fd = self.live_fd.load(Ordering::Acquire);
        (fd >= 0).then_some(fd)
    }

    #[inline]
    pub fn timeout(&self) -> Option<f64> {
        match self.timeout.load(Ordering::Relaxed) {
            BLOCKING => None,
            bits => Some(f64::from_bits(bits)),
        }
    }

    pub fn set_timeout(&self, t: Option<f64>) {
        self.timeout.store(timeout_bits(t), Ordering::Relaxed);
    }

    pub fn is_stream(&self) -> bool {
        self.kind == libc::SOCK_STREAM
    }

    /// Close the OS socket now (or when the last `makefile()` file closes).
    pub fn close(&self) {
        let dropped = {
            let mut st = self.inner.lock();
            if st.os.is_none() {
                return;
            }
            if st.io_refs > 0 {
                st.close_pending = true;
                return;
            }
            self.live_fd.store(-1, Ordering::Release);
            st.os.take()
        };
        drop(dropped);
        self.transition(State::Closed, EventKind::Closed);
        if let Some(t) = self.table.upgrade() {
            t.forget(self.id);
        }
    }

    pub fn info(&self) -> SocketInfo {
        let st = self.inner.lock();
        let readable = st.os.as_ref().is_some_and(|s| wait::ready_now(s, true));
        // A readable connected stream with nothing to read has reached the end of the
        // peer's data: the peer closed (what a `recv` would now see as `b''`).
        let peer_closed = readable
            && self.kind == libc::SOCK_STREAM
            && matches!(st.state, State::Connected | State::ShutWrite)
            && st.os.as_ref().is_some_and(|s| {
                let mut probe = [std::mem::MaybeUninit::<u8>::uninit(); 1];
                s.recv_with_flags(&mut probe, libc::MSG_PEEK | libc::MSG_DONTWAIT)
                    .is_ok_and(|n| n == 0)
            });
        SocketInfo {
            id: self.id,
            fd: if st.os.is_some() { st.fd } else { -1 },
            family: family_name(self.family).to_string(),
            kind: kind_name(self.kind).to_string(),
            state: st.state.word().to_string(),
            local: st.local.clone(),
            peer: st.peer.clone(),
            bytes_sent: self.traffic.bytes_sent.load(Ordering::Relaxed),
            bytes_recv: self.traffic.bytes_recv.load(Ordering::Relaxed),
            dgrams_sent: self.traffic.dgrams_sent.load(Ordering::Relaxed),
            dgrams_recv: self.traffic.dgrams_recv.load(Ordering::Relaxed),
            created_at: self.created_at.clone(),
            readable,
            peer_closed,
            peer_socket: st.peer_socket,
        }
    }
}

/// Every socket of one session (a program run, a REPL session, a lesson).
pub struct SocketTable {
    live: Mutex<Vec<Weak<Sock>>>,
    /// The event log: the newest [`EVENT_BACKLOG`] events, oldest first.
    log: Mutex<VecDeque<Event>>,
    /// The sequence number the next event gets.
    next_seq: AtomicU64,
    next_id: AtomicU64,
    /// `socklab run --trace-events`: print each event to stderr as it happens.
    pub trace: Arc<AtomicBool>,
    /// Keep events in the log (the REPL and lessons read them; `run` does not).
    pub collect: Arc<AtomicBool>,
    /// With `collect`: also keep a stream's every send and receive (the REPL and
    /// lessons show them); off for `run --trace`'s capture alone.
    pub stream_traffic: Arc<AtomicBool>,
}

/// How many events the log keeps before dropping the oldest: a reader that falls further
/// behind misses the oldest ones, and memory stays bounded in an endless server loop.
const EVENT_BACKLOG: usize = 10_000;
/// How many events each socket remembers for `:show` (the oldest half goes first).
const HISTORY: usize = 400;

impl SocketTable {
    pub fn new() -> Arc<SocketTable> {
        Arc::new(SocketTable {
            live: Mutex::new(Vec::new()),
            log: Mutex::new(VecDeque::new()),
            next_seq: AtomicU64::new(0),
            next_id: AtomicU64::new(1),
            trace: Arc::new(AtomicBool::new(false)),
            collect: Arc::new(AtomicBool::new(false)),
            stream_traffic: Arc::new(AtomicBool::new(true)),
        })
    }

    /// Register a new OS socket; returns the session's handle for it.
    pub fn register(
        self: &Arc<Self>,
        os: Socket,
        family: i32,
        kind: i32,
        proto: i32,
        created_at: String,
        timeout: Option<f64>,
    ) -> Arc<Sock> {
        use std::os::fd::AsRawFd;
        let fd = os.as_raw_fd();
        let _ = os.set_nonblocking(true);
        let sock = Arc::new(Sock {
            id: self.next_id.fetch_add(1, Ordering::Relaxed),
            family,
            kind,
            proto,
            created_at,
            inner: Mutex::new(SockState {
                os: Some(Arc::new(os)),
                state: State::Created,
                local: None,
                peer: None,
                history: Vec::new(),
                io_refs: 0,
                close_pending: false,
                fd,
                peer_socket: None,
            }),
            live_fd: AtomicI32::new(fd),
            timeout: AtomicU64::new(timeout_bits(timeout)),
            reads: wait::ReadHabits::default(),
            traffic: Traffic::default(),
            table: Arc::downgrade(self),
            trace: self.trace.clone(),
            collect: self.collect.clone(),
            stream_traffic: self.stream_traffic.clone(),
        });
        let mut live = self.live.lock();
        live.retain(|w| w.strong_count() > 0);
        live.push(Arc::downgrade(&sock));
        sock
    }

    pub fn observed(&self) -> bool {
        self.trace.load(Ordering::Relaxed) || self.collect.load(Ordering::Relaxed)
    }

    /// Give an event its sequence number and keep it in the log (and print it when
    /// tracing). Numbering under the log's lock keeps the log in sequence order.
    fn log_event(&self, socket: u64, fd: i32, was: State, now: State, kind: EventKind) -> Event {
        let mut log = self.log.lock();
        let ev = Event {
            seq: self.next_seq.fetch_add(1, Ordering::Relaxed),
            socket,
            fd,
            was,
            now,
            kind,
            at: std::time::Instant::now(),
        };
        if self.trace.load(Ordering::Relaxed) {
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "[fd {}] {}", ev.fd, ev);
        }
        if self.collect.load(Ordering::Relaxed) {
            if log.len() >= EVENT_BACKLOG {
                log.pop_front();
            }
            log.push_back(ev.clone());
        }
        ev
    }

    /// The cursor a new reader starts from: only events after this moment.
    pub fn cursor(&self) -> u64 {
        let _log = self.log.lock();
        self.next_seq.load(Ordering::Relaxed)
    }

    /// The events from `cursor` on that the log still keeps, oldest first. The next
    /// cursor is the last one's `seq + 1` (or `cursor` itself when there are none).
    pub fn events_since(&self, cursor: u64) -> Vec<Event> {
        let log = self.log.lock();
        let skip = log.partition_point(|e| e.seq < cursor);
        log.iter().skip(skip).cloned().collect()
    }

    fn forget(&self, id: u64) {
        self.live
            .lock()
            .retain(|w| w.upgrade().is_some_and(|s| s.id != id));
    }

    pub fn sockets(&self) -> Vec<Arc<Sock>> {
        self.live.lock().iter().filter_map(Weak::upgrade).collect()
    }

    pub fn get(&self, id: u64) -> Option<Arc<Sock>> {
        self.sockets().into_iter().find(|s| s.id == id)
    }

    /// Every open socket, oldest first.
    pub fn snapshot(&self) -> Vec<SocketInfo> {
        let mut v: Vec<SocketInfo> = self
            .sockets()
            .iter()
            .filter(|s| s.inner.lock().os.is_some())
            .map(|s| s.info())
            .collect();
        v.sort_by_key(|i| i.id);
        v
    }

    pub fn history(&self, id: u64) -> Vec<Event> {
        self.get(id)
            .map(|s| s.inner.lock().history.clone())
            .unwrap_or_default()
    }

    /// Options and kernel state of a socket, for `:show`.
    pub fn options(&self, id: u64) -> Vec<(String, String)> {
        let Some(s) = self.get(id) else {
            return Vec::new();
        };
        let (os, timeout) = (s.os(), s.timeout());
        let Some(os) = os else {
            return vec![("state".into(), "closed".into())];
        };
        let mut out = Vec::new();
        let flag = |r: std::io::Result<bool>| {
            r.map_or(
                "?".to_string(),
                |b| if b { "on".into() } else { "off".into() },
            )
        };
        out.push(("reuseaddr".into(), flag(os.reuse_address())));
        if s.kind == libc::SOCK_DGRAM {
            out.push(("broadcast".into(), flag(os.broadcast())));
        }
        if s.kind == libc::SOCK_STREAM && s.family != libc::AF_UNIX {
            out.push(("nodelay".into(), flag(os.tcp_nodelay())));
            out.push(("keepalive".into(), flag(os.keepalive())));
        }
        out.push((
            "timeout".into(),
            match timeout {
                None => "None (blocking)".into(),
                Some(0.0) => "0.0 (non-blocking)".into(),
                Some(t) => format!("{t} s"),
            },
        ));
        out.push((
            "blocking".into(),
            if timeout == Some(0.0) {
                "no".into()
            } else {
                "yes".into()
            },
        ));
        out.push((
            "rcvbuf".into(),
            os.recv_buffer_size().map_or("?".into(), |n| n.to_string()),
        ));
        out.push((
            "sndbuf".into(),
            os.send_buffer_size().map_or("?".into(), |n| n.to_string()),
        ));
        if let Some(k) = sys::kernel_tcp_state(std::os::fd::AsRawFd::as_raw_fd(&os)) {
            out.push(("kernel state".into(), k.to_string()));
        }
        out
    }

    /// Close every socket (`:reset`, the end of a session).
    pub fn close_all(&self) {
        for s in self.sockets() {
            {
                let mut st = s.inner.lock();
                st.io_refs = 0;
            }
            s.close();
        }
    }
}
