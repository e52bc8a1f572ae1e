//! Lab services: the servers the lecture's demos talk to, running on this machine.
//!
//! The lecture's clients connect to `time.nist.gov` on port 13, to a web server on port 80
//! and to an echo server on another machine. A student may reach none of them (the notes
//! themselves say "time.nist.gov won't work on campus"), so socklab brings its own:
//!
//! | service | transport | lab port | stands for |
//! | --- | --- | --- | --- |
//! | `echo` | TCP, UDP | 7007 | port 7, echo (RFC 862) |
//! | `daytime` | TCP, UDP | 1313 | port 13, daytime (RFC 867) as `time.nist.gov` sends it |
//! | `upper` | UDP | 11111 | the lecture's connectionless server (its client sends to 11111) |
//! | `http` | TCP | 8080 | port 80, a web server (8080 is the usual unprivileged stand-in) |
//! | `chat` | TCP | 6667 | none (6667 is IRC's port); a line-based chat room |
//! | `trickle` | TCP | 7070 | none: it exists to show that TCP has no message boundaries |
//!
//! Ports below 1024 are *privileged*: only root may bind them, so each service listens on
//! an unprivileged stand-in by default, on `127.0.0.1` (reachable from this machine only).
//!
//! # Two ways to run one
//! - `socklab serve KIND` ([`serve_command`]) runs one in the foreground and prints one line
//!   per peer until Ctrl-C or SIGTERM.
//! - [`Services`] runs them in the background of a synchronous program (the REPL's
//!   `:serve`, `:stop`): each service gets its own thread and its own small runtime, so
//!   stopping one drops every socket it owns before `stop` returns, and the port is free
//!   again at once.
//!
//! # Why tokio, and why echo's peers get threads anyway
//! A server that must hold 10 000 peers at once and bound each one's silence needs
//! readiness (`epoll`) and timers, and one that loops over `select()` by hand is what the
//! lecture teaches but not what a Rust server is built with. tokio is that standard: an
//! `epoll` reactor under a work-stealing scheduler, so a connection costs a task of a few
//! hundred bytes instead of a thread, while each handler still reads like the lecture's
//! blocking loop (`recv`, then `send`). Every service accepts on tokio, and all but one
//! serve their peers there: daytime, http, chat and trickle mostly wait (on the peer, on
//! a timer, on the room), and waiting is what tokio does cheaply.
//!
//! TCP echo is the exception: each peer's bytes are moved by an OS thread of its own
//! (small stack, blocking `recv`/`send`, the receive timeout as the idle limit), which
//! its tokio task only waits for. Echo never waits on anything but its peer, and
//! ping-pong is the case where a blocked thread beats a reactor: the client's `send`
//! wakes the thread blocked on that very socket, often on the client's own core, with no
//! `epoll_wait` in between and no worker woken on the other core. `bench/echo.sh`
//! measured it (figures in `bench/README.md`): on tokio, echo was within 10 % of a plain
//! thread-per-connection server with one peer but at 0.42–0.57 of it with eight, on this
//! 2-core VM, whatever the worker count (1 to 16, or one single-threaded runtime per
//! core); with a thread per peer it matches that server, within this VM's noise, at
//! 1 KiB and 64 KiB, with one peer and with eight, and spends the same CPU time per
//! message. The price is memory and start-up: about 38 KiB per held peer (its touched
//! stack pages and buffer, plus the kernel's 16 KiB stack per thread), so 10 000 held
//! peers cost some 370 MB where tokio needed 105 MB, and a thread is created per
//! connection. Linux handles 10 000 threads well; if one cannot be created, that peer is
//! told the service is busy. Stopping the service shuts each peer's socket down, which
//! wakes its thread at once, and waits for it, so `Services::stop` still returns with
//! every socket closed.
//!
//! # Nothing a peer sends may hurt the service
//! Every service runs its peers under [`Limits`]: at most `max_connections` at once (the
//! next one is told so and closed), an idle timeout per connection, and a cap on how much
//! a request may hold. Errors from one peer (a reset, garbage, a timeout) end that peer's
//! task and are logged; the listening socket keeps accepting.
//!
//! # Layout
//! - `catalogue.rs`: the kinds, transports, ports, what each stands for.
//! - `context.rs`: what every task of one service shares (its limits, its log).
//! - `dispatch.rs`: binding, the accept loop (connection limit, logging), handing each
//!   peer to its service: the one file that knows them all.
//! - `serve.rs`: the foreground `socklab serve` command.
//! - `background.rs`: [`Services`], background services for the REPL.
//! - one file per service: `echo.rs`, `daytime.rs`, `upper.rs`, `http.rs` (with `site.rs`,
//!   the built-in web site), `chat.rs`, `trickle.rs`.
//! - `utc.rs`: calendar arithmetic for daytime and HTTP dates (Modified Julian Date, US DST).
//! - `peer_io.rs`: idle timers and capped line reading shared by the services.
//! - `connect.rs`, `listen.rs`: the telnet / `nc -l` stand-ins (`socklab connect`, `listen`).

mod background;
mod catalogue;
mod chat;
pub(crate) mod connect;
mod context;
mod daytime;
mod dispatch;
mod echo;
mod http;
mod listen;
mod peer_io;
mod serve;
mod site;
mod trickle;
mod upper;
pub mod utc;

pub use background::{Options, RunningInfo, Services};
pub use catalogue::{
    catalogue, catalogue_help, catalogue_help_repl, parse_services, services_database,
    CatalogueEntry, Kind, Service, Transport,
};
pub use connect::connect_command;
pub use daytime::daytime_line;
pub use http::{parse_request_head, Rejection, RequestHead};
pub use listen::listen_command;
pub use serve::serve_command;

use std::fmt;
use std::io;
use std::net::SocketAddr;
use std::time::Duration;

/// The default host: loopback, so a lab service is reachable from this machine only.
pub const DEFAULT_HOST: &str = "127.0.0.1";

/// What one service tolerates from its peers. Every field bounds something a peer controls.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Peers served at once; the next one is told the service is busy and closed.
    pub max_connections: usize,
    /// How long a peer may send nothing before it is disconnected (a TCP peer that never
    /// sends would otherwise hold its slot forever).
    pub idle_timeout: Duration,
    /// The most bytes one request may hold: an HTTP request head, a chat or trickle line.
    pub max_request: usize,
}

impl Limits {
    /// The limits `kind` runs with unless told otherwise.
    pub fn for_kind(kind: Kind) -> Limits {
        let idle = match kind {
            // A web client sends its request at once; waiting long only helps an attacker
            // holding slots open (slowloris).
            Kind::Http => Duration::from_secs(15),
            // People in a chat room read more than they type.
            Kind::Chat => Duration::from_secs(30 * 60),
            _ => Duration::from_secs(5 * 60),
        };
        let max_request = match kind {
            Kind::Http => 8 * 1024,
            _ => 4 * 1024,
        };
        Limits {
            max_connections: 16 * 1024,
            idle_timeout: idle,
            max_request,
        }
    }
}

/// Everything that can stop a lab service from starting or a client from connecting.
#[derive(Debug)]
pub enum LabError {
    /// No service has this name.
    UnknownService(String),
    /// The service exists but not over this transport (`http --udp`).
    NoSuchTransport { kind: Kind, transport: Transport },
    /// Another socket already listens on this address.
    PortInUse { service: Service, addr: SocketAddr },
    /// Ports below 1024 are privileged.
    PortNeedsRoot { service: Service, addr: SocketAddr },
    /// Any other failure to bind.
    Bind {
        service: Service,
        addr: SocketAddr,
        source: io::Error,
    },
    /// The host name did not resolve to an address.
    Resolve { host: String, source: io::Error },
    /// `:serve echo` twice.
    AlreadyRunning(RunningInfo),
    /// `:stop echo` when echo is not running.
    NotRunning(String),
    /// The runtime or its thread could not be created.
    Runtime(io::Error),
}

impl fmt::Display for LabError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LabError::UnknownService(name) => write!(
                f,
                "there is no lab service called {name:?}; the services are {}",
                Kind::ALL
                    .iter()
                    .map(|k| k.name())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            LabError::NoSuchTransport { kind, transport } => write!(
                f,
                "{} has no {transport} version (it runs over {})",
                kind.name(),
                kind.transports()
                    .iter()
                    .map(|t| t.to_string())
                    .collect::<Vec<_>>()
                    .join(" and ")
            ),
            LabError::PortInUse { service, addr } => write!(
                f,
                "cannot start {service}: port {} is already in use on {} \
                 (another server listens there; choose another with --port, or --port 0 for any free port)",
                addr.port(),
                addr.ip()
            ),
            LabError::PortNeedsRoot { service, addr } => write!(
                f,
                "cannot start {service}: port {} is privileged (below 1024) and needs root; \
                 the lab's stand-in is port {}",
                addr.port(),
                service.kind.default_port()
            ),
            LabError::Bind {
                service,
                addr,
                source,
            } => write!(f, "cannot start {service} on {addr}: {source}"),
            LabError::Resolve { host, source } => {
                write!(f, "cannot find an address for host {host:?}: {source}")
            }
            LabError::AlreadyRunning(info) => write!(
                f,
                "{} is already running on {}; `:stop {}` first",
                info.service,
                info.addr,
                info.service.kind.name()
            ),
            LabError::NotRunning(name) => write!(f, "no running service matches {name:?}"),
            LabError::Runtime(e) => write!(f, "cannot start the service runtime: {e}"),
        }
    }
}

impl std::error::Error for LabError {}

impl LabError {
    /// The message as the REPL's `:serve` shows it: the REPL's own syntax
    /// (`:serve echo 0`), never the shell's `--port`.
    pub fn in_repl(&self) -> String {
        match self {
            LabError::PortInUse { service, addr } => format!(
                "cannot start {service}: port {} is already in use on {} \
                 (another server listens there; choose another with :serve {name} PORT, \
                 or :serve {name} 0 for any free port)",
                addr.port(),
                addr.ip(),
                name = service.name()
            ),
            other => other.to_string(),
        }
    }
}

/// Write a line to standard error, ignoring failure: there is nowhere else to report it.
fn warn(message: impl fmt::Display) {
    use std::io::Write;
    let _ = writeln!(io::stderr(), "{message}");
}
