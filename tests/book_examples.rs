//! Every example in the book runs, and prints what the book says it prints.
//!
//! The book (`book/src/*.md`) shows programs as fenced ```` ```python ```` blocks. This
//! test finds each of them and runs it through `socklab run -` (the program on standard
//! input, a fresh temporary directory as working directory, `NO_COLOR=1`, killed after
//! 30 s):
//!
//! - a python block followed (after blank lines only) by a ```` ```text ```` block must
//!   print exactly that text on standard output;
//! - every python block must exit with status 0;
//! - a block fenced ```` ```python,ignore ```` is not run: keep those for REPL sessions and
//!   programs that need a second terminal or a lab service.
//!
//! The book promises that socklab prints what CPython prints, so the text blocks are
//! CPython's output. To check them against CPython itself, run
//!
//! ```text
//! BOOK_EXAMPLES_PYTHON=python3 cargo test --release --test book_examples
//! ```
//!
//! which runs every example with that interpreter too, under the same rules.
//!
//! All mismatches are collected and reported together, each as `file:line` of the
//! python block.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long one example may run before it is killed.
const LIMIT: Duration = Duration::from_secs(30);
/// Examples run at once (they mostly wait on sockets and sleeps, not on the CPU).
const WORKERS: usize = 4;

/// One python block of the book, and the output the book promises for it.
struct Example {
    /// `book/src/sockets.md:120`: where the python block's opening fence is.
    place: String,
    code: String,
    expected: Option<String>,
}

/// A fenced block: its info string (`python`, `text,ignore` ...), body and first line.
struct Block {
    info: String,
    body: String,
    line: usize,
    /// The line after the closing fence.
    end: usize,
}

/// Every fenced block of a Markdown file, in order. A fence may be indented (inside a
/// list item); the body loses that indentation.
fn blocks(text: &str) -> Vec<Block> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let trimmed = lines[i].trim_start();
        let indent = lines[i].len() - trimmed.len();
        let ticks = trimmed.chars().take_while(|&c| c == '`').count();
        if ticks < 3 {
            i += 1;
            continue;
        }
        let fence = &trimmed[..ticks];
        let info = trimmed[ticks..].trim().to_string();
        let start = i;
        let mut body = String::new();
        i += 1;
        while i < lines.len() {
            let t = lines[i].trim_start();
            if t.starts_with(fence) && t[ticks..].trim().is_empty() {
                break;
            }
            let line = lines[i];
            let cut = line.len() - line.trim_start().len();
            body.push_str(&line[cut.min(indent)..]);
            body.push('\n');
            i += 1;
        }
        i += 1;
        out.push(Block {
            info,
            body,
            line: start + 1,
            end: i,
        });
    }
    out
}

/// The examples of one Markdown file.
fn examples_in(path: &Path, shown: &str) -> Vec<Example> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{shown}: {e}"));
    let lines: Vec<&str> = text.lines().collect();
    let all = blocks(&text);
    let mut out = Vec::new();
    for (n, b) in all.iter().enumerate() {
        if b.info != "python" {
            continue;
        }
        let expected = all.get(n + 1).and_then(|next| {
            let only_blank_between = lines[b.end..next.line - 1]
                .iter()
                .all(|l| l.trim().is_empty());
            (next.info == "text" && only_blank_between).then(|| next.body.clone())
        });
        out.push(Example {
            place: format!("{shown}:{}", b.line),
            code: b.body.clone(),
            expected,
        });
    }
    out
}

fn book_examples() -> Vec<Example> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = root.join("book/src");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&src)
        .unwrap_or_else(|e| panic!("{}: {e}", src.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|p| {
            let shown = p.strip_prefix(root).unwrap_or(p).display().to_string();
            examples_in(p, &shown)
        })
        .collect()
}

/// What one run produced.
struct Outcome {
    stdout: String,
    stderr: String,
    /// `None`: killed after `LIMIT`, or ended by a signal.
    status: Option<i32>,
    timed_out: bool,
}

static RUN_NO: AtomicUsize = AtomicUsize::new(0);

/// Run `program args...` with `code` on standard input, in a fresh temporary directory.
fn run(program: &str, args: &[&str], code: &str) -> Result<Outcome, String> {
    let dir = std::env::temp_dir().join(format!(
        "socklab-book-{}-{}",
        std::process::id(),
        RUN_NO.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let result = run_in(program, args, code, &dir);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn run_in(program: &str, args: &[&str], code: &str, dir: &Path) -> Result<Outcome, String> {
    let mut child = Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("no stdin")?;
    let code = code.to_string();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(code.as_bytes());
    });
    let mut out_pipe = child.stdout.take().ok_or("no stdout")?;
    let mut err_pipe = child.stderr.take().ok_or("no stderr")?;
    let out_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out_pipe.read_to_end(&mut v);
        v
    });
    let err_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err_pipe.read_to_end(&mut v);
        v
    });
    let deadline = Instant::now() + LIMIT;
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) if Instant::now() >= deadline => {
                timed_out = true;
                let _ = child.kill();
                match child.wait() {
                    Ok(s) => break s,
                    Err(e) => return Err(format!("wait: {e}")),
                }
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(format!("wait: {e}")),
        }
    };
    let _ = feeder.join();
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    Ok(Outcome {
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
        status: status.code(),
        timed_out,
    })
}

/// What is wrong with one run of one example, if anything.
fn check(ex: &Example, who: &str, outcome: Result<Outcome, String>) -> Option<String> {
    let o = match outcome {
        Ok(o) => o,
        Err(e) => return Some(format!("{}: {who}: {e}", ex.place)),
    };
    let mut problems = Vec::new();
    if o.timed_out {
        problems.push(format!("killed after {} s", LIMIT.as_secs()));
    } else if o.status != Some(0) {
        problems.push(match o.status {
            Some(c) => format!("exit status {c}, expected 0"),
            None => "ended by a signal".to_string(),
        });
    }
    if let Some(expected) = &ex.expected {
        if &o.stdout != expected {
            problems.push(format!(
                "stdout differs from the text block{}\n--- expected (the book)\n{}--- actual ({who})\n{}---",
                first_difference(expected, &o.stdout),
                expected,
                o.stdout
            ));
        }
    }
    if problems.is_empty() {
        return None;
    }
    let mut report = format!("{}: {who}: {}", ex.place, problems.join("; "));
    if !o.stderr.is_empty() {
        let tail: Vec<&str> = o.stderr.lines().rev().take(8).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        report.push_str(&format!("\n--- stderr (last lines)\n{}", tail.join("\n")));
    }
    Some(report)
}

/// ` (first at line N of the output)`, or nothing when one output is a prefix of the other.
fn first_difference(a: &str, b: &str) -> String {
    a.lines()
        .zip(b.lines())
        .position(|(x, y)| x != y)
        .map(|n| format!(" (first at output line {})", n + 1))
        .unwrap_or_default()
}

/// Run every example with `program args`, `WORKERS` at a time; return the problems.
fn run_all(examples: &Arc<Vec<Example>>, program: &str, args: &[&str], who: &str) -> Vec<String> {
    let next = Arc::new(AtomicUsize::new(0));
    let problems = Arc::new(Mutex::new(Vec::new()));
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let examples = Arc::clone(examples);
            let next = Arc::clone(&next);
            let problems = Arc::clone(&problems);
            let program = program.to_string();
            let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
            let who = who.to_string();
            std::thread::spawn(move || loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                let Some(ex) = examples.get(n) else { break };
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                if let Some(p) = check(ex, &who, run(&program, &args, &ex.code)) {
                    problems
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push((n, p));
                }
            })
        })
        .collect();
    for w in workers {
        w.join().expect("a worker thread panicked");
    }
    let mut problems = std::mem::take(&mut *problems.lock().unwrap_or_else(|e| e.into_inner()));
    problems.sort();
    problems.into_iter().map(|(_, p)| p).collect()
}

#[test]
fn every_book_example_prints_what_the_book_says() {
    let examples = Arc::new(book_examples());
    assert!(
        examples.len() >= 20,
        "only {} python examples found in book/src: is the book there?",
        examples.len()
    );
    let mut problems = run_all(
        &examples,
        env!("CARGO_BIN_EXE_socklab"),
        &["run", "-"],
        "socklab",
    );
    if let Ok(python) = std::env::var("BOOK_EXAMPLES_PYTHON") {
        problems.extend(run_all(&examples, &python, &["-"], &python));
    }
    let with_output = examples.iter().filter(|e| e.expected.is_some()).count();
    assert!(
        problems.is_empty(),
        "\n{}\n\n{} problem(s) in {} book examples ({} with a text block)",
        problems.join("\n\n"),
        problems.len(),
        examples.len(),
        with_output
    );
    println!(
        "{} book examples ran ({} with their output checked)",
        examples.len(),
        with_output
    );
}

#[test]
fn a_python_block_takes_the_text_block_right_after_it() {
    let md = "Intro\n\n```python\nprint(1)\n```\n\n```text\n1\n```\n\n\
              ```python\nx = 1\n```\nA sentence.\n```text\nnot output\n```\n\n\
              ```python,ignore\nnever run\n```\n\n\
              - a list item:\n\n  ```python\n  print(2)\n  ```\n  ```text\n  2\n  ```\n";
    let dir = std::env::temp_dir().join(format!("socklab-book-parse-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("x.md");
    std::fs::write(&path, md).expect("write");
    let found = examples_in(&path, "x.md");
    let _ = std::fs::remove_dir_all(&dir);
    let summary: Vec<(String, String, Option<String>)> = found
        .into_iter()
        .map(|e| (e.place, e.code, e.expected))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("x.md:3".into(), "print(1)\n".into(), Some("1\n".into())),
            ("x.md:11".into(), "x = 1\n".into(), None),
            ("x.md:25".into(), "print(2)\n".into(), Some("2\n".into())),
        ]
    );
}
