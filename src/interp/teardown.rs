//! The end of an interpreter in a process that goes on (a REPL or lesson session, a
//! fuzz run): everything its program can still reach is emptied, so it is freed.
//!
//! Values count references, and nothing here collects cycles: a function holds its
//! module's globals, which hold the function; `datetime.min` is an instance held by its
//! own class; a logging manager and its loggers hold each other. At the end of
//! `socklab run` the process frees it all, but a session's worker, or the fuzzer's
//! millions of runs, would keep every such cycle (a session that imported `datetime`
//! kept a megabyte). So, from the program's globals and every imported module, the
//! containers it can reach are found first, then emptied: lists, dicts, sets, cells,
//! instances' attributes, the dicts of classes its code defined (never a built-in
//! class, which every interpreter shares), functions' attributes and iterators.

use super::value::{Globals, IterState, Value};
use super::Ctx;
use std::collections::HashSet;
use std::sync::Arc;

/// Empty everything the program can still reach (see the module's map), then close the
/// generators that dropped.
pub fn tear_down(ctx: &mut Ctx) {
    let mut roots: Vec<Value> = ctx.interp.modules.lock().drain().map(|(_, m)| m).collect();
    roots.extend(ctx.interp.main.items().into_iter().map(|(_, v)| v));
    let (reachable, globals) = reachable_from(roots);
    ctx.interp.main.clear();
    for g in &globals {
        g.clear();
    }
    for v in &reachable {
        // What a container held is dropped after its lock is let go.
        let held = empty(v);
        drop(held);
    }
    drop(reachable);
    super::generator::finalize_orphans(ctx);
}

/// Every value reachable from `roots` through containers, each once, and the globals of
/// the functions among them.
fn reachable_from(roots: Vec<Value>) -> (Vec<Value>, Vec<Arc<Globals>>) {
    let mut seen = HashSet::new();
    let mut found = Vec::new();
    let mut globals: Vec<Arc<Globals>> = Vec::new();
    let mut todo = roots;
    while let Some(v) = todo.pop() {
        if !points_to_an_object(&v) || !seen.insert(v.id()) {
            continue;
        }
        match &v {
            Value::List(l) => todo.extend(l.lock().iter().cloned()),
            Value::Tuple(t) => todo.extend(t.iter().cloned()),
            Value::Dict(d) | Value::Set(d) => {
                for (k, x) in d.lock().iter() {
                    todo.push(k.0.clone());
                    todo.push(x.clone());
                }
            }
            Value::FrozenSet(d) => todo.extend(d.keys().map(|k| k.0.clone())),
            Value::Slice(parts) => todo.extend(parts.iter().cloned()),
            Value::Instance(i) => {
                todo.extend(i.dict.lock().values().cloned());
                todo.extend(i.payload.lock().clone());
                todo.push(Value::Class(i.class.clone()));
            }
            Value::Class(c) if c.def.is_some() => {
                todo.extend(c.dict.read().values().cloned());
                todo.extend(c.bases.iter().map(|b| Value::Class(b.clone())));
            }
            Value::Func(f) => {
                todo.extend(f.defaults.iter().cloned());
                todo.extend(f.kwdefaults.iter().flatten().cloned());
                todo.extend(f.closure.iter().cloned());
                todo.extend(f.attrs.lock().values().cloned());
                if !globals.iter().any(|g| Arc::ptr_eq(g, &f.module)) {
                    globals.push(f.module.clone());
                    todo.extend(f.module.items().into_iter().map(|(_, x)| x));
                }
            }
            Value::BoundMethod(bm) => {
                todo.push(bm.0.clone());
                todo.push(bm.1.clone());
            }
            Value::Builtin(b) => todo.extend(b.self_.clone()),
            Value::Cell(c) => todo.extend(c.lock().clone()),
            Value::Module(m) => todo.extend(m.globals.items().into_iter().map(|(_, x)| x)),
            Value::Iter(it) => match &*it.lock() {
                IterState::Seq { seq, .. } => todo.push(seq.clone()),
                IterState::Items { items, .. } => todo.extend(items.iter().cloned()),
                IterState::Dict { dict, .. } => todo.push(Value::Dict(dict.clone())),
                IterState::Object(o) => todo.push(o.clone()),
                _ => {}
            },
            _ => {}
        }
        found.push(v);
    }
    (found, globals)
}

fn points_to_an_object(v: &Value) -> bool {
    !matches!(
        v,
        Value::None
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Float(_)
            | Value::Ellipsis
            | Value::NotImplemented
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::BigInt(_)
    )
}

/// Empty one container; what it held is returned, to be dropped by the caller.
fn empty(v: &Value) -> Vec<Value> {
    let mut held = Vec::new();
    match v {
        Value::List(l) => held = std::mem::take(&mut *l.lock()),
        Value::Dict(d) | Value::Set(d) => {
            let old = std::mem::take(&mut *d.lock());
            held.extend(old.into_iter().flat_map(|(k, x)| [k.0, x]));
        }
        Value::Instance(i) => {
            held.extend(std::mem::take(&mut *i.dict.lock()).into_values());
            held.extend(i.payload.lock().take());
        }
        Value::Class(c) if c.def.is_some() => {
            held.extend(std::mem::take(&mut *c.dict.write()).into_values())
        }
        Value::Func(f) => held.extend(std::mem::take(&mut *f.attrs.lock()).into_values()),
        Value::Cell(c) => held.extend(c.lock().take()),
        Value::Module(m) => m.globals.clear(),
        Value::Iter(it) => {
            let old = std::mem::replace(&mut *it.lock(), IterState::Done);
            if let IterState::Items { items, .. } = old {
                held = items;
            }
        }
        _ => {}
    }
    held
}
