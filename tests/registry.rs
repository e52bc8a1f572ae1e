//! The registry (issue 11, item 1): one table per built-in type feeds dispatch and
//! `dir()`. For every built-in value type, what `dir()` lists is exactly the type's
//! method table plus the attributes its values answer, and every listed method is
//! accepted by dispatch: called with junk arguments it may raise anything but "has no
//! attribute". Native objects (sockets, locks, memoryviews, dict views) list their own
//! names, and are held to the same rule. (That the core names no built-in module is
//! `tests/layout.rs`.)

use socklab::builtins::library;
use socklab::interp::exec::getattr;
use socklab::interp::value::Value;
use socklab::interp::{Ctx, Interp};
use std::collections::BTreeSet;

/// A value of every built-in type with a method table, made by running code so each is
/// the real thing.
const SAMPLES: &[(&str, &str)] = &[
    ("str", "'ab'"),
    ("bytes", "b'ab'"),
    ("bytearray", "bytearray(b'ab')"),
    ("list", "[1, 2]"),
    ("tuple", "(1, 2)"),
    ("dict", "{1: 2}"),
    ("set", "{1, 2}"),
    ("frozenset", "frozenset({1})"),
    ("int", "5"),
    ("bool", "True"),
    ("big int", "2 ** 100"),
    ("float", "1.5"),
    ("range", "range(3)"),
    ("slice", "slice(1, 2)"),
];

fn evaluate(ctx: &mut Ctx, code: &str) -> Value {
    let src = socklab::syntax::Source::new("<registry>", format!("_v = {code}\n"));
    let main = ctx.interp.main.clone();
    let Ok(compiled) = socklab::interp::compile(&src, &main) else {
        panic!("{code} does not compile")
    };
    assert!(socklab::interp::run_module(ctx, &compiled, &main, &src).is_ok());
    main.get("_v").expect("assigned")
}

fn quiet_ctx() -> Ctx {
    let interp = Interp::new(vec![String::new()]);
    interp.stdout.lock().sink = Box::new(std::io::sink());
    interp.stderr.lock().sink = Box::new(std::io::sink());
    interp.new_ctx()
}

#[test]
fn dir_lists_the_method_table_and_dispatch_accepts_all_of_it() {
    let lib = library();
    let mut ctx = quiet_ctx();
    let junk = [Value::Int(-1), Value::str("x"), Value::bytes(b"\xff")];
    let mut problems = Vec::new();
    for (owner, code) in SAMPLES {
        let v = evaluate(&mut ctx, code);
        let table: BTreeSet<String> = (lib.methods.table)(&v)
            .iter()
            .map(|s| s.name.to_string())
            .collect();
        assert!(!table.is_empty(), "{owner} has no method table");
        let others: BTreeSet<String> = (lib.methods.value_attr_names)(&v)
            .into_iter()
            .map(String::from)
            .collect();
        let listed: BTreeSet<String> = lib.attribute_names(&v).into_iter().collect();
        let expected: BTreeSet<String> = table.union(&others).cloned().collect();
        if listed != expected {
            problems.push(format!("{owner}: dir() {listed:?} != tables {expected:?}"));
        }
        for name in &table {
            for n in 0..=junk.len() {
                let r = lib.call_method(&mut ctx, &v, name, &junk[..n], &[]);
                ctx.handling.clear();
                match r {
                    None => problems.push(format!("{owner}.{name} listed but not dispatched")),
                    Some(Err(e)) if e.is("AttributeError") => {
                        problems.push(format!("{owner}.{name}({n} args): AttributeError"))
                    }
                    Some(_) => {}
                }
                // Fresh receiver: a mutating method may have changed it.
            }
        }
        for name in &others {
            if getattr(&mut ctx, &v, name).is_err() {
                problems.push(format!("{owner}.{name} listed but getattr fails"));
            }
        }
        // What is not listed is not there.
        for name in ["insert", "add", "nosuch"] {
            let has = lib.has_method(&v, name);
            if has != table.contains(name) {
                problems.push(format!("{owner}.{name}: has_method {has}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_built_in_class_lists_what_getattr_finds() {
    let lib = library();
    let mut ctx = quiet_ctx();
    for (owner, _) in SAMPLES {
        let Some(class) = ctx.interp.builtins.get(*owner).cloned() else {
            continue;
        };
        let names = lib.attribute_names(&class);
        assert!(!names.is_empty(), "dir({owner}) is empty");
        for name in names {
            assert!(
                getattr(&mut ctx, &class, &name).is_ok(),
                "{owner}.{name} is listed but not found"
            );
        }
    }
}

/// The native objects (sockets, locks, memoryviews ...) list their names themselves
/// (`NativeObject::attr_names`): each listed name is found, and a listed method is
/// accepted (called with junk it may raise anything but AttributeError).
#[test]
fn a_native_object_lists_what_it_answers() {
    let mut ctx = quiet_ctx();
    let junk = [Value::Int(-1), Value::str("x")];
    let mut problems = Vec::new();
    for (owner, code) in [
        ("socket", "__import__('socket').socket()"),
        ("lock", "__import__('_thread').allocate_lock()"),
        ("RLock", "__import__('_thread').RLock()"),
        ("Event", "__import__('_thread').Event()"),
        ("memoryview", "memoryview(b'ab')"),
        ("dict_keys", "{1: 2}.keys()"),
    ] {
        let v = evaluate(&mut ctx, code);
        let names = library().attribute_names(&v);
        assert!(!names.is_empty(), "dir({owner}) is empty");
        for name in names.iter().filter(|n| !n.starts_with('_')) {
            if matches!(name.as_str(), "accept" | "wait" | "acquire") {
                continue; // they would wait on purpose
            }
            let Ok(attr) = getattr(&mut ctx, &v, name) else {
                problems.push(format!("{owner}.{name} listed but getattr fails"));
                continue;
            };
            if !matches!(attr, Value::Builtin(_) | Value::BoundMethod(_)) {
                continue;
            }
            for n in 0..=junk.len() {
                let fresh = evaluate(&mut ctx, code);
                let r = socklab::interp::exec::call_method(
                    &mut ctx,
                    &fresh,
                    name,
                    junk[..n].to_vec(),
                    vec![],
                );
                ctx.handling.clear();
                if let Err(e) = r {
                    if e.is("AttributeError") {
                        problems.push(format!("{owner}.{name}({n} args): AttributeError"));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
