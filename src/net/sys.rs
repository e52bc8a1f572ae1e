//! The operating-system boundary: everything socklab asks of the kernel that only Linux
//! has, each with a Linux implementation and a portable one for the other Unix systems
//! (macOS, the BSDs). Chosen at compile time, so Linux pays for no indirection.
//!
//! | what | Linux | elsewhere |
//! | --- | --- | --- |
//! | `send`/`recv` | `syscall(2)` straight to `sendto`/`recvfrom` | libc's `send`/`recv` |
//! | "is every CPU busy?" (`SpinWindow`) | `/proc/loadavg`'s running threads | always yes: reads never spin |
//! | a socket's kernel TCP state (`:show`) | `getsockopt(TCP_INFO)` | not shown |
//! | the wake-up pipe | `pipe2(O_NONBLOCK \| O_CLOEXEC)` | `pipe` + `fcntl` |
//! | `select.epoll` (so `selectors.DefaultSelector` is `EpollSelector`) | `epoll_create1`, `epoll_ctl`, `epoll_wait` | absent: `PollSelector`, as CPython |
//! | `MSG_NOSIGNAL` on sends | set | not needed: Rust ignores SIGPIPE |
//! | socket constants only Linux's CPython has | all of CPython's, generated (`socket_constants_linux.rs`): `SOL_TCP`, `AF_PACKET`, `SOCK_NONBLOCK`, `TCP_KEEPIDLE` ... | absent |
//!
//! | the allocator's thresholds (`tune_allocator`) | glibc's `mallopt` | the system's defaults |
//!
//! `:netstat` (`net::netstat`) reads Linux's `/proc/net` too: a plain file read that
//! builds everywhere; where there is none it says so and points to `:sockets`.
//!
//! Why `syscall(2)` on Linux: once a process has more than one thread (a program's
//! `Thread`s, the REPL's interpreter thread), glibc's `send()`/`recv()` wrappers turn
//! pthread cancellation on and off around every call, for good. Nothing here uses
//! cancellation, so the hot socket calls skip the wrappers: the same kernel work,
//! without the two extra library calls (they were 8 % of a ping-pong's samples when
//! `socklab run` still ran the program on a thread of its own).

use std::io;
use std::mem::MaybeUninit;
use std::os::fd::RawFd;

pub use imp::*;

/// socklab's own descriptors start here, so that a program's are numbered as under
/// CPython: its first socket is fd 3 (`repr(s)`, `fileno()`), not 3 plus however many
/// pipes and files socklab holds.
pub const OWN_FDS_FROM: RawFd = 100;

/// Move one of socklab's own descriptors to `OWN_FDS_FROM` or above, closed on exec,
/// and return its new number; on failure (a tight descriptor limit) it stays where it is.
pub fn out_of_the_way(fd: RawFd) -> RawFd {
    if !(0..OWN_FDS_FROM).contains(&fd) {
        return fd;
    }
    // SAFETY: duplicating a descriptor the caller owns, then closing the original,
    // which nothing else refers to yet.
    unsafe {
        let moved = libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, OWN_FDS_FROM);
        if moved < 0 {
            return fd;
        }
        libc::close(fd);
        moved
    }
}

/// Run `make` while every free descriptor below `OWN_FDS_FROM` is taken, so that what a
/// library opens inside it and keeps (the line editor's pipe for lines printed while
/// the prompt waits) lands out of the way too; then free them again.
pub fn opening_out_of_the_way<T>(make: impl FnOnce() -> T) -> T {
    let mut placeholders = Vec::new();
    loop {
        // SAFETY: opening /dev/null; each descriptor is ours and closed below.
        let fd = unsafe { libc::open(c"/dev/null".as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC) };
        if !(0..OWN_FDS_FROM).contains(&fd) {
            if fd >= 0 {
                // SAFETY: the descriptor just opened.
                unsafe { libc::close(fd) };
            }
            break;
        }
        placeholders.push(fd);
    }
    let made = make();
    for fd in placeholders {
        // SAFETY: the placeholders opened above, closed once.
        unsafe { libc::close(fd) };
    }
    made
}

/// `out_of_the_way` for a file socklab writes (the `--pcap` file, the `:log` transcript).
pub fn file_out_of_the_way(file: std::fs::File) -> std::fs::File {
    use std::os::fd::{FromRawFd, IntoRawFd};
    // SAFETY: the descriptor comes out of `file` and goes straight into the new one.
    unsafe { std::fs::File::from_raw_fd(out_of_the_way(file.into_raw_fd())) }
}

#[cfg(target_os = "linux")]
mod imp {
    use super::*;

    /// `send(fd, data, flags)`.
    #[inline]
    pub fn send(fd: RawFd, data: &[u8], flags: i32) -> io::Result<usize> {
        // SAFETY: `data` is valid for `data.len()` bytes; no address is passed.
        let n = unsafe {
            libc::syscall(
                libc::SYS_sendto,
                fd as libc::c_long,
                data.as_ptr(),
                data.len(),
                flags as libc::c_long,
                std::ptr::null::<libc::sockaddr>(),
                0 as libc::c_long,
            )
        };
        result(n)
    }

    /// `recv(fd, space, flags)`: the kernel initialises the first `n` bytes of `space`.
    #[inline]
    pub fn recv(fd: RawFd, space: &mut [MaybeUninit<u8>], flags: i32) -> io::Result<usize> {
        // SAFETY: `space` is writable for `space.len()` bytes; no address is asked for.
        let n = unsafe {
            libc::syscall(
                libc::SYS_recvfrom,
                fd as libc::c_long,
                space.as_mut_ptr(),
                space.len(),
                flags as libc::c_long,
                std::ptr::null_mut::<libc::sockaddr>(),
                std::ptr::null_mut::<libc::socklen_t>(),
            )
        };
        result(n)
    }

    #[inline]
    fn result(n: libc::c_long) -> io::Result<usize> {
        if n < 0 {
            Err(io::Error::last_os_error())
        } else {
            Ok(n as usize)
        }
    }

    /// `/proc/loadavg`, kept open for good, out of the way of a program's descriptors.
    fn loadavg() -> Option<&'static std::fs::File> {
        use std::sync::OnceLock;
        static LOADAVG: OnceLock<Option<std::fs::File>> = OnceLock::new();
        LOADAVG
            .get_or_init(|| {
                std::fs::File::open("/proc/loadavg")
                    .ok()
                    .map(super::file_out_of_the_way)
            })
            .as_ref()
    }

    /// Open the files socklab keeps for good before a program runs (`wait::prepare`).
    pub fn open_own_files() {
        let _ = loadavg();
    }

    /// Whether more threads are running, machine-wide, than there are `cpus`. The count
    /// is the kernel's own (`/proc/loadavg`: "running/total"); where it cannot be read,
    /// CPUs are taken as free.
    pub fn more_running_than(cpus: u64) -> bool {
        use std::os::unix::fs::FileExt;
        let Some(file) = loadavg() else {
            return false;
        };
        let mut buf = [0u8; 128];
        // A read from the start regenerates the file's text.
        file.read_at(&mut buf, 0)
            .ok()
            .is_some_and(|n| running_threads(&buf[..n]).is_some_and(|running| running > cpus))
    }

    /// The number of running threads in the text of `/proc/loadavg`
    /// (`0.50 0.40 0.30 3/250 12345` gives 3).
    pub(super) fn running_threads(loadavg: &[u8]) -> Option<u64> {
        let text = std::str::from_utf8(loadavg).ok()?;
        let field = text.split_whitespace().nth(3)?;
        field.split_once('/')?.0.parse().ok()
    }

    /// The kernel's own name for a TCP socket's state (`ESTABLISHED`, `TIME_WAIT` ...).
    pub fn kernel_tcp_state(fd: RawFd) -> Option<&'static str> {
        // SAFETY: getsockopt writes at most `len` bytes into the zeroed struct we own.
        let state = unsafe {
            let mut info: libc::tcp_info = std::mem::zeroed();
            let mut len = std::mem::size_of::<libc::tcp_info>() as libc::socklen_t;
            let r = libc::getsockopt(
                fd,
                libc::IPPROTO_TCP,
                libc::TCP_INFO,
                &mut info as *mut _ as *mut libc::c_void,
                &mut len,
            );
            if r != 0 {
                return None;
            }
            info.tcpi_state
        };
        Some(match state {
            1 => "ESTABLISHED",
            2 => "SYN_SENT",
            3 => "SYN_RECV",
            4 => "FIN_WAIT1",
            5 => "FIN_WAIT2",
            6 => "TIME_WAIT",
            7 => "CLOSE",
            8 => "CLOSE_WAIT",
            9 => "LAST_ACK",
            10 => "LISTEN",
            11 => "CLOSING",
            _ => "UNKNOWN",
        })
    }

    /// A pipe whose two ends are non-blocking and closed on exec: `[read, write]`.
    pub fn nonblocking_pipe() -> io::Result<[RawFd; 2]> {
        let mut fds = [0; 2];
        // SAFETY: pipe2 fills the two-element array we own.
        let r = unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_NONBLOCK | libc::O_CLOEXEC) };
        if r == 0 {
            Ok(fds.map(super::out_of_the_way))
        } else {
            Err(io::Error::last_os_error())
        }
    }

    /// `select.epoll`: a new epoll instance, closed on exec.
    pub fn epoll_create() -> io::Result<RawFd> {
        // SAFETY: plain system call; the descriptor it returns is the caller's.
        let fd = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
        if fd < 0 {
            Err(io::Error::last_os_error())
        } else {
            Ok(fd)
        }
    }

    /// `epoll_ctl`: `op` is 1 add, 2 delete, 3 modify (Linux's numbers).
    pub fn epoll_ctl(epfd: RawFd, op: i32, fd: RawFd, events: u32) -> io::Result<()> {
        let mut ev = libc::epoll_event {
            events,
            u64: fd as u32 as u64,
        };
        // SAFETY: `ev` lives across the call; the kernel reads it only.
        if unsafe { libc::epoll_ctl(epfd, op, fd, &mut ev) } < 0 {
            Err(io::Error::last_os_error())
        } else {
            Ok(())
        }
    }

    /// The events ready on `epfd` now, at most `max`, without waiting: (descriptor,
    /// events). The wait itself is `net::wait::poll` on `epfd`, so Ctrl-C ends it.
    pub fn epoll_ready(epfd: RawFd, max: usize) -> io::Result<Vec<(RawFd, u32)>> {
        let mut evs = vec![libc::epoll_event { events: 0, u64: 0 }; max.max(1)];
        // SAFETY: `evs` is writable for its length.
        let n = unsafe { libc::epoll_wait(epfd, evs.as_mut_ptr(), evs.len() as i32, 0) };
        if n < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(evs[..n as usize]
            .iter()
            .map(|e| (e.u64 as u32 as RawFd, e.events))
            .collect())
    }

    /// Added to every send's flags: a peer that has gone is `EPIPE`, never SIGPIPE.
    pub const NO_SIGNAL: i32 = libc::MSG_NOSIGNAL;

    /// The flags a socket's type may carry: (`SOCK_NONBLOCK`, `SOCK_CLOEXEC`).
    pub const SOCK_TYPE_FLAGS: (i32, i32) = (libc::SOCK_NONBLOCK, libc::SOCK_CLOEXEC);

    /// `AF_PACKET`, the family only Linux has, for naming a socket's family.
    pub const AF_PACKET: Option<i32> = Some(libc::AF_PACKET);

    /// Every constant CPython's `socket` module has on Linux (python3's own list and
    /// values, generated by `scripts/gen-socket-constants.py`):
    /// (name, value, enum class or "" for a plain int).
    pub const CONSTANTS: &[(&str, i64, &str)] = include!("socket_constants_linux.rs");
}

#[cfg(not(target_os = "linux"))]
mod imp {
    use super::*;

    /// `send(fd, data, flags)`.
    #[inline]
    pub fn send(fd: RawFd, data: &[u8], flags: i32) -> io::Result<usize> {
        // SAFETY: `data` is valid for `data.len()` bytes.
        let n = unsafe { libc::send(fd, data.as_ptr().cast(), data.len(), flags) };
        result(n)
    }

    /// `recv(fd, space, flags)`: the kernel initialises the first `n` bytes of `space`.
    #[inline]
    pub fn recv(fd: RawFd, space: &mut [MaybeUninit<u8>], flags: i32) -> io::Result<usize> {
        // SAFETY: `space` is writable for `space.len()` bytes.
        let n = unsafe { libc::recv(fd, space.as_mut_ptr().cast(), space.len(), flags) };
        result(n)
    }

    #[inline]
    fn result(n: isize) -> io::Result<usize> {
        if n < 0 {
            Err(io::Error::last_os_error())
        } else {
            Ok(n as usize)
        }
    }

    /// Without `/proc/loadavg` the machine's load is unknown, so CPUs are taken as busy
    /// and a read sleeps at once: spinning was only measured to pay on Linux.
    /// Nothing is kept open here (see the Linux version).
    pub fn open_own_files() {}

    pub fn more_running_than(_cpus: u64) -> bool {
        true
    }

    /// Not known without Linux's `TCP_INFO`.
    pub fn kernel_tcp_state(_fd: RawFd) -> Option<&'static str> {
        None
    }

    /// A pipe whose two ends are non-blocking and closed on exec: `[read, write]`.
    pub fn nonblocking_pipe() -> io::Result<[RawFd; 2]> {
        let mut fds = [0; 2];
        // SAFETY: pipe fills the two-element array we own; fcntl on descriptors we own.
        unsafe {
            if libc::pipe(fds.as_mut_ptr()) != 0 {
                return Err(io::Error::last_os_error());
            }
            for fd in fds {
                if libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) != 0
                    || libc::fcntl(fd, libc::F_SETFL, libc::O_NONBLOCK) != 0
                {
                    let e = io::Error::last_os_error();
                    libc::close(fds[0]);
                    libc::close(fds[1]);
                    return Err(e);
                }
            }
        }
        Ok(fds.map(super::out_of_the_way))
    }

    /// Rust ignores SIGPIPE in every program it starts, so a send to a peer that has
    /// gone is `EPIPE` without a flag (which macOS does not have).
    pub const NO_SIGNAL: i32 = 0;

    /// No flags in a socket's type here.
    pub const SOCK_TYPE_FLAGS: (i32, i32) = (0, 0);

    pub const AF_PACKET: Option<i32> = None;

    /// The socket constants CPython has on Linux only: none here.
    pub const CONSTANTS: &[(&str, i64, &str)] = &[];
}

/// Keep freed memory in the process for reuse instead of handing it back to the kernel
/// at once. With glibc's defaults a block over 128 KiB is its own `mmap`, unmapped when
/// freed: a program's growing dict or set (40 000 connections' entries pass 1 MB) then
/// faults in fresh pages at every doubling and every new round. `bench/containers.sh`
/// took 20 000 page faults with the defaults and 4 400 with these thresholds, and 10 %
/// less CPU time. Call it first thing, before any thread starts.
pub fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets two of glibc's malloc parameters; it is called before
    // any other thread exists, and a refusal (a 0 return) leaves the defaults in place.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 4 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 32 << 20);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::fd::AsRawFd;

    #[test]
    fn bytes_cross_a_socketpair_and_errors_carry_errno() {
        let (a, b) = std::os::unix::net::UnixStream::pair().unwrap();
        assert_eq!(send(a.as_raw_fd(), b"Hi!", 0).unwrap(), 3);
        let mut space = [MaybeUninit::<u8>::uninit(); 8];
        let n = recv(b.as_raw_fd(), &mut space, 0).unwrap();
        let got: Vec<u8> = space[..n]
            .iter()
            // SAFETY: recv wrote the first n bytes.
            .map(|b| unsafe { b.assume_init() })
            .collect();
        assert_eq!(got, b"Hi!");
        b.set_nonblocking(true).unwrap();
        let err = recv(b.as_raw_fd(), &mut space, 0).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::WouldBlock);
        assert_eq!(
            send(-1, b"x", 0).unwrap_err().raw_os_error(),
            Some(libc::EBADF)
        );
    }

    #[test]
    fn what_opens_out_of_the_way_lands_at_100_or_above_and_frees_the_low_numbers() {
        let (a, b) = opening_out_of_the_way(|| std::os::unix::net::UnixStream::pair().unwrap());
        assert!(a.as_raw_fd() >= OWN_FDS_FROM && b.as_raw_fd() >= OWN_FDS_FROM);
        // The placeholders are gone: the next descriptor is a low one again.
        let low = std::fs::File::open("/dev/null").unwrap();
        assert!(low.as_raw_fd() < OWN_FDS_FROM, "{}", low.as_raw_fd());
        let moved = file_out_of_the_way(low);
        assert!(moved.as_raw_fd() >= OWN_FDS_FROM);
        // SAFETY: a query on a descriptor this test owns.
        assert_ne!(
            unsafe { libc::fcntl(moved.as_raw_fd(), libc::F_GETFD) } & libc::FD_CLOEXEC,
            0
        );
    }

    #[test]
    fn the_wake_up_pipe_is_nonblocking_and_closed_on_exec() {
        let [read, write] = nonblocking_pipe().unwrap();
        for fd in [read, write] {
            // Out of the way of a program's own descriptors.
            assert!(fd >= OWN_FDS_FROM, "{fd}");
            // SAFETY: fcntl queries on descriptors this test owns.
            unsafe {
                assert_ne!(libc::fcntl(fd, libc::F_GETFL) & libc::O_NONBLOCK, 0);
                assert_ne!(libc::fcntl(fd, libc::F_GETFD) & libc::FD_CLOEXEC, 0);
            }
        }
        let mut byte = [0u8; 1];
        // SAFETY: reading into a buffer we own; the pipe is empty, so EAGAIN at once.
        let r = unsafe { libc::read(read, byte.as_mut_ptr().cast(), 1) };
        assert_eq!(r, -1);
        assert_eq!(
            io::Error::last_os_error().raw_os_error(),
            Some(libc::EAGAIN)
        );
        // SAFETY: closing the descriptors this test opened.
        unsafe {
            libc::close(read);
            libc::close(write);
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn running_threads_come_from_the_fourth_field_of_loadavg() {
        assert_eq!(running_threads(b"0.50 0.40 0.30 3/250 12345\n"), Some(3));
        assert_eq!(running_threads(b"0.50 0.40 0.30\n"), None);
        assert_eq!(running_threads(b"\xff"), None);
        let real = std::fs::read("/proc/loadavg").expect("/proc/loadavg");
        // This test's own thread is running.
        assert!(running_threads(&real).is_some_and(|n| n >= 1));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_listening_socket_is_in_the_kernels_listen_state() {
        let listening = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        assert_eq!(kernel_tcp_state(listening.as_raw_fd()), Some("LISTEN"));
        let peer = std::net::TcpStream::connect(listening.local_addr().unwrap()).unwrap();
        assert_eq!(kernel_tcp_state(peer.as_raw_fd()), Some("ESTABLISHED"));
        let (a, _b) = std::os::unix::net::UnixStream::pair().unwrap();
        assert_eq!(kernel_tcp_state(a.as_raw_fd()), None);
    }
}
