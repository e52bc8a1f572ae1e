//! The library an interpreter is given: what the core knows of built-in functions,
//! modules and the methods of built-in types, without naming any of them.
//!
//! The core (`interp`) knows values, classes, calls and this table of entry points; the
//! `builtins` layer fills one in (`builtins::library()`) and the front ends hand it to
//! `Interp::with_library` (`Interp::new` does it for them). This is rhai's
//! `Engine::new_raw` plus registered packages, and RustPython's method tables: the
//! engine never names a package.
//!
//! One table per built-in type (`TypeMethods::table`, the signature rows of
//! `builtins/signatures.rs`) says what is a method: dispatch binds against it and calls
//! only what it lists, and `dir()`, `hasattr`, `getattr`, completion and the
//! suggestions of an `AttributeError` list from it, so they cannot drift apart.

use crate::interp::args::{self, Signature};
use crate::interp::value::{Class, Globals, Module, Name, Value};
use crate::interp::{Ctx, R};
use std::collections::HashMap;
use std::sync::Arc;

/// Calling a built-in class with its arguments.
pub type Construct = fn(&mut Ctx, &Arc<Class>, Vec<Value>, Vec<(Name, Value)>) -> R<Value>;

/// Run method `name` of a built-in value with arguments already bound against its
/// signature; `None` if the type has no such method.
pub type Dispatch = fn(&mut Ctx, &Value, &str, &[Value], &[(Name, Value)]) -> Option<R<Value>>;

/// The methods and other attributes of the built-in value types (`str`, `bytes`, `int`,
/// `range` ...), as tables and the code behind them.
pub struct TypeMethods {
    /// The methods of a value's type with their signatures, sorted by name: exactly
    /// what `dispatch` accepts.
    pub table: fn(&Value) -> &'static [Signature],
    /// Run a method listed in `table`.
    pub dispatch: Dispatch,
    /// Attributes of a value that are not its type's methods: data (`r.start`,
    /// `x.real`) and the type's own functions seen through a value (`b"".fromhex`).
    pub value_attr: fn(&mut Ctx, &Value, &str) -> R<Option<Value>>,
    /// The names `value_attr` answers for this value, for `dir()`.
    pub value_attr_names: fn(&Value) -> Vec<&'static str>,
    /// Attributes of a built-in class itself: `int.from_bytes`, `str.upper` unbound.
    pub type_attr: fn(&mut Ctx, &Arc<Class>, &str) -> Option<Value>,
    /// The names `type_attr` answers for a built-in class, for `dir(str)`.
    pub type_attr_names: fn(&Class) -> Vec<&'static str>,
    /// The method table of a native object's type (a socket), for the wording of
    /// errors that depends on a method's style.
    pub native_table: fn(&Value) -> &'static [Signature],
}

/// Everything the core calls out to. Plain function pointers: a library is a constant,
/// and calling through it costs an indirect call, no lookup.
pub struct Library {
    /// The `builtins` namespace (`len`, `print`, the type names, the exceptions).
    pub functions: fn() -> HashMap<Name, Value>,
    /// `import name`: the module, made on first use and cached in `Interp::modules`.
    pub import: fn(&mut Ctx, &str) -> R<Value>,
    /// `from package import name` where `name` is a submodule not loaded yet.
    pub import_from_package: fn(&mut Ctx, &Value, &str, &str) -> R<Option<Value>>,
    /// Whether a module is compiled into the interpreter (`<module 'sys' (built-in)>`).
    pub is_builtin_module: fn(&str) -> bool,
    /// Where CPython's `ImportError` says a library module came from.
    pub module_origin: fn(&str) -> String,
    /// Calling a built-in class: `int("5")`, `bytes(3)`, `socket.socket()`.
    pub construct: Construct,
    /// The bytes of a bytes-like value (`b"a" + bytearray(b"b")`, `b"a" in buf`), or
    /// CPython's TypeError: which types are bytes-like is the library's to say.
    pub bytes_like: fn(&Ctx, &Value) -> R<Vec<u8>>,
    pub methods: TypeMethods,
}

impl Library {
    /// `obj.name(*a, **k)` on a built-in value: bound against the method's signature,
    /// then dispatched; `None` when the type has no method `name`.
    #[inline]
    pub fn call_method(
        &self,
        ctx: &mut Ctx,
        obj: &Value,
        name: &str,
        a: &[Value],
        k: &[(Name, Value)],
    ) -> Option<R<Value>> {
        let sig = args::lookup((self.methods.table)(obj), name)?;
        self.bind_and_dispatch(ctx, sig, obj, name, a, k)
    }

    /// The method found: its arguments bound against `sig`, then dispatched.
    fn bind_and_dispatch(
        &self,
        ctx: &mut Ctx,
        sig: &Signature,
        obj: &Value,
        name: &str,
        a: &[Value],
        k: &[(Name, Value)],
    ) -> Option<R<Value>> {
        match args::bind(ctx, sig, a, k) {
            Ok(None) => (self.methods.dispatch)(ctx, obj, name, a, k),
            Ok(Some((a, k))) => (self.methods.dispatch)(ctx, obj, name, &a, &k),
            Err(e) => Some(Err(e)),
        }
    }

    /// `call_method` from a call site (`clients.add(fd)`) that remembers in `site` the
    /// type it last met and the row of the type's table where `name` was: met again,
    /// the row is taken without searching the table.
    #[inline]
    pub fn call_method_at(
        &self,
        ctx: &mut Ctx,
        obj: &Value,
        name: &str,
        site: &crate::syntax::ast::Slot,
        a: &[Value],
        k: &[(Name, Value)],
    ) -> Option<R<Value>> {
        let table = (self.methods.table)(obj);
        let tag = obj.tag() as u32 + 1;
        let cached = site.get();
        let sig = match table.get((cached & 0xffff) as usize) {
            Some(sig) if cached >> 16 == tag => sig,
            _ => {
                let row = args::row(table, name)?;
                if row < 0xffff && tag < 0xffff {
                    site.set(tag << 16 | row as u32);
                }
                &table[row]
            }
        };
        self.bind_and_dispatch(ctx, sig, obj, name, a, k)
    }

    /// Whether a built-in value's type has method `name`.
    pub fn has_method(&self, v: &Value, name: &str) -> bool {
        args::lookup((self.methods.table)(v), name).is_some()
    }

    /// The declared signature of method `name` of a built-in value or native object.
    pub fn signature_of(&self, v: &Value, name: &str) -> Option<&'static Signature> {
        let table = match v {
            Value::Native(_) => (self.methods.native_table)(v),
            other => (self.methods.table)(other),
        };
        args::lookup(table, name)
    }

    /// Attribute names of a value, for `dir()`, completion and suggestions: a module's
    /// globals, an instance's and its classes' dicts, a native object's names, a
    /// built-in value's methods and other attributes.
    pub fn attribute_names(&self, v: &Value) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        match v {
            Value::Module(m) => {
                out.extend(m.globals.items().into_iter().map(|(k, _)| k.to_string()))
            }
            Value::Instance(i) => {
                out.extend(i.dict.lock().keys().map(|k| k.to_string()));
                for c in i.class.lineage() {
                    out.extend(c.dict.read().keys().map(|k| k.to_string()));
                }
            }
            Value::Class(c) => {
                for c in c.lineage() {
                    out.extend(c.dict.read().keys().map(|k| k.to_string()));
                    out.extend(
                        (self.methods.type_attr_names)(c)
                            .into_iter()
                            .map(String::from),
                    );
                }
            }
            Value::Native(n) => out.extend(n.attr_names().into_iter().map(String::from)),
            other => {
                out.extend(
                    (self.methods.table)(other)
                        .iter()
                        .map(|s| s.name.to_string()),
                );
                out.extend(
                    (self.methods.value_attr_names)(other)
                        .into_iter()
                        .map(String::from),
                );
            }
        }
        out
    }

    /// Where `from M import x` says M came from when `x` is missing: a program's module
    /// names its file.
    pub fn origin_of(&self, module: &Value, name: &str) -> String {
        if let Value::Module(m) = module {
            if let Some(Value::Str(file)) = &m.globals.get("__file__") {
                return file.to_string();
            }
        }
        (self.module_origin)(name)
    }
}

/// `from a.b import c` / `import a.b as c`: the innermost module of a dotted path.
pub fn import_submodule(ctx: &mut Ctx, dotted: &str) -> R<Value> {
    let mut m = (ctx.interp.library.import)(ctx, dotted)?;
    for part in dotted.split('.').skip(1) {
        m = crate::interp::exec::getattr(ctx, &m, part).map_err(|_| {
            ctx.err(
                "ModuleNotFoundError",
                format!(
                    "No module named '{dotted}'; '{}' is not a package",
                    dotted.split('.').next().unwrap_or("")
                ),
            )
        })?;
    }
    Ok(m)
}

/// The absolute name of a relative import (`.inner`, `..`, `.`) made in a module whose
/// globals are `globals`, from its `__package__`, with CPython's errors.
pub fn resolve_relative(ctx: &Ctx, globals: &Globals, relative: &str) -> R<String> {
    let level = relative.len() - relative.trim_start_matches('.').len();
    let rest = &relative[level..];
    let package = match &globals.get("__package__") {
        Some(Value::Str(p)) if !p.is_empty() => p.to_string(),
        _ => {
            return Err(ctx.err(
                "ImportError",
                "attempted relative import with no known parent package",
            ))
        }
    };
    let parts: Vec<&str> = package.split('.').collect();
    if level > parts.len() {
        return Err(ctx.err(
            "ImportError",
            "attempted relative import beyond top-level package",
        ));
    }
    let base = parts[..parts.len() + 1 - level].join(".");
    Ok(if rest.is_empty() {
        base
    } else {
        format!("{base}.{rest}")
    })
}

/// What `from M import *` brings: names not starting with `_`.
pub fn public_names(m: &Module) -> Vec<(Name, Value)> {
    m.globals
        .items()
        .into_iter()
        .filter(|(k, _)| !k.starts_with('_'))
        .collect()
}
