//! The packet view at a terminal: `socklab --sandbox`, `:trace on`, each entry followed
//! by its packets named by the student's sockets, `:packet`, `:flow`, `:trace save`.
//!
//! In the sandbox (a private network with only loopback) the capture sees only this
//! session's packets, so the numbers are exact. Waits on the prompt, never on sleeps.

mod pty;

use pty::{command, temp_dir, utf8, Repl};

#[test]
fn each_entry_is_followed_by_its_packets_in_the_sandbox() {
    let dir = temp_dir("packets");
    let mut cmd = command(&dir);
    cmd.env("NO_COLOR", "1").arg("--sandbox");
    let mut r = Repl::spawn(cmd, true);
    let out = r.run(":trace on");
    assert!(out.contains("the sandbox's own loopback"), "{out}");
    r.run("import socket");
    let out = r.run("srv = socket.socket(); srv.bind(('127.0.0.1', 0)); srv.listen()");
    assert!(!out.contains('#'), "listen() sends nothing: {out}");
    let out = r.run("c = socket.create_connection(srv.getsockname())");
    assert!(out.contains("#1  c → srv  Flags [S], seq 0, win "), "{out}");
    assert!(
        out.contains("#2  srv → c  Flags [S.], seq 0, ack 1, win "),
        "{out}"
    );
    assert!(out.contains("#3  c → srv  Flags [.], ack 1, win "), "{out}");
    let out = r.run("conn, addr = srv.accept()");
    assert!(!out.contains('#'), "accept() sends nothing: {out}");
    let out = r.run("c.send(b'hello')");
    assert!(
        out.contains("#4  c → conn  Flags [P.], seq 1:6, ack 1, win "),
        "{out}"
    );
    assert!(
        out.contains("#5  conn → c  Flags [.], ack 6, win "),
        "{out}"
    );
    let out = r.run(":packet 4");
    assert!(out.contains("caused by: >>> c.send(b'hello')"), "{out}");
    assert!(out.contains("Ethernet (link layer): 14 bytes"), "{out}");
    assert!(out.contains("Data (application layer): 5 bytes"), "{out}");
    let out = r.run(":packet 40");
    assert!(
        out.contains("there is no packet #40: the capture keeps #1 to #5"),
        "{out}"
    );
    let out = r.run(":flow c");
    let head = out
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    assert!(
        head.contains('c') && head.contains("srv") && head.contains("conn"),
        "{out}"
    );
    assert!(out.lines().all(|l| l.chars().count() <= 80), "{out}");
    let out = r.run(":trace save lab.pcapng");
    assert!(out.contains("wrote 5 packets to lab.pcapng"), "{out}");
    assert!(dir.join("lab.pcapng").metadata().is_ok_and(|m| m.len() > 0));
    let out = r.run(":trace save /proc/no-such-dir/lab.pcapng");
    assert!(
        out.contains("cannot write /proc/no-such-dir/lab.pcapng"),
        "{out}"
    );
    // The session goes on.
    let out = r.run("c.close()");
    assert!(out.contains("c → conn  Flags [F.], seq 6, ack 1"), "{out}");
    let out = r.run(":trace off");
    assert!(out.contains("packets are off"), "{out}");
    let out = r.run("conn.close()");
    assert!(!out.contains('#'), "{out}");
    r.quit();
}

#[test]
fn packets_sent_while_the_prompt_waits_show_at_once() {
    let dir = temp_dir("packets-idle");
    let mut cmd = command(&dir);
    cmd.env("NO_COLOR", "1").arg("--sandbox");
    let mut r = Repl::spawn(cmd, true);
    r.run(":trace on");
    r.run("import socket, threading, time");
    r.run("srv = socket.create_server(('127.0.0.1', 0))");
    r.run("c = socket.create_connection(srv.getsockname())");
    r.run("conn, addr = srv.accept()");
    r.entry(&[
        "def later():",
        "    time.sleep(0.3)",
        "    conn.sendall(b'late')",
    ]);
    let out = r.run("threading.Thread(target=later).start()");
    assert!(
        !out.contains("length 4"),
        "the thread has not sent yet: {out}"
    );
    // Nothing more is typed: the thread's packet shows above the waiting prompt.
    let shown =
        r.p.exp_string("length 4")
            .expect("the thread's packet shown at the prompt, nothing typed");
    assert!(
        utf8(&shown).contains("conn → c  Flags [P.], seq 1:5, ack 1, win "),
        "{}",
        utf8(&shown)
    );
    // And it is not shown again after the next entry.
    let out = r.run("c.recv(10)");
    assert!(out.contains("b'late'"), "{out}");
    assert!(!out.contains("seq 1:5"), "{out}");
    r.quit();
}
