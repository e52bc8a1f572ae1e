//! `socklab run FILE`: run a whole program as `python3 FILE` would, with the same
//! standard output, the same last line of the traceback, and the same exit code.

use crate::cli::RunArgs;
use crate::interp::{self, Interp, Value, INTERPRETER_STACK};
use crate::syntax::{decode_source, Source, SyntaxError};
use std::io::Read;
use std::sync::Arc;

pub fn run_command(args: &RunArgs) -> i32 {
    let explain = args.explain || std::io::IsTerminal::is_terminal(&std::io::stderr());
    let file = args.file();
    let (name, bytes) = if file.as_os_str() == "-" {
        let mut buf = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
            eprintln!("socklab: cannot read standard input: {e}");
            return 2;
        }
        ("<stdin>".to_string(), buf)
    } else {
        match std::fs::read(&file) {
            Ok(b) => {
                let abs = std::path::absolute(&file).unwrap_or_else(|_| file.clone());
                (abs.to_string_lossy().into_owned(), b)
            }
            Err(e) => {
                // CPython's own wording for a missing script.
                let shown = file.display();
                eprintln!(
                    "socklab: can't open file '{}': [Errno {}] {}",
                    std::path::absolute(&file)
                        .map(|p| p.display().to_string())
                        .unwrap_or(shown.to_string()),
                    e.raw_os_error().unwrap_or(2),
                    interp::types::strerror(e.raw_os_error().unwrap_or(2))
                );
                return 2;
            }
        }
    };
    let mut argv = vec![if file.as_os_str() == "-" {
        "-".to_string()
    } else {
        file.display().to_string()
    }];
    argv.extend(args.args().iter().cloned());
    let trace = args.trace_events;
    let packets = if args.trace || args.pcap.is_some() {
        let file = match &args.pcap {
            Some(path) => match crate::capture::pcap::PcapFile::create(path) {
                Ok(f) => Some((path.clone(), f)),
                Err(e) => {
                    eprintln!("socklab: cannot write {}: {e}", path.display());
                    return 2;
                }
            },
            None => None,
        };
        Some(PacketOptions {
            lines: args.trace,
            file,
        })
    } else {
        None
    };
    on_interpreter_stack(move || run_source(&name, bytes, argv, explain, trace, packets))
}

/// `--trace` and `--pcap`: what to do with the program's packets.
struct PacketOptions {
    /// Print a line per packet to standard error.
    lines: bool,
    /// Write them to this pcapng file.
    file: Option<(std::path::PathBuf, crate::capture::pcap::PcapFile)>,
}

type SharedFile =
    Arc<parking_lot::Mutex<Option<(std::path::PathBuf, crate::capture::pcap::PcapFile)>>>;

/// Start capturing the program's packets, or say on standard error why not (the
/// program runs all the same).
fn start_capture(
    interp: &Arc<Interp>,
    options: PacketOptions,
) -> Option<(crate::capture::Capture, SharedFile, SharedBook)> {
    use crate::capture::{render, Capture};
    if options.lines || !crate::capture::sandbox::active() {
        // On the host's loopback the filter learns the program's ports from its events;
        // the lines' names come from them too (a socket that connected and closed).
        crate::session::sockets::collect_events(interp);
        if !interp
            .sockets
            .trace
            .load(std::sync::atomic::Ordering::Relaxed)
        {
            interp
                .sockets
                .stream_traffic
                .store(false, std::sync::atomic::Ordering::Relaxed);
        }
    }
    let file: SharedFile = Arc::new(parking_lot::Mutex::new(options.file));
    let writer = file.clone();
    let book = SharedBook::default();
    let sink: crate::capture::live::Sink = Box::new(RunSink {
        lines: options.lines,
        text: String::new(),
        flows: render::Flows::default(),
        file: writer,
        waiting: std::collections::VecDeque::new(),
        book: book.clone(),
        names: render::Names::default(),
        interp: Arc::downgrade(interp),
        directions: Vec::new(),
        index: std::collections::HashMap::new(),
        recent: [usize::MAX; 2],
    });
    let filter = crate::capture::live::table_filter(interp.sockets.clone());
    let table = interp.sockets.clone();
    // In the sandbox every packet is the program's: no filter to pay for.
    let filter = (!crate::capture::sandbox::active()).then_some(filter);
    match Capture::start(filter, Box::new(move || table.cursor()), Some(sink)) {
        Ok(c) => Some((c, file, book)),
        Err(e) => {
            eprintln!("socklab: {e}");
            None
        }
    }
}

/// Where `socklab run`'s packets go, on the capture thread.
struct RunSink {
    /// `--trace`: lines to standard error, written out whenever the capture catches up.
    lines: bool,
    /// The lines of one turn, rendered into one buffer and written with one call.
    text: String,
    flows: crate::capture::render::Flows,
    file: SharedFile,
    /// Packets whose line waits for [`NAME_DELAY`], so that their sockets have names.
    waiting: std::collections::VecDeque<crate::capture::Packet>,
    /// What names the ends (`c → srv`), as the REPL's variables do; the program's end
    /// fills it one last time before its variables go.
    book: SharedBook,
    /// The book's ends as last copied from it (copied again when it has more).
    names: crate::capture::render::Names,
    /// The program, whose variables are looked at while it runs.
    interp: std::sync::Weak<Interp>,
    /// How far each direction of a conversation is named, found through `index` (or
    /// `recent`, the last two met: a ping-pong's, without hashing two addresses).
    directions: Vec<(Direction, Naming)>,
    index: std::collections::HashMap<Direction, usize>,
    recent: [usize; 2],
}

type Direction = (std::net::SocketAddr, std::net::SocketAddr);

/// What a direction of a conversation is called.
enum Naming {
    /// Not named for good yet: looked up among the program's variables this often.
    Looking(u8),
    /// Both ends are the connection's own sockets, by name: every later packet in this
    /// direction is named so without looking again.
    Named(Box<str>, Box<str>),
}

type SharedBook = Arc<parking_lot::Mutex<crate::session::packets::Book>>;

/// How long a packet's line waits before it is written: the SYN of `c =
/// socket.create_connection(...)` leaves before `c` is a name.
const NAME_DELAY: std::time::Duration = std::time::Duration::from_millis(30);

/// How often a conversation's ends are looked up among the program's variables while
/// one is still unnamed (a socket without a name stays an address). Reading the
/// variables takes their locks, so a busy conversation must not do it for every packet.
const LOOKUPS: u8 = 3;

impl RunSink {
    /// Where the naming of packets from `src` to `dst` is kept.
    fn direction(&mut self, key: Direction) -> usize {
        for &i in &self.recent {
            if self.directions.get(i).is_some_and(|(k, _)| *k == key) {
                return i;
            }
        }
        let i = *self.index.entry(key).or_insert_with(|| {
            self.directions.push((key, Naming::Looking(0)));
            self.directions.len() - 1
        });
        self.recent = [i, self.recent[0]];
        i
    }

    /// Copy the book's ends if it has learnt more since.
    fn refresh_names(&mut self) {
        let book = self.book.lock();
        // The book's ends only grow.
        if book.ends.len() != self.names.ends.len() {
            self.names.ends.clone_from(&book.ends);
        }
    }

    /// Write the lines of the waiting packets captured before `until` (all: None).
    fn write_lines(&mut self, until: Option<std::time::SystemTime>) {
        use std::io::Write;
        if !self.lines {
            return;
        }
        self.refresh_names();
        while self
            .waiting
            .front()
            .is_some_and(|p| until.is_none_or(|u| p.at <= u))
        {
            let Some(p) = self.waiting.pop_front() else {
                break;
            };
            let i = self.direction((p.summary.src, p.summary.dst));
            if let Naming::Looking(looked) = self.directions[i].1 {
                if looked < LOOKUPS {
                    let syn = p.summary.tcp().is_some_and(|t| t.flags.syn);
                    if known(&self.names, &p.summary) {
                        // Past the SYNs no need to look again for this direction (a
                        // SYN goes to the listening socket: the connection's comes
                        // later).
                        if !syn {
                            let (from, to) = self.names.ends(&p.summary);
                            self.directions[i].1 = Naming::Named(from.into(), to.into());
                        }
                    } else {
                        self.directions[i].1 = Naming::Looking(looked + 1);
                        if let Some(interp) = self.interp.upgrade() {
                            self.book.lock().learn(&interp);
                        }
                        self.refresh_names();
                    }
                }
            }
            match &self.directions[i].1 {
                Naming::Named(from, to) => self.flows.push_line(&mut self.text, &p, from, to),
                Naming::Looking(_) => {
                    let (from, to) = self.names.ends(&p.summary);
                    self.flows.push_line(&mut self.text, &p, &from, &to);
                }
            }
            self.text.push('\n');
        }
        if !self.text.is_empty() {
            let _ = std::io::stderr().lock().write_all(self.text.as_bytes());
            self.text.clear();
        }
    }
}

/// Whether both ends of a packet are named for good: by a name, and, past the SYNs,
/// by the connection's own sockets at both ends (a segment named after the listening
/// socket means the socket `accept()` returned is not known yet; an end outside the
/// program never is, and is looked for only [`LOOKUPS`] times).
fn known(names: &crate::capture::render::Names, s: &crate::capture::Summary) -> bool {
    let (from, to) = names.ends(s);
    if from == s.src.to_string() || to == s.dst.to_string() {
        return false;
    }
    let connected = |me, other| {
        names
            .ends
            .iter()
            .any(|e| e.local == me && e.peer == Some(other))
    };
    match s.tcp() {
        Some(t) if !t.flags.syn => connected(s.src, s.dst) && connected(s.dst, s.src),
        _ => true,
    }
}

impl crate::capture::live::Deliver for RunSink {
    fn packet(&mut self, p: &crate::capture::Packet) {
        if self.lines {
            // What a line needs: not the frame's bytes (the pcapng file has them).
            self.waiting.push_back(crate::capture::Packet {
                number: p.number,
                at: p.at,
                seq: p.seq,
                cause: None,
                data: Vec::new(),
                summary: p.summary.clone(),
                wire_segment: p.wire_segment,
            });
            // Memory stays bounded however fast the program sends.
            if self.waiting.len() >= crate::capture::live::RING {
                let until = self.waiting.back().map(|p| p.at);
                self.write_lines(until);
            }
        }
        let mut guard = self.file.lock();
        if let Some((path, f)) = guard.as_mut() {
            if let Err(e) = f.write(p) {
                eprintln!(
                    "socklab: cannot write {}: {e}; the capture goes on without the file",
                    path.display()
                );
                *guard = None;
            }
        }
    }

    fn idle(&mut self) {
        if !self.waiting.is_empty() {
            let until = std::time::SystemTime::now().checked_sub(NAME_DELAY);
            self.write_lines(until);
        }
    }
}

impl Drop for RunSink {
    /// The capture ends after the program: its last lines, with every name it had.
    fn drop(&mut self) {
        self.write_lines(None);
    }
}

/// The program ended: take in its last packets (the FINs of the sockets its end
/// closed) and complete the file.
fn finish_capture(
    capture: Option<(crate::capture::Capture, SharedFile, SharedBook)>,
) -> Result<(), String> {
    let Some((capture, file, _)) = capture else {
        return Ok(());
    };
    // A busy program may leave the thread behind by many thousands of packets.
    capture.catch_up(std::time::Duration::from_secs(10));
    if let Some(why) = capture.failure() {
        eprintln!("socklab: {why}");
    }
    let lost = capture.lost();
    // Stopping the thread drops the sink, which writes out its last lines.
    drop(capture);
    if lost > 0 {
        eprintln!(
            "socklab: the capture lost {lost} packets: the program sent them faster than \
             they could be read"
        );
    }
    let taken = file.lock().take();
    match taken {
        Some((path, f)) => f
            .finish()
            .map_err(|e| format!("cannot write {}: {e}", path.display())),
        None => Ok(()),
    }
}

/// Run the program on this thread, the process's main thread, switched to a stack of
/// `INTERPRETER_STACK`. Not on a thread of its own: a program that starts no threads then
/// runs in a single-threaded process, as under CPython, and the kernel and the C library
/// take their single-threaded fast paths (no reference counting of the descriptor table
/// on every `send` and `recv`, no locking in `malloc`). A panic (a bug) ends the run
/// with status 1 after the panic hook has reported it.
fn on_interpreter_stack(run: impl FnOnce() -> i32) -> i32 {
    // SAFETY: on the main thread (checked) before the program runs, no other thread
    // touches values; the program's threads start after `share_values` (`Interp::new_ctx`).
    if unsafe { libc::gettid() == libc::getpid() } {
        unsafe { interp::sharing::values_on_one_thread() };
    }
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        stacker::grow(INTERPRETER_STACK, run)
    }))
    .unwrap_or(1)
}

/// `socklab < prog.py`: standard input is a program, run as `python3 < prog.py` runs
/// it (no prompts, no colour, `sys.argv == ['']`, CPython's exact output).
pub fn run_stdin_as_script() -> i32 {
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
        eprintln!("socklab: cannot read standard input: {e}");
        return 2;
    }
    on_interpreter_stack(move || {
        run_source("<stdin>", bytes, vec![String::new()], false, false, None)
    })
}

fn run_source(
    name: &str,
    bytes: Vec<u8>,
    argv: Vec<String>,
    explain: bool,
    trace: bool,
    packets: Option<PacketOptions>,
) -> i32 {
    crate::builtins::site::answer_help_with(crate::help::help_for_value);
    let interp = Interp::new(argv);
    interp
        .sockets
        .trace
        .store(trace, std::sync::atomic::Ordering::Relaxed);
    let capture = packets.and_then(|p| start_capture(&interp, p));
    let book = capture.as_ref().map(|(_, _, book)| book.clone());
    // The packet lines name the sockets by the variables they had at the end too.
    let last_names = move |interp: &Arc<Interp>| {
        if let Some(book) = &book {
            book.lock().learn(interp);
        }
    };
    let code = run_program(&interp, name, bytes, explain, &last_names);
    match finish_capture(capture) {
        Ok(()) => code,
        Err(why) => {
            eprintln!("socklab: {why}");
            if code == 0 {
                1
            } else {
                code
            }
        }
    }
}

fn run_program(
    interp: &Arc<Interp>,
    name: &str,
    bytes: Vec<u8>,
    explain: bool,
    at_end: &dyn Fn(&Arc<Interp>),
) -> i32 {
    // Ctrl-C becomes KeyboardInterrupt in the program, even inside accept() or recv().
    let _ = crate::net::wait::install_sigint(interp.interrupted.clone());
    let src = match decode_source(name, bytes) {
        Ok(s) => s,
        Err((src, err)) => return report_syntax_error(interp, &src, &err, explain),
    };
    let globals = interp.main.clone();
    globals.set("__name__", Value::str("__main__"));
    globals.set("__file__", Value::str(name));
    let module = match interp::compile(&src, &globals) {
        Ok(m) => m,
        Err(err) => return report_syntax_error(interp, &src, &err, explain),
    };
    let mut ctx = interp.new_ctx();
    let result = interp::run_module(&mut ctx, &module, &globals, &src);
    let code = match result {
        Ok(()) => 0,
        Err(exc) => finish_with_exception(&mut ctx, &exc, explain),
    };
    // As CPython's shutdown: wait for the program's non-daemon threads.
    crate::builtins::thread::shutdown(&mut ctx);
    interp
        .finalizing
        .store(true, std::sync::atomic::Ordering::Relaxed);
    at_end(interp);
    // The end of the program closes every socket it left open, as CPython's exit does.
    drop(module);
    globals.clear();
    // Generators the program left paused close now, running their `finally` blocks.
    interp::generator::finalize_orphans(&mut ctx);
    interp.sockets.close_all();
    match interp.flush() {
        Ok(()) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => code,
        Err(_) => 120,
    }
}

fn report_syntax_error(
    interp: &Arc<Interp>,
    src: &Source,
    err: &SyntaxError,
    explain: bool,
) -> i32 {
    interp.write_stderr(&err.render(src));
    if explain {
        if let Some(h) = crate::hints::for_exception(err.kind.class_name(), &err.msg, None) {
            interp.write_stderr(&format!("hint: {h}\n"));
        }
    }
    1
}

/// What CPython does when an exception reaches the top: `SystemExit` sets the exit
/// code, anything else prints its traceback and exits 1 (`KeyboardInterrupt`: 130).
pub fn finish_with_exception(ctx: &mut interp::Ctx, exc: &interp::Exc, explain: bool) -> i32 {
    let _ = ctx.interp.flush();
    if let Some(code) = interp::exit_status(ctx, exc) {
        return code;
    }
    let report = interp::render_traceback(ctx, exc);
    let report = crate::hints::decorate_last_line(ctx, exc, report);
    ctx.interp.write_stderr(&report);
    if explain {
        let class = exc.class_name();
        let msg = interp::repr::str(ctx, &exc.value).unwrap_or_default();
        if let Some(h) = crate::hints::for_exception(&class, &msg, Some(exc)) {
            ctx.interp.write_stderr(&format!("hint: {h}\n"));
        }
    }
    if exc.is("KeyboardInterrupt") {
        return 130;
    }
    1
}
