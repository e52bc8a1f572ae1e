//! What the process tests share: `socklab run` on a program in the background, its
//! standard output read line by line with a deadline, and its end awaited with one.
//! Each test binary uses some of it.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const SOCKLAB: &str = env!("CARGO_BIN_EXE_socklab");
pub const DEADLINE: Duration = Duration::from_secs(20);

/// A socklab program running in the background, its stdout read line by line.
pub struct Running {
    child: Child,
    lines: mpsc::Receiver<String>,
    _dir: TempDir,
}

pub struct TempDir(PathBuf);
impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn temp_dir() -> TempDir {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let p = std::env::temp_dir().join(format!(
        "socklab-test-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&p).expect("temp dir");
    TempDir(p)
}

pub fn spawn(program: &str, extra_args: &[&str]) -> Running {
    let dir = temp_dir();
    let path = dir.0.join("prog.py");
    std::fs::write(&path, program).expect("write program");
    let mut cmd = Command::new(SOCKLAB);
    cmd.arg("run");
    cmd.args(extra_args);
    cmd.arg(&path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn socklab");
    let stdout: ChildStdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            match line {
                Ok(l) => {
                    if tx.send(l).is_err() {
                        break;
                    }
                }
                Err(_) => break,
            }
        }
    });
    Running {
        child,
        lines: rx,
        _dir: dir,
    }
}

impl Running {
    pub fn line(&self) -> String {
        self.lines
            .recv_timeout(DEADLINE)
            .expect("socklab printed the expected line in time")
    }

    pub fn sigint(&self) {
        // SAFETY: sending a signal to our own child process.
        unsafe {
            libc::kill(self.child.id() as i32, libc::SIGINT);
        }
    }

    pub fn send_line(&mut self, s: &str) {
        let stdin = self.child.stdin.as_mut().expect("stdin");
        stdin.write_all(s.as_bytes()).expect("write stdin");
        stdin.write_all(b"\n").expect("write stdin");
        stdin.flush().expect("flush stdin");
    }

    /// Wait (bounded) for exit; returns the status code and all of stderr.
    pub fn finish(mut self) -> (i32, String) {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                let mut err = String::new();
                if let Some(mut e) = self.child.stderr.take() {
                    let _ = e.read_to_string(&mut err);
                }
                return (status.code().unwrap_or(-1), err);
            }
            if start.elapsed() > DEADLINE {
                let _ = self.child.kill();
                panic!("socklab did not exit in time");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}
