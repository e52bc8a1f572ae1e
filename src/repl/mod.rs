//! The interactive REPL: `socklab` with no arguments.
//!
//! It reads like Python's own REPL (`>>> `, `... ` until the parser says the entry is
//! complete, values echoed with `repr`), and adds what Python never shows: a line after
//! each call that changes a socket, the `:sockets` / `:show` views, a `hint:` under each
//! error, and the lab services in the background.
//!
//! # Layout
//! - `mod.rs`: the loop: read an entry, run it in the [`Session`], show what happened.
//! - `helper.rs`: the line editor's completion, hints, colouring and paste validation.
//! - `meta.rs`: the `:` commands.
//! - `socket_view.rs`: event lines, the socket table and page (the data is the session's).
//!
//! # Ctrl-C
//! At the prompt the line editor reads Ctrl-C as a key and clears the line. While an
//! entry runs, the terminal is back in its normal mode, so Ctrl-C is SIGINT: the handler
//! sets the session's interrupt flag, which every loop and blocking call checks. Should
//! a statement ignore it (a long computation inside one built-in), the third Ctrl-C in
//! a row ends socklab, so the student is never stuck.

mod helper;
pub mod meta;
pub mod socket_view;

pub use helper::{highlight_python, ReplHelper};

use crate::session::{Outcome, Session, SessionOptions};
use crate::view::{ColorChoice, Palette, Style};
use rustyline::config::{CompletionType, Config};
use rustyline::error::ReadlineError;
use rustyline::history::FileHistory;
use rustyline::Editor;
use std::io::IsTerminal;
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

/// Lines of history kept between sessions.
const HISTORY_SIZE: usize = 10_000;

/// Ctrl-C presses that nothing consumed; three end socklab.
static UNANSWERED_INTERRUPTS: AtomicUsize = AtomicUsize::new(0);

/// `socklab` with no command. With standard input not a terminal (`socklab < prog.py`)
/// the input is run as a script, as `python3 < prog.py` does.
pub fn run(color: ColorChoice, trace: bool) -> i32 {
    if !std::io::stdin().is_terminal() {
        return crate::runner::run_stdin_as_script();
    }
    let palette = Palette::decide(color);
    install_panic_hook();
    let (options, show_events) = live_options(palette);
    let mut session = match Session::new(options) {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(
                std::io::stderr(),
                "socklab: cannot start the interpreter: {e}"
            );
            return 1;
        }
    };
    if trace {
        let _ = say(&meta::trace(&mut session, "on"));
    }
    run_session(palette, session, show_events, None)
}

/// A session as the REPL shows it: output and event lines live; the flag is
/// `:events on|off`.
pub fn live_options(palette: Palette) -> (SessionOptions, Arc<AtomicBool>) {
    let show_events = Arc::new(AtomicBool::new(true));
    let render: crate::session::EventRenderer = {
        let show = show_events.clone();
        Arc::new(move |events: &[crate::session::SocketEvent]| {
            if !show.load(Ordering::Relaxed) {
                return String::new();
            }
            events
                .iter()
                .map(|e| format!("{}\n", socket_view::event_line(e, palette)))
                .collect()
        })
    };
    (
        SessionOptions {
            live_output: true,
            live_events: Some(render),
        },
        show_events,
    )
}

/// What a front end riding on the REPL adds to it (`socklab learn`): text above the
/// prompt, its own `:` commands, and a word after each entry.
pub trait Hook {
    /// Shown before each fresh prompt (not before `... `).
    fn before_prompt(&mut self, session: &mut Session) -> String;
    /// A `:` command the hook answers; `None` leaves it to the REPL.
    fn command(&mut self, session: &mut Session, line: &str) -> Option<(String, meta::Flow)>;
    /// After an entry ran (its output and events already shown).
    fn after_entry(&mut self, session: &mut Session, outcome: &Outcome) -> (String, meta::Flow);
}

/// The REPL on a terminal over `session` (made with [`live_options`]), with `hook`
/// riding along.
pub fn run_hooked(
    palette: Palette,
    session: Session,
    show_events: Arc<AtomicBool>,
    hook: &mut dyn Hook,
) -> i32 {
    install_panic_hook();
    run_session(palette, session, show_events, Some(hook))
}

fn run_session(
    palette: Palette,
    mut session: Session,
    show_events: Arc<AtomicBool>,
    hook: Option<&mut dyn Hook>,
) -> i32 {
    if let Err(e) = install_sigint(&session) {
        let _ = writeln!(
            std::io::stderr(),
            "socklab: Ctrl-C will not interrupt statements: {e}"
        );
    }
    let mut repl = Repl::new(&session, palette, show_events);
    if crate::capture::sandbox::active() {
        let _ = say(&palette.paint(&crate::capture::sandbox::join_hint(), Style::Dim));
    }
    let idle = repl.show_while_idle(&session);
    let code = repl.run(&mut session, hook);
    idle.store(true, Ordering::Relaxed);
    repl.save_history();
    code
}

struct Repl {
    editor: Option<Editor<ReplHelper, FileHistory>>,
    history: Option<PathBuf>,
    state: meta::MetaState,
    /// `:events on|off`, as the session's live event lines read it.
    show_events: Arc<AtomicBool>,
    /// The Python 3 of a failed Python 2 entry, waiting at the next prompt.
    prefill: Option<String>,
}

/// How often the prompt looks for events and service lines that happened meanwhile.
const IDLE_TICK: std::time::Duration = std::time::Duration::from_millis(100);

impl Repl {
    fn new(session: &Session, palette: Palette, show_events: Arc<AtomicBool>) -> Repl {
        let config = Config::builder()
            .max_history_size(HISTORY_SIZE)
            .map(|b| b.history_ignore_dups(true))
            .and_then(|r| r)
            .map(|b| {
                b.history_ignore_space(true)
                    .completion_type(CompletionType::List)
                    .completion_show_all_if_ambiguous(true)
                    .auto_add_history(false)
                    .behavior(editing_behavior())
                    .build()
            })
            .unwrap_or_default();
        let editor = match Editor::<ReplHelper, FileHistory>::with_config(config) {
            Ok(mut ed) => {
                ed.set_helper(Some(ReplHelper::new(
                    session.interp().clone(),
                    palette,
                    session.services(),
                )));
                Some(ed)
            }
            Err(e) => {
                let _ = writeln!(std::io::stderr(), "socklab: no line editing here: {e}");
                None
            }
        };
        let history = history_path();
        let mut repl = Repl {
            editor,
            history,
            show_events,
            prefill: None,
            state: meta::MetaState {
                palette,
                events: true,
                width: terminal_width(),
                served: Vec::new(),
            },
        };
        if let (Some(ed), Some(path)) = (repl.editor.as_mut(), repl.history.as_ref()) {
            let _ = ed.load_history(path);
        }
        repl
    }

    /// Show events, packets (`:trace on`) and lab-service lines while the prompt waits
    /// (a thread's server, a `:serve`d service's clients), above the prompt, through
    /// the line editor's external printer. Returns the switch that stops it.
    fn show_while_idle(&mut self, session: &Session) -> Arc<AtomicBool> {
        let stop = Arc::new(AtomicBool::new(false));
        let (Some(ed), Some(live)) = (self.editor.as_mut(), session.live_events()) else {
            return stop;
        };
        let printer = crate::net::sys::opening_out_of_the_way(|| ed.create_external_printer());
        let Ok(mut printer) = printer else {
            return stop;
        };
        let services = session.services();
        let packets = session.packet_lines();
        let palette = self.state.palette;
        let done = stop.clone();
        let _ = std::thread::Builder::new()
            .name("socklab-idle-lines".into())
            .spawn(move || {
                use rustyline::ExternalPrinter;
                while !done.load(Ordering::Relaxed) {
                    std::thread::sleep(IDLE_TICK);
                    if !live.is_idle() {
                        continue;
                    }
                    let mut text = live.while_idle();
                    let lines = packets.new_lines();
                    if !lines.is_empty() {
                        text.push_str(&palette.paint(&lines, Style::Dim));
                    }
                    for line in services.lock().drain_log() {
                        text.push_str(&palette.paint(&line, Style::Dim));
                        text.push('\n');
                    }
                    crate::view::transcript::record(&text);
                    if !text.is_empty() && printer.print(text).is_err() {
                        return;
                    }
                }
            });
        stop
    }

    fn save_history(&mut self) {
        if let (Some(ed), Some(path)) = (self.editor.as_mut(), self.history.as_ref()) {
            if let Some(dir) = path.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            let _ = ed.save_history(path);
        }
    }

    fn read_line(&mut self, prompt: &str, pending: &str) -> Result<String, ReadlineError> {
        match self.editor.as_mut() {
            Some(ed) => {
                if let Some(h) = ed.helper() {
                    h.set_pending(pending);
                }
                match self.prefill.take() {
                    Some(text) => ed.readline_with_initial(prompt, (&text, "")),
                    None => ed.readline(prompt),
                }
            }
            None => {
                let mut out = std::io::stdout();
                let _ = write!(out, "{prompt}");
                let _ = out.flush();
                let mut line = String::new();
                match std::io::stdin().read_line(&mut line) {
                    Ok(0) => Err(ReadlineError::Eof),
                    Ok(_) => Ok(line.trim_end_matches(['\n', '\r']).to_string()),
                    Err(e) => Err(ReadlineError::Io(e)),
                }
            }
        }
    }

    fn remember(&mut self, line: &str) {
        if line.trim().is_empty() {
            return;
        }
        if let Some(ed) = self.editor.as_mut() {
            let _ = ed.add_history_entry(line);
            // Written at once, so a killed session keeps what was typed.
            if let Some(path) = &self.history {
                if let Some(dir) = path.parent() {
                    let _ = std::fs::create_dir_all(dir);
                }
                let _ = ed.append_history(path);
            }
        }
    }

    fn run(&mut self, session: &mut Session, mut hook: Option<&mut dyn Hook>) -> i32 {
        let p = self.state.palette;
        let banner = format!(
            "socklab {}: Python on real sockets. :help shows how; Ctrl-D leaves.\n",
            env!("CARGO_PKG_VERSION")
        );
        // Bold, not grey: a grey banner is unreadable on a projector. It fits 80 columns.
        if say(&p.paint(&banner, Style::Heading)).is_err() {
            return 0;
        }
        let mut pending = String::new();
        loop {
            if pending.is_empty() {
                if let Some(h) = hook.as_mut() {
                    if say(&h.before_prompt(session)).is_err() {
                        return 0;
                    }
                }
            }
            let prompt = if pending.is_empty() { ">>> " } else { "... " };
            let line = match self.read_line(prompt, &pending) {
                Ok(line) => line,
                Err(ReadlineError::Interrupted) => {
                    pending.clear();
                    continue;
                }
                Err(ReadlineError::Eof) => {
                    let _ = say("\n");
                    return 0;
                }
                Err(e) => {
                    let _ = writeln!(std::io::stderr(), "socklab: cannot read the terminal: {e}");
                    return 1;
                }
            };
            self.remember(&line);
            crate::view::transcript::record(&format!("{prompt}{line}\n"));
            if pending.is_empty() && line.trim_start().starts_with(':') {
                // The terminal may have been resized (or moved to a projector).
                self.state.width = terminal_width();
                let answered = hook.as_mut().and_then(|h| h.command(session, &line));
                let (out, flow) =
                    answered.unwrap_or_else(|| meta::run(session, &mut self.state, &line));
                self.show_events.store(self.state.events, Ordering::Relaxed);
                if say(&out).is_err() {
                    return 0;
                }
                self.show_service_log(session);
                if flow == meta::Flow::Quit {
                    return 0;
                }
                continue;
            }
            if !pending.is_empty() {
                pending.push('\n');
            }
            pending.push_str(&line);
            if crate::syntax::is_incomplete(&pending) {
                continue;
            }
            let entry = std::mem::take(&mut pending);
            let outcome = self.run_entry(session, &entry);
            if let Some(code) = outcome.exit {
                return code;
            }
            if let Some(h) = hook.as_mut() {
                let (out, flow) = h.after_entry(session, &outcome);
                if say(&out).is_err() || flow == meta::Flow::Quit {
                    return 0;
                }
            }
        }
    }

    /// Run one entry, showing socket events as they happen and the error, if any, after.
    fn run_entry(&mut self, session: &mut Session, entry: &str) -> Outcome {
        UNANSWERED_INTERRUPTS.store(0, Ordering::Relaxed);
        let flag = session.interrupt_flag();
        let palette = self.state.palette;
        let services = session.services();
        let mut ticks = 0u32;
        let outcome = session.run_with(entry, &mut || {
            ticks += 1;
            if !flag.load(Ordering::Relaxed) {
                UNANSWERED_INTERRUPTS.store(0, Ordering::Relaxed);
            }
            // The session writes the entry's event lines itself, in order with its
            // output; a long entry (a server loop) also shows its services' lines.
            if ticks >= 3 {
                for line in services.lock().drain_log() {
                    let _ = say(&format!("{}\n", palette.paint(&line, Style::Dim)));
                }
            }
        });
        UNANSWERED_INTERRUPTS.store(0, Ordering::Relaxed);
        // The packets the entry caused, after its event lines.
        let packets = session.new_packet_lines();
        if !packets.is_empty() {
            let _ = say(&palette.paint(&packets, Style::Dim));
        }
        if let Some(err) = &outcome.error {
            // Standard error may go elsewhere than standard output (`2>log`).
            let palette = if std::io::stderr().is_terminal() {
                palette
            } else {
                Palette::PLAIN
            };
            let mut stderr = std::io::stderr();
            let report = match err.report.trim_end().rsplit_once('\n') {
                Some((head, last)) => format!("{head}\n{}\n", palette.paint(last, Style::Error)),
                None => format!("{}\n", palette.paint(err.report.trim_end(), Style::Error)),
            };
            let _ = stderr.write_all(report.as_bytes());
            crate::view::transcript::record(&report);
            if let Some(h) = &err.hint {
                // Wrapped between words to the terminal, continuing under the hint's text.
                let width = terminal_width().map_or(usize::MAX, usize::from);
                let hint = crate::view::wrap::wrap_hanging(&format!("hint: {h}"), width, 6);
                let _ = writeln!(stderr, "{}", palette.paint(&hint, Style::Hint));
                crate::view::transcript::record(&format!("{hint}\n"));
            }
            // The lecture's Python 2: its Python 3 waits at the next prompt.
            if let Some(py3) = crate::py2::offer(entry) {
                let width = terminal_width().map_or(usize::MAX, usize::from);
                let text = crate::py2::offer_text(&py3, width);
                let _ = writeln!(stderr, "{}", palette.paint(&text, Style::Hint));
                crate::view::transcript::record(&format!("{text}\n"));
                self.prefill = Some(py3);
            }
        }
        self.show_service_log(session);
        outcome
    }

    fn show_service_log(&self, session: &Session) {
        let lines = session.services().lock().drain_log();
        for line in lines {
            let _ = say(&format!(
                "{}\n",
                self.state.palette.paint(&line, Style::Dim)
            ));
        }
    }
}

/// Write to standard output (and the `:log` transcript); an error (a closed pipe) ends
/// the REPL normally.
fn say(text: &str) -> std::io::Result<()> {
    crate::view::transcript::record(text);
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// The history file, in the platform's data directory (`~/.local/share/socklab` on
/// Linux, or `$XDG_DATA_HOME/socklab`).
pub fn history_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "socklab").map(|d| d.data_dir().join("history.txt"))
}

/// Where the line editor draws. With standard output a pipe (`socklab | tee log`), the
/// prompt, the typed line and its redrawing go to the terminal itself (`/dev/tty`), so
/// the pipe gets only what the session shows, without the editor's escape codes.
fn editing_behavior() -> rustyline::config::Behavior {
    // SAFETY: isatty only inspects the descriptor.
    if unsafe { libc::isatty(1) } == 1 {
        rustyline::config::Behavior::Stdio
    } else {
        rustyline::config::Behavior::PreferTerm
    }
}

/// The terminal's width: standard output's, or standard input's when the output is a
/// pipe to `tee` (the student still reads it on that terminal).
fn terminal_width() -> Option<u16> {
    [1, 0].into_iter().find_map(|fd| {
        // SAFETY: TIOCGWINSZ fills the winsize struct we own.
        unsafe {
            let mut ws: libc::winsize = std::mem::zeroed();
            (libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) == 0 && ws.ws_col > 0).then_some(ws.ws_col)
        }
    })
}

/// Route SIGINT to the session's interrupt flag while statements run.
fn install_sigint(session: &Session) -> std::io::Result<()> {
    // The flag, and the wake-up pipe that blocking socket calls poll.
    crate::net::wait::install_sigint(session.interrupt_flag())?;
    // SAFETY: the handler only touches an atomic and calls async-signal-safe write/_exit.
    unsafe {
        signal_hook::low_level::register(signal_hook::consts::SIGINT, || {
            if UNANSWERED_INTERRUPTS.fetch_add(1, Ordering::Relaxed) >= 2 {
                let msg = b"\nsocklab: the statement did not stop after three Ctrl-C; leaving\n";
                libc::write(2, msg.as_ptr() as *const libc::c_void, msg.len());
                libc::_exit(130);
            }
        })?;
    }
    Ok(())
}

/// A panic is a bug; say so in one line (no backtrace), and let the session go on.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let _ = writeln!(
            std::io::stderr(),
            "socklab: internal error (a bug, please report it): {msg}{place}"
        );
    }));
}
