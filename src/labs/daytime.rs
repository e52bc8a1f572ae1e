//! daytime (RFC 867, port 13): connect, receive one line, and the server closes.
//!
//! RFC 867 leaves the format free; the lecture uses `time.nist.gov`, whose line is
//!
//! ```text
//! \n54169 07-03-10 02:43:18 52 0 0 594.5 UTC(NIST) *\n
//!   │     │        │        │  │ │ │     │         └ OTM: * = the time is right
//!   │     │        │        │  │ │ │     └ the time scale
//!   │     │        │        │  │ │ └ msADV: milliseconds the time was sent early
//!   │     │        │        │  │ └ H: health, 0 = healthy
//!   │     │        │        │  └ L: leap second at the end of the month, 0 = none
//!   │     │        │        └ TT: 00 US standard time, 50 daylight time, counting down
//!   │     │        │              in the month of a change (see `utc::us_dst_code`)
//!   │     │        └ HH:MM:SS, UTC
//!   │     └ YY-MM-DD, UTC
//!   └ JJJJJ: the Modified Julian Date, days since 1858-11-17
//! ```
//!
//! The lab sends the same fields with the real date and time. Choices: `L` is 0 (no leap
//! second is announced), `H` is 0 (this clock is as healthy as the machine's), and msADV
//! is `0.0`: NIST sends its line early by the network delay it expects, but a lab service
//! on the same machine has no delay to make up.
//!
//! Over UDP there is no connection to close: every datagram, whatever it holds, is
//! answered with one datagram carrying the line.

use super::context::Ctx;
use super::utc::{us_dst_code, UtcTime};
use std::io;
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpStream, UdpSocket};

/// The line NIST would send at `time`, leading and trailing newline included.
pub fn daytime_line(time: &UtcTime) -> String {
    format!(
        "\n{:05} {:02}-{:02}-{:02} {:02}:{:02}:{:02} {:02} 0 0 0.0 UTC(NIST) *\n",
        time.mjd(),
        time.year.rem_euclid(100),
        time.month,
        time.day,
        time.hour,
        time.minute,
        time.second,
        us_dst_code(time.year, time.month, time.day),
    )
}

/// Send the line and close: the whole protocol.
pub(crate) async fn serve_peer(mut stream: TcpStream, ctx: &Ctx) -> io::Result<String> {
    let line = daytime_line(&UtcTime::now());
    tokio::time::timeout(ctx.limits.idle_timeout, async {
        stream.write_all(line.as_bytes()).await?;
        // Half-close first, so the peer reads end-of-file right after the line.
        stream.shutdown().await
    })
    .await
    .map_err(|_| io::Error::new(io::ErrorKind::TimedOut, "the peer did not read the line"))??;
    Ok(format!("sent the time: {}", line.trim()))
}

/// Answer every datagram with the line.
pub(crate) async fn serve_datagrams(socket: UdpSocket, ctx: &Ctx) -> io::Result<()> {
    let mut buf = vec![0u8; 2048];
    loop {
        let (n, peer) = match socket.recv_from(&mut buf).await {
            Ok(got) => got,
            // An ICMP error from an earlier reply (the peer's port closed) must not stop
            // the service: note it and keep receiving.
            Err(e) => {
                ctx.log(format_args!("receive failed: {e}"));
                continue;
            }
        };
        let line = daytime_line(&UtcTime::now());
        match socket.send_to(line.as_bytes(), peer).await {
            Ok(_) => ctx.log(format_args!("{peer}: datagram of {n} bytes, sent the time")),
            Err(e) => ctx.log(format_args!("{peer}: reply failed: {e}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lectures_sample_moment() {
        // 2007-03-10 02:43:18 UTC, the moment of the line in the lecture notes.
        let secs =
            crate::labs::utc::days_from_civil(2007, 3, 10) * 86_400 + 2 * 3600 + 43 * 60 + 18;
        assert_eq!(
            daytime_line(&UtcTime::from_unix(secs)),
            "\n54169 07-03-10 02:43:18 52 0 0 0.0 UTC(NIST) *\n"
        );
    }
}
