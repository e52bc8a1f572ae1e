//! `socklab serve`, `connect` and `listen` as processes: what a student runs.
//!
//! Ports come from the processes themselves (`--port 0`, then the "listening on" line);
//! every wait has a deadline.

use assert_cmd::Command;
use socklab::labs::{catalogue, Services};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream, UdpSocket};
use std::process::{Child, ChildStdin, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(10);

fn socklab() -> std::process::Command {
    std::process::Command::new(env!("CARGO_BIN_EXE_socklab"))
}

/// A running socklab process whose output lines arrive on channels.
struct Running {
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: Receiver<String>,
    stderr: Receiver<String>,
    seen_out: Vec<String>,
    seen_err: Vec<String>,
}

fn lines_of(stream: impl Read + Send + 'static) -> Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { return };
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    rx
}

impl Running {
    fn spawn(args: &[&str]) -> Running {
        let mut child = socklab()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("socklab starts");
        let stdout = lines_of(child.stdout.take().expect("stdout"));
        let stderr = lines_of(child.stderr.take().expect("stderr"));
        Running {
            stdin: child.stdin.take(),
            child,
            stdout,
            stderr,
            seen_out: Vec::new(),
            seen_err: Vec::new(),
        }
    }

    /// The first stdout (or stderr) line containing `text`, waiting at most `WAIT`.
    fn wait_for(&mut self, on_stderr: bool, text: &str) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let (rx, seen) = if on_stderr {
                (&self.stderr, &mut self.seen_err)
            } else {
                (&self.stdout, &mut self.seen_out)
            };
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(line) => {
                    seen.push(line.clone());
                    if line.contains(text) {
                        return line;
                    }
                }
                Err(_) => panic!("no line with {text:?}; saw {seen:?}"),
            }
        }
    }

    fn type_line(&mut self, line: &str) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(line.as_bytes()).expect("typed");
        stdin.flush().expect("flushed");
    }

    /// Wait for the exit, at most `WAIT`; returns the exit code.
    fn exit_code(&mut self) -> i32 {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().expect("status") {
                return status.code().unwrap_or(-1);
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("socklab did not exit");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn signal(&self, signal: i32) {
        let pid = i32::try_from(self.child.id()).expect("pid");
        // SAFETY: kill(2) on our own child's pid.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
    }

    /// Everything else the process wrote to stderr, after it exited.
    fn rest_of_stderr(&mut self) -> Vec<String> {
        let mut all = self.seen_err.clone();
        while let Ok(line) = self.stderr.recv_timeout(Duration::from_secs(2)) {
            all.push(line);
        }
        all
    }

    fn rest_of_stdout(&mut self) -> Vec<String> {
        let mut all = self.seen_out.clone();
        while let Ok(line) = self.stdout.recv_timeout(Duration::from_secs(2)) {
            all.push(line);
        }
        all
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The address in a "... listening on ADDR ..." line.
fn listening_addr(line: &str) -> SocketAddr {
    line.split("listening on ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|addr| addr.parse().ok())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
}

mod serve {
    use super::*;

    #[test]
    fn prints_its_port_serves_and_stops_cleanly_on_sigterm() {
        let mut serve = Running::spawn(&["serve", "echo", "--port", "0"]);
        let first = serve.wait_for(false, "listening on");
        assert!(
            first.starts_with("echo (TCP) listening on 127.0.0.1:"),
            "{first}"
        );
        assert!(first.contains("the real one is port 7"), "{first}");
        let addr = listening_addr(&first);
        assert_ne!(addr.port(), 0);

        let mut peer = TcpStream::connect(addr).expect("connects");
        peer.set_read_timeout(Some(WAIT)).expect("timeout");
        peer.write_all(b"hello").expect("send");
        let mut back = [0u8; 5];
        peer.read_exact(&mut back).expect("echo");
        assert_eq!(&back, b"hello");
        let local = peer.local_addr().expect("local");
        serve.wait_for(false, &format!("echo: {local} connected"));

        serve.signal(libc::SIGTERM);
        assert_eq!(serve.exit_code(), 0);
        serve.wait_for(false, &format!("echo (TCP) on {addr} stopped (SIGTERM)"));
        // The peer's connection was closed with the service.
        let mut rest = Vec::new();
        let _ = peer.read_to_end(&mut rest);
        assert!(rest.is_empty());
        let stderr = serve.rest_of_stderr();
        assert!(stderr.is_empty(), "{stderr:?}");
    }

    #[test]
    fn upper_over_udp_and_ctrl_c() {
        let mut serve = Running::spawn(&["serve", "upper", "--port", "0", "--quiet"]);
        let first = serve.wait_for(false, "listening on");
        assert!(first.starts_with("upper (UDP) listening on"), "{first}");
        let socket = UdpSocket::bind("127.0.0.1:0").expect("bind");
        socket.set_read_timeout(Some(WAIT)).expect("timeout");
        socket
            .send_to(b"MixedCaseString", listening_addr(&first))
            .expect("send");
        let mut buf = [0u8; 64];
        let n = socket.recv(&mut buf).expect("answer");
        assert_eq!(&buf[..n], b"MIXEDCASESTRING");
        serve.signal(libc::SIGINT);
        assert_eq!(serve.exit_code(), 0);
        serve.wait_for(false, "stopped (Ctrl-C)");
    }

    #[test]
    fn a_port_in_use_is_a_clear_error() {
        let taken = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = taken.local_addr().expect("addr").port().to_string();
        let output = Command::new(env!("CARGO_BIN_EXE_socklab"))
            .args(["serve", "http", "--port", &port])
            .timeout(WAIT)
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.starts_with(&format!(
                "socklab: error: cannot start http (TCP): port {port} is already in use"
            )),
            "{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(output.stdout.is_empty());
    }

    #[test]
    fn unknown_services_and_transports_are_clear_errors() {
        for (args, expected) in [
            (
                &["serve", "ehco"][..],
                "there is no lab service called \"ehco\"; the services are echo, daytime, upper, http, chat, trickle",
            ),
            (&["serve", "http", "--udp"], "http has no UDP version (it runs over TCP)"),
        ] {
            let output = Command::new(env!("CARGO_BIN_EXE_socklab"))
                .args(args)
                .timeout(WAIT)
                .output()
                .expect("runs");
            assert_eq!(output.status.code(), Some(1));
            assert_eq!(
                String::from_utf8_lossy(&output.stderr),
                format!("socklab: error: {expected}\n")
            );
        }
    }

    #[test]
    fn help_lists_every_service_with_its_ports() {
        let output = Command::new(env!("CARGO_BIN_EXE_socklab"))
            .args(["serve", "--help"])
            .timeout(WAIT)
            .output()
            .expect("runs");
        let help = String::from_utf8_lossy(&output.stdout);
        for entry in catalogue() {
            let row = help
                .lines()
                .find(|l| l.trim_start().starts_with(&format!("{} ", entry.name)))
                .unwrap_or_else(|| panic!("{} is not in the help:\n{help}", entry.name));
            assert!(row.contains(&entry.default_port.to_string()), "{row}");
            match entry.real_port {
                Some(port) => assert!(row.contains(&format!("real port {port}")), "{row}"),
                None => assert!(row.contains("no real port"), "{row}"),
            }
        }
    }
}

mod connect {
    use super::*;

    fn lab(name: &str) -> (Services, SocketAddr) {
        let mut services = Services::new();
        let info = services.start(name, "127.0.0.1", Some(0)).expect("starts");
        (services, info.addr)
    }

    fn connect(args: &[&str], addr: SocketAddr, stdin: &str) -> std::process::Output {
        let port = addr.port().to_string();
        let mut all = vec!["connect", "127.0.0.1", port.as_str()];
        all.extend_from_slice(args);
        Command::new(env!("CARGO_BIN_EXE_socklab"))
            .args(&all)
            .write_stdin(stdin)
            .timeout(WAIT)
            .output()
            .expect("runs")
    }

    #[test]
    fn lines_go_out_and_replies_are_printed() {
        let (_lab, addr) = lab("echo");
        let output = connect(&[], addr, "hello\nworld\n");
        assert_eq!(output.status.code(), Some(0));
        assert_eq!(String::from_utf8_lossy(&output.stdout), "hello\nworld\n");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(&format!("connected to {addr}")), "{stderr}");
        assert!(
            stderr.ends_with("(connection closed by the peer)\n"),
            "{stderr}"
        );
    }

    #[test]
    fn the_lectures_web_request() {
        let (_lab, addr) = lab("http");
        let output = connect(&["--crlf"], addr, "GET /hello.txt HTTP/1.0\n\n");
        assert_eq!(output.status.code(), Some(0));
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(stdout.starts_with("HTTP/1.0 200 OK\r\n"), "{stdout}");
        assert!(stdout.ends_with("\r\n\r\nHello, network!\n"), "{stdout}");
    }

    #[test]
    fn crlf_ends_each_line_with_cr_lf() {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().expect("addr");
        let server = std::thread::spawn(move || {
            let (mut peer, _) = listener.accept().expect("accept");
            peer.set_read_timeout(Some(WAIT)).expect("timeout");
            let mut got = Vec::new();
            peer.read_to_end(&mut got).expect("read");
            got
        });
        let output = connect(&["--crlf"], addr, "a\nb\n");
        assert_eq!(output.status.code(), Some(0));
        assert_eq!(server.join().expect("server"), b"a\r\nb\r\n");
    }

    #[test]
    fn hex_shows_the_bytes_of_each_recv() {
        let (_lab, addr) = lab("echo");
        let output = connect(&["--hex"], addr, "hi\n");
        assert_eq!(
            String::from_utf8_lossy(&output.stdout),
            "-- 3 bytes\n00000000  68 69 0a                                         |hi.|\n"
        );
    }

    #[test]
    fn udp_sends_each_line_as_a_datagram() {
        let (_lab, addr) = lab("upper");
        let output = connect(&["--udp"], addr, "MixedCaseString\nabc\n");
        assert_eq!(output.status.code(), Some(0));
        assert_eq!(
            String::from_utf8_lossy(&output.stdout),
            "MIXEDCASESTRING\nABC\n"
        );
    }

    #[test]
    fn nothing_listening_is_a_clear_error() {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let output = Command::new(env!("CARGO_BIN_EXE_socklab"))
            .args(["connect", "127.0.0.1", &port.to_string()])
            .write_stdin("")
            .timeout(WAIT)
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("connection refused: nothing is listening on that port"),
            "{stderr}"
        );
        assert!(!stderr.contains("os error"), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }

    fn connect_to(port: &str) -> String {
        let output = Command::new(env!("CARGO_BIN_EXE_socklab"))
            .args(["connect", "127.0.0.1", port])
            .write_stdin("")
            .timeout(WAIT)
            .output()
            .expect("runs");
        String::from_utf8_lossy(&output.stderr).into_owned()
    }

    #[test]
    fn a_lab_service_name_is_its_port() {
        // Where `socklab serve trickle` listens; whether or not something runs there now,
        // the connection is tried on that port, and a refusal names the service to start.
        let stderr = connect_to("trickle");
        assert!(stderr.contains("127.0.0.1:7070"), "{stderr}");
        if stderr.contains("refused") {
            assert!(stderr.contains("`socklab serve trickle`"), "{stderr}");
        }
        let stderr = connect_to("nonsense");
        assert!(
            stderr.contains("\"nonsense\" is neither a port number nor a service name"),
            "{stderr}"
        );
        assert!(connect_to("70000").contains("port 70000 is out of range"));
    }
}

mod listen {
    use super::*;

    #[test]
    fn accepts_a_peer_and_talks_both_ways() {
        let mut listen = Running::spawn(&["listen", "0"]);
        let addr = listening_addr(&listen.wait_for(true, "listening on"));
        let mut peer = TcpStream::connect(addr).expect("connects");
        peer.set_read_timeout(Some(WAIT)).expect("timeout");
        listen.wait_for(true, "connected");
        peer.write_all(b"hi there\n").expect("send");
        assert_eq!(listen.wait_for(false, "hi"), "hi there");
        listen.type_line("back at you\n");
        let mut reader = BufReader::new(peer.try_clone().expect("clone"));
        let mut line = String::new();
        reader.read_line(&mut line).expect("a line");
        assert_eq!(line, "back at you\n");
        drop(reader);
        drop(peer);
        assert_eq!(listen.exit_code(), 0);
        let stderr = listen.rest_of_stderr();
        assert!(
            stderr
                .iter()
                .any(|l| l == "(connection closed by the peer)"),
            "{stderr:?}"
        );
    }

    #[test]
    fn udp_prints_datagrams_and_answers_the_sender() {
        let mut listen = Running::spawn(&["listen", "0", "--udp"]);
        let addr = listening_addr(&listen.wait_for(true, "listening on"));
        let socket = UdpSocket::bind("127.0.0.1:0").expect("bind");
        socket.set_read_timeout(Some(WAIT)).expect("timeout");
        socket.send_to(b"ping", addr).expect("send");
        let from = socket.local_addr().expect("local");
        listen.wait_for(true, &format!("(datagram from {from}"));
        assert_eq!(listen.wait_for(false, "ping"), "ping");
        listen.type_line("pong\n");
        let mut buf = [0u8; 64];
        let n = socket.recv(&mut buf).expect("the answer");
        assert_eq!(&buf[..n], b"pong");
        listen.stdin = None; // Ctrl-D
        assert_eq!(listen.exit_code(), 0);
        assert_eq!(listen.rest_of_stdout(), vec!["ping".to_string()]);
    }

    #[test]
    fn ctrl_d_before_any_peer_gives_up_cleanly() {
        let mut listen = Running::spawn(&["listen", "0"]);
        listen.wait_for(true, "listening on");
        listen.stdin = None;
        assert_eq!(listen.exit_code(), 0);
        let stderr = listen.rest_of_stderr();
        assert!(
            stderr
                .iter()
                .any(|l| l == "(input ended before any peer connected)"),
            "{stderr:?}"
        );
    }
}
