//! The REPL as students type it, key by key through a pseudo-terminal (issue 12): blocks
//! inside blocks, Tab that indents, a signature that is never typed for them, `:save`,
//! `:log`, Python's `help()`, `quit` and `exit`.

mod pty;

use pty::{temp_dir, Repl};

#[test]
fn blocks_inside_blocks_are_typed_line_by_line() {
    let dir = temp_dir("nested");
    let mut r = Repl::start(&dir);
    // The lecture's handler class: a method inside a class.
    r.entry(&[
        "class H:",
        "    def m(self, x):",
        "        if x > 1:",
        "            return 'big'",
        "        return 'small'",
    ]);
    assert_eq!(r.run("H().m(2), H().m(0)"), "('big', 'small')\n");
    // Its thread function: a loop inside a function.
    let out = r.entry(&[
        "def count(n):",
        "    total = 0",
        "    for i in range(n):",
        "        total += i",
        "    else:",
        "        print('counted', total)",
        "    return total",
    ]);
    assert_eq!(out, "");
    assert_eq!(r.run("count(4)"), "counted 6\n6\n");
    // `try:` waits for its `except` instead of failing at once.
    let out = r.entry(&[
        "try:",
        "    1/0",
        "except ZeroDivisionError as e:",
        "    print('caught', e)",
        "finally:",
        "    print('done')",
    ]);
    assert_eq!(out, "caught division by zero\ndone\n");
    // Decorators, nested functions, `with`, `while`/`else`.
    let out = r.entry(&[
        "def twice(f):",
        "    def inner(*a):",
        "        return 2 * f(*a)",
        "    return inner",
    ]);
    assert_eq!(out, "");
    r.entry(&["@twice", "def three():", "    return 3"]);
    assert_eq!(r.run("three()"), "6\n");
    r.run("import threading");
    let out = r.entry(&[
        "with threading.Lock() as held:",
        "    n = 3",
        "    while n:",
        "        n -= 1",
        "    else:",
        "        print('left with', n, held)",
    ]);
    assert_eq!(out, "left with 0 True\n");
    // Continuation lines: inside brackets, after a backslash, in a triple-quoted string.
    r.entry(&["def f(a,", "      b):", "    return a + \\", "        b"]);
    assert_eq!(r.run("f(1, 2)"), "3\n");
    r.more("text = '''one");
    r.more("");
    r.run("three'''");
    assert_eq!(r.run("text"), "'one\\n\\nthree'\n");
    // A header and a blank line: the terminal's python3 ends the entry there, and the
    // missing body is its IndentationError.
    r.more("if f(0, 0) == 0:");
    let out = r.run("");
    assert!(
        out.contains("IndentationError: expected an indented block after 'if' statement on line 1"),
        "{out}"
    );
    r.quit();
}

#[test]
fn a_mistake_inside_a_block_is_shown_at_once() {
    let dir = temp_dir("block-errors");
    let mut r = Repl::start(&dir);
    r.more("def f():");
    r.more("    if True:");
    let out = r.run("    return )");
    assert!(out.contains("SyntaxError: unmatched ')'"), "{out}");
    r.more("class H:");
    r.more("    def m(self):");
    let out = r.run("    pass");
    assert!(
        out.contains(
            "IndentationError: expected an indented block after function definition on line 2"
        ),
        "{out}"
    );
    r.more("try:");
    r.more("    1/0");
    let out = r.run("print('x')");
    assert!(
        out.contains("SyntaxError: expected 'except' or 'finally' block"),
        "{out}"
    );
    r.quit();
}

#[test]
fn tab_on_a_continuation_line_indents() {
    let dir = temp_dir("tab");
    let mut r = Repl::start(&dir);
    r.more("def five():");
    // Tab, then the body: four spaces, never the list of every name.
    r.keys("\t");
    r.keys("return 5\r");
    let out = r.until("... ", "the indented body");
    assert!(!out.contains("possibilities"), "{out}");
    assert_eq!(r.run(""), "");
    assert_eq!(r.run("five()"), "5\n");
    r.more("for i in range(2):");
    r.keys("\t");
    r.more("if i:");
    r.keys("\t\t");
    r.more("print('one')");
    assert_eq!(r.run(""), "one\n");
    r.quit();
}

#[test]
fn the_right_arrow_never_types_the_signature() {
    let dir = temp_dir("hint");
    let mut r = Repl::start(&dir);
    r.run("import socket");
    r.run("c = socket.socket()");
    r.keys("c.bind(");
    r.p.exp_string("address: (host, port)")
        .expect("the hint is shown");
    // Right arrow, End, then close the call: the line is `c.bind()`, nothing pasted.
    r.keys("\x1b[C\x1b[F)\r");
    let out = r.until(">>> ", "c.bind()");
    assert!(
        out.contains("TypeError: socket.bind() takes exactly one argument (0 given)"),
        "{out}"
    );
    r.quit();
}

#[test]
fn quit_exit_and_help_as_in_pythons_repl() {
    let dir = temp_dir("site");
    let mut r = Repl::start(&dir);
    assert_eq!(r.run("quit"), "Use quit() or Ctrl-D (i.e. EOF) to exit\n");
    assert_eq!(r.run("exit"), "Use exit() or Ctrl-D (i.e. EOF) to exit\n");
    let out = r.run("help()");
    assert!(out.starts_with("socklab: type Python"), "{out}");
    r.run("import socket");
    r.run("s = socket.socket()");
    let out = r.run("help(s.bind)");
    assert!(out.starts_with("socket.socket.bind(address)"), "{out}");
    let out = r.run("help('recvfrom')");
    assert!(out.starts_with("socket.socket.recvfrom("), "{out}");
    r.p.send_line("quit()").expect("send");
    r.p.exp_eof().expect("quit() leaves");
}

/// The port of the lab service a `:serve` line reports.
fn served_port(out: &str) -> u16 {
    out.split("127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in {out:?}"))
}

#[test]
fn save_writes_a_program_python3_runs_and_show_reads_a_closed_socket() {
    let dir = temp_dir("save");
    let mut r = Repl::start(&dir);
    let port = served_port(&r.run(":serve echo 0"));
    r.run("import socket");
    r.run(&format!(
        "c = socket.create_connection(('127.0.0.1', {port}))"
    ));
    r.run("c.sendall(b'hello')");
    assert!(r.run("c.recv(1024)").contains("b'hello'\n"));
    assert!(r.run("_.upper()").contains("b'HELLO'\n"));
    r.run("c.close()");
    let page = r.run(":show c");
    // (A line of the echo service, printed while the prompt waited, may come first.)
    assert!(page.contains("socket c (closed)\n"), "{page}");
    assert!(page.contains("history"), "{page}");
    assert!(page.contains("connected to 127.0.0.1:"), "{page}");
    let out = r.run(":save prog.py");
    assert!(out.contains("saved 6 entries to prog.py"), "{out}");
    let program = std::fs::read_to_string(dir.join("prog.py")).expect("saved");
    assert!(
        program.contains(&format!("# needs: socklab serve echo --port {port}\n")),
        "{program}"
    );
    // The session's echo service still runs: the saved program talks to it.
    let ran = std::process::Command::new("python3")
        .arg(dir.join("prog.py"))
        .output()
        .expect("python3");
    assert!(
        ran.status.success(),
        "{program}\n{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&ran.stdout), "b'hello'\nb'HELLO'\n");
    r.quit();
}

#[test]
fn log_keeps_a_plain_text_transcript() {
    let dir = temp_dir("log");
    let mut cmd = pty::command(&dir);
    cmd.arg("--color").arg("always");
    let mut r = Repl::spawn(cmd, true);
    assert!(r
        .run(":log session.txt")
        .starts_with("writing a transcript to session.txt"));
    r.run("x = 6 * 7");
    assert_eq!(r.run("x"), "42\n");
    r.more("for i in range(2):");
    r.more("    print('line', i)");
    r.run("");
    let out = r.run("frobnicate");
    assert!(out.contains("hint:"), "{out}");
    r.run(":log off");
    r.run("print('not logged')");
    r.quit();
    let log = std::fs::read_to_string(dir.join("session.txt")).expect("transcript");
    assert!(!log.contains('\x1b'), "escape codes in {log:?}");
    assert!(!log.contains("not logged"), "{log}");
    for part in [
        ">>> x = 6 * 7\n>>> x\n42\n",
        ">>> for i in range(2):\n...     print('line', i)\n... \nline 0\nline 1\n",
        ">>> frobnicate\n",
        "NameError: name 'frobnicate' is not defined\nhint: ",
        ">>> :log off\n",
    ] {
        assert!(log.contains(part), "{part:?} missing from\n{log}");
    }
}

#[test]
fn piped_to_tee_the_output_has_no_escape_codes() {
    use rexpect::reader::Options;
    let dir = temp_dir("tee");
    let log = dir.join("tee.log");
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c")
        .arg(format!(
            "exec '{}' | tee '{}'",
            env!("CARGO_BIN_EXE_socklab"),
            log.display()
        ))
        .env("TERM", "xterm")
        .env("XDG_DATA_HOME", &dir)
        .env("HOME", &dir)
        .env_remove("NO_COLOR")
        .current_dir(&dir);
    // The prompt is drawn on the terminal itself while the output goes round through
    // tee, so each step waits for the output it expects, not for a prompt after it.
    let opts = Options::new()
        .timeout_ms(Some(pty::TIMEOUT_MS))
        .strip_ansi_escape_codes(true);
    let mut p = rexpect::session::spawn_with_options(cmd, opts).expect("spawn");
    p.exp_string(">>> ").expect("a prompt");
    p.send_line("import socket; s = socket.socket(); s.bind(('127.0.0.1', 0))")
        .expect("send");
    p.exp_string("bound 127.0.0.1:").expect("the event line");
    p.send_line("'a string', 42").expect("send");
    p.exp_string("('a string', 42)").expect("the value");
    p.send_line(":sockets").expect("send");
    p.exp_string("waiting").expect("the table");
    // A typed line waits in the terminal for the editor; Ctrl-D typed before the prompt
    // is drawn would be the terminal's end of file instead.
    p.send_line(":quit").expect("send");
    p.exp_eof().expect("the end");
    let text = std::fs::read_to_string(&log).expect("tee's file");
    assert!(text.contains("bound 127.0.0.1:"), "{text}");
    assert!(text.contains("('a string', 42)"), "{text}");
    assert!(text.contains("│ s "), "{text}");
    assert!(!text.contains('\x1b'), "escape codes in {text:?}");
}

#[test]
fn at_80_columns_tables_and_help_fit_and_commands_check_arguments() {
    let dir = temp_dir("narrow");
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c")
        .arg(format!(
            "stty cols 80 rows 50; exec '{}'",
            env!("CARGO_BIN_EXE_socklab")
        ))
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .env("XDG_DATA_HOME", &dir)
        .env("HOME", &dir)
        .current_dir(&dir);
    let mut r = Repl::spawn(cmd, true);
    r.run("import socket");
    r.run("s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()");
    r.run("c = socket.create_connection(s.getsockname())");
    r.run("conn, addr = s.accept()");
    let table = r.run(":sockets");
    for whole in ["listening", "connected", "127.0.0.1:"] {
        assert!(table.contains(whole), "{whole} not whole in\n{table}");
    }
    // A refused connection's hint is long: it wraps between words.
    let refused = r.run("socket.socket().connect(('127.0.0.1', 1))");
    assert!(refused.contains("ConnectionRefusedError"), "{refused}");
    let hint = refused
        .split_once("hint: ")
        .map(|(_, h)| h.to_string())
        .expect("a hint");
    assert!(hint.lines().count() > 1, "{refused}");
    assert!(
        hint.lines().skip(1).all(|l| l.starts_with("      ")),
        "{refused}"
    );
    for page in [
        table,
        refused,
        r.run(":services"),
        r.run(":help"),
        r.run(":help socket"),
    ] {
        for line in page.lines() {
            assert!(line.chars().count() <= 80, "{} wide: {line:?}", line.len());
        }
    }
    let port: u16 = r
        .run("s.getsockname()[1]")
        .trim()
        .parse()
        .expect("the port");
    let out = r.run(&format!(":netstat {port}"));
    assert!(out.contains("LISTEN"), "{out}");
    assert!(out.contains("this session: s"), "{out}");
    assert!(out.contains("this session: conn") || out.contains("this session: c"));
    assert!(r.run(":sockets everything").starts_with("usage: :sockets"));
    assert!(r
        .run(":netstat some port")
        .starts_with("usage: :netstat [PORT]"));
    assert_eq!(r.run(":hex 42"), ":hex shows bytes; 42 is an int\n");
    r.quit();
}

#[test]
fn a_pasted_block_with_blocks_inside_runs_when_complete() {
    let dir = temp_dir("paste");
    let mut r = Repl::start(&dir);
    // A terminal's bracketed paste: the whole block at once, then Enter.
    r.keys("\x1b[200~class H:\n    def m(self):\n        for i in range(2):\n            print('m', i)\n\x1b[201~");
    r.keys("\r");
    let out = r.until(">>> ", "the pasted class");
    assert!(!out.contains("Error"), "{out}");
    let out = r.run("H().m()");
    assert!(out.ends_with("m 0\nm 1\n"), "{out}");
    // A pasted `try:` with its body still waits for its `except`, typed after it.
    r.keys("\x1b[200~try:\n    1/0\x1b[201~");
    r.keys("\r");
    r.keys("except ZeroDivisionError:\r");
    r.keys("    print('caught')\r");
    r.keys("\r");
    let out = r.until(">>> ", "the pasted try");
    assert!(out.ends_with("caught\n"), "{out}");
    r.quit();
}

#[test]
fn a_generator_is_typed_line_by_line() {
    let dir = temp_dir("generator");
    let mut r = Repl::start(&dir);
    let out = r.entry(&[
        "def countdown(n):",
        "    while n:",
        "        yield n",
        "        n -= 1",
        "    return 'liftoff'",
    ]);
    assert_eq!(out, "");
    assert_eq!(r.run("list(countdown(3))"), "[3, 2, 1]\n");
    r.run("g = countdown(1)");
    assert_eq!(r.run("next(g)"), "1\n");
    assert_eq!(r.run("next(g, 'done')"), "'done'\n");
    assert_eq!(r.run("sum(x * x for x in range(4))"), "14\n");
    // `x = yield`, the form the REPL's completeness check used to refuse.
    let out = r.entry(&[
        "def doubler():",
        "    x = yield",
        "    while True:",
        "        x = yield x * 2",
    ]);
    assert_eq!(out, "");
    r.run("d = doubler()");
    r.run("next(d)");
    assert_eq!(r.run("d.send(21)"), "42\n");
}
