//! trickle: every line comes back, a few bytes at a time, with pauses between.
//!
//! TCP delivers a *stream of bytes*, not messages. A client that does
//!
//! ```python
//! s.send("hello world\n")
//! data = s.recv(1024)
//! ```
//!
//! and expects `data == "hello world\n"` is usually right on a quiet network and wrong
//! here: trickle sends `hel`, `lo `, `wor`, `ld\n` as separate segments, 100 ms apart,
//! so `recv` returns `"hel"`. The cure is the lecture's: loop on `recv` until the whole
//! message (here, up to the newline) has arrived.

use super::context::{idle_error, Ctx};
use super::peer_io::{linger_close, read_line, IdleTimer, LineRead};
use std::io;
use std::time::Duration;
use tokio::io::{AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// Bytes per piece: small enough that every line is cut.
pub const PIECE: usize = 3;
/// The pause between pieces: long enough that each piece is its own `recv`.
pub const PAUSE: Duration = Duration::from_millis(100);
/// The longest line trickled back: at 3 bytes per 100 ms, 256 bytes take about 8.5 s.
pub const MAX_LINE: usize = 256;

pub(crate) async fn serve_peer(mut stream: TcpStream, ctx: &Ctx) -> io::Result<String> {
    // Without TCP_NODELAY, Nagle's algorithm could merge pieces into one segment while
    // an earlier one is unacknowledged, hiding the very thing trickle shows.
    stream.set_nodelay(true)?;
    let limit = ctx.limits.idle_timeout;
    let cap = ctx.limits.max_request.min(MAX_LINE);
    let (reader, mut writer) = stream.split();
    let mut reader = BufReader::new(reader);
    let mut idle = IdleTimer::new(limit);
    let mut line = Vec::new();
    let mut lines = 0u64;
    loop {
        line.clear();
        let read = tokio::select! {
            read = read_line(&mut reader, &mut line, cap) => read?,
            () = idle.expired() => return Err(idle_error(limit)),
        };
        match read {
            LineRead::Closed => return Ok(format!("closed by the peer; trickled {lines} lines")),
            LineRead::TooLong => {
                let refusal =
                    format!("socklab trickle: a line may hold at most {cap} bytes; closing\n");
                let _ = tokio::time::timeout(limit, writer.write_all(refusal.as_bytes())).await;
                linger_close(stream).await;
                return Ok(format!("sent a line longer than {cap} bytes"));
            }
            LineRead::Line => {}
        }
        for (i, piece) in line.chunks(PIECE).enumerate() {
            if i > 0 {
                tokio::time::sleep(PAUSE).await;
            }
            tokio::time::timeout(limit, writer.write_all(piece))
                .await
                .map_err(|_| idle_error(limit))??;
        }
        // Time spent trickling is not the peer's idleness.
        idle.touch();
        lines += 1;
    }
}
