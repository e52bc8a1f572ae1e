//! `socklab learn [ID]`: a student alone with a lesson.
//!
//! On a terminal it is the real REPL (`crate::repl`, through its [`Hook`]) with the
//! current step shown above the prompt; after every entry the step's checks run
//! quietly, and a passed step says so and the next one is shown. `:hint` (one more each
//! time), `:solution`, `:skip`, `:back`, `:check`, `:step`, `:reset` (the step afresh,
//! earlier steps replayed), `:lessons`, `:quit`. A lesson resumed in the middle (a new
//! session) replays the steps before too, so that what they made is there.
//!
//! From a pipe (`socklab lesson solution ID | socklab learn ID`) it reads the entries as
//! typed, prints plain progress lines, and exits 0 only if the lesson is complete at the
//! end of the input.

use super::engine::{Engine, Failure};
use super::format::Lesson;
use super::progress::Store;
use super::report::lesson_lines;
use super::{fail, say, Library};
use crate::cli::LearnArgs;
use crate::repl::meta::Flow;
use crate::repl::Hook;
use crate::session::{Outcome, Session};
use crate::view::{ColorChoice, Palette, Style};
use std::io::{BufRead, Write};

/// The commands `learn` adds to the REPL's, for the step header.
const COMMANDS: &str = ":hint  :solution  :skip  :back  :check  :step  :reset  :lessons  :quit";

/// A student working through one lesson.
pub struct Learner {
    engine: Engine,
    store: Store,
    lessons: Vec<Lesson>,
    palette: Palette,
    /// The step last shown in full.
    shown: Option<usize>,
    /// Hints shown for the current step.
    hints: usize,
    /// Plain lines for a pipe instead of the terminal's view.
    plain: bool,
    /// Said before the first prompt (after the REPL's banner).
    intro: String,
}

impl Learner {
    fn lesson(&self) -> &Lesson {
        &self.engine.lesson
    }

    fn complete(&self) -> bool {
        let l = self.lesson();
        l.steps
            .iter()
            .all(|s| self.store.progress.is_done(&l.id, &s.id))
    }

    /// Go to step `i` (or past the end: the lesson is over), running its setup.
    fn go(&mut self, session: &mut Session, i: usize) -> String {
        let i = i.min(self.lesson().steps.len());
        self.hints = 0;
        let mut out = String::new();
        if let Err(e) = self.engine.begin(session, i) {
            out.push_str(&format!(
                "{e}\n(a bug in the lesson: tell your instructor)\n"
            ));
        }
        let id = self.lesson().id.clone();
        self.store.progress.current = Some(id.clone());
        let step_id = self.lesson().steps.get(i).map(|s| s.id.clone());
        self.store
            .progress
            .lessons
            .entry(id)
            .or_default()
            .current_step = step_id;
        self.store.save();
        out
    }

    /// The first step not done at or after `from`, else the first not done at all.
    fn next_undone(&self, from: usize) -> usize {
        let l = self.lesson();
        let done = |i: &usize| self.store.progress.is_done(&l.id, &l.steps[*i].id);
        (from..l.steps.len())
            .find(|i| !done(i))
            .or_else(|| (0..l.steps.len()).find(|i| !done(i)))
            .unwrap_or(l.steps.len())
    }

    /// Steps before `upto` set up and solved with their model solutions (what they print
    /// is shown, as at the REPL).
    fn replay(&mut self, session: &mut Session, upto: usize) -> Result<(), String> {
        // Their packets are not shown: the student did not cause them now.
        let before = session.packet_cursor();
        session.hold_packet_lines(true);
        let r = self.replay_steps(session, upto);
        session.hide_packets_since(before);
        session.hold_packet_lines(false);
        r
    }

    fn replay_steps(&mut self, session: &mut Session, upto: usize) -> Result<(), String> {
        self.engine.name_services(session)?;
        for j in 0..upto {
            self.engine.begin(session, j)?;
            let solution = self.lesson().steps[j].solution.clone();
            for entry in solution
                .map(|s| super::engine::entries(&s.text))
                .unwrap_or_default()
            {
                let o = session.run_unechoed(&entry);
                if o.error.is_some() && !super::check::raises(&entry) {
                    return Err(format!(
                        "replaying step {} failed: {}",
                        j + 1,
                        o.error.map(|e| e.message).unwrap_or_default()
                    ));
                }
            }
        }
        Ok(())
    }

    /// The whole step, as shown when it begins.
    fn step_view(&self) -> String {
        let p = self.palette;
        let l = self.lesson();
        let n = l.steps.len();
        let Some(step) = self.engine.current() else {
            return String::new();
        };
        let i = self.engine.step;
        if self.plain {
            return format!("step {}/{n} {}: {}\n", i + 1, step.id, step.title);
        }
        let head = format!("── {} · step {} of {n} ", l.title, i + 1);
        let rule = "─".repeat(78usize.saturating_sub(head.chars().count()));
        let mut out = String::new();
        // The introduction (the lecture's code, the ideas the steps build on) comes
        // before the first step; its `# title` is the rule's already.
        let intro = l.intro.strip_prefix("# ").map_or(l.intro.as_str(), |t| {
            t.split_once('\n').map_or("", |(_, rest)| rest.trim_start())
        });
        if i == 0 && !intro.is_empty() {
            out.push_str(&format!("\n{}\n", p.paint(&l.title, Style::Heading)));
            out.push_str(&format!("\n{}\n", inline(&wrap(intro, 78), p).trim_end()));
        }
        out.push_str(&format!(
            "\n{}\n",
            p.paint(&format!("{head}{rule}"), Style::Heading)
        ));
        out.push_str(&format!("{}\n\n", p.paint(&step.title, Style::Heading)));
        if !step.text.is_empty() {
            out.push_str(&inline(&wrap(&step.text, 78), p));
            out.push_str("\n\n");
        }
        out.push_str(&format!("{}\n", p.paint(COMMANDS, Style::Dim)));
        out
    }

    /// Show the store's messages once.
    fn messages(&mut self) -> String {
        self.store
            .take_messages()
            .into_iter()
            .map(|m| {
                format!(
                    "{}\n",
                    self.palette.paint(&format!("socklab: {m}"), Style::Hint)
                )
            })
            .collect()
    }

    /// Run the checks; on a pass mark the step and move on. Says what happened when
    /// `verbose` (`:check`) or when the step passed.
    fn check(&mut self, session: &mut Session, verbose: bool) -> String {
        let p = self.palette;
        let Some(step) = self.engine.current().cloned() else {
            return if verbose {
                "the lesson is complete\n".into()
            } else {
                String::new()
            };
        };
        let verdict = self.engine.check(session);
        if !verdict.passed() {
            if !verbose {
                return String::new();
            }
            let mut out = String::new();
            for (c, why) in &verdict.failures {
                let text = match (&c.message, why) {
                    (Some(m), Failure::False) => m.clone(),
                    (None, Failure::False) => format!("not yet true: {}", c.expr),
                    (Some(m), Failure::Error(e)) => format!("{m} ({e})"),
                    (None, Failure::Error(e)) => format!("{}: {e}", c.expr),
                };
                out.push_str(&format!("{}\n", p.paint(&format!("✗ {text}"), Style::Hint)));
            }
            return out;
        }
        let lid = self.lesson().id.clone();
        self.store.progress.step_mut(&lid, &step.id).done = true;
        self.store.save();
        let passed = if self.plain {
            format!("passed: {}\n", step.id)
        } else {
            format!(
                "{}\n",
                p.paint(&format!("✓ step passed: {}", step.title), Style::Good)
            )
        };
        // Said now, before the next step's setup shows its own events.
        let _ = say(&passed);
        let mut out = String::new();
        let next = self.next_undone(self.engine.step + 1);
        out.push_str(&self.go(session, next));
        if self.engine.current().is_none() {
            out.push_str(&self.completion());
        }
        out
    }

    fn completion(&self) -> String {
        let l = self.lesson();
        if self.plain {
            return format!("lesson complete: {}\n", l.id);
        }
        let next = self
            .lessons
            .iter()
            .find(|o| {
                o.id != l.id && super::report::done_steps(&self.store.progress, o).0 < o.steps.len()
            })
            .map(|o| format!(" Next: socklab learn {}", o.id))
            .unwrap_or_default();
        format!(
            "{}\n",
            self.palette.paint(
                &format!("★ lesson complete: {}.{next}", l.title),
                Style::Good
            )
        )
    }

    fn hint(&mut self) -> String {
        let Some(step) = self.engine.current().cloned() else {
            return "the lesson is complete: no hints left to give\n".into();
        };
        if self.hints >= step.hints.len() {
            return format!(
                "no more hints for this step ({} shown); :solution shows the model solution\n",
                step.hints.len()
            );
        }
        self.hints += 1;
        let lid = self.lesson().id.clone();
        let entry = self.store.progress.step_mut(&lid, &step.id);
        entry.hints = entry.hints.max(self.hints as u32);
        self.store.save();
        format!(
            "{}\n{}\n",
            self.palette.paint(
                &format!("hint {} of {}:", self.hints, step.hints.len()),
                Style::Hint
            ),
            inline(&wrap(&step.hints[self.hints - 1], 78), self.palette)
        )
    }

    fn solution(&mut self) -> String {
        let Some(step) = self.engine.current().cloned() else {
            return "the lesson is complete\n".into();
        };
        let Some(sol) = &step.solution else {
            return "this step has no model solution\n".into();
        };
        let lid = self.lesson().id.clone();
        self.store.progress.step_mut(&lid, &step.id).solution_seen = true;
        self.store.save();
        let code: String = sol
            .text
            .lines()
            .map(|l| format!("    {}\n", crate::repl::highlight_python(l, self.palette)))
            .collect();
        format!(
            "{}\n{code}",
            self.palette
                .paint("a model solution (yours may differ):", Style::Hint)
        )
    }
}

impl Hook for Learner {
    fn before_prompt(&mut self, _session: &mut Session) -> String {
        let mut out = std::mem::take(&mut self.intro);
        out.push_str(&self.messages());
        if self.shown != Some(self.engine.step) {
            self.shown = Some(self.engine.step);
            out.push_str(&self.step_view());
        } else if let Some(step) = self.engine.current().filter(|_| !self.plain) {
            let l = self.lesson();
            out.push_str(&format!(
                "{}\n",
                self.palette.paint(
                    &format!(
                        "[{} · step {}/{}: {}]",
                        l.id,
                        self.engine.step + 1,
                        l.steps.len(),
                        step.title
                    ),
                    Style::Dim
                )
            ));
        }
        out
    }

    fn command(&mut self, session: &mut Session, line: &str) -> Option<(String, Flow)> {
        let command = line.split_whitespace().next().unwrap_or("");
        let out = match command {
            ":hint" => self.hint(),
            ":solution" => self.solution(),
            ":check" => {
                if !self.plain && self.engine.current().is_some() {
                    // Checks can take a moment (up to 2 s each); Ctrl-C stops them.
                    let _ = say(&format!(
                        "{}\n",
                        self.palette.paint("checking…", Style::Dim)
                    ));
                }
                self.check(session, true)
            }
            ":skip" => {
                if let Some(step) = self.engine.current().cloned() {
                    let lid = self.lesson().id.clone();
                    self.store.progress.step_mut(&lid, &step.id).skipped = true;
                    let next = self.engine.step + 1;
                    let mut out = format!("skipped: {}\n", step.title);
                    out.push_str(&self.go(session, next));
                    if self.engine.current().is_none() && !self.complete() {
                        out.push_str(
                            "that was the last step; some are not done yet: :back goes to them\n",
                        );
                    }
                    out
                } else {
                    "the lesson is over: :back goes to its last step\n".into()
                }
            }
            ":back" => {
                if self.engine.step == 0 {
                    "this is the first step\n".into()
                } else {
                    let back = self.engine.step - 1;
                    self.go(session, back)
                }
            }
            ":reset" => {
                // The REPL's :reset; then, so that this step can be done again from its
                // start, the lesson's names, and the earlier steps replayed with their
                // model solutions (this step may build on what they made).
                session.reset();
                let mut out = String::from("every socket is closed and every name forgotten\n");
                let step = self.engine.step;
                if let Err(e) = self.replay(session, step) {
                    out.push_str(&format!("{e}\n"));
                }
                out.push_str(&self.go(session, step));
                if step > 0 {
                    out.push_str(
                        "the steps before this one were replayed with their model solutions\n",
                    );
                }
                out
            }
            ":step" => {
                self.shown = None;
                String::new()
            }
            ":trace"
                if self.lesson().capture
                    && session.tracing().is_some()
                    && line.split_whitespace().nth(1) == Some("off") =>
            {
                "this lesson's checks read the packets, so the capture stays on\n".into()
            }
            ":lessons" => format!(
                "{}(socklab learn ID starts another)\n",
                lesson_lines(&self.store.progress, &self.lessons)
            ),
            ":quit" | ":q" => {
                self.store.save();
                return Some((self.messages(), Flow::Quit));
            }
            _ => return None,
        };
        Some((out, Flow::Continue))
    }

    fn after_entry(&mut self, session: &mut Session, outcome: &Outcome) -> (String, Flow) {
        self.engine.note(outcome);
        if let Some(step) = self.engine.current().cloned() {
            let lid = self.lesson().id.clone();
            self.store.progress.step_mut(&lid, &step.id).attempts += 1;
            self.store.save();
        }
        let out = self.check(session, false);
        let messages = self.messages();
        (format!("{out}{messages}"), Flow::Continue)
    }
}

/// Prose reflowed to `width` columns: the lines of a paragraph or list item joined and
/// wrapped again (lesson files are wrapped for an editor, not for an 80-column screen);
/// code blocks and tables kept as they are.
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut in_code = false;
    // The item being gathered: its first line's indent and its words.
    let mut item: Option<(String, String)> = None;
    let flush = |item: &mut Option<(String, String)>, out: &mut String| {
        if let Some((indent, words)) = item.take() {
            out.push_str(&wrap_one(&indent, &words, width));
        }
    };
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("```") {
            flush(&mut item, &mut out);
            in_code = !in_code;
            out.push_str(line);
            out.push('\n');
            continue;
        }
        if in_code || t.starts_with('|') {
            flush(&mut item, &mut out);
            out.push_str(line);
            out.push('\n');
            continue;
        }
        if t.is_empty() {
            flush(&mut item, &mut out);
            out.push('\n');
            continue;
        }
        let starts_item = t.starts_with("- ")
            || t.starts_with("* ")
            || t.starts_with('>')
            || t.starts_with('#')
            || t.split_once(". ")
                .is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_digit()));
        match item.as_mut() {
            Some((_, words)) if !starts_item => {
                words.push(' ');
                words.push_str(t);
            }
            _ => {
                flush(&mut item, &mut out);
                let indent: String = line.chars().take_while(|c| c.is_whitespace()).collect();
                item = Some((indent, t.to_string()));
            }
        }
    }
    flush(&mut item, &mut out);
    out.trim_end().to_string()
}

/// Markdown's inline marks as colour on a colour terminal: `code` and **strong** lose
/// their marks and gain a style. Without colour the marks stay: they still say which
/// words are code.
pub fn inline(text: &str, p: Palette) -> String {
    if !p.color {
        return text.to_string();
    }
    let mut out = String::new();
    let mut in_block = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_block = !in_block;
        }
        if in_block || line.trim_start().starts_with("```") || line.matches('`').count() % 2 == 1 {
            out.push_str(line);
        } else {
            for (i, part) in line.split('`').enumerate() {
                if i % 2 == 1 {
                    out.push_str(&p.paint(part, Style::Name));
                } else {
                    for (j, piece) in part.split("**").enumerate() {
                        if j % 2 == 1 && part.matches("**").count() % 2 == 0 {
                            out.push_str(&p.paint(piece, Style::Heading));
                        } else {
                            if j > 0 && part.matches("**").count() % 2 == 1 {
                                out.push_str("**");
                            }
                            out.push_str(piece);
                        }
                    }
                }
            }
        }
        out.push('\n');
    }
    out.trim_end_matches('\n').to_string()
}

/// One paragraph or list item wrapped; a list item's later lines hang under its text.
fn wrap_one(indent: &str, words: &str, width: usize) -> String {
    let bullet = words.starts_with("- ") || words.starts_with("* ");
    let hang = indent.chars().count() + if bullet { 2 } else { 0 };
    let line = format!(
        "{indent}{}",
        words.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    format!("{}\n", crate::view::wrap::wrap_hanging(&line, width, hang))
}

/// Which lesson `learn` opens: the one asked for, else the one the student was in, else
/// the first one not complete, else the first.
pub(super) fn choose<'a>(
    library: &'a Library,
    id: Option<&str>,
    progress: &super::progress::Progress,
) -> Result<&'a Lesson, String> {
    if let Some(id) = id {
        return library.find(id);
    }
    if let Some(current) = &progress.current {
        if let Ok(l) = library.find(current) {
            if super::report::done_steps(progress, l).0 < l.steps.len() {
                return Ok(l);
            }
        }
    }
    library
        .lessons
        .iter()
        .find(|l| super::report::done_steps(progress, l).0 < l.steps.len())
        .or_else(|| library.lessons.first())
        .ok_or_else(|| "there are no lessons to learn".to_string())
}

pub fn learn_command(args: &LearnArgs, color: ColorChoice) -> i32 {
    let library = match Library::load(args.lessons.as_deref()) {
        Ok(l) => l,
        Err(e) => return fail(&e),
    };
    library.warn();
    let store = Store::open();
    let lesson = match choose(&library, args.id.as_deref(), &store.progress) {
        Ok(l) => l.clone(),
        Err(e) => return fail(&e),
    };
    // SAFETY: isatty only inspects the descriptor.
    let terminal = unsafe { libc::isatty(0) } == 1;
    let palette = if terminal {
        Palette::decide(color)
    } else {
        Palette::PLAIN
    };
    let (options, show_events) = if terminal {
        crate::repl::live_options(palette)
    } else {
        (
            crate::session::SessionOptions {
                live_output: true,
                live_events: None,
            },
            Default::default(),
        )
    };
    let (engine, mut session) = match Engine::new(lesson, options, terminal) {
        Ok(r) => r,
        Err(e) => return fail(&e),
    };
    let mut learner = Learner {
        engine,
        store,
        lessons: library.lessons.clone(),
        palette,
        shown: None,
        hints: 0,
        plain: !terminal,
        intro: String::new(),
    };
    // Resume at the step the student was on, unless it is done.
    let l = learner.lesson().clone();
    let saved = learner
        .store
        .progress
        .lessons
        .get(&l.id)
        .and_then(|p| p.current_step.clone())
        .and_then(|sid| l.steps.iter().position(|s| s.id == sid))
        .unwrap_or(0);
    let start = learner.next_undone(saved);
    if !terminal && say(&format!("lesson {}: {}\n", l.id, l.title)).is_err() {
        return 0;
    }
    let mut first = String::new();
    let before: Vec<&str> = l
        .needs_lessons
        .iter()
        .filter(|n| {
            learner
                .lessons
                .iter()
                .find(|o| &o.id == *n)
                .is_some_and(|o| {
                    super::report::done_steps(&learner.store.progress, o).0 < o.steps.len()
                })
        })
        .map(String::as_str)
        .collect();
    if !before.is_empty() {
        first.push_str(&format!(
            "{}\n",
            palette.paint(
                &format!(
                    "this lesson builds on {}, not complete yet (socklab learn {})",
                    before.join(", "),
                    before[0]
                ),
                Style::Hint
            )
        ));
    }
    if learner.lesson().capture {
        first.push_str(&format!(
            "{}\n",
            palette.paint(&capture_note(&learner.engine, &session), Style::Hint)
        ));
    }
    // Resuming in a new session: the step may build on what the steps before it made
    // (`srv` listening, `cli` connected), so they are replayed, as `:reset` does.
    if start > 0 && start < learner.lesson().steps.len() {
        match learner.replay(&mut session, start) {
            Ok(()) => first.push_str(&format!(
                "{}\n",
                palette.paint(
                    "the steps before this one were replayed with their model solutions",
                    Style::Hint
                )
            )),
            Err(e) => first.push_str(&format!("{e}\n")),
        }
    }
    first.push_str(&learner.go(&mut session, start));
    if learner.engine.current().is_none() {
        first.push_str(&learner.completion());
    }
    if terminal {
        learner.intro = first;
        return crate::repl::run_hooked(palette, session, show_events, &mut learner);
    }
    piped(&mut learner, &mut session, &first)
}

/// What a lesson that captures says first: that the packets are shown after each
/// entry, or, where no capture is possible, why, and what that leaves out.
pub(super) fn capture_note(engine: &Engine, session: &Session) -> String {
    match (&engine.no_capture, session.tracing()) {
        (None, Some(place)) => format!(
            "This lesson shows the packets behind each call, after each entry \
             ({}; :packet N opens one, :flow draws them).",
            place.describe()
        ),
        (why, _) => format!(
            "This lesson shows the packets behind each call; {} In this lesson the \
             checks that read packets are left out, and the step's other checks decide.",
            why.as_deref().unwrap_or("the capture is off.")
        ),
    }
}

/// `learn` from a pipe: the entries as typed, plain lines, exit 0 if complete.
fn piped(learner: &mut Learner, session: &mut Session, first: &str) -> i32 {
    let mut err = std::io::stderr();
    let step = learner.before_prompt(session);
    if say(&format!("{first}{step}")).is_err() {
        return 0;
    }
    let mut pending = String::new();
    // The REPL's `:` commands work here too, with plain output.
    let mut meta = plain_state();
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    loop {
        let line = match lines.next() {
            Some(Ok(line)) => line,
            Some(Err(e)) => {
                let _ = writeln!(err, "socklab: cannot read the input: {e}");
                break;
            }
            None => {
                if pending.trim().is_empty() {
                    break;
                }
                String::new()
            }
        };
        if pending.is_empty() {
            let pre = learner.before_prompt(session);
            if say(&pre).is_err() {
                return 0;
            }
        }
        if pending.is_empty() && line.trim_start().starts_with(':') {
            let (out, flow) = learner
                .command(session, &line)
                .unwrap_or_else(|| crate::repl::meta::run(session, &mut meta, &line));
            if say(&out).is_err() {
                return 0;
            }
            if flow == Flow::Quit {
                break;
            }
            continue;
        }
        if pending.is_empty() && line.trim().is_empty() {
            continue;
        }
        if !pending.is_empty() {
            pending.push('\n');
        }
        pending.push_str(&line);
        if crate::syntax::is_incomplete(&pending) {
            continue;
        }
        let entry = std::mem::take(&mut pending);
        // A comment alone (`lesson solution` heads each step with one) is no attempt.
        if entry
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        {
            continue;
        }
        let outcome = session.run(&entry);
        // The entry's packets (a lesson that captures), after its events.
        if say(&session.new_packet_lines()).is_err() {
            return 0;
        }
        if let Some(e) = &outcome.error {
            let _ = err.write_all(e.report.as_bytes());
            if let Some(h) = &e.hint {
                let _ = writeln!(err, "hint: {h}");
            }
        }
        // `exit()` ends the input as it ends the REPL; the lesson decides the status.
        if outcome.exit.is_some() {
            break;
        }
        let (out, _) = learner.after_entry(session, &outcome);
        if say(&out).is_err() {
            return 0;
        }
    }
    learner.store.save();
    let _ = say(&learner.messages());
    let (done, total) = super::report::done_steps(&learner.store.progress, learner.lesson());
    if learner.complete() {
        0
    } else {
        let _ = say(&format!(
            "lesson not complete: {done} of {total} steps done\n"
        ));
        1
    }
}

fn plain_state() -> crate::repl::meta::MetaState {
    crate::repl::meta::MetaState {
        palette: Palette::PLAIN,
        events: false,
        width: Some(80),
        served: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn inline_marks_become_styles_only_in_colour() {
        use crate::view::Palette;
        let text = "Call `connect()` **once**.\n```\n`kept`\n```";
        assert_eq!(super::inline(text, Palette::PLAIN), text);
        let coloured = super::inline(text, Palette { color: true });
        assert!(!coloured.contains("`connect()`"), "{coloured:?}");
        assert!(!coloured.contains("**"), "{coloured:?}");
        assert!(coloured.contains("connect()") && coloured.contains("once"));
        assert!(coloured.ends_with("```\n`kept`\n```"), "{coloured:?}");
    }

    #[test]
    fn prose_is_reflowed_and_code_kept() {
        let text = "One two\nthree four five.\n\n- an item\n  that goes on\n- another\n\n```python\nx = 1\n```";
        assert_eq!(
            wrap(text, 12),
            "One two\nthree four\nfive.\n\n- an item\n  that goes\n  on\n- another\n\n```python\nx = 1\n```"
        );
    }
}
