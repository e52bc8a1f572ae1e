//! Binding and accepting: the one place that knows every service and hands each peer
//! to the right one.
//!
//! A TCP service is the lecture's server loop, once per peer:
//!
//! ```text
//! s = socket(AF_INET, SOCK_STREAM)      bind()        (sync, so errors come back at once)
//! s.bind((host, port))
//! s.listen(backlog)                     listen(1024)
//! while True:
//!     sock, addr = s.accept()           accept_loop(): one task per peer
//!     ...                               echo::serve_peer(), http::serve_peer() ...
//! ```
//!
//! except that every accepted peer gets its own task, so a slow or hostile one never holds
//! up the others, and at most `Limits::max_connections` are served at once.

use super::context::{describe_error, Ctx};
use super::{chat, daytime, echo, http, trickle, upper};
use super::{Kind, LabError, Service, Transport, DEFAULT_HOST};
use std::io;
use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::net::{TcpListener, TcpStream, UdpSocket};
use tokio::sync::Semaphore;

/// How many not-yet-accepted connections the kernel queues for us (`listen(backlog)`).
/// 1024 absorbs a burst of thousands of connects; Linux caps it at `net.core.somaxconn`.
const BACKLOG: i32 = 1024;

/// File descriptors kept back from the connection limit for the listening socket,
/// standard streams, the runtime's own descriptors and refusals in flight.
const SPARE_FDS: usize = 64;

/// A socket bound (and, for TCP, listening) but not yet served.
pub(crate) struct Bound {
    pub service: Service,
    pub addr: SocketAddr,
    socket: Listening,
}

enum Listening {
    Tcp(std::net::TcpListener),
    Udp(std::net::UdpSocket),
}

/// Resolve `host`, then bind (and listen on) the service's socket.
///
/// Binding happens here, synchronously, so that "port in use" reaches the caller before
/// anything runs, and so that `port` 0 is turned into the real port the kernel chose.
pub(crate) fn bind(service: Service, host: &str, port: u16) -> Result<Bound, LabError> {
    let addr = (host, port)
        .to_socket_addrs()
        .map_err(|source| LabError::Resolve {
            host: host.to_string(),
            source,
        })?
        .next()
        .ok_or_else(|| LabError::Resolve {
            host: host.to_string(),
            source: io::Error::new(io::ErrorKind::NotFound, "no addresses"),
        })?;
    let bind_error = |source: io::Error| match source.kind() {
        io::ErrorKind::AddrInUse => LabError::PortInUse { service, addr },
        io::ErrorKind::PermissionDenied if addr.port() < 1024 => {
            LabError::PortNeedsRoot { service, addr }
        }
        _ => LabError::Bind {
            service,
            addr,
            source,
        },
    };
    use socket2::{Domain, Protocol, Socket, Type};
    let socket = match service.transport {
        Transport::Tcp => {
            let socket = Socket::new(Domain::for_address(addr), Type::STREAM, Some(Protocol::TCP))
                .map_err(bind_error)?;
            // Lets a restarted service bind while old connections sit in TIME_WAIT. On
            // Linux it does not let two listeners share a port, so "in use" still shows.
            socket.set_reuse_address(true).map_err(bind_error)?;
            socket.bind(&addr.into()).map_err(bind_error)?;
            socket.listen(BACKLOG).map_err(bind_error)?;
            socket.set_nonblocking(true).map_err(bind_error)?;
            Listening::Tcp(socket.into())
        }
        Transport::Udp => {
            // No SO_REUSEADDR here: for UDP it would let two services share the port.
            let socket = Socket::new(Domain::for_address(addr), Type::DGRAM, Some(Protocol::UDP))
                .map_err(bind_error)?;
            socket.bind(&addr.into()).map_err(bind_error)?;
            socket.set_nonblocking(true).map_err(bind_error)?;
            Listening::Udp(socket.into())
        }
    };
    let addr = match &socket {
        Listening::Tcp(s) => s.local_addr(),
        Listening::Udp(s) => s.local_addr(),
    }
    .map_err(bind_error)?;
    Ok(Bound {
        service,
        addr,
        socket,
    })
}

/// Serve a bound socket until the task is dropped. Must run inside a tokio runtime.
pub(crate) async fn serve(bound: Bound, ctx: Arc<Ctx>) -> io::Result<()> {
    match bound.socket {
        Listening::Tcp(listener) => accept_loop(TcpListener::from_std(listener)?, ctx).await,
        Listening::Udp(socket) => {
            let socket = UdpSocket::from_std(socket)?;
            match bound.service.kind {
                Kind::Echo => echo::serve_datagrams(socket, &ctx).await,
                Kind::Daytime => daytime::serve_datagrams(socket, &ctx).await,
                _ => upper::serve_datagrams(socket, &ctx).await,
            }
        }
    }
}

/// A peer's socket, renumbered at 100 or above (`net::sys::out_of_the_way`), so that a
/// service running beside a program (the REPL's `:serve`) leaves the program's
/// descriptor numbers as CPython's. `None` if tokio cannot take it back (never seen).
fn out_of_the_way(stream: TcpStream) -> Option<TcpStream> {
    use std::os::fd::{FromRawFd, IntoRawFd};
    let fd = stream.into_std().ok()?.into_raw_fd();
    // SAFETY: the descriptor comes out of the stream and goes straight into the new one.
    let std = unsafe { std::net::TcpStream::from_raw_fd(crate::net::sys::out_of_the_way(fd)) };
    TcpStream::from_std(std).ok()
}

/// The listening loop: accept, check the connection limit, hand the peer to its own task.
async fn accept_loop(listener: TcpListener, ctx: Arc<Ctx>) -> io::Result<()> {
    let slots = Arc::new(Semaphore::new(ctx.limits.max_connections));
    // The chat room its members share (unused by the other services; it costs one empty
    // channel).
    let room = Arc::new(chat::Room::new());
    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(e) => {
                // Out of file descriptors (EMFILE/ENFILE): the connection stays queued in
                // the backlog; pause so we do not spin, then try again.
                if matches!(e.raw_os_error(), Some(libc::EMFILE) | Some(libc::ENFILE)) {
                    ctx.log(format_args!("accept failed ({e}); pausing"));
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                // Anything else (a peer that reset while queued) concerns only that peer.
                continue;
            }
        };
        match slots.clone().try_acquire_owned() {
            Ok(slot) => {
                // A refused peer (below) is closed at once; one served is kept.
                let Some(stream) = out_of_the_way(stream) else {
                    continue;
                };
                let ctx = ctx.clone();
                let room = room.clone();
                tokio::spawn(async move {
                    serve_one_peer(stream, peer, &ctx, &room).await;
                    drop(slot);
                });
            }
            Err(_) => refuse(stream, peer, &ctx),
        }
    }
}

async fn serve_one_peer(stream: TcpStream, peer: SocketAddr, ctx: &Ctx, room: &chat::Room) {
    ctx.log(format_args!("{peer} connected"));
    let started = Instant::now();
    let ended = match ctx.service.kind {
        Kind::Echo => echo::serve_peer(stream, ctx).await,
        Kind::Daytime => daytime::serve_peer(stream, ctx).await,
        Kind::Http => http::serve_peer(stream, peer, ctx).await,
        Kind::Chat => chat::serve_peer(stream, peer, ctx, room).await,
        Kind::Trickle => trickle::serve_peer(stream, ctx).await,
        // UDP only: never accepted over TCP.
        Kind::Upper => Ok(String::new()),
    };
    let secs = started.elapsed().as_secs_f64();
    match ended {
        Ok(note) => ctx.log(format_args!("{peer} left after {secs:.1} s: {note}")),
        Err(e) => ctx.log(format_args!(
            "{peer} dropped after {secs:.1} s: {}",
            describe_error(&e)
        )),
    }
}

/// Turn away a peer over the connection limit, saying why, without waiting for it.
fn refuse(stream: TcpStream, peer: SocketAddr, ctx: &Ctx) {
    let limit = ctx.limits.max_connections;
    let reason = format!(
        "socklab {}: busy: already serving {limit} connections (the limit); try again later\n",
        ctx.service.kind.name()
    );
    let message = if ctx.service.kind == Kind::Http {
        http::busy_response(&reason)
    } else {
        reason.into_bytes()
    };
    // A fresh socket's send buffer is empty, so this short write completes at once;
    // if it does not, the peer still sees the connection close.
    let _ = stream.try_write(&message);
    ctx.log(format_args!(
        "{peer} refused: connection limit ({limit}) reached"
    ));
}

/// Raise the soft limit on open files to the hard limit and return the limit in force.
///
/// Each peer costs a file descriptor, and the usual soft limit (1024) is far below the
/// 10 000 peers a service should hold.
pub(crate) fn raise_fd_limit() -> usize {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit/setrlimit only read and write the struct we pass.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
            return 1024;
        }
        if limit.rlim_cur < limit.rlim_max {
            let raised = libc::rlimit {
                rlim_cur: limit.rlim_max,
                rlim_max: limit.rlim_max,
            };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                limit = raised;
            }
        }
    }
    usize::try_from(limit.rlim_cur).unwrap_or(usize::MAX)
}

/// The connection limit a process with `fd_limit` descriptors can honour.
pub(crate) fn connection_limit(wanted: usize, fd_limit: usize) -> usize {
    wanted.min(fd_limit.saturating_sub(SPARE_FDS)).max(1)
}

/// Say so when a service can be reached from other machines.
pub(crate) fn exposure_warning(service: Service, addr: SocketAddr) -> Option<String> {
    if addr.ip().is_loopback() {
        None
    } else {
        Some(format!(
            "warning: {service} listens on {addr}: it is reachable from the network, \
             not only from this machine (the default host is {DEFAULT_HOST})"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_goes_without_a_warning() {
        let echo = Service {
            kind: Kind::Echo,
            transport: Transport::Tcp,
        };
        for quiet in ["127.0.0.1:7007", "[::1]:7007", "127.0.0.2:7007"] {
            assert_eq!(exposure_warning(echo, quiet.parse().expect("addr")), None);
        }
        for exposed in ["0.0.0.0:7007", "[::]:7007", "192.0.2.1:7007"] {
            let warning = exposure_warning(echo, exposed.parse().expect("addr"));
            assert!(
                warning.is_some_and(|w| w.contains("reachable from the network")),
                "{exposed}"
            );
        }
    }

    #[test]
    fn the_connection_limit_fits_the_descriptors() {
        assert_eq!(connection_limit(16_384, 1024), 1024 - SPARE_FDS);
        assert_eq!(connection_limit(100, 1_000_000), 100);
        assert_eq!(connection_limit(100, 10), 1);
    }
}
