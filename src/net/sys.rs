//! `send` and `recv` as bare system calls.
//!
//! Once a process has more than one thread (a program's `Thread`s, the REPL's
//! interpreter thread), glibc's `send()`/`recv()` wrappers turn pthread cancellation on
//! and off around every call, for good. Nothing here uses cancellation, so the hot socket
//! calls go through `syscall(2)` directly: the same kernel work, without the two extra
//! library calls (they were 8 % of a ping-pong's samples when `socklab run` still ran the
//! program on a thread of its own).

use std::io;
use std::mem::MaybeUninit;
use std::os::fd::RawFd;

/// `send(fd, data, flags)`.
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

fn result(n: libc::c_long) -> io::Result<usize> {
    if n < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(n as usize)
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
}
