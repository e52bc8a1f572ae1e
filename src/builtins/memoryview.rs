//! `memoryview`: a window on the bytes of a `bytes` or `bytearray`, without copying
//! them. What network programs use it for: `recv_into(view[n:])` to fill a buffer
//! piece by piece, and `send(view[sent:])` to send the rest of one. A view of a
//! bytearray writes through to it; a view of bytes is read-only. Format `'B'` only
//! (one unsigned byte per item), which is what `memoryview(bytes)` gives.

use super::functions::{arg_count, kwarg};
use crate::interp::ops::{slice_indices, slice_positions};
use crate::interp::types::{self, type_name};
use crate::interp::value::{Class, Name, NativeObject, Value};
use crate::interp::{Ctx, Exc, R};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

pub struct MemoryView {
    /// The `bytes` or `bytearray` viewed (`mv.obj`).
    base: Value,
    /// Where item 0 is in `base`, and how far apart items are (negative: reversed).
    start: i64,
    step: i64,
    len: usize,
    released: AtomicBool,
}

/// `memoryview(object)`.
pub fn construct(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    let object = match a.first().or(kwarg(k, "object")) {
        Some(v) => v,
        None => {
            return Err(ctx.type_error("memoryview() missing required argument 'object' (pos 1)"))
        }
    };
    arg_count(ctx, "memoryview", a, 0, 1)?;
    view_of(ctx, object)
}

/// A view of the whole of a bytes-like value.
pub fn view_of(ctx: &Ctx, object: &Value) -> R<Value> {
    let (base, start, step, len) = match object {
        Value::Bytes(b) => (object.clone(), 0, 1, b.len()),
        Value::ByteArray(b) => (object.clone(), 0, 1, b.lock().len()),
        Value::Native(n) => match n.as_any().downcast_ref::<MemoryView>() {
            Some(m) => {
                m.check(ctx)?;
                (m.base.clone(), m.start, m.step, m.len)
            }
            None => return Err(not_bytes_like(ctx, object)),
        },
        _ => return Err(not_bytes_like(ctx, object)),
    };
    Ok(Value::Native(Arc::new(MemoryView {
        base,
        start,
        step,
        len,
        released: AtomicBool::new(false),
    })))
}

fn not_bytes_like(ctx: &Ctx, v: &Value) -> Box<Exc> {
    ctx.type_error(format!(
        "memoryview: a bytes-like object is required, not '{}'",
        type_name(v)
    ))
}

/// The memoryview in `v`, if it is one.
pub fn as_view(v: &Value) -> Option<&MemoryView> {
    v.as_native::<MemoryView>()
}

impl MemoryView {
    fn check(&self, ctx: &Ctx) -> R<()> {
        if self.released.load(Ordering::Relaxed) {
            return Err(ctx.value_error("operation forbidden on released memoryview object"));
        }
        Ok(())
    }

    pub fn readonly(&self) -> bool {
        !matches!(self.base, Value::ByteArray(_))
    }

    fn position(&self, i: usize) -> usize {
        (self.start + i as i64 * self.step) as usize
    }

    /// The bytes seen, copied (`tobytes()`), or `None` once released. A bytearray that
    /// shrank under the view shows only what is left of it.
    pub fn contents(&self) -> Option<Vec<u8>> {
        if self.released.load(Ordering::Relaxed) {
            return None;
        }
        let pick = |data: &[u8]| -> Vec<u8> {
            if self.step == 1 {
                let from = (self.start as usize).min(data.len());
                let to = (from + self.len).min(data.len());
                return data[from..to].to_vec();
            }
            (0..self.len)
                .filter_map(|i| data.get(self.position(i)).copied())
                .collect()
        };
        Some(match &self.base {
            Value::Bytes(b) => pick(b),
            Value::ByteArray(b) => pick(&b.lock()),
            _ => Vec::new(),
        })
    }

    /// Write `data` (exactly `self.len` bytes, or fewer from the start: `recv_into`)
    /// through the view into the bytearray.
    pub fn write(&self, ctx: &Ctx, data: &[u8]) -> R<()> {
        self.check(ctx)?;
        let Value::ByteArray(b) = &self.base else {
            return Err(ctx.type_error("cannot modify read-only memory"));
        };
        let mut buf = b.lock();
        for (i, &byte) in data.iter().enumerate().take(self.len) {
            if let Some(slot) = buf.get_mut(self.position(i)) {
                *slot = byte;
            }
        }
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn sub_view(&self, ctx: &Ctx, parts: &[Value; 3]) -> R<Value> {
        let (a, b, c) = slice_indices(ctx, parts, self.len as i64)?;
        let count = slice_positions(a, b, c).len();
        Ok(Value::Native(Arc::new(MemoryView {
            base: self.base.clone(),
            start: self.start + a * self.step,
            step: self.step * c,
            len: count,
            released: AtomicBool::new(false),
        })))
    }

    fn index(&self, ctx: &Ctx, v: &Value) -> R<usize> {
        let i = match v {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            Value::Native(n) if n.as_int().is_some() => n.as_int().unwrap_or(0),
            Value::BigInt(_) => {
                return Err(ctx.err("IndexError", "cannot fit 'int' into an index-sized integer"))
            }
            _ => return Err(ctx.type_error("memoryview: invalid slice key")),
        };
        let i = if i < 0 { i + self.len as i64 } else { i };
        if i < 0 || i >= self.len as i64 {
            return Err(ctx.err("IndexError", "index out of bounds on dimension 1"));
        }
        Ok(i as usize)
    }

    fn getitem(&self, ctx: &Ctx, key: &Value) -> R<Value> {
        self.check(ctx)?;
        if let Value::Slice(parts) = key {
            return self.sub_view(ctx, parts);
        }
        let i = self.index(ctx, key)?;
        let byte = match &self.base {
            Value::Bytes(b) => b.get(self.position(i)).copied(),
            Value::ByteArray(b) => b.lock().get(self.position(i)).copied(),
            _ => None,
        };
        match byte {
            Some(b) => Ok(Value::Int(b as i64)),
            None => Err(ctx.err("IndexError", "index out of bounds on dimension 1")),
        }
    }

    fn setitem(&self, ctx: &Ctx, key: &Value, v: &Value) -> R<()> {
        self.check(ctx)?;
        if self.readonly() {
            return Err(ctx.type_error("cannot modify read-only memory"));
        }
        if let Value::Slice(parts) = key {
            let data = match v {
                Value::Bytes(b) => b.to_vec(),
                Value::ByteArray(b) => b.lock().clone(),
                Value::Native(n) if n.buffer().is_some() => n.buffer().unwrap_or_default(),
                _ => {
                    return Err(ctx.type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        type_name(v)
                    )))
                }
            };
            let (a, b, c) = slice_indices(ctx, parts, self.len as i64)?;
            let target = MemoryView {
                base: self.base.clone(),
                start: self.start + a * self.step,
                step: self.step * c,
                len: slice_positions(a, b, c).len(),
                released: AtomicBool::new(false),
            };
            if data.len() != target.len {
                return Err(ctx.value_error(
                    "memoryview assignment: lvalue and rvalue have different structures",
                ));
            }
            return target.write(ctx, &data);
        }
        let i = self.index(ctx, key)?;
        let byte = match v {
            Value::Int(x) if (0..=255).contains(x) => *x as u8,
            Value::Bool(b) => *b as u8,
            Value::Int(_) | Value::BigInt(_) => {
                return Err(ctx.value_error("memoryview: invalid value for format 'B'"))
            }
            _ => return Err(ctx.type_error("memoryview: invalid type for format 'B'")),
        };
        let one = MemoryView {
            base: self.base.clone(),
            start: self.start + i as i64 * self.step,
            step: 1,
            len: 1,
            released: AtomicBool::new(false),
        };
        one.write(ctx, &[byte])
    }

    fn equals(&self, other: &Value) -> Option<bool> {
        let mine = self.contents();
        let theirs = match other {
            Value::Bytes(b) => Some(b.to_vec()),
            Value::ByteArray(b) => Some(b.lock().clone()),
            Value::Native(n) => match n.as_any().downcast_ref::<MemoryView>() {
                Some(m) => {
                    if std::ptr::eq(m, self) {
                        return Some(true);
                    }
                    m.contents()
                }
                None => return None,
            },
            _ => return None,
        };
        // A released view equals only itself.
        Some(matches!((mine, theirs), (Some(a), Some(b)) if a == b))
    }
}

fn class() -> Arc<Class> {
    types::class("memoryview")
}

impl NativeObject for MemoryView {
    fn class(&self) -> Arc<Class> {
        class()
    }
    fn repr(&self) -> String {
        let released = if self.released.load(Ordering::Relaxed) {
            "released "
        } else {
            ""
        };
        format!("<{released}memory at {:#x}>", self as *const Self as usize)
    }
    fn buffer(&self) -> Option<Vec<u8>> {
        self.contents()
    }
    fn get_attr(&self, ctx: &mut Ctx, _this: &Value, name: &str) -> Option<R<Value>> {
        let properties = [
            "nbytes",
            "readonly",
            "format",
            "itemsize",
            "ndim",
            "shape",
            "strides",
            "obj",
            "contiguous",
            "c_contiguous",
            "f_contiguous",
        ];
        if properties.contains(&name) {
            if let Err(e) = self.check(ctx) {
                return Some(Err(e));
            }
        }
        Some(Ok(match name {
            "nbytes" => Value::Int(self.len as i64),
            "readonly" => Value::Bool(self.readonly()),
            "format" => Value::str("B"),
            "itemsize" => Value::Int(1),
            "ndim" => Value::Int(1),
            "shape" => Value::tuple(vec![Value::Int(self.len as i64)]),
            "strides" => Value::tuple(vec![Value::Int(self.step)]),
            "obj" => self.base.clone(),
            "contiguous" | "c_contiguous" | "f_contiguous" => Value::Bool(self.step == 1),
            _ => return None,
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
        let no_args = |ctx: &Ctx| -> R<()> {
            if !a.is_empty() || !k.is_empty() {
                let given = a.len() + k.len();
                return Err(ctx.type_error(format!(
                    "memoryview.{name}() takes no arguments ({given} given)"
                )));
            }
            Ok(())
        };
        Some(match name {
            "tobytes" => (|| {
                self.check(ctx)?;
                Ok(Value::bytes(&self.contents().unwrap_or_default()))
            })(),
            "tolist" => (|| {
                no_args(ctx)?;
                self.check(ctx)?;
                let items = self.contents().unwrap_or_default();
                Ok(Value::list(
                    items.into_iter().map(|b| Value::Int(b as i64)).collect(),
                ))
            })(),
            "hex" => (|| {
                self.check(ctx)?;
                let data = Value::bytes(&self.contents().unwrap_or_default());
                crate::interp::exec::call_method(ctx, &data, "hex", a.to_vec(), k.to_vec())
            })(),
            "toreadonly" => (|| {
                no_args(ctx)?;
                self.check(ctx)?;
                let copy = Value::bytes(&self.contents().unwrap_or_default());
                view_of(ctx, &copy)
            })(),
            "release" | "__exit__" => {
                self.released.store(true, Ordering::Relaxed);
                Ok(Value::None)
            }
            "__enter__" => self.check(ctx).map(|_| this.clone()),
            "__len__" => self.check(ctx).map(|_| Value::Int(self.len as i64)),
            "__getitem__" => match a.first() {
                Some(key) => self.getitem(ctx, key),
                None => Err(ctx.type_error("expected 1 argument, got 0")),
            },
            "__setitem__" => match (a.first(), a.get(1)) {
                (Some(key), Some(v)) => self.setitem(ctx, key, v).map(|_| Value::None),
                _ => Err(ctx.type_error("expected 2 arguments")),
            },
            "__iter__" => (|| {
                self.check(ctx)?;
                let items = self
                    .contents()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|b| Value::Int(b as i64))
                    .collect();
                Ok(Value::Iter(Arc::new(crate::interp::sharing::Mutex::new(
                    crate::interp::value::IterState::Seq {
                        seq: Value::list(items),
                        index: 0,
                    },
                ))))
            })(),
            "__contains__" => (|| {
                self.check(ctx)?;
                let data = self.contents().unwrap_or_default();
                let item = a.first().cloned().unwrap_or_default();
                let mut found = false;
                for b in data {
                    if crate::interp::ops::eq(ctx, &Value::Int(b as i64), &item)? {
                        found = true;
                        break;
                    }
                }
                Ok(Value::Bool(found))
            })(),
            "__eq__" => Ok(match a.first().and_then(|o| self.equals(o)) {
                Some(b) => Value::Bool(b),
                None => Value::Bool(false),
            }),
            "__bool__" => Ok(Value::Bool(self.len != 0)),
            _ => return None,
        })
    }
    fn attr_names(&self) -> Vec<&'static str> {
        vec![
            "c_contiguous",
            "contiguous",
            "f_contiguous",
            "format",
            "hex",
            "itemsize",
            "nbytes",
            "ndim",
            "obj",
            "readonly",
            "release",
            "shape",
            "strides",
            "tobytes",
            "tolist",
            "toreadonly",
        ]
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
