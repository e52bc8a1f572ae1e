//! What every task of one lab service shares: which service it is, its limits, and where
//! its one-line log goes. The services and the dispatcher both use it; it uses neither.

use super::{Limits, Service};
use std::collections::VecDeque;
use std::fmt;
use std::io;
use std::sync::mpsc::SyncSender;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Where a service's one-line events go.
#[derive(Clone)]
pub(crate) enum Log {
    Quiet,
    /// To the logger thread of `socklab serve`, which prints them; a full queue drops
    /// lines rather than slow the service down.
    Print(SyncSender<String>),
    /// Kept for the REPL to show between prompts (see `Services::drain_log`).
    Keep(Arc<Mutex<VecDeque<String>>>),
}

/// Lines kept for the REPL at most; older ones are dropped.
pub(crate) const KEPT_LINES: usize = 500;

impl Log {
    pub fn line(&self, line: String) {
        match self {
            Log::Quiet => {}
            Log::Print(tx) => {
                let _ = tx.try_send(line);
            }
            Log::Keep(lines) => {
                if let Ok(mut lines) = lines.lock() {
                    if lines.len() >= KEPT_LINES {
                        lines.pop_front();
                    }
                    lines.push_back(line);
                }
            }
        }
    }
}

/// What every task of one service shares.
pub(crate) struct Ctx {
    pub service: Service,
    pub limits: Limits,
    log: Log,
}

impl Ctx {
    pub fn new(service: Service, limits: Limits, log: Log) -> Ctx {
        Ctx {
            service,
            limits,
            log,
        }
    }

    /// Log one event, prefixed with the service's name.
    pub fn log(&self, event: fmt::Arguments<'_>) {
        if !matches!(self.log, Log::Quiet) {
            self.log.line(format!("{}: {}", self.service.name(), event));
        }
    }
}

/// The words a log line uses for an error that ended a peer.
pub(crate) fn describe_error(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::ConnectionReset => "connection reset by the peer".to_string(),
        io::ErrorKind::BrokenPipe => "the peer closed while we were sending".to_string(),
        io::ErrorKind::TimedOut => e.to_string(),
        _ => e.to_string(),
    }
}

/// An error for a peer that stayed silent longer than the idle timeout.
pub(crate) fn idle_error(limit: Duration) -> io::Error {
    io::Error::new(
        io::ErrorKind::TimedOut,
        format!("idle for {} s (the idle timeout)", limit.as_secs_f64()),
    )
}
