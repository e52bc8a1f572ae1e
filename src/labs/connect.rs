//! `socklab connect HOST PORT`: the telnet of the lecture ("telnet can be used to directly
//! communicate with many services"), which most machines no longer have.
//!
//! Lines typed go to the peer; whatever the peer sends is printed as it arrives, so a
//! server's reply shows up however it is cut into pieces. Ctrl-D (end of input) sends the
//! peer an end-of-file (`shutdown(SHUT_WR)`: "I am done sending") and waits for the peer to
//! finish; the command also ends when the peer closes.
//!
//! With `--udp` each line is one datagram (without its line ending: a datagram has its own
//! boundaries), sent from a `connect`ed UDP socket, so only the peer's datagrams arrive.
//! `--hex` prints what arrives as a hex dump, one block per `recv`: the way to see where
//! TCP cut a stream, or what bytes a binary reply holds.
//!
//! `listen.rs` is the mirror image; both share the conversation loop here.

use super::warn;
use crate::cli::ConnectArgs;
use std::io::{self, BufRead, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream, ToSocketAddrs, UdpSocket};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

/// How often the loop looks at typed lines while waiting for the peer.
const TICK: Duration = Duration::from_millis(50);
/// After Ctrl-D, how long to wait for more from a peer that does not close.
const AFTER_EOF: Duration = Duration::from_secs(2);
/// How long one send may wait for a peer that does not read.
const SEND_TIMEOUT: Duration = Duration::from_secs(10);
/// How long to try to connect before giving up.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// How typed lines are sent and received bytes printed.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Style {
    /// End each line sent with `\r\n` (what HTTP and telnet-era protocols expect).
    pub crlf: bool,
    /// Print received bytes as a hex dump.
    pub hex: bool,
}

/// Why a conversation ended, for the exit code.
pub(crate) enum Ended {
    /// Peer closed, Ctrl-D, or standard output went away: exit 0.
    Clean,
    /// A real failure, already reported: exit 1.
    Failed,
}

impl Ended {
    pub fn code(self) -> i32 {
        match self {
            Ended::Clean => 0,
            Ended::Failed => 1,
        }
    }
}

/// `socklab connect`.
pub fn connect_command(args: &ConnectArgs) -> i32 {
    let style = Style {
        crlf: args.crlf,
        hex: args.hex,
    };
    let (port, lab) = match port_of(&args.port) {
        Ok(found) => found,
        Err(msg) => {
            warn(format_args!("socklab: {msg}"));
            return 1;
        }
    };
    let addrs: Vec<SocketAddr> = match (args.host.as_str(), port).to_socket_addrs() {
        Ok(addrs) => addrs.collect(),
        Err(e) => {
            warn(format_args!(
                "socklab: cannot find an address for {:?}: {}",
                args.host,
                in_lecture_words(&e)
            ));
            return 1;
        }
    };
    let Some(&first) = addrs.first() else {
        warn(format_args!("socklab: {:?} has no address", args.host));
        return 1;
    };
    let typed = spawn_stdin_reader();
    if args.udp {
        let local: SocketAddr = if first.is_ipv4() {
            ([0, 0, 0, 0], 0).into()
        } else {
            (std::net::Ipv6Addr::UNSPECIFIED, 0).into()
        };
        let socket = match UdpSocket::bind(local).and_then(|s| s.connect(first).map(|()| s)) {
            Ok(socket) => socket,
            Err(e) => {
                warn(format_args!(
                    "socklab: cannot send to {first}: {}",
                    in_lecture_words(&e)
                ));
                return 1;
            }
        };
        warn(format_args!(
            "sending datagrams to {first} (UDP); each line is one datagram; Ctrl-D to finish"
        ));
        return converse_udp(&socket, Some(first), &typed, style).code();
    }
    let mut last_error = None;
    for addr in &addrs {
        match TcpStream::connect_timeout(addr, CONNECT_TIMEOUT) {
            Ok(stream) => {
                let local = stream
                    .local_addr()
                    .map_or_else(|_| "?".to_string(), |a| a.to_string());
                warn(format_args!(
                    "connected to {addr} from {local}; type lines to send, Ctrl-D to finish"
                ));
                return converse_tcp(stream, &typed, Vec::new(), style).code();
            }
            Err(e) => last_error = Some((addr, e)),
        }
    }
    if let Some((addr, e)) = last_error {
        let hint = match (e.kind(), lab) {
            (io::ErrorKind::ConnectionRefused, Some(name)) => {
                format!("; `socklab serve {name}` starts the lab's {name} service there")
            }
            (io::ErrorKind::ConnectionRefused, None) => {
                "; is the server running? `socklab serve KIND` starts a lab service".into()
            }
            _ => String::new(),
        };
        warn(format_args!(
            "socklab: cannot connect to {addr}: {}{hint}",
            in_lecture_words(&e)
        ));
    }
    1
}

/// PORT as typed: a number, a lab service's name (`http`: where `socklab serve http`
/// listens, 8080), or a name from `/etc/services` (`ssh`: 22). With the lab service's
/// name when it was one.
pub(crate) fn port_of(text: &str) -> Result<(u16, Option<&'static str>), String> {
    if let Ok(port) = text.parse::<u16>() {
        return Ok((port, None));
    }
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("port {text} is out of range: a port is 0 to 65535"));
    }
    if let Some(lab) = super::catalogue().into_iter().find(|c| c.name == text) {
        return Ok((lab.default_port, Some(lab.name)));
    }
    let known = super::services_database().unwrap_or_default();
    if let Some((port, _, _)) = known.iter().find(|(_, name, _)| name == text) {
        return Ok((*port, None));
    }
    let labs: Vec<&str> = super::catalogue().iter().map(|c| c.name).collect();
    Err(format!(
        "{text:?} is neither a port number nor a service name; the lab services are {} \
         (:services in the REPL lists the well-known ones)",
        labs.join(", ")
    ))
}

/// An error as the lecture says it, without the system's "(os error 111)".
pub(crate) fn in_lecture_words(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::ConnectionRefused => {
            "connection refused: nothing is listening on that port (no socket there has \
             called listen())"
                .into()
        }
        io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => {
            "no answer in time: the host did not reply to the connection request".into()
        }
        io::ErrorKind::ConnectionReset => "the peer reset the connection".into(),
        io::ErrorKind::BrokenPipe => "the peer has closed the connection".into(),
        io::ErrorKind::AddrInUse => "that port is already in use by another socket".into(),
        io::ErrorKind::AddrNotAvailable => "that address is not one of this machine's".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => match e.raw_os_error() {
            Some(libc::ENETUNREACH) => "no route to that network".into(),
            Some(libc::EHOSTUNREACH) => "no route to that host".into(),
            _ => {
                let text = e.to_string();
                match text.rsplit_once(" (os error ") {
                    Some((words, _)) => words.to_lowercase(),
                    None => text,
                }
            }
        },
    }
}

/// Lines from standard input, each with its line ending; `None` once input has ended.
///
/// Reading the keyboard blocks, so it gets its own thread; the conversation loop picks
/// lines up between reads from the socket.
pub(crate) fn spawn_stdin_reader() -> Receiver<Option<Vec<u8>>> {
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("socklab-stdin".into())
        .spawn(move || {
            let stdin = io::stdin();
            let mut stdin = stdin.lock();
            loop {
                let mut line = Vec::new();
                match stdin.read_until(b'\n', &mut line) {
                    Ok(0) | Err(_) => {
                        let _ = tx.send(None);
                        return;
                    }
                    Ok(_) => {
                        if tx.send(Some(line)).is_err() {
                            return;
                        }
                    }
                }
            }
        });
    if spawned.is_err() {
        warn("socklab: cannot read standard input; only receiving");
    }
    rx
}

/// A typed line as it goes on the wire.
fn outgoing(mut line: Vec<u8>, style: Style, datagram: bool) -> Vec<u8> {
    let had_newline = line.ends_with(b"\n");
    while line.ends_with(b"\n") || line.ends_with(b"\r") {
        line.pop();
    }
    if style.crlf {
        line.extend_from_slice(b"\r\n");
    } else if had_newline && !datagram {
        line.push(b'\n');
    }
    line
}

/// What one `recv` returned: part of a stream, or a whole datagram and its sender.
#[derive(Clone, Copy)]
enum Received {
    Stream,
    Datagram(SocketAddr),
}

/// Print one `recv`'s bytes. `Err` means standard output is gone.
fn show(out: &mut impl Write, bytes: &[u8], style: Style, received: Received) -> io::Result<()> {
    if style.hex {
        match received {
            Received::Datagram(peer) => {
                writeln!(out, "-- datagram of {} bytes from {peer}", bytes.len())?
            }
            Received::Stream => writeln!(out, "-- {} bytes", bytes.len())?,
        }
        out.write_all(hex_dump(bytes).as_bytes())?;
    } else {
        out.write_all(bytes)?;
        // A datagram is a message: end it with a newline if it did not bring one.
        if matches!(received, Received::Datagram(_)) && !bytes.ends_with(b"\n") {
            out.write_all(b"\n")?;
        }
    }
    out.flush()
}

/// Offset, 16 bytes in hex, and the printable ones as text.
pub(crate) fn hex_dump(bytes: &[u8]) -> String {
    let mut text = String::new();
    for (row, chunk) in bytes.chunks(16).enumerate() {
        let hex: Vec<String> = chunk.iter().map(|b| format!("{b:02x}")).collect();
        let ascii: String = chunk
            .iter()
            .map(|&b| {
                if b.is_ascii_graphic() || b == b' ' {
                    b as char
                } else {
                    '.'
                }
            })
            .collect();
        text.push_str(&format!(
            "{:08x}  {:<48} |{ascii}|\n",
            row * 16,
            hex.join(" ")
        ));
    }
    text
}

/// Talk over a connected TCP stream until the peer closes, or input ends and the peer is
/// done.
pub(crate) fn converse_tcp(
    mut stream: TcpStream,
    typed: &Receiver<Option<Vec<u8>>>,
    pending: Vec<Vec<u8>>,
    style: Style,
) -> Ended {
    if stream.set_read_timeout(Some(TICK)).is_err()
        || stream.set_write_timeout(Some(SEND_TIMEOUT)).is_err()
    {
        warn("socklab: cannot set socket timeouts");
        return Ended::Failed;
    }
    for line in pending {
        if let Err(e) = stream.write_all(&outgoing(line, style, false)) {
            warn(format_args!(
                "socklab: send failed: {}",
                in_lecture_words(&e)
            ));
            return Ended::Failed;
        }
    }
    let mut out = io::stdout();
    let mut buf = vec![0u8; 64 * 1024];
    let mut input_ended: Option<Instant> = None;
    loop {
        if input_ended.is_none() {
            loop {
                match typed.try_recv() {
                    Ok(Some(line)) => {
                        if let Err(e) = stream.write_all(&outgoing(line, style, false)) {
                            warn(format_args!(
                                "socklab: send failed: {}",
                                in_lecture_words(&e)
                            ));
                            return Ended::Failed;
                        }
                    }
                    Ok(None) | Err(TryRecvError::Disconnected) => {
                        // Ctrl-D: tell the peer we are done sending, and keep listening.
                        let _ = stream.shutdown(Shutdown::Write);
                        input_ended = Some(Instant::now());
                        break;
                    }
                    Err(TryRecvError::Empty) => break,
                }
            }
        }
        match stream.read(&mut buf) {
            Ok(0) => {
                warn("(connection closed by the peer)");
                return Ended::Clean;
            }
            Ok(n) => {
                if show(&mut out, &buf[..n], style, Received::Stream).is_err() {
                    return Ended::Clean;
                }
                if input_ended.is_some() {
                    input_ended = Some(Instant::now());
                }
            }
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                if input_ended.is_some_and(|at| at.elapsed() >= AFTER_EOF) {
                    return Ended::Clean;
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) if e.kind() == io::ErrorKind::ConnectionReset => {
                warn("(connection reset by the peer)");
                return Ended::Clean;
            }
            Err(e) => {
                warn(format_args!(
                    "socklab: receive failed: {}",
                    in_lecture_words(&e)
                ));
                return Ended::Failed;
            }
        }
    }
}

/// Exchange datagrams with `peer` (for `listen --udp`, whoever sent the last datagram).
pub(crate) fn converse_udp(
    socket: &UdpSocket,
    mut peer: Option<SocketAddr>,
    typed: &Receiver<Option<Vec<u8>>>,
    style: Style,
) -> Ended {
    let connected = peer.is_some();
    if socket.set_read_timeout(Some(TICK)).is_err() {
        warn("socklab: cannot set socket timeouts");
        return Ended::Failed;
    }
    let mut out = io::stdout();
    let mut buf = vec![0u8; 65_536];
    let mut input_ended: Option<Instant> = None;
    loop {
        if input_ended.is_none() {
            loop {
                match typed.try_recv() {
                    Ok(Some(line)) => {
                        let datagram = outgoing(line, style, true);
                        let sent = match (connected, peer) {
                            (true, _) => socket.send(&datagram),
                            (false, Some(to)) => socket.send_to(&datagram, to),
                            (false, None) => {
                                warn("(no peer yet: a datagram must arrive first, so there is an address to answer)");
                                continue;
                            }
                        };
                        if let Err(e) = sent {
                            warn(format_args!(
                                "socklab: send failed: {}",
                                in_lecture_words(&e)
                            ));
                        }
                    }
                    Ok(None) | Err(TryRecvError::Disconnected) => {
                        input_ended = Some(Instant::now());
                        break;
                    }
                    Err(TryRecvError::Empty) => break,
                }
            }
        }
        match socket.recv_from(&mut buf) {
            Ok((n, from)) => {
                if !connected && peer != Some(from) {
                    warn(format_args!(
                        "(datagram from {from}: lines typed now go there)"
                    ));
                    peer = Some(from);
                }
                if show(&mut out, &buf[..n], style, Received::Datagram(from)).is_err() {
                    return Ended::Clean;
                }
                if input_ended.is_some() {
                    input_ended = Some(Instant::now());
                }
            }
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                // UDP has no "closed": after Ctrl-D, leave once replies stop coming.
                if input_ended.is_some_and(|at| at.elapsed() >= AFTER_EOF / 2) {
                    return Ended::Clean;
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) if e.kind() == io::ErrorKind::ConnectionRefused => {
                // The peer's machine answered a datagram with ICMP "port unreachable".
                warn("(nothing listens there: the last datagram was refused)");
            }
            Err(e) => {
                warn(format_args!(
                    "socklab: receive failed: {}",
                    in_lecture_words(&e)
                ));
                return Ended::Failed;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_by_number_and_by_name() {
        assert_eq!(port_of("8080"), Ok((8080, None)));
        assert_eq!(port_of("http"), Ok((8080, Some("http"))));
        assert_eq!(port_of("daytime"), Ok((1313, Some("daytime"))));
        assert!(port_of("65536").is_err_and(|e| e.contains("out of range")));
        assert!(port_of("").is_err_and(|e| e.contains("neither a port number")));
        assert!(port_of("no-such-service").is_err());
        let errors = [
            io::Error::from(io::ErrorKind::ConnectionRefused),
            io::Error::from_raw_os_error(libc::ECONNREFUSED),
            io::Error::from_raw_os_error(libc::EHOSTUNREACH),
            io::Error::from_raw_os_error(libc::EINVAL),
        ];
        for e in errors {
            let words = in_lecture_words(&e);
            assert!(!words.contains("os error"), "{words}");
        }
    }

    #[test]
    fn line_endings() {
        let plain = Style {
            crlf: false,
            hex: false,
        };
        let crlf = Style {
            crlf: true,
            hex: false,
        };
        assert_eq!(outgoing(b"hi\n".to_vec(), plain, false), b"hi\n");
        assert_eq!(outgoing(b"hi\r\n".to_vec(), plain, false), b"hi\n");
        assert_eq!(outgoing(b"hi\n".to_vec(), crlf, false), b"hi\r\n");
        assert_eq!(outgoing(b"hi".to_vec(), plain, false), b"hi");
        assert_eq!(outgoing(b"hi\n".to_vec(), plain, true), b"hi");
    }

    #[test]
    fn hex_dump_rows() {
        assert_eq!(
            hex_dump(b"hello\n"),
            "00000000  68 65 6c 6c 6f 0a                                |hello.|\n"
        );
        assert_eq!(hex_dump(&[0u8; 17]).lines().count(), 2);
    }
}
