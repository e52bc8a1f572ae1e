//! The modules whose output goes mostly to standard error (argparse's usage and errors,
//! logging, warnings, traceback), and those that read the real command line or the
//! terminal's width: each program runs under `python3` and `socklab run` with the same
//! arguments and environment, and standard output, standard error and the exit status
//! must be the same, byte for byte (the conformance corpus compares only stderr's last
//! line). python3 (CPython 3.11) must be on PATH, as it is in CI.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const SOCKLAB: &str = env!("CARGO_BIN_EXE_socklab");
const DEADLINE: Duration = Duration::from_secs(30);

struct TempDir(PathBuf);
impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn temp_dir() -> TempDir {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let p = std::env::temp_dir().join(format!(
        "socklab-stdlib-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&p).expect("temp dir");
    TempDir(p)
}

/// The child's output, or a panic (and the child killed) after DEADLINE.
fn wait_output(child: Child) -> Output {
    let pid = child.id();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(DEADLINE) {
        Ok(out) => out.expect("wait for the program"),
        Err(_) => {
            // SAFETY: kill(2) on the pid of our own child, which has not been reaped.
            unsafe { libc::kill(pid as i32, libc::SIGKILL) };
            panic!("the program did not finish within {DEADLINE:?}");
        }
    }
}

/// Run `program` (written to `prog.py` in a fresh folder, which is also the working
/// folder) with `args` under `interpreter` (`python3` or socklab's `run`).
fn run(dir: &Path, socklab: bool, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = if socklab {
        let mut c = Command::new(SOCKLAB);
        c.arg("run");
        c
    } else {
        Command::new("python3")
    };
    cmd.arg("prog.py")
        .args(args)
        .current_dir(dir)
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1")
        .env("PYTHONIOENCODING", "utf-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let child = cmd.spawn().unwrap_or_else(|e| {
        panic!(
            "cannot start {}: {e}",
            if socklab { SOCKLAB } else { "python3" }
        )
    });
    wait_output(child)
}

/// The program's stdout, stderr and status under both; they must be the same.
fn same_as_python(program: &str, args: &[&str], env: &[(&str, &str)]) -> Output {
    let dir = temp_dir();
    std::fs::write(dir.0.join("prog.py"), program).expect("write program");
    let python = run(&dir.0, false, args, env);
    let ours = run(&dir.0, true, args, env);
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    assert_eq!(
        text(&ours.stdout),
        text(&python.stdout),
        "stdout differs for args {args:?}"
    );
    assert_eq!(
        text(&ours.stderr),
        text(&python.stderr),
        "stderr differs for args {args:?}"
    );
    assert_eq!(
        ours.status.code(),
        python.status.code(),
        "exit status for {args:?}"
    );
    ours
}

const ECHO_CLIENT: &str = r#"import argparse
parser = argparse.ArgumentParser(description='Send a message to an echo server and print what comes back.')
parser.add_argument('host', help='the server host name or address')
parser.add_argument('message', nargs='*', help='words to send')
parser.add_argument('-p', '--port', type=int, default=7, help='the server port (default: %(default)s)')
parser.add_argument('-t', '--timeout', type=float, metavar='SECONDS', help='give up after this long')
parser.add_argument('--mode', choices=['tcp', 'udp'], default='tcp')
parser.add_argument('-v', '--verbose', action='store_true')
args = parser.parse_args()
print(args)
"#;

#[test]
fn argparse_reads_the_real_command_line() {
    let out = same_as_python(ECHO_CLIENT, &["--port", "5", "x"], &[]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("port=5"));
    same_as_python(
        ECHO_CLIENT,
        &["x", "hello", "world", "-v", "--mode=udp"],
        &[],
    );
    same_as_python(ECHO_CLIENT, &["--", "-h"], &[]);
}

#[test]
fn argparse_help_wraps_at_the_terminal_width() {
    // No terminal: 80 columns; COLUMNS decides when it is set, as shutil says.
    let out = same_as_python(ECHO_CLIENT, &["-h"], &[]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("usage: prog.py [-h]"));
    same_as_python(ECHO_CLIENT, &["--help"], &[("COLUMNS", "50")]);
    same_as_python(ECHO_CLIENT, &["--help"], &[("COLUMNS", "132")]);
}

#[test]
fn argparse_errors_print_usage_and_exit_2() {
    for args in [
        &[][..],
        &["x", "--port", "http"],
        &["x", "--mode", "sctp"],
        &["x", "--bogus", "-z"],
        &["x", "-t"],
    ] {
        let out = same_as_python(ECHO_CLIENT, args, &[("COLUMNS", "60")]);
        assert_eq!(out.status.code(), Some(2));
    }
}

#[test]
fn logging_writes_to_stderr_as_cpython() {
    // lastResort's bare message, basicConfig's default format, logger.exception's
    // traceback, a thread's name and the caller's function and line.
    let program = r#"import logging
import threading
log = logging.getLogger('lab')
log.info('dropped')
log.warning('no handler: the bare message')
logging.basicConfig(level=logging.INFO)
log.info('the default format')
def worker():
    log.warning('from %s', 'a thread')
t = threading.Thread(target=worker, name='worker')
t.start()
t.join()
fmt = logging.Formatter('%(levelname)s %(threadName)s %(funcName)s:%(lineno)d %(message)s')
logging.getLogger().handlers[0].setFormatter(fmt)
def connect():
    raise ConnectionRefusedError(111, 'Connection refused')
try:
    connect()
except OSError:
    log.exception('cannot connect')
worker()
logging.critical('last')
"#;
    let out = same_as_python(program, &[], &[]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("INFO:lab:the default format\n"), "{err}");
    assert!(
        err.contains("ERROR MainThread <module>:20 cannot connect\nTraceback"),
        "{err}"
    );
}

#[test]
fn warnings_print_as_cpython() {
    // threading's old names warn with CPython's text and the caller's line; a warning
    // from a function points at it, or at its caller with stacklevel=2.
    let program = r#"import threading
import warnings
t = threading.currentThread()
print(t.name, threading.activeCount())
w = threading.Thread(target=print)
w.setDaemon(True)
print(w.isDaemon(), w.getName() == w.name, threading.Event().isSet())
def check(port):
    if port < 1024:
        warnings.warn('port %d needs root' % port, RuntimeWarning, stacklevel=2)
    warnings.warn('check() is deprecated', DeprecationWarning)
check(80)
for i in range(3):
    warnings.warn('shown once')
warnings.simplefilter('error')
check(22)
"#;
    let out = same_as_python(program, &[], &[]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(": DeprecationWarning: currentThread() is deprecated, use current_thread() instead\n  t = threading.currentThread()\n"),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn traceback_prints_as_cpython() {
    // print_exc inside the handler, print_exception(e) after it, and print_stack, all
    // on standard error; then an uncaught error.
    let program = r#"import traceback
def connect(port):
    raise ConnectionRefusedError(111, 'Connection refused')
def start(port):
    connect(port)
try:
    start(80)
except OSError as e:
    traceback.print_exc()
    saved = e
traceback.print_exception(saved)
def where():
    traceback.print_stack()
where()
start(22)
"#;
    let out = same_as_python(program, &[], &[]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("Traceback (most recent call last):\n"),
        "{err}"
    );
    assert!(err.contains(", line 13, in where\n"), "{err}");
}
