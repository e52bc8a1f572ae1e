import urllib.parse
from urllib.parse import urlparse, urlsplit, urlunparse, urlunsplit, urljoin
from urllib.parse import urlencode, quote, quote_plus, unquote, unquote_plus, parse_qs, parse_qsl

u = urlparse("http://user:pw@Example.COM:8080/path/to;p=1/page.html?q=1&r=two#frag")
print(u)
print(u.scheme, u.netloc, u.path, u.params, u.query, u.fragment)
print(u.hostname, u.port, u.username, u.password, u.geturl())
print(u[0], u[1], len(u), tuple(u)[:2], isinstance(u, tuple), type(u).__name__)
scheme, netloc, path, params, query, fragment = u
print(scheme, netloc, path)
s = urlsplit("https://[::1]:8443/a/b?x=1#top")
print(s, s.hostname, s.port, s.geturl())
print(urlparse("localhost:8000"), urlparse("//127.0.0.1/x").hostname, urlparse("/just/a/path?k=v"))
print(urlparse("http://127.0.0.1").port, urlparse("HTTP://Host/").scheme, urlparse("x", scheme="http"))
print(urlparse("http://h/p#f", allow_fragments=False))
print(urlunparse(("http", "127.0.0.1:80", "/a", "", "b=1", "c")), urlunsplit(("https", "h", "p", "", "")))
print(urlunparse(u), urlunsplit(s), urlunsplit(("mailto", "", "me@example.org", "", "")))
print(u._replace(netloc="localhost").geturl(), u._asdict()["query"])
for ref in ["g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "..", "../g", "../..", "../../../g", "", "http://other/x", "ftp://f/"]:
    print(repr(ref), "->", urljoin("http://a/b/c/d;p?q", ref))
print(urljoin("http://127.0.0.1:8000/api/", "v1/items"), urljoin("", "x"))
print(urlencode({"q": "socket programming", "page": 2, "lang": "en&fr"}))
print(urlencode([("a", 1), ("a", 2), ("b", "x y")]), urlencode({"k": [1, 2]}, doseq=True), urlencode({"k": [1, 2]}))
print(urlencode({"path": "/a b"}, safe="/"), urlencode({"x": b"\xff"}), urlencode({}))
print(quote("/a path/ü?x=1&y"), quote("a/b", safe=""), quote(b"\x00ab"), quote(""), quote("~_.-"))
print(quote_plus("a b&c=d/e"), quote_plus("no-space"), quote_plus("a b", safe="/"))
print(unquote("%2Fa%20path%2F%C3%BC"), unquote("bad%zzescape%"), unquote("%C3"), unquote("plain"), unquote(b"%41"))
print(unquote_plus("a+b%2Bc"), urllib.parse.unquote_to_bytes("%00%ff"), urllib.parse.quote_from_bytes(b"a b"))
print(parse_qs("a=1&b=2&a=3&empty=&flag"), parse_qs("a=1&empty=", keep_blank_values=True))
print(parse_qsl("x=1;y=2", separator=";"), parse_qsl("q=hello+world%21&z=%E2%9C%93"))
print(parse_qsl("a&b=", keep_blank_values=True), urllib.parse.urldefrag("http://h/p#frag"))


def attempt(fn):
    try:
        fn()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)


attempt(lambda: urlparse("http://h:99999/").port)
attempt(lambda: urlparse("http://h:abc/").port)
attempt(lambda: urlsplit("http://[::1/"))
attempt(lambda: urlencode("abc"))
attempt(lambda: parse_qsl("a=1&b", strict_parsing=True))
attempt(lambda: parse_qsl("a=1&b=2", max_num_fields=1))
attempt(lambda: quote(5))
u.scheme = "ftp"
