//! How values are shared between threads: the lock inside every mutable value (a list,
//! a dict, a set, a cell, an instance's attributes) and the reference counts of the
//! objects values point to, both without atomic instructions while one thread alone
//! runs Python code.
//!
//! Most programs never start a thread, yet each `clients.add(fd)` took and released a
//! lock, and each value copied or dropped changed a reference count: `lock`-prefixed
//! instructions that cost as much as the rest of a small method call (CPython's own
//! reference counts are plain increments). So `socklab run` declares, on the process's
//! main thread before the program starts, that one thread alone touches values
//! ([`values_on_one_thread`]). Until [`share_values`] (called before a second
//! interpreter context exists, i.e. before the program's first thread starts):
//! - a [`ValueLock`] is taken and released with a plain load and store of its `single`
//!   flag; afterwards it is `parking_lot`'s mutex, which also waits for a holder that
//!   took it the plain way before the values were shared;
//! - `Value::clone` and `Value`'s drop change the reference count of the object a
//!   value points to with a plain load and store ([`strong_count`]); afterwards with
//!   atomic instructions, as `Arc` does.
//!
//! Everything else (REPL and lesson sessions, tests, the fuzzers) never declares it, and
//! shares values from the start. Taking a lock the same thread already holds hangs, in
//! both modes, as with `parking_lot` (the interpreter never holds a value's lock while
//! it runs Python code).

use lock_api::{GuardSend, RawMutex as _};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

/// Set while one thread alone touches values (see the module's map). Only that thread
/// sets or clears it, and every other thread that may touch values starts after it was
/// cleared, so it is read with no ordering.
static ONE_THREAD: AtomicBool = AtomicBool::new(false);

/// Declare that, until [`share_values`], the calling thread alone touches values: no
/// other thread exists that does, and none starts before `share_values` is called.
///
/// # Safety
/// The caller keeps that promise. Declared by `socklab run` on the process's main thread
/// before the program runs; the interpreter calls `share_values` before any thread of
/// the program starts.
pub unsafe fn values_on_one_thread() {
    // Only if `Arc` is laid out as `strong_count` expects (it is, in every Rust so far);
    // otherwise values simply stay shared.
    if arc_layout_is_known() {
        ONE_THREAD.store(true, Ordering::SeqCst);
    }
}

/// From now on values are locked and counted with atomic instructions: call this before
/// starting a thread that may touch values.
pub fn share_values() {
    ONE_THREAD.store(false, Ordering::SeqCst);
}

/// Whether one thread alone touches values (see [`values_on_one_thread`]).
#[inline(always)]
pub fn one_thread() -> bool {
    ONE_THREAD.load(Ordering::Relaxed)
}

/// The strong reference count of the object `a` points to.
///
/// `Arc`'s allocation is `#[repr(C)] struct ArcInner<T> { strong, weak, data: T }`, so
/// the count lies just before the data, at the offset `data` has in that struct.
/// [`values_on_one_thread`] checks that before anything relies on it.
#[inline(always)]
pub fn strong_count<T: ?Sized>(a: &Arc<T>) -> &AtomicUsize {
    let align = std::mem::align_of_val::<T>(&**a);
    let data_offset = (2 * std::mem::size_of::<AtomicUsize>()).next_multiple_of(align);
    // SAFETY: `a` keeps its allocation alive for the borrow; the count is an
    // `AtomicUsize` at the start of it (checked by `arc_layout_is_known`).
    unsafe {
        &*(Arc::as_ptr(a)
            .cast::<u8>()
            .sub(data_offset)
            .cast::<AtomicUsize>())
    }
}

/// One more reference to the object `a` points to, as `Arc::clone` counts it; the
/// caller then makes the copy of the pointer.
#[inline(always)]
pub fn retain<T: ?Sized>(a: &Arc<T>) {
    let strong = strong_count(a);
    let old = if one_thread() {
        let n = strong.load(Ordering::Relaxed);
        strong.store(n + 1, Ordering::Relaxed);
        n
    } else {
        strong.fetch_add(1, Ordering::Relaxed)
    };
    // As `Arc::clone`: a count this high means leaked references, not a real program.
    if old > isize::MAX as usize {
        std::process::abort();
    }
}

/// `a.clone()`, counted as [`retain`] counts: for the objects values are made from (a
/// program's constants) on the interpreter's hot paths.
#[inline(always)]
pub fn share<T: ?Sized>(a: &Arc<T>) -> Arc<T> {
    retain(a);
    // SAFETY: the count now includes the copy.
    unsafe { std::ptr::read(a) }
}

/// Give up one reference to the object `a` points to without freeing it, if that is
/// possible the cheap way: true when one thread alone touches values and another
/// reference remains (the caller must then forget `a`, not drop it).
#[inline(always)]
pub fn release_shared<T: ?Sized>(a: &Arc<T>) -> bool {
    if !one_thread() {
        return false;
    }
    let strong = strong_count(a);
    let n = strong.load(Ordering::Relaxed);
    if n > 1 {
        strong.store(n - 1, Ordering::Relaxed);
        true
    } else {
        false
    }
}

/// Whether `strong_count` finds the counts `Arc` itself reports, for objects of the
/// shapes values point to (sized, a str, a slice, a trait object, an over-aligned one).
fn arc_layout_is_known() -> bool {
    fn agrees<T: ?Sized>(a: &Arc<T>) -> bool {
        let b = a.clone();
        let weak = Arc::downgrade(a);
        let ok = strong_count(a).load(Ordering::SeqCst) == Arc::strong_count(a)
            && Arc::strong_count(a) == 2
            // The weak count (one more than the `Weak`s while strong references live).
            && unsafe { &*std::ptr::from_ref(strong_count(a)).add(1) }.load(Ordering::SeqCst)
                == Arc::weak_count(a) + 1;
        drop((b, weak));
        ok && strong_count(a).load(Ordering::SeqCst) == 1
    }
    #[repr(align(32))]
    struct Wide(#[allow(dead_code)] u8);
    let dynamic: Arc<dyn std::any::Any> = Arc::new(7u16);
    agrees(&Arc::new(1u64))
        && agrees(&Arc::<str>::from("abc"))
        && agrees(&Arc::<[u64]>::from(vec![1, 2, 3]))
        && agrees(&dynamic)
        && agrees(&Arc::new(Wide(1)))
        && agrees(&Arc::new(5i128))
}

/// The lock of a mutable value: `parking_lot`'s mutex, or a plain flag while one
/// thread alone touches values.
pub struct ValueLock {
    /// Held the plain way, while one thread alone touched values.
    single: AtomicBool,
    shared: parking_lot::RawMutex,
}

impl ValueLock {
    #[cold]
    fn lock_shared(&self) {
        self.shared.lock();
        // A holder from before the values were shared lets go soon: it is the thread
        // that shared them, between two steps of the value it holds.
        while self.single.load(Ordering::Acquire) {
            std::thread::yield_now();
        }
    }
}

// SAFETY: one holder at a time. While one thread alone touches values, that thread
// alone takes and releases `single`. Afterwards a taker holds `shared` and waits until
// `single` is released, and no thread takes `single` again.
unsafe impl lock_api::RawMutex for ValueLock {
    #[allow(clippy::declare_interior_mutable_const)]
    const INIT: ValueLock = ValueLock {
        single: AtomicBool::new(false),
        shared: parking_lot::RawMutex::INIT,
    };
    type GuardMarker = GuardSend;

    #[inline]
    fn lock(&self) {
        if one_thread() && !self.single.load(Ordering::Relaxed) {
            self.single.store(true, Ordering::Relaxed);
            return;
        }
        self.lock_shared();
    }

    #[inline]
    fn try_lock(&self) -> bool {
        if one_thread() {
            if self.single.load(Ordering::Relaxed) {
                return false;
            }
            self.single.store(true, Ordering::Relaxed);
            return true;
        }
        if !self.shared.try_lock() {
            return false;
        }
        if self.single.load(Ordering::Acquire) {
            // SAFETY: taken just above, by this thread.
            unsafe { self.shared.unlock() };
            return false;
        }
        true
    }

    #[inline]
    unsafe fn unlock(&self) {
        // `single` is set only while its holder (this thread) has not let go.
        if self.single.load(Ordering::Relaxed) {
            self.single.store(false, Ordering::Release);
        } else {
            // SAFETY: the caller holds the lock, and not the plain way: so `shared`.
            unsafe { self.shared.unlock() };
        }
    }
}

/// The mutex of values: `parking_lot`'s API on a [`ValueLock`].
pub type Mutex<T> = lock_api::Mutex<ValueLock, T>;
pub type MutexGuard<'a, T> = lock_api::MutexGuard<'a, ValueLock, T>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interp::Value;

    #[test]
    fn the_counts_are_found_where_arc_keeps_them() {
        assert!(arc_layout_is_known());
    }

    /// The one-thread mode is process-wide, so it is tried in a child process that runs
    /// only `one_thread_then_shared` (see there).
    #[test]
    fn one_thread_then_shared_in_a_process_of_its_own() {
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "interp::sharing::tests::one_thread_then_shared",
                "--exact",
                "--ignored",
                "--test-threads=1",
                "--nocapture",
            ])
            .env("SOCKLAB_SHARING_CHILD", "1")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).to_string()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{text}");
        assert!(text.contains("1 passed"), "{text}");
    }

    #[test]
    #[ignore = "run by one_thread_then_shared_in_a_process_of_its_own"]
    fn one_thread_then_shared() {
        assert_eq!(std::env::var("SOCKLAB_SHARING_CHILD").as_deref(), Ok("1"));
        // SAFETY: this process runs this test alone, and it starts its thread only after
        // `share_values`.
        unsafe { values_on_one_thread() };
        assert!(one_thread());

        // Counting the plain way: copies and drops keep `Arc`'s count right, and the
        // last drop frees the object.
        let items = Value::list(vec![Value::str("peer")]);
        let Value::List(inner) = &items else {
            unreachable!()
        };
        let freed = Arc::downgrade(inner);
        let copies: Vec<Value> = (0..10).map(|_| items.clone()).collect();
        assert_eq!(freed.strong_count(), 11);
        drop(copies);
        assert_eq!(freed.strong_count(), 1);

        // A lock held the plain way keeps out a thread started after the sharing.
        let mut guard = inner.lock();
        guard.push(Value::Int(1));
        share_values();
        assert!(!one_thread());
        let other = items.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        let t = std::thread::spawn(move || {
            let Value::List(l) = &other else {
                unreachable!()
            };
            let mut g = l.lock();
            g.push(Value::Int(2));
            tx.send(g.len()).unwrap();
            drop(g);
            // Copies made and dropped on this thread, atomically now.
            let more: Vec<Value> = (0..1000).map(|_| other.clone()).collect();
            drop(more);
        });
        assert!(rx
            .recv_timeout(std::time::Duration::from_millis(50))
            .is_err());
        guard.push(Value::Int(3));
        drop(guard);
        assert_eq!(rx.recv_timeout(std::time::Duration::from_secs(20)), Ok(4));
        t.join().unwrap();
        assert_eq!(freed.strong_count(), 1);
        assert!(inner.try_lock().is_some());
        drop(items);
        assert_eq!(freed.strong_count(), 0, "the last drop frees the list");
    }
}
