//! Packets as text: pure functions of the packets and the names of their ends.
//!
//! - [`Flows::line`]: one line per packet in tcpdump's notation (`Flags [S.]`, `seq 1:6`,
//!   `UDP, length 8`) with sequence and acknowledgement numbers relative to each
//!   connection's start, as Wireshark shows them, and the window scaled as the two
//!   SYNs agreed.
//! - [`open`]: one packet layer by layer (Ethernet, IPv4/IPv6, TCP/UDP, data): each
//!   field with its meaning, and the bytes that layer added.
//! - [`flow`]: a conversation as a sequence diagram, one column per socket.

use super::{Packet, Summary, Transport};
use std::collections::HashMap;
use std::fmt::Write;
use std::net::SocketAddr;

/// A socket of the session as the packets see it: the address it sends from, the
/// peer it is connected to (if any), and the name the student gave it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct End {
    pub name: String,
    pub local: SocketAddr,
    pub peer: Option<SocketAddr>,
    pub listening: bool,
}

/// The names of the ends a packet travels between.
#[derive(Clone, Debug, Default)]
pub struct Names {
    pub ends: Vec<End>,
}

impl Names {
    /// What to call the socket at `me` talking to `other`: the connected socket with
    /// both addresses, else the listening socket on that address (the SYN that starts a
    /// connection goes to the listening socket, and its SYN-ACK comes from it), else a
    /// datagram socket bound there, else the address itself.
    pub fn call(&self, me: SocketAddr, other: SocketAddr, to_listener: bool) -> String {
        let same =
            |a: SocketAddr| a.port() == me.port() && (a.ip() == me.ip() || a.ip().is_unspecified());
        let connected = self
            .ends
            .iter()
            .rev()
            .find(|e| e.local == me && e.peer == Some(other));
        let listening = self
            .ends
            .iter()
            .rev()
            .find(|e| e.listening && same(e.local));
        let unconnected = self
            .ends
            .iter()
            .rev()
            .find(|e| !e.listening && e.peer.is_none() && same(e.local));
        let found = if to_listener {
            listening.or(connected)
        } else {
            connected.or(listening)
        };
        found
            .or(unconnected)
            .map_or_else(|| me.to_string(), |e| e.name.clone())
    }

    /// The two ends of a packet: `(from, to)`.
    pub fn ends(&self, s: &Summary) -> (String, String) {
        let syn = s.tcp().is_some_and(|t| t.flags.syn);
        let syn_ack = s.tcp().is_some_and(|t| t.flags.syn && t.flags.ack);
        (
            self.call(s.src, s.dst, syn_ack),
            self.call(s.dst, s.src, syn && !syn_ack),
        )
    }
}

/// What a reader of packets remembers of each connection: where each direction's
/// sequence numbers started and the window scale its SYN asked for.
#[derive(Clone, Debug, Default)]
pub struct Flows {
    dirs: HashMap<(SocketAddr, SocketAddr), Dir>,
}

#[derive(Clone, Copy, Debug)]
struct Dir {
    /// The initial sequence number (relative numbers count from it).
    isn: u32,
    scale: Option<u8>,
}

/// A packet's TCP numbers as a reader shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Relative {
    pub seq: u32,
    pub ack: u32,
    /// The window in bytes (scaled when both SYNs agreed on scaling).
    pub window: u32,
}

impl Flows {
    /// Learn from one packet (in capture order) and give its relative numbers.
    pub fn follow(&mut self, s: &Summary) -> Option<Relative> {
        let t = s.tcp()?;
        let key = (s.src, s.dst);
        if t.flags.syn {
            self.dirs.insert(
                key,
                Dir {
                    isn: t.seq,
                    scale: t.window_scale,
                },
            );
        }
        let dir = *self.dirs.entry(key).or_insert(Dir {
            // Met mid-connection: count from just before this segment, so its data
            // starts at 1 as the first data of a connection does.
            isn: if t.flags.rst {
                t.seq
            } else {
                t.seq.wrapping_sub(1)
            },
            scale: None,
        });
        let back = self.dirs.get(&(s.dst, s.src)).copied();
        let window = match (dir.scale, back.and_then(|b| b.scale)) {
            (Some(mine), Some(_)) if !t.flags.syn => u32::from(t.window) << mine.min(14),
            _ => u32::from(t.window),
        };
        Some(Relative {
            seq: t.seq.wrapping_sub(dir.isn),
            ack: back.map_or(t.ack, |b| t.ack.wrapping_sub(b.isn)),
            window,
        })
    }

    /// One line for a packet, tcpdump's way:
    /// `#3  c → srv  Flags [P.], seq 1:6, ack 1, win 65536, length 5`.
    pub fn line(&mut self, p: &Packet, names: &Names) -> String {
        let (from, to) = names.ends(&p.summary);
        self.line_between(p, &from, &to)
    }

    /// [`Flows::line`] with the ends already named.
    pub fn line_between(&mut self, p: &Packet, from: &str, to: &str) -> String {
        let mut line = String::new();
        self.push_line(&mut line, p, from, to);
        line
    }

    /// [`Flows::line_between`] added to `out`, with no allocation of its own: `socklab
    /// run --trace` writes tens of thousands a second into one buffer.
    pub fn push_line(&mut self, out: &mut String, p: &Packet, from: &str, to: &str) {
        let _ = write!(out, "#{}  {from} → {to}  ", p.number);
        self.push_description(out, &p.summary);
        let length = p.summary.length();
        if let Some(size) = p
            .wire_segment
            .filter(|s| *s > 0 && length > usize::from(*s))
        {
            let _ = write!(
                out,
                " ({} segments of at most {size} on a wire)",
                length.div_ceil(usize::from(size))
            );
        }
    }

    /// The part after the ends: `Flags [S], seq 0, win 65495, options [mss 65495], length 0`.
    pub fn describe(&mut self, s: &Summary) -> String {
        let mut out = String::new();
        self.push_description(&mut out, s);
        out
    }

    fn push_description(&mut self, out: &mut String, s: &Summary) {
        let rel = self.follow(s);
        match (&s.transport, rel) {
            (Transport::Udp { length }, _) => {
                let _ = write!(out, "UDP, length {length}");
            }
            (Transport::Tcp(t), Some(r)) => {
                out.push_str("Flags [");
                t.flags.push_tcpdump(out);
                out.push(']');
                if t.length > 0 {
                    let _ = write!(
                        out,
                        ", seq {}:{}",
                        r.seq,
                        r.seq.wrapping_add(t.length as u32)
                    );
                } else if t.flags.syn || t.flags.fin || t.flags.rst {
                    let _ = write!(out, ", seq {}", r.seq);
                }
                if t.flags.ack {
                    let _ = write!(out, ", ack {}", r.ack);
                }
                let _ = write!(out, ", win {}", r.window);
                match (t.mss, t.window_scale) {
                    (Some(m), Some(w)) => {
                        let _ = write!(out, ", options [mss {m},wscale {w}]");
                    }
                    (Some(m), None) => {
                        let _ = write!(out, ", options [mss {m}]");
                    }
                    (None, Some(w)) => {
                        let _ = write!(out, ", options [wscale {w}]");
                    }
                    (None, None) => {}
                }
                let _ = write!(out, ", length {}", t.length);
            }
            (Transport::Tcp(_), None) => out.push_str("TCP"),
        }
    }
}

/// Lines for packets in order, each numbered as captured.
pub fn lines(packets: &[Packet], flows: &mut Flows, names: &Names) -> String {
    packets
        .iter()
        .map(|p| format!("{}\n", flows.line(p, names)))
        .collect()
}

fn hex_lines(bytes: &[u8], first: &str) -> String {
    let mut out = String::new();
    let indent = " ".repeat(first.chars().count());
    for (i, chunk) in bytes.chunks(16).enumerate() {
        let hex: Vec<String> = chunk.iter().map(|b| format!("{b:02x}")).collect();
        let lead = if i == 0 { first } else { &indent };
        let _ = writeln!(out, "{lead}{}", hex.join(" "));
    }
    out
}

fn field(out: &mut String, name: &str, value: &str, meaning: &str) {
    if value.chars().count() > 22 {
        // A long value (the options) gets its own line; the meaning goes under it.
        let _ = writeln!(out, "  {name:<16} {value}");
        let _ = writeln!(out, "  {:<16} {:<22} {meaning}", "", "");
    } else {
        let _ = writeln!(out, "  {name:<16} {value:<22} {meaning}");
    }
}

/// One packet opened layer by layer. `rel` is what [`Flows::follow`] gave for it (in
/// order), for the relative numbers beside the raw ones.
pub fn open(p: &Packet, rel: Option<Relative>, names: &Names) -> String {
    use etherparse::{LinkSlice, NetSlice, SlicedPacket, TransportSlice};
    let (from, to) = names.ends(&p.summary);
    let mut out = format!(
        "packet #{}: {from} → {to}, {} bytes on the wire\n",
        p.number,
        p.data.len()
    );
    if let Some(cause) = &p.cause {
        let _ = writeln!(out, "caused by: >>> {cause}");
    }
    let Ok(sliced) = SlicedPacket::from_ethernet(&p.data) else {
        out.push_str("(its headers cannot be read)\n");
        return out;
    };
    // Each layer's header is the bytes between where it starts and where the layer
    // above it starts.
    if let Some(LinkSlice::Ethernet2(eth)) = &sliced.link {
        let header = eth.header_slice();
        let _ = writeln!(
            out,
            "\nEthernet (link layer): {} bytes added in front of the IP packet",
            header.len()
        );
        let mac = |m: [u8; 6]| {
            m.iter()
                .map(|b| format!("{b:02x}"))
                .collect::<Vec<_>>()
                .join(":")
        };
        field(
            &mut out,
            "destination",
            &mac(eth.destination()),
            "the next machine's hardware address",
        );
        field(
            &mut out,
            "source",
            &mac(eth.source()),
            "this machine's hardware address",
        );
        let ty = eth.ether_type();
        field(
            &mut out,
            "type",
            &format!("0x{:04x}", ty.0),
            match ty {
                etherparse::EtherType::IPV4 => "what the frame carries: IPv4",
                etherparse::EtherType::IPV6 => "what the frame carries: IPv6",
                _ => "what the frame carries",
            },
        );
        out.push_str(
            "  (loopback has no hardware: its addresses are all zero; the frame never\n   leaves this machine)\n",
        );
        out.push_str(&hex_lines(header, "  added: "));
    }
    match &sliced.net {
        Some(NetSlice::Ipv4(v4)) => {
            let h = v4.header();
            let header = h.slice();
            let _ = writeln!(
                out,
                "\nIPv4 (network layer): {} bytes added in front of the {}",
                header.len(),
                transport_name(&p.summary)
            );
            field(&mut out, "version", "4", "IP version 4");
            field(
                &mut out,
                "header length",
                &format!("{} bytes", header.len()),
                "20 unless options follow",
            );
            field(
                &mut out,
                "total length",
                &h.total_len().to_string(),
                "this header and all it carries, in bytes",
            );
            field(
                &mut out,
                "identification",
                &format!("0x{:04x}", h.identification()),
                "numbers the pieces of a fragmented packet",
            );
            field(
                &mut out,
                "don't fragment",
                if h.dont_fragment() { "yes" } else { "no" },
                "routers may not cut it into pieces",
            );
            field(
                &mut out,
                "time to live",
                &h.ttl().to_string(),
                "routers it may pass before one drops it",
            );
            field(
                &mut out,
                "protocol",
                &format!("{} ({})", h.protocol().0, transport_short(&p.summary)),
                "which transport layer the payload is for",
            );
            field(
                &mut out,
                "checksum",
                &format!("0x{:04x}", h.header_checksum()),
                "detects damage to this header",
            );
            field(
                &mut out,
                "source",
                &h.source_addr().to_string(),
                "the sending machine",
            );
            field(
                &mut out,
                "destination",
                &h.destination_addr().to_string(),
                "the receiving machine",
            );
            out.push_str(&hex_lines(header, "  added: "));
        }
        Some(NetSlice::Ipv6(v6)) => {
            let h = v6.header();
            let header = h.slice();
            let _ = writeln!(
                out,
                "\nIPv6 (network layer): {} bytes added in front of the {}",
                header.len(),
                transport_name(&p.summary)
            );
            field(&mut out, "version", "6", "IP version 6");
            field(
                &mut out,
                "flow label",
                &format!("0x{:05x}", h.flow_label().value()),
                "lets routers keep one conversation's packets together",
            );
            field(
                &mut out,
                "payload length",
                &h.payload_length().to_string(),
                "bytes after this 40-byte header",
            );
            field(
                &mut out,
                "next header",
                &format!("{} ({})", h.next_header().0, transport_short(&p.summary)),
                "which transport layer the payload is for",
            );
            field(
                &mut out,
                "hop limit",
                &h.hop_limit().to_string(),
                "routers it may pass before one drops it",
            );
            field(
                &mut out,
                "source",
                &h.source_addr().to_string(),
                "the sending machine",
            );
            field(
                &mut out,
                "destination",
                &h.destination_addr().to_string(),
                "the receiving machine",
            );
            out.push_str(&hex_lines(header, "  added: "));
        }
        _ => {}
    }
    let payload: &[u8] = match &sliced.transport {
        Some(TransportSlice::Tcp(t)) => {
            let header = t.header_slice();
            let _ = writeln!(
                out,
                "\nTCP (transport layer): {} bytes added in front of the data",
                header.len()
            );
            field(
                &mut out,
                "source port",
                &t.source_port().to_string(),
                &format!("the sending socket ({from})"),
            );
            field(
                &mut out,
                "destination port",
                &t.destination_port().to_string(),
                &format!("the receiving socket ({to})"),
            );
            let (seq, ack, window) = match rel {
                Some(r) => (
                    format!("{} (raw {})", r.seq, t.sequence_number()),
                    format!("{} (raw {})", r.ack, t.acknowledgment_number()),
                    r.window,
                ),
                None => (
                    t.sequence_number().to_string(),
                    t.acknowledgment_number().to_string(),
                    u32::from(t.window_size()),
                ),
            };
            field(
                &mut out,
                "sequence number",
                &seq,
                "where this segment's bytes are in the stream",
            );
            field(
                &mut out,
                "acknowledgment",
                &ack,
                if t.ack() {
                    "the next byte the sender expects from its peer"
                } else {
                    "(not used: no ACK flag)"
                },
            );
            field(
                &mut out,
                "header length",
                &format!("{} bytes", header.len()),
                "20 plus the options",
            );
            let flags = p.summary.tcp().map(|t| t.flags).unwrap_or_default();
            field(
                &mut out,
                "flags",
                &format!("[{}] {}", flags.tcpdump(), flags.names().join(" ")),
                flag_meaning(flags),
            );
            field(
                &mut out,
                "window",
                &window.to_string(),
                "bytes the sender can still take in",
            );
            field(
                &mut out,
                "checksum",
                &format!("0x{:04x}", t.checksum()),
                "detects damage to header and data",
            );
            let mut options = Vec::new();
            for o in t.options_iterator().flatten() {
                use etherparse::TcpOptionElement as O;
                options.push(match o {
                    O::MaximumSegmentSize(m) => format!("mss {m}"),
                    O::WindowScale(w) => format!("wscale {w}"),
                    O::SelectiveAcknowledgementPermitted => "sackOK".into(),
                    O::SelectiveAcknowledgement(..) => "sack".into(),
                    O::Timestamp(a, b) => format!("TS val {a} ecr {b}"),
                    O::Noop => "nop".into(),
                });
            }
            if !options.is_empty() {
                field(
                    &mut out,
                    "options",
                    &options.join(","),
                    "agreed at the start: segment size, window scale, time stamps",
                );
            }
            out.push_str(&hex_lines(header, "  added: "));
            t.payload()
        }
        Some(TransportSlice::Udp(u)) => {
            let header = u.header_slice();
            let _ = writeln!(
                out,
                "\nUDP (transport layer): {} bytes added in front of the datagram's data",
                header.len()
            );
            field(
                &mut out,
                "source port",
                &u.source_port().to_string(),
                &format!("the sending socket ({from})"),
            );
            field(
                &mut out,
                "destination port",
                &u.destination_port().to_string(),
                &format!("the receiving socket ({to})"),
            );
            field(
                &mut out,
                "length",
                &u.length().to_string(),
                "this 8-byte header and the data",
            );
            field(
                &mut out,
                "checksum",
                &format!("0x{:04x}", u.checksum()),
                "detects damage to header and data",
            );
            out.push_str(&hex_lines(header, "  added: "));
            u.payload()
        }
        _ => &[],
    };
    if payload.is_empty() {
        out.push_str("\nData (application layer): none\n");
    } else {
        let _ = writeln!(
            out,
            "\nData (application layer): {} bytes, what send() was given",
            payload.len()
        );
        if let Some(size) = p
            .wire_segment
            .filter(|s| *s > 0 && payload.len() > usize::from(*s))
        {
            let _ = writeln!(
                out,
                "(loopback carried it as one segment; a wire would carry {} segments of at most\n {size} bytes, each with its own headers)",
                payload.len().div_ceil(usize::from(size))
            );
        }
        out.push_str(&crate::view::hexdump(payload));
        if !out.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

fn transport_name(s: &Summary) -> &'static str {
    match s.transport {
        Transport::Tcp(_) => "TCP segment",
        Transport::Udp { .. } => "UDP datagram",
    }
}

fn transport_short(s: &Summary) -> &'static str {
    match s.transport {
        Transport::Tcp(_) => "TCP",
        Transport::Udp { .. } => "UDP",
    }
}

fn flag_meaning(f: super::Flags) -> &'static str {
    match (f.syn, f.ack, f.fin, f.rst) {
        (true, false, _, _) => "asks to open a connection (connect)",
        (true, true, _, _) => "accepts the connection and acknowledges",
        (_, _, true, _) => "no more data from this side (close)",
        (_, _, _, true) => "abort: the connection is refused or reset",
        _ if f.psh => "data, to hand to the application now",
        _ => "acknowledges what arrived",
    }
}

/// A conversation as a sequence diagram at most `width` columns wide: one column per
/// socket, an arrow per packet labelled with its flags and numbers.
pub fn flow(packets: &[Packet], names: &Names, width: usize) -> String {
    let mut flows = Flows::default();
    let rows: Vec<(u64, String, String, String)> = packets
        .iter()
        .map(|p| {
            let (from, to) = names.ends(&p.summary);
            let label = short_label(&p.summary, &mut flows);
            (p.number, from, to, label)
        })
        .collect();
    let mut columns: Vec<String> = Vec::new();
    for (_, from, to, _) in &rows {
        for n in [from, to] {
            if !columns.contains(n) {
                columns.push(n.clone());
            }
        }
    }
    if columns.is_empty() {
        return String::new();
    }
    const MARGIN: usize = 6;
    let width = width.max(40);
    let max_columns = ((width - MARGIN) / 18).max(2);
    let mut out = String::new();
    if columns.len() > max_columns {
        let _ = writeln!(
            out,
            "(only the first {max_columns} sockets fit; :flow NAME shows one socket's conversation)"
        );
        columns.truncate(max_columns);
    }
    let span = if columns.len() == 1 {
        0
    } else {
        (width - MARGIN - 12) / (columns.len() - 1)
    };
    let at = |i: usize| MARGIN + 6 + i * span;
    let total = at(columns.len() - 1) + 12;
    let mut head = vec![' '; total];
    for (i, name) in columns.iter().enumerate() {
        let name: String = name.chars().take(span.max(12).saturating_sub(2)).collect();
        let start = at(i).saturating_sub(name.chars().count() / 2);
        for (k, c) in name.chars().enumerate() {
            if let Some(slot) = head.get_mut(start + k) {
                *slot = c;
            }
        }
    }
    let _ = writeln!(out, "{}", head.iter().collect::<String>().trim_end());
    let mut bars = vec![' '; total];
    for i in 0..columns.len() {
        bars[at(i)] = '|';
    }
    let _ = writeln!(out, "{}", bars.iter().collect::<String>().trim_end());
    for (number, from, to, label) in rows {
        let (Some(a), Some(b)) = (
            columns.iter().position(|c| *c == from),
            columns.iter().position(|c| *c == to),
        ) else {
            continue;
        };
        let mut row = bars.clone();
        let num = format!("{number:>4} ");
        for (k, c) in num.chars().enumerate() {
            row[k] = c;
        }
        let (lo, hi) = (at(a.min(b)), at(a.max(b)));
        if lo == hi {
            let text = format!("  ↺ {label}");
            row.truncate(lo + 1);
            row.extend(text.chars());
        } else {
            for slot in row.iter_mut().take(hi).skip(lo + 1) {
                *slot = '-';
            }
            if a < b {
                row[hi - 1] = '>';
            } else {
                row[lo + 1] = '<';
            }
            let room = hi - lo - 3;
            let label: String = label.chars().take(room).collect();
            let start = lo + 2 + (room - label.chars().count()) / 2;
            for (k, c) in label.chars().enumerate() {
                row[start + k] = c;
            }
        }
        let _ = writeln!(out, "{}", row.iter().collect::<String>().trim_end());
    }
    out
}

fn short_label(s: &Summary, flows: &mut Flows) -> String {
    let rel = flows.follow(s);
    match (&s.transport, rel) {
        (Transport::Udp { length }, _) => format!(" UDP {length} "),
        (Transport::Tcp(t), Some(r)) => {
            let mut l = format!(" [{}]", t.flags.tcpdump());
            if t.length > 0 {
                let _ = write!(l, " {}:{}", r.seq, r.seq.wrapping_add(t.length as u32));
            } else if t.flags.syn || t.flags.fin {
                let _ = write!(l, " seq {}", r.seq);
            }
            if t.flags.ack {
                let _ = write!(l, " ack {}", r.ack);
            }
            l.push(' ');
            l
        }
        (Transport::Tcp(t), None) => format!(" [{}] ", t.flags.tcpdump()),
    }
}
