//! `:netstat`: the machine's sockets as `netstat -a` shows them, read from the kernel's
//! own tables in `/proc/net` (Linux). Each line of `/proc/net/tcp` is one socket:
//!
//! ```text
//!   sl  local_address rem_address   st tx_queue rx_queue ... uid timeout inode
//!    0: 0100007F:9C40 00000000:0000 0A 00000000:00000000 ... 1000      0 52731
//! ```
//!
//! Addresses are hex in the machine's byte order (`0100007F` is 127.0.0.1 on x86), the
//! port is hex in network order (`9C40` is 40000), `st` is the TCP state (`0A` LISTEN),
//! and the inode names the socket: `/proc/PID/fd/N` links to `socket:[inode]`, which is
//! how a port is traced back to the process holding it.

use std::fmt::Write;
use std::net::{Ipv4Addr, Ipv6Addr};

/// One socket of the machine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NetEntry {
    /// `tcp`, `tcp6`, `udp`, `udp6`.
    pub proto: &'static str,
    pub local: String,
    pub local_port: u16,
    pub remote: String,
    /// 0 when there is no peer.
    pub remote_port: u16,
    /// `LISTEN`, `ESTABLISHED`, `TIME_WAIT` ...; empty for an unconnected UDP socket.
    pub state: &'static str,
    pub recv_q: u64,
    pub send_q: u64,
    pub inode: u64,
}

const TABLES: [(&str, &str); 4] = [
    ("tcp", "/proc/net/tcp"),
    ("tcp6", "/proc/net/tcp6"),
    ("udp", "/proc/net/udp"),
    ("udp6", "/proc/net/udp6"),
];

/// Every TCP and UDP socket of the machine, or why they cannot be read.
pub fn entries() -> Result<Vec<NetEntry>, String> {
    let mut out = Vec::new();
    let mut any = false;
    for (proto, path) in TABLES {
        if let Ok(text) = std::fs::read_to_string(path) {
            any = true;
            out.extend(text.lines().skip(1).filter_map(|l| parse_line(proto, l)));
        }
    }
    if !any {
        return Err(
            "the kernel's socket tables (/proc/net/tcp ...) are not readable here; \
             :netstat needs Linux. Your own sockets are in :sockets"
                .into(),
        );
    }
    Ok(out)
}

fn tcp_state(code: u8, udp: bool) -> &'static str {
    match code {
        0x01 => "ESTABLISHED",
        0x02 => "SYN_SENT",
        0x03 => "SYN_RECV",
        0x04 => "FIN_WAIT1",
        0x05 => "FIN_WAIT2",
        0x06 => "TIME_WAIT",
        0x07 if udp => "",
        0x07 => "CLOSE",
        0x08 => "CLOSE_WAIT",
        0x09 => "LAST_ACK",
        0x0A => "LISTEN",
        0x0B => "CLOSING",
        _ => "UNKNOWN",
    }
}

/// One line of a `/proc/net` table.
pub fn parse_line(proto: &'static str, line: &str) -> Option<NetEntry> {
    let f: Vec<&str> = line.split_whitespace().collect();
    if f.len() < 10 {
        return None;
    }
    let (local, local_port) = parse_addr(f[1])?;
    let (remote, remote_port) = parse_addr(f[2])?;
    let code = u8::from_str_radix(f[3], 16).ok()?;
    let (tx, rx) = f[4].split_once(':')?;
    let udp = proto.starts_with("udp");
    let port = |p: u16| {
        if p == 0 {
            "*".to_string()
        } else {
            p.to_string()
        }
    };
    Some(NetEntry {
        proto,
        local: join_host_port(&local, &port(local_port)),
        local_port,
        remote: join_host_port(&remote, &port(remote_port)),
        remote_port,
        state: tcp_state(code, udp),
        send_q: u64::from_str_radix(tx, 16).ok()?,
        recv_q: u64::from_str_radix(rx, 16).ok()?,
        inode: f[9].parse().ok()?,
    })
}

fn join_host_port(host: &str, port: &str) -> String {
    if host.contains(':') {
        format!("[{host}]:{port}")
    } else {
        format!("{host}:{port}")
    }
}

/// `0100007F:9C40` → ("127.0.0.1", 40000).
fn parse_addr(s: &str) -> Option<(String, u16)> {
    let (addr, port) = s.split_once(':')?;
    let port = u16::from_str_radix(port, 16).ok()?;
    let host = match addr.len() {
        8 => {
            let word = u32::from_str_radix(addr, 16).ok()?;
            // The kernel printed the address's bytes as one machine-order word.
            Ipv4Addr::from(word.to_ne_bytes()).to_string()
        }
        32 => {
            let mut bytes = [0u8; 16];
            for i in 0..4 {
                let word = u32::from_str_radix(addr.get(i * 8..i * 8 + 8)?, 16).ok()?;
                // Each 32-bit word is in the machine's byte order.
                bytes[i * 4..i * 4 + 4].copy_from_slice(&word.to_ne_bytes());
            }
            let v6 = Ipv6Addr::from(bytes);
            match v6.to_ipv4_mapped() {
                Some(v4) => format!("::ffff:{v4}"),
                None => v6.to_string(),
            }
        }
        _ => return None,
    };
    Some((host, port))
}

/// Socket inodes held by this process, with their descriptors.
pub fn own_inodes() -> Vec<(u64, i32)> {
    inodes_of("/proc/self/fd")
}

fn inodes_of(dir: &str) -> Vec<(u64, i32)> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    rd.filter_map(|e| {
        let e = e.ok()?;
        let fd: i32 = e.file_name().to_str()?.parse().ok()?;
        let link = std::fs::read_link(e.path()).ok()?;
        let link = link.to_str()?;
        let inode = link
            .strip_prefix("socket:[")?
            .strip_suffix(']')?
            .parse()
            .ok()?;
        Some((inode, fd))
    })
    .collect()
}

/// Which process holds `port` (for "address already in use"), as far as the kernel says.
pub fn process_holding_port(port: u16) -> Option<String> {
    let all = entries().ok()?;
    let held: Vec<&NetEntry> = all.iter().filter(|e| e.local_port == port).collect();
    if held.is_empty() {
        return None;
    }
    if let Some(e) = held.iter().find(|e| e.inode != 0) {
        if let Some((pid, name)) = owner_of_inode(e.inode) {
            if pid == std::process::id() {
                return Some(format!("this socklab session ({} {})", e.proto, e.state));
            }
            return Some(format!("process {pid} ({name})"));
        }
        return Some(format!(
            "a {} socket of another user's process ({})",
            e.proto,
            if e.state.is_empty() { "bound" } else { e.state }
        ));
    }
    if held.iter().any(|e| e.state == "TIME_WAIT") {
        return Some("a connection closed moments ago (TIME_WAIT)".into());
    }
    None
}

fn owner_of_inode(inode: u64) -> Option<(u32, String)> {
    for e in std::fs::read_dir("/proc").ok()?.flatten() {
        let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else {
            continue;
        };
        if inodes_of(&format!("/proc/{pid}/fd"))
            .iter()
            .any(|(i, _)| *i == inode)
        {
            let name = std::fs::read_to_string(format!("/proc/{pid}/comm"))
                .map(|s| s.trim().to_string())
                .unwrap_or_else(|_| "?".into());
            return Some((pid, name));
        }
    }
    None
}

/// The table as `netstat -a` prints it; `mark` says, for an inode, what this session
/// calls it (`s`, `lab service`), so the student's own sockets stand out. The address
/// columns are as wide as the addresses; a mark that would not fit in `width` columns
/// goes on a line of its own, under the socket it names.
pub fn render(
    entries: &[NetEntry],
    mark: &dyn Fn(u64) -> Option<String>,
    width: Option<u16>,
) -> String {
    let widest = |f: &dyn Fn(&NetEntry) -> usize, title: &str| {
        entries.iter().map(f).max().unwrap_or(0).max(title.len())
    };
    let local_w = widest(&|e| e.local.chars().count(), "Local Address");
    let remote_w = widest(&|e| e.remote.chars().count(), "Foreign Address");
    let row = |proto: &str, rq: &str, sq: &str, local: &str, remote: &str, state: &str| {
        let line =
            format!("{proto:<6}{rq:>6} {sq:>6} {local:<local_w$} {remote:<remote_w$} {state}");
        line.trim_end().to_string()
    };
    let mut out = String::new();
    let header = row(
        "Proto",
        "Recv-Q",
        "Send-Q",
        "Local Address",
        "Foreign Address",
        "State",
    );
    let _ = writeln!(out, "{header}");
    let limit = width.map_or(usize::MAX, usize::from);
    for e in entries {
        let line = row(
            e.proto,
            &e.recv_q.to_string(),
            &e.send_q.to_string(),
            &e.local,
            &e.remote,
            e.state,
        );
        match mark(e.inode) {
            Some(m) if line.chars().count() + 4 + m.chars().count() <= limit => {
                let _ = writeln!(out, "{line}  ← {m}");
            }
            Some(m) => {
                let _ = writeln!(out, "{line}\n      ↑ {m}");
            }
            None => {
                let _ = writeln!(out, "{line}");
            }
        }
    }
    out
}

/// Only the sockets whose local or peer port is `port`.
pub fn on_port(entries: Vec<NetEntry>, port: u16) -> Vec<NetEntry> {
    entries
        .into_iter()
        .filter(|e| e.local_port == port || e.remote_port == port)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TCP: &str = "   0: 0100007F:9C40 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 52731 1 0000000000000000 100 0 0 10 0";
    const TCP6: &str = "   1: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 60000 1 0000000000000000 100 0 0 10 0";

    #[test]
    fn parses_a_listening_ipv4_socket() {
        let e = parse_line("tcp", TCP).expect("parsed");
        assert_eq!(e.local, "127.0.0.1:40000");
        assert_eq!(e.remote, "0.0.0.0:*");
        assert_eq!(e.state, "LISTEN");
        assert_eq!(e.inode, 52731);
    }

    #[test]
    fn parses_ipv6_loopback() {
        let e = parse_line("tcp6", TCP6).expect("parsed");
        assert_eq!(e.local, "[::1]:8080");
    }

    #[test]
    fn header_lines_and_garbage_are_skipped() {
        assert_eq!(
            parse_line("tcp", "  sl  local_address rem_address   st"),
            None
        );
        assert_eq!(
            parse_line("tcp", "   0: zz:zz 00000000:0000 0A a:b c d e 1 2 3"),
            None
        );
    }

    #[test]
    fn rendered_like_netstat_with_own_sockets_marked() {
        let entries = vec![
            parse_line("tcp", TCP).expect("tcp"),
            parse_line("tcp6", TCP6).expect("tcp6"),
        ];
        let out = render(
            &entries,
            &|inode| (inode == 52731).then(|| "this session: s".to_string()),
            None,
        );
        insta::assert_snapshot!(out);
        // On a narrow terminal the mark goes under its socket.
        let narrow = render(
            &entries,
            &|inode| (inode == 52731).then(|| "this session: s".to_string()),
            Some(60),
        );
        assert!(
            narrow.contains("LISTEN\n      ↑ this session: s\n"),
            "{narrow}"
        );
        assert!(narrow.lines().all(|l| l.chars().count() <= 60), "{narrow}");
        assert_eq!(on_port(entries, 8080).len(), 1);
    }

    #[test]
    fn this_machine_reads() {
        // /proc/net exists on every Linux machine the tests run on.
        if cfg!(target_os = "linux") {
            assert!(entries().is_ok());
        }
    }
}
