//! Differential conformance against CPython 3.11.
//!
//! Every `tests/conformance/<dir>/X.py` is run as `socklab run X.py` (working directory:
//! the program's directory, stdin: null, `NO_COLOR=1`) and must reproduce what CPython did
//! when `tests/conformance/regen.sh` ran it:
//!
//! - `X.out`: standard output, byte for byte;
//! - `X.err`: the last line of standard error (without its newline; empty if none), where
//!   `{DIR}` stands for the program's absolute directory;
//! - `X.code`: the exit status (128+N for a death by signal N, as a shell reports it).
//!
//! Programs run on four threads, each limited to 60 s. Every mismatch is collected and
//! reported at the end, sorted by program name. `CONFORMANCE_FILTER=substr` (several may be
//! given, separated by commas) runs only the programs whose path, such as
//! `lang/str_methods_split.py`, contains one of them.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

const SOCKLAB: &str = env!("CARGO_BIN_EXE_socklab");
const TIME_LIMIT: Duration = Duration::from_secs(60);
/// How long the output pipes may stay open after socklab itself has exited.
const PIPE_GRACE: Duration = Duration::from_secs(5);
const WORKERS: usize = 4;
/// How many bytes of each side a mismatch report shows.
const SHOWN: usize = 300;

/// One program under `tests/conformance/<dir>/`.
struct Program {
    /// The program's directory, canonical: the working directory it runs in.
    dir: PathBuf,
    /// The file name, `X.py`, passed to `socklab run` as is.
    file: String,
    /// `<dir>/X.py`, used for filtering and in the report.
    name: String,
}

/// What CPython did, as regen.sh recorded it.
struct Expected {
    stdout: Vec<u8>,
    stderr_last: Vec<u8>,
    code: i32,
}

/// What socklab did.
struct Outcome {
    stdout: Vec<u8>,
    stderr_last: Vec<u8>,
    code: i32,
    timed_out: bool,
}

fn conformance_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("conformance")
}

/// Every `<dir>/X.py` below the conformance root, skipping helpers (names starting with `_`)
/// and the files directly in the root (such as `gen_big.py`).
fn find_programs(root: &Path) -> Vec<Program> {
    let mut programs = Vec::new();
    let entries =
        fs::read_dir(root).unwrap_or_else(|e| panic!("cannot read {}: {e}", root.display()));
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    for dir in dirs {
        let dir_name = file_name(&dir);
        if dir_name.starts_with('.') || dir_name.starts_with('_') {
            continue;
        }
        let dir = fs::canonicalize(&dir).unwrap_or(dir);
        let entries =
            fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
        for entry in entries.filter_map(Result::ok) {
            let file = file_name(&entry.path());
            if file.ends_with(".py") && !file.starts_with('_') {
                programs.push(Program {
                    name: format!("{dir_name}/{file}"),
                    dir: dir.clone(),
                    file,
                });
            }
        }
    }
    programs.sort_by(|a, b| a.name.cmp(&b.name));
    programs
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The last line of a stream: drop one trailing newline, keep what follows the last `\n`.
/// regen.sh computes exactly the same thing.
fn last_line(bytes: &[u8]) -> Vec<u8> {
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    match bytes.iter().rposition(|&b| b == b'\n') {
        Some(i) => bytes[i + 1..].to_vec(),
        None => bytes.to_vec(),
    }
}

fn replace_all(haystack: &[u8], needle: &[u8], replacement: &[u8]) -> Vec<u8> {
    if needle.is_empty() {
        return haystack.to_vec();
    }
    let mut out = Vec::with_capacity(haystack.len());
    let mut i = 0;
    while i < haystack.len() {
        if haystack[i..].starts_with(needle) {
            out.extend_from_slice(replacement);
            i += needle.len();
        } else {
            out.push(haystack[i]);
            i += 1;
        }
    }
    out
}

fn load_expected(program: &Program) -> Result<Expected, String> {
    let stem = program.file.trim_end_matches(".py");
    let read = |ext: &str| {
        let path = program.dir.join(format!("{stem}.{ext}"));
        fs::read(&path).map_err(|e| {
            format!(
                "cannot read {}: {e} (run tests/conformance/regen.sh)",
                path.display()
            )
        })
    };
    let stdout = read("out")?;
    let stderr_last = read("err")?;
    let code_text = read("code")?;
    let code_text = String::from_utf8_lossy(&code_text);
    let code = code_text
        .trim()
        .parse()
        .map_err(|_| format!("{stem}.code holds {code_text:?}, not an exit status"))?;
    let dir = format!("{}/", program.dir.display());
    let stderr_last = replace_all(&stderr_last, b"{DIR}/", dir.as_bytes());
    Ok(Expected {
        stdout,
        stderr_last,
        code,
    })
}

fn exit_code(status: ExitStatus) -> i32 {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return 128 + signal;
        }
    }
    status.code().unwrap_or(-1)
}

/// Reads a child's pipe to the end on its own thread, so a full pipe never stalls the child.
fn drain(pipe: Option<impl Read + Send + 'static>) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            // A read error just ends the capture; the comparison then reports the difference.
            let _ = pipe.read_to_end(&mut bytes);
        }
        bytes
    })
}

/// Waits for the child for at most `limit`, killing it when the limit passes.
fn wait_with_limit(child: &mut Child, limit: Duration) -> Result<(ExitStatus, bool), String> {
    let deadline = Instant::now() + limit;
    let mut pause = Duration::from_millis(1);
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Ok((status, false)),
            Ok(None) if Instant::now() >= deadline => {
                // The child may exit between try_wait and kill; wait() still reaps it.
                let _ = child.kill();
                let status = child
                    .wait()
                    .map_err(|e| format!("cannot wait for socklab: {e}"))?;
                return Ok((status, true));
            }
            Ok(None) => {
                thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(20));
            }
            Err(e) => return Err(format!("cannot wait for socklab: {e}")),
        }
    }
}

/// The reader's bytes, if it finishes before `deadline`.
fn join_before(reader: thread::JoinHandle<Vec<u8>>, deadline: Instant) -> Option<Vec<u8>> {
    while !reader.is_finished() {
        if Instant::now() >= deadline {
            return None;
        }
        thread::sleep(Duration::from_millis(10));
    }
    reader.join().ok()
}

fn pipes_held(timed_out: bool) -> String {
    let killed = if timed_out {
        format!("killed after {} s; ", TIME_LIMIT.as_secs())
    } else {
        String::new()
    };
    format!(
        "{killed}stdout/stderr still open {} s after socklab exited (a process it started holds them)",
        PIPE_GRACE.as_secs()
    )
}

fn run_socklab(program: &Program) -> Result<Outcome, String> {
    let mut child = Command::new(SOCKLAB)
        .arg("run")
        .arg(&program.file)
        .current_dir(&program.dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {SOCKLAB}: {e}"))?;
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let (status, timed_out) = wait_with_limit(&mut child, TIME_LIMIT)?;
    // Once socklab has exited its pipes close, unless a process it started still holds
    // them; wait for that a bounded time only.
    let pipes_deadline = Instant::now() + PIPE_GRACE;
    let stdout = join_before(stdout, pipes_deadline).ok_or_else(|| pipes_held(timed_out))?;
    let stderr = join_before(stderr, pipes_deadline).ok_or_else(|| pipes_held(timed_out))?;
    Ok(Outcome {
        stdout,
        stderr_last: last_line(&stderr),
        code: exit_code(status),
        timed_out,
    })
}

/// Up to `SHOWN` bytes, as a quoted one-line string with escapes, noting what was cut.
fn show(bytes: &[u8]) -> String {
    let shown = &bytes[..bytes.len().min(SHOWN)];
    let mut text = format!("{:?}", String::from_utf8_lossy(shown));
    if bytes.len() > SHOWN {
        text.push_str(&format!(" ... ({} bytes in all)", bytes.len()));
    }
    text
}

/// Where two outputs first differ: byte offset and 1-based line number.
fn first_difference(expected: &[u8], got: &[u8]) -> (usize, usize) {
    let at = expected
        .iter()
        .zip(got)
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| expected.len().min(got.len()));
    let line = 1 + expected[..at].iter().filter(|&&b| b == b'\n').count();
    (at, line)
}

/// The lines of the report for one program; empty when it conforms.
fn compare(program: &Program) -> Vec<String> {
    let expected = match load_expected(program) {
        Ok(expected) => expected,
        Err(problem) => return vec![problem],
    };
    let got = match run_socklab(program) {
        Ok(got) => got,
        Err(problem) => return vec![problem],
    };
    let mut problems = Vec::new();
    if got.timed_out {
        problems.push(format!(
            "killed after {} s (CPython finished)",
            TIME_LIMIT.as_secs()
        ));
    }
    if got.stdout != expected.stdout {
        let (at, line) = first_difference(&expected.stdout, &got.stdout);
        let mut text = format!(
            "stdout differs at byte {at} (line {line}); expected {} bytes, got {}\n      expected: {}\n      got:      {}",
            expected.stdout.len(),
            got.stdout.len(),
            show(&expected.stdout),
            show(&got.stdout)
        );
        if at >= SHOWN {
            let from = expected.stdout[..at]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let tail = |bytes: &[u8]| show(bytes.get(from..).unwrap_or_default());
            text.push_str(&format!(
                "\n      from line {line}, expected: {}\n      from line {line}, got:      {}",
                tail(&expected.stdout),
                tail(&got.stdout)
            ));
        }
        problems.push(text);
    }
    if got.stderr_last != expected.stderr_last {
        problems.push(format!(
            "last stderr line differs\n      expected: {}\n      got:      {}",
            show(&expected.stderr_last),
            show(&got.stderr_last)
        ));
    }
    if got.code != expected.code {
        problems.push(format!(
            "exit status differs: expected {}, got {}",
            expected.code, got.code
        ));
    }
    problems
}

fn selected(programs: Vec<Program>) -> Vec<Program> {
    let filter = std::env::var("CONFORMANCE_FILTER").unwrap_or_default();
    let wanted: Vec<&str> = filter
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if wanted.is_empty() {
        return programs;
    }
    let chosen: Vec<Program> = programs
        .into_iter()
        .filter(|p| wanted.iter().any(|w| p.name.contains(w)))
        .collect();
    assert!(
        !chosen.is_empty(),
        "CONFORMANCE_FILTER={filter:?} matches no program"
    );
    chosen
}

#[test]
fn conformance() {
    let root = conformance_root();
    let programs = selected(find_programs(&root));
    assert!(
        !programs.is_empty(),
        "no programs found under {}",
        root.display()
    );

    let next = AtomicUsize::new(0);
    let failures: Mutex<Vec<(String, Vec<String>)>> = Mutex::new(Vec::new());
    thread::scope(|scope| {
        for _ in 0..WORKERS.min(programs.len()) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(program) = programs.get(i) else {
                    break;
                };
                let problems = compare(program);
                if !problems.is_empty() {
                    let mut failures = failures.lock().unwrap_or_else(|e| e.into_inner());
                    failures.push((program.name.clone(), problems));
                }
            });
        }
    });

    let mut failures = failures.into_inner().unwrap_or_else(|e| e.into_inner());
    failures.sort_by(|a, b| a.0.cmp(&b.0));
    eprintln!(
        "conformance: {} of {} programs match CPython",
        programs.len() - failures.len(),
        programs.len()
    );
    if failures.is_empty() {
        return;
    }
    let mut report = String::new();
    for (name, problems) in &failures {
        report.push_str(&format!("\n{name}\n"));
        for problem in problems {
            report.push_str(&format!("    - {problem}\n"));
        }
    }
    panic!(
        "{report}\n{} of {} programs differ from CPython (tests/conformance/README.md)",
        failures.len(),
        programs.len()
    );
}
