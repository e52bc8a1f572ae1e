//! Rendering on synthetic packets: the handshake, data, close and a datagram between
//! `c` and `srv`/`conn`, as the kernel sends them on loopback.

use super::render::{self, End, Flows, Names};
use super::*;
use etherparse::{PacketBuilder, TcpOptionElement};

const SRV: &str = "127.0.0.1:5000";
const C: &str = "127.0.0.1:41000";

fn addr(s: &str) -> SocketAddr {
    s.parse().expect("test address")
}

#[derive(Default, Clone, Copy)]
pub(crate) struct Seg {
    pub syn: bool,
    pub ack: bool,
    pub fin: bool,
    pub psh: bool,
    pub rst: bool,
}

pub(crate) fn tcp(
    number: u64,
    from: &str,
    to: &str,
    seg: Seg,
    seq: u32,
    ack: u32,
    data: &[u8],
) -> Packet {
    let (from, to) = (addr(from), addr(to));
    let ip = |a: SocketAddr| match a.ip() {
        IpAddr::V4(v) => v.octets(),
        IpAddr::V6(_) => unreachable!("test packets are IPv4"),
    };
    let mut b = PacketBuilder::ethernet2([0; 6], [0; 6])
        .ipv4(ip(from), ip(to), 64)
        .tcp(from.port(), to.port(), seq, 512);
    if seg.syn {
        b = b.syn();
        b = b
            .options(&[
                TcpOptionElement::MaximumSegmentSize(65495),
                TcpOptionElement::Noop,
                TcpOptionElement::WindowScale(7),
            ])
            .expect("options fit");
    }
    if seg.ack {
        b = b.ack(ack);
    }
    if seg.fin {
        b = b.fin();
    }
    if seg.psh {
        b = b.psh();
    }
    if seg.rst {
        b = b.rst();
    }
    let mut data_out = Vec::new();
    b.write(&mut data_out, data).expect("builds");
    packet(number, data_out)
}

pub(crate) fn udp(number: u64, from: &str, to: &str, data: &[u8]) -> Packet {
    let (from, to) = (addr(from), addr(to));
    let b = PacketBuilder::ethernet2([0; 6], [0; 6])
        .ipv4([127, 0, 0, 1], [127, 0, 0, 1], 64)
        .udp(from.port(), to.port());
    let mut out = Vec::new();
    b.write(&mut out, data).expect("builds");
    packet(number, out)
}

fn packet(number: u64, data: Vec<u8>) -> Packet {
    Packet {
        number,
        at: std::time::UNIX_EPOCH,
        seq: 0,
        cause: Some(Arc::from("c.connect(('127.0.0.1', 5000))")),
        summary: Summary::parse(&data).expect("parses"),
        data,
        wire_segment: None,
    }
}

/// A whole conversation: connect, send b'hello', the server's reply, close, then a
/// datagram.
fn conversation() -> Vec<Packet> {
    let s = |syn, ack, fin, psh| Seg {
        syn,
        ack,
        fin,
        psh,
        rst: false,
    };
    vec![
        tcp(1, C, SRV, s(true, false, false, false), 1000, 0, b""),
        tcp(2, SRV, C, s(true, true, false, false), 9000, 1001, b""),
        tcp(3, C, SRV, s(false, true, false, false), 1001, 9001, b""),
        tcp(4, C, SRV, s(false, true, false, true), 1001, 9001, b"hello"),
        tcp(5, SRV, C, s(false, true, false, false), 9001, 1006, b""),
        tcp(6, C, SRV, s(false, true, true, false), 1006, 9001, b""),
        tcp(7, SRV, C, s(false, true, false, false), 9001, 1007, b""),
        udp(8, "127.0.0.1:42000", "127.0.0.1:9999", b"datagram"),
    ]
}

fn names() -> Names {
    Names {
        ends: vec![
            End {
                name: "srv".into(),
                local: addr(SRV),
                peer: None,
                listening: true,
            },
            End {
                name: "c".into(),
                local: addr(C),
                peer: Some(addr(SRV)),
                listening: false,
            },
            End {
                name: "conn".into(),
                local: addr(SRV),
                peer: Some(addr(C)),
                listening: false,
            },
            End {
                name: "u".into(),
                local: addr("127.0.0.1:42000"),
                peer: None,
                listening: false,
            },
        ],
    }
}

#[test]
fn lines_in_tcpdump_notation_with_the_students_names() {
    let text = render::lines(&conversation(), &mut Flows::default(), &names());
    insta::assert_snapshot!(text);
    // The handshake goes to and comes from the listening socket; data to `conn`.
    assert!(
        text.contains("#1  c → srv  Flags [S], seq 0, win 512"),
        "{text}"
    );
    assert!(
        text.contains("#2  srv → c  Flags [S.], seq 0, ack 1"),
        "{text}"
    );
    assert!(
        text.contains("#4  c → conn  Flags [P.], seq 1:6, ack 1"),
        "{text}"
    );
    assert!(
        text.contains("#8  u → 127.0.0.1:9999  UDP, length 8"),
        "{text}"
    );
}

#[test]
fn windows_are_scaled_once_both_syns_agreed() {
    let mut flows = Flows::default();
    let packets = conversation();
    let rel: Vec<_> = packets.iter().map(|p| flows.follow(&p.summary)).collect();
    // SYN and SYN-ACK: as sent; after them: 512 << 7.
    assert_eq!(rel[0].map(|r| r.window), Some(512));
    assert_eq!(rel[1].map(|r| r.window), Some(512));
    assert_eq!(rel[2].map(|r| r.window), Some(512 << 7));
    assert_eq!(rel[5].map(|r| (r.seq, r.ack)), Some((6, 1)));
    assert_eq!(rel[7], None);
}

#[test]
fn a_connection_met_midway_counts_from_its_first_segment() {
    let seg = Seg {
        ack: true,
        psh: true,
        ..Seg::default()
    };
    let p = tcp(1, C, SRV, seg, 77_000, 5, b"abc");
    let line = Flows::default().line(&p, &Names::default());
    assert_eq!(
        line,
        "#1  127.0.0.1:41000 → 127.0.0.1:5000  Flags [P.], seq 1:4, ack 5, win 512, length 3"
    );
}

#[test]
fn a_large_segment_says_how_a_wire_would_cut_it() {
    let seg = Seg {
        ack: true,
        psh: true,
        ..Seg::default()
    };
    let mut p = tcp(1, C, SRV, seg, 1000, 1, &[b'x'; 7240]);
    p.wire_segment = Some(1448);
    let line = Flows::default().line(&p, &Names::default());
    assert!(
        line.ends_with("length 7240 (5 segments of at most 1448 on a wire)"),
        "{line}"
    );
    p.wire_segment = None;
    assert!(Flows::default()
        .line(&p, &Names::default())
        .ends_with("length 7240"));
}

#[test]
fn a_reset_shows_r() {
    let seg = Seg {
        rst: true,
        ack: true,
        ..Seg::default()
    };
    // A SYN to a port where nothing listens is answered by a reset.
    let syn = Seg {
        syn: true,
        ..Seg::default()
    };
    let mut flows = Flows::default();
    flows.line(&tcp(1, C, SRV, syn, 1000, 0, b""), &names());
    let line = flows.line(&tcp(2, SRV, C, seg, 0, 1001, b""), &names());
    assert!(line.contains("Flags [R.], seq 0, ack 1, win 512"), "{line}");
}

#[test]
fn a_packet_opened_layer_by_layer() {
    let packets = conversation();
    let mut flows = Flows::default();
    let rel: Vec<_> = packets.iter().map(|p| flows.follow(&p.summary)).collect();
    let text = render::open(&packets[3], rel[3], &names());
    insta::assert_snapshot!(text);
    assert!(text.contains("Ethernet (link layer): 14 bytes"), "{text}");
    assert!(text.contains("IPv4 (network layer): 20 bytes"), "{text}");
    assert!(text.contains("TCP (transport layer): 20 bytes"), "{text}");
    assert!(text.contains("Data (application layer): 5 bytes"), "{text}");
    let udp_text = render::open(&packets[7], None, &names());
    assert!(
        udp_text.contains("UDP (transport layer): 8 bytes"),
        "{udp_text}"
    );
}

#[test]
fn a_conversation_as_a_sequence_diagram_fits_80_columns() {
    let text = render::flow(&conversation()[..7], &names(), 80);
    insta::assert_snapshot!(text);
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
    assert!(text
        .lines()
        .next()
        .is_some_and(|l| l.contains('c') && l.contains("srv")));
}

#[test]
fn pcapng_keeps_each_packets_cause_as_its_comment() {
    let dir = std::env::temp_dir().join(format!("socklab-pcap-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("t.pcapng");
    pcap::save(&path, &conversation()).expect("writes");
    let data = std::fs::read(&path).expect("reads");
    let mut reader = pcap_file::pcapng::PcapNgReader::new(&data[..]).expect("pcapng");
    let mut comments = 0;
    let mut frames = 0;
    while let Some(block) = reader.next_block() {
        if let pcap_file::pcapng::Block::EnhancedPacket(epb) = block.expect("block") {
            frames += 1;
            assert!(Summary::parse(&epb.data).is_some());
            for o in &epb.options {
                if let pcap_file::pcapng::blocks::enhanced_packet::EnhancedPacketOption::Comment(
                    c,
                ) = o
                {
                    assert_eq!(c, ">>> c.connect(('127.0.0.1', 5000))");
                    comments += 1;
                }
            }
        }
    }
    assert_eq!((frames, comments), (8, 8));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn saving_where_it_cannot_be_written_is_an_error_not_a_panic() {
    let err = pcap::save(
        std::path::Path::new("/proc/socklab-no-such-dir/x.pcapng"),
        &conversation(),
    );
    assert!(err.is_err());
}
