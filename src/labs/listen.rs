//! `socklab listen PORT`: the other end of `connect`, like `nc -l`.
//!
//! It is the lecture's server with a person in the loop: bind, listen, accept one peer,
//! then whatever the peer sends is printed and lines typed go back to it. With `--udp` it
//! binds and prints each datagram with its sender's address; typed lines go to whoever
//! sent the last datagram (UDP has no connection, so that is the only address it knows).
//!
//! Ctrl-D while waiting for a peer gives up; afterwards it ends the conversation as in
//! `connect`.

use super::connect::{converse_tcp, converse_udp, spawn_stdin_reader, Style};
use super::warn;
use crate::cli::ListenArgs;
use std::io;
use std::net::{SocketAddr, TcpListener, ToSocketAddrs, UdpSocket};
use std::sync::mpsc::TryRecvError;
use std::time::Duration;

/// How often to look for a peer (and for Ctrl-D) while none has connected.
const TICK: Duration = Duration::from_millis(50);

pub fn listen_command(args: &ListenArgs) -> i32 {
    let style = Style {
        crlf: args.crlf,
        hex: args.hex,
    };
    let addr: Option<SocketAddr> = (args.host.as_str(), args.port)
        .to_socket_addrs()
        .ok()
        .and_then(|mut addrs| addrs.next());
    let Some(addr) = addr else {
        warn(format_args!(
            "socklab: cannot find an address for {:?}",
            args.host
        ));
        return 1;
    };
    let bind_failed = |e: io::Error| {
        let why = match e.kind() {
            io::ErrorKind::AddrInUse => format!("port {} is already in use", addr.port()),
            io::ErrorKind::PermissionDenied if addr.port() < 1024 => {
                format!(
                    "port {} is privileged (below 1024) and needs root",
                    addr.port()
                )
            }
            _ => e.to_string(),
        };
        warn(format_args!("socklab: cannot listen on {addr}: {why}"));
        1
    };
    if !addr.ip().is_loopback() {
        warn(format_args!(
            "warning: listening on {addr}: reachable from the network, not only this machine"
        ));
    }
    let typed = spawn_stdin_reader();

    if args.udp {
        let socket = match UdpSocket::bind(addr) {
            Ok(socket) => socket,
            Err(e) => return bind_failed(e),
        };
        let local = socket.local_addr().unwrap_or(addr);
        warn(format_args!(
            "listening on {local} (UDP); datagrams are printed as they come, Ctrl-D to finish"
        ));
        return converse_udp(&socket, None, &typed, style).code();
    }

    let listener = match TcpListener::bind(addr) {
        Ok(listener) => listener,
        Err(e) => return bind_failed(e),
    };
    let local = listener.local_addr().unwrap_or(addr);
    warn(format_args!(
        "listening on {local} (TCP); waiting for a peer to connect, Ctrl-D to give up"
    ));
    // std's accept cannot be interrupted, so poll a non-blocking listener instead, and
    // notice Ctrl-D in between.
    if listener.set_nonblocking(true).is_err() {
        warn("socklab: cannot make the listening socket non-blocking");
        return 1;
    }
    let mut early_lines = Vec::new();
    loop {
        match listener.accept() {
            Ok((stream, peer)) => {
                if stream.set_nonblocking(false).is_err() {
                    warn("socklab: cannot make the connection blocking");
                    return 1;
                }
                warn(format_args!("peer {peer} connected; type lines to send"));
                // Lines typed while waiting go out first, in order.
                return converse_tcp(stream, &typed, early_lines, style).code();
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::Interrupted | io::ErrorKind::ConnectionAborted
                ) => {}
            Err(e) => {
                warn(format_args!(
                    "socklab: accept failed: {}",
                    super::connect::in_lecture_words(&e)
                ));
                return 1;
            }
        }
        match typed.try_recv() {
            Ok(Some(line)) => early_lines.push(line),
            Ok(None) | Err(TryRecvError::Disconnected) => {
                warn("(input ended before any peer connected)");
                return 0;
            }
            Err(TryRecvError::Empty) => std::thread::sleep(TICK),
        }
    }
}
