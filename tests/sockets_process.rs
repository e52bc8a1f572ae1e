//! `socklab run` as a process, on real sockets: the event stream of a whole exchange,
//! Ctrl-C (a real SIGINT) during blocking calls, descriptors not leaking, and a
//! threaded server under 50 simultaneous clients.
//!
//! Every wait is bounded: lines are read with a deadline, processes are killed if they
//! outlive it. Everything stays on 127.0.0.1.

mod common;

use common::{spawn, Running, DEADLINE};
use std::io::{Read, Write};
use std::net::TcpStream;

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
    // Descriptors are the process's: the listening socket's is the first, and the client
    // and the accepted connection take the next two.
    let srv: i32 = masked
        .first()
        .and_then(|l| l.strip_prefix("[fd "))
        .and_then(|l| l.split(']').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no first event in:\n{err}"));
    let (c, conn) = (srv + 1, srv + 2);
    let expected = [
        format!("[fd {srv}] created (AF_INET, SOCK_STREAM)"),
        format!("[fd {srv}] created → bound 127.0.0.1:P"),
        format!("[fd {srv}] bound → listening on 127.0.0.1:P (backlog 1)"),
        format!("[fd {c}] created (AF_INET, SOCK_STREAM)"),
    ];
    assert_eq!(&masked[..4], &expected, "all events:\n{err}");
    let rest = masked[4..].join("\n");
    for needle in [
        format!("[fd {c}] created → connected to 127.0.0.1:P from 127.0.0.1:P"),
        format!("[fd {conn}] accepted from 127.0.0.1:P (on 127.0.0.1:P, by fd {srv})"),
        format!("[fd {c}] sent 3 bytes → 127.0.0.1:P"),
        format!("[fd {conn}] received 3 bytes ← 127.0.0.1:P"),
        format!("[fd {conn}] sent 2 bytes → 127.0.0.1:P"),
        format!("[fd {c}] received 2 bytes ← 127.0.0.1:P"),
        format!("[fd {c}] connected → closed"),
        format!("[fd {conn}] peer closed: recv returned b''"),
        format!("[fd {conn}] connected → closed"),
        format!("[fd {srv}] listening → closed"),
    ] {
        assert!(
            rest.contains(&needle),
            "missing event {needle:?} in:\n{err}"
        );
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
