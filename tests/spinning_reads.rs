//! Reads that spin rather than sleep while their peer answers fast
//! (`net::wait::SpinWindow`), seen from outside: how often `socklab run`'s one thread
//! goes to sleep.
//!
//! A binary of its own: socklab spins only while a CPU is free, so this test must not
//! share the machine with the other process tests' fifty clients; on a machine that
//! is busy anyway it says so and checks nothing. Every wait is bounded; everything
//! stays on 127.0.0.1.

mod common;

use common::{spawn, DEADLINE};
use std::io::{Read, Write};
use std::time::{Duration, Instant};

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

fn online_cpus() -> u64 {
    // SAFETY: sysconf reads a constant of the running system.
    u64::try_from(unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) }).unwrap_or(1)
}

/// The threads running elsewhere on the machine: the running count of `/proc/loadavg`,
/// less this thread, which is running as it reads.
fn other_running() -> u64 {
    let text = std::fs::read_to_string("/proc/loadavg").expect("/proc/loadavg");
    let running = text
        .split_whitespace()
        .nth(3)
        .and_then(|f| f.split_once('/'))
        .and_then(|(r, _)| r.parse::<u64>().ok())
        .expect("running/total in /proc/loadavg");
    running.saturating_sub(1)
}

/// Wait (at most 5 s) until the machine leaves two CPUs free for 40 ms on end, 2 ms
/// samples; the test before this one may still be tearing down its processes. `Err`
/// with the busiest count seen if it never does.
fn two_cpus_free() -> Result<(), u64> {
    let deadline = Instant::now() + Duration::from_secs(5);
    let (mut quiet, mut busiest) = (0, 0);
    while quiet < 20 {
        if Instant::now() > deadline {
            return Err(busiest);
        }
        std::thread::sleep(Duration::from_millis(2));
        let others = other_running();
        busiest = busiest.max(others);
        quiet = if others + 2 <= online_cpus() {
            quiet + 1
        } else {
            0
        };
    }
    Ok(())
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
    // The reader and its peer are two running threads; socklab spins only while the
    // machine has no more running threads than CPUs.
    if let Err(others) = two_cpus_free() {
        eprintln!(
            "up to {others} other threads kept running on {} CPUs for 5 s: socklab rightly \
             does not spin on a busy machine, nothing to test",
            online_cpus()
        );
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
