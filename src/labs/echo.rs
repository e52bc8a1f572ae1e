//! echo (RFC 862, port 7): everything a peer sends comes back unchanged.
//!
//! Over TCP, echo returns a *byte stream*: the bytes of one `send` may come back in two
//! `recv`s, or those of two `send`s in one, because TCP keeps order but not boundaries.
//! Over UDP, each datagram comes back as one datagram to the address it came from.
//!
//! ```text
//! client                          echo
//!   send(b"hello")   ──────────►  recv → b"hello"
//!   recv → b"hello"  ◄──────────  send(b"hello")
//!   close()          ──────────►  recv → b""  (end of file): close too
//! ```
//!
//! # One OS thread per TCP peer
//! The accept loop is tokio's, like every service's (`dispatch.rs`), but a TCP peer's bytes
//! are moved by an OS thread of its own, doing the lecture's loop exactly: a blocking
//! `recv`, then a blocking `sendall`. Its tokio task only waits for that thread to finish,
//! holding the peer's slot under the connection limit meanwhile.
//!
//! Why: echo is pure ping-pong. A client sends, then blocks until its bytes come back.
//! When the client's `send` makes our socket readable, the kernel wakes the very thread
//! blocked in `recv` on it, and as a *sync* wake-up (the waker is about to block), so the
//! scheduler may run it on the client's core; our thread's `send` wakes the client the
//! same way. One message costs two system calls (`recv`, `send`) and two switches
//! between threads that can share a core and its cache. Under tokio the same message also
//! goes through `epoll_wait` and the scheduler's queues, and with several peers on a
//! 2-core VM the workers wake each other across cores (inter-processor interrupts,
//! expensive under a hypervisor): `bench/echo.sh` measured tokio's echo at 0.42–0.57 of
//! a thread-per-connection server with 8 peers, whatever its worker count; with a
//! thread per peer it is level with that server (figures in `bench/README.md`).
//!
//! What it costs: a thread per peer. Each has a [`PEER_STACK`] stack (reserved address
//! space; only the pages it touches become memory), its [`CHUNK`] buffer (likewise
//! touched only as far as messages fill it) and a 16 KiB stack in the kernel, and a
//! thread is created and torn down per connection. Measured with 10 000 peers held
//! (`echo_load hold`): 10 000 threads, 220 MB resident in the process and 155 MB of
//! kernel stacks, about 38 KiB per peer, the same as the plain thread-per-connection
//! server (echo on tokio alone held them in 105 MB and 3 threads). Linux handles that
//! well (`threads-max` and `ulimit -u` are far above 10 000). If a thread cannot be
//! created, that peer is told the service is busy and closed, and the others carry on.
//!
//! The limits hold as before: the idle timeout is the socket's receive timeout (and bounds
//! a write to a peer that does not read), and stopping the service (`Services::stop`) drops
//! the peer's task, which shuts the socket down, so the blocked `recv` or `send` returns at
//! once, and waits for the thread: every socket is closed when `stop` returns.

use super::context::{idle_error, Ctx};
use std::io::{self, Read, Write};
use std::net::Shutdown;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use tokio::net::{TcpStream, UdpSocket};
use tokio::sync::oneshot;

/// One read's worth: 64 KiB is the most a loopback socket usually hands over at once, so
/// a large message moves in few system calls.
const CHUNK: usize = 64 * 1024;

/// The stack of each peer's thread. The echo loop needs a few KiB (the buffer is on the
/// heap); the rest is headroom. Only touched pages cost memory; the size bounds the
/// address space 10 000 peers reserve (10 000 × 128 KiB ≈ 1.25 GiB, of 128 TiB).
const PEER_STACK: usize = 128 * 1024;

/// The largest UDP payload over IPv4 (65 535 − 8 bytes of UDP header − 20 of IP header).
const MAX_DATAGRAM: usize = 65_507;

/// Echo a TCP peer until it closes, goes idle, or fails: on a thread of its own (see the
/// module docs), while this task waits for it.
pub(crate) async fn serve_peer(stream: TcpStream, ctx: &Ctx) -> io::Result<String> {
    let limit = ctx.limits.idle_timeout;
    // Out of tokio's reactor: from here on the socket is an ordinary blocking one.
    let stream = Arc::new(stream.into_std()?);
    let (done, ended) = oneshot::channel();
    let theirs = stream.clone();
    let spawned = std::thread::Builder::new()
        .name("socklab-echo-peer".into())
        .stack_size(PEER_STACK)
        .spawn(move || {
            let result = echo_blocking(&theirs, limit);
            // Closed (if the task has let go too) before the task hears the result.
            drop(theirs);
            let _ = done.send(result);
        });
    let thread = match spawned {
        Ok(thread) => thread,
        Err(e) => return Err(refuse(&stream, ctx, e)),
    };
    let mut peer = PeerThread {
        stream,
        thread: Some(thread),
    };
    let result = ended.await;
    // The thread has finished with the socket; let it end on its own.
    peer.thread = None;
    result.unwrap_or_else(|_| Err(io::Error::other("the peer's thread ended without a result")))
}

/// A peer's thread, seen from its task. Dropped before the thread is done (the service
/// is stopping and its runtime drops every task), it shuts the socket down, which makes
/// the thread's blocked `recv` return end-of-file (or its `send` fail) at once, and waits
/// for the thread, so that the socket is closed when the drop returns.
struct PeerThread {
    stream: Arc<std::net::TcpStream>,
    thread: Option<JoinHandle<()>>,
}

impl Drop for PeerThread {
    fn drop(&mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = self.stream.shutdown(Shutdown::Both);
            let _ = thread.join();
        }
    }
}

/// No thread for this peer: say so (as the connection limit does) and let it go.
fn refuse(stream: &std::net::TcpStream, ctx: &Ctx, e: io::Error) -> io::Error {
    let reason = format!(
        "socklab {}: busy: cannot start a thread for this connection ({e}); try again later\n",
        ctx.service.kind.name()
    );
    // Still non-blocking, and a fresh socket's send buffer is empty: this returns at once.
    let _ = (&*stream).write(reason.as_bytes());
    io::Error::new(
        e.kind(),
        format!("refused: cannot start a thread for it ({e})"),
    )
}

/// The lecture's echo loop, on the peer's own thread.
fn echo_blocking(stream: &std::net::TcpStream, limit: Duration) -> io::Result<String> {
    stream.set_nonblocking(false)?;
    // A zero timeout means "none" to the kernel (and is refused by std): use the least.
    let timeout = limit.max(Duration::from_millis(1));
    // A `recv` that waits longer than the idle limit fails with EAGAIN.
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    let mut buf = vec![0u8; CHUNK];
    let mut echoed: u64 = 0;
    let mut reader = stream;
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => return Ok(format!("closed by the peer; echoed {echoed} bytes")),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) if timed_out(&e) => return Err(idle_error(limit)),
            Err(e) => return Err(e),
        };
        send_all(stream, &buf[..n], limit, timeout)?;
        echoed += n as u64;
    }
}

/// `sendall`, in at most `limit`: a peer that sends but never reads fills our send buffer,
/// and the write then waits for it, but no longer than the idle limit.
fn send_all(
    mut stream: &std::net::TcpStream,
    mut bytes: &[u8],
    limit: Duration,
    timeout: Duration,
) -> io::Result<()> {
    // Set only on a partial write, which on a blocking socket means the peer is slow.
    let mut slow_since: Option<Instant> = None;
    let result = loop {
        match stream.write(bytes) {
            Ok(n) if n == bytes.len() => break Ok(()),
            Ok(0) => break Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => bytes = &bytes[n..],
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) if timed_out(&e) => break Err(idle_error(limit)),
            Err(e) => break Err(e),
        }
        // The rest of the write gets what is left of the limit, as a whole.
        let since = *slow_since.get_or_insert_with(Instant::now);
        let left = timeout.saturating_sub(since.elapsed());
        if left.is_zero() {
            break Err(idle_error(limit));
        }
        if let Err(e) = stream.set_write_timeout(Some(left)) {
            break Err(e);
        }
    };
    if slow_since.is_some() && result.is_ok() {
        stream.set_write_timeout(Some(timeout))?;
    }
    result
}

/// A receive or send timeout (`SO_RCVTIMEO`, `SO_SNDTIMEO`) ran out: EAGAIN on Linux.
fn timed_out(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

/// Echo every datagram to its sender.
pub(crate) async fn serve_datagrams(socket: UdpSocket, ctx: &Ctx) -> io::Result<()> {
    let mut buf = vec![0u8; MAX_DATAGRAM];
    loop {
        let (n, peer) = match socket.recv_from(&mut buf).await {
            Ok(got) => got,
            // An ICMP error caused by an earlier reply concerns that peer only.
            Err(e) => {
                ctx.log(format_args!("receive failed: {e}"));
                continue;
            }
        };
        match socket.send_to(&buf[..n], peer).await {
            Ok(_) => ctx.log(format_args!("{peer}: echoed a datagram of {n} bytes")),
            Err(e) => ctx.log(format_args!("{peer}: reply failed: {e}")),
        }
    }
}
