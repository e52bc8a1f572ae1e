//! The packets behind each call: what the kernel sent on loopback for the session's
//! sockets, layer by layer.
//!
//! The lecture's first slides are layers ("the lower layer adds headers to the data
//! from the upper layer"); this module shows them for real.
//! - [`Packet`]: one captured frame, parsed once (Ethernet, IPv4/IPv6, TCP/UDP) into a
//!   [`Summary`], with the event cursor current when it was captured and the REPL line
//!   that caused it.
//! - `live`: the capture thread on `lo` (an `AF_PACKET` socket; each frame is seen
//!   twice there, so outgoing copies are dropped; frames are copied out in batches, or
//!   for a program's capture read from a memory-mapped receive ring when
//!   `SOCKLAB_CAPTURE_RING=1`), a bounded ring of a session's last packets, and the
//!   filter to the session's own ports on the host's loopback.
//! - `sandbox`: the rootless way: a private user + network namespace made first thing
//!   in `main` (before any thread), joining another socklab's, and why capture is not
//!   possible where it is not.
//! - `render`: pure text: one line per packet in tcpdump's notation, a packet opened
//!   layer by layer, a conversation as a sequence diagram.
//! - `pcap`: the capture as a pcapng file, written as it goes, a comment per packet.
//! - `common`: what every system has (where a capture runs, its filter, its sink);
//!   `live_other`/`sandbox_other` stand for `live`/`sandbox` off Linux.
//!
//! Nothing here knows the interpreter: the session hands in what it knows (the ports
//! to keep, the names of the ends) as plain data.

mod common;
// The capture and the sandbox are Linux's (AF_PACKET, user and network namespaces);
// elsewhere their `_other` files say so. `--cfg socklab_other_unix` builds the fallbacks
// on Linux too, so `cargo check` can check them here.
#[cfg(all(target_os = "linux", not(socklab_other_unix)))]
pub mod live;
#[cfg(not(all(target_os = "linux", not(socklab_other_unix))))]
#[path = "live_other.rs"]
pub mod live;
pub mod pcap;
pub mod render;
#[cfg(all(target_os = "linux", not(socklab_other_unix)))]
pub mod sandbox;
#[cfg(not(all(target_os = "linux", not(socklab_other_unix))))]
#[path = "sandbox_other.rs"]
pub mod sandbox;

pub use live::{Capture, Filter, Where};

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::SystemTime;

/// One captured frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Packet {
    /// 1 for the first packet of the capture, in the order the kernel delivered them.
    pub number: u64,
    /// When it was captured (the pcap file's time stamp).
    pub at: SystemTime,
    /// The socket table's event cursor when it was captured: the events before `seq`
    /// had happened (the call that caused the packet is among the last of them).
    pub seq: u64,
    /// The REPL line that was running when it was captured.
    pub cause: Option<Arc<str>>,
    /// The whole frame as the wire (here: loopback) carried it.
    pub data: Vec<u8>,
    pub summary: Summary,
    /// The segment size a real wire would cut this packet into, when the kernel handed
    /// loopback one large segment instead (generic segmentation offload: `lo` passes
    /// a 7 240-byte segment whole that an Ethernet would carry as five of 1 448).
    pub wire_segment: Option<u16>,
}

/// What a line about a packet needs, read once from its headers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub src: SocketAddr,
    pub dst: SocketAddr,
    pub transport: Transport,
}

/// The transport layer's part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Transport {
    Tcp(Tcp),
    Udp { length: usize },
}

/// A TCP segment's header fields a line shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tcp {
    pub flags: Flags,
    pub seq: u32,
    pub ack: u32,
    pub window: u16,
    /// The window scale option of a SYN or SYN-ACK.
    pub window_scale: Option<u8>,
    /// The maximum segment size option of a SYN or SYN-ACK.
    pub mss: Option<u16>,
    /// Bytes of data after the header.
    pub length: usize,
}

/// TCP's flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    pub syn: bool,
    pub ack: bool,
    pub fin: bool,
    pub rst: bool,
    pub psh: bool,
    pub urg: bool,
}

impl Flags {
    /// tcpdump's notation: `S`, `S.`, `.`, `P.`, `F.`, `R`, `R.`.
    pub fn tcpdump(self) -> String {
        let mut s = String::new();
        self.push_tcpdump(&mut s);
        s
    }

    /// [`Flags::tcpdump`] added to `s`.
    pub fn push_tcpdump(self, s: &mut String) {
        let empty = s.len();
        if self.fin {
            s.push('F');
        }
        if self.syn {
            s.push('S');
        }
        if self.rst {
            s.push('R');
        }
        if self.psh {
            s.push('P');
        }
        if self.urg {
            s.push('U');
        }
        if self.ack {
            s.push('.');
        }
        if s.len() == empty {
            s.push_str("none");
        }
    }

    /// The lecture's names: `SYN`, `SYN-ACK`, `ACK`, `FIN`, `RST`, `data`.
    pub fn names(self) -> Vec<&'static str> {
        let mut v = Vec::new();
        if self.syn {
            v.push("SYN");
        }
        if self.fin {
            v.push("FIN");
        }
        if self.rst {
            v.push("RST");
        }
        if self.psh {
            v.push("PSH");
        }
        if self.urg {
            v.push("URG");
        }
        if self.ack {
            v.push("ACK");
        }
        v
    }
}

impl Summary {
    /// Read an Ethernet frame (loopback's frames are Ethernet with all-zero addresses).
    /// `None` for what is not IPv4/IPv6 with TCP or UDP.
    pub fn parse(frame: &[u8]) -> Option<Summary> {
        use etherparse::{NetSlice, SlicedPacket, TransportSlice};
        let sliced = SlicedPacket::from_ethernet(frame).ok()?;
        let (src_ip, dst_ip): (IpAddr, IpAddr) = match sliced.net.as_ref()? {
            NetSlice::Ipv4(v4) => (
                v4.header().source_addr().into(),
                v4.header().destination_addr().into(),
            ),
            NetSlice::Ipv6(v6) => (
                v6.header().source_addr().into(),
                v6.header().destination_addr().into(),
            ),
            NetSlice::Arp(_) => return None,
        };
        let (sport, dport, transport) = match sliced.transport.as_ref()? {
            TransportSlice::Tcp(t) => {
                let mut tcp = Tcp {
                    flags: Flags {
                        syn: t.syn(),
                        ack: t.ack(),
                        fin: t.fin(),
                        rst: t.rst(),
                        psh: t.psh(),
                        urg: t.urg(),
                    },
                    seq: t.sequence_number(),
                    ack: t.acknowledgment_number(),
                    window: t.window_size(),
                    window_scale: None,
                    mss: None,
                    length: t.payload().len(),
                };
                for opt in t.options_iterator().flatten() {
                    match opt {
                        etherparse::TcpOptionElement::WindowScale(s) => tcp.window_scale = Some(s),
                        etherparse::TcpOptionElement::MaximumSegmentSize(m) => tcp.mss = Some(m),
                        _ => {}
                    }
                }
                (t.source_port(), t.destination_port(), Transport::Tcp(tcp))
            }
            TransportSlice::Udp(u) => (
                u.source_port(),
                u.destination_port(),
                Transport::Udp {
                    length: u.payload().len(),
                },
            ),
            _ => return None,
        };
        Some(Summary {
            src: SocketAddr::new(src_ip, sport),
            dst: SocketAddr::new(dst_ip, dport),
            transport,
        })
    }

    pub fn tcp(&self) -> Option<&Tcp> {
        match &self.transport {
            Transport::Tcp(t) => Some(t),
            Transport::Udp { .. } => None,
        }
    }

    /// Bytes of data the packet carries for the application.
    pub fn length(&self) -> usize {
        match &self.transport {
            Transport::Tcp(t) => t.length,
            Transport::Udp { length } => *length,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;
