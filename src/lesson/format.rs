//! The lesson file: Markdown that reads as is on GitHub and in the book, with the parts
//! the engine needs marked so that neither renderer shows the marks.
//!
//! ````markdown
//! <!-- lesson
//! id = "first-connection"          # stable: progress is kept under it
//! title = "Your first connection"
//! needs_services = ["echo"]         # started before the lesson, on a free port
//! needs_lessons = ["welcome"]       # shown as "do these first"
//! capture = true                    # its checks read packets (`packets(...)`)
//! -->
//! # Your first connection           (the book's chapter title; ignored by the engine)
//!
//! Text before the first step is the lesson's introduction.
//!
//! <!-- step: connect -->             (a step: its id is stable, keep it when editing)
//! ## Connect to the echo service     (the step's title)
//!
//! The step's text: any Markdown.
//!
//! ```python setup                    (optional: run before the step is shown)
//! ```
//!
//! <details><summary>Hint</summary>   (one or more: shown one at a time by :hint)
//! </details>
//!
//! <details><summary>Solution</summary>
//!
//! ```python solution                 (the model solution: `lesson check` runs it)
//! ```
//! </details>
//!
//! ```python check                    (one expression a line; all must be true)
//! # A comment line is what the student is told when the check below it fails.
//! state(cli) == "connected"
//! ```
//! ````
//!
//! Parsing never fails: what is malformed becomes a [`Problem`] with its line and
//! column, which `lesson lint` prints and every other command refuses to run.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// A 1-based line and column in a lesson file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

/// Something wrong with a lesson file, where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub pos: Pos,
    pub message: String,
}

/// Python code from a fenced block, with the line of its first line of code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Code {
    pub text: String,
    pub pos: Pos,
}

/// One check: an expression that must be true once the step is done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    pub expr: String,
    pub pos: Pos,
    /// The comment line above it: what the student is told when it is false.
    pub message: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Step {
    pub id: String,
    pub pos: Pos,
    pub title: String,
    /// The step's Markdown text (hints and solution left out).
    pub text: String,
    pub setup: Option<Code>,
    pub solution: Option<Code>,
    pub checks: Vec<Check>,
    /// Graduated: the first is a nudge, the last nearly the answer.
    pub hints: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lesson {
    /// Where it was read from, as shown in messages (`lessons/welcome.md`).
    pub path: String,
    pub id: String,
    pub id_pos: Pos,
    pub title: String,
    pub needs_services: Vec<String>,
    pub needs_services_pos: Pos,
    pub needs_lessons: Vec<String>,
    pub needs_lessons_pos: Pos,
    /// The lesson captures its session's packets, so its checks may read them.
    pub capture: bool,
    pub capture_pos: Pos,
    pub intro: String,
    pub steps: Vec<Step>,
}

/// The front matter's keys; any other is a mistake (a typo would silently do nothing).
pub const FRONT_MATTER_KEYS: [&str; 5] =
    ["id", "title", "needs_services", "needs_lessons", "capture"];

/// The roles a ```` ```python ROLE ```` block can have.
pub const CODE_ROLES: [&str; 3] = ["setup", "solution", "check"];

/// Line starts, for turning byte offsets into line:column.
struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { starts }
    }
    fn pos(&self, text: &str, offset: usize) -> Pos {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let col = text
            .get(start..offset.min(text.len()))
            .map(|s| s.chars().count())
            .unwrap_or(0)
            + 1;
        Pos { line, col }
    }
}

/// Where a lesson's reading is inside a `<details>` block.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fold {
    None,
    /// Inside a hint that started at this byte offset.
    Hint(usize),
    Solution,
}

/// Parse a lesson file. `path` is only for messages.
pub fn parse(path: &str, text: &str) -> (Lesson, Vec<Problem>) {
    let lines = Lines::new(text);
    let at = |offset: usize| lines.pos(text, offset);
    let mut lesson = Lesson {
        path: path.to_string(),
        ..Lesson::default()
    };
    let mut problems = Vec::new();
    let mut seen_front_matter = false;
    let mut step: Option<Step> = None;
    let mut fold = Fold::None;
    let mut fold_pos = Pos::default();
    let mut depth = 0usize;
    // Inside a heading or code block: the text is gathered here.
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut code: Option<(String, String, Pos)> = None;

    let finish_step = |step: Option<Step>, lesson: &mut Lesson| {
        if let Some(mut s) = step {
            s.text = s.text.trim().to_string();
            lesson.steps.push(s);
        }
    };

    for (event, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                depth += 1;
                if depth == 1 {
                    match &tag {
                        Tag::HtmlBlock => {}
                        Tag::Heading { .. } | Tag::CodeBlock(_) => {}
                        _ => {
                            // A top-level block of prose: part of the step's text, the
                            // current hint, or the introduction.
                            if fold == Fold::None {
                                let block = &text[range.clone()];
                                match step.as_mut() {
                                    Some(s) => {
                                        s.text.push_str(block.trim_end());
                                        s.text.push_str("\n\n");
                                    }
                                    None => {
                                        lesson.intro.push_str(block.trim_end());
                                        lesson.intro.push_str("\n\n");
                                    }
                                }
                            }
                        }
                    }
                }
                match tag {
                    Tag::HtmlBlock if depth == 1 => {
                        let block = &text[range.clone()];
                        html_block(
                            block,
                            range.start,
                            &at,
                            &mut HtmlState {
                                lesson: &mut lesson,
                                problems: &mut problems,
                                seen_front_matter: &mut seen_front_matter,
                                step: &mut step,
                                fold: &mut fold,
                                fold_pos: &mut fold_pos,
                                text,
                            },
                            &finish_step,
                        );
                    }
                    Tag::Heading { level, .. } => heading = Some((level, String::new())),
                    Tag::CodeBlock(kind) => {
                        let info = match kind {
                            CodeBlockKind::Fenced(info) => info.to_string(),
                            CodeBlockKind::Indented => String::new(),
                        };
                        // The code starts on the line after the opening fence.
                        let fence = at(range.start);
                        let pos = Pos {
                            line: fence.line + 1,
                            col: 1,
                        };
                        code = Some((info, String::new(), pos));
                        if fold == Fold::None && depth == 1 {
                            let role = info_role(code.as_ref().map(|c| c.0.as_str()));
                            if role.is_none() {
                                let block = &text[range.clone()];
                                if let Some(s) = step.as_mut() {
                                    s.text.push_str(block.trim_end());
                                    s.text.push_str("\n\n");
                                } else {
                                    lesson.intro.push_str(block.trim_end());
                                    lesson.intro.push_str("\n\n");
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                match end {
                    TagEnd::Heading(_) => {
                        if let Some((level, title)) = heading.take() {
                            if level == HeadingLevel::H2 {
                                if let Some(s) = step.as_mut() {
                                    if s.title.is_empty() {
                                        s.title = title.trim().to_string();
                                        continue;
                                    }
                                }
                            }
                            // Any other heading is prose.
                            let block = &text[range.clone()];
                            match step.as_mut() {
                                Some(s) if fold == Fold::None => {
                                    s.text.push_str(block.trim_end());
                                    s.text.push_str("\n\n");
                                }
                                None if level != HeadingLevel::H1 => {
                                    lesson.intro.push_str(block.trim_end());
                                    lesson.intro.push_str("\n\n");
                                }
                                _ => {}
                            }
                        }
                    }
                    TagEnd::CodeBlock => {
                        if let Some((info, body, pos)) = code.take() {
                            code_block(&info, body, pos, &mut step, fold, &mut problems);
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, body, _)) = code.as_mut() {
                    body.push_str(&t);
                } else if let Some((_, title)) = heading.as_mut() {
                    title.push_str(&t);
                }
            }
            _ => {}
        }
    }
    if let Fold::Hint(_) | Fold::Solution = fold {
        problems.push(Problem {
            pos: fold_pos,
            message: "this <details> is never closed: add </details>".into(),
        });
    }
    finish_step(step, &mut lesson);
    lesson.intro = lesson.intro.trim().to_string();
    if !seen_front_matter {
        problems.push(Problem {
            pos: Pos { line: 1, col: 1 },
            message:
                "no front matter: a lesson starts with <!-- lesson id = \"...\" title = \"...\" -->"
                    .into(),
        });
    }
    (lesson, problems)
}

/// The role of a ```` ```python ROLE ```` block, if it is one of the engine's.
fn info_role(info: Option<&str>) -> Option<&str> {
    let mut words = info?.split_whitespace();
    if words.next()? != "python" {
        return None;
    }
    words.next()
}

fn code_block(
    info: &str,
    body: String,
    pos: Pos,
    step: &mut Option<Step>,
    fold: Fold,
    problems: &mut Vec<Problem>,
) {
    let Some(role) = info_role(Some(info)) else {
        return;
    };
    let fence = Pos {
        line: pos.line - 1,
        col: 1,
    };
    if !CODE_ROLES.contains(&role) {
        // `python,ignore` and the like belong to the book; a plain word is a typo.
        if role.chars().all(|c| c.is_ascii_alphabetic()) {
            problems.push(Problem {
                pos: fence,
                message: format!("unknown code block role `{role}`: use setup, solution or check"),
            });
        }
        return;
    }
    let Some(s) = step.as_mut() else {
        problems.push(Problem {
            pos: fence,
            message: format!(
                "a `python {role}` block outside any step: put <!-- step: ID --> before it"
            ),
        });
        return;
    };
    let code = Code { text: body, pos };
    let again = |what: &str| Problem {
        pos: fence,
        message: format!("step `{}` has a second {what} block: one per step", s.id),
    };
    match role {
        "setup" => {
            if s.setup.is_some() {
                problems.push(again("setup"));
            }
            s.setup = Some(code);
        }
        "solution" => {
            if s.solution.is_some() {
                problems.push(again("solution"));
            }
            s.solution = Some(code);
        }
        _ => {
            if fold != Fold::None {
                problems.push(Problem {
                    pos: fence,
                    message: "a check inside <details>: keep checks outside hints and solutions"
                        .into(),
                });
            }
            let mut message = None;
            for (i, line) in code.text.lines().enumerate() {
                let trimmed = line.trim();
                if trimmed.is_empty() {
                    continue;
                }
                let indent = line.len() - line.trim_start().len();
                if let Some(comment) = trimmed.strip_prefix('#') {
                    message = Some(comment.trim().to_string());
                    continue;
                }
                s.checks.push(Check {
                    expr: trimmed.to_string(),
                    pos: Pos {
                        line: pos.line + i,
                        col: indent + 1,
                    },
                    message: message.take(),
                });
            }
        }
    }
}

struct HtmlState<'a> {
    lesson: &'a mut Lesson,
    problems: &'a mut Vec<Problem>,
    seen_front_matter: &'a mut bool,
    step: &'a mut Option<Step>,
    fold: &'a mut Fold,
    fold_pos: &'a mut Pos,
    text: &'a str,
}

fn html_block(
    block: &str,
    start: usize,
    at: &dyn Fn(usize) -> Pos,
    st: &mut HtmlState,
    finish_step: &dyn Fn(Option<Step>, &mut Lesson),
) {
    let trimmed = block.trim();
    if let Some(rest) = trimmed.strip_prefix("<!--") {
        let rest = rest.trim_start();
        if let Some(body) = rest.strip_prefix("lesson") {
            if *st.seen_front_matter {
                st.problems.push(Problem {
                    pos: at(start),
                    message: "a second <!-- lesson --> front matter: one per file".into(),
                });
                return;
            }
            *st.seen_front_matter = true;
            let body = body.trim_end().strip_suffix("-->").unwrap_or(body);
            // Offset of the body in the file, so TOML positions map back.
            let body_start = start + block.find("lesson").unwrap_or(0) + "lesson".len();
            front_matter(body, body_start, at, st.lesson, st.problems);
            return;
        }
        if let Some(body) = rest.strip_prefix("step:") {
            let id = body.trim_end().strip_suffix("-->").unwrap_or(body).trim();
            if *st.fold != Fold::None {
                st.problems.push(Problem {
                    pos: at(start),
                    message: "a step starts inside <details>: close it with </details> first"
                        .into(),
                });
                *st.fold = Fold::None;
            }
            finish_step(st.step.take(), st.lesson);
            let pos = at(start + block.find("step:").unwrap_or(0) + "step:".len() + 1);
            if !valid_id(id) {
                st.problems.push(Problem {
                    pos,
                    message: format!(
                        "step id `{id}` is not a plain name: use letters, digits, - and _"
                    ),
                });
            }
            *st.step = Some(Step {
                id: id.to_string(),
                pos,
                ..Step::default()
            });
            return;
        }
        // Any other comment is the author's.
        return;
    }
    let lower = block.to_ascii_lowercase();
    if let Some(summary_at) = lower.find("<summary>") {
        let after = &lower[summary_at + "<summary>".len()..];
        let label = after.split("</summary>").next().unwrap_or("").trim();
        let content_start = lower
            .find("</summary>")
            .map(|i| i + "</summary>".len())
            .unwrap_or(block.len());
        if *st.fold != Fold::None {
            st.problems.push(Problem {
                pos: at(start),
                message: "a <details> inside another: close the first with </details>".into(),
            });
        }
        *st.fold_pos = at(start + summary_at);
        *st.fold = if label.starts_with("hint") {
            Fold::Hint(start + content_start)
        } else if label.starts_with("solution") {
            Fold::Solution
        } else {
            // An author's own fold: prose, not part of the engine.
            Fold::None
        };
        if st.step.is_none() && *st.fold != Fold::None {
            st.problems.push(Problem {
                pos: at(start + summary_at),
                message: format!("a {label} outside any step: put <!-- step: ID --> before it"),
            });
        }
        if let Some(end) = lower[content_start..].find("</details>") {
            close_fold(st, start + content_start + end);
        }
        return;
    }
    if let Some(end) = lower.find("</details>") {
        close_fold(st, start + end);
    }
}

fn close_fold(st: &mut HtmlState, end: usize) {
    if let Fold::Hint(from) = *st.fold {
        let hint = st.text.get(from..end).unwrap_or("").trim().to_string();
        if let Some(s) = st.step.as_mut() {
            if hint.is_empty() {
                st.problems.push(Problem {
                    pos: *st.fold_pos,
                    message: "an empty hint".into(),
                });
            } else {
                s.hints.push(hint);
            }
        }
    }
    *st.fold = Fold::None;
}

/// Ids are written in files and in progress: keep them plain.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn front_matter(
    body: &str,
    body_start: usize,
    at: &dyn Fn(usize) -> Pos,
    lesson: &mut Lesson,
    problems: &mut Vec<Problem>,
) {
    // Where a key is written, for messages about it.
    let key_pos = |key: &str| -> Pos {
        let mut offset = 0;
        for line in body.split_inclusive('\n') {
            let t = line.trim_start();
            if t.starts_with(key) && t[key.len()..].trim_start().starts_with('=') {
                return at(body_start + offset + (line.len() - t.len()));
            }
            offset += line.len();
        }
        at(body_start)
    };
    let table: toml::Table = match body.parse() {
        Ok(t) => t,
        Err(e) => {
            let pos = e
                .span()
                .map(|s| at(body_start + s.start))
                .unwrap_or_else(|| at(body_start));
            let msg = e.message().trim().to_string();
            problems.push(Problem {
                pos,
                message: format!("front matter is not valid TOML: {msg}"),
            });
            return;
        }
    };
    for (key, value) in &table {
        let pos = key_pos(key);
        match key.as_str() {
            "id" | "title" => match value.as_str() {
                Some(s) => {
                    if key == "id" {
                        lesson.id = s.to_string();
                        lesson.id_pos = pos;
                        if !valid_id(s) {
                            problems.push(Problem {
                                pos,
                                message: format!(
                                    "lesson id `{s}` is not a plain name: use letters, digits, - and _"
                                ),
                            });
                        }
                    } else {
                        lesson.title = s.to_string();
                    }
                }
                None => problems.push(Problem {
                    pos,
                    message: format!("`{key}` must be a string"),
                }),
            },
            "needs_services" | "needs_lessons" => {
                let list: Option<Vec<String>> = value.as_array().and_then(|a| {
                    a.iter()
                        .map(|v| v.as_str().map(str::to_string))
                        .collect::<Option<Vec<String>>>()
                });
                match list {
                    Some(list) => {
                        if key == "needs_services" {
                            lesson.needs_services = list;
                            lesson.needs_services_pos = pos;
                        } else {
                            lesson.needs_lessons = list;
                            lesson.needs_lessons_pos = pos;
                        }
                    }
                    None => problems.push(Problem {
                        pos,
                        message: format!("`{key}` must be a list of strings"),
                    }),
                }
            }
            "capture" => match value.as_bool() {
                Some(b) => {
                    lesson.capture = b;
                    lesson.capture_pos = pos;
                }
                None => problems.push(Problem {
                    pos,
                    message: "`capture` must be true or false".into(),
                }),
            },
            other => {
                let known = FRONT_MATTER_KEYS.join(", ");
                let guess = FRONT_MATTER_KEYS
                    .iter()
                    .map(|k| (strsim::jaro_winkler(other, k), k))
                    .filter(|(score, _)| *score > 0.8)
                    .max_by(|a, b| a.0.total_cmp(&b.0))
                    .map(|(_, k)| format!(" (did you mean `{k}`?)"))
                    .unwrap_or_default();
                problems.push(Problem {
                    pos,
                    message: format!(
                        "unknown front matter key `{other}`{guess}: known are {known}"
                    ),
                });
            }
        }
    }
    for key in ["id", "title"] {
        if !table.contains_key(key) {
            problems.push(Problem {
                pos: at(body_start),
                message: format!("the front matter has no `{key}`"),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<!-- lesson
id = "demo"
title = "A demo"
needs_services = ["echo"]
-->
# A demo

Intro text.

<!-- step: first -->
## The first step

Do the thing.

```python setup
x = 1
```

<details><summary>Hint</summary>

A nudge.
</details>

<details><summary>Hint</summary>

Nearly the answer.
</details>

<details><summary>Solution</summary>

```python solution
y = x + 1
```
</details>

```python check
# y must be two
y == 2
  x == 1
```
"#;

    #[test]
    fn a_lesson_reads_with_positions() {
        let (l, problems) = parse("demo.md", SAMPLE);
        assert_eq!(problems, vec![]);
        assert_eq!(l.id, "demo");
        assert_eq!(l.id_pos, Pos { line: 2, col: 1 });
        assert_eq!(l.title, "A demo");
        assert_eq!(l.needs_services, vec!["echo"]);
        assert_eq!(l.intro, "Intro text.");
        assert_eq!(l.steps.len(), 1);
        let s = &l.steps[0];
        assert_eq!(s.id, "first");
        assert_eq!(s.pos, Pos { line: 10, col: 12 });
        assert_eq!(s.title, "The first step");
        assert_eq!(s.text, "Do the thing.");
        assert_eq!(
            s.setup,
            Some(Code {
                text: "x = 1\n".into(),
                pos: Pos { line: 16, col: 1 }
            })
        );
        assert_eq!(s.hints, vec!["A nudge.", "Nearly the answer."]);
        assert_eq!(
            s.solution.as_ref().map(|c| c.text.as_str()),
            Some("y = x + 1\n")
        );
        assert_eq!(s.solution.as_ref().map(|c| c.pos.line), Some(32));
        assert_eq!(
            s.checks,
            vec![
                Check {
                    expr: "y == 2".into(),
                    pos: Pos { line: 38, col: 1 },
                    message: Some("y must be two".into())
                },
                Check {
                    expr: "x == 1".into(),
                    pos: Pos { line: 39, col: 3 },
                    message: None
                }
            ]
        );
    }

    #[test]
    fn unknown_keys_and_bad_toml_are_problems_with_places() {
        let (_, p) = parse(
            "x.md",
            "<!-- lesson\nid = \"a\"\ntitle = \"b\"\nneeds_service = []\n-->\n",
        );
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].pos, Pos { line: 4, col: 1 });
        assert!(
            p[0].message.contains("did you mean `needs_services`"),
            "{}",
            p[0].message
        );
        let (_, p) = parse("x.md", "<!-- lesson\nid = \"a\"\ntitle = \n-->\n");
        assert!(
            p[0].message.starts_with("front matter is not valid TOML"),
            "{p:?}"
        );
        assert_eq!(p[0].pos.line, 3);
    }

    #[test]
    fn an_unclosed_details_and_a_stray_role_are_problems() {
        let text = "<!-- lesson\nid = \"a\"\ntitle = \"b\"\n-->\n<!-- step: s -->\n## S\n\n<details><summary>Hint</summary>\n\nhm\n\n```python chek\nx\n```\n";
        let (_, p) = parse("x.md", text);
        let messages: Vec<&str> = p.iter().map(|p| p.message.as_str()).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.contains("unknown code block role `chek`")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("never closed")),
            "{messages:?}"
        );
    }

    proptest::proptest! {
        /// Whatever an author writes, parsing and linting give problems, never a panic.
        #[test]
        fn any_mix_of_lesson_parts_parses_and_lints(parts in proptest::collection::vec(0usize..18, 0..30)) {
            const FRAGMENTS: [&str; 18] = [
                "<!-- lesson\nid = \"a\"\ntitle = \"b\"\n-->\n",
                "<!-- lesson\nid = [\n-->\n",
                "<!-- step: s -->\n",
                "<!-- step: -->\n",
                "## Title\n",
                "# Big\n",
                "text é ✓\n",
                "\n",
                "<details><summary>Hint</summary>\n\n",
                "<details><summary>Solution</summary>\n",
                "</details>\n",
                "```python setup\nimport socket\n```\n",
                "```python solution\nx = (\n```\n",
                "```python check\n# msg\nx == 1\nstate(\n```\n",
                "```python chek\n```\n",
                "```\nunclosed\n",
                "- item\n  more\n",
                "<details><summary>Hint</summary>inline</details>\n",
            ];
            let text: String = parts.iter().map(|&i| FRAGMENTS[i]).collect();
            let (lesson, _) = parse("p.md", &text);
            let _ = super::super::lint::lint_lesson(&lesson);
            let _ = super::super::learn::wrap(&text, 20);
        }
    }
}
