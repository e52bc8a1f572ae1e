//! Command-line arguments. Only shapes and help text live here; meaning lives in the
//! modules each command calls.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// socklab: type the lecture's Python, watch real sockets respond.
///
/// Without a command, socklab starts the interactive REPL (or, with a program on
/// standard input, runs it as `python3 < prog.py` does).
#[derive(Parser, Debug)]
#[command(name = "socklab", version, about, long_about = None)]
pub struct Cli {
    /// Colour in the REPL: auto (on a terminal, unless NO_COLOR is set or TERM=dumb),
    /// always, or never.
    #[arg(long, value_enum, default_value_t = crate::view::ColorChoice::Auto, value_name = "WHEN")]
    pub color: crate::view::ColorChoice,
    /// Run in a private network of socklab's own (loopback only; nothing leaves it),
    /// where packets can be captured without root (:trace on, --trace). Another
    /// terminal joins it with --join PID.
    #[arg(long, global = true)]
    pub sandbox: bool,
    /// With --sandbox: loopback's MTU (1500 gives an Ethernet's segment sizes).
    #[arg(long, global = true, value_name = "BYTES", value_parser = clap::value_parser!(u32).range(1280..=65536))]
    pub mtu: Option<u32>,
    /// Join the private network of the sandboxed socklab with this process id (it
    /// prints it at start-up), so this command's sockets meet that session's.
    #[arg(long, global = true, value_name = "PID", conflicts_with = "sandbox")]
    pub join: Option<u32>,
    /// Start the REPL with the packet view on (:trace on).
    #[arg(long)]
    pub trace: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run a Python program exactly as `python3 FILE` would (use `-` for standard input).
    Run(RunArgs),
    /// Run a lab service (echo, daytime, upper, http, chat, trickle) until Ctrl-C.
    #[command(after_help = crate::labs::catalogue_help())]
    Serve(ServeArgs),
    /// Talk to a server by hand, as the lecture does with telnet: lines typed are sent,
    /// what arrives is printed; Ctrl-D finishes.
    Connect(ConnectArgs),
    /// Wait for one peer and talk to it by hand (like `nc -l`); Ctrl-D finishes.
    Listen(ListenArgs),
    /// Learn step by step: a lesson's steps above the REPL, checked after every entry.
    /// Without an ID, resume where you left off (or start the first lesson).
    Learn(LearnArgs),
    /// Lessons for instructors and authors: list, demo, check, lint, solution, progress,
    /// report.
    Lesson(LessonArgs),
    /// Print the shell completion script for socklab (bash, zsh or fish).
    #[command(after_help = COMPLETIONS_HELP)]
    Completions(CompletionsArgs),
    /// Rewrite a program from the lecture's Python 2 as Python 3: the program goes to
    /// standard output, what changed (line by line) to standard error.
    Py3(Py3Args),
}

const COMPLETIONS_HELP: &str = "\
Load them:
  bash:  socklab completions bash > ~/.local/share/bash-completion/completions/socklab
  zsh:   socklab completions zsh > ~/.zfunc/_socklab   (with fpath+=~/.zfunc before compinit)
  fish:  socklab completions fish > ~/.config/fish/completions/socklab.fish";

#[derive(clap::Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to write the script for.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// The shells socklab writes completions for.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

#[derive(clap::Args, Debug)]
pub struct Py3Args {
    /// The Python 2 program, or `-` for standard input.
    pub file: PathBuf,
}

#[derive(clap::Args, Debug)]
pub struct LearnArgs {
    /// The lesson to learn (`socklab lesson list` shows them).
    pub id: Option<String>,
    /// Take the lessons from this folder instead of the course's built-in ones.
    #[arg(long, value_name = "DIR")]
    pub lessons: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct LessonArgs {
    #[command(subcommand)]
    pub command: LessonCommand,
}

#[derive(Subcommand, Debug)]
pub enum LessonCommand {
    /// One lesson a line: its id, a done mark, its title and how much is done.
    List {
        #[arg(long, value_name = "DIR")]
        lessons: Option<PathBuf>,
    },
    /// Show a lesson in class: each step's text and solution, run on Enter, with the
    /// socket views after it. Keys: Enter run, n next, b back, r re-run, q quit.
    Demo {
        id: String,
        #[arg(long, value_name = "DIR")]
        lessons: Option<PathBuf>,
    },
    /// Run every step's model solution headless: each check must fail before its step's
    /// solution and pass after it.
    Check {
        /// A lesson id, or a folder of lessons.
        which: Option<String>,
        #[arg(long, value_name = "DIR")]
        lessons: Option<PathBuf>,
        /// Check each lesson this many times (to catch checks that pass by luck).
        #[arg(long, default_value_t = 1)]
        repeat: usize,
    },
    /// Report malformed lessons as file:line:col: what is wrong (exit status 1).
    Lint {
        /// A lesson file or a folder of them.
        path: PathBuf,
    },
    /// Print a lesson's model solutions as one program:
    /// `socklab lesson solution ID | socklab learn ID` completes the lesson.
    Solution {
        id: String,
        #[arg(long, value_name = "DIR")]
        lessons: Option<PathBuf>,
    },
    /// Your progress; `--export FILE` writes it for your instructor.
    Progress {
        #[arg(long, value_name = "FILE")]
        export: Option<PathBuf>,
        /// Your name in the export (default: your login name).
        #[arg(long)]
        name: Option<String>,
        #[arg(long, value_name = "DIR")]
        lessons: Option<PathBuf>,
    },
    /// Merge students' exported progress into one table: one row per student, and for
    /// each step whether it is done, the entries it took and the hints used.
    Report {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Write CSV (the only format for now, and the default).
        #[arg(long)]
        csv: bool,
        /// The lessons whose step order the columns follow (default: the course's).
        #[arg(long, value_name = "DIR")]
        lessons: Option<PathBuf>,
    },
}

#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    /// The service to run (see the list below).
    pub kind: String,
    /// The port to listen on; 0 picks any free port. Default: the service's own (below).
    #[arg(long)]
    pub port: Option<u16>,
    /// The address to listen on. 0.0.0.0 makes the service reachable from the network.
    #[arg(long, default_value = crate::labs::DEFAULT_HOST)]
    pub host: String,
    /// Run the UDP version (echo, daytime; upper is always UDP).
    #[arg(long)]
    pub udp: bool,
    /// Print only where it listens, not one line per peer.
    #[arg(long)]
    pub quiet: bool,
    /// Serve at most this many peers at once; the next are told so and closed.
    #[arg(long)]
    pub max_connections: Option<usize>,
}

#[derive(clap::Args, Debug)]
pub struct ConnectArgs {
    /// The server's host name or address.
    pub host: String,
    /// The server's port: a number, a lab service's name (http, daytime ...: the port
    /// `socklab serve NAME` listens on) or a name from /etc/services.
    pub port: String,
    /// Send each line as one UDP datagram instead of over a TCP connection.
    #[arg(long)]
    pub udp: bool,
    /// End each line sent with \r\n, as HTTP and other text protocols expect.
    #[arg(long)]
    pub crlf: bool,
    /// Print what arrives as a hex dump, one block per recv.
    #[arg(long)]
    pub hex: bool,
}

#[derive(clap::Args, Debug)]
pub struct ListenArgs {
    /// The port to listen on; 0 picks any free port (printed on standard error).
    pub port: u16,
    /// The address to listen on.
    #[arg(long, default_value = crate::labs::DEFAULT_HOST)]
    pub host: String,
    /// Receive UDP datagrams instead of accepting a TCP connection.
    #[arg(long)]
    pub udp: bool,
    /// End each line sent with \r\n.
    #[arg(long)]
    pub crlf: bool,
    /// Print what arrives as a hex dump, one block per recv.
    #[arg(long)]
    pub hex: bool,
}

#[derive(clap::Args, Debug)]
pub struct RunArgs {
    /// Always add a `hint:` line after an error, even when output is not a terminal.
    #[arg(long)]
    pub explain: bool,
    /// Print every socket event (created, bound, sent 3 bytes ...) to standard error.
    #[arg(long)]
    pub trace_events: bool,
    /// Print every packet the program's sockets cause (tcpdump's notation) to standard
    /// error; standard output stays the program's. Without root, the program runs in a
    /// private network of its own (as with --sandbox).
    #[arg(long)]
    pub trace: bool,
    /// Write the program's packets to FILE (pcapng, which Wireshark opens) as they come.
    #[arg(long, value_name = "FILE")]
    pub pcap: Option<PathBuf>,
    /// The program to run (`-` for standard input), then the arguments it sees in
    /// `sys.argv[1:]`; everything after FILE is the program's, `-h` too.
    #[arg(
        value_name = "FILE",
        required = true,
        num_args = 1..,
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub program: Vec<String>,
}

impl RunArgs {
    /// The program to run, or `-` for standard input.
    pub fn file(&self) -> PathBuf {
        PathBuf::from(self.program.first().map_or("-", |f| f.as_str()))
    }
    /// The arguments the program sees in `sys.argv[1:]`.
    pub fn args(&self) -> &[String] {
        self.program.get(1..).unwrap_or(&[])
    }
}
