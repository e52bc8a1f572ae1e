//! The yardstick for socklab's echo: a plain Rust echo server, one OS thread per
//! connection, blocking reads and writes. `bench/echo.sh` runs it next to socklab's.
//!
//! Usage: `cargo run --release --example echo_threads [ADDR]` (default `127.0.0.1:0`);
//! prints `listening on ADDR` and serves until killed.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};

fn echo(mut stream: TcpStream) {
    // The same 64 KiB buffer socklab's echo reads into, so only the model differs.
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => {
                if stream.write_all(&buf[..n]).is_err() {
                    return;
                }
            }
        }
    }
}

fn main() -> std::io::Result<()> {
    let addr: SocketAddr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:0".into())
        .parse()
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?;
    // The same backlog as socklab (std's is 128), so a burst of connects is met alike.
    let socket = socket2::Socket::new(
        socket2::Domain::for_address(addr),
        socket2::Type::STREAM,
        None,
    )?;
    socket.set_reuse_address(true)?;
    socket.bind(&addr.into())?;
    socket.listen(1024)?;
    let listener: TcpListener = socket.into();
    let mut out = std::io::stdout();
    writeln!(out, "listening on {}", listener.local_addr()?)?;
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        // Small stacks: 10 000 peers are 10 000 threads.
        let _ = std::thread::Builder::new()
            .stack_size(64 * 1024)
            .spawn(move || echo(stream));
    }
    Ok(())
}
