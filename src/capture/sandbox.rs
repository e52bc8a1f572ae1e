//! The rootless way to capture: a private user + network namespace.
//!
//! An unprivileged process may make a user namespace of its own and, inside it, a
//! network namespace; there it holds CAP_NET_RAW and CAP_NET_ADMIN over its *own*
//! loopback, so it may bring `lo` up and capture on it. The namespace has no other
//! interface: nothing sent there can leave the machine, or even reach the host's
//! loopback. The kernel refuses a new user namespace to a process with more than one
//! thread, so [`enter`] runs first thing in `main`, before signal handlers' threads,
//! the session's worker or a runtime start.
//!
//! A second terminal joins a sandboxed session's network with `socklab --join PID`
//! ([`join`]): it enters the same user namespace, then the same network namespace,
//! again before any thread, and its sockets then live there.

use nix::sched::{setns, unshare, CloneFlags};
use std::io::Write;
use std::os::fd::AsRawFd;
use std::sync::atomic::{AtomicBool, Ordering};

static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Why making the private network failed, when socklab tried (for the paragraph).
static REFUSED: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Whether this process runs in a private network namespace of socklab's.
pub fn active() -> bool {
    ACTIVE.load(Ordering::Relaxed)
}

/// Make a private user + network namespace for this process, map its user and group
/// to themselves, and bring loopback up (with `mtu`, if given). Must run while the
/// process has one thread.
pub fn enter(mtu: Option<u32>) -> Result<(), String> {
    enter_namespaces(mtu).inspect_err(|e| {
        let _ = REFUSED.set(e.lines().next().unwrap_or_default().to_string());
    })
}

fn enter_namespaces(mtu: Option<u32>) -> Result<(), String> {
    // SAFETY: getuid/getgid cannot fail.
    let (uid, gid) = unsafe { (libc::getuid(), libc::getgid()) };
    unshare(CloneFlags::CLONE_NEWUSER | CloneFlags::CLONE_NEWNET).map_err(|e| {
        let mut why = format!("cannot make a private network namespace: {e}.");
        if e == nix::errno::Errno::EINVAL {
            why.push_str(" (The process already runs threads.)");
        }
        format!("{why}\n{}", why_no_namespace())
    })?;
    // A process in a new user namespace may map only its own ids, and only after
    // giving up setgroups (the kernel's rule since 3.19).
    write_file("/proc/self/setgroups", "deny")
        .or_else(|e| if uid == 0 { Ok(()) } else { Err(e) })?;
    write_file("/proc/self/uid_map", &format!("{uid} {uid} 1\n"))?;
    write_file("/proc/self/gid_map", &format!("{gid} {gid} 1\n"))?;
    loopback_up(mtu).map_err(|e| format!("cannot bring up the sandbox's loopback: {e}"))?;
    ACTIVE.store(true, Ordering::Relaxed);
    Ok(())
}

fn write_file(path: &str, text: &str) -> Result<(), String> {
    std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .and_then(|mut f| f.write_all(text.as_bytes()))
        .map_err(|e| format!("cannot write {path}: {e}"))
}

/// Join the network of the sandboxed socklab with process id `pid`: its user
/// namespace, then its network namespace. Must run while the process has one thread.
pub fn join(pid: u32) -> Result<(), String> {
    let open = |what: &str| {
        let path = format!("/proc/{pid}/ns/{what}");
        std::fs::File::open(&path).map_err(|e| {
            format!("cannot open {path}: {e} (is socklab --sandbox running as process {pid}?)")
        })
    };
    let user = open("user")?;
    let net = open("net")?;
    let ours = std::fs::metadata("/proc/self/ns/user").ok();
    let theirs = user.metadata().ok();
    let same_user_ns = matches!((&ours, &theirs), (Some(a), Some(b)) if {
        use std::os::unix::fs::MetadataExt;
        a.ino() == b.ino()
    });
    if !same_user_ns {
        setns(&user, CloneFlags::CLONE_NEWUSER)
            .map_err(|e| format!("cannot join the user namespace of process {pid}: {e}"))?;
    }
    setns(&net, CloneFlags::CLONE_NEWNET)
        .map_err(|e| format!("cannot join the network namespace of process {pid}: {e}"))?;
    let _ = net.as_raw_fd();
    ACTIVE.store(true, Ordering::Relaxed);
    Ok(())
}

/// Bring `lo` up (and set its MTU) with the classic interface ioctls.
fn loopback_up(mtu: Option<u32>) -> std::io::Result<()> {
    // SAFETY: a plain socket(2) call; closed below.
    let fd = unsafe { libc::socket(libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0) };
    if fd < 0 {
        return Err(std::io::Error::last_os_error());
    }
    let result = (|| {
        // SAFETY: ifreq is plain data; zeroed is valid.
        let mut req: libc::ifreq = unsafe { std::mem::zeroed() };
        for (i, b) in b"lo".iter().enumerate() {
            req.ifr_name[i] = *b as libc::c_char;
        }
        if let Some(mtu) = mtu {
            req.ifr_ifru.ifru_mtu = mtu as libc::c_int;
            // SAFETY: req is a valid ifreq for the call.
            if unsafe { libc::ioctl(fd, libc::SIOCSIFMTU, &req) } < 0 {
                return Err(std::io::Error::last_os_error());
            }
        }
        // SAFETY: as above.
        if unsafe { libc::ioctl(fd, libc::SIOCGIFFLAGS, &mut req) } < 0 {
            return Err(std::io::Error::last_os_error());
        }
        // SAFETY: SIOCGIFFLAGS filled the flags member.
        unsafe {
            req.ifr_ifru.ifru_flags |= (libc::IFF_UP | libc::IFF_RUNNING) as libc::c_short;
        }
        // SAFETY: as above.
        if unsafe { libc::ioctl(fd, libc::SIOCSIFFLAGS, &req) } < 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(())
    })();
    // SAFETY: fd is ours and closed once.
    unsafe { libc::close(fd) };
    result
}

/// Where another terminal's socklab finds this one's network.
pub fn join_hint() -> String {
    let pid = std::process::id();
    format!(
        "sandbox: this socklab has a private network (loopback only; nothing leaves it). \
         Its namespaces are /proc/{pid}/ns/user and /proc/{pid}/ns/net; another terminal \
         joins it with: socklab --join {pid} connect 127.0.0.1 PORT (or socklab --join {pid} for a second REPL)\n"
    )
}

/// The one paragraph that says why this machine gives no packet capture, and how to
/// get one. Everything else in socklab works without it.
pub fn why_no_capture() -> String {
    if let Some(refused) = REFUSED.get() {
        return format!(
            "no packet capture here: seeing packets needs CAP_NET_RAW (root), or a private \
             network of socklab's own, and socklab was refused one ({refused}) {} Everything \
             else works as usual.",
            why_no_namespace()
        );
    }
    format!(
        "no packet capture here: seeing packets needs CAP_NET_RAW (root), or a private \
         network of socklab's own. Start socklab with --sandbox (socklab --sandbox, or \
         socklab run --trace, which does it by itself) to capture without root. If that \
         is refused too: {}",
        why_no_namespace()
    )
}

/// Why a private namespace may be refused, read from this machine.
pub fn why_no_namespace() -> String {
    let read = |p: &str| {
        std::fs::read_to_string(p)
            .ok()
            .map(|s| s.trim().to_string())
    };
    if read("/proc/sys/kernel/apparmor_restrict_unprivileged_userns").as_deref() == Some("1") {
        return "This kernel's AppArmor forbids unprivileged programs to use user \
                namespaces (kernel.apparmor_restrict_unprivileged_userns=1, the default \
                on Ubuntu 23.10 and later): an administrator can grant socklab an AppArmor \
                profile with 'userns,' (as rootlesskit's documentation shows), or run it \
                as root (sudo)."
            .into();
    }
    if read("/proc/sys/user/max_user_namespaces").as_deref() == Some("0")
        || read("/proc/sys/kernel/unprivileged_userns_clone").as_deref() == Some("0")
    {
        return "User namespaces are turned off on this machine \
                (user.max_user_namespaces=0 or kernel.unprivileged_userns_clone=0): an \
                administrator can turn them on with sysctl, or run socklab as root."
            .into();
    }
    "If socklab runs in a container, the container may forbid user namespaces (Docker's \
     default seccomp profile does): run the container with --cap-add NET_RAW, or run \
     socklab as root inside it."
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_paragraph_says_why_and_how() {
        let text = why_no_capture();
        assert!(text.starts_with("no packet capture here"), "{text}");
        assert!(text.contains("CAP_NET_RAW (root)"), "{text}");
        assert!(text.contains("--sandbox"), "{text}");
        // One paragraph: no line breaks to wrap badly.
        assert!(!text.contains('\n'), "{text}");
        let why = why_no_namespace();
        assert!(
            why.contains("apparmor_restrict_unprivileged_userns")
                || why.contains("max_user_namespaces")
                || why.contains("container"),
            "{why}"
        );
    }
}
