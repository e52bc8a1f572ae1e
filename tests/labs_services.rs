//! The lab services, each driven by a plain std client over loopback, on ports the
//! kernel chose (`127.0.0.1:0`, read back from `Services`).
//!
//! Every wait is bounded: sockets have read timeouts, and "eventually" loops have
//! deadlines.

use socklab::labs::utc::{days_from_civil, us_dst_code, UtcTime};
use socklab::labs::{catalogue, Kind, LabError, Limits, Options, Service, Services};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream, UdpSocket};
use std::time::{Duration, Instant};

/// The longest any single read waits before the test fails.
const WAIT: Duration = Duration::from_secs(5);

/// One service, started on a free port; stopped when dropped.
struct Lab {
    _services: Services,
    addr: SocketAddr,
}

fn lab(name: &str) -> Lab {
    lab_with(name, None)
}

fn lab_with(name: &str, limits: Option<Limits>) -> Lab {
    let mut services = Services::new();
    let service: Service = name.parse().expect("a service name");
    let options = Options {
        port: Some(0),
        limits,
        ..Options::default()
    };
    let info = services
        .start_service(service, &options)
        .expect("the service starts");
    assert_ne!(info.addr.port(), 0, "port 0 is replaced by the real port");
    Lab {
        _services: services,
        addr: info.addr,
    }
}

/// The kind's limits with a short idle timeout, so silence tests take a moment.
fn impatient(kind: Kind) -> Option<Limits> {
    Some(Limits {
        idle_timeout: Duration::from_millis(300),
        ..Limits::for_kind(kind)
    })
}

fn limited(kind: Kind, max_connections: usize) -> Option<Limits> {
    Some(Limits {
        max_connections,
        ..Limits::for_kind(kind)
    })
}

fn connect(addr: SocketAddr) -> TcpStream {
    let stream = TcpStream::connect(addr).expect("connects");
    stream.set_read_timeout(Some(WAIT)).expect("timeout");
    stream.set_write_timeout(Some(WAIT)).expect("timeout");
    stream
}

/// Everything until the server closes (a reset after data counts as a close).
fn read_to_close(stream: &mut TcpStream) -> Vec<u8> {
    let mut bytes = Vec::new();
    match stream.read_to_end(&mut bytes) {
        Ok(_) => bytes,
        Err(e) if e.kind() == io::ErrorKind::ConnectionReset => bytes,
        Err(e) => panic!("reading to the close: {e} (after {} bytes)", bytes.len()),
    }
}

fn read_exact(stream: &mut TcpStream, n: usize) -> Vec<u8> {
    let mut bytes = vec![0u8; n];
    stream.read_exact(&mut bytes).expect("the bytes arrive");
    bytes
}

fn read_line(reader: &mut BufReader<TcpStream>) -> String {
    let mut line = String::new();
    reader.read_line(&mut line).expect("a line arrives");
    line
}

/// Close with a reset (RST) instead of a FIN: SO_LINGER with a zero timeout.
fn reset(stream: TcpStream) {
    let socket = socket2::Socket::from(stream);
    socket.set_linger(Some(Duration::ZERO)).expect("linger");
    drop(socket);
}

/// The server closes this connection by itself within `within`.
fn assert_closed_by_server(stream: &mut TcpStream, within: Duration) {
    stream.set_read_timeout(Some(within)).expect("timeout");
    let mut buf = [0u8; 1024];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return,
            Ok(_) => continue,
            Err(e) if e.kind() == io::ErrorKind::ConnectionReset => return,
            Err(e) => panic!("the server did not close the connection: {e}"),
        }
    }
}

/// Send `bytes` from a second thread while this one reads everything back until close.
fn send_while_reading(stream: &mut TcpStream, bytes: Vec<u8>, close_after: bool) -> Vec<u8> {
    let mut writer = stream.try_clone().expect("clone");
    let sender = std::thread::spawn(move || {
        // The server may close first (a refusal); that is the point, not an error.
        let _ = writer.write_all(&bytes);
        if close_after {
            let _ = writer.shutdown(Shutdown::Write);
        }
    });
    let got = read_to_close(stream);
    sender.join().expect("the sender thread");
    got
}

/// 10 MB of one byte: for the line services, one endless line.
fn ten_megabytes_of(byte: u8) -> Vec<u8> {
    vec![byte; 10 * 1024 * 1024]
}

/// 10 MB of arbitrary bytes (newlines included, about one in 256).
fn ten_megabytes() -> Vec<u8> {
    (0..10 * 1024 * 1024u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect()
}

/// Poll until `ready` holds, for at most `WAIT`.
fn eventually(what: &str, mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + WAIT;
    while Instant::now() < deadline {
        if ready() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("timed out waiting until {what}");
}

fn echo_round_trip(addr: SocketAddr, message: &[u8]) -> bool {
    let Ok(mut stream) = TcpStream::connect(addr) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(WAIT));
    if stream.write_all(message).is_err() {
        return false;
    }
    let mut back = vec![0u8; message.len()];
    stream.read_exact(&mut back).is_ok() && back == message
}

mod echo {
    use super::*;

    #[test]
    fn sends_back_every_byte() {
        let lab = lab("echo");
        let mut stream = connect(lab.addr);
        stream.write_all(b"Hello, network!\n").expect("send");
        assert_eq!(read_exact(&mut stream, 16), b"Hello, network!\n");
        let binary: Vec<u8> = (0..=255u8).collect();
        stream.write_all(&binary).expect("send");
        assert_eq!(read_exact(&mut stream, 256), binary);
        stream.shutdown(Shutdown::Write).expect("shutdown");
        assert_eq!(read_to_close(&mut stream), b"", "echo closes after our FIN");
    }

    #[test]
    fn ten_megabytes_come_back_intact() {
        let lab = lab("echo");
        let mut stream = connect(lab.addr);
        let payload = ten_megabytes();
        let got = send_while_reading(&mut stream, payload.clone(), true);
        assert_eq!(got.len(), payload.len());
        assert!(got == payload, "the echoed bytes differ");
    }

    #[test]
    fn a_reset_mid_message_does_not_stop_the_service() {
        let lab = lab("echo");
        let mut stream = connect(lab.addr);
        stream.write_all(b"half a mess").expect("send");
        reset(stream);
        assert!(echo_round_trip(lab.addr, b"still there?"));
    }

    #[test]
    fn a_silent_peer_is_disconnected_after_the_idle_timeout() {
        let lab = lab_with("echo", impatient(Kind::Echo));
        let mut silent = connect(lab.addr);
        let started = Instant::now();
        assert_closed_by_server(&mut silent, WAIT);
        assert!(started.elapsed() >= Duration::from_millis(250));
        // A peer that keeps talking is not idle, however long it stays.
        let mut talker = connect(lab.addr);
        for _ in 0..6 {
            std::thread::sleep(Duration::from_millis(100));
            talker.write_all(b"x").expect("send");
            assert_eq!(read_exact(&mut talker, 1), b"x");
        }
    }

    #[test]
    fn thousands_of_peers_are_held_and_the_excess_refused() {
        let limit = 1000;
        let lab = lab_with("echo", limited(Kind::Echo, limit));
        let mut held = Vec::new();
        for i in 0..limit {
            let mut stream = connect(lab.addr);
            let message = format!("peer {i}\n");
            stream.write_all(message.as_bytes()).expect("send");
            assert_eq!(read_exact(&mut stream, message.len()), message.as_bytes());
            held.push(stream);
        }
        for _ in 0..20 {
            let mut refused = connect(lab.addr);
            let said = String::from_utf8_lossy(&read_to_close(&mut refused)).into_owned();
            assert!(said.contains("busy"), "{said:?}");
            assert!(said.contains(&limit.to_string()), "{said:?}");
        }
        // Every held peer is still served.
        for (i, stream) in held.iter_mut().enumerate().step_by(97) {
            let message = format!("again {i}\n");
            stream.write_all(message.as_bytes()).expect("send");
            assert_eq!(read_exact(stream, message.len()), message.as_bytes());
        }
        drop(held);
        eventually("slots are free again", || {
            echo_round_trip(lab.addr, b"free?")
        });
    }

    /// Send without reading until a write makes no progress for `stalled`: by then echo's
    /// send buffer and ours are full, and echo is blocked writing to us. Returns the bytes
    /// sent.
    fn flood_until_stalled(stream: &mut TcpStream, stalled: Duration) -> usize {
        stream.set_write_timeout(Some(stalled)).expect("timeout");
        let chunk = vec![b'x'; 64 * 1024];
        let mut sent = 0;
        loop {
            match stream.write(&chunk) {
                Ok(n) => sent += n,
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                    ) =>
                {
                    return sent;
                }
                Err(e) => panic!("sending: {e} (after {sent} bytes)"),
            }
        }
    }

    #[test]
    fn a_peer_that_never_reads_is_disconnected_after_the_idle_timeout() {
        let lab = lab_with("echo", impatient(Kind::Echo));
        let mut hog = connect(lab.addr);
        let chunk = vec![b'x'; 64 * 1024];
        // Echo's writes to us block, then time out; it closes, and our sends fail.
        let started = Instant::now();
        let failed = loop {
            match hog.write_all(&chunk) {
                Ok(()) => assert!(started.elapsed() < 4 * WAIT, "never disconnected"),
                Err(e) => break e,
            }
        };
        assert!(
            matches!(
                failed.kind(),
                io::ErrorKind::ConnectionReset | io::ErrorKind::BrokenPipe
            ),
            "{failed}"
        );
        assert!(echo_round_trip(lab.addr, b"others are still served"));
    }

    #[test]
    fn stopping_closes_every_peer_even_one_echo_is_blocked_on() {
        let mut services = Services::new();
        let echo = services.start("echo", "127.0.0.1", Some(0)).expect("echo");
        let mut quiet = connect(echo.addr);
        quiet.write_all(b"hi").expect("send");
        assert_eq!(read_exact(&mut quiet, 2), b"hi");
        let mut hog = connect(echo.addr);
        let sent = flood_until_stalled(&mut hog, Duration::from_millis(300));

        let (stopped, stop) = std::sync::mpsc::channel();
        let stopper = std::thread::spawn(move || {
            let _ = stopped.send(services.stop("echo").map(|s| s.len()));
        });
        let stop = stop.recv_timeout(WAIT).expect("stop returns promptly");
        assert_eq!(stop.expect("stops"), 1);
        stopper.join().expect("the stopping thread");

        // On return both peers' sockets are closed: what was echoed, then the end.
        assert_eq!(read_to_close(&mut quiet), b"");
        let echoed = read_to_close(&mut hog);
        assert!(echoed.len() <= sent && echoed.iter().all(|&b| b == b'x'));
        assert!(TcpStream::connect(echo.addr).is_err());
    }

    #[test]
    fn udp_echoes_each_datagram() {
        let lab = lab("echo/udp");
        let socket = UdpSocket::bind("127.0.0.1:0").expect("bind");
        socket.set_read_timeout(Some(WAIT)).expect("timeout");
        socket.connect(lab.addr).expect("connect");
        for datagram in [&b"one"[..], b"", &[0u8, 255, 10, 13], &[b'x'; 65_000]] {
            socket.send(datagram).expect("send");
            let mut buf = vec![0u8; 70_000];
            let n = socket.recv(&mut buf).expect("the echo");
            assert_eq!(&buf[..n], datagram);
        }
    }
}

mod daytime {
    use super::*;

    fn secs(t: &UtcTime) -> i64 {
        t.days_since_epoch * 86_400 + i64::from(t.hour * 3600 + t.minute * 60 + t.second)
    }

    /// The line is NIST's format, and names a moment between `before` and `after`.
    fn assert_is_now(line: &str, before: &UtcTime, after: &UtcTime) {
        assert!(
            line.starts_with('\n') && line.ends_with(" UTC(NIST) *\n"),
            "{line:?}"
        );
        let fields: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(fields.len(), 9, "{line:?}");
        let number = |text: &str| -> i64 { text.parse().expect("a number") };
        let date: Vec<i64> = fields[1].split('-').map(number).collect();
        let time: Vec<i64> = fields[2].split(':').map(number).collect();
        let days = days_from_civil(2000 + date[0], date[1] as u32, date[2] as u32);
        let at = days * 86_400 + time[0] * 3600 + time[1] * 60 + time[2];
        assert!(secs(before) <= at && at <= secs(after), "{line:?}");
        assert_eq!(number(fields[0]), days + 40_587, "the Modified Julian Date");
        let tt = us_dst_code(2000 + date[0], date[1] as u32, date[2] as u32);
        assert_eq!(fields[3], format!("{tt:02}"));
        assert_eq!(fields[4..9], ["0", "0", "0.0", "UTC(NIST)", "*"]);
    }

    #[test]
    fn tcp_sends_the_time_and_closes() {
        let lab = lab("daytime");
        let before = UtcTime::now();
        let mut stream = connect(lab.addr);
        let line = String::from_utf8(read_to_close(&mut stream)).expect("text");
        let after = UtcTime::now();
        assert_is_now(&line, &before, &after);
    }

    #[test]
    fn udp_answers_any_datagram_with_the_time() {
        let lab = lab("daytime/udp");
        let socket = UdpSocket::bind("127.0.0.1:0").expect("bind");
        socket.set_read_timeout(Some(WAIT)).expect("timeout");
        for question in [&b""[..], b"what time is it?", &[0xff; 3000]] {
            let before = UtcTime::now();
            socket.send_to(question, lab.addr).expect("send");
            let mut buf = [0u8; 256];
            let (n, from) = socket.recv_from(&mut buf).expect("an answer");
            let after = UtcTime::now();
            assert_eq!(from, lab.addr);
            assert_is_now(
                std::str::from_utf8(&buf[..n]).expect("text"),
                &before,
                &after,
            );
        }
    }

    #[test]
    fn floods_and_resets_do_not_stop_it() {
        // Daytime holds no connection (it answers and closes at once), so a crowd cannot
        // fill it; what remains is input it never asked for, and peers that vanish.
        let lab = lab("daytime");
        let mut flood = connect(lab.addr);
        let got = send_while_reading(&mut flood, ten_megabytes(), true);
        assert!(String::from_utf8_lossy(&got).contains("UTC(NIST)"));
        reset(connect(lab.addr));
        let crowd: Vec<TcpStream> = (0..200).map(|_| connect(lab.addr)).collect();
        drop(crowd);
        let mut after = connect(lab.addr);
        assert!(String::from_utf8_lossy(&read_to_close(&mut after)).contains("UTC(NIST)"));
    }
}

mod upper {
    use super::*;

    fn ask(socket: &UdpSocket, to: SocketAddr, datagram: &[u8]) -> Vec<u8> {
        socket.send_to(datagram, to).expect("send");
        let mut buf = vec![0u8; 70_000];
        let (n, from) = socket.recv_from(&mut buf).expect("an answer");
        assert_eq!(from, to);
        buf[..n].to_vec()
    }

    fn client() -> UdpSocket {
        let socket = UdpSocket::bind("127.0.0.1:0").expect("bind");
        socket.set_read_timeout(Some(WAIT)).expect("timeout");
        socket
    }

    #[test]
    fn the_lectures_client() {
        let lab = lab("upper");
        let socket = client();
        assert_eq!(
            ask(&socket, lab.addr, b"MixedCaseString"),
            b"MIXEDCASESTRING"
        );
    }

    #[test]
    fn only_letters_change() {
        let lab = lab("upper");
        let socket = client();
        let mut binary: Vec<u8> = (0..=255u8).collect();
        binary.extend_from_slice("héllo".as_bytes());
        let mut expected = binary.clone();
        expected.make_ascii_uppercase();
        assert_eq!(ask(&socket, lab.addr, &binary), expected);
        assert_eq!(ask(&socket, lab.addr, b""), b"");
        let big = vec![b'a'; 65_507];
        assert_eq!(ask(&socket, lab.addr, &big), vec![b'A'; 65_507]);
    }

    #[test]
    fn ten_megabytes_and_a_thousand_clients_later_it_still_answers() {
        let lab = lab("upper");
        // 10 MB in the largest datagrams, never read back: replies queue and are dropped.
        let flooder = client();
        let datagram = vec![b'z'; 65_507];
        for _ in 0..160 {
            flooder.send_to(&datagram, lab.addr).expect("send");
        }
        // A client that goes away before its answer (the answer meets a closed port).
        let gone = client();
        gone.send_to(b"bye", lab.addr).expect("send");
        drop(gone);
        let clients: Vec<UdpSocket> = (0..1000).map(|_| client()).collect();
        for (i, socket) in clients.iter().enumerate().step_by(50) {
            let question = format!("client {i}");
            assert_eq!(
                ask(socket, lab.addr, question.as_bytes()),
                question.to_uppercase().as_bytes()
            );
        }
    }
}

mod http {
    use super::*;

    /// A response: status line, lower-cased headers, body.
    #[derive(Debug)]
    struct Response {
        status_line: String,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    }

    impl Response {
        fn status(&self) -> u16 {
            self.status_line
                .split(' ')
                .nth(1)
                .and_then(|s| s.parse().ok())
                .expect("a status code")
        }
        fn header(&self, name: &str) -> Option<&str> {
            self.headers
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        }
    }

    /// Read one response; the body is `Content-Length` bytes (none if `head_request`).
    fn read_response(reader: &mut BufReader<TcpStream>, head_request: bool) -> Response {
        let status_line = read_line(reader);
        assert!(status_line.ends_with("\r\n"), "{status_line:?}");
        let mut headers = Vec::new();
        loop {
            let line = read_line(reader);
            if line == "\r\n" {
                break;
            }
            let (name, value) = line.split_once(':').expect("a header line");
            headers.push((name.to_ascii_lowercase(), value.trim().to_string()));
        }
        let mut response = Response {
            status_line: status_line.trim_end().to_string(),
            headers,
            body: Vec::new(),
        };
        if !head_request {
            let length: usize = response
                .header("content-length")
                .expect("Content-Length")
                .parse()
                .expect("a number");
            response.body = vec![0u8; length];
            reader.read_exact(&mut response.body).expect("the body");
        }
        response
    }

    /// Send `request` on a new connection; return the response and whether the server
    /// then closed the connection.
    fn exchange(addr: SocketAddr, request: &[u8]) -> (Response, bool) {
        let mut stream = connect(addr);
        stream.write_all(request).expect("send");
        let mut reader = BufReader::new(stream.try_clone().expect("clone"));
        let head = request.starts_with(b"HEAD");
        let response = read_response(&mut reader, head);
        let mut rest = Vec::new();
        stream
            .set_read_timeout(Some(Duration::from_millis(300)))
            .expect("timeout");
        let closed = match reader.read_to_end(&mut rest) {
            Ok(_) => true,
            Err(e) => e.kind() == io::ErrorKind::ConnectionReset,
        };
        assert!(rest.is_empty(), "nothing may follow the body: {rest:?}");
        (response, closed)
    }

    #[test]
    fn the_lectures_request() {
        let lab = lab("http");
        let (response, closed) = exchange(lab.addr, b"GET /index.html HTTP/1.0\n\n");
        assert_eq!(response.status_line, "HTTP/1.0 200 OK");
        assert_eq!(
            response.header("content-type"),
            Some("text/html; charset=utf-8")
        );
        assert_eq!(response.header("connection"), Some("close"));
        assert!(response.header("date").is_some_and(|d| d.ends_with(" GMT")));
        assert!(String::from_utf8_lossy(&response.body).contains("<h1>It works!</h1>"));
        assert!(closed, "HTTP/1.0 closes after the response");
    }

    /// The code on the start page is Python 3 that works: run by python3 against this
    /// service (its port put in place of 8080), it prints the page.
    #[test]
    fn the_start_page_shows_python_3_that_runs() {
        let lab = lab("http");
        let (response, _) = exchange(lab.addr, b"GET / HTTP/1.0\r\n\r\n");
        let page = String::from_utf8_lossy(&response.body).into_owned();
        let code = page
            .split_once("<pre>\n")
            .and_then(|(_, rest)| rest.split_once("</pre>"))
            .map(|(code, _)| code.replace("8080", &lab.addr.port().to_string()))
            .expect("a <pre> block with the client");
        let out = std::process::Command::new("python3")
            .arg("-c")
            .arg(&code)
            .output()
            .expect("python3 runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{code}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(stdout.starts_with("HTTP/1.0 200 OK"), "{stdout}");
        assert!(stdout.contains("<h1>It works!</h1>"), "{stdout}");
    }

    #[test]
    fn content_types_and_lengths() {
        let lab = lab("http");
        for (path, content_type, length) in [
            ("/hello.txt", "text/plain; charset=utf-8", Some(16)),
            ("/data.json", "application/json", None),
            ("/big.txt", "text/plain; charset=utf-8", Some(100_000)),
            ("/style.css", "text/css; charset=utf-8", None),
            ("/", "text/html; charset=utf-8", None),
        ] {
            let request = format!("GET {path} HTTP/1.0\r\n\r\n");
            let (response, _) = exchange(lab.addr, request.as_bytes());
            assert_eq!(response.status(), 200, "{path}");
            assert_eq!(
                response.header("content-type"),
                Some(content_type),
                "{path}"
            );
            if let Some(length) = length {
                assert_eq!(response.body.len(), length, "{path}");
            }
        }
    }

    #[test]
    fn head_has_the_headers_of_get_and_no_body() {
        let lab = lab("http");
        let (get, _) = exchange(lab.addr, b"GET /about.html HTTP/1.0\r\n\r\n");
        let (head, closed) = exchange(lab.addr, b"HEAD /about.html HTTP/1.0\r\n\r\n");
        assert_eq!(head.status(), 200);
        assert_eq!(head.header("content-length"), get.header("content-length"));
        assert_eq!(
            head.header("content-length"),
            Some(get.body.len().to_string().as_str())
        );
        assert!(closed);
    }

    #[test]
    fn http_1_1_keeps_the_connection_until_connection_close() {
        let lab = lab("http");
        let mut stream = connect(lab.addr);
        let mut reader = BufReader::new(stream.try_clone().expect("clone"));
        // Two requests in one write (pipelined), then a third that asks to close.
        stream
            .write_all(
                b"GET /hello.txt HTTP/1.1\r\nHost: lab\r\n\r\nGET /nope HTTP/1.1\r\nHost: lab\r\n\r\n",
            )
            .expect("send");
        let first = read_response(&mut reader, false);
        assert_eq!(first.status_line, "HTTP/1.1 200 OK");
        assert_eq!(first.body, b"Hello, network!\n");
        assert_eq!(first.header("connection"), None);
        let second = read_response(&mut reader, false);
        assert_eq!(second.status(), 404);
        stream
            .write_all(b"GET /hello.txt HTTP/1.1\r\nHost: lab\r\nConnection: close\r\n\r\n")
            .expect("send");
        let third = read_response(&mut reader, false);
        assert_eq!(third.status(), 200);
        assert_eq!(third.header("connection"), Some("close"));
        let mut rest = Vec::new();
        reader.read_to_end(&mut rest).expect("the server closes");
        assert!(rest.is_empty());
    }

    #[test]
    fn http_1_0_keep_alive_is_honoured() {
        let lab = lab("http");
        let mut stream = connect(lab.addr);
        let mut reader = BufReader::new(stream.try_clone().expect("clone"));
        for _ in 0..2 {
            stream
                .write_all(b"GET /hello.txt HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                .expect("send");
            let response = read_response(&mut reader, false);
            assert_eq!(response.header("connection"), Some("keep-alive"));
        }
    }

    #[test]
    fn refusals() {
        let lab = lab("http");
        for (request, status) in [
            (&b"GET /missing.html HTTP/1.0\r\n\r\n"[..], 404),
            (
                b"POST /index.html HTTP/1.0\r\nContent-Length: 0\r\n\r\n",
                405,
            ),
            (b"DELETE / HTTP/1.1\r\nHost: x\r\n\r\n", 405),
            (b"HELLO THERE\r\n\r\n", 400),
            (b"GET / HTTP/1.1\r\n\r\n", 400),
            (b"GET / HTTP/3.0\r\n\r\n", 505),
            (b"GET / HTTP/1.0\r\nbad header\r\n\r\n", 400),
            (b"\x00\x01\x02\xff\xfe\r\n\r\n", 400),
            (b"GET /../../etc/passwd HTTP/1.0\r\n\r\n", 400),
            (b"GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.0\r\n\r\n", 400),
            (b"GET /%2E%2E%2Fetc%2Fpasswd HTTP/1.0\r\n\r\n", 400),
            (b"GET /..%5c..%5cwindows HTTP/1.0\r\n\r\n", 400),
            (b"GET /etc/passwd HTTP/1.0\r\n\r\n", 404),
        ] {
            let (response, _) = exchange(lab.addr, request);
            assert_eq!(
                response.status(),
                status,
                "{:?}: {:?}",
                String::from_utf8_lossy(request),
                String::from_utf8_lossy(&response.body)
            );
            if status == 405 {
                assert_eq!(response.header("allow"), Some("GET, HEAD"));
            }
        }
    }

    #[test]
    fn ten_megabytes_of_request_are_refused_with_431() {
        let lab = lab("http");
        let mut stream = connect(lab.addr);
        let mut flood = b"GET / HTTP/1.0\r\nX-Junk: ".to_vec();
        flood.extend(std::iter::repeat_n(b'a', 10 * 1024 * 1024));
        let got = send_while_reading(&mut stream, flood, true);
        let text = String::from_utf8_lossy(&got);
        assert!(
            text.starts_with("HTTP/1.1 431 Request Header Fields Too Large\r\n"),
            "{text:?}"
        );
        assert!(echo_page(lab.addr));
    }

    fn echo_page(addr: SocketAddr) -> bool {
        exchange(addr, b"GET /hello.txt HTTP/1.0\r\n\r\n")
            .0
            .status()
            == 200
    }

    #[test]
    fn silence_resets_and_half_requests_do_not_stop_it() {
        let lab = lab_with("http", impatient(Kind::Http));
        // Nothing at all: closed without a word.
        let mut silent = connect(lab.addr);
        assert_eq!(read_to_close(&mut silent), b"");
        // Half a request, then nothing: 408.
        let mut slow = connect(lab.addr);
        slow.write_all(b"GET /index.html HTTP/1.0\r\nHost: la")
            .expect("send");
        let said = String::from_utf8_lossy(&read_to_close(&mut slow)).into_owned();
        assert!(said.starts_with("HTTP/1.1 408 Request Timeout"), "{said:?}");
        // Half a request, then a reset.
        let mut quitter = connect(lab.addr);
        quitter.write_all(b"GET /index.html HT").expect("send");
        reset(quitter);
        assert!(echo_page(lab.addr));
    }

    #[test]
    fn over_the_connection_limit_is_503() {
        let lab = lab_with("http", limited(Kind::Http, 20));
        let held: Vec<TcpStream> = (0..20).map(|_| connect(lab.addr)).collect();
        // Make sure all 20 were accepted (and hold their slots) before the 21st.
        for stream in &held {
            let mut stream = stream.try_clone().expect("clone");
            stream
                .write_all(b"GET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n")
                .expect("send");
            let mut reader = BufReader::new(stream);
            assert_eq!(read_response(&mut reader, false).status(), 200);
        }
        let (response, closed) = exchange(lab.addr, b"GET / HTTP/1.0\r\n\r\n");
        assert_eq!(response.status(), 503);
        assert!(closed);
        drop(held);
        eventually("a slot is free", || {
            exchange(lab.addr, b"GET / HTTP/1.0\r\n\r\n").0.status() == 200
        });
    }
}

mod chat {
    use super::*;

    struct Member {
        stream: TcpStream,
        reader: BufReader<TcpStream>,
        /// The room's first line to this member.
        welcome: String,
    }

    impl Member {
        fn join(addr: SocketAddr, nick: &str) -> Member {
            let stream = connect(addr);
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let welcome = read_line(&mut reader);
            assert!(
                welcome.starts_with("* welcome to the socklab chat room ("),
                "{welcome:?}"
            );
            assert_eq!(read_line(&mut reader), "* your nickname?\n");
            let mut member = Member {
                stream,
                reader,
                welcome,
            };
            member.say(nick);
            let hello = member.line();
            assert!(hello.starts_with(&format!("* hello {nick};")), "{hello:?}");
            member
        }
        fn say(&mut self, line: &str) {
            self.stream
                .write_all(format!("{line}\n").as_bytes())
                .expect("send");
        }
        fn line(&mut self) -> String {
            read_line(&mut self.reader)
        }
    }

    #[test]
    fn members_hear_each_other_and_join_and_leave_notices() {
        let lab = lab("chat");
        let mut ada = Member::join(lab.addr, "ada");
        assert_eq!(
            ada.welcome,
            "* welcome to the socklab chat room (you are the first one here)\n"
        );
        let mut bob = Member::join(lab.addr, "bob");
        assert_eq!(
            bob.welcome,
            "* welcome to the socklab chat room (1 other here now)\n"
        );
        assert_eq!(ada.line(), "* bob joined (2 here now)\n");
        ada.say("hi bob");
        assert_eq!(bob.line(), "ada: hi bob\n");
        bob.say("/who");
        assert_eq!(bob.line(), "* here: ada, bob\n");
        bob.say("/nick robert");
        assert_eq!(bob.line(), "* you are now robert\n");
        assert_eq!(ada.line(), "* bob is now robert\n");
        bob.say("/quit");
        assert_eq!(bob.line(), "* bye robert\n");
        assert_eq!(ada.line(), "* robert left (1 here now)\n");
        // A member who just closes the connection leaves too.
        let carol = Member::join(lab.addr, "carol");
        assert_eq!(ada.line(), "* carol joined (2 here now)\n");
        drop(carol);
        assert_eq!(ada.line(), "* carol left (1 here now)\n");
    }

    #[test]
    fn nicknames_are_checked() {
        let lab = lab("chat");
        let _ada = Member::join(lab.addr, "ada");
        let stream = connect(lab.addr);
        let mut reader = BufReader::new(stream.try_clone().expect("clone"));
        let mut stream = stream;
        read_line(&mut reader);
        read_line(&mut reader);
        stream.write_all(b"ada\n").expect("send");
        assert_eq!(read_line(&mut reader), "* ada is taken; try another:\n");
        stream.write_all(b"no spaces please\n").expect("send");
        assert!(read_line(&mut reader).starts_with("* a nickname is 1 to 16"));
        stream.write_all(b"ada2\n").expect("send");
        assert!(read_line(&mut reader).starts_with("* hello ada2;"));
    }

    #[test]
    fn garbage_is_cleaned_and_overlong_lines_disconnect() {
        let lab = lab("chat");
        let mut ada = Member::join(lab.addr, "ada");
        let mut eve = Member::join(lab.addr, "eve");
        ada.line();
        // Control characters (a terminal escape, a bell, a NUL) and invalid UTF-8.
        eve.stream
            .write_all(b"\x1b[2Jhi\x07 \x00there \xff\xfe\n")
            .expect("send");
        assert_eq!(ada.line(), "eve: [2Jhi there \u{fffd}\u{fffd}\n");
        let got = send_while_reading(&mut eve.stream, ten_megabytes_of(b'a'), true);
        let said = String::from_utf8_lossy(&got);
        assert!(
            said.ends_with("* a line may hold at most 4096 bytes; bye\n"),
            "{said:?}"
        );
        assert_eq!(ada.line(), "* eve left (1 here now)\n");
    }

    #[test]
    fn silence_resets_and_crowds_do_not_stop_the_room() {
        let lab = lab_with(
            "chat",
            Some(Limits {
                idle_timeout: Duration::from_millis(400),
                max_connections: 10,
                ..Limits::for_kind(Kind::Chat)
            }),
        );
        let mut quiet = Member::join(lab.addr, "quiet");
        assert_eq!(quiet.line(), "* idle too long; bye\n");
        assert_closed_by_server(&mut quiet.stream, WAIT);
        let mut half = connect(lab.addr);
        half.write_all(b"half a nick").expect("send");
        reset(half);
        let held: Vec<Member> = (0..10)
            .map(|i| Member::join(lab.addr, &format!("m{i}")))
            .collect();
        let mut refused = connect(lab.addr);
        let said = String::from_utf8_lossy(&read_to_close(&mut refused)).into_owned();
        assert!(said.contains("socklab chat: busy"), "{said:?}");
        drop(held);
        eventually("the room has space again", || {
            let stream = connect(lab.addr);
            let mut reader = BufReader::new(stream);
            read_line(&mut reader).starts_with("* welcome")
        });
    }

    #[test]
    fn a_member_who_never_reads_does_not_hold_up_the_others() {
        let lab = lab("chat");
        let _sleeper = Member::join(lab.addr, "sleeper");
        let mut listener = Member::join(lab.addr, "listener");
        let mut talker = Member::join(lab.addr, "talker");
        listener.line();
        let long = "x".repeat(4000);
        // About 6 MB to a member who reads none of it.
        let lines = 1500;
        let mut writer = talker.stream.try_clone().expect("clone");
        let text = long.clone();
        let sender = std::thread::spawn(move || {
            for _ in 0..lines {
                writer
                    .write_all(format!("{text}\n").as_bytes())
                    .expect("send");
            }
        });
        // Every line reaches the listener, or is accounted for by the room's notice that
        // it came faster than the listener read (on a loaded machine even a reading
        // member can fall behind); either way the sleeper held nobody up.
        let mut accounted = 0;
        while accounted < lines {
            let line = listener.line();
            if line == format!("talker: {long}\n") {
                accounted += 1;
            } else if let Some(rest) = line.strip_prefix("* (you missed ") {
                let n: usize = rest
                    .split_whitespace()
                    .next()
                    .and_then(|n| n.parse().ok())
                    .unwrap_or_else(|| panic!("unexpected notice {line:?}"));
                accounted += n;
            } else {
                panic!("unexpected line {line:?}");
            }
        }
        assert_eq!(accounted, lines, "more lines accounted for than were sent");
        sender.join().expect("sender");
        talker.say("/who");
        assert_eq!(talker.line(), "* here: sleeper, listener, talker\n");
    }
}

mod trickle {
    use super::*;

    /// The pieces a line comes back in, one per `recv`.
    fn pieces(stream: &mut TcpStream, total: usize) -> Vec<Vec<u8>> {
        let mut pieces = Vec::new();
        let mut got = 0;
        let mut buf = [0u8; 1024];
        while got < total {
            let n = stream.read(&mut buf).expect("a piece");
            assert!(n > 0, "closed early");
            pieces.push(buf[..n].to_vec());
            got += n;
        }
        pieces
    }

    #[test]
    fn a_line_comes_back_in_pieces() {
        let lab = lab("trickle");
        let mut stream = connect(lab.addr);
        stream.write_all(b"hello world\n").expect("send");
        let started = Instant::now();
        let cut = pieces(&mut stream, 12);
        assert_eq!(cut.concat(), b"hello world\n");
        assert!(cut.len() >= 3, "came in {} pieces: {cut:?}", cut.len());
        assert!(started.elapsed() >= Duration::from_millis(250));
        // Binary lines come back as they went.
        stream.write_all(b"\x00\xff\x01\n").expect("send");
        assert_eq!(pieces(&mut stream, 4).concat(), b"\x00\xff\x01\n");
    }

    #[test]
    fn overlong_lines_silence_and_resets() {
        let lab = lab_with("trickle", impatient(Kind::Trickle));
        let mut flood = connect(lab.addr);
        let got = send_while_reading(&mut flood, ten_megabytes_of(b'a'), true);
        let said = String::from_utf8_lossy(&got);
        assert_eq!(
            said,
            "socklab trickle: a line may hold at most 256 bytes; closing\n"
        );
        let mut silent = connect(lab.addr);
        assert_closed_by_server(&mut silent, WAIT);
        // Reset while it is still trickling.
        let mut quitter = connect(lab.addr);
        quitter
            .write_all(b"a long line to trickle\n")
            .expect("send");
        let mut first = [0u8; 3];
        quitter.read_exact(&mut first).expect("the first piece");
        reset(quitter);
        let mut after = connect(lab.addr);
        after.write_all(b"ok\n").expect("send");
        assert_eq!(pieces(&mut after, 3).concat(), b"ok\n");
    }

    #[test]
    fn over_the_connection_limit_is_refused() {
        let lab = lab_with("trickle", limited(Kind::Trickle, 5));
        let mut held: Vec<TcpStream> = (0..5).map(|_| connect(lab.addr)).collect();
        for stream in &mut held {
            stream.write_all(b"a\n").expect("send");
            assert_eq!(pieces(stream, 2).concat(), b"a\n");
        }
        let mut refused = connect(lab.addr);
        let said = String::from_utf8_lossy(&read_to_close(&mut refused)).into_owned();
        assert!(said.contains("socklab trickle: busy"), "{said:?}");
    }
}

mod api {
    use super::*;

    #[test]
    fn start_list_stop() {
        let mut services = Services::new();
        let echo = services.start("echo", "127.0.0.1", Some(0)).expect("echo");
        // TCP and UDP echo can share the port number: the kernel keeps them apart.
        let udp = services
            .start("echo/udp", "127.0.0.1", Some(echo.addr.port()))
            .expect("echo/udp");
        let http = services.start("http", "127.0.0.1", Some(0)).expect("http");
        assert_eq!(
            services.list(),
            vec![echo.clone(), udp.clone(), http.clone()]
        );
        assert_eq!(echo.to_string(), format!("echo (TCP) on {}", echo.addr));
        assert!(echo.warning.is_none(), "loopback needs no warning");

        let mut peer = connect(echo.addr);
        peer.write_all(b"x").expect("send");
        assert_eq!(read_exact(&mut peer, 1), b"x");

        let stopped = services.stop("echo").expect("stops");
        assert_eq!(stopped, vec![echo.clone(), udp]);
        assert_eq!(services.list(), vec![http.clone()]);
        // On return, the listening socket and every peer's socket are closed.
        assert_eq!(read_to_close(&mut peer), b"");
        assert!(TcpStream::connect(echo.addr).is_err());
        // ... and the port can be taken again at once.
        let again = services
            .start("echo", "127.0.0.1", Some(echo.addr.port()))
            .expect("restart");
        assert_eq!(again.addr, echo.addr);

        assert_eq!(services.stop("all").expect("all").len(), 2);
        assert!(services.list().is_empty());
    }

    #[test]
    fn errors_say_what_is_wrong() {
        let mut services = Services::new();
        let echo = services.start("echo", "127.0.0.1", Some(0)).expect("echo");
        let twice = services.start("echo", "127.0.0.1", Some(0));
        assert!(matches!(twice, Err(LabError::AlreadyRunning(_))));

        let mut other = Services::new();
        let in_use = other
            .start("echo", "127.0.0.1", Some(echo.addr.port()))
            .expect_err("the port is taken");
        assert!(matches!(in_use, LabError::PortInUse { .. }));
        let message = in_use.to_string();
        assert!(
            message.contains(&format!("port {}", echo.addr.port())),
            "{message}"
        );
        assert!(message.contains("already in use"), "{message}");

        let unknown = services
            .start("ehco", "127.0.0.1", None)
            .expect_err("unknown");
        assert!(unknown
            .to_string()
            .contains("echo, daytime, upper, http, chat, trickle"));
        assert!(matches!(
            services.start("http/udp", "127.0.0.1", Some(0)),
            Err(LabError::NoSuchTransport { .. })
        ));
        assert!(matches!(
            services.stop("chat"),
            Err(LabError::NotRunning(_))
        ));
        assert!(matches!(
            services.stop("nope"),
            Err(LabError::UnknownService(_))
        ));
    }

    #[test]
    fn dropping_the_session_stops_everything() {
        let mut services = Services::new();
        let chat = services.start("chat", "127.0.0.1", Some(0)).expect("chat");
        let upper = services
            .start("upper", "127.0.0.1", Some(0))
            .expect("upper");
        let member = connect(chat.addr);
        let mut reader = BufReader::new(member);
        assert!(read_line(&mut reader).starts_with("* welcome"));
        drop(services);
        assert!(TcpStream::connect(chat.addr).is_err());
        let mut rest = Vec::new();
        reader.read_to_end(&mut rest).expect("closed, not reset");
        assert_eq!(rest, b"* your nickname?\n");
        // The UDP port is free again: binding it succeeds.
        assert!(UdpSocket::bind(upper.addr).is_ok());
    }

    #[test]
    fn the_log_has_a_line_per_peer_event() {
        let mut services = Services::new();
        let echo = services.start("echo", "127.0.0.1", Some(0)).expect("echo");
        let mut peer = connect(echo.addr);
        let local = peer.local_addr().expect("local");
        peer.write_all(b"abc").expect("send");
        read_exact(&mut peer, 3);
        drop(peer);
        let mut lines = Vec::new();
        eventually("the peer's leaving is logged", || {
            lines.extend(services.drain_log());
            lines.iter().any(|l| l.contains("left"))
        });
        assert_eq!(lines[0], format!("echo: {local} connected"));
        assert!(lines[1].starts_with(&format!("echo: {local} left after ")));
        assert!(
            lines[1].ends_with("closed by the peer; echoed 3 bytes"),
            "{lines:?}"
        );
    }

    #[test]
    fn one_request_is_logged_in_the_singular() {
        let mut services = Services::new();
        let http = services.start("http", "127.0.0.1", Some(0)).expect("http");
        let mut peer = connect(http.addr);
        peer.write_all(b"GET / HTTP/1.0\r\n\r\n").expect("send");
        read_to_close(&mut peer);
        let mut lines = Vec::new();
        eventually("the peer's leaving is logged", || {
            lines.extend(services.drain_log());
            lines.iter().any(|l| l.contains(" left "))
        });
        let left = lines.iter().find(|l| l.contains(" left ")).expect("left");
        assert!(left.ends_with("served 1 request"), "{lines:?}");
    }

    #[test]
    fn the_catalogue_names_every_service_and_its_ports() {
        let entries = catalogue();
        let rows: Vec<(&str, u16, Option<u16>)> = entries
            .iter()
            .map(|e| (e.name, e.default_port, e.real_port))
            .collect();
        assert_eq!(
            rows,
            vec![
                ("echo", 7007, Some(7)),
                ("daytime", 1313, Some(13)),
                ("upper", 11111, None),
                ("http", 8080, Some(80)),
                ("chat", 6667, None),
                ("trickle", 7070, None),
            ]
        );
    }
}
