//! `socklab < prog.py`: standard input that is not a terminal is a program, run as
//! `python3 < prog.py` runs it: no prompts, no echo of values, no colour.

use assert_cmd::Command;
use predicates::prelude::*;

#[test]
fn piped_input_runs_as_a_script() {
    Command::cargo_bin("socklab")
        .expect("binary")
        .write_stdin("import sys\nprint('hi', sys.argv)\nx = 41\nx + 1\nprint(x + 1)\n")
        .assert()
        .success()
        .stdout("hi ['']\n42\n")
        .stderr("");
}

#[test]
fn piped_errors_are_cpythons_without_hints() {
    Command::cargo_bin("socklab")
        .expect("binary")
        .write_stdin("print('before')\nundefined_thing\n")
        .assert()
        .code(1)
        .stdout("before\n")
        .stderr(predicates::str::ends_with(
            "NameError: name 'undefined_thing' is not defined\n",
        ))
        .stderr(predicates::str::contains("hint:").not());
}

#[test]
fn piped_input_takes_blocks_inside_blocks() {
    let program = "class H:\n    def m(self, x):\n        if x:\n            return 'yes'\n        try:\n            1/0\n        except ZeroDivisionError:\n            return 'caught'\n\nprint(H().m(1), H().m(0))\n";
    Command::cargo_bin("socklab")
        .expect("binary")
        .write_stdin(program)
        .assert()
        .success()
        .stdout("yes caught\n")
        .stderr("");
}
