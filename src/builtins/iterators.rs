//! `map()`, `filter()`, `enumerate()`, `zip()` and `reversed(list)`: lazy iterators,
//! as CPython's are.
//! Each item is computed when asked for, so `enumerate(endless_generator)` works and
//! `f` in `map(f, ...)` runs interleaved with the loop that consumes it.

use crate::interp::exec::{call, get_iter, next, truthy};
use crate::interp::types::class;
use crate::interp::value::{Class, Name, NativeObject, Value};
use crate::interp::{types, Ctx, Exc, R};
use parking_lot::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// `map(func, *iterables)`: `func` of one item of each, until the shortest ends.
pub struct MapIter {
    func: Value,
    iters: Vec<Value>,
}

/// `filter(func, iterable)`: the items for which `func(item)` (or the item itself,
/// when `func` is None) is true.
pub struct FilterIter {
    func: Value,
    iter: Value,
}

pub fn map(ctx: &mut Ctx, args: &[Value], kwargs: &[(Name, Value)]) -> R<Value> {
    if !kwargs.is_empty() {
        return Err(ctx.type_error("map() takes no keyword arguments"));
    }
    if args.len() < 2 {
        return Err(ctx.type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::with_capacity(args.len() - 1);
    for a in &args[1..] {
        iters.push(get_iter(ctx, a)?);
    }
    Ok(Value::Native(Arc::new(MapIter {
        func: args[0].clone(),
        iters,
    })))
}

pub fn filter(ctx: &mut Ctx, args: &[Value], kwargs: &[(Name, Value)]) -> R<Value> {
    if !kwargs.is_empty() {
        return Err(ctx.type_error("filter() takes no keyword arguments"));
    }
    if args.len() != 2 {
        return Err(ctx.type_error(format!("filter expected 2 arguments, got {}", args.len())));
    }
    Ok(Value::Native(Arc::new(FilterIter {
        func: args[0].clone(),
        iter: get_iter(ctx, &args[1])?,
    })))
}

/// `enumerate(iterable, start)`: (count, item) pairs.
pub struct EnumerateIter {
    iter: Value,
    count: Mutex<i64>,
}

/// `zip(*iterables, strict=False)`: tuples of one item of each, until one ends.
pub struct ZipIter {
    iters: Vec<Value>,
    strict: bool,
    done: AtomicBool,
}

pub fn enumerate(iter: Value, start: i64) -> Value {
    Value::Native(Arc::new(EnumerateIter {
        iter,
        count: Mutex::new(start),
    }))
}

pub fn zip(iters: Vec<Value>, strict: bool) -> Value {
    Value::Native(Arc::new(ZipIter {
        iters,
        strict,
        done: AtomicBool::new(false),
    }))
}

/// `reversed(a_list)`: the list read from its end, each item when asked for (a list
/// that shrinks meanwhile ends the walk, as in CPython).
pub struct ReversedList {
    list: Value,
    /// The next index to read; below 0 when done.
    index: Mutex<i64>,
}

pub fn reversed_list(list: Value) -> Value {
    let n = match &list {
        Value::List(l) => l.lock().len() as i64,
        _ => 0,
    };
    Value::Native(Arc::new(ReversedList {
        list,
        index: Mutex::new(n - 1),
    }))
}

impl ReversedList {
    fn next(&self, _ctx: &mut Ctx) -> R<Option<Value>> {
        let Value::List(l) = &self.list else {
            return Ok(None);
        };
        let mut index = self.index.lock();
        if *index < 0 {
            return Ok(None);
        }
        let item = l.lock().get(*index as usize).cloned();
        *index = if item.is_some() { *index - 1 } else { -1 };
        Ok(item)
    }
}

impl EnumerateIter {
    fn next(&self, ctx: &mut Ctx) -> R<Option<Value>> {
        let Some(item) = next(ctx, &self.iter)? else {
            return Ok(None);
        };
        let mut count = self.count.lock();
        let n = *count;
        *count = n.saturating_add(1);
        Ok(Some(Value::tuple(vec![Value::Int(n), item])))
    }
}

impl ZipIter {
    fn next(&self, ctx: &mut Ctx) -> R<Option<Value>> {
        if self.iters.is_empty() || self.done.load(Ordering::Relaxed) {
            return Ok(None);
        }
        let mut row = Vec::with_capacity(self.iters.len());
        for (i, it) in self.iters.iter().enumerate() {
            match next(ctx, it)? {
                Some(v) => row.push(v),
                None => {
                    self.done.store(true, Ordering::Relaxed);
                    if self.strict {
                        self.check_lengths(ctx, i)?;
                    }
                    return Ok(None);
                }
            }
        }
        Ok(Some(Value::tuple(row)))
    }

    /// `strict=True`: iterator `i` ended; the others must end at the same item.
    fn check_lengths(&self, ctx: &mut Ctx, i: usize) -> R<()> {
        let others = |i: usize| {
            if i == 1 {
                "argument 1".to_string()
            } else {
                format!("arguments 1-{i}")
            }
        };
        if i > 0 {
            return Err(ctx.value_error(format!(
                "zip() argument {} is shorter than {}",
                i + 1,
                others(i)
            )));
        }
        for (k, it) in self.iters.iter().enumerate().skip(1) {
            if next(ctx, it)?.is_some() {
                return Err(ctx.value_error(format!(
                    "zip() argument {} is longer than {}",
                    k + 1,
                    others(k)
                )));
            }
        }
        Ok(())
    }
}

impl MapIter {
    fn next(&self, ctx: &mut Ctx) -> R<Option<Value>> {
        let mut row = Vec::with_capacity(self.iters.len());
        for it in &self.iters {
            match next(ctx, it)? {
                Some(v) => row.push(v),
                None => return Ok(None),
            }
        }
        call(ctx, &self.func, row, vec![]).map(Some)
    }
}

impl FilterIter {
    fn next(&self, ctx: &mut Ctx) -> R<Option<Value>> {
        while let Some(item) = next(ctx, &self.iter)? {
            let keep = if self.func.is_none() {
                truthy(ctx, &item)?
            } else {
                let r = call(ctx, &self.func, vec![item.clone()], vec![])?;
                truthy(ctx, &r)?
            };
            if keep {
                return Ok(Some(item));
            }
        }
        Ok(None)
    }
}

/// `__iter__` and `__next__`, the two methods both have.
fn iterator_method(
    ctx: &mut Ctx,
    this: &Value,
    kind: &str,
    name: &str,
    args: &[Value],
    step: &mut dyn FnMut(&mut Ctx) -> R<Option<Value>>,
) -> Option<R<Value>> {
    if !matches!(name, "__iter__" | "__next__") {
        return None;
    }
    if !args.is_empty() {
        return Some(Err(ctx.type_error(format!(
            "{kind}.{name}() takes no arguments ({} given)",
            args.len()
        ))));
    }
    Some(match name {
        "__iter__" => Ok(this.clone()),
        _ => match step(ctx) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Err(Exc::new(types::new_exception("StopIteration", vec![]))),
            Err(e) => Err(e),
        },
    })
}

/// Each lazy iterator is a native object with CPython's class name and repr, whose
/// only methods are `__iter__` and `__next__` (its own `next`).
macro_rules! lazy_iterator {
    ($($ty:ty => $name:literal),* $(,)?) => {$(
        impl NativeObject for $ty {
            fn class(&self) -> Arc<Class> {
                class($name)
            }
            fn repr(&self) -> String {
                format!(concat!("<", $name, " object at {:#x}>"), self as *const Self as usize)
            }
            fn get_attr(&self, _: &mut Ctx, _: &Value, _: &str) -> Option<R<Value>> {
                None
            }
            fn call_method(
                &self,
                ctx: &mut Ctx,
                this: &Value,
                name: &str,
                args: &[Value],
                _kwargs: &[(Name, Value)],
            ) -> Option<R<Value>> {
                iterator_method(ctx, this, $name, name, args, &mut |ctx| self.next(ctx))
            }
            fn attr_names(&self) -> Vec<&'static str> {
                vec!["__iter__", "__next__"]
            }
            fn as_any(&self) -> &dyn std::any::Any {
                self
            }
        }
    )*};
}

lazy_iterator! {
    MapIter => "map",
    FilterIter => "filter",
    EnumerateIter => "enumerate",
    ZipIter => "zip",
    ReversedList => "list_reverseiterator",
}
