//! Lessons that read packets (`capture = true`), through the front ends as processes:
//! `lesson check` and `learn` as root (the host's loopback) and as an unprivileged user
//! (who gets a private network of socklab's own by itself), and `lesson demo` showing
//! each step's packets. The fixture lesson is `tests/fixtures/capture-lessons`.
//!
//! `cargo test` runs as root here and in CI; the unprivileged runs drop to `nobody`
//! with `setpriv`. Loopback only.

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/capture-lessons"
);
const NOBODY: &str = "65534";

/// The model solutions of the fixture, as a student would type them.
const ANSWERS: &str =
    "c = socket.create_connection(srv.getsockname())\nconn, addr = srv.accept()\nc.close()\n";

fn is_root() -> bool {
    // SAFETY: geteuid cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// A folder nobody owns, with the binary and the fixture lessons in it.
struct Scratch(PathBuf);

impl Scratch {
    fn new(tag: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!(
            "socklab-lesson-packets-{tag}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("lessons")).expect("scratch dir");
        std::fs::copy(env!("CARGO_BIN_EXE_socklab"), dir.join("socklab")).expect("copy");
        std::fs::copy(
            Path::new(FIXTURES).join("handshake.md"),
            dir.join("lessons/handshake.md"),
        )
        .expect("copy lesson");
        let status = Command::new("chown")
            .args(["-R", &format!("{NOBODY}:{NOBODY}")])
            .arg(&dir)
            .status()
            .expect("chown runs");
        assert!(status.success());
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        Scratch(dir)
    }

    fn as_nobody(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new("setpriv");
        cmd.args([
            &format!("--reuid={NOBODY}"),
            &format!("--regid={NOBODY}"),
            "--clear-groups",
        ])
        .arg(self.0.join("socklab"))
        .args(args)
        .current_dir(&self.0)
        .env("SOCKLAB_DATA_DIR", self.0.join("data"));
        cmd
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn socklab(args: &[&str], data: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_socklab"));
    cmd.args(args)
        .env("SOCKLAB_DATA_DIR", data)
        .env("NO_COLOR", "1");
    cmd
}

/// Run with `input` on standard input; a bound on how long it may take.
fn run(mut cmd: Command, input: &str) -> Output {
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("socklab starts");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(input.as_bytes()).expect("write input");
    drop(stdin);
    let (tx, rx) = std::sync::mpsc::channel();
    let id = child.id();
    std::thread::spawn(move || {
        if rx.recv_timeout(std::time::Duration::from_secs(60)).is_err() {
            // SAFETY: kill on our own child's pid.
            unsafe { libc::kill(id as i32, libc::SIGKILL) };
        }
    });
    let out = child.wait_with_output().expect("socklab ends");
    let _ = tx.send(());
    out
}

fn text(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// What `learn` printed for the fixture's model answers: the packets, named, under
/// each entry, and the lesson complete.
fn assert_learned(out: &Output) {
    let (stdout, stderr) = text(out);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    let lines: Vec<&str> = stdout.lines().filter(|l| l.starts_with('#')).collect();
    assert!(lines.len() >= 4, "{stdout}");
    assert!(lines[0].contains("c → srv  Flags [S], seq 0"), "{stdout}");
    assert!(lines[1].contains("srv → c  Flags [S.]"), "{stdout}");
    assert!(lines[2].contains("c → srv  Flags [.]"), "{stdout}");
    assert!(
        lines.iter().any(|l| l.contains("c → conn  Flags [F.]")),
        "{stdout}"
    );
    assert!(stdout.contains("passed: connect\n"), "{stdout}");
    assert!(stdout.ends_with("lesson complete: handshake\n"), "{stdout}");
}

#[test]
fn a_lesson_that_reads_packets_checks_and_is_learned_as_root() {
    if !is_root() {
        eprintln!("not root: capture on the host's loopback needs root (CI runs as root)");
        return;
    }
    let data = tempfile::tempdir().expect("tempdir");
    let out = run(socklab(&["lesson", "check", FIXTURES], data.path()), "");
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.starts_with("ok    handshake (2 steps"), "{stdout}");
    assert!(!stdout.contains("left out"), "{stdout}");
    // The checks read the packets: the student cannot turn the capture off.
    let out = run(
        socklab(&["learn", "--lessons", FIXTURES, "handshake"], data.path()),
        &format!(":trace off\n{ANSWERS}"),
    );
    assert_learned(&out);
    let stdout = text(&out).0;
    assert!(
        stdout.contains("as root: only your own sockets' packets"),
        "{stdout}"
    );
    assert!(
        stdout.contains("this lesson's checks read the packets, so the capture stays on\n"),
        "{stdout}"
    );
}

#[test]
fn an_unprivileged_student_gets_a_private_network_and_the_packets() {
    if !is_root() {
        eprintln!("not root: cannot drop to nobody to test the unprivileged path");
        return;
    }
    let scratch = Scratch::new("nobody");
    let out = run(scratch.as_nobody(&["lesson", "check", "lessons"]), "");
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.starts_with("ok    handshake (2 steps"), "{stdout}");
    assert!(!stdout.contains("left out"), "{stdout}");
    let out = run(
        scratch.as_nobody(&["learn", "--lessons", "lessons", "handshake"]),
        ANSWERS,
    );
    assert_learned(&out);
    assert!(text(&out).0.contains("the sandbox's own loopback"));
}

/// Where no capture is possible: a process whose capabilities are those of a user
/// namespace of its own (`unshare -U -r`, as in a container) over the host's network,
/// which that namespace does not own, so no packet socket may be opened there.
#[test]
fn without_a_capture_the_lesson_says_why_once_and_leaves_out_only_packet_checks() {
    if !is_root() {
        eprintln!("not root: cannot drop to nobody to test the restricted path");
        return;
    }
    let scratch = Scratch::new("refused");
    let restricted = |data: &str, args: &[&str]| {
        // setpriv ... unshare -U -r ./socklab ARGS
        let mut cmd = Command::new("setpriv");
        cmd.args([
            &format!("--reuid={NOBODY}"),
            &format!("--regid={NOBODY}"),
            "--clear-groups",
            "unshare",
            "-U",
            "-r",
        ])
        .arg(scratch.0.join("socklab"))
        .args(args)
        .current_dir(&scratch.0)
        .env("SOCKLAB_DATA_DIR", scratch.0.join(data));
        cmd
    };
    let out = run(restricted("data", &["lesson", "check", "lessons"]), "");
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.starts_with("ok    handshake (2 steps, ")
            && stdout.contains("packet checks left out"),
        "{stdout}"
    );
    assert!(stderr.contains("no packet capture here"), "{stderr}");
    let out = run(
        restricted("data", &["learn", "--lessons", "lessons", "handshake"]),
        ANSWERS,
    );
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert_eq!(
        stdout.matches("no packet capture here").count(),
        1,
        "{stdout}"
    );
    assert!(
        stdout.contains("the checks that read packets are left out"),
        "{stdout}"
    );
    assert!(!stdout.contains("Flags ["), "{stdout}");
    assert!(stdout.ends_with("lesson complete: handshake\n"), "{stdout}");
    // The other checks still decide: an unconnected `c` does not pass.
    let out = run(
        restricted("data2", &["learn", "--lessons", "lessons", "handshake"]),
        "c = socket.socket()\n",
    );
    let (stdout, _) = text(&out);
    assert!(!out.status.success(), "{stdout}");
    assert!(!stdout.contains("passed: connect"), "{stdout}");
}

#[test]
fn an_abortive_close_does_not_pass_the_packet_check() {
    if !is_root() {
        eprintln!("not root: capture on the host's loopback needs root (CI runs as root)");
        return;
    }
    // c ends up closed, as the step asks, but with SO_LINGER at 0 its close() resets
    // the connection (RST) instead of finishing it (FIN): only the packets tell.
    let data = tempfile::tempdir().expect("tempdir");
    let out = run(
        socklab(&["learn", "--lessons", FIXTURES, "handshake"], data.path()),
        "c = socket.create_connection(srv.getsockname())\nconn, addr = srv.accept()\n\
         import struct\n\
         c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))\n\
         c.close()\n:check\n",
    );
    let (stdout, stderr) = text(&out);
    assert!(!out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("c → conn  Flags [R.]"), "{stdout}");
    assert!(stdout.contains("passed: connect\n"), "{stdout}");
    assert!(
        stdout.contains("✗ close() sends a FIN from c to conn, and no RST\n"),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("lesson not complete: 1 of 2 steps done\n"),
        "{stdout}"
    );
}

#[test]
fn lesson_demo_shows_each_steps_packets() {
    if !is_root() {
        eprintln!("not root: capture on the host's loopback needs root (CI runs as root)");
        return;
    }
    let data = tempfile::tempdir().expect("tempdir");
    // Enter runs step 1, n goes on, Enter runs step 2.
    let out = run(
        socklab(
            &["lesson", "demo", "--lessons", FIXTURES, "handshake"],
            data.path(),
        ),
        "\nn\n\nq\n",
    );
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    let (first, second) = stdout.split_once("step 2 of 2").expect("two steps shown");
    assert!(first.contains("#1  c → srv  Flags [S], seq 0"), "{first}");
    assert!(first.contains("#3  c → srv  Flags [.]"), "{first}");
    assert!(second.contains("c → conn  Flags [F.]"), "{second}");
    // The packets come after the entry that caused them.
    let close = second.find(">>> c.close()").expect("the entry");
    assert!(second[close..].contains("c → conn  Flags [F.]"), "{second}");
    assert_eq!(
        second.matches("✓ the step's checks pass").count(),
        1,
        "{second}"
    );
}
