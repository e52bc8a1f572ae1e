//! Dictionary and set storage: insertion-ordered, keyed by Python equality, with
//! CPython's costs.
//!
//! `1`, `1.0` and `True` are one key, as in CPython; strings, bytes, tuples of
//! hashables and frozensets hash by value; classes, functions and instances by identity.
//!
//! The layout is CPython's compact dict: entries in insertion order in a vector, and a
//! hash table of their positions. Deleting a key leaves a hole (a tombstone) instead of
//! shifting every later entry, so `del d[k]` is O(1); as in CPython, the holes are
//! squeezed out when an insertion finds the entries full and they outnumber the live
//! entries (a set with CPython's table: once they outnumber live entries and slots).
//!
//! A set iterates and pops in the order of CPython's own hash table, which for ints
//! (whose hash is the value) is visible and deterministic: `{5, 1, 3}` prints as
//! `{1, 3, 5}` and `pop()` returns 1. A set of such elements therefore keeps a replica
//! of CPython's slot table ([`SetTable`]), updated by each add, discard and pop exactly
//! as `Objects/setobject.c` does. Dicts never build one. While a set has that table, the
//! table is also how its elements are found: the general position table (`index`) is
//! dropped, so each add, discard and pop updates one hash table, not two.

use super::value::Value;
use hashbrown::HashTable;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

#[derive(Clone)]
pub struct Key(pub Value);

impl Key {
    /// The key for `v`, or the type name CPython puts in `unhashable type: 'list'`.
    pub fn new(v: &Value) -> Result<Key, &'static str> {
        check_hashable(v)?;
        Ok(Key(v.clone()))
    }

    /// The key for `v`, taken over rather than cloned.
    pub fn owned(v: Value) -> Result<Key, &'static str> {
        check_hashable(&v)?;
        Ok(Key(v))
    }
}

fn check_hashable(v: &Value) -> Result<(), &'static str> {
    match v {
        Value::List(_) => Err("list"),
        Value::Dict(_) => Err("dict"),
        Value::Set(_) => Err("set"),
        Value::ByteArray(_) => Err("bytearray"),
        Value::Slice(_) => Err("slice"),
        Value::Tuple(items) => items.iter().try_for_each(check_hashable),
        Value::Native(n) => match (n.unhashable(), n.as_tuple()) {
            (Some(name), _) => Err(name),
            (None, Some(items)) => items.iter().try_for_each(check_hashable),
            (None, None) => Ok(()),
        },
        _ => Ok(()),
    }
}

fn hash_value<H: Hasher>(v: &Value, h: &mut H) {
    match v {
        Value::None => 0u8.hash(h),
        Value::Bool(b) => (*b as i64).hash(h),
        Value::Int(i) => i.hash(h),
        Value::BigInt(b) => b.hash(h),
        Value::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 9.2e18 {
                (*f as i64).hash(h)
            } else {
                f.to_bits().hash(h)
            }
        }
        // Hashed as the int it stands for: `{AF_INET: 1}[2]` finds it.
        Value::Native(n) if n.as_int().is_some() => n.as_int().unwrap_or_default().hash(h),
        // A namedtuple hashes as its tuple: `d[Point(1, 2)]` finds `d[(1, 2)]`.
        Value::Native(n) if n.as_tuple().is_some() => hash_value(
            &Value::Tuple(n.as_tuple().unwrap_or_else(|| Arc::from(Vec::new()))),
            h,
        ),
        Value::Str(s) => s.hash(h),
        Value::Bytes(b) => b.hash(h),
        Value::Tuple(items) => {
            items.len().hash(h);
            for it in items.iter() {
                hash_value(it, h);
            }
        }
        Value::FrozenSet(d) => {
            // Order-independent: combine element hashes commutatively.
            let mut acc = 0u64;
            for k in d.keys() {
                let mut sub = std::collections::hash_map::DefaultHasher::new();
                hash_value(&k.0, &mut sub);
                acc = acc.wrapping_add(sub.finish());
            }
            acc.hash(h)
        }
        Value::Instance(i) => match i.hash.get() {
            Some(user) => user.hash(h),
            None => other_id(v).hash(h),
        },
        other => other.id().hash(h),
    }
}

fn other_id(v: &Value) -> usize {
    v.id()
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, h: &mut H) {
        hash_value(&self.0, h)
    }
}

fn tuple_of(v: &Value) -> Option<Arc<[Value]>> {
    match v {
        Value::Native(n) => n.as_tuple(),
        _ => None,
    }
}

fn plain_tuple(v: &Value) -> Option<Arc<[Value]>> {
    match v {
        Value::Tuple(t) => Some(t.clone()),
        _ => None,
    }
}

/// Equality of hashable values, as `==` sees them.
pub fn key_eq(a: &Value, b: &Value) -> bool {
    use Value::*;
    match (a, b) {
        // The same object first: a key spelled as a constant (`("127.0.0.1", port)`)
        // shares its str with the stored one.
        (Str(x), Str(y)) => Arc::ptr_eq(x, y) || x == y,
        (Int(x), Int(y)) => x == y,
        (Bytes(x), Bytes(y)) => x == y,
        (Tuple(x), Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| key_eq(p, q))
        }
        (FrozenSet(x), FrozenSet(y)) => x.len() == y.len() && x.keys().all(|k| y.contains_key(k)),
        (None, None) => true,
        // Instances with their own `__hash__`: equal hashes stand for `__eq__` (the
        // storage cannot call back into Python); right for value classes like ipaddress.
        _ if tuple_of(a).is_some() || tuple_of(b).is_some() => {
            match (
                tuple_of(a).or_else(|| plain_tuple(a)),
                tuple_of(b).or_else(|| plain_tuple(b)),
            ) {
                (Some(x), Some(y)) => key_eq(&Tuple(x), &Tuple(y)),
                _ => false,
            }
        }
        (Instance(x), Instance(y)) => match (x.hash.get(), y.hash.get()) {
            (Some(p), Some(q)) => {
                p == q && Arc::ptr_eq(&x.class, &y.class) || std::sync::Arc::ptr_eq(x, y)
            }
            _ => std::sync::Arc::ptr_eq(x, y),
        },
        _ => match (super::ops::as_number(a), super::ops::as_number(b)) {
            (Some(x), Some(y)) => super::ops::num_eq(&x, &y),
            _ => a.is(b),
        },
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        key_eq(&self.0, &other.0)
    }
}
impl Eq for Key {}

/// CPython's hash of values whose hash does not depend on a random seed.
fn stable_hash(v: &Value) -> Option<i64> {
    const P: i128 = (1 << 61) - 1;
    let h = match v {
        Value::Int(i) => {
            let m = (*i as i128).abs() % P;
            if *i < 0 {
                -(m as i64)
            } else {
                m as i64
            }
        }
        Value::Bool(b) => *b as i64,
        Value::Float(f) if f.fract() == 0.0 && f.abs() < 1e18 => {
            return stable_hash(&Value::Int(*f as i64))
        }
        Value::Native(n) => n.as_int()?,
        _ => return None,
    };
    Some(if h == -1 { -2 } else { h })
}

/// One entry of the insertion-ordered vector; `kv` is `None` once deleted (a tombstone).
/// The hash stays so the position table can be rebuilt without hashing keys again.
#[derive(Clone)]
pub struct Entry {
    hash: u64,
    kv: Option<(Key, Value)>,
}

/// How a set's iteration order is known.
#[derive(Clone, Default)]
enum Order {
    /// Not asked yet (every dict stays here).
    #[default]
    Unknown,
    /// Every element has a seed-independent hash: CPython's table, replayed.
    Table(Box<SetTable>),
    /// Some element's CPython hash depends on the random seed: any order is CPython's
    /// for some seed, so insertion order it is.
    Insertion,
}

#[derive(Default)]
pub struct Dict {
    entries: Vec<Entry>,
    /// Positions in `entries` of the live keys, found by their hash.
    /// (u32 positions: half the memory to miss in cache on a big table.)
    index: HashTable<u32>,
    live: usize,
    /// No live entry lies before this position (so popping from the front is O(1)).
    head: usize,
    /// Positions left in `index` by `remove_at` whose entry has gone.
    stale: usize,
    order: Order,
}

impl Clone for Dict {
    /// A copy is laid out afresh, as CPython's `set.copy()` and `dict.copy()` are.
    fn clone(&self) -> Dict {
        self.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    }
}

/// The key at position `i`, unless it is a hole (or past the end: positions left in
/// the table by `remove_at` may outlive their entry).
#[inline]
fn live_key(entries: &[Entry], i: usize) -> Option<&Key> {
    entries.get(i)?.kv.as_ref().map(|(k, _)| k)
}

/// The hash stored for position `j`, for the position table's own rehashing.
#[inline]
fn stored_hash(entries: &[Entry], j: usize) -> u64 {
    entries.get(j).map_or(0, |e| e.hash)
}

fn key_hash(k: &Key) -> u64 {
    let mut h = FxHasher(0);
    k.hash(&mut h);
    h.finish()
}

/// The Fx hash (rustc's): a rotate, a xor and a multiply per word. Much cheaper than
/// SipHash for the ints and short strings dicts are keyed by; flooding a learner's own
/// dict with colliding keys is no threat worth SipHash's cost here.
struct FxHasher(u64);

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        const K: u64 = 0xf135_7aea_2e62_a9c5;
        self.0 = (self.0.rotate_left(26) ^ word).wrapping_mul(K);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 56));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64)
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i)
    }
    #[inline]
    fn write_i64(&mut self, i: i64) {
        self.add(i as u64)
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64)
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    pub fn with_capacity(n: usize) -> Dict {
        Dict {
            entries: Vec::with_capacity(n),
            index: HashTable::with_capacity(n),
            ..Dict::default()
        }
    }

    pub fn len(&self) -> usize {
        self.live
    }

    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    fn position(&self, k: &Key) -> Option<usize> {
        let entries = &self.entries;
        if let Order::Table(t) = &self.order {
            // Every element's hash is stable, so a key without one is not here.
            return t.find(stable_hash(&k.0)?, |e| {
                live_key(entries, e).is_some_and(|key| key == k)
            });
        }
        self.index
            .find(key_hash(k), |&i| {
                live_key(entries, i as usize).is_some_and(|key| key == k)
            })
            .map(|&i| i as usize)
    }

    pub fn get(&self, k: &Key) -> Option<&Value> {
        let i = self.position(k)?;
        self.entries[i].kv.as_ref().map(|(_, v)| v)
    }

    pub fn get_mut(&mut self, k: &Key) -> Option<&mut Value> {
        let i = self.position(k)?;
        self.entries[i].kv.as_mut().map(|(_, v)| v)
    }

    pub fn contains_key(&self, k: &Key) -> bool {
        self.position(k).is_some()
    }

    /// Insert or replace; a replaced key keeps its place (and its original key object,
    /// as CPython keeps `1` when `1.0` is stored under it). Returns the old value.
    pub fn insert(&mut self, k: Key, v: Value) -> Option<Value> {
        if let Order::Table(t) = &mut self.order {
            match stable_hash(&k.0) {
                Some(h) => {
                    let entries = &self.entries;
                    if let Some(e) =
                        t.find(h, |e| live_key(entries, e).is_some_and(|key| *key == k))
                    {
                        // The key stays as first stored (`{1}.add(1.0)` keeps 1).
                        return self.entries[e]
                            .kv
                            .as_mut()
                            .map(|(_, old)| std::mem::replace(old, v));
                    }
                    let i = self.entries.len();
                    self.entries.push(Entry {
                        hash: key_hash(&k),
                        kv: Some((k, v)),
                    });
                    self.live += 1;
                    t.add(h, i);
                    return None;
                }
                None => {
                    // The order is insertion order from now on, found through `index`.
                    self.order = Order::Insertion;
                    self.rehash_positions();
                }
            }
        }
        let hash = key_hash(&k);
        let entries = &mut self.entries;
        if let Some(&i) = self.index.find(hash, |&i| {
            live_key(entries, i as usize).is_some_and(|key| *key == k)
        }) {
            return entries[i as usize]
                .kv
                .as_mut()
                .map(|(_, old)| std::mem::replace(old, v));
        }
        if entries.len() == entries.capacity()
            && entries.len() > 16
            && self.live * 2 < entries.len()
        {
            // A new key, the entries full and mostly holes: squeeze them out instead of
            // growing. Each squeeze follows at least as many deletions as it moves.
            // (Only for a new key: replacing a value during iteration is allowed.)
            self.compact();
        }
        let entries = &mut self.entries;
        let i = entries.len();
        entries.push(Entry {
            hash,
            kv: Some((k, v)),
        });
        let entries = &self.entries;
        self.index
            .insert_unique(hash, i as u32, |&j| stored_hash(entries, j as usize));
        self.live += 1;
        None
    }

    /// Delete `k` in O(1): its entry becomes a hole; later entries keep their places.
    pub fn remove(&mut self, k: &Key) -> Option<Value> {
        let entries = &self.entries;
        if let Order::Table(t) = &mut self.order {
            let i = t.remove(stable_hash(&k.0)?, |e| {
                live_key(entries, e).is_some_and(|key| key == k)
            })?;
            return self.take_entry(i, false).map(|(_, v)| v);
        }
        let found = self.index.find_entry(key_hash(k), |&i| {
            live_key(entries, i as usize).is_some_and(|key| key == k)
        });
        // One probe finds the key and frees its place in the position table.
        let (i, _) = found.ok()?.remove();
        self.take_entry(i as usize, true).map(|(_, v)| v)
    }

    /// Remove the entry at position `i` (`popitem`, `set.pop`, `retain`). Its place in
    /// the position table is left stale rather than probed for (a cache miss per pop on a
    /// big table): lookups skip positions whose entry is a hole, and compaction rebuilds
    /// the table without them.
    fn remove_at(&mut self, i: usize, in_table: bool) -> Option<(Key, Value)> {
        let taken = self.take_entry(i, in_table)?;
        if self.live > 0 && !matches!(self.order, Order::Table(_)) {
            self.stale += 1;
            if self.stale > self.live + 16 {
                self.rehash_positions();
            }
        }
        Some(taken)
    }

    /// Turn entry `i` (already out of the position table) into a hole.
    fn take_entry(&mut self, i: usize, in_table: bool) -> Option<(Key, Value)> {
        let (k, v) = self.entries[i].kv.take()?;
        self.live -= 1;
        if in_table {
            if let Order::Table(t) = &mut self.order {
                if let Some(h) = stable_hash(&k.0) {
                    t.discard(h, i);
                }
            }
        }
        if self.live == 0 {
            self.clear_entries();
        } else {
            while self.head < self.entries.len() && self.entries[self.head].kv.is_none() {
                self.head += 1;
            }
            while self.entries.last().is_some_and(|e| e.kv.is_none()) {
                self.entries.pop();
            }
            // A set's compaction costs the entries plus its slot table (which, as
            // CPython's, does not shrink as elements go): wait for that many holes, so
            // each deletion pays O(1) for it. Other storage compacts when an insertion
            // finds the entries full, as CPython's dict does, so a run of deletions
            // (a server's clients leaving) moves nothing.
            if let Order::Table(t) = &self.order {
                let holes = self.entries.len() - self.live;
                if self.entries.len() > 16 && holes > self.live + t.slots.len() {
                    self.compact();
                }
            }
        }
        Some((k, v))
    }

    /// Squeeze out the holes: O(len), done only when holes outnumber live entries, so
    /// each deletion pays O(1) for it on average.
    fn compact(&mut self) {
        let mut moved = vec![usize::MAX; self.entries.len()];
        let old = std::mem::take(&mut self.entries);
        for (i, e) in old.into_iter().enumerate() {
            if e.kv.is_some() {
                moved[i] = self.entries.len();
                self.entries.push(e);
            }
        }
        self.rehash_positions();
        self.head = 0;
        if let Order::Table(t) = &mut self.order {
            t.renumber(&moved);
        }
    }

    fn rehash_positions(&mut self) {
        self.stale = 0;
        if let Order::Table(_) = self.order {
            // The set's table finds the elements; a second index would only cost.
            self.index = HashTable::new();
            return;
        }
        let entries = &self.entries;
        let mut index = HashTable::with_capacity(entries.len());
        for (i, e) in entries.iter().enumerate() {
            if e.kv.is_some() {
                index.insert_unique(e.hash, i as u32, |&j: &u32| {
                    stored_hash(entries, j as usize)
                });
            }
        }
        self.index = index;
        self.stale = 0;
    }

    fn clear_entries(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.head = 0;
        self.stale = 0;
    }

    pub fn clear(&mut self) {
        self.clear_entries();
        self.live = 0;
        match &mut self.order {
            Order::Table(t) => t.clear(),
            other => *other = Order::Unknown,
        }
    }

    /// The last entry, removed (`dict.popitem()`).
    pub fn pop(&mut self) -> Option<(Key, Value)> {
        let i = self.entries.iter().rposition(|e| e.kv.is_some())?;
        self.remove_at(i, true)
    }

    /// The first entry in insertion order, if any.
    pub fn first(&self) -> Option<(&Key, &Value)> {
        self.iter().next()
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&Key, &Value)> + '_ {
        self.entries[self.head.min(self.entries.len())..]
            .iter()
            .filter_map(|e| e.kv.as_ref().map(|(k, v)| (k, v)))
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &Key> + '_ {
        self.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &Value> + '_ {
        self.iter().map(|(_, v)| v)
    }

    /// The first live entry at or after `pos`, with its position: a cursor for
    /// iterators that let go of the lock between steps.
    pub fn next_from(&self, pos: usize) -> Option<(usize, &Key, &Value)> {
        self.entries
            .iter()
            .enumerate()
            .skip(pos.max(self.head))
            .find_map(|(i, e)| e.kv.as_ref().map(|(k, v)| (i, k, v)))
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&Key, &mut Value) -> bool) {
        let doomed: Vec<usize> = (0..self.entries.len())
            .filter(|&i| match &mut self.entries[i].kv {
                Some((k, v)) => !keep(k, v),
                None => false,
            })
            .collect();
        if doomed.is_empty() {
            return;
        }
        self.ensure_order();
        for i in doomed.into_iter().rev() {
            self.remove_at(i, true);
        }
    }

    /// Work out (once) whether this set's order is CPython's table or insertion order.
    fn ensure_order(&mut self) {
        if !matches!(self.order, Order::Unknown) {
            return;
        }
        let mut t = SetTable::new();
        for (i, e) in self.entries.iter().enumerate() {
            if let Some((k, _)) = &e.kv {
                match stable_hash(&k.0) {
                    Some(h) => t.add(h, i),
                    None => {
                        self.order = Order::Insertion;
                        return;
                    }
                }
            }
        }
        self.order = Order::Table(Box::new(t));
        self.rehash_positions();
    }

    /// Add a set element. A set that is added to keeps CPython's table from the start,
    /// which then also finds its elements (no second index to keep up).
    pub fn add(&mut self, k: Key) {
        self.ensure_order();
        self.insert(k, Value::None);
    }

    /// Delete a set element, keeping the replica of CPython's table (if any) in step.
    pub fn discard(&mut self, k: &Key) -> bool {
        self.ensure_order();
        self.remove(k).is_some()
    }

    /// `set.pop()`: the element CPython pops (the next occupied slot after the last one
    /// popped), in O(1) amortised.
    pub fn pop_set(&mut self) -> Option<Value> {
        self.ensure_order();
        let i = match &mut self.order {
            Order::Table(t) => t.pop()?,
            _ => self.next_from(0)?.0,
        };
        self.remove_at(i, false).map(|(k, _)| k.0)
    }

    /// The elements in the order CPython's set iterates them.
    pub fn set_order(&mut self) -> Vec<Value> {
        self.ensure_order();
        match &self.order {
            Order::Table(t) => t
                .active()
                .filter_map(|i| self.entries[i].kv.as_ref().map(|(k, _)| k.0.clone()))
                .collect(),
            _ => self.keys().map(|k| k.0.clone()).collect(),
        }
    }
}

/// A new set holding `src`'s elements as CPython's `set_merge` lays them out: what
/// `set(s)`, `frozenset(s)`, `s.copy()` and a display of three or more constants (which
/// CPython builds from a frozenset constant) do. The copy walks `src`'s slots, so its
/// order can differ from both `src`'s and insertion order, as CPython's does.
pub fn merged(src: &Dict) -> Dict {
    let table = match &src.order {
        Order::Table(t) => Some((**t).clone()),
        Order::Insertion => None,
        Order::Unknown => {
            let mut copy = src.clone();
            copy.ensure_order();
            return merged(&copy);
        }
    };
    match table {
        Some(t) => merge_slots(&t, |i| src.entries[i].kv.as_ref().map(|(k, _)| k.clone())),
        None => src.clone(),
    }
}

fn merge_slots(other: &SetTable, key_at: impl Fn(usize) -> Option<Key>) -> Dict {
    let mut d = Dict::with_capacity(other.used);
    let mut t = SetTable::new();
    if other.used * 5 >= t.mask() * 3 {
        t.resize(other.used * 2);
    }
    let same_shape = t.slots.len() == other.slots.len() && other.fill == other.used;
    for (slot, s) in other.slots.iter().enumerate() {
        let Slot::Active(h, e) = *s else { continue };
        let Some(k) = key_at(e as usize) else {
            continue;
        };
        let at = d.entries.len();
        d.insert(k, Value::None);
        if same_shape {
            t.slots[slot] = Slot::Active(h, at as u32);
        } else {
            t.insert_clean(h, at);
        }
    }
    t.fill = d.len();
    t.used = d.len();
    d.order = Order::Table(Box::new(t));
    d.rehash_positions();
    d
}

/// The order a frozen set iterates in (computed afresh: it cannot keep a replica).
pub fn cpython_set_order(d: &Dict) -> Vec<Value> {
    match &d.order {
        Order::Table(t) => t
            .active()
            .filter_map(|i| d.entries[i].kv.as_ref().map(|(k, _)| k.0.clone()))
            .collect(),
        Order::Insertion => d.keys().map(|k| k.0.clone()).collect(),
        Order::Unknown => {
            let mut copy = Dict::with_capacity(d.len());
            for (k, v) in d.iter() {
                copy.insert(k.clone(), v.clone());
            }
            copy.set_order()
        }
    }
}

impl FromIterator<(Key, Value)> for Dict {
    fn from_iter<I: IntoIterator<Item = (Key, Value)>>(items: I) -> Dict {
        let mut d = Dict::new();
        d.extend(items);
        d
    }
}

impl Extend<(Key, Value)> for Dict {
    fn extend<I: IntoIterator<Item = (Key, Value)>>(&mut self, items: I) {
        for (k, v) in items {
            self.insert(k, v);
        }
    }
}

impl IntoIterator for Dict {
    type Item = (Key, Value);
    type IntoIter =
        std::iter::FilterMap<std::vec::IntoIter<Entry>, fn(Entry) -> Option<(Key, Value)>>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter().filter_map(|e| e.kv)
    }
}

/// A slot of CPython's set table: never used, deleted (a "dummy"), or holding the
/// element whose entry is at this position, with its hash. (A u32 position, as the
/// dict's index has: 16-byte slots, as CPython's, so a probe misses in cache less.)
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    Empty,
    Dummy,
    Active(i64, u32),
}

/// A replica of `PySetObject`'s table (`Objects/setobject.c` in 3.11): open addressing,
/// nine linear probes then perturbed jumps, deleted slots left as dummies, growth when
/// three fifths are filled, and `pop` scanning from a finger.
#[derive(Clone)]
struct SetTable {
    slots: Vec<Slot>,
    fill: usize,
    used: usize,
    finger: usize,
}

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const MINSIZE: usize = 8;

/// The slots a hash visits, in CPython's order (`setobject.c`): from `hash & mask`, a
/// linear run of `LINEAR_PROBES` more slots when they fit before the table's end, then
/// the perturbed jump to the next run. Endless: the table always has an empty slot.
struct Probe {
    mask: usize,
    perturb: u64,
    /// The first slot of the current run (the jump is computed from it).
    start: usize,
    next: usize,
    run_end: usize,
}

impl Probe {
    fn new(hash: i64, mask: usize) -> Probe {
        let start = (hash as u64 as usize) & mask;
        Probe {
            mask,
            perturb: hash as u64,
            start,
            next: start,
            run_end: Probe::run_end(start, mask),
        }
    }

    fn run_end(start: usize, mask: usize) -> usize {
        if start + LINEAR_PROBES <= mask {
            start + LINEAR_PROBES
        } else {
            start
        }
    }
}

impl Iterator for Probe {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        if self.next > self.run_end {
            self.perturb >>= PERTURB_SHIFT;
            self.start = self
                .start
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(self.perturb as usize)
                & self.mask;
            self.next = self.start;
            self.run_end = Probe::run_end(self.start, self.mask);
        }
        let j = self.next;
        self.next += 1;
        Some(j)
    }
}

impl SetTable {
    fn new() -> SetTable {
        SetTable {
            slots: vec![Slot::Empty; MINSIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// `set_add_entry` for an element known to be absent.
    fn add(&mut self, hash: i64, entry: usize) {
        let mask = self.mask();
        let mut freeslot = None;
        let mut found = 0;
        for j in Probe::new(hash, mask) {
            match self.slots[j] {
                Slot::Empty => {
                    found = j;
                    break;
                }
                Slot::Dummy => freeslot = Some(j),
                Slot::Active(..) => {}
            }
        }
        self.used += 1;
        if let Some(free) = freeslot {
            self.slots[free] = Slot::Active(hash, entry as u32);
            return;
        }
        self.slots[found] = Slot::Active(hash, entry as u32);
        self.fill += 1;
        if self.fill * 5 >= mask * 3 {
            let used = self.used;
            self.resize(if used > 50000 { used * 2 } else { used * 4 });
        }
    }

    /// `set_table_resize`: the smallest power of two above `minused`, dummies dropped.
    fn resize(&mut self, minused: usize) {
        let mut size = MINSIZE;
        while size <= minused {
            size <<= 1;
        }
        if size == MINSIZE && self.slots.len() == MINSIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        self.fill = self.used;
        for slot in old {
            if let Slot::Active(h, e) = slot {
                self.insert_clean(h, e as usize);
            }
        }
    }

    fn insert_clean(&mut self, hash: i64, entry: usize) {
        for j in Probe::new(hash, self.mask()) {
            if self.slots[j] == Slot::Empty {
                self.slots[j] = Slot::Active(hash, entry as u32);
                return;
            }
        }
    }

    /// The entry of the element with `hash` for which `is_it` holds.
    fn find(&self, hash: i64, mut is_it: impl FnMut(usize) -> bool) -> Option<usize> {
        self.slot_of(hash, &mut is_it).map(|(_, e)| e)
    }

    /// The slot and entry position of the element with `hash` for which `is_it` holds.
    fn slot_of(&self, hash: i64, is_it: &mut impl FnMut(usize) -> bool) -> Option<(usize, usize)> {
        for j in Probe::new(hash, self.mask()) {
            match self.slots[j] {
                Slot::Empty => return None,
                Slot::Active(h, e) if h == hash && is_it(e as usize) => {
                    return Some((j, e as usize))
                }
                _ => {}
            }
        }
        None
    }

    /// `set_discard_key`: the element's slot becomes a dummy; its entry's position.
    fn remove(&mut self, hash: i64, mut is_it: impl FnMut(usize) -> bool) -> Option<usize> {
        let (j, e) = self.slot_of(hash, &mut is_it)?;
        self.slots[j] = Slot::Dummy;
        self.used -= 1;
        Some(e)
    }

    /// `set_discard_entry`: the element's slot becomes a dummy.
    fn discard(&mut self, hash: i64, entry: usize) {
        for j in Probe::new(hash, self.mask()) {
            match self.slots[j] {
                Slot::Empty => return,
                Slot::Active(_, e) if e as usize == entry => {
                    self.slots[j] = Slot::Dummy;
                    self.used -= 1;
                    return;
                }
                _ => {}
            }
        }
    }

    /// `set_pop`: the first occupied slot from the finger on, wrapping around.
    fn pop(&mut self) -> Option<usize> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        loop {
            if let Slot::Active(_, e) = self.slots[i] {
                self.slots[i] = Slot::Dummy;
                self.used -= 1;
                self.finger = i + 1;
                return Some(e as usize);
            }
            i = if i == mask { 0 } else { i + 1 };
        }
    }

    /// `set_clear`: back to the small table (the finger is not reset, as in CPython).
    fn clear(&mut self) {
        self.slots = vec![Slot::Empty; MINSIZE];
        self.fill = 0;
        self.used = 0;
    }

    fn active(&self) -> impl Iterator<Item = usize> + '_ {
        self.slots.iter().filter_map(|s| match s {
            Slot::Active(_, e) => Some(*e as usize),
            _ => None,
        })
    }

    fn renumber(&mut self, moved: &[usize]) {
        for s in &mut self.slots {
            if let Slot::Active(_, e) = s {
                *e = moved[*e as usize] as u32;
            }
        }
    }
}
