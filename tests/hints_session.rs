//! The hint under each of the lecture's classic mistakes, made for real in a session
//! (the REPL's engine) on loopback sockets: the facts come from the socket table and the
//! student's own text, as they do when a student types them.
//!
//! No test names any host but localhost: hints about outside hosts are tested on the
//! hint function itself (`src/hints.rs`), never by looking a name up.

use socklab::session::{Session, SessionOptions};

fn session() -> Session {
    Session::new(SessionOptions::default()).expect("session")
}

/// Run `setup` (which must succeed), then `entry`; return the error's class, its
/// message and its hint.
fn mistake(s: &mut Session, setup: &str, entry: &str) -> (String, String, String) {
    if !setup.is_empty() {
        let o = s.run(setup);
        assert!(o.ok(), "setup failed: {:?}", o.error);
    }
    let e = s
        .run(entry)
        .error
        .unwrap_or_else(|| panic!("{entry} did not fail"));
    (e.class, e.message, e.hint.unwrap_or_default())
}

const LISTENING: &str = "import socket\nsrv = socket.socket()\nsrv.bind(('127.0.0.1', 0))\nsrv.listen(1)\nPORT = srv.getsockname()[1]";

#[test]
fn accept_before_listen() {
    let mut s = session();
    let (class, msg, hint) = mistake(
        &mut s,
        "import socket\nsrv = socket.socket()\nsrv.bind(('127.0.0.1', 0))",
        "srv.accept()",
    );
    assert_eq!(
        (class.as_str(), msg.as_str()),
        ("OSError", "[Errno 22] Invalid argument")
    );
    assert_eq!(
        hint,
        "accept() needs a listening socket: call srv.listen() first (after bind())"
    );
}

#[test]
fn recv_and_send_on_a_listening_socket() {
    let mut s = session();
    let (class, _, hint) = mistake(&mut s, LISTENING, "srv.recv(1024)");
    assert_eq!(class, "OSError");
    assert!(
        hint.starts_with("srv is listening: it only accept()s connections"),
        "{hint}"
    );
    assert!(
        hint.contains("conn, addr = srv.accept(), then conn.recv(1024)"),
        "{hint}"
    );
    let (class, _, hint) = mistake(&mut s, "", "srv.send(b'hi')");
    assert_eq!(class, "BrokenPipeError");
    assert!(hint.starts_with("srv is listening"), "{hint}");
    assert!(!hint.contains("peer closed"), "{hint}");
}

#[test]
fn a_socket_that_never_had_a_peer_is_not_told_its_peer_closed() {
    let mut s = session();
    let (class, _, hint) = mistake(
        &mut s,
        "import socket\nc = socket.socket()",
        "c.send(b'hi')",
    );
    assert_eq!(class, "BrokenPipeError");
    assert_eq!(
        hint,
        "c was never connected, so there is no peer to send to: connect() it to a server first"
    );
    let (class, _, hint) = mistake(&mut s, "", "c.recv(1024)");
    assert_eq!(class, "OSError");
    assert!(
        hint.starts_with("c is not connected: a client connect()s first"),
        "{hint}"
    );
}

#[test]
fn accepts_tuple_used_as_a_socket() {
    let mut s = session();
    let (class, msg, hint) = mistake(
        &mut s,
        &format!(
            "{LISTENING}\nc = socket.socket()\nc.connect(('127.0.0.1', PORT))\nconn = srv.accept()"
        ),
        "conn.send(b'hi')",
    );
    assert_eq!(class, "AttributeError");
    assert_eq!(msg, "'tuple' object has no attribute 'send'");
    assert!(
        hint.starts_with("accept() returns a pair (socket, address), not a socket: write conn, addr = s.accept(), then conn.send(...)"),
        "{hint}"
    );
}

#[test]
fn socket_module_and_class_confused() {
    let mut s = session();
    let (class, _, hint) = mistake(
        &mut s,
        "import socket",
        "s = socket(socket.AF_INET, socket.SOCK_STREAM)",
    );
    assert_eq!(class, "TypeError");
    assert!(
        hint.starts_with("after import socket, the name socket is the module: write socket.socket(socket.AF_INET, socket.SOCK_STREAM)"),
        "{hint}"
    );
    let mut s = session();
    let (class, _, hint) = mistake(&mut s, "from socket import *", "s = socket.socket()");
    assert_eq!(class, "AttributeError");
    assert!(
        hint.starts_with("after from socket import *, the name socket is the class itself"),
        "{hint}"
    );
}

#[test]
fn bind_with_two_arguments() {
    let mut s = session();
    let (class, msg, hint) = mistake(
        &mut s,
        "import socket\ns = socket.socket()",
        "s.bind(\"127.0.0.1\", 40000)",
    );
    assert_eq!(class, "TypeError");
    assert_eq!(msg, "socket.bind() takes exactly one argument (2 given)");
    assert_eq!(
        hint,
        "bind() takes one address, a (host, port) tuple: s.bind((\"127.0.0.1\", 40000)) with two pairs of parentheses"
    );
}

#[test]
fn broadcast_without_so_broadcast_and_with_it() {
    let mut s = session();
    let (class, _, hint) = mistake(
        &mut s,
        "import socket\nu = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)",
        "u.sendto(b'hi', ('127.255.255.255', 40000))",
    );
    assert_eq!(class, "PermissionError");
    assert_eq!(
        hint,
        "sending to a broadcast address needs permission first: u.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)"
    );
    // With the option set the datagram goes (to 127.255.255.255 only, on loopback).
    let o = s.run("u.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)\nu.sendto(b'hi', ('127.255.255.255', 40000))");
    assert!(o.ok(), "{:?}", o.error);
}

#[test]
fn using_a_closed_socket_and_connecting_twice() {
    let mut s = session();
    let (class, msg, hint) = mistake(
        &mut s,
        "import socket\nc = socket.socket()\nc.close()",
        "c.send(b'hi')",
    );
    assert_eq!(
        (class.as_str(), msg.as_str()),
        ("OSError", "[Errno 9] Bad file descriptor")
    );
    assert!(
        hint.starts_with("c was closed: a closed socket cannot be used again"),
        "{hint}"
    );
    let mut s = session();
    let (class, msg, hint) = mistake(
        &mut s,
        &format!("{LISTENING}\nc = socket.socket()\nc.connect(('127.0.0.1', PORT))"),
        "c.connect(('127.0.0.1', PORT))",
    );
    assert_eq!(class, "OSError");
    assert!(msg.starts_with("[Errno 106]"), "{msg}");
    assert!(
        hint.starts_with("c is already connected to 127.0.0.1:"),
        "{hint}"
    );
}

#[test]
fn the_bytes_hint_quotes_the_students_own_string() {
    let mut s = session();
    let setup = format!("{LISTENING}\nc = socket.socket()\nc.connect(('127.0.0.1', PORT))");
    let (_, _, hint) = mistake(&mut s, &setup, "c.send('hi')");
    assert_eq!(
        hint,
        "sockets carry bytes: write c.send(b'hi') or c.send('hi'.encode())"
    );
    assert!(!hint.contains("Hello there"));
    let (_, _, hint) = mistake(&mut s, "msg = 'GET / HTTP/1.0'", "c.sendall(msg)");
    assert_eq!(
        hint,
        "msg is text (str) and sockets carry bytes: c.sendall(msg.encode())"
    );
}

#[test]
fn bytes_methods_and_inet_ntoa_get_their_own_hint() {
    let mut s = session();
    let (class, msg, hint) = mistake(&mut s, "data = b'GET / HTTP/1.0'", "data.split(\" \")");
    assert_eq!(class, "TypeError");
    assert_eq!(msg, "a bytes-like object is required, not 'str'");
    assert!(!hint.contains("sockets carry bytes"), "{hint}");
    assert_eq!(
        hint,
        "data is bytes, so its split() wants bytes too: data.split(b\" \"), or make it text first: data.decode().split(\" \")"
    );
    let (class, _, hint) = mistake(&mut s, "import socket", "socket.inet_ntoa('abcd')");
    assert_eq!(class, "TypeError");
    assert!(
        hint.starts_with("inet_ntoa() turns 4 packed bytes"),
        "{hint}"
    );
}

#[test]
fn address_in_use_by_the_students_own_listening_socket() {
    let mut s = session();
    let (class, _, hint) = mistake(
        &mut s,
        LISTENING,
        "s2 = socket.socket()\ns2.bind(('127.0.0.1', PORT))",
    );
    assert_eq!(class, "OSError");
    assert_eq!(
        hint,
        "your socket srv is listening on that port; close it (srv.close()) or use it"
    );
    assert!(!hint.contains("SO_REUSEADDR"));
}

#[test]
fn refused_connection_names_the_running_service_that_matches() {
    let mut s = session();
    let daytime = s
        .services()
        .lock()
        .start("daytime", "127.0.0.1", Some(0))
        .expect("daytime on a free port");
    let port = daytime.addr.port();
    // Port 13 is what the lecture's daytime client uses: the running stand-in is named.
    let (class, _, hint) = mistake(
        &mut s,
        "import socket\nc = socket.socket()",
        "c.connect(('127.0.0.1', 13))",
    );
    assert_eq!(class, "ConnectionRefusedError");
    assert_eq!(
        hint,
        format!("nothing is listening at 127.0.0.1:13: the lab's daytime runs on port {port}; connect there")
    );
    assert!(!hint.contains(":serve echo"));
}

#[test]
fn refused_connection_to_a_bound_but_not_listening_socket() {
    let mut s = session();
    let (_, _, hint) = mistake(
        &mut s,
        "import socket\nsrv = socket.socket()\nsrv.bind(('127.0.0.1', 0))\nPORT = srv.getsockname()[1]\nc = socket.socket()",
        "c.connect(('127.0.0.1', PORT))",
    );
    assert!(
        hint.ends_with("your socket srv is bound there but not listening; call srv.listen()"),
        "{hint}"
    );
}

#[test]
fn python2_entries_are_named_as_such() {
    let mut s = session();
    for (entry, start) in [
        ("x = raw_input()", "raw_input() is the lecture's Python 2"),
        (
            "for i in xrange(3): pass",
            "xrange() is the lecture's Python 2",
        ),
        (
            "import thread",
            "the lecture's Python 2 module thread is threading",
        ),
        (
            "'abc'.decode('utf-8')",
            "text (str) is already decoded in Python 3",
        ),
        (
            "print \"a\", 1",
            "the lecture's code is Python 2; in Python 3 print is a function",
        ),
        (
            "try:\n    pass\nexcept OSError, e:\n    pass\n",
            "the lecture's Python 2 except E, e:",
        ),
        ("x = “Hello there”", "that is a curly quote"),
    ] {
        let e = s.run(entry).error.unwrap_or_else(|| panic!("{entry} ran"));
        let hint = e.hint.unwrap_or_default();
        assert!(hint.starts_with(start), "{entry}: {hint}");
    }
}

#[test]
fn a_mistake_inside_a_function_is_read_from_the_functions_line() {
    let mut s = session();
    let (class, _, hint) = mistake(
        &mut s,
        "import socket\na, b = socket.socketpair()\ndef greet(conn):\n    conn.send('Hello there')\n",
        "greet(a)",
    );
    assert_eq!(class, "TypeError");
    assert_eq!(
        hint,
        "sockets carry bytes: write conn.send(b'Hello there') or conn.send('Hello there'.encode())"
    );
}

#[test]
fn udp_sockets_do_not_listen_and_addresses_are_tuples() {
    let mut s = session();
    let (class, _, hint) = mistake(
        &mut s,
        "import socket\nu = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)",
        "u.listen(1)",
    );
    assert_eq!(class, "OSError");
    assert!(hint.starts_with("u is a UDP (SOCK_DGRAM) socket"), "{hint}");
    let (class, _, hint) = mistake(&mut s, "", "u.send(b'hi')");
    assert_eq!(class, "OSError");
    assert_eq!(
        hint,
        "u is a UDP socket with no peer: sendto(data, (host, port)) says where each datagram goes (or connect() it first)"
    );
    let (class, _, hint) = mistake(&mut s, "", "u.sendto(b'hi')");
    assert_eq!(class, "TypeError");
    assert_eq!(
        hint,
        "sendto() takes the data and the address it goes to: u.sendto(b'hi', ('127.0.0.1', 40000))"
    );
    let (class, _, hint) = mistake(&mut s, "", "u.bind('127.0.0.1')");
    assert_eq!(class, "TypeError");
    assert_eq!(
        hint,
        "an address is a (host, port) tuple, such as ('127.0.0.1', 40000); u.bind() needs both"
    );
}
