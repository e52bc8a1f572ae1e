//! Waiting that Ctrl-C can interrupt.
//!
//! A blocking socket call here is a loop of `poll()` over the socket and the read end of
//! a wake-up pipe. The SIGINT handler sets the session's `interrupted` flag and writes a
//! byte to the pipe, so a wait wakes at once, raises `KeyboardInterrupt`, and leaves the
//! socket exactly as it was: usable again.
//!
//! A read may spin a little before it sleeps, when its peer has been answering fast
//! (`SpinWindow` says why and how long).
//!
//! `net` knows nothing of Python: whoever waits answers the few questions a wait asks
//! ([`Waiter`]); the interpreter's context answers them with `KeyboardInterrupt` and
//! `OSError`.

use smallvec::SmallVec;
use socket2::Socket;
use std::os::fd::{AsRawFd, RawFd};
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU8, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

/// The longest single `poll()`: a safety net should a wake-up byte ever be missed.
const SLICE: Duration = Duration::from_millis(100);

struct WakePipe {
    read: RawFd,
    write: RawFd,
}

fn pipe() -> Option<&'static WakePipe> {
    static PIPE: OnceLock<Option<WakePipe>> = OnceLock::new();
    PIPE.get_or_init(|| {
        let [read, write] = super::sys::nonblocking_pipe().ok()?;
        Some(WakePipe { read, write })
    })
    .as_ref()
}

/// Route SIGINT to `flag` and to the wake-up pipe. Call once per process.
pub fn install_sigint(flag: Arc<AtomicBool>) -> std::io::Result<()> {
    signal_hook::flag::register(signal_hook::consts::SIGINT, flag)?;
    if let Some(p) = pipe() {
        // SAFETY: dup of a descriptor we own; the signal-hook pipe owns the copy.
        let dup = unsafe { libc::fcntl(p.write, libc::F_DUPFD_CLOEXEC, super::sys::OWN_FDS_FROM) };
        if dup >= 0 {
            // SAFETY: `dup` is a fresh descriptor handed over to signal-hook.
            let stream = unsafe {
                <std::os::unix::net::UnixStream as std::os::fd::FromRawFd>::from_raw_fd(dup)
            };
            signal_hook::low_level::pipe::register(signal_hook::consts::SIGINT, stream)?;
        }
    }
    Ok(())
}

/// Wake every waiter (used when an interrupt is raised by other means, e.g. the REPL).
pub fn wake_all() {
    if let Some(p) = pipe() {
        // SAFETY: writing one byte to our own non-blocking pipe.
        unsafe {
            libc::write(p.write, b"!".as_ptr() as *const libc::c_void, 1);
        }
    }
}

fn drain_pipe() {
    if let Some(p) = pipe() {
        let mut buf = [0u8; 64];
        // SAFETY: reading into a buffer we own from our own non-blocking pipe.
        while unsafe { libc::read(p.read, buf.as_mut_ptr() as *mut libc::c_void, buf.len()) } > 0 {}
    }
}

/// What a wait asks of whoever waits.
pub trait Waiter {
    /// How the waiter reports an interruption or a failed `poll()`.
    type Error;
    /// Whether Ctrl-C is this waiter's to receive (only the main thread's is): the wait
    /// then also watches the wake-up pipe.
    fn receives_ctrl_c(&self) -> bool;
    /// `Err` when the wait must end now (Ctrl-C came).
    fn interrupted(&self) -> Result<(), Self::Error>;
    /// A failed `poll()` as the waiter's error.
    fn os_error(&self, errno: i32) -> Self::Error;
}

/// Poll `fds` (descriptor, events) until one is ready, the deadline passes, or Ctrl-C.
/// Returns each descriptor's `revents` (all zero on time-out).
pub fn poll<W: Waiter>(
    ctx: &W,
    fds: &[(RawFd, i16)],
    timeout: Option<f64>,
) -> Result<Vec<i16>, W::Error> {
    let mut pfds: PollFds = fds
        .iter()
        .map(|&(fd, events)| libc::pollfd {
            fd,
            events,
            revents: 0,
        })
        .collect();
    poll_until_ready(ctx, &mut pfds, timeout)?;
    Ok(pfds[..fds.len()].iter().map(|p| p.revents).collect())
}

/// The descriptors of one `poll()`, on the stack for the usual few (a socket wait is one
/// descriptor and the wake-up pipe).
type PollFds = SmallVec<[libc::pollfd; 8]>;

/// The moment `secs` seconds after `from`; `None` (no deadline: wait for ever) past what
/// the clock can count, some 292 years, which no validated time-out reaches. A negative
/// or NaN `secs` is now.
pub fn deadline_after(from: Instant, secs: f64) -> Option<Instant> {
    Duration::try_from_secs_f64(secs.max(0.0))
        .ok()
        .and_then(|d| from.checked_add(d))
}

/// The loop behind `poll` and `wait_fd`: on return each of `pfds` has its `revents` (all
/// zero on time-out). The wake-up pipe is added at the end and taken off again.
fn poll_until_ready<W: Waiter>(
    ctx: &W,
    pfds: &mut PollFds,
    timeout: Option<f64>,
) -> Result<(), W::Error> {
    let deadline = timeout.and_then(|t| deadline_after(Instant::now(), t));
    // Only the main thread receives KeyboardInterrupt; other threads need not be woken
    // by Ctrl-C (one descriptor less to watch on every wait of a server's handler).
    let wake = pipe().map(|p| p.read).filter(|_| ctx.receives_ctrl_c());
    let n_user = pfds.len();
    if let Some(w) = wake {
        pfds.push(libc::pollfd {
            fd: w,
            events: libc::POLLIN,
            revents: 0,
        });
    }
    let result = loop {
        if let Err(e) = ctx.interrupted() {
            break Err(e);
        }
        for p in pfds.iter_mut() {
            p.revents = 0;
        }
        let slice = match deadline {
            Some(d) => d.saturating_duration_since(Instant::now()).min(SLICE),
            None => SLICE,
        };
        // SAFETY: pfds is a valid array of pollfd for its length.
        let n = unsafe {
            libc::poll(
                pfds.as_mut_ptr(),
                pfds.len() as libc::nfds_t,
                slice.as_millis() as i32,
            )
        };
        if n < 0 {
            let err = std::io::Error::last_os_error();
            if err.raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            break Err(ctx.os_error(err.raw_os_error().unwrap_or(libc::EIO)));
        }
        // A wake-up byte: Ctrl-C for this thread (raised by `check_signals` next time
        // round) or for another one, which has consumed the flag. Either way, drain it.
        if wake.is_some() && pfds.last().is_some_and(|p| p.revents != 0) {
            drain_pipe();
        }
        if pfds[..n_user].iter().any(|p| p.revents != 0) {
            break Ok(());
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            break Ok(());
        }
    };
    pfds.truncate(n_user);
    result
}

/// What a socket's reads have learnt about waiting for its peer: whether to wait before
/// trying (`waits_first`, see `retry` in the socket module) and how long to spin
/// before sleeping (`spin`).
#[derive(Default)]
pub struct ReadHabits {
    /// 0 tries the read first; more waits for data first.
    pub waits_first: AtomicU8,
    pub spin: SpinWindow,
}

/// How long a read whose data has not come yet keeps trying, giving the CPU away between
/// tries, before it sleeps in `poll()`.
///
/// Why: going to sleep and being woken again costs far more than the bytes themselves
/// when a peer answers within microseconds. The waker must interrupt an idle CPU, and on
/// a virtual machine that is a round trip through the host: here, a one-client echo
/// spent three quarters of each round trip in those two wake-ups. A read that spins a
/// little is still running when the answer lands, and sees it at once.
///
/// The window is learnt per socket as Linux's KVM learns how long a halted virtual CPU
/// should poll (`halt_poll_ns`): a wait shorter than `SPIN_MAX` that the window missed
/// doubles it; a wait longer than `SPIN_MAX` halves it; a spin that caught its data
/// leaves it alone. So a socket whose peer answers at human speed, or not for a while,
/// never spins; one in a fast request-and-answer exchange spins just long enough.
/// Between tries the thread yields, so a thread beside it with work (often the very one
/// that will answer) goes first; and while every CPU has work it does not spin at all
/// (`cpus_all_busy` says why yielding is not enough).
#[derive(Default)]
pub struct SpinWindow {
    micros: AtomicU32,
}

/// Whether the machine has more than one CPU (as the process may use them).
fn several_cpus() -> bool {
    static SEVERAL_CPUS: OnceLock<bool> = OnceLock::new();
    *SEVERAL_CPUS.get_or_init(|| std::thread::available_parallelism().is_ok_and(|n| n.get() > 1))
}

/// Read what the spin policy needs before a program runs. Both readings open files
/// (`available_parallelism` reads the cgroup's CPU quota; `/proc/loadavg` is kept
/// open), and a file opened while a program runs takes the lowest free descriptor for
/// an instant: a thread's first wait made another thread's `accept()` return fd 7
/// where CPython's is 6.
pub fn prepare() {
    let _ = several_cpus();
    super::sys::open_own_files();
}

/// The first window a short wait earns, and the longest (KVM's defaults: 10 and 200 µs).
const SPIN_START: u32 = 10;
const SPIN_MAX: u32 = 200;

impl SpinWindow {
    /// How long the next wait may spin. Nothing on a one-CPU machine, where the peer can
    /// only answer while this thread does not run, and nothing while every CPU has work
    /// (`cpus_all_busy`).
    pub fn get(&self) -> Duration {
        let window = self.learnt();
        if !several_cpus() || window.is_zero() || cpus_all_busy() {
            return Duration::ZERO;
        }
        window
    }

    /// The window learnt so far, whatever the machine.
    fn learnt(&self) -> Duration {
        Duration::from_micros(u64::from(self.micros.load(Ordering::Relaxed)))
    }

    /// Learn from a wait for data that took `waited` in all, spinning and sleeping.
    pub fn learn(&self, waited: Duration) {
        let waited = u32::try_from(waited.as_micros()).unwrap_or(u32::MAX);
        let window = self.micros.load(Ordering::Relaxed);
        let next = next_window(window, waited);
        if next != window {
            self.micros.store(next, Ordering::Relaxed);
        }
    }
}

/// Whether, besides the reader, at least as many threads are ready to run, machine-wide,
/// as there are CPUs.
///
/// Then a spinning reader only takes CPU time from threads that have work: yielding
/// between tries does not give it back (the scheduler still counts the spinner's turns
/// as its fair share), and the reader loses the head start a thread woken from sleep
/// gets. With two other busy processes on this 2-CPU machine, eight clients of the
/// threaded echo got 35 % less through with spinning than without. Sleeping is also
/// what lets the answer's own thread run, so on a busy machine a read sleeps.
///
/// The count is the kernel's (`sys::more_running_than`: on Linux `/proc/loadavg`, where
/// the reader itself is one of the running; elsewhere unknown, so always busy), read
/// again at most once a millisecond.
fn cpus_all_busy() -> bool {
    use std::sync::atomic::AtomicU64;
    // Nanoseconds since `EPOCH` of the last reading (0: never), and its verdict.
    static LAST: AtomicU64 = AtomicU64::new(0);
    static BUSY: AtomicBool = AtomicBool::new(false);
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    static CPUS: OnceLock<u64> = OnceLock::new();

    let now = EPOCH.get_or_init(Instant::now).elapsed().as_nanos() as u64 + 1;
    let last = LAST.load(Ordering::Relaxed);
    if last != 0 && now.saturating_sub(last) < 1_000_000 {
        return BUSY.load(Ordering::Relaxed);
    }
    LAST.store(now, Ordering::Relaxed);
    let cpus = *CPUS.get_or_init(|| {
        // SAFETY: sysconf reads a constant of the running system.
        let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
        u64::try_from(n).unwrap_or(1).max(1)
    });
    let busy = super::sys::more_running_than(cpus);
    BUSY.store(busy, Ordering::Relaxed);
    busy
}

/// The spin window (µs) after a wait of `waited` µs with window `window`.
fn next_window(window: u32, waited: u32) -> u32 {
    if waited <= window {
        window
    } else if waited > SPIN_MAX {
        if window / 2 < SPIN_START {
            0
        } else {
            window / 2
        }
    } else {
        window.saturating_mul(2).clamp(SPIN_START, SPIN_MAX)
    }
}

/// Give the CPU to any other thread that is ready to run, between the tries of a spin.
pub fn yield_cpu() {
    // SAFETY: sched_yield takes no arguments and cannot fail on Linux.
    unsafe {
        libc::sched_yield();
    }
}

/// Wait until `sock` is readable (or writable); `false` on time-out.
pub fn wait_for<W: Waiter>(
    ctx: &W,
    sock: &Socket,
    readable: bool,
    timeout: Option<f64>,
) -> Result<bool, W::Error> {
    wait_fd(ctx, sock.as_raw_fd(), readable, timeout)
}

/// As `wait_for`, on a descriptor.
pub fn wait_fd<W: Waiter>(
    ctx: &W,
    fd: RawFd,
    readable: bool,
    timeout: Option<f64>,
) -> Result<bool, W::Error> {
    let events = if readable {
        libc::POLLIN
    } else {
        libc::POLLOUT
    };
    let mut pfds: PollFds = SmallVec::new();
    pfds.push(libc::pollfd {
        fd,
        events,
        revents: 0,
    });
    poll_until_ready(ctx, &mut pfds, timeout)?;
    Ok(pfds[0].revents != 0)
}

/// Whether `sock` is ready right now, without waiting.
pub fn ready_now(sock: &Socket, readable: bool) -> bool {
    let mut p = libc::pollfd {
        fd: sock.as_raw_fd(),
        events: if readable {
            libc::POLLIN
        } else {
            libc::POLLOUT
        },
        revents: 0,
    };
    // SAFETY: one valid pollfd, zero timeout.
    unsafe { libc::poll(&mut p, 1, 0) == 1 && (p.revents & (libc::POLLIN | libc::POLLOUT)) != 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The windows a run of waits (µs) leaves behind, starting from none.
    fn windows(waits: &[u32]) -> Vec<u32> {
        let mut window = 0;
        waits
            .iter()
            .map(|&w| {
                window = next_window(window, w);
                window
            })
            .collect()
    }

    #[test]
    fn short_waits_grow_the_window_until_the_spin_catches_them() {
        // A peer answering in 60 µs: 10, 20, 40, 80, then the spin catches every answer.
        assert_eq!(windows(&[60, 60, 60, 60, 60, 60]), [10, 20, 40, 80, 80, 80]);
    }

    #[test]
    fn the_window_never_passes_its_limit() {
        assert_eq!(windows(&[SPIN_MAX; 8]).last(), Some(&SPIN_MAX));
    }

    #[test]
    fn long_waits_shrink_the_window_to_nothing() {
        let mut w = windows(&[150; 6]);
        assert_eq!(*w.last().unwrap(), 160);
        // A peer that now answers at human speed: 80, 40, 20, 10, 0.
        let mut window = w.pop().unwrap();
        let shrinking: Vec<u32> = (0..5)
            .map(|_| {
                window = next_window(window, 250_000);
                window
            })
            .collect();
        assert_eq!(shrinking, [80, 40, 20, 10, 0]);
    }

    #[test]
    fn a_socket_learns_its_window_from_its_waits() {
        let spin = SpinWindow::default();
        assert_eq!(spin.get(), Duration::ZERO);
        spin.learn(Duration::from_micros(60));
        spin.learn(Duration::from_micros(60));
        assert_eq!(spin.learnt(), Duration::from_micros(20));
        spin.learn(Duration::from_secs(1));
        assert_eq!(spin.learnt(), Duration::from_micros(10));
        spin.learn(Duration::from_secs(1));
        assert_eq!(spin.get(), Duration::ZERO);
    }

    #[test]
    fn a_socket_whose_peer_is_slow_never_spins() {
        assert_eq!(windows(&[5_000, 300, 1_000_000]), [0, 0, 0]);
    }
}
