//! `:log FILE`: a plain-text transcript of the session for students to take home: each
//! entry as typed (with its prompt) and everything shown after it, without escape codes.
//!
//! One transcript per process, kept here so every writer can add to it: the REPL's own
//! output ([`record`]), and the program's output through [`Tee`].

use parking_lot::Mutex;
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

static LOG: Mutex<Option<(PathBuf, File)>> = Mutex::new(None);

/// Start writing the transcript to `path` (replacing the file), ending any other.
pub fn start(path: &Path) -> io::Result<()> {
    let file = crate::net::sys::file_out_of_the_way(File::create(path)?);
    *LOG.lock() = Some((path.to_path_buf(), file));
    Ok(())
}

/// Stop writing; where it was written, if it was.
pub fn stop() -> Option<PathBuf> {
    LOG.lock().take().map(|(path, _)| path)
}

/// Where the transcript goes now.
pub fn current() -> Option<PathBuf> {
    LOG.lock().as_ref().map(|(path, _)| path.clone())
}

/// Add text shown on the terminal, escape codes removed.
pub fn record(text: &str) {
    record_bytes(text.as_bytes());
}

fn record_bytes(bytes: &[u8]) {
    let mut log = LOG.lock();
    if let Some((_, file)) = log.as_mut() {
        // A full disk must not stop the session; the transcript just ends short.
        let _ = file.write_all(&strip_escapes(bytes));
    }
}

/// A writer that also records what it writes (the program's standard output and error).
pub struct Tee<W>(pub W);

impl<W: Write> Write for Tee<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.0.write(buf)?;
        record_bytes(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// `bytes` without terminal escape sequences (colours, cursor moves) or carriage returns.
pub fn strip_escapes(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            0x1b => {
                i += 1;
                match bytes.get(i) {
                    // CSI: parameters, then one final byte from @ to ~.
                    Some(b'[') => {
                        i += 1;
                        while i < bytes.len() && !(0x40..=0x7e).contains(&bytes[i]) {
                            i += 1;
                        }
                        i += 1;
                    }
                    // OSC: up to BEL or ESC \.
                    Some(b']') => {
                        while i < bytes.len() && bytes[i] != 0x07 && bytes[i] != 0x1b {
                            i += 1;
                        }
                        i += if bytes.get(i) == Some(&0x1b) { 2 } else { 1 };
                    }
                    Some(_) => i += 1,
                    None => {}
                }
            }
            b'\r' => i += 1,
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_and_cursor_moves_are_removed() {
        assert_eq!(
            strip_escapes(b"\x1b[1;32m>>> \x1b[0mx\x1b[K\r\n\x1b]0;title\x07ok"),
            b">>> x\nok"
        );
        assert_eq!(strip_escapes("é → ü".as_bytes()), "é → ü".as_bytes());
    }
}
