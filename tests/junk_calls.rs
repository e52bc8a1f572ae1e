//! Every public callable of every built-in type and module, called with 0 to 4 junk
//! arguments and with a junk keyword (issue 11, item 2). An exception is a fine answer;
//! a panic is a bug. The callables are enumerated from the tables dispatch itself uses
//! (the built-in function map, each type's method table through `dir()`'s
//! `attribute_names`, each module's globals), so a new one cannot be missed.
//!
//! Runs in-process: each call is made under `catch_unwind`, on a fresh object where
//! the method changes its receiver, and the failures are reported together.

use socklab::builtins::{self, attribute_names};
use socklab::interp::exec::{call, getattr};
use socklab::interp::value::{Name, Value};
use socklab::interp::{Ctx, Interp};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

/// Calls that would wait for ever on purpose (reading the terminal, an Event no one
/// sets, an accept no one connects to): skipped, with the reason.
const BLOCKING: &[(&str, &str)] = &[
    ("input", "reads standard input"),
    ("wait", "Event.wait waits for a set() that never comes"),
    ("accept", "a listening socket waits for a peer"),
    ("serve_forever", "serves until shut down"),
    ("join", "Thread.join of a started thread waits for it"),
];

/// Junk of every kind: none of it names a host other than localhost, and none of it is a
/// long time-out.
fn junk() -> Vec<Value> {
    vec![
        Value::None,
        Value::Int(-1),
        Value::str("localhost"),
        Value::Float(-0.5),
        Value::tuple(vec![Value::str("localhost"), Value::Int(-1)]),
        Value::bytes(b"\xff\x00"),
        Value::list(vec![Value::Int(300)]),
    ]
}

fn is_callable(v: &Value) -> bool {
    matches!(
        v,
        Value::Builtin(_) | Value::BoundMethod(_) | Value::Class(_) | Value::Func(_)
    )
}

struct Report {
    calls: usize,
    panics: Vec<String>,
}

/// Call `make()`'s attribute `name` with each junk pattern, a fresh receiver each time.
fn exercise(
    ctx: &mut Ctx,
    what: &str,
    make: &dyn Fn(&mut Ctx) -> Option<Value>,
    report: &mut Report,
) {
    let junk = junk();
    type Call = (Vec<Value>, Vec<(Name, Value)>);
    let mut patterns: Vec<Call> = Vec::new();
    for n in 0..=4 {
        for shift in 0..junk.len() {
            let args: Vec<Value> = (0..n)
                .map(|i| junk[(i + shift) % junk.len()].clone())
                .collect();
            patterns.push((args, vec![]));
        }
    }
    for v in &junk {
        patterns.push((vec![], vec![(Name::from("bogus"), v.clone())]));
        patterns.push((vec![v.clone()], vec![(Name::from("bogus"), v.clone())]));
    }
    for (args, kwargs) in patterns {
        let Some(callee) = make(ctx) else { return };
        report.calls += 1;
        let shown = format!("{what}({} args, {} keywords)", args.len(), kwargs.len());
        let r = catch_unwind(AssertUnwindSafe(|| call(ctx, &callee, args, kwargs)));
        ctx.depth = 0;
        ctx.handling.clear();
        if r.is_err() {
            report.panics.push(shown);
        }
    }
}

/// Every callable attribute of the values `make` produces, each called with junk.
fn exercise_attributes(
    ctx: &mut Ctx,
    owner: &str,
    make: &dyn Fn(&mut Ctx) -> Option<Value>,
    report: &mut Report,
) {
    let Some(sample) = make(ctx) else { return };
    for name in attribute_names(&sample) {
        if name.starts_with('_') || BLOCKING.iter().any(|(b, _)| *b == name) {
            continue;
        }
        let Ok(attr) = getattr(ctx, &sample, &name) else {
            continue;
        };
        if !is_callable(&attr) {
            continue;
        }
        let fresh = |ctx: &mut Ctx| make(ctx).and_then(|v| getattr(ctx, &v, &name).ok());
        exercise(ctx, &format!("{owner}.{name}"), &fresh, report);
    }
}

#[test]
fn no_built_in_callable_panics_on_junk_arguments() {
    // Deep enough for the interpreter's own recursion, like `socklab run`'s stack.
    let child = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(run_everything)
        .expect("thread");
    let report = child.join().expect("the test itself did not panic");
    assert!(report.calls > 5000, "only {} calls made", report.calls);
    assert!(
        report.panics.is_empty(),
        "{} of {} junk calls panicked:\n{}",
        report.panics.len(),
        report.calls,
        report.panics.join("\n")
    );
}

fn run_everything() -> Report {
    let interp = Interp::new(vec![String::new()]);
    // Whatever the calls print goes nowhere.
    interp.stdout.lock().sink = Box::new(std::io::sink());
    interp.stderr.lock().sink = Box::new(std::io::sink());
    let mut ctx = interp.new_ctx();
    let mut report = Report {
        calls: 0,
        panics: Vec::new(),
    };

    // The built-in functions and types, from the map name lookup uses.
    let mut names: Vec<(Name, Value)> = interp
        .builtins
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    names.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, v) in &names {
        if !is_callable(v) || BLOCKING.iter().any(|(b, _)| **b == **name) {
            continue;
        }
        let f = v.clone();
        exercise(&mut ctx, name, &move |_| Some(f.clone()), &mut report);
        // The type's functions (`int.from_bytes`, `dict.fromkeys`).
        if let Value::Class(_) = v {
            let c = v.clone();
            exercise_attributes(&mut ctx, name, &move |_| Some(c.clone()), &mut report);
        }
    }

    // The methods of every built-in type, on a fresh value each call.
    type Sample = (&'static str, fn() -> Value);
    let samples: &[Sample] = &[
        ("str", || Value::str("ab")),
        ("bytes", || Value::bytes(b"ab")),
        ("bytearray", || {
            Value::ByteArray(Arc::new(socklab::interp::sharing::Mutex::new(
                b"ab".to_vec(),
            )))
        }),
        ("list", || Value::list(vec![Value::Int(1), Value::Int(2)])),
        ("tuple", || Value::tuple(vec![Value::Int(1)])),
        ("int", || Value::Int(5)),
        ("bool", || Value::Bool(true)),
        ("float", || Value::Float(1.5)),
    ];
    for (owner, make) in samples {
        let make = *make;
        exercise_attributes(&mut ctx, owner, &move |_| Some(make()), &mut report);
    }
    // Containers made by running code, so they are the real thing (dict, set, frozenset).
    for (owner, code) in [
        ("dict", "{1: 2}"),
        ("set", "{1, 2}"),
        ("frozenset", "frozenset({1})"),
        ("range", "range(3)"),
    ] {
        let code = code.to_string();
        let make = move |ctx: &mut Ctx| evaluate(ctx, &code);
        exercise_attributes(&mut ctx, owner, &make, &mut report);
    }

    // Every module: its functions and classes, and the objects its classes make.
    for module in [
        "time",
        "struct",
        "select",
        "sys",
        "_thread",
        "socket",
        "traceback",
        "_random",
        "_strptime",
        "math",
        "errno",
        "hashlib",
    ] {
        let Ok(m) = builtins::import_module(&mut ctx, module) else {
            report.panics.push(format!("import {module} failed"));
            continue;
        };
        let m2 = m.clone();
        exercise_attributes(&mut ctx, module, &move |_| Some(m2.clone()), &mut report);
    }
    for (owner, code) in [
        ("socket.socket", "__import__('socket').socket()"),
        ("lock", "__import__('_thread').allocate_lock()"),
        ("RLock", "__import__('_thread').RLock()"),
        ("Event", "__import__('_thread').Event()"),
        ("_random.Random", "__import__('_random').Random()"),
    ] {
        let code = code.to_string();
        let make = move |ctx: &mut Ctx| evaluate(ctx, &code);
        exercise_attributes(&mut ctx, owner, &make, &mut report);
    }
    report
}

/// The value of a Python expression, run in the interpreter's `__main__`.
fn evaluate(ctx: &mut Ctx, code: &str) -> Option<Value> {
    let src = socklab::syntax::Source::new("<junk>", format!("_junk = {code}\n"));
    let main = ctx.interp.main.clone();
    let compiled = socklab::interp::compile(&src, &main).ok()?;
    socklab::interp::run_module(ctx, &compiled, &main, &src).ok()?;
    main.get("_junk")
}
