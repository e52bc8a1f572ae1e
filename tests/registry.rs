//! The registry (issue 11, item 1): one table per built-in type feeds dispatch and
//! `dir()`, and the interpreter core names no built-in module.
//!
//! - For every built-in value type, what `dir()` lists is exactly the type's method
//!   table plus the attributes its values answer, and every listed method is accepted
//!   by dispatch: called with junk arguments it may raise anything but "has no
//!   attribute".
//! - The layers depend one way: `interp`, `syntax` and `net` name no `builtins`, and no
//!   lower layer names a front end (scanned from the sources, comments left out).

use socklab::builtins::library;
use socklab::interp::exec::getattr;
use socklab::interp::value::Value;
use socklab::interp::{Ctx, Interp};
use std::collections::BTreeSet;
use std::path::Path;

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

/// Source lines with comments (`//`, `///`, `//!`) left out, and string literals
/// blanked, so a doc comment naming `builtins::library()` does not count as a use.
fn code_lines(path: &Path) -> Vec<(usize, String)> {
    let text = std::fs::read_to_string(path).expect("readable source");
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let code = match line.find("//") {
                Some(at) => &line[..at],
                None => line,
            };
            let mut out = String::new();
            let mut in_string = false;
            for c in code.chars() {
                if c == '"' {
                    in_string = !in_string;
                }
                if !in_string {
                    out.push(c);
                }
            }
            (!out.trim().is_empty()).then_some((i + 1, out))
        })
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Lines of `layer` that name one of `forbidden` as a crate module: `crate::m`,
/// `super::...::m` reaching the crate root, or `m` inside a `use crate::{...}` group.
fn uses_of(layer: &str, forbidden: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let dir = root.join(layer);
    if dir.is_dir() {
        rust_files(&dir, &mut files);
    }
    let single = root.join(format!("{layer}.rs"));
    if single.is_file() {
        files.push(single);
    }
    assert!(!files.is_empty(), "no sources for {layer}");
    let mut found = Vec::new();
    for file in files {
        let mut in_group = false;
        for (n, line) in code_lines(&file) {
            let squeezed: String = line.split_whitespace().collect();
            if squeezed.contains("usecrate::{") {
                in_group = true;
            }
            for m in forbidden {
                let named = squeezed.contains(&format!("crate::{m}::"))
                    || squeezed.contains(&format!("crate::{m};"))
                    || squeezed.contains(&format!("crate::{m}}}"))
                    || squeezed.contains(&format!("crate::{m},"))
                    || (in_group
                        && squeezed
                            .split([',', '{', '}', ':', ';'])
                            .any(|part| part == *m));
                if named {
                    found.push(format!("{}:{n}: {}", file.display(), line.trim()));
                }
            }
            if in_group && squeezed.contains("};") {
                in_group = false;
            }
        }
    }
    found
}

#[test]
fn the_core_names_no_built_in_module() {
    for layer in ["interp", "syntax", "net"] {
        let found = uses_of(layer, &["builtins"]);
        assert!(
            found.is_empty(),
            "{layer} names builtins:\n{}",
            found.join("\n")
        );
    }
}

#[test]
fn no_lower_layer_names_a_front_end() {
    let front_ends = ["repl", "session", "runner", "lesson", "labs"];
    for layer in ["syntax", "interp", "builtins", "net", "view"] {
        let found = uses_of(layer, &front_ends);
        assert!(
            found.is_empty(),
            "{layer} names a front end:\n{}",
            found.join("\n")
        );
    }
}

/// The scan itself finds a use when there is one (so the tests above cannot pass by
/// reading nothing).
#[test]
fn the_layer_scan_sees_real_uses() {
    assert!(!uses_of("session", &["interp"]).is_empty());
    assert!(!uses_of("repl", &["session"]).is_empty());
}
