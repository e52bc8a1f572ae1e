//! `socklab serve KIND`: one lab service in the foreground, a line per peer, until
//! Ctrl-C or SIGTERM.

use super::context::{Ctx, Log};
use super::dispatch::{bind, connection_limit, exposure_warning, raise_fd_limit, serve};
use super::{warn, Kind, LabError, Limits, Service};
use crate::cli::ServeArgs;
use std::io::{self, Write};
use std::sync::mpsc::sync_channel;
use std::sync::Arc;
use std::time::Duration;

/// `socklab serve KIND`: run one service in the foreground until Ctrl-C or SIGTERM.
pub fn serve_command(args: &ServeArgs) -> i32 {
    match serve_foreground(args) {
        Ok(()) => 0,
        Err(e) => {
            warn(format_args!("socklab: error: {e}"));
            1
        }
    }
}

fn serve_foreground(args: &ServeArgs) -> Result<(), LabError> {
    let kind: Kind = args.kind.parse()?;
    let service = Service::new(kind, args.udp)?;
    let fd_limit = raise_fd_limit();
    let mut limits = Limits::for_kind(kind);
    if let Some(max) = args.max_connections {
        limits.max_connections = max;
    }
    limits.max_connections = connection_limit(limits.max_connections, fd_limit);

    // One worker per core, work-stealing: the runtime `bench/echo.sh` measured best of
    // those tried (one single-threaded runtime per core did no better).
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("socklab-serve")
        .build()
        .map_err(LabError::Runtime)?;
    let bound = bind(
        service,
        &args.host,
        args.port.unwrap_or(kind.default_port()),
    )?;
    let addr = bound.addr;
    // Installed before the "listening" line: from then on a script may send SIGTERM, and
    // it must stop the service cleanly rather than kill it.
    let signals = {
        let _runtime = runtime.enter();
        StopSignals::install()
    };

    let mut stdout = io::stdout();
    let stands_for = match kind.real_port() {
        Some(port) => format!("the real one is port {port}"),
        None => "a lab-only service".to_string(),
    };
    // The first line is the contract with scripts and tests: "... listening on ADDR ...".
    let _ = writeln!(
        stdout,
        "{service} listening on {addr} ({stands_for}); Ctrl-C stops it"
    );
    if let Some(warning) = exposure_warning(service, addr) {
        warn(warning);
    }

    let (log, logger) = if args.quiet {
        (Log::Quiet, None)
    } else {
        // Up to 4096 lines wait for the terminal; beyond that, lines are dropped so that a
        // slow terminal never slows the service.
        let (tx, rx) = sync_channel::<String>(4096);
        let logger = std::thread::Builder::new()
            .name("socklab-log".into())
            .spawn(move || {
                let mut out = io::stdout();
                let mut open = true;
                for line in rx {
                    // A closed pipe (`serve | head`) only ends the log: peers are still served.
                    if open && writeln!(out, "{line}").is_err() {
                        open = false;
                    }
                }
            })
            .map_err(LabError::Runtime)?;
        (Log::Print(tx), Some(logger))
    };
    let ctx = Arc::new(Ctx::new(service, limits, log));

    let stopped_by = runtime.block_on(async move {
        tokio::select! {
            result = serve(bound, ctx) => match result {
                Ok(()) => "the service ended".to_string(),
                Err(e) => format!("the service failed: {e}"),
            },
            signal = signals.wait() => signal.to_string(),
        }
    });
    // Dropping the runtime drops every peer's task, closing its socket.
    runtime.shutdown_timeout(Duration::from_secs(1));
    if let Some(logger) = logger {
        let _ = logger.join();
    }
    let _ = writeln!(stdout, "{service} on {addr} stopped ({stopped_by})");
    Ok(())
}

/// Ctrl-C (SIGINT) and SIGTERM, caught from the moment this is built.
struct StopSignals {
    terminate: Option<tokio::signal::unix::Signal>,
    interrupt: Option<tokio::signal::unix::Signal>,
}

impl StopSignals {
    /// Must be called inside the runtime.
    fn install() -> StopSignals {
        use tokio::signal::unix::{signal, SignalKind};
        StopSignals {
            terminate: signal(SignalKind::terminate()).ok(),
            interrupt: signal(SignalKind::interrupt()).ok(),
        }
    }

    /// Wait for either and name the one that came.
    async fn wait(mut self) -> &'static str {
        tokio::select! {
            Some(_) = async { self.terminate.as_mut()?.recv().await } => "SIGTERM",
            Some(_) = async { self.interrupt.as_mut()?.recv().await } => "Ctrl-C",
            // No handler could be installed: run until killed.
            else => std::future::pending().await,
        }
    }
}
