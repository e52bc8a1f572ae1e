//! `socklab learn` and `socklab lesson demo` through a pseudo-terminal, as a student
//! and an instructor use them. Each test waits for what it expects (rexpect's timeout
//! bounds every wait), never sleeps.

mod pty;

use rexpect::reader::Options;
use rexpect::session::{spawn_with_options, PtySession};
use std::path::Path;

const TIMEOUT_MS: u64 = 15_000;

/// `socklab ARGS` on an xterm without colour, its progress and history in `data`; on
/// the engine's sample lessons (`tests/fixtures/lessons`) unless ARGS name a folder.
fn spawn(data: &Path, args: &[&str]) -> PtySession {
    let mut cmd = pty::command(data);
    cmd.args(args);
    if !args.contains(&"--lessons") {
        cmd.args([
            "--lessons",
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/lessons"),
        ]);
    }
    cmd.env("NO_COLOR", "1").env("SOCKLAB_DATA_DIR", data);
    let opts = Options::new()
        .timeout_ms(Some(TIMEOUT_MS))
        .strip_ansi_escape_codes(true);
    spawn_with_options(cmd, opts).expect("spawn socklab")
}

fn expect(p: &mut PtySession, text: &str) -> String {
    p.exp_string(text)
        .unwrap_or_else(|e| panic!("no {text:?}: {e}"))
}

/// One key, sent at once (rexpect buffers what `send` writes until a flush).
fn key(p: &mut PtySession, k: &str) {
    p.send(k).expect("send key");
    p.flush().expect("flush key");
}

fn progress(data: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(data.join("progress.json")).expect("progress"))
        .expect("json")
}

#[test]
fn learn_shows_the_step_checks_each_entry_and_moves_on() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut p = spawn(data.path(), &["learn", "welcome"]);
    expect(&mut p, "Welcome to socklab");
    expect(&mut p, "step 1 of 3");
    expect(&mut p, "The REPL is a calculator");
    expect(
        &mut p,
        ":hint  :solution  :skip  :back  :check  :step  :reset  :lessons  :quit",
    );
    expect(&mut p, ">>> ");
    // Graduated hints: a nudge, then more, then no more.
    p.send_line(":hint").expect("send");
    expect(&mut p, "hint 1 of 2:");
    expect(&mut p, "power operator");
    expect(&mut p, "step 1/3: The REPL is a calculator]");
    expect(&mut p, ">>> ");
    p.send_line(":hint").expect("send");
    expect(&mut p, "hint 2 of 2:");
    expect(&mut p, ">>> ");
    p.send_line(":hint").expect("send");
    expect(&mut p, "no more hints for this step");
    expect(&mut p, ">>> ");
    // A wrong answer is not a pass; :check says what is missing.
    p.send_line("addresses = 2 ** 31").expect("send");
    expect(&mut p, ">>> ");
    p.send_line(":check").expect("send");
    expect(&mut p, "`addresses` should be the number of 32-bit values.");
    expect(&mut p, ">>> ");
    p.send_line("addresses = 2 ** 32").expect("send");
    expect(&mut p, "step passed: The REPL is a calculator");
    expect(&mut p, "step 2 of 3");
    expect(&mut p, "Print a greeting");
    expect(&mut p, ">>> ");
    // Back to the first step, then skip forward.
    p.send_line(":back").expect("send");
    expect(&mut p, "step 1 of 3");
    expect(&mut p, ">>> ");
    p.send_line(":skip").expect("send");
    expect(&mut p, "skipped: The REPL is a calculator");
    expect(&mut p, "step 2 of 3");
    expect(&mut p, ">>> ");
    p.send_line(":solution").expect("send");
    expect(&mut p, "a model solution (yours may differ):");
    expect(&mut p, "print(\"Hello, network\")");
    expect(&mut p, ">>> ");
    p.send_line(":lessons").expect("send");
    expect(
        &mut p,
        "welcome           [ ]  Welcome to socklab  (1/3 steps)",
    );
    expect(&mut p, "complete: 8 %");
    expect(&mut p, ">>> ");
    p.send_line(":quit").expect("send");
    p.exp_eof().expect("quit ends learn");
    let prog = progress(data.path());
    let steps = &prog["lessons"]["welcome"]["steps"];
    assert_eq!(steps["numbers"]["done"], true);
    assert_eq!(steps["numbers"]["hints"], 2);
    assert_eq!(steps["numbers"]["attempts"], 2);
    assert_eq!(steps["numbers"]["skipped"], true);
    assert_eq!(steps["printing"]["solution_seen"], true);
    assert_eq!(prog["lessons"]["welcome"]["current_step"], "printing");
}

#[test]
fn learn_completes_a_lesson_with_services_and_events_and_resumes() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut p = spawn(data.path(), &["learn", "first-connection"]);
    // The lesson's introduction comes before its first step.
    expect(&mut p, "The lecture's first client: create a TCP socket");
    expect(&mut p, "Create a TCP socket");
    expect(&mut p, ">>> ");
    p.send_line("cli = socket.socket()").expect("send");
    expect(&mut p, "step passed: Create a TCP socket");
    expect(&mut p, ">>> ");
    p.send_line("cli.connect(echo_address)").expect("send");
    // The REPL's own event line, then the lesson's word.
    expect(&mut p, "connected");
    expect(&mut p, "step passed: Connect to the echo service");
    expect(&mut p, ">>> ");
    p.send_control('d').expect("ctrl-d");
    p.exp_eof().expect("ctrl-d ends learn");
    // Without an ID, learn resumes at the step the student was on.
    let mut p = spawn(data.path(), &["learn"]);
    expect(&mut p, "step 3 of 5");
    expect(&mut p, "Predict, then send");
    expect(&mut p, ">>> ");
    p.send_control('d').expect("ctrl-d");
    p.exp_eof().expect("ends");
}

#[test]
fn a_solution_that_blocks_can_be_interrupted_and_the_lesson_goes_on() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut p = spawn(data.path(), &["learn", "first-connection"]);
    expect(&mut p, ">>> ");
    p.send_line("cli = socket.socket()").expect("send");
    expect(&mut p, "step passed");
    expect(&mut p, ">>> ");
    p.send_line("cli.connect(echo_address)").expect("send");
    expect(&mut p, "step passed");
    expect(&mut p, ">>> ");
    // Nothing was sent: recv waits until Ctrl-C.
    // The print shows the statement is running (the terminal is out of raw mode).
    p.send_line("print('waiting'); cli.recv(10)").expect("send");
    expect(&mut p, "waiting\r\n");
    p.send_control('c').expect("ctrl-c");
    expect(&mut p, "KeyboardInterrupt");
    expect(&mut p, ">>> ");
    p.send_line("guess = 5").expect("send");
    expect(&mut p, ">>> ");
    p.send_line("cli.send(b'hello')").expect("send");
    expect(&mut p, "step passed: Predict, then send");
    expect(&mut p, ">>> ");
    p.send_line(":quit").expect("send");
    p.exp_eof().expect("quit");
}

#[test]
fn demo_shows_runs_and_moves_between_steps() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut p = spawn(data.path(), &["lesson", "demo", "first-connection"]);
    expect(&mut p, "step 1 of 5");
    expect(&mut p, "CREATE A TCP SOCKET");
    expect(
        &mut p,
        "cli = socket.socket(socket.AF_INET, socket.SOCK_STREAM)",
    );
    expect(&mut p, "Enter run   n next   b back   r re-run   q quit");
    key(&mut p, "\r");
    expect(
        &mut p,
        ">>> cli = socket.socket(socket.AF_INET, socket.SOCK_STREAM)",
    );
    expect(&mut p, "created");
    // The sockets after it, one a line.
    expect(&mut p, "cli  created  in 0 B  out 0 B");
    expect(&mut p, "the step's checks pass");
    key(&mut p, "n");
    expect(&mut p, "step 2 of 5");
    expect(&mut p, "CONNECT TO THE ECHO SERVICE");
    key(&mut p, "\r");
    expect(&mut p, "the step's checks pass");
    key(&mut p, "n");
    expect(&mut p, "PREDICT, THEN SEND");
    key(&mut p, "b");
    expect(&mut p, "CONNECT TO THE ECHO SERVICE");
    // Re-run: the earlier steps replayed, this one run again from its start.
    key(&mut p, "r");
    expect(&mut p, ">>> cli.connect(echo_address)");
    expect(&mut p, "the step's checks pass");
    key(&mut p, "q");
    p.exp_eof().expect("q ends the demo");
}

#[test]
fn ctrl_c_stops_a_demo_solution_that_waits_and_the_demo_goes_on() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("wait.md"),
        "<!-- lesson\nid = \"wait\"\ntitle = \"Waiting\"\n-->\n\n<!-- step: s -->\n## Wait\n\n\
         <details><summary>Hint</summary>\n\nh\n</details>\n\n\
         ```python solution\nimport time\nx = 1\ntime.sleep(600)\n```\n\n\
         ```python check\nx == 1\n```\n",
    )
    .expect("write");
    let dir_arg = dir.path().display().to_string();
    let mut p = spawn(
        data.path(),
        &["lesson", "demo", "wait", "--lessons", &dir_arg],
    );
    expect(&mut p, "Enter run");
    key(&mut p, "\r");
    // Each entry is shown as it starts: the sleep is the one running.
    expect(&mut p, ">>> time.sleep(600)");
    p.send_control('c').expect("ctrl-c");
    expect(&mut p, "KeyboardInterrupt");
    expect(&mut p, "the step's checks pass");
    key(&mut p, "q");
    p.exp_eof().expect("q ends the demo");
}

#[test]
fn ctrl_c_during_a_check_stops_it_and_learning_goes_on() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = tempfile::tempdir().expect("tempdir");
    // The second check never ends on its own (its deadline is 2 s).
    std::fs::write(
        dir.path().join("slow.md"),
        "<!-- lesson\nid = \"slow\"\ntitle = \"Slow\"\n-->\n\n<!-- step: s -->\n## Slow checks\n\n\
         <details><summary>Hint</summary>\n\nh\n</details>\n\n\
         ```python solution\nx = 1\n```\n\n\
         ```python check\n# x must be one\nx == 1 and any(i < 0 for i in range(10**12))\n# and again\nx == 1 and any(i < 0 for i in range(10**12))\n```\n",
    )
    .expect("write");
    let dir_arg = dir.path().display().to_string();
    let mut p = spawn(data.path(), &["learn", "slow", "--lessons", &dir_arg]);
    expect(&mut p, "Slow checks");
    expect(&mut p, ">>> ");
    // Checked after the entry too: both checks run into their deadlines.
    p.send_line("x = 1").expect("send");
    expect(&mut p, "[slow");
    expect(&mut p, ">>> ");
    p.send_line(":check").expect("send");
    expect(&mut p, "checking");
    let asked = std::time::Instant::now();
    p.send_control('c').expect("ctrl-c");
    expect(&mut p, "x must be one (the check was interrupted)");
    expect(&mut p, "and again (the check was interrupted)");
    expect(&mut p, ">>> ");
    // Both checks would take 4 s; Ctrl-C ended them at once.
    assert!(
        asked.elapsed() < std::time::Duration::from_millis(1900),
        "{:?}",
        asked.elapsed()
    );
    p.send_line("print(40 + 2)").expect("send");
    expect(&mut p, "42");
    expect(&mut p, ">>> ");
    p.send_line(":quit").expect("send");
    p.exp_eof().expect("quit");
}

/// A lesson that captures shows each entry's packets under it at the terminal, named
/// by the student's sockets, and its packet checks pass the step.
#[test]
fn learn_shows_the_packets_of_a_lesson_that_captures() {
    // SAFETY: geteuid cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("not root: capture on the host's loopback needs root (CI runs as root)");
        return;
    }
    let data = tempfile::tempdir().expect("tempdir");
    let mut p = spawn(
        data.path(),
        &[
            "learn",
            "--lessons",
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/capture-lessons"
            ),
            "handshake",
        ],
    );
    expect(&mut p, "This lesson shows the packets behind each call");
    expect(&mut p, ">>> ");
    p.send_line("c = socket.create_connection(srv.getsockname())")
        .expect("send");
    let shown = expect(&mut p, "step passed: Connect");
    let shown = pty::utf8(&shown);
    assert!(shown.contains("#1  c → srv  Flags [S], seq 0"), "{shown}");
    assert!(shown.contains("#2  srv → c  Flags [S.]"), "{shown}");
    assert!(shown.contains("#3  c → srv  Flags [.]"), "{shown}");
    expect(&mut p, ">>> ");
    p.send_line(":quit").expect("send");
    p.exp_eof().expect("learn ends");
}
