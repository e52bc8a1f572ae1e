//! `socklab completions SHELL`: the shell's completion script for socklab, generated
//! from the command-line shapes in `cli` so it never falls behind a new subcommand.

use clap::CommandFactory;
use std::io::Write;

/// Print the completion script for `shell` and return the exit code.
pub fn completions_command(args: &crate::cli::CompletionsArgs) -> i32 {
    let mut script = Vec::new();
    let mut cmd = crate::cli::Cli::command();
    // clap_complete panics when its writer fails, so it writes to memory and a closed
    // pipe (`socklab completions bash | head -1`) is met here, where it is a normal end.
    let shell = match args.shell {
        crate::cli::Shell::Bash => clap_complete::Shell::Bash,
        crate::cli::Shell::Zsh => clap_complete::Shell::Zsh,
        crate::cli::Shell::Fish => clap_complete::Shell::Fish,
    };
    clap_complete::generate(shell, &mut cmd, "socklab", &mut script);
    let mut out = std::io::stdout().lock();
    match out.write_all(&script).and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "socklab: cannot write the script: {e}");
            1
        }
    }
}
