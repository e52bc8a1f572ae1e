//! The capture on systems other than Linux: there is none. Seeing loopback's packets
//! takes an AF_PACKET socket (and, without root, Linux's user namespaces), so here
//! [`Capture::start`] always says why, and everything else of socklab works as usual.

pub use super::common::{table_filter, Deliver, Filter, Sink, StartError, Where};
use super::Packet;
use std::convert::Infallible;
use std::time::Duration;

/// How many packets the REPL keeps (the same figure as on Linux, for the messages).
pub const RING: usize = 10_000;

/// A capture that cannot exist on this system: no value of it is ever made.
pub struct Capture {
    never: Infallible,
    pub place: Where,
}

/// Only Linux can capture: nobody is permitted here.
pub fn permitted() -> bool {
    false
}

impl Capture {
    pub fn start(
        _filter: Option<Filter>,
        _cursor: Box<dyn Fn() -> u64 + Send + Sync>,
        _sink: Option<Sink>,
    ) -> Result<Capture, StartError> {
        Err(StartError::Other(std::io::Error::new(
            std::io::ErrorKind::Unsupported,
            "packet capture on loopback needs Linux (an AF_PACKET socket); this system has none",
        )))
    }

    pub fn set_cause(&self, _cause: Option<&str>) {
        match self.never {}
    }

    pub fn catch_up(&self, _bound: Duration) {
        match self.never {}
    }

    pub fn since(&self, _from: u64) -> Vec<Packet> {
        match self.never {}
    }

    pub fn get(&self, _number: u64) -> Option<Packet> {
        match self.never {}
    }

    pub fn next_number(&self) -> u64 {
        match self.never {}
    }

    pub fn oldest(&self) -> Option<u64> {
        match self.never {}
    }

    pub fn failure(&self) -> Option<String> {
        match self.never {}
    }

    pub fn lost(&self) -> u64 {
        match self.never {}
    }
}
