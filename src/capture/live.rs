//! The capture thread: an `AF_PACKET` socket on `lo`, a ring of the last packets.
//!
//! Loopback hands each frame to a packet socket twice, once going out and once coming
//! in; the outgoing copy is dropped (as libpcap does), so each packet is seen once.
//! On the host's loopback other programs' traffic passes too (about 100 000 frames in
//! 2 s on a busy machine), so the thread keeps only packets to or from the ports the
//! [`Filter`] names; a packet whose port the session learns a moment later (the SYN of
//! a `connect()` is sent before `connect()` returns its local port) waits a little in
//! `pending` before it is judged. Inside the session's own network namespace every
//! packet is the session's.
//!
//! Two ways to read: copying frames out in batches (`recvmmsg`), and in place from a
//! memory-mapped receive ring (`PACKET_RX_RING`, TPACKET_V3), which saves a system
//! call and a copy per frame but costs a program about 30 ms whatever it sends: the
//! kernel zeroes the ring's memory and waits for an RCU grace period when it makes the
//! ring and twice more when the socket closes. So every capture copies, unless
//! `SOCKLAB_CAPTURE_RING=1` asks a program's (`run --trace`, `--pcap`) to read from a
//! ring (worth it from about a hundred thousand packets; `bench/trace.sh` measures both).
//! A session's capture wakes at once for each frame, so that the packets of an entry
//! are there the moment it ends; a program's reads a few milliseconds' worth at a time.

pub use super::common::{table_filter, Deliver, Filter, Sink, StartError, Where};
use super::{Packet, Summary};
use parking_lot::{Condvar, Mutex};
use std::collections::{HashSet, VecDeque};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

/// How many packets the ring keeps (the REPL's memory stays bounded however long the
/// session captures).
pub const RING: usize = 10_000;

/// How long a packet whose ports the session does not know yet waits to be judged.
const PENDING_FOR: Duration = Duration::from_millis(300);

/// How much the kernel may queue for the capture thread. A busy program (a ping-pong
/// loop) sends tens of thousands of packets a second; the default buffer (about 200
/// packets) would overflow while the thread is briefly not scheduled.
const QUEUE_BYTES: libc::c_int = 32 << 20;

/// A running capture. Dropping it stops the thread.
pub struct Capture {
    shared: Arc<Shared>,
    thread: Option<std::thread::JoinHandle<()>>,
    pub place: Where,
}

struct Shared {
    ring: Mutex<Ring>,
    /// Signalled when the thread has read everything the kernel had queued.
    drained: Condvar,
    stop: AtomicBool,
    cause: Mutex<Option<Arc<str>>>,
    cursor: Box<dyn Fn() -> u64 + Send + Sync>,
    /// The packet socket (the thread owns it; it stays open until the thread ends,
    /// which is after `failed` is set or the capture is dropped).
    fd: libc::c_int,
    /// Written to stop the thread at once rather than at its next poll time-out.
    wake: OwnedFd,
    /// The thread reads from a receive ring, whose last block the kernel hands over
    /// only when it is full or [`RING_RETIRE_MS`] old.
    mapped: bool,
    /// A program's capture (it has a sink): it may read late, in larger batches.
    program: bool,
}

struct Ring {
    packets: VecDeque<Packet>,
    next_number: u64,
    /// The last moment the thread found the socket's queue empty.
    drained_at: Instant,
    /// Why the capture stopped, when it failed mid-session.
    failed: Option<String>,
    /// Packets the kernel dropped because the queue was full.
    lost: u64,
    /// The thread waits in poll() on an empty queue (it has handled everything).
    waiting: bool,
    /// Packets of ports not known yet wait to be judged (host's loopback only).
    unjudged: bool,
}

/// Whether this process may open a packet socket (root, or inside its own namespace):
/// whether CAP_NET_RAW is among its effective capabilities. Read from /proc rather than
/// by opening one: closing a packet socket waits for the kernel's RCU grace period
/// (tens of milliseconds). Makes no thread: `main` asks before deciding on the sandbox.
pub fn permitted() -> bool {
    const CAP_NET_RAW: u32 = 13;
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return open_packet_socket().is_ok();
    };
    status
        .lines()
        .find_map(|l| l.strip_prefix("CapEff:"))
        .and_then(|hex| u64::from_str_radix(hex.trim(), 16).ok())
        .map_or_else(
            || open_packet_socket().is_ok(),
            |caps| caps & (1 << CAP_NET_RAW) != 0,
        )
}

/// A packet socket that receives nothing until [`bind_to`] names the device and the
/// protocol: one opened for every protocol starts receiving on every device at once,
/// and rebinding it (or giving it a ring) then waits for the kernel's RCU grace period
/// (about 10 ms on a loaded machine) before the program may start.
fn open_packet_socket() -> std::io::Result<OwnedFd> {
    // SAFETY: a plain socket(2) call; the descriptor is owned at once.
    let fd = unsafe {
        libc::socket(
            libc::AF_PACKET,
            libc::SOCK_RAW | libc::SOCK_CLOEXEC | libc::SOCK_NONBLOCK,
            0,
        )
    };
    if fd < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: fd is a fresh descriptor nobody else owns.
    let fd = unsafe { OwnedFd::from_raw_fd(crate::net::sys::out_of_the_way(fd)) };
    Ok(fd)
}

fn loopback_index() -> std::io::Result<u32> {
    // SAFETY: the name is a NUL-terminated literal.
    let index = unsafe { libc::if_nametoindex(c"lo".as_ptr()) };
    if index == 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(index)
}

/// Set the socket's options before it is bound (a frame's header options cannot
/// change once a ring is made); whether each frame then starts with a
/// `virtio_net_hdr` (which tells the segment size of a large segment loopback passed
/// whole).
fn configure(fd: &OwnedFd) -> bool {
    // Root (or the sandbox's owner) may go past the system's buffer limit.
    for option in [libc::SO_RCVBUFFORCE, libc::SO_RCVBUF] {
        // SAFETY: the option value is an int that lives for the call.
        let rc = unsafe {
            libc::setsockopt(
                fd.as_raw_fd(),
                libc::SOL_SOCKET,
                option,
                &QUEUE_BYTES as *const libc::c_int as *const libc::c_void,
                std::mem::size_of::<libc::c_int>() as u32,
            )
        };
        if rc == 0 {
            break;
        }
    }
    // The kernel drops the outgoing copies itself where it can (Linux 4.20+); the
    // thread checks the packet type as well for older kernels.
    let one: libc::c_int = 1;
    // SAFETY: the option value is an int that lives for the call.
    unsafe {
        libc::setsockopt(
            fd.as_raw_fd(),
            libc::SOL_PACKET,
            libc::PACKET_IGNORE_OUTGOING,
            &one as *const libc::c_int as *const libc::c_void,
            std::mem::size_of::<libc::c_int>() as u32,
        );
    }
    // SAFETY: as above.
    let rc = unsafe {
        libc::setsockopt(
            fd.as_raw_fd(),
            libc::SOL_PACKET,
            PACKET_VNET_HDR,
            &one as *const libc::c_int as *const libc::c_void,
            std::mem::size_of::<libc::c_int>() as u32,
        )
    };
    rc == 0
}

/// Start receiving every protocol's frames on `lo` (the last step of setting up).
fn bind_to(fd: &OwnedFd, ifindex: u32) -> std::io::Result<()> {
    // SAFETY: sockaddr_ll is plain data; zeroed is a valid value.
    let mut addr: libc::sockaddr_ll = unsafe { std::mem::zeroed() };
    addr.sll_family = libc::AF_PACKET as u16;
    addr.sll_protocol = (libc::ETH_P_ALL as u16).to_be();
    addr.sll_ifindex = ifindex as i32;
    // SAFETY: addr lives for the call and its size is given.
    let rc = unsafe {
        libc::bind(
            fd.as_raw_fd(),
            &addr as *const libc::sockaddr_ll as *const libc::sockaddr,
            std::mem::size_of::<libc::sockaddr_ll>() as u32,
        )
    };
    if rc < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// `linux/if_packet.h`: frames start with a `virtio_net_hdr`.
const PACKET_VNET_HDR: libc::c_int = 15;
/// Its size: flags, gso_type, hdr_len, gso_size, csum_start, csum_offset.
const VNET_HDR_LEN: usize = 10;

impl Capture {
    /// Start capturing on `lo`. `filter` keeps only the session's ports (None: keep
    /// all, which only the sandbox's loopback allows: there every packet is this
    /// process's, though several sessions of `lesson check` share it); `cursor` reads the socket table's event cursor;
    /// `sink` sees every kept packet as it comes (then the ring keeps none: a
    /// program's capture is read through its sink, a session's from the ring).
    pub fn start(
        filter: Option<Filter>,
        cursor: Box<dyn Fn() -> u64 + Send + Sync>,
        sink: Option<Sink>,
    ) -> Result<Capture, StartError> {
        let fd = open_packet_socket().map_err(|e| match e.raw_os_error() {
            Some(libc::EPERM) | Some(libc::EACCES) => StartError::NotPermitted,
            _ => StartError::Other(e),
        })?;
        let index = loopback_index().map_err(StartError::Other)?;
        let vnet = configure(&fd);
        // A program's capture (it has a sink) may read from a ring (see the module's
        // map for why it does not unless asked); a session's always copies, so that an
        // entry's last packet is there the moment the entry ends.
        let ring = if sink.is_some()
            && std::env::var_os("SOCKLAB_CAPTURE_RING").is_some_and(|v| v == "1")
        {
            RingReader::new(&fd, vnet)
        } else {
            None
        };
        bind_to(&fd, index).map_err(StartError::Other)?;
        let place = if super::sandbox::active() {
            Where::Sandbox
        } else {
            Where::Host
        };
        let shared = Arc::new(Shared {
            ring: Mutex::new(Ring {
                packets: VecDeque::new(),
                next_number: 1,
                drained_at: Instant::now(),
                failed: None,
                lost: 0,
                waiting: false,
                unjudged: false,
            }),
            drained: Condvar::new(),
            stop: AtomicBool::new(false),
            cause: Mutex::new(None),
            cursor,
            fd: fd.as_raw_fd(),
            wake: eventfd().map_err(StartError::Other)?,
            mapped: ring.is_some(),
            program: sink.is_some(),
        });
        let worker = shared.clone();
        let thread = std::thread::Builder::new()
            .name("socklab-capture".into())
            .spawn(move || {
                let reader = match ring {
                    Some(r) => Reader::Ring(r),
                    None => Reader::Copy(CopyReader::new(vnet)),
                };
                capture_loop(fd, reader, worker, filter, sink)
            })
            .map_err(StartError::Other)?;
        Ok(Capture {
            shared,
            thread: Some(thread),
            place,
        })
    }

    /// The REPL line now running (its packets' cause), or None while the prompt waits.
    pub fn set_cause(&self, cause: Option<&str>) {
        *self.shared.cause.lock() = cause.map(Arc::from);
    }

    /// Wait (at most `bound`) until the thread has read every frame the kernel queued
    /// before now, so an entry's packets are all in the ring when it ends.
    pub fn catch_up(&self, bound: Duration) {
        let now = Instant::now();
        let deadline = now + bound;
        // From a receive ring, what was queued before now is handed over by the time
        // the block it went into is retired: read after that.
        let asked = if self.shared.mapped {
            now + Duration::from_millis(u64::from(RING_RETIRE_MS) + 1)
        } else {
            now
        };
        let mut ring = self.shared.ring.lock();
        loop {
            if ring.failed.is_some() || ring.drained_at >= asked {
                return;
            }
            if self.shared.mapped {
                if Instant::now() >= asked {
                    self.shared.wake();
                }
                if Instant::now() >= deadline {
                    return;
                }
                self.shared.drained.wait_until(
                    &mut ring,
                    deadline.min(Instant::now() + Duration::from_millis(1)),
                );
                continue;
            }
            // Waiting on an empty queue: nothing is left to read. (Packets waiting for
            // their ports to be known are judged again at the thread's next turn, with
            // what the entry that just ended recorded: wait for that.)
            if ring.waiting && !ring.unjudged && !readable(self.shared.fd) {
                return;
            }
            if (ring.waiting && ring.unjudged) || (self.shared.program && !ring.waiting) {
                // Rather than wait for its poll time-out, have it judge them now; a
                // program's, pausing between busy turns, reads now.
                self.shared.wake();
            }
            let now = Instant::now();
            if now >= deadline {
                return;
            }
            self.shared
                .drained
                .wait_until(&mut ring, deadline.min(now + Duration::from_millis(2)));
        }
    }

    /// The packets numbered `from` on that the ring still keeps.
    pub fn since(&self, from: u64) -> Vec<Packet> {
        let ring = self.shared.ring.lock();
        let skip = ring.packets.partition_point(|p| p.number < from);
        ring.packets.iter().skip(skip).cloned().collect()
    }

    /// One packet by its number, if the ring still keeps it.
    pub fn get(&self, number: u64) -> Option<Packet> {
        let ring = self.shared.ring.lock();
        let first = ring.packets.front()?.number;
        ring.packets
            .get(usize::try_from(number.checked_sub(first)?).ok()?)
            .cloned()
    }

    /// The number the next packet will have.
    pub fn next_number(&self) -> u64 {
        self.shared.ring.lock().next_number
    }

    /// The first number the ring still keeps (older ones were let go).
    pub fn oldest(&self) -> Option<u64> {
        self.shared.ring.lock().packets.front().map(|p| p.number)
    }

    /// Why the capture stopped, if its socket failed.
    pub fn failure(&self) -> Option<String> {
        self.shared.ring.lock().failed.clone()
    }

    /// How many packets the kernel dropped because the capture could not keep up.
    pub fn lost(&self) -> u64 {
        self.shared.ring.lock().lost
    }
}

fn eventfd() -> std::io::Result<OwnedFd> {
    // SAFETY: a plain eventfd(2) call; the descriptor is owned at once.
    let fd = unsafe { libc::eventfd(0, libc::EFD_CLOEXEC | libc::EFD_NONBLOCK) };
    if fd < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: fd is a fresh descriptor nobody else owns.
    Ok(unsafe { OwnedFd::from_raw_fd(crate::net::sys::out_of_the_way(fd)) })
}

impl Shared {
    /// End the thread's poll at once.
    fn wake(&self) {
        let one: u64 = 1;
        // SAFETY: writes the 8 bytes of `one` to the eventfd the thread polls.
        unsafe {
            libc::write(
                self.wake.as_raw_fd(),
                &one as *const u64 as *const libc::c_void,
                8,
            )
        };
    }
}

impl Shared {
    /// Reset the eventfd after a wake, so the next poll waits again.
    fn woken(&self) {
        let mut count = [0u8; 8];
        // SAFETY: reads the eventfd's 8-byte count into `count`, resetting it.
        unsafe {
            libc::read(
                self.wake.as_raw_fd(),
                count.as_mut_ptr() as *mut libc::c_void,
                8,
            )
        };
    }
}

/// How long a program's capture thread waits between turns while traffic flows (ms):
/// a couple of the ring's blocks, or about a thousand frames of a ping-pong in the
/// socket's queue (which holds tens of thousands), so each turn has work and the
/// program keeps its core.
const PROGRAM_PAUSE_MS: i32 = 4;

/// Wait `ms` milliseconds, or less if woken (a `catch_up`, the end of the capture).
fn pause(shared: &Shared, ms: i32) {
    let mut pfd = libc::pollfd {
        fd: shared.wake.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one pollfd that lives for the call.
    unsafe { libc::poll(&mut pfd, 1, ms) };
    if pfd.revents & libc::POLLIN != 0 {
        shared.woken();
    }
}

impl Drop for Capture {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Relaxed);
        self.shared.wake();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Whether a read on `fd` would find something now.
fn readable(fd: libc::c_int) -> bool {
    let mut pfd = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one pollfd that lives for the call.
    unsafe { libc::poll(&mut pfd, 1, 0) > 0 }
}

/// Frames read with one system call while traffic flows.
const BATCH: usize = 32;
/// The largest frame loopback carries (its MTU is 65 536) with room for the link header.
const SNAPLEN: usize = 65536 + 128;

/// Read up to [`BATCH`] frames at once: their lengths and packet types, or the error.
struct CopyReader {
    /// Frames start with a `virtio_net_hdr`.
    vnet: bool,
    bufs: Vec<Vec<u8>>,
    addrs: Vec<libc::sockaddr_ll>,
    iovecs: Vec<libc::iovec>,
    headers: Vec<libc::mmsghdr>,
}

impl CopyReader {
    fn new(vnet: bool) -> CopyReader {
        CopyReader {
            vnet,
            bufs: (0..BATCH).map(|_| vec![0u8; SNAPLEN]).collect(),
            // SAFETY: sockaddr_ll is plain data; zeroed is valid.
            addrs: vec![unsafe { std::mem::zeroed() }; BATCH],
            iovecs: Vec::with_capacity(BATCH),
            headers: Vec::with_capacity(BATCH),
        }
    }

    /// How many frames were read (0 when none was waiting).
    fn read(&mut self, fd: &OwnedFd) -> std::io::Result<usize> {
        self.iovecs.clear();
        self.headers.clear();
        for buf in &mut self.bufs {
            self.iovecs.push(libc::iovec {
                iov_base: buf.as_mut_ptr() as *mut libc::c_void,
                iov_len: buf.len(),
            });
        }
        for (k, addr) in self.addrs.iter_mut().enumerate() {
            // SAFETY: msghdr is plain data; zeroed is valid.
            let mut h: libc::mmsghdr = unsafe { std::mem::zeroed() };
            h.msg_hdr.msg_name = addr as *mut libc::sockaddr_ll as *mut libc::c_void;
            h.msg_hdr.msg_namelen = std::mem::size_of::<libc::sockaddr_ll>() as u32;
            h.msg_hdr.msg_iov = &mut self.iovecs[k] as *mut libc::iovec;
            h.msg_hdr.msg_iovlen = 1;
            self.headers.push(h);
        }
        // SAFETY: every header points at a buffer and an address that live in self
        // for the call, with their lengths.
        let n = unsafe {
            libc::recvmmsg(
                fd.as_raw_fd(),
                self.headers.as_mut_ptr(),
                BATCH as u32,
                libc::MSG_DONTWAIT,
                std::ptr::null_mut(),
            )
        };
        if n < 0 {
            let err = std::io::Error::last_os_error();
            return match err.raw_os_error() {
                Some(libc::EAGAIN) | Some(libc::EINTR) => Ok(0),
                _ => Err(err),
            };
        }
        Ok(n as usize)
    }

    /// Frame `k` of the last read, unless it was loopback's outgoing copy, with the
    /// segment size of a large segment passed whole.
    fn frame(&self, k: usize) -> Option<(&[u8], Option<u16>)> {
        if self.addrs[k].sll_pkttype == libc::PACKET_OUTGOING {
            return None;
        }
        let len = (self.headers[k].msg_len as usize).min(SNAPLEN);
        split_vnet(&self.bufs[k][..len], self.vnet)
    }
}

/// A frame as read, without the `virtio_net_hdr` in front of it (when there is one),
/// and the segment size of a large segment passed whole.
fn split_vnet(bytes: &[u8], vnet: bool) -> Option<(&[u8], Option<u16>)> {
    if !vnet {
        return Some((bytes, None));
    }
    let (header, frame) = bytes.split_at_checked(VNET_HDR_LEN)?;
    // gso_type 0 is a packet the size it is on any wire.
    let segment = (header[1] != 0).then(|| u16::from_ne_bytes([header[4], header[5]]));
    Some((frame, segment))
}

/// The receive ring's shape: 64 blocks of 128 KiB (a 64 KiB loopback frame fits in
/// one): 8 MiB that stay mapped (and resident) while the program runs. The kernel
/// zeroes the whole ring when it is made, before the program may start (16 MiB took
/// about 35 ms of a loaded VM's CPU, a quarter of an uncaptured 20 000-round-trip
/// ping-pong), so it is no larger than needed. What it must hold is the frames that
/// come while the capture thread gets no CPU: a block is handed over when full or
/// [`RING_RETIRE_MS`] old, so 64 blocks last at least 128 ms at a ping-pong's pace
/// (about 270 frames a millisecond, a block's worth in 2.7 ms), and about 45 000 small
/// frames (176 bytes each in the ring) at any pace.
const RING_BLOCK: usize = 128 << 10;
const RING_BLOCKS: usize = 64;
/// How long the kernel fills a block before handing it over anyway (ms).
const RING_RETIRE_MS: u32 = 2;

/// Frames read in place from a memory-mapped receive ring (`PACKET_RX_RING`,
/// TPACKET_V3): the kernel writes whole blocks of frames into memory shared with this
/// process and hands each over when it is full or [`RING_RETIRE_MS`] old, so a busy
/// conversation costs no system call and no copy per frame. A block is given back to
/// the kernel at the next read, once its frames have been handled.
struct RingReader {
    map: *mut u8,
    vnet: bool,
    /// The block the next read looks at, and whether it is held (read, not yet given
    /// back).
    current: usize,
    held: bool,
    /// The frames of the held block: offset in the map, length, packet type.
    frames: Vec<(usize, usize, u8)>,
}

// SAFETY: the map is this reader's alone (only the capture thread reads it).
unsafe impl Send for RingReader {}

impl RingReader {
    /// Turn `fd` into a TPACKET_V3 ring socket and map its ring; `None` where the
    /// kernel refuses (the copying reader is used then).
    fn new(fd: &OwnedFd, vnet: bool) -> Option<RingReader> {
        let version = libc::tpacket_versions::TPACKET_V3 as libc::c_int;
        // SAFETY: the option value is an int that lives for the call.
        let rc = unsafe {
            libc::setsockopt(
                fd.as_raw_fd(),
                libc::SOL_PACKET,
                libc::PACKET_VERSION,
                &version as *const libc::c_int as *const libc::c_void,
                std::mem::size_of::<libc::c_int>() as u32,
            )
        };
        if rc != 0 {
            return None;
        }
        let frame = 2048usize;
        let req = libc::tpacket_req3 {
            tp_block_size: RING_BLOCK as u32,
            tp_block_nr: RING_BLOCKS as u32,
            tp_frame_size: frame as u32,
            tp_frame_nr: (RING_BLOCK / frame * RING_BLOCKS) as u32,
            tp_retire_blk_tov: RING_RETIRE_MS,
            tp_sizeof_priv: 0,
            tp_feature_req_word: 0,
        };
        // SAFETY: req lives for the call and its size is given.
        let rc = unsafe {
            libc::setsockopt(
                fd.as_raw_fd(),
                libc::SOL_PACKET,
                libc::PACKET_RX_RING,
                &req as *const libc::tpacket_req3 as *const libc::c_void,
                std::mem::size_of::<libc::tpacket_req3>() as u32,
            )
        };
        if rc != 0 {
            return None;
        }
        // SAFETY: maps the ring the kernel just made for this socket, whole.
        let map = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                RING_BLOCK * RING_BLOCKS,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED,
                fd.as_raw_fd(),
                0,
            )
        };
        if map == libc::MAP_FAILED {
            return None;
        }
        Some(RingReader {
            map: map as *mut u8,
            vnet,
            current: 0,
            held: false,
            frames: Vec::new(),
        })
    }

    fn block(&self, i: usize) -> *mut libc::tpacket_block_desc {
        // SAFETY: i < RING_BLOCKS, so the block lies inside the map.
        unsafe { self.map.add(i * RING_BLOCK) as *mut libc::tpacket_block_desc }
    }

    /// Give the held block back, then take the next one if the kernel has handed it
    /// over: how many frames it holds (0: none waiting).
    fn read(&mut self) -> usize {
        use std::sync::atomic::{fence, Ordering};
        if self.held {
            let desc = self.block(self.current);
            fence(Ordering::Release);
            // SAFETY: the block is inside the map; the kernel reads its status.
            unsafe {
                std::ptr::write_volatile(
                    std::ptr::addr_of_mut!((*desc).hdr.bh1.block_status),
                    libc::TP_STATUS_KERNEL,
                )
            };
            self.held = false;
            self.current = (self.current + 1) % RING_BLOCKS;
        }
        let desc = self.block(self.current);
        // SAFETY: as above; the kernel writes the status last.
        let status =
            unsafe { std::ptr::read_volatile(std::ptr::addr_of!((*desc).hdr.bh1.block_status)) };
        fence(Ordering::Acquire);
        if status & libc::TP_STATUS_USER == 0 {
            return 0;
        }
        self.held = true;
        self.frames.clear();
        // SAFETY: the block is this process's until given back; its header is valid.
        let (count, first) = unsafe {
            let bh1 = std::ptr::addr_of!((*desc).hdr.bh1);
            (
                (*bh1).num_pkts as usize,
                (*bh1).offset_to_first_pkt as usize,
            )
        };
        let base = self.current * RING_BLOCK;
        // TPACKET_ALIGN: frame headers are 16-byte aligned.
        let header = (std::mem::size_of::<libc::tpacket3_hdr>() + 15) & !15;
        let mut at = first;
        for _ in 0..count {
            if at + header + std::mem::size_of::<libc::sockaddr_ll>() > RING_BLOCK {
                break;
            }
            // SAFETY: `at` is a frame header inside the held block (checked above).
            let (next, mac, snap, pkttype) = unsafe {
                let h = self.map.add(base + at) as *const libc::tpacket3_hdr;
                let sll = self.map.add(base + at + header) as *const libc::sockaddr_ll;
                (
                    (*h).tp_next_offset as usize,
                    (*h).tp_mac as usize,
                    (*h).tp_snaplen as usize,
                    (*sll).sll_pkttype,
                )
            };
            // The virtio_net_hdr, when asked for, sits just before the frame.
            let lead = if self.vnet { VNET_HDR_LEN } else { 0 };
            let start = at + mac.saturating_sub(lead);
            if mac >= lead && start + snap + lead <= RING_BLOCK {
                self.frames.push((base + start, snap + lead, pkttype));
            }
            if next == 0 {
                break;
            }
            at += next;
        }
        self.frames.len()
    }

    fn frame(&self, k: usize) -> Option<(&[u8], Option<u16>)> {
        let (offset, len, pkttype) = *self.frames.get(k)?;
        if pkttype == libc::PACKET_OUTGOING {
            return None;
        }
        // SAFETY: the frame lies inside the held block, which the kernel leaves alone
        // until the next read gives it back.
        let bytes = unsafe { std::slice::from_raw_parts(self.map.add(offset), len) };
        split_vnet(bytes, self.vnet)
    }
}

impl Drop for RingReader {
    fn drop(&mut self) {
        // SAFETY: unmaps the map made in `new`, once.
        unsafe { libc::munmap(self.map as *mut libc::c_void, RING_BLOCK * RING_BLOCKS) };
    }
}

/// How the capture thread reads: from the ring (a `socklab run`, whose packets can
/// come by the ten thousand) or by copying batches (a session, whose entries must see
/// their last packet at once rather than when a block is handed over).
enum Reader {
    Copy(CopyReader),
    Ring(RingReader),
}

impl Reader {
    fn read(&mut self, fd: &OwnedFd) -> std::io::Result<usize> {
        match self {
            Reader::Copy(r) => r.read(fd),
            Reader::Ring(r) => Ok(r.read()),
        }
    }

    fn frame(&self, k: usize) -> Option<(&[u8], Option<u16>)> {
        match self {
            Reader::Copy(r) => r.frame(k),
            Reader::Ring(r) => r.frame(k),
        }
    }
}

fn capture_loop(
    fd: OwnedFd,
    mut reader: Reader,
    shared: Arc<Shared>,
    filter: Option<Filter>,
    mut sink: Option<Sink>,
) {
    // Frames read since the queue was last found empty.
    let mut burst = 0usize;
    let mut ports: HashSet<u16> = HashSet::new();
    let mut ports_at_cursor = u64::MAX;
    let mut pending: VecDeque<(Instant, Packet)> = VecDeque::new();
    let mut kept: Vec<Packet> = Vec::with_capacity(BATCH);
    // The frames' buffers once a sink has seen them, for the next frames.
    let mut spare: Vec<Vec<u8>> = Vec::new();
    while !shared.stop.load(Ordering::Relaxed) {
        let n = match reader.read(&fd) {
            Ok(n) => n,
            Err(err) => {
                shared.ring.lock().failed = Some(format!("the capture socket failed: {err}"));
                shared.drained.notify_all();
                return;
            }
        };
        if n == 0 {
            let now = Instant::now();
            if let Some(filter) = &filter {
                judge_pending(
                    &mut pending,
                    &shared,
                    filter,
                    &mut ports,
                    &mut sink,
                    &mut spare,
                    now,
                );
            }
            if let Some(sink) = &mut sink {
                sink.idle();
            }
            let lost = dropped(&fd);
            let busy = burst > 0;
            burst = 0;
            {
                let mut ring = shared.ring.lock();
                ring.drained_at = now;
                ring.lost += lost;
                ring.waiting = !busy;
                ring.unjudged = !pending.is_empty();
            }
            shared.drained.notify_all();
            if busy {
                // Traffic flows: read it in batches rather than waking for every
                // frame, which would take the CPU from the very program being watched.
                // From the ring, whose blocks come every RING_RETIRE_MS at most, a few
                // blocks at a time (a catch_up or the end still wakes it at once).
                pause(&shared, if shared.program { PROGRAM_PAUSE_MS } else { 1 });
                continue;
            }
            let mut pfds = [
                libc::pollfd {
                    fd: fd.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                },
                libc::pollfd {
                    fd: shared.wake.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                },
            ];
            let wait = if pending.is_empty() { 50 } else { 20 };
            // SAFETY: two pollfds that live for the call.
            unsafe { libc::poll(pfds.as_mut_ptr(), 2, wait) };
            if pfds[1].revents & libc::POLLIN != 0 {
                shared.woken();
            }
            shared.ring.lock().waiting = false;
            continue;
        }
        burst += n;
        // One batch was read within microseconds: it shares the cursor and the cause.
        let cursor = (shared.cursor)();
        let cause = shared.cause.lock().clone();
        let at = SystemTime::now();
        for k in 0..n {
            let Some((frame, wire_segment)) = reader.frame(k) else {
                continue;
            };
            let Some(summary) = Summary::parse(frame) else {
                continue;
            };
            let mut data = spare.pop().unwrap_or_default();
            data.clear();
            data.extend_from_slice(frame);
            let packet = Packet {
                number: 0,
                at,
                seq: cursor,
                cause: cause.clone(),
                data,
                summary,
                wire_segment,
            };
            let Some(filter) = &filter else {
                kept.push(packet);
                continue;
            };
            // The ports are looked up again only when a packet is not known to be
            // the session's (a new connection), or packets wait: a snapshot of the
            // table for every packet would cost more than the packet.
            if ports_at_cursor != cursor && (!pending.is_empty() || !ours(&packet.summary, &ports))
            {
                // Ports are never forgotten: the FIN of a closed socket comes after
                // close(). Packets waiting for them come first, in order.
                ports.extend(filter());
                ports_at_cursor = cursor;
                // Those waited since an earlier batch: they come before this one's.
                let mut earlier: Vec<Packet> = Vec::new();
                let now = Instant::now();
                pending.retain(|(since, p)| {
                    if ours(&p.summary, &ports) {
                        earlier.push(p.clone());
                        false
                    } else {
                        now.duration_since(*since) < PENDING_FOR
                    }
                });
                earlier.append(&mut kept);
                kept = earlier;
            }
            if ours(&packet.summary, &ports) {
                kept.push(packet);
            } else {
                pending.push_back((Instant::now(), packet));
                if pending.len() > 4096 {
                    pending.pop_front();
                }
            }
        }
        keep_all(&shared, &mut kept, &mut sink, &mut spare);
    }
}

/// Packets dropped since the last call (the kernel resets the count as it reads it).
fn dropped(fd: &OwnedFd) -> u64 {
    // SAFETY: tpacket_stats is plain data; zeroed is valid.
    let mut stats: libc::tpacket_stats = unsafe { std::mem::zeroed() };
    let mut len = std::mem::size_of::<libc::tpacket_stats>() as u32;
    // SAFETY: stats and len are valid for the call.
    let rc = unsafe {
        libc::getsockopt(
            fd.as_raw_fd(),
            libc::SOL_PACKET,
            libc::PACKET_STATISTICS,
            &mut stats as *mut libc::tpacket_stats as *mut libc::c_void,
            &mut len,
        )
    };
    if rc == 0 {
        u64::from(stats.tp_drops)
    } else {
        0
    }
}

fn ours(s: &Summary, ports: &HashSet<u16>) -> bool {
    ports.contains(&s.src.port()) || ports.contains(&s.dst.port())
}

/// Decide on the waiting packets with the ports known now: keep the session's, drop
/// others once they have waited long enough.
fn judge_pending(
    pending: &mut VecDeque<(Instant, Packet)>,
    shared: &Shared,
    filter: &Filter,
    ports: &mut HashSet<u16>,
    sink: &mut Option<Sink>,
    spare: &mut Vec<Vec<u8>>,
    now: Instant,
) {
    if pending.is_empty() {
        return;
    }
    ports.extend(filter());
    sweep(pending, shared, ports, sink, spare, now);
}

fn sweep(
    pending: &mut VecDeque<(Instant, Packet)>,
    shared: &Shared,
    ports: &HashSet<u16>,
    sink: &mut Option<Sink>,
    spare: &mut Vec<Vec<u8>>,
    now: Instant,
) {
    if pending.is_empty() {
        return;
    }
    let mut others = VecDeque::new();
    for (since, packet) in pending.drain(..) {
        if ours(&packet.summary, ports) {
            keep_all(shared, &mut vec![packet], sink, spare);
        } else if now.duration_since(since) < PENDING_FOR {
            others.push_back((since, packet));
        }
    }
    *pending = others;
}

/// Keep a batch with one look at the ring: number each packet, and hand it to the
/// sink (a program's capture, which keeps nothing itself: no one asks it for a packet
/// by number, and keeping each frame would cost an allocation per packet) or keep it
/// in the ring (a session's).
fn keep_all(
    shared: &Shared,
    batch: &mut Vec<Packet>,
    sink: &mut Option<Sink>,
    spare: &mut Vec<Vec<u8>>,
) {
    if batch.is_empty() {
        return;
    }
    let mut ring = shared.ring.lock();
    for mut packet in batch.drain(..) {
        packet.number = ring.next_number;
        ring.next_number += 1;
        if let Some(sink) = sink {
            sink.packet(&packet);
            if spare.len() < 2 * BATCH {
                spare.push(packet.data);
            }
            continue;
        }
        if ring.packets.len() >= RING {
            ring.packets.pop_front();
        }
        ring.packets.push_back(packet);
    }
}
