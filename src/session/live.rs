//! Event lines shown as they happen, in order with the program's output.
//!
//! The REPL shows a line for each socket event *when it happens*: between the lines a
//! server loop prints, while a thread works in the background, while the prompt waits.
//! This reader follows the socket table's log with its own cursor and writes the lines
//! it has not shown yet at three moments:
//! - just before the program writes output (so the `received` event of a handler comes
//!   before what the handler prints about it);
//! - on the front end's tick while an entry runs, at a line boundary, once an event has
//!   settled (a few milliseconds, so `conn, addr = s.accept()` has assigned `conn` and
//!   the line can say `conn`);
//! - when the entry ends, or when the front end asks while the prompt waits.
//!
//! Names are looked up when a line is written, not when the event happens: the names a
//! statement assigns exist only after its call returns.
//!
//! A failed call's `error:` event is held back while the entry runs: if the exception
//! ends the entry, the traceback says the same and the line is dropped; if the program
//! handles it (more output or events follow), the line is shown in its place.

use super::sockets::{self, SocketEvent};
use crate::interp::Interp;
use crate::net::Event;
use parking_lot::Mutex;
use std::sync::{Arc, Weak};
use std::time::Duration;

/// Turns event lines into the text a front end shows (names, colours, newlines).
pub type EventRenderer = Arc<dyn Fn(&[SocketEvent]) -> String + Send + Sync>;

/// How long an event waits on a tick before its line is written, so that the name the
/// statement assigns to its result exists.
const SETTLE: Duration = Duration::from_millis(30);

pub struct LiveEvents {
    interp: Weak<Interp>,
    render: EventRenderer,
    state: Mutex<Cursor>,
}

struct Cursor {
    /// The next event to show.
    next: u64,
    /// An entry is running (otherwise the prompt waits).
    running: bool,
    /// The program's output so far does not end with a newline: a line written now
    /// would land in the middle of it.
    mid_line: bool,
}

/// Which of the pending events a moment may show.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Moment {
    /// The program is about to write output: everything before it.
    Output,
    /// A tick while the entry runs: settled events, at a line boundary.
    Tick,
    /// The entry has ended, or the prompt waits: everything.
    Idle,
}

impl LiveEvents {
    pub(super) fn new(interp: &Arc<Interp>, render: EventRenderer) -> LiveEvents {
        LiveEvents {
            interp: Arc::downgrade(interp),
            render,
            state: Mutex::new(Cursor {
                next: interp.sockets.cursor(),
                running: false,
                mid_line: false,
            }),
        }
    }

    /// Take the events a moment may show and advance the cursor past them.
    fn take(&self, moment: Moment) -> Option<(Arc<Interp>, Vec<Event>)> {
        let interp = self.interp.upgrade()?;
        let mut st = self.state.lock();
        if moment == Moment::Tick && st.mid_line {
            return None;
        }
        let mut events = interp.sockets.events_since(st.next);
        if moment == Moment::Tick {
            let settled = events
                .iter()
                .position(|e| e.at.elapsed() < SETTLE)
                .unwrap_or(events.len());
            events.truncate(settled);
        }
        if st.running && moment != Moment::Idle && events.last().is_some_and(Event::is_error) {
            events.pop();
        }
        let last = events.last()?;
        st.next = last.seq + 1;
        Some((interp, events))
    }

    fn render(&self, moment: Moment) -> String {
        match self.take(moment) {
            Some((interp, events)) => (self.render)(&sockets::name_events(&interp, events)),
            None => String::new(),
        }
    }

    /// The lines to write before output the program is about to write; `output` is that
    /// output, to know whether the next line starts fresh.
    pub(super) fn before_output(&self, output: &[u8]) -> String {
        let text = self.render(Moment::Output);
        if let Some(&last) = output.last() {
            self.state.lock().mid_line = last != b'\n';
        }
        text
    }

    /// The lines a tick of a running entry may write.
    pub(super) fn on_tick(&self) -> String {
        self.render(Moment::Tick)
    }

    /// An entry starts: lines from now on follow its output.
    pub(super) fn start_entry(&self) {
        let mut st = self.state.lock();
        st.running = true;
        st.mid_line = false;
    }

    /// The entry ended: its remaining lines, without the `error:` line of the
    /// exception that ended it (`error_line`, which its traceback shows).
    pub(super) fn end_entry(&self, error_line: Option<&str>) -> String {
        let taken = self.take(Moment::Idle);
        self.state.lock().running = false;
        let Some((interp, mut events)) = taken else {
            return String::new();
        };
        if let (Some(line), Some(last)) = (error_line, events.last()) {
            if matches!(&last.kind, crate::net::EventKind::Error { line: l } if l == line) {
                events.pop();
            }
        }
        if events.is_empty() {
            return String::new();
        }
        (self.render)(&sockets::name_events(&interp, events))
    }

    /// No entry runs: the prompt waits.
    pub fn is_idle(&self) -> bool {
        !self.state.lock().running
    }

    /// Lines for events that happened while the prompt waits (threads, a server started
    /// in the background); empty while an entry runs, whose own moments show them.
    pub fn while_idle(&self) -> String {
        if self.state.lock().running {
            return String::new();
        }
        self.render(Moment::Idle)
    }

    /// Skip the events from `from` up to `to` if nothing before them is unshown: a quiet
    /// evaluation's own events (a lesson's check, `:hex`) are not the student's.
    pub(super) fn skip_quiet(&self, from: u64, to: u64) {
        let mut st = self.state.lock();
        if st.next == from {
            st.next = to;
        }
    }
}
