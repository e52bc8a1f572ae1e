//! A lesson's check reads the student's sockets and must never change one: while a
//! check runs (`ReadOnly`), socket methods other than the pure ones refuse. The socket
//! module decides which methods are pure; the session (a front end) only switches the
//! mode on, so this layer names no front end.

/// Socket methods that only read a socket: the only ones a lesson's check may call
/// (`lesson lint` refuses any other; [`read_only`] stops them at run time).
pub const PURE_SOCKET_METHODS: &[&str] = &[
    "getsockname",
    "getpeername",
    "fileno",
    "gettimeout",
    "getblocking",
    "getsockopt",
    "__repr__",
    "__str__",
    "__eq__",
    "__ne__",
    "__hash__",
    "__bool__",
];

thread_local! {
    /// Set on the interpreter thread while a check runs.
    static READ_ONLY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the code running on this thread is a lesson's check, which must not change
/// the student's sockets: socket methods other than [`PURE_SOCKET_METHODS`] refuse.
pub fn read_only() -> bool {
    READ_ONLY.with(|r| r.get())
}

/// Read-only while alive, even if the check panics (`Session` holds one while a
/// lesson's check runs).
pub struct ReadOnly;

impl ReadOnly {
    pub fn enter() -> ReadOnly {
        READ_ONLY.with(|r| r.set(true));
        ReadOnly
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        READ_ONLY.with(|r| r.set(false));
    }
}
