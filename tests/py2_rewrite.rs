//! `socklab py3` on the lecture's own Python 2 programs (`tests/py2/*.py`): each rewrite
//! parses under `python3`, is pinned by a snapshot, and the programs that can run
//! offline on loopback run, under both `socklab run` and `python3`, and do what the
//! slide says they do.
//!
//! Nothing here talks to any host but 127.0.0.1: the listings that name outside hosts
//! or broadcast are only rewritten and parsed, and the ones that run have their port
//! (and the empty host `""`, all interfaces) replaced by a free loopback port.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream, UdpSocket};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const BOUND: Duration = Duration::from_secs(10);

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/py2")
}

/// `socklab py3 FILE`: (program, changes, exit status).
fn py3(name: &str) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_socklab"))
        .arg("py3")
        .arg(fixtures().join(name))
        .output()
        .expect("run socklab py3");
    (
        String::from_utf8(out.stdout).expect("utf-8 program"),
        String::from_utf8(out.stderr).expect("utf-8 changes"),
        out.status.code().unwrap_or(-1),
    )
}

/// CPython's own parser's verdict on `text`.
fn python3_parses(text: &str) -> Result<(), String> {
    let mut child = Command::new("python3")
        .args(["-c", "import ast,sys; ast.parse(sys.stdin.read())"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 is needed to check the rewrites");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("python3");
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

#[test]
fn every_listing_becomes_python3_that_cpython_parses() {
    let mut names: Vec<String> = std::fs::read_dir(fixtures())
        .expect("tests/py2")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".py"))
        .collect();
    names.sort();
    assert!(names.len() >= 10, "{names:?}");
    for name in names {
        let original = std::fs::read_to_string(fixtures().join(&name)).expect("read");
        let (program, changes, status) = py3(&name);
        assert_eq!(status, 0, "{name}: {changes}");
        if python3_parses(&original).is_err() {
            assert_ne!(program, original, "{name}: nothing was rewritten");
        }
        if program == original {
            assert_eq!(changes, "socklab py3: nothing to change\n", "{name}");
        }
        if let Err(e) = python3_parses(&program) {
            panic!("{name}: the rewrite is not Python 3:\n{program}\n{e}");
        }
        insta::assert_snapshot!(
            format!("py3_{}", name.trim_end_matches(".py")),
            format!("{program}--- changes\n{changes}")
        );
    }
}

#[test]
fn a_program_that_is_still_not_python3_is_named_with_its_line() {
    let dir = std::env::temp_dir().join(format!("socklab-py3-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("pseudo.py");
    std::fs::write(&file, "print 'a'\nthread = Thread(args=(1,2,3...))\n").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_socklab"))
        .arg("py3")
        .arg(&file)
        .output()
        .expect("run");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "print('a')\nthread = Thread(args=(1,2,3...))\n"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 2 is still not Python 3"), "{err}");
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_socklab"))
        .args(["py3", "/nonexistent/slide.py"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("socklab py3: cannot read /nonexistent/slide.py"),
        "{err}"
    );
}

/// The rewrite of `name` with `(from, to)` replacements made, written to a temporary file.
fn program(name: &str, replace: &[(&str, String)]) -> tempfile_path::TempFile {
    let (mut text, changes, status) = py3(name);
    assert_eq!(status, 0, "{changes}");
    for (from, to) in replace {
        assert!(text.contains(from), "{name}: no {from:?} in\n{text}");
        text = text.replace(from, to);
    }
    tempfile_path::TempFile::new(name, &text)
}

/// A tiny temporary file that removes itself.
mod tempfile_path {
    use std::path::PathBuf;
    pub struct TempFile(pub PathBuf);
    impl TempFile {
        pub fn new(name: &str, text: &str) -> TempFile {
            let dir = std::env::temp_dir().join(format!(
                "socklab-py2-{}-{}",
                std::process::id(),
                name.trim_end_matches(".py")
            ));
            std::fs::create_dir_all(&dir).expect("temp dir");
            let path = dir.join(name);
            std::fs::write(&path, text).expect("write program");
            TempFile(path)
        }
    }
    impl Drop for TempFile {
        fn drop(&mut self) {
            if let Some(dir) = self.0.parent() {
                let _ = std::fs::remove_dir_all(dir);
            }
        }
    }
}

/// The two interpreters every runnable listing is tried with.
fn interpreters() -> [Vec<String>; 2] {
    [
        vec![env!("CARGO_BIN_EXE_socklab").to_string(), "run".into()],
        vec!["python3".into()],
    ]
}

fn spawn(interp: &[String], file: &Path) -> Child {
    Command::new(&interp[0])
        .args(&interp[1..])
        .arg(file)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the program")
}

/// Everything the child writes to standard output until it exits, within the bound.
fn output_of(mut child: Child) -> (String, String) {
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut out = String::new();
        let mut err = String::new();
        let _ = stdout.read_to_string(&mut out);
        let _ = stderr.read_to_string(&mut err);
        let _ = tx.send((out, err));
    });
    match rx.recv_timeout(BOUND) {
        Ok(o) => {
            let _ = child.wait();
            o
        }
        Err(_) => {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the program did not finish within {BOUND:?}");
        }
    }
}

/// Ctrl-C, as the student ends a server loop.
fn interrupt(child: &Child) {
    // SAFETY: kill only sends a signal to our own child.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGINT);
    }
}

fn free_port_tcp() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port()
}

fn free_port_udp() -> u16 {
    UdpSocket::bind("127.0.0.1:0")
        .and_then(|s| s.local_addr())
        .expect("free port")
        .port()
}

/// The receive queue of the UDP socket bound to 127.0.0.1:`port`, from `/proc/net/udp`,
/// or `None` while no socket is bound there.
fn udp_receive_queue(port: u16) -> Option<u64> {
    let table = std::fs::read_to_string("/proc/net/udp").ok()?;
    let local = format!("0100007F:{port:04X}");
    table.lines().skip(1).find_map(|line| {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.get(1) != Some(&local.as_str()) {
            return None;
        }
        let queues = cols.get(4)?;
        u64::from_str_radix(queues.split(':').nth(1)?, 16).ok()
    })
}

/// Wait until `ready` holds, within the bound.
fn wait_for(what: &str, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(start.elapsed() < BOUND, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn the_tcp_receiver_prints_what_it_received_as_text() {
    for interp in interpreters() {
        let port = free_port_tcp();
        let file = program(
            "tcp_receiver.py",
            &[("(\"\",40000)", format!("(\"127.0.0.1\",{port})"))],
        );
        let child = spawn(&interp, &file.0);
        let mut conn = None;
        wait_for("the receiver to listen", || {
            conn = TcpStream::connect(("127.0.0.1", port)).ok();
            conn.is_some()
        });
        let mut conn = conn.expect("connected");
        conn.write_all(b"Hello there").expect("send");
        drop(conn);
        let (out, err) = output_of(child);
        assert_eq!(out, "Hello there\n", "{interp:?}: {err}");
    }
}

#[test]
fn the_tcp_client_sends_bytes_and_prints_the_reply() {
    for interp in interpreters() {
        let listener = TcpListener::bind("127.0.0.1:0").expect("listen");
        let port = listener.local_addr().expect("addr").port();
        let file = program("tcp_client.py", &[("9999", port.to_string())]);
        let child = spawn(&interp, &file.0);
        // An echo server for one peer.
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            if let Ok((mut peer, _)) = listener.accept() {
                let mut buf = [0u8; 1024];
                let n = peer.read(&mut buf).unwrap_or(0);
                let _ = peer.write_all(&buf[..n]);
                let _ = tx.send(buf[..n].to_vec());
            }
        });
        let (out, err) = output_of(child);
        assert_eq!(
            rx.recv_timeout(BOUND).ok().as_deref(),
            Some(&b"Hello, world"[..])
        );
        assert_eq!(out, "Received b'Hello, world'\n", "{interp:?}: {err}");
    }
}

#[test]
fn the_udp_upper_server_answers_in_capitals() {
    for interp in interpreters() {
        let port = free_port_udp();
        let file = program("udp_upper_server.py", &[("11111", port.to_string())]);
        let child = spawn(&interp, &file.0);
        wait_for("the server to bind", || udp_receive_queue(port).is_some());
        let me = UdpSocket::bind("127.0.0.1:0").expect("bind");
        me.set_read_timeout(Some(BOUND)).expect("timeout");
        me.send_to(b"MixedCaseString", ("127.0.0.1", port))
            .expect("send");
        let mut buf = [0u8; 64];
        let (n, _) = me.recv_from(&mut buf).expect("the answer");
        assert_eq!(&buf[..n], b"MIXEDCASESTRING");
        interrupt(&child);
        let (out, err) = output_of(child);
        let me_port = me.local_addr().expect("addr").port();
        assert_eq!(
            out,
            format!("Connection from ('127.0.0.1', {me_port})\n"),
            "{interp:?}: {err}"
        );
        assert!(err.contains("KeyboardInterrupt"), "{interp:?}: {err}");
    }
}

#[test]
fn the_udp_receiver_prints_each_datagram() {
    for interp in interpreters() {
        let port = free_port_udp();
        let file = program(
            "udp_receiver.py",
            &[("(\"\",40000)", format!("(\"127.0.0.1\",{port})"))],
        );
        let child = spawn(&interp, &file.0);
        wait_for("the receiver to bind", || udp_receive_queue(port).is_some());
        let me = UdpSocket::bind("127.0.0.1:0").expect("bind");
        me.send_to(b"hi", ("127.0.0.1", port)).expect("send");
        me.send_to(b"bye", ("127.0.0.1", port)).expect("send");
        // Once "bye" has been taken from the queue, "hi" has been printed.
        wait_for("the receiver to read both", || {
            udp_receive_queue(port) == Some(0)
        });
        interrupt(&child);
        let (out, err) = output_of(child);
        assert!(out.starts_with("hi\n"), "{interp:?}: {out:?} {err}");
    }
}

#[test]
fn the_udp_client_stops_at_the_slides_own_mistake_as_cpython_does() {
    for interp in interpreters() {
        let file = program("udp_upper_client.py", &[]);
        let child = spawn(&interp, &file.0);
        let (out, err) = output_of(child);
        assert_eq!(out, "", "{interp:?}");
        assert!(
            err.ends_with(
                "AttributeError: 'socket' object has no attribute 'getsocketname'. Did you mean: 'getsockname'?\n"
            ),
            "{interp:?}: {err}"
        );
    }
}

#[test]
fn standard_input_is_rewritten_too() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_socklab"))
        .args(["py3", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"name = raw_input('host? ')\nprint name\n")
        .expect("write");
    let out = child.wait_with_output().expect("finish");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "name = input('host? ')\nprint(name)\n"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "line 1: raw_input() is called input() in Python 3\nline 2: print is a function in Python 3: print(...)\n"
    );
}

/// The conformance corpus is Python 3 (some of it deliberately wrong): the rewrite never
/// breaks a program that parses, and changes only the ones written in Python 2's ways.
#[test]
fn python3_programs_are_left_as_they_are() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let mut files = Vec::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "py") {
                files.push(path);
            }
        }
    }
    assert!(files.len() > 100, "{} programs", files.len());
    // Python 2 on purpose: its name says so, or it sends a str to show the TypeError,
    // or it calls has_key to show the AttributeError.
    let python2_on_purpose = |name: &str| {
        name.contains("python2")
            || name.starts_with("send_str")
            || name == "exc_builtin_messages.py"
    };
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue; // not UTF-8 on purpose
        };
        if text.len() > 100_000 {
            continue; // the parser's size limits, not Python 2, and slow to parse in debug
        }
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let original = socklab::py2::Rewrite {
            text: text.clone(),
            changes: Vec::new(),
        };
        let r = socklab::py2::rewrite(&text);
        if original.python3_error().is_none() {
            assert_eq!(
                r.python3_error(),
                None,
                "{name}: the rewrite broke it:\n{}",
                r.text
            );
        }
        if !python2_on_purpose(&name) {
            assert_eq!(r.text, text, "{name} was changed: {}", r.describe());
        }
    }
}
