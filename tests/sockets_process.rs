//! `socklab run` as a process, on real sockets: the event stream of a whole exchange,
//! Ctrl-C (a real SIGINT) during blocking calls, descriptors not leaking, a threaded
//! server under 50 simultaneous clients, and reads that spin rather than sleep while
//! their peer answers fast.
//!
//! Every wait is bounded: lines are read with a deadline, processes are killed if they
//! outlive it. Everything stays on 127.0.0.1.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const SOCKLAB: &str = env!("CARGO_BIN_EXE_socklab");
const DEADLINE: Duration = Duration::from_secs(20);

/// A socklab program running in the background, its stdout read line by line.
struct Running {
    child: Child,
    lines: mpsc::Receiver<String>,
    _dir: TempDir,
}

struct TempDir(PathBuf);
impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn temp_dir() -> TempDir {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let p = std::env::temp_dir().join(format!(
        "socklab-test-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&p).expect("temp dir");
    TempDir(p)
}

fn spawn(program: &str, extra_args: &[&str]) -> Running {
    let dir = temp_dir();
    let path = dir.0.join("prog.py");
    std::fs::write(&path, program).expect("write program");
    let mut cmd = Command::new(SOCKLAB);
    cmd.arg("run");
    cmd.args(extra_args);
    cmd.arg(&path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn socklab");
    let stdout: ChildStdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            match line {
                Ok(l) => {
                    if tx.send(l).is_err() {
                        break;
                    }
                }
                Err(_) => break,
            }
        }
    });
    Running {
        child,
        lines: rx,
        _dir: dir,
    }
}

impl Running {
    fn line(&self) -> String {
        self.lines
            .recv_timeout(DEADLINE)
            .expect("socklab printed the expected line in time")
    }

    fn sigint(&self) {
        // SAFETY: sending a signal to our own child process.
        unsafe {
            libc::kill(self.child.id() as i32, libc::SIGINT);
        }
    }

    fn send_line(&mut self, s: &str) {
        let stdin = self.child.stdin.as_mut().expect("stdin");
        stdin.write_all(s.as_bytes()).expect("write stdin");
        stdin.write_all(b"\n").expect("write stdin");
        stdin.flush().expect("flush stdin");
    }

    /// Wait (bounded) for exit; returns the status code and all of stderr.
    fn finish(mut self) -> (i32, String) {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                let mut err = String::new();
                if let Some(mut e) = self.child.stderr.take() {
                    let _ = e.read_to_string(&mut err);
                }
                return (status.code().unwrap_or(-1), err);
            }
            if start.elapsed() > DEADLINE {
                let _ = self.child.kill();
                panic!("socklab did not exit in time");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }
}

fn fd_count(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .map(|d| d.count())
        .unwrap_or(0)
}

#[test]
fn event_stream_of_a_whole_exchange() {
    let prog = r#"
from socket import *
srv = socket(AF_INET, SOCK_STREAM)
srv.bind(("127.0.0.1", 0))
srv.listen(1)
c = socket(AF_INET, SOCK_STREAM)
c.connect(srv.getsockname())
conn, addr = srv.accept()
c.sendall(b"Hi!")
print(conn.recv(10))
conn.send(b"ok")
print(c.recv(10))
c.close()
print(conn.recv(10))
conn.close()
srv.close()
"#;
    let run = spawn(prog, &["--trace-events"]);
    assert_eq!(run.line(), "b'Hi!'");
    assert_eq!(run.line(), "b'ok'");
    assert_eq!(run.line(), "b''");
    let (code, err) = run.finish();
    assert_eq!(code, 0, "stderr: {err}");
    // Ports vary: mask every number after a colon.
    let masked: Vec<String> = err
        .lines()
        .map(|l| {
            let mut out = String::new();
            let mut chars = l.chars().peekable();
            while let Some(c) = chars.next() {
                out.push(c);
                if c == ':' && chars.peek().is_some_and(|d| d.is_ascii_digit()) {
                    while chars.peek().is_some_and(|d| d.is_ascii_digit()) {
                        chars.next();
                    }
                    out.push('P');
                }
            }
            out
        })
        .collect();
    let expected = [
        "[socket 1] created (AF_INET, SOCK_STREAM)",
        "[socket 1] created → bound 127.0.0.1:P",
        "[socket 1] bound → listening on 127.0.0.1:P (backlog 1)",
        "[socket 2] created (AF_INET, SOCK_STREAM)",
    ];
    assert_eq!(&masked[..4], &expected, "all events:\n{err}");
    let rest = masked[4..].join("\n");
    for needle in [
        "[socket 2] created → connected to 127.0.0.1:P from 127.0.0.1:P",
        "[socket 3] accepted from 127.0.0.1:P (on 127.0.0.1:P)",
        "[socket 2] sent 3 bytes → 127.0.0.1:P",
        "[socket 3] received 3 bytes ← 127.0.0.1:P",
        "[socket 3] sent 2 bytes → 127.0.0.1:P",
        "[socket 2] received 2 bytes ← 127.0.0.1:P",
        "[socket 2] connected → closed",
        "[socket 3] peer closed: recv returned b''",
        "[socket 3] connected → closed",
        "[socket 1] listening → closed",
    ] {
        assert!(rest.contains(needle), "missing event {needle:?} in:\n{err}");
    }
}

/// A program that blocks in `call`, is interrupted, then proves the socket still works.
fn interrupt_then_reuse(setup: &str, blocking_call: &str, after: &str) -> (Running, u16) {
    let prog = format!(
        r#"
import socket, select
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(5)
{setup}
print(srv.getsockname()[1], flush=True)
try:
    {blocking_call}
except KeyboardInterrupt:
    print("interrupted", flush=True)
{after}
"#
    );
    let run = spawn(&prog, &[]);
    let port: u16 = run.line().trim().parse().expect("port");
    (run, port)
}

#[test]
fn ctrl_c_interrupts_accept_and_the_socket_still_accepts() {
    let (run, port) = interrupt_then_reuse(
        "",
        "srv.accept()",
        "conn, addr = srv.accept()\nprint('accepted', flush=True)\nconn.sendall(b'still here')\nconn.close()",
    );
    run.sigint();
    assert_eq!(run.line(), "interrupted");
    let mut c = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    c.set_read_timeout(Some(DEADLINE)).expect("timeout");
    assert_eq!(run.line(), "accepted");
    let mut buf = Vec::new();
    c.read_to_end(&mut buf).expect("read");
    assert_eq!(buf, b"still here");
    let (code, err) = run.finish();
    assert_eq!(code, 0, "{err}");
}

#[test]
fn ctrl_c_interrupts_recv() {
    let prog = r#"
import socket
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(1)
print(srv.getsockname()[1], flush=True)
conn, addr = srv.accept()
print("accepted", flush=True)
try:
    conn.recv(100)
except KeyboardInterrupt:
    print("interrupted", flush=True)
print(conn.recv(100), flush=True)
"#;
    let run = spawn(prog, &[]);
    let port: u16 = run.line().trim().parse().expect("port");
    let mut c = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    assert_eq!(run.line(), "accepted");
    run.sigint();
    assert_eq!(run.line(), "interrupted");
    c.write_all(b"after").expect("send");
    assert_eq!(run.line(), "b'after'");
    let (code, err) = run.finish();
    assert_eq!(code, 0, "{err}");
}

#[test]
fn ctrl_c_interrupts_select_and_uncaught_it_exits_130() {
    let prog = r#"
import socket, select
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(1)
print("waiting", flush=True)
select.select([srv], [], [])
print("not reached")
"#;
    let run = spawn(prog, &[]);
    assert_eq!(run.line(), "waiting");
    run.sigint();
    let (code, err) = run.finish();
    assert_eq!(code, 130, "{err}");
    assert_eq!(err.lines().last(), Some("KeyboardInterrupt"), "{err}");
}

#[test]
fn ten_thousand_sockets_leave_the_fd_count_where_it_began() {
    let prog = r#"
import socket
print("ready", flush=True)
input()
for i in range(10000):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.close()
for i in range(10000):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
del s
print("done", flush=True)
input()
"#;
    let mut run = spawn(prog, &[]);
    assert_eq!(run.line(), "ready");
    let before = fd_count(run.pid());
    run.send_line("");
    assert_eq!(run.line(), "done");
    let after = fd_count(run.pid());
    run.send_line("");
    let (code, err) = run.finish();
    assert_eq!(code, 0, "{err}");
    assert!(before > 0, "could not count descriptors");
    assert_eq!(
        before, after,
        "descriptors open before and after 20 000 sockets"
    );
}

fn thread_count(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/task"))
        .map(|d| d.count())
        .unwrap_or(0)
}

/// A program that starts no threads runs in a single-threaded process, as under CPython
/// (the kernel's and libc's single-threaded paths are what make the socket calls cheap);
/// its first `Thread` makes a second one, and the program's globals, read by both
/// threads, stay right.
#[test]
fn a_program_without_threads_is_a_single_threaded_process() {
    let prog = r#"
import socket, threading
a, b = socket.socketpair()
total = 0
sent = threading.Event()
print("ready", flush=True)
input()
def worker():
    global total
    for i in range(10):
        b.sendall(b"x" * 100)
        total += 100
    print("worker done", flush=True)
    sent.set()
    input()
t = threading.Thread(target=worker)
t.start()
sent.wait()
got = 0
while got < 1000:
    got += len(a.recv(1000))
print("main got", got, flush=True)
t.join()
print("total", total, flush=True)
"#;
    let mut run = spawn(prog, &[]);
    assert_eq!(run.line(), "ready");
    assert_eq!(thread_count(run.pid()), 1, "threads before any Thread");
    run.send_line("");
    assert_eq!(run.line(), "worker done");
    assert_eq!(thread_count(run.pid()), 2, "threads while the worker waits");
    assert_eq!(run.line(), "main got 1000");
    run.send_line("");
    assert_eq!(run.line(), "total 1000");
    let (code, err) = run.finish();
    assert_eq!(code, 0, "{err}");
}

#[test]
fn threading_tcp_server_serves_fifty_clients_at_once() {
    let prog = r#"
import socketserver, threading

class Echo(socketserver.BaseRequestHandler):
    def handle(self):
        while True:
            data = self.request.recv(65536)
            if not data:
                break
            self.request.sendall(data)

# 50 clients connect in one burst: the accept queue must hold them all (with the
# default of 5 the kernel drops the rest, as it would for CPython).
socketserver.ThreadingTCPServer.request_queue_size = 64
server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Echo)
t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
t.start()
print(server.server_address[1], flush=True)
input()
server.shutdown()
server.server_close()
t.join()
print("threads left", threading.active_count(), flush=True)
"#;
    let mut run = spawn(prog, &[]);
    let port: u16 = run.line().trim().parse().expect("port");
    let clients: Vec<_> = (0..50u8)
        .map(|n| std::thread::spawn(move || echo_client(port, n)))
        .collect();
    let failures: Vec<String> = clients
        .into_iter()
        .filter_map(|c| {
            c.join()
                .unwrap_or_else(|_| Err("client thread panicked".into()))
                .err()
        })
        .collect();
    if !failures.is_empty() {
        run.send_line("");
        let (_, err) = run.finish();
        panic!(
            "{} of 50 clients failed: {:?}\nserver stderr:\n{err}",
            failures.len(),
            &failures[..failures.len().min(5)]
        );
    }
    run.send_line("");
    assert_eq!(run.line(), "threads left 1");
    let (code, err) = run.finish();
    assert_eq!(code, 0, "{err}");
}

/// One client of the stress test: 100 000 bytes out, the same 100 000 bytes back.
fn echo_client(port: u16, n: u8) -> Result<(), String> {
    let mut c =
        TcpStream::connect(("127.0.0.1", port)).map_err(|e| format!("{n}: connect: {e}"))?;
    c.set_read_timeout(Some(DEADLINE))
        .map_err(|e| e.to_string())?;
    let payload: Vec<u8> = (0..100_000u32).map(|i| (i as u8).wrapping_add(n)).collect();
    let mut w = c.try_clone().map_err(|e| e.to_string())?;
    let p = payload.clone();
    let writer = std::thread::spawn(move || -> Result<(), String> {
        w.write_all(&p).map_err(|e| format!("{n}: send: {e}"))?;
        w.shutdown(std::net::Shutdown::Write)
            .map_err(|e| format!("{n}: shutdown: {e}"))
    });
    let mut back = Vec::new();
    c.read_to_end(&mut back)
        .map_err(|e| format!("{n}: read: {e}"))?;
    writer
        .join()
        .map_err(|_| format!("{n}: writer panicked"))??;
    if back != payload {
        return Err(format!(
            "{n}: got {} bytes back, different from the {} sent",
            back.len(),
            payload.len()
        ));
    }
    Ok(())
}

/// The times a process's only thread has gone to sleep (its voluntary context switches:
/// a `sched_yield` that hands the CPU over does not count).
fn sleeps(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("voluntary_ctxt_switches:"))
        .and_then(|v| v.trim().parse().ok())
        .expect("voluntary_ctxt_switches")
}

/// A read whose peer answers within a fraction of a millisecond spins until the answer
/// comes instead of going to sleep (`net::wait::SpinWindow`). The peer here holds every
/// answer back for 100 µs, busy, so the data is never there when `recv` starts: without
/// spinning every one of the 2000 reads would sleep.
#[test]
fn a_read_whose_peer_answers_fast_spins_instead_of_sleeping() {
    if std::thread::available_parallelism().map_or(1, |n| n.get()) < 2 {
        eprintln!("one CPU: socklab never spins there, nothing to test");
        return;
    }
    const ROUNDS: u64 = 2000;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let peer = std::thread::spawn(move || {
        let (mut conn, _) = listener.accept().expect("accept");
        conn.set_nodelay(true).expect("nodelay");
        conn.set_read_timeout(Some(DEADLINE)).expect("timeout");
        let mut buf = [0u8; 100];
        for _ in 0..ROUNDS {
            conn.read_exact(&mut buf).expect("read");
            let held = Instant::now();
            while held.elapsed() < Duration::from_micros(100) {
                std::hint::spin_loop();
            }
            conn.write_all(&buf).expect("write");
        }
    });
    let prog = format!(
        r#"
import socket
s = socket.create_connection(("127.0.0.1", {port}))
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
message = b"m" * 100
print("ready", flush=True)
input()
for i in range({ROUNDS}):
    s.sendall(message)
    got = b""
    while len(got) < 100:
        got += s.recv(100)
print("done", flush=True)
input()
"#
    );
    let mut run = spawn(&prog, &[]);
    assert_eq!(run.line(), "ready");
    let before = sleeps(run.pid());
    run.send_line("");
    assert_eq!(run.line(), "done");
    let slept = sleeps(run.pid()) - before;
    run.send_line("");
    let (code, err) = run.finish();
    assert_eq!(code, 0, "{err}");
    peer.join().expect("peer");
    // Waiting for input() and a few reads while the window grows sleep; nearly all the
    // rest must not, even on a loaded machine.
    assert!(
        slept < ROUNDS / 2,
        "{slept} of {ROUNDS} reads slept: the reads did not spin"
    );
}
