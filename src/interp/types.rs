//! The built-in classes: `int`, `str`, `list` ... and the exception hierarchy.
//!
//! They are ordinary `Class` objects, so `type(x).__name__`, `isinstance`, `except
//! OSError` and user subclasses (`class MyError(Exception)`) all work one way.

use super::value::{Attrs, Class, Instance, Native, Value};
use crate::interp::sharing::Mutex;
use parking_lot::RwLock;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

pub struct Types {
    pub by_name: HashMap<&'static str, Arc<Class>>,
}

/// (name, base, module): the exception hierarchy of CPython 3.11 that the lecture meets.
const EXCEPTIONS: &[(&str, &str, &str)] = &[
    ("BaseException", "object", "builtins"),
    ("SystemExit", "BaseException", "builtins"),
    ("KeyboardInterrupt", "BaseException", "builtins"),
    ("GeneratorExit", "BaseException", "builtins"),
    ("Exception", "BaseException", "builtins"),
    ("StopIteration", "Exception", "builtins"),
    ("ArithmeticError", "Exception", "builtins"),
    ("ZeroDivisionError", "ArithmeticError", "builtins"),
    ("OverflowError", "ArithmeticError", "builtins"),
    ("FloatingPointError", "ArithmeticError", "builtins"),
    ("AssertionError", "Exception", "builtins"),
    ("AttributeError", "Exception", "builtins"),
    ("BufferError", "Exception", "builtins"),
    ("EOFError", "Exception", "builtins"),
    ("ImportError", "Exception", "builtins"),
    ("ModuleNotFoundError", "ImportError", "builtins"),
    ("LookupError", "Exception", "builtins"),
    ("IndexError", "LookupError", "builtins"),
    ("KeyError", "LookupError", "builtins"),
    ("MemoryError", "Exception", "builtins"),
    ("NameError", "Exception", "builtins"),
    ("UnboundLocalError", "NameError", "builtins"),
    ("OSError", "Exception", "builtins"),
    ("BlockingIOError", "OSError", "builtins"),
    ("ChildProcessError", "OSError", "builtins"),
    ("ConnectionError", "OSError", "builtins"),
    ("BrokenPipeError", "ConnectionError", "builtins"),
    ("ConnectionAbortedError", "ConnectionError", "builtins"),
    ("ConnectionRefusedError", "ConnectionError", "builtins"),
    ("ConnectionResetError", "ConnectionError", "builtins"),
    ("FileExistsError", "OSError", "builtins"),
    ("FileNotFoundError", "OSError", "builtins"),
    ("InterruptedError", "OSError", "builtins"),
    ("IsADirectoryError", "OSError", "builtins"),
    ("NotADirectoryError", "OSError", "builtins"),
    ("PermissionError", "OSError", "builtins"),
    ("ProcessLookupError", "OSError", "builtins"),
    ("TimeoutError", "OSError", "builtins"),
    ("ReferenceError", "Exception", "builtins"),
    ("RuntimeError", "Exception", "builtins"),
    ("NotImplementedError", "RuntimeError", "builtins"),
    ("RecursionError", "RuntimeError", "builtins"),
    ("SyntaxError", "Exception", "builtins"),
    ("IndentationError", "SyntaxError", "builtins"),
    ("TabError", "IndentationError", "builtins"),
    ("SystemError", "Exception", "builtins"),
    ("TypeError", "Exception", "builtins"),
    ("ValueError", "Exception", "builtins"),
    ("UnicodeError", "ValueError", "builtins"),
    ("UnicodeDecodeError", "UnicodeError", "builtins"),
    ("UnicodeEncodeError", "UnicodeError", "builtins"),
    ("Warning", "Exception", "builtins"),
    ("UserWarning", "Warning", "builtins"),
    ("DeprecationWarning", "Warning", "builtins"),
    ("RuntimeWarning", "Warning", "builtins"),
    ("PendingDeprecationWarning", "Warning", "builtins"),
    ("SyntaxWarning", "Warning", "builtins"),
    ("FutureWarning", "Warning", "builtins"),
    ("ImportWarning", "Warning", "builtins"),
    ("UnicodeWarning", "Warning", "builtins"),
    ("BytesWarning", "Warning", "builtins"),
    ("ResourceWarning", "Warning", "builtins"),
    ("EncodingWarning", "Warning", "builtins"),
    // Module exceptions live here too so that Rust code can raise them by name.
    ("gaierror", "OSError", "socket"),
    ("herror", "OSError", "socket"),
    ("error", "Exception", "struct"),
    ("UnsupportedOperation", "OSError", "io"),
    ("JSONDecodeError", "ValueError", "json.decoder"),
    ("Empty", "Exception", "_queue"),
    ("Error", "ValueError", "binascii"),
    ("Incomplete", "Exception", "binascii"),
];

const PLAIN: &[(&str, Native)] = &[
    ("int", Native::Int),
    ("float", Native::Float),
    ("str", Native::Str),
    ("bytes", Native::Bytes),
    ("bytearray", Native::ByteArray),
    ("memoryview", Native::MemoryView),
    ("tuple", Native::Tuple),
    ("list", Native::List),
    ("dict", Native::Dict),
    ("set", Native::Set),
    ("frozenset", Native::FrozenSet),
    ("range", Native::Range),
    ("slice", Native::Slice),
    ("NoneType", Native::NoneType),
    ("type", Native::Type),
    ("function", Native::Function),
    ("builtin_function_or_method", Native::BuiltinFunction),
    ("method", Native::Method),
    ("module", Native::Module),
    ("iterator", Native::Iterator),
    ("property", Native::Property),
    ("staticmethod", Native::StaticMethod),
    ("classmethod", Native::ClassMethod),
    ("super", Native::Super),
    ("NotImplementedType", Native::NotImplementedType),
    ("ellipsis", Native::Ellipsis),
    ("cell", Native::Other),
    ("traceback", Native::Other),
    ("enumerate", Native::Iterator),
    ("zip", Native::Iterator),
    ("map", Native::Iterator),
    ("filter", Native::Iterator),
    ("generator", Native::Iterator),
    ("reversed", Native::Iterator),
    ("list_reverseiterator", Native::Iterator),
    ("range_iterator", Native::Iterator),
    ("set_iterator", Native::Iterator),
    ("dict_keyiterator", Native::Iterator),
    ("dict_reversekeyiterator", Native::Iterator),
    ("list_iterator", Native::Iterator),
    ("tuple_iterator", Native::Iterator),
    ("str_ascii_iterator", Native::Iterator),
];

pub fn make_class(
    name: &str,
    module: &str,
    bases: Vec<Arc<Class>>,
    native: Native,
    dict: Attrs,
) -> Arc<Class> {
    let mro = match super::exec::c3_mro(&bases) {
        Ok(m) => m,
        Err(_) => bases.clone(),
    };
    Arc::new(Class {
        name: Arc::from(name),
        qualname: Arc::from(name),
        module: Arc::from(module),
        bases,
        mro,
        dict: RwLock::new(dict),
        native,
        def: None,
    })
}

pub fn types() -> &'static Types {
    static TYPES: OnceLock<Types> = OnceLock::new();
    TYPES.get_or_init(|| {
        let mut by_name = HashMap::new();
        let object = make_class("object", "builtins", vec![], Native::Object, Attrs::new());
        by_name.insert("object", object.clone());
        for &(name, native) in PLAIN {
            let c = make_class(name, "builtins", vec![object.clone()], native, Attrs::new());
            by_name.insert(name, c);
        }
        if let Some(p) = by_name.get("property") {
            let mut d = p.dict.write();
            for name in ["setter", "getter"] {
                d.insert(
                    Arc::from(name),
                    super::objects::builtin_fn(name, super::objects::property_with),
                );
            }
        }
        let int = by_name["int"].clone();
        by_name.insert(
            "bool",
            make_class("bool", "builtins", vec![int], Native::Bool, Attrs::new()),
        );
        for &(name, base, module) in EXCEPTIONS {
            let base = by_name[base].clone();
            let dict = super::exception_methods::class_dict(name);
            let c = make_class(name, module, vec![base], Native::Exception, dict);
            by_name.insert(name, c);
        }
        Types { by_name }
    })
}

pub fn class(name: &str) -> Arc<Class> {
    match types().by_name.get(name) {
        Some(c) => c.clone(),
        None => types().by_name["object"].clone(),
    }
}

/// The class of any value: what `type(v)` returns.
pub fn type_of(v: &Value) -> Arc<Class> {
    let name = match v {
        Value::None => "NoneType",
        Value::Bool(_) => "bool",
        Value::Int(_) | Value::BigInt(_) => "int",
        Value::Float(_) => "float",
        Value::Str(_) => "str",
        Value::Bytes(_) => "bytes",
        Value::ByteArray(_) => "bytearray",
        Value::Tuple(_) => "tuple",
        Value::List(_) => "list",
        Value::Dict(_) => "dict",
        Value::Set(_) => "set",
        Value::FrozenSet(_) => "frozenset",
        Value::Range(_) => "range",
        Value::Slice(_) => "slice",
        Value::Func(_) => "function",
        Value::Builtin(_) => "builtin_function_or_method",
        Value::Class(_) => "type",
        Value::Instance(i) => return i.class.clone(),
        Value::Module(_) => "module",
        Value::BoundMethod(_) => "method",
        Value::Iter(_) => return class(&type_name(v)),
        Value::Native(n) => return n.class(),
        Value::Cell(_) => "cell",
        Value::Ellipsis => "ellipsis",
        Value::NotImplemented => "NotImplementedType",
    };
    class(name)
}

pub fn type_name(v: &Value) -> String {
    match v {
        Value::Iter(it) => match &*it.lock() {
            super::value::IterState::Range { .. } => "range_iterator".into(),
            super::value::IterState::Str { .. } => "str_ascii_iterator".into(),
            super::value::IterState::Seq {
                seq: Value::List(_),
                ..
            } => "list_iterator".into(),
            super::value::IterState::Seq {
                seq: Value::Tuple(_),
                ..
            } => "tuple_iterator".into(),
            super::value::IterState::Items { kind, .. } => kind.to_string(),
            super::value::IterState::Dict { .. } => "dict_keyiterator".into(),
            super::value::IterState::Seq { .. } => "bytes_iterator".into(),
            _ => "iterator".into(),
        },
        Value::Native(n) => {
            let c = n.class();
            if matches!(&*c.module, "_io" | "time") {
                format!("{}.{}", c.module, c.name)
            } else {
                c.name.to_string()
            }
        }
        _ => type_of(v).name.to_string(),
    }
}

/// A new exception instance of a built-in class, `args` as given. Bypasses `__init__`:
/// only for built-in classes whose `__init__` just records the arguments.
pub fn new_exception(class_name: &str, args: Vec<Value>) -> Value {
    instance_with_args(class(class_name), args)
}

pub fn instance_with_args(class: Arc<Class>, args: Vec<Value>) -> Value {
    let mut dict = Attrs::new();
    dict.insert(Arc::from("args"), Value::tuple(args));
    Value::Instance(Arc::new(Instance {
        class,
        dict: Mutex::new(dict),
        payload: Mutex::new(None),
        hash: std::sync::OnceLock::new(),
    }))
}

/// The `OSError` subclass CPython picks for an errno (`OSError(111, ...)` is a
/// `ConnectionRefusedError`).
pub fn os_error_class_for(errno: i64) -> &'static str {
    match errno as i32 {
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => "BlockingIOError",
        libc::ECHILD => "ChildProcessError",
        libc::EPIPE | libc::ESHUTDOWN => "BrokenPipeError",
        libc::ECONNABORTED => "ConnectionAbortedError",
        libc::ECONNREFUSED => "ConnectionRefusedError",
        libc::ECONNRESET => "ConnectionResetError",
        libc::EEXIST => "FileExistsError",
        libc::ENOENT => "FileNotFoundError",
        libc::EISDIR => "IsADirectoryError",
        libc::ENOTDIR => "NotADirectoryError",
        libc::EINTR => "InterruptedError",
        libc::EACCES | libc::EPERM => "PermissionError",
        libc::ESRCH => "ProcessLookupError",
        libc::ETIMEDOUT => "TimeoutError",
        _ => "OSError",
    }
}

/// An `OSError` (of the right subclass) for an errno, as the OS reported it.
pub fn os_error(errno: i32, strerror: &str) -> Value {
    os_error_of_class(os_error_class_for(errno as i64), errno as i64, strerror)
}

pub fn os_error_of_class(class_name: &str, errno: i64, strerror: &str) -> Value {
    let v = new_exception(class_name, vec![Value::Int(errno), Value::str(strerror)]);
    if let Value::Instance(i) = &v {
        let mut d = i.dict.lock();
        d.insert(Arc::from("errno"), Value::Int(errno));
        d.insert(Arc::from("strerror"), Value::str(strerror));
        d.insert(Arc::from("filename"), Value::None);
    }
    v
}

/// The C library's text for an errno (`Connection refused`).
pub fn strerror(errno: i32) -> String {
    // SAFETY: strerror returns a pointer to a static or thread-local NUL-terminated string.
    unsafe {
        let p = libc::strerror(errno);
        if p.is_null() {
            return format!("Unknown error {errno}");
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    }
}

pub fn is_exception_class(c: &Arc<Class>) -> bool {
    c.is_subclass_of(&class("BaseException"))
}

pub fn is_instance_of(v: &Value, class_name: &str) -> bool {
    type_of(v).is_subclass_of(&class(class_name))
}
