//! The session's packets: the capture (`crate::capture`) joined with what the session
//! knows, so packets are named by the student's sockets (`c → srv`) and attributed to
//! the entry that caused them.
//!
//! For lessons: [`Session::packet_cursor`] before an entry, then
//! [`Session::packets_since`] gives that entry's packets as [`PacketInfo`] (flags,
//! lengths, ends by name); [`Session::packets_between`] gives those between two named
//! sockets ("between `c` and `srv`: SYN, SYN-ACK, ACK").

use super::{sockets, Session};
use crate::capture::render::{End, Flows, Names};
use crate::capture::{self, Capture, Flags, Packet, Where};
use crate::interp::Interp;
use crate::net::EventKind;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// How long the end of an entry waits for the capture thread to read what the kernel
/// already queued. On loopback that is microseconds, and the wait ends as soon as the
/// thread has read them; the bound is for a busy machine, where the capture thread may
/// wait hundreds of milliseconds for a CPU (a lesson's packet check after 200 ms once
/// judged a right answer wrong at load 10 on two CPUs).
const CATCH_UP: Duration = Duration::from_secs(2);

/// The capture of a session and what its readers remember.
#[derive(Default)]
pub struct Trace {
    capture: Option<Capture>,
    /// The next packet the REPL has not shown.
    shown: u64,
    /// Relative numbers for the lines shown, in order.
    flows: Flows,
    /// Every socket end the session has had, closed ones too (a FIN comes after
    /// `close()`, when the socket is no longer in the table).
    book: Book,
    /// Packets the capture lost that the REPL has told of.
    lost_told: u64,
    /// Each packet's two ends as first named (`c → srv`): a name must not change once
    /// shown or checked (the handshake's last ACK would be `c → conn` once `accept()`
    /// made `conn`, though it went to the listening socket's queue).
    ends: std::collections::BTreeMap<u64, (String, String)>,
    /// Packets never to show as lines (a lesson's setup caused them).
    hidden: Vec<std::ops::Range<u64>>,
    /// No lines for now: a lesson's setup runs (holds nest: a replay's steps' setups).
    held: u32,
}

/// Every socket end a program or session has had, by the names its variables gave
/// it, closed ones too (a FIN comes after `close()`, when the socket is no longer in
/// the table): what names a packet's ends (`c → srv`).
#[derive(Default)]
pub struct Book {
    pub ends: Vec<End>,
    /// The socket table's events read so far.
    cursor: u64,
}

impl Book {
    pub fn add(&mut self, end: End) {
        if !self.ends.contains(&end) {
            self.ends.push(end);
        }
    }

    /// Learn the names the sockets have now: those of the events since the last time
    /// (a socket that connected and closed since still has its variable), and of the
    /// open sockets. The table must keep events in its log for the first.
    pub fn learn(&mut self, interp: &Arc<Interp>) {
        let names = sockets::names_by_socket(interp);
        let events = interp.sockets.events_since(self.cursor);
        if let Some(last) = events.last() {
            self.cursor = last.seq + 1;
        }
        for ev in &events {
            let Some(name) = names.get(&ev.socket).filter(|n| !n.is_empty()) else {
                continue;
            };
            let name = name.join(", ");
            let (local, peer, listening) = match &ev.kind {
                EventKind::Connected { peer, local } | EventKind::Accepted { peer, local, .. } => {
                    (local, Some(peer), false)
                }
                EventKind::Bound { local, .. } => (local, None, false),
                EventKind::Listening { local, .. } => (local, None, true),
                _ => continue,
            };
            if let Ok(local) = local.parse::<SocketAddr>() {
                self.add(End {
                    name,
                    local,
                    peer: peer.and_then(|p| p.parse().ok()),
                    listening,
                });
            }
        }
        for row in sockets::rows(interp) {
            if row.names.is_empty() {
                continue;
            }
            let Some(local) = row.local.as_deref().and_then(|l| l.parse().ok()) else {
                continue;
            };
            self.add(End {
                name: row.names.join(", "),
                local,
                peer: row.peer.as_deref().and_then(|p| p.parse().ok()),
                listening: row.state == "listening",
            });
        }
    }
}

/// One packet as a lesson's check reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PacketInfo {
    pub number: u64,
    /// The sending and receiving sockets by the student's names, or `address:port`.
    pub from: String,
    pub to: String,
    /// `"TCP"` or `"UDP"`.
    pub protocol: &'static str,
    /// TCP's flags (all false for UDP).
    pub flags: Flags,
    /// Bytes of data for the application.
    pub length: usize,
    /// Bytes of the whole frame: the data and every layer's header.
    pub size: usize,
    /// The socket table's event cursor when it was captured.
    pub event_seq: u64,
    /// The REPL line running when it was captured.
    pub cause: Option<String>,
    /// Its line, as the REPL shows it.
    pub line: String,
}

impl PacketInfo {
    /// The lecture's name for a segment: `SYN`, `SYN-ACK`, `ACK`, `data`, `FIN`,
    /// `RST`, or `datagram`.
    pub fn kind(&self) -> &'static str {
        let f = self.flags;
        match (self.protocol, f.syn, f.ack, f.fin, f.rst) {
            ("UDP", ..) => "datagram",
            (_, true, false, ..) => "SYN",
            (_, true, true, ..) => "SYN-ACK",
            (_, _, _, _, true) => "RST",
            (_, _, _, true, _) => "FIN",
            _ if self.length > 0 => "data",
            _ => "ACK",
        }
    }
}

impl Trace {
    /// The ends of `p` as first named.
    fn named(&mut self, p: &Packet, names: &Names) -> (String, String) {
        if let Some(ends) = self.ends.get(&p.number) {
            return ends.clone();
        }
        let ends = names.ends(&p.summary);
        // Bounded as the ring is: names of packets it let go are let go too.
        if self.ends.len() >= capture::live::RING {
            let oldest = self.capture.as_ref().and_then(Capture::oldest).unwrap_or(0);
            self.ends = self.ends.split_off(&oldest);
            if self.ends.len() >= capture::live::RING {
                self.ends.pop_first();
            }
        }
        self.ends.insert(p.number, ends.clone());
        ends
    }

    pub(super) fn entry_starts(&self, text: &str) {
        if let Some(c) = &self.capture {
            c.set_cause(Some(text.trim_end()));
        }
    }

    pub(super) fn entry_ends(&self) {
        if let Some(c) = &self.capture {
            c.catch_up(CATCH_UP);
            c.set_cause(None);
        }
    }
}

impl Trace {
    fn raw(&self, cursor: u64) -> Vec<Packet> {
        match &self.capture {
            Some(c) => c.since(cursor),
            None => Vec::new(),
        }
    }

    /// The names of every socket end the session has had, closed ones too.
    fn names(&mut self, interp: &Arc<Interp>, services: &Services) -> Names {
        self.book.learn(interp);
        for r in services.lock().list() {
            self.book.add(End {
                name: format!("{} service", r.service.name()),
                local: r.addr,
                peer: None,
                listening: true,
            });
        }
        Names {
            ends: self.book.ends.clone(),
        }
    }

    fn info(
        &mut self,
        packets: &[Packet],
        interp: &Arc<Interp>,
        services: &Services,
    ) -> Vec<PacketInfo> {
        let names = self.names(interp, services);
        // Relative numbers count from each connection's start: follow from the oldest
        // packet kept.
        let mut flows = Flows::default();
        let first = packets.first().map_or(0, |p| p.number);
        for p in self.raw(0).iter().take_while(|p| p.number < first) {
            flows.follow(&p.summary);
        }
        packets
            .iter()
            .map(|p| {
                let (from, to) = self.named(p, &names);
                let line = flows.line_between(p, &from, &to);
                PacketInfo {
                    number: p.number,
                    from,
                    to,
                    protocol: if p.summary.tcp().is_some() {
                        "TCP"
                    } else {
                        "UDP"
                    },
                    flags: p.summary.tcp().map(|t| t.flags).unwrap_or_default(),
                    length: p.summary.length(),
                    size: p.data.len(),
                    event_seq: p.seq,
                    cause: p.cause.as_deref().map(str::to_string),
                    line,
                }
            })
            .collect()
    }

    /// Lines for the packets not shown yet; empty when the capture is off, or while a
    /// lesson's setup runs (its packets are hidden once it ends).
    fn new_lines(&mut self, interp: &Arc<Interp>, services: &Services) -> String {
        if self.held > 0 {
            return String::new();
        }
        let Some(c) = &self.capture else {
            return String::new();
        };
        let mut text = String::new();
        if let Some(why) = c.failure() {
            text = format!("{why}; :trace off, then :trace on, starts it again\n");
        }
        let lost = c.lost();
        if lost > self.lost_told {
            text.push_str(&format!(
                "(the capture lost {} packets: they came faster than they could be read)\n",
                lost - self.lost_told
            ));
            self.lost_told = lost;
        }
        let packets = c.since(self.shown);
        let Some(last) = packets.last() else {
            return text;
        };
        self.shown = last.number + 1;
        let names = self.names(interp, services);
        let hidden = std::mem::take(&mut self.hidden);
        for p in &packets {
            if hidden.iter().any(|r| r.contains(&p.number)) {
                self.flows.follow(&p.summary);
                continue;
            }
            let (from, to) = self.named(p, &names);
            text.push_str(&self.flows.line_between(p, &from, &to));
            text.push('\n');
        }
        let shown = self.shown;
        self.hidden = hidden.into_iter().filter(|r| r.end > shown).collect();
        text
    }
}

type Services = Arc<parking_lot::Mutex<crate::labs::Services>>;

/// The session's packet lines, for a thread that shows those captured while the prompt
/// waits (a server thread's answer, a lab service closing).
#[derive(Clone)]
pub struct PacketLines {
    trace: Arc<parking_lot::Mutex<Trace>>,
    interp: Arc<Interp>,
    services: Services,
}

impl PacketLines {
    /// Lines for the packets not shown yet, as [`Session::new_packet_lines`].
    pub fn new_lines(&self) -> String {
        self.trace.lock().new_lines(&self.interp, &self.services)
    }
}

impl Session {
    /// Start capturing this session's packets; says where (the host's loopback as
    /// root, or the sandbox's), or why it cannot.
    pub fn trace_on(&mut self) -> Result<Where, String> {
        self.start_trace(false)
    }

    /// [`Session::trace_on`] keeping only this session's packets even in the sandbox,
    /// whose loopback the lessons that `lesson check` runs side by side share.
    pub fn trace_own(&mut self) -> Result<Where, String> {
        self.start_trace(true)
    }

    fn start_trace(&mut self, always_filter: bool) -> Result<Where, String> {
        let mut t = self.packets.lock();
        if let Some(c) = &t.capture {
            return Ok(c.place);
        }
        let services = self.services.clone();
        let own = capture::live::table_filter(self.interp.sockets.clone());
        let filter: capture::Filter = Arc::new(move || {
            let mut ports = own();
            ports.extend(services.lock().list().iter().map(|r| r.addr.port()));
            ports
        });
        let table = self.interp.sockets.clone();
        // In the sandbox every packet is this process's: no filter to pay for.
        let filter = (always_filter || !capture::sandbox::active()).then_some(filter);
        let capture = Capture::start(filter, Box::new(move || table.cursor()), None)
            .map_err(|e| e.to_string())?;
        let place = capture.place;
        t.shown = capture.next_number();
        // A new capture numbers from 1 again.
        t.ends.clear();
        t.hidden.clear();
        t.capture = Some(capture);
        Ok(place)
    }

    /// Stop capturing; the packets captured so far are forgotten.
    pub fn trace_off(&mut self) -> bool {
        self.packets.lock().capture.take().is_some()
    }

    /// Where the capture runs, if it does.
    pub fn tracing(&self) -> Option<Where> {
        self.packets.lock().capture.as_ref().map(|c| c.place)
    }

    /// The session's packet lines for a thread of the front end's.
    pub fn packet_lines(&self) -> PacketLines {
        PacketLines {
            trace: self.packets.clone(),
            interp: self.interp.clone(),
            services: self.services.clone(),
        }
    }

    /// Where the packet numbering is now: [`Session::packets_since`] this cursor gives
    /// only packets captured from now on.
    pub fn packet_cursor(&self) -> u64 {
        self.packets
            .lock()
            .capture
            .as_ref()
            .map_or(1, Capture::next_number)
    }

    /// The packets numbered `cursor` on (as many as the ring keeps), named.
    pub fn packets_since(&mut self, cursor: u64) -> Vec<PacketInfo> {
        let mut t = self.packets.lock();
        let packets = t.raw(cursor);
        t.info(&packets, &self.interp, &self.services)
    }

    /// The packets between the sockets named `a` and `b` (either way), oldest first.
    pub fn packets_between(&mut self, a: &str, b: &str) -> Vec<PacketInfo> {
        self.packets_since(0)
            .into_iter()
            .filter(|p| (p.from == a && p.to == b) || (p.from == b && p.to == a))
            .collect()
    }

    /// The names of every socket end the session has had, closed ones too.
    pub fn packet_names(&mut self) -> Names {
        self.packets.lock().names(&self.interp, &self.services)
    }

    /// Lines for the packets not shown yet (the last entry's, and any captured while
    /// the prompt waited); empty when the capture is off.
    pub fn new_packet_lines(&mut self) -> String {
        self.packets.lock().new_lines(&self.interp, &self.services)
    }

    /// Hold the packet lines back (`true`, then `false` once for each) while a
    /// lesson's setup runs, so that no thread shows its packets before
    /// [`Session::hide_packets_since`] hides them.
    pub fn hold_packet_lines(&mut self, hold: bool) {
        let mut t = self.packets.lock();
        t.held = if hold {
            t.held + 1
        } else {
            t.held.saturating_sub(1)
        };
    }

    /// Never show the packets captured from `cursor` (a [`Session::packet_cursor`]) up
    /// to now: a lesson step's setup is not the student's doing. Packets before
    /// `cursor` not shown yet (a server's answer that came after the last entry) still
    /// are; the hidden ones' connections are still followed, so later lines keep
    /// numbering relative to each connection's start.
    pub fn hide_packets_since(&mut self, cursor: u64) {
        let mut t = self.packets.lock();
        let Some(c) = &t.capture else {
            return;
        };
        let end = c.next_number();
        if end > cursor {
            t.hidden.push(cursor..end);
        }
    }

    /// `:packet N`: packet N opened layer by layer.
    pub fn open_packet(&mut self, number: u64) -> Result<String, String> {
        let mut t = self.packets.lock();
        let Some(c) = &t.capture else {
            return Err("the capture is off: :trace on starts it".into());
        };
        let Some(packet) = c.get(number) else {
            return Err(match c.oldest() {
                Some(first) => format!(
                    "there is no packet #{number}: the capture keeps #{first} to #{}",
                    c.next_number() - 1
                ),
                None => format!("there is no packet #{number}: none was captured yet"),
            });
        };
        let mut flows = Flows::default();
        let mut rel = None;
        for p in c.since(0).iter().take_while(|p| p.number <= number) {
            rel = flows.follow(&p.summary);
        }
        let names = t.names(&self.interp, &self.services);
        Ok(capture::render::open(&packet, rel, &names))
    }

    /// `:flow [NAME]`: the conversation (of socket NAME) as a sequence diagram.
    pub fn packet_flow(&mut self, name: Option<&str>, width: usize) -> Result<String, String> {
        let mut t = self.packets.lock();
        if t.capture.is_none() {
            return Err("the capture is off: :trace on starts it".into());
        }
        let names = t.names(&self.interp, &self.services);
        let mut packets = t.raw(0);
        drop(t);
        if let Some(name) = name {
            packets.retain(|p| {
                let (a, b) = names.ends(&p.summary);
                a == name || b == name
            });
            if packets.is_empty() {
                return Err(format!("no packet to or from {name} was captured"));
            }
        }
        if packets.is_empty() {
            return Err("no packet was captured yet".into());
        }
        const MOST: usize = 60;
        let skipped = packets.len().saturating_sub(MOST);
        let mut text = String::new();
        if skipped > 0 {
            text = format!("(the last {MOST} packets; {skipped} before them are not drawn)\n");
        }
        Ok(text + &capture::render::flow(&packets[skipped..], &names, width))
    }

    /// `:trace save FILE`: every packet the ring keeps, as pcapng.
    pub fn save_packets(&self, path: &Path) -> Result<usize, String> {
        let t = self.packets.lock();
        if t.capture.is_none() {
            return Err("the capture is off: :trace on starts it".into());
        }
        let packets = t.raw(0);
        drop(t);
        capture::pcap::save(path, &packets)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        Ok(packets.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::SessionOptions;

    fn root() -> bool {
        // SAFETY: geteuid cannot fail.
        unsafe { libc::geteuid() == 0 }
    }

    #[test]
    fn an_entrys_packets_are_named_and_attributed_to_it() {
        if !root() {
            eprintln!("not root: capture on the host's loopback needs root (CI runs as root)");
            return;
        }
        let mut s = Session::new(SessionOptions::default()).expect("session");
        assert_eq!(s.trace_on(), Ok(Where::Host));
        let o = s.run(
            "import socket\n\
             srv = socket.socket()\n\
             srv.bind(('127.0.0.1', 0))\n\
             srv.listen()",
        );
        assert!(o.ok(), "{o:?}");
        let before = s.packet_cursor();
        let o = s.run("c = socket.create_connection(srv.getsockname())");
        assert!(o.ok(), "{o:?}");
        let handshake = s.packets_since(before);
        let kinds: Vec<&str> = handshake.iter().map(PacketInfo::kind).collect();
        assert_eq!(kinds, ["SYN", "SYN-ACK", "ACK"], "{handshake:#?}");
        assert_eq!(
            (handshake[0].from.as_str(), handshake[0].to.as_str()),
            ("c", "srv")
        );
        assert_eq!(
            (handshake[1].from.as_str(), handshake[1].to.as_str()),
            ("srv", "c")
        );
        assert!(
            handshake
                .iter()
                .all(|p| p.cause.as_deref()
                    == Some("c = socket.create_connection(srv.getsockname())"))
        );
        assert!(
            handshake[0].line.contains("c → srv  Flags [S], seq 0"),
            "{}",
            handshake[0].line
        );
        // The REPL shows them once, after the entry.
        let lines = s.new_packet_lines();
        assert_eq!(lines.lines().count(), 3, "{lines}");
        assert_eq!(s.new_packet_lines(), "");

        let o = s.run("conn, addr = srv.accept()\nc.sendall(b'hello')\nconn.recv(5)\nc.close()");
        assert!(o.ok(), "{o:?}");
        let between = s.packets_between("c", "conn");
        assert!(
            between.iter().any(|p| p.kind() == "data" && p.length == 5),
            "{between:#?}"
        );
        assert!(
            between.iter().any(|p| p.kind() == "FIN" && p.from == "c"),
            "{between:#?}"
        );
        assert!(!between.iter().any(|p| p.kind() == "RST"));

        let first = handshake[0].number;
        let opened = s.open_packet(first).expect("packet kept");
        assert!(
            opened.contains("caused by: >>> c = socket.create_connection"),
            "{opened}"
        );
        assert!(opened.contains("[S] SYN"), "{opened}");
        assert!(s
            .open_packet(first + 10_000)
            .unwrap_err()
            .starts_with("there is no packet"));
        let flow = s.packet_flow(Some("c"), 80).expect("a diagram");
        assert!(
            flow.lines().next().is_some_and(|l| l.contains("srv")),
            "{flow}"
        );
        assert!(s.packet_flow(Some("nobody"), 80).is_err());
        assert!(s.trace_off());
        assert!(s.packets_since(0).is_empty());
    }

    #[test]
    fn a_connection_to_a_server_outside_the_session_is_caught_with_its_entry() {
        if !root() {
            eprintln!("not root: capture on the host's loopback needs root (CI runs as root)");
            return;
        }
        // A server the session knows nothing of (another terminal's, in a lesson).
        let outside = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = outside.local_addr().expect("addr").port();
        let mut s = Session::new(SessionOptions::default()).expect("session");
        s.trace_on().expect("root may capture");
        assert!(s.run("import socket").ok());
        let before = s.packet_cursor();
        let o = s.run(&format!(
            "c = socket.create_connection(('127.0.0.1', {port}))"
        ));
        assert!(o.ok(), "{o:?}");
        let kinds: Vec<&str> = s
            .packets_since(before)
            .iter()
            .map(PacketInfo::kind)
            .collect();
        assert_eq!(kinds, ["SYN", "SYN-ACK", "ACK"]);
        let first = &s.packets_since(before)[0];
        assert_eq!(
            (first.from.as_str(), first.to.clone()),
            ("c", format!("127.0.0.1:{port}"))
        );
        drop(outside);
    }

    #[test]
    fn with_the_capture_off_each_view_says_how_to_start_it() {
        let mut s = Session::new(SessionOptions::default()).expect("session");
        assert_eq!(s.tracing(), None);
        assert!(s.open_packet(1).unwrap_err().contains(":trace on"));
        assert!(s.packet_flow(None, 80).unwrap_err().contains(":trace on"));
        assert!(s.save_packets(Path::new("/tmp/x.pcapng")).is_err());
        assert_eq!(s.new_packet_lines(), "");
    }
}
