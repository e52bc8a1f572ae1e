//! Lab services in the background of a synchronous program: the REPL's `:serve`.
//!
//! The interpreter blocks in `recv` like CPython does, so the services cannot share its
//! thread. Each started service gets a thread of its own running a single-threaded tokio
//! runtime; `stop` tells it to finish and waits for the thread, and because the runtime
//! owns every socket of the service (listening and connected), all of them are closed when
//! `stop` returns: the port can be bound again at once.
//!
//! ```no_run
//! let mut services = socklab::labs::Services::new();
//! let info = services.start("echo", "127.0.0.1", Some(0))?;   // port 0: any free port
//! println!("{info}");                                        // echo (TCP) on 127.0.0.1:41234
//! services.stop("all")?;
//! # Ok::<(), socklab::labs::LabError>(())
//! ```

use super::context::{Ctx, Log};
use super::dispatch;
use super::{LabError, Limits, Service, DEFAULT_HOST};
use std::collections::VecDeque;
use std::fmt;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;
use tokio::sync::oneshot;

/// A service that is running: what it is and where it listens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunningInfo {
    pub service: Service,
    /// The address it is bound to, with the real port if port 0 was asked for.
    pub addr: SocketAddr,
    /// Set when the service is reachable from other machines (not bound to loopback).
    pub warning: Option<String>,
}

impl fmt::Display for RunningInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} on {}", self.service, self.addr)
    }
}

/// How to start a service; [`Options::default`] is what `:serve KIND` uses.
#[derive(Clone, Debug)]
pub struct Options {
    pub host: String,
    /// `None` for the service's default port, `Some(0)` for any free port.
    pub port: Option<u16>,
    /// `None` for the service's usual [`Limits`].
    pub limits: Option<Limits>,
    /// Keep one line per peer for [`Services::drain_log`].
    pub keep_log: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            host: DEFAULT_HOST.to_string(),
            port: None,
            limits: None,
            keep_log: true,
        }
    }
}

struct Running {
    info: RunningInfo,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Running {
    fn stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The lab services one session runs. Dropping it stops them all.
pub struct Services {
    running: Vec<Running>,
    log: Arc<Mutex<VecDeque<String>>>,
}

impl Default for Services {
    fn default() -> Services {
        Services::new()
    }
}

impl Services {
    pub fn new() -> Services {
        Services {
            running: Vec::new(),
            log: Arc::new(Mutex::new(VecDeque::new())),
        }
    }

    /// Start `name` (`echo`, `echo/udp`, `upper` ...) on `host`, on `port` or its default.
    pub fn start(
        &mut self,
        name: &str,
        host: &str,
        port: Option<u16>,
    ) -> Result<RunningInfo, LabError> {
        let service: Service = name.parse()?;
        let options = Options {
            host: host.to_string(),
            port,
            ..Options::default()
        };
        self.start_service(service, &options)
    }

    /// Start `service` with full control over its options.
    pub fn start_service(
        &mut self,
        service: Service,
        options: &Options,
    ) -> Result<RunningInfo, LabError> {
        if let Some(running) = self.running.iter().find(|r| r.info.service == service) {
            return Err(LabError::AlreadyRunning(running.info.clone()));
        }
        let mut limits = options
            .limits
            .clone()
            .unwrap_or_else(|| Limits::for_kind(service.kind));
        limits.max_connections =
            dispatch::connection_limit(limits.max_connections, dispatch::raise_fd_limit());
        let port = options.port.unwrap_or(service.kind.default_port());
        // The service's runtime and socket are socklab's own: out of the way of the
        // descriptors of the program beside it (`net::sys::out_of_the_way`).
        let (runtime, bound) = crate::net::sys::opening_out_of_the_way(|| {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(LabError::Runtime)?;
            let bound = dispatch::bind(service, &options.host, port)?;
            Ok::<_, LabError>((runtime, bound))
        })?;
        let info = RunningInfo {
            service,
            addr: bound.addr,
            warning: dispatch::exposure_warning(service, bound.addr),
        };
        let log = if options.keep_log {
            Log::Keep(self.log.clone())
        } else {
            Log::Quiet
        };
        let ctx = Arc::new(Ctx::new(service, limits, log));
        let (stop, stopped) = oneshot::channel::<()>();
        let thread = std::thread::Builder::new()
            .name(format!("socklab-{}", service.name()))
            .spawn(move || {
                runtime.block_on(async move {
                    tokio::select! {
                        result = dispatch::serve(bound, ctx.clone()) => {
                            if let Err(e) = result {
                                ctx.log(format_args!("stopped: {e}"));
                            }
                        }
                        _ = stopped => {}
                    }
                });
                // Dropping the runtime cancels every peer's task and closes its socket.
                runtime.shutdown_timeout(Duration::from_millis(200));
            })
            .map_err(LabError::Runtime)?;
        self.running.push(Running {
            info: info.clone(),
            stop: Some(stop),
            thread: Some(thread),
        });
        Ok(info)
    }

    /// The running services, in the order they were started.
    pub fn list(&self) -> Vec<RunningInfo> {
        self.running.iter().map(|r| r.info.clone()).collect()
    }

    /// Stop `which`: `all`, a kind (`echo`: over TCP and UDP), or a service (`echo/udp`).
    /// Returns what was stopped; every socket of those services is closed on return.
    pub fn stop(&mut self, which: &str) -> Result<Vec<RunningInfo>, LabError> {
        let which = which.trim();
        let matches = |info: &RunningInfo| -> bool {
            if which.eq_ignore_ascii_case("all") {
                return true;
            }
            if which.contains('/') {
                which.parse::<Service>().ok() == Some(info.service)
            } else {
                which.eq_ignore_ascii_case(info.service.kind.name())
            }
        };
        // Name errors first: `:stop ehco` should say there is no such service.
        if !which.eq_ignore_ascii_case("all") {
            let kind = which.split('/').next().unwrap_or(which);
            kind.parse::<super::Kind>()?;
        }
        let (mut stopping, keep): (Vec<Running>, Vec<Running>) =
            self.running.drain(..).partition(|r| matches(&r.info));
        self.running = keep;
        if stopping.is_empty() && !which.eq_ignore_ascii_case("all") {
            return Err(LabError::NotRunning(which.to_string()));
        }
        for running in &mut stopping {
            running.stop();
        }
        Ok(stopping.into_iter().map(|r| r.info).collect())
    }

    /// Lines logged by the services since the last call (one per peer event).
    pub fn drain_log(&self) -> Vec<String> {
        match self.log.lock() {
            Ok(mut lines) => lines.drain(..).collect(),
            Err(_) => Vec::new(),
        }
    }
}

impl Drop for Services {
    fn drop(&mut self) {
        for running in &mut self.running {
            running.stop();
        }
    }
}
