//! What the fuzzers found, pinned: each of these once aborted the process or ran
//! without end.

use assert_cmd::Command;
use socklab::interp::INTERPRETER_STACK;
use socklab::interp::{self, Interp, Value};
use socklab::syntax::Source;
use std::sync::atomic::Ordering;

/// Allocations CPython refuses with `MemoryError` aborted socklab ("memory allocation
/// of N bytes failed") instead of raising.
#[test]
fn huge_allocations_are_memory_errors() {
    let cases = [
        "'ab'.center(10**12)",
        "'ab'.ljust(2**63 - 1)",
        "'7'.zfill(10**12)",
        "'\\t'.expandtabs(10**12)",
        "format(1, '99999999999')",
        "f'{1.5:.99999999999f}'",
        "'%99999999999d' % 1",
        "'%.99999999999f' % 1.5",
        "list(range(2**40))",
        "(5).to_bytes(10**12, 'big')",
    ];
    let mut program = String::new();
    for c in cases {
        program.push_str(&format!(
            "try:\n    {c}\nexcept MemoryError:\n    print('MemoryError')\n"
        ));
    }
    let out = Command::cargo_bin("socklab")
        .expect("binary")
        .args(["run", "-"])
        .write_stdin(program)
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout,
        "MemoryError\n".repeat(cases.len()),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success());
}

/// The interpreter fuzzer's step budget: an endless program ends, and catching the
/// error does not let it go on.
#[test]
fn step_budget_ends_endless_programs() {
    let text = "\
def spin():
    while True:
        pass
for attempt in range(3):
    try:
        spin()
    except RuntimeError:
        pass
while True:
    try:
        x = [i for i in range(10**9)]
    except BaseException:
        pass
";
    let result = std::thread::Builder::new()
        .stack_size(INTERPRETER_STACK)
        .spawn(move || {
            let interp = Interp::new(vec!["budget".into()]);
            interp.max_steps.store(10_000, Ordering::Relaxed);
            let src = Source::new("budget.py", text);
            let globals = interp.main.clone();
            globals.set("__name__", Value::str("__main__"));
            let module = interp::compile(&src, &globals).map_err(|e| e.render(&src))?;
            let mut ctx = interp.new_ctx();
            match interp::run_module(&mut ctx, &module, &globals, &src) {
                Ok(()) => Err("the program ended by itself".to_string()),
                Err(exc) => Ok(interp::render_traceback(&mut ctx, &exc)),
            }
        })
        .expect("spawn")
        .join()
        .expect("no panic");
    let report = result.expect("an exception");
    assert!(
        report.ends_with("RuntimeError: socklab: step budget exhausted\n"),
        "{report}"
    );
}

/// `3 ** 294967297` took minutes in one operation, past any loop check.
#[test]
fn step_budget_covers_big_number_work() {
    let result = std::thread::Builder::new()
        .stack_size(INTERPRETER_STACK)
        .spawn(|| {
            let interp = Interp::new(vec!["budget".into()]);
            interp.max_steps.store(20_000, Ordering::Relaxed);
            let src = Source::new("big.py", "x = 2 ** 10000\ny = 3 ** 294967297\n");
            let globals = interp.main.clone();
            let module = interp::compile(&src, &globals).map_err(|e| e.render(&src))?;
            let mut ctx = interp.new_ctx();
            match interp::run_module(&mut ctx, &module, &globals, &src) {
                Ok(()) => Err("ran to the end".to_string()),
                Err(exc) => Ok(interp::render_traceback(&mut ctx, &exc)),
            }
        })
        .expect("spawn")
        .join()
        .expect("no panic");
    let report = result.expect("an exception");
    assert!(report.contains("line 2"), "{report}");
    assert!(
        report.ends_with("RuntimeError: socklab: step budget exhausted\n"),
        "{report}"
    );
}

/// `buffer += buffer[i:]` in an endless loop doubles the buffer each step: few loop
/// steps, gigabytes of copying. Copying spends the budget too.
#[test]
fn step_budget_covers_copying() {
    let result = std::thread::Builder::new()
        .stack_size(INTERPRETER_STACK)
        .spawn(|| {
            let interp = Interp::new(vec!["budget".into()]);
            interp.max_steps.store(20_000, Ordering::Relaxed);
            let src = Source::new("copy.py", "buf = b'ab'\nwhile True:\n    buf += buf\n");
            let globals = interp.main.clone();
            let module = interp::compile(&src, &globals).map_err(|e| e.render(&src))?;
            let mut ctx = interp.new_ctx();
            match interp::run_module(&mut ctx, &module, &globals, &src) {
                Ok(()) => Err("ran to the end".to_string()),
                Err(exc) => Ok(interp::render_traceback(&mut ctx, &exc)),
            }
        })
        .expect("spawn")
        .join()
        .expect("no panic");
    let report = result.expect("an exception");
    assert!(
        report.ends_with("RuntimeError: socklab: step budget exhausted\n"),
        "{report}"
    );
}
