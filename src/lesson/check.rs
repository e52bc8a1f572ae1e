//! `socklab lesson check`: every lesson's model solutions run headless, as a student's
//! entries would, and every check is proved both ways:
//! - before the step's solution each check must be **false** (a check that passes with
//!   nothing done is a bug: it would pass a student who did nothing);
//! - after the solution every check must be true;
//! - and not before the solution's last entry, since `learn` moves on as soon as the
//!   checks pass and the rest of the solution would then run in the next step (this is
//!   what makes `lesson solution ID | learn ID` complete the lesson);
//! - a solution's entry must run without an error, unless its first line ends with the
//!   comment `# raises` (a step about an error), and then it must fail.
//!
//! Lessons run in parallel, each in its own session, on ports the OS chooses.

use super::engine::{entries, Engine, Failure};
use super::format::Lesson;
use super::lint::Diagnostic;
use std::time::{Duration, Instant};

/// What checking one lesson found.
pub struct Report {
    pub id: String,
    pub steps: usize,
    pub took: Duration,
    pub problems: Vec<Diagnostic>,
    /// Why the lesson's packet checks were left out (no capture possible here).
    pub no_capture: Option<String>,
}

/// Check `lessons`, each `repeat` times, in parallel.
pub fn check_all(lessons: &[Lesson], repeat: usize) -> Vec<Report> {
    std::thread::scope(|scope| {
        let handles: Vec<_> = lessons
            .iter()
            .map(|l| {
                scope.spawn(move || {
                    let started = Instant::now();
                    let mut problems = Vec::new();
                    let mut no_capture = None;
                    for _ in 0..repeat.max(1) {
                        (problems, no_capture) = check_lesson_capturing(l);
                        if !problems.is_empty() {
                            break;
                        }
                    }
                    Report {
                        id: l.id.clone(),
                        steps: l.steps.len(),
                        took: started.elapsed(),
                        problems,
                        no_capture,
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .zip(lessons)
            .map(|(h, l)| {
                h.join().unwrap_or_else(|_| Report {
                    id: l.id.clone(),
                    steps: l.steps.len(),
                    took: Duration::ZERO,
                    no_capture: None,
                    problems: vec![Diagnostic {
                        path: l.path.clone(),
                        pos: l.id_pos,
                        message: "checking this lesson hit an internal error (a bug)".into(),
                    }],
                })
            })
            .collect()
    })
}

/// Run one lesson's solutions and prove its checks; the problems found.
pub fn check_lesson(lesson: &Lesson) -> Vec<Diagnostic> {
    check_lesson_capturing(lesson).0
}

/// [`check_lesson`], and why its packet checks were left out, if they were.
fn check_lesson_capturing(lesson: &Lesson) -> (Vec<Diagnostic>, Option<String>) {
    let mut no_capture = None;
    let problems = check_steps(lesson, &mut no_capture);
    (problems, no_capture)
}

fn check_steps(lesson: &Lesson, no_capture: &mut Option<String>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let at = |pos, message: String| Diagnostic {
        path: lesson.path.clone(),
        pos,
        message,
    };
    let (mut engine, mut session) = match Engine::new(lesson.clone(), Default::default(), false) {
        Ok(r) => r,
        Err(e) => return vec![at(lesson.id_pos, e)],
    };
    no_capture.clone_from(&engine.no_capture);
    let capturing = engine.no_capture.is_none();
    let skipped = |c: &super::format::Check| !capturing && super::lint::reads_packets(&c.expr);
    for (i, step) in lesson.steps.iter().enumerate() {
        if let Err(e) = engine.begin(&mut session, i) {
            out.push(at(
                step.setup.as_ref().map(|c| c.pos).unwrap_or(step.pos),
                e,
            ));
            return out;
        }
        // Before the solution: every check must be false.
        let before = engine.check(&mut session);
        for c in step.checks.iter().filter(|c| !skipped(c)) {
            if !before.failures.iter().any(|(f, _)| f == c) {
                out.push(at(
                    c.pos,
                    format!(
                        "step `{}`: this check passes before the solution runs, so it \
                         checks nothing the step teaches",
                        step.id
                    ),
                ));
            }
        }
        let Some(solution) = &step.solution else {
            continue;
        };
        let parts = entries(&solution.text);
        let mut line = solution.pos.line;
        let mut offsets = Vec::new();
        {
            // The file line each entry starts on.
            let mut rest = solution.text.as_str();
            let mut consumed = 0usize;
            for e in &parts {
                if let Some(idx) = rest.find(e.as_str()) {
                    let lines_before = solution.text[..consumed + idx].matches('\n').count();
                    offsets.push(solution.pos.line + lines_before);
                    consumed += idx + e.len();
                    rest = &solution.text[consumed..];
                } else {
                    offsets.push(line);
                }
            }
        }
        for (n, entry) in parts.iter().enumerate() {
            line = offsets.get(n).copied().unwrap_or(line);
            let o = engine.run(&mut session, entry, &mut || {});
            let expected = raises(entry);
            if expected && o.error.is_none() {
                out.push(at(
                    super::format::Pos { line, col: 1 },
                    format!(
                        "step `{}`: this line of the solution is marked `# raises` but ran                          without an error",
                        step.id
                    ),
                ));
                return out;
            }
            if let Some(e) = o.error.as_ref().filter(|_| !expected) {
                out.push(at(
                    super::format::Pos { line, col: 1 },
                    format!(
                        "step `{}`: the solution fails here: {}",
                        step.id,
                        e.report.trim_end().lines().last().unwrap_or("")
                    ),
                ));
                return out;
            }
            let verdict = engine.check(&mut session);
            let last = n + 1 == parts.len();
            if !last && verdict.passed() {
                out.push(at(
                    super::format::Pos { line, col: 1 },
                    format!(
                        "step `{}`: the checks pass already after this line of the solution; \
                         `learn` would move on and run the rest in the next step",
                        step.id
                    ),
                ));
                return out;
            }
            if last {
                for (c, why) in &verdict.failures {
                    let why = match why {
                        Failure::False => "is false".to_string(),
                        Failure::Error(e) => format!("fails: {e}"),
                    };
                    out.push(at(
                        c.pos,
                        format!("step `{}`: after the solution this check {why}", step.id),
                    ));
                }
                if !verdict.passed() {
                    return out;
                }
            }
        }
    }
    out
}

/// An entry of a model solution that is meant to fail (a step about an error): its first
/// line ends with the comment `# raises`.
pub fn raises(entry: &str) -> bool {
    entry
        .lines()
        .next()
        .is_some_and(|l| l.trim_end().ends_with("# raises"))
}
