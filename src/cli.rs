//! Command-line arguments. Only shapes and help text live here; meaning lives in the
//! modules each command calls.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// socklab: type the lecture's Python, watch real sockets respond.
#[derive(Parser, Debug)]
#[command(name = "socklab", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run a Python program exactly as `python3 FILE` would (use `-` for standard input).
    Run(RunArgs),
}

#[derive(clap::Args, Debug)]
pub struct RunArgs {
    /// Always add a `hint:` line after an error, even when output is not a terminal.
    #[arg(long)]
    pub explain: bool,
    /// Print every socket event (created, bound, sent 3 bytes ...) to standard error.
    #[arg(long)]
    pub trace_events: bool,
    /// The program to run, or `-` for standard input.
    pub file: PathBuf,
    /// Arguments the program sees in `sys.argv[1:]`.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub args: Vec<String>,
}
