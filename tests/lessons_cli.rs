//! Lessons through their front ends as processes: `lesson lint` (each kind of problem,
//! with file:line:col), `lesson check` (including lessons that are wrong on purpose),
//! `learn` driven from a pipe, progress files that are damaged, newer or unwritable,
//! and the class report.
//!
//! Every run gets its own `SOCKLAB_DATA_DIR`, so no test touches the real home folder.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;
use std::time::Duration;

const LIMIT: Duration = Duration::from_secs(60);

/// The engine's own sample lessons, kept apart from the course (`lessons/`) so that the
/// curriculum can change without changing what these tests expect.
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/lessons");

fn socklab(data: &Path) -> Command {
    let mut c = Command::cargo_bin("socklab").expect("binary");
    c.env("SOCKLAB_DATA_DIR", data)
        .env("NO_COLOR", "1")
        .env("USER", "tester")
        .timeout(LIMIT);
    c
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("write lesson");
}

/// A lesson with one step; `step` is the step's body after its title.
fn lesson(id: &str, front: &str, step: &str) -> String {
    format!(
        "<!-- lesson\nid = \"{id}\"\ntitle = \"T\"\n{front}-->\n\n<!-- step: s -->\n## S\n\n{step}"
    )
}

const GOOD_STEP: &str = "<details><summary>Hint</summary>\n\nh\n</details>\n\n```python solution\nx = 1\n```\n\n```python check\nx == 1\n```\n";

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn the_course_lessons_lint_clean() {
    let data = tempfile::tempdir().expect("tempdir");
    socklab(data.path())
        .args(["lesson", "lint", "lessons"])
        .assert()
        .success()
        .stdout(predicate::str::ends_with("no problems\n"));
}

#[test]
fn lint_reports_each_problem_with_file_line_and_column() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(
        d,
        "a-unknown-key.md",
        &lesson("a", "colour = \"red\"\n", GOOD_STEP),
    );
    write(
        d,
        "b-duplicates.md",
        &format!(
            "{}\n<!-- step: s -->\n## Again\n\n{GOOD_STEP}",
            lesson("a", "", GOOD_STEP)
        ),
    );
    write(d, "c-missing.md", &lesson("c", "", "Just text.\n"));
    write(
        d,
        "d-parse.md",
        &lesson(
            "d",
            "",
            "```python setup\nif True\n```\n\n<details><summary>Hint</summary>\n\nh\n</details>\n\n```python solution\nx = (1\n```\n\n```python check\nx ==\nprint(x) or True\ns.close() is None\n```\n",
        ),
    );
    write(
        d,
        "e-service.md",
        &lesson("e", "needs_services = [\"ftp\"]\n", GOOD_STEP),
    );
    write(
        d,
        "f-cycle.md",
        &lesson("f", "needs_lessons = [\"g\"]\n", GOOD_STEP),
    );
    write(
        d,
        "g-cycle.md",
        &lesson("g", "needs_lessons = [\"f\", \"nowhere\"]\n", GOOD_STEP),
    );
    std::fs::write(
        d.join("h-latin1.md"),
        b"<!-- lesson\nid = \"h\"\ntitle = \"caf\xe9\"\n-->\n",
    )
    .expect("write");
    let out = socklab(data.path())
        .args(["lesson", "lint"])
        .arg(d)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let p = d.display().to_string();
    let expected = [
        format!("{p}/a-unknown-key.md:4:1: unknown front matter key `colour`: known are id, title, needs_services, needs_lessons, capture"),
        format!("{p}/b-duplicates.md:2:1: lesson id `a` is already used by {p}/a-unknown-key.md:2"),
        format!("{p}/b-duplicates.md:22:12: step id `s` is already used at line 6"),
        format!("{p}/c-missing.md:6:12: step `s` has no check (```python check)"),
        format!("{p}/c-missing.md:6:12: step `s` has no hint (<details><summary>Hint</summary>)"),
        format!("{p}/c-missing.md:6:12: step `s` has no solution (```python solution)"),
        format!("{p}/d-parse.md:10:8: the setup does not parse: expected ':'"),
        format!("{p}/d-parse.md:19:5: the solution does not parse: '(' was never closed"),
        format!("{p}/d-parse.md:23:5: the check does not parse: invalid syntax"),
        format!("{p}/d-parse.md:24:1: a check may not call `print`: it may only read, with the helpers and built-ins that compute (see the authors' chapter)"),
        format!("{p}/d-parse.md:25:1: a check may not call `close`: it may only read, with the helpers and built-ins that compute (see the authors' chapter)"),
        format!("{p}/e-service.md:4:1: unknown service `ftp`: the lab services are echo, daytime, upper, http, chat, trickle"),
        format!("{p}/f-cycle.md:4:1: the lessons this one needs come back to it: f → g → f"),
        format!("{p}/g-cycle.md:4:1: needs lesson `nowhere`, which does not exist"),
        format!("{p}/g-cycle.md:4:1: the lessons this one needs come back to it: g → f → g"),
        format!("{p}/h-latin1.md:3:13: the file is not UTF-8 text (save it as UTF-8)"),
    ];
    assert_eq!(stderr_of(&out), expected.map(|e| e + "\n").concat());
}

#[test]
fn lint_of_one_file_reads_its_neighbours_for_prerequisites() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "one.md", &lesson("one", "", GOOD_STEP));
    write(
        dir.path(),
        "two.md",
        &lesson("two", "needs_lessons = [\"one\"]\n", GOOD_STEP),
    );
    socklab(data.path())
        .args(["lesson", "lint"])
        .arg(dir.path().join("two.md"))
        .assert()
        .success()
        .stdout("1 lesson(s), 1 step(s): no problems\n");
}

#[test]
fn the_sample_lessons_pass_their_check_and_repeat() {
    let data = tempfile::tempdir().expect("tempdir");
    socklab(data.path())
        .args(["lesson", "check", "--repeat", "2", "--lessons", FIXTURES])
        .assert()
        .success()
        .stdout(predicate::str::contains("ok    welcome (3 steps"))
        .stdout(predicate::str::contains("ok    first-connection (5 steps"))
        .stdout(predicate::str::contains("ok    tcp-server (4 steps"))
        .stdout(predicate::str::contains("2 times each"));
}

#[test]
fn check_finds_vacuous_checks_failing_solutions_and_early_passes() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    // `len([]) == 0` is true before anything is done.
    write(
        d,
        "vacuous.md",
        &lesson("vacuous", "", "<details><summary>Hint</summary>\n\nh\n</details>\n\n```python solution\nx = 1\n```\n\n```python check\nx == 1\nlen([]) == 0\n```\n"),
    );
    write(
        d,
        "broken.md",
        &lesson("broken", "", "<details><summary>Hint</summary>\n\nh\n</details>\n\n```python solution\nx = undefined_name\n```\n\n```python check\nx == 1\n```\n"),
    );
    write(
        d,
        "early.md",
        &lesson("early", "", "<details><summary>Hint</summary>\n\nh\n</details>\n\n```python solution\nx = 1\nprint(x)\n```\n\n```python check\nx == 1\n```\n"),
    );
    write(
        d,
        "blocking.md",
        &lesson("blocking", "", "<details><summary>Hint</summary>\n\nh\n</details>\n\n```python solution\nx = 1\n```\n\n```python check\nx == 1 and any(i < 0 for i in range(10**12))\n```\n"),
    );
    write(d, "fine.md", &lesson("fine", "", GOOD_STEP));
    let out = socklab(data.path())
        .args(["lesson", "check"])
        .arg(d)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    let p = d.display();
    for e in [
        format!("{p}/vacuous.md:20:1: step `s`: this check passes before the solution runs, so it checks nothing the step teaches"),
        format!("{p}/broken.md:15:1: step `s`: the solution fails here: NameError: name 'undefined_name' is not defined"),
        format!("{p}/early.md:15:1: step `s`: the checks pass already after this line of the solution; `learn` would move on and run the rest in the next step"),
        format!("{p}/blocking.md:19:1: step `s`: after the solution this check fails: the check was still running after 2.0 s, so it was stopped"),
    ] {
        assert!(err.lines().any(|l| l == e), "missing {e:?} in:\n{err}");
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("ok    fine"), "{stdout}");
    assert!(stdout.contains("FAIL  vacuous"), "{stdout}");
}

#[test]
fn a_lesson_that_fails_lint_is_never_run() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "bad.md",
        &lesson("bad", "", "no solution here\n"),
    );
    socklab(data.path())
        .args(["learn", "bad", "--lessons"])
        .arg(dir.path())
        .write_stdin("x = 1\n")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "lesson `bad` has problems and is not run (see `socklab lesson lint`)",
        ));
}

#[test]
fn the_solution_piped_into_learn_completes_each_lesson() {
    for id in ["welcome", "first-connection", "tcp-server"] {
        let data = tempfile::tempdir().expect("tempdir");
        // From another folder (the course's own lessons, inside the binary, are
        // learnt from anywhere: tests/curriculum_basics.rs).
        let program = socklab(data.path())
            .current_dir(data.path())
            .args(["lesson", "solution", id, "--lessons", FIXTURES])
            .output()
            .expect("solution");
        assert!(program.status.success());
        let out = socklab(data.path())
            .current_dir(data.path())
            .args(["learn", id, "--lessons", FIXTURES])
            .write_stdin(program.stdout)
            .output()
            .expect("learn");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{stdout}\n{}", stderr_of(&out));
        assert!(
            stdout.ends_with(&format!("lesson complete: {id}\n")),
            "{stdout}"
        );
        assert!(
            !stdout.contains('\x1b'),
            "escape codes in piped mode: {stdout:?}"
        );
    }
}

#[test]
fn piped_learn_is_plain_and_fails_when_incomplete() {
    let data = tempfile::tempdir().expect("tempdir");
    socklab(data.path())
        .args(["learn", "welcome", "--lessons", FIXTURES])
        .write_stdin(":hint\n:hint\n:hint\naddresses = 2 ** 32\n:check\n")
        .assert()
        .code(1)
        .stdout(
            "lesson welcome: Welcome to socklab\n\
             step 1/3 numbers: The REPL is a calculator\n\
             hint 1 of 2:\n`**` is Python's power operator: `2 ** 8` is 256.\n\
             hint 2 of 2:\nThere are two choices for each of 32 bits: `addresses = 2 ** 32`.\n\
             no more hints for this step (2 shown); :solution shows the model solution\n\
             passed: numbers\n\
             step 2/3 printing: Print a greeting\n\
             ✗ Print exactly: Hello, network\n\
             lesson not complete: 1 of 3 steps done\n",
        );
    let progress: serde_json::Value = serde_json::from_slice(
        &std::fs::read(data.path().join("progress.json")).expect("progress written"),
    )
    .expect("json");
    let step = &progress["lessons"]["welcome"]["steps"]["numbers"];
    assert_eq!(step["done"], true);
    assert_eq!(step["hints"], 2);
    assert_eq!(step["attempts"], 1);
}

#[test]
fn a_check_on_a_deleted_name_says_so_and_the_session_goes_on() {
    let data = tempfile::tempdir().expect("tempdir");
    socklab(data.path())
        .args(["learn", "first-connection", "--lessons", FIXTURES])
        .write_stdin("cli = socket.socket()\ndel cli\n:check\ncli = socket.socket()\n")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "passed: create\nstep 2/5 connect: Connect to the echo service\n",
        ))
        .stdout(predicate::str::contains(
            "✗ `cli` should be connected. (name 'cli' is not defined: it must exist for this step)\n",
        ));
}

#[test]
fn a_blocking_check_is_stopped_and_learning_goes_on() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "slow.md",
        &lesson("slow", "", "<details><summary>Hint</summary>\n\nh\n</details>\n\n```python solution\nx = 1\n```\n\n```python check\n# x must be one\nx == 1 and any(i < 0 for i in range(10**12))\n```\n"),
    );
    socklab(data.path())
        .args(["learn", "slow", "--lessons"])
        .arg(dir.path())
        .write_stdin("x = 1\n:check\nprint(x + 1)\n")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "✗ x must be one (the check was still running after 2.0 s, so it was stopped)\n2\n",
        ));
}

#[test]
fn a_damaged_progress_file_is_set_aside_and_learning_goes_on() {
    let data = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        data.path().join("progress.json"),
        "{\"format_version\": 1, \"lessons\": {\"welc",
    )
    .expect("write");
    socklab(data.path())
        .args(["learn", "welcome", "--lessons", FIXTURES])
        .write_stdin("addresses = 2 ** 32\n")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "socklab: your progress file was damaged (not valid JSON",
        ))
        .stdout(predicate::str::contains("passed: numbers"));
    let names: Vec<String> = std::fs::read_dir(data.path())
        .expect("list")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("progress.json.damaged-")),
        "{names:?}"
    );
    let kept = std::fs::read_to_string(
        data.path()
            .join(names.iter().find(|n| n.contains("damaged")).expect("aside")),
    )
    .expect("read");
    assert_eq!(kept, "{\"format_version\": 1, \"lessons\": {\"welc");
    assert!(std::fs::read_to_string(data.path().join("progress.json"))
        .expect("new progress")
        .contains("\"numbers\""));
}

#[test]
fn a_progress_file_from_a_newer_socklab_is_left_untouched() {
    let data = tempfile::tempdir().expect("tempdir");
    let newer = "{\"format_version\": 7, \"lessons\": {}, \"future\": true}";
    std::fs::write(data.path().join("progress.json"), newer).expect("write");
    socklab(data.path())
        .args(["learn", "welcome", "--lessons", FIXTURES])
        .write_stdin("addresses = 2 ** 32\n")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "was written by a newer socklab (format 7",
        ))
        .stdout(predicate::str::contains("passed: numbers"));
    assert_eq!(
        std::fs::read_to_string(data.path().join("progress.json")).expect("read"),
        newer
    );
}

#[test]
fn an_unreadable_progress_file_is_said_and_learning_goes_on() {
    let base = tempfile::tempdir().expect("tempdir");
    // A folder under a plain file can never be made or read, even by root.
    std::fs::write(base.path().join("file"), "").expect("write");
    let data = base.path().join("file").join("socklab");
    socklab(&data)
        .args(["learn", "welcome", "--lessons", FIXTURES])
        .write_stdin("addresses = 2 ** 32\n")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "socklab: cannot read your progress",
        ))
        .stdout(predicate::str::contains("passed: numbers"));
}

#[test]
fn an_unwritable_data_folder_is_said_once_and_learning_goes_on() {
    // Nothing can be made under /proc/self, even by root; reading finds nothing there.
    let data = Path::new("/proc/self/socklab-data");
    let program = socklab(data)
        .args(["lesson", "solution", "welcome", "--lessons", FIXTURES])
        .output()
        .expect("solution");
    let out = socklab(data)
        .args(["learn", "welcome", "--lessons", FIXTURES])
        .write_stdin(program.stdout)
        .output()
        .expect("learn");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert_eq!(
        stdout.matches("cannot save your progress").count(),
        1,
        "{stdout}"
    );
    assert!(stdout.ends_with("lesson complete: welcome\n"), "{stdout}");
}

#[test]
fn learn_without_an_id_resumes_where_the_student_left_off() {
    let data = tempfile::tempdir().expect("tempdir");
    socklab(data.path())
        .args(["learn", "first-connection", "--lessons", FIXTURES])
        .write_stdin("cli = socket.socket()\n")
        .assert()
        .code(1);
    socklab(data.path())
        .args(["learn", "--lessons", FIXTURES])
        .write_stdin("")
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with(
            "lesson first-connection: Your first connection\n",
        ));
    // Its first step is done: the next run starts at the second.
    socklab(data.path())
        .args(["learn", "--lessons", FIXTURES])
        .write_stdin("x = 1\n")
        .assert()
        .stdout(predicate::str::contains("step 2/5 connect"));
}

#[test]
fn list_shows_done_marks_and_how_much_is_complete() {
    let data = tempfile::tempdir().expect("tempdir");
    let program = socklab(data.path())
        .args(["lesson", "solution", "welcome", "--lessons", FIXTURES])
        .output()
        .expect("solution");
    socklab(data.path())
        .args(["learn", "welcome", "--lessons", FIXTURES])
        .write_stdin(program.stdout)
        .assert()
        .success();
    socklab(data.path())
        .args(["lesson", "list", "--lessons", FIXTURES])
        .assert()
        .success()
        .stdout(
            "welcome           [x]  Welcome to socklab  (3/3 steps)\n\
             first-connection  [ ]  Your first connection  (0/5 steps)\n\
             tcp-server        [ ]  The other side: a TCP server  (0/4 steps)\n",
        );
}

#[test]
fn exports_merge_into_one_csv_row_per_student() {
    let ana = tempfile::tempdir().expect("tempdir");
    let ben = tempfile::tempdir().expect("tempdir");
    let out = tempfile::tempdir().expect("tempdir");
    socklab(ana.path())
        .args(["learn", "welcome", "--lessons", FIXTURES])
        .write_stdin(":hint\naddresses = 2 ** 32\nprint('Hello, network')\n")
        .assert()
        .code(1);
    socklab(ben.path())
        .args(["learn", "welcome", "--lessons", FIXTURES])
        .write_stdin("addresses = 1\naddresses = 2 ** 32\n")
        .assert()
        .code(1);
    socklab(ana.path())
        .args(["lesson", "progress", "--lessons", FIXTURES])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "welcome           [ ]  Welcome to socklab  (2/3 steps)\n",
        ))
        .stdout(predicate::str::ends_with("complete: 16 %\n"));
    let a = out.path().join("ana.json");
    let b = out.path().join("ben.json");
    socklab(ana.path())
        .args([
            "lesson",
            "progress",
            "--lessons",
            FIXTURES,
            "--name",
            "Ana",
            "--export",
        ])
        .arg(&a)
        .assert()
        .success()
        .stdout(format!("progress of Ana written to {}\n", a.display()));
    socklab(ben.path())
        .args(["lesson", "progress", "--lessons", FIXTURES, "--export"])
        .arg(&b)
        .assert()
        .success();
    socklab(ana.path())
        .args(["lesson", "report", "--csv", "--lessons", FIXTURES])
        .arg(&a)
        .arg(&b)
        .assert()
        .success()
        .stdout(
            "student,welcome/numbers done,welcome/numbers attempts,welcome/numbers hints,\
             welcome/printing done,welcome/printing attempts,welcome/printing hints\n\
             Ana,yes,1,1,yes,1,0\n\
             tester,yes,2,0,no,0,0\n",
        );
}

#[test]
fn report_refuses_a_file_that_is_not_an_export() {
    let data = tempfile::tempdir().expect("tempdir");
    let f = data.path().join("x.json");
    std::fs::write(&f, "[1, 2").expect("write");
    socklab(data.path())
        .args(["lesson", "report", "--csv", "--lessons", FIXTURES])
        .arg(&f)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not a progress export"));
}

#[test]
fn reset_in_a_lesson_replays_the_steps_before_and_keeps_the_lessons_names() {
    let data = tempfile::tempdir().expect("tempdir");
    socklab(data.path())
        .args(["learn", "first-connection", "--lessons", FIXTURES])
        .write_stdin("cli = socket.socket()\ndel socket\n:reset\ncli.connect(echo_address)\n")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "passed: create\nstep 2/5 connect: Connect to the echo service\n\
             every socket is closed and every name forgotten\n\
             the steps before this one were replayed with their model solutions\n\
             passed: connect\n",
        ));
}

#[test]
fn demo_from_a_pipe_reads_one_key_a_line() {
    let data = tempfile::tempdir().expect("tempdir");
    socklab(data.path())
        .args(["lesson", "demo", "welcome", "--lessons", FIXTURES])
        .write_stdin("\nn\nb\nq\n")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "━━ Welcome to socklab ━━ step 1 of 3",
        ))
        // The introduction opens the first step's screen.
        .stdout(predicate::str::contains(
            "socklab is Python's REPL with real sockets behind it.",
        ))
        .stdout(predicate::str::contains(">>> addresses = 2 ** 32\n"))
        .stdout(predicate::str::contains("✓ the step's checks pass"))
        .stdout(predicate::str::contains("  PRINT A GREETING"))
        .stdout(predicate::str::contains("this is the first step").not())
        .stdout(predicate::str::contains('\x1b').not());
    socklab(data.path())
        .args(["lesson", "demo", "nosuch", "--lessons", FIXTURES])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no lesson `nosuch`; the lessons are: welcome, first-connection, tcp-server",
        ));
}

#[test]
fn every_course_lesson_is_a_chapter_of_the_book() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let summary = std::fs::read_to_string(root.join("book/src/SUMMARY.md")).expect("summary");
    let mut included = Vec::new();
    for entry in std::fs::read_dir(root.join("book/src/lessons")).expect("chapters") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("chapter");
        let target = text
            .trim()
            .strip_prefix("{{#include ")
            .and_then(|t| t.strip_suffix("}}"))
            .unwrap_or_else(|| panic!("{} is not one include", path.display()));
        let file = path.parent().expect("dir").join(target);
        assert!(
            file.exists(),
            "{} includes {target}, which is missing",
            path.display()
        );
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        assert!(
            summary.contains(&format!("(lessons/{name})")),
            "{name} not in SUMMARY.md"
        );
        included.push(std::fs::canonicalize(file).expect("canonical"));
    }
    for entry in std::fs::read_dir(root.join("lessons")).expect("lessons") {
        let path = std::fs::canonicalize(entry.expect("entry").path()).expect("canonical");
        assert!(
            included.contains(&path),
            "{} is not in the book",
            path.display()
        );
    }
}

#[test]
fn a_finished_lesson_leads_to_the_next_and_prerequisites_are_named() {
    let data = tempfile::tempdir().expect("tempdir");
    socklab(data.path())
        .args(["learn", "first-connection", "--lessons", FIXTURES])
        .write_stdin("")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "this lesson builds on welcome, not complete yet (socklab learn welcome)\n",
        ));
    let program = socklab(data.path())
        .args(["lesson", "solution", "welcome", "--lessons", FIXTURES])
        .output()
        .expect("solution");
    socklab(data.path())
        .args(["learn", "welcome", "--lessons", FIXTURES])
        .write_stdin(program.stdout)
        .assert()
        .success();
    // welcome was the last lesson opened, but it is complete: learn goes on to the next.
    socklab(data.path())
        .args(["learn", "--lessons", FIXTURES])
        .write_stdin("")
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with(
            "lesson first-connection: Your first connection\nstep 1/5 create",
        ));
}

#[test]
fn a_setup_runs_as_a_program_body_without_echoing_values() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "echo.md",
        &lesson(
            "quiet",
            "",
            &format!("```python setup\n40 + 2\nprint('set up')\n```\n\n{GOOD_STEP}"),
        ),
    );
    socklab(data.path())
        .args(["learn", "quiet", "--lessons"])
        .arg(dir.path())
        .write_stdin("x = 1\n")
        .assert()
        .success()
        .stdout("lesson quiet: T\nset up\nstep 1/1 s: S\npassed: s\nlesson complete: quiet\n");
}

#[test]
fn demo_goes_on_past_a_line_that_raises_on_purpose() {
    let data = tempfile::tempdir().expect("tempdir");
    // Step 3 of welcome calls socket.gethostname() before importing socket (`# raises`).
    socklab(data.path())
        .args(["lesson", "demo", "welcome"])
        .write_stdin("n\nn\n\nq\n")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "NameError: name 'socket' is not defined\n>>> import socket\n>>> hostname = socket.gethostname()\n",
        ))
        .stdout(predicate::str::contains("✓ the step's checks pass"));
}

#[test]
fn a_daemon_thread_waiting_in_recv_ends_silently_with_the_session() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "t.md", &lesson("t", "", GOOD_STEP));
    socklab(data.path())
        .args(["learn", "t", "--lessons"])
        .arg(dir.path())
        .write_stdin(
            "import socket, threading\na, b = socket.socketpair()\n\
             t = threading.Thread(target=a.recv, args=(10,), daemon=True)\nt.start()\nx = 1\n",
        )
        .assert()
        .success()
        .stderr("");
}
