//! Lessons: scripted exercises through the lecture, step by step, checked on the state
//! of a live session (never on the text typed).
//!
//! # Layout
//! - `format.rs`: the lesson file (Markdown with marked parts) → [`format::Lesson`], with
//!   a line and column for everything, and problems instead of failures.
//! - `lint.rs`: `socklab lesson lint`: every problem of a set of lessons, and the rule
//!   that a check may only read.
//! - `engine.rs`: a lesson in its own [`crate::session::Session`]: services, setup, the
//!   student's entries, the checks and their helpers. `learn`, `demo` and `check` all
//!   drive it.
//! - `check.rs`: `socklab lesson check`: model solutions run headless, every check
//!   proved false before and true after its step's solution.
//! - `progress.rs`: the student's progress file, atomic and forgiving.
//! - `learn.rs`: `socklab learn`: the REPL with the step above the prompt, and the plain
//!   mode for a pipe.
//! - `demo.rs`: `socklab lesson demo`: the instructor's projector view.
//! - `report.rs`: `lesson list`, `lesson solution`, `lesson progress --export` and the
//!   class `lesson report`.
//!
//! The course's own lessons (`lessons/*.md`) are built into the binary (`build.rs`), so
//! `socklab learn` works from any folder; `--lessons DIR` takes an instructor's instead.

pub mod check;
pub mod demo;
pub mod engine;
pub mod format;
pub mod learn;
pub mod lint;
pub mod progress;
pub mod report;

use crate::cli::{LessonArgs, LessonCommand};
use std::io::Write;
use std::path::Path;

/// A lesson file's bytes and the path shown in messages.
#[derive(Clone, Debug)]
pub struct Source {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The lessons built into the binary.
pub fn builtin() -> Vec<Source> {
    let files: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/lessons.rs"));
    files
        .iter()
        .map(|(name, bytes)| Source {
            path: format!("lessons/{name}"),
            bytes: bytes.to_vec(),
        })
        .collect()
}

/// The lesson files at `path`: the file itself, or every `.md` in the folder.
pub fn read_path(path: &Path) -> Result<Vec<Source>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let files = if meta.is_dir() {
        let mut files: Vec<_> = std::fs::read_dir(path)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .collect();
        files.sort();
        files
    } else {
        vec![path.to_path_buf()]
    };
    files
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
            Ok(Source {
                path: p.display().to_string(),
                bytes,
            })
        })
        .collect()
}

/// The lessons a command works on, linted: only those without a problem are usable.
pub struct Library {
    pub lessons: Vec<format::Lesson>,
    pub diagnostics: Vec<lint::Diagnostic>,
}

impl Library {
    pub fn load(dir: Option<&Path>) -> Result<Library, String> {
        let sources = match dir {
            Some(d) => read_path(d)?,
            None => builtin(),
        };
        let (lessons, diagnostics) = lint::lint(&sources);
        let lessons = course_order(lessons);
        Ok(Library {
            lessons,
            diagnostics,
        })
    }

    pub fn find(&self, id: &str) -> Result<&format::Lesson, String> {
        if let Some(l) = self.lessons.iter().find(|l| l.id == id) {
            return Ok(l);
        }
        // A lesson left out for its problems is found by its file's name
        // (`02-first-connection.md` for `first-connection`).
        if let Some(d) = self.diagnostics.iter().find(|d| {
            std::path::Path::new(&d.path)
                .file_stem()
                .and_then(|s| s.to_str())
                .is_some_and(|s| s == id || s.ends_with(&format!("-{id}")))
        }) {
            return Err(format!(
                "lesson `{id}` has problems and is not run (see `socklab lesson lint`): {d}"
            ));
        }
        let known: Vec<&str> = self.lessons.iter().map(|l| l.id.as_str()).collect();
        Err(format!(
            "no lesson `{id}`; the lessons are: {}",
            if known.is_empty() {
                "(none)".to_string()
            } else {
                known.join(", ")
            }
        ))
    }

    /// Tell about lessons that will not run, on standard error.
    pub fn warn(&self) {
        if !self.diagnostics.is_empty() {
            let mut err = std::io::stderr();
            let _ = writeln!(
                err,
                "socklab: {} problem(s) in the lessons; those lessons are left out \
                 (`socklab lesson lint` lists them)",
                self.diagnostics.len()
            );
        }
    }
}

/// The lessons in file order, except that a lesson comes after those it needs.
pub fn course_order(mut pending: Vec<format::Lesson>) -> Vec<format::Lesson> {
    let mut out: Vec<format::Lesson> = Vec::new();
    while !pending.is_empty() {
        let ready = pending.iter().position(|l| {
            l.needs_lessons
                .iter()
                .all(|n| out.iter().any(|o| &o.id == n) || !pending.iter().any(|p| &p.id == n))
        });
        // Lint has refused cycles, so one is always ready; stay safe regardless.
        out.push(pending.remove(ready.unwrap_or(0)));
    }
    out
}

/// Whether `command` will run a lesson that captures packets (`capture = true`):
/// `main` asks before any thread starts, since a capture without root needs a private
/// network, which the kernel gives only to a process with one thread.
pub fn wants_capture(command: &crate::cli::Command) -> bool {
    use crate::cli::Command;
    let (dir, id) = match command {
        Command::Learn(a) => (a.lessons.as_deref(), a.id.as_deref()),
        Command::Lesson(LessonArgs {
            command: LessonCommand::Demo { id, lessons },
        }) => (lessons.as_deref(), Some(id.as_str())),
        Command::Lesson(LessonArgs {
            command: LessonCommand::Check { which, lessons, .. },
        }) => match which.as_deref() {
            Some(w) if Path::new(w).exists() => (Some(Path::new(w)), None),
            Some(w) => (lessons.as_deref(), Some(w)),
            None => (lessons.as_deref(), None),
        },
        _ => return false,
    };
    let Ok(library) = Library::load(dir) else {
        return false;
    };
    match (command, id) {
        (Command::Learn(_), _) => {
            learn::choose(&library, id, &progress::Store::peek()).is_ok_and(|l| l.capture)
        }
        (_, Some(id)) => library.find(id).is_ok_and(|l| l.capture),
        (_, None) => library.lessons.iter().any(|l| l.capture),
    }
}

/// Write to standard output; a closed pipe is a normal end.
pub(crate) fn say(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

fn fail(msg: &str) -> i32 {
    let _ = writeln!(std::io::stderr(), "socklab: {msg}");
    1
}

/// `socklab lesson ...`.
pub fn lesson_command(args: &LessonArgs, color: crate::view::ColorChoice) -> i32 {
    match &args.command {
        LessonCommand::Lint { path } => lint_command(path),
        LessonCommand::Check {
            which,
            lessons,
            repeat,
        } => check_command(which.as_deref(), lessons.as_deref(), *repeat),
        LessonCommand::List { lessons } => report::list_command(lessons.as_deref()),
        LessonCommand::Solution { id, lessons } => report::solution_command(id, lessons.as_deref()),
        LessonCommand::Demo { id, lessons } => demo::demo_command(id, lessons.as_deref(), color),
        LessonCommand::Progress {
            export,
            name,
            lessons,
        } => report::export_command(export.as_deref(), name.as_deref(), lessons.as_deref()),
        LessonCommand::Report {
            files,
            csv,
            lessons,
        } => report::report_command(files, *csv, lessons.as_deref()),
    }
}

fn lint_command(path: &Path) -> i32 {
    let sources = match read_path(path) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    // A single file is linted among its neighbours (its prerequisites live there), but
    // only its own problems are told.
    let (lessons, diagnostics) = if path.is_dir() {
        lint::lint(&sources)
    } else {
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
        let mut all = dir
            .and_then(|d| read_path(d).ok())
            .unwrap_or_default()
            .into_iter()
            .filter(|s| !sources.iter().any(|f| same_file(&f.path, &s.path)))
            .collect::<Vec<_>>();
        all.extend(sources.iter().cloned());
        let (lessons, diags) = lint::lint(&all);
        let mine = |p: &str| sources.iter().any(|f| same_file(&f.path, p));
        (
            lessons.into_iter().filter(|l| mine(&l.path)).collect(),
            diags.into_iter().filter(|d| mine(&d.path)).collect(),
        )
    };
    let mut text = String::new();
    for d in &diagnostics {
        text.push_str(&format!("{d}\n"));
    }
    if diagnostics.is_empty() {
        let steps: usize = lessons.iter().map(|l| l.steps.len()).sum();
        text.push_str(&format!(
            "{} lesson(s), {steps} step(s): no problems\n",
            lessons.len()
        ));
        let _ = say(&text);
        0
    } else {
        let _ = std::io::stderr().write_all(text.as_bytes());
        1
    }
}

fn same_file(a: &str, b: &str) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

fn check_command(which: Option<&str>, lessons: Option<&Path>, repeat: usize) -> i32 {
    // `check DIR` is `check --lessons DIR`; `check ID` picks one lesson.
    let (dir, id) = match which {
        Some(w) if Path::new(w).exists() => (Some(Path::new(w)), None),
        Some(w) => (lessons, Some(w)),
        None => (lessons, None),
    };
    let library = match Library::load(dir) {
        Ok(l) => l,
        Err(e) => return fail(&e),
    };
    let mut code = 0;
    let mut err = std::io::stderr();
    for d in &library.diagnostics {
        let _ = writeln!(err, "{d}");
        code = 1;
    }
    let chosen: Vec<format::Lesson> = match id {
        Some(id) => match library.find(id) {
            Ok(l) => vec![l.clone()],
            Err(e) => return fail(&e),
        },
        None => library.lessons.clone(),
    };
    let started = std::time::Instant::now();
    let reports = check::check_all(&chosen, repeat);
    let mut out = String::new();
    if let Some(why) = reports.iter().find_map(|r| r.no_capture.as_ref()) {
        let _ = writeln!(err, "socklab: the packet checks are left out: {why}");
    }
    for r in &reports {
        if r.problems.is_empty() {
            out.push_str(&format!(
                "ok    {} ({} steps, {:.1} s{})\n",
                r.id,
                r.steps,
                r.took.as_secs_f64(),
                if r.no_capture.is_some() {
                    "; packet checks left out"
                } else {
                    ""
                }
            ));
        } else {
            code = 1;
            out.push_str(&format!("FAIL  {}\n", r.id));
            for p in &r.problems {
                let _ = writeln!(err, "{p}");
            }
        }
    }
    out.push_str(&format!(
        "{} lesson(s) checked in {:.1} s{}\n",
        reports.len(),
        started.elapsed().as_secs_f64(),
        if repeat > 1 {
            format!(", {repeat} times each")
        } else {
            String::new()
        }
    ));
    let _ = say(&out);
    code
}
