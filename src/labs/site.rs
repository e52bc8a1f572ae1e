//! The web site the `http` service serves, compiled into the binary.
//!
//! There is no document root on disk: a request can only ever name one of these pages,
//! so no path, however crafted, can read a file of the machine.

use std::sync::OnceLock;

/// One page: its `Content-Type` and its bytes.
pub(crate) struct Page {
    pub content_type: &'static str,
    pub body: &'static [u8],
}

const HTML: &str = "text/html; charset=utf-8";
const TEXT: &str = "text/plain; charset=utf-8";

const INDEX: &str = r#"<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>socklab: a web server on your own machine</title>
<link rel="stylesheet" href="/style.css">
</head>
<body>
<h1>It works!</h1>
<p>This page came from socklab's <code>http</code> lab service, over a TCP connection
from your program to this machine. The lecture's client, in Python 3, asks for it like
this (a request is bytes, so the string is <code>b"..."</code>):</p>
<pre>
from socket import *
s = socket(AF_INET, SOCK_STREAM)
s.connect(('127.0.0.1', 8080))
s.send(b"GET /index.html HTTP/1.0\r\n\r\n")
data = s.recv(10000)
print(data.decode())
s.close()
</pre>
<p>Other pages:</p>
<ul>
<li><a href="/about.html">about.html</a>: what a request and a response look like</li>
<li><a href="/hello.txt">hello.txt</a>: plain text</li>
<li><a href="/data.json">data.json</a>: JSON, as an API would send it</li>
<li><a href="/big.txt">big.txt</a>: about 100 KB, more than one <code>recv</code> returns</li>
</ul>
</body>
</html>
"#;

const ABOUT: &str = r#"<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>About HTTP</title>
<link rel="stylesheet" href="/style.css">
</head>
<body>
<h1>A request and its response</h1>
<p>The client sends a request line, header lines, and an empty line:</p>
<pre>
GET /about.html HTTP/1.0
Host: 127.0.0.1

</pre>
<p>The server answers with a status line, header lines, an empty line, and the page:</p>
<pre>
HTTP/1.0 200 OK
Content-Type: text/html; charset=utf-8
Content-Length: (the size of the page, in bytes)
Connection: close

&lt;!DOCTYPE html&gt; ...
</pre>
<p><code>Content-Length</code> says how many bytes follow the empty line, so the
client knows when the page is complete without waiting for the connection to close.</p>
<p><a href="/index.html">Back to the start</a></p>
</body>
</html>
"#;

const STYLE: &str = "body { font-family: sans-serif; max-width: 40em; margin: 2em auto; }\n\
pre { background: #f4f4f4; padding: 0.5em; }\n";

const HELLO: &str = "Hello, network!\n";

const DATA: &str = r#"{
  "service": "socklab http",
  "pages": ["/index.html", "/about.html", "/hello.txt", "/data.json", "/big.txt"],
  "ports": {"echo": 7007, "daytime": 1313, "upper": 11111, "http": 8080, "chat": 6667, "trickle": 7070}
}
"#;

/// Lines in `/big.txt`: 2000 lines of 50 bytes, 100 000 bytes in all.
const BIG_LINES: usize = 2000;

/// `/big.txt`: numbered lines, so a student can see which part each `recv` returned.
fn big() -> &'static [u8] {
    static BIG: OnceLock<Vec<u8>> = OnceLock::new();
    BIG.get_or_init(|| {
        let mut text = String::with_capacity(BIG_LINES * 50);
        for n in 1..=BIG_LINES {
            // Each line is exactly 50 bytes: "line 0001 of 2000: " (19) + 30 + "\n" (1).
            text.push_str(&format!(
                "line {n:04} of {BIG_LINES}: the quick brown fox jumps over\n"
            ));
        }
        text.into_bytes()
    })
}

/// The page at `path` (already decoded and checked), if the site has one.
pub(crate) fn page(path: &str) -> Option<Page> {
    let path = match path {
        "/" | "/index.htm" => "/index.html",
        other => other,
    };
    let (content_type, body): (&'static str, &'static [u8]) = match path {
        "/index.html" => (HTML, INDEX.as_bytes()),
        "/about.html" => (HTML, ABOUT.as_bytes()),
        "/style.css" => ("text/css; charset=utf-8", STYLE.as_bytes()),
        "/hello.txt" => (TEXT, HELLO.as_bytes()),
        "/data.json" => ("application/json", DATA.as_bytes()),
        "/big.txt" => (TEXT, big()),
        _ => return None,
    };
    Some(Page { content_type, body })
}

/// Every page's path.
pub(crate) const PATHS: [&str; 6] = [
    "/index.html",
    "/about.html",
    "/style.css",
    "/hello.txt",
    "/data.json",
    "/big.txt",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_has_a_page_and_big_is_100_kb() {
        for path in PATHS {
            assert!(page(path).is_some(), "{path}");
        }
        assert_eq!(big().len(), 100_000);
        assert!(big().starts_with(b"line 0001 of 2000: the quick brown fox jumps over\nline 0002"));
    }
}
