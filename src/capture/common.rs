//! What the capture shares on every system: where it captures, the filter and sink it
//! is given, its start errors, and the filter that keeps a socket table's packets. The
//! capture itself (`live.rs`, an AF_PACKET socket on `lo`) is Linux's; elsewhere
//! `live_other.rs` says it is not there.

use super::Packet;
use parking_lot::Mutex;
use std::collections::HashSet;
use std::sync::Arc;

/// Which loopback the capture sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Where {
    /// The host's `lo` (root, or CAP_NET_RAW): other programs' packets filtered out.
    Host,
    /// The private network namespace of `socklab --sandbox`: only this session's.
    Sandbox,
}

impl Where {
    /// How a front end says which capture it uses.
    pub fn describe(self) -> &'static str {
        match self {
            Where::Host => "capturing on this machine's loopback (lo), as root: only your own sockets' packets are kept",
            Where::Sandbox => "capturing on the sandbox's own loopback (lo): every packet there is yours",
        }
    }
}

/// The ports whose packets are the session's (its sockets, its lab services).
pub type Filter = Arc<dyn Fn() -> HashSet<u16> + Send + Sync>;

/// What the capture thread delivers a packet to, besides the ring (a pcap file being
/// written, lines on standard error); called on the capture thread.
pub trait Deliver: Send {
    fn packet(&mut self, packet: &Packet);
    /// The thread has read all the kernel had queued: a moment to flush buffers.
    fn idle(&mut self) {}
}

pub type Sink = Box<dyn Deliver>;

/// Why a capture could not start.
#[derive(Debug)]
pub enum StartError {
    /// No CAP_NET_RAW here (not root, not in a sandbox).
    NotPermitted,
    Other(std::io::Error),
}

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StartError::NotPermitted => f.write_str(&super::sandbox::why_no_capture()),
            StartError::Other(e) => write!(f, "cannot capture on loopback: {e}"),
        }
    }
}

fn port_of(addr: &str) -> Option<u16> {
    addr.rsplit_once(':')
        .and_then(|(_, p)| p.parse::<u16>().ok())
        .filter(|p| *p != 0)
}

/// A filter that keeps the packets of a socket table's sockets: the ports of its open
/// sockets, and every port its events named (a socket closed since still sends its
/// FIN). The table must keep events in its log (`collect`).
pub fn table_filter(table: Arc<crate::net::SocketTable>) -> Filter {
    use crate::net::{Endpoint, EventKind};
    let cursor = Mutex::new(0u64);
    Arc::new(move || {
        let mut ports: HashSet<u16> = table
            .snapshot()
            .iter()
            .flat_map(|s| [s.local.as_deref(), s.peer.as_deref()])
            .flatten()
            .filter_map(port_of)
            .collect();
        let mut cursor = cursor.lock();
        for ev in table.events_since(*cursor) {
            *cursor = ev.seq + 1;
            let named: Vec<&str> = match &ev.kind {
                EventKind::Bound { local, .. } | EventKind::Listening { local, .. } => {
                    vec![local]
                }
                EventKind::Connected { peer, local } | EventKind::Accepted { peer, local, .. } => {
                    vec![peer, local]
                }
                // A datagram's other end may be anyone; a stream's is its peer, whose
                // port its connection's event named (and a ping-pong makes thousands
                // of these events between two looks).
                EventKind::Sent {
                    to: Endpoint::Address(a),
                    datagram: true,
                    ..
                }
                | EventKind::Received {
                    from: Endpoint::Address(a),
                    datagram: true,
                    ..
                } => vec![a],
                _ => Vec::new(),
            };
            ports.extend(named.into_iter().filter_map(port_of));
        }
        ports
    })
}
