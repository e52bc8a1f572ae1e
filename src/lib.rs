//! socklab: an interactive lab where students type the lecture's Python socket code and
//! real OS sockets respond.
//!
//! # Layout
//! - `cli`: command-line shapes (clap); no behaviour.
//! - `run`: what each command does, and the one place exit codes are decided.

pub mod cli;

use clap::Parser;

/// Parse the command line, do what it says, and return the process exit code.
pub fn run() -> i32 {
    let cli = cli::Cli::parse();
    match cli.command {
        Some(cli::Command::Run(_args)) => 0,
        None => 0,
    }
}
