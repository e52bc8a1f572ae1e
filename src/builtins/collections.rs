//! `collections`: namedtuple, deque, defaultdict, Counter and OrderedDict.
//!
//! Each is a native object whose class derives from the built-in type CPython's
//! derives from (`tuple` for a namedtuple, `dict` for the three mappings), so
//! `isinstance(counter, dict)` holds, `json.dumps` writes them as CPython does, and a
//! mapping keeps its items in a real `dict`: every `dict` method the mapping does not
//! change is that dict's own. Instances of user subclasses of these classes are
//! outside the subset, as for every built-in type.

use super::functions::{builtin_fn, construct, kwarg};
use crate::interp::dict::Dict;
use crate::interp::exec::{call, get_iter, hash_key, iterate, next, truthy};
use crate::interp::ops;
use crate::interp::repr::repr;
use crate::interp::sharing::Mutex;
use crate::interp::types::{self, class, make_class, type_name};
use crate::interp::value::{
    Attrs, Builtin, BuiltinKind, Class, IterState, Name, Native, NativeObject, Value,
};
use crate::interp::{Ctx, Exc, R};
use std::collections::VecDeque;
use std::sync::{Arc, OnceLock};

pub fn items() -> Vec<(&'static str, Value)> {
    vec![
        ("namedtuple", builtin_fn("namedtuple", namedtuple)),
        ("deque", Value::Class(deque_class())),
        ("defaultdict", Value::Class(mapping_class(Kind::Default))),
        ("Counter", Value::Class(mapping_class(Kind::Counter))),
        ("OrderedDict", Value::Class(mapping_class(Kind::Ordered))),
    ]
}

/// `_collections`: what CPython's C part of `collections` has, plus the one hook
/// socklab's own Python (`urllib.parse`) needs to give a namedtuple class properties
/// and methods: the class is native, so `Cls.attr = ...` is refused to programs.
pub fn private_items() -> Vec<(&'static str, Value)> {
    vec![
        ("deque", Value::Class(deque_class())),
        ("defaultdict", Value::Class(mapping_class(Kind::Default))),
        ("OrderedDict", Value::Class(mapping_class(Kind::Ordered))),
        (
            "_socklab_extend",
            builtin_fn("_socklab_extend", extend_class),
        ),
    ]
}

fn extend_class(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    match a {
        [Value::Class(cls)] if fields_of(cls).is_some() => {
            let mut d = cls.dict.write();
            for (name, v) in k {
                d.insert(name.clone(), v.clone());
            }
            Ok(Value::None)
        }
        _ => Err(ctx.type_error("_socklab_extend() takes a namedtuple class")),
    }
}

/// The (key, value) pairs of a dict-like collection (what `json` writes as an object).
pub fn dict_items(v: &Value) -> Option<Vec<(Value, Value)>> {
    let Value::Native(n) = v else { return None };
    let m = n.as_any().downcast_ref::<Mapping>()?;
    let Value::Dict(d) = &m.dict else { return None };
    let items = d
        .lock()
        .iter()
        .map(|(k, v)| (k.0.clone(), v.clone()))
        .collect();
    Some(items)
}

/// The items of a namedtuple (what `json` writes as an array).
pub fn tuple_items(v: &Value) -> Option<Vec<Value>> {
    let Value::Native(n) = v else { return None };
    let t = n.as_any().downcast_ref::<NamedTuple>()?;
    Some(t.items.to_vec())
}

/// A class whose instances are made by its `__new__` (a native function taking the
/// class, then the call's arguments).
fn native_class(
    name: &str,
    module: &str,
    base: &str,
    new: crate::interp::value::NativeFn,
) -> Arc<Class> {
    let mut dict = Attrs::new();
    dict.insert(Arc::from("__new__"), builtin_fn("__new__", new));
    make_class(name, module, vec![class(base)], Native::Other, dict)
}

/// A method of the built-in value a collection keeps its items in, if it has one.
fn builtin_method(
    ctx: &mut Ctx,
    inner: &Value,
    name: &str,
    a: &[Value],
    k: &[(Name, Value)],
) -> Option<R<Value>> {
    crate::interp::args::lookup(super::methods::method_table(inner), name)?;
    Some(crate::interp::exec::call_method(
        ctx,
        inner,
        name,
        a.to_vec(),
        k.to_vec(),
    ))
}

fn index_error(msg: &str) -> Box<Exc> {
    Exc::new(types::new_exception("IndexError", vec![Value::str(msg)]))
}

fn key_error(k: &Value) -> Box<Exc> {
    Exc::new(types::new_exception("KeyError", vec![k.clone()]))
}

fn items_iter(items: Vec<Value>, kind: &'static str) -> Value {
    Value::Iter(Arc::new(Mutex::new(IterState::Items {
        items,
        index: 0,
        kind,
    })))
}

fn int_arg(ctx: &Ctx, v: &Value) -> R<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        other => Err(ctx.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(other)
        ))),
    }
}

// ---------------------------------------------------------------------------------
// deque

fn deque_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| native_class("deque", "collections", "object", deque_new))
        .clone()
}

pub struct Deque {
    items: Mutex<VecDeque<Value>>,
    maxlen: Option<usize>,
}

fn deque_new(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    let a = &a[1..];
    if a.len() > 2 {
        return Err(ctx.type_error(format!(
            "deque() takes at most 2 arguments ({} given)",
            a.len()
        )));
    }
    for (name, _) in k {
        if &**name != "iterable" && &**name != "maxlen" {
            return Err(ctx.type_error(format!(
                "'{name}' is an invalid keyword argument for deque()"
            )));
        }
    }
    let maxlen = match a.get(1).or(kwarg(k, "maxlen")) {
        None | Some(Value::None) => None,
        Some(v) => {
            let n = int_arg(ctx, v)?;
            if n < 0 {
                return Err(ctx.value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
    };
    let d = Deque {
        items: Mutex::new(VecDeque::new()),
        maxlen,
    };
    if let Some(src) = a.first().or(kwarg(k, "iterable")) {
        let items = iterate(ctx, src)?;
        for v in items {
            d.push(v, false);
        }
    }
    Ok(Value::Native(Arc::new(d)))
}

impl Deque {
    fn push(&self, v: Value, left: bool) {
        let mut q = self.items.lock();
        if self.maxlen == Some(0) {
            return;
        }
        if left {
            q.push_front(v);
            if Some(q.len()) > self.maxlen && self.maxlen.is_some() {
                q.pop_back();
            }
        } else {
            q.push_back(v);
            if Some(q.len()) > self.maxlen && self.maxlen.is_some() {
                q.pop_front();
            }
        }
    }

    fn position(&self, ctx: &Ctx, index: &Value) -> R<usize> {
        let i = match index {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            other => {
                return Err(ctx.type_error(format!(
                    "sequence index must be integer, not '{}'",
                    type_name(other)
                )))
            }
        };
        let len = self.items.lock().len() as i64;
        let j = if i < 0 { i + len } else { i };
        if j < 0 || j >= len {
            return Err(index_error("deque index out of range"));
        }
        Ok(j as usize)
    }

    fn snapshot(&self) -> Vec<Value> {
        self.items.lock().iter().cloned().collect()
    }

    fn find(&self, ctx: &mut Ctx, x: &Value, start: usize, stop: usize) -> R<Option<usize>> {
        let items = self.snapshot();
        for (i, v) in items.iter().enumerate().take(stop).skip(start) {
            if ops::eq(ctx, v, x)? {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }
}

fn clamp_index(i: i64, len: usize) -> usize {
    let len = len as i64;
    (if i < 0 { (i + len).max(0) } else { i.min(len) }) as usize
}

impl NativeObject for Deque {
    fn class(&self) -> Arc<Class> {
        deque_class()
    }
    fn unhashable(&self) -> Option<&'static str> {
        Some("collections.deque")
    }
    fn repr(&self) -> String {
        format!(
            "<collections.deque object at {:#x}>",
            self as *const Self as usize
        )
    }
    fn get_attr(&self, _ctx: &mut Ctx, _this: &Value, name: &str) -> Option<R<Value>> {
        match name {
            "maxlen" => Some(Ok(self
                .maxlen
                .map_or(Value::None, |m| Value::Int(m as i64)))),
            _ => None,
        }
    }
    fn call_method(
        &self,
        ctx: &mut Ctx,
        this: &Value,
        name: &str,
        a: &[Value],
        _k: &[(Name, Value)],
    ) -> Option<R<Value>> {
        let want = |ctx: &Ctx, n: usize| -> R<()> {
            if a.len() != n {
                return Err(ctx.type_error(match n {
                    0 => format!("deque.{name}() takes no arguments ({} given)", a.len()),
                    _ => format!(
                        "deque.{name}() takes exactly one argument ({} given)",
                        a.len()
                    ),
                }));
            }
            Ok(())
        };
        if !DEQUE_METHODS.contains(&name) {
            return None;
        }
        Some((|| -> R<Value> {
            match name {
                "append" | "appendleft" => {
                    want(ctx, 1)?;
                    self.push(a[0].clone(), name == "appendleft");
                    Ok(Value::None)
                }
                "pop" | "popleft" => {
                    want(ctx, 0)?;
                    let mut q = self.items.lock();
                    let v = if name == "pop" {
                        q.pop_back()
                    } else {
                        q.pop_front()
                    };
                    v.ok_or_else(|| index_error("pop from an empty deque"))
                }
                "extend" | "extendleft" => {
                    want(ctx, 1)?;
                    let items = iterate(ctx, &a[0])?;
                    for v in items {
                        self.push(v, name == "extendleft");
                    }
                    Ok(Value::None)
                }
                "rotate" => {
                    if a.len() > 1 {
                        return Err(ctx.type_error(format!(
                            "rotate expected at most 1 argument, got {}",
                            a.len()
                        )));
                    }
                    let n = match a.first() {
                        Some(v) => int_arg(ctx, v)?,
                        None => 1,
                    };
                    let mut q = self.items.lock();
                    let len = q.len() as i64;
                    if len > 0 {
                        let n = n.rem_euclid(len) as usize;
                        q.rotate_right(n);
                    }
                    Ok(Value::None)
                }
                "clear" => {
                    want(ctx, 0)?;
                    self.items.lock().clear();
                    Ok(Value::None)
                }
                "reverse" => {
                    want(ctx, 0)?;
                    let mut q = self.items.lock();
                    let v: VecDeque<Value> = q.drain(..).rev().collect();
                    *q = v;
                    Ok(Value::None)
                }
                "copy" | "__copy__" => {
                    want(ctx, 0)?;
                    Ok(Value::Native(Arc::new(Deque {
                        items: Mutex::new(self.items.lock().clone()),
                        maxlen: self.maxlen,
                    })))
                }
                "count" => {
                    want(ctx, 1)?;
                    let mut n = 0;
                    for v in self.snapshot() {
                        if ops::eq(ctx, &v, &a[0])? {
                            n += 1;
                        }
                    }
                    Ok(Value::Int(n))
                }
                "index" => {
                    if a.is_empty() || a.len() > 3 {
                        return Err(ctx.type_error(format!(
                            "index expected at {} argument{}, got {}",
                            if a.is_empty() { "least 1" } else { "most 3" },
                            if a.is_empty() { "" } else { "s" },
                            a.len()
                        )));
                    }
                    let len = self.items.lock().len();
                    let start = match a.get(1) {
                        Some(v) => clamp_index(int_arg(ctx, v)?, len),
                        None => 0,
                    };
                    let stop = match a.get(2) {
                        Some(v) => clamp_index(int_arg(ctx, v)?, len),
                        None => len,
                    };
                    match self.find(ctx, &a[0], start, stop)? {
                        Some(i) => Ok(Value::Int(i as i64)),
                        None => {
                            let r = repr(ctx, &a[0])?;
                            Err(ctx.value_error(format!("{r} is not in deque")))
                        }
                    }
                }
                "insert" => {
                    if a.len() != 2 {
                        return Err(
                            ctx.type_error(format!("insert expected 2 arguments, got {}", a.len()))
                        );
                    }
                    let i = int_arg(ctx, &a[0])?;
                    let mut q = self.items.lock();
                    if Some(q.len()) == self.maxlen {
                        return Err(index_error("deque already at its maximum size"));
                    }
                    let at = clamp_index(i, q.len());
                    q.insert(at, a[1].clone());
                    Ok(Value::None)
                }
                "remove" => {
                    want(ctx, 1)?;
                    let len = self.items.lock().len();
                    match self.find(ctx, &a[0], 0, len)? {
                        Some(i) => {
                            self.items.lock().remove(i);
                            Ok(Value::None)
                        }
                        None => {
                            let r = repr(ctx, &a[0])?;
                            Err(ctx.value_error(format!("{r} is not in deque")))
                        }
                    }
                }
                "__len__" => Ok(Value::Int(self.items.lock().len() as i64)),
                "__bool__" => Ok(Value::Bool(!self.items.lock().is_empty())),
                "__iter__" => Ok(items_iter(self.snapshot(), "_collections._deque_iterator")),
                "__reversed__" => {
                    let mut v = self.snapshot();
                    v.reverse();
                    Ok(items_iter(v, "_collections._deque_reverse_iterator"))
                }
                "__contains__" => {
                    let len = self.items.lock().len();
                    Ok(Value::Bool(self.find(ctx, &a[0], 0, len)?.is_some()))
                }
                "__getitem__" => {
                    let i = self.position(ctx, &a[0])?;
                    Ok(self.items.lock()[i].clone())
                }
                "__setitem__" => {
                    let i = self.position(ctx, &a[0])?;
                    self.items.lock()[i] = a[1].clone();
                    Ok(Value::None)
                }
                "__delitem__" => {
                    let i = self.position(ctx, &a[0])?;
                    self.items.lock().remove(i);
                    Ok(Value::None)
                }
                "__eq__" => {
                    let other = match &a[0] {
                        Value::Native(n) => match n.as_any().downcast_ref::<Deque>() {
                            Some(d) => d.snapshot(),
                            None => return Ok(Value::Bool(false)),
                        },
                        _ => return Ok(Value::Bool(false)),
                    };
                    let mine = Value::tuple(self.snapshot());
                    Ok(Value::Bool(ops::eq(ctx, &mine, &Value::tuple(other))?))
                }
                "__repr__" => {
                    if ctx.depth > 900 || reprs_in_progress(this) {
                        return Ok(Value::str("[...]"));
                    }
                    let list = Value::list(self.snapshot());
                    let inner = guarded_repr(ctx, this, &list)?;
                    Ok(Value::string(match self.maxlen {
                        Some(m) => format!("deque({inner}, maxlen={m})"),
                        None => format!("deque({inner})"),
                    }))
                }
                _ => Ok(Value::None),
            }
        })())
    }
    fn attr_names(&self) -> Vec<&'static str> {
        vec![
            "append",
            "appendleft",
            "clear",
            "copy",
            "count",
            "extend",
            "extendleft",
            "index",
            "insert",
            "maxlen",
            "pop",
            "popleft",
            "remove",
            "reverse",
            "rotate",
        ]
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// What `Deque::call_method` answers; any other name is an attribute error.
const DEQUE_METHODS: &[&str] = &[
    "append",
    "appendleft",
    "pop",
    "popleft",
    "extend",
    "extendleft",
    "rotate",
    "clear",
    "reverse",
    "copy",
    "__copy__",
    "count",
    "index",
    "insert",
    "remove",
    "__len__",
    "__bool__",
    "__iter__",
    "__reversed__",
    "__contains__",
    "__getitem__",
    "__setitem__",
    "__delitem__",
    "__eq__",
    "__repr__",
];

thread_local! {
    /// Containers whose repr is being built on this thread: a deque holding itself
    /// prints `[...]`, as CPython's does.
    static IN_REPR: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn reprs_in_progress(this: &Value) -> bool {
    IN_REPR.with(|r| r.borrow().contains(&this.id()))
}

fn guarded_repr(ctx: &mut Ctx, this: &Value, inner: &Value) -> R<String> {
    IN_REPR.with(|r| r.borrow_mut().push(this.id()));
    let out = repr(ctx, inner);
    IN_REPR.with(|r| {
        r.borrow_mut().pop();
    });
    out
}

// ---------------------------------------------------------------------------------
// defaultdict, Counter, OrderedDict

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Default,
    Counter,
    Ordered,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Default => "defaultdict",
            Kind::Counter => "Counter",
            Kind::Ordered => "OrderedDict",
        }
    }
}

fn mapping_class(kind: Kind) -> Arc<Class> {
    static C: OnceLock<[Arc<Class>; 3]> = OnceLock::new();
    let all = C.get_or_init(|| {
        [
            native_class("defaultdict", "collections", "dict", defaultdict_new),
            native_class("Counter", "collections", "dict", counter_new),
            native_class("OrderedDict", "collections", "dict", ordered_new),
        ]
    });
    all[kind as usize].clone()
}

pub struct Mapping {
    kind: Kind,
    /// Always a `Value::Dict`: the items, with every plain dict method.
    dict: Value,
    factory: Mutex<Value>,
}

fn new_mapping(kind: Kind, dict: Value, factory: Value) -> Value {
    Value::Native(Arc::new(Mapping {
        kind,
        dict,
        factory: Mutex::new(factory),
    }))
}

/// `dict(*args, **kwargs)`, as the three mappings' constructors start.
fn plain_dict(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    // A mapping of ours is copied by its items (`dict()` of a native would iterate it).
    if let Some(src) = a.first() {
        if let Some(pairs) = dict_items(src) {
            let mut d = Dict::new();
            for (key, v) in pairs {
                d.insert(hash_key(ctx, &key)?, v);
            }
            let mut rest = vec![Value::Dict(Arc::new(Mutex::new(d)))];
            rest.extend(a[1..].iter().cloned());
            return construct(ctx, &class("dict"), rest, k.to_vec());
        }
    }
    construct(ctx, &class("dict"), a.to_vec(), k.to_vec())
}

fn defaultdict_new(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    let a = &a[1..];
    let factory = a.first().cloned().unwrap_or(Value::None);
    if !factory.is_none() && !is_callable(&factory) {
        return Err(ctx.type_error("first argument must be callable or None"));
    }
    let rest = if a.is_empty() { a } else { &a[1..] };
    let dict = plain_dict(ctx, rest, k)?;
    Ok(new_mapping(Kind::Default, dict, factory))
}

fn is_callable(v: &Value) -> bool {
    match v {
        Value::Func(_) | Value::Builtin(_) | Value::Class(_) | Value::BoundMethod(_) => true,
        Value::Instance(i) => i.class.lookup("__call__").is_some(),
        Value::Native(_) => true,
        _ => false,
    }
}

fn ordered_new(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    let a = &a[1..];
    if a.len() > 1 {
        return Err(ctx.type_error(format!(
            "OrderedDict expected at most 1 argument, got {}",
            a.len()
        )));
    }
    let dict = plain_dict(ctx, a, k)?;
    Ok(new_mapping(Kind::Ordered, dict, Value::None))
}

fn counter_new(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    let a = &a[1..];
    if a.len() > 1 {
        return Err(ctx.type_error(format!("expected at most 1 arguments, got {}", a.len())));
    }
    let c = new_mapping(Kind::Counter, Value::Dict(Arc::default()), Value::None);
    if let Value::Native(n) = &c {
        if let Some(m) = n.as_any().downcast_ref::<Mapping>() {
            m.count(ctx, a.first(), k, 1)?;
        }
    }
    Ok(c)
}

fn mapping_of(v: &Value) -> Option<&Mapping> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<Mapping>(),
        _ => None,
    }
}

impl Mapping {
    fn d(&self) -> &Arc<Mutex<Dict>> {
        match &self.dict {
            Value::Dict(d) => d,
            _ => unreachable!("a mapping's items are always a dict"),
        }
    }

    fn pairs(&self) -> Vec<(Value, Value)> {
        self.d()
            .lock()
            .iter()
            .map(|(k, v)| (k.0.clone(), v.clone()))
            .collect()
    }

    /// `Counter.update` (sign 1) and `Counter.subtract` (sign -1).
    fn count(&self, ctx: &mut Ctx, src: Option<&Value>, k: &[(Name, Value)], sign: i64) -> R<()> {
        let add = |ctx: &mut Ctx, key: Value, n: Value| -> R<()> {
            let hk = hash_key(ctx, &key)?;
            let cur = self.d().lock().get(&hk).cloned().unwrap_or(Value::Int(0));
            let op = if sign > 0 {
                crate::syntax::ast::BinOp::Add
            } else {
                crate::syntax::ast::BinOp::Sub
            };
            let v = ops::binary(ctx, op, cur, n)?;
            self.d().lock().insert(hk, v);
            Ok(())
        };
        if let Some(src) = src {
            let mapping = match src {
                Value::Dict(_) => Some(ops::mapping_items(ctx, src)?),
                _ => dict_items(src),
            };
            match mapping {
                Some(pairs) => {
                    for (key, n) in pairs {
                        add(ctx, key, n)?;
                    }
                }
                None => {
                    let it = get_iter(ctx, src)?;
                    while let Some(key) = next(ctx, &it)? {
                        add(ctx, key, Value::Int(1))?;
                    }
                }
            }
        }
        for (name, n) in k {
            add(ctx, Value::Str(name.clone()), n.clone())?;
        }
        Ok(())
    }

    /// The items sorted by count, largest first (ties keep insertion order).
    fn most_common(&self, ctx: &mut Ctx) -> R<Vec<(Value, Value)>> {
        let mut pairs = self.pairs();
        let mut err = None;
        // A stable insertion sort with Python's comparisons (counts may be any number).
        let mut sorted: Vec<(Value, Value)> = Vec::with_capacity(pairs.len());
        for p in pairs.drain(..) {
            let mut at = sorted.len();
            while at > 0 {
                match ops::less_than(ctx, &sorted[at - 1].1, &p.1) {
                    Ok(true) => at -= 1,
                    Ok(false) => break,
                    Err(e) => {
                        err = Some(e);
                        break;
                    }
                }
            }
            sorted.insert(at, p);
        }
        match err {
            Some(e) => Err(e),
            None => Ok(sorted),
        }
    }

    /// `Counter + Counter` and the other multiset operations: only positive counts stay.
    fn combine(&self, ctx: &mut Ctx, other: &Mapping, op: &str) -> R<Value> {
        let result = Value::Dict(Arc::default());
        let out = match &result {
            Value::Dict(d) => d.clone(),
            _ => return Ok(Value::None),
        };
        let zero = Value::Int(0);
        let get = |ctx: &mut Ctx, m: &Mapping, key: &Value| -> R<Value> {
            let hk = hash_key(ctx, key)?;
            Ok(m.d().lock().get(&hk).cloned().unwrap_or(Value::Int(0)))
        };
        let mut keys: Vec<Value> = self.pairs().into_iter().map(|(k, _)| k).collect();
        for (k, _) in other.pairs() {
            let hk = hash_key(ctx, &k)?;
            if !self.d().lock().contains_key(&hk) {
                keys.push(k);
            }
        }
        for key in keys {
            let x = get(ctx, self, &key)?;
            let y = get(ctx, other, &key)?;
            let v = match op {
                "+" => ops::binary(ctx, crate::syntax::ast::BinOp::Add, x, y)?,
                "-" => ops::binary(ctx, crate::syntax::ast::BinOp::Sub, x, y)?,
                "|" => {
                    if ops::less_than(ctx, &x, &y)? {
                        y
                    } else {
                        x
                    }
                }
                _ => {
                    if ops::less_than(ctx, &x, &y)? {
                        x
                    } else {
                        y
                    }
                }
            };
            if ops::greater_than(ctx, &v, &zero)? {
                let hk = hash_key(ctx, &key)?;
                out.lock().insert(hk, v);
            }
        }
        Ok(new_mapping(Kind::Counter, result, Value::None))
    }

    fn repr_text(&self, ctx: &mut Ctx, this: &Value) -> R<String> {
        let name = self.kind.name();
        if reprs_in_progress(this) {
            return Ok("...".into());
        }
        match self.kind {
            Kind::Default => {
                let factory = self.factory.lock().clone();
                let f = if factory.is_none() {
                    "None".to_string()
                } else {
                    repr(ctx, &factory)?
                };
                let inner = guarded_repr(ctx, this, &self.dict)?;
                Ok(format!("{name}({f}, {inner})"))
            }
            Kind::Counter => {
                if self.d().lock().is_empty() {
                    return Ok("Counter()".into());
                }
                let pairs = self.most_common(ctx)?;
                let mut d = Dict::new();
                for (k, v) in pairs {
                    d.insert(hash_key(ctx, &k)?, v);
                }
                let inner = guarded_repr(ctx, this, &Value::Dict(Arc::new(Mutex::new(d))))?;
                Ok(format!("Counter({inner})"))
            }
            Kind::Ordered => {
                if self.d().lock().is_empty() {
                    return Ok("OrderedDict()".into());
                }
                let list = Value::list(
                    self.pairs()
                        .into_iter()
                        .map(|(k, v)| Value::tuple(vec![k, v]))
                        .collect(),
                );
                let inner = guarded_repr(ctx, this, &list)?;
                Ok(format!("OrderedDict({inner})"))
            }
        }
    }

    fn missing(&self, ctx: &mut Ctx, key: &Value) -> R<Value> {
        match self.kind {
            Kind::Counter => Ok(Value::Int(0)),
            Kind::Ordered => Err(key_error(key)),
            Kind::Default => {
                let factory = self.factory.lock().clone();
                if factory.is_none() {
                    return Err(key_error(key));
                }
                let v = call(ctx, &factory, vec![], vec![])?;
                let hk = hash_key(ctx, key)?;
                self.d().lock().insert(hk, v.clone());
                Ok(v)
            }
        }
    }

    fn method(
        &self,
        ctx: &mut Ctx,
        this: &Value,
        name: &str,
        a: &[Value],
        k: &[(Name, Value)],
    ) -> Option<R<Value>> {
        let counter = self.kind == Kind::Counter;
        let ordered = self.kind == Kind::Ordered;
        Some(match name {
            "__getitem__" => (|| {
                let hk = hash_key(ctx, &a[0])?;
                let found = self.d().lock().get(&hk).cloned();
                match found {
                    Some(v) => Ok(v),
                    None => self.missing(ctx, &a[0]),
                }
            })(),
            "__missing__" if !ordered => (|| {
                if a.len() != 1 {
                    return Err(ctx.type_error(format!(
                        "{}.__missing__() takes exactly one argument ({} given)",
                        self.kind.name(),
                        a.len()
                    )));
                }
                self.missing(ctx, &a[0])
            })(),
            "__delitem__" if counter => (|| {
                let hk = hash_key(ctx, &a[0])?;
                self.d().lock().remove(&hk);
                Ok(Value::None)
            })(),
            "__repr__" => self.repr_text(ctx, this).map(Value::string),
            "__eq__" => (|| {
                let other = match mapping_of(&a[0]) {
                    Some(m) => {
                        if ordered && m.kind == Kind::Ordered {
                            let mine: Vec<Value> =
                                self.pairs().into_iter().map(|(k, _)| k).collect();
                            let theirs: Vec<Value> =
                                m.pairs().into_iter().map(|(k, _)| k).collect();
                            if !ops::eq(ctx, &Value::tuple(mine), &Value::tuple(theirs))? {
                                return Ok(Value::Bool(false));
                            }
                        }
                        m.dict.clone()
                    }
                    None => a[0].clone(),
                };
                Ok(Value::Bool(ops::eq(ctx, &self.dict, &other)?))
            })(),
            "__len__" => Ok(Value::Int(self.d().lock().len() as i64)),
            "__bool__" => Ok(Value::Bool(!self.d().lock().is_empty())),
            "__iter__" => get_iter(ctx, &self.dict),
            "__contains__" => ops::contains(ctx, &self.dict, &a[0]).map(Value::Bool),
            "__setitem__" => {
                ops::setitem(ctx, &self.dict, a[0].clone(), a[1].clone()).map(|_| Value::None)
            }
            "__delitem__" => ops::delitem(ctx, &self.dict, &a[0]).map(|_| Value::None),
            "__add__" | "__sub__" | "__or__" | "__and__" if counter => {
                match a.first().and_then(mapping_of) {
                    Some(other) if other.kind == Kind::Counter => {
                        let op = match name {
                            "__add__" => "+",
                            "__sub__" => "-",
                            "__or__" => "|",
                            _ => "&",
                        };
                        self.combine(ctx, other, op)
                    }
                    _ => return None,
                }
            }
            "copy" | "__copy__" => {
                let d = self.d().lock().clone();
                Ok(new_mapping(
                    self.kind,
                    Value::Dict(Arc::new(Mutex::new(d))),
                    self.factory.lock().clone(),
                ))
            }
            "most_common" if counter => (|| {
                let mut pairs = self.most_common(ctx)?;
                if let Some(n) = a.first().or(kwarg(k, "n")) {
                    if !n.is_none() {
                        let n = int_arg(ctx, n)?.max(0) as usize;
                        pairs.truncate(n);
                    }
                }
                Ok(Value::list(
                    pairs
                        .into_iter()
                        .map(|(k, v)| Value::tuple(vec![k, v]))
                        .collect(),
                ))
            })(),
            "elements" if counter => (|| {
                let mut out = Vec::new();
                for (key, n) in self.pairs() {
                    let n = match n {
                        Value::Int(i) => i,
                        Value::Bool(b) => b as i64,
                        other => {
                            return Err(ctx.type_error(format!(
                                "'{}' object cannot be interpreted as an integer",
                                type_name(&other)
                            )))
                        }
                    };
                    for _ in 0..n.max(0) {
                        out.push(key.clone());
                    }
                }
                Ok(items_iter(out, "itertools.chain"))
            })(),
            "update" if counter => self.count(ctx, a.first(), k, 1).map(|_| Value::None),
            "subtract" if counter => self.count(ctx, a.first(), k, -1).map(|_| Value::None),
            "total" if counter => (|| {
                let mut sum = Value::Int(0);
                for (_, v) in self.pairs() {
                    sum = ops::binary(ctx, crate::syntax::ast::BinOp::Add, sum, v)?;
                }
                Ok(sum)
            })(),
            "fromkeys" if counter => Err(ctx.err(
                "NotImplementedError",
                "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.",
            )),
            "move_to_end" if ordered => (|| {
                let last = match a.get(1).or(kwarg(k, "last")) {
                    Some(v) => truthy(ctx, v)?,
                    None => true,
                };
                let Some(key) = a.first().or(kwarg(k, "key")) else {
                    return Err(
                        ctx.type_error("move_to_end() missing required argument 'key' (pos 1)")
                    );
                };
                let hk = hash_key(ctx, key)?;
                let mut d = self.d().lock();
                let Some(v) = d.remove(&hk) else {
                    return Err(key_error(key));
                };
                if last {
                    d.insert(hk, v);
                } else {
                    let rest: Vec<_> = d.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                    d.clear();
                    d.insert(hk, v);
                    for (k, v) in rest {
                        d.insert(k, v);
                    }
                }
                Ok(Value::None)
            })(),
            "popitem" if ordered => (|| {
                let last = match a.first().or(kwarg(k, "last")) {
                    Some(v) => truthy(ctx, v)?,
                    None => true,
                };
                let mut d = self.d().lock();
                let key = if last {
                    d.keys().next_back().cloned()
                } else {
                    d.keys().next().cloned()
                };
                let Some(key) = key else {
                    return Err(Exc::new(types::new_exception(
                        "KeyError",
                        vec![Value::str("dictionary is empty")],
                    )));
                };
                let v = d.remove(&key).unwrap_or(Value::None);
                Ok(Value::tuple(vec![key.0, v]))
            })(),
            _ => return builtin_method(ctx, &self.dict, name, a, k),
        })
    }
}

impl NativeObject for Mapping {
    fn class(&self) -> Arc<Class> {
        mapping_class(self.kind)
    }
    fn unhashable(&self) -> Option<&'static str> {
        Some(match self.kind {
            Kind::Default => "collections.defaultdict",
            Kind::Counter => "Counter",
            Kind::Ordered => "collections.OrderedDict",
        })
    }
    fn repr(&self) -> String {
        format!(
            "<collections.{} object at {:#x}>",
            self.kind.name(),
            self as *const Self as usize
        )
    }
    fn get_attr(&self, _ctx: &mut Ctx, _this: &Value, name: &str) -> Option<R<Value>> {
        match name {
            "default_factory" if self.kind == Kind::Default => {
                Some(Ok(self.factory.lock().clone()))
            }
            _ => None,
        }
    }
    fn set_attr(&self, ctx: &mut Ctx, name: &str, v: Value) -> Option<R<()>> {
        match name {
            "default_factory" if self.kind == Kind::Default => {
                if !v.is_none() && !is_callable(&v) {
                    return Some(Err(
                        ctx.type_error("default_factory must be callable or None")
                    ));
                }
                *self.factory.lock() = v;
                Some(Ok(()))
            }
            _ => None,
        }
    }
    fn call_method(
        &self,
        ctx: &mut Ctx,
        this: &Value,
        name: &str,
        a: &[Value],
        k: &[(Name, Value)],
    ) -> Option<R<Value>> {
        self.method(ctx, this, name, a, k)
    }
    fn attr_names(&self) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = super::methods::method_table(&self.dict)
            .iter()
            .map(|s| s.name)
            .collect();
        match self.kind {
            Kind::Default => names.push("default_factory"),
            Kind::Counter => names.extend(["elements", "most_common", "subtract", "total"]),
            Kind::Ordered => names.push("move_to_end"),
        }
        names.sort_unstable();
        names
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

// ---------------------------------------------------------------------------------
// namedtuple

pub struct NamedTuple {
    class: Arc<Class>,
    fields: Arc<[Name]>,
    items: Arc<[Value]>,
}

/// What a namedtuple class keeps about itself, in its dict under `__socklab_fields__`.
struct Fields {
    names: Arc<[Name]>,
    defaults: Vec<Value>,
}

impl NativeObject for Fields {
    fn class(&self) -> Arc<Class> {
        class("object")
    }
    fn repr(&self) -> String {
        "<fields>".into()
    }
    fn get_attr(&self, _: &mut Ctx, _: &Value, _: &str) -> Option<R<Value>> {
        None
    }
    fn call_method(
        &self,
        _: &mut Ctx,
        _: &Value,
        _: &str,
        _: &[Value],
        _: &[(Name, Value)],
    ) -> Option<R<Value>> {
        None
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

const FIELDS_KEY: &str = "__socklab_fields__";

fn fields_of(cls: &Arc<Class>) -> Option<(Arc<[Name]>, Vec<Value>)> {
    match cls.dict.read().get(FIELDS_KEY) {
        Some(Value::Native(n)) => n
            .as_any()
            .downcast_ref::<Fields>()
            .map(|f| (f.names.clone(), f.defaults.clone())),
        _ => None,
    }
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    chars.all(|c| c == '_' || c.is_alphanumeric())
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

fn namedtuple(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    for (name, _) in k {
        if !matches!(
            &**name,
            "typename" | "field_names" | "rename" | "defaults" | "module"
        ) {
            return Err(ctx.type_error(format!(
                "namedtuple() got an unexpected keyword argument '{name}'"
            )));
        }
    }
    if a.len() > 2 {
        return Err(ctx.type_error(format!(
            "namedtuple() takes 2 positional arguments but {} were given",
            a.len()
        )));
    }
    let typename = a.first().or(kwarg(k, "typename"));
    let field_names = a.get(1).or(kwarg(k, "field_names"));
    let (Some(typename), Some(field_names)) = (typename, field_names) else {
        let missing: Vec<&str> = [("typename", typename), ("field_names", field_names)]
            .iter()
            .filter(|(_, v)| v.is_none())
            .map(|(n, _)| *n)
            .collect();
        return Err(ctx.type_error(if missing.len() == 2 {
            "namedtuple() missing 2 required positional arguments: 'typename' and 'field_names'"
                .to_string()
        } else {
            format!(
                "namedtuple() missing 1 required positional argument: '{}'",
                missing[0]
            )
        }));
    };
    let typename = crate::interp::repr::str(ctx, typename)?;
    let mut names: Vec<String> = match field_names {
        Value::Str(s) => s
            .replace(',', " ")
            .split_whitespace()
            .map(String::from)
            .collect(),
        other => {
            let mut out = Vec::new();
            for v in iterate(ctx, other)? {
                out.push(crate::interp::repr::str(ctx, &v)?);
            }
            out
        }
    };
    let rename = match kwarg(k, "rename") {
        Some(v) => truthy(ctx, v)?,
        None => false,
    };
    if rename {
        let mut seen: Vec<String> = Vec::new();
        for (i, n) in names.iter_mut().enumerate() {
            if !is_identifier(n)
                || KEYWORDS.contains(&n.as_str())
                || n.starts_with('_')
                || seen.contains(n)
            {
                *n = format!("_{i}");
            }
            seen.push(n.clone());
        }
    }
    for n in std::iter::once(&typename).chain(names.iter()) {
        if !is_identifier(n) {
            return Err(ctx.value_error(format!(
                "Type names and field names must be valid identifiers: '{n}'"
            )));
        }
        if KEYWORDS.contains(&n.as_str()) {
            return Err(ctx.value_error(format!(
                "Type names and field names cannot be a keyword: '{n}'"
            )));
        }
    }
    let mut seen: Vec<&String> = Vec::new();
    for n in &names {
        if n.starts_with('_') && !rename {
            return Err(ctx.value_error(format!(
                "Field names cannot start with an underscore: '{n}'"
            )));
        }
        if seen.contains(&n) {
            return Err(ctx.value_error(format!("Encountered duplicate field name: '{n}'")));
        }
        seen.push(n);
    }
    let defaults = match kwarg(k, "defaults") {
        None | Some(Value::None) => Vec::new(),
        Some(v) => iterate(ctx, v)?,
    };
    if defaults.len() > names.len() {
        return Err(ctx.type_error("Got more default values than field names"));
    }
    let module = match kwarg(k, "module") {
        Some(Value::Str(m)) => m.to_string(),
        _ => "__main__".to_string(),
    };
    let names: Arc<[Name]> = names.iter().map(|n| Name::from(n.as_str())).collect();
    let mut dict = Attrs::new();
    dict.insert(Arc::from("__new__"), builtin_fn("__new__", namedtuple_new));
    dict.insert(
        Arc::from("_fields"),
        Value::tuple(names.iter().map(|n| Value::Str(n.clone())).collect()),
    );
    let mut fd = Dict::new();
    let first_default = names.len() - defaults.len();
    for (n, v) in names[first_default..].iter().zip(defaults.iter()) {
        fd.insert(hash_key(ctx, &Value::Str(n.clone()))?, v.clone());
    }
    dict.insert(
        Arc::from("_field_defaults"),
        Value::Dict(Arc::new(Mutex::new(fd))),
    );
    dict.insert(
        Arc::from(FIELDS_KEY),
        Value::Native(Arc::new(Fields {
            names: names.clone(),
            defaults,
        })),
    );
    let cls = make_class(
        &typename,
        &module,
        vec![class("tuple")],
        Native::Other,
        dict,
    );
    // `Point._make(iterable)`: bound to its class, as a classmethod is.
    let make = Value::Builtin(Arc::new(Builtin {
        name: Arc::from("_make"),
        self_: Some(Value::Class(cls.clone())),
        kind: BuiltinKind::Function(namedtuple_make),
    }));
    cls.dict.write().insert(Arc::from("_make"), make);
    Ok(Value::Class(cls))
}

fn namedtuple_make(ctx: &mut Ctx, a: &[Value], _k: &[(Name, Value)]) -> R<Value> {
    let Some(Value::Class(cls)) = a.first() else {
        return Err(ctx.type_error("_make() needs a class"));
    };
    if a.len() != 2 {
        return Err(ctx.type_error(format!(
            "{}._make() takes 2 positional arguments but {} were given",
            cls.name,
            a.len()
        )));
    }
    let items = iterate(ctx, &a[1])?;
    let (names, _) = fields_of(cls).unwrap_or((Arc::from(Vec::new()), Vec::new()));
    if items.len() != names.len() {
        return Err(ctx.type_error(format!(
            "Expected {} arguments, got {}",
            names.len(),
            items.len()
        )));
    }
    Ok(Value::Native(Arc::new(NamedTuple {
        class: cls.clone(),
        fields: names,
        items: Arc::from(items),
    })))
}

/// `Point(1, y=2)`: bound as CPython's generated `__new__(_cls, x, y)` binds.
fn namedtuple_new(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    let Some(Value::Class(cls)) = a.first() else {
        return Err(ctx.type_error("__new__() needs a class"));
    };
    let (names, defaults) = fields_of(cls).unwrap_or((Arc::from(Vec::new()), Vec::new()));
    let a = &a[1..];
    let fname = format!("{}.__new__()", cls.name);
    let total = names.len();
    let required = total - defaults.len();
    if a.len() > total {
        let takes = if defaults.is_empty() {
            format!("{}", total + 1)
        } else {
            format!("from {} to {}", required + 1, total + 1)
        };
        return Err(ctx.type_error(format!(
            "{fname} takes {takes} positional argument{} but {} were given",
            if total == 0 && defaults.is_empty() {
                ""
            } else {
                "s"
            },
            a.len() + 1
        )));
    }
    let mut slots: Vec<Option<Value>> = a.iter().cloned().map(Some).collect();
    slots.resize(total, None);
    for (name, v) in k {
        match names.iter().position(|n| n == name) {
            Some(i) if slots[i].is_some() => {
                return Err(
                    ctx.type_error(format!("{fname} got multiple values for argument '{name}'"))
                )
            }
            Some(i) => slots[i] = Some(v.clone()),
            None => {
                return Err(ctx.type_error(format!(
                    "{fname} got an unexpected keyword argument '{name}'"
                )))
            }
        }
    }
    for (i, s) in slots.iter_mut().enumerate().skip(required) {
        if s.is_none() {
            *s = Some(defaults[i - required].clone());
        }
    }
    let missing: Vec<String> = slots
        .iter()
        .zip(names.iter())
        .filter(|(s, _)| s.is_none())
        .map(|(_, n)| format!("'{n}'"))
        .collect();
    if !missing.is_empty() {
        let list = match missing.len() {
            1 => missing[0].clone(),
            _ => format!(
                "{} and {}",
                missing[..missing.len() - 1].join(", "),
                missing[missing.len() - 1]
            ),
        };
        return Err(ctx.type_error(format!(
            "{fname} missing {} required positional argument{}: {list}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" }
        )));
    }
    Ok(Value::Native(Arc::new(NamedTuple {
        class: cls.clone(),
        fields: names,
        items: slots
            .into_iter()
            .map(|s| s.unwrap_or(Value::None))
            .collect(),
    })))
}

impl NamedTuple {
    fn with_items(&self, items: Vec<Value>) -> Value {
        Value::Native(Arc::new(NamedTuple {
            class: self.class.clone(),
            fields: self.fields.clone(),
            items: Arc::from(items),
        }))
    }
}

impl NativeObject for NamedTuple {
    fn class(&self) -> Arc<Class> {
        self.class.clone()
    }
    fn repr(&self) -> String {
        format!(
            "<{} object at {:#x}>",
            self.class.name, self as *const Self as usize
        )
    }
    fn get_attr(&self, ctx: &mut Ctx, this: &Value, name: &str) -> Option<R<Value>> {
        if let Some(i) = self.fields.iter().position(|f| &**f == name) {
            return Some(Ok(self.items[i].clone()));
        }
        // What a program (or socklab's own Python) added to the class: methods bind,
        // properties compute.
        let attr = self.class.lookup(name)?;
        match &attr {
            Value::Func(_) => Some(Ok(Value::BoundMethod(Arc::new((
                this.clone(),
                attr.clone(),
            ))))),
            Value::Instance(p) if p.class.native == Native::Property => {
                let getter = p.payload.lock().clone().unwrap_or(Value::None);
                Some(call(ctx, &getter, vec![this.clone()], vec![]))
            }
            Value::Builtin(_) if name == "__new__" => None,
            _ => Some(Ok(attr)),
        }
    }
    fn set_attr(&self, ctx: &mut Ctx, name: &str, _v: Value) -> Option<R<()>> {
        Some(Err(if self.fields.iter().any(|f| &**f == name) {
            ctx.err("AttributeError", "can't set attribute")
        } else {
            ctx.err(
                "AttributeError",
                format!("'{}' object has no attribute '{name}'", self.class.name),
            )
        }))
    }
    fn call_method(
        &self,
        ctx: &mut Ctx,
        this: &Value,
        name: &str,
        a: &[Value],
        k: &[(Name, Value)],
    ) -> Option<R<Value>> {
        let tuple = Value::Tuple(self.items.clone());
        Some(match name {
            "_asdict" => (|| {
                let mut d = Dict::new();
                for (n, v) in self.fields.iter().zip(self.items.iter()) {
                    d.insert(hash_key(ctx, &Value::Str(n.clone()))?, v.clone());
                }
                Ok(Value::Dict(Arc::new(Mutex::new(d))))
            })(),
            "_replace" => (|| {
                let mut items = self.items.to_vec();
                let mut unknown = Vec::new();
                for (n, v) in k {
                    match self.fields.iter().position(|f| f == n) {
                        Some(i) => items[i] = v.clone(),
                        None => unknown.push(Value::Str(n.clone())),
                    }
                }
                if !unknown.is_empty() {
                    let list = repr(ctx, &Value::list(unknown))?;
                    return Err(ctx.value_error(format!("Got unexpected field names: {list}")));
                }
                if !a.is_empty() {
                    return Err(ctx.type_error(format!(
                        "{}._replace() takes 1 positional argument but {} were given",
                        self.class.name,
                        a.len() + 1
                    )));
                }
                Ok(self.with_items(items))
            })(),
            "__repr__" => (|| {
                let mut parts = Vec::new();
                for (n, v) in self.fields.iter().zip(self.items.iter()) {
                    parts.push(format!("{n}={}", repr(ctx, v)?));
                }
                Ok(Value::string(format!(
                    "{}({})",
                    self.class.name,
                    parts.join(", ")
                )))
            })(),
            "__eq__" => (|| {
                let other = match &a[0] {
                    Value::Tuple(_) => a[0].clone(),
                    v => match tuple_items(v) {
                        Some(items) => Value::tuple(items),
                        None => return Ok(Value::Bool(false)),
                    },
                };
                Ok(Value::Bool(ops::eq(ctx, &tuple, &other)?))
            })(),
            "__add__" => (|| {
                let other = match &a[0] {
                    Value::Tuple(_) => a[0].clone(),
                    v => match tuple_items(v) {
                        Some(items) => Value::tuple(items),
                        None => {
                            return Err(ctx.type_error(format!(
                                "can only concatenate tuple (not \"{}\") to tuple",
                                type_name(v)
                            )))
                        }
                    },
                };
                ops::binary(ctx, crate::syntax::ast::BinOp::Add, tuple, other)
            })(),
            "__getitem__" => ops::getitem(ctx, &tuple, &a[0]),
            "__len__" => Ok(Value::Int(self.items.len() as i64)),
            "__bool__" => Ok(Value::Bool(!self.items.is_empty())),
            "__iter__" => Ok(items_iter(self.items.to_vec(), "tuple_iterator")),
            "__contains__" => ops::contains(ctx, &tuple, &a[0]).map(Value::Bool),
            "__hash__" => return None,
            _ => {
                if let Some(f @ Value::Func(_)) = self.class.lookup(name) {
                    let mut full = vec![this.clone()];
                    full.extend(a.iter().cloned());
                    return Some(call(ctx, &f, full, k.to_vec()));
                }
                return builtin_method(ctx, &tuple, name, a, k);
            }
        })
    }
    fn attr_names(&self) -> Vec<&'static str> {
        vec!["_asdict", "_replace", "count", "index"]
    }
    fn as_tuple(&self) -> Option<Arc<[Value]>> {
        Some(self.items.clone())
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
