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

use super::peer_io::IdleTimer;
use super::runner::{idle_error, Ctx};
use std::io;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpStream, UdpSocket};

/// One read's worth: 64 KiB is the most a loopback socket usually hands over at once, so
/// a large message moves in few system calls.
const CHUNK: usize = 64 * 1024;

/// The largest UDP payload over IPv4 (65 535 − 8 bytes of UDP header − 20 of IP header).
const MAX_DATAGRAM: usize = 65_507;

/// Echo a TCP peer until it closes, goes idle, or fails.
pub(crate) async fn serve_peer(mut stream: TcpStream, ctx: &Ctx) -> io::Result<String> {
    let limit = ctx.limits.idle_timeout;
    let mut idle = IdleTimer::new(limit);
    let mut buf = vec![0u8; CHUNK];
    let mut echoed: u64 = 0;
    loop {
        let n = tokio::select! {
            biased;
            read = stream.read(&mut buf) => read?,
            () = idle.expired() => return Err(idle_error(limit)),
        };
        if n == 0 {
            return Ok(format!("closed by the peer; echoed {echoed} bytes"));
        }
        // A peer that sends but never reads fills our send buffer; the write then waits,
        // and the idle limit bounds how long.
        tokio::time::timeout(limit, stream.write_all(&buf[..n]))
            .await
            .map_err(|_| idle_error(limit))??;
        idle.touch();
        echoed += n as u64;
    }
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
