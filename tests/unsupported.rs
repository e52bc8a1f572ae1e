//! Python that is valid but outside socklab's subset ends with a clear
//! `NotImplementedError: socklab does not support ...` (exit status 1), never with a
//! misleading syntax error or a wrong answer. CPython runs these programs, so they
//! cannot live in the differential corpus.

use std::io::Write;
use std::process::{Command, Stdio};

const SOCKLAB: &str = env!("CARGO_BIN_EXE_socklab");

/// Run a program from standard input; return (status, last stderr line, stdout).
fn run(program: &str) -> (i32, String, String) {
    let mut child = Command::new(SOCKLAB)
        .args(["run", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn socklab");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(program.as_bytes())
        .expect("write program");
    let out = child.wait_with_output().expect("socklab finished");
    let err = String::from_utf8_lossy(&out.stderr);
    let last = err.lines().last().unwrap_or("").to_string();
    (
        out.status.code().unwrap_or(-1),
        last,
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn assert_unsupported(program: &str, what: &str) {
    let (code, last, stdout) = run(program);
    assert_eq!(
        last,
        format!("NotImplementedError: socklab does not support {what}"),
        "program:\n{program}"
    );
    assert_eq!(code, 1, "program:\n{program}");
    assert_eq!(
        stdout, "",
        "nothing runs before a compile-time refusal:\n{program}"
    );
}

#[test]
fn async_code_is_refused_clearly() {
    assert_unsupported(
        "print('before')\nasync def main():\n    pass\n",
        "async functions (async/await)",
    );
    assert_unsupported("def f():\n    await g()\n", "async functions (async/await)");
    assert_unsupported(
        "def f():\n    async for x in g():\n        pass\n",
        "async functions (async/await)",
    );
    assert_unsupported(
        "def f():\n    async with g():\n        pass\n",
        "async functions (async/await)",
    );
    let (code, last, _) = run("import asyncio\n");
    assert_eq!(
        (code, last.as_str()),
        (
            1,
            "NotImplementedError: socklab does not support the 'asyncio' module"
        )
    );
}

/// `--explain` (a terminal's default) adds the lecture's alternatives to async code.
#[test]
fn async_code_points_to_threads_and_select() {
    for program in ["async def main():\n    pass\n", "import asyncio\n"] {
        let (_, err) = run_explained(program);
        let lines: Vec<&str> = err.lines().collect();
        assert!(lines.len() >= 2, "{err}");
        let hint = lines[lines.len() - 1];
        assert!(
            hint.starts_with("hint: ")
                && hint.contains("threading.Thread")
                && hint.contains("select.select()"),
            "{err}"
        );
    }
}

/// Run a program with `--explain`; return (status, all of stderr).
fn run_explained(program: &str) -> (i32, String) {
    let mut child = Command::new(SOCKLAB)
        .args(["run", "--explain", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn socklab");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(program.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("finished");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn match_statements_are_refused_but_match_stays_a_name() {
    assert_unsupported(
        "print('before')\nmatch 3:\n    case 3:\n        print('three')\n",
        "match statements",
    );
    // `match` is a soft keyword: as a plain name it still works.
    let (code, last, stdout) = run("match = 5\nprint(match + 1)\nmatch = [match]\nprint(match)\n");
    assert_eq!((code, last.as_str(), stdout.as_str()), (0, "", "6\n[5]\n"));
}

#[test]
fn other_refusals() {
    assert_unsupported("x = 3j\n", "complex numbers");
    let (code, last, _) = run("import sqlite3\n");
    assert_eq!(
        (code, last.as_str()),
        (
            1,
            "NotImplementedError: socklab does not support the 'sqlite3' module"
        )
    );
    // Every module of CPython's library, submodules too: never "No module named".
    for (stmt, module) in [
        ("import xml.dom", "xml"),
        ("from tkinter import Tk", "tkinter"),
        ("import http.server", "http"),
        ("import _socket", "_socket"),
        // The parts socklab lacks of modules it has.
        ("import urllib.request", "urllib.request"),
        ("from urllib.request import urlopen", "urllib.request"),
        ("import collections.abc", "collections.abc"),
        ("import json, json.decoder", "json.decoder"),
        // socklab's logging is there, its submodules are not.
        ("import logging.handlers", "logging.handlers"),
        ("import logging\nimport logging.config", "logging.config"),
    ] {
        let (code, last, _) = run(&format!("{stmt}\n"));
        assert_eq!(
            (code, last.as_str()),
            (
                1,
                format!("NotImplementedError: socklab does not support the '{module}' module")
                    .as_str()
            ),
            "{stmt}"
        );
    }
    let (code, last, _) = run("import no_such_module_anywhere\n");
    assert_eq!(
        (code, last.as_str()),
        (
            1,
            "ModuleNotFoundError: No module named 'no_such_module_anywhere'"
        )
    );
}

#[test]
fn forking_servers_point_to_threads() {
    let (code, last, _) = run(
        "import socketserver\nserver = socketserver.ForkingTCPServer(('127.0.0.1', 0), socketserver.BaseRequestHandler)\n",
    );
    assert_eq!(code, 1);
    assert_eq!(
        last,
        "NotImplementedError: socklab does not support ForkingMixIn (it would fork the lab itself); use ThreadingMixIn: one thread per client"
    );
    // A forking server written by hand: the same advice.
    for (call, name) in [("os.fork()", "os.fork()"), ("os.forkpty()", "os.forkpty()")] {
        let (code, last, stdout) = run(&format!("import os\nprint('before')\npid = {call}\n"));
        assert_eq!(code, 1);
        assert_eq!(stdout, "before\n");
        assert_eq!(
            last,
            format!("NotImplementedError: socklab does not support {name} (it would fork the lab itself); use threading: one thread per client")
        );
    }
    // Python 2's module name: CPython 3's error (the hint is added on a terminal).
    let (code, last, _) = run("import SocketServer\n");
    assert_eq!(
        (code, last.as_str()),
        (1, "ModuleNotFoundError: No module named 'SocketServer'")
    );
}

#[test]
fn explain_adds_the_threads_hint_after_cpythons_line() {
    let mut child = Command::new(SOCKLAB)
        .args(["run", "--explain", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn socklab");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"import socketserver\nsocketserver.ForkingTCPServer(('127.0.0.1', 0), socketserver.BaseRequestHandler)\n")
        .expect("write");
    let out = child.wait_with_output().expect("finished");
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert!(lines.len() >= 2, "{err}");
    assert!(
        lines[lines.len() - 2]
            .starts_with("NotImplementedError: socklab does not support ForkingMixIn"),
        "{err}"
    );
    assert!(
        lines[lines.len() - 1].starts_with("hint: ")
            && lines[lines.len() - 1].contains("ThreadingMixIn"),
        "{err}"
    );
}
