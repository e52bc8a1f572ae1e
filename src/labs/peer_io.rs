//! Reading from a peer within limits: an idle timer and a line reader with a length cap.

use std::io;
use std::pin::Pin;
use std::time::Duration;
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::{Instant, Sleep};

/// Fires when the peer has been quiet for `limit`.
///
/// Re-arming a timer on every read would cost a trip to the timer wheel per message;
/// instead `touch` only records the time, and the timer, when it fires, checks whether
/// the peer was heard from since and sleeps again for the rest.
pub(crate) struct IdleTimer {
    sleep: Pin<Box<Sleep>>,
    last: Instant,
    limit: Duration,
}

impl IdleTimer {
    pub fn new(limit: Duration) -> IdleTimer {
        let now = Instant::now();
        IdleTimer {
            sleep: Box::pin(tokio::time::sleep_until(deadline(now, limit))),
            last: now,
            limit,
        }
    }

    /// The peer was just heard from.
    pub fn touch(&mut self) {
        self.last = Instant::now();
    }

    /// Wait until the peer has been quiet for the whole limit. Cancel-safe.
    pub async fn expired(&mut self) {
        loop {
            self.sleep.as_mut().await;
            let due = deadline(self.last, self.limit);
            if Instant::now() >= due {
                return;
            }
            self.sleep.as_mut().reset(due);
        }
    }
}

fn deadline(from: Instant, limit: Duration) -> Instant {
    // A limit too large to add means "never": a century will do.
    from.checked_add(limit)
        .unwrap_or_else(|| from + Duration::from_secs(100 * 365 * 86_400))
}

/// What [`read_line`] found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum LineRead {
    /// A line is in the buffer (ending in `\n`, unless the peer closed right after it).
    Line,
    /// The peer closed with nothing pending.
    Closed,
    /// `cap` bytes arrived without a newline.
    TooLong,
}

/// Append one line from `reader` to `line`, never holding more than `cap` bytes.
///
/// Cancel-safe (usable in `select!`): bytes read before a cancellation stay in `line`, and
/// the next call carries on from them.
pub(crate) async fn read_line<R: AsyncBufRead + Unpin>(
    reader: &mut R,
    line: &mut Vec<u8>,
    cap: usize,
) -> io::Result<LineRead> {
    loop {
        let available = reader.fill_buf().await?;
        if available.is_empty() {
            return Ok(if line.is_empty() {
                LineRead::Closed
            } else {
                LineRead::Line
            });
        }
        let room = cap.saturating_sub(line.len());
        if let Some(end) = available.iter().position(|&b| b == b'\n') {
            if end < room {
                line.extend_from_slice(&available[..=end]);
                reader.consume(end + 1);
                return Ok(LineRead::Line);
            }
        }
        let take = available.len().min(room);
        line.extend_from_slice(&available[..take]);
        reader.consume(take);
        if line.len() >= cap {
            return Ok(LineRead::TooLong);
        }
    }
}

/// After refusing a peer, how long to keep reading what it still sends before closing
/// (see `linger_close`), and how much of it.
const LINGER_TIME: Duration = Duration::from_secs(2);
const LINGER_BYTES: u64 = 64 * 1024 * 1024;

/// Close without losing the response.
///
/// If a socket is closed while the peer's unread bytes sit in its receive buffer, the
/// kernel answers with a reset (RST) instead of an orderly FIN, and the peer may lose the
/// response it had not read yet. So: send FIN (`shutdown`), then read and discard what the
/// peer still sends until it closes too, for at most `LINGER_TIME` and `LINGER_BYTES`.
pub(crate) async fn linger_close(mut stream: TcpStream) {
    if stream.shutdown().await.is_err() {
        return;
    }
    drain(&mut stream).await;
}

/// Read and discard until the peer closes, `LINGER_TIME` passes or `LINGER_BYTES` came.
pub(crate) async fn drain<R: AsyncRead + Unpin>(reader: &mut R) {
    let mut sink = vec![0u8; 64 * 1024];
    let mut drained = 0u64;
    let _ = tokio::time::timeout(LINGER_TIME, async {
        while drained < LINGER_BYTES {
            match reader.read(&mut sink).await {
                Ok(0) | Err(_) => break,
                Ok(n) => drained += n as u64,
            }
        }
    })
    .await;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], cap: usize) -> Vec<(LineRead, Vec<u8>)> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("runtime");
        runtime.block_on(async {
            let mut reader = tokio::io::BufReader::with_capacity(4, input);
            let mut out = Vec::new();
            loop {
                let mut line = Vec::new();
                let read = read_line(&mut reader, &mut line, cap).await.expect("read");
                let stop = read != LineRead::Line;
                out.push((read, line));
                if stop {
                    return out;
                }
            }
        })
    }

    #[test]
    fn splits_lines_across_small_buffers() {
        assert_eq!(
            lines(b"hello\nworld\nend", 100),
            vec![
                (LineRead::Line, b"hello\n".to_vec()),
                (LineRead::Line, b"world\n".to_vec()),
                (LineRead::Line, b"end".to_vec()),
                (LineRead::Closed, vec![]),
            ]
        );
    }

    #[test]
    fn stops_at_the_cap() {
        let got = lines(b"0123456789abcdef\n", 8);
        assert_eq!(got[0], (LineRead::TooLong, b"01234567".to_vec()));
        // A line of exactly cap bytes including its newline fits.
        assert_eq!(
            lines(b"1234567\n", 8)[0],
            (LineRead::Line, b"1234567\n".to_vec())
        );
    }
}
