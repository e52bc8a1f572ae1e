//! The REPL through a pseudo-terminal, as a student uses it: prompts, blocks, Tab,
//! hints, the socket views, Ctrl-C, errors with hints, history, colour.
//!
//! Each test waits for the prompt before typing and relies on rexpect's timeouts, never
//! on sleeps. Escape codes are stripped except in the colour tests.

mod pty;

use pty::{command, temp_dir, type_keys, Repl};
use std::time::{Duration, Instant};

#[test]
fn events_appear_in_order_with_the_output_of_one_statement() {
    let dir = temp_dir("order");
    let mut r = Repl::start(&dir);
    r.run("import socket");
    r.run("a, b = socket.socketpair()");
    let out = r.entry(&[
        "for i in range(2):",
        "    a.send(b'x')",
        "    print('after', i)",
    ]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            "a  sent 1 byte → b",
            "after 0",
            "a  sent 1 byte → b",
            "after 1"
        ]
        .map(|l| l.to_string()),
        "{out}"
    );
    r.quit();
}

#[test]
fn one_socket_has_one_name_everywhere() {
    let dir = temp_dir("names");
    let mut r = Repl::start(&dir);
    r.run("import socket");
    let out = r.run("a, b = socket.socketpair()");
    assert!(
        out.contains("a  created connected to b (socketpair)"),
        "{out}"
    );
    assert!(
        out.contains("b  created connected to a (socketpair)"),
        "{out}"
    );
    // A socket nobody named is its descriptor, in its event and in the table.
    r.run("kept = {'x': socket.socket()}");
    let out = r.run("kept['x'].fileno()");
    let fd: String = out.lines().last().expect("the fileno").trim().to_string();
    let out = r.run(":sockets");
    assert!(out.contains(&format!("│ fd {fd} ")), "{out}");
    assert!(!out.contains("socket #"), "{out}");
    let out = r.run("kept['x'].close()");
    assert!(out.contains(&format!("fd {fd}  created → closed")), "{out}");
    r.quit();
}

#[test]
fn datagrams_and_streams_are_told_apart() {
    let dir = temp_dir("dgram");
    let mut r = Repl::start(&dir);
    r.run("import socket");
    r.run("srv = socket.create_server(('127.0.0.1', 0))");
    r.run("c = socket.create_connection(srv.getsockname())");
    r.run("conn, addr = srv.accept()");
    // sendto on a connected TCP socket sends bytes on the stream, not a datagram.
    let out = r.run("c.sendto(b'hello', srv.getsockname())");
    assert!(out.contains("c  sent 5 bytes → 127.0.0.1:"), "{out}");
    assert!(!out.contains("datagram"), "{out}");
    r.run("u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)");
    r.run("u.bind(('127.0.0.1', 0))");
    r.run("v = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)");
    let out = r.run("v.sendto(b'hello world', u.getsockname())");
    assert!(
        out.contains("v  sent an 11-byte datagram → 127.0.0.1:"),
        "{out}"
    );
    let vport = r.run("v.getsockname()[1]").trim().to_string();
    // A plain recv on UDP still says who sent the datagram.
    let out = r.run("u.recv(100)");
    assert!(
        out.contains(&format!(
            "u  received an 11-byte datagram ← 127.0.0.1:{vport}"
        )),
        "{out}"
    );
    // After the peer closed, the table says so instead of "data".
    r.run("conn.recv(100)");
    r.run("c.close()");
    let out = r.run(":sockets");
    let conn_row = out
        .lines()
        .find(|l| l.contains("│ conn"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(conn_row.contains("peer closed"), "{out}");
    assert!(conn_row.contains("end of data"), "{out}");
    r.quit();
}

#[test]
fn events_from_a_thread_appear_while_the_prompt_waits() {
    let dir = temp_dir("idle");
    let mut r = Repl::start(&dir);
    r.run("import socket, threading");
    r.run("srv = socket.create_server(('127.0.0.1', 0))");
    let port = r.run("srv.getsockname()[1]").trim().to_string();
    r.entry(&[
        "def serve():",
        "    conn, addr = srv.accept()",
        "    conn.close()",
    ]);
    r.run("t = threading.Thread(target=serve); t.start()");
    // The thread accepts only when this test connects, after the prompt is back: its
    // events can only show while the prompt waits, with nothing typed.
    let client = std::net::TcpStream::connect(("127.0.0.1", port.parse::<u16>().expect("port")))
        .expect("connect to the session's server");
    r.p.exp_string("accepted from 127.0.0.1:")
        .expect("the thread's accept shown at the prompt, nothing typed");
    r.p.exp_string("closed")
        .expect("the thread's close shown at the prompt, nothing typed");
    drop(client);
    r.quit();
}

#[test]
fn a_client_and_a_server_in_one_session() {
    let dir = temp_dir("exchange");
    let mut r = Repl::start(&dir);
    r.run("from socket import *");
    let out = r.run("s = socket(AF_INET, SOCK_STREAM)");
    assert!(out.contains("s  created (AF_INET, SOCK_STREAM)"), "{out}");
    let out = r.run("s.bind(('127.0.0.1', 0))");
    assert!(out.contains("s  created → bound 127.0.0.1:"), "{out}");
    let out = r.run("s.listen()");
    assert!(out.contains("s  bound → listening on 127.0.0.1:"), "{out}");
    r.run("port = s.getsockname()[1]");
    r.run("c = socket(AF_INET, SOCK_STREAM)");
    let out = r.run("c.connect(('127.0.0.1', port))");
    assert!(
        out.contains("c  ") && out.contains("→ connected to 127.0.0.1:"),
        "{out}"
    );
    let out = r.run("conn, addr = s.accept()");
    assert!(out.contains("conn  accepted from 127.0.0.1:"), "{out}");
    // The event happens during the call; the value is echoed after it returns.
    let out = r.run("c.send(b'Hi!')");
    assert!(out.starts_with("c  sent 3 bytes → 127.0.0.1:"), "{out}");
    assert!(out.ends_with("\n3\n"), "the value is echoed after: {out}");
    let out = r.run("conn.recv(1024)");
    assert!(
        out.starts_with("conn  received 3 bytes ← 127.0.0.1:"),
        "{out}"
    );
    assert!(out.ends_with("\nb'Hi!'\n"), "{out}");
    assert_eq!(r.run("_"), "b'Hi!'\n");
    r.run("c.send(b'more')");

    let table = r.run(":sockets");
    for row in ["│ s ", "│ c ", "│ conn "] {
        assert!(table.contains(row), "{row} missing from\n{table}");
    }
    assert!(table.contains("listening"), "{table}");
    let conn_row = table
        .lines()
        .find(|l| l.contains("│ conn "))
        .expect("conn row");
    assert!(
        conn_row.contains("connected") && conn_row.contains("3 B") && conn_row.contains("data"),
        "{conn_row}"
    );

    let page = r.run(":show conn");
    assert!(page.starts_with("socket conn (fd "), "{page}");
    for field in [
        "state         connected",
        "received      3 B",
        "reuseaddr     off",
        "timeout       None (blocking)",
        "kernel state  ESTABLISHED",
        "history",
        "1. accepted from 127.0.0.1:",
    ] {
        assert!(page.contains(field), "{field:?} missing from\n{page}");
    }
    let out = r.run(":show nothing");
    assert!(
        out.contains("nothing is not a socket of this session; the sockets are: "),
        "{out}"
    );

    let out = r.run(":netstat");
    assert!(
        out.contains("LISTEN") && out.contains("← this session: s"),
        "{out}"
    );

    let out = r.run("c.close()");
    assert!(out.contains("c  "), "{out}");
    r.run(":events off");
    assert_eq!(r.run("conn.close()"), "");
    r.quit();
}

#[test]
fn blocks_and_brackets_continue_until_complete() {
    let dir = temp_dir("blocks");
    let mut r = Repl::start(&dir);
    r.more("def double(n):");
    r.more("    return 2 * n");
    assert_eq!(r.run(""), "");
    r.more("for i in range(3):");
    r.more("    print(double(i))");
    assert_eq!(r.run(""), "0\n2\n4\n");
    r.more("x = (1 +");
    assert_eq!(r.run("2)"), "");
    assert_eq!(r.run("x"), "3\n");
    r.more("text = '''one");
    r.run("two'''");
    assert_eq!(r.run("text"), "'one\\ntwo'\n");
    r.more("if x > 2:");
    // A blank line after the header ends the entry, as in the terminal's python3: the
    // body is missing.
    let out = r.run("");
    assert!(
        out.contains("IndentationError: expected an indented block after 'if' statement on line 1"),
        "{out}"
    );
    // Ctrl-C on a continuation line abandons the entry.
    r.more("while True:");
    r.p.send_control('c').expect("ctrl-c");
    r.p.exp_string("\n\r>>> ")
        .expect("back to the first prompt");
    assert_eq!(r.run("x + 1"), "4\n");
    r.quit();
}

#[test]
fn tab_completes_names_methods_modules_and_commands() {
    let dir = temp_dir("complete");
    let mut r = Repl::start(&dir);
    // A unique completion is inserted: the line runs as if typed in full.
    type_keys(&mut r, "import socke\t");
    r.p.exp_string("socket").expect("completed");
    type_keys(&mut r, "\r");
    r.p.exp_string("\n\r>>> ").expect("prompt");
    r.run("s = socket.socket()");
    type_keys(&mut r, "s.getsockn\t");
    r.p.exp_string("getsockname(").expect("method completed");
    type_keys(&mut r, ")\r");
    let out =
        r.p.exp_string("\n\r>>> ")
            .expect("prompt")
            .replace('\r', "");
    assert!(out.contains("('0.0.0.0', 0)"), "{out}");
    type_keys(&mut r, "from socket import SOCK_DG\t");
    r.p.exp_string("SOCK_DGRAM").expect("member completed");
    type_keys(&mut r, "\r");
    r.p.exp_string("\n\r>>> ").expect("prompt");
    assert_eq!(r.run("SOCK_DGRAM"), "<SocketKind.SOCK_DGRAM: 2>\n");
    // Several candidates are listed.
    type_keys(&mut r, "s.rec\t");
    r.p.exp_string("recvfrom(").expect("list shows recvfrom");
    r.p.exp_string("\n\r>>> s.recv")
        .expect("the line again, below the list");
    r.p.send_control('c').expect("clear");
    r.p.exp_string("\n\r>>> ").expect("prompt");
    type_keys(&mut r, ":sock\t");
    r.p.exp_string(":sockets").expect("command completed");
    type_keys(&mut r, "\r");
    r.p.exp_string("family").expect("the table");
    r.p.exp_string("\n\r>>> ").expect("prompt");
    r.quit();
}

#[test]
fn hints_show_the_signature_while_typing_a_call() {
    let dir = temp_dir("hints");
    let mut r = Repl::start(&dir);
    r.run("import socket");
    r.run("s = socket.socket()");
    type_keys(&mut r, "s.bind(");
    r.p.exp_string("address: (host, port)").expect("hint shown");
    // Ctrl-C at the prompt clears the line.
    r.p.send_control('c').expect("ctrl-c");
    r.p.exp_string("\n\r>>> ").expect("prompt");
    assert_eq!(r.run("1 + 1"), "2\n");
    r.quit();
}

#[test]
fn ctrl_c_interrupts_accept_and_keeps_every_socket() {
    let dir = temp_dir("interrupt");
    let mut r = Repl::start(&dir);
    r.run("import socket, time");
    r.run("s = socket.socket()");
    r.run("s.bind(('127.0.0.1', 0))");
    r.run("s.listen()");
    // The print shows the statement is running (the terminal is out of raw mode).
    r.p.send_line("print('waiting'); conn, addr = s.accept()")
        .expect("send");
    r.p.exp_string("waiting\r\n").expect("running");
    let asked = Instant::now();
    r.p.send_control('c').expect("ctrl-c");
    let out = r.p.exp_string("\n\r>>> ").expect("back at the prompt");
    // About 100 ms on an idle machine; generous here, as the tests share two cores.
    eprintln!("Ctrl-C to prompt: {:?}", asked.elapsed());
    assert!(
        asked.elapsed() < Duration::from_secs(5),
        "{:?}",
        asked.elapsed()
    );
    assert!(out.contains("KeyboardInterrupt"), "{out}");
    assert!(
        out.contains(
            "hint: you pressed Ctrl-C: the statement stopped; every name and socket is kept"
        ),
        "{out}"
    );
    // The listening socket still works.
    r.run("c = socket.socket()");
    r.run("c.connect(s.getsockname())");
    let out = r.run("conn, addr = s.accept()");
    assert!(out.contains("conn  accepted from 127.0.0.1:"), "{out}");
    // An endless loop and a long sleep stop the same way.
    r.more("def spin():");
    r.more("    print('waiting')");
    r.more("    while True: pass");
    r.run("");
    for stmt in ["spin()", "print('waiting'); time.sleep(60)"] {
        r.p.send_line(stmt).expect("send");
        r.p.exp_string("waiting\r\n").expect("running");
        r.p.send_control('c').expect("ctrl-c");
        let out = r.p.exp_string("\n\r>>> ").expect("prompt");
        assert!(out.contains("KeyboardInterrupt"), "{out}");
    }
    assert_eq!(r.run("conn.getpeername() == c.getsockname()"), "True\n");
    r.quit();
}

#[test]
fn errors_show_cpythons_line_and_a_hint() {
    let dir = temp_dir("errors");
    let mut r = Repl::start(&dir);
    r.run("import socket");
    r.run("spare = socket.socket()");
    r.run("spare.bind(('127.0.0.1', 0))");
    r.run("port = spare.getsockname()[1]");
    r.run("spare.close()");
    r.run("c = socket.socket()");
    let out = r.run("c.connect(('127.0.0.1', port))");
    assert!(
        out.contains("ConnectionRefusedError: [Errno 111] Connection refused"),
        "{out}"
    );
    assert!(
        out.contains("hint: nothing is listening at 127.0.0.1:"),
        "{out}"
    );
    assert!(
        !out.contains("error: ConnectionRefusedError"),
        "no event line repeats the error: {out}"
    );

    r.run("s = socket.socket()");
    r.run("s.bind(('127.0.0.1', 0))");
    r.run("s.listen()");
    r.run("taken = s.getsockname()[1]");
    r.run("s2 = socket.socket()");
    let out = r.run("s2.bind(('127.0.0.1', taken))");
    assert!(
        out.contains("OSError: [Errno 98] Address already in use"),
        "{out}"
    );
    assert!(
        out.contains(
            "hint: your socket s is listening on that port; close it (s.close()) or use it"
        ),
        "{out}"
    );

    let out = r.run("c.send('Hello')");
    assert!(
        out.contains("TypeError: a bytes-like object is required, not 'str'"),
        "{out}"
    );
    assert!(out.contains("hint: sockets carry bytes"), "{out}");
    // The lecture's Python 2 habit: its Python 3 waits pre-filled at the prompt; Ctrl-U
    // declines it.
    assert!(
        out.contains("in Python 3 (Enter runs it; Ctrl-U clears it): c.send(b'Hello')"),
        "{out}"
    );
    type_keys(&mut r, "\x15");

    let out = r.run("s.recieve(1024)");
    assert!(
        out.contains("AttributeError: 'socket' object has no attribute 'recieve'"),
        "{out}"
    );
    assert!(
        out.contains("hint: a socket object has no attribute recieve; did you mean recv?"),
        "{out}"
    );

    let out = r.run("socket.AF_INETT");
    assert!(out.contains("Did you mean: 'AF_INET'?"), "{out}");

    let out = r.run("x = AF_INET");
    assert!(
        out.contains("hint: AF_INET lives in the socket module"),
        "{out}"
    );

    let out = r.run("print 'hi'");
    assert!(
        out.contains("SyntaxError: Missing parentheses in call to 'print'"),
        "{out}"
    );
    assert!(
        out.contains("hint: the lecture's code is Python 2"),
        "{out}"
    );
    assert!(out.contains("in Python 3 (Enter runs it"), "{out}");
    // Ctrl-D leaves only from an empty line: clear the Python 3 line waiting there.
    type_keys(&mut r, "\x15");
    r.quit();
}

#[test]
fn history_survives_a_restart_and_can_be_searched() {
    let dir = temp_dir("history");
    let mut r = Repl::start(&dir);
    r.run("remembered_value = 12345");
    r.run("other = 1");
    r.quit();
    let file = dir.join("socklab").join("history.txt");
    let text = std::fs::read_to_string(&file).expect("history file written");
    assert!(text.contains("remembered_value = 12345"), "{text}");

    let mut r = Repl::start(&dir);
    // Up twice: the line before last.
    type_keys(&mut r, "\x1b[A\x1b[A");
    r.p.exp_string("remembered_value = 12345")
        .expect("recalled");
    r.p.send_control('c').expect("clear");
    r.p.exp_string("\n\r>>> ").expect("prompt");
    // Ctrl-R searches.
    r.p.send_control('r').expect("ctrl-r");
    type_keys(&mut r, "rememb");
    r.p.exp_string("remembered_value = 12345").expect("found");
    type_keys(&mut r, "\r");
    r.p.exp_string("\n\r>>> ").expect("prompt");
    assert_eq!(r.run("remembered_value"), "12345\n");
    r.quit();
}

#[test]
fn no_color_means_no_colour_codes() {
    let dir = temp_dir("nocolor");
    let mut cmd = command(&dir);
    cmd.env("NO_COLOR", "1");
    let mut r = Repl::spawn(cmd, false);
    r.p.send_line("import socket; s = socket.socket(); s.bind(('127.0.0.1', 0))")
        .expect("send");
    r.p.exp_string("bound 127.0.0.1:").expect("event");
    r.p.send_line("nope").expect("send");
    let out = r.p.exp_string("hint:").expect("hint");
    let out2 = r.p.exp_string(">>> ").expect("prompt");
    for text in [out, out2] {
        // Select Graphic Rendition (colour) sequences end in `m`; cursor moves do not.
        assert!(!has_sgr(&text), "colour in {text:?}");
    }
    r.quit();

    // --color always turns it on, on the same terminal.
    let mut cmd = command(&dir);
    cmd.arg("--color").arg("always");
    let mut r = Repl::spawn(cmd, false);
    r.p.send_line("nope").expect("send");
    // The prompt is redrawn as the line is typed: only the one after the hint is the new
    // prompt, where Ctrl-D ends the session (typed earlier, while the line still runs,
    // the terminal would take it as end-of-file and the REPL never see it).
    let out = r.p.exp_string("hint:").expect("hint");
    r.p.exp_string(">>> ").expect("prompt");
    assert!(has_sgr(&out), "no colour in {out:?}");
    r.quit();
}

fn has_sgr(text: &str) -> bool {
    text.split("\x1b[").skip(1).any(|rest| {
        let code: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ';')
            .collect();
        rest[code.len()..].starts_with('m') && !code.is_empty() && code != "0"
    })
}

#[test]
fn meta_commands_help_hex_serve_save_reset() {
    let dir = temp_dir("meta");
    let mut r = Repl::start(&dir);
    let out = r.run(":help");
    assert!(
        out.contains("A first server and client, in one session"),
        "{out}"
    );
    let out = r.run(":help recv");
    assert!(
        out.contains("socket.socket.recv(bufsize[, flags])"),
        "{out}"
    );
    let out = r.run(":hex b'GET / HTTP/1.0\\r\\n'");
    assert!(
        out.contains(
            "00000000  47 45 54 20 2f 20 48 54  54 50 2f 31 2e 30 0d 0a  |GET / HTTP/1.0..|"
        ),
        "{out}"
    );
    let out = r.run(":services");
    assert!(out.contains("│ 80 ") && out.contains("http"), "{out}");
    let out = r.run(":serve echo 0");
    assert!(out.contains("echo (TCP) on 127.0.0.1:"), "{out}");
    let port: String = out
        .split("127.0.0.1:")
        .nth(1)
        .map(|s| s.chars().take_while(|c| c.is_ascii_digit()).collect())
        .expect("port");
    r.run("import socket");
    r.run(&format!(
        "c = socket.create_connection(('127.0.0.1', {port}))"
    ));
    r.run("c.sendall(b'ping')");
    let out = r.run("c.recv(1024)");
    assert!(out.ends_with("\nb'ping'\n"), "{out}");
    let out = r.run(":serve");
    assert!(out.contains("running lab services:"), "{out}");
    let out = r.run(":stop all");
    assert!(out.contains("stopped echo (TCP)"), "{out}");
    let file = dir.join("session.py");
    let out = r.run(&format!(":save {}", file.display()));
    assert!(out.starts_with("saved "), "{out}");
    let saved = std::fs::read_to_string(&file).expect("saved file");
    assert!(saved.contains("c.sendall(b'ping')\n"), "{saved}");
    let out = r.run(":reset");
    assert!(out.contains("every socket is closed"), "{out}");
    let out = r.run("c");
    assert!(out.contains("NameError: name 'c' is not defined"), "{out}");
    let out = r.run(":sockets");
    assert!(out.contains("no sockets are open"), "{out}");
    let out = r.run(":sokets");
    assert!(out.contains("did you mean :sockets?"), "{out}");
    r.p.send_line(":quit").expect("quit");
    r.p.exp_eof().expect("exit");
}

#[test]
fn exit_ends_the_session_with_its_code() {
    let dir = temp_dir("exit");
    let mut r = Repl::start(&dir);
    r.p.send_line("import sys; sys.exit(3)").expect("send");
    r.p.exp_eof().expect("exits");
    let status = r.p.process_mut().wait().expect("status");
    assert!(format!("{status:?}").contains(", 3)"), "{status:?}");
}

#[test]
fn a_python2_entry_offers_its_python3_at_the_next_prompt() {
    let dir = temp_dir("py2");
    let mut r = Repl::start(&dir);
    r.run("import socket");
    r.run("a, b = socket.socketpair()");
    r.run("b.send(b'Hello there')");
    // The lecture's line, as the slide has it.
    r.p.send_line("print a.recv(256)").expect("send");
    let out = r
        .p
        .exp_string("in Python 3 (Enter runs it; Ctrl-U clears it): print(a.recv(256).decode())")
        .expect("the Python 3 line");
    assert!(
        out.contains("SyntaxError: Missing parentheses in call to 'print'"),
        "{out}"
    );
    // The next prompt holds it; Enter runs it.
    r.p.exp_string(">>> print(a.recv(256).decode())")
        .expect("the prompt holds the Python 3 line");
    let out = r.run("");
    assert!(out.contains("Hello there\n"), "{out}");
    assert!(!out.contains("Error"), "{out}");

    // Sent as text: the offer is bytes, and the student edits it before running it.
    r.p.send_line("b.send('hi')").expect("send");
    r.p.exp_string("in Python 3 (Enter runs it; Ctrl-U clears it): b.send(b'hi')")
        .expect("the Python 3 line");
    r.p.exp_string(">>> b.send(b'hi')").expect("prefilled");
    // Backspace over `hi')` and type another message.
    type_keys(&mut r, "\x08\x08\x08\x08");
    let out = r.run("yo')");
    assert!(out.contains("2\n"), "{out}");
    assert_eq!(r.run("a.recv(16)").lines().last(), Some("b'yo'"));

    // A block: the whole of it waits at the prompt, and Enter on its empty last line
    // runs it.
    // (As in CPython's REPL, `print i` is an error as soon as its line is typed.)
    r.more("for i in xrange(2):");
    r.p.send_line("    print i").expect("send");
    r.p.exp_string("in Python 3 (Enter runs it; Ctrl-U clears it):")
        .expect("the offer");
    r.p.exp_string(">>> for i in range(2):\r\n    print(i)")
        .expect("prefilled block");
    r.p.send_line("").expect("enter");
    let out = r.run("");
    assert!(out.ends_with("0\n1\n"), "{out:?}");

    // The lecture's `except socket.error, e:` fails as soon as it is typed; the block
    // so far waits in Python 3, and the student finishes it.
    r.run("spare = socket.socket()");
    r.run("spare.bind(('127.0.0.1', 0))");
    r.run("port = spare.getsockname()[1]");
    r.run("spare.close()");
    r.run("c = socket.socket()");
    r.more("try:");
    r.more("    c.connect(('127.0.0.1', port))");
    r.p.send_line("except socket.error, e:").expect("send");
    r.p.exp_string("SyntaxError: multiple exception types must be parenthesized")
        .expect("CPython's error");
    r.p.exp_string("except socket.error as e:")
        .expect("the offer");
    r.p.exp_string(">>> try:")
        .expect("the block waits at the prompt");
    r.p.send_line("").expect("enter");
    r.p.send_line("    print('refused', e.errno)")
        .expect("body");
    let out = r.run("");
    assert!(out.contains("refused 111\n"), "{out:?}");

    // A Python 3 line that fails offers nothing: the next prompt is empty.
    let out = r.run("b.send(undefined_name)");
    assert!(out.contains("NameError"), "{out}");
    assert!(!out.contains("in Python 3"), "{out}");
    assert_eq!(r.run("1 + 1"), "2\n");
    r.quit();
}

#[test]
fn the_lectures_classic_mistakes_get_their_hints_at_the_terminal() {
    let dir = temp_dir("classic");
    let mut r = Repl::start(&dir);
    r.run("import socket");
    r.run("srv = socket.socket()");
    r.run("srv.bind(('127.0.0.1', 0))");
    let out = r.run("srv.accept()");
    assert!(
        out.contains("OSError: [Errno 22] Invalid argument"),
        "{out}"
    );
    assert!(
        out.contains("hint: accept() needs a listening socket: call srv.listen() first"),
        "{out}"
    );
    r.run("srv.listen()");
    let out = r.run("srv.recv(1024)");
    assert!(
        out.contains("hint: srv is listening: it only accept()s connections"),
        "{out}"
    );
    let out = r.run("b'GET / HTTP/1.0'.split(' ')");
    assert!(
        out.contains("TypeError: a bytes-like object is required, not 'str'"),
        "{out}"
    );
    assert!(!out.contains("sockets carry bytes"), "{out}");
    let out = r.run("u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)");
    assert!(!out.contains("Error"), "{out}");
    let out = r.run("u.sendto(b'hi', ('127.255.255.255', 40000))");
    assert!(
        out.contains("PermissionError: [Errno 13] Permission denied"),
        "{out}"
    );
    assert!(out.contains("hint: sending to a broadcast address needs permission first: u.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)"), "{out}");
    r.quit();
}

#[test]
fn the_current_folder_s_modules_can_be_imported() {
    let dir = temp_dir("import");
    std::fs::write(
        dir.join("mytools.py"),
        "def shout(s):\n    return s.upper() + '!'\n",
    )
    .expect("write the module");
    let mut cmd = command(&dir);
    cmd.env("NO_COLOR", "1").current_dir(&dir);
    let mut r = Repl::spawn(cmd, true);
    assert_eq!(r.run("import mytools"), "");
    assert_eq!(r.run("mytools.shout('hi')"), "'HI!'\n");
    let out = r.run("from mytools import whisper");
    assert!(
        out.contains("ImportError: cannot import name 'whisper' from 'mytools'"),
        "{out}"
    );
    r.quit();
}

#[test]
fn the_first_socket_is_fd_3_and_a_selector_wait_ends_with_ctrl_c() {
    let dir = temp_dir("fds");
    let mut r = Repl::start(&dir);
    r.run("import socket, selectors, os");
    let pid: u32 = r.run("os.getpid()").trim().parse().expect("a pid");
    r.run("s = socket.socket()");
    r.run("sel = selectors.DefaultSelector()");
    let s_fd: i32 = r.run("s.fileno()").trim().parse().expect("an fd");
    let sel_fd: i32 = r.run("sel.fileno()").trim().parse().expect("an fd");
    r.run("s.bind(('127.0.0.1', 0)); s.listen()");
    r.run("key = sel.register(s, selectors.EVENT_READ, 'listening')");
    r.p.send_line("print('waiting'); sel.select()")
        .expect("send");
    r.p.exp_string("waiting\r\n").expect("running");
    // While the entry runs, below 100 there are only the terminal, whatever the test
    // harness let the REPL inherit (other tests' terminals, opened at the same moment)
    // and the program's own two: socklab's descriptors (wake-up pipe, the line
    // editor's pipe) sit at 100 and above. So the program's are numbered as under
    // CPython: the lowest free numbers, 3 and 4 in a plain terminal.
    let low: Vec<(i32, String)> = std::fs::read_dir(format!("/proc/{pid}/fd"))
        .expect("the REPL's descriptors")
        .filter_map(|e| {
            let e = e.ok()?;
            let fd: i32 = e.file_name().to_str()?.parse().ok()?;
            let target = std::fs::read_link(e.path()).ok()?;
            Some((fd, target.to_string_lossy().into_owned()))
        })
        .filter(|(fd, _)| (3..100).contains(fd))
        .collect();
    let inherited: Vec<i32> = low
        .iter()
        .filter(|(_, target)| target.starts_with("/dev/"))
        .map(|(fd, _)| *fd)
        .collect();
    let mut taken = inherited.clone();
    let mut next_free = || {
        let fd = (3..).find(|fd| !taken.contains(fd)).expect("a free fd");
        taken.push(fd);
        fd
    };
    assert_eq!((s_fd, sel_fd), (next_free(), next_free()), "{low:?}");
    let mut own: Vec<i32> = low.iter().map(|(fd, _)| *fd).collect();
    own.retain(|fd| !inherited.contains(fd));
    own.sort();
    assert_eq!(own, [s_fd, sel_fd], "{low:?}");
    r.p.send_control('c').expect("ctrl-c");
    let out = r.p.exp_string("\n\r>>> ").expect("back at the prompt");
    assert!(out.contains("KeyboardInterrupt"), "{out}");
    // The selector still works after the interruption.
    r.run("c = socket.create_connection(s.getsockname())");
    assert_eq!(
        r.run("[k.data for k, e in sel.select(5)]"),
        "['listening']\n"
    );
    // A lab service's sockets (and the peer it accepts) keep out of the way too.
    let out = r.run(":serve echo 0");
    let port: String = out
        .split("127.0.0.1:")
        .nth(1)
        .map(|s| s.chars().take_while(|c| c.is_ascii_digit()).collect())
        .expect("port");
    r.run(&format!(
        "e = socket.create_connection(('127.0.0.1', {port}))"
    ));
    r.run("e.sendall(b'ping')");
    let out = r.run("e.recv(1024)");
    assert!(out.ends_with("b'ping'\n"), "{out}");
    // After c and e, the next free number, as under CPython.
    let (_c, _e, expected) = (next_free(), next_free(), next_free());
    let out = r.run("socket.socket().fileno()");
    assert!(out.ends_with(&format!("\n{expected}\n")), "{out}");
    r.run(":stop all");
    r.quit();
}

#[test]
fn ctrl_c_interrupts_a_blocked_queue_get() {
    let dir = temp_dir("queue");
    let mut r = Repl::start(&dir);
    r.run("import queue, threading");
    r.run("q = queue.Queue()");
    r.p.send_line("print('waiting'); q.get()").expect("send");
    r.p.exp_string("waiting\r\n").expect("running");
    r.p.send_control('c').expect("ctrl-c");
    let out = r.p.exp_string("\n\r>>> ").expect("back at the prompt");
    assert!(out.contains("KeyboardInterrupt"), "{out}");
    // The queue still works, from another thread too.
    r.run("threading.Thread(target=q.put, args=('job',)).start()");
    assert_eq!(r.run("q.get(timeout=5)"), "'job'\n");
    r.quit();
}
