//! What is printed about lessons rather than run: `lesson list`, `lesson solution`,
//! `lesson progress --export` and the class `lesson report`.

use super::format::Lesson;
use super::progress::{self, Export, Progress, Store};
use super::{fail, say, Library};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// How much of `lesson` is done: (done steps, all steps).
pub fn done_steps(p: &Progress, lesson: &Lesson) -> (usize, usize) {
    let done = lesson
        .steps
        .iter()
        .filter(|s| p.is_done(&lesson.id, &s.id))
        .count();
    (done, lesson.steps.len())
}

/// One line a lesson, id first: `welcome  [x]  Welcome  (3/3 steps)` (what `lesson
/// list` prints, for people and scripts alike).
pub fn lesson_list(p: &Progress, lessons: &[Lesson]) -> String {
    let width = lessons.iter().map(|l| l.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for l in lessons {
        let (done, total) = done_steps(p, l);
        let mark = if done == total { "[x]" } else { "[ ]" };
        out.push_str(&format!(
            "{:<width$}  {mark}  {}  ({done}/{total} steps)\n",
            l.id, l.title
        ));
    }
    out
}

/// [`lesson_list`], then how much of the course is complete (`:lessons`, `lesson
/// progress`).
pub fn lesson_lines(p: &Progress, lessons: &[Lesson]) -> String {
    let (done, all) = lessons.iter().fold((0, 0), |(d, a), l| {
        let (done, total) = done_steps(p, l);
        (d + done, a + total)
    });
    let percent = (done * 100).checked_div(all).unwrap_or(0);
    format!("{}complete: {percent} %\n", lesson_list(p, lessons))
}

pub fn list_command(dir: Option<&Path>) -> i32 {
    let library = match Library::load(dir) {
        Ok(l) => l,
        Err(e) => return fail(&e),
    };
    library.warn();
    let store = Store::open();
    let _ = say(&lesson_list(&store.progress, &library.lessons));
    0
}

/// The model solutions of every step, as entries `learn` reads from a pipe.
pub fn solution_program(lesson: &Lesson) -> String {
    let mut out = String::new();
    for s in &lesson.steps {
        out.push_str(&format!("# step {}: {}\n", s.id, s.title));
        if let Some(sol) = &s.solution {
            for entry in super::engine::entries(&sol.text) {
                out.push_str(&entry);
                out.push('\n');
                if entry.contains('\n') {
                    // A block ends at a blank line, as typed at the REPL.
                    out.push('\n');
                }
            }
        }
    }
    out
}

pub fn solution_command(id: &str, dir: Option<&Path>) -> i32 {
    let library = match Library::load(dir) {
        Ok(l) => l,
        Err(e) => return fail(&e),
    };
    match library.find(id) {
        Ok(l) => {
            let _ = say(&solution_program(l));
            0
        }
        Err(e) => fail(&e),
    }
}

fn student_name(name: Option<&str>) -> String {
    name.map(str::to_string)
        .or_else(|| std::env::var("USER").ok().filter(|u| !u.is_empty()))
        .unwrap_or_else(|| "student".to_string())
}

/// `lesson progress`: a summary, or with `--export FILE` the progress for an instructor.
pub fn export_command(export: Option<&Path>, name: Option<&str>, dir: Option<&Path>) -> i32 {
    let mut store = Store::open();
    for m in store.take_messages() {
        let _ = fail(&m);
    }
    match export {
        Some(file) => {
            let e = Export {
                student: student_name(name),
                progress: store.progress.clone(),
            };
            match progress::write_atomically(file, &e) {
                Ok(()) => {
                    let _ = say(&format!(
                        "progress of {} written to {}\n",
                        e.student,
                        file.display()
                    ));
                    0
                }
                Err(err) => fail(&format!("cannot write {}: {err}", file.display())),
            }
        }
        None => {
            let library = match Library::load(dir) {
                Ok(l) => l,
                Err(e) => return fail(&e),
            };
            let _ = say(&lesson_lines(&store.progress, &library.lessons));
            0
        }
    }
}

/// The class table: one row per student; for each step, done, attempts and hints.
pub fn report_csv(exports: &[Export], known: &[Lesson]) -> Result<String, String> {
    // Steps in course order where the course knows them, then any others.
    let mut columns: Vec<(String, String)> = Vec::new();
    for l in known {
        for s in &l.steps {
            columns.push((l.id.clone(), s.id.clone()));
        }
    }
    let mut others = BTreeSet::new();
    for e in exports {
        for (lid, lp) in &e.progress.lessons {
            for sid in lp.steps.keys() {
                if !columns.iter().any(|(a, b)| a == lid && b == sid) {
                    others.insert((lid.clone(), sid.clone()));
                }
            }
        }
    }
    columns.extend(others);
    // Only steps someone has touched: the table stays readable.
    columns.retain(|(l, s)| exports.iter().any(|e| e.progress.step(l, s).is_some()));
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["student".to_string()];
    for (l, s) in &columns {
        for what in ["done", "attempts", "hints"] {
            header.push(format!("{l}/{s} {what}"));
        }
    }
    w.write_record(&header).map_err(|e| e.to_string())?;
    for e in exports {
        let mut row = vec![e.student.clone()];
        for (l, s) in &columns {
            let st = e.progress.step(l, s).cloned().unwrap_or_default();
            row.push(if st.done { "yes" } else { "no" }.to_string());
            row.push(st.attempts.to_string());
            row.push(st.hints.to_string());
        }
        w.write_record(&row).map_err(|e| e.to_string())?;
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

pub fn report_command(files: &[PathBuf], _csv: bool, dir: Option<&Path>) -> i32 {
    let mut exports = Vec::new();
    for f in files {
        let text = match std::fs::read(f) {
            Ok(t) => t,
            Err(e) => return fail(&format!("{}: {e}", f.display())),
        };
        match serde_json::from_slice::<Export>(&text) {
            Ok(e) => exports.push(e),
            Err(e) => {
                return fail(&format!(
                "{}: not a progress export (made by `socklab lesson progress --export FILE`): {e}",
                f.display()
            ))
            }
        }
    }
    let known = match Library::load(dir) {
        Ok(l) => l.lessons,
        Err(e) => return fail(&e),
    };
    match report_csv(&exports, &known) {
        Ok(csv) => {
            let _ = say(&csv);
            0
        }
        Err(e) => fail(&e),
    }
}
