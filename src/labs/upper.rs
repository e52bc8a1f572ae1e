//! upper: the lecture's "simple connectionless server".
//!
//! ```python
//! s = socket(AF_INET, SOCK_DGRAM)
//! s.bind(('', 11111))
//! while True:
//!     data, addr = s.recvfrom(1024)
//!     print "Connection from", addr
//!     s.sendto(data.upper(), addr)
//! ```
//!
//! No `listen`, no `accept`: every datagram carries its sender's address, and the reply
//! goes back to it. Letters a–z become A–Z; every other byte is sent back as it came, as
//! Python 2's `str.upper` does for bytes.

use super::context::Ctx;
use std::io;
use tokio::net::UdpSocket;

/// The largest UDP payload over IPv4: a datagram is never cut short here.
const MAX_DATAGRAM: usize = 65_507;

/// Answer every datagram in capitals.
pub(crate) async fn serve_datagrams(socket: UdpSocket, ctx: &Ctx) -> io::Result<()> {
    let mut buf = vec![0u8; MAX_DATAGRAM];
    loop {
        let (n, peer) = match socket.recv_from(&mut buf).await {
            Ok(got) => got,
            // An ICMP error caused by an earlier reply concerns that peer only.
            Err(e) => {
                ctx.log(format_args!("receive failed: {e}"));
                continue;
            }
        };
        let datagram = &mut buf[..n];
        datagram.make_ascii_uppercase();
        match socket.send_to(datagram, peer).await {
            Ok(_) => ctx.log(format_args!("datagram of {n} bytes from {peer}")),
            Err(e) => ctx.log(format_args!("{peer}: reply failed: {e}")),
        }
    }
}
