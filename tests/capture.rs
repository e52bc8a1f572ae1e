//! The packet capture for real: `socklab run --trace --pcap` of a program that
//! connects, sends, closes and sends a datagram, as root (on the host's loopback,
//! filtered to the program's ports) and as an unprivileged user (in the private
//! network socklab makes for itself), read back from the pcapng file; and a second
//! socklab joining a sandboxed one's network.
//!
//! `cargo test` runs as root here and in CI; the unprivileged runs drop to `nobody`
//! with `setpriv`. Loopback only: every address is 127.0.0.1 with port 0.

use socklab::capture::{Summary, Transport};
use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const PROGRAM: &str = r#"
import socket
srv = socket.socket()
srv.bind(('127.0.0.1', 0))
srv.listen()
c = socket.create_connection(srv.getsockname())
conn, addr = srv.accept()
c.sendall(b'hello')
print(conn.recv(100))
c.close()
print(conn.recv(100))
conn.close()
srv.close()
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
r = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
r.bind(('127.0.0.1', 0))
u.sendto(b'datagram', r.getsockname())
print(r.recvfrom(100)[0])
"#;

const NOBODY: &str = "65534";

fn is_root() -> bool {
    // SAFETY: geteuid cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// A directory the test owns (and, for `nobody`, that nobody owns), removed at the end.
struct Scratch(PathBuf);

impl Scratch {
    fn new(tag: &str, for_nobody: bool) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("socklab-capture-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch dir");
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        if for_nobody {
            let status = Command::new("chown")
                .args([format!("{NOBODY}:{NOBODY}"), dir.display().to_string()])
                .status()
                .expect("chown runs");
            assert!(status.success());
        }
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The socklab binary where `nobody` can execute it (the build directory may be under
/// a home directory `nobody` cannot enter): a hard link when the scratch directory is
/// on the same file system (no copy of a large debug binary), else a copy.
fn binary_in(dir: &Path) -> PathBuf {
    let to = dir.join("socklab");
    let from = env!("CARGO_BIN_EXE_socklab");
    let others_may_run = std::fs::metadata(from)
        .map(|m| m.permissions().mode() & 0o005 == 0o005)
        .unwrap_or(false);
    if !(others_may_run && std::fs::hard_link(from, &to).is_ok()) {
        std::fs::copy(from, &to).unwrap_or_else(|e| panic!("copy {from}: {e}"));
        std::fs::set_permissions(&to, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    to
}

fn as_nobody(program: &Path) -> Command {
    let mut cmd = Command::new("setpriv");
    cmd.args([
        &format!("--reuid={NOBODY}"),
        &format!("--regid={NOBODY}"),
        "--clear-groups",
    ])
    .arg(program);
    cmd
}

/// Every frame of a pcapng file, parsed.
fn read_back(path: &Path) -> Vec<Summary> {
    let data = std::fs::read(path).expect("the pcap file exists");
    let mut reader = pcap_file::pcapng::PcapNgReader::new(&data[..]).expect("a pcapng file");
    let mut out = Vec::new();
    while let Some(block) = reader.next_block() {
        if let pcap_file::pcapng::Block::EnhancedPacket(epb) = block.expect("a whole block") {
            out.push(Summary::parse(&epb.data).expect("an IP packet with TCP or UDP"));
        }
    }
    out
}

/// SYN, SYN-ACK, ACK, the 5-byte data segment, a FIN each way, and the datagram.
fn assert_the_conversation(packets: &[Summary], stderr: &str) {
    let tcp: Vec<_> = packets.iter().filter_map(Summary::tcp).collect();
    let find = |what: &str, f: &dyn Fn(&&socklab::capture::Tcp) -> bool| {
        tcp.iter()
            .position(f)
            .unwrap_or_else(|| panic!("no {what} among {packets:#?}\nstderr: {stderr}"))
    };
    let syn = find("SYN", &|t| t.flags.syn && !t.flags.ack);
    let syn_ack = find("SYN-ACK", &|t| t.flags.syn && t.flags.ack);
    let ack = find("ACK", &|t| {
        t.flags.ack && !t.flags.syn && !t.flags.fin && t.length == 0
    });
    let data = find("data", &|t| t.length == 5);
    let fin = find("FIN", &|t| t.flags.fin);
    assert!(
        syn < syn_ack && syn_ack < ack && ack < data && data < fin,
        "{packets:#?}"
    );
    assert_eq!(
        tcp.iter().filter(|t| t.flags.fin).count(),
        2,
        "{packets:#?}"
    );
    assert!(
        !tcp.iter().any(|t| t.flags.rst),
        "no reset expected: {packets:#?}"
    );
    let udp: Vec<_> = packets
        .iter()
        .filter(|p| matches!(p.transport, Transport::Udp { .. }))
        .collect();
    assert_eq!(udp.len(), 1, "{packets:#?}");
    assert_eq!(udp[0].length(), 8);
    assert!(packets
        .iter()
        .all(|p| p.src.ip().is_loopback() && p.dst.ip().is_loopback()));
    // One connection and one datagram: no other program's packet is among them.
    let ends = |p: &Summary| {
        let mut e = [p.src, p.dst];
        e.sort();
        e
    };
    let connection = ends(&packets[0]);
    assert!(
        packets
            .iter()
            .all(|p| ends(p) == connection || matches!(p.transport, Transport::Udp { .. })),
        "{packets:#?}"
    );
    // The lines on standard error say the same in tcpdump's notation.
    for flags in [
        "Flags [S]",
        "Flags [S.]",
        "Flags [P.], seq 1:6",
        "Flags [F.]",
        "UDP, length 8",
    ] {
        assert!(stderr.contains(flags), "no {flags:?} in:\n{stderr}");
    }
}

fn run_traced(mut cmd: Command, dir: &Path) -> (Vec<Summary>, String) {
    let prog = dir.join("prog.py");
    std::fs::write(&prog, PROGRAM).expect("write the program");
    std::fs::set_permissions(&prog, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let pcap = dir.join("out.pcapng");
    let out = cmd
        .args(["run", "--trace", "--pcap"])
        .arg(&pcap)
        .arg(&prog)
        .env("NO_COLOR", "1")
        .output()
        .expect("socklab runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        out.status.success(),
        "status {:?}, stderr:\n{stderr}",
        out.status
    );
    // Standard output is the program's alone, byte for byte.
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "b'hello'\nb''\nb'datagram'\n"
    );
    (read_back(&pcap), stderr)
}

#[test]
fn a_capture_as_root_on_the_hosts_loopback() {
    if !is_root() {
        eprintln!("not root: this test needs root (cargo test runs as root in CI)");
        return;
    }
    let dir = Scratch::new("root", false);
    let (packets, stderr) = run_traced(Command::new(env!("CARGO_BIN_EXE_socklab")), &dir.0);
    assert!(!stderr.contains("private network"), "{stderr}");
    assert_the_conversation(&packets, &stderr);
}

#[test]
fn a_capture_as_an_unprivileged_user_in_its_own_network() {
    if !is_root() {
        eprintln!("not root: this test needs root to become nobody");
        return;
    }
    let dir = Scratch::new("nobody", true);
    let bin = binary_in(&dir.0);
    let (packets, stderr) = run_traced(as_nobody(&bin), &dir.0);
    assert!(stderr.contains("private network"), "{stderr}");
    assert_the_conversation(&packets, &stderr);
}

#[test]
fn an_unwritable_pcap_file_is_a_clear_error_before_the_program_runs() {
    let out = Command::new(env!("CARGO_BIN_EXE_socklab"))
        .args(["run", "--pcap", "/proc/no-such-dir/x.pcapng", "-"])
        .stdin(Stdio::null())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("socklab: cannot write /proc/no-such-dir/x.pcapng"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// A sandboxed socklab serves on its private loopback; a second socklab reaches it
/// only after joining its network.
fn join_test(wrap: &dyn Fn(&Path) -> Command, dir: &Path, bin: &Path) {
    let server = dir.join("server.py");
    std::fs::write(
        &server,
        "import socket, sys\n\
         s = socket.socket()\n\
         s.bind(('127.0.0.1', 0))\n\
         s.listen()\n\
         print(s.getsockname()[1], flush=True)\n\
         conn, _ = s.accept()\n\
         conn.sendall(conn.recv(100).upper())\n\
         conn.close()\n",
    )
    .expect("write server");
    let client = dir.join("client.py");
    std::fs::write(
        &client,
        "import socket, sys\n\
         try:\n\
         \x20   c = socket.create_connection(('127.0.0.1', int(sys.argv[1])))\n\
         except ConnectionRefusedError:\n\
         \x20   print('refused')\n\
         else:\n\
         \x20   c.sendall(b'joined')\n\
         \x20   print(c.recv(100))\n",
    )
    .expect("write client");
    for f in [&server, &client] {
        std::fs::set_permissions(f, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    }
    let mut sandboxed = wrap(bin)
        .args(["--sandbox", "run"])
        .arg(&server)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the sandboxed server");
    let pid = sandboxed.id();
    let mut line = String::new();
    BufReader::new(sandboxed.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("the server prints its port");
    let port: u16 = line.trim().parse().unwrap_or_else(|_| {
        let _ = sandboxed.kill();
        panic!("no port from the sandboxed server: {line:?}")
    });
    let client_run = |join: bool| {
        let mut cmd = wrap(bin);
        // setpriv runs socklab itself, so the pid of the sandboxed server is the
        // process that made the namespaces.
        if join {
            cmd.args(["--join", &pid.to_string()]);
        }
        cmd.arg("run").arg(&client).arg(port.to_string());
        let out = cmd.output().expect("client runs");
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    // From the host's network the sandbox's port is not there (nothing else may hold
    // it by chance: then the client would be answered by someone else, not uppercase).
    let (outside, _) = client_run(false);
    assert_ne!(outside, "b'JOINED'\n", "the sandbox leaked");
    let (inside, stderr) = client_run(true);
    let deadline = Instant::now() + Duration::from_secs(10);
    while sandboxed.try_wait().ok().flatten().is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = sandboxed.kill();
    assert_eq!(inside, "b'JOINED'\n", "stderr: {stderr}");
}

#[test]
fn a_second_socklab_joins_a_sandboxed_ones_network() {
    if !is_root() {
        eprintln!("not root: skipped");
        return;
    }
    let dir = Scratch::new("join-root", false);
    join_test(
        &|bin| Command::new(bin),
        &dir.0,
        Path::new(env!("CARGO_BIN_EXE_socklab")),
    );
}

#[test]
fn an_unprivileged_user_joins_their_own_sandbox() {
    if !is_root() {
        eprintln!("not root: this test needs root to become nobody");
        return;
    }
    let dir = Scratch::new("join-nobody", true);
    let bin = binary_in(&dir.0);
    join_test(&|bin| as_nobody(bin), &dir.0, &bin);
}

#[test]
fn joining_a_process_that_does_not_exist_says_so() {
    let out = Command::new(env!("CARGO_BIN_EXE_socklab"))
        .args(["--join", "999999999", "run", "-"])
        .stdin(Stdio::null())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot open /proc/999999999/ns/user"),
        "{stderr}"
    );
    let _ = std::io::stderr().flush();
}

/// The fenced blocks of a Markdown file: (info string, body).
fn fenced(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut open: Option<(String, String)> = None;
    for line in text.lines() {
        match (&mut open, line.trim_start().strip_prefix("```")) {
            (None, Some(info)) => open = Some((info.trim().to_string(), String::new())),
            (Some(_), Some(_)) => out.extend(open.take()),
            (Some((_, body)), None) => {
                body.push_str(line);
                body.push('\n');
            }
            (None, None) => {}
        }
    }
    out
}

/// Port numbers change every run: call each the order it first appeared in.
fn ports_by_order(text: &str) -> String {
    let mut seen: Vec<String> = Vec::new();
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("127.0.0.1:") {
        let (head, tail) = rest.split_at(i + "127.0.0.1:".len());
        out.push_str(head);
        let digits: String = tail.chars().take_while(char::is_ascii_digit).collect();
        let n = match seen.iter().position(|p| *p == digits) {
            Some(n) => n,
            None => {
                seen.push(digits.clone());
                seen.len() - 1
            }
        };
        out.push_str(&format!("PORT{n}"));
        rest = &tail[digits.len()..];
    }
    out.push_str(rest);
    out
}

#[test]
fn the_books_capture_is_what_socklab_prints() {
    if !is_root() {
        eprintln!("not root: skipped");
        return;
    }
    let chapter = Path::new(env!("CARGO_MANIFEST_DIR")).join("book/src/packets.md");
    let blocks = fenced(&std::fs::read_to_string(&chapter).expect("the chapter"));
    let program = &blocks
        .iter()
        .find(|(info, _)| info == "python")
        .expect("a python block")
        .1;
    let shown = &blocks
        .iter()
        .find(|(info, _)| info == "text,packets")
        .expect("a text,packets block")
        .1;
    let dir = Scratch::new("book", false);
    let prog = dir.0.join("prog.py");
    std::fs::write(&prog, program).expect("write");
    // Whether the ACK of the first FIN travels alone or rides on the second FIN is the
    // kernel's delayed-ACK timer against the time between the two close() calls: a
    // program descheduled there on a loaded machine sends one more packet. Up to three
    // runs, so a loaded CI does not fail on the scheduler; every run is shown if none
    // prints what the book shows.
    let mut runs = Vec::new();
    for _ in 0..3 {
        let out = Command::new(env!("CARGO_BIN_EXE_socklab"))
            .args(["run", "--trace"])
            .arg(&prog)
            .output()
            .expect("runs");
        assert!(out.status.success());
        let printed = ports_by_order(&String::from_utf8_lossy(&out.stderr));
        if printed == ports_by_order(shown) {
            return;
        }
        runs.push(printed);
    }
    panic!(
        "the book shows:\n{}\nsocklab printed:\n{}",
        ports_by_order(shown),
        runs.join("\n---\n")
    );
}

#[test]
fn with_mtu_1500_segments_are_ethernet_sized() {
    let dir = Scratch::new("mtu", false);
    let prog = dir.0.join("big.py");
    std::fs::write(
        &prog,
        "import socket\n\
         srv = socket.socket()\n\
         srv.bind(('127.0.0.1', 0))\n\
         srv.listen()\n\
         c = socket.create_connection(srv.getsockname())\n\
         conn, _ = srv.accept()\n\
         c.sendall(b'x' * 10000)\n\
         got = 0\n\
         while got < 10000:\n\
         \x20   got += len(conn.recv(65536))\n\
         print(got)\n",
    )
    .expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_socklab"))
        .args(["--sandbox", "--mtu", "1500", "run", "--trace"])
        .arg(&prog)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "10000\n");
    // 1500 - 20 (IP) - 20 (TCP) = 1460; the time stamp option takes 12 of them.
    assert!(stderr.contains("options [mss 1460,"), "{stderr}");
    // Loopback passes the kernel's large segments whole (segmentation offload); each
    // such line says how a 1500-byte wire would cut it.
    let data: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("Flags [P.]"))
        .collect();
    let length = |l: &str| -> usize {
        l.split("length ")
            .nth(1)
            .and_then(|n| n.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no length in {l}"))
    };
    assert_eq!(
        data.iter().map(|l| length(l)).sum::<usize>(),
        10000,
        "{stderr}"
    );
    for l in &data {
        let n = length(l);
        assert!(
            n <= 1448
                || l.ends_with(&format!(
                    "({} segments of at most 1448 on a wire)",
                    n.div_ceil(1448)
                )),
            "{l}"
        );
    }
    // Without --sandbox, --mtu has no loopback of its own to change.
    let out = Command::new(env!("CARGO_BIN_EXE_socklab"))
        .args(["--mtu", "1500", "run", "-"])
        .stdin(Stdio::null())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("use it with --sandbox"));
}

/// A busy program's packets, read by copying them out in batches a few milliseconds
/// apart: every one of them arrives, in order, in the file and as a line.
#[test]
fn a_busy_programs_every_packet_is_captured() {
    busy_program("0");
}

/// The same read from a receive ring (`SOCKLAB_CAPTURE_RING=1`), whose many blocks the
/// packets fill.
#[test]
fn a_busy_programs_every_packet_is_captured_from_a_ring() {
    busy_program("1");
}

fn busy_program(ring: &str) {
    if !is_root() {
        eprintln!("not root: skipped");
        return;
    }
    let dir = Scratch::new(&format!("busy{ring}"), false);
    let prog = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/pingpong_tcp.py");
    let pcap = dir.0.join("busy.pcapng");
    // 10 000 round trips: 20 000 one-byte segments, several blocks of the ring. In the
    // sandbox, so that other programs' packets on the host's loopback (a busy CI
    // machine's) do not fill the ring: even a capture thread that gets no CPU until the
    // program ends then loses nothing.
    let n = 10_000;
    let out = Command::new(env!("CARGO_BIN_EXE_socklab"))
        .env("SOCKLAB_CAPTURE_RING", ring)
        .args(["--sandbox", "run", "--trace", "--pcap"])
        .arg(&pcap)
        .arg(&prog)
        .arg(n.to_string())
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?}\n{stderr}", out.status);
    assert!(
        !stderr.contains("lost"),
        "{}",
        &stderr[..stderr.len().min(2000)]
    );
    let packets = read_back(&pcap);
    let data: Vec<&Summary> = packets.iter().filter(|p| p.length() == 1).collect();
    assert_eq!(data.len(), 2 * n, "one-byte segments in the file");
    // In order: each direction's one-byte segments carry consecutive sequence numbers.
    let mut next = std::collections::HashMap::new();
    for p in &data {
        let Transport::Tcp(t) = &p.transport else {
            panic!("{p:?}")
        };
        if let Some(expected) = next.insert(p.src, t.seq.wrapping_add(1)) {
            assert_eq!(t.seq, expected, "a segment out of order or missing");
        }
    }
    let lines = stderr.lines().filter(|l| l.ends_with("length 1")).count();
    assert_eq!(lines, 2 * n, "one line per one-byte segment");
    assert!(
        stderr.lines().any(|l| l.contains("a → b  Flags [P.]")),
        "named by the program's variables"
    );
}

/// `run --trace` names the ends by the program's variables while it runs: the SYN by
/// the listening socket, the data by the socket `accept()` returned, although the
/// program accepts only well after its handshake's lines were due.
#[test]
fn a_running_programs_packets_are_named_by_its_variables() {
    if !is_root() {
        eprintln!("not root: skipped");
        return;
    }
    let dir = Scratch::new("names", false);
    let prog = dir.0.join("slow.py");
    std::fs::write(
        &prog,
        "import socket, time\n\
         srv = socket.create_server(('127.0.0.1', 0))\n\
         c = socket.create_connection(srv.getsockname())\n\
         time.sleep(0.2)\n\
         conn, addr = srv.accept()\n\
         c.sendall(b'hi')\n\
         time.sleep(0.1)\n\
         print(conn.recv(10))\n\
         unnamed = [socket.socket(socket.AF_INET, socket.SOCK_DGRAM)]\n\
         unnamed[0].sendto(b'x', srv.getsockname())\n",
    )
    .expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_socklab"))
        .args(["run", "--trace"])
        .arg(&prog)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "b'hi'\n");
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(
        lines[0].starts_with("#1  c → srv  Flags [S], seq 0"),
        "{stderr}"
    );
    assert!(lines[1].starts_with("#2  srv → c  Flags [S.]"), "{stderr}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("c → conn  Flags [P.], seq 1:3")),
        "{stderr}"
    );
    // A socket held only by a list is named by its place in it.
    assert!(
        lines
            .iter()
            .any(|l| l.contains("unnamed[0] → ") && l.ends_with("UDP, length 1")),
        "{stderr}"
    );
}
