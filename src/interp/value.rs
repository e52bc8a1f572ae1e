//! Python values.
//!
//! Small immutable values (`None`, `bool`, machine-size `int`, `float`) live inline and
//! cost nothing to copy; everything else is behind an `Arc`. Mutable containers carry
//! their own lock, so values can be shared by real OS threads (`threading.Thread`)
//! without a global interpreter lock: each object guards itself, and the interpreter
//! never holds an object's lock while running Python code (which could need it again).

use super::dict::Dict;
pub use super::sharing::Mutex;
use crate::syntax::ast::{ClassDef, FuncDef};
use crate::syntax::Source;
use indexmap::IndexMap;
use num_bigint::BigInt;
use parking_lot::RwLock;
use std::any::Any;
use std::sync::{Arc, OnceLock, Weak};

pub type Name = Arc<str>;
pub type Attrs = IndexMap<Name, Value>;

/// A word-wide tag: moving a value (as `R<Value>` returns it) is three word copies. A
/// one-byte tag made it a byte and then 23 bytes at odd offsets, which the processor
/// cannot forward from the word-wide stores that wrote them (a stall on every copy).
/// `Option<Value>` and `R<Value>` still use the tag's spare values: 24 bytes each.
#[derive(Default)]
#[repr(u64)]
pub enum Value {
    // The variants that point to nothing come first: `Clone` and `Drop` tell them from
    // the others by one comparison of the tag (`Value::POINTS_FROM`).
    #[default]
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Ellipsis,
    NotImplemented,
    /// Only for values outside `i64`: arithmetic normalises back to `Int` when it fits.
    BigInt(Arc<BigInt>),
    Str(Arc<str>),
    Bytes(Arc<[u8]>),
    ByteArray(Arc<Mutex<Vec<u8>>>),
    Tuple(Arc<[Value]>),
    List(Arc<Mutex<Vec<Value>>>),
    Dict(Arc<Mutex<Dict>>),
    Set(Arc<Mutex<Dict>>),
    FrozenSet(Arc<Dict>),
    Range(Arc<RangeObj>),
    Slice(Arc<[Value; 3]>),
    Func(Arc<Function>),
    Builtin(Arc<Builtin>),
    Class(Arc<Class>),
    Instance(Arc<Instance>),
    Module(Arc<Module>),
    BoundMethod(Arc<(Value, Value)>),
    Iter(Arc<Mutex<IterState>>),
    /// Objects implemented in Rust by a module (sockets, locks, files ...).
    Native(Arc<dyn NativeObject>),
    /// A variable shared between a function and the functions defined inside it.
    Cell(Arc<Mutex<Option<Value>>>),
}

/// The variants that point to a shared object, for `Clone` and `Drop` below.
macro_rules! for_each_pointer {
    ($v:expr, $a:ident => $do:expr, $otherwise:expr) => {
        match $v {
            Value::BigInt($a) => $do,
            Value::Str($a) => $do,
            Value::Bytes($a) => $do,
            Value::ByteArray($a) => $do,
            Value::Tuple($a) => $do,
            Value::List($a) => $do,
            Value::Dict($a) => $do,
            Value::Set($a) => $do,
            Value::FrozenSet($a) => $do,
            Value::Range($a) => $do,
            Value::Slice($a) => $do,
            Value::Func($a) => $do,
            Value::Builtin($a) => $do,
            Value::Class($a) => $do,
            Value::Instance($a) => $do,
            Value::Module($a) => $do,
            Value::BoundMethod($a) => $do,
            Value::Iter($a) => $do,
            Value::Native($a) => $do,
            Value::Cell($a) => $do,
            Value::None
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Float(_)
            | Value::Ellipsis
            | Value::NotImplemented => $otherwise,
        }
    };
}

/// A copy counts one more reference to the object, as `Arc::clone` does, but with a
/// plain increment while one thread alone touches values (`sharing`).
impl Clone for Value {
    #[inline]
    fn clone(&self) -> Value {
        if self.tag() >= Value::POINTS_FROM {
            for_each_pointer!(self, a => super::sharing::retain(a), ());
        }
        // SAFETY: the count now includes the copy (or the value points to nothing).
        unsafe { std::ptr::read(self) }
    }
}

/// Dropping a value that is not the object's last reference is a plain decrement while
/// one thread alone touches values; otherwise `Arc`'s own drop runs (and frees the
/// object if this was the last reference).
impl Drop for Value {
    #[inline]
    fn drop(&mut self) {
        if self.tag() >= Value::POINTS_FROM
            && for_each_pointer!(&*self, a => super::sharing::release_shared(a), false)
        {
            // SAFETY: this value's reference was given up above: overwritten, without
            // dropping, so the `Arc` in it is not dropped (and counted) a second time.
            unsafe { std::ptr::write(self, Value::None) };
        }
    }
}

/// `range(start, stop, step)`: 128-bit bounds, so `range(2**64, 2**64 + 3)` works.
pub struct RangeObj {
    pub start: i128,
    pub stop: i128,
    pub step: i128,
}

/// An integer value from a wide integer: machine-size when it fits.
pub fn int_value(i: i128) -> Value {
    match i64::try_from(i) {
        Ok(v) => Value::Int(v),
        Err(_) => Value::BigInt(Arc::new(BigInt::from(i))),
    }
}

impl RangeObj {
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn len(&self) -> i128 {
        if self.step > 0 && self.start < self.stop {
            (self.stop - self.start - 1) / self.step + 1
        } else if self.step < 0 && self.start > self.stop {
            (self.start - self.stop - 1) / (-self.step) + 1
        } else {
            0
        }
    }
}

/// The state of an iterator over a built-in sequence.
pub enum IterState {
    Seq {
        seq: Value,
        index: usize,
    },
    Range {
        next: i128,
        stop: i128,
        step: i128,
    },
    /// Items computed ahead (generator expressions, zip, enumerate...); `kind` is the
    /// type name Python shows (`enumerate`, `zip`, `generator`).
    Items {
        items: Vec<Value>,
        index: usize,
        kind: &'static str,
    },
    /// A live walk over a dict, which must not change size meanwhile.
    Dict {
        dict: Arc<Mutex<Dict>>,
        index: usize,
        len: usize,
        part: DictPart,
    },
    Str {
        s: Arc<str>,
        byte: usize,
    },
    /// A user object's `__next__`.
    Object(Value),
    Done,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictPart {
    Keys,
    Values,
    Items,
}

/// A function written in Python.
pub struct Function {
    pub def: Arc<FuncDef>,
    pub qualname: Name,
    pub module: Arc<Globals>,
    pub defaults: Vec<Value>,
    pub kwdefaults: Vec<Option<Value>>,
    /// Cells of the defining frame this function reads (its free variables).
    pub closure: Vec<Value>,
    /// The class whose body defined this function: what `super()` starts after.
    pub owner: OnceLock<Weak<Class>>,
    pub source: Arc<Source>,
    pub attrs: Mutex<Attrs>,
}

pub type NativeFn = fn(&mut super::Ctx, &[Value], &[(Name, Value)]) -> super::R<Value>;

pub enum BuiltinKind {
    /// A free function (`len`) or a module function (`time.sleep`) that checks its own
    /// arguments.
    Function(NativeFn),
    /// A function whose signature is declared: its arguments are bound
    /// (`interp::args::bind`) before it runs.
    Declared(&'static super::args::Signature, NativeFn),
    /// A method reached through its type (`str.upper`, `int.to_bytes`): the first
    /// argument is the value it works on, which must be of that type.
    Unbound(&'static super::args::Signature, Name),
    /// A method of a built-in value, called on `self_`: dispatched by name.
    Method(Name),
}

pub struct Builtin {
    pub name: Name,
    /// `print` is `builtin_function_or_method` with no self; a bound method has one.
    pub self_: Option<Value>,
    pub kind: BuiltinKind,
}

/// What a built-in class's instances are made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Native {
    Object,
    Int,
    Bool,
    Float,
    Str,
    Bytes,
    ByteArray,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    NoneType,
    Type,
    Function,
    BuiltinFunction,
    Method,
    Module,
    Iterator,
    Exception,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    NotImplementedType,
    Ellipsis,
    Socket,
    MemoryView,
    /// The socket module's IntEnum / IntFlag classes: calling one looks a member up.
    Enum,
    Other,
}

pub struct Class {
    pub name: Name,
    pub qualname: Name,
    pub module: Name,
    pub bases: Vec<Arc<Class>>,
    /// Method resolution order, not counting the class itself (so no `Arc` cycle).
    pub mro: Vec<Arc<Class>>,
    pub dict: RwLock<Attrs>,
    /// The built-in layout its instances have (`Exception` for exception classes).
    pub native: Native,
    pub def: Option<Arc<ClassDef>>,
}

impl Class {
    /// The class and its MRO, in lookup order.
    pub fn lineage(self: &Arc<Class>) -> impl Iterator<Item = &Arc<Class>> {
        std::iter::once(self).chain(self.mro.iter())
    }

    pub fn lookup(self: &Arc<Class>, name: &str) -> Option<Value> {
        for c in self.lineage() {
            if let Some(v) = c.dict.read().get(name) {
                return Some(v.clone());
            }
        }
        None
    }

    pub fn is_subclass_of(self: &Arc<Class>, other: &Arc<Class>) -> bool {
        self.lineage().any(|c| Arc::ptr_eq(c, other))
    }

    /// `module.qualname`, or just the name for built-ins and `__main__`.
    pub fn display_name(&self) -> String {
        if &*self.module == "builtins" || &*self.module == "__main__" {
            self.qualname.to_string()
        } else {
            format!("{}.{}", self.module, self.qualname)
        }
    }
}

pub struct Instance {
    pub class: Arc<Class>,
    pub dict: Mutex<Attrs>,
    /// For instances of classes that derive from a built-in with state of its own.
    pub payload: Mutex<Option<Value>>,
    /// The result of the class's own `__hash__`, computed when the instance first
    /// becomes a dict key or set member (dict storage hashes without an interpreter).
    pub hash: OnceLock<i64>,
}

/// A module: its globals, plus a name.
pub struct Module {
    pub name: Name,
    pub globals: Arc<Globals>,
}

/// A module's global variables. Names get a fixed index when code is compiled, so a
/// running program reads `values[i]` instead of hashing the name each time.
pub struct Globals {
    pub name: Name,
    pub index: RwLock<IndexMap<Name, usize>>,
    pub values: RwLock<Vec<Option<Value>>>,
    /// Built-in values found for names that no global defines (built-ins never change).
    pub builtin_cache: RwLock<Vec<Option<Value>>>,
}

impl Globals {
    pub fn new(name: &str) -> Arc<Globals> {
        Arc::new(Globals {
            name: Arc::from(name),
            index: RwLock::new(IndexMap::new()),
            values: RwLock::new(Vec::new()),
            builtin_cache: RwLock::new(Vec::new()),
        })
    }

    pub fn intern(&self, name: &Name) -> usize {
        if let Some(&i) = self.index.read().get(name) {
            return i;
        }
        let mut index = self.index.write();
        if let Some(&i) = index.get(name) {
            return i;
        }
        let i = index.len();
        index.insert(name.clone(), i);
        self.values.write().push(None);
        self.builtin_cache.write().push(None);
        i
    }

    pub fn get(&self, name: &str) -> Option<Value> {
        let i = *self.index.read().get(name)?;
        self.values.read().get(i).cloned().flatten()
    }

    pub fn set(&self, name: &str, v: Value) {
        let i = self.intern(&Arc::from(name));
        self.values.write()[i] = Some(v);
    }

    /// Forget every value (at the end of a program or on `:reset`), closing what they own.
    pub fn clear(&self) {
        let old: Vec<Option<Value>> = self.values.write().iter_mut().map(|v| v.take()).collect();
        drop(old);
    }

    pub fn name_at(&self, i: usize) -> Name {
        self.index
            .read()
            .get_index(i)
            .map(|(k, _)| k.clone())
            .unwrap_or_else(|| Arc::from("?"))
    }

    /// Defined names in definition order (for `from M import *` and `dir()`).
    pub fn items(&self) -> Vec<(Name, Value)> {
        let index = self.index.read();
        let values = self.values.read();
        index
            .iter()
            .filter_map(|(k, &i)| values.get(i).cloned().flatten().map(|v| (k.clone(), v)))
            .collect()
    }
}

/// An object implemented in Rust (a socket, a lock, a file). Attribute access and
/// method calls come here by name.
pub trait NativeObject: Send + Sync + Any {
    fn class(&self) -> Arc<Class>;
    fn repr(&self) -> String;
    fn get_attr(&self, ctx: &mut super::Ctx, this: &Value, name: &str) -> Option<super::R<Value>>;
    fn call_method(
        &self,
        ctx: &mut super::Ctx,
        this: &Value,
        name: &str,
        args: &[Value],
        kwargs: &[(Name, Value)],
    ) -> Option<super::R<Value>>;
    fn set_attr(&self, _ctx: &mut super::Ctx, _name: &str, _v: Value) -> Option<super::R<()>> {
        None
    }
    /// `str()` when it differs from `repr()`.
    fn str(&self) -> Option<String> {
        None
    }
    /// The integer value of an int-like object (the socket module's IntEnum constants).
    fn as_int(&self) -> Option<i64> {
        None
    }
    /// The items of a tuple-like object (a `collections.namedtuple`): it hashes and
    /// compares as a dict key as that tuple does.
    fn as_tuple(&self) -> Option<Arc<[Value]>> {
        None
    }
    /// The type name in `unhashable type: '...'` for a mutable container object.
    fn unhashable(&self) -> Option<&'static str> {
        None
    }
    /// A binary operator this object defines itself (`AI_PASSIVE | AI_CANONNAME` stays
    /// a flag); `None` to fall back to the value from `as_int`.
    fn binary_op(&self, _op: &str, _other: &Value) -> Option<Value> {
        None
    }
    /// The bytes of a bytes-like object (a `memoryview`), for the functions that take
    /// any bytes-like argument (`send`, `bytes()`, `b''.join`, `+`); `None` if it is not one.
    fn buffer(&self) -> Option<Vec<u8>> {
        None
    }
    /// Names for `dir()` and tab completion.
    fn attr_names(&self) -> Vec<&'static str> {
        Vec::new()
    }
    /// Whether `call_method`, given only plain data (numbers, strings, bytes, tuples of
    /// them), never runs Python code, never starts a thread and never stores a variable.
    /// A call on such an object may then borrow it from the variable that holds it
    /// instead of taking a reference (`exec::call_on_variable`).
    fn runs_no_python(&self) -> bool {
        false
    }
    fn as_any(&self) -> &dyn Any;
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Arc::from(s))
    }
    pub fn string(s: String) -> Value {
        Value::Str(Arc::from(s))
    }
    /// A bytes value. The empty one and the 256 of length one are shared, as in CPython:
    /// `recv(1)` in a loop then allocates nothing.
    pub fn bytes(b: &[u8]) -> Value {
        static SMALL: std::sync::OnceLock<Vec<Arc<[u8]>>> = std::sync::OnceLock::new();
        if b.len() <= 1 {
            let small = SMALL.get_or_init(|| {
                std::iter::once(Arc::from(&b""[..]))
                    .chain((0..=255u8).map(|c| Arc::from(&[c][..])))
                    .collect()
            });
            let i = b.first().map_or(0, |&c| c as usize + 1);
            return Value::Bytes(small[i].clone());
        }
        Value::Bytes(Arc::from(b))
    }
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Arc::from(items))
    }
    /// The first tag of the variants that point to an object.
    pub const POINTS_FROM: u64 = 6;

    /// Which variant this is, as a number (the tag a `repr(u64)` enum starts with).
    #[inline]
    pub fn tag(&self) -> u64 {
        // SAFETY: a `repr(u64)` enum is laid out as a union of structs that each start
        // with the `u64` tag.
        unsafe { *(self as *const Value).cast::<u64>() }
    }

    /// A tuple of a few items, made in one allocation (`Arc::from(Vec)` makes two): a
    /// `map` over a range tells `collect` the exact length up front.
    #[inline]
    pub fn small_tuple(items: smallvec::SmallVec<[Value; 4]>) -> Value {
        let n = items.len();
        if n > 4 {
            return Value::tuple(items.into_vec());
        }
        let mut slots: [Option<Value>; 4] = Default::default();
        for (slot, v) in slots.iter_mut().zip(items) {
            *slot = Some(v);
        }
        Value::Tuple(
            (0..n)
                .map(|i| slots[i].take().unwrap_or_default())
                .collect(),
        )
    }
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Arc::new(Mutex::new(items)))
    }
    pub fn bigint(b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Arc::new(b)),
        }
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// Identity, as `is` sees it.
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (None, None) | (Ellipsis, Ellipsis) | (NotImplemented, NotImplemented) => true,
            (Bool(a), Bool(b)) => a == b,
            // Small ints are cached in CPython; equal machine ints behave as identical.
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Str(a), Str(b)) => Arc::ptr_eq(a, b) || (a.len() <= 1 && a == b),
            (Bytes(a), Bytes(b)) => Arc::ptr_eq(a, b),
            (Tuple(a), Tuple(b)) => Arc::ptr_eq(a, b) || (a.is_empty() && b.is_empty()),
            (BigInt(a), BigInt(b)) => Arc::ptr_eq(a, b),
            (ByteArray(a), ByteArray(b)) => Arc::ptr_eq(a, b),
            (List(a), List(b)) => Arc::ptr_eq(a, b),
            (Dict(a), Dict(b)) => Arc::ptr_eq(a, b),
            (Set(a), Set(b)) => Arc::ptr_eq(a, b),
            (FrozenSet(a), FrozenSet(b)) => Arc::ptr_eq(a, b),
            (Range(a), Range(b)) => Arc::ptr_eq(a, b),
            (Slice(a), Slice(b)) => Arc::ptr_eq(a, b),
            (Func(a), Func(b)) => Arc::ptr_eq(a, b),
            (Builtin(a), Builtin(b)) => Arc::ptr_eq(a, b),
            (Class(a), Class(b)) => Arc::ptr_eq(a, b),
            (Instance(a), Instance(b)) => Arc::ptr_eq(a, b),
            (Module(a), Module(b)) => Arc::ptr_eq(a, b),
            (BoundMethod(a), BoundMethod(b)) => Arc::ptr_eq(a, b),
            (Iter(a), Iter(b)) => Arc::ptr_eq(a, b),
            (Native(a), Native(b)) => std::ptr::addr_eq(Arc::as_ptr(a), Arc::as_ptr(b)),
            (Cell(a), Cell(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// A stable address for `id()` and default reprs.
    pub fn id(&self) -> usize {
        use Value::*;
        match self {
            Str(a) => Arc::as_ptr(a) as *const u8 as usize,
            Bytes(a) => Arc::as_ptr(a) as *const u8 as usize,
            Tuple(a) => Arc::as_ptr(a) as *const u8 as usize,
            BigInt(a) => Arc::as_ptr(a) as usize,
            ByteArray(a) => Arc::as_ptr(a) as usize,
            List(a) => Arc::as_ptr(a) as usize,
            Dict(a) | Set(a) => Arc::as_ptr(a) as usize,
            FrozenSet(a) => Arc::as_ptr(a) as usize,
            Range(a) => Arc::as_ptr(a) as usize,
            Slice(a) => Arc::as_ptr(a) as usize,
            Func(a) => Arc::as_ptr(a) as usize,
            Builtin(a) => Arc::as_ptr(a) as usize,
            Class(a) => Arc::as_ptr(a) as usize,
            Instance(a) => Arc::as_ptr(a) as usize,
            Module(a) => Arc::as_ptr(a) as usize,
            BoundMethod(a) => Arc::as_ptr(a) as usize,
            Iter(a) => Arc::as_ptr(a) as usize,
            Native(a) => Arc::as_ptr(a) as *const u8 as usize,
            Cell(a) => Arc::as_ptr(a) as usize,
            Int(i) => 0x7f00_0000_0000usize.wrapping_add((*i as usize).wrapping_mul(32)),
            Bool(b) => 0x7e00_0000_0000 + *b as usize * 32,
            Float(f) => f.to_bits() as usize,
            None => 0x7d00_0000_0000,
            Ellipsis => 0x7d00_0000_0040,
            NotImplemented => 0x7d00_0000_0080,
        }
    }

    pub fn as_native<T: 'static>(&self) -> Option<&T> {
        match self {
            Value::Native(n) => n.as_any().downcast_ref::<T>(),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_variants_that_point_to_nothing_come_first() {
        let nothing = [
            Value::None,
            Value::Bool(true),
            Value::Int(1),
            Value::Float(1.0),
            Value::Ellipsis,
            Value::NotImplemented,
        ];
        assert!(nothing.iter().all(|v| v.tag() < Value::POINTS_FROM));
        let pointing = [
            Value::bigint(BigInt::from(1u8) << 80),
            Value::str("a"),
            Value::tuple(vec![]),
            Value::list(vec![]),
        ];
        assert!(pointing.iter().all(|v| v.tag() >= Value::POINTS_FROM));
    }

    #[test]
    fn a_value_and_its_option_and_result_are_three_words() {
        assert_eq!(std::mem::size_of::<Value>(), 24);
        assert_eq!(std::mem::size_of::<Option<Value>>(), 24);
        assert_eq!(std::mem::size_of::<super::super::R<Value>>(), 24);
    }
}
