//! http: a small web server (HTTP/1.0 and 1.1, `GET` and `HEAD`) for the built-in site.
//!
//! A request is lines of text ending in an empty line; the lecture's client sends the
//! shortest one there is (bare `\n` line ends are accepted, as most servers do):
//!
//! ```text
//! GET /index.html HTTP/1.0\n          request line: METHOD TARGET VERSION
//! \n                                  empty line: the request head is complete
//! ```
//!
//! and the answer is a status line, header lines, an empty line and the body:
//!
//! ```text
//! HTTP/1.0 200 OK\r\n
//! Content-Type: text/html; charset=utf-8\r\n
//! Content-Length: 1061\r\n              how many body bytes follow the empty line
//! Connection: close\r\n                 and then the server closes
//! \r\n
//! <!DOCTYPE html>...
//! ```
//!
//! HTTP/1.1 keeps the connection open for more requests unless the client sends
//! `Connection: close`; HTTP/1.0 closes after one unless it sends `Connection: keep-alive`.
//!
//! Refusals: `400` for a request that is not HTTP (or a path that climbs out of the site
//! with `..`, even percent-encoded), `404` for a page the site does not have, `405` for a
//! method other than GET and HEAD, `408` for a request not finished within the idle
//! timeout, `413` for a body over 1 MiB, `431` for a head over `Limits::max_request`,
//! `505` for a version other than 1.0 and 1.1. After any refusal the server closes.

use super::context::{idle_error, Ctx};
use super::peer_io::{linger_close, IdleTimer};
use super::site;
use super::utc::UtcTime;
use crate::view::english::count;
use std::io;
use std::net::SocketAddr;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The largest request body read (and thrown away): GET and HEAD carry none in practice.
const MAX_BODY: usize = 1024 * 1024;

/// HTTP/1.0 or HTTP/1.1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    Http10,
    Http11,
}

impl Version {
    fn as_str(self) -> &'static str {
        match self {
            Version::Http10 => "HTTP/1.0",
            Version::Http11 => "HTTP/1.1",
        }
    }
}

/// A parsed request head.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestHead {
    pub method: String,
    /// The target as sent (`/a%20b?x=1`).
    pub target: String,
    /// The decoded path, checked to stay inside the site (`/a b`).
    pub path: String,
    pub version: Version,
    pub headers: Vec<(String, String)>,
    /// Whether the connection stays open after the response.
    pub keep_alive: bool,
    /// Body bytes that follow the head.
    pub content_length: usize,
}

/// Why a request is refused: the status to answer with and a sentence for the learner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    pub status: u16,
    pub explanation: String,
}

fn reject(status: u16, explanation: impl Into<String>) -> Rejection {
    Rejection {
        status,
        explanation: explanation.into(),
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Error",
    }
}

/// The characters HTTP allows in a method or a header name (RFC 9110's `tchar`).
fn is_token(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// Where the request head in `buf` ends (just past its empty line), if it is complete.
fn head_end(buf: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = buf[from..].iter().position(|&b| b == b'\n') {
        let nl = from + i;
        match buf.get(nl + 1..) {
            Some([b'\n', ..]) => return Some(nl + 2),
            Some([b'\r', b'\n', ..]) => return Some(nl + 3),
            _ => from = nl + 1,
        }
    }
    None
}

/// Percent-decode a path (`%2e` is `.`); `None` if a `%` is not followed by two hex digits.
fn percent_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// Decode the target's path and make sure it stays inside the site.
fn site_path(target: &str) -> Result<String, Rejection> {
    // An absolute-form target (`http://host/path`) names the same path.
    let target = match target.strip_prefix("http://") {
        Some(rest) => rest.find('/').map_or("/", |slash| &rest[slash..]),
        None => target,
    };
    if !target.starts_with('/') {
        return Err(reject(400, "the target must be a path starting with /"));
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_decode(path)
        .ok_or_else(|| reject(400, "a % in the path must be followed by two hex digits"))?;
    let decoded = String::from_utf8(decoded)
        .map_err(|_| reject(400, "the decoded path is not valid UTF-8"))?;
    if decoded.contains('\0') || decoded.contains('\\') {
        return Err(reject(400, "the path holds a NUL or a backslash"));
    }
    // Checked after decoding, so `%2e%2e` is caught as well as `..`.
    if decoded
        .split('/')
        .any(|segment| segment == ".." || segment == ".")
    {
        return Err(reject(
            400,
            "the path has a . or .. segment: paths may not climb out of the site",
        ));
    }
    Ok(decoded)
}

/// Parse a request head (everything up to and including its empty line).
pub fn parse_request_head(head: &[u8]) -> Result<RequestHead, Rejection> {
    let text = std::str::from_utf8(head)
        .map_err(|_| reject(400, "the request head is not text (not valid UTF-8)"))?;
    let mut lines = text
        .split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        // Blank lines before the request line are tolerated (RFC 9112 section 2.2).
        .skip_while(|line| line.is_empty());
    let request_line = lines.next().unwrap_or("");
    let parts: Vec<&str> = request_line.split(' ').collect();
    let [method, target, version] = parts[..] else {
        return Err(reject(
            400,
            "a request line is METHOD PATH VERSION, one space apart, e.g. GET /index.html HTTP/1.0",
        ));
    };
    if !is_token(method) || target.is_empty() {
        return Err(reject(400, "the method or the target is malformed"));
    }
    let version = match version {
        "HTTP/1.0" => Version::Http10,
        "HTTP/1.1" => Version::Http11,
        v if v.len() == 8
            && v.starts_with("HTTP/")
            && v.as_bytes()[5].is_ascii_digit()
            && v.as_bytes()[6] == b'.'
            && v.as_bytes()[7].is_ascii_digit() =>
        {
            return Err(reject(505, "this server speaks HTTP/1.0 and HTTP/1.1"));
        }
        _ => return Err(reject(400, "the version must be HTTP/1.0 or HTTP/1.1")),
    };

    let mut headers = Vec::new();
    for line in lines {
        if line.is_empty() {
            break;
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(reject(
                400,
                format!("a header line needs a colon: {line:?}"),
            ));
        };
        if !is_token(name) {
            return Err(reject(400, format!("malformed header name {name:?}")));
        }
        headers.push((name.to_ascii_lowercase(), value.trim().to_string()));
    }
    fn values<'a>(
        headers: &'a [(String, String)],
        name: &'static str,
    ) -> impl Iterator<Item = &'a str> {
        headers
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
    let header_values = |name: &'static str| values(&headers, name);

    if version == Version::Http11 && header_values("host").next().is_none() {
        return Err(reject(400, "an HTTP/1.1 request must have a Host header"));
    }
    if header_values("transfer-encoding").next().is_some() {
        return Err(reject(400, "this server does not accept Transfer-Encoding"));
    }
    let mut content_length = None;
    for value in header_values("content-length") {
        let length = value
            .parse::<usize>()
            .ok()
            .filter(|_| value.bytes().all(|b| b.is_ascii_digit()))
            .ok_or_else(|| reject(400, "Content-Length must be a number"))?;
        if content_length.is_some_and(|seen| seen != length) {
            return Err(reject(400, "two different Content-Length headers"));
        }
        content_length = Some(length);
    }
    let connection: Vec<String> = header_values("connection")
        .flat_map(|v| v.split(','))
        .map(|token| token.trim().to_ascii_lowercase())
        .collect();
    let keep_alive = match version {
        Version::Http11 => !connection.iter().any(|t| t == "close"),
        Version::Http10 => connection.iter().any(|t| t == "keep-alive"),
    };

    let path = site_path(target)?;
    Ok(RequestHead {
        method: method.to_string(),
        target: target.to_string(),
        path,
        version,
        headers,
        keep_alive,
        content_length: content_length.unwrap_or(0),
    })
}

/// Build a response: status line, headers, empty line, and (unless `head_only`) body.
fn response(
    version: Version,
    status: u16,
    content_type: &str,
    body: &[u8],
    head_only: bool,
    keep_alive: bool,
    extra_headers: &str,
) -> Vec<u8> {
    let connection = match (keep_alive, version) {
        (false, _) => "Connection: close\r\n",
        (true, Version::Http10) => "Connection: keep-alive\r\n",
        (true, Version::Http11) => "",
    };
    let head = format!(
        "{} {status} {}\r\nDate: {}\r\nServer: socklab\r\nContent-Type: {content_type}\r\n\
         Content-Length: {}\r\n{extra_headers}{connection}\r\n",
        version.as_str(),
        reason(status),
        UtcTime::now().http_date(),
        body.len(),
    );
    let mut bytes = head.into_bytes();
    if !head_only {
        bytes.extend_from_slice(body);
    }
    bytes
}

fn error_response(
    version: Version,
    rejection: &Rejection,
    head_only: bool,
    keep_alive: bool,
) -> Vec<u8> {
    let body = format!(
        "{} {}: {}\n",
        rejection.status,
        reason(rejection.status),
        rejection.explanation
    );
    let extra = if rejection.status == 405 {
        "Allow: GET, HEAD\r\n"
    } else {
        ""
    };
    response(
        version,
        rejection.status,
        "text/plain; charset=utf-8",
        body.as_bytes(),
        head_only,
        keep_alive,
        extra,
    )
}

/// The 503 a peer over the connection limit receives.
pub(crate) fn busy_response(reason: &str) -> Vec<u8> {
    response(
        Version::Http11,
        503,
        "text/plain; charset=utf-8",
        reason.as_bytes(),
        false,
        false,
        "Retry-After: 1\r\n",
    )
}

/// The response to a well-formed request head.
fn answer(request: &RequestHead) -> (u16, Vec<u8>) {
    let head_only = request.method == "HEAD";
    if request.method != "GET" && !head_only {
        let rejection = reject(
            405,
            format!("this server answers GET and HEAD, not {}", request.method),
        );
        return (
            405,
            error_response(request.version, &rejection, false, false),
        );
    }
    match site::page(&request.path) {
        Some(page) => (
            200,
            response(
                request.version,
                200,
                page.content_type,
                page.body,
                head_only,
                request.keep_alive,
                "",
            ),
        ),
        None => {
            let rejection = reject(
                404,
                format!(
                    "there is no page {}; the site has {}",
                    request.path,
                    site::PATHS.join(", ")
                ),
            );
            // A missing page is the client's mistake, not a broken connection: keep it open.
            (
                404,
                error_response(request.version, &rejection, head_only, request.keep_alive),
            )
        }
    }
}

/// Serve requests on one connection until it closes, a request is refused, or it idles.
pub(crate) async fn serve_peer(
    mut stream: TcpStream,
    peer: SocketAddr,
    ctx: &Ctx,
) -> io::Result<String> {
    let limit = ctx.limits.idle_timeout;
    let cap = ctx.limits.max_request;
    let mut idle = IdleTimer::new(limit);
    let mut buf: Vec<u8> = Vec::with_capacity(1024);
    let mut chunk = vec![0u8; 8 * 1024];
    let mut served = 0u32;
    loop {
        // Gather one request head.
        let end = loop {
            let blank = buf
                .iter()
                .take_while(|&&b| b == b'\r' || b == b'\n')
                .count();
            buf.drain(..blank);
            if let Some(end) = head_end(&buf) {
                break end;
            }
            if buf.len() > cap {
                let rejection = reject(431, format!("the request head is over {cap} bytes"));
                return refuse(stream, peer, ctx, &rejection, served).await;
            }
            let n = tokio::select! {
                read = stream.read(&mut chunk) => read?,
                () = idle.expired() => {
                    if buf.is_empty() {
                        return Err(idle_error(limit));
                    }
                    let rejection = reject(408, "the request was not finished in time");
                    return refuse(stream, peer, ctx, &rejection, served).await;
                }
            };
            if n == 0 {
                return Ok(if buf.is_empty() {
                    format!(
                        "closed by the peer after {}",
                        count(served.into(), "request")
                    )
                } else {
                    format!(
                        "closed by the peer in the middle of a request, after {}",
                        count(served.into(), "request")
                    )
                });
            }
            idle.touch();
            buf.extend_from_slice(&chunk[..n]);
        };
        if end > cap {
            let rejection = reject(431, format!("the request head is over {cap} bytes"));
            return refuse(stream, peer, ctx, &rejection, served).await;
        }
        let request = match parse_request_head(&buf[..end]) {
            Ok(request) => request,
            Err(rejection) => return refuse(stream, peer, ctx, &rejection, served).await,
        };
        buf.drain(..end);

        // Skip a body, which GET and HEAD do not use.
        if request.content_length > MAX_BODY {
            let rejection = reject(413, format!("the body is over {MAX_BODY} bytes"));
            return refuse(stream, peer, ctx, &rejection, served).await;
        }
        let mut body_left = request.content_length;
        let from_buf = body_left.min(buf.len());
        buf.drain(..from_buf);
        body_left -= from_buf;
        while body_left > 0 {
            let n = tokio::select! {
                read = stream.read(&mut chunk) => read?,
                () = idle.expired() => return Err(idle_error(limit)),
            };
            if n == 0 {
                return Ok("closed by the peer in the middle of a request body".into());
            }
            idle.touch();
            let used = n.min(body_left);
            body_left -= used;
            buf.extend_from_slice(&chunk[used..n]);
        }

        let (status, bytes) = answer(&request);
        let keep_alive = request.keep_alive && status != 405;
        ctx.log(format_args!(
            "{peer} \"{} {} {}\" {status} {}",
            request.method,
            request.target,
            request.version.as_str(),
            bytes.len()
        ));
        tokio::time::timeout(limit, stream.write_all(&bytes))
            .await
            .map_err(|_| idle_error(limit))??;
        served += 1;
        if !keep_alive {
            linger_close(stream).await;
            return Ok(format!("served {}", count(served.into(), "request")));
        }
        idle.touch();
    }
}

/// Answer with an error, then close.
async fn refuse(
    mut stream: TcpStream,
    peer: SocketAddr,
    ctx: &Ctx,
    rejection: &Rejection,
    served: u32,
) -> io::Result<String> {
    ctx.log(format_args!(
        "{peer} refused: {} {} ({})",
        rejection.status,
        reason(rejection.status),
        rejection.explanation
    ));
    let bytes = error_response(Version::Http11, rejection, false, false);
    tokio::time::timeout(ctx.limits.idle_timeout, stream.write_all(&bytes))
        .await
        .map_err(|_| idle_error(ctx.limits.idle_timeout))??;
    linger_close(stream).await;
    Ok(format!(
        "refused with {} after {}",
        rejection.status,
        count(served.into(), "request")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status_of(head: &str) -> u16 {
        match parse_request_head(head.as_bytes()) {
            Ok(request) => answer(&request).0,
            Err(rejection) => rejection.status,
        }
    }

    #[test]
    fn the_lectures_request() {
        let request = parse_request_head(b"GET /index.html HTTP/1.0\n\n").expect("parses");
        assert_eq!(request.path, "/index.html");
        assert_eq!(request.version, Version::Http10);
        assert!(!request.keep_alive);
    }

    #[test]
    fn statuses() {
        assert_eq!(status_of("GET / HTTP/1.1\r\nHost: x\r\n\r\n"), 200);
        assert_eq!(status_of("HEAD /hello.txt HTTP/1.0\r\n\r\n"), 200);
        assert_eq!(status_of("GET /nope HTTP/1.0\r\n\r\n"), 404);
        assert_eq!(status_of("POST / HTTP/1.0\r\n\r\n"), 405);
        assert_eq!(status_of("GET / HTTP/1.1\r\n\r\n"), 400);
        assert_eq!(status_of("GET / HTTP/2.0\r\n\r\n"), 505);
        assert_eq!(status_of("GET /\r\n\r\n"), 400);
        assert_eq!(status_of("GET  / HTTP/1.0\r\n\r\n"), 400);
        assert_eq!(status_of("GET / HTTP/1.0\r\nno colon\r\n\r\n"), 400);
        assert_eq!(
            status_of("GET / HTTP/1.0\r\nContent-Length: x\r\n\r\n"),
            400
        );
        assert_eq!(status_of("G(T / HTTP/1.0\r\n\r\n"), 400);
    }

    #[test]
    fn paths_may_not_climb_out() {
        for target in [
            "/../etc/passwd",
            "/a/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2e%2fetc",
            "/./index.html",
            "/..%2f..%2fetc",
            "/a%5c..%5cb",
            "/%00",
            "/%zz",
            "etc/passwd",
        ] {
            assert_eq!(
                status_of(&format!("GET {target} HTTP/1.0\r\n\r\n")),
                400,
                "{target}"
            );
        }
        // Double encoding decodes once, to a literal "%2e%2e" that names no page.
        assert_eq!(status_of("GET /%252e%252e/x HTTP/1.0\r\n\r\n"), 404);
    }

    #[test]
    fn head_end_accepts_bare_newlines() {
        assert_eq!(head_end(b"GET / HTTP/1.0\n\nrest"), Some(16));
        assert_eq!(head_end(b"GET / HTTP/1.0\r\n\r\nrest"), Some(18));
        assert_eq!(head_end(b"GET / HTTP/1.0\r\nHost: x\r\n"), None);
    }
}
