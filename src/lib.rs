//! socklab: an interactive lab where students type the lecture's Python socket code and
//! real OS sockets respond.
//!
//! # Layout
//! - `cli`: command-line shapes (clap); no behaviour.
//! - `run`: what each command does, and the one place exit codes are decided.
//! - `labs`: the built-in lab services (echo, daytime, upper, http, chat, trickle), the
//!   `serve`, `connect` and `listen` commands, and `Services` for the REPL's `:serve`.

pub mod cli;
pub mod labs;

use clap::Parser;

/// Parse the command line, do what it says, and return the process exit code.
pub fn run() -> i32 {
    let cli = cli::Cli::parse();
    match cli.command {
        Some(cli::Command::Run(_args)) => 0,
        Some(cli::Command::Serve(args)) => labs::serve_command(&args),
        Some(cli::Command::Connect(args)) => labs::connect_command(&args),
        Some(cli::Command::Listen(args)) => labs::listen_command(&args),
        None => 0,
    }
}
