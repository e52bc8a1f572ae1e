//! `hashlib`: message digests of bytes (`md5`, `sha1`, `sha224`, `sha256`, `sha384`,
//! `sha512`, and `new(name)`), as a protocol checks a payload or a WebSocket handshake
//! answers its key. The digests are RustCrypto's (`sha1`, `sha2`, `md-5`); the objects,
//! their methods and errors are CPython's.

use super::functions::{builtin_fn, kwarg};
use crate::interp::dict::{Dict, Key};
use crate::interp::sharing::Mutex;
use crate::interp::types::{self, type_name};
use crate::interp::value::{Class, Name, NativeObject, Value};
use crate::interp::{Ctx, R};
use sha2::Digest;
use std::sync::Arc;

/// The algorithms, as `hashlib.algorithms_guaranteed` names the ones socklab has.
const NAMES: &[&str] = &["md5", "sha1", "sha224", "sha256", "sha384", "sha512"];

#[derive(Clone)]
enum State {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
}

impl State {
    fn new(name: &str) -> Option<State> {
        Some(match name {
            "md5" => State::Md5(md5::Md5::new()),
            "sha1" => State::Sha1(sha1::Sha1::new()),
            "sha224" => State::Sha224(sha2::Sha224::new()),
            "sha256" => State::Sha256(sha2::Sha256::new()),
            "sha384" => State::Sha384(sha2::Sha384::new()),
            "sha512" => State::Sha512(sha2::Sha512::new()),
            _ => return None,
        })
    }
    fn update(&mut self, data: &[u8]) {
        match self {
            State::Md5(h) => h.update(data),
            State::Sha1(h) => h.update(data),
            State::Sha224(h) => h.update(data),
            State::Sha256(h) => h.update(data),
            State::Sha384(h) => h.update(data),
            State::Sha512(h) => h.update(data),
        }
    }
    /// The digest so far, leaving the state as it is (CPython's `digest()` may be
    /// called, then more data added).
    fn digest(&self) -> Vec<u8> {
        match self.clone() {
            State::Md5(h) => h.finalize().to_vec(),
            State::Sha1(h) => h.finalize().to_vec(),
            State::Sha224(h) => h.finalize().to_vec(),
            State::Sha256(h) => h.finalize().to_vec(),
            State::Sha384(h) => h.finalize().to_vec(),
            State::Sha512(h) => h.finalize().to_vec(),
        }
    }
    fn sizes(name: &str) -> (i64, i64) {
        match name {
            "md5" => (16, 64),
            "sha1" => (20, 64),
            "sha224" => (28, 64),
            "sha256" => (32, 64),
            "sha384" => (48, 128),
            _ => (64, 128),
        }
    }
}

struct Hash {
    name: &'static str,
    state: Mutex<State>,
}

pub fn items() -> Vec<(&'static str, Value)> {
    macro_rules! constructors {
        ($($name:literal),*) => {
            vec![$(($name, builtin_fn($name, |ctx, a, k| {
                if a.len() > 1 {
                    return Err(ctx.type_error(format!(
                        "{}() takes at most 1 positional argument ({} given)", $name, a.len()
                    )));
                }
                let data = a.first().or(kwarg(k, "string")).or(kwarg(k, "data"));
                make(ctx, $name, data)
            })),)*]
        };
    }
    let mut items = constructors!("md5", "sha1", "sha224", "sha256", "sha384", "sha512");
    items.push(("new", builtin_fn("new", new)));
    let names = || {
        let mut d = Dict::new();
        for n in NAMES {
            d.add(Key(Value::str(n)));
        }
        Value::Set(Arc::new(Mutex::new(d)))
    };
    items.push(("algorithms_guaranteed", names()));
    items.push(("algorithms_available", names()));
    items
}

fn new(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    let name = match a.first().or(kwarg(k, "name")) {
        Some(Value::Str(s)) => s.to_lowercase(),
        Some(other) => {
            return Err(ctx.type_error(format!(
                "new() argument 'name' must be str, not {}",
                type_name(other)
            )))
        }
        None => return Err(ctx.type_error("new() missing required argument 'name' (pos 1)")),
    };
    let Some(&name) = NAMES.iter().find(|n| **n == name) else {
        return Err(ctx.value_error(format!("unsupported hash type {name}")));
    };
    make(
        ctx,
        name,
        a.get(1).or(kwarg(k, "data")).or(kwarg(k, "string")),
    )
}

fn make(ctx: &mut Ctx, name: &'static str, data: Option<&Value>) -> R<Value> {
    let Some(mut state) = State::new(name) else {
        return Err(ctx.value_error(format!("unsupported hash type {name}")));
    };
    if let Some(d) = data {
        state.update(&data_of(ctx, d)?);
    }
    Ok(Value::Native(Arc::new(Hash {
        name,
        state: Mutex::new(state),
    })))
}

/// The bytes to hash, or CPython's TypeError (a str must be encoded first).
fn data_of(ctx: &Ctx, v: &Value) -> R<Vec<u8>> {
    match v {
        Value::Bytes(b) => Ok(b.to_vec()),
        Value::ByteArray(b) => Ok(b.lock().clone()),
        Value::Native(n) if n.buffer().is_some() => Ok(n.buffer().unwrap_or_default()),
        Value::Str(_) => Err(ctx.type_error("Strings must be encoded before hashing")),
        _ => Err(ctx.type_error("object supporting the buffer API required")),
    }
}

fn hash_class() -> Arc<Class> {
    static C: std::sync::OnceLock<Arc<Class>> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        types::make_class(
            "HASH",
            "_hashlib",
            vec![types::class("object")],
            crate::interp::value::Native::Other,
            crate::interp::value::Attrs::new(),
        )
    })
    .clone()
}

impl NativeObject for Hash {
    fn class(&self) -> Arc<Class> {
        hash_class()
    }
    fn repr(&self) -> String {
        format!(
            "<{} _hashlib.HASH object @ {:#x}>",
            self.name, self as *const Self as usize
        )
    }
    fn get_attr(&self, _ctx: &mut Ctx, _this: &Value, name: &str) -> Option<R<Value>> {
        let (digest_size, block_size) = State::sizes(self.name);
        Some(Ok(match name {
            "name" => Value::str(self.name),
            "digest_size" => Value::Int(digest_size),
            "block_size" => Value::Int(block_size),
            _ => return None,
        }))
    }
    fn call_method(
        &self,
        ctx: &mut Ctx,
        _this: &Value,
        name: &str,
        a: &[Value],
        _k: &[(Name, Value)],
    ) -> Option<R<Value>> {
        let no_args = |ctx: &Ctx| -> R<()> {
            if a.is_empty() {
                Ok(())
            } else {
                Err(ctx.type_error(format!(
                    "HASH.{name}() takes no arguments ({} given)",
                    a.len()
                )))
            }
        };
        Some(match name {
            "update" => (|| {
                let [data] = a else {
                    return Err(ctx.type_error(format!(
                        "HASH.update() takes exactly one argument ({} given)",
                        a.len()
                    )));
                };
                let data = data_of(ctx, data)?;
                self.state.lock().update(&data);
                Ok(Value::None)
            })(),
            "digest" => no_args(ctx).map(|_| Value::bytes(&self.state.lock().digest())),
            "hexdigest" => no_args(ctx).map(|_| {
                let d = self.state.lock().digest();
                Value::string(d.iter().map(|b| format!("{b:02x}")).collect())
            }),
            "copy" => no_args(ctx).map(|_| {
                Value::Native(Arc::new(Hash {
                    name: self.name,
                    state: Mutex::new(self.state.lock().clone()),
                }))
            }),
            _ => return None,
        })
    }
    fn attr_names(&self) -> Vec<&'static str> {
        vec!["update", "digest", "hexdigest", "copy"]
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
