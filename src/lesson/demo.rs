//! `socklab lesson demo ID`: an instructor in front of a class.
//!
//! Each step fills an 80-column screen: its title, its text, and its model solution in a
//! frame; Enter runs the solution and shows what it printed, what the sockets did and
//! the socket table. One key each, no mouse: Enter run, `n` next, `b` back, `r` re-run
//! (the lesson replayed from its start up to this step, then this step run again), `q`
//! quit. Going back or re-running replays the earlier steps silently in a fresh session,
//! so the sockets on screen are always the ones the lesson's story has made.
//!
//! On a terminal keys are read one at a time (no Enter needed after `n`), and Ctrl-C
//! stops a solution that waits; from a pipe each line is a key (an empty line is Enter).

use super::engine::{entries, Engine};
use super::format::Lesson;
use super::{fail, say, Library};
use crate::repl::socket_view;
use crate::session::Session;
use crate::view::{ColorChoice, Palette, Style};
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// The screen's width: what a projector shows legibly.
const WIDTH: usize = 80;

/// A key the instructor pressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    Run,
    Next,
    Back,
    Rerun,
    Quit,
    Other,
}

fn key_of(c: u8) -> Key {
    match c {
        b'\n' | b'\r' | b' ' => Key::Run,
        b'n' | b'N' => Key::Next,
        b'b' | b'B' | b'p' => Key::Back,
        b'r' | b'R' => Key::Rerun,
        b'q' | b'Q' | 4 | 3 => Key::Quit,
        _ => Key::Other,
    }
}

/// The terminal in cbreak mode (keys without Enter, no echo) while alive.
struct Cbreak {
    saved: Option<libc::termios>,
}

impl Cbreak {
    fn enter() -> Cbreak {
        // SAFETY: tcgetattr/tcsetattr on our own standard input with a struct we own.
        unsafe {
            if libc::isatty(0) != 1 {
                return Cbreak { saved: None };
            }
            let mut t: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(0, &mut t) != 0 {
                return Cbreak { saved: None };
            }
            let saved = t;
            t.c_lflag &= !(libc::ICANON | libc::ECHO);
            t.c_cc[libc::VMIN] = 1;
            t.c_cc[libc::VTIME] = 0;
            libc::tcsetattr(0, libc::TCSANOW, &t);
            Cbreak { saved: Some(saved) }
        }
    }
    fn active(&self) -> bool {
        self.saved.is_some()
    }
}

impl Drop for Cbreak {
    fn drop(&mut self) {
        if let Some(t) = self.saved {
            // SAFETY: restores the settings read in `enter`.
            unsafe {
                libc::tcsetattr(0, libc::TCSANOW, &t);
            }
        }
    }
}

fn read_key(cbreak: &Cbreak) -> Key {
    let mut stdin = std::io::stdin().lock();
    if cbreak.active() {
        let mut b = [0u8; 1];
        return match stdin.read(&mut b) {
            Ok(1) => key_of(b[0]),
            _ => Key::Quit,
        };
    }
    let mut line = String::new();
    match std::io::BufRead::read_line(&mut stdin, &mut line) {
        Ok(0) | Err(_) => Key::Quit,
        Ok(_) => key_of(*line.as_bytes().first().unwrap_or(&b'\n')),
    }
}

struct Demo {
    lesson: Lesson,
    engine: Engine,
    session: Session,
    palette: Palette,
    terminal: bool,
    /// The current step's solution has run.
    ran: bool,
    /// Set by Ctrl-C (once the handler is installed): passed on to the running session,
    /// which is replaced on every replay, while a solution runs.
    pressed: Arc<AtomicBool>,
}

impl Demo {
    /// A fresh session with steps before `i` replayed silently, then step `i` set up.
    fn replay_to(&mut self, i: usize) -> Result<(), String> {
        // The old session goes first, so the services' ports are free again.
        let fresh = {
            let placeholder = Session::new(Default::default())
                .map_err(|e| format!("cannot start the interpreter: {e}"))?;
            drop(std::mem::replace(&mut self.session, placeholder));
            Engine::new(self.lesson.clone(), Default::default(), self.terminal)?
        };
        self.engine = fresh.0;
        self.session = fresh.1;
        for j in 0..i {
            self.engine.begin(&mut self.session, j)?;
            if let Some(sol) = self.lesson.steps[j].solution.clone() {
                for e in entries(&sol.text) {
                    self.pressed.store(false, Ordering::Relaxed);
                    let pressed = self.pressed.clone();
                    let flag = self.session.interrupt_flag();
                    let o = self.engine.run(&mut self.session, &e, &mut || {
                        if pressed.swap(false, Ordering::Relaxed) {
                            flag.store(true, Ordering::Relaxed);
                            crate::net::wait::wake_all();
                        }
                    });
                    if let Some(err) = o.error.filter(|_| !super::check::raises(&e)) {
                        return Err(format!("replaying step {}: {}", j + 1, err.report));
                    }
                }
            }
        }
        // The replay's packets are not this step's.
        self.session.hide_packets_since(0);
        self.engine.begin(&mut self.session, i)?;
        self.ran = false;
        Ok(())
    }

    fn screen(&self) -> String {
        let p = self.palette;
        let i = self.engine.step;
        let n = self.lesson.steps.len();
        let Some(step) = self.engine.current() else {
            return String::new();
        };
        let mut out = String::new();
        if self.terminal {
            out.push_str("\x1b[2J\x1b[H");
        }
        let head = format!("━━ {} ━━ step {} of {n} ", self.lesson.title, i + 1);
        let rule = "━".repeat(WIDTH.saturating_sub(head.chars().count()));
        out.push_str(&format!(
            "{}\n\n",
            p.paint(&format!("{head}{rule}"), Style::Heading)
        ));
        // The lesson's introduction (the lecture's code, what the steps build on) opens
        // the first step's screen.
        if i == 0 && !self.lesson.intro.is_empty() {
            out.push_str(&super::learn::inline(
                &super::learn::wrap(&self.lesson.intro, WIDTH - 2),
                p,
            ));
            out.push_str("\n\n");
        }
        // In socklab's private network (a lesson that captures, without root), a
        // second terminal must join it to reach the lesson's sockets and services.
        if i == 0 && crate::capture::sandbox::active() {
            let hint = crate::capture::sandbox::join_hint();
            let text = crate::view::wrap::wrap_hanging(hint.trim_end(), WIDTH, 0);
            out.push_str(&format!("{}\n\n", p.paint(&text, Style::Dim)));
        }
        // Where the lesson's packets cannot be captured, the class is told why, once.
        if i == 0 && self.lesson.capture && self.engine.no_capture.is_some() {
            let note = super::learn::capture_note(&self.engine, &self.session);
            let text = crate::view::wrap::wrap_hanging(&note, WIDTH, 0);
            out.push_str(&format!("{}\n\n", p.paint(&text, Style::Hint)));
        }
        out.push_str(&format!(
            "  {}\n\n",
            p.paint(&step.title.to_uppercase(), Style::Heading)
        ));
        if !step.text.is_empty() {
            out.push_str(&super::learn::inline(
                &super::learn::wrap(&step.text, WIDTH - 2),
                p,
            ));
            out.push_str("\n\n");
        }
        if let Some(sol) = &step.solution {
            out.push_str(&frame(&sol.text, p));
        }
        out.push_str(&keys_line(p, self.ran));
        out
    }

    /// Run the current step's solution; when `show`, say each entry as it starts (a
    /// solution that waits shows what it waits in), what it printed and did, then the
    /// sockets and whether the step's checks pass.
    fn run(&mut self, show: bool) -> String {
        let p = self.palette;
        let Some(step) = self.engine.current().cloned() else {
            return String::new();
        };
        let emit = |text: &str| {
            if show {
                let _ = say(text);
            }
        };
        if let Some(sol) = &step.solution {
            for e in entries(&sol.text) {
                emit(&format!(
                    "{}\n",
                    e.lines()
                        .enumerate()
                        .map(|(k, l)| format!(
                            "{}{}",
                            p.paint(if k == 0 { ">>> " } else { "... " }, Style::Prompt),
                            crate::repl::highlight_python(l, p)
                        ))
                        .collect::<Vec<_>>()
                        .join("\n")
                ));
                self.pressed.store(false, Ordering::Relaxed);
                let pressed = self.pressed.clone();
                let flag = self.session.interrupt_flag();
                let o = self.engine.run(&mut self.session, &e, &mut || {
                    if pressed.swap(false, Ordering::Relaxed) {
                        flag.store(true, Ordering::Relaxed);
                        crate::net::wait::wake_all();
                    }
                });
                let mut out = o.stdout.clone();
                for ev in &o.events {
                    out.push_str(&format!("{}\n", socket_view::event_line(ev, p)));
                }
                // The packets the entry caused (a lesson that captures), in tcpdump's
                // notation with the lesson's names.
                out.push_str(&p.paint(&self.session.new_packet_lines(), Style::Dim));
                if let Some(err) = &o.error {
                    out.push_str(&p.paint(err.report.trim_end(), Style::Error));
                    out.push('\n');
                }
                emit(&out);
                // A line marked `# raises` fails on purpose: the story goes on.
                if o.error.is_some() && !super::check::raises(&e) {
                    break;
                }
            }
        }
        self.ran = true;
        if !show {
            return String::new();
        }
        let mut out = String::from("\n");
        out.push_str(&socket_lines(&self.session.sockets(), p));
        let verdict = self.engine.check(&mut self.session);
        out.push_str(&if verdict.passed() {
            format!("{}\n", p.paint("✓ the step's checks pass", Style::Good))
        } else {
            format!(
                "{}\n",
                p.paint(
                    &format!("✗ {}", verdict.first_message().unwrap_or_default()),
                    Style::Error
                )
            )
        });
        out.push_str(&keys_line(p, true));
        out
    }
}

/// The sockets, one a line, short enough for 80 columns (the REPL's table is wider):
/// `cli  connected  127.0.0.1:40000 → 127.0.0.1:7007  in 5 B  out 5 B`.
fn socket_lines(rows: &[crate::session::SocketRow], p: Palette) -> String {
    use crate::session::sockets::label;
    if rows.is_empty() {
        return p.paint("(no sockets)", Style::Dim) + "\n";
    }
    let width = rows
        .iter()
        .map(|r| label(&r.names, r.fd).chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for r in rows {
        let name = label(&r.names, r.fd);
        let pad = " ".repeat(width - name.chars().count());
        let mut line = format!("{}{pad}  {}", p.paint(&name, Style::Name), r.state);
        if let Some(local) = &r.local {
            line.push_str(&format!("  {local}"));
        }
        if let Some(peer) = &r.peer {
            line.push_str(&format!(" → {peer}"));
        }
        line.push_str(&format!("  in {} B  out {} B", r.bytes_recv, r.bytes_sent));
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn keys_line(p: Palette, ran: bool) -> String {
    let keys = if ran {
        "n next   b back   r re-run   q quit"
    } else {
        "Enter run   n next   b back   r re-run   q quit"
    };
    format!("\n{}\n", p.paint(keys, Style::Dim))
}

/// Code in a frame, highlighted, at most [`WIDTH`] wide.
fn frame(code: &str, p: Palette) -> String {
    let inner = WIDTH - 4;
    let mut out = format!("┌{}┐\n", "─".repeat(WIDTH - 2));
    for line in code.lines() {
        let shown: String = line.chars().take(inner).collect();
        let pad = inner.saturating_sub(shown.chars().count());
        out.push_str(&format!(
            "│ {}{} │\n",
            crate::repl::highlight_python(&shown, p),
            " ".repeat(pad)
        ));
    }
    out.push_str(&format!("└{}┘\n", "─".repeat(WIDTH - 2)));
    out
}

pub fn demo_command(id: &str, dir: Option<&Path>, color: ColorChoice) -> i32 {
    let library = match Library::load(dir) {
        Ok(l) => l,
        Err(e) => return fail(&e),
    };
    let lesson = match library.find(id) {
        Ok(l) => l.clone(),
        Err(e) => return fail(&e),
    };
    // SAFETY: isatty only inspects the descriptor.
    let terminal = unsafe { libc::isatty(0) == 1 && libc::isatty(1) == 1 };
    let (engine, session) = match Engine::new(lesson.clone(), Default::default(), terminal) {
        Ok(r) => r,
        Err(e) => return fail(&e),
    };
    let mut demo = Demo {
        lesson,
        engine,
        session,
        palette: if terminal {
            Palette::decide(color)
        } else {
            Palette::PLAIN
        },
        terminal,
        ran: false,
        pressed: Arc::new(AtomicBool::new(false)),
    };
    // Ctrl-C stops a solution that waits (a recv with nothing to receive), as in the
    // REPL; at the key prompt it does nothing (q quits), and the terminal is never left
    // in cbreak mode by a killed process.
    if terminal {
        if let Err(e) = crate::net::wait::install_sigint(demo.pressed.clone()) {
            let _ = fail(&format!("Ctrl-C will not interrupt a solution: {e}"));
        }
    }
    if let Err(e) = demo.engine.begin(&mut demo.session, 0) {
        return fail(&e);
    }
    let cbreak = Cbreak::enter();
    if say(&demo.screen()).is_err() {
        return 0;
    }
    loop {
        let i = demo.engine.step;
        let n = demo.lesson.steps.len();
        let out = match read_key(&cbreak) {
            Key::Quit => break,
            Key::Run if !demo.ran => demo.run(true),
            Key::Run | Key::Next => {
                if i + 1 >= n {
                    format!(
                        "{}\n",
                        demo.palette
                            .paint("that was the last step (b back, q quit)", Style::Dim)
                    )
                } else {
                    if !demo.ran {
                        // The story goes on from this step's end.
                        let _ = demo.run(false);
                    }
                    match demo.engine.begin(&mut demo.session, i + 1) {
                        Ok(()) => {
                            demo.ran = false;
                            demo.screen()
                        }
                        Err(e) => format!("{e}\n"),
                    }
                }
            }
            Key::Back if i == 0 => format!(
                "{}\n",
                demo.palette
                    .paint("this is the first step (n next, q quit)", Style::Dim)
            ),
            Key::Back => match demo.replay_to(i - 1) {
                Ok(()) => demo.screen(),
                Err(e) => format!("{e}\n"),
            },
            Key::Rerun => match demo.replay_to(i) {
                Ok(()) => {
                    if say(&demo.screen()).is_err() {
                        return 0;
                    }
                    demo.run(true)
                }
                Err(e) => format!("{e}\n"),
            },
            Key::Other => String::new(),
        };
        if say(&out).is_err() {
            return 0;
        }
    }
    let _ = say("\n");
    0
}
