//! The load client of `bench/echo.sh`: the same client for every echo server measured.
//!
//! ```text
//! echo_load throughput ADDR CONNS SIZE SECS
//!     CONNS connections, each a thread doing send(SIZE bytes) then receive them back,
//!     over and over for SECS seconds; prints the bytes echoed per second.
//! echo_load hold ADDR CONNS
//!     opens CONNS connections and keeps them all open, then sends a message on every
//!     one and reads every answer; prints how many were held and answered.
//! ```
//!
//! Output is one line of `key=value` fields for the script to tabulate.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

fn fail(message: String) -> ! {
    let _ = writeln!(std::io::stderr(), "echo_load: {message}");
    std::process::exit(2)
}

fn arg<T: std::str::FromStr>(args: &[String], i: usize, name: &str) -> T {
    args.get(i)
        .and_then(|a| a.parse().ok())
        .unwrap_or_else(|| fail(format!("missing or bad {name}")))
}

fn throughput(addr: SocketAddr, conns: usize, size: usize, secs: f64) {
    let barrier = Arc::new(Barrier::new(conns + 1));
    let duration = Duration::from_secs_f64(secs);
    let workers: Vec<_> = (0..conns)
        .map(|i| {
            let barrier = barrier.clone();
            std::thread::spawn(move || -> u64 {
                let mut stream =
                    TcpStream::connect(addr).unwrap_or_else(|e| fail(format!("connect {i}: {e}")));
                // Small messages go out at once instead of waiting on Nagle's algorithm.
                let _ = stream.set_nodelay(true);
                let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
                let message: Vec<u8> = (0..size).map(|b| (b * 7 + i) as u8).collect();
                let mut back = vec![0u8; size];
                barrier.wait();
                let started = Instant::now();
                let mut round_trips = 0u64;
                while started.elapsed() < duration {
                    if let Err(e) = stream.write_all(&message) {
                        fail(format!("send: {e}"));
                    }
                    if let Err(e) = stream.read_exact(&mut back) {
                        fail(format!("receive: {e}"));
                    }
                    round_trips += 1;
                }
                if back != message {
                    fail("an echo came back different".into());
                }
                round_trips
            })
        })
        .collect();
    barrier.wait();
    let started = Instant::now();
    let round_trips: u64 = workers
        .into_iter()
        .map(|w| w.join().unwrap_or_else(|_| fail("a worker failed".into())))
        .sum();
    let elapsed = started.elapsed().as_secs_f64();
    let mb_per_s = (round_trips * size as u64) as f64 / elapsed / 1e6;
    println!(
        "mode=throughput conns={conns} size={size} secs={elapsed:.2} round_trips={round_trips} MBps={mb_per_s:.1} rtps={:.0}",
        round_trips as f64 / elapsed
    );
}

/// CONNS connections, each with a sending thread that writes SIZE-byte messages as fast
/// as TCP takes them and a receiving thread that reads the echo: bytes per second through
/// the server, with no waiting for round trips.
fn stream(addr: SocketAddr, conns: usize, size: usize, secs: f64) {
    let barrier = Arc::new(Barrier::new(conns + 1));
    let duration = Duration::from_secs_f64(secs);
    let workers: Vec<_> = (0..conns)
        .map(|i| {
            let barrier = barrier.clone();
            std::thread::spawn(move || -> u64 {
                let mut stream =
                    TcpStream::connect(addr).unwrap_or_else(|e| fail(format!("connect {i}: {e}")));
                let _ = stream.set_nodelay(true);
                let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
                let mut sender = stream
                    .try_clone()
                    .unwrap_or_else(|e| fail(format!("clone: {e}")));
                let message: Vec<u8> = (0..size).map(|b| (b * 7 + i) as u8).collect();
                barrier.wait();
                let started = Instant::now();
                let writer = std::thread::spawn(move || {
                    while started.elapsed() < duration {
                        if sender.write_all(&message).is_err() {
                            break;
                        }
                    }
                    let _ = sender.shutdown(std::net::Shutdown::Write);
                });
                let mut buf = vec![0u8; 64 * 1024];
                let mut received = 0u64;
                let mut counted = 0u64;
                loop {
                    match stream.read(&mut buf) {
                        Ok(0) => break,
                        Ok(n) => {
                            received += n as u64;
                            if started.elapsed() < duration {
                                counted = received;
                            }
                        }
                        Err(e) => fail(format!("receive: {e}")),
                    }
                }
                let _ = writer.join();
                counted
            })
        })
        .collect();
    barrier.wait();
    let started = Instant::now();
    let bytes: u64 = workers
        .into_iter()
        .map(|w| w.join().unwrap_or_else(|_| fail("a worker failed".into())))
        .sum();
    let elapsed = started.elapsed().as_secs_f64().min(secs);
    println!(
        "mode=stream conns={conns} size={size} secs={elapsed:.2} bytes={bytes} MBps={:.1}",
        bytes as f64 / elapsed / 1e6
    );
}

fn hold(addr: SocketAddr, conns: usize) {
    let started = Instant::now();
    let mut held = Vec::with_capacity(conns);
    for i in 0..conns {
        match TcpStream::connect_timeout(&addr, Duration::from_secs(10)) {
            Ok(stream) => {
                let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
                held.push(stream);
            }
            Err(e) => {
                println!(
                    "mode=hold conns={conns} held={i} answered=0 secs={:.2} error=\"connect: {e}\"",
                    started.elapsed().as_secs_f64()
                );
                return;
            }
        }
    }
    let connected = started.elapsed().as_secs_f64();
    // Every connection is open at once now; each one must still be answered.
    for (i, stream) in held.iter_mut().enumerate() {
        let message = format!("peer {i:08}\n");
        if let Err(e) = stream.write_all(message.as_bytes()) {
            println!("mode=hold conns={conns} held={conns} answered=0 secs={connected:.2} error=\"send {i}: {e}\"");
            return;
        }
    }
    let mut answered = 0;
    let mut error = String::new();
    for (i, stream) in held.iter_mut().enumerate() {
        let mut back = [0u8; 14];
        match stream.read_exact(&mut back) {
            Ok(()) if back == format!("peer {i:08}\n").as_bytes() => answered += 1,
            Ok(()) => error = format!("peer {i}: wrong answer"),
            Err(e) => {
                error = format!("peer {i}: {e}");
                break;
            }
        }
    }
    println!(
        "mode=hold conns={conns} held={} answered={answered} connect_secs={connected:.2} secs={:.2}{}",
        held.len(),
        started.elapsed().as_secs_f64(),
        if error.is_empty() { String::new() } else { format!(" error=\"{error}\"") }
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mode = args.get(1).map(String::as_str).unwrap_or("");
    let addr: SocketAddr = arg(&args, 2, "ADDR");
    match mode {
        "throughput" => throughput(
            addr,
            arg(&args, 3, "CONNS"),
            arg(&args, 4, "SIZE"),
            arg(&args, 5, "SECS"),
        ),
        "stream" => stream(
            addr,
            arg(&args, 3, "CONNS"),
            arg(&args, 4, "SIZE"),
            arg(&args, 5, "SECS"),
        ),
        "hold" => hold(addr, arg(&args, 3, "CONNS")),
        _ => fail("usage: echo_load throughput ADDR CONNS SIZE SECS | hold ADDR CONNS".into()),
    }
}
