//! Driving socklab's REPL through a pseudo-terminal, as a student types: wait for the
//! prompt (rexpect's bounded timeouts, never sleeps), type, read what came before the next
//! prompt. Used by `repl_pty.rs` and `repl_typing.rs`.
#![allow(dead_code)]

use rexpect::reader::Options;
use rexpect::session::{spawn_with_options, PtySession};
use std::path::{Path, PathBuf};
use std::process::Command;

pub const TIMEOUT_MS: u64 = 10_000;

pub struct Repl {
    pub p: PtySession,
}

/// socklab with its history and data in `data`, on an xterm.
pub fn command(data: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_socklab"));
    cmd.env("TERM", "xterm")
        .env("XDG_DATA_HOME", data)
        .env("HOME", data)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .current_dir(data);
    cmd
}

impl Repl {
    /// socklab without colour, escape codes stripped from what is read.
    pub fn start(data: &Path) -> Repl {
        let mut cmd = command(data);
        cmd.env("NO_COLOR", "1");
        Repl::spawn(cmd, true)
    }

    pub fn spawn(cmd: Command, strip: bool) -> Repl {
        let opts = Options::new()
            .timeout_ms(Some(TIMEOUT_MS))
            .strip_ansi_escape_codes(strip);
        let mut p = spawn_with_options(cmd, opts).expect("spawn socklab");
        p.exp_string(if strip { "\n\r>>> " } else { ">>> " })
            .expect("first prompt");
        Repl { p }
    }

    /// Type one line; return what it printed before the next `prompt`, without `\r`.
    /// (The editor redraws a line as it is typed with carriage returns only: the first
    /// newline is Enter, and the prompt after a newline is the next one.)
    pub fn line_until(&mut self, line: &str, prompt: &str) -> String {
        self.p.send_line(line).expect("send");
        self.until(prompt, line)
    }

    /// What came before the next `prompt` on a fresh line, from the line typed on.
    pub fn until(&mut self, prompt: &str, what: &str) -> String {
        let chunk = self
            .p
            .exp_string(&format!("\n\r{prompt}"))
            .unwrap_or_else(|e| panic!("no {prompt:?} after {what:?}: {e}"));
        let chunk = format!("{}\n", utf8(&chunk)).replace('\r', "");
        match chunk.split_once('\n') {
            Some((_, out)) => out.to_string(),
            None => String::new(),
        }
    }

    /// Type one complete entry; return its output.
    pub fn run(&mut self, line: &str) -> String {
        self.line_until(line, ">>> ")
    }

    /// Type a line that leaves the entry open; return its output.
    pub fn more(&mut self, line: &str) -> String {
        self.line_until(line, "... ")
    }

    /// Type a block line by line and end it with an empty line; return its output.
    pub fn entry(&mut self, lines: &[&str]) -> String {
        for line in lines {
            self.more(line);
        }
        self.run("")
    }

    /// Type without pressing Enter.
    pub fn keys(&mut self, keys: &str) {
        self.p.send(keys).expect("send");
        self.p.flush().expect("flush");
    }

    pub fn quit(mut self) {
        self.p.send_control('d').expect("ctrl-d");
        self.p.exp_eof().expect("exit on ctrl-d");
    }
}

/// rexpect reads one char per byte; put the UTF-8 back together (`→`, the table lines).
pub fn utf8(s: &str) -> String {
    let bytes: Vec<u8> = s.chars().map(|c| c as u32 as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Type without pressing Enter.
pub fn type_keys(r: &mut Repl, keys: &str) {
    r.keys(keys);
}

/// A fresh directory for one test's history and files.
pub fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("socklab-pty-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}
