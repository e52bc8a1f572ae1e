//! `map()` and `filter()`: lazy iterators, as CPython's are. Each item is computed
//! when asked for, so `map(f, endless)` works and `f` runs interleaved with the
//! loop that consumes it.

use crate::interp::exec::{call, get_iter, next, truthy};
use crate::interp::types::class;
use crate::interp::value::{Class, Name, NativeObject, Value};
use crate::interp::{types, Ctx, Exc, R};
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

impl NativeObject for MapIter {
    fn class(&self) -> Arc<Class> {
        class("map")
    }
    fn repr(&self) -> String {
        format!("<map object at {:#x}>", self as *const Self as usize)
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
        iterator_method(ctx, this, "map", name, args, &mut |ctx| self.next(ctx))
    }
    fn attr_names(&self) -> Vec<&'static str> {
        vec!["__iter__", "__next__"]
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl NativeObject for FilterIter {
    fn class(&self) -> Arc<Class> {
        class("filter")
    }
    fn repr(&self) -> String {
        format!("<filter object at {:#x}>", self as *const Self as usize)
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
        iterator_method(ctx, this, "filter", name, args, &mut |ctx| self.next(ctx))
    }
    fn attr_names(&self) -> Vec<&'static str> {
        vec!["__iter__", "__next__"]
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
