//! The REPL as students type it, key by key through a pseudo-terminal (issue 12): blocks
//! inside blocks, Tab that indents, a signature that is never typed for them, `:save`,
//! `:log`, Python's `help()`, `quit` and `exit`.

mod pty;

use pty::{temp_dir, Repl};

/// Type a whole block line by line: every line but the last blank one shows `... `.
fn block(r: &mut Repl, lines: &[&str]) -> String {
    for line in lines {
        r.more(line);
    }
    r.run("")
}

#[test]
fn blocks_inside_blocks_are_typed_line_by_line() {
    let dir = temp_dir("nested");
    let mut r = Repl::start(&dir);
    // The lecture's handler class: a method inside a class.
    block(
        &mut r,
        &[
            "class H:",
            "    def m(self, x):",
            "        if x > 1:",
            "            return 'big'",
            "        return 'small'",
        ],
    );
    assert_eq!(r.run("H().m(2), H().m(0)"), "('big', 'small')\n");
    // Its thread function: a loop inside a function.
    let out = block(
        &mut r,
        &[
            "def count(n):",
            "    total = 0",
            "    for i in range(n):",
            "        total += i",
            "    else:",
            "        print('counted', total)",
            "    return total",
        ],
    );
    assert_eq!(out, "");
    assert_eq!(r.run("count(4)"), "counted 6\n6\n");
    // `try:` waits for its `except` instead of failing at once.
    let out = block(
        &mut r,
        &[
            "try:",
            "    1/0",
            "except ZeroDivisionError as e:",
            "    print('caught', e)",
            "finally:",
            "    print('done')",
        ],
    );
    assert_eq!(out, "caught division by zero\ndone\n");
    // Decorators, nested functions, `with`, `while`/`else`.
    let out = block(
        &mut r,
        &[
            "def twice(f):",
            "    def inner(*a):",
            "        return 2 * f(*a)",
            "    return inner",
        ],
    );
    assert_eq!(out, "");
    block(&mut r, &["@twice", "def three():", "    return 3"]);
    assert_eq!(r.run("three()"), "6\n");
    r.run("import threading");
    let out = block(
        &mut r,
        &[
            "with threading.Lock() as held:",
            "    n = 3",
            "    while n:",
            "        n -= 1",
            "    else:",
            "        print('left with', n, held)",
        ],
    );
    assert_eq!(out, "left with 0 True\n");
    // Continuation lines: inside brackets, after a backslash, in a triple-quoted string.
    block(
        &mut r,
        &["def f(a,", "      b):", "    return a + \\", "        b"],
    );
    assert_eq!(r.run("f(1, 2)"), "3\n");
    r.more("text = '''one");
    r.more("");
    r.run("three'''");
    assert_eq!(r.run("text"), "'one\\n\\nthree'\n");
    // A header and a blank line: CPython's codeop still waits for the body.
    r.more("if f(0, 0) == 0:");
    r.more("");
    r.more("    print('zero')");
    assert_eq!(r.run(""), "zero\n");
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
