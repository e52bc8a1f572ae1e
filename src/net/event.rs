//! What happened to a socket, as data.
//!
//! Every socket call that changes a socket records one [`Event`]: the socket, where it
//! was and where it is now in the lecture's life of a socket, and what happened
//! ([`EventKind`]). Events are kept in the table's log with sequence numbers; each
//! reader (the REPL's live lines, a lesson's checks, `socklab run --trace-events`)
//! follows the log with a cursor of its own, so no reader takes events from another.
//!
//! The English wording lives in one place, [`Event::describe`]; `Display` uses it with
//! other sockets called by their descriptor (`fd 7`), and the REPL passes the names the
//! student gave them.

use super::State;
use std::fmt;
use std::time::Instant;

/// Another socket an event mentions (the listening socket an accepted one came from,
/// the other end of a `socketpair`): its table id, and its descriptor for readers that
/// know no names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SocketRef {
    pub id: u64,
    pub fd: i32,
}

/// The other end of a send, a receive or a connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Endpoint {
    /// `127.0.0.1:40000`, a path for AF_UNIX.
    Address(String),
    /// A socket of this session (the other end of a `socketpair`).
    Socket(SocketRef),
}

impl Endpoint {
    fn describe(&self, name: &dyn Fn(SocketRef) -> String) -> String {
        match self {
            Endpoint::Address(a) => a.clone(),
            Endpoint::Socket(s) => name(*s),
        }
    }
}

/// How a socket came to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// `socket(family, type)`.
    Socket,
    /// `create_connection(address)`.
    CreateConnection,
    /// `create_server(address)`.
    CreateServer,
    /// `s.dup()`.
    Dup { of: SocketRef },
    /// One end of `socketpair()`, already connected to the other.
    Pair { with: SocketRef },
}

/// Which way `shutdown()` closed a connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Reading,
    Writing,
    Both,
}

/// What happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventKind {
    Created {
        family: &'static str,
        kind: &'static str,
        origin: Origin,
    },
    /// `bind()`, or the OS choosing an ephemeral port for a first `sendto()`.
    Bound {
        local: String,
        by_os: bool,
    },
    Listening {
        local: String,
        backlog: i32,
    },
    /// `connect()`; for a datagram socket it only names the default destination.
    Connected {
        peer: String,
        local: String,
    },
    /// A connection `accept()` returned, recorded on the new socket.
    Accepted {
        peer: String,
        local: String,
        listener: SocketRef,
    },
    Sent {
        bytes: usize,
        to: Endpoint,
        datagram: bool,
        through_file: bool,
    },
    Received {
        bytes: usize,
        from: Endpoint,
        datagram: bool,
        peeked: bool,
        through_file: bool,
    },
    /// A stream read returned nothing: the peer closed its side (or shut down writing).
    PeerClosed {
        peer: Endpoint,
        through_file: bool,
    },
    ShutDown {
        direction: Direction,
    },
    OptionSet {
        option: String,
        value: String,
    },
    Closed,
    /// A call failed: CPython's exception line (`ConnectionRefusedError: [Errno 111] …`).
    Error {
        line: String,
    },
}

/// One thing that happened to one socket.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Position in the session's log: readers keep the next one they want as a cursor.
    pub seq: u64,
    /// The socket's id in the table.
    pub socket: u64,
    /// Its descriptor when the event happened.
    pub fd: i32,
    /// Its state before and after.
    pub was: State,
    pub now: State,
    pub kind: EventKind,
    pub at: Instant,
}

impl Event {
    /// Whether this is a failed call's event.
    pub fn is_error(&self) -> bool {
        matches!(self.kind, EventKind::Error { .. })
    }

    /// The short line without the socket's own name (`created → bound 127.0.0.1:40000`),
    /// with other sockets called what `name` calls them.
    pub fn describe(&self, name: &dyn Fn(SocketRef) -> String) -> String {
        let mut out = String::new();
        if self.was != self.now {
            out.push_str(self.was.word());
            out.push_str(" → ");
        }
        out.push_str(&self.kind.describe(self.now, name));
        out
    }
}

/// `fd 7`: what a socket is called where no name is known.
pub fn by_descriptor(s: SocketRef) -> String {
    format!("fd {}", s.fd)
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(&by_descriptor))
    }
}

impl EventKind {
    /// The words after the state change (`now` is the state the socket is in after it).
    fn describe(&self, now: State, name: &dyn Fn(SocketRef) -> String) -> String {
        let file = |through: bool| if through { " (through makefile)" } else { "" };
        match self {
            EventKind::Created {
                family,
                kind,
                origin,
            } => match origin {
                Origin::Socket => format!("created ({family}, {kind})"),
                Origin::CreateConnection => {
                    format!("created ({family}, {kind}) by create_connection")
                }
                Origin::CreateServer => format!("created ({family}, {kind}) by create_server"),
                Origin::Dup { of } => format!("created ({family}, {kind}): a dup of {}", name(*of)),
                Origin::Pair { with } => {
                    format!("created connected to {} (socketpair)", name(*with))
                }
            },
            EventKind::Bound { local, by_os } => {
                if *by_os {
                    format!("{} {local} (port chosen by the OS for sendto)", now.word())
                } else {
                    format!("{} {local}", now.word())
                }
            }
            EventKind::Listening { local, backlog } => {
                format!("{} on {local} (backlog {backlog})", now.word())
            }
            EventKind::Connected { peer, local } => {
                format!("{} to {peer} from {local}", now.word())
            }
            EventKind::Accepted {
                peer,
                local,
                listener,
            } => format!("accepted from {peer} (on {local}, by {})", name(*listener)),
            EventKind::Sent {
                bytes,
                to,
                datagram,
                through_file,
            } => {
                let to = to.describe(name);
                if *datagram {
                    format!(
                        "sent {} → {to}{}",
                        datagram_words(*bytes),
                        file(*through_file)
                    )
                } else {
                    format!("sent {} → {to}{}", byte_count(*bytes), file(*through_file))
                }
            }
            EventKind::Received {
                bytes,
                from,
                datagram,
                peeked,
                through_file,
            } => match (datagram, peeked, from.describe(name)) {
                (true, false, from) => format!("received {} ← {from}", datagram_words(*bytes)),
                (true, true, from) => {
                    format!("peeked at {} from {from}", datagram_words(*bytes))
                }
                (false, true, from) => format!("peeked at {} from {from}", byte_count(*bytes)),
                (false, false, from) => format!(
                    "received {} ← {from}{}",
                    byte_count(*bytes),
                    file(*through_file)
                ),
            },
            EventKind::PeerClosed { peer, through_file } => {
                let peer = peer.describe(name);
                if *through_file {
                    format!("peer closed: file read reached the end ({peer})")
                } else {
                    format!("peer closed: recv returned b'' ({peer} sent nothing more)")
                }
            }
            EventKind::ShutDown { .. } => now.word().to_string(),
            EventKind::OptionSet { option, value } => format!("option {option} set to {value}"),
            EventKind::Closed => now.word().to_string(),
            EventKind::Error { line } => format!("error: {line}"),
        }
    }
}

/// `1 byte`, `5 bytes`.
pub fn byte_count(n: usize) -> String {
    if n == 1 {
        "1 byte".into()
    } else {
        format!("{n} bytes")
    }
}

/// `a 5-byte datagram`, `an 11-byte datagram`, `an 8-byte datagram`.
pub fn datagram_words(n: usize) -> String {
    format!("{} {n}-byte datagram", article_for(n))
}

/// The English article before a number read aloud: "an" before eight, eleven,
/// eighteen, eighty…, eight hundred, eight thousand, eleven thousand…; "a" otherwise.
pub fn article_for(n: usize) -> &'static str {
    // Read the number the way it is said: its leading group of up to three digits
    // (thousands are said "eleven thousand", "eighteen thousand").
    let mut lead = n;
    while lead >= 1000 {
        lead /= 1000;
    }
    if matches!(lead, 8 | 11 | 18 | 80..=89 | 800..=899) {
        "an"
    } else {
        "a"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(was: State, now: State, kind: EventKind) -> Event {
        Event {
            seq: 0,
            socket: 1,
            fd: 3,
            was,
            now,
            kind,
            at: Instant::now(),
        }
    }

    #[test]
    fn articles_follow_how_numbers_are_said() {
        for (n, a) in [
            (0, "a"),
            (1, "a"),
            (8, "an"),
            (11, "an"),
            (12, "a"),
            (18, "an"),
            (80, "an"),
            (85, "an"),
            (100, "a"),
            (800, "an"),
            (1000, "a"),
            (8000, "an"),
            (11_000, "an"),
            (18_500, "an"),
            (65_507, "a"),
            (80_000, "an"),
        ] {
            assert_eq!(article_for(n), a, "{n}");
        }
        assert_eq!(datagram_words(11), "an 11-byte datagram");
    }

    #[test]
    fn state_changes_show_where_the_socket_was() {
        let e = event(
            State::Created,
            State::Bound,
            EventKind::Bound {
                local: "127.0.0.1:40000".into(),
                by_os: false,
            },
        );
        assert_eq!(e.to_string(), "created → bound 127.0.0.1:40000");
        let e = event(
            State::Bound,
            State::Listening,
            EventKind::Listening {
                local: "127.0.0.1:40000".into(),
                backlog: 5,
            },
        );
        assert_eq!(
            e.to_string(),
            "bound → listening on 127.0.0.1:40000 (backlog 5)"
        );
    }

    #[test]
    fn other_sockets_are_called_by_the_reader_s_names() {
        let e = event(
            State::Connected,
            State::Connected,
            EventKind::Accepted {
                peer: "127.0.0.1:5000".into(),
                local: "127.0.0.1:40000".into(),
                listener: SocketRef { id: 1, fd: 3 },
            },
        );
        assert_eq!(
            e.to_string(),
            "accepted from 127.0.0.1:5000 (on 127.0.0.1:40000, by fd 3)"
        );
        assert_eq!(
            e.describe(&|_| "srv".to_string()),
            "accepted from 127.0.0.1:5000 (on 127.0.0.1:40000, by srv)"
        );
    }

    #[test]
    fn a_stream_sends_bytes_and_a_datagram_socket_sends_datagrams() {
        let sent = |datagram| {
            event(
                State::Connected,
                State::Connected,
                EventKind::Sent {
                    bytes: 11,
                    to: Endpoint::Address("127.0.0.1:7".into()),
                    datagram,
                    through_file: false,
                },
            )
            .to_string()
        };
        assert_eq!(sent(false), "sent 11 bytes → 127.0.0.1:7");
        assert_eq!(sent(true), "sent an 11-byte datagram → 127.0.0.1:7");
    }
}
