//! What a student meets after installing socklab: `--version`, and the completion
//! scripts `socklab completions bash|zsh|fish` writes, loaded into a real bash.

use assert_cmd::Command;
use clap::CommandFactory;
use predicates::prelude::*;
use std::process::Stdio;

fn socklab() -> Command {
    Command::cargo_bin("socklab").expect("the socklab binary")
}

/// The subcommands a completion script has to offer (hidden ones are left out), from
/// the parser itself, so a new subcommand is checked without editing this test.
fn subcommands() -> Vec<String> {
    socklab::cli::Cli::command()
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| c.get_name().to_string())
        .collect()
}

fn script(shell: &str) -> String {
    let out = socklab()
        .args(["completions", shell])
        .output()
        .expect("run");
    assert!(out.status.success(), "completions {shell}: {out:?}");
    assert!(
        out.stderr.is_empty(),
        "completions {shell} wrote to stderr: {out:?}"
    );
    String::from_utf8(out.stdout).expect("a script is text")
}

#[test]
fn version_names_the_package_version() {
    socklab()
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("socklab {}\n", env!("CARGO_PKG_VERSION")));
}

/// Runs `body` in a bash that has sourced the bash script, and returns its stdout.
fn in_bash_with_completions(body: &str) -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let file = std::env::temp_dir().join(format!(
        "socklab-completions-{}-{}.bash",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::write(&file, script("bash")).expect("write the script");
    let out = std::process::Command::new("bash")
        .arg("--noprofile")
        .arg("--norc")
        .arg("-c")
        .arg(format!("set -e; source {}; {body}", file.display()))
        .output()
        .expect("bash runs");
    let _ = std::fs::remove_file(&file);
    assert!(out.status.success(), "bash: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn bash_script_loads_and_registers_its_function() {
    let registered = in_bash_with_completions("complete -p socklab");
    assert!(
        registered.contains("-F _socklab") && registered.trim_end().ends_with(" socklab"),
        "{registered}"
    );
}

/// Bash asks the function with COMP_WORDS/COMP_CWORD set and reads COMPREPLY, as on Tab.
fn complete_in_bash(words: &[&str]) -> Vec<String> {
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let cword = words.len() - 1;
    let prev = if cword > 0 { words[cword - 1] } else { "" };
    let body = format!(
        "COMP_WORDS=({}); COMP_CWORD={cword}; _socklab socklab '{}' '{prev}'; \
         printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        quoted.join(" "),
        words[cword]
    );
    in_bash_with_completions(&body)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completes_subcommands_shells_and_options() {
    let all = complete_in_bash(&["socklab", ""]);
    for name in subcommands() {
        assert!(all.contains(&name), "{name} missing from {all:?}");
    }
    assert_eq!(complete_in_bash(&["socklab", "comp"]), ["completions"]);
    let shells = complete_in_bash(&["socklab", "completions", ""]);
    for shell in ["bash", "zsh", "fish"] {
        assert!(shells.iter().any(|s| s == shell), "{shells:?}");
    }
    assert_eq!(complete_in_bash(&["socklab", "serve", "--p"]), ["--port"]);
}

#[test]
fn zsh_and_fish_scripts_name_every_subcommand() {
    let zsh = script("zsh");
    assert!(zsh.starts_with("#compdef socklab"), "{zsh}");
    let fish = script("fish");
    assert!(fish.contains("complete -c socklab"), "{fish}");
    for name in subcommands() {
        assert!(zsh.contains(&format!("'{name}:")), "zsh lacks {name}");
        assert!(
            fish.contains(&format!("-a \"{name}\"")),
            "fish lacks {name}"
        );
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    socklab()
        .args(["completions", "powershell"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("invalid value 'powershell'")
                .and(predicate::str::contains(
                    "[possible values: bash, zsh, fish]",
                ))
                .and(predicate::str::contains("panicked").not()),
        );
    socklab().arg("completions").assert().code(2).stderr(
        predicate::str::contains("<SHELL>").and(predicate::str::contains("panicked").not()),
    );
}

#[test]
fn a_closed_pipe_ends_the_script_quietly() {
    // The reading end is closed before socklab writes, as when `| head -1` has already
    // gone: the write fails with EPIPE every time, not only when the script outgrows the
    // pipe's buffer.
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_socklab"))
        .args(["completions", "bash"])
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?} {stderr}", out.status);
    assert!(stderr.is_empty(), "{stderr}");
}
